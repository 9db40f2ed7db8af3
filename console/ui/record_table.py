"""What the record panes share: a table model over rows of views with an `id` (each column's
text and tooltip from the subclass, the id under ID_ROLE, bold and alert rows as the subclass
says), the read-only table that keeps one record selected across reloads, and the lines of a
record's detail."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ID_ROLE = Qt.ItemDataRole.UserRole  # the record's id
ALERT = QColor("#b00020")
EXCERPT = 40  # characters of a free text shown in a cell (all of it in the tooltip)

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


def setup_table(table: QTableView, model: QAbstractItemModel, name: str, object_name: str) -> None:
    """A read-only table of records: whole rows selected one at a time, even row heights,
    Tab leaving it, the actions added to it in its context menu."""
    table.setObjectName(object_name)
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table: the keyboard reaches the rest
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # even rows, whatever the font
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)


class RecordTable(QTableView, Generic[R]):
    """One row per record, read-only, one selected at a time (by id: the same record stays
    selected across reloads, else the first row). Columns are sized to their content once,
    when the first rows come; `pad` adds room to breathe."""

    selection_changed = Signal(bool)  # True when the operator moved to another record

    def __init__(
        self, model: RecordTableModel[R], name: str, object_name: str, pad: int = 0
    ) -> None:
        super().__init__()
        self.records: RecordTableModel[R] = model
        self.pad = pad
        self.selected_id: int | None = None
        self._sized = False
        setup_table(self, model, name, object_name)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_rows(self, rows: Sequence[R], now: datetime) -> None:
        self.records.set_rows(rows, now)
        if not self._sized and rows:
            self._sized = True
            self.resizeColumnsToContents()
            header = self.horizontalHeader()
            for col in range(self.records.columnCount() - 1 if self.pad else 0):
                header.resizeSection(col, header.sectionSize(col) + self.pad)
        self.reselect()

    def reselect(self) -> None:
        row = self.records.row_of(self.selected_id)
        if row < 0 and self.records.rows:
            row = 0
        if row >= 0:
            self.selected_id = self.records.rows[row].id
            self.selectionModel().setCurrentIndex(
                self.records.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.selected_id = None
        self.selection_changed.emit(False)

    def select_id(self, record_id: int) -> None:
        self.selected_id = record_id
        self.reselect()

    def selected(self) -> R | None:
        row = self.records.row_of(self.selected_id)
        return self.records.rows[row] if row >= 0 else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = current.data(ID_ROLE) if current.isValid() else None
        moved = record_id is not None and record_id != self.selected_id
        if record_id is not None:
            self.selected_id = record_id
        self.selection_changed.emit(moved)


def local(moment: datetime | None, tz: tzinfo, fmt: str = "%m-%d %H:%M") -> str:
    """A moment on the site's wall clock ("" for none)."""
    return moment.astimezone(tz).strftime(fmt) if moment is not None else ""


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """A free text on one line, cut to `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def html_line(label: str, value: str) -> str:
    """A line of a record's detail: the label in bold, then the value."""
    return f"<p><b>{html.escape(label)}</b> {html.escape(value)}</p>"


def html_block(label: str, text: str) -> str:
    """A text of several lines under its label, kept as written."""
    return (
        f"<p><b>{html.escape(label)}</b></p>"
        f'<p style="white-space: pre-wrap; margin-left: 12px">{html.escape(text)}</p>'
    )
