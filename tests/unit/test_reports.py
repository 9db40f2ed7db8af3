"""Report figures against a hand-computed fixture: October 2026 on the demo site (Asia/Shanghai,
so the month is 2026-09-30T16:00Z .. 2026-10-31T16:00Z), rows written with exact times."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.core.alarms import Resolution
from console.core.desk import Desk
from console.core.reports import ReportError, ReportPeriod, report_rows
from devices.alarms.base import DeviceEvent, EventType
from schema.models import (
    Alarm,
    AlarmEvent,
    CheckRecord,
    FaultReport,
    LogEntry,
    Shift,
)
from tests.clock import Clock
from tests.rows import loan_row, visit_row

TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 9, 30, 16, tzinfo=UTC)  # 2026-10-01 00:00 in Shanghai
END = datetime(2026, 10, 31, 16, tzinfo=UTC)
MONTH_S = 31 * 86400


def at(day: int, hour: float = 12.0, month: int = 10) -> datetime:
    """A local time in Shanghai, as UTC."""
    local = datetime(2026, month, day, tzinfo=TZ) + timedelta(hours=hour)
    return local.astimezone(UTC)


def alarm(
    zone: str,
    kind: str,
    raised: datetime,
    ack_s: float | None = None,
    close_s: float | None = None,
    resolution: Resolution | None = None,
    event: str = "alarm",
) -> Alarm:
    acknowledged = raised + timedelta(seconds=ack_s) if ack_s is not None else None
    closed = raised + timedelta(seconds=close_s) if close_s is not None else None
    state = "closed" if closed else ("acknowledged" if acknowledged else "new")
    return Alarm(
        zone_id=zone,
        zone_name=f"name of {zone}",
        zone_kind=kind,
        source_id="demo-panel",
        point=None,
        event=event,
        code="x",
        text="x",
        priority=1,
        state=state,
        raised_at=raised,
        last_at=raised,
        repeats=0,
        acknowledged_at=acknowledged,
        closed_at=closed,
        resolution=resolution.value if resolution else None,
    )


def camera_event(camera: str, kind: str, when: datetime) -> AlarmEvent:
    return AlarmEvent(
        received_at=when,
        source_id=f"camera:{camera}",
        point=None,
        type=kind,
        code="video_loss",
        text="",
        raw="",
    )


@pytest.fixture
def october(desk: Desk) -> Desk:
    desk.set_clock(Clock(datetime(2026, 11, 5, tzinfo=UTC)))
    fire, ir, beam = "b1-f1-smoke", "garage-b1-ir", "perimeter-north-beam"
    with desk.db.write() as s:
        s.add_all(
            [
                # fire: acknowledged after 10, 20, 40 s; closed after 100, 200, 400 s
                alarm(fire, "fire", at(2), 10, 100, Resolution.REAL),
                alarm(fire, "fire", at(3), 20, 200, Resolution.FALSE),
                alarm(fire, "fire", at(4), 40, 400, Resolution.FALSE),
                # infrared: 30 s and closed as a test after 300 s; 90 s and still open
                alarm(ir, "infrared", at(5), 30, 300, Resolution.TEST),
                alarm(ir, "infrared", at(6), 90),
                # perimeter: nobody has acknowledged it yet
                alarm(beam, "perimeter", at(7)),
                # just outside the month on both sides
                alarm(fire, "fire", START - timedelta(seconds=1), 5, 50, Resolution.REAL),
                alarm(fire, "fire", END, 5, 50, Resolution.REAL),
                # faults are counted apart
                alarm("b3-f2-smoke", "fire", at(8), event="trouble"),
                alarm("camera-x", "fault", at(9), 60, 120, Resolution.REPAIRED, "comm_fault"),
            ]
        )
        s.add_all(
            [
                # east gate: lost before the month, back a day in; lost twice in a row (a
                # restart while it was down) for two hours; lost for the month's last hour
                camera_event("east-gate", "comm_fault", START - timedelta(hours=6)),
                camera_event("east-gate", "comm_restore", START + timedelta(days=1)),
                camera_event("east-gate", "comm_fault", at(10, 0)),
                camera_event("east-gate", "comm_fault", at(10, 1)),
                camera_event("east-gate", "comm_restore", at(10, 2)),
                camera_event("east-gate", "comm_fault", END - timedelta(hours=1)),
                # garage: half an hour
                camera_event("garage-b1", "comm_fault", at(5, 0)),
                camera_event("garage-b1", "comm_restore", at(5, 0.5)),
            ]
        )
        s.add_all(
            [visit_row("admitted", at(d)) for d in (1, 2, 3)]
            + [
                visit_row("refused", at(4)),
                visit_row("withdrawn", at(5)),
                visit_row("admitted", at(2, 1, 11)),
            ]
        )
        s.add_all(
            [
                loan_row(at(2), "closed", at(9), at(5), "intact"),  # opened, returned
                loan_row(at(3), "lent", at(20)),  # opened, overdue, still out
                loan_row(at(20, month=9), "closed", at(10), at(15), "lost"),  # overdue, closed
                loan_row(at(25), "refused", at(30)),  # opened only
                loan_row(at(28), "closed", at(29), at(28, 15), "viewed"),  # opened, closed
                loan_row(at(30), "approved", at(30, month=11)),  # opened, still out
            ]
        )
        first = Shift(start=at(1, 0), end=at(1, 8), label="夜班", created_at=at(1, 0))
        s.add(first)
        s.flush()
        entries = [("patrol", False)] * 4 + [("equipment", True)] * 2 + [("alarm", False)]
        for n, (category, equipment) in enumerate(entries):
            s.add(log_entry(first.id, at(1 + n), category, equipment))
        s.add(log_entry(first.id, at(2, month=11), "patrol", False))
        s.add_all(
            [
                FaultReport(title="f1", opened_at=at(20, month=9), opened_by="li",
                            repaired_at=at(3), repaired_by="li"),
                FaultReport(title="f2", opened_at=at(5), opened_by="li"),
                FaultReport(title="f3", opened_at=at(6), opened_by="li",
                            repaired_at=at(7), repaired_by="li"),
                FaultReport(title="f4", opened_at=at(2, month=11), opened_by="li"),
            ]
        )  # fmt: skip
        signed = [
            ("fire-daily", at(2), at(2, 3)),  # by noon: on time
            ("fire-daily", at(3), at(3, 11.9)),
            ("fire-daily", at(4), at(4, 13)),  # late
            ("fire-weekly", at(1), at(1, 10)),  # the week of Mon 28 Sep, before first use
            ("cctv-monthly", at(1), at(12)),  # due by the 10th: late
        ]
        for template_id, moment, signed_at in signed:
            template = desk.checks.template(template_id)
            p_start, p_end = desk.checks.period_of(template, moment)
            s.add(
                CheckRecord(
                    template_id=template_id,
                    template_name=template.name,
                    period_start=p_start,
                    period_end=p_end,
                    signed_by="li",
                    printed_name="李值班",
                    signed_at=signed_at,
                    items="[]",
                )
            )
    return desk


def log_entry(shift_id: int, when: datetime, category: str, equipment: bool) -> LogEntry:
    return LogEntry(
        shift_id=shift_id,
        at=when,
        recorded_at=when,
        author="li",
        author_name="李值班",
        category=category,
        text="x",
        equipment_status=equipment,
    )


def test_month_period_is_local_midnight_to_midnight() -> None:
    period = ReportPeriod.parse_month("2026-10", TZ)
    assert (period.start, period.end, period.days, period.label) == (START, END, 31, "2026-10")
    week = ReportPeriod.week(date(2026, 10, 1), TZ)  # a Thursday
    assert (week.first, week.last) == (date(2026, 9, 28), date(2026, 10, 4))
    with pytest.raises(ReportError, match="not a month"):
        ReportPeriod.parse_month("2026-13", TZ)
    with pytest.raises(ReportError, match="YYYY-MM"):
        ReportPeriod.parse_month("Oct 2026", TZ)
    with pytest.raises(ReportError, match="before it starts"):
        ReportPeriod.custom(date(2026, 10, 2), date(2026, 10, 1), TZ)
    with pytest.raises(ReportError, match="at most 366 days"):
        ReportPeriod.custom(date(2025, 1, 1), date(2026, 1, 2), TZ)


def test_alarm_counts_and_times_match_the_hand_computed_figures(october: Desk) -> None:
    report = october.reports.report(ReportPeriod.parse_month("2026-10", TZ))
    every = report.alarms
    assert (every.count, every.real, every.false, every.test, every.other, every.open) == (
        6,
        1,
        2,
        1,
        0,
        2,
    )
    assert every.false_share == pytest.approx(2 / 3)
    # acknowledged after 10, 20, 30, 40, 90 s: median 30; p90 at rank 4.6: 40 + 0.6 * 50
    assert (every.ack.count, every.ack.median, every.ack.p90) == (5, 30, 70)
    # closed after 100, 200, 300, 400 s: median 250; p90 at rank 3.7: 300 + 0.7 * 100
    assert (every.close.count, every.close.median, every.close.p90) == (4, 250, 370)
    kinds = {k.kind: k for k in report.by_kind}
    assert [k.kind for k in report.by_kind] == ["fire", "infrared", "perimeter"]
    fire, ir, beam = kinds["fire"], kinds["infrared"], kinds["perimeter"]
    assert (fire.count, fire.real, fire.false, fire.open) == (3, 1, 2, 0)
    assert fire.ack.median == pytest.approx(20)
    assert fire.ack.p90 == pytest.approx(36)
    assert (ir.count, ir.test, ir.open) == (2, 1, 1)
    assert ir.ack.median == pytest.approx(60)
    assert ir.ack.p90 == pytest.approx(84)
    assert (ir.close.count, ir.close.median, ir.close.p90) == (1, 300, 300)
    assert (beam.count, beam.open, beam.ack.count, beam.ack.median) == (1, 1, 0, None)
    assert [(z.key, z.count) for z in report.by_zone] == [
        ("b1-f1-smoke", 3),
        ("garage-b1-ir", 2),
        ("perimeter-north-beam", 1),
    ]
    assert report.by_zone[0].label == "name of b1-f1-smoke"
    assert {(f.event, f.count, f.open) for f in report.faults} == {
        ("trouble", 1, 1),
        ("comm_fault", 1, 0),
    }


def test_camera_uptime_counts_carried_repeated_and_unfinished_losses(october: Desk) -> None:
    report = october.reports.report(ReportPeriod.parse_month("2026-10", TZ))
    cameras = {c.camera_id: c for c in report.cameras}
    east = cameras["east-gate"]
    # a day carried in from September, two hours (two faults, one loss), the last hour
    assert east.offline_seconds == pytest.approx(86400 + 7200 + 3600, abs=0.01)
    assert east.offline_count == 2
    assert east.uptime == pytest.approx(1 - 97200 / MONTH_S)
    garage = cameras["garage-b1"]
    assert garage.offline_count == 1
    assert garage.offline_seconds == pytest.approx(1800, abs=0.01)
    assert cameras["b1-lobby"].uptime == 1.0
    assert [c.camera_id for c in report.cameras] == [c.id for c in october.site.cameras]


def test_visits_loans_log_and_faults(october: Desk) -> None:
    report = october.reports.report(ReportPeriod.parse_month("2026-10", TZ))
    assert report.visits == {"admitted": 3, "refused": 1, "withdrawn": 1}
    loans = report.loans
    assert (loans.opened, loans.returned, loans.closed_other) == (5, 1, 2)
    assert (loans.overdue, loans.out_at_end) == (2, 2)
    assert report.log == {"patrol": 4, "equipment": 2, "alarm": 1}
    assert (report.equipment_entries, report.equipment_expected) == (2, MONTH_S // 7200)
    faults = report.fault_reports
    assert (faults.opened, faults.repaired, faults.open_at_end) == (2, 2, 1)


def test_checks_done_against_due_from_the_desks_first_use(october: Desk) -> None:
    report = october.reports.report(ReportPeriod.parse_month("2026-10", TZ))
    checks = {c.template_id: (c.due, c.done, c.on_time, c.missed) for c in report.checks}
    assert checks["fire-room-shift"] == (93, 0, 0, 93)  # three shifts a day, none signed
    assert checks["fire-daily"] == (31, 3, 2, 28)
    # four weeks from Mon 5 Oct, and the week of 28 Sep (before first use) because signed
    assert checks["fire-weekly"] == (5, 1, 1, 4)
    assert checks["cctv-monthly"] == (1, 1, 0, 0)
    assert checks["fire-quarterly"] == (1, 0, 0, 1)  # due 30 days into the quarter
    assert checks["fire-annual"] == (0, 0, 0, 0)
    assert (report.checks_due, report.checks_done) == (131, 5)


def test_a_running_period_is_measured_up_to_now(october: Desk) -> None:
    october.set_clock(Clock(at(10, 11)))
    report = october.reports.report(ReportPeriod.parse_month("2026-10", TZ))
    assert report.measured_until == at(10, 11)
    assert report.alarms.count == 6  # all raised before the 10th
    east = {c.camera_id: c for c in report.cameras}["east-gate"]
    measured = (at(10, 11) - START).total_seconds()
    assert east.uptime == pytest.approx(1 - (86400 + 7200) / measured)
    assert {c.template_id: c.due for c in report.checks}[
        "fire-daily"
    ] == 9  # the 10th is due at noon


def test_csv_rows_carry_the_headline_figures(october: Desk) -> None:
    report = october.reports.report(ReportPeriod.parse_month("2026-10", TZ))
    rows = {(r["section"], r["key"], r["measure"]): r["value"] for r in report_rows(report)}
    assert rows["alarms", "*", "count"] == 6
    assert rows["alarms", "*", "ack_median_s"] == 30.0
    assert rows["alarms", "*", "ack_p90_s"] == 70.0
    assert rows["alarms_by_kind", "fire", "false"] == 2
    assert rows["cameras", "east-gate", "offline_count"] == 2
    assert rows["visits", "admitted", "count"] == 3
    assert rows["loans", "overdue", "count"] == 2
    assert rows["checks", "fire-daily", "missed"] == 28
    assert rows["period", "month", "first_day"] == "2026-10-01"


def test_figures_follow_alarms_through_the_real_queue(desk: Desk, operator) -> None:
    """Raised, acknowledged and closed through core: the report counts what the queue did."""
    raised = desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, "sim:1", code="a"))
    desk.alarms.acknowledge(operator, raised.alarm_id)
    desk.alarms.close(operator, raised.alarm_id, Resolution.FALSE, "蒸汽误报")
    desk.alarms.ingest(DeviceEvent("demo-panel", EventType.ALARM, "sim:4", code="b"))
    today = datetime.now(TZ).date()
    report = desk.reports.report(desk.reports.period("day", today))
    assert (report.alarms.count, report.alarms.false, report.alarms.open) == (2, 1, 1)
    assert report.alarms.ack.count == 1
    assert report.alarms.ack.median is not None
    assert report.alarms.ack.median >= 0
    assert {k.kind: k.count for k in report.by_kind} == {"fire": 1, "infrared": 1}
