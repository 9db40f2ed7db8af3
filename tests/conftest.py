"""Fixtures shared by every layer of tests."""

from __future__ import annotations

import functools
import itertools
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from console.core.desk import Desk  # noqa: E402
from console.core.site import DATABASE_URL_ENV  # noqa: E402
from console.paths import DEMO_SITE  # noqa: E402
from devices.cameras.rtsp_peer import RtspPeer  # noqa: E402
from devices.cameras.rtsp_peer import available as rtsp_available  # noqa: E402
from schema.db import open_database  # noqa: E402
from schema.pgserver import PgServer  # noqa: E402
from schema.pgserver import available as pg_available  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PG_TEMPLATE = "watchdesk_template"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="run every test's desks on this engine (postgresql: a fresh database per test "
        "on a throw-away server)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about SQLite itself; skipped with --database=postgresql"
    )
    config.addinivalue_line(
        "markers", "no_database: never opens a database; not run again with --database"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With --database=postgresql, tests that never open a database are left out: they ran
    with the SQLite pass already."""
    if config.getoption("--database") != "postgresql":
        return
    kept = [i for i in items if i.get_closest_marker("no_database") is None]
    config.hook.pytest_deselected(items=[i for i in items if i not in kept])
    items[:] = kept


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server of the test session's own (initdb in a temporary folder, a free
    port, run as a non-root user), with a template database migrated to head."""
    if not pg_available():
        pytest.fail("PostgreSQL is not installed: run scripts/bootstrap test")
    server = PgServer()
    try:
        server.start()
        open_database(server.create_database(PG_TEMPLATE)).dispose()
        yield server
    finally:
        server.close()


_databases = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test, dropped after it."""
    name = f"test_{os.getpid()}_{next(_databases)}"
    yield pg_server.create_database(name, PG_TEMPLATE)
    pg_server.drop_database(name)


@pytest.fixture(autouse=True)
def _database_engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --database=postgresql every desk of the test opens a fresh PostgreSQL database."""
    if request.config.getoption("--database") != "postgresql":
        return
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about SQLite itself")
    monkeypatch.setenv(DATABASE_URL_ENV, request.getfixturevalue("pg_url"))


@pytest.fixture(autouse=True)
def _fresh_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user's data, config or cache directories."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at a low cost: the suite hashes and checks hundreds of passwords, at ~0.2 s
    each with argon2-cffi's defaults (which the console itself keeps)."""
    from argon2 import PasswordHasher

    cheap = functools.partial(PasswordHasher, time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr("console.core.auth.PasswordHasher", cheap)


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    """A test must stop every thread it started."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 3
    while True:
        extra = [
            t
            for t in threading.enumerate()
            # Qt's own threads show up as dummies; tests/gui checks Qt's thread pool instead.
            if t not in before and t.is_alive() and not isinstance(t, threading._DummyThread)
        ]
        if not extra or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not extra, f"threads left running: {[t.name for t in extra]}"


@pytest.fixture
def demo_site() -> Path:
    return DEMO_SITE


@pytest.fixture
def desk(demo_site: Path) -> Iterator[Desk]:
    d = Desk.open(demo_site)
    yield d
    d.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


ADMIN_PASSWORD = "admin-pass-1"
OPERATOR_PASSWORD = "operator-pass-1"
WANG_PASSWORD = "wang-pass-22"


@pytest.fixture
def admin(desk: Desk):  # -> Actor
    from console.core.auth import Role

    return desk.auth.add_user(None, "chief", "王班长", Role.ADMIN, ADMIN_PASSWORD)


@pytest.fixture
def operator(desk: Desk, admin):  # -> Actor
    from console.core.auth import Role

    return desk.auth.add_user(admin, "li", "李值班", Role.OPERATOR, OPERATOR_PASSWORD)


@pytest.fixture
def sealed_handover(desk: Desk, operator, admin) -> str:
    """A shift with two entries (one corrected) handed over li → wang; returns the seal."""
    from console.core.auth import Role
    from console.core.dutylog import Category
    from console.core.handover import ChecklistAnswer, ItemHandover

    desk.auth.add_user(admin, "wang", "王五", Role.OPERATOR, WANG_PASSWORD)
    li = desk.login("li", OPERATOR_PASSWORD)
    first = desk.duty.add(li, Category.PATROL, "B1 巡视正常")
    desk.duty.add(li, Category.PATROL, "应为 B2", corrects=first.id)
    shift = desk.shifts.current()
    draft = desk.handover.draft(shift.id)
    draft.items = [ItemHandover(i.item, "王五", "再报", "派岗") for i in draft.items]
    draft.checklist = [ChecklistAnswer(a.item, ok=True) for a in draft.checklist]
    draft.synthesis = "一切正常"
    pending = desk.handover.sign_outgoing(draft, "li", OPERATOR_PASSWORD)
    return desk.handover.sign_incoming(pending.id, "wang", WANG_PASSWORD).seal_hash


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


TEST_MOUNTS = {"cam1": (1280, 720, 25), "cam1-sub": (640, 360, 25), "cam2": (640, 360, 25)}


@pytest.fixture
def rtsp_peer() -> Iterator[RtspPeer]:
    """A real RTSP server (gst-rtsp-server) on a free loopback port, with TEST_MOUNTS."""
    missing = rtsp_available()
    if missing:
        pytest.fail(missing)  # scripts/bootstrap installs it; a missing peer is a failure
    with RtspPeer(TEST_MOUNTS) as peer:
        yield peer
