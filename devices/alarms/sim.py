"""The simulated alarm source (`kind = "sim"`): the demo site's panel, driven by a script.

A script is text, one step per line: `SECONDS POINT TYPE [TEXT]`, where SECONDS counts from
the start of the run, POINT is `sim:N` (or `-` for the source itself) and TYPE an EventType
value (alarm, restore, trouble, trouble_restore, disabled, reset, test, comm_fault,
comm_restore, info). A last line `loop SECONDS` starts the script again that long after its
last step. `#` starts a comment. Tests and the GUI's demo menu can also `inject()` events.
"""

from __future__ import annotations

import logging
import math
import queue
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

from devices.alarms.base import DeviceEvent, EventType, Sink, StatusFn, ThreadDriver

log = logging.getLogger(__name__)

_POINT = re.compile(r"sim:[0-9]+")


class ScriptError(ValueError):
    """A script line that cannot be used; the message names the line."""


@dataclass(frozen=True)
class Step:
    at: float
    point: str | None
    type: EventType
    text: str


@dataclass(frozen=True)
class Script:
    steps: tuple[Step, ...]
    loop_after: float | None  # seconds after the last step, or None: run once


def parse_script(text: str) -> Script:
    steps: list[Step] = []
    loop_after: float | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if loop_after is not None:
            raise ScriptError(f"line {number}: nothing may follow 'loop'")
        words = line.split(maxsplit=3)
        if words[0] == "loop":
            loop_after = _seconds(words[1] if len(words) == 2 else "", number)
            continue
        steps.append(_step(words, number, steps[-1].at if steps else 0.0))
    if not steps:
        raise ScriptError("the script has no steps")
    return Script(tuple(steps), loop_after)


def _seconds(word: str, number: int) -> float:
    try:
        value = float(word)
    except ValueError:
        raise ScriptError(f"line {number}: {word!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < 0:
        raise ScriptError(f"line {number}: seconds must be a finite number, not negative")
    return value


def _step(words: list[str], number: int, previous: float) -> Step:
    if len(words) < 3:
        raise ScriptError(f"line {number}: use SECONDS POINT TYPE [TEXT]")
    at = _seconds(words[0], number)
    if at < previous:
        raise ScriptError(f"line {number}: steps must be in time order")
    point = None if words[1] == "-" else words[1]
    if point is not None and not _POINT.fullmatch(point):
        raise ScriptError(f"line {number}: {words[1]!r} is not a point (sim:N or -)")
    try:
        kind = EventType(words[2])
    except ValueError:
        known = ", ".join(t.value for t in EventType)
        raise ScriptError(f"line {number}: unknown type {words[2]!r} ({known})") from None
    return Step(at, point, kind, words[3] if len(words) == 4 else "")


class SimDriver(ThreadDriver):
    thread_name = "alarm-sim"

    def __init__(self, source_id: str, sink: Sink, status: StatusFn, script: Script | None) -> None:
        super().__init__((source_id,), sink, status)
        self.script = script
        self._injected: queue.Queue[DeviceEvent] = queue.Queue()

    def inject(self, point: str | None, kind: EventType, text: str = "") -> None:
        """Queue one event as if the panel had sent it now."""
        self._injected.put(self._event(point, kind, text))

    def _event(self, point: str | None, kind: EventType, text: str) -> DeviceEvent:
        code = f"{point or '-'}={kind.value}"
        return DeviceEvent(self.source_ids[0], kind, point, code=code, text=text, raw=code)

    def _wake(self) -> None:
        self._injected.put_nowait(DeviceEvent(self.source_ids[0], EventType.INFO, None))

    def run(self) -> None:
        self.status(self.source_ids[0], True, "simulated")
        for delay, step in self._timeline():
            if not self._wait(delay):
                return
            if step is not None:
                self._deliver(self._event(step.point, step.type, step.text))

    def _timeline(self) -> Iterator[tuple[float, Step | None]]:
        """(seconds to wait, step or None) forever: the script's steps, looped if it says so;
        without a script (or after a script that does not loop) only waiting."""
        script = self.script
        while script is not None:
            clock = 0.0
            for step in script.steps:
                yield step.at - clock, step
                clock = step.at
            if script.loop_after is None:
                break
            yield script.loop_after, None
        while True:
            yield 3600.0, None

    def _wait(self, seconds: float) -> bool:
        """Wait, delivering injected events meanwhile; False once stopping."""
        deadline = time.monotonic() + seconds
        while not self.stopping.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return True
            try:
                event = self._injected.get(timeout=remaining)
            except queue.Empty:
                return True
            if not self.stopping.is_set():
                self._deliver(event)
        return False

    def _deliver(self, event: DeviceEvent) -> None:
        try:
            self.sink(event)
        except Exception:
            # A simulator has nobody to resend: count it and say so.
            self.stats["store_failed"] += 1
            log.exception("could not store simulated event %s", event.code)
        else:
            self.stats["events"] += 1
