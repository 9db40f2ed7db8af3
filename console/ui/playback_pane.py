"""Playback pane: a recorded camera's day on a timeline drawn from the segment index, the
recording at the cursor in a player, and clip export between two marks. Also the instant
replay dialog the camera wall opens (`open_instant_replay`).

Everything that touches the index or the disk (loading a day, exporting, copying a replay)
runs on the thread pool; the player (QtMultimedia) opens its files itself, asynchronously.
Times on screen are the site's wall-clock time; the index and core speak UTC.

Privacy masks: recordings hold the original picture when the site keeps it ([storage]
keep_original), and footage recorded before a mask was drawn is unmasked in any case. So while
the camera played has masks, the pictures go to a MaskedVideo, which draws them itself and
paints the masks over them in opaque black; otherwise to Qt's own video widget (which can
draw on the GPU). Clips and replays are masked by core when they are made.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygon,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import Actor
from console.core.loans import LoanError, LoanMode, LoanService, LoanState, LoanView
from console.core.recordings import (
    JOIN_TOLERANCE_S,
    ClipResult,
    GapRow,
    RecordingError,
    RecordingService,
    SegmentRow,
)
from console.ui.panes import PaneContext, PaneSpec, register
from console.ui.wording import describe
from console.ui.worker import run_in_background
from devices.cameras.masks import Masker, Polygon
from schema.types import utcnow

log = logging.getLogger(__name__)

MULTIMEDIA_ERROR: str | None = None
try:  # Qt's multimedia needs system libraries; without them the pane still shows the index
    from PySide6 import QtMultimedia, QtMultimediaWidgets
except ImportError as exc:  # pragma: no cover - depends on the computer
    MULTIMEDIA_ERROR = str(exc)
    log.error("video playback unavailable: %s", exc)  # noqa: TRY400 - no traceback needed

REPLAY_SECONDS = 30.0
TOLERANCE = timedelta(seconds=JOIN_TOLERANCE_S)
MIN_VIEW = timedelta(seconds=1)  # shorter glimpses (a seek, a stray click) are not viewings
SPEEDS = (1.0, 2.0, 4.0)
MASK_CHECK_MS = 250  # how soon masks drawn (or removed) meanwhile reach the player
Span = tuple[datetime, datetime]


# -- the day's index ----------------------------------------------------------------------------


def day_bounds(day: date, tz: ZoneInfo) -> Span:
    """The UTC instants of the site-local day's first and next day's first moment."""
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return start, end


def merge_spans(segments: list[SegmentRow]) -> list[Span]:
    """Segments closer than the join tolerance are one continuous recording."""
    spans: list[Span] = []
    for seg in sorted(segments, key=lambda s: s.start):
        if spans and seg.start - spans[-1][1] <= TOLERANCE:
            spans[-1] = (spans[-1][0], max(spans[-1][1], seg.end))
        else:
            spans.append((seg.start, seg.end))
    return spans


@dataclass(frozen=True)
class DayIndex:
    """What the index holds for one camera and one site-local day."""

    camera_id: str
    day: date
    start: datetime  # UTC bounds of the local day
    end: datetime
    segments: list[SegmentRow]
    gaps: list[GapRow]  # as the recorder reported them (with a reason)
    recorded: list[Span] = field(default_factory=list)  # merged segments
    missing: list[Span] = field(default_factory=list)  # no footage, up to now
    now: datetime | None = None


def load_day(
    recordings: RecordingService,
    camera_id: str,
    day: date,
    tz: ZoneInfo,
    now: datetime | None = None,
) -> DayIndex:
    """Query the index (blocking: run it on the thread pool)."""
    start, end = day_bounds(day, tz)
    now = now or utcnow()
    segments = recordings.segments(camera_id, start, end)
    gaps = recordings.gaps(camera_id, start, end)
    until = min(end, now)
    missing = RecordingService.missing(segments, start, until) if until > start else []
    return DayIndex(camera_id, day, start, end, segments, gaps, merge_spans(segments), missing, now)


# -- words --------------------------------------------------------------------------------------


def recording_error_text(exc: Exception, camera_name: str, replay: bool = False) -> str:
    """A recording request's failure in words that name the camera."""
    if isinstance(exc, RecordingError):
        texts = {
            "not_recorded": QCoreApplication.translate(
                "PlaybackPane", "Camera %1 is not recorded, so there is no footage to play."
            ),
            "no_footage": QCoreApplication.translate(
                "PlaybackPane", "Camera %1 has no recording for that time."
            ),
            "empty_range": QCoreApplication.translate(
                "PlaybackPane", "The clip of camera %1 must end after it starts."
            ),
            "export_failed": QCoreApplication.translate(
                "PlaybackPane", "The footage of camera %1 could not be written: %2"
            ),
        }
        if replay:
            texts["no_footage"] = QCoreApplication.translate(
                "PlaybackPane", "Camera %1 has no recording of the last 30 seconds."
            )
        text = texts.get(exc.code)
        if text is not None:
            return text.replace("%1", camera_name).replace("%2", str(exc))
    if isinstance(exc, KeyError):
        return QCoreApplication.translate(
            "PlaybackPane", "There is no camera %1 on this site."
        ).replace("%1", camera_name)
    return (
        QCoreApplication.translate("PlaybackPane", "Camera %1: %2")
        .replace("%1", camera_name)
        .replace("%2", describe(exc))
    )


def _size_text(size: int) -> str:
    if size >= 1_000_000:
        human = f"{size / 1_000_000:.1f} MB"
    elif size >= 1000:
        human = f"{size / 1000:.1f} kB"
    else:
        human = f"{size} B"
    return (
        QCoreApplication.translate("PlaybackPane", "%1 (%2 bytes)")
        .replace("%1", human)
        .replace("%2", f"{size:,}")
    )


def _duration_text(seconds: float) -> str:
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


# -- the timeline -------------------------------------------------------------------------------


class TimelineWidget(QWidget):
    """One day of one camera: recorded stretches as filled bars, stretches without footage
    hatched and labelled, hour ticks, the clip marks and a cursor.

    The operator moves the cursor by clicking or with the keys (Left/Right: a minute,
    with Shift ten seconds; PageUp/PageDown: an hour; Ctrl+Left/Right: the previous/next
    start or end of recording; Home/End: first/last recording; +/-: zoom). `cursor_moved`
    says where the operator put it; `set_cursor` (from playback) does not emit it.
    """

    cursor_moved = Signal(object)  # datetime (UTC)

    ZOOMS_S = (86400, 6 * 3600, 3600, 15 * 60, 5 * 60)
    TICK_STEPS_S = (60, 300, 600, 900, 1800, 3600, 2 * 3600, 3 * 3600, 6 * 3600)
    BAR_TOP, BAR_HEIGHT = 6, 30

    RECORDED_COLOUR = QColor("#2e7d32")
    MISSING_COLOUR = QColor("#b71c1c")
    MARK_COLOUR = QColor(21, 101, 192, 70)

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.setObjectName("playback-timeline")
        self.setAccessibleName(self.tr("Recording timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.day: date | None = None
        self.day_start = self.day_end = utcnow()
        self.now: datetime | None = None
        self.recorded: list[Span] = []
        self.missing: list[Span] = []
        self.gaps: list[GapRow] = []
        self.cursor_at: datetime | None = None
        self.mark_in: datetime | None = None
        self.mark_out: datetime | None = None
        self.zoom = 0
        self.view_start = self.view_end = self.day_start
        self._dragging = False
        self._describe()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(720, 64)

    # -- the model ----------------------------------------------------------------------------

    def set_index(self, index: DayIndex) -> None:
        if index.day != self.day:
            self.zoom = 0
        self.day, self.day_start, self.day_end = index.day, index.start, index.end
        self.now = index.now
        self.recorded, self.missing, self.gaps = index.recorded, index.missing, index.gaps
        if self.cursor_at is not None and not self.day_start <= self.cursor_at < self.day_end:
            self.cursor_at = None
        for name in ("mark_in", "mark_out"):
            mark = getattr(self, name)
            if mark is not None and not self.day_start <= mark <= self.day_end:
                setattr(self, name, None)
        self._fit_view()
        self._describe()
        self.update()

    def set_cursor(self, when: datetime | None) -> None:
        self.cursor_at = when
        if when is not None and not self.view_start <= when <= self.view_end:
            self._fit_view()
        self._describe()
        self.update()

    def set_marks(self, mark_in: datetime | None, mark_out: datetime | None) -> None:
        self.mark_in, self.mark_out = mark_in, mark_out
        self._describe()
        self.update()

    def missing_at(self, when: datetime) -> Span | None:
        return next((s for s in self.missing if s[0] <= when < s[1]), None)

    def gap_reason(self, span: Span) -> str:
        reasons = [g.reason for g in self.gaps if g.start < span[1] and g.end > span[0]]
        return ", ".join(dict.fromkeys(reasons))

    def text_at(self, when: datetime) -> str:
        """What the timeline shows at a moment, in words (the tooltip)."""
        stamp = self.clock(when)
        if when < self.day_start or when >= self.day_end:
            return stamp
        if any(a <= when < b for a, b in self.recorded):
            return self.tr("%1 · recorded").replace("%1", stamp)
        hole = self.missing_at(when)
        if hole is not None:
            text = (
                self.tr("%1 · no recording from %2 to %3")
                .replace("%1", stamp)
                .replace("%2", self.clock(hole[0]))
                .replace("%3", self.clock(hole[1]))
            )
            reason = self.gap_reason(hole)
            if reason:
                text += self.tr(" (recorder: %1)").replace("%1", reason)
            return text
        return self.tr("%1 · not yet recorded").replace("%1", stamp)

    def clock(self, when: datetime) -> str:
        local = when.astimezone(self.tz)
        if self.day is not None and local.date() != self.day:
            return f"{local:%Y-%m-%d %H:%M:%S}"
        return f"{local:%H:%M:%S}"

    def _describe(self) -> None:
        """The accessible description: the whole model in words, cursor and marks included."""
        if self.day is None:
            self.setAccessibleDescription(self.tr("No camera or day chosen."))
            return
        parts = []
        if self.recorded:
            spans = ", ".join(f"{self.clock(a)}–{self.clock(b)}" for a, b in self.recorded[:12])
            if len(self.recorded) > 12:
                spans += self.tr(" and %1 more").replace("%1", str(len(self.recorded) - 12))
            parts.append(self.tr("Recorded: %1.").replace("%1", spans))
        else:
            parts.append(self.tr("No recording on this day."))
        if self.missing and self.recorded:
            holes = []
            for hole in self.missing[:12]:
                text = f"{self.clock(hole[0])}–{self.clock(hole[1])}"
                reason = self.gap_reason(hole)
                holes.append(f"{text} ({reason})" if reason else text)
            text = ", ".join(holes)
            if len(self.missing) > 12:
                text += self.tr(" and %1 more").replace("%1", str(len(self.missing) - 12))
            parts.append(self.tr("No recording: %1.").replace("%1", text))
        if self.cursor_at is not None:
            parts.append(self.tr("Cursor at %1.").replace("%1", self.text_at(self.cursor_at)))
        if self.mark_in is not None:
            parts.append(self.tr("Clip start %1.").replace("%1", self.clock(self.mark_in)))
        if self.mark_out is not None:
            parts.append(self.tr("Clip end %1.").replace("%1", self.clock(self.mark_out)))
        parts.append(
            self.tr(
                "Left/Right: one minute (Shift: ten seconds), PageUp/PageDown: one hour, "
                "Ctrl+Left/Right: previous/next recording edge, I/O: mark the clip, "
                "Space: play or pause, +/-: zoom."
            )
        )
        text = " ".join(parts)
        if text != self.accessibleDescription():  # the cursor moves many times a second
            self.setAccessibleDescription(text)

    # -- geometry -----------------------------------------------------------------------------

    def _fit_view(self) -> None:
        span = timedelta(seconds=self.ZOOMS_S[self.zoom])
        day = self.day_end - self.day_start
        if span >= day:
            self.view_start, self.view_end = self.day_start, self.day_end
            return
        centre = self.cursor_at or self.day_start + day / 2
        start = max(self.day_start, min(centre - span / 2, self.day_end - span))
        self.view_start, self.view_end = start, start + span

    def set_zoom(self, level: int) -> None:
        self.zoom = max(0, min(len(self.ZOOMS_S) - 1, level))
        self._fit_view()
        self.update()

    def _track(self) -> QRect:
        return QRect(4, self.BAR_TOP, max(1, self.width() - 8), self.BAR_HEIGHT)

    def x_of(self, when: datetime) -> float:
        track = self._track()
        span = (self.view_end - self.view_start).total_seconds() or 1.0
        return track.left() + (when - self.view_start).total_seconds() / span * track.width()

    def time_at(self, x: float) -> datetime:
        track = self._track()
        fraction = min(1.0, max(0.0, (x - track.left()) / track.width()))
        when = self.view_start + (self.view_end - self.view_start) * fraction
        return min(when, self.day_end - timedelta(seconds=1)).replace(microsecond=0)

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        track = self._track()
        palette = self.palette()
        painter.fillRect(track, QColor("#e0e0e0"))
        metrics = QFontMetrics(self.font())
        for start, end in self.missing:
            rect = self._span_rect(start, end)
            painter.fillRect(rect, QColor("#fdecea"))
            painter.fillRect(rect, QBrush(self.MISSING_COLOUR, Qt.BrushStyle.BDiagPattern))
            label = self.tr("no recording")
            if rect.width() > metrics.horizontalAdvance(label) + 8:
                painter.setPen(self.MISSING_COLOUR.darker(130))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        for start, end in self.recorded:
            painter.fillRect(self._span_rect(start, end), self.RECORDED_COLOUR)
        self._paint_marks(painter, track)
        painter.setPen(QPen(palette.windowText().color(), 1))
        painter.drawRect(track.adjusted(0, 0, -1, -1))
        self._paint_ticks(painter, track, metrics)
        if self.cursor_at is not None and self.view_start <= self.cursor_at <= self.view_end:
            x = round(self.x_of(self.cursor_at))
            painter.setPen(QPen(QColor("white"), 4))
            painter.drawLine(x, track.top() - 4, x, track.bottom() + 4)
            painter.setPen(QPen(QColor("black"), 2))
            painter.drawLine(x, track.top() - 4, x, track.bottom() + 4)
            painter.setBrush(QColor("black"))
            painter.drawPolygon(
                QPolygon([QPoint(x - 5, 0), QPoint(x + 5, 0), QPoint(x, track.top())])
            )
        if self.hasFocus():
            painter.setPen(QPen(palette.highlight().color(), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def _span_rect(self, start: datetime, end: datetime) -> QRect:
        track = self._track()
        left = max(track.left(), round(self.x_of(start)))
        right = min(track.right(), round(self.x_of(end)))
        return QRect(left, track.top() + 1, max(1, right - left), track.height() - 2)

    def _paint_marks(self, painter: QPainter, track: QRect) -> None:
        marks = [m for m in (self.mark_in, self.mark_out) if m is not None]
        if len(marks) == 2:
            painter.fillRect(self._span_rect(min(marks), max(marks)), self.MARK_COLOUR)
        painter.setPen(QPen(QColor("#0d47a1"), 2))
        for mark, letter in ((self.mark_in, "I"), (self.mark_out, "O")):
            if mark is None or not self.view_start <= mark <= self.view_end:
                continue
            x = round(self.x_of(mark))
            painter.drawLine(x, track.top(), x, track.bottom())
            painter.drawText(QPoint(x + 3, track.top() + 12), letter)

    def _paint_ticks(self, painter: QPainter, track: QRect, metrics: QFontMetrics) -> None:
        span_s = (self.view_end - self.view_start).total_seconds()
        if span_s <= 0 or self.day is None:
            return
        label_w = metrics.horizontalAdvance("00:00") + 12
        step = next(
            (s for s in self.TICK_STEPS_S if s / span_s * track.width() >= label_w),
            self.TICK_STEPS_S[-1],
        )
        painter.setPen(QPen(self.palette().windowText().color(), 1))
        midnight = datetime.combine(self.day, time(0))
        k = 0
        while True:
            local = midnight + timedelta(seconds=k * step)
            k += 1
            when = local.replace(tzinfo=self.tz).astimezone(UTC)
            if when > self.view_end or local.date() > self.day:
                break
            if when < self.view_start:
                continue
            x = round(self.x_of(when))
            hour = local.minute == 0 and local.second == 0
            painter.drawLine(x, track.bottom() + 1, x, track.bottom() + (6 if hour else 3))
            text = f"{local:%H:%M}"
            width = metrics.horizontalAdvance(text)
            left = min(max(x - width // 2, 0), self.width() - width)
            painter.drawText(QPoint(left, track.bottom() + 8 + metrics.ascent()), text)

    # -- input --------------------------------------------------------------------------------

    def _choose(self, when: datetime) -> None:
        when = max(self.day_start, min(when, self.day_end - timedelta(seconds=1)))
        self.set_cursor(when)
        self.cursor_moved.emit(when)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.day is not None:
            self._dragging = True
            self.set_cursor(self.time_at(event.position().x()))
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._dragging:
            self.set_cursor(self.time_at(event.position().x()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            self._choose(self.time_at(event.position().x()))
            return
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        delta = event.angleDelta().y()
        if delta:
            self.set_zoom(self.zoom + (1 if delta > 0 else -1))
        event.accept()

    def _edges(self) -> list[datetime]:
        return sorted({t for span in self.recorded for t in span})

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.day is None:
            super().keyPressEvent(event)
            return
        key, mods = event.key(), event.modifiers()
        base = self.cursor_at or (self.recorded[0][0] if self.recorded else self.day_start)
        minute = timedelta(seconds=10 if mods & Qt.KeyboardModifier.ShiftModifier else 60)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        target: datetime | None = None
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and ctrl:
            edges = self._edges()
            if key == Qt.Key.Key_Right:
                target = next((t for t in edges if t > base + timedelta(seconds=1)), None)
            else:
                target = next((t for t in reversed(edges) if t < base - timedelta(seconds=1)), None)
        elif key == Qt.Key.Key_Left:
            target = base - minute
        elif key == Qt.Key.Key_Right:
            target = base + minute
        elif key == Qt.Key.Key_PageUp:
            target = base - timedelta(hours=1)
        elif key == Qt.Key.Key_PageDown:
            target = base + timedelta(hours=1)
        elif key == Qt.Key.Key_Home:
            target = self.recorded[0][0] if self.recorded else self.day_start
        elif key == Qt.Key.Key_End:
            target = self.recorded[-1][1] - timedelta(seconds=1) if self.recorded else None
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self.zoom + 1)
            return
        elif key == Qt.Key.Key_Minus:
            self.set_zoom(self.zoom - 1)
            return
        else:
            super().keyPressEvent(event)  # I, O and Space go on to the pane
            return
        if target is not None:
            self._choose(target)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            if self.day is not None and self._track().adjusted(0, -6, 0, 24).contains(event.pos()):
                QToolTip.showText(event.globalPos(), self.text_at(self.time_at(event.pos().x())))
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


# -- the picture, masked -----------------------------------------------------------------------


class MaskedVideo(QWidget):
    """A player's pictures (through its QVideoSink `sink`) with a camera's privacy masks
    painted over them: opaque black polygons on the picture, which keeps its aspect ratio,
    centred (the bars beside or above it are black too).

    A picture is converted for the screen when painted, not when it arrives, so frames the
    screen never shows (fast playback) cost nothing. `refresh()` repaints when the masks
    changed (a paused picture gets no new frame)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.sink = QtMultimedia.QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._new_frame)
        self.masker: Masker | None = None
        self._frame: Any = None  # the newest QVideoFrame
        self._painted: tuple[Polygon, ...] = ()  # the masks last painted

    def set_masker(self, masker: Masker | None) -> None:
        self.masker = masker
        self.update()

    def refresh(self) -> None:
        """Repaint if the masks are no longer those painted."""
        polygons = self.masker.polygons if self.masker is not None else ()
        if polygons != self._painted:
            self.update()

    def clear(self) -> None:
        """Forget the picture (the player draws elsewhere now: it would go stale)."""
        self._frame = None
        self.update()

    def _new_frame(self, frame: Any) -> None:
        self._frame = frame
        self.update()

    def picture_rect(self, width: int, height: int) -> QRectF:
        """Where a width x height picture is drawn: as large as fits, centred."""
        if width <= 0 or height <= 0:
            return QRectF()
        size = QSizeF(width, height).scaled(QSizeF(self.size()), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF(
            QPointF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2), size
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        polygons = self.masker.polygons if self.masker is not None else ()
        self._painted = polygons
        frame = self._frame
        image = frame.toImage() if frame is not None and frame.isValid() else None
        if image is None or image.isNull():
            painter.end()
            return
        target = self.picture_rect(image.width(), image.height())
        painter.drawImage(target, image)
        if polygons:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setClipRect(target)
            # A pen as well as the fill: no sliver of picture where an edge is rounded.
            painter.setPen(QPen(QColor("black"), 2))
            painter.setBrush(QColor("black"))
            for poly in polygons:
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(
                                target.x() + x * target.width(), target.y() + y * target.height()
                            )
                            for x, y in poly
                        ]
                    )
                )
        painter.end()


# -- the pane -----------------------------------------------------------------------------------


def _button(text: str, slot: Callable[[], Any], name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(slot)
    return button


def _default_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.MoviesLocation)
    return Path(folder or Path.home())


@dataclass(frozen=True)
class _Target:
    segment: SegmentRow | None  # None: nothing in the player
    offset_ms: int = 0


# -- recording what is watched ------------------------------------------------------------------


@dataclass(frozen=True)
class LoanRange:
    """An on-site viewing's camera and range (a loan approved to be viewed at the desk)."""

    loan_id: int
    camera_id: str
    start: datetime
    end: datetime


@dataclass
class _Watch:
    camera_id: str
    start: datetime  # footage time where playing started
    last: datetime  # the furthest footage time reached since


class ViewRecorder:
    """Records the footage an operator watches: viewing footage on site is itself recorded
    (who, which camera and range, when; rule 3.4.3).

    The player reports the footage time it shows while playing (`watching`); when playing
    stops, the span from where it started to the furthest point reached is recorded through
    core (`flush`), on the thread pool, unless it is shorter than MIN_VIEW. While `loan` is
    set, a span of the loan's camera that overlaps the loan's range is recorded against the
    loan (context "loan"). A failure is logged and handed to `on_failed`; it never raises.
    """

    def __init__(
        self,
        owner: QObject,
        loans: LoanService,
        actor: Actor,
        context: str,
        on_refused: Callable[[int, Exception], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        self.owner, self.loans, self.actor, self.context = owner, loans, actor, context
        self.on_refused, self.on_failed = on_refused, on_failed
        self.loan: LoanRange | None = None
        self._watch: _Watch | None = None

    @property
    def span(self) -> tuple[str, datetime, datetime] | None:
        """The camera and span being watched, not yet recorded."""
        w = self._watch
        return (w.camera_id, w.start, w.last) if w is not None else None

    def watching(self, camera_id: str, at: datetime) -> None:
        """The player shows `camera_id` at footage time `at`, playing. A jump back or to
        another camera ends the span watched so far and starts another."""
        w = self._watch
        if w is not None and w.camera_id == camera_id and at >= w.last - MIN_VIEW:
            w.last = max(w.last, at)
            return
        self.flush()
        self._watch = _Watch(camera_id, at, at)

    def reach(self, camera_id: str, at: datetime) -> None:
        """Where playing stopped: extends the span being watched, never starts one."""
        w = self._watch
        if w is not None and w.camera_id == camera_id and at >= w.last:
            w.last = at

    def flush(self) -> None:
        """Playing stopped: record the span watched, if long enough (on the thread pool)."""
        w, self._watch = self._watch, None
        if w is None or w.last - w.start < MIN_VIEW:
            return
        loan = self.loan
        loan_id = (
            loan.loan_id
            if loan is not None
            and loan.camera_id == w.camera_id
            and w.start <= loan.end
            and loan.start <= w.last
            else None
        )
        loans, actor, context = self.loans, self.actor, self.context

        def record() -> LoanError | None:
            if loan_id is None:
                loans.record_view(actor, w.camera_id, w.start, w.last, context=context)
                return None
            try:
                loans.record_view(
                    actor, w.camera_id, w.start, w.last, loan_id=loan_id, context="loan"
                )
            except LoanError as exc:
                # The loan changed meanwhile (cancelled, closed): the viewing happened all the
                # same, so it is recorded, without the loan.
                loans.record_view(actor, w.camera_id, w.start, w.last, context=context)
                return exc
            return None

        def write() -> LoanError | None:
            try:
                return record()
            except Exception:  # logged here: the widget that asked may be gone by now
                log.exception("could not record %s's viewing of %s", actor.name, w.camera_id)
                raise

        def written(refusal: LoanError | None) -> None:
            if refusal is not None and loan_id is not None:
                log.warning("loan %s refused a viewing, recorded without it: %s", loan_id, refusal)
                if self.on_refused is not None:
                    self.on_refused(loan_id, refusal)

        run_in_background(self.owner, write, written, self._failed)

    def _failed(self, exc: Exception) -> None:
        if self.on_failed is not None:
            self.on_failed(exc)


class PlaybackPane(QWidget):
    """Recorded footage of one camera and one day: timeline, player and clip export."""

    REFRESH_DELAY_MS = 300

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tz = ctx.desk.site.tz()
        self.recordings = ctx.desk.recordings
        self.index: DayIndex | None = None
        self.last_export: ClipResult | None = None
        self.exporting = False
        # The file dialog: tests put a function here that returns the path.
        self.choose_export_path: Callable[[Path], Path | None] = self._ask_export_path
        self._generation = 0
        self._current: SegmentRow | None = None  # the segment in the player (or loading)
        self._target: _Target | None = None  # where the player is to go next
        self._loading = False  # the player is opening a file
        self._want_play = False
        self._after_load: Callable[[], None] | None = None  # once the day has loaded
        self.views = ViewRecorder(
            self,
            ctx.desk.loans,
            ctx.actor,
            "playback",
            on_refused=self._loan_refused,
            on_failed=self._view_failed,
        )
        self._loan_check = 0  # the latest show_loan_range's check
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=self.REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)
        ctx.bridge.published.connect(self._on_event)
        self._fill_cameras()
        self.reload()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.camera = QComboBox()
        self.camera.setObjectName("playback-camera")
        camera_label = QLabel(self.tr("&Camera"))
        camera_label.setBuddy(self.camera)
        self.camera.setAccessibleName(self.tr("Camera"))
        self.day = QDateEdit()
        self.day.setObjectName("playback-day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = datetime.now(self.tz).date()
        self.day.setDate(QDate(today.year, today.month, today.day))
        day_label = QLabel(self.tr("Da&y"))
        day_label.setBuddy(self.day)
        self.day.setAccessibleName(self.tr("Day"))
        for edit in self.day.findChildren(QLineEdit):  # its text field, named for itself
            edit.setAccessibleName(self.tr("Day"))
        self.summary = QLabel()
        self.summary.setObjectName("playback-summary")
        self.timeline = TimelineWidget(self.tz)
        self.timeline.cursor_moved.connect(self.seek)

        self.time_label = QLabel("—")
        self.time_label.setObjectName("playback-time")
        self.time_label.setAccessibleName(self.tr("Time shown"))
        self.time_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.notice = QLabel()
        self.notice.setObjectName("playback-notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.notice.setAccessibleName(self.tr("Playback notice"))
        self.loan_label = QLabel()
        self.loan_label.setObjectName("playback-loan")
        self.loan_label.setWordWrap(True)
        self.loan_label.setStyleSheet("color: #0d47a1; font-weight: bold;")
        self.loan_label.setAccessibleName(self.tr("On-site viewing"))
        self.loan_label.hide()

        # The video widget is made when there is first something to show: a QVideoWidget is
        # a native window of its own, costly in a pane that may never play anything.
        self.player: Any = None  # QMediaPlayer, when Qt's multimedia loads
        self.video_widget: Any = None  # QVideoWidget, once made
        self.masked_video: MaskedVideo | None = None  # once a camera with masks is played
        self._output: QWidget | None = None  # the one of the two the player draws into
        self._mask_timer = QTimer(self, interval=MASK_CHECK_MS)
        self._mask_timer.timeout.connect(self._check_masks)
        if MULTIMEDIA_ERROR is None:
            self.player = QtMultimedia.QMediaPlayer(self)
            self.player.mediaStatusChanged.connect(self._media_status)
            self.player.positionChanged.connect(self._position)
            self.player.playbackStateChanged.connect(self._play_state_changed)
            self.player.errorOccurred.connect(self._media_error)
            text = self.tr("Choose a time on the timeline, or press Space to play.")
        else:
            text = self.tr("Video playback is not available on this computer: %1").replace(
                "%1", MULTIMEDIA_ERROR or ""
            )
        self.placeholder = QLabel(text)
        self.placeholder.setObjectName("playback-placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.video = QWidget()
        self.video.setObjectName("playback-video")
        self.video.setAccessibleName(self.tr("Recorded video"))
        self.video.setMinimumSize(320, 180)
        self.video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.video.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._video_layout = QVBoxLayout(self.video)
        self._video_layout.setContentsMargins(0, 0, 0, 0)
        self._video_layout.addWidget(self.placeholder)

        self.play_button = _button(self.tr("Play"), self.toggle_play, "playback-play")
        self.play_button.setAccessibleName(self.tr("Play or pause"))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.speed = QComboBox()
        self.speed.setObjectName("playback-speed")
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        speed_label = QLabel(self.tr("Spe&ed"))
        speed_label.setBuddy(self.speed)
        self.speed.setAccessibleName(self.tr("Speed"))
        self.speed.currentIndexChanged.connect(self._speed_changed)

        self.in_button = _button(self.tr("Mark &in"), self.mark_in, "playback-mark-in")
        self.in_button.setToolTip(self.tr("The clip starts at the cursor (I)"))
        self.out_button = _button(self.tr("Mark &out"), self.mark_out, "playback-mark-out")
        self.out_button.setToolTip(self.tr("The clip ends at the cursor (O)"))
        self.range_label = QLabel()
        self.range_label.setObjectName("playback-range")
        self.export_button = _button(self.tr("E&xport clip…"), self.export_clip, "playback-export")
        self.export_result = QLabel()
        self.export_result.setObjectName("playback-export-result")
        self.export_result.setAccessibleName(self.tr("Export result"))
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.export_warning = QLabel()
        self.export_warning.setObjectName("playback-export-warning")
        self.export_warning.setAccessibleName(self.tr("Export warning"))
        self.export_warning.setWordWrap(True)
        self.export_warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.export_warning.hide()

        top = QHBoxLayout()
        top.addWidget(camera_label)
        top.addWidget(self.camera, 1)
        top.addWidget(day_label)
        top.addWidget(self.day)
        top.addWidget(self.summary, 2)
        transport = QHBoxLayout()
        transport.addWidget(self.play_button)
        transport.addWidget(speed_label)
        transport.addWidget(self.speed)
        transport.addWidget(self.time_label, 1)
        marks = QHBoxLayout()
        marks.addWidget(self.in_button)
        marks.addWidget(self.out_button)
        marks.addWidget(self.range_label, 1)
        marks.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.loan_label)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.timeline)
        layout.addLayout(transport)
        layout.addWidget(self.notice)
        layout.addLayout(marks)
        layout.addWidget(self.export_warning)
        layout.addWidget(self.export_result)
        self.setTabOrder(self.camera, self.day)
        self.setTabOrder(self.day, self.timeline)
        self.setTabOrder(self.timeline, self.play_button)
        self.camera.currentIndexChanged.connect(self._choice_changed)
        self.day.dateChanged.connect(self._choice_changed)
        self._show_marks()
        self._show_play_state()

    def menu_actions(self) -> list[QAction]:
        """The Playback menu (no window-wide keys: Space, I and O work inside the pane)."""
        specs: list[tuple[str, Callable[[], Any]]] = [
            (self.tr("&Play/pause"), self.toggle_play),
            (self.tr("Mark &in"), self.mark_in),
            (self.tr("Mark &out"), self.mark_out),
            (self.tr("&Export clip…"), self.export_clip),
            (self.tr("Go to the &timeline"), self.timeline.setFocus),
        ]
        actions = []
        for text, slot in specs:
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            actions.append(action)
        return actions

    def _fill_cameras(self) -> None:
        self.camera.blockSignals(True)
        for camera_id in self.recordings.recorded_cameras:
            name = self.camera_name(camera_id)
            label = name if name == camera_id else f"{name} ({camera_id})"
            self.camera.addItem(label, camera_id)
        self.camera.blockSignals(False)

    def camera_name(self, camera_id: str) -> str:
        try:
            return self.ctx.desk.cameras.camera(camera_id).name
        except KeyError:
            return camera_id

    # -- choosing camera and day --------------------------------------------------------------

    @property
    def camera_id(self) -> str | None:
        value = self.camera.currentData()
        return str(value) if value is not None else None

    @property
    def chosen_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def show_camera(self, camera_id: str, when: datetime | None = None) -> None:
        """Open a camera's footage, at `when` if given (for other panes' "play back")."""
        row = self.camera.findData(camera_id)
        if row < 0:
            return
        for widget in (self.camera, self.day):
            widget.blockSignals(True)
        self.camera.setCurrentIndex(row)
        if when is not None:
            local = when.astimezone(self.tz).date()
            self.day.setDate(QDate(local.year, local.month, local.day))
        for widget in (self.camera, self.day):
            widget.blockSignals(False)
        self._choice_changed()
        if when is not None:
            self.timeline.set_cursor(when)
            self._show_time(when)
            self._after_load = lambda: self.seek(when)

    def _choice_changed(self) -> None:
        self._end_watch()
        self._end_loan()
        self._stop_player()
        self.timeline.set_cursor(None)
        self.timeline.set_marks(None, None)
        self._show_marks()
        self.notice.clear()
        self.reload()

    def _on_event(self, event: Any) -> None:
        if event.topic not in ("recording.segment", "recording.gap") or self.index is None:
            return
        data = event.data
        if data.get("camera_id") != self.index.camera_id:
            return
        start, end = data.get("start"), data.get("end")
        if isinstance(start, datetime) and isinstance(end, datetime):
            if end <= self.index.start or start >= self.index.end:
                return
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the chosen camera's day from the index, on the thread pool."""
        camera_id = self.camera_id
        if camera_id is None:
            self.summary.setText(self.tr("No camera on this site is recorded."))
            return
        self._generation += 1
        generation, day, tz, recordings = (
            self._generation,
            self.chosen_day,
            self.tz,
            self.recordings,
        )
        self.summary.setText(self.tr("Loading…"))

        def done(index: DayIndex) -> None:
            if generation == self._generation:
                self._loaded(index)

        def failed(exc: Exception) -> None:
            if generation == self._generation:
                self.summary.setText("⚠ " + recording_error_text(exc, self.camera_name(camera_id)))

        run_in_background(self, lambda: load_day(recordings, camera_id, day, tz), done, failed)

    def _loaded(self, index: DayIndex) -> None:
        self.index = index
        self.timeline.set_index(index)
        recorded = sum(((b - a) for a, b in index.recorded), timedelta())
        if index.segments:
            self.summary.setText(
                self.tr("%1 recorded, %2 stretches without recording")
                .replace("%1", _duration_text(recorded.total_seconds()))
                .replace("%2", str(len(index.missing)))
            )
        else:
            self.summary.setText(self.tr("No recording on this day."))
        if self._current is not None:
            # The segment in the player may have been re-read; keep playing it.
            fresh = next((s for s in index.segments if s.id == self._current.id), None)
            self._current = fresh or self._current
        after, self._after_load = self._after_load, None
        if after is not None:
            after()
        elif self.timeline.cursor_at is None and index.recorded:
            self.timeline.set_cursor(index.recorded[0][0])
            self._show_time(index.recorded[0][0])

    @property
    def segments(self) -> list[SegmentRow]:
        return self.index.segments if self.index is not None else []

    def segment_at(self, when: datetime) -> SegmentRow | None:
        return next((s for s in self.segments if s.start <= when < s.end), None)

    def segment_after(self, when: datetime) -> SegmentRow | None:
        return next((s for s in self.segments if s.start >= when), None)

    # -- the player ---------------------------------------------------------------------------

    def seek(self, when: datetime) -> None:
        """Show the recording at `when` (the operator chose it on the timeline)."""
        self._end_watch()  # a jump: what was watched up to here is one viewing
        self.timeline.set_cursor(when)
        self._show_time(when)
        segment = self.segment_at(when)
        if segment is not None:
            self.notice.clear()
            self._open(segment, int((when - segment.start).total_seconds() * 1000))
            return
        hole = self.timeline.missing_at(when)
        following = self.segment_after(when)
        if hole is not None:
            self._say_no_recording(hole[0], hole[1])
        elif following is None:
            self.notice.setText("⚠ " + self.tr("No recording at this time."))
        if self._want_play and following is not None:
            self._open(following, 0)  # playing on: skip to where the recording resumes
            return
        self._stop_player()

    def toggle_play(self) -> None:
        if self.player is None:
            return
        playing = QtMultimedia.QMediaPlayer.PlaybackState.PlayingState
        if self.player.playbackState() == playing:
            self._want_play = False
            self.player.pause()
            return
        self._want_play = True
        cursor = self.timeline.cursor_at
        if cursor is None and self.index is not None and self.index.recorded:
            cursor = self.index.recorded[0][0]
        queued = self._target.segment if self._target is not None else self._current
        if queued is not None and (cursor is None or queued.start <= cursor < queued.end):
            if not self._loading and self._target is None:
                self.player.play()
            return  # else it plays once loaded
        if cursor is not None:
            self.seek(cursor)
        queued = self._target.segment if self._target is not None else self._current
        if queued is None:
            self._want_play = False
            self._show_play_state()

    @property
    def settled(self) -> bool:
        """The player is where the operator last asked (no file opening, nothing queued)."""
        return not self._loading and self._target is None

    def _open(self, segment: SegmentRow, offset_ms: int) -> None:
        self._target = _Target(segment, max(0, offset_ms))
        self._sync()

    def _stop_player(self) -> None:
        self._target = _Target(None)
        self._sync()

    def masker(self, camera_id: str) -> Masker | None:
        """The camera's privacy masks (None for a camera the site no longer has)."""
        try:
            return self.ctx.desk.cameras.masker(camera_id)
        except KeyError:
            return None

    def _ensure_video(self, camera_id: str) -> None:
        """Let the player draw into the output this camera needs: the MaskedVideo while it
        has privacy masks, else Qt's video widget (each made when first needed)."""
        if self.player is None:
            return
        masker = self.masker(camera_id)
        output: QWidget
        if masker:
            if self.masked_video is None:
                self.masked_video = MaskedVideo()
                self.masked_video.setObjectName("playback-video-masked")
                self.masked_video.setAccessibleName(self.tr("Recorded video"))
                self.masked_video.setAccessibleDescription(
                    self.tr("Privacy masks are blacked out.")
                )
                self.masked_video.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                self._video_layout.addWidget(self.masked_video)
            self.masked_video.set_masker(masker)
            output = self.masked_video
        else:
            if self.video_widget is None:
                self.video_widget = QtMultimediaWidgets.QVideoWidget()
                self.video_widget.setObjectName("playback-video-output")
                self.video_widget.setAccessibleName(self.tr("Recorded video"))
                self.video_widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                self._video_layout.addWidget(self.video_widget)
            output = self.video_widget
        if output is not self._output:
            for widget in (self.placeholder, self.video_widget, self.masked_video):
                if widget is not None and widget is not output:
                    widget.hide()
            if self.masked_video is not None and output is not self.masked_video:
                self.masked_video.clear()
            self.player.setVideoOutput(output.sink if isinstance(output, MaskedVideo) else output)
            output.show()
            self._output = output
        self._mask_timer.start()

    def _check_masks(self) -> None:
        """Masks drawn or removed while a camera plays: change output, or repaint."""
        current = self._current
        if current is None:
            return
        masker = self.masker(current.camera_id)
        if bool(masker) != (self._output is not None and self._output is self.masked_video):
            self._ensure_video(current.camera_id)
            if self.settled and not self._playing():
                # A paused player renders no new frame by itself: one for the new output.
                self.player.setPosition(self.player.position())
        elif self.masked_video is not None and self._output is self.masked_video:
            self.masked_video.refresh()

    def _sync(self) -> None:
        """Bring the player to the target. One file loads at a time: changing the source
        while the backend still opens one makes it give up noisily, so a new target waits."""
        if self.player is None or self._loading or self._target is None:
            return
        target, self._target = self._target, None
        if target.segment is None:
            self._current = None
            if not self.player.source().isEmpty():
                self.player.stop()
                self.player.setSource(QUrl())
            self._show_play_state()
            return
        self._current = target.segment
        url = QUrl.fromLocalFile(str(target.segment.path))
        self._ensure_video(target.segment.camera_id)
        if self.player.source() != url:
            self._target, self._loading = target, True  # applied when loaded
            self.player.setSource(url)
            return
        self.player.setPosition(target.offset_ms)
        if self._want_play:
            self.player.play()
        else:
            self.player.pause()  # shows the picture at the cursor

    def _media_status(self, status: Any) -> None:
        statuses = QtMultimedia.QMediaPlayer.MediaStatus
        if self._loading:
            if status in (statuses.LoadingMedia, statuses.NoMedia):
                return
            self._loading = False
            if status == statuses.InvalidMedia and self._current is not None:
                self.notice.setText(
                    "⚠ "
                    + self.tr("The recording file %1 cannot be played.").replace(
                        "%1", str(self._current.path)
                    )
                )
                if self._target is not None and self._target.segment == self._current:
                    self._target = _Target(None)
            self._sync()
        elif status == statuses.EndOfMedia and self._target is None:
            self._advance()

    def _media_error(self, _error: Any, text: str) -> None:
        if text:
            self.notice.setText("⚠ " + self.tr("Player: %1").replace("%1", text))

    def _advance(self) -> None:
        """The segment ended: on to the next one, saying so when there is a gap between."""
        current = self._current
        if current is None:
            return
        following = next((s for s in self.segments if s.start > current.start), None)
        if following is None:
            self._want_play = False
            self._end_watch()
            self.notice.setText(
                self.tr("End of this day's recording at %1.").replace(
                    "%1", self.timeline.clock(current.end)
                )
            )
            self._show_play_state()
            return
        if following.start - current.end > TOLERANCE:
            self._say_no_recording(current.end, following.start)
        else:
            self.notice.clear()
        self._want_play = True
        offset = int(max(0.0, (current.end - following.start).total_seconds()) * 1000)
        self._open(following, offset)

    def _say_no_recording(self, start: datetime, end: datetime) -> None:
        text = (
            self.tr("No recording from %1 to %2")
            .replace("%1", self.timeline.clock(start))
            .replace("%2", self.timeline.clock(end))
        )
        reason = self.timeline.gap_reason((start, end))
        if reason:
            text += self.tr(" (recorder: %1)").replace("%1", reason)
        self.notice.setText("⚠ " + text)

    def _position(self, ms: int) -> None:
        if self._current is None or self._loading or self._target is not None:
            return
        when = self._current.start + timedelta(milliseconds=ms)
        self.timeline.set_cursor(when)
        self._show_time(when)
        if self._playing():
            self.views.watching(self._current.camera_id, when)

    def _show_time(self, when: datetime) -> None:
        self.time_label.setText(f"{when.astimezone(self.tz):%Y-%m-%d %H:%M:%S}")

    def _playing(self) -> bool:
        return (
            self.player is not None
            and self.player.playbackState() == QtMultimedia.QMediaPlayer.PlaybackState.PlayingState
        )

    def _shown_at(self) -> datetime | None:
        """The footage time in the player, when it is where it was last asked to be."""
        if self.player is None or self._current is None or not self.settled:
            return None
        return self._current.start + timedelta(milliseconds=self.player.position())

    def _play_state_changed(self, _state: Any) -> None:
        """A viewing starts with the first position reported while playing (`_position`),
        and ends here when the player pauses or stops (not when it opens the next segment)."""
        self._show_play_state()
        if not self._playing() and not self._want_play:
            self._end_watch()

    def _end_watch(self) -> None:
        """Playing stopped or jumps elsewhere: record what was watched (rule 3.4.3)."""
        at = self._shown_at()
        if at is not None and self._current is not None:
            self.views.reach(self._current.camera_id, at)
        self.views.flush()

    def _show_play_state(self) -> None:
        playing = self._playing()
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _speed_changed(self) -> None:
        if self.player is not None:
            self.player.setPlaybackRate(float(self.speed.currentData()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Keys the focused control did not use: Space plays/pauses, I and O mark the clip."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        actions = {
            Qt.Key.Key_Space: self.toggle_play,
            Qt.Key.Key_I: self.mark_in,
            Qt.Key.Key_O: self.mark_out,
        }
        action = actions.get(Qt.Key(event.key()))
        if action is None:
            super().keyPressEvent(event)
            return
        action()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if self.player is not None and self._want_play:
            self._want_play = False
            self.player.pause()
        self._end_watch()
        super().hideEvent(event)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self._end_watch()
        super().closeEvent(event)

    # -- on-site viewing of a footage loan ----------------------------------------------------

    def show_loan_range(self, loan_id: int, camera_id: str, start: datetime, end: datetime) -> None:
        """Open an on-site viewing (for the loans pane): the camera at `start`, and what is
        watched of the range recorded against the loan (context "loan") until the operator
        chooses another camera or day.

        The loan is read first, on the thread pool: one that is not an approved on-site
        viewing of this camera and range is refused in the notice, and nothing is opened."""
        self._loan_check += 1
        check, loans = self._loan_check, self.ctx.desk.loans
        self.notice.setText(self.tr("Checking loan %1…").replace("%1", str(loan_id)))

        def done(view: LoanView) -> None:
            if check != self._loan_check:
                return
            problem = self._loan_problem(view, camera_id, start, end)
            if problem:
                self._refuse_loan(loan_id, problem)
                return
            self.notice.clear()
            self.show_camera(camera_id, start)  # ends any earlier viewing
            self.views.loan = LoanRange(loan_id, camera_id, start, end)
            self._show_loan()

        def failed(exc: Exception) -> None:
            if check == self._loan_check:
                self._refuse_loan(loan_id, describe(exc))

        run_in_background(self, lambda: loans.get(loan_id), done, failed)

    @property
    def loan(self) -> LoanRange | None:
        """The on-site viewing open in the pane, if any."""
        return self.views.loan

    def _loan_problem(self, view: LoanView, camera_id: str, start: datetime, end: datetime) -> str:
        """Why this loan cannot be viewed here now ("" when it can). Core checks it again
        when the viewing is recorded."""
        if view.mode is not LoanMode.VIEW:
            return self.tr("it is a copy to take away, not an on-site viewing.")
        if view.state is not LoanState.APPROVED:
            states = {
                LoanState.REQUESTED: self.tr("it still awaits the manager's approval"),
                LoanState.REFUSED: self.tr("it was refused"),
                LoanState.CANCELLED: self.tr("it was cancelled"),
                LoanState.LENT: self.tr("it is out on loan"),
                LoanState.CLOSED: self.tr("it is closed"),
            }
            return self.tr("it is not an approved on-site viewing: %1.").replace(
                "%1", states.get(view.state, view.state.value)
            )
        if self.camera.findData(camera_id) < 0:
            return self.tr("camera %1 is not recorded.").replace("%1", self.camera_name(camera_id))
        if not any(
            r.camera_id == camera_id and r.start <= end and start <= r.end for r in view.ranges
        ):
            return self.tr("it does not cover that camera and time.")
        return ""

    def _refuse_loan(self, loan_id: int, reason: str) -> None:
        self.notice.setText(
            "⚠ "
            + self.tr("Loan %1 cannot be viewed: %2")
            .replace("%1", str(loan_id))
            .replace("%2", reason)
        )

    def _show_loan(self) -> None:
        loan = self.views.loan
        if loan is None:
            return
        start, end = loan.start.astimezone(self.tz), loan.end.astimezone(self.tz)
        until = f"{end:%H:%M:%S}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M:%S}"
        self.loan_label.setText(
            self.tr("On-site viewing for loan %1: %2, %3 – %4. What you watch is recorded.")
            .replace("%1", str(loan.loan_id))
            .replace("%2", self.camera_name(loan.camera_id))
            .replace("%3", f"{start:%Y-%m-%d %H:%M:%S}")
            .replace("%4", until)
        )
        self.loan_label.show()

    def _end_loan(self) -> None:
        self.views.loan = None
        self.loan_label.hide()
        self.loan_label.clear()

    def _loan_refused(self, loan_id: int, exc: Exception) -> None:
        self.notice.setText(
            "⚠ "
            + self.tr("Loan %1 refused this viewing (%2): it was recorded without the loan.")
            .replace("%1", str(loan_id))
            .replace("%2", describe(exc))
        )

    def _view_failed(self, exc: Exception) -> None:
        self.notice.setText(
            "⚠ " + self.tr("This viewing could not be recorded: %1").replace("%1", describe(exc))
        )

    # -- clip export --------------------------------------------------------------------------

    def mark_in(self) -> None:
        cursor = self.timeline.cursor_at
        if cursor is None:
            return
        out = self.timeline.mark_out
        self.timeline.set_marks(cursor, out if out is not None and out > cursor else None)
        self._show_marks()

    def mark_out(self) -> None:
        cursor = self.timeline.cursor_at
        if cursor is None:
            return
        start = self.timeline.mark_in
        self.timeline.set_marks(start if start is not None and start < cursor else None, cursor)
        self._show_marks()

    def _show_marks(self) -> None:
        start, end = self.timeline.mark_in, self.timeline.mark_out
        clock = self.timeline.clock
        if start is not None and end is not None:
            text = (
                self.tr("Clip %1 – %2 (%3)")
                .replace("%1", clock(start))
                .replace("%2", clock(end))
                .replace("%3", _duration_text((end - start).total_seconds()))
            )
        elif start is not None:
            text = self.tr("Clip from %1: mark the end (O)").replace("%1", clock(start))
        elif end is not None:
            text = self.tr("Clip to %1: mark the start (I)").replace("%1", clock(end))
        else:
            text = self.tr("Mark the clip's start (I) and end (O) on the timeline")
        self.range_label.setText(text)
        self.export_button.setEnabled(start is not None and end is not None and not self.exporting)

    def _ask_export_path(self, suggested: Path) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export clip"), str(suggested), self.tr("MP4 video (*.mp4)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".mp4" else path.with_name(path.name + ".mp4")

    def export_clip(self) -> None:
        """Ask where, then write the marked clip (on the thread pool) and show its hash."""
        start, end, camera_id = self.timeline.mark_in, self.timeline.mark_out, self.camera_id
        if self.exporting or camera_id is None:
            return
        if start is None or end is None:
            self.notice.setText("⚠ " + self.tr("Mark the clip's start (I) and end (O) first."))
            return
        local = start.astimezone(self.tz)
        suggested = _default_folder() / (
            f"{camera_id}-{local:%Y%m%d-%H%M%S}-{end.astimezone(self.tz):%H%M%S}.mp4"
        )
        out = self.choose_export_path(suggested)
        if out is None:
            return
        self.exporting = True
        self._show_marks()
        self.export_warning.hide()
        self.export_result.setText(self.tr("Exporting to %1…").replace("%1", str(out)))
        recordings, actor, name = self.recordings, self.ctx.actor, self.camera_name(camera_id)
        run_in_background(
            self,
            lambda: recordings.export_clip(camera_id, start, end, out, actor),
            self._exported,
            lambda exc: self._export_failed(exc, name),
        )

    def _exported(self, result: ClipResult) -> None:
        self.exporting = False
        self.last_export = result
        self._show_marks()
        clock = self.timeline.clock
        lines = [
            self.tr("Saved %1").replace("%1", str(result.path)),
            self.tr("SHA-256: %1").replace("%1", result.sha256),
            self.tr("Size: %1 · Duration: %2 · From %3 to %4")
            .replace("%1", _size_text(result.bytes))
            .replace("%2", _duration_text(result.duration_s))
            .replace("%3", clock(result.start))
            .replace("%4", clock(result.end)),
        ]
        self.export_result.setText("\n".join(lines))
        self.export_result.setAccessibleDescription(" ".join(lines))
        if result.missing:
            holes = ", ".join(f"{clock(a)}–{clock(b)}" for a, b in result.missing)
            text = "⚠ " + self.tr(
                "Part of this clip has no recording: %1. The clip does not show these stretches."
            ).replace("%1", holes)
            self.export_warning.setText(text)
            self.export_warning.setAccessibleDescription(text)
            self.export_warning.show()

    def _export_failed(self, exc: Exception, camera_name: str) -> None:
        self.exporting = False
        self._show_marks()
        text = "⚠ " + self.tr("Export failed: %1").replace(
            "%1", recording_error_text(exc, camera_name)
        )
        self.export_result.setText(text)
        self.export_result.setAccessibleDescription(text)


# -- instant replay -----------------------------------------------------------------------------


class ReplayDialog(QDialog):
    """The last half-minute of a camera from a temporary MP4, deleted when the dialog closes.

    Given the pane context, the camera and the footage time the clip ends at, what is played
    is recorded as a viewing (context "replay"), like playback in the pane."""

    def __init__(
        self,
        parent: QWidget,
        camera_name: str,
        path: Path,
        *,
        ctx: PaneContext | None = None,
        camera_id: str = "",
        clip_end: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.camera_name = camera_name
        self.camera_id, self.clip_end = camera_id, clip_end
        self.views = (
            ViewRecorder(self, ctx.desk.loans, ctx.actor, "replay") if ctx is not None else None
        )
        self.choose_save_path: Callable[[Path], Path | None] = self._ask_save_path
        self.saved_path: Path | None = None
        self._released = False
        self._saving = False
        title = self.tr("Instant replay – %1").replace("%1", camera_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("instant-replay")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Deleted with its window even if the dialog is never closed (the console quits).
        self.destroyed.connect(lambda _obj=None, p=path: _unlink_quietly(p))
        self.video = QtMultimediaWidgets.QVideoWidget()
        self.video.setAccessibleName(self.tr("Replay video"))
        self.video.setMinimumSize(480, 270)
        self.player = QtMultimedia.QMediaPlayer(self)
        self.player.setVideoOutput(self.video)
        self.play_button = _button(self.tr("Pause"), self.toggle_play, "replay-play")
        self.play_button.setAccessibleName(self.tr("Play or pause"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("replay-position")
        self.slider.setAccessibleName(self.tr("Position"))
        self.slider.setSingleStep(1000)
        self.slider.setPageStep(5000)
        self.time_label = QLabel("00:00 / 00:00")
        self.time_label.setAccessibleName(self.tr("Position in the replay"))
        self.save_button = _button(self.tr("&Save as…"), self.save_as, "replay-save")
        self.close_button = _button(self.tr("&Close"), self.close, "replay-close")
        self.status = QLabel()
        self.status.setObjectName("replay-status")
        self.status.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)
        layout.addLayout(buttons)
        self._updating = False
        self.player.durationChanged.connect(self._duration)
        self.player.positionChanged.connect(self._position)
        self.player.playbackStateChanged.connect(self._play_state_changed)
        self.player.errorOccurred.connect(self._error)
        self.slider.valueChanged.connect(self._slider_moved)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.play()
        self.play_button.setFocus()

    def toggle_play(self) -> None:
        if self.player.playbackState() == QtMultimedia.QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def _playing(self) -> bool:
        return self.player.playbackState() == QtMultimedia.QMediaPlayer.PlaybackState.PlayingState

    def footage_at(self, ms: int) -> datetime | None:
        """The footage time at `ms` into the clip (which ends at `clip_end`)."""
        duration = self.player.duration()
        if self.clip_end is None or duration <= 0:
            return None
        return self.clip_end - timedelta(milliseconds=duration - min(ms, duration))

    def _watching(self, ms: int) -> None:
        at = self.footage_at(ms)
        if self.views is not None and at is not None:
            self.views.watching(self.camera_id, at)

    def _end_watch(self) -> None:
        if self.views is None:
            return
        at = self.footage_at(self.player.position())
        if at is not None:
            self.views.reach(self.camera_id, at)
        self.views.flush()

    def _play_state_changed(self, _state: Any) -> None:
        self._show_play_state()
        if not self._playing():
            self._end_watch()

    def _show_play_state(self) -> None:
        playing = self._playing()
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    @staticmethod
    def _mmss(ms: int) -> str:
        seconds = max(0, ms) // 1000
        return f"{seconds // 60:02d}:{seconds % 60:02d}"

    def _duration(self, ms: int) -> None:
        self._updating = True
        self.slider.setRange(0, max(0, ms))
        self._updating = False
        self._position(self.player.position())

    def _position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self._updating = True
            self.slider.setValue(ms)
            self._updating = False
        self.time_label.setText(f"{self._mmss(ms)} / {self._mmss(self.player.duration())}")
        if self._playing():
            self._watching(ms)

    def _slider_moved(self, value: int) -> None:
        if not self._updating:
            self._end_watch()  # a jump: what was watched up to here is one viewing
            self.player.setPosition(value)

    def _error(self, _error: Any, text: str) -> None:
        if text:
            self.status.setText("⚠ " + self.tr("Player: %1").replace("%1", text))

    def _ask_save_path(self, suggested: Path) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save replay"), str(suggested), self.tr("MP4 video (*.mp4)")
        )
        return Path(name) if name else None

    def save_as(self) -> None:
        """Copy the temporary file where the operator says (on the thread pool)."""
        if self._saving or self._released:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        out = self.choose_save_path(_default_folder() / f"replay-{stamp}.mp4")
        if out is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        source = self.path
        run_in_background(
            self, lambda: Path(shutil.copyfile(source, out)), self._saved, self._save_failed
        )

    def _saved(self, out: Path) -> None:
        self._saving = False
        self.save_button.setEnabled(not self._released)
        self.saved_path = out
        self.status.setText(self.tr("Saved %1").replace("%1", str(out)))

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(not self._released)
        self.status.setText("⚠ " + self.tr("Could not save: %1").replace("%1", describe(exc)))

    def release(self) -> None:
        """Stop the player and delete the temporary file (once)."""
        if self._released:
            return
        self._released = True
        self._end_watch()
        self.player.stop()
        self.player.setSource(QUrl())
        if self._saving:
            return  # the copy still reads it: deleted with the dialog (destroyed)
        _unlink_quietly(self.path)

    def done(self, result: int) -> None:
        self.release()
        super().done(result)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.release()
        super().closeEvent(event)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not delete the replay file %s: %s", path, exc)


def open_instant_replay(parent: QWidget, ctx: PaneContext, camera_id: str) -> None:
    """Make a clip of the camera's last half-minute (on the thread pool), then show it in a
    ReplayDialog; a failure is a message that names the camera."""
    try:
        name = ctx.desk.cameras.camera(camera_id).name
    except KeyError:
        name = camera_id

    def tell(text: str) -> None:
        if not shiboken6.isValid(parent):
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("PlaybackPane", "Instant replay"),
            text,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("replay-error")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    if MULTIMEDIA_ERROR is not None:
        tell(
            QCoreApplication.translate(
                "PlaybackPane", "Video playback is not available on this computer: %1"
            ).replace("%1", MULTIMEDIA_ERROR or "")
        )
        return

    def done(made: tuple[Path, datetime]) -> None:
        path, clip_end = made
        if not shiboken6.isValid(parent):  # the window went away meanwhile
            _unlink_quietly(path)
            return
        dialog = ReplayDialog(parent, name, path, ctx=ctx, camera_id=camera_id, clip_end=clip_end)
        dialog.show()

    def failed(exc: Exception) -> None:
        tell(recording_error_text(exc, name, replay=True))

    recordings = ctx.desk.recordings
    # Owned by the application, not the parent: a finished clip is deleted even if the
    # parent has gone.
    owner: QObject = QCoreApplication.instance() or parent
    run_in_background(owner, lambda: make_replay(recordings, camera_id), done, failed)


def make_replay(recordings: RecordingService, camera_id: str) -> tuple[Path, datetime]:
    """The replay clip and the footage time it ends at (blocking: the thread pool).

    Core says only where the clip is: it ends at the moment asked when this process records
    the camera (the recorder's memory), else at the end of the newest indexed footage."""
    asked = utcnow()
    path = recordings.replay_clip(camera_id, REPLAY_SECONDS)
    try:
        if recordings.recorder_status(camera_id) is not None:
            return path, asked
        since = asked - timedelta(seconds=REPLAY_SECONDS)
        ends = [s.end for s in recordings.segments(camera_id, since, asked)]
        return path, min(asked, max(ends, default=asked))
    except BaseException:
        _unlink_quietly(path)
        raise


register(
    PaneSpec(
        key="playback",
        title=lambda: QCoreApplication.translate("PlaybackPane", "Playback"),
        factory=PlaybackPane,
        area=Qt.DockWidgetArea.RightDockWidgetArea,
        tab_with="wall",
        shortcut="Ctrl+5",
        menu_title=lambda: QCoreApplication.translate("PlaybackPane", "&Playback"),
    )
)
