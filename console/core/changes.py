"""One truth for several desks: committed changes, pushed to every desk of the site.

A service writes `note(s, topic, **data)` inside the write transaction of the change it makes.
The note is a `changes` row committed with the change (so it can never be missing or early)
and, after the commit, is published on this process's bus. Every other desk runs a
`ChangeFeed`: it reads the rows after the last one it saw and publishes them on its own bus,
marked with the origin, so the panes reload as they do for local changes.

On PostgreSQL the writer also sends NOTIFY, which wakes the feeds at once (LISTEN on a
connection of their own); on SQLite, desks sharing the file poll it. Write transactions are
serialized (schema.db), so ids grow in commit order and "id > last seen" misses nothing.

A feed that loses the database says so (`db.state`, online false), keeps the last it saw and
tries again every second; back online it first reads everything it missed, in order.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from console.core.events import Event, EventBus
from schema.db import CHANGES_CHANNEL, Database, DatabaseUnavailable
from schema.models import Change
from schema.types import utcnow

log = logging.getLogger(__name__)

POLL_S = 0.2  # SQLite: how often a feed looks for new rows
LIVENESS_S = 2.0  # PostgreSQL: how often an idle feed checks its connection
SAFETY_READ_S = 5.0  # PostgreSQL: read even without a notification, in case one was lost
RETRY_S = 1.0
BATCH = 500
KEEP = timedelta(days=7)  # rows older than this are pruned (the data itself stays)
# A camera pop-up read in a catch-up is shown only if it is this recent: after an outage the
# operator sees the alarms in the queue, not a burst of stale pop-ups.
POPUP_FRESH = timedelta(seconds=30)
POPUP_TOPICS = frozenset({"camera.show"})


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def note(s: Session, topic: str, **data: Any) -> None:
    """Record a change for every desk, in the caller's write transaction.

    After the commit this process publishes `topic` with `data` as given; the other desks get
    the JSON of it (datetimes as ISO text).
    """
    db_origin = s.info.get("origin")
    if db_origin is None:
        raise RuntimeError("note() needs a session from Database.write()")
    s.add(
        Change(
            at=utcnow(),
            topic=topic,
            data=json.dumps(data, ensure_ascii=False, default=_json_default),
            origin=db_origin,
        )
    )
    notes = s.info.setdefault("notes", [])
    if not notes and s.get_bind().dialect.name == "postgresql":
        s.execute(text(f"NOTIFY {CHANGES_CHANNEL}"))  # delivered at commit, once per transaction
    notes.append((topic, data))


def note_alone(db: Database, topic: str, **data: Any) -> None:
    """A change that has nothing else to commit (device health): its own transaction."""
    with db.write() as s:
        note(s, topic, **data)


def _newest_id(s: Session) -> int:
    return int(s.scalar(select(func.coalesce(func.max(Change.id), 0))) or 0)


def last_change_id(db: Database) -> int:
    with db.read() as s:
        return _newest_id(s)


def prune(db: Database, now: datetime | None = None) -> int:
    """Drop rows older than KEEP; returns how many."""
    cutoff = (now or utcnow()) - KEEP
    with db.write() as s:
        result = s.execute(delete(Change).where(Change.at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)


DB_STATE_TOPIC = "db.state"  # the feed's view of the database: state (DbState), since


class DbState(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"


def database_back(event: Event) -> bool:
    """Whether the event says the database is reachable again (after what was missed was
    published): a pane reloads once more then."""
    return event.topic == DB_STATE_TOPIC and event.data.get("state") == DbState.ONLINE.value


@dataclass(frozen=True)
class Received:
    id: int
    at: datetime
    topic: str
    data: dict[str, Any]
    origin: str


class ChangeFeed:
    """Reads other desks' changes and publishes them here; watches the database's reach."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        origin: str,
        *,
        on_reconnect: Callable[[], None] | None = None,
    ) -> None:
        self.db, self.bus, self.origin = db, bus, origin
        self.on_reconnect = on_reconnect
        self.last_id = 0
        self.state = DbState.ONLINE
        self.offline_since: datetime | None = None
        self.received = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- running ----------------------------------------------------------------------------

    def start(self) -> None:
        """Begin after the newest row now in the table (what this desk loaded is current)."""
        if self._thread is not None:
            return
        try:
            self.last_id = last_change_id(self.db)
        except DatabaseUnavailable:
            self._set_state(DbState.OFFLINE)
        self._stop.clear()
        target = self._run_postgres if self.db.is_postgres else self._run_sqlite
        self._thread = threading.Thread(target=target, name="change-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    @property
    def online(self) -> bool:
        return self.state is DbState.ONLINE

    # -- reading ----------------------------------------------------------------------------

    def catch_up(self) -> int:
        """Publish every row after the last one seen, in order; returns how many."""
        with self._lock:
            count = 0
            while True:
                with self.db.read() as s:
                    newest = _newest_id(s)
                    if newest < self.last_id:
                        # the table went back (a restored backup): go on from its newest row
                        log.warning(
                            "change feed: newest change %d is older than the last seen %d",
                            newest,
                            self.last_id,
                        )
                        self.last_id = newest
                        self.bus.publish("sync.reset")
                    rows = [
                        Received(r.id, r.at, r.topic, json.loads(r.data), r.origin)
                        for r in s.scalars(
                            select(Change)
                            .where(Change.id > self.last_id)
                            .order_by(Change.id)
                            .limit(BATCH)
                        )
                    ]
                for row in rows:
                    self.last_id = row.id
                    if row.origin == self.origin:
                        continue  # published here when it was committed
                    if row.topic in POPUP_TOPICS and utcnow() - row.at > POPUP_FRESH:
                        continue
                    count += 1
                    self.received += 1
                    self.bus.publish_from(row.origin, row.topic, **row.data)
                if len(rows) < BATCH:
                    return count

    def _set_state(self, state: DbState) -> None:
        if state is self.state:
            return
        self.state = state
        if state is DbState.OFFLINE:
            self.offline_since = utcnow()
            log.error("database %s is unreachable: read-only until it is back", self.db.display_url)
        else:
            log.warning(
                "database %s is back (offline since %s)", self.db.display_url, self.offline_since
            )
            self.offline_since = None
        self.bus.publish(DB_STATE_TOPIC, state=state.value, since=self.offline_since)

    def _back_online(self) -> None:
        """Read what was missed, then say so (panes reload once more on db.state)."""
        missed = self.catch_up()
        if self.state is DbState.OFFLINE:
            log.info("change feed: caught up %d changes made while offline", missed)
            if self.on_reconnect is not None:
                try:
                    self.on_reconnect()
                except Exception:
                    log.exception("change feed: reconnect hook failed")
        self._set_state(DbState.ONLINE)

    # -- SQLite: poll -----------------------------------------------------------------------

    def _run_sqlite(self) -> None:
        while not self._stop.wait(POLL_S):
            try:
                self._back_online()
            except Exception:
                log.exception("change feed: reading changes failed")
                self._set_state(DbState.OFFLINE)
                self._stop.wait(RETRY_S)

    # -- PostgreSQL: LISTEN -----------------------------------------------------------------

    def _run_postgres(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with self.db.connect_direct("feed") as conn:
                    conn.execute(f"LISTEN {CHANGES_CHANNEL}".encode())
                    self._back_online()  # listening first: nothing falls in between
                    self._listen(conn)
            except (psycopg.Error, DatabaseUnavailable, OSError) as exc:
                if not self._stop.is_set():
                    if self.state is DbState.ONLINE:
                        log.warning("change feed: %s", (str(exc).strip().splitlines() or [""])[0])
                    self._set_state(DbState.OFFLINE)
                    self._stop.wait(RETRY_S)
            except Exception:
                log.exception("change feed: unexpected failure; starting again")
                self._set_state(DbState.OFFLINE)
                self._stop.wait(RETRY_S)

    def _listen(self, conn: Any) -> None:
        last_read = last_check = time.monotonic()
        while not self._stop.is_set():
            woken = False
            for _notify in conn.notifies(timeout=0.25, stop_after=1):
                woken = True
            now = time.monotonic()
            if woken or now - last_read > SAFETY_READ_S:
                self.catch_up()
                last_read = last_check = now
            elif now - last_check > LIVENESS_S:
                conn.execute("SELECT 1")
                last_check = now
