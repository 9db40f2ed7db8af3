"""Audit trail: the newest records of the audit chain, for supervisors and up (checked in
core by Desk.recent_audit). Loaded on the thread pool; refreshed after core events."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import Permission
from console.core.events import Event
from console.ui.panes import PaneContext, PaneSpec, register
from console.ui.wording import action_label, describe_load
from console.ui.worker import run_in_background

Row = tuple[int, str, str, str, str, str]


class AuditPane(QWidget):
    LIMIT = 500

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.zone = ZoneInfo(ctx.desk.site.site.timezone)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("audit-table")
        self.table.setAccessibleName(self.tr("Audit records"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("By"),
                self.tr("Action"),
                self.tr("Subject"),
                self.tr("Details"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the audit records"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("Ctrl+R"), self, self.refresh)  # F5-F8: the wall's layouts
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._debounce = QTimer(self, singleShot=True, interval=500)
        self._debounce.timeout.connect(self.refresh)
        self._loading = False
        ctx.bridge.published.connect(self._on_event)
        self.refresh()

    def _on_event(self, _event: Event) -> None:
        self._debounce.start()

    def refresh(self) -> None:
        if self._loading:
            self._debounce.start()
            return
        self._loading = True
        desk, actor = self.ctx.desk, self.ctx.actor

        def load() -> list[Row]:
            return [
                (r.seq, r.at, r.actor, r.action, r.subject, r.payload)
                for r in desk.recent_audit(actor, self.LIMIT)
            ]

        run_in_background(self, load, self._show, self._failed)

    def _local(self, at: str) -> str:
        return datetime.fromisoformat(at).astimezone(self.zone).strftime("%Y-%m-%d %H:%M:%S")

    def _show(self, rows: list[Row]) -> None:
        self._loading = False
        self.table.setRowCount(len(rows))
        for i, (seq, at, actor, action, subject, payload) in enumerate(rows):
            values = [
                str(seq),
                self._local(at),
                actor,
                action_label(action),
                subject,
                "" if payload == "{}" else payload,
            ]
            items = [QTableWidgetItem(value) for value in values]
            items[3].setToolTip(action)
            items[3].setData(Qt.ItemDataRole.UserRole, action)
            for col, item in enumerate(items):
                self.table.setItem(i, col, item)
        self.status.setText(self.tr("Newest %1 records").replace("%1", str(len(rows))))

    def _failed(self, exc: Exception) -> None:
        """The records shown stay; every event (db.state too) asks for a reload."""
        self._loading = False
        self.status.setText("⚠ " + describe_load(exc))


register(
    PaneSpec(
        key="audit",
        title=lambda: QCoreApplication.translate("AuditPane", "Audit trail"),
        factory=AuditPane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        tab_with="site",
        permission=Permission.VIEW_AUDIT,
        shortcut="Ctrl+9",
    )
)
