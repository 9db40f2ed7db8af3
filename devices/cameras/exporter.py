"""Clip export: the recorded packets of a time range in one MP4, copied or (masked) re-encoded.

The clip begins at the keyframe at or before `start`, so its first picture decodes, and ends
with the last packet that begins before `end`. Segments are joined with continuous
timestamps: a hole between two segments is closed up, not played as a frozen picture (the
caller knows the gaps and reports them). Without privacy masks nothing is decoded: the
packets are copied as they are and an export runs at disk speed. With masks (a Masker with
polygons) the same pictures are decoded, blacked out and encoded again with libx264 (a
keyframe a second): about the CPU time of recording the camera masked, so roughly 0.1 s of
one core per second of 640x360 footage and up to 0.6 s per second of 1080p. Segments of
other codec settings (a camera re-configured, masks added or removed while recording) join
in a masked export; a copy refuses them. The clip is a regular MP4 with its index first
(faststart), written to a temporary file beside `out` and renamed into place, so a failed
export leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np

from devices.cameras.masks import Masker

PART_SUFFIX = ".part"
# libx264 for masked pictures (recordings and exports): fast enough for several cameras on
# one core each at most, about half the size of "ultrafast"; no B-frames, no lookahead.
X264_OPTIONS = {"preset": "veryfast", "tune": "zerolatency"}
_YUV420 = ("yuv420p", "yuvj420p")


class ExportError(Exception):
    """An export that cannot be made; the message says what and where."""


@dataclass(frozen=True)
class ClipInfo:
    path: Path
    sha256: str
    bytes: int
    duration_s: float  # of the clip's media (holes between segments closed up)
    start: datetime  # wall-clock time of the first packet (the keyframe at or before `start`)
    end: datetime  # ... and of the end of the last packet


def masked_frame(frame: av.VideoFrame, masker: Masker) -> av.VideoFrame:
    """`frame` with the masker's polygons blacked out, ready to encode.

    A decoded frame shares its pictures with the decoder (they are the references of the
    frames after it), so it is made writable (copied) first; a yuv420p picture is then masked
    in place, plane by plane, any other format converted to yuv420p first."""
    if frame.format.name in _YUV420:
        frame.make_writable()
    else:
        frame = frame.reformat(format="yuv420p")
    planes = [
        np.frombuffer(memoryview(plane), np.uint8, plane.line_size * plane.height).reshape(
            plane.height, plane.line_size
        )[:, : plane.width]
        for plane in frame.planes
    ]
    masker.apply_yuv420p(planes)
    frame.pict_type = av.video.frame.PictureType.NONE  # the encoder places its own keyframes
    return frame


def open_x264(container: Any, width: int, height: int, rate: Fraction, time_base: Fraction) -> Any:
    """A libx264 stream in `container` for masked pictures: `width` x `height`, timestamps in
    `time_base`, a keyframe about every second at `rate` frames a second."""
    stream = container.add_stream(
        "libx264", rate=rate, time_base=time_base, options=dict(X264_OPTIONS)
    )
    stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
    stream.codec_context.gop_size = max(1, round(rate))
    return stream


def _codec_key(stream: Any) -> tuple[object, ...]:
    ctx = stream.codec_context
    return (ctx.name, ctx.width, ctx.height, bytes(ctx.extradata or b""))


class _Writer:
    """Muxes packets from successive segments with continuous timestamps."""

    def __init__(self, container: Any) -> None:
        self.container = container
        self.stream: Any = None
        self.key: tuple[object, ...] | None = None
        self.time_base = Fraction(1, 90000)  # of the output timeline (the first segment's)
        self.next_dts = 0  # where the next segment's first packet goes
        self.offset = 0  # added to this segment's timestamps (rescaled)
        self.segment_tb = Fraction(1, 90000)
        self.last_dts: int | None = None
        self.end_pts = 0
        self.packets = 0
        self.first_of_segment = True

    def begin_segment(self, source: Any, path: Path) -> None:
        key = _codec_key(source)
        if self.stream is None:
            self.stream = self.container.add_stream_from_template(source)
            self.key = key
            self.time_base = Fraction(source.time_base)
        elif key != self.key:
            raise ExportError(
                f"segment {path} was recorded with other video settings "
                f"({key[0]} {key[1]}x{key[2]}) than the one before it; export the two "
                f"ranges separately"
            )
        self.segment_tb = Fraction(source.time_base)
        self.offset = 0
        self.first_of_segment = True

    def _out(self, ts: int) -> int:
        return round(ts * self.segment_tb / self.time_base)

    def write(self, packet: av.Packet, dur: int) -> None:
        dts, pts = packet.dts, packet.pts
        assert dts is not None
        assert pts is not None
        if self.first_of_segment:
            self.first_of_segment = False
            self.offset = self.next_dts - self._out(dts)  # closes up the hole before it
        out_dts = self._out(dts) + self.offset
        if self.last_dts is not None and out_dts <= self.last_dts:
            out_dts = self.last_dts + 1
        out_pts = max(out_dts, self._out(pts) + self.offset)
        out_dur = max(1, self._out(dur))
        packet.dts, packet.pts, packet.duration = out_dts, out_pts, out_dur
        packet.time_base = self.time_base
        packet.stream = self.stream
        self.container.mux(packet)
        self.last_dts = out_dts
        self.end_pts = max(self.end_pts, out_pts + out_dur)
        self.next_dts = max(self.next_dts, out_dts + out_dur)
        self.packets += 1

    def end_segment(self) -> None:
        pass

    def finish(self) -> None:
        pass


class _MaskedWriter:
    """Decodes the packets `_remux` picks (the same as _Writer would copy), blacks out the
    masks and encodes the pictures again, on the same continuous timeline."""

    def __init__(self, container: Any, masker: Masker) -> None:
        self.container = container
        self.masker = masker
        self.stream: Any = None
        self.time_base = Fraction(1, 90000)  # of the output timeline (the first segment's)
        self.segment_tb = Fraction(1, 90000)
        self.decoder: Any = None
        self.durations: dict[int, int] = {}  # source pts -> duration, of packets given
        self.first_of_segment = True
        self.offset = 0
        self.next_pts = 0
        self.last_pts: int | None = None
        self.last_dur = 1
        self.end_pts = 0
        self.packets = 0  # given, as _Writer counts them
        self.pictures = 0  # encoded

    def begin_segment(self, source: Any, path: Path) -> None:
        if self.stream is None:
            ctx = source.codec_context
            rate = Fraction(source.average_rate or source.guessed_rate or 25)
            self.time_base = Fraction(source.time_base)
            self.stream = open_x264(self.container, ctx.width, ctx.height, rate, self.time_base)
        self.segment_tb = Fraction(source.time_base)
        self.decoder = source.codec_context  # pictures of another size are scaled to the first
        self.durations.clear()
        self.first_of_segment = True

    def _out(self, ts: int) -> int:
        return round(ts * self.segment_tb / self.time_base)

    def write(self, packet: av.Packet, dur: int) -> None:
        if packet.pts is not None:
            self.durations[packet.pts] = dur
        self.packets += 1
        for frame in self.decoder.decode(packet):
            self._encode(frame)

    def end_segment(self) -> None:
        """The segment's last pictures (the decoder holds some back); call before it closes."""
        if self.decoder is not None:
            for frame in self.decoder.decode(None):
                self._encode(frame)
            self.decoder = None

    def _encode(self, frame: av.VideoFrame) -> None:
        src_pts = frame.pts
        dur = self.durations.pop(src_pts, None) if src_pts is not None else None
        out_dur = max(1, self._out(dur)) if dur else self.last_dur
        if src_pts is None:
            out_pts = self.next_pts
        else:
            if self.first_of_segment:
                self.offset = self.next_pts - self._out(src_pts)  # closes up the hole before it
            out_pts = self._out(src_pts) + self.offset
        self.first_of_segment = False
        if self.last_pts is not None and out_pts <= self.last_pts:
            out_pts = self.last_pts + 1
        frame = masked_frame(frame, self.masker)
        frame.pts, frame.time_base = out_pts, self.time_base
        for packet in self.stream.encode(frame):
            if not packet.duration:
                packet.duration = out_dur
            self.container.mux(packet)
        self.pictures += 1
        self.last_pts, self.last_dur = out_pts, out_dur
        self.end_pts = max(self.end_pts, out_pts + out_dur)
        self.next_pts = max(self.next_pts, out_pts + out_dur)

    def finish(self) -> None:
        if self.pictures == 0:
            raise ExportError("no picture of the range could be decoded")
        for packet in self.stream.encode(None):
            self.container.mux(packet)


def export_clip(
    segments: Sequence[tuple[Path, datetime, datetime]],
    start: datetime,
    end: datetime,
    out: Path,
    masker: Masker | None = None,
) -> ClipInfo:
    """Remux the packets of `segments` (path, start, end; in time order) that fall in
    [start, end] into the MP4 `out`; re-encoded with the pictures masked if `masker` has
    polygons (those it holds when the export starts). Raises ExportError naming the
    problem."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ExportError("export range: start and end must carry a time zone")
    if end <= start:
        raise ExportError(f"export range: end {end.isoformat()} is not after start")
    out = Path(out)
    if not out.parent.is_dir():
        raise ExportError(f"output folder {out.parent} does not exist")
    chosen = [(Path(p), s, e) for p, s, e in segments if s < end and e > start]
    if not chosen:
        raise ExportError(
            f"no recording between {start.isoformat()} and {end.isoformat()} "
            f"(among {len(segments)} segment(s))"
        )
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=PART_SUFFIX, dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    polygons = masker.polygons if masker is not None else ()
    try:
        first_wall, last_wall, duration = _remux(
            chosen, start, end, tmp, Masker(polygons) if polygons else None
        )
        digest = hashlib.sha256()
        with tmp.open("rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
        size = tmp.stat().st_size
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return ClipInfo(out, digest.hexdigest(), size, duration, first_wall, last_wall)


def _remux(
    chosen: list[tuple[Path, datetime, datetime]],
    start: datetime,
    end: datetime,
    tmp: Path,
    masker: Masker | None = None,
) -> tuple[datetime, datetime, float]:
    """Write the clip to `tmp` (copied, or masked and re-encoded with a `masker`); returns
    the wall times of its first and last packet and its duration in seconds."""
    first_wall: datetime | None = None
    last_wall = start
    with av.open(str(tmp), "w", format="mp4", options={"movflags": "+faststart"}) as dst:
        writer: _Writer | _MaskedWriter = (
            _Writer(dst) if masker is None else _MaskedWriter(dst, masker)
        )
        started = False
        lead: list[tuple[av.Packet, int, datetime]] = []  # the GOP up to `start`
        for path, seg_start, _seg_end in chosen:
            if not path.is_file():
                raise ExportError(f"segment file {path} is missing")
            try:
                src = av.open(str(path))
            except (av.FFmpegError, OSError) as exc:
                raise ExportError(f"segment file {path} is unreadable: {exc}") from exc
            with src:
                if not src.streams.video:
                    raise ExportError(f"segment file {path} holds no video")
                stream = src.streams.video[0]
                time_base = Fraction(stream.time_base or Fraction(1, 90000))
                rate = stream.average_rate or stream.guessed_rate or 25
                frame_dur = max(1, round(1 / (Fraction(rate) * time_base)))
                writer.begin_segment(stream, path)
                first_pts: int | None = None
                # Segments may overlap a little (the recorder re-syncing to a drifting camera
                # clock): go on from the first keyframe not already covered.
                catching_up = started
                try:
                    for packet in src.demux(stream):
                        if packet.dts is None or packet.pts is None or packet.size == 0:
                            continue
                        if first_pts is None:
                            first_pts = packet.pts
                        dur = packet.duration or frame_dur
                        at = seg_start + timedelta(
                            seconds=float((packet.pts - first_pts) * time_base)
                        )
                        if at >= end:
                            break
                        if not started:
                            if packet.is_keyframe:
                                lead = []
                            elif not lead:
                                continue  # no keyframe yet to decode it from
                            lead.append((packet, dur, at))
                            if at + timedelta(seconds=float(dur * time_base)) <= start:
                                continue
                            started = True
                            for early, early_dur, _ in lead:
                                writer.write(early, early_dur)
                            first_wall = lead[0][2]
                            lead = []
                        elif catching_up:
                            half_frame = timedelta(seconds=float(dur * time_base) / 2)
                            if not packet.is_keyframe or at < last_wall - half_frame:
                                continue
                            catching_up = False
                            writer.write(packet, dur)
                        else:
                            writer.write(packet, dur)
                        last_wall = max(last_wall, at + timedelta(seconds=float(dur * time_base)))
                    writer.end_segment()
                except av.FFmpegError as exc:
                    raise ExportError(f"segment file {path} is damaged: {exc}") from exc
        if first_wall is None or writer.packets == 0:
            raise ExportError(
                f"no video between {start.isoformat()} and {end.isoformat()} in "
                f"{', '.join(str(p) for p, _, _ in chosen)}"
            )
        writer.finish()
    duration = float(writer.end_pts * writer.time_base)
    return first_wall, last_wall, duration
