"""`main.py bench sync --quick` end to end: 100 changes on desk A all reach desk B's GUI.

The figures depend on the machine, so only their sense is checked (and a generous bound:
a change that takes a second to reach the other desk is a fault, not a slow machine); a
missing change is a real check, and the bench exits 1 on one."""

from __future__ import annotations

import re

import pytest

from schema.pgserver import available
from tests.e2e.conftest import run_main

PROPAGATION = re.compile(
    r"^propagation\s+median (?P<median>[0-9.]+) ms, p95 (?P<p95>[0-9.]+) ms, "
    r"p99 (?P<p99>[0-9.]+) ms, max (?P<max>[0-9.]+) ms over (?P<n>\d+) changes$",
    re.M,
)
MISSING = re.compile(r"^missing\s+(?P<missing>\d+)$", re.M)


@pytest.mark.e2e
@pytest.mark.skipif(not available(), reason="PostgreSQL is not installed (no initdb)")
def test_bench_sync_quick_propagates_every_change() -> None:
    result = run_main("bench", "sync", "--quick")
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    out = result.stdout

    found = PROPAGATION.search(out)
    assert found is not None, out
    assert int(found["n"]) == 100, out
    median, p95, p99, top = (float(found[k]) for k in ("median", "p95", "p99", "max"))
    assert 0 < median <= p95 <= p99 <= top < 1000, out

    missing = MISSING.search(out)
    assert missing is not None, out
    assert missing["missing"] == "0", out
    assert re.search(r"^changes\s+100 by desk A", out, re.M), out
