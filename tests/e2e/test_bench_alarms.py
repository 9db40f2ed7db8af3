"""`main.py bench alarms --quick` end to end: it runs, prints its figures, and loses nothing.

The figures themselves depend on the machine, so only their presence is checked; the flood's
lost count is a real check (an ACKed report missing from the database)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import run_main

FIGURE = re.compile(r"^(?P<name>\S.*?)\s+median\s+(?P<median>\S+) ms\s+p99\s+(?P<p99>\S+) ms", re.M)
FLOOD = re.compile(
    r"^flood\s+written (?P<written>\d+)\s+acked (?P<acked>\d+)\s+committed (?P<committed>\d+)"
    r"\s+at GUI (?P<at_gui>\d+)\s+lost (?P<lost>\d+)\s+not acked (?P<not_acked>\d+)$",
    re.M,
)
STALL = re.compile(r"^flood\s+GUI stall max (?P<stall>\S+) ms", re.M)


@pytest.mark.e2e
def test_bench_alarms_quick_prints_its_figures_and_loses_nothing() -> None:
    result = run_main("bench", "alarms", "--quick")
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    out = result.stdout

    figures = {m["name"]: (float(m["median"]), float(m["p99"])) for m in FIGURE.finditer(out)}
    assert set(figures) == {
        "contact-id wire→commit (ACK)",
        "contact-id wire→GUI",
        "modbus-tcp change→GUI @200ms",
        "flood wire→commit (ACK)",
        "flood wire→GUI",
    }, out
    for name, (median, p99) in figures.items():
        assert 0 < median <= p99, f"{name}: median {median}, p99 {p99}"

    flood = FLOOD.search(out)
    assert flood is not None, out
    counts = {key: int(value) for key, value in flood.groupdict().items()}
    assert counts["lost"] == 0, out
    assert counts["written"] == 200
    assert counts["committed"] >= counts["acked"] > 0
    assert counts["acked"] + counts["not_acked"] == counts["written"]
    assert " lost 0 " in out

    stall = STALL.search(out)
    assert stall is not None, out
    assert float(stall["stall"]) >= 0
