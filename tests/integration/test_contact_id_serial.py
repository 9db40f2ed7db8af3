"""Contact ID over a real (pseudo-)serial line: the driver on one end of a socat pty pair and
either the test itself or the receiver simulator on the other."""

from __future__ import annotations

import io
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import serial

from console.core.site import ContactIdSource
from devices.alarms.base import DeviceEvent, EventType
from devices.alarms.contact_id import (
    ACK,
    NAK,
    ContactIdDriver,
    ContactIdSimulator,
    format_report,
    heartbeat_line,
)

LINE = format_report("1234", "E", 130, 1, 5)  # b"5011 181234E13001005\x14"


class Recorder:
    """Sink and status callbacks that remember what they were given, safely across threads."""

    def __init__(self, delay: float = 0.0, fail_reports: int = 0) -> None:
        self.delay = delay
        self.fail_reports = fail_reports  # how many report events to refuse before storing
        self.events: list[DeviceEvent] = []  # stored
        self.refused: list[DeviceEvent] = []
        self.status: list[tuple[bool, str]] = []
        self.returned_at: list[float] = []  # when each successful sink call returned
        self._changed = threading.Condition()

    def sink(self, event: DeviceEvent) -> None:
        time.sleep(self.delay)
        with self._changed:
            if event.point is not None and self.fail_reports > 0:
                self.fail_reports -= 1
                self.refused.append(event)
                self._changed.notify_all()
                raise RuntimeError("database is locked")
            self.events.append(event)
            self.returned_at.append(time.monotonic())
            self._changed.notify_all()

    def on_status(self, source_id: str, ok: bool, detail: str) -> None:
        assert source_id == "cid"
        with self._changed:
            self.status.append((ok, detail))
            self._changed.notify_all()

    def wait(self, condition: Callable[[], bool], timeout: float = 3.0) -> None:
        with self._changed:
            assert self._changed.wait_for(condition, timeout), "timed out"

    def types(self) -> list[EventType]:
        return [e.type for e in self.events]


StartDriver = Callable[..., tuple[ContactIdDriver, Recorder]]


@pytest.fixture
def start_driver(pty_pair: tuple[str, str]) -> Iterator[StartDriver]:
    """Starts drivers on the pair's first end; stops them all afterwards."""
    drivers: list[ContactIdDriver] = []

    def start(
        rec: Recorder | None = None, heartbeat_s: float = 30.0, port: str | None = None
    ) -> tuple[ContactIdDriver, Recorder]:
        rec = rec or Recorder()
        source = ContactIdSource(id="cid", kind="contact-id", port=port or pty_pair[0])
        driver = ContactIdDriver(source, rec.sink, rec.on_status, heartbeat_s=heartbeat_s)
        drivers.append(driver)
        driver.start()
        if port is None:
            # Opening the port flushes it: bytes written before that would be lost.
            assert driver.port_open.wait(3), "the driver did not open its port"
        return driver, rec

    try:
        yield start
    finally:
        for driver in drivers:
            driver.stop()


@pytest.fixture
def peer(pty_pair: tuple[str, str]) -> Iterator[serial.Serial]:
    """The receiver's end of the line, for the test to write on and read answers from."""
    port = serial.Serial(pty_pair[1], timeout=2.0)
    try:
        yield port
    finally:
        port.close()


@pytest.fixture
def simulator(pty_pair: tuple[str, str]) -> Iterator[Callable[..., ContactIdSimulator]]:
    made: list[ContactIdSimulator] = []

    def make(heartbeat_s: float = 0.0, end: int = 1) -> ContactIdSimulator:
        """A simulator on the pair's second end (the first when the test plays console)."""
        sim = ContactIdSimulator(pty_pair[end], heartbeat_s=heartbeat_s)
        made.append(sim)
        return sim

    try:
        yield make
    finally:
        for sim in made:
            sim.close()


def quiet(port: serial.Serial, seconds: float) -> bytes:
    """Whatever arrives on `port` within `seconds` (expected: nothing)."""
    port.timeout = seconds
    return bytes(port.read(1))


# --- the driver against the test ----------------------------------------------------------


def test_report_is_acked_only_after_the_sink_returned(
    start_driver: StartDriver, peer: serial.Serial
) -> None:
    driver, rec = start_driver(Recorder(delay=0.2))
    sent_at = time.monotonic()
    peer.write(LINE)
    answer = peer.read(1)
    answered_at = time.monotonic()
    assert answer == ACK
    assert len(rec.events) == 1
    assert answered_at >= rec.returned_at[0]  # not before the store was done
    assert answered_at - sent_at >= 0.2
    assert quiet(peer, 0.2) == b""  # one answer per line
    event = rec.events[0]
    assert (event.type, event.point, event.code, event.kind_hint) == (
        EventType.ALARM,
        "cid:1234:005",
        "E130",
        "infrared",
    )
    assert event.dedup_key == "5011 181234E13001005"
    assert event.raw == "5011 181234E13001005<14>"
    assert driver.stats["events"] == 1
    assert rec.status[0][0] is True


def test_garbage_is_naked_and_counted(start_driver: StartDriver, peer: serial.Serial) -> None:
    driver, rec = start_driver()
    peer.write(b"5011 18GARBAGE!!\r\n\x14")
    assert peer.read(1) == NAK
    assert driver.stats["lines_bad"] == 1
    assert driver.stats["lines_ok"] == 0
    assert rec.events == []
    assert rec.status == []  # nothing valid arrived yet


def test_heartbeat_is_acked(start_driver: StartDriver, peer: serial.Serial) -> None:
    driver, rec = start_driver()
    peer.write(heartbeat_line())
    assert peer.read(1) == ACK
    assert driver.stats["heartbeats"] == 1
    assert rec.events == []
    rec.wait(lambda: bool(rec.status))
    assert rec.status[0][0] is True


def test_a_line_in_pieces_and_two_lines_at_once(
    start_driver: StartDriver, peer: serial.Serial
) -> None:
    driver, rec = start_driver()
    peer.write(LINE[:9])
    time.sleep(0.15)
    peer.write(LINE[9:] + format_report("1234", "R", 130, 1, 5))
    assert peer.read(2) == ACK + ACK
    assert [e.code for e in rec.events] == ["E130", "R130"]
    assert rec.types() == [EventType.ALARM, EventType.RESTORE]


def test_a_failed_store_is_naked_never_acked(
    start_driver: StartDriver, peer: serial.Serial, caplog: pytest.LogCaptureFixture
) -> None:
    driver, rec = start_driver(Recorder(fail_reports=1))
    peer.write(LINE)
    assert peer.read(1) == NAK
    assert quiet(peer, 0.3) == b""
    assert rec.events == []
    assert len(rec.refused) == 1
    assert driver.stats["nak_store_failed"] == 1
    assert driver.stats["events"] == 0
    assert "could not store 5011 181234E13001005" in caplog.text
    # the receiver's resend is stored and ACKed
    peer.timeout = 2.0
    peer.write(LINE)
    assert peer.read(1) == ACK
    assert len(rec.events) == 1
    assert rec.events[0].dedup_key == rec.refused[0].dedup_key


def test_silence_is_a_link_fault_and_a_heartbeat_restores(
    start_driver: StartDriver, peer: serial.Serial
) -> None:
    started = time.monotonic()
    driver, rec = start_driver(heartbeat_s=0.3)
    rec.wait(lambda: bool(rec.events), timeout=3)
    assert time.monotonic() - started >= 0.6  # two heartbeat periods
    time.sleep(0.7)  # more silence: still only the one fault
    assert rec.types() == [EventType.COMM_FAULT]
    fault = rec.events[0]
    assert (fault.source_id, fault.point) == ("cid", None)
    assert "heartbeat missing" in fault.text
    assert [ok for ok, _ in rec.status] == [False]
    assert "heartbeat missing" in rec.status[0][1]

    peer.write(heartbeat_line())
    assert peer.read(1) == ACK
    rec.wait(lambda: len(rec.events) == 2)
    assert rec.types() == [EventType.COMM_FAULT, EventType.COMM_RESTORE]
    assert rec.events[1].point is None
    assert [ok for ok, _ in rec.status] == [False, True]


def test_stop_is_prompt(start_driver: StartDriver, peer: serial.Serial) -> None:
    driver, _ = start_driver()
    time.sleep(0.2)
    began = time.monotonic()
    driver.stop()
    assert time.monotonic() - began < 0.5
    assert driver._thread is not None
    assert not driver._thread.is_alive()


def test_missing_port_is_reported_and_retried(
    start_driver: StartDriver, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="devices.alarms.contact_id")
    driver, rec = start_driver(port=str(tmp_path / "no-such-tty"))
    rec.wait(lambda: bool(rec.status))
    assert rec.status[0][0] is False
    assert "cannot open" in rec.status[0][1]
    time.sleep(1.0)  # backoff 0.5 s: a second try, logged quietly
    errors = [r for r in caplog.records if "no-such-tty" in r.getMessage()]
    assert [r.levelname for r in errors][:2] == ["ERROR", "DEBUG"]
    assert len(rec.status) == 1  # reported once, not per try


# --- the simulator against the driver -----------------------------------------------------


def test_simulator_and_driver_end_to_end_with_a_resend_after_nak(
    start_driver: StartDriver, simulator: Callable[..., ContactIdSimulator]
) -> None:
    driver, rec = start_driver(Recorder(fail_reports=1))
    sim = simulator()
    assert sim.exchange(LINE, timeout=2.0) == ["NAK", "ACK"]
    assert len(rec.refused) == 1
    assert len(rec.events) == 1
    assert rec.events[0].dedup_key == rec.refused[0].dedup_key == "5011 181234E13001005"
    assert driver.stats["nak_store_failed"] == 1
    assert driver.stats["events"] == 1

    assert sim.send(format_report("0A0F", "E", 301, 0, 0), timeout=2.0)
    assert rec.events[-1].type == EventType.TROUBLE
    assert rec.events[-1].text == "AC loss"
    assert sim.exchange(b"not a report\x14", timeout=1.0, retries=1) == ["NAK", "NAK"]
    assert not sim.send(b"neither\x14", timeout=1.0, retries=0)
    assert driver.stats["lines_bad"] == 3


def test_simulator_heartbeats_keep_the_link_up(
    start_driver: StartDriver, simulator: Callable[..., ContactIdSimulator]
) -> None:
    driver, rec = start_driver(heartbeat_s=0.3)
    simulator(heartbeat_s=0.15)
    time.sleep(1.0)
    assert driver.stats["heartbeats"] >= 4
    assert rec.events == []  # no link fault
    assert [ok for ok, _ in rec.status] == [True]


def test_simulator_resends_on_silence(
    pty_pair: tuple[str, str], simulator: Callable[..., ContactIdSimulator]
) -> None:
    sim = simulator(end=0)
    console = serial.Serial(pty_pair[1], timeout=2.0)
    with console, ThreadPoolExecutor(1) as pool:
        outcome = pool.submit(sim.exchange, LINE, 0.3, 3)
        assert console.read(len(LINE)) == LINE  # not answered
        assert console.read(len(LINE)) == LINE  # resent
        console.write(ACK)
        assert outcome.result(timeout=3) == ["no answer", "ACK"]


def test_simulator_prompt(
    start_driver: StartDriver, simulator: Callable[..., ContactIdSimulator]
) -> None:
    driver, rec = start_driver()
    sim = simulator()
    commands = "E 1234 130 01 005\n\nR 1234 130 01 005\nhb\nbogus\nquit\nE 1234 110 01 001\n"
    out = io.StringIO()
    sim.run_prompt(io.StringIO(commands), out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("commands:")
    assert lines[1:] == [
        "5011 181234E13001005<14>: ACK",
        "5011 181234R13001005<14>: ACK",
        "1011           @    <14>: ACK",
        lines[4],
    ]
    assert lines[4].startswith("? not understood: 'bogus'")
    assert [e.code for e in rec.events] == ["E130", "R130"]  # nothing after quit
    assert driver.stats["heartbeats"] == 1
