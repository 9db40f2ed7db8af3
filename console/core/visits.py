"""Visitor verification (rule 3.4.8) and time-limited passes for contractors and delivery staff.

A gate reports a visitor; the desk registers them (name, ID, phone, room, purpose, expected
leave time, a snapshot from the gate camera), calls the resident's indoor station, and tells
the gate what to do: admit (the resident agreed on an answered call), refuse (the resident
said no, or declined the call), or wait (busy, no answer, unreachable: call again later).
Every call is kept with its SIP Call-ID; every call and instruction writes an audit record and
a duty-log line in the same transaction, and notes "visit.changed" in it (console.core.changes:
published after the commit, here and at the other desks; "visit.instructed" too, for the gate).

Personal data (GB/T 35273 practice): the ID number never reaches the database, the logs or an
export. It is checked, then kept only as its masked form (6 + stars + 4) and a keyed hash
(HMAC-SHA256 with the site's key file), which finds repeat visitors and lets a search by ID
number match. Audit payloads and duty-log lines name the gate, the room and the outcome, never
the visitor. Phone numbers are stored (the desk calls back) and masked in lists and exports.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from console.core import audit
from console.core.auth import Actor, Permission, require
from console.core.changes import note as note_change
from console.core.dutylog import Category, DutyError, DutyLog, excerpt
from console.core.events import EventBus
from console.core.handover import OpenItem
from console.core.shifts import FUTURE_SLACK
from console.core.site import Site
from devices.intercom.base import CallResult, Outcome
from schema.db import Database
from schema.models import Visit, VisitCall, VisitorPass
from schema.types import utcnow

MAX_NAME = 64
MAX_TEXT = 500
MAX_PASS_DAYS = 92  # a pass longer than a quarter is a staff card, not a pass
LONG_PASS = timedelta(hours=24)  # longer passes need a supervisor (Permission.ISSUE_LONG_PASSES)
SEARCH_LIMIT = 2000

VISIT_COLUMNS = (
    "visit_id",
    "requested_at",
    "gate",
    "visitor",
    "id_type",
    "id_number",  # masked: 6 + stars + 4
    "phone",  # masked
    "room",
    "purpose",
    "expected_leave_at",
    "state",
    "resident_decision",
    "instruction_at",
    "instruction_by",
    "calls",
    "last_outcome",
    "last_call_id",
    "signed_out_at",
    "note",
)


class IdType(StrEnum):
    RESIDENT_ID = "resident_id"  # 居民身份证, 18 characters with a check digit
    PASSPORT = "passport"  # 护照
    HK_MACAU = "hk_macau"  # 港澳居民来往内地通行证
    TAIWAN = "taiwan"  # 台湾居民来往大陆通行证
    POLICE = "police"  # 警官证 (officers borrowing footage)
    OTHER = "other"  # 其他证件


class VisitState(StrEnum):
    PENDING = "pending"  # registered, no instruction to the gate yet
    WAITING = "waiting"  # the gate was told to have the visitor wait (resident not reached)
    ADMITTED = "admitted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # the visitor left before a decision


OPEN_STATES = frozenset({VisitState.PENDING, VisitState.WAITING})


class Instruction(StrEnum):
    ADMIT = "admit"  # 放行
    REFUSE = "refuse"  # 拒绝
    WAIT = "wait"  # 等候


class ResidentDecision(StrEnum):
    AGREE = "agree"
    REFUSE = "refuse"


class PassKind(StrEnum):
    CONTRACTOR = "contractor"  # 施工人员
    DELIVERY = "delivery"  # 快递外卖


class VisitError(Exception):
    """A visit or pass request that breaks a rule or has a bad field; `code` lets the UI word
    it, `field` names the form field when there is one."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code, self.field = code, field


# -- ID numbers and phones ----------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_PATTERNS: dict[IdType, tuple[str, str]] = {
    IdType.PASSPORT: (r"[A-Z0-9]{5,17}", "5-17 letters or digits"),
    IdType.HK_MACAU: (r"[HM][0-9]{8,10}", "H or M and 8-10 digits"),
    IdType.TAIWAN: (r"[0-9]{8}|[0-9]{10}", "8 or 10 digits"),
    IdType.POLICE: (r"[A-Z0-9]{4,16}", "4-16 letters or digits"),
    IdType.OTHER: (r"[A-Z0-9-]{4,32}", "4-32 letters, digits or '-'"),
}


def resident_id_check(first17: str) -> str:
    """The check character of a resident ID (GB 11643, ISO 7064 MOD 11-2)."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_type_of(value: IdType | str) -> IdType:
    try:
        return IdType(value)
    except ValueError:
        raise VisitError("bad_id_type", f"unknown ID type {value!r}", "id_type") from None


def normalize_id(id_type: IdType | str, number: str) -> str:
    """The ID number as stored for hashing: upper case, no spaces. VisitError if it is not a
    number of that type (a resident ID's date and check digit are verified)."""
    kind = id_type_of(id_type)
    text = re.sub(r"[\s]", "", number).upper()
    if not text:
        raise VisitError("id_required", "the ID number is required", "id_number")
    if kind is IdType.RESIDENT_ID:
        if not re.fullmatch(r"[0-9]{17}[0-9X]", text):
            raise VisitError(
                "bad_id", "a resident ID has 18 characters: 17 digits and a digit or X", "id_number"
            )
        try:
            date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
        except ValueError:
            raise VisitError(
                "bad_id",
                "the birth date in the resident ID (characters 7-14) is not a date",
                "id_number",
            ) from None
        if resident_id_check(text[:17]) != text[17]:
            raise VisitError(
                "bad_id", "the resident ID's check digit (the last) does not match", "id_number"
            )
        return text
    pattern, usage = _ID_PATTERNS[kind]
    if not re.fullmatch(pattern, text):
        raise VisitError("bad_id", f"a {kind.value} number has {usage}", "id_number")
    return text


def mask_id(number: str) -> str:
    """What screens and exports show: 6 + stars + 4 for long numbers (110105********1234);
    shorter ones keep 2 + 2, and never show more than half of the characters."""
    n = len(number)
    if n >= 14:
        keep_head, keep_tail = 6, 4
    elif n >= 8:
        keep_head, keep_tail = 2, 2
    else:
        keep_head, keep_tail = 1, 1
    return number[:keep_head] + "*" * (n - keep_head - keep_tail) + number[n - keep_tail :]


def normalize_phone(phone: str, *, required: bool = False) -> str:
    text = re.sub(r"[\s-]", "", phone)
    if not text:
        if required:
            raise VisitError("phone_required", "the phone number is required", "phone")
        return ""
    if not re.fullmatch(r"\+?[0-9]{3,20}", text):
        raise VisitError("bad_phone", "a phone number has 3-20 digits (and maybe a +)", "phone")
    return text


def mask_phone(phone: str) -> str:
    """138****5678: an 11-digit mobile keeps 3 + 4; shorter numbers keep their last 4 at most."""
    if len(phone) >= 11:
        return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
    keep = min(4, len(phone) // 2)
    return "*" * (len(phone) - keep) + phone[len(phone) - keep :]


class IdHasher:
    """HMAC-SHA256 of (type, number) with a 32-byte key kept in a file beside the database
    (made on first use, readable by its owner only). Without the key, the hashes in the
    database cannot be tried against the small space of possible ID numbers."""

    def __init__(self, key_path: Path) -> None:
        self.key_path = key_path
        self._key: bytes | None = None

    def key(self) -> bytes:
        if self._key is None:
            self._key = self._load()
        return self._key

    def _load(self) -> bytes:
        try:
            key = self.key_path.read_bytes()
        except FileNotFoundError:
            self.key_path.parent.mkdir(parents=True, exist_ok=True)
            fresh = secrets.token_bytes(32)
            try:
                fd = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another desk process made it first
                return self._load()
            with os.fdopen(fd, "wb") as f:
                f.write(fresh)
                f.flush()
                os.fsync(f.fileno())
            return fresh
        if len(key) < 32:
            raise VisitError("bad_key", f"{self.key_path}: the ID-hash key is damaged")
        return key

    def hash(self, id_type: IdType | str, number: str) -> str:
        message = f"{IdType(id_type).value}:{number}".encode()
        return hmac.new(self.key(), message, hashlib.sha256).hexdigest()

    def search_hashes(self, text: str) -> list[str]:
        """The hashes a whole ID number typed into a search would have, for each type it
        could be (a search never stores or logs the number)."""
        hashes = []
        for kind in IdType:
            try:
                hashes.append(self.hash(kind, normalize_id(kind, text)))
            except VisitError:
                continue
        return hashes


# -- forms and views -----------------------------------------------------------------------------


@dataclass
class VisitForm:
    gate_id: str
    visitor_name: str
    id_type: IdType | str
    id_number: str  # the full number: checked, hashed and masked here, never stored
    room: str
    phone: str = ""
    purpose: str = ""
    expected_leave_at: datetime | None = None
    snapshot: Path | None = None  # a picture to keep with the visit (from the gate camera)


@dataclass(frozen=True)
class CallView:
    id: int
    placed_at: datetime
    placed_by: str
    uri: str
    outcome: Outcome
    rings: int
    seconds: float
    talk_seconds: float
    call_id: str | None
    sip_status: int | None
    reason: str
    manual: bool


@dataclass(frozen=True)
class VisitView:
    id: int
    gate_id: str
    gate_name: str
    requested_at: datetime
    requested_by: str
    visitor_name: str
    id_type: IdType
    id_masked: str
    phone: str
    room: str
    purpose: str
    expected_leave_at: datetime | None
    snapshot: str | None  # relative to the site's attachments folder
    state: VisitState
    resident_decision: ResidentDecision | None
    instruction_at: datetime | None
    instruction_by: str | None
    note: str
    signed_out_at: datetime | None
    signed_out_by: str | None
    calls: tuple[CallView, ...] = ()

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    @property
    def last_call(self) -> CallView | None:
        return self.calls[-1] if self.calls else None

    @property
    def is_open(self) -> bool:
        """No final instruction yet (pending, or waiting for the resident)."""
        return self.state in OPEN_STATES

    @property
    def on_site(self) -> bool:
        return self.state is VisitState.ADMITTED and self.signed_out_at is None

    def overstaying(self, now: datetime) -> bool:
        return self.on_site and self.expected_leave_at is not None and now > self.expected_leave_at

    def allowed(self) -> frozenset[Instruction]:
        """The instructions the desk may give the gate now (the rules of `instruct`)."""
        if not self.is_open or self.last_call is None:
            return frozenset()
        last = self.last_call.outcome
        if last is Outcome.ANSWERED:
            return frozenset(Instruction)
        if last is Outcome.DECLINED:
            return frozenset({Instruction.REFUSE, Instruction.WAIT})
        return frozenset({Instruction.WAIT})


@dataclass
class PassForm:
    kind: PassKind | str
    holder_name: str
    id_type: IdType | str
    id_number: str
    area: str
    valid_from: datetime
    valid_to: datetime
    company: str = ""
    phone: str = ""
    purpose: str = ""


@dataclass(frozen=True)
class PassView:
    id: int
    kind: PassKind
    holder_name: str
    company: str
    id_type: IdType
    id_masked: str
    phone: str
    area: str
    purpose: str
    valid_from: datetime
    valid_to: datetime
    issued_at: datetime
    issued_by: str
    revoked_at: datetime | None
    revoked_by: str | None
    revoke_reason: str | None

    def valid_at(self, at: datetime) -> bool:
        return self.revoked_at is None and self.valid_from <= at < self.valid_to

    def status(self, at: datetime) -> str:
        """revoked | expired | upcoming | valid"""
        if self.revoked_at is not None:
            return "revoked"
        if at >= self.valid_to:
            return "expired"
        if at < self.valid_from:
            return "upcoming"
        return "valid"


@dataclass
class VisitFilter:
    start: datetime | None = None  # requested at or after
    end: datetime | None = None  # requested before
    text: str = ""  # visitor name, room, phone, purpose, or a whole ID number
    states: frozenset[VisitState] = field(default_factory=frozenset)  # empty: any
    on_site: bool = False  # admitted and not signed out, whenever they came
    limit: int = SEARCH_LIMIT


def _call_view(row: VisitCall) -> CallView:
    return CallView(
        id=row.id,
        placed_at=row.placed_at,
        placed_by=row.placed_by,
        uri=row.uri,
        outcome=Outcome(row.outcome),
        rings=row.rings,
        seconds=row.seconds,
        talk_seconds=row.talk_seconds,
        call_id=row.call_id,
        sip_status=row.sip_status,
        reason=row.reason,
        manual=bool(row.manual),
    )


def _pass_view(row: VisitorPass) -> PassView:
    return PassView(
        id=row.id,
        kind=PassKind(row.kind),
        holder_name=row.holder_name,
        company=row.company,
        id_type=IdType(row.id_type),
        id_masked=row.id_masked,
        phone=row.phone,
        area=row.area,
        purpose=row.purpose,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        issued_at=row.issued_at,
        issued_by=row.issued_by,
        revoked_at=row.revoked_at,
        revoked_by=row.revoked_by,
        revoke_reason=row.revoke_reason,
    )


def _text(value: str, code: str, what: str, fld: str, limit: int = MAX_TEXT) -> str:
    value = " ".join(value.split()) if limit <= MAX_NAME else value.strip()
    if not value:
        raise VisitError(code, f"{what} is required", fld)
    if len(value) > limit:
        raise VisitError("too_long", f"{what} holds at most {limit} characters", fld)
    return value


def _optional(value: str, what: str, fld: str, limit: int = MAX_TEXT) -> str:
    value = value.strip()
    if len(value) > limit:
        raise VisitError("too_long", f"{what} holds at most {limit} characters", fld)
    return value


def _room(value: str) -> str:
    room = value.strip()
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}", room):
        raise VisitError(
            "bad_room", "a room is 1-32 letters, digits, '.', '_' or '-' (e.g. 3-201)", "room"
        )
    return room


def _aware(at: datetime, what: str, fld: str) -> datetime:
    if at.tzinfo is None:
        raise VisitError("naive_time", f"{what} needs a time zone", fld)
    return at


def _outcome_words(result: CallResult | CallView) -> str:
    words = {
        Outcome.ANSWERED: "接通 answered",
        Outcome.BUSY: "占线 busy",
        Outcome.DECLINED: "拒接 declined",
        Outcome.NO_ANSWER: "无人接听 no answer",
        Outcome.UNREACHABLE: "无法接通 unreachable",
        Outcome.CANCELLED: "已挂断 hung up",
    }
    return words[result.outcome]


_INSTRUCTION_WORDS = {
    Instruction.ADMIT: "放行 admit",
    Instruction.REFUSE: "拒绝 refuse",
    Instruction.WAIT: "等候 wait",
}


# -- the service -----------------------------------------------------------------------------------


class VisitService:
    def __init__(
        self,
        site: Site,
        db: Database,
        bus: EventBus,
        duty: DutyLog,
        hasher: IdHasher,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.site, self.db, self.bus, self.duty = site, db, bus, duty
        self.hasher, self.clock = hasher, clock
        self._gates = {g.id: g for g in site.gates}

    def gate_name(self, gate_id: str) -> str:
        gate = self._gates.get(gate_id)
        return gate.name if gate is not None else gate_id

    # -- shared steps -----------------------------------------------------------------------

    def _record(
        self,
        s: Session,
        actor: Actor,
        *,
        subject: str,
        action: str,
        payload: dict[str, Any],
        text: str,
        ref: str,
    ) -> None:
        """The audit record and the duty-log line of one change, in its transaction. Neither
        names the visitor (payloads: gate, room, outcome, Call-ID)."""
        audit.append(s, actor=actor.name, action=action, subject=subject, payload=payload)
        self.duty.add_system(
            s,
            category=Category.VISITOR,
            text=text,
            source="visit",
            ref=ref,
            author=actor.name,
            author_name=actor.display_name,
        )

    def _view(self, s: Session, row: Visit) -> VisitView:
        calls = s.scalars(
            select(VisitCall).where(VisitCall.visit_id == row.id).order_by(VisitCall.id)
        )
        return self._build(row, [_call_view(c) for c in calls])

    def _build(self, row: Visit, calls: Sequence[CallView]) -> VisitView:
        return VisitView(
            id=row.id,
            gate_id=row.gate_id,
            gate_name=self.gate_name(row.gate_id),
            requested_at=row.requested_at,
            requested_by=row.requested_by,
            visitor_name=row.visitor_name,
            id_type=IdType(row.id_type),
            id_masked=row.id_masked,
            phone=row.phone,
            room=row.room,
            purpose=row.purpose,
            expected_leave_at=row.expected_leave_at,
            snapshot=row.snapshot,
            state=VisitState(row.state),
            resident_decision=(
                ResidentDecision(row.resident_decision) if row.resident_decision else None
            ),
            instruction_at=row.instruction_at,
            instruction_by=row.instruction_by,
            note=row.note,
            signed_out_at=row.signed_out_at,
            signed_out_by=row.signed_out_by,
            calls=tuple(calls),
        )

    def _load(self, s: Session, visit_id: int) -> Visit:
        row = s.get(Visit, visit_id)
        if row is None:
            raise VisitError("no_visit", f"there is no visit {visit_id}")
        return row

    def _changed(self, s: Session, visit_id: int, change: str) -> None:
        note_change(s, "visit.changed", id=visit_id, change=change)

    # -- visits -------------------------------------------------------------------------------

    def request(self, actor: Actor, form: VisitForm) -> VisitView:
        """Register a visitor reported by a gate. Checks every field (VisitError names it)."""
        if form.gate_id not in self._gates:
            known = ", ".join(self._gates) or "none in the site file"
            raise VisitError("bad_gate", f"no gate {form.gate_id!r} (known: {known})", "gate")
        name = _text(
            form.visitor_name, "name_required", "the visitor's name", "visitor_name", MAX_NAME
        )
        id_type = id_type_of(form.id_type)
        number = normalize_id(id_type, form.id_number)
        room = _room(form.room)
        phone = normalize_phone(form.phone)
        purpose = _text(form.purpose, "purpose_required", "the purpose", "purpose")
        now = self.clock()
        leave = form.expected_leave_at
        if leave is not None:
            _aware(leave, "the expected leave time", "expected_leave_at")
            if leave <= now:
                raise VisitError(
                    "leave_past",
                    "the expected leave time must be later than now",
                    "expected_leave_at",
                )
        snapshot: str | None = None
        created = False
        if form.snapshot is not None:
            try:
                attachment, created = self.duty.store_attachment(form.snapshot)
            except DutyError as exc:
                raise VisitError(exc.code, str(exc), "snapshot") from None
            snapshot = attachment.path
        try:
            with self.db.write() as s:
                row = Visit(
                    gate_id=form.gate_id,
                    requested_at=now,
                    requested_by=actor.name,
                    visitor_name=name,
                    id_type=id_type.value,
                    id_masked=mask_id(number),
                    id_hash=self.hasher.hash(id_type, number),
                    phone=phone,
                    room=room,
                    purpose=purpose,
                    expected_leave_at=leave,
                    snapshot=snapshot,
                    state=VisitState.PENDING.value,
                    note="",
                )
                s.add(row)
                s.flush()
                gate = self.gate_name(form.gate_id)
                self._record(
                    s,
                    actor,
                    subject=f"visit {row.id}",
                    action="visit.request",
                    payload={"gate": form.gate_id, "room": room, "id_type": id_type.value},
                    text=f"访客登记 Visitor at {gate} for {room}: {excerpt(purpose)}",
                    ref=f"visit:{row.id}",
                )
                view = self._view(s, row)
                self._changed(s, view.id, "requested")
        except BaseException:
            if created and snapshot is not None:
                (self.site.attachments_dir() / snapshot).unlink(missing_ok=True)
            raise
        return view

    def record_call(
        self, actor: Actor, visit_id: int, result: CallResult, *, manual: bool = False
    ) -> VisitView:
        """Keep one call's result (with its SIP Call-ID) on the visit: a call table row, an
        audit record and a duty-log line. `manual`: a phone call whose outcome the operator
        entered by hand (no intercom)."""
        with self.db.write() as s:
            row = self._load(s, visit_id)
            if VisitState(row.state) not in OPEN_STATES:
                raise VisitError("visit_closed", f"visit {visit_id} is already {row.state}")
            if result.room != row.room:
                raise VisitError(
                    "wrong_room", f"the call went to {result.room}, the visit is for {row.room}"
                )
            call = VisitCall(
                visit_id=row.id,
                placed_at=self.clock() - timedelta(seconds=result.seconds + result.talk_seconds),
                placed_by=actor.name,
                uri=result.uri,
                outcome=result.outcome.value,
                rings=result.rings,
                seconds=round(result.seconds, 1),
                talk_seconds=round(result.talk_seconds, 1),
                call_id=result.call_id,
                sip_status=result.sip_status,
                reason=result.reason[:255],
                manual=manual,
            )
            s.add(call)
            s.flush()
            how = "电话 by phone" if manual else f"Call-ID {result.call_id or '-'}"
            self._record(
                s,
                actor,
                subject=f"visit {row.id}",
                action="visit.call",
                payload={
                    "room": row.room,
                    "outcome": result.outcome.value,
                    "rings": result.rings,
                    "seconds": round(result.seconds, 1),
                    "call_id": result.call_id,
                    "sip_status": result.sip_status,
                    "manual": manual,
                },
                text=(
                    f"呼叫住户 Called {row.room}: {_outcome_words(result)} "
                    f"({result.rings} 声 rings, {result.seconds:.0f} s; {how})"
                ),
                ref=f"visit:{row.id}",
            )
            view = self._view(s, row)
            self._changed(s, visit_id, "called")
        return view

    def record_manual_call(self, actor: Actor, visit_id: int, outcome: Outcome) -> VisitView:
        """A call made by phone (no intercom, or it failed), its outcome entered by hand."""
        with self.db.read() as s:
            room = self._load(s, visit_id).room
        result = CallResult(
            room=room,
            uri=f"tel:{room}",
            outcome=Outcome(outcome),
            rings=0,
            seconds=0.0,
            call_id=None,
            reason="entered by hand",
        )
        return self.record_call(actor, visit_id, result, manual=True)

    def instruct(
        self,
        actor: Actor,
        visit_id: int,
        instruction: Instruction,
        *,
        resident: ResidentDecision | None = None,
        note: str = "",
    ) -> VisitView:
        """Tell the gate what to do, once the resident has been called.

        admit: the last call was answered and the resident agreed. refuse: the resident said no
        on an answered call, or declined the call (603). wait: after any call; the visitor waits
        and the desk calls again (the visit stays open and is carried over at handover).
        """
        instruction = Instruction(instruction)
        note = _optional(note, "the note", "note")
        now = self.clock()
        with self.db.write() as s:
            row = self._load(s, visit_id)
            view = self._view(s, row)
            if not view.is_open:
                raise VisitError(
                    "visit_closed", f"visit {visit_id} is already {row.state}; nothing to decide"
                )
            last = view.last_call
            if last is None:
                raise VisitError("not_called", "call the resident before instructing the gate")
            if instruction not in view.allowed():
                raise VisitError(
                    "not_confirmed",
                    f"the last call was {last.outcome.value}: the gate can only be told to "
                    + " or ".join(sorted(i.value for i in view.allowed())),
                )
            if instruction is Instruction.ADMIT and resident is not ResidentDecision.AGREE:
                raise VisitError("not_confirmed", "admit only when the resident has agreed")
            if (
                instruction is Instruction.REFUSE
                and last.outcome is Outcome.ANSWERED
                and resident is not ResidentDecision.REFUSE
            ):
                raise VisitError("not_confirmed", "refuse only when the resident has said no")
            if last.outcome is not Outcome.ANSWERED:
                resident = None  # nobody to decide on the resident's side
            row.state = {
                Instruction.ADMIT: VisitState.ADMITTED,
                Instruction.REFUSE: VisitState.REFUSED,
                Instruction.WAIT: VisitState.WAITING,
            }[instruction].value
            row.resident_decision = resident.value if resident is not None else None
            row.instruction_at, row.instruction_by = now, actor.name
            if note:
                row.note = (row.note + "\n" + note).strip()
            gate = self.gate_name(row.gate_id)
            self._record(
                s,
                actor,
                subject=f"visit {row.id}",
                action="visit.instruct",
                payload={
                    "gate": row.gate_id,
                    "room": row.room,
                    "instruction": instruction.value,
                    "resident": row.resident_decision,
                    "call_id": last.call_id,
                },
                text=(
                    f"通知{gate} Told {row.gate_id}: {_INSTRUCTION_WORDS[instruction]} — "
                    f"{row.room}, {_outcome_words(last)}" + (f"; {excerpt(note)}" if note else "")
                ),
                ref=f"visit:{row.id}",
            )
            view = self._view(s, row)
            self._changed(s, visit_id, instruction.value)
            note_change(
                s,
                "visit.instructed",
                id=visit_id,
                gate_id=view.gate_id,
                instruction=instruction.value,
            )
        return view

    def withdraw(self, actor: Actor, visit_id: int, reason: str) -> VisitView:
        """The visitor left before the resident was reached (or the request was a mistake)."""
        reason = _text(reason, "reason_required", "the reason", "note")
        with self.db.write() as s:
            row = self._load(s, visit_id)
            if VisitState(row.state) not in OPEN_STATES:
                raise VisitError("visit_closed", f"visit {visit_id} is already {row.state}")
            row.state = VisitState.WITHDRAWN.value
            row.instruction_at, row.instruction_by = self.clock(), actor.name
            row.note = (row.note + "\n" + reason).strip()
            self._record(
                s,
                actor,
                subject=f"visit {row.id}",
                action="visit.withdraw",
                payload={"room": row.room},
                text=f"访客离开 Visitor for {row.room} left before a decision: {excerpt(reason)}",
                ref=f"visit:{row.id}",
            )
            view = self._view(s, row)
            self._changed(s, visit_id, "withdrawn")
        return view

    def sign_out(self, actor: Actor, visit_id: int, at: datetime | None = None) -> VisitView:
        """The visitor left the site (the gate reports it)."""
        now = self.clock()
        with self.db.write() as s:
            row = self._load(s, visit_id)
            if row.state != VisitState.ADMITTED.value:
                raise VisitError("not_admitted", f"visit {visit_id} was not admitted")
            if row.signed_out_at is not None:
                raise VisitError("signed_out", f"visit {visit_id} has already signed out")
            when = now if at is None else _aware(at, "the time", "signed_out_at")
            if when > now + FUTURE_SLACK:
                raise VisitError("future", "the sign-out time cannot be in the future")
            if row.instruction_at is not None and when < row.instruction_at:
                raise VisitError("before_admitted", "the sign-out time is before the admission")
            row.signed_out_at, row.signed_out_by = when, actor.name
            self._record(
                s,
                actor,
                subject=f"visit {row.id}",
                action="visit.sign_out",
                payload={"room": row.room, "at": when.isoformat()},
                text=f"访客离场 Visitor for {row.room} signed out",
                ref=f"visit:{row.id}",
            )
            view = self._view(s, row)
            self._changed(s, visit_id, "signed_out")
        return view

    # -- reading ---------------------------------------------------------------------------------

    def get(self, visit_id: int) -> VisitView:
        with self.db.read() as s:
            return self._view(s, self._load(s, visit_id))

    def visits(self, flt: VisitFilter | None = None) -> list[VisitView]:
        """Visits matching the filter, newest first."""
        flt = flt or VisitFilter()
        stmt = select(Visit).order_by(Visit.requested_at.desc(), Visit.id.desc()).limit(flt.limit)
        if flt.start is not None:
            stmt = stmt.where(Visit.requested_at >= flt.start)
        if flt.end is not None:
            stmt = stmt.where(Visit.requested_at < flt.end)
        if flt.states:
            stmt = stmt.where(Visit.state.in_([st.value for st in flt.states]))
        if flt.on_site:
            stmt = stmt.where(
                Visit.state == VisitState.ADMITTED.value, Visit.signed_out_at.is_(None)
            )
        text = flt.text.strip()
        if text:
            like = f"%{text.replace('%', '').replace('_', '')}%"
            matches: list[Any] = [
                Visit.visitor_name.like(like),
                Visit.room.like(like),
                Visit.phone.like(like),
                Visit.purpose.like(like),
            ]
            hashes = self.hasher.search_hashes(text)
            if hashes:
                matches.append(Visit.id_hash.in_(hashes))
            stmt = stmt.where(or_(*matches))
        with self.db.read() as s:
            rows = list(s.scalars(stmt))
            calls: dict[int, list[CallView]] = {r.id: [] for r in rows}
            ids = list(calls)
            for chunk in range(0, len(ids), 500):
                part = ids[chunk : chunk + 500]
                for c in s.scalars(
                    select(VisitCall).where(VisitCall.visit_id.in_(part)).order_by(VisitCall.id)
                ):
                    calls[c.visit_id].append(_call_view(c))
            return [self._build(r, calls[r.id]) for r in rows]

    def day(self, day: date) -> list[VisitView]:
        """One local day of the site's visits, newest first."""
        tz = self.site.tz()
        start = datetime.combine(day, time(), tz)
        return self.visits(VisitFilter(start=start, end=start + timedelta(days=1)))

    def on_site(self) -> list[VisitView]:
        return self.visits(VisitFilter(on_site=True))

    def waiting(self) -> list[VisitView]:
        """Visits without a final instruction (pending or waiting), oldest first."""
        found = self.visits(VisitFilter(states=frozenset(OPEN_STATES)))
        return sorted(found, key=lambda v: (v.requested_at, v.id))

    def between(self, start: datetime | None, end: datetime | None) -> list[VisitView]:
        """For exports: oldest first, no limit."""
        found = self.visits(VisitFilter(start=start, end=end, limit=10**9))
        return sorted(found, key=lambda v: (v.requested_at, v.id))

    def repeat_visits(self, id_type: IdType | str, number: str) -> int:
        """How many earlier visits the same ID number has (matched by its keyed hash)."""
        digest = self.hasher.hash(id_type, normalize_id(id_type, number))
        with self.db.read() as s:
            count = s.scalar(select(func.count()).where(Visit.id_hash == digest))
            return int(count or 0)

    def open_items(self) -> list[OpenItem]:
        """For the handover: each visitor still waiting for the resident, and one item for the
        visitors still on site (overdue when one stays past their expected leave time)."""
        now = self.clock()
        items = [
            OpenItem(
                "visit",
                f"visit:{v.id}",
                f"访客等候 Visitor waiting for {v.room}",
                f"{v.gate_name}; "
                + (f"{_outcome_words(v.last_call)}" if v.last_call else "未呼叫 not called"),
                v.requested_at,
                overdue=now - v.requested_at > timedelta(minutes=30),
            )
            for v in self.waiting()
        ]
        on_site = sorted(self.on_site(), key=lambda v: (v.requested_at, v.id))
        if on_site:
            tz = self.site.tz()
            rooms = ", ".join(
                f"{v.room}"
                + (
                    f" (应离 due {v.expected_leave_at.astimezone(tz):%H:%M})"
                    if v.expected_leave_at is not None
                    else ""
                )
                for v in on_site[:20]
            )
            more = f" … +{len(on_site) - 20}" if len(on_site) > 20 else ""
            items.append(
                OpenItem(
                    "visit",
                    "visits:on-site",
                    f"访客在场 {len(on_site)} visitor(s) on site",
                    rooms + more,
                    on_site[0].requested_at,
                    overdue=any(v.overstaying(now) for v in on_site),
                )
            )
        return items

    # -- passes ----------------------------------------------------------------------------------

    def issue_pass(self, actor: Actor, form: PassForm) -> PassView:
        """A time-limited pass. Longer than a day needs Permission.ISSUE_LONG_PASSES."""
        try:
            kind = PassKind(form.kind)
        except ValueError:
            raise VisitError("bad_pass_kind", f"unknown pass kind {form.kind!r}", "kind") from None
        name = _text(
            form.holder_name, "name_required", "the holder's name", "holder_name", MAX_NAME
        )
        id_type = id_type_of(form.id_type)
        number = normalize_id(id_type, form.id_number)
        area = _text(form.area, "area_required", "the area", "area", 128)
        company = _optional(form.company, "the company", "company", 128)
        phone = normalize_phone(form.phone)
        purpose = _optional(form.purpose, "the purpose", "purpose")
        start = _aware(form.valid_from, "valid from", "valid_from")
        end = _aware(form.valid_to, "valid to", "valid_to")
        now = self.clock()
        if end <= start:
            raise VisitError("bad_validity", "valid to must be after valid from", "valid_to")
        if end <= now:
            raise VisitError("bad_validity", "the pass would already have expired", "valid_to")
        if end - start > timedelta(days=MAX_PASS_DAYS):
            raise VisitError(
                "pass_too_long", f"a pass is valid for at most {MAX_PASS_DAYS} days", "valid_to"
            )
        if end - start > LONG_PASS:
            require(actor, Permission.ISSUE_LONG_PASSES)
        with self.db.write() as s:
            row = VisitorPass(
                kind=kind.value,
                holder_name=name,
                company=company,
                id_type=id_type.value,
                id_masked=mask_id(number),
                id_hash=self.hasher.hash(id_type, number),
                phone=phone,
                area=area,
                purpose=purpose,
                valid_from=start,
                valid_to=end,
                issued_at=now,
                issued_by=actor.name,
            )
            s.add(row)
            s.flush()
            tz = self.site.tz()
            self._record(
                s,
                actor,
                subject=f"pass {row.id}",
                action="pass.issue",
                payload={
                    "kind": kind.value,
                    "area": area,
                    "valid_from": start.isoformat(),
                    "valid_to": end.isoformat(),
                },
                text=(
                    f"发放通行证 Pass {row.id} ({kind.value}) for {area}, "
                    f"{start.astimezone(tz):%m-%d %H:%M} – {end.astimezone(tz):%m-%d %H:%M}"
                ),
                ref=f"pass:{row.id}",
            )
            view = _pass_view(row)
            note_change(s, "visit.pass", id=view.id, change="issued")
        return view

    def revoke_pass(self, actor: Actor, pass_id: int, reason: str) -> PassView:
        reason = _text(reason, "reason_required", "the reason", "reason")
        with self.db.write() as s:
            row = s.get(VisitorPass, pass_id)
            if row is None:
                raise VisitError("no_pass", f"there is no pass {pass_id}")
            if row.revoked_at is not None:
                raise VisitError("revoked", f"pass {pass_id} is already revoked")
            row.revoked_at, row.revoked_by, row.revoke_reason = self.clock(), actor.name, reason
            self._record(
                s,
                actor,
                subject=f"pass {row.id}",
                action="pass.revoke",
                payload={"area": row.area},
                text=f"收回通行证 Pass {row.id} revoked: {excerpt(reason)}",
                ref=f"pass:{row.id}",
            )
            view = _pass_view(row)
            note_change(s, "visit.pass", id=view.id, change="revoked")
        return view

    def passes(self, *, valid_at: datetime | None = None, limit: int = 2000) -> list[PassView]:
        """Passes, newest first; with `valid_at`, only those valid at that moment."""
        stmt = select(VisitorPass).order_by(VisitorPass.valid_from.desc(), VisitorPass.id.desc())
        if valid_at is not None:
            stmt = stmt.where(
                VisitorPass.revoked_at.is_(None),
                VisitorPass.valid_from <= valid_at,
                VisitorPass.valid_to > valid_at,
            )
        with self.db.read() as s:
            return [_pass_view(r) for r in s.scalars(stmt.limit(limit))]


def visit_rows(views: Sequence[VisitView], tz: Any) -> list[dict[str, Any]]:
    """Export rows (VISIT_COLUMNS): the ID number and phone masked, times ISO 8601 local."""

    def iso(at: datetime | None) -> str:
        return at.astimezone(tz).isoformat() if at is not None else ""

    rows = []
    for v in views:
        last = v.last_call
        rows.append(
            {
                "visit_id": v.id,
                "requested_at": iso(v.requested_at),
                "gate": v.gate_name,
                "visitor": v.visitor_name,
                "id_type": v.id_type.value,
                "id_number": v.id_masked,
                "phone": v.phone_masked,
                "room": v.room,
                "purpose": v.purpose,
                "expected_leave_at": iso(v.expected_leave_at),
                "state": v.state.value,
                "resident_decision": v.resident_decision.value if v.resident_decision else "",
                "instruction_at": iso(v.instruction_at),
                "instruction_by": v.instruction_by or "",
                "calls": len(v.calls),
                "last_outcome": last.outcome.value if last else "",
                "last_call_id": (last.call_id or "") if last else "",
                "signed_out_at": iso(v.signed_out_at),
                "note": v.note,
            }
        )
    return rows
