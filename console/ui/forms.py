"""Small form helpers: every field gets a visible label as its buddy and an accessible name;
a refusal that names a field is shown under that field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.core.loans import LoanError
from console.core.visits import VisitError
from console.ui.wording import describe


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


def text_field(placeholder: str = "") -> QPlainTextEdit:
    field = QPlainTextEdit()
    field.setTabChangesFocus(True)  # Tab leaves the field: the keyboard reaches OK
    field.setPlaceholderText(placeholder)
    field.setMinimumHeight(80)
    return field


class FieldForm:
    """A form whose rows each have a visible label (the field's buddy, with its Alt key) and an
    error line under the field; core's `error.field` says which row a refusal belongs to. A
    row may go into another form layout of the same dialog (`into`)."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}  # key: (error line, focus target)
        self.captions: dict[str, QLabel] = {}
        self._boxes: dict[str, tuple[QFormLayout, QWidget]] = {}

    def add(
        self,
        label: str,
        widget: QWidget,
        name: str,
        key: str,
        focus: QWidget | None = None,
        into: QFormLayout | None = None,
    ) -> QWidget:
        target = focus or widget
        caption = QLabel(label)
        caption.setBuddy(target)
        accessible = label.replace("&", "").rstrip(":")
        target.setAccessibleName(accessible)
        target.setObjectName(name)
        error = error_label()
        error.setObjectName(f"{name}-error")
        error.setAccessibleName(
            QCoreApplication.translate("VisitWidgets", "Error: %1").replace("%1", accessible)
        )
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        form = into if into is not None else self.form
        form.addRow(caption, box)
        self.rows[key] = (error, target)
        self.captions[key] = caption
        self._boxes[key] = (form, box)
        return widget

    def set_row_visible(self, key: str, visible: bool) -> None:
        form, box = self._boxes[key]
        form.setRowVisible(box, visible)

    def alias(self, key: str, row: str) -> None:
        """Refusals naming `key` are shown under the row added as `row`."""
        self.rows[key] = self.rows[row]

    def error_of(self, key: str) -> QLabel:
        return self.rows[key][0]

    def clear(self) -> None:
        for error, _target in self.rows.values():
            error.hide()

    def show(self, exc: Exception, key: str | None = None) -> bool:
        """Put a field's refusal under its field (`key`, else the one the error names) and
        move the focus there; False if it names no field of this form."""
        if key is None and isinstance(exc, VisitError | LoanError):
            key = exc.field
        if key is None or key not in self.rows:
            return False
        error, target = self.rows[key]
        show_error(error, describe(exc))
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
