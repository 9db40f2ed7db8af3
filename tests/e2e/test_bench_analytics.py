"""`main.py bench analytics --quick` end to end: both CPU figures and both delays are printed.

CPU shares depend on the machine, so only their presence and sense are checked; every
scripted event must have raised its alarm (the bench exits 1 otherwise), and its delay is
bounded by the scene's own timing (an alarm before the event would be a negative delay)."""

from __future__ import annotations

import re

import pytest

from devices.cameras.rtsp_peer import available
from tests.e2e.conftest import run_main

CPU = re.compile(r"^\s+analysed camera\s+(?P<pct>[0-9.]+) % of a core per camera", re.M)
BASE = re.compile(r"^\s+bare ffmpeg decode\s+(?P<pct>[0-9.]+) % of a core per stream", re.M)
DELAY = re.compile(
    r"^\s+(?P<name>intrusion \(min 0 s\)|thrown object)\s+median (?P<median>\d+) ms, "
    r"max (?P<max>\d+) ms over (?P<n>\d+) of 2 events",
    re.M,
)


@pytest.mark.e2e
@pytest.mark.skipif(available() is not None, reason=str(available()))
def test_bench_analytics_quick_prints_cpu_and_delays() -> None:
    result = run_main("bench", "analytics", "--quick", "--streams", "2")
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    cpu, base = CPU.search(result.stdout), BASE.search(result.stdout)
    assert cpu is not None, result.stdout
    assert base is not None, result.stdout
    assert float(cpu["pct"]) > 0
    assert float(base["pct"]) > 0
    delays = {m["name"]: m for m in DELAY.finditer(result.stdout)}
    assert set(delays) == {"intrusion (min 0 s)", "thrown object"}, result.stdout
    for found in delays.values():
        assert found["n"] == "2"
        assert 0 < int(found["median"]) <= int(found["max"]) < 5000
    assert re.search(r"^\s+ratio analysed / bare decode\s+[0-9.]+$", result.stdout, re.M)
