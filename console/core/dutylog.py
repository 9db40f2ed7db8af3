"""The duty log (值班日志): timestamped entries by category, never edited or deleted.

A correction is a new entry pointing at the one it corrects; views show both. Other services
write their entries (alarm closed, visitor verified, loan issued) inside their own
transaction through `add_system`, so the change and its log line commit together. Every
`equipment_every_h` hours (default 2) an equipment-status entry is due; a slot that passes
without one is shown as missed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from console.core import audit
from console.core.auth import Actor
from console.core.changes import note
from console.core.events import EventBus
from console.core.health import Health, HealthRegistry
from console.core.shifts import DutyError, ShiftService, ShiftState
from console.core.site import Site
from schema.db import Database
from schema.models import Alarm, LogEntry, Shift
from schema.types import utcnow

MAX_TEXT = 4000
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ATTACHMENT_TYPES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif", ".tif", ".tiff"})


class Category(StrEnum):
    PATROL = "patrol"  # 巡视
    ALARM = "alarm"  # 报警
    EQUIPMENT = "equipment"  # 设备
    VISITOR = "visitor"  # 访客
    FOOTAGE = "footage"  # 录像 (footage loans and viewings)
    COMPLAINT = "complaint"  # 投诉
    LIFT = "lift"  # 电梯
    HANDOVER = "handover"  # 交接
    OTHER = "other"  # 其他


LOG_EXCERPT = 60  # characters of a free text quoted in a line another service writes


def excerpt(text: str, limit: int = LOG_EXCERPT) -> str:
    """One line of a free text for the duty log."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


@dataclass(frozen=True)
class Attachment:
    name: str  # the file's name when attached
    path: str  # relative to the site's attachments folder
    sha256: str
    bytes: int


@dataclass(frozen=True)
class EntryView:
    id: int
    shift_id: int
    at: datetime
    recorded_at: datetime
    author: str
    author_name: str
    category: Category
    text: str
    corrects_id: int | None
    corrected_by: tuple[int, ...]  # later entries that correct this one
    source: str  # operator | alarm | visit | loan | check | lift | complaint | handover
    ref: str | None
    equipment_status: bool
    attachments: tuple[Attachment, ...]


@dataclass(frozen=True)
class LogFilter:
    day: date | None = None  # the site's local day of `at`
    shift_id: int | None = None
    category: Category | None = None
    author: str | None = None
    text: str | None = None  # a piece of the text (or of the author's printed name)
    limit: int = 5000


class SlotState(StrEnum):
    DONE = "done"
    DUE = "due"
    MISSED = "missed"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class EquipmentSlot:
    shift_id: int
    start: datetime
    end: datetime
    state: SlotState
    entry_id: int | None


def entry_fields(row: LogEntry) -> dict[str, object]:
    """The stored fields of an entry as hashed into a shift's seal."""
    return {
        "id": row.id,
        "shift_id": row.shift_id,
        "at": audit.timestamp(row.at),
        "recorded_at": audit.timestamp(row.recorded_at),
        "author": row.author,
        "author_name": row.author_name,
        "category": row.category,
        "text": row.text,
        "corrects_id": row.corrects_id,
        "source": row.source,
        "ref": row.ref,
        "equipment_status": bool(row.equipment_status),
        "attachments": json.loads(row.attachments),
    }


def _view(row: LogEntry, corrected_by: Sequence[int] = ()) -> EntryView:
    return EntryView(
        id=row.id,
        shift_id=row.shift_id,
        at=row.at,
        recorded_at=row.recorded_at,
        author=row.author,
        author_name=row.author_name,
        category=Category(row.category),
        text=row.text,
        corrects_id=row.corrects_id,
        corrected_by=tuple(corrected_by),
        source=row.source,
        ref=row.ref,
        equipment_status=bool(row.equipment_status),
        attachments=tuple(Attachment(**a) for a in json.loads(row.attachments)),
    )


def _clean_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise DutyError("text_required", "write what happened first")
    if len(text) > MAX_TEXT:
        raise DutyError("text_too_long", f"an entry holds at most {MAX_TEXT} characters")
    return text


class DutyLog:
    def __init__(
        self,
        site: Site,
        db: Database,
        bus: EventBus,
        shifts: ShiftService,
        health: HealthRegistry,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.site, self.db, self.bus, self.shifts = site, db, bus, shifts
        self.health, self.clock = health, clock
        self.every = timedelta(hours=site.duty.equipment_every_h)
        self.folder = site.attachments_dir()

    # -- writing ------------------------------------------------------------------------------

    def add(
        self,
        actor: Actor,
        category: Category | str,
        text: str,
        *,
        at: datetime | None = None,
        corrects: int | None = None,
        attachments: Sequence[Path] = (),
        equipment_status: bool = False,
    ) -> EntryView:
        """Write an operator's entry. `at` (when it happened) defaults to now; a time in a
        shift already handed over is refused (DutyError "shift_closed")."""
        category = Category(category)
        text = _clean_text(text)
        stored: list[tuple[Attachment, bool]] = [self.store_attachment(p) for p in attachments]
        try:
            with self.db.write() as s:
                _check_corrects(s, corrects)
                row = self._insert(
                    s,
                    shift=self.shifts.writable(s, at),
                    at=at,
                    author=actor.name,
                    author_name=actor.display_name,
                    category=category,
                    text=text,
                    corrects=corrects,
                    source="operator",
                    ref=None,
                    equipment_status=equipment_status,
                    attachments=[a for a, _ in stored],
                )
                view = _view(row)
                note(s, "duty.log", entry_id=view.id, shift_id=view.shift_id)
        except BaseException:
            for attachment, created in stored:
                if created:
                    (self.folder / attachment.path).unlink(missing_ok=True)
            raise
        return view

    def add_system(
        self,
        s: Session,
        *,
        category: Category,
        text: str,
        source: str,
        ref: str | None,
        author: str,
        author_name: str,
        shift: Shift | None = None,
    ) -> LogEntry:
        """An entry another service writes in its own transaction, into the current shift
        (or `shift`, which must be open). The caller notes the change in that transaction."""
        if shift is not None and shift.state != ShiftState.OPEN.value:
            raise DutyError("shift_closed", f"shift {shift.label} takes no new entries")
        return self._insert(
            s,
            shift=shift or self.shifts.writable(s),
            at=None,
            author=author,
            author_name=author_name,
            category=category,
            text=_clean_text(text),
            corrects=None,
            source=source,
            ref=ref,
            equipment_status=False,
            attachments=[],
        )

    def note_alarm_closed(self, s: Session, alarm: Alarm, actor: Actor) -> None:
        """The log line for an alarm closed in the queue (AlarmService close hook)."""
        self.add_system(
            s,
            category=Category.ALARM,
            text=f"报警已关闭 Alarm closed: {alarm.zone_name} ({alarm.event}) — "
            f"{alarm.resolution}: {alarm.close_comment}",
            source="alarm",
            ref=f"alarm:{alarm.id}",
            author=actor.name,
            author_name=actor.display_name,
        )

    def _insert(
        self,
        s: Session,
        *,
        shift: Shift,
        at: datetime | None,
        author: str,
        author_name: str,
        category: Category,
        text: str,
        corrects: int | None,
        source: str,
        ref: str | None,
        equipment_status: bool,
        attachments: list[Attachment],
    ) -> LogEntry:
        now = self.clock()
        row = LogEntry(
            shift_id=shift.id,
            at=at or now,
            recorded_at=now,
            author=author,
            author_name=author_name,
            category=category.value,
            text=text,
            corrects_id=corrects,
            source=source,
            ref=ref,
            equipment_status=equipment_status,
            attachments=audit.canonical_json([a.__dict__ for a in attachments]),
        )
        s.add(row)
        s.flush()
        payload = {
            "shift": shift.id,
            "category": category.value,
            "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "corrects": corrects,
            "attachments": [a.sha256 for a in attachments],
        }
        audit.append(
            s, actor=author, action="log.add", subject=f"log entry {row.id}", payload=payload
        )
        return row

    def store_attachment(self, source: Path) -> tuple[Attachment, bool]:
        """Copy a photo or snapshot into the attachments folder under its SHA-256. Returns
        the attachment and whether this call created the file."""
        if source.suffix.lower() not in ATTACHMENT_TYPES:
            raise DutyError(
                "attachment_type",
                f"{source.name}: attach a picture ({', '.join(sorted(ATTACHMENT_TYPES))})",
            )
        try:
            size = source.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise DutyError("attachment_size", f"{source.name}: larger than 20 MB")
            digest = hashlib.sha256()
            with source.open("rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    digest.update(chunk)
        except OSError as exc:
            raise DutyError(
                "attachment_unreadable", f"cannot read {source}: {exc.strerror or exc}"
            ) from None
        sha = digest.hexdigest()
        relative = f"{sha[:2]}/{sha}{source.suffix.lower()}"
        target = self.folder / relative
        if target.exists():
            return Attachment(source.name, relative, sha, size), False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".part-", dir=target.parent)
            os.close(fd)
            shutil.copyfile(source, tmp)
            os.replace(tmp, target)
        except OSError as exc:
            raise DutyError(
                "attachment_unwritable", f"cannot store {source.name}: {exc.strerror or exc}"
            ) from None
        return Attachment(source.name, relative, sha, size), True

    def attachment_path(self, attachment: Attachment) -> Path:
        return self.folder / attachment.path

    # -- reading ------------------------------------------------------------------------------

    def _filtered(self, flt: LogFilter) -> Select[LogEntry]:
        stmt = select(LogEntry)
        if flt.day is not None:
            tz = self.site.tz()
            start = datetime.combine(flt.day, time(), tzinfo=tz)
            end = datetime.combine(flt.day + timedelta(days=1), time(), tzinfo=tz)
            stmt = stmt.where(LogEntry.at >= start, LogEntry.at < end)
        if flt.shift_id is not None:
            stmt = stmt.where(LogEntry.shift_id == flt.shift_id)
        if flt.category is not None:
            stmt = stmt.where(LogEntry.category == Category(flt.category).value)
        if flt.author:
            stmt = stmt.where(LogEntry.author == flt.author)
        if flt.text:
            needle = flt.text.strip()
            stmt = stmt.where(
                LogEntry.text.contains(needle, autoescape=True)
                | LogEntry.author_name.contains(needle, autoescape=True)
            )
        return stmt.order_by(LogEntry.at, LogEntry.id).limit(flt.limit)

    def entries(self, flt: LogFilter | None = None) -> list[EntryView]:
        """Entries matching the filter, oldest first, each with the entries correcting it."""
        with self.db.read() as s:
            rows = list(s.execute(self._filtered(flt or LogFilter())).scalars())
            return self._views(s, rows)

    def between(self, start: datetime | None, end: datetime | None) -> list[EntryView]:
        stmt = select(LogEntry).order_by(LogEntry.at, LogEntry.id)
        if start is not None:
            stmt = stmt.where(LogEntry.at >= start)
        if end is not None:
            stmt = stmt.where(LogEntry.at < end)
        with self.db.read() as s:
            return self._views(s, list(s.execute(stmt).scalars()))

    def _views(self, s: Session, rows: list[LogEntry]) -> list[EntryView]:
        ids = [r.id for r in rows]
        corrections: dict[int, list[int]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            stmt = select(LogEntry.corrects_id, LogEntry.id).where(LogEntry.corrects_id.in_(part))
            for original, fix in s.execute(stmt):
                if original is not None:
                    corrections.setdefault(original, []).append(fix)
        return [_view(r, sorted(corrections.get(r.id, []))) for r in rows]

    def entries_of_shift(self, shift_id: int) -> list[EntryView]:
        """Every entry of one shift, oldest first (no limit: the handover sheet shows all)."""
        stmt = (
            select(LogEntry).where(LogEntry.shift_id == shift_id).order_by(LogEntry.at, LogEntry.id)
        )
        with self.db.read() as s:
            return self._views(s, list(s.execute(stmt).scalars()))

    def get(self, entry_id: int) -> EntryView:
        with self.db.read() as s:
            row = s.get(LogEntry, entry_id)
            if row is None:
                raise DutyError("no_entry", f"there is no log entry {entry_id}")
            return self._views(s, [row])[0]

    def authors(self) -> list[tuple[str, str]]:
        """(user name, printed name) of everyone who has written in the log."""
        stmt = select(LogEntry.author, LogEntry.author_name).distinct().order_by(LogEntry.author)
        with self.db.read() as s:
            seen: dict[str, str] = {}
            for name, printed in s.execute(stmt):
                seen.setdefault(name, printed)
            return list(seen.items())

    # -- the equipment-status rhythm -----------------------------------------------------------

    def equipment_slots(self, shift_id: int) -> list[EquipmentSlot]:
        """The shift's equipment-status slots since it was first used (a slot that ended
        before the desk took the shift up is not counted as missed)."""
        now = self.clock()
        with self.db.read() as s:
            shift = s.get(Shift, shift_id)
            if shift is None:
                raise DutyError("no_shift", f"there is no shift {shift_id}")
            done = s.execute(
                select(LogEntry.at, LogEntry.id).where(
                    LogEntry.shift_id == shift_id, LogEntry.equipment_status
                )
            ).all()
        end = shift.end
        if shift.state != ShiftState.OPEN.value and shift.sealed_at is not None:
            end = min(end, shift.sealed_at)
        slots: list[EquipmentSlot] = []
        start = shift.start
        while start < end:
            stop = min(start + self.every, shift.end)
            if stop > shift.created_at:
                entry = next((i for at, i in done if start <= at < stop), None)
                slots.append(
                    EquipmentSlot(
                        shift_id, start, stop, _slot_state(entry, start, stop, now), entry
                    )
                )
            start = stop
        return slots

    def equipment_due(self) -> EquipmentSlot | None:
        """The current shift's slot that is due now without its entry, if any."""
        current = self.shifts.current()
        for slot in self.equipment_slots(current.id):
            if slot.state is SlotState.DUE:
                return slot
        return None

    def equipment_summary(self) -> str:
        """A suggested text for the equipment-status entry, from the devices' health now."""
        parts = []
        for kind, label in (
            ("alarm_source", "报警源 alarm sources"),
            ("camera", "摄像机 cameras"),
            ("intercom", "对讲 intercom"),
        ):
            devices = [d for d in self.health.snapshot() if d.kind == kind]
            if not devices:
                continue
            faulty = [d.name for d in devices if d.state is Health.FAULT]
            waiting = [d.name for d in devices if d.state is Health.NOT_STARTED]
            text = f"{label}: {len(devices) - len(faulty) - len(waiting)}/{len(devices)} OK"
            if faulty:
                text += f"; 故障 fault: {', '.join(faulty)}"
            if waiting:
                text += f"; 未连接 not connected: {', '.join(waiting)}"
            parts.append(text)
        return "\n".join(parts) or "无设备 no devices"


def _check_corrects(s: Session, corrects: int | None) -> None:
    if corrects is not None and s.get(LogEntry, corrects) is None:
        raise DutyError("no_entry", f"there is no log entry {corrects} to correct")


def _slot_state(entry: int | None, start: datetime, stop: datetime, now: datetime) -> SlotState:
    if entry is not None:
        return SlotState.DONE
    if now < start:
        return SlotState.UPCOMING
    return SlotState.DUE if now < stop else SlotState.MISSED
