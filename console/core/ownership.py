"""Who runs each device: one owner per alarm source and per camera recorder.

A serial line can be read by one process only, and a camera recorded twice fills the disk
twice. Before a desk or the service starts an alarm source or a recorder it claims it:

- PostgreSQL: a session-level advisory lock held on a connection of its own for as long as
  the device runs (the server drops it when the process dies, so a crash frees the device).
  A refused claim names the owner from pg_stat_activity (its application name says role,
  host and pid).
- SQLite (desks sharing one file on one machine): an exclusive `flock` on a file per device
  beside the database, holding the owner's description.

If the PostgreSQL connection holding the locks is lost (the server restarted), `reclaim()`
takes them again once the server is back; a device someone else took meanwhile is reported.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from schema.db import Database, application_name

log = logging.getLogger(__name__)


def lock_key(device: str) -> int:
    """A signed 64-bit advisory-lock key for a device name ("source:panel-1")."""
    digest = hashlib.sha256(f"watchdesk device {device}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@dataclass(frozen=True)
class Claim:
    device: str
    ok: bool
    owner: str = ""  # who holds it when refused ("" if it could not be told)
    stopped: bool = False  # refused, and that owner has gone since: nobody runs it now

    @property
    def holder(self) -> str:
        """The owner in words, also when it could not be told."""
        return self.owner or "another Watchdesk process"

    def refusal(self) -> str:
        """The operator's sentence for a refused claim."""
        if self.stopped:
            return f"nobody runs {self.device} now: {self.holder} ran it and has stopped"
        return f"{self.device} is already run by {self.holder}; not starting it here"


class DeviceOwnership:
    def __init__(self, db: Database, role: str) -> None:
        self.db, self.role = db, role
        self.description = application_name(role)
        self._lock = threading.Lock()
        self._held: dict[str, Any] = {}  # device -> open lock file (SQLite) or True (PG)
        self._conn: Any = None  # PostgreSQL: the psycopg connection holding the locks

    @property
    def held(self) -> list[str]:
        with self._lock:
            return sorted(self._held)

    def claim(self, device: str) -> Claim:
        with self._lock:
            if device in self._held:
                return Claim(device, True)
            if self.db.is_postgres:
                return self._claim_pg(device)
            return self._claim_file(device)

    def probe(self, device: str) -> Claim | None:
        """Who holds the device now, without claiming it: ok=True when nobody else does (or
        this process does), else the owner; None when the database cannot be asked."""
        with self._lock:
            if device in self._held:
                return Claim(device, True)
            try:
                if self.db.is_postgres:
                    return self._probe_pg(device)
                return self._probe_file(device)
            except Exception as exc:  # noqa: BLE001 - the database's or a lock file's: said, retried
                first = (str(exc).splitlines() or [type(exc).__name__])[0]
                log.warning("could not tell who runs %s: %s", device, first)
                return None

    def held_elsewhere(self, device: str) -> bool:
        """Whether another process holds the device now; False when this process holds it,
        and when the database cannot be asked."""
        found = self.probe(device)
        return found is not None and not found.ok

    def release_all(self) -> None:
        with self._lock:
            for handle in self._held.values():
                if hasattr(handle, "close"):
                    handle.close()  # closing the file drops the flock
            self._held.clear()
            if self._conn is not None:
                try:
                    # released now: a closed session's locks go only once its backend has
                    # ended, a moment after the close, and a probe meanwhile sees them held
                    self._conn.execute("SELECT pg_advisory_unlock_all()")
                except Exception:
                    log.debug("releasing the device locks failed", exc_info=True)
                self._conn.close()
                self._conn = None

    # -- PostgreSQL -------------------------------------------------------------------------

    def _connection(self) -> Any:
        if self._conn is None or self._conn.closed:
            self._conn = self.db.connect_direct(self.role)
        return self._conn

    def _claim_pg(self, device: str) -> Claim:
        conn = self._connection()
        key = lock_key(device)
        got = conn.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0]
        if got:
            self._held[device] = True
            return Claim(device, True)
        return Claim(device, False, self._pg_owner(conn, key))

    def _probe_pg(self, device: str) -> Claim:
        conn = self._connection()
        key = lock_key(device)
        if conn.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0]:
            conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
            return Claim(device, True)
        return Claim(device, False, self._pg_owner(conn, key))

    def _pg_owner(self, conn: Any, key: int) -> str:
        unsigned = key & 0xFFFF_FFFF_FFFF_FFFF
        row = conn.execute(
            """
            SELECT a.application_name, host(a.client_addr), a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.classid::bigint = %s AND l.objid::bigint = %s
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """,
            (unsigned >> 32, unsigned & 0xFFFF_FFFF),
        ).fetchone()
        if row is None:
            return ""
        name, addr, since = row
        where = f" from {addr}" if addr else ""
        return f"{name or 'an unnamed client'}{where}, since {since:%Y-%m-%d %H:%M}"

    def reclaim(self) -> list[Claim]:
        """After the server came back: take every held lock again. Returns the refusals."""
        if not self.db.is_postgres:
            return []
        with self._lock:
            devices = list(self._held)
            if self._conn is not None:
                try:
                    self._conn.close()
                except Exception:
                    log.debug("closing the lost ownership connection failed", exc_info=True)
                self._conn = None
            self._held.clear()
            lost = []
            for device in devices:
                claim = self._claim_pg(device)
                if not claim.ok:
                    log.error("after the database came back: %s", claim.refusal())
                    lost.append(claim)
            return lost

    # -- SQLite: lock files -----------------------------------------------------------------

    def _lock_dir(self) -> Path:
        path = self.db.sqlite_path
        assert path is not None
        folder = path.parent / f"{path.name}.owners"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _lock_file(self, device: str) -> Path:
        return self._lock_dir() / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', device)}.lock"

    def _lock_file_of(self, device: str) -> IO[str] | Claim:
        """The device's lock file, open and locked by this process; or, when another holds
        it, the refusal naming the owner written in it."""
        handle: IO[str] = open(self._lock_file(device), "a+", encoding="utf-8")  # noqa: SIM115
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip()
            handle.close()
            return Claim(device, False, owner)
        return handle

    def _probe_file(self, device: str) -> Claim:
        handle = self._lock_file_of(device)
        if isinstance(handle, Claim):
            return handle
        handle.close()  # drops the probe's lock
        return Claim(device, True)

    def _claim_file(self, device: str) -> Claim:
        handle = self._lock_file_of(device)
        if isinstance(handle, Claim):
            return handle
        handle.seek(0)
        handle.truncate()
        handle.write(self.description)
        handle.flush()
        os.fsync(handle.fileno())
        self._held[device] = handle
        return Claim(device, True)


class OwnerWatch:
    """Watches the devices another process runs. When the owner has gone (its lock has been
    free at two probes in a row: a restarted server frees every lock until the owners retake
    them) `on_change(claim, gone=True)` is called; when some process holds the device again,
    `on_change(claim, gone=False)` with the new owner. A probe that cannot reach the database
    changes nothing. Runs on a thread of its own until stop()."""

    INTERVAL_S = 5.0

    def __init__(
        self,
        ownership: DeviceOwnership,
        claims: list[Claim],
        on_change: Callable[[Claim, bool], None],
        interval_s: float | None = None,
    ) -> None:
        self._ownership, self._on_change = ownership, on_change
        self._interval = self.INTERVAL_S if interval_s is None else interval_s
        self._owner = {c.device: c for c in claims}  # the last known owner of each
        self._gone: dict[str, bool] = dict.fromkeys(self._owner, False)
        self._free_once: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="owner-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.check()

    def check(self) -> None:
        """One round of probes (the thread's; tests call it directly)."""
        for device in list(self._owner):
            found = self._ownership.probe(device)
            if found is None:
                continue
            if found.ok:  # free
                if self._gone[device]:
                    continue
                if device not in self._free_once:
                    self._free_once.add(device)  # once may be a server restart
                    continue
                self._gone[device] = True
                owner = self._owner[device]
                log.error("%s is no longer run by %s: nobody runs it", device, owner.holder)
                self._notify(owner, gone=True)
            else:
                self._free_once.discard(device)
                if self._gone[device]:
                    self._gone[device] = False
                    self._owner[device] = found
                    log.warning("%s is run again, by %s", device, found.holder)
                    self._notify(found, gone=False)

    def _notify(self, claim: Claim, *, gone: bool) -> None:
        try:
            self._on_change(claim, gone)
        except Exception:
            log.exception("handling the owner change of %s failed", claim.device)
