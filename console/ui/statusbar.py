"""Status bar: site, operators on duty, device health, clock (site time zone), and the
database link when it is lost (red, read-only since when) or has just come back."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from console.core.changes import DB_STATE_TOPIC, DbState
from console.core.desk import Desk
from console.core.events import Event
from console.core.health import Health
from console.ui.bridge import BusBridge
from console.ui.wording import role_label
from console.ui.worker import run_in_background


class DeskStatusBar(QStatusBar):
    OFFLINE_STYLE = "background: #b00020; color: white; font-weight: bold; padding: 1px 6px;"
    BACK_STYLE = "color: #1b5e20; font-weight: bold; padding: 1px 6px;"
    BACK_SHOWN_MS = 10_000

    def __init__(self, desk: Desk, bridge: BusBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.zone = ZoneInfo(desk.site.site.timezone)
        self.site_label = self._label("status-site", self.tr("Site"))
        self.duty_label = self._label("status-duty", self.tr("On duty"))
        self.shift_label = self._label("status-shift", self.tr("Shift"))
        self.health_label = self._label("status-health", self.tr("Device health"))
        self.clock_label = self._label("status-clock", self.tr("Clock"))
        self.db_label = self._label("status-database", self.tr("Database link"))
        self.db_label.hide()
        self.db_offline_since: datetime | None = None  # None while the link is up
        self._db_back = QTimer(self, singleShot=True, interval=self.BACK_SHOWN_MS)
        self._db_back.timeout.connect(self.db_label.hide)
        self.site_label.setText(desk.site.site.name)
        self.addWidget(self.site_label)
        self.addWidget(self.duty_label)
        self.addWidget(self.shift_label, 1)
        # permanent: a temporary status message never covers it
        self.addPermanentWidget(self.db_label)
        self.addPermanentWidget(self.health_label)
        self.addPermanentWidget(self.clock_label)
        self.clock = QTimer(self, interval=1000)
        self.clock.timeout.connect(self.tick)
        self.clock.start()
        bridge.published.connect(self._on_event)
        self.update_duty()
        self.update_shift()
        self.update_health()
        feed = desk.feed
        if feed.state is DbState.OFFLINE:
            self.show_db_state(False, feed.offline_since)
        self.tick()

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        return label

    def tick(self) -> None:
        self.clock_label.setText(datetime.now(self.zone).strftime("%Y-%m-%d %H:%M:%S"))
        if self.db_offline_since is not None:
            self._show_offline()  # past midnight the date joins the time

    def show_db_state(self, online: bool, since: datetime | None = None) -> None:
        """Offline: red, with since when, until the link is back; back: green for a while,
        then nothing (the bar shows the link only when it matters)."""
        if not online:
            self.db_offline_since = since or datetime.now(UTC)
            self._db_back.stop()
            self.db_label.setStyleSheet(self.OFFLINE_STYLE)
            tip = self.tr(
                "The database cannot be reached. Nothing can be saved at this desk until it "
                "is back: acknowledgements, log entries and other changes are refused. The "
                "panes keep showing what they last loaded. When the database is back, the desk "
                "catches up on every change made meanwhile, by itself."
            )
            self._show_offline()
        elif self.db_offline_since is not None:
            self.db_offline_since = None
            self.db_label.setStyleSheet(self.BACK_STYLE)
            self.db_label.setText("✔ " + self.tr("Database back: changes can be saved again"))
            tip = self.tr("The database link is back and the desk has caught up.")
            self._db_back.start()
        else:
            return
        self.db_label.setToolTip(tip)
        self.db_label.setAccessibleDescription(tip)
        self.db_label.show()

    def _show_offline(self) -> None:
        assert self.db_offline_since is not None
        since = self.db_offline_since.astimezone(self.zone)
        shown = "%H:%M:%S" if since.date() == datetime.now(self.zone).date() else "%m-%d %H:%M:%S"
        text = self.tr("Database lost: read-only since %1").replace("%1", since.strftime(shown))
        self.db_label.setText("⚠ " + text)

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
        elif event.topic == DB_STATE_TOPIC:
            online = event.data.get("state") == DbState.ONLINE.value
            since = event.data.get("since")
            self.show_db_state(online, since if isinstance(since, datetime) else None)
            if online:
                self.update_shift()  # its query failed quietly while the link was down
