"""Modbus RTU and Modbus TCP alarm sources: poll points, turn changes into `DeviceEvent`s.

Points are the site file's canonical texts: `di:N` and `coil:N` (a bit, function 02 / 01) and
`hr:N.B` / `ir:N.B` (bit B, 0 = least significant, of register N, function 03 / 04). A point
that reads 1 is active, i.e. in alarm.

- `parse_point`, `plan_reads` and `decode` are pure: which reads cover a unit's points (few
  reads, within the protocol's size limits, no huge gaps) and what a read's values mean.
- A hub owns one physical line and one sync pymodbus client, and polls every source (unit id)
  on that line from its one thread: `ModbusRtuHub` for a serial port (an RS-485 bus with
  several units; it keeps the inter-frame gap between frames), `ModbusTcpHub` for a host:port.
  `build_hubs` groups sources onto hubs by `hub_key`.
- Per source: the first good poll sets the baseline (points already active are reported as
  ALARM, so an alarm present at start is not missed); then 0→1 is ALARM and 1→0 RESTORE.
  `FAULT_AFTER` failed polls in a row give one COMM_FAULT; the next good poll a COMM_RESTORE and
  the changes that happened meanwhile. A change whose event the sink refused is kept pending and
  delivered again on the next poll.
- `ModbusSimulator` / `run_tcp_simulator`: a pymodbus TCP server whose tables installers change
  from a prompt (`on 1 di 3`, `set 1 hr 10 2048`, `show`, `quit`).

Qt-free and database-free; the pymodbus clients are the sync ones, used on driver threads only.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from pymodbus.client import ModbusSerialClient, ModbusTcpClient
from pymodbus.datastore import (
    ModbusDeviceContext,
    ModbusSequentialDataBlock,
    ModbusServerContext,
)
from pymodbus.exceptions import ModbusException, ModbusIOException
from pymodbus.framer import FramerType
from pymodbus.pdu import ModbusPDU
from pymodbus.server import ModbusBaseServer, ModbusTcpServer

from console.core.site import (
    ModbusRtuSource,
    ModbusSettings,
    ModbusTcpSource,
    normalize_point,
)
from devices.alarms.base import (
    Backoff,
    DeviceEvent,
    EventType,
    FailureLog,
    Sink,
    StatusFn,
    ThreadDriver,
)

log = logging.getLogger(__name__)

BIT_TABLES = ("di", "coil")
REGISTER_TABLES = ("hr", "ir")
MAX_BITS = 2000  # per read, functions 01/02
MAX_REGISTERS = 125  # per read, functions 03/04
MAX_GAP = 32  # unused addresses a read may span before it is split in two
FAULT_AFTER = 3  # failed polls in a row that make a communication fault (通讯故障)
FAST_BAUD_GAP_S = 0.00175  # the fixed inter-frame gap above 19200 baud

ModbusSource = ModbusRtuSource | ModbusTcpSource
Client = ModbusSerialClient | ModbusTcpClient


# ---------------------------------------------------------------------------------------------
# Points, reads, decoding


@dataclass(frozen=True, order=True)
class Point:
    """One zone point: a bit in a table (`bit` None) or bit `bit` of a register."""

    table: str  # di, coil, hr or ir
    address: int
    bit: int | None = None

    @property
    def text(self) -> str:
        """The canonical text, as in the site file: di:3, hr:10.11."""
        if self.bit is None:
            return f"{self.table}:{self.address}"
        return f"{self.table}:{self.address}.{self.bit}"

    def __str__(self) -> str:
        return self.text


def parse_point(text: str) -> Point:
    """`di:N`, `coil:N`, `hr:N.B` or `ir:N.B` as a Point, or ValueError."""
    try:
        canonical = normalize_point("modbus-tcp", text.strip())
    except ValueError as exc:
        raise ValueError(f"bad modbus point {text!r}: {exc}") from None
    table, rest = canonical.split(":")
    address, _, bit = rest.partition(".")
    return Point(table, int(address), int(bit) if bit else None)


@dataclass(frozen=True)
class Read:
    """One request: `count` bits or registers of `table` from `address`, covering `points`."""

    table: str
    address: int
    count: int
    points: tuple[Point, ...]

    @property
    def bits(self) -> bool:
        return self.table in BIT_TABLES

    def __str__(self) -> str:
        return f"{self.table}:{self.address}..{self.address + self.count - 1}"


def plan_reads(points: Iterable[Point]) -> list[Read]:
    """As few reads as cover one unit's points: contiguous spans per table, at most MAX_BITS
    bits or MAX_REGISTERS registers each, split where more than MAX_GAP addresses go unused."""
    by_table: dict[str, set[Point]] = {}
    for point in points:
        by_table.setdefault(point.table, set()).add(point)
    reads: list[Read] = []
    for table in (*BIT_TABLES, *REGISTER_TABLES):
        if table in by_table:
            reads += _plan_table(table, sorted(by_table[table]))
    return reads


def _plan_table(table: str, points: list[Point]) -> list[Read]:
    """Greedy left to right over sorted points; optimal for a fixed maximum span."""
    limit = MAX_BITS if table in BIT_TABLES else MAX_REGISTERS
    spans: list[list[Point]] = []
    for point in points:
        span = spans[-1] if spans else None
        if (
            span is not None
            and point.address - span[-1].address - 1 <= MAX_GAP
            and point.address - span[0].address < limit
        ):
            span.append(point)
        else:
            spans.append([point])
    return [
        Read(table, span[0].address, span[-1].address - span[0].address + 1, tuple(span))
        for span in spans
    ]


def decode(read: Read, values: Sequence[bool | int]) -> dict[str, bool]:
    """Each of the read's points (canonical text) → active, from the values the device sent.

    Bit responses come padded to whole bytes, so more values than `count` are fine; fewer are
    a broken response (ValueError).
    """
    if len(values) < read.count:
        raise ValueError(f"{read}: {len(values)} values in the response, expected {read.count}")
    states: dict[str, bool] = {}
    for point in read.points:
        value = values[point.address - read.address]
        if point.bit is None:
            states[point.text] = bool(value)
        else:
            states[point.text] = bool((int(value) >> point.bit) & 1)
    return states


def inter_frame_gap(
    baudrate: int, bytesize: int = 8, parity: str = "N", stopbits: float = 1
) -> float:
    """RTU silence between frames in seconds: 3.5 character times, a fixed 1.75 ms above
    19200 baud (Modbus over serial line, 2.5.1.1)."""
    if baudrate > 19200:
        return FAST_BAUD_GAP_S
    char_bits = 1 + bytesize + (0 if parity == "N" else 1) + stopbits
    return 3.5 * char_bits / baudrate


# ---------------------------------------------------------------------------------------------
# Hubs: one line, one client, one thread


class _PollFailed(Exception):
    """A poll of one source did not complete; the message says why, for people."""


@dataclass
class _Poller:
    """One source on a hub: what to read and what was last known."""

    source_id: str
    unit: int
    interval_s: float
    timeout_s: float
    reads: list[Read]
    failure_log: FailureLog
    sink_log: FailureLog
    state: dict[str, bool] = field(default_factory=dict)  # all False until the first good poll
    next_due: float = 0.0
    failures: int = 0  # failed polls in a row
    faulted: bool = False  # COMM_FAULT delivered, COMM_RESTORE not yet
    link_up: bool | None = None  # as last told to status()


class _ModbusHub(ThreadDriver):
    """Polls every source on one line in turn, each at its own poll_ms. Subclasses make the
    client and say whether a timeout leaves the link usable."""

    close_on_timeout = False  # TCP: a late reply would be read as the next one's, so reconnect
    gap_s = 0.0  # silence kept between the end of one frame and the next request

    def __init__(
        self,
        line: str,
        sources: Sequence[tuple[ModbusSettings, Sequence[str]]],
        sink: Sink,
        status: StatusFn,
    ) -> None:
        if not sources:
            raise ValueError(f"{line}: a modbus hub needs at least one source")
        _check_units(line, [source for source, _ in sources])
        super().__init__(tuple(source.id for source, _ in sources), sink, status)
        self.line = line
        self._pollers = [self._poller(source, points) for source, points in sources]
        self._client = self._make_client(max(p.timeout_s for p in self._pollers))
        self._backoff = Backoff(first=0.5, cap=10.0)
        self._connect_after = 0.0
        self._connect_error = ""
        self._connected_once = False
        self._last_frame = 0.0

    def _poller(self, source: ModbusSettings, points: Sequence[str]) -> _Poller:
        parsed = [parse_point(text) for text in points]
        what = f"modbus {source.id} (unit {source.unit} on {self.line})"
        return _Poller(
            source_id=source.id,
            unit=source.unit,
            interval_s=source.poll_ms / 1000,
            timeout_s=source.timeout_ms / 1000,
            reads=plan_reads(parsed),
            failure_log=FailureLog(log, what),
            sink_log=FailureLog(log, f"{what}, storing events"),
            state={point.text: False for point in parsed},
        )

    def _make_client(self, timeout_s: float) -> Client:
        raise NotImplementedError

    # -- the loop ------------------------------------------------------------------------------

    def run(self) -> None:
        pollers = [p for p in self._pollers if p.reads]
        for idle in (p for p in self._pollers if not p.reads):
            self._set_link(idle, False, "no zone points on this source; nothing is polled")
        try:
            while pollers and not self.stopping.is_set():
                poller = min(pollers, key=lambda p: p.next_due)
                if self.stopping.wait(max(0.0, poller.next_due - time.monotonic())):
                    break
                self._poll(poller)
                poller.next_due = max(poller.next_due + poller.interval_s, time.monotonic())
            self.stopping.wait()
        finally:
            self._client.close()

    def _poll(self, poller: _Poller) -> None:
        try:
            states = self._read_source(poller)
        except _PollFailed as exc:
            self._poll_failed(poller, str(exc))
            return
        if states is not None:  # None: stopped half way
            self._poll_ok(poller, states)

    def _read_source(self, poller: _Poller) -> dict[str, bool] | None:
        self._client.comm_params.timeout_connect = poller.timeout_s
        self._ensure_connected()
        states: dict[str, bool] = {}
        for read in poller.reads:
            if self.stopping.is_set():
                return None
            values = self._transact(read, poller.unit)
            try:
                states.update(decode(read, values))
            except ValueError as exc:
                raise _PollFailed(str(exc)) from None
        return states

    def _ensure_connected(self) -> None:
        """Open the line, at most as often as the backoff allows; _PollFailed if it is not."""
        if self._client.connected:
            return
        now = time.monotonic()
        if now >= self._connect_after:
            if self._client.connect():
                self._backoff.reset()
                self.stats["reconnects" if self._connected_once else "connects"] += 1
                self._connected_once = True
                return
            self._connect_after = now + self._backoff.next()
            self._connect_error = f"cannot open {self.line}"
        raise _PollFailed(self._connect_error)

    def _transact(self, read: Read, unit: int) -> list[bool] | list[int]:
        delay = self._last_frame + self.gap_s - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        try:
            response = self._request(read, unit)
        except ModbusIOException:
            if self.close_on_timeout:
                self._client.close()
            timeout_ms = round(self._client.comm_params.timeout_connect * 1000)
            raise _PollFailed(f"{read}: no reply within {timeout_ms} ms") from None
        except (ModbusException, OSError) as exc:
            self._client.close()
            raise _PollFailed(f"{read}: {exc}") from None
        finally:
            self._last_frame = time.monotonic()
        if response.isError():
            raise _PollFailed(f"{read}: the device refused: {response}")
        return response.bits if read.bits else response.registers

    def _request(self, read: Read, unit: int) -> ModbusPDU:
        client = self._client
        function = {
            "di": client.read_discrete_inputs,
            "coil": client.read_coils,
            "hr": client.read_holding_registers,
            "ir": client.read_input_registers,
        }[read.table]
        return function(read.address, count=read.count, device_id=unit)

    # -- outcomes ------------------------------------------------------------------------------

    def _poll_failed(self, poller: _Poller, reason: str) -> None:
        self.stats["polls_failed"] += 1
        poller.failures += 1
        poller.failure_log.failed(reason)
        if poller.failures < FAULT_AFTER or poller.faulted:
            return
        detail = f"no answer from unit {poller.unit} on {self.line}: {reason}"
        self._set_link(poller, False, detail)
        event = DeviceEvent(
            source_id=poller.source_id,
            type=EventType.COMM_FAULT,
            point=None,
            code="通讯故障",
            text=f"{FAULT_AFTER} polls in a row failed; {detail}",
            raw=reason,
        )
        poller.faulted = self._deliver(poller, event)  # not delivered: tried again next poll

    def _poll_ok(self, poller: _Poller, states: dict[str, bool]) -> None:
        self.stats["polls_ok"] += 1
        poller.failures = 0
        poller.failure_log.ok()
        self._set_link(poller, True, f"unit {poller.unit} on {self.line} answers")
        if poller.faulted:
            event = DeviceEvent(
                source_id=poller.source_id,
                type=EventType.COMM_RESTORE,
                point=None,
                code="通讯恢复",
                text=f"unit {poller.unit} on {self.line} answers again",
            )
            if not self._deliver(poller, event):
                return  # the restore goes first; the changes wait for it
            poller.faulted = False
        for point, active in states.items():
            before = poller.state[point]
            if active != before and self._deliver(poller, _change(poller, point, before, active)):
                poller.state[point] = active

    def _deliver(self, poller: _Poller, event: DeviceEvent) -> bool:
        try:
            self.sink(event)
        except Exception as exc:  # noqa: BLE001 - whatever the store raised, the event is retried
            self.stats["sink_errors"] += 1
            poller.sink_log.failed(f"{event.type} {event.point or ''} not stored, retried: {exc!r}")
            return False
        self.stats["events"] += 1
        poller.sink_log.ok()
        return True

    def _set_link(self, poller: _Poller, up: bool, detail: str) -> None:
        if poller.link_up is up:
            return
        poller.link_up = up
        try:
            self.status(poller.source_id, up, detail)
        except Exception:
            log.exception("modbus %s: the status callback failed", poller.source_id)


def _change(poller: _Poller, point: str, before: bool, active: bool) -> DeviceEvent:
    return DeviceEvent(
        source_id=poller.source_id,
        type=EventType.ALARM if active else EventType.RESTORE,
        point=point,
        code=f"{point}={int(active)}",
        text=f"unit {poller.unit} {point} {'active' if active else 'normal'}",
        raw=f"unit {poller.unit} {point} {int(before)}→{int(active)}",
    )


def _check_units(line: str, sources: Sequence[ModbusSettings]) -> None:
    seen: dict[int, str] = {}
    for source in sources:
        if source.unit in seen:
            raise ValueError(
                f"modbus sources '{seen[source.unit]}' and '{source.id}' both poll unit "
                f"{source.unit} on {line}"
            )
        seen[source.unit] = source.id


def _serial_settings(source: ModbusRtuSource) -> str:
    stopbits = f"{source.stopbits:g}"
    return f"{source.baudrate} {source.bytesize}{source.parity}{stopbits}"


class ModbusRtuHub(_ModbusHub):
    """Every Modbus RTU source on one serial port (one RS-485 bus, several unit ids)."""

    thread_name = "modbus-rtu"

    def __init__(
        self,
        sources: Sequence[tuple[ModbusRtuSource, Sequence[str]]],
        sink: Sink,
        status: StatusFn,
    ) -> None:
        if not sources:
            raise ValueError("a modbus RTU hub needs at least one source")
        self.serial = first = sources[0][0]
        for source, _ in sources[1:]:
            _check_same_line(first, source)
        self.gap_s = inter_frame_gap(first.baudrate, first.bytesize, first.parity, first.stopbits)
        super().__init__(f"serial {first.port}", sources, sink, status)

    def _make_client(self, timeout_s: float) -> Client:
        s = self.serial
        return ModbusSerialClient(
            s.port,
            framer=FramerType.RTU,
            baudrate=s.baudrate,
            bytesize=s.bytesize,
            parity=s.parity,
            stopbits=s.stopbits,  # type: ignore[arg-type]  # pyserial takes 1.5 too
            timeout=timeout_s,
            retries=0,
            name=f"modbus-rtu {s.port}",
        )


class ModbusTcpHub(_ModbusHub):
    """Every Modbus TCP source behind one host:port (a device or a gateway with unit ids)."""

    thread_name = "modbus-tcp"
    close_on_timeout = True

    def __init__(
        self,
        sources: Sequence[tuple[ModbusTcpSource, Sequence[str]]],
        sink: Sink,
        status: StatusFn,
    ) -> None:
        if not sources:
            raise ValueError("a modbus TCP hub needs at least one source")
        self.host, self.port = sources[0][0].host, sources[0][0].port
        for source, _ in sources[1:]:
            _check_same_line(sources[0][0], source)
        super().__init__(f"tcp {self.host}:{self.port}", sources, sink, status)

    def _make_client(self, timeout_s: float) -> Client:
        return ModbusTcpClient(
            self.host,
            port=self.port,
            timeout=timeout_s,
            retries=0,
            name=f"modbus-tcp {self.host}:{self.port}",
        )


def hub_key(source: ModbusSource) -> str:
    """Sources with the same key share a hub: the serial port, or the TCP host:port."""
    if isinstance(source, ModbusRtuSource):
        return f"serial:{source.port}"
    return f"tcp:{source.host.lower()}:{source.port}"


def _check_same_line(first: ModbusSource, other: ModbusSource) -> None:
    if hub_key(first) != hub_key(other):
        raise ValueError(f"modbus sources '{first.id}' and '{other.id}' are on different lines")
    if isinstance(first, ModbusRtuSource) and isinstance(other, ModbusRtuSource):
        if _serial_settings(first) != _serial_settings(other):
            raise ValueError(
                f"modbus sources '{first.id}' ({_serial_settings(first)}) and '{other.id}' "
                f"({_serial_settings(other)}) share serial port {first.port} but disagree on "
                "its settings"
            )


def build_hubs(
    sources_with_points: Iterable[tuple[ModbusSource, Sequence[str]]],
    sink: Sink,
    status: StatusFn,
) -> list[ThreadDriver]:
    """One hub per line, in the order lines first appear; ValueError on conflicting sources."""
    rtu: dict[str, list[tuple[ModbusRtuSource, Sequence[str]]]] = {}
    tcp: dict[str, list[tuple[ModbusTcpSource, Sequence[str]]]] = {}
    order: list[str] = []
    for source, points in sources_with_points:
        key = hub_key(source)
        if key not in order:
            order.append(key)
        if isinstance(source, ModbusRtuSource):
            rtu.setdefault(key, []).append((source, points))
        else:
            tcp.setdefault(key, []).append((source, points))
    hubs: list[ThreadDriver] = []
    for key in order:
        if key in rtu:
            hubs.append(ModbusRtuHub(rtu[key], sink, status))
        else:
            hubs.append(ModbusTcpHub(tcp[key], sink, status))
    return hubs


# ---------------------------------------------------------------------------------------------
# A pymodbus server on a thread, and the installers' simulator


class ModbusServerThread:
    """Runs a pymodbus server (made by `make_server`, inside the thread's event loop) until
    `stop()`. Used by the simulator and by tests as a real peer."""

    def __init__(self, make_server: Callable[[], ModbusBaseServer], name: str) -> None:
        self._make_server = make_server
        self.name = name
        self.address: tuple[str, int] | None = None  # a TCP server's bound address
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 5.0) -> None:
        """Start serving; raises RuntimeError if the server could not listen."""
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._serve()), name=self.name, daemon=True
        )
        self._thread.start()
        if not self._ready.wait(timeout):
            self.stop()
            raise RuntimeError(f"{self.name}: the server did not start in {timeout:.0f} s")
        if self._error is not None:
            self._thread.join(timeout)
            raise RuntimeError(f"{self.name}: {self._error}") from self._error

    def stop(self, timeout: float = 3.0) -> None:
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            try:
                self._loop.call_soon_threadsafe(self._stop.set)
            except RuntimeError:  # the loop closed in between: nothing left to stop
                pass
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("%s did not stop in %.1f s", self.name, timeout)

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            server = self._make_server()
            await server.serve_forever(background=True)
        except Exception as exc:  # noqa: BLE001 - handed to start(), which raises it
            self._error = exc
            self._ready.set()
            return
        if isinstance(server.transport, asyncio.Server) and server.transport.sockets:
            self.address = server.transport.sockets[0].getsockname()[:2]
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await server.shutdown()


# Function codes the datastore is addressed by, per table.
_FUNCTION_CODES = {"coil": 1, "di": 2, "hr": 3, "ir": 4}

SIMULATOR_HELP = """\
commands (UNIT: a unit id; N: an address; B: a bit 0..15, 0 = least significant):
  on UNIT di|coil N        set a discrete input or coil to 1 (active)
  off UNIT di|coil N       set it to 0
  on UNIT hr|ir N.B        set bit B of register N
  off UNIT hr|ir N.B       clear bit B of register N
  set UNIT TABLE N VALUE   set a whole value (registers 0..65535 or 0x..., bits 0 or 1)
  show [UNIT]              list every non-zero value
  help                     this text
  quit                     stop the server and leave (so does end of input)"""


@dataclass(frozen=True)
class Reply:
    """What a simulator command answers; `quit` ends the prompt."""

    text: str
    quit: bool = False


class SimulatorError(ValueError):
    """A command the simulator cannot carry out; the message says why."""


class ModbusSimulator:
    """A pymodbus TCP server with `units` devices of `size` addresses in every table, all 0,
    changed by text commands through `execute()`."""

    def __init__(self, host: str, port: int, units: Sequence[int], size: int) -> None:
        if not units or any(not 1 <= unit <= 247 for unit in units):
            raise ValueError("units must be unit ids 1..247")
        if not 1 <= size <= 65536:
            raise ValueError("size must be 1..65536 addresses")
        self.units, self.size = sorted(set(units)), size
        self.context = ModbusServerContext(
            devices={unit: simulated_device(size) for unit in self.units}, single=False
        )
        self.server = ModbusServerThread(
            lambda: ModbusTcpServer(self.context, address=(host, port)),
            name=f"modbus-simulator:{host}:{port}",
        )

    def start(self) -> None:
        self.server.start()

    def stop(self) -> None:
        self.server.stop()

    def execute(self, line: str) -> Reply:
        """Carry out one command line; errors come back as a reply starting with 'error:'."""
        words = line.replace(":", " ").split()
        if not words or words[0].startswith("#"):
            return Reply("")
        try:
            return self._command(words[0].lower(), words[1:])
        except SimulatorError as exc:
            return Reply(f"error: {exc}")

    def _command(self, verb: str, args: list[str]) -> Reply:
        if verb in ("quit", "exit"):
            return Reply("bye", quit=True)
        if verb == "help":
            return Reply(SIMULATOR_HELP)
        if verb == "show":
            return Reply(self._show(args))
        if verb in ("on", "off") and len(args) == 3:
            self._switch(self._unit(args[0]), args[1].lower(), args[2], verb == "on")
            return Reply("ok")
        if verb == "set" and len(args) == 4:
            self._set(self._unit(args[0]), args[1].lower(), args[2], args[3])
            return Reply("ok")
        raise SimulatorError(f"cannot read {' '.join([verb, *args])!r}; type help")

    def _unit(self, text: str) -> int:
        unit = _integer(text, "unit")
        if unit not in self.units:
            raise SimulatorError(f"no unit {unit}; units: {', '.join(map(str, self.units))}")
        return unit

    def _address(self, text: str) -> int:
        address = _integer(text, "address")
        if not 0 <= address < self.size:
            raise SimulatorError(f"address {address} is out of range 0..{self.size - 1}")
        return address

    def _switch(self, unit: int, table: str, where: str, on: bool) -> None:
        if table in BIT_TABLES:
            self._store(unit, table, self._address(where), int(on))
            return
        if table not in REGISTER_TABLES:
            raise SimulatorError(f"unknown table {table!r}: use di, coil, hr or ir")
        match = re.fullmatch(r"([0-9]+)\.([0-9]+)", where)
        if not match or int(match.group(2)) > 15:
            raise SimulatorError(f"{table} takes N.B (register N, bit B 0..15), not {where!r}")
        address, mask = self._address(match.group(1)), 1 << int(match.group(2))
        value = self._load(unit, table, address)
        self._store(unit, table, address, value | mask if on else value & ~mask)

    def _set(self, unit: int, table: str, where: str, text: str) -> None:
        if table not in _FUNCTION_CODES:
            raise SimulatorError(f"unknown table {table!r}: use di, coil, hr or ir")
        value = _integer(text, "value")
        high = 1 if table in BIT_TABLES else 0xFFFF
        if not 0 <= value <= high:
            raise SimulatorError(f"{table} values are 0..{high}, not {value}")
        self._store(unit, table, self._address(where), value)

    def _load(self, unit: int, table: str, address: int) -> int:
        values = self.context[unit].getValues(_FUNCTION_CODES[table], address, 1)
        return int(values[0])

    def _store(self, unit: int, table: str, address: int, value: int) -> None:
        stored = bool(value) if table in BIT_TABLES else value
        self.context[unit].setValues(_FUNCTION_CODES[table], address, [stored])

    def _show(self, args: list[str]) -> str:
        units = [self._unit(arg) for arg in args] or self.units
        lines = []
        for unit in units:
            device = self.context[unit]
            shown = []
            for table, code in _FUNCTION_CODES.items():
                for address, value in enumerate(device.getValues(code, 0, self.size)):
                    if value:
                        shown.append(_shown(table, address, int(value)))
            lines.append(f"unit {unit}: {' '.join(shown) or 'all 0'}")
        return "\n".join(lines)


def _shown(table: str, address: int, value: int) -> str:
    if table in BIT_TABLES:
        return f"{table}:{address}=1"
    bits = ",".join(str(b) for b in range(16) if value >> b & 1)
    return f"{table}:{address}=0x{value:04X}(bits {bits})"


def _integer(text: str, what: str) -> int:
    try:
        return int(text, 0)
    except ValueError:
        raise SimulatorError(f"{what} must be a number, not {text!r}") from None


def simulated_device(size: int) -> ModbusDeviceContext:
    # The device context adds 1 to every address, so the blocks start at 1.
    return ModbusDeviceContext(
        di=ModbusSequentialDataBlock(1, [False] * size),
        co=ModbusSequentialDataBlock(1, [False] * size),
        hr=ModbusSequentialDataBlock(1, [0] * size),
        ir=ModbusSequentialDataBlock(1, [0] * size),
    )


def run_tcp_simulator(
    host: str, port: int, units: list[int], size: int, stdin: TextIO, stdout: TextIO
) -> None:
    """Serve a simulated Modbus TCP device and take commands from `stdin` until quit or end of
    input; the server is stopped in every case."""
    simulator = ModbusSimulator(host, port, units, size)
    simulator.start()
    try:
        where = simulator.server.address or (host, port)
        stdout.write(
            f"modbus TCP simulator on {where[0]}:{where[1]}, units "
            f"{', '.join(map(str, simulator.units))}, addresses 0..{size - 1}; type help\n"
        )
        _prompt_loop(simulator, stdin, stdout)
    finally:
        simulator.stop()


def _prompt_loop(simulator: ModbusSimulator, stdin: TextIO, stdout: TextIO) -> None:
    interactive = stdin.isatty()
    while True:
        if interactive:
            stdout.write("> ")
        stdout.flush()
        line = stdin.readline()
        if not line:  # end of input
            return
        reply = simulator.execute(line)
        if reply.text:
            stdout.write(reply.text + "\n")
        if reply.quit:
            stdout.flush()
            return
