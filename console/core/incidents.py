"""Lift entrapments (rule 3.4.6) and residents' complaints (rule 3.4.7), followed to the end.

A lift record starts when a lift alarm or call reports people trapped: the desk records who
it called (squad leader, lift technician, engineering), 120 if anyone is hurt, and when the
people were freed; it closes with an outcome, and not while people are still trapped. A
complaint is handled, escalated if major, followed up by a call (回访) whose outcome is
recorded, and closes only once handling is written and the follow-up call is recorded.

Every change appends to the audit chain and writes one duty-log line (`DutyLog.add_system`)
in the same transaction, and notes "duty.incident" in it (console.core.changes). The resident's
name is personal data: it is stored on the complaint and shown to the desk, but never put in
an audit payload or a duty-log line (those name the unit and the matter).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core import audit
from console.core.auth import Actor
from console.core.changes import note as note_change
from console.core.dutylog import MAX_TEXT, Category, DutyLog, excerpt
from console.core.events import EventBus
from console.core.handover import OpenItem
from console.core.shifts import FUTURE_SLACK
from console.core.site import Site
from schema.db import Database
from schema.models import Complaint, LiftRecord
from schema.types import utcnow

MAX_TRAPPED = 50

LIFT_COLUMNS = (
    "lift_id",
    "lift_no",
    "people_trapped",
    "reported_at",
    "opened_by",
    "calls",
    "injured",
    "ambulance_called_at",
    "freed_at",
    "seconds_trapped",
    "note",
    "closed_at",
    "closed_by",
    "outcome",
)

COMPLAINT_COLUMNS = (
    "complaint_id",
    "received_at",
    "received_by",
    "resident",
    "unit",
    "matter",
    "handling",
    "escalated_to",
    "escalated_at",
    "followup_at",
    "followup_outcome",
    "closed_at",
    "closed_by",
)


class IncidentError(Exception):
    """A lift or complaint request that breaks a rule; `code` lets the UI word it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class LiftView:
    id: int
    lift_no: str
    people_trapped: int
    reported_at: datetime
    opened_by: str
    calls: tuple[tuple[str, datetime], ...]  # (who, at), in time order
    injured: bool
    ambulance_called_at: datetime | None
    freed_at: datetime | None
    note: str
    closed_at: datetime | None
    closed_by: str | None
    outcome: str | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def still_trapped(self) -> bool:
        """People are trapped and have not been freed yet."""
        return self.people_trapped > 0 and self.freed_at is None

    @property
    def seconds_trapped(self) -> float | None:
        if self.freed_at is None:
            return None
        return (self.freed_at - self.reported_at).total_seconds()


@dataclass(frozen=True)
class ComplaintView:
    id: int
    received_at: datetime
    received_by: str
    resident: str  # personal data: show it, never log or audit it
    unit: str
    matter: str
    handling: str
    escalated_to: str | None
    escalated_at: datetime | None
    followup_at: datetime | None
    followup_outcome: str | None
    closed_at: datetime | None
    closed_by: str | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


# -- rows and views ---------------------------------------------------------------------------


def _calls(row: LiftRecord) -> list[dict[str, str]]:
    calls: list[dict[str, str]] = json.loads(row.calls or "[]")
    return calls


def _lift_view(row: LiftRecord) -> LiftView:
    return LiftView(
        id=row.id,
        lift_no=row.lift_no,
        people_trapped=row.people_trapped,
        reported_at=row.reported_at,
        opened_by=row.opened_by,
        calls=tuple((c["who"], datetime.fromisoformat(c["at"])) for c in _calls(row)),
        injured=bool(row.injured),
        ambulance_called_at=row.ambulance_called_at,
        freed_at=row.freed_at,
        note=row.note,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
        outcome=row.outcome,
    )


def _complaint_view(row: Complaint) -> ComplaintView:
    return ComplaintView(
        id=row.id,
        received_at=row.received_at,
        received_by=row.received_by,
        resident=row.resident,
        unit=row.unit,
        matter=row.matter,
        handling=row.handling,
        escalated_to=row.escalated_to,
        escalated_at=row.escalated_at,
        followup_at=row.followup_at,
        followup_outcome=row.followup_outcome,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
    )


# -- checking input ---------------------------------------------------------------------------


def _text(value: str, code: str, what: str, limit: int = MAX_TEXT) -> str:
    """A required text, stripped and at most `limit` characters."""
    value = value.strip()
    if not value:
        raise IncidentError(code, f"{what} is required")
    if len(value) > limit:
        raise IncidentError("too_long", f"{what} holds at most {limit} characters")
    return value


def _optional_text(value: str, what: str, limit: int = MAX_TEXT) -> str:
    value = value.strip()
    if len(value) > limit:
        raise IncidentError("too_long", f"{what} holds at most {limit} characters")
    return value


def _trapped(count: int) -> int:
    if isinstance(count, bool) or not 0 <= count <= MAX_TRAPPED:
        raise IncidentError(
            "bad_trapped", f"people trapped must be a whole number from 0 to {MAX_TRAPPED}"
        )
    return count


def _moment(at: datetime | None, now: datetime, since: datetime | None = None) -> datetime:
    """When something happened: now by default (never before `since`); a given time must be
    aware, not in the future (beyond the clocks' slack) and not before `since`."""
    if at is None:
        return max(now, since) if since is not None else now
    if at.tzinfo is None:
        raise IncidentError("naive_time", "a time needs a time zone")
    if at > now + FUTURE_SLACK:
        raise IncidentError("future", "a time cannot be in the future")
    if since is not None and at < since:
        raise IncidentError("before_opened", "a time cannot be before the record was opened")
    return at


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- the service ------------------------------------------------------------------------------


class IncidentService:
    def __init__(
        self,
        site: Site,
        db: Database,
        bus: EventBus,
        duty: DutyLog,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.site, self.db, self.bus, self.duty, self.clock = site, db, bus, duty, clock

    # -- shared steps -------------------------------------------------------------------------

    def _record(
        self,
        s: Session,
        actor: Actor,
        *,
        kind: str,
        record_id: int,
        action: str,
        payload: dict[str, Any],
        text: str,
    ) -> None:
        """The audit record and the duty-log line of one change, in its transaction."""
        audit.append(
            s, actor=actor.name, action=action, subject=f"{kind} {record_id}", payload=payload
        )
        self.duty.add_system(
            s,
            category=Category.LIFT if kind == "lift" else Category.COMPLAINT,
            text=text,
            source=kind,
            ref=f"{kind}:{record_id}",
            author=actor.name,
            author_name=actor.display_name,
        )

    def _changed(self, s: Session, kind: str, record_id: int, change: str) -> None:
        note_change(s, "duty.incident", kind=kind, id=record_id, change=change)

    def _lift_row(self, s: Session, lift_id: int, *, writable: bool = True) -> LiftRecord:
        row = s.get(LiftRecord, lift_id)
        if row is None:
            raise IncidentError("not_found", f"there is no lift record {lift_id}")
        if writable and row.closed_at is not None:
            raise IncidentError("closed", f"lift record {lift_id} is closed")
        return row

    def _complaint_row(self, s: Session, complaint_id: int, *, writable: bool = True) -> Complaint:
        row = s.get(Complaint, complaint_id)
        if row is None:
            raise IncidentError("not_found", f"there is no complaint {complaint_id}")
        if writable and row.closed_at is not None:
            raise IncidentError("closed", f"complaint {complaint_id} is closed")
        return row

    # -- lifts (rule 3.4.6) ---------------------------------------------------------------------

    def open_lift(
        self,
        actor: Actor,
        lift_no: str,
        people_trapped: int,
        note: str = "",
        reported_at: datetime | None = None,
    ) -> LiftView:
        lift_no = _text(lift_no, "lift_no_required", "the lift number", 32)
        people_trapped, note = _trapped(people_trapped), _optional_text(note, "the note")
        reported_at = _moment(reported_at, self.clock())
        with self.db.write() as s:
            row = LiftRecord(
                lift_no=lift_no,
                people_trapped=people_trapped,
                reported_at=reported_at,
                opened_by=actor.name,
                calls="[]",
                injured=False,
                note=note,
            )
            s.add(row)
            s.flush()
            payload = {
                "lift_no": lift_no,
                "people_trapped": people_trapped,
                "reported_at": audit.timestamp(reported_at),
            }
            text = _lift_opened_text(lift_no, people_trapped, note)
            self._record(
                s,
                actor,
                kind="lift",
                record_id=row.id,
                action="lift.open",
                payload=payload,
                text=text,
            )
            view = _lift_view(row)
            self._changed(s, "lift", view.id, "opened")
        return view

    def add_call(
        self, actor: Actor, lift_id: int, who: str, at: datetime | None = None
    ) -> LiftView:
        """Someone called about the entrapment: squad leader, lift technician, engineering."""
        who = _text(who, "who_required", "who was called", 128)
        with self.db.write() as s:
            row = self._lift_row(s, lift_id)
            moment = _moment(at, self.clock(), row.reported_at)
            calls = [*_calls(row), {"who": who, "at": audit.timestamp(moment)}]
            calls.sort(key=lambda c: datetime.fromisoformat(c["at"]))
            row.calls = audit.canonical_json(calls)
            payload = {"who": who, "at": audit.timestamp(moment)}
            self._record(
                s,
                actor,
                kind="lift",
                record_id=lift_id,
                action="lift.call",
                payload=payload,
                text=f"{row.lift_no}：已通知 {who}",
            )
            view = _lift_view(row)
            self._changed(s, "lift", lift_id, "call")
        return view

    def call_ambulance(self, actor: Actor, lift_id: int, at: datetime | None = None) -> LiftView:
        """Someone is hurt: 120 was called."""
        with self.db.write() as s:
            row = self._lift_row(s, lift_id)
            if row.ambulance_called_at is not None:
                raise IncidentError("already_called", f"120 was already called for {lift_id}")
            moment = _moment(at, self.clock(), row.reported_at)
            row.injured, row.ambulance_called_at = True, moment
            payload = {"at": audit.timestamp(moment)}
            self._record(
                s,
                actor,
                kind="lift",
                record_id=lift_id,
                action="lift.ambulance",
                payload=payload,
                text=f"{row.lift_no}：有人受伤，已拨打120",
            )
            view = _lift_view(row)
            self._changed(s, "lift", lift_id, "ambulance")
        return view

    def freed(self, actor: Actor, lift_id: int, at: datetime | None = None) -> LiftView:
        """The people trapped are out."""
        with self.db.write() as s:
            row = self._lift_row(s, lift_id)
            if row.freed_at is not None:
                raise IncidentError("already_freed", f"lift record {lift_id} is already freed")
            moment = _moment(at, self.clock(), row.reported_at)
            row.freed_at = moment
            payload = {"at": audit.timestamp(moment)}
            self._record(
                s,
                actor,
                kind="lift",
                record_id=lift_id,
                action="lift.freed",
                payload=payload,
                text=f"{row.lift_no}：已解困",
            )
            view = _lift_view(row)
            self._changed(s, "lift", lift_id, "freed")
        return view

    def close_lift(self, actor: Actor, lift_id: int, outcome: str) -> LiftView:
        """Close with the outcome; refused while people are trapped and not freed."""
        outcome = _text(outcome, "outcome_required", "the outcome")
        with self.db.write() as s:
            row = self._lift_row(s, lift_id)
            if row.people_trapped > 0 and row.freed_at is None:
                raise IncidentError(
                    "not_freed", f"people are still trapped in {row.lift_no}: record them freed"
                )
            row.closed_at, row.closed_by, row.outcome = self.clock(), actor.name, outcome
            payload = {"outcome_sha256": _sha256(outcome)}
            self._record(
                s,
                actor,
                kind="lift",
                record_id=lift_id,
                action="lift.close",
                payload=payload,
                text=f"{row.lift_no}：关闭：{excerpt(outcome)}",
            )
            view = _lift_view(row)
            self._changed(s, "lift", lift_id, "closed")
        return view

    # -- complaints (rule 3.4.7) ----------------------------------------------------------------

    def open_complaint(
        self,
        actor: Actor,
        resident: str,
        unit: str,
        matter: str,
        received_at: datetime | None = None,
    ) -> ComplaintView:
        resident = _optional_text(resident, "the resident's name", 128)
        unit = _text(unit, "unit_required", "the unit", 64)
        matter = _text(matter, "matter_required", "the matter")
        received_at = _moment(received_at, self.clock())
        with self.db.write() as s:
            row = Complaint(
                received_at=received_at,
                received_by=actor.name,
                resident=resident,
                unit=unit,
                matter=matter,
                handling="",
            )
            s.add(row)
            s.flush()
            payload = {
                "unit": unit,
                "received_at": audit.timestamp(received_at),
                "matter_sha256": _sha256(matter),
            }
            self._record(
                s,
                actor,
                kind="complaint",
                record_id=row.id,
                action="complaint.open",
                payload=payload,
                text=f"投诉 {unit}：{excerpt(matter)}",
            )
            view = _complaint_view(row)
            self._changed(s, "complaint", view.id, "opened")
        return view

    def handle(self, actor: Actor, complaint_id: int, handling: str) -> ComplaintView:
        """Append what was done, under a line with the time and who wrote it."""
        handling = _text(handling, "handling_required", "the handling")
        with self.db.write() as s:
            row = self._complaint_row(s, complaint_id)
            row.handling = _append_handling(row.handling, handling, actor, self._local_now())
            payload = {"text_sha256": _sha256(handling)}
            self._record(
                s,
                actor,
                kind="complaint",
                record_id=complaint_id,
                action="complaint.handle",
                payload=payload,
                text=f"投诉 {row.unit} 处理：{excerpt(handling)}",
            )
            view = _complaint_view(row)
            self._changed(s, "complaint", complaint_id, "handled")
        return view

    def escalate(self, actor: Actor, complaint_id: int, to: str) -> ComplaintView:
        """A major matter goes up to the supervisor or the manager (again: the latest)."""
        to = _text(to, "escalate_to_required", "who it was escalated to", 128)
        with self.db.write() as s:
            row = self._complaint_row(s, complaint_id)
            row.escalated_to, row.escalated_at = to, self.clock()
            self._record(
                s,
                actor,
                kind="complaint",
                record_id=complaint_id,
                action="complaint.escalate",
                payload={"to": to},
                text=f"投诉 {row.unit} 已上报 {to}",
            )
            view = _complaint_view(row)
            self._changed(s, "complaint", complaint_id, "escalated")
        return view

    def follow_up(
        self, actor: Actor, complaint_id: int, outcome: str, at: datetime | None = None
    ) -> ComplaintView:
        """The follow-up call (回访) and its outcome; a later call replaces the earlier one on
        the record (the duty log and the audit chain keep both)."""
        outcome = _text(outcome, "outcome_required", "the follow-up outcome")
        with self.db.write() as s:
            row = self._complaint_row(s, complaint_id)
            moment = _moment(at, self.clock(), row.received_at)
            row.followup_at, row.followup_outcome = moment, outcome
            payload = {"at": audit.timestamp(moment), "outcome_sha256": _sha256(outcome)}
            self._record(
                s,
                actor,
                kind="complaint",
                record_id=complaint_id,
                action="complaint.follow_up",
                payload=payload,
                text=f"投诉 {row.unit} 回访：{excerpt(outcome)}",
            )
            view = _complaint_view(row)
            self._changed(s, "complaint", complaint_id, "followed_up")
        return view

    def close_complaint(self, actor: Actor, complaint_id: int) -> ComplaintView:
        """Close once handling is written and the follow-up call is recorded."""
        with self.db.write() as s:
            row = self._complaint_row(s, complaint_id)
            if not row.handling.strip():
                raise IncidentError("no_handling", "write how the complaint was handled first")
            if row.followup_at is None:
                raise IncidentError("no_follow_up", "record the follow-up call (回访) first")
            row.closed_at, row.closed_by = self.clock(), actor.name
            self._record(
                s,
                actor,
                kind="complaint",
                record_id=complaint_id,
                action="complaint.close",
                payload={},
                text=f"投诉 {row.unit} 关闭：{excerpt(row.matter)}",
            )
            view = _complaint_view(row)
            self._changed(s, "complaint", complaint_id, "closed")
        return view

    def _local_now(self) -> datetime:
        return self.clock().astimezone(self.site.tz())

    # -- queries --------------------------------------------------------------------------------

    def open_items(self) -> list[OpenItem]:
        """For the handover: lifts and complaints not yet closed."""
        lifts = [
            OpenItem(
                "lift",
                f"lift:{v.id}",
                f"电梯困人 Lift {v.lift_no}",
                f"{v.people_trapped} 人 trapped" + ("" if v.freed_at is None else "; 已解困 freed"),
                v.reported_at,
                overdue=v.still_trapped,
            )
            for v in self.open_lifts()
        ]
        complaints = [
            OpenItem(
                "complaint",
                f"complaint:{v.id}",
                f"投诉 Complaint {v.unit}",
                v.matter[:80],
                v.received_at,
            )
            for v in self.open_complaints()
        ]
        return lifts + complaints

    def open_lifts(self) -> list[LiftView]:
        """Lift records not closed yet, oldest first (open items at a handover)."""
        stmt = (
            select(LiftRecord)
            .where(LiftRecord.closed_at.is_(None))
            .order_by(LiftRecord.reported_at, LiftRecord.id)
        )
        with self.db.read() as s:
            return [_lift_view(r) for r in s.scalars(stmt)]

    def open_complaints(self) -> list[ComplaintView]:
        """Complaints not closed yet, oldest first (open items at a handover)."""
        stmt = (
            select(Complaint)
            .where(Complaint.closed_at.is_(None))
            .order_by(Complaint.received_at, Complaint.id)
        )
        with self.db.read() as s:
            return [_complaint_view(r) for r in s.scalars(stmt)]

    def lifts(self, start: datetime | None, end: datetime | None) -> list[LiftView]:
        """Lift records reported in [start, end), oldest first."""
        stmt = select(LiftRecord).order_by(LiftRecord.reported_at, LiftRecord.id)
        if start is not None:
            stmt = stmt.where(LiftRecord.reported_at >= start)
        if end is not None:
            stmt = stmt.where(LiftRecord.reported_at < end)
        with self.db.read() as s:
            return [_lift_view(r) for r in s.scalars(stmt)]

    def complaints(self, start: datetime | None, end: datetime | None) -> list[ComplaintView]:
        """Complaints received in [start, end), oldest first."""
        stmt = select(Complaint).order_by(Complaint.received_at, Complaint.id)
        if start is not None:
            stmt = stmt.where(Complaint.received_at >= start)
        if end is not None:
            stmt = stmt.where(Complaint.received_at < end)
        with self.db.read() as s:
            return [_complaint_view(r) for r in s.scalars(stmt)]

    def get_lift(self, lift_id: int) -> LiftView:
        with self.db.read() as s:
            return _lift_view(self._lift_row(s, lift_id, writable=False))

    def get_complaint(self, complaint_id: int) -> ComplaintView:
        with self.db.read() as s:
            return _complaint_view(self._complaint_row(s, complaint_id, writable=False))


def _lift_opened_text(lift_no: str, people_trapped: int, note: str) -> str:
    if people_trapped:
        text = f"电梯困人 {lift_no}，{people_trapped}人被困"
    else:
        text = f"电梯报警 {lift_no}，无人被困"
    return f"{text}；{excerpt(note)}" if note else text


def _append_handling(before: str, handling: str, actor: Actor, local_now: datetime) -> str:
    entry = f"[{local_now.isoformat(timespec='seconds')} {actor.display_name}]\n{handling}"
    return f"{before.rstrip()}\n\n{entry}" if before.strip() else entry


# -- export -----------------------------------------------------------------------------------


def _local(value: datetime | None, tz: ZoneInfo) -> str | None:
    return value.astimezone(tz).isoformat(timespec="seconds") if value else None


def lift_rows(views: Sequence[LiftView], tz: ZoneInfo) -> list[dict[str, Any]]:
    """One row per lift record, keyed by LIFT_COLUMNS; calls as "who at; who at"."""
    return [
        {
            "lift_id": v.id,
            "lift_no": v.lift_no,
            "people_trapped": v.people_trapped,
            "reported_at": _local(v.reported_at, tz),
            "opened_by": v.opened_by,
            "calls": "; ".join(f"{who} {_local(at, tz)}" for who, at in v.calls),
            "injured": v.injured,
            "ambulance_called_at": _local(v.ambulance_called_at, tz),
            "freed_at": _local(v.freed_at, tz),
            "seconds_trapped": v.seconds_trapped,
            "note": v.note,
            "closed_at": _local(v.closed_at, tz),
            "closed_by": v.closed_by,
            "outcome": v.outcome,
        }
        for v in views
    ]


def complaint_rows(views: Sequence[ComplaintView], tz: ZoneInfo) -> list[dict[str, Any]]:
    """One row per complaint, keyed by COMPLAINT_COLUMNS (the register includes the
    resident's name: treat the file as personal data)."""
    return [
        {
            "complaint_id": v.id,
            "received_at": _local(v.received_at, tz),
            "received_by": v.received_by,
            "resident": v.resident,
            "unit": v.unit,
            "matter": v.matter,
            "handling": v.handling,
            "escalated_to": v.escalated_to,
            "escalated_at": _local(v.escalated_at, tz),
            "followup_at": _local(v.followup_at, tz),
            "followup_outcome": v.followup_outcome,
            "closed_at": _local(v.closed_at, tz),
            "closed_by": v.closed_by,
        }
        for v in views
    ]
