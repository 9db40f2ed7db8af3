"""Qt stays in console/ui: core, devices and schema import without PySide6."""

from __future__ import annotations

import subprocess
import sys

import pytest

from console.paths import ROOT

pytestmark = pytest.mark.no_database  # runs once, not again per engine

PROBE = """
import importlib, pkgutil, sys
import console.core, devices, schema
for pkg in (console.core, devices, schema):
    for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if ".migrations" not in mod.name:
            importlib.import_module(mod.name)
import console.cli
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(",".join(qt))
"""


def test_core_devices_schema_and_cli_do_not_import_qt() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_the_probe_would_see_qt() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.replace("import console.cli", "import console.ui.worker")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "PySide6.QtCore" in out.stdout
