"""Engine and session set-up, and migrations applied on start.

SQLite runs in WAL mode with foreign keys on and synchronous=FULL (a committed event survives
a power cut). PostgreSQL (`postgresql+psycopg://...`, several desks on one database) runs
through psycopg 3.

Writes go through `Database.write()`, and every write transaction of every process is
serialized: on SQLite it begins with `BEGIN IMMEDIATE`, on PostgreSQL it first takes one
transaction-level advisory lock. Writers queue up instead of failing halfway, the audit chain
has one head, and ids handed out inside write transactions grow in commit order (the change
feed relies on it). Reads use `Database.read()` and never take the write lock.

A write transaction may carry notes for the other desks (console.core.changes); after it
commits, `on_commit` gets them so this process can publish them too.

A PostgreSQL server that cannot be reached raises `DatabaseUnavailable` from `read()` and
`write()`; the desk then stays up read-only and the change feed waits for the server.
"""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError as AlembicCommandError
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 3
# The one advisory lock every PostgreSQL write transaction takes first (any fixed number that
# the device-ownership locks, which are hashes of names, will not hit in practice).
WRITE_LOCK_KEY = 0x5744_0001
_TAKE_WRITE_LOCK = text("SELECT pg_advisory_xact_lock(:key)").bindparams(key=WRITE_LOCK_KEY)
CHANGES_CHANNEL = "watchdesk_changes"

Note = tuple[str, dict[str, Any]]


class DatabaseError(Exception):
    """The database cannot be used; the message names which one and why."""


class DatabaseUnavailable(DatabaseError):
    """The database server cannot be reached now (stopped, restarting, network down)."""


def application_name(role: str = "desk") -> str:
    """What PostgreSQL shows for this process's connections (pg_stat_activity), so a refused
    device can name the process that owns it."""
    return f"watchdesk {role} on {socket.gethostname()} (pid {os.getpid()})"[:63]


def redact(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable database URL>"


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine


def _libpq_options(role: str) -> dict[str, Any]:
    """How every PostgreSQL connection of this process is made (pooled or direct)."""
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": application_name(role),
        # a server gone without a word (power, network) is noticed within ~10 s
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 2,
        "keepalives_count": 2,
    }


def _postgres_engine(url: str) -> Engine:
    return create_engine(url, pool_pre_ping=True, connect_args=_libpq_options("desk"))


# SQLSTATEs of a server going away or refusing sessions: admin/crash shutdown, starting up,
# too many connections (class 08, connection exceptions, is matched as a class)
OUT_OF_REACH_STATES = frozenset({"57P01", "57P02", "57P03", "53300"})


def _unreachable(exc: BaseException) -> bool:
    """Whether a driver error means the server is out of reach (not a bad statement)."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a dependency
        return False
    orig = exc.orig
    if isinstance(orig, psycopg.InterfaceError):
        return True  # the client's connection is closed or broken
    if not isinstance(orig, psycopg.OperationalError):
        return False
    # Lock timeouts, cancelled statements and serialization failures are OperationalErrors
    # too, but the server answered them: only a failure without a server code (refused,
    # timed out, reset) or the link and shutdown codes mean the server is out of reach.
    state = orig.sqlstate
    return state is None or state.startswith("08") or state in OUT_OF_REACH_STATES


class Database:
    """One site's database: a read engine, a write engine, and the migrations."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.display_url = redact(url)
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise DatabaseError(f"database URL {self.display_url!r} is not valid: {exc}") from exc
        backend = parsed.get_backend_name()
        self.is_sqlite = backend == "sqlite"
        self.is_postgres = backend == "postgresql"
        self.parsed_url: URL = parsed
        if self.is_sqlite:
            self._prepare_sqlite_file(parsed.database)
            self.read_engine = _sqlite_engine(url, immediate=False)
            self.write_engine = _sqlite_engine(url, immediate=True)
        elif self.is_postgres:
            if parsed.get_driver_name() != "psycopg":
                raise DatabaseError(
                    f"database URL {self.display_url!r}: use the psycopg driver "
                    "(postgresql+psycopg://user@host/db)"
                )
            self.read_engine = self.write_engine = _postgres_engine(url)
        else:
            raise DatabaseError(
                f"database URL {self.display_url!r}: only sqlite and postgresql are supported"
            )
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)
        # This process's name in the `changes` table (console.core.changes).
        self.origin = uuid.uuid4().hex[:16]
        # Called after each commit that carried notes (console.core.changes), on the
        # committing thread; the desk publishes them on its bus.
        self.on_commit: Callable[[list[Note]], None] | None = None

    def _prepare_sqlite_file(self, database: str | None) -> None:
        if not database or database == ":memory:":
            raise DatabaseError("an in-memory SQLite database cannot be shared; give a file path")
        path = Path(database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot create the folder for database {path}: {exc}") from exc

    @property
    def sqlite_path(self) -> Path | None:
        return (
            Path(self.parsed_url.database) if self.is_sqlite and self.parsed_url.database else None
        )

    def connect_direct(self, role: str) -> Any:
        """A psycopg connection of its own, outside the pool, in autocommit (LISTEN, the
        device-ownership locks); `role` names it in pg_stat_activity."""
        import psycopg

        url = self.parsed_url.set(drivername="postgresql").render_as_string(hide_password=False)
        return psycopg.connect(url, autocommit=True, **_libpq_options(role))

    @contextmanager
    def _unreachable_as_unavailable(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            if self.is_postgres and _unreachable(exc):
                first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
                raise DatabaseUnavailable(
                    f"database {self.display_url} is unreachable: {first}"
                ) from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._unreachable_as_unavailable(), self._read() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on an exception.
        Notes added with console.core.changes.note() go to `on_commit` after the commit."""
        with self._unreachable_as_unavailable(), self._write() as session:
            session.info["origin"] = self.origin
            with session.begin():
                if self.is_postgres:
                    session.execute(_TAKE_WRITE_LOCK)
                yield session
            notes: list[Note] = session.info.pop("notes", [])
        if notes and self.on_commit is not None:
            self.on_commit(notes)

    def dispose(self) -> None:
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()

    # -- migrations -------------------------------------------------------------------------

    def _alembic_config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        return cfg

    def head_revision(self) -> str:
        heads = ScriptDirectory.from_config(self._alembic_config()).get_heads()
        if len(heads) != 1:
            raise DatabaseError(f"the migrations have {len(heads)} heads; expected exactly one")
        return heads[0]

    def current_revision(self) -> str | None:
        try:
            with self.read_engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        except SQLAlchemyError as exc:
            raise DatabaseError(f"cannot open database {self.display_url}: {exc}") from exc

    def _knows(self, revision: str) -> bool:
        try:
            script = ScriptDirectory.from_config(self._alembic_config())
            return script.get_revision(revision) is not None
        except AlembicCommandError:
            return False

    def migrate(self) -> None:
        """Bring the database to the code's head, or refuse one that is newer than the code."""
        head = self.head_revision()
        current = self.current_revision()
        if current == head:
            return
        if current is not None and not self._knows(current):
            raise DatabaseError(
                f"database {self.display_url} is at schema revision {current}, which this "
                f"version of Watchdesk does not know (its newest is {head}); "
                "it was written by a newer Watchdesk: upgrade the console"
            )
        cfg = self._alembic_config()
        try:
            with self.write_engine.begin() as conn:
                if self.is_postgres:
                    # desks starting together: one migrates, the others wait and find it done
                    conn.execute(_TAKE_WRITE_LOCK)
                    if MigrationContext.configure(conn).get_current_revision() == head:
                        return
                log.info("migrating database %s from %s to %s", self.display_url, current, head)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except SQLAlchemyError as exc:
            raise DatabaseError(f"cannot migrate database {self.display_url}: {exc}") from exc


def open_database(url: str) -> Database:
    """Open and migrate; every failure is a DatabaseError naming the database."""
    db = Database(url)
    try:
        db.migrate()
    except BaseException:
        db.dispose()
        raise
    return db
