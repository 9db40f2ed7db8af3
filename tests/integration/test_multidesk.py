"""Two desk processes and one service on a real PostgreSQL server of the test's own.

The service (`main.py --headless`) owns the Contact ID receiver; the desks are refused it by
the advisory lock and show what the service stores, pushed with LISTEN/NOTIFY. The test plays
the alarm receiver on a pty pair: a line is safe once the service ACKs it.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import serial
from sqlalchemy import func, select

from console.core.auth import Role
from console.core.desk import Desk
from console.core.site import DATABASE_URL_ENV
from console.paths import ROOT
from devices.alarms.contact_id import format_report
from schema.models import AlarmEvent, AuditRecord, LogEntry
from schema.pgserver import PgServer, available
from tests.e2e.conftest import send_until_ack, site_with_receiver, start_main, wait_for_line

pytestmark = pytest.mark.skipif(not available(), reason="PostgreSQL is not installed")

PASSWORD = "desk-pass-1"
WITHIN_S = 1.0  # the bound: a change appears on the other desks within a second


class Peer:
    """tests/desk_peer.py in a process of its own, read line by line on a thread."""

    def __init__(self, site: Path, env: dict[str, str], name: str) -> None:
        self.name = name
        self.err = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.desk_peer", str(site)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.err,
            text=True,
        )
        self.lines: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, name=f"peer-{name}", daemon=True)
        self._reader.start()
        self.ready = self.wait(lambda m: m.get("ready") is True, 30)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                self.lines.append(json.loads(line))
                self._cond.notify_all()

    def wait(self, match: Callable[[dict[str, Any]], bool], timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = next((m for m in self.lines if match(m)), None)
                if found is not None:
                    return found
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise AssertionError(f"{self.name}: nothing matched; {self.lines[-5:]}")
                self._cond.wait(min(left, 0.2))

    def send(self, **command: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        mark = len(self.lines)
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()
        done = self.wait(lambda m: m.get("done") == command["cmd"] and self.lines.index(m) >= mark)
        assert done["ok"], done
        return done

    def events(self, topic: str) -> list[dict[str, Any]]:
        with self._cond:
            return [m for m in self.lines if m.get("event") == topic]

    def close(self) -> None:
        if self.proc.poll() is None and self.proc.stdin is not None:
            self.proc.stdin.write('{"cmd": "quit"}\n')
            self.proc.stdin.flush()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc.kill() if self.proc.poll() is None else None
        self._reader.join(5)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()
        self.err.close()


class Drain:
    """Reads a process's stderr to the end on a thread (a full pipe would stop its logging
    and with it the process), keeping the tail for failure messages."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.fd = proc.stderr.fileno()
        self.tail = b""
        self.thread = threading.Thread(target=self._read, name="drain", daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while chunk := os.read(self.fd, 65536):
            self.tail = (self.tail + chunk)[-8000:]

    def text(self) -> str:
        return self.tail.decode(errors="replace")


@pytest.fixture
def server() -> Iterator[PgServer]:
    srv = PgServer()
    srv.start()
    try:
        yield srv
    finally:
        srv.close()


@pytest.fixture
def site(tmp_path: Path, pty_pair: tuple[str, str]) -> Path:
    return site_with_receiver(tmp_path, pty_pair[1], "多岗位测试 Multi-desk test")


@pytest.fixture
def env(server: PgServer, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    url = server.create_database("site")
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    return {**os.environ, DATABASE_URL_ENV: url}


def _users(site: Path) -> None:
    desk = Desk.open(site)
    try:
        admin = desk.auth.add_user(None, "chief", "王班长", Role.ADMIN, PASSWORD)
        for name in ("li", "wang", "zhao"):
            desk.auth.add_user(admin, name, name, Role.OPERATOR, PASSWORD)
    finally:
        desk.close()


def _raised(peer: Peer, event_id: int | None = None) -> Callable[[dict[str, Any]], bool]:
    def match(m: dict[str, Any]) -> bool:
        if m.get("event") != "alarm.changed" or m["data"].get("change") != "raised":
            return False
        return event_id is None or m["data"].get("event_id") == event_id

    return match


@pytest.mark.timeout(180)
def test_service_alarm_reaches_both_desks_and_an_ack_reaches_the_other(
    site: Path, env: dict[str, str], pty_pair: tuple[str, str]
) -> None:
    _users(site)
    with (
        start_main("--site", str(site), "--headless", "-v", env=env) as service,
        serial.Serial(pty_pair[0], timeout=0.05) as receiver,
    ):
        wait_for_line(service, "service running")
        Drain(service)
        time.sleep(0.3)  # the driver opens its port (opening discards what is waiting)
        desks = [Peer(site, env, "desk-1"), Peer(site, env, "desk-2")]
        try:
            for desk in desks:  # the service runs the receiver: the desks are refused it
                refused = sorted(desk.ready["refused"])
                assert [r.split(" is already run by ")[0] for r in refused] == [
                    "alarm source receiver",
                    "video analysis",
                ]
                assert f"watchdesk service on {os.uname().nodename}" in refused[0]

            acked_at = send_until_ack(receiver, format_report("1234", "E", 110, 1, 1))
            assert acked_at is not None
            shown = [d.wait(_raised(d), 5) for d in desks]
            for seen in shown:
                assert seen["origin"] is not None  # from the service, through the feed
                assert seen["t"] - acked_at < WITHIN_S
            alarm_id = shown[0]["data"]["alarm_id"]
            assert shown[1]["data"]["alarm_id"] == alarm_id

            one, other = desks
            one.send(cmd="login", name="li", password=PASSWORD)
            done = one.send(cmd="ack", alarm_id=alarm_id, **{"as": "li"})
            seen = other.wait(
                lambda m: (
                    m.get("event") == "alarm.changed"
                    and m["data"].get("change") == "acknowledged"
                    and m["data"].get("alarm_id") == alarm_id
                )
            )
            assert seen["t"] - done["t"] < WITHIN_S
            assert seen["origin"] == one.ready["origin"]
            # the acknowledging desk saw its own change once, from itself
            own = [
                m for m in one.events("alarm.changed") if m["data"].get("change") == "acknowledged"
            ]
            assert [m["origin"] for m in own] == [None]

            entry = one.send(cmd="log", text="B1 巡视正常", **{"as": "li"})
            seen = other.wait(
                lambda m: (
                    m.get("event") == "duty.log" and m["data"].get("entry_id") == entry["result"]
                )
            )
            assert seen["t"] - entry["t"] < WITHIN_S
        finally:
            for desk in desks:
                desk.close()


@pytest.mark.timeout(180)
def test_killing_the_database_loses_nothing_and_the_desk_catches_up(
    site: Path, env: dict[str, str], server: PgServer, pty_pair: tuple[str, str]
) -> None:
    _users(site)
    with (
        start_main("--site", str(site), "--headless", "-v", env=env) as service,
        serial.Serial(pty_pair[0], timeout=0.05) as receiver,
    ):
        wait_for_line(service, "service running")
        log = Drain(service)
        time.sleep(0.3)
        desk = Peer(site, env, "desk")
        try:
            lines = [format_report("1234", "E", 110 + n % 5, 1, n + 1) for n in range(6)]
            assert send_until_ack(receiver, lines[0]) is not None
            desk.wait(_raised(desk), 5)

            server.kill()  # as a crash: no checkpoint, every connection cut
            desk.wait(lambda m: m.get("event") == "db.state" and m["data"]["state"] == "offline")
            # while the database is down, the service must not ACK: the receiver keeps trying
            refused_while_down = send_until_ack(receiver, lines[1], timeout=2.0)
            assert refused_while_down is None
            restarter = threading.Timer(1.0, server.start)
            restarter.start()
            try:
                for line in lines[1:]:
                    assert send_until_ack(receiver, line, timeout=30) is not None, log.text()
            finally:
                restarter.join()
            desk.wait(lambda m: m.get("event") == "db.state" and m["data"]["state"] == "online", 15)
            # every line stored after the restart reaches the desk
            desk.wait(lambda m: len(desk.events("alarm.changed")) >= len(lines), 10)
        finally:
            desk.close()
    seen = {m["data"]["event_id"] for m in desk.events("alarm.changed")}

    check = Desk.open(site)
    try:
        with check.db.read() as s:
            stored = {
                e.dedup_key
                for e in s.scalars(select(AlarmEvent).where(AlarmEvent.duplicate_of.is_(None)))
            }
            event_ids = set(s.scalars(select(AlarmEvent.id)))
        expected = {line.decode("ascii").rstrip("\x14") for line in lines}
        assert expected <= stored  # every ACKed line is stored, once
        assert seen == event_ids  # and the desk was told of every event, none twice
        assert len(desk.events("alarm.changed")) == len(event_ids)
        assert check.verify_audit()[1] is None
    finally:
        check.close()


@pytest.mark.timeout(180)
def test_three_processes_writing_at_once_build_one_audit_chain(
    site: Path, env: dict[str, str]
) -> None:
    _users(site)
    peers = [Peer(site, env, f"desk-{n}") for n in range(3)]
    try:
        for peer, name in zip(peers, ("li", "wang", "zhao"), strict=True):
            peer.send(cmd="login", name=name, password=PASSWORD)
        for peer, name in zip(peers, ("li", "wang", "zhao"), strict=True):  # all at once
            peer.proc.stdin.write(
                json.dumps({"cmd": "burst", "n": 40, "text": name, "as": name}) + "\n"
            )
            peer.proc.stdin.flush()
        for peer in peers:
            assert peer.wait(lambda m: m.get("done") == "burst", 60)["ok"]
        # each desk saw its own 40 entries and, through the feed, the other two desks' 80
        for peer in peers:
            entries = functools.partial(lambda p, _m: len(p.events("duty.log")) >= 120, peer)
            peer.wait(entries, 10)
            assert len([m for m in peer.events("duty.log") if m["origin"] is None]) == 40
    finally:
        for peer in peers:
            peer.close()

    check = Desk.open(site)
    try:
        checked, broken = check.verify_audit()
        assert broken is None
        with check.db.read() as s:
            assert s.scalar(select(func.count(LogEntry.id))) == 120
            assert checked == s.scalar(select(func.count(AuditRecord.id)))
    finally:
        check.close()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "verify-audit", "--site", str(site)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"audit chain intact: {checked} records" in result.stdout, result.stdout
