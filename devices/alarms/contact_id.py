"""Contact ID reports from an alarm receiver's serial output (Sur-Gard MLR2 style).

The receiver prints one line per report, each terminated by DC4 (0x14):

    5RRL 18AAAAQXYZGGCCC<DC4>     e.g. b"5011 181234E13001005\\x14"

    5     fixed: a Contact ID report
    RR    receiver number, L line number (hex digits, as receivers number them)
    ' '   one space
    18    the Contact ID identifier
    AAAA  account, 4 hex digits
    Q     qualifier: E new event / opening, R restore / closing, P previous, still present
    XYZ   event code, 3 digits (1xx alarms, 3xx troubles, 4xx open/close, 5xx bypass, 6xx test)
    GG    partition, 2 digits
    CCC   zone (or user number for open/close), 3 digits

and, about every 30 s, a heartbeat: b"1011           @    \\x14" (1RRL, spaces, '@', spaces).

The console answers every line: ACK (0x06) once it is done with the line, NAK (0x15) for a
line it cannot parse. On NAK, or without an answer within 4 s, the receiver sends the line
again. So ACK is a promise that the report is safe: the driver calls `sink(event)`, which
returns only after the event is committed to the database, and ACKs after that and never
before. If the sink raises, the driver NAKs and the receiver resends. A resend after a lost
ACK carries the same `dedup_key` (the line's text), by which the core stores it as a
duplicate rather than a second alarm.

The module holds the pure parser (`parse_line`, `to_event`), the driver (`ContactIdDriver`)
and a receiver simulator for installers and demos (`format_report`, `ContactIdSimulator`).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TextIO

import serial

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
)

if TYPE_CHECKING:
    from console.core.site import ContactIdSource

log = logging.getLogger(__name__)

DC4 = 0x14  # ends every line
ACK = b"\x06"
NAK = b"\x15"
MAX_LINE = 256  # a longer line is discarded and NAKed
ACK_DEADLINE_S = 4.0  # the receiver resends when the answer takes longer
READ_TIMEOUT_S = 0.1  # how often the driver loop looks at `stopping` and the link watchdog

Qualifier = Literal["E", "R", "P"]
_QUALIFIERS: dict[str, Qualifier] = {"E": "E", "R": "R", "P": "P"}


# ---------------------------------------------------------------------------------------------
# Parsing


class CidParseError(ValueError):
    """A line that is neither a Contact ID report nor a heartbeat; the message says why."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.column = column  # 1-based, in the line without surrounding whitespace


@dataclass(frozen=True)
class CidReport:
    receiver: str  # "01"
    line: str  # "1"
    account: str  # 4 hex digits, upper case
    qualifier: Qualifier
    event: int  # XYZ, 0..999
    partition: str  # "01"
    zone: str  # "005"

    @property
    def code(self) -> str:
        """Qualifier and event code, e.g. "E110"."""
        return f"{self.qualifier}{self.event:03d}"

    @property
    def point(self) -> str:
        """The zone's point in the site file's canonical form, e.g. "cid:1234:005"."""
        return f"cid:{self.account}:{self.zone}"

    @property
    def text(self) -> str:
        """The report's line without its terminator, e.g. "5011 181234E13001005"."""
        return f"5{self.receiver}{self.line} 18{self.account}{self.code}{self.partition}{self.zone}"


@dataclass(frozen=True)
class Heartbeat:
    receiver: str
    line: str


_HEX = frozenset("0123456789ABCDEFabcdef")
_DIGITS = frozenset("0123456789")
_STRIP = b" \t\r\n\x0b\x0c\x14"  # whitespace around a line, and its DC4 if it is still there
_HEARTBEAT = re.compile(r"1([0-9A-Fa-f]{2})([0-9A-Fa-f]) +@")
_REPORT_LEN = 20
_REPORT_FORMAT = "5RRL 18AAAAQXYZGGCCC"


def _all_in(allowed: frozenset[str]) -> Callable[[str], bool]:
    return lambda value: all(char in allowed for char in value)


# (what, first column (0-based), length, check, what it must be)
_FIELDS: tuple[tuple[str, int, int, Callable[[str], bool], str], ...] = (
    ("receiver number", 1, 2, _all_in(_HEX), "2 hex digits"),
    ("line number", 3, 1, _all_in(_HEX), "a hex digit"),
    ("separator", 4, 1, " ".__eq__, "a space"),
    ("Contact ID identifier", 5, 2, "18".__eq__, '"18"'),
    ("account", 7, 4, _all_in(_HEX), "4 hex digits"),
    ("qualifier", 11, 1, _all_in(frozenset("ERP")), "E, R or P"),
    ("event code", 12, 3, _all_in(_DIGITS), "3 digits"),
    ("partition", 15, 2, _all_in(_DIGITS), "2 digits"),
    ("zone", 17, 3, _all_in(_DIGITS), "3 digits"),
)


def parse_line(line: bytes) -> CidReport | Heartbeat:
    """One line from the receiver (surrounding whitespace and its DC4 allowed), parsed.

    Raises CidParseError, naming the field and column, for anything else.
    """
    text = line.strip(_STRIP).decode("latin-1")
    if not text:
        raise CidParseError("empty line")
    if text[0] == "1":
        return _parse_heartbeat(text)
    if text[0] != "5":
        raise CidParseError(
            f"{printable(text)!r}: starts with {printable(text[0])!r}, expected '5' (a report)"
            " or '1' (a heartbeat)",
            column=1,
        )
    return _parse_report(text)


def _parse_heartbeat(text: str) -> Heartbeat:
    match = _HEARTBEAT.fullmatch(text)
    if match is None:
        raise CidParseError(f"{printable(text)!r}: a heartbeat is 1RRL, spaces, then '@'")
    return Heartbeat(receiver=match.group(1).upper(), line=match.group(2).upper())


def _parse_report(text: str) -> CidReport:
    shown = printable(text)
    if len(text) < _REPORT_LEN:
        raise CidParseError(
            f"{shown!r}: too short ({len(text)} characters); a report is {_REPORT_LEN},"
            f" {_REPORT_FORMAT}",
            column=len(text) + 1,
        )
    if len(text) > _REPORT_LEN:
        raise CidParseError(
            f"{shown!r}: {printable(text[_REPORT_LEN:])!r} after column {_REPORT_LEN};"
            f" a report is {_REPORT_FORMAT}",
            column=_REPORT_LEN + 1,
        )
    for what, start, length, check, must_be in _FIELDS:
        value = text[start : start + length]
        if not check(value):
            raise CidParseError(
                f"{shown!r}: {what} {printable(value)!r} at column {start + 1} must be {must_be}",
                column=start + 1,
            )
    return CidReport(
        receiver=text[1:3].upper(),
        line=text[3].upper(),
        account=text[7:11].upper(),
        qualifier=_QUALIFIERS[text[11]],
        event=int(text[12:15]),
        partition=text[15:17],
        zone=text[17:20],
    )


# ---------------------------------------------------------------------------------------------
# Reports as device events

# The common Contact ID event codes, in a few words each.
_DESCRIPTIONS: dict[int, str] = {
    100: "medical",
    101: "personal emergency",
    110: "fire",
    111: "smoke",
    112: "combustion",
    113: "water flow",
    114: "heat",
    115: "pull station",
    116: "duct",
    117: "flame",
    118: "fire near alarm",
    120: "panic",
    121: "duress",
    122: "silent panic",
    123: "audible panic",
    130: "burglary",
    131: "perimeter",
    132: "interior",
    133: "24-hour burglary",
    134: "entry/exit",
    135: "day/night",
    136: "outdoor",
    137: "tamper",
    138: "burglary near alarm",
    139: "intrusion verifier",
    140: "general alarm",
    143: "expansion module failure",
    144: "sensor tamper",
    145: "expansion module tamper",
    146: "silent burglary",
    147: "sensor supervision failure",
    150: "24-hour non-burglary",
    151: "gas detected",
    154: "water leakage",
    158: "high temperature",
    162: "carbon monoxide",
    200: "fire supervisory",
    300: "system trouble",
    301: "AC loss",
    302: "low system battery",
    305: "system reset",
    306: "panel programming changed",
    309: "battery test failure",
    311: "battery missing",
    320: "sounder/relay trouble",
    321: "bell 1 trouble",
    330: "peripheral trouble",
    333: "expansion module failure",
    344: "RF receiver jam",
    350: "communication trouble",
    351: "telephone line 1 fault",
    354: "failure to communicate",
    373: "fire loop trouble",
    380: "sensor trouble",
    381: "loss of RF supervision",
    383: "sensor tamper",
    384: "RF low battery",
    400: "open/close",
    401: "open/close by user",
    403: "automatic open/close",
    407: "remote arm/disarm",
    408: "quick arm",
    409: "keyswitch open/close",
    441: "armed stay",
    570: "zone bypass",
    571: "fire bypass",
    572: "24-hour zone bypass",
    573: "burglary bypass",
    574: "group bypass",
    601: "manual test",
    602: "periodic test",
    603: "periodic RF transmission",
    604: "fire test",
    607: "walk test mode",
    608: "periodic test, trouble present",
}

_GROUPS = {
    1: "alarm",
    2: "supervisory",
    3: "trouble",
    4: "open/close",
    5: "bypass/disable",
    6: "test",
}


def describe(event: int) -> str:
    """A few English words for a Contact ID event code, e.g. 111 -> "smoke"."""
    known = _DESCRIPTIONS.get(event)
    if known is not None:
        return known
    return f"{_GROUPS.get(event // 100, 'event')} {event:03d}"


def event_type(qualifier: Qualifier, event: int) -> EventType:
    """What the console makes of a report: alarm, restore, trouble, ..."""
    group = event // 100
    restore = qualifier == "R"
    if group == 1:
        return EventType.RESTORE if restore else EventType.ALARM
    if group == 3:
        return EventType.TROUBLE_RESTORE if restore else EventType.TROUBLE
    if group == 5:
        return EventType.INFO if restore else EventType.DISABLED
    if group == 6:
        return EventType.TEST
    return EventType.INFO


_KIND_BY_CODE: dict[int, str] = {
    **{code: "infrared" for code in (130, 132, 133, 134, 135, 138, 139, 146)},
    **{code: "perimeter" for code in (131, 136)},
    **{code: "tamper" for code in (137, 144, 145)},
    **{code: "fault" for code in (141, 142, 143, 147)},
}


def kind_hint(event: int) -> str | None:
    """The zone kind a Contact ID code implies (see base.KIND_HINTS), or None."""
    if 110 <= event <= 119:
        return "fire"
    if 120 <= event <= 129:
        return "panic"
    if 300 <= event <= 399:
        return "fault"
    # 100-102 medical, 140 general alarm, 15x/16x environmental: no zone kind of ours.
    return _KIND_BY_CODE.get(event)


def to_event(source_id: str, report: CidReport, raw: bytes) -> DeviceEvent:
    """The device event for a parsed report; `raw` is the line as it arrived."""
    return DeviceEvent(
        source_id=source_id,
        type=event_type(report.qualifier, report.event),
        point=report.point,
        code=report.code,
        text=describe(report.event),
        raw=printable(raw),
        kind_hint=kind_hint(report.event),
        dedup_key=report.text,
    )


# ---------------------------------------------------------------------------------------------
# Framing


@dataclass(frozen=True)
class Overlong:
    """A line that grew past MAX_LINE bytes without its DC4; `head` is how it started."""

    head: bytes


class LineFramer:
    """Cuts a byte stream into DC4-terminated lines (without the DC4).

    A line longer than `max_len` is reported once as `Overlong` as soon as it gets too long;
    the rest of it, up to the next DC4, is dropped.
    """

    def __init__(self, max_len: int = MAX_LINE) -> None:
        self.max_len = max_len
        self._buf = bytearray()
        self._skipping = False

    def feed(self, data: bytes) -> list[bytes | Overlong]:
        out: list[bytes | Overlong] = []
        for piece_end, piece in self._pieces(data):
            if self._skipping:
                self._skipping = not piece_end
                continue
            self._buf += piece
            if len(self._buf) > self.max_len:
                out.append(Overlong(bytes(self._buf[:32])))
                self._buf.clear()
                self._skipping = not piece_end
            elif piece_end:
                out.append(bytes(self._buf))
                self._buf.clear()
        return out

    @staticmethod
    def _pieces(data: bytes) -> Iterable[tuple[bool, bytes]]:
        """(ends_with_dc4, bytes before it) for each part of `data`."""
        parts = data.split(bytes([DC4]))
        for part in parts[:-1]:
            yield True, part
        yield False, parts[-1]


# ---------------------------------------------------------------------------------------------
# The driver

Reply = Callable[[bytes], Any]


class ContactIdDriver(ThreadDriver):
    """Reads one receiver's serial line, stores its reports, and answers ACK / NAK."""

    thread_name = "contact-id"

    def __init__(
        self,
        source: ContactIdSource,
        sink: Sink,
        status: StatusFn,
        *,
        heartbeat_s: float | None = None,
    ) -> None:
        super().__init__((source.id,), sink, status)
        self.source = source
        self.source_id = source.id
        self.heartbeat_s = float(source.heartbeat_s if heartbeat_s is None else heartbeat_s)
        if self.heartbeat_s <= 0:
            raise ValueError(f"heartbeat_s must be positive, not {self.heartbeat_s}")
        self.framer = LineFramer()
        # Set while the port is open. Opening a serial port drops what was already waiting
        # in it (the receiver resends that), so a peer wanting every byte read waits for this.
        self.port_open = threading.Event()
        self._backoff = Backoff()
        self._port_failure = FailureLog(log, f"contact-id {source.id} on {source.port}")
        self._store_failing = False
        self._last_line = time.monotonic()
        self._link_reported: bool | None = None  # the last link state given to `status`
        self._fault_stored = False  # a COMM_FAULT event is stored and not yet restored
        self._fault_retry_at = 0.0

    # --- the thread ---------------------------------------------------------------------------

    def run(self) -> None:
        self._last_line = time.monotonic()
        while not self.stopping.is_set():
            port = self._open()
            if port is None:
                return
            self.port_open.set()
            try:
                self._serve(port)
            except (OSError, serial.SerialException) as exc:
                self.port_open.clear()
                port.close()  # not held open through the backoff
                self._port_failed(f"lost the port: {exc}")
            finally:
                self.port_open.clear()
                port.close()

    def _open(self) -> Any:
        """The open port, or None once stopping; retries with backoff meanwhile."""
        src = self.source
        while not self.stopping.is_set():
            try:
                return open_serial(src, timeout=READ_TIMEOUT_S, write_timeout=1.0)
            except (OSError, ValueError, serial.SerialException) as exc:
                self._port_failed(f"cannot open: {exc}")
        return None

    def _port_failed(self, reason: str) -> None:
        if not self._port_failure.failing:
            self._set_link(False, f"{self.source.port}: {reason}")
        self._port_failure.failed(reason)
        self._pause(self._backoff.next())

    def _pause(self, delay: float) -> None:
        """Waits `delay` seconds (less when stopping) while watching the link."""
        end = time.monotonic() + delay
        while not self.stopping.is_set():
            self.check_link()
            left = end - time.monotonic()
            if left <= 0:
                return
            self.stopping.wait(min(left, READ_TIMEOUT_S))

    def _serve(self, port: Any) -> None:
        while not self.stopping.is_set():
            data: bytes = port.read(1)
            if data:
                data += port.read(port.in_waiting)
                self.feed(data, port.write)
            self.check_link()

    # --- lines --------------------------------------------------------------------------------

    def feed(self, data: bytes, reply: Reply) -> None:
        """Handles bytes from the receiver, answering each complete line through `reply`."""
        for frame in self.framer.feed(data):
            if isinstance(frame, Overlong):
                self._bad_line(frame.head, reply, f"longer than {MAX_LINE} bytes without DC4")
                self.stats["lines_overlong"] += 1
            elif frame.strip(_STRIP):
                self.handle_line(frame, reply)

    def handle_line(self, line: bytes, reply: Reply) -> None:
        """One line (without its DC4): parse, store, answer."""
        try:
            parsed = parse_line(line)
        except CidParseError as exc:
            self._bad_line(line, reply, str(exc))
            return
        self.stats["lines_ok"] += 1
        self._line_arrived()
        if isinstance(parsed, Heartbeat):
            self.stats["heartbeats"] += 1
            reply(ACK)
            return
        self._store_and_answer(parsed, line + bytes([DC4]), reply)

    def _bad_line(self, line: bytes, reply: Reply, reason: str) -> None:
        self.stats["lines_bad"] += 1
        log.warning("contact-id %s: NAK for %s: %s", self.source_id, printable(line), reason)
        reply(NAK)

    def _store_and_answer(self, report: CidReport, raw: bytes, reply: Reply) -> None:
        event = to_event(self.source_id, report, raw)
        started = time.monotonic()
        try:
            self.sink(event)
        except Exception:
            self.stats["nak_store_failed"] += 1
            # The first failure of a run with its traceback, repeats quietly (DB down: every
            # resend fails the same way).
            log.log(
                logging.DEBUG if self._store_failing else logging.ERROR,
                "contact-id %s: could not store %s; NAK, the receiver will resend",
                self.source_id,
                report.text,
                exc_info=True,
            )
            self._store_failing = True
            reply(NAK)
            return
        if self._store_failing:
            log.info("contact-id %s: storing reports again", self.source_id)
            self._store_failing = False
        self.stats["events"] += 1
        took = time.monotonic() - started
        if took > ACK_DEADLINE_S:
            log.warning(
                "contact-id %s: storing %s took %.1f s; the receiver will have resent it",
                self.source_id,
                report.text,
                took,
            )
        reply(ACK)  # only now: the event is committed

    # --- link watchdog ------------------------------------------------------------------------

    def _line_arrived(self) -> None:
        self._last_line = time.monotonic()
        self._backoff.reset()
        self._port_failure.ok()
        if self._fault_stored and self._emit(EventType.COMM_RESTORE, "receiver heard again"):
            self._fault_stored = False
        if self._link_reported is not True:
            self._set_link(True, f"receiving on {self.source.port}")

    def check_link(self, now: float | None = None) -> None:
        """Reports a link fault once nothing valid arrived for two heartbeat periods.

        Called by the driver loop at least every READ_TIMEOUT_S.
        """
        now = time.monotonic() if now is None else now
        silent = now - self._last_line
        if silent <= 2 * self.heartbeat_s or self._fault_stored or now < self._fault_retry_at:
            return
        detail = f"heartbeat missing: nothing from the receiver for {silent:.0f} s"
        if self._emit(EventType.COMM_FAULT, detail):
            self._fault_stored = True
        else:
            self._fault_retry_at = now + self.heartbeat_s
        if self._link_reported is not False:
            self._set_link(False, detail)

    def _emit(self, type_: EventType, text: str) -> bool:
        """Stores a source-level event; False (logged) if the sink failed."""
        try:
            self.sink(DeviceEvent(source_id=self.source_id, type=type_, point=None, text=text))
        except Exception:
            log.exception("contact-id %s: could not store the %s event", self.source_id, type_)
            return False
        self.stats[type_.value] += 1
        return True

    def _set_link(self, ok: bool, detail: str) -> None:
        self._link_reported = ok
        self.status(self.source_id, ok, detail)


# ---------------------------------------------------------------------------------------------
# Receiver simulator

HEARTBEAT_LINE = b"1011           @    \x14"
NO_ANSWER = "no answer"


def heartbeat_line() -> bytes:
    """A receiver heartbeat, DC4 included."""
    return HEARTBEAT_LINE


def format_report(
    account: str,
    qualifier: str,
    code: int | str,
    partition: int | str,
    zone: int | str,
    receiver: int = 1,
    line: int = 1,
) -> bytes:
    """A report line as a receiver prints it, DC4 included; ValueError for a bad field."""
    if len(account) != 4 or not all(char in _HEX for char in account):
        raise ValueError(f"account {account!r} must be 4 hex digits")
    if qualifier.upper() not in _QUALIFIERS:
        raise ValueError(f"qualifier {qualifier!r} must be E, R or P")
    text = (
        f"5{_number('receiver', receiver, 2)}{_number('line', line, 1)} 18{account.upper()}"
        f"{qualifier.upper()}{_number('event code', code, 3)}"
        f"{_number('partition', partition, 2)}{_number('zone', zone, 3)}"
    )
    return text.encode("ascii") + bytes([DC4])


def _number(what: str, value: int | str, width: int) -> str:
    if isinstance(value, str):
        if not value or not all(char in _DIGITS for char in value):
            raise ValueError(f"{what} {value!r} must be digits")
        value = int(value)
    if not 0 <= value < 10**width:
        raise ValueError(f"{what} {value} must have at most {width} digits")
    return f"{value:0{width}d}"


class ContactIdSimulator:
    """Plays an alarm receiver on a serial port: sends lines, waits for ACK, resends.

    Sends a heartbeat every `heartbeat_s` seconds (the first at once) from its own thread;
    heartbeat_s=0 sends none. Call `close()` (or use it as a context manager) when done.
    """

    def __init__(self, port_url: str, heartbeat_s: float = 30.0, *, baudrate: int = 9600) -> None:
        self.port_url = port_url
        self.heartbeat_s = heartbeat_s
        self._port: Any = serial.serial_for_url(
            port_url, baudrate=baudrate, timeout=READ_TIMEOUT_S, write_timeout=1.0
        )
        self._lock = threading.Lock()  # one line in flight, as on the real wire
        self._closing = threading.Event()
        self._thread: threading.Thread | None = None
        if heartbeat_s > 0:
            self._thread = threading.Thread(
                target=self._heartbeats, name=f"contact-id-sim:{port_url}", daemon=True
            )
            self._thread.start()

    def __enter__(self) -> ContactIdSimulator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._closing.set()
        if self._thread is not None:
            self._thread.join(ACK_DEADLINE_S + 1)
        with self._lock:
            self._port.close()

    def send(self, report: bytes, timeout: float = ACK_DEADLINE_S, retries: int = 3) -> bool:
        """Sends `report` until ACKed, at most 1 + `retries` times; True if it was ACKed."""
        return self.exchange(report, timeout, retries)[-1] == "ACK"

    def exchange(
        self, report: bytes, timeout: float = ACK_DEADLINE_S, retries: int = 3
    ) -> list[str]:
        """Like `send`, returning the answer to each try: "ACK", "NAK" or NO_ANSWER."""
        answers: list[str] = []
        with self._lock:
            for _ in range(1 + retries):
                self._port.reset_input_buffer()
                self._port.write(report)
                answers.append(self._answer(timeout))
                if answers[-1] == "ACK" or self._closing.is_set():
                    break
        return answers

    def _answer(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self._closing.is_set():
            byte = self._port.read(1)
            if byte == ACK:
                return "ACK"
            if byte == NAK:
                return "NAK"
        return NO_ANSWER

    def _heartbeats(self) -> None:
        wait = 0.0
        while not self._closing.wait(wait):
            try:
                answers = self.exchange(HEARTBEAT_LINE, retries=0)
            except (OSError, serial.SerialException) as exc:
                log.warning("contact-id simulator: heartbeat not sent: %s", exc)
            else:
                log.debug("contact-id simulator: heartbeat: %s", answers[-1])
            wait = self.heartbeat_s

    def run_prompt(self, stdin: TextIO, stdout: TextIO) -> None:
        """Reads commands until "quit" or end of input, printing the answers to each line."""
        print(PROMPT_HELP, file=stdout, flush=True)
        for command in stdin:
            words = command.split()
            if not words:
                continue
            if words[0].lower() in ("quit", "exit", "q"):
                return
            try:
                line = _command_line(words)
            except ValueError as exc:
                print(f"? {exc}", file=stdout, flush=True)
                continue
            answers = self.exchange(line)
            verdict = "" if answers[-1] == "ACK" else " (gave up)"
            print(f"{printable(line)}: {', '.join(answers)}{verdict}", file=stdout, flush=True)


PROMPT_HELP = "commands: E|R|P ACCOUNT CODE PARTITION ZONE (e.g. E 1234 130 01 005), hb, quit"


def _command_line(words: list[str]) -> bytes:
    """The line a simulator command stands for; ValueError with usage for a bad one."""
    if len(words) == 1 and words[0].lower() in ("hb", "heartbeat"):
        return HEARTBEAT_LINE
    if words[0].upper() in _QUALIFIERS and len(words) == 5:
        qualifier, account, code, partition, zone = words
        return format_report(account, qualifier, code, partition, zone)
    raise ValueError(f"not understood: {' '.join(words)!r}; {PROMPT_HELP}")
