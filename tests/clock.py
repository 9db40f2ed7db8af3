"""A settable clock for core's services in tests (`desk.set_clock(clock)`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now  # aware; any zone

    def __call__(self) -> datetime:
        return self.now.astimezone(UTC)

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
