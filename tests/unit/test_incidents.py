"""Lift entrapments (3.4.6) and residents' complaints (3.4.7): followed to the end, every change
audited and written in the duty log in one transaction, the resident's name kept out of both."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from console.core.auth import Actor
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.events import Event
from console.core.incidents import (
    COMPLAINT_COLUMNS,
    LIFT_COLUMNS,
    ComplaintView,
    IncidentError,
    IncidentService,
    LiftView,
    complaint_rows,
    lift_rows,
)
from schema.models import AuditRecord, Complaint, LiftRecord, LogEntry
from schema.types import utcnow

RESIDENT = "张秀英"


class Clock:
    """A settable clock that starts at the real now (the duty log keeps the real clock)."""

    def __init__(self) -> None:
        self.now = utcnow().replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def svc(desk: Desk, clock: Clock) -> IncidentService:
    return IncidentService(desk.site, desk.db, desk.bus, desk.duty, clock=clock)


@pytest.fixture
def published(desk: Desk) -> list[Event]:
    events: list[Event] = []
    desk.bus.subscribe("duty.incident", events.append)
    return events


def _audit(desk: Desk, prefix: str = "") -> list[tuple[str, str, str, dict[str, Any]]]:
    with desk.db.read() as s:
        rows = s.scalars(select(AuditRecord).order_by(AuditRecord.seq)).all()
        return [
            (r.actor, r.action, r.subject, json.loads(r.payload))
            for r in rows
            if r.action.startswith(prefix)
        ]


def _log(desk: Desk) -> list[tuple[str, str, str, str | None, str, str]]:
    return [
        (e.category.value, e.text, e.source, e.ref, e.author, e.author_name)
        for e in desk.duty.entries()
    ]


def _counts(desk: Desk) -> tuple[int, int]:
    with desk.db.read() as s:
        audits = s.scalar(select(func.count(AuditRecord.id)))
        entries = s.scalar(select(func.count(LogEntry.id)))
    return int(audits or 0), int(entries or 0)


def _intact(desk: Desk) -> None:
    count, broken = desk.verify_audit()
    assert broken is None
    assert count > 0


# -- lifts ------------------------------------------------------------------------------------


def test_the_full_lift_flow_is_recorded_step_by_step(
    desk: Desk, svc: IncidentService, clock: Clock, operator: Actor, published: list[Event]
) -> None:
    reported = clock.now - timedelta(minutes=4)
    lift = svc.open_lift(operator, "3号梯", 2, note="轿厢停在7-8楼之间", reported_at=reported)
    assert (lift.lift_no, lift.people_trapped, lift.reported_at) == ("3号梯", 2, reported)
    assert lift.is_open
    assert lift.still_trapped
    assert lift.calls == ()

    technician_at = clock.now - timedelta(minutes=2)
    svc.add_call(operator, lift.id, "电梯维保", at=technician_at)
    svc.add_call(operator, lift.id, "王班长", at=clock.now - timedelta(minutes=3))
    svc.add_call(operator, lift.id, "工程部")
    svc.call_ambulance(operator, lift.id)
    clock.advance(minutes=20)
    svc.freed(operator, lift.id)
    closed = svc.close_lift(operator, lift.id, "维保人员手动放梯，一人脚踝扭伤送医")

    assert closed.calls == (
        ("王班长", clock.now - timedelta(minutes=23)),
        ("电梯维保", technician_at),
        ("工程部", clock.now - timedelta(minutes=20)),
    )
    assert closed.injured
    assert closed.ambulance_called_at == clock.now - timedelta(minutes=20)
    assert closed.freed_at == clock.now
    assert closed.seconds_trapped == 24 * 60
    assert (closed.closed_at, closed.closed_by) == (clock.now, "li")
    assert closed.outcome == "维保人员手动放梯，一人脚踝扭伤送医"
    assert not closed.is_open
    assert not closed.still_trapped
    assert svc.get_lift(lift.id) == closed

    assert [a[1:3] for a in _audit(desk, "lift.")] == [
        ("lift.open", f"lift {lift.id}"),
        ("lift.call", f"lift {lift.id}"),
        ("lift.call", f"lift {lift.id}"),
        ("lift.call", f"lift {lift.id}"),
        ("lift.ambulance", f"lift {lift.id}"),
        ("lift.freed", f"lift {lift.id}"),
        ("lift.close", f"lift {lift.id}"),
    ]
    assert all(a[0] == "li" for a in _audit(desk, "lift."))
    texts = [t for _, t, *_ in _log(desk)]
    assert texts == [
        "电梯困人 3号梯，2人被困；轿厢停在7-8楼之间",
        "3号梯：已通知 电梯维保",
        "3号梯：已通知 王班长",
        "3号梯：已通知 工程部",
        "3号梯：有人受伤，已拨打120",
        "3号梯：已解困",
        "3号梯：关闭：维保人员手动放梯，一人脚踝扭伤送医",
    ]
    meta = {(c, src, ref, a, n) for c, _, src, ref, a, n in _log(desk)}
    assert meta == {(Category.LIFT.value, "lift", f"lift:{lift.id}", "li", "李值班")}
    changes = [e.data["change"] for e in published]
    assert changes == ["opened", "call", "call", "call", "ambulance", "freed", "closed"]
    assert {(e.data["kind"], e.data["id"]) for e in published} == {("lift", lift.id)}
    _intact(desk)


def test_closing_is_refused_while_people_are_trapped(
    desk: Desk, svc: IncidentService, operator: Actor, published: list[Event]
) -> None:
    lift = svc.open_lift(operator, "1号梯", 1)
    before = _counts(desk)
    with pytest.raises(IncidentError) as err:
        svc.close_lift(operator, lift.id, "已处理")
    assert err.value.code == "not_freed"
    assert svc.get_lift(lift.id).is_open
    assert _counts(desk) == before
    assert [e.data["change"] for e in published] == ["opened"]

    svc.freed(operator, lift.id)
    assert not svc.close_lift(operator, lift.id, "已解困，电梯停用待修").is_open


def test_a_lift_alarm_with_nobody_trapped_closes_without_freeing(
    desk: Desk, svc: IncidentService, operator: Actor
) -> None:
    lift = svc.open_lift(operator, "2号梯", 0)
    assert not lift.still_trapped
    closed = svc.close_lift(operator, lift.id, "误按警铃")
    assert not closed.is_open
    assert closed.freed_at is None
    assert _log(desk)[0][1] == "电梯报警 2号梯，无人被困"


def test_closing_a_lift_needs_an_outcome(svc: IncidentService, operator: Actor) -> None:
    lift = svc.open_lift(operator, "2号梯", 0)
    with pytest.raises(IncidentError) as err:
        svc.close_lift(operator, lift.id, "  ")
    assert err.value.code == "outcome_required"
    assert svc.get_lift(lift.id).is_open


@pytest.mark.parametrize(
    ("lift_no", "trapped", "minutes", "code"),
    [
        ("", 1, 0, "lift_no_required"),
        ("   ", 1, 0, "lift_no_required"),
        ("3" * 33, 1, 0, "too_long"),
        ("3号梯", -1, 0, "bad_trapped"),
        ("3号梯", 51, 0, "bad_trapped"),
        ("3号梯", 1, 6, "future"),
    ],
)
def test_a_lift_record_is_checked_before_it_is_opened(
    desk: Desk,
    svc: IncidentService,
    clock: Clock,
    operator: Actor,
    lift_no: str,
    trapped: int,
    minutes: int,
    code: str,
) -> None:
    before = _counts(desk)
    with pytest.raises(IncidentError) as err:
        svc.open_lift(
            operator, lift_no, trapped, reported_at=clock.now + timedelta(minutes=minutes)
        )
    assert err.value.code == code
    assert svc.open_lifts() == []
    assert _counts(desk) == before


def test_lift_limits_and_slack_are_accepted(
    svc: IncidentService, clock: Clock, operator: Actor
) -> None:
    soon = clock.now + timedelta(minutes=4)
    assert svc.open_lift(operator, "3号梯", 50, reported_at=soon).reported_at == soon
    assert svc.open_lift(operator, "3" * 32, 0).people_trapped == 0


def test_lift_times_are_not_before_the_report_nor_in_the_future(
    desk: Desk, svc: IncidentService, clock: Clock, operator: Actor
) -> None:
    lift = svc.open_lift(operator, "3号梯", 1, reported_at=clock.now - timedelta(minutes=10))
    early = lift.reported_at - timedelta(seconds=1)
    late = clock.now + timedelta(minutes=6)
    naive = clock.now.replace(tzinfo=None)
    before = _counts(desk)
    attempts = [
        (lambda: svc.add_call(operator, lift.id, "电梯维保", at=early), "before_opened"),
        (lambda: svc.add_call(operator, lift.id, "电梯维保", at=late), "future"),
        (lambda: svc.add_call(operator, lift.id, "电梯维保", at=naive), "naive_time"),
        (lambda: svc.add_call(operator, lift.id, " "), "who_required"),
        (lambda: svc.call_ambulance(operator, lift.id, at=early), "before_opened"),
        (lambda: svc.freed(operator, lift.id, at=early), "before_opened"),
        (lambda: svc.freed(operator, lift.id, at=late), "future"),
    ]
    for attempt, code in attempts:
        with pytest.raises(IncidentError) as err:
            attempt()
        assert err.value.code == code
    assert svc.get_lift(lift.id) == lift
    assert _counts(desk) == before


def test_120_and_freed_are_recorded_once(svc: IncidentService, operator: Actor) -> None:
    lift = svc.open_lift(operator, "3号梯", 1)
    assert not lift.injured
    svc.call_ambulance(operator, lift.id)
    svc.freed(operator, lift.id)
    for again, code in (
        (svc.call_ambulance, "already_called"),
        (svc.freed, "already_freed"),
    ):
        with pytest.raises(IncidentError) as err:
            again(operator, lift.id)
        assert err.value.code == code


def test_a_closed_lift_record_refuses_changes(
    desk: Desk, svc: IncidentService, operator: Actor
) -> None:
    lift = svc.open_lift(operator, "3号梯", 0)
    closed = svc.close_lift(operator, lift.id, "误报")
    before = _counts(desk)
    for change in (
        lambda: svc.add_call(operator, lift.id, "工程部"),
        lambda: svc.call_ambulance(operator, lift.id),
        lambda: svc.freed(operator, lift.id),
        lambda: svc.close_lift(operator, lift.id, "再次关闭"),
    ):
        with pytest.raises(IncidentError) as err:
            change()
        assert err.value.code == "closed"
    assert svc.get_lift(lift.id) == closed
    assert _counts(desk) == before


def test_unknown_records_are_not_found(svc: IncidentService, operator: Actor) -> None:
    for call in (
        lambda: svc.get_lift(99),
        lambda: svc.freed(operator, 99),
        lambda: svc.get_complaint(99),
        lambda: svc.handle(operator, 99, "已处理"),
    ):
        with pytest.raises(IncidentError) as err:
            call()
        assert err.value.code == "not_found"


def test_the_change_and_its_records_commit_together(
    desk: Desk, svc: IncidentService, operator: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    lift = svc.open_lift(operator, "3号梯", 1)
    before = _counts(desk)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(desk.duty, "add_system", broken)
    with pytest.raises(RuntimeError):
        svc.freed(operator, lift.id)
    with pytest.raises(RuntimeError):
        svc.open_complaint(operator, RESIDENT, "5栋1单元601", "楼上漏水")
    assert svc.get_lift(lift.id).freed_at is None
    assert svc.open_complaints() == []
    assert _counts(desk) == before
    _intact(desk)


def test_the_event_comes_after_the_commit(
    desk: Desk, svc: IncidentService, operator: Actor
) -> None:
    seen: list[tuple[str, bool, bool]] = []

    def on_event(event: Event) -> None:
        with desk.db.read() as s:  # another session: sees only what is committed
            if event.data["kind"] == "lift":
                row = s.get(LiftRecord, event.data["id"])
                freed = row is not None and row.freed_at is not None
                seen.append((event.data["change"], row is not None, freed))
            else:
                found = s.get(Complaint, event.data["id"]) is not None
                seen.append((event.data["change"], found, False))

    desk.bus.subscribe("duty.incident", on_event)
    lift = svc.open_lift(operator, "3号梯", 1)
    svc.freed(operator, lift.id)
    svc.open_complaint(operator, RESIDENT, "5栋1单元601", "楼上漏水")
    assert seen == [("opened", True, False), ("freed", True, True), ("opened", True, False)]


# -- complaints -------------------------------------------------------------------------------


def _complaint(svc: IncidentService, actor: Actor, **kw: Any) -> ComplaintView:
    return svc.open_complaint(
        actor, RESIDENT, "5栋1单元601", "楼上装修噪音，晚上十点后仍在施工", **kw
    )


def test_the_full_complaint_flow(
    desk: Desk, svc: IncidentService, clock: Clock, operator: Actor, published: list[Event]
) -> None:
    received = clock.now - timedelta(hours=1)
    c = _complaint(svc, operator, received_at=received)
    assert (c.resident, c.unit, c.received_at, c.received_by) == (
        RESIDENT,
        "5栋1单元601",
        received,
        "li",
    )
    assert c.is_open
    assert c.handling == ""
    assert c.followup_at is None

    svc.handle(operator, c.id, "已通知保安上楼制止")
    clock.advance(minutes=30)
    handled = svc.handle(operator, c.id, "装修方已停工")
    stamp1 = (clock.now - timedelta(minutes=30)).astimezone(desk.site.tz())
    stamp2 = clock.now.astimezone(desk.site.tz())
    assert handled.handling == (
        f"[{stamp1.isoformat(timespec='seconds')} 李值班]\n已通知保安上楼制止\n\n"
        f"[{stamp2.isoformat(timespec='seconds')} 李值班]\n装修方已停工"
    )
    assert "+08:00 李值班]" in handled.handling

    escalated = svc.escalate(operator, c.id, "保安主管")
    assert (escalated.escalated_to, escalated.escalated_at) == ("保安主管", clock.now)
    followed = svc.follow_up(operator, c.id, "业主表示满意", at=clock.now - timedelta(minutes=1))
    assert followed.followup_at == clock.now - timedelta(minutes=1)
    assert followed.followup_outcome == "业主表示满意"
    closed = svc.close_complaint(operator, c.id)
    assert (closed.closed_at, closed.closed_by, closed.is_open) == (clock.now, "li", False)
    assert svc.get_complaint(c.id) == closed

    assert [a[1:3] for a in _audit(desk, "complaint.")] == [
        ("complaint.open", f"complaint {c.id}"),
        ("complaint.handle", f"complaint {c.id}"),
        ("complaint.handle", f"complaint {c.id}"),
        ("complaint.escalate", f"complaint {c.id}"),
        ("complaint.follow_up", f"complaint {c.id}"),
        ("complaint.close", f"complaint {c.id}"),
    ]
    assert [t for _, t, *_ in _log(desk)] == [
        "投诉 5栋1单元601：楼上装修噪音，晚上十点后仍在施工",
        "投诉 5栋1单元601 处理：已通知保安上楼制止",
        "投诉 5栋1单元601 处理：装修方已停工",
        "投诉 5栋1单元601 已上报 保安主管",
        "投诉 5栋1单元601 回访：业主表示满意",
        "投诉 5栋1单元601 关闭：楼上装修噪音，晚上十点后仍在施工",
    ]
    meta = {(cat, src, ref, a, n) for cat, _, src, ref, a, n in _log(desk)}
    assert meta == {(Category.COMPLAINT.value, "complaint", f"complaint:{c.id}", "li", "李值班")}
    assert [e.data["change"] for e in published] == [
        "opened",
        "handled",
        "handled",
        "escalated",
        "followed_up",
        "closed",
    ]
    _intact(desk)


def test_the_resident_name_stays_out_of_the_audit_trail_and_the_log(
    desk: Desk, svc: IncidentService, operator: Actor
) -> None:
    c = _complaint(svc, operator)
    svc.handle(operator, c.id, "已联系物业维修")
    svc.escalate(operator, c.id, "管理处经理")
    svc.follow_up(operator, c.id, "已解决")
    svc.close_complaint(operator, c.id)
    with desk.db.read() as s:
        records = s.scalars(select(AuditRecord)).all()
        audited = "\n".join(f"{r.actor} {r.subject} {r.payload}" for r in records)
    assert "complaint.close" in {r.action for r in records}
    assert RESIDENT not in audited
    assert all(RESIDENT not in text for _, text, *_ in _log(desk))
    assert svc.get_complaint(c.id).resident == RESIDENT  # stored on the record itself


def test_a_complaint_closes_only_after_handling_and_follow_up(
    desk: Desk, svc: IncidentService, operator: Actor
) -> None:
    untouched = _complaint(svc, operator)
    called_only = _complaint(svc, operator)
    handled_only = _complaint(svc, operator)
    svc.follow_up(operator, called_only.id, "业主未接听后回电，表示已解决")
    svc.handle(operator, handled_only.id, "已处理")
    before = _counts(desk)
    for complaint_id, code in (
        (untouched.id, "no_handling"),
        (called_only.id, "no_handling"),
        (handled_only.id, "no_follow_up"),
    ):
        with pytest.raises(IncidentError) as err:
            svc.close_complaint(operator, complaint_id)
        assert err.value.code == code
    assert len(svc.open_complaints()) == 3
    assert _counts(desk) == before

    svc.follow_up(operator, handled_only.id, "满意")
    assert not svc.close_complaint(operator, handled_only.id).is_open


def test_a_closed_complaint_refuses_changes(
    desk: Desk, svc: IncidentService, operator: Actor
) -> None:
    c = _complaint(svc, operator)
    svc.handle(operator, c.id, "已处理")
    svc.follow_up(operator, c.id, "满意")
    closed = svc.close_complaint(operator, c.id)
    before = _counts(desk)
    for change in (
        lambda: svc.handle(operator, c.id, "补充"),
        lambda: svc.escalate(operator, c.id, "保安主管"),
        lambda: svc.follow_up(operator, c.id, "再次回访"),
        lambda: svc.close_complaint(operator, c.id),
    ):
        with pytest.raises(IncidentError) as err:
            change()
        assert err.value.code == "closed"
    assert svc.get_complaint(c.id) == closed
    assert _counts(desk) == before


def test_complaint_input_is_checked(
    desk: Desk, svc: IncidentService, clock: Clock, operator: Actor
) -> None:
    c = _complaint(svc, operator, received_at=clock.now - timedelta(minutes=5))
    before = _counts(desk)
    attempts = [
        (lambda: svc.open_complaint(operator, RESIDENT, " ", "噪音"), "unit_required"),
        (lambda: svc.open_complaint(operator, RESIDENT, "601", ""), "matter_required"),
        (lambda: svc.open_complaint(operator, RESIDENT, "6" * 65, "噪音"), "too_long"),
        (
            lambda: svc.open_complaint(
                operator, RESIDENT, "601", "噪音", received_at=clock.now + timedelta(minutes=6)
            ),
            "future",
        ),
        (lambda: svc.handle(operator, c.id, "  "), "handling_required"),
        (lambda: svc.escalate(operator, c.id, ""), "escalate_to_required"),
        (lambda: svc.follow_up(operator, c.id, ""), "outcome_required"),
        (
            lambda: svc.follow_up(operator, c.id, "满意", at=c.received_at - timedelta(seconds=1)),
            "before_opened",
        ),
    ]
    for attempt, code in attempts:
        with pytest.raises(IncidentError) as err:
            attempt()
        assert err.value.code == code
    assert svc.open_complaints() == [c]
    assert _counts(desk) == before


# -- lists and exports ------------------------------------------------------------------------


def test_open_lists_are_oldest_first_and_shrink_on_close(
    svc: IncidentService, clock: Clock, operator: Actor
) -> None:
    late = svc.open_lift(operator, "1号梯", 0)
    early = svc.open_lift(operator, "2号梯", 1, reported_at=clock.now - timedelta(minutes=9))
    newer = _complaint(svc, operator)
    older = _complaint(svc, operator, received_at=clock.now - timedelta(days=1))
    assert [v.id for v in svc.open_lifts()] == [early.id, late.id]
    assert [v.id for v in svc.open_complaints()] == [older.id, newer.id]

    svc.close_lift(operator, late.id, "误报")
    svc.handle(operator, older.id, "已处理")
    svc.follow_up(operator, older.id, "满意")
    svc.close_complaint(operator, older.id)
    assert [v.id for v in svc.open_lifts()] == [early.id]
    assert [v.id for v in svc.open_complaints()] == [newer.id]
    assert all(v.is_open for v in [*svc.open_lifts(), *svc.open_complaints()])


def test_records_are_listed_by_time_range(
    svc: IncidentService, clock: Clock, operator: Actor
) -> None:
    day = timedelta(days=1)
    old_lift = svc.open_lift(operator, "1号梯", 0, reported_at=clock.now - 2 * day)
    new_lift = svc.open_lift(operator, "2号梯", 0)
    old_c = _complaint(svc, operator, received_at=clock.now - 2 * day)
    new_c = _complaint(svc, operator)
    svc.close_lift(operator, old_lift.id, "误报")
    since = clock.now - day
    assert [v.id for v in svc.lifts(since, None)] == [new_lift.id]
    assert [v.id for v in svc.lifts(None, since)] == [old_lift.id]
    assert [v.id for v in svc.lifts(None, None)] == [old_lift.id, new_lift.id]
    assert [v.id for v in svc.complaints(since, clock.now + day)] == [new_c.id]
    assert [v.id for v in svc.complaints(None, since)] == [old_c.id]
    assert [v.id for v in svc.lifts(old_lift.reported_at, new_lift.reported_at)] == [old_lift.id]


def test_rows_for_export_use_local_times_with_the_offset(
    desk: Desk, svc: IncidentService, clock: Clock, operator: Actor
) -> None:
    clock.now = clock.now.replace(microsecond=123456)
    tz = desk.site.tz()
    lift = svc.open_lift(operator, "3号梯", 2, reported_at=clock.now - timedelta(minutes=30))
    svc.add_call(operator, lift.id, "电梯维保", at=clock.now - timedelta(minutes=28))
    svc.freed(operator, lift.id, at=clock.now - timedelta(minutes=10))
    view: LiftView = svc.close_lift(operator, lift.id, "已解困")
    c = _complaint(svc, operator)

    (row,) = lift_rows([view], tz)
    assert tuple(row) == LIFT_COLUMNS
    local = (clock.now - timedelta(minutes=30)).astimezone(tz)
    assert row["reported_at"] == local.isoformat(timespec="seconds")
    assert row["reported_at"].endswith("+08:00")
    assert "." not in row["reported_at"]
    called = (clock.now - timedelta(minutes=28)).astimezone(tz).isoformat(timespec="seconds")
    assert row["calls"] == f"电梯维保 {called}"
    assert (row["lift_id"], row["lift_no"], row["people_trapped"]) == (lift.id, "3号梯", 2)
    assert (row["seconds_trapped"], row["injured"], row["ambulance_called_at"]) == (
        1200,
        False,
        None,
    )
    assert (row["outcome"], row["closed_by"]) == ("已解困", "li")

    (crow,) = complaint_rows([c], tz)
    assert tuple(crow) == COMPLAINT_COLUMNS
    assert crow["received_at"] == c.received_at.astimezone(tz).isoformat(timespec="seconds")
    assert crow["received_at"].endswith("+08:00")
    assert (crow["unit"], crow["resident"], crow["closed_at"]) == ("5栋1单元601", RESIDENT, None)
    assert lift_rows([], tz) == []
    assert complaint_rows([], tz) == []
