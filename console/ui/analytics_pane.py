"""Video analytics pane (视频分析): a camera's live picture with its areas drawn over it.

An area is a privacy mask (blacked out of every picture of the camera) or an alarm area
(intrusion, loitering, thrown object) that raises one video zone of the site file on its
schedule. Everyone who has the pane (supervisors and up) sees the areas and the camera's
tamper state in words, and may retake the camera's reference view after it was re-aimed on
purpose; only an administrator draws, edits and deletes areas (core refuses anyone else).

Drawing: New area → a kind → click points on the picture; a double-click or Enter closes the
outline, Backspace takes back the last point, Esc cancels. Without a mouse: the arrow keys
move a cross over the picture (Shift: ten times further) and Space puts a point there. Then
the form (name, zone, schedule, thresholds); Save hands the area to core on the thread pool.

The live view (the camera's sub stream, its privacy masks already blacked out by the capture
worker) runs only while the pane is shown; it is closed off the GUI thread when the camera
changes or the pane hides or closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import time

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QTime, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from console.core.analytics import AREA_KINDS, DEFAULTS, AnalyticsError, AreaDraft, AreaView
from console.core.auth import Permission
from console.core.cameras import View
from console.core.events import Event
from console.core.site import Zone
from console.ui.camera_tile import FrameRelay, ViewSet, _Link, frame_image, state_text
from console.ui.forms import error_label, show_error
from console.ui.panes import PaneContext, PaneSpec, register
from console.ui.wording import describe
from console.ui.worker import Reloader, run_in_background
from devices.cameras.analytics import Schedule, TamperState, days_text
from devices.cameras.base import Frame, StreamStatus
from devices.cameras.masks import MAX_POINTS, Point

STEP = 0.01  # an arrow key moves the drawing cross by 1 % of the picture
BIG_STEP = 0.1  # Shift+arrow by 10 %
SAME_POINT_PX = 3.0  # a click this close to the last point adds none (double-clicks)
ID_ROLE = Qt.ItemDataRole.UserRole
KIND_COLUMN, NAME_COLUMN, ZONE_COLUMN, SCHEDULE_COLUMN, ENABLED_COLUMN = range(5)

# Each kind has its colour and its line; the label on the picture says the kind in words too.
KIND_COLOURS = {
    "privacy": QColor("#e0e0e0"),
    "intrusion": QColor("#ff1744"),
    "loitering": QColor("#ffc400"),
    "thrown": QColor("#00e5ff"),
}
KIND_LINES = {
    "privacy": Qt.PenStyle.DashLine,
    "intrusion": Qt.PenStyle.SolidLine,
    "loitering": Qt.PenStyle.DashLine,
    "thrown": Qt.PenStyle.DotLine,
}
HATCH = QColor("#9e9e9e")
LABEL_BACK = QColor(0, 0, 0, 190)
DRAFT_WHITE = QColor("#ffffff")
CROSS_YELLOW = QColor("#ffea00")
WARN_RED = "#b00020"


def kind_text(kind: str) -> str:
    texts = {
        "privacy": QCoreApplication.translate("AnalyticsPane", "Privacy mask"),
        "intrusion": QCoreApplication.translate("AnalyticsPane", "Intrusion"),
        "loitering": QCoreApplication.translate("AnalyticsPane", "Loitering"),
        "thrown": QCoreApplication.translate("AnalyticsPane", "Thrown object"),
    }
    return texts.get(kind, kind)


def tamper_text(state: TamperState | str | None) -> str:
    """The camera's tamper state in words, with a symbol (never colour alone)."""
    if state is None:
        return "— " + QCoreApplication.translate("AnalyticsPane", "Not analysed")
    texts = {
        TamperState.OK: "✔ " + QCoreApplication.translate("AnalyticsPane", "Normal"),
        TamperState.COVERED: "⚠ " + QCoreApplication.translate("AnalyticsPane", "Camera covered"),
        TamperState.DEFOCUSED: "⚠ "
        + QCoreApplication.translate("AnalyticsPane", "Picture blurred"),
        TamperState.TURNED: "⚠ "
        + QCoreApplication.translate("AnalyticsPane", "Camera turned away"),
    }
    try:
        return texts[TamperState(state)]
    except ValueError:
        return "⚠ " + str(state)


def day_names() -> list[str]:
    """Monday first, like Schedule.days (0 = Monday)."""
    return [
        QCoreApplication.translate("AnalyticsPane", "Mon"),
        QCoreApplication.translate("AnalyticsPane", "Tue"),
        QCoreApplication.translate("AnalyticsPane", "Wed"),
        QCoreApplication.translate("AnalyticsPane", "Thu"),
        QCoreApplication.translate("AnalyticsPane", "Fri"),
        QCoreApplication.translate("AnalyticsPane", "Sat"),
        QCoreApplication.translate("AnalyticsPane", "Sun"),
    ]


def _days_words(days: frozenset[int]) -> str:
    """'Mon–Fri', 'Sat, Sun', 'Mon, Wed–Fri' (three days or more in a row as a range)."""
    return days_text(days, day_names(), "–")


def schedule_words(schedule: Schedule | None) -> str:
    """A schedule in the operator's language (Schedule.describe() is the log's English)."""
    every = not schedule or not schedule.days or len(schedule.days) == 7
    if schedule is None or (every and schedule.start == schedule.end):
        return QCoreApplication.translate("AnalyticsPane", "Always")
    days = (
        QCoreApplication.translate("AnalyticsPane", "Every day")
        if every
        else _days_words(schedule.days)
    )
    if schedule.start == schedule.end:
        return QCoreApplication.translate("AnalyticsPane", "%1, all day").replace("%1", days)
    hours = f"{schedule.start:%H:%M}–{schedule.end:%H:%M}"
    return f"{days} {hours}"


def schedule_text(area: AreaView) -> str:
    return "—" if area.kind == "privacy" else schedule_words(area.schedule)


def error_text(exc: Exception) -> str:
    """Core's refusals in the operator's words (unknown errors keep their own text)."""
    if not isinstance(exc, AnalyticsError):
        return describe(exc)
    texts = {
        "no_camera": QCoreApplication.translate(
            "AnalyticsPane", "The site file has no such camera any more."
        ),
        "bad_kind": QCoreApplication.translate("AnalyticsPane", "Unknown kind of area."),
        "bad_polygon": QCoreApplication.translate(
            "AnalyticsPane",
            "Draw the outline again: it needs at least 3 points on the picture and must "
            "enclose an area.",
        ),
        "zone_on_mask": QCoreApplication.translate(
            "AnalyticsPane", "A privacy mask raises no alarm: it takes no zone."
        ),
        "no_zone": QCoreApplication.translate(
            "AnalyticsPane",
            "Choose the zone this area raises. A camera's zones are the [[zones]] of kind "
            '"video" with its camera in the site file.',
        ),
        "not_video_zone": QCoreApplication.translate(
            "AnalyticsPane", "That zone is not a video zone of the site file."
        ),
        "zone_camera": QCoreApplication.translate(
            "AnalyticsPane", "That zone belongs to another camera."
        ),
        "zone_taken": QCoreApplication.translate(
            "AnalyticsPane",
            "Another area already raises this zone: choose another zone, or edit that area.",
        ),
        "bad_schedule": QCoreApplication.translate(
            "AnalyticsPane", "The schedule is not valid: check its days and times."
        ),
        "bad_value": QCoreApplication.translate("AnalyticsPane", "A threshold is out of range: %1"),
        "no_area": QCoreApplication.translate(
            "AnalyticsPane", "This area no longer exists: someone deleted it."
        ),
        "not_analysed": QCoreApplication.translate(
            "AnalyticsPane",
            "This camera is not being analysed now (the devices are not started here, or "
            "[analytics] is off in the site file).",
        ),
    }
    text = texts.get(exc.code, str(exc))
    return text.replace("%1", str(exc).partition(": ")[2] or str(exc))


def _label_font() -> QFont:
    font = QFont()
    font.setPixelSize(12)
    font.setBold(True)
    return font


# -- the picture ------------------------------------------------------------------------------


class AreaPicture(QWidget):
    """The live picture, fitted with its aspect kept, the areas over it, and the outline being
    drawn. Points are fractions of the picture (0..1), like the areas core keeps."""

    outline_changed = Signal()  # a point added or taken back while drawing
    outline_closed = Signal()  # double-click or Enter with 3 points or more
    outline_refused = Signal()  # Enter with fewer than 3 points
    drawing_cancelled = Signal()  # Esc
    area_clicked = Signal(int)  # an area clicked while not drawing
    resized = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.frame: Frame | None = None  # keeps the QImage's pixels alive
        self.image = QImage()
        self.status_words = ""
        self.areas: list[AreaView] = []
        self.hidden_area: int | None = None  # being edited: shown as the draft instead
        self.selected: int | None = None
        self.drawing = False
        self.draft: list[Point] = []
        self.draft_kind = "intrusion"
        self.cross: Point = (0.5, 0.5)
        self.hover: Point | None = None
        self._font = _label_font()
        self.setObjectName("analytics-picture")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(640, 360)

    # -- what it shows ------------------------------------------------------------------------

    def set_frame(self, frame: Frame) -> None:
        self.frame, self.image = frame, frame_image(frame)
        self.update()

    def clear_picture(self, words: str = "") -> None:
        self.frame, self.image, self.status_words = None, QImage(), words
        self.update()

    def set_status(self, words: str) -> None:
        self.status_words = words
        self.update()

    def set_areas(self, areas: list[AreaView]) -> None:
        self.areas = areas
        self.update()

    def select(self, area_id: int | None) -> None:
        self.selected = area_id
        self.update()

    def stream_size(self) -> tuple[int, int]:
        ratio = self.devicePixelRatioF()
        return max(2, round(self.width() * ratio)), max(2, round(self.height() * ratio))

    # -- geometry -----------------------------------------------------------------------------

    def picture_rect(self) -> QRectF:
        """Where the picture is: the widget less black bars for the stream's aspect."""
        area = QRectF(self.rect())
        width, height = 16.0, 9.0
        frame = self.frame
        if frame is not None and frame.source_width > 0 and frame.source_height > 0:
            width, height = frame.source_width, frame.source_height
        elif frame is not None and frame.width > 0 and frame.height > 0:
            width, height = frame.width, frame.height
        scale = min(area.width() / width, area.height() / height)
        w, h = width * scale, height * scale
        return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)

    def fraction_at(self, pos: QPointF) -> Point:
        rect = self.picture_rect()
        if rect.isEmpty():
            return 0.5, 0.5
        x = min(max((pos.x() - rect.x()) / rect.width(), 0.0), 1.0)
        y = min(max((pos.y() - rect.y()) / rect.height(), 0.0), 1.0)
        return round(x, 5), round(y, 5)

    def point_at(self, point: Point) -> QPointF:
        rect = self.picture_rect()
        return QPointF(rect.x() + point[0] * rect.width(), rect.y() + point[1] * rect.height())

    def _polygon(self, points: tuple[Point, ...] | list[Point]) -> QPolygonF:
        return QPolygonF([self.point_at(p) for p in points])

    def area_at(self, pos: QPointF) -> AreaView | None:
        """The smallest shown area under `pos` (areas may nest)."""
        under = [
            a
            for a in self.areas
            if a.id != self.hidden_area
            and self._polygon(a.polygon).containsPoint(pos, Qt.FillRule.OddEvenFill)
        ]
        return min(
            under, key=lambda a: self._polygon(a.polygon).boundingRect().width(), default=None
        )

    # -- drawing ------------------------------------------------------------------------------

    def start_drawing(self, kind: str) -> None:
        self.drawing, self.draft, self.draft_kind = True, [], kind
        self.cross, self.hover = (0.5, 0.5), None
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update()

    def show_draft(self, kind: str, points: list[Point]) -> None:
        """The outline of the area being edited, closed (not drawing)."""
        self.drawing, self.draft, self.draft_kind = False, list(points), kind
        self.unsetCursor()
        self.update()

    def clear_draft(self) -> None:
        self.drawing, self.draft, self.hidden_area, self.hover = False, [], None, None
        self.unsetCursor()
        self.update()

    def add_point(self, point: Point) -> None:
        if not self.drawing or len(self.draft) >= MAX_POINTS:
            return
        if self.draft:
            last = self.point_at(self.draft[-1])
            here = self.point_at(point)
            if abs(last.x() - here.x()) + abs(last.y() - here.y()) < SAME_POINT_PX:
                return
        self.draft.append(point)
        self.outline_changed.emit()
        self.update()

    def remove_last(self) -> None:
        if self.drawing and self.draft:
            self.draft.pop()
            self.outline_changed.emit()
            self.update()

    def close_outline(self) -> None:
        if not self.drawing:
            return
        if len(self.draft) < 3:
            self.outline_refused.emit()
            return
        self.drawing = False
        self.unsetCursor()
        self.update()
        self.outline_closed.emit()

    def cancel_drawing(self) -> None:
        if self.drawing:
            self.drawing = False
            self.unsetCursor()
            self.update()
            self.drawing_cancelled.emit()

    def move_cross(self, dx: float, dy: float) -> None:
        x = min(max(self.cross[0] + dx, 0.0), 1.0)
        y = min(max(self.cross[1] + dy, 0.0), 1.0)
        self.cross = (round(x, 5), round(y, 5))
        self.hover = None
        self.update()

    # -- input --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if not self.drawing or not self._drawing_key(event):
            super().keyPressEvent(event)
            return
        event.accept()

    def _drawing_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        step = BIG_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else STEP
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if key in moves:
            self.move_cross(*moves[Qt.Key(key)])
        elif key == Qt.Key.Key_Space:
            self.add_point(self.cross)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close_outline()
        elif key == Qt.Key.Key_Backspace:
            self.remove_last()
        elif key == Qt.Key.Key_Escape:
            self.cancel_drawing()
        else:
            return False
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if self.drawing:
            point = self.fraction_at(event.position())
            self.cross = point
            self.add_point(point)
        elif (area := self.area_at(event.position())) is not None:
            self.area_clicked.emit(area.id)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.drawing:
            self.add_point(self.fraction_at(event.position()))  # none if the press added it
            self.close_outline()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self.drawing:
            self.hover = self.fraction_at(event.position())
            self.update()
        super().mouseMoveEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.resized.emit()

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), Qt.GlobalColor.black)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            if self.image.isNull():
                self._paint_status(painter)
            else:
                painter.drawImage(self.picture_rect(), self.image)
            painter.setFont(self._font)
            for area in self.areas:
                if area.id != self.hidden_area:
                    self._paint_area(painter, area)
            self._paint_draft(painter)
            if self.drawing:
                self._paint_cross(painter)
        finally:
            painter.end()

    def _paint_status(self, painter: QPainter) -> None:
        painter.setPen(QColor("#bdbdbd"))
        painter.drawText(
            QRectF(self.rect()).adjusted(8, 8, -8, -8),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.status_words,
        )

    def _paint_area(self, painter: QPainter, area: AreaView) -> None:
        polygon = self._polygon(area.polygon)
        selected = area.id == self.selected
        colour = QColor(KIND_COLOURS.get(area.kind, DRAFT_WHITE))
        if not area.enabled:
            colour.setAlpha(150)
        if area.kind == "privacy":  # the picture is black there: a hatch over it
            painter.setBrush(QBrush(HATCH, Qt.BrushStyle.BDiagPattern))
        elif selected:
            fill = QColor(colour)
            fill.setAlpha(70)
            painter.setBrush(fill)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(
            QPen(colour, 4 if selected else 2, KIND_LINES.get(area.kind, Qt.PenStyle.SolidLine))
        )
        painter.drawPolygon(polygon)
        if selected:  # a white edge inside the coloured one
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(DRAFT_WHITE, 1))
            painter.drawPolygon(polygon)
        self._paint_label(painter, polygon, self._label(area), colour)

    def _label(self, area: AreaView) -> str:
        text = f"{kind_text(area.kind)} · {area.name}"
        if area.kind == "privacy":
            text = "▨ " + text
        if not area.enabled:
            text += " " + self.tr("(off)")
        if area.id == self.selected:
            text = "▶ " + text
        return text

    def _paint_label(self, painter: QPainter, polygon: QPolygonF, text: str, ink: QColor) -> None:
        metrics = QFontMetricsF(self._font)
        width, height = metrics.horizontalAdvance(text) + 10, metrics.height() + 4
        bounds, picture = polygon.boundingRect(), self.picture_rect()
        x = min(max(bounds.left(), picture.left()), max(picture.left(), picture.right() - width))
        y = bounds.top() - height - 2
        if y < picture.top():
            y = min(bounds.top() + 2, picture.bottom() - height)
        box = QRectF(x, y, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_BACK)
        painter.drawRect(box)
        painter.setPen(ink)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_draft(self, painter: QPainter) -> None:
        if not self.draft:
            return
        colour = KIND_COLOURS.get(self.draft_kind, DRAFT_WHITE)
        points = [self.point_at(p) for p in self.draft]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(DRAFT_WHITE, 3))
        if self.drawing:
            painter.drawPolyline(QPolygonF(points))
            tip = self.hover if self.hover is not None else self.cross
            painter.setPen(QPen(DRAFT_WHITE, 1, Qt.PenStyle.DashLine))
            painter.drawLine(points[-1], self.point_at(tip))
        else:
            painter.drawPolygon(QPolygonF(points))
            self._paint_label(
                painter, QPolygonF(points), "✎ " + kind_text(self.draft_kind), DRAFT_WHITE
            )
        painter.setBrush(Qt.BrushStyle.NoBrush)  # (the label left its own brush)
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        if self.drawing:
            painter.drawPolyline(QPolygonF(points))
        else:
            painter.drawPolygon(QPolygonF(points))
        painter.setPen(QPen(Qt.GlobalColor.black, 1))
        painter.setBrush(DRAFT_WHITE)
        for point in points:
            painter.drawEllipse(point, 4, 4)

    def _paint_cross(self, painter: QPainter) -> None:
        centre, rect = self.point_at(self.cross), self.picture_rect()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(CROSS_YELLOW, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(rect.left(), centre.y()), QPointF(rect.right(), centre.y()))
        painter.drawLine(QPointF(centre.x(), rect.top()), QPointF(centre.x(), rect.bottom()))
        painter.setPen(QPen(CROSS_YELLOW, 2))
        painter.drawEllipse(centre, 7, 7)


# -- the area form ----------------------------------------------------------------------------


class ScheduleEditor(QWidget):
    """Always armed, or on some days (none ticked: every day) between two times."""

    def __init__(self) -> None:
        super().__init__()
        self.always = QCheckBox(self.tr("Al&ways armed"))
        self.always.setObjectName("analytics-always")
        self.always.setChecked(True)
        names = [
            (self.tr("Mon"), self.tr("Monday")),
            (self.tr("Tue"), self.tr("Tuesday")),
            (self.tr("Wed"), self.tr("Wednesday")),
            (self.tr("Thu"), self.tr("Thursday")),
            (self.tr("Fri"), self.tr("Friday")),
            (self.tr("Sat"), self.tr("Saturday")),
            (self.tr("Sun"), self.tr("Sunday")),
        ]
        self.days: list[QCheckBox] = []
        for n, (short, full) in enumerate(names):
            box = QCheckBox(short)
            box.setObjectName(f"analytics-day-{n}")
            box.setAccessibleName(full)
            box.setToolTip(self.tr("No day ticked: every day"))
            self.days.append(box)
        self.start = self._time_edit("analytics-from", self.tr("Armed from"))
        self.end = self._time_edit("analytics-until", self.tr("Armed until"))
        self.start.setTime(QTime(22, 0))
        self.end.setTime(QTime(6, 0))
        self.always.toggled.connect(self._sync)
        self._layout()
        self._sync()

    def _time_edit(self, name: str, accessible: str) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setObjectName(name)
        edit.setDisplayFormat("HH:mm")
        edit.setAccessibleName(accessible)
        return edit

    def _layout(self) -> None:
        days = QGridLayout()
        days.setContentsMargins(0, 0, 0, 0)
        for n, box in enumerate(self.days):
            days.addWidget(box, n // 4, n % 4)
        days.setColumnStretch(4, 1)
        times = QHBoxLayout()
        times.setContentsMargins(0, 0, 0, 0)
        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self.start)
        until_label = QLabel(self.tr("&until"))
        until_label.setBuddy(self.end)
        for widget in (from_label, self.start, until_label, self.end):
            times.addWidget(widget)
        times.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.always)
        column.addLayout(days)
        column.addLayout(times)

    def _sync(self) -> None:
        on = not self.always.isChecked()
        for widget in (*self.days, self.start, self.end):
            widget.setEnabled(on)

    def set(self, schedule: Schedule | None) -> None:
        self.always.setChecked(schedule is None)
        if schedule is not None:
            for n, box in enumerate(self.days):
                box.setChecked(n in schedule.days)
            self.start.setTime(QTime(schedule.start.hour, schedule.start.minute))
            self.end.setTime(QTime(schedule.end.hour, schedule.end.minute))
        else:
            for box in self.days:
                box.setChecked(False)

    def get(self) -> Schedule | None:
        if self.always.isChecked():
            return None
        days = frozenset(n for n, box in enumerate(self.days) if box.isChecked())
        start, end = self.start.time(), self.end.time()
        return Schedule(
            days=days, start=time(start.hour(), start.minute()), end=time(end.hour(), end.minute())
        )


class AreaForm(QGroupBox):
    """The area being drawn or edited: what it is, which zone it raises, when, how big."""

    save_requested = Signal()
    cancel_requested = Signal()
    redraw_requested = Signal()

    def __init__(self) -> None:
        super().__init__(self.tr("Area"))
        self.setObjectName("analytics-form")
        self.kind = QComboBox()
        for kind in AREA_KINDS:
            self.kind.addItem(kind_text(kind), kind)
        self.name = QLineEdit()
        self.name.setMaxLength(128)
        self.zone = QComboBox()
        self.schedule = ScheduleEditor()
        self.min_area = self._spin(QDoubleSpinBox(), 0.01, 50.0, " %", 2)
        self.min_seconds = self._spin(QDoubleSpinBox(), 0.0, 60.0, " s", 1)
        self.loiter = QSpinBox()
        self.loiter.setRange(5, 3600)
        self.loiter.setSuffix(" s")
        self.enabled = QCheckBox(self.tr("Area acti&ve"))
        self.enabled.setChecked(True)
        self.error = error_label()
        self.error.setObjectName("analytics-form-error")
        self.redraw_button = self._button(self.tr("Redraw &outline"), "analytics-redraw")
        self.save_button = self._button(self.tr("&Save area"), "analytics-save")
        self.cancel_button = self._button(self.tr("Ca&ncel"), "analytics-cancel")
        self.redraw_button.clicked.connect(lambda _c=False: self.redraw_requested.emit())
        self.save_button.clicked.connect(lambda _c=False: self.save_requested.emit())
        self.cancel_button.clicked.connect(lambda _c=False: self.cancel_requested.emit())
        self.save_button.setDefault(True)
        self.kind.currentIndexChanged.connect(lambda _i: self._sync())
        self.name.returnPressed.connect(self.save_requested.emit)
        self._layout()

    @staticmethod
    def _spin(
        spin: QDoubleSpinBox, low: float, high: float, suffix: str, decimals: int
    ) -> QDoubleSpinBox:
        spin.setDecimals(decimals)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        return spin

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        return button

    def _layout(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [
            (self.tr("&Kind"), self.kind, "analytics-kind"),
            (self.tr("Na&me"), self.name, "analytics-name"),
            (self.tr("&Zone"), self.zone, "analytics-zone"),
            (self.tr("Sc&hedule"), self.schedule, "analytics-schedule"),
            (self.tr("Minimum s&ize"), self.min_area, "analytics-min-area"),
            (self.tr("Minimum &time"), self.min_seconds, "analytics-min-seconds"),
            (self.tr("&Loitering after"), self.loiter, "analytics-loiter"),
            ("", self.enabled, "analytics-enabled"),
        ]
        for label, field, name in rows:
            field.setObjectName(name)
            if label:
                caption = QLabel(label)
                caption.setBuddy(field)
                field.setAccessibleName(label.replace("&", ""))
                self.form.addRow(caption, field)
            else:
                self.form.addRow(field)
        self.schedule.setAccessibleName(self.tr("Schedule"))
        self.enabled.setAccessibleName(self.tr("Area active"))
        self.min_area.setToolTip(
            self.tr("The smallest moving object that counts, in % of the picture")
        )
        self.min_seconds.setToolTip(self.tr("How long something must be in the area to count"))
        self.loiter.setToolTip(self.tr("How long someone may stay before it is loitering"))
        self.name.setPlaceholderText(self.tr("Default: the zone's name"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.redraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.error)
        column.addLayout(buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _sync(self) -> None:
        kind = self.current_kind()
        alarm = kind != "privacy"
        for field in (self.zone, self.schedule, self.min_area, self.min_seconds):
            self.form.setRowVisible(field, alarm)
        self.form.setRowVisible(self.loiter, kind == "loitering")

    def load(self, kind: str, area: AreaView | None, zones: list[Zone]) -> None:
        """Fill the form for a new area of `kind`, or for `area`; `zones` are those free."""
        self.error.hide()
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.name.setText(area.name if area is not None else "")
        self.zone.clear()
        for zone in zones:
            self.zone.addItem(f"{zone.name} ({zone.id})", zone.id)
        if not zones:
            self.zone.addItem(self.tr("No free video zone on this camera"), None)
        if area is not None and area.zone_id is not None:
            self.zone.setCurrentIndex(max(0, self.zone.findData(area.zone_id)))
        self.schedule.set(area.schedule if area is not None else None)
        min_area, min_seconds, loiter = DEFAULTS.get(kind, DEFAULTS["intrusion"])
        if area is not None and area.kind != "privacy":
            min_area, min_seconds, loiter = area.min_area, area.min_seconds, area.loiter_seconds
        if kind == "privacy" or min_area <= 0:
            min_area, min_seconds, loiter = DEFAULTS["intrusion"]
        self.min_area.setValue(min_area * 100)
        self.min_seconds.setValue(min_seconds)
        self.loiter.setValue(round(loiter))
        self.enabled.setChecked(area.enabled if area is not None else True)
        self._sync()

    def draft(self, camera_id: str, polygon: list[Point]) -> AreaDraft:
        kind = self.current_kind()
        if kind == "privacy":
            outline = [list(p) for p in polygon]
            return AreaDraft(
                camera_id, kind, outline, name=self.name.text(), enabled=self.enabled.isChecked()
            )
        zone = self.zone.currentData()
        return AreaDraft(
            camera_id,
            kind,
            [list(p) for p in polygon],
            name=self.name.text(),
            zone_id=str(zone) if zone else None,
            schedule=self.schedule.get(),
            min_area=round(self.min_area.value() / 100, 6),
            min_seconds=self.min_seconds.value(),
            loiter_seconds=float(self.loiter.value()),
            enabled=self.enabled.isChecked(),
        )


# -- the pane ---------------------------------------------------------------------------------


@dataclass
class Editing:
    """The area on the drawing board: a new one (area_id None) or one being changed."""

    kind: str
    area_id: int | None
    polygon: list[Point]


class AnalyticsPane(QWidget):
    areas_loaded = Signal(str)  # the camera whose areas are now on screen
    frame_shown = Signal()
    saved = Signal(int)  # the area core stored
    deleted = Signal(int)

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.service = ctx.desk.analytics
        self.can_edit = ctx.actor.can(Permission.EDIT_ANALYTICS)
        self.can_reset = ctx.actor.can(Permission.RESET_VIEW)
        self.zone_names = {z.id: z.name for z in ctx.desk.site.zones}
        self.areas: list[AreaView] = []
        self.loaded_camera: str | None = None
        self.selected_id: int | None = None
        self.editing: Editing | None = None
        self.busy = False
        self.views = ViewSet()
        self.view: View | None = None
        self.frames = 0
        self._generation = 0
        self._syncing = False
        self.relay = FrameRelay()  # no parent: closing workers' links keep it alive
        self.relay.frame_ready.connect(self._take_frame)
        self.relay.status_changed.connect(self._status_arrived)
        self.setObjectName("analytics-pane")
        self._build()
        self._make_actions()
        self.reload = Reloader(self, self._load_call, self._loaded, self._load_failed)
        self.destroyed.connect(self.views.close_all)  # no capture thread outlives the pane
        ctx.bridge.published.connect(self._on_event)
        self._camera_changed()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.picture = AreaPicture()
        self.picture.setAccessibleName(self.tr("Camera picture with its areas"))
        self.picture.outline_changed.connect(self._outline_changed)
        self.picture.outline_closed.connect(self._outline_closed)
        self.picture.outline_refused.connect(
            lambda: self.say(self.tr("An outline needs at least 3 points."))
        )
        self.picture.drawing_cancelled.connect(self._drawing_cancelled)
        self.picture.area_clicked.connect(self.select_area)
        self.picture.resized.connect(self._send_size)
        self.message = QLabel()
        self.message.setObjectName("analytics-message")
        self.message.setAccessibleName(self.tr("Video analytics messages"))
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing() + 4)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.error = error_label()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.picture, 1)
        column.addWidget(self.message)
        column.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self._side())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._bar())
        layout.addWidget(split, 1)

    def _bar(self) -> QHBoxLayout:
        self.camera_box = QComboBox()
        self.camera_box.setObjectName("analytics-camera")
        self.camera_box.setAccessibleName(self.tr("Camera"))
        for camera in self.ctx.desk.site.cameras:
            self.camera_box.addItem(camera.name, camera.id)
        self.camera_box.currentIndexChanged.connect(lambda _i: self._camera_changed())
        camera_label = QLabel(self.tr("&Camera"))
        camera_label.setBuddy(self.camera_box)
        self.tamper = QLabel()
        self.tamper.setObjectName("analytics-tamper")
        self.tamper.setAccessibleName(self.tr("Tamper check"))
        self.tamper.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.reset_button = QPushButton(self.tr("&Retake reference view…"))
        self.reset_button.setObjectName("analytics-reset")
        self.reset_button.setAccessibleName(self.tr("Retake reference view"))
        self.reset_button.setToolTip(
            self.tr(
                "After the camera was re-aimed on purpose: take its present picture as the "
                "normal view that covering, blurring and turning are judged against"
            )
        )
        self.reset_button.setVisible(self.can_reset)
        self.reset_button.setEnabled(self.can_reset)
        self.reset_button.clicked.connect(lambda _c=False: self.retake_reference())
        bar = QHBoxLayout()
        bar.addWidget(camera_label)
        bar.addWidget(self.camera_box, 1)
        bar.addWidget(self.tamper)
        bar.addWidget(self.reset_button)
        return bar

    def _side(self) -> QWidget:
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("analytics-areas")
        self.table.setAccessibleName(self.tr("Areas of this camera"))
        headers = {
            KIND_COLUMN: self.tr("Kind"),
            NAME_COLUMN: self.tr("Name"),
            ZONE_COLUMN: self.tr("Zone"),
            SCHEDULE_COLUMN: self.tr("Schedule"),
            ENABLED_COLUMN: self.tr("Active"),
        }
        self.table.setHorizontalHeaderLabels([headers[c] for c in sorted(headers)])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for stretch in (NAME_COLUMN, ZONE_COLUMN):  # long names are elided (tooltips hold them)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._row_selected)
        self.table.activated.connect(lambda _index: self.edit_selected())
        areas_label = QLabel(self.tr("&Areas"))
        areas_label.setBuddy(self.table)
        self.form = AreaForm()
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.end_edit)
        self.form.redraw_requested.connect(self.redraw)
        self.form.hide()
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(areas_label)
        column.addWidget(self.table, 1)
        column.addLayout(self._edit_buttons())
        column.addWidget(self.form)
        return side

    def _edit_buttons(self) -> QHBoxLayout:
        self.new_menu = QMenu(self.tr("New &area"), self)
        self.new_menu.setAccessibleName(self.tr("Kind of the new area"))
        self.new_actions: dict[str, QAction] = {}
        for kind in AREA_KINDS:
            action = self.new_menu.addAction(kind_text(kind) + "…")
            action.triggered.connect(lambda _c=False, kind=kind: self.new_area(kind))
            self.new_actions[kind] = action
        self.new_button = QPushButton(self.tr("&New area"))
        self.new_button.setObjectName("analytics-new")
        self.new_button.setAccessibleName(self.tr("New area"))
        self.new_button.setMenu(self.new_menu)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("analytics-edit")
        self.edit_button.setAccessibleName(self.tr("Edit area"))
        self.edit_button.clicked.connect(lambda _c=False: self.edit_selected())
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("analytics-delete")
        self.delete_button.setAccessibleName(self.tr("Delete area"))
        self.delete_button.clicked.connect(lambda _c=False: self.delete_selected())
        self.read_only = QLabel(self.tr("Only an administrator draws and changes areas."))
        self.read_only.setObjectName("analytics-read-only")
        self.read_only.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setVisible(self.can_edit)
            row.addWidget(button)
        row.addWidget(self.read_only, 1)
        self.read_only.setVisible(not self.can_edit)
        return row

    def _make_actions(self) -> None:
        self.next_action = QAction(self.tr("&Next camera"), self)
        self.next_action.setShortcut(QKeySequence("Shift+F12"))
        self.next_action.triggered.connect(lambda _c=False: self.next_camera())
        self.next_action.setEnabled(self.camera_box.count() > 1)
        self.reset_action = QAction(self.tr("&Retake reference view…"), self)
        self.reset_action.setEnabled(self.can_reset)
        self.reset_action.triggered.connect(lambda _c=False: self.retake_reference())
        self.new_menu.menuAction().setEnabled(self.can_edit)
        self.delete_action = QAction(self.tr("&Delete area…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(lambda _c=False: self.delete_selected())
        self.table.addAction(self.delete_action)
        self.addActions([self.next_action])
        self._update_buttons()

    def menu_actions(self) -> list[QAction]:
        """The pane's menu: next camera (Shift+F12), retake the reference, new areas (admins)."""
        return [
            self.next_action,
            self.reset_action,
            self.new_menu.menuAction(),
            self.delete_action,
        ]

    # -- the camera ---------------------------------------------------------------------------

    def camera_id(self) -> str | None:
        data = self.camera_box.currentData()
        return str(data) if data is not None else None

    def show_camera(self, camera_id: str) -> bool:
        index = self.camera_box.findData(camera_id)
        if index >= 0:
            self.camera_box.setCurrentIndex(index)
        return index >= 0

    def next_camera(self) -> None:
        if self.camera_box.count():
            self.camera_box.setCurrentIndex(
                (self.camera_box.currentIndex() + 1) % self.camera_box.count()
            )

    def _camera_changed(self) -> None:
        self.end_edit()
        self._stop_view()
        self.areas, self.selected_id, self.loaded_camera = [], None, None
        self.picture.set_areas([])
        self.picture.select(None)
        self.table.setRowCount(0)
        self.error.hide()
        camera_id = self.camera_id()
        self.set_tamper(self.service.tamper_state(camera_id) if camera_id else None)
        if self.isVisible():
            self._start_view()
        if camera_id is not None:
            self.reload()
        self._update_buttons()

    def set_tamper(self, state: TamperState | str | None) -> None:
        text = tamper_text(state)
        self.tamper.setText(self.tr("Tamper check: %1").replace("%1", text))
        self.tamper.setAccessibleDescription(text)
        bad = state is not None and str(state) != TamperState.OK.value
        self.tamper.setStyleSheet(f"color: {WARN_RED}; font-weight: bold;" if bad else "")

    # -- the live view ------------------------------------------------------------------------

    def _start_view(self) -> None:
        camera_id = self.camera_id()
        if camera_id is None or self.view is not None:
            return
        self._generation += 1
        link = _Link(self.relay, self._generation)
        self.picture.clear_picture(state_text(None))
        try:
            view = self.ctx.desk.cameras.open_view(
                camera_id, "sub", self.picture.stream_size(), link.on_frame, link.on_status
            )
        except (KeyError, ValueError) as exc:
            self.picture.set_status("✖ " + str(exc))
            return
        self.view = view
        self.views.add(view, link)
        self.picture.set_status(self.tr("Connecting…"))

    def _stop_view(self) -> None:
        view, self.view = self.view, None
        if view is not None:
            self._generation += 1  # statuses still queued from it are dropped
            self.views.release(view)
        self.picture.clear_picture()

    def _send_size(self) -> None:
        if self.view is not None:
            self.view.set_size(*self.picture.stream_size())

    def _take_frame(self) -> None:
        self.relay.frame_handled()
        frame = self.view.take() if self.view is not None else None
        if frame is not None:
            self.picture.set_frame(frame)
            self.frames += 1
            self.frame_shown.emit()

    def _status_arrived(self, generation: int, status: StreamStatus) -> None:
        if generation == self._generation:
            words = state_text(status.state)
            self.picture.set_status(f"{words}\n{status.detail}" if status.detail else words)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._start_view()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        if not event.spontaneous():  # minimising is spontaneous: the view keeps running
            self._stop_view()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._stop_view()
        self.views.close_all()
        super().closeEvent(event)

    # -- the areas ----------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        camera_id = event.data.get("camera_id")
        if camera_id != self.camera_id():
            return
        if event.topic == "analytics.changed":
            self.reload()
        elif event.topic == "camera.tamper":
            self.set_tamper(event.data.get("state"))

    def _load_call(self) -> Callable[[], tuple[str, list[AreaView]]]:
        camera_id, service = self.camera_id() or "", self.service
        return lambda: (camera_id, service.areas(camera_id))

    def _loaded(self, result: tuple[str, list[AreaView]]) -> None:
        camera_id, areas = result
        if camera_id != self.camera_id():
            return
        self.areas, self.loaded_camera = areas, camera_id
        if self.selected_id not in {a.id for a in areas}:
            self.selected_id = None
        self.picture.set_areas(areas)
        self.picture.select(self.selected_id)
        self._fill_table()
        self._update_buttons()
        self.areas_loaded.emit(camera_id)

    def _load_failed(self, exc: Exception) -> None:
        show_error(self.error, error_text(exc))

    def _fill_table(self) -> None:
        self._syncing = True
        self.table.setRowCount(len(self.areas))
        for row, area in enumerate(self.areas):
            zone = self.zone_names.get(area.zone_id, area.zone_id) if area.zone_id else "—"
            cells = {
                KIND_COLUMN: kind_text(area.kind),
                NAME_COLUMN: area.name,
                ZONE_COLUMN: zone or "—",
                SCHEDULE_COLUMN: schedule_text(area),
                ENABLED_COLUMN: "✔ " + self.tr("On") if area.enabled else "✖ " + self.tr("Off"),
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, area.id)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            if area.id == self.selected_id:
                self.table.selectRow(row)
        if self.selected_id is None:
            self.table.clearSelection()
        self._syncing = False

    def area_of(self, area_id: int | None) -> AreaView | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def select_area(self, area_id: int | None) -> None:
        """Highlight the area on the picture and select its row."""
        self.selected_id = area_id if self.area_of(area_id) is not None else None
        self.picture.select(self.selected_id)
        self._syncing = True
        row = next((n for n, a in enumerate(self.areas) if a.id == self.selected_id), None)
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self._syncing = False
        self._update_buttons()

    def _row_selected(self) -> None:
        if self._syncing:
            return
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), KIND_COLUMN) if rows else None
        self.select_area(int(item.data(ID_ROLE)) if item is not None else None)

    def _update_buttons(self) -> None:
        idle = self.editing is None and not self.busy
        has_camera = self.camera_id() is not None
        selected = self.area_of(self.selected_id) is not None
        self.new_button.setEnabled(self.can_edit and idle and has_camera)
        self.new_menu.menuAction().setEnabled(self.can_edit and idle and has_camera)
        self.edit_button.setEnabled(self.can_edit and idle and selected)
        self.delete_button.setEnabled(self.can_edit and idle and selected)
        self.delete_action.setEnabled(self.can_edit and idle and selected)
        self.camera_box.setEnabled(self.editing is None)

    def say(self, text: str) -> None:
        self.message.setText(text)

    # -- editing (administrators; core checks again) ------------------------------------------

    def _drawing_hint(self) -> str:
        return self.tr(
            "Click the corners; double-click or Enter closes the outline. Keys: arrows move "
            "the cross (Shift: ×10), Space adds a point, Backspace takes one back, Esc "
            "cancels. Points: %1"
        ).replace("%1", str(len(self.picture.draft)))

    def new_area(self, kind: str) -> None:
        if not self.can_edit or self.editing is not None or self.camera_id() is None:
            return
        self.error.hide()
        self.editing = Editing(kind, None, [])
        self.picture.start_drawing(kind)
        self.say(self._drawing_hint())
        self._describe_picture()
        self._update_buttons()

    def edit_selected(self) -> None:
        area = self.area_of(self.selected_id)
        if not self.can_edit or self.editing is not None or area is None:
            return
        self.error.hide()
        self.editing = Editing(area.kind, area.id, list(area.polygon))
        self.picture.hidden_area = area.id
        self.picture.show_draft(area.kind, list(area.polygon))
        self._open_form(area)
        self._update_buttons()

    def redraw(self) -> None:
        if self.editing is None:
            return
        self.editing.kind = self.form.current_kind()
        self.form.hide()
        self.picture.start_drawing(self.editing.kind)
        self.say(self._drawing_hint())
        self._describe_picture()

    def _outline_changed(self) -> None:
        self.say(self._drawing_hint())
        self._describe_picture()

    def _outline_closed(self) -> None:
        if self.editing is None:
            return
        self.editing.polygon = list(self.picture.draft)
        self._open_form(self.area_of(self.editing.area_id))

    def _drawing_cancelled(self) -> None:
        """Esc: back to the form with the outline it had, or (a new area) no edit at all."""
        if self.editing is None or not self.editing.polygon:
            self.end_edit()
            return
        self.picture.show_draft(self.editing.kind, self.editing.polygon)
        self.form.show()
        self.say(self.tr("Drawing cancelled: the outline is unchanged."))
        self._describe_picture()

    def _free_zones(self, area_id: int | None) -> list[Zone]:
        camera_id = self.camera_id()
        taken = {a.zone_id for a in self.areas if a.zone_id and a.id != area_id}
        return [z for z in self.service.video_zones(camera_id) if z.id not in taken]

    def _open_form(self, area: AreaView | None) -> None:
        assert self.editing is not None
        self.form.load(self.editing.kind, area, self._free_zones(self.editing.area_id))
        self.form.show()
        self.form.setEnabled(True)
        self.say(
            self.tr("Outline with %1 points: fill in the area and save it.").replace(
                "%1", str(len(self.editing.polygon))
            )
        )
        self._describe_picture()
        self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def end_edit(self) -> None:
        self.editing = None
        self.picture.clear_draft()
        self.form.hide()
        self.form.error.hide()
        self.say("")
        self._describe_picture()
        self._update_buttons()

    def save(self) -> None:
        camera_id = self.camera_id()
        if self.editing is None or self.busy or camera_id is None or not self.can_edit:
            return
        draft = self.form.draft(camera_id, self.editing.polygon)
        area_id, service, actor = self.editing.area_id, self.service, self.ctx.actor
        self._set_busy(True)
        run_in_background(
            self, lambda: service.save_area(actor, draft, area_id), self._saved, self._save_failed
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.form.save_button.setEnabled(not busy)
        self._update_buttons()

    def _saved(self, view: AreaView) -> None:
        self._set_busy(False)
        self.end_edit()
        self.selected_id = view.id
        if self.area_of(view.id) is not None:
            # the change feed's reload may have brought the area in already, before this
            # result: highlight it now rather than after the reload below
            self.select_area(view.id)
        self.say(self.tr("Saved: %1").replace("%1", f"{kind_text(view.kind)} · {view.name}"))
        self.reload()
        self.saved.emit(view.id)

    def _save_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        show_error(self.form.error, error_text(exc))

    def delete_selected(self) -> None:
        area = self.area_of(self.selected_id)
        if not self.can_edit or self.editing is not None or self.busy or area is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete area"),
            self.tr("Delete %1 “%2”? It stops at once: nothing is masked or watched there.")
            .replace("%1", kind_text(area.kind))
            .replace("%2", area.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        service, actor, area_id = self.service, self.ctx.actor, area.id
        self._set_busy(True)

        def done(_none: object) -> None:
            self._set_busy(False)
            self.say(self.tr("Deleted: %1").replace("%1", area.name))
            self.reload()
            self.deleted.emit(area_id)

        run_in_background(self, lambda: service.delete_area(actor, area_id), done, self._failed)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        show_error(self.error, error_text(exc))

    def retake_reference(self) -> None:
        camera_id = self.camera_id()
        if not self.can_reset or camera_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Retake reference view"),
            self.tr(
                "Take the present picture of %1 as its normal view? Do this only once the "
                "camera points where it should: covering, blurring and turning are judged "
                "against this view from now on."
            ).replace("%1", self.camera_box.currentText()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        service, actor = self.service, self.ctx.actor

        def done(_none: object) -> None:
            self.error.hide()
            self.say(self.tr("The reference view of %1 was retaken.").replace("%1", camera_id))

        run_in_background(
            self, lambda: service.reset_reference(actor, camera_id), done, self._failed
        )

    def _describe_picture(self) -> None:
        """What a screen reader says about the picture: the drawing's state in words."""
        if self.picture.drawing:
            text = self._drawing_hint()
        elif self.editing is not None:
            text = self.tr("The outline being edited has %1 points.").replace(
                "%1", str(len(self.picture.draft))
            )
        else:
            text = self.tr("The areas are listed in the table beside the picture.")
        self.picture.setAccessibleDescription(text)


register(
    PaneSpec(
        key="analytics",
        title=lambda: QCoreApplication.translate("AnalyticsPane", "Video analytics"),
        factory=AnalyticsPane,
        area=Qt.DockWidgetArea.RightDockWidgetArea,
        permission=Permission.RESET_VIEW,
        tab_with="plan",
        shortcut="F12",
        menu_title=lambda: QCoreApplication.translate("AnalyticsPane", "Vid&eo analytics"),
    )
)
