"""changes: the feed of committed changes for the other desks; the record rules on PostgreSQL

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22

Every shared change also writes a `changes` row in its own transaction; desks read the rows
after the last one they saw (LISTEN/NOTIFY wakes them on PostgreSQL).

Revisions 0004-0006 made the station's record rules hold below the application with SQLite
triggers: log entries, signatures, visit calls and footage views are never changed, signatures
never deleted, and the duty, visit and loan records are kept at least a year. On PostgreSQL
the same rules are made here with PL/pgSQL trigger functions, raising restrict_violation (an
integrity error, as SQLite's RAISE(ABORT) is).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEPT_A_YEAR = {
    "log_entries": "recorded_at",
    "check_records": "signed_at",
    "fault_reports": "opened_at",
    "lift_records": "reported_at",
    "complaints": "received_at",
    "shifts": "start",
    "visits": "requested_at",
    "visitor_passes": "issued_at",
    "visit_calls": "placed_at",
    "loans": "created_at",
    "loan_ranges": "start",
    "footage_views": "at",
}
_NEVER_CHANGED = ("log_entries", "signatures", "visit_calls", "footage_views")


def _postgres_rules() -> None:
    # Times are stored as UTC without a zone (schema.types.UTCDateTime).
    op.execute(
        """
        CREATE FUNCTION watchdesk_kept_a_year() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (to_jsonb(OLD) ->> TG_ARGV[0])::timestamp
                    > (now() AT TIME ZONE 'UTC') - interval '366 days' THEN
                RAISE EXCEPTION '%: records are kept at least one year', TG_TABLE_NAME
                    USING ERRCODE = 'restrict_violation';
            END IF;
            RETURN OLD;
        END $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION watchdesk_never_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '%: records are never changed; add a new one', TG_TABLE_NAME
                USING ERRCODE = 'restrict_violation';
        END $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION watchdesk_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '%: records are never deleted', TG_TABLE_NAME
                USING ERRCODE = 'restrict_violation';
        END $$
        """
    )
    for table, column in _KEPT_A_YEAR.items():
        op.execute(
            f"CREATE TRIGGER {table}_kept_a_year BEFORE DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION watchdesk_kept_a_year('{column}')"
        )
    for table in _NEVER_CHANGED:
        op.execute(
            f"CREATE TRIGGER {table}_never_changed BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION watchdesk_never_changed()"
        )
    op.execute(
        "CREATE TRIGGER signatures_never_deleted BEFORE DELETE ON signatures "
        "FOR EACH ROW EXECUTE FUNCTION watchdesk_never_deleted()"
    )


def _drop_postgres_rules() -> None:
    for table in _KEPT_A_YEAR:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_kept_a_year ON {table}")
    for table in _NEVER_CHANGED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_never_changed ON {table}")
    op.execute("DROP TRIGGER IF EXISTS signatures_never_deleted ON signatures")
    for function in ("kept_a_year", "never_changed", "never_deleted"):
        op.execute(f"DROP FUNCTION IF EXISTS watchdesk_{function}()")


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("topic", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_changes_at"), ["at"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        _postgres_rules()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _drop_postgres_rules()
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_changes_at"))
    op.drop_table("changes")
