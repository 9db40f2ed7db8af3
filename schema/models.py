"""Typed SQLAlchemy 2 models. Relationships are lazy="raise": load what you need explicitly."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from schema.types import UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    """An operator account. `role` is one of console.core.auth.Role."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class UserPref(Base):
    """Per-operator preferences (window arrangement, language), JSON text values."""

    __tablename__ = "user_prefs"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditRecord(Base):
    """One link of the tamper-evident audit chain.

    `hash` is SHA-256 over the canonical JSON of (seq, at, actor, action, subject, payload,
    prev_hash); `at` and `payload` are stored as the exact text that was hashed.
    """

    __tablename__ = "audit_records"
    __table_args__ = (UniqueConstraint("seq"), UniqueConstraint("prev_hash"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(String(256))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """A single row naming the chain's head; appenders lock it to serialise the chain."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


# -- alarms ------------------------------------------------------------------------------------


class AlarmEvent(Base):
    """Every event a driver reported, stored as received before its device was acknowledged."""

    __tablename__ = "alarm_events"
    # reports: one source's events in a period (a camera's video losses and restores)
    __table_args__ = (Index("ix_alarm_events_source_received", "source_id", "received_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    source_id: Mapped[str] = mapped_column(String(64))
    point: Mapped[str | None] = mapped_column(String(32), nullable=True)
    zone_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    type: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(String(256))
    raw: Mapped[str] = mapped_column(Text)
    device_time: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    dedup_key: Mapped[str | None] = mapped_column(String(128), nullable=True, index=True)
    duplicate_of: Mapped[int | None] = mapped_column(Integer, nullable=True)
    alarm_id: Mapped[int | None] = mapped_column(
        ForeignKey("alarms.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    # A picture of the event (video analysis: the frame with the region drawn), relative to
    # the site's snapshots folder.
    snapshot: Mapped[str | None] = mapped_column(String(255), nullable=True)


class Alarm(Base):
    """One item of the alarm queue, from raise to close. Never deleted.

    `state`: new → acknowledged → in_progress → closed. `zone_id` is None for a point the site
    file does not map (and for a source's own communication fault).
    """

    __tablename__ = "alarms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    zone_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    zone_name: Mapped[str] = mapped_column(String(128))
    zone_kind: Mapped[str] = mapped_column(String(16))
    source_id: Mapped[str] = mapped_column(String(64))
    point: Mapped[str | None] = mapped_column(String(32), nullable=True)
    event: Mapped[str] = mapped_column(String(16))  # alarm | trouble | disabled | comm_fault
    code: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(String(256))
    priority: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)
    camera_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)
    repeats: Mapped[int] = mapped_column(Integer, default=0)
    restored_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    acknowledged_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    started_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    dispatched_to: Mapped[str | None] = mapped_column(String(128), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    resolution: Mapped[str | None] = mapped_column(String(16), nullable=True)
    close_comment: Mapped[str | None] = mapped_column(Text, nullable=True)


class AlarmNote(Base):
    """The history of an alarm: acknowledgement, SOP steps, dispatch, comments, restores."""

    __tablename__ = "alarm_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alarm_id: Mapped[int] = mapped_column(ForeignKey("alarms.id", ondelete="RESTRICT"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    author: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    step: Mapped[str | None] = mapped_column(String(32), nullable=True)  # SOP step id
    text: Mapped[str] = mapped_column(Text)


class ZoneShelf(Base):
    """A zone taken out of the live queue by a supervisor, with a reason, until an expiry."""

    __tablename__ = "zone_shelves"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    zone_id: Mapped[str] = mapped_column(String(64), index=True)
    by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    since: Mapped[datetime] = mapped_column(UTCDateTime)
    until: Mapped[datetime] = mapped_column(UTCDateTime)
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    lifted_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


class RecordingSegment(Base):
    """One closed MP4 segment of a camera's recording (at most a minute), by wall-clock time."""

    __tablename__ = "recording_segments"
    __table_args__ = (Index("ix_recording_segments_camera_start", "camera_id", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    camera_id: Mapped[str] = mapped_column(String(64))
    start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    path: Mapped[str] = mapped_column(String(1024), unique=True)  # relative to the recordings
    bytes: Mapped[int] = mapped_column(BigInteger)
    indexed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecordingGap(Base):
    """A stretch a recorded camera has no footage for (offline, stalled, restarted)."""

    __tablename__ = "recording_gaps"
    __table_args__ = (Index("ix_recording_gaps_camera_start", "camera_id", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    camera_id: Mapped[str] = mapped_column(String(64))
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(256))


class EvidenceLock(Base):
    """Footage of one camera and time range that retention must not delete (a loan, a case)."""

    __tablename__ = "evidence_locks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    camera_id: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text)
    ref: Mapped[str] = mapped_column(String(64))  # what holds it: "loan:12", "alarm:40", ...
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    released_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


# -- duty: shifts, log, handover, check records, lift and complaint records -----------------


class Shift(Base):
    """One shift of the site's pattern, created when something first happens in it.

    `state`: open → handing_over (outgoing signed; the seal is fixed) → sealed (incoming
    signed). Only an open shift takes new entries.
    """

    __tablename__ = "shifts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[datetime] = mapped_column(UTCDateTime, unique=True)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    label: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ShiftPresence(Base):
    """An operator on duty in a shift: from log-in (or accepting the handover) to log-out."""

    __tablename__ = "shift_presence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="RESTRICT"), index=True)
    user_name: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LogEntry(Base):
    """One duty-log entry. Never edited or deleted: a correction is a new entry that names
    the one it corrects (`corrects_id`). `at` is when it happened, `recorded_at` when written.
    """

    __tablename__ = "log_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="RESTRICT"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    author: Mapped[str] = mapped_column(String(64), index=True)
    author_name: Mapped[str] = mapped_column(String(128))
    category: Mapped[str] = mapped_column(String(16), index=True)
    text: Mapped[str] = mapped_column(Text)
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("log_entries.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    source: Mapped[str] = mapped_column(String(16), default="operator")  # or alarm, visit, ...
    ref: Mapped[str | None] = mapped_column(String(64), nullable=True)  # "alarm:12", ...
    equipment_status: Mapped[bool] = mapped_column(Boolean, default=False)
    attachments: Mapped[str] = mapped_column(Text, default="[]")  # JSON list


class Handover(Base):
    """A shift's handover: open items with owners and instructions, the keys-and-equipment
    checklist, the incoming operator's synthesis, and the seal both signatures carry.

    `state`: outgoing_signed → sealed, or withdrawn (the shift is open again).
    """

    __tablename__ = "handovers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="RESTRICT"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    items: Mapped[str] = mapped_column(Text)  # JSON list
    checklist: Mapped[str] = mapped_column(Text)  # JSON list
    synthesis: Mapped[str] = mapped_column(Text)
    seal_hash: Mapped[str] = mapped_column(String(64))
    audit_head: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    withdrawn_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    withdraw_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class Signature(Base):
    """One signature on a handover: who (printed name, role), when, what it means, and the
    seal it signs. `side` is outgoing (交班, handed over) or incoming (接班, accepted)."""

    __tablename__ = "signatures"
    __table_args__ = (UniqueConstraint("handover_id", "side"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id", ondelete="RESTRICT"))
    side: Mapped[str] = mapped_column(String(16))
    user_name: Mapped[str] = mapped_column(String(64))
    printed_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    meaning: Mapped[str] = mapped_column(String(16))  # handed_over | accepted
    seal_hash: Mapped[str] = mapped_column(String(64))
    audit_head: Mapped[str] = mapped_column(String(64))


class CheckRecord(Base):
    """A filled and signed check sheet (daily fire-equipment check, monthly CCTV upkeep, ...).
    `items` is the JSON list of {id, text, result: normal|abnormal, note}."""

    __tablename__ = "check_records"
    __table_args__ = (UniqueConstraint("template_id", "period_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[str] = mapped_column(String(64), index=True)
    template_name: Mapped[str] = mapped_column(String(128))
    period_start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    period_end: Mapped[datetime] = mapped_column(UTCDateTime)
    shift_id: Mapped[int | None] = mapped_column(
        ForeignKey("shifts.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    signed_by: Mapped[str] = mapped_column(String(64))
    printed_name: Mapped[str] = mapped_column(String(128))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    items: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")


class FaultReport(Base):
    """An abnormal check item (or a fault reported by hand): open until repaired."""

    __tablename__ = "fault_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    check_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("check_records.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    item_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    title: Mapped[str] = mapped_column(String(256))
    note: Mapped[str] = mapped_column(Text, default="")
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    opened_by: Mapped[str] = mapped_column(String(64))
    repaired_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    repaired_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    repair_note: Mapped[str | None] = mapped_column(Text, nullable=True)


class LiftRecord(Base):
    """A lift entrapment (rule 3.4.6): lift number, people trapped, who was called and when,
    120 if anyone is hurt, time freed; open until closed."""

    __tablename__ = "lift_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lift_no: Mapped[str] = mapped_column(String(32))
    people_trapped: Mapped[int] = mapped_column(Integer)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    opened_by: Mapped[str] = mapped_column(String(64))
    calls: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {who, at}
    injured: Mapped[bool] = mapped_column(Boolean, default=False)
    ambulance_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    freed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    outcome: Mapped[str | None] = mapped_column(Text, nullable=True)


class Complaint(Base):
    """A resident's complaint (rule 3.4.7): handled, escalated if major, followed up by a
    call whose outcome is recorded; open until closed."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    received_by: Mapped[str] = mapped_column(String(64))
    resident: Mapped[str] = mapped_column(String(128))
    unit: Mapped[str] = mapped_column(String(64))
    matter: Mapped[str] = mapped_column(Text)
    handling: Mapped[str] = mapped_column(Text, default="")
    escalated_to: Mapped[str | None] = mapped_column(String(128), nullable=True)
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    followup_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    followup_outcome: Mapped[str | None] = mapped_column(Text, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Visit(Base):
    """A visitor at a gate (rule 3.4.8): who, for which room, the calls to the resident and the
    instruction given to the gate. The ID number is never stored: only its masked form and a
    keyed hash (HMAC-SHA256 with the site's key), which finds repeat visitors."""

    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gate_id: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    requested_by: Mapped[str] = mapped_column(String(64))
    visitor_name: Mapped[str] = mapped_column(String(64))
    id_type: Mapped[str] = mapped_column(String(16))
    id_masked: Mapped[str] = mapped_column(String(40))
    id_hash: Mapped[str] = mapped_column(String(64), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    room: Mapped[str] = mapped_column(String(32), index=True)
    purpose: Mapped[str] = mapped_column(Text, default="")
    expected_leave_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    snapshot: Mapped[str | None] = mapped_column(String(255), nullable=True)  # attachments/
    # pending (no instruction yet) | waiting | admitted | refused | withdrawn
    state: Mapped[str] = mapped_column(String(16), index=True)
    resident_decision: Mapped[str | None] = mapped_column(String(16), nullable=True)  # agree|refuse
    instruction_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    instruction_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    signed_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    signed_out_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


class VisitCall(Base):
    """One call to the resident's indoor station for a visit, with its SIP Call-ID."""

    __tablename__ = "visit_calls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    placed_by: Mapped[str] = mapped_column(String(64))
    uri: Mapped[str] = mapped_column(String(255))
    outcome: Mapped[str] = mapped_column(String(16))
    rings: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[float] = mapped_column(Float)
    talk_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    call_id: Mapped[str | None] = mapped_column(String(255), nullable=True)
    sip_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str] = mapped_column(String(255), default="")
    manual: Mapped[bool] = mapped_column(Boolean, default=False)  # by phone, entered by hand


class VisitorPass(Base):
    """A time-limited pass for a contractor or delivery worker: who, where, from when to when."""

    __tablename__ = "visitor_passes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # contractor | delivery
    holder_name: Mapped[str] = mapped_column(String(64))
    company: Mapped[str] = mapped_column(String(128), default="")
    id_type: Mapped[str] = mapped_column(String(16))
    id_masked: Mapped[str] = mapped_column(String(40))
    id_hash: Mapped[str] = mapped_column(String(64), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    area: Mapped[str] = mapped_column(String(128))
    purpose: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    valid_to: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    revoke_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


# -- footage lending (rule 3.4.3) -------------------------------------------------------------


class Loan(Base):
    """A request to view or copy recorded footage, its approval by the management office's
    head, the package handed over and its return. ID numbers are stored masked and as a keyed
    hash only (as for visitors)."""

    __tablename__ = "loans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    requested_by: Mapped[str] = mapped_column(String(64))
    borrower_kind: Mapped[str] = mapped_column(String(16))  # police | resident | staff | other
    borrower_name: Mapped[str] = mapped_column(String(64))
    organisation: Mapped[str] = mapped_column(String(128), default="")
    id_type: Mapped[str] = mapped_column(String(16))
    id_masked: Mapped[str] = mapped_column(String(40))
    id_hash: Mapped[str] = mapped_column(String(64), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    case_no: Mapped[str] = mapped_column(String(64), default="")
    officer2_name: Mapped[str] = mapped_column(String(64), default="")
    officer2_id_type: Mapped[str] = mapped_column(String(16), default="")
    officer2_id_masked: Mapped[str] = mapped_column(String(40), default="")
    officer2_id_hash: Mapped[str] = mapped_column(String(64), default="")
    mode: Mapped[str] = mapped_column(String(8))  # view | copy
    medium: Mapped[str] = mapped_column(String(16), default="")
    medium_serial: Mapped[str] = mapped_column(String(64), default="")
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # requested | refused | cancelled | approved | lent | closed
    state: Mapped[str] = mapped_column(String(16), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    copy_reason: Mapped[str] = mapped_column(String(32), default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    package_dir: Mapped[str] = mapped_column(Text, default="")
    manifest: Mapped[str] = mapped_column(Text, default="")  # manifest.json as written
    manifest_sha256: Mapped[str] = mapped_column(String(64), default="")
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    exported_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # intact | altered | destroyed | lost | viewed (a closed loan); cancelled/refused: ""
    outcome: Mapped[str] = mapped_column(String(16), default="")
    witness: Mapped[str] = mapped_column(String(64), default="")
    close_note: Mapped[str] = mapped_column(Text, default="")
    return_report: Mapped[str] = mapped_column(Text, default="")  # JSON: the re-hash's findings


class LoanRange(Base):
    """One camera and time range of a loan; its evidence lock and, once packaged, its file."""

    __tablename__ = "loan_ranges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    camera_id: Mapped[str] = mapped_column(String(64))
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    lock_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    file: Mapped[str] = mapped_column(String(255), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    bytes: Mapped[int] = mapped_column(Integer, default=0)


class FootageView(Base):
    """Someone watched recorded footage at the desk: who, which camera and range, when."""

    __tablename__ = "footage_views"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    viewer: Mapped[str] = mapped_column(String(64))
    viewer_name: Mapped[str] = mapped_column(String(64))
    camera_id: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id"), nullable=True, index=True)
    context: Mapped[str] = mapped_column(String(32))  # playback | loan | replay


# -- site plan -------------------------------------------------------------------------------


class PlanMarker(Base):
    """Where a zone or camera sits on one of the site's plan images, placed by an admin.

    x and y are fractions of the image's width and height (0..1), so a rescaled image keeps its
    markers. A device has one place: moving it to another plan moves the row."""

    __tablename__ = "plan_markers"
    __table_args__ = (UniqueConstraint("kind", "ref", name="uq_plan_markers_kind_ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # zone | camera
    ref: Mapped[str] = mapped_column(String(64))  # the zone's or camera's id
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    placed_by: Mapped[str] = mapped_column(String(64))
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class VideoArea(Base):
    """A polygon an admin drew on a camera's view: a privacy mask, or a video-analysis area
    (intrusion, loitering, thrown objects) raising alarms on its video zone.

    `polygon`: JSON [[x, y], ...] as fractions of the picture. `schedule`: JSON
    {"days": [0..6], "from": "HH:MM", "to": "HH:MM"} in the site's time zone, or NULL (always).
    """

    __tablename__ = "video_areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    camera_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # privacy | intrusion | loitering | thrown
    name: Mapped[str] = mapped_column(String(128))
    zone_id: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    polygon: Mapped[str] = mapped_column(Text)
    schedule: Mapped[str | None] = mapped_column(Text, nullable=True)
    min_area: Mapped[float] = mapped_column(Float)  # fraction of the picture
    min_seconds: Mapped[float] = mapped_column(Float)
    loiter_seconds: Mapped[float] = mapped_column(Float)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Change(Base):
    """One committed change, written in the same transaction as the change itself, for the
    other desks: they read every row after the last one they saw (console.core.changes).

    Write transactions are serialized (BEGIN IMMEDIATE on SQLite, a transaction-level
    advisory lock on PostgreSQL), so ids grow in commit order and "id > last seen" misses
    nothing. `data` is JSON; `origin` names the desk process that made the change.
    """

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    topic: Mapped[str] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(32))
