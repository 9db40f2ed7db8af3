"""Changes shared between desks, and device ownership, on SQLite and on a real PostgreSQL.

Two desks in one process, each with its own database connections and origin, stand for two
desk processes (tests/integration/test_multidesk.py runs real processes)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from console.core import changes
from console.core.alarms import AlarmView
from console.core.auth import Role
from console.core.cameras import VIDEO_LOSS_CODE
from console.core.desk import SHARED_HEALTH, Desk, recorder_device
from console.core.dutylog import Category
from console.core.events import Event
from console.core.health import Health
from console.core.ownership import DeviceOwnership, OwnerWatch
from console.core.service import NOTHING_TO_RUN, HeadlessService
from console.core.site import DATABASE_URL_ENV
from devices.alarms.base import DeviceEvent, EventType
from devices.cameras.base import StreamState, StreamStatus
from schema.models import Change
from schema.types import utcnow

SITE = """
[site]
name = "共享测试 Shared test"

[[alarm_sources]]
id = "panel"
kind = "sim"

[[zones]]
id = "z1"
name = "1号楼烟感"
source = "panel"
kind = "fire"
point = "sim:1"
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site whose desks all open one database (a SQLite file, or a PostgreSQL database)."""
    if request.param == "sqlite":
        if request.config.getoption("--database") == "postgresql":
            pytest.skip("ran in the SQLite pass")
        url = f"sqlite:///{tmp_path / 'shared.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    path = tmp_path / "site.toml"
    path.write_text(SITE, encoding="utf-8")
    return path


@pytest.fixture
def desks(shared: Path) -> Iterator[tuple[Desk, Desk]]:
    one, other = Desk.open(shared), Desk.open(shared)
    try:
        yield one, other
    finally:
        one.close()
        other.close()


class Recorder:
    def __init__(self, desk: Desk, prefix: str = "") -> None:
        self.events: list[Event] = []
        self._cond = threading.Condition()
        desk.bus.subscribe(prefix, self._on)

    def _on(self, event: Event) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def wait(self, match: Callable[[Event], bool], timeout: float = 5) -> Event:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = next((e for e in self.events if match(e)), None)
                if found is not None:
                    return found
                left = deadline - time.monotonic()
                assert left > 0, f"no event matched; got {[e.topic for e in self.events]}"
                self._cond.wait(left)

    def topics(self, origin: str | None) -> list[str]:
        return [e.topic for e in self.events if e.origin == origin]


def raise_alarm(desk: Desk, n: int = 1) -> int:
    result = desk.alarms.ingest(
        DeviceEvent("panel", EventType.ALARM, "sim:1", code=f"fire {n}", dedup_key=f"k{n}")
    )
    assert result.alarm_id is not None
    return result.alarm_id


def test_a_note_commits_with_its_change_and_is_published_here_once(
    desks: tuple[Desk, Desk],
) -> None:
    one, _ = desks
    seen = Recorder(one)
    alarm_id = raise_alarm(one)
    assert seen.topics(None) == ["alarm.changed"]  # the zone has no camera: no pop-up
    assert seen.events[0].data["alarm_id"] == alarm_id
    with one.db.read() as s:
        row = s.scalars(select(Change)).one()
    assert (row.topic, row.origin) == ("alarm.changed", one.db.origin)
    assert json.loads(row.data)["alarm_id"] == alarm_id

    # a change that fails leaves neither its note nor an event
    def failing_change() -> None:
        with one.db.write() as s:
            changes.note(s, "duty.log", entry_id=1)
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        failing_change()
    with one.db.read() as s:
        assert s.scalar(select(func.count(Change.id))) == 1
    assert seen.topics(None) == ["alarm.changed"]


def test_another_desks_changes_arrive_in_order_marked_with_their_origin(
    desks: tuple[Desk, Desk],
) -> None:
    one, other = desks
    admin = one.auth.add_user(None, "chief", "王班长", Role.ADMIN, "admin-pass-1")
    one.auth.add_user(admin, "li", "李值班", Role.OPERATOR, "li-pass-12")
    heard = Recorder(other)
    other.start_sync()
    li = one.login("li", "li-pass-12")
    alarm_id = raise_alarm(one)
    one.alarms.acknowledge(li, alarm_id)
    entry = one.duty.add(li, Category.PATROL, "B1 巡视正常")

    heard.wait(lambda e: e.topic == "duty.log" and e.data["entry_id"] == entry.id)
    remote = [e for e in heard.events if e.origin is not None]
    assert {e.origin for e in remote} == {one.db.origin}
    changes_seen = [(e.topic, e.data.get("change")) for e in remote if e.topic == "alarm.changed"]
    assert changes_seen == [("alarm.changed", "raised"), ("alarm.changed", "acknowledged")]
    assert [e.topic for e in remote].index("duty.log") > [e.topic for e in remote].index(
        "alarm.changed"
    )
    # the other desk reads the same truth
    assert other.alarms.get(alarm_id).acknowledged_by == "li"
    # and its own changes are not read back as someone else's
    other.auth.record(li, "auth.logout")  # audit only: no note
    other_alarm = raise_alarm(other, 2)
    time.sleep(3 * changes.POLL_S)
    mine = [e for e in heard.events if e.data.get("alarm_id") == other_alarm]
    assert [e.origin for e in mine] == [None]


def test_catch_up_reads_every_missed_change_and_skips_stale_popups(
    desks: tuple[Desk, Desk],
) -> None:
    one, other = desks
    other.feed.last_id = changes.last_change_id(other.db)  # as start() does, without a thread
    heard = Recorder(other)
    ids = [raise_alarm(one, n) for n in range(3)]
    with one.db.write() as s:
        changes.note(s, "camera.show", camera_id="gate", alarm_id=ids[0])
        changes.note(s, "camera.show", camera_id="lobby", alarm_id=ids[1])
    with one.db.write() as s:  # the first pop-up is a minute old when the desk reads it
        first = s.scalars(select(Change).where(Change.topic == "camera.show")).first()
        assert first is not None
        s.execute(
            update(Change).where(Change.id == first.id).values(at=utcnow() - timedelta(minutes=1))
        )
    assert other.feed.catch_up() == 4
    assert [e.data["alarm_id"] for e in heard.events if e.topic == "alarm.changed"] == ids
    assert [e.data["camera_id"] for e in heard.events if e.topic == "camera.show"] == ["lobby"]
    assert other.feed.catch_up() == 0  # nothing twice


def test_a_table_that_went_back_is_followed_from_its_newest_row(
    desks: tuple[Desk, Desk],
) -> None:
    one, other = desks
    raise_alarm(one)
    other.feed.last_id = changes.last_change_id(other.db) + 1000  # a backup restored
    heard = Recorder(other)
    assert other.feed.catch_up() == 0
    assert heard.topics(None) == ["sync.reset"]
    assert other.feed.last_id == changes.last_change_id(other.db)


def test_a_device_has_one_owner_and_a_refusal_names_it(shared: Path) -> None:
    one, other = Desk.open(shared, role="service"), Desk.open(shared)
    try:
        assert one.start_devices() == []
        assert one.ownership.held == ["alarm source panel", "video analysis"]
        assert len(one.ingest.drivers) == 1
        refused = other.start_devices()
        assert [c.device for c in refused] == ["alarm source panel", "video analysis"]
        assert "watchdesk service on" in refused[0].owner
        assert refused[0].refusal().startswith("alarm source panel is already run by watchdesk")
        assert other.ingest.drivers == []  # the desk opens nothing another process runs
        # a second service has nothing to do and says so with its exit code
        second = Desk.open(shared, role="service")
        try:
            assert HeadlessService(second).run() == NOTHING_TO_RUN
            assert second.ownership.held == []
        finally:
            second.close()
        one.stop_devices()  # the owner stops (or dies): the devices are free again
        later = DeviceOwnership(other.db, "desk")
        assert later.claim("alarm source panel").ok
        later.release_all()
    finally:
        one.close()
        other.close()


def test_a_desk_says_when_nobody_runs_a_device_any_more(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The service stops (or dies): after two probes that find its locks free, the desk puts
    a communication fault in the queue for each alarm source nobody receives now, and the
    site pane's refusals say so; once a process runs it again, the fault is restored."""
    monkeypatch.setattr(OwnerWatch, "INTERVAL_S", 3600.0)  # this test calls check() itself
    one, desk = Desk.open(shared, role="service"), Desk.open(shared)
    try:
        one.start_devices()
        assert [c.device for c in desk.start_devices()] == ["alarm source panel", "video analysis"]
        watch = desk.owner_watch
        assert watch is not None
        said = Recorder(desk, "device.owner")

        def faults() -> list[AlarmView]:
            return [a for a in desk.alarms.open_alarms() if a.event == "comm_fault"]

        watch.check()
        one.stop_devices()  # the service's locks are free from here on
        watch.check()  # free once: a restarted server frees every lock for a moment
        assert faults() == []
        assert not any(c.stopped for c in desk.refused)
        watch.check()
        [fault] = faults()
        assert (fault.source_id, fault.restored_at) == ("panel", None)
        assert "watchdesk service on" in fault.text
        assert desk.health.get("alarm_source", "panel").state is Health.FAULT
        assert [c.stopped for c in desk.refused] == [True, True]
        assert desk.refused[0].refusal().startswith("nobody runs alarm source panel now: ")
        assert said.wait(lambda e: e.data["device"] == "alarm source panel").data["stopped"]
        watch.check()
        assert len(faults()) == 1  # said once

        one.start_devices()  # the service is back
        watch.check()
        assert desk.alarms.get(fault.id).restored_at is not None
        assert [c.stopped for c in desk.refused] == [False, False]
        assert "watchdesk service on" in desk.refused[0].owner
    finally:
        one.close()
        desk.close()


def test_the_owner_shares_its_devices_health(shared: Path) -> None:
    one, other = Desk.open(shared, role="service"), Desk.open(shared)
    try:
        shared_health = Recorder(one, SHARED_HEALTH)
        one.start_devices()
        shared_health.wait(lambda e: e.data["state"] == "ok")  # committed, then published
        other.start_devices()
        other.start_sync()  # a desk started after the owner gets the last shared health
        assert other.health.get("alarm_source", "panel").state is Health.OK
        heard = Recorder(other, "health.changed")
        one.health.report("alarm_source", "panel", Health.FAULT, "line down")
        heard.wait(lambda e: e.data["device_id"] == "panel" and e.data["state"] == "fault")
        assert other.health.get("alarm_source", "panel").detail == "line down"
    finally:
        one.close()
        other.close()


CAMERAS = """
[[cameras]]
id = "yard"
name = "后院 Yard"
main = "sim:yard"
record = true

[[cameras]]
id = "hall"
name = "大堂 Hall"
main = "sim:hall"
"""


def test_only_the_recorders_owner_raises_a_cameras_video_loss(shared: Path) -> None:
    """A desk watching a camera another process records shows it offline but leaves the
    video-loss fault to the recorder's owner while that runs; a camera nobody records, or one
    whose recorder's owner has gone, is the desk's to raise and restore."""
    site = shared.with_name("cameras.toml")
    site.write_text(shared.read_text(encoding="utf-8") + CAMERAS, encoding="utf-8")
    owner, desk = Desk.open(site, role="service"), Desk.open(site)
    recorder = DeviceOwnership(owner.db, "service")  # the owner's recorder, without recording
    try:
        assert recorder.claim(recorder_device("yard")).ok
        refused = desk.start_devices()
        assert recorder_device("yard") in [c.device for c in refused]

        def lost(camera: str) -> StreamStatus:
            return StreamStatus(f"sim:{camera}", StreamState.OFFLINE, utcnow(), "no frames")

        def back(camera: str) -> StreamStatus:
            return StreamStatus(f"sim:{camera}", StreamState.LIVE, utcnow())

        def faults() -> list[tuple[str, str]]:
            views = desk.alarms.open_alarms()
            return [(a.source_id, a.event) for a in views if a.code == VIDEO_LOSS_CODE]

        desk.cameras.report("yard", "tile-1", lost("yard"))
        state = desk.cameras.state("yard")
        assert state is not None
        assert state.state is StreamState.OFFLINE  # the tile says so here
        assert faults() == []  # but the fault is the owner's to raise
        owner.cameras.report("yard", "recorder", lost("yard"))
        assert faults() == [("camera:yard", "comm_fault")]
        desk.cameras.report("hall", "tile-2", lost("hall"))  # nobody records the hall
        assert sorted(faults()) == [("camera:hall", "comm_fault"), ("camera:yard", "comm_fault")]

        def yard() -> datetime | None:
            (alarm,) = [a for a in desk.alarms.open_alarms() if a.source_id == "camera:yard"]
            return alarm.restored_at

        desk.cameras.report("yard", "tile-1", back("yard"))  # back, as this tile sees it
        assert yard() is None  # the owner's recorder restores it
        desk.cameras.report("yard", "tile-1", lost("yard"))
        recorder.release_all()  # the owner dies: nobody else would store the yard's return
        desk.cameras.report("yard", "tile-1", back("yard"))
        assert yard() is not None
    finally:
        recorder.release_all()
        owner.close()
        desk.close()


def test_old_rows_are_pruned(desks: tuple[Desk, Desk]) -> None:
    one, _ = desks
    raise_alarm(one)
    assert changes.prune(one.db, utcnow() + changes.KEEP + timedelta(seconds=1)) == 1
    assert changes.prune(one.db) == 0
