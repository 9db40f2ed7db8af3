"""`python main.py export log|handovers`: rows, local times, and the handover seal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from console.cli import main
from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.handover import ChecklistAnswer, ItemHandover
from console.paths import DEMO_SITE
from tests.conftest import OPERATOR_PASSWORD

WANG_PASSWORD = "wang-pass-22"


@pytest.fixture
def sealed(desk: Desk, operator: Actor, admin: Actor) -> str:
    """A shift with two entries (one corrected) handed over li → wang; returns the seal."""
    desk.auth.add_user(admin, "wang", "王五", Role.OPERATOR, WANG_PASSWORD)
    li = desk.login("li", OPERATOR_PASSWORD)
    first = desk.duty.add(li, Category.PATROL, "B1 巡视正常")
    desk.duty.add(li, Category.PATROL, "应为 B2", corrects=first.id)
    shift = desk.shifts.current()
    draft = desk.handover.draft(shift.id)
    draft.items = [ItemHandover(i.item, "王五", "再报", "派岗") for i in draft.items]
    draft.checklist = [ChecklistAnswer(a.item, ok=True) for a in draft.checklist]
    draft.synthesis = "一切正常"
    pending = desk.handover.sign_outgoing(draft, "li", OPERATOR_PASSWORD)
    return desk.handover.sign_incoming(pending.id, "wang", WANG_PASSWORD).seal_hash


def test_log_csv_has_entries_with_corrections_and_local_times(
    sealed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "log", "--site", str(DEMO_SITE)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    patrol = [r for r in rows if r["category"] == "patrol"]
    assert [r["text"] for r in patrol] == ["B1 巡视正常", "应为 B2"]
    assert patrol[0]["corrected_by"] == patrol[1]["entry_id"]
    assert patrol[1]["corrects_id"] == patrol[0]["entry_id"]
    assert patrol[0]["at"].endswith("+08:00")
    assert {r["category"] for r in rows} == {"patrol", "handover"}


def test_handovers_json_carry_both_signatures_and_the_seal(sealed: str, tmp_path: Path) -> None:
    out = tmp_path / "handovers.json"
    args = ["export", "handovers", "--site", str(DEMO_SITE), "--format", "json", "-o", str(out)]
    assert main(args) == 0
    (row,) = json.loads(out.read_text(encoding="utf-8"))
    assert (row["outgoing_name"], row["incoming_name"]) == ("李值班", "王五")
    assert row["seal_hash"] == sealed
    assert row["synthesis"] == "一切正常"
    assert row["outgoing_at"].endswith("+08:00")


def test_pdf_only_for_handovers(
    sealed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "log.pdf"
    assert main(["export", "log", "--site", str(DEMO_SITE), "--format", "pdf", "-o", str(out)]) == 1
    assert "available for handovers" in capsys.readouterr().err
    assert not out.exists()
