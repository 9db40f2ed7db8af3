"""Site & devices: every camera, alarm source, zone and intercom of the site file, with the
health each device last reported. Read-only; the data is in memory (no I/O in slots)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from console.core.events import Event
from console.core.health import Health
from console.ui.panes import PaneContext, PaneSpec, register


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


class SitePane(QWidget):
    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tree = QTreeWidget()
        self.tree.setObjectName("site-tree")
        self.tree.setAccessibleName(self.tr("Site devices"))
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("ID"), self.tr("Kind"), self.tr("State")]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._device_items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._fill()
        ctx.bridge.published.connect(self._on_event)

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title])
        item.setExpanded(True)
        item.setFirstColumnSpanned(True)
        return item

    def _fill(self) -> None:
        site = self.ctx.desk.site
        health = self.ctx.desk.health
        cams = self._group(self.tr("Cameras (%1)").replace("%1", str(len(site.cameras))))
        for cam in site.cameras:
            kind = self.tr("camera, recorded") if cam.record else self.tr("camera")
            self._device(cams, "camera", cam.name, cam.id, kind, health.get("camera", cam.id).state)
        sources = self._group(
            self.tr("Alarm sources (%1)").replace("%1", str(len(site.alarm_sources)))
        )
        for src in site.alarm_sources:
            state = health.get("alarm_source", src.id).state
            self._device(sources, "alarm_source", src.id, src.id, src.kind, state)
        zones = self._group(self.tr("Zones (%1)").replace("%1", str(len(site.zones))))
        for zone in site.zones:
            QTreeWidgetItem(zones, [zone.name, zone.id, zone_kind_text(zone.kind), zone.point])
        if site.intercom is not None:
            group = self._group(self.tr("Intercom"))
            state = health.get("intercom").state
            self._device(group, "intercom", site.intercom.kind, "", site.intercom.kind, state)

    def _device(
        self, parent: QTreeWidgetItem, kind: str, name: str, dev_id: str, label: str, state: Health
    ) -> None:
        item = QTreeWidgetItem(parent, [name, dev_id, label, health_text(state)])
        self._device_items[(kind, dev_id)] = item

    def _on_event(self, event: Event) -> None:
        if event.topic != "health.changed":
            return
        item = self._device_items.get((event.data["kind"], event.data["device_id"]))
        if item is not None:
            item.setText(3, health_text(Health(event.data["state"])))


register(
    PaneSpec(
        key="site",
        title=lambda: QCoreApplication.translate("SitePane", "Site & devices"),
        factory=SitePane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        shortcut="Ctrl+1",
    )
)
