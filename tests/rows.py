"""Rows written or rules removed straight in the database: visit and loan rows for report
fixtures (the figures read rows; how they got there is tested elsewhere), and tampering."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from schema.models import Loan, Visit


def visit_row(state: str, when: datetime) -> Visit:
    return Visit(
        gate_id="east-gate",
        requested_at=when,
        requested_by="li",
        visitor_name="张三",
        id_type="resident_id",
        id_masked="1101**********1234",
        id_hash="0" * 64,
        room="10101",
        state=state,
    )


def loan_row(
    created: datetime,
    state: str,
    due: datetime,
    closed: datetime | None = None,
    outcome: str = "",
) -> Loan:
    """A police copy filed at `created` (and decided then, unless still requested)."""
    return Loan(
        created_at=created,
        requested_by="li",
        borrower_kind="police",
        borrower_name="赵警官",
        id_type="police",
        id_masked="****",
        id_hash="1" * 64,
        mode="copy",
        due_at=due,
        state=state,
        decided_at=created if state != "requested" else None,
        closed_at=closed,
        outcome=outcome,
    )


def drop_trigger(s: Session, name: str, table: str) -> None:
    """Remove a record-rule trigger, as someone with the database's own tools could."""
    on = f" ON {table}" if s.get_bind().dialect.name == "postgresql" else ""
    s.execute(text(f"DROP TRIGGER {name}{on}"))
