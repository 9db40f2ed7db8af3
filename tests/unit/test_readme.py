"""The README's commands are what CI runs; runnable examples stay true."""

from __future__ import annotations

import subprocess

import pytest

from console.paths import ROOT

pytestmark = pytest.mark.no_database  # runs once, not again per engine

README = ROOT / "README.md"


def _first_commands() -> list[str]:
    lines = README.read_text(encoding="utf-8").splitlines()[:6]
    return [line.split("#")[0].strip() for line in lines if line.startswith("    ")]


def test_readme_opens_with_the_two_commands() -> None:
    assert _first_commands() == ["scripts/bootstrap run", "scripts/bootstrap test"]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec scripts/bootstrap test\n" in ci


def test_bootstrap_is_valid_bash_with_the_commands_it_promises() -> None:
    script = ROOT / "scripts" / "bootstrap"
    subprocess.run(["bash", "-n", str(script)], check=True)
    body = script.read_text(encoding="utf-8")
    for needed in ("run)", "test)", "fonts-noto-cjk", "xvfb", "xdotool", "sip-tester", "socat"):
        assert needed in body
    bad = subprocess.run([str(script), "frobnicate"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2
    assert "unknown command" in bad.stderr
