"""The desk: one site, its database, and the people on duty at this console.

Everything the UI and the CLI change goes through here (or the services it holds), so the
rules and the audit chain apply whatever the front end.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from console.core import audit
from console.core.alarms import AlarmService
from console.core.analytics import AnalyticsService
from console.core.auth import Actor, AuthService, Permission, require
from console.core.cameras import CameraService
from console.core.checks import CheckService
from console.core.dutylog import DutyLog
from console.core.events import EventBus
from console.core.handover import HandoverService
from console.core.health import HealthRegistry
from console.core.incidents import IncidentService
from console.core.ingest import AlarmIngest
from console.core.loans import LoanService
from console.core.plans import PlanService
from console.core.recordings import RecordingService
from console.core.reports import ReportService
from console.core.shifts import ShiftService
from console.core.site import Site, load_site
from console.core.visits import IdHasher, VisitService
from devices.intercom.base import Intercom
from schema.db import Database, open_database
from schema.models import AuditRecord, UserPref

log = logging.getLogger(__name__)


class Desk:
    def __init__(self, site: Site, db: Database) -> None:
        self.site, self.db = site, db
        self.bus = EventBus()
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
        self._duty_lock = threading.Lock()  # log-in runs on a worker thread
        self._intercom_lock = threading.Lock()
        self._intercom: Intercom | None = None
        self._on_duty: list[Actor] = []

    @classmethod
    def open(cls, site_path: Path) -> Desk:
        """Load and validate the site, open and migrate its database.

        Raises SiteError or DatabaseError, each naming what and where.
        """
        return cls.for_site(load_site(site_path))

    @classmethod
    def for_site(cls, site: Site) -> Desk:
        """Open and migrate the database of an already validated site."""
        db = open_database(site.database_url())
        try:
            return cls(site, db)
        except BaseException:
            db.dispose()
            raise

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

    def start_devices(self) -> None:
        """Start ingesting every alarm source and recording every recorded camera (the desk
        or service that owns the devices)."""
        self.ingest.start()
        self.recordings.start()
        self.analytics.start()

    def stop_devices(self) -> None:
        self.analytics.stop()
        self.recordings.stop()
        self.ingest.stop()

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
