"""The GST printer-port decoder: printed blocks (GB2312, control sequences) in, events out."""

from __future__ import annotations

import logging
import random
import zoneinfo
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devices.alarms.base import DeviceEvent, EventType
from devices.alarms.gst_printer import GstPrinterDecoder, classify_word, format_block

pytestmark = pytest.mark.no_database  # runs once, not again per engine

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 21, 7, 0, tzinfo=UTC)  # 15:00 in Shanghai


def gb(text: str) -> bytes:
    return text.encode("gb2312")


def decoder(source_id: str = "fire-panel") -> GstPrinterDecoder:
    return GstPrinterDecoder(source_id, SHANGHAI, clock=lambda: NOW)


def key(event: DeviceEvent) -> tuple[object, ...]:
    """What the decoder decides (not when it decided it)."""
    return (
        event.source_id,
        event.type,
        event.point,
        event.code,
        event.text,
        event.raw,
        event.kind_hint,
        event.dedup_key,
        event.device_time,
    )


# Four blocks as a panel prints them: ESC @ init, FS & Chinese on, ESC ! bold, GS ! size,
# ESC J 10 (whose argument is an LF byte), ESC d 2, GS V 66 0 (cut), CR LF, a form feed.
STREAM = (
    b"\x1b@\x1c&"
    + gb("2026-11-21 14:03:22\r\n004-004\r\n")
    + b"\x1b!\x08"
    + gb("首次火警")
    + b"\x1b!\x00\r\n"
    + gb("3号楼2层走廊\r\n光电感烟\r\n\r\n")
    + b"\x1c.\x1bJ\x0a\x1bd\x02"
    + b"\x1c&"
    + gb("2026年11月21日 14:05:01\r\n002-017\r\n故障\r\n")
    + b"\x1d!\x11"
    + gb("5号楼1层大堂")
    + b"\x1d!\x00"
    + gb("\r\n手动报警按钮\r\n")
    + b"\x0c\x1dVB\x00"
    + gb("11-21 14:06\n001-002\n屏蔽\n地下车库\n\n")
    + gb("2026-11-21 14:10:00\r\n系统复位\r\n\r\n")
)

EXPECTED = [
    (EventType.ALARM, "gst:004-004", "首次火警", "3号楼2层走廊 · 光电感烟", "fire", (14, 3, 22)),
    (EventType.TROUBLE, "gst:002-017", "故障", "5号楼1层大堂 · 手动报警按钮", "fault", (14, 5, 1)),
    (EventType.DISABLED, "gst:001-002", "屏蔽", "地下车库", None, (14, 6, 0)),
    (EventType.RESET, None, "系统复位", "", None, (14, 10, 0)),
]


def feed_in_chunks(dec: GstPrinterDecoder, data: bytes, cuts: list[int]) -> list[DeviceEvent]:
    events: list[DeviceEvent] = []
    start = 0
    for cut in sorted(cuts) + [len(data)]:
        events += dec.feed(data[start:cut])
        start = cut
    return events + dec.flush()


@pytest.mark.parametrize("seed", range(5))
def test_a_realistic_stream_in_random_chunks_gives_each_block_in_order(seed: int) -> None:
    rng = random.Random(seed)
    cuts = [rng.randrange(len(STREAM)) for _ in range(rng.randrange(5, 60))]
    dec = decoder()
    events = feed_in_chunks(dec, STREAM, cuts)

    got = [(e.type, e.point, e.code, e.text, e.kind_hint) for e in events]
    assert got == [row[:5] for row in EXPECTED]
    for event, row in zip(events, EXPECTED, strict=True):
        assert event.source_id == "fire-panel"
        assert event.device_time == datetime(2026, 11, 21, *row[5], tzinfo=SHANGHAI)
        assert event.device_time.utcoffset() is not None
        assert event.dedup_key is None
        assert "\x1b" not in event.raw
        assert "<1B>" not in event.raw
    assert events[0].raw == "2026-11-21 14:03:22<0A>004-004<0A>首次火警<0A>3号楼2层走廊<0A>光电感烟"
    assert dec.stats["blocks_ok"] == 4
    assert dec.stats["blocks_bad"] == 0
    assert dec.stats["bytes"] == len(STREAM)


def test_every_block_but_the_last_comes_out_of_feed_and_the_last_at_flush() -> None:
    dec = decoder()
    assert [e.code for e in dec.feed(STREAM[: STREAM.index(gb("系统复位"))])] == [
        "首次火警",
        "故障",
        "屏蔽",
    ]
    assert dec.feed(gb("系统复位")) == []
    assert [e.code for e in dec.flush()] == ["系统复位"]  # no line end, no blank line
    assert dec.flush() == []


def test_a_system_reset_block_without_a_loop_line_is_a_reset_of_the_panel() -> None:
    events = decoder().feed(gb("2026-11-21 14:10:00\r\n系统复位\r\n\r\n"))
    assert len(events) == 1
    assert events[0].type is EventType.RESET
    assert events[0].point is None
    assert events[0].code == "系统复位"


def test_the_next_date_line_ends_a_block_without_a_blank_line() -> None:
    dec = decoder()
    events = dec.feed(gb("2026-11-21 14:00:00\n004-004\n火警\n2026-11-21 14:00:05\n"))
    assert [(e.code, e.point) for e in events] == [("火警", "gst:004-004")]
    assert [(e.code, e.point) for e in dec.feed(gb("复位\n\n"))] == [("复位", None)]


def test_a_stray_control_byte_does_not_swallow_the_line_end_after_it() -> None:
    (event,) = decoder().feed(gb("2026-11-21 14:00:00\n004-004\n火警") + b"\x1b\n" + gb("大堂\n\n"))
    assert (event.code, event.text) == ("火警", "大堂")


def test_garbage_and_blocks_without_a_date_line_are_counted_bad_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    dec = decoder()
    caplog.set_level(logging.WARNING, logger="devices.alarms.gst_printer")
    events = dec.feed(b"\x07\xff\xfe\x00garbage\r\n" + gb("004-004\n火警\n\n"))
    events += dec.feed(gb("2026-11-21 14:00:00\n\n"))  # a date and nothing else
    events += dec.feed(gb("2026-13-40 25:00:00\n004-004\n火警\n\n"))  # not a real date
    events += dec.feed(gb("2026-11-21 14:00:00\n004-004\n火警\n\n"))
    assert [e.code for e in events] == ["火警"]
    assert dec.stats["blocks_bad"] == 3
    assert dec.stats["blocks_ok"] == 1
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 3
    assert "garbage" in warnings[0]
    assert "<07>" in warnings[0]
    assert "no date/time line" in warnings[0]
    assert all(message.isprintable() for message in warnings)


@pytest.mark.parametrize(
    ("word", "type_", "kind_hint"),
    [
        ("首次火警", EventType.ALARM, "fire"),
        ("火警", EventType.ALARM, "fire"),
        ("故障", EventType.TROUBLE, "fault"),
        ("主电故障", EventType.TROUBLE, "fault"),
        ("故障恢复", EventType.TROUBLE_RESTORE, None),
        ("屏蔽", EventType.DISABLED, None),
        ("取消屏蔽", EventType.INFO, None),
        ("复位", EventType.RESET, None),
        ("系统复位", EventType.RESET, None),
        ("启动", EventType.INFO, None),
        ("反馈", EventType.INFO, None),
        ("监管", EventType.INFO, None),
        ("联动请求", EventType.INFO, None),  # not known here: still kept, as INFO
    ],
)
def test_event_words_map_to_types(word: str, type_: EventType, kind_hint: str | None) -> None:
    assert classify_word(word) == (type_, kind_hint)
    (event,) = decoder().feed(gb(f"2026-11-21 14:00:00\r\n009-123\r\n{word}\r\n某处\r\n\r\n"))
    assert (event.type, event.code, event.kind_hint, event.point) == (
        type_,
        word,
        kind_hint,
        "gst:009-123",
    )
    assert event.text == "某处"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2026-11-21 14:03:22", datetime(2026, 11, 21, 14, 3, 22, tzinfo=SHANGHAI)),
        ("2026/11/21 14:03", datetime(2026, 11, 21, 14, 3, tzinfo=SHANGHAI)),
        ("2026年11月21日 14:03:22", datetime(2026, 11, 21, 14, 3, 22, tzinfo=SHANGHAI)),
        ("2026年11月21日14时03分22秒", datetime(2026, 11, 21, 14, 3, 22, tzinfo=SHANGHAI)),
        ("２０２６－１１－２１　１４：０３", datetime(2026, 11, 21, 14, 3, tzinfo=SHANGHAI)),
        ("26-11-21 14:03", datetime(2026, 11, 21, 14, 3, tzinfo=SHANGHAI)),
        ("11-21 14:03", datetime(2026, 11, 21, 14, 3, tzinfo=SHANGHAI)),
        # Without a year and later than today: the panel printed it last year.
        ("12-31 23:59", datetime(2025, 12, 31, 23, 59, tzinfo=SHANGHAI)),
    ],
)
def test_date_time_forms(line: str, expected: datetime) -> None:
    (event,) = decoder().feed(f"{line}\r\n004-004\r\n火警\r\n\r\n".encode("gb18030"))
    assert event.device_time == expected


def test_a_point_unknown_to_the_site_is_still_an_event() -> None:
    # The decoder knows nothing of the site: every point reaches the core, which maps
    # unknown ones to the "unmapped point" zone.
    (event,) = decoder().feed(gb("2026-11-21 14:00:00\n999-999\n火警\n\n"))
    assert event.point == "gst:999-999"


def test_format_block_is_decoded_back_to_the_same_event() -> None:
    at = datetime(2026, 11, 21, 14, 3, 22)
    data = format_block("首次火警", "4-4", "3号楼2层走廊", "光电感烟", at=at)
    assert b"\x1b" in data
    assert data.endswith(b"\x1bJ\x0a")
    assert b"\r\n\r\n" in data
    assert gb("3号楼2层走廊") in data  # GB2312, not UTF-8
    (event,) = decoder().feed(data)
    assert (event.type, event.point, event.code, event.text) == (
        EventType.ALARM,
        "gst:004-004",
        "首次火警",
        "3号楼2层走廊 · 光电感烟",
    )
    assert event.device_time == at.replace(tzinfo=SHANGHAI)


def test_format_block_refuses_a_bad_loop_device() -> None:
    with pytest.raises(ValueError, match="loop-device"):
        format_block("火警", "3号楼")


# Pieces that steer random input into the decoder's corners: control-sequence starts and
# their arguments, line ends, form feeds, date/time and loop lines, words, GB2312 halves.
PIECES = [b"\x1b", b"\x1c", b"\x1d", b"\x1dV", b"J", b"!", b"&", b"\r", b"\n", b"\x0c", b"\xb9"]
PIECES += [gb(t) for t in ("2026-11-21 14:03:22\n", "11-21 14:03 ", "004-004", "火警", "故障\n")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.binary(max_size=60), st.sampled_from(PIECES)), max_size=40))
def test_arbitrary_bytes_never_raise(chunks: list[bytes]) -> None:
    dec = decoder()
    events: list[DeviceEvent] = []
    for chunk in chunks:
        events += dec.feed(chunk)
    events += dec.flush()
    assert dec.stats["bytes"] == sum(map(len, chunks))
    assert len(events) == dec.stats["blocks_ok"]
    assert all(e.raw.isprintable() for e in events)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(STREAM)), max_size=40))
def test_any_chunking_of_a_valid_stream_gives_the_same_events_as_one_feed(
    cuts: list[int],
) -> None:
    whole = decoder()
    expected = [key(e) for e in whole.feed(STREAM) + whole.flush()]
    assert len(expected) == len(EXPECTED)
    assert [key(e) for e in feed_in_chunks(decoder(), STREAM, cuts)] == expected
