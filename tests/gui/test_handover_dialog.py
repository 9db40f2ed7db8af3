"""The shift handover dialog driven as the two operators would, on the demo site (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.handover import HandoverState, Side
from console.core.shifts import DutyError
from console.ui.bridge import BusBridge
from console.ui.handover_dialog import (
    COL_CHECK,
    COL_KIND,
    COL_OWNER,
    COL_SINCE,
    PAGE_CHECKLIST,
    PAGE_ITEMS,
    PAGE_SIGN,
    HandoverDialog,
    Mode,
    open_handover,
)
from console.ui.panes import PaneContext
from console.ui.wording import describe
from devices.alarms.base import DeviceEvent, EventType
from tests.conftest import OPERATOR_PASSWORD

WANG_PASSWORD = "wang-pass-12"
SYNTHESIS = "接班：大堂烟感和电梯报警未关闭，由我跟进。"


def raise_alarm(desk: Desk, point: str) -> int:
    alarm_id = desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, point)).alarm_id
    assert alarm_id is not None
    return alarm_id


@pytest.fixture
def wang(desk: Desk, admin: Actor) -> Actor:
    return desk.auth.add_user(admin, "wang", "王五", Role.OPERATOR, WANG_PASSWORD)


@pytest.fixture
def li(desk: Desk, operator: Actor, wang: Actor) -> Actor:
    """Both operators logged in (on duty); li's entry and two open alarms in the shift."""
    li = desk.login("li", OPERATOR_PASSWORD)
    desk.login("wang", WANG_PASSWORD)
    desk.duty.add(li, Category.PATROL, "22:00 巡视：车库、大堂正常")
    raise_alarm(desk, "sim:1")  # 1号楼1层大堂烟感
    raise_alarm(desk, "sim:8")  # lift
    return li


@pytest.fixture
def ctx(desk: Desk, li: Actor) -> Iterator[PaneContext]:
    bridge = BusBridge(desk.bus)
    yield PaneContext(desk, li, bridge)
    bridge.close()


def open_dialog(qtbot, ctx: PaneContext, mode: Mode = Mode.EDIT) -> HandoverDialog:
    dialog = HandoverDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.mode is mode, timeout=5000)
    return dialog


def fill_everything(dialog: HandoverDialog) -> None:
    for index in range(len(dialog.rows)):
        dialog.set_item(index, "王五", "再次报警", "派1号楼保安到场确认并通知班长")
    for line in dialog.checklist_rows:
        line.checkbox.setChecked(True)
    dialog.synthesis.setPlainText(SYNTHESIS)


def error_text(dialog: HandoverDialog) -> str:
    label = dialog.findChild(QLabel, "error")
    return label.text() if label.isVisible() else ""


def sign_outgoing(qtbot, dialog: HandoverDialog, password: str, name: str = "li") -> None:
    dialog.out_user.setText(name)
    dialog.out_password.setText(password)
    qtbot.mouseClick(dialog.out_sign, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)


def test_open_items_are_listed_with_words_and_flagged_until_complete(
    qtbot, desk: Desk, ctx
) -> None:
    dialog = open_dialog(qtbot, ctx)
    table = dialog.findChild(QTableWidget, "handover-items")
    refs = [item.ref for item in desk.handover.open_items()]
    assert [r.item.ref for r in dialog.rows] == refs  # alarms, and the checks due etc.
    assert table.rowCount() == len(refs)
    smoke = next(i for i in range(table.rowCount()) if "大堂烟感" in table.item(i, 1).text())
    assert table.item(smoke, COL_KIND).text() == "Alarm"
    assert "overdue" in table.item(smoke, COL_SINCE).text()  # unacknowledged: in words
    assert "needs owner, if, then" in table.item(smoke, COL_CHECK).text()
    dialog.select_item(smoke)
    dialog.owner.setCurrentText("王五")
    assert "needs if, then" in table.item(smoke, COL_CHECK).text()
    dialog.set_item(smoke, "王五", "再次报警", "通知班长")
    assert "ready" in table.item(smoke, COL_CHECK).text()
    assert table.item(smoke, COL_OWNER).text() == "王五"
    others = [i for i in range(table.rowCount()) if i != smoke]
    assert all("needs" in table.item(i, COL_CHECK).text() for i in others)
    people = [dialog.owner.itemText(i) for i in range(dialog.owner.count())]
    assert people == ["李值班", "王五"]  # the people on duty, free text allowed too
    assert dialog.owner.isEditable()


def test_wrong_password_is_shown_and_nothing_is_signed(qtbot, desk: Desk, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    fill_everything(dialog)
    sign_outgoing(qtbot, dialog, "not-the-password")
    assert "Wrong user name or password" in error_text(dialog)
    assert desk.handover.pending() is None
    assert dialog.mode is Mode.EDIT
    assert dialog.out_password.text() == ""  # cleared for the next try
    assert not dialog.synthesis.isReadOnly()


def test_a_missing_owner_keeps_signing_from_succeeding(qtbot, desk: Desk, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    fill_everything(dialog)
    first = dialog.rows[0].item.title
    dialog.set_item(0, "", "再次报警", "通知班长")  # no owner for the first item
    dialog.tabs.setCurrentIndex(PAGE_SIGN)
    sign_outgoing(qtbot, dialog, OPERATOR_PASSWORD)
    assert first in error_text(dialog)  # the error names the item
    assert desk.handover.pending() is None
    assert dialog.mode is Mode.EDIT
    assert dialog.tabs.currentIndex() == PAGE_ITEMS  # taken to the item to fix
    assert dialog.table.currentRow() == 0


def test_an_unticked_checklist_item_needs_a_note(qtbot, desk: Desk, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    fill_everything(dialog)
    line = dialog.checklist_rows[1]
    line.checkbox.setChecked(False)
    assert "note required" in line.flag.text()
    sign_outgoing(qtbot, dialog, OPERATOR_PASSWORD)
    assert error_text(dialog)
    assert dialog.tabs.currentIndex() == PAGE_CHECKLIST
    assert desk.handover.pending() is None
    line.note.setText("钥匙在班长处")
    assert line.flag.text() == "✔"
    sign_outgoing(qtbot, dialog, OPERATOR_PASSWORD)
    assert dialog.mode is Mode.OUTGOING_SIGNED
    pending = desk.handover.pending()
    assert pending is not None
    assert pending.checklist[1].ok is False
    assert pending.checklist[1].note == "钥匙在班长处"


def test_the_same_person_cannot_sign_both_sides(qtbot, desk: Desk, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    fill_everything(dialog)
    sign_outgoing(qtbot, dialog, OPERATOR_PASSWORD)
    assert dialog.mode is Mode.OUTGOING_SIGNED
    pending = desk.handover.pending()
    assert pending is not None
    # the content is sealed: read-only, and the seal shows
    assert dialog.synthesis.isReadOnly()
    assert not dialog.owner.isEnabled()
    assert dialog.condition.isReadOnly()
    assert not dialog.checklist_rows[0].checkbox.isEnabled()
    assert dialog.seal.text() == pending.seal_hash[:16] + "…"
    assert dialog.seal.toolTip() == pending.seal_hash
    assert dialog.in_box.isEnabled()

    dialog.in_user.setText("li")
    dialog.in_password.setText(OPERATOR_PASSWORD)
    qtbot.mouseClick(dialog.in_sign, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    with pytest.raises(DutyError) as refused:  # what core says, however it is worded
        desk.handover.sign_incoming(pending.id, "li", OPERATOR_PASSWORD)
    assert refused.value.code == "same_person"
    assert describe(refused.value) in error_text(dialog)
    assert desk.handover.get(pending.id).state is HandoverState.OUTGOING_SIGNED
    assert dialog.mode is Mode.OUTGOING_SIGNED


def test_the_whole_handover_by_keyboard(
    qtbot, desk: Desk, ctx, tmp_path: Path, artifacts: Path, monkeypatch
) -> None:
    dialog = open_dialog(qtbot, ctx)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    # the first item through the editor: Return moves on field by field, then to the next
    dialog.select_item(0)
    owner = dialog.owner.lineEdit()
    owner.setFocus()
    qtbot.keyClicks(owner, "Wang Wu")  # QTest types Latin-1 only
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    assert dialog.condition.hasFocus()
    qtbot.keyClicks(dialog.condition, "the smoke detector alarms again")
    qtbot.keyClick(dialog.condition, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.action, "send the building 1 guard")
    qtbot.keyClick(dialog.action, Qt.Key.Key_Return)
    assert dialog.table.currentRow() == 1  # on to the next incomplete item
    assert dialog.rows[0].owner == "Wang Wu"
    assert dialog.rows[0].action == "send the building 1 guard"
    for index in range(1, len(dialog.rows)):
        dialog.set_item(index, "李值班", "到时未处理", "交班长跟进")
    dialog.tabs.setCurrentIndex(PAGE_CHECKLIST)
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert all(line.checkbox.isChecked() for line in dialog.checklist_rows)
    dialog.synthesis.setFocus()
    qtbot.keyClicks(dialog.synthesis, "Two alarms stay open; I follow them up.")
    dialog.tabs.setCurrentIndex(PAGE_ITEMS)
    dialog.grab().save(str(artifacts / "handover-dialog-draft.png"))

    # Ctrl+Enter signs the step the handover is at: first the outgoing operator
    dialog.out_password.setText(OPERATOR_PASSWORD)
    qtbot.keyClick(dialog.synthesis, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.mode is Mode.OUTGOING_SIGNED, timeout=5000)
    # Ctrl+Enter typed no new line into the synthesis
    assert dialog.synthesis.toPlainText() == "Two alarms stay open; I follow them up."
    pending = desk.handover.pending()
    assert pending is not None
    assert dialog.tabs.currentIndex() == PAGE_SIGN
    assert dialog.in_user.text() == "wang"  # the one other person on duty
    assert dialog.in_password.hasFocus()
    qtbot.keyClicks(dialog.in_password, WANG_PASSWORD)
    dialog.grab().save(str(artifacts / "handover-dialog-incoming.png"))
    qtbot.keyClick(dialog.in_password, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.mode is Mode.SEALED, timeout=5000)

    sealed = desk.handover.get(pending.id)
    assert sealed.state is HandoverState.SEALED
    assert len(sealed.signatures) == 2
    assert sealed.signature(Side.OUTGOING).user_name == "li"
    assert sealed.signature(Side.INCOMING).user_name == "wang"
    assert [i.owner for i in sealed.items] == ["Wang Wu"] + ["李值班"] * (len(sealed.items) - 1)
    assert sealed.items[0].condition == "the smoke detector alarms again"
    assert sealed.synthesis == "Two alarms stay open; I follow them up."
    assert dialog.sealed_box.isVisible()
    assert "read-only" in dialog.sealed_note.text()
    assert not dialog.in_sign.isEnabled()
    dialog.grab().save(str(artifacts / "handover-dialog-sealed.png"))

    target = tmp_path / "handover"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), "PDF"))
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=20000)
    assert dialog.saved_path == tmp_path / "handover.pdf"
    assert (tmp_path / "handover.pdf").read_bytes().startswith(b"%PDF")


def test_a_pending_handover_opens_on_the_incoming_step_and_can_be_withdrawn(
    qtbot, desk: Desk, ctx
) -> None:
    shift = desk.shifts.handover_target()
    draft = desk.handover.draft(shift.id)
    draft.items = [type(i)(i.item, "王五", "再次报警", "通知班长") for i in draft.items]
    draft.checklist = [type(a)(a.item, ok=True) for a in draft.checklist]
    draft.synthesis = SYNTHESIS
    signed = desk.handover.sign_outgoing(draft, "li", OPERATOR_PASSWORD)

    dialog = open_dialog(qtbot, ctx, Mode.OUTGOING_SIGNED)
    assert dialog.tabs.currentIndex() == PAGE_SIGN
    assert dialog.seal.toolTip() == signed.seal_hash
    assert dialog.synthesis.toPlainText() == SYNTHESIS
    assert dialog.synthesis.isReadOnly()
    assert [r.owner for r in dialog.rows] == ["王五"] * len(signed.items)
    assert "Handed over by 李值班" in dialog.out_done.text()
    assert dialog.withdraw_button.isVisible()
    assert next_tab_stop(dialog.in_user) is dialog.in_password
    assert next_tab_stop(dialog.in_password) is dialog.in_sign
    assert next_tab_stop(dialog.in_sign) is dialog.withdraw_button

    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    ask = dialog.findChild(QInputDialog, "handover-withdraw-reason")
    assert ask is not None
    ask.setTextValue("钥匙数目不对，重新清点")
    ask.accept()
    qtbot.waitUntil(lambda: dialog.mode is Mode.EDIT, timeout=5000)
    assert desk.handover.get(signed.id).state is HandoverState.WITHDRAWN
    assert desk.handover.pending() is None
    # what was signed comes back as the draft, to be corrected and signed again
    assert [r.owner for r in dialog.rows] == ["王五"] * len(signed.items)
    assert dialog.synthesis.toPlainText() == SYNTHESIS
    assert not dialog.synthesis.isReadOnly()
    assert not dialog.withdraw_button.isVisible()


def test_refresh_gathers_new_items_and_keeps_what_was_typed(qtbot, desk: Desk, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    dialog.set_item(0, "王五", "再次报警", "通知班长")
    kept_ref = dialog.rows[0].item.ref
    before = len(dialog.rows)
    raise_alarm(desk, "sim:9")  # one more open item
    qtbot.waitUntil(lambda: "changed" in dialog.items_notice.text(), timeout=5000)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(dialog.rows) == before + 1, timeout=5000)
    row = next(r for r in dialog.rows if r.item.ref == kept_ref)
    assert (row.owner, row.condition, row.action) == ("王五", "再次报警", "通知班长")
    assert dialog.table.rowCount() == before + 1


def test_a_new_footage_loan_is_noticed_as_a_changed_item(
    qtbot, desk: Desk, ctx, admin: Actor
) -> None:
    from datetime import timedelta

    from console.core.loans import BorrowerKind, LoanForm, LoanMode, RangeForm
    from console.core.visits import IdType
    from schema.types import utcnow
    from tests.footage import index_segment

    dialog = open_dialog(qtbot, ctx)
    start = utcnow() - timedelta(hours=1)
    index_segment(desk, "east-gate", start, 5)
    loan = desk.loans.request(
        ctx.actor,
        LoanForm(
            borrower_kind=BorrowerKind.STAFF,
            borrower_name="赵主管",
            id_type=IdType.OTHER,
            id_number="STAFF-0007",
            phone="13700001111",
            purpose="核查车辆剐蹭 check a scrape",
            ranges=[RangeForm("east-gate", start, start + timedelta(seconds=5))],
            due_at=utcnow() + timedelta(hours=2),
            mode=LoanMode.VIEW,
        ),
    )
    qtbot.waitUntil(lambda: "changed" in dialog.items_notice.text(), timeout=5000)
    assert f"loan:{loan.id}" in [i.ref for i in desk.handover.open_items()]


def test_closing_before_signing_keeps_the_draft(qtbot, desk: Desk, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    dialog.set_item(1, "李值班", "电梯困人", "通知电梯维保")
    dialog.synthesis.setPlainText(SYNTHESIS)
    dialog.close()
    again = open_dialog(qtbot, ctx)
    assert (again.rows[1].owner, again.rows[1].action) == ("李值班", "通知电梯维保")
    assert again.synthesis.toPlainText() == SYNTHESIS
    assert "Restored" in again.notice.text()


def test_every_control_is_named_and_the_tab_order_follows_the_form(qtbot, ctx) -> None:
    dialog = open_dialog(qtbot, ctx)
    kinds = (QLineEdit, QComboBox, QCheckBox, QAbstractButton, QPlainTextEdit, QTableWidget)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for kind in kinds
        for w in dialog.findChildren(kind)
        if not w.accessibleName() and w.isVisibleTo(dialog) and not _inside_combo(w)
    ]
    assert unnamed == []
    for tab in range(dialog.tabs.count()):
        assert dialog.tabs.tabText(tab).startswith(f"&{tab + 1}")  # Alt+1..4
    assert next_tab_stop(dialog.out_user) is dialog.out_password
    assert next_tab_stop(dialog.out_password) is dialog.out_sign
    first, second = dialog.checklist_rows[:2]
    assert next_tab_stop(first.checkbox) is first.note
    assert next_tab_stop(first.note) is second.checkbox
    assert next_tab_stop(dialog.owner) is dialog.condition
    assert next_tab_stop(dialog.condition) is dialog.action


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from `widget` (the focus chain holds labels and the like too)."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        takes_tab = bool(candidate.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab and candidate.isEnabled() and not _inside_combo(candidate):
            return candidate
        candidate = candidate.nextInFocusChain()
    return widget


def _inside_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QComboBox)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen
def test_open_handover_raises_the_dialog_already_open(qtbot, ctx) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    open_handover(window, ctx)
    open_handover(window, ctx)
    dialogs = window.findChildren(HandoverDialog)
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: dialogs[0].mode is Mode.EDIT, timeout=5000)
    dialogs[0].close()
