"""Engine and session set-up, and migrations applied on start.

SQLite runs in WAL mode with foreign keys on and synchronous=FULL (a committed event survives
a power cut). Writes go through `Database.write()`, which on SQLite begins with
`BEGIN IMMEDIATE`: writers from any process queue up instead of failing halfway, and the
audit chain has one head. Reads use `Database.read()` and never take the write lock.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError as AlembicCommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """The database cannot be used; the message names which one and why."""


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


class Database:
    """One site's database: a read engine, a write engine, and the migrations."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.display_url = redact(url)
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise DatabaseError(f"database URL {self.display_url!r} is not valid: {exc}") from exc
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite:
            self._prepare_sqlite_file(parsed.database)
            self.read_engine = _sqlite_engine(url, immediate=False)
            self.write_engine = _sqlite_engine(url, immediate=True)
        else:
            self.read_engine = self.write_engine = create_engine(url, pool_pre_ping=True)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)

    def _prepare_sqlite_file(self, database: str | None) -> None:
        if not database or database == ":memory:":
            raise DatabaseError("an in-memory SQLite database cannot be shared; give a file path")
        path = Path(database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot create the folder for database {path}: {exc}") from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on an exception."""
        with self._write() as session, session.begin():
            yield session

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
        log.info("migrating database %s from %s to %s", self.display_url, current, head)
        cfg = self._alembic_config()
        try:
            with self.write_engine.begin() as conn:
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
