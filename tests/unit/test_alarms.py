"""The alarm queue's rules, on the demo site's zones (sim:1 fire ... sim:9 tamper)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.core import alarms as core
from console.core.alarms import AlarmError, Resolution, State
from console.core.auth import PermissionDenied, Role
from console.core.desk import Desk
from devices.alarms.base import DeviceEvent, EventType
from schema.types import utcnow

SRC = "demo-panel"


def ev(point: str | None, kind: EventType = EventType.ALARM, **kw: object) -> DeviceEvent:
    return DeviceEvent(SRC, kind, point, code=f"{point}={kind.value}", **kw)


def test_alarm_is_stored_mapped_to_its_zone_and_published_after_commit(desk: Desk) -> None:
    seen: list[tuple[str, bool]] = []

    def on_event(e) -> None:
        # The subscriber can already read what it is told about.
        stored = e.data.get("alarm_id") in {a.id for a in desk.alarms.open_alarms()}
        seen.append((e.topic, stored))

    desk.bus.subscribe("", on_event)
    result = desk.alarms.ingest(ev("sim:1"))
    assert result.outcome == "raised"
    alarm = desk.alarms.get(result.alarm_id)
    assert (alarm.zone_id, alarm.zone_kind, alarm.priority, alarm.state) == (
        "b1-f1-smoke",
        "fire",
        1,
        State.NEW,
    )
    assert alarm.camera_id == "b1-lobby"
    assert ("alarm.changed", True) in seen
    assert ("camera.show", True) in seen


def test_queue_order_is_priority_then_oldest(desk: Desk) -> None:
    ids = {}
    for point in ("sim:9", "sim:4", "sim:2", "sim:7", "sim:1"):  # tamper, ir, fire, panic, fire
        ids[point] = desk.alarms.ingest(ev(point)).alarm_id
    order = [a.id for a in desk.alarms.open_alarms()]
    assert order == [ids["sim:2"], ids["sim:1"], ids["sim:7"], ids["sim:4"], ids["sim:9"]]


def test_lifecycle_with_sop_steps_dispatch_and_close(desk: Desk, operator) -> None:
    alarm_id = desk.alarms.ingest(ev("sim:1")).alarm_id
    with pytest.raises(AlarmError) as exc:
        desk.alarms.close(operator, alarm_id, Resolution.FALSE, "x")
    assert exc.value.code == "not_acknowledged"
    acked = desk.alarms.acknowledge(operator, alarm_id)
    assert acked.state == State.ACKNOWLEDGED
    assert acked.acknowledged_by == "li"
    assert acked.seconds_to_acknowledge is not None
    assert acked.seconds_to_acknowledge >= 0
    with pytest.raises(AlarmError):
        desk.alarms.acknowledge(operator, alarm_id)
    desk.alarms.tick_step(operator, alarm_id, "notify")
    with pytest.raises(AlarmError) as exc:
        desk.alarms.tick_step(operator, alarm_id, "notify")
    assert exc.value.code == "step_done"
    with pytest.raises(AlarmError):
        desk.alarms.tick_step(operator, alarm_id, "no-such-step")
    desk.alarms.dispatch(operator, alarm_id, "东门岗 张保安")
    detail = desk.alarms.detail(alarm_id)
    assert detail.alarm.state == State.IN_PROGRESS
    assert detail.alarm.dispatched_to == "东门岗 张保安"
    assert set(detail.ticked()) == {"notify"}
    assert detail.sop.kind == "fire"
    with pytest.raises(AlarmError) as exc:
        desk.alarms.close(operator, alarm_id, Resolution.FALSE, "   ")
    assert exc.value.code == "comment_required"
    desk.alarms.close(operator, alarm_id, Resolution.FALSE, "厨房油烟")
    closed = desk.alarms.get(alarm_id)
    assert (closed.state, closed.resolution, closed.closed_by) == (State.CLOSED, "false", "li")
    assert desk.alarms.open_alarms() == []
    actions = [r.action for r in desk.recent_audit(desk.auth.authenticate("chief", "admin-pass-1"))]
    for action in (
        "alarm.event.raised",
        "alarm.acknowledge",
        "alarm.step",
        "alarm.dispatch",
        "alarm.close",
    ):
        assert action in actions
    assert desk.verify_audit()[1] is None


def test_restore_is_attached_but_never_closes_a_latching_alarm(desk: Desk) -> None:
    alarm_id = desk.alarms.ingest(ev("sim:5")).alarm_id  # perimeter
    result = desk.alarms.ingest(ev("sim:5", EventType.RESTORE))
    assert (result.outcome, result.alarm_id) == ("restored", alarm_id)
    alarm = desk.alarms.get(alarm_id)
    assert alarm.state == State.NEW
    assert alarm.restored_at is not None
    assert [a.id for a in desk.alarms.open_alarms()] == [alarm_id]


def test_repeat_while_unacknowledged_counts_and_after_ack_is_new(desk: Desk, operator) -> None:
    first = desk.alarms.ingest(ev("sim:4")).alarm_id
    again = desk.alarms.ingest(ev("sim:4"))
    assert (again.outcome, again.alarm_id) == ("repeat", first)
    assert desk.alarms.get(first).repeats == 1
    desk.alarms.acknowledge(operator, first)
    third = desk.alarms.ingest(ev("sim:4"))
    assert third.outcome == "raised"
    assert third.alarm_id != first


def test_duplicate_resend_is_stored_but_raises_nothing(desk: Desk) -> None:
    line = "5011 18123411300100 5"
    first = desk.alarms.ingest(ev("sim:4", dedup_key=line))
    dup = desk.alarms.ingest(ev("sim:4", dedup_key=line))
    assert dup.outcome == "duplicate"
    assert dup.alarm_id is None
    assert desk.alarms.get(first.alarm_id).repeats == 0
    assert desk.alarms.events_count(duplicates=True) == 1
    later = desk.alarms.ingest(
        ev("sim:4", dedup_key=line, received_at=utcnow() + timedelta(seconds=120))
    )
    assert later.outcome == "repeat"  # the same line much later is a new report


def test_unmapped_point_and_comm_fault_are_queued(desk: Desk) -> None:
    unmapped = desk.alarms.get(desk.alarms.ingest(ev("sim:42", kind_hint="fire")).alarm_id)
    assert unmapped.unmapped
    assert unmapped.zone_kind == "fire"
    assert unmapped.priority == 1
    fault_id = desk.alarms.ingest(ev(None, EventType.COMM_FAULT, text="no reply")).alarm_id
    fault = desk.alarms.get(fault_id)
    assert (fault.event, fault.priority, fault.unmapped) == ("comm_fault", 5, False)
    restored = desk.alarms.ingest(ev(None, EventType.COMM_RESTORE))
    assert restored.alarm_id == fault_id
    assert desk.alarms.detail(fault_id).sop.kind == "fault"


def test_trouble_on_a_fire_zone_is_a_fault_priority(desk: Desk) -> None:
    alarm = desk.alarms.get(desk.alarms.ingest(ev("sim:3", EventType.TROUBLE)).alarm_id)
    assert (alarm.event, alarm.zone_kind, alarm.priority) == ("trouble", "fire", 5)
    assert not alarm.sounds


def test_reset_marks_the_panels_open_alarms(desk: Desk) -> None:
    a = desk.alarms.ingest(ev("sim:1")).alarm_id
    b = desk.alarms.ingest(ev("sim:2")).alarm_id
    assert desk.alarms.ingest(ev(None, EventType.RESET)).outcome == "reset"
    for alarm_id in (a, b):
        detail = desk.alarms.detail(alarm_id)
        assert detail.alarm.state == State.NEW  # still latched
        assert [n.kind for n in detail.notes] == ["reset"]


def test_tests_and_info_are_stored_not_queued(desk: Desk) -> None:
    assert desk.alarms.ingest(ev("sim:1", EventType.TEST)).outcome == "stored"
    assert desk.alarms.open_alarms() == []
    assert desk.alarms.events_count() == 1


def test_flood_after_ten_new_alarms(desk: Desk) -> None:
    floods: list[bool] = []
    desk.bus.subscribe("alarm.flood", lambda e: floods.append(e.data["active"]))
    for n in range(9):
        desk.alarms.ingest(ev(f"sim:{n + 1}"))
    assert not desk.alarms.flood().active
    assert floods == []
    desk.alarms.ingest(ev("sim:1"))  # a repeat is a new alarm too
    assert desk.alarms.flood() == core.FloodState(True, 10)
    assert floods == [True]


def test_shelving_needs_a_supervisor_reason_and_expiry(desk: Desk, admin, operator) -> None:
    until = utcnow() + timedelta(hours=2)
    with pytest.raises(PermissionDenied):
        desk.alarms.shelve(operator, "garage-b1-ir", "施工", until)
    boss = desk.auth.add_user(admin, "zhang", "张主管", Role.SUPERVISOR, "super-pass-1")
    with pytest.raises(AlarmError) as exc:
        desk.alarms.shelve(boss, "garage-b1-ir", " ", until)
    assert exc.value.code == "reason_required"
    with pytest.raises(AlarmError) as exc:
        desk.alarms.shelve(boss, "garage-b1-ir", "施工", utcnow() - timedelta(minutes=1))
    assert exc.value.code == "expiry_past"
    desk.alarms.shelve(boss, "garage-b1-ir", "车库施工，探测器误报", until)
    shelved = desk.alarms.get(desk.alarms.ingest(ev("sim:4")).alarm_id)
    live = desk.alarms.get(desk.alarms.ingest(ev("sim:9")).alarm_id)
    assert shelved.shelved
    assert not shelved.sounds
    assert [a.id for a in desk.alarms.open_alarms()] == [live.id, shelved.id]
    desk.alarms.unshelve(boss, "garage-b1-ir")
    assert desk.alarms.get(shelved.id).sounds
    actions = [r.action for r in desk.recent_audit(admin)]
    assert "zone.shelve" in actions
    assert "zone.unshelve" in actions


def test_age_levels_follow_site_settings(desk: Desk, operator) -> None:
    alarm = desk.alarms.get(desk.alarms.ingest(ev("sim:1")).alarm_id)
    warn, late = desk.site.alarms.age_warn_s, desk.site.alarms.age_late_s
    assert desk.alarms.age_level(alarm, alarm.raised_at) == 0
    assert desk.alarms.age_level(alarm, alarm.raised_at + timedelta(seconds=warn)) == 1
    assert desk.alarms.age_level(alarm, alarm.raised_at + timedelta(seconds=late)) == 2
    acked = desk.alarms.acknowledge(operator, alarm.id)
    assert desk.alarms.age_level(acked, acked.raised_at + timedelta(seconds=late)) == 0


def test_acknowledge_top_takes_the_first_in_queue_order(desk: Desk, operator) -> None:
    desk.alarms.ingest(ev("sim:9"))
    fire = desk.alarms.ingest(ev("sim:2")).alarm_id
    top = desk.alarms.acknowledge_top(operator)
    assert top is not None
    assert top.id == fire
