"""Small form helpers: every field gets a visible label as its buddy and an accessible name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


def add_field(form: QFormLayout, label: str, field: QWidget, name: str) -> QWidget:
    """`label` may hold an '&' mnemonic: Alt+letter jumps to the field."""
    caption = QLabel(label)
    caption.setBuddy(field)
    field.setAccessibleName(label.replace("&", ""))
    field.setObjectName(name)
    form.addRow(caption, field)
    return field


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setAccessibleName(QCoreApplication.translate("Forms", "Error"))
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText("⚠ " + text)
    label.setAccessibleDescription(text)
    label.show()


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", ""))
    ok.setDefault(True)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName(cancel.text().replace("&", ""))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
