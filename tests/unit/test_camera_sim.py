"""The sim:NAME test picture and SimCapture, plus the small shared pieces capture relies on."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from devices.cameras.base import Backoff, StreamState, StreamStatus, scrub, url_label
from devices.cameras.capture import (
    CaptureWorker,
    PyAVCapture,
    SimCapture,
    fit_inside,
    open_capture,
)
from devices.cameras.sim import SIM_FPS, render
from tests.camera_watch import Watch

pytestmark = pytest.mark.no_database  # runs once, not again per engine

AT = datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=UTC)


def started(url: str, size: tuple[int, int], watch: Watch) -> CaptureWorker:
    worker = open_capture(
        url, name="t", size=size, on_frame=watch.on_frame, on_status=watch.on_status
    )
    worker.start()
    return worker


def live(status: StreamStatus) -> bool:
    return status.state is StreamState.LIVE


# --- render ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(640, 360), (1280, 720), (321, 179), (16, 10)])
def test_render_is_rgb_uint8_contiguous_at_the_size_asked(size: tuple[int, int]) -> None:
    image = render("cam1", *size, 0.5, AT)
    assert image.shape == (size[1], size[0], 3)
    assert image.dtype == np.uint8
    assert image.flags.c_contiguous
    assert image.flags.writeable  # the caller owns it: not a view of the cached background


def test_render_moves_with_time_and_does_not_touch_the_cache() -> None:
    first = render("cam1", 640, 360, 0.0, AT)
    nxt = render("cam1", 640, 360, 1 / SIM_FPS, AT)
    later = render("cam1", 640, 360, 1.0, AT)
    assert np.any(first != nxt), "consecutive frames must differ"
    assert np.count_nonzero(np.any(first != later, axis=2)) > 5000, "the box moved away"
    first[:] = 0
    assert np.array_equal(render("cam1", 640, 360, 1.0, AT), later)


def test_each_name_has_its_own_background_and_sub_matches_main() -> None:
    cam1, cam2 = (render(n, 320, 180, 0.0, AT) for n in ("cam1", "cam2"))
    # Mean colour of the right half (away from the box at t=0 and the clock).
    assert np.abs(cam1[:, 200:].mean((0, 1)) - cam2[:, 200:].mean((0, 1))).max() > 20
    sub = render("cam1-sub", 320, 180, 0.0, AT)
    assert np.abs(cam1[:60, 200:].mean((0, 1)) - sub[:60, 200:].mean((0, 1))).max() < 1


def test_the_clock_shows_at_and_only_the_clock_changes_with_it() -> None:
    a = render("cam1", 640, 360, 2.0, AT)
    b = render("cam1", 640, 360, 2.0, AT + timedelta(milliseconds=1))
    changed_rows = np.flatnonzero(np.any(a != b, axis=(1, 2)))
    assert changed_rows.size > 0, "a millisecond later must show a different clock"
    assert changed_rows.max() < 360 // 8, "the clock is burnt in at the top"
    c = render("cam1", 640, 360, 2.0, AT + timedelta(days=400))
    assert np.any(a != c)


def test_render_is_cheap() -> None:
    render("cheap", 640, 360, 0.0, AT)  # the background is drawn once per name and size
    best = min(_time_renders(50) for _ in range(3))
    assert best < 0.003, f"{best * 1000:.2f} ms per 640x360 frame"


def _time_renders(n: int) -> float:
    began = time.perf_counter()
    for i in range(n):
        render("cheap", 640, 360, i / SIM_FPS, AT)
    return (time.perf_counter() - began) / n


# --- small pieces ---------------------------------------------------------------------------


def test_backoff_doubles_to_the_cap_with_bounded_jitter() -> None:
    backoff = Backoff(rng=random.Random(7))
    nominal = [1, 2, 4, 8, 16, 30, 30, 30]
    delays = [backoff.next() for _ in nominal]
    for delay, base in zip(delays, nominal, strict=True):
        assert 0.8 * base <= delay <= min(30, 1.2 * base)
    assert len(set(delays)) == len(delays), "jittered, not fixed"
    backoff.reset()
    assert 0.8 <= backoff.next() <= 1.2


def test_addresses_lose_their_credentials() -> None:
    assert url_label("rtsp://admin:s3cret@10.0.0.5:554/ch1") == "rtsp://10.0.0.5:554/ch1"
    assert url_label("rtsp://10.0.0.5/ch1") == "rtsp://10.0.0.5/ch1"
    assert url_label("sim:gate") == "sim:gate"
    text = "Connection refused: 'rtsp://admin:s3cret@10.0.0.5:554/ch1'"
    assert scrub(text) == "Connection refused: 'rtsp://10.0.0.5:554/ch1'"


@pytest.mark.parametrize(
    ("source", "box", "fitted"),
    [
        ((1280, 720), (640, 360), (640, 360)),
        ((1280, 720), (400, 400), (400, 224)),  # aspect kept, even sides
        ((1280, 720), (1920, 1080), (1280, 720)),  # never above the source
        ((640, 360), (300, 1000), (300, 168)),
        ((1280, 720), (3, 3), (2, 2)),
    ],
)
def test_fit_inside(source, box, fitted) -> None:
    assert fit_inside(source, box) == fitted


def test_open_capture_picks_the_worker_by_address() -> None:
    def make(url: str) -> CaptureWorker:
        return open_capture(
            url, name="x", size=(64, 36), on_frame=lambda: None, on_status=lambda s: None
        )

    assert isinstance(make("sim:gate"), SimCapture)
    assert isinstance(make("rtsp://u:p@cam/1"), PyAVCapture)
    assert make("rtsp://u:p@cam/1").url_label == "rtsp://cam/1"
    assert isinstance(make("/var/video/demo.mp4"), PyAVCapture)
    for bad in ("sim:", "http://u:p@cam/video"):
        with pytest.raises(ValueError, match=r"sim|unsupported") as exc:
            make(bad)
        assert "u:p" not in str(exc.value)


# --- SimCapture -----------------------------------------------------------------------------


def test_sim_capture_scales_to_the_tile_and_reports_the_source() -> None:
    watch = Watch()
    worker = started("sim:lobby", (400, 400), watch)
    try:
        _, first = watch.wait_for(live, 2)
        assert (first.source_width, first.source_height) == (1280, 720)
        frame = _take(worker)
        assert (frame.width, frame.height, frame.image.shape) == (400, 224, (224, 400, 4))
        assert frame.wall.tzinfo is UTC
        worker.set_size(1920, 1080)
        frame = _take(worker, lambda f: f.width != 400)
        assert (frame.width, frame.height) == (1280, 720), "no upscaling above the source"
        worker.set_size(0, 0)  # a hidden tile
        assert _take(worker, lambda f: f.width != 1280).image.shape == (2, 2, 4)
    finally:
        worker.stop()
    sub_watch = Watch()
    sub = started("sim:lobby-sub", (1920, 1080), sub_watch)
    try:
        _, status = sub_watch.wait_for(live, 2)
        assert (status.source_width, status.source_height) == (640, 360)
        assert _take(sub).image.shape == (360, 640, 4)
    finally:
        sub.stop()


def test_sim_capture_keeps_only_the_newest_and_counts_drops() -> None:
    watch = Watch()
    worker = started("sim:drops", (160, 90), watch)
    deadline = time.monotonic() + 3
    while worker.status().frames < 10 and time.monotonic() < deadline:
        time.sleep(0.02)
    worker.stop()
    status = worker.status()
    assert status.state is StreamState.STOPPED
    assert status.frames >= 10
    assert status.dropped == status.frames - 1, "nobody took: all but the newest were dropped"
    assert watch.frames == status.frames, "on_frame once per stored frame"
    newest = worker.take()
    assert newest is not None
    assert newest.seq == status.frames
    assert worker.take() is None, "a frame is handed out once"


def test_sim_capture_runs_at_its_rate_and_stops_cleanly() -> None:
    watch = Watch()
    worker = started("sim:rate", (160, 90), watch)
    taken = 0
    _, first_live = watch.wait_for(live, 2)
    began = time.monotonic()
    while time.monotonic() - began < 2.2:  # a viewer taking every frame
        if worker.take() is not None:
            taken += 1
        time.sleep(0.005)
    running = worker.status()
    worker.stop()
    worker.stop()  # idempotent
    assert 23 <= running.fps <= 27, running.fps
    assert any(live(s) and s.fps > 0 for _, s in watch.statuses[2:]), "stats while LIVE"
    assert taken >= 45
    assert worker.status().dropped < 5
    states = [s.state for _, s in watch.statuses]
    assert states[0] is StreamState.CONNECTING
    assert states[-1] is StreamState.STOPPED
    assert states.count(StreamState.STOPPED) == 1
    assert StreamState.LIVE in states
    assert first_live.since >= watch.statuses[0][1].since


def test_a_failing_callback_is_logged_and_does_not_stop_the_stream(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.ERROR, logger="devices.cameras.capture")

    def explode() -> None:
        raise RuntimeError("viewer bug")

    worker = open_capture(
        "sim:bugs", name="b", size=(64, 36), on_frame=explode, on_status=lambda s: None
    )
    worker.start()
    deadline = time.monotonic() + 3
    while worker.status().frames < 5 and time.monotonic() < deadline:
        time.sleep(0.02)
    worker.stop()
    assert worker.status().frames >= 5
    assert "on_frame callback failed" in caplog.text


def _take(worker: CaptureWorker, check: Callable | None = None, timeout: float = 2.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        frame = worker.take()
        if frame is not None and (check is None or check(frame)):
            return frame
        time.sleep(0.01)
    raise AssertionError("no such frame")
