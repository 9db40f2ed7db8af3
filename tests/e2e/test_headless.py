"""Service mode: starts, and stops cleanly on SIGTERM or SIGINT with a consistent database."""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest

from console.core.desk import Desk
from tests.e2e.conftest import run_main, start_main, wait_for_line


@pytest.mark.e2e
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_headless_stops_cleanly_on_a_signal(site_copy: Path, sig: signal.Signals) -> None:
    with start_main("--site", str(site_copy), "--headless") as proc:
        wait_for_line(proc, "service running")
        sent = time.monotonic()
        proc.send_signal(sig)
        code = proc.wait(timeout=10)
        took = time.monotonic() - sent
    assert code == 0
    assert took < 5, f"took {took:.1f} s to stop"

    desk = Desk.open(site_copy)
    try:
        checked, broken = desk.verify_audit()
        path = Path(desk.db.url.removeprefix("sqlite:///"))
    finally:
        desk.close()
    assert broken is None
    assert checked >= 2
    with sqlite3.connect(path) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        actions = [r[0] for r in conn.execute("select action from audit_records order by seq")]
    assert (actions[0], actions[-1]) == ("service.start", "service.stop")
    assert run_main("verify-audit", "--site", str(site_copy)).returncode == 0


@pytest.mark.e2e
def test_headless_refuses_an_invalid_site(site_copy: Path) -> None:
    site_copy.write_text("[site]\nname = 3\n", encoding="utf-8")
    result = run_main("--site", str(site_copy), "--headless")
    assert result.returncode == 1
    assert f"{site_copy}:2: site.name:" in result.stderr
