"""Video analytics: the areas an admin draws on cameras, the analysis workers, their alarms.

Areas (table `video_areas`, drawn in the analytics pane; `Permission.EDIT_ANALYTICS`):
- *privacy*: a polygon blacked out of the camera's live view, snapshots, playback and exports
  (and of its recordings unless `[storage] keep_original`): the camera's Masker is kept equal
  to its enabled privacy areas;
- *intrusion*, *loitering*, *thrown*: a polygon with a schedule watched by the camera's
  analysis worker; each belongs to one zone of kind "video" on that camera (site file), and
  raises and restores that zone like any other alarm point.

Every camera with `tamper = true` (and every camera with an alarm area) is analysed while the
desk owns the devices (`start()`), on its sub stream at `[analytics] fps`. Tampering (covered,
defocused, turned away) is a trouble of the camera's own source (`camera:ID`, beside its video
loss), restored when the view returns. Each raise carries the analysed picture with the region
drawn and the masks applied, written to the snapshots folder before the event is stored. A
thrown object also locks the recording of the seconds around it (evidence lock).

The normal view each camera is compared with (its tamper reference) is kept on disk, so a
camera turned while no desk ran is still found turned; a supervisor retakes it on demand
(`reset_reference`) after a camera was re-aimed on purpose.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal, cast

from sqlalchemy import select

from console.core import audit
from console.core.alarms import AlarmService, IngestResult
from console.core.auth import Actor, Permission, require
from console.core.cameras import CameraService, camera_source_id
from console.core.changes import note, note_alone
from console.core.events import EventBus
from console.core.exports import ExportError, write_bytes_atomically
from console.core.health import Health, HealthRegistry
from console.core.recordings import RecordingError, RecordingService
from console.core.site import Camera, Site, Zone
from devices.alarms.base import DeviceEvent, EventType
from devices.cameras.analysis import AnalysisWorker
from devices.cameras.analytics import Analyzer, Detection, Rule, Schedule, TamperState
from devices.cameras.masks import Polygon, polygon
from schema.db import Database, DatabaseUnavailable
from schema.models import VideoArea
from schema.types import utcnow

log = logging.getLogger(__name__)

AreaKind = Literal["privacy", "intrusion", "loitering", "thrown"]
AREA_KINDS: tuple[AreaKind, ...] = ("privacy", "intrusion", "loitering", "thrown")
# Defaults per kind: (min_area as a fraction of the picture, min_seconds, loiter_seconds).
DEFAULTS: dict[str, tuple[float, float, float]] = {
    "privacy": (0.0, 0.0, 0.0),
    "intrusion": (0.005, 1.0, 30.0),
    "loitering": (0.005, 1.0, 60.0),
    "thrown": (0.0005, 0.0, 30.0),  # loiter_seconds unused
}
THROWN_LOCK_BEFORE = timedelta(seconds=15)  # the evidence kept around a thrown object
THROWN_LOCK_AFTER = timedelta(seconds=15)
REFERENCE_SAVE_S = 600.0  # a camera's tamper reference is written to disk this often
ANALYTICS_ACTOR = "analytics"  # who the core's own evidence locks are by
TAMPER_TOPIC = "camera.tamper"  # a camera's tamper state, shared with every desk (change feed)

TAMPER_CODE = {
    TamperState.COVERED: "tamper_covered",
    TamperState.DEFOCUSED: "tamper_defocused",
    TamperState.TURNED: "tamper_turned",
}
TAMPER_TEXT = {
    TamperState.COVERED: "镜头遮挡 camera covered",
    TamperState.DEFOCUSED: "画面模糊 camera defocused",
    TamperState.TURNED: "镜头移位 camera turned away",
}
ALARM_TEXT = {
    "intrusion": "区域入侵 area intrusion",
    "loitering": "徘徊滞留 loitering",
    "thrown": "高空抛物 object thrown from height",
}


class AnalyticsError(Exception):
    """An area that cannot be saved, or an action not possible; `code` lets the UI word it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class AreaView:
    id: int
    camera_id: str
    kind: AreaKind
    name: str
    zone_id: str | None
    polygon: Polygon
    schedule: Schedule | None
    min_area: float
    min_seconds: float
    loiter_seconds: float
    enabled: bool
    updated_by: str
    updated_at: datetime

    def rule(self) -> Rule | None:
        """What the analyzer watches for this area (None for a privacy mask)."""
        if self.kind == "privacy":
            return None
        return Rule(
            id=self.id,
            kind=self.kind,
            polygon=self.polygon,
            schedule=self.schedule,
            min_area=self.min_area,
            min_seconds=self.min_seconds,
            loiter_seconds=self.loiter_seconds,
        )


def _area_view(row: VideoArea) -> AreaView:
    schedule = Schedule.from_dict(json.loads(row.schedule)) if row.schedule else None
    return AreaView(
        id=row.id,
        camera_id=row.camera_id,
        kind=cast(AreaKind, row.kind),
        name=row.name,
        zone_id=row.zone_id,
        polygon=polygon(json.loads(row.polygon)),
        schedule=schedule,
        min_area=row.min_area,
        min_seconds=row.min_seconds,
        loiter_seconds=row.loiter_seconds,
        enabled=row.enabled,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
    )


@dataclass(frozen=True)
class AreaDraft:
    """What an admin drew: `save_area` checks it."""

    camera_id: str
    kind: str
    polygon: Any  # [[x, y], ...] fractions
    name: str = ""
    zone_id: str | None = None
    schedule: Schedule | dict[str, Any] | None = None
    min_area: float | None = None
    min_seconds: float | None = None
    loiter_seconds: float | None = None
    enabled: bool = True


class AnalyticsService:
    def __init__(
        self,
        site: Site,
        db: Database,
        bus: EventBus,
        cameras: CameraService,
        alarms: AlarmService,
        recordings: RecordingService,
        health: HealthRegistry,
    ) -> None:
        self.site, self.db, self.bus = site, db, bus
        self._health = health
        self._cameras, self._alarms, self._recordings = cameras, alarms, recordings
        self.settings = site.analytics
        self.references_dir = site.recordings_dir().parent / "analytics"
        self._zones = {z.id: z for z in site.zones}
        self._lock = threading.Lock()
        self._workers: dict[str, AnalysisWorker] = {}
        self._tamper: dict[str, TamperState] = {}
        # cameras another process analyses: their last tamper state it shared
        self._tamper_elsewhere: dict[str, TamperState] = {}
        self._saved_at: dict[str, float] = {}
        self._ingest_lock = threading.Lock()
        self.load_masks()

    # -- areas --------------------------------------------------------------------------------

    def areas(self, camera_id: str | None = None) -> list[AreaView]:
        with self.db.read() as s:
            query = select(VideoArea).order_by(VideoArea.camera_id, VideoArea.id)
            if camera_id is not None:
                query = query.where(VideoArea.camera_id == camera_id)
            return [_area_view(row) for row in s.scalars(query)]

    def area(self, area_id: int) -> AreaView:
        with self.db.read() as s:
            row = s.get(VideoArea, area_id)
            if row is None:
                raise AnalyticsError("no_area", f"there is no area {area_id}")
            return _area_view(row)

    def video_zones(self, camera_id: str | None = None) -> list[Zone]:
        """The site's zones of kind "video" (on this camera): what an alarm area raises."""
        return [
            z
            for z in self.site.zones
            if z.kind == "video" and (camera_id is None or z.camera == camera_id)
        ]

    def save_area(self, actor: Actor, draft: AreaDraft, area_id: int | None = None) -> AreaView:
        """Add an area, or replace area `area_id` with the draft. Raises AnalyticsError."""
        require(actor, Permission.EDIT_ANALYTICS)
        values = self._checked(draft)
        with self.db.write() as s:
            self._zone_free(s, draft.zone_id, area_id)
            if area_id is None:
                row = VideoArea(**values, updated_by=actor.name, updated_at=utcnow())
                s.add(row)
            else:
                found = s.get(VideoArea, area_id)
                if found is None:
                    raise AnalyticsError("no_area", f"there is no area {area_id}")
                row = found
                for key, value in values.items():
                    setattr(row, key, value)
                row.updated_by, row.updated_at = actor.name, utcnow()
            s.flush()
            view = _area_view(row)
            audit.append(
                s,
                actor=actor.name,
                action="analytics.area.save",
                subject=draft.camera_id,
                payload={"area": row.id, **{k: v for k, v in values.items() if k != "camera_id"}},
            )
            note(s, "analytics.changed", camera_id=view.camera_id)
        self._changed(view.camera_id)
        return view

    def delete_area(self, actor: Actor, area_id: int) -> None:
        require(actor, Permission.EDIT_ANALYTICS)
        with self.db.write() as s:
            row = s.get(VideoArea, area_id)
            if row is None:
                raise AnalyticsError("no_area", f"there is no area {area_id}")
            camera_id = row.camera_id
            s.delete(row)
            audit.append(
                s,
                actor=actor.name,
                action="analytics.area.delete",
                subject=camera_id,
                payload={"area": area_id, "kind": row.kind, "name": row.name},
            )
            note(s, "analytics.changed", camera_id=camera_id)
        self._changed(camera_id)

    def _checked(self, draft: AreaDraft) -> dict[str, Any]:
        try:
            camera = self._cameras.camera(draft.camera_id)
        except KeyError as exc:
            raise AnalyticsError("no_camera", str(exc.args[0])) from None
        if draft.kind not in AREA_KINDS:
            raise AnalyticsError(
                "bad_kind", f"unknown area kind {draft.kind!r} (expected {', '.join(AREA_KINDS)})"
            )
        try:
            poly = polygon(draft.polygon)
        except (ValueError, TypeError) as exc:
            raise AnalyticsError("bad_polygon", f"the area's outline: {exc}") from None
        zone = self._zone_for(draft, camera)
        schedule = self._schedule(draft)
        min_area, min_seconds, loiter = self._numbers(draft)
        name = draft.name.strip() or (zone.name if zone else f"{camera.name} 隐私遮挡")
        return {
            "camera_id": camera.id,
            "kind": draft.kind,
            "name": name[:128],
            "zone_id": zone.id if zone else None,
            "polygon": json.dumps([list(p) for p in poly]),
            "schedule": json.dumps(schedule.to_dict()) if schedule else None,
            "min_area": min_area,
            "min_seconds": min_seconds,
            "loiter_seconds": loiter,
            "enabled": draft.enabled,
        }

    def _zone_for(self, draft: AreaDraft, camera: Camera) -> Zone | None:
        if draft.kind == "privacy":
            if draft.zone_id:
                raise AnalyticsError("zone_on_mask", "a privacy mask raises no alarm: no zone")
            return None
        if not draft.zone_id:
            choices = ", ".join(z.id for z in self.video_zones(camera.id)) or "none in the site"
            raise AnalyticsError(
                "no_zone", f"an alarm area needs a video zone of camera {camera.id} ({choices})"
            )
        zone = self._zones.get(draft.zone_id)
        if zone is None or zone.kind != "video":
            raise AnalyticsError(
                "not_video_zone", f"{draft.zone_id!r} is not a zone of kind video in the site"
            )
        if zone.camera != camera.id:
            raise AnalyticsError(
                "zone_camera", f"zone {zone.id} is on camera {zone.camera}, not {camera.id}"
            )
        return zone

    def _zone_free(self, s: Any, zone_id: str | None, area_id: int | None) -> None:
        if zone_id is None:
            return
        other = s.scalar(select(VideoArea.id).where(VideoArea.zone_id == zone_id))
        if other is not None and other != area_id:
            raise AnalyticsError("zone_taken", f"zone {zone_id} already has area {other}")

    def _schedule(self, draft: AreaDraft) -> Schedule | None:
        if draft.kind == "privacy" or draft.schedule is None:
            return None
        data = draft.schedule
        try:
            # A Schedule goes through its stored form too: what is saved must read back.
            return Schedule.from_dict(data.to_dict() if isinstance(data, Schedule) else data)
        except (ValueError, TypeError, KeyError) as exc:
            raise AnalyticsError("bad_schedule", f"the schedule: {exc}") from None

    def _numbers(self, draft: AreaDraft) -> tuple[float, float, float]:
        area, seconds, loiter = DEFAULTS[draft.kind]
        if draft.kind == "privacy":
            return area, seconds, loiter
        values = (
            draft.min_area if draft.min_area is not None else area,
            draft.min_seconds if draft.min_seconds is not None else seconds,
            draft.loiter_seconds if draft.loiter_seconds is not None else loiter,
        )
        limits = (
            ("min_area", 0.0001, 0.5),
            ("min_seconds", 0.0, 60.0),
            ("loiter_seconds", 5.0, 3600.0),
        )
        for value, (key, low, high) in zip(values, limits, strict=True):
            if not low <= value <= high:
                raise AnalyticsError("bad_value", f"{key} must be {low:g}..{high:g}, got {value:g}")
        return values

    def load_masks(self) -> None:
        """Set every camera's privacy masks from its enabled privacy areas."""
        areas = self.areas()
        for camera in self.site.cameras:
            self._cameras.masker(camera.id).set(
                a.polygon
                for a in areas
                if a.camera_id == camera.id and a.kind == "privacy" and a.enabled
            )

    def changed_elsewhere(self, camera_id: str) -> None:
        """Another desk saved or deleted an area of the camera: apply it here too (the masks
        of this desk's live views, recordings and exports; the rules of its analysis)."""
        if camera_id in {c.id for c in self.site.cameras}:
            self._changed(camera_id)

    def _changed(self, camera_id: str) -> None:
        """Apply the camera's committed areas here: its privacy masks and its worker's rules
        ("analytics.changed" was noted in the change's transaction)."""
        areas = self.areas(camera_id)
        self._cameras.masker(camera_id).set(
            a.polygon for a in areas if a.kind == "privacy" and a.enabled
        )
        with self._lock:
            worker = self._workers.get(camera_id)
        if worker is not None:
            worker.set_rules(self._rules(areas))
        elif self._running and self._wanted(self._cameras.camera(camera_id), areas):
            self._start_worker(self._cameras.camera(camera_id), areas)

    # -- running ------------------------------------------------------------------------------

    _running = False

    @staticmethod
    def _rules(areas: list[AreaView]) -> list[Rule]:
        return [r for a in areas if a.enabled and (r := a.rule()) is not None]

    def _wanted(self, camera: Camera, areas: list[AreaView]) -> bool:
        return self.settings.enabled and (camera.tamper or bool(self._rules(areas)))

    def analysed_cameras(self) -> list[str]:
        with self._lock:
            return list(self._workers)

    def start(self) -> None:
        """Analyse every camera that is watched for tampering or has alarm areas."""
        self._running = True
        self.references_dir.mkdir(parents=True, exist_ok=True)
        for source in self.site.alarm_sources:
            if source.kind == "video":
                state = Health.OK if self.settings.enabled else Health.FAULT
                detail = "" if self.settings.enabled else "[analytics] enabled = false"
                self._health.report("alarm_source", source.id, state, detail)
        areas = self.areas()
        for camera in self.site.cameras:
            mine = [a for a in areas if a.camera_id == camera.id]
            if self._wanted(camera, mine):
                self._start_worker(camera, mine)
                if camera.tamper:
                    # a new analysis knows of no tampering yet: a badge another desk kept from
                    # an analysis that died with the camera covered is cleared
                    self._share_tamper(camera.id, TamperState.OK)

    def _start_worker(self, camera: Camera, areas: list[AreaView]) -> None:
        analyzer = Analyzer(
            self._rules(areas),
            tamper=camera.tamper,
            width=self.settings.width,
            tz=self.site.tz(),
            reference=self._load_reference(camera.id),
        )
        worker = AnalysisWorker(
            camera.id,
            camera.sub or camera.main,
            analyzer,
            on_detections=functools.partial(self._handle, camera),
            fps=self.settings.fps,
            on_analysed=functools.partial(self._maybe_save_reference, camera.id),
        )
        with self._lock:
            if camera.id in self._workers:
                return
            self._workers[camera.id] = worker
        worker.start()
        log.info(
            "analysing camera %s (%s) at %g fps", camera.id, worker.url_label, self.settings.fps
        )

    def stop(self) -> None:
        self._running = False
        with self._lock:
            workers, self._workers = dict(self._workers), {}
            tampered, self._tamper = self._tamper, {}
        for camera_id, worker in workers.items():
            worker.stop()
            self._save_reference(camera_id, worker)
        for camera_id, state in tampered.items():
            if state is not TamperState.OK:  # no longer watched: no badge that nobody updates
                self._share_tamper(camera_id, TamperState.OK)

    def worker(self, camera_id: str) -> AnalysisWorker | None:
        with self._lock:
            return self._workers.get(camera_id)

    def tamper_state(self, camera_id: str) -> TamperState | None:
        """The camera's tamper state while it is analysed, here or by the process that runs
        the video analysis (as it last shared it); None when nobody has said."""
        with self._lock:
            if camera_id in self._workers:
                return self._tamper.get(camera_id, TamperState.OK)
            return self._tamper_elsewhere.get(camera_id)

    def tamper_elsewhere(self, camera_id: str, value: str) -> None:
        """Another process analysing the camera shared its tamper state (the change feed)."""
        if camera_id not in {c.id for c in self.site.cameras}:
            log.warning("tamper state of unknown camera %r ignored", camera_id)
            return
        try:
            state = TamperState(value)
        except ValueError:
            log.warning("camera %s: unknown tamper state %r ignored", camera_id, value)
            return
        with self._lock:
            self._tamper_elsewhere[camera_id] = state

    def _share_tamper(self, camera_id: str, state: TamperState) -> None:
        """Publish the state here and, through the change feed, on every other desk."""
        try:
            note_alone(self.db, TAMPER_TOPIC, camera_id=camera_id, state=state.value)
        except DatabaseUnavailable:
            log.info("tamper state of camera %s not shared: the database is unreachable", camera_id)
            self.bus.publish(TAMPER_TOPIC, camera_id=camera_id, state=state.value)

    def reset_reference(self, actor: Actor, camera_id: str) -> None:
        """Take the camera's present view as its normal one (after it was re-aimed)."""
        require(actor, Permission.RESET_VIEW)
        camera = self._cameras.camera(camera_id)
        worker = self.worker(camera.id)
        if worker is None:
            raise AnalyticsError("not_analysed", f"camera {camera.id} is not being analysed")
        worker.reset_reference()
        with self._lock:
            self._saved_at.pop(camera.id, None)  # written again once retaken
        with self.db.write() as s:
            audit.append(s, actor=actor.name, action="analytics.reference.reset", subject=camera.id)

    # -- the tamper reference on disk ---------------------------------------------------------

    def reference_path(self, camera_id: str) -> Path:
        return self.references_dir / f"{camera_id}-reference.png"

    def _load_reference(self, camera_id: str) -> Any:
        import cv2

        path = self.reference_path(camera_id)
        if not path.is_file():
            return None
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        if image is None:
            log.warning("tamper reference %s is unreadable; a new one is taken", path)
        return image

    def _maybe_save_reference(self, camera_id: str) -> None:
        """After each analysed picture (worker thread): write the reference when it is new
        or REFERENCE_SAVE_S old."""
        now = time.monotonic()
        with self._lock:
            last = self._saved_at.get(camera_id)
            worker = self._workers.get(camera_id)
        if worker is None or (last is not None and now - last < REFERENCE_SAVE_S):
            return
        if self._save_reference(camera_id, worker):
            with self._lock:
                self._saved_at[camera_id] = now

    def _save_reference(self, camera_id: str, worker: AnalysisWorker) -> bool:
        import cv2

        reference = worker.analyzer.reference()
        if reference is None:
            return False
        ok, data = cv2.imencode(".png", reference)
        if not ok:
            return False
        try:
            write_bytes_atomically(self.reference_path(camera_id), data.tobytes())
        except (OSError, ExportError):
            log.exception("cannot write the tamper reference of camera %s", camera_id)
            return False
        return True

    # -- detections -> events -----------------------------------------------------------------

    def _handle(self, camera: Camera, found: list[Detection]) -> None:
        """Store what the analyzer found (worker thread): snapshot file, event, evidence lock."""
        for detection in found:
            try:
                self._store(camera, detection)
            except Exception:
                log.exception(
                    "could not store a %s detection of camera %s", detection.kind, camera.id
                )

    def _store(self, camera: Camera, d: Detection) -> None:
        snapshot = self._write_snapshot(camera, d) if d.raised and d.snapshot is not None else None
        event = self._event(camera, d, snapshot)
        if event is None:
            return
        with self._ingest_lock:
            result = self._alarms.ingest(event)
        if d.kind == "tamper":
            self._set_tamper(camera, d)
        elif d.kind == "thrown" and d.raised:
            self._lock_evidence(camera, d, result)

    def _event(self, camera: Camera, d: Detection, snapshot: str | None) -> DeviceEvent | None:
        detail = f": {d.detail}" if d.detail else ""
        if d.kind == "tamper":
            state = d.tamper or TamperState.COVERED
            return DeviceEvent(
                source_id=camera_source_id(camera.id),
                type=EventType.TROUBLE if d.raised else EventType.TROUBLE_RESTORE,
                point=None,
                code=TAMPER_CODE.get(state, "tamper"),
                text=(TAMPER_TEXT.get(state, "tamper") if d.raised else "画面恢复 view restored")
                + detail,
                kind_hint="tamper",
                label=camera.name,
                device_time=d.wall,
                snapshot=snapshot,
            )
        zone = self._zone_of_rule(d.rule_id)
        if zone is None:
            log.warning(
                "camera %s: %s from area %s, which has no zone", camera.id, d.kind, d.rule_id
            )
            return None
        return DeviceEvent(
            source_id=zone.source,
            type=EventType.ALARM if d.raised else EventType.RESTORE,
            point=zone.point,
            code=d.kind,
            text=(ALARM_TEXT.get(d.kind, d.kind) if d.raised else "区域恢复 area clear") + detail,
            label=zone.name,
            device_time=d.wall,
            snapshot=snapshot,
        )

    def _zone_of_rule(self, area_id: int | None) -> Zone | None:
        if area_id is None:
            return None
        with self.db.read() as s:
            zone_id = s.scalar(select(VideoArea.zone_id).where(VideoArea.id == area_id))
        return self._zones.get(zone_id) if zone_id else None

    def _set_tamper(self, camera: Camera, d: Detection) -> None:
        state = (d.tamper or TamperState.COVERED) if d.raised else TamperState.OK
        with self._lock:
            self._tamper[camera.id] = state
        self._share_tamper(camera.id, state)

    def _write_snapshot(self, camera: Camera, d: Detection) -> str | None:
        import cv2

        image = self._cameras.masker(camera.id).apply(d.snapshot.copy())  # type: ignore[union-attr]
        ok, data = cv2.imencode(".png", image)
        if not ok:
            log.error("camera %s: could not encode the %s snapshot", camera.id, d.kind)
            return None
        folder = self._cameras.snapshot_path(camera.id, d.wall).parent
        stem = f"{d.wall.astimezone(self.site.tz()):%H%M%S}-{d.kind}"
        path, n = folder / f"{stem}.png", 1
        while path.exists():
            path, n = folder / f"{stem}-{n}.png", n + 1
        write_bytes_atomically(path, data.tobytes())
        return path.relative_to(self._cameras.snapshots_dir).as_posix()

    def _lock_evidence(self, camera: Camera, d: Detection, result: IngestResult) -> None:
        if not camera.record:
            log.warning(
                "camera %s is not recorded: no clip of the thrown object to keep", camera.id
            )
            return
        try:
            self._recordings.lock(
                ANALYTICS_ACTOR,
                camera.id,
                d.wall - THROWN_LOCK_BEFORE,
                d.wall + THROWN_LOCK_AFTER,
                "高空抛物 thrown object",
                f"alarm:{result.alarm_id}",
            )
        except RecordingError:
            log.exception("camera %s: could not lock the thrown-object clip", camera.id)
