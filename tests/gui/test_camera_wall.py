"""The camera wall on simulated cameras (real capture workers, offscreen): frames painted,
layouts, drag and drop, enlarging on the main stream, zoom, snapshots, the alarm pop-up,
signal loss, and no capture thread left once the wall closes."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QEnterEvent, QImage, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
)
from sqlalchemy import select

from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.ui.bridge import BusBridge
from console.ui.camera_tile import ALARM_RED, MIME_CAMERA, ZOOM_MAX, CameraTile, FrameRelay
from console.ui.camera_wall import LAYOUT_PREF, CameraWall
from console.ui.mainwindow import MainWindow
from console.ui.panes import PaneContext
from devices.cameras.base import StreamState
from schema.models import AuditRecord
from tests.conftest import OPERATOR_PASSWORD
from tests.gui.conftest import open_window

SITE = """\
[site]
name = "测试小区"
timezone = "Asia/Shanghai"
"""

CAMERAS = [  # id, name, main, sub
    ("gate", "大门", "sim:gate", "sim:gate-sub"),
    ("yard", "花园", "sim:yard", "sim:yard-sub"),
    ("lobby", "3号楼大堂", "sim:lobby", "sim:lobby-sub"),
    ("lift", "电梯", "sim:lift", None),  # no sub stream: small tiles show the main one
]
DEAD = ("dead", "断线摄像机", "rtsp://127.0.0.1:9/x", None)  # nothing listens on port 9


def write_site(path: Path, cameras: list[tuple[str, str, str, str | None]]) -> Path:
    text = SITE
    for camera_id, name, main, sub in cameras:
        text += f'\n[[cameras]]\nid = "{camera_id}"\nname = "{name}"\nmain = "{main}"\n'
        if sub:
            text += f'sub = "{sub}"\n'
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def demo_site(tmp_path: Path) -> Path:
    """Replaces the shared fixture: `desk`, `operator` and the windows use this site."""
    return write_site(tmp_path / "wall-site.toml", CAMERAS)


def capture_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("capture-")]


def make_wall(qtbot, desk: Desk, actor: Actor) -> tuple[CameraWall, BusBridge]:
    bridge = BusBridge(desk.bus)
    pane = CameraWall(PaneContext(desk, actor, bridge))
    qtbot.addWidget(pane)
    pane.resize(1000, 640)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.loaded, timeout=5000)
    return pane, bridge


@pytest.fixture
def wall(qtbot, desk: Desk, operator: Actor) -> Iterator[CameraWall]:
    pane, bridge = make_wall(qtbot, desk, operator)
    yield pane
    pane.close()
    bridge.close()


def activate(qtbot, widget) -> None:
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def tile_of(pane: CameraWall, camera_id: str) -> CameraTile:
    return next(t for t in pane.tiles() if t.camera_id == camera_id)


def profile_of(tile: CameraTile) -> str | None:
    """The stream the tile's view runs (a function, so checks are not narrowed away)."""
    return tile.view.profile if tile.view is not None else None


def enlarged_of(pane: CameraWall) -> CameraTile | None:
    return pane.enlarged


def wait_frames(qtbot, tile: CameraTile, n: int = 2) -> None:
    start = tile.painted
    qtbot.waitUntil(lambda: tile.painted >= start + n, timeout=5000)


def lit_share(image: QImage, rect=None) -> float:
    """The share of sampled pixels that are not (nearly) black."""
    rect = rect or image.rect()
    points = [
        (rect.left() + rect.width() * i // 12, rect.top() + rect.height() * j // 12)
        for i in range(1, 12)
        for j in range(1, 12)
    ]
    lit = sum(1 for x, y in points if image.pixelColor(x, y).value() > 40)
    return lit / len(points)


def audit_rows(desk: Desk, action: str) -> list[AuditRecord]:
    with desk.db.read() as s:
        return list(s.execute(select(AuditRecord).where(AuditRecord.action == action)).scalars())


# ---------------------------------------------------------------------------------------------


def test_sim_frames_are_painted_and_keep_changing(qtbot, wall: CameraWall) -> None:
    tiles = wall.tiles()
    assert [t.camera_id for t in tiles] == ["gate", "yard", "lobby", "lift"]  # the site's first 4
    for tile in tiles:
        wait_frames(qtbot, tile)
    gate = tiles[0]
    assert gate.view is not None
    assert profile_of(gate) == "sub"
    assert tiles[3].view is not None  # lift has no sub
    assert profile_of(tiles[3]) == "main"
    assert not gate.image.isNull()
    # The worker scales to the tile (device pixels), not above the sub stream's 640x360.
    frame = gate.frame
    assert frame is not None
    assert frame.width <= gate.width() + 2
    assert frame.height <= gate.height() + 2
    assert (frame.source_width, frame.source_height) == (640, 360)
    first = frame.image.copy()
    qtbot.waitUntil(
        lambda: gate.frame is not None and not np.array_equal(gate.frame.image, first), timeout=3000
    )
    assert lit_share(gate.grab().toImage()) > 0.6
    assert gate.latencies
    assert all(0 <= s < 2 for s in gate.latencies)
    assert gate.state is StreamState.LIVE
    qtbot.waitUntil(lambda: "live" in wall.camera_list.item(0).text(), timeout=3000)
    assert wall.camera_list.item(0).text().startswith("大门")
    # Hovering shows how the stream is doing.
    qtbot.waitUntil(lambda: gate.status.fps > 0, timeout=3000)
    lines = gate.stats_lines()
    assert lines[0].endswith(" fps")
    assert lines[1:] == ["Resolution: 640 × 360", lines[2], "Stream: sub stream"]
    assert lines[2].startswith("Dropped frames: ")
    plain = gate.grab().toImage()
    QApplication.sendEvent(gate, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    hovered = gate.grab().toImage()
    picture = gate.picture_rect()  # under the overlay box, away from the moving box and clock
    x, y = int(picture.right()) - 30, int(picture.top()) + 10
    assert hovered.pixelColor(x, y).value() < plain.pixelColor(x, y).value() - 30


def test_relay_keeps_one_notification_pending(qtbot) -> None:
    relay = FrameRelay()
    handled: list[int] = []

    def slot() -> None:  # what a tile does first
        relay.frame_handled()
        handled.append(1)

    relay.frame_ready.connect(slot)

    def burst() -> None:  # a worker thread notifying faster than the GUI takes frames
        for _ in range(50):
            relay.notify_frame()

    for round_ in (1, 2):
        worker = threading.Thread(target=burst)
        worker.start()
        worker.join()
        assert relay.pending
        qtbot.waitUntil(lambda round_=round_: len(handled) == round_, timeout=2000)
        QApplication.processEvents()
        assert len(handled) == round_  # one queued signal per burst, not fifty
        assert not relay.pending


def test_layout_switch_keeps_running_tiles(qtbot, wall: CameraWall, desk: Desk, operator) -> None:
    first = wall.tiles()[0]
    wait_frames(qtbot, first)
    view = first.view
    activate(qtbot, wall)
    qtbot.keyClick(wall, Qt.Key.Key_F7)  # Layout: 9 cameras
    tiles = wall.tiles()
    assert len(tiles) == 9
    assert wall.layout_box.currentData() == 9
    assert wall.layout_actions[9].isChecked()
    assert tiles[0] is first  # the stream was not restarted
    assert first.view is view
    assert [t.camera_id for t in tiles[4:]] == [None] * 5
    assert tiles[8].overlay_text() == "Drop a camera here"
    qtbot.waitUntil(lambda: (desk.pref(operator, LAYOUT_PREF) or {}).get("n") == 9, timeout=5000)
    wall.set_layout(1)
    assert [t.camera_id for t in wall.tiles()] == ["gate"]
    assert wall.tiles()[0].view is not None
    assert profile_of(wall.tiles()[0]) == "main"


def test_drop_and_enter_place_cameras(qtbot, wall: CameraWall) -> None:
    wall.set_layout(9)
    target = wall.tiles()[6]
    item = wall.camera_list.item(1)  # 花园 / yard
    mime = wall.camera_list.mimeData([item])
    assert mime.hasFormat(MIME_CAMERA)
    center = target.rect().center()
    enter = QDragEnterEvent(
        center, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(center),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
    assert drop.dropAction() == Qt.DropAction.CopyAction
    assert target.camera_id == "yard"
    wait_frames(qtbot, target)
    assert wall.camera_list.count() == 4  # a drag copies: the list keeps the camera

    # Enter in the list: the first empty tile, then the tile the operator selected.
    wall.camera_list.setFocus()
    wall.camera_list.setCurrentRow(2)  # 3号楼大堂 / lobby
    qtbot.keyClick(wall.camera_list, Qt.Key.Key_Return)
    assert wall.tiles()[4].camera_id == "lobby"
    qtbot.mouseClick(wall.tiles()[8], Qt.MouseButton.LeftButton)
    assert wall.current is wall.tiles()[8]
    wall.camera_list.setFocus()
    wall.camera_list.setCurrentRow(0)
    qtbot.keyClick(wall.camera_list, Qt.Key.Key_Return)
    assert wall.tiles()[8].camera_id == "gate"
    assert "gate" in wall.tiles()[8].accessibleName() or "大门" in wall.tiles()[8].accessibleName()


def test_double_click_enlarges_on_the_main_stream_and_back(qtbot, wall: CameraWall) -> None:
    gate = wall.tiles()[0]
    wait_frames(qtbot, gate)
    assert profile_of(gate) == "sub"
    qtbot.mouseDClick(gate, Qt.MouseButton.LeftButton)
    assert enlarged_of(wall) is gate
    assert profile_of(gate) == "main"
    assert all(not t.isVisible() for t in wall.tiles()[1:])
    qtbot.waitUntil(lambda: gate.width() > wall.grid_host.width() * 0.9, timeout=2000)
    qtbot.waitUntil(lambda: gate.frame.source_width == 1280, timeout=5000)  # main: 1280x720
    qtbot.mouseDClick(gate, Qt.MouseButton.LeftButton)
    assert enlarged_of(wall) is None
    assert profile_of(gate) == "sub"
    assert all(t.isVisible() for t in wall.tiles())
    qtbot.waitUntil(lambda: gate.frame.source_width == 640, timeout=5000)

    # Keyboard: Enter enlarges the focused tile, Esc restores.
    activate(qtbot, wall)
    yard = wall.tiles()[1]
    yard.setFocus()
    qtbot.keyClick(yard, Qt.Key.Key_Return)
    assert enlarged_of(wall) is yard
    assert profile_of(yard) == "main"
    qtbot.keyClick(yard, Qt.Key.Key_Escape)
    assert enlarged_of(wall) is None
    assert profile_of(yard) == "sub"


def test_tile_menu_enlarges_clears_and_replays(
    qtbot, wall: CameraWall, desk, operator, monkeypatch
) -> None:
    import console.ui.playback_pane as playback

    replays: list[tuple[object, object, str]] = []
    monkeypatch.setattr(  # the playback pane's own tests play the clip
        playback, "open_instant_replay", lambda *args: replays.append(args)
    )
    yard = wall.tiles()[1]
    wait_frames(qtbot, yard)
    menu = yard.context_menu()
    texts = [a.text().split("\t")[0] for a in menu.actions()]
    assert texts == ["&Snapshot", "Instant &replay", "&Enlarge", "Reset &zoom", "&Clear tile"]
    assert [a.isEnabled() for a in menu.actions()] == [True, True, True, False, True]
    menu.actions()[2].trigger()
    assert enlarged_of(wall) is yard
    menu = yard.context_menu()
    assert menu.actions()[2].text().startswith("&Restore")
    menu.actions()[2].trigger()
    assert enlarged_of(wall) is None
    yard.context_menu().actions()[1].trigger()
    assert replays == [(wall, wall.ctx, "yard")]
    yard.context_menu().actions()[4].trigger()
    assert yard.camera_id is None
    assert yard.view is None
    assert not any(a.isEnabled() for a in yard.context_menu().actions())
    qtbot.waitUntil(
        lambda: (
            (desk.pref(operator, LAYOUT_PREF) or {}).get("cameras")
            == ["gate", None, "lobby", "lift"]
        ),
        timeout=5000,
    )


def test_wheel_zooms_around_the_cursor(qtbot, wall: CameraWall) -> None:
    tile = wall.tiles()[0]
    wait_frames(qtbot, tile)
    width_before = tile.frame.width
    target = tile.picture_rect()
    pos = QPointF(target.x() + target.width() * 0.25, target.y() + target.height() * 0.25)

    def under_cursor() -> tuple[float, float]:
        visible, rect = tile.visible_rect(), tile.picture_rect()
        fx, fy = (pos.x() - rect.x()) / rect.width(), (pos.y() - rect.y()) / rect.height()
        return visible.x() + fx * visible.width(), visible.y() + fy * visible.height()

    point = under_cursor()
    wheel = QWheelEvent(
        pos,
        QPointF(tile.mapToGlobal(pos.toPoint())),
        QPoint(),
        QPoint(0, 240),  # two notches
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(tile, wheel)
    assert tile.zoom == pytest.approx(1.25**2)
    assert under_cursor() == pytest.approx(point, abs=1e-6)  # the point stays put
    # Zoomed in, the worker sends more pixels (up to the stream's own 640x360).
    qtbot.waitUntil(lambda: tile.frame.width > width_before, timeout=5000)
    # Drag pans; keys zoom; 0 resets; never past 8x.
    before = tile.visible_rect().x()
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=QPoint(200, 100))
    qtbot.mouseMove(tile, QPoint(150, 100))
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=QPoint(150, 100))
    assert tile.visible_rect().x() > before
    tile.setFocus()
    for _ in range(20):
        qtbot.keyClick(tile, Qt.Key.Key_Plus)
    assert tile.zoom == ZOOM_MAX
    qtbot.keyClick(tile, Qt.Key.Key_0)
    assert tile.zoom == 1.0
    assert tile.visible_rect().width() == 1.0


def test_snapshot_saves_the_frame_with_a_caption_and_audits(
    qtbot, wall: CameraWall, desk: Desk
) -> None:
    gate = wall.tiles()[0]
    wait_frames(qtbot, gate)
    activate(qtbot, wall)
    gate.setFocus()
    with qtbot.waitSignal(wall.snapshot_saved, timeout=5000) as saved:
        qtbot.keyClick(gate, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    path = Path(saved.args[0])
    assert path.suffix == ".png"
    assert path.parent.parent.name == "gate"
    frame = gate.frame
    png = QImage(str(path))
    assert (png.width(), png.height()) == (frame.width, frame.height)
    # The caption band darkens the bottom of the picture; the top is the picture itself.
    bottom = png.pixelColor(png.width() // 2, png.height() - 3)
    assert bottom.value() < 120
    assert str(path) in wall.message.text()
    rows = audit_rows(desk, "camera.snapshot")
    assert [(r.subject, r.actor) for r in rows] == [("gate", "li")]
    assert json.loads(rows[0].payload)["path"] == str(path)
    assert desk.verify_audit()[1] is None


def test_camera_show_enlarges_with_the_zone_until_dismissed(
    qtbot, wall: CameraWall, desk: Desk
) -> None:
    wall.set_layout(1, ["gate"])
    tile = wall.tiles()[0]
    desk.bus.publish(
        "camera.show", camera_id="yard", zone_id="b3-smoke", zone_name="3号楼烟感", alarm_id=1
    )
    qtbot.waitUntil(lambda: wall.alarm_shown is not None, timeout=2000)
    assert tile.camera_id == "yard"  # borrowed the only tile
    assert enlarged_of(wall) is tile
    assert profile_of(tile) == "main"
    assert tile.alarm_zone == "3号楼烟感"
    assert wall.banner.isVisible()
    assert "Alarm: 3号楼烟感" in wall.banner_text.text()
    wait_frames(qtbot, tile)
    shot = tile.grab().toImage()
    assert shot.pixelColor(4, shot.height() // 2) == ALARM_RED  # the red frame

    # A second request takes the screen; the first waits underneath, named on the banner.
    desk.bus.publish(
        "camera.show", camera_id="lobby", zone_id="b1-smoke", zone_name="1号楼烟感", alarm_id=2
    )
    qtbot.waitUntil(lambda: tile.camera_id == "lobby", timeout=2000)
    assert "Alarm: 1号楼烟感" in wall.banner_text.text()
    assert "1 earlier alarm views waiting" in wall.banner_text.text()
    qtbot.mouseClick(wall.dismiss_button, Qt.MouseButton.LeftButton)
    assert tile.camera_id == "yard"
    assert tile.alarm_zone == "3号楼烟感"
    assert wall.banner.isVisible()
    activate(qtbot, wall)
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Escape)
    assert wall.alarm_shown is None
    assert not wall.banner.isVisible()
    assert tile.camera_id == "gate"  # the operator's camera is back
    assert tile.alarm_zone is None


def test_camera_show_raises_the_wall_dock(qtbot, desk: Desk, operator: Actor) -> None:
    window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    dock = window.docks["wall"]
    pane = dock.widget()
    assert isinstance(pane, CameraWall)
    qtbot.waitUntil(lambda: pane.loaded, timeout=5000)
    dock.close()
    assert not pane.views.views  # a hidden wall streams nothing
    desk.bus.publish(
        "camera.show", camera_id="lobby", zone_id="z", zone_name="大堂烟感", alarm_id=7
    )
    qtbot.waitUntil(lambda: dock.isVisible(), timeout=2000)
    tile = tile_of(pane, "lobby")
    assert enlarged_of(pane) is tile
    assert tile.alarm_zone == "大堂烟感"
    wait_frames(qtbot, tile)
    assert profile_of(tile) == "main"
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)  # a double-click dismisses too
    assert pane.alarm_shown is None
    assert enlarged_of(pane) is None
    window.close()
    qtbot.waitUntil(lambda: not capture_threads(), timeout=5000)


def test_layout_persists_for_the_operator(qtbot, desk: Desk, operator: Actor, admin) -> None:
    pane, bridge = make_wall(qtbot, desk, operator)
    pane.set_layout(9)
    pane.assign(8, "yard")
    pane.assign(0, None)
    expected = {"n": 9, "cameras": [None, "yard", "lobby", "lift", None, None, None, None, "yard"]}
    qtbot.waitUntil(lambda: desk.pref(operator, LAYOUT_PREF) == expected, timeout=5000)
    pane.close()
    bridge.close()

    again, bridge = make_wall(qtbot, desk, operator)
    assert [t.camera_id for t in again.tiles()] == expected["cameras"]
    again.close()
    bridge.close()
    other, bridge = make_wall(qtbot, desk, admin)  # another operator: the site's cameras
    assert [t.camera_id for t in other.tiles()] == ["gate", "yard", "lobby", "lift"]
    other.close()
    bridge.close()


def test_offline_camera_shows_signal_lost(qtbot, tmp_path: Path) -> None:
    desk = Desk.open(write_site(tmp_path / "dead-site.toml", [DEAD, CAMERAS[0]]))
    try:
        actor = desk.auth.add_user(None, "chief", "王班长", Role.ADMIN, "admin-pass-1")
        pane, bridge = make_wall(qtbot, desk, actor)
        tile = pane.tiles()[0]
        assert tile.camera_id == "dead"
        qtbot.waitUntil(lambda: tile.state is StreamState.OFFLINE, timeout=12_000)
        since = tile.status.since.astimezone(desk.site.tz()).strftime("%H:%M:%S")
        assert tile.overlay_text() == f"Signal lost since {since}"
        assert "Signal lost since" in tile.accessibleDescription()
        qtbot.waitUntil(lambda: "signal lost" in pane.camera_list.item(0).text(), timeout=3000)
        shot = tile.grab().toImage()
        assert lit_share(shot) < 0.3  # a dark tile with words on it
        assert any(
            shot.pixelColor(x, shot.height() // 2).value() > 200 for x in range(shot.width())
        )
        pane.close()
        bridge.close()
    finally:
        desk.close()


def test_closing_the_wall_closes_every_view(qtbot, wall: CameraWall, desk: Desk) -> None:
    wall.set_layout(9, ["gate", "yard", "lobby", "lift", "gate"])
    for tile in wall.tiles()[:5]:
        wait_frames(qtbot, tile, 1)
    assert len(wall.views) == 5
    assert len(capture_threads()) == 5
    wall.close()
    assert len(wall.views) == 0
    qtbot.waitUntil(lambda: not capture_threads(), timeout=5000)
    assert all(t.view is None for t in wall.tiles())
    wall.show()  # shown again, it streams again
    qtbot.waitUntil(lambda: len(capture_threads()) == 5, timeout=5000)
    wall.shutdown()
    qtbot.waitUntil(lambda: not capture_threads(), timeout=5000)


def test_destroying_the_wall_closes_its_views(qtbot, desk: Desk, operator: Actor) -> None:
    import shiboken6

    bridge = BusBridge(desk.bus)
    pane = CameraWall(PaneContext(desk, operator, bridge))  # not qtbot's: deleted right here
    pane.show()
    qtbot.waitUntil(lambda: pane.loaded, timeout=5000)
    wait_frames(qtbot, pane.tiles()[0], 1)
    views = pane.views
    assert len(views) == 4
    shiboken6.delete(pane)
    assert len(views) == 0
    qtbot.waitUntil(lambda: not capture_threads(), timeout=5000)
    bridge.close()


def test_full_screen_and_back(qtbot, wall: CameraWall) -> None:
    activate(qtbot, wall)
    qtbot.keyClick(wall, Qt.Key.Key_F11)
    window = wall.full_screen_window
    assert window is not None
    qtbot.waitUntil(lambda: window.isFullScreen(), timeout=2000)
    tile = wall.tiles()[0]
    assert tile.window() is window
    wait_frames(qtbot, tile)
    activate(qtbot, window)
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Escape)
    assert wall.full_screen_window is None
    assert tile.window() is wall
    assert wall.full_screen_action.isChecked() is False


def test_window_menu_and_accessible_names(qtbot, desk: Desk, operator: Actor) -> None:
    window: MainWindow = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    pane = window.docks["wall"].widget()
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Cameras")
    keys = {a.shortcut().toString() for a in menu.actions() if not a.shortcut().isEmpty()}
    assert {"F5", "F6", "F7", "F8", "F11", "Ctrl+S", "Esc"} <= keys
    controls = (QAbstractButton, QComboBox, QAbstractItemView, QDockWidget, CameraTile)
    unnamed = [
        w.objectName()
        for kind in controls
        for w in pane.findChildren(kind)
        if w.isVisibleTo(pane) and not w.accessibleName()
    ]
    assert unnamed == []
    qtbot.waitUntil(lambda: pane.loaded, timeout=5000)
    assert pane.tiles()[0].accessibleName() == "Camera tile 1: 大门"
    window.close()
    qtbot.waitUntil(lambda: not capture_threads(), timeout=5000)


@pytest.mark.parametrize(("colour", "rgb"), [("red", (255, 0, 0)), ("blue", (0, 0, 255))])
def test_decoded_colours_reach_the_screen_unswapped(tmp_path: Path, colour: str, rgb) -> None:
    """The capture's pixel order and the tile's image format agree (no red/blue swap)."""
    import subprocess
    import threading as th

    from console.ui.camera_tile import frame_image
    from devices.cameras.capture import open_capture

    clip = tmp_path / f"{colour}.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"color={colour}:size=320x240:rate=25",
            "-t",
            "1",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            str(clip),
        ],
        check=True,
    )
    ready = th.Event()
    worker = open_capture(
        str(clip), name=colour, size=(160, 120), on_frame=ready.set, on_status=lambda s: None
    )
    worker.start()
    try:
        assert ready.wait(5)
        frame = worker.take()
    finally:
        worker.stop()
    pixel = frame_image(frame).pixelColor(80, 60)
    got = (pixel.red(), pixel.green(), pixel.blue())
    assert all(abs(a - b) < 24 for a, b in zip(got, rgb, strict=True)), got


def test_camera_open_enlarges_without_the_alarm_frame(qtbot, wall: CameraWall, desk: Desk) -> None:
    """What a click on a camera of the site plan asks for ("camera.open")."""
    wall.set_layout(4, ["gate", "yard", None, None])
    yard = tile_of(wall, "yard")
    desk.bus.publish("camera.open", camera_id="yard")
    assert enlarged_of(wall) is yard
    assert profile_of(yard) == "main"
    assert yard.alarm_zone is None  # no red frame, no banner: it is not an alarm
    assert wall.alarm_shown is None
    assert not wall.banner.isVisible()
    wait_frames(qtbot, yard)
    shot = yard.grab().toImage()
    assert shot.pixelColor(4, shot.height() // 2) != ALARM_RED
    wall.restore()
    assert enlarged_of(wall) is None

    # A camera not on the wall borrows a free tile until the wall is restored.
    desk.bus.publish("camera.open", camera_id="lobby")
    lobby = tile_of(wall, "lobby")
    assert enlarged_of(wall) is lobby
    assert wall.own_cameras() == ["gate", "yard", None, None]
    activate(qtbot, wall)
    lobby.setFocus()
    qtbot.keyClick(lobby, Qt.Key.Key_Escape)
    assert enlarged_of(wall) is None
    assert [t.camera_id for t in wall.tiles()] == ["gate", "yard", None, None]

    # An alarm view keeps the screen; the wall says why the camera is not shown.
    desk.bus.publish("camera.show", camera_id="yard", zone_name="花园周界", alarm_id=3)
    desk.bus.publish("camera.open", camera_id="gate")
    assert enlarged_of(wall) is yard
    assert [a.camera_id for a in wall.alarms] == ["yard"]
    assert "dismiss the alarm view" in wall.message.text()
    desk.bus.publish("camera.open", camera_id="nowhere")  # unknown: ignored
    assert enlarged_of(wall) is yard
