"""Cameras as the desk knows them: live views for the wall, each camera's state, video loss.

A view is one capture worker (devices.cameras.capture) for one tile: the sub stream for a
small tile, the main stream when enlarged. Every worker of a camera (views and its recorder)
reports here; the camera is live while any of them has frames and offline (信号丢失) when
those running have none. Going offline raises one video-loss fault in the alarm queue, coming
back restores it, and both reach the health registry and the bus ("camera.status").
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from console.core import audit
from console.core.alarms import AlarmService
from console.core.auth import Actor
from console.core.events import EventBus
from console.core.health import Health, HealthRegistry
from console.core.site import Camera, Site
from devices.alarms.base import DeviceEvent, EventType
from devices.cameras.base import Frame, FrameReady, StatusChanged, StreamState, StreamStatus
from devices.cameras.capture import CaptureWorker, open_capture
from devices.cameras.masks import Masker
from schema.db import Database
from schema.types import utcnow

log = logging.getLogger(__name__)

Profile = Literal["sub", "main"]
VIDEO_LOSS_CODE = "video_loss"


def camera_source_id(camera_id: str) -> str:
    """The alarm queue's source id for a camera's own faults (video loss)."""
    return f"camera:{camera_id}"


@dataclass(frozen=True)
class CameraState:
    camera_id: str
    state: StreamState
    since: datetime
    detail: str = ""


class View:
    """One live stream of one camera for one tile. Close it when the tile lets go."""

    def __init__(
        self,
        service: CameraService,
        camera: Camera,
        profile: Profile,
        worker: CaptureWorker,
        key: str,
    ) -> None:
        self._service, self.camera, self.profile = service, camera, profile
        self._worker, self._key = worker, key
        self._closed = False

    @property
    def camera_id(self) -> str:
        return self.camera.id

    @property
    def url_label(self) -> str:
        return self._worker.url_label

    def take(self) -> Frame | None:
        """The newest frame not yet taken (decoded and scaled on the worker), or None."""
        return self._worker.take()

    def set_size(self, width: int, height: int) -> None:
        self._worker.set_size(width, height)

    def status(self) -> StreamStatus:
        return self._worker.status()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._worker.stop()
        self._service._forget(self.camera.id, self._key)


class CameraService:
    def __init__(
        self,
        site: Site,
        db: Database,
        bus: EventBus,
        health: HealthRegistry,
        alarms: AlarmService,
        snapshots_dir: Path,
    ) -> None:
        self.site, self.db, self.bus = site, db, bus
        self._health, self._alarms = health, alarms
        self.snapshots_dir = snapshots_dir
        self._by_id = {c.id: c for c in site.cameras}
        self._lock = threading.Lock()
        self._streams: dict[str, dict[str, StreamStatus]] = {c.id: {} for c in site.cameras}
        self._state: dict[str, CameraState] = {}
        self._views: dict[str, View] = {}
        self._serial = itertools.count(1)
        # Privacy masks per camera (kept up to date by the analytics service from the drawn
        # areas); every live view, recording, export and playback of the camera applies them.
        self._masks = {c.id: Masker() for c in site.cameras}
        # Video-loss events are stored one at a time (a camera's views and recorder all report).
        self._ingest_lock = threading.Lock()
        # Cameras another process records: that process raises their video loss (its recorder
        # sees the loss too), so desks watching the same camera do not raise it once each,
        # as long as the recorder's owner still runs (asked at each loss and return).
        self._loss_raised_elsewhere: frozenset[str] = frozenset()
        self._recorder_runs_elsewhere: Callable[[str], bool] = lambda camera_id: False

    # -- the site's cameras -------------------------------------------------------------------

    @property
    def cameras(self) -> list[Camera]:
        return list(self.site.cameras)

    def camera(self, camera_id: str) -> Camera:
        try:
            return self._by_id[camera_id]
        except KeyError:
            raise KeyError(f"no camera {camera_id!r} in {self.site.path.name}") from None

    def has_sub(self, camera_id: str) -> bool:
        return self.camera(camera_id).sub is not None

    def masker(self, camera_id: str) -> Masker:
        """The camera's privacy masks (one shared object: changes reach running workers)."""
        self.camera(camera_id)
        return self._masks[camera_id]

    # -- live views ---------------------------------------------------------------------------

    def open_view(
        self,
        camera_id: str,
        profile: Profile,
        size: tuple[int, int],
        on_frame: FrameReady,
        on_status: StatusChanged,
    ) -> View:
        """Start a capture worker for a tile; `profile` "sub" falls back to main without one.

        on_frame and on_status are called on the worker thread (the UI relays them as
        queued signals)."""
        camera = self.camera(camera_id)
        actual: Profile = "sub" if profile == "sub" and camera.sub else "main"
        url = camera.sub if actual == "sub" and camera.sub else camera.main
        key = f"view-{next(self._serial)}"

        def status(st: StreamStatus) -> None:
            self.report(camera_id, key, st)
            on_status(st)

        worker = open_capture(
            url,
            name=f"{camera_id}/{actual}",
            size=size,
            on_frame=on_frame,
            on_status=status,
            masker=self._masks[camera_id],
        )
        view = View(self, camera, actual, worker, key)
        with self._lock:
            self._views[key] = view
        worker.start()
        return view

    def close(self) -> None:
        """Stop every live view (the window is closing)."""
        with self._lock:
            views = list(self._views.values())
        for view in views:
            view.close()

    def _forget(self, camera_id: str, key: str) -> None:
        with self._lock:
            self._views.pop(key, None)
            self._streams[camera_id].pop(key, None)

    def raise_loss_elsewhere(
        self,
        camera_ids: set[str] | frozenset[str],
        recorder_runs_elsewhere: Callable[[str], bool] = lambda camera_id: True,
    ) -> None:
        """The cameras whose video loss another process (their recorder's owner) raises; this
        desk still shows them offline, but stores no video-loss fault or restore for them
        while `recorder_runs_elsewhere(camera_id)` says that owner still runs. Once it has
        gone, the loss (or the return) is stored here: nobody else would."""
        unknown = set(camera_ids) - set(self._by_id)
        if unknown:
            raise KeyError(f"no camera {sorted(unknown)[0]!r} in {self.site.path.name}")
        with self._lock:
            self._loss_raised_elsewhere = frozenset(camera_ids)
            self._recorder_runs_elsewhere = recorder_runs_elsewhere

    # -- state --------------------------------------------------------------------------------

    def report(self, camera_id: str, key: str, status: StreamStatus) -> None:
        """A worker of this camera (a view, or the recorder as key "recorder") reports."""
        with self._lock:
            streams = self._streams[camera_id]
            if status.state is StreamState.STOPPED:
                streams.pop(key, None)
            else:
                streams[key] = status
            new = self._combine(camera_id, streams)
            old = self._state.get(camera_id)
            if new is None or (old is not None and old.state is new.state):
                return
            self._state[camera_id] = new
        self._changed(old, new)

    @staticmethod
    def _combine(camera_id: str, streams: dict[str, StreamStatus]) -> CameraState | None:
        if not streams:
            return None
        live = [s for s in streams.values() if s.state is StreamState.LIVE]
        if live:
            return CameraState(camera_id, StreamState.LIVE, min(s.since for s in live))
        offline = [s for s in streams.values() if s.state is StreamState.OFFLINE]
        if offline:
            first = min(offline, key=lambda s: s.since)
            return CameraState(camera_id, StreamState.OFFLINE, first.since, first.detail)
        return CameraState(camera_id, StreamState.CONNECTING, utcnow())

    def _changed(self, old: CameraState | None, new: CameraState) -> None:
        camera = self._by_id[new.camera_id]
        if new.state is StreamState.LIVE:
            self._health.report("camera", camera.id, Health.OK)
        elif new.state is StreamState.OFFLINE:
            self._health.report("camera", camera.id, Health.FAULT, new.detail or "video loss")
        self.bus.publish(
            "camera.status",
            camera_id=camera.id,
            state=new.state.value,
            since=new.since,
            detail=new.detail,
        )
        if new.state is StreamState.OFFLINE:
            self._video_event(camera, EventType.COMM_FAULT, new)
        elif new.state is StreamState.LIVE and old is not None:
            if old.state is StreamState.OFFLINE:
                self._video_event(camera, EventType.COMM_RESTORE, new)

    def _video_event(self, camera: Camera, type_: EventType, state: CameraState) -> None:
        lost = type_ is EventType.COMM_FAULT
        with self._lock:
            deferred = camera.id in self._loss_raised_elsewhere
            runs_elsewhere = self._recorder_runs_elsewhere
        if deferred:
            if runs_elsewhere(camera.id):  # a lock probe: this is a worker thread
                log.info(
                    "camera %s %s here; its recorder's owner raises the video loss",
                    camera.id,
                    "lost" if lost else "back",
                )
                return
            log.warning(
                "camera %s %s and its recorder's owner is gone: stored here",
                camera.id,
                "lost" if lost else "back",
            )
        text = f"信号丢失 video loss since {state.since:%H:%M:%S} UTC" if lost else "信号恢复"
        if state.detail and lost:
            text += f": {state.detail}"
        event = DeviceEvent(
            source_id=camera_source_id(camera.id),
            type=type_,
            point=None,
            code=VIDEO_LOSS_CODE,
            text=text,
            kind_hint="fault",
            label=camera.name,
        )
        try:
            with self._ingest_lock:
                self._alarms.ingest(event)
        except Exception:
            log.exception("could not store the video-loss event of camera %s", camera.id)

    def state(self, camera_id: str) -> CameraState | None:
        """The camera's state as its running workers report it; None while none runs."""
        with self._lock:
            return self._state.get(camera_id)

    def offline(self) -> list[CameraState]:
        """Cameras that are offline now (for the status bar and the handover)."""
        with self._lock:
            return [s for s in self._state.values() if s.state is StreamState.OFFLINE]

    # -- snapshots ----------------------------------------------------------------------------

    def snapshot_path(self, camera_id: str, at: datetime) -> Path:
        """Where a snapshot of this camera taken at `at` goes (its folder is created)."""
        self.camera(camera_id)
        local = at.astimezone(self.site.tz())
        folder = self.snapshots_dir / camera_id / f"{local:%Y-%m-%d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{local:%H%M%S}.png"
        n = 1
        while path.exists():
            path = folder / f"{local:%H%M%S}-{n}.png"
            n += 1
        return path

    def record_snapshot(self, actor: Actor, camera_id: str, path: Path, taken_at: datetime) -> None:
        """Log a snapshot the wall saved (the audit chain keeps who, which camera, when, where)."""
        self.camera(camera_id)
        with self.db.write() as s:
            audit.append(
                s,
                actor=actor.name,
                action="camera.snapshot",
                subject=camera_id,
                payload={"path": str(path), "taken_at": taken_at.isoformat()},
            )
        self.bus.publish("camera.snapshot", camera_id=camera_id, path=str(path))
