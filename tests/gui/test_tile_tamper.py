"""The tamper badge on the camera wall (simulated cameras, offscreen): core's "camera.tamper"
puts "⚠ Camera covered" (blurred, turned away) over the tile's picture and in its accessible
description, "ok" takes it away, a camera put on a tile starts with core's state, and a camera
that is not analysed shows none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from console.core.auth import Actor
from console.core.desk import Desk
from console.ui.camera_tile import TAMPER_AMBER, CameraTile
from console.ui.camera_wall import CameraWall
from devices.cameras.analytics import TamperState
from tests.gui.test_camera_wall import CAMERAS, make_wall, tile_of, wait_frames, write_site

pytestmark = pytest.mark.filterwarnings("error")

States = dict[str, TamperState]


@pytest.fixture
def demo_site(tmp_path: Path) -> Path:
    """Replaces the shared fixture: gate, yard, lobby and lift on simulated streams."""
    return write_site(tmp_path / "tamper-site.toml", CAMERAS)


@pytest.fixture
def states(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> States:
    """Core's tamper states: these tests do not run the analysis, so the desk answers from
    this dict (a camera missing from it is not analysed) and the tests publish its changes."""
    known: States = {"gate": TamperState.OK, "yard": TamperState.OK, "lift": TamperState.OK}
    monkeypatch.setattr(desk.analytics, "tamper_state", known.get)
    return known


@pytest.fixture
def wall(qtbot, desk: Desk, operator: Actor, states: States) -> Iterator[CameraWall]:
    pane, bridge = make_wall(qtbot, desk, operator)
    yield pane
    pane.close()
    bridge.close()


def publish(desk: Desk, states: States, camera_id: str, state: str) -> None:
    """What core does when a camera's tamper state changes (AnalyticsService._set_tamper)."""
    states[camera_id] = TamperState(state)
    desk.bus.publish("camera.tamper", camera_id=camera_id, state=state)


# Read through functions: mypy would keep an attribute narrowed across the events that change it.
def badge(tile: CameraTile) -> str:
    return tile.badge_text()


def badge_area(tile: CameraTile) -> QRectF | None:
    """Where the tile last painted its badge (None: no badge)."""
    return tile.badge_rect


def amber_share(image: QImage, rect: QRectF) -> float:
    """The share of sampled pixels in `rect` that are the badge's amber."""
    box = rect.toAlignedRect()
    points = [
        (box.left() + box.width() * i // 10, box.top() + box.height() * j // 10)
        for i in range(1, 10)
        for j in range(1, 10)
    ]

    def amber(x: int, y: int) -> bool:
        c, want = image.pixelColor(x, y), TAMPER_AMBER
        return (
            abs(c.red() - want.red()) < 30
            and abs(c.green() - want.green()) < 30
            and abs(c.blue() - want.blue()) < 30
        )

    return sum(1 for x, y in points if amber(x, y)) / len(points)


def dark_pixels(image: QImage, rect: QRectF) -> int:
    """Pixels inside `rect` (its border left out) dark enough to be the badge's words."""
    box = rect.toAlignedRect().adjusted(2, 2, -2, -2)
    return sum(
        1
        for x in range(box.left(), box.right())
        for y in range(box.top(), box.bottom())
        if image.pixelColor(x, y).value() < 60
    )


# ---------------------------------------------------------------------------------------------


def test_camera_tamper_puts_a_badge_on_the_tile_until_ok(
    qtbot, wall: CameraWall, desk: Desk, states: States, artifacts: Path
) -> None:
    gate, yard = tile_of(wall, "gate"), tile_of(wall, "yard")
    wait_frames(qtbot, gate)
    assert badge(gate) == ""
    assert "⚠" not in gate.accessibleDescription()
    before = gate.grab().toImage()
    assert badge_area(gate) is None

    publish(desk, states, "gate", "covered")
    qtbot.waitUntil(lambda: badge(gate) == "⚠ Camera covered", timeout=2000)
    assert "⚠ Camera covered" in gate.accessibleDescription()
    assert "live" in gate.accessibleDescription()  # the stream's state is still said
    assert badge(yard) == ""  # only the camera it is about
    assert "⚠" not in yard.accessibleDescription()
    shot = gate.grab().toImage()
    area = badge_area(gate)
    assert area is not None
    picture = gate.picture_rect()
    assert picture.contains(area)  # over the picture, at its top left
    assert area.top() < picture.center().y()
    assert area.left() < picture.center().x()
    assert area.width() > 40
    assert amber_share(shot, area) > 0.5
    assert amber_share(before, area) < 0.1  # the same place without the badge
    assert dark_pixels(shot, area) > 20  # words on it, not a patch of colour alone
    assert shot.save(str(artifacts / "tile-tamper.png"))

    publish(desk, states, "gate", "defocused")
    qtbot.waitUntil(lambda: badge(gate) == "⚠ Picture blurred", timeout=2000)
    assert "⚠ Picture blurred" in gate.accessibleDescription()
    publish(desk, states, "gate", "turned")
    qtbot.waitUntil(lambda: badge(gate) == "⚠ Camera turned away", timeout=2000)
    assert "⚠ Camera turned away" in gate.accessibleDescription()
    assert amber_share(gate.grab().toImage(), area) > 0.5

    publish(desk, states, "gate", "ok")
    qtbot.waitUntil(lambda: badge(gate) == "", timeout=2000)
    assert "⚠" not in gate.accessibleDescription()
    after = gate.grab().toImage()
    assert badge_area(gate) is None
    assert amber_share(after, area) < 0.1


def test_a_camera_put_on_a_tile_starts_with_cores_state(
    qtbot, wall: CameraWall, desk: Desk, states: States
) -> None:
    states["yard"] = TamperState.TURNED  # changed before the wall took the camera
    wall.set_layout(9, ["gate", None, "lobby", "lift"])
    empty = wall.tiles()[1]
    assert badge(empty) == ""
    wall.assign(1, "yard")
    assert badge(empty) == "⚠ Camera turned away"
    assert "⚠ Camera turned away" in empty.accessibleDescription()
    wait_frames(qtbot, empty, 1)
    assert amber_share(empty.grab().toImage(), badge_area(empty)) > 0.5

    # Another camera on the tile: its own state, the badge goes.
    wall.assign(1, "gate")
    assert badge(empty) == ""
    empty.grab()
    assert badge_area(empty) is None
    wall.assign(1, None)
    assert badge(empty) == ""

    # Every tile showing the camera follows it, the enlarged one over the alarm band too.
    wall.assign(5, "lift")
    publish(desk, states, "lift", "covered")
    lifts = [t for t in wall.tiles() if t.camera_id == "lift"]
    assert len(lifts) == 2
    qtbot.waitUntil(lambda: all(badge(t) == "⚠ Camera covered" for t in lifts), timeout=2000)
    desk.bus.publish("camera.show", camera_id="lift", zone_name="电梯轿厢", alarm_id=4)
    qtbot.waitUntil(lambda: wall.enlarged is not None, timeout=2000)
    big = wall.enlarged
    assert big is not None
    assert badge(big) == "⚠ Camera covered"
    wait_frames(qtbot, big, 1)
    shot = big.grab().toImage()
    area = badge_area(big)
    assert area is not None
    assert area.top() > big._alarm_band  # under the red band, not hidden by it
    assert amber_share(shot, area) > 0.5
    wall.dismiss_alarm()


def test_a_camera_not_analysed_shows_no_badge(
    qtbot, wall: CameraWall, desk: Desk, states: States, caplog
) -> None:
    lobby = tile_of(wall, "lobby")
    assert "lobby" not in states
    wait_frames(qtbot, lobby)
    assert lobby.tamper is None
    assert badge(lobby) == ""
    assert "⚠" not in lobby.accessibleDescription()
    lobby.grab()
    assert badge_area(lobby) is None
    # A state core does not have is not guessed at.
    desk.bus.publish("camera.tamper", camera_id="lobby", state="melted")
    assert lobby.tamper is None
    assert "unknown tamper state 'melted'" in caplog.text
