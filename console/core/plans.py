"""The site plan: zone and camera markers on the site's plan images, and what each shows.

The plan images are listed in the site file (`[[plans]]`, one per area or floor); where each
zone and camera sits is data an admin places by dragging (`PlanService.place`), stored in the
database as fractions of the image's size. A device has one place on one plan.

`states()` says what every marker shows right now, from the alarm queue and device health:
- a zone with an unacknowledged queue item flashes in that item's priority colour until
  someone acknowledges it, then stays coloured until the item is closed (a shelved zone's
  items colour it without flashing, as they sound nothing in the queue);
- a camera without picture, or a zone whose alarm source has a fault, is greyed (offline).

Qt-free; the plan pane draws it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from console.core import audit
from console.core.alarms import AlarmService, AlarmView, State
from console.core.auth import Actor, Permission, require
from console.core.changes import note
from console.core.events import EventBus
from console.core.health import Health, HealthRegistry
from console.core.site import Plan, Site
from schema.db import Database
from schema.models import PlanMarker
from schema.types import utcnow


class MarkerKind(StrEnum):
    ZONE = "zone"
    CAMERA = "camera"


class PlanError(Exception):
    """A placement that cannot be made; `code` lets the UI word it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Device:
    """A zone or camera of the site file that can have a marker."""

    kind: MarkerKind
    ref: str  # the zone's or camera's id
    name: str
    zone_kind: str = ""  # fire, infrared, ... for zones
    camera_id: str | None = None  # a zone's linked camera


@dataclass(frozen=True)
class MarkerView:
    plan_id: str
    device: Device
    x: float  # fraction of the image's width, 0..1
    y: float  # fraction of the image's height, 0..1
    placed_by: str
    placed_at: datetime

    @property
    def key(self) -> tuple[MarkerKind, str]:
        return self.device.kind, self.device.ref


@dataclass(frozen=True)
class MarkerState:
    """What one marker shows now."""

    kind: MarkerKind
    ref: str
    priority: int | None = None  # the most urgent open queue item's (1 fire .. 5 fault)
    flashing: bool = False  # an open item nobody has acknowledged yet (zone not shelved)
    alarm_id: int | None = None  # the item a click opens: unacknowledged first, most urgent
    open_alarms: int = 0
    offline: bool = False  # camera without picture, or the zone's source faulted
    detail: str = ""  # why it is offline, from the device's health


def _urgency(alarm: AlarmView) -> tuple[bool, int, float]:
    """Sort key: unacknowledged first, then priority, then oldest."""
    return (alarm.state != State.NEW, alarm.priority, alarm.raised_at.timestamp())


class PlanService:
    def __init__(
        self,
        site: Site,
        db: Database,
        bus: EventBus,
        alarms: AlarmService,
        health: HealthRegistry,
    ) -> None:
        self.site, self.db, self.bus = site, db, bus
        self.alarms, self.health = alarms, health
        self._plans = {p.id: p for p in site.plans}
        devices = [Device(MarkerKind.ZONE, z.id, z.name, z.kind, z.camera) for z in site.zones] + [
            Device(MarkerKind.CAMERA, c.id, c.name, camera_id=c.id) for c in site.cameras
        ]
        self._devices = {(d.kind, d.ref): d for d in devices}
        self._zone_source = {z.id: z.source for z in site.zones}

    # -- what there is ------------------------------------------------------------------------

    def plans(self) -> list[Plan]:
        """The site's plans, in the site file's order."""
        return list(self.site.plans)

    def plan(self, plan_id: str) -> Plan:
        plan = self._plans.get(plan_id)
        if plan is None:
            raise PlanError("no_plan", f"the site file has no plan {plan_id!r}")
        return plan

    def devices(self) -> list[Device]:
        """Every zone, then every camera, in the site file's order."""
        return list(self._devices.values())

    def device(self, kind: MarkerKind | str, ref: str) -> Device:
        known = kind in tuple(MarkerKind)
        device = self._devices.get((MarkerKind(kind), ref)) if known else None
        if device is None:
            raise PlanError("no_device", f"the site file has no {kind} {ref!r}")
        return device

    def markers(self, plan_id: str | None = None) -> list[MarkerView]:
        """The placed markers (of one plan, or all). Markers of a zone, camera or plan that
        the site file no longer has are left out (and kept: the device may come back)."""
        query = select(PlanMarker).order_by(PlanMarker.id)
        if plan_id is not None:
            query = query.where(PlanMarker.plan_id == plan_id)
        with self.db.read() as s:
            rows = s.scalars(query).all()
        views = []
        for row in rows:
            device = self._devices.get((MarkerKind(row.kind), row.ref))
            if device is None or row.plan_id not in self._plans:
                continue
            views.append(
                MarkerView(row.plan_id, device, row.x, row.y, row.placed_by, row.placed_at)
            )
        return views

    def unplaced(self, markers: list[MarkerView] | None = None) -> list[Device]:
        """Zones and cameras not on any plan yet (given every marker, or read here)."""
        placed = {m.key for m in (self.markers() if markers is None else markers)}
        return [d for d in self.devices() if (d.kind, d.ref) not in placed]

    # -- placing (admins) ---------------------------------------------------------------------

    def place(
        self, actor: Actor, plan_id: str, kind: MarkerKind | str, ref: str, x: float, y: float
    ) -> MarkerView:
        """Put (or move) a zone's or camera's marker at (x, y), fractions of the image."""
        require(actor, Permission.EDIT_PLAN)
        self.plan(plan_id)
        device = self.device(kind, ref)
        for name, value in (("x", x), ("y", y)):
            if not math.isfinite(value) or not 0.0 <= value <= 1.0:
                raise PlanError("off_plan", f"{name} = {value} is off the plan (0..1)")
        now = utcnow()
        with self.db.write() as s:
            row = s.scalar(
                select(PlanMarker).where(
                    PlanMarker.kind == device.kind.value, PlanMarker.ref == device.ref
                )
            )
            before = None if row is None else {"plan": row.plan_id, "x": row.x, "y": row.y}
            if row is None:
                row = PlanMarker(kind=device.kind.value, ref=device.ref)
                s.add(row)
            row.plan_id, row.x, row.y = plan_id, x, y
            row.placed_by, row.placed_at = actor.name, now
            audit.append(
                s,
                actor=actor.name,
                action="plan.place",
                subject=f"{device.kind.value}:{device.ref}",
                payload={"plan": plan_id, "x": round(x, 4), "y": round(y, 4), "before": before},
            )
            note(s, "plan.changed", plan_id=plan_id, kind=device.kind.value, ref=ref)
        return MarkerView(plan_id, device, x, y, actor.name, now)

    def remove(self, actor: Actor, kind: MarkerKind | str, ref: str) -> None:
        """Take a marker off its plan (the device stays in the site file)."""
        require(actor, Permission.EDIT_PLAN)
        device = self.device(kind, ref)
        with self.db.write() as s:
            row = s.scalar(
                select(PlanMarker).where(
                    PlanMarker.kind == device.kind.value, PlanMarker.ref == device.ref
                )
            )
            if row is None:
                raise PlanError("not_placed", f"{device.kind.value} {ref!r} is on no plan")
            plan_id = row.plan_id
            s.delete(row)
            audit.append(
                s,
                actor=actor.name,
                action="plan.remove",
                subject=f"{device.kind.value}:{device.ref}",
                payload={"plan": plan_id},
            )
            note(s, "plan.changed", plan_id=plan_id, kind=device.kind.value, ref=ref)

    # -- what the markers show ----------------------------------------------------------------

    def states(self) -> dict[tuple[MarkerKind, str], MarkerState]:
        """What every zone and camera shows now (reads the open alarms: call it off the GUI
        thread). Devices showing nothing special are left out."""
        by_zone: dict[str, list[AlarmView]] = {}
        for alarm in self.alarms.open_alarms():
            if alarm.zone_id is not None:
                by_zone.setdefault(alarm.zone_id, []).append(alarm)
        states: dict[tuple[MarkerKind, str], MarkerState] = {}
        for zone_id, source in self._zone_source.items():
            source_health = self.health.get("alarm_source", source)
            offline = source_health.state is Health.FAULT
            open_items = sorted(by_zone.get(zone_id, []), key=_urgency)
            if not open_items and not offline:
                continue
            top = open_items[0] if open_items else None
            states[MarkerKind.ZONE, zone_id] = MarkerState(
                MarkerKind.ZONE,
                zone_id,
                priority=min(a.priority for a in open_items) if open_items else None,
                # a shelved zone's alarms stay quiet here too (they are listed, coloured)
                flashing=any(a.state == State.NEW and not a.shelved for a in open_items),
                alarm_id=top.id if top else None,
                open_alarms=len(open_items),
                offline=offline,
                detail=source_health.detail if offline else "",
            )
        for camera in self.site.cameras:
            camera_health = self.health.get("camera", camera.id)
            if camera_health.state is Health.FAULT:
                states[MarkerKind.CAMERA, camera.id] = MarkerState(
                    MarkerKind.CAMERA, camera.id, offline=True, detail=camera_health.detail
                )
        return states
