"""GUI fixtures: a logged-in main window on the demo site, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from console.core.auth import Actor
from console.core.desk import Desk
from console.ui.i18n import install_language
from console.ui.mainwindow import MainWindow
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD


@pytest.fixture(autouse=True)
def _no_running_pool_tasks(qapp: QApplication) -> Iterator[None]:
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(5000), "background tasks still running after the test"
    QApplication.processEvents()


@pytest.fixture
def desk(qapp: QApplication, demo_site: Path) -> Iterator[Desk]:
    """The demo desk, closed only once the window's pool tasks that read through it are done
    (closing it under a running task tears a database connection out of its hands)."""
    d = Desk.open(demo_site)
    yield d
    QThreadPool.globalInstance().waitForDone(5000)
    d.close()


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    """Tests read English source strings unless they switch language themselves."""
    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


def open_window(qtbot, desk: Desk, name: str, password: str) -> MainWindow:
    actor = desk.login(name, password)
    window = MainWindow(desk, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def admin_window(qtbot, desk: Desk, admin: Actor) -> Iterator[MainWindow]:
    window = open_window(qtbot, desk, "chief", ADMIN_PASSWORD)
    yield window
    if window.isVisible():
        window.close()


@pytest.fixture
def operator_window(qtbot, desk: Desk, operator: Actor) -> Iterator[MainWindow]:
    window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    yield window
    if window.isVisible():
        window.close()


class FakePlayer:
    """Stands in for QSoundEffect: the sound card is the one part that cannot run here."""

    def __init__(self, path: str, loop: bool, _parent: object) -> None:
        self.path, self.loop = path, loop
        self.playing = False
        self.plays = 0

    def play(self) -> None:
        self.playing = True
        self.plays += 1

    def stop(self) -> None:
        self.playing = False


@pytest.fixture(autouse=True)
def _fake_sound(monkeypatch: pytest.MonkeyPatch) -> None:
    import console.ui.alarm_sound as sound

    monkeypatch.setattr(sound, "make_player", FakePlayer)
