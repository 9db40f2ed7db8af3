"""`python main.py export log|handovers`: rows, local times, and the handover seal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from console.cli import main
from console.paths import DEMO_SITE


def test_log_csv_has_entries_with_corrections_and_local_times(
    sealed_handover: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "log", "--site", str(DEMO_SITE)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    patrol = [r for r in rows if r["category"] == "patrol"]
    assert [r["text"] for r in patrol] == ["B1 巡视正常", "应为 B2"]
    assert patrol[0]["corrected_by"] == patrol[1]["entry_id"]
    assert patrol[1]["corrects_id"] == patrol[0]["entry_id"]
    assert patrol[0]["at"].endswith("+08:00")
    assert {r["category"] for r in rows} == {"patrol", "handover"}


def test_handovers_json_carry_both_signatures_and_the_seal(
    sealed_handover: str, tmp_path: Path
) -> None:
    out = tmp_path / "handovers.json"
    args = ["export", "handovers", "--site", str(DEMO_SITE), "--format", "json", "-o", str(out)]
    assert main(args) == 0
    (row,) = json.loads(out.read_text(encoding="utf-8"))
    assert (row["outgoing_name"], row["incoming_name"]) == ("李值班", "王五")
    assert row["seal_hash"] == sealed_handover
    assert row["synthesis"] == "一切正常"
    assert row["outgoing_at"].endswith("+08:00")


def test_pdf_only_for_handovers(
    sealed_handover: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "log.pdf"
    assert main(["export", "log", "--site", str(DEMO_SITE), "--format", "pdf", "-o", str(out)]) == 1
    assert "available for handovers" in capsys.readouterr().err
    assert not out.exists()
