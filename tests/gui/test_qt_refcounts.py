"""The console runs for months: a Qt binding that leaks references to None or True kills it.

PySide6 6.12.0 dropped a reference to None on every call of a method returning nothing and to
True on every Signal.emit(); after some thousands of calls Python aborts with "deallocating
None". Run in a child process, so a bad binding fails this test instead of the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = """
import sys
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])

class Emitter(QObject):
    fired = Signal(object)

timer, label, emitter = QTimer(), QLabel(), Emitter()
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for i in range(50_000):
    timer.setInterval(5)
    label.setText("x")
    emitter.fired.emit(1)
app.processEvents()
lost_none = none_before - sys.getrefcount(None)
lost_true = true_before - sys.getrefcount(True)
print(lost_none, lost_true)
"""


def test_qt_binding_keeps_its_references_to_none_and_true() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, f"the Qt binding crashed Python:\n{result.stderr[-2000:]}"
    lost_none, lost_true = (int(n) for n in result.stdout.split())
    assert lost_none < 1000, f"{lost_none} references to None lost in 150,000 calls"
    assert lost_true < 1000, f"{lost_true} references to True lost in 50,000 emits"
