"""duty: shifts, presence, duty log, handovers and signatures, check records, fault reports,
lift and complaint records

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21

On SQLite, triggers make the record rules hold below the application too: duty-log entries
and signatures are never changed or deleted, and check records, log entries and fault
reports are not deleted before they are a year old (station rules, section 4).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEPT_A_YEAR = {
    "log_entries": "recorded_at",
    "check_records": "signed_at",
    "fault_reports": "opened_at",
    "lift_records": "reported_at",
    "complaints": "received_at",
    "shifts": "start",
}
_NEVER_CHANGED = ("log_entries", "signatures")


def _sqlite_triggers() -> None:
    for table, column in _KEPT_A_YEAR.items():
        op.execute(
            f"CREATE TRIGGER {table}_kept_a_year BEFORE DELETE ON {table} "
            f"WHEN old.{column} > datetime('now', '-366 days') "
            f"BEGIN SELECT RAISE(ABORT, '{table}: records are kept at least one year'); END"
        )
    for table in _NEVER_CHANGED:
        op.execute(
            f"CREATE TRIGGER {table}_never_changed BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table}: records are never changed; add a new one'); END"
        )
    op.execute(
        "CREATE TRIGGER signatures_never_deleted BEFORE DELETE ON signatures "
        "BEGIN SELECT RAISE(ABORT, 'signatures: records are never deleted'); END"
    )


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by", sa.String(length=64), nullable=False),
        sa.Column("resident", sa.String(length=128), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("matter", sa.Text(), nullable=False),
        sa.Column("handling", sa.Text(), nullable=False),
        sa.Column("escalated_to", sa.String(length=128), nullable=True),
        sa.Column("escalated_at", sa.DateTime(), nullable=True),
        sa.Column("followup_at", sa.DateTime(), nullable=True),
        sa.Column("followup_outcome", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaints_received_at"), ["received_at"], unique=False
        )

    op.create_table(
        "lift_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lift_no", sa.String(length=32), nullable=False),
        sa.Column("people_trapped", sa.Integer(), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("calls", sa.Text(), nullable=False),
        sa.Column("injured", sa.Boolean(), nullable=False),
        sa.Column("ambulance_called_at", sa.DateTime(), nullable=True),
        sa.Column("freed_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lift_records")),
    )
    with op.batch_alter_table("lift_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lift_records_reported_at"), ["reported_at"], unique=False
        )

    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("end", sa.DateTime(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sealed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shifts")),
        sa.UniqueConstraint("start", name=op.f("uq_shifts_start")),
    )
    op.create_table(
        "check_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.String(length=64), nullable=False),
        sa.Column("template_name", sa.String(length=128), nullable=False),
        sa.Column("period_start", sa.DateTime(), nullable=False),
        sa.Column("period_end", sa.DateTime(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("signed_by", sa.String(length=64), nullable=False),
        sa.Column("printed_name", sa.String(length=128), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["shifts.id"],
            name=op.f("fk_check_records_shift_id_shifts"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_records")),
        sa.UniqueConstraint(
            "template_id", "period_start", name=op.f("uq_check_records_template_id")
        ),
    )
    with op.batch_alter_table("check_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_check_records_period_start"), ["period_start"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_check_records_shift_id"), ["shift_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_records_signed_at"), ["signed_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_check_records_template_id"), ["template_id"], unique=False
        )

    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("checklist", sa.Text(), nullable=False),
        sa.Column("synthesis", sa.Text(), nullable=False),
        sa.Column("seal_hash", sa.String(length=64), nullable=False),
        sa.Column("audit_head", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=64), nullable=True),
        sa.Column("withdraw_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["shifts.id"],
            name=op.f("fk_handovers_shift_id_shifts"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handovers")),
    )
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handovers_shift_id"), ["shift_id"], unique=False)

    op.create_table(
        "log_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("author_name", sa.String(length=128), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=True),
        sa.Column("equipment_status", sa.Boolean(), nullable=False),
        sa.Column("attachments", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["log_entries.id"],
            name=op.f("fk_log_entries_corrects_id_log_entries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["shifts.id"],
            name=op.f("fk_log_entries_shift_id_shifts"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_entries")),
    )
    with op.batch_alter_table("log_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_log_entries_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_log_entries_author"), ["author"], unique=False)
        batch_op.create_index(batch_op.f("ix_log_entries_category"), ["category"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_log_entries_corrects_id"), ["corrects_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_log_entries_shift_id"), ["shift_id"], unique=False)

    op.create_table(
        "shift_presence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.Column("left_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["shifts.id"],
            name=op.f("fk_shift_presence_shift_id_shifts"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_presence")),
    )
    with op.batch_alter_table("shift_presence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shift_presence_shift_id"), ["shift_id"], unique=False)

    op.create_table(
        "fault_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_record_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.String(length=64), nullable=True),
        sa.Column("title", sa.String(length=256), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("repaired_at", sa.DateTime(), nullable=True),
        sa.Column("repaired_by", sa.String(length=64), nullable=True),
        sa.Column("repair_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["check_record_id"],
            ["check_records.id"],
            name=op.f("fk_fault_reports_check_record_id_check_records"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fault_reports")),
    )
    with op.batch_alter_table("fault_reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fault_reports_check_record_id"), ["check_record_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_fault_reports_opened_at"), ["opened_at"], unique=False)

    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("printed_name", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("meaning", sa.String(length=16), nullable=False),
        sa.Column("seal_hash", sa.String(length=64), nullable=False),
        sa.Column("audit_head", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["handover_id"],
            ["handovers.id"],
            name=op.f("fk_signatures_handover_id_handovers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatures")),
        sa.UniqueConstraint("handover_id", "side", name=op.f("uq_signatures_handover_id")),
    )

    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()


def downgrade() -> None:
    for table in (
        "signatures",
        "handovers",
        "fault_reports",
        "check_records",
        "log_entries",
        "shift_presence",
        "complaints",
        "lift_records",
        "shifts",
    ):
        op.drop_table(table)
