"""What every intercom backend shares: the call's outcome, its progress, and the call handle.

Rule 3.4.8: the operator calls the resident's indoor station; "no answer after 5 rings" is
timed from the first 180 Ringing at the Chinese ringback cadence (1 s on, 4 s off), so five
rings are about 25 s. The backend counts rings, CANCELs at the ring timeout, and reports one
`CallResult` per call. Backends never touch the database or Qt: they run their own threads and
report through the `on_update` callback given to `Intercom.call`.
"""

from __future__ import annotations

import math
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

RING_PERIOD_S = 5.0  # one ring: 1 s of tone, 4 s of silence
ROOM_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")


class Outcome(StrEnum):
    ANSWERED = "answered"  # 200 OK: the resident picked up
    BUSY = "busy"  # 486 Busy Here (or 600 Busy Everywhere)
    DECLINED = "declined"  # 603 Decline: the resident rejected the call
    NO_ANSWER = "no-answer"  # rang until the ring timeout; the caller CANCELled
    UNREACHABLE = "unreachable"  # never rang: no reply, or an error (404, 408, 480, 503, ...)
    CANCELLED = "cancelled"  # the operator hung up before the resident answered


# The outcomes after which the visitor waits and the operator is offered to call again.
RETRY_OUTCOMES = frozenset(
    {Outcome.BUSY, Outcome.NO_ANSWER, Outcome.UNREACHABLE, Outcome.CANCELLED}
)


class Phase(StrEnum):
    DIALING = "dialing"  # INVITE sent, no 180 yet
    RINGING = "ringing"  # 180 received: rings are counted
    TALKING = "talking"  # 200 OK: connected
    ENDED = "ended"


class IntercomError(Exception):
    """The call could not be attempted at all (bad room, no SIP stack, backend stopped)."""


def room_uri(template: str, room: str) -> str:
    """The indoor station's URI for `room` ("3-201" → "sip:3-201@10.0.0.5").

    The room becomes the user part of a SIP URI, so only letters, digits and . _ - pass.
    """
    room = room.strip()
    if not ROOM_RE.match(room):
        raise IntercomError(
            f"room {room!r}: use 1-32 letters, digits, '.', '_' or '-' (e.g. 3-201 or 30201)"
        )
    return template.replace("{room}", room)


def rings_after(seconds_since_first_ringing: float, ring_period_s: float = RING_PERIOD_S) -> int:
    """How many rings the caller has heard: the first at the 180, then one per period."""
    if seconds_since_first_ringing < 0:
        return 0
    return 1 + int(seconds_since_first_ringing // ring_period_s)


def max_rings(ring_timeout_s: float, ring_period_s: float = RING_PERIOD_S) -> int:
    """The rings heard before the timeout CANCELs: 25 s at 5 s a ring → 5."""
    return max(1, math.ceil(ring_timeout_s / ring_period_s - 1e-9))


@dataclass(frozen=True)
class CallResult:
    room: str
    uri: str
    outcome: Outcome
    rings: int  # rings heard before the outcome (0: never rang)
    seconds: float  # from dialling to the outcome (answer, final response, timeout, hang-up)
    call_id: str | None  # the SIP Call-ID, for the record (None: never sent)
    sip_status: int | None = None  # the final response's status code, when there was one
    reason: str = ""  # the final response's reason phrase, or why the call failed
    talk_seconds: float = 0.0  # answered calls: from the answer to the hang-up

    def as_json(self) -> dict[str, Any]:
        """The `intercom call` command's line."""
        return {
            "room": self.room,
            "outcome": self.outcome.value,
            "rings": self.rings,
            "seconds": round(self.seconds, 1),
            "call_id": self.call_id,
        }


@dataclass(frozen=True)
class CallStatus:
    """A call's progress, as reported to `on_update` (from a backend thread)."""

    phase: Phase
    rings: int = 0
    elapsed: float = 0.0  # seconds since dialling
    muted: bool = False
    result: CallResult | None = None  # set once, with phase ENDED


UpdateFn = Callable[[CallStatus], None]


@dataclass
class Call:
    """One outgoing call. Thread-safe: the UI hangs up or mutes while the backend reports."""

    room: str
    uri: str
    ring_timeout_s: float
    on_update: UpdateFn | None = None
    ring_period_s: float = RING_PERIOD_S
    call_id: str | None = None
    started: float = field(default_factory=time.monotonic)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _done: threading.Event = field(default_factory=threading.Event, repr=False)
    _phase: Phase = Phase.DIALING
    _first_ringing: float | None = None
    _answered: float | None = None
    _muted: bool = False
    _result: CallResult | None = None
    _hangup_fn: Callable[[], None] | None = None
    _mute_fn: Callable[[bool], None] | None = None

    # -- what the operator does ------------------------------------------------------------------

    def hangup(self) -> None:
        """Hang up: CANCEL while ringing, BYE once talking. Ending an ended call does nothing."""
        fn = self._hangup_fn
        if fn is not None and not self._done.is_set():
            fn()

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute the desk's microphone (only while talking)."""
        with self._lock:
            if self._phase is not Phase.TALKING or muted == self._muted:
                return
            fn = self._mute_fn
        if fn is not None:
            fn(muted)
        with self._lock:
            self._muted = muted
        self._notify()

    def wait(self, timeout: float | None = None) -> CallResult | None:
        """The result once the call has ended, or None if it had not within `timeout`."""
        self._done.wait(timeout)
        return self._result

    @property
    def result(self) -> CallResult | None:
        return self._result

    @property
    def muted(self) -> bool:
        return self._muted

    def status(self) -> CallStatus:
        now = time.monotonic()
        with self._lock:
            rings = self._rings(self._answered if self._answered is not None else now)
            return CallStatus(
                phase=self._phase,
                rings=self._result.rings if self._result is not None else rings,
                elapsed=now - self.started,
                muted=self._muted,
                result=self._result,
            )

    # -- what the backend reports ----------------------------------------------------------------

    def ringing_deadline(self) -> float | None:
        """The monotonic time at which the backend must CANCEL (None: not ringing yet)."""
        with self._lock:
            if self._first_ringing is None or self._phase is not Phase.RINGING:
                return None
            return self._first_ringing + self.ring_timeout_s

    def next_ring_at(self) -> float | None:
        """When the ring count goes up next, for backends that tick the display."""
        with self._lock:
            if self._first_ringing is None or self._phase is not Phase.RINGING:
                return None
            n = self._rings(time.monotonic())
            return self._first_ringing + n * self.ring_period_s

    def mark_ringing(self) -> None:
        with self._lock:
            if self._phase is not Phase.DIALING:
                return
            self._phase = Phase.RINGING
            self._first_ringing = time.monotonic()
        self._notify()

    def tick(self) -> None:
        """Report the ring count again (called by the backend at each new ring)."""
        self._notify()

    def mark_answered(self) -> None:
        with self._lock:
            if self._phase in (Phase.TALKING, Phase.ENDED):
                return
            self._phase = Phase.TALKING
            self._answered = time.monotonic()
        self._notify()

    def finish(
        self,
        outcome: Outcome | None,
        *,
        sip_status: int | None = None,
        reason: str = "",
    ) -> CallResult:
        """End the call once. `outcome` None: answered calls stay answered, others are decided
        here from how far the call got (used for a hang-up). Later calls return the first."""
        now = time.monotonic()
        with self._lock:
            if self._result is not None:
                return self._result
            if self._answered is not None:
                outcome = Outcome.ANSWERED
            elif outcome is None or outcome is Outcome.ANSWERED:
                outcome = Outcome.CANCELLED
            decided = self._answered if self._answered is not None else now
            rings = self._rings(decided)
            if self._first_ringing is not None and outcome is Outcome.NO_ANSWER:
                rings = min(rings, max_rings(self.ring_timeout_s, self.ring_period_s))
            self._result = CallResult(
                room=self.room,
                uri=self.uri,
                outcome=outcome,
                rings=rings,
                seconds=decided - self.started,
                call_id=self.call_id,
                sip_status=sip_status,
                reason=reason,
                talk_seconds=(now - self._answered) if self._answered is not None else 0.0,
            )
            self._phase = Phase.ENDED
        self._done.set()
        self._notify()
        return self._result

    def _rings(self, at: float) -> int:
        if self._first_ringing is None:
            return 0
        return rings_after(at - self._first_ringing, self.ring_period_s)

    def _notify(self) -> None:
        if self.on_update is not None:
            self.on_update(self.status())


class Intercom(ABC):
    """A way to call indoor stations. `start()` before the first call, `stop()` at the end."""

    def __init__(self, uri_template: str, ring_timeout_s: float) -> None:
        self.uri_template = uri_template
        self.ring_timeout_s = ring_timeout_s

    def start(self) -> None:  # noqa: B027 - backends without a process need nothing
        """Get ready to call (start a SIP stack). Raises IntercomError if it cannot."""

    def stop(self) -> None:  # noqa: B027
        """Hang up any call and stop."""

    @abstractmethod
    def call(self, room: str, on_update: UpdateFn | None = None) -> Call:
        """Dial `room` and return at once; `on_update` hears the progress from another thread.

        Raises IntercomError if the call cannot be attempted (bad room, backend down)."""
