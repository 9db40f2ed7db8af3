"""The table model the record panes share: rows of views with an `id`, each column's text and
tooltip from the subclass, the id under ID_ROLE, bold and alert rows as the subclass says."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

ID_ROLE = Qt.ItemDataRole.UserRole  # the record's id
ALERT = QColor("#b00020")

Index = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """`now` (the last load or tick) dates the live cells."""

    def __init__(self, tz: tzinfo) -> None:
        super().__init__()
        self.tz = tz
        self.rows: list[R] = []
        self.now = datetime.now(tz)
        self._bold = QFont()
        self._bold.setBold(True)

    # subclasses say what the columns are and how a row looks
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, view: R, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, view: R, column: int) -> str | None:
        return None

    def alert(self, view: R, column: int) -> bool:
        return False

    def bold(self, view: R) -> bool:
        return False

    # -- the model ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R], now: datetime) -> None:
        self.beginResetModel()
        self.rows, self.now = list(rows), now
        self.endResetModel()

    def row_of(self, record_id: int | None) -> int:
        for row, view in enumerate(self.rows):
            if view.id == record_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        view, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(view, column)
        if role == ID_ROLE:
            return view.id
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if self.bold(view) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return ALERT if self.alert(view, column) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(view, column)
        return None
