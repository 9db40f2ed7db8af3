"""Shifts, the duty log and the two-signature handover, in core."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError as SqlDatabaseError

from console.core.auth import Actor, BadCredentials, Role
from console.core.desk import Desk
from console.core.dutylog import Category, LogFilter, SlotState
from console.core.handover import (
    ChecklistAnswer,
    HandoverDraft,
    HandoverState,
    ItemHandover,
    OpenItem,
    Side,
)
from console.core.shifts import DutyError, ShiftPattern, ShiftState
from console.core.site import DutySettings
from devices.alarms.base import DeviceEvent, EventType
from schema.models import LogEntry, Shift
from tests.clock import Clock
from tests.conftest import OPERATOR_PASSWORD
from tests.rows import drop_trigger

SHANGHAI = ZoneInfo("Asia/Shanghai")
WANG_PASSWORD = "wang-pass-22"


def local(text_: str) -> datetime:
    return datetime.fromisoformat(text_).replace(tzinfo=SHANGHAI)


@pytest.fixture
def clock(desk: Desk) -> Clock:
    c = Clock(local("2026-11-21T09:00"))
    desk.set_clock(c)
    return c


@pytest.fixture
def wang(desk: Desk, admin: Actor) -> Actor:
    return desk.auth.add_user(admin, "wang", "王五", Role.OPERATOR, WANG_PASSWORD)


@pytest.fixture
def li_on_duty(desk: Desk, operator: Actor, clock: Clock) -> Actor:
    return desk.login("li", OPERATOR_PASSWORD)


def _complete(desk: Desk, shift_id: int) -> HandoverDraft:
    draft = desk.handover.draft(shift_id)
    draft.items = [
        ItemHandover(i.item, "王五", f"{i.item.title} 再次报警", "通知班长并派巡逻岗到场")
        for i in draft.items
    ]
    draft.checklist = [ChecklistAnswer(a.item, ok=True) for a in draft.checklist]
    draft.synthesis = "东门摄像机离线待修，其余正常"
    return draft


# -- the shift pattern --------------------------------------------------------------------------


def test_default_pattern_is_three_eight_hour_shifts_from_eight() -> None:
    pattern = ShiftPattern(DutySettings(), SHANGHAI)
    morning = pattern.slot_at(local("2026-11-21T09:30"))
    assert (morning.start, morning.end) == (local("2026-11-21T08:00"), local("2026-11-21T16:00"))
    night = pattern.slot_at(local("2026-11-22T03:00"))
    assert (night.start, night.end) == (local("2026-11-22T00:00"), local("2026-11-22T08:00"))
    assert pattern.next_slot(morning).start == local("2026-11-21T16:00")
    assert pattern.previous_slot(morning).start == local("2026-11-21T00:00")
    assert morning.label == "2026-11-21 08:00–16:00"


def test_named_twelve_hour_pattern() -> None:
    duty = DutySettings(shift_starts=["19:30", "07:30"], shift_names=["夜班", "白班"])
    pattern = ShiftPattern(duty, SHANGHAI)
    slot = pattern.slot_at(local("2026-11-21T06:00"))
    assert (slot.start, slot.end) == (local("2026-11-20T19:30"), local("2026-11-21T07:30"))
    assert slot.label == "2026-11-20 夜班"


def test_login_puts_the_operator_on_duty_and_one_alone_is_understaffed(
    desk: Desk, li_on_duty: Actor, wang: Actor
) -> None:
    assert [p.user_name for p in desk.shifts.on_duty_now()] == ["li"]
    assert desk.shifts.understaffed()
    desk.login("wang", WANG_PASSWORD)
    assert not desk.shifts.understaffed()
    desk.logout(li_on_duty)
    assert desk.shifts.understaffed()


# -- the duty log -------------------------------------------------------------------------------


def test_entries_are_stored_filtered_and_corrected_never_edited(
    desk: Desk, li_on_duty: Actor, clock: Clock
) -> None:
    first = desk.duty.add(li_on_duty, Category.PATROL, "B1 车库巡视正常")
    clock.now += timedelta(minutes=10)
    desk.duty.add(li_on_duty, "visitor", "3-201 访客已核实")
    fix = desk.duty.add(li_on_duty, Category.PATROL, "B2 车库巡视正常（更正）", corrects=first.id)
    entries = desk.duty.entries(LogFilter(day=local("2026-11-21T00:00").date()))
    assert [e.id for e in entries] == [first.id, entries[1].id, fix.id]
    assert entries[0].corrected_by == (fix.id,)
    assert entries[0].text == "B1 车库巡视正常"  # the original stays as written
    assert [e.id for e in desk.duty.entries(LogFilter(category=Category.VISITOR))] == [
        entries[1].id
    ]
    assert [e.id for e in desk.duty.entries(LogFilter(text="更正"))] == [fix.id]
    assert desk.duty.entries(LogFilter(author="nobody")) == []
    assert desk.duty.entries(LogFilter(day=local("2026-11-22T00:00").date())) == []
    with pytest.raises(DutyError) as err:
        desk.duty.add(li_on_duty, Category.OTHER, "   ")
    assert err.value.code == "text_required"
    with pytest.raises(DutyError) as err:
        desk.duty.add(li_on_duty, Category.OTHER, "x", corrects=9999)
    assert err.value.code == "no_entry"


def test_the_database_refuses_to_change_an_entry(desk: Desk, li_on_duty: Actor) -> None:
    entry = desk.duty.add(li_on_duty, Category.OTHER, "原文")
    with pytest.raises(SqlDatabaseError), desk.db.write() as s:
        s.execute(text("UPDATE log_entries SET text = '改过' WHERE id = :i"), {"i": entry.id})
    with pytest.raises(SqlDatabaseError), desk.db.write() as s:
        s.execute(text("DELETE FROM log_entries WHERE id = :i"), {"i": entry.id})
    assert desk.duty.get(entry.id).text == "原文"


def test_attachments_are_stored_by_hash(desk: Desk, li_on_duty: Actor, tmp_path: Path) -> None:
    photo = tmp_path / "门口.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 100)
    entry = desk.duty.add(li_on_duty, Category.PATROL, "东门照片", attachments=[photo])
    (att,) = entry.attachments
    assert att.name == "门口.png"
    assert desk.duty.attachment_path(att).read_bytes() == photo.read_bytes()
    with pytest.raises(DutyError) as err:
        desk.duty.add(li_on_duty, Category.PATROL, "x", attachments=[tmp_path / "a.exe"])
    assert err.value.code == "attachment_type"
    with pytest.raises(DutyError) as err:
        desk.duty.add(li_on_duty, Category.PATROL, "x", attachments=[tmp_path / "gone.jpg"])
    assert err.value.code == "attachment_unreadable"


def test_closing_an_alarm_writes_its_log_line(desk: Desk, li_on_duty: Actor) -> None:
    (source, point), zone = next(iter(desk.site.zone_points().items()))
    event = DeviceEvent(source_id=source, type=EventType.ALARM, code="fire", point=point)
    result = desk.alarms.ingest(event)
    assert result.alarm_id is not None
    desk.alarms.acknowledge(li_on_duty, result.alarm_id)
    desk.alarms.close(li_on_duty, result.alarm_id, "false", "烟感误报，已复位")
    (line,) = desk.duty.entries(LogFilter(category=Category.ALARM))
    assert line.source == "alarm"
    assert line.ref == f"alarm:{result.alarm_id}"
    assert zone.name in line.text
    assert "烟感误报" in line.text


def test_equipment_status_slots_due_done_missed(
    desk: Desk, li_on_duty: Actor, clock: Clock
) -> None:
    shift = desk.shifts.current()
    slots = desk.duty.equipment_slots(shift.id)
    assert [s.start for s in slots] == [
        local("2026-11-21T08:00"),
        local("2026-11-21T10:00"),
        local("2026-11-21T12:00"),
        local("2026-11-21T14:00"),
    ]
    assert [s.state for s in slots] == [SlotState.DUE] + [SlotState.UPCOMING] * 3
    assert desk.duty.equipment_due() == slots[0]
    desk.duty.add(
        li_on_duty, Category.EQUIPMENT, desk.duty.equipment_summary(), equipment_status=True
    )
    assert desk.duty.equipment_due() is None
    clock.now = local("2026-11-21T12:30")
    states = [s.state for s in desk.duty.equipment_slots(shift.id)]
    assert states == [SlotState.DONE, SlotState.MISSED, SlotState.DUE, SlotState.UPCOMING]


def test_equipment_summary_names_faulty_devices(desk: Desk) -> None:
    from console.core.health import Health

    desk.health.report("camera", "east-gate", Health.FAULT, "no frames")
    assert "东门入口" in desk.duty.equipment_summary()


# -- the handover -------------------------------------------------------------------------------


def test_handover_gathers_open_items_and_refuses_incomplete_drafts(
    desk: Desk, li_on_duty: Actor, wang: Actor
) -> None:
    from console.core.health import Health

    desk.health.report("camera", "east-gate", Health.FAULT, "no frames")
    desk.handover.add_provider(
        lambda: [OpenItem("loan", "loan:7", "派出所借录像", "应还 11-20", overdue=True)]
    )
    shift = desk.shifts.current()
    draft = desk.handover.draft(shift.id)
    refs = {i.item.ref for i in draft.items}
    assert {"camera:east-gate", "loan:7"} <= refs
    assert any(i.item.overdue for i in draft.items if i.item.ref == "loan:7")
    with pytest.raises(DutyError) as err:
        desk.handover.sign_outgoing(draft, "li", OPERATOR_PASSWORD)
    assert err.value.code == "item_incomplete"
    full = _complete(desk, shift.id)
    full.items = [i for i in full.items if i.item.ref != "loan:7"]
    with pytest.raises(DutyError) as err:
        desk.handover.sign_outgoing(full, "li", OPERATOR_PASSWORD)
    assert err.value.code == "items_missing"
    assert "派出所借录像" in str(err.value)
    full = _complete(desk, shift.id)
    full.checklist[0] = ChecklistAnswer(full.checklist[0].item, ok=False)
    with pytest.raises(DutyError) as err:
        desk.handover.sign_outgoing(full, "li", OPERATOR_PASSWORD)
    assert err.value.code == "checklist_incomplete"
    assert desk.handover.pending() is None


def test_wrong_password_signs_nothing(desk: Desk, li_on_duty: Actor, wang: Actor) -> None:
    shift = desk.shifts.current()
    with pytest.raises(BadCredentials):
        desk.handover.sign_outgoing(_complete(desk, shift.id), "li", "not-my-password")
    assert desk.handover.pending() is None
    assert desk.shifts.get(shift.id).state is ShiftState.OPEN


def test_two_signatures_seal_the_shift(
    desk: Desk, li_on_duty: Actor, wang: Actor, clock: Clock
) -> None:
    entry = desk.duty.add(li_on_duty, Category.PATROL, "巡视正常")
    shift = desk.shifts.current()
    clock.now = local("2026-11-21T15:55")
    pending = desk.handover.sign_outgoing(_complete(desk, shift.id), "li", OPERATOR_PASSWORD)
    assert pending.state is HandoverState.OUTGOING_SIGNED
    assert desk.shifts.get(shift.id).state is ShiftState.HANDING_OVER
    with pytest.raises(DutyError) as err:
        desk.handover.sign_incoming(pending.id, "li", OPERATOR_PASSWORD)
    assert err.value.code == "same_person"
    with pytest.raises(BadCredentials):
        desk.handover.sign_incoming(pending.id, "wang", "wrong-password")
    sealed = desk.handover.sign_incoming(pending.id, "wang", WANG_PASSWORD)
    assert sealed.state is HandoverState.SEALED
    out, inc = sealed.signature(Side.OUTGOING), sealed.signature(Side.INCOMING)
    assert out is not None
    assert inc is not None
    assert (out.printed_name, out.role, out.meaning) == ("李值班", Role.OPERATOR, "handed_over")
    assert (inc.printed_name, inc.meaning) == ("王五", "accepted")
    assert out.seal_hash == inc.seal_hash == sealed.seal_hash
    assert len(sealed.seal_hash) == 64
    assert out.audit_head == inc.audit_head == sealed.audit_head
    assert desk.shifts.get(shift.id).state is ShiftState.SEALED
    # handed over early: the next shift is current, and the incoming operator is on it
    nxt = desk.shifts.current()
    assert nxt.start == local("2026-11-21T16:00")
    assert [p.user_name for p in desk.shifts.presence(nxt.id)] == ["wang"]
    assert [p.user_name for p in desk.shifts.on_duty_now()] == ["wang"]
    first_line = desk.duty.entries(LogFilter(shift_id=nxt.id))[0]
    assert first_line.category is Category.HANDOVER
    assert first_line.author == "wang"
    # a sealed shift refuses new entries into itself; later notes go to the current one
    with pytest.raises(DutyError) as err:
        desk.duty.add(li_on_duty, Category.OTHER, "补记", at=local("2026-11-21T15:00"))
    assert err.value.code == "shift_closed"
    later = desk.duty.add(li_on_duty, Category.OTHER, "补记：15:00 巡视", corrects=entry.id)
    assert later.shift_id == nxt.id
    assert desk.handover.verify_seals() == (1, [])
    assert desk.verify_audit()[1] is None


def test_withdrawn_handover_reopens_the_shift(desk: Desk, li_on_duty: Actor, wang: Actor) -> None:
    shift = desk.shifts.current()
    pending = desk.handover.sign_outgoing(_complete(desk, shift.id), "li", OPERATOR_PASSWORD)
    with pytest.raises(DutyError):
        desk.duty.add(li_on_duty, Category.OTHER, "x", at=datetime.now(UTC))
    desk.handover.withdraw(wang, pending.id, "钥匙数量不符")
    assert desk.shifts.get(shift.id).state is ShiftState.OPEN
    assert desk.handover.get(pending.id).state is HandoverState.WITHDRAWN
    desk.duty.add(li_on_duty, Category.OTHER, "钥匙已找到")
    assert desk.handover.verify_seals() == (0, [])


def test_an_operator_not_on_the_shift_cannot_hand_it_over(
    desk: Desk, li_on_duty: Actor, wang: Actor
) -> None:
    shift = desk.shifts.current()
    with pytest.raises(DutyError) as err:
        desk.handover.sign_outgoing(_complete(desk, shift.id), "wang", WANG_PASSWORD)
    assert err.value.code == "not_on_shift"


def _sealed(desk: Desk) -> int:
    shift = desk.shifts.current()
    pending = desk.handover.sign_outgoing(_complete(desk, shift.id), "li", OPERATOR_PASSWORD)
    desk.handover.sign_incoming(pending.id, "wang", WANG_PASSWORD)
    return shift.id


def test_tampering_after_the_seal_is_found(desk: Desk, li_on_duty: Actor, wang: Actor) -> None:
    entry = desk.duty.add(li_on_duty, Category.PATROL, "23:10 巡视 B1 正常")
    _sealed(desk)
    with desk.db.write() as s:  # someone with the database and its tools in hand
        drop_trigger(s, "log_entries_never_changed", "log_entries")
        s.execute(
            text("UPDATE log_entries SET text = '巡视 B1 发现异常' WHERE id = :i"), {"i": entry.id}
        )
    checked, breaks = desk.handover.verify_seals()
    assert checked == 1
    reasons = [str(b) for b in breaks]
    assert any("changed after the seal" in r for r in reasons)
    assert any(f"log entry {entry.id}" in r and "text differs" in r for r in reasons)


def test_removing_a_handover_is_found(desk: Desk, li_on_duty: Actor, wang: Actor) -> None:
    _sealed(desk)
    with desk.db.write() as s:
        drop_trigger(s, "signatures_never_deleted", "signatures")
        s.execute(text("DELETE FROM signatures"))
        s.execute(text("DELETE FROM handovers"))
    _, breaks = desk.handover.verify_seals()
    assert any("signed in the audit chain but missing" in str(b) for b in breaks)


def test_verify_audit_command_recomputes_seals(
    desk: Desk, li_on_duty: Actor, wang: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    from console.cli import main

    shift_id = _sealed(desk)
    site = str(desk.site.path)
    assert main(["verify-audit", "--site", site]) == 0
    assert "1 handover seals recomputed, all match" in capsys.readouterr().out
    with desk.db.write() as s:
        row = s.execute(select(Shift).where(Shift.id == shift_id)).scalar_one()
        drop_trigger(s, "log_entries_never_changed", "log_entries")
        s.execute(
            text("UPDATE log_entries SET author_name = '别人' WHERE shift_id = :i"), {"i": row.id}
        )
    assert main(["verify-audit", "--site", site]) == 1
    out = capsys.readouterr().out
    assert "duty records BROKEN" in out
    assert "changed after the seal" in out


def test_entries_written_into_a_sealed_shift_by_hand_are_found(
    desk: Desk, li_on_duty: Actor, wang: Actor
) -> None:
    shift_id = _sealed(desk)
    with desk.db.write() as s:
        s.add(
            LogEntry(
                shift_id=shift_id,
                at=datetime.now(UTC),
                recorded_at=datetime.now(UTC),
                author="li",
                author_name="李值班",
                category="other",
                text="事后补写",
            )
        )
    reasons = [str(b) for b in desk.handover.verify_seals()[1]]
    assert any("changed after the seal" in r for r in reasons)
    assert any("not in the audit chain" in r for r in reasons)


def test_open_lift_and_complaint_records_are_handover_items(desk: Desk, li_on_duty: Actor) -> None:
    lift = desk.incidents.open_lift(li_on_duty, "3号梯", 2)
    complaint = desk.incidents.open_complaint(li_on_duty, "张三", "5-1-302", "楼上噪音")
    items = {i.ref: i for i in desk.handover.open_items()}
    assert items[f"lift:{lift.id}"].overdue  # people still trapped
    assert "5-1-302" in items[f"complaint:{complaint.id}"].title
    desk.incidents.freed(li_on_duty, lift.id)
    desk.incidents.close_lift(li_on_duty, lift.id, "维保已处理")
    assert f"lift:{lift.id}" not in {i.ref for i in desk.handover.open_items()}


def test_one_handover_waits_at_a_time(
    desk: Desk, li_on_duty: Actor, wang: Actor, clock: Clock
) -> None:
    first = desk.shifts.current()
    desk.handover.sign_outgoing(_complete(desk, first.id), "li", OPERATOR_PASSWORD)
    clock.now = local("2026-11-21T17:00")
    desk.login("li", OPERATOR_PASSWORD)  # on duty in the next shift too
    second = desk.shifts.current()
    assert second.id != first.id
    with pytest.raises(DutyError) as err:
        desk.handover.sign_outgoing(_complete(desk, second.id), "li", OPERATOR_PASSWORD)
    assert err.value.code == "handover_pending"
    pending = desk.handover.pending()
    assert pending is not None
    assert pending.shift.id == first.id


def test_overdue_check_sheets_and_open_faults_are_handover_items(
    desk: Desk, li_on_duty: Actor, clock: Clock
) -> None:
    desk.shifts.current()  # the desk is in use from 09:00
    daily = next(i for i in desk.handover.open_items() if i.ref.startswith("check:fire-daily:"))
    assert not daily.overdue  # due by noon
    clock.now = local("2026-11-21T13:00")
    daily = next(i for i in desk.handover.open_items() if i.ref.startswith("check:fire-daily:"))
    assert daily.overdue
    assert "消防设备日检表" in daily.title
    template = desk.checks.template("fire-daily")
    results = {item.id: (True, "") for item in template.items}
    results[template.items[0].id] = (False, "主电源指示灯不亮")
    desk.checks.record("li", OPERATOR_PASSWORD, "fire-daily", results)
    refs = [i.ref for i in desk.handover.open_items()]
    assert not any(r.startswith("check:fire-daily:") for r in refs)
    (fault,) = [i for i in desk.handover.open_items() if i.kind == "fault"]
    assert template.items[0].text in fault.title
