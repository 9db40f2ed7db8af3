"""The SIP intercom against real peers: baresip (the desk) calls SIPp (the indoor station).

Each SIPp scenario in tests/sipp/ plays one resident and fails (SIPp exits non-zero) unless the
desk does its part: ACK the final response, CANCEL at the ring timeout, BYE on hang-up. Rings
are timed at a 2 s period here (the real cadence is 5 s) to keep the file short; the assertions
leave a ring boundary at least 1 s away from any event, for a loaded machine.
"""

from __future__ import annotations

import logging
import os
import random
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from devices.intercom.base import CallResult, CallStatus, IntercomError, Outcome, Phase, max_rings
from devices.intercom.sip import SipIntercom

SCENARIOS = Path(__file__).resolve().parents[1] / "sipp"
MISSING = [tool for tool in ("baresip", "sipp") if shutil.which(tool) is None]

pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"{' and '.join(MISSING)} not installed (Debian packages baresip-core and sip-tester)",
)

RING_PERIOD_S = 2.0
PASSWORD = "Zq7-desk-secret-91"


def free_port(kind: int = socket.SOCK_DGRAM) -> int:
    """A loopback port free now."""
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ephemeral_low() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_sip_port() -> int:
    """A loopback port for baresip's SIP: it binds UDP and TCP on the port and TLS on the next
    one. Taken below the kernel's ephemeral range, where no connection the other tests (or
    the other pytest worker) open can land on the TLS port between this check and the bind."""
    rng = random.Random()  # noqa: S311 - a port, not a secret
    for _ in range(200):
        port = rng.randrange(20000, _ephemeral_low() - 2)
        try:
            for kind, number in (
                (socket.SOCK_DGRAM, port),
                (socket.SOCK_STREAM, port),
                (socket.SOCK_STREAM, port + 1),
            ):
                with socket.socket(socket.AF_INET, kind) as t:
                    t.bind(("127.0.0.1", number))
        except OSError:
            continue
        return port
    raise AssertionError("no free port")


def free_media_ports(avoid: int) -> int:
    """A base for SIPp's media sockets: it binds the base (audio) and the base + 2 (video),
    so four free UDP ports in a row, none of them `avoid` (its SIP port)."""
    for _ in range(50):
        base = free_port()
        if avoid in range(base, base + 4):
            continue
        try:
            for offset in range(4):
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                    s.bind(("127.0.0.1", base + offset))
        except OSError:
            continue
        return base
    raise AssertionError("no four free UDP ports in a row")


def udp_bound(port: int) -> bool:
    """Whether a socket is bound to this UDP port (read from /proc: binding it to find out
    could make SIPp fail to bind it at that very moment)."""
    table = Path("/proc/net/udp").read_text().splitlines()[1:]
    return any(line.split()[1].endswith(f":{port:04X}") for line in table)


def wait_for(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@dataclass
class Station:
    """SIPp playing an indoor station: one call of a scenario, every message traced."""

    proc: subprocess.Popen[bytes]
    port: int
    messages: Path
    errors: Path

    @property
    def template(self) -> str:
        return f"sip:{{room}}@127.0.0.1:{self.port}"

    def wait(self, timeout: float = 30.0) -> int:
        """SIPp's exit code: 0 when the scenario ran to its end (every expected message came)."""
        return self.proc.wait(timeout)

    def traffic(self) -> list[tuple[str, str]]:
        """(received|sent, first line) for each message, in order."""
        if not self.messages.exists():
            return []
        text = self.messages.read_text(errors="replace")
        found = re.findall(r"UDP message (received|sent)[^\n]*\n\s*\n([^\r\n]+)", text)
        return [(way, line.strip()) for way, line in found]

    def received(self) -> list[str]:
        return [line.split()[0] for way, line in self.traffic() if way == "received"]

    def sent(self) -> list[str]:
        return [line for way, line in self.traffic() if way == "sent"]

    def call_id(self) -> str:
        ids = set(re.findall(r"(?im)^Call-ID:\s*(\S+)", self.messages.read_text()))
        assert len(ids) == 1, ids
        return ids.pop()

    def explain(self) -> str:
        errors = self.errors.read_text(errors="replace") if self.errors.exists() else ""
        return f"SIPp traffic: {self.traffic()}\nSIPp errors: {errors[-2000:]}"


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Callable[..., Station]]:
    started: list[Station] = []

    def start(scenario: str, *extra: str) -> Station:
        port = free_port()
        media = free_media_ports(avoid=port)
        name = f"{scenario}-{len(started)}"
        messages, errors = tmp_path / f"{name}.messages", tmp_path / f"{name}.errors"
        argv = ["sipp", "-i", "127.0.0.1", "-p", str(port), "-mp", str(media), "-m", "1"]
        if not scenario.startswith("-"):
            argv += ["-sf", str(SCENARIOS / f"{scenario}.xml")]
        argv += [*extra, "-nostdin", "-timeout", "60s", "-timeout_error", "-trace_msg"]
        argv += ["-message_file", str(messages), "-trace_err", "-error_file", str(errors)]
        with open(tmp_path / f"{name}.out", "wb") as out:
            proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path)
        st = Station(proc, port, messages, errors)
        started.append(st)
        if not scenario.startswith("-"):  # a UAS: wait until it listens
            assert wait_for(lambda: udp_bound(port) or proc.poll() is not None, 10)
            assert proc.poll() is None, (tmp_path / f"{name}.out").read_text()
        return st

    yield start
    for st in started:
        if st.proc.poll() is None:
            st.proc.kill()
        st.proc.wait()


@pytest.fixture
def intercom(tmp_path: Path) -> Iterator[Callable[..., SipIntercom]]:
    made: list[SipIntercom] = []

    def make(template: str, **kwargs: Any) -> SipIntercom:
        settings: dict[str, Any] = {
            "listen": f"127.0.0.1:{free_sip_port()}",
            "audio": "aubridge,nil",
            "ring_period_s": RING_PERIOD_S,
            "connect_timeout_s": 8.0,
            "workdir": tmp_path / f"intercom-{len(made)}",
        }
        settings.update(kwargs)
        ring_timeout_s = settings.pop("ring_timeout_s", 6.0)
        ic = SipIntercom(template, ring_timeout_s, **settings)
        made.append(ic)
        ic.start()
        return ic

    yield make
    for ic in made:
        ic.stop()


def finished(result: CallResult | None) -> CallResult:
    assert result is not None, "the call did not end in time"
    return result


def test_answered_after_three_rings_then_the_desk_hangs_up(station, intercom) -> None:
    st = station("ring_answer")  # 180 at once, 200 OK 5 s later, then waits for BYE
    ic = intercom(st.template, ring_timeout_s=12.0)
    updates: list[CallStatus] = []
    call = ic.call("3-201", updates.append)
    assert wait_for(lambda: call.status().phase is Phase.TALKING, 20), st.explain()
    assert call.result is None  # an answered call stays up until someone hangs up
    call.set_muted(True)
    assert call.muted
    call.set_muted(False)
    assert not call.muted
    time.sleep(0.5)
    call.hangup()
    result = finished(call.wait(15))
    assert result.outcome is Outcome.ANSWERED
    # the first ring at the 180, one more each 2 s: the answer at 5 s hears rings 1, 2, 3
    assert result.rings == 3
    assert 4.0 <= result.seconds < 9.0
    assert result.talk_seconds >= 0.5
    assert st.wait() == 0, st.explain()  # the scenario ends only with the desk's BYE
    assert st.received() == ["INVITE", "ACK", "BYE"]
    assert st.traffic()[0][1] == f"INVITE sip:3-201@127.0.0.1:{st.port} SIP/2.0"
    assert result.call_id == st.call_id()
    rang = sorted({u.rings for u in updates if u.phase is Phase.RINGING})
    assert rang == [1, 2, 3]
    assert updates[-1].phase is Phase.ENDED
    assert updates[-1].result == result


def test_the_resident_hangs_up(station, intercom) -> None:
    st = station("answer_hangup")  # answers at 0.5 s, sends BYE 2 s later
    ic = intercom(st.template)
    call = ic.call("301")
    result = finished(call.wait(20))
    assert result.outcome is Outcome.ANSWERED
    assert result.reason == "hung up by the resident"
    assert result.talk_seconds >= 1.5
    assert st.wait() == 0, st.explain()  # the desk answered the BYE 200
    assert result.call_id == st.call_id()


def test_busy_then_decline_back_to_back_on_one_baresip(station, intercom, tmp_path) -> None:
    busy = station("busy")
    ic = intercom(busy.template)
    pid = ic.pid
    result = finished(ic.call("301").wait(15))
    assert (result.outcome, result.sip_status, result.reason) == (Outcome.BUSY, 486, "Busy Here")
    assert result.rings == 0  # 486 straight after 100 Trying
    assert busy.wait() == 0, busy.explain()  # the desk ACKed the 486
    assert result.call_id == busy.call_id()

    decline = station("decline")  # 180, then 603 after 1.5 s
    ic.uri_template = decline.template
    result = finished(ic.call("302").wait(15))
    assert (result.outcome, result.sip_status) == (Outcome.DECLINED, 603)
    assert result.rings in (1, 2)  # 1.5 s into a 2 s ring; 2 only if the 603 came late
    assert decline.wait() == 0, decline.explain()
    assert result.call_id == decline.call_id()
    assert ic.pid == pid  # the same baresip process


def test_no_answer_cancels_at_the_ring_timeout(station, intercom) -> None:
    st = station("never_answer")  # rings until CANCEL; then 200, 487 and waits for the ACK
    ic = intercom(st.template, ring_timeout_s=6.0)
    call = ic.call("301")
    result = finished(call.wait(25))
    assert result.outcome is Outcome.NO_ANSWER
    assert result.rings == max_rings(6.0, RING_PERIOD_S) == 3
    assert 6.0 <= result.seconds < 11.0
    assert st.wait() == 0, st.explain()
    assert st.received() == ["INVITE", "CANCEL", "ACK"]
    assert "SIP/2.0 487 Request Terminated" in st.sent()
    assert result.call_id == st.call_id()


def test_early_media_183_counts_as_ringing(station, intercom) -> None:
    st = station("early_media")  # 183 with SDP instead of 180, never answers
    ic = intercom(st.template, ring_timeout_s=4.0)
    updates: list[CallStatus] = []
    result = finished(ic.call("301", updates.append).wait(25))
    assert result.outcome is Outcome.NO_ANSWER  # not unreachable: the 183 rang
    assert result.rings == 2
    assert Phase.RINGING in {u.phase for u in updates}
    assert st.wait() == 0, st.explain()
    assert "CANCEL" in st.received()


def test_nobody_listening_is_unreachable_at_the_connect_timeout(intercom) -> None:
    port = free_port()  # nothing there: the INVITE goes unanswered
    ic = intercom(f"sip:{{room}}@127.0.0.1:{port}", connect_timeout_s=3.0)
    call = ic.call("301")
    result = finished(call.wait(20))
    assert result.outcome is Outcome.UNREACHABLE
    assert result.rings == 0
    assert 3.0 <= result.seconds < 10.0
    assert "did not ring within 3 s" in result.reason
    assert result.call_id  # from baresip, though nobody saw it
    # and the stack is free for the next call at once
    assert finished(ic.call("302").wait(20)).outcome is Outcome.UNREACHABLE


def test_the_operator_hangs_up_while_it_rings(station, intercom) -> None:
    st = station("never_answer")
    ic = intercom(st.template, ring_timeout_s=20.0)
    call = ic.call("301")
    assert wait_for(lambda: call.status().phase is Phase.RINGING, 15), st.explain()
    with pytest.raises(IntercomError, match="in progress"):
        ic.call("302")  # one call at a time
    call.hangup()
    result = finished(call.wait(15))
    assert result.outcome is Outcome.CANCELLED
    assert result.rings == 1
    assert result.seconds < 5.0
    assert st.wait() == 0, st.explain()  # SIPp saw the CANCEL and had the 487 ACKed
    assert st.received() == ["INVITE", "CANCEL", "ACK"]


def test_baresip_killed_is_restarted_and_the_next_call_works(station, intercom) -> None:
    ringing = station("never_answer")
    ic = intercom(ringing.template, ring_timeout_s=20.0)
    first = ic.pid
    assert first is not None
    call = ic.call("301")
    assert wait_for(lambda: call.status().phase is Phase.RINGING, 15), ringing.explain()
    os.kill(first, signal.SIGKILL)  # mid-call
    result = finished(call.wait(15))
    assert result.outcome is Outcome.UNREACHABLE
    assert "baresip exited" in result.reason
    assert wait_for(lambda: ic.restarts == 1 and ic.wait_ready(0), 20)
    second = ic.pid
    assert second is not None
    assert second != first

    os.kill(second, signal.SIGKILL)  # and idle
    assert wait_for(lambda: ic.restarts == 2 and ic.wait_ready(0), 20)
    assert ic.pid not in (None, first, second)

    busy = station("busy")
    ic.uri_template = busy.template
    result = finished(ic.call("302").wait(15))
    assert result.outcome is Outcome.BUSY
    assert busy.wait() == 0, busy.explain()


def test_incoming_calls_are_refused_and_calling_out_still_works(station, intercom) -> None:
    ic = intercom("sip:{room}@127.0.0.1:9")
    port = ic.listen.rpartition(":")[2]
    caller = station("-uac", "-sn", "uac", "-s", "watchdesk", f"127.0.0.1:{port}")
    assert caller.wait() != 0  # the built-in caller wants a 200: it got none
    assert any(line.startswith("SIP/2.0 486") for way, line in caller.traffic())
    busy = station("busy")
    ic.uri_template = busy.template
    assert finished(ic.call("301").wait(15)).outcome is Outcome.BUSY


def test_the_password_registers_and_is_never_shown(station, intercom, tmp_path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    credentials = tmp_path / "credentials.csv"
    credentials.write_text(f"SEQUENTIAL\ndesk1;{PASSWORD};\n")
    registrar = station("register_auth", "-inf", str(credentials))  # checks the digest
    busy = station("busy")
    ic = intercom(
        busy.template,
        account=f"sip:desk1@127.0.0.1:{registrar.port}",
        password=PASSWORD,
        register_every_s=60,
    )
    folder = ic.config_dir
    assert folder is not None
    accounts = folder / "accounts"
    assert f";auth_pass={PASSWORD}" in accounts.read_text()
    assert stat.S_IMODE(accounts.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert registrar.wait() == 0, registrar.explain()  # 401, then a digest of this password
    assert registrar.received() == ["REGISTER", "REGISTER"]
    assert wait_for(lambda: "registered with its registrar" in caplog.text, 15)
    assert ic.registration() == "OK"
    assert finished(ic.call("301").wait(15)).outcome is Outcome.BUSY
    assert PASSWORD not in repr(ic)
    assert "***" in repr(ic)
    ic.stop()
    assert not accounts.exists()  # the password does not stay on disk
    assert "baresip started" in caplog.text  # it did log, at every level
    assert "Busy Here" in caplog.text
    assert "ctrl> dial" in caplog.text
    assert PASSWORD not in caplog.text


def test_start_fails_clearly_when_the_sip_port_is_taken(tmp_path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        ic = SipIntercom(
            "sip:{room}@127.0.0.1:9",
            6.0,
            password=PASSWORD,
            listen=f"127.0.0.1:{port}",
            audio="aubridge,nil",
            workdir=tmp_path / "ic",
        )
        with pytest.raises(IntercomError, match=f"could not listen for SIP on 127.0.0.1:{port}"):
            ic.start()
    assert ic.pid is None
    assert not (tmp_path / "ic" / "accounts").exists()
    assert PASSWORD not in caplog.text
    with pytest.raises(IntercomError, match="not running"):
        ic.call("301")


def test_start_says_to_install_baresip_when_it_is_missing(tmp_path) -> None:
    ic = SipIntercom("sip:{room}@127.0.0.1:9", 6.0, baresip=str(tmp_path / "no-baresip"))
    with pytest.raises(IntercomError, match="baresip-core"):
        ic.start()


def process_gone(pid: int) -> bool:
    """No such process, or a zombie waiting for its reaper."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def test_stop_ends_the_call_and_baresip(station, intercom) -> None:
    st = station("never_answer")
    ic = intercom(st.template, ring_timeout_s=20.0)
    pid = ic.pid
    assert pid is not None
    call = ic.call("301")
    assert wait_for(lambda: call.status().phase is Phase.RINGING, 15), st.explain()
    ic.stop()
    result = call.result
    assert result is not None
    assert (result.outcome, result.reason) == (Outcome.CANCELLED, "the intercom stopped")
    assert process_gone(pid)
    assert st.wait() == 0, st.explain()  # the call was CANCELled, not dropped
    with pytest.raises(IntercomError, match="not running"):
        ic.call("301")


def test_start_fails_clearly_when_the_tls_port_after_it_is_taken(tmp_path) -> None:
    """baresip also binds TLS on the next port: a start that fails there names that port."""
    port = free_sip_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", port + 1))
        taken.listen()
        ic = SipIntercom(
            "sip:{room}@127.0.0.1:9",
            6.0,
            listen=f"127.0.0.1:{port}",
            audio="aubridge,nil",
            workdir=tmp_path / "ic",
        )
        with pytest.raises(IntercomError, match=f"TLS on port {port + 1};") as failed:
            ic.start()
    assert f"could not listen for SIP on 127.0.0.1:{port}" in str(failed.value)
    assert ic.pid is None


CHILD = """
import sys, time
from devices.intercom.sip import SipIntercom
ic = SipIntercom(
    "sip:{room}@127.0.0.1:9", 6.0, listen=sys.argv[1], audio="aubridge,nil", workdir=sys.argv[2]
)
ic.start()
print(ic.pid, flush=True)
time.sleep(60)
"""


def test_baresip_dies_with_the_console(tmp_path) -> None:
    console = subprocess.Popen(
        [sys.executable, "-c", CHILD, f"127.0.0.1:{free_sip_port()}", str(tmp_path / "ic")],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert console.stdout is not None
        pid = int(console.stdout.readline())
        assert not process_gone(pid)
        console.kill()  # no stop(): only PR_SET_PDEATHSIG can end baresip now
        console.wait()
        assert wait_for(lambda: process_gone(pid), 10)
    finally:
        if console.poll() is None:
            console.kill()
            console.wait()
        if console.stdout is not None:
            console.stdout.close()
