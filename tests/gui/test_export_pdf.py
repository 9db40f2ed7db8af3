"""`python main.py export handovers --format pdf`, in the GUI layer: the sheet is drawn with
Qt, and a Qt application must exist only once per test process."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.cli import main
from console.paths import DEMO_SITE


def test_handover_sheets_as_pdf(qapp, sealed_handover: str, tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "handovers.pdf"
    args = ["export", "handovers", "--site", str(DEMO_SITE), "--format", "pdf", "-o", str(out)]
    assert main(args) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert sealed_handover in text
    assert "李值班" in text
    assert "王五" in text


def test_pdf_of_no_handovers_is_refused(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "none.pdf"
    args = ["export", "handovers", "--site", str(DEMO_SITE), "--format", "pdf", "-o", str(out)]
    assert main(args) == 1
    assert "no sealed handover" in capsys.readouterr().err
    assert not out.exists()
