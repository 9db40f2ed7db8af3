"""Device health as the desk knows it: every camera, alarm source and intercom of the site.

Drivers (later) report their state here; the status bar and handover read it. A device no
driver has reported on yet is NOT_STARTED, never assumed fine.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from console.core.events import EventBus
from console.core.site import Site
from schema.types import utcnow


class Health(StrEnum):
    NOT_STARTED = "not_started"
    OK = "ok"
    FAULT = "fault"


@dataclass(frozen=True)
class DeviceHealth:
    kind: str  # camera | alarm_source | intercom
    device_id: str  # "" for the intercom
    name: str
    state: Health
    since: datetime
    detail: str = ""


class HealthRegistry:
    def __init__(self, site: Site, bus: EventBus) -> None:
        self._bus = bus
        self._lock = threading.Lock()
        now = utcnow()
        devices = [
            DeviceHealth("camera", c.id, c.name, Health.NOT_STARTED, now) for c in site.cameras
        ]
        devices += [
            DeviceHealth("alarm_source", a.id, a.id, Health.NOT_STARTED, now)
            for a in site.alarm_sources
        ]
        if site.intercom is not None:
            devices.append(
                DeviceHealth("intercom", "", site.intercom.kind, Health.NOT_STARTED, now)
            )
        # Ids are unique within a section of the site file, not across it: key by both.
        self._devices = {(d.kind, d.device_id): d for d in devices}

    def report(self, kind: str, device_id: str, state: Health, detail: str = "") -> None:
        with self._lock:
            old = self._devices[(kind, device_id)]
            if (old.state, old.detail) == (state, detail):
                return
            new = replace(old, state=state, detail=detail, since=utcnow())
            self._devices[(kind, device_id)] = new
        self._bus.publish("health.changed", kind=kind, device_id=device_id, state=state.value)

    def get(self, kind: str, device_id: str = "") -> DeviceHealth:
        with self._lock:
            return self._devices[(kind, device_id)]

    def snapshot(self) -> list[DeviceHealth]:
        with self._lock:
            return list(self._devices.values())

    def counts(self) -> Counter[Health]:
        return Counter(d.state for d in self.snapshot())
