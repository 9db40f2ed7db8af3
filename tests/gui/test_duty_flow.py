"""The duty flow in the real window, by keyboard: the first log entry (Ctrl+N), a second
operator joining, the handover (Ctrl+H) signed by both, and the shift sealed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.core.dutylog import Category, LogFilter
from console.core.handover import HandoverState, Side
from console.core.shifts import DutyError, ShiftState
from console.ui.duty_widgets import EntryDialog
from console.ui.handover_dialog import HandoverDialog, Mode
from tests.conftest import OPERATOR_PASSWORD, WANG_PASSWORD
from tests.gui.conftest import open_window


def _shown(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_from_the_first_entry_to_a_sealed_handover(
    qtbot, desk: Desk, operator: Actor, admin: Actor
) -> None:
    desk.auth.add_user(admin, "wang", "王五", Role.OPERATOR, WANG_PASSWORD)
    window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    pane = window.docks["log"].widget()
    window.docks["log"].raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # the first entry of the shift, through Ctrl+N
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_shown(EntryDialog)) == 1)
    entry_dialog = _shown(EntryDialog)[0]
    entry_dialog.category.setCurrentIndex(entry_dialog.category.findText("Patrol"))
    entry_dialog.text.insertPlainText("22:00 巡视地下车库 B1、B2，照明与消防通道正常")
    ok = entry_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(entry_dialog.accepted, timeout=5000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    (first,) = desk.duty.entries(LogFilter(category=Category.PATROL))
    shift = desk.shifts.current()
    assert first.shift_id == shift.id
    qtbot.waitUntil(lambda: "Only 1 on duty" in pane.staff_warning.text(), timeout=5000)

    desk.login("wang", WANG_PASSWORD)  # the incoming operator arrives (Join the shift)
    qtbot.waitUntil(lambda: not pane.staff_warning.isVisible(), timeout=5000)

    # Ctrl+H: the handover screen, filled in and signed by both
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_shown(HandoverDialog)) == 1)
    dialog = _shown(HandoverDialog)[0]
    qtbot.waitUntil(lambda: dialog.mode is Mode.EDIT, timeout=5000)
    assert dialog.rows  # the check sheets of the shift at least are open items
    for index in range(len(dialog.rows)):
        dialog.set_item(index, "王五", "到点仍未完成", "接班后一小时内补做并报班长")
    for line in dialog.checklist_rows:
        line.checkbox.setChecked(True)
    dialog.synthesis.setPlainText("车库巡视正常，检查表待补做")
    dialog.out_password.setText(OPERATOR_PASSWORD)
    qtbot.keyClick(dialog.synthesis, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.mode is Mode.OUTGOING_SIGNED, timeout=5000)
    assert dialog.in_user.text() == "wang"
    dialog.in_password.setText(WANG_PASSWORD)
    qtbot.keyClick(dialog.in_password, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.mode is Mode.SEALED, timeout=5000)

    (sealed,) = desk.handover.between(sealed_only=True)
    assert sealed.state is HandoverState.SEALED
    assert sealed.shift.id == shift.id
    assert [s.user_name for s in sealed.signatures] == ["li", "wang"]
    assert sealed.signature(Side.INCOMING).meaning == "accepted"
    assert desk.shifts.get(shift.id).state is ShiftState.SEALED
    assert desk.handover.verify_seals() == (1, [])
    # the sealed shift is read-only; the next shift is current and starts with the handover
    with pytest.raises(DutyError) as refused:
        desk.duty.add(operator, Category.OTHER, "补记", at=first.at)
    assert refused.value.code == "shift_closed"
    nxt = desk.shifts.current()
    assert nxt.id != shift.id
    assert desk.duty.entries(LogFilter(shift_id=nxt.id))[0].category is Category.HANDOVER
    qtbot.waitUntil(lambda: "Only 1 on duty" in pane.staff_warning.text(), timeout=5000)
    dialog.close()
    window.close()
