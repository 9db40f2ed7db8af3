"""The visitor verification dialog, driven as an operator would, against the simulated resident
(fast timings) on the demo site, offscreen."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMessageBox, QWidget
from sqlalchemy import select

from console.core.desk import Desk
from console.core.visits import (
    IdType,
    Instruction,
    ResidentDecision,
    VisitForm,
    VisitState,
    mask_id,
    resident_id_check,
)
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext
from console.ui.visit_dialog import VisitDialog
from devices.intercom.base import Outcome
from devices.intercom.sim import SimIntercom
from schema.models import AuditRecord, Visit
from tests.gui.test_mainwindow import _unnamed

FULL_ID = "110105199003071234"[:17] + resident_id_check("11010519900307123")
RING_TIMEOUT_S, RING_PERIOD_S = 2.0, 0.4
MAX_RINGS = 5  # max_rings(2.0, 0.4)


@pytest.fixture
def ctx(desk: Desk, operator) -> Iterator[PaneContext]:
    bridge = BusBridge(desk.bus)
    yield PaneContext(desk, operator, bridge)
    bridge.close()


@pytest.fixture
def intercom(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> Iterator[SimIntercom]:
    """The demo site's simulated residents, at test speed: 3 rings, then an answer."""
    sim = SimIntercom(
        "sim:{room}",
        ring_timeout_s=RING_TIMEOUT_S,
        rooms={"10102": "busy", "10201": "decline", "20301": "never", "20502": "unreachable"},
        ring_period_s=RING_PERIOD_S,
        answer_after_s=0.9,
        dial_delay_s=0.05,
    )
    monkeypatch.setattr(desk, "intercom", lambda: sim)
    yield sim
    sim.stop()


def open_dialog(qtbot, ctx: PaneContext, visit=None, parent: QWidget | None = None) -> VisitDialog:
    dialog = VisitDialog(ctx, parent, visit)
    if parent is None:
        qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # focus moves for real: keys and echo modes work
    return dialog


def type_text(qtbot, field: QWidget, text: str) -> None:
    field.setFocus()
    if text.isascii():
        qtbot.keyClicks(field, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def fill(qtbot, dialog: VisitDialog, room: str, number: str = FULL_ID) -> None:
    type_text(qtbot, dialog.name, "张三")
    type_text(qtbot, dialog.id_number.edit, number)
    type_text(qtbot, dialog.phone, "13812345678")
    type_text(qtbot, dialog.room, room)
    type_text(qtbot, dialog.purpose, "visiting family")


def press_call(qtbot, dialog: VisitDialog) -> None:
    """Ctrl+Enter, from wherever the focus is."""
    qtbot.keyClick(
        dialog.focusWidget() or dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible(), button.text()
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def offered(dialog: VisitDialog) -> set[str]:
    """The visible, enabled action buttons of the call panel."""
    buttons = (
        dialog.admit_button,
        dialog.refuse_button,
        dialog.wait_button,
        dialog.call_button,
        *dialog.manual_buttons.values(),
    )
    return {b.text().replace("&", "") for b in buttons if b.isVisibleTo(dialog) and b.isEnabled()}


def texts(dialog: QWidget) -> list[str]:
    shown = [w.text() for w in dialog.findChildren(QLabel)]
    shown += [w.displayText() for w in dialog.findChildren(QLineEdit)]
    shown += [w.text() for w in dialog.findChildren(QAbstractButton)]
    return shown + [dialog.windowTitle()]


def wait_recorded(qtbot, dialog: VisitDialog, calls: int, timeout: int = 6000) -> None:
    qtbot.waitUntil(
        lambda: (
            dialog.visit is not None
            and len(dialog.visit.calls) == calls
            and not dialog._calling()
            and not dialog.busy
        ),
        timeout=timeout,
    )


def test_answered_call_rings_then_the_resident_agrees(
    qtbot, ctx: PaneContext, desk: Desk, intercom, artifacts: Path, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    dialog = open_dialog(qtbot, ctx)
    assert _unnamed(dialog) == []  # every control has an accessible name
    assert dialog.gate.currentData() == "east-gate"
    fill(qtbot, dialog, "10101")
    # once typed and left, the number shows only masked
    assert dialog.id_number.edit.displayText() != FULL_ID
    assert mask_id(FULL_ID) in dialog.id_number.masked.text()
    assert "Ctrl+Enter" in dialog.call_button.toolTip()

    rings_seen: list[str] = []
    press_call(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.session is not None and dialog.session.call is not None)

    def ringing() -> bool:
        text = dialog.rings.text()
        if dialog.rings.isVisible() and text not in rings_seen:
            rings_seen.append(text)
            if text == "Ring 2 of 5":
                assert dialog.phase.text() == "Ringing"
                dialog.grab().save(str(artifacts / "visit-dialog-ringing.png"))
        return dialog.phase.text() == "Talking"

    qtbot.waitUntil(ringing, timeout=5000)
    ringing_steps = [t for t in rings_seen if t.startswith("Ring ")]
    assert ringing_steps[:3] == [f"Ring {n} of {MAX_RINGS}" for n in (1, 2, 3)]
    assert dialog.clock.text().startswith("00:0")
    assert dialog.hangup_button.isVisible()
    assert dialog.mute_button.isEnabled()

    # the visit was registered before the call: masked ID, no full number stored anywhere
    with desk.db.read() as s:
        row = s.scalars(select(Visit)).one()
        assert (row.id_masked, row.room, row.visitor_name) == (mask_id(FULL_ID), "10101", "张三")
        assert FULL_ID not in str(vars(row))

    # Mute (Ctrl+M) while talking, then the resident agrees: this ends the call
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.mute_button.isChecked() and "Muted" in dialog.mute_button.text())
    assert "Resident agrees — admit" in offered(dialog)
    click(qtbot, dialog.admit_button)
    qtbot.waitUntil(lambda: dialog.visit is not None and dialog.visit.state is VisitState.ADMITTED)
    view = desk.visits.get(dialog.visit.id)
    assert view.state is VisitState.ADMITTED
    assert view.resident_decision is ResidentDecision.AGREE
    assert [c.outcome for c in view.calls] == [Outcome.ANSWERED]
    call_id = view.calls[0].call_id
    assert call_id
    assert call_id.startswith("sim-")
    assert view.calls[0].rings == 3
    qtbot.waitUntil(lambda: dialog.banner.isVisible())
    assert dialog.banner.text.text() == "Tell 东门岗: admit"
    assert not dialog.banner.icon.pixmap().isNull()  # an icon, not colour alone
    assert call_id in dialog.call_id.text()
    assert "Answered" in dialog.outcome.text()
    assert offered(dialog) == set()  # decided: nothing more to do but close
    dialog.grab().save(str(artifacts / "visit-dialog-admitted.png"))

    # the call and the instruction are in the audit chain with the Call-ID
    with desk.db.read() as s:
        actions = [(r.action, r.payload) for r in s.scalars(select(AuditRecord))]
    call_audit = [p for a, p in actions if a == "visit.call"]
    assert len(call_audit) == 1
    assert call_id in str(call_audit[0])
    assert any(a == "visit.instruct" for a, _p in actions)

    # the full number never shows in the dialog, nor in the log
    assert not [t for t in texts(dialog) if FULL_ID in t]
    assert FULL_ID not in caplog.text
    assert FULL_ID[6:14] not in caplog.text  # not even the birth date part
    dialog.close()


def test_no_answer_then_wait_then_call_again_and_admit(
    qtbot, ctx: PaneContext, desk: Desk, intercom
) -> None:
    dialog = open_dialog(qtbot, ctx)
    fill(qtbot, dialog, "20301")  # never answers
    press_call(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.rings.text() == f"Ring {MAX_RINGS} of {MAX_RINGS}", timeout=5000)
    wait_recorded(qtbot, dialog, 1)
    assert dialog.visit.last_call.outcome is Outcome.NO_ANSWER
    assert dialog.outcome.text().startswith("No answer")
    assert offered(dialog) == {"Tell the gate to wait", "Call again"}
    assert dialog.banner.isHidden()

    click(qtbot, dialog.wait_button)
    qtbot.waitUntil(lambda: dialog.visit.state is VisitState.WAITING)
    assert desk.visits.get(dialog.visit.id).state is VisitState.WAITING
    assert dialog.banner.text.text() == "Tell 东门岗: wait"
    assert offered(dialog) == {"Call again"}

    # the resident is home now: the same room answers on the next call
    intercom.rooms["20301"] = "answer"
    press_call(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.phase.text() == "Talking", timeout=5000)
    assert dialog.banner.isHidden()  # the old "wait" is not what to say any more
    click(qtbot, dialog.hangup_button)  # the operator hangs up first, then decides
    wait_recorded(qtbot, dialog, 2)
    # the resident was reached: their decision, no more calls
    assert offered(dialog) == {"Resident agrees — admit", "Resident refuses — refuse", "Wait"}
    click(qtbot, dialog.admit_button)
    qtbot.waitUntil(lambda: dialog.visit.state is VisitState.ADMITTED)
    view = desk.visits.get(dialog.visit.id)
    assert [c.outcome for c in view.calls] == [Outcome.NO_ANSWER, Outcome.ANSWERED]
    assert view.calls[0].rings == MAX_RINGS
    dialog.close()


def test_busy_is_only_a_wait_and_declined_may_be_refused(
    qtbot, ctx: PaneContext, desk: Desk, intercom
) -> None:
    dialog = open_dialog(qtbot, ctx)
    fill(qtbot, dialog, "10102")  # busy
    press_call(qtbot, dialog)
    wait_recorded(qtbot, dialog, 1)
    assert dialog.visit.last_call.outcome is Outcome.BUSY
    assert offered(dialog) == {"Tell the gate to wait", "Call again"}
    click(qtbot, dialog.wait_button)
    qtbot.waitUntil(lambda: dialog.visit.state is VisitState.WAITING)
    assert "wait" in dialog.banner.text.text()
    dialog.close()

    declined = open_dialog(qtbot, ctx)
    fill(qtbot, declined, "10201", FULL_ID)  # the resident declines the call
    press_call(qtbot, declined)
    wait_recorded(qtbot, declined, 1)
    assert offered(declined) == {"Refuse (the resident declined the call)", "Tell the gate to wait"}
    click(qtbot, declined.refuse_button)
    qtbot.waitUntil(lambda: declined.visit.state is VisitState.REFUSED)
    assert declined.banner.text.text() == "Tell 东门岗: refuse"
    assert desk.visits.get(declined.visit.id).resident_decision is None
    declined.close()


def test_a_visitor_who_left_closes_the_visit_with_a_reason(
    qtbot, ctx: PaneContext, desk: Desk, intercom, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, ctx)
    assert not dialog.left_button.isVisibleTo(dialog)  # nothing registered yet
    fill(qtbot, dialog, "10102")  # busy
    press_call(qtbot, dialog)
    wait_recorded(qtbot, dialog, 1)
    assert dialog.left_button.isVisibleTo(dialog)
    monkeypatch.setattr(
        "console.ui.visit_dialog.QInputDialog.getText",
        lambda *args, **kwargs: ("等不及先走了 gave up waiting", True),
    )
    click(qtbot, dialog.left_button)
    qtbot.waitUntil(lambda: dialog.visit.state is VisitState.WITHDRAWN)
    view = desk.visits.get(dialog.visit.id)
    assert view.state is VisitState.WITHDRAWN
    assert "gave up waiting" in view.note
    assert offered(dialog) == set()  # nothing more to decide or call
    assert not dialog.left_button.isVisibleTo(dialog)
    assert "gave up waiting" in dialog.hint.text()
    dialog.close()


def test_a_bad_id_number_is_refused_at_its_field_and_nothing_is_stored(
    qtbot, ctx: PaneContext, desk: Desk, intercom, caplog
) -> None:
    bad = FULL_ID[:17] + ("0" if FULL_ID[17] != "0" else "1")  # wrong check digit
    dialog = open_dialog(qtbot, ctx)
    fill(qtbot, dialog, "10101", bad)
    press_call(qtbot, dialog)
    error = dialog.fields.error_of("id_number")
    qtbot.waitUntil(lambda: error.isVisible())
    assert "not a valid number" in error.text()
    assert dialog.focusWidget() is dialog.id_number.edit
    assert not dialog.error.isVisible()
    assert dialog.session is None
    assert desk.visits.visits() == []
    assert not [t for t in texts(dialog) if bad in t]
    assert bad not in caplog.text

    # typing into the field again starts afresh (the old number is never shown)
    qtbot.keyClicks(dialog.id_number.edit, FULL_ID)
    assert dialog.id_number.number() == FULL_ID
    dialog.room.setFocus()
    assert FULL_ID not in dialog.id_number.edit.displayText()

    # an empty name is refused at the name field
    dialog.name.clear()
    press_call(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.fields.error_of("visitor_name").isVisible())
    assert not error.isVisible()  # the earlier error is gone
    assert desk.visits.visits() == []
    dialog.close()


def test_without_an_intercom_the_outcome_is_entered_by_hand(
    qtbot, ctx: PaneContext, desk: Desk, monkeypatch
) -> None:
    monkeypatch.setattr(desk.site, "intercom", None)
    monkeypatch.setattr(desk, "intercom", lambda: pytest.fail("no intercom to start"))
    dialog = open_dialog(qtbot, ctx)
    assert not dialog.call_button.isVisibleTo(dialog)
    assert offered(dialog) == {"Answered", "Busy", "No answer", "Unreachable"}
    fill(qtbot, dialog, "10101")
    click(qtbot, dialog.manual_buttons[Outcome.UNREACHABLE])  # registers, then records
    wait_recorded(qtbot, dialog, 1)
    view = desk.visits.get(dialog.visit.id)
    assert view.calls[0].manual
    assert view.calls[0].outcome is Outcome.UNREACHABLE
    assert offered(dialog) == {
        "Tell the gate to wait",
        "Answered",
        "Busy",
        "No answer",
        "Unreachable",
    }
    click(qtbot, dialog.manual_buttons[Outcome.ANSWERED])
    wait_recorded(qtbot, dialog, 2)
    assert "by phone" in dialog.outcome.text()
    assert dialog.refuse_button.text().replace("&", "") == "Resident refuses — refuse"
    click(qtbot, dialog.refuse_button)
    qtbot.waitUntil(lambda: dialog.visit.state is VisitState.REFUSED)
    assert desk.visits.get(dialog.visit.id).resident_decision is ResidentDecision.REFUSE
    dialog.close()


def test_an_open_visit_reopens_read_only_and_can_be_called_again(
    qtbot, ctx: PaneContext, desk: Desk, operator, intercom
) -> None:
    view = desk.visits.request(
        operator,
        VisitForm(
            "north-gate", "李四", IdType.RESIDENT_ID, FULL_ID, "10102", "13900001111", "送货"
        ),
    )
    view = desk.visits.record_manual_call(operator, view.id, Outcome.BUSY)
    view = desk.visits.instruct(operator, view.id, Instruction.WAIT)
    dialog = open_dialog(qtbot, ctx, view)
    assert _unnamed(dialog) == []
    assert dialog.name.isReadOnly()
    assert dialog.room.isReadOnly()
    assert not dialog.gate.isEnabled()
    assert dialog.id_number.edit.displayText() == mask_id(FULL_ID)
    assert dialog.phone.displayText() == "139****1111"
    assert dialog.banner.text.text() == "Tell 北门岗: wait"
    assert offered(dialog) == {"Call again"}
    assert not [t for t in texts(dialog) if FULL_ID in t]
    # another desk calls meanwhile: this dialog follows
    desk.visits.record_manual_call(operator, view.id, Outcome.NO_ANSWER)
    qtbot.waitUntil(lambda: len(dialog.visit.calls) == 2)
    assert dialog.outcome.text() == "Call 2: No answer (by phone, entered by hand)"
    assert offered(dialog) == {"Tell the gate to wait", "Call again"}
    intercom.rooms["10102"] = "answer"
    press_call(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.phase.text() == "Talking", timeout=5000)
    click(qtbot, dialog.refuse_button)  # the resident says no: this hangs up
    qtbot.waitUntil(lambda: dialog.visit.state is VisitState.REFUSED, timeout=5000)
    assert dialog.banner.text.text() == "Tell 北门岗: refuse"
    assert desk.visits.get(view.id).resident_decision is ResidentDecision.REFUSE
    dialog.close()


def test_closing_during_a_call_asks_then_hangs_up_and_still_records(
    qtbot, ctx: PaneContext, desk: Desk, intercom, monkeypatch
) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    host = QWidget()  # the pane, in the console
    qtbot.addWidget(host)
    dialog = open_dialog(qtbot, ctx, parent=host)
    fill(qtbot, dialog, "20301")
    press_call(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.rings.text().startswith("Ring 1"), timeout=3000)
    visit_id = dialog.visit.id
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert answers == [QMessageBox.StandardButton.Yes]
    dialog.close()
    assert not dialog.isVisible()
    with qtbot.waitSignal(dialog.destroyed):
        dialog.deleteLater()  # gone: the call session records the call on its own
    qtbot.waitUntil(lambda: len(desk.visits.get(visit_id).calls) == 1, timeout=3000)
    assert desk.visits.get(visit_id).calls[0].outcome is Outcome.CANCELLED


def test_the_gate_snapshot_is_kept_with_the_visit(
    qtbot, ctx: PaneContext, desk: Desk, intercom, artifacts: Path
) -> None:
    dialog = open_dialog(qtbot, ctx)
    dialog.gate.setCurrentIndex(dialog.gate.findData("north-gate"))
    assert not dialog.snapshot_button.isEnabled()
    assert dialog.snapshot_status.text() == "This gate has no camera."
    dialog.gate.setCurrentIndex(dialog.gate.findData("east-gate"))
    click(qtbot, dialog.snapshot_button)  # no wall here: one frame from the sub stream
    qtbot.waitUntil(lambda: dialog.snapshot_path is not None, timeout=8000)
    assert dialog.thumb.isVisible()
    assert not dialog.thumb.pixmap().isNull()
    assert dialog.snapshot_status.text().startswith("Picture taken at")
    dialog.grab().save(str(artifacts / "visit-dialog-new.png"))
    fill(qtbot, dialog, "10102")
    press_call(qtbot, dialog)
    wait_recorded(qtbot, dialog, 1)
    stored = desk.visits.get(dialog.visit.id).snapshot
    assert stored
    assert (desk.site.attachments_dir() / stored).is_file()
    dialog.close()

    again = open_dialog(qtbot, ctx, desk.visits.get(dialog.visit.id))
    qtbot.waitUntil(lambda: again.thumb.isVisible())  # the stored picture, read on a worker
    assert not again.snapshot_button.isVisible()
    again.close()
