"""Visitor verification (3.4.8) in core: the instruction follows the call, every call is kept
with its Call-ID in the visit, the audit chain and the duty log; the full ID number never
reaches the database, the logs or an export; passes are time-limited."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from console.core.auth import PermissionDenied, Role
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.events import Event
from console.core.visits import (
    IdHasher,
    IdType,
    Instruction,
    PassForm,
    PassKind,
    ResidentDecision,
    VisitError,
    VisitFilter,
    VisitForm,
    VisitState,
    mask_id,
    mask_phone,
    normalize_id,
    resident_id_check,
    visit_rows,
)
from devices.intercom.base import CallResult, Outcome
from schema.models import AuditRecord, Visit, VisitCall
from tests.clock import Clock

# A made-up resident ID with a valid date and check digit (Beijing Chaoyang, 1990-03-07).
FULL_ID = "110105199003071234"
FULL_ID = FULL_ID[:17] + resident_id_check(FULL_ID[:17])


def _form(**changes: Any) -> VisitForm:
    form = VisitForm(
        gate_id="east-gate",
        visitor_name="赵访客",
        id_type=IdType.RESIDENT_ID,
        id_number=FULL_ID,
        room="10301",
        phone="13812345678",
        purpose="探亲 family visit",
    )
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def _result(outcome: Outcome, room: str = "10301", **kw: Any) -> CallResult:
    fields: dict[str, Any] = {
        "room": room,
        "uri": f"sip:{room}@10.0.0.5",
        "outcome": outcome,
        "rings": 3,
        "seconds": 12.0,
        "call_id": f"call-{outcome.value}@desk",
        "sip_status": {Outcome.BUSY: 486, Outcome.DECLINED: 603}.get(outcome),
    }
    fields.update(kw)
    return CallResult(**fields)


@pytest.fixture
def clock(desk: Desk) -> Clock:
    c = Clock(datetime.now(UTC).replace(microsecond=0))
    desk.set_clock(c)
    return c


def _audit(desk: Desk, prefix: str) -> list[tuple[str, str, dict[str, Any]]]:
    with desk.db.read() as s:
        rows = s.scalars(select(AuditRecord).order_by(AuditRecord.seq)).all()
        return [
            (r.action, r.subject, json.loads(r.payload))
            for r in rows
            if r.action.startswith(prefix)
        ]


# -- ID numbers ---------------------------------------------------------------------------------


def test_resident_id_is_checked_and_masked_six_stars_four() -> None:
    assert normalize_id(IdType.RESIDENT_ID, FULL_ID[:6] + " " + FULL_ID[6:]) == FULL_ID
    assert mask_id(FULL_ID) == FULL_ID[:6] + "********" + FULL_ID[-4:]
    wrong_check = FULL_ID[:17] + ("0" if FULL_ID[17] != "0" else "1")
    with pytest.raises(VisitError, match="check digit") as err:
        normalize_id(IdType.RESIDENT_ID, wrong_check)
    assert err.value.field == "id_number"
    with pytest.raises(VisitError, match="birth date"):
        normalize_id(IdType.RESIDENT_ID, "110105199013071230")
    with pytest.raises(VisitError, match="18 characters"):
        normalize_id(IdType.RESIDENT_ID, "11010519900307")
    # ID check digits are GB 11643 / MOD 11-2: the X case
    assert resident_id_check("11010519491231002") == "X"


def test_short_numbers_never_show_more_than_half() -> None:
    assert mask_id("E12345678") == "E1*****78"
    assert mask_id("H12345678") == "H1*****78"
    assert mask_id("AB123") == "A***3"
    for number in ("E12345678", "H1234567890", "12345678"):
        shown = sum(ch != "*" for ch in mask_id(number))
        assert shown <= len(number) // 2
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("5551234") == "****234"


def test_keyed_hash_uses_a_private_key_file(tmp_path: Path) -> None:
    key = tmp_path / "keys" / "id.key"
    a = IdHasher(key)
    digest = a.hash(IdType.RESIDENT_ID, FULL_ID)
    assert key.stat().st_mode & 0o777 == 0o600
    assert IdHasher(key).hash(IdType.RESIDENT_ID, FULL_ID) == digest  # same key, same hash
    assert IdHasher(tmp_path / "other.key").hash(IdType.RESIDENT_ID, FULL_ID) != digest
    assert FULL_ID not in digest
    assert len(digest) == 64


# -- the flow ----------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_full_id_number_never_reaches_database_logs_or_exports(
    desk: Desk, operator: Any, clock: Clock, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    visit = desk.visits.request(operator, _form())
    assert visit.id_masked == FULL_ID[:6] + "********" + FULL_ID[-4:]
    desk.visits.record_call(operator, visit.id, _result(Outcome.ANSWERED))
    desk.visits.instruct(operator, visit.id, Instruction.ADMIT, resident=ResidentDecision.AGREE)
    desk.visits.sign_out(operator, visit.id)
    desk.db.dispose()  # flush the WAL into the file
    db_file = Path(desk.site.database_url().removeprefix("sqlite:///"))
    blobs = b"".join(p.read_bytes() for p in db_file.parent.glob(db_file.name + "*"))
    assert FULL_ID.encode() not in blobs
    assert FULL_ID[:6].encode() + b"********" + FULL_ID[-4:].encode() in blobs  # masked is kept
    assert FULL_ID not in caplog.text
    rows = visit_rows(desk.visits.between(None, None), desk.site.tz())
    text = json.dumps(rows, ensure_ascii=False)
    assert FULL_ID not in text
    assert "13812345678" not in text
    assert rows[0]["id_number"] == visit.id_masked
    assert rows[0]["phone"] == "138****5678"
    # the duty log and the audit chain never name the visitor
    assert all("赵访客" not in e.text for e in desk.duty.entries())
    assert all("赵访客" not in json.dumps(p, ensure_ascii=False) for _, _, p in _audit(desk, ""))


def test_admit_needs_an_answered_call_and_the_residents_agreement(
    desk: Desk, operator: Any, clock: Clock
) -> None:
    instructed: list[Event] = []
    desk.bus.subscribe("visit.instructed", instructed.append)
    visit = desk.visits.request(operator, _form())
    assert visit.state is VisitState.PENDING
    with pytest.raises(VisitError) as err:
        desk.visits.instruct(operator, visit.id, Instruction.ADMIT, resident=ResidentDecision.AGREE)
    assert err.value.code == "not_called"

    clock.advance(seconds=30)
    no_answer = _result(Outcome.NO_ANSWER, rings=5, seconds=25.0, sip_status=487)
    visit = desk.visits.record_call(operator, visit.id, no_answer)
    assert visit.allowed() == {Instruction.WAIT}
    with pytest.raises(VisitError) as err:
        desk.visits.instruct(operator, visit.id, Instruction.ADMIT, resident=ResidentDecision.AGREE)
    assert err.value.code == "not_confirmed"
    visit = desk.visits.instruct(operator, visit.id, Instruction.WAIT)
    assert visit.state is VisitState.WAITING
    assert visit.is_open

    clock.advance(minutes=5)  # the desk calls again: answered, and the resident agrees
    visit = desk.visits.record_call(operator, visit.id, _result(Outcome.ANSWERED))
    with pytest.raises(VisitError):
        desk.visits.instruct(operator, visit.id, Instruction.ADMIT)  # agreement not recorded
    visit = desk.visits.instruct(
        operator, visit.id, Instruction.ADMIT, resident=ResidentDecision.AGREE
    )
    assert visit.state is VisitState.ADMITTED
    assert visit.on_site
    assert visit.resident_decision is ResidentDecision.AGREE
    assert [c.outcome for c in visit.calls] == [Outcome.NO_ANSWER, Outcome.ANSWERED]
    assert [(e.data["instruction"], e.data["gate_id"]) for e in instructed] == [
        ("wait", "east-gate"),
        ("admit", "east-gate"),
    ]
    with pytest.raises(VisitError) as err:  # decided: no second instruction
        desk.visits.instruct(operator, visit.id, Instruction.REFUSE)
    assert err.value.code == "visit_closed"


def test_each_call_goes_into_the_duty_log_and_audit_with_its_call_id(
    desk: Desk, operator: Any, clock: Clock
) -> None:
    visit = desk.visits.request(operator, _form())
    desk.visits.record_call(operator, visit.id, _result(Outcome.BUSY, call_id="abc123@10.0.0.9"))
    desk.visits.record_call(operator, visit.id, _result(Outcome.DECLINED, call_id="def456@x"))
    calls = _audit(desk, "visit.call")
    assert [(p["outcome"], p["call_id"], p["sip_status"]) for _, _, p in calls] == [
        ("busy", "abc123@10.0.0.9", 486),
        ("declined", "def456@x", 603),
    ]
    lines = [e for e in desk.duty.entries() if e.source == "visit"]
    assert all(e.category is Category.VISITOR for e in lines)
    assert any("abc123@10.0.0.9" in e.text and "busy" in e.text for e in lines)
    with desk.db.read() as s:
        stored = s.scalars(select(VisitCall.call_id).order_by(VisitCall.id)).all()
    assert stored == ["abc123@10.0.0.9", "def456@x"]
    # a declined call lets the desk refuse without a resident's word
    visit = desk.visits.instruct(operator, visit.id, Instruction.REFUSE)
    assert visit.state is VisitState.REFUSED
    assert visit.resident_decision is None
    told = _audit(desk, "visit.instruct")[-1][2]
    assert told == {
        "gate": "east-gate",
        "room": "10301",
        "instruction": "refuse",
        "resident": None,
        "call_id": "def456@x",
    }


def test_a_call_to_another_room_or_a_closed_visit_is_refused(
    desk: Desk, operator: Any, clock: Clock
) -> None:
    visit = desk.visits.request(operator, _form())
    with pytest.raises(VisitError) as err:
        desk.visits.record_call(operator, visit.id, _result(Outcome.ANSWERED, room="99999"))
    assert err.value.code == "wrong_room"
    desk.visits.withdraw(operator, visit.id, "访客已离开 left")
    with pytest.raises(VisitError) as err:
        desk.visits.record_call(operator, visit.id, _result(Outcome.ANSWERED))
    assert err.value.code == "visit_closed"


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"gate_id": "back-door"}, "gate", "bad_gate"),
        ({"visitor_name": "  "}, "visitor_name", "name_required"),
        ({"id_number": "12345"}, "id_number", "bad_id"),
        ({"room": "1@evil"}, "room", "bad_room"),
        ({"phone": "call me"}, "phone", "bad_phone"),
        ({"purpose": ""}, "purpose", "purpose_required"),
        (
            {"expected_leave_at": datetime(2020, 1, 1, tzinfo=UTC)},
            "expected_leave_at",
            "leave_past",
        ),
        ({"snapshot": Path("/nonexistent/shot.png")}, "snapshot", "attachment_unreadable"),
    ],
)
def test_bad_fields_are_named_and_nothing_is_stored(
    desk: Desk, operator: Any, clock: Clock, changes: dict[str, Any], field: str, code: str
) -> None:
    with pytest.raises(VisitError) as err:
        desk.visits.request(operator, _form(**changes))
    assert (err.value.field, err.value.code) == (field, code)
    with desk.db.read() as s:
        assert s.scalars(select(Visit)).all() == []


def test_snapshot_is_kept_by_content(
    desk: Desk, operator: Any, clock: Clock, tmp_path: Path
) -> None:
    shot = tmp_path / "gate.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    visit = desk.visits.request(operator, _form(snapshot=shot))
    assert visit.snapshot is not None
    stored = desk.site.attachments_dir() / visit.snapshot
    assert stored.read_bytes() == shot.read_bytes()


def test_search_by_name_room_phone_and_whole_id_number(
    desk: Desk, operator: Any, clock: Clock
) -> None:
    first = desk.visits.request(operator, _form())
    clock.advance(minutes=1)
    other_id = "44030419851120" + "123"
    other_id += resident_id_check(other_id)
    second = desk.visits.request(
        operator, _form(visitor_name="钱快递", id_number=other_id, room="20502", phone="")
    )
    find = desk.visits.visits
    assert [v.id for v in find(VisitFilter(text="钱"))] == [second.id]
    assert [v.id for v in find(VisitFilter(text="10301"))] == [first.id]
    assert [v.id for v in find(VisitFilter(text="1381234"))] == [first.id]
    assert [v.id for v in find(VisitFilter(text=FULL_ID.lower()))] == [first.id]  # by its hash
    assert [v.id for v in find()] == [second.id, first.id]  # newest first
    assert desk.visits.repeat_visits(IdType.RESIDENT_ID, FULL_ID) == 1


def test_waiting_and_on_site_visitors_are_handover_items(
    desk: Desk, operator: Any, clock: Clock
) -> None:
    waiting = desk.visits.request(operator, _form(room="20301"))
    desk.visits.record_call(operator, waiting.id, _result(Outcome.NO_ANSWER, room="20301"))
    desk.visits.instruct(operator, waiting.id, Instruction.WAIT)
    inside = desk.visits.request(operator, _form(expected_leave_at=clock() + timedelta(hours=1)))
    desk.visits.record_call(operator, inside.id, _result(Outcome.ANSWERED))
    desk.visits.instruct(operator, inside.id, Instruction.ADMIT, resident=ResidentDecision.AGREE)

    items = {i.ref: i for i in desk.handover.open_items()}
    assert items[f"visit:{waiting.id}"].kind == "visit"
    assert "20301" in items[f"visit:{waiting.id}"].title
    on_site = items["visits:on-site"]
    assert "10301" in on_site.detail
    assert not on_site.overdue
    clock.advance(hours=2)  # past the expected leave time; the waiting one over 30 min
    items = {i.ref: i for i in desk.handover.open_items()}
    assert items["visits:on-site"].overdue
    assert items[f"visit:{waiting.id}"].overdue
    desk.visits.sign_out(operator, inside.id)
    desk.visits.withdraw(operator, waiting.id, "离开 left")
    assert not [i for i in desk.handover.open_items() if i.kind == "visit"]


def test_sign_out_only_admitted_visitors_once(desk: Desk, operator: Any, clock: Clock) -> None:
    visit = desk.visits.request(operator, _form())
    with pytest.raises(VisitError) as err:
        desk.visits.sign_out(operator, visit.id)
    assert err.value.code == "not_admitted"
    desk.visits.record_call(operator, visit.id, _result(Outcome.ANSWERED))
    desk.visits.instruct(operator, visit.id, Instruction.ADMIT, resident=ResidentDecision.AGREE)
    visit = desk.visits.sign_out(operator, visit.id)
    assert visit.signed_out_at == clock()
    assert not visit.on_site
    with pytest.raises(VisitError) as err:
        desk.visits.sign_out(operator, visit.id)
    assert err.value.code == "signed_out"


def test_manual_call_when_there_is_no_intercom(desk: Desk, operator: Any, clock: Clock) -> None:
    visit = desk.visits.request(operator, _form())
    visit = desk.visits.record_manual_call(operator, visit.id, Outcome.ANSWERED)
    call = visit.calls[0]
    assert call.manual
    assert call.call_id is None
    assert call.outcome is Outcome.ANSWERED
    assert any("by phone" in e.text for e in desk.duty.entries())


# -- passes ------------------------------------------------------------------------------------


def _pass(clock: Clock, hours: float, **changes: Any) -> PassForm:
    start = clock()
    form = PassForm(
        kind=PassKind.CONTRACTOR,
        holder_name="孙师傅",
        id_type=IdType.RESIDENT_ID,
        id_number=FULL_ID,
        area="3号楼 2单元",
        valid_from=start,
        valid_to=start + timedelta(hours=hours),
        company="安装公司",
    )
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def test_passes_are_listed_while_valid(desk: Desk, operator: Any, admin: Any, clock: Clock) -> None:
    issued = desk.visits.issue_pass(operator, _pass(clock, 8))
    assert issued.id_masked == mask_id(FULL_ID)
    assert [p.id for p in desk.visits.passes(valid_at=clock())] == [issued.id]
    assert desk.visits.passes(valid_at=clock() + timedelta(hours=9)) == []
    assert issued.status(clock() + timedelta(hours=9)) == "expired"
    # longer than a day: a supervisor or above, checked in core
    with pytest.raises(PermissionDenied):
        desk.visits.issue_pass(operator, _pass(clock, 72))
    supervisor = desk.auth.add_user(admin, "zhou", "周主管", Role.SUPERVISOR, "zhou-pass-1")
    week = desk.visits.issue_pass(supervisor, _pass(clock, 24 * 7))
    desk.visits.revoke_pass(operator, week.id, "完工 job done")
    assert [p.id for p in desk.visits.passes(valid_at=clock())] == [issued.id]
    with pytest.raises(VisitError) as err:
        desk.visits.issue_pass(operator, _pass(clock, -1))
    assert err.value.field == "valid_to"
    assert [a for a, _, _ in _audit(desk, "pass.")] == ["pass.issue", "pass.issue", "pass.revoke"]


def test_visit_rows_have_the_export_columns(desk: Desk, operator: Any, clock: Clock) -> None:
    from console.core.visits import VISIT_COLUMNS

    visit = desk.visits.request(operator, _form())
    desk.visits.record_call(operator, visit.id, _result(Outcome.ANSWERED, call_id="x1@y"))
    rows = visit_rows([desk.visits.get(visit.id)], desk.site.tz())
    assert tuple(rows[0]) == VISIT_COLUMNS
    assert rows[0]["last_call_id"] == "x1@y"
    assert rows[0]["calls"] == 1
    assert rows[0]["requested_at"].endswith("+08:00")
