"""Shift handover (交接班): nothing left behind, two signatures, one seal.

The handover gathers the open items by itself (unclosed alarms, device faults, and whatever
the other services register: checks due, fault reports, lift and complaint records, loans,
waiting visitors). Each needs an owner and an "if … then …" instruction. The outgoing
operator signs first (交班), re-entering their password: that fixes the seal, a SHA-256 over
every entry and check record of the shift, the handover's own content and the audit chain's
head, and the shift takes no more entries. The incoming operator (someone else) signs with
their own password (接班) over the same seal, and the shift is sealed. `verify_seals()`
recomputes every seal from the rows as they are now.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core import audit
from console.core.alarms import AlarmService
from console.core.auth import Actor, AuthService, Role
from console.core.changes import note
from console.core.dutylog import Category, DutyLog, EntryView, EquipmentSlot, entry_fields
from console.core.events import EventBus
from console.core.health import Health, HealthRegistry
from console.core.shifts import (
    DutyError,
    PresenceView,
    ShiftService,
    ShiftState,
    ShiftView,
    shift_view,
)
from console.core.site import Site
from schema.db import Database
from schema.models import (
    AuditHead,
    AuditRecord,
    CheckRecord,
    Handover,
    LogEntry,
    Shift,
    ShiftPresence,
    Signature,
)
from schema.types import utcnow

MIN_SYNTHESIS = 4  # characters: a few words of the incoming operator's own
SIGN_PURPOSE = "sign_handover"


class HandoverState(StrEnum):
    OUTGOING_SIGNED = "outgoing_signed"
    SEALED = "sealed"
    WITHDRAWN = "withdrawn"


class Side(StrEnum):
    OUTGOING = "outgoing"  # 交班
    INCOMING = "incoming"  # 接班


MEANING = {Side.OUTGOING: "handed_over", Side.INCOMING: "accepted"}


@dataclass(frozen=True)
class OpenItem:
    """Something the next shift must carry on with."""

    kind: str  # alarm | device | check | fault | lift | complaint | loan | visit | ...
    ref: str  # stable key, e.g. "alarm:12", "camera:east-gate", "check:fire-daily:2026-11-21"
    title: str
    detail: str = ""
    since: datetime | None = None
    overdue: bool = False


@dataclass(frozen=True)
class ItemHandover:
    """An open item with who owns it now and what to do: "if <condition> then <action>"."""

    item: OpenItem
    owner: str
    condition: str
    action: str


@dataclass(frozen=True)
class ChecklistAnswer:
    item: str
    ok: bool
    note: str = ""


@dataclass
class HandoverDraft:
    shift_id: int
    items: list[ItemHandover] = field(default_factory=list)
    checklist: list[ChecklistAnswer] = field(default_factory=list)
    synthesis: str = ""  # written by the incoming operator, in their own words


@dataclass(frozen=True)
class SignatureView:
    side: Side
    user_name: str
    printed_name: str
    role: Role
    at: datetime
    meaning: str  # handed_over (交班) | accepted (接班)
    seal_hash: str
    audit_head: str


@dataclass(frozen=True)
class HandoverView:
    id: int
    shift: ShiftView
    state: HandoverState
    items: tuple[ItemHandover, ...]
    checklist: tuple[ChecklistAnswer, ...]
    synthesis: str
    seal_hash: str
    audit_head: str
    created_at: datetime
    signatures: tuple[SignatureView, ...]

    def signature(self, side: Side) -> SignatureView | None:
        return next((sig for sig in self.signatures if sig.side is side), None)


@dataclass(frozen=True)
class CheckLine:
    template_name: str
    signed_at: datetime
    printed_name: str
    abnormal: int


@dataclass(frozen=True)
class HandoverSheet:
    """Everything the printed handover sheet shows."""

    site_name: str
    timezone: str
    handover: HandoverView
    presence: tuple[PresenceView, ...]
    entries: tuple[EntryView, ...]
    checks: tuple[CheckLine, ...]
    missed_slots: tuple[EquipmentSlot, ...]


@dataclass(frozen=True)
class SealBreak:
    """A place where the sealed record no longer matches what was signed."""

    handover_id: int | None
    what: str
    reason: str

    def __str__(self) -> str:
        where = f"handover {self.handover_id}" if self.handover_id is not None else "duty log"
        return f"{where} ({self.what}): {self.reason}"


OpenItemProvider = Callable[[], Sequence[OpenItem]]


def _items_json(items: Sequence[ItemHandover]) -> list[dict[str, Any]]:
    out = []
    for i in items:
        item = asdict(i.item)
        item["since"] = audit.timestamp(i.item.since) if i.item.since else None
        out.append({"item": item, "owner": i.owner, "condition": i.condition, "action": i.action})
    return out


def _items_from(text: str) -> tuple[ItemHandover, ...]:
    out = []
    for raw in json.loads(text):
        item = dict(raw["item"])
        item["since"] = datetime.fromisoformat(item["since"]) if item["since"] else None
        out.append(ItemHandover(OpenItem(**item), raw["owner"], raw["condition"], raw["action"]))
    return tuple(out)


def _check_fields(row: CheckRecord) -> dict[str, Any]:
    return {
        "id": row.id,
        "template_id": row.template_id,
        "period_start": audit.timestamp(row.period_start),
        "signed_by": row.signed_by,
        "signed_at": audit.timestamp(row.signed_at),
        "items": json.loads(row.items),
        "note": row.note,
    }


def compute_seal(s: Session, shift: Shift, handover: Handover, audit_head: str) -> str:
    """SHA-256 over the shift, its every entry and check record, the handover's content and
    the audit chain's head when the outgoing operator signed."""
    entries = s.execute(
        select(LogEntry).where(LogEntry.shift_id == shift.id).order_by(LogEntry.id)
    ).scalars()
    checks = s.execute(
        select(CheckRecord).where(CheckRecord.shift_id == shift.id).order_by(CheckRecord.id)
    ).scalars()
    body = {
        "shift": {
            "id": shift.id,
            "start": audit.timestamp(shift.start),
            "end": audit.timestamp(shift.end),
            "label": shift.label,
        },
        "entries": [entry_fields(e) for e in entries],
        "checks": [_check_fields(c) for c in checks],
        "handover": {
            "id": handover.id,
            "items": json.loads(handover.items),
            "checklist": json.loads(handover.checklist),
            "synthesis": handover.synthesis,
        },
        "audit_head": audit_head,
    }
    return hashlib.sha256(audit.canonical_json(body).encode("utf-8")).hexdigest()


class HandoverService:
    def __init__(
        self,
        site: Site,
        db: Database,
        bus: EventBus,
        auth: AuthService,
        shifts: ShiftService,
        duty: DutyLog,
        alarms: AlarmService,
        health: HealthRegistry,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.site, self.db, self.bus, self.auth = site, db, bus, auth
        self.shifts, self.duty, self.alarms, self.health = shifts, duty, alarms, health
        self.clock = clock
        self._providers: list[OpenItemProvider] = []

    # -- open items ---------------------------------------------------------------------------

    def add_provider(self, provider: OpenItemProvider) -> None:
        """Another service's open items (checks due, loans out, visitors waiting, ...)."""
        self._providers.append(provider)

    def open_items(self) -> list[OpenItem]:
        items = [
            OpenItem(
                "alarm",
                f"alarm:{a.id}",
                f"{a.zone_name} ({a.event})",
                f"{a.state}: {a.text}" if a.text else a.state,
                a.raised_at,
                overdue=a.acknowledged_at is None,
            )
            for a in self.alarms.open_alarms()
        ]
        items += [
            OpenItem("device", f"{d.kind}:{d.device_id}", d.name, d.detail, d.since)
            for d in self.health.snapshot()
            if d.state is Health.FAULT
        ]
        for provider in self._providers:
            items.extend(provider())
        return items

    def checklist(self) -> list[str]:
        return list(self.site.duty.handover_checklist)

    def draft(self, shift_id: int) -> HandoverDraft:
        """A new draft with every open item (no owners yet) and an unanswered checklist."""
        return HandoverDraft(
            shift_id,
            [ItemHandover(item, "", "", "") for item in self.open_items()],
            [ChecklistAnswer(item, ok=False) for item in self.checklist()],
        )

    # -- signing ------------------------------------------------------------------------------

    def sign_outgoing(self, draft: HandoverDraft, name: str, password: str) -> HandoverView:
        """The outgoing operator signs (交班): validates the draft, fixes the seal, and the
        shift takes no more entries. Raises BadCredentials/AccountLocked or DutyError."""
        self._validate(draft)
        actor = self.auth.authenticate(name, password, purpose=SIGN_PURPOSE)
        with self.db.write() as s:
            shift = self._open_shift(s, draft.shift_id)
            self._none_pending(s)
            self._may_hand_over(s, shift, actor)
            handover_id, seal = self._create(s, shift, draft, actor)
            note(s, "duty.handover", handover_id=handover_id, change="outgoing_signed")
        return self.get(handover_id)

    def _validate(self, draft: HandoverDraft) -> None:
        given = {i.item.ref for i in draft.items}
        missing = [item.title for item in self.open_items() if item.ref not in given]
        if missing:
            raise DutyError(
                "items_missing",
                "these open items are not in the handover: " + "; ".join(missing),
            )
        for i in draft.items:
            if not (i.owner.strip() and i.condition.strip() and i.action.strip()):
                raise DutyError(
                    "item_incomplete",
                    f"open item {i.item.title!r} needs an owner and an 'if … then …' instruction",
                )
        answered = {a.item: a for a in draft.checklist}
        for item in self.checklist():
            answer = answered.get(item)
            if answer is None or not (answer.ok or answer.note.strip()):
                raise DutyError(
                    "checklist_incomplete",
                    f"checklist item {item!r}: tick it as handed over, or say what is wrong",
                )
        if len(draft.synthesis.strip()) < MIN_SYNTHESIS:
            raise DutyError(
                "synthesis_required", "the incoming operator writes a short synthesis first"
            )

    def _open_shift(self, s: Session, shift_id: int) -> Shift:
        shift = s.get(Shift, shift_id)
        if shift is None:
            raise DutyError("no_shift", f"there is no shift {shift_id}")
        if shift.state != ShiftState.OPEN.value:
            raise DutyError("already_handed_over", f"shift {shift.label} is already handed over")
        if shift.start > self.clock():
            raise DutyError("not_started", f"shift {shift.label} has not begun")
        return shift

    def _none_pending(self, s: Session) -> None:
        """One handover at a time: the incoming operator signs (or it is withdrawn) first."""
        waiting = s.execute(
            select(Handover.id).where(Handover.state == HandoverState.OUTGOING_SIGNED.value)
        ).first()
        if waiting:
            raise DutyError(
                "handover_pending",
                f"handover {waiting[0]} waits for the incoming signature; finish or withdraw it",
            )

    def _may_hand_over(self, s: Session, shift: Shift, actor: Actor) -> None:
        """The outgoing signer was on duty in the shift (a supervisor or above may sign for a
        shift whose operators are gone)."""
        if actor.role is not Role.OPERATOR:
            return
        present = s.execute(
            select(ShiftPresence.id).where(
                ShiftPresence.shift_id == shift.id, ShiftPresence.user_name == actor.name
            )
        ).first()
        if not present:
            raise DutyError(
                "not_on_shift", f"{actor.display_name} was not on duty in shift {shift.label}"
            )

    def _create(
        self, s: Session, shift: Shift, draft: HandoverDraft, actor: Actor
    ) -> tuple[int, str]:
        now = self.clock()
        self.duty.add_system(
            s,
            category=Category.HANDOVER,
            text=f"交班 Handed over: {len(draft.items)} 项未结事项 open items; "
            f"交班人 {actor.display_name}",
            source="handover",
            ref=None,
            author=actor.name,
            author_name=actor.display_name,
            shift=shift,
        )
        row = Handover(
            shift_id=shift.id,
            state=HandoverState.OUTGOING_SIGNED.value,
            items=audit.canonical_json(_items_json(draft.items)),
            checklist=audit.canonical_json([asdict(a) for a in draft.checklist]),
            synthesis=draft.synthesis.strip(),
            seal_hash="",
            audit_head="",
            created_at=now,
        )
        s.add(row)
        s.flush()
        head = s.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one().hash
        seal = compute_seal(s, shift, row, head)
        row.seal_hash, row.audit_head = seal, head
        s.add(self._signature(row, Side.OUTGOING, actor, now))
        shift.state, shift.sealed_at = ShiftState.HANDING_OVER.value, now
        audit.append(
            s,
            actor=actor.name,
            action="handover.sign_outgoing",
            subject=f"handover {row.id}",
            payload={"shift": shift.id, "seal": seal, "audit_head": head},
        )
        return row.id, seal

    def _signature(self, row: Handover, side: Side, actor: Actor, at: datetime) -> Signature:
        return Signature(
            handover_id=row.id,
            side=side.value,
            user_name=actor.name,
            printed_name=actor.display_name,
            role=actor.role.value,
            at=at,
            meaning=MEANING[side],
            seal_hash=row.seal_hash,
            audit_head=row.audit_head,
        )

    def sign_incoming(self, handover_id: int, name: str, password: str) -> HandoverView:
        """The incoming operator signs (接班) over the same seal; the shift is sealed and the
        incoming operator is on duty in the next one."""
        with self.db.read() as s:
            self._pending(s, handover_id, name)  # refuse early: no password try is spent
        actor = self.auth.authenticate(name, password, purpose=SIGN_PURPOSE)
        with self.db.write() as s:
            row, outgoing = self._pending(s, handover_id, actor.name)
            shift = s.get(Shift, row.shift_id)
            assert shift is not None
            if compute_seal(s, shift, row, row.audit_head) != row.seal_hash:
                raise DutyError(
                    "seal_mismatch",
                    f"shift {shift.label} changed after the outgoing signature; run verify-audit",
                )
            now = self.clock()
            s.add(self._signature(row, Side.INCOMING, actor, now))
            row.state = HandoverState.SEALED.value
            shift.state = ShiftState.SEALED.value
            self.shifts.close_presence(s, shift.id, now)
            audit.append(
                s,
                actor=actor.name,
                action="handover.sign_incoming",
                subject=f"handover {row.id}",
                payload={"shift": shift.id, "seal": row.seal_hash, "from": outgoing},
            )
            self._accept(s, row, actor)
            note(s, "duty.handover", handover_id=handover_id, change="sealed")
            note(s, "duty.shift", shift_id=row.shift_id, change="sealed", name=actor.name)
        return self.get(handover_id)

    def _pending(self, s: Session, handover_id: int, incoming: str) -> tuple[Handover, str]:
        row = s.get(Handover, handover_id)
        if row is None:
            raise DutyError("no_handover", f"there is no handover {handover_id}")
        if row.state != HandoverState.OUTGOING_SIGNED.value:
            raise DutyError("not_pending", f"handover {handover_id} is not waiting to be accepted")
        outgoing = s.execute(
            select(Signature.user_name).where(
                Signature.handover_id == row.id, Signature.side == Side.OUTGOING.value
            )
        ).scalar_one()
        if outgoing == incoming.strip():
            raise DutyError(
                "same_person", "the incoming operator must be someone other than the outgoing one"
            )
        return row, outgoing

    def _accept(self, s: Session, row: Handover, actor: Actor) -> None:
        """The incoming operator joins the next shift, whose log starts with the items."""
        nxt = self.shifts.writable(s)
        self.shifts.join_in(s, nxt, actor)
        items = _items_from(row.items)
        lines = [f"接班 Accepted handover {row.id}: {len(items)} 项未结事项 open items"]
        lines += [
            f"- {i.item.title} — {i.owner}: 如果 if {i.condition} 则 then {i.action}" for i in items
        ]
        self.duty.add_system(
            s,
            category=Category.HANDOVER,
            text="\n".join(lines)[:4000],
            source="handover",
            ref=f"handover:{row.id}",
            author=actor.name,
            author_name=actor.display_name,
        )

    def withdraw(self, actor: Actor, handover_id: int, reason: str) -> None:
        """Take back an outgoing signature the incoming operator will not accept: the shift
        is open again (the withdrawn handover stays on record)."""
        reason = reason.strip()
        if not reason:
            raise DutyError("reason_required", "say why the handover is withdrawn")
        with self.db.write() as s:
            row = s.get(Handover, handover_id)
            if row is None or row.state != HandoverState.OUTGOING_SIGNED.value:
                raise DutyError("not_pending", f"handover {handover_id} is not waiting")
            shift = s.get(Shift, row.shift_id)
            assert shift is not None
            row.state, row.withdrawn_at = HandoverState.WITHDRAWN.value, self.clock()
            row.withdrawn_by, row.withdraw_reason = actor.name, reason
            shift.state, shift.sealed_at = ShiftState.OPEN.value, None
            audit.append(
                s,
                actor=actor.name,
                action="handover.withdraw",
                subject=f"handover {row.id}",
                payload={"shift": shift.id},
            )
            note(s, "duty.handover", handover_id=handover_id, change="withdrawn")

    # -- reading ------------------------------------------------------------------------------

    def get(self, handover_id: int) -> HandoverView:
        with self.db.read() as s:
            row = s.get(Handover, handover_id)
            if row is None:
                raise DutyError("no_handover", f"there is no handover {handover_id}")
            return self._view(s, row)

    def _view(self, s: Session, row: Handover) -> HandoverView:
        shift = s.get(Shift, row.shift_id)
        assert shift is not None
        sigs = s.execute(
            select(Signature).where(Signature.handover_id == row.id).order_by(Signature.id)
        ).scalars()
        return HandoverView(
            id=row.id,
            shift=shift_view(shift),
            state=HandoverState(row.state),
            items=_items_from(row.items),
            checklist=tuple(ChecklistAnswer(**a) for a in json.loads(row.checklist)),
            synthesis=row.synthesis,
            seal_hash=row.seal_hash,
            audit_head=row.audit_head,
            created_at=row.created_at,
            signatures=tuple(
                SignatureView(
                    Side(g.side),
                    g.user_name,
                    g.printed_name,
                    Role(g.role),
                    g.at,
                    g.meaning,
                    g.seal_hash,
                    g.audit_head,
                )
                for g in sigs
            ),
        )

    def pending(self) -> HandoverView | None:
        """A handover the outgoing operator signed that waits for the incoming one."""
        with self.db.read() as s:
            row = s.execute(
                select(Handover)
                .where(Handover.state == HandoverState.OUTGOING_SIGNED.value)
                .order_by(Handover.id)
                .limit(1)
            ).scalar_one_or_none()
            return self._view(s, row) if row else None

    def between(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        *,
        sealed_only: bool = True,
    ) -> list[HandoverView]:
        """Handovers of shifts starting in [start, end), oldest first."""
        stmt = select(Handover).join(Shift, Shift.id == Handover.shift_id).order_by(Shift.start)
        if start is not None:
            stmt = stmt.where(Shift.start >= start)
        if end is not None:
            stmt = stmt.where(Shift.start < end)
        if sealed_only:
            stmt = stmt.where(Handover.state == HandoverState.SEALED.value)
        with self.db.read() as s:
            return [self._view(s, row) for row in s.execute(stmt).scalars()]

    def sheet(self, handover_id: int) -> HandoverSheet:
        view = self.get(handover_id)
        with self.db.read() as s:
            checks = [
                CheckLine(
                    c.template_name,
                    c.signed_at,
                    c.printed_name,
                    sum(1 for i in json.loads(c.items) if i.get("result") == "abnormal"),
                )
                for c in s.execute(
                    select(CheckRecord)
                    .where(CheckRecord.shift_id == view.shift.id)
                    .order_by(CheckRecord.signed_at)
                ).scalars()
            ]
        return HandoverSheet(
            site_name=self.site.site.name,
            timezone=self.site.site.timezone,
            handover=view,
            presence=tuple(self.shifts.presence(view.shift.id)),
            entries=tuple(self.duty.entries_of_shift(view.shift.id)),
            checks=tuple(checks),
            missed_slots=tuple(
                slot
                for slot in self.duty.equipment_slots(view.shift.id)
                if slot.state.value == "missed"
            ),
        )

    # -- verification -------------------------------------------------------------------------

    def verify_seals(self) -> tuple[int, list[SealBreak]]:
        """Recompute every seal, and check every duty-log entry against the text hash its
        audit record holds. Returns (seals checked, breaks found)."""
        breaks: list[SealBreak] = []
        checked = 0
        with self.db.read() as s:
            signed = self._signed_in_audit(s)
            for row in s.execute(
                select(Handover).where(Handover.state != HandoverState.WITHDRAWN.value)
            ).scalars():
                checked += 1
                breaks.extend(self._verify_one(s, row, signed.pop(row.id, None)))
            for handover_id in signed:
                breaks.append(
                    SealBreak(handover_id, "record", "signed in the audit chain but missing")
                )
            breaks.extend(_verify_entries(s))
        return checked, breaks

    def _signed_in_audit(self, s: Session) -> dict[int, str]:
        found: dict[int, str] = {}
        rows = s.execute(
            select(AuditRecord.subject, AuditRecord.payload).where(
                AuditRecord.action == "handover.sign_outgoing"
            )
        )
        for subject, payload in rows:
            handover_id = int(subject.rsplit(" ", 1)[-1])
            found[handover_id] = json.loads(payload)["seal"]
        withdrawn = s.execute(
            select(AuditRecord.subject).where(AuditRecord.action == "handover.withdraw")
        ).scalars()
        for subject in withdrawn:
            found.pop(int(subject.rsplit(" ", 1)[-1]), None)
        return found

    def _verify_one(self, s: Session, row: Handover, audited: str | None) -> list[SealBreak]:
        shift = s.get(Shift, row.shift_id)
        assert shift is not None
        what = f"shift {shift.label}"
        out = []
        if audited is None:
            out.append(SealBreak(row.id, what, "no outgoing signature in the audit chain"))
        elif audited != row.seal_hash:
            out.append(SealBreak(row.id, what, "seal differs from the one in the audit chain"))
        if compute_seal(s, shift, row, row.audit_head) != row.seal_hash:
            out.append(
                SealBreak(row.id, what, "entries, checks or handover changed after the seal")
            )
        sigs = s.execute(select(Signature).where(Signature.handover_id == row.id)).scalars()
        for sig in sigs:
            if sig.seal_hash != row.seal_hash:
                out.append(SealBreak(row.id, what, f"the {sig.side} signature's seal differs"))
        return out


def _verify_entries(s: Session) -> list[SealBreak]:
    expected: dict[int, str] = {}
    rows = s.execute(
        select(AuditRecord.subject, AuditRecord.payload).where(AuditRecord.action == "log.add")
    )
    for subject, payload in rows:
        expected[int(subject.rsplit(" ", 1)[-1])] = json.loads(payload)["text_sha256"]
    out = []
    for entry_id, text in s.execute(select(LogEntry.id, LogEntry.text).order_by(LogEntry.id)):
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        want = expected.pop(entry_id, None)
        if want is None:
            out.append(SealBreak(None, f"log entry {entry_id}", "not in the audit chain"))
        elif want != digest:
            out.append(SealBreak(None, f"log entry {entry_id}", "text differs from when written"))
    for entry_id in expected:
        out.append(SealBreak(None, f"log entry {entry_id}", "in the audit chain but missing"))
    return out
