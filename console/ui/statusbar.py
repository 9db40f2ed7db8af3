"""Status bar: site, operators on duty, device health, clock (site time zone)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from console.core.desk import Desk
from console.core.events import Event
from console.core.health import Health
from console.ui.bridge import BusBridge
from console.ui.wording import role_label
from console.ui.worker import run_in_background


class DeskStatusBar(QStatusBar):
    def __init__(self, desk: Desk, bridge: BusBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.zone = ZoneInfo(desk.site.site.timezone)
        self.site_label = self._label("status-site", self.tr("Site"))
        self.duty_label = self._label("status-duty", self.tr("On duty"))
        self.shift_label = self._label("status-shift", self.tr("Shift"))
        self.health_label = self._label("status-health", self.tr("Device health"))
        self.clock_label = self._label("status-clock", self.tr("Clock"))
        self.site_label.setText(desk.site.site.name)
        self.addWidget(self.site_label)
        self.addWidget(self.duty_label)
        self.addWidget(self.shift_label, 1)
        self.addPermanentWidget(self.health_label)
        self.addPermanentWidget(self.clock_label)
        self.clock = QTimer(self, interval=1000)
        self.clock.timeout.connect(self.tick)
        self.clock.start()
        bridge.published.connect(self._on_event)
        self.update_duty()
        self.update_shift()
        self.update_health()
        self.tick()

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        return label

    def tick(self) -> None:
        self.clock_label.setText(datetime.now(self.zone).strftime("%Y-%m-%d %H:%M:%S"))

    def update_duty(self) -> None:
        people = [f"{a.display_name}（{role_label(a.role)}）" for a in self.desk.on_duty]
        text = self.tr("On duty: %1").replace("%1", "、".join(people) or self.tr("nobody"))
        self.duty_label.setText(text)

    def update_shift(self) -> None:
        """The current shift and, below the site's minimum, how many are on duty (read on
        the thread pool: it is a query)."""
        shifts = self.desk.shifts

        def load() -> tuple[str, int, bool]:
            on_duty = shifts.on_duty_now()
            return shifts.current().label, len(on_duty), shifts.understaffed(on_duty)

        run_in_background(self, load, self._show_shift, lambda _exc: None)

    def _show_shift(self, loaded: tuple[str, int, bool]) -> None:
        label, count, understaffed = loaded
        text = self.tr("Shift %1").replace("%1", label)
        if understaffed:
            warning = self.tr("⚠ only %1 on duty (at least %2)")
            text += " · " + warning.replace("%1", str(count)).replace(
                "%2", str(self.desk.shifts.min_on_duty)
            )
        self.shift_label.setText(text)
        self.shift_label.setStyleSheet("color: #b00020; font-weight: bold;" if understaffed else "")

    def update_health(self) -> None:
        counts = self.desk.health.counts()
        text = self.tr("Devices: %1 online · %2 fault · %3 not started")
        for i, state in enumerate((Health.OK, Health.FAULT, Health.NOT_STARTED), start=1):
            text = text.replace(f"%{i}", str(counts[state]))
        prefix = "✖ " if counts[Health.FAULT] else ""
        self.health_label.setText(prefix + text)

    def _on_event(self, event: Event) -> None:
        if event.topic == "duty.changed":
            self.update_duty()
        if event.topic in ("duty.changed", "duty.shift", "duty.handover"):
            self.update_shift()
        elif event.topic == "health.changed":
            self.update_health()
