"""Contact ID: the line parser, the report-to-event mapping, DC4 framing and line handling."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.site import ContactIdSource, normalize_point
from devices.alarms.base import DeviceEvent, EventType
from devices.alarms.contact_id import (
    ACK,
    MAX_LINE,
    NAK,
    CidParseError,
    CidReport,
    ContactIdDriver,
    Heartbeat,
    LineFramer,
    Overlong,
    _command_line,
    format_report,
    heartbeat_line,
    parse_line,
    to_event,
)

pytestmark = pytest.mark.no_database  # runs once, not again per engine

DC4 = b"\x14"


def report(
    account: str = "1234",
    qualifier: str = "E",
    event: int = 130,
    partition: str = "01",
    zone: str = "005",
) -> CidReport:
    parsed = parse_line(format_report(account, qualifier, event, partition, zone))
    assert isinstance(parsed, CidReport)
    return parsed


# --- parsing good lines -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            b"5011 181234E13001005",
            CidReport("01", "1", "1234", "E", 130, "01", "005"),
        ),
        (
            b"5021 180A0FR11102123",
            CidReport("02", "1", "0A0F", "R", 111, "02", "123"),
        ),
        (
            b"5013 18FFFFP30100000",
            CidReport("01", "3", "FFFF", "P", 301, "00", "000"),
        ),
        (
            b"5011 181234E60200000",
            CidReport("01", "1", "1234", "E", 602, "00", "000"),
        ),
        # lower-case hex account: accepted, upper-cased (the site file's canonical form)
        (
            b"5011 18abcdE12001099",
            CidReport("01", "1", "ABCD", "E", 120, "01", "099"),
        ),
    ],
)
def test_parses_reports(line: bytes, expected: CidReport) -> None:
    assert parse_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        b"5011 181234E13001005",
        b"5011 181234E13001005\x14",
        b"\r\n5011 181234E13001005\r\n",
        b"  5011 181234E13001005 \t",
        b"\n5011 181234E13001005\x14\r\n",
    ],
)
def test_tolerates_surrounding_whitespace_and_dc4(line: bytes) -> None:
    assert parse_line(line) == CidReport("01", "1", "1234", "E", 130, "01", "005")


@pytest.mark.parametrize(
    "line",
    [
        b"1011           @    ",
        b"1011           @    \x14",
        b"1011 @",
        b"\r\n1021     @\r\n",
    ],
)
def test_parses_heartbeats(line: bytes) -> None:
    parsed = parse_line(line)
    assert isinstance(parsed, Heartbeat)
    assert parsed.line == "1"


def test_report_properties() -> None:
    parsed = parse_line(b"5011 18abcdE11101007")
    assert isinstance(parsed, CidReport)
    assert parsed.code == "E111"
    assert parsed.point == "cid:ABCD:007"
    assert parsed.text == "5011 18ABCDE11101007"


# --- parsing bad lines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "what", "column"),
    [
        (b"5011 181234X13001005", "qualifier 'X' at column 12", 12),
        (b"5011 181234e13001005", "qualifier 'e' at column 12", 12),
        (b"5011 1812G4E13001005", "account '12G4' at column 8", 8),
        (b"5011 181234E1A001005", "event code '1A0' at column 13", 13),
        (b"5011 181234EABC01005", "event code 'ABC'", 13),
        (b"5011 181234E130X1005", "partition 'X1'", 16),
        (b"5011 181234E13001O05", "zone 'O05'", 18),
        (b"5011 191234E13001005", "Contact ID identifier '19'", 6),
        (b"5011-181234E13001005", "separator '-'", 5),
        (b"5011\x00181234E13001005", "separator '<00>'", 5),
        (b"5G11 181234E13001005", "receiver number 'G1'", 2),
        (b"5011 181234E130010", "too short (18 characters)", 19),
        (b"5011 18", "too short", 8),
        (b"5011 181234E130010055", "'5' after column 20", 21),
        (b"6011 181234E13001005", "starts with '6'", 1),
        (b"1011           X", "a heartbeat is 1RRL", None),
        (b"1011@", "a heartbeat is 1RRL", None),
        # a DC4 inside a line (two lines glued without framing) is not a field character
        (b"5011 181234E13001005\x145011 181234E13001005", "after column 20", 21),
    ],
)
def test_malformed_lines_name_what_and_where(line: bytes, what: str, column: int | None) -> None:
    with pytest.raises(CidParseError) as caught:
        parse_line(line)
    assert what in str(caught.value)
    assert caught.value.column == column
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("line", [b"", b"\r\n", b"   ", b"\x14"])
def test_empty_lines_are_errors(line: bytes) -> None:
    with pytest.raises(CidParseError, match="empty"):
        parse_line(line)


def test_non_ascii_digits_are_not_digits() -> None:
    # '²' and '¹' (latin-1 0xB2, 0xB9) pass str.isdigit(); the fields must not take them.
    with pytest.raises(CidParseError, match="zone"):
        parse_line("5011 181234E13001²05".encode("latin-1"))
    with pytest.raises(CidParseError, match="event code"):
        parse_line("5011 181234E1¹001005".encode("latin-1"))


@settings(max_examples=500)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_parse_or_raise_cid_parse_error(data: bytes) -> None:
    try:
        parsed = parse_line(data)
    except CidParseError:
        return
    assert isinstance(parsed, CidReport | Heartbeat)


@settings(max_examples=300)
@given(
    st.text(alphabet="0123456789ABCDEFabcdefERPX@ 18\x14\r\n", max_size=30),
)
def test_near_miss_text_parses_or_raises_cid_parse_error(text: str) -> None:
    # An alphabet close to real lines reaches the field checks far more often than random bytes.
    try:
        parsed = parse_line(text.encode("latin-1"))
    except CidParseError:
        return
    if isinstance(parsed, CidReport):
        assert parse_line(parsed.text.encode()) == parsed


# --- reports as events ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qualifier", "event", "type_"),
    [
        ("E", 110, EventType.ALARM),
        ("P", 130, EventType.ALARM),
        ("R", 130, EventType.RESTORE),
        ("E", 301, EventType.TROUBLE),
        ("P", 302, EventType.TROUBLE),
        ("R", 301, EventType.TROUBLE_RESTORE),
        ("E", 570, EventType.DISABLED),
        ("R", 570, EventType.INFO),
        ("E", 602, EventType.TEST),
        ("R", 607, EventType.TEST),
        ("E", 401, EventType.INFO),
        ("R", 401, EventType.INFO),
        ("E", 200, EventType.INFO),
        ("E", 0, EventType.INFO),
        ("E", 999, EventType.INFO),
    ],
)
def test_event_types(qualifier: str, event: int, type_: EventType) -> None:
    assert to_event("cid", report(qualifier=qualifier, event=event), b"").type == type_


@pytest.mark.parametrize(
    ("event", "kind"),
    [
        (110, "fire"),
        (111, "fire"),
        (118, "fire"),
        (119, "fire"),
        (120, "panic"),
        (121, "panic"),
        (129, "panic"),
        (130, "infrared"),
        (132, "infrared"),
        (133, "infrared"),
        (134, "infrared"),
        (131, "perimeter"),
        (136, "perimeter"),
        (137, "tamper"),
        (144, "tamper"),
        (145, "tamper"),
        (147, "fault"),
        (100, None),
        (140, None),
        (151, None),
        (300, "fault"),
        (301, "fault"),
        (399, "fault"),
        (401, None),
        (570, None),
        (602, None),
    ],
)
def test_kind_hints(event: int, kind: str | None) -> None:
    assert to_event("cid", report(event=event), b"").kind_hint == kind


@pytest.mark.parametrize(
    ("event", "text"),
    [(110, "fire"), (111, "smoke"), (131, "perimeter"), (301, "AC loss"), (602, "periodic test")],
)
def test_descriptions(event: int, text: str) -> None:
    assert to_event("cid", report(event=event), b"").text == text


def test_unknown_codes_are_described_by_their_group() -> None:
    assert to_event("cid", report(event=149), b"").text == "alarm 149"
    assert to_event("cid", report(event=399), b"").text == "trouble 399"
    assert to_event("cid", report(event=999), b"").text == "event 999"


def test_event_fields() -> None:
    raw = b"5011 18abcdR11102012\x14"
    parsed = parse_line(raw)
    assert isinstance(parsed, CidReport)
    event = to_event("receiver-1", parsed, raw)
    assert event.source_id == "receiver-1"
    assert event.type == EventType.RESTORE
    assert event.point == "cid:ABCD:012"
    assert event.point == normalize_point("contact-id", "cid:abcd:012")
    assert event.code == "R111"
    assert event.text == "smoke"
    assert event.kind_hint == "fire"
    assert event.raw == "5011 18abcdR11102012<14>"
    assert event.dedup_key == "5011 18ABCDR11102012"


def test_dedup_key_tells_reports_apart_by_receiver_line_and_body() -> None:
    base = to_event("cid", report(), b"").dedup_key
    assert base == to_event("cid", report(), b"").dedup_key  # a resend
    others = [
        parse_line(b"5021 181234E13001005"),  # another receiver
        parse_line(b"5012 181234E13001005"),  # another line card
        parse_line(b"5011 181234R13001005"),  # the restore
        parse_line(b"5011 181234E13001006"),  # another zone
    ]
    keys = {to_event("cid", r, b"").dedup_key for r in others if isinstance(r, CidReport)}
    assert len(keys) == 4
    assert base not in keys


# --- the simulator's lines --------------------------------------------------------------------


def test_format_report() -> None:
    assert format_report("1234", "E", 130, 1, 5) == b"5011 181234E13001005\x14"
    assert format_report("abcd", "r", "111", "02", "012", receiver=12, line=3) == (
        b"5123 18ABCDR11102012\x14"
    )
    assert heartbeat_line() == b"1011           @    \x14"
    assert isinstance(parse_line(heartbeat_line()), Heartbeat)


@pytest.mark.parametrize(
    "args",
    [
        ("12345", "E", 130, 1, 5),
        ("12G4", "E", 130, 1, 5),
        ("1234", "X", 130, 1, 5),
        ("1234", "E", 1300, 1, 5),
        ("1234", "E", "1A0", 1, 5),
        ("1234", "E", 130, 100, 5),
        ("1234", "E", 130, 1, -1),
    ],
)
def test_format_report_refuses_bad_fields(args: tuple[str, str, int | str, int, int]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each message names its own field
        format_report(*args)


def test_simulator_commands() -> None:
    assert _command_line(["E", "1234", "130", "01", "005"]) == b"5011 181234E13001005\x14"
    assert _command_line(["r", "1234", "130", "1", "5"]) == b"5011 181234R13001005\x14"
    assert _command_line(["hb"]) == heartbeat_line()
    for bad in (["E", "1234"], ["X", "1234", "130", "01", "005"], ["hello"]):
        with pytest.raises(ValueError, match="commands:"):
            _command_line(bad)


# --- framing ----------------------------------------------------------------------------------


def test_framer_cuts_at_dc4_across_chunks() -> None:
    framer = LineFramer()
    assert framer.feed(b"5011 1812") == []
    assert framer.feed(b"34E13001005\x14101") == [b"5011 181234E13001005"]
    assert framer.feed(b"1 @\x14\x14") == [b"1011 @", b""]


def test_framer_reports_an_overlong_line_once_and_skips_to_its_end() -> None:
    framer = LineFramer(max_len=10)
    frames = framer.feed(b"x" * 8) + framer.feed(b"y" * 8) + framer.feed(b"z" * 30)
    assert frames == [Overlong(b"x" * 8 + b"y" * 8)]
    assert framer.feed(b"zz\x14ok\x14") == [b"ok"]


def test_framer_line_of_exactly_max_len_is_kept() -> None:
    framer = LineFramer(max_len=10)
    assert framer.feed(b"a" * 10 + DC4) == [b"a" * 10]
    assert framer.feed(b"a" * 11 + DC4 + b"b" + DC4) == [Overlong(b"a" * 11), b"b"]


# --- line handling without a port -------------------------------------------------------------


class Recorder:
    def __init__(self, fail: bool = False) -> None:
        self.events: list[DeviceEvent] = []
        self.status: list[tuple[str, bool, str]] = []
        self.replies: list[bytes] = []
        self.fail = fail

    def sink(self, event: DeviceEvent) -> None:
        if self.fail and event.point is not None:
            raise RuntimeError("database is locked")
        self.events.append(event)
        self.replies.append(b"<stored>")

    def on_status(self, source_id: str, ok: bool, detail: str) -> None:
        self.status.append((source_id, ok, detail))


def make_driver(rec: Recorder, heartbeat_s: float | None = None) -> ContactIdDriver:
    source = ContactIdSource(id="cid", kind="contact-id", port="loop://")
    return ContactIdDriver(source, rec.sink, rec.on_status, heartbeat_s=heartbeat_s)


def test_feed_stores_then_acks() -> None:
    rec = Recorder()
    driver = make_driver(rec)
    driver.feed(b"5011 181234E13001005\x14\r\n1011   @  \x14", rec.replies.append)
    assert rec.replies == [b"<stored>", ACK, ACK]  # the ACK after the store
    assert [e.code for e in rec.events] == ["E130"]
    assert rec.events[0].raw == "5011 181234E13001005<14>"
    assert driver.stats["lines_ok"] == 2
    assert driver.stats["events"] == 1
    assert driver.stats["heartbeats"] == 1
    assert rec.status == [("cid", True, "receiving on loop://")]


def test_feed_naks_bad_and_overlong_lines(caplog: pytest.LogCaptureFixture) -> None:
    rec = Recorder()
    driver = make_driver(rec)
    driver.feed(b"5011 181234Q13001005\x14" + b"A" * (MAX_LINE + 5) + b"\x14", rec.replies.append)
    assert rec.replies == [NAK, NAK]
    assert driver.stats["lines_bad"] == 2
    assert driver.stats["lines_overlong"] == 1
    assert rec.events == []
    assert rec.status == []  # nothing valid yet
    assert "5011 181234Q13001005" in caplog.text
    assert "qualifier" in caplog.text


def test_feed_ignores_blank_frames() -> None:
    rec = Recorder()
    driver = make_driver(rec)
    driver.feed(b"\x14\r\n\x14  \x14", rec.replies.append)
    assert rec.replies == []
    assert sum(driver.stats.values()) == 0


def test_feed_naks_when_the_store_fails() -> None:
    rec = Recorder(fail=True)
    driver = make_driver(rec)
    driver.feed(b"5011 181234E13001005\x14", rec.replies.append)
    assert rec.replies == [NAK]
    assert driver.stats["nak_store_failed"] == 1
    assert driver.stats["events"] == 0
    rec.fail = False
    driver.feed(b"5011 181234E13001005\x14", rec.replies.append)
    assert rec.replies == [NAK, b"<stored>", ACK]


def test_link_watchdog_with_a_clock() -> None:
    rec = Recorder()
    driver = make_driver(rec, heartbeat_s=10)
    start = driver._last_line
    driver.check_link(start + 19.9)
    assert rec.events == []
    driver.check_link(start + 20.1)
    driver.check_link(start + 40)  # still silent: no second fault
    assert [e.type for e in rec.events] == [EventType.COMM_FAULT]
    fault = rec.events[0]
    assert fault.point is None
    assert "heartbeat" in fault.text
    assert [s[1] for s in rec.status] == [False]
    driver.feed(heartbeat_line(), rec.replies.append)
    assert [e.type for e in rec.events] == [EventType.COMM_FAULT, EventType.COMM_RESTORE]
    assert rec.events[1].point is None
    assert [s[1] for s in rec.status] == [False, True]


def test_driver_refuses_a_non_positive_heartbeat() -> None:
    with pytest.raises(ValueError, match="heartbeat_s"):
        make_driver(Recorder(), heartbeat_s=0)


# --- arbitrary streams ------------------------------------------------------------------------


@settings(max_examples=200)
@given(st.lists(st.binary(max_size=300), max_size=8))
def test_arbitrary_streams_never_crash_and_answer_every_line(chunks: list[bytes]) -> None:
    rec = Recorder()
    driver = make_driver(rec)
    replies: list[bytes] = []
    for chunk in chunks:
        driver.feed(chunk, replies.append)
    assert set(replies) <= {ACK, NAK}
    assert len(replies) == driver.stats["lines_ok"] + driver.stats["lines_bad"]
    assert replies.count(NAK) == driver.stats["lines_bad"]
    assert len(rec.events) == driver.stats["events"]


good_lines = st.builds(
    format_report,
    account=st.text(alphabet="0123456789ABCDEF", min_size=4, max_size=4),
    qualifier=st.sampled_from("ERP"),
    code=st.integers(0, 999),
    partition=st.integers(0, 99),
    zone=st.integers(0, 999),
)
bad_lines = st.binary(min_size=1, max_size=MAX_LINE).filter(
    lambda b: b"\x14" not in b and bool(b.strip())
)


@settings(max_examples=200)
@given(
    st.lists(st.one_of(good_lines, bad_lines.map(lambda b: b + b"\x14")), max_size=10),
    st.lists(st.integers(0, 4000), max_size=6),
)
def test_mixed_streams_count_good_and_bad_lines(lines: list[bytes], cuts: list[int]) -> None:
    parsed = [p for p in map(try_parse, lines) if p is not None]
    stream = b"".join(lines)
    rec = Recorder()
    driver = make_driver(rec)
    replies: list[bytes] = []
    edges = sorted({0, len(stream), *(c for c in cuts if c < len(stream))})
    for start, end in zip(edges, edges[1:], strict=False):  # the same stream, in any chunks
        driver.feed(stream[start:end], replies.append)
    assert driver.stats["lines_ok"] == len(parsed)
    assert driver.stats["lines_bad"] == len(lines) - len(parsed)
    assert replies.count(ACK) == len(parsed)
    assert [e.dedup_key for e in rec.events] == [p.text for p in parsed if isinstance(p, CidReport)]


def try_parse(line: bytes) -> CidReport | Heartbeat | None:
    try:
        return parse_line(line)
    except CidParseError:
        return None
