"""Playback of a camera with privacy masks on a site that keeps the original picture
(offscreen): the pane paints the masks, opaque black on the picture (letterboxed), follows
masks moved while paused, and goes back to Qt's own video widget when the masks are gone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaPlayer

from console.core.desk import Desk
from console.paths import DEMO_SITE
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext
from console.ui.playback_pane import MaskedVideo, PlaybackPane
from devices.cameras.base import Segment
from devices.cameras.masks import polygon
from schema.types import utcnow
from tests.demo import copy_demo_site

pytestmark = pytest.mark.qt_log_ignore(r"No RHI backend\. Using CPU conversion", extend=True)

CAMERA = "yard"
WIDTH, HEIGHT = 320, 240  # 4:3 in a wider pane: bars left and right
COLOUR = (240, 200, 40)  # the whole picture: a bright yellow
LEFT = polygon([(0.0, 0.0), (0.5, 0.0), (0.5, 1.0), (0.0, 1.0)])
RIGHT = polygon([(0.5, 0.0), (1.0, 0.0), (1.0, 1.0), (0.5, 1.0)])
LOADED = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)


@pytest.fixture
def demo_site(tmp_path: Path) -> Path:
    """The demo site keeping the original picture in its recordings, plus a recorded camera."""
    text = DEMO_SITE.read_text(encoding="utf-8")
    text += (
        f'\n[[cameras]]\nid = "{CAMERA}"\nname = "后院"\nmain = "sim:{CAMERA}"\nrecord = true\n'
        "\n[storage]\nkeep_original = true\n"
    )
    return copy_demo_site(tmp_path, text)


@pytest.fixture
def ctx(desk: Desk, operator) -> Iterator[PaneContext]:
    bridge = BusBridge(desk.bus)
    yield PaneContext(desk, operator, bridge)
    bridge.close()


@pytest.fixture
def pane(qtbot, ctx: PaneContext) -> PlaybackPane:
    pane = PlaybackPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def record(desk: Desk, seconds: int = 4, fps: int = 10) -> Segment:
    """An original (unmasked) recording of the camera an hour ago: a bright picture."""
    start = (utcnow() - timedelta(hours=1)).replace(microsecond=0)
    path = desk.recordings.root / CAMERA / f"{start:%Y-%m-%d}" / f"{start:%H%M%S}.mp4"
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.options = {"g": str(fps), "preset": "ultrafast"}
        image = np.full((HEIGHT, WIDTH, 3), COLOUR, np.uint8)
        for _ in range(seconds * fps):
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    segment = Segment(CAMERA, start, start + timedelta(seconds=seconds), path, path.stat().st_size)
    desk.recordings._store_segment(segment)
    return segment


def plain(pane: PlaybackPane) -> Any:
    """Qt's own video widget (which nothing can be painted over), None until made."""
    return pane.video_widget


def black(colour: QColor) -> bool:
    return max(colour.red(), colour.green(), colour.blue()) < 30


def lit(colour: QColor) -> bool:
    return colour.red() > 180 and colour.green() > 150 and colour.blue() < 110


def at(image: QImage, video: MaskedVideo, fx: float, fy: float) -> QColor:
    """The colour shown at a point of the picture (fractions of its width and height)."""
    rect = video.picture_rect(WIDTH, HEIGHT)
    ratio = image.devicePixelRatio()
    x, y = rect.x() + fx * rect.width(), rect.y() + fy * rect.height()
    return image.pixelColor(round(x * ratio), round(y * ratio))


def test_playback_paints_the_masks_over_the_original_picture(
    qtbot, pane: PlaybackPane, artifacts: Path
) -> None:
    desk = pane.ctx.desk
    assert desk.site.storage.keep_original
    segment = record(desk)
    masker = desk.cameras.masker(CAMERA)
    masker.set([LEFT])
    pane.show_camera(CAMERA, segment.start + timedelta(seconds=1))
    qtbot.waitUntil(
        lambda: (
            pane.player.source() == QUrl.fromLocalFile(str(segment.path))
            and pane.player.mediaStatus() in LOADED
            and pane.settled
        ),
        timeout=10000,
    )
    video = pane.masked_video
    assert video is not None
    assert video.isVisible()
    assert plain(pane) is None
    assert video.accessibleName() == "Recorded video"
    assert video.accessibleDescription() == "Privacy masks are blacked out."

    def shown() -> QImage:
        return video.grab().toImage()

    # The paused picture at the cursor: left half of the picture black, right half as it is.
    qtbot.waitUntil(lambda: lit(at(shown(), video, 0.75, 0.5)), timeout=10000)
    image = shown()
    pane.grab().save(str(artifacts / "playback-masked.png"))
    rect = video.picture_rect(WIDTH, HEIGHT)
    assert rect.left() > 50  # pillarboxed: the picture keeps its 4:3
    assert rect.height() == pytest.approx(video.height(), abs=1)
    for fx in (0.02, 0.25, 0.49):
        for fy in (0.02, 0.5, 0.98):
            assert black(at(image, video, fx, fy)), (fx, fy)
            assert lit(at(image, video, 1 - fx, fy)), (1 - fx, fy)
    assert black(image.pixelColor(10, image.height() // 2))  # the bar beside the picture

    # Playing: every frame painted is masked too.
    pane.toggle_play()
    qtbot.waitUntil(
        lambda: (
            pane.timeline.cursor_at is not None
            and pane.timeline.cursor_at >= segment.start + timedelta(seconds=2)
        ),
        timeout=10000,
    )
    image = shown()
    assert black(at(image, video, 0.25, 0.5))
    assert lit(at(image, video, 0.75, 0.5))
    pane.toggle_play()

    # The admin moves the mask while the picture is paused: it follows.
    masker.set([RIGHT])
    qtbot.waitUntil(lambda: black(at(shown(), video, 0.75, 0.5)), timeout=3000)
    image = shown()
    assert lit(at(image, video, 0.25, 0.5))

    # No masks left: Qt's own video widget shows the picture again.
    masker.set([])
    qtbot.waitUntil(lambda: plain(pane) is not None and plain(pane).isVisible())
    assert not video.isVisible()
    assert plain(pane).accessibleName() == "Recorded video"

    # A mask drawn while paused on the plain widget: the masked picture is shown at once.
    masker.set([LEFT])
    qtbot.waitUntil(lambda: video.isVisible() and not plain(pane).isVisible())
    qtbot.waitUntil(lambda: lit(at(shown(), video, 0.75, 0.5)), timeout=3000)
    assert black(at(shown(), video, 0.25, 0.5))
