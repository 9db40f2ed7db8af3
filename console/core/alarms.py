"""The alarm queue: every device event stored, every alarm followed from raise to close.

`AlarmService.ingest()` is the drivers' sink. In one transaction it stores the event as
received, applies it to the queue (raise, repeat, restore, reset) and appends to the audit
chain; only after the commit does it return (so the driver may acknowledge its device) and
publish `alarm.changed` (so the UI may show it; the note goes to the other desks with the
commit, console.core.changes). An event is never shown before it is stored.

Rules (DOMAIN.md, GB 50394, ISA-18.2):
- Lifecycle: new → acknowledged → in progress (SOP steps, guard dispatched) → closed with a
  resolution and a required comment. Nothing closes by itself: a restore is attached to the
  open alarm and shown, so latching kinds (fire, intrusion, panic) stay until an operator
  closes them, and so does everything else.
- Order: priority (fire > panic and lift > intrusion > tamper > faults), then oldest first.
- A zone that alarms again while its alarm is still unacknowledged counts a repeat on that
  alarm instead of a new row; once someone has acknowledged it, a new activation is news
  and gets its own row.
- Flood: >= FLOOD_COUNT new alarms within FLOOD_WINDOW.
- Shelving a zone needs a supervisor, a reason and an expiry; a shelved zone's alarms are
  still stored and listed, but do not sound and sort after the live ones.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.core import audit
from console.core.auth import Actor, Permission, require
from console.core.changes import note
from console.core.events import EventBus
from console.core.site import Site, Zone
from console.core.sop import SOP_OF_ZONE_KIND, Sop, load_sops
from devices.alarms.base import DEDUP_WINDOW_S, DeviceEvent, EventType
from schema.db import Database
from schema.models import Alarm, AlarmEvent, AlarmNote, ZoneShelf
from schema.types import utcnow

log = logging.getLogger(__name__)

FLOOD_COUNT = 10
FLOOD_WINDOW = timedelta(minutes=10)
MAX_SHELVE = timedelta(days=7)

PRIORITY_OF_KIND = {
    "fire": 1,
    "panic": 2,
    "elevator": 2,
    "infrared": 3,
    "perimeter": 3,
    "video": 3,
    "tamper": 4,
    "fault": 5,
}
FAULT_PRIORITY = 5
LATCHING_KINDS = frozenset({"fire", "infrared", "perimeter", "video", "panic"})

# Device events that open a queue item, and the queue event they open.
OPENING = {
    EventType.ALARM: "alarm",
    EventType.TROUBLE: "trouble",
    EventType.DISABLED: "disabled",
    EventType.COMM_FAULT: "comm_fault",
}
# Device events that restore one, and the queue event they restore.
RESTORING = {
    EventType.RESTORE: "alarm",
    EventType.TROUBLE_RESTORE: "trouble",
    EventType.COMM_RESTORE: "comm_fault",
}


class State(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


class Resolution(StrEnum):
    REAL = "real"  # 真实报警
    FALSE = "false"  # 误报
    TEST = "test"  # 测试
    REPAIRED = "repaired"  # 故障已修复
    OTHER = "other"  # 其他


class AlarmError(Exception):
    """A queue action that is not allowed now. `code` lets the UI word it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class AlarmView:
    id: int
    zone_id: str | None
    zone_name: str
    zone_kind: str
    source_id: str
    point: str | None
    event: str
    code: str
    text: str
    priority: int
    state: str
    camera_id: str | None
    raised_at: datetime
    last_at: datetime
    repeats: int
    restored_at: datetime | None
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    started_at: datetime | None
    started_by: str | None
    dispatched_at: datetime | None
    dispatched_to: str | None
    closed_at: datetime | None
    closed_by: str | None
    resolution: str | None
    close_comment: str | None
    shelved: bool = False

    @property
    def unmapped(self) -> bool:
        """A point the site file does not name (a source's own fault is not unmapped)."""
        return self.zone_id is None and self.point is not None

    @property
    def sounds(self) -> bool:
        """Fire, panic, lift and intrusion alarms sound until acknowledged (unless shelved)."""
        return self.state == State.NEW and self.priority <= 3 and not self.shelved

    @property
    def seconds_to_acknowledge(self) -> float | None:
        if self.acknowledged_at is None:
            return None
        return (self.acknowledged_at - self.raised_at).total_seconds()


@dataclass(frozen=True)
class NoteView:
    at: datetime
    author: str
    kind: str
    step: str | None
    text: str


@dataclass(frozen=True)
class EventView:
    id: int
    received_at: datetime
    type: str
    code: str
    text: str
    raw: str
    duplicate_of: int | None
    snapshot: str | None = None  # relative to the site's snapshots folder (video analysis)


@dataclass(frozen=True)
class AlarmDetail:
    alarm: AlarmView
    sop: Sop
    notes: tuple[NoteView, ...]
    events: tuple[EventView, ...]

    def ticked(self) -> dict[str, NoteView]:
        return {n.step: n for n in self.notes if n.kind == "step" and n.step is not None}


@dataclass(frozen=True)
class ShelfView:
    id: int
    zone_id: str
    by: str
    reason: str
    since: datetime
    until: datetime


@dataclass(frozen=True)
class IngestResult:
    event_id: int
    alarm_id: int | None
    outcome: str  # raised | repeat | restored | reset | stored | duplicate


@dataclass(frozen=True)
class FloodState:
    active: bool
    count: int  # new alarms within FLOOD_WINDOW


def _view(row: Alarm, shelved: bool = False) -> AlarmView:
    names = [f.name for f in fields(AlarmView) if f.name != "shelved"]
    return AlarmView(**{name: getattr(row, name) for name in names}, shelved=shelved)


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class AlarmService:
    def __init__(self, site: Site, db: Database, bus: EventBus) -> None:
        self.site, self.db, self.bus = site, db, bus
        self.zones: dict[tuple[str, str], Zone] = site.zone_points()
        self.zone_by_id = {z.id: z for z in site.zones}
        self.sops = load_sops(site.sop_path())
        self._flood_lock = threading.Lock()
        self._flood_active = False
        # Called inside the closing transaction (the duty log writes its line there).
        self.close_hooks: list[Callable[[Session, Alarm, Actor], None]] = []

    # -- ingest (drivers' threads) ---------------------------------------------------------

    def ingest(self, event: DeviceEvent) -> IngestResult:
        """Store one device event and apply it to the queue; returns after the commit (and
        after `alarm.changed` is published here; the other desks read it from the feed)."""
        with self.db.write() as s:
            result = self._ingest(s, event)
        if result.outcome in ("raised", "repeat"):
            self._check_flood()
        return result

    def _ingest(self, s: Session, ev: DeviceEvent) -> IngestResult:
        zone = self.zones.get((ev.source_id, ev.point)) if ev.point else None
        row = AlarmEvent(
            received_at=ev.received_at,
            source_id=ev.source_id,
            point=ev.point,
            zone_id=zone.id if zone else None,
            type=ev.type.value,
            code=_clip(ev.code, 32),
            text=_clip(ev.text, 256),
            raw=ev.raw,
            device_time=ev.device_time,
            dedup_key=_clip(ev.dedup_key, 128) if ev.dedup_key else None,
            snapshot=ev.snapshot,
        )
        row.duplicate_of = self._duplicate_of(s, ev)
        s.add(row)
        s.flush()
        if row.duplicate_of is not None:
            outcome, alarm = "duplicate", None
        elif ev.type in OPENING:
            outcome, alarm = self._open(s, ev, zone, row)
        elif ev.type in RESTORING:
            outcome, alarm = self._restore(s, ev, row)
        elif ev.type is EventType.RESET:
            outcome, alarm = self._reset(s, ev, row)
        else:
            outcome, alarm = "stored", None
        row.alarm_id = alarm.id if alarm else None
        audit.append(
            s,
            actor=audit.SYSTEM_ACTOR,
            action=f"alarm.event.{outcome}",
            subject=f"{ev.source_id} {ev.point or ''}".strip(),
            payload={
                "event": row.id,
                "type": ev.type.value,
                "code": ev.code,
                "alarm": row.alarm_id,
            },
        )
        note(
            s,
            "alarm.changed",
            alarm_id=row.alarm_id,
            event_id=row.id,
            change=outcome,
            received_mono=ev.received_mono,  # this process's clock: for the benchmarks
        )
        if outcome == "raised" and alarm is not None and alarm.camera_id:
            note(
                s,
                "camera.show",
                camera_id=alarm.camera_id,
                zone_id=alarm.zone_id,
                zone_name=alarm.zone_name,
                alarm_id=alarm.id,
            )
        return IngestResult(row.id, row.alarm_id, outcome)

    def _duplicate_of(self, s: Session, ev: DeviceEvent) -> int | None:
        if not ev.dedup_key:
            return None
        since = ev.received_at - timedelta(seconds=DEDUP_WINDOW_S)
        return s.scalar(
            select(AlarmEvent.id)
            .where(
                AlarmEvent.source_id == ev.source_id,
                AlarmEvent.dedup_key == _clip(ev.dedup_key, 128),
                AlarmEvent.duplicate_of.is_(None),
                AlarmEvent.received_at >= since,
            )
            .order_by(AlarmEvent.id.desc())
            .limit(1)
        )

    def _same_point(self, ev: DeviceEvent, event: str) -> Any:
        point = Alarm.point == ev.point if ev.point else Alarm.point.is_(None)
        return (Alarm.source_id == ev.source_id) & point & (Alarm.event == event)

    def _open(
        self, s: Session, ev: DeviceEvent, zone: Zone | None, row: AlarmEvent
    ) -> tuple[str, Alarm]:
        event = OPENING[ev.type]
        pending = s.scalar(
            select(Alarm)
            .where(self._same_point(ev, event), Alarm.state == State.NEW)
            .order_by(Alarm.id.desc())
            .limit(1)
        )
        if pending is not None:
            pending.repeats += 1
            pending.last_at = ev.received_at
            pending.restored_at = None
            self._note(s, pending.id, audit.SYSTEM_ACTOR, "repeat", ev.code or ev.type.value)
            return "repeat", pending
        kind = zone.kind if zone else (ev.kind_hint or "fault")
        alarm = Alarm(
            zone_id=zone.id if zone else None,
            zone_name=zone.name if zone else (ev.label or ev.point or ev.source_id),
            zone_kind=kind,
            source_id=ev.source_id,
            point=ev.point,
            event=event,
            code=row.code,
            text=row.text,
            priority=PRIORITY_OF_KIND.get(kind, FAULT_PRIORITY) if event == "alarm" else 5,
            state=State.NEW,
            camera_id=zone.camera if zone else None,
            raised_at=ev.received_at,
            last_at=ev.received_at,
            repeats=0,
        )
        s.add(alarm)
        s.flush()
        return "raised", alarm

    def _restore(self, s: Session, ev: DeviceEvent, row: AlarmEvent) -> tuple[str, Alarm | None]:
        alarm = s.scalar(
            select(Alarm)
            .where(
                self._same_point(ev, RESTORING[ev.type]),
                Alarm.state != State.CLOSED,
                Alarm.restored_at.is_(None),
            )
            .order_by(Alarm.id.desc())
            .limit(1)
        )
        if alarm is None:
            return "stored", None
        alarm.restored_at = ev.received_at
        self._note(s, alarm.id, audit.SYSTEM_ACTOR, "restore", ev.code or ev.type.value)
        return "restored", alarm

    def _reset(self, s: Session, ev: DeviceEvent, row: AlarmEvent) -> tuple[str, Alarm | None]:
        """A panel reset: every open alarm of that panel is noted (and shown) as reset there."""
        open_rows = s.scalars(
            select(Alarm).where(Alarm.source_id == ev.source_id, Alarm.state != State.CLOSED)
        ).all()
        for alarm in open_rows:
            alarm.restored_at = alarm.restored_at or ev.received_at
            self._note(s, alarm.id, audit.SYSTEM_ACTOR, "reset", ev.code or "reset")
        return "reset", None

    def _note(
        self, s: Session, alarm_id: int, author: str, kind: str, text: str, step: str | None = None
    ) -> None:
        s.add(
            AlarmNote(
                alarm_id=alarm_id, at=utcnow(), author=author, kind=kind, step=step, text=text
            )
        )

    # -- flood ------------------------------------------------------------------------------

    def flood(self) -> FloodState:
        since = utcnow() - FLOOD_WINDOW
        with self.db.read() as s:
            count = s.scalar(
                select(func.count(AlarmEvent.id)).where(
                    AlarmEvent.received_at >= since,
                    AlarmEvent.type.in_([t.value for t in OPENING]),
                    AlarmEvent.duplicate_of.is_(None),
                )
            )
        return FloodState(bool(count and count >= FLOOD_COUNT), int(count or 0))

    def _check_flood(self) -> FloodState:
        state = self.flood()
        with self._flood_lock:
            changed = state.active != self._flood_active
            self._flood_active = state.active
        if changed:
            log.warning(
                "alarm flood %s: %d new alarms in 10 minutes",
                "started" if state.active else "over",
                state.count,
            )
            self.bus.publish("alarm.flood", active=state.active, count=state.count)
        return state

    def refresh_flood(self) -> FloodState:
        """Re-check the flood state (the UI calls this on its timer so a flood can end)."""
        return self._check_flood()

    # -- reading ----------------------------------------------------------------------------

    def _shelved_zones(self, s: Session) -> set[str]:
        now = utcnow()
        rows = s.scalars(
            select(ZoneShelf.zone_id).where(ZoneShelf.lifted_at.is_(None), ZoneShelf.until > now)
        )
        return set(rows)

    def open_alarms(self) -> list[AlarmView]:
        """Everything not closed, in queue order: live before shelved, priority, oldest."""
        with self.db.read() as s:
            shelved = self._shelved_zones(s)
            rows = s.scalars(select(Alarm).where(Alarm.state != State.CLOSED)).all()
            views = [_view(r, r.zone_id in shelved) for r in rows]
        return sorted(views, key=lambda v: (v.shelved, v.priority, v.raised_at, v.id))

    def closed_alarms(self, limit: int = 200) -> list[AlarmView]:
        with self.db.read() as s:
            rows = s.scalars(
                select(Alarm)
                .where(Alarm.state == State.CLOSED)
                .order_by(Alarm.closed_at.desc())
                .limit(limit)
            ).all()
            return [_view(r) for r in rows]

    def get(self, alarm_id: int) -> AlarmView:
        with self.db.read() as s:
            return _view(self._row(s, alarm_id), self._is_shelved(s, alarm_id))

    def _is_shelved(self, s: Session, alarm_id: int) -> bool:
        zone_id = s.scalar(select(Alarm.zone_id).where(Alarm.id == alarm_id))
        return zone_id is not None and zone_id in self._shelved_zones(s)

    def detail(self, alarm_id: int) -> AlarmDetail:
        with self.db.read() as s:
            row = self._row(s, alarm_id)
            view = _view(row, self._is_shelved(s, alarm_id))
            notes = s.scalars(
                select(AlarmNote).where(AlarmNote.alarm_id == alarm_id).order_by(AlarmNote.id)
            ).all()
            events = s.scalars(
                select(AlarmEvent).where(AlarmEvent.alarm_id == alarm_id).order_by(AlarmEvent.id)
            ).all()
            return AlarmDetail(
                view,
                self.sop_for(view),
                tuple(NoteView(n.at, n.author, n.kind, n.step, n.text) for n in notes),
                tuple(
                    EventView(
                        e.id,
                        e.received_at,
                        e.type,
                        e.code,
                        e.text,
                        e.raw,
                        e.duplicate_of,
                        e.snapshot,
                    )
                    for e in events
                ),
            )

    def sop_for(self, alarm: AlarmView) -> Sop:
        if alarm.event != "alarm":
            # A camera covered, defocused or turned (video analysis) is checked like a tamper.
            return self.sops["tamper" if alarm.zone_kind == "tamper" else "fault"]
        if alarm.zone_kind == "video" and alarm.code == "thrown":
            return self.sops["thrown"]
        return self.sops[SOP_OF_ZONE_KIND.get(alarm.zone_kind, "fault")]

    def age_level(self, alarm: AlarmView, now: datetime | None = None) -> int:
        """0 fresh, 1 waiting long (amber), 2 overdue (red): only unacknowledged alarms age."""
        if alarm.state != State.NEW:
            return 0
        waited = ((now or utcnow()) - alarm.raised_at).total_seconds()
        if waited >= self.site.alarms.age_late_s:
            return 2
        return 1 if waited >= self.site.alarms.age_warn_s else 0

    def _row(self, s: Session, alarm_id: int) -> Alarm:
        row = s.get(Alarm, alarm_id)
        if row is None:
            raise AlarmError("not_found", f"there is no alarm {alarm_id}")
        return row

    # -- the operator's actions -------------------------------------------------------------

    def _act(self, s: Session, alarm_id: int, change: str) -> None:
        note(s, "alarm.changed", alarm_id=alarm_id, event_id=None, change=change)

    def acknowledge(self, actor: Actor, alarm_id: int) -> AlarmView:
        with self.db.write() as s:
            row = self._row(s, alarm_id)
            if row.state != State.NEW:
                raise AlarmError(
                    "already_acknowledged",
                    f"alarm {alarm_id} was already acknowledged by {row.acknowledged_by}",
                )
            now = utcnow()
            row.state, row.acknowledged_at, row.acknowledged_by = (
                State.ACKNOWLEDGED,
                now,
                actor.name,
            )
            self._note(s, alarm_id, actor.name, "acknowledge", "")
            seconds = round((now - row.raised_at).total_seconds(), 3)
            self._audit(s, actor, "alarm.acknowledge", alarm_id, {"seconds": seconds})
            view = _view(row)
            self._act(s, alarm_id, "acknowledged")
        return view

    def acknowledge_top(self, actor: Actor) -> AlarmView | None:
        """Acknowledge the first unacknowledged alarm in queue order, if there is one."""
        top = next((a for a in self.open_alarms() if a.state == State.NEW), None)
        return self.acknowledge(actor, top.id) if top else None

    def _working_row(self, s: Session, actor: Actor, alarm_id: int) -> Alarm:
        """An acknowledged or in-progress alarm; the first work on it starts its handling."""
        row = self._row(s, alarm_id)
        if row.state == State.NEW:
            raise AlarmError("not_acknowledged", f"acknowledge alarm {alarm_id} first")
        if row.state == State.CLOSED:
            raise AlarmError("closed", f"alarm {alarm_id} is closed")
        if row.state == State.ACKNOWLEDGED:
            row.state, row.started_at, row.started_by = State.IN_PROGRESS, utcnow(), actor.name
        return row

    def tick_step(self, actor: Actor, alarm_id: int, step_id: str) -> None:
        with self.db.write() as s:
            row = self._working_row(s, actor, alarm_id)
            step = self.sop_for(_view(row)).step(step_id)
            if step is None:
                raise AlarmError("unknown_step", f"the checklist has no step {step_id!r}")
            ticked = s.scalar(
                select(AlarmNote.id).where(
                    AlarmNote.alarm_id == alarm_id,
                    AlarmNote.kind == "step",
                    AlarmNote.step == step_id,
                )
            )
            if ticked is not None:
                raise AlarmError("step_done", f"step {step_id!r} is already ticked")
            self._note(s, alarm_id, actor.name, "step", step.zh, step=step_id)
            self._audit(s, actor, "alarm.step", alarm_id, {"step": step_id})
            self._act(s, alarm_id, "step")

    def dispatch(self, actor: Actor, alarm_id: int, to: str) -> None:
        to = to.strip()
        if not to:
            raise AlarmError("dispatch_to_required", "say who was sent (guard or post)")
        with self.db.write() as s:
            row = self._working_row(s, actor, alarm_id)
            row.dispatched_at, row.dispatched_to = utcnow(), _clip(to, 128)
            self._note(s, alarm_id, actor.name, "dispatch", to)
            self._audit(s, actor, "alarm.dispatch", alarm_id, {"to": to})
            self._act(s, alarm_id, "dispatched")

    def comment(self, actor: Actor, alarm_id: int, text: str) -> None:
        text = text.strip()
        if not text:
            raise AlarmError("comment_required", "write the comment first")
        with self.db.write() as s:
            self._row(s, alarm_id)
            self._note(s, alarm_id, actor.name, "comment", text)
            self._audit(s, actor, "alarm.comment", alarm_id, {"chars": len(text)})
            self._act(s, alarm_id, "commented")

    def close(self, actor: Actor, alarm_id: int, resolution: Resolution, comment: str) -> None:
        comment = comment.strip()
        if not comment:
            raise AlarmError("comment_required", "closing an alarm needs a comment")
        resolution = Resolution(resolution)
        with self.db.write() as s:
            row = self._working_row(s, actor, alarm_id)
            row.state, row.closed_at, row.closed_by = State.CLOSED, utcnow(), actor.name
            row.resolution, row.close_comment = resolution.value, comment
            self._note(s, alarm_id, actor.name, "close", f"{resolution.value}: {comment}")
            self._audit(s, actor, "alarm.close", alarm_id, {"resolution": resolution.value})
            for hook in self.close_hooks:
                hook(s, row, actor)
            self._act(s, alarm_id, "closed")

    def _audit(
        self, s: Session, actor: Actor, action: str, alarm_id: int, payload: dict[str, Any]
    ) -> None:
        audit.append(
            s, actor=actor.name, action=action, subject=f"alarm {alarm_id}", payload=payload
        )

    # -- shelving ---------------------------------------------------------------------------

    def shelve(self, actor: Actor, zone_id: str, reason: str, until: datetime) -> ShelfView:
        require(actor, Permission.SHELVE_ZONES)
        reason, now = reason.strip(), utcnow()
        if zone_id not in self.zone_by_id:
            raise AlarmError("unknown_zone", f"there is no zone {zone_id!r}")
        if not reason:
            raise AlarmError("reason_required", "shelving a zone needs a reason")
        if until <= now:
            raise AlarmError("expiry_past", "the shelving must expire in the future")
        if until - now > MAX_SHELVE:
            raise AlarmError("expiry_too_far", "a zone may be shelved for at most 7 days")
        with self.db.write() as s:
            if zone_id in self._shelved_zones(s):
                raise AlarmError("already_shelved", f"zone {zone_id} is already shelved")
            shelf = ZoneShelf(zone_id=zone_id, by=actor.name, reason=reason, since=now, until=until)
            s.add(shelf)
            s.flush()
            audit.append(
                s,
                actor=actor.name,
                action="zone.shelve",
                subject=zone_id,
                payload={"reason": reason, "until": audit.timestamp(until)},
            )
            view = ShelfView(shelf.id, zone_id, actor.name, reason, now, until)
            note(s, "alarm.changed", alarm_id=None, event_id=None, change="shelved")
        return view

    def unshelve(self, actor: Actor, zone_id: str) -> None:
        require(actor, Permission.SHELVE_ZONES)
        now = utcnow()
        with self.db.write() as s:
            shelves = s.scalars(
                select(ZoneShelf).where(
                    ZoneShelf.zone_id == zone_id,
                    ZoneShelf.lifted_at.is_(None),
                    ZoneShelf.until > now,
                )
            ).all()
            if not shelves:
                raise AlarmError("not_shelved", f"zone {zone_id} is not shelved")
            for shelf in shelves:
                shelf.lifted_at, shelf.lifted_by = now, actor.name
            audit.append(s, actor=actor.name, action="zone.unshelve", subject=zone_id)
            note(s, "alarm.changed", alarm_id=None, event_id=None, change="unshelved")

    def shelves(self) -> list[ShelfView]:
        now = utcnow()
        with self.db.read() as s:
            rows = s.scalars(
                select(ZoneShelf)
                .where(ZoneShelf.lifted_at.is_(None), ZoneShelf.until > now)
                .order_by(ZoneShelf.until)
            ).all()
            return [ShelfView(r.id, r.zone_id, r.by, r.reason, r.since, r.until) for r in rows]

    # -- export -----------------------------------------------------------------------------

    def between(self, start: datetime | None, end: datetime | None) -> list[AlarmView]:
        """Alarms raised in [start, end), oldest first."""
        query = select(Alarm).order_by(Alarm.raised_at, Alarm.id)
        if start is not None:
            query = query.where(Alarm.raised_at >= start)
        if end is not None:
            query = query.where(Alarm.raised_at < end)
        with self.db.read() as s:
            return [_view(r) for r in s.scalars(query).all()]

    def events_count(self, *, duplicates: bool | None = None) -> int:
        query = select(func.count(AlarmEvent.id))
        if duplicates is not None:
            dup = AlarmEvent.duplicate_of
            query = query.where(dup.is_not(None) if duplicates else dup.is_(None))
        with self.db.read() as s:
            return int(s.scalar(query) or 0)
