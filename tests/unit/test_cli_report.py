"""`main.py report`: the period options, CSV and JSON output, and worded refusals."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from console.cli import main
from console.core.desk import Desk
from devices.alarms.base import DeviceEvent, EventType
from tests.demo import copy_demo_site

TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    path = copy_demo_site(tmp_path)
    desk = Desk.open(path)
    try:
        for point in ("sim:1", "sim:4", "sim:4"):  # the repeat is counted on its alarm
            desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, point, code=point))
    finally:
        desk.close()
    return path


def figures(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], Any]:
    return {(r["section"], r["key"], r["measure"]): r["value"] for r in rows}


def test_csv_of_today_has_a_bom_and_the_alarm_counts(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "today.csv"
    assert main(["report", "--site", str(site), "--day", TODAY.isoformat(), "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    found = figures(list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))))
    assert found["alarms", "*", "count"] == "2"
    assert found["alarms_by_kind", "infrared", "open"] == "1"
    assert found["period", "day", "first_day"] == TODAY.isoformat()


def test_json_to_stdout_for_the_month_and_the_week(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    month = f"{TODAY:%Y-%m}"
    assert main(["report", "--site", str(site), "--month", month, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert figures(rows)["alarms", "*", "count"] == 2
    assert figures(rows)["period", "month", "first_day"] == f"{month}-01"
    week = ["report", "--site", str(site), "--week", TODAY.isoformat(), "--format", "csv"]
    assert main(week) == 0
    assert "alarms,*,,count,2" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2026-13"], "2026-13 is not a month"),
        (["--month", "Nov"], "'Nov' is not a month: use YYYY-MM"),
        (["--day", "2026-02-30"], "--day '2026-02-30' is not a date"),
        (["--from", "2026-11-02"], "--from needs --to"),
        (["--day", "2026-11-02", "--to", "2026-11-03"], "--to needs --from"),
        (["--from", "2026-11-02", "--to", "2026-11-01"], "ends (2026-11-01) before it starts"),
        (["--month", "2026-11"], "a PDF report needs -o FILE.pdf"),
    ],
)
def test_bad_periods_are_refused_with_a_message(
    site: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--site", str(site), *args]) == 1
    assert message in capsys.readouterr().err


def test_a_period_option_is_required(site: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["report", "--site", str(site), "-o", "x.csv"])
    assert caught.value.code == 2
