"""`python main.py export alarms`: contract columns, local times with offsets, atomic files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from console.cli import main
from console.core.alarms import Resolution
from console.core.desk import Desk
from console.paths import DEMO_SITE
from devices.alarms.base import DeviceEvent, EventType

CONTRACT = (
    "raised_at, zone_id, zone_name, zone_kind, source_id, event, state, acknowledged_at, "
    "acknowledged_by, closed_at, resolution"
).split(", ")


@pytest.fixture
def handled(desk: Desk, operator) -> int:
    alarm_id = desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, "sim:1")).alarm_id
    desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, "sim:4"))
    desk.alarms.acknowledge(operator, alarm_id)
    desk.alarms.close(operator, alarm_id, Resolution.FALSE, "厨房油烟")
    assert alarm_id is not None
    return alarm_id


def test_csv_has_the_contract_columns_and_local_times(handled: int, capsys) -> None:
    assert main(["export", "alarms", "--site", str(DEMO_SITE)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2
    assert set(CONTRACT) <= set(rows[0])
    closed = next(r for r in rows if r["state"] == "closed")
    assert (closed["zone_id"], closed["zone_name"], closed["resolution"]) == (
        "b1-f1-smoke",
        "1号楼1层大堂烟感",
        "false",
    )
    assert closed["acknowledged_by"] == "li"
    assert closed["raised_at"].endswith("+08:00")
    assert closed["closed_at"].endswith("+08:00")


def test_json_to_a_file_is_one_array_and_filters_by_time(handled: int, tmp_path: Path) -> None:
    out = tmp_path / "alarms.json"
    args = ["export", "alarms", "--site", str(DEMO_SITE), "--format", "json", "-o", str(out)]
    assert main(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    assert len(data) == 2
    assert main([*args, "--from", "2099-01-01"]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == []
    assert [p.name for p in tmp_path.iterdir()] == ["alarms.json"]  # no temporary left over


def test_bad_time_is_named_and_nothing_is_written(tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.csv"
    code = main(
        ["export", "alarms", "--site", str(DEMO_SITE), "--from", "yesterday", "-o", str(out)]
    )
    assert code == 1
    assert "--from: 'yesterday' is not an ISO 8601" in capsys.readouterr().err
    assert not out.exists()
