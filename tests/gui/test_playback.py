"""The playback pane and the instant replay dialog on real H.264 segments (offscreen).

Segments are made with PyAV/libx264 under the site's recordings folder and indexed through
the real RecordingService; the player is Qt's own QMediaPlayer (FFmpeg backend).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import av
import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QMessageBox, QWidget

from console.core.desk import Desk
from console.paths import DEMO_SITE
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext, registered
from console.ui.playback_pane import PlaybackPane, ReplayDialog, TimelineWidget, open_instant_replay
from devices.cameras.base import Gap
from schema.types import utcnow
from tests import footage

# Offscreen there is no GPU: the first video frame a QVideoWidget paints makes Qt say, once
# per process, that it converts frames on the CPU. That one message is expected here.
pytestmark = pytest.mark.qt_log_ignore(r"No RHI backend\. Using CPU conversion", extend=True)

CAMERA = "yard"
CAMERA_NAME = "后院"
LOADED = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)


@pytest.fixture
def demo_site(tmp_path: Path) -> Path:
    """The demo site plus a recorded camera of our own."""
    text = DEMO_SITE.read_text(encoding="utf-8")
    text += (
        f'\n[[cameras]]\nid = "{CAMERA}"\nname = "{CAMERA_NAME}"\n'
        f'main = "sim:{CAMERA}"\nrecord = true\n'
    )
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def index_segment(desk: Desk, start: datetime, seconds: int, shade: int = 0) -> Path:
    return footage.index_segment(desk, CAMERA, start, seconds, shade)


def local(day: date, hh: int, mm: int, ss: int, desk: Desk) -> datetime:
    return datetime.combine(day, time(hh, mm, ss), tzinfo=desk.site.tz()).astimezone(UTC)


class Day:
    """Yesterday, site-local: recording 10:00:00-10:00:10 and 10:00:20-10:00:30, and the
    recorder's report of the gap between (offline)."""

    def __init__(self, desk: Desk) -> None:
        self.day = (datetime.now(desk.site.tz()) - timedelta(days=1)).date()
        self.start = datetime.combine(self.day, time(0), tzinfo=desk.site.tz()).astimezone(UTC)
        self.end = self.start + timedelta(days=1)
        self.s1, self.e1 = local(self.day, 10, 0, 0, desk), local(self.day, 10, 0, 10, desk)
        self.s2, self.e2 = local(self.day, 10, 0, 20, desk), local(self.day, 10, 0, 30, desk)
        self.first = index_segment(desk, self.s1, 10, shade=0)
        self.second = index_segment(desk, self.s2, 10, shade=128)
        desk.recordings._store_gap(Gap(CAMERA, self.e1, self.s2, "offline"))


@pytest.fixture
def day(desk: Desk) -> Day:
    return Day(desk)


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


def show_day(qtbot, pane: PlaybackPane, day: Day) -> None:
    pane.camera.setCurrentIndex(pane.camera.findData(CAMERA))
    pane.day.setDate(QDate(day.day.year, day.day.month, day.day.day))
    qtbot.waitUntil(
        lambda: (
            pane.index is not None
            and pane.index.camera_id == CAMERA
            and pane.index.day == day.day
            and pane.summary.text() != "Loading…"
        )
    )


def wait_loaded(qtbot, pane: PlaybackPane, path: Path) -> None:
    player = pane.player
    qtbot.waitUntil(
        lambda: (
            player.source() == QUrl.fromLocalFile(str(path))
            and player.mediaStatus() in LOADED
            and pane.settled
        ),
        timeout=10000,
    )


def click_at(qtbot, timeline: TimelineWidget, when: datetime) -> datetime:
    """Click the timeline where `when` is drawn; returns the time the click chose."""
    x = round(timeline.x_of(when))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, timeline.BAR_TOP + 10))
    assert timeline.cursor_at is not None
    return timeline.cursor_at


def test_timeline_shows_segments_and_the_gap(qtbot, pane: PlaybackPane, day: Day) -> None:
    show_day(qtbot, pane, day)
    timeline = pane.timeline
    assert timeline.recorded == [(day.s1, day.e1), (day.s2, day.e2)]
    assert timeline.missing == [(day.start, day.s1), (day.e1, day.s2), (day.e2, day.end)]
    assert [(g.start, g.end, g.reason) for g in timeline.gaps] == [(day.e1, day.s2, "offline")]
    description = timeline.accessibleDescription()
    assert timeline.accessibleName() == "Recording timeline"
    assert "Recorded: 10:00:00–10:00:10, 10:00:20–10:00:30." in description
    assert "10:00:10–10:00:20 (offline)" in description
    gap_middle = day.e1 + timedelta(seconds=5)
    assert timeline.text_at(gap_middle) == (
        "10:00:15 · no recording from 10:00:10 to 10:00:20 (recorder: offline)"
    )
    assert timeline.text_at(day.s2 + timedelta(seconds=3)) == "10:00:23 · recorded"
    assert pane.summary.text() == "00:00:20 recorded, 3 stretches without recording"

    # Drawn: zoomed in to five minutes, the second segment is a filled bar, the gap hatched.
    timeline.set_cursor(gap_middle)
    timeline.set_zoom(len(TimelineWidget.ZOOMS_S) - 1)
    image = timeline.grab().toImage()
    y = TimelineWidget.BAR_TOP + TimelineWidget.BAR_HEIGHT // 2
    seg_x = round(timeline.x_of(day.s2 + timedelta(seconds=5)))
    assert image.pixelColor(seg_x, y) == TimelineWidget.RECORDED_COLOUR
    gap_colours = {
        image.pixelColor(x, y).name() for x in range(round(timeline.x_of(day.e1)) + 2, seg_x - 30)
    }
    assert TimelineWidget.RECORDED_COLOUR.name() not in gap_colours
    assert {QColor("#fdecea").name(), TimelineWidget.MISSING_COLOUR.name()} <= gap_colours

    # Keys move the cursor: Ctrl+Right to the next recording edge, Left a minute back.
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert timeline.cursor_at == day.s2
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert timeline.cursor_at == day.s2 - timedelta(minutes=1)
    qtbot.keyClick(timeline, Qt.Key.Key_PageDown)
    assert timeline.cursor_at == day.s2 + timedelta(minutes=59)
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert timeline.cursor_at == day.s1
    assert "Cursor at 10:00:00 · recorded." in timeline.accessibleDescription()


def test_choosing_a_time_plays_the_segment_at_the_offset(
    qtbot, pane: PlaybackPane, day: Day
) -> None:
    show_day(qtbot, pane, day)
    timeline = pane.timeline
    timeline.set_cursor(day.s2)
    timeline.set_zoom(len(TimelineWidget.ZOOMS_S) - 1)
    chosen = click_at(qtbot, timeline, day.s2 + timedelta(seconds=4))
    offset_ms = (chosen - day.s2).total_seconds() * 1000
    assert 3000 <= offset_ms <= 5000
    wait_loaded(qtbot, pane, day.second)
    assert abs(pane.player.position() - offset_ms) < 300
    assert pane.time_label.text() == f"{chosen.astimezone(pane.tz):%Y-%m-%d %H:%M:%S}"
    assert pane.notice.text() == ""

    # A click into the gap says so and shows no picture from another time.
    click_at(qtbot, timeline, day.e1 + timedelta(seconds=5))
    assert pane.notice.text() == ("⚠ No recording from 10:00:10 to 10:00:20 (recorder: offline)")
    assert pane.player.source() == QUrl()

    # Playing from near the end of the first segment runs on into the second, skipping the gap.
    pane.seek(day.e1 - timedelta(seconds=2))
    wait_loaded(qtbot, pane, day.first)
    pane.speed.setCurrentIndex(pane.speed.findData(4.0))
    assert pane.player.playbackRate() == 4.0
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_Space)
    assert pane.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    assert pane.play_button.text() == "Pause"
    qtbot.waitUntil(
        lambda: pane.player.source() == QUrl.fromLocalFile(str(day.second)), timeout=10000
    )
    assert pane.notice.text() == "⚠ No recording from 10:00:10 to 10:00:20 (recorder: offline)"
    qtbot.waitUntil(
        lambda: pane.timeline.cursor_at is not None and pane.timeline.cursor_at > day.s2
    )
    qtbot.keyClick(pane, Qt.Key.Key_Space)
    assert pane.player.playbackState() == QMediaPlayer.PlaybackState.PausedState


def test_export_marked_clip_shows_hash_size_and_missing(
    qtbot, pane: PlaybackPane, day: Day, tmp_path: Path
) -> None:
    show_day(qtbot, pane, day)
    assert not pane.export_button.isEnabled()
    pane.seek(day.s1 + timedelta(seconds=2))
    qtbot.keyClick(pane.timeline, Qt.Key.Key_I)
    pane.seek(day.s2 + timedelta(seconds=5))
    qtbot.keyClick(pane.timeline, Qt.Key.Key_O)
    assert (pane.timeline.mark_in, pane.timeline.mark_out) == (
        day.s1 + timedelta(seconds=2),
        day.s2 + timedelta(seconds=5),
    )
    assert pane.range_label.text() == "Clip 10:00:02 – 10:00:25 (00:00:23)"
    out = tmp_path / "out" / "clip.mp4"
    out.parent.mkdir()
    asked: list[Path] = []

    def choose(suggested: Path) -> Path:
        asked.append(suggested)
        return out

    pane.choose_export_path = choose
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert asked[0].name.startswith(f"{CAMERA}-{day.day:%Y%m%d}-100002-100025")
    qtbot.waitUntil(lambda: pane.last_export is not None, timeout=20000)
    result = pane.last_export
    assert result.path == out
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.sha256 == digest
    text = pane.export_result.text()
    assert f"SHA-256: {digest}" in text
    assert f"({out.stat().st_size:,} bytes)" in text
    assert 10 <= result.duration_s <= 20  # two 10-second segments, the gap closed up
    assert pane.export_warning.isVisibleTo(pane)
    assert "10:00:10–10:00:20" in pane.export_warning.text()
    assert pane.export_warning.text().startswith("⚠ Part of this clip has no recording")
    with av.open(str(out)) as clip:
        assert clip.streams.video[0].codec_context.name == "h264"
    audit = pane.ctx.desk.recent_audit(pane.ctx.desk.login("chief", "admin-pass-1"))
    assert any(r.action == "recording.export" and digest in r.payload for r in audit)


def test_export_of_a_stretch_without_footage_says_so(
    qtbot, pane: PlaybackPane, day: Day, tmp_path: Path
) -> None:
    show_day(qtbot, pane, day)
    pane.seek(local(day.day, 8, 0, 0, pane.ctx.desk))
    pane.mark_in()
    pane.seek(local(day.day, 8, 5, 0, pane.ctx.desk))
    pane.mark_out()
    pane.choose_export_path = lambda _suggested: tmp_path / "nothing.mp4"
    pane.export_clip()
    qtbot.waitUntil(lambda: "Export failed" in pane.export_result.text())
    assert CAMERA_NAME in pane.export_result.text()
    assert "no recording for that time" in pane.export_result.text()
    assert pane.last_export is None
    assert not (tmp_path / "nothing.mp4").exists()
    assert pane.export_button.isEnabled()


def test_new_segment_for_the_shown_day_redraws(qtbot, pane: PlaybackPane, day: Day) -> None:
    show_day(qtbot, pane, day)
    third = local(day.day, 10, 0, 40, pane.ctx.desk)
    index_segment(pane.ctx.desk, third, 5)
    qtbot.waitUntil(lambda: len(pane.timeline.recorded) == 3)
    assert pane.timeline.recorded[-1] == (third, third + timedelta(seconds=5))


def test_show_camera_opens_the_footage_at_a_time(qtbot, pane: PlaybackPane, day: Day) -> None:
    """What another pane (an alarm's "play back") calls."""
    pane.show_camera(CAMERA, day.s2 + timedelta(seconds=3))
    assert pane.camera_id == CAMERA
    assert pane.chosen_day == day.day
    wait_loaded(qtbot, pane, day.second)
    assert abs(pane.player.position() - 3000) < 300
    assert pane.timeline.cursor_at == day.s2 + timedelta(seconds=3)


def test_controls_are_named_and_the_pane_is_registered(qtbot, pane: PlaybackPane) -> None:
    unnamed = [
        w.objectName() or type(w).__name__
        for w in pane.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QComboBox | QDateEdit | TimelineWidget)
        and w.isVisibleTo(pane)
        and not w.accessibleName()
    ]
    assert unnamed == []
    assert [pane.camera.itemData(i) for i in range(pane.camera.count())] == [
        "east-gate",
        "garage-b1",
        "perimeter-north",
        CAMERA,
    ]
    spec = {s.key: s for s in registered()}["playback"]
    assert (spec.title(), spec.shortcut, spec.menu_title and spec.menu_title()) == (
        "Playback",
        "Ctrl+5",
        "&Playback",
    )
    assert [a.text() for a in pane.menu_actions()][:3] == ["&Play/pause", "Mark &in", "Mark &out"]


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def replay_files(camera_id: str) -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob(f"replay-{camera_id}-*.mp4"))


def test_instant_replay_plays_and_deletes_its_file(
    qtbot, parent: QWidget, ctx: PaneContext, tmp_path: Path
) -> None:
    now = utcnow().replace(microsecond=0)
    index_segment(ctx.desk, now - timedelta(seconds=25), 20)
    open_instant_replay(parent, ctx, CAMERA)
    qtbot.waitUntil(lambda: bool(parent.findChildren(ReplayDialog)), timeout=20000)
    dialog = parent.findChildren(ReplayDialog)[0]
    path = dialog.path
    assert dialog.windowTitle() == f"Instant replay – {CAMERA_NAME}"
    assert not dialog.isModal()
    assert path.is_file()
    qtbot.waitUntil(lambda: dialog.player.duration() > 0, timeout=10000)
    assert dialog.player.source() == QUrl.fromLocalFile(str(path))
    assert 15_000 <= dialog.player.duration() <= 25_000
    qtbot.waitUntil(lambda: dialog.player.position() > 0, timeout=10000)
    assert dialog.slider.maximum() == dialog.player.duration()

    saved = tmp_path / "replay-copy.mp4"
    dialog.choose_save_path = lambda _suggested: saved
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_path == saved)
    assert saved.read_bytes() == path.read_bytes()
    assert str(saved) in dialog.status.text()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not path.exists()
    assert saved.exists()


@pytest.mark.parametrize(
    ("camera_id", "name", "words"),
    [
        ("b1-lobby", "1号楼大堂", "is not recorded"),
        (CAMERA, CAMERA_NAME, "has no recording of the last 30 seconds"),
    ],
)
def test_instant_replay_without_footage_names_the_camera(
    qtbot, parent: QWidget, ctx: PaneContext, camera_id: str, name: str, words: str
) -> None:
    before = replay_files(camera_id)
    open_instant_replay(parent, ctx, camera_id)
    qtbot.waitUntil(lambda: bool(parent.findChildren(QMessageBox)))
    box = parent.findChildren(QMessageBox)[0]
    assert box.objectName() == "replay-error"
    assert name in box.text()
    assert words in box.text()
    assert not parent.findChildren(ReplayDialog)
    assert replay_files(camera_id) == before  # no temporary file left behind
    box.close()
