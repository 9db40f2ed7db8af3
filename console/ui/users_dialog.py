"""User management for administrators. The dialog only asks; core decides (role checks,
last-admin rule, password policy) and audits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import Actor, Role, UserInfo
from console.core.desk import Desk
from console.ui.dialogs import NewUserDialog
from console.ui.forms import error_label, show_error
from console.ui.wording import describe, role_label
from console.ui.worker import run_in_background


class UsersDialog(QDialog):
    def __init__(self, desk: Desk, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.actor = desk, actor
        self.users: list[UserInfo] = []
        self.setWindowTitle(self.tr("Users"))
        self.setAccessibleName(self.tr("Users"))
        self.resize(640, 360)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("users-table")
        self.table.setAccessibleName(self.tr("User accounts"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.error = error_label()
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("&Add…"), self.add_user),
            (self.tr("Change &role…"), self.change_role),
            (self.tr("&Enable / disable"), self.toggle_active),
            (self.tr("Reset &password…"), self.reset_password),
            (self.tr("&Close"), self.accept),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every change here is recorded in the audit chain.")))
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        run_in_background(
            self, lambda: self.desk.auth.list_users(self.actor), self._show, self._failed
        )

    def _show(self, users: list[UserInfo]) -> None:
        self.users = users
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            state = self.tr("active") if user.active else self.tr("disabled")
            if user.locked_until is not None:
                state += " · " + self.tr("locked out")
            for col, text in enumerate(
                (user.name, user.display_name, role_label(user.role), state)
            ):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _failed(self, exc: Exception) -> None:
        show_error(self.error, describe(exc))

    def _selected(self) -> UserInfo | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.users):
            return self.users[row]
        show_error(self.error, self.tr("Select a user first."))
        return None

    def _change(self, call: Callable[[], Any]) -> None:
        self.error.hide()
        run_in_background(self, call, lambda _r: self.reload(), self._failed)

    def add_user(self) -> None:
        dialog = NewUserDialog(self.desk, self.actor, self)
        dialog.accepted.connect(self.reload)
        dialog.open()

    def change_role(self) -> None:
        user = self._selected()
        if user is None:
            return
        labels = [role_label(r) for r in Role]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Change role"),
            self.tr("Role of %1:").replace("%1", user.name),
            labels,
            labels.index(role_label(user.role)),
            False,
        )
        if ok:
            role = list(Role)[labels.index(label)]
            self._change(lambda: self.desk.auth.set_role(self.actor, user.name, role))

    def toggle_active(self) -> None:
        user = self._selected()
        if user is not None:
            active = not user.active
            self._change(lambda: self.desk.auth.set_active(self.actor, user.name, active))

    def reset_password(self) -> None:
        user = self._selected()
        if user is None:
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("Reset password"),
            self.tr("New password for %1:").replace("%1", user.name),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self._change(lambda: self.desk.auth.reset_password(self.actor, user.name, password))
