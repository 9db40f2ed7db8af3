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

from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.core.loans import BorrowerKind, LoanForm, LoanMode, RangeForm
from console.core.visits import IdType, resident_id_check
from console.paths import DEMO_SITE
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext, registered
from console.ui.playback_pane import PlaybackPane, ReplayDialog, TimelineWidget, open_instant_replay
from devices.cameras.base import Gap
from schema.types import utcnow
from tests import footage
from tests.conftest import ADMIN_PASSWORD
from tests.demo import copy_demo_site

# Offscreen there is no GPU: the first video frame a QVideoWidget paints makes Qt say, once
# per process, that it converts frames on the CPU. That one message is expected here.
pytestmark = pytest.mark.qt_log_ignore(r"No RHI backend\. Using CPU conversion", extend=True)

CAMERA = "yard"
CAMERA_NAME = "后院"
MANAGER_PASSWORD = "manager-pass-9"
RESIDENT_ID = "110105199003071234"[:17] + resident_id_check("110105199003071234"[:17])
LOADED = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)


@pytest.fixture
def demo_site(tmp_path: Path) -> Path:
    """The demo site plus a recorded camera of our own."""
    text = DEMO_SITE.read_text(encoding="utf-8")
    text += (
        f'\n[[cameras]]\nid = "{CAMERA}"\nname = "{CAMERA_NAME}"\n'
        f'main = "sim:{CAMERA}"\nrecord = true\n'
    )
    return copy_demo_site(tmp_path, text)


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
        "b3-facade",
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
    qtbot.waitUntil(lambda: dialog.player.position() > 1500, timeout=10000)

    saved = tmp_path / "replay-copy.mp4"
    dialog.choose_save_path = lambda _suggested: saved
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_path == saved)
    assert saved.read_bytes() == path.read_bytes()
    assert str(saved) in dialog.status.text()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not path.exists()
    assert saved.exists()

    # What was replayed is recorded as a viewing of the footage it shows: [now-25 s, now-5 s]
    loans = ctx.desk.loans
    qtbot.waitUntil(lambda: len(loans.viewings()) == 1)
    (view,) = loans.viewings()
    assert (view.camera_id, view.viewer, view.context, view.loan_id) == (
        CAMERA,
        "li",
        "replay",
        None,
    )
    slack = timedelta(milliseconds=500)
    assert now - timedelta(seconds=25) - slack <= view.start
    assert view.end <= now - timedelta(seconds=5) + slack
    assert view.end - view.start >= timedelta(seconds=1)


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


# -- viewing footage is itself recorded (rule 3.4.3) ---------------------------------------------


def play_until(qtbot, pane: PlaybackPane, until: datetime) -> None:
    """Play from where the pane is until the footage shown reaches `until`, then pause."""
    pane.toggle_play()
    assert pane.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    qtbot.waitUntil(
        lambda: pane.timeline.cursor_at is not None and pane.timeline.cursor_at >= until,
        timeout=10000,
    )


def test_playing_then_pausing_records_what_was_watched(qtbot, pane: PlaybackPane, day: Day) -> None:
    loans = pane.ctx.desk.loans
    show_day(qtbot, pane, day)
    pane.seek(day.s1 + timedelta(seconds=1))
    wait_loaded(qtbot, pane, day.first)
    play_until(qtbot, pane, day.s1 + timedelta(seconds=3))
    assert loans.viewings() == []  # recorded when playing stops
    watching = pane.views.span
    assert watching is not None
    assert watching[0] == CAMERA
    pane.toggle_play()  # pause
    qtbot.waitUntil(lambda: len(loans.viewings()) == 1)
    (view,) = loans.viewings()
    assert (view.camera_id, view.viewer, view.viewer_name, view.context, view.loan_id) == (
        CAMERA,
        "li",
        "李值班",
        "playback",
        None,
    )
    assert day.s1 + timedelta(seconds=1) - timedelta(milliseconds=300) <= view.start
    assert view.start < day.s1 + timedelta(seconds=2)
    assert view.end >= day.s1 + timedelta(seconds=3)
    assert view.end <= day.e1
    assert pane.views.span is None

    # Choosing a time without playing is no viewing; closing the pane while playing ends one.
    pane.seek(day.s2 + timedelta(seconds=1))
    wait_loaded(qtbot, pane, day.second)
    play_until(qtbot, pane, day.s2 + timedelta(seconds=3))
    pane.close()
    qtbot.waitUntil(lambda: len(loans.viewings()) == 2)
    latest = loans.viewings()[0]
    assert latest.camera_id == CAMERA
    assert day.s2 <= latest.start < day.s2 + timedelta(seconds=2)
    assert day.s2 + timedelta(seconds=3) <= latest.end <= day.e2
    admin = pane.ctx.desk.login("chief", ADMIN_PASSWORD)
    audit = pane.ctx.desk.recent_audit(admin)
    assert sum(r.action == "footage.view" and r.subject == CAMERA for r in audit) == 2


def test_a_jump_while_playing_ends_one_viewing_and_starts_another(
    qtbot, pane: PlaybackPane, day: Day
) -> None:
    loans = pane.ctx.desk.loans
    show_day(qtbot, pane, day)
    pane.seek(day.s1 + timedelta(seconds=1))
    wait_loaded(qtbot, pane, day.first)
    play_until(qtbot, pane, day.s1 + timedelta(seconds=3))
    pane.seek(day.s2 + timedelta(seconds=4))  # the operator clicks further on, playing on
    qtbot.waitUntil(lambda: len(loans.viewings()) == 1)
    (first,) = loans.viewings()
    assert first.end <= day.e1
    qtbot.waitUntil(
        lambda: (
            pane.timeline.cursor_at is not None
            and pane.timeline.cursor_at >= day.s2 + timedelta(seconds=6)
        ),
        timeout=10000,
    )
    pane.toggle_play()
    qtbot.waitUntil(lambda: len(loans.viewings()) == 2)
    second = loans.viewings()[0]
    assert day.s2 + timedelta(seconds=3) <= second.start < day.s2 + timedelta(seconds=5)
    assert second.end >= day.s2 + timedelta(seconds=6)


def test_a_glimpse_shorter_than_a_second_is_not_a_viewing(
    qtbot, pane: PlaybackPane, day: Day
) -> None:
    show_day(qtbot, pane, day)
    pane.seek(day.s1 + timedelta(seconds=1))
    wait_loaded(qtbot, pane, day.first)
    pane.views.watching(CAMERA, day.s1 + timedelta(seconds=1))
    pane.views.watching(CAMERA, day.s1 + timedelta(milliseconds=1800))
    pane.views.flush()
    pane.views.watching(CAMERA, day.s1 + timedelta(seconds=2))
    pane.views.watching(CAMERA, day.s1 + timedelta(seconds=4))
    pane.views.watching(CAMERA, day.s1)  # a jump back: the first span ends here
    pane.views.flush()
    qtbot.waitUntil(lambda: len(pane.ctx.desk.loans.viewings()) == 1)
    (view,) = pane.ctx.desk.loans.viewings()
    assert (view.start, view.end) == (day.s1 + timedelta(seconds=2), day.s1 + timedelta(seconds=4))


@pytest.fixture
def manager(desk: Desk, admin: Actor) -> Actor:
    return desk.auth.add_user(admin, "zhou", "周经理", Role.MANAGER, MANAGER_PASSWORD)


def viewing_loan(desk: Desk, operator: Actor, day: Day, *, approve: bool = True) -> int:
    """A resident's request to view the first segment's range at the desk."""
    form = LoanForm(
        borrower_kind=BorrowerKind.RESIDENT,
        borrower_name="赵业主",
        id_type=IdType.RESIDENT_ID,
        id_number=RESIDENT_ID,
        phone="13900001111",
        purpose="查看车辆剐蹭 car scraped in the yard",
        ranges=[RangeForm(CAMERA, day.s1, day.e1)],
        due_at=utcnow() + timedelta(days=3),
    )
    loan = desk.loans.request(operator, form)
    assert loan.mode is LoanMode.VIEW  # residents view on site
    if approve:
        desk.loans.approve(loan.id, "zhou", MANAGER_PASSWORD)
    return loan.id


def test_an_on_site_viewing_is_recorded_against_its_loan(
    qtbot, pane: PlaybackPane, day: Day, operator: Actor, manager: Actor
) -> None:
    desk = pane.ctx.desk
    loan_id = viewing_loan(desk, operator, day)
    pane.show_loan_range(loan_id, CAMERA, day.s1, day.e1)
    qtbot.waitUntil(lambda: pane.loan is not None)
    assert pane.camera_id == CAMERA
    assert pane.chosen_day == day.day
    assert pane.loan_label.isVisibleTo(pane)
    assert pane.loan_label.accessibleName() == "On-site viewing"
    assert f"On-site viewing for loan {loan_id}: {CAMERA_NAME}" in pane.loan_label.text()
    wait_loaded(qtbot, pane, day.first)
    assert pane.timeline.cursor_at == day.s1
    play_until(qtbot, pane, day.s1 + timedelta(seconds=2))
    pane.toggle_play()
    qtbot.waitUntil(lambda: len(desk.loans.viewings(loan_id=loan_id)) == 1)
    (view,) = desk.loans.viewings(loan_id=loan_id)
    assert (view.camera_id, view.viewer, view.context) == (CAMERA, "li", "loan")
    assert day.s1 <= view.start < view.end <= day.e1
    assert desk.loans.get(loan_id).views == 1
    assert desk.loans.close_viewed(operator, loan_id).outcome == "viewed"  # now it can close

    # Choosing another day ends the on-site viewing: what is watched next is plain playback.
    other = day.day - timedelta(days=1)
    pane.day.setDate(QDate(other.year, other.month, other.day))
    assert pane.loan is None
    assert not pane.loan_label.isVisibleTo(pane)


def test_a_loan_not_approved_for_viewing_opens_nothing(
    qtbot, pane: PlaybackPane, day: Day, operator: Actor, manager: Actor
) -> None:
    desk = pane.ctx.desk
    loan_id = viewing_loan(desk, operator, day, approve=False)
    before = pane.camera_id
    pane.show_loan_range(loan_id, CAMERA, day.s1, day.e1)
    qtbot.waitUntil(lambda: "cannot be viewed" in pane.notice.text())
    assert pane.notice.text() == (
        f"⚠ Loan {loan_id} cannot be viewed: it is not an approved on-site viewing: "
        "it still awaits the manager's approval."
    )
    assert pane.loan is None
    assert not pane.loan_label.isVisibleTo(pane)
    assert pane.camera_id == before
    assert pane.player.source() == QUrl()
    pane.show_loan_range(loan_id + 100, CAMERA, day.s1, day.e1)  # no such loan
    qtbot.waitUntil(lambda: f"Loan {loan_id + 100} cannot be viewed" in pane.notice.text())
    assert pane.loan is None
    assert desk.loans.viewings() == []


def test_a_loan_cancelled_during_the_viewing_still_records_it(
    qtbot, pane: PlaybackPane, day: Day, operator: Actor, manager: Actor
) -> None:
    desk = pane.ctx.desk
    loan_id = viewing_loan(desk, operator, day)
    pane.show_loan_range(loan_id, CAMERA, day.s1, day.e1)
    qtbot.waitUntil(lambda: pane.loan is not None)
    wait_loaded(qtbot, pane, day.first)
    play_until(qtbot, pane, day.s1 + timedelta(seconds=2))
    desk.loans.cancel(operator, loan_id, "借用人未到场")
    pane.toggle_play()
    qtbot.waitUntil(lambda: "refused this viewing" in pane.notice.text())
    assert pane.notice.text().startswith(f"⚠ Loan {loan_id} refused this viewing (")
    (view,) = desk.loans.viewings()
    assert (view.loan_id, view.context, view.camera_id) == (None, "playback", CAMERA)


def test_a_viewing_that_cannot_be_recorded_is_logged_and_said(
    qtbot, pane: PlaybackPane, day: Day, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pane.ctx.desk.loans, "record_view", broken)
    show_day(qtbot, pane, day)
    pane.views.watching(CAMERA, day.s1)
    pane.views.watching(CAMERA, day.s1 + timedelta(seconds=3))
    pane.views.flush()
    qtbot.waitUntil(lambda: "could not be recorded" in pane.notice.text())
    assert pane.notice.text() == "⚠ This viewing could not be recorded: The disk refused: disk full"
    assert any(
        r.levelname == "ERROR" and "could not record li's viewing of yard" in r.getMessage()
        for r in caplog.records
    )
    assert pane.isVisible()
