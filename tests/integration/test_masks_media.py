"""Privacy masks in recorded media, checked on the decoded pictures: a masked recording (sim:,
a file, an RTSP camera) is black where masked and only there, a mask drawn or removed while
recording takes effect, a site that keeps the original picture records it as it is and masks
every clip and replay, and a camera without masks is still copied, not re-encoded."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path

import av
import numpy as np
import pytest

from console.core.auth import Role
from console.core.desk import Desk
from devices.cameras.base import Segment
from devices.cameras.exporter import ExportError, export_clip
from devices.cameras.masks import Masker, Polygon, polygon
from devices.cameras.rtsp_peer import RtspPeer
from schema.types import utcnow
from tests.conftest import ADMIN_PASSWORD
from tests.integration.test_recorder import Sink, assert_abut, make_file, probe, wait_for
from tests.integration.test_recordings import site_file

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions

# The sim picture's bottom band is bright (the background ramps up to the bottom).
SIM_RIGHT = polygon([(0.55, 0.75), (0.95, 0.75), (0.95, 0.95), (0.55, 0.95)])
SIM_LEFT = polygon([(0.05, 0.75), (0.45, 0.75), (0.45, 0.95), (0.05, 0.95)])
BLACK = 25  # the mean grey of a masked region is below this
LIT = 60  # ... and of these sim and testsrc regions, unmasked, above this


def inner(poly: Polygon, margin: float = 0.02) -> Rect:
    """The polygon's bounding box less a margin (compression blurs the mask's edges)."""
    xs, ys = [x for x, _ in poly], [y for _, y in poly]
    return min(xs) + margin, min(ys) + margin, max(xs) - margin, max(ys) - margin


def pictures(path: Path) -> list[np.ndarray]:
    """Every picture of the file, grey (full range: the mask's black is 0)."""
    with av.open(str(path)) as container:
        return [frame.to_ndarray(format="gray") for frame in container.decode(video=0)]


def mean(picture: np.ndarray, rect: Rect) -> float:
    h, w = picture.shape
    x0, y0, x1, y1 = rect
    return float(picture[int(y0 * h) : int(y1 * h), int(x0 * w) : int(x1 * w)].mean())


def assert_masked(path: Path, masked: Polygon, clear: Polygon) -> int:
    """Every picture black in `masked` and lit in `clear`; returns how many there are."""
    shots = pictures(path)
    assert shots, f"{path}: no picture"
    for n, shot in enumerate(shots):
        assert mean(shot, inner(masked)) < BLACK, f"{path} picture {n}: not masked"
        assert mean(shot, inner(clear)) > LIT, f"{path} picture {n}: blacked out"
    return len(shots)


def video_packets(path: Path) -> list[bytes]:
    with av.open(str(path)) as container:
        return [bytes(p) for p in container.demux(video=0) if p.size]


def codec(path: Path) -> tuple[object, ...]:
    with av.open(str(path)) as container:
        ctx = container.streams.video[0].codec_context
        return (ctx.width, ctx.height, ctx.pix_fmt, bytes(ctx.extradata or b""))


def test_sim_recording_is_masked_and_a_new_mask_takes_effect(tmp_path: Path) -> None:
    sink = Sink()
    masker = Masker([SIM_RIGHT])
    recorder = sink.recorder("yard", "sim:yard", tmp_path, segment_s=2.0, masker=masker)
    recorder.start()
    try:
        wait_for(lambda: len(sink.segments) >= 2, 15, "two segments")
        masker.set([SIM_LEFT])  # the admin moves the mask while recording
        wait_for(lambda: len(sink.segments) >= 4, 15, "two more segments")
        replay = recorder.dump_recent(1.5, tmp_path / "replay.mp4")
    finally:
        recorder.stop()
    first, last = sink.segments[0], sink.segments[-1]
    assert assert_masked(first.path, SIM_RIGHT, SIM_LEFT) == 20  # 10 fps, 2 s
    assert assert_masked(last.path, SIM_LEFT, SIM_RIGHT) >= 1
    assert assert_masked(sink.segments[3].path, SIM_LEFT, SIM_RIGHT) == 20
    assert assert_masked(replay, SIM_LEFT, SIM_RIGHT) >= 15
    assert_abut(sink.segments, timedelta(seconds=0.1))
    assert not sink.gaps


# testsrc (ffmpeg's test picture, 320x240): bright colour bars at the top right.
BARS = polygon([(0.5, 0.0), (0.75, 0.0), (0.75, 0.75), (0.5, 0.75)])
CORNER = polygon([(0.78, 0.02), (0.98, 0.02), (0.98, 0.22), (0.78, 0.22)])


def test_a_copied_stream_is_masked_from_the_next_picture_and_copied_again_without_masks(
    tmp_path: Path,
) -> None:
    """A file (yuv444p, B-frames, 1 s GOP) plays like a camera: copied while there is no mask,
    decoded and re-encoded masked from the picture after a mask is drawn (mid-GOP), copied
    again from the keyframe after the last mask goes; no footage lost on the way."""
    source = make_file(tmp_path / "clip.mp4", 4, 25)
    sink = Sink()
    masker = Masker()
    recorder = sink.recorder("file", str(source), tmp_path / "rec", segment_s=2.0, masker=masker)
    recorder.start()
    try:
        wait_for(lambda: len(sink.segments) >= 1, 10, "a copied segment")
        time.sleep(0.5)  # into the next GOP
        masker.set([BARS])
        masked_from = len(sink.segments)
        wait_for(lambda: len(sink.segments) >= masked_from + 2, 10, "masked segments")
        masker.set([])
        copied_from = len(sink.segments)
        wait_for(lambda: len(sink.segments) >= copied_from + 2, 10, "copied again")
    finally:
        recorder.stop()
    segments = sink.segments
    original = codec(source)
    # Copied: the camera's very packets and codec parameters.
    first = segments[0]
    assert codec(first.path) == original
    assert video_packets(first.path) == video_packets(source)[:50]
    # The mask was drawn half a second into a GOP: that segment ends there, the next begins
    # with the encoder's keyframe, masked.
    cut = segments[masked_from]
    assert codec(cut.path) == original
    assert 0.3 <= (cut.end - cut.start).total_seconds() <= 1.5
    masked = segments[masked_from + 1]
    assert codec(masked.path) != original
    assert codec(masked.path)[:3] == (320, 240, "yuv420p")
    assert assert_masked(masked.path, BARS, CORNER) >= 25
    with av.open(str(masked.path)) as container:
        keys = [p.is_keyframe for p in container.demux(video=0) if p.size]
    assert keys[0]
    assert 1 <= sum(keys) <= 3  # about one a second
    # Masks removed: copying resumes at the file's next keyframe.
    again = segments[-1]
    assert codec(again.path) == original
    shots = pictures(again.path)
    assert all(mean(s, inner(BARS)) > LIT for s in shots)
    assert_abut(segments, timedelta(seconds=0.1))
    assert not sink.gaps


def test_an_rtsp_camera_is_recorded_masked(tmp_path: Path, rtsp_peer: RtspPeer) -> None:
    """gst's "ball" test picture: a white ball bouncing on black. The left half is masked, so
    the ball vanishes there and shows on the right."""
    left = polygon([(0.0, 0.0), (0.5, 0.0), (0.5, 1.0), (0.0, 1.0)])
    sink = Sink()
    recorder = sink.recorder(
        "gate", rtsp_peer.url("cam2"), tmp_path, segment_s=3.0, masker=Masker([left])
    )
    recorder.start()
    try:
        wait_for(lambda: len(sink.segments) >= 2, 20, "two segments")
    finally:
        recorder.stop()
    shots = [shot for segment in sink.segments for shot in pictures(segment.path)]
    assert len(shots) > 125  # 25 fps, over 5 s
    # Left of the mask's edge (less the few pixels compression smears): never anything lit.
    assert max(int(s[:, : 320 - 8].max()) for s in shots) < 40
    # The ball crossed both halves meanwhile: seen on the right, gone behind the mask.
    seen = [bool((s[:, 320:] > 200).any()) for s in shots]
    assert any(seen)
    assert not all(seen)
    for segment in sink.segments:
        stream = probe(segment.path)["streams"][0]
        assert (stream["codec_name"], stream["width"], stream["height"]) == ("h264", 640, 360)
    assert_abut(sink.segments, timedelta(seconds=0.05))


@pytest.mark.parametrize("keep_original", [True, False])
def test_a_desk_masks_recordings_or_keeps_the_original_and_masks_what_leaves(
    tmp_path: Path, keep_original: bool
) -> None:
    storage = "keep_original = true" if keep_original else ""
    desk = Desk.open(site_file(tmp_path, "sim:gate", storage))
    try:
        admin = desk.auth.add_user(None, "chief", "王班长", Role.ADMIN, ADMIN_PASSWORD)
        desk.recordings.segment_s = 2.0
        desk.cameras.masker("gate").set([SIM_RIGHT])
        began = utcnow()
        desk.start_devices()
        wait_for(lambda: len(desk.recordings.segments("gate", began, utcnow())) >= 2, 15, "2 segs")
        replay = desk.recordings.replay_clip("gate", 1.5)  # from the recorder's memory
        desk.stop_devices()
        segments = desk.recordings.segments("gate", began, utcnow())
        later = desk.recordings.replay_clip("gate", 30)  # from the index
        first = segments[0]
        start, end = first.start + timedelta(seconds=0.5), segments[1].end - timedelta(seconds=0.5)
        clip = desk.recordings.export_clip("gate", start, end, tmp_path / "masked.mp4", admin)
        desk.cameras.masker("gate").set([])
        copy = desk.recordings.export_clip("gate", start, end, tmp_path / "copy.mp4", admin)
        exports = [
            json.loads(r.payload)
            for r in desk.recent_audit(admin)
            if r.action == "recording.export"
        ]
    finally:
        desk.close()
    try:
        if keep_original:
            shots = pictures(first.path)  # the original picture, as the camera showed it
            assert all(mean(s, inner(SIM_RIGHT)) > LIT for s in shots)
        else:
            assert_masked(first.path, SIM_RIGHT, SIM_LEFT)
        assert assert_masked(replay, SIM_RIGHT, SIM_LEFT) >= 15
        assert assert_masked(later, SIM_RIGHT, SIM_LEFT) >= 20
    finally:
        replay.unlink()
        later.unlink()
    # Exported masked: the same stretch and pictures as a copy, re-encoded.
    pictures_in_clip = assert_masked(clip.path, SIM_RIGHT, SIM_LEFT)
    assert pictures_in_clip == len(pictures(copy.path))
    assert (clip.start, clip.end, clip.missing) == (copy.start, copy.end, copy.missing)
    assert abs(clip.duration_s - copy.duration_s) < 0.01
    assert codec(clip.path) != codec(first.path)
    # Without masks the export is a copy: the recorded packets, bit for bit.
    assert codec(copy.path) == codec(first.path)
    recorded = video_packets(first.path) + video_packets(segments[1].path)  # from 0 s: a key
    assert video_packets(copy.path) == recorded[: len(video_packets(copy.path))]
    assert [e["masked"] for e in exports] == [False, True]  # newest first
    assert exports[1]["sha256"] == clip.sha256


def test_export_masks_footage_of_other_codec_settings_too(tmp_path: Path) -> None:
    """Segments recorded before and after a mask was drawn differ in codec parameters: a
    copy refuses to join them, a masked export joins them (and masks both)."""
    sink = Sink()
    masker = Masker()
    recorder = sink.recorder("file", "sim:yard", tmp_path / "rec", segment_s=2.0)
    recorder.start()
    try:
        wait_for(lambda: len(sink.segments) >= 1, 10, "a segment")
    finally:
        recorder.stop()
    other = make_file(tmp_path / "other.mp4", 2, 25)  # 320x240, another encoder's settings
    first = sink.segments[0]
    after = Segment("file", first.end, first.end + timedelta(seconds=2), other, 0)
    parts = [(s.path, s.start, s.end) for s in (first, after)]
    with pytest.raises(ExportError, match="other video settings"):
        export_clip(parts, first.start, after.end, tmp_path / "copy.mp4", masker)
    masker.set([SIM_RIGHT])
    info = export_clip(parts, first.start, after.end, tmp_path / "masked.mp4", masker)
    shots = pictures(info.path)
    assert len(shots) == 20 + 50
    assert {s.shape for s in shots} == {(360, 640)}  # scaled to the first segment's size
    assert all(mean(s, inner(SIM_RIGHT)) < BLACK for s in shots)
    assert abs(info.duration_s - 4.0) < 0.05
    assert sorted(p.name for p in tmp_path.iterdir()) == ["masked.mp4", "other.mp4", "rec"]
