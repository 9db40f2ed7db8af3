"""The recorder against real sources (the gst RTSP server, sim:NAME, a file) and real files,
checked with ffprobe: segments valid, abutting and covering the run; outages as gaps; instant
replay; a killed segment recovered; stop() prompt and no password anywhere."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import av
import pytest

from devices.cameras.base import Gap, Segment, StreamState, StreamStatus
from devices.cameras.recorder import Recorder, RecorderError, recover
from devices.cameras.rtsp_peer import RtspPeer

FRAME_25 = timedelta(seconds=0.04)


def probe(path: Path) -> dict[str, Any]:
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "format=duration:stream=codec_name,width,height",
            "-of",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, f"ffprobe {path}: {out.stderr}"
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def duration(path: Path) -> float:
    return float(probe(path)["format"]["duration"])


def wait_for(check: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.02)


def now() -> datetime:
    return datetime.now(UTC)


class Sink:
    """What the recorder reports, collected from its thread."""

    def __init__(self, fail_first_segment: bool = False) -> None:
        self.lock = threading.Lock()
        self.segments: list[Segment] = []
        self.gaps: list[Gap] = []
        self.statuses: list[StreamStatus] = []
        self.fail_first_segment = fail_first_segment

    def segment(self, segment: Segment) -> None:
        with self.lock:
            self.segments.append(segment)
            first = len(self.segments) == 1
        if first and self.fail_first_segment:
            raise RuntimeError("database is down")

    def gap(self, gap: Gap) -> None:
        with self.lock:
            self.gaps.append(gap)

    def status(self, status: StreamStatus) -> None:
        with self.lock:
            self.statuses.append(status)

    def recorder(self, camera_id: str, url: str, root: Path, **kwargs: Any) -> Recorder:
        return Recorder(
            camera_id,
            url,
            root,
            on_segment=self.segment,
            on_gap=self.gap,
            on_status=self.status,
            **kwargs,
        )


def check_segment(segment: Segment, root: Path, tz: Any = UTC) -> None:
    """A closed segment: where it belongs, playable, as long as it says."""
    local = segment.start.astimezone(tz)
    assert segment.path.parent == root / segment.camera_id / local.strftime("%Y-%m-%d")
    assert segment.path.name.startswith(local.strftime("%H%M%S"))
    assert segment.path.suffix == ".mp4"
    assert segment.path.stat().st_size == segment.bytes
    length = (segment.end - segment.start).total_seconds()
    assert 0 < length <= 3.0 + 0.001
    assert abs(duration(segment.path) - length) < 0.5


def assert_abut(segments: list[Segment], tolerance: timedelta) -> None:
    for a, b in zip(segments, segments[1:], strict=False):
        assert abs(b.start - a.end) <= tolerance, (a, b)


def test_rtsp_segments_abut_cover_the_run_and_an_outage_is_one_gap(
    tmp_path: Path, rtsp_peer: RtspPeer
) -> None:
    tz = ZoneInfo("Asia/Shanghai")  # dates and names are local; UTC+8 moves the date at 16:00
    sink = Sink()
    recorder = sink.recorder("gate", rtsp_peer.url("cam2"), tmp_path, segment_s=3.0, tz=tz)
    began = now()
    recorder.start()
    try:
        wait_for(lambda: len(sink.segments) >= 2, 15, "two segments")
        replay = recorder.dump_recent(2.0, tmp_path / "replay.mp4")
        outage_from = now()
        rtsp_peer.stop()
        time.sleep(2.0)
        rtsp_peer.start()
        outage_to = now()
        wait_for(lambda: sink.gaps, 20, "the outage reported as a gap")
        gap_end = sink.gaps[0].end
        wait_for(lambda: any(s.start >= gap_end for s in sink.segments), 10, "recording again")
    finally:
        recorder.stop()
        rtsp_peer.start()  # for the fixture, whatever happened
    ended = now()

    segments = sink.segments
    for segment in segments:
        check_segment(segment, tmp_path, tz)
        assert probe(segment.path)["streams"][0]["width"] == 640
    assert not list(tmp_path.rglob("*.part"))  # stop() closed and renamed the last one
    # The run is covered: from the start, abutting up to the outage, from it to the stop.
    assert abs(segments[0].start - began) < timedelta(seconds=1.5)
    assert abs(ended - segments[-1].end) < timedelta(seconds=1.5)
    [gap] = sink.gaps
    before = [s for s in segments if s.end <= gap.start]
    after = [s for s in segments if s.start >= gap.end]
    assert before + after == segments
    assert_abut(before, FRAME_25)
    assert_abut(after, FRAME_25)
    assert gap.start == before[-1].end
    assert gap.end == after[0].start
    assert gap.start <= outage_from + timedelta(seconds=0.5)
    assert gap.end >= outage_to - timedelta(seconds=0.5)
    assert gap.reason in ("offline", "stalled")
    # Instant replay: the last ~2 s from a keyframe, playable.
    assert probe(replay)["streams"][0]["codec_name"] == "h264"
    assert 1.8 <= duration(replay) <= 3.2
    # Status like a capture worker's: live with stats, one reconnection, stopped at the end.
    live = [s for s in sink.statuses if s.state is StreamState.LIVE]
    assert live
    assert live[0].url_label == rtsp_peer.url("cam2")
    assert any(s.fps > 20 and (s.source_width, s.source_height) == (640, 360) for s in live)
    assert sink.statuses[0].state is StreamState.CONNECTING
    assert sink.statuses[-1].state is StreamState.STOPPED
    assert sink.statuses[-1].reconnects == 1
    assert sink.statuses[-1].frames > 100


def test_sim_recording_replay_a_failing_index_and_recovery_after_a_kill(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root, crashed = tmp_path / "rec", tmp_path / "crashed"
    sink = Sink(fail_first_segment=True)
    recorder = sink.recorder("lobby", "sim:lobby", root, segment_s=3.0, replay_s=5.0)
    with pytest.raises(RecorderError, match="lobby: nothing to replay"):
        recorder.dump_recent(2.0, tmp_path / "replay.mp4")
    recorder.start()
    try:
        # "Kill" the process mid-segment: copy the open .part as it is, fragment by fragment.
        def two_fragments() -> bytes:
            for part in root.rglob("*.mp4.part"):
                data = part.read_bytes()
                if data.count(b"moof") >= 2:
                    killed = crashed / "lobby" / part.parent.name / part.name
                    killed.parent.mkdir(parents=True)
                    killed.write_bytes(data)
                    return data
            return b""

        wait_for(two_fragments, 10, "an open segment with two fragments")
        [killed] = crashed.rglob("*.mp4.part")
        data = killed.read_bytes()
        (killed.parent / "cut.mp4.part").write_bytes(data[: len(data) - 200])  # mid-fragment
        (killed.parent / "junk.mp4.part").write_bytes(b"\x00garbage" * 100)
        (killed.parent / "empty.mp4.part").write_bytes(b"")
        wait_for(lambda: len(sink.segments) >= 2, 10, "two segments")
        replay = recorder.dump_recent(2.0, tmp_path / "replay.mp4")
        time.sleep(1.0)
    finally:
        recorder.stop()
    stopped = now()

    segments = sink.segments
    assert len(segments) >= 3
    # The index failed for the first segment: logged, and recording went on; the file stays.
    assert "on_segment failed" in caplog.text
    assert "database is down" in caplog.text
    for segment in segments:
        check_segment(segment, root)
        stream = probe(segment.path)["streams"][0]
        assert (stream["codec_name"], stream["width"], stream["height"]) == ("h264", 640, 360)
    assert_abut(segments, timedelta(seconds=0.1))
    assert abs(stopped - segments[-1].end) < timedelta(seconds=0.5)  # stop() closed the last
    assert not list(root.rglob("*.part"))
    assert 1.8 <= duration(replay) <= 3.2

    # recover(): the killed copies become segments, the unreadable leftovers go.
    recovered = recover(crashed, "lobby")
    assert (killed.parent / "cut.mp4").stat().st_size < len(data) - 200  # torn fragment cut off
    names = sorted(s.path.name for s in recovered)
    assert names == sorted(["cut.mp4", killed.name.removesuffix(".part")])
    assert sorted(p.name for p in killed.parent.iterdir()) == names
    original = next(s for s in segments if s.path.name == killed.name.removesuffix(".part"))
    for segment in recovered:
        assert segment.camera_id == "lobby"
        assert segment.start == original.start  # the start the recorder wrote into the file
        length = (segment.end - segment.start).total_seconds()
        assert 0.9 <= length <= 3.0
        assert abs(duration(segment.path) - length) < 0.5
        assert segment.bytes == segment.path.stat().st_size
    assert recover(crashed, "lobby") == []  # nothing left to recover


def make_file(path: Path, seconds: float, gop: int) -> Path:
    """An H.264 file at 25 fps with B-frames (pts and dts differ), by the ffmpeg program."""
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25"]
        + ["-t", str(seconds), "-c:v", "libx264", "-g", str(gop), "-bf", "2", str(path)],
        check=True,
    )
    return path


def test_a_file_loops_like_a_camera_and_segments_stay_continuous(tmp_path: Path) -> None:
    source = make_file(tmp_path / "clip.mp4", 2, 25)
    sink = Sink()
    recorder = sink.recorder("file", str(source), tmp_path / "rec", segment_s=3.0)
    recorder.start()
    try:
        wait_for(lambda: len(sink.segments) >= 2, 15, "two segments")
    finally:
        recorder.stop()
    segments = sink.segments
    for segment in segments:
        check_segment(segment, tmp_path / "rec")
    assert_abut(segments, FRAME_25)
    # Played at its own rate (about 25 packets a second), across the loop at 2 s.
    assert segments[0].end - segments[0].start == timedelta(seconds=3)
    with av.open(str(segments[0].path)) as container:
        assert sum(1 for p in container.demux(video=0) if p.size) == 75
    assert not sink.gaps


def test_without_a_keyframe_in_time_the_segment_is_cut_and_the_rest_is_a_gap(
    tmp_path: Path,
) -> None:
    source = make_file(tmp_path / "long-gop.mp4", 8, 100)  # keyframes at 0 and 4 s only
    sink = Sink()
    recorder = sink.recorder("slow", str(source), tmp_path / "rec", segment_s=3.0)
    recorder.start()
    try:
        wait_for(lambda: sink.gaps, 10, "a gap")
    finally:
        recorder.stop()
    first, second = sink.segments[:2]
    [gap] = sink.gaps
    assert gap.reason == "error: no keyframe within 3 s"
    assert (gap.start, gap.end) == (first.end, second.start)
    # Cut at the limit (less the B-frames whose reference came too late), dropped until 4 s.
    assert 2.8 <= (first.end - first.start).total_seconds() <= 3.0
    assert 1.0 <= (gap.end - gap.start).total_seconds() <= 1.2
    for segment in sink.segments:
        check_segment(segment, tmp_path / "rec")
        with av.open(str(segment.path)) as container:
            assert next(p for p in container.demux(video=0) if p.size).is_keyframe


def test_stop_is_prompt_while_the_camera_does_not_answer_and_no_password_leaks(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        sink = Sink()
        url = f"rtsp://admin:s3cret@127.0.0.1:{port}/live"
        recorder = sink.recorder("back", url, tmp_path, segment_s=3.0)
        recorder.start()
        time.sleep(3.5)  # one 2 s open timeout, a backoff, then blocked in the next open
        began = time.monotonic()
        recorder.stop()
        assert time.monotonic() - began < 3.0
    assert not sink.segments
    assert not list(tmp_path.rglob("*.mp4*"))
    assert [s.state for s in sink.statuses if s.state is StreamState.LIVE] == []
    assert sink.statuses[-1].state is StreamState.STOPPED
    assert any(s.detail.startswith("no answer within") for s in sink.statuses)
    assert sink.statuses[0].url_label == f"rtsp://127.0.0.1:{port}/live"
    # Never connected: the whole run is one gap, reported at stop.
    [gap] = sink.gaps
    assert gap.reason == "stalled"
    assert gap.end - gap.start > timedelta(seconds=3)
    assert "s3cret" not in repr(sink.statuses) + repr(sink.gaps) + caplog.text
