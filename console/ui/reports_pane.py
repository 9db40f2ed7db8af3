"""Reports (报表): one period's figures, charts and tables, exported as PDF or CSV.

Pick a period (a day, the week or the month holding a date, or any run of days up to a year)
and make the report: core counts everything in the database on the thread pool, and the pane
shows the headline figures, then tabs of charts and tables (alarms, cameras, visits and loans,
checks and the duty log). The report is a snapshot: it says when it was made and up to when it
measured, and is made again only when asked.

Export writes what is shown: the PDF (report_pdf: the same figures and charts, in the site's
language then English, as `main.py report` prints them) or the CSV long table of core's
`report_rows`, with a BOM so Excel reads the Chinese. The PDF's charts are drawn on the GUI
thread (QtCharts is widgets); the files are written on the thread pool.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.exports import render, write_atomically
from console.core.reports import (
    PERIOD_KINDS,
    REPORT_COLUMNS,
    PeriodKind,
    Report,
    ReportError,
    ReportPeriod,
    report_rows,
)
from console.ui.forms import error_label, show_error
from console.ui.panes import PaneContext, PaneSpec, raise_dock, register
from console.ui.record_table import setup_table
from console.ui.report_pdf import (
    SCREEN,
    Table,
    headline,
    headline_labels,
    local_time,
    period_kind_words,
    report_chart_specs,
    report_charts,
    report_tables,
    write_report_pdf,
)
from console.ui.wording import describe
from console.ui.worker import Reloader, run_in_background

# What a tab shows, in order: ("chart" | "table" | "caption", the chart's or table's key)
Item = tuple[str, str]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _file_stem(period: ReportPeriod) -> str:
    """report-2026-10, report-2026-10-05_2026-10-11: safe in a file name."""
    label = f"{period.first.isoformat()}_{period.last.isoformat()}"
    if period.kind in ("day", "month"):
        label = period.label
    return "report-" + re.sub(r"[^0-9A-Za-z_-]", "", label)


class FittedTable(QTableView):
    """A table as tall as its rows (the tab scrolls, not the table); its first column (the
    names) takes the width to spare, and the horizontal scroll bar gets room only when the
    pane is too narrow for the columns."""

    natural = 0  # the first column's width for its contents

    def set_columns(self) -> None:
        """Size the columns to their contents (after new rows), then fit."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        self.resizeColumnsToContents()
        self.natural = header.sectionSize(0) + 12
        self.fit()

    def fit(self) -> None:
        header = self.horizontalHeader()
        if header.count():
            others = header.length() - header.sectionSize(0)
            header.resizeSection(0, max(self.natural, self.viewport().width() - others))
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        height = header.sizeHint().height() + self.frameWidth() * 2
        height += rows * self.verticalHeader().defaultSectionSize()
        if header.length() > self.width() - self.frameWidth() * 2:
            height += self.horizontalScrollBar().sizeHint().height()
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()


class ReportsPane(QWidget):
    # the printed heights on screen, by the font's line height (a CJK font's is taller, and a
    # bar's label needs its line)
    LINES_PER_MM = 0.25
    MIN_CHART_PX = 200

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.reports = ctx.desk.reports
        self.tz = ctx.desk.site.tz()
        self.report: Report | None = None  # the one shown (and exported)
        self.asked: ReportPeriod | None = None  # the one being made
        self.exporting = False
        self.last_export: Path | None = None  # the file the last export wrote
        self._folder: Path | None = None
        self._shown_once = False
        self._make_actions()
        self._build()
        self.maker = Reloader(self, self._make_call, self._made, self._make_failed)
        self._update_period()
        self._update_buttons()

    # -- building -----------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, slot: Callable[[], object], key: str = "") -> QAction:
            made = QAction(text, self)
            made.triggered.connect(lambda _checked=False: slot())
            if key:
                made.setShortcut(QKeySequence(key))
            return made

        self.make_action = action(self.tr("&Make report"), self.make_from_menu, "Ctrl+Shift+G")
        self.pdf_action = action(self.tr("Export as &PDF…"), self.export_pdf)
        self.csv_action = action(self.tr("Export as &CSV…"), self.export_csv)
        self._actions = [self.make_action, self.pdf_action, self.csv_action]
        # On the pane too: the keys work when the pane is shown outside the main window.
        self.addActions(self._actions)

    def menu_actions(self) -> list[QAction]:
        """The Reports menu: window-wide shortcuts."""
        return list(self._actions)

    def _button(
        self, text: str, name: str, slot: Callable[[], object], tip: str = ""
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _controls(self) -> QHBoxLayout:
        self.kind = QComboBox()
        self.kind.setObjectName("reports-kind")
        self.kind.setAccessibleName(self.tr("Period"))
        for kind in PERIOD_KINDS:
            self.kind.addItem(period_kind_words(kind, SCREEN), kind)
        self.kind.setCurrentIndex(PERIOD_KINDS.index("month"))
        today = self.reports.clock().astimezone(self.tz).date()
        self.first = self._date_edit("reports-first", self.tr("First day"), today)
        self.last = self._date_edit("reports-last", self.tr("Last day"), today)
        self.kind.currentIndexChanged.connect(lambda _index: self._update_period())
        self.first.dateChanged.connect(lambda _day: self._update_period())
        self.last.dateChanged.connect(lambda _day: self._update_period())
        kind_label = QLabel(self.tr("Peri&od:"))
        kind_label.setBuddy(self.kind)
        self.first_label = QLabel(self.tr("&Date:"))
        self.first_label.setBuddy(self.first)
        self.last_label = QLabel(self.tr("&To:"))
        self.last_label.setBuddy(self.last)
        self.span = QLabel()  # the period's first and last days
        self.span.setObjectName("reports-span")
        self.span.setWordWrap(True)  # a narrow dock: it wraps rather than widens the pane
        self.make_button = self._button(
            self.tr("&Make report"),
            "reports-make",
            self.make_report,
            self.tr("Count the period's figures (Ctrl+Shift+G)"),
        )
        self.make_button.setDefault(True)
        row = QHBoxLayout()
        for widget in (kind_label, self.kind, self.first_label, self.first):
            row.addWidget(widget)
        row.addWidget(self.last_label)
        row.addWidget(self.last)
        row.addWidget(self.span, 1)
        row.addWidget(self.make_button)
        return row

    def _date_edit(self, name: str, accessible: str, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(QDate(2999, 12, 31))
        return edit

    def _export_row(self) -> QHBoxLayout:
        self.pdf_button = self._button(
            self.tr("Export &PDF…"),
            "reports-pdf",
            self.export_pdf,
            self.tr("Write the report, charts included, as a PDF file"),
        )
        self.csv_button = self._button(
            self.tr("Export CS&V…"),
            "reports-csv",
            self.export_csv,
            self.tr("Write every figure as a CSV table (opens in Excel)"),
        )
        self.status = QLabel(self.tr("Choose a period and make the report."))
        self.status.setObjectName("reports-status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.pdf_button)
        row.addWidget(self.csv_button)
        return row

    def _headline(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(0)
        self.figures: dict[str, QLabel] = {}
        big = QFont(self.font())
        big.setPointSizeF(max(big.pointSizeF(), 9.0) * 1.5)
        big.setBold(True)
        for index, (key, label) in enumerate(headline_labels(SCREEN).items()):
            caption = QLabel(label)
            caption.setWordWrap(True)
            caption.setStyleSheet("color: #444;")
            caption.setContentsMargins(0, 6 if index >= 4 else 0, 0, 0)
            value = QLabel("—")
            value.setObjectName(f"reports-figure-{key.replace('_', '-')}")
            value.setFont(big)
            value.setAccessibleName(f"{label}: —")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(index, 4)
            grid.addWidget(caption, row * 2, column)
            grid.addWidget(value, row * 2 + 1, column)
            self.figures[key] = value
        return grid

    def _build(self) -> None:
        self.error = error_label()
        self.error.setObjectName("reports-error")
        self.tables: dict[str, FittedTable] = {}
        self.models: dict[str, QStandardItemModel] = {}
        self.captions: dict[str, QLabel] = {}
        self.charts: dict[str, QChartView] = {}
        self.chart_notes: dict[str, QLabel] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reports-tabs")
        self.tabs.setAccessibleName(self.tr("Report sections"))
        for title, items in self._tab_items():
            self.tabs.addTab(self._tab(items), title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._controls())
        layout.addWidget(self.error)
        layout.addLayout(self._export_row())
        layout.addLayout(self._headline())
        layout.addWidget(self.tabs, 1)

    def _tab_items(self) -> list[tuple[str, list[Item]]]:
        return [
            (
                self.tr("&Alarms"),
                [
                    ("chart", "kinds"),
                    ("table", "kinds"),
                    ("chart", "ack"),
                    ("caption", "zones"),
                    ("table", "zones"),
                    ("caption", "faults"),
                    ("table", "faults"),
                ],
            ),
            (self.tr("&Cameras"), [("chart", "uptime"), ("table", "cameras")]),
            (
                self.tr("V&isits and loans"),
                [
                    ("chart", "visits"),
                    ("table", "visits"),
                    ("caption", "loans"),
                    ("table", "loans"),
                ],
            ),
            (
                self.tr("Chec&ks and log"),
                [
                    ("chart", "checks"),
                    ("table", "checks"),
                    ("caption", "log"),
                    ("table", "log"),
                    ("caption", "equipment"),
                    ("table", "equipment"),
                    ("caption", "fault_reports"),
                    ("table", "fault_reports"),
                ],
            ),
        ]

    def _tab(self, items: list[Item]) -> QScrollArea:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 4, 4, 4)
        for what, key in items:
            if what == "chart":
                column.addWidget(self._chart_view(key))
                column.addWidget(self._chart_note(key))
            elif what == "caption":
                column.addWidget(self._caption(key))
            else:
                column.addWidget(self._table(key))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the tables inside
        return scroll

    def _chart_view(self, key: str) -> QChartView:
        view = QChartView()
        view.setObjectName(f"reports-chart-{key}")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table below says it in text
        view.setMinimumHeight(self.MIN_CHART_PX)
        view.hide()
        self.charts[key] = view
        return view

    def _chart_note(self, key: str) -> QLabel:
        note = QLabel()
        note.setObjectName(f"reports-chart-note-{key}")
        note.setStyleSheet("color: #555;")
        note.hide()
        self.chart_notes[key] = note
        return note

    def _caption(self, key: str) -> QLabel:
        caption = QLabel()
        caption.setStyleSheet("font-weight: bold;")
        self.captions[key] = caption
        return caption

    def _table(self, key: str) -> FittedTable:
        model = QStandardItemModel(0, 0, self)
        table = FittedTable()
        setup_table(table, model, key, f"reports-table-{key.replace('_', '-')}")
        self.models[key] = model
        self.tables[key] = table
        return table

    # -- the period ---------------------------------------------------------------------------

    def period_kind(self) -> PeriodKind:
        return PERIOD_KINDS[max(0, self.kind.currentIndex())]

    def period(self) -> ReportPeriod:
        """The period the controls describe (ReportError when they describe none)."""
        last = _pydate(self.last.date()) if self.period_kind() == "custom" else None
        return self.reports.period(self.period_kind(), _pydate(self.first.date()), last)

    def _update_period(self) -> None:
        custom = self.period_kind() == "custom"
        self.last.setVisible(custom)
        self.last_label.setVisible(custom)
        self.first_label.setText(self.tr("&From:") if custom else self.tr("&Date:"))
        self.first.setAccessibleName(
            self.tr("First day") if custom else self.tr("A day of the period")
        )
        try:
            period = self.period()
        except ReportError:
            self.span.setText("")
            return
        span = f"{period.first.isoformat()} – {period.last.isoformat()}"
        text = self.tr("%1 (%2 days)").replace("%1", span).replace("%2", str(period.days))
        self.span.setText(text)
        self.span.setAccessibleName(text)

    # -- making the report --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:  # the first time it is looked at: the current month
            self._shown_once = True
            if self.report is None and not self.maker.loading:
                self.make_report()

    def make_from_menu(self) -> None:
        raise_dock(self)
        self.make_report()

    def make_report(self) -> None:
        """Make the controls' period's report on the thread pool (a second ask while one is
        being made runs once it is done)."""
        try:
            self.asked = self.period()
        except ReportError as exc:
            show_error(self.error, describe(exc))
            return
        self.error.hide()
        self.say(self.tr("Making the report for %1…").replace("%1", self.asked.label))
        self.maker()
        self._update_buttons()

    def _make_call(self) -> Callable[[], Report]:
        reports, period = self.reports, self.asked
        assert period is not None
        return lambda: reports.report(period)

    def _made(self, report: Report) -> None:
        self.report = report
        self.error.hide()
        self._fill_headline(report)
        self._fill_tables(report)
        self._fill_charts(report)
        self.say(
            self.tr("Report %1 made at %2; figures up to %3.")
            .replace("%1", report.period.label)
            .replace("%2", local_time(report.made_at, report, "%H:%M:%S"))
            .replace("%3", local_time(report.measured_until, report))
        )
        self._update_buttons()

    def _make_failed(self, exc: Exception) -> None:
        show_error(self.error, describe(exc))
        self.say(self.tr("The report could not be made."))
        self._update_buttons()

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def _update_buttons(self) -> None:
        busy = self.maker.loading
        self.make_button.setEnabled(not busy)
        self.make_button.setText(self.tr("Making…") if busy else self.tr("&Make report"))
        can_export = self.report is not None and not self.exporting
        for widget in (self.pdf_button, self.csv_button, self.pdf_action, self.csv_action):
            widget.setEnabled(can_export)

    # -- showing it -----------------------------------------------------------------------------

    def _fill_headline(self, report: Report) -> None:
        for figure in headline(report, SCREEN):
            value = self.figures[figure.key]
            value.setText(figure.value)
            value.setAccessibleName(f"{figure.label}: {figure.value}")

    def _fill_tables(self, report: Report) -> None:
        for key, table in report_tables(report, SCREEN).items():
            self._fill_table(key, table)
            if key in self.captions:
                self.captions[key].setText(table.title)
                self.captions[key].setBuddy(self.tables[key])

    def _fill_table(self, key: str, table: Table) -> None:
        model = self.models[key]
        model.clear()
        model.setHorizontalHeaderLabels(table.headers)
        bold = QFont(self.font())
        bold.setBold(True)
        rows = table.rows or [[table.empty] + [""] * (len(table.headers) - 1)]
        for index, row in enumerate(rows):
            items = []
            for column, text in enumerate(row):
                item = QStandardItem(text)
                item.setEditable(False)
                if column in table.numeric:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if table.total and table.rows and index == len(rows) - 1:
                    item.setFont(bold)
                items.append(item)
            model.appendRow(items)
        view = self.tables[key]
        view.setAccessibleName(table.title)
        view.set_columns()

    def _fill_charts(self, report: Report) -> None:
        specs = {spec.key: spec for spec in report_chart_specs(report, SCREEN)}
        # Said when there is no chart; the other charts' tables say it in their empty row.
        empty = {
            "ack": self.tr("No alarm was acknowledged in this period."),
            "checks": self.tr("No check sheet was due in this period."),
        }
        for key, view in self.charts.items():
            spec = specs.get(key)
            note = self.chart_notes[key]
            if spec is None:
                self._set_chart(view, None)
                view.hide()
                note.setText(empty.get(key, ""))
                note.setVisible(key in empty)
                continue
            spec.chart.setTitle(spec.title)
            self._set_chart(view, spec.chart)
            view.setAccessibleName(spec.title)
            view.setMinimumHeight(
                max(
                    self.MIN_CHART_PX,
                    round(spec.height_mm * self.LINES_PER_MM * self.fontMetrics().height()),
                )
            )
            note.hide()
            view.show()

    @staticmethod
    def _set_chart(view: QChartView, chart: QChart | None) -> None:
        """Show `chart` (the view owns it); the chart it replaces is deleted."""
        old = view.chart()
        view.setChart(chart if chart is not None else QChart())
        if old is not None and shiboken6.isValid(old):
            old.deleteLater()

    # -- export ---------------------------------------------------------------------------------

    def _ask_path(self, caption: str, suffix: str, kinds: str) -> Path | None:
        assert self.report is not None
        folder = self._folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        suggested = folder / f"{_file_stem(self.report.period)}.{suffix}"
        name, _chosen = QFileDialog.getSaveFileName(self, caption, str(suggested), kinds)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(path.name + f".{suffix}")
        self._folder = path.parent
        return path

    def export_pdf(self) -> None:
        report = self.report
        if report is None or self.exporting:
            return
        path = self._ask_path(
            self.tr("Export the report as PDF"), "pdf", self.tr("PDF files (*.pdf)")
        )
        if path is None:
            return
        try:
            # here: QtCharts is widgets; in the site's language, as `main.py report` prints
            charts = report_charts(report, self.ctx.desk.site.site.language)
        except Exception as exc:  # noqa: BLE001 - worded for the operator
            show_error(self.error, describe(exc))
            return
        self._export(lambda: write_report_pdf(report, path, charts), path)

    def export_csv(self) -> None:
        report = self.report
        if report is None or self.exporting:
            return
        path = self._ask_path(
            self.tr("Export the report as CSV"), "csv", self.tr("CSV files (*.csv)")
        )
        if path is None:
            return

        def write() -> None:
            text = render(report_rows(report), REPORT_COLUMNS, "csv")
            write_atomically(path, text, bom=True)  # the BOM: Excel then reads the Chinese

        self._export(write, path)

    def _export(self, write: Callable[[], None], path: Path) -> None:
        self.exporting = True
        self.error.hide()
        self._update_buttons()
        self.say(self.tr("Writing %1…").replace("%1", str(path)))
        run_in_background(self, write, lambda _none: self._exported(path), self._export_failed)

    def _exported(self, path: Path) -> None:
        self.exporting = False
        self.last_export = path
        self.say("✔ " + self.tr("Saved %1").replace("%1", str(path)))
        self._update_buttons()

    def _export_failed(self, exc: Exception) -> None:
        self.exporting = False
        show_error(self.error, describe(exc))
        self.say(self.tr("The file was not written."))
        self._update_buttons()


register(
    PaneSpec(
        key="reports",
        title=lambda: QCoreApplication.translate("ReportsPane", "Reports"),
        factory=ReportsPane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        # with the site and audit panes; "site", not "audit": an operator has no audit pane
        tab_with="site",
        shortcut="F10",
        menu_title=lambda: QCoreApplication.translate("ReportsPane", "Repor&ts"),
    )
)
