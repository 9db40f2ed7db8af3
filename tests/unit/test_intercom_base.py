"""The intercom's shared rules (room URIs, ring counting, the Call handle), the simulated
resident, the factory, and the SIP backend's pure parts (no baresip needed here)."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from console.core.site import Intercom as IntercomSettings
from devices.intercom.base import (
    Call,
    CallStatus,
    IntercomError,
    Outcome,
    Phase,
    max_rings,
    rings_after,
    room_uri,
)
from devices.intercom.factory import make_intercom
from devices.intercom.sim import SimIntercom
from devices.intercom.sip import NetstringReader, SipIntercom, closed_outcome, encode_netstring

pytestmark = pytest.mark.no_database  # runs once, not again per engine

# -- room URIs and ring counting -----------------------------------------------------------------


def test_room_uri_fills_the_template() -> None:
    assert room_uri("sip:{room}@10.0.0.5", " 3-201 ") == "sip:3-201@10.0.0.5"
    assert room_uri("sip:{room}@10.0.0.5:5062", "30201") == "sip:30201@10.0.0.5:5062"


@pytest.mark.parametrize(
    "room", ["1@evil", "", "   ", "a;b", "3 201", "-301", "x" * 33, "301>", "é301"]
)
def test_room_uri_rejects_what_is_not_a_room(room: str) -> None:
    with pytest.raises(IntercomError, match="letters, digits"):
        room_uri("sip:{room}@10.0.0.5", room)


@pytest.mark.parametrize(
    ("seconds", "rings"), [(-0.1, 0), (0.0, 1), (4.99, 1), (5.0, 2), (12.0, 3), (24.9, 5)]
)
def test_rings_after_the_first_180(seconds: float, rings: int) -> None:
    assert rings_after(seconds) == rings


def test_rings_after_at_another_period() -> None:
    assert [rings_after(t, 2.0) for t in (0.5, 1.99, 2.0, 5.0)] == [1, 1, 2, 3]


def test_max_rings() -> None:
    assert max_rings(25) == 5
    assert max_rings(24) == 5
    assert max_rings(26) == 6
    assert max_rings(1) == 1
    assert max_rings(6.0, 2.0) == 3
    assert max_rings(0.5 * 5, 0.5) == 5  # no float rounding up to 6


# -- the Call handle ------------------------------------------------------------------------------


def make_call(**kwargs: object) -> tuple[Call, list[CallStatus]]:
    seen: list[CallStatus] = []
    call = Call(room="301", uri="sip:301@h", ring_timeout_s=25.0, on_update=seen.append)
    for name, value in kwargs.items():
        setattr(call, name, value)
    return call, seen


def test_hanging_up_before_the_answer_is_cancelled_and_ends_once() -> None:
    call, seen = make_call()
    call.mark_ringing()
    first = call.finish(None, reason="hung up by the desk")
    assert (first.outcome, first.rings) == (Outcome.CANCELLED, 1)
    again = call.finish(Outcome.BUSY, sip_status=486)
    assert again is first
    assert call.wait(0) is first
    assert [s.phase for s in seen] == [Phase.RINGING, Phase.ENDED]


def test_an_answered_call_stays_answered_whatever_ends_it() -> None:
    call, _ = make_call()
    call.mark_ringing()
    call.mark_answered()
    result = call.finish(Outcome.UNREACHABLE, reason="baresip exited")
    assert result.outcome is Outcome.ANSWERED
    assert result.reason == "baresip exited"


def test_no_answer_counts_at_most_the_rings_before_the_timeout() -> None:
    call, _ = make_call(ring_timeout_s=6.0, ring_period_s=2.0)
    call.mark_ringing()
    assert call._first_ringing is not None
    call._first_ringing -= 6.5  # rang 6.5 s ago
    assert call.finish(Outcome.NO_ANSWER).rings == 3  # 4 by the clock, 3 by the rule


def test_mute_only_while_talking_and_hangup_only_until_ended() -> None:
    muted: list[bool] = []
    hangups: list[int] = []
    call, _ = make_call(_mute_fn=muted.append, _hangup_fn=lambda: hangups.append(1))
    call.set_muted(True)  # dialling: nothing to mute
    call.mark_answered()
    call.set_muted(True)
    call.set_muted(True)
    call.set_muted(False)
    assert muted == [True, False]
    call.hangup()
    call.finish(None)
    call.hangup()
    assert hangups == [1]
    assert call.result is not None
    assert call.result.as_json()["outcome"] == "answered"


# -- the simulated resident -----------------------------------------------------------------------


def test_sim_outcomes_at_a_fast_cadence() -> None:
    rooms = {"b": "busy", "d": "decline", "n": "never", "u": "unreachable", "c": "never"}
    sim = SimIntercom(
        "sip:{room}@sim",
        2.5,
        rooms,
        answer_after_s=1.25,
        ring_period_s=0.5,
        dial_delay_s=0.01,
    )
    talking = threading.Event()
    try:
        calls = {"a": sim.call("a", lambda s: talking.set() if s.phase is Phase.TALKING else None)}
        calls.update({room: sim.call(room) for room in rooms})
        time.sleep(0.2)
        calls["c"].hangup()  # while it rings
        assert talking.wait(5)
        calls["a"].hangup()
        results = {room: call.wait(10) for room, call in calls.items()}
    finally:
        sim.stop()
    got = {room: (r.outcome, r.rings, r.sip_status) for room, r in results.items() if r}
    assert got == {
        "a": (Outcome.ANSWERED, 3, None),  # answered at 1.25 s: rings at 0, 0.5 and 1.0 s
        "b": (Outcome.BUSY, 1, 486),
        "d": (Outcome.DECLINED, 2, 603),  # 603 at 0.75 s
        "n": (Outcome.NO_ANSWER, max_rings(2.5, 0.5), 487),
        "u": (Outcome.UNREACHABLE, 0, 408),
        "c": (Outcome.CANCELLED, 1, None),
    }
    assert len({r.call_id for r in results.values() if r}) == len(calls)


def test_sim_refuses_bad_behaviours_rooms_and_calls_after_stop() -> None:
    with pytest.raises(IntercomError, match="behaviour 'explode'"):
        SimIntercom("sip:{room}@sim", 25, {"301": "explode"})
    sim = SimIntercom("sip:{room}@sim", 25)
    with pytest.raises(IntercomError, match="room '1@evil'"):
        sim.call("1@evil")
    sim.stop()
    with pytest.raises(IntercomError, match="stopped"):
        sim.call("301")


# -- the factory ----------------------------------------------------------------------------------


def test_factory_makes_the_simulator_with_the_site_rooms() -> None:
    settings = IntercomSettings(
        kind="sim", uri_template="sip:{room}@10.0.0.5", ring_timeout_s=30, sim={"301": "busy"}
    )
    sim = make_intercom(settings)
    assert isinstance(sim, SimIntercom)
    assert (sim.behaviour("301"), sim.behaviour("302"), sim.ring_timeout_s) == (
        "busy",
        "answer",
        30,
    )


def test_factory_makes_the_sip_backend_without_starting_it(tmp_path) -> None:
    settings = SimpleNamespace(
        kind="sip",
        uri_template="sip:{room}@10.0.0.5",
        ring_timeout_s=25,
        account="sip:desk1@10.0.0.5",
        password="pw-123",
        register_every_s=600,
        listen="10.0.0.9:5070",
        audio="alsa,default",
        sim={},
    )
    sip = make_intercom(settings, workdir=tmp_path / "ic")
    assert isinstance(sip, SipIntercom)
    assert (sip.account, sip.listen, sip.audio, sip.register_every_s) == (
        "sip:desk1@10.0.0.5",
        "10.0.0.9:5070",
        "alsa,default",
        600,
    )
    assert sip.pid is None
    assert not (tmp_path / "ic").exists()
    with pytest.raises(IntercomError, match="kind 'h323'"):
        make_intercom(SimpleNamespace(**{**vars(settings), "kind": "h323"}))


# -- the SIP backend's pure parts ---------------------------------------------------------------


def test_netstrings_split_across_reads_and_joined_in_one() -> None:
    reader = NetstringReader()
    wire = encode_netstring({"command": "dial", "params": "sip:301@h"}) + b"2:{},"
    assert wire.startswith(b"39:{")
    assert reader.feed(wire[:5]) == []
    assert reader.feed(wire[5:]) == [b'{"command":"dial","params":"sip:301@h"}', b"{}"]
    for garbage in (b"x:{},", b"2:{}!", b"01:a,", b"12345678901"):
        with pytest.raises(ValueError, match="netstring"):
            NetstringReader().feed(garbage)


@pytest.mark.parametrize(
    ("param", "answered", "expected"),
    [
        ("486 Busy Here", False, (Outcome.BUSY, 486, "Busy Here")),
        ("600 Busy Everywhere", False, (Outcome.BUSY, 600, "Busy Everywhere")),
        ("603 Decline", False, (Outcome.DECLINED, 603, "Decline")),
        ("404 Not Found", False, (Outcome.UNREACHABLE, 404, "Not Found")),
        (
            "480 Temporarily Unavailable",
            False,
            (Outcome.UNREACHABLE, 480, "Temporarily Unavailable"),
        ),
        ("Connection refused", False, (Outcome.UNREACHABLE, None, "Connection refused")),
        ("Connection reset by peer", True, (None, None, "hung up by the resident")),
        ("Connection reset by user", True, (None, None, "Connection reset by user")),
    ],
)
def test_call_closed_param_to_outcome(
    param: str, answered: bool, expected: tuple[Outcome | None, int | None, str]
) -> None:
    assert closed_outcome(param, answered=answered) == expected


def test_sip_settings_are_checked_without_echoing_the_password() -> None:
    with pytest.raises(IntercomError, match="password") as caught:
        SipIntercom("sip:{room}@h", 25, password="bad;secret")
    assert "bad;secret" not in str(caught.value)
    with pytest.raises(IntercomError, match="account"):
        SipIntercom("sip:{room}@h", 25, account="desk1")
    sip = SipIntercom("sip:{room}@h", 25, password="good-secret", listen="0.0.0.0:5060")
    assert sip.account == "sip:watchdesk@127.0.0.1"  # as the site's desk_account()
    assert "good-secret" not in repr(sip)
    assert SipIntercom("sip:{room}@h", 25, listen="10.1.2.3:5070").account == (
        "sip:watchdesk@10.1.2.3"
    )
