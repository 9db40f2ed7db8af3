"""The alarm detail shows the picture of a video-analysis event (offscreen): the latest event
snapshot of the selected alarm, read off the GUI thread; nothing for an alarm without one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter

from console.core.auth import Actor
from console.core.desk import Desk
from console.ui.alarm_pane import AlarmPane
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext
from devices.alarms.base import DeviceEvent, EventType

GREEN = QColor("#00c853")
MAGENTA = QColor("#d500f9")


@pytest.fixture
def bridge(desk: Desk) -> Iterator[BusBridge]:
    made = BusBridge(desk.bus)
    yield made
    made.close()


def write_snapshot(desk: Desk, name: str, colour: QColor) -> str:
    """A 320x180 picture of one colour with a white square in its middle (the region)."""
    relative = f"b3-facade/2026-05-04/{name}.png"
    path: Path = desk.cameras.snapshots_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(colour)
    painter = QPainter(image)
    painter.fillRect(140, 70, 40, 40, QColor("#ffffff"))
    painter.end()
    assert image.save(str(path))
    return relative


def thrown(desk: Desk, snapshot: str | None, kind: EventType = EventType.ALARM) -> int:
    event = DeviceEvent(
        "video", kind, "video:b3-facade", code="thrown", text="高空抛物", snapshot=snapshot
    )
    alarm_id = desk.alarms.ingest(event).alarm_id
    assert alarm_id is not None
    return alarm_id


def make_pane(qtbot, desk: Desk, actor: Actor, bridge: BusBridge) -> AlarmPane:
    pane = AlarmPane(PaneContext(desk, actor, bridge))
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def shown_colour(pane: AlarmPane, fx: float, fy: float) -> QColor:
    """The colour on screen at (fx, fy), fractions of the snapshot as drawn."""
    view = pane.detail.snapshot
    rect = view.picture_rect()
    image = view.grab().toImage()
    ratio = image.devicePixelRatio()
    x = (rect.x() + fx * rect.width()) * ratio
    y = (rect.y() + fy * rect.height()) * ratio
    return image.pixelColor(QPoint(round(x), round(y)))


def test_an_alarm_with_a_snapshot_shows_it(
    qtbot, desk: Desk, operator: Actor, bridge: BusBridge
) -> None:
    plain = desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, "sim:8")).alarm_id
    first = write_snapshot(desk, "120000-thrown", GREEN)
    alarm_id = thrown(desk, first)
    pane = make_pane(qtbot, desk, operator, bridge)
    view = pane.detail.snapshot
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2)

    assert pane.select_alarm(plain)
    qtbot.waitUntil(lambda: pane.detail.detail is not None and pane.detail.detail.alarm.id == plain)
    assert view.isHidden()
    assert view.caption.isHidden()

    with qtbot.waitSignal(view.loaded, timeout=3000):
        assert pane.select_alarm(alarm_id)
    assert view.isVisible()
    assert view.accessibleName() == "Snapshot of the event"
    assert view.accessibleDescription().startswith("Snapshot of the event, 20")
    assert view.caption.text() == view.accessibleDescription()
    rect = view.picture_rect()
    assert rect.width() / rect.height() == pytest.approx(16 / 9, abs=0.02)  # aspect kept
    assert shown_colour(pane, 0.15, 0.2) == GREEN
    assert shown_colour(pane, 0.5, 0.5) == QColor("#ffffff")  # the region drawn in

    # The alarm again with a new picture: the latest one is shown.
    later = write_snapshot(desk, "120500-thrown", MAGENTA)
    assert thrown(desk, later) == alarm_id
    qtbot.waitUntil(lambda: view.wanted == later)
    qtbot.waitUntil(lambda: shown_colour(pane, 0.15, 0.2) == MAGENTA)

    assert pane.select_alarm(plain)
    qtbot.waitUntil(lambda: view.isHidden())
    assert view.caption.isHidden()
