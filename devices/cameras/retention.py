"""Which recording segments to delete: older than the retention period, then oldest first while
the disk quota is exceeded, never a segment under an evidence lock (证据锁定).

Pure: the core reads segments and locks from the database, asks `plan_retention`, and deletes
files and rows itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass(frozen=True)
class SegmentRef:
    id: int
    camera_id: str
    start: datetime
    end: datetime
    bytes: int


@dataclass(frozen=True)
class LockRef:
    """Evidence lock: no segment of `camera_id` overlapping [start, end] may be deleted."""

    camera_id: str
    start: datetime
    end: datetime


@dataclass
class RetentionPlan:
    delete: list[SegmentRef] = field(default_factory=list)  # in deletion order
    spared: list[SegmentRef] = field(default_factory=list)  # due for deletion but locked
    reasons: dict[int, str] = field(default_factory=dict)  # segment id -> "age" | "quota"
    bytes_after: int = 0  # total size of the segments kept


def is_locked(segment: SegmentRef, locks: Iterable[LockRef]) -> bool:
    """Whether a lock of the segment's camera overlaps it. Touching counts: a lock on an instant
    at a segment boundary keeps both neighbours, which is the safe side for evidence."""
    return any(
        lock.camera_id == segment.camera_id
        and segment.start <= lock.end
        and lock.start <= segment.end
        for lock in locks
    )


def plan_retention(
    segments: Sequence[SegmentRef],
    locks: Sequence[LockRef],
    now: datetime,
    retention_days: int,
    quota_bytes: int,
) -> RetentionPlan:
    """Segments ending before now - retention_days go first (reason "age"), oldest first; then,
    while the segments left exceed quota_bytes, the oldest by start (reason "quota"). A locked
    segment is never deleted; one that a rule picked is listed in `spared` instead (so the
    total may stay above the quota when only locked segments are left)."""
    by_camera: dict[str, list[LockRef]] = {}
    for lock in locks:
        by_camera.setdefault(lock.camera_id, []).append(lock)

    def locked(segment: SegmentRef) -> bool:
        return is_locked(segment, by_camera.get(segment.camera_id, ()))

    plan = RetentionPlan()
    cutoff = now - timedelta(days=retention_days)
    ordered = sorted(segments, key=lambda s: (s.start, s.end, s.id))
    kept: list[SegmentRef] = []
    for segment in ordered:
        if segment.end >= cutoff:
            kept.append(segment)
        elif locked(segment):
            plan.spared.append(segment)
            kept.append(segment)
        else:
            plan.delete.append(segment)
            plan.reasons[segment.id] = "age"

    total = sum(s.bytes for s in kept)
    spared_ids = {s.id for s in plan.spared}
    for segment in kept:  # still oldest first
        if total <= quota_bytes:
            break
        if locked(segment):
            if segment.id not in spared_ids:
                plan.spared.append(segment)
                spared_ids.add(segment.id)
        else:
            plan.delete.append(segment)
            plan.reasons[segment.id] = "quota"
            total -= segment.bytes
    plan.bytes_after = total
    return plan
