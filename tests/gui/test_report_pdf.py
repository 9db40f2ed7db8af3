"""The printed report: a real report of a desk with data (alarms raised, acknowledged and
closed through core on a set clock), written as a PDF, rendered with pdftoppm and read back
with pdftotext."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QImage

from console.core.alarms import Resolution
from console.core.auth import Actor
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.exports import ExportError
from console.core.reports import Report
from console.ui.report_pdf import (
    ReportCharts,
    Words,
    duration_text,
    headline,
    report_charts,
    write_report_pdf,
)
from console.ui.worker import run_in_background
from devices.alarms.base import DeviceEvent, EventType
from schema.models import CheckRecord
from tests.clock import Clock
from tests.gui.test_handover_sheet import pdf_pages, poppler
from tests.rows import loan_row, visit_row

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 10, 20, 10, 0, tzinfo=TZ)  # the month of October 2026 is running
SRC = "demo-panel"
# point, minutes before NOW it was raised, seconds to acknowledge, then to close (from
# raising), and how it was closed
ALARMS = [
    ("sim:1", 300, 65, 600, Resolution.REAL),  # fire
    ("sim:2", 280, 20, 300, Resolution.FALSE),  # fire
    ("sim:3", 260, 40, 400, Resolution.FALSE),  # fire
    ("sim:4", 240, 30, 200, Resolution.FALSE),  # infrared
    ("sim:9", 220, 10, 100, Resolution.TEST),  # tamper
    ("sim:5", 200, 125, None, None),  # perimeter: acknowledged, still open
    ("sim:7", 100, None, None, None),  # panic: nobody has acknowledged it yet
]
TOTAL, REAL, FALSE = 7, 1, 3
PAPER = Words("zh_CN")  # the printed report's words by default


def _local(day: int, hour: float) -> datetime:
    return (datetime(2026, 10, day, tzinfo=TZ) + timedelta(hours=hour)).astimezone(UTC)


def fill_desk(desk: Desk, operator: Actor, monkeypatch: pytest.MonkeyPatch) -> Clock:
    """October 2026 on the demo site, up to NOW: alarms through the real queue, a camera's
    video loss through core, visits and loans as rows, duty-log entries and a signed check.
    Returns the clock (core's services and the alarm queue's times follow it)."""
    clock = Clock(NOW)
    desk.set_clock(clock)
    monkeypatch.setattr("console.core.alarms.utcnow", clock)
    for point, minutes, ack_s, close_s, resolution in ALARMS:
        raised = NOW - timedelta(minutes=minutes)
        clock.now = raised
        alarm_id = desk.alarms.ingest(
            DeviceEvent(SRC, EventType.ALARM, point, code=point, received_at=raised)
        ).alarm_id
        assert alarm_id is not None
        if ack_s is not None:
            clock.now = raised + timedelta(seconds=ack_s)
            desk.alarms.acknowledge(operator, alarm_id)
        if close_s is not None and resolution is not None:
            clock.now = raised + timedelta(seconds=close_s)
            desk.alarms.close(operator, alarm_id, resolution, "已处理")
    for kind, at in (
        (EventType.COMM_FAULT, _local(12, 8)),
        (EventType.COMM_RESTORE, _local(12, 20)),
    ):
        clock.now = at.astimezone(TZ)
        desk.alarms.ingest(
            DeviceEvent("camera:garage-b1", kind, None, code="video_loss", received_at=at)
        )
    clock.now = NOW
    with desk.db.write() as s:
        s.add_all([visit_row("admitted", _local(d, 9)) for d in (3, 5, 7, 9)])
        s.add_all([visit_row("refused", _local(6, 9)), visit_row("withdrawn", _local(8, 9))])
        s.add_all(
            [
                loan_row(_local(2, 9), "closed", _local(9, 9), _local(6, 9), "intact"),  # returned
                loan_row(_local(4, 9), "lent", _local(15, 9)),  # overdue since the 15th
                loan_row(_local(18, 9), "approved", _local(30, 9)),
            ]
        )
        template = desk.checks.template("fire-daily")
        p_start, p_end = desk.checks.period_of(template, _local(19, 9))
        s.add(
            CheckRecord(
                template_id=template.id,
                template_name=template.name,
                period_start=p_start,
                period_end=p_end,
                signed_by="li",
                printed_name="李值班",
                signed_at=_local(19, 10),
                items="[]",
            )
        )
    li = desk.login("li", "operator-pass-1")
    desk.duty.add(li, Category.PATROL, "B1 巡视正常")
    desk.duty.add(li, Category.EQUIPMENT, "设备正常", equipment_status=True)
    return clock


def october(desk: Desk) -> Report:
    return desk.reports.report(desk.reports.period("month", date(2026, 10, 1)))


@pytest.fixture
def report(desk: Desk, operator: Actor, monkeypatch: pytest.MonkeyPatch) -> Report:
    fill_desk(desk, operator, monkeypatch)
    made = october(desk)
    assert (made.alarms.count, made.alarms.real, made.alarms.false) == (TOTAL, REAL, FALSE)
    return made


def layout_lines(pdf: Path) -> list[str]:
    """The PDF's text as laid out (a table row on one line), runs of spaces made one."""
    out = subprocess.run(
        [poppler("pdftotext"), "-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return [" ".join(line.split()) for line in out.splitlines() if line.strip()]


def _render_page_one(pdf: Path, folder: Path) -> Path:
    subprocess.run(
        [
            poppler("pdftoppm"),
            "-r",
            "50",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf),
            str(folder / "p"),
        ],
        check=True,
        capture_output=True,
    )
    pngs = sorted(folder.glob("p*.png"))
    assert len(pngs) == 1
    return pngs[0]


def _dark_share(image: QImage, box: tuple[float, float, float, float]) -> float:
    """The share of darkish pixels in a box given as fractions of the page."""
    x0, y0, x1, y1 = (
        round(box[0] * image.width()),
        round(box[1] * image.height()),
        round(box[2] * image.width()),
        round(box[3] * image.height()),
    )
    points = [(x, y) for y in range(y0, y1, 2) for x in range(x0, x1, 2)]
    dark = sum(1 for x, y in points if image.pixelColor(x, y).lightness() < 200)
    return dark / max(1, len(points))


def test_the_pdf_renders_and_carries_the_headline_numbers(
    qtbot, report: Report, tmp_path: Path, artifacts: Path
) -> None:
    out = tmp_path / "report.pdf"
    write_report_pdf(report, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary file left
    shutil.copyfile(out, artifacts / "report.pdf")

    png = _render_page_one(out, tmp_path)
    shutil.copyfile(png, artifacts / "report-page1.png")
    image = QImage(str(png))
    assert (abs(image.width() - 413), abs(image.height() - 585)) <= (2, 2)  # A4 at 50 dpi
    assert png.stat().st_size > 15_000
    assert _dark_share(image, (0.1, 0.5, 0.9, 0.8)) > 0.03  # the first chart drew something

    pages = pdf_pages(out)
    text = " ".join(" ".join(pages).split())
    assert f"{report.site_name} 监控中心报表 Monitoring report" in text
    period, month = PAPER.translate("ReportPdf", "Period"), PAPER.translate("ReportPdf", "Month")
    assert f"{period}: 2026-10 ({month}, 2026-10-01 – 2026-10-31)" in text
    assert f"{PAPER.translate('ReportPdf', 'Measured until')}: 2026-10-20 10:00" in text
    assert f"page 1 / {len(pages)}" in pages[0]
    # the headline: each figure beside its label (a row of the table is a line of the layout)
    lines = layout_lines(out)
    figures = {f.key: f for f in headline(report, PAPER)}
    assert (figures["alarms"].value, figures["real"].value, figures["false"].value) == (
        str(TOTAL),
        str(REAL),
        str(FALSE),
    )
    for key in ("alarms", "real", "false", "false_share", "visits"):
        pair = f"{figures[key].label} {figures[key].value}"
        assert any(pair in line for line in lines), pair
    assert figures["false_share"].value == "75.0%"
    a = report.alarms
    assert duration_text(a.ack.median) == "35 s"  # 10, 20, 30, 40, 65 and 125 s
    assert duration_text(a.ack.p90) == "1 min 35 s"
    for value in ("35 s", "1 min 35 s", duration_text(a.close.median)):
        assert value in text
    slashed = re.sub(r"\s*/\s*", "/", text)  # pdftotext may drop the spaces around a "/"
    assert "3/1/1" in slashed  # loans opened / returned / overdue
    assert f"{report.checks_done}/{report.checks_due}" in slashed
    for title in (
        "Alarms by kind",
        "Zones with the most alarms",
        "Time to acknowledge by kind",
        "Camera uptime",
        "Visits by outcome",
        "Footage loans",
        "Checks done against due",
        "Duty log",
        "Definitions",
    ):
        assert title in text, title
    # a camera's uptime, times and time offline (12 h of the 466 h measured)
    assert any("地下车库B1 97.42% 1 12 h 00 min" in line for line in lines)
    # the kinds' total row: alarms, real, false, test or other, open, false share, times
    assert any("7 1 3 1 2 75.0% 35 s 1 min 35 s 5 min 00 s" in line for line in lines)


def test_chart_labels_are_in_the_pdf_text(qtbot, report: Report, tmp_path: Path) -> None:
    """The charts are vectors: their legends and axis labels are text, as printed."""
    out = tmp_path / "report.pdf"
    write_report_pdf(report, out)
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert PAPER.translate("ReportPdf", "Test or other") in text  # a legend of the stacked bars
    assert "东门入口" in text  # a camera on the uptime chart and table


def test_charts_drawn_on_the_gui_thread_are_written_by_a_worker(
    qtbot, qapp, report: Report, tmp_path: Path
) -> None:
    charts = report_charts(report)
    assert isinstance(charts, ReportCharts)
    assert set(charts.pictures) == {"kinds", "ack", "uptime", "visits", "checks"}
    out = tmp_path / "worker.pdf"
    done: list[object] = []
    run_in_background(qapp, lambda: write_report_pdf(report, out, charts), done.append, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [None]
    assert len(pdf_pages(out)) >= 2
    failed: list[Exception] = []  # without charts, a worker refuses: QtCharts is widgets
    run_in_background(qapp, lambda: write_report_pdf(report, out), done.append, failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert isinstance(failed[0], RuntimeError)
    assert "GUI thread" in str(failed[0])


def test_in_english_alone(qtbot, report: Report, tmp_path: Path) -> None:
    out = tmp_path / "english.pdf"
    write_report_pdf(report, out, language="en")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert f"{report.site_name} Monitoring report" in text
    assert "监控中心报表" not in text
    assert "Fire" in text
    assert "火警" not in text  # the kinds too (in Chinese they print "火警 Fire")
    chinese = " ".join(" ".join(pdf_pages(_written(report, tmp_path / "zh.pdf"))).split())
    assert "火警 Fire" in chinese


def _written(report: Report, path: Path) -> Path:
    write_report_pdf(report, path)
    return path


def test_a_failed_write_leaves_nothing(qtbot, report: Report, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "report.pdf"
    with pytest.raises(ExportError):
        write_report_pdf(report, missing)
    assert list(tmp_path.iterdir()) == []


def test_a_process_without_an_application_writes_it(tmp_path: Path) -> None:
    """As `main.py report` runs it: no application object and no platform chosen; the
    writer makes a QApplication on the offscreen platform and draws the charts itself."""
    out = tmp_path / "cli.pdf"
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from console.core.desk import Desk\n"
        "from console.paths import DEMO_SITE\n"
        "from console.ui.report_pdf import write_report_pdf\n"
        "desk = Desk.open(DEMO_SITE)\n"
        "try:\n"
        "    report = desk.reports.report(desk.reports.period('month', date(2026, 10, 1)))\n"
        "    assert QCoreApplication.instance() is None\n"
        "    write_report_pdf(report, Path(sys.argv[1]))\n"
        "    print(QCoreApplication.instance().platformName())\n"
        "finally:\n"
        "    desk.close()\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "offscreen"
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "Period: 2026-10" in text
    assert "No alarms in this period." in text  # an empty month says so instead of a chart
