"""Nothing ACKed is ever lost: the service is killed with SIGKILL right after an ACK, and every
report the receiver saw acknowledged is in the database afterwards."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
import serial

from console.core.desk import Desk
from devices.alarms.contact_id import format_report
from tests.e2e.conftest import send_until_ack, site_with_receiver, start_main, wait_for_line


@pytest.mark.e2e
@pytest.mark.parametrize("acked_before_kill", [1, 7])
def test_kill_9_right_after_an_ack_loses_nothing_acked(
    tmp_path: Path, pty_pair: tuple[str, str], acked_before_kill: int
) -> None:
    site = site_with_receiver(tmp_path, pty_pair[1], "Kill test")
    acked: list[str] = []
    with (
        start_main("--site", str(site), "--headless", "-v") as proc,
        serial.Serial(pty_pair[0], timeout=0.05) as peer,
    ):
        wait_for_line(proc, "service running")
        time.sleep(0.3)  # the driver opens its port (opening discards what is waiting)
        for n in range(acked_before_kill):
            line = format_report("1234", "E", 110 + n % 5, 1, n + 1)
            assert send_until_ack(peer, line, 5.0, resend_s=None) is not None, (
                f"line {n} was never acknowledged"
            )
            acked.append(line.decode("ascii").rstrip("\x14"))
        # One more line, and the kill the instant its ACK arrives.
        last = format_report("1234", "E", 130, 1, 99)
        assert send_until_ack(peer, last, 5.0, resend_s=None) is not None
        os.kill(proc.pid, signal.SIGKILL)
        acked.append(last.decode("ascii").rstrip("\x14"))
        proc.wait(5)

    desk = Desk.open(site)
    try:
        stored = {e.dedup_key for e in _events(desk)}
        assert desk.verify_audit()[1] is None
    finally:
        desk.close()
    missing = [line for line in acked if line not in stored]
    assert missing == []


def _events(desk: Desk):
    from sqlalchemy import select

    from schema.models import AlarmEvent

    with desk.db.read() as s:
        return list(s.scalars(select(AlarmEvent)))
