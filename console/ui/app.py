"""The GUI: QApplication set-up and the session loop (first admin → log-in → window)."""

from __future__ import annotations

import logging
import signal
import sys
import threading

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from console.core.auth import Actor
from console.core.desk import Desk
from console.core.site import Site
from console.core.sop import SopError
from console.ui.dialogs import LoginDialog, NewUserDialog
from console.ui.i18n import install_language, use_cjk_font
from console.ui.mainwindow import LANGUAGE_PREF, MainWindow
from console.ui.wording import describe
from schema.db import DatabaseError

log = logging.getLogger(__name__)


class DeskApp:
    """Owns the desk for the life of the process; shows log-in again after a log-out."""

    def __init__(self, app: QApplication, desk: Desk, forced_lang: str | None) -> None:
        self.app, self.desk, self.forced_lang = app, desk, forced_lang
        self.window: MainWindow | None = None
        self.use_desk_language()

    def use_desk_language(self) -> None:
        """Before anyone logs in: --lang, else the site's language."""
        install_language(self.app, self.forced_lang or self.desk.site.site.language)

    def ensure_admin(self) -> str | None:
        """Ask for the first administrator when the site has none. Returns their name."""
        if self.desk.auth.has_admin():
            return ""
        dialog = NewUserDialog(self.desk, None, first_admin=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        created: Actor = dialog.result_value
        return created.name

    def log_in(self, name: str = "") -> bool:
        dialog = LoginDialog(self.desk, name=name)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        self.open_window(dialog.actor)
        return True

    def open_window(self, actor: Actor) -> MainWindow:
        preferred = self.desk.pref(actor, LANGUAGE_PREF)
        lang = self.forced_lang or (preferred if isinstance(preferred, str) else None)
        install_language(self.app, lang or self.desk.site.site.language)
        self.window = MainWindow(self.desk, actor)
        self.window.closed.connect(self._after_close)
        if self.window.restored:
            self.window.show()
        else:  # first start: the whole screen is the console (also without a window manager)
            screen = self.window.screen() or self.app.primaryScreen()
            self.window.setGeometry(screen.availableGeometry())
            self.window.showMaximized()
            QTimer.singleShot(0, lambda: self._fill_screen(screen.availableGeometry()))
        return self.window

    def _fill_screen(self, area: QRect) -> None:
        """Once shown: the screen again (docks stacked before their tabs formed can have
        grown the window past it), then the first widths."""
        if self.window is None:
            return
        self.window.setGeometry(area)
        self.window.fit_first_widths()

    def _after_close(self, for_logout: bool) -> None:
        self.window = None
        if not for_logout:
            self.app.quit()
            return
        self.use_desk_language()
        # Deferred so the closed window is gone before the modal log-in starts.
        QTimer.singleShot(0, lambda: self.log_in() or self.app.quit())

    def start(self) -> bool:
        name = self.ensure_admin()
        return name is not None and self.log_in(name)


def _quit_on_signals(app: QApplication) -> QTimer:
    """SIGTERM/SIGINT close the window (saving and logging out) and end the event loop."""

    def handler(signum: int, _frame: object) -> None:
        log.info("received %s: closing", signal.Signals(signum).name)
        app.closeAllWindows()
        app.quit()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    timer = QTimer(interval=250)  # lets Python run its signal handlers during the Qt loop
    timer.timeout.connect(lambda: None)
    timer.start()
    return timer


def _warm_intercom(desk: Desk) -> None:
    try:
        desk.intercom()
    except Exception as exc:  # noqa: BLE001 - the visitor dialog reports it when it calls
        log.warning("the intercom did not start: %s", exc)


def run_gui(site: Site, lang: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Watchdesk")
    app.setApplicationDisplayName("Watchdesk")
    app.setQuitOnLastWindowClosed(False)
    use_cjk_font(app)
    try:
        desk = Desk.for_site(site)
    except (DatabaseError, SopError) as exc:
        sys.stderr.write(f"{exc}\n")
        install_language(app, lang or "zh_CN")
        QMessageBox.critical(None, "Watchdesk", describe(exc))
        return 1
    keepalive = _quit_on_signals(app)
    # alarms are stored even while nobody is logged in; devices that the service (or another
    # desk) already runs are left to it, and their changes arrive through the feed
    desk.start_devices()
    desk.start_sync()
    # start the SIP stack now, not at the first visitor's call (the dialog waits for it then)
    threading.Thread(
        target=_warm_intercom, args=(desk,), name="intercom-start", daemon=True
    ).start()
    try:
        controller = DeskApp(app, desk, lang)
        if not controller.start():
            return 0
        code = app.exec()
        if controller.window is not None:
            controller.window.close()
        return code
    finally:
        keepalive.stop()
        desk.close()
