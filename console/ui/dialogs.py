"""Log-in, first administrator, and screen-lock dialogs.

Password checks run on the thread pool (argon2id is deliberately slow); the dialog shows the
outcome when it comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.ui.forms import (
    FieldForm,
    add_field,
    error_label,
    ok_cancel,
    password_field,
    show_error,
)
from console.ui.wording import describe, role_label
from console.ui.worker import run_in_background


class _AsyncDialog(QDialog):
    """A dialog whose OK runs a core call in the background and closes on success."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.result_value: Any = None
        self.busy = False
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = error_label()

    def finish_layout(self, ok_text: str) -> QDialogButtonBox:
        self.layout_.addWidget(self.error)
        self.buttons = ok_cancel(self, ok_text)
        self.layout_.addWidget(self.buttons)
        return self.buttons

    def passwords_match(self, first: QLineEdit, second: QLineEdit) -> bool:
        """False (and says so) when the two typed passwords differ."""
        if first.text() == second.text():
            return True
        show_error(self.error, self.tr("The two passwords differ."))
        return False

    def submit(self, call: Callable[[], Any]) -> None:
        if self.busy:
            return
        self.busy = True
        self.buttons.setEnabled(False)
        self.error.hide()
        run_in_background(self, call, self._succeeded, self._failed)

    def _succeeded(self, value: Any) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self.result_value = value
        self.succeeded(value)

    def succeeded(self, value: Any) -> None:
        """Hook: close the dialog (the default), or show what came back."""
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        show_error(self.error, describe(exc))
        self.failed(exc)
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """Grow the window when its content grew (an error line, a result shown), so that no
        wrapped text is squeezed; never shrink it."""
        self.layout_.activate()
        width = self.width()
        if self.layout_.hasHeightForWidth():
            height = self.layout_.totalHeightForWidth(width)
        else:
            height = self.layout_.totalSizeHint().height()
        if height > self.height():
            self.resize(width, height)

    def failed(self, exc: Exception) -> None:
        """Hook: clear a password field, move the focus."""


class FieldDialog(_AsyncDialog):
    """OK runs a core call on the thread pool; a refusal naming a field is shown under it."""

    def __init__(
        self, title: str, parent: QWidget, intro: str = "", intro_name: str = "dialog-intro"
    ) -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(480)
        self.fields = FieldForm(self.form)
        if intro:
            self.intro = QLabel(intro)
            self.intro.setObjectName(intro_name)
            self.intro.setWordWrap(True)
            self.layout_.insertWidget(0, self.intro)

    def call(self) -> Callable[[], Any]:
        """The core call OK makes, with the fields read now (on the GUI thread)."""
        raise NotImplementedError

    def accept(self) -> None:
        self.fields.clear()
        self.submit(self.call())

    def failed(self, exc: Exception) -> None:
        if self.fields.show(exc):
            self.error.hide()  # said under its field


class LoginDialog(_AsyncDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(
            self.tr("Watchdesk log-in — %1").replace("%1", desk.site.site.name), parent
        )
        self.desk = desk
        self.user = QLineEdit(name)
        self.password = password_field()
        add_field(self.form, self.tr("&User name:"), self.user, "login-user")
        add_field(self.form, self.tr("&Password:"), self.password, "login-password")
        self.finish_layout(self.tr("Log &in"))
        (self.password if name else self.user).setFocus()

    def accept(self) -> None:
        name, password = self.user.text().strip(), self.password.text()
        if not name or not password:
            show_error(self.error, self.tr("Enter your user name and password."))
            return
        self.submit(lambda: self.desk.login(name, password))

    def failed(self, exc: Exception) -> None:
        self.password.clear()
        self.password.setFocus()

    @property
    def actor(self) -> Actor | None:
        return self.result_value if isinstance(self.result_value, Actor) else None


class NewUserDialog(_AsyncDialog):
    """Create a user. With `first_admin`, the role is fixed to administrator."""

    def __init__(
        self, desk: Desk, by: Actor | None, parent: QWidget | None = None, first_admin: bool = False
    ) -> None:
        title = self.tr("Create the first administrator") if first_admin else self.tr("New user")
        super().__init__(title, parent)
        self.desk, self.by = desk, by
        if first_admin:
            intro = QLabel(self.tr("This site has no administrator yet. Create one to continue."))
            intro.setWordWrap(True)
            self.layout_.insertWidget(0, intro)
        self.name = QLineEdit()
        self.display = QLineEdit()
        self.role = _role_box(fixed=Role.ADMIN if first_admin else None)
        self.password, self.repeat = password_field(), password_field()
        add_field(self.form, self.tr("&User name:"), self.name, "new-user-name")
        add_field(self.form, self.tr("&Display name:"), self.display, "new-user-display")
        add_field(self.form, self.tr("&Role:"), self.role, "new-user-role")
        add_field(self.form, self.tr("&Password:"), self.password, "new-user-password")
        add_field(self.form, self.tr("R&epeat password:"), self.repeat, "new-user-repeat")
        self.finish_layout(self.tr("&Create"))

    def accept(self) -> None:
        if not self.passwords_match(self.password, self.repeat):
            return
        name, display, password = self.name.text(), self.display.text(), self.password.text()
        role = Role(self.role.currentData())
        self.submit(lambda: self.desk.auth.add_user(self.by, name, display, role, password))


def _role_box(fixed: Role | None = None) -> Any:
    from PySide6.QtWidgets import QComboBox

    box = QComboBox()
    for role in [fixed] if fixed else list(Role):
        box.addItem(role_label(role), role.value)
    return box


class ChangePasswordDialog(_AsyncDialog):
    """An operator changes their own password; the old one is checked (and counts)."""

    def __init__(self, desk: Desk, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change my password"), parent)
        self.desk, self.actor = desk, actor
        self.old, self.new, self.repeat = password_field(), password_field(), password_field()
        add_field(self.form, self.tr("&Current password:"), self.old, "old-password")
        add_field(self.form, self.tr("&New password:"), self.new, "new-password")
        add_field(self.form, self.tr("R&epeat password:"), self.repeat, "repeat-password")
        self.finish_layout(self.tr("&Change"))

    def accept(self) -> None:
        if not self.passwords_match(self.new, self.repeat):
            return
        old, new = self.old.text(), self.new.text()
        self.submit(lambda: self.desk.auth.change_own_password(self.actor, old, new))

    def failed(self, exc: Exception) -> None:
        self.old.clear()
        self.old.setFocus()


class LockDialog(_AsyncDialog):
    """The window stays visible (alarms must be seen) but takes no input until unlocked.

    "Log out" hands the desk to someone else: the locked operator is logged out (nothing is
    lost, everything is stored) and the next person logs in with their own password.
    """

    switch_requested = Signal()

    def __init__(self, desk: Desk, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Console locked"), parent)
        self.desk, self.actor = desk, actor
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(420)
        heading = QLabel(self.tr("Console locked"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        who = f"{actor.display_name}（{role_label(actor.role)}）"
        note = QLabel(self.tr("Locked for %1. Enter the password to unlock.").replace("%1", who))
        note.setWordWrap(True)
        self.layout_.insertWidget(0, heading)
        self.layout_.insertWidget(1, note)
        self.password = password_field()
        add_field(self.form, self.tr("&Password:"), self.password, "unlock-password")
        buttons = self.finish_layout(self.tr("&Unlock"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        switch = buttons.addButton(
            self.tr("&Log out / switch operator"), QDialogButtonBox.ButtonRole.ResetRole
        )
        switch.setAccessibleName(switch.text().replace("&", ""))
        switch.clicked.connect(self._switch)
        self.password.setFocus()

    def accept(self) -> None:
        password = self.password.text()
        self.submit(lambda: self.desk.unlock(self.actor, password))

    def reject(self) -> None:
        """Escape does not unlock."""

    def _switch(self) -> None:
        if not self.busy:
            self.done(QDialog.DialogCode.Rejected)
            self.switch_requested.emit()

    def failed(self, exc: Exception) -> None:
        self.password.clear()
        self.password.setFocus()
