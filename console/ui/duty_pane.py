"""Duty log pane (值班日志): who is on duty, the equipment-status rhythm, and the log itself,
filtered by day, shift, category, author and text.

The pane holds no rules: it reads and writes through DutyLog and ShiftService on the thread
pool and redraws when core publishes `duty.*` or `alarm.changed` (closing an alarm writes a
log line), and every 30 s, when an equipment-status slot may fall due or be missed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.changes import database_back
from console.core.dutylog import Category, EntryView, EquipmentSlot, LogFilter, SlotState
from console.core.events import Event
from console.core.shifts import PresenceView, ShiftState, ShiftView
from console.ui.duty_widgets import (
    DutyLogModel,
    EntryDialog,
    ImageViewer,
    JoinShiftDialog,
    Row,
    button,
)
from console.ui.panes import PaneContext, PaneSpec, register
from console.ui.wording import category_label, describe_load
from console.ui.worker import run_in_background

RECENT_SHIFT_DAYS = 14  # "All days" lists the shifts of the last two weeks


def qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def state_label(state: ShiftState) -> str:
    return {
        ShiftState.OPEN: QCoreApplication.translate("DutyPane", "open"),
        ShiftState.HANDING_OVER: QCoreApplication.translate("DutyPane", "handing over"),
        ShiftState.SEALED: QCoreApplication.translate("DutyPane", "handed over"),
    }[state]


# -- loading (thread pool) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    day: date | None
    shift_id: int | None
    category: Category | None
    author: str | None
    text: str


@dataclass(frozen=True)
class Loaded:
    query: Query
    today: date
    current: ShiftView
    on_duty: list[PresenceView]
    understaffed: bool
    min_on_duty: int
    due: EquipmentSlot | None
    shifts: list[ShiftView]  # for the shift filter
    authors: list[tuple[str, str]]
    entries: list[EntryView]
    slots: list[EquipmentSlot]  # missed or due, of the shown shifts
    limit: int


def load_log(ctx: PaneContext, query: Query) -> Loaded:
    """Everything the pane shows, read in one go on a worker thread."""
    duty, shifts = ctx.desk.duty, ctx.desk.shifts
    tz = ctx.desk.site.tz()
    today = duty.clock().astimezone(tz).date()
    current = shifts.current()
    on_duty = shifts.on_duty_now()
    understaffed = shifts.understaffed(on_duty)
    due = duty.equipment_due()
    if query.day is not None:
        start = datetime.combine(query.day, time(), tzinfo=tz)
        end = datetime.combine(query.day + timedelta(days=1), time(), tzinfo=tz)
        listed = [v for v in shifts.between(start - timedelta(days=1), end) if v.end > start]
    else:
        since = datetime.combine(today - timedelta(days=RECENT_SHIFT_DAYS), time(), tzinfo=tz)
        listed = list(reversed(shifts.between(since, None)))
    flt = LogFilter(
        day=query.day,
        shift_id=query.shift_id,
        category=query.category,
        author=query.author,
        text=query.text or None,
    )
    entries = duty.entries(flt)
    slots: list[EquipmentSlot] = []
    # Slot rows have no author or text: only shown when the filter would not hide them.
    if query.category in (None, Category.EQUIPMENT) and not query.author and not query.text:
        for view in listed:
            if query.shift_id not in (None, view.id):
                continue
            slots += [
                slot
                for slot in duty.equipment_slots(view.id)
                if slot.state in (SlotState.MISSED, SlotState.DUE)
                and (query.day is None or slot.start.astimezone(tz).date() == query.day)
            ]
    return Loaded(
        query=query,
        today=today,
        current=current,
        on_duty=on_duty,
        understaffed=understaffed,
        min_on_duty=shifts.min_on_duty,
        due=due,
        shifts=listed,
        authors=duty.authors(),
        entries=entries,
        slots=slots,
        limit=flt.limit,
    )


# -- the pane -----------------------------------------------------------------------------------


class DutyPane(QWidget):
    STATUS_EVERY_MS = 30_000  # equipment slots fall due and pass without an event
    EVENT_DEBOUNCE_MS = 500
    SEARCH_DEBOUNCE_MS = 300

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tz = ctx.desk.site.tz()
        self.model = DutyLogModel(ctx, self)
        self.loaded: Loaded | None = None
        self.selected_id: int | None = None
        self._loading = self._reload = False
        self._sized = False
        self._today = ctx.desk.duty.clock().astimezone(self.tz).date()
        self._build()
        self._make_actions()
        self._show_selection(None)
        self._timers()
        ctx.bridge.published.connect(self._on_event)
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self._shift_bar()
        self._filters()
        self.summary = QLabel()
        self.summary.setObjectName("duty-summary")
        self.new_button = button(self.tr("&New entry…"), self)
        self.new_button.clicked.connect(self.new_entry)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.summary, 1)
        self.table = QTableView()
        self.table.setObjectName("duty-table")
        self.table.setAccessibleName(self.tr("Duty log entries"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DutyLogModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.open_attachments())  # Enter, dbl-click
        table_label = QLabel(self.tr("Entr&ies"))
        table_label.setBuddy(self.table)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("duty-detail")
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        self.detail.setAccessibleName(self.tr("Selected entry"))
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 7)
        self.correct_button = button(self.tr("Correc&t…"), self)
        self.correct_button.clicked.connect(self.correct_selected)
        self.view_button = button(self.tr("Vie&w pictures…"), self)
        self.view_button.clicked.connect(self.open_attachments)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.view_button)
        buttons.addStretch(1)
        lower_layout.addWidget(self.detail, 1)
        lower_layout.addLayout(buttons)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(table_label)
        upper_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        self.message = QLabel()
        self.message.setObjectName("duty-message")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.shift_row)
        layout.addWidget(self.staff_warning)
        layout.addWidget(self.equipment_banner)
        layout.addLayout(self.filter_grid)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def _shift_bar(self) -> None:
        self.shift_label = QLabel(self.tr("Shift: loading…"))
        self.shift_label.setObjectName("shift-label")
        self.shift_label.setStyleSheet("font-weight: bold;")
        self.on_duty_label = QLabel()
        self.on_duty_label.setObjectName("on-duty")
        self.on_duty_label.setWordWrap(True)
        self.join_button = button(self.tr("&Join the shift…"), self)
        self.join_button.clicked.connect(self.join_shift)
        self.handover_button = button(self.tr("Shift handover…"), self)
        self.handover_button.clicked.connect(self.hand_over)
        self.shift_row = QHBoxLayout()
        self.shift_row.addWidget(self.shift_label)
        self.shift_row.addWidget(self.on_duty_label, 1)
        self.shift_row.addWidget(self.join_button)
        self.shift_row.addWidget(self.handover_button)
        self.staff_warning = QLabel()
        self.staff_warning.setObjectName("understaffed")
        self.staff_warning.setWordWrap(True)
        self.staff_warning.setStyleSheet(
            "background: #fff3e0; color: #b00020; font-weight: bold; padding: 4px;"
            "border: 2px solid #b00020;"
        )
        self.staff_warning.hide()
        self.equipment_banner = QFrame()
        self.equipment_banner.setObjectName("equipment-banner")
        self.equipment_banner.setStyleSheet(
            "#equipment-banner { background: #ffe082; border: 2px solid #ff8f00; }"
        )
        self.equipment_text = QLabel()
        self.equipment_text.setObjectName("equipment-due")
        self.equipment_text.setStyleSheet("color: #3e2723; font-weight: bold;")
        self.record_button = button(self.tr("Record no&w"), self)
        self.record_button.setAccessibleName(self.tr("Record the equipment status now"))
        self.record_button.clicked.connect(self.record_equipment)
        banner = QHBoxLayout(self.equipment_banner)
        banner.setContentsMargins(6, 3, 6, 3)
        banner.addWidget(self.equipment_text, 1)
        banner.addWidget(self.record_button)
        self.equipment_banner.hide()

    def _filters(self) -> None:
        self.day = QDateEdit(QDate(self._today.year, self._today.month, self._today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setObjectName("filter-day")
        self.day.setAccessibleName(self.tr("Day"))
        self.all_days = QCheckBox(self.tr("A&ll days"))
        self.all_days.setObjectName("filter-all-days")
        self.all_days.setAccessibleName(self.tr("All days"))
        self.shift = QComboBox()
        self.shift.setObjectName("filter-shift")
        self.shift.setAccessibleName(self.tr("Shift"))
        self.shift.addItem(self.tr("All shifts"), None)
        self.shift.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category = QComboBox()
        self.category.setObjectName("filter-category")
        self.category.setAccessibleName(self.tr("Category"))
        self.category.addItem(self.tr("All categories"), None)
        for category in Category:
            self.category.addItem(category_label(category), category.value)
        self.author = QComboBox()
        self.author.setObjectName("filter-author")
        self.author.setAccessibleName(self.tr("Author"))
        self.author.addItem(self.tr("Everyone"), None)
        self.search = QLineEdit()
        self.search.setObjectName("filter-text")
        self.search.setAccessibleName(self.tr("Text contains"))
        self.search.setPlaceholderText(self.tr("a word of the entry or the author's name"))
        self.search.setClearButtonEnabled(True)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (caption, field) in enumerate(
            [(self.tr("Da&y"), self.day), (self.tr("Shi&ft"), self.shift)]
        ):
            self._caption(grid, 0, column * 2, caption, field)
        grid.addWidget(self.all_days, 0, 4)
        for column, (caption, field) in enumerate(
            [
                (self.tr("Cat&egory"), self.category),
                (self.tr("Auth&or"), self.author),
                (self.tr("Te&xt"), self.search),
            ]
        ):
            self._caption(grid, 1, column * 2, caption, field)
        grid.setColumnStretch(5, 1)
        self.filter_grid = grid
        self.day.dateChanged.connect(self._day_changed)
        self.all_days.toggled.connect(self._day_changed)
        for combo in (self.shift, self.category, self.author):
            combo.currentIndexChanged.connect(self.refresh)

    def _caption(self, grid: QGridLayout, row: int, column: int, text: str, field: QWidget) -> None:
        caption = QLabel(text)
        caption.setBuddy(field)
        grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(field, row, column + 1)

    def _make_actions(self) -> None:
        def action(text: str, slot: Callable[[], object], key: str = "") -> QAction:
            made = QAction(text, self)
            made.triggered.connect(lambda _checked=False: slot())
            if key:
                made.setShortcut(QKeySequence(key))
            return made

        self.new_action = action(self.tr("&New log entry…"), self.new_entry, "Ctrl+N")
        self.correct_action = action(
            self.tr("&Correct the selected entry…"), self.correct_selected, "Ctrl+Shift+N"
        )
        self.equipment_action = action(
            self.tr("Record &equipment status…"), self.record_equipment, "Ctrl+E"
        )
        self.join_action = action(self.tr("&Join the shift…"), self.join_shift)
        self.handover_action = action(self.tr("Shift &handover…"), self.hand_over, "Ctrl+H")
        self._actions = [
            self.new_action,
            self.correct_action,
            self.equipment_action,
            self.join_action,
            self.handover_action,
        ]
        self.correct_action.setEnabled(False)
        # On the pane too: the keys work when the pane is shown outside the main window.
        self.addActions(self._actions)

    def menu_actions(self) -> list[QAction]:
        """The Duty menu: window-wide shortcuts."""
        return list(self._actions)

    def _timers(self) -> None:
        self._debounce = QTimer(self, singleShot=True, interval=self.EVENT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._search_debounce = QTimer(self, singleShot=True, interval=self.SEARCH_DEBOUNCE_MS)
        self._search_debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_debounce.start())
        self.status_timer = QTimer(self, interval=self.STATUS_EVERY_MS)
        self.status_timer.timeout.connect(self.refresh)
        self.status_timer.start()

    # -- loading ------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        # Not restarted by later events: a steady stream still redraws every EVENT_DEBOUNCE_MS.
        wanted = (
            event.topic.startswith("duty.")
            or event.topic == "alarm.changed"
            or database_back(event)
        )
        if wanted and not self._debounce.isActive():
            self._debounce.start()

    def query(self) -> Query:
        chosen = self.day.date()
        category = self.category.currentData()
        return Query(
            day=None if self.all_days.isChecked() else qdate(chosen),
            shift_id=self.shift.currentData(),
            category=Category(category) if category else None,
            author=self.author.currentData(),
            text=self.search.text().strip(),
        )

    def _day_changed(self) -> None:
        self.day.setEnabled(not self.all_days.isChecked())
        self.shift.blockSignals(True)
        self.shift.setCurrentIndex(0)  # the day's shifts are other shifts
        self.shift.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._reload = True
            return
        self._loading, self._reload = True, False
        ctx, query = self.ctx, self.query()
        run_in_background(self, lambda: load_log(ctx, query), self._loaded, self._failed)

    def _failed(self, exc: Exception) -> None:
        """The entries shown stay (the database may be out of reach): a quiet line."""
        self._loading = False
        self.say(describe_load(exc))
        if self._reload:
            self.refresh()

    def say(self, text: str) -> None:
        self.message.setText("⚠ " + text)
        self.message.setVisible(bool(text))

    def _loaded(self, loaded: Loaded) -> None:
        self._loading = False
        self.message.hide()
        self._show_status(loaded)
        self._fill_shifts(loaded.shifts)
        self._fill_authors(loaded.authors)
        if self._follow_today(loaded.today):
            return  # the day filter moved on to a new day: that reload shows the rows
        if loaded.query != self.query():
            self._reload = True  # the filters changed while loading
        else:
            self.loaded = loaded
            self._show_rows(loaded)
        if self._reload:
            self.refresh()

    def _follow_today(self, today: date) -> bool:
        """At midnight a filter still on yesterday's "today" moves to the new day."""
        previous, self._today = self._today, today
        shown = self.day.date()
        if today == previous or self.all_days.isChecked():
            return False
        if qdate(shown) != previous:
            return False
        self.day.setDate(QDate(today.year, today.month, today.day))  # reloads
        return True

    def _show_status(self, loaded: Loaded) -> None:
        current = loaded.current
        self.shift_label.setText(
            self.tr("Shift %1 (%2)")
            .replace("%1", current.label)
            .replace("%2", state_label(current.state))
        )
        names = ", ".join(p.display_name for p in loaded.on_duty) or self.tr("nobody")
        self.on_duty_label.setText(self.tr("On duty: %1").replace("%1", names))
        self.staff_warning.setVisible(loaded.understaffed)
        self.staff_warning.setText(
            "⚠ "
            + self.tr("Only %1 on duty; at least %2 required (GB 25506)")
            .replace("%1", str(len(loaded.on_duty)))
            .replace("%2", str(loaded.min_on_duty))
        )
        due = loaded.due
        self.equipment_banner.setVisible(due is not None)
        if due is not None:
            since = f"{due.start.astimezone(self.tz):%H:%M}"
            self.equipment_text.setText(
                "◷ " + self.tr("Equipment status entry due (since %1)").replace("%1", since)
            )

    def _fill_shifts(self, shifts: list[ShiftView]) -> None:
        items: list[tuple[str, int | None]] = [(self.tr("All shifts"), None)]
        items += [(f"{v.label} · {state_label(v.state)}", v.id) for v in shifts]
        self._refill(self.shift, items)

    def _fill_authors(self, authors: list[tuple[str, str]]) -> None:
        items: list[tuple[str, str | None]] = [(self.tr("Everyone"), None)]
        items += [(f"{printed} ({name})", name) for name, printed in authors]
        self._refill(self.author, items)

    def _refill(self, combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        """New choices, the current one kept (or "all" if it is gone); no reload."""
        now = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        if now == items:
            return
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep is not None else 0)
        combo.blockSignals(False)

    def _show_rows(self, loaded: Loaded) -> None:
        scroll = self.table.verticalScrollBar()
        at_end = not self.model.rows or scroll.value() >= scroll.maximum()
        self.model.set_rows(loaded.entries, loaded.slots, loaded.query.day)
        if not self._sized and self.model.rows:
            self._sized = True
            for column in range(self.model.columnCount()):
                if column != DutyLogModel.TEXT:
                    self.table.resizeColumnToContents(column)
        self._summarise(loaded)
        row = self.model.row_of_entry(self.selected_id) if self.selected_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._show_selection(None)
            if at_end:
                self.table.scrollToBottom()

    def _summarise(self, loaded: Loaded) -> None:
        missed = sum(1 for s in loaded.slots if s.state is SlotState.MISSED)
        parts = [self.tr("%1 entries").replace("%1", str(len(loaded.entries)))]
        if missed:
            parts.append(self.tr("✖ %1 equipment-status entries missed").replace("%1", str(missed)))
        if len(loaded.entries) >= loaded.limit:
            parts.append(
                self.tr("only the first %1 are shown: narrow the filter").replace(
                    "%1", str(loaded.limit)
                )
            )
        self.summary.setText(" · ".join(parts))

    # -- selection ----------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self.selected_id = row.id if isinstance(row, EntryView) else None
        self._show_selection(row)

    def selected_entry(self) -> EntryView | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row if isinstance(row, EntryView) else None

    def _show_selection(self, row: Row | None) -> None:
        entry = row if isinstance(row, EntryView) else None
        self.correct_action.setEnabled(entry is not None)
        self.correct_button.setEnabled(entry is not None)
        self.view_button.setEnabled(entry is not None and bool(entry.attachments))
        if row is None:
            self.detail.setPlainText(self.tr("Select an entry to read it in full here."))
        elif isinstance(row, EquipmentSlot):
            self.detail.setPlainText(self._slot_detail(row))
        else:
            self.detail.setPlainText(self._entry_detail(row))

    def _entry_detail(self, entry: EntryView) -> str:
        at = entry.at.astimezone(self.tz)
        recorded = entry.recorded_at.astimezone(self.tz)
        head = [
            f"#{entry.id} · {at:%Y-%m-%d %H:%M} · {category_label(entry.category)} · "
            f"{entry.author_name} ({entry.author})"
        ]
        if abs(entry.recorded_at - entry.at) > timedelta(minutes=1):
            head.append(self.tr("Written at %1").replace("%1", f"{recorded:%Y-%m-%d %H:%M}"))
        if entry.source != "operator":
            head.append(
                self.tr("Written automatically (%1)").replace("%1", entry.ref or entry.source)
            )
        if entry.equipment_status:
            head.append(self.tr("Periodic equipment-status entry"))
        if entry.corrects_id is not None:
            head.append(self.tr("This entry corrects #%1.").replace("%1", str(entry.corrects_id)))
        if entry.corrected_by:
            ids = ", #".join(str(i) for i in entry.corrected_by)
            head.append(self.tr("Corrected by #%1: read the correction too.").replace("%1", ids))
        if entry.attachments:
            head.append(
                self.tr("Pictures: %1 (Enter shows them)").replace(
                    "%1", ", ".join(a.name for a in entry.attachments)
                )
            )
        return "\n".join(head) + "\n\n" + entry.text

    def _slot_detail(self, slot: EquipmentSlot) -> str:
        start = f"{slot.start.astimezone(self.tz):%Y-%m-%d %H:%M}"
        end = f"{slot.end.astimezone(self.tz):%H:%M}"
        if slot.state is SlotState.MISSED:
            text = self.tr("No equipment-status entry was written between %1 and %2.")
        else:
            text = self.tr("The equipment-status entry for %1–%2 is due: Ctrl+E writes it.")
        return text.replace("%1", start).replace("%2", end)

    # -- actions ------------------------------------------------------------------------------

    def _open(self, dialog: EntryDialog) -> EntryDialog:
        """Entry dialogs are not modal: an alarm can be handled while one is open."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def written() -> None:
            if dialog.entry is not None:
                self.selected_id = dialog.entry.id
            self.refresh()

        dialog.accepted.connect(written)
        dialog.show()
        dialog.activateWindow()
        return dialog

    def new_entry(self) -> EntryDialog:
        return self._open(EntryDialog(self.ctx, self))

    def correct_selected(self) -> EntryDialog | None:
        entry = self.selected_entry()
        if entry is None:
            return None
        return self._open(EntryDialog(self.ctx, self, corrects=entry))

    def record_equipment(self) -> EntryDialog:
        summary = self.ctx.desk.duty.equipment_summary()  # devices' health: in memory
        return self._open(EntryDialog(self.ctx, self, equipment_summary=summary))

    def open_attachments(self) -> ImageViewer | None:
        entry = self.selected_entry()
        if entry is None or not entry.attachments:
            return None
        viewer = ImageViewer(self.ctx.desk.duty, entry, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def join_shift(self) -> JoinShiftDialog:
        dialog = JoinShiftDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def hand_over(self) -> None:
        # Imported here: the handover screen is its own module, loaded when first asked for.
        try:
            module = importlib.import_module("console.ui.handover_dialog")
        except ModuleNotFoundError as exc:
            if exc.name != "console.ui.handover_dialog":
                raise
            self.say(self.tr("The handover screen is not part of this version."))
            return
        module.open_handover(self, self.ctx)


register(
    PaneSpec(
        key="log",
        title=lambda: QCoreApplication.translate("DutyPane", "Duty log"),
        factory=DutyPane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        tab_with="alarms",
        shortcut="Ctrl+4",
        menu_title=lambda: QCoreApplication.translate("DutyPane", "&Duty"),
    )
)
