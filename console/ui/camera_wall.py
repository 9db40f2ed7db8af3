"""Camera wall pane: 1, 4, 9 or 16 live tiles, the camera list to fill them from, an enlarged
view, full screen, snapshots, and the alarm pop-up (core publishes "camera.show").

Small tiles run the cameras' sub streams; an enlarged tile (and the single tile of layout 1) runs
the main stream. Streams run while the wall is on screen: hiding the pane (closing its window,
closing or tabbing away its dock) stops every view, showing it starts them again, and
shutdown() or the pane's destruction close whatever is left.

An alarm pop-up enlarges the camera with a red frame and the zone's name until the operator
dismisses it. A newer request takes the screen (latest alarm wins); earlier ones wait underneath
and come back, one per dismissal, so none goes away unseen. A camera the operator had not placed
borrows a tile, which gets its own camera back on dismissal.

A camera that video analysis finds tampered with shows a badge on its tile: the tile reads the
state from core when the camera is put on it, and the wall relays "camera.tamper" afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.core.alarms import State
from console.core.auth import Actor
from console.core.cameras import CameraService, Profile
from console.core.events import Event
from console.ui.camera_tile import (
    MIME_CAMERA,
    CameraTile,
    ViewSet,
    camera_mime,
    snapshot_image,
    state_text,
)
from console.ui.panes import PaneContext, PaneSpec, register
from console.ui.wording import describe
from console.ui.worker import run_in_background
from devices.cameras.analytics import TamperState
from devices.cameras.base import Frame, StreamState

log = logging.getLogger(__name__)

LAYOUTS = (1, 4, 9, 16)
LAYOUT_PREF = "wall.layout"
CAMERA_ROLE = Qt.ItemDataRole.UserRole
MESSAGE_MS = 15_000  # a status-bar message stays this long


def default_count(cameras: int) -> int:
    """The smallest layout that shows every camera of the site (16 at most)."""
    return next((n for n in LAYOUTS if n >= cameras), LAYOUTS[-1])


def parse_layout(saved: Any, known: Sequence[str]) -> tuple[int, list[str | None]] | None:
    """A saved {"n": 4, "cameras": [...]} checked against the site (cameras since removed from
    the site file leave their tile empty); None when it is not a layout."""
    if not isinstance(saved, dict) or saved.get("n") not in LAYOUTS:
        return None
    n = int(saved["n"])
    cameras = saved.get("cameras")
    if not isinstance(cameras, list):
        cameras = []
    placed = [c if isinstance(c, str) and c in known else None for c in cameras[:n]]
    return n, placed + [None] * (n - len(placed))


@dataclass(frozen=True)
class AlarmRequest:
    """One "camera.show" from core: look at this camera for this zone's alarm."""

    camera_id: str
    zone_name: str
    zone_id: str | None = None
    alarm_id: int | None = None


PENDING_ALARM_VIEWS = 5  # at most this many waiting alarm views from before the window


@dataclass
class _Loan:
    """A tile lent to an alarm's camera, and the camera the operator had there."""

    tile: CameraTile
    previous: str | None
    camera_id: str


class CameraList(QListWidget):
    """The site's cameras with their state in words; drag one onto a tile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("camera-list")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME_CAMERA]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt API
        camera_id = items[0].data(CAMERA_ROLE) if items else ""
        return camera_mime(str(camera_id))

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.CopyAction  # a drag copies: the camera stays in the list

    def item_of(self, camera_id: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(CAMERA_ROLE) == camera_id:
                return item
        return None


class FullScreenWall(QWidget):
    """The wall's tiles alone on a screen of their own (F11; Esc or F11 again to leave)."""

    def __init__(self, pane: CameraWall) -> None:
        super().__init__(pane, Qt.WindowType.Window)
        self._pane = pane
        self.setObjectName("camera-wall-full-screen")
        self.setWindowTitle(QCoreApplication.translate("CameraWall", "Camera wall"))
        self.setAccessibleName(QCoreApplication.translate("CameraWall", "Camera wall, full screen"))
        self.setStyleSheet("background: black;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        event.accept()
        self._pane.leave_full_screen()


class CameraWall(QWidget):
    layout_changed = Signal(int)  # tiles now on the wall
    layout_loaded = Signal()  # the operator's saved layout (or the default) is up
    snapshot_saved = Signal(str)  # the PNG's path
    alarm_changed = Signal()  # an alarm view was shown, replaced or dismissed

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.service: CameraService = ctx.desk.cameras
        self.tz = ctx.desk.site.tz()
        self.names = {c.id: c.name for c in ctx.desk.site.cameras}
        self.views = ViewSet()
        self._tiles: list[CameraTile] = []
        self.enlarged: CameraTile | None = None
        self.current: CameraTile | None = None
        self.alarms: list[AlarmRequest] = []  # the last one is on screen
        self._loans: list[_Loan] = []
        self.full_screen_window: FullScreenWall | None = None
        self.last_snapshot: Path | None = None
        self.loaded = False
        self._streaming = False
        self._touched = False  # the operator changed the wall before the saved layout came
        self._saving = self._save_again = False
        self.setObjectName("camera-wall")
        self._build()
        self._make_actions()
        self._rebuild([None] * default_count(len(self.names)))
        # Whatever happens to the widgets, no capture thread outlives the pane.
        self.destroyed.connect(self.views.close_all)
        ctx.bridge.published.connect(self._on_event)
        self._load_layout()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.layout_box = QComboBox()
        self.layout_box.setObjectName("wall-layout")
        for n in LAYOUTS:
            self.layout_box.addItem(
                self.tr("%1 cameras").replace("%1", str(n)) if n > 1 else self.tr("1 camera"), n
            )
        layout_label = QLabel(self.tr("La&yout"))
        layout_label.setBuddy(self.layout_box)
        self.layout_box.setAccessibleName(self.tr("Wall layout"))
        self.layout_box.activated.connect(
            lambda index: self.set_layout(int(self.layout_box.itemData(index)))
        )
        self.full_button = QPushButton(self.tr("&Full screen"))
        self.full_button.setObjectName("wall-full-screen")
        self.full_button.setAccessibleName(self.tr("Full screen"))
        self.full_button.setToolTip(self.tr("Show the wall on the whole screen (F11)"))
        self.full_button.clicked.connect(self.toggle_full_screen)
        self.message = QLabel()
        self.message.setObjectName("wall-message")
        self.message.setAccessibleName(self.tr("Wall messages"))
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.camera_list = CameraList()
        self.camera_list.setAccessibleName(self.tr("Cameras"))
        self.camera_list.setToolTip(
            self.tr("Drag a camera onto a tile, or press Enter to put it in the selected tile")
        )
        for camera in self.ctx.desk.site.cameras:
            item = QListWidgetItem()
            item.setData(CAMERA_ROLE, camera.id)
            self.camera_list.addItem(item)
            self._show_camera_state(camera.id, self._state_of(camera.id))
        self.camera_list.itemActivated.connect(self._list_activated)
        list_label = QLabel(self.tr("Cam&eras"))
        list_label.setBuddy(self.camera_list)

        self.banner = QWidget()
        self.banner.setObjectName("alarm-banner")
        self.banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.banner.setStyleSheet(
            "#alarm-banner { background: #b71c1c; } "
            "#alarm-banner QLabel { color: white; font-weight: bold; font-size: 14pt; }"
        )
        self.banner_text = QLabel()
        self.banner_text.setObjectName("alarm-banner-text")
        self.banner_text.setAccessibleName(self.tr("Alarm view"))
        self.banner_text.setWordWrap(True)
        self.dismiss_button = QPushButton(self.tr("D&ismiss"))
        self.dismiss_button.setObjectName("alarm-dismiss")
        self.dismiss_button.setAccessibleName(self.tr("Dismiss alarm view"))
        self.dismiss_button.setToolTip(self.tr("Back to the wall (Esc)"))
        self.dismiss_button.clicked.connect(self.dismiss_alarm)
        self.dismiss_all_button = QPushButton(self.tr("Dismiss all"))
        self.dismiss_all_button.setObjectName("alarm-dismiss-all")
        self.dismiss_all_button.setAccessibleName(self.tr("Dismiss every alarm view"))
        self.dismiss_all_button.clicked.connect(self.dismiss_all_alarms)
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(8, 4, 8, 4)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.dismiss_button)
        banner_row.addWidget(self.dismiss_all_button)
        self.banner.hide()

        self.grid_host = QWidget()
        self.grid_host.setObjectName("wall-grid")
        self.grid_host.setStyleSheet("#wall-grid { background: black; }")
        self.grid_host.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(2)
        self.wall_area = QWidget()
        self.wall_area.setObjectName("wall-area")
        area = QVBoxLayout(self.wall_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.setSpacing(0)
        area.addWidget(self.banner)
        area.addWidget(self.grid_host, 1)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(list_label)
        side_layout.addWidget(self.camera_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.wall_area)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 800])
        bar = QHBoxLayout()
        bar.addWidget(layout_label)
        bar.addWidget(self.layout_box)
        bar.addWidget(self.full_button)
        bar.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _make_actions(self) -> None:
        def action(text: str, slot: Callable[[], None], key: str = "") -> QAction:
            made = QAction(text, self)
            made.triggered.connect(lambda _checked=False: slot())
            if key:
                made.setShortcut(QKeySequence(key))
            return made

        group = QActionGroup(self)
        self.layout_actions: dict[int, QAction] = {}
        texts = {
            1: self.tr("Layout: &1 camera"),
            4: self.tr("Layout: &4 cameras"),
            9: self.tr("Layout: &9 cameras"),
            16: self.tr("Layout: 1&6 cameras"),
        }
        for n, key in zip(LAYOUTS, ("F5", "F6", "F7", "F8"), strict=True):
            made = action(texts[n], partial(self.set_layout, n), key)
            made.setCheckable(True)
            group.addAction(made)
            self.layout_actions[n] = made
        self.full_screen_action = action(self.tr("&Full screen"), self.toggle_full_screen, "F11")
        self.full_screen_action.setCheckable(True)
        self.snapshot_action = action(self.tr("&Snapshot"), self.snapshot, "Ctrl+S")
        self.replay_action = action(self.tr("Instant &replay"), self.instant_replay)
        self.enlarge_action = action(self.tr("&Enlarge selected camera"), self.enlarge_selected)
        self.dismiss_action = action(self.tr("&Dismiss alarm view / restore"), self.escape, "Esc")
        # Esc only while the wall has the focus: elsewhere it belongs to dialogs and editors.
        self.dismiss_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._actions = [
            *self.layout_actions.values(),
            self.full_screen_action,
            self.snapshot_action,
            self.replay_action,
            self.enlarge_action,
            self.dismiss_action,
        ]
        # On the pane too: the keys work without the main window (and in full screen).
        self.addActions(self._actions)

    def menu_actions(self) -> list[QAction]:
        """The Cameras menu: layouts, full screen, snapshot, replay, enlarge, dismiss."""
        separator = QAction(self)
        separator.setSeparator(True)
        layouts = list(self.layout_actions.values())
        return [*layouts, separator, *self._actions[len(layouts) :]]

    # -- tiles and layouts ----------------------------------------------------------------------

    def tiles(self) -> list[CameraTile]:
        """The tiles, in reading order (left to right, top to bottom)."""
        return list(self._tiles)

    @property
    def count(self) -> int:
        return len(self._tiles)

    def assign(self, index: int, camera_id: str | None, profile: Profile | None = None) -> None:
        """Show a camera on tile `index` (None empties it), as the operator would; `profile`
        forces the stream until the tile is next enlarged or restored."""
        tile = self._tiles[index]
        if camera_id is None:
            self.clear_tile(tile)
        else:
            self.place(tile, camera_id)
        if profile is not None:
            tile.set_profile(profile, streaming=self._streaming)

    def _new_tile(self, index: int) -> CameraTile:
        tile = CameraTile(
            index,
            self.service,
            self.names,
            self.tz,
            self.views,
            self.grid_host,
            tamper_of=self.ctx.desk.analytics.tamper_state,
        )
        tile.activated.connect(partial(self._tile_activated, tile))
        tile.double_clicked.connect(partial(self._tile_double_clicked, tile))
        tile.enlarge_requested.connect(partial(self.enlarge, tile))
        tile.restore_requested.connect(self.restore)
        tile.snapshot_requested.connect(partial(self.snapshot, tile))
        tile.replay_requested.connect(partial(self.instant_replay, tile))
        tile.clear_requested.connect(partial(self.clear_tile, tile))
        tile.camera_dropped.connect(partial(self.place, tile))
        return tile

    def _profile(self, tile: CameraTile) -> Profile:
        return "main" if tile is self.enlarged or len(self._tiles) == 1 else "sub"

    def _rebuild(self, cameras: list[str | None]) -> None:
        """Put len(cameras) tiles on the wall showing these cameras; tiles that stay keep their
        running streams."""
        n = len(cameras)
        self._unenlarge()
        self._loans.clear()
        for tile in self._tiles[n:]:
            tile.stop()
            self.grid.removeWidget(tile)
            tile.hide()
            tile.deleteLater()
            if self.current is tile:
                self.current = None
        for tile in self._tiles[:n]:
            self.grid.removeWidget(tile)
        self._tiles = self._tiles[:n] + [self._new_tile(i) for i in range(len(self._tiles), n)]
        side = round(n**0.5)
        for i, tile in enumerate(self._tiles):
            self.grid.addWidget(tile, i // side, i % side)
            tile.show()
        for row in range(4):
            self.grid.setRowStretch(row, 1 if row < side else 0)
            self.grid.setColumnStretch(row, 1 if row < side else 0)
        for tile, camera_id in zip(self._tiles, cameras, strict=True):
            tile.set_profile(self._profile(tile), streaming=False)  # a wrong stream stops...
            tile.set_camera(camera_id, streaming=self._streaming)  # ...and the right one starts
        index = self.layout_box.findData(n)
        self.layout_box.setCurrentIndex(index)
        self.layout_actions[n].setChecked(True)
        self._refresh_marks()

    def own_cameras(self) -> list[str | None]:
        """What the operator put on each tile (an alarm's borrowed tile counts as its own)."""
        cameras: list[str | None] = [t.camera_id for t in self._tiles]
        for loan in reversed(self._loans):
            if loan.tile in self._tiles:
                cameras[self._tiles.index(loan.tile)] = loan.previous
        return cameras

    def set_layout(self, n: int, cameras: Sequence[str | None] | None = None) -> None:
        """Show n tiles (1, 4, 9 or 16): the first n of `cameras`, else of those shown now."""
        if n not in LAYOUTS:
            raise ValueError(f"a wall has 1, 4, 9 or 16 tiles, not {n}")
        self._touched = True
        self._apply_layout(n, cameras)
        self._save_layout()

    def _apply_layout(self, n: int, cameras: Sequence[str | None] | None) -> None:
        wanted = list(cameras) if cameras is not None else self.own_cameras()
        wanted = (wanted + [None] * n)[:n]
        self._rebuild(wanted)
        if self.alarms:
            self._present_alarm(raise_pane=False)
        self.layout_changed.emit(n)

    def place(self, tile: CameraTile, camera_id: str) -> None:
        """The operator puts a camera on a tile (drop, or Enter in the camera list)."""
        if camera_id not in self.names or tile not in self._tiles:
            return
        self._touched = True
        self._loans = [loan for loan in self._loans if loan.tile is not tile]
        tile.set_camera(camera_id, streaming=self._streaming)
        tile.set_profile(self._profile(tile), streaming=self._streaming)
        self._refresh_marks()
        self._save_layout()

    def clear_tile(self, tile: CameraTile) -> None:
        if tile not in self._tiles:
            return
        if tile is self.enlarged:
            self.restore()
        self._touched = True
        self._loans = [loan for loan in self._loans if loan.tile is not tile]
        tile.set_camera(None, streaming=self._streaming)
        self._save_layout()

    def _tile_activated(self, tile: CameraTile) -> None:
        if self.current is tile:
            return
        if self.current is not None and self.current in self._tiles:
            self.current.current = False
            self.current.update()
        self.current = tile
        tile.current = True
        tile.update()

    def _list_activated(self, item: QListWidgetItem) -> None:
        camera_id = str(item.data(CAMERA_ROLE))
        tile = self.current if self.current in self._tiles else None
        if tile is None:
            tile = next((t for t in self._tiles if t.camera_id is None), None)
        if tile is None:
            self.show_message(
                self.tr("Every tile is in use: select a tile (Tab) or drag the camera onto one.")
            )
            return
        self.place(tile, camera_id)

    # -- enlarging ------------------------------------------------------------------------------

    def _tile_double_clicked(self, tile: CameraTile) -> None:
        if tile is self.enlarged:
            self.restore()
        else:
            self.enlarge(tile)

    def enlarge(self, tile: CameraTile) -> None:
        """The tile fills the wall and switches to the camera's main stream."""
        if tile not in self._tiles or tile.camera_id is None or tile is self.enlarged:
            return
        self._unenlarge()
        side = round(len(self._tiles) ** 0.5)
        for other in self._tiles:
            if other is not tile:
                other.hide()
        self.grid.removeWidget(tile)
        self.grid.addWidget(tile, 0, 0, side, side)
        self.enlarged = tile
        tile.enlarged = True
        tile.set_profile("main", streaming=self._streaming)
        self.enlarge_action.setText(self.tr("&Restore the wall"))

    def enlarge_selected(self) -> None:
        if self.enlarged is not None:
            self.restore()
            return
        tile = self.selected_tile()
        if tile is not None:
            self.enlarge(tile)

    def restore(self) -> None:
        """Back to the wall; on an alarm view this is its dismissal."""
        if self.alarms and self.enlarged is not None:
            if self.enlarged.camera_id == self.alarms[-1].camera_id:
                self.dismiss_alarm()
                return
        self._unenlarge()

    def _unenlarge(self) -> None:
        tile, self.enlarged = self.enlarged, None
        self.enlarge_action.setText(self.tr("&Enlarge selected camera"))
        if tile is None or tile not in self._tiles:
            return
        side = round(len(self._tiles) ** 0.5)
        index = self._tiles.index(tile)
        self.grid.removeWidget(tile)
        self.grid.addWidget(tile, index // side, index % side)
        tile.enlarged = False
        for other in self._tiles:
            other.show()
        tile.set_profile(self._profile(tile), streaming=self._streaming)
        if self._lent_to_open(tile):
            self._repay(tile.camera_id or "")  # a tile lent by open_camera() goes back

    def escape(self) -> None:
        """Esc: dismiss the alarm view, else restore the enlarged tile, else leave full screen."""
        if self.alarms:
            self.dismiss_alarm()
        elif self.enlarged is not None:
            self.restore()
        elif self.full_screen_window is not None:
            self.leave_full_screen()

    def selected_tile(self) -> CameraTile | None:
        """The tile the operator means: focused, else enlarged, else the current one."""
        focus = QApplication.focusWidget()
        if isinstance(focus, CameraTile) and focus in self._tiles:
            return focus
        if self.enlarged is not None:
            return self.enlarged
        if self.current is not None and self.current in self._tiles:
            return self.current
        return None

    # -- full screen ----------------------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        if self.full_screen_window is None:
            self.enter_full_screen()
        else:
            self.leave_full_screen()

    def enter_full_screen(self) -> None:
        if self.full_screen_window is not None:
            return
        window = FullScreenWall(self)
        window.addActions(self._actions)
        layout = window.layout()
        assert layout is not None
        layout.addWidget(self.wall_area)
        self.full_screen_window = window
        self.full_screen_action.setChecked(True)
        window.showFullScreen()
        tile = self.selected_tile() or (self._tiles[0] if self._tiles else None)
        if tile is not None:
            tile.setFocus()

    def leave_full_screen(self) -> None:
        window, self.full_screen_window = self.full_screen_window, None
        self.full_screen_action.setChecked(False)
        if window is None:
            return
        self.splitter.insertWidget(1, self.wall_area)
        self.wall_area.show()
        window.hide()
        window.deleteLater()

    # -- streams --------------------------------------------------------------------------------

    @property
    def streaming(self) -> bool:
        return self._streaming

    def start_streams(self) -> None:
        self._streaming = True
        for tile in self._tiles:
            tile.start()

    def shutdown(self) -> None:
        """Close every view the wall opened (it starts again when the pane is shown)."""
        self._streaming = False
        self.leave_full_screen()
        for tile in self._tiles:
            tile.stop()
        self.views.close_all()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.start_streams()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        if not event.spontaneous():  # minimising is spontaneous: the wall keeps running
            self.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        super().closeEvent(event)

    # -- the operator's layout ------------------------------------------------------------------

    def _load_layout(self) -> None:
        desk, actor = self.ctx.desk, self.ctx.actor
        run_in_background(
            self, lambda: desk.pref(actor, LAYOUT_PREF), self._layout_loaded, self._load_failed
        )

    def _layout_loaded(self, saved: Any) -> None:
        self.loaded = True
        if not self._touched:
            parsed = parse_layout(saved, list(self.names))
            if parsed is None:
                ids = list(self.names)
                n = default_count(len(ids))
                self._apply_layout(n, ids[:n])
            else:
                self._apply_layout(*parsed)
        self.layout_loaded.emit()
        self._load_pending_alarms()

    def _load_pending_alarms(self) -> None:
        """Alarms raised before this window opened (a log-in after the alarm) still bring up
        their cameras: the unacknowledged ones, the queue's top one shown first."""
        alarms = self.ctx.desk.alarms

        def pending() -> list[AlarmRequest]:
            return [
                AlarmRequest(a.camera_id, a.zone_name, a.zone_id, a.id)
                for a in alarms.open_alarms()
                if a.state == State.NEW and a.camera_id and not a.shelved
            ][:PENDING_ALARM_VIEWS]

        run_in_background(
            self,
            pending,
            self._show_pending,
            lambda exc: log.warning("could not read the pending alarms: %s", exc),
        )

    def _show_pending(self, requests: list[AlarmRequest]) -> None:
        shown = {a.alarm_id for a in self.alarms}
        for request in reversed(requests):  # the last shown is on top
            if request.alarm_id not in shown:
                self.show_alarm(request)

    def _load_failed(self, exc: Exception) -> None:
        self.show_message(
            self.tr("Your wall layout could not be loaded: %1").replace("%1", describe(exc))
        )
        self._layout_loaded(None)

    def _save_layout(self) -> None:
        if self._saving:
            self._save_again = True
            return
        self._saving = True
        value = {"n": len(self._tiles), "cameras": self.own_cameras()}
        desk, actor = self.ctx.desk, self.ctx.actor
        run_in_background(
            self, lambda: desk.set_pref(actor, LAYOUT_PREF, value), self._saved, self._save_failed
        )

    def _saved(self, _result: object) -> None:
        self._saving = False
        if self._save_again:
            self._save_again = False
            self._save_layout()

    def _save_failed(self, exc: Exception) -> None:
        self._saved(None)
        self.show_message(
            self.tr("Your wall layout could not be saved: %1").replace("%1", describe(exc))
        )

    # -- alarm pop-up ---------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        data = event.data
        if event.topic == "camera.show":
            alarm_id = data.get("alarm_id")
            self.show_alarm(
                AlarmRequest(
                    camera_id=str(data.get("camera_id")),
                    zone_name=str(data.get("zone_name") or data.get("zone_id") or ""),
                    zone_id=data.get("zone_id"),
                    alarm_id=int(alarm_id) if isinstance(alarm_id, int) else None,
                )
            )
        elif event.topic == "camera.open":
            self.open_camera(str(data.get("camera_id")))
        elif event.topic == "camera.status":
            camera_id = str(data.get("camera_id"))
            try:
                state: StreamState | None = StreamState(str(data.get("state")))
            except ValueError:
                state = None
            self._show_camera_state(camera_id, state)
        elif event.topic == "camera.tamper":
            self._show_tamper(str(data.get("camera_id")), data.get("state"))

    def _show_tamper(self, camera_id: str, value: object) -> None:
        """Every tile showing the camera follows its tamper state."""
        try:
            state = TamperState(str(value))
        except ValueError:
            log.warning("camera %s: unknown tamper state %r", camera_id, value)
            return
        for tile in self._tiles:
            if tile.camera_id == camera_id:
                tile.set_tamper(state)

    def open_camera(self, camera_id: str) -> bool:
        """Enlarge a camera asked for elsewhere (a click on the site plan), without the alarm
        frame: its tile, else one lent until the wall is restored. An alarm view on screen
        keeps the screen (dismissing it is the operator's call); the wall says so."""
        if camera_id not in self.names or not self._tiles:
            log.warning("open request for unknown camera %r", camera_id)
            return False
        self._raise_pane()
        if self.alarms and self.alarms[-1].camera_id != camera_id:
            self.show_message(
                self.tr("%1 is not shown: dismiss the alarm view first (Esc).").replace(
                    "%1", self.names[camera_id]
                )
            )
            return False
        tile = next((t for t in self._tiles if t.camera_id == camera_id), None)
        if tile is None:
            tile = self._tile_for(camera_id)  # lent: given back by _unenlarge
        self.enlarge(tile)
        return True

    def show_alarm(self, request: AlarmRequest) -> None:
        """Enlarge the camera with a red frame and the zone's name until dismissed."""
        if request.camera_id not in self.names:
            log.warning("alarm view for unknown camera %r", request.camera_id)
            return
        self.alarms = [a for a in self.alarms if a.camera_id != request.camera_id]
        self.alarms.append(request)
        self._present_alarm(raise_pane=True)

    def _present_alarm(self, raise_pane: bool) -> None:
        if not self.alarms or not self._tiles:
            self._refresh_marks()
            return
        top = self.alarms[-1]
        if self.enlarged is not None and self._lent_to_open(self.enlarged):
            self._unenlarge()  # give back the tile open_camera() borrowed before lending again
        tile = self._tile_for(top.camera_id)
        if self.enlarged is not tile:
            self._unenlarge()
            self.enlarge(tile)
        self._refresh_marks()
        if raise_pane:
            self._raise_pane()
        self.alarm_changed.emit()

    def _tile_for(self, camera_id: str) -> CameraTile:
        """A tile showing the camera: the one it is on, else an empty one, else one lent."""
        for tile in self._tiles:
            if tile.camera_id == camera_id:
                return tile
        alarmed = {a.camera_id for a in self.alarms}
        empty = [t for t in self._tiles if t.camera_id is None]
        spare = [t for t in self._tiles if t.camera_id not in alarmed]
        tile = (empty or spare or self._tiles)[-1 if not empty else 0]
        self._loans.append(_Loan(tile, tile.camera_id, camera_id))
        tile.set_camera(camera_id, streaming=self._streaming)
        return tile

    def _lent_to_open(self, tile: CameraTile) -> bool:
        """The tile shows a camera it was lent for by open_camera(), not for an alarm."""
        alarmed = {a.camera_id for a in self.alarms}
        return tile.camera_id not in alarmed and any(
            loan.tile is tile and loan.camera_id == tile.camera_id for loan in self._loans
        )

    def _repay(self, camera_id: str) -> None:
        """Give back the tiles lent to this camera's alarm view."""
        for loan in reversed([loan for loan in self._loans if loan.camera_id == camera_id]):
            self._loans.remove(loan)
            if loan.tile in self._tiles and loan.tile.camera_id == camera_id:
                loan.tile.set_camera(loan.previous, streaming=self._streaming)
                loan.tile.set_profile(self._profile(loan.tile), streaming=self._streaming)

    def dismiss_alarm(self) -> None:
        """Dismiss the alarm view on screen; an earlier one waiting comes back."""
        if not self.alarms:
            return
        done = self.alarms.pop()
        self._unenlarge()
        self._repay(done.camera_id)
        if self.alarms:
            self._present_alarm(raise_pane=False)
        else:
            self._refresh_marks()
            self.alarm_changed.emit()

    def dismiss_all_alarms(self) -> None:
        self._unenlarge()
        while self.alarms:
            self._repay(self.alarms.pop().camera_id)
        self._refresh_marks()
        self.alarm_changed.emit()

    @property
    def alarm_shown(self) -> AlarmRequest | None:
        return self.alarms[-1] if self.alarms else None

    def _refresh_marks(self) -> None:
        """Red frames on every tile showing an alarmed camera; the banner names the latest."""
        zones = {a.camera_id: a.zone_name for a in self.alarms}
        for tile in self._tiles:
            zone = zones.get(tile.camera_id or "")
            if tile.alarm_zone != zone:
                tile.alarm_zone = zone
                tile.update()
        top = self.alarm_shown
        if top is None:
            self.banner.hide()
            self.banner_text.clear()
            return
        text = (
            self.tr("⚠ Alarm: %1 — camera %2")
            .replace("%1", top.zone_name)
            .replace("%2", self.names.get(top.camera_id, top.camera_id))
        )
        waiting = len(self.alarms) - 1
        if waiting:
            text += "  ·  " + self.tr("%1 earlier alarm views waiting").replace("%1", str(waiting))
        self.banner_text.setText(text)
        self.banner_text.setAccessibleDescription(text)
        self.dismiss_all_button.setVisible(waiting > 0)
        self.banner.show()

    def _raise_pane(self) -> None:
        if self.full_screen_window is not None:
            self.full_screen_window.raise_()
            return
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QDockWidget):
            widget = widget.parentWidget()
        if widget is not None:
            widget.show()
            widget.raise_()
        elif self.isWindow() and self.isHidden():
            self.show()

    # -- camera list ----------------------------------------------------------------------------

    def _state_of(self, camera_id: str) -> StreamState | None:
        state = self.service.state(camera_id)  # in memory, under a short lock
        return state.state if state is not None else None

    def _show_camera_state(self, camera_id: str, state: StreamState | None) -> None:
        item = self.camera_list.item_of(camera_id)
        if item is None:
            return
        name = self.names.get(camera_id, camera_id)
        item.setText(f"{name}  {state_text(state)}")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {state_text(state)}")

    # -- snapshot and replay --------------------------------------------------------------------

    def snapshot(self, tile: CameraTile | None = None) -> None:
        """Save the picture shown (at the resolution the tile has it) as a PNG with the camera
        and the time burnt in, and log it in the audit chain."""
        tile = tile or self.selected_tile()
        frame = tile.frame if tile is not None else None
        camera_id = tile.camera_id if tile is not None else None
        if tile is None or frame is None or camera_id is None:
            self.show_message(self.tr("No picture to save: select a camera tile first."))
            return
        service, actor, tz = self.service, self.ctx.actor, self.tz
        name = tile.camera_name()

        def save() -> Path:
            return save_snapshot(service, actor, camera_id, name, frame, tz)

        run_in_background(self, save, self._snapshot_saved, self._snapshot_failed)

    def _snapshot_saved(self, path: Path) -> None:
        self.last_snapshot = path
        self.show_message(self.tr("Snapshot saved: %1").replace("%1", str(path)))
        self.snapshot_saved.emit(str(path))

    def _snapshot_failed(self, exc: Exception) -> None:
        self.show_message(
            self.tr("The snapshot could not be saved: %1").replace("%1", describe(exc))
        )

    def instant_replay(self, tile: CameraTile | None = None) -> None:
        """The last seconds of the camera, from its recording (the playback pane plays it)."""
        tile = tile or self.selected_tile()
        if tile is None or tile.camera_id is None:
            self.show_message(self.tr("Select a camera tile first."))
            return
        try:
            from console.ui.playback_pane import open_instant_replay
        except ImportError:
            self.show_message(self.tr("Instant replay is not available."))
            return
        open_instant_replay(self, self.ctx, tile.camera_id)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, MESSAGE_MS)


def save_snapshot(
    service: CameraService,
    actor: Actor,
    camera_id: str,
    camera_name: str,
    frame: Frame,
    tz: tzinfo,
) -> Path:
    """Worker thread: the PNG with its caption, then the audit record. Returns the path."""
    taken_at: datetime = frame.wall
    caption = f"{camera_name}  {taken_at.astimezone(tz):%Y-%m-%d %H:%M:%S}"
    image = snapshot_image(frame, caption)
    path = service.snapshot_path(camera_id, taken_at)
    if not image.save(str(path)):  # PNG, from the suffix
        raise OSError(f"could not write {path}")
    service.record_snapshot(actor, camera_id, path, taken_at)
    return path


register(
    PaneSpec(
        key="wall",
        title=lambda: QCoreApplication.translate("CameraWall", "Camera wall"),
        factory=CameraWall,
        area=Qt.DockWidgetArea.RightDockWidgetArea,
        stretch=6,
        shortcut="Ctrl+3",
        menu_title=lambda: QCoreApplication.translate("CameraWall", "&Cameras"),
    )
)
