"""Video analysis end to end: scripted sim cameras -> analysis workers -> alarm queue.

One desk analyses six cameras at once (5 fps each), each with its own scripted scene: the lens
covered, defocused, turned away, a person walking through an armed area, the same through an
area whose schedule is off now, an object falling down a façade. Every alarm is read back from
the database with its snapshot file.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import cv2
import pytest

from console.core import changes
from console.core.alarms import AlarmView
from console.core.analytics import AreaDraft
from console.core.desk import Desk
from console.core.events import Event
from console.core.site import DATABASE_URL_ENV
from devices.cameras.analytics import Schedule, TamperState

EVENT_S = 5  # when the scripted events begin (the analysis has learnt each view by then)
WHOLE = [[0.0, 0.15], [1.0, 0.15], [1.0, 1.0], [0.0, 1.0]]  # below the burnt-in clock
MASK = [[0.75, 0.2], [0.98, 0.2], [0.98, 0.45], [0.75, 0.45]]


def camera(cid: str, scene: str, extra: str = "") -> str:
    return f'[[cameras]]\nid = "{cid}"\nname = "{cid}"\nmain = "sim:{cid}?scene={scene}"\n{extra}'


def zone(zid: str, cid: str) -> str:
    return (
        f'[[zones]]\nid = "{zid}"\nname = "{zid}"\nsource = "video"\nkind = "video"\n'
        f'point = "video:{zid}"\ncamera = "{cid}"\n'
    )


SITE = (
    '[site]\nname = "analytics"\n'
    + camera("covered", f"black@{EVENT_S}-{EVENT_S + 6}")
    + camera("blurred", f"blur@{EVENT_S}-{EVENT_S + 6}")
    + camera("turned", f"shift@{EVENT_S}-{EVENT_S + 6}")
    + camera("walker", f"walk@{EVENT_S}-{EVENT_S + 3}")
    + camera("walker-off", f"walk@{EVENT_S}-{EVENT_S + 3}", "tamper = false\n")
    + camera("facade", f"fall@{EVENT_S}", "tamper = false\nrecord = true\n")
    + '[[alarm_sources]]\nid = "video"\nkind = "video"\n'
    + zone("walk-zone", "walker")
    + zone("off-zone", "walker-off")
    + zone("fall-zone", "facade")
)


def wait_for(what: str, check: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def off_now(desk: Desk) -> Schedule:
    """A schedule that is not armed now: an hour starting three hours from now."""
    local = datetime.now(desk.site.tz())
    start, end = local + timedelta(hours=3), local + timedelta(hours=4)
    return Schedule(
        frozenset(),
        start.time().replace(second=0, microsecond=0),
        end.time().replace(second=0, microsecond=0),
    )


@dataclass
class Watcher:
    """Another desk on the same database, analysing nothing, and the tamper states it heard."""

    desk: Desk
    told: list[Event] = field(default_factory=list)


# the analysing desk, its queue at the end, and the watching desk
Run = tuple[Desk, list[AlarmView], Watcher]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    """The six cameras analysed until every scripted event is over; the queue at the end."""
    folder = tmp_path_factory.mktemp("analytics")
    path = folder / "site.toml"
    path.write_text(SITE, encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_DATA_HOME", str(folder / "data"))
    desk = Desk.open(path)
    watcher = Watcher(Desk.open(path))
    watcher.desk.bus.subscribe("camera.tamper", watcher.told.append)
    watcher.desk.start_sync()
    try:
        from console.core.auth import Actor, Role

        admin = Actor(0, "chief", "chief", Role.ADMIN)
        save = desk.analytics.save_area
        save(admin, AreaDraft("walker", "intrusion", WHOLE, zone_id="walk-zone"))
        save(admin, AreaDraft("walker", "privacy", MASK))
        save(
            admin,
            AreaDraft("walker-off", "intrusion", WHOLE, zone_id="off-zone", schedule=off_now(desk)),
        )
        save(admin, AreaDraft("facade", "thrown", WHOLE, zone_id="fall-zone"))
        desk.analytics.start()
        assert sorted(desk.analytics.analysed_cameras()) == sorted(
            ["covered", "blurred", "turned", "walker", "walker-off", "facade"]
        )

        def restored(source: str) -> bool:
            return any(a.source_id == source and a.restored_at for a in desk.alarms.open_alarms())

        for source in ("camera:covered", "camera:blurred", "camera:turned"):
            wait_for(f"{source} raised and restored", functools.partial(restored, source), 30)
        wait_for("the walk-zone restore", lambda: restored("video") or False, 10)
        desk.analytics.stop()
        newest = changes.last_change_id(desk.db)
        wait_for("the other desk caught up", lambda: watcher.desk.feed.last_id >= newest, 5)
        yield desk, desk.alarms.open_alarms(), watcher
    finally:
        desk.analytics.stop()
        watcher.desk.close()
        desk.close()
        mp.undo()


def of_source(alarms: list[AlarmView], source: str) -> list[AlarmView]:
    return [a for a in alarms if a.source_id == source]


def snapshot(desk: Desk, alarm_id: int) -> Path:
    [path] = [
        desk.cameras.snapshots_dir / e.snapshot
        for e in desk.alarms.detail(alarm_id).events
        if e.snapshot
    ]
    assert path.is_file()
    return path


@pytest.mark.parametrize(
    ("cid", "code"),
    [
        ("covered", "tamper_covered"),
        ("blurred", "tamper_defocused"),
        ("turned", "tamper_turned"),
    ],
)
def test_tampering_raises_a_trouble_with_a_snapshot_and_restores(
    run: Run, cid: str, code: str
) -> None:
    desk, alarms, _ = run
    [alarm] = of_source(alarms, f"camera:{cid}")
    assert (alarm.event, alarm.code, alarm.zone_kind) == ("trouble", code, "tamper")
    assert alarm.zone_name == cid  # the camera's name
    assert alarm.restored_at is not None
    assert alarm.restored_at > alarm.raised_at
    # Raised some seconds after the scene began (hold time), restored after it ended.
    events = desk.alarms.detail(alarm.id).events
    assert [e.type for e in events] == ["trouble", "trouble_restore"]
    assert cv2.imread(str(snapshot(desk, alarm.id))) is not None
    assert desk.analytics.tamper_state(cid) is None  # no longer analysed (stopped)


def test_another_desk_follows_the_tamper_state_of_each_camera(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk analysing the cameras shares their tamper states; another desk's wall badges
    and analytics pane follow them through the change feed."""
    desk, _, watcher = run
    told = watcher.told
    for cid, covered in [("covered", "covered"), ("blurred", "defocused"), ("turned", "turned")]:
        states = [e.data["state"] for e in told if e.data["camera_id"] == cid]
        # OK when the analysis began, the tampering, OK again when it restored
        assert states == ["ok", covered, "ok"], (cid, states)
    assert {e.origin for e in told} == {desk.db.origin}
    walking = [e.data["state"] for e in told if e.data["camera_id"] == "walker"]
    assert walking == ["ok"]  # analysed for tampering, never tampered
    # what the watcher's wall tiles and analytics pane read when a camera is put on them
    assert watcher.desk.analytics.tamper_state("covered") is TamperState.OK
    assert watcher.desk.analytics.tamper_state("walker-off") is None  # never said
    # a desk started afterwards reads the last shared state (this test has XDG folders of its
    # own: the database is named)
    monkeypatch.setenv(DATABASE_URL_ENV, desk.db.url)
    later = Desk.open(desk.site.path)
    try:
        later.start_sync()
        assert later.analytics.tamper_state("turned") is TamperState.OK
    finally:
        later.close()


def test_walking_cameras_raise_no_tampering(run: Run) -> None:
    _, alarms, _ = run
    assert of_source(alarms, "camera:walker") == []
    assert of_source(alarms, "camera:facade") == []


def test_intrusion_in_an_armed_area_raises_and_restores(run: Run) -> None:
    desk, alarms, _ = run
    [alarm] = [a for a in alarms if a.zone_id == "walk-zone"]
    assert (alarm.zone_kind, alarm.code, alarm.priority, alarm.camera_id) == (
        "video",
        "intrusion",
        3,
        "walker",
    )
    assert alarm.restored_at is not None
    picture = cv2.imread(str(snapshot(desk, alarm.id)))
    assert picture is not None
    height, width = picture.shape[:2]
    # The privacy mask is black in the snapshot too; the rest of the picture is not.
    masked = picture[int(0.25 * height) : int(0.4 * height), int(0.8 * width) : int(0.95 * width)]
    assert masked.max() == 0
    assert picture[int(0.9 * height), int(0.1 * width)].max() > 40


def test_no_intrusion_outside_the_schedule(run: Run) -> None:
    _, alarms, _ = run
    assert [a for a in alarms if a.zone_id == "off-zone"] == []


def test_a_falling_object_raises_thrown_and_locks_its_footage(
    run: Run,
) -> None:
    desk, alarms, _ = run
    [alarm] = [a for a in alarms if a.zone_id == "fall-zone"]
    assert alarm.code == "thrown"
    [lock] = desk.recordings.locks("facade")
    assert lock.ref == f"alarm:{alarm.id}"
    assert lock.start < alarm.raised_at < lock.end
    assert (lock.end - lock.start).total_seconds() == 30
