"""The GST printer driver on a real (pseudo-)serial line: the simulator prints on one end of a
socat pty pair, the driver reads the other."""

from __future__ import annotations

import io
import subprocess
import threading
import time
import zoneinfo
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
import serial

from console.core.site import GstPrinterSource
from devices.alarms.base import Backoff, DeviceEvent, EventType
from devices.alarms.gst_printer import GstPrinterDriver, format_block, run_prompt

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
AT = datetime(2026, 11, 21, 14, 3, 22)


class Recorder:
    """A sink and a status callback that remember what they were given."""

    def __init__(self, fail_times: int = 0) -> None:
        self.events: list[DeviceEvent] = []
        self.statuses: list[tuple[str, bool, str]] = []
        self.calls = 0
        self.fail_times = fail_times
        self._changed = threading.Condition()

    def sink(self, event: DeviceEvent) -> None:
        with self._changed:
            self.calls += 1
            if self.calls <= self.fail_times:
                raise RuntimeError("database is locked")
            self.events.append(event)
            self._changed.notify_all()

    def status(self, source_id: str, ok: bool, detail: str) -> None:
        with self._changed:
            self.statuses.append((source_id, ok, detail))
            self._changed.notify_all()

    def wait(self, what: Callable[[], bool], timeout: float = 5.0) -> None:
        with self._changed:
            assert self._changed.wait_for(what, timeout), "timed out"

    def wait_events(self, count: int, timeout: float = 5.0) -> list[DeviceEvent]:
        self.wait(lambda: len(self.events) >= count, timeout)
        return self.events


Start = Callable[..., tuple[GstPrinterDriver, Recorder]]


@pytest.fixture
def start_driver() -> Iterator[Start]:
    """Starts drivers on a port; every one is stopped at the end of the test."""
    drivers: list[GstPrinterDriver] = []

    def start(port: str, *, fail_times: int = 0, idle_flush_s: float = 0.5):
        recorder = Recorder(fail_times)
        source = GstPrinterSource(id="fire-panel", kind="gst-printer", port=port)
        driver = GstPrinterDriver(
            source, recorder.sink, recorder.status, tz=SHANGHAI, idle_flush_s=idle_flush_s
        )
        driver.backoff = Backoff(first=0.05, cap=0.1)
        driver.STORE_RETRY_S = 0.05
        drivers.append(driver)
        driver.start()
        return driver, recorder

    try:
        yield start
    finally:
        for driver in drivers:
            driver.stop()


def write(port: str, data: bytes) -> None:
    with serial.serial_for_url(port, write_timeout=2) as out:
        out.write(data)
        out.flush()


def test_printed_blocks_reach_the_sink_with_their_fields(
    pty_pair: tuple[str, str], start_driver: Start
) -> None:
    panel, console = pty_pair
    driver, rec = start_driver(console)
    rec.wait(lambda: ("fire-panel", True, f"{console} open") in rec.statuses)

    write(panel, format_block("首次火警", "004-004", "3号楼2层走廊", "光电感烟", at=AT))
    write(panel, format_block("系统复位", at=AT.replace(minute=10)))
    first, reset = rec.wait_events(2)

    assert (first.source_id, first.type, first.point, first.code, first.kind_hint) == (
        "fire-panel",
        EventType.ALARM,
        "gst:004-004",
        "首次火警",
        "fire",
    )
    assert first.text == "3号楼2层走廊 · 光电感烟"
    assert first.device_time == AT.replace(tzinfo=SHANGHAI)
    assert "首次火警" in first.raw
    assert (reset.type, reset.point, reset.code) == (EventType.RESET, None, "系统复位")
    assert driver.stats["events"] == 2
    assert driver.stats["blocks_ok"] == 2


def test_the_simulator_prompt_prints_what_the_driver_reads(
    pty_pair: tuple[str, str], start_driver: Start
) -> None:
    panel, console = pty_pair
    _, rec = start_driver(console)
    rec.wait(lambda: bool(rec.statuses))  # pyserial empties the input buffer when it opens
    commands = (
        "help\n"
        "fire 004-004 3号楼2层走廊 光电感烟\n"
        "fire 4-5 '3号楼 3层' 手动报警按钮\n"
        "fault 002-017 地下车库 输入模块\n"
        "fire not-a-point\n"
        "disable 001-002\n"
        "reset\n"
        "quit\n"
        "fire 009-009 after-quit\n"
    )
    out = io.StringIO()
    assert run_prompt(panel, io.StringIO(commands), out) == 0

    events = rec.wait_events(5)
    time.sleep(0.2)  # nothing else arrives: not the bad point, nothing after quit
    got = [(e.type, e.point, e.code, e.text) for e in events]
    assert got == [
        (EventType.ALARM, "gst:004-004", "首次火警", "3号楼2层走廊 · 光电感烟"),
        (EventType.ALARM, "gst:004-005", "火警", "3号楼 3层 · 手动报警按钮"),
        (EventType.TROUBLE, "gst:002-017", "故障", "地下车库 · 输入模块"),
        (EventType.DISABLED, "gst:001-002", "屏蔽", ""),
        (EventType.RESET, None, "系统复位", ""),
    ]
    assert all(e.device_time is not None and e.device_time.tzinfo for e in events)
    assert "not-a-point" in out.getvalue()
    assert out.getvalue().count("printed") == 5


def test_idle_flush_delivers_a_last_block_that_has_no_blank_line_after_it(
    pty_pair: tuple[str, str], start_driver: Start
) -> None:
    panel, console = pty_pair
    _, rec = start_driver(console, idle_flush_s=0.3)
    rec.wait(lambda: bool(rec.statuses))
    block = "2026-11-21 14:03:22\r\n002-017\r\n故障\r\n地下车库\r\n".encode("gb2312")

    sent = time.monotonic()
    write(panel, block[:20])
    time.sleep(0.1)  # a pause inside the block, shorter than idle_flush_s
    write(panel, block[20:])
    (event,) = rec.wait_events(1)
    waited = time.monotonic() - sent

    assert (event.type, event.point, event.text) == (EventType.TROUBLE, "gst:002-017", "地下车库")
    assert waited >= 0.3  # it came out when the line went quiet, not before


def test_a_sink_that_fails_once_stores_the_event_exactly_once(
    pty_pair: tuple[str, str], start_driver: Start
) -> None:
    panel, console = pty_pair
    driver, rec = start_driver(console, fail_times=1)
    rec.wait(lambda: bool(rec.statuses))

    write(panel, format_block("火警", "004-004", "3号楼2层走廊", at=AT))
    (event,) = rec.wait_events(1)
    time.sleep(0.2)

    assert event.code == "火警"
    assert len(rec.events) == 1
    assert rec.calls == 2
    assert driver.stats["store_failed"] == 0
    assert driver.stats["events"] == 1


def test_a_sink_that_keeps_failing_loses_that_event_only(
    pty_pair: tuple[str, str], start_driver: Start
) -> None:
    panel, console = pty_pair
    driver, rec = start_driver(console, fail_times=GstPrinterDriver.STORE_ATTEMPTS)
    rec.wait(lambda: bool(rec.statuses))

    write(panel, format_block("火警", "004-004", at=AT))
    write(panel, format_block("故障", "002-017", at=AT))
    (event,) = rec.wait_events(1)

    assert event.code == "故障"
    assert rec.calls == GstPrinterDriver.STORE_ATTEMPTS + 1
    assert driver.stats["store_failed"] == 1


class Socat:
    """A pty pair at fixed paths that a test can take away and bring back."""

    def __init__(self, a: Path, b: Path) -> None:
        self.a, self.b = a, b
        self.proc: subprocess.Popen[bytes] | None = None

    def up(self) -> None:
        self.proc = subprocess.Popen(
            ["socat", f"pty,raw,echo=0,link={self.a}", f"pty,raw,echo=0,link={self.b}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 5
        while not (self.a.exists() and self.b.exists()):
            assert time.monotonic() < deadline, "socat did not make a pty pair"
            time.sleep(0.02)

    def down(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(3)
            self.proc = None


@pytest.fixture
def socat(tmp_path: Path) -> Iterator[Socat]:
    pair = Socat(tmp_path / "panel", tmp_path / "console")
    try:
        yield pair
    finally:
        pair.down()


def test_a_port_that_cannot_be_opened_is_one_comm_fault_then_a_restore(
    socat: Socat, start_driver: Start
) -> None:
    driver, rec = start_driver(str(socat.b))  # nothing there yet
    rec.wait(lambda: len(rec.events) >= 1)
    time.sleep(0.3)  # more failed opens, still one fault
    assert [e.type for e in rec.events] == [EventType.COMM_FAULT]
    assert rec.events[0].point is None
    assert [ok for _, ok, _ in rec.statuses] == [False]

    socat.up()
    rec.wait(lambda: len(rec.events) >= 2)
    assert rec.events[1].type is EventType.COMM_RESTORE
    assert rec.events[1].point is None
    rec.wait(lambda: [ok for _, ok, _ in rec.statuses] == [False, True])

    write(str(socat.a), format_block("火警", "004-004", at=AT))
    assert rec.wait_events(3)[2].code == "火警"


def test_a_lost_port_goes_down_and_comes_back(socat: Socat, start_driver: Start) -> None:
    socat.up()
    driver, rec = start_driver(str(socat.b))
    rec.wait(lambda: [ok for _, ok, _ in rec.statuses] == [True])

    socat.down()
    rec.wait(lambda: [ok for _, ok, _ in rec.statuses] == [True, False])
    rec.wait(lambda: [e.type for e in rec.events] == [EventType.COMM_FAULT])

    socat.up()
    rec.wait(lambda: [ok for _, ok, _ in rec.statuses] == [True, False, True])
    rec.wait(lambda: [e.type for e in rec.events][-1] is EventType.COMM_RESTORE)
    write(str(socat.a), format_block("屏蔽", "001-002", at=AT))
    assert rec.wait_events(3)[2].type is EventType.DISABLED


def test_stop_is_prompt(pty_pair: tuple[str, str], start_driver: Start) -> None:
    driver, rec = start_driver(pty_pair[1])
    rec.wait(lambda: bool(rec.statuses))
    began = time.monotonic()
    driver.stop()
    assert time.monotonic() - began < 0.5
