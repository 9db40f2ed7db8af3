"""GST fire-panel printer port: the text blocks a fire alarm controller prints, as events.

Chinese fire alarm controllers (GST and the many that copy its layout) print every event on
their RS-232 printer port as a GB2312 text block, for example::

    2026-11-21 14:03:22
    004-004
    首次火警
    3号楼2层走廊
    光电感烟

mixed with printer control sequences (ESC @, ESC J n, FS & ...). A block starts at its
date/time line and ends at a blank line, a form feed, the next date/time line or, in the
driver, a pause in the data. The port is one-way: nothing can be acknowledged or asked again,
so the decoder keeps whatever it can read and counts (and logs) what it cannot.

- `GstPrinterDecoder`: bytes in, `DeviceEvent`s out; pure, incremental, never raises.
- `GstPrinterDriver`: reads a serial port on its own thread and feeds the decoder.
- `format_block` / `run_prompt`: a printer-port simulator for installers and tests.
"""

from __future__ import annotations

import logging
import re
import shlex
import time
import unicodedata
import zoneinfo
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TextIO

import serial

from console.core.site import GstPrinterSource
from devices.alarms.base import (
    Backoff,
    DeviceEvent,
    EventType,
    FailureLog,
    Sink,
    StatusFn,
    ThreadDriver,
    open_serial,
    printable,
    utcnow,
)

log = logging.getLogger(__name__)

ENCODING = "gb18030"  # a superset of GB2312 that decodes every GB2312 byte pair the same way

MAX_LINE_BYTES = 512  # a longer "line" is noise (wrong baud rate): it is cut here
MAX_BLOCK_LINES = 40  # a longer block is noise too: it is ended and counted as bad

# ---------------------------------------------------------------------------------------------
# Printer control sequences

ESC, FS, GS = 0x1B, 0x1C, 0x1D
CR, LF, FF = 0x0D, 0x0A, 0x0C

# Parameter bytes after ESC x / FS x / GS x (ESC/POS and the Chinese FS set); an unknown
# command is taken to have none.
_ARG_COUNTS: dict[int, dict[int, int]] = {  # (b"J d" has ESC SP n, the character spacing)
    ESC: {
        **dict.fromkeys(b"@2<", 0),
        **dict.fromkeys(b"J d!-EGa3 {MRtVUeTr", 1),
        **dict.fromkeys(b"$\\c", 2),
        ord("p"): 3,
    },
    FS: {**dict.fromkeys(b"&.", 0), **dict.fromkeys(b"!-W", 1), ord("S"): 2},
    GS: {**dict.fromkeys(b"!BhwHfabIr", 1), **dict.fromkeys(b"LWP$\\", 2)},
}
_LINE_BYTES = frozenset({CR, LF, FF})


def _command_length(command: bytes | bytearray) -> int | None:
    """The full length of the control sequence `command` starts, or None: need more bytes."""
    if len(command) < 2:
        return None
    prefix, op = command[0], command[1]
    if prefix == GS and op == ord("V"):  # GS V m, or GS V m n when m is 65 or 66
        if len(command) < 3:
            return None
        return 4 if command[2] in (65, 66) else 3
    return 2 + _ARG_COUNTS[prefix].get(op, 0)


class _ControlFilter:
    """Removes printer control sequences from a byte stream that arrives in pieces."""

    def __init__(self) -> None:
        self._command = bytearray()

    def feed(self, data: bytes) -> bytes:
        out = bytearray()
        for byte in data:
            if self._command:
                self._take_command_byte(byte, out)
            elif byte in _ARG_COUNTS:
                self._command.append(byte)
            else:
                out.append(byte)
        return bytes(out)

    def _take_command_byte(self, byte: int, out: bytearray) -> None:
        if len(self._command) == 1 and byte in _LINE_BYTES:
            # ESC followed by a line end is not a command we know: keep the line end.
            self._command.clear()
            out.append(byte)
            return
        self._command.append(byte)
        length = _command_length(self._command)
        if length is not None and len(self._command) >= length:
            self._command.clear()


# ---------------------------------------------------------------------------------------------
# Lines: date/time, loop-device, event word

# 2026-11-21 14:03:22, 2026/11/21 14:03, 26-11-21 14:03, 2026年11月21日 14:03:22,
# 2026年11月21日14时03分22秒, 11-21 14:03 (no year: the most recent such date).
_DATE_TIME = re.compile(
    r"(?:(?P<year>\d{4}|\d{2})\s*[-/.年]\s*)?"
    r"(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})(?:\s*日\s*|\s+)"
    r"(?P<hour>\d{1,2})\s*[:时]\s*(?P<minute>\d{1,2})"
    r"(?:\s*[:分]\s*(?P<second>\d{1,2})\s*秒?|\s*分)?"
    r"(?!\d)"
)
_LOOP_DEVICE = re.compile(r"(?P<loop>\d{1,3})\s*-\s*(?P<device>\d{1,3})(?=\s|$)")
_SEPARATOR = re.compile(r"[-=*_~.·]{3,}")  # ------ rules between blocks count as blank lines

_WORDS: dict[str, tuple[EventType, str | None]] = {
    "首次火警": (EventType.ALARM, "fire"),
    "火警": (EventType.ALARM, "fire"),
    "故障": (EventType.TROUBLE, "fault"),
    "故障恢复": (EventType.TROUBLE_RESTORE, None),
    "故障消除": (EventType.TROUBLE_RESTORE, None),
    "故障排除": (EventType.TROUBLE_RESTORE, None),
    "屏蔽": (EventType.DISABLED, None),
    "复位": (EventType.RESET, None),
    "系统复位": (EventType.RESET, None),
    **dict.fromkeys(
        ("取消屏蔽", "启动", "停止", "反馈", "反馈撤销", "监管", "监管恢复", "延时", "联动"),
        (EventType.INFO, None),
    ),
}
# 主电故障, 备电故障, 通讯故障 ... and their 恢复.
_FAULT_WORD = re.compile(r"\S{1,6}故障")
_FAULT_RESTORE_WORD = re.compile(r"\S{1,6}故障(?:恢复|消除|排除)")


def classify_word(word: str) -> tuple[EventType, str | None]:
    """The event type and kind hint of a GST event word; INFO for words not known here."""
    if word in _WORDS:
        return _WORDS[word]
    if _FAULT_RESTORE_WORD.fullmatch(word):
        return EventType.TROUBLE_RESTORE, None
    if _FAULT_WORD.fullmatch(word):
        return EventType.TROUBLE, "fault"
    return EventType.INFO, None


def _is_known_word(word: str) -> bool:
    return word in _WORDS or classify_word(word)[0] is not EventType.INFO


def _normal(text: str) -> str:
    """Text for matching: control characters dropped; full-width digits, colons and spaces
    as ASCII; ends trimmed."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c if c.isprintable() else " " if c.isspace() else "" for c in text).strip()


def parse_loop_device(text: str) -> str | None:
    """'004-004' or '4-4' (optionally 'gst:'-prefixed) as the point 'gst:004-004', else None."""
    text = _normal(text).removeprefix("gst:")
    match = _LOOP_DEVICE.fullmatch(text)
    if match is None:
        return None
    return f"gst:{int(match['loop']):03d}-{int(match['device']):03d}"


@dataclass(frozen=True)
class _Stamp:
    at: datetime | None  # None: the line has the shape of a date but not a real date
    rest: str  # anything printed after the time on the same line


def _parse_stamp(text: str, tz: zoneinfo.ZoneInfo, now: datetime) -> _Stamp | None:
    """The date/time a line starts with, or None when it does not start with one."""
    match = _DATE_TIME.match(text)
    if match is None:
        return None
    rest = text[match.end() :].strip()
    fields = [int(match[name] or 0) for name in ("month", "day", "hour", "minute", "second")]
    if match["year"] is not None:
        year = int(match["year"])
        return _Stamp(_make_time(year + 2000 if year < 100 else year, fields, tz), rest)
    return _Stamp(_recent_time(fields, tz, now), rest)


def _make_time(year: int, fields: list[int], tz: zoneinfo.ZoneInfo) -> datetime | None:
    month, day, hour, minute, second = fields
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def _recent_time(fields: list[int], tz: zoneinfo.ZoneInfo, now: datetime) -> datetime | None:
    """A date printed without its year: this year's, or last year's if that is in the future."""
    local_now = now.astimezone(tz)
    at = _make_time(local_now.year, fields, tz)
    if at is None or at > local_now + timedelta(days=1):
        at = _make_time(local_now.year - 1, fields, tz)
    return at


# ---------------------------------------------------------------------------------------------
# Blocks


@dataclass
class _Block:
    lines: list[str]  # as printed, for the record
    content: list[str]  # matching text after the date/time line
    at: datetime | None = None
    problem: str | None = None  # set: the block is bad whatever follows


@dataclass(frozen=True)
class _Parts:
    point: str | None
    word: str | None
    details: list[str] = field(default_factory=list)


def _split_content(content: list[str]) -> _Parts:
    """Point, event word and details from a block's lines after its date/time line."""
    point: str | None = None
    word: str | None = None
    details: list[str] = []
    queue = list(content)
    while queue:
        line = queue.pop(0)
        head, _, tail = line.partition(" ")
        if point is None and (found := parse_loop_device(head)) is not None:
            point = found
        elif word is None and _is_known_word(head):
            word = head
        else:
            details.append(line)
            continue
        if tail.strip():
            queue.insert(0, tail.strip())
    if word is None and details:  # a word this module does not know: keep it as INFO
        word = details.pop(0)
    return _Parts(point, word, details)


class GstPrinterDecoder:
    """Printer-port bytes in, one `DeviceEvent` per printed block out. Never raises.

    `feed()` returns the blocks that some later byte showed to be complete; `flush()` ends
    the block in progress (call it when the line has been quiet for a while). Blocks that
    cannot be read are counted in `stats["blocks_bad"]` and logged, never raised.
    """

    def __init__(
        self,
        source_id: str,
        tz: zoneinfo.ZoneInfo,
        *,
        stats: Counter[str] | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.source_id, self.tz = source_id, tz
        self.stats: Counter[str] = stats if stats is not None else Counter()
        self._clock = clock
        self._filter = _ControlFilter()
        self._line = bytearray()
        self._block: _Block | None = None
        self._out: list[DeviceEvent] = []

    def feed(self, data: bytes) -> list[DeviceEvent]:
        self.stats["bytes"] += len(data)
        for byte in self._filter.feed(data):
            if byte == LF:
                self._end_line()
            elif byte == FF:
                if self._line:
                    self._end_line()
                self._end_block()
            elif byte != CR:  # CR LF and LF both end a line; a CR alone does nothing
                self._line.append(byte)
                if len(self._line) >= MAX_LINE_BYTES:
                    self._end_line()
        return self._take()

    def flush(self) -> list[DeviceEvent]:
        """End the line and the block in progress (the printer has gone quiet)."""
        if self._line:
            self._end_line()
        self._end_block()
        return self._take()

    def _take(self) -> list[DeviceEvent]:
        events, self._out = self._out, []
        return events

    def _end_line(self) -> None:
        text = self._line.decode(ENCODING, errors="replace").strip()
        self._line.clear()
        matchable = _normal(text)
        if not matchable or _SEPARATOR.fullmatch(matchable):
            self._end_block()
            return
        stamp = _parse_stamp(matchable, self.tz, self._clock())
        if stamp is not None:
            self._start_block(text, stamp)
            return
        if self._block is None:
            self._block = _Block([], [], problem="no date/time line")
        self._block.lines.append(text)
        self._block.content.append(matchable)
        if len(self._block.lines) > MAX_BLOCK_LINES:
            self._block.problem = f"more than {MAX_BLOCK_LINES} lines"
            self._end_block()

    def _start_block(self, text: str, stamp: _Stamp) -> None:
        self._end_block()
        problem = None if stamp.at is not None else "not a real date/time"
        self._block = _Block([text], [stamp.rest] if stamp.rest else [], stamp.at, problem)

    def _end_block(self) -> None:
        block, self._block = self._block, None
        if block is None:
            return
        event = self._event(block)
        if event is not None:
            self.stats["blocks_ok"] += 1
            self._out.append(event)

    def _event(self, block: _Block) -> DeviceEvent | None:
        raw = printable("\n".join(block.lines))
        parts = _split_content(block.content)
        problem = block.problem or (None if parts.word else "no event word")
        if problem is not None or parts.word is None:
            self.stats["blocks_bad"] += 1
            log.warning("%s: unreadable printer block (%s): %s", self.source_id, problem, raw)
            return None
        type_, kind_hint = classify_word(parts.word)
        return DeviceEvent(
            source_id=self.source_id,
            type=type_,
            point=parts.point,
            code=parts.word,
            text=" · ".join(parts.details),
            raw=raw,
            kind_hint=kind_hint,
            device_time=block.at,
        )


# ---------------------------------------------------------------------------------------------
# Driver


class GstPrinterDriver(ThreadDriver):
    """Reads one fire panel's printer port and stores each printed event.

    `status` is True while the port is open and False from the first failure to open it (or
    its loss). One COMM_FAULT event is stored once opening has failed `FAULT_AFTER` times in a
    row, and a COMM_RESTORE when the port opens again after that.
    """

    thread_name = "gst-printer"
    READ_TIMEOUT_S = 0.1
    FAULT_AFTER = 3  # failed opens in a row before a COMM_FAULT event
    STORE_ATTEMPTS = 4  # the first try and three retries
    STORE_RETRY_S = 0.2
    # A port that opens and is lost at once must not reopen at full speed: the backoff and
    # the failure log are reset only once it has given data or stayed open this long.
    SETTLE_S = 2.0

    def __init__(
        self,
        source: GstPrinterSource,
        sink: Sink,
        status: StatusFn,
        *,
        tz: zoneinfo.ZoneInfo,
        idle_flush_s: float = 0.5,
    ) -> None:
        super().__init__((source.id,), sink, status)
        self.source = source
        self.idle_flush_s = idle_flush_s
        self.decoder = GstPrinterDecoder(source.id, tz, stats=self.stats)
        self.backoff = Backoff()
        self._port_log = FailureLog(log, f"{source.id}: printer port {source.port}")
        self._link: bool | None = None
        self._open_failures = 0
        self._fault_reported = False

    def run(self) -> None:
        while not self.stopping.is_set():
            port = self._open()
            if port is not None:
                try:
                    self._read(port)
                finally:
                    port.close()
            if not self.stopping.is_set():  # the open failed or the port was lost
                self.stopping.wait(self.backoff.next())

    # -- the port

    def _open(self) -> Any | None:
        try:
            port = open_serial(self.source, timeout=self.READ_TIMEOUT_S)
        except (serial.SerialException, OSError, ValueError) as exc:
            self._open_failed(exc)
            return None
        self._opened()
        return port

    def _open_failed(self, exc: Exception) -> None:
        self._port_log.failed(f"cannot open: {exc}")
        self._open_failures += 1
        self._set_link(False, f"cannot open {self.source.port}: {exc}")
        if self._open_failures >= self.FAULT_AFTER and not self._fault_reported:
            self._fault_reported = True
            self._deliver(self._source_event(EventType.COMM_FAULT, f"cannot open: {exc}"))

    def _opened(self) -> None:
        self._open_failures = 0
        self._set_link(True, f"{self.source.port} open")
        if self._fault_reported:
            self._fault_reported = False
            self._deliver(self._source_event(EventType.COMM_RESTORE, "port open again"))

    def _read(self, port: Any) -> None:
        """Read until stop or until the port is lost; flush the pending block either way."""
        opened = last_data = time.monotonic()
        pending = settled = False
        try:
            while not self.stopping.is_set():
                data = port.read(max(1, port.in_waiting))
                if not settled and (data or time.monotonic() - opened >= self.SETTLE_S):
                    settled = True
                    self._settled()
                if data:
                    self._deliver_all(self.decoder.feed(data))
                    last_data, pending = time.monotonic(), True
                elif pending and time.monotonic() - last_data >= self.idle_flush_s:
                    self._deliver_all(self.decoder.flush())
                    pending = False
        except (serial.SerialException, OSError) as exc:
            self._port_log.failed(f"lost: {exc}")
            self._set_link(False, f"{self.source.port} lost: {exc}")
        finally:
            self._deliver_all(self.decoder.flush())

    def _settled(self) -> None:
        """The port has given data or stayed open a while: it works, not just opens."""
        self._port_log.ok()
        self.backoff.reset()

    def _set_link(self, ok: bool, detail: str) -> None:
        if ok != self._link:
            self._link = ok
            self.status(self.source.id, ok, detail)

    # -- the sink

    def _source_event(self, type_: EventType, text: str) -> DeviceEvent:
        return DeviceEvent(
            self.source.id, type_, None, code="port", text=f"{self.source.port}: {text}"
        )

    def _deliver_all(self, events: list[DeviceEvent]) -> None:
        for event in events:
            self._deliver(event)

    def _deliver(self, event: DeviceEvent) -> None:
        """Store the event, retrying a few times: a printer cannot be asked to print again."""
        for attempt in range(1, self.STORE_ATTEMPTS + 1):
            try:
                self.sink(event)
            except Exception:
                log.exception(
                    "%s: storing %s failed (attempt %d of %d)",
                    self.source.id,
                    event.type,
                    attempt,
                    self.STORE_ATTEMPTS,
                )
            else:
                self.stats["events"] += 1
                return
            if attempt < self.STORE_ATTEMPTS and not self.stopping.is_set():
                self.stopping.wait(self.STORE_RETRY_S)
        self.stats["store_failed"] += 1
        log.error(
            "%s: %s event lost, it could not be stored: %s",
            self.source.id,
            event.type,
            event.raw or event.text,
        )


# ---------------------------------------------------------------------------------------------
# Simulator


def format_block(
    word: str,
    loop_device: str | None = None,
    location: str = "",
    device_type: str = "",
    at: datetime | None = None,
) -> bytes:
    """One event as a GST panel prints it: GB2312, CR LF, control sequences, a blank line."""
    point = None if loop_device is None else parse_loop_device(loop_device)
    if loop_device is not None and point is None:
        raise ValueError(f"{loop_device!r} is not a loop-device number such as 004-004")
    stamp = (at or datetime.now()).strftime("%Y-%m-%d %H:%M:%S")
    body = [_gb2312(stamp), b"\x1b!\x08" + _gb2312(word) + b"\x1b!\x00"]
    if point is not None:
        body.insert(1, point.removeprefix("gst:").encode("ascii"))
    body += [_gb2312(text) for text in (location, device_type) if text]
    # ESC @ init, FS & Chinese on; ... FS . Chinese off, ESC J 10 feed 10 dots (an LF byte!).
    return b"\x1b@\x1c&" + b"".join(line + b"\r\n" for line in body) + b"\r\n\x1c.\x1bJ\x0a"


def _gb2312(text: str) -> bytes:
    clean = "".join(c for c in text if c.isprintable())
    return clean.encode("gb2312", errors="replace")


_COMMANDS: dict[str, str] = {
    "fire": "火警",
    "fault": "故障",
    "restore": "故障恢复",
    "disable": "屏蔽",
    "enable": "取消屏蔽",
    "start": "启动",
    "feedback": "反馈",
    "reset": "系统复位",
}

PROMPT_HELP = """\
commands (a point is LLL-DDD, e.g. 004-004; location and device type are optional):
  fire POINT [LOCATION] [DEVICE-TYPE]     火警 (首次火警 for the first since reset)
  fault | restore | disable | enable | start | feedback  POINT [LOCATION] [DEVICE-TYPE]
  reset                                    系统复位
  help, quit
"""


class _Prompt:
    """The state of a simulated panel: whether a fire has been printed since the last reset."""

    def __init__(self, port: Any, stdout: TextIO) -> None:
        self.port, self.stdout = port, stdout
        self.fire_since_reset = False

    def run_line(self, line: str) -> bool:
        """Carry out one command; False when the session should end."""
        try:
            words = shlex.split(line)
        except ValueError as exc:
            self.stdout.write(f"? {exc}\n")
            return True
        if not words:
            return True
        command, args = words[0].lower(), words[1:]
        if command in ("quit", "exit"):
            return False
        if command == "help" or command not in _COMMANDS:
            self.stdout.write(PROMPT_HELP if command == "help" else f"? unknown: {command}\n")
            return True
        self._print(command, args)
        return True

    def _print(self, command: str, args: list[str]) -> None:
        word = _COMMANDS[command]
        if command == "reset":
            self.fire_since_reset = False
            loop_device, location, device_type = None, "", ""
        elif not args:
            self.stdout.write(f"? {command} needs a point such as 004-004\n")
            return
        else:
            loop_device, location, device_type = args[0], _arg(args, 1), " ".join(args[2:])
        if command == "fire":
            word = "火警" if self.fire_since_reset else "首次火警"
        try:
            block = format_block(word, loop_device, location, device_type)
        except ValueError as exc:
            self.stdout.write(f"? {exc}\n")
            return
        self.fire_since_reset = self.fire_since_reset or command == "fire"
        self.port.write(block)
        self.port.flush()
        self.stdout.write(f"printed {word} {loop_device or ''} ({len(block)} bytes)\n")


def _arg(args: list[str], index: int) -> str:
    return args[index] if index < len(args) else ""


def run_prompt(port_url: str, stdin: TextIO, stdout: TextIO, *, baudrate: int = 9600) -> int:
    """Read simulator commands from `stdin` and print blocks on `port_url`; 0 at quit/EOF."""
    port = serial.serial_for_url(port_url, baudrate=baudrate, write_timeout=2)
    try:
        prompt = _Prompt(port, stdout)
        stdout.write("GST printer-port simulator; 'help' lists the commands.\n")
        for line in stdin:
            if not prompt.run_line(line):
                break
    finally:
        port.close()
    return 0
