"""The whole path on a desk: a real Modbus TCP peer → hub → core → queue and health."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from console.core.alarms import State
from console.core.desk import Desk
from console.core.health import Health
from devices.alarms.modbus import ModbusSimulator


def wait_for(check: Callable[[], object], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


@pytest.fixture
def simulator() -> Iterator[ModbusSimulator]:
    sim = ModbusSimulator("127.0.0.1", 0, [1], 16)
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


def test_modbus_input_becomes_a_queued_alarm_and_an_outage_a_fault(
    tmp_path: Path, simulator: ModbusSimulator
) -> None:
    port = simulator.server.address[1]  # type: ignore[index]
    site = tmp_path / "site.toml"
    site.write_text(
        f"""[site]
name = "Pipeline"

[[alarm_sources]]
id = "io"
kind = "modbus-tcp"
host = "127.0.0.1"
port = {port}
poll_ms = 100
timeout_ms = 200

[[zones]]
id = "gate-beam"
name = "东门红外对射"
source = "io"
kind = "perimeter"
point = "di:3"
""",
        encoding="utf-8",
    )
    desk = Desk.open(site)
    try:
        desk.start_devices()
        wait_for(lambda: desk.health.get("alarm_source", "io").state == Health.OK)
        assert simulator.execute("on 1 di 3").text == "ok"
        wait_for(lambda: desk.alarms.open_alarms())
        alarm = desk.alarms.open_alarms()[0]
        assert (alarm.zone_id, alarm.zone_kind, alarm.priority, alarm.state) == (
            "gate-beam",
            "perimeter",
            3,
            State.NEW,
        )
        simulator.execute("off 1 di 3")
        wait_for(lambda: desk.alarms.get(alarm.id).restored_at is not None)
        simulator.stop()
        wait_for(lambda: any(a.event == "comm_fault" for a in desk.alarms.open_alarms()))
        assert desk.health.get("alarm_source", "io").state == Health.FAULT
        assert desk.verify_audit()[1] is None
    finally:
        desk.close()
