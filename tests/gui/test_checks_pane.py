"""The check-records pane driven as an operator would, on the demo site (offscreen), at a fixed
time: the desk's checks, shifts, duty log and log-in checks run on a test clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.core.auth import Actor, BadCredentials
from console.core.checks import CheckError, CheckState
from console.core.desk import Desk
from console.ui.bridge import BusBridge
from console.ui.checks_pane import RECENT_DAYS, ChecksPane
from console.ui.checks_widgets import (
    KEY_ROLE,
    RED,
    CheckFormDialog,
    FaultModel,
    RecordModel,
    RepairDialog,
    ReportFaultDialog,
    StatusModel,
)
from console.ui.panes import PaneContext
from console.ui.wording import describe
from tests.clock import Clock
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD
from tests.gui.conftest import open_window

TZ = ZoneInfo("Asia/Shanghai")  # the demo site's
S, F, R = StatusModel, FaultModel, RecordModel


def at(local: str) -> datetime:
    """A wall-clock time at the demo site, as core keeps it (UTC)."""
    return datetime.fromisoformat(local).replace(tzinfo=TZ).astimezone(UTC)


@pytest.fixture
def clock(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> Clock:
    """13:00 on Monday 2026-03-02, in the early shift (08:00-16:00)."""
    fixed = Clock(at("2026-03-02 13:00"))
    for service in (desk.checks, desk.shifts, desk.duty, desk.auth):
        monkeypatch.setattr(service, "clock", fixed)
    return fixed


@pytest.fixture
def ctx(desk: Desk, operator: Actor, clock: Clock) -> Iterator[PaneContext]:
    bridge = BusBridge(desk.bus)
    yield PaneContext(desk, operator, bridge)
    bridge.close()


def make_pane(qtbot, ctx: PaneContext) -> ChecksPane:
    pane = ChecksPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1000, 760)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.loaded is not None)
    return pane


@pytest.fixture
def pane(qtbot, ctx: PaneContext) -> ChecksPane:
    return make_pane(qtbot, ctx)


def first_use(desk: Desk, clock: Clock, local: str) -> None:
    """The desk was first used at `local` (its first shift row dates from then)."""
    saved = clock.now
    clock.now = at(local)
    desk.shifts.current()
    clock.now = saved


def status_cell(pane: ChecksPane, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return pane.status_model.index(row, column).data(role)


def status_rows(pane: ChecksPane) -> list[tuple[str, str, str]]:
    """(sheet id, period, state) of each row, top to bottom."""
    return [
        (
            status_cell(pane, r, 0, KEY_ROLE)[0],
            status_cell(pane, r, S.PERIOD),
            status_cell(pane, r, S.STATE),
        )
        for r in range(pane.status_model.rowCount())
    ]


def row_of_sheet(pane: ChecksPane, template_id: str, state: str | None = None) -> int:
    for r, (sheet, _period, shown) in enumerate(status_rows(pane)):
        if sheet == template_id and (state is None or state in shown):
            return r
    return -1


def state_of(pane: ChecksPane, template_id: str) -> str:
    return status_cell(pane, row_of_sheet(pane, template_id), S.STATE)


def open_form(qtbot, pane: ChecksPane, template_id: str, state: str | None = None):
    """Select the sheet's row and press Enter on it, as an operator would."""
    row = row_of_sheet(pane, template_id, state)
    assert row >= 0, status_rows(pane)
    pane.status_table.setFocus()
    pane.status_table.setCurrentIndex(pane.status_model.index(row, 0))
    qtbot.keyClick(pane.status_table, Qt.Key.Key_Return)
    form = pane.dialog
    assert isinstance(form, CheckFormDialog)
    assert form.isVisible()
    return form


def press_ok(qtbot, dialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def error_of(qtbot, dialog) -> str:
    error = dialog.findChild(QLabel, "error")
    qtbot.waitUntil(error.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    return error.text()


def sign_with(form: CheckFormDialog, password: str = OPERATOR_PASSWORD) -> None:
    form.password.setText(password)


def counts(desk: Desk) -> tuple[int, int]:
    return len(desk.checks.records()), len(desk.checks.faults(open_only=False))


# -- the sheets ---------------------------------------------------------------------------------


def test_the_status_table_lists_every_sheet_overdue_first(qtbot, pane) -> None:
    assert [pane.status_model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Sheet",
        "Period",
        "Due by",
        "State",
    ]
    # At 13:00 on a Monday: the shift sheet (due 10:00), the daily check (due 12:00) and the
    # quarterly upkeep (due 31 January) are late; the week's, month's and year's are not yet.
    assert status_rows(pane) == [
        ("fire-quarterly", "2026Q1", "⚠ overdue"),
        ("fire-room-shift", "2026-03-02 08:00–16:00", "⚠ overdue"),
        ("fire-daily", "2026-03-02", "⚠ overdue"),
        ("fire-weekly", "2026-03-02–2026-03-08", "◷ due"),
        ("cctv-monthly", "2026-03", "◷ due"),
        ("fire-annual", "2026", "◷ due"),
    ]
    daily = row_of_sheet(pane, "fire-daily")
    assert status_cell(pane, daily, S.SHEET) == "消防设备日检表"
    assert "Daily fire-equipment check" in status_cell(
        pane, daily, S.SHEET, Qt.ItemDataRole.ToolTipRole
    )
    assert status_cell(pane, daily, S.DEADLINE) == "2026-03-02 12:00"  # the site's time
    assert status_cell(pane, daily, S.STATE, Qt.ItemDataRole.ForegroundRole) == RED
    assert "overdue" in status_cell(pane, daily, S.STATE, Qt.ItemDataRole.AccessibleTextRole)
    weekly = row_of_sheet(pane, "fire-weekly")
    assert status_cell(pane, weekly, S.DEADLINE) == "2026-03-06 00:00"
    assert status_cell(pane, weekly, S.SHEET, Qt.ItemDataRole.ForegroundRole) != RED
    assert "⚠ 3 overdue" in pane.summary.text()
    assert "◷ 3 due" in pane.summary.text()
    assert pane.selected_status().template.id == "fire-quarterly"  # the most urgent
    assert pane.status_timer.isActive()
    assert pane.status_timer.interval() == 60_000


def test_filling_a_sheet_with_one_abnormal_item(qtbot, pane, desk) -> None:
    form = open_form(qtbot, pane, "fire-daily")
    assert form.user.text() == "li"  # the operator at the console, who may change it
    assert "消防设备日检表" in form.intro.text()
    assert "2026-03-02" in form.intro.text()
    assert [row.answer() for row in form.rows] == [None] * 13  # nothing answered for them
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    qtbot.keyClick(form, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Mark all normal
    qtbot.waitUntil(lambda: [row.answer() for row in form.rows] == [True] * 13)
    battery = form.row_of("backup-power")
    qtbot.mouseClick(battery.abnormal, Qt.MouseButton.LeftButton)
    assert battery.answer() is False
    assert "1 abnormal" in form.answered.text()
    battery.note.insert("蓄电池电压 21.5V 偏低")  # typed (QTest types Latin-1 only)
    form.note.insertPlainText("已通知工程部")
    sign_with(form)
    with qtbot.waitSignal(form.accepted, timeout=5000):
        press_ok(qtbot, form)

    (record,) = desk.checks.records()
    assert (record.template_id, record.signed_by, record.note) == (
        "fire-daily",
        "li",
        "已通知工程部",
    )
    assert record.period_start == at("2026-03-02 00:00")
    assert [(i.id, i.note) for i in record.abnormal] == [("backup-power", "蓄电池电压 21.5V 偏低")]
    assert len(record.items) == 13
    (fault,) = desk.checks.faults()
    assert "备用电源" in fault.title
    qtbot.waitUntil(lambda: pane.fault_model.rowCount() == 1)
    assert pane.fault_table.model().index(0, F.NO).data() == f"#{fault.id}"
    assert pane.fault_table.model().index(0, F.OPENED_BY).data() == "李值班 (li)"
    qtbot.waitUntil(lambda: state_of(pane, "fire-daily") == "✔ done")
    assert "Signed 消防设备日检表 2026-03-02" in pane.notice.text()
    assert f"#{fault.id}" in pane.notice.text()
    # The new record is listed and selected, its items in full beside it.
    assert pane.selected_record().id == record.id
    row = pane.record_model.row_of(record.id)
    assert pane.record_model.index(row, R.ABNORMAL).data() == "⚠ 1"
    assert pane.record_model.index(row, R.LATE).data() == ""
    assert pane.record_model.index(row, R.SIGNED_BY).data() == "李值班 (li)"
    detail = pane.detail.toPlainText()
    assert "蓄电池电压 21.5V 偏低" in detail
    assert f"fault report #{fault.id}" in detail
    assert "✖ abnormal" in detail


def test_enter_on_a_signed_sheet_shows_its_record(qtbot, pane, desk) -> None:
    template = desk.checks.template("fire-weekly")
    record = desk.checks.record(
        "li", OPERATOR_PASSWORD, template.id, {i.id: (True, "") for i in template.items}
    )
    qtbot.waitUntil(lambda: state_of(pane, "fire-weekly") == "✔ done")
    pane.dialog = None
    pane.status_table.setCurrentIndex(pane.status_model.index(row_of_sheet(pane, "fire-weekly"), 0))
    assert not pane.fill_button.isEnabled()
    qtbot.keyClick(pane.status_table, Qt.Key.Key_Return)
    assert pane.dialog is None  # no form for a signed sheet
    assert "already signed" in pane.notice.text()
    assert pane.selected_record().id == record.id


def test_a_missed_period_is_listed_and_filled_in_late(qtbot, desk, ctx, clock) -> None:
    first_use(desk, clock, "2026-03-01 23:00")  # the night shift 00:00-08:00 went unsigned
    pane = make_pane(qtbot, ctx)
    missed = row_of_sheet(pane, "fire-room-shift", "missed")
    assert missed >= 0
    assert status_cell(pane, missed, S.STATE) == "✖ missed"
    assert status_cell(pane, missed, S.PERIOD) == "2026-03-02 00:00–08:00"
    assert status_cell(pane, missed, S.SHEET, Qt.ItemDataRole.ForegroundRole) == RED
    assert "✖ 1 missed" in pane.summary.text()
    assert missed < row_of_sheet(pane, "fire-weekly")  # late ones first

    form = open_form(qtbot, pane, "fire-room-shift", "missed")
    assert "missed" in form.intro.text()
    qtbot.mouseClick(form.all_normal, Qt.MouseButton.LeftButton)
    sign_with(form)
    with qtbot.waitSignal(form.accepted, timeout=5000):
        press_ok(qtbot, form)
    (record,) = desk.checks.records()
    assert record.period_start == at("2026-03-02 00:00")  # that period, not the current one
    assert record.late
    qtbot.waitUntil(lambda: row_of_sheet(pane, "fire-room-shift", "missed") < 0)
    assert "⚠ overdue" in state_of(pane, "fire-room-shift")  # the current shift is still open
    row = pane.record_model.row_of(record.id)
    assert pane.record_model.index(row, R.LATE).data() == "◷ late"


def test_a_wrong_password_shows_the_error_and_stores_nothing(qtbot, pane, desk) -> None:
    form = open_form(qtbot, pane, "fire-daily")
    form.mark_all_normal()
    sign_with(form, "not-the-password")
    press_ok(qtbot, form)
    assert describe(BadCredentials()) in error_of(qtbot, form)
    assert "Wrong user name or password" in form.error.text()
    assert form.isVisible()
    assert form.password.text() == ""  # cleared for the next try
    assert [row.answer() for row in form.rows] == [True] * 13  # the answers are kept
    assert counts(desk) == (0, 0)
    assert "overdue" in state_of(pane, "fire-daily")
    form.reject()


def test_an_unanswered_item_is_refused(qtbot, pane, desk) -> None:
    form = open_form(qtbot, pane, "fire-daily")
    lamp = form.row_of("room-lighting")
    for row in form.rows:
        if row is not lamp:
            row.normal.setChecked(True)
    assert "12 of 13 answered" in form.answered.text()
    sign_with(form)
    press_ok(qtbot, form)
    text = error_of(qtbot, form)
    assert "Answer every item" in text
    assert "1 not answered" in text
    assert lamp.flag.isVisible()
    assert "answer" in lamp.flag.text()
    assert not form.row_of("printer").flag.isVisible()
    assert lamp.normal.hasFocus()
    assert counts(desk) == (0, 0)
    assert form.isVisible()

    qtbot.keyClick(lamp.normal, Qt.Key.Key_Space)  # answered by keyboard: the marker goes
    assert lamp.answer() is True
    assert not lamp.flag.isVisible()
    with qtbot.waitSignal(form.accepted, timeout=5000):
        press_ok(qtbot, form)
    assert counts(desk) == (1, 0)


def test_an_abnormal_item_without_a_note_is_refused(qtbot, pane, desk) -> None:
    form = open_form(qtbot, pane, "fire-daily")
    form.mark_all_normal()
    printer = form.row_of("printer")
    printer.abnormal.setChecked(True)
    assert printer.note.placeholderText() == "required: what is abnormal"
    sign_with(form)
    press_ok(qtbot, form)
    text = error_of(qtbot, form)
    assert "needs a note" in text
    assert "控制器打印机有纸" in text  # which item
    assert printer.flag.isVisible()
    assert "note required" in printer.flag.text()
    assert printer.note.hasFocus()
    assert counts(desk) == (0, 0)

    printer.note.insert("打印纸用完，已更换")
    assert not printer.flag.isVisible()
    with qtbot.waitSignal(form.accepted, timeout=5000):
        press_ok(qtbot, form)
    assert counts(desk) == (1, 1)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen
def test_one_form_per_sheet_and_period(qtbot, pane) -> None:
    form = open_form(qtbot, pane, "fire-daily")
    again = pane.fill_selected()
    assert again is form
    form.reject()
    qtbot.waitUntil(lambda: not pane.forms)


# -- faults -------------------------------------------------------------------------------------


def test_reporting_and_repairing_a_fault_through_the_dialogs(qtbot, pane, desk) -> None:
    qtbot.mouseClick(pane.report_button, Qt.MouseButton.LeftButton)
    report = pane.dialog
    assert isinstance(report, ReportFaultDialog)
    press_ok(qtbot, report)  # no title: refused
    assert "Say what is faulty first." in error_of(qtbot, report)
    assert desk.checks.faults() == []
    report.title.insert("2号楼1层应急灯不亮")
    report.note.setPlainText("巡查发现，已报工程部")
    with qtbot.waitSignal(report.accepted, timeout=5000):
        press_ok(qtbot, report)
    (fault,) = desk.checks.faults()
    assert (fault.title, fault.note, fault.opened_by) == (
        "2号楼1层应急灯不亮",
        "巡查发现，已报工程部",
        "li",
    )
    qtbot.waitUntil(lambda: pane.fault_model.rowCount() == 1)
    assert pane.fault_model.index(0, F.TITLE).data() == "2号楼1层应急灯不亮"
    assert pane.fault_model.index(0, F.OPENED_AT).data() == "2026-03-02 13:00"
    assert "open faults: 1" in pane.summary.text()

    pane.fault_table.setFocus()
    pane.fault_table.setCurrentIndex(pane.fault_model.index(0, 0))
    qtbot.keyClick(pane.fault_table, Qt.Key.Key_Return)  # Enter: repaired…
    repair = pane.dialog
    assert isinstance(repair, RepairDialog)
    assert "2号楼1层应急灯不亮" in repair.findChild(QLabel, "fault-intro").text()
    press_ok(qtbot, repair)  # no note: refused
    assert "Say what was repaired and how." in error_of(qtbot, repair)
    assert desk.checks.faults() == [fault]
    repair.note.insertPlainText("更换应急灯电池，试验正常")
    with qtbot.waitSignal(repair.accepted, timeout=5000):
        press_ok(qtbot, repair)
    assert desk.checks.faults() == []
    (closed,) = desk.checks.faults(open_only=False)
    assert (closed.repaired_by, closed.repair_note) == ("li", "更换应急灯电池，试验正常")
    qtbot.waitUntil(lambda: pane.fault_model.rowCount() == 0)
    assert not pane.repair_button.isEnabled()
    assert f"Fault #{fault.id} repaired" in pane.notice.text()


# -- refreshing ---------------------------------------------------------------------------------


def test_the_status_follows_core_events_and_the_clock(qtbot, desk, ctx, clock) -> None:
    clock.now = at("2026-03-02 11:00")
    pane = make_pane(qtbot, ctx)
    assert state_of(pane, "fire-daily") == "◷ due"
    template = desk.checks.template("fire-daily")
    desk.checks.record(  # signed elsewhere (another desk, the command line): an event says so
        "li", OPERATOR_PASSWORD, template.id, {i.id: (True, "") for i in template.items}
    )
    qtbot.waitUntil(lambda: state_of(pane, "fire-daily") == "✔ done", timeout=3000)
    assert pane.record_model.rowCount() == 1

    clock.now = at("2026-03-03 12:30")  # the next day, past its noon deadline
    desk.bus.publish("camera.status")  # not a topic the pane redraws on
    QApplication.processEvents()
    assert not pane._debounce.isActive()
    pane.status_timer.timeout.emit()  # the minute tick
    qtbot.waitUntil(
        lambda: status_cell(pane, row_of_sheet(pane, "fire-daily"), S.PERIOD) == "2026-03-03"
    )
    assert state_of(pane, "fire-daily") == "⚠ overdue"

    clock.now = at("2026-03-04 11:00")
    desk.bus.publish("duty.shift", change="joined")  # a shift event redraws as well
    qtbot.waitUntil(lambda: row_of_sheet(pane, "fire-daily", "◷ due") >= 0)
    due = row_of_sheet(pane, "fire-daily", "◷ due")
    assert status_cell(pane, due, S.PERIOD) == "2026-03-04"
    missed = row_of_sheet(pane, "fire-daily", "✖ missed")  # yesterday's went unsigned
    assert status_cell(pane, missed, S.PERIOD) == "2026-03-03"
    assert missed < due
    clock.now = at("2026-04-03 11:01")  # 31 days and a minute after it was signed
    pane.refresh()
    qtbot.waitUntil(lambda: pane.record_model.rowCount() == 0)
    assert RECENT_DAYS == 31


# -- keyboard and accessibility -----------------------------------------------------------------


CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QPlainTextEdit)
COMPOSITE = (QComboBox, QAbstractScrollArea, QLineEdit)


def unnamed(widget: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for control in widget.findChildren(QWidget):
        inner = isinstance(control.parent(), COMPOSITE)  # a combo's list, a header
        if isinstance(control, CONTROLS) and not inner and control.isVisible():
            if not control.accessibleName():
                found.append(control)
    return found


def test_every_control_has_an_accessible_name_and_a_keyboard_path(qtbot, pane, desk) -> None:
    desk.checks.report_fault(pane.ctx.actor, "消防泵控制柜故障灯亮")
    qtbot.waitUntil(lambda: pane.fault_model.rowCount() == 1)
    assert unnamed(pane) == []
    assert pane.status_table.accessibleName() == "Sheets"
    assert pane.fault_table.accessibleName() == "Open faults"
    assert pane.record_table.accessibleName() == "Signed records"
    buddies = {label.buddy(): label.text() for label in pane.findChildren(QLabel) if label.buddy()}
    for target in (pane.status_table, pane.fault_table, pane.record_table, pane.detail):
        assert "&" in buddies[target]  # Alt+letter reaches it
    for button in (pane.fill_button, pane.repair_button, pane.report_button):
        assert "&" in button.text()
    for model in (pane.status_model, pane.fault_model, pane.record_model):
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        assert all(headers)

    form = open_form(qtbot, pane, "fire-daily")
    assert unnamed(form) == []
    battery = form.row_of("backup-power")
    assert "备用电源" in battery.normal.accessibleName()
    assert "normal" in battery.normal.accessibleName()
    assert "备用电源" in battery.note.accessibleName()
    assert "&" in form.all_normal.text()
    form_buddies = [label.buddy() for label in form.findChildren(QLabel) if label.buddy()]
    assert form.rows[0].normal in form_buddies  # Alt+I: the first item
    assert {form.note, form.user, form.password} <= set(form_buddies)
    # The keyboard walks the form: from one answered item on to its note, then the next item.
    form.mark_all_normal()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    form.rows[0].normal.setFocus()
    qtbot.keyClick(form.rows[0].normal, Qt.Key.Key_Tab)
    assert form.rows[0].note.hasFocus()
    qtbot.keyClick(form.rows[0].note, Qt.Key.Key_Tab)
    assert form.rows[1].normal.hasFocus()
    qtbot.keyClick(form.rows[1].normal, Qt.Key.Key_Right)  # the arrow moves the answer
    assert form.rows[1].answer() is False
    form.reject()

    report = pane.report_fault()
    assert unnamed(report) == []
    report.reject()
    pane.fault_table.setCurrentIndex(pane.fault_model.index(0, 0))
    repair = pane.repair()
    assert repair is not None
    assert unnamed(repair) == []
    repair.reject()


# -- wording ------------------------------------------------------------------------------------


def test_check_errors_are_worded() -> None:
    codes = [
        "unanswered",
        "unknown_item",
        "note_required",
        "note_too_long",
        "already_done",
        "future_period",
        "bad_period",
        "no_template",
        "title_required",
        "title_too_long",
        "no_fault",
        "already_repaired",
        "no_record",
    ]
    for code in codes:
        raw = f"core's own text for {code}"
        worded = describe(CheckError(code, raw))
        assert worded, code
        assert worded != raw, code
    assert (
        describe(CheckError("unanswered", "answer every item first; not answered: power, printer"))
        == "Answer every item, normal or abnormal: 2 not answered yet."
    )
    assert "控制器打印机" in describe(CheckError("note_required", "控制器打印机: say what"))
    assert describe(CheckError("note_required", "say what was repaired and how")) == (
        "Say what was repaired and how."
    )
    assert "2000" in describe(CheckError("note_too_long", "note: at most 2000 characters"))


# -- in the main window -------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, desk: Desk, admin: Actor, clock: Clock):
    window = open_window(qtbot, desk, "chief", ADMIN_PASSWORD)
    yield window
    window.close()


def test_the_checks_menu_in_the_window_and_its_keys(qtbot, window) -> None:
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    pane = window.docks["checks"].widget()
    assert isinstance(pane, ChecksPane)
    assert window.docks["checks"].windowTitle() == "Check records"
    titles = [a.text() for a in window.menuBar().actions()]
    assert "Chec&ks" in titles
    letters = [QKeySequence.mnemonic(t).toString() for t in titles]
    assert len(letters) == len(set(letters)), titles  # Alt+letter opens one menu each
    assert {a.text(): a.shortcut().toString() for a in pane.menu_actions()} == {
        "&Fill in the selected check…": "Ctrl+Shift+K",
        "&Report a fault…": "",
    }
    keys: dict[str, set[int]] = {}  # as in test_mainwindow: no key on two window-wide actions
    for action in window.findChildren(QAction):
        context = action.shortcutContext()
        if not action.shortcut().isEmpty() and context in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        ):
            keys.setdefault(action.shortcut().toString(), set()).add(id(action))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.context() in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        ):
            keys.setdefault(shortcut.key().toString(), set()).add(id(shortcut))
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}
    assert {"Ctrl+6", "Ctrl+Shift+K"} <= set(keys)

    qtbot.waitUntil(lambda: pane.loaded is not None)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: isinstance(pane.dialog, CheckFormDialog))
    form = pane.dialog
    assert form.template.id == "fire-quarterly"  # the most urgent sheet, selected first
    assert form.status.state is CheckState.OVERDUE
    form.reject()
