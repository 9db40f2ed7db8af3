"""The desk: one site, its database, and the people on duty at this console.

Everything the UI and the CLI change goes through here (or the services it holds), so the
rules and the audit chain apply whatever the front end.

Several desks and a service may share one database (PostgreSQL, or one SQLite file on one
machine). Each change is noted for the others in its own transaction and published here after
the commit; `start_sync()` starts the feed that publishes the other processes' changes here
(console.core.changes). `start_devices()` starts only the devices this process could claim
(console.core.ownership); those another process runs are shown from what it stores, with the
health it shares.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from console.core import audit
from console.core.alarms import AlarmService
from console.core.analytics import TAMPER_TOPIC, AnalyticsService
from console.core.auth import Actor, AuthService, Permission, require
from console.core.cameras import CameraService
from console.core.changes import ChangeFeed, note_alone
from console.core.checks import CheckService
from console.core.dutylog import DutyLog
from console.core.events import Event, EventBus
from console.core.handover import HandoverService
from console.core.health import Health, HealthRegistry
from console.core.incidents import IncidentService
from console.core.ingest import AlarmIngest
from console.core.loans import LoanService
from console.core.ownership import Claim, DeviceOwnership, OwnerWatch
from console.core.plans import PlanService
from console.core.recordings import RecordingService
from console.core.reports import ReportService
from console.core.shifts import ShiftService
from console.core.site import AlarmSource, Site, VideoSource, load_site
from console.core.visits import IdHasher, VisitService
from devices.alarms.base import DeviceEvent, EventType
from devices.intercom.base import Intercom
from schema.db import Database, DatabaseUnavailable, Note, open_database
from schema.models import AuditRecord, Change, UserPref

log = logging.getLogger(__name__)


ANALYSIS_DEVICE = "video analysis"
SHARED_HEALTH = "device.health"  # an owner's device health, for the desks that don't own it


def source_device(source_id: str) -> str:
    return f"alarm source {source_id}"


def recorder_device(camera_id: str) -> str:
    return f"recorder of camera {camera_id}"


def receiver_device(source: AlarmSource) -> str:
    """The device whose owner receives the source's alarms: the video analysis for a video
    source, else the source itself."""
    return ANALYSIS_DEVICE if isinstance(source, VideoSource) else source_device(source.id)


class Desk:
    def __init__(self, site: Site, db: Database, *, role: str = "desk") -> None:
        self.site, self.db, self.role = site, db, role
        self.bus = EventBus()
        db.on_commit = self._publish_notes
        self.feed = ChangeFeed(db, self.bus, db.origin, on_reconnect=self._reconnected)
        self.ownership = DeviceOwnership(db, role)
        self.refused: list[Claim] = []  # devices another process runs (start_devices)
        self.owner_watch: OwnerWatch | None = None  # while another process runs some device
        self._owned_sources: set[str] = set()
        self.auth = AuthService(db, self.bus)
        self.health = HealthRegistry(site, self.bus)
        self.alarms = AlarmService(site, db, self.bus)  # SopError for a bad SOP file
        self.ingest = AlarmIngest(site, self.alarms, self.health)
        self.cameras = CameraService(
            site, db, self.bus, self.health, self.alarms, site.snapshots_dir()
        )
        self.recordings = RecordingService(site, db, self.bus, self.cameras)
        self.analytics = AnalyticsService(
            site, db, self.bus, self.cameras, self.alarms, self.recordings, self.health
        )
        self.shifts = ShiftService(site, db, self.bus)
        self.duty = DutyLog(site, db, self.bus, self.shifts, self.health)
        self.alarms.close_hooks.append(self.duty.note_alarm_closed)
        self.incidents = IncidentService(site, db, self.bus, self.duty)
        self.checks = CheckService(site, db, self.bus, self.auth, self.shifts, self.duty)
        self.handover = HandoverService(
            site, db, self.bus, self.auth, self.shifts, self.duty, self.alarms, self.health
        )
        id_hasher = IdHasher(site.id_key_path())
        self.visits = VisitService(site, db, self.bus, self.duty, id_hasher)
        self.loans = LoanService(
            site,
            db,
            self.bus,
            self.auth,
            self.duty,
            self.recordings,
            id_hasher,
            on_duty=lambda: [a.name for a in self.on_duty],
        )
        self.plans = PlanService(site, db, self.bus, self.alarms, self.health)
        self.reports = ReportService(site, db, self.checks)
        self.handover.add_provider(self.checks.open_items)
        self.handover.add_provider(self.incidents.open_items)
        self.handover.add_provider(self.visits.open_items)
        self.handover.add_provider(self.loans.open_items)
        self.bus.subscribe("health.changed", self._share_health)
        self.bus.subscribe(SHARED_HEALTH, self._shared_health)
        self.bus.subscribe("analytics.changed", self._areas_changed)
        self.bus.subscribe(TAMPER_TOPIC, self._tamper_elsewhere)
        self._duty_lock = threading.Lock()  # log-in runs on a worker thread
        self._intercom_lock = threading.Lock()
        self._intercom: Intercom | None = None
        self._on_duty: list[Actor] = []

    @classmethod
    def open(cls, site_path: Path, *, role: str = "desk") -> Desk:
        """Load and validate the site, open and migrate its database.

        Raises SiteError or DatabaseError, each naming what and where.
        """
        return cls.for_site(load_site(site_path), role=role)

    @classmethod
    def for_site(cls, site: Site, *, role: str = "desk") -> Desk:
        """Open and migrate the database of an already validated site."""
        db = open_database(site.database_url())
        try:
            return cls(site, db, role=role)
        except BaseException:
            db.dispose()
            raise

    # -- several desks on one database --------------------------------------------------------

    def _publish_notes(self, notes: list[Note]) -> None:
        for topic, data in notes:
            self.bus.publish(topic, **data)

    def start_sync(self) -> None:
        """Publish here what other desks and the service change (until close())."""
        self._load_shared(SHARED_HEALTH, self._apply_health)
        self._load_shared(TAMPER_TOPIC, self._apply_tamper)
        self.feed.start()

    def _reconnected(self) -> None:
        """The database is back after an outage: own the devices again, share their health."""
        for claim in self.ownership.reclaim():
            # another process took the device while the database was away: both now run it
            # until one stops; say so where the operator looks
            for source_id in self._sources_received_by(claim.device):
                self.health.report("alarm_source", source_id, Health.FAULT, claim.refusal())
        for device in self.health.snapshot():
            if device.kind == "alarm_source" and device.device_id in self._owned_sources:
                self._note_health(device.kind, device.device_id, device.state, device.detail)

    def _share_health(self, event: Event) -> None:
        """An alarm source this process runs changed health: tell the other desks."""
        kind, device_id = event.data.get("kind"), str(event.data.get("device_id"))
        if event.origin is not None or kind != "alarm_source":
            return
        if device_id not in self._owned_sources:
            return
        current = self.health.get("alarm_source", device_id)
        self._note_health("alarm_source", device_id, current.state, current.detail)

    def _note_health(self, kind: str, device_id: str, state: Health, detail: str) -> None:
        try:
            note_alone(
                self.db,
                SHARED_HEALTH,
                kind=kind,
                device_id=device_id,
                state=state.value,
                detail=detail,
            )
        except DatabaseUnavailable:
            log.info("health of %s %s not shared: the database is unreachable", kind, device_id)

    def _shared_health(self, event: Event) -> None:
        """Another process's device health, for a device this process does not run."""
        if event.origin is None:
            return
        self._apply_health(event.data)

    def _apply_health(self, data: dict[str, Any]) -> None:
        kind, device_id = str(data.get("kind")), str(data.get("device_id"))
        if kind != "alarm_source" or device_id in self._owned_sources:
            return
        try:
            state = Health(str(data.get("state")))
            self.health.report(kind, device_id, state, str(data.get("detail") or ""))
        except (KeyError, ValueError):
            log.warning("shared health for unknown device %s %s ignored", kind, device_id)

    def _areas_changed(self, event: Event) -> None:
        if event.origin is not None:
            self.analytics.changed_elsewhere(str(event.data.get("camera_id")))

    def _tamper_elsewhere(self, event: Event) -> None:
        if event.origin is not None:
            self._apply_tamper(event.data)

    def _apply_tamper(self, data: dict[str, Any]) -> None:
        self.analytics.tamper_elsewhere(str(data.get("camera_id")), str(data.get("state")))

    def _load_shared(self, topic: str, apply: Callable[[dict[str, Any]], None]) -> None:
        """What other processes last shared on a topic (a desk started after the service):
        every row in order, so the newest per device wins."""
        try:
            with self.db.read() as s:
                rows = s.scalars(
                    select(Change.data)
                    .where(Change.topic == topic, Change.origin != self.db.origin)
                    .order_by(Change.id)
                ).all()
        except DatabaseUnavailable:
            return
        for text in rows:
            apply(json.loads(text))

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        """One clock for the services that date records (tests, and a replayed demo)."""
        for service in (
            self.auth,
            self.shifts,
            self.duty,
            self.handover,
            self.checks,
            self.incidents,
            self.visits,
            self.loans,
            self.reports,
        ):
            service.clock = clock

    def start_devices(self) -> list[Claim]:
        """Start ingesting the alarm sources and recording the recorded cameras that no other
        process runs (the service, or a desk that owns its devices); returns the refusals,
        each naming the device and the process that runs it."""
        refused: list[Claim] = []

        def claim(device: str) -> bool:
            got = self.ownership.claim(device)
            if not got.ok:
                log.warning("%s", got.refusal())
                refused.append(got)
            return got.ok

        video = [s.id for s in self.site.alarm_sources if isinstance(s, VideoSource)]
        sources = {
            s.id
            for s in self.site.alarm_sources
            if not isinstance(s, VideoSource) and claim(source_device(s.id))
        }
        recorded = [c.id for c in self.site.cameras if c.record]
        cameras = {cid for cid in recorded if claim(recorder_device(cid))}
        self.cameras.raise_loss_elsewhere(
            set(recorded) - cameras,
            lambda camera_id: self.ownership.held_elsewhere(recorder_device(camera_id)),
        )
        analyse = claim(ANALYSIS_DEVICE)
        self._owned_sources = sources | (set(video) if analyse else set())
        self.refused = refused
        self.ingest.start(sources)
        self.recordings.start(cameras)
        if analyse:
            self.analytics.start()
        if refused:
            self.owner_watch = OwnerWatch(self.ownership, refused, self._owner_changed)
            self.owner_watch.start()
        return refused

    def _owner_changed(self, claim: Claim, gone: bool) -> None:
        """The process running a device this desk left to it has gone (or one runs it again):
        keep the refusals current for the site pane, and for an alarm source put a
        communication fault in the queue: nobody receives its alarms now (a restore once
        some process does again)."""
        now = Claim(claim.device, False, claim.owner, stopped=gone)
        self.refused = [now if c.device == claim.device else c for c in self.refused]
        self.bus.publish("device.owner", device=claim.device, stopped=gone, owner=claim.owner)
        for source_id in self._sources_received_by(claim.device):
            if gone:
                detail = (
                    f"无人接收报警 nobody receives this source's alarms: {claim.holder} has stopped"
                )
                self.health.report("alarm_source", source_id, Health.FAULT, detail)
            else:
                detail = f"恢复接收 run again by {claim.holder}"
            event = DeviceEvent(
                source_id=source_id,
                type=EventType.COMM_FAULT if gone else EventType.COMM_RESTORE,
                point=None,
                code="通讯故障",
                text=detail,
            )
            try:
                self.alarms.ingest(event)
            except DatabaseUnavailable:
                log.warning("could not store that %s: the database is unreachable", detail)

    def _sources_received_by(self, device: str) -> list[str]:
        return [s.id for s in self.site.alarm_sources if receiver_device(s) == device]

    def stop_devices(self) -> None:
        if self.owner_watch is not None:
            self.owner_watch.stop()
            self.owner_watch = None
        self.analytics.stop()
        self.recordings.stop()
        self.ingest.stop()
        self.ownership.release_all()
        self._owned_sources = set()
        self.cameras.raise_loss_elsewhere(frozenset())

    def intercom(self) -> Intercom | None:
        """The site's intercom, started on first use (this may start baresip: call it from a
        worker, not the GUI thread). None when the site has no [intercom]: the operator calls
        by phone and records the outcome by hand. Raises IntercomError if it cannot start."""
        if self.site.intercom is None:
            return None
        with self._intercom_lock:
            if self._intercom is None:
                from devices.intercom.factory import make_intercom

                intercom = make_intercom(self.site.intercom, workdir=self.site.intercom_dir())
                intercom.start()
                self._intercom = intercom
            return self._intercom

    def close(self) -> None:
        with self._intercom_lock:
            if self._intercom is not None:
                self._intercom.stop()
                self._intercom = None
        self.feed.stop()
        self.cameras.close()
        self.stop_devices()
        self.db.dispose()

    # -- people at the desk -------------------------------------------------------------------

    @property
    def on_duty(self) -> list[Actor]:
        """The people logged in at this console, in log-in order (a copy)."""
        with self._duty_lock:
            return list(self._on_duty)

    def login(self, name: str, password: str) -> Actor:
        actor = self.auth.authenticate(name, password, purpose="login")
        self.shifts.join(actor)
        with self._duty_lock:
            if actor not in self._on_duty:
                self._on_duty.append(actor)
        self.bus.publish("duty.changed", on_duty=[a.name for a in self.on_duty])
        return actor

    def logout(self, actor: Actor) -> None:
        self.auth.record(actor, "auth.logout")
        self.shifts.leave(actor)
        with self._duty_lock:
            if actor in self._on_duty:
                self._on_duty.remove(actor)
        self.bus.publish("duty.changed", on_duty=[a.name for a in self.on_duty])

    def lock(self, actor: Actor, reason: str) -> None:
        self.auth.record(actor, "session.lock", reason=reason)
        self.bus.publish("session.locked", name=actor.name)

    def unlock(self, actor: Actor, password: str) -> Actor:
        """Only the locked operator's own password unlocks (counts towards lock-out)."""
        fresh = self.auth.authenticate(actor.name, password, purpose="unlock")
        self.bus.publish("session.unlocked", name=actor.name)
        return fresh

    # -- preferences --------------------------------------------------------------------------

    def pref(self, actor: Actor, key: str) -> Any:
        with self.db.read() as s:
            row = s.get(UserPref, (actor.id, key))
            return json.loads(row.value) if row else None

    def set_pref(self, actor: Actor, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False)
        with self.db.write() as s:
            row = s.get(UserPref, (actor.id, key))
            if row is not None and row.value == text:
                return
            if row is None:
                s.add(UserPref(user_id=actor.id, key=key, value=text))
            else:
                row.value = text
            audit.append(
                s, actor=actor.name, action="pref.set", subject=key, payload={"bytes": len(text)}
            )

    # -- audit --------------------------------------------------------------------------------

    def verify_audit(self) -> tuple[int, audit.ChainBreak | None]:
        with self.db.read() as s:
            return audit.verify(s)

    def recent_audit(self, actor: Actor, limit: int = 500) -> list[AuditRecord]:
        require(actor, Permission.VIEW_AUDIT)
        with self.db.read() as s:
            return audit.recent(s, limit)
