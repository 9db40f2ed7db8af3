"""The main window: panes per role, arrangement per operator, status bar, idle lock."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QTableWidget,
    QTreeWidget,
    QWidget,
)
from sqlalchemy import select

from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.core.health import Health
from console.ui.mainwindow import MainWindow
from console.ui.users_dialog import UsersDialog
from schema.models import AuditRecord
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD
from tests.gui.conftest import open_window


def _last_actions(desk: Desk, n: int) -> list[tuple[str, str]]:
    with desk.db.read() as s:
        rows = s.execute(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(n)).scalars()
        return [(r.action, r.payload) for r in rows][::-1]


def test_panes_follow_the_role(
    admin_window: MainWindow, qtbot, desk: Desk, operator: Actor
) -> None:
    duty = {"log", "records", "checks", "visits", "loans"}
    watch = {"wall", "playback", "plan"}
    assert (
        set(admin_window.docks)
        == {"site", "alarms", "audit", "reports", "analytics"} | watch | duty
    )
    admin_window.close()
    op_window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    assert set(op_window.docks) == {"site", "alarms", "reports"} | watch | duty
    manage = (
        next(a for a in op_window.menuBar().actions() if "Users" in a.text()).menu().actions()[0]
    )
    assert not manage.isEnabled()
    op_window.close()


def _unnamed(root: QWidget) -> list[str]:
    """Controls without an accessible name, and table columns without a header."""
    missing = []
    kinds = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractItemView,
        QDockWidget,
        QAbstractSpinBox,
    )
    for widget in root.findChildren(QWidget):
        # A header view is announced through its table, which must label every column.
        if not isinstance(widget, kinds) or isinstance(widget, QHeaderView):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox):
            continue  # a spin box's or date edit's own line edit: announced through its box
        if not widget.isVisibleTo(root):
            continue
        model = widget.model() if isinstance(widget, QTableView) else None
        if model is not None:
            for col in range(model.columnCount(QModelIndex())):
                if not model.headerData(col, Qt.Orientation.Horizontal):
                    missing.append(f"column {col} of {widget.objectName()!r}")
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_has_an_accessible_name(admin_window: MainWindow, qtbot) -> None:
    assert _unnamed(admin_window) == []
    dialog = UsersDialog(admin_window.desk, admin_window.actor, admin_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _unnamed(dialog) == []
    for action in admin_window.menuBar().actions():
        assert "&" in action.text(), f"menu {action.text()!r} has no Alt key"


def test_arrangement_is_saved_per_operator(
    qtbot, desk: Desk, admin: Actor, operator: Actor
) -> None:
    window = open_window(qtbot, desk, "chief", ADMIN_PASSWORD)
    window.docks["site"].hide()
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.docks["audit"])
    window.close()

    again = open_window(qtbot, desk, "chief", ADMIN_PASSWORD)
    assert again.restored
    assert not again.docks["site"].isVisible()
    assert again.dockWidgetArea(again.docks["audit"]) == Qt.DockWidgetArea.BottomDockWidgetArea
    again.close()

    other = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    assert not other.restored
    assert other.docks["site"].isVisible()
    other.close()


def test_status_bar_shows_site_duty_health_and_clock(admin_window: MainWindow) -> None:
    bar = admin_window.statusBar()
    assert bar.findChild(QLabel, "status-site").text() == "翠湖花园（演示）"
    assert "王班长" in bar.findChild(QLabel, "status-duty").text()
    health = bar.findChild(QLabel, "status-health")
    # the wall's simulated cameras may already be online: 9 devices, none at fault
    counts = re.fullmatch(r"Devices: (\d+) online · 0 fault · (\d+) not started", health.text())
    assert counts is not None, health.text()
    assert int(counts[1]) + int(counts[2]) == 9
    assert bar.findChild(QLabel, "status-clock").text().startswith("20")


def test_a_device_fault_reaches_status_bar_and_site_pane(admin_window: MainWindow, qtbot) -> None:
    admin_window.desk.health.report("camera", "east-gate", Health.FAULT, "no frames")
    health = admin_window.statusBar().findChild(QLabel, "status-health")
    qtbot.waitUntil(lambda: "1 fault" in health.text(), timeout=2000)
    assert health.text().startswith("✖")
    tree = admin_window.docks["site"].widget().findChild(QTreeWidget, "site-tree")
    cameras = tree.topLevelItem(0)
    east = next(
        cameras.child(i)
        for i in range(cameras.childCount())
        if cameras.child(i).text(1) == "east-gate"
    )
    assert "fault" in east.text(4)
    assert east.text(3) == "sim:east-gate"


def test_idle_time_locks_and_only_the_password_unlocks(admin_window: MainWindow, qtbot) -> None:
    docks_before = dict(admin_window.docks)
    admin_window.idle.timer.setInterval(50)
    admin_window.idle.timer.start()
    qtbot.waitUntil(lambda: admin_window.locked, timeout=2000)
    dialog = admin_window.lock_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert _last_actions(admin_window.desk, 1) == [("session.lock", '{"reason":"idle"}')]

    dialog.reject()  # Escape
    assert dialog.isVisible()
    dialog.password.setText("wrong-password")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert admin_window.lock_dialog is dialog

    dialog.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.accept()
    assert not admin_window.locked
    assert admin_window.docks == docks_before
    assert admin_window.idle.timer.isActive()


def test_logout_records_and_signals(admin_window: MainWindow, qtbot) -> None:
    with qtbot.waitSignal(admin_window.closed, timeout=2000) as closed:
        admin_window.logout()
    assert closed.args == [True]
    assert admin_window.desk.on_duty == []
    assert [a for a, _ in _last_actions(admin_window.desk, 2)] == ["auth.logout", "shift.leave"]


def test_audit_pane_refreshes_after_a_change(admin_window: MainWindow, qtbot) -> None:
    table = admin_window.docks["audit"].widget().findChild(QTableWidget, "audit-table")
    # user.add, auth.login, shift.join
    qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=5000)
    assert table.item(1, 3).text() == "Log-in"
    assert table.item(1, 3).data(Qt.ItemDataRole.UserRole) == "auth.login"
    admin_window.desk.auth.add_user(admin_window.actor, "li", "李", Role.OPERATOR, "operator-pw-1")
    qtbot.waitUntil(lambda: table.item(0, 3).text() == "User added", timeout=5000)


def test_admin_adds_a_user_through_the_users_dialog(admin_window: MainWindow, qtbot) -> None:
    dialog = UsersDialog(admin_window.desk, admin_window.actor, admin_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    dialog.add_user()
    new = dialog.findChild(QWidget, "new-user-name").window()
    new.name.setText("zhao")
    new.display.setText("赵班长")
    new.role.setCurrentIndex(new.role.findData(Role.SUPERVISOR.value))
    new.password.setText("supervisor-1")
    new.repeat.setText("supervisor-1")
    new.accept()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=5000)
    names = [u.name for u in admin_window.desk.auth.list_users(admin_window.actor)]
    assert names == ["chief", "zhao"]
    assert dialog.table.item(1, 2).text() == "Supervisor"


def test_quit_asks_first(admin_window: MainWindow, qtbot, monkeypatch) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    admin_window.request_quit()
    assert admin_window.isVisible()
    assert admin_window.desk.on_duty == [admin_window.actor]
    with qtbot.waitSignal(admin_window.closed, timeout=2000) as closed:
        admin_window.request_quit()
    assert closed.args == [False]
    assert not admin_window.isVisible()
    assert admin_window.desk.on_duty == []


def test_closing_the_window_ends_the_app_but_log_out_does_not(
    qtbot, qapp, desk: Desk, admin: Actor, monkeypatch
) -> None:
    from console.ui.app import DeskApp

    quits: list[bool] = []
    relogins: list[bool] = []
    monkeypatch.setattr(qapp, "quit", lambda: quits.append(True))
    controller = DeskApp(qapp, desk, "en")

    def fake_log_in(name: str = "") -> bool:
        relogins.append(True)
        return True

    monkeypatch.setattr(controller, "log_in", fake_log_in)

    window = controller.open_window(desk.login("chief", ADMIN_PASSWORD))
    qtbot.addWidget(window)
    window.logout()
    qtbot.waitUntil(lambda: relogins == [True], timeout=2000)
    assert quits == []

    window = controller.open_window(desk.login("chief", ADMIN_PASSWORD))
    qtbot.addWidget(window)
    window.close()
    assert quits == [True]
    assert controller.window is None


def test_a_locked_console_can_be_handed_to_someone_else(admin_window: MainWindow, qtbot) -> None:
    admin_window.lock("manual")
    dialog = admin_window.lock_dialog
    assert dialog is not None
    switch = next(b for b in dialog.buttons.buttons() if "switch operator" in b.text())
    with qtbot.waitSignal(admin_window.closed, timeout=2000) as closed:
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert closed.args == [True]  # back to the log-in, not the end of the console
    assert not dialog.isVisible()
    assert admin_window.desk.on_duty == []
    actions = [a for a, _ in _last_actions(admin_window.desk, 6)]
    lock = actions.index("session.lock")
    assert actions[lock:][-2:] == ["auth.logout", "shift.leave"]


def test_shortcuts_are_listed_from_the_menus(admin_window: MainWindow) -> None:
    shortcuts = dict(admin_window.shortcuts())
    assert shortcuts["Lock console"] == "Ctrl+L"
    assert shortcuts["Site and devices"] == "Ctrl+1"
    assert shortcuts["Audit trail"] == "Ctrl+9"
    assert shortcuts["Footage loans"] == "Ctrl+0"
    assert shortcuts["New loan request"] == "Ctrl+Shift+B"
    assert shortcuts["Site plan"] == "F9"
    assert shortcuts["Reports"] == "F10"
    assert shortcuts["Keyboard shortcuts"] == "F1"


def test_input_keeps_the_console_unlocked(admin_window: MainWindow, qtbot) -> None:
    admin_window.idle.timer.setInterval(400)
    admin_window.idle.timer.start()
    target = admin_window.docks["site"].widget()
    for _ in range(8):  # 8 x 100 ms of typing: twice the idle time, never idle for long
        qtbot.keyClick(target, Qt.Key.Key_Down)
        qtbot.wait(100)
    assert not admin_window.locked
    qtbot.waitUntil(lambda: admin_window.locked, timeout=2000)  # then idle: it locks


def test_no_two_window_wide_shortcuts_share_a_key(admin_window: MainWindow) -> None:
    """Two actions or shortcuts on one key in one window: Qt fires neither (ambiguous)."""
    from PySide6.QtGui import QAction, QShortcut

    keys: dict[str, list[str]] = {}
    for action in admin_window.findChildren(QAction):
        if action.shortcut().isEmpty():
            continue
        context = action.shortcutContext()
        if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
            keys.setdefault(action.shortcut().toString(), []).append(action.text())
    for shortcut in admin_window.findChildren(QShortcut):
        if shortcut.context() in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        ):
            keys.setdefault(shortcut.key().toString(), []).append(type(shortcut.parent()).__name__)
    clashes = {k: v for k, v in keys.items() if len(v) > 1}
    assert clashes == {}
    assert "F2" in keys
    assert "F5" in keys


def test_first_start_tabs_each_pane_with_its_group(admin_window: MainWindow) -> None:
    """Chains of tab_with (records → log → alarms) end in one tab group, whatever the order
    the panes were registered in."""

    def group(key: str) -> set[str]:
        dock = admin_window.docks[key]
        others = admin_window.tabifiedDockWidgets(dock)
        return {k for k, d in admin_window.docks.items() if d in others} | {key}

    assert group("alarms") == {"alarms", "log", "records", "checks", "visits", "loans"}
    assert group("site") == {"site", "audit", "reports"}
    assert group("wall") == {"wall", "playback", "plan", "analytics"}


def test_the_status_bar_warns_when_too_few_are_on_duty(admin_window: MainWindow, qtbot) -> None:
    label = admin_window.statusBar().findChild(QLabel, "status-shift")
    qtbot.waitUntil(lambda: "only 1 on duty (at least 2)" in label.text(), timeout=5000)
    assert admin_window.desk.shifts.current().label in label.text()
    admin_window.desk.auth.add_user(admin_window.actor, "li", "李", Role.OPERATOR, "operator-pw-1")
    admin_window.desk.login("li", "operator-pw-1")
    qtbot.waitUntil(lambda: "on duty" not in label.text(), timeout=5000)
    assert label.text().startswith("Shift ")
