"""The simulated panel: script parsing with named errors, and the driver delivering on time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.site import SiteError, load_site
from devices.alarms.base import DeviceEvent, EventType
from devices.alarms.sim import ScriptError, SimDriver, parse_script

pytestmark = pytest.mark.no_database  # runs once, not again per engine


def test_script_parses_steps_and_loop() -> None:
    script = parse_script("# demo\n0.1 sim:1 alarm 烟感\n0.2 sim:1 restore\n0.3 - reset\nloop 5")
    assert [(s.at, s.point, s.type) for s in script.steps[:2]] == [
        (0.1, "sim:1", EventType.ALARM),
        (0.2, "sim:1", EventType.RESTORE),
    ]
    assert script.steps[0].text == "烟感"
    assert script.loop_after == 5
    assert (script.steps[2].point, script.steps[2].type) == (None, EventType.RESET)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1 sim:1 burn", "line 1: unknown type 'burn'"),
        ("x sim:1 alarm", "line 1: 'x' is not a number"),
        ("nan sim:1 alarm", "line 1: seconds must be a finite number"),
        ("1 sim:1 alarm\nloop inf", "line 2: seconds must be a finite number"),
        ("1 di:1 alarm", "line 1: 'di:1' is not a point"),
        ("2 sim:1 alarm\n1 sim:1 restore", "line 2: steps must be in time order"),
        ("1 sim:1 alarm\nloop 3\n4 sim:1 alarm", "line 3: nothing may follow 'loop'"),
        ("# nothing", "no steps"),
    ],
)
def test_bad_scripts_name_the_line(text: str, message: str) -> None:
    with pytest.raises(ScriptError, match=message):
        parse_script(text)


def test_a_bad_script_in_a_site_file_is_a_site_problem(tmp_path) -> None:
    site = tmp_path / "s.toml"
    site.write_text(
        '[site]\nname = "x"\n\n[[alarm_sources]]\nid = "p"\nkind = "sim"\n'
        'script = "1 sim:1 explode"\n',
        encoding="utf-8",
    )
    with pytest.raises(SiteError) as exc:
        load_site(site)
    assert "alarm_sources[0].script" in str(exc.value)
    assert "unknown type" in str(exc.value)


def test_driver_plays_the_script_and_injections_in_order() -> None:
    got: list[DeviceEvent] = []
    status: list[bool] = []
    driver = SimDriver(
        "p",
        got.append,
        lambda _s, ok, _d: status.append(ok),
        parse_script("0.05 sim:1 alarm\n0.10 sim:1 restore"),
    )
    driver.start()
    try:
        driver.inject("sim:2", EventType.TROUBLE)
        deadline = time.monotonic() + 3
        while len(got) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        driver.stop()
    assert status == [True]
    assert [(e.point, e.type) for e in got] == [
        ("sim:2", EventType.TROUBLE),
        ("sim:1", EventType.ALARM),
        ("sim:1", EventType.RESTORE),
    ]


@given(st.text(max_size=300))
def test_any_text_is_a_script_or_a_script_error(text: str) -> None:
    try:
        script = parse_script(text)
    except ScriptError:
        return
    assert script.steps
    assert all(b.at >= a.at for a, b in zip(script.steps, script.steps[1:], strict=False))
