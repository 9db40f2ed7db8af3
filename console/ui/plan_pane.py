"""Site plan pane (一区一图): the site's plan images, a marker on each placed zone and camera.

A zone whose alarm nobody has acknowledged flashes in its priority colour (the alarm queue's
colours); once acknowledged it stays coloured until the alarm is closed. A camera without
picture, or a zone whose alarm source has a fault, is greyed and crossed. Colour never speaks
alone: each marker carries its kind's symbol, a tooltip and a label, and the list beside the
plan (which screen readers and the keyboard reach) says every marker's state in words.

Clicking a zone opens its alarm in the alarm pane ("alarm.show"); clicking a camera opens it on
the wall ("camera.open"). An admin places markers in edit mode: drag a device from the list of
unplaced ones onto the plan (or select it and press Place), drag markers to move them, or
select one and nudge it with the arrow keys; each position is saved through core.

The pane holds no rules: positions and states come from PlanService on the thread pool, and
the pane reloads when core publishes "alarm.changed", "health.changed", "camera.status" or
"plan.changed".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyleOptionGraphicsItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import Permission
from console.core.changes import database_back
from console.core.events import Event
from console.core.plans import Device, MarkerKind, MarkerState, MarkerView, PlanService
from console.core.site import Plan
from console.ui.alarm_model import PRIORITY_COLOURS, kind_label, priority_label
from console.ui.forms import error_label, show_error
from console.ui.panes import PaneContext, PaneSpec, register
from console.ui.wording import describe, describe_load
from console.ui.worker import Reloader, run_in_background

Key = tuple[MarkerKind, str]

TOPICS = frozenset({"alarm.changed", "health.changed", "camera.status", "plan.changed"})
MIME_DEVICE = "application/x-watchdesk-device"
KEY_ROLE = Qt.ItemDataRole.UserRole
NAME_COLUMN, STATE_COLUMN, KIND_COLUMN = range(3)  # the state early: a narrow dock shows it

ZONE_COLOURS = ("#ffffff", "#263238")  # a quiet zone: white disc, dark symbol
CAMERA_COLOURS = ("#e3f2fd", "#0d47a1")  # a working camera: pale blue, dark blue glyph
OFFLINE_COLOURS = ("#bdbdbd", "#424242")  # no picture, or the source has a fault
SELECTED = QColor("#1565c0")
LABEL_BACK = QColor(255, 255, 255, 225)

NUDGE = 0.005  # an arrow key moves a marker by half a percent of the plan
BIG_NUDGE = 0.05  # Shift+arrow by five percent
ZOOM_STEP = 1.25
ZOOM_MAX = 8.0


def zone_symbol(kind: str) -> str:
    """The letter a zone's marker carries for its kind (with the colour, never instead)."""
    symbols = {
        "fire": QCoreApplication.translate("PlanPane", "F", "map symbol: fire zone"),
        "infrared": QCoreApplication.translate("PlanPane", "IR", "map symbol: infrared zone"),
        "perimeter": QCoreApplication.translate("PlanPane", "P", "map symbol: perimeter zone"),
        "panic": QCoreApplication.translate("PlanPane", "SOS", "map symbol: panic button"),
        "elevator": QCoreApplication.translate("PlanPane", "L", "map symbol: lift zone"),
        "tamper": QCoreApplication.translate("PlanPane", "T", "map symbol: tamper zone"),
        "fault": QCoreApplication.translate("PlanPane", "!", "map symbol: fault zone"),
    }
    return symbols.get(kind, "?")


def device_kind_text(device: Device) -> str:
    if device.kind is MarkerKind.CAMERA:
        return QCoreApplication.translate("PlanPane", "Camera")
    return QCoreApplication.translate("PlanPane", "Zone · %1").replace(
        "%1", kind_label(device.zone_kind)
    )


def state_text(device: Device, state: MarkerState | None) -> str:
    """What the marker shows, in words (the list, the tooltip, screen readers)."""
    parts: list[str] = []
    if state is not None and state.priority is not None:
        level = priority_label(state.priority)
        if state.flashing:
            text = QCoreApplication.translate("PlanPane", "⚠ Alarm, not acknowledged (%1)")
        else:
            text = QCoreApplication.translate("PlanPane", "● Alarm acknowledged, still open (%1)")
        parts.append(text.replace("%1", level))
        if state.open_alarms > 1:
            parts.append(
                QCoreApplication.translate("PlanPane", "%1 open").replace(
                    "%1", str(state.open_alarms)
                )
            )
    if state is not None and state.offline:
        if device.kind is MarkerKind.CAMERA:
            text = QCoreApplication.translate("PlanPane", "✖ Offline: no picture")
        else:
            text = QCoreApplication.translate("PlanPane", "✖ Offline: its alarm source has a fault")
        parts.append(text + (f" ({state.detail})" if state.detail else ""))
    if not parts:
        return QCoreApplication.translate("PlanPane", "Normal")
    return " · ".join(parts)


def symbol_font(symbol: str, width: float) -> QFont:
    """Bold, as large as fits the marker (13 px at most)."""
    made = QFont()
    made.setBold(True)
    for size in range(13, 7, -1):
        made.setPixelSize(size)
        if QFontMetricsF(made).horizontalAdvance(symbol) <= width:
            break
    return made


@dataclass(frozen=True)
class MarkerLook:
    """How a marker is drawn right now (tests read it; the painter uses it)."""

    fill: str  # the symbol's background, "#rrggbb"
    ink: str  # the symbol's colour
    flashing: bool  # an unacknowledged alarm: the fill alternates
    lit: bool  # this instant of the flashing shows the priority colour
    offline: bool
    priority: int | None  # the most urgent open alarm's, coloured as in the alarm queue


def look_of(device: Device, state: MarkerState | None, lit: bool) -> MarkerLook:
    priority = state.priority if state is not None else None
    flashing = bool(state is not None and state.flashing)
    offline = bool(state is not None and state.offline)
    if priority is not None and (lit or not flashing):
        fill, ink = PRIORITY_COLOURS[priority]
    elif offline:
        fill, ink = OFFLINE_COLOURS
    elif device.kind is MarkerKind.CAMERA:
        fill, ink = CAMERA_COLOURS
    else:
        fill, ink = ZONE_COLOURS
    return MarkerLook(fill, ink, flashing, lit and flashing, offline, priority)


def urgency(item: MarkerItem) -> tuple[int, bool, bool, str]:
    """Sort key: alarms by priority (unacknowledged first), then offline, then the rest;
    zones before cameras, by name."""
    state = item.state
    priority = state.priority if state is not None and state.priority is not None else 9
    flashing = state is not None and state.flashing
    offline = state is not None and state.offline
    zone_first = item.device.kind is not MarkerKind.ZONE
    return (priority * 2 + (not flashing), not offline, zone_first, item.label)


@dataclass(frozen=True)
class Loaded:
    markers: list[MarkerView]  # every plan's
    states: dict[Key, MarkerState]
    unplaced: list[Device]


def load_plan_data(plans: PlanService) -> Loaded:
    """Worker thread: where every marker is and what each shows."""
    markers = plans.markers()
    return Loaded(markers=markers, states=plans.states(), unplaced=plans.unplaced(markers))


# -- the marker -------------------------------------------------------------------------------


class MarkerItem(QGraphicsItem):
    """A zone (a disc with its kind's letter) or a camera (a rounded square with a camera
    glyph), its name beside it (below, above, right or left: wherever it covers no other
    marker or name; hidden when nowhere is free). Drawn at the same size whatever the zoom,
    so item coordinates are screen pixels."""

    RADIUS = 15.0
    SIDES = ("below", "above", "right", "left")

    def __init__(self, device: Device, host: PlanPane) -> None:
        super().__init__()
        self.device, self.host = device, host
        self.key: Key = (device.kind, device.ref)
        self.state: MarkerState | None = None
        self.look = look_of(device, None, False)
        self.label = device.name
        self.label_side: str | None = "below"
        self._press: QPointF | None = None
        self._font = QFont()
        self._font.setPixelSize(12)
        self._symbol = zone_symbol(device.zone_kind) if device.kind is MarkerKind.ZONE else ""
        self._symbol_font = symbol_font(self._symbol, 2 * self.RADIUS - 7)
        self._label_size = QFontMetricsF(self._font).size(0, self.label)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)

    def label_rect(self, side: str | None = None) -> QRectF:
        """Where the name goes on `side` (default: where it is), around the marker's centre."""
        side = side or self.label_side
        w, h = self._label_size.width() + 8, self._label_size.height() + 2
        r = self.RADIUS
        rects = {
            "below": QRectF(-w / 2, r + 3, w, h),
            "above": QRectF(-w / 2, -r - 3 - h, w, h),
            "right": QRectF(r + 5, -h / 2, w, h),
            "left": QRectF(-r - 5 - w, -h / 2, w, h),
        }
        return rects.get(side or "", QRectF())

    def set_label_side(self, side: str | None) -> None:
        if side != self.label_side:
            self.prepareGeometryChange()
            self.label_side = side

    def set_state(self, state: MarkerState | None, lit: bool) -> None:
        self.state = state
        label = self.device.name
        if state is not None and state.offline:
            label = "✖ " + label
        if state is not None and state.priority is not None:
            label = "⚠ " + label
        if label != self.label:
            self.prepareGeometryChange()
            self.label = label
            self._label_size = QFontMetricsF(self._font).size(0, label)
        self.setZValue(3 if state is not None and state.priority is not None else 1)
        self.set_lit(lit)

    def set_lit(self, lit: bool) -> None:
        look = look_of(self.device, self.state, lit)
        if look != self.look:
            self.look = look
            self.update()

    # -- drawing ----------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        r = self.RADIUS + 5
        marker = QRectF(-r, -r, 2 * r, 2 * r)
        if self.label_side is not None:
            marker = marker.united(self.label_rect())
        return marker.adjusted(-1, -1, 1, 1)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.RADIUS + 3, self.RADIUS + 3)
        if self.label_side is not None:
            path.addRect(self.label_rect())
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        look, r = self.look, self.RADIUS
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected():
            painter.setPen(QPen(SELECTED, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 4, r + 4)
        if look.priority is not None:  # the ring stays while the fill flashes
            painter.setPen(QPen(QColor(PRIORITY_COLOURS[look.priority][0]), 3))
        elif look.offline:
            painter.setPen(QPen(QColor(OFFLINE_COLOURS[1]), 2, Qt.PenStyle.DashLine))
        else:
            painter.setPen(QPen(QColor(look.ink), 2))
        painter.setBrush(QColor(look.fill))
        if self.device.kind is MarkerKind.CAMERA:
            painter.drawRoundedRect(QRectF(-r, -r, 2 * r, 2 * r), 5, 5)
            self._camera_glyph(painter, QColor(look.ink))
        else:
            painter.drawEllipse(QPointF(0, 0), r, r)
            painter.setFont(self._symbol_font)
            painter.setPen(QColor(look.ink))
            square = QRectF(-r, -r, 2 * r, 2 * r)
            painter.drawText(square, Qt.AlignmentFlag.AlignCenter, self._symbol)
        if look.offline:
            self._cross(painter)
        if self.label_side is not None:
            self._paint_label(painter)

    def _camera_glyph(self, painter: QPainter, ink: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawRoundedRect(QRectF(-9, -5, 12, 10), 2, 2)
        lens = QPainterPath()
        lens.moveTo(3, -1)
        lens.lineTo(9, -5)
        lens.lineTo(9, 5)
        lens.lineTo(3, 1)
        lens.closeSubpath()
        painter.drawPath(lens)

    def _cross(self, painter: QPainter) -> None:
        """A small ✖ badge at the top right: offline, whatever the colour."""
        centre = QPointF(self.RADIUS * 0.8, -self.RADIUS * 0.8)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor("#424242"))
        painter.drawEllipse(centre, 6, 6)
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.drawLine(centre + QPointF(-3, -3), centre + QPointF(3, 3))
        painter.drawLine(centre + QPointF(-3, 3), centre + QPointF(3, -3))

    def _paint_label(self, painter: QPainter) -> None:
        rect = self.label_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_BACK)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(self._font)
        painter.setPen(QColor("#212121"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label)

    # -- the mouse --------------------------------------------------------------------------

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802 - Qt API
        moving = self.host.editing
        shape = Qt.CursorShape.SizeAllCursor if moving else Qt.CursorShape.PointingHandCursor
        self.setCursor(shape)
        super().hoverEnterEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        self._press = QPointF(self.pos())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        pressed, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        if self.host.editing:
            if self.pos() != pressed:
                self.host.marker_moved(self)
        else:
            self.host.activate(*self.key)

    def itemChange(  # noqa: N802 - Qt API
        self, change: QGraphicsItem.GraphicsItemChange, value: Any
    ) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            return self.host.clamp(value)
        return super().itemChange(change, value)


# -- the view ---------------------------------------------------------------------------------


class PlanView(QGraphicsView):
    """The plan image fitted into the view (its aspect kept), zoom with Ctrl+wheel or +/-;
    in edit mode it takes devices dropped from the unplaced list and arrow keys nudge."""

    MARGIN = 28  # screen pixels around the image: markers at its edge stay whole

    def __init__(self, host: PlanPane) -> None:
        super().__init__()
        self.plan_scene = QGraphicsScene(self)
        self.setScene(self.plan_scene)
        self.host = host
        self.zoom = 1.0
        self.image = QGraphicsPixmapItem()
        self.image.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        # Scaled once per zoom, not on every repaint of a flashing marker above it.
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.image.setZValue(0)
        self.plan_scene.addItem(self.image)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QBrush(QColor("#eceff1")))
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

    def image_rect(self) -> QRectF:
        return self.image.boundingRect()

    def set_image(self, pixmap: QPixmap | None) -> None:
        self.image.setPixmap(pixmap if pixmap is not None else QPixmap())
        self.zoom = 1.0
        self.fit()

    def fit(self) -> None:
        """Scale the image to the view (times the zoom), keeping its aspect."""
        rect = self.image_rect()
        viewport = self.viewport().size()
        if rect.isEmpty() or viewport.isEmpty():
            return
        usable_w = max(1.0, viewport.width() - 2 * self.MARGIN)
        usable_h = max(1.0, viewport.height() - 2 * self.MARGIN)
        base = min(usable_w / rect.width(), usable_h / rect.height())
        scale = base * self.zoom
        margin = self.MARGIN / scale
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))
        centre = self.mapToScene(self.viewport().rect().center())
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(rect.center() if self.zoom == 1.0 else centre)
        self.host.layout_labels()

    def set_zoom(self, zoom: float) -> None:
        """1.0: the whole plan fits the view."""
        self.zoom = min(ZOOM_MAX, max(1.0, zoom))
        self.fit()

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom * factor)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        mouse = event.position().toPoint()
        before = self.mapToScene(mouse)
        self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
        if self.zoom > 1.0:  # the spot under the mouse stays under it
            centre = self.mapToScene(self.viewport().rect().center())
            self.centerOn(centre + before - self.mapToScene(mouse))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        big = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in steps and self.host.editing and self.host.selected_key() is not None:
            step = BIG_NUDGE if big else NUDGE
            dx, dy = steps[Qt.Key(key)]
            self.host.nudge(dx * step, dy * step)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.set_zoom(1.0)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.host.editing:
            selected = self.host.selected_key()
            if selected is not None:
                self.host.activate(*selected)
        elif key == Qt.Key.Key_Delete and self.host.editing:
            self.host.remove_selected()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- dropping devices (edit mode) -------------------------------------------------------

    def _wants(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return self.host.editing and event.mimeData().hasFormat(MIME_DEVICE)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self._wants(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt API
        if self._wants(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        if not self._wants(event):
            event.ignore()
            return
        raw = bytes(event.mimeData().data(MIME_DEVICE).data()).decode(errors="replace")
        kind, _, ref = raw.partition(":")
        if kind not in {k.value for k in MarkerKind} or not ref:
            event.ignore()
            return
        point = self.host.clamp(self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()
        self.host.place_device(MarkerKind(kind), ref, *self.host.fractions(point))


class UnplacedList(QListWidget):
    """Zones and cameras on no plan yet: drag one onto the plan (edit mode)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("plan-unplaced")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME_DEVICE]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt API
        data = QMimeData()
        if items:
            kind, ref = items[0].data(KEY_ROLE)
            data.setData(MIME_DEVICE, f"{kind}:{ref}".encode())
        return data

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.CopyAction


# -- the pane ---------------------------------------------------------------------------------


@dataclass
class _Saving:
    """Positions moved on screen and not yet confirmed by core: reloads leave them be."""

    pending: dict[Key, tuple[str, float, float]] = field(default_factory=dict)
    running: set[Key] = field(default_factory=set)


class PlanPane(QWidget):
    FLASH_MS = 500
    DEBOUNCE_MS = 150
    SAVE_MS = 400  # arrow-key nudges are saved once they pause

    refreshed = Signal()  # markers and states of a load are on screen
    image_shown = Signal(str)  # the plan id whose image is now up

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.plans: PlanService = ctx.desk.plans
        self.site_plans: list[Plan] = self.plans.plans()
        self.can_edit = ctx.actor.can(Permission.EDIT_PLAN)
        self.editing = False
        self.loaded: Loaded | None = None
        self.items: dict[Key, MarkerItem] = {}
        self.images: dict[str, QPixmap] = {}
        self.lit = True  # the flashing markers' phase
        self._saving = _Saving()
        self._syncing = False
        self._select_after: Key | None = None
        self.setObjectName("plan-pane")
        self._build()
        self._make_actions()
        self.reload = Reloader(self, self._load_call, self._loaded, self._load_failed)
        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self._flash = QTimer(self, interval=self.FLASH_MS)
        self._flash.timeout.connect(self._blink)
        self._save_timer = QTimer(self, singleShot=True, interval=self.SAVE_MS)
        self._save_timer.timeout.connect(self._save_pending)
        ctx.bridge.published.connect(self._on_event)
        if self.site_plans:
            self.show_plan(self.site_plans[0].id)
            self.reload()
        else:
            self.stack.setCurrentWidget(self.empty)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.plan_box = QComboBox()
        self.plan_box.setObjectName("plan-choice")
        self.plan_box.setAccessibleName(self.tr("Plan"))
        for plan in self.site_plans:
            self.plan_box.addItem(plan.name, plan.id)
        self.plan_box.activated.connect(lambda index: self.show_plan(self.plan_box.itemData(index)))
        plan_label = QLabel(self.tr("P&lan"))
        plan_label.setBuddy(self.plan_box)
        self.edit_button = QPushButton(self.tr("&Edit markers"))
        self.edit_button.setObjectName("plan-edit")
        self.edit_button.setAccessibleName(self.tr("Edit markers"))
        self.edit_button.setCheckable(True)
        self.edit_button.setEnabled(self.can_edit)
        self.edit_button.setToolTip(
            self.tr("Place, move and remove zone and camera markers")
            if self.can_edit
            else self.tr("Only an administrator places markers on the plan")
        )
        self.edit_button.toggled.connect(self.set_editing)
        self.fit_button = QPushButton(self.tr("&Fit"))
        self.fit_button.setObjectName("plan-fit")
        self.fit_button.setAccessibleName(self.tr("Fit the plan to the view"))
        self.fit_button.setToolTip(self.tr("Show the whole plan (0); zoom with Ctrl+wheel or +/-"))
        self.message = QLabel()
        self.message.setObjectName("plan-message")
        self.message.setAccessibleName(self.tr("Plan messages"))
        self.message.setWordWrap(True)
        self.message.hide()
        self.error = error_label()
        bar = QHBoxLayout()
        bar.addWidget(plan_label)
        bar.addWidget(self.plan_box, 1)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.edit_button)

        self.view = PlanView(self)
        self.view.setObjectName("plan-view")
        self.view.setAccessibleName(self.tr("Site plan image"))
        self.view.setAccessibleDescription(
            self.tr("The markers are listed, with their state in words, in the marker list.")
        )
        self.fit_button.clicked.connect(lambda _checked=False: self.view.set_zoom(1.0))
        self.view.plan_scene.selectionChanged.connect(self.marker_selection_changed)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self._side())
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([760, 440])

        plans_page = QWidget()
        page = QVBoxLayout(plans_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(bar)
        page.addWidget(self.message)
        page.addWidget(self.error)
        page.addWidget(split, 1)
        self.empty = QLabel(
            self.tr(
                "This site file lists no plans. Add a [[plans]] entry for each area or floor "
                '(id, name, and image = "plans/site.png", a PNG or JPEG beside the site file), '
                "check it with: python main.py check-site FILE, then start the console again."
            )
        )
        self.empty.setObjectName("plan-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty.setAccessibleName(self.tr("No plans"))
        self.stack = QStackedWidget()
        self.stack.addWidget(plans_page)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

    def _side(self) -> QWidget:
        self.marker_list = QTreeWidget()
        self.marker_list.setObjectName("plan-markers")
        self.marker_list.setAccessibleName(self.tr("Markers on this plan"))
        headers = {NAME_COLUMN: self.tr("Name"), STATE_COLUMN: self.tr("State")}
        headers[KIND_COLUMN] = self.tr("Kind")
        self.marker_list.setHeaderLabels([headers[c] for c in sorted(headers)])
        self.marker_list.setRootIsDecorated(False)
        self.marker_list.setUniformRowHeights(True)
        self.marker_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.marker_list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.marker_list.currentItemChanged.connect(self._list_current_changed)
        self.marker_list.itemActivated.connect(self._list_activated)
        self.marker_list.setToolTip(
            self.tr("Enter: open the zone's alarm, or show the camera on the wall")
        )
        markers_label = QLabel(self.tr("&Markers"))
        markers_label.setBuddy(self.marker_list)

        self.unplaced = UnplacedList()
        self.unplaced.setAccessibleName(self.tr("Not on any plan"))
        self.unplaced.setToolTip(
            self.tr("Drag a zone or camera onto the plan, or select it and press Place")
        )
        self.unplaced.itemActivated.connect(lambda _item: self.place_selected())
        self.unplaced.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.unplaced_label = QLabel(self.tr("&Not on any plan"))
        self.unplaced_label.setBuddy(self.unplaced)
        self.place_button = QPushButton(self.tr("&Place"))
        self.place_button.setObjectName("plan-place")
        self.place_button.setAccessibleName(self.tr("Place on the plan"))
        self.place_button.setToolTip(self.tr("Put the selected device in the middle of the view"))
        self.place_button.clicked.connect(lambda _checked=False: self.place_selected())
        self.remove_button = QPushButton(self.tr("&Remove from plan"))
        self.remove_button.setObjectName("plan-remove")
        self.remove_button.setAccessibleName(self.tr("Remove from plan"))
        self.remove_button.setToolTip(self.tr("Take the selected marker off the plan (Delete)"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        self.edit_hint = QLabel(
            self.tr("Drag a marker to move it, or select it and use the arrow keys (Shift: ×10).")
        )
        self.edit_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.place_button)
        buttons.addWidget(self.remove_button)
        self.edit_box = QWidget()
        edit = QVBoxLayout(self.edit_box)
        edit.setContentsMargins(0, 0, 0, 0)
        edit.addWidget(self.edit_hint)
        edit.addWidget(self.unplaced_label)
        edit.addWidget(self.unplaced, 1)
        edit.addLayout(buttons)
        self.edit_box.hide()

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(markers_label)
        column.addWidget(self.marker_list, 2)
        column.addWidget(self.edit_box, 1)
        return side

    def _make_actions(self) -> None:
        self.edit_action = QAction(self.tr("&Edit markers"), self)
        self.edit_action.setCheckable(True)
        self.edit_action.setEnabled(self.can_edit)
        self.edit_action.toggled.connect(self.set_editing)
        self.next_action = QAction(self.tr("&Next plan"), self)
        self.next_action.setShortcut(QKeySequence("Shift+F9"))
        self.next_action.triggered.connect(lambda _checked=False: self.next_plan())
        self.next_action.setEnabled(len(self.site_plans) > 1)
        self.fit_action = QAction(self.tr("Zoom to &fit"), self)
        self.fit_action.triggered.connect(lambda _checked=False: self.view.set_zoom(1.0))
        self.fit_action.setEnabled(bool(self.site_plans))
        self.addActions([self.next_action])

    def menu_actions(self) -> list[QAction]:
        """The Plan menu: the next plan (Shift+F9), zoom to fit, and edit mode for admins."""
        return [self.next_action, self.fit_action, self.edit_action]

    # -- plans and images -------------------------------------------------------------------

    def current_plan_id(self) -> str | None:
        data = self.plan_box.currentData()
        return str(data) if data is not None else None

    def show_plan(self, plan_id: str) -> None:
        index = self.plan_box.findData(plan_id)
        if index < 0:
            return
        self.plan_box.setCurrentIndex(index)
        for key in list(self.items):
            self._drop_item(key)
        pixmap = self.images.get(plan_id)
        self.view.set_image(pixmap)
        if pixmap is None:
            self._load_image(plan_id)
        else:
            self._sync()
            self.image_shown.emit(plan_id)

    def next_plan(self) -> None:
        if self.site_plans:
            index = (self.plan_box.currentIndex() + 1) % self.plan_box.count()
            self.show_plan(str(self.plan_box.itemData(index)))

    def _load_image(self, plan_id: str) -> None:
        """Read and decode the image on the thread pool (QImage is safe there)."""
        path = self.ctx.desk.site.plan_image(self.plans.plan(plan_id))

        def read() -> QImage:
            image = QImage(str(path))
            if image.isNull():
                raise OSError(f"{path}: not a readable PNG or JPEG image")
            return image

        def shown(image: QImage) -> None:
            self.images[plan_id] = QPixmap.fromImage(image)
            if self.current_plan_id() == plan_id:
                self.view.set_image(self.images[plan_id])
                self._sync()
                self.image_shown.emit(plan_id)

        def failed(exc: Exception) -> None:
            show_error(
                self.error,
                self.tr("The plan image could not be read: %1").replace("%1", describe(exc)),
            )

        run_in_background(self, read, shown, failed)

    # -- geometry ---------------------------------------------------------------------------

    def clamp(self, point: QPointF) -> QPointF:
        """A point kept on the image."""
        rect = self.view.image_rect()
        if rect.isEmpty():
            return QPointF(point)
        x = min(max(point.x(), rect.left()), rect.right())
        y = min(max(point.y(), rect.top()), rect.bottom())
        return QPointF(x, y)

    def fractions(self, point: QPointF) -> tuple[float, float]:
        rect = self.view.image_rect()
        if rect.isEmpty():
            return 0.5, 0.5
        x = (point.x() - rect.left()) / rect.width()
        y = (point.y() - rect.top()) / rect.height()
        return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)

    def point_of(self, x: float, y: float) -> QPointF:
        rect = self.view.image_rect()
        return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    # -- loading ----------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        # Not restarted by later events: a stream of changes still redraws every DEBOUNCE_MS.
        back = database_back(event)
        wanted = event.topic in TOPICS or back
        if wanted and self.site_plans and not self._debounce.isActive():
            self._debounce.start()

    def _load_call(self) -> Callable[[], Loaded]:
        plans = self.plans
        return lambda: load_plan_data(plans)

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.error.hide()
        self._sync()
        self._fill_unplaced()
        self._label_plans()
        self.refreshed.emit()

    def _load_failed(self, exc: Exception) -> None:
        """The markers shown stay (the database may be out of reach): a line, no dialog."""
        show_error(self.error, describe_load(exc))

    def state_of(self, key: Key) -> MarkerState | None:
        return self.loaded.states.get(key) if self.loaded is not None else None

    def _sync(self) -> None:
        """Bring the markers of the plan shown in line with the last load."""
        plan_id = self.current_plan_id()
        if self.loaded is None or plan_id is None or self.view.image_rect().isEmpty():
            return
        wanted = {m.key: m for m in self.loaded.markers if m.plan_id == plan_id}
        for key in [k for k in self.items if k not in wanted and k not in self._saving.pending]:
            self._drop_item(key)
        for key, marker in wanted.items():
            item = self.items.get(key)
            if item is None:
                item = MarkerItem(marker.device, self)
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, self.editing)
                self.view.plan_scene.addItem(item)
                self.items[key] = item
            busy = key in self._saving.pending or key in self._saving.running
            if not busy and self.view.plan_scene.mouseGrabberItem() is not item:
                item.setPos(self.point_of(marker.x, marker.y))
        for key, item in self.items.items():
            state = self.state_of(key)
            item.set_state(state, self.lit)
            item.setToolTip(self._tooltip(item.device, state))
        self._fill_list()
        self.layout_labels()
        if self._select_after in self.items:
            self.select_marker(*self._select_after)
            self._select_after = None
        self._update_flashing()
        self._update_buttons()

    def _drop_item(self, key: Key) -> None:
        item = self.items.pop(key)
        self.view.plan_scene.removeItem(item)

    def _tooltip(self, device: Device, state: MarkerState | None) -> str:
        lines = [device.name, device_kind_text(device), state_text(device, state)]
        if self.editing:
            lines.append(self.tr("Drag to move; arrow keys nudge the selected marker"))
        elif device.kind is MarkerKind.CAMERA:
            lines.append(self.tr("Click: show it on the camera wall"))
        elif state is not None and state.alarm_id is not None:
            lines.append(self.tr("Click: open its alarm"))
        return "\n".join(lines)

    def _fill_list(self) -> None:
        """One row per marker of the plan shown: alarms first, then offline devices."""
        self._syncing = True
        selected = self.selected_key()
        self.marker_list.clear()
        for item in sorted(self.items.values(), key=urgency):
            state = item.state
            words = state_text(item.device, state)
            row = QTreeWidgetItem(["", "", ""])
            row.setText(NAME_COLUMN, item.device.name)
            row.setText(STATE_COLUMN, words)
            row.setText(KIND_COLUMN, device_kind_text(item.device))
            row.setData(NAME_COLUMN, KEY_ROLE, item.key)
            row.setToolTip(STATE_COLUMN, words)
            if state is not None and state.priority is not None:  # the words say it too
                back, fore = PRIORITY_COLOURS[state.priority]
                row.setBackground(STATE_COLUMN, QColor(back))
                row.setForeground(STATE_COLUMN, QColor(fore))
            elif state is not None and state.offline:
                row.setForeground(STATE_COLUMN, QColor(OFFLINE_COLOURS[1]))
            self.marker_list.addTopLevelItem(row)
            if item.key == selected:
                self.marker_list.setCurrentItem(row)
        self._syncing = False

    def layout_labels(self) -> None:
        """Put each name where it covers no marker and no other name (alarms choose first);
        a name with nowhere free is hidden (the tooltip and the list still have it)."""
        if not self.items:
            return
        r = MarkerItem.RADIUS + 2
        centres = {key: QPointF(self.view.mapFromScene(i.pos())) for key, i in self.items.items()}
        taken = [QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r) for c in centres.values()]
        for item in sorted(self.items.values(), key=urgency):
            centre = centres[item.key]
            side = next(
                (
                    side
                    for side in MarkerItem.SIDES
                    if not any(
                        item.label_rect(side).translated(centre).intersects(t) for t in taken
                    )
                ),
                None,
            )
            item.set_label_side(side)
            if side is not None:
                taken.append(item.label_rect(side).translated(centre))

    def _fill_unplaced(self) -> None:
        if self.loaded is None:
            return
        current = self.unplaced.currentItem()
        keep = current.data(KEY_ROLE) if current is not None else None
        self.unplaced.clear()
        for device in self.loaded.unplaced:
            item = QListWidgetItem(f"{device.name} · {device_kind_text(device)}")
            item.setData(KEY_ROLE, (device.kind, device.ref))
            self.unplaced.addItem(item)
            if (device.kind, device.ref) == keep:
                self.unplaced.setCurrentItem(item)
        self._update_buttons()

    def _label_plans(self) -> None:
        """Each plan's name in the chooser, with how many of its markers are in alarm."""
        if self.loaded is None:
            return
        for index, plan in enumerate(self.site_plans):
            alarmed = sum(
                1
                for m in self.loaded.markers
                if m.plan_id == plan.id
                and (state := self.loaded.states.get(m.key)) is not None
                and state.priority is not None
            )
            text = plan.name
            if alarmed:
                text = self.tr("%1 — ⚠ %2 in alarm").replace("%1", plan.name)
                text = text.replace("%2", str(alarmed))
            self.plan_box.setItemText(index, text)

    # -- flashing ---------------------------------------------------------------------------

    def _update_flashing(self) -> None:
        """The timer runs only while a marker of the plan shown flashes."""
        flashing = any(self._flashes(i) for i in self.items.values())
        if flashing and not self._flash.isActive():
            self.lit = True
            for item in self.items.values():
                item.set_lit(True)
            self._flash.start()
        elif not flashing and self._flash.isActive():
            self._flash.stop()
            self.lit = True

    def flashing(self) -> bool:
        """A marker of the plan shown is flashing (the timer runs)."""
        return self._flash.isActive()

    def _flashes(self, item: MarkerItem) -> bool:
        return item.state is not None and item.state.flashing

    def _blink(self) -> None:
        self.lit = not self.lit
        for item in self.items.values():
            item.set_lit(self.lit)

    def marker_look(self, kind: MarkerKind | str, ref: str) -> MarkerLook | None:
        """How the marker is drawn now (None: not on the plan shown)."""
        item = self.items.get((MarkerKind(kind), ref))
        return item.look if item is not None else None

    def marker_item(self, kind: MarkerKind | str, ref: str) -> MarkerItem | None:
        return self.items.get((MarkerKind(kind), ref))

    # -- selection --------------------------------------------------------------------------

    def selected_key(self) -> Key | None:
        for item in self.view.plan_scene.selectedItems():
            if isinstance(item, MarkerItem):
                return item.key
        return None

    def select_marker(self, kind: MarkerKind | str, ref: str) -> bool:
        item = self.items.get((MarkerKind(kind), ref))
        if item is None:
            return False
        self.view.plan_scene.clearSelection()
        item.setSelected(True)
        self.view.ensureVisible(item)
        return True

    def marker_selection_changed(self) -> None:
        """A marker selected on the plan: select its row (and the other way round)."""
        if self._syncing or not shiboken6.isValid(self.view.plan_scene):
            return  # (the scene deselects everything as it is destroyed)
        key = self.selected_key()
        self._syncing = True
        row = next((r for r in self.list_rows() if r.data(NAME_COLUMN, KEY_ROLE) == key), None)
        if row is None:
            self.marker_list.clearSelection()
            self.marker_list.setCurrentIndex(QModelIndex())
        else:
            self.marker_list.setCurrentItem(row)
        self._syncing = False
        self._update_buttons()

    def list_rows(self) -> list[QTreeWidgetItem]:
        """The marker list's rows, in order."""
        rows = (
            self.marker_list.topLevelItem(i) for i in range(self.marker_list.topLevelItemCount())
        )
        return [row for row in rows if row is not None]

    def _list_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._syncing or current is None:
            return
        self._syncing = True
        self.select_marker(*current.data(NAME_COLUMN, KEY_ROLE))
        self._syncing = False
        self._update_buttons()

    def _list_activated(self, row: QTreeWidgetItem, _column: int) -> None:
        self.activate(*row.data(NAME_COLUMN, KEY_ROLE))

    # -- clicking a marker ------------------------------------------------------------------

    def activate(self, kind: MarkerKind | str, ref: str) -> None:
        """A zone: its alarm in the alarm pane; a camera: enlarged on the wall."""
        key = (MarkerKind(kind), ref)
        device = self.plans.device(*key)
        if key[0] is MarkerKind.CAMERA:
            self.ctx.desk.bus.publish("camera.open", camera_id=ref)
            self.say(self.tr("%1: shown on the camera wall").replace("%1", device.name))
            return
        state = self.state_of(key)
        if state is None or state.alarm_id is None:
            self.say(self.tr("%1: no open alarm").replace("%1", device.name))
            return
        self.ctx.desk.bus.publish("alarm.show", alarm_id=state.alarm_id, zone_id=ref)
        self.say(self.tr("%1: alarm opened in the alarm queue").replace("%1", device.name))

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- editing (admins; core checks again) ------------------------------------------------

    def set_editing(self, on: bool) -> None:
        on = on and self.can_edit
        if on == self.editing:
            self._sync_edit_controls()
            return
        self.editing = on
        self._sync_edit_controls()
        self.edit_box.setVisible(on)
        drag = QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.ScrollHandDrag
        self.view.setDragMode(drag)
        for item in self.items.values():
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, on)
            item.setToolTip(self._tooltip(item.device, item.state))
        self.say(
            self.tr("Edit mode: drag devices onto the plan; markers move with the mouse or keys.")
            if on
            else ""
        )
        self._update_buttons()

    def _sync_edit_controls(self) -> None:
        for control in (self.edit_button, self.edit_action):
            if control.isChecked() != self.editing:
                control.blockSignals(True)
                control.setChecked(self.editing)
                control.blockSignals(False)

    def _update_buttons(self) -> None:
        self.place_button.setEnabled(self.editing and self.unplaced.currentItem() is not None)
        self.remove_button.setEnabled(self.editing and self.selected_key() is not None)

    def marker_moved(self, item: MarkerItem) -> None:
        """A marker dropped after a drag: save where it is now."""
        self.layout_labels()
        self._queue_save(item)
        self._save_pending()

    def nudge(self, dx: float, dy: float) -> None:
        """Move the selected marker by fractions of the plan; saved once the keys pause."""
        key = self.selected_key()
        if not self.editing or key is None:
            return
        item = self.items[key]
        x, y = self.fractions(item.pos())
        item.setPos(self.point_of(min(max(x + dx, 0.0), 1.0), min(max(y + dy, 0.0), 1.0)))
        self.layout_labels()
        self._queue_save(item)
        self._save_timer.start()

    def _queue_save(self, item: MarkerItem) -> None:
        plan_id = self.current_plan_id()
        if plan_id is not None:
            self._saving.pending[item.key] = (plan_id, *self.fractions(item.pos()))

    def _save_pending(self) -> None:
        self._save_timer.stop()
        for key, where in list(self._saving.pending.items()):
            if key not in self._saving.running:
                self._place(key, *where)

    def _place(self, key: Key, plan_id: str, x: float, y: float) -> None:
        plans, actor = self.plans, self.ctx.actor
        self._saving.running.add(key)

        def done(_view: object) -> None:
            self._saving.running.discard(key)
            if self._saving.pending.get(key) == (plan_id, x, y):
                del self._saving.pending[key]
            elif key in self._saving.pending:
                self._save_pending()  # moved again meanwhile
            self.error.hide()

        def failed(exc: Exception) -> None:
            self._saving.running.discard(key)
            self._saving.pending.pop(key, None)
            show_error(self.error, describe(exc))
            self.reload()  # back to where core has it

        run_in_background(
            self, lambda: plans.place(actor, plan_id, key[0], key[1], x, y), done, failed
        )

    def place_device(self, kind: MarkerKind, ref: str, x: float, y: float) -> None:
        """Put an unplaced device on the plan shown at (x, y), fractions of the image."""
        plan_id = self.current_plan_id()
        if not self.editing or plan_id is None:
            return
        self._select_after = (kind, ref)
        key = (kind, ref)
        self._saving.pending[key] = (plan_id, x, y)
        self._place(key, plan_id, x, y)

    def place_selected(self) -> None:
        """The device selected in the unplaced list, in the middle of the view."""
        current = self.unplaced.currentItem()
        if current is None or not self.editing:
            return
        kind, ref = current.data(KEY_ROLE)
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        self.place_device(MarkerKind(kind), str(ref), *self.fractions(self.clamp(centre)))

    def remove_selected(self) -> None:
        key = self.selected_key()
        if not self.editing or key is None:
            return
        plans, actor = self.plans, self.ctx.actor
        self._saving.pending.pop(key, None)
        run_in_background(
            self,
            lambda: plans.remove(actor, *key),
            lambda _none: self.error.hide(),
            lambda exc: show_error(self.error, describe(exc)),
        )


register(
    PaneSpec(
        key="plan",
        title=lambda: QCoreApplication.translate("PlanPane", "Site plan"),
        factory=PlanPane,
        area=Qt.DockWidgetArea.RightDockWidgetArea,
        tab_with="playback",
        shortcut="F9",
        menu_title=lambda: QCoreApplication.translate("PlanPane", "Pla&n"),
    )
)
