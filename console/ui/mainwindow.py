"""The main window: it arranges the registered panes as docks, and owns the menus, status bar
and idle lock. Pane logic lives in the pane modules, rules in console.core."""

from __future__ import annotations

import base64

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QWidget

from console import __version__
from console.core.audit import ChainBreak
from console.core.auth import Actor, Permission
from console.core.desk import Desk
from console.ui.bridge import BusBridge
from console.ui.dialogs import ChangePasswordDialog, LockDialog
from console.ui.idle import IdleWatcher
from console.ui.panes import PaneContext, PaneSpec, registered
from console.ui.statusbar import DeskStatusBar
from console.ui.wording import describe
from console.ui.worker import run_in_background

LAYOUT_PREF = "window.layout"
LANGUAGE_PREF = "language"


class MainWindow(QMainWindow):
    closed = Signal(bool)  # True when closed to log out (the console goes on), False to quit

    def __init__(self, desk: Desk, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.actor = desk, actor
        self.setObjectName("watchdesk-main")
        self.setWindowTitle(self.tr("Watchdesk — %1").replace("%1", desk.site.site.name))
        self.setAccessibleName(self.windowTitle())
        self.setDockNestingEnabled(True)
        self.bridge = BusBridge(desk.bus, self)
        self.docks: dict[str, QDockWidget] = {}
        self._stretch: dict[str, int] = {}
        self.pane_menus: list[tuple[str, list[QAction]]] = []  # (title, actions)
        self.lock_dialog: LockDialog | None = None
        self._closing_for_logout = False
        self._quit_confirmed = False
        self.setStatusBar(DeskStatusBar(desk, self.bridge, self))
        self._build_docks()
        self._build_menus()
        self.idle = IdleWatcher(desk.site.site.idle_lock_min * 60_000, self)
        self.idle.idle.connect(lambda: self.lock("idle"))
        self.restored = self.restore_layout()

    # -- panes --------------------------------------------------------------------------------

    def _build_docks(self) -> None:
        ctx = PaneContext(self.desk, self.actor, self.bridge)
        specs = [s for s in registered() if s.permission is None or self.actor.can(s.permission)]
        for spec in specs:
            self._add_dock(spec, ctx)
        self._first_arrangement(specs)

    def _first_arrangement(self, specs: list[PaneSpec]) -> None:
        """Tabs and widths before any saved arrangement (restore_layout() overrides them)."""
        tab_with = {s.key: s.tab_with for s in specs if s.tab_with in self.docks}
        chains = {key: _chain(key, tab_with) for key in tab_with}
        # Each pane joins the first of its chain (records → log → alarms), nearer ones first.
        for key in sorted(tab_with, key=lambda k: len(chains[k])):
            self.tabifyDockWidget(self.docks[chains[key][-1]], self.docks[key])
        for chain in chains.values():
            self.docks[chain[-1]].raise_()
        self._stretch = {s.key: s.stretch for s in specs if s.stretch > 0}

    def fit_first_widths(self) -> None:
        """Share the width between the sides by the panes' stretch (first start, once the
        window has its real size)."""
        keys = [k for k in self._stretch if self.docks[k].isVisible()]
        if len(keys) > 1:
            total = sum(self._stretch[k] for k in keys)
            self.resizeDocks(
                [self.docks[k] for k in keys],
                [self.width() * self._stretch[k] // total for k in keys],
                Qt.Orientation.Horizontal,
            )

    def _add_dock(self, spec: PaneSpec, ctx: PaneContext) -> None:
        dock = QDockWidget(spec.title(), self)
        dock.setObjectName(f"pane-{spec.key}")
        dock.setAccessibleName(spec.title())
        dock.setWidget(spec.factory(ctx))
        self.addDockWidget(spec.area, dock)
        self.docks[spec.key] = dock
        actions = getattr(dock.widget(), "menu_actions", None)
        if spec.menu_title is not None and callable(actions):
            self.pane_menus.append((spec.menu_title(), actions()))
        if spec.shortcut:
            dock.toggleViewAction().setShortcut(QKeySequence(spec.shortcut))

    # -- menus --------------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot: object, shortcut: str = "") -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        site = bar.addMenu(self.tr("&Site"))
        self._action(site, self.tr("&Verify audit chain"), self.verify_audit)
        site.addSeparator()
        self._action(site, self.tr("&Lock console"), lambda: self.lock("manual"), "Ctrl+L")
        self._action(site, self.tr("Log &out"), self.logout, "Ctrl+Shift+L")
        self._action(site, self.tr("&Quit"), self.request_quit, "Ctrl+Q")
        for title, actions in self.pane_menus:
            bar.addMenu(title).addActions(actions)
        view = bar.addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        language = view.addMenu(self.tr("&Language"))
        self._action(language, "简体中文", lambda: self.set_language("zh_CN"))
        self._action(language, "English", lambda: self.set_language("en"))
        users = bar.addMenu(self.tr("&Users"))
        manage = self._action(users, self.tr("&Manage users…"), self.manage_users)
        manage.setEnabled(self.actor.can(Permission.MANAGE_USERS))
        self._action(users, self.tr("&Change my password…"), self.change_password)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1")
        self._action(help_menu, self.tr("&About Watchdesk"), self.about)

    # -- layout -------------------------------------------------------------------------------

    def save_layout(self) -> None:
        state = {
            "geometry": base64.b64encode(self.saveGeometry().data()).decode(),
            "state": base64.b64encode(self.saveState().data()).decode(),
        }
        self.desk.set_pref(self.actor, LAYOUT_PREF, state)

    def restore_layout(self) -> bool:
        saved = self.desk.pref(self.actor, LAYOUT_PREF)
        if not isinstance(saved, dict):
            return False
        geometry = QByteArray(base64.b64decode(saved.get("geometry", "")))
        state = QByteArray(base64.b64decode(saved.get("state", "")))
        return self.restoreGeometry(geometry) and self.restoreState(state)

    # -- session ------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_dialog is not None

    def lock(self, reason: str) -> None:
        if self.locked:
            return
        self.idle.pause()
        self.desk.lock(self.actor, reason)
        self.lock_dialog = LockDialog(self.desk, self.actor, self)
        self.lock_dialog.accepted.connect(self._unlocked)
        self.lock_dialog.switch_requested.connect(self._switch_operator)
        self.lock_dialog.open()

    def _unlocked(self) -> None:
        self.lock_dialog = None
        self.idle.resume()

    def _switch_operator(self) -> None:
        self.lock_dialog = None
        self.logout()

    def logout(self) -> None:
        self._closing_for_logout = True
        self.close()

    def confirm_quit(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Quit Watchdesk"),
            self.tr(
                "Close the console? Alarms are not shown at this desk until it is started again."
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def request_quit(self) -> None:
        if self.confirm_quit():
            self._quit_confirmed = True
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # The window manager's close button asks too; log-out and SIGTERM do not.
        if event.spontaneous() and not self._quit_confirmed and not self.confirm_quit():
            event.ignore()
            return
        self.idle.stop()
        self.save_layout()
        self.desk.logout(self.actor)
        self.bridge.close()
        event.accept()
        self.closed.emit(self._closing_for_logout)

    # -- menu actions -------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        self.desk.set_pref(self.actor, LANGUAGE_PREF, code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The language changes at your next log-in. 语言将在下次登录时切换。"),
        )

    def verify_audit(self) -> None:
        run_in_background(self, self.desk.verify_audit, self._audit_verified, self._report_error)

    def _audit_verified(self, result: tuple[int, ChainBreak | None]) -> None:
        checked, broken = result
        if broken is None:
            text = self.tr("The audit chain is intact: %1 records.").replace("%1", str(checked))
            QMessageBox.information(self, self.tr("Audit chain"), text)
        else:
            text = self.tr("The audit chain is BROKEN: %1").replace("%1", str(broken))
            QMessageBox.critical(self, self.tr("Audit chain"), text)

    def _report_error(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Watchdesk"), describe(exc))

    def manage_users(self) -> None:
        from console.ui.users_dialog import UsersDialog

        UsersDialog(self.desk, self.actor, self).open()

    def change_password(self) -> None:
        ChangePasswordDialog(self.desk, self.actor, self).open()

    def shortcuts(self) -> list[tuple[str, str]]:
        """(action, key) for every menu action with a shortcut, read from the menus."""
        found: list[tuple[str, str]] = []
        menus: list[QWidget] = [self.menuBar()]
        while menus:
            menu = menus.pop(0)
            for action in menu.actions():
                submenu = action.menu()
                if isinstance(submenu, QMenu):
                    menus.append(submenu)
                elif not action.shortcut().isEmpty():
                    text = action.text().replace("&", "").rstrip("…")
                    key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    found.append((text, key))
        return found

    def show_shortcuts(self) -> None:
        lines = [f"{key}\t{text}" for text, key in self.shortcuts()]
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "\n".join(lines))

    def about(self) -> None:
        text = self.tr(
            "Watchdesk %1 — monitoring-room console.\nSite: %2\nSite file: %3\nDatabase: %4"
        )
        for i, value in enumerate(
            (
                __version__,
                self.desk.site.site.name,
                str(self.desk.site.path),
                self.desk.db.display_url,
            ),
            start=1,
        ):
            text = text.replace(f"%{i}", value)
        QMessageBox.about(self, self.tr("About Watchdesk"), text)


def _chain(key: str, tab_with: dict[str, str]) -> list[str]:
    """`key`, the pane it tabs with, that one's, ... (a cycle stops where it closes)."""
    chain = [key]
    while (nxt := tab_with.get(chain[-1])) is not None and nxt not in chain:
        chain.append(nxt)
    return chain
