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

    def refusal(self) -> str:
        """The operator's sentence for a refused claim."""
        who = self.owner or "another Watchdesk process"
        return f"{self.device} is already run by {who}; not starting it here"


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

    def held_elsewhere(self, device: str) -> bool:
        """Whether another process holds the device now (a probe: nothing stays claimed).
        False when this process holds it, and when the database cannot be asked."""
        with self._lock:
            if device in self._held:
                return False
            try:
                if self.db.is_postgres:
                    return self._probe_pg(device)
                return self._probe_file(device)
            except Exception:
                log.warning("could not tell whether %s is run elsewhere", device, exc_info=True)
                return False

    def release_all(self) -> None:
        with self._lock:
            for handle in self._held.values():
                if hasattr(handle, "close"):
                    handle.close()  # closing the file drops the flock
            self._held.clear()
            if self._conn is not None:
                try:
                    self._conn.close()  # the server drops the session's advisory locks
                except Exception:
                    log.debug("closing the ownership connection failed", exc_info=True)
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

    def _probe_pg(self, device: str) -> bool:
        conn = self._connection()
        key = lock_key(device)
        if conn.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0]:
            conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
            return False
        return True

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

    def _probe_file(self, device: str) -> bool:
        with open(self._lock_file(device), "a+", encoding="utf-8") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            return False  # closing the file drops the probe's lock

    def _claim_file(self, device: str) -> Claim:
        path = self._lock_file(device)
        handle: IO[str] = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held open
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip()
            handle.close()
            return Claim(device, False, owner)
        handle.seek(0)
        handle.truncate()
        handle.write(self.description)
        handle.flush()
        os.fsync(handle.fileno())
        self._held[device] = handle
        return Claim(device, True)
