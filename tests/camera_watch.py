"""A capture worker's callbacks collected for a test to wait on (unit and integration)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from devices.cameras.base import StreamStatus


class Watch:
    """Collects a worker's callbacks (on its thread) for the test to wait on."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.statuses: list[tuple[float, StreamStatus]] = []
        self.frame_times: list[float] = []

    @property
    def frames(self) -> int:
        """How many times on_frame was called."""
        with self.cond:
            return len(self.frame_times)

    def on_status(self, status: StreamStatus) -> None:
        with self.cond:
            self.statuses.append((time.monotonic(), status))
            self.cond.notify_all()

    def on_frame(self) -> None:
        with self.cond:
            self.frame_times.append(time.monotonic())
            self.cond.notify_all()

    def wait_for(
        self, check: Callable[[StreamStatus], bool], timeout: float, start: int = 0
    ) -> tuple[float, StreamStatus]:
        """The first status from index `start` on that passes `check`, with its arrival time."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for at, status in self.statuses[start:]:
                    if check(status):
                        return at, status
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(s.state.value, s.detail) for _, s in self.statuses]
                    raise AssertionError(f"no such status within {timeout} s: {seen}")
                self.cond.wait(left)

    def count(self) -> int:
        with self.cond:
            return len(self.statuses)
