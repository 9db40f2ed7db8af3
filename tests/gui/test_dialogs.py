"""Log-in, first administrator and lock dialogs, driven as an operator would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit

from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.ui.dialogs import LoginDialog, NewUserDialog
from tests.conftest import OPERATOR_PASSWORD


def _field(dialog: QDialog, name: str) -> QLineEdit:
    field = dialog.findChild(QLineEdit, name)
    assert field is not None, name
    return field


def _press_ok(qtbot, dialog: QDialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_login_with_the_keyboard(qtbot, desk: Desk, operator: Actor) -> None:
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(_field(dialog, "login-user"), "li")
    qtbot.keyClick(_field(dialog, "login-user"), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), OPERATOR_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.actor == operator
    assert desk.on_duty == [operator]


def test_wrong_password_is_shown_and_cleared(qtbot, desk: Desk, operator: Actor) -> None:
    dialog = LoginDialog(desk, name="li")
    qtbot.addWidget(dialog)
    dialog.show()
    _field(dialog, "login-password").setText("wrong-password")
    _press_ok(qtbot, dialog)
    error = dialog.findChild(QLabel, "error")
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert "Wrong user name or password" in error.text()
    assert _field(dialog, "login-password").text() == ""
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert desk.on_duty == []


def test_empty_fields_are_refused_without_a_try(qtbot, desk: Desk, operator: Actor) -> None:
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    _press_ok(qtbot, dialog)
    assert "Enter your user name" in dialog.findChild(QLabel, "error").text()
    assert not dialog.busy


def test_first_administrator_dialog_creates_an_admin(qtbot, desk: Desk) -> None:
    dialog = NewUserDialog(desk, None, first_admin=True)
    qtbot.addWidget(dialog)
    dialog.show()
    _field(dialog, "new-user-name").setText("chief")
    _field(dialog, "new-user-display").setText("王班长")
    _field(dialog, "new-user-password").setText("first-admin-1")
    _field(dialog, "new-user-repeat").setText("first-admin-2")
    _press_ok(qtbot, dialog)
    assert "differ" in dialog.findChild(QLabel, "error").text()
    assert not desk.auth.has_admin()
    _field(dialog, "new-user-repeat").setText("first-admin-1")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _press_ok(qtbot, dialog)
    assert dialog.result_value.role is Role.ADMIN
    assert desk.auth.has_admin()


def test_an_operator_changes_their_own_password(qtbot, desk: Desk, operator: Actor) -> None:
    from console.ui.dialogs import ChangePasswordDialog

    dialog = ChangePasswordDialog(desk, operator)
    qtbot.addWidget(dialog)
    dialog.show()
    _field(dialog, "old-password").setText("not-my-password")
    _field(dialog, "new-password").setText("a-new-password")
    _field(dialog, "repeat-password").setText("a-new-password")
    _press_ok(qtbot, dialog)
    error = dialog.findChild(QLabel, "error")
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert "Wrong user name or password" in error.text()
    _field(dialog, "old-password").setText(OPERATOR_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _press_ok(qtbot, dialog)
    assert desk.login("li", "a-new-password") == operator
