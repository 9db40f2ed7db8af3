"""A desk that loses its PostgreSQL database: the status bar says so, the window stays usable
read-only (no dialog storm), and when the server is back the desk catches up. A real server of
the test's own, killed the way a crash would stop it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel, QMessageBox, QTreeWidget, QWidget

from console.core.alarms import State
from console.core.auth import Role
from console.core.changes import DbState, note_alone
from console.core.desk import (
    ANALYSIS_DEVICE,
    SHARED_HEALTH,
    Desk,
    recorder_device,
    source_device,
)
from console.core.ownership import OwnerWatch
from console.core.site import DATABASE_URL_ENV
from console.paths import DEMO_SITE
from console.ui.alarm_pane import AlarmPane
from console.ui.mainwindow import MainWindow
from console.ui.statusbar import DeskStatusBar
from console.ui.wording import describe, describe_load
from devices.alarms.base import DeviceEvent, EventType
from schema.db import DatabaseUnavailable
from schema.pgserver import PgServer
from schema.pgserver import available as pg_available
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD
from tests.gui.conftest import open_window

SRC = "demo-panel"


@pytest.fixture
def server() -> Iterator[PgServer]:
    """A server of this test's own: killing it must not touch the session's."""
    if not pg_available():
        pytest.fail("PostgreSQL is not installed: run scripts/bootstrap test")
    srv = PgServer()
    try:
        srv.start()
        yield srv
    finally:
        srv.close()


def _raise(desk: Desk, point: str) -> int:
    alarm_id = desk.alarms.ingest(DeviceEvent(SRC, EventType.ALARM, point, code=point)).alarm_id
    assert alarm_id is not None
    return alarm_id


def _ids(pane: AlarmPane) -> set[int]:
    return {row.id for row in pane.model.rows}


def _close(*desks: Desk) -> None:
    """After the panes' loads on the thread pool: a connection one still holds would outlive
    the disposed engine (psycopg warns when it is collected, in some later test)."""
    assert QThreadPool.globalInstance().waitForDone(10_000)
    for desk in desks:
        desk.close()


def _users(desk: Desk) -> None:
    admin = desk.auth.add_user(None, "chief", "王班长", Role.ADMIN, ADMIN_PASSWORD)
    desk.auth.add_user(admin, "li", "李值班", Role.OPERATOR, OPERATOR_PASSWORD)


class Dialogs:
    """QMessageBox's static dialogs, recorded instead of shown (none may block the test)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str]] = []
        for kind in ("warning", "critical", "information"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))

    def _recorder(self, kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def record(
            _parent: QWidget | None, _title: str, text: str, *_a: object, **_k: object
        ) -> QMessageBox.StandardButton:
            self.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return record


def test_a_lost_database_is_shown_read_only_and_caught_up(
    qtbot, server: PgServer, monkeypatch: pytest.MonkeyPatch, artifacts: Path
) -> None:
    # The feed tries again every 3 s (1 s in production): the alarm raised right after the
    # restart is then most likely made while this desk still counts itself offline.
    monkeypatch.setattr("console.core.changes.RETRY_S", 3.0)
    monkeypatch.setenv(DATABASE_URL_ENV, server.create_database("t"))
    dialogs = Dialogs(monkeypatch)
    desk = Desk.open(DEMO_SITE)
    other = Desk.open(DEMO_SITE)  # another desk of the site, on the same database
    window: MainWindow | None = None
    server_down = False
    try:
        _users(desk)
        first = _raise(other, "sim:1")
        window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
        window.resize(1600, 900)
        desk.start_sync()
        pane = window.docks["alarms"].widget()
        assert isinstance(pane, AlarmPane)
        bar = window.statusBar()
        assert isinstance(bar, DeskStatusBar)
        link = bar.findChild(QLabel, "status-database")
        assert link is not None
        assert link.accessibleName() == "Database link"
        qtbot.waitUntil(lambda: _ids(pane) == {first})
        assert link.isHidden()  # online: the bar shows nothing of it

        server.kill()
        server_down = True
        qtbot.waitUntil(link.isVisible, timeout=5000)
        assert desk.feed.state is DbState.OFFLINE
        assert link.text().startswith("⚠ Database lost: read-only since ")
        assert "#b00020" in link.styleSheet()  # red, and the words say it too
        assert "catches up" in link.toolTip()
        assert link.accessibleDescription() == link.toolTip()

        # Every pane tries to load: they keep what they show, with a quiet line, no dialog.
        for dock in window.docks.values():
            refresh = getattr(dock.widget(), "refresh", None)
            if callable(refresh):
                refresh()
        hint = describe_load(DatabaseUnavailable("gone"))
        qtbot.waitUntil(lambda: pane.summary.text() == "⚠ " + hint, timeout=5000)
        assert _ids(pane) == {first}
        assert pane.proxy.rowCount() == 1
        assert dialogs.shown == []

        # An operator action says once that nothing was saved.
        pane.acknowledge_top()
        qtbot.waitUntil(lambda: len(dialogs.shown) == 1, timeout=5000)
        assert dialogs.shown == [("warning", describe(DatabaseUnavailable("gone")))]
        assert "read-only" in dialogs.shown[0][1]
        assert _ids(pane) == {first}

        # The indicator is readable on the window as it is (not cut by the other labels).
        qtbot.waitUntil(lambda: pane.summary.text() == "⚠ " + hint, timeout=5000)
        assert link.width() >= link.sizeHint().width()
        window.grab().save(str(artifacts / "db-outage.png"))

        server.start()
        server_down = False
        # Made as the server comes back: most likely before this desk's feed is back, so it
        # arrives in the catch-up; either way it must arrive.
        during = _raise(other, "sim:2")
        qtbot.waitUntil(lambda: desk.feed.online, timeout=10_000)
        qtbot.waitUntil(lambda: link.text().startswith("✔ "), timeout=5000)
        assert "#b00020" not in link.styleSheet()
        qtbot.waitUntil(lambda: _ids(pane) == {first, during}, timeout=5000)
        assert pane.summary.text() == "2 open, 2 unacknowledged"

        after = _raise(other, "sim:3")  # the other desk, live again
        qtbot.waitUntil(lambda: _ids(pane) == {first, during, after}, timeout=5000)
        assert other.alarms.get(first).state == State.NEW  # the refused acknowledgement
        assert dialogs.shown == [("warning", describe(DatabaseUnavailable("gone")))]
        bar._db_back.timeout.emit()  # the "back" line goes after a while
        assert link.isHidden()
    finally:
        if server_down:
            server.start()  # closing the window logs out: it needs the database
        if window is not None and window.isVisible():
            window.close()
        _close(desk, other)


def test_a_device_another_process_runs_says_who(
    qtbot, desk: Desk, artifacts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site pane shows who runs a device this desk does not open, and its shared health;
    when that process stops, it says nobody runs it now."""
    monkeypatch.setattr(OwnerWatch, "INTERVAL_S", 3600.0)  # the test probes itself
    _users(desk)
    other = Desk.open(DEMO_SITE)
    window: MainWindow | None = None
    try:
        # the other desk runs every device: this one starts none (and no thread)
        recorded = {c.id for c in desk.site.cameras if c.record}
        devices = {source_device(SRC), ANALYSIS_DEVICE} | {recorder_device(c) for c in recorded}
        for device in devices:
            assert other.ownership.claim(device).ok
        assert {c.device for c in desk.start_devices()} == devices
        desk.start_sync()
        window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
        tree = window.docks["site"].widget().findChild(QTreeWidget, "site-tree")
        assert tree is not None
        headers = [tree.headerItem().text(c) for c in range(tree.columnCount())]
        assert headers == ["Name", "ID", "Kind", "Address", "State", "Run by"]
        sources = tree.topLevelItem(1)
        rows = {sources.child(i).text(1): sources.child(i) for i in range(sources.childCount())}
        for source in (SRC, "video"):
            assert rows[source].text(5).startswith("Run by another process: watchdesk desk on ")
            assert "does not open" in rows[source].toolTip(5)
        assert rows[SRC].text(4).endswith("not started")
        # the owner shares the source's health through the database
        note_alone(
            other.db, SHARED_HEALTH, kind="alarm_source", device_id=SRC, state="ok", detail=""
        )
        qtbot.waitUntil(lambda: rows[SRC].text(4).endswith("online"), timeout=5000)
        cameras = tree.topLevelItem(0)
        for i in range(cameras.childCount()):
            camera = cameras.child(i)
            elsewhere = camera.text(5).startswith("Recorded by another process: watchdesk ")
            assert elsewhere == (camera.text(1) in recorded), camera.text(1)
        window.resize(1600, 900)
        qtbot.wait(100)  # laid out at that size
        window.docks["site"].widget().grab().save(str(artifacts / "site-pane-refused.png"))

        other.ownership.release_all()  # the process running them stops
        watch = desk.owner_watch
        assert watch is not None
        watch.check()
        watch.check()  # free at two probes in a row
        qtbot.waitUntil(lambda: rows[SRC].text(5).startswith("⚠ Nobody runs it now: "))
        assert rows[SRC].text(5).endswith(" has stopped")
        assert "start the service again" in rows[SRC].toolTip(5)
        assert rows[SRC].text(4).endswith("fault")
        stopped = [
            cameras.child(i).text(1)
            for i in range(cameras.childCount())
            if cameras.child(i).text(5).startswith("⚠ Nobody records it now: watchdesk ")
        ]
        assert set(stopped) == recorded
        faults = {a.source_id for a in desk.alarms.open_alarms() if a.event == "comm_fault"}
        assert faults == {SRC, "video"}  # the analysis raised the video zones
        window.docks["site"].widget().grab().save(str(artifacts / "site-pane-stopped.png"))
    finally:
        if window is not None and window.isVisible():
            window.close()
        _close(other)
