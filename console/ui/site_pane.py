"""Site and devices: every camera, alarm source, zone and intercom of the site file, with the
health each device last reported. A device another process runs (the service, another desk:
`desk.refused`) says who runs it; its health is the one that process shares. Read-only; the
data is in memory (no I/O in slots)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from console.core.desk import receiver_device, recorder_device
from console.core.events import Event
from console.core.health import Health
from console.core.ownership import Claim
from console.core.site import AlarmSource, ModbusTcpSource, SimSource
from console.ui.panes import PaneContext, PaneSpec, register
from devices.alarms.sim import parse_script


def health_text(state: Health) -> str:
    """Words and a symbol, never colour alone."""
    return {
        Health.NOT_STARTED: "○ " + QCoreApplication.translate("SitePane", "not started"),
        Health.OK: "● " + QCoreApplication.translate("SitePane", "online"),
        Health.FAULT: "✖ " + QCoreApplication.translate("SitePane", "fault"),
    }[state]


def zone_kind_text(kind: str) -> str:
    return {
        "fire": QCoreApplication.translate("SitePane", "fire"),
        "infrared": QCoreApplication.translate("SitePane", "infrared"),
        "perimeter": QCoreApplication.translate("SitePane", "perimeter"),
        "panic": QCoreApplication.translate("SitePane", "panic button"),
        "elevator": QCoreApplication.translate("SitePane", "lift"),
        "tamper": QCoreApplication.translate("SitePane", "tamper"),
        "fault": QCoreApplication.translate("SitePane", "fault"),
    }.get(kind, kind)


STATE_COLUMN = 4
OWNER_COLUMN = 5


def _who(claim: Claim) -> str:
    return claim.owner or QCoreApplication.translate("SitePane", "another Watchdesk process")


def owner_text(claim: Claim, *, recorder: bool = False) -> str:
    """Who runs a device this desk does not open (for a camera: who records it)."""
    if claim.stopped and recorder:
        text = QCoreApplication.translate("SitePane", "⚠ Nobody records it now: %1 has stopped")
    elif claim.stopped:
        text = QCoreApplication.translate("SitePane", "⚠ Nobody runs it now: %1 has stopped")
    elif recorder:
        text = QCoreApplication.translate("SitePane", "Recorded by another process: %1")
    else:
        text = QCoreApplication.translate("SitePane", "Run by another process: %1")
    return text.replace("%1", _who(claim))


def owner_tip(claim: Claim, *, recorder: bool = False) -> str:
    if claim.stopped:
        text = QCoreApplication.translate(
            "SitePane",
            "The process that ran it (%1) has stopped and this desk does not take it over: "
            "start the service again, or restart this desk to run it here.",
        )
    elif recorder:
        text = QCoreApplication.translate(
            "SitePane", "This desk shows the camera but does not record it: %1 records it."
        )
    else:
        text = QCoreApplication.translate(
            "SitePane",
            "This desk does not open the device: %1 runs it. The state shown is the one "
            "that process shares.",
        )
    return text.replace("%1", _who(claim))


def _address(source: AlarmSource) -> str:
    """Where the source is reached: host:port for Modbus TCP, the port for serial kinds."""
    if isinstance(source, ModbusTcpSource):
        return f"{source.host}:{source.port}"
    if isinstance(source, SimSource):
        steps = len(parse_script(source.script).steps) if source.script else 0
        text = QCoreApplication.translate("SitePane", "simulated, %1 scripted steps")
        return text.replace("%1", str(steps))
    return str(getattr(source, "port", ""))


class SitePane(QWidget):
    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tree = QTreeWidget()
        self.tree.setObjectName("site-tree")
        self.tree.setAccessibleName(self.tr("Site devices"))
        self.tree.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("ID"),
                self.tr("Kind"),
                self.tr("Address"),
                self.tr("State"),
                self.tr("Run by"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)  # "Run by" whole: it scrolls instead
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._device_items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._owner_items: dict[str, tuple[QTreeWidgetItem, bool]] = {}  # device -> recorder?
        self._fill()
        ctx.bridge.published.connect(self._on_event)

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title])
        item.setExpanded(True)
        item.setFirstColumnSpanned(True)
        return item

    def _fill(self) -> None:
        site = self.ctx.desk.site
        refused = {c.device: c for c in self.ctx.desk.refused}
        cams = self._group(self.tr("Cameras (%1)").replace("%1", str(len(site.cameras))))
        for cam in site.cameras:
            kind = self.tr("camera, recorded") if cam.record else self.tr("camera")
            row = [cam.name, cam.id, kind, cam.main]
            item = self._device(cams, ("camera", cam.id), row)
            self._owner(item, refused.get(recorder_device(cam.id)), recorder=True)
        count = str(len(site.alarm_sources))
        sources = self._group(self.tr("Alarm sources (%1)").replace("%1", count))
        for src in site.alarm_sources:
            row = [src.id, src.id, src.kind, _address(src)]
            item = self._device(sources, ("alarm_source", src.id), row)
            self._owner(item, refused.get(receiver_device(src)))
        zones = self._group(self.tr("Zones (%1)").replace("%1", str(len(site.zones))))
        for zone in site.zones:
            QTreeWidgetItem(zones, [zone.name, zone.id, zone_kind_text(zone.kind), zone.point])
        if site.intercom is not None:
            group = self._group(self.tr("Intercom"))
            row = [self.tr("Intercom"), "", site.intercom.kind, site.intercom.uri_template]
            self._device(group, ("intercom", ""), row)

    def _device(
        self, parent: QTreeWidgetItem, key: tuple[str, str], row: list[str]
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, row)
        self._device_items[key] = item
        self._show_health(key)
        return item

    def _show_health(self, key: tuple[str, str]) -> None:
        """The state in words, and the device's last detail (a fault's cause) as its tip."""
        item = self._device_items[key]
        current = self.ctx.desk.health.get(*key)
        item.setText(STATE_COLUMN, health_text(current.state))
        item.setToolTip(STATE_COLUMN, current.detail)

    def _owner(self, item: QTreeWidgetItem, claim: Claim | None, *, recorder: bool = False) -> None:
        if claim is not None:
            self._owner_items[claim.device] = (item, recorder)
            item.setText(OWNER_COLUMN, owner_text(claim, recorder=recorder))
            item.setToolTip(OWNER_COLUMN, owner_tip(claim, recorder=recorder))

    def _on_event(self, event: Event) -> None:
        if event.topic == "device.owner":
            self._owner_changed(str(event.data.get("device")))
            return
        if event.topic != "health.changed":
            return
        key = (str(event.data["kind"]), str(event.data["device_id"]))
        if key in self._device_items:
            self._show_health(key)

    def _owner_changed(self, device: str) -> None:
        """The owner of a device this desk left to another process stopped, or is back."""
        claim = next((c for c in self.ctx.desk.refused if c.device == device), None)
        if claim is not None and device in self._owner_items:
            item, recorder = self._owner_items[device]
            self._owner(item, claim, recorder=recorder)


register(
    PaneSpec(
        key="site",
        title=lambda: QCoreApplication.translate("SitePane", "Site and devices"),
        factory=SitePane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        shortcut="Ctrl+1",
    )
)
