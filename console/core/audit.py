"""The tamper-evident audit chain.

Every state change made through core appends one record in the same transaction as the
change. Each record's hash is SHA-256 over the canonical JSON of its fields and the previous
record's hash, so editing, inserting or deleting any row breaks the chain from that row on.
Appends lock the single `audit_head` row (and on SQLite the write transaction is
`BEGIN IMMEDIATE`), so several writers still build one chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from schema.models import AuditHead, AuditRecord

GENESIS_HASH = "0" * 64
SYSTEM_ACTOR = "system"


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept as is: one text for one value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def timestamp(moment: datetime | None = None) -> str:
    """UTC, microseconds, explicit offset: the exact text stored and hashed."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def record_hash(
    *, seq: int, at: str, actor: str, action: str, subject: str, payload: str, prev_hash: str
) -> str:
    body = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "subject": subject,
        "payload": payload,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def _clip(text: str, column: Any) -> str:
    length: int = column.type.length
    return text if len(text) <= length else text[: length - 1] + "…"


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    subject: str = "",
    payload: Mapping[str, Any] | None = None,
) -> AuditRecord:
    """Append one record inside the caller's write transaction."""
    # Typed input (a user name at a failed log-in) can be longer than the columns: clip it
    # before hashing, so the stored text is exactly what was hashed on every engine.
    actor, subject = _clip(actor, AuditRecord.actor), _clip(subject, AuditRecord.subject)
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one()
    seq = head.seq + 1
    fields = {
        "seq": seq,
        "at": timestamp(),
        "actor": actor,
        "action": action,
        "subject": subject,
        "payload": canonical_json(dict(payload or {})),
        "prev_hash": head.hash,
    }
    record = AuditRecord(**fields, hash=record_hash(**fields))  # type: ignore[arg-type]
    session.add(record)
    head.seq, head.hash = seq, record.hash
    session.flush()
    return record


@dataclass(frozen=True)
class ChainBreak:
    """The first place where the chain does not hold."""

    seq: int
    record_id: int | None
    reason: str

    def __str__(self) -> str:
        where = f"audit record seq {self.seq}"
        if self.record_id is not None:
            where += f" (id {self.record_id})"
        return f"{where}: {self.reason}"


def _check_record(record: AuditRecord, seq: int, prev_hash: str) -> str | None:
    if record.seq != seq:
        return f"expected seq {seq} here; records are missing or reordered"
    if record.prev_hash != prev_hash:
        return "prev_hash does not match the previous record's hash"
    computed = record_hash(
        seq=record.seq,
        at=record.at,
        actor=record.actor,
        action=record.action,
        subject=record.subject,
        payload=record.payload,
        prev_hash=record.prev_hash,
    )
    if computed != record.hash:
        return (
            f"content does not match its hash "
            f"(stored {record.hash[:12]}…, computed {computed[:12]}…)"
        )
    return None


def verify(session: Session) -> tuple[int, ChainBreak | None]:
    """Walk the whole chain. Returns (records checked, first break or None)."""
    seq, prev_hash = 0, GENESIS_HASH
    rows = session.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars()
    for record in rows.yield_per(1000):
        reason = _check_record(record, seq + 1, prev_hash)
        if reason:
            return seq, ChainBreak(record.seq, record.id, reason)
        seq, prev_hash = record.seq, record.hash
    head = session.get(AuditHead, 1)
    if head is None or (head.seq, head.hash) != (seq, prev_hash):
        head_seq = head.seq if head else "none"
        reason = f"the chain ends at seq {seq} but its head says {head_seq}; records were removed"
        return seq, ChainBreak(seq + 1, None, reason)
    return seq, None


def recent(session: Session, limit: int = 200) -> list[AuditRecord]:
    stmt = select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(limit)
    return list(session.execute(stmt).scalars())
