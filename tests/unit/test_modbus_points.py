"""Modbus points: parsing, read planning, decoding; hub grouping and the simulator's commands."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.site import ModbusRtuSource, ModbusTcpSource
from devices.alarms.base import DeviceEvent, EventType
from devices.alarms.modbus import (
    MAX_BITS,
    MAX_GAP,
    MAX_REGISTERS,
    ModbusRtuHub,
    ModbusSimulator,
    ModbusTcpHub,
    Point,
    Read,
    build_hubs,
    decode,
    hub_key,
    inter_frame_gap,
    parse_point,
    plan_reads,
)

pytestmark = pytest.mark.no_database  # runs once, not again per engine


def points(*texts: str) -> list[Point]:
    return [parse_point(text) for text in texts]


# ---------------------------------------------------------------------------------------------
# parse_point


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("di:3", Point("di", 3)),
        ("coil:0", Point("coil", 0)),
        ("di:007", Point("di", 7)),
        ("hr:10.11", Point("hr", 10, 11)),
        ("ir:65535.15", Point("ir", 65535, 15)),
        (" hr:0.0 ", Point("hr", 0, 0)),
    ],
)
def test_parse_point(text: str, expected: Point) -> None:
    assert parse_point(text) == expected


def test_point_text_is_canonical() -> None:
    assert [p.text for p in points("di:003", "hr:0010.09")] == ["di:3", "hr:10.9"]


@pytest.mark.parametrize(
    "text", ["di:1.2", "hr:5", "hr:5.16", "ir:1.x", "xx:1", "di:65536", "di:", "DI:3", ""]
)
def test_parse_point_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="bad modbus point"):
        parse_point(text)


# ---------------------------------------------------------------------------------------------
# plan_reads


def spans(reads: list[Read]) -> list[tuple[str, int, int]]:
    return [(r.table, r.address, r.count) for r in reads]


def test_contiguous_points_are_one_read_per_table() -> None:
    reads = plan_reads(points("di:5", "di:3", "di:4", "coil:4", "hr:2.0", "hr:2.13", "hr:3.1"))
    assert spans(reads) == [("di", 3, 3), ("coil", 4, 1), ("hr", 2, 2)]
    assert [p.text for p in reads[2].points] == ["hr:2.0", "hr:2.13", "hr:3.1"]


def test_same_address_in_other_tables_is_not_merged() -> None:
    reads = plan_reads(points("ir:7.0", "hr:7.0", "coil:7", "di:7"))
    assert spans(reads) == [("di", 7, 1), ("coil", 7, 1), ("hr", 7, 1), ("ir", 7, 1)]


def test_gaps_up_to_the_limit_are_read_through_longer_ones_split() -> None:
    assert MAX_GAP == 32
    across = plan_reads(points("di:0", f"di:{MAX_GAP + 1}"))  # 32 unused addresses between
    assert spans(across) == [("di", 0, 34)]
    split = plan_reads(points("di:0", f"di:{MAX_GAP + 2}"))  # 33 unused
    assert spans(split) == [("di", 0, 1), ("di", 34, 1)]


def test_a_bit_read_stops_at_2000() -> None:
    every_30 = [Point("di", a) for a in range(0, 2040, 30)]  # 0 .. 2010
    assert spans(plan_reads(every_30)) == [("di", 0, 1981), ("di", 2010, 1)]
    exactly = [Point("coil", a) for a in range(0, MAX_BITS, 31)] + [Point("coil", MAX_BITS - 1)]
    assert spans(plan_reads(exactly)) == [("coil", 0, MAX_BITS)]
    one_more = [*exactly, Point("coil", MAX_BITS)]
    assert spans(plan_reads(one_more)) == [("coil", 0, MAX_BITS), ("coil", MAX_BITS, 1)]


def test_a_register_read_stops_at_125() -> None:
    regs = points("hr:0.1", "hr:31.1", "hr:62.1", "hr:93.1", "hr:124.1")
    assert spans(plan_reads(regs)) == [("hr", 0, MAX_REGISTERS)]
    assert spans(plan_reads([*regs, Point("hr", 125, 0)])) == [("hr", 0, 125), ("hr", 125, 1)]
    assert spans(plan_reads(points("ir:0.0", "ir:20.0", "ir:40.0", "ir:60.0", "ir:80.0"))) == [
        ("ir", 0, 81)
    ]


@given(
    st.lists(
        st.builds(
            Point,
            st.sampled_from(["di", "coil", "hr", "ir"]),
            st.integers(0, 5000),
            st.none(),
        ),
        max_size=300,
    )
)
def test_plans_cover_every_point_once_within_limits_and_cannot_be_merged(
    given_points: list[Point],
) -> None:
    pts = [Point(p.table, p.address, 0 if p.table in ("hr", "ir") else None) for p in given_points]
    reads = plan_reads(pts)
    covered = [p for r in reads for p in r.points]
    assert sorted(covered) == sorted(set(pts))
    for read in reads:
        limit = MAX_BITS if read.table in ("di", "coil") else MAX_REGISTERS
        assert 1 <= read.count <= limit
        addresses = [p.address for p in read.points]
        assert addresses[0] == read.address
        assert addresses[-1] == read.address + read.count - 1
        assert all(b - a - 1 <= MAX_GAP for a, b in zip(addresses, addresses[1:], strict=False))
    for left, right in zip(reads, reads[1:], strict=False):
        if left.table == right.table:  # adjacent reads of a table: merging would break a rule
            gap = right.address - (left.address + left.count)
            limit = MAX_BITS if left.table in ("di", "coil") else MAX_REGISTERS
            assert gap > MAX_GAP or right.address + right.count - left.address > limit


# ---------------------------------------------------------------------------------------------
# decode


def test_decode_bits_with_byte_padding() -> None:
    read = plan_reads(points("di:10", "di:12"))[0]
    values = [True, False, False, False, False, False, False, False]  # padded to a byte
    assert decode(read, values) == {"di:10": True, "di:12": False}
    assert decode(read, [False, False, True]) == {"di:10": False, "di:12": True}


def test_decode_register_bits_least_significant_first() -> None:
    read = plan_reads(points("hr:5.0", "hr:5.9", "hr:5.11", "hr:5.13", "hr:6.15", "hr:6.0"))[0]
    fire_panel_status = 1 << 11  # bit 11: active
    assert decode(read, [fire_panel_status, 0x8000]) == {
        "hr:5.0": False,
        "hr:5.9": False,
        "hr:5.11": True,
        "hr:5.13": False,
        "hr:6.0": False,
        "hr:6.15": True,
    }
    assert decode(read, [0x2201, 0x0001]) == {
        "hr:5.0": True,
        "hr:5.9": True,
        "hr:5.11": False,
        "hr:5.13": True,
        "hr:6.0": True,
        "hr:6.15": False,
    }


def test_decode_input_register_offset_within_a_read() -> None:
    read = plan_reads(points("ir:100.3", "ir:103.3"))[0]
    assert (read.address, read.count) == (100, 4)
    assert decode(read, [0, 0, 0, 0b1000]) == {"ir:100.3": False, "ir:103.3": True}


def test_decode_refuses_a_short_response() -> None:
    read = plan_reads(points("hr:1.0", "hr:3.0"))[0]
    with pytest.raises(ValueError, match="2 values in the response, expected 3"):
        decode(read, [1, 1])


# ---------------------------------------------------------------------------------------------
# Lines and hubs


def test_inter_frame_gap() -> None:
    assert inter_frame_gap(9600) == pytest.approx(3.5 * 10 / 9600)  # 8N1: 10 bits a character
    assert inter_frame_gap(19200, 8, "E", 1) == pytest.approx(3.5 * 11 / 19200)
    assert inter_frame_gap(38400) == inter_frame_gap(115200) == pytest.approx(0.00175)


def rtu(source_id: str, port: str = "/dev/ttyS9", unit: int = 1, **kw: object) -> ModbusRtuSource:
    return ModbusRtuSource.model_validate(
        {"id": source_id, "kind": "modbus-rtu", "port": port, "unit": unit, **kw}
    )


def tcp(source_id: str, host: str = "10.0.0.5", port: int = 502, unit: int = 1) -> ModbusTcpSource:
    return ModbusTcpSource(id=source_id, kind="modbus-tcp", host=host, port=port, unit=unit)


def noop_sink(event: object) -> None:
    pass


def noop_status(source_id: str, ok: bool, detail: str) -> None:
    pass


def test_hub_keys() -> None:
    assert hub_key(rtu("a")) == hub_key(rtu("b", unit=2)) == "serial:/dev/ttyS9"
    assert hub_key(tcp("a", host="GW.local")) == hub_key(tcp("b", host="gw.local", unit=2))
    assert hub_key(tcp("a")) != hub_key(tcp("b", port=503))


def test_build_hubs_groups_sources_by_line() -> None:
    hubs = build_hubs(
        [
            (rtu("bus1-u1"), ["di:1"]),
            (tcp("gw"), ["coil:1"]),
            (rtu("bus1-u2", unit=2), ["hr:1.11"]),
            (rtu("bus2", port="/dev/ttyS8"), ["di:1"]),
            (tcp("gw-u2", unit=2), ["di:1"]),
        ],
        noop_sink,
        noop_status,
    )
    assert [(type(h), h.source_ids) for h in hubs] == [
        (ModbusRtuHub, ("bus1-u1", "bus1-u2")),
        (ModbusTcpHub, ("gw", "gw-u2")),
        (ModbusRtuHub, ("bus2",)),
    ]


def test_one_serial_port_with_two_settings_is_refused() -> None:
    with pytest.raises(ValueError, match=r"'u1' \(9600 8N1\) and 'u2' \(19200 8E1\)") as info:
        build_hubs(
            [(rtu("u1"), []), (rtu("u2", unit=2, baudrate=19200, parity="E"), [])],
            noop_sink,
            noop_status,
        )
    assert "/dev/ttyS9" in str(info.value)


def test_one_unit_twice_on_a_line_is_refused() -> None:
    with pytest.raises(ValueError, match="'a' and 'b' both poll unit 1"):
        build_hubs([(tcp("a"), ["di:1"]), (tcp("b"), ["di:2"])], noop_sink, noop_status)


def test_a_bad_point_is_refused_when_the_hub_is_built() -> None:
    with pytest.raises(ValueError, match="'hr:3'"):
        ModbusTcpHub([(tcp("a"), ["di:1", "hr:3"])], noop_sink, noop_status)


def test_change_events_name_unit_point_and_transition() -> None:
    events: list[DeviceEvent] = []
    hub = ModbusTcpHub([(tcp("gw", unit=4), ["di:3"])], events.append, noop_status)
    poller = hub._pollers[0]
    hub._poll_ok(poller, {"di:3": True})
    hub._poll_ok(poller, {"di:3": True})
    hub._poll_ok(poller, {"di:3": False})
    assert [(e.type, e.point, e.code, e.raw) for e in events] == [
        (EventType.ALARM, "di:3", "di:3=1", "unit 4 di:3 0→1"),
        (EventType.RESTORE, "di:3", "di:3=0", "unit 4 di:3 1→0"),
    ]


# ---------------------------------------------------------------------------------------------
# The simulator's commands (no server started)


@pytest.fixture
def simulator() -> ModbusSimulator:
    return ModbusSimulator("127.0.0.1", 0, units=[1, 2], size=16)


def test_simulator_switches_bits_and_register_bits(simulator: ModbusSimulator) -> None:
    for line in ("on 1 di 3", "on 1 coil:15", "on 2 hr 4.11", "on 2 hr 4.0", "off 2 hr 4.0"):
        assert simulator.execute(line).text == "ok", line
    assert simulator.execute("set 2 ir 0 0x8001").text == "ok"
    assert simulator.execute("show").text == (
        "unit 1: coil:15=1 di:3=1\nunit 2: hr:4=0x0800(bits 11) ir:0=0x8001(bits 0,15)"
    )
    assert simulator.execute("off 1 di 3").text == "ok"
    assert simulator.execute("show 1").text == "unit 1: coil:15=1"
    assert simulator.context[2].getValues(3, 4, 1) == [0x0800]


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("on 3 di 1", "no unit 3; units: 1, 2"),
        ("on 1 di 16", "address 16 is out of range 0..15"),
        ("on 1 hr 4", "hr takes N.B"),
        ("on 1 hr 4.16", "hr takes N.B"),
        ("on 1 xx 4", "unknown table 'xx'"),
        ("set 1 hr 1 70000", "hr values are 0..65535"),
        ("set 1 di 1 2", "di values are 0..1"),
        ("set 1 hr one 1", "address must be a number"),
        ("jump 1", "cannot read 'jump 1'"),
    ],
)
def test_simulator_errors(simulator: ModbusSimulator, line: str, error: str) -> None:
    assert simulator.execute(line).text.startswith(f"error: {error}")


def test_simulator_quit_help_and_blank(simulator: ModbusSimulator) -> None:
    assert simulator.execute("quit").quit
    assert simulator.execute("EXIT").quit
    assert not simulator.execute("show").quit
    assert "set UNIT TABLE N VALUE" in simulator.execute("help").text
    assert simulator.execute("   ").text == simulator.execute("# note").text == ""
