"""The alarm queue as a Qt table model: rows of core AlarmViews, coloured by priority and age.

Colour never speaks alone: the priority column says the level and kind in words, an aged
alarm gets a clock mark, a shelved one says so, a restored one says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from console.core.alarms import AlarmView, State
from schema.types import utcnow

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Background per priority (1 fire ... 5 fault) and the text colour that reads on it.
PRIORITY_COLOURS = {
    1: ("#c62828", "#ffffff"),
    2: ("#d84315", "#ffffff"),
    3: ("#f9a825", "#000000"),
    4: ("#6a1b9a", "#ffffff"),
    5: ("#546e7a", "#ffffff"),
}
ACKED_COLOURS = {
    1: ("#ffcdd2", "#000000"),
    2: ("#ffccbc", "#000000"),
    3: ("#fff3c4", "#000000"),
    4: ("#e1bee7", "#000000"),
    5: ("#cfd8dc", "#000000"),
}
SHELVED_COLOURS = ("#eeeeee", "#616161")


def kind_label(kind: str) -> str:
    labels = {
        "fire": QCoreApplication.translate("AlarmModel", "Fire"),
        "infrared": QCoreApplication.translate("AlarmModel", "Infrared"),
        "perimeter": QCoreApplication.translate("AlarmModel", "Perimeter"),
        "video": QCoreApplication.translate("AlarmModel", "Video intrusion"),
        "panic": QCoreApplication.translate("AlarmModel", "Panic"),
        "elevator": QCoreApplication.translate("AlarmModel", "Lift"),
        "tamper": QCoreApplication.translate("AlarmModel", "Tamper"),
        "fault": QCoreApplication.translate("AlarmModel", "Fault"),
    }
    return labels.get(kind, kind)


def event_label(event: str) -> str:
    labels = {
        "alarm": QCoreApplication.translate("AlarmModel", "Alarm"),
        "trouble": QCoreApplication.translate("AlarmModel", "Trouble"),
        "disabled": QCoreApplication.translate("AlarmModel", "Disabled at panel"),
        "comm_fault": QCoreApplication.translate("AlarmModel", "Communication fault"),
    }
    return labels.get(event, event)


def state_label(state: str) -> str:
    labels: dict[str, str] = {
        State.NEW: QCoreApplication.translate("AlarmModel", "New"),
        State.ACKNOWLEDGED: QCoreApplication.translate("AlarmModel", "Acknowledged"),
        State.IN_PROGRESS: QCoreApplication.translate("AlarmModel", "In progress"),
        State.CLOSED: QCoreApplication.translate("AlarmModel", "Closed"),
    }
    return labels.get(state, state)


def priority_label(priority: int) -> str:
    return QCoreApplication.translate("AlarmModel", "P%1").replace("%1", str(priority))


def zone_label(alarm: AlarmView) -> str:
    if alarm.unmapped:
        return (
            QCoreApplication.translate("AlarmModel", "Unmapped point %1 (%2)")
            .replace("%1", alarm.point or "")
            .replace("%2", alarm.source_id)
        )
    if alarm.zone_id is None:
        return QCoreApplication.translate("AlarmModel", "Source %1").replace("%1", alarm.source_id)
    return alarm.zone_name


def _age(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class AlarmTableModel(QAbstractTableModel):
    COLUMNS = ("priority", "time", "zone", "kind", "event", "state", "age")

    def __init__(self, zone: ZoneInfo, age_level: Callable[[AlarmView, datetime], int]) -> None:
        super().__init__()
        self.tz, self.age_level = zone, age_level
        self.rows: list[AlarmView] = []
        self.counts: list[int] = []  # alarms each row stands for (grouped view)
        self.sort_keys: list[list[object]] = []
        self.now = utcnow()
        self.blink = False

    # -- contents -----------------------------------------------------------------------------

    def set_rows(self, alarms: list[AlarmView], grouped: bool) -> None:
        """Replace the rows (already in queue order); grouped: one row per zone."""
        self.beginResetModel()
        if grouped:
            firsts: dict[tuple[str, str | None], int] = {}
            self.rows, self.counts = [], []
            for alarm in alarms:
                key = (alarm.zone_id or alarm.source_id, None if alarm.zone_id else alarm.point)
                if key in firsts:
                    self.counts[firsts[key]] += 1
                    continue
                firsts[key] = len(self.rows)
                self.rows.append(alarm)
                self.counts.append(1)
        else:
            self.rows, self.counts = list(alarms), [1] * len(alarms)
        # The proxy asks for sort keys n·log n times per reset: compute each once.
        self.sort_keys = [[self._sort_key(a, c) for c in self.COLUMNS] for a in self.rows]
        self.endResetModel()

    def tick(self) -> None:
        """Once a second: ages and blinking move on."""
        self.now, self.blink = utcnow(), not self.blink
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1)
            )

    def alarm_at(self, row: int) -> AlarmView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, alarm_id: int) -> int:
        return next((i for i, a in enumerate(self.rows) if a.id == alarm_id), -1)

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("AlarmModel", "Priority"),
            QCoreApplication.translate("AlarmModel", "Time"),
            QCoreApplication.translate("AlarmModel", "Zone"),
            QCoreApplication.translate("AlarmModel", "Kind"),
            QCoreApplication.translate("AlarmModel", "Event"),
            QCoreApplication.translate("AlarmModel", "State"),
            QCoreApplication.translate("AlarmModel", "Waiting"),
        )
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        alarm = self.alarm_at(index.row())
        if alarm is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(alarm, column, self.counts[index.row()])
        if role == SORT_ROLE:
            return self.sort_keys[index.row()][index.column()]
        if role == ID_ROLE:
            return alarm.id
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            back, fore = self._colours(alarm)
            return QColor(back if role == Qt.ItemDataRole.BackgroundRole else fore)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(alarm)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{zone_label(alarm)} · {alarm.text or alarm.code}"
        return None

    def _text(self, alarm: AlarmView, column: str, count: int) -> str:
        if column == "priority":
            return f"{priority_label(alarm.priority)} {kind_label(alarm.zone_kind)}"
        if column == "time":
            return alarm.raised_at.astimezone(self.tz).strftime("%m-%d %H:%M:%S")
        if column == "zone":
            extra = [f"×{count}"] if count > 1 else []
            extra += [f"+{alarm.repeats}"] if alarm.repeats else []
            return " ".join([zone_label(alarm), *extra])
        if column == "kind":
            return kind_label(alarm.zone_kind)
        if column == "event":
            if alarm.restored_at is None:
                return event_label(alarm.event)
            restored = QCoreApplication.translate("AlarmModel", "restored")
            return f"{event_label(alarm.event)} ({restored})"
        if column == "state":
            if not alarm.shelved:
                return state_label(alarm.state)
            shelved = QCoreApplication.translate("AlarmModel", "shelved")
            return f"{state_label(alarm.state)} ({shelved})"
        end = alarm.acknowledged_at if alarm.acknowledged_at else self.now
        mark = "⏱ " if self.age_level(alarm, self.now) else ""
        return mark + _age((end - alarm.raised_at).total_seconds())

    def _sort_key(self, alarm: AlarmView, column: str) -> object:
        """Plain strings and numbers: Qt's proxy cannot compare Python tuples."""
        raised = f"{alarm.raised_at.timestamp():020.6f}"
        keys: dict[str, object] = {
            "priority": f"{int(alarm.shelved)}{alarm.priority}{raised}{alarm.id:012d}",
            "time": alarm.raised_at.timestamp(),
            "zone": zone_label(alarm),
            "kind": alarm.zone_kind,
            "event": alarm.event,
            "state": alarm.state,
            "age": alarm.raised_at.timestamp(),
        }
        return keys[column]

    def _colours(self, alarm: AlarmView) -> tuple[str, str]:
        if alarm.shelved or alarm.state == State.CLOSED:
            return SHELVED_COLOURS
        if alarm.state != State.NEW:
            return ACKED_COLOURS[alarm.priority]
        level = self.age_level(alarm, self.now)
        if level == 2 and self.blink:
            return ("#000000", "#ffeb3b")  # overdue: blinks black and yellow
        return PRIORITY_COLOURS[alarm.priority]

    def _font(self, alarm: AlarmView) -> QFont:
        font = QFont()
        font.setBold(alarm.state == State.NEW and not alarm.shelved)
        font.setItalic(alarm.shelved)
        return font
