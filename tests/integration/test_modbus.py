"""Modbus hubs against real pymodbus servers: RTU over a socat pty pair, TCP on localhost."""

from __future__ import annotations

import io
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pymodbus.client import ModbusSerialClient, ModbusTcpClient

from console.core.site import ModbusRtuSource, ModbusTcpSource
from devices.alarms.base import DeviceEvent, EventType
from devices.alarms.modbus import (
    ModbusRtuHub,
    ModbusSimulator,
    ModbusTcpHub,
    run_tcp_simulator,
)
from tests.integration.modbus_peer import Peer, Recorder

LOGGER = "devices.alarms.modbus"
POLL_MS, TIMEOUT_MS = 100, 200


def rtu(source_id: str, port: str, unit: int) -> ModbusRtuSource:
    return ModbusRtuSource(
        id=source_id,
        kind="modbus-rtu",
        port=port,
        baudrate=9600,
        unit=unit,
        poll_ms=POLL_MS,
        timeout_ms=TIMEOUT_MS,
    )


def tcp(source_id: str, port: int, unit: int) -> ModbusTcpSource:
    return ModbusTcpSource(
        id=source_id,
        kind="modbus-tcp",
        host="127.0.0.1",
        port=port,
        unit=unit,
        poll_ms=POLL_MS,
        timeout_ms=TIMEOUT_MS,
    )


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def rtu_bus(pty_pair: tuple[str, str]) -> Iterator[tuple[Peer, str]]:
    """Units 1 and 2 answering on one end of the pty pair; the hub's port is the other end."""
    hub_end, server_end = pty_pair
    peer = Peer(units=[1, 2])
    peer.serve_rtu(server_end)
    try:
        yield peer, hub_end
    finally:
        peer.stop()


@pytest.fixture
def tcp_peer() -> Iterator[tuple[Peer, int]]:
    peer = Peer(units=[1, 2])
    port = peer.serve_tcp()
    try:
        yield peer, port
    finally:
        peer.stop()


@contextmanager
def running(hub: ModbusRtuHub | ModbusTcpHub) -> Iterator[None]:
    """The hub polling; stopped (promptly) however the block ends."""
    hub.start()
    try:
        yield
    finally:
        started = time.monotonic()
        hub.stop()
        assert time.monotonic() - started < 1.0, "stop() must end promptly"


@pytest.fixture
def rtu_hub(rtu_bus: tuple[Peer, str], recorder: Recorder) -> Iterator[ModbusRtuHub]:
    peer, port = rtu_bus
    # Unit 2 has hr:5 bit 11 active before the hub starts: it must be reported at start.
    peer.set_bit(2, "hr", 5, 11, True)
    hub = ModbusRtuHub(
        [
            (rtu("panel-a", port, 1), ["di:3", "di:4", "hr:10.13"]),
            (rtu("panel-b", port, 2), ["di:3", "hr:5.11", "hr:5.9"]),
        ],
        recorder.sink,
        recorder.status,
    )
    with running(hub):
        yield hub


def failures_logged(caplog: pytest.LogCaptureFixture, source_id: str) -> list[logging.LogRecord]:
    """The hub's poll-failure records for one source (not its recovery or storing records)."""
    return [
        r
        for r in caplog.records
        if r.name == LOGGER
        and r.getMessage().startswith(f"modbus {source_id} (")
        and "storing events" not in r.getMessage()
        and "working again" not in r.getMessage()
    ]


# ---------------------------------------------------------------------------------------------
# RTU


def test_rtu_active_at_start_then_changes_per_unit(
    rtu_bus: tuple[Peer, str], rtu_hub: ModbusRtuHub, recorder: Recorder
) -> None:
    peer, _ = rtu_bus
    first = recorder.wait_event("panel-b", EventType.ALARM, "hr:5.11")
    recorder.wait_status("panel-a", True)
    recorder.wait_status("panel-b", True)
    assert recorder.events[first].code == "hr:5.11=1"
    assert recorder.summary() == [("panel-b", "alarm", "hr:5.11")]  # nothing else is active

    # Unit 1's di:3 changes; unit 2 has a di:3 too, which must not follow it.
    mark = len(recorder.events)
    peer.set(1, "di", 3, 1)
    alarm = recorder.events[recorder.wait_event("panel-a", EventType.ALARM, "di:3", after=mark)]
    assert (alarm.code, alarm.raw) == ("di:3=1", "unit 1 di:3 0→1")
    peer.set(1, "di", 3, 0)
    restore = recorder.wait_event("panel-a", EventType.RESTORE, "di:3", after=mark)
    assert recorder.events[restore].raw == "unit 1 di:3 1→0"

    # A status-register bit of unit 1, then two bits of unit 2's register at once.
    peer.set_bit(1, "hr", 10, 13, True)
    recorder.wait_event("panel-a", EventType.ALARM, "hr:10.13", after=mark)
    peer.set(2, "hr", 5, 1 << 9)  # bit 9 set, bit 11 cleared
    recorder.wait_event("panel-b", EventType.ALARM, "hr:5.9", after=mark)
    recorder.wait_event("panel-b", EventType.RESTORE, "hr:5.11", after=mark)
    recorder.settle(0.3)
    assert sorted(recorder.summary(mark)) == [
        ("panel-a", "alarm", "di:3"),
        ("panel-a", "alarm", "hr:10.13"),
        ("panel-a", "restore", "di:3"),
        ("panel-b", "alarm", "hr:5.9"),
        ("panel-b", "restore", "hr:5.11"),
    ]
    assert rtu_hub.stats["polls_failed"] == 0
    assert rtu_hub.stats["events"] == len(recorder.events)


def test_rtu_comm_fault_after_three_failed_polls_and_restore(
    rtu_bus: tuple[Peer, str],
    recorder: Recorder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    peer, port = rtu_bus
    failures_at_fault: dict[str, int] = {}

    def note_failures(event: DeviceEvent) -> None:  # runs on the hub thread, as the sink does
        if event.type is EventType.COMM_FAULT:
            failures_at_fault[event.source_id] = len(failures_logged(caplog, event.source_id))

    recorder.before_store = note_failures
    hub = ModbusRtuHub(
        [(rtu("panel-a", port, 1), ["di:3"]), (rtu("panel-b", port, 2), ["di:0"])],
        recorder.sink,
        recorder.status,
    )
    with running(hub):
        recorder.wait_status("panel-a", True)
        recorder.wait_status("panel-b", True)
        peer.stop()
        stopped = time.monotonic()
        fault = recorder.wait_event("panel-a", EventType.COMM_FAULT)
        took = time.monotonic() - stopped
        recorder.wait_event("panel-b", EventType.COMM_FAULT)
        # Exactly three failed polls, each a full reply timeout (the first may have begun
        # just before the stop), and the other unit's timeouts in between.
        assert failures_at_fault == {"panel-a": 3, "panel-b": 3}
        assert took >= 2 * TIMEOUT_MS / 1000
        event = recorder.events[fault]
        assert event.point is None
        assert "no reply within 200 ms" in event.text
        assert ("panel-a", False) in [s[:2] for s in recorder.statuses]

        peer.set(1, "di", 3, 1)  # changes while the bus is silent
        recorder.settle(0.6)  # more failed polls: still one fault each
        assert len(failures_logged(caplog, "panel-a")) > 3
        peer.start()
        restore = recorder.wait_event("panel-a", EventType.COMM_RESTORE, after=fault)
        alarm = recorder.wait_event("panel-a", EventType.ALARM, "di:3", after=fault)
        recorder.wait_event("panel-b", EventType.COMM_RESTORE, after=fault)
        assert restore < alarm
    faults = [e for e in recorder.events if e.type is EventType.COMM_FAULT]
    assert sorted(e.source_id for e in faults) == ["panel-a", "panel-b"]
    levels = [r.levelno for r in failures_logged(caplog, "panel-a")]
    assert levels[0] == logging.ERROR
    assert set(levels[1:]) == {logging.DEBUG}
    assert any(
        r.levelno == logging.INFO and "panel-a" in r.getMessage() and "working again" in r.message
        for r in caplog.records
    )
    assert recorder.statuses.count(("panel-a", True, f"unit 1 on serial {port} answers")) == 2


def test_rtu_port_missing_then_plugged_in(
    tmp_path: Path,
    pty_pair: tuple[str, str],
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub_end, server_end = pty_pair
    adapter = tmp_path / "ttyUSB0"  # not there yet: a USB adapter not plugged in
    opens: list[float] = []
    real_connect = ModbusSerialClient.connect

    def counted_connect(client: ModbusSerialClient) -> bool:
        if not client.connected:
            opens.append(time.monotonic())
        return real_connect(client)

    monkeypatch.setattr(ModbusSerialClient, "connect", counted_connect)
    hub = ModbusRtuHub(
        [(rtu("panel-a", str(adapter), 1), ["di:3"])], recorder.sink, recorder.status
    )
    peer = Peer(units=[1])
    try:
        with running(hub):
            fault = recorder.events[recorder.wait_event("panel-a", EventType.COMM_FAULT)]
            assert f"cannot open serial {adapter}" in fault.text
            recorder.settle(1.0)
            # Polls keep failing at the poll rate; opening the port is retried with backoff.
            assert hub.stats["polls_failed"] >= 8
            assert len(opens) <= 3
            peer.set(1, "di", 3, 1)
            peer.serve_rtu(server_end)
            adapter.symlink_to(hub_end)
            recorder.wait_event("panel-a", EventType.COMM_RESTORE, timeout=8)
            recorder.wait_event("panel-a", EventType.ALARM, "di:3")
    finally:
        peer.stop()
    assert hub.stats["connects"] == 1
    assert [e.type for e in recorder.events].count(EventType.COMM_FAULT) == 1


# ---------------------------------------------------------------------------------------------
# TCP


def test_tcp_changes_fault_and_restore(tcp_peer: tuple[Peer, int], recorder: Recorder) -> None:
    peer, port = tcp_peer
    peer.set(1, "coil", 7, 1)  # active at start
    hub = ModbusTcpHub(
        [(tcp("gw-1", port, 1), ["coil:7", "ir:2.0"]), (tcp("gw-2", port, 2), ["di:1"])],
        recorder.sink,
        recorder.status,
    )
    with running(hub):
        recorder.wait_event("gw-1", EventType.ALARM, "coil:7")
        peer.set(2, "di", 1, 1)
        recorder.wait_event("gw-2", EventType.ALARM, "di:1")
        peer.set(1, "coil", 7, 0)
        recorder.wait_event("gw-1", EventType.RESTORE, "coil:7")

        peer.stop()
        fault = recorder.wait_event("gw-1", EventType.COMM_FAULT)
        recorder.wait_event("gw-2", EventType.COMM_FAULT)
        peer.set_bit(1, "ir", 2, 0, True)
        recorder.settle(0.5)
        peer.serve_tcp(port)
        restore = recorder.wait_event("gw-1", EventType.COMM_RESTORE, after=fault)
        alarm = recorder.wait_event("gw-1", EventType.ALARM, "ir:2.0", after=fault)
        assert restore < alarm
        recorder.wait_event("gw-2", EventType.COMM_RESTORE, after=fault)
    assert [e.source_id for e in recorder.events if e.type is EventType.COMM_FAULT] in (
        ["gw-1", "gw-2"],
        ["gw-2", "gw-1"],
    )
    assert hub.stats["reconnects"] >= 1


def test_tcp_refused_event_is_delivered_again(
    tcp_peer: tuple[Peer, int], recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    peer, port = tcp_peer
    refusals = 2

    def database_down(event: DeviceEvent) -> None:
        nonlocal refusals
        if event.type is EventType.ALARM and refusals:
            refusals -= 1
            raise RuntimeError("database is locked")

    recorder.before_store = database_down
    hub = ModbusTcpHub([(tcp("gw-1", port, 1), ["di:5"])], recorder.sink, recorder.status)
    with running(hub):
        recorder.wait_status("gw-1", True)
        peer.set(1, "di", 5, 1)
        recorder.wait_event("gw-1", EventType.ALARM, "di:5")
        recorder.settle(0.3)
    assert recorder.summary() == [("gw-1", "alarm", "di:5")]  # stored once, after two refusals
    assert hub.stats["sink_errors"] == 2
    stored = [r for r in caplog.records if "storing events" in r.getMessage()]
    assert stored[0].levelno == logging.ERROR
    assert "database is locked" in stored[0].message


def test_simulator_commands_reach_the_hub(recorder: Recorder) -> None:
    simulator = ModbusSimulator("127.0.0.1", 0, units=[1, 3], size=32)
    simulator.start()
    try:
        assert simulator.server.address is not None
        port = simulator.server.address[1]
        hub = ModbusTcpHub(
            [(tcp("sim", port, 3), ["di:4", "hr:10.13"])], recorder.sink, recorder.status
        )
        with running(hub):
            recorder.wait_status("sim", True)
            assert simulator.execute("on 3 di 4").text == "ok"
            recorder.wait_event("sim", EventType.ALARM, "di:4")
            assert simulator.execute("set 3 hr 10 0x2000").text == "ok"  # bit 13
            recorder.wait_event("sim", EventType.ALARM, "hr:10.13")
            assert simulator.execute("off 3 hr 10.13").text == "ok"
            recorder.wait_event("sim", EventType.RESTORE, "hr:10.13")
            assert simulator.execute("on 1 di 4").text == "ok"  # another unit: not this source
            recorder.settle(0.3)
    finally:
        simulator.stop()
    assert recorder.summary() == [
        ("sim", "alarm", "di:4"),
        ("sim", "alarm", "hr:10.13"),
        ("sim", "restore", "hr:10.13"),
    ]


@pytest.mark.parametrize("ending", ["quit\n", ""])  # "": end of input
def test_run_tcp_simulator_prompt(ending: str) -> None:
    read_in, write_in = os.pipe()
    read_out, write_out = os.pipe()
    stdin, stdout = os.fdopen(read_in), os.fdopen(write_out, "w")
    to_sim, from_sim = os.fdopen(write_in, "w"), os.fdopen(read_out)
    thread = threading.Thread(
        target=run_tcp_simulator, args=("127.0.0.1", 0, [1], 16, stdin, stdout)
    )
    thread.start()
    try:
        banner = from_sim.readline()
        port = int(banner.split("127.0.0.1:")[1].split(",")[0])
        to_sim.write("on 1 di 2\nbogus\n")
        to_sim.flush()
        assert from_sim.readline() == "ok\n"
        assert from_sim.readline().startswith("error: cannot read 'bogus'")
        with ModbusTcpClient("127.0.0.1", port=port, timeout=1) as client:
            response = client.read_discrete_inputs(0, count=4, device_id=1)
        assert response.bits[:4] == [False, False, True, False]
        to_sim.write(ending)
    finally:
        to_sim.close()  # end of input, in case the test failed before its ending
        thread.join(5)
        stdin.close()
        stdout.close()
        rest = from_sim.read()
        from_sim.close()
    assert not thread.is_alive()
    assert rest == ("bye\n" if ending else "")
    with ModbusTcpClient("127.0.0.1", port=port, timeout=0.5) as client:
        assert not client.connected  # the server is gone


def test_run_tcp_simulator_in_memory_streams() -> None:
    """The same loop with plain text streams, as a CLI test would drive it."""
    out = io.StringIO()
    run_tcp_simulator("127.0.0.1", 0, [1, 2], 8, io.StringIO("set 2 hr 1 9\nshow 2\n"), out)
    lines = out.getvalue().splitlines()
    assert lines[1:] == ["ok", "unit 2: hr:1=0x0009(bits 0,3)"]
