"""A simulated resident for the demo site and the dialog's tests.

Each room behaves as the site file says (`[intercom.sim]`, room = behaviour), other rooms as
`default`: "answer" picks up after `answer_after_s`, "busy" replies 486 after a ring, "decline"
rejects with 603 after two rings, "never" rings until the desk gives up, and "unreachable"
never rings. Times run at the real cadence unless `ring_period_s` is made shorter for tests.
"""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from collections.abc import Mapping

from devices.intercom.base import (
    RING_PERIOD_S,
    Call,
    Intercom,
    IntercomError,
    Outcome,
    UpdateFn,
    room_uri,
)

BEHAVIOURS = ("answer", "busy", "decline", "never", "unreachable")


class SimIntercom(Intercom):
    def __init__(
        self,
        uri_template: str,
        ring_timeout_s: float,
        rooms: Mapping[str, str] | None = None,
        *,
        default: str = "answer",
        answer_after_s: float = 8.0,
        ring_period_s: float = RING_PERIOD_S,
        dial_delay_s: float = 0.3,
    ) -> None:
        super().__init__(uri_template, ring_timeout_s)
        for room, how in {**(rooms or {}), "(default)": default}.items():
            if how not in BEHAVIOURS:
                raise IntercomError(f"room {room}: behaviour {how!r} is not one of {BEHAVIOURS}")
        self.rooms = dict(rooms or {})
        self.default = default
        self.answer_after_s = answer_after_s
        self.ring_period_s = ring_period_s
        self.dial_delay_s = dial_delay_s
        self._calls: list[Call] = []
        self._lock = threading.Lock()
        self._seq = itertools.count(1)
        self._stopped = False

    def behaviour(self, room: str) -> str:
        return self.rooms.get(room, self.default)

    def call(self, room: str, on_update: UpdateFn | None = None) -> Call:
        uri = room_uri(self.uri_template, room)
        with self._lock:
            if self._stopped:
                raise IntercomError("the intercom is stopped")
        call = Call(
            room=room.strip(),
            uri=uri,
            ring_timeout_s=self.ring_timeout_s,
            on_update=on_update,
            ring_period_s=self.ring_period_s,
            call_id=f"sim-{next(self._seq)}-{uuid.uuid4().hex[:12]}",
        )
        hung_up = threading.Event()
        call._hangup_fn = hung_up.set
        call._mute_fn = lambda _muted: None
        with self._lock:
            self._calls.append(call)
        threading.Thread(
            target=self._run, args=(call, hung_up), name=f"sim-call-{room}", daemon=True
        ).start()
        return call

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            calls, self._calls = self._calls, []
        for call in calls:
            call.hangup()

    def _run(self, call: Call, hung_up: threading.Event) -> None:
        how = self.behaviour(call.room)
        period = self.ring_period_s
        try:
            if hung_up.wait(self.dial_delay_s):
                call.finish(None, reason="hung up by the desk")
                return
            if how == "unreachable":
                if hung_up.wait(min(3.0, self.ring_timeout_s)):
                    call.finish(None, reason="hung up by the desk")
                else:
                    call.finish(Outcome.UNREACHABLE, sip_status=408, reason="Request Timeout")
                return
            call.mark_ringing()
            rang_at = time.monotonic()
            deadline = rang_at + self.ring_timeout_s
            ends_after = {
                "answer": self.answer_after_s,
                "busy": min(1.0, period / 5),
                "decline": period * 1.5,
            }.get(how)
            if ends_after is None or rang_at + ends_after >= deadline:
                how, stop_at = "never", deadline
            else:
                stop_at = rang_at + ends_after
            while True:
                wake = min(stop_at, call.next_ring_at() or stop_at)
                if hung_up.wait(max(0.0, wake - time.monotonic())):
                    call.finish(None, reason="hung up by the desk")
                    return
                if time.monotonic() >= stop_at - 1e-3:
                    break
                call.tick()
            if how == "busy":
                call.finish(Outcome.BUSY, sip_status=486, reason="Busy Here")
            elif how == "decline":
                call.finish(Outcome.DECLINED, sip_status=603, reason="Decline")
            elif how == "never":
                call.finish(Outcome.NO_ANSWER, sip_status=487, reason="Request Terminated")
            else:
                call.mark_answered()
                hung_up.wait()
                call.finish(None, reason="hung up")
        finally:
            with self._lock:
                if call in self._calls:
                    self._calls.remove(call)
