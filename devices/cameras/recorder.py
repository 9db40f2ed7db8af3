"""Recording: one camera's video into MP4 segments on disk, plus instant replay.

A Recorder thread copies the camera's compressed video packets as they are (remux, no
re-encoding) into segments of at most `segment_s`, each starting at a keyframe so it plays on
its own: root/<camera>/<YYYY-MM-DD>/<HHMMSS>.mp4 in the local date and time of its start. A
segment is written as fragmented MP4 under "<name>.mp4.part" (flushed at every fragment) and
renamed when closed, so a killed process leaves a readable file that `recover()` turns into a
segment; it loses the GOP being written (and after a reconnection, up to SETTLE_S more).

Privacy masks: given a Masker with polygons, the recorder cannot copy the camera's packets.
It decodes them, blacks the polygons out of every picture and encodes them again with libx264
(exporter.X264_OPTIONS: a keyframe about every second, same size, timestamps on the camera's
time base), and those packets go the same way as copied ones. The masker is read for every
packet: masks drawn while recording cover the next picture (the segment is closed there and
the next one starts with the encoder's keyframe; the decoder catches up from the current
GOP's packets); when the last mask goes, copying resumes at the camera's next keyframe. The
cost is decoding plus encoding, measured on a 2-core test machine: about 6-10% of one core
for a 640x360 25 fps camera, 15% (a plain picture) to 60% (a busy one) for 720p-1080p, where a
copy takes about 1%; the masked stream's bitrate is libx264's at its default quality (CRF 23).

Wall-clock times: packets carry the camera's clock, not the time of day. A segment's start is
the arrival time of its first packet, corrected by the least lateness seen over its first
SETTLE_S (opening an RTSP stream reads about a second before handing out the first packet).
The next segment of an unbroken stream starts exactly where the previous one ended, unless
the camera's clock has drifted more than RESYNC_S from ours: then arrivals set it again.

Outages: a read error or timeout closes the segment and the thread reconnects with Backoff;
the hole is reported once, as a Gap, when the next segment starts (or at stop()). The status
follows the capture workers: CONNECTING, LIVE, OFFLINE after OFFLINE_AFTER_S without a
packet, STOPPED.

The last replay_s seconds (whole GOPs) also stay in memory for `dump_recent()`. sim:NAME
cameras have no stream to copy: sim.render pictures (masked, with a masker) are encoded with
libx264 and go the same way. Callbacks run on the recorder thread; one that raises is logged
and recording goes on (the file is on disk; `probe_segment()` re-reads it for indexing
later).
"""

from __future__ import annotations

import io
import logging
import math
import os
import tempfile
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from devices.cameras.base import (
    OFFLINE_AFTER_S,
    OPEN_TIMEOUT_S,
    READ_TIMEOUT_S,
    REPLAY_S,
    SEGMENT_MAX_S,
    Backoff,
    Gap,
    Segment,
    StatusChanged,
    StreamState,
    StreamStatus,
    scrub,
    url_label,
)
from devices.cameras.exporter import masked_frame, open_x264
from devices.cameras.masks import Masker

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"
# Fragmented MP4: a fragment per GOP, each flushed to disk as it is written.
FRAGMENTED = {"movflags": "frag_keyframe+empty_moov+default_base_moof", "flush_packets": "1"}
RTSP_OPTIONS = {
    "rtsp_transport": "tcp",
    "allowed_media_types": "video",
    "timeout": str(int(READ_TIMEOUT_S * 1_000_000)),  # socket I/O, microseconds
}
START_TAG = "comment"  # MP4 metadata holding "watchdesk-start=<ISO UTC>", read by recover()
SIM_SIZE = (640, 360)
SIM_FPS = 10
SETTLE_S = 2.0  # a new segment's start is estimated from this many seconds of arrivals
RESYNC_S = 1.0  # camera clock vs ours: beyond this, a segment's start follows arrivals again
STATS_EVERY_S = 1.0
FPS_WINDOW_S = 2.0
RING_TB = Fraction(1, 90000)  # time base of the instant-replay buffer
_EPS_S = 1e-3
_MAX_UNTIMED = 100  # packets without any timestamp before we number them ourselves
_MAX_JUMP_S = 10.0  # a timestamp jump larger than this is a discontinuity, closed up
_MAX_GOP = 1500  # packets kept for the decoder to catch up from (a minute at 25 fps)


SegmentDone = Callable[[Segment], None]
GapFound = Callable[[Gap], None]


class RecorderError(RuntimeError):
    """A recorder request that cannot be met; the message says which camera and why."""


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


# ---------------------------------------------------------------------------------------------
# Packets and their timestamps


@dataclass(slots=True)
class _Pkt:
    packet: av.Packet
    pts: int  # fixed, in the session's time base
    dts: int
    dur: int
    key: bool
    arrival: float  # time.time() when it reached us


class _Clock:
    """Gives every packet of one session a pts, dts and duration, with dts strictly increasing,
    so the muxer never refuses one. A jump back or far ahead (camera clock reset, file loop)
    is closed up by an offset; packets before the first timestamp are back-filled."""

    def __init__(self, time_base: Fraction, frame_dur: int) -> None:
        self.frame_dur = max(1, frame_dur)
        self.max_jump = int(_MAX_JUMP_S / time_base)
        self.offset = 0
        self.last_dts: int | None = None
        self.last_dur = self.frame_dur
        self.untimed: list[tuple[av.Packet, float]] = []

    def feed(self, packet: av.Packet, arrival: float) -> list[_Pkt]:
        raw = packet.dts if packet.dts is not None else packet.pts
        if raw is None and self.last_dts is None:
            self.untimed.append((packet, arrival))
            if len(self.untimed) < _MAX_UNTIMED:
                return []
        out: list[_Pkt] = []
        if self.untimed:
            count = len(self.untimed)
            first = (raw - count * self.frame_dur) if raw is not None else None
            for i, (early, when) in enumerate(self.untimed):
                ts = None if first is None else first + i * self.frame_dur
                out.append(self._fix(early, ts, ts, when))
            self.untimed = []
            if raw is None:
                return out
        out.append(self._fix(packet, packet.pts, packet.dts, arrival))
        return out

    def _fix(self, packet: av.Packet, pts: int | None, dts: int | None, arrival: float) -> _Pkt:
        dur = packet.duration or 0
        if dur <= 0:
            dur = self.frame_dur
        if pts is None and dts is None:
            dts = pts = 0 if self.last_dts is None else self.last_dts + self.last_dur
        else:
            raw_dts = dts if dts is not None else pts
            raw_pts = pts if pts is not None else dts
            assert raw_dts is not None
            assert raw_pts is not None
            dts, pts = raw_dts + self.offset, raw_pts + self.offset
            last = self.last_dts
            if last is not None and (dts <= last or dts > last + self.max_jump):
                shift = last + self.last_dur - dts
                self.offset += shift
                dts += shift
                pts += shift
        pts = max(pts, dts)
        self.last_dts, self.last_dur = dts, dur
        return _Pkt(packet, pts, dts, dur, bool(packet.is_keyframe), arrival)


class _Template:
    """Codec parameters that outlive the input they came from: a never-written muxer keeps a
    copy of the stream, and every new output copies from it."""

    def __init__(self, holder: Any, stream: Any) -> None:
        self._holder = holder  # keeps `stream` alive
        self.stream = stream
        ctx = stream.codec_context
        self.key = (ctx.name, ctx.width, ctx.height, bytes(ctx.extradata or b""))

    @classmethod
    def copy_of(cls, stream: Any) -> _Template:
        holder = av.open(io.BytesIO(), "w", format="mp4")
        return cls(holder, holder.add_stream_from_template(stream))


@dataclass(eq=False)
class _Session:
    """One connection (or one run of the simulator). Its template changes when masking
    starts or stops (the open segment is closed first)."""

    template: _Template
    time_base: Fraction
    source: tuple[int, int]
    ring_offset: int | None = None  # added to rescaled dts/pts to continue the replay buffer


@dataclass(frozen=True, slots=True)
class _Entry:
    """A packet in the instant-replay buffer (RING_TB units, continuous across sessions)."""

    data: bytes
    pts: int
    dts: int
    dur: int
    key: bool
    wall: float


def _rescale(ts: int, time_base: Fraction) -> int:
    return round(ts * time_base / RING_TB)


def _write_entries(entries: Iterable[_Entry], template: _Template, out: Path) -> None:
    """Mux packets into a regular MP4 (moov first), via a temporary file beside `out`."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=PART_SUFFIX, dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with av.open(str(tmp), "w", format="mp4", options={"movflags": "+faststart"}) as dst:
            stream = dst.add_stream_from_template(template.stream)
            base: int | None = None
            for entry in entries:
                if base is None:
                    base = entry.dts
                packet = av.Packet(entry.data)
                packet.pts, packet.dts = entry.pts - base, entry.dts - base
                packet.duration = entry.dur
                packet.is_keyframe = entry.key
                packet.time_base = RING_TB
                packet.stream = stream
                dst.mux(packet)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


class _Masking:
    """The camera's packets decoded, masked and encoded again (libx264), for one session.

    Pictures keep the camera's timestamps (made strictly increasing for the encoder); each
    encoded packet carries the arrival time of the camera packet it came from. The encoder,
    and so the template, is made with the first picture (its size is known for sure then)."""

    _MAX_ARRIVALS = 256

    def __init__(
        self, masker: Masker, decoder: Any, time_base: Fraction, rate: Fraction, frame_dur: int
    ) -> None:
        self.masker = masker
        self.decoder = decoder
        self.time_base = time_base
        self.rate = rate
        self.frame_dur = frame_dur
        self.template: _Template | None = None
        self._stream: Any = None
        self._arrivals: dict[int, float] = {}  # camera pts -> arrival, until decoded
        self._skip_to: int | None = None  # pictures up to this pts were already recorded
        self._offset = 0
        self._last: int | None = None

    def prime(self, gop: list[tuple[av.Packet, int | None, int | None]]) -> None:
        """Decode the current GOP's packets (already recorded as they were) so the next
        packet decodes; their pictures are not encoded again."""
        for packet, pts, dts in gop:
            packet.pts, packet.dts, packet.time_base = pts, dts, self.time_base
            if pts is not None:
                self._skip_to = pts if self._skip_to is None else max(self._skip_to, pts)
            try:
                self.decoder.decode(packet)
            except av.error.InvalidDataError:
                continue

    def feed(self, packet: av.Packet | None, arrival: float) -> list[tuple[av.Packet, float]]:
        """The encoded packets for a camera packet (None: what the decoder holds back)."""
        if packet is not None and packet.pts is not None:
            if len(self._arrivals) >= self._MAX_ARRIVALS:
                self._arrivals.clear()
            self._arrivals[packet.pts] = arrival
        try:
            frames = self.decoder.decode(packet)
        except av.error.InvalidDataError as exc:  # a damaged packet: the next one may do
            log.debug("undecodable packet: %s", exc)
            return []
        out: list[tuple[av.Packet, float]] = []
        for frame in frames:
            out.extend(self._encode(frame, arrival))
        return out

    def _encode(self, frame: av.VideoFrame, arrival: float) -> list[tuple[av.Packet, float]]:
        pts = frame.pts
        if pts is not None:
            arrival = self._arrivals.pop(pts, arrival)
            if self._skip_to is not None:
                if pts <= self._skip_to:
                    return []
                self._skip_to = None
        if self._stream is None:
            holder = av.open(io.BytesIO(), "w", format="mp4")
            self._stream = open_x264(holder, frame.width, frame.height, self.rate, self.time_base)
            holder.start_encoding()  # opens the encoder: the codec parameters get extradata
            self.template = _Template(holder, self._stream)
        if pts is None:  # untimed: the next frame's place
            pts = (self._last + self.frame_dur) if self._last is not None else 0
        else:
            if self._last is not None and pts + self._offset <= self._last:
                self._offset = self._last + self.frame_dur - pts  # a jump back (a file loops)
            pts += self._offset
        self._last = pts
        frame = masked_frame(frame, self.masker)
        frame.pts, frame.time_base = pts, self.time_base
        return [(packet, arrival) for packet in self._stream.encode(frame)]


# ---------------------------------------------------------------------------------------------
# Segment files


class _OpenSegment:
    """The segment being recorded, as "<HHMMSS>.mp4.part" (fragmented MP4, named and tagged
    with its start). Its packets wait in memory until that start is known: at once when it
    continues the previous segment, else after SETTLE_S of arrivals."""

    def __init__(self, first: _Pkt, session: _Session, start: float | None) -> None:
        self.session = session
        self.first_pts = first.pts
        self.base_dts = first.dts
        self.end_pts = first.pts
        self.first_arrival = first.arrival
        self.lateness_min = math.inf  # least (arrival - position in segment) seen
        self.start = start  # wall time: from the previous segment, or once settled
        self.settled = False
        self.waiting: list[_Pkt] = []
        self.part: Path | None = None
        self.container: Any = None
        self.stream: Any = None

    def seconds(self, pts: int) -> float:
        return float((pts - self.first_pts) * self.session.time_base)

    def add(self, p: _Pkt) -> None:
        self.end_pts = max(self.end_pts, p.pts + p.dur)
        self.lateness_min = min(self.lateness_min, p.arrival - self.seconds(p.pts))
        if self.container is None:
            self.waiting.append(p)
        else:
            self._mux(p)

    def open(self, part: Path) -> None:
        assert self.start is not None
        self.part = part
        self.container = av.open(str(part), "w", format="mp4", options=FRAGMENTED)
        # Read back by recover() if the process dies before the segment is closed.
        self.container.metadata[START_TAG] = f"watchdesk-start={_utc(self.start).isoformat()}"
        self.stream = self.container.add_stream_from_template(self.session.template.stream)
        waiting, self.waiting = self.waiting, []
        for p in waiting:
            self._mux(p)

    def _mux(self, p: _Pkt) -> None:
        packet = p.packet
        packet.pts, packet.dts = p.pts - self.base_dts, p.dts - self.base_dts
        packet.duration = p.dur
        packet.time_base = self.session.time_base
        packet.stream = self.stream
        self.container.mux(packet)

    def close(self) -> None:
        if self.container is not None:
            self.container.close()

    def close_quietly(self) -> None:
        try:
            self.close()
        except (av.FFmpegError, OSError) as exc:
            log.debug("closing %s after an error: %s", self.part, exc)
        if self.part is not None:
            self.part.unlink(missing_ok=True)


def _free_path(folder: Path, stem: str, suffix: str, mine: Path | None = None) -> Path:
    """folder/stem+suffix, or stem-1, stem-2... if taken by another closed or open segment
    (`mine`, the file being renamed, does not count)."""
    n = 0
    while True:
        name = stem if n == 0 else f"{stem}-{n}"
        path = folder / f"{name}{suffix}"
        part = folder / f"{name}{suffix}{PART_SUFFIX}"
        if not path.exists() and (part == mine or not part.exists()):
            return path
        n += 1


# ---------------------------------------------------------------------------------------------
# The recorder


class _Interrupted(Exception):
    """The session ended; `reason` is the Gap reason, the message the detail for operators."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class Recorder:
    """Records one camera on its own thread. See the module docstring."""

    def __init__(
        self,
        camera_id: str,
        url: str,
        root: Path,
        *,
        on_segment: SegmentDone,
        on_gap: GapFound,
        on_status: StatusChanged,
        segment_s: float = SEGMENT_MAX_S,
        tz: tzinfo = UTC,
        replay_s: float = REPLAY_S,
        masker: Masker | None = None,
    ) -> None:
        """`masker`: the camera's privacy masks, burnt into the recording while it has
        polygons (None: always a copy of the camera's stream)."""
        if segment_s <= 0 or replay_s <= 0:
            raise ValueError("segment_s and replay_s must be positive")
        self.camera_id = camera_id
        self.url_label = url_label(url)
        self._url = url
        self._root = Path(root)
        self._on_segment = on_segment
        self._on_gap = on_gap
        self._on_status = on_status
        self.segment_s = float(segment_s)
        self.replay_s = float(replay_s)
        self._tz = tz
        self._masker = masker
        self._sim = url.startswith("sim:")
        self._live = url.lower().startswith(("rtsp://", "rtsps://"))
        if self._sim and not url.removeprefix("sim:"):
            raise ValueError("sim: needs a name, e.g. sim:gate")
        self._lock = threading.Lock()  # guards status fields and the replay buffer
        self._emit_lock = threading.RLock()  # keeps on_status calls in order
        self._stop_event = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopping = False
        # Status (under _lock).
        self._state = StreamState.CONNECTING
        self._since = datetime.now(UTC)
        self._started_mono = time.monotonic()
        self._started_wall = time.time()
        self._last_error = ""
        self._packets = 0
        self._reconnects = 0
        self._source = (0, 0)
        self._times: deque[float] = deque()
        self._last_packet_mono: float | None = None
        self._last_packet_wall: float | None = None
        self._last_stats = 0.0
        # Replay buffer (under _lock): GOPs, oldest first.
        self._ring: deque[list[_Entry]] = deque()
        self._ring_template: _Template | None = None
        # Recorder thread only.
        self._backoff = Backoff()
        self._fresh = True  # no packet yet in this session
        self._after_failure = False
        self._seg: _OpenSegment | None = None
        self._chain: tuple[_Session, int, float] | None = None  # last closed: session, end pts, end
        self._last_end: float | None = None  # wall end of the last closed segment
        self._pending_gap: tuple[float, str] | None = None  # (from, reason) until recording resumes
        self._gops: deque[float] = deque(maxlen=3)
        self._last_key_pts: int | None = None

    # --- API -----------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None or self._stopping:
            raise RuntimeError(f"recorder {self.camera_id} was already started")
        with self._lock:
            self._since = datetime.now(UTC)
            self._started_mono = time.monotonic()
            self._started_wall = time.time()
        self._thread = threading.Thread(
            target=self._main, name=f"recorder-{self.camera_id}", daemon=True
        )
        self._thread.start()
        self._emit()

    def stop(self, timeout: float = 5.0) -> None:
        """Close and report the open segment, end the thread; idempotent. Returns within about
        READ_TIMEOUT_S even when the thread is blocked on the network."""
        with self._lock:
            if self._stopping:
                return
            self._stopping = True
        self._stop_event.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("%s: recorder thread still busy after %.1f s", self.url_label, timeout)
        with self._emit_lock:
            with self._lock:
                self._state = StreamState.STOPPED
                self._since = datetime.now(UTC)
            self._emit_now()

    def status(self) -> StreamStatus:
        with self._lock:
            return self._status_locked()

    def dump_recent(self, seconds: float, out: Path) -> Path:
        """Instant replay: the buffered packets from the keyframe at or before now - seconds to
        the newest one, remuxed into the MP4 `out`. Safe from any thread."""
        if seconds <= 0:
            raise ValueError("seconds must be positive")
        with self._lock:
            entries = [entry for gop in self._ring for entry in gop]
            template = self._ring_template
        if not entries or template is None:
            raise RecorderError(
                f"camera {self.camera_id}: nothing to replay, no video received yet"
            )
        target = time.time() - seconds
        first = 0
        for i, entry in enumerate(entries):
            if entry.wall > target:
                break
            if entry.key:
                first = i
        out = Path(out)
        if not out.parent.is_dir():
            raise RecorderError(f"instant replay: folder {out.parent} does not exist")
        _write_entries(entries[first:], template, out)
        return out

    # --- the thread --------------------------------------------------------------------------

    def _stopped(self) -> bool:
        return self._stop_event.is_set()

    def _main(self) -> None:
        first = True
        try:
            while not self._stopped():
                self._fresh = True
                self._after_failure = not first
                first = False
                reason, detail = "offline", "the stream ended"
                try:
                    if self._sim:
                        self._sim_session()
                    else:
                        self._av_session()
                except _Interrupted as exc:
                    reason, detail = exc.reason, str(exc)
                except Exception as exc:  # noqa: BLE001 - reported below; the thread must survive
                    reason, detail = self._describe(exc)
                if self._stopped():
                    break
                self._interrupted(reason, detail)
                self._pause(self._backoff.next())
        finally:
            self._finish()

    def _finish(self) -> None:
        try:
            self._close_segment(contiguous=False)
        except _Interrupted as exc:
            log.error("%s: %s", self.url_label, exc)  # noqa: TRY400 - no traceback needed
        if self._pending_gap is not None:
            # Never resumed: the hole lasts until the recorder stopped.
            since, reason = self._pending_gap
            self._pending_gap = None
            self._report_gap(since, time.time(), reason)

    def _describe(self, exc: BaseException) -> tuple[str, str]:
        """(gap reason, operator's text) for an error, without credentials."""
        if isinstance(exc, av.error.ExitError):  # PyAV's timeout interrupted the call
            return "stalled", f"no answer within {max(OPEN_TIMEOUT_S, READ_TIMEOUT_S):g} s"
        if isinstance(exc, OSError) and exc.strerror:
            # The library's str() appends the address, credentials included.
            return "offline", scrub(exc.strerror)
        if isinstance(exc, av.FFmpegError):
            text = scrub(getattr(exc, "strerror", None) or f"{type(exc).__name__}: {exc}")
            return f"error: {text}", text
        log.error(  # noqa: TRY400 - the traceback's messages could hold the password
            "%s: unexpected error in recorder:\n%s", self.url_label, scrub(traceback.format_exc())
        )
        text = scrub(f"{type(exc).__name__}: {exc}")
        return f"error: {text}", text

    def _interrupted(self, reason: str, detail: str) -> None:
        """The session failed: close the segment, remember the hole, show why."""
        try:
            self._close_segment(contiguous=False)
        except _Interrupted as exc:
            log.error("%s: %s", self.url_label, exc)  # noqa: TRY400
        self._hole(reason)
        self._chain = None
        self._gops.clear()
        self._last_key_pts = None
        with self._lock:
            changed = detail != self._last_error
            self._last_error = detail
            state = self._state
        if changed:
            log.warning("%s: %s", self.url_label, detail)
        if changed and state is not StreamState.LIVE:
            self._emit()

    def _hole(self, reason: str) -> None:
        if self._pending_gap is None:
            since = self._last_end if self._last_end is not None else self._started_wall
            self._pending_gap = (since, reason)

    def _offline_due(self) -> float:
        with self._lock:
            if self._state not in (StreamState.CONNECTING, StreamState.LIVE):
                return math.inf
            last = self._last_packet_mono
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
                if self._last_packet_wall is not None:
                    self._since = _utc(self._last_packet_wall)
            log.warning("%s: offline", self.url_label)
            self._emit_now()

    def _pause(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self._stopped():
            self._check_offline()
            now = time.monotonic()
            if now >= end:
                return
            self._stop_event.wait(max(min(end, self._offline_due()) - now, 0.005))

    # --- sources -----------------------------------------------------------------------------

    def _av_session(self) -> None:
        options = dict(RTSP_OPTIONS) if self._live else {}
        opening = time.monotonic()
        try:
            container: Any = av.open(
                self._url, options=options, timeout=(OPEN_TIMEOUT_S, READ_TIMEOUT_S)
            )
        except av.FFmpegError as exc:
            if self._live and time.monotonic() - opening >= OPEN_TIMEOUT_S - 0.1:
                # The timeout's interrupt surfaces as whatever the demuxer made of it.
                raise _Interrupted(
                    "stalled", f"no answer within {max(OPEN_TIMEOUT_S, READ_TIMEOUT_S):g} s"
                ) from exc
            raise
        try:
            if not container.streams.video:
                raise _Interrupted("error: no video stream", "no video stream in the source")
            stream = container.streams.video[0]
            time_base = Fraction(stream.time_base)
            rate = stream.average_rate or stream.guessed_rate or 25
            frame_dur = max(1, round(1 / (Fraction(rate) * time_base)))
            session = _Session(
                _Template.copy_of(stream),
                time_base,
                (stream.codec_context.width, stream.codec_context.height),
            )
            clock = _Clock(time_base, frame_dur)
            paced_base: float | None = None  # files play at their own rate, like a camera

            def record(packet: av.Packet, arrival: float) -> bool:
                """Record one packet (the camera's, or encoded); False: stopped meanwhile."""
                nonlocal paced_base
                for p in clock.feed(packet, arrival):
                    if not self._live:
                        due_in = float(p.dts * time_base)
                        if paced_base is None or time.monotonic() - (paced_base + due_in) > 1:
                            paced_base = time.monotonic() - due_in  # start, or fell behind
                        if self._stop_event.wait(max(0.0, paced_base + due_in - time.monotonic())):
                            return False
                        p.arrival = time.time()
                    self._on_packet(p, session)
                return True

            def record_masked(masking: _Masking, packet: av.Packet | None, arrival: float) -> bool:
                """Record what the masking makes of a packet (None: of what it holds back)."""
                for encoded, when in masking.feed(packet, arrival):
                    if masking.template is not None and session.template is not masking.template:
                        self._use_template(session, masking.template)  # its first packet
                    if not record(encoded, when):
                        return False
                return True

            masker = self._masker
            copying = session.template
            masking: _Masking | None = None
            # While copying with a masker: the packets since the last keyframe, with their
            # own timestamps, for the decoder to catch up from when a mask is drawn.
            gop: list[tuple[av.Packet, int | None, int | None]] = []
            while not self._stopped():
                count = 0
                for packet in container.demux(stream):
                    if self._stopped():
                        return
                    if packet.size == 0:
                        continue
                    count += 1
                    arrival = time.time()
                    if masker is None:
                        if not record(packet, arrival):
                            return
                        continue
                    masked = bool(masker.polygons)
                    if masking is None and masked:
                        masking = _Masking(
                            masker, stream.codec_context, time_base, Fraction(rate), frame_dur
                        )
                        masking.prime(gop)
                        gop = []
                    elif masking is not None and not masked and packet.is_keyframe:
                        # The last mask went: what the decoder holds back, then copy again
                        # from this keyframe on.
                        if not record_masked(masking, None, arrival):
                            return
                        stream.codec_context.flush_buffers()
                        masking = None
                        self._use_template(session, copying)
                    if masking is not None:
                        if not record_masked(masking, packet, arrival):
                            return
                        continue
                    if packet.is_keyframe or len(gop) >= _MAX_GOP:
                        gop = []
                    gop.append((packet, packet.pts, packet.dts))
                    if not record(packet, arrival):
                        return
                if self._stopped():
                    return
                if self._live:
                    raise _Interrupted("offline", "the camera closed the stream")
                if count == 0:
                    raise _Interrupted("error: no video in the file", "no video in the file")
                container.seek(0)  # loop the file; the clock closes up the jump back
        finally:
            container.close()

    def _sim_session(self) -> None:
        from devices.cameras.sim import render

        name = self._url.removeprefix("sim:")
        width, height = SIM_SIZE
        holder = av.open(io.BytesIO(), "w", format="mp4")
        stream: Any = holder.add_stream(
            "libx264", rate=SIM_FPS, options={"preset": "ultrafast", "tune": "zerolatency"}
        )
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.gop_size = SIM_FPS  # a keyframe a second, like the cameras
        holder.start_encoding()  # opens the encoder: the codec parameters get their extradata
        time_base = Fraction(1, SIM_FPS)
        session = _Session(_Template(holder, stream), time_base, (width, height))
        clock = _Clock(time_base, 1)
        began = time.monotonic()
        n = 0
        while not self._stopped():
            now = time.monotonic()
            due = began + n / SIM_FPS
            if now - due > 1.0:  # fell behind (slow machine): skip ahead rather than burst
                n = int((now - began) * SIM_FPS)
                due = began + n / SIM_FPS
            if self._stop_event.wait(max(0.0, due - now)):
                return
            image = render(name, width, height, n / SIM_FPS, datetime.now(self._tz))
            if self._masker is not None:
                self._masker.apply(image)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24").reformat(format="yuv420p")
            frame.pts, frame.time_base = n, time_base
            for packet in stream.encode(frame):
                for p in clock.feed(packet, time.time()):
                    self._on_packet(p, session)
            n += 1

    def _use_template(self, session: _Session, template: _Template) -> None:
        """Masking starts or stops: the packets from here on have other codec parameters, so
        the open segment ends here (the next one continues it) and the replay buffer starts
        again."""
        if session.template is template:
            return
        self._close_segment(contiguous=True)
        session.template = template
        session.ring_offset = None

    # --- packets -----------------------------------------------------------------------------

    def _on_packet(self, p: _Pkt, session: _Session) -> None:
        self._count(session)
        self._remember(p, session)
        tb = session.time_base
        gop = max(self._gops, default=0.0)
        if p.key:
            if self._last_key_pts is not None and p.pts > self._last_key_pts:
                gop = float((p.pts - self._last_key_pts) * tb)
                self._gops.append(gop)
                gop = max(self._gops)
            self._last_key_pts = p.pts
        seg = self._seg
        if seg is not None:
            if p.key:
                at = seg.seconds(p.pts)
                if at > 0 and at + gop > self.segment_s + _EPS_S:
                    self._close_segment(contiguous=True)  # the next GOP would not fit
            elif seg.seconds(max(seg.end_pts, p.pts + p.dur)) > self.segment_s + _EPS_S:
                # No keyframe in time: cut here and drop until the next one.
                self._close_segment(contiguous=False)
                self._hole(f"error: no keyframe within {self.segment_s:g} s")
        if self._seg is None:
            if not p.key:
                return  # a segment must start with a keyframe
            start: float | None = None
            if self._chain is not None and self._chain[0] is session:
                _, end_pts, end = self._chain
                start = end + float((p.pts - end_pts) * session.time_base)
            self._seg = _OpenSegment(p, session, start)
            if start is not None:
                self._open_file(self._seg)  # continues the last one: its start is known
        seg = self._seg
        try:
            seg.add(p)
        except (av.FFmpegError, OSError) as exc:
            raise _Interrupted(
                f"error: cannot write {seg.part}", f"cannot write {seg.part}: {exc}"
            ) from exc
        self._settle(seg, p.arrival)

    def _settle(self, seg: _OpenSegment, now: float, *, force: bool = False) -> None:
        """Check the segment's start against SETTLE_S of arrivals (or what there is when it
        closes), open its file if not yet open, report the hole before it, if any."""
        if seg.settled or (not force and now - seg.first_arrival < SETTLE_S):
            return
        estimate = seg.lateness_min if seg.lateness_min < math.inf else seg.first_arrival
        if seg.start is None:
            start = estimate
            if self._last_end is not None:
                start = max(start, self._last_end)
        else:
            start = seg.start
            if abs(estimate - start) > RESYNC_S:
                log.info(
                    "%s: camera clock %+.2f s off ours; segment start follows arrivals",
                    self.url_label,
                    start - estimate,
                )
                start = estimate
        seg.start, seg.settled = start, True
        if seg.part is None:
            self._open_file(seg)
        if self._pending_gap is not None:
            since, reason = self._pending_gap
            self._pending_gap = None
            self._report_gap(since, start, reason)

    def _segment_path(self, start: float, mine: Path | None = None) -> Path:
        """root/<camera>/<local date>/<local HHMMSS>.mp4 (or -1, -2...); makes the folder."""
        local = _utc(start).astimezone(self._tz)
        folder = self._root / self.camera_id / local.strftime("%Y-%m-%d")
        folder.mkdir(parents=True, exist_ok=True)
        return _free_path(folder, local.strftime("%H%M%S"), ".mp4", mine)

    def _open_file(self, seg: _OpenSegment) -> None:
        assert seg.start is not None
        try:
            final = self._segment_path(seg.start)
            seg.open(final.with_name(final.name + PART_SUFFIX))
        except (av.FFmpegError, OSError) as exc:
            if self._seg is seg:
                self._seg = None  # its packets are lost; the hole shows as a gap
            seg.close_quietly()
            raise _Interrupted(
                "error: cannot create a segment file",
                f"cannot create a segment under {self._root}: {exc}",
            ) from exc

    def _close_segment(self, *, contiguous: bool) -> None:
        """Close the open segment (if any), rename it into place and report it. `contiguous`:
        the next packet continues this segment's stream."""
        seg = self._seg
        if seg is None:
            return
        self._seg = None
        self._settle(seg, time.time(), force=True)
        assert seg.start is not None
        end = seg.start + seg.seconds(seg.end_pts)
        self._last_end = end
        self._chain = (seg.session, seg.end_pts, end) if contiguous else None
        part = seg.part
        if part is None:
            return
        try:
            seg.close()
        except (av.FFmpegError, OSError) as exc:
            raise _Interrupted(
                f"error: cannot write {part.name}", f"cannot finish {part}: {exc}"
            ) from exc
        try:
            final = self._segment_path(seg.start, part)  # a re-synced start renames it
            os.replace(part, final)
            size = final.stat().st_size
        except OSError as exc:
            raise _Interrupted(
                f"error: cannot rename {part.name}", f"cannot rename {part}: {exc}"
            ) from exc
        segment = Segment(self.camera_id, _utc(seg.start), _utc(end), final, size)
        log.debug("%s: segment %s (%.1f s)", self.url_label, final, end - seg.start)
        try:
            self._on_segment(segment)
        except Exception:
            log.exception("%s: on_segment failed for %s; the file stays", self.url_label, final)

    def _report_gap(self, since: float, until: float, reason: str) -> None:
        if until <= since:
            return
        gap = Gap(self.camera_id, _utc(since), _utc(until), reason)
        log.info("%s: no recording %s .. %s (%s)", self.url_label, gap.start, gap.end, reason)
        try:
            self._on_gap(gap)
        except Exception:
            log.exception("%s: on_gap failed", self.url_label)

    def _remember(self, p: _Pkt, session: _Session) -> None:
        """Keep the packet for instant replay; whole GOPs, the last replay_s seconds."""
        tb = session.time_base
        with self._lock:
            if self._ring_template is not session.template:
                if self._ring_template is None or self._ring_template.key != session.template.key:
                    self._ring.clear()  # other codec parameters: the old packets cannot mix
                self._ring_template = session.template
            if session.ring_offset is None:
                if not p.key:
                    return
                last = self._ring[-1][-1] if self._ring else None
                dts = _rescale(p.dts, tb)
                session.ring_offset = (last.dts + last.dur - dts) if last else -dts
            offset = session.ring_offset
            dts = _rescale(p.dts, tb) + offset
            if self._ring and dts <= self._ring[-1][-1].dts:
                dts = self._ring[-1][-1].dts + 1
            entry = _Entry(
                bytes(p.packet),
                max(dts, _rescale(p.pts, tb) + offset),
                dts,
                max(1, _rescale(p.dur, tb)),
                p.key,
                p.arrival,
            )
            if p.key or not self._ring:
                self._ring.append([entry])
            else:
                self._ring[-1].append(entry)
            while len(self._ring) >= 2 and self._ring[1][0].wall <= p.arrival - self.replay_s:
                self._ring.popleft()

    # --- status ------------------------------------------------------------------------------

    def _count(self, session: _Session) -> None:
        now_mono = time.monotonic()
        first = self._fresh
        if first:
            self._fresh = False
            self._backoff.reset()
        went_live = False
        with self._lock:
            if self._stopping:
                return
            self._packets += 1
            self._source = session.source
            self._last_packet_mono, self._last_packet_wall = now_mono, time.time()
            self._times.append(now_mono)
            while now_mono - self._times[0] > FPS_WINDOW_S:
                self._times.popleft()
            if first and self._after_failure:
                self._reconnects += 1
            if first:
                self._last_error = ""
            if self._state is not StreamState.LIVE:
                went_live = True
                self._state, self._since = StreamState.LIVE, datetime.now(UTC)
        if went_live:
            log.info("%s: recording", self.url_label)
        if went_live or now_mono - self._last_stats >= STATS_EVERY_S:
            self._last_stats = now_mono
            self._emit()

    def _status_locked(self) -> StreamStatus:
        times = self._times
        fps = 0.0
        if self._state is StreamState.LIVE and len(times) >= 2 and times[-1] > times[0]:
            fps = (len(times) - 1) / (times[-1] - times[0])
        detail = ""
        if self._state is StreamState.OFFLINE:
            detail = self._last_error or f"no video for {OFFLINE_AFTER_S:g} s"
        elif self._state is StreamState.CONNECTING:
            detail = self._last_error
        return StreamStatus(
            url_label=self.url_label,
            state=self._state,
            since=self._since,
            detail=detail,
            fps=round(fps, 2),
            source_width=self._source[0],
            source_height=self._source[1],
            frames=self._packets,
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
            log.exception("%s: on_status failed", self.url_label)


# ---------------------------------------------------------------------------------------------
# After a crash


def probe_segment(camera_id: str, path: Path) -> Segment | None:
    """A segment file's times and size, read back from the file; None if it holds no video.

    The start is the one the recorder wrote into the file's metadata, else the file's
    modification time minus its duration. For re-indexing files whose on_segment failed."""
    path = Path(path)
    first: int | None = None
    end: int | None = None
    tag = ""
    time_base = Fraction(1, 90000)
    try:
        with av.open(str(path), format="mp4") as container:
            tag = str(container.metadata.get(START_TAG, ""))
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            time_base = Fraction(stream.time_base or time_base)
            rate = stream.average_rate or stream.guessed_rate or 25
            frame_dur = max(1, round(1 / (Fraction(rate) * time_base)))
            try:
                for packet in container.demux(stream):
                    if packet.pts is None or packet.size == 0:
                        continue
                    dur = packet.duration if packet.duration else frame_dur
                    first = packet.pts if first is None else min(first, packet.pts)
                    end = packet.pts + dur if end is None else max(end, packet.pts + dur)
            except av.FFmpegError:
                pass  # a damaged tail: keep what could be read
    except (av.FFmpegError, OSError) as exc:
        log.info("segment file %s unreadable: %s", path, exc)
        return None
    if first is None or end is None:
        return None
    duration = float((end - first) * time_base)
    stat = path.stat()
    start = _parse_start(tag)
    if start is None:
        start = _utc(stat.st_mtime - duration)
    return Segment(camera_id, start, _utc(start.timestamp() + duration), path, stat.st_size)


def _parse_start(tag: str) -> datetime | None:
    prefix = "watchdesk-start="
    if not tag.startswith(prefix):
        return None
    try:
        start = datetime.fromisoformat(tag.removeprefix(prefix))
    except ValueError:
        return None
    return start.astimezone(UTC) if start.tzinfo else None


def _truncate_to_whole_boxes(path: Path) -> None:
    """Cut a killed writer's half-written last fragment off, so players see a clean end."""
    with path.open("r+b") as f:
        size = os.fstat(f.fileno()).st_size
        pos = good = 0
        while pos + 8 <= size:
            f.seek(pos)
            header = f.read(16)
            length, kind = int.from_bytes(header[:4], "big"), header[4:8]
            if length == 1 and len(header) == 16:
                length = int.from_bytes(header[8:16], "big")
            elif length == 0:  # "to the end of the file"
                length = size - pos
            if length < 8 or pos + length > size:
                break
            pos += length
            if kind != b"moof":  # a fragment is whole only with its mdat
                good = pos
        if good < size:
            f.truncate(good)


def recover(root: Path, camera_id: str) -> list[Segment]:
    """Segments left as .mp4.part by a recorder that died: readable ones are renamed to .mp4
    and returned (for the core to index), unreadable or empty ones deleted. Call it before
    starting the camera's Recorder, not while one writes."""
    found: list[Segment] = []
    for part in sorted((Path(root) / camera_id).glob(f"*/*.mp4{PART_SUFFIX}")):
        try:
            _truncate_to_whole_boxes(part)
        except OSError as exc:
            log.warning("cannot repair %s: %s", part, exc)
            continue
        probed = probe_segment(camera_id, part)
        if probed is None:
            log.warning("deleting unreadable leftover segment %s", part)
            part.unlink(missing_ok=True)
            continue
        stem = part.name.removesuffix(f".mp4{PART_SUFFIX}")
        final = _free_path(part.parent, stem, ".mp4", part)
        os.replace(part, final)
        log.info("recovered segment %s", final)
        found.append(Segment(camera_id, probed.start, probed.end, final, final.stat().st_size))
    return found
