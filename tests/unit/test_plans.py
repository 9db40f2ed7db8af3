"""Plan markers (placed by admins, kept in the database) and what each marker shows."""

from __future__ import annotations

import pytest

from console.core.alarms import Resolution
from console.core.auth import PermissionDenied
from console.core.desk import Desk
from console.core.health import Health
from console.core.plans import MarkerKind, PlanError
from devices.alarms.base import DeviceEvent, EventType
from schema.models import AuditRecord

ZONE, CAMERA = MarkerKind.ZONE, MarkerKind.CAMERA


def raise_alarm(desk: Desk, point: str) -> int:
    result = desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, point, code="x"))
    assert result.alarm_id is not None
    return result.alarm_id


def test_admin_places_moves_and_removes_markers_with_an_audit_record(desk: Desk, admin) -> None:
    seen: list[dict] = []
    desk.bus.subscribe("plan.changed", lambda e: seen.append(e.data))
    desk.plans.place(admin, "site", ZONE, "b1-f1-smoke", 0.25, 0.5)
    desk.plans.place(admin, "site", CAMERA, "east-gate", 0.9, 0.1)
    desk.plans.place(admin, "garage-b1", ZONE, "b1-f1-smoke", 0.3, 0.7)  # moved to another plan

    on_site = {(m.device.kind, m.device.ref): (m.x, m.y) for m in desk.plans.markers("site")}
    assert on_site == {(CAMERA, "east-gate"): (0.9, 0.1)}
    [moved] = desk.plans.markers("garage-b1")
    assert (moved.device.ref, moved.x, moved.y, moved.placed_by) == (
        "b1-f1-smoke",
        0.3,
        0.7,
        "chief",
    )
    assert moved.device.name == "1号楼1层大堂烟感"
    assert {(d.kind, d.ref) for d in desk.plans.unplaced()} >= {(ZONE, "garage-b1-ir")}
    assert (ZONE, "b1-f1-smoke") not in {(d.kind, d.ref) for d in desk.plans.unplaced()}

    desk.plans.remove(admin, ZONE, "b1-f1-smoke")
    assert desk.plans.markers("garage-b1") == []
    assert [d["ref"] for d in seen] == ["b1-f1-smoke", "east-gate", "b1-f1-smoke", "b1-f1-smoke"]
    with desk.db.read() as s:
        actions = [r.action for r in s.query(AuditRecord).filter(AuditRecord.action.like("plan.%"))]
    assert actions == ["plan.place"] * 3 + ["plan.remove"]


def test_only_admins_place_and_bad_placements_are_refused(desk: Desk, admin, operator) -> None:
    with pytest.raises(PermissionDenied):
        desk.plans.place(operator, "site", ZONE, "b1-f1-smoke", 0.5, 0.5)
    with pytest.raises(PermissionDenied):
        desk.plans.remove(operator, ZONE, "b1-f1-smoke")
    cases = [
        (("nowhere", ZONE, "b1-f1-smoke", 0.5, 0.5), "no_plan"),
        (("site", ZONE, "no-such-zone", 0.5, 0.5), "no_device"),
        (("site", CAMERA, "b1-f1-smoke", 0.5, 0.5), "no_device"),  # a zone id, not a camera
        (("site", ZONE, "b1-f1-smoke", 1.01, 0.5), "off_plan"),
        (("site", ZONE, "b1-f1-smoke", 0.5, float("nan")), "off_plan"),
    ]
    for args, code in cases:
        with pytest.raises(PlanError) as caught:
            desk.plans.place(admin, *args)
        assert caught.value.code == code
    with pytest.raises(PlanError) as caught:
        desk.plans.remove(admin, ZONE, "b1-f1-smoke")
    assert caught.value.code == "not_placed"
    assert desk.plans.markers() == []


def test_a_zone_flashes_until_acknowledged_then_stays_coloured_until_closed(
    desk: Desk, operator
) -> None:
    assert desk.plans.states() == {}
    tamper = raise_alarm(desk, "sim:9")
    fire = raise_alarm(desk, "sim:1")
    states = desk.plans.states()
    assert set(states) == {(ZONE, "b1-f1-smoke"), (ZONE, "garage-b1-tamper")}
    smoke = states[ZONE, "b1-f1-smoke"]
    assert (smoke.flashing, smoke.priority, smoke.alarm_id, smoke.offline) == (True, 1, fire, False)
    assert states[ZONE, "garage-b1-tamper"].priority == 4

    desk.alarms.acknowledge(operator, fire)
    smoke = desk.plans.states()[ZONE, "b1-f1-smoke"]
    assert (smoke.flashing, smoke.priority, smoke.open_alarms) == (False, 1, 1)

    again = raise_alarm(desk, "sim:1")  # a new activation after the acknowledgement
    smoke = desk.plans.states()[ZONE, "b1-f1-smoke"]
    assert (smoke.flashing, smoke.alarm_id, smoke.open_alarms) == (True, again, 2)

    desk.alarms.acknowledge(operator, again)
    desk.alarms.close(operator, again, Resolution.FALSE, "测试")
    desk.alarms.close(operator, fire, Resolution.FALSE, "测试")
    assert (ZONE, "b1-f1-smoke") not in desk.plans.states()
    assert desk.plans.states()[ZONE, "garage-b1-tamper"].alarm_id == tamper


def test_faulted_sources_grey_their_zones_and_offline_cameras_grey(desk: Desk) -> None:
    desk.health.report("alarm_source", "demo-panel", Health.FAULT, "no answer")
    desk.health.report("camera", "garage-b1", Health.FAULT, "video loss")
    states = desk.plans.states()
    zones = {ref for kind, ref in states if kind is ZONE}
    assert zones == {z.id for z in desk.site.zones if z.source == "demo-panel"}  # the panel's
    assert states[ZONE, "b1-f1-smoke"].offline
    assert states[ZONE, "b1-f1-smoke"].detail == "no answer"
    assert states[CAMERA, "garage-b1"].offline
    assert (CAMERA, "east-gate") not in states

    desk.health.report("alarm_source", "demo-panel", Health.OK)
    desk.health.report("camera", "garage-b1", Health.OK)
    assert desk.plans.states() == {}


def test_a_shelved_zone_is_coloured_but_does_not_flash(desk: Desk, admin) -> None:
    from datetime import timedelta

    from schema.types import utcnow

    desk.alarms.shelve(admin, "garage-b1-tamper", "探测器待修", utcnow() + timedelta(hours=1))
    raise_alarm(desk, "sim:9")
    state = desk.plans.states()[ZONE, "garage-b1-tamper"]
    assert (state.flashing, state.priority, state.open_alarms) == (False, 4, 1)


def test_an_unknown_marker_kind_is_a_plan_error(desk: Desk, admin) -> None:
    with pytest.raises(PlanError) as caught:
        desk.plans.place(admin, "site", "door", "b1-f1-smoke", 0.5, 0.5)
    assert caught.value.code == "no_device"
