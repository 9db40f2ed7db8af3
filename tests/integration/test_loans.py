"""Footage lending (rule 3.4.3) on a desk with real H.264 recordings: the manager's approval
and who may not give it, evidence locks against retention, the remuxed package and its
manifest, verify-package, the return re-hash, overdue reminders at the handover, viewings,
and the export with masked personal data."""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from console.cli import main as cli
from console.core import packages
from console.core.auth import Actor, BadCredentials, PermissionDenied, Role
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.loans import (
    BorrowerKind,
    CopyReason,
    LoanError,
    LoanFilter,
    LoanForm,
    LoanMode,
    LoanReceipt,
    LoanState,
    Medium,
    Outcome,
    RangeForm,
)
from console.core.visits import IdType, resident_id_check
from schema.models import AuditRecord, Loan
from schema.types import utcnow
from tests.clock import Clock
from tests.conftest import OPERATOR_PASSWORD
from tests.footage import index_segment

CAMERA = "east-gate"  # recorded in the demo site
OTHER_CAMERA = "garage-b1"
MANAGER_PASSWORD = "manager-pass-9"
RESIDENT_ID = "110105199003071234"[:17] + resident_id_check("110105199003071234"[:17])
OFFICER_ID = "J1234567"
OFFICER2_ID = "J7654321"


@pytest.fixture
def manager(desk: Desk, admin: Actor) -> Actor:
    return desk.auth.add_user(admin, "zhou", "周经理", Role.MANAGER, MANAGER_PASSWORD)


@pytest.fixture
def footage(desk: Desk) -> tuple[datetime, datetime]:
    """Ten seconds of each of two cameras, an hour ago."""
    start = (utcnow() - timedelta(hours=1)).replace(microsecond=0)
    index_segment(desk, CAMERA, start, 10)
    index_segment(desk, OTHER_CAMERA, start, 10, shade=90)
    return start, start + timedelta(seconds=10)


def police_copy(start: datetime, end: datetime, **changes: Any) -> LoanForm:
    form = LoanForm(
        borrower_kind=BorrowerKind.POLICE,
        borrower_name="刘警官",
        organisation="朝阳分局和平派出所",
        id_type=IdType.POLICE,
        id_number=OFFICER_ID,
        phone="13900001111",
        purpose="调查 11-20 东门盗窃案 theft at the east gate",
        case_no="京公(朝)立字[2026]118号",
        officer2_name="陈警官",
        officer2_id_type=IdType.POLICE,
        officer2_id_number=OFFICER2_ID,
        mode=LoanMode.COPY,
        medium=Medium.USB,
        medium_serial="USB-0042",
        due_at=utcnow() + timedelta(days=7),
        ranges=[
            RangeForm(CAMERA, start + timedelta(seconds=1), end - timedelta(seconds=2)),
            RangeForm(OTHER_CAMERA, start, end),
        ],
    )
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def text_receipt(receipt: LoanReceipt, path: Path) -> None:
    """The package tests check the files and manifest; the PDF has its own test
    (tests/gui/test_loan_receipt.py). This writer records what it was given."""
    path.write_text(json.dumps({"manifest_sha256": receipt.manifest_sha256}), encoding="utf-8")


def approved_copy(desk: Desk, operator: Actor, footage: tuple[datetime, datetime]) -> int:
    loan = desk.loans.request(operator, police_copy(*footage))
    desk.loans.approve(loan.id, "zhou", MANAGER_PASSWORD)
    return loan.id


def test_request_names_the_field_that_is_wrong(
    desk: Desk, operator: Actor, footage: tuple[datetime, datetime]
) -> None:
    start, end = footage
    cases = [
        ({"case_no": ""}, "case_required", "case_no"),
        ({"officer2_name": ""}, "officer2_required", "officer2_name"),
        ({"officer2_id_number": OFFICER_ID}, "same_officer", "officer2_id_number"),
        ({"officer2_id_number": "??"}, "bad_id", "officer2_id_number"),
        ({"id_number": ""}, "id_required", "id_number"),
        ({"medium_serial": " "}, "serial_required", "medium_serial"),
        ({"medium": "floppy"}, "bad_choice", "medium"),
        ({"due_at": utcnow() - timedelta(minutes=1)}, "due_past", "due_at"),
        ({"phone": ""}, "phone_required", "phone"),
        ({"ranges": []}, "no_ranges", "ranges"),
        ({"ranges": [RangeForm("nope", start, end)]}, "bad_camera", "ranges[0]"),
        ({"ranges": [RangeForm(CAMERA, end, start)]}, "empty_range", "ranges[0]"),
    ]
    for changes, code, fld in cases:
        with pytest.raises(LoanError) as caught:
            desk.loans.request(operator, police_copy(start, end, **changes))
        assert (caught.value.code, caught.value.field) == (code, fld), changes
    # a range without footage names the range, the camera and the times
    empty = RangeForm(CAMERA, start - timedelta(hours=5), start - timedelta(hours=4))
    with pytest.raises(LoanError, match=r"ranges\[1\]: camera east-gate has no recording"):
        desk.loans.request(
            operator, police_copy(start, end, ranges=[RangeForm(CAMERA, start, end), empty])
        )
    assert desk.loans.loans() == []  # nothing half-written


def test_residents_view_on_site_unless_a_manager_ticks_a_reason_for_a_copy(
    desk: Desk, operator: Actor, manager: Actor, footage: tuple[datetime, datetime]
) -> None:
    start, end = footage
    resident = police_copy(
        start,
        end,
        borrower_kind=BorrowerKind.RESIDENT,
        borrower_name="孙业主",
        organisation="",
        id_type=IdType.RESIDENT_ID,
        id_number=RESIDENT_ID,
        case_no="",
        mode=None,
    )
    viewing = desk.loans.request(operator, resident)
    assert viewing.mode is LoanMode.VIEW
    assert viewing.id_masked == RESIDENT_ID[:6] + "*" * 8 + RESIDENT_ID[-4:]

    resident.mode = "copy"
    copy = desk.loans.request(operator, resident)
    assert copy.needs_copy_reason()
    with pytest.raises(LoanError) as caught:
        desk.loans.approve(copy.id, "zhou", MANAGER_PASSWORD)
    assert (caught.value.code, caught.value.field) == ("copy_reason_required", "copy_reason")
    with pytest.raises(LoanError, match="say which reason"):
        desk.loans.approve(copy.id, "zhou", MANAGER_PASSWORD, copy_reason=CopyReason.OTHER)
    assert desk.loans.get(copy.id).state is LoanState.REQUESTED
    approved = desk.loans.approve(
        copy.id, "zhou", MANAGER_PASSWORD, copy_reason=CopyReason.PROPERTY_LOSS
    )
    assert (approved.state, approved.copy_reason) == (LoanState.APPROVED, "property_loss")

    # the full ID number never reaches the database
    with desk.db.read() as s:
        stored = [
            json.dumps([str(v) for v in r.__dict__.values()]) for r in s.scalars(select(Loan))
        ]
    assert stored
    assert not any(RESIDENT_ID in row for row in stored)


def test_only_a_manager_who_neither_filed_it_nor_is_on_duty_approves(
    desk: Desk, admin: Actor, operator: Actor, manager: Actor, footage: tuple[datetime, datetime]
) -> None:
    loan = desk.loans.request(operator, police_copy(*footage))
    with pytest.raises(LoanError, match="requested: it cannot be packaged now"):
        desk.loans.package(operator, loan.id, desk.site.loans_dir(), text_receipt)
    assert not desk.site.loans_dir().exists()
    with pytest.raises(PermissionDenied):
        desk.loans.approve(loan.id, "li", OPERATOR_PASSWORD)  # an operator
    with pytest.raises(BadCredentials):
        desk.loans.approve(loan.id, "zhou", "wrong password")
    own = desk.loans.request(manager, police_copy(*footage))
    with pytest.raises(LoanError) as caught:
        desk.loans.approve(own.id, "zhou", MANAGER_PASSWORD)
    assert caught.value.code == "self_approval"
    desk.login("zhou", MANAGER_PASSWORD)  # the manager sits at the desk on duty
    with pytest.raises(LoanError) as caught:
        desk.loans.approve(loan.id, "zhou", MANAGER_PASSWORD)
    assert caught.value.code == "on_duty_approval"
    assert desk.recordings.locks() == []
    desk.logout(desk.on_duty[0])

    approved = desk.loans.approve(loan.id, "zhou", MANAGER_PASSWORD, note="同意 agreed")
    assert (approved.state, approved.decided_by) == (LoanState.APPROVED, "zhou")
    locks = desk.recordings.locks()
    assert sorted((lk.camera_id, lk.ref) for lk in locks) == [
        (CAMERA, f"loan:{loan.id}"),
        (OTHER_CAMERA, f"loan:{loan.id}"),
    ]
    assert [r.lock_id for r in approved.ranges] == [lk.id for lk in locks]
    with pytest.raises(LoanError, match="cannot be approved now"):
        desk.loans.approve(loan.id, "zhou", MANAGER_PASSWORD)

    other = desk.loans.request(operator, police_copy(*footage))
    with pytest.raises(LoanError) as caught:
        desk.loans.refuse(other.id, "zhou", MANAGER_PASSWORD, "  ")
    assert caught.value.code == "reason_required"
    refused_view = desk.loans.refuse(other.id, "zhou", MANAGER_PASSWORD, "手续不全 no warrant")
    assert (refused_view.state, refused_view.decision_note) == (
        LoanState.REFUSED,
        "手续不全 no warrant",
    )
    with desk.db.read() as s:
        actions = [r.action for r in s.scalars(select(AuditRecord).order_by(AuditRecord.id))]
    assert actions.count("loan.approve") == 1
    assert actions.count("loan.refuse") == 1
    lines = [e.text for e in desk.duty.entries() if e.category is Category.FOOTAGE]
    assert any(f"Footage loan {other.id} refused: 手续不全" in t for t in lines)


def test_package_verifies_and_a_one_byte_change_is_caught(
    desk: Desk,
    operator: Actor,
    manager: Actor,
    footage: tuple[datetime, datetime],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    loan_id = approved_copy(desk, operator, footage)
    lent = desk.loans.package(operator, loan_id, tmp_path, text_receipt)
    folder = tmp_path / f"loan-{loan_id:04d}"
    assert lent.state is LoanState.LENT
    assert lent.package_dir == str(folder)
    assert not list(tmp_path.glob(".loan-*"))  # the partial folder is gone

    data = (folder / "manifest.json").read_bytes()
    assert hashlib.sha256(data).hexdigest() == lent.manifest_sha256
    assert desk.loans.manifest(loan_id) == data
    manifest = json.loads(data)
    assert manifest["loan"] == loan_id
    assert (manifest["approved_by"], manifest["operator"]) == ("zhou", "li")
    assert manifest["cameras"] == [CAMERA, OTHER_CAMERA]
    assert manifest["borrower"]["id_number"] == "J1****67"  # masked, never the number
    assert OFFICER_ID not in data.decode()
    assert OFFICER2_ID not in data.decode()
    assert len(manifest["files"]) == 2
    for entry, stored in zip(manifest["files"], lent.ranges, strict=True):
        mp4 = folder / entry["file"]
        assert mp4.stat().st_size == entry["bytes"] == stored.bytes
        assert hashlib.sha256(mp4.read_bytes()).hexdigest() == entry["sha256"] == stored.sha256
        probe = subprocess.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-show_entries",
                "stream=codec_name",
                "-of",
                "csv=p=0",
                str(mp4),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert probe.stdout.strip() == "h264"  # remuxed, still the camera's H.264
    receipt = json.loads((folder / "receipt.pdf").read_text(encoding="utf-8"))
    assert receipt["manifest_sha256"] == lent.manifest_sha256

    assert cli(["verify-package", str(folder), "--manifest-sha256", lent.manifest_sha256]) == 0
    assert "package intact: 2 files" in capsys.readouterr().err

    second = folder / manifest["files"][1]["file"]
    raw = bytearray(second.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    second.write_bytes(bytes(raw))
    assert cli(["verify-package", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{second.name}: SHA-256" in err
    assert manifest["files"][1]["sha256"] in err

    (folder / manifest["files"][0]["file"]).unlink()
    assert cli(["verify-package", str(folder)]) == 1
    assert f"{manifest['files'][0]['file']}: missing" in capsys.readouterr().err

    # a receipt hash that is not this manifest's
    assert cli(["verify-package", str(folder), "--manifest-sha256", "0" * 64]) == 1
    assert "the receipt says 000" in capsys.readouterr().err
    assert cli(["verify-package", str(tmp_path / "nowhere")]) == 1
    assert "no such folder" in capsys.readouterr().err

    with pytest.raises(LoanError, match="cannot be packaged now"):
        desk.loans.package(operator, loan_id, tmp_path, text_receipt)


def test_a_failed_package_leaves_nothing_and_the_loan_approved(
    desk: Desk,
    operator: Actor,
    manager: Actor,
    footage: tuple[datetime, datetime],
    tmp_path: Path,
) -> None:
    loan_id = approved_copy(desk, operator, footage)

    def broken(receipt: LoanReceipt, path: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        desk.loans.package(operator, loan_id, tmp_path, broken)
    assert list(tmp_path.iterdir()) == []
    assert desk.loans.get(loan_id).state is LoanState.APPROVED
    (tmp_path / f"loan-{loan_id:04d}").mkdir()
    with pytest.raises(LoanError) as caught:
        desk.loans.package(operator, loan_id, tmp_path, text_receipt)
    assert caught.value.code == "package_exists"


def test_return_is_rehashed_against_the_desks_manifest(
    desk: Desk,
    operator: Actor,
    manager: Actor,
    footage: tuple[datetime, datetime],
    tmp_path: Path,
) -> None:
    intact_id = approved_copy(desk, operator, footage)
    altered_id = approved_copy(desk, operator, footage)
    intact_dir = Path(desk.loans.package(operator, intact_id, tmp_path, text_receipt).package_dir)
    altered_dir = Path(desk.loans.package(operator, altered_id, tmp_path, text_receipt).package_dir)
    assert len(desk.recordings.locks()) == 4

    intact_check = desk.loans.check_return(intact_id, intact_dir)
    assert intact_check.intact
    assert intact_check.extra == ()
    closed = desk.loans.close_returned(operator, intact_id, intact_check)
    assert (closed.state, closed.outcome) == (LoanState.CLOSED, Outcome.INTACT.value)
    assert {lk.ref for lk in desk.recordings.locks()} == {f"loan:{altered_id}"}

    # the borrower edits a file AND the manifest on the medium: the desk's copy still knows
    manifest = json.loads((altered_dir / "manifest.json").read_text(encoding="utf-8"))
    victim = altered_dir / manifest["files"][0]["file"]
    victim.write_bytes(victim.read_bytes()[:-1] + b"\x00")
    manifest["files"][0]["sha256"] = hashlib.sha256(victim.read_bytes()).hexdigest()
    (altered_dir / "manifest.json").write_bytes(packages.manifest_bytes(manifest))
    assert packages.verify(altered_dir).intact  # fooled by its own manifest
    check = desk.loans.check_return(altered_id, altered_dir)
    assert not check.intact
    assert [p.name for p in check.problems] == [victim.name]
    with pytest.raises(LoanError, match="not made against loan"):
        desk.loans.close_returned(operator, altered_id, intact_check)
    with pytest.raises(LoanError) as caught:
        desk.loans.close_returned(operator, altered_id, check)
    assert caught.value.code == "altered_note_required"
    closed = desk.loans.close_returned(operator, altered_id, check, "文件被修改 file edited")
    assert closed.outcome == Outcome.ALTERED.value
    assert closed.return_report is not None
    assert closed.return_report["intact"] is False
    assert desk.recordings.locks() == []


def test_destroyed_needs_a_witness_other_than_the_operator(
    desk: Desk,
    operator: Actor,
    manager: Actor,
    footage: tuple[datetime, datetime],
    tmp_path: Path,
) -> None:
    loan_id = approved_copy(desk, operator, footage)
    desk.loans.package(operator, loan_id, tmp_path, text_receipt)
    for witness, code in (("", "witness_required"), ("李值班", "witness_self")):
        with pytest.raises(LoanError) as caught:
            desk.loans.close_destroyed(operator, loan_id, witness)
        assert caught.value.code == code
    closed = desk.loans.close_destroyed(operator, loan_id, "周经理", "当面粉碎 shredded")
    assert (closed.outcome, closed.witness) == ("destroyed", "周经理")
    assert desk.recordings.locks() == []


def test_retention_spares_loan_footage_until_the_loan_closes(
    desk: Desk, operator: Actor, manager: Actor
) -> None:
    old = (utcnow() - timedelta(days=40)).replace(microsecond=0)  # past the 30-day retention
    kept = index_segment(desk, CAMERA, old, 10)
    gone = index_segment(desk, CAMERA, old + timedelta(minutes=5), 10)
    form = police_copy(
        old,
        old + timedelta(seconds=10),
        ranges=[RangeForm(CAMERA, old, old + timedelta(seconds=10))],
    )
    form.mode, form.officer2_name = LoanMode.VIEW, ""
    loan = desk.loans.request(operator, form)
    desk.loans.approve(loan.id, "zhou", MANAGER_PASSWORD)

    report = desk.recordings.apply_retention()
    assert (report.deleted, report.spared_locked) == (1, 1)
    assert kept.exists()
    assert not gone.exists()

    with pytest.raises(LoanError, match="does not cover"):
        desk.loans.record_view(
            operator, OTHER_CAMERA, old, old + timedelta(seconds=5), loan_id=loan.id
        )
    with pytest.raises(LoanError) as caught:
        desk.loans.close_viewed(operator, loan.id)
    assert caught.value.code == "not_viewed"
    viewed = desk.loans.record_view(
        operator, CAMERA, old, old + timedelta(seconds=8), loan_id=loan.id, context="loan"
    )
    assert (viewed.viewer, viewed.loan_id, viewed.camera_id) == ("li", loan.id, CAMERA)
    assert desk.loans.get(loan.id).views == 1
    with pytest.raises(LoanError, match="close it as viewed"):
        desk.loans.cancel(operator, loan.id, "不看了")
    desk.loans.close_viewed(operator, loan.id, "已现场查看")
    assert desk.recordings.apply_retention().deleted == 1
    assert not kept.exists()


def test_overdue_loans_are_reminded_once_and_follow_every_handover(
    desk: Desk,
    operator: Actor,
    manager: Actor,
    footage: tuple[datetime, datetime],
    tmp_path: Path,
) -> None:
    clock = Clock(utcnow())
    desk.set_clock(clock)
    loan_id = approved_copy(desk, operator, footage)
    desk.loans.package(operator, loan_id, tmp_path, text_receipt)
    item = next(i for i in desk.handover.open_items() if i.ref == f"loan:{loan_id}")
    assert item.kind == "loan"
    assert not item.overdue
    assert "借出中" in item.detail
    assert desk.loans.remind_overdue() == []
    assert desk.loans.loans(LoanFilter(status="overdue")) == []

    published: list[int] = []
    desk.bus.subscribe("loan.overdue", lambda e: published.append(e.data["id"]))
    clock.advance(days=8)
    assert [v.id for v in desk.loans.remind_overdue()] == [loan_id]
    assert desk.loans.remind_overdue() == []  # once
    assert published == [loan_id]
    item = next(i for i in desk.handover.open_items() if i.ref == f"loan:{loan_id}")
    assert item.overdue
    assert "OVERDUE" in item.detail
    assert [v.id for v in desk.loans.loans(LoanFilter(status="overdue"))] == [loan_id]
    assert any(f"Footage loan {loan_id} overdue" in e.text for e in desk.duty.entries())

    extended = desk.loans.extend(operator, loan_id, clock() + timedelta(days=3), "案件未结")
    assert not extended.overdue(clock())
    assert extended.reminded_at is None
    desk.loans.close_lost(operator, loan_id, "U盘遗失，已报告 USB stick lost, reported")
    assert all(i.ref != f"loan:{loan_id}" for i in desk.handover.open_items())
    assert [v.id for v in desk.loans.loans(LoanFilter(status="closed"))] == [loan_id]


def test_export_loans_masks_ids_and_phones(
    desk: Desk,
    operator: Actor,
    manager: Actor,
    footage: tuple[datetime, datetime],
    demo_site: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    loan_id = approved_copy(desk, operator, footage)
    desk.close()
    assert cli(["export", "loans", "--site", str(demo_site), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["loan_id"] for r in rows] == [loan_id]
    row = rows[0]
    assert (row["id_number"], row["phone"]) == ("J1****67", "139****1111")
    assert row["second_officer"] == "陈警官 J7****21"
    assert row["state"] == "approved"
    assert row["decided_by"] == "zhou"
    assert "east-gate" in row["ranges"]
    assert "garage-b1" in row["ranges"]
    assert OFFICER_ID not in json.dumps(rows, ensure_ascii=False)
