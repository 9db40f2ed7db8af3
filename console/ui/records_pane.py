"""Lift and complaint records (电梯困人与投诉记录): lift entrapments (rule 3.4.6) and residents'
complaints (rule 3.4.7), each followed to the end.

Two tabs, one per kind: open records first (bold, "Open"), then those closed in the last 30
days; a lift with people still trapped says so in words and counts the minutes. The selected
record's whole story shows under its table. The pane holds no rules: every change is a call
into IncidentService on the thread pool, a refusal is worded by `describe()`, and the tables
reload when core publishes "duty.incident" and every 30 s.

The resident's name is personal data: it is shown here, but this module never logs it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    Qt,
    QTime,
    QTimer,
    QTimeZone,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.core.changes import database_back
from console.core.events import Event
from console.core.incidents import MAX_TRAPPED, ComplaintView, IncidentService, LiftView
from console.ui.dialogs import _AsyncDialog
from console.ui.forms import add_field, error_label, show_error, text_field
from console.ui.panes import PaneContext, PaneSpec, raise_dock, register
from console.ui.record_table import ALERT, RecordTable, RecordTableModel, html_block, html_line
from console.ui.wording import describe, describe_load
from console.ui.worker import run_in_background

RECENT_DAYS = 30  # closed records shown
EXCERPT = 48  # characters of a free text shown in a table cell (all of it in the tooltip)

V = TypeVar("V", LiftView, ComplaintView)


# Whom the desk calls (rule 3.4.6) and escalates to (rule 3.4.7). The record keeps the site's
# own term, whatever the operator's language; the screen shows it in the operator's language.
def call_choices() -> list[tuple[str, str]]:
    return [
        ("班长", QCoreApplication.translate("RecordsPane", "Squad leader (班长)")),
        ("电梯维保", QCoreApplication.translate("RecordsPane", "Lift technician (电梯维保)")),
        ("工程部", QCoreApplication.translate("RecordsPane", "Engineering (工程部)")),
    ]


def escalate_choices() -> list[tuple[str, str]]:
    return [
        ("班长", QCoreApplication.translate("RecordsPane", "Squad leader (班长)")),
        ("保安主管", QCoreApplication.translate("RecordsPane", "Security supervisor (保安主管)")),
        (
            "管理处经理",
            QCoreApplication.translate("RecordsPane", "Management office manager (管理处经理)"),
        ),
    ]


def person_label(stored: str) -> str:
    """A stored "who" in the operator's language when it is one of the usual ones."""
    labels = dict(call_choices() + escalate_choices())
    return labels.get(stored, stored)


def excerpt(text: str, limit: int = EXCERPT) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def trapped_minutes(lift: LiftView, now: datetime) -> int:
    return max(0, int((now - lift.reported_at).total_seconds() // 60))


def duration(minutes: int) -> str:
    """ "14 min", "2 h 5 min"."""
    if minutes < 60:
        return QCoreApplication.translate("RecordsPane", "%1 min").replace("%1", str(minutes))
    return (
        QCoreApplication.translate("RecordsPane", "%1 h %2 min")
        .replace("%1", str(minutes // 60))
        .replace("%2", str(minutes % 60))
    )


def trapped_text(lift: LiftView, now: datetime) -> str:
    """The lift's entrapment in words: never by colour alone."""
    if lift.still_trapped:
        return QCoreApplication.translate("RecordsPane", "⚠ Trapped %1").replace(
            "%1", duration(trapped_minutes(lift, now))
        )
    if lift.seconds_trapped is not None and lift.people_trapped > 0:
        minutes = int(lift.seconds_trapped // 60)
        return QCoreApplication.translate("RecordsPane", "Freed after %1").replace(
            "%1", duration(minutes)
        )
    if lift.people_trapped == 0:
        return QCoreApplication.translate("RecordsPane", "No one trapped")
    return ""


def order_lifts(open_now: Sequence[LiftView], recent: Sequence[LiftView]) -> list[LiftView]:
    """Open records first (people still trapped before the rest), newest first in each group;
    then the recent closed ones, newest first."""
    rows = {v.id: v for v in recent if not v.is_open}
    rows.update({v.id: v for v in open_now})
    return sorted(
        rows.values(),
        key=lambda v: (not v.is_open, not v.still_trapped, -v.reported_at.timestamp(), -v.id),
    )


def order_complaints(
    open_now: Sequence[ComplaintView], recent: Sequence[ComplaintView]
) -> list[ComplaintView]:
    """Open complaints first, then the recent closed ones; newest first in each."""
    rows = {v.id: v for v in recent if not v.is_open}
    rows.update({v.id: v for v in open_now})
    return sorted(rows.values(), key=lambda v: (not v.is_open, -v.received_at.timestamp(), -v.id))


# -- table models -------------------------------------------------------------------------------


class _RecordModel(RecordTableModel[V]):
    """Rows of lift or complaint records; open ones bold."""

    def bold(self, view: V) -> bool:
        return view.is_open

    @staticmethod
    def status(is_open: bool) -> str:
        if is_open:
            return QCoreApplication.translate("RecordsPane", "Open")
        return QCoreApplication.translate("RecordsPane", "Closed")

    def local(self, moment: datetime | None) -> str:
        return moment.astimezone(self.tz).strftime("%m-%d %H:%M") if moment else ""


class LiftModel(_RecordModel[LiftView]):
    STATUS, LIFT, PEOPLE, REPORTED, TRAPPED, CALLS, AMBULANCE, CLOSED = range(8)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("RecordsPane", "Status"),
            QCoreApplication.translate("RecordsPane", "Lift"),
            QCoreApplication.translate("RecordsPane", "People trapped"),
            QCoreApplication.translate("RecordsPane", "Reported"),
            QCoreApplication.translate("RecordsPane", "Entrapment"),
            QCoreApplication.translate("RecordsPane", "Called"),
            QCoreApplication.translate("RecordsPane", "120 called"),
            QCoreApplication.translate("RecordsPane", "Closed"),
        ]

    def cell(self, view: LiftView, column: int) -> str:
        if column == self.STATUS:
            return self.status(view.is_open)
        if column == self.LIFT:
            return view.lift_no
        if column == self.PEOPLE:
            return str(view.people_trapped)
        if column == self.REPORTED:
            return self.local(view.reported_at)
        if column == self.TRAPPED:
            return trapped_text(view, self.now)
        if column == self.CALLS:
            return ", ".join(person_label(who) for who, _at in view.calls)
        if column == self.AMBULANCE:
            return self.local(view.ambulance_called_at)
        if column == self.CLOSED:
            return self.local(view.closed_at)
        return ""

    def alert(self, view: LiftView, column: int) -> bool:
        return column in (self.STATUS, self.TRAPPED) and view.still_trapped

    def tooltip(self, view: LiftView, column: int) -> str | None:
        if column == self.AMBULANCE and view.ambulance_called_at:
            return QCoreApplication.translate("RecordsPane", "Someone was injured: 120 called")
        return None

    def tick(self, now: datetime) -> None:
        """Count the minutes on: only the entrapment column changes."""
        self.now = now
        if self.rows:
            self.dataChanged.emit(
                self.index(0, self.TRAPPED),
                self.index(len(self.rows) - 1, self.TRAPPED),
                [Qt.ItemDataRole.DisplayRole],
            )


class ComplaintModel(_RecordModel[ComplaintView]):
    STATUS, RECEIVED, RESIDENT, UNIT, MATTER, NEXT, ESCALATED, FOLLOW_UP, CLOSED = range(9)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("RecordsPane", "Status"),
            QCoreApplication.translate("RecordsPane", "Received"),
            QCoreApplication.translate("RecordsPane", "Resident"),
            QCoreApplication.translate("RecordsPane", "Unit"),
            QCoreApplication.translate("RecordsPane", "Matter"),
            QCoreApplication.translate("RecordsPane", "Next step"),
            QCoreApplication.translate("RecordsPane", "Escalated to"),
            QCoreApplication.translate("RecordsPane", "Follow-up call"),
            QCoreApplication.translate("RecordsPane", "Closed"),
        ]

    def cell(self, view: ComplaintView, column: int) -> str:
        if column == self.STATUS:
            return self.status(view.is_open)
        if column == self.RECEIVED:
            return self.local(view.received_at)
        if column == self.RESIDENT:
            return view.resident
        if column == self.UNIT:
            return view.unit
        if column == self.MATTER:
            return excerpt(view.matter)
        if column == self.NEXT:
            return next_step(view)
        if column == self.ESCALATED:
            return person_label(view.escalated_to) if view.escalated_to else ""
        if column == self.FOLLOW_UP:
            return self.local(view.followup_at)
        if column == self.CLOSED:
            return self.local(view.closed_at)
        return ""

    def tooltip(self, view: ComplaintView, column: int) -> str | None:
        if column == self.MATTER:
            return view.matter
        if column == self.FOLLOW_UP and view.followup_outcome:
            return view.followup_outcome
        return None


def next_step(view: ComplaintView) -> str:
    """What an open complaint waits for before it can close (rule 3.4.7)."""
    if not view.is_open:
        return ""
    if not view.handling.strip():
        return QCoreApplication.translate("RecordsPane", "Write the handling")
    if view.followup_at is None:
        return QCoreApplication.translate("RecordsPane", "Follow-up call")
    return QCoreApplication.translate("RecordsPane", "Ready to close")


# -- dialogs ------------------------------------------------------------------------------------


class WhenEdit(QDateTimeEdit):
    """A time in the site's zone, to the minute. Left alone it means "now" (`picked()` gives
    None, and core takes its own clock)."""

    def __init__(self, tz: ZoneInfo, now: datetime) -> None:
        super().__init__()
        self.tz = tz
        self.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))  # plain fields: no DST shifts
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        local = now.astimezone(tz)
        self.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute),
                QTimeZone(QTimeZone.Initialization.UTC),
            )
        )
        self.touched = False
        self.dateTimeChanged.connect(self._touch)

    def _touch(self) -> None:
        self.touched = True

    def picked(self, since: datetime | None = None) -> datetime | None:
        if not self.touched:
            return None
        day, clock = self.date(), self.time()
        at = datetime(
            day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=self.tz
        )
        if since is not None and since - timedelta(minutes=1) < at < since:
            return since  # the minute the record began: the field cannot show its seconds
        return at


def person_field(choices: list[tuple[str, str]]) -> QComboBox:
    """An editable list of the usual people; anything else may be typed."""
    field = QComboBox()
    field.setEditable(True)
    field.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for stored, label in choices:
        field.addItem(label, stored)
    return field


def chosen_person(field: QComboBox) -> str:
    """The site's term for a listed person, else the text as typed."""
    text = field.currentText().strip()
    index = field.findText(text, Qt.MatchFlag.MatchFixedString)
    return str(field.itemData(index)) if index >= 0 else text


class _RecordDialog(_AsyncDialog):
    """OK reads the fields on the GUI thread, then runs the core call on the thread pool; a
    refusal is worded in the dialog, which stays open."""

    def __init__(self, title: str, parent: QWidget, intro: str = "", warning: str = "") -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(440)
        if intro:
            label = QLabel(intro)
            label.setObjectName("record-intro")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            self.layout_.insertWidget(0, label)
            self.intro = label
        if warning:  # said before OK, in words and in the error colour
            self.warning = error_label()
            self.warning.setObjectName("record-warning")
            self.warning.setAccessibleName(self.tr("Warning"))
            show_error(self.warning, warning)
            self.layout_.insertWidget(1 if intro else 0, self.warning)

    def call(self) -> Callable[[], Any]:
        raise NotImplementedError

    def accept(self) -> None:
        self.submit(self.call())


def lift_intro(lift: LiftView, tz: ZoneInfo) -> str:
    return (
        QCoreApplication.translate("RecordsPane", "Lift %1 · %2 trapped · reported %3")
        .replace("%1", lift.lift_no)
        .replace("%2", str(lift.people_trapped))
        .replace("%3", lift.reported_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"))
    )


class NewLiftDialog(_RecordDialog):
    def __init__(self, pane: RecordsPane) -> None:
        super().__init__(
            QCoreApplication.translate("RecordsPane", "New lift entrapment record"), pane
        )
        self.pane = pane
        self.lift_no = QLineEdit()
        self.lift_no.setMaxLength(32)
        self.lift_no.setPlaceholderText(self.tr("e.g. 3号楼2号梯"))
        self.trapped = QSpinBox()
        self.trapped.setRange(0, MAX_TRAPPED)
        self.trapped.setValue(1)
        self.note = text_field(self.tr("What the people trapped said, floor, first steps"))
        add_field(self.form, self.tr("&Lift number"), self.lift_no, "lift-no")
        add_field(self.form, self.tr("&People trapped"), self.trapped, "people-trapped")
        add_field(self.form, self.tr("&Note"), self.note, "lift-note")
        self.finish_layout(self.tr("&Open record"))
        self.lift_no.setFocus()

    def call(self) -> Callable[[], Any]:
        incidents, actor = self.pane.incidents, self.pane.ctx.actor
        lift_no, trapped, note = self.lift_no.text(), self.trapped.value(), self.note.toPlainText()
        return lambda: incidents.open_lift(actor, lift_no, trapped, note)


class CallDialog(_RecordDialog):
    def __init__(self, pane: RecordsPane, lift: LiftView) -> None:
        super().__init__(
            QCoreApplication.translate("RecordsPane", "Record a call"),
            pane,
            lift_intro(lift, pane.tz),
        )
        self.pane, self.lift = pane, lift
        self.who = person_field(call_choices())
        self.when = WhenEdit(pane.tz, pane.incidents.clock())
        add_field(self.form, self.tr("&Who was called"), self.who, "call-who")
        add_field(self.form, self.tr("&When"), self.when, "call-time")
        self.finish_layout(self.tr("&Record call"))
        self.who.setFocus()

    def call(self) -> Callable[[], Any]:
        incidents, actor, lift_id = self.pane.incidents, self.pane.ctx.actor, self.lift.id
        who, at = chosen_person(self.who), self.when.picked(self.lift.reported_at)
        return lambda: incidents.add_call(actor, lift_id, who, at)


class AmbulanceDialog(_RecordDialog):
    def __init__(self, pane: RecordsPane, lift: LiftView) -> None:
        intro = (
            lift_intro(lift, pane.tz)
            + "\n\n"
            + QCoreApplication.translate(
                "RecordsPane",
                "Someone is injured and 120 has been called: record it on this lift record?",
            )
        )
        super().__init__(QCoreApplication.translate("RecordsPane", "120 called"), pane, intro)
        self.pane, self.lift = pane, lift
        self.when = WhenEdit(pane.tz, pane.incidents.clock())
        add_field(self.form, self.tr("&When was 120 called"), self.when, "ambulance-time")
        self.finish_layout(self.tr("Record 12&0 called"))

    def call(self) -> Callable[[], Any]:
        incidents, actor, lift_id = self.pane.incidents, self.pane.ctx.actor, self.lift.id
        at = self.when.picked(self.lift.reported_at)
        return lambda: incidents.call_ambulance(actor, lift_id, at)


class FreedDialog(_RecordDialog):
    def __init__(self, pane: RecordsPane, lift: LiftView) -> None:
        super().__init__(
            QCoreApplication.translate("RecordsPane", "People freed"),
            pane,
            lift_intro(lift, pane.tz),
        )
        self.pane, self.lift = pane, lift
        self.when = WhenEdit(pane.tz, pane.incidents.clock())
        add_field(self.form, self.tr("&When were they freed"), self.when, "freed-time")
        self.finish_layout(self.tr("Record &freed"))

    def call(self) -> Callable[[], Any]:
        incidents, actor, lift_id = self.pane.incidents, self.pane.ctx.actor, self.lift.id
        at = self.when.picked(self.lift.reported_at)
        return lambda: incidents.freed(actor, lift_id, at)


class CloseLiftDialog(_RecordDialog):
    def __init__(self, pane: RecordsPane, lift: LiftView) -> None:
        warning = ""
        if lift.still_trapped:
            warning = QCoreApplication.translate(
                "RecordsPane",
                "People are still recorded as trapped: record them freed before closing.",
            )
        super().__init__(
            QCoreApplication.translate("RecordsPane", "Close lift record"),
            pane,
            lift_intro(lift, pane.tz),
            warning,
        )
        self.pane, self.lift = pane, lift
        self.outcome = text_field(self.tr("How it ended: cause, who came, anyone hurt"))
        add_field(self.form, self.tr("&Outcome"), self.outcome, "lift-outcome")
        self.finish_layout(self.tr("&Close record"))
        self.outcome.setFocus()

    def call(self) -> Callable[[], Any]:
        incidents, actor, lift_id = self.pane.incidents, self.pane.ctx.actor, self.lift.id
        outcome = self.outcome.toPlainText()
        return lambda: incidents.close_lift(actor, lift_id, outcome)


def complaint_intro(view: ComplaintView) -> str:
    return (
        QCoreApplication.translate("RecordsPane", "Complaint from %1: %2")
        .replace("%1", view.unit)
        .replace("%2", excerpt(view.matter, 120))
    )


class NewComplaintDialog(_RecordDialog):
    def __init__(self, pane: RecordsPane) -> None:
        super().__init__(QCoreApplication.translate("RecordsPane", "New resident complaint"), pane)
        self.pane = pane
        self.resident = QLineEdit()
        self.resident.setMaxLength(128)
        self.unit = QLineEdit()
        self.unit.setMaxLength(64)
        self.unit.setPlaceholderText(self.tr("e.g. 3-2-501"))
        self.matter = text_field(self.tr("What the resident complains about"))
        add_field(self.form, self.tr("&Resident's name"), self.resident, "complaint-resident")
        add_field(self.form, self.tr("&Unit (room)"), self.unit, "complaint-unit")
        add_field(self.form, self.tr("&Matter"), self.matter, "complaint-matter")
        self.finish_layout(self.tr("&Open record"))
        self.resident.setFocus()

    def call(self) -> Callable[[], Any]:
        incidents, actor = self.pane.incidents, self.pane.ctx.actor
        resident, unit, matter = self.resident.text(), self.unit.text(), self.matter.toPlainText()
        return lambda: incidents.open_complaint(actor, resident, unit, matter)


class HandlingDialog(_RecordDialog):
    def __init__(self, pane: RecordsPane, view: ComplaintView) -> None:
        super().__init__(
            QCoreApplication.translate("RecordsPane", "Complaint handling"),
            pane,
            complaint_intro(view),
        )
        self.pane, self.view = pane, view
        self.text = text_field(self.tr("What was done, who was told"))
        add_field(self.form, self.tr("&Handling"), self.text, "complaint-handling")
        self.finish_layout(self.tr("&Add handling"))
        self.text.setFocus()

    def call(self) -> Callable[[], Any]:
        incidents, actor, complaint_id = self.pane.incidents, self.pane.ctx.actor, self.view.id
        text = self.text.toPlainText()
        return lambda: incidents.handle(actor, complaint_id, text)


class EscalateDialog(_RecordDialog):
    def __init__(self, pane: RecordsPane, view: ComplaintView) -> None:
        super().__init__(
            QCoreApplication.translate("RecordsPane", "Escalate complaint"),
            pane,
            complaint_intro(view),
        )
        self.pane, self.view = pane, view
        self.to = person_field(escalate_choices())
        add_field(self.form, self.tr("Escalated &to"), self.to, "escalate-to")
        self.finish_layout(self.tr("&Escalate"))
        self.to.setFocus()

    def call(self) -> Callable[[], Any]:
        incidents, actor, complaint_id = self.pane.incidents, self.pane.ctx.actor, self.view.id
        to = chosen_person(self.to)
        return lambda: incidents.escalate(actor, complaint_id, to)


class FollowUpDialog(_RecordDialog):
    def __init__(self, pane: RecordsPane, view: ComplaintView) -> None:
        super().__init__(
            QCoreApplication.translate("RecordsPane", "Follow-up call (回访)"),
            pane,
            complaint_intro(view),
        )
        self.pane, self.view = pane, view
        self.outcome = text_field(self.tr("What the resident said"))
        self.when = WhenEdit(pane.tz, pane.incidents.clock())
        add_field(self.form, self.tr("&Outcome"), self.outcome, "followup-outcome")
        add_field(self.form, self.tr("&When"), self.when, "followup-time")
        self.finish_layout(self.tr("&Record call"))
        self.outcome.setFocus()

    def call(self) -> Callable[[], Any]:
        incidents, actor, complaint_id = self.pane.incidents, self.pane.ctx.actor, self.view.id
        outcome, at = self.outcome.toPlainText(), self.when.picked(self.view.received_at)
        return lambda: incidents.follow_up(actor, complaint_id, outcome, at)


# -- the tabs -----------------------------------------------------------------------------------


def _button(text: str, slot: Callable[[], None], parent: QWidget) -> tuple[QAction, QPushButton]:
    """A push button (with its & mnemonic) and a context-menu action doing the same."""
    name = text.replace("&", "").rstrip("…")
    action = QAction(text, parent)
    action.triggered.connect(slot)
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setObjectName("records-" + name.lower().replace(" ", "-"))
    button.clicked.connect(slot)
    return action, button


class _RecordTab(QWidget, Generic[V]):
    """A table of records, the actions on the selected one, and its whole story below."""

    def __init__(self, pane: RecordsPane, model: _RecordModel[V], name: str) -> None:
        super().__init__()
        self.pane = pane
        self.model: _RecordModel[V] = model
        self.summary = QLabel()
        self.summary.setObjectName("records-summary")
        self.summary.setWordWrap(True)
        self.error = error_label()
        self.table: RecordTable[V] = RecordTable(model, name, "records-table")
        self.table.selection_changed.connect(self._selection_changed)
        self.detail = QTextBrowser()
        self.detail.setObjectName("records-detail")
        self.detail.setAccessibleName(self.tr("Selected record, in full"))
        self.detail.setOpenLinks(False)
        self.detail.document().setDefaultStyleSheet(
            "p { margin-top: 1px; margin-bottom: 3px; } h3 { margin-bottom: 4px; }"
            " ul { margin-top: 0px; margin-bottom: 3px; }"
        )
        self.buttons = QHBoxLayout()
        self.actions_: list[tuple[QAction, QPushButton]] = []

    def add_action(self, text: str, slot: Callable[[], None], separate: bool = False) -> QAction:
        action, button = _button(text, slot, self)
        if separate:
            self.buttons.addSpacing(12)
            separator = QAction(self)
            separator.setSeparator(True)
            self.table.addAction(separator)
        self.buttons.addWidget(button)
        self.table.addAction(action)
        self.actions_.append((action, button))
        return action

    def finish_layout(self) -> None:
        self.buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addLayout(self.buttons)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)

    def button_of(self, action: QAction) -> QPushButton:
        return next(button for candidate, button in self.actions_ if candidate is action)

    def enable(self, action: QAction, on: bool) -> None:
        for candidate, button in self.actions_:
            if candidate is action:
                action.setEnabled(on)
                button.setEnabled(on)

    # -- rows and selection ---------------------------------------------------------------------

    @property
    def selected_id(self) -> int | None:
        return self.table.selected_id

    def set_rows(self, rows: list[V], now: datetime) -> None:
        self.table.set_rows(rows, now)

    def select_id(self, record_id: int) -> None:
        self.table.select_id(record_id)

    def _selection_changed(self, moved: bool) -> None:
        if moved:
            self.error.hide()
        self.show_selected()

    def selected(self) -> V | None:
        return self.table.selected()

    def show_selected(self) -> None:
        view = self.selected()
        self.update_actions(view)
        if view is None:
            self.detail.setHtml(html.escape(self.tr("No record selected")))
        else:
            self.detail.setHtml(self.record_html(view))

    # subclasses
    def update_actions(self, view: V | None) -> None:
        raise NotImplementedError

    def record_html(self, view: V) -> str:
        raise NotImplementedError

    # -- detail helpers -------------------------------------------------------------------------

    def local(self, moment: datetime | None) -> str:
        return moment.astimezone(self.pane.tz).strftime("%Y-%m-%d %H:%M") if moment else "—"

    def failed(self, exc: Exception) -> None:
        show_error(self.error, describe(exc))


class LiftsTab(_RecordTab[LiftView]):
    def __init__(self, pane: RecordsPane) -> None:
        super().__init__(
            pane,
            LiftModel(pane.tz),
            QCoreApplication.translate("RecordsPane", "Lift entrapment records"),
        )
        self.setObjectName("records-lifts")
        self.table.setObjectName("lift-table")
        self.detail.setObjectName("lift-detail")
        self.new_action = self.add_action(self.tr("&New…"), pane.new_lift)
        self.new_action.setToolTip(self.tr("New lift entrapment record"))
        self.button_of(self.new_action).setAccessibleName(self.new_action.toolTip())
        self.call_action = self.add_action(self.tr("Call&ed…"), self.record_call, separate=True)
        self.ambulance_action = self.add_action(self.tr("Called 12&0…"), self.record_ambulance)
        self.freed_action = self.add_action(self.tr("&Freed…"), self.record_freed)
        self.close_action = self.add_action(self.tr("Cl&ose…"), self.close_record)
        self.finish_layout()

    def update_actions(self, view: LiftView | None) -> None:
        is_open = view is not None and view.is_open
        self.enable(self.call_action, is_open)
        self.enable(
            self.ambulance_action,
            is_open and view is not None and view.ambulance_called_at is None,
        )
        self.enable(self.freed_action, is_open and view is not None and view.still_trapped)
        self.enable(self.close_action, is_open)

    def record_html(self, view: LiftView) -> str:
        now = self.model.now
        status = self.tr("Open") if view.is_open else self.tr("Closed")
        title = self.tr("Lift %1").replace("%1", view.lift_no)
        parts = [
            f"<h3>{html.escape(title)} — {html.escape(status)}</h3>",
            html_line(
                self.tr("Reported:"),
                self.tr("%1 by %2")
                .replace("%1", self.local(view.reported_at))
                .replace("%2", view.opened_by),
            ),
            html_line(self.tr("People trapped:"), str(view.people_trapped)),
        ]
        if view.still_trapped:
            text = self.tr("⚠ Still trapped, for %1").replace(
                "%1", duration(trapped_minutes(view, now))
            )
            parts.append(f'<p style="color: {ALERT.name()}"><b>{html.escape(text)}</b></p>')
        elif view.freed_at is not None:
            parts.append(
                html_line(
                    self.tr("Freed:"),
                    self.tr("%1 (after %2)")
                    .replace("%1", self.local(view.freed_at))
                    .replace("%2", duration(int((view.seconds_trapped or 0) // 60))),
                )
            )
        calls = self.tr("Calls:")
        parts.append(f"<p><b>{html.escape(calls)}</b></p>")
        if view.calls:
            items = "".join(
                f"<li>{html.escape(self.local(at))} — {html.escape(person_label(who))}</li>"
                for who, at in view.calls
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            nobody = self.tr("No one called yet")
            parts.append(f"<p>{html.escape(nobody)}</p>")
        if view.ambulance_called_at is not None:
            parts.append(
                html_line(
                    self.tr("120:"),
                    self.tr("someone injured; 120 called %1").replace(
                        "%1", self.local(view.ambulance_called_at)
                    ),
                )
            )
        if view.note:
            parts.append(html_block(self.tr("Note:"), view.note))
        if view.closed_at is not None:
            parts.append(
                html_line(
                    self.tr("Closed:"),
                    self.tr("%1 by %2")
                    .replace("%1", self.local(view.closed_at))
                    .replace("%2", view.closed_by or ""),
                )
            )
            parts.append(html_block(self.tr("Outcome:"), view.outcome or ""))
        return "".join(parts)

    # -- actions (each on the selected record) ----------------------------------------------------

    def _open_selected(self) -> LiftView | None:
        view = self.selected()
        return view if view is not None and view.is_open else None

    def record_call(self) -> None:
        if (view := self._open_selected()) is not None:
            self.pane.open_dialog(CallDialog(self.pane, view), self)

    def record_ambulance(self) -> None:
        view = self._open_selected()
        if view is not None and view.ambulance_called_at is None:
            self.pane.open_dialog(AmbulanceDialog(self.pane, view), self)

    def record_freed(self) -> None:
        view = self._open_selected()
        if view is not None and view.still_trapped:
            self.pane.open_dialog(FreedDialog(self.pane, view), self)

    def close_record(self) -> None:
        if (view := self._open_selected()) is not None:
            self.pane.open_dialog(CloseLiftDialog(self.pane, view), self)


class ComplaintsTab(_RecordTab[ComplaintView]):
    def __init__(self, pane: RecordsPane) -> None:
        super().__init__(
            pane,
            ComplaintModel(pane.tz),
            QCoreApplication.translate("RecordsPane", "Resident complaint records"),
        )
        self.setObjectName("records-complaints")
        self.table.setObjectName("complaint-table")
        self.detail.setObjectName("complaint-detail")
        self.new_action = self.add_action(self.tr("&New…"), pane.new_complaint)
        self.new_action.setToolTip(self.tr("New resident complaint"))
        self.button_of(self.new_action).setAccessibleName(self.new_action.toolTip())
        self.handle_action = self.add_action(self.tr("Handl&ing…"), self.record_handling, True)
        self.escalate_action = self.add_action(self.tr("Escala&te…"), self.escalate)
        self.follow_up_action = self.add_action(self.tr("Follo&w-up call…"), self.follow_up)
        self.close_action = self.add_action(self.tr("Cl&ose"), self.close_record)
        self.finish_layout()

    def update_actions(self, view: ComplaintView | None) -> None:
        is_open = view is not None and view.is_open
        for action in (
            self.handle_action,
            self.escalate_action,
            self.follow_up_action,
            self.close_action,
        ):
            self.enable(action, is_open)

    def record_html(self, view: ComplaintView) -> str:
        status = self.tr("Open") if view.is_open else self.tr("Closed")
        title = self.tr("Complaint %1 · %2").replace("%1", str(view.id)).replace("%2", view.unit)
        parts = [
            f"<h3>{html.escape(title)} — {html.escape(status)}</h3>",
            html_line(
                self.tr("Received:"),
                self.tr("%1 by %2")
                .replace("%1", self.local(view.received_at))
                .replace("%2", view.received_by),
            ),
            html_line(self.tr("Resident:"), view.resident or "—"),
            html_block(self.tr("Matter:"), view.matter),
            html_block(self.tr("Handling:"), view.handling.strip() or self.tr("Not written yet")),
        ]
        if view.escalated_to:
            parts.append(
                html_line(
                    self.tr("Escalated to:"),
                    self.tr("%1, %2")
                    .replace("%1", person_label(view.escalated_to))
                    .replace("%2", self.local(view.escalated_at)),
                )
            )
        if view.followup_at is not None:
            parts.append(
                html_block(
                    self.tr("Follow-up call %1:").replace("%1", self.local(view.followup_at)),
                    view.followup_outcome or "",
                )
            )
        else:
            parts.append(html_line(self.tr("Follow-up call:"), self.tr("not made yet")))
        if view.closed_at is not None:
            parts.append(
                html_line(
                    self.tr("Closed:"),
                    self.tr("%1 by %2")
                    .replace("%1", self.local(view.closed_at))
                    .replace("%2", view.closed_by or ""),
                )
            )
        elif view.is_open:
            parts.append(html_line(self.tr("Next step:"), next_step(view)))
        return "".join(parts)

    # -- actions --------------------------------------------------------------------------------

    def _open_selected(self) -> ComplaintView | None:
        view = self.selected()
        return view if view is not None and view.is_open else None

    def record_handling(self) -> None:
        if (view := self._open_selected()) is not None:
            self.pane.open_dialog(HandlingDialog(self.pane, view), self)

    def escalate(self) -> None:
        if (view := self._open_selected()) is not None:
            self.pane.open_dialog(EscalateDialog(self.pane, view), self)

    def follow_up(self) -> None:
        if (view := self._open_selected()) is not None:
            self.pane.open_dialog(FollowUpDialog(self.pane, view), self)

    def close_record(self) -> None:
        """Closing asks nothing more: core refuses until handling and follow-up are in."""
        view = self._open_selected()
        if view is None:
            return
        incidents, actor, complaint_id = self.pane.incidents, self.pane.ctx.actor, view.id
        self.error.hide()

        def done(_closed: ComplaintView) -> None:
            self.pane.refresh()

        run_in_background(
            self, lambda: incidents.close_complaint(actor, complaint_id), done, self.failed
        )


# -- the pane -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    now: datetime
    lifts: list[LiftView]
    complaints: list[ComplaintView]


def load_records(incidents: IncidentService) -> Loaded:
    """Open records and those of the last RECENT_DAYS, read on a worker thread."""
    now = incidents.clock()
    since = now - timedelta(days=RECENT_DAYS)
    return Loaded(
        now=now,
        lifts=order_lifts(incidents.open_lifts(), incidents.lifts(since, None)),
        complaints=order_complaints(incidents.open_complaints(), incidents.complaints(since, None)),
    )


class RecordsPane(QWidget):
    RELOAD_MS = 30_000  # the minutes trapped count on; a record may change on another desk
    DEBOUNCE_MS = 300

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.incidents = ctx.desk.incidents
        self.tz = ctx.desk.site.tz()
        self.dialog: QDialog | None = None  # the one open now (tests reach it here)
        self._loading = self._reload = False
        self.lifts = LiftsTab(self)
        self.complaints = ComplaintsTab(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("records-tabs")
        self.tabs.setAccessibleName(self.tr("Lift and complaint records"))
        self.tabs.addTab(self.lifts, self.tr("&Lifts"))
        self.tabs.addTab(self.complaints, self.tr("Co&mplaints"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._actions = self._make_actions()
        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.timer = QTimer(self, interval=self.RELOAD_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.bridge.published.connect(self._on_event)
        self.refresh()

    def _make_actions(self) -> list[QAction]:
        specs = [
            (self.tr("Lift &entrapment…"), self.new_lift, "Ctrl+Shift+T"),
            (self.tr("Resident &complaint…"), self.new_complaint, "Ctrl+Shift+M"),
        ]
        actions = []
        for text, slot, key in specs:
            action = QAction(text, self)
            action.triggered.connect(slot)
            action.setShortcut(QKeySequence(key))
            actions.append(action)
        return actions

    def menu_actions(self) -> list[QAction]:
        """The Records menu: new records from anywhere in the window."""
        return list(self._actions)

    # -- loading --------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        # Not restarted by later events: a stream of changes still redraws every DEBOUNCE_MS.
        back = database_back(event)
        if (event.topic == "duty.incident" or back) and not self._debounce.isActive():
            self._debounce.start()

    def refresh(self) -> None:
        if self._loading:
            self._reload = True
            return
        self._loading, self._reload = True, False
        incidents = self.incidents
        run_in_background(self, lambda: load_records(incidents), self._loaded, self._load_failed)

    def _loaded(self, loaded: Loaded) -> None:
        self._loading = False
        self.lifts.set_rows(loaded.lifts, loaded.now)
        self.complaints.set_rows(loaded.complaints, loaded.now)
        self._summaries(loaded)
        if self._reload:
            self.refresh()

    def _load_failed(self, exc: Exception) -> None:
        """The records shown stay (the database may be out of reach): a line, no dialog."""
        self._loading = False
        for tab in (self.lifts, self.complaints):
            show_error(tab.error, describe_load(exc))
        if self._reload:
            self.refresh()

    def _summaries(self, loaded: Loaded) -> None:
        open_lifts = [v for v in loaded.lifts if v.is_open]
        trapped = sum(1 for v in open_lifts if v.still_trapped)
        text = (
            self.tr("%1 open, %2 closed in the last %3 days")
            .replace("%1", str(len(open_lifts)))
            .replace("%2", str(len(loaded.lifts) - len(open_lifts)))
            .replace("%3", str(RECENT_DAYS))
        )
        if trapped:
            warning = self.tr("⚠ People trapped in %1 lift(s)").replace("%1", str(trapped))
            text = f"<b style='color: {ALERT.name()}'>{html.escape(warning)}</b> · " + (
                html.escape(text)
            )
        else:
            text = html.escape(text)
        self.lifts.summary.setText(text)
        open_complaints = sum(1 for v in loaded.complaints if v.is_open)
        self.complaints.summary.setText(
            self.tr("%1 open, %2 closed in the last %3 days")
            .replace("%1", str(open_complaints))
            .replace("%2", str(len(loaded.complaints) - open_complaints))
            .replace("%3", str(RECENT_DAYS))
        )
        lift_title = self.tr("&Lifts")
        if trapped:
            lift_title = self.tr("&Lifts ⚠ %1 trapped").replace("%1", str(trapped))
        elif open_lifts:
            lift_title = self.tr("&Lifts (%1 open)").replace("%1", str(len(open_lifts)))
        self.tabs.setTabText(0, lift_title)
        complaint_title = self.tr("Co&mplaints")
        if open_complaints:
            complaint_title = self.tr("Co&mplaints (%1 open)").replace("%1", str(open_complaints))
        self.tabs.setTabText(1, complaint_title)

    # -- dialogs --------------------------------------------------------------------------------

    def open_dialog(self, dialog: _RecordDialog, tab: _RecordTab[Any]) -> None:
        """Window-modal, not blocking; on success select the record it wrote and reload."""
        self.dialog = dialog
        tab.error.hide()

        def accepted() -> None:
            view = dialog.result_value
            if isinstance(view, LiftView | ComplaintView):
                self.bring_forward(tab)
                tab.select_id(view.id)
            self.refresh()

        def finished() -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()

    def bring_forward(self, tab: QWidget) -> None:
        """Show this pane's tab (and raise its dock, if a tabbed dock hides it)."""
        self.tabs.setCurrentWidget(tab)
        raise_dock(self)

    def new_lift(self) -> None:
        self.open_dialog(NewLiftDialog(self), self.lifts)

    def new_complaint(self) -> None:
        self.open_dialog(NewComplaintDialog(self), self.complaints)


register(
    PaneSpec(
        key="records",
        title=lambda: QCoreApplication.translate("RecordsPane", "Lift and complaint records"),
        factory=RecordsPane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        tab_with="log",
        shortcut="Ctrl+7",
        menu_title=lambda: QCoreApplication.translate("RecordsPane", "&Records"),
    )
)
