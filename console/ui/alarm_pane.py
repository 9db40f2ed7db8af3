"""Alarm queue pane: the sortable queue, the selected alarm's detail (SOP checklist, dispatch,
comments, history), the flood banner and the alarm sound.

The pane holds no rules: every action is a call into core on the thread pool, and the pane
redraws when core publishes `alarm.changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.alarms import AlarmDetail, AlarmView, EventView, FloodState, Resolution, State
from console.core.auth import Permission
from console.core.changes import database_back
from console.core.events import Event
from console.ui.alarm_model import (
    ID_ROLE,
    SORT_ROLE,
    AlarmTableModel,
    event_label,
    kind_label,
    priority_label,
    state_label,
    zone_label,
)
from console.ui.alarm_sound import AlarmSound
from console.ui.dialogs import _AsyncDialog
from console.ui.forms import add_field
from console.ui.panes import PaneContext, PaneSpec, raise_dock, register
from console.ui.wording import describe, describe_load
from console.ui.worker import run_in_background
from schema.types import utcnow


def resolution_label(resolution: str) -> str:
    labels: dict[str, str] = {
        Resolution.REAL: QCoreApplication.translate("AlarmPane", "Real alarm"),
        Resolution.FALSE: QCoreApplication.translate("AlarmPane", "False alarm"),
        Resolution.TEST: QCoreApplication.translate("AlarmPane", "Test"),
        Resolution.REPAIRED: QCoreApplication.translate("AlarmPane", "Fault repaired"),
        Resolution.OTHER: QCoreApplication.translate("AlarmPane", "Other"),
    }
    return labels.get(resolution, resolution)


class CloseAlarmDialog(_AsyncDialog):
    """Resolution and a required comment; the close itself runs in core."""

    def __init__(self, pane: AlarmPane, alarm: AlarmView) -> None:
        super().__init__(QCoreApplication.translate("AlarmPane", "Close alarm"), pane)
        self.resolution = QComboBox()
        for value in Resolution:
            self.resolution.addItem(resolution_label(value), value.value)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What was found and what was done (required)"))
        self.form.addRow(QLabel(f"{zone_label(alarm)} · {event_label(alarm.event)}"))
        add_field(self.form, self.tr("&Resolution"), self.resolution, "resolution")
        add_field(self.form, self.tr("&Comment"), self.comment, "comment")
        ok = self.finish_layout(self.tr("&Close alarm")).buttons()[0]
        ok.setEnabled(False)
        self.comment.textChanged.connect(
            lambda: ok.setEnabled(bool(self.comment.toPlainText().strip()))
        )
        desk, actor = pane.ctx.desk, pane.ctx.actor
        self.accepted_call = lambda: desk.alarms.close(
            actor, alarm.id, Resolution(self.resolution.currentData()), self.comment.toPlainText()
        )

    def accept(self) -> None:
        self.submit(self.accepted_call)


class ShelveDialog(_AsyncDialog):
    """Shelve a zone: a supervisor's reason and an expiry (checked in core)."""

    def __init__(self, pane: AlarmPane, zone_id: str, zone_name: str) -> None:
        super().__init__(QCoreApplication.translate("AlarmPane", "Shelve zone"), pane)
        self.reason = QLineEdit()
        self.hours = QSpinBox()
        self.hours.setRange(1, 168)
        self.hours.setValue(8)
        self.hours.setSuffix(self.tr(" h"))
        self.form.addRow(QLabel(zone_name))
        add_field(self.form, self.tr("&Reason"), self.reason, "reason")
        add_field(self.form, self.tr("&For"), self.hours, "hours")
        self.finish_layout(self.tr("&Shelve"))
        desk, actor = pane.ctx.desk, pane.ctx.actor
        self.accepted_call = lambda: desk.alarms.shelve(
            actor, zone_id, self.reason.text(), utcnow() + timedelta(hours=self.hours.value())
        )

    def accept(self) -> None:
        self.submit(self.accepted_call)


class SnapshotView(QWidget):
    """The picture of the selected alarm's latest event that has one (video analysis, camera
    tampering: the region drawn in), fitted with its aspect kept. Read from disk on the thread
    pool; hidden when the alarm has none."""

    loaded = Signal(str)  # the snapshot (relative path) now on screen

    def __init__(self, snapshots_dir: Path) -> None:
        super().__init__()
        self.snapshots_dir = snapshots_dir
        self.wanted: str | None = None  # relative to the snapshots folder
        self.image = QImage()
        self.setObjectName("alarm-snapshot")
        self.setAccessibleName(self.tr("Snapshot of the event"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)
        self.setMaximumHeight(240)
        self.caption = QLabel()
        self.caption.setObjectName("alarm-snapshot-caption")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.hide()
        self.caption.hide()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(320, 180)

    def show_event(self, event: EventView | None, taken: str) -> None:
        """`event`: the one whose picture to show (None: hide); `taken`: its time in words."""
        if event is None or not event.snapshot:
            self.wanted, self.image = None, QImage()
            self.hide()
            self.caption.hide()
            return
        text = self.tr("Snapshot of the event, %1").replace("%1", taken)
        self.caption.setText(text)
        self.setAccessibleDescription(text)
        if event.snapshot == self.wanted:
            return
        self.wanted = relative = event.snapshot
        path = self.snapshots_dir / relative

        def read() -> QImage:
            image = QImage(str(path))
            if image.isNull():
                raise OSError(f"{path}: not a readable picture")
            return image

        def done(image: QImage) -> None:
            if self.wanted == relative:
                self.image = image
                self.show()
                self.caption.show()
                self.update()
                self.loaded.emit(relative)

        def failed(exc: Exception) -> None:
            if self.wanted == relative:
                self.image = QImage()
                self.hide()
                self.caption.setText(
                    self.tr("The snapshot could not be read: %1").replace("%1", describe(exc))
                )
                self.caption.show()

        run_in_background(self, read, done, failed)

    def picture_rect(self) -> QRectF:
        area = QRectF(self.rect())
        if self.image.isNull() or area.isEmpty():
            return area
        scale = min(area.width() / self.image.width(), area.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            if not self.image.isNull():
                painter.drawImage(self.picture_rect(), self.image)
        finally:
            painter.end()


class AlarmDetailPanel(QWidget):
    """The selected alarm: what, where, what to do next, and what has been done."""

    def __init__(self, pane: AlarmPane) -> None:
        super().__init__()
        self.pane = pane
        self.detail: AlarmDetail | None = None
        self.title = QLabel(self.tr("No alarm selected"))
        self.title.setObjectName("alarm-title")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("alarm-info")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.ack_button = self._button(self.tr("&Acknowledge"), pane.acknowledge_selected)
        self.close_button = self._button(self.tr("C&lose…"), pane.close_selected)
        self.shelve_button = self._button(self.tr("S&helve zone…"), pane.shelve_selected)
        self.sop_title = QLabel()
        self.sop = QListWidget()
        self.sop.setObjectName("sop")
        self.sop.setAccessibleName(self.tr("SOP checklist"))
        self.sop.itemChanged.connect(self._step_toggled)
        self.dispatch_to = QLineEdit()
        self.dispatch_to.setPlaceholderText(self.tr("Guard or post sent, e.g. East gate, Zhang"))
        self.dispatch_button = self._button(self.tr("&Dispatch"), self._dispatch)
        self.dispatch_to.returnPressed.connect(self._dispatch)
        self.comment = QLineEdit()
        self.comment_button = self._button(self.tr("Add co&mment"), self._comment)
        self.comment.returnPressed.connect(self._comment)
        self.history = QListWidget()
        self.history.setObjectName("history")
        self.history.setAccessibleName(self.tr("Alarm history"))
        self.snapshot = SnapshotView(pane.ctx.desk.cameras.snapshots_dir)
        self._layout()
        self.show_detail(None)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.ack_button, self.close_button, self.shelve_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.dispatch_to, 1)
        row.addWidget(self.dispatch_button)
        dispatch_label = QLabel(self.tr("Guard &sent"))
        dispatch_label.setBuddy(self.dispatch_to)
        self.dispatch_to.setAccessibleName(self.tr("Guard sent"))
        form.addRow(dispatch_label, row)
        row = QHBoxLayout()
        row.addWidget(self.comment, 1)
        row.addWidget(self.comment_button)
        comment_label = QLabel(self.tr("Comme&nt"))
        comment_label.setBuddy(self.comment)
        self.comment.setAccessibleName(self.tr("Comment"))
        form.addRow(comment_label, row)
        history_label = QLabel(self.tr("History"))
        history_label.setBuddy(self.history)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.info):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.snapshot)
        layout.addWidget(self.snapshot.caption)
        layout.addWidget(self.sop_title)
        layout.addWidget(self.sop, 2)
        layout.addLayout(form)
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)

    # -- showing ------------------------------------------------------------------------------

    def show_detail(self, detail: AlarmDetail | None) -> None:
        self.detail = detail
        alarm = detail.alarm if detail else None
        working = alarm is not None and alarm.state in (State.ACKNOWLEDGED, State.IN_PROGRESS)
        self.ack_button.setEnabled(alarm is not None and alarm.state == State.NEW)
        self.close_button.setEnabled(working)
        self.shelve_button.setEnabled(
            alarm is not None
            and alarm.zone_id is not None
            and self.pane.ctx.actor.can(Permission.SHELVE_ZONES)
        )
        for widget in (self.dispatch_to, self.dispatch_button, self.sop):
            widget.setEnabled(working)
        self.comment.setEnabled(alarm is not None)
        self.comment_button.setEnabled(alarm is not None)
        self._show_snapshot(detail)
        if detail is None or alarm is None:
            self.title.setText(self.tr("No alarm selected"))
            self.info.clear()
            self.sop_title.clear()
            self.sop.clear()
            self.history.clear()
            return
        self.title.setText(f"{priority_label(alarm.priority)} · {zone_label(alarm)}")
        self.info.setText(self._info(alarm))
        self._fill_sop(detail)
        self._fill_history(detail)

    def _show_snapshot(self, detail: AlarmDetail | None) -> None:
        """The latest event of the alarm that has a picture, or none."""
        events = [e for e in detail.events if e.snapshot] if detail is not None else []
        latest = max(events, key=lambda e: (e.received_at, e.id), default=None)
        self.snapshot.show_event(latest, self._local(latest.received_at) if latest else "")

    def _local(self, moment: Any) -> str:
        return moment.astimezone(self.pane.tz).strftime("%Y-%m-%d %H:%M:%S") if moment else "—"

    def _info(self, alarm: AlarmView) -> str:
        lines = [
            f"{kind_label(alarm.zone_kind)} · {event_label(alarm.event)} · "
            f"{state_label(alarm.state)}",
            self.tr("Raised %1 · source %2 %3 · %4")
            .replace("%1", self._local(alarm.raised_at))
            .replace("%2", alarm.source_id)
            .replace("%3", alarm.point or "")
            .replace("%4", alarm.text or alarm.code),
        ]
        if alarm.repeats:
            lines.append(self.tr("Repeated %1 times").replace("%1", str(alarm.repeats)))
        if alarm.restored_at:
            lines.append(
                self.tr("Restored at the device %1 (the alarm stays until closed)").replace(
                    "%1", self._local(alarm.restored_at)
                )
            )
        if alarm.acknowledged_at:
            lines.append(
                self.tr("Acknowledged %1 by %2")
                .replace("%1", self._local(alarm.acknowledged_at))
                .replace("%2", alarm.acknowledged_by or "")
            )
        if alarm.camera_id:
            lines.append(
                self.tr("Camera: %1").replace("%1", self.pane.camera_name(alarm.camera_id))
            )
        if alarm.shelved:
            lines.append(self.tr("This zone is shelved: it does not sound."))
        if alarm.closed_at:
            lines.append(
                self.tr("Closed %1 by %2: %3 — %4")
                .replace("%1", self._local(alarm.closed_at))
                .replace("%2", alarm.closed_by or "")
                .replace("%3", resolution_label(alarm.resolution or ""))
                .replace("%4", alarm.close_comment or "")
            )
        return "\n".join(lines)

    def _fill_sop(self, detail: AlarmDetail) -> None:
        lang = self.pane.language
        self.sop_title.setText(self.tr("What to do: %1").replace("%1", detail.sop.title(lang)))
        ticked = detail.ticked()
        self.sop.blockSignals(True)
        self.sop.clear()
        for step in detail.sop.steps:
            prefix = {"real": self.tr("If real: "), "false": self.tr("If false: ")}.get(
                step.when or "", ""
            )
            text = prefix + step.text(lang)
            done = ticked.get(step.id)
            if done is not None:
                text += f"  ✔ {self._local(done.at)} {done.author}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if done is None:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            self.sop.addItem(item)
        self.sop.blockSignals(False)

    def _fill_history(self, detail: AlarmDetail) -> None:
        self.history.clear()
        kinds = {
            "acknowledge": self.tr("Acknowledged"),
            "step": self.tr("Step done"),
            "dispatch": self.tr("Guard sent"),
            "comment": self.tr("Comment"),
            "restore": self.tr("Restored at device"),
            "repeat": self.tr("Alarmed again"),
            "reset": self.tr("Panel reset"),
            "close": self.tr("Closed"),
        }
        rows = [
            (
                e.received_at,
                self.tr("Device event"),
                "",
                " ".join(dict.fromkeys([e.code, e.text, e.raw])),
            )
            for e in detail.events
        ]
        rows += [(n.at, kinds.get(n.kind, n.kind), n.author, n.text) for n in detail.notes]
        for at, what, who, text in sorted(rows, key=lambda r: r[0]):
            self.history.addItem(f"{self._local(at)}  {what}  {who}  {text}".rstrip())

    # -- actions ------------------------------------------------------------------------------

    def _step_toggled(self, item: QListWidgetItem) -> None:
        if self.detail is None or item.checkState() != Qt.CheckState.Checked:
            return
        alarm_id, step_id = self.detail.alarm.id, item.data(Qt.ItemDataRole.UserRole)
        desk, actor = self.pane.ctx.desk, self.pane.ctx.actor
        self.pane.call(lambda: desk.alarms.tick_step(actor, alarm_id, step_id))

    def _dispatch(self) -> None:
        if self.detail is None or not self.dispatch_to.text().strip():
            return
        alarm_id, to = self.detail.alarm.id, self.dispatch_to.text()
        desk, actor = self.pane.ctx.desk, self.pane.ctx.actor
        self.pane.call(lambda: desk.alarms.dispatch(actor, alarm_id, to), self.dispatch_to.clear)

    def _comment(self) -> None:
        if self.detail is None or not self.comment.text().strip():
            return
        alarm_id, text = self.detail.alarm.id, self.comment.text()
        desk, actor = self.pane.ctx.desk, self.pane.ctx.actor
        self.pane.call(lambda: desk.alarms.comment(actor, alarm_id, text), self.comment.clear)


class KeepColourDelegate(QStyledItemDelegate):
    """A selected row keeps its priority colour and gets a thick frame instead."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(QColor("#0d47a1"), 3))
            rect = option.rect.adjusted(1, 1, -2, -2)
            painter.drawLine(rect.topLeft(), rect.topRight())
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
            painter.restore()


class AlarmPane(QWidget):
    RELOAD_EVERY_S = 15

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tz = ZoneInfo(ctx.desk.site.site.timezone)
        chinese = QLocale().language() == QLocale.Language.Chinese  # set by install_language
        self.language = "zh_CN" if chinese else "en"
        self.cameras = {c.id: c.name for c in ctx.desk.site.cameras}
        self.model = AlarmTableModel(self.tz, ctx.desk.alarms.age_level)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.sound = AlarmSound(self)
        self.flood = FloodState(False, 0)
        self.alarms: list[AlarmView] = []  # the rows shown (open or recently closed)
        self.open_alarms: list[AlarmView] = []
        self.selected_id: int | None = None
        self._loading = self._reload = False
        self._ticks = 0
        self._build()
        self._timers()
        ctx.bridge.published.connect(self._on_event)
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("flood-banner")
        self.banner.setStyleSheet(
            "background: #b71c1c; color: white; font-weight: bold; padding: 4px;"
        )
        self.banner.hide()
        self.no_sound = QLabel(
            self.tr("⚠ The alarm sound cannot play on this computer (see the log).")
        )
        self.no_sound.setObjectName("no-sound")
        self.no_sound.setStyleSheet("color: #b00020; font-weight: bold;")
        self.no_sound.setVisible(not self.sound.available)
        self.show_closed = QComboBox()
        self.show_closed.addItem(self.tr("Open alarms"), False)
        self.show_closed.addItem(self.tr("Recently closed"), True)
        self.show_closed.setAccessibleName(self.tr("Which alarms"))
        self.show_closed.currentIndexChanged.connect(self.refresh)
        self.group = QCheckBox(self.tr("&Group by zone"))
        self.group.setAccessibleName(self.tr("Group by zone"))
        self.group.toggled.connect(self._show_rows)
        self.summary = QLabel()
        self.summary.setObjectName("alarm-summary")
        self.table = QTableView()
        self.table.setObjectName("alarm-table")
        self.table.setAccessibleName(self.tr("Alarm queue"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setItemDelegate(KeepColourDelegate(self.table))
        header = self.table.horizontalHeader()
        # Sized once from the first rows, then by the operator: measuring every row on every
        # refresh costs hundreds of milliseconds in a flood.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._sized = False
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _index: self.acknowledge_selected())
        self.detail = AlarmDetailPanel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.show_closed)
        bar.addWidget(self.group)
        bar.addWidget(self.summary, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.no_sound)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def _timers(self) -> None:
        self._debounce = QTimer(self, singleShot=True, interval=20)
        self._debounce.timeout.connect(self.refresh)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()

    def menu_actions(self) -> list[QAction]:
        """The Alarms menu: shortcuts that work anywhere in the window."""
        specs = [
            (self.tr("Acknowledge &top alarm"), self.acknowledge_top, "F2"),
            (self.tr("&Acknowledge selected"), self.acknowledge_selected, "Ctrl+Return"),
            (self.tr("&Close selected…"), self.close_selected, "Ctrl+Shift+C"),
            (self.tr("&Shelve zone…"), self.shelve_selected, ""),
            (self.tr("Show the alarm's ca&mera"), self.show_camera, "F3"),
        ]
        actions = []
        for text, slot, key in specs:
            action = QAction(text, self)
            action.triggered.connect(slot)
            if key:
                action.setShortcut(QKeySequence(key))
            actions.append(action)
        return actions

    def camera_name(self, camera_id: str) -> str:
        return self.cameras.get(camera_id, camera_id)

    # -- loading ------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.topic == "alarm.show":  # another pane (the site plan) opens an alarm here
            alarm_id = event.data.get("alarm_id")
            if isinstance(alarm_id, int):
                raise_dock(self)
                self.select_alarm(alarm_id)
            return
        # The database back: the missed changes came first, reload once more (it is cheap).
        back = database_back(event)
        # Not restarted by later events: a steady stream still redraws every 20 ms.
        if (event.topic.startswith("alarm.") or back) and not self._debounce.isActive():
            self._debounce.start()

    def refresh(self) -> None:
        if self._loading:
            self._reload = True
            return
        self._loading, self._reload = True, False
        alarms = self.ctx.desk.alarms
        closed = bool(self.show_closed.currentData())

        def load() -> tuple[list[AlarmView], list[AlarmView], FloodState]:
            open_alarms = alarms.open_alarms()
            shown = alarms.closed_alarms() if closed else open_alarms
            return open_alarms, shown, alarms.refresh_flood()

        run_in_background(self, load, self._loaded, self._load_failed)

    def _loaded(self, result: tuple[list[AlarmView], list[AlarmView], FloodState]) -> None:
        self._loading = False
        open_alarms, shown, flood = result
        self.sound.update(open_alarms)
        self.alarms, self.open_alarms = shown, open_alarms
        self._set_flood(flood)
        self._show_rows()
        if self._reload:
            self.refresh()

    def _load_failed(self, exc: Exception) -> None:
        """The rows shown stay (the database may be out of reach): a quiet line, no dialog."""
        self._loading = False
        self.summary.setText("⚠ " + describe_load(exc))
        if self._reload:
            self.refresh()

    def _detail_failed(self, exc: Exception) -> None:
        self.summary.setText("⚠ " + describe_load(exc))  # the detail shown stays

    def _set_flood(self, flood: FloodState) -> None:
        if flood.active and not self.flood.active:
            self.group.setChecked(True)  # a flood groups repeats per zone
        self.flood = flood
        self.banner.setVisible(flood.active)
        self.banner.setText(
            self.tr(
                "ALARM FLOOD: %1 new alarms in 10 minutes — repeats are grouped by zone"
            ).replace("%1", str(flood.count))
        )

    def _show_rows(self) -> None:
        self.model.set_rows(self.alarms, self.group.isChecked())
        if not self._sized and self.model.rows:
            self._sized = True
            self.table.resizeColumnsToContents()
        waiting = sum(1 for a in self.open_alarms if a.state == State.NEW)
        self.summary.setText(
            self.tr("%1 open, %2 unacknowledged")
            .replace("%1", str(len(self.open_alarms)))
            .replace("%2", str(waiting))
        )
        self._reselect()

    def _reselect(self) -> None:
        row = self.model.row_of(self.selected_id) if self.selected_id is not None else -1
        if row < 0 and self.model.rows:
            row = self.model.row_of(self.model.rows[0].id)
        if row < 0:
            self.selected_id = None
            self.detail.show_detail(None)
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self._load_detail()

    def select_alarm(self, alarm_id: int) -> bool:
        """Select the alarm's row (grouped: its zone's row). False when it is not shown yet:
        the open alarms are then reloaded, and it is selected if it is among them."""
        self.selected_id = alarm_id
        if self.show_closed.currentData():  # recently closed shown: back to the open ones
            self.show_closed.setCurrentIndex(0)  # reloads
            return False
        row = self.model.row_of(alarm_id)
        alarm = next((a for a in self.alarms if a.id == alarm_id), None)
        if row < 0 and alarm is not None and alarm.zone_id is not None:
            zone = alarm.zone_id
            row = next((i for i, a in enumerate(self.model.rows) if a.zone_id == zone), -1)
        if row < 0:
            self.refresh()
            return False
        self.selected_id = self.model.rows[row].id
        self._reselect()
        self.table.scrollTo(self.table.currentIndex())
        return True

    def _current_changed(self, current: Any, _previous: Any) -> None:
        alarm_id = self.proxy.data(current, ID_ROLE) if current.isValid() else None
        if alarm_id != self.selected_id:
            self.selected_id = alarm_id
            self._load_detail()

    def _load_detail(self) -> None:
        if self.selected_id is None:
            self.detail.show_detail(None)
            return
        alarm_id, alarms = self.selected_id, self.ctx.desk.alarms
        run_in_background(
            self, lambda: alarms.detail(alarm_id), self._detail_loaded, self._detail_failed
        )

    def _detail_loaded(self, detail: AlarmDetail) -> None:
        if detail.alarm.id == self.selected_id:
            self.detail.show_detail(detail)

    def _tick(self) -> None:
        self.model.tick()
        self._ticks += 1
        if self._ticks % self.RELOAD_EVERY_S == 0:
            self.refresh()  # shelvings expire and floods end without an event of their own

    # -- actions ------------------------------------------------------------------------------

    def call(self, fn: Callable[[], Any], on_done: Callable[[], None] | None = None) -> None:
        """Run a core action off the GUI thread; errors are shown, the event redraws."""

        def done(_result: Any) -> None:
            if on_done is not None:
                on_done()

        run_in_background(self, fn, done, self._action_failed)

    def _action_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Alarm"), describe(exc))
        self.refresh()

    def selected(self) -> AlarmView | None:
        row = self.model.row_of(self.selected_id) if self.selected_id is not None else -1
        return self.model.alarm_at(row)

    def acknowledge_top(self) -> None:
        desk, actor = self.ctx.desk, self.ctx.actor
        self.call(lambda: desk.alarms.acknowledge_top(actor))

    def acknowledge_selected(self) -> None:
        alarm = self.selected()
        if alarm is None or alarm.state != State.NEW:
            return
        desk, actor = self.ctx.desk, self.ctx.actor
        self.call(lambda: desk.alarms.acknowledge(actor, alarm.id))

    def show_camera(self) -> None:
        """Enlarge the selected alarm's camera on the wall (the top alarm's, if none is
        selected); the wall shows it framed in red with the zone's name."""
        alarm = self.selected() or self.model.alarm_at(0)
        if alarm is None or not alarm.camera_id:
            return
        self.ctx.desk.bus.publish(
            "camera.show",
            camera_id=alarm.camera_id,
            zone_id=alarm.zone_id,
            zone_name=alarm.zone_name,
            alarm_id=alarm.id,
        )

    def close_selected(self) -> None:
        alarm = self.selected()
        if alarm is None or alarm.state not in (State.ACKNOWLEDGED, State.IN_PROGRESS):
            return
        CloseAlarmDialog(self, alarm).open()

    def shelve_selected(self) -> None:
        alarm = self.selected()
        if alarm is None or alarm.zone_id is None:
            return
        ShelveDialog(self, alarm.zone_id, zone_label(alarm)).open()


register(
    PaneSpec(
        key="alarms",
        title=lambda: QCoreApplication.translate("AlarmPane", "Alarm queue"),
        factory=AlarmPane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        stretch=4,
        shortcut="Ctrl+2",
        menu_title=lambda: QCoreApplication.translate("AlarmPane", "&Alarms"),
    )
)
