"""The printed report (监控中心报表): one period's figures as an A4 PDF, tables and charts.

Like the handover sheet and the loan receipt (whose page geometry, fonts and text-map fixes it
shares), the printed report is bilingual whatever the UI language: the site's language (zh_CN
unless told otherwise) first, then English, as a monthly report goes to managers and
inspectors who never saw the desk; "en" prints English alone. Its words are English source
strings marked for lupdate (context "ReportPdf"; the alarm, visit, log and check words in the
contexts that already translate them), looked up in our catalogue of that language itself, so
a report made on the command line, where no translator is installed, reads the same. A string
not translated yet prints in English alone.

The figures' words, tables and charts are built here for the reports pane too (`Words` picks
the language: SCREEN, the UI's, or a printed language), so screen and paper agree.

QtCharts is made of widgets (QGraphicsWidget): the charts are drawn on the GUI thread into
QPictures (`report_charts`), which the PDF replays as vectors, so the PDF itself may be written
on a worker thread. The command line calls `write_report_pdf(report, path)` on its main thread,
which then draws the charts itself; with no application object it makes a QApplication on the
offscreen platform.

The layout is one QTextDocument cut into A4 pages (long tables flow over pages); a chart holds
its place in the text as an empty image of its size and is drawn over that place. A heading
that would end a page without what follows it, or a short part that would run over a page
break, starts the next page instead.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLegend,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QCoreApplication,
    QMargins,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QThread,
    QTranslator,
    QUrl,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPdfWriter,
    QPen,
    QPicture,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextLine,
    QTextTable,
)
from PySide6.QtWidgets import QGraphicsScene

from console.core.dutylog import Category
from console.core.reports import AlarmCounts, Report
from console.core.visits import VisitState
from console.ui.handover_sheet import (
    BAND_PT,
    Geometry,
    ensure_app,
    esc,
    mm,
    pick_family,
    sheet_font,
    write_pdf,
)
from console.ui.i18n import I18N

TITLE = "监控中心报表 Monitoring report"
BODY_PT = 8.5
CHART_PT = 7.5  # axis labels, legends and bar values, as printed
TOP_ZONES = 15  # zones listed (the CSV has them all)
CHART_WIDTH_MM = 182.0  # the page's body width


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # lupdate's marker, typed
    """Marks (context, source) for lupdate; the words are looked up when shown."""
    return source


_catalogue_lock = threading.Lock()
_catalogues: dict[str, QTranslator] = {}


def _catalogue(language: str) -> QTranslator:
    """Our catalogue for `language`, loaded once (empty when there is no such file: the
    words then print in English alone)."""
    with _catalogue_lock:
        if language not in _catalogues:
            translator = QTranslator()
            translator.load(f"watchdesk_{language}", str(I18N))
            _catalogues[language] = translator
        return _catalogues[language]


class Words:
    """How the report's words are said. On screen (SCREEN, language None): in the UI's
    language, through the installed translators. On paper: in `language` then in English
    ("火警 Fire"), from our catalogue whatever the UI's language ("en": English alone).
    Called as `w.translate("ReportPdf", "…")`, which lupdate collects like
    QCoreApplication.translate."""

    def __init__(self, language: str | None) -> None:
        self.language = language

    def translate(self, context: str, source: str) -> str:
        if self.language is None:
            return QCoreApplication.translate(context, source)
        if self.language == "en":
            return source
        said = _catalogue(self.language).translate(context, source)
        return f"{said} {source}" if said and said != source else source

    def title(self) -> str:
        """监控中心报表 Monitoring report (the record's own name, as the sheets have theirs)."""
        if self.language is not None and self.language.startswith("zh"):
            return TITLE
        return self.translate("ReportPdf", "Monitoring report")


SCREEN = Words(None)
PAPER_LANGUAGE = "zh_CN"  # the printed report's language when none is given


# -- words ------------------------------------------------------------------------------------

KIND_WORDS = {
    "fire": QT_TRANSLATE_NOOP("AlarmModel", "Fire"),
    "infrared": QT_TRANSLATE_NOOP("AlarmModel", "Infrared"),
    "perimeter": QT_TRANSLATE_NOOP("AlarmModel", "Perimeter"),
    "video": QT_TRANSLATE_NOOP("AlarmModel", "Video intrusion"),
    "panic": QT_TRANSLATE_NOOP("AlarmModel", "Panic"),
    "elevator": QT_TRANSLATE_NOOP("AlarmModel", "Lift"),
    "tamper": QT_TRANSLATE_NOOP("AlarmModel", "Tamper"),
    "fault": QT_TRANSLATE_NOOP("AlarmModel", "Fault"),
}
EVENT_WORDS = {
    "trouble": QT_TRANSLATE_NOOP("AlarmModel", "Trouble"),
    "disabled": QT_TRANSLATE_NOOP("AlarmModel", "Disabled at panel"),
    "comm_fault": QT_TRANSLATE_NOOP("AlarmModel", "Communication fault"),
}
VISIT_WORDS = {
    VisitState.PENDING.value: QT_TRANSLATE_NOOP("Wording", "Pending"),
    VisitState.WAITING.value: QT_TRANSLATE_NOOP("Wording", "Waiting"),
    VisitState.ADMITTED.value: QT_TRANSLATE_NOOP("Wording", "Admitted"),
    VisitState.REFUSED.value: QT_TRANSLATE_NOOP("Wording", "Refused"),
    VisitState.WITHDRAWN.value: QT_TRANSLATE_NOOP("Wording", "Left before a decision"),
}
CATEGORY_WORDS = {
    Category.PATROL.value: QT_TRANSLATE_NOOP("Wording", "Patrol"),
    Category.ALARM.value: QT_TRANSLATE_NOOP("Wording", "Alarm"),
    Category.EQUIPMENT.value: QT_TRANSLATE_NOOP("Wording", "Equipment"),
    Category.VISITOR.value: QT_TRANSLATE_NOOP("Wording", "Visitor"),
    Category.FOOTAGE.value: QT_TRANSLATE_NOOP("Wording", "Footage"),
    Category.COMPLAINT.value: QT_TRANSLATE_NOOP("Wording", "Complaint"),
    Category.LIFT.value: QT_TRANSLATE_NOOP("Wording", "Lift"),
    Category.HANDOVER.value: QT_TRANSLATE_NOOP("Wording", "Handover"),
    Category.OTHER.value: QT_TRANSLATE_NOOP("Wording", "Other"),
}
CHECK_PERIOD_WORDS = {
    "shift": QT_TRANSLATE_NOOP("ChecksPane", "every shift"),
    "day": QT_TRANSLATE_NOOP("ChecksPane", "daily"),
    "week": QT_TRANSLATE_NOOP("ChecksPane", "weekly"),
    "month": QT_TRANSLATE_NOOP("ChecksPane", "monthly"),
    "quarter": QT_TRANSLATE_NOOP("ChecksPane", "quarterly"),
    "year": QT_TRANSLATE_NOOP("ChecksPane", "yearly"),
}
PERIOD_WORDS = {
    "day": QT_TRANSLATE_NOOP("ReportPdf", "Day"),
    "week": QT_TRANSLATE_NOOP("ReportPdf", "Week"),
    "month": QT_TRANSLATE_NOOP("ReportPdf", "Month"),
    "custom": QT_TRANSLATE_NOOP("ReportPdf", "Custom period"),
}
# The colours of the alarm outcomes; the legend and the tables say the same in words.
REAL, FALSE, TEST, OPEN = "#c62828", "#f29d38", "#90a4ae", "#1e6fc4"
MEDIAN, P90 = "#1e6fc4", "#9cc3ea"
UPTIME = "#2e7d32"
DUE, DONE, ON_TIME = "#b0bec5", "#66bb6a", "#2e7d32"
VISIT_COLOURS = {
    VisitState.ADMITTED.value: "#43a047",
    VisitState.REFUSED.value: "#c62828",
    VisitState.WITHDRAWN.value: "#90a4ae",
    VisitState.PENDING.value: "#f9a825",
    VisitState.WAITING.value: "#1e88e5",
}


def _words(table: dict[str, str], context: str, key: str, w: Words) -> str:
    source = table.get(key)
    return w.translate(context, source) if source else key


def kind_words(kind: str, w: Words) -> str:
    return _words(KIND_WORDS, "AlarmModel", kind, w)


def event_words(event: str, w: Words) -> str:
    return _words(EVENT_WORDS, "AlarmModel", event, w)


def visit_words(state: str, w: Words) -> str:
    return _words(VISIT_WORDS, "Wording", state, w)


def category_words(category: str, w: Words) -> str:
    return _words(CATEGORY_WORDS, "Wording", category, w)


def period_kind_words(kind: str, w: Words) -> str:
    return _words(PERIOD_WORDS, "ReportPdf", kind, w)


def duration_text(seconds: float | None) -> str:
    """45 s, 4.5 s, 1 min 05 s, 2 h 03 min, 3 d 04 h; "—" when nothing was timed. Unit symbols,
    not words: the same on screen and on paper, in either language."""
    if seconds is None:
        return "—"
    if seconds < 9.95:
        return f"{max(seconds, 0.0):.1f} s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    if whole < 86400:
        return f"{whole // 3600} h {whole % 3600 // 60:02d} min"
    return f"{whole // 86400} d {whole % 86400 // 3600:02d} h"


def percent_text(share: float | None, digits: int = 1) -> str:
    return "—" if share is None else f"{share * 100:.{digits}f}%"


def mean_uptime(report: Report) -> float | None:
    if not report.cameras:
        return None
    return sum(c.uptime for c in report.cameras) / len(report.cameras)


def local_time(moment: datetime, report: Report, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return moment.astimezone(report.period.tz).strftime(fmt)


# -- figures and tables -------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: str


def headline_labels(w: Words) -> dict[str, str]:
    """The headline figures' keys and labels, in order."""
    return {
        "alarms": w.translate("ReportPdf", "Alarms"),
        "real": w.translate("ReportPdf", "Real alarms"),
        "false": w.translate("ReportPdf", "False alarms"),
        "false_share": w.translate("ReportPdf", "False share"),
        "ack_median": w.translate("ReportPdf", "Time to acknowledge, median"),
        "ack_p90": w.translate("ReportPdf", "Time to acknowledge, 90th percentile"),
        "close_median": w.translate("ReportPdf", "Time to close, median"),
        "uptime": w.translate("ReportPdf", "Camera uptime, average"),
        "visits": w.translate("ReportPdf", "Visits"),
        "loans": w.translate("ReportPdf", "Loans opened / returned / overdue"),
        "checks": w.translate("ReportPdf", "Checks done / due"),
    }


def headline(report: Report, w: Words) -> list[Figure]:
    """The figures at the top of the report and of the pane."""
    a, loans = report.alarms, report.loans
    values = {
        "alarms": str(a.count),
        "real": str(a.real),
        "false": str(a.false),
        "false_share": percent_text(a.false_share),
        "ack_median": duration_text(a.ack.median),
        "ack_p90": duration_text(a.ack.p90),
        "close_median": duration_text(a.close.median),
        "uptime": percent_text(mean_uptime(report), 2),
        "visits": str(report.visits_total),
        "loans": f"{loans.opened} / {loans.returned} / {loans.overdue}",
        "checks": f"{report.checks_done} / {report.checks_due}",
    }
    return [Figure(key, label, values[key]) for key, label in headline_labels(w).items()]


@dataclass(frozen=True)
class Table:
    key: str
    title: str  # the section or table caption
    headers: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()  # right-aligned columns
    empty: str = ""  # said instead of a table without rows
    total: bool = False  # the last row sums the others (bold)
    widths: list[int] = field(default_factory=list)  # % of the page, printed


def _kind_row(c: AlarmCounts, label: str) -> list[str]:
    return [
        label,
        str(c.count),
        str(c.real),
        str(c.false),
        str(c.test + c.other),
        str(c.open),
        percent_text(c.false_share),
        duration_text(c.ack.median),
        duration_text(c.ack.p90),
        duration_text(c.close.median),
    ]


def _alarm_tables(report: Report, w: Words) -> list[Table]:
    kinds = [_kind_row(c, kind_words(c.kind, w)) for c in report.by_kind]
    if kinds:
        kinds.append(_kind_row(report.alarms, w.translate("ReportPdf", "All kinds")))
    zones = [
        [c.label, kind_words(c.kind, w), str(c.count), str(c.real), str(c.false), str(c.open)]
        for c in report.by_zone[:TOP_ZONES]
    ]
    faults = [[event_words(f.event, w), str(f.count), str(f.open)] for f in report.faults]
    no_alarms = w.translate("ReportPdf", "No alarms in this period.")
    return [
        Table(
            "kinds",
            w.translate("ReportPdf", "Alarms by kind"),
            [
                w.translate("ReportPdf", "Kind"),
                w.translate("ReportPdf", "Alarms"),
                w.translate("ReportPdf", "Real"),
                w.translate("ReportPdf", "False"),
                w.translate("ReportPdf", "Test or other"),
                w.translate("ReportPdf", "Open"),
                w.translate("ReportPdf", "False share"),
                w.translate("ReportPdf", "To acknowledge, median"),
                w.translate("ReportPdf", "To acknowledge, 90th pct."),
                w.translate("ReportPdf", "To close, median"),
            ],
            kinds,
            frozenset(range(1, 10)),
            no_alarms,
            total=True,
            widths=[14, 8, 7, 7, 9, 7, 9, 13, 13, 13],
        ),
        Table(
            "zones",
            w.translate("ReportPdf", "Zones with the most alarms"),
            [
                w.translate("ReportPdf", "Zone"),
                w.translate("ReportPdf", "Kind"),
                w.translate("ReportPdf", "Alarms"),
                w.translate("ReportPdf", "Real"),
                w.translate("ReportPdf", "False"),
                w.translate("ReportPdf", "Open"),
            ],
            zones,
            frozenset(range(2, 6)),
            no_alarms,
            widths=[40, 16, 11, 11, 11, 11],
        ),
        Table(
            "faults",
            w.translate("ReportPdf", "Device faults"),
            [
                w.translate("ReportPdf", "Fault"),
                w.translate("ReportPdf", "Reported"),
                w.translate("ReportPdf", "Still open"),
            ],
            faults,
            frozenset({1, 2}),
            w.translate("ReportPdf", "No device faults in this period."),
            widths=[50, 25, 25],
        ),
    ]


def _camera_table(report: Report, w: Words) -> Table:
    rows = [
        [
            c.name,
            percent_text(c.uptime, 2),
            str(c.offline_count),
            duration_text(c.offline_seconds) if c.offline_seconds else "0 s",
        ]
        for c in report.cameras
    ]
    return Table(
        "cameras",
        w.translate("ReportPdf", "Camera uptime"),
        [
            w.translate("ReportPdf", "Camera"),
            w.translate("ReportPdf", "Uptime"),
            w.translate("ReportPdf", "Times offline"),
            w.translate("ReportPdf", "Time offline"),
        ],
        rows,
        frozenset({1, 2, 3}),
        w.translate("ReportPdf", "The site has no cameras."),
        widths=[46, 18, 18, 18],
    )


def _visit_loan_tables(report: Report, w: Words) -> list[Table]:
    total = report.visits_total
    visits = [
        [visit_words(state, w), str(n), percent_text(n / total if total else None)]
        for state, n in report.visits.items()
    ]
    if visits:
        visits.append(
            [
                w.translate("ReportPdf", "All visits"),
                str(total),
                percent_text(1.0 if total else None),
            ]
        )
    loans = report.loans
    loan_rows = [
        [w.translate("ReportPdf", "Requested in the period"), str(loans.opened)],
        [w.translate("ReportPdf", "Returned (intact or altered)"), str(loans.returned)],
        [
            w.translate("ReportPdf", "Closed otherwise (destroyed, lost, viewed)"),
            str(loans.closed_other),
        ],
        [
            w.translate("ReportPdf", "Overdue (due in the period, not closed by then)"),
            str(loans.overdue),
        ],
        [w.translate("ReportPdf", "Still out at the end of the period"), str(loans.out_at_end)],
    ]
    return [
        Table(
            "visits",
            w.translate("ReportPdf", "Visits by outcome"),
            [
                w.translate("ReportPdf", "Outcome"),
                w.translate("ReportPdf", "Visits"),
                w.translate("ReportPdf", "Share"),
            ],
            visits,
            frozenset({1, 2}),
            w.translate("ReportPdf", "No visits in this period."),
            total=True,
            widths=[50, 25, 25],
        ),
        Table(
            "loans",
            w.translate("ReportPdf", "Footage loans"),
            [w.translate("ReportPdf", "Loans"), w.translate("ReportPdf", "Count")],
            loan_rows,
            frozenset({1}),
            widths=[75, 25],
        ),
    ]


def _check_log_tables(report: Report, w: Words) -> list[Table]:
    checks = [
        [
            c.name,
            _words(CHECK_PERIOD_WORDS, "ChecksPane", c.period, w),
            str(c.due),
            str(c.done),
            str(c.on_time),
            str(c.missed),
        ]
        for c in report.checks
    ]
    if checks:
        on_time = sum(c.on_time for c in report.checks)
        missed = sum(c.missed for c in report.checks)
        checks.append(
            [
                w.translate("ReportPdf", "All sheets"),
                "",
                str(report.checks_due),
                str(report.checks_done),
                str(on_time),
                str(missed),
            ]
        )
    log = [[category_words(k, w), str(n)] for k, n in report.log.items()]
    if log:
        log.append([w.translate("ReportPdf", "All entries"), str(sum(report.log.values()))])
    expected = report.equipment_expected
    share = report.equipment_entries / expected if expected else None
    equipment = [
        [
            w.translate("ReportPdf", "Equipment-status entries written"),
            str(report.equipment_entries),
        ],
        [w.translate("ReportPdf", "Expected (one per interval set for the site)"), str(expected)],
        [w.translate("ReportPdf", "Written as a share of expected"), percent_text(share)],
    ]
    faults = report.fault_reports
    fault_rows = [
        [w.translate("ReportPdf", "Opened in the period"), str(faults.opened)],
        [w.translate("ReportPdf", "Repaired in the period"), str(faults.repaired)],
        [w.translate("ReportPdf", "Still open at the end of the period"), str(faults.open_at_end)],
    ]
    return [
        Table(
            "checks",
            w.translate("ReportPdf", "Checks done against due"),
            [
                w.translate("ReportPdf", "Sheet"),
                w.translate("ReportPdf", "Every"),
                w.translate("ReportPdf", "Due"),
                w.translate("ReportPdf", "Done"),
                w.translate("ReportPdf", "On time"),
                w.translate("ReportPdf", "Missed"),
            ],
            checks,
            frozenset(range(2, 6)),
            w.translate("ReportPdf", "No check sheets are set up."),
            total=True,
            widths=[40, 16, 11, 11, 11, 11],
        ),
        Table(
            "log",
            w.translate("ReportPdf", "Duty-log entries by category"),
            [w.translate("ReportPdf", "Category"), w.translate("ReportPdf", "Entries")],
            log,
            frozenset({1}),
            w.translate("ReportPdf", "No duty-log entries in this period."),
            total=True,
            widths=[75, 25],
        ),
        Table(
            "equipment",
            w.translate("ReportPdf", "Equipment-status entries"),
            [w.translate("ReportPdf", "Equipment status"), w.translate("ReportPdf", "Count")],
            equipment,
            frozenset({1}),
            widths=[75, 25],
        ),
        Table(
            "fault_reports",
            w.translate("ReportPdf", "Fault reports"),
            [w.translate("ReportPdf", "Fault reports"), w.translate("ReportPdf", "Count")],
            fault_rows,
            frozenset({1}),
            widths=[75, 25],
        ),
    ]


def report_tables(report: Report, w: Words) -> dict[str, Table]:
    """Every table of the report by key: kinds, zones, faults, cameras, visits, loans, checks,
    log, equipment, fault_reports."""
    tables = [
        *_alarm_tables(report, w),
        _camera_table(report, w),
        *_visit_loan_tables(report, w),
        *_check_log_tables(report, w),
    ]
    return {table.key: table for table in tables}


def definitions(w: Words) -> list[str]:
    """What the figures count (the notes at the end of the printed report)."""
    return [
        w.translate(
            "ReportPdf",
            "Alarms: the alarms raised in the period; device faults are counted apart. Real, "
            "false and test come from how each alarm was closed; open alarms are not closed yet.",
        ),
        w.translate(
            "ReportPdf",
            "False share: false alarms among those closed as real or false. Times are counted "
            "from the alarm being raised to its acknowledgement or its closing, over the alarms "
            "of the period that got that far; the median and 90th percentile interpolate "
            "between the nearest values.",
        ),
        w.translate(
            "ReportPdf",
            "Camera uptime: the share of the period (up to now for a running period) without "
            "a video loss recorded by a running desk; times offline count the losses that "
            "began in the period.",
        ),
        w.translate(
            "ReportPdf",
            "Checks due: the sheet periods whose deadline fell in the period, counted from the "
            "desk's first use; done: signed; on time: signed by the deadline.",
        ),
        w.translate(
            "ReportPdf",
            "Loans overdue: loans lent out whose due date fell in the period and that were not "
            "closed by then. Visits are counted by the outcome of those requested in the period.",
        ),
    ]


# -- charts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    chart: QChart
    height_mm: float  # printed


def _nice_step(maximum: float, ticks: int = 5) -> float:
    raw = max(maximum, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _value_axis(maximum: float, font: QFont | None, integers: bool, title: str = "") -> QValueAxis:
    """0 to a round number above `maximum`, ticks at round steps."""
    step = max(_nice_step(maximum), 1.0) if integers else _nice_step(maximum)
    top = step * max(1, math.ceil(maximum / step - 1e-9))
    axis = QValueAxis()
    axis.setRange(0, top)
    axis.setTickCount(round(top / step) + 1)
    axis.setLabelFormat("%d" if integers or step >= 1 else "%.1f")
    if title:
        axis.setTitleText(title)
    if font is not None:
        axis.setLabelsFont(font)
        axis.setTitleFont(font)
    return axis


def _new_chart(font: QFont | None) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(2, 2, 2, 2))
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignTop)
    legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeRectangle)
    if font is not None:
        legend.setFont(font)
    return chart


def _bar_set(name: str, values: Sequence[float], colour: str) -> QBarSet:
    bar_set = QBarSet(name)
    bar_set.append([float(v) for v in values])
    bar_set.setColor(QColor(colour))
    bar_set.setBorderColor(QColor(colour))
    bar_set.setLabelColor(QColor("#000000"))
    return bar_set


def _bars(
    series: QAbstractBarSeries,
    categories: Sequence[str],
    sets: Sequence[QBarSet],
    value_axis: QValueAxis,
    font: QFont | None,
) -> QChart:
    """A horizontal bar chart: categories down the left, first at the top."""
    chart = _new_chart(font)
    series.setBarWidth(0.8)
    for bar_set in sets:
        series.append(bar_set)
    chart.addSeries(series)
    categories_axis = QBarCategoryAxis()
    categories_axis.append(list(categories))
    if font is not None:
        categories_axis.setLabelsFont(font)
    chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories_axis)
    series.attachAxis(value_axis)
    return chart


def _top_first(values: Sequence[float]) -> list[float]:
    return list(reversed(values))


def _kinds_chart(report: Report, w: Words, font: QFont | None) -> QChart | None:
    kinds = report.by_kind
    if not kinds:
        return None

    sets = [
        _bar_set(w.translate("ReportPdf", "Real"), _top_first([c.real for c in kinds]), REAL),
        _bar_set(w.translate("ReportPdf", "False"), _top_first([c.false for c in kinds]), FALSE),
        _bar_set(
            w.translate("ReportPdf", "Test or other"),
            _top_first([c.test + c.other for c in kinds]),
            TEST,
        ),
        _bar_set(w.translate("ReportPdf", "Open"), _top_first([c.open for c in kinds]), OPEN),
    ]
    names = list(reversed([kind_words(c.kind, w) for c in kinds]))
    axis = _value_axis(
        max(c.count for c in kinds), font, integers=True, title=w.translate("ReportPdf", "Alarms")
    )
    return _bars(QHorizontalStackedBarSeries(), names, sets, axis, font)


def duration_unit(seconds: float) -> tuple[float, str]:
    """The unit a chart of durations up to `seconds` reads best in: (seconds per unit, symbol)."""
    if seconds < 180:
        return 1.0, "s"
    if seconds < 3 * 3600:
        return 60.0, "min"
    return 3600.0, "h"


def _ack_chart(report: Report, w: Words, font: QFont | None) -> QChart | None:
    kinds = [c for c in report.by_kind if c.ack.count]
    if not kinds:
        return None

    longest = max(c.ack.p90 or 0.0 for c in kinds)
    per, unit = duration_unit(longest)

    def values(pick: Callable[[AlarmCounts], float | None]) -> list[float]:
        return _top_first([round((pick(c) or 0.0) / per, 1) for c in kinds])

    sets = [
        _bar_set(w.translate("ReportPdf", "Median"), values(lambda c: c.ack.median), MEDIAN),
        _bar_set(w.translate("ReportPdf", "90th percentile"), values(lambda c: c.ack.p90), P90),
    ]
    series = QHorizontalBarSeries()
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsPrecision(4)
    names = list(reversed([kind_words(c.kind, w) for c in kinds]))
    title = w.translate("ReportPdf", "Time to acknowledge (%1)").replace("%1", unit)
    axis = _value_axis(longest / per * 1.12, font, integers=False, title=title)
    chart = _bars(series, names, sets, axis, font)
    _label_font(series, font)
    return chart


def _label_font(series: QAbstractBarSeries, font: QFont | None) -> None:
    if font is None:
        return
    for bar_set in series.barSets():
        bar_set.setLabelFont(font)


def _uptime_chart(report: Report, w: Words, font: QFont | None) -> QChart | None:
    cameras = report.cameras
    if not cameras:
        return None

    sets = [
        _bar_set(
            w.translate("ReportPdf", "Uptime (%)"),
            _top_first([round(c.uptime * 100, 2) for c in cameras]),
            UPTIME,
        )
    ]
    series = QHorizontalBarSeries()
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsInsideEnd)
    series.setLabelsPrecision(5)
    axis = _value_axis(100, font, integers=True, title=w.translate("ReportPdf", "Uptime (%)"))
    chart = _bars(series, list(reversed([c.name for c in cameras])), sets, axis, font)
    for bar_set in series.barSets():
        bar_set.setLabelColor(QColor("#ffffff"))
    _label_font(series, font)
    chart.legend().hide()
    return chart


def _visits_chart(report: Report, w: Words, font: QFont | None) -> QChart | None:
    total = report.visits_total
    if not total:
        return None
    chart = _new_chart(font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    series = QPieSeries()
    series.setPieSize(0.8)
    for state, count in report.visits.items():
        # the legend says it all; slice labels would crowd a small pie
        label = f"{visit_words(state, w)}: {count} ({percent_text(count / total)})"
        pie_slice = series.append(label, count)
        pie_slice.setColor(QColor(VISIT_COLOURS.get(state, "#bdbdbd")))
        pie_slice.setBorderColor(QColor("#ffffff"))
    chart.addSeries(series)
    return chart


def _checks_chart(report: Report, w: Words, font: QFont | None) -> QChart | None:
    checks = [c for c in report.checks if c.due or c.done]
    if not checks:
        return None

    sets = [
        _bar_set(w.translate("ReportPdf", "Due"), _top_first([c.due for c in checks]), DUE),
        _bar_set(w.translate("ReportPdf", "Done"), _top_first([c.done for c in checks]), DONE),
        _bar_set(
            w.translate("ReportPdf", "On time"), _top_first([c.on_time for c in checks]), ON_TIME
        ),
    ]
    series = QHorizontalBarSeries()
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    top = max(max(c.due, c.done) for c in checks)
    axis = _value_axis(
        top * 1.1, font, integers=True, title=w.translate("ReportPdf", "Sheet periods")
    )
    chart = _bars(series, list(reversed([c.name for c in checks])), sets, axis, font)
    _label_font(series, font)
    return chart


def chart_heights(report: Report) -> dict[str, float]:
    """Each chart's printed height (mm): a bar chart grows with its rows."""

    def rows_mm(count: int, per_row: float, base: float = 24.0) -> float:
        return min(base + per_row * count, 150.0)

    return {
        "kinds": rows_mm(len(report.by_kind), 8),
        "ack": rows_mm(sum(1 for c in report.by_kind if c.ack.count), 12),
        "uptime": rows_mm(len(report.cameras), 7, 18),
        "visits": 50.0,
        "checks": rows_mm(sum(1 for c in report.checks if c.due or c.done), 15),
    }


def report_chart_specs(report: Report, w: Words, font: QFont | None = None) -> list[ChartSpec]:
    """The report's charts that have something to show (GUI thread: QtCharts is widgets).
    `font`: the labels' font (None: the application's, on screen)."""

    heights = chart_heights(report)
    made = [
        ("kinds", w.translate("ReportPdf", "Alarms by kind"), _kinds_chart),
        ("ack", w.translate("ReportPdf", "Time to acknowledge by kind"), _ack_chart),
        ("uptime", w.translate("ReportPdf", "Camera uptime"), _uptime_chart),
        ("visits", w.translate("ReportPdf", "Visits by outcome"), _visits_chart),
        ("checks", w.translate("ReportPdf", "Checks done against due"), _checks_chart),
    ]
    specs = []
    for key, title, build in made:
        chart = build(report, w, font)
        if chart is not None:
            specs.append(ChartSpec(key, title, chart, heights[key]))
    return specs


@dataclass(frozen=True)
class ReportCharts:
    """The printed charts as pictures, by key, the font family they were drawn with and the
    words they speak (the rest of the report speaks them too)."""

    pictures: dict[str, QPicture]
    family: str
    words: Words


def picture_of(chart: QChart, width_mm: float, height_mm: float) -> QPicture:
    """The chart drawn as vectors, `width_mm` by `height_mm` when replayed on paper."""
    picture = QPicture()
    units = picture.logicalDpiX() / 25.4  # a picture scales itself to the device it plays on
    width, height = width_mm * units, height_mm * units
    scene = QGraphicsScene()
    scene.addItem(chart)  # the scene owns the chart now, and deletes it with itself
    chart.resize(QSizeF(width, height))
    layout = chart.layout()
    if layout is not None:
        layout.activate()
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
    painter.end()
    scene.clear()
    return picture


def report_charts(report: Report, language: str | None = None) -> ReportCharts:
    """The printed report's charts in `language` (None: zh_CN, then English; "en": English
    alone), drawn on the GUI thread for write_report_pdf on any thread."""
    ensure_app(widgets=True)
    words = Words(language or PAPER_LANGUAGE)
    family = pick_family()
    font = sheet_font(family, CHART_PT)
    pictures = {
        spec.key: picture_of(spec.chart, CHART_WIDTH_MM, spec.height_mm)
        for spec in report_chart_specs(report, words, font)
    }
    return ReportCharts(pictures, family, words)


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


# -- the document -------------------------------------------------------------------------------


def _cell(text: str, numeric: bool, bold: bool = False) -> str:
    align = ' align="right"' if numeric else ""
    content = f"<b>{esc(text)}</b>" if bold else esc(text)
    return f"<td{align}>{content}</td>"


def table_html(table: Table) -> str:
    if not table.rows:
        return f'<p style="color:#444;">{esc(table.empty)}</p>'
    pad = round(mm(0.6))
    widths = table.widths or [round(100 / len(table.headers))] * len(table.headers)
    head = "".join(
        f'<th width="{w}%" align="{"right" if n in table.numeric else "left"}" '
        f'bgcolor="#e8e8e8"><span style="font-size: 7.5pt;">{esc(h)}</span></th>'
        for n, (h, w) in enumerate(zip(table.headers, widths, strict=True))
    )
    body = []
    for index, row in enumerate(table.rows):
        bold = table.total and index == len(table.rows) - 1
        cells = "".join(_cell(c, n in table.numeric, bold) for n, c in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{pad}" '
        f'style="border-collapse: collapse; border-color: #777;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _heading(title: str, level: int, new_page: bool) -> str:
    """A section (h3) or table caption (h4) heading; `new_page` starts a page with it."""
    bottom = round(mm(1.0 if level == 3 else 0.6))
    top = "page-break-before: always; " if new_page else ""
    size = "6pt" if level == 3 else "3pt"
    spacer = "" if new_page else f'<p style="margin: 0; font-size: {size};">&nbsp;</p>'
    style = f"{top}margin-top: 0; margin-bottom: {bottom}px;"
    return f'{spacer}<h{level} style="{style}">{esc(title)}</h{level}>'


def _chart_html(key: str, height_mm: float) -> str:
    units = QPicture().logicalDpiX() / 25.4
    width, height = round(CHART_WIDTH_MM * units), round(height_mm * units)
    return f'<p style="margin: 0;"><img src="chart:{key}" width="{width}" height="{height}"/></p>'


def _headline_html(report: Report, w: Words) -> str:
    """Two figures a row, each value beside its label (the text reads "label value")."""
    pad = round(mm(0.9))
    cells = [
        f'<td width="36%" valign="middle" bgcolor="#f0f0f0">{esc(f.label)}</td>'
        f'<td width="14%" align="right" valign="middle">'
        f'<span style="font-size: 11pt;"><b>{esc(f.value)}</b></span></td>'
        for f in headline(report, w)
    ]
    cells += ["<td></td><td></td>"] * (-len(cells) % 2)
    rows = "".join(f"<tr>{''.join(cells[i : i + 2])}</tr>" for i in range(0, len(cells), 2))
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{pad}" '
        f'style="border-collapse: collapse; border-color: #777;">{rows}</table>'
    )


def _title_html(report: Report, w: Words) -> str:
    period = report.period
    kind = period_kind_words(period.kind, w)
    span = f"{period.first.isoformat()} – {period.last.isoformat()}"
    until = local_time(report.measured_until, report)
    made = local_time(report.made_at, report)
    label = w.translate("ReportPdf", "Period")
    measured = w.translate("ReportPdf", "Measured until")
    made_label = w.translate("ReportPdf", "Made")
    lines = [
        f"{esc(label)}: <b>{esc(period.label)}</b> ({esc(kind)}, {esc(span)})",
        f"{esc(measured)}: {esc(until)} · {esc(made_label)}: {esc(made)}",
    ]
    title = f"{report.site_name} {w.title()}"
    return (
        f'<h1 align="center" style="margin-bottom: 2px;">{esc(title)}</h1>'
        f'<p align="center" style="font-size: 9.5pt;">{"<br/>".join(lines)}</p>'
    )


Part = tuple[int, str]  # (3 or 4: a heading's level, its title) or (0, HTML)


def _sections(report: Report, charts: ReportCharts) -> list[Part]:
    w = charts.words
    tables = report_tables(report, w)
    heights = chart_heights(report)

    def chart(key: str) -> list[Part]:
        return [(0, _chart_html(key, heights[key]))] if key in charts.pictures else []

    def table(key: str, caption: bool = False) -> list[Part]:
        title: list[Part] = [(4, tables[key].title)] if caption else []
        return [*title, (0, table_html(tables[key]))]

    def section(source: str, *content: list[Part]) -> list[Part]:
        return [(3, w.translate("ReportPdf", source)), *(p for part in content for p in part)]

    nothing = esc(w.translate("ReportPdf", "No alarm was acknowledged."))
    none_acknowledged: list[Part] = [(0, f'<p style="color:#444;">{nothing}</p>')]
    notes: list[Part] = [(0, f'<p style="font-size: 7.5pt;">{esc(d)}</p>') for d in definitions(w)]
    return [
        *section(QT_TRANSLATE_NOOP("ReportPdf", "Alarms by kind"), chart("kinds"), table("kinds")),
        *section(QT_TRANSLATE_NOOP("ReportPdf", "Zones with the most alarms"), table("zones")),
        *section(
            QT_TRANSLATE_NOOP("ReportPdf", "Time to acknowledge by kind"),
            chart("ack") or none_acknowledged,
        ),
        *section(QT_TRANSLATE_NOOP("ReportPdf", "Device faults"), table("faults")),
        *section(
            QT_TRANSLATE_NOOP("ReportPdf", "Camera uptime"), chart("uptime"), table("cameras")
        ),
        *section(
            QT_TRANSLATE_NOOP("ReportPdf", "Visits by outcome"), chart("visits"), table("visits")
        ),
        *section(QT_TRANSLATE_NOOP("ReportPdf", "Footage loans"), table("loans")),
        *section(
            QT_TRANSLATE_NOOP("ReportPdf", "Checks done against due"),
            chart("checks"),
            table("checks"),
        ),
        *section(
            QT_TRANSLATE_NOOP("ReportPdf", "Duty log"),
            table("log"),
            table("equipment", caption=True),
            table("fault_reports", caption=True),
        ),
        *section(QT_TRANSLATE_NOOP("ReportPdf", "Definitions"), notes),
    ]


def report_html(report: Report, charts: ReportCharts, breaks: frozenset[int] = frozenset()) -> str:
    """The body of the report; the headings numbered in `breaks` (from 0, in order) start a
    new page."""
    parts = [_title_html(report, charts.words), _headline_html(report, charts.words)]
    number = 0
    for level, text in _sections(report, charts):
        if level:
            parts.append(_heading(text, level, number in breaks))
            number += 1
        else:
            parts.append(text)
    return "".join(parts)


# -- pages --------------------------------------------------------------------------------------


def _document(
    report: Report, charts: ReportCharts, writer: QPdfWriter, geo: Geometry, breaks: frozenset[int]
) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # points and pixels at 300 dpi
    doc.setDefaultFont(sheet_font(charts.family, BODY_PT))
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(geo.body.width(), geo.body.height()))
    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
    blank.fill(Qt.GlobalColor.transparent)
    for key in charts.pictures:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{key}"), blank)
    doc.setHtml(report_html(report, charts, breaks))
    return doc


def _line_top(doc: QTextDocument, block: QTextBlock) -> float:
    """Where the block's first line starts (a line pushed to the next page starts there)."""
    top = doc.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    return top + (layout.lineAt(0).y() if layout.lineCount() else 0.0)


def _stranded_headings(doc: QTextDocument, page_height: float) -> set[int]:
    """The headings (numbered in order) to move to the next page: those that would end a page
    without their first element (a chart, table or paragraph), or whose first element fits on
    a page but would run over a page break (a longer table flows on, its header repeated)."""

    def page(y: float) -> int:
        return int((y + 1) // page_height)  # a line pushed onto a page starts a hair above it

    stranded = set()
    number = -1
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() in (3, 4):
            number += 1
            top = _line_top(doc, block)
            first, bottom = _first_element(doc, block.next())
            if first is not None:
                fits = bottom - first <= page_height * 0.9
                if page(first) > page(top) or (fits and page(bottom - 2) > page(top)):
                    stranded.add(number)
        block = block.next()
    return stranded


def _first_element(doc: QTextDocument, block: QTextBlock) -> tuple[float | None, float]:
    """Where the element starting at `block` starts and ends: a whole table, or one block."""
    if not block.isValid():
        return None, 0.0
    layout = doc.documentLayout()
    top = _line_top(doc, block)
    table: QTextTable | None = QTextCursor(block).currentTable()  # None outside a table
    if table is None:
        return top, layout.blockBoundingRect(block).bottom()
    last = table.lastCursorPosition().block()
    return top, layout.blockBoundingRect(last).bottom()


def _x(line: QTextLine, offset: int) -> float:
    found = line.cursorToX(offset)  # (x, the position it moved to)
    return float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]


def _chart_places(doc: QTextDocument) -> dict[str, QRectF]:
    """Where each chart's placeholder image was laid out, in document pixels."""
    places = {}
    block = doc.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            image = fragment.charFormat().toImageFormat()
            if fragment.charFormat().isImageFormat() and image.name().startswith("chart:"):
                offset = fragment.position() - block.position()
                line = block.layout().lineForTextPosition(offset)
                left = _x(line, offset)
                width = _x(line, offset + 1) - left
                height = width * image.height() / image.width()
                rect = doc.documentLayout().blockBoundingRect(block)
                top = rect.top() + line.y() + line.ascent() - height
                places[image.name().removeprefix("chart:")] = QRectF(
                    rect.left() + left, top, width, height
                )
            fragments += 1
        block = block.next()
    return places


def _draw_chart(painter: QPainter, picture: QPicture, place: QRectF) -> None:
    """Replay the chart to fill `place`: a picture sizes itself to the device it plays on
    (CHART_WIDTH_MM wide); the place the text made for it should be just that."""
    device = painter.device()
    dpi = device.logicalDpiX() if device is not None else picture.logicalDpiX()
    scale = place.width() / (CHART_WIDTH_MM / 25.4 * dpi)
    painter.save()
    painter.translate(place.topLeft())
    if abs(scale - 1.0) > 1e-3:
        painter.scale(scale, scale)
    picture.play(painter)
    painter.restore()


def _layout(
    report: Report, charts: ReportCharts, writer: QPdfWriter, geo: Geometry
) -> QTextDocument:
    """The document, its stranded headings moved to the next page (a few passes at most:
    each move can only push later content down)."""
    breaks: frozenset[int] = frozenset()
    doc = _document(report, charts, writer, geo, breaks)
    for _ in range(6):
        stranded = _stranded_headings(doc, geo.body.height()) - breaks
        if not stranded:
            break
        breaks |= {min(stranded)}
        doc = _document(report, charts, writer, geo, breaks)
    return doc


def _render(
    painter: QPainter, writer: QPdfWriter, geo: Geometry, report: Report, charts: ReportCharts
) -> None:
    doc = _layout(report, charts, writer, geo)
    places = _chart_places(doc)
    height = geo.body.height()
    pages = max(1, doc.pageCount())
    for page in range(pages):
        if page:
            writer.newPage()
        shown = QRectF(0, page * height, geo.body.width(), height - 1)
        painter.save()
        painter.translate(geo.body.left(), geo.body.top() - page * height)
        doc.drawContents(painter, shown)
        for key, place in places.items():
            if shown.intersects(place):
                _draw_chart(painter, charts.pictures[key], place)
        painter.restore()
        _bands(painter, geo, charts, report, page + 1, pages)


def _bands(
    painter: QPainter, geo: Geometry, charts: ReportCharts, report: Report, page: int, pages: int
) -> None:
    """The header and footer of one page."""
    w = charts.words
    painter.save()
    painter.setPen(QPen(QBrush(Qt.GlobalColor.black), mm(0.2)))
    painter.setFont(sheet_font(charts.family, BAND_PT))
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    head, foot = geo.header, geo.footer
    period = w.translate("ReportPdf", "Period")
    painter.drawText(head, left, f"{report.site_name} · {period}: {report.period.label}")
    painter.drawText(head, right, w.title())
    painter.drawLine(QPointF(head.left(), head.bottom()), QPointF(head.right(), head.bottom()))
    painter.drawLine(QPointF(foot.left(), foot.top()), QPointF(foot.right(), foot.top()))
    made = w.translate("ReportPdf", "Made")
    painter.drawText(foot, left, f"{made}: {local_time(report.made_at, report)} · Watchdesk")
    painter.drawText(foot, right, f"page {page} / {pages}")
    painter.restore()


def write_report_pdf(
    report: Report,
    path: Path,
    charts: ReportCharts | None = None,
    *,
    language: str | None = None,
) -> None:
    """Write the report to `path` (A4, 300 dpi): whole or not at all, ExportError naming the
    file when it cannot be written.

    `charts`: from report_charts() on the GUI thread, so this can run on a worker thread
    (the reports pane); the report then speaks their language. None: they are drawn here in
    `language` (None: zh_CN, then English; "en": English alone), which must then be on the
    GUI thread (the command line)."""
    if charts is None:
        ensure_app(widgets=True)
        if not _on_gui_thread():
            raise RuntimeError("draw the charts on the GUI thread first: report_charts()")
        charts = report_charts(report, language)
    drawn = charts

    def draw(painter: QPainter, writer: QPdfWriter, geo: Geometry, _family: str) -> None:
        _render(painter, writer, geo, report, drawn)

    title = f"{report.site_name} {drawn.words.title()} {report.period.label}"
    write_pdf(Path(path), title, draw)
