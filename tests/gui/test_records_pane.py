"""The lift and complaint records pane, driven as an operator would (offscreen, demo site)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtGui import QFont, QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.core.desk import Desk
from console.core.incidents import IncidentError
from console.ui import panes
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext
from console.ui.records_pane import (
    AmbulanceDialog,
    CallDialog,
    CloseLiftDialog,
    ComplaintModel,
    EscalateDialog,
    FollowUpDialog,
    FreedDialog,
    HandlingDialog,
    LiftModel,
    NewComplaintDialog,
    NewLiftDialog,
    RecordsPane,
    _RecordDialog,
    _RecordTab,
)
from console.ui.wording import describe

SPEC = {spec.key: spec for spec in panes.registered()}["records"]


@pytest.fixture
def ctx(desk: Desk, operator) -> Iterator[PaneContext]:
    bridge = BusBridge(desk.bus)
    yield PaneContext(desk, operator, bridge)
    bridge.close()


@pytest.fixture
def pane(qtbot, ctx: PaneContext) -> RecordsPane:
    pane = RecordsPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1100, 700)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: not pane._loading)
    return pane


def cell(tab: _RecordTab, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    return tab.model.index(row, column).data(role)


def column(tab: _RecordTab, col: int) -> list[str]:
    return [cell(tab, r, col) for r in range(tab.model.rowCount())]


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def opened(pane: RecordsPane, kind: type[_RecordDialog]) -> _RecordDialog:
    dialog = pane.dialog
    assert isinstance(dialog, kind)
    assert dialog.isVisible()
    return dialog


def ok(qtbot, dialog: _RecordDialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def type_text(qtbot, field: QWidget, text: str) -> None:
    """Type as an operator does: Latin text key by key, Chinese as an input method commits it."""
    field.setFocus()
    if isinstance(field, QPlainTextEdit | QLineEdit):
        field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def site_minute(desk: Desk, at: datetime) -> QDateTime:
    """`at` as the fields of a WhenEdit (the site's wall clock, to the minute)."""
    local = at.astimezone(desk.site.tz())
    return QDateTime(
        local.year,
        local.month,
        local.day,
        local.hour,
        local.minute,
        0,
        0,
        QTimeZone(QTimeZone.Initialization.UTC),
    )


# -- lifts --------------------------------------------------------------------------------------


def test_a_lift_entrapment_from_report_to_close(qtbot, pane: RecordsPane, desk: Desk) -> None:
    tab = pane.lifts
    click(qtbot, tab.button_of(tab.new_action))
    dialog = opened(pane, NewLiftDialog)
    assert isinstance(dialog, NewLiftDialog)
    ok(qtbot, dialog)  # no lift number: refused in words, the dialog stays
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert "Enter the lift number." in dialog.error.text()
    assert desk.incidents.open_lifts() == []
    type_text(qtbot, dialog.lift_no, "3号楼2号梯")
    dialog.trapped.setValue(2)
    type_text(qtbot, dialog.note, "B1-F5 stuck, 2 adults, calm")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: len(desk.incidents.open_lifts()) == 1)
    lift = desk.incidents.open_lifts()[0]
    assert (lift.lift_no, lift.people_trapped, lift.note) == (
        "3号楼2号梯",
        2,
        "B1-F5 stuck, 2 adults, calm",
    )
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.selected_id == lift.id)
    assert cell(tab, 0, LiftModel.TRAPPED).startswith("⚠ Trapped")

    # Called…: a listed person is stored by the site's own term; anyone else as typed
    click(qtbot, tab.button_of(tab.call_action))
    call = opened(pane, CallDialog)
    assert isinstance(call, CallDialog)
    call.who.setCurrentIndex(call.who.findData("电梯维保"))
    ok(qtbot, call)
    qtbot.waitUntil(lambda: len(desk.incidents.get_lift(lift.id).calls) == 1)
    qtbot.waitUntil(lambda: pane.dialog is None and tab.call_action.isEnabled())
    click(qtbot, tab.button_of(tab.call_action))
    call = opened(pane, CallDialog)
    assert isinstance(call, CallDialog)
    type_text(qtbot, call.who.lineEdit(), "物业 王经理")
    ok(qtbot, call)
    qtbot.waitUntil(lambda: len(desk.incidents.get_lift(lift.id).calls) == 2)
    assert [who for who, _at in desk.incidents.get_lift(lift.id).calls] == [
        "电梯维保",
        "物业 王经理",
    ]

    # Called 120: a confirmation, then the injury is on the record
    qtbot.waitUntil(lambda: pane.dialog is None and tab.ambulance_action.isEnabled())
    click(qtbot, tab.button_of(tab.ambulance_action))
    ambulance = opened(pane, AmbulanceDialog)
    assert "120" in ambulance.intro.text()
    ok(qtbot, ambulance)
    qtbot.waitUntil(lambda: desk.incidents.get_lift(lift.id).injured)
    assert desk.incidents.get_lift(lift.id).ambulance_called_at is not None
    qtbot.waitUntil(lambda: not tab.ambulance_action.isEnabled())  # once only

    # Freed, then Close with the outcome
    click(qtbot, tab.button_of(tab.freed_action))
    ok(qtbot, opened(pane, FreedDialog))
    qtbot.waitUntil(lambda: desk.incidents.get_lift(lift.id).freed_at is not None)
    qtbot.waitUntil(lambda: pane.dialog is None and not tab.freed_action.isEnabled())
    assert not cell(tab, 0, LiftModel.TRAPPED).startswith("⚠")
    click(qtbot, tab.button_of(tab.close_action))
    close = opened(pane, CloseLiftDialog)
    assert isinstance(close, CloseLiftDialog)
    type_text(qtbot, close.outcome, "维保到场放人，一人扭伤送医")
    ok(qtbot, close)
    qtbot.waitUntil(lambda: not desk.incidents.get_lift(lift.id).is_open)
    assert desk.incidents.get_lift(lift.id).outcome == "维保到场放人，一人扭伤送医"
    qtbot.waitUntil(lambda: cell(tab, 0, LiftModel.STATUS) == "Closed")
    assert not cell(tab, 0, 0, Qt.ItemDataRole.FontRole)  # closed rows are not bold
    assert not tab.close_action.isEnabled()
    detail = tab.detail.toPlainText()
    for text in ("Lift technician (电梯维保)", "物业 王经理", "120 called", "维保到场放人"):
        assert text in detail


def test_closing_a_lift_with_people_still_trapped_is_refused(
    qtbot, pane: RecordsPane, desk: Desk, operator
) -> None:
    lift = desk.incidents.open_lift(operator, "5号楼1号梯", 1)
    tab = pane.lifts
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.close_action.isEnabled())
    click(qtbot, tab.button_of(tab.close_action))
    close = opened(pane, CloseLiftDialog)
    assert isinstance(close, CloseLiftDialog)
    assert "still recorded as trapped" in close.warning.text()  # said before OK, too
    type_text(qtbot, close.outcome, "已处理")
    ok(qtbot, close)
    qtbot.waitUntil(lambda: close.error.isVisibleTo(close))
    assert "People are still trapped in this lift" in close.error.text()
    assert close.isVisible()  # the outcome typed is not lost
    assert desk.incidents.get_lift(lift.id).is_open
    assert cell(tab, 0, LiftModel.STATUS) == "Open"


def test_a_trapped_lift_says_so_and_counts_the_minutes(
    qtbot, pane: RecordsPane, desk: Desk, operator, monkeypatch
) -> None:
    now = desk.incidents.clock()
    trapped = desk.incidents.open_lift(
        operator, "1号楼1号梯", 3, reported_at=now - timedelta(minutes=12, seconds=5)
    )
    desk.incidents.open_lift(operator, "2号楼1号梯", 0, note="误报")
    tab = pane.lifts
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert column(tab, LiftModel.LIFT) == ["1号楼1号梯", "2号楼1号梯"]  # trapped first
    assert cell(tab, 0, LiftModel.TRAPPED) == "⚠ Trapped 12 min"
    assert cell(tab, 1, LiftModel.TRAPPED) == "No one trapped"
    assert "⚠" in pane.tabs.tabText(0)
    assert "People trapped in 1 lift" in tab.summary.text()
    tab.select_id(trapped.id)
    assert "Still trapped, for 12 min" in tab.detail.toPlainText()
    assert pane.timer.isActive()
    assert pane.timer.interval() == 30_000
    later = now + timedelta(minutes=5)
    monkeypatch.setattr(desk.incidents, "clock", lambda: later)
    pane.timer.timeout.emit()  # the 30 s tick
    qtbot.waitUntil(lambda: cell(tab, 0, LiftModel.TRAPPED) == "⚠ Trapped 17 min")


def test_freed_at_a_typed_time_is_read_in_the_site_time_zone(
    qtbot, pane: RecordsPane, desk: Desk, operator
) -> None:
    reported = (desk.incidents.clock() - timedelta(minutes=30)).replace(second=0, microsecond=0)
    lift = desk.incidents.open_lift(operator, "7号楼2号梯", 1, reported_at=reported)
    tab = pane.lifts
    qtbot.waitUntil(lambda: tab.freed_action.isEnabled())
    click(qtbot, tab.button_of(tab.freed_action))
    freed = opened(pane, FreedDialog)
    assert isinstance(freed, FreedDialog)
    freed.when.setDateTime(site_minute(desk, reported + timedelta(minutes=10)))
    ok(qtbot, freed)
    qtbot.waitUntil(lambda: desk.incidents.get_lift(lift.id).freed_at is not None)
    assert desk.incidents.get_lift(lift.id).freed_at == reported + timedelta(minutes=10)
    qtbot.waitUntil(lambda: cell(tab, 0, LiftModel.TRAPPED) == "Freed after 10 min")


def test_open_records_come_first(qtbot, pane: RecordsPane, desk: Desk, operator) -> None:
    incidents = desk.incidents
    now = incidents.clock()
    old = incidents.open_lift(operator, "A", 0, reported_at=now - timedelta(days=3))
    incidents.close_lift(operator, old.id, "误报")
    incidents.open_lift(operator, "B", 0, reported_at=now - timedelta(days=2))
    newest_closed = incidents.open_lift(operator, "C", 0, reported_at=now - timedelta(hours=1))
    incidents.close_lift(operator, newest_closed.id, "测试")
    incidents.open_lift(operator, "D", 0, reported_at=now - timedelta(days=40))  # open, old
    gone = incidents.open_lift(operator, "E", 0, reported_at=now - timedelta(days=40))
    incidents.close_lift(operator, gone.id, "旧")  # closed over 30 days ago: not listed
    tab = pane.lifts
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)
    assert column(tab, LiftModel.LIFT) == ["B", "D", "C", "A"]
    assert column(tab, LiftModel.STATUS) == ["Open", "Open", "Closed", "Closed"]
    fonts = [cell(tab, r, LiftModel.LIFT, Qt.ItemDataRole.FontRole) for r in range(4)]
    assert [isinstance(f, QFont) and f.bold() for f in fonts] == [True, True, False, False]
    assert tab.summary.text() == "2 open, 2 closed in the last 30 days"

    done = incidents.open_complaint(operator, "", "1-1-101", "噪音")
    incidents.handle(operator, done.id, "已劝导")
    incidents.follow_up(operator, done.id, "满意")
    incidents.close_complaint(operator, done.id)
    incidents.open_complaint(operator, "", "2-1-202", "漏水")
    complaints = pane.complaints
    qtbot.waitUntil(lambda: complaints.model.rowCount() == 2)
    assert column(complaints, ComplaintModel.UNIT) == ["2-1-202", "1-1-101"]
    assert column(complaints, ComplaintModel.STATUS) == ["Open", "Closed"]
    assert column(complaints, ComplaintModel.NEXT) == ["Write the handling", ""]


# -- complaints ---------------------------------------------------------------------------------


def test_a_complaint_from_call_to_close(
    qtbot, pane: RecordsPane, desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    pane.tabs.setCurrentWidget(pane.complaints)
    tab = pane.complaints
    click(qtbot, tab.button_of(tab.new_action))
    new = opened(pane, NewComplaintDialog)
    assert isinstance(new, NewComplaintDialog)
    type_text(qtbot, new.resident, "张三丰")
    type_text(qtbot, new.unit, "3-2-501")
    type_text(qtbot, new.matter, "楼上装修 22 点后仍有噪音")
    ok(qtbot, new)
    qtbot.waitUntil(lambda: len(desk.incidents.open_complaints()) == 1)
    complaint = desk.incidents.open_complaints()[0]
    assert (complaint.resident, complaint.unit) == ("张三丰", "3-2-501")
    qtbot.waitUntil(lambda: tab.selected_id == complaint.id)
    assert cell(tab, 0, ComplaintModel.RESIDENT) == "张三丰"  # shown to the desk

    qtbot.waitUntil(lambda: pane.dialog is None)
    click(qtbot, tab.button_of(tab.handle_action))
    handling = opened(pane, HandlingDialog)
    assert isinstance(handling, HandlingDialog)
    type_text(qtbot, handling.text, "已电话联系 5 楼业主，答应停工")
    ok(qtbot, handling)
    qtbot.waitUntil(lambda: "答应停工" in desk.incidents.get_complaint(complaint.id).handling)

    qtbot.waitUntil(lambda: pane.dialog is None)
    click(qtbot, tab.button_of(tab.escalate_action))
    escalate = opened(pane, EscalateDialog)
    assert isinstance(escalate, EscalateDialog)
    escalate.to.setCurrentIndex(escalate.to.findData("保安主管"))
    ok(qtbot, escalate)
    qtbot.waitUntil(lambda: desk.incidents.get_complaint(complaint.id).escalated_to == "保安主管")

    # Close before the follow-up call: refused in words, still open
    qtbot.waitUntil(lambda: pane.dialog is None)
    click(qtbot, tab.button_of(tab.close_action))
    qtbot.waitUntil(lambda: tab.error.isVisibleTo(tab))
    assert "Record the follow-up call" in tab.error.text()
    assert desk.incidents.get_complaint(complaint.id).is_open

    click(qtbot, tab.button_of(tab.follow_up_action))
    follow = opened(pane, FollowUpDialog)
    assert isinstance(follow, FollowUpDialog)
    type_text(qtbot, follow.outcome, "业主表示满意")
    ok(qtbot, follow)
    qtbot.waitUntil(
        lambda: desk.incidents.get_complaint(complaint.id).followup_outcome == "业主表示满意"
    )
    qtbot.waitUntil(lambda: cell(tab, 0, ComplaintModel.NEXT) == "Ready to close")
    click(qtbot, tab.button_of(tab.close_action))
    qtbot.waitUntil(lambda: not desk.incidents.get_complaint(complaint.id).is_open)
    qtbot.waitUntil(lambda: cell(tab, 0, ComplaintModel.STATUS) == "Closed")
    detail = tab.detail.toPlainText()
    for text in ("张三丰", "答应停工", "Security supervisor (保安主管)", "业主表示满意"):
        assert text in detail
    assert not any("张三丰" in record.getMessage() for record in caplog.records)


def test_tables_follow_changes_made_elsewhere(
    qtbot, pane: RecordsPane, desk: Desk, operator
) -> None:
    pane.timer.stop()  # only the bus event can bring the change in
    complaint = desk.incidents.open_complaint(operator, "李四", "9-1-101", "门禁坏了")
    tab = pane.complaints
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=3000)
    assert cell(tab, 0, ComplaintModel.UNIT) == "9-1-101"
    assert pane.tabs.tabText(1) == "Co&mplaints (1 open)"
    desk.incidents.handle(operator, complaint.id, "已报工程部")
    qtbot.waitUntil(lambda: cell(tab, 0, ComplaintModel.NEXT) == "Follow-up call", timeout=3000)
    assert "已报工程部" in tab.detail.toPlainText()
    lift = desk.incidents.open_lift(operator, "4号楼1号梯", 2)
    qtbot.waitUntil(lambda: pane.lifts.model.rowCount() == 1, timeout=3000)
    desk.incidents.freed(operator, lift.id)
    qtbot.waitUntil(
        lambda: not cell(pane.lifts, 0, LiftModel.TRAPPED).startswith("⚠"), timeout=3000
    )


# -- menu, keyboard, names, wording ---------------------------------------------------------------


def test_menu_shortcuts_and_names(qtbot, pane: RecordsPane, operator_window) -> None:
    spec = SPEC
    assert (spec.shortcut, spec.tab_with, spec.area) == (
        "Ctrl+7",
        "log",
        Qt.DockWidgetArea.LeftDockWidgetArea,
    )
    assert spec.title() == "Lift and complaint records"
    assert spec.menu_title is not None
    assert spec.menu_title() == "&Records"
    actions = {a.text(): a.shortcut().toString() for a in pane.menu_actions()}
    assert actions == {"Lift &entrapment…": "Ctrl+Shift+T", "Resident &complaint…": "Ctrl+Shift+M"}
    ours = {"Lift and complaint records", "Lift entrapment", "Resident complaint"}
    taken = {key for text, key in operator_window.shortcuts() if text not in ours}
    assert not taken & {"Ctrl+7", "Ctrl+Shift+T", "Ctrl+Shift+M"}

    pane.menu_actions()[1].trigger()
    dialog = opened(pane, NewComplaintDialog)
    assert pane.tabs.currentWidget() is pane.lifts  # opening a dialog switches nothing yet
    for field in (dialog.resident, dialog.unit, dialog.matter):
        assert field.accessibleName()
    dialog.reject()

    for tab in (pane.lifts, pane.complaints):
        pane.tabs.setCurrentWidget(tab)
        unnamed = [
            w.objectName() or type(w).__name__
            for w in tab.findChildren(QWidget)
            if isinstance(w, QAbstractButton | QLineEdit | QComboBox)
            and w.isVisibleTo(tab)
            and not w.accessibleName()
        ]
        assert unnamed == []
        assert tab.table.accessibleName()
        assert tab.detail.accessibleName()
        headers = [
            tab.model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(tab.model.columnCount())
        ]
        assert all(headers)
        assert "Status" in headers
        texts = [b.text() for _a, b in tab.actions_]
        assert all("&" in t for t in texts)  # each has its Alt+letter
        letters = [t[t.index("&") + 1].lower() for t in texts]
        assert len(set(letters)) == len(letters)
        assert tab.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
        assert [a.text() for a in tab.table.actions() if not a.isSeparator()] == texts


def test_every_incident_refusal_has_words() -> None:
    codes = (
        "lift_no_required too_long bad_trapped naive_time future before_opened who_required "
        "outcome_required unit_required matter_required handling_required escalate_to_required "
        "not_found closed not_freed already_called already_freed no_handling no_follow_up"
    ).split()
    for code in codes:
        words = describe(IncidentError(code, "raw core text"))
        assert words, code
        assert words != "raw core text", code
    assert "50" in describe(IncidentError("bad_trapped", "x"))
    assert describe(IncidentError("some_new_code", "as core says")) == "as core says"


def test_times_in_the_table_are_the_sites(qtbot, pane: RecordsPane, desk: Desk, operator) -> None:
    reported = desk.incidents.clock().replace(second=0, microsecond=0) - timedelta(hours=1)
    desk.incidents.open_lift(operator, "6号楼", 0, reported_at=reported)
    tab = pane.lifts
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    local = reported.astimezone(desk.site.tz())
    assert local.utcoffset() != timedelta(0)  # the demo site is not on UTC: a real check
    assert cell(tab, 0, LiftModel.REPORTED) == local.strftime("%m-%d %H:%M")
