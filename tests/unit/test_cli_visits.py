"""`intercom call` and `export visits` on the command line, and the site file's [intercom] and
[[gates]] sections (called in-process as `main(argv)`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from console.cli import main
from console.core.auth import Role
from console.core.desk import Desk
from console.core.visits import IdType, Instruction, ResidentDecision, VisitForm, resident_id_check
from devices.intercom.base import CallResult, Outcome
from tests.demo import copy_demo_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_demo_site(tmp_path)


def _edit(site: Path, old: str, new: str) -> None:
    text = site.read_text(encoding="utf-8")
    assert old in text
    site.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.no_database  # the command opens no database
def test_intercom_call_prints_one_json_line(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["intercom", "call", "10102", "--site", str(site)]) == 0  # the demo's busy room
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    line = json.loads(out[0])
    assert set(line) == {"room", "outcome", "rings", "seconds", "call_id"}
    assert (line["room"], line["outcome"], line["rings"]) == ("10102", "busy", 1)
    assert line["call_id"]


@pytest.mark.no_database  # the command opens no database
def test_intercom_call_exits_0_when_nobody_is_there(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["intercom", "call", "20502", "--site", str(site)]) == 0  # unreachable room
    line = json.loads(capsys.readouterr().out)
    assert (line["outcome"], line["rings"]) == ("unreachable", 0)


@pytest.mark.no_database  # the command opens no database
def test_intercom_call_that_cannot_be_attempted_fails(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["intercom", "call", "1@evil", "--site", str(site)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "room '1@evil'" in captured.err
    text = site.read_text(encoding="utf-8")
    site.write_text(text[: text.index("[intercom]")], encoding="utf-8")
    assert main(["intercom", "call", "10301", "--site", str(site)]) == 1
    assert "no [intercom] section" in capsys.readouterr().err


@pytest.mark.no_database  # the command opens no database
def test_intercom_call_checks_its_listen_address(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["intercom", "call", "10102", "--listen", "5062", "--site", str(site)]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--listen '5062': use HOST:PORT" in captured.err


def test_intercom_and_gates_are_checked_with_lines(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(site, '"10102" = "busy"', '"10102" = "sometimes"')
    _edit(site, 'camera = "east-gate"\n\n[[gates]]', 'camera = "west-gate"\n\n[[gates]]')
    _edit(site, 'id = "north-gate"', 'id = "east-gate"')
    assert main(["check-site", str(site)]) == 1
    err = capsys.readouterr().err
    lines = site.read_text(encoding="utf-8").splitlines()
    sim_line = next(i for i, t in enumerate(lines) if t.startswith('"10102"')) + 1
    assert f"{site}:{sim_line}: intercom.sim.10102: must be 'answer', 'busy'" in err
    assert 'gates[0].camera: no camera "west-gate"' in err
    assert 'gates[1].id: duplicate id "east-gate"' in err


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("account", '"desk1"', "use a SIP URI with a user"),
        ("listen", '"5060"', "use HOST:PORT"),
        ("uri_template", '"10.0.0.5"', "must contain {room}"),
    ],
)
def test_bad_sip_settings_are_named(
    site: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, message: str
) -> None:
    sip = 'kind = "sip"\nuri_template = "sip:{room}@10.0.0.5"'
    _edit(site, 'kind = "sim"\nuri_template = "sim:{room}"', sip)
    if key == "uri_template":
        _edit(site, 'uri_template = "sip:{room}@10.0.0.5"', f"uri_template = {value}")
    else:
        _edit(site, "ring_timeout_s = 25", f"ring_timeout_s = 25\n{key} = {value}")
    assert main(["check-site", str(site)]) == 1
    assert f"intercom.{key}: {message}" in capsys.readouterr().err


def test_export_visits_masks_id_and_phone(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    number = "31010419880808" + "456"
    number += resident_id_check(number)
    desk = Desk.open(site)
    try:
        admin = desk.auth.add_user(None, "chief", "王班长", Role.ADMIN, "admin-pass-1")
        visit = desk.visits.request(
            admin,
            VisitForm(
                gate_id="north-gate",
                visitor_name="周访客",
                id_type=IdType.RESIDENT_ID,
                id_number=number,
                room="30201",
                phone="13900001111",
                purpose="维修 repair",
            ),
        )
        desk.visits.record_call(
            admin,
            visit.id,
            CallResult("30201", "sim:30201", Outcome.ANSWERED, 2, 7.0, "cid-77@desk"),
        )
        desk.visits.instruct(admin, visit.id, Instruction.ADMIT, resident=ResidentDecision.AGREE)
    finally:
        desk.close()
    assert main(["export", "visits", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert number not in out
    assert "13900001111" not in out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1
    assert rows[0]["id_number"] == number[:6] + "********" + number[-4:]
    assert rows[0]["phone"] == "139****1111"
    assert (rows[0]["gate"], rows[0]["state"], rows[0]["last_call_id"]) == (
        "北门岗",
        "admitted",
        "cid-77@desk",
    )
    assert main(["export", "visits", "--format", "json", "--site", str(site)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["resident_decision"] == "agree"
