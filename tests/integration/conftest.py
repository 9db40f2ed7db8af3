"""Real peers for integration tests: socat pty pairs (a null-modem cable in software)."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def pty_pair(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two linked pseudo-terminals (raw, no echo): bytes written to one are read from the
    other. Yields their paths (symlinks in tmp_path)."""
    if shutil.which("socat") is None:
        pytest.fail("socat is not installed: run scripts/bootstrap test")
    a, b = tmp_path / "pty-a", tmp_path / "pty-b"
    proc = subprocess.Popen(
        ["socat", f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 5
    while not (a.exists() and b.exists()):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            err = proc.stderr.read().decode() if proc.stderr else ""
            pytest.fail(f"socat did not make a pty pair: {err}")
        time.sleep(0.02)
    try:
        yield str(a), str(b)
    finally:
        proc.terminate()
        try:
            proc.wait(3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
