"""Shifts: the site's pattern ([duty] in the site file), who is on duty, and which shift a
duty-log entry belongs to.

A shift row is created the first time something happens in it (a log-in, an entry). It is
open until its handover: when the outgoing operator signs, it is handing over (the seal is
fixed and it takes no new entries), and when the incoming operator signs, it is sealed. A
shift handed over before its planned end makes the next shift the current one at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core import audit
from console.core.auth import Actor
from console.core.changes import note
from console.core.events import EventBus
from console.core.site import DutySettings, Site
from schema.db import Database
from schema.models import Shift, ShiftPresence
from schema.types import utcnow

# An entry may say it happened a little in the future (clocks differ); more is a mistake.
FUTURE_SLACK = timedelta(minutes=5)


class ShiftState(StrEnum):
    OPEN = "open"
    HANDING_OVER = "handing_over"
    SEALED = "sealed"


class DutyError(Exception):
    """A duty-log, shift or handover request that breaks a rule; `code` lets the UI word it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Slot:
    """One shift of the pattern, by time (it may not have a row yet)."""

    start: datetime  # aware, UTC
    end: datetime
    index: int  # position in [duty].shift_starts
    label: str


@dataclass(frozen=True)
class PresenceView:
    user_name: str
    display_name: str
    role: str
    joined_at: datetime
    left_at: datetime | None


@dataclass(frozen=True)
class ShiftView:
    id: int
    start: datetime
    end: datetime
    label: str
    state: ShiftState
    sealed_at: datetime | None
    created_at: datetime

    @property
    def is_open(self) -> bool:
        return self.state is ShiftState.OPEN


def shift_view(row: Shift) -> ShiftView:
    return ShiftView(
        row.id, row.start, row.end, row.label, ShiftState(row.state), row.sealed_at, row.created_at
    )


class ShiftPattern:
    """The site's shifts as wall-clock start times in its time zone (default 08/16/00)."""

    def __init__(self, duty: DutySettings, tz: ZoneInfo) -> None:
        self.tz = tz
        order = sorted(range(len(duty.shift_starts)), key=lambda i: duty.shift_starts[i])
        self._starts = [(_clock(duty.shift_starts[i]), i) for i in order]
        self._names = duty.shift_names

    def _candidates(self, day: date) -> list[tuple[datetime, int]]:
        return [
            (datetime.combine(day, clock, tzinfo=self.tz), index) for clock, index in self._starts
        ]

    def slot_at(self, moment: datetime) -> Slot:
        """The shift that `moment` falls in."""
        local_day = moment.astimezone(self.tz).date()
        days = [local_day - timedelta(days=1), local_day, local_day + timedelta(days=1)]
        starts = [c for day in days for c in self._candidates(day)]
        for (begin, index), (after, _) in zip(starts, starts[1:], strict=False):
            if begin <= moment < after:
                return self._slot(begin, after, index)
        raise AssertionError(f"no shift found for {moment}")  # three days always cover it

    def next_slot(self, slot: Slot) -> Slot:
        return self.slot_at(slot.end)

    def previous_slot(self, slot: Slot) -> Slot:
        return self.slot_at(slot.start - timedelta(microseconds=1))

    def _slot(self, begin: datetime, after: datetime, index: int) -> Slot:
        local_begin, local_end = begin.astimezone(self.tz), after.astimezone(self.tz)
        if self._names:
            name = self._names[index]
        else:
            name = f"{local_begin:%H:%M}–{local_end:%H:%M}"
        return Slot(
            begin.astimezone(ZoneInfo("UTC")),
            after.astimezone(ZoneInfo("UTC")),
            index,
            f"{local_begin:%Y-%m-%d} {name}",
        )


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


class ShiftService:
    def __init__(
        self, site: Site, db: Database, bus: EventBus, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.site, self.db, self.bus, self.clock = site, db, bus, clock
        self.pattern = ShiftPattern(site.duty, site.tz())
        self.min_on_duty = site.duty.min_on_duty

    # -- rows ---------------------------------------------------------------------------------

    def ensure(self, s: Session, slot: Slot) -> Shift:
        """The row of `slot`, created if nothing has happened in it yet."""
        row = s.execute(select(Shift).where(Shift.start == slot.start)).scalar_one_or_none()
        if row is None:
            row = Shift(
                start=slot.start,
                end=slot.end,
                label=slot.label,
                state=ShiftState.OPEN.value,
                created_at=self.clock(),
            )
            s.add(row)
            s.flush()
        return row

    def writable(self, s: Session, at: datetime | None = None) -> Shift:
        """The shift an entry goes into: for `at=None` the current open shift (after an early
        handover, the next one); for a given time, its shift, which must still be open."""
        if at is None:
            row = self._current_row(s, create=True)
            assert row is not None
            return row
        now = self.clock()
        if at.tzinfo is None:
            raise DutyError("naive_time", "an entry's time needs a time zone")
        if at > now + FUTURE_SLACK:
            raise DutyError("future", "an entry cannot be dated in the future")
        row = self.ensure(s, self.pattern.slot_at(at))
        if row.state != ShiftState.OPEN:
            raise DutyError(
                "shift_closed",
                f"shift {row.label} has been handed over and takes no new entries; "
                "write a new entry in the current shift instead",
            )
        return row

    def _current_row(self, s: Session, *, create: bool) -> Shift | None:
        """The first open shift from now on (after an early handover, the next one); without
        `create`, None when that shift has no row yet."""
        slot = self.pattern.slot_at(self.clock())
        while True:
            if create:
                row: Shift | None = self.ensure(s, slot)
            else:
                row = s.execute(select(Shift).where(Shift.start == slot.start)).scalar_one_or_none()
            if row is None or row.state == ShiftState.OPEN:
                return row
            slot = self.pattern.next_slot(slot)

    # -- queries ------------------------------------------------------------------------------

    def current(self) -> ShiftView:
        """The shift new entries go into now (its row is created if need be: only then is it
        a write, so panes refreshing often do not queue for the write lock)."""
        with self.db.read() as s:
            row = self._current_row(s, create=False)
            if row is not None:
                return shift_view(row)
        with self.db.write() as s:
            return shift_view(self.writable(s))

    def get(self, shift_id: int) -> ShiftView:
        with self.db.read() as s:
            row = s.get(Shift, shift_id)
            if row is None:
                raise DutyError("no_shift", f"there is no shift {shift_id}")
            return shift_view(row)

    def between(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[ShiftView]:
        """Shift rows starting in [start, end), oldest first."""
        stmt = select(Shift).order_by(Shift.start)
        if start is not None:
            stmt = stmt.where(Shift.start >= start)
        if end is not None:
            stmt = stmt.where(Shift.start < end)
        with self.db.read() as s:
            return [shift_view(row) for row in s.execute(stmt).scalars()]

    def unsealed(self) -> list[ShiftView]:
        """Shifts that have begun and are not sealed yet, oldest first: what awaits handover."""
        now = self.clock()
        stmt = (
            select(Shift)
            .where(Shift.state != ShiftState.SEALED.value, Shift.start <= now)
            .order_by(Shift.start)
        )
        with self.db.read() as s:
            return [shift_view(row) for row in s.execute(stmt).scalars()]

    def handover_target(self) -> ShiftView | None:
        """The shift a handover screen opened now hands over: a shift that ended within the
        grace period and is not sealed yet, else the current one."""
        now = self.clock()
        grace = timedelta(minutes=self.site.duty.handover_grace_min)
        candidates = self.unsealed()
        for view in candidates:
            if view.end <= now < view.end + grace:
                return view
        current = [v for v in candidates if v.start <= now < v.end]
        return current[0] if current else (candidates[-1] if candidates else None)

    def presence(self, shift_id: int) -> list[PresenceView]:
        """Everyone who was on duty in the shift, in order of joining."""
        stmt = (
            select(ShiftPresence)
            .where(ShiftPresence.shift_id == shift_id)
            .order_by(ShiftPresence.joined_at)
        )
        with self.db.read() as s:
            return [_presence(p) for p in s.execute(stmt).scalars()]

    def on_duty_now(self) -> list[PresenceView]:
        """People on duty now: joined and not left, in a shift not yet sealed (operators of a
        shift whose handover is late stay on duty until it is sealed)."""
        stmt = (
            select(ShiftPresence)
            .join(Shift, Shift.id == ShiftPresence.shift_id)
            .where(ShiftPresence.left_at.is_(None), Shift.state != ShiftState.SEALED.value)
            .order_by(ShiftPresence.joined_at)
        )
        with self.db.read() as s:
            seen: dict[str, PresenceView] = {}
            for p in s.execute(stmt).scalars():
                seen.setdefault(p.user_name, _presence(p))
            return list(seen.values())

    def understaffed(self, on_duty: Sequence[PresenceView] | None = None) -> bool:
        """Fewer people on duty than the site asks (GB 25506: at least 2 per shift). Pass
        `on_duty_now()` when it is already at hand."""
        people = self.on_duty_now() if on_duty is None else on_duty
        return len(people) < self.min_on_duty

    # -- joining and leaving -----------------------------------------------------------------

    def join(self, actor: Actor) -> ShiftView:
        """`actor` is on duty in the current shift from now (log-in, accepting a handover)."""
        with self.db.write() as s:
            row = self.writable(s)
            self.join_in(s, row, actor)
            view = shift_view(row)
            note(s, "duty.shift", shift_id=view.id, change="joined", name=actor.name)
        return view

    def join_in(self, s: Session, row: Shift, actor: Actor) -> None:
        """Record `actor` on duty in `row` inside the caller's transaction."""
        present = s.execute(
            select(ShiftPresence.id).where(
                ShiftPresence.shift_id == row.id,
                ShiftPresence.user_name == actor.name,
                ShiftPresence.left_at.is_(None),
            )
        ).first()
        if present:
            return
        s.add(
            ShiftPresence(
                shift_id=row.id,
                user_name=actor.name,
                display_name=actor.display_name,
                role=actor.role.value,
                joined_at=self.clock(),
            )
        )
        audit.append(
            s, actor=actor.name, action="shift.join", subject=f"shift {row.id}", payload={}
        )

    def leave(self, actor: Actor) -> None:
        """`actor` is no longer on duty (log-out)."""
        with self.db.write() as s:
            rows = list(
                s.execute(
                    select(ShiftPresence).where(
                        ShiftPresence.user_name == actor.name, ShiftPresence.left_at.is_(None)
                    )
                ).scalars()
            )
            for p in rows:
                p.left_at = self.clock()
            left = [p.shift_id for p in rows]
            if left:
                audit.append(s, actor=actor.name, action="shift.leave", subject=f"shift {left[-1]}")
                note(s, "duty.shift", shift_id=left[-1], change="left", name=actor.name)

    def close_presence(self, s: Session, shift_id: int, at: datetime) -> None:
        """Everyone still present in a shift that has just been sealed leaves it."""
        for p in s.execute(
            select(ShiftPresence).where(
                ShiftPresence.shift_id == shift_id, ShiftPresence.left_at.is_(None)
            )
        ).scalars():
            p.left_at = at


def _presence(p: ShiftPresence) -> PresenceView:
    return PresenceView(p.user_name, p.display_name, p.role, p.joined_at, p.left_at)
