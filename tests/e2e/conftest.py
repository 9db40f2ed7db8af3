"""End-to-end helpers: main.py run as a user would, as a subprocess."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import serial

from console.paths import ROOT
from devices.alarms.contact_id import ACK
from tests.demo import copy_demo_site
from tests.e2e.screen import Screen

MAIN = [sys.executable, str(ROOT / "main.py")]


def send_until_ack(
    peer: serial.Serial, line: bytes, timeout: float = 10.0, resend_s: float | None = 1.0
) -> float | None:
    """As an alarm panel does with a receiver: send, and send again on NAK or after
    `resend_s` of silence (None: on NAK only); the time of the ACK, None if none came."""
    peer.write(line)
    deadline = last = time.monotonic()
    deadline += timeout
    while time.monotonic() < deadline:
        answer = peer.read(1)
        if answer == ACK:
            return time.time()
        silent = resend_s is not None and time.monotonic() - last > resend_s
        if answer or silent:
            peer.write(line)
            last = time.monotonic()
    return None


def site_with_receiver(folder: Path, port: str, name: str) -> Path:
    """A site with one Contact ID receiver on `port` and one fire zone (z1, cid:1234:001)."""
    site = folder / "site.toml"
    site.write_text(
        f"""
[site]
name = "{name}"

[[alarm_sources]]
id = "receiver"
kind = "contact-id"
port = "{port}"

[[zones]]
id = "z1"
name = "1号楼烟感"
source = "receiver"
kind = "fire"
point = "cid:1234:001"
""",
        encoding="utf-8",
    )
    return site


def run_main(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MAIN, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=60,
        check=False,
    )


@contextmanager
def start_main(*args: str, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[str]]:
    """main.py in the background; killed if the test left it running, pipes always closed."""
    proc = subprocess.Popen(
        [*MAIN, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or dict(os.environ),
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)


_PENDING: dict[int, bytes] = {}  # per process: stderr bytes read but not yet a whole line


def wait_for_line(proc: subprocess.Popen[str], needle: str, timeout: float = 30) -> list[str]:
    """Read stderr until a line contains `needle`; returns the lines read.

    Reads the pipe's file descriptor directly: a buffered readline() may swallow several lines
    at once, and select() would then wait for data that has already arrived.
    """
    assert proc.stderr is not None
    fd = proc.stderr.fileno()
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        buffered = _PENDING.get(proc.pid, b"")
        while b"\n" in buffered:
            line, buffered = buffered.split(b"\n", 1)
            _PENDING[proc.pid] = buffered
            seen.append(line.decode("utf-8", "replace") + "\n")
            if needle in seen[-1]:
                return seen
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            _PENDING[proc.pid] = buffered + chunk
    raise AssertionError(f"{needle!r} not seen on stderr; got:\n{''.join(seen)}")


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    return copy_demo_site(tmp_path)


@pytest.fixture
def screen() -> Iterator[Screen]:
    s = Screen()
    yield s
    s.close()
