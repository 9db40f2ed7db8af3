"""The printed handover sheet (PDF), read back with poppler's pdftotext and pdftoppm."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.exports import ExportError
from console.core.handover import ChecklistAnswer, HandoverSheet, ItemHandover
from console.ui.handover_sheet import write_handover_pdf
from devices.alarms.base import DeviceEvent, EventType
from tests.conftest import OPERATOR_PASSWORD

WANG_PASSWORD = "wang-pass-12"
ROOT = Path(__file__).resolve().parents[2]


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is not installed (Debian: poppler-utils)")
    return found


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    out = subprocess.run(
        [poppler("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


@pytest.fixture
def sheet(desk: Desk, admin: Actor, operator: Actor) -> HandoverSheet:
    """A sealed handover of a shift with a long duty log, a correction and an open alarm."""
    desk.auth.add_user(admin, "wang", "王五", Role.OPERATOR, WANG_PASSWORD)
    li = desk.login("li", OPERATOR_PASSWORD)
    wang = desk.login("wang", WANG_PASSWORD)
    last = None
    for n in range(40):
        last = desk.duty.add(
            li,
            Category.PATROL,
            f"第{n}次巡视：地下车库B1、1号楼大堂、电梯轿厢正常；2号门道闸抬杆慢，已报工程部。\n"
            f"Patrol {n}: garage, lobby and lifts normal; gate 2 barrier slow, reported.",
        )
    assert last is not None
    desk.duty.add(wang, Category.OTHER, "更正：上一条巡视时间应为 05:10", corrects=last.id)
    desk.duty.add(wang, Category.EQUIPMENT, "Staff office: traffic barrier fixed, 0123456789.")
    desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, "sim:1"))
    shift = desk.shifts.handover_target()
    assert shift is not None
    draft = desk.handover.draft(shift.id)
    draft.items = [
        ItemHandover(i.item, "王五", "烟感再次报警", "派保安到场确认") for i in draft.items
    ]
    draft.checklist = [ChecklistAnswer(a.item, ok=True) for a in draft.checklist]
    draft.synthesis = "接班：大堂烟感报警未关闭，由我跟进。"
    signed = desk.handover.sign_outgoing(draft, "li", OPERATOR_PASSWORD)
    desk.handover.sign_incoming(signed.id, "wang", WANG_PASSWORD)
    return desk.handover.sheet(signed.id)


def test_the_sheet_carries_names_site_and_the_seal_on_every_page(
    qtbot, desk: Desk, sheet: HandoverSheet, tmp_path: Path, artifacts: Path
) -> None:
    out = tmp_path / "handover.pdf"
    write_handover_pdf([sheet], out)
    shutil.copyfile(out, artifacts / "handover-sheet.pdf")
    pages = pdf_pages(out)
    assert len(pages) >= 2  # the log flows over pages
    seal = sheet.handover.seal_hash
    assert len(seal) == 64
    for number, page in enumerate(pages, start=1):
        assert f"Seal / 封存哈希: {seal}" in page, f"page {number} lacks the seal"
        assert f"page {number} / {len(pages)}" in page
        assert sheet.handover.shift.label in page
        assert desk.site.site.name in page  # 翠湖花园（演示）: Chinese comes out as typed
    text = "".join(pages)
    assert "交接班记录 Shift handover sheet" in text
    assert "李值班" in text
    assert "王五" in text
    assert "交班 handed over" in text
    assert "接班 accepted" in text
    assert "如果 If 烟感再次报警" in text.replace("\n", " ")
    assert "更正 Correction of #" in text  # corrections marked
    assert "第39次巡视" in text  # the last entry of the long log made it
    # digits and letters come out as printed (no ligature "ﬀ", no vanished digits)
    assert "Staff office: traffic barrier fixed, 0123456789." in text
    assert "接班：大堂烟感报警未关闭，由我跟进。" in text


def test_page_one_renders_as_an_image(
    qtbot, sheet: HandoverSheet, tmp_path: Path, artifacts: Path
) -> None:
    out = tmp_path / "handover.pdf"
    write_handover_pdf([sheet], out)
    subprocess.run(
        [
            poppler("pdftoppm"),
            "-png",
            "-r",
            "50",
            "-f",
            "1",
            "-l",
            "1",
            str(out),
            str(tmp_path / "p"),
        ],
        check=True,
        capture_output=True,
    )
    pngs = sorted(tmp_path.glob("p*.png"))
    assert len(pngs) == 1
    shutil.copyfile(pngs[0], artifacts / "handover-sheet-page1.png")
    image = QImage(str(pngs[0]))
    assert not image.isNull()
    assert abs(image.width() - 413) <= 2
    assert abs(image.height() - 585) <= 2
    dark = sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 200  # there is print on the page, not a blank sheet


def test_a_missing_folder_is_an_export_error_and_leaves_nothing(
    qtbot, sheet: HandoverSheet, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "handover.pdf"
    with pytest.raises(ExportError, match="missing"):
        write_handover_pdf([sheet], target)
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_failure_after_writing_removes_the_temporary_file(
    qtbot, sheet: HandoverSheet, tmp_path: Path
) -> None:
    target = tmp_path / "handover.pdf"
    target.mkdir()  # the rename into place fails: a folder has that name
    with pytest.raises(ExportError, match="handover.pdf"):
        write_handover_pdf([sheet], target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handover.pdf"]
    assert list(target.iterdir()) == []


def test_it_makes_its_own_gui_application_without_a_display(tmp_path: Path) -> None:
    """The CLI may call it with no Qt application and no screen at all."""
    out = tmp_path / "empty.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["WAYLAND_DISPLAY"] = ""
    code = (
        "import sys; from pathlib import Path; "
        "from console.ui.handover_sheet import write_handover_pdf; "
        "write_handover_pdf([], Path(sys.argv[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert "No handovers in this period" in "".join(pdf_pages(out))


def test_several_handovers_each_start_a_page_and_count_their_own(
    qtbot, sheet: HandoverSheet, tmp_path: Path
) -> None:
    out = tmp_path / "handovers.pdf"
    write_handover_pdf([sheet, sheet], out)
    pages = pdf_pages(out)
    assert len(pages) % 2 == 0
    per = len(pages) // 2
    for index, page in enumerate(pages):
        number, within = divmod(index, per)
        assert f"handover {number + 1} / 2 · page {within + 1} / {per}" in page
    # the second handover starts on a fresh page with its own title block
    assert "交接单号 Handover no.:" in pages[per]
    assert "交接单号 Handover no.:" not in pages[per - 1]
