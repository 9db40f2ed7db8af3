"""The site file: loading, defaults, and problems reported as FILE:LINE: key: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.core.site import (
    ModbusTcpSource,
    Problem,
    SimSource,
    Site,
    SiteError,
    load_site,
    normalize_point,
)
from console.paths import DEMO_SITE
from tests.demo import copy_demo_site

MINIMAL = '[site]\nname = "测试小区"\n'


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def write(tmp_path: Path, text: str, name: str = "site.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(SiteError) as caught:
        load_site(path)
    return caught.value.problems


def line_of(text: str, needle: str, after: str | None = None) -> int:
    """1-based number of the first line containing `needle` (after the line holding `after`)."""
    lines = text.split("\n")
    start = 0
    if after is not None:
        start = next(i for i, line in enumerate(lines) if after in line) + 1
    return next(i for i, line in enumerate(lines) if i >= start and needle in line) + 1


def only_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, problems
    return problems[0]


# --- the demo site ----------------------------------------------------------------------------


def test_demo_site_loads_with_simulated_devices() -> None:
    site = load_site(DEMO_SITE)

    assert "翠湖花园" in site.site.name
    assert site.site.timezone == "Asia/Shanghai"
    assert site.database is None
    assert site.storage.recordings is None
    assert len(site.cameras) >= 4
    assert all(camera.main.startswith("sim:") for camera in site.cameras)
    subs = [camera.sub for camera in site.cameras if camera.sub is not None]
    assert len(subs) > len(site.cameras) / 2
    assert all(sub.startswith("sim:") for sub in subs)
    assert any(camera.record for camera in site.cameras)
    assert not all(camera.record for camera in site.cameras)


def test_demo_site_has_one_sim_panel_and_zones_of_several_kinds() -> None:
    site = load_site(DEMO_SITE)

    assert [source.kind for source in site.alarm_sources] == ["sim", "video"]
    panel = site.alarm_sources[0]
    assert isinstance(panel, SimSource)
    assert panel.id == "demo-panel"
    panel_zones = [zone for zone in site.zones if zone.source == "demo-panel"]
    assert len(panel_zones) >= 8
    assert {"fire", "infrared", "perimeter", "panic", "elevator", "tamper"} <= {
        zone.kind for zone in panel_zones
    }
    assert sorted(zone.point for zone in panel_zones) == sorted(
        f"sim:{n}" for n in range(1, len(panel_zones) + 1)
    )
    assert sum(zone.camera is not None for zone in site.zones) > len(site.zones) / 2
    # The video source's zones are areas drawn on cameras: kind video, each with its camera.
    video_zones = [zone for zone in site.zones if zone.source == "video"]
    assert len(video_zones) == 3
    assert all(zone.kind == "video" and zone.camera for zone in video_zones)


def test_demo_site_intercom_and_summary() -> None:
    site = load_site(DEMO_SITE)

    assert site.intercom is not None
    assert (site.intercom.kind, site.intercom.uri_template) == ("sim", "sim:{room}")
    assert site.intercom.ring_timeout_s == 25
    assert site.path == DEMO_SITE
    assert site.summary() == (
        f"{site.site.name} (demo-site.toml): {len(site.cameras)} cameras, 2 alarm sources, "
        f"{len(site.zones)} zones, intercom sim"
    )


# --- defaults ---------------------------------------------------------------------------------


def test_minimal_site_takes_defaults(tmp_path: Path) -> None:
    site = load_site(write(tmp_path, MINIMAL))

    assert site.site.timezone == "Asia/Shanghai"
    assert site.site.language == "zh_CN"
    assert site.site.idle_lock_min == 15
    assert (site.storage.retention_days, site.storage.quota_gb) == (30, 200)
    assert (site.cameras, site.alarm_sources, site.zones, site.intercom) == ([], [], [], None)
    assert (
        site.summary() == "测试小区 (site.toml): 0 cameras, 0 alarm sources, 0 zones, no intercom"
    )


@pytest.mark.sqlite_only
def test_default_database_and_recordings_live_under_the_user_data_dir(
    tmp_path: Path, data_home: Path
) -> None:
    site = load_site(write(tmp_path, MINIMAL))

    url = site.database_url()
    assert url.startswith("sqlite:///")
    database = Path(url.removeprefix("sqlite:///"))
    assert database.name == "desk.db"
    assert database.is_relative_to(data_home)
    assert site.recordings_dir().is_relative_to(data_home)
    assert site.recordings_dir().parent == database.parent


@pytest.mark.sqlite_only
def test_two_sites_with_the_same_file_name_get_different_data_dirs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = load_site(write(tmp_path / "a", MINIMAL))
    second = load_site(write(tmp_path / "b", MINIMAL))

    assert first.database_url() != second.database_url()


@pytest.mark.sqlite_only
def test_database_and_storage_when_given(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[database]\nurl = "postgresql+psycopg://desk@db/watch"\n'
        '[storage]\nrecordings = "footage"\nretention_days = 45\nquota_gb = 2\n'
    )
    site = load_site(write(tmp_path, text))

    assert site.database_url() == "postgresql+psycopg://desk@db/watch"
    assert site.recordings_dir() == tmp_path / "footage"  # relative to the site file
    assert (site.storage.retention_days, site.storage.quota_gb) == (45, 2.0)


def test_site_built_without_load_site_has_no_path() -> None:
    site = Site.model_validate({"site": {"name": "x"}})

    with pytest.raises(RuntimeError, match="load_site"):
        _ = site.path


# --- problems: format and collection ----------------------------------------------------------


def test_problem_prints_as_file_line_key_message() -> None:
    problem = Problem("site.toml", 12, "zones[3].source", "no alarm source")

    assert str(problem) == "site.toml:12: zones[3].source: no alarm source"
    error = SiteError([problem, Problem("site.toml", 20, "intercom.kind", "required")])
    assert str(error) == (
        "site.toml:12: zones[3].source: no alarm source\nsite.toml:20: intercom.kind: required"
    )


def test_demo_broken_three_ways_reports_all_three_with_lines(tmp_path: Path) -> None:
    text = DEMO_SITE.read_text(encoding="utf-8")
    tamper = 'id = "garage-b1-tamper"\nname = "车库B1探测器防拆"\nsource = "demo-panel"'
    assert text.count(tamper) == 1
    camera = 'id = "garage-b1"\nname = "地下车库B1"\n'
    assert text.count(camera) == 1
    assert text.count("ring_timeout_s = 25") == 1
    text = text.replace(tamper, tamper.replace("demo-panel", "ghost-panel"))
    text = text.replace(camera, camera + 'colour = "grey"\n')
    text = text.replace("ring_timeout_s = 25", 'ring_timeout_s = "long"')
    path = copy_demo_site(tmp_path, text, "broken.toml")

    camera_index = text[: text.index('colour = "grey"')].count("[[cameras]]") - 1
    zone_index = text[: text.index("ghost-panel")].count("[[zones]]") - 1
    got = [(p.file, p.line, p.key) for p in problems_of(path)]
    assert got == [
        (str(path), line_of(text, 'colour = "grey"'), f"cameras[{camera_index}].colour"),
        (str(path), line_of(text, 'source = "ghost-panel"'), f"zones[{zone_index}].source"),
        (str(path), line_of(text, 'ring_timeout_s = "long"'), "intercom.ring_timeout_s"),
    ]


def test_broken_three_ways_messages(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[cameras]]\nid = "gate"\nname = "门"\nmain = "sim:gate"\nrecord = "yes"\nrecrod = true\n'
        '[[zones]]\nid = "z"\nname = "区"\nsource = "ghost"\nkind = "fire"\npoint = "sim:1"\n'
    )
    messages = {p.key: p.message for p in problems_of(write(tmp_path, text))}

    assert messages["cameras[0].record"] == 'expected true or false, got "yes"'
    assert messages["cameras[0].recrod"].startswith("unknown key; did you mean 'record'?")
    assert "(allowed: id, name, main, sub, record, tamper)" in messages["cameras[0].recrod"]
    assert messages["zones[0].source"] == 'no alarm source "ghost" (known: none defined)'


# --- problems: reading and TOML syntax --------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    problem = only_problem(path)

    assert (problem.file, problem.line, problem.key) == (str(path), 1, "file")
    assert problem.message == "cannot read: [Errno 2] No such file or directory"


def test_file_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes(MINIMAL.encode("gbk"))
    problem = only_problem(path)

    assert (problem.line, problem.key) == (1, "file")
    assert "not UTF-8" in problem.message


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(MINIMAL.encode("utf-8-sig"))

    assert load_site(path).site.name == "测试小区"


def test_toml_syntax_error_line(tmp_path: Path) -> None:
    text = MINIMAL + '\n[[cameras]]\nid = "gate"\nname = 门\n'
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "name = 门"), "toml")
    assert problem.message == "invalid value"


def test_toml_error_at_end_of_document(tmp_path: Path) -> None:
    text = MINIMAL + 'notes = """never closed\n\n'
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (text.count("\n"), "toml")
    assert "(at" not in problem.message


# --- problems: structure ----------------------------------------------------------------------


def test_missing_site_table_points_at_line_1(tmp_path: Path) -> None:
    text = '# no site here\n\n[[cameras]]\nid = "gate"\nname = "门"\nmain = "sim:gate"\n'
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key, problem.message) == (1, "site", "required")


def test_missing_key_points_at_its_table_header(tmp_path: Path) -> None:
    text = MINIMAL + '\n[[cameras]]\nid = "gate"\nmain = "sim:gate"\n'
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "[[cameras]]"), "cameras[0].name")
    assert problem.message == "required"


def test_unknown_top_level_table_suggests_the_right_one(tmp_path: Path) -> None:
    text = MINIMAL + '\n[intercoms]\nkind = "sim"\n'
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "[intercoms]"), "intercoms")
    assert "did you mean 'intercom'?" in problem.message


def test_wrong_values_in_site_table(tmp_path: Path) -> None:
    text = '[site]\nname = "  "\ntimezone = "Mars/Olympus"\nlanguage = "fr"\nidle_lock_min = 0\n'
    problems = {p.key: p for p in problems_of(write(tmp_path, text))}

    assert sorted(problems) == [
        "site.idle_lock_min",
        "site.language",
        "site.name",
        "site.timezone",
    ]
    assert problems["site.name"].message == "must not be empty"
    assert "unknown time zone" in problems["site.timezone"].message
    assert problems["site.timezone"].line == 3
    assert problems["site.idle_lock_min"].message == "must be at least 1, got 0"


def test_database_url_must_name_a_known_engine(tmp_path: Path) -> None:
    text = MINIMAL + '[database]\nurl = "mysql://desk@db/watch"\n'
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "url ="), "database.url")
    assert "sqlite:" in problem.message


# --- problems: cameras ------------------------------------------------------------------------


def camera_site(main: str) -> str:
    return MINIMAL + f'\n[[cameras]]\nid = "gate"\nname = "门"\nmain = "{main}"\n'


@pytest.mark.parametrize(
    "main",
    [
        "rtsp://192.168.1.64:554/Streaming/Channels/101",
        "rtsps://admin:pw@cam.local/live",
        "sim:east-gate",
        "/var/footage/test.mp4",
        "clips/test.mp4",
    ],
)
def test_camera_stream_forms_accepted(tmp_path: Path, main: str) -> None:
    assert load_site(write(tmp_path, camera_site(main))).cameras[0].main == main


def test_rtsp_url_without_host(tmp_path: Path) -> None:
    text = camera_site("rtsp:///live")
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "main ="), "cameras[0].main")
    assert "has no host" in problem.message


def test_unsupported_url_scheme(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, camera_site("http://x")))

    assert problem.message == "unsupported scheme 'http'; use rtsp://, a file path or sim:NAME"


def test_bad_sim_name_and_bad_id(tmp_path: Path) -> None:
    text = MINIMAL + '[[cameras]]\nid = "Gate 1"\nname = "门"\nmain = "sim:Gate_1"\n'
    keys = [(p.line, p.key) for p in problems_of(write(tmp_path, text))]

    assert keys == [
        (line_of(text, "id ="), "cameras[0].id"),
        (line_of(text, "main ="), "cameras[0].main"),
    ]


# --- problems: alarm sources ------------------------------------------------------------------


def test_alarm_source_kinds_and_defaults(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[alarm_sources]]\nid = "rtu"\nkind = "modbus-rtu"\nport = "/dev/ttyUSB0"\n'
        '[[alarm_sources]]\nid = "tcp"\nkind = "modbus-tcp"\nhost = "10.0.0.9"\n'
        '[[alarm_sources]]\nid = "cid"\nkind = "contact-id"\nport = "socket://127.0.0.1:5000"\n'
        'stopbits = 1.5\nparity = "E"\nbytesize = 7\nbaudrate = 1200\n'
        '[[alarm_sources]]\nid = "gst"\nkind = "gst-printer"\nport = "loop://"\n'
    )
    rtu, tcp, cid, gst = load_site(write(tmp_path, text)).alarm_sources

    assert rtu.kind == "modbus-rtu"
    assert (rtu.baudrate, rtu.bytesize, rtu.parity, rtu.stopbits) == (9600, 8, "N", 1)
    assert (rtu.unit, rtu.poll_ms, rtu.timeout_ms) == (1, 200, 500)
    assert isinstance(tcp, ModbusTcpSource)
    assert (tcp.host, tcp.port) == ("10.0.0.9", 502)
    assert cid.kind == "contact-id"
    assert (cid.heartbeat_s, cid.stopbits, cid.parity, cid.bytesize) == (30, 1.5, "E", 7)
    assert gst.kind == "gst-printer"
    assert gst.port == "loop://"


def test_modbus_tcp_without_host(tmp_path: Path) -> None:
    text = MINIMAL + '\n[[alarm_sources]]\nid = "gw"\nkind = "modbus-tcp"\nport = 5020\n'
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (
        line_of(text, "[[alarm_sources]]"),
        "alarm_sources[0].host",
    )
    assert problem.message == "required"


def test_serial_settings_on_modbus_tcp(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[alarm_sources]]\nid = "gw"\nkind = "modbus-tcp"\nhost = "10.0.0.9"\n'
        'baudrate = 9600\nparity = "E"\n'
    )
    problems = problems_of(write(tmp_path, text))

    assert [(p.line, p.key) for p in problems] == [
        (line_of(text, "baudrate ="), "alarm_sources[0].baudrate"),
        (line_of(text, "parity ="), "alarm_sources[0].parity"),
    ]
    assert all(p.message.startswith("not allowed for kind 'modbus-tcp'") for p in problems)


def test_serial_source_needs_a_port_and_standard_settings(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[alarm_sources]]\nid = "panel"\nkind = "contact-id"\nbaudrate = 9601\nstopbits = 3\n'
        "heartbeat_s = 1\nunit = 2\n"
    )
    problems = {p.key: p for p in problems_of(write(tmp_path, text))}

    assert sorted(problems) == [
        "alarm_sources[0].baudrate",
        "alarm_sources[0].heartbeat_s",
        "alarm_sources[0].port",
        "alarm_sources[0].stopbits",
        "alarm_sources[0].unit",
    ]
    assert problems["alarm_sources[0].port"].line == line_of(text, "[[alarm_sources]]")
    assert problems["alarm_sources[0].unit"].message.startswith("not allowed for kind 'contact-id'")
    assert problems["alarm_sources[0].stopbits"].message.startswith("must be 1, 1.5 or 2")


def test_unknown_or_missing_source_kind_points_at_kind(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[alarm_sources]]\nid = "a"\nkind = "bacnet"\n\n[[alarm_sources]]\nid = "b"\n'
    )
    problems = [(p.line, p.key) for p in problems_of(write(tmp_path, text))]

    assert problems == [
        (line_of(text, 'kind = "bacnet"'), "alarm_sources[0].kind"),
        (line_of(text, "[[alarm_sources]]", after='kind = "bacnet"'), "alarm_sources[1].kind"),
    ]


# --- problems: cross checks -------------------------------------------------------------------


def test_duplicate_ids_name_the_first_line(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[cameras]]\nid = "gate"\nname = "门1"\nmain = "sim:a"\n'
        '[[cameras]]\nid = "gate"\nname = "门2"\nmain = "sim:b"\n'
        '[[alarm_sources]]\nid = "p"\nkind = "sim"\n'
        '[[alarm_sources]]\nid = "p"\nkind = "sim"\n'
        '[[zones]]\nid = "z"\nname = "1"\nsource = "p"\nkind = "fire"\npoint = "sim:1"\n'
        '[[zones]]\nid = "z"\nname = "2"\nsource = "p"\nkind = "fire"\npoint = "sim:2"\n'
    )
    problems = problems_of(write(tmp_path, text))

    lines = text.split("\n")
    expected = []
    for section, needle in [
        ("cameras", 'id = "gate"'),
        ("alarm_sources", 'id = "p"'),
        ("zones", 'id = "z"'),
    ]:
        first, second = [i + 1 for i, line in enumerate(lines) if line == needle]
        expected.append((second, f"{section}[1].id", f"(first at line {first})"))
    assert [(p.line, p.key) for p in problems] == [(line, key) for line, key, _ in expected]
    for problem, (_, _, tail) in zip(problems, expected, strict=True):
        assert problem.message.startswith("duplicate id")
        assert problem.message.endswith(tail)


def zone_site(source_lines: str, point: str, extra: str = "") -> str:
    return MINIMAL + (
        f'[[alarm_sources]]\nid = "src"\n{source_lines}\n'
        f'[[zones]]\nid = "z1"\nname = "区"\nsource = "src"\nkind = "fire"\npoint = "{point}"\n'
        f"{extra}"
    )


SOURCES = {
    "modbus-rtu": 'kind = "modbus-rtu"\nport = "/dev/ttyUSB0"',
    "modbus-tcp": 'kind = "modbus-tcp"\nhost = "10.0.0.9"',
    "contact-id": 'kind = "contact-id"\nport = "/dev/ttyS0"',
    "gst-printer": 'kind = "gst-printer"\nport = "/dev/ttyS1"',
    "sim": 'kind = "sim"',
}


@pytest.mark.parametrize(
    ("kind", "point"),
    [
        ("modbus-rtu", "di:0"),
        ("modbus-rtu", "coil:65535"),
        ("modbus-tcp", "hr:12.15"),
        ("modbus-tcp", "ir:0.0"),
        ("contact-id", "cid:00aF:001"),
        ("gst-printer", "gst:004-004"),
        ("sim", "sim:12"),
    ],
)
def test_points_that_fit_their_source(tmp_path: Path, kind: str, point: str) -> None:
    assert load_site(write(tmp_path, zone_site(SOURCES[kind], point))).zones[0].point == point


@pytest.mark.parametrize(
    ("kind", "point"),
    [
        ("modbus-rtu", "di:65536"),
        ("modbus-rtu", "hr:12"),
        ("modbus-tcp", "hr:12.16"),
        ("modbus-tcp", "sim:1"),
        ("contact-id", "cid:12345:001"),
        ("contact-id", "cid:12G4:001"),
        ("contact-id", "cid:1234:01"),
        ("gst-printer", "gst:4-4"),
        ("gst-printer", "di:0"),
        ("sim", "sim:one"),
        ("sim", "sim:１"),  # a full-width digit is not a digit here
    ],
)
def test_bad_point_for_the_kind(tmp_path: Path, kind: str, point: str) -> None:
    text = zone_site(SOURCES[kind], point)
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "point ="), "zones[0].point")
    assert f"not a point of a {kind} source" in problem.message


@pytest.mark.parametrize(
    ("kind", "first", "second"),
    [
        ("modbus-rtu", "di:1", "di:01"),
        ("modbus-tcp", "hr:3.2", "hr:003.02"),
        ("contact-id", "cid:00ab:001", "cid:00AB:001"),
        ("sim", "sim:1", "sim:01"),
    ],
)
def test_two_zones_on_one_point(tmp_path: Path, kind: str, first: str, second: str) -> None:
    extra = (
        f'[[zones]]\nid = "z2"\nname = "区2"\nsource = "src"\nkind = "fire"\npoint = "{second}"\n'
    )
    text = zone_site(SOURCES[kind], first, extra)
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, f'point = "{second}"'), "zones[1].point")
    first_line = line_of(text, f'point = "{first}"')
    assert problem.message.endswith(f"already used (line {first_line})")


def test_zone_camera_must_exist(tmp_path: Path) -> None:
    text = zone_site(SOURCES["sim"], "sim:1", 'camera = "nowhere"\n')
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "camera ="), "zones[0].camera")
    assert problem.message == 'no camera "nowhere" (known: none defined)'


def test_cross_checks_run_beside_field_errors(tmp_path: Path) -> None:
    text = zone_site('kind = "sim"\nbogus = 1', "sim:1", 'camera = "nowhere"\n')
    keys = [p.key for p in problems_of(write(tmp_path, text))]

    assert keys == ["alarm_sources[0].bogus", "zones[0].camera"]


def test_normalize_point() -> None:
    assert normalize_point("modbus-tcp", "hr:007.3") == "hr:7.3"
    assert normalize_point("contact-id", "cid:00ab:001") == "cid:00AB:001"
    with pytest.raises(ValueError, match="di:N"):
        normalize_point("modbus-rtu", "x")


# --- problems: intercom -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('kind = "sip"\nuri_template = "tel:{room}"', "must start with sip:"),
        ('kind = "sim"\nuri_template = "sim:room"', "must contain {room}"),
    ],
)
def test_intercom_uri_template(tmp_path: Path, lines: str, message: str) -> None:
    text = MINIMAL + f"[intercom]\n{lines}\n"
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "uri_template"), "intercom.uri_template")
    assert message in problem.message


def test_sip_intercom_accepted(tmp_path: Path) -> None:
    text = MINIMAL + '[intercom]\nkind = "sip"\nuri_template = "sip:{room}@10.0.0.5"\n'
    intercom = load_site(write(tmp_path, text)).intercom

    assert intercom is not None
    assert (intercom.kind, intercom.ring_timeout_s) == ("sip", 25)


# --- the line scanner -------------------------------------------------------------------------


def test_lines_are_not_fooled_by_strings_arrays_and_quoted_keys(tmp_path: Path) -> None:
    text = MINIMAL + (
        'name2 = """\n[[zones]]\nid = "fake""""\n'  # an unknown key in [site]
        + "\n[[cameras]]\n"
        + 'id = "gate"\n"name" = "门"\nmain = [\n  "sim:a",\n  "[[cameras]]",\n]\n'
        + '\n[[cameras]]\nid = "lobby"\nname = "大堂"\nmain = "rtsp:///x"\n'
    )
    problems = [(p.line, p.key) for p in problems_of(write(tmp_path, text))]

    assert problems == [
        (line_of(text, "name2 ="), "site.name2"),
        (line_of(text, "main = ["), "cameras[0].main"),
        (line_of(text, 'main = "rtsp:///x"'), "cameras[1].main"),
    ]


def test_inline_arrays_of_tables_point_at_the_element(tmp_path: Path) -> None:
    text = (
        "cameras = [\n"
        '  { id = "gate", name = "门", main = "sim:gate" },\n'
        '  { id = "lobby", name = "大堂", main = "http://x" },\n'
        "]\n" + MINIMAL
    )
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, '"lobby"'), "cameras[1].main")


def test_dotted_keys_and_sub_tables(tmp_path: Path) -> None:
    text = '[site]\nname = "x"\n\n[site.extra]\ncolour = 1\n'
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "[site.extra]"), "site.extra")


def test_missing_key_in_an_inline_element_points_at_the_element(tmp_path: Path) -> None:
    text = (
        "cameras = [\n"
        '  { id = "gate", name = "门", main = "sim:gate" },\n'
        '  { id = "lobby", main = "sim:lobby" },\n'
        "]\n" + MINIMAL
    )
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, '"lobby"'), "cameras[1].name")


def test_sub_table_of_an_array_element_belongs_to_the_latest_element(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[cameras]]\nid = "gate"\nname = "门"\nmain = "sim:gate"\n'
        '[[cameras]]\nid = "lobby"\nname = "大堂"\nmain = "sim:lobby"\n'
        "[cameras.ptz]\nspeed = 3\n"
    )
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "[cameras.ptz]"), "cameras[1].ptz")


def test_references_are_compared_stripped_like_the_values(tmp_path: Path) -> None:
    text = zone_site(SOURCES["sim"], " sim:1 ").replace('source = "src"', 'source = " src "')
    zone = load_site(write(tmp_path, text)).zones[0]

    assert (zone.source, zone.point) == ("src", "sim:1")


def test_storage_limits(tmp_path: Path) -> None:
    text = MINIMAL + "[storage]\nretention_days = 0\nquota_gb = 0\n"
    problems = {p.key: p.message for p in problems_of(write(tmp_path, text))}

    assert problems == {
        "storage.retention_days": "must be at least 1, got 0",
        "storage.quota_gb": "must be more than 0, got 0",
    }


def test_serial_ports_are_shared_only_by_modbus_rtu_with_same_settings(tmp_path: Path) -> None:
    site = tmp_path / "ports.toml"
    site.write_text(
        """[site]
name = "x"

[[alarm_sources]]
id = "bus-a"
kind = "modbus-rtu"
port = "/dev/ttyUSB0"
unit = 1

[[alarm_sources]]
id = "bus-b"
kind = "modbus-rtu"
port = "/dev/ttyUSB0"
unit = 2

[[alarm_sources]]
id = "bus-c"
kind = "modbus-rtu"
port = "/dev/ttyUSB0"
unit = 3
baudrate = 19200

[[alarm_sources]]
id = "bus-d"
kind = "modbus-rtu"
port = "/dev/ttyUSB0"
unit = 2

[[alarm_sources]]
id = "receiver"
kind = "contact-id"
port = "/dev/ttyUSB0"
""",
        encoding="utf-8",
    )
    with pytest.raises(SiteError) as exc:
        load_site(site)
    lines = [str(p) for p in exc.value.problems]
    assert lines == [
        f'{site}:19: alarm_sources[2].port: port "/dev/ttyUSB0" is shared with line 7 but with '
        "other baudrate/bytesize/parity/stopbits",
        f"{site}:26: alarm_sources[3].port: unit 2 is already used on port "
        '"/dev/ttyUSB0" (line 14)',
        f'{site}:32: alarm_sources[4].port: port "/dev/ttyUSB0" is already used (line 7); '
        "only modbus-rtu sources may share a port",
    ]


def test_duty_defaults_are_three_shifts_and_two_on_duty(tmp_path: Path) -> None:
    duty = load_site(write(tmp_path, MINIMAL)).duty
    assert duty.shift_starts == ["08:00", "16:00", "00:00"]
    assert duty.min_on_duty == 2
    assert duty.equipment_every_h == 2
    assert duty.handover_checklist


def test_duty_settings_name_the_bad_key_and_line(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[duty]\nshift_starts = ["08:00", "8:30", "08:00"]\n'
        'shift_names = ["早班"]\nmin_on_duty = 0\n'
    )
    problems = {p.key: p for p in problems_of(write(tmp_path, text))}
    assert "is not a time of day" in problems["duty.shift_starts[1]"].message
    assert problems["duty.shift_starts[1]"].line == 4
    assert problems["duty.min_on_duty"].message == "must be at least 1, got 0"
    text = MINIMAL + '[duty]\nshift_starts = ["08:00", "08:00"]\nshift_names = ["早班"]\n'
    problems = {p.key: p for p in problems_of(write(tmp_path, text))}
    assert "different time" in problems["duty.shift_starts"].message
    text = MINIMAL + '[duty]\nshift_starts = ["08:00", "20:00"]\nshift_names = ["早班"]\n'
    problem = only_problem(write(tmp_path, text))
    assert problem.key == "duty.shift_names"
    assert "one name per shift start (2), got 1" in problem.message


# --- plans --------------------------------------------------------------------------------------

PNG_HEAD = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def test_plans_resolve_their_images_from_the_site_files_folder(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "site.png").write_bytes(PNG_HEAD)
    (tmp_path / "b1.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 16)
    text = MINIMAL + (
        '[[plans]]\nid = "site"\nname = "总平面"\nimage = "plans/site.png"\n'
        '[[plans]]\nid = "b1"\nname = "车库"\nimage = "b1.jpg"\n'
    )
    site = load_site(write(tmp_path, text))

    assert [p.id for p in site.plans] == ["site", "b1"]
    assert site.plan_image(site.plans[0]) == tmp_path / "plans" / "site.png"


def test_plan_image_missing_or_not_an_image_names_the_key_and_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a picture", encoding="utf-8")
    text = MINIMAL + (
        '[[plans]]\nid = "site"\nname = "总平面"\nimage = "gone.png"\n'
        '[[plans]]\nid = "b1"\nname = "车库"\nimage = "notes.txt"\n'
        '[[plans]]\nid = "b1"\nname = "again"\nimage = "notes.txt"\n'
    )
    problems = problems_of(write(tmp_path, text))

    found = [(p.line, p.key, p.message) for p in problems]
    assert (
        line_of(text, "gone.png"),
        "plans[0].image",
        'cannot read image "gone.png": No such file or directory',
    ) in found
    not_image = (
        line_of(text, "notes.txt"),
        "plans[1].image",
        '"notes.txt" is not a PNG or JPEG image',
    )
    assert not_image in found
    assert (line_of(text, 'id = "b1"', after="notes.txt"), "plans[2].id") in [
        (p.line, p.key) for p in problems if "duplicate id" in p.message
    ]


def test_demo_site_plans_exist() -> None:
    site = load_site(DEMO_SITE)
    assert [p.id for p in site.plans] == ["site", "garage-b1"]
    for plan in site.plans:
        assert site.plan_image(plan).read_bytes()[:8] == PNG_HEAD[:8]


# --- video analytics ---------------------------------------------------------------------------

VIDEO_SITE = MINIMAL + (
    '[[cameras]]\nid = "north"\nname = "北"\nmain = "sim:north"\n'
    '[[alarm_sources]]\nid = "video"\nkind = "video"\n'
)


def video_zone(kind: str = "video", point: str = "video:strip", camera: str = "north") -> str:
    camera_line = f'camera = "{camera}"\n' if camera else ""
    return (
        f'[[zones]]\nid = "strip"\nname = "警戒带"\nsource = "video"\nkind = "{kind}"\n'
        f'point = "{point}"\n{camera_line}'
    )


def test_video_zone_on_a_video_source(tmp_path: Path) -> None:
    site = load_site(write(tmp_path, VIDEO_SITE + video_zone()))

    assert site.zones[0].kind == "video"
    assert site.zone_points()[("video", "video:strip")].camera == "north"
    # Defaults: analysis on at 5 fps, every camera watched for tampering, masks burnt in.
    assert (site.analytics.enabled, site.analytics.fps, site.analytics.width) == (True, 5, 320)
    assert site.cameras[0].tamper is True
    assert site.storage.keep_original is False


def test_video_zone_must_be_kind_video_with_a_camera(tmp_path: Path) -> None:
    text = VIDEO_SITE + video_zone(kind="perimeter", camera="")
    got = {p.key: (p.line, p.message) for p in problems_of(write(tmp_path, text))}

    assert got["zones[0].kind"] == (
        line_of(text, 'kind = "perimeter"'),
        'a zone of video source "video" must be kind "video"',
    )
    assert got["zones[0].id"] == (
        line_of(text, 'id = "strip"'),
        "a video zone needs the camera its area is drawn on",
    )


def test_bad_video_point(tmp_path: Path) -> None:
    text = VIDEO_SITE + video_zone(point="strip")
    problem = only_problem(write(tmp_path, text))

    assert (problem.line, problem.key) == (line_of(text, "point ="), "zones[0].point")
    assert "use video:NAME" in problem.message


def test_analytics_section_bounds(tmp_path: Path) -> None:
    text = VIDEO_SITE + "[analytics]\nfps = 30\nwidth = 100\n"
    got = {p.key for p in problems_of(write(tmp_path, text))}

    assert got == {"analytics.fps", "analytics.width"}


def test_sim_scene_in_a_camera_address(tmp_path: Path) -> None:
    good = load_site(write(tmp_path, camera_site("sim:gate?scene=black@2-5,fall@8")))
    assert good.cameras[0].main == "sim:gate?scene=black@2-5,fall@8"

    text = camera_site("sim:gate?scene=blurr@1-2")
    problem = only_problem(write(tmp_path, text))
    assert (problem.line, problem.key) == (line_of(text, "main ="), "cameras[0].main")
    assert "blurr" in problem.message
