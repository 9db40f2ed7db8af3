"""Capture workers: one thread per stream that decodes, scales and hands over the newest frame.

`open_capture()` picks the worker for an address: PyAV for `rtsp://`, `rtsps://` and file paths
(a file plays at its own rate and loops, so it behaves like a camera), SimCapture for `sim:NAME`.

States: CONNECTING until the first frame, then LIVE; no frame for OFFLINE_AFTER_S makes it
OFFLINE (its `since` is the last frame's time). A failed open or read closes the stream and
retries after Backoff() delays; the next frame makes it LIVE again. A short outage that heals
before OFFLINE_AFTER_S stays LIVE, so a tile does not flash "signal lost" for a hiccup.
Every wait is on the stop Event; a blocking open or read is bounded by the 2 s timeouts, so
stop() returns within about that.
"""

from __future__ import annotations

import logging
import math
import threading
import time
import traceback
from collections import deque
from datetime import UTC, datetime
from typing import Any

import cv2
import numpy as np

from devices.cameras.base import (
    OFFLINE_AFTER_S,
    OPEN_TIMEOUT_S,
    READ_TIMEOUT_S,
    Backoff,
    Frame,
    FrameReady,
    StatusChanged,
    StreamState,
    StreamStatus,
    scrub,
    url_label,
)
from devices.cameras.masks import Masker
from devices.cameras.sim import SIM_FPS, SIM_MAIN_SIZE, SIM_SUB_SIZE, parse_sim_url, render

PIXEL_FORMAT = "bgra"  # Frame.image: (height, width, 4), bytes B, G, R, 255

log = logging.getLogger(__name__)

FPS_WINDOW_S = 2.0  # fps is measured over this many seconds
STATS_EVERY_S = 1.0  # while LIVE, on_status gets fresh stats this often
# RTSP over TCP: no losses or reordering to wait for, and it passes NAT and firewalls.
# "fflags=nobuffer" is left out on purpose: it throws away the packets read while probing, so
# the first picture waits for the next keyframe (up to a GOP later) instead of coming at once.
RTSP_OPTIONS = {"rtsp_transport": "tcp", "allowed_media_types": "video"}


def fit_inside(source: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The largest even size inside `box` with the source's aspect ratio, never above source."""
    sw, sh = source
    bw, bh = box
    scale = min(bw / sw, bh / sh, 1.0)
    return max(2, int(sw * scale) // 2 * 2), max(2, int(sh * scale) // 2 * 2)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _tile_size(width: int, height: int) -> tuple[int, int]:
    # A hidden or collapsed tile reports 0x0; give it a token picture rather than an error.
    return max(2, int(width)), max(2, int(height))


class _StreamEnded(Exception):
    """The session ended without an error from the library; the message says why."""


class CaptureWorker:
    """One stream on its own thread. Subclasses implement `_session()`."""

    def __init__(
        self,
        url: str,
        *,
        name: str,
        size: tuple[int, int],
        on_frame: FrameReady,
        on_status: StatusChanged,
        max_fps: float | None = None,
        masker: Masker | None = None,
    ) -> None:
        self.name = name
        # At most this many frames a second are scaled and handed over (the rest are decoded,
        # as the codec needs them, and dropped): video analysis wants 5, not the camera's 25.
        self._min_gap = 1.0 / max_fps if max_fps else 0.0
        self._next_due = 0.0  # monotonic: the next frame to hand over is due then
        self._masker = masker  # privacy masks, blacked out of every frame handed over
        self.url_label = url_label(url)
        self._url = url
        self._on_frame = on_frame
        self._on_status = on_status
        self._lock = threading.Lock()  # guards the fields below that status()/take() read
        # Held while a status is built and handed out, so on_status never sees them reordered
        # (a LIVE from the worker after the STOPPED from stop()). Re-entrant: a callback may
        # call status() or stop().
        self._emit_lock = threading.RLock()
        self._stop_event = threading.Event()
        self._thread: threading.Thread | None = None
        self._size = _tile_size(*size)
        self._latest: Frame | None = None
        self._state = StreamState.CONNECTING
        self._stopping = False
        self._since = _utcnow()
        self._started_mono = time.monotonic()
        self._last_error = ""
        self._frames = 0
        self._dropped = 0
        self._reconnects = 0
        self._source = (0, 0)
        self._frame_times: deque[float] = deque()
        self._last_frame_mono: float | None = None
        self._last_frame_wall: datetime | None = None
        self._last_stats = 0.0
        # Worker-thread only: reconnection bookkeeping.
        self._backoff = Backoff()
        self._session_fresh = True
        self._after_failure = False
        self._prepare()

    def _prepare(self) -> None:
        """What a kind of source sets up from its address (the end of __init__)."""

    # --- the API for viewers -------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None or self._stopping:
            raise RuntimeError(f"capture {self.name} was already started")
        with self._lock:
            self._since = _utcnow()
            self._started_mono = time.monotonic()
        self._thread = threading.Thread(target=self._main, name=f"capture-{self.name}", daemon=True)
        self._emit()  # CONNECTING first: the thread may be LIVE at once
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        """Stop the thread; idempotent. The status ends STOPPED even if the join timed out."""
        with self._lock:
            if self._stopping:
                return
            self._stopping = True
        self._stop_event.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("%s: capture thread still busy after %.1f s", self.url_label, timeout)
        with self._emit_lock:
            with self._lock:
                self._state = StreamState.STOPPED
                self._since = _utcnow()
            self._emit_now()

    def set_size(self, width: int, height: int) -> None:
        """The viewer's tile size; frames are scaled to fit inside it from the next one on.

        Sizes below 2x2 (a hidden tile) are taken as 2x2.
        """
        size = _tile_size(width, height)
        with self._lock:
            self._size = size

    def take(self) -> Frame | None:
        """The newest frame not taken yet, else None."""
        with self._lock:
            frame, self._latest = self._latest, None
        return frame

    def status(self) -> StreamStatus:
        with self._lock:
            return self._status_locked()

    # --- for subclasses --------------------------------------------------------------------

    def _session(self) -> None:
        """Open the source and deliver frames until stopped; raise when it fails or ends."""
        raise NotImplementedError

    def _stopped(self) -> bool:
        return self._stop_event.is_set()

    def _requested_size(self) -> tuple[int, int]:
        with self._lock:
            return self._size

    def _wanted(self) -> bool:
        """Whether the next decoded picture is to be handed over (max_fps); call once per
        picture, before scaling it."""
        if not self._min_gap:
            return True
        now = time.monotonic()
        if now < self._next_due:
            return False
        # Due times step by the gap (not from now), so 25 fps in gives 5 fps out, not 4.2.
        self._next_due = max(self._next_due + self._min_gap, now - self._min_gap)
        return True

    def _deliver(self, image: np.ndarray, source: tuple[int, int]) -> None:
        """Store a decoded picture as the newest frame and tell the viewer."""
        if self._masker is not None:
            self._masker.apply(image)
        now_mono = time.monotonic()
        now_wall = _utcnow()
        first_of_session = self._session_fresh
        if first_of_session:
            self._session_fresh = False
            self._backoff.reset()
            # A blocking open may have run past the deadline: record the outage first.
            self._check_offline()
        height, width = image.shape[:2]
        went_live = False
        with self._lock:
            if self._stopping:
                return
            self._frames += 1
            frame = Frame(
                image=image,
                width=width,
                height=height,
                source_width=source[0],
                source_height=source[1],
                wall=now_wall,
                decoded_mono=now_mono,
                seq=self._frames,
            )
            if self._latest is not None:
                self._dropped += 1
            self._latest = frame
            self._source = source
            self._last_frame_mono, self._last_frame_wall = now_mono, now_wall
            self._frame_times.append(now_mono)
            while now_mono - self._frame_times[0] > FPS_WINDOW_S:
                self._frame_times.popleft()
            if first_of_session and self._after_failure:
                self._reconnects += 1
            if self._state is not StreamState.LIVE:
                went_live = True
                self._state, self._since = StreamState.LIVE, now_wall
            if first_of_session:
                self._last_error = ""
        self._call_on_frame()
        if went_live:
            log.info("%s: live", self.url_label)
        if went_live or now_mono - self._last_stats >= STATS_EVERY_S:
            self._last_stats = now_mono
            self._emit()

    # --- the worker thread -----------------------------------------------------------------

    def _main(self) -> None:
        first = True
        while not self._stopped():
            self._session_fresh = True
            self._after_failure = not first
            first = False
            try:
                self._session()
                if self._stopped():
                    break
                reason = "the stream ended"
            except _StreamEnded as exc:
                reason = str(exc)
            except Exception as exc:  # noqa: BLE001 - logged below; the thread must survive
                reason = self._describe(exc)
                if not _expected(exc):
                    # Not log.exception: the traceback's messages could hold the password.
                    log.error(  # noqa: TRY400
                        "%s: unexpected error in capture:\n%s",
                        self.url_label,
                        scrub(traceback.format_exc()),
                    )
            if self._stopped():
                break
            self._failed(reason)
            self._pause(self._backoff.next())

    def _describe(self, exc: BaseException) -> str:
        """What went wrong, in words for an operator, without credentials."""
        import av

        if isinstance(exc, av.error.ExitError):  # PyAV's timeout interrupts the call
            return f"no answer within {max(OPEN_TIMEOUT_S, READ_TIMEOUT_S):g} s"
        strerror = getattr(exc, "strerror", None)  # OSError and every av.FFmpegError
        if isinstance(strerror, str) and strerror:
            # The library's str() appends the address, credentials included.
            return scrub(strerror)
        return scrub(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)

    def _failed(self, reason: str) -> None:
        with self._lock:
            changed = reason != self._last_error
            self._last_error = reason
            state = self._state
        if changed:
            log.warning("%s: %s", self.url_label, reason)
        else:
            log.debug("%s: %s (again)", self.url_label, reason)
        if changed and state is not StreamState.LIVE:
            self._emit()  # the detail shown for CONNECTING/OFFLINE changed

    def _offline_due(self) -> float:
        """When (monotonic) the stream goes OFFLINE if no frame comes first; inf if it is."""
        with self._lock:
            if self._state not in (StreamState.CONNECTING, StreamState.LIVE):
                return math.inf
            last = self._last_frame_mono
            return (self._started_mono if last is None else last) + OFFLINE_AFTER_S

    def _check_offline(self) -> None:
        if time.monotonic() < self._offline_due():
            return
        with self._emit_lock:
            with self._lock:
                if self._stopping or self._state not in (
                    StreamState.CONNECTING,
                    StreamState.LIVE,
                ):
                    return
                self._state = StreamState.OFFLINE
                self._since = self._last_frame_wall or self._since
                detail = self._detail_locked()
            log.warning("%s: offline (%s)", self.url_label, detail)
            self._emit_now()

    def _pause(self, seconds: float) -> None:
        """Wait on the stop Event, turning OFFLINE on time meanwhile."""
        end = time.monotonic() + seconds
        while not self._stopped():
            self._check_offline()
            now = time.monotonic()
            if now >= end:
                return
            wait = min(end, self._offline_due()) - now
            self._stop_event.wait(max(wait, 0.005))

    # --- status ----------------------------------------------------------------------------

    def _detail_locked(self) -> str:
        if self._state is StreamState.OFFLINE and not self._last_error:
            return f"no picture for {OFFLINE_AFTER_S:g} s"
        if self._state in (StreamState.LIVE, StreamState.STOPPED):
            return ""
        return self._last_error

    def _status_locked(self) -> StreamStatus:
        times = self._frame_times
        fps = 0.0
        if self._state is StreamState.LIVE and len(times) >= 2 and times[-1] > times[0]:
            fps = (len(times) - 1) / (times[-1] - times[0])
        return StreamStatus(
            url_label=self.url_label,
            state=self._state,
            since=self._since,
            detail=self._detail_locked(),
            fps=round(fps, 2),
            source_width=self._source[0],
            source_height=self._source[1],
            frames=self._frames,
            dropped=self._dropped,
            reconnects=self._reconnects,
        )

    def _emit(self) -> None:
        with self._emit_lock:
            with self._lock:
                if self._stopping:
                    return
            self._emit_now()

    def _emit_now(self) -> None:
        status = self.status()
        try:
            self._on_status(status)
        except Exception:
            log.exception("%s: on_status callback failed", self.url_label)

    def _call_on_frame(self) -> None:
        try:
            self._on_frame()
        except Exception:
            log.exception("%s: on_frame callback failed", self.url_label)


def _expected(exc: BaseException) -> bool:
    import av

    return isinstance(exc, av.FFmpegError | OSError)


class PyAVCapture(CaptureWorker):
    """An RTSP stream or a video file, decoded by PyAV (FFmpeg)."""

    def _prepare(self) -> None:
        self._live = self._url.lower().startswith(("rtsp://", "rtsps://"))

    def _session(self) -> None:
        import av
        from av.video.reformatter import VideoReformatter

        options = dict(RTSP_OPTIONS) if self._live else {}
        began = time.monotonic()
        try:
            container: Any = av.open(
                self._url, options=options, timeout=(OPEN_TIMEOUT_S, READ_TIMEOUT_S)
            )
        except av.FFmpegError as exc:
            # PyAV's timeout surfaces as whatever error the interrupted call returns.
            if time.monotonic() - began >= OPEN_TIMEOUT_S * 0.9:
                raise _StreamEnded(f"no answer within {OPEN_TIMEOUT_S:g} s") from exc
            raise
        try:
            if not container.streams.video:
                raise _StreamEnded("no video stream in the source")
            stream = container.streams.video[0]
            reformatter = VideoReformatter()
            if self._live:
                self._decode(container, stream, reformatter, pacer=None)
                if not self._stopped():
                    raise _StreamEnded("the camera closed the stream")
                return
            rate = float(stream.average_rate or stream.guessed_rate or 25)
            pacer = _Pacer(1.0 / rate if rate > 0 else 0.04)
            while not self._stopped():
                if self._decode(container, stream, reformatter, pacer) == 0:
                    if not self._stopped():
                        raise _StreamEnded("no picture could be decoded from the file")
                    return
                container.seek(0)  # loop, like a camera that never ends
        finally:
            container.close()

    def _decode(self, container: Any, stream: Any, reformatter: Any, pacer: _Pacer | None) -> int:
        """Demux and decode until the input ends or stop; returns frames delivered."""
        import av

        delivered = 0
        packets = container.demux(stream)
        while not self._stopped():
            asked = time.monotonic()
            try:
                packet = next(packets, None)
            except av.FFmpegError as exc:
                if self._live and time.monotonic() - asked >= READ_TIMEOUT_S * 0.9:
                    raise _StreamEnded(f"no data for {READ_TIMEOUT_S:g} s") from exc
                raise
            if self._live and time.monotonic() - asked >= READ_TIMEOUT_S * 0.9:
                # PyAV's read timeout: FFmpeg may hand out what it had half assembled (or end
                # the input); either way it is stale and would put off OFFLINE.
                raise _StreamEnded(f"no data for {READ_TIMEOUT_S:g} s")
            if packet is None or self._stopped():
                break
            if packet.size == 0 and self._live:
                # The flush packet after the input ends: for a file it drains the decoder's
                # last pictures before the loop, for a camera they are stale.
                continue
            try:
                frames = packet.decode()
            except av.InvalidDataError:
                # A damaged packet costs a picture or two, not the connection; a stream that
                # decodes nothing goes OFFLINE through the watchdog below.
                frames = []
            for frame in frames:
                if pacer is not None and not pacer.wait(frame.time, self._stop_event):
                    return delivered
                if not self._wanted():
                    continue
                source = (frame.width, frame.height)
                width, height = fit_inside(source, self._requested_size())
                # BGRA is what the screen takes as is (QImage RGB32), and swscale's fast
                # bilinear path to it costs about a third of rgb24 with its default filter.
                scaled = reformatter.reformat(
                    frame, width, height, PIXEL_FORMAT, interpolation="FAST_BILINEAR", threads=1
                )
                self._deliver(np.ascontiguousarray(scaled.to_ndarray()), source)
                delivered += 1
            self._check_offline()
        return delivered


class _Pacer:
    """Plays a file's frames at their timestamps (a file would otherwise decode flat out)."""

    def __init__(self, step: float) -> None:
        self._step = step  # one frame's duration, for missing timestamps and the loop seam
        self._base: float | None = None  # monotonic time of timestamp 0
        self._last: float | None = None

    def wait(self, ts: float | None, stop: threading.Event) -> bool:
        """Sleep until the frame's time; False if stop was set meanwhile."""
        now = time.monotonic()
        if self._base is None or self._last is None:
            ts = ts or 0.0
            self._base = now - ts
        else:
            if ts is None:
                ts = self._last + self._step
            if ts < self._last:  # looped (or a timestamp reset): continue one step later
                self._base += self._last + self._step - ts
        self._last = ts
        due = self._base + ts
        if due < now - 1.0:  # fell far behind (a slow machine): catch up, do not burst
            self._base = now - ts
            return not stop.is_set()
        return not stop.wait(max(0.0, due - now))


class SimCapture(CaptureWorker):
    """`sim:NAME[?scene=...]`: the sim.render test picture (with its scripted scene, if any),
    generated at SIM_FPS (or max_fps, if lower) at the requested size."""

    def _prepare(self) -> None:
        self.sim_name, self.scene = parse_sim_url(self._url)
        self.source_size = SIM_SUB_SIZE if self.sim_name.endswith("-sub") else SIM_MAIN_SIZE
        max_fps = 1.0 / self._min_gap if self._min_gap else None
        self._fps = min(SIM_FPS, max_fps) if max_fps else SIM_FPS
        self._min_gap = 0.0  # frames are made at the wanted rate instead of dropped
        self.origin_mono: float | None = None  # monotonic time of the scene's second 0

    def _session(self) -> None:
        period = 1.0 / self._fps
        start = time.monotonic()
        self.origin_mono = start
        due = start
        while not self._stopped():
            width, height = fit_inside(self.source_size, self._requested_size())
            now = time.monotonic()
            # A camera's on-screen clock shows local time.
            at = datetime.now().astimezone()
            image = render(self.sim_name, width, height, now - start, at, self.scene)
            self._deliver(cv2.cvtColor(image, cv2.COLOR_RGB2BGRA), self.source_size)
            due += period
            now = time.monotonic()
            if due < now - period:  # fell behind: skip ahead rather than burst
                due = now
            if self._stop_event.wait(max(0.0, due - now)):
                return


def open_capture(
    url: str,
    *,
    name: str,
    size: tuple[int, int],
    on_frame: FrameReady,
    on_status: StatusChanged,
    max_fps: float | None = None,
    masker: Masker | None = None,
) -> CaptureWorker:
    """The worker for an address (not started): rtsp://, rtsps://, a file path, or sim:NAME.

    `max_fps` limits the frames handed over; `masker` blacks out privacy masks in them."""
    kind: type[CaptureWorker]
    if url.startswith("sim:"):
        parse_sim_url(url)  # ValueError: no name, or a bad scene
        kind = SimCapture
    elif "://" in url and not url.lower().startswith(("rtsp://", "rtsps://")):
        raise ValueError(f"unsupported camera address: {url_label(url)}")
    else:
        kind = PyAVCapture
    return kind(
        url,
        name=name,
        size=size,
        on_frame=on_frame,
        on_status=on_status,
        max_fps=max_fps,
        masker=masker,
    )
