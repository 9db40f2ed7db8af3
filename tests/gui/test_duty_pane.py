"""The duty-log pane driven as an operator would, on the demo site (offscreen), at a fixed
time: the desk's duty log and shifts run on a test clock."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.core.auth import Actor
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.shifts import DutyError
from console.ui.bridge import BusBridge
from console.ui.duty_pane import DutyPane
from console.ui.duty_widgets import (
    AMBER,
    ENTRY_ROLE,
    GREY,
    RED,
    DutyLogModel,
    EntryDialog,
    ImageViewer,
    JoinShiftDialog,
    SnapshotDialog,
)
from console.ui.panes import PaneContext
from console.ui.wording import describe
from tests.clock import Clock
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD
from tests.gui.conftest import open_window

TZ = ZoneInfo("Asia/Shanghai")  # the demo site's
DAY = date(2026, 3, 2)
M = DutyLogModel


def local(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ).astimezone(UTC)


@pytest.fixture
def clock(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> Clock:
    """10:30 on DAY, in the early shift (08:00-16:00), for the duty log and the shifts."""
    fixed = Clock(local(10, 30))
    monkeypatch.setattr(desk.duty, "clock", fixed)
    monkeypatch.setattr(desk.shifts, "clock", fixed)
    return fixed


@pytest.fixture
def ctx(desk: Desk, operator: Actor, clock: Clock) -> Iterator[PaneContext]:
    bridge = BusBridge(desk.bus)
    yield PaneContext(desk, operator, bridge)
    bridge.close()


def make_pane(qtbot, ctx: PaneContext) -> DutyPane:
    pane = DutyPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1000, 640)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.loaded is not None)
    return pane


@pytest.fixture
def pane(qtbot, ctx: PaneContext) -> DutyPane:
    return make_pane(qtbot, ctx)


def cell(pane: DutyPane, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    return pane.model.index(row, column).data(role)


def entry_ids(pane: DutyPane) -> list[int]:
    rows = range(pane.model.rowCount())
    return [cell(pane, r, 0, ENTRY_ROLE) for r in rows if cell(pane, r, 0, ENTRY_ROLE)]


def row_of_text(pane: DutyPane, needle: str) -> int:
    for r in range(pane.model.rowCount()):
        if needle in (cell(pane, r, M.TEXT) or ""):
            return r
    return -1


def press_ok(qtbot, dialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def open_dialogs(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def write_png(path: Path, colour: str = "#2e7d32") -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))
    return path


# -- the table ----------------------------------------------------------------------------------


def test_entries_written_in_core_appear_with_their_columns(qtbot, pane, desk, operator) -> None:
    assert [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1, 2, 3, 4, 6)] == [
        "No.",
        "Time",
        "Category",
        "Author",
        "Entry",
        "Notes",
    ]
    assert pane.table.accessibleName() == "Duty log entries"
    entry = desk.duty.add(operator, Category.PATROL, "巡视地下车库B1\n照明良好", at=local(9, 5))
    qtbot.waitUntil(lambda: entry.id in entry_ids(pane))
    row = pane.model.row_of_entry(entry.id)
    assert cell(pane, row, M.NO) == f"#{entry.id}"
    assert cell(pane, row, M.TIME) == "09:05"  # the site's time; no date on the shown day
    assert cell(pane, row, M.CATEGORY) == "Patrol"
    assert cell(pane, row, M.AUTHOR) == "李值班"
    assert cell(pane, row, M.TEXT) == "巡视地下车库B1 …"
    assert cell(pane, row, M.TEXT, Qt.ItemDataRole.ToolTipRole) == "巡视地下车库B1\n照明良好"
    assert cell(pane, row, M.NOTES) == ""
    pane.table.selectRow(row)
    assert pane.detail.toPlainText().endswith("巡视地下车库B1\n照明良好")
    with desk.db.write() as s:  # a line another service writes in its own transaction
        desk.duty.add_system(
            s,
            category=Category.ALARM,
            text="报警已关闭 Alarm closed: 3号楼",
            source="alarm",
            ref="alarm:7",
            author="li",
            author_name="李值班",
        )
    desk.bus.publish("duty.log")
    qtbot.waitUntil(lambda: row_of_text(pane, "报警已关闭") >= 0)
    auto = row_of_text(pane, "报警已关闭")
    assert "⚙ auto" in cell(pane, auto, M.NOTES)
    assert cell(pane, auto, M.CATEGORY) == "Alarm"
    assert "alarm:7" in cell(pane, auto, M.NOTES, Qt.ItemDataRole.ToolTipRole)


def test_writing_an_entry_through_the_dialog(qtbot, pane, desk) -> None:
    pane.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane)
    qtbot.keyClick(pane, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    qtbot.waitUntil(lambda: len(open_dialogs(EntryDialog)) == 1)
    dialog = open_dialogs(EntryDialog)[0]
    assert dialog.author.text() == "李值班 (li)"
    dialog.category.setCurrentIndex(dialog.category.findText("Lift"))
    assert not dialog.status_box.isVisible()  # only equipment entries can be the status one
    dialog.text.insertPlainText("2号电梯困人，已通知维保")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):  # then it closes (and is deleted)
        press_ok(qtbot, dialog)
    stored = desk.duty.entries()
    assert [(e.category, e.author, e.author_name, e.text) for e in stored] == [
        (Category.LIFT, "li", "李值班", "2号电梯困人，已通知维保")
    ]
    assert stored[0].at == local(10, 30)  # untouched time: when it was written
    assert not stored[0].equipment_status
    qtbot.waitUntil(lambda: stored[0].id in entry_ids(pane))
    qtbot.waitUntil(lambda: pane.selected_entry() is not None)
    assert pane.selected_entry().id == stored[0].id  # the new entry is selected


def test_an_empty_entry_is_refused_in_the_dialog(qtbot, pane, desk) -> None:
    dialog = pane.new_entry()
    press_ok(qtbot, dialog)
    error = dialog.findChild(QLabel, "error")
    qtbot.waitUntil(error.isVisible)
    assert "Write what happened first." in error.text()
    assert dialog.isVisible()
    assert desk.duty.entries() == []


def test_a_correction_shows_both_entries_with_their_markers(qtbot, pane, desk, operator) -> None:
    original = desk.duty.add(operator, Category.VISITOR, "访客 张先生 3号楼", at=local(9))
    qtbot.waitUntil(lambda: original.id in entry_ids(pane))
    assert not pane.correct_action.isEnabled()  # nothing selected yet
    pane.table.selectRow(pane.model.row_of_entry(original.id))
    assert pane.correct_action.isEnabled()
    pane.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane)
    qtbot.keyClick(
        pane.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: len(open_dialogs(EntryDialog)) == 1)
    dialog = open_dialogs(EntryDialog)[0]
    assert dialog.category.currentData() == Category.VISITOR.value
    intro = dialog.findChild(QLabel, "entry-intro")
    assert f"corrects entry #{original.id}" in intro.text()
    dialog.text.insertPlainText("更正：访客为 李先生")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: len(entry_ids(pane)) == 2)
    fix = desk.duty.entries()[-1]
    assert desk.duty.get(fix.id).corrects_id == original.id
    old, new = pane.model.row_of_entry(original.id), pane.model.row_of_entry(fix.id)
    assert cell(pane, old, M.NOTES) == f"corrected by #{fix.id}"
    assert cell(pane, old, M.TEXT, Qt.ItemDataRole.FontRole).italic()
    assert cell(pane, old, M.TEXT, Qt.ItemDataRole.ForegroundRole) == GREY
    assert cell(pane, new, M.NOTES) == f"corrects #{original.id}"
    assert cell(pane, new, M.TEXT, Qt.ItemDataRole.FontRole) is None  # the valid one: plain


def test_filters_narrow_the_rows(qtbot, pane, desk, operator, admin) -> None:
    patrol = desk.duty.add(operator, Category.PATROL, "巡视地下车库B1", at=local(9))
    visit = desk.duty.add(operator, Category.VISITOR, "访客 王女士", at=local(9, 30))
    lift = desk.duty.add(admin, Category.LIFT, "电梯年检", at=local(10))
    earlier = desk.duty.add(
        operator, Category.OTHER, "两天前的记录", at=local(9, day=date(2026, 2, 28))
    )
    qtbot.waitUntil(lambda: entry_ids(pane) == [patrol.id, visit.id, lift.id])  # today only

    pane.category.setCurrentIndex(pane.category.findData(Category.VISITOR.value))
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1 and entry_ids(pane) == [visit.id])
    pane.category.setCurrentIndex(0)
    pane.author.setCurrentIndex(pane.author.findData("chief"))
    assert pane.author.currentText() == "王班长 (chief)"
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1 and entry_ids(pane) == [lift.id])
    pane.author.setCurrentIndex(0)
    qtbot.keyClicks(pane.search, "B1")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1 and entry_ids(pane) == [patrol.id])
    pane.search.clear()
    pane.day.setDate(QDate(2026, 2, 28))
    qtbot.waitUntil(lambda: entry_ids(pane) == [earlier.id])
    assert cell(pane, 0, M.TIME) == "09:00"
    pane.all_days.setChecked(True)
    assert not pane.day.isEnabled()
    qtbot.waitUntil(lambda: entry_ids(pane) == [earlier.id, patrol.id, visit.id, lift.id])
    assert cell(pane, pane.model.row_of_entry(patrol.id), M.TIME) == "2026-03-02 09:00"
    old_shift = desk.shifts.pattern.slot_at(earlier.at).label
    index = next(i for i in range(pane.shift.count()) if old_shift in pane.shift.itemText(i))
    assert "open" in pane.shift.itemText(index)
    pane.shift.setCurrentIndex(index)
    qtbot.waitUntil(lambda: entry_ids(pane) == [earlier.id])


def test_every_control_has_an_accessible_name_and_a_label(qtbot, pane) -> None:
    dialog = pane.new_entry()
    controls = (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QAbstractSpinBox,
        QAbstractItemView,
        QPlainTextEdit,
    )
    composite = (QComboBox, QAbstractSpinBox, QAbstractScrollArea, QLineEdit)
    for widget in (pane, dialog):
        for control in widget.findChildren(QWidget):
            inner = isinstance(control.parent(), composite)  # a combo's list, a header
            if isinstance(control, controls) and not inner and control.isVisible():
                assert control.accessibleName(), control
    buddies = {label.buddy() for label in pane.findChildren(QLabel) if label.buddy()}
    assert {pane.day, pane.shift, pane.category, pane.author, pane.search, pane.table} <= buddies
    headers = [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert all(headers)
    dialog.reject()


# -- the shift bar ------------------------------------------------------------------------------


def test_understaffed_until_a_second_operator_joins(qtbot, desk, ctx, admin) -> None:
    desk.login("li", OPERATOR_PASSWORD)
    pane = make_pane(qtbot, ctx)
    assert pane.staff_warning.isVisible()
    assert pane.staff_warning.text() == ("⚠ Only 1 on duty; at least 2 required (GB 25506)")
    assert "李值班" in pane.on_duty_label.text()
    assert "2026-03-02 早班" in pane.shift_label.text()

    dialog = pane.join_shift()
    assert isinstance(dialog, JoinShiftDialog)
    dialog.findChild(QLineEdit, "login-user").setText("chief")
    dialog.findChild(QLineEdit, "login-password").setText("not-the-password")
    press_ok(qtbot, dialog)
    error = dialog.findChild(QLabel, "error")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "Wrong user name or password" in error.text()
    assert pane.staff_warning.isVisible()

    dialog.findChild(QLineEdit, "login-password").setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not pane.staff_warning.isVisible())
    assert "王班长" in pane.on_duty_label.text()
    assert [a.name for a in desk.on_duty] == ["li", "chief"]


def test_equipment_status_due_then_missed_then_recorded(qtbot, desk, ctx, clock) -> None:
    clock.now = local(9, 30)  # the shift's first slot, 08:00-10:00, is due
    pane = make_pane(qtbot, ctx)
    assert pane.status_timer.isActive()
    assert pane.status_timer.interval() == 30_000
    assert pane.equipment_banner.isVisible()
    assert "Equipment status entry due (since 08:00)" in pane.equipment_text.text()
    due = row_of_text(pane, "Equipment status entry due 08:00–10:00")
    assert due >= 0
    assert "due" in cell(pane, due, M.NOTES)
    assert cell(pane, due, M.TEXT, Qt.ItemDataRole.BackgroundRole) == AMBER

    clock.now = local(10, 30)  # no entry written: the first slot passes, the second is due
    pane.status_timer.timeout.emit()
    qtbot.waitUntil(lambda: "since 10:00" in pane.equipment_text.text())
    missed = row_of_text(pane, "Equipment status not recorded 08:00–10:00")
    assert missed >= 0
    assert cell(pane, missed, M.NOTES) == "✖ missed"
    assert cell(pane, missed, M.NO) == "✖"
    assert cell(pane, missed, M.TEXT, Qt.ItemDataRole.ForegroundRole) == RED
    assert "✖ 1 equipment-status entries missed" in pane.summary.text()

    qtbot.mouseClick(pane.record_button, Qt.MouseButton.LeftButton)
    dialog = open_dialogs(EntryDialog)[0]
    assert dialog.category.currentData() == Category.EQUIPMENT.value
    assert not dialog.category.isEnabled()
    assert dialog.status_box.isChecked()
    assert desk.duty.equipment_summary() in dialog.text.toPlainText()
    dialog.text.insertPlainText("消防主机正常")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not pane.equipment_banner.isVisible(), timeout=5000)
    (entry,) = desk.duty.entries()
    assert entry.equipment_status
    assert entry.category is Category.EQUIPMENT
    assert entry.text.endswith("\n消防主机正常")  # typed after the devices' summary
    assert "✔ status entry" in cell(pane, pane.model.row_of_entry(entry.id), M.NOTES)
    assert row_of_text(pane, "not recorded 08:00–10:00") >= 0  # a missed slot stays missed
    assert row_of_text(pane, "due 10:00–12:00") < 0


def test_an_entry_dated_in_a_handed_over_shift_is_refused_in_the_dialog(
    qtbot, pane, desk, clock
) -> None:
    clock.now = local(17)  # the middle shift; the early one is being handed over
    with desk.db.write() as s:
        early = desk.shifts.ensure(s, desk.shifts.pattern.slot_at(local(10)))
        early.state = "handing_over"
    dialog = pane.new_entry()
    dialog.when.setDateTime(QDateTime(QDate(2026, 3, 2), QTime(10, 0)))
    dialog.text.insertPlainText("补记：10点巡视东门")
    press_ok(qtbot, dialog)
    error = dialog.findChild(QLabel, "error")
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert describe(DutyError("shift_closed", "")) in error.text()
    assert "handed over" in error.text()
    assert dialog.isVisible()  # still open, nothing lost
    assert dialog.text.toPlainText() == "补记：10点巡视东门"
    assert desk.duty.entries() == []
    dialog.when.setDateTime(QDateTime(QDate(2026, 3, 2), QTime(16, 50)))  # the open shift
    with qtbot.waitSignal(dialog.accepted, timeout=5000):  # then it closes (and is deleted)
        press_ok(qtbot, dialog)
    assert [e.at for e in desk.duty.entries()] == [local(16, 50)]


# -- pictures -----------------------------------------------------------------------------------


def test_a_photo_is_attached_and_shown_in_the_viewer(
    qtbot, pane, desk, tmp_path, monkeypatch
) -> None:
    photo = write_png(tmp_path / "east-gate.png")
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *args, **kwargs: ([str(photo), str(tmp_path / "notes.txt")], ""),
    )
    dialog = pane.new_entry()
    qtbot.mouseClick(dialog.photo_button, Qt.MouseButton.LeftButton)
    assert dialog.attachments == [photo]  # the text file is refused by name
    assert "notes.txt is not a picture" in dialog.findChild(QLabel, "error").text()
    dialog.text.insertPlainText("东门外停放可疑车辆，已拍照")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):  # then it closes (and is deleted)
        press_ok(qtbot, dialog)
    (entry,) = desk.duty.entries()
    assert [a.name for a in entry.attachments] == ["east-gate.png"]
    assert desk.duty.attachment_path(entry.attachments[0]).read_bytes() == photo.read_bytes()
    qtbot.waitUntil(lambda: entry.id in entry_ids(pane))
    row = pane.model.row_of_entry(entry.id)
    assert cell(pane, row, M.FILES).endswith("1")
    assert cell(pane, row, M.FILES, Qt.ItemDataRole.AccessibleTextRole) == "1 pictures"

    pane.table.setFocus()
    pane.table.selectRow(row)
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)  # Enter opens the pictures
    qtbot.waitUntil(lambda: len(open_dialogs(ImageViewer)) == 1)
    viewer = open_dialogs(ImageViewer)[0]
    qtbot.waitUntil(lambda: not viewer.pixmap.isNull())
    assert (viewer.pixmap.width(), viewer.pixmap.height()) == (64, 48)
    assert not viewer.picture.pixmap().isNull()
    assert viewer.caption.text() == "1 / 1 · east-gate.png"


def test_a_wall_snapshot_is_chosen_from_the_newest(qtbot, pane, desk) -> None:
    shot = write_png(desk.site.snapshots_dir() / "east-gate" / "2026-03-02" / "102500.png")
    dialog = pane.new_entry()
    chooser = dialog.choose_snapshots()
    assert isinstance(chooser, SnapshotDialog)
    qtbot.waitUntil(lambda: chooser.loaded)
    assert chooser.list.count() == 1
    assert not chooser.list.item(0).icon().isNull()  # a thumbnail
    chooser.list.setCurrentRow(0)
    press_ok(qtbot, chooser)
    assert dialog.attachments == [shot]
    dialog.remove_selected_attachment()
    assert dialog.attachments == []
    assert dialog.attachment_list.count() == 0


# -- in the main window -------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, desk: Desk, admin: Actor, clock: Clock):
    window = open_window(qtbot, desk, "chief", ADMIN_PASSWORD)
    yield window
    window.close()


def test_the_duty_menu_in_the_window_and_its_keys(qtbot, window) -> None:
    from PySide6.QtGui import QAction, QShortcut

    pane = window.docks["log"].widget()
    assert isinstance(pane, DutyPane)
    assert window.docks["log"].windowTitle() == "Duty log"
    assert "&Duty" in [a.text() for a in window.menuBar().actions()]
    assert {a.text(): a.shortcut().toString() for a in pane.menu_actions()} == {
        "&New log entry…": "Ctrl+N",
        "&Correct the selected entry…": "Ctrl+Shift+N",
        "Record &equipment status…": "Ctrl+E",
        "&Join the shift…": "",
        "Shift &handover…": "Ctrl+H",
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
    assert {"Ctrl+4", "Ctrl+N", "Ctrl+Shift+N", "Ctrl+E", "Ctrl+H"} <= set(keys)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(open_dialogs(EntryDialog)) == 1)
    open_dialogs(EntryDialog)[0].reject()


def test_handover_opens_the_handover_screen_module(qtbot, pane, monkeypatch) -> None:
    """Ctrl+H hands over through console.ui.handover_dialog, imported when first asked for
    (a stand-in here: that screen has tests of its own)."""
    calls: list[tuple[object, object]] = []
    stand_in = types.ModuleType("console.ui.handover_dialog")
    stand_in.open_handover = lambda parent, ctx: calls.append((parent, ctx))
    monkeypatch.setitem(sys.modules, "console.ui.handover_dialog", stand_in)
    pane.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane)
    qtbot.keyClick(pane, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert calls == [(pane, pane.ctx)]
    monkeypatch.setitem(sys.modules, "console.ui.handover_dialog", None)  # not installed
    pane.handover_action.trigger()
    assert pane.message.isVisible()
    assert "handover screen is not part of this version" in pane.message.text()
