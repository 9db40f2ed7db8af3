"""The video analytics pane on the demo site (offscreen): an admin draws areas on the live
picture with the mouse and with the keyboard, saves an intrusion area with a schedule and a
privacy mask (which blacks out the live picture), edits and deletes areas; a supervisor sees
them read-only; core's refusals are worded; the tamper state follows "camera.tamper"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from console.core.analytics import AnalyticsError, AreaDraft
from console.core.auth import Actor, Permission, PermissionDenied, Role
from console.core.cameras import View
from console.core.desk import Desk
from console.ui.analytics_pane import (
    ENABLED_COLUMN,
    KIND_COLUMN,
    NAME_COLUMN,
    SCHEDULE_COLUMN,
    ZONE_COLUMN,
    AnalyticsPane,
    Editing,
    error_text,
    schedule_words,
)
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext, registered
from devices.cameras.analytics import Schedule

CAMERA = "perimeter-north"
ZONE = "perimeter-north-strip"
ZONE_NAME = "周界北侧警戒带（夜间）"
SUPERVISOR_PASSWORD = "supervisor-pass-1"
Outline = list[tuple[float, float]]


@pytest.fixture
def bridge(desk: Desk) -> Iterator[BusBridge]:
    made = BusBridge(desk.bus)
    yield made
    made.close()


@pytest.fixture
def supervisor(desk: Desk, admin: Actor) -> Actor:
    return desk.auth.add_user(admin, "zhao", "赵主管", Role.SUPERVISOR, SUPERVISOR_PASSWORD)


def make_pane(qtbot, desk: Desk, actor: Actor, bridge: BusBridge) -> AnalyticsPane:
    pane = AnalyticsPane(PaneContext(desk, actor, bridge))
    qtbot.addWidget(pane)
    pane.resize(1080, 640)
    pane.show()
    qtbot.waitExposed(pane)
    assert pane.show_camera(CAMERA)
    qtbot.waitUntil(lambda: pane.loaded_camera == CAMERA)
    qtbot.waitUntil(lambda: pane.picture.frame is not None, timeout=5000)
    return pane


# Read through functions: mypy would keep an attribute narrowed across the clicks that change it.
def drawing(pane: AnalyticsPane) -> bool:
    return pane.picture.drawing


def editing(pane: AnalyticsPane) -> Editing | None:
    return pane.editing


def highlighted(pane: AnalyticsPane) -> int | None:
    return pane.picture.selected


def live_view(pane: AnalyticsPane) -> View | None:
    return pane.view


def at(pane: AnalyticsPane, x: float, y: float) -> QPoint:
    return pane.picture.point_at((x, y)).toPoint()


def click(qtbot, pane: AnalyticsPane, x: float, y: float) -> None:
    qtbot.mouseClick(pane.picture, Qt.MouseButton.LeftButton, pos=at(pane, x, y))


def draw_with_mouse(qtbot, pane: AnalyticsPane, outline: Outline) -> None:
    """Click every corner but the last, double-click the last: the outline closes."""
    for x, y in outline[:-1]:
        click(qtbot, pane, x, y)
    qtbot.mouseDClick(pane.picture, Qt.MouseButton.LeftButton, pos=at(pane, *outline[-1]))


def tick(qtbot, box: QAbstractButton) -> None:
    """Click a check box on its box (its middle may be empty space)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def pixel(pane: AnalyticsPane) -> float:
    """A picture pixel as a fraction of the picture's width (the drawing's tolerance)."""
    return 1.0 / pane.picture.picture_rect().width() + 1e-6


def assert_outline(got, want: Outline, tolerance: float) -> None:
    assert len(got) == len(want)
    for (gx, gy), (wx, wy) in zip(got, want, strict=True):
        assert gx == pytest.approx(wx, abs=tolerance)
        assert gy == pytest.approx(wy, abs=tolerance)


def row_texts(pane: AnalyticsPane) -> list[list[str]]:
    table = pane.table
    return [
        [table.item(row, col).text() for col in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def dark_share(pane: AnalyticsPane, box: tuple[float, float, float, float]) -> float:
    """The share of near-black pixels on screen inside `box` (fractions of the picture)."""
    image: QImage = pane.picture.grab().toImage()
    ratio = image.devicePixelRatio()
    left, top, right, bottom = box
    dark = total = 0
    for i in range(12):
        for j in range(12):
            x = left + (right - left) * (i + 0.5) / 12
            y = top + (bottom - top) * (j + 0.5) / 12
            spot = pane.picture.point_at((x, y))
            colour = image.pixelColor(round(spot.x() * ratio), round(spot.y() * ratio))
            total += 1
            dark += max(colour.red(), colour.green(), colour.blue()) < 50
    return dark / total


def save_with_core(desk: Desk, admin: Actor, kind: str = "intrusion", **values) -> int:
    outline = values.pop("polygon", [[0.2, 0.2], [0.5, 0.2], [0.5, 0.5]])
    draft = AreaDraft(CAMERA, kind, outline, **values)
    return desk.analytics.save_area(admin, draft).id


# ---------------------------------------------------------------------------------------------


def test_registered_as_f12_beside_the_plan() -> None:
    spec = next(s for s in registered() if s.key == "analytics")
    assert spec.shortcut == "F12"
    assert spec.tab_with == "plan"
    assert spec.permission is Permission.RESET_VIEW
    assert spec.title() == "Video analytics"
    assert spec.menu_title is not None
    assert "&" in spec.menu_title()


def test_admin_draws_an_intrusion_area_with_the_mouse_and_a_schedule(
    qtbot, desk: Desk, admin: Actor, bridge: BusBridge
) -> None:
    pane = make_pane(qtbot, desk, admin, bridge)
    assert pane.new_button.isVisible()
    assert pane.new_button.isEnabled()
    pane.new_actions["intrusion"].trigger()
    assert drawing(pane)
    assert "double-click or Enter closes" in pane.message.text()
    outline = [(0.1, 0.2), (0.6, 0.25), (0.65, 0.7), (0.12, 0.75)]
    draw_with_mouse(qtbot, pane, outline)
    assert not drawing(pane)
    assert pane.form.isVisible()
    assert_outline(pane.editing.polygon, outline, pixel(pane))

    form = pane.form
    assert [form.zone.itemData(i) for i in range(form.zone.count())] == [ZONE]
    assert not form.loiter.isVisibleTo(form)  # loitering only
    form.name.setText("北侧夜间翻越")  # QTest types Latin-1 only
    tick(qtbot, form.schedule.always)
    assert form.schedule.days[0].isEnabled()
    for day in form.schedule.days[:5]:
        tick(qtbot, day)
    form.schedule.start.setTime(form.schedule.start.time().fromString("22:30", "HH:mm"))
    form.schedule.end.setTime(form.schedule.end.time().fromString("06:00", "HH:mm"))
    form.min_seconds.setValue(2.5)
    with qtbot.waitSignal(pane.saved, timeout=3000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    [area] = desk.analytics.areas(CAMERA)
    assert (area.kind, area.name, area.zone_id) == ("intrusion", "北侧夜间翻越", ZONE)
    assert area.schedule == Schedule(frozenset(range(5)), time(22, 30), time(6, 0))
    assert area.min_seconds == 2.5
    assert_outline(area.polygon, outline, pixel(pane))
    assert editing(pane) is None
    assert form.isHidden()
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1)
    assert row_texts(pane) == [
        ["Intrusion", "北侧夜间翻越", ZONE_NAME, "Mon–Fri 22:30–06:00", "✔ On"]
    ]
    assert pane.selected_id == area.id  # the saved area is highlighted
    assert highlighted(pane) == area.id

    pane.select_area(None)
    assert highlighted(pane) is None
    pane.table.selectRow(0)  # selecting the row highlights its outline
    assert highlighted(pane) == area.id
    pane.select_area(None)
    click(qtbot, pane, 0.4, 0.5)  # and clicking inside the outline selects the row
    assert pane.selected_id == area.id
    assert pane.table.selectionModel().selectedRows()[0].row() == 0


def test_a_save_whose_change_feed_reload_came_first_is_highlighted_at_once(
    qtbot, desk: Desk, admin: Actor, bridge: BusBridge
) -> None:
    """The bus's "analytics.changed" reload can land before the save's own result: the saved
    area is then already listed, and is highlighted without waiting for another reload."""
    pane = make_pane(qtbot, desk, admin, bridge)
    area_id = save_with_core(desk, admin, name="东门", zone_id=ZONE)
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1)  # the feed's reload
    assert highlighted(pane) is None
    [view] = desk.analytics.areas(CAMERA)
    with qtbot.waitSignal(pane.areas_loaded, timeout=3000):  # the save's own reload
        pane._saved(view)  # the save's result arrives now
        assert highlighted(pane) == area_id  # before that reload is back
        assert pane.table.selectionModel().selectedRows()[0].row() == 0
    assert highlighted(pane) == area_id


def test_the_keyboard_draws_an_area_too(qtbot, desk: Desk, admin: Actor, bridge: BusBridge) -> None:
    pane = make_pane(qtbot, desk, admin, bridge)
    picture = pane.picture
    shift = Qt.KeyboardModifier.ShiftModifier

    # Esc cancels a new area; Enter refuses an outline of two points.
    pane.new_actions["thrown"].trigger()
    assert picture.hasFocus()
    qtbot.keyClick(picture, Qt.Key.Key_Space)
    qtbot.keyClick(picture, Qt.Key.Key_Right, shift)
    qtbot.keyClick(picture, Qt.Key.Key_Space)
    qtbot.keyClick(picture, Qt.Key.Key_Return)
    assert drawing(pane)
    assert "at least 3 points" in pane.message.text()
    qtbot.keyClick(picture, Qt.Key.Key_Escape)
    assert editing(pane) is None
    assert not drawing(pane)
    assert not picture.draft
    assert pane.form.isHidden()

    pane.new_actions["thrown"].trigger()
    assert picture.cross == (0.5, 0.5)
    for key, modifier, times in [
        (Qt.Key.Key_Up, shift, 3),  # 0.5, 0.2
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_Right, shift, 3),
        (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier, 5),  # 0.85, 0.2
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_Down, shift, 2),  # 0.85, 0.4: put down, then taken back
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_Down, shift, 3),  # 0.85, 0.7
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_Left, shift, 5),  # 0.35, 0.7
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, 1),
    ]:
        for _ in range(times):
            qtbot.keyClick(picture, key, modifier)
    assert "Points: 4" in picture.accessibleDescription()
    qtbot.keyClick(picture, Qt.Key.Key_Enter)
    assert pane.form.isVisible()
    assert pane.form.name.hasFocus()  # the form takes over
    qtbot.keyClicks(pane.form.name, "North wall test")
    with qtbot.waitSignal(pane.saved, timeout=3000):
        qtbot.keyClick(pane.form.name, Qt.Key.Key_Return)

    [area] = desk.analytics.areas(CAMERA)
    assert (area.kind, area.zone_id, area.schedule) == ("thrown", ZONE, None)
    assert_outline(area.polygon, [(0.5, 0.2), (0.85, 0.2), (0.85, 0.7), (0.35, 0.7)], 1e-6)
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1)
    assert row_texts(pane)[0][SCHEDULE_COLUMN] == "Always"


def test_a_privacy_mask_blacks_out_the_live_picture(
    qtbot, desk: Desk, admin: Actor, bridge: BusBridge
) -> None:
    pane = make_pane(qtbot, desk, admin, bridge)
    box = (0.55, 0.2, 0.9, 0.6)
    inner = (0.6, 0.25, 0.85, 0.55)
    assert dark_share(pane, inner) < 0.3  # the camera's picture shows there

    pane.new_actions["privacy"].trigger()
    outline = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]
    draw_with_mouse(qtbot, pane, outline)
    form = pane.form
    assert not form.zone.isVisibleTo(form)  # a mask raises no alarm: no zone, no schedule
    assert not form.schedule.isVisibleTo(form)
    with qtbot.waitSignal(pane.saved, timeout=3000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    [area] = desk.analytics.areas(CAMERA)
    assert area.kind == "privacy"
    assert area.zone_id is None
    [mask] = desk.cameras.masker(CAMERA).polygons
    assert_outline(mask, outline, pixel(pane))
    # Frames decoded after the save come masked: the live picture is black there.
    qtbot.waitUntil(lambda: dark_share(pane, inner) > 0.7, timeout=5000)
    assert dark_share(pane, (0.1, 0.3, 0.4, 0.5)) < 0.3  # and only there
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1)
    assert row_texts(pane)[0][KIND_COLUMN] == "Privacy mask"
    assert row_texts(pane)[0][ZONE_COLUMN] == "—"


def test_a_supervisor_sees_the_areas_read_only_and_core_refuses(
    qtbot, desk: Desk, admin: Actor, supervisor: Actor, bridge: BusBridge
) -> None:
    area_id = save_with_core(desk, admin, zone_id=ZONE, name="北侧")
    pane = make_pane(qtbot, desk, supervisor, bridge)
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1)
    for button in (pane.new_button, pane.edit_button, pane.delete_button):
        assert not button.isVisibleTo(pane)
        assert not button.isEnabled()
    assert not pane.new_menu.menuAction().isEnabled()
    assert not pane.delete_action.isEnabled()
    assert pane.read_only.isVisibleTo(pane)
    assert pane.reset_button.isVisibleTo(pane)  # a supervisor may retake the reference

    pane.table.selectRow(0)
    assert pane.picture.selected == area_id
    pane.new_area("intrusion")
    pane.edit_selected()
    pane.picture.setFocus()
    qtbot.keyClick(pane.picture, Qt.Key.Key_Space)
    assert editing(pane) is None
    assert not drawing(pane)
    assert pane.form.isHidden()
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert [a.id for a in desk.analytics.areas(CAMERA)] == [area_id]

    with pytest.raises(PermissionDenied):
        desk.analytics.save_area(supervisor, AreaDraft(CAMERA, "privacy", [[0, 0], [1, 0], [1, 1]]))
    with pytest.raises(PermissionDenied):
        desk.analytics.delete_area(supervisor, area_id)
    assert [a.id for a in desk.analytics.areas(CAMERA)] == [area_id]


def test_an_area_is_edited_redrawn_and_deleted(
    qtbot, desk: Desk, admin: Actor, bridge: BusBridge, monkeypatch: pytest.MonkeyPatch
) -> None:
    area_id = save_with_core(
        desk,
        admin,
        zone_id=ZONE,
        name="北侧",
        schedule=Schedule(frozenset({5, 6}), time(8), time(8)),
    )
    pane = make_pane(qtbot, desk, admin, bridge)
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1)
    assert row_texts(pane)[0][SCHEDULE_COLUMN] == "Sat, Sun, all day"
    pane.table.selectRow(0)
    assert pane.edit_button.isEnabled()
    qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    form = pane.form
    assert form.isVisible()
    assert form.name.text() == "北侧"
    assert form.zone.currentData() == ZONE  # its own zone is offered
    assert not form.schedule.always.isChecked()
    assert [d.isChecked() for d in form.schedule.days] == [False] * 5 + [True] * 2
    assert pane.picture.hidden_area == area_id  # drawn as the outline being edited

    qtbot.mouseClick(form.redraw_button, Qt.MouseButton.LeftButton)
    assert drawing(pane)
    assert form.isHidden()
    click(qtbot, pane, 0.3, 0.3)
    qtbot.keyClick(pane.picture, Qt.Key.Key_Escape)  # back to the outline it had
    assert form.isVisible()
    assert pane.editing.polygon == [(0.2, 0.2), (0.5, 0.2), (0.5, 0.5)]
    qtbot.mouseClick(form.redraw_button, Qt.MouseButton.LeftButton)
    outline = [(0.05, 0.1), (0.95, 0.1), (0.95, 0.3), (0.05, 0.3)]
    draw_with_mouse(qtbot, pane, outline)
    form.name.setText("北侧围墙")
    tick(qtbot, form.enabled)
    with qtbot.waitSignal(pane.saved, timeout=3000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    [area] = desk.analytics.areas(CAMERA)
    assert (area.id, area.name, area.enabled) == (area_id, "北侧围墙", False)
    assert_outline(area.polygon, outline, pixel(pane))
    qtbot.waitUntil(lambda: row_texts(pane)[0][NAME_COLUMN] == "北侧围墙")
    assert row_texts(pane)[0][ENABLED_COLUMN] == "✖ Off"

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    pane.table.selectRow(0)
    qtbot.mouseClick(pane.delete_button, Qt.MouseButton.LeftButton)
    assert "北侧围墙" in asked[0]
    assert len(desk.analytics.areas(CAMERA)) == 1  # "No" keeps it
    with qtbot.waitSignal(pane.deleted, timeout=3000):
        pane.table.setFocus()
        qtbot.keyClick(pane.table, Qt.Key.Key_Delete)  # the keyboard path
    assert desk.analytics.areas(CAMERA) == []
    qtbot.waitUntil(lambda: pane.table.rowCount() == 0)
    assert pane.picture.areas == []
    assert "Deleted" in pane.message.text()


def test_a_zone_taken_meanwhile_is_worded(
    qtbot, desk: Desk, admin: Actor, bridge: BusBridge
) -> None:
    pane = make_pane(qtbot, desk, admin, bridge)
    pane.new_actions["loitering"].trigger()
    draw_with_mouse(qtbot, pane, [(0.2, 0.2), (0.4, 0.2), (0.4, 0.4)])
    form = pane.form
    assert form.loiter.isVisibleTo(form)
    assert form.zone.currentData() == ZONE
    other = save_with_core(desk, admin, zone_id=ZONE, name="另一台工作站")  # another desk
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.error.isVisible())
    assert "Another area already raises this zone" in form.error.text()
    assert editing(pane) is not None  # the drawing is kept: choose another zone or cancel
    assert [a.id for a in desk.analytics.areas(CAMERA)] == [other]
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    assert editing(pane) is None
    assert form.isHidden()

    assert "out of range: min_area" in error_text(AnalyticsError("bad_value", "x: min_area 2"))
    assert "takes no zone" in error_text(AnalyticsError("zone_on_mask", "..."))
    assert "not being analysed" in error_text(AnalyticsError("not_analysed", "..."))
    assert (
        error_text(PermissionDenied(None, Permission.EDIT_ANALYTICS))
        == "Your role does not allow this."
    )
    assert schedule_words(None) == "Always"
    assert schedule_words(Schedule(frozenset({0, 2, 3, 4}), time(9), time(17))) == (
        "Mon, Wed–Fri 09:00–17:00"
    )


def test_the_tamper_state_follows_the_bus_and_the_reference_is_retaken(
    qtbot, desk: Desk, admin: Actor, supervisor: Actor, bridge: BusBridge, monkeypatch
) -> None:
    pane = make_pane(qtbot, desk, supervisor, bridge)
    assert "Not analysed" in pane.tamper.text()
    desk.bus.publish("camera.tamper", camera_id=CAMERA, state="covered")
    qtbot.waitUntil(lambda: "Camera covered" in pane.tamper.text())
    assert pane.tamper.text().startswith("Tamper check: ⚠")  # a symbol, not colour alone
    assert "Camera covered" in pane.tamper.accessibleDescription()
    desk.bus.publish("camera.tamper", camera_id="east-gate", state="turned")  # another camera
    desk.bus.publish("camera.tamper", camera_id=CAMERA, state="defocused")
    qtbot.waitUntil(lambda: "Picture blurred" in pane.tamper.text())
    desk.bus.publish("camera.tamper", camera_id=CAMERA, state="ok")
    qtbot.waitUntil(lambda: "✔ Normal" in pane.tamper.text())

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(pane.reset_button, Qt.MouseButton.LeftButton)
    assert "points where it should" in asked[0]
    assert pane.error.isHidden()  # "No": nothing asked of core
    qtbot.mouseClick(pane.reset_button, Qt.MouseButton.LeftButton)
    # This desk does not run the analysis (no devices started): core says so, in words.
    qtbot.waitUntil(lambda: pane.error.isVisible())
    assert "not being analysed" in pane.error.text()


def test_the_live_view_follows_the_camera_and_closes_when_hidden(
    qtbot, desk: Desk, admin: Actor, bridge: BusBridge
) -> None:
    pane = make_pane(qtbot, desk, admin, bridge)
    assert live_view(pane) is not None
    assert pane.view.camera_id == CAMERA
    assert pane.view.profile == "sub"
    assert len(pane.views) == 1
    pane.show_camera("garage-b1")
    assert pane.view.camera_id == "garage-b1"
    assert len(pane.views) == 1  # the other one was closed
    qtbot.waitUntil(lambda: pane.picture.frame is not None, timeout=5000)
    pane.next_action.trigger()
    assert pane.camera_id() != "garage-b1"
    pane.hide()
    assert live_view(pane) is None
    assert len(pane.views) == 0
    pane.show()
    assert live_view(pane) is not None
    pane.close()
    assert live_view(pane) is None
    assert len(pane.views) == 0


def _unnamed(root: QWidget) -> list[str]:
    kinds = (QAbstractButton, QComboBox, QAbstractItemView, QLineEdit, QAbstractSpinBox)
    return [
        w.objectName() or type(w).__name__
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds)
        and not isinstance(w, QHeaderView)
        and not isinstance(w.parent(), QAbstractSpinBox)
        and w.isVisibleTo(root)
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]


def test_controls_are_named_and_screenshots(
    qtbot, desk: Desk, admin: Actor, bridge: BusBridge, artifacts: Path
) -> None:
    save_with_core(
        desk, admin, "privacy", polygon=[[0.62, 0.08], [0.95, 0.08], [0.95, 0.45], [0.62, 0.45]]
    )
    alarm_id = save_with_core(
        desk,
        admin,
        zone_id=ZONE,
        polygon=[[0.04, 0.55], [0.55, 0.5], [0.7, 0.92], [0.08, 0.95]],
        schedule=Schedule(frozenset(), time(22), time(6)),
    )
    pane = make_pane(qtbot, desk, admin, bridge)
    qtbot.waitUntil(lambda: pane.table.rowCount() == 2)
    desk.bus.publish("camera.tamper", camera_id=CAMERA, state="ok")
    qtbot.waitUntil(lambda: "Normal" in pane.tamper.text())
    pane.select_area(alarm_id)
    qtbot.waitUntil(lambda: pane.frames > 3, timeout=5000)
    header = pane.table.horizontalHeader().model()
    assert [header.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Kind",
        "Name",
        "Zone",
        "Schedule",
        "Active",
    ]
    assert _unnamed(pane) == []
    assert pane.picture.accessibleName()
    pane.grab().save(str(artifacts / "analytics-pane.png"))

    pane.select_area(None)
    pane.new_actions["thrown"].trigger()
    for x, y in [(0.2, 0.1), (0.45, 0.12), (0.48, 0.4)]:
        click(qtbot, pane, x, y)
    for _ in range(3):
        qtbot.keyClick(pane.picture, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert drawing(pane)
    assert len(pane.picture.draft) == 3
    pane.grab().save(str(artifacts / "analytics-pane-edit.png"))
    qtbot.keyClick(pane.picture, Qt.Key.Key_Space)
    qtbot.keyClick(pane.picture, Qt.Key.Key_Return)
    assert pane.form.isVisible()
    assert _unnamed(pane) == []
    pane.grab().save(str(artifacts / "analytics-pane-form.png"))
