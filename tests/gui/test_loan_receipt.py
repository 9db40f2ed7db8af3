"""The footage-loan receipt (PDF), read back with poppler's pdftotext and pdftoppm."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QImage

from console.core import packages
from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.core.exports import ExportError
from console.core.loans import (
    BorrowerKind,
    LoanForm,
    LoanMode,
    LoanReceipt,
    LoanState,
    LoanView,
    Medium,
    RangeForm,
    RangeView,
)
from console.core.visits import IdType, mask_id, resident_id_check
from console.ui.loan_receipt import write_loan_receipt
from schema.types import utcnow
from tests.footage import index_segment

TZ = ZoneInfo("Asia/Shanghai")
RAW_ID = "110105199003071234"[:17] + resident_id_check("110105199003071234"[:17])
RAW_PHONE = "13912345678"
MANAGER_PASSWORD = "manager-pass-9"


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is not installed (Debian: poppler-utils)")
    return found


def pdf_text(path: Path) -> str:
    return subprocess.run(
        [poppler("pdftotext"), "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")


def digest(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()


def loan_view(ranges: tuple[RangeView, ...]) -> LoanView:
    at = datetime(2026, 3, 14, 9, 30, tzinfo=TZ)
    return LoanView(
        id=7,
        created_at=at,
        requested_by="li",
        borrower_kind=BorrowerKind.RESIDENT,
        borrower_name="欧阳明华",
        organisation="",
        id_type=IdType.RESIDENT_ID,
        id_masked=mask_id(RAW_ID),
        phone=RAW_PHONE,
        purpose="车辆在地下车库被剐蹭，提交保险公司 car scraped in the garage",
        case_no="",
        officer2_name="",
        officer2_id_masked="",
        mode=LoanMode.COPY,
        medium=Medium.USB,
        medium_serial="USB-0042",
        due_at=at + timedelta(days=7),
        state=LoanState.APPROVED,
        decided_at=at + timedelta(hours=1),
        decided_by="zhou",
        copy_reason="insurance",
        decision_note="",
        package_dir="",
        manifest_sha256="",
        exported_at=None,
        exported_by=None,
        reminded_at=None,
        closed_at=None,
        closed_by=None,
        outcome="",
        witness="",
        close_note="",
        return_report=None,
        ranges=ranges,
    )


@pytest.fixture
def receipt() -> LoanReceipt:
    start = datetime(2026, 3, 13, 22, 15, tzinfo=TZ)
    cameras = [("garage-b1", "地下车库B1"), ("east-gate", "东门入口")]
    ranges, files = [], []
    for seq, (camera, name) in enumerate(cameras, 1):
        a, b = start + timedelta(minutes=seq), start + timedelta(minutes=seq + 20)
        file = f"{seq:02d}-{camera}-{a:%Y%m%d-%H%M%S}-{b:%H%M%S}.mp4"
        sha = digest(file)
        ranges.append(RangeView(seq, camera, name, a, b, seq, file, sha, 12_345_678 * seq))
        files.append(
            {
                "file": file,
                "camera": camera,
                "camera_name": name,
                "from": a.isoformat(),
                "to": b.isoformat(),
                "clip_from": a.isoformat(),
                "clip_to": b.isoformat(),
                "missing": (
                    [
                        [
                            (a + timedelta(minutes=5)).isoformat(),
                            (a + timedelta(minutes=6)).isoformat(),
                        ]
                    ]
                    if seq == 2
                    else []
                ),
                "sha256": sha,
                "bytes": 12_345_678 * seq,
            }
        )
    return LoanReceipt(
        site_name="翠湖花园",
        tz=TZ,
        loan=loan_view(tuple(ranges)),
        manifest_sha256=digest("manifest"),
        files=tuple(files),
        operator="李值班",
        approver="周经理",
        made_at=datetime(2026, 3, 14, 11, 5, tzinfo=TZ),
    )


def test_the_receipt_prints_the_hashes_and_masks_personal_data(
    qtbot, receipt: LoanReceipt, tmp_path: Path, artifacts: Path
) -> None:
    out = tmp_path / "receipt.pdf"
    write_loan_receipt(receipt, out)
    shutil.copyfile(out, artifacts / "loan-receipt.pdf")
    text = pdf_text(out)
    assert f"清单 SHA-256 Manifest SHA-256: {receipt.manifest_sha256}" in text
    assert text.count(receipt.manifest_sha256) >= 2  # the block, and every page's footer
    lines = text.splitlines()
    for f in receipt.files:
        # each hash is one token on the line of its own file's name (no page break between)
        assert any(f["file"] in line and f["sha256"] in line for line in lines), f["file"]
        assert f"摄像机 Camera: {f['camera_name']} ({f['camera']})" in text
    assert "欧阳明华" in text
    assert mask_id(RAW_ID) in text
    assert RAW_ID not in text
    assert "139****5678" in text
    assert RAW_PHONE not in text
    assert "借阅单号 Loan no." in text
    assert "loan-0007" in text
    assert "python main.py verify-package DIR" in text
    assert "2026-03-13 22:16:00 – 22:36:00" in text  # local times, in the site's zone
    assert "缺录 No recording" in text  # the gap in the second file is said
    assert "保险理赔 Insurance claim" in text
    assert "周经理" in text
    assert "李值班" in text
    assert "USB-0042" in text
    assert "应还日期 Due" in text
    assert "2026-03-21 09:30" in text
    for who in ("借用人 Borrower", "经办人 Operator", "审批人 Approver"):
        assert who in text
    assert "page 1 / " in text


def test_page_one_renders_without_overflow(
    qtbot, receipt: LoanReceipt, tmp_path: Path, artifacts: Path
) -> None:
    out = tmp_path / "receipt.pdf"
    write_loan_receipt(receipt, out)
    subprocess.run(
        [
            poppler("pdftoppm"),
            "-png",
            "-r",
            "60",
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
    shutil.copyfile(pngs[0], artifacts / "loan-receipt.png")
    image = QImage(str(pngs[0]))
    assert (image.width(), image.height()) == (496, 702)  # A4 at 60 dpi
    # nothing is drawn in the page's side margins (14 mm ≈ 33 px): a wide hash would be
    margin = 30
    inked = [
        (x, y)
        for y in range(image.height())
        for x in (*range(margin), *range(image.width() - margin, image.width()))
        if image.pixelColor(x, y).lightness() < 200
    ]
    assert inked == []
    dark = sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 200


def test_a_missing_folder_is_an_export_error_and_leaves_nothing(
    qtbot, receipt: LoanReceipt, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "receipt.pdf"
    with pytest.raises(ExportError, match="missing"):
        write_loan_receipt(receipt, target)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_removes_the_temporary_file(
    qtbot, receipt: LoanReceipt, tmp_path: Path
) -> None:
    target = tmp_path / "receipt.pdf"
    target.mkdir()
    with pytest.raises(ExportError, match="receipt.pdf"):
        write_loan_receipt(receipt, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["receipt.pdf"]


def test_a_real_package_carries_a_receipt_naming_its_manifest(
    qtbot, desk: Desk, admin: Actor, operator: Actor, tmp_path: Path
) -> None:
    """LoanService.package with this writer: the receipt's hash is the manifest's on disk."""
    desk.auth.add_user(admin, "zhou", "周经理", Role.MANAGER, MANAGER_PASSWORD)
    start = (utcnow() - timedelta(hours=1)).replace(microsecond=0)
    index_segment(desk, "east-gate", start, 6)
    form = LoanForm(
        borrower_kind=BorrowerKind.POLICE,
        borrower_name="刘警官",
        organisation="朝阳分局和平派出所",
        id_type=IdType.POLICE,
        id_number="J1234567",
        phone="13900001111",
        purpose="调查东门盗窃案",
        case_no="京公(朝)立字[2026]118号",
        officer2_name="陈警官",
        officer2_id_number="J7654321",
        mode=LoanMode.COPY,
        medium=Medium.USB,
        medium_serial="USB-0042",
        due_at=utcnow() + timedelta(days=7),
        ranges=[RangeForm("east-gate", start, start + timedelta(seconds=5))],
    )
    loan = desk.loans.request(operator, form)
    desk.loans.approve(loan.id, "zhou", MANAGER_PASSWORD)
    view = desk.loans.package(operator, loan.id, tmp_path, write_loan_receipt)
    folder = Path(view.package_dir)
    manifest = (folder / packages.MANIFEST).read_bytes()
    assert view.manifest_sha256 == hashlib.sha256(manifest).hexdigest()
    text = pdf_text(folder / packages.RECEIPT)
    assert f"清单 SHA-256 Manifest SHA-256: {view.manifest_sha256}" in text
    assert view.ranges[0].sha256 in text
    assert "陈警官" in text
    assert "第二名民警 Second officer" in text
    assert "J1234567" not in text
    assert "J7654321" not in text
    assert packages.verify(folder).intact
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("count", [1, 5, 16])
def test_the_signatures_are_never_split_across_pages(
    qtbot, receipt: LoanReceipt, tmp_path: Path, count: int
) -> None:
    template = receipt.files[0]
    files = tuple(
        template | {"file": f"{n:02d}-garage-b1.mp4", "sha256": digest(str(n))}
        for n in range(1, count + 1)
    )
    out = tmp_path / "receipt.pdf"
    write_loan_receipt(dataclasses.replace(receipt, files=files), out)
    pages = pdf_text(out).split("\f")[:-1]
    signed = [n for n, page in enumerate(pages) if "签名 Signatures" in page]
    assert len(signed) == 1
    page = pages[signed[0]]
    for who in ("借用人 Borrower", "经办人 Operator", "审批人 Approver"):
        assert who in page  # on the page the signatures start on
    assert f"page {len(pages)} / {len(pages)}" in pages[-1]
    for f in files:  # every file's hash, on its own file's line
        assert (
            sum(
                f["sha256"] in line and f["file"] in line
                for page in pages
                for line in page.splitlines()
            )
            == 1
        )
    for page in pages:
        assert f"清单 SHA-256 Manifest SHA-256: {receipt.manifest_sha256}" in page
