"""Exports for people and their scripts (DESIGN.md "Contract: the command line").

Times are ISO 8601 with the site's offset. CSV is UTF-8 with a byte-order mark, so Excel on a
Chinese Windows desk opens it right; JSON is one array of objects. Written to a temporary
file and renamed into place, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from console.core.alarms import AlarmView
from console.core.dutylog import EntryView
from console.core.handover import HandoverView, Side

ALARM_COLUMNS = (
    "raised_at",
    "zone_id",
    "zone_name",
    "zone_kind",
    "source_id",
    "event",
    "state",
    "acknowledged_at",
    "acknowledged_by",
    "closed_at",
    "resolution",
    # beyond the contract's minimum:
    "alarm_id",
    "point",
    "priority",
    "code",
    "text",
    "repeats",
    "restored_at",
    "seconds_to_acknowledge",
    "dispatched_to",
    "closed_by",
    "close_comment",
)


class ExportError(Exception):
    """An export that cannot be made; the message says what and where."""


def parse_moment(text: str, tz: ZoneInfo, what: str) -> datetime:
    """An ISO date or date-time; without an offset it is the site's local time."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ExportError(
            f"{what}: {text!r} is not an ISO 8601 date or time (e.g. 2026-11-21 or "
            "2026-11-21T08:00+08:00)"
        ) from None
    if len(text) == 10:  # a bare date means its midnight
        moment = datetime.combine(date.fromisoformat(text), time())
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _local(value: datetime | None, tz: ZoneInfo) -> str | None:
    return value.astimezone(tz).isoformat(timespec="seconds") if value else None


def alarm_rows(alarms: Sequence[AlarmView], tz: ZoneInfo) -> list[dict[str, Any]]:
    rows = []
    for a in alarms:
        rows.append(
            {
                "raised_at": _local(a.raised_at, tz),
                "zone_id": a.zone_id,
                "zone_name": a.zone_name,
                "zone_kind": a.zone_kind,
                "source_id": a.source_id,
                "event": a.event,
                "state": a.state,
                "acknowledged_at": _local(a.acknowledged_at, tz),
                "acknowledged_by": a.acknowledged_by,
                "closed_at": _local(a.closed_at, tz),
                "resolution": a.resolution,
                "alarm_id": a.id,
                "point": a.point,
                "priority": a.priority,
                "code": a.code,
                "text": a.text,
                "repeats": a.repeats,
                "restored_at": _local(a.restored_at, tz),
                "seconds_to_acknowledge": a.seconds_to_acknowledge,
                "dispatched_to": a.dispatched_to,
                "closed_by": a.closed_by,
                "close_comment": a.close_comment,
            }
        )
    return rows


def render(rows: list[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)
        return out.getvalue()
    raise ExportError(f"format {fmt!r} is not available for this export (use csv or json)")


def write_atomically(path: Path, text: str, *, bom: bool) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    write_bytes_atomically(path, text.encode("utf-8-sig" if bom else "utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """`data` to a temporary file beside `path`, synced, then renamed into place."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


LOG_COLUMNS = (
    "entry_id",
    "at",
    "recorded_at",
    "shift_id",
    "category",
    "author",
    "author_name",
    "text",
    "corrects_id",
    "corrected_by",
    "source",
    "ref",
    "equipment_status",
    "attachments",
)


def log_rows(entries: Sequence[EntryView], tz: ZoneInfo) -> list[dict[str, Any]]:
    return [
        {
            "entry_id": e.id,
            "at": _local(e.at, tz),
            "recorded_at": _local(e.recorded_at, tz),
            "shift_id": e.shift_id,
            "category": e.category.value,
            "author": e.author,
            "author_name": e.author_name,
            "text": e.text,
            "corrects_id": e.corrects_id,
            "corrected_by": " ".join(str(i) for i in e.corrected_by),
            "source": e.source,
            "ref": e.ref,
            "equipment_status": e.equipment_status,
            "attachments": " ".join(f"{a.name}#sha256={a.sha256}" for a in e.attachments),
        }
        for e in entries
    ]


HANDOVER_COLUMNS = (
    "handover_id",
    "shift",
    "shift_start",
    "shift_end",
    "outgoing",
    "outgoing_name",
    "outgoing_role",
    "outgoing_at",
    "incoming",
    "incoming_name",
    "incoming_role",
    "incoming_at",
    "open_items",
    "items",
    "checklist",
    "synthesis",
    "seal_hash",
    "audit_head",
)


def _signature_columns(view: HandoverView, side: Side, prefix: str, tz: ZoneInfo) -> dict[str, Any]:
    sig = view.signature(side)
    return {
        prefix: sig.user_name if sig else None,
        f"{prefix}_name": sig.printed_name if sig else None,
        f"{prefix}_role": sig.role.value if sig else None,
        f"{prefix}_at": _local(sig.at, tz) if sig else None,
    }


def handover_rows(views: Sequence[HandoverView], tz: ZoneInfo) -> list[dict[str, Any]]:
    rows = []
    for v in views:
        items = [f"{i.item.title} | {i.owner} | 如果 {i.condition} 则 {i.action}" for i in v.items]
        checklist = [f"{a.item}: {'OK' if a.ok else a.note}" for a in v.checklist]
        rows.append(
            {
                "handover_id": v.id,
                "shift": v.shift.label,
                "shift_start": _local(v.shift.start, tz),
                "shift_end": _local(v.shift.end, tz),
                **_signature_columns(v, Side.OUTGOING, "outgoing", tz),
                **_signature_columns(v, Side.INCOMING, "incoming", tz),
                "open_items": len(v.items),
                "items": "\n".join(items),
                "checklist": "\n".join(checklist),
                "synthesis": v.synthesis,
                "seal_hash": v.seal_hash,
                "audit_head": v.audit_head,
            }
        )
    return rows
