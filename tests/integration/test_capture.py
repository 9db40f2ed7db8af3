"""Capture workers against real peers: the gst-rtsp-server camera, dead ports, files."""

from __future__ import annotations

import logging
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import av
import numpy as np
import pytest

from devices.cameras.base import Frame, StreamState, StreamStatus
from devices.cameras.capture import CaptureWorker, open_capture
from devices.cameras.rtsp_peer import RtspPeer
from devices.cameras.sim import render
from tests.camera_watch import Watch

LOGGER = "devices.cameras.capture"


def state_is(state: StreamState) -> Callable[[StreamStatus], bool]:
    return lambda status: status.state is state


@pytest.fixture
def capture() -> Iterator[Callable[..., tuple[CaptureWorker, Watch]]]:
    """Starts workers and stops every one of them at the end."""
    workers: list[CaptureWorker] = []

    def start(url: str, size: tuple[int, int] = (640, 360)) -> tuple[CaptureWorker, Watch]:
        watch = Watch()
        worker = open_capture(
            url, name="test", size=size, on_frame=watch.on_frame, on_status=watch.on_status
        )
        workers.append(worker)
        worker.start()
        return worker, watch

    yield start
    for worker in workers:
        worker.stop()


def take(worker: CaptureWorker, check: Callable[[Frame], bool] | None = None) -> Frame:
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        frame = worker.take()
        if frame is not None and (check is None or check(frame)):
            return frame
        time.sleep(0.01)
    raise AssertionError("no such frame within 3 s")


def ball(frame: Frame) -> tuple[float, float]:
    """Where the test picture's white ball is, as fractions of the width and height."""
    ys, xs = np.nonzero(frame.image[..., :3].max(axis=2) > 200)
    assert xs.size, "no ball in the picture"
    return float(xs.mean()) / frame.width, float(ys.mean()) / frame.height


def dead_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- a live camera --------------------------------------------------------------------------


def test_rtsp_frames_arrive_at_the_tile_size_at_the_camera_rate(
    rtsp_peer: RtspPeer, capture
) -> None:
    main, watch = capture(rtsp_peer.url("cam1"), size=(480, 400))
    sub, sub_watch = capture(rtsp_peer.url("cam1-sub"), size=(1920, 1080))
    wrong, wrong_watch = capture(rtsp_peer.url("cam1") + "-nope")
    _, went_live = watch.wait_for(state_is(StreamState.LIVE), 6)
    assert (went_live.source_width, went_live.source_height) == (1280, 720)
    frame = take(main)
    assert (frame.width, frame.height, frame.image.shape) == (480, 270, (270, 480, 4))
    assert (frame.source_width, frame.source_height) == (1280, 720)
    assert frame.image.dtype == np.uint8
    assert frame.image.flags.c_contiguous
    assert frame.image[..., :3].max() > 200, "a decoded picture (the white ball), not a blank"
    assert frame.wall.tzinfo is UTC
    main.set_size(320, 320)
    later = take(main, lambda f: f.width == 320 and f.decoded_mono > frame.decoded_mono + 0.3)
    assert later.height == 180
    assert np.hypot(*np.subtract(ball(later), ball(frame))) > 0.01, "the ball moves"

    sub_frame = take(sub)
    assert (sub_frame.width, sub_frame.height) == (640, 360), "never scaled above the source"
    _, denied = wrong_watch.wait_for(lambda s: bool(s.detail), 4)
    assert denied.state is StreamState.CONNECTING
    assert "404" in denied.detail

    # The camera sends 25 fps; fps is measured over the last 2 s (past the first burst).
    time.sleep(max(0.0, 2.3 - (time.monotonic() - watch.statuses[1][0])))
    status = main.status()
    assert 22 <= status.fps <= 28, status.fps
    assert status.state is StreamState.LIVE
    assert status.frames >= 50
    assert any(s.fps > 0 for _, s in watch.statuses[2:]), "stats about once a second"
    assert main.status().reconnects == 0


def test_a_camera_that_goes_away_is_offline_after_5_s_and_live_when_back(
    rtsp_peer: RtspPeer, capture
) -> None:
    worker, watch = capture(rtsp_peer.url("cam2"))
    watch.wait_for(state_is(StreamState.LIVE), 6)
    take(worker)
    mark = watch.count()
    rtsp_peer.stop()
    offline_at, offline = watch.wait_for(state_is(StreamState.OFFLINE), 8, start=mark)
    last_frame = watch.frame_times[-1]
    assert 4.9 <= offline_at - last_frame <= 5.5, offline_at - last_frame
    assert abs((datetime.now(UTC) - offline.since).total_seconds() - 5.0) < 0.6
    assert offline.detail, "says why"
    frames_before = offline.frames

    mark = watch.count()
    rtsp_peer.start()
    back = time.monotonic()
    live_at, live = watch.wait_for(state_is(StreamState.LIVE), 12, start=mark)
    # Retries so far waited about 1, 2 and 4 s; the next is at most one 4.8 s step away.
    assert live_at - back <= 4.8 + 2.5, live_at - back
    assert live.reconnects == 1
    assert live.detail == ""
    assert live.since > offline.since
    assert take(worker, lambda f: f.seq > frames_before).seq > frames_before


class StallProxy:
    """A TCP relay to the camera that can freeze: connections stay open, nothing moves."""

    def __init__(self, port: int) -> None:
        self._target = ("127.0.0.1", port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.frozen = threading.Event()
        self._stop = threading.Event()
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ)
        self._thread = threading.Thread(target=self._run, name="stall-proxy")
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            if self.frozen.is_set():
                self._stop.wait(0.05)
                continue
            for key, _ in self._selector.select(0.05):
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                if sock is self._listener:
                    client, _ = sock.accept()
                    upstream = socket.create_connection(self._target)
                    self._selector.register(client, selectors.EVENT_READ, upstream)
                    self._selector.register(upstream, selectors.EVENT_READ, client)
                    continue
                data = sock.recv(65536)
                if data:
                    key.data.sendall(data)
                else:
                    for s in (sock, key.data):
                        self._selector.unregister(s)
                        s.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for key in list(self._selector.get_map().values()):
            key.fileobj.close()
        self._selector.close()


def test_a_camera_that_hangs_is_offline_after_5_s_and_stop_stays_prompt(
    rtsp_peer: RtspPeer, capture
) -> None:
    proxy = StallProxy(rtsp_peer.port)
    try:
        worker, watch = capture(f"rtsp://127.0.0.1:{proxy.port}/cam2")
        watch.wait_for(state_is(StreamState.LIVE), 6)
        take(worker)
        mark = watch.count()
        proxy.frozen.set()
        offline_at, offline = watch.wait_for(state_is(StreamState.OFFLINE), 8, start=mark)
        last_frame = watch.frame_times[-1]
        assert 4.9 <= offline_at - last_frame <= 5.6, offline_at - last_frame
        assert "2 s" in offline.detail, offline.detail  # no data / no answer within 2 s
        # The worker is now in its retries, each blocked until the 2 s timeout.
        time.sleep(0.5)
        began = time.monotonic()
        worker.stop()
        assert time.monotonic() - began < 2.5
        assert worker.status().state is StreamState.STOPPED
    finally:
        proxy.close()


# --- cameras that never answer --------------------------------------------------------------


def test_nothing_listening_goes_offline_after_5_s_and_keeps_retrying(
    capture, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    url = f"rtsp://admin:s3cret@127.0.0.1:{dead_port()}/ch1"
    worker, watch = capture(url)
    # Meanwhile a server that accepts connections but never answers.
    silent = socket.create_server(("127.0.0.1", 0))
    try:
        quiet, quiet_watch = capture(f"rtsp://127.0.0.1:{silent.getsockname()[1]}/ch1")
        started_at, connecting = watch.wait_for(state_is(StreamState.CONNECTING), 1)
        _, refused = watch.wait_for(lambda s: bool(s.detail), 2)
        assert refused.state is StreamState.CONNECTING
        assert refused.detail == "Connection refused"
        offline_at, offline = watch.wait_for(state_is(StreamState.OFFLINE), 7)
        assert 4.9 <= offline_at - started_at <= 5.5
        assert offline.since == connecting.since, "never had a frame: offline since start"
        assert offline.detail == "Connection refused"

        _, timed_out = quiet_watch.wait_for(lambda s: bool(s.detail), 1)
        assert timed_out.detail == "no answer within 2 s"
        # A stop while the worker is blocked in an open returns within the 2 s bound.
        began = time.monotonic()
        quiet.stop()
        assert time.monotonic() - began < 2.5
        assert quiet.status().state is StreamState.STOPPED
    finally:
        silent.close()

    attempts = [r for r in caplog.records if "Connection refused" in r.getMessage()]
    assert len(attempts) >= 3, "retried (after about 1 s and 2 s more)"
    everything = caplog.text + repr(watch.statuses) + worker.url_label
    assert "s3cret" not in everything
    assert "admin" not in everything


# --- files ----------------------------------------------------------------------------------


def test_a_bad_file_says_why(tmp_path: Path, capture) -> None:
    _, missing = capture(str(tmp_path / "no-such.mp4"))
    notes = tmp_path / "notes.mp4"
    notes.write_text("not a video\n" * 100)
    _, garbage = capture(str(notes))
    _, status = missing.wait_for(lambda s: bool(s.detail), 2)
    assert status.detail == "No such file or directory"
    assert status.state is StreamState.CONNECTING
    _, status = garbage.wait_for(lambda s: bool(s.detail), 2)
    assert "Invalid data" in status.detail


def test_a_file_plays_at_its_own_rate_and_loops(tmp_path: Path, capture) -> None:
    clip = tmp_path / "clip.mp4"
    with av.open(str(clip), "w") as out:
        stream = out.add_stream("libx264", rate=25, options={"preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        at = datetime.now(UTC)
        for i in range(25):  # one second
            image = render("clip", 320, 240, i / 25, at)
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)

    worker, watch = capture(str(clip), size=(160, 160))
    live_at, status = watch.wait_for(state_is(StreamState.LIVE), 2)
    assert (status.source_width, status.source_height) == (320, 240)
    frame = take(worker)
    assert (frame.width, frame.height) == (160, 120)
    assert frame.image[..., :3].std() > 10
    while time.monotonic() - live_at < 1.6:
        time.sleep(0.05)
    frames = worker.status().frames
    # Paced by timestamps: about 40 in 1.6 s, past the 25 in the file (it looped), and not
    # the hundreds a flat-out decode would give.
    assert 33 <= frames <= 46, frames
    assert worker.status().state is StreamState.LIVE
