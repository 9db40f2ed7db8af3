"""Check records pane (检查记录): the check and maintenance sheets of station rules section 4,
kept a year.

Top: every sheet's current period (and a missed previous one), overdue and missed first; Enter
fills the selected one in and signs it. Middle: the open fault reports (an abnormal item opens
one; any can be reported by hand) and their repair. Bottom: the records signed in the last 31
days, the selected one in full beside them.

The pane holds no rules: it reads and writes through CheckService on the thread pool, and
redraws when core publishes "duty.check", "duty.fault" or "duty.shift" and every minute (a
sheet falls due, or past its deadline, with no event).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.core.changes import database_back
from console.core.checks import CheckRecordView, CheckState, CheckStatus, FaultView, period_label
from console.core.desk import Desk
from console.core.events import Event
from console.ui.checks_widgets import (
    KEY_ROLE,
    RED,
    CheckFormDialog,
    FaultModel,
    RecordModel,
    RepairDialog,
    ReportFaultDialog,
    StatusModel,
    _Model,
    in_order,
    local,
    record_html,
    status_key,
)
from console.ui.forms import error_label, show_error
from console.ui.panes import PaneContext, PaneSpec, register
from console.ui.record_table import setup_table
from console.ui.wording import describe_load
from console.ui.worker import run_in_background

RECENT_DAYS = 31  # signed records listed


@dataclass(frozen=True)
class Loaded:
    now: datetime
    statuses: list[CheckStatus]
    faults: list[FaultView]
    records: list[CheckRecordView]  # newest first
    names: dict[str, str]  # user name: printed name


def load_checks(desk: Desk) -> Loaded:
    """Everything the pane shows, read in one go on a worker thread."""
    checks = desk.checks
    now = checks.clock()
    statuses = in_order(checks.status(now))
    faults = checks.faults(open_only=True)
    records = checks.records(start=now - timedelta(days=RECENT_DAYS))
    records.reverse()
    return Loaded(now, statuses, faults, records, dict(desk.duty.authors()))


def _button(text: str, slot: Callable[[], object]) -> QPushButton:
    made = QPushButton(text)
    name = text.replace("&", "").rstrip("…")
    made.setAccessibleName(name)
    made.setObjectName("checks-" + name.lower().replace(" ", "-"))
    made.clicked.connect(lambda _checked=False: slot())
    return made


class ChecksPane(QWidget):
    REFRESH_EVERY_MS = 60_000  # sheets fall due and overdue without an event
    EVENT_DEBOUNCE_MS = 500
    MAX_COLUMN = 260  # px: a cell wider than this is cut (its tooltip has it all)
    TOPICS = frozenset({"duty.check", "duty.fault", "duty.shift"})

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tz = ctx.desk.site.tz()
        self.templates = {t.id: t for t in ctx.desk.checks.templates}
        self.status_model = StatusModel(self.tz)
        self.fault_model = FaultModel(self.tz)
        self.record_model = RecordModel(self.tz)
        self.record_model.templates = self.templates
        self.loaded: Loaded | None = None
        self.dialog: QDialog | None = None  # the last one opened (tests reach it here)
        self.forms: dict[tuple[str, datetime], CheckFormDialog] = {}  # open fill-in forms
        self._keys: dict[str, Any] = {"status": None, "fault": None, "record": None}
        self._sized: set[str] = set()
        self._loading = self._reload = False
        self._make_actions()
        self._build()
        self._selection_changed()
        self._timers()
        ctx.bridge.published.connect(self._on_event)
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, slot: Callable[[], object], key: str = "") -> QAction:
            made = QAction(text, self)
            made.triggered.connect(lambda _checked=False: slot())
            if key:
                made.setShortcut(QKeySequence(key))
            return made

        self.fill_action = action(
            self.tr("&Fill in the selected check…"), self.fill_selected, "Ctrl+Shift+K"
        )
        self.report_action = action(self.tr("&Report a fault…"), self.report_fault)
        self.repair_action = action(self.tr("&Mark the selected fault repaired…"), self.repair)
        self._actions = [self.fill_action, self.report_action]
        # On the pane too: the keys work when the pane is shown outside the main window.
        self.addActions(self._actions)

    def menu_actions(self) -> list[QAction]:
        """The Checks menu: window-wide shortcuts."""
        return list(self._actions)

    def _table(self, model: _Model[Any], name: str, object_name: str) -> QTableView:
        table = QTableView()
        setup_table(table, model, name, object_name)
        table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._selection_changed()
        )
        return table

    @staticmethod
    def _caption(text: str, buddy: QWidget) -> QLabel:
        caption = QLabel(text)
        caption.setBuddy(buddy)
        caption.setStyleSheet("font-weight: bold;")
        return caption

    def _section(self, *rows: QWidget | QHBoxLayout, stretch_last: bool = True) -> QWidget:
        section = QWidget()
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 2, 0, 2)
        for n, row in enumerate(rows):
            stretch = 1 if stretch_last and n == len(rows) - 1 else 0
            if isinstance(row, QHBoxLayout):
                layout.addLayout(row, stretch)
            else:
                layout.addWidget(row, stretch)
        return section

    def _build(self) -> None:
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("checks-summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.notice = QLabel()
        self.notice.setObjectName("checks-notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.message = error_label()
        self.message.setObjectName("checks-message")

        # The sheets
        self.status_table = self._table(self.status_model, self.tr("Sheets"), "checks-status")
        self.status_table.activated.connect(self._status_activated)  # Enter, double-click
        self.status_table.addAction(self.fill_action)
        self.fill_button = _button(self.tr("&Fill in…"), self.fill_selected)
        self.fill_button.setToolTip(self.tr("Fill in and sign the selected sheet (Ctrl+Shift+K)"))
        status_top = QHBoxLayout()
        status_top.addWidget(self._caption(self.tr("Sheets this peri&od"), self.status_table))
        status_top.addStretch(1)
        status_top.addWidget(self.fill_button)

        # The faults
        self.fault_table = self._table(self.fault_model, self.tr("Open faults"), "checks-faults")
        self.fault_table.activated.connect(lambda _index: self.repair())
        self.fault_table.addAction(self.repair_action)
        self.fault_table.addAction(self.report_action)
        self.fault_count = QLabel()
        self.fault_count.setObjectName("checks-fault-count")
        self.repair_button = _button(self.tr("&Mark repaired…"), self.repair)
        self.report_button = _button(self.tr("Report a fau&lt…"), self.report_fault)
        fault_top = QHBoxLayout()
        fault_top.addWidget(self._caption(self.tr("Open faul&ts"), self.fault_table))
        fault_top.addWidget(self.fault_count, 1)
        fault_top.addWidget(self.repair_button)
        fault_top.addWidget(self.report_button)

        # The signed records
        self.detail = QTextBrowser()
        self.detail.setObjectName("checks-detail")
        self.detail.setAccessibleName(self.tr("Selected record, in full"))
        self.detail.setOpenLinks(False)
        self.detail.document().setDefaultStyleSheet(
            "p { margin-top: 1px; margin-bottom: 3px; } h3 { margin-bottom: 4px; }"
        )
        self.record_table = self._table(
            self.record_model, self.tr("Signed records"), "checks-records"
        )
        self.record_table.activated.connect(lambda _index: self.detail.setFocus())
        records_caption = self._caption(
            self.tr("Si&gned in the last %1 days").replace("%1", str(RECENT_DAYS)),
            self.record_table,
        )
        detail_caption = self._caption(self.tr("Selected record, i&n full"), self.detail)
        records_split = QSplitter(Qt.Orientation.Horizontal)
        records_split.addWidget(self._section(records_caption, self.record_table))
        records_split.addWidget(self._section(detail_caption, self.detail))
        records_split.setStretchFactor(0, 3)
        records_split.setStretchFactor(1, 2)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self._section(status_top, self.status_table))
        split.addWidget(self._section(fault_top, self.fault_table))
        split.addWidget(records_split)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 4)
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    def _timers(self) -> None:
        self._debounce = QTimer(self, singleShot=True, interval=self.EVENT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.status_timer = QTimer(self, interval=self.REFRESH_EVERY_MS)
        self.status_timer.timeout.connect(self.refresh)
        self.status_timer.start()

    # -- loading ------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        # Not restarted by later events: a steady stream still redraws every EVENT_DEBOUNCE_MS.
        back = database_back(event)
        if (event.topic in self.TOPICS or back) and not self._debounce.isActive():
            self._debounce.start()

    def refresh(self) -> None:
        if self._loading:
            self._reload = True
            return
        self._loading, self._reload = True, False
        desk = self.ctx.desk
        run_in_background(self, lambda: load_checks(desk), self._loaded, self._failed)

    def _failed(self, exc: Exception) -> None:
        """The sheets shown stay (the database may be out of reach): a line, no dialog."""
        self._loading = False
        show_error(self.message, describe_load(exc))
        if self._reload:
            self.refresh()

    def _loaded(self, loaded: Loaded) -> None:
        self._loading = False
        self.message.hide()
        self.loaded = loaded
        self.fault_model.names = loaded.names
        self.record_model.names = loaded.names
        self.status_model.signers = {
            r.id: f"{r.printed_name} ({r.signed_by}) {local(r.signed_at, self.tz)}"
            for r in loaded.records
        }
        self._fill("status", self.status_table, loaded.statuses)
        self._fill("fault", self.fault_table, loaded.faults)
        self._fill("record", self.record_table, loaded.records)
        self._summarise(loaded)
        self._selection_changed()
        if self._reload:
            self.refresh()

    def _fill(self, which: str, table: QTableView, rows: list[Any]) -> None:
        """New rows; the selected one kept (by its key), else the first."""
        model: _Model[Any] = table.model()  # type: ignore[assignment]
        keep = self._keys[which]
        had_focus = table.hasFocus()
        model.set_rows(rows)
        if which not in self._sized and rows:
            self._sized.add(which)
            table.resizeColumnsToContents()
            for column in range(model.columnCount() - 1):  # long sheet names: see the tooltip
                table.setColumnWidth(column, min(table.columnWidth(column), self.MAX_COLUMN))
        if which == "status":  # every sheet in sight without scrolling
            shown = min(max(len(rows), 3), 12)
            frame = table.frameWidth() * 2
            table.setMinimumHeight(
                table.horizontalHeader().height()
                + shown * table.verticalHeader().defaultSectionSize()
                + frame
            )
        row = model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            table.selectionModel().setCurrentIndex(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._keys[which] = model.key(model.rows[row])
        else:
            self._keys[which] = None
        if had_focus:
            table.setFocus()

    def _summarise(self, loaded: Loaded) -> None:
        counts = {state: 0 for state in CheckState}
        for status in loaded.statuses:
            counts[status.state] += 1
        alert = [
            self.tr("⚠ %1 overdue").replace("%1", str(counts[CheckState.OVERDUE])),
            self.tr("✖ %1 missed").replace("%1", str(counts[CheckState.MISSED])),
        ]
        calm = [
            self.tr("◷ %1 due").replace("%1", str(counts[CheckState.DUE])),
            self.tr("✔ %1 done").replace("%1", str(counts[CheckState.DONE])),
            self.tr("open faults: %1").replace("%1", str(len(loaded.faults))),
        ]
        shown = [html.escape(t) for t in calm]
        if counts[CheckState.OVERDUE] or counts[CheckState.MISSED]:
            text = html.escape(" · ".join(alert))
            shown.insert(0, f"<b style='color: {RED.name()}'>{text}</b>")
        self.summary.setText(" · ".join(shown))
        self.summary.setAccessibleName(
            " · ".join(
                (alert if counts[CheckState.OVERDUE] or counts[CheckState.MISSED] else []) + calm
            )
        )
        self.fault_count.setText(
            self.tr("(%1)").replace("%1", str(len(loaded.faults))) if loaded.faults else ""
        )

    # -- selection ----------------------------------------------------------------------------

    def _current(self, table: QTableView) -> Any:
        model: _Model[Any] = table.model()  # type: ignore[assignment]
        index = table.currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    def selected_status(self) -> CheckStatus | None:
        found = self._current(self.status_table)
        return found if isinstance(found, CheckStatus) else None

    def selected_fault(self) -> FaultView | None:
        found = self._current(self.fault_table)
        return found if isinstance(found, FaultView) else None

    def selected_record(self) -> CheckRecordView | None:
        found = self._current(self.record_table)
        return found if isinstance(found, CheckRecordView) else None

    def _selection_changed(self) -> None:
        status, fault, record = (
            self.selected_status(),
            self.selected_fault(),
            self.selected_record(),
        )
        if status is not None:
            self._keys["status"] = status_key(status)
        if fault is not None:
            self._keys["fault"] = fault.id
        if record is not None:
            self._keys["record"] = record.id
        can_fill = status is not None and status.is_open
        self.fill_action.setEnabled(status is not None)
        self.fill_button.setEnabled(can_fill)
        self.repair_action.setEnabled(fault is not None)
        self.repair_button.setEnabled(fault is not None)
        if record is None:
            self.detail.setHtml(
                html.escape(
                    self.tr("No record selected: the signed records are listed on the left.")
                )
            )
        else:
            self.detail.setHtml(record_html(record, self.templates, self.tz))

    def select_record(self, record_id: int) -> None:
        self._keys["record"] = record_id
        row = self.record_model.row_of(record_id)
        if row >= 0:
            self.record_table.selectRow(row)

    # -- actions ------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.setVisible(bool(text))

    def _status_activated(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        row = self.status_model.row_of(key)
        status = self.status_model.row_at(row)
        if status is not None:
            self.fill_in(status)

    def fill_selected(self) -> CheckFormDialog | None:
        status = self.selected_status()
        if status is None:
            return None
        self.bring_forward()  # from the menu, the pane may be behind another tab
        return self.fill_in(status)

    def fill_in(self, status: CheckStatus) -> CheckFormDialog | None:
        """The fill-in form for that sheet and period (a signed one: its record instead)."""
        if not status.is_open:
            period = period_label(status.template, status.period_start, status.period_end, self.tz)
            self.say(
                "✔ "
                + self.tr("%1 %2 is already signed (record #%3).")
                .replace("%1", status.template.name)
                .replace("%2", period)
                .replace("%3", str(status.record_id))
            )
            if status.record_id is not None:
                self.select_record(status.record_id)
            return None
        key = status_key(status)
        form = self.forms.get(key)
        if form is not None:  # one form per sheet and period
            form.raise_()
            form.activateWindow()
            return form
        form = CheckFormDialog(self.ctx, status, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.forms[key] = form
        form.accepted.connect(lambda: self._signed(form))
        form.finished.connect(lambda _result: self.forms.pop(key, None))
        self._show(form)
        return form

    def _show(self, dialog: QDialog) -> None:
        """Not modal: an alarm can be handled while a form is open."""
        self.dialog = dialog
        dialog.show()
        dialog.activateWindow()

    def _signed(self, form: CheckFormDialog) -> None:
        record = form.record
        if record is None:
            return
        self._keys["record"] = record.id
        period = period_label(form.template, record.period_start, record.period_end, self.tz)
        text = "✔ " + self.tr("Signed %1 %2.").replace("%1", record.template_name).replace(
            "%2", period
        )
        faults = [str(item.fault_id) for item in record.abnormal if item.fault_id is not None]
        if faults:
            text += " " + self.tr("%1 abnormal: fault reports #%2 opened.").replace(
                "%1", str(len(record.abnormal))
            ).replace("%2", ", #".join(faults))
        self.say(text)
        self.refresh()

    def report_fault(self) -> ReportFaultDialog:
        dialog = ReportFaultDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def reported() -> None:
            fault = dialog.fault
            if fault is not None:
                self._keys["fault"] = fault.id
                self.say(
                    "✔ "
                    + self.tr("Fault #%1 reported: %2")
                    .replace("%1", str(fault.id))
                    .replace("%2", fault.title)
                )
            self.refresh()

        dialog.accepted.connect(reported)
        self._show(dialog)
        return dialog

    def repair(self) -> RepairDialog | None:
        fault = self.selected_fault()
        if fault is None:
            return None
        names = self.loaded.names if self.loaded is not None else {}
        dialog = RepairDialog(self.ctx, fault, names, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def repaired() -> None:
            done = dialog.repaired
            if done is not None:
                self.say(
                    "✔ "
                    + self.tr("Fault #%1 repaired: %2")
                    .replace("%1", str(done.id))
                    .replace("%2", done.title)
                )
            self.refresh()

        dialog.accepted.connect(repaired)
        self._show(dialog)
        return dialog

    def bring_forward(self) -> None:
        """Raise this pane's dock when a tabbed dock hides it."""
        parent = self.parentWidget()
        if isinstance(parent, QDockWidget):
            parent.show()
            parent.raise_()


register(
    PaneSpec(
        key="checks",
        title=lambda: QCoreApplication.translate("ChecksPane", "Check records"),
        factory=ChecksPane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        tab_with="log",
        shortcut="Ctrl+6",
        menu_title=lambda: QCoreApplication.translate("ChecksPane", "Chec&ks"),
    )
)
