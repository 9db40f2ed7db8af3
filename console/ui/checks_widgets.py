"""The check-records pane's parts: the three table models (each sheet's status, the open fault
reports, the signed records) and the dialogs (fill in and sign a sheet, report a fault, record
a fault repaired).

Sheets keep their Chinese names and item texts (the record stores them so); the English ones
are in the tooltips. Every core call runs on the thread pool (`_AsyncDialog.submit`); a refusal
is worded by `describe()` and the dialog stays open with everything typed.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import AccountLocked, BadCredentials
from console.core.checks import (
    CheckError,
    CheckRecordView,
    CheckState,
    CheckStatus,
    CheckTemplate,
    FaultView,
    period_label,
)
from console.ui.dialogs import _AsyncDialog
from console.ui.forms import add_field, password_field, show_error
from console.ui.panes import PaneContext

KEY_ROLE = Qt.ItemDataRole.UserRole  # a row's key: (sheet id, period start) or a record id
RED = QColor("#b00020")
ALERT_BACKGROUND = QColor("#ffebee")
DUE_BACKGROUND = QColor("#fff8e1")
DUE_TEXT = QColor("#5d4037")
DONE_TEXT = QColor("#2e7d32")
MARKERS = {
    CheckState.DONE: "✔",
    CheckState.DUE: "◷",
    CheckState.OVERDUE: "⚠",
    CheckState.MISSED: "✖",
}
# Overdue and missed first, then due, then done.
_RANK = {CheckState.OVERDUE: 0, CheckState.MISSED: 0, CheckState.DUE: 1, CheckState.DONE: 2}

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


def state_words(state: CheckState) -> str:
    return {
        CheckState.DONE: QCoreApplication.translate("ChecksPane", "done"),
        CheckState.DUE: QCoreApplication.translate("ChecksPane", "due"),
        CheckState.OVERDUE: QCoreApplication.translate("ChecksPane", "overdue"),
        CheckState.MISSED: QCoreApplication.translate("ChecksPane", "missed"),
    }[state]


def state_text(state: CheckState) -> str:
    """The state with its marker: never by colour alone."""
    return f"{MARKERS[state]} {state_words(state)}"


def is_alert(state: CheckState) -> bool:
    return state in (CheckState.OVERDUE, CheckState.MISSED)


def period_kind(template: CheckTemplate) -> str:
    return {
        "shift": QCoreApplication.translate("ChecksPane", "every shift"),
        "day": QCoreApplication.translate("ChecksPane", "daily"),
        "week": QCoreApplication.translate("ChecksPane", "weekly"),
        "month": QCoreApplication.translate("ChecksPane", "monthly"),
        "quarter": QCoreApplication.translate("ChecksPane", "quarterly"),
        "year": QCoreApplication.translate("ChecksPane", "yearly"),
    }[template.period]


def in_order(statuses: Sequence[CheckStatus]) -> list[CheckStatus]:
    """Overdue and missed first, then due, then done; the nearest deadline first in each."""
    return sorted(statuses, key=lambda s: (_RANK[s.state], s.deadline))  # stable: file order


def status_key(status: CheckStatus) -> tuple[str, datetime]:
    return status.template.id, status.period_start


def local(moment: datetime | None, tz: tzinfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment is not None else "—"


def who(name: str | None, names: Mapping[str, str]) -> str:
    """ "李值班 (li)" when the printed name is known, else the user name."""
    if not name:
        return "—"
    printed = names.get(name)
    return f"{printed} ({name})" if printed and printed != name else name


def excerpt(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def record_period(
    record: CheckRecordView, templates: Mapping[str, CheckTemplate], tz: tzinfo
) -> str:
    """The record's period as the sheet names it; by its times if the sheet is gone."""
    template = templates.get(record.template_id)
    if template is not None:
        return period_label(template, record.period_start, record.period_end, tz)
    return f"{local(record.period_start, tz)}–{local(record.period_end, tz)}"


# -- table models -------------------------------------------------------------------------------


class _Model(QAbstractTableModel, Generic[R]):
    """Rows of one kind; subclasses say what each column shows."""

    def __init__(self, tz: tzinfo) -> None:
        super().__init__()
        self.tz = tz
        self.rows: list[R] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def headers(self) -> list[str]:
        raise NotImplementedError

    def key(self, row: R) -> Any:
        raise NotImplementedError

    def cell(self, row: R, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: R, column: int) -> str | None:
        return None

    def accessible(self, row: R, column: int) -> str | None:
        return None

    def style(self, row: R, column: int, role: int) -> Any:
        return None

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, key: Any) -> int:
        for n, row in enumerate(self.rows):
            if self.key(row) == key:
                return n
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's
        return 0 if parent.isValid() else len(self.headers())

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == KEY_ROLE:
            return self.key(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible(row, column) or self.cell(row, column)
        return self.style(row, column, role)


class StatusModel(_Model[CheckStatus]):
    """Each sheet's current period (and a missed previous one), the worst first."""

    SHEET, PERIOD, DEADLINE, STATE = range(4)

    def __init__(self, tz: tzinfo) -> None:
        super().__init__(tz)
        self.signers: dict[int, str] = {}  # record id: "李值班 (li) 2026-03-02 09:10"

    def headers(self) -> list[str]:
        return [self.tr("Sheet"), self.tr("Period"), self.tr("Due by"), self.tr("State")]

    def key(self, row: CheckStatus) -> tuple[str, datetime]:
        return status_key(row)

    def cell(self, row: CheckStatus, column: int) -> str:
        return {
            self.SHEET: row.template.name,
            self.PERIOD: period_label(row.template, row.period_start, row.period_end, self.tz),
            self.DEADLINE: local(row.deadline, self.tz),
            self.STATE: state_text(row.state),
        }.get(column, "")

    def tooltip(self, row: CheckStatus, column: int) -> str | None:
        if column == self.SHEET:
            return f"{row.template.name_en}\n" + self.tr("%1, %2 items").replace(
                "%1", period_kind(row.template)
            ).replace("%2", str(len(row.template.items)))
        if column == self.DEADLINE:
            return self.tr("Due %1 hours after the period starts").replace(
                "%1", str(row.template.due_hours)
            )
        if column == self.STATE:
            return self.state_sentence(row)
        return None

    def state_sentence(self, row: CheckStatus) -> str:
        deadline = local(row.deadline, self.tz)
        if row.state is CheckState.DONE:
            signer = self.signers.get(row.record_id or 0)
            text = self.tr("Signed (record #%1).").replace("%1", str(row.record_id))
            return text + (" " + signer if signer else "")
        if row.state is CheckState.DUE:
            return self.tr("Not filled in yet; due by %1. Enter fills it in.").replace(
                "%1", deadline
            )
        if row.state is CheckState.OVERDUE:
            return self.tr(
                "Not filled in, and the deadline %1 has passed. Enter fills it in."
            ).replace("%1", deadline)
        return self.tr(
            "The period ended without a record. It can still be filled in late (marked so): "
            "Enter fills it in."
        )

    def accessible(self, row: CheckStatus, column: int) -> str | None:
        if column == self.STATE:
            return f"{state_words(row.state)}. {self.state_sentence(row)}"
        if column == self.SHEET:
            return f"{row.template.name} ({row.template.name_en})"
        return None

    def style(self, row: CheckStatus, column: int, role: int) -> Any:
        alert = is_alert(row.state)
        if role == Qt.ItemDataRole.ForegroundRole:
            if alert:
                return RED
            if row.state is CheckState.DONE and column == self.STATE:
                return DONE_TEXT
            if row.state is CheckState.DUE and column == self.STATE:
                return DUE_TEXT
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if alert:
                return ALERT_BACKGROUND
            return DUE_BACKGROUND if row.state is CheckState.DUE else None
        if role == Qt.ItemDataRole.FontRole and (alert or column == self.STATE):
            return self._bold if row.state is not CheckState.DONE else None
        return None


class FaultModel(_Model[FaultView]):
    """Open fault reports, oldest first."""

    NO, TITLE, NOTE, OPENED_AT, OPENED_BY = range(5)

    def __init__(self, tz: tzinfo) -> None:
        super().__init__(tz)
        self.names: Mapping[str, str] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Fault"),
            self.tr("Note"),
            self.tr("Opened at"),
            self.tr("Opened by"),
        ]

    def key(self, row: FaultView) -> int:
        return row.id

    def cell(self, row: FaultView, column: int) -> str:
        return {
            self.NO: f"#{row.id}",
            self.TITLE: excerpt(row.title, 80),
            self.NOTE: excerpt(row.note) if row.note else "—",
            self.OPENED_AT: local(row.opened_at, self.tz),
            self.OPENED_BY: who(row.opened_by, self.names),
        }.get(column, "")

    def tooltip(self, row: FaultView, column: int) -> str | None:
        if column in (self.NO, self.TITLE):
            source = (
                self.tr("Opened by an abnormal item of check record #%1").replace(
                    "%1", str(row.check_record_id)
                )
                if row.check_record_id is not None
                else self.tr("Reported by hand")
            )
            return f"{row.title}\n{source}"
        if column == self.NOTE and row.note:
            return row.note
        return None

    def style(self, row: FaultView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NO:
            return RED
        return None


class RecordModel(_Model[CheckRecordView]):
    """Signed records, the newest first."""

    SHEET, PERIOD, SIGNED_BY, SIGNED_AT, ABNORMAL, LATE = range(6)

    def __init__(self, tz: tzinfo) -> None:
        super().__init__(tz)
        self.names: Mapping[str, str] = {}
        self.templates: Mapping[str, CheckTemplate] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Sheet"),
            self.tr("Period"),
            self.tr("Signed by"),
            self.tr("Signed at"),
            self.tr("Abnormal"),
            self.tr("Late"),
        ]

    def key(self, row: CheckRecordView) -> int:
        return row.id

    def cell(self, row: CheckRecordView, column: int) -> str:
        abnormal = len(row.abnormal)
        return {
            self.SHEET: row.template_name,
            self.PERIOD: record_period(row, self.templates, self.tz),
            self.SIGNED_BY: f"{row.printed_name} ({row.signed_by})",
            self.SIGNED_AT: row.signed_at.astimezone(self.tz).strftime("%m-%d %H:%M"),
            self.ABNORMAL: f"⚠ {abnormal}" if abnormal else "0",
            self.LATE: "◷ " + self.tr("late") if row.late else "",
        }.get(column, "")

    def tooltip(self, row: CheckRecordView, column: int) -> str | None:
        if column == self.SHEET:
            template = self.templates.get(row.template_id)
            return template.name_en if template is not None else row.template_id
        if column == self.SIGNED_AT:
            return local(row.signed_at, self.tz)
        if column == self.ABNORMAL and row.abnormal:
            return "\n".join(f"✖ {item.text}: {item.note}" for item in row.abnormal)
        if column == self.LATE and row.late:
            return self.tr("Filled in after its period had ended (补填)")
        return None

    def accessible(self, row: CheckRecordView, column: int) -> str | None:
        if column == self.ABNORMAL:
            return self.tr("%1 abnormal items").replace("%1", str(len(row.abnormal)))
        if column == self.LATE:
            return self.tr("filled in late") if row.late else self.tr("on time")
        return None

    def style(self, row: CheckRecordView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.ABNORMAL and row.abnormal:
            return RED
        if role == Qt.ItemDataRole.FontRole and column == self.ABNORMAL and row.abnormal:
            return self._bold
        return None


def record_html(
    record: CheckRecordView,
    templates: Mapping[str, CheckTemplate],
    tz: tzinfo,
) -> str:
    """A signed record in full: who, when, every item with its answer and note."""
    template = templates.get(record.template_id)
    english = f" ({template.name_en})" if template is not None else ""
    head = [
        f"<h3>{html.escape(record.template_name)}{html.escape(english)}</h3>",
        _line(
            QCoreApplication.translate("ChecksPane", "Period:"),
            record_period(record, templates, tz),
        ),
        _line(
            QCoreApplication.translate("ChecksPane", "Signed:"),
            f"{local(record.signed_at, tz)} · {record.printed_name} ({record.signed_by})",
        ),
    ]
    if record.late:
        head.append(
            _line(
                QCoreApplication.translate("ChecksPane", "Late:"),
                QCoreApplication.translate(
                    "ChecksPane", "filled in after its period had ended (补填)"
                ),
            )
        )
    head.append(
        _line(
            QCoreApplication.translate("ChecksPane", "Items:"),
            QCoreApplication.translate("ChecksPane", "%1, of which %2 abnormal")
            .replace("%1", str(len(record.items)))
            .replace("%2", str(len(record.abnormal))),
        )
    )
    rows = []
    for n, item in enumerate(record.items, 1):
        if item.normal:
            answer, style = "✔ " + QCoreApplication.translate("ChecksPane", "normal"), ""
            note = html.escape(item.note)
        else:
            answer, style = (
                "✖ " + QCoreApplication.translate("ChecksPane", "abnormal"),
                f' style="color: {RED.name()}"',
            )
            note = html.escape(item.note)
            if item.fault_id is not None:
                note += "<br>" + html.escape(
                    QCoreApplication.translate("ChecksPane", "fault report #%1").replace(
                        "%1", str(item.fault_id)
                    )
                )
        answer_cell = html.escape(answer) if item.normal else f"<b>{html.escape(answer)}</b>"
        rows.append(
            f"<tr{style}><td>{n}.</td><td>{answer_cell}</td>"
            f"<td>{html.escape(item.text)}</td><td>{note}</td></tr>"
        )
    headings = [
        "",
        QCoreApplication.translate("ChecksPane", "Answer"),
        QCoreApplication.translate("ChecksPane", "Item"),
        QCoreApplication.translate("ChecksPane", "Note"),
    ]
    items = [
        '<table width="100%" cellspacing="0" cellpadding="3" border="1"'
        ' style="border-color: #d0d0d0"><tr>'
        + "".join(f"<th>{html.escape(h)}</th>" for h in headings)
        + "</tr>"
        + "".join(rows)
        + "</table>"
    ]
    tail = []
    if record.note:
        label = QCoreApplication.translate("ChecksPane", "Sheet note:")
        tail = [
            f"<p><b>{html.escape(label)}</b></p>",
            f'<p style="white-space: pre-wrap">{html.escape(record.note)}</p>',
        ]
    return "".join(head + items + tail)


def _line(label: str, value: str) -> str:
    return f"<p><b>{html.escape(label)}</b> {html.escape(value)}</p>"


# -- filling in a sheet -------------------------------------------------------------------------


class ItemRow(QFrame):
    """One item of the form: its text, normal / abnormal (unanswered until chosen), a note
    (required when abnormal) and a marker saying what is still missing."""

    def __init__(self, number: int, template: CheckTemplate, index: int) -> None:
        super().__init__()
        self.setObjectName("check-item-row")
        self.setFrameShape(QFrame.Shape.StyledPanel)  # drawn by the style sheet: a rule below
        self.setStyleSheet(
            "QFrame#check-item-row { border: none; border-bottom: 1px solid #d0d0d0; }"
        )
        self.item = template.items[index]
        text = self.item.text
        self.number = QLabel(f"{number}.")
        self.number.setFixedWidth(self.fontMetrics().horizontalAdvance("00.") + 4)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setToolTip(self.item.text_en)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.text.setMinimumWidth(self.fontMetrics().horizontalAdvance("检") * 16)
        self.normal = QRadioButton(QCoreApplication.translate("ChecksPane", "Normal"))
        self.abnormal = QRadioButton(QCoreApplication.translate("ChecksPane", "Abnormal"))
        self.abnormal.setStyleSheet(
            f"QRadioButton:checked {{ color: {RED.name()}; font-weight: bold; }}"
        )
        for button, answer in (
            (self.normal, QCoreApplication.translate("ChecksPane", "normal")),
            (self.abnormal, QCoreApplication.translate("ChecksPane", "abnormal")),
        ):
            button.setAccessibleName(f"{number}. {text}: {answer}")
            button.setAccessibleDescription(self.item.text_en)
            button.setToolTip(self.item.text_en)
        # Its own group: the arrow keys move between the two, Tab goes on to the note.
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.addButton(self.normal)
        self.group.addButton(self.abnormal)
        self.note = QLineEdit()
        self.note.setObjectName(f"note-{self.item.id}")
        self.note.setAccessibleName(
            QCoreApplication.translate("ChecksPane", "%1: note").replace("%1", f"{number}. {text}")
        )
        self.note.setPlaceholderText(QCoreApplication.translate("ChecksPane", "note"))
        self.note.setFixedWidth(self.fontMetrics().horizontalAdvance("0") * 32)
        self.flag = QLabel(
            "⚠ " + QCoreApplication.translate("ChecksPane", "note required")
        )  # the longest, to keep its room
        self.flag.setStyleSheet(f"color: {RED.name()}; font-weight: bold;")
        self.flag.setMinimumWidth(self.flag.sizeHint().width())
        policy = self.flag.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.flag.setSizePolicy(policy)
        self.flag.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 4, 2, 4)
        row.addWidget(self.number)
        row.addWidget(self.text, 1)
        row.addSpacing(8)
        row.addWidget(self.normal)
        row.addWidget(self.abnormal)
        row.addWidget(self.note)
        row.addWidget(self.flag)
        self.group.buttonToggled.connect(lambda _button, _on: self._answered())
        self.note.textChanged.connect(lambda _text: self._noted())

    def answer(self) -> bool | None:
        """True normal, False abnormal, None not answered yet."""
        if self.normal.isChecked():
            return True
        if self.abnormal.isChecked():
            return False
        return None

    def needs_note(self) -> bool:
        return self.answer() is False and not self.note.text().strip()

    def _answered(self) -> None:
        abnormal = self.answer() is False
        self.note.setPlaceholderText(
            QCoreApplication.translate("ChecksPane", "required: what is abnormal")
            if abnormal
            else QCoreApplication.translate("ChecksPane", "note")
        )
        self.text.setStyleSheet(f"color: {RED.name()};" if abnormal else "")
        if self.flag.isVisible() and (self.answer() is None or self.needs_note()):
            self.mark()  # still short of something: say what
        else:
            self.flag.hide()

    def _noted(self) -> None:
        if self.flag.isVisible() and not self.needs_note():
            self.flag.hide()

    def mark(self) -> bool:
        """Show what this row still lacks; False when it lacks nothing."""
        if self.answer() is None:
            self.flag.setText("⚠ " + QCoreApplication.translate("ChecksPane", "answer"))
        elif self.needs_note():
            self.flag.setText("⚠ " + QCoreApplication.translate("ChecksPane", "note required"))
        else:
            self.flag.hide()
            return False
        self.flag.setAccessibleName(self.flag.text())
        self.flag.show()
        return True

    def focus_target(self) -> QWidget:
        if self.answer() is None:
            return self.normal
        return self.note


class CheckFormDialog(_AsyncDialog):
    """Fill in one sheet for one period and sign it with a password. OK stores it through
    CheckService.record on the thread pool; a refusal (an item unanswered, an abnormal item
    without a note, a wrong password, already signed) is shown here and the dialog stays open.
    """

    def __init__(self, ctx: PaneContext, status: CheckStatus, parent: QWidget | None = None):
        template = status.template
        super().__init__(self.tr("Fill in: %1").replace("%1", template.name), parent)
        self.setObjectName("check-form")
        self.ctx, self.status, self.template = ctx, status, template
        self.tz = ctx.desk.site.tz()
        self._intro()
        self.rows: list[ItemRow] = []
        self._items()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("optional: anything else the next shift should know"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 12)
        add_field(self.form, self.tr("Sheet n&ote"), self.note, "check-note")
        self.user = QLineEdit(ctx.actor.name)
        add_field(self.form, self.tr("Signed by (&user name)"), self.user, "check-user")
        self.password = password_field()
        self.password.setPlaceholderText(self.tr("enter your password again to sign"))
        add_field(self.form, self.tr("&Password"), self.password, "check-password")
        self.finish_layout(self.tr("&Sign"))
        self.setMinimumWidth(820)
        self._size()
        if self.rows:
            self.rows[0].normal.setFocus()

    def _intro(self) -> None:
        status, template = self.status, self.template
        period = period_label(template, status.period_start, status.period_end, self.tz)
        lines = [
            f"<b>{html.escape(template.name)}</b> ({html.escape(template.name_en)})",
            html.escape(
                self.tr("Period %1 · due by %2 · %3")
                .replace("%1", period)
                .replace("%2", local(status.deadline, self.tz))
                .replace("%3", state_text(status.state))
            ),
            html.escape(
                self.tr(
                    "Answer every item normal or abnormal; an abnormal item needs a note and "
                    "opens a fault report. Sign with your password."
                )
            ),
        ]
        if status.state is CheckState.MISSED:
            lines.append(
                f'<b style="color: {RED.name()}">'
                + html.escape(
                    "✖ "
                    + self.tr("This period was missed: the record is filled in late and marked so.")
                )
                + "</b>"
            )
        intro = QLabel("<br>".join(lines))
        intro.setObjectName("check-intro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        intro.setAccessibleName(self.tr("About this sheet"))
        self.intro = intro
        self.layout_.insertWidget(0, intro)

    def _items(self) -> None:
        inner = QWidget()
        inner.setObjectName("check-items")
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 0, 4, 0)
        column.setSpacing(0)
        for index in range(len(self.template.items)):
            row = ItemRow(index + 1, self.template, index)
            column.addWidget(row)
            self.rows.append(row)
        column.addStretch(1)
        self.items_area = QScrollArea()
        self.items_area.setObjectName("check-items-scroll")
        self.items_area.setWidgetResizable(True)
        self.items_area.setWidget(inner)
        self.items = inner
        self.items_area.setAccessibleName(self.tr("Items"))
        self.items_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        caption = QLabel(self.tr("&Items (%1)").replace("%1", str(len(self.rows))))
        if self.rows:
            caption.setBuddy(self.rows[0].normal)
        self.all_normal = QPushButton(self.tr("Mark all &normal"))
        self.all_normal.setObjectName("check-all-normal")
        self.all_normal.setAccessibleName(self.tr("Mark all normal"))
        self.all_normal.setToolTip(
            self.tr("Every item not answered yet becomes normal; abnormal answers stay.")
        )
        self.all_normal.setAutoDefault(False)
        self.all_normal.clicked.connect(self.mark_all_normal)
        self.answered = QLabel()
        self.answered.setObjectName("check-answered")
        for row in self.rows:
            row.group.buttonToggled.connect(lambda _b, _on: self._count())
        self._count()
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.answered, 1)
        top.addWidget(self.all_normal)
        self.layout_.insertLayout(1, top)
        self.layout_.insertWidget(2, self.items_area, 1)

    def _size(self) -> None:
        wanted = self.items.sizeHint().height() + 4
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() if screen is not None else 900
        self.items_area.setMinimumHeight(min(wanted, max(200, room // 2)))
        width = screen.availableGeometry().width() if screen is not None else 1280
        self.resize(
            max(self.minimumWidth(), min(1040, width - 80)),
            min(self.sizeHint().height(), room - 80),
        )

    def _count(self) -> None:
        done = sum(1 for row in self.rows if row.answer() is not None)
        abnormal = sum(1 for row in self.rows if row.answer() is False)
        text = (
            self.tr("%1 of %2 answered").replace("%1", str(done)).replace("%2", str(len(self.rows)))
        )
        if abnormal:
            text += " · " + self.tr("⚠ %1 abnormal").replace("%1", str(abnormal))
        self.answered.setText(text)

    def row_of(self, item_id: str) -> ItemRow:
        return next(row for row in self.rows if row.item.id == item_id)

    def mark_all_normal(self) -> None:
        for row in self.rows:
            if row.answer() is None:
                row.normal.setChecked(True)
        (self.password if self.user.text().strip() else self.user).setFocus()

    def results(self) -> dict[str, tuple[bool, str]]:
        """The answered items, as CheckService.record takes them (it refuses the others)."""
        answers = {}
        for row in self.rows:
            answer = row.answer()
            if answer is not None:
                answers[row.item.id] = (answer, row.note.text())
        return answers

    def accept(self) -> None:
        name, password = self.user.text().strip(), self.password.text()
        if not name or not password:
            show_error(self.error, self.tr("Enter your user name and password to sign."))
            (self.password if name else self.user).setFocus()
            return
        checks = self.ctx.desk.checks
        template_id, start = self.template.id, self.status.period_start
        results, note = self.results(), self.note.toPlainText()
        self.submit(
            lambda: checks.record(name, password, template_id, results, note, period_start=start)
        )

    def failed(self, exc: Exception) -> None:
        if isinstance(exc, BadCredentials | AccountLocked):
            self.password.clear()
            self.password.setFocus()
            return
        if isinstance(exc, CheckError) and exc.code in ("unanswered", "note_required"):
            marked = [row for row in self.rows if row.mark()]
            if marked:
                self.items_area.ensureWidgetVisible(marked[0])
                marked[0].focus_target().setFocus()

    @property
    def record(self) -> CheckRecordView | None:
        value = self.result_value
        return value if isinstance(value, CheckRecordView) else None


# -- fault reports ------------------------------------------------------------------------------


def _text_field(placeholder: str) -> QPlainTextEdit:
    field = QPlainTextEdit()
    field.setTabChangesFocus(True)
    field.setPlaceholderText(placeholder)
    field.setMinimumHeight(90)
    return field


class ReportFaultDialog(_AsyncDialog):
    """A fault found outside a check sheet: what is faulty, and details."""

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Report a fault"), parent)
        self.setObjectName("fault-report-dialog")
        self.setMinimumWidth(480)
        self.ctx = ctx
        self.title = QLineEdit()
        self.title.setPlaceholderText(
            self.tr("e.g. smoke detector, building 3, floor 2: fault lamp on")
        )
        add_field(self.form, self.tr("&What is faulty"), self.title, "fault-title")
        self.note = _text_field(self.tr("where, since when, who was told"))
        add_field(self.form, self.tr("&Details"), self.note, "fault-note")
        self.finish_layout(self.tr("&Report"))
        self.title.setFocus()

    def accept(self) -> None:
        checks, actor = self.ctx.desk.checks, self.ctx.actor
        title, note = self.title.text(), self.note.toPlainText()
        self.submit(lambda: checks.report_fault(actor, title, note))

    @property
    def fault(self) -> FaultView | None:
        return self.result_value if isinstance(self.result_value, FaultView) else None


class RepairDialog(_AsyncDialog):
    """Close a fault report: what was repaired, and how."""

    def __init__(
        self,
        ctx: PaneContext,
        fault: FaultView,
        names: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Fault #%1 repaired").replace("%1", str(fault.id)), parent)
        self.setObjectName("fault-repair-dialog")
        self.setMinimumWidth(480)
        self.ctx, self.fault = ctx, fault
        tz = ctx.desk.site.tz()
        opened = (
            self.tr("Opened %1 by %2")
            .replace("%1", local(fault.opened_at, tz))
            .replace("%2", who(fault.opened_by, names))
        )
        parts = [f"<b>#{fault.id} {html.escape(fault.title)}</b>", html.escape(opened)]
        if fault.note:
            parts.append(html.escape(fault.note).replace("\n", "<br>"))
        intro = QLabel("<br>".join(parts))
        intro.setObjectName("fault-intro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        intro.setAccessibleName(self.tr("The fault"))
        self.layout_.insertWidget(0, intro)
        self.note = _text_field(self.tr("what was repaired or replaced, by whom; is it tested?"))
        add_field(self.form, self.tr("&What was repaired and how"), self.note, "repair-note")
        self.finish_layout(self.tr("&Repaired"))
        self.note.setFocus()

    def accept(self) -> None:
        checks, actor, fault_id = self.ctx.desk.checks, self.ctx.actor, self.fault.id
        note = self.note.toPlainText()
        self.submit(lambda: checks.repair(actor, fault_id, note))

    @property
    def repaired(self) -> FaultView | None:
        return self.result_value if isinstance(self.result_value, FaultView) else None
