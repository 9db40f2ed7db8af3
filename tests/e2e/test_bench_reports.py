"""`main.py bench reports --quick` end to end: it fills a year, times both reports, exits 0.

Times depend on the machine, so only their presence is checked; the year's alarm count
against what was made is a real check (the bench exits 1 when they differ)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import run_main

TIMING = re.compile(
    r"^(?P<name>month|year)\s+(?P<label>\S.*?)\s+best\s+(?P<best>[0-9.]+) s\s+median\s+"
    r"(?P<median>[0-9.]+) s\s+\(3 runs; aim < 2 s\)\s+alarms (?P<alarms>[0-9,]+)",
    re.M,
)


@pytest.mark.e2e
def test_bench_reports_quick_prints_both_timings() -> None:
    result = run_main("bench", "reports", "--quick")
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    found = {m["name"]: m for m in TIMING.finditer(result.stdout)}
    assert set(found) == {"month", "year"}
    assert found["month"]["label"] == "2026-11"
    assert int(found["year"]["alarms"].replace(",", "")) == 25_000
    assert 0 < int(found["month"]["alarms"].replace(",", "")) < 25_000
    assert float(found["year"]["best"]) <= float(found["year"]["median"])
    assert re.search(r"^data\s+25,000 alarms, 5,000 log entries", result.stdout, re.M)
    assert re.search(r"^ratio\s+year / month median time [0-9.]+", result.stdout, re.M)
