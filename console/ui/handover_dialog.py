"""Shift handover (交接班): open items with owners and "if … then …" instructions, keys and
equipment, the incoming operator's synthesis, and two signatures.

The dialog only asks and shows; core decides (HandoverService validates the draft, checks
both passwords, refuses the same person on both sides, and seals). Every core call runs on
the thread pool. The dialog is not modal: alarms keep coming during a handover, and the
main window must stay usable. Closing it before the outgoing signature keeps what was typed
for the next time it is opened (in this session).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import AccountLocked, BadCredentials
from console.core.desk import Desk
from console.core.events import Event
from console.core.handover import (
    ChecklistAnswer,
    HandoverDraft,
    HandoverView,
    ItemHandover,
    OpenItem,
    Side,
)
from console.core.shifts import DutyError, ShiftState, ShiftView
from console.ui.forms import add_field, error_label, password_field, show_error
from console.ui.handover_sheet import write_handover_pdf
from console.ui.panes import PaneContext
from console.ui.wording import describe
from console.ui.worker import run_in_background

PAGE_ITEMS, PAGE_CHECKLIST, PAGE_SYNTHESIS, PAGE_SIGN = range(4)
COL_KIND, COL_TITLE, COL_DETAIL, COL_SINCE, COL_OWNER, COL_RULE, COL_CHECK = range(7)
SEAL_SHOWN = 16  # hex digits of the seal shown; the tooltip has all 64
# Events after which the open items may differ from the list on screen.
ITEM_TOPICS = ("alarm.", "health.", "duty.fault", "duty.incident", "loan.", "visit.")
INCOMPLETE_BG = QColor("#fde7e9")
OVERDUE_BG = QColor("#ffe0b2")


def kind_text(kind: str) -> str:
    """An open item's kind in words (unknown kinds as they are)."""
    return {
        "alarm": QCoreApplication.translate("HandoverDialog", "Alarm"),
        "device": QCoreApplication.translate("HandoverDialog", "Device fault"),
        "check": QCoreApplication.translate("HandoverDialog", "Check due"),
        "fault": QCoreApplication.translate("HandoverDialog", "Fault report"),
        "lift": QCoreApplication.translate("HandoverDialog", "Lift"),
        "complaint": QCoreApplication.translate("HandoverDialog", "Complaint"),
        "loan": QCoreApplication.translate("HandoverDialog", "Footage loan"),
        "visit": QCoreApplication.translate("HandoverDialog", "Visitor"),
    }.get(kind, kind)


def shift_state_text(state: ShiftState) -> str:
    return {
        ShiftState.OPEN: QCoreApplication.translate("HandoverDialog", "open"),
        ShiftState.HANDING_OVER: QCoreApplication.translate(
            "HandoverDialog", "waiting for the incoming signature"
        ),
        ShiftState.SEALED: QCoreApplication.translate("HandoverDialog", "sealed"),
    }[state]


class Mode(Enum):
    LOADING = "loading"
    NOTHING = "nothing"  # no shift to hand over
    EDIT = "edit"  # the draft is being filled in
    OUTGOING_SIGNED = "outgoing_signed"  # waits for the incoming operator
    SEALED = "sealed"


@dataclass
class ItemRow:
    """One open item as typed so far."""

    item: OpenItem
    owner: str = ""
    condition: str = ""
    action: str = ""

    def missing(self) -> list[str]:
        """What is still missing, in words ("owner", "if", "then")."""
        out = []
        if not self.owner.strip():
            out.append(QCoreApplication.translate("HandoverDialog", "owner"))
        if not self.condition.strip():
            out.append(QCoreApplication.translate("HandoverDialog", "if"))
        if not self.action.strip():
            out.append(QCoreApplication.translate("HandoverDialog", "then"))
        return out


@dataclass
class Typed:
    """What was typed into a draft, kept by item ref / checklist item."""

    items: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    checklist: dict[str, tuple[bool, str]] = field(default_factory=dict)
    synthesis: str = ""

    def empty(self) -> bool:
        return not (
            any(any(v.strip() for v in values) for values in self.items.values())
            or any(ok or note.strip() for ok, note in self.checklist.values())
            or self.synthesis.strip()
        )


# Drafts closed before signing, per desk and shift: reopening the dialog restores them.
_kept: weakref.WeakKeyDictionary[Desk, dict[int, Typed]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Loaded:
    shifts: list[ShiftView]  # open shifts the draft may be for
    target: ShiftView | None
    pending: HandoverView | None
    draft: HandoverDraft | None
    people: list[str]  # display names on duty, for the owner box


def _load(desk: Desk) -> Loaded:
    """Runs on the thread pool."""
    people: list[str] = []
    for name in [a.display_name for a in desk.on_duty] + [
        p.display_name for p in desk.shifts.on_duty_now()
    ]:
        if name not in people:
            people.append(name)
    pending = desk.handover.pending()
    if pending is not None:
        return Loaded([pending.shift], pending.shift, pending, None, people)
    target = desk.shifts.handover_target()
    shifts = [s for s in desk.shifts.unsealed() if s.state is ShiftState.OPEN]
    if target is None or target.state is not ShiftState.OPEN:
        target = shifts[-1] if shifts else None
    draft = desk.handover.draft(target.id) if target is not None else None
    return Loaded(shifts, target, None, draft, people)


class ChecklistRow:
    def __init__(self, item: str, checkbox: QCheckBox, note: QLineEdit, flag: QLabel) -> None:
        self.item, self.checkbox, self.note, self.flag = item, checkbox, note, flag

    def complete(self) -> bool:
        return self.checkbox.isChecked() or bool(self.note.text().strip())


class HandoverDialog(QDialog):
    """The handover of one shift, from the draft to the seal. See the module docstring."""

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.desk = ctx, ctx.desk
        self.tz: ZoneInfo = self.desk.site.tz()
        self.mode = Mode.LOADING
        self.busy = False
        self.shift: ShiftView | None = None
        self.view: HandoverView | None = None  # once the outgoing operator has signed
        self.rows: list[ItemRow] = []
        self.checklist_rows: list[ChecklistRow] = []
        self.people: list[str] = []
        self._current: int | None = None  # the item the editor shows
        self._binding = False
        self._shift_views: dict[int, ShiftView] = {}
        self.saved_path: Path | None = None
        title = self.tr("Shift handover — %1").replace("%1", self.desk.site.site.name)
        self.setWindowTitle(title)
        self.setAccessibleName(self.tr("Shift handover"))
        self.setObjectName("handover-dialog")
        self.resize(1000, 660)

        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.shift_box = QComboBox()
        add_field(top, self.tr("S&hift:"), self.shift_box, "handover-shift")
        self.shift_box.currentIndexChanged.connect(self._shift_chosen)
        self.state_label = QLabel()
        self.state_label.setObjectName("handover-state")
        self.state_label.setWordWrap(True)
        top.addRow(self.state_label)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("handover-steps")
        self.tabs.setAccessibleName(self.tr("Handover steps"))
        self.tabs.addTab(self._items_page(), self.tr("&1 Open items"))
        self.tabs.addTab(self._checklist_page(), self.tr("&2 Keys and equipment"))
        self.tabs.addTab(self._synthesis_page(), self.tr("&3 Incoming operator's synthesis"))
        self.tabs.addTab(self._signature_page(), self.tr("&4 Signatures"))
        self.tabs.currentChanged.connect(self._page_changed)
        layout.addWidget(self.tabs, 1)

        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.error = error_label()
        layout.addWidget(self.error)

        nav = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setObjectName("handover-hint")
        self.hint.setStyleSheet("color: #555;")
        nav.addWidget(self.hint, 1)
        self.back_button = self._button(self.tr("< &Back"), "handover-back", self._back)
        self.next_button = self._button(self.tr("&Next >"), "handover-next", self._next)
        self.close_button = self._button(self.tr("&Close"), "handover-close", self.close)
        for button in (self.back_button, self.next_button, self.close_button):
            nav.addWidget(button)
        layout.addLayout(nav)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            sign = QShortcut(QKeySequence(keys), self)
            sign.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sign.activated.connect(self.sign_current)
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh_items)

        self._items_check = QTimer(self)
        self._items_check.setSingleShot(True)
        self._items_check.setInterval(1000)
        self._items_check.timeout.connect(self._check_items_changed)
        ctx.bridge.published.connect(self._on_event)
        self._listening = True

        self._set_mode(Mode.LOADING)
        self.reload()

    # -- building -----------------------------------------------------------------------------

    def _button(self, text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").strip("<> ").rstrip("…"))
        button.setAutoDefault(False)  # Return in a field never presses a button by surprise
        button.clicked.connect(slot)
        return button

    def _items_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Everything the next shift must carry on with. Each item needs an owner and "
                "an instruction: if <condition> then <action>."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("handover-items")
        self.table.setAccessibleName(self.tr("Open items"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Item"),
                self.tr("Detail"),
                self.tr("Since"),
                self.tr("Owner"),
                self.tr("Instruction"),
                self.tr("Ready?"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the editor below
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (COL_KIND, 80),
            (COL_TITLE, 210),
            (COL_DETAIL, 100),
            (COL_SINCE, 175),
            (COL_OWNER, 80),
            (COL_RULE, 200),
        ):
            self.table.setColumnWidth(column, width)
        self.table.currentCellChanged.connect(lambda row, *_: self._bind(row))
        layout.addWidget(self.table, 1)

        self.editor = QGroupBox(self.tr("Selected item"))
        self.editor.setObjectName("handover-item-editor")
        form = QFormLayout(self.editor)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        add_field(form, self.tr("&Owner:"), self.owner, "handover-owner")
        self.condition = QLineEdit()
        self.condition.setPlaceholderText(self.tr("e.g. the smoke detector alarms again"))
        add_field(form, self.tr("I&f … / 如果:"), self.condition, "handover-if")
        self.action = QLineEdit()
        self.action.setPlaceholderText(
            self.tr("e.g. send the guard of building 1 and call the squad leader")
        )
        add_field(form, self.tr("&Then … / 则:"), self.action, "handover-then")
        owner_edit = self.owner.lineEdit()
        assert owner_edit is not None
        owner_edit.setAccessibleName(self.tr("Owner"))
        self.owner.currentTextChanged.connect(self._edited)
        self.condition.textEdited.connect(self._edited)
        self.action.textEdited.connect(self._edited)
        owner_edit.returnPressed.connect(self.condition.setFocus)
        self.condition.returnPressed.connect(self.action.setFocus)
        self.action.returnPressed.connect(self._next_item)
        layout.addWidget(self.editor)

        row = QHBoxLayout()
        self.items_notice = QLabel()
        self.items_notice.setObjectName("items-notice")
        self.items_notice.setWordWrap(True)
        row.addWidget(self.items_notice, 1)
        self.refresh_button = self._button(
            self.tr("&Refresh"), "handover-refresh", self.refresh_items
        )
        self.refresh_button.setToolTip(self.tr("Gather the open items again (F5)"))
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        QWidget.setTabOrder(self.table, self.owner)
        QWidget.setTabOrder(self.owner, self.condition)
        QWidget.setTabOrder(self.condition, self.action)
        QWidget.setTabOrder(self.action, self.refresh_button)
        return page

    def _checklist_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Tick each thing as handed over. Anything not handed over needs a note "
                "saying what is wrong or where it is."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.checklist_grid = QGridLayout()
        holder = QWidget()
        holder.setLayout(self.checklist_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.all_button = self._button(
            self.tr("&All handed over"), "handover-all-ok", self._tick_all
        )
        row = QHBoxLayout()
        row.addWidget(self.all_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _synthesis_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.synthesis = QPlainTextEdit()
        self.synthesis.setObjectName("handover-synthesis")
        self.synthesis.setTabChangesFocus(True)
        self.synthesis.setPlaceholderText(
            self.tr("What you take over, in your own words: what is open, what to watch.")
        )
        caption = QLabel(self.tr("&Synthesis, written by the incoming operator:"))
        caption.setBuddy(self.synthesis)
        self.synthesis.setAccessibleName(self.tr("Incoming operator's synthesis"))
        layout.addWidget(caption)
        layout.addWidget(self.synthesis, 1)
        return page

    def _signature_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)

        out_box = QGroupBox(self.tr("1. Outgoing operator — 交班 hands over"))
        out_box.setObjectName("handover-outgoing")
        form = QFormLayout(out_box)
        self.out_user = QLineEdit(self.ctx.actor.name)
        self.out_password = password_field()
        add_field(form, self.tr("&User name:"), self.out_user, "handover-out-user")
        add_field(form, self.tr("&Password:"), self.out_password, "handover-out-password")
        self.out_sign = self._button(
            self.tr("Sign &outgoing (交班)"), "handover-sign-outgoing", self.sign_outgoing
        )
        self.out_password.returnPressed.connect(self.sign_outgoing)
        self.out_user.returnPressed.connect(self.out_password.setFocus)
        self.out_done = QLabel()
        self.out_done.setObjectName("handover-out-done")
        self.out_done.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.out_sign)
        row.addWidget(self.out_done, 1)
        form.addRow(row)
        layout.addWidget(out_box)

        seal_row = QHBoxLayout()
        seal_caption = QLabel(self.tr("Seal / 封存哈希:"))
        self.seal = QLabel("—")
        self.seal.setObjectName("handover-seal")
        self.seal.setAccessibleName(self.tr("Seal hash"))
        self.seal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.seal.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # readable by keyboard
        seal_caption.setBuddy(self.seal)
        self.seal.setStyleSheet("font-family: monospace;")
        seal_row.addWidget(seal_caption)
        seal_row.addWidget(self.seal, 1)
        layout.addLayout(seal_row)

        self.in_box = QGroupBox(self.tr("2. Incoming operator — 接班 accepts"))
        self.in_box.setObjectName("handover-incoming")
        form = QFormLayout(self.in_box)
        self.in_user = QLineEdit()
        self.in_password = password_field()
        add_field(form, self.tr("User na&me:"), self.in_user, "handover-in-user")
        add_field(form, self.tr("Pass&word:"), self.in_password, "handover-in-password")
        self.in_sign = self._button(
            self.tr("Sign &incoming (接班)"), "handover-sign-incoming", self.sign_incoming
        )
        self.in_password.returnPressed.connect(self.sign_incoming)
        self.in_user.returnPressed.connect(self.in_password.setFocus)
        self.withdraw_button = self._button(
            self.tr("With&draw…"), "handover-withdraw", self.ask_withdraw
        )
        self.withdraw_button.setToolTip(
            self.tr("Take back the outgoing signature (the incoming operator does not accept)")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.in_sign)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.in_done = QLabel()
        self.in_done.setObjectName("handover-in-done")
        self.in_done.setWordWrap(True)
        form.addRow(self.in_done)
        layout.addWidget(self.in_box)

        self.sealed_box = QGroupBox(self.tr("3. Sealed"))
        self.sealed_box.setObjectName("handover-sealed")
        sealed = QVBoxLayout(self.sealed_box)
        self.sealed_note = QLabel()
        self.sealed_note.setObjectName("handover-sealed-note")
        self.sealed_note.setWordWrap(True)
        sealed.addWidget(self.sealed_note)
        self.save_button = self._button(
            self.tr("&Save handover sheet (PDF)…"), "handover-save-pdf", self.save_pdf
        )
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        sealed.addLayout(row)
        layout.addWidget(self.sealed_box)
        layout.addStretch(1)
        return page

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Gather the shift, a pending handover or a fresh draft (on the thread pool)."""
        self._set_mode(Mode.LOADING)
        self.busy = True
        run_in_background(self, lambda: _load(self.desk), self._loaded, self._load_failed)

    def _load_failed(self, exc: Exception) -> None:
        self.busy = False
        self._set_mode(Mode.NOTHING)
        show_error(self.error, describe(exc))

    def _loaded(self, loaded: Loaded) -> None:
        self.busy = False
        self.people = loaded.people
        self._binding = True
        self.owner.clear()
        self.owner.addItems(self.people)
        self.owner.setCurrentIndex(-1)
        self._binding = False
        self._fill_shifts(loaded.shifts, loaded.target)
        if loaded.pending is not None:
            self._show_signed(loaded.pending)
            self._set_mode(Mode.OUTGOING_SIGNED)
            self.tabs.setCurrentIndex(PAGE_SIGN)
            self._focus_incoming()
            return
        if loaded.target is None or loaded.draft is None:
            self._set_mode(Mode.NOTHING)
            return
        self.shift = loaded.target
        draft = loaded.draft
        self.rows = [ItemRow(i.item, i.owner, i.condition, i.action) for i in draft.items]
        self._build_checklist([(a.item, a.ok, a.note) for a in draft.checklist])
        self._set_synthesis(draft.synthesis)
        kept = _kept.get(self.desk, {}).pop(self.shift.id, None)
        if kept is not None and not kept.empty():
            self._restore(kept)
            self._notify(self.tr("Restored what was typed before the dialog was closed."))
        self._fill_table()
        self._set_mode(Mode.EDIT)
        self.tabs.setCurrentIndex(PAGE_ITEMS)
        self.table.setFocus()

    def _fill_shifts(self, shifts: list[ShiftView], target: ShiftView | None) -> None:
        self._binding = True
        self.shift_box.clear()
        for view in shifts:
            self.shift_box.addItem(f"{view.label} ({shift_state_text(view.state)})", view.id)
        if target is not None:
            self.shift_box.setCurrentIndex(max(0, self.shift_box.findData(target.id)))
        self._binding = False
        self._shift_views = {view.id: view for view in shifts}

    def _shift_chosen(self, index: int) -> None:
        if self._binding or self.mode is not Mode.EDIT or index < 0:
            return
        view = self._shift_views.get(self.shift_box.itemData(index))
        if view is not None:
            self.shift = view
            self._show_state()

    def _typed(self) -> Typed:
        return Typed(
            {r.item.ref: (r.owner, r.condition, r.action) for r in self.rows},
            {r.item: (r.checkbox.isChecked(), r.note.text()) for r in self.checklist_rows},
            self.synthesis.toPlainText(),
        )

    def _restore(self, typed: Typed) -> None:
        for row in self.rows:
            if row.item.ref in typed.items:
                row.owner, row.condition, row.action = typed.items[row.item.ref]
        for line in self.checklist_rows:
            if line.item in typed.checklist:
                ok, note = typed.checklist[line.item]
                line.checkbox.setChecked(ok)
                line.note.setText(note)
        if typed.synthesis:
            self._set_synthesis(typed.synthesis)

    # -- open items ---------------------------------------------------------------------------

    def _since(self, moment: datetime | None) -> str:
        if moment is None:
            return "—"
        local = moment.astimezone(self.tz)
        if local.date() == datetime.now(self.tz).date():
            return local.strftime("%H:%M")
        return local.strftime("%m-%d %H:%M")

    def _fill_table(self) -> None:
        keep = self._current
        self.table.setRowCount(len(self.rows))
        for index in range(len(self.rows)):
            self._show_row(index)
        self.table.resizeRowsToContents()
        if self.rows:
            target = keep if keep is not None and keep < len(self.rows) else 0
            self.table.setCurrentCell(target, COL_TITLE)
            self._bind(target)
        else:
            self._bind(-1)
        self.items_notice.setText(
            self.tr("%1 open items.").replace("%1", str(len(self.rows)))
            if self.rows
            else self.tr("No open items: nothing to carry over.")
        )

    def _show_row(self, index: int) -> None:
        row = self.rows[index]
        item = row.item
        since = self._since(item.since)
        if item.overdue:
            since += " · ⚠ " + self.tr("overdue")
        missing = row.missing()
        ready = (
            "⚠ " + self.tr("needs %1").replace("%1", ", ".join(missing))
            if missing
            else "✔ " + self.tr("ready")
        )
        rule = ""
        if row.condition or row.action:
            rule = self.tr("if %1 then %2").replace("%1", row.condition).replace("%2", row.action)
        texts = {
            COL_KIND: kind_text(item.kind),
            COL_TITLE: item.title,
            COL_DETAIL: item.detail,
            COL_SINCE: since,
            COL_OWNER: row.owner,
            COL_RULE: rule,
            COL_CHECK: ready,
        }
        cells: dict[int, QTableWidgetItem] = {}
        for column, text in texts.items():
            cell = self.table.item(index, column)
            if cell is None:
                cell = QTableWidgetItem()
                self.table.setItem(index, column, cell)
            cell.setText(text)
            cell.setToolTip(text)
            cells[column] = cell
        cells[COL_CHECK].setBackground(QBrush(INCOMPLETE_BG) if missing else QBrush())
        cells[COL_SINCE].setBackground(QBrush(OVERDUE_BG) if item.overdue else QBrush())

    def _bind(self, index: int) -> None:
        """Show item `index` in the editor below the table (-1: none)."""
        self._binding = True
        try:
            if not 0 <= index < len(self.rows):
                self._current = None
                self.editor.setTitle(self.tr("Selected item"))
                self.owner.setCurrentText("")
                self.condition.clear()
                self.action.clear()
                self.editor.setEnabled(False)
                return
            self._current = index
            row = self.rows[index]
            self.editor.setEnabled(True)
            self.editor.setTitle(
                self.tr("Item %1 of %2: %3")
                .replace("%1", str(index + 1))
                .replace("%2", str(len(self.rows)))
                .replace("%3", row.item.title)
            )
            for widget in (self.owner, self.condition, self.action):
                widget.setAccessibleDescription(row.item.title)
            self.owner.setCurrentText(row.owner)
            self.condition.setText(row.condition)
            self.action.setText(row.action)
        finally:
            self._binding = False

    def _edited(self, *_: object) -> None:
        if self._binding or self.mode is not Mode.EDIT or self._current is None:
            return
        row = self.rows[self._current]
        row.owner = self.owner.currentText()
        row.condition, row.action = self.condition.text(), self.action.text()
        self._show_row(self._current)

    def select_item(self, index: int) -> None:
        self.tabs.setCurrentIndex(PAGE_ITEMS)
        self.table.setCurrentCell(index, COL_TITLE)
        self._bind(index)

    def set_item(self, index: int, owner: str, condition: str, action: str) -> None:
        """Fill in one item as an operator would (used by tests and scripts)."""
        self.select_item(index)
        self.owner.setCurrentText(owner)
        self.condition.setText(condition)
        self.action.setText(action)
        self._edited()

    def _next_item(self) -> None:
        """Return in "Then": on to the next item still incomplete, else the next step."""
        start = (self._current if self._current is not None else -1) + 1
        order = list(range(start, len(self.rows))) + list(range(0, start))
        for index in order:
            if self.rows[index].missing():
                self.select_item(index)
                self.owner.setFocus()
                return
        self.tabs.setCurrentIndex(PAGE_CHECKLIST)
        self._focus_page(PAGE_CHECKLIST)

    def refresh_items(self) -> None:
        """Gather the open items again, keeping what was typed for the same item."""
        if self.mode is not Mode.EDIT or self.shift is None or self.busy:
            return
        shift_id = self.shift.id
        self.busy = True
        self.refresh_button.setEnabled(False)
        run_in_background(
            self, lambda: self.desk.handover.draft(shift_id), self._refreshed, self._failed
        )

    def _refreshed(self, draft: HandoverDraft) -> None:
        self.busy = False
        self.refresh_button.setEnabled(self.mode is Mode.EDIT)
        if self.mode is not Mode.EDIT:
            return
        typed = {r.item.ref: r for r in self.rows}
        gone = len([ref for ref in typed if ref not in {i.item.ref for i in draft.items}])
        self.rows = []
        for i in draft.items:
            old = typed.get(i.item.ref)
            self.rows.append(
                ItemRow(i.item, old.owner, old.condition, old.action) if old else ItemRow(i.item)
            )
        self._current = None
        self._fill_table()
        text = self.tr("%1 open items gathered now.").replace("%1", str(len(self.rows)))
        if gone:
            text += " " + self.tr("%1 closed meanwhile and left the list.").replace("%1", str(gone))
        self.items_notice.setText(text)

    def _check_items_changed(self) -> None:
        if self.mode is not Mode.EDIT:
            return
        run_in_background(self, self.desk.handover.open_items, self._items_now, lambda _exc: None)

    def _items_now(self, items: list[OpenItem]) -> None:
        if self.mode is not Mode.EDIT:
            return
        if {i.ref for i in items} != {r.item.ref for r in self.rows}:
            self.items_notice.setText(
                "⚠ "
                + self.tr(
                    "The open items have changed since this list was gathered: press Refresh (F5)."
                )
            )

    # -- checklist and synthesis -------------------------------------------------------------

    def _build_checklist(self, answers: list[tuple[str, bool, str]]) -> None:
        grid = self.checklist_grid
        while grid.count():
            child = grid.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.checklist_rows = []
        for column, text in enumerate(
            (self.tr("Item"), self.tr("Handed over?"), self.tr("Note"), "")
        ):
            heading = QLabel(f"<b>{text}</b>")
            grid.addWidget(heading, 0, column)
        previous: QWidget = self.all_button
        for number, (item, ok, note_text) in enumerate(answers, start=1):
            caption = QLabel(item)
            checkbox = QCheckBox(self.tr("handed over / 已交接"))
            checkbox.setObjectName(f"handover-check-{number}")
            checkbox.setAccessibleName(self.tr("%1: handed over").replace("%1", item))
            caption.setBuddy(checkbox)
            note = QLineEdit(note_text)
            note.setObjectName(f"handover-note-{number}")
            note.setAccessibleName(self.tr("%1: note").replace("%1", item))
            flag = QLabel()
            flag.setObjectName(f"handover-check-flag-{number}")
            checkbox.setChecked(ok)
            line = ChecklistRow(item, checkbox, note, flag)
            checkbox.toggled.connect(lambda _on, line=line: self._show_check(line))
            note.textChanged.connect(lambda _t, line=line: self._show_check(line))
            note.returnPressed.connect(lambda n=number: self._next_check(n))
            grid.addWidget(caption, number, 0)
            grid.addWidget(checkbox, number, 1)
            grid.addWidget(note, number, 2)
            grid.addWidget(flag, number, 3)
            self.checklist_rows.append(line)
            self._show_check(line)
            if number == 1:
                QWidget.setTabOrder(checkbox, note)
            else:
                QWidget.setTabOrder(previous, checkbox)
                QWidget.setTabOrder(checkbox, note)
            previous = note
        if self.checklist_rows:
            QWidget.setTabOrder(previous, self.all_button)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(answers) + 1, 1)

    def _show_check(self, line: ChecklistRow) -> None:
        line.note.setPlaceholderText(
            self.tr("Note (optional)")
            if line.checkbox.isChecked()
            else self.tr("Required when not handed over: what is wrong, where it is")
        )
        if line.complete():
            line.flag.setText("✔")
            line.flag.setAccessibleName(self.tr("complete"))
            line.flag.setStyleSheet("")
        else:
            line.flag.setText("⚠ " + self.tr("note required"))
            line.flag.setAccessibleName(self.tr("note required"))
            line.flag.setStyleSheet("color: #b00020;")

    def _next_check(self, number: int) -> None:
        if number < len(self.checklist_rows):
            self.checklist_rows[number].checkbox.setFocus()
        else:
            self.tabs.setCurrentIndex(PAGE_SYNTHESIS)
            self.synthesis.setFocus()

    def _tick_all(self) -> None:
        for line in self.checklist_rows:
            line.checkbox.setChecked(True)

    def _set_synthesis(self, text: str) -> None:
        self._binding = True
        self.synthesis.setPlainText(text)
        self._binding = False

    # -- signing ------------------------------------------------------------------------------

    def draft(self) -> HandoverDraft:
        """The draft as it stands in the dialog."""
        assert self.shift is not None
        return HandoverDraft(
            self.shift.id,
            [
                ItemHandover(r.item, r.owner.strip(), r.condition.strip(), r.action.strip())
                for r in self.rows
            ],
            [
                ChecklistAnswer(line.item, line.checkbox.isChecked(), line.note.text().strip())
                for line in self.checklist_rows
            ],
            self.synthesis.toPlainText().strip(),
        )

    def sign_current(self) -> None:
        """Ctrl+Enter: sign the step the handover is at."""
        if self.mode is Mode.EDIT:
            self.sign_outgoing()
        elif self.mode is Mode.OUTGOING_SIGNED:
            self.sign_incoming()

    def sign_outgoing(self) -> None:
        if self.mode is not Mode.EDIT or self.busy or self.shift is None:
            return
        name, password = self.out_user.text().strip(), self.out_password.text()
        if not name or not password:
            self.tabs.setCurrentIndex(PAGE_SIGN)
            show_error(
                self.error, self.tr("The outgoing operator enters their user name and password.")
            )
            (self.out_password if name else self.out_user).setFocus()
            return
        draft = self.draft()
        self.out_password.clear()
        self._start(self.tr("Signing as outgoing operator…"))
        run_in_background(
            self,
            lambda: self.desk.handover.sign_outgoing(draft, name, password),
            self._outgoing_signed,
            lambda exc: self._sign_failed(Side.OUTGOING, exc),
        )

    def _outgoing_signed(self, view: HandoverView) -> None:
        self._stop()
        _kept.get(self.desk, {}).pop(view.shift.id, None)
        self._show_signed(view)
        self._set_mode(Mode.OUTGOING_SIGNED)
        self.tabs.setCurrentIndex(PAGE_SIGN)
        self._focus_incoming()

    def sign_incoming(self) -> None:
        if self.mode is not Mode.OUTGOING_SIGNED or self.busy or self.view is None:
            return
        name, password = self.in_user.text().strip(), self.in_password.text()
        if not name or not password:
            self.tabs.setCurrentIndex(PAGE_SIGN)
            show_error(
                self.error, self.tr("The incoming operator enters their user name and password.")
            )
            (self.in_password if name else self.in_user).setFocus()
            return
        handover_id = self.view.id
        self.in_password.clear()
        self._start(self.tr("Signing as incoming operator…"))
        run_in_background(
            self,
            lambda: self.desk.handover.sign_incoming(handover_id, name, password),
            self._incoming_signed,
            lambda exc: self._sign_failed(Side.INCOMING, exc),
        )

    def _incoming_signed(self, view: HandoverView) -> None:
        self._stop()
        self._show_signed(view)
        self._set_mode(Mode.SEALED)
        self.tabs.setCurrentIndex(PAGE_SIGN)
        self.save_button.setFocus()

    def _sign_failed(self, side: Side, exc: Exception) -> None:
        self._stop()
        text = describe(exc)
        code = exc.code if isinstance(exc, DutyError) else ""
        if code == "item_incomplete":
            index = next((i for i, r in enumerate(self.rows) if r.missing()), None)
            if index is not None:
                title = self.rows[index].item.title
                if title not in text:
                    text += f" ({title})"
                self._focus_missing(index)
        elif code == "items_missing":
            self.tabs.setCurrentIndex(PAGE_ITEMS)
            self.refresh_items()
        elif code == "checklist_incomplete":
            self.tabs.setCurrentIndex(PAGE_CHECKLIST)
            line = next((line for line in self.checklist_rows if not line.complete()), None)
            if line is not None:
                line.note.setFocus()
        elif code == "synthesis_required":
            self.tabs.setCurrentIndex(PAGE_SYNTHESIS)
            self.synthesis.setFocus()
        elif code in ("already_handed_over", "not_pending", "no_handover", "no_shift"):
            self.reload()
        elif code == "same_person":
            self.in_user.setFocus()
            self.in_user.selectAll()
        elif code == "not_on_shift":
            self.out_user.setFocus()
            self.out_user.selectAll()
        elif isinstance(exc, (BadCredentials, AccountLocked)):
            (self.out_password if side is Side.OUTGOING else self.in_password).setFocus()
        show_error(self.error, text)

    def _focus_missing(self, index: int) -> None:
        self.select_item(index)
        row = self.rows[index]
        if not row.owner.strip():
            self.owner.setFocus()
        elif not row.condition.strip():
            self.condition.setFocus()
        else:
            self.action.setFocus()

    def _show_signed(self, view: HandoverView) -> None:
        """Show a signed handover's content as it was sealed, read-only."""
        self.view = view
        self.shift = view.shift
        self.rows = [ItemRow(i.item, i.owner, i.condition, i.action) for i in view.items]
        self._build_checklist([(a.item, a.ok, a.note) for a in view.checklist])
        self._set_synthesis(view.synthesis)
        self._current = None
        self._fill_table()
        self._fill_shifts([view.shift], view.shift)
        self.seal.setText(view.seal_hash[:SEAL_SHOWN] + "…")
        self.seal.setToolTip(view.seal_hash)
        self.seal.setAccessibleDescription(view.seal_hash)
        outgoing = view.signature(Side.OUTGOING)
        if outgoing is not None:
            self.out_user.setText(outgoing.user_name)
            self.out_done.setText(
                "✔ "
                + self.tr("Handed over by %1 at %2.")
                .replace("%1", outgoing.printed_name)
                .replace("%2", outgoing.at.astimezone(self.tz).strftime("%H:%M:%S"))
            )
            if not self.in_user.text().strip():
                others = [a.name for a in self.desk.on_duty if a.name != outgoing.user_name]
                if len(others) == 1:
                    self.in_user.setText(others[0])
        incoming = view.signature(Side.INCOMING)
        if incoming is not None:
            self.in_user.setText(incoming.user_name)
            self.in_done.setText(
                "✔ "
                + self.tr("Accepted by %1 at %2.")
                .replace("%1", incoming.printed_name)
                .replace("%2", incoming.at.astimezone(self.tz).strftime("%H:%M:%S"))
            )
        else:
            self.in_done.clear()

    def _focus_incoming(self) -> None:
        (self.in_password if self.in_user.text().strip() else self.in_user).setFocus()

    def _start(self, text: str) -> None:
        self.busy = True
        self.error.hide()
        self._notify(text)
        for button in (self.out_sign, self.in_sign, self.withdraw_button, self.refresh_button):
            button.setEnabled(False)

    def _stop(self) -> None:
        self.busy = False
        self.notice.hide()
        self._set_mode(self.mode)

    def _failed(self, exc: Exception) -> None:
        self._stop()
        show_error(self.error, describe(exc))

    # -- withdrawing ---------------------------------------------------------------------------

    def ask_withdraw(self) -> None:
        """Ask why (non-modal), then take back the outgoing signature."""
        if self.mode is not Mode.OUTGOING_SIGNED or self.busy:
            return
        ask = QInputDialog(self)
        ask.setObjectName("handover-withdraw-reason")
        ask.setWindowTitle(self.tr("Withdraw the handover"))
        ask.setLabelText(
            self.tr(
                "Why is the outgoing signature taken back? The shift opens again; the "
                "withdrawn handover stays on record."
            )
        )
        ask.setOkButtonText(self.tr("Withdraw"))
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.textValueSelected.connect(self.withdraw)
        ask.open()

    def withdraw(self, reason: str) -> None:
        if self.mode is not Mode.OUTGOING_SIGNED or self.busy or self.view is None:
            return
        view = self.view
        # What was signed comes back as the new draft, to be corrected and signed again.
        _kept.setdefault(self.desk, {})[view.shift.id] = Typed(
            {i.item.ref: (i.owner, i.condition, i.action) for i in view.items},
            {a.item: (a.ok, a.note) for a in view.checklist},
            view.synthesis,
        )
        actor = self.ctx.actor
        self._start(self.tr("Withdrawing…"))
        run_in_background(
            self,
            lambda: self.desk.handover.withdraw(actor, view.id, reason),
            self._withdrawn,
            self._failed,
        )

    def _withdrawn(self, _result: object) -> None:
        self._stop()
        self.view = None
        self.seal.setText("—")
        self.seal.setToolTip("")
        self.seal.setAccessibleDescription("")
        self.out_done.clear()
        self.in_done.clear()
        self.reload()

    # -- the sheet -----------------------------------------------------------------------------

    def save_pdf(self) -> None:
        if self.mode is not Mode.SEALED or self.view is None or self.busy:
            return
        view = self.view
        label = re.sub(r"[^\w-]+", "-", view.shift.label).strip("-")
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"handover-{label}.pdf")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save handover sheet"), suggested, self.tr("PDF (*.pdf)")
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        desk = self.desk
        self._start(self.tr("Writing %1…").replace("%1", str(path)))
        run_in_background(
            self,
            lambda: write_handover_pdf([desk.handover.sheet(view.id)], path),
            lambda _r: self._saved(path),
            self._failed,
        )

    def _saved(self, path: Path) -> None:
        self._stop()
        self.saved_path = path
        self._notify(self.tr("Handover sheet saved: %1").replace("%1", str(path)))

    # -- modes, navigation, events ------------------------------------------------------------

    def _set_mode(self, mode: Mode) -> None:
        self.mode = mode
        editing = mode is Mode.EDIT
        signed = mode in (Mode.OUTGOING_SIGNED, Mode.SEALED)
        idle = not self.busy
        self.shift_box.setEnabled(editing and self.shift_box.count() > 1)
        self.refresh_button.setEnabled(editing and idle)
        self.owner.setEnabled(editing)
        for field_ in (self.condition, self.action):
            field_.setReadOnly(not editing)
        self.all_button.setEnabled(editing)
        for line in self.checklist_rows:
            line.checkbox.setEnabled(editing)
            line.note.setReadOnly(not editing)
        self.synthesis.setReadOnly(not editing)
        self.out_user.setReadOnly(not editing)
        self.out_password.setEnabled(editing)
        self.out_sign.setEnabled(editing and idle)
        waiting = mode is Mode.OUTGOING_SIGNED
        self.in_box.setEnabled(waiting or mode is Mode.SEALED)
        self.in_user.setReadOnly(not waiting)
        self.in_password.setEnabled(waiting)
        self.in_sign.setEnabled(waiting and idle)
        self.withdraw_button.setVisible(waiting)
        self.withdraw_button.setEnabled(waiting and idle)
        self.sealed_box.setVisible(mode is Mode.SEALED)
        self.save_button.setEnabled(mode is Mode.SEALED and idle)
        if not signed:
            self.seal.setText("—")
        if mode is Mode.SEALED and self.view is not None:
            self.sealed_note.setText(
                self.tr(
                    "Shift %1 is sealed: its duty log and check records are now read-only. "
                    "New entries go into the next shift."
                ).replace("%1", self.view.shift.label)
            )
        self._show_state()
        self._page_changed(self.tabs.currentIndex())

    def _show_state(self) -> None:
        texts = {
            Mode.LOADING: self.tr("Gathering the open items…"),
            Mode.NOTHING: self.tr("No shift is waiting for a handover."),
            Mode.EDIT: self.tr(
                "Draft: fill in every step, then both operators sign (outgoing first)."
            ),
            Mode.OUTGOING_SIGNED: self.tr(
                "Handed over: the content below is sealed and read-only. The incoming "
                "operator checks it and signs, or it is withdrawn."
            ),
            Mode.SEALED: self.tr("Sealed: both operators have signed."),
        }
        self.state_label.setText(texts[self.mode])
        self.state_label.setAccessibleName(texts[self.mode])
        hints = {
            Mode.EDIT: self.tr(
                "Ctrl+Enter signs as outgoing operator · F5 gathers the items again"
            ),
            Mode.OUTGOING_SIGNED: self.tr("Ctrl+Enter signs as incoming operator"),
        }
        self.hint.setText(hints.get(self.mode, ""))

    def _notify(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _page_changed(self, index: int) -> None:
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.tabs.count() - 1)

    def _focus_page(self, index: int) -> None:
        if index == PAGE_ITEMS:
            self.table.setFocus()
        elif index == PAGE_CHECKLIST and self.checklist_rows:
            self.checklist_rows[0].checkbox.setFocus()
        elif index == PAGE_SYNTHESIS:
            self.synthesis.setFocus()
        elif index == PAGE_SIGN:
            if self.mode is Mode.EDIT:
                (self.out_password if self.out_user.text() else self.out_user).setFocus()
            elif self.mode is Mode.OUTGOING_SIGNED:
                self._focus_incoming()

    def _back(self) -> None:
        self.tabs.setCurrentIndex(max(0, self.tabs.currentIndex() - 1))
        self._focus_page(self.tabs.currentIndex())

    def _next(self) -> None:
        self.tabs.setCurrentIndex(min(self.tabs.count() - 1, self.tabs.currentIndex() + 1))
        self._focus_page(self.tabs.currentIndex())

    def _on_event(self, event: Event) -> None:
        if event.topic == "duty.handover":
            if self.busy:
                return  # our own signature or withdrawal: its callback follows
            change = event.data.get("change")
            ours = self.view is not None and event.data.get("handover_id") == self.view.id
            if (self.mode is Mode.EDIT and change == "outgoing_signed") or (
                ours and self.mode is Mode.OUTGOING_SIGNED and change != "outgoing_signed"
            ):
                self._notify(self.tr("The handover was changed at another desk."))
                self.reload()
        elif self.mode is Mode.EDIT and event.topic.startswith(ITEM_TOPICS):
            self._items_check.start()

    def done(self, result: int) -> None:
        if self.mode is Mode.EDIT and self.shift is not None:
            typed = self._typed()
            if not typed.empty():
                _kept.setdefault(self.desk, {})[self.shift.id] = typed
        self._items_check.stop()
        if self._listening:
            self._listening = False
            self.ctx.bridge.published.disconnect(self._on_event)
        super().done(result)


def open_handover(parent: QWidget, ctx: PaneContext) -> None:
    """Open the handover window (not modal: alarms keep being handled), or raise the one
    already open."""
    for existing in parent.findChildren(HandoverDialog):
        if existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
    dialog = HandoverDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
