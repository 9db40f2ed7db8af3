"""Recording: the recorders of `record = true` cameras, the segment index, evidence locks,
retention and clip export.

Recorders (devices.cameras.recorder) write MP4 segments by remux and report each closed
segment and each gap here; this service indexes them. A camera with privacy masks is recorded
with the masks burnt in (re-encoded), unless the site keeps the original picture
([storage] keep_original): then the masks are applied on the way out, to every clip and
replay. Paths in the index are relative to the
site's recordings folder, so the folder can move. Retention never deletes footage under an
evidence lock (footage lending, cases); locks are held until released by their owner.
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from console.core import audit
from console.core.auth import Actor, Permission, require
from console.core.cameras import CameraService
from console.core.changes import note
from console.core.events import EventBus
from console.core.site import Site
from devices.cameras.base import SEGMENT_MAX_S, Gap, Segment, StreamStatus
from devices.cameras.exporter import ExportError, export_clip
from devices.cameras.masks import Masker
from devices.cameras.recorder import Recorder, probe_segment, recover
from devices.cameras.retention import LockRef, SegmentRef, plan_retention
from schema.db import Database
from schema.models import EvidenceLock, RecordingGap, RecordingSegment
from schema.types import utcnow

log = logging.getLogger(__name__)

RETENTION_EVERY_S = 3600.0
RETENTION_FIRST_S = 120.0
JOIN_TOLERANCE_S = 1.5  # segments closer than this are one continuous recording


class RecordingError(Exception):
    """A recording request that cannot be met. `code` lets the UI word it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class SegmentRow:
    id: int
    camera_id: str
    start: datetime
    end: datetime
    path: Path  # absolute
    bytes: int


@dataclass(frozen=True)
class GapRow:
    camera_id: str
    start: datetime
    end: datetime
    reason: str


@dataclass(frozen=True)
class LockRow:
    id: int
    camera_id: str
    start: datetime
    end: datetime
    reason: str
    ref: str
    created_by: str
    created_at: datetime
    released_at: datetime | None


@dataclass(frozen=True)
class ClipResult:
    path: Path
    sha256: str
    bytes: int
    duration_s: float
    start: datetime  # what the clip covers (it starts at the keyframe at or before the ask)
    end: datetime
    missing: list[tuple[datetime, datetime]] = field(default_factory=list)  # no footage


@dataclass(frozen=True)
class RetentionReport:
    deleted: int
    freed_bytes: int
    spared_locked: int
    kept_bytes: int
    failed: list[str]  # files that could not be deleted (and stay indexed)


class RecordingService:
    def __init__(self, site: Site, db: Database, bus: EventBus, cameras: CameraService) -> None:
        self.site, self.db, self.bus, self._cameras = site, db, bus, cameras
        self.root = site.recordings_dir()
        self.segment_s = SEGMENT_MAX_S  # shorter in tests
        self._recorders: dict[str, Recorder] = {}
        self._stop = threading.Event()
        self._retention_thread: threading.Thread | None = None
        self._retention_lock = threading.Lock()

    @property
    def recorded_cameras(self) -> list[str]:
        return [c.id for c in self.site.cameras if c.record]

    # -- recorders ----------------------------------------------------------------------------

    def start(self, cameras: set[str] | None = None) -> None:
        """Index what a crash left behind, start a recorder per recorded camera and the hourly
        retention (the desk or service that owns the cameras calls this). `cameras` limits
        it to those ids (the others are recorded by another process); given empty, nothing
        is recorded here and retention is left to the recording process."""
        if cameras is not None and not cameras:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        self._stop.clear()
        for camera in self.site.cameras:
            if not camera.record or camera.id in self._recorders:
                continue
            if cameras is not None and camera.id not in cameras:
                continue
            self._reindex(camera.id)
            recorder = Recorder(
                camera.id,
                camera.main,
                self.root,
                on_segment=self._store_segment,
                on_gap=self._store_gap,
                on_status=functools.partial(self._recorder_status, camera.id),
                tz=self.site.tz(),
                segment_s=self.segment_s,
                masker=None if self.site.storage.keep_original else self._cameras.masker(camera.id),
            )
            self._recorders[camera.id] = recorder
            recorder.start()
        if self._retention_thread is None:
            self._retention_thread = threading.Thread(
                target=self._retention_loop, name="retention", daemon=True
            )
            self._retention_thread.start()

    def _reindex(self, camera_id: str) -> None:
        """Index what a crash left half-written and what could not be indexed when written
        (the database was down): every segment file on disk ends up in the index."""
        for segment in recover(self.root, camera_id):
            self._store_segment(segment)
        folder = self.root / camera_id
        if not folder.is_dir():
            return
        with self.db.read() as s:
            known = set(
                s.scalars(
                    select(RecordingSegment.path).where(RecordingSegment.camera_id == camera_id)
                )
            )
        for path in sorted(folder.glob("*/*.mp4")):
            if self._relative(path) in known:
                continue
            found = probe_segment(camera_id, path)
            if found is not None:
                log.info("indexing %s, recorded but not indexed", path)
                self._store_segment(found)

    def stop(self) -> None:
        self._stop.set()
        for recorder in self._recorders.values():
            recorder.stop()
        self._recorders.clear()
        if self._retention_thread is not None:
            self._retention_thread.join(10)
            self._retention_thread = None

    def recorder_status(self, camera_id: str) -> StreamStatus | None:
        recorder = self._recorders.get(camera_id)
        return recorder.status() if recorder else None

    def _recorder_status(self, camera_id: str, status: StreamStatus) -> None:
        self._cameras.report(camera_id, "recorder", status)

    def _relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path.resolve())

    def _absolute(self, stored: str) -> Path:
        path = Path(stored)
        return path if path.is_absolute() else self.root / path

    def _store_segment(self, segment: Segment) -> None:
        """Index a closed segment (recorder thread); raising leaves the file for re-indexing."""
        rel = self._relative(segment.path)
        with self.db.write() as s:
            if s.scalar(select(RecordingSegment.id).where(RecordingSegment.path == rel)):
                return
            s.add(
                RecordingSegment(
                    camera_id=segment.camera_id,
                    start=segment.start,
                    end=segment.end,
                    path=rel,
                    bytes=segment.bytes,
                )
            )
            note(
                s,
                "recording.segment",
                camera_id=segment.camera_id,
                start=segment.start,
                end=segment.end,
            )

    def _store_gap(self, gap: Gap) -> None:
        with self.db.write() as s:
            s.add(
                RecordingGap(
                    camera_id=gap.camera_id, start=gap.start, end=gap.end, reason=gap.reason[:256]
                )
            )
            note(s, "recording.gap", camera_id=gap.camera_id, start=gap.start, end=gap.end)
        log.warning(
            "recording gap for %s: %s to %s (%s)",
            gap.camera_id,
            gap.start.isoformat(timespec="seconds"),
            gap.end.isoformat(timespec="seconds"),
            gap.reason,
        )

    # -- the index ----------------------------------------------------------------------------

    def segments(self, camera_id: str, start: datetime, end: datetime) -> list[SegmentRow]:
        """Segments of a camera overlapping [start, end), oldest first."""
        with self.db.read() as s:
            rows = s.scalars(
                select(RecordingSegment)
                .where(
                    RecordingSegment.camera_id == camera_id,
                    RecordingSegment.start < end,
                    RecordingSegment.end > start,
                )
                .order_by(RecordingSegment.start)
            ).all()
            return [
                SegmentRow(r.id, r.camera_id, r.start, r.end, self._absolute(r.path), r.bytes)
                for r in rows
            ]

    def gaps(self, camera_id: str, start: datetime, end: datetime) -> list[GapRow]:
        """Gaps the recorder reported overlapping [start, end), oldest first."""
        with self.db.read() as s:
            rows = s.scalars(
                select(RecordingGap)
                .where(
                    RecordingGap.camera_id == camera_id,
                    RecordingGap.start < end,
                    RecordingGap.end > start,
                )
                .order_by(RecordingGap.start)
            ).all()
            return [GapRow(r.camera_id, r.start, r.end, r.reason) for r in rows]

    @staticmethod
    def missing(
        segments: list[SegmentRow], start: datetime, end: datetime
    ) -> list[tuple[datetime, datetime]]:
        """The stretches of [start, end) that no segment covers."""
        tolerance = timedelta(seconds=JOIN_TOLERANCE_S)
        holes: list[tuple[datetime, datetime]] = []
        cursor = start
        for seg in segments:
            if seg.start - cursor > tolerance:
                holes.append((cursor, min(seg.start, end)))
            cursor = max(cursor, seg.end)
            if cursor >= end:
                break
        if end - cursor > tolerance:
            holes.append((cursor, end))
        return holes

    def extent(self, camera_id: str) -> tuple[datetime, datetime] | None:
        """The first and last recorded moment of a camera, or None without footage."""
        with self.db.read() as s:
            first, last = s.execute(
                select(func.min(RecordingSegment.start), func.max(RecordingSegment.end)).where(
                    RecordingSegment.camera_id == camera_id
                )
            ).one()
        return (first, last) if first is not None and last is not None else None

    # -- export -------------------------------------------------------------------------------

    def export_clip(
        self,
        camera_id: str,
        start: datetime,
        end: datetime,
        out: Path,
        actor: Actor | None = None,
    ) -> ClipResult:
        """Remux the footage of [start, end) into one MP4 at `out` and hash it; re-encoded with
        the camera's privacy masks blacked out if it has any (they cover footage recorded
        before they were drawn, too).

        Raises RecordingError naming the camera and range when there is nothing to export."""
        camera = self._cameras.camera(camera_id)
        if end <= start:
            raise RecordingError("empty_range", "the clip's end must be after its start")
        segments = self.segments(camera.id, start, end)
        if not segments:
            raise RecordingError(
                "no_footage",
                f"camera {camera.id} has no recording between {start.isoformat()} and "
                f"{end.isoformat()}",
            )
        masker = Masker(self._cameras.masker(camera.id).polygons)  # the masks as they are now
        try:
            info = export_clip(
                [(s.path, s.start, s.end) for s in segments], start, end, out, masker
            )
        except ExportError as exc:
            raise RecordingError("export_failed", str(exc)) from exc
        result = ClipResult(
            path=info.path,
            sha256=info.sha256,
            bytes=info.bytes,
            duration_s=info.duration_s,
            start=info.start,
            end=info.end,
            missing=self.missing(segments, start, end),
        )
        with self.db.write() as s:
            audit.append(
                s,
                actor=actor.name if actor else audit.SYSTEM_ACTOR,
                action="recording.export",
                subject=camera.id,
                payload={
                    "from": start.isoformat(),
                    "to": end.isoformat(),
                    "path": str(info.path),
                    "sha256": info.sha256,
                    "bytes": info.bytes,
                    "masked": bool(masker),
                    "missing": [[a.isoformat(), b.isoformat()] for a, b in result.missing],
                },
            )
        return result

    def replay_clip(self, camera_id: str, seconds: float = 30.0) -> Path:
        """A temporary MP4 of the camera's last `seconds` (the caller deletes it when done).

        From the recorder's memory when this process records the camera, else from the index.
        Masked like an export: the recorder's memory holds masked pictures unless the site
        keeps the original, in which case (as from the index) the clip is re-encoded with the
        masks.
        """
        camera = self._cameras.camera(camera_id)
        if not camera.record:
            raise RecordingError("not_recorded", f"camera {camera.id} is not recorded")
        recorder = self._recorders.get(camera.id)
        end = utcnow()
        segments = (
            [] if recorder else self.segments(camera.id, end - timedelta(seconds=seconds), end)
        )
        if recorder is None and not segments:
            raise RecordingError("no_footage", f"camera {camera.id} has no recent footage")
        fd, name = tempfile.mkstemp(prefix=f"replay-{camera.id}-", suffix=".mp4")
        os.close(fd)
        out = Path(name)
        masker = Masker(self._cameras.masker(camera.id).polygons)
        try:
            if recorder is not None:
                if not masker or not self.site.storage.keep_original:
                    return recorder.dump_recent(seconds, out)  # as recorded: masked if need be
                return self._masked_dump(recorder, seconds, out, masker)
            start = max(segments[0].start, end - timedelta(seconds=seconds))
            return export_clip(
                [(s.path, s.start, s.end) for s in segments], start, end, out, masker
            ).path
        except ExportError as exc:
            out.unlink(missing_ok=True)
            raise RecordingError("export_failed", str(exc)) from exc
        except BaseException:
            out.unlink(missing_ok=True)
            raise

    @staticmethod
    def _masked_dump(recorder: Recorder, seconds: float, out: Path, masker: Masker) -> Path:
        """The recorder's last `seconds` (original pictures), re-encoded masked into `out`."""
        fd, name = tempfile.mkstemp(prefix=f"original-{recorder.camera_id}-", suffix=".mp4")
        os.close(fd)
        original = Path(name)
        try:
            recorder.dump_recent(seconds, original)
            # The whole file: any range longer than the recorder's memory will do.
            since = utcnow() - timedelta(days=1)
            until = since + timedelta(days=2)
            return export_clip([(original, since, until)], since, until, out, masker).path
        finally:
            original.unlink(missing_ok=True)

    # -- evidence locks -----------------------------------------------------------------------

    def lock(
        self,
        actor: Actor | str,
        camera_id: str,
        start: datetime,
        end: datetime,
        reason: str,
        ref: str,
    ) -> int:
        """Keep this camera's footage of [start, end] from retention until released.

        `actor` is the person (or, for core services such as footage lending, a name)."""
        who = actor.name if isinstance(actor, Actor) else actor
        with self.db.write() as s:
            return self.add_lock(s, who, camera_id, start, end, reason, ref)

    def add_lock(
        self,
        s: Session,
        who: str,
        camera_id: str,
        start: datetime,
        end: datetime,
        reason: str,
        ref: str,
    ) -> int:
        """`lock` inside the caller's transaction (a loan's approval and its locks commit
        together, or not at all)."""
        self._cameras.camera(camera_id)
        if end <= start:
            raise RecordingError("empty_range", "the locked range's end must be after its start")
        if not reason.strip():
            raise RecordingError("no_reason", "an evidence lock needs a reason")
        row = EvidenceLock(
            camera_id=camera_id,
            start=start,
            end=end,
            reason=reason.strip(),
            ref=ref[:64],
            created_by=who,
        )
        s.add(row)
        s.flush()
        audit.append(
            s,
            actor=who,
            action="evidence.lock",
            subject=camera_id,
            payload={
                "lock": row.id,
                "from": start.isoformat(),
                "to": end.isoformat(),
                "ref": ref,
            },
        )
        return row.id

    def release(self, actor: Actor | str, lock_id: int, *, owner_ref: str | None = None) -> None:
        """Release a lock. A person needs the evidence permission; a core service releasing
        its own lock names its `ref` (footage lending: "loan:12")."""
        with self.db.write() as s:
            self.release_in(s, actor, lock_id, owner_ref=owner_ref)

    def release_in(
        self, s: Session, actor: Actor | str, lock_id: int, *, owner_ref: str | None = None
    ) -> None:
        """`release` inside the caller's transaction."""
        row = s.get(EvidenceLock, lock_id)
        if row is None:
            raise RecordingError("no_lock", f"there is no evidence lock {lock_id}")
        if isinstance(actor, Actor):
            require(actor, Permission.RELEASE_EVIDENCE)
            who = actor.name
        else:
            if owner_ref != row.ref:
                raise RecordingError(
                    "not_owner",
                    f"evidence lock {lock_id} belongs to {row.ref}, not {owner_ref}",
                )
            who = actor
        if row.released_at is not None:
            return
        row.released_at, row.released_by = utcnow(), who
        audit.append(
            s,
            actor=who,
            action="evidence.release",
            subject=row.camera_id,
            payload={"lock": row.id},
        )

    def locks(self, camera_id: str | None = None, *, active: bool = True) -> list[LockRow]:
        with self.db.read() as s:
            query = select(EvidenceLock).order_by(EvidenceLock.id)
            if camera_id is not None:
                query = query.where(EvidenceLock.camera_id == camera_id)
            if active:
                query = query.where(EvidenceLock.released_at.is_(None))
            return [
                LockRow(
                    r.id,
                    r.camera_id,
                    r.start,
                    r.end,
                    r.reason,
                    r.ref,
                    r.created_by,
                    r.created_at,
                    r.released_at,
                )
                for r in s.scalars(query)
            ]

    # -- retention ----------------------------------------------------------------------------

    def apply_retention(self, now: datetime | None = None) -> RetentionReport:
        """Delete segments past retention_days, then the oldest while over quota_gb; never
        a segment under an active evidence lock. Files first, then their index rows."""
        now = now or utcnow()
        with self._retention_lock:
            with self.db.read() as s:
                segs = [
                    SegmentRef(r.id, r.camera_id, r.start, r.end, r.bytes)
                    for r in s.scalars(select(RecordingSegment))
                ]
                paths = {
                    seg_id: path
                    for seg_id, path in s.execute(
                        select(RecordingSegment.id, RecordingSegment.path)
                    )
                }
                locks = [
                    LockRef(r.camera_id, r.start, r.end)
                    for r in s.scalars(
                        select(EvidenceLock).where(EvidenceLock.released_at.is_(None))
                    )
                ]
            plan = plan_retention(
                segs,
                locks,
                now,
                self.site.storage.retention_days,
                int(self.site.storage.quota_gb * 1e9),
            )
            deleted: list[int] = []
            failed: list[str] = []
            freed = 0
            for seg in plan.delete:
                path = self._absolute(paths[seg.id])
                try:
                    path.unlink(missing_ok=True)
                except OSError as exc:
                    failed.append(f"{path}: {exc.strerror or exc}")
                    continue
                deleted.append(seg.id)
                freed += seg.bytes
            if deleted:
                with self.db.write() as s:
                    for chunk in range(0, len(deleted), 500):
                        ids = deleted[chunk : chunk + 500]
                        s.execute(delete(RecordingSegment).where(RecordingSegment.id.in_(ids)))
                    cutoff = now - timedelta(days=self.site.storage.retention_days)
                    s.execute(delete(RecordingGap).where(RecordingGap.end < cutoff))
                    audit.append(
                        s,
                        actor=audit.SYSTEM_ACTOR,
                        action="recording.retention",
                        subject=self.site.site.name,
                        payload={
                            "deleted": len(deleted),
                            "freed_bytes": freed,
                            "spared_locked": len(plan.spared),
                        },
                    )
                self._prune_empty_folders()
        report = RetentionReport(len(deleted), freed, len(plan.spared), plan.bytes_after, failed)
        if deleted or failed:
            log.info(
                "retention: %d segments deleted (%d bytes), %d spared by evidence locks, %d failed",
                report.deleted,
                report.freed_bytes,
                report.spared_locked,
                len(failed),
            )
        return report

    def _prune_empty_folders(self) -> None:
        for folder in sorted(self.root.glob("*/*"), reverse=True):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()

    def _retention_loop(self) -> None:
        wait = RETENTION_FIRST_S  # soon after start: a desk restarted hourly still cleans up
        while not self._stop.wait(wait):
            wait = RETENTION_EVERY_S
            try:
                self.apply_retention()
            except Exception:
                log.exception("retention failed; trying again in an hour")
