"""One tile of the camera wall: the newest frame of a live view, its state in words, zoom and pan.

A capture worker calls a view's callbacks on its own thread. FrameRelay turns them into queued
signals with at most one "new frame" notification pending per tile: the worker keeps only the
newest frame, so a busy GUI thread takes one frame per turn instead of a backlog. The slot takes
the frame, wraps its array in a QImage (no copy) and asks for one repaint.

Views are closed on short threads of their own (ViewSet): stopping a worker joins its thread,
which can take up to the 2 s read timeout, and the GUI thread never waits for that.

A camera that video analysis finds tampered with (covered, blurred, turned away) gets a badge in
words over the top left of its picture; the wall tells the tile its state (set_tamper), and the
badge's text is laid out once per change, not per frame.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QEnterEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QStaticText,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from console.core.cameras import CameraService, Profile, View
from console.ui.i18n import CJK_FAMILIES
from devices.cameras.analytics import TamperState
from devices.cameras.base import Frame, StreamState, StreamStatus
from schema.types import utcnow

log = logging.getLogger(__name__)

MIME_CAMERA = "application/x-watchdesk-camera-id"
ZOOM_MIN, ZOOM_MAX = 1.0, 8.0
ZOOM_STEP = 1.25  # one wheel notch or one +/- key press
LATENCY_SAMPLES = 300  # decode-to-paint latencies kept per tile (seconds)

ALARM_RED = QColor("#d50000")
FOCUS_YELLOW = QColor("#ffd600")
CURRENT_GREY = QColor("#e0e0e0")
TEXT_WHITE = QColor("#ffffff")
TEXT_GREY = QColor("#bdbdbd")
DIM_OFFLINE = QColor(0, 0, 0, 215)
DIM_CAPTION = QColor(0, 0, 0, 150)
DIM_STATS = QColor(0, 0, 0, 180)
TAMPER_AMBER = QColor("#ffab00")  # the badge of a tampered camera (with words, never alone)
TEXT_BLACK = QColor("#000000")


def state_text(state: StreamState | None) -> str:
    """A camera's state as a symbol and words (never colour alone)."""
    if state is StreamState.LIVE:
        return "● " + QCoreApplication.translate("CameraTile", "live")
    if state is StreamState.CONNECTING:
        return "… " + QCoreApplication.translate("CameraTile", "connecting")
    if state is StreamState.OFFLINE:
        return "✖ " + QCoreApplication.translate("CameraTile", "signal lost")
    if state is StreamState.STOPPED:
        return "○ " + QCoreApplication.translate("CameraTile", "stopped")
    return "○ " + QCoreApplication.translate("CameraTile", "not shown")


def camera_mime(camera_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_CAMERA, camera_id.encode("utf-8"))
    return mime


def camera_from_mime(mime: QMimeData) -> str | None:
    if not mime.hasFormat(MIME_CAMERA):
        return None
    text = bytes(mime.data(MIME_CAMERA).data()).decode("utf-8", "replace")
    return text or None


def frame_image(frame: Frame) -> QImage:
    """The frame's pixels as a QImage without a copy: keep `frame` while the image is used."""
    return QImage(
        frame.image.data, frame.width, frame.height, frame.width * 4, QImage.Format.Format_RGB32
    )


def caption_font(pixel_size: int) -> QFont:
    font = QFont()
    font.setFamilies([*CJK_FAMILIES, font.defaultFamily()])
    font.setPixelSize(max(8, pixel_size))
    font.setBold(True)
    return font


def snapshot_image(frame: Frame, caption: str) -> QImage:
    """A copy of the frame at its own size with `caption` burnt in along the bottom.

    Safe on a worker thread (QImage and QPainter on an image, not a widget)."""
    image = frame_image(frame).copy()  # the frame stays untouched
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = caption_font(max(12, frame.height // 24))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        band = round(metrics.height() * 1.5)
        rect = QRectF(0, frame.height - band, frame.width, band)
        painter.fillRect(rect, QColor(0, 0, 0, 170))
        painter.setPen(Qt.GlobalColor.white)
        margin = metrics.height() / 2
        painter.drawText(
            rect.adjusted(margin, 0, -margin, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            caption,
        )
    finally:
        painter.end()
    return image


class FrameRelay(QObject):
    """Worker-thread callbacks in, queued signals out; one frame notification pending at most."""

    frame_ready = Signal()
    status_changed = Signal(int, object)  # (view generation, StreamStatus)

    def __init__(self) -> None:
        super().__init__()
        self._pending = threading.Lock()  # held from the notification until the slot runs

    def notify_frame(self) -> None:
        """Worker thread: tell the tile, unless it has not yet handled the last notification."""
        if self._pending.acquire(blocking=False):
            self.frame_ready.emit()

    def notify_status(self, generation: int, status: StreamStatus) -> None:
        self.status_changed.emit(generation, status)

    def frame_handled(self) -> None:
        """GUI thread, first thing in the slot: the next new frame notifies again."""
        if self._pending.locked():
            self._pending.release()

    @property
    def pending(self) -> bool:
        return self._pending.locked()


class _Link:
    """A worker's way back to its tile. Cut when the tile lets go of the view, so the calls a
    closing worker still makes (its STOPPED status, a last frame) go nowhere."""

    __slots__ = ("cut", "generation", "relay")

    def __init__(self, relay: FrameRelay, generation: int) -> None:
        self.relay, self.generation, self.cut = relay, generation, False

    def on_frame(self) -> None:
        if not self.cut:
            self.relay.notify_frame()

    def on_status(self, status: StreamStatus) -> None:
        if not self.cut:
            self.relay.notify_status(self.generation, status)


def _close_view(view: View) -> None:
    try:
        view.close()
    except Exception:
        log.exception("could not close the view of camera %s", view.camera_id)


class ViewSet:
    """Every view one wall has open. GUI thread only; plain Python, so it can still close the
    views when the wall's widgets are being destroyed."""

    def __init__(self) -> None:
        self._open: dict[View, _Link] = {}

    def __len__(self) -> int:
        return len(self._open)

    @property
    def views(self) -> list[View]:
        return list(self._open)

    def add(self, view: View, link: _Link) -> None:
        self._open[view] = link

    def release(self, view: View) -> None:
        """Cut the view's callbacks now and close it off the GUI thread."""
        link = self._open.pop(view, None)
        if link is not None:
            link.cut = True
        threading.Thread(
            target=_close_view, args=(view,), name=f"wall-close-{view.camera_id}", daemon=True
        ).start()

    def close_all(self, *_args: object) -> None:
        for view in list(self._open):
            self.release(view)


class CameraTile(QWidget):
    """One place on the wall. The wall decides what it shows; the tile shows it and reports what
    the operator does on it."""

    activated = Signal()  # focused or clicked: the wall's current tile
    double_clicked = Signal()
    enlarge_requested = Signal()  # Enter, or the context menu
    restore_requested = Signal()  # the context menu on an enlarged tile
    snapshot_requested = Signal()
    replay_requested = Signal()
    clear_requested = Signal()
    camera_dropped = Signal(str)  # a camera id dragged from the camera list
    zoom_changed = Signal(float)
    state_changed = Signal(object)  # StreamStatus of this tile's view, when its state changes

    def __init__(
        self,
        index: int,
        service: CameraService,
        names: dict[str, str],
        tz: tzinfo,
        views: ViewSet,
        parent: QWidget | None = None,
        tamper_of: Callable[[str], TamperState | None] | None = None,
    ) -> None:
        """`tamper_of` gives a camera's tamper state when it is put on the tile (None: not
        analysed); set_tamper() follows it afterwards."""
        super().__init__(parent)
        self.index = index
        self._service, self._names, self._tz, self._views = service, names, tz, views
        self._tamper_of = tamper_of
        self.camera_id: str | None = None
        self.profile: Profile = "sub"  # the stream wanted; view.profile is the one running
        self.view: View | None = None
        self.frame: Frame | None = None  # the frame shown (keeps the QImage's pixels alive)
        self.image = QImage()
        self.status: StreamStatus | None = None
        self.zoom = 1.0
        self._center = QPointF(0.5, 0.5)  # of the visible part, in picture fractions
        self.enlarged = False
        self.current = False
        self.alarm_zone: str | None = None  # "Alarm: <zone>" and a red frame while set
        self.tamper: TamperState | None = None  # a badge while not OK; None: not analysed
        self._badge = QStaticText()  # laid out when its text or room changes, not per frame
        self._badge.setTextFormat(Qt.TextFormat.PlainText)
        self._badge_key: tuple[str, int] | None = None
        self.badge_rect: QRectF | None = None  # where the badge was last painted
        self.latencies: deque[float] = deque(maxlen=LATENCY_SAMPLES)
        self.painted = 0
        self._unpainted = False
        self._hover = False
        self._pan_from: tuple[QPointF, QPointF] | None = None
        self._generation = 0
        self.relay = FrameRelay()  # no parent: the links of closing workers keep it alive
        self.relay.frame_ready.connect(self._take_frame)
        self.relay.status_changed.connect(self._status_arrived)
        self.setObjectName(f"camera-tile-{index + 1}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(64, 36)
        self._update_fonts()
        self._describe()

    # -- what it shows ------------------------------------------------------------------------

    def camera_name(self) -> str:
        if self.camera_id is None:
            return ""
        return self._names.get(self.camera_id, self.camera_id)

    @property
    def state(self) -> StreamState | None:
        return self.status.state if self.status is not None else None

    def set_camera(self, camera_id: str | None, *, streaming: bool) -> None:
        """Show this camera (None: empty); the stream starts now if the wall is streaming."""
        if camera_id == self.camera_id:
            if streaming:
                self.start()
            return
        self.stop()
        self.camera_id = camera_id
        self.frame, self.image, self.status = None, QImage(), None
        self.alarm_zone = None
        self.tamper = (
            self._tamper_of(camera_id)  # in memory, under a short lock
            if camera_id is not None and self._tamper_of is not None
            else None
        )
        self._reset_zoom()
        self._describe()
        if streaming:
            self.start()
        self.update()

    def set_tamper(self, state: TamperState | None) -> None:
        """The camera's tamper state changed: the badge shows while it is not OK."""
        if state is self.tamper:
            return
        self.tamper = state
        self._describe()
        self.update()

    def set_profile(self, profile: Profile, *, streaming: bool) -> None:
        """Sub stream for a small tile, main when enlarged: a different stream is a new view."""
        if profile == self.profile:
            return
        self.profile = profile
        if self.view is None or self.camera_id is None:
            return
        actual = "main" if profile == "main" or not self._service.has_sub(self.camera_id) else "sub"
        if self.view.profile == actual:
            return
        self.stop()  # the last picture stays up until the new stream's first frame
        if streaming:
            self.start()

    def start(self) -> None:
        if self.camera_id is None or self.view is not None:
            return
        self._generation += 1
        link = _Link(self.relay, self._generation)
        try:
            view = self._service.open_view(
                self.camera_id, self.profile, self._stream_size(), link.on_frame, link.on_status
            )
        except (KeyError, ValueError) as exc:
            log.warning("tile %d cannot show camera %s: %s", self.index + 1, self.camera_id, exc)
            self.status = StreamStatus("", StreamState.OFFLINE, utcnow(), str(exc))
            self._describe()
            self.update()
            return
        self.view = view
        self._views.add(view, link)
        self.status = view.status()
        self._describe()
        self.update()

    def stop(self) -> None:
        view, self.view = self.view, None
        if view is not None:
            self._generation += 1  # statuses still queued from the old view are dropped
            self._views.release(view)
        self.status = None

    # -- frames and status (queued from the worker) -------------------------------------------

    def _take_frame(self) -> None:
        self.relay.frame_handled()
        view = self.view
        if view is None:
            return
        frame = view.take()
        if frame is None:
            return
        self.frame = frame
        self.image = frame_image(frame)
        self._unpainted = True
        self.update()

    def _status_arrived(self, generation: int, status: StreamStatus) -> None:
        if generation != self._generation:
            return
        changed = self.status is None or self.status.state is not status.state
        self.status = status
        if changed:
            self._describe()
            self.state_changed.emit(status)
        if changed or self._hover:
            self.update()

    # -- sizes, zoom and pan ------------------------------------------------------------------

    def _stream_size(self) -> tuple[int, int]:
        """The box the worker scales frames into: the tile in device pixels, times the zoom
        (the worker never goes above the stream's own resolution)."""
        scale = self.devicePixelRatioF() * self.zoom
        return max(2, round(self.width() * scale)), max(2, round(self.height() * scale))

    def _send_size(self) -> None:
        if self.view is not None:
            self.view.set_size(*self._stream_size())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._update_fonts()
        self._send_size()

    def picture_rect(self) -> QRectF:
        """Where the picture goes: the tile, less black bars for the stream's aspect ratio."""
        area = QRectF(self.rect())
        width, height = 16.0, 9.0
        frame = self.frame
        if frame is not None:
            width, height = (
                (frame.source_width, frame.source_height)
                if frame.source_width > 0 and frame.source_height > 0
                else (frame.width, frame.height)
            )
        scale = min(area.width() / width, area.height() / height)
        w, h = width * scale, height * scale
        return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)

    def visible_rect(self) -> QRectF:
        """The part of the picture shown, in fractions of it (all of it at 1x)."""
        side = 1.0 / self.zoom
        x = min(max(self._center.x(), side / 2), 1 - side / 2)
        y = min(max(self._center.y(), side / 2), 1 - side / 2)
        return QRectF(x - side / 2, y - side / 2, side, side)

    def zoom_at(self, pos: QPointF, zoom: float) -> None:
        """Zoom to `zoom` (clamped to 1x..8x) keeping the picture point under `pos` in place."""
        zoom = min(max(zoom, ZOOM_MIN), ZOOM_MAX)
        if abs(zoom - self.zoom) < 1e-6 or self.camera_id is None:
            return
        target, visible = self.picture_rect(), self.visible_rect()
        fx = min(max((pos.x() - target.x()) / target.width(), 0.0), 1.0) if target.width() else 0.5
        fy = (
            min(max((pos.y() - target.y()) / target.height(), 0.0), 1.0) if target.height() else 0.5
        )
        u = visible.x() + fx * visible.width()
        v = visible.y() + fy * visible.height()
        side = 1.0 / zoom
        self.zoom = zoom
        self._center = QPointF(u - fx * side + side / 2, v - fy * side + side / 2)
        self._center = self.visible_rect().center()
        self._zoomed()

    def zoom_by(self, factor: float) -> None:
        self.zoom_at(self.picture_rect().center(), self.zoom * factor)

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the visible part by (dx, dy) widget pixels (a drag to the right shows more of
        the left)."""
        target, visible = self.picture_rect(), self.visible_rect()
        if target.width() <= 0 or target.height() <= 0:
            return
        center = visible.center()
        self._center = QPointF(
            center.x() - dx / target.width() * visible.width(),
            center.y() - dy / target.height() * visible.height(),
        )
        self._center = self.visible_rect().center()
        self.update()

    def reset_zoom(self) -> None:
        if self.zoom != 1.0:
            self._reset_zoom()
            self._zoomed()

    def _reset_zoom(self) -> None:
        self.zoom, self._center = 1.0, QPointF(0.5, 0.5)
        self._pan_from = None
        self.unsetCursor()

    def _zoomed(self) -> None:
        if self.zoom > 1.0:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()
        self._send_size()
        self.update()
        self.zoom_changed.emit(self.zoom)

    # -- painting -----------------------------------------------------------------------------

    def overlay_text(self) -> str:
        """The words over the picture: what the operator must know about this tile now."""
        if self.camera_id is None:
            return self.tr("Drop a camera here")
        state = self.state
        if state is StreamState.OFFLINE and self.status is not None:
            since = self.status.since.astimezone(self._tz).strftime("%H:%M:%S")
            return self.tr("Signal lost since %1").replace("%1", since)
        if self.image.isNull() and self.view is not None:
            return self.tr("Connecting…")
        return ""

    def badge_text(self) -> str:
        """The tamper badge, symbol and words; empty while the camera looks normal."""
        state = self.tamper
        if state is None or state is TamperState.OK:
            return ""
        if state is TamperState.COVERED:
            return "⚠ " + self.tr("Camera covered")
        if state is TamperState.DEFOCUSED:
            return "⚠ " + self.tr("Picture blurred")
        return "⚠ " + self.tr("Camera turned away")

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        try:
            if self.image.isNull():
                painter.fillRect(self.rect(), Qt.GlobalColor.black)
            else:
                self._paint_picture(painter)
                if self._unpainted and self.frame is not None:
                    self._unpainted = False
                    self.painted += 1
                    self.latencies.append(time.monotonic() - self.frame.decoded_mono)
            self._paint_state(painter)
            self._paint_badge(painter)
            self._paint_caption(painter)
            if self._hover and self.camera_id is not None:
                self._paint_stats(painter)
            self._paint_frames(painter)
        finally:
            painter.end()

    def _paint_picture(self, painter: QPainter) -> None:
        image, target = self.image, self.picture_rect()
        ratio = self.devicePixelRatioF()
        iw, ih = image.width(), image.height()
        fits = abs(target.width() * ratio - iw) <= 2 and abs(target.height() * ratio - ih) <= 2
        if self.zoom == 1.0 and fits:
            # The worker scaled it for this tile: a plain copy, no scaling while painting.
            w, h = iw / ratio, ih / ratio
            target = QRectF(target.center().x() - w / 2, target.center().y() - h / 2, w, h)
            self._fill_bars(painter, target)
            painter.drawImage(target, image)
            return
        self._fill_bars(painter, target)
        visible = self.visible_rect()
        source = QRectF(
            visible.x() * iw, visible.y() * ih, visible.width() * iw, visible.height() * ih
        )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image, source)

    def _fill_bars(self, painter: QPainter, picture: QRectF) -> None:
        """Black around the picture only: the picture itself is painted over once."""
        width, height = self.width(), self.height()
        left, top = picture.left(), picture.top()
        right, bottom = picture.right(), picture.bottom()
        black = Qt.GlobalColor.black
        if top > 0:
            painter.fillRect(QRectF(0, 0, width, top + 1), black)
        if bottom < height:
            painter.fillRect(QRectF(0, bottom - 1, width, height - bottom + 1), black)
        if left > 0:
            painter.fillRect(QRectF(0, 0, left + 1, height), black)
        if right < width:
            painter.fillRect(QRectF(right - 1, 0, width - right + 1, height), black)

    def _update_fonts(self) -> None:
        """Text sizes follow the tile's height; made once per resize, not per frame."""
        height, base = self.height(), self.font()

        def sized(divisor: int, low: int, high: int, bold: bool) -> QFont:
            font = QFont(base)
            font.setPixelSize(min(max(height // divisor, low), high))
            font.setBold(bold)
            return font

        self._font_state = sized(16, 11, 34, False)
        self._font_offline = sized(12, 11, 34, True)
        self._font_caption = sized(16, 11, 20, True)
        self._font_stats = sized(22, 10, 15, False)
        self._font_alarm = sized(12, 13, 30, True)
        self._font_badge = sized(14, 11, 30, True)
        self._badge_metrics = QFontMetrics(self._font_badge)
        self._badge_key = None  # laid out again in the new font
        self._caption_band = QFontMetrics(self._font_caption).height() + 6
        self._alarm_band = QFontMetrics(self._font_alarm).height() + 10
        self._stats_metrics = QFontMetrics(self._font_stats)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()

    def _paint_state(self, painter: QPainter) -> None:
        text = self.overlay_text()
        if not text:
            return
        offline = self.state is StreamState.OFFLINE
        if offline:
            painter.fillRect(self.rect(), DIM_OFFLINE)
            text = "⚠ " + text
            if self.status is not None and self.status.detail:
                text += "\n" + self.status.detail
        painter.setFont(self._font_offline if offline else self._font_state)
        painter.setPen(TEXT_WHITE if offline else TEXT_GREY)
        painter.drawText(
            QRectF(self.rect()).adjusted(8, 8, -8, -8),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            text,
        )

    def _paint_badge(self, painter: QPainter) -> None:
        """The tamper badge at the picture's top left (under the alarm band, if any)."""
        text = self.badge_text()
        if not text:
            self.badge_rect = None
            return
        metrics = self._badge_metrics
        pad_x, pad_y = metrics.height() / 2, metrics.height() / 5
        alarm = self.alarm_zone is not None
        inset = 8.0 if alarm else 0.0  # inside the red frame
        picture = self.picture_rect()
        top = max(picture.top(), self._alarm_band if alarm else 0.0) + 6
        left = max(picture.left(), inset) + 6
        room = int(min(picture.right(), self.width() - inset) - 6 - left - 2 * pad_x)
        key = (text, room)
        if key != self._badge_key:
            self._badge_key = key
            self._badge.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))
            self._badge.prepare(font=self._font_badge)
        size = self._badge.size()
        box = QRectF(left, top, size.width() + 2 * pad_x, metrics.height() + 2 * pad_y)
        self.badge_rect = box
        painter.fillRect(box, TAMPER_AMBER)
        painter.setPen(QPen(TEXT_BLACK, 1))
        painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setFont(self._font_badge)
        painter.drawStaticText(QPointF(left + pad_x, top + pad_y), self._badge)

    def _paint_caption(self, painter: QPainter) -> None:
        if self.camera_id is None:
            return
        text = self.camera_name()
        if self.zoom > 1.0:
            text += f"  ·  {self.zoom:.1f}×"
        if self.hasFocus() or self.current:
            text = "▶ " + text
        painter.setFont(self._font_caption)
        band = self._caption_band
        inset = 8 if self.alarm_zone is not None else 0  # inside the red frame
        rect = QRectF(inset, self.height() - band - inset, self.width() - 2 * inset, band)
        painter.fillRect(rect, DIM_CAPTION)
        painter.setPen(TEXT_WHITE)
        painter.drawText(
            rect.adjusted(8, 0, -8, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            text,
        )

    def stats_lines(self) -> list[str]:
        """The hover overlay: how the stream is doing."""
        status = self.status
        view = self.view
        fps = status.fps if status else 0.0
        width = status.source_width if status else 0
        height = status.source_height if status else 0
        if self.frame is not None and not width:
            width, height = self.frame.source_width, self.frame.source_height
        profile = view.profile if view is not None else self.profile
        stream = self.tr("main stream") if profile == "main" else self.tr("sub stream")
        return [
            self.tr("%1 fps").replace("%1", f"{fps:.1f}"),
            self.tr("Resolution: %1 × %2").replace("%1", str(width)).replace("%2", str(height)),
            self.tr("Dropped frames: %1").replace("%1", str(status.dropped if status else 0)),
            self.tr("Stream: %1").replace("%1", stream),
        ]

    def _paint_stats(self, painter: QPainter) -> None:
        lines = self.stats_lines()
        metrics = self._stats_metrics
        painter.setFont(self._font_stats)
        width = max(metrics.horizontalAdvance(line) for line in lines) + 16
        height = metrics.height() * len(lines) + 12
        top = self._alarm_band + 8 if self.alarm_zone else 8
        box = QRectF(self.width() - width - 8, top, width, height)
        badge = self.badge_rect
        if badge is not None and box.intersects(badge):
            box.moveTop(badge.bottom() + 4)  # under the tamper badge, not over it
        painter.fillRect(box, DIM_STATS)
        painter.setPen(TEXT_WHITE)
        painter.drawText(
            box.adjusted(8, 6, -8, -6),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            "\n".join(lines),
        )

    def _paint_frames(self, painter: QPainter) -> None:
        rect = QRectF(self.rect())
        if self.alarm_zone is not None:
            painter.setPen(QPen(ALARM_RED, 8))
            painter.drawRect(rect.adjusted(4, 4, -4, -4))
            painter.setFont(self._font_alarm)
            band = QRectF(0, 0, rect.width(), self._alarm_band)
            painter.fillRect(band, ALARM_RED)
            painter.setPen(TEXT_WHITE)
            painter.drawText(
                band.adjusted(12, 0, -12, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                "⚠ " + self.tr("Alarm: %1").replace("%1", self.alarm_zone),
            )
        if self.hasFocus():
            inset = 10 if self.alarm_zone is not None else 2
            painter.setPen(QPen(FOCUS_YELLOW, 3))
            painter.drawRect(rect.adjusted(inset, inset, -inset - 1, -inset - 1))
        elif self.current:
            painter.setPen(QPen(CURRENT_GREY, 1, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

    # -- accessibility ------------------------------------------------------------------------

    def _describe(self) -> None:
        name = self.camera_name() or self.tr("empty")
        self.setAccessibleName(
            self.tr("Camera tile %1: %2").replace("%1", str(self.index + 1)).replace("%2", name)
        )
        description = self.overlay_text()
        if self.camera_id is not None and not description:
            description = state_text(self.state)
        badge = self.badge_text()
        if badge:
            description = f"{description}. {badge}" if description else badge
        self.setAccessibleDescription(description)

    # -- input --------------------------------------------------------------------------------

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 - Qt API
        super().enterEvent(event)
        self._hover = True
        self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().leaveEvent(event)
        self._hover = False
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        self.activated.emit()
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        steps = event.angleDelta().y() / 120
        if not steps or self.camera_id is None:
            event.ignore()
            return
        self.zoom_at(event.position(), self.zoom * ZOOM_STEP**steps)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.zoom > 1.0:
            self._pan_from = (event.position(), self.visible_rect().center())
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.activated.emit()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._pan_from is None:
            super().mouseMoveEvent(event)
            return
        start, center = self._pan_from
        self._center = center
        delta = event.position() - start
        self.pan_by(delta.x(), delta.y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._pan_from is not None:
            self._pan_from = None
            self._zoomed_cursor()
        super().mouseReleaseEvent(event)

    def _zoomed_cursor(self) -> None:
        if self.zoom > 1.0:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._pan_from = None
            self.double_clicked.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        step = 0.1 * self.picture_rect().width()
        pans = {
            Qt.Key.Key_Left: (step, 0.0),
            Qt.Key.Key_Right: (-step, 0.0),
            Qt.Key.Key_Up: (0.0, step),
            Qt.Key.Key_Down: (0.0, -step),
        }
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enlarge_requested.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.reset_zoom()
        elif key in pans and self.zoom > 1.0:
            self.pan_by(*pans[Qt.Key(key)])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def context_menu(self) -> QMenu:
        """The tile's own menu (shortcut keys are shown; the wall's actions own them)."""
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Camera tile menu"))
        has_camera = self.camera_id is not None
        has_picture = has_camera and self.frame is not None
        entries = [
            (self.tr("&Snapshot") + "\tCtrl+S", self.snapshot_requested.emit, has_picture),
            (self.tr("Instant &replay"), self.replay_requested.emit, has_camera),
            (
                self.tr("&Restore") + "\tEsc" if self.enlarged else self.tr("&Enlarge") + "\tEnter",
                self.restore_requested.emit if self.enlarged else self.enlarge_requested.emit,
                has_camera,
            ),
            (self.tr("Reset &zoom") + "\t0", self.reset_zoom, self.zoom > 1.0),
            (self.tr("&Clear tile"), self.clear_requested.emit, has_camera),
        ]
        for text, slot, enabled in entries:
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            action.setEnabled(enabled)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        self.activated.emit()
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasFormat(MIME_CAMERA):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasFormat(MIME_CAMERA):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        camera_id = camera_from_mime(event.mimeData())
        if camera_id is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.camera_dropped.emit(camera_id)
