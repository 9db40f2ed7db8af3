"""Clip export from real recorded segments (sim camera, 1 s GOP, 2 s segments): duration, hash,
packets copied bit for bit, holes closed up, errors that name the problem."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import pytest

from devices.cameras.base import Segment
from devices.cameras.exporter import ExportError, export_clip
from devices.cameras.recorder import Recorder


def ffprobe_duration(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(out.stdout)["format"]["duration"])


def packets(path: Path) -> list[tuple[bytes, bool]]:
    with av.open(str(path)) as container:
        return [(bytes(p), p.is_keyframe) for p in container.demux(video=0) if p.size]


def extradata(path: Path) -> tuple[object, ...]:
    with av.open(str(path)) as container:
        ctx = container.streams.video[0].codec_context
        return (ctx.name, ctx.width, ctx.height, ctx.pix_fmt, bytes(ctx.extradata or b""))


@pytest.fixture(scope="module")
def footage(tmp_path_factory: pytest.TempPathFactory) -> list[Segment]:
    """Three abutting 2 s segments from a real recording; the recorder is stopped again."""
    segments: list[Segment] = []
    lock = threading.Lock()

    def keep(segment: Segment) -> None:
        with lock:
            segments.append(segment)

    recorder = Recorder(
        "yard",
        "sim:yard",
        tmp_path_factory.mktemp("footage"),
        on_segment=keep,
        on_gap=lambda _gap: None,
        on_status=lambda _status: None,
        segment_s=2.0,
    )
    recorder.start()
    try:
        deadline = time.monotonic() + 20
        while len(segments) < 3:
            assert time.monotonic() < deadline, "three segments not within 20 s"
            time.sleep(0.05)
    finally:
        recorder.stop()
    return segments[:3]


def parts(segments: list[Segment]) -> list[tuple[Path, datetime, datetime]]:
    return [(s.path, s.start, s.end) for s in segments]


def test_a_clip_across_three_segments(footage: list[Segment], tmp_path: Path) -> None:
    start = footage[0].start + timedelta(seconds=1.5)  # keyframes at 0 and 1 s: starts at 1 s
    end = footage[2].start + timedelta(seconds=1.2)
    out = tmp_path / "clip.mp4"
    began = time.perf_counter()
    info = export_clip(parts(footage), start, end, out)
    took = time.perf_counter() - began
    print(
        f"exported {info.duration_s:.1f} s in {took * 1000:.1f} ms = {info.duration_s / took:.0f}x"
    )

    assert info.path == out
    assert info.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert info.bytes == out.stat().st_size
    wanted = (end - start).total_seconds()
    assert abs(ffprobe_duration(out) - wanted) < 1.0
    assert abs(info.duration_s - ffprobe_duration(out)) < 0.05
    assert info.start == footage[0].start + timedelta(seconds=1)  # the keyframe before start
    assert end - timedelta(seconds=0.11) <= info.end <= end + timedelta(seconds=0.1)
    assert [p.name for p in tmp_path.iterdir()] == ["clip.mp4"]  # no temporary file left

    # Copied, not re-encoded: the same codec parameters and the very same packets.
    assert extradata(out) == extradata(footage[0].path)
    source = packets(footage[0].path)[10:] + packets(footage[1].path) + packets(footage[2].path)
    clip = packets(out)
    assert clip[0][1]  # begins with a keyframe
    assert clip == source[: len(clip)]
    assert len(clip) == 10 + 20 + 12  # 10 fps: 1..2 s, 2 s, 0..1.2 s


def test_a_hole_between_segments_is_closed_up(footage: list[Segment], tmp_path: Path) -> None:
    first, third = footage[0], footage[2]
    start, end = first.start + timedelta(seconds=1), third.start + timedelta(seconds=1)
    info = export_clip(parts([first, third]), start, end, tmp_path / "holes.mp4")
    # 1 s of the first segment, 1 s of the third: the missing 2 s are not in the clip.
    assert abs(ffprobe_duration(info.path) - 2.0) < 0.05
    assert (info.start, info.end) == (start, end)
    assert packets(info.path) == packets(first.path)[10:] + packets(third.path)[:10]


def test_overlapping_segments_do_not_repeat_footage(footage: list[Segment], tmp_path: Path) -> None:
    first, second = footage[0], footage[1]
    early = timedelta(seconds=0.5)  # as if the recorder re-synced to a drifting camera clock
    overlapping = [
        (first.path, first.start, first.end),
        (second.path, second.start - early, second.end - early),
    ]
    info = export_clip(overlapping, first.start, second.end, tmp_path / "overlap.mp4")
    # The second joins at its first keyframe not before the first one's end: 1 s into it.
    assert packets(info.path) == packets(first.path) + packets(second.path)[10:]
    assert abs(ffprobe_duration(info.path) - 3.0) < 0.05


def test_export_errors_name_the_problem(footage: list[Segment], tmp_path: Path) -> None:
    start, end = footage[0].start, footage[1].end
    out = tmp_path / "out" / "clip.mp4"
    with pytest.raises(ExportError, match=re.escape(f"output folder {out.parent} does not exist")):
        export_clip(parts(footage), start, end, out)

    out.parent.mkdir()
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    with pytest.raises(ExportError, match="no recording between 2020-01-01"):
        export_clip(parts(footage), long_ago, long_ago + timedelta(hours=1), out)

    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a video at all" * 100)
    broken = [*parts(footage[:1]), (junk, footage[1].start, footage[1].end)]
    with pytest.raises(ExportError, match=re.escape(f"segment file {junk} is unreadable")):
        export_clip(broken, start, end, out)
    missing = [*parts(footage[:1]), (tmp_path / "gone.mp4", footage[1].start, footage[1].end)]
    with pytest.raises(ExportError, match="gone.mp4 is missing"):
        export_clip(missing, start, end, out)
    with pytest.raises(ExportError, match="is not after start"):
        export_clip(parts(footage), end, start, out)
    assert list(out.parent.iterdir()) == []  # nothing half-written
