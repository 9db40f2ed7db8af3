"""The visitor log pane, driven as an operator would (offscreen, demo site)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox

from console.core.desk import Desk
from console.core.visits import (
    IdType,
    Instruction,
    PassForm,
    PassKind,
    ResidentDecision,
    VisitForm,
    mask_id,
    resident_id_check,
)
from console.ui import panes
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext
from console.ui.visit_dialog import VisitDialog
from console.ui.visits_pane import (
    ALERT,
    PassDialog,
    PassModel,
    SignOutDialog,
    VisitModel,
    VisitsPane,
    _Tab,
)
from devices.intercom.base import Outcome
from tests.gui.test_mainwindow import _unnamed
from tests.gui.test_visit_dialog import type_text

SPEC = {spec.key: spec for spec in panes.registered()}["visits"]


def resident_id(first17: str) -> str:
    return first17 + resident_id_check(first17)


ZHANG_ID = resident_id("11010519900307123")
WANG_ID = resident_id("31011519851120456")


@pytest.fixture
def ctx(desk: Desk, operator) -> Iterator[PaneContext]:
    bridge = BusBridge(desk.bus)
    yield PaneContext(desk, operator, bridge)
    bridge.close()


@pytest.fixture
def pane(qtbot, ctx: PaneContext) -> VisitsPane:
    pane = VisitsPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1200, 600)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.loaded is not None)
    return pane


def visit(desk: Desk, actor, name: str, number: str, room: str, **kw):
    form = VisitForm(
        "east-gate", name, IdType.RESIDENT_ID, number, room, "13812345678", "探亲", **kw
    )
    return desk.visits.request(actor, form)


def admit(desk: Desk, actor, visit_id: int):
    desk.visits.record_manual_call(actor, visit_id, Outcome.ANSWERED)
    return desk.visits.instruct(actor, visit_id, Instruction.ADMIT, resident=ResidentDecision.AGREE)


def column(tab: _Tab, col: int) -> list[str]:
    return [tab.model.index(r, col).data() for r in range(tab.model.rowCount())]


def cells(tab: _Tab) -> list[str]:
    model = tab.model
    return [
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok(qtbot, dialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_the_pane_is_registered_with_its_menu_and_shortcuts(pane: VisitsPane) -> None:
    assert SPEC.menu_title is not None
    assert (SPEC.shortcut, SPEC.title(), SPEC.menu_title()) == ("Ctrl+8", "Visitors", "V&isitors")
    keys = {a.text(): a.shortcut().toString() for a in pane.menu_actions()}
    assert keys == {
        "Visitor at &gate…": "Ctrl+Shift+V",
        "&Call resident again…": "Ctrl+Shift+R",
        "Sign &out visitor…": "Ctrl+Shift+O",
        "&New pass…": "",
        "&Revoke pass…": "",
    }
    headers = [pane.today_tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(10)]
    assert headers[VisitModel.ID] == "ID (masked)"
    assert all(headers)
    pane.action("gate").trigger()
    assert len(pane.visit_dialogs) == 1
    dialog = pane.visit_dialogs[0]
    assert isinstance(dialog, VisitDialog)
    assert dialog.isVisible()
    assert dialog.visit is None
    dialog.close()


def test_today_shows_masked_ids_and_signing_out_leaves_the_on_site_tab(
    qtbot, pane: VisitsPane, desk: Desk, operator, artifacts: Path
) -> None:
    zhang = admit(desk, operator, visit(desk, operator, "张三", ZHANG_ID, "10101").id)
    wang = visit(desk, operator, "王五", WANG_ID, "20502")
    desk.visits.record_manual_call(operator, wang.id, Outcome.NO_ANSWER)
    desk.visits.instruct(operator, wang.id, Instruction.WAIT)
    # the bus event reloads the pane: no refresh by hand
    qtbot.waitUntil(lambda: pane.today_tab.model.rowCount() == 2 and len(pane.loaded.waiting) == 1)
    today = pane.today_tab
    assert column(today, VisitModel.VISITOR) == ["王五", "张三"]  # newest first
    assert column(today, VisitModel.ID) == [mask_id(WANG_ID), mask_id(ZHANG_ID)]
    assert column(today, VisitModel.PHONE) == ["138****5678", "138****5678"]
    assert column(today, VisitModel.STATE) == ["Waiting — No answer", "On site"]
    assert not [c for c in cells(today) if ZHANG_ID in c or WANG_ID in c]
    assert pane.tabs.tabText(1) == "On site (1)"
    assert pane.tabs.tabText(2) == "Waiting (1)"
    assert column(pane.waiting_tab, VisitModel.ROOM) == ["20502"]
    pane.tabs.setCurrentWidget(today)
    assert _unnamed(pane) == []
    pane.grab().save(str(artifacts / "visits-pane.png"))

    pane.bring_forward(pane.on_site_tab)
    assert column(pane.on_site_tab, VisitModel.VISITOR) == ["张三"]
    assert pane.action("sign_out").isEnabled()
    click(qtbot, pane.buttons["sign_out"])
    dialog = pane.dialog
    assert isinstance(dialog, SignOutDialog)
    assert "张三" in dialog.intro.text()
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: desk.visits.get(zhang.id).signed_out_at is not None)
    qtbot.waitUntil(lambda: pane.on_site_tab.model.rowCount() == 0)
    assert not pane.action("sign_out").isEnabled()
    assert pane.tabs.tabText(1) == "On site (0)"
    row = today.model.row_of(zhang.id)
    assert today.model.index(row, VisitModel.SIGNED_OUT).data()  # the sign-out time
    assert today.model.index(row, VisitModel.STATE).data() == "Admitted — left"

    # Call resident again: the waiting visitor's dialog, read-only, ready to call
    pane.tabs.setCurrentWidget(pane.waiting_tab)
    pane.action("again").trigger()
    dialog = pane.visit_dialogs[-1]
    assert dialog.visit.id == wang.id
    assert dialog.name.isReadOnly()
    assert dialog.id_number.edit.displayText() == mask_id(WANG_ID)
    assert dialog.call_button.isVisible()
    assert dialog.call_button.text() == "&Call again"
    dialog.close()


def test_an_overstaying_visitor_is_marked_in_words_and_colour(
    qtbot, pane: VisitsPane, desk: Desk, operator, monkeypatch
) -> None:
    now = desk.visits.clock()
    leave = now + timedelta(minutes=30)
    admit(
        desk, operator, visit(desk, operator, "张三", ZHANG_ID, "10101", expected_leave_at=leave).id
    )
    qtbot.waitUntil(lambda: pane.on_site_tab.model.rowCount() == 1)
    state = pane.on_site_tab.model.index(0, VisitModel.STATE)
    assert state.data() == "On site"
    monkeypatch.setattr(desk.visits, "clock", lambda: now + timedelta(hours=1))
    pane.timer.timeout.emit()  # the 30 s reload
    qtbot.waitUntil(lambda: pane.on_site_tab.model.index(0, VisitModel.STATE).data() != "On site")
    state = pane.on_site_tab.model.index(0, VisitModel.STATE)
    assert state.data().startswith("⚠ Overstaying — due ")
    assert state.data(Qt.ItemDataRole.ForegroundRole) == ALERT
    assert "⚠" in pane.tabs.tabText(1)
    assert "past their expected leave time" in pane.on_site_tab.summary.text()
    assert pane.timer.interval() == 30_000


def test_search_by_room_and_by_a_whole_id_number(
    qtbot, pane: VisitsPane, desk: Desk, operator
) -> None:
    visit(desk, operator, "张三", ZHANG_ID, "10101")
    visit(desk, operator, "王五", WANG_ID, "20502")
    search = pane.search_tab
    pane.tabs.setCurrentWidget(search)
    assert _unnamed(pane) == []

    def find(text: str) -> list[str]:
        search.text.setText(text)
        qtbot.keyClick(search.text, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not search.searching)
        return column(search, VisitModel.VISITOR)

    assert find("20502") == ["王五"]
    assert find(WANG_ID) == ["王五"]  # a whole number: matched by its keyed hash
    assert find(ZHANG_ID.lower()) == ["张三"]
    assert find(ZHANG_ID[6:14]) == []  # a part of a number finds nothing
    assert find("") == ["王五", "张三"]
    assert search.summary.text() == "2 visit(s) found"
    assert not [c for c in cells(search) if ZHANG_ID in c]
    # the date range bounds the search: the day before today finds nothing
    search.end.setDate(search.end.date().addDays(-1))
    qtbot.waitUntil(lambda: search.model.rowCount() == 0, timeout=3000)


def test_passes_are_listed_while_valid(
    qtbot, pane: VisitsPane, desk: Desk, operator, monkeypatch
) -> None:
    now = desk.visits.clock()
    start, end = now - timedelta(hours=1), now + timedelta(hours=2)
    form = PassForm(PassKind.DELIVERY, "快递小哥", IdType.RESIDENT_ID, WANG_ID, "1号楼", start, end)
    desk.visits.issue_pass(operator, form)
    passes = pane.passes_tab
    pane.bring_forward(passes)
    qtbot.waitUntil(lambda: passes.model.rowCount() == 1)
    assert _unnamed(pane) == []
    assert column(passes, PassModel.HOLDER) == ["快递小哥"]
    assert column(passes, PassModel.ID) == [mask_id(WANG_ID)]
    assert column(passes, PassModel.STATUS) == ["Valid"]

    # New pass…: an operator may not issue one longer than a day (core says so, worded)
    click(qtbot, pane.buttons["new_pass"])
    dialog = pane.dialog
    assert isinstance(dialog, PassDialog)
    assert _unnamed(dialog) == []
    dialog.kind.setCurrentIndex(dialog.kind.findData(PassKind.CONTRACTOR.value))
    type_text(qtbot, dialog.holder, "李师傅")
    type_text(qtbot, dialog.company, "安装公司")
    type_text(qtbot, dialog.id_number.edit, ZHANG_ID)
    ok(qtbot, dialog)  # no area: said under the area field
    qtbot.waitUntil(lambda: dialog.fields.error_of("area").isVisible())
    assert dialog.fields.error_of("area").text() == "⚠ Say which area the pass is for."
    assert not dialog.error.isVisible()
    type_text(qtbot, dialog.area, "3号楼 5层")
    dialog.valid_to.set_value(dialog.valid_from.value() + timedelta(days=3))
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "Your role does not allow this." in dialog.error.text()
    assert "24 hours" in dialog.error.text()
    dialog.valid_to.set_value(dialog.valid_from.value() + timedelta(hours=8))
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: passes.model.rowCount() == 2)
    assert sorted(column(passes, PassModel.HOLDER)) == ["快递小哥", "李师傅"]
    assert not [c for c in cells(passes) if ZHANG_ID in c]

    # two hours on, the delivery pass has expired: gone from the list, unless all are shown
    monkeypatch.setattr(desk.visits, "clock", lambda: now + timedelta(hours=3))
    pane.refresh()
    qtbot.waitUntil(lambda: column(passes, PassModel.HOLDER) == ["李师傅"])
    passes.show_all.setChecked(True)
    qtbot.waitUntil(lambda: passes.model.rowCount() == 2)
    row = passes.model.row_of(next(p.id for p in passes.model.rows if p.holder_name == "快递小哥"))
    assert passes.model.index(row, PassModel.STATUS).data() == "Expired"
