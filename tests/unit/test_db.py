"""Database: migrations from empty to head, one head, SQLite pragmas, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from schema.db import Database, DatabaseError, DatabaseUnavailable, open_database, redact
from schema.models import Base


@pytest.mark.sqlite_only
def test_empty_database_upgrades_to_the_single_head(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        assert db.current_revision() is None
        db.migrate()
        assert db.current_revision() == db.head_revision()
        with db.read() as s:
            tables = {
                r[0] for r in s.execute(text("select name from sqlite_master where type='table'"))
            }
        assert {"users", "user_prefs", "audit_records", "audit_head"} <= tables
    finally:
        db.dispose()


def test_migrations_have_exactly_one_head(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        assert len(ScriptDirectory.from_config(db._alembic_config()).get_heads()) == 1
    finally:
        db.dispose()


def test_models_match_the_migrations(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with db.read_engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        db.dispose()


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with db.write() as s:
            assert s.execute(text("pragma journal_mode")).scalar() == "wal"
            assert s.execute(text("pragma foreign_keys")).scalar() == 1
            with pytest.raises(Exception, match="FOREIGN KEY"):
                s.execute(
                    text("insert into user_prefs(user_id, key, value) values (999, 'k', '1')")
                )
    finally:
        db.dispose()


def test_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_database(f"sqlite:///{path}").dispose()
    db = Database(f"sqlite:///{path}")
    with db.write() as s:
        s.execute(text("update alembic_version set version_num = '9999'"))
    db.dispose()
    with pytest.raises(DatabaseError, match=r"revision 9999.*newer Watchdesk") as err:
        open_database(f"sqlite:///{path}")
    assert str(path) in str(err.value)


def test_a_file_that_is_not_a_database_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="junk.db"):
        open_database(f"sqlite:///{path}")


def test_in_memory_sqlite_is_refused() -> None:
    with pytest.raises(DatabaseError, match="in-memory"):
        Database("sqlite://")


def test_passwords_never_appear_in_database_messages() -> None:
    assert "s3cret" not in redact("postgresql+psycopg://desk:s3cret@db.local/watchdesk")


def test_postgresql_migrates_to_the_models_and_keeps_the_record_rules(pg_url: str) -> None:
    db = open_database(pg_url)  # the template is at head already: this one checks it is
    try:
        assert db.current_revision() == db.head_revision()
        with db.read_engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        with db.read() as s:
            triggers = set(s.scalars(text("select tgname from pg_trigger where not tgisinternal")))
        # the rules SQLite keeps with triggers since 0004-0006 (tests/unit/test_duty.py and
        # test_checks.py show them refusing when the suite runs with --database=postgresql)
        assert {
            "log_entries_never_changed",
            "signatures_never_changed",
            "signatures_never_deleted",
            "visit_calls_never_changed",
            "footage_views_never_changed",
            "check_records_kept_a_year",
            "loans_kept_a_year",
        } <= triggers
        assert len(triggers) == 17
    finally:
        db.dispose()


def _sleep_past_the_statement_timeout(db: Database) -> None:
    with db.read() as s:
        s.execute(text("SET LOCAL statement_timeout = 50"))
        s.execute(text("SELECT pg_sleep(2)"))


def test_only_a_server_out_of_reach_reads_as_a_lost_database(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        # the server cancels a statement: its own error, not "database lost, read-only"
        with pytest.raises(DBAPIError) as err:
            _sleep_past_the_statement_timeout(db)
        assert getattr(err.value.orig, "sqlstate", None) == "57014"
        # the server ends the session: that is a lost database
        with pytest.raises(DatabaseUnavailable, match="is unreachable: "), db.read() as s:
            s.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        with db.read() as s:  # and the next transaction gets a new connection
            assert s.scalar(text("SELECT 1")) == 1
    finally:
        db.dispose()


def test_postgresql_urls_need_psycopg_and_hide_the_password() -> None:
    with pytest.raises(DatabaseError, match="psycopg") as err:
        Database("postgresql+asyncpg://desk:s3cret@db.local/watchdesk")
    assert "s3cret" not in str(err.value)
