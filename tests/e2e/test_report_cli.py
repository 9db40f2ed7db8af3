"""`main.py report --month ... -o FILE.pdf` as an operator's cron job runs it: a subprocess on a
site with data, no display; the PDF's text carries the period and the headline numbers."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from console.core.alarms import Resolution
from console.core.auth import Role
from console.core.desk import Desk
from devices.alarms.base import DeviceEvent, EventType
from tests.e2e.conftest import run_main


@pytest.mark.e2e
def test_the_monthly_pdf_from_the_command_line(site_copy: Path, tmp_path: Path) -> None:
    desk = Desk.open(site_copy)
    try:
        chief = desk.auth.add_user(None, "chief", "王班长", Role.ADMIN, "admin-pass-1")
        for point in ("sim:1", "sim:2", "sim:4"):
            raised = desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, point, code="a"))
            assert raised.alarm_id is not None
            if point != "sim:4":
                desk.alarms.acknowledge(chief, raised.alarm_id)
                desk.alarms.close(chief, raised.alarm_id, Resolution.FALSE, "误报")
    finally:
        desk.close()
    month = f"{datetime.now(ZoneInfo('Asia/Shanghai')):%Y-%m}"
    out = tmp_path / "monthly.pdf"

    result = run_main("report", "--site", str(site_copy), "--month", month, "-o", str(out))

    assert result.returncode == 0, result.stderr[-4000:]
    assert f"report {month} written to {out}" in result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "监控中心报表 Monitoring report" in flat
    assert month in flat
    # the headline: each figure after its (bilingual) label
    assert re.search(r"Alarms 3 .*Real alarms 0 .*False alarms 2 .*False share 100\.0%", flat)
    assert re.search(r"1号楼1层大堂烟感 .*Fire 1 0 1 0", flat)  # the zones table
