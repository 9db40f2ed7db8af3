"""The reports pane, driven as an operator would: offscreen, demo site, a desk with October
2026's data (tests/gui/test_report_pdf.fill_desk), real core, real PDF and CSV writers; only
the save dialog is answered by the test."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView

from console.core.auth import Actor
from console.core.desk import Desk
from console.core.exports import render
from console.core.reports import REPORT_COLUMNS, Report, ReportError, report_rows
from console.ui import panes
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext
from console.ui.reports_pane import ReportsPane
from console.ui.wording import describe
from tests.gui.test_handover_sheet import pdf_pages
from tests.gui.test_mainwindow import _unnamed
from tests.gui.test_report_pdf import FALSE, REAL, TOTAL, fill_desk, october

SPEC = {spec.key: spec for spec in panes.registered()}["reports"]


@pytest.fixture
def ctx(desk: Desk, operator: Actor, monkeypatch: pytest.MonkeyPatch) -> Iterator[PaneContext]:
    fill_desk(desk, operator, monkeypatch)  # "today" is 2026-10-20 for core and the pane
    bridge = BusBridge(desk.bus)
    yield PaneContext(desk, operator, bridge)
    bridge.close()


@pytest.fixture
def pane(qtbot, ctx: PaneContext) -> ReportsPane:
    made = ReportsPane(ctx)
    qtbot.addWidget(made)
    made.resize(1200, 900)
    made.show()  # the first look makes the current month's report
    qtbot.waitExposed(made)
    qtbot.waitUntil(lambda: made.report is not None, timeout=10_000)
    return made


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the save dialog with `path`; returns the names it suggested."""
    suggested: list[str] = []

    def answer(_parent, _caption, name, _kinds):
        suggested.append(name)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


def test_the_pane_is_registered_with_its_keys() -> None:
    assert SPEC.shortcut == "F10"
    assert SPEC.tab_with == "site"  # where the audit pane is too, for those who have it
    assert SPEC.area == Qt.DockWidgetArea.LeftDockWidgetArea
    assert SPEC.menu_title is not None
    assert SPEC.menu_title() == "Repor&ts"


def test_the_months_report_is_made_in_the_background_and_matches_core(
    qtbot, pane: ReportsPane, desk: Desk, artifacts: Path
) -> None:
    expected = october(desk)
    shown = pane.report
    assert shown is not None
    assert shown.period.label == "2026-10"  # the current month by default
    assert pane.kind.currentData() == "month"
    assert (shown.alarms.count, shown.alarms.real, shown.alarms.false) == (TOTAL, REAL, FALSE)
    assert shown.alarms == expected.alarms
    figures = {key: label.text() for key, label in pane.figures.items()}
    assert figures["alarms"] == str(TOTAL)
    assert figures["real"] == str(REAL)
    assert figures["false"] == str(FALSE)
    assert figures["false_share"] == "75.0%"
    assert figures["ack_median"] == "35 s"
    assert figures["visits"] == str(expected.visits_total)
    assert figures["loans"] == "3 / 1 / 1"
    assert figures["checks"] == f"{expected.checks_done} / {expected.checks_due}"
    assert pane.figures["alarms"].accessibleName() == f"Alarms: {TOTAL}"
    assert "2026-10" in pane.status.text()
    assert "2026-10-20 10:00" in pane.status.text()  # measured up to "now"

    # the tables say what the charts show, with their headers
    kinds = pane.models["kinds"]
    headers = [kinds.headerData(c, Qt.Orientation.Horizontal) for c in range(kinds.columnCount())]
    assert headers[:3] == ["Kind", "Alarms", "Real"]
    rows = {kinds.item(r, 0).text(): kinds.item(r, 1).text() for r in range(kinds.rowCount())}
    assert rows == {"Fire": "3", "Infrared": "1", "Panic": "1", "Perimeter": "1", "Tamper": "1",
                    "All kinds": "7"}  # fmt: skip
    cameras = pane.models["cameras"]
    garage = [r for r in range(cameras.rowCount()) if cameras.item(r, 0).text() == "地下车库B1"]
    assert [cameras.item(garage[0], c).text() for c in (1, 2)] == ["97.42%", "1"]
    for key, table in pane.tables.items():
        assert table.accessibleName(), key
        assert isinstance(table.horizontalHeader(), QHeaderView)
        assert not table.horizontalHeader().isHidden(), key
    for key in ("kinds", "ack", "uptime", "visits", "checks"):
        view = pane.charts[key]
        assert not view.isHidden(), key  # shown on its tab
        assert view.chart().series(), key  # a chart with data, not an empty one
        assert view.accessibleName(), key

    pane.grab().save(str(artifacts / "reports-pane.png"))


def test_controls_have_names_and_the_make_key(qtbot, pane: ReportsPane) -> None:
    for widget in (pane.kind, pane.first, pane.last, pane.make_button, pane.pdf_button,
                   pane.csv_button, pane.tabs):  # fmt: skip
        assert widget.accessibleName(), widget.objectName()
    for tab in range(pane.tabs.count()):  # every table labels its columns
        pane.tabs.setCurrentIndex(tab)
        assert _unnamed(pane) == [], pane.tabs.tabText(tab)
    pane.kind.setCurrentIndex(pane.kind.findData("custom"))
    assert _unnamed(pane) == []
    assert pane.make_action.shortcut().toString() == "Ctrl+Shift+G"
    assert [a.text() for a in pane.menu_actions()] == [
        "&Make report",
        "Export as &PDF…",
        "Export as &CSV…",
    ]


def test_another_period_is_made_on_the_key(qtbot, pane: ReportsPane, desk: Desk) -> None:
    pane.kind.setCurrentIndex(pane.kind.findData("day"))
    pane.first.setDate(QDate(2026, 10, 12))
    assert pane.span.text() == "2026-10-12 – 2026-10-12 (1 days)"
    pane.make_action.trigger()
    assert not pane.make_button.isEnabled()  # busy while core counts
    qtbot.waitUntil(lambda: pane.report is not None and pane.report.period.kind == "day")
    assert pane.make_button.isEnabled()
    assert pane.figures["alarms"].text() == "0"  # the alarms were all on the 20th
    assert pane.models["cameras"].item(1, 2).text() == "1"  # the garage's loss on the 12th
    assert pane.charts["kinds"].isHidden()
    assert pane.models["kinds"].item(0, 0).text() == "No alarms in this period."
    assert pane.chart_notes["ack"].text() == "No alarm was acknowledged in this period."


def test_a_custom_period_ending_before_it_starts_is_worded(qtbot, pane: ReportsPane) -> None:
    shown = pane.report
    pane.kind.setCurrentIndex(pane.kind.findData("custom"))
    assert pane.last.isVisibleTo(pane)
    pane.first.setDate(QDate(2026, 10, 10))
    pane.last.setDate(QDate(2026, 10, 5))
    qtbot.mouseClick(pane.make_button, Qt.MouseButton.LeftButton)
    assert pane.error.isVisible()
    expected = describe(ReportError("period_reversed", "x"))
    assert expected.startswith("The period's last day is before its first day")
    assert pane.error.text() == "⚠ " + expected
    assert pane.report is shown  # the last good report stays
    pane.last.setDate(QDate(2026, 10, 15))
    qtbot.mouseClick(pane.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.report is not shown)
    assert not pane.error.isVisible()
    assert pane.report is not None
    assert (pane.report.period.first, pane.report.period.last) == (
        date(2026, 10, 10),
        date(2026, 10, 15),
    )


def test_csv_export_writes_core_rows_with_a_bom(
    qtbot, pane: ReportsPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "october"  # the suffix is added
    suggested = save_as(monkeypatch, out)
    qtbot.mouseClick(pane.csv_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "october.csv"
    qtbot.waitUntil(lambda: pane.last_export == written)
    assert suggested[0].endswith("report-2026-10.csv")
    assert pane.status.text() == f"✔ Saved {written}"
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese
    with written.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    report = pane.report
    assert isinstance(report, Report)
    expected = render(report_rows(report), REPORT_COLUMNS, "csv")
    assert raw.decode("utf-8-sig") == expected
    assert len(rows) == len(report_rows(report))
    total = next(r for r in rows if r["section"] == "alarms" and r["measure"] == "count")
    assert total["value"] == str(TOTAL)
    assert [p.name for p in tmp_path.iterdir()] == ["october.csv"]


def test_pdf_export_writes_the_report(
    qtbot, pane: ReportsPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "october.pdf"
    save_as(monkeypatch, out)
    pane.pdf_action.trigger()
    assert not pane.pdf_button.isEnabled()  # one export at a time
    qtbot.waitUntil(lambda: pane.last_export == out, timeout=10_000)
    assert pane.pdf_button.isEnabled()
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "监控中心报表 Monitoring report" in text
    assert "Period: 2026-10" in text


def test_a_failed_export_is_worded(
    qtbot, pane: ReportsPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_as(monkeypatch, tmp_path / "no-such-folder" / "report.csv")
    pane.csv_action.trigger()
    qtbot.waitUntil(lambda: pane.error.isVisible())
    assert pane.error.text().startswith("⚠ The files could not be written or read:")
    assert pane.csv_button.isEnabled()
