"""Check sheets (station rules section 4): templates, periods, due/overdue/missed, signing with
the password, abnormal items opening fault reports, repairs, export rows, and the year-long
keeping of records."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from console.core.auth import Actor, BadCredentials
from console.core.checks import (
    CHECK_COLUMNS,
    CheckError,
    CheckService,
    CheckState,
    CheckTemplate,
    check_rows,
    load_templates,
    period_of,
)
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.events import Event
from console.core.exports import render
from console.core.shifts import ShiftPattern
from console.core.site import DutySettings
from schema.models import AuditRecord, CheckRecord, FaultReport, LogEntry
from schema.types import utcnow
from tests.clock import Clock
from tests.conftest import OPERATOR_PASSWORD

TZ = ZoneInfo("Asia/Shanghai")  # the demo site's time zone; shifts 08:00 / 16:00 / 00:00
SLOT_AT = ShiftPattern(DutySettings(shift_starts=["08:00", "16:00", "00:00"]), TZ).slot_at

STATION_SHEETS = {
    "消防设备日检表": "day",
    "消防设施周检表": "week",
    "防盗监视系统月保养记录": "month",
    "消防设施季保养记录": "quarter",
    "消防设施年保养记录": "year",
    "消防监控中心消防设备监控运行记录表": "shift",
}


def at(local: str) -> datetime:
    """A wall-clock time at the demo site."""
    return datetime.fromisoformat(local).replace(tzinfo=TZ)


@pytest.fixture
def clock(desk: Desk) -> Clock:
    c = Clock(at("2026-03-02 09:00"))  # a Monday
    desk.shifts.clock = desk.duty.clock = desk.auth.clock = c
    return c


@pytest.fixture
def checks(desk: Desk, operator: Actor, clock: Clock) -> CheckService:
    return CheckService(
        desk.site, desk.db, desk.bus, desk.auth, desk.shifts, desk.duty, clock=clock
    )


def first_use(desk: Desk, clock: Clock, local: str) -> None:
    """The desk is first used at `local` (its first shift row is created then)."""
    saved = clock.now
    clock.now = at(local)
    desk.shifts.current()
    clock.now = saved


def all_normal(template: CheckTemplate) -> dict[str, tuple[bool, str]]:
    return {item.id: (True, "") for item in template.items}


def sign(checks: CheckService, template_id: str, **kwargs):
    results = kwargs.pop("results", None) or all_normal(checks.template(template_id))
    return checks.record("li", OPERATOR_PASSWORD, template_id, results, **kwargs)


def state_of(checks: CheckService, template_id: str) -> list[tuple[CheckState, datetime]]:
    return [(st.state, st.period_start) for st in checks.status() if st.template.id == template_id]


def counts(desk: Desk) -> list[int | None]:
    """How many check records, fault reports and duty-log entries there are."""
    with desk.db.read() as s:
        return [
            s.scalar(select(func.count()).select_from(model))
            for model in (CheckRecord, FaultReport, LogEntry)
        ]


def actions(desk: Desk) -> list[str]:
    with desk.db.read() as s:
        return list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.seq)))


# -- templates -----------------------------------------------------------------------------------


def test_the_shipped_sheets_are_the_station_rules_records() -> None:
    templates = load_templates()
    assert {t.name: t.period for t in templates} == STATION_SHEETS
    assert len({t.id for t in templates}) == len(templates)
    for t in templates:
        assert 6 <= len(t.items) <= 15, t.id
        assert len({i.id for i in t.items}) == len(t.items), t.id
        assert all(i.text and i.text_en for i in t.items)
    daily = next(t for t in templates if t.period == "day")
    assert daily.due_hours == 12  # by noon
    shift = next(t for t in templates if t.period == "shift")
    assert shift.due_hours == 2


GOOD_SHEET = """
[[templates]]
id = "a"
name = "甲表"
name_en = "Sheet A"
period = "day"
due_hours = 4

[[templates.items]]
id = "one"
text = "一"
text_en = "one"
"""


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "checks.toml"
    path.write_text(body, encoding="utf-8")
    return path


def bad(tmp_path: Path, body: str) -> str:
    with pytest.raises(CheckError) as err:
        load_templates(write(tmp_path, body))
    assert err.value.code == "bad_templates"
    message = str(err.value)
    assert message.startswith(str(tmp_path / "checks.toml") + ": "), message
    return message


def test_a_good_file_loads(tmp_path: Path) -> None:
    [sheet] = load_templates(write(tmp_path, GOOD_SHEET))
    assert (sheet.id, sheet.name, sheet.period, sheet.due_hours) == ("a", "甲表", "day", 4)
    assert [(i.id, i.text, i.text_en) for i in sheet.items] == [("one", "一", "one")]


def test_a_missing_item_text_is_named_by_its_key(tmp_path: Path) -> None:
    body = GOOD_SHEET * 2 + GOOD_SHEET.replace('id = "a"', 'id = "c"').replace('text = "一"\n', "")
    body = body.replace('id = "a"', 'id = "b"', 1)
    message = bad(tmp_path, body)
    assert "checks.toml: templates[2].items[0].text: field required" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("due_hours = 4", 'due_hours = 4\ncolour = "red"'), "templates[0].colour: unknown key"),
        (("due_hours = 4", 'due_hours = "4"'), "templates[0].due_hours: input should be"),
        (("due_hours = 4", "due_hours = 25"), "templates[0].due_hours: must be at most 24"),
        (("due_hours = 4", "due_hours = 0"), "templates[0].due_hours: input should be greater"),
        (('period = "day"', 'period = "fortnight"'), "templates[0].period: input should be"),
        (('id = "a"', 'id = "Sheet A"'), "templates[0].id: 'Sheet A' is not an id"),
        (('text = "一"', 'text = "  "'), "templates[0].items[0].text: string should have"),
    ],
)
def test_a_bad_value_is_refused_with_its_key(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    assert expected in bad(tmp_path, GOOD_SHEET.replace(*change))


def test_ids_must_be_unique(tmp_path: Path) -> None:
    assert "templates: template id 'a' is used twice ([0] and [1])" in bad(tmp_path, GOOD_SHEET * 2)
    item = '\n[[templates.items]]\nid = "one"\ntext = "二"\ntext_en = "two"\n'
    assert "templates[0].items: item id 'one' is used twice ([0] and [1])" in bad(
        tmp_path, GOOD_SHEET + item
    )


def test_a_sheet_without_items_and_a_file_without_sheets_are_refused(tmp_path: Path) -> None:
    no_items = GOOD_SHEET[: GOOD_SHEET.index("[[templates.items]]")]
    assert "templates[0].items: field required" in bad(tmp_path, no_items)
    assert "templates: field required" in bad(tmp_path, "# nothing\n")


def test_broken_toml_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    assert "not valid TOML" in bad(tmp_path, GOOD_SHEET + "[[templates\n")
    with pytest.raises(CheckError) as err:
        load_templates(tmp_path / "absent.toml")
    assert err.value.code == "bad_templates"
    assert "absent.toml: cannot read" in str(err.value)


# -- periods -------------------------------------------------------------------------------------


def sheet(period: str, due_hours: int = 1) -> CheckTemplate:
    return CheckTemplate.model_validate(
        {
            "id": "x",
            "name": "表",
            "name_en": "sheet",
            "period": period,
            "due_hours": due_hours,
            "items": [{"id": "i", "text": "项", "text_en": "item"}],
        }
    )


@pytest.mark.parametrize(
    ("period", "moment", "start", "end"),
    [
        ("day", "2026-05-14 10:30", "2026-05-14 00:00", "2026-05-15 00:00"),
        ("day", "2026-05-14 00:00", "2026-05-14 00:00", "2026-05-15 00:00"),
        ("day", "2026-05-13 23:59:59", "2026-05-13 00:00", "2026-05-14 00:00"),
        ("week", "2026-05-14 10:30", "2026-05-11 00:00", "2026-05-18 00:00"),  # Thursday
        ("week", "2026-05-17 23:00", "2026-05-11 00:00", "2026-05-18 00:00"),  # Sunday
        ("week", "2026-05-18 00:00", "2026-05-18 00:00", "2026-05-25 00:00"),  # Monday
        ("month", "2026-02-28 12:00", "2026-02-01 00:00", "2026-03-01 00:00"),
        ("month", "2026-12-31 23:00", "2026-12-01 00:00", "2027-01-01 00:00"),
        ("quarter", "2026-05-14 10:30", "2026-04-01 00:00", "2026-07-01 00:00"),
        ("quarter", "2026-12-31 23:00", "2026-10-01 00:00", "2027-01-01 00:00"),
        ("quarter", "2026-01-01 00:00", "2026-01-01 00:00", "2026-04-01 00:00"),
        ("year", "2026-05-14 10:30", "2026-01-01 00:00", "2027-01-01 00:00"),
        ("shift", "2026-05-14 10:30", "2026-05-14 08:00", "2026-05-14 16:00"),
        ("shift", "2026-05-14 03:00", "2026-05-14 00:00", "2026-05-14 08:00"),
        ("shift", "2026-05-14 23:30", "2026-05-14 16:00", "2026-05-15 00:00"),
    ],
)
def test_periods_in_the_site_time_zone(period: str, moment: str, start: str, end: str) -> None:
    got = period_of(sheet(period), at(moment), TZ, SLOT_AT)
    assert got == (at(start), at(end))
    assert all(g.tzinfo is not None for g in got)


def test_a_day_is_the_sites_day_not_utcs() -> None:
    moment = datetime(2026, 5, 13, 17, 0, tzinfo=UTC)  # 01:00 on the 14th in Shanghai
    start, _ = period_of(sheet("day"), moment, TZ, SLOT_AT)
    assert start == at("2026-05-14 00:00")
    utc_start, _ = period_of(sheet("day"), moment, UTC, SLOT_AT)
    assert utc_start == datetime(2026, 5, 13, tzinfo=UTC)


def test_a_naive_time_has_no_period() -> None:
    with pytest.raises(CheckError) as err:
        period_of(sheet("day"), datetime(2026, 5, 14), TZ, SLOT_AT)
    assert err.value.code == "naive_time"


# -- due, overdue, done, missed --------------------------------------------------------------


def test_a_sheet_is_due_then_overdue_then_done(desk: Desk, checks: CheckService, clock: Clock):
    [daily] = [st for st in checks.status() if st.template.id == "fire-daily"]
    assert daily.state is CheckState.DUE
    assert (daily.period_start, daily.period_end) == (at("2026-03-02"), at("2026-03-03"))
    assert daily.deadline == at("2026-03-02 12:00")
    assert daily.record_id is None
    clock.now = at("2026-03-02 12:00")
    assert state_of(checks, "fire-daily") == [(CheckState.OVERDUE, at("2026-03-02"))]
    record = sign(checks, "fire-daily")
    [daily] = [st for st in checks.status() if st.template.id == "fire-daily"]
    assert (daily.state, daily.record_id) == (CheckState.DONE, record.id)
    assert "fire-daily" not in [st.template.id for st in checks.open_checks()]


def test_every_sheet_has_a_current_period(checks: CheckService) -> None:
    statuses = checks.status()
    assert [st.template.id for st in statuses] == [t.id for t in checks.templates]
    by_id = {st.template.id: st for st in statuses}
    assert by_id["fire-weekly"].period_start == at("2026-03-02")
    assert by_id["fire-weekly"].deadline == at("2026-03-06 00:00")  # 96 h
    assert by_id["cctv-monthly"].period_start == at("2026-03-01")
    assert by_id["fire-quarterly"].period_start == at("2026-01-01")
    assert by_id["fire-quarterly"].state is CheckState.OVERDUE  # 720 h after 1 January
    assert by_id["fire-annual"].state is CheckState.DUE  # 2160 h: until 1 April
    assert by_id["fire-room-shift"].period_start == at("2026-03-02 08:00")
    assert by_id["fire-room-shift"].deadline == at("2026-03-02 10:00")
    assert checks.open_checks() == statuses  # nothing signed yet


def test_the_shift_sheet_follows_the_shift_pattern(
    desk: Desk, checks: CheckService, clock: Clock
) -> None:
    first_use(desk, clock, "2026-03-02 07:00")
    record = sign(checks, "fire-room-shift")
    assert (record.period_start, record.period_end) == (
        at("2026-03-02 08:00"),
        at("2026-03-02 16:00"),
    )
    assert record.shift_id == desk.shifts.current().id
    clock.now = at("2026-03-02 16:30")
    assert state_of(checks, "fire-room-shift") == [(CheckState.DUE, at("2026-03-02 16:00"))]
    clock.now = at("2026-03-02 18:00")
    assert state_of(checks, "fire-room-shift") == [(CheckState.OVERDUE, at("2026-03-02 16:00"))]
    clock.now = at("2026-03-03 00:10")
    assert state_of(checks, "fire-room-shift") == [
        (CheckState.MISSED, at("2026-03-02 16:00")),
        (CheckState.DUE, at("2026-03-03 00:00")),
    ]


def test_a_previous_period_without_a_record_is_missed(
    desk: Desk, checks: CheckService, clock: Clock
) -> None:
    first_use(desk, clock, "2026-03-01 23:00")
    clock.now = at("2026-03-03 09:00")
    assert state_of(checks, "fire-daily") == [
        (CheckState.MISSED, at("2026-03-02")),
        (CheckState.DUE, at("2026-03-03")),
    ]
    missed = {st.template.id: st for st in checks.open_checks() if st.state is CheckState.MISSED}
    # The previous week, month, quarter and year began before the desk was first used.
    assert set(missed) == {"fire-daily", "fire-room-shift"}
    daily = missed["fire-daily"]
    assert (daily.period_end, daily.deadline) == (at("2026-03-03"), at("2026-03-02 12:00"))
    shift = missed["fire-room-shift"]
    assert (shift.period_start, shift.period_end) == (
        at("2026-03-03 00:00"),
        at("2026-03-03 08:00"),
    )


def test_nothing_before_the_desk_was_first_used_counts_as_missed(
    desk: Desk, checks: CheckService, clock: Clock
) -> None:
    clock.now = at("2026-03-03 09:00")
    assert checks.records_since() is None
    assert CheckState.MISSED not in [st.state for st in checks.status()]
    first_use(desk, clock, "2026-03-02 00:30")  # after the 2nd's day began
    assert checks.records_since() == at("2026-03-02 00:30")
    assert state_of(checks, "fire-daily") == [(CheckState.DUE, at("2026-03-03"))]
    # The shift 2026-03-03 00:00-08:00 is the previous one now; it began after the first use.
    assert state_of(checks, "fire-room-shift")[0] == (CheckState.MISSED, at("2026-03-03 00:00"))


def test_a_missed_period_can_be_filled_in_late(
    desk: Desk, checks: CheckService, clock: Clock
) -> None:
    first_use(desk, clock, "2026-03-01 23:00")
    clock.now = at("2026-03-03 09:00")
    record = sign(checks, "fire-daily", period_start=at("2026-03-02"))
    assert record.late
    assert (record.period_start, record.period_end) == (at("2026-03-02"), at("2026-03-03"))
    assert state_of(checks, "fire-daily") == [(CheckState.DUE, at("2026-03-03"))]
    [line] = [e for e in desk.duty.entries() if e.ref == f"check:{record.id}"]
    assert "补填" in line.text
    with desk.db.read() as s:
        payload = s.scalars(
            select(AuditRecord.payload).where(AuditRecord.action == "check.record")
        ).one()
    assert json.loads(payload)["late"] is True
    current = sign(checks, "fire-daily")
    assert not current.late


def test_a_period_must_be_a_period_start_and_not_in_the_future(
    desk: Desk, checks: CheckService
) -> None:
    for start, code in [
        (at("2026-03-02 01:00"), "bad_period"),
        (at("2026-03-03 00:00"), "future_period"),
        (at("2026-03-09 00:00").replace(tzinfo=None), "naive_time"),
    ]:
        with pytest.raises(CheckError) as err:
            sign(checks, "fire-daily", period_start=start)
        assert err.value.code == code
    with pytest.raises(CheckError) as err:
        sign(checks, "fire-weekly", period_start=at("2026-03-03 00:00"))  # a Tuesday
    assert err.value.code == "bad_period"
    assert counts(desk) == [0, 0, 0]
    assert sign(checks, "fire-daily", period_start=at("2026-03-02")).period_start == at(
        "2026-03-02"
    )


# -- signing ----------------------------------------------------------------------------------


def test_a_signed_sheet_is_stored_logged_and_audited(
    desk: Desk, checks: CheckService, clock: Clock
) -> None:
    seen: list[Event] = []
    committed: list[int] = []

    def on_event(event: Event) -> None:  # published after the commit: the record is readable
        if event.topic == "duty.check":
            committed.extend(r.id for r in checks.records())
        seen.append(event)

    desk.bus.subscribe("duty.", on_event)
    results = all_normal(checks.template("fire-daily"))
    results["backup-power"] = (False, " 蓄电池电压偏低 ")
    record = checks.record("li", OPERATOR_PASSWORD, "fire-daily", results, note="  日常  ")
    assert (record.template_id, record.template_name) == ("fire-daily", "消防设备日检表")
    assert (record.signed_by, record.printed_name, record.note) == ("li", "李值班", "日常")
    assert record.signed_at == clock.now
    assert record.shift_id == desk.shifts.current().id
    assert [i.id for i in record.items] == [i.id for i in checks.template("fire-daily").items]
    with desk.db.read() as s:
        stored = json.loads(s.get(CheckRecord, record.id).items)
    assert stored[2] == {
        "id": "backup-power",
        "text": "备用电源（蓄电池）电压正常，处于浮充状态",
        "result": "abnormal",
        "note": "蓄电池电压偏低",
    }
    assert {s["result"] for i, s in enumerate(stored) if i != 2} == {"normal"}
    assert checks.get(record.id) == record
    [line] = desk.duty.entries()
    assert (line.category, line.source, line.ref) == (
        Category.EQUIPMENT,
        "check",
        f"check:{record.id}",
    )
    assert (line.author, line.author_name) == ("li", "李值班")
    assert "消防设备日检表" in line.text
    assert "异常1项" in line.text
    assert "备用电源" in line.text
    assert actions(desk)[-4:] == ["auth.sign_check", "check.record", "fault.open", "log.add"]
    assert [e.topic for e in seen] == ["duty.check", "duty.log", "duty.fault"]
    assert seen[0].data["abnormal"] == 1
    assert committed == [record.id]


def test_a_wrong_password_stores_nothing(desk: Desk, checks: CheckService) -> None:
    results = all_normal(checks.template("fire-daily"))
    results["printer"] = (False, "缺纸")
    with pytest.raises(BadCredentials):
        checks.record("li", "not-the-password", "fire-daily", results)
    assert counts(desk) == [0, 0, 0]
    assert state_of(checks, "fire-daily") == [(CheckState.DUE, at("2026-03-02"))]
    assert actions(desk)[-1] == "auth.failed"
    assert "check.record" not in actions(desk)


def test_every_item_must_be_answered_and_only_those(desk: Desk, checks: CheckService) -> None:
    template = checks.template("fire-daily")
    partial = all_normal(template)
    del partial["printer"]
    with pytest.raises(CheckError) as err:
        sign(checks, "fire-daily", results=partial)
    assert err.value.code == "unanswered"
    assert "printer" in str(err.value)
    extra = all_normal(template) | {"coffee": (True, "")}
    with pytest.raises(CheckError) as err:
        sign(checks, "fire-daily", results=extra)
    assert err.value.code == "unknown_item"
    assert counts(desk) == [0, 0, 0]
    assert "auth.sign_check" not in actions(desk)  # a refused form costs no password try


def test_an_abnormal_item_needs_a_note(desk: Desk, checks: CheckService) -> None:
    results = all_normal(checks.template("fire-daily"))
    results["printer"] = (False, "   ")
    with pytest.raises(CheckError) as err:
        sign(checks, "fire-daily", results=results)
    assert err.value.code == "note_required"
    assert counts(desk) == [0, 0, 0]


def test_one_record_per_sheet_and_period(desk: Desk, checks: CheckService, clock: Clock):
    first = sign(checks, "fire-daily")
    clock.now = at("2026-03-02 20:00")
    with pytest.raises(CheckError) as err:
        sign(checks, "fire-daily")
    assert err.value.code == "already_done"
    with pytest.raises(CheckError) as err:
        sign(checks, "fire-daily", period_start=at("2026-03-02"))
    assert err.value.code == "already_done"
    assert [r.id for r in checks.records("fire-daily")] == [first.id]
    clock.now = at("2026-03-03 08:30")
    assert sign(checks, "fire-daily").period_start == at("2026-03-03")


def test_an_unknown_sheet_or_record(checks: CheckService) -> None:
    with pytest.raises(CheckError) as err:
        checks.template("fire-hourly")
    assert err.value.code == "no_template"
    with pytest.raises(CheckError) as err:
        sign(checks, "fire-hourly", results={"a": (True, "")})
    assert err.value.code == "no_template"
    with pytest.raises(CheckError) as err:
        checks.get(404)
    assert err.value.code == "no_record"


def test_records_by_sheet_and_signing_time(checks: CheckService, clock: Clock) -> None:
    daily = sign(checks, "fire-daily")
    clock.now = at("2026-03-02 10:00")
    weekly = sign(checks, "fire-weekly")
    clock.now = at("2026-03-03 10:00")
    daily2 = sign(checks, "fire-daily")
    assert [r.id for r in checks.records()] == [daily.id, weekly.id, daily2.id]
    assert [r.id for r in checks.records("fire-daily")] == [daily.id, daily2.id]
    assert [r.id for r in checks.records(start=at("2026-03-02 10:00"))] == [weekly.id, daily2.id]
    assert [r.id for r in checks.records(end=at("2026-03-02 10:00"))] == [daily.id]


# -- fault reports ------------------------------------------------------------------------------


def test_an_abnormal_item_opens_a_fault_that_a_repair_closes(
    desk: Desk, checks: CheckService, operator: Actor, clock: Clock
) -> None:
    results = all_normal(checks.template("cctv-monthly"))
    results["disks"] = (False, "3号硬盘告警")
    results["ups"] = (False, "电池鼓包")
    record = sign(checks, "cctv-monthly", results=results)
    faults = checks.faults()
    assert [(f.check_record_id, f.item_id) for f in faults] == [
        (record.id, "disks"),
        (record.id, "ups"),
    ]
    disks = faults[0]
    assert disks.title == "防盗监视系统月保养记录: 录像机及存储硬盘状态正常，无坏盘、满盘告警"
    assert (disks.note, disks.opened_by, disks.is_open) == ("3号硬盘告警", "li", True)
    assert {i.id: i.fault_id for i in record.abnormal} == {"disks": disks.id, "ups": faults[1].id}
    assert checks.get(record.id).items == record.items

    clock.now = at("2026-03-02 15:00")
    with pytest.raises(CheckError) as err:
        checks.repair(operator, disks.id, "  ")
    assert err.value.code == "note_required"
    repaired = checks.repair(operator, disks.id, "更换3号硬盘")
    assert (repaired.repaired_at, repaired.repaired_by) == (clock.now, "li")
    assert repaired.repair_note == "更换3号硬盘"
    assert not repaired.is_open
    assert [f.id for f in checks.faults()] == [faults[1].id]
    assert [f.id for f in checks.faults(open_only=False)] == [disks.id, faults[1].id]
    with pytest.raises(CheckError) as err:
        checks.repair(operator, disks.id, "again")
    assert err.value.code == "already_repaired"
    with pytest.raises(CheckError) as err:
        checks.repair(operator, 999, "nothing")
    assert err.value.code == "no_fault"
    [line] = [e for e in desk.duty.entries() if e.ref == f"fault:{disks.id}"]
    assert (line.category, line.source) == (Category.EQUIPMENT, "fault")
    assert "更换3号硬盘" in line.text
    assert actions(desk).count("fault.open") == 2
    assert actions(desk)[-2:] == ["fault.repair", "log.add"]


def test_a_fault_reported_by_hand(desk: Desk, checks: CheckService, operator: Actor) -> None:
    seen: list[str] = []
    desk.bus.subscribe("duty.fault", lambda e: seen.append(e.data["change"]))
    with pytest.raises(CheckError) as err:
        checks.report_fault(operator, "  ", "")
    assert err.value.code == "title_required"
    fault = checks.report_fault(operator, "2号楼排烟风机异响", "工程部已知悉")
    assert (fault.check_record_id, fault.item_id, fault.is_open) == (None, None, True)
    assert checks.faults() == [fault]
    [line] = desk.duty.entries()
    assert (line.source, line.ref, line.category) == ("fault", f"fault:{fault.id}", "equipment")
    assert "2号楼排烟风机异响" in line.text
    checks.repair(operator, fault.id, "更换轴承")
    assert checks.faults() == []
    assert seen == ["opened", "repaired"]


# -- export ------------------------------------------------------------------------------------


def test_export_rows_one_per_item(checks: CheckService, clock: Clock) -> None:
    results = all_normal(checks.template("fire-room-shift"))
    results["remote-link"] = (False, "通信中断")
    record = sign(checks, "fire-room-shift", results=results)
    rows = check_rows(checks.records(), TZ)
    assert len(rows) == len(record.items)
    assert all(list(row) == list(CHECK_COLUMNS) for row in rows)
    [abnormal] = [r for r in rows if r["result"] == "abnormal"]
    assert abnormal == {
        "record_id": record.id,
        "template_id": "fire-room-shift",
        "template_name": "消防监控中心消防设备监控运行记录表",
        "period_start": "2026-03-02T08:00:00+08:00",
        "period_end": "2026-03-02T16:00:00+08:00",
        "signed_at": "2026-03-02T09:00:00+08:00",
        "signed_by": "li",
        "printed_name": "李值班",
        "item_id": "remote-link",
        "item_text": "与城市消防远程监控中心的通信正常",
        "result": "abnormal",
        "note": "通信中断",
        "fault_id": record.abnormal[0].fault_id,
    }
    assert abnormal["fault_id"] is not None
    assert {r["fault_id"] for r in rows if r["result"] == "normal"} == {None}
    csv = render(rows, CHECK_COLUMNS, "csv")
    assert csv.splitlines()[0] == ",".join(CHECK_COLUMNS)
    assert len(csv.splitlines()) == 1 + len(rows)


# -- keeping records a year --------------------------------------------------------------------


def test_a_fresh_record_cannot_be_deleted(desk: Desk, checks: CheckService, clock: Clock):
    clock.now = utcnow()  # the trigger compares with the real date
    record = sign(checks, "fire-daily")
    with pytest.raises((IntegrityError, OperationalError)), desk.db.write() as s:
        s.execute(text("DELETE FROM check_records"))
    assert checks.get(record.id).id == record.id
    assert not [n for n in dir(CheckService) if "delete" in n or "remove" in n]


def test_times_are_kept_in_utc(desk: Desk, checks: CheckService) -> None:
    record = sign(checks, "fire-daily")
    with desk.db.read() as s:
        raw: object = s.execute(text("SELECT period_start FROM check_records")).scalar_one()
    assert str(raw).startswith("2026-03-01 16:00:00")  # 2026-03-02 00:00 in Shanghai
    assert record.period_start == at("2026-03-02")
    assert record.period_start.utcoffset() == timedelta(0)
