"""The site plan pane on the demo site (offscreen): markers placed through core, a raised alarm
flashing its zone's marker in the priority colour until acknowledged, greyed offline devices,
clicks that open the alarm and the camera, and an admin placing and moving markers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsItem,
    QHeaderView,
    QWidget,
)

from console.core.alarms import Resolution, State
from console.core.auth import Actor, PermissionDenied
from console.core.desk import Desk
from console.core.events import Event
from console.core.health import Health
from console.core.plans import MarkerKind, PlanError
from console.ui.alarm_model import PRIORITY_COLOURS
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext, registered
from console.ui.plan_pane import (
    MIME_DEVICE,
    NAME_COLUMN,
    OFFLINE_COLOURS,
    STATE_COLUMN,
    ZONE_COLOURS,
    MarkerItem,
    PlanPane,
)
from console.ui.wording import describe
from devices.alarms.base import DeviceEvent, EventType

SRC = "demo-panel"
LOBBY_SMOKE = "b1-f1-smoke"  # fire, sim:1, camera b1-lobby
B3_SMOKE = "b3-f2-smoke"  # fire, sim:3
NORTH_BEAM = "perimeter-north-beam"  # perimeter, sim:5
FIRE_RED = PRIORITY_COLOURS[1][0]
ZONE = MarkerKind.ZONE
CAMERA = MarkerKind.CAMERA


def raise_(desk: Desk, point: str) -> int:
    alarm_id = desk.alarms.ingest(DeviceEvent(SRC, EventType.ALARM, point, code=point)).alarm_id
    assert alarm_id is not None
    return alarm_id


def place_demo_markers(desk: Desk, admin: Actor) -> None:
    for kind, ref, x, y in [
        (ZONE, LOBBY_SMOKE, 0.22, 0.42),
        (ZONE, B3_SMOKE, 0.25, 0.66),
        (ZONE, NORTH_BEAM, 0.45, 0.11),
        (ZONE, "perimeter-east-beam", 0.875, 0.22),
        (ZONE, "east-gate-panic", 0.86, 0.47),
        (ZONE, "b1-elevator-1-alarm", 0.36, 0.33),
        (CAMERA, "b1-lobby", 0.29, 0.42),
        (CAMERA, "east-gate", 0.83, 0.56),
        (CAMERA, "perimeter-north", 0.62, 0.11),
        (CAMERA, "b1-elevator-1", 0.36, 0.42),
    ]:
        desk.plans.place(admin, "site", kind, ref, x, y)
    desk.plans.place(admin, "garage-b1", ZONE, "garage-b1-ir", 0.5, 0.4)
    desk.plans.place(admin, "garage-b1", CAMERA, "garage-b1", 0.8, 0.4)


@pytest.fixture
def bridge(desk: Desk) -> Iterator[BusBridge]:
    made = BusBridge(desk.bus)
    yield made
    made.close()


@pytest.fixture
def published(desk: Desk) -> Iterator[list[Event]]:
    """What the pane asks other panes to do."""
    events: list[Event] = []
    unsubscribe = desk.bus.subscribe("", events.append)
    yield events
    unsubscribe()


def make_pane(qtbot, desk: Desk, actor: Actor, bridge: BusBridge) -> PlanPane:
    pane = PlanPane(PaneContext(desk, actor, bridge))
    qtbot.addWidget(pane)
    pane.resize(1200, 800)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.loaded is not None and not pane.view.image_rect().isEmpty())
    return pane


def look(pane: PlanPane, kind: MarkerKind, ref: str):
    found = pane.marker_look(kind, ref)
    assert found is not None, f"no marker for {kind} {ref}"
    return found


def item_of(pane: PlanPane, kind: MarkerKind, ref: str) -> MarkerItem:
    item = pane.marker_item(kind, ref)
    assert item is not None
    return item


def on_screen(pane: PlanPane, kind: MarkerKind, ref: str) -> QPoint:
    """The marker's centre in the view's viewport."""
    return pane.view.mapFromScene(item_of(pane, kind, ref).scenePos())


def painted(pane: PlanPane, kind: MarkerKind, ref: str) -> QColor:
    """The colour painted inside the marker, left of its symbol."""
    centre = on_screen(pane, kind, ref)
    image = pane.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    x = round((centre.x() - MarkerItem.RADIUS * 0.7) * ratio)
    return image.pixelColor(x, round(centre.y() * ratio))


def row_state(pane: PlanPane, name: str) -> str:
    for row in pane.list_rows():
        if row.text(NAME_COLUMN) == name:
            return row.text(STATE_COLUMN)
    raise AssertionError(f"{name} is not in the marker list")


def stored(desk: Desk, kind: MarkerKind, ref: str) -> tuple[str, float, float] | None:
    for marker in desk.plans.markers():
        if marker.key == (kind, ref):
            return marker.plan_id, marker.x, marker.y
    return None


def placed(desk: Desk, kind: MarkerKind, ref: str) -> tuple[str, float, float]:
    where = stored(desk, kind, ref)
    assert where is not None, f"{kind} {ref} is on no plan"
    return where


# ---------------------------------------------------------------------------------------------


def test_registered_as_f9_beside_playback() -> None:
    spec = next(s for s in registered() if s.key == "plan")
    assert spec.shortcut == "F9"
    assert spec.tab_with == "playback"
    assert spec.area == Qt.DockWidgetArea.RightDockWidgetArea
    assert spec.title() == "Site plan"


def test_raised_alarm_flashes_its_marker_until_acknowledged_then_closed(
    qtbot, desk: Desk, admin: Actor, operator: Actor, bridge: BusBridge
) -> None:
    place_demo_markers(desk, admin)
    pane = make_pane(qtbot, desk, operator, bridge)
    assert look(pane, ZONE, LOBBY_SMOKE).fill == ZONE_COLOURS[0]
    assert not pane.flashing()

    fire = raise_(desk, "sim:1")
    qtbot.waitUntil(lambda: look(pane, ZONE, LOBBY_SMOKE).flashing)
    assert look(pane, ZONE, LOBBY_SMOKE).priority == 1
    # It flashes: the fire red and the plain white take turns, on screen too.
    qtbot.waitUntil(lambda: look(pane, ZONE, LOBBY_SMOKE).fill == FIRE_RED)
    assert painted(pane, ZONE, LOBBY_SMOKE) == QColor(FIRE_RED)
    qtbot.waitUntil(lambda: look(pane, ZONE, LOBBY_SMOKE).fill == ZONE_COLOURS[0], timeout=2000)
    assert painted(pane, ZONE, LOBBY_SMOKE) == QColor(ZONE_COLOURS[0])
    qtbot.waitUntil(lambda: look(pane, ZONE, LOBBY_SMOKE).fill == FIRE_RED, timeout=2000)
    # Only that marker: the other fire zone and the cameras stay quiet.
    for kind, ref in [(ZONE, B3_SMOKE), (ZONE, NORTH_BEAM), (CAMERA, "b1-lobby")]:
        assert not look(pane, kind, ref).flashing
        assert look(pane, kind, ref).priority is None
    assert look(pane, ZONE, B3_SMOKE).fill == ZONE_COLOURS[0]
    assert "not acknowledged (P1)" in row_state(pane, "1号楼1层大堂烟感")
    assert row_state(pane, "3号楼2层烟感") == "Normal"
    assert "⚠ 1 in alarm" in pane.plan_box.itemText(0)
    tip = item_of(pane, ZONE, LOBBY_SMOKE).toolTip()
    assert "not acknowledged" in tip
    assert "Click: open its alarm" in tip

    desk.alarms.acknowledge(operator, fire)
    qtbot.waitUntil(lambda: not look(pane, ZONE, LOBBY_SMOKE).flashing)
    assert look(pane, ZONE, LOBBY_SMOKE).fill == FIRE_RED  # steady until closed
    assert not pane.flashing()  # the timer stops with the last flashing marker
    assert painted(pane, ZONE, LOBBY_SMOKE) == QColor(FIRE_RED)
    assert "acknowledged, still open (P1)" in row_state(pane, "1号楼1层大堂烟感")

    desk.alarms.close(operator, fire, Resolution.FALSE, "误报：厨房油烟")
    qtbot.waitUntil(lambda: look(pane, ZONE, LOBBY_SMOKE).priority is None)
    assert look(pane, ZONE, LOBBY_SMOKE).fill == ZONE_COLOURS[0]
    assert row_state(pane, "1号楼1层大堂烟感") == "Normal"
    assert pane.plan_box.itemText(0) == "小区总平面 Site plan"


def test_faulted_source_and_offline_camera_are_greyed(
    qtbot, desk: Desk, admin: Actor, operator: Actor, bridge: BusBridge
) -> None:
    place_demo_markers(desk, admin)
    pane = make_pane(qtbot, desk, operator, bridge)
    desk.health.report("alarm_source", SRC, Health.FAULT, "串口无响应")
    qtbot.waitUntil(lambda: look(pane, ZONE, LOBBY_SMOKE).offline)
    for ref in (LOBBY_SMOKE, B3_SMOKE, NORTH_BEAM):  # every zone of that source
        assert look(pane, ZONE, ref).fill == OFFLINE_COLOURS[0]
    assert painted(pane, ZONE, B3_SMOKE) == QColor(OFFLINE_COLOURS[0])
    assert "✖ Offline" in row_state(pane, "3号楼2层烟感")
    assert "串口无响应" in row_state(pane, "3号楼2层烟感")
    assert item_of(pane, ZONE, B3_SMOKE).label.startswith("✖")
    assert not look(pane, CAMERA, "b1-lobby").offline

    desk.health.report("camera", "b1-lobby", Health.FAULT, "video loss")
    qtbot.waitUntil(lambda: look(pane, CAMERA, "b1-lobby").offline)
    assert look(pane, CAMERA, "b1-lobby").fill == OFFLINE_COLOURS[0]
    assert "no picture" in row_state(pane, "1号楼大堂")
    assert not look(pane, CAMERA, "east-gate").offline

    desk.health.report("alarm_source", SRC, Health.OK)
    desk.health.report("camera", "b1-lobby", Health.OK)
    qtbot.waitUntil(lambda: not look(pane, CAMERA, "b1-lobby").offline)
    assert not look(pane, ZONE, B3_SMOKE).offline
    assert look(pane, ZONE, B3_SMOKE).fill == ZONE_COLOURS[0]


def test_clicking_markers_opens_the_alarm_and_the_camera(
    qtbot, desk: Desk, admin: Actor, operator: Actor, bridge: BusBridge, published: list[Event]
) -> None:
    place_demo_markers(desk, admin)
    pane = make_pane(qtbot, desk, operator, bridge)
    viewport = pane.view.viewport()

    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=on_screen(pane, ZONE, B3_SMOKE))
    assert not [e for e in published if e.topic == "alarm.show"]  # no alarm there
    assert "no open alarm" in pane.message.text()

    fire = raise_(desk, "sim:1")
    qtbot.waitUntil(lambda: look(pane, ZONE, LOBBY_SMOKE).flashing)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=on_screen(pane, ZONE, LOBBY_SMOKE))
    shows = [e.data for e in published if e.topic == "alarm.show"]
    assert shows == [{"alarm_id": fire, "zone_id": LOBBY_SMOKE}]
    assert pane.selected_key() == (ZONE, LOBBY_SMOKE)  # the list follows
    assert pane.marker_list.currentItem().text(0) == "1号楼1层大堂烟感"
    assert desk.alarms.get(fire).state == State.NEW  # opening acknowledges nothing

    qtbot.mouseClick(
        viewport, Qt.MouseButton.LeftButton, pos=on_screen(pane, CAMERA, "perimeter-north")
    )
    assert [e.data for e in published if e.topic == "camera.open"] == [
        {"camera_id": "perimeter-north"}
    ]

    # The keyboard path: Enter on a row of the list does what a click does.
    row = next(r for r in pane.list_rows() if r.text(0) == "东门入口")
    pane.marker_list.setCurrentItem(row)
    assert pane.selected_key() == (CAMERA, "east-gate")  # the marker is highlighted
    pane.marker_list.setFocus()
    qtbot.keyClick(pane.marker_list, Qt.Key.Key_Return)
    assert [e.data["camera_id"] for e in published if e.topic == "camera.open"] == [
        "perimeter-north",
        "east-gate",
    ]


def test_the_alarm_pane_selects_the_alarm_a_zone_marker_opens(
    qtbot, desk: Desk, admin: Actor, operator: Actor
) -> None:
    from console.ui.alarm_pane import AlarmPane
    from tests.conftest import OPERATOR_PASSWORD
    from tests.gui.conftest import open_window

    place_demo_markers(desk, admin)
    raise_(desk, "sim:1")
    beam = raise_(desk, "sim:5")  # perimeter: below the fire in the queue
    window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    pane = window.docks["plan"].widget()
    alarms = window.docks["alarms"].widget()
    assert isinstance(pane, PlanPane)
    assert isinstance(alarms, AlarmPane)
    window.docks["plan"].raise_()
    qtbot.waitUntil(lambda: alarms.model.rowCount() == 2)
    qtbot.waitUntil(lambda: pane.marker_item(ZONE, NORTH_BEAM) is not None)
    qtbot.waitUntil(lambda: look(pane, ZONE, NORTH_BEAM).flashing)
    assert alarms.selected_id != beam
    pane.activate(ZONE, NORTH_BEAM)
    assert alarms.selected_id == beam
    qtbot.waitUntil(lambda: alarms.detail.detail is not None)
    qtbot.waitUntil(lambda: alarms.detail.detail.alarm.id == beam)
    window.close()


def test_admin_drags_a_marker_and_nudges_it_with_the_keys(
    qtbot, desk: Desk, admin: Actor, bridge: BusBridge
) -> None:
    place_demo_markers(desk, admin)
    pane = make_pane(qtbot, desk, admin, bridge)
    item = item_of(pane, ZONE, B3_SMOKE)
    assert not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    assert pane.editing
    assert pane.edit_action.isChecked()
    assert item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable

    viewport = pane.view.viewport()
    start = on_screen(pane, ZONE, B3_SMOKE)
    end = start + QPoint(120, -60)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 7):
        qtbot.mouseMove(viewport, start + (end - start) * step / 6)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    scale = pane.view.transform().m11()
    rect = pane.view.image_rect()
    want_x = 0.25 + 120 / scale / rect.width()
    want_y = 0.66 - 60 / scale / rect.height()

    def moved() -> bool:
        where = stored(desk, ZONE, B3_SMOKE)
        return where is not None and abs(where[1] - want_x) < 0.01

    qtbot.waitUntil(moved)
    where = stored(desk, ZONE, B3_SMOKE)
    assert where is not None
    assert where[0] == "site"
    assert where[2] == pytest.approx(want_y, abs=0.01)
    assert pane.selected_key() == (ZONE, B3_SMOKE)

    # Keys: Shift+Right moves five percent, Up half a percent; saved once they pause.
    pane.view.setFocus()
    before = where
    qtbot.keyClick(viewport.parentWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(viewport.parentWidget(), Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: stored(desk, ZONE, B3_SMOKE) != before)
    after = stored(desk, ZONE, B3_SMOKE)
    assert after is not None
    assert after[1] == pytest.approx(before[1] + 0.05, abs=1e-6)
    assert after[2] == pytest.approx(before[2] - 0.005, abs=1e-6)

    # Dragged past the edge, a marker stays on the plan.
    far = on_screen(pane, ZONE, B3_SMOKE)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=far)
    qtbot.mouseMove(viewport, QPoint(far.x() - 40, far.y()))
    qtbot.mouseMove(viewport, QPoint(1, far.y()))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(1, far.y()))
    qtbot.waitUntil(lambda: (stored(desk, ZONE, B3_SMOKE) or ("", 1.0, 0.0))[1] == 0.0)


def test_admin_places_devices_and_removes_a_marker(
    qtbot, desk: Desk, admin: Actor, bridge: BusBridge
) -> None:
    desk.plans.place(admin, "site", ZONE, B3_SMOKE, 0.25, 0.66)
    pane = make_pane(qtbot, desk, admin, bridge)
    assert pane.edit_box.isHidden()
    pane.set_editing(True)
    assert not pane.edit_box.isHidden()
    names = [pane.unplaced.item(i).text() for i in range(pane.unplaced.count())]
    assert "东门入口 · Camera" in names
    assert not any(n.startswith("3号楼2层烟感") for n in names)

    # Select a device and press Place: it goes in the middle of the view.
    row = next(
        pane.unplaced.item(i)
        for i in range(pane.unplaced.count())
        if pane.unplaced.item(i).text() == "东门入口 · Camera"
    )
    pane.unplaced.setCurrentItem(row)
    assert pane.place_button.isEnabled()
    qtbot.mouseClick(pane.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(desk, CAMERA, "east-gate") is not None)
    _plan, x, y = placed(desk, CAMERA, "east-gate")
    assert x == pytest.approx(0.5, abs=0.02)
    assert y == pytest.approx(0.5, abs=0.02)
    qtbot.waitUntil(lambda: pane.marker_item(CAMERA, "east-gate") is not None)
    qtbot.waitUntil(lambda: pane.selected_key() == (CAMERA, "east-gate"))
    assert all("东门入口" not in pane.unplaced.item(i).text() for i in range(pane.unplaced.count()))

    # Drop a zone from the list onto the plan.
    mime = QMimeData()
    mime.setData(MIME_DEVICE, b"zone:perimeter-north-beam")
    target = pane.view.mapFromScene(pane.point_of(0.45, 0.11))
    viewport = pane.view.viewport()
    enter = QDragEnterEvent(
        target, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(target),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(viewport, drop)
    qtbot.waitUntil(lambda: stored(desk, ZONE, NORTH_BEAM) is not None)
    _plan, x, y = placed(desk, ZONE, NORTH_BEAM)
    assert x == pytest.approx(0.45, abs=0.005)
    assert y == pytest.approx(0.11, abs=0.005)

    # Remove the selected marker (Delete in the view does the same).
    qtbot.waitUntil(lambda: pane.marker_item(ZONE, NORTH_BEAM) is not None)
    pane.select_marker(ZONE, B3_SMOKE)
    assert pane.remove_button.isEnabled()
    qtbot.mouseClick(pane.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.marker_item(ZONE, B3_SMOKE) is None)
    assert stored(desk, ZONE, B3_SMOKE) is None
    qtbot.waitUntil(
        lambda: any(
            pane.unplaced.item(i).text().startswith("3号楼2层烟感")
            for i in range(pane.unplaced.count())
        )
    )


def test_an_operator_cannot_edit_and_core_refuses(
    qtbot, desk: Desk, admin: Actor, operator: Actor, bridge: BusBridge
) -> None:
    place_demo_markers(desk, admin)
    pane = make_pane(qtbot, desk, operator, bridge)
    assert not pane.edit_button.isEnabled()
    assert not pane.edit_action.isEnabled()
    assert "administrator" in pane.edit_button.toolTip()
    pane.set_editing(True)
    assert not pane.editing
    assert pane.edit_box.isHidden()
    item = item_of(pane, ZONE, B3_SMOKE)
    assert not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    pane.select_marker(ZONE, B3_SMOKE)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert item.pos() == pane.point_of(0.25, 0.66)
    with pytest.raises(PermissionDenied):
        desk.plans.place(operator, "site", ZONE, B3_SMOKE, 0.5, 0.5)
    assert stored(desk, ZONE, B3_SMOKE) == ("site", 0.25, 0.66)


def test_the_plan_fits_the_view_and_markers_keep_their_spot(
    qtbot, desk: Desk, admin: Actor, operator: Actor, bridge: BusBridge
) -> None:
    place_demo_markers(desk, admin)
    pane = make_pane(qtbot, desk, operator, bridge)
    view = pane.view

    def image_on_screen():
        return view.mapFromScene(view.image_rect()).boundingRect()

    def spot(kind: MarkerKind, ref: str) -> tuple[float, float]:
        image, centre = image_on_screen(), on_screen(pane, kind, ref)
        return (centre.x() - image.left()) / image.width(), (
            centre.y() - image.top()
        ) / image.height()

    # + zooms in; Ctrl+wheel zooms around the mouse; the markers keep their size; 0 fits.
    scale = view.transform().m11()
    drawn = item_of(pane, ZONE, B3_SMOKE).deviceTransform(view.viewportTransform()).m11()
    view.setFocus()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.transform().m11() == pytest.approx(scale * 1.25**3)
    mouse = view.viewport().rect().center() + QPoint(60, 40)
    under = view.mapToScene(mouse)
    wheel = QWheelEvent(
        QPointF(mouse),
        QPointF(view.viewport().mapToGlobal(mouse)),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.transform().m11() == pytest.approx(scale * 1.25**4)
    moved = view.mapToScene(mouse) - under
    assert abs(moved.x()) < 3
    assert abs(moved.y()) < 3
    assert item_of(pane, ZONE, B3_SMOKE).deviceTransform(
        view.viewportTransform()
    ).m11() == pytest.approx(drawn)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.transform().m11() == pytest.approx(scale)
    assert view.viewport().rect().contains(image_on_screen())

    for size in ((1200, 800), (700, 900)):
        pane.resize(*size)
        qtbot.waitUntil(lambda size=size: abs(pane.width() - size[0]) < 2)
        assert view.transform().m11() == pytest.approx(view.transform().m22())  # aspect kept
        assert view.viewport().rect().contains(image_on_screen())  # the whole plan shows
        x, y = spot(ZONE, B3_SMOKE)
        assert x == pytest.approx(0.25, abs=0.01)
        assert y == pytest.approx(0.66, abs=0.01)


def test_plans_switch_and_each_shows_its_own_markers(
    qtbot, desk: Desk, admin: Actor, operator: Actor, bridge: BusBridge
) -> None:
    place_demo_markers(desk, admin)
    pane = make_pane(qtbot, desk, operator, bridge)
    assert pane.current_plan_id() == "site"
    assert pane.marker_item(ZONE, "garage-b1-ir") is None
    raise_(desk, "sim:4")  # garage infrared: on the other plan
    qtbot.waitUntil(lambda: "⚠ 1 in alarm" in pane.plan_box.itemText(1))
    assert "⚠" not in pane.plan_box.itemText(0)
    with qtbot.waitSignal(pane.image_shown, timeout=3000):
        pane.next_action.trigger()
    assert pane.current_plan_id() == "garage-b1"
    assert pane.marker_item(ZONE, LOBBY_SMOKE) is None
    assert look(pane, ZONE, "garage-b1-ir").flashing
    assert look(pane, ZONE, "garage-b1-ir").priority == 3
    assert sorted(r.text(0) for r in pane.list_rows()) == ["地下车库B1", "地下车库B1红外探测"]
    pane.next_action.trigger()  # back: the image is cached, no wait
    assert pane.current_plan_id() == "site"
    assert pane.marker_item(ZONE, LOBBY_SMOKE) is not None


def test_a_site_without_plans_says_how_to_add_them(qtbot, tmp_path: Path, operator) -> None:
    site = tmp_path / "bare.toml"
    site.write_text('[site]\nname = "无图小区"\ntimezone = "Asia/Shanghai"\n', encoding="utf-8")
    bare = Desk.open(site)
    bridge = BusBridge(bare.bus)
    try:
        pane = PlanPane(PaneContext(bare, operator, bridge))
        qtbot.addWidget(pane)
        pane.show()
        assert pane.stack.currentWidget() is pane.empty
        assert pane.empty.isVisible()
        assert "[[plans]]" in pane.empty.text()
        assert not pane.next_action.isEnabled()
        pane.close()
    finally:
        bridge.close()
        bare.close()


def test_plan_errors_are_worded() -> None:
    assert describe(PlanError("off_plan", "x = 2 is off the plan")) == (
        "Place the marker on the plan image."
    )
    assert "no such plan" in describe(PlanError("no_plan", "..."))
    assert describe(PlanError("not_placed", "...")) == "This device is on no plan."


def test_controls_are_named_and_a_screenshot(
    qtbot, desk: Desk, admin: Actor, operator: Actor, bridge: BusBridge, artifacts: Path
) -> None:
    place_demo_markers(desk, admin)
    tamper = raise_(desk, "sim:8")  # lift alarm, acknowledged: steady
    desk.alarms.acknowledge(operator, tamper)
    raise_(desk, "sim:1")  # fire: flashing
    desk.health.report("camera", "perimeter-north", Health.FAULT, "video loss")
    pane = make_pane(qtbot, desk, admin, bridge)
    qtbot.waitUntil(lambda: look(pane, ZONE, LOBBY_SMOKE).flashing)
    qtbot.waitUntil(lambda: look(pane, CAMERA, "perimeter-north").offline)
    qtbot.waitUntil(lambda: look(pane, ZONE, LOBBY_SMOKE).lit)
    assert look(pane, ZONE, "b1-elevator-1-alarm").fill == PRIORITY_COLOURS[2][0]
    pane.select_marker(CAMERA, "east-gate")
    pane.grab().save(str(artifacts / "plan-pane.png"))
    pane.set_editing(True)
    pane.grab().save(str(artifacts / "plan-pane-edit.png"))

    unnamed = [
        w.objectName() or type(w).__name__
        for w in pane.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QComboBox | QAbstractItemView)
        and not isinstance(w, QHeaderView)
        and w.isVisibleTo(pane)
        and not w.accessibleName()
    ]
    assert unnamed == []
    assert pane.view.accessibleName()
    header = pane.marker_list.headerItem()
    assert [header.text(i) for i in range(3)] == ["Name", "State", "Kind"]
