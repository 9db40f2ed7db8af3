"""The audit chain: appends, verification, tampering, several writers."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from console.core import audit
from schema.db import Database, open_database


@pytest.fixture
def db(tmp_path: Path):
    database = open_database(f"sqlite:///{tmp_path / 'audit.db'}")
    yield database
    database.dispose()


def _append(db: Database, n: int, actor: str = "tester") -> None:
    for i in range(n):
        with db.write() as s:
            audit.append(
                s,
                actor=actor,
                action="test.step",
                subject=f"item-{i}",
                payload={"i": i, "名": "值"},
            )


def _verify(db: Database):
    with db.read() as s:
        return audit.verify(s)


def test_canonical_json_is_order_free_and_compact() -> None:
    assert audit.canonical_json({"b": 1, "a": "中"}) == '{"a":"中","b":1}'


def test_an_untouched_chain_verifies(db: Database) -> None:
    _append(db, 5)
    assert _verify(db) == (5, None)


def test_each_record_links_to_the_previous_hash(db: Database) -> None:
    _append(db, 3)
    with db.read() as s:
        rows = s.execute(text("select seq, prev_hash, hash from audit_records order by seq")).all()
    assert rows[0].prev_hash == audit.GENESIS_HASH
    assert rows[1].prev_hash == rows[0].hash
    assert rows[2].prev_hash == rows[1].hash


@pytest.mark.parametrize(
    ("column", "value"),
    [("payload", '{"i":99}'), ("actor", "intruder"), ("at", "2020-01-01T00:00:00.000000+00:00")],
)
def test_an_edited_row_breaks_the_chain_exactly_there(
    db: Database, column: str, value: str
) -> None:
    _append(db, 6)
    with db.write() as s:
        s.execute(text(f"update audit_records set {column} = :v where seq = 4"), {"v": value})
    checked, broken = _verify(db)
    assert checked == 3
    assert broken is not None
    assert broken.seq == 4
    assert "hash" in broken.reason


def test_a_deleted_middle_row_is_found(db: Database) -> None:
    _append(db, 5)
    with db.write() as s:
        s.execute(text("delete from audit_records where seq = 3"))
    _checked, broken = _verify(db)
    assert broken is not None
    assert broken.seq == 4
    assert "missing" in broken.reason


def test_a_deleted_last_row_is_found_through_the_head(db: Database) -> None:
    _append(db, 5)
    with db.write() as s:
        s.execute(text("delete from audit_records where seq = 5"))
    _checked, broken = _verify(db)
    assert broken is not None
    assert broken.seq == 5
    assert "removed" in broken.reason


def test_a_record_rolled_back_with_its_change_leaves_no_trace(db: Database) -> None:
    _append(db, 2)

    def failing_change() -> None:
        with db.write() as s:
            audit.append(s, actor="x", action="test.fail")
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        failing_change()
    assert _verify(db) == (2, None)


def test_several_writers_build_one_chain(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    open_database(url).dispose()
    writers = [Database(url) for _ in range(4)]
    errors: list[BaseException] = []

    def work(db: Database, name: str) -> None:
        try:
            _append(db, 15, actor=name)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(db, f"w{i}")) for i, db in enumerate(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    try:
        checked, broken = _verify(writers[0])
        assert broken is None
        assert checked == 60
    finally:
        for db in writers:
            db.dispose()


def test_over_long_text_is_clipped_before_hashing(db: Database) -> None:
    with db.write() as s:
        record = audit.append(s, actor="x" * 500, action="auth.failed", subject="y" * 1000)
    assert len(record.actor) == 64
    assert record.actor.endswith("…")
    assert len(record.subject) == 256
    assert _verify(db) == (1, None)
