"""Core's cameras against a real RTSP server: live views, video loss into the alarm queue."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from console.core.alarms import State
from console.core.cameras import VIDEO_LOSS_CODE, camera_source_id
from console.core.desk import Desk
from console.core.health import Health
from devices.cameras.base import StreamState, StreamStatus
from devices.cameras.rtsp_peer import RtspPeer


def wait_for(check: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.05)


def write_site(tmp_path: Path, main: str, sub: str | None = None) -> Path:
    site = tmp_path / "site.toml"
    sub_line = f'sub = "{sub}"\n' if sub else ""
    site.write_text(
        f"""[site]
name = "Cameras"

[storage]
recordings = "rec"

[[cameras]]
id = "gate"
name = "东门入口"
main = "{main}"
{sub_line}""",
        encoding="utf-8",
    )
    return site


@pytest.fixture
def peer_desk(tmp_path: Path, rtsp_peer: RtspPeer) -> Iterator[Desk]:
    desk = Desk.open(write_site(tmp_path, rtsp_peer.url("cam1"), rtsp_peer.url("cam1-sub")))
    yield desk
    desk.close()


def test_sub_stream_for_small_tiles_and_main_when_enlarged(peer_desk: Desk) -> None:
    frames = threading.Event()
    small = peer_desk.cameras.open_view("gate", "sub", (320, 180), frames.set, lambda st: None)
    big = peer_desk.cameras.open_view("gate", "main", (960, 540), lambda: None, lambda st: None)
    try:
        wait_for(lambda: small.status().state is StreamState.LIVE, 10, "sub stream live")
        wait_for(lambda: big.status().state is StreamState.LIVE, 10, "main stream live")
        assert (small.profile, big.profile) == ("sub", "main")
        wait_for(lambda: small.status().source_width == 640, 3, "sub resolution")
        wait_for(lambda: big.status().source_width == 1280, 3, "main resolution")
        assert frames.wait(5)
        taken: list = []

        def took() -> bool:
            taken.append(small.take())
            return taken[-1] is not None

        wait_for(took, 5, "a frame")
        frame = taken[-1]
        assert frame.image.shape == (frame.height, frame.width, 4)
        assert (frame.image[..., 3] == 255).all()  # BGRA, opaque
        assert frame.width <= 320
        assert frame.height <= 180
        assert (frame.source_width, frame.source_height) == (640, 360)
        assert peer_desk.health.get("camera", "gate").state is Health.OK
    finally:
        small.close()
        big.close()


def test_video_loss_is_one_fault_in_the_queue_and_comes_back_restored(
    peer_desk: Desk, rtsp_peer: RtspPeer
) -> None:
    statuses: list[StreamStatus] = []
    view = peer_desk.cameras.open_view("gate", "sub", (320, 180), lambda: None, statuses.append)
    try:
        wait_for(lambda: view.status().state is StreamState.LIVE, 10, "live")
        rtsp_peer.stop()
        stopped = time.monotonic()
        wait_for(lambda: view.status().state is StreamState.OFFLINE, 8, "offline")
        assert time.monotonic() - stopped < 7.5  # 5 s without frames, plus a read timeout
        state = peer_desk.cameras.state("gate")
        assert state is not None
        assert state.state is StreamState.OFFLINE

        # The capture thread reports health, publishes, then stores the fault: the view can
        # say offline a moment before the fault is committed.
        def video_faults() -> list:
            return [a for a in peer_desk.alarms.open_alarms() if a.code == VIDEO_LOSS_CODE]

        wait_for(video_faults, 2, "the video-loss fault stored")
        assert peer_desk.health.get("camera", "gate").state is Health.FAULT
        faults = video_faults()
        assert len(faults) == 1
        fault = faults[0]
        assert (fault.source_id, fault.zone_name, fault.event, fault.state) == (
            camera_source_id("gate"),
            "东门入口",
            "comm_fault",
            State.NEW,
        )
        rtsp_peer.start()
        wait_for(lambda: view.status().state is StreamState.LIVE, 12, "live again")
        wait_for(
            lambda: peer_desk.alarms.get(fault.id).restored_at is not None, 3, "fault restored"
        )
        assert peer_desk.health.get("camera", "gate").state is Health.OK
        # Nothing closes by itself, and the outage raised exactly one alarm.
        assert [a.id for a in video_faults()] == [fault.id]
        assert view.status().reconnects >= 1
    finally:
        view.close()
    assert view.status().state is StreamState.STOPPED


def test_snapshot_is_logged_in_the_audit_chain(peer_desk: Desk) -> None:
    from sqlalchemy import select

    from console.core.auth import Role
    from schema.models import AuditRecord
    from schema.types import utcnow
    from tests.conftest import ADMIN_PASSWORD

    admin = peer_desk.auth.add_user(None, "chief", "王班长", Role.ADMIN, ADMIN_PASSWORD)

    at = utcnow()
    path = peer_desk.cameras.snapshot_path("gate", at)
    assert path.parent.is_dir()
    assert f"{at.astimezone(peer_desk.site.tz()):%Y-%m-%d}" in str(path)
    path.write_bytes(b"\x89PNG")
    assert peer_desk.cameras.snapshot_path("gate", at) != path  # never overwrites
    peer_desk.cameras.record_snapshot(admin, "gate", path, at)
    with peer_desk.db.read() as s:
        rows = s.scalars(select(AuditRecord).where(AuditRecord.action == "camera.snapshot")).all()
        assert [(r.actor, r.subject) for r in rows] == [(admin.name, "gate")]
    assert peer_desk.verify_audit()[1] is None
    with pytest.raises(KeyError, match="no camera 'nope'"):
        peer_desk.cameras.snapshot_path("nope", at)
