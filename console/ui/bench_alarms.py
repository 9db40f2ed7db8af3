"""`python main.py bench alarms [--quick]`: alarm latency and flood figures, measured in one run.

Everything is real except the devices' far ends: a temporary site file with a `contact-id`
source on one end of a socat pty pair and a `modbus-tcp` source (poll_ms 200) on a local
pymodbus server (`ModbusSimulator`), a `Desk` on a database under a temporary XDG_DATA_HOME
with its drivers running, and a QApplication (offscreen unless QT_QPA_PLATFORM says otherwise)
with a `BusBridge`. "At the GUI" is the moment a slot on the GUI thread, connected to the
bridge's `published` signal (queued from the driver's thread), runs for the event's
`alarm.changed`. The GUI thread only runs the Qt event loop; the far ends run on threads.

1. Contact ID: the receiver's end writes one line at a time (each distinct, so none is a
   duplicate resend) and waits for its answer, then for the event at the GUI, then a random
   0-20 ms. t0 = `time.monotonic()` just before the write; commit = the ACK byte read back (the
   driver ACKs only after `AlarmService.ingest` has committed); GUI = the slot for that event.
   The split row cuts both at the event's `received_mono` (when the driver had read the line).
2. Modbus TCP: a discrete input (zones on di:0..7) is switched in the server's datastore
   (t0, just before the change), then the bench waits for the ALARM / RESTORE at the GUI and a
   random 0-200 ms (one poll period) so changes land anywhere in the poll cycle.
3. Flood: distinct Contact ID lines (alarm, then restore, over ~500 zones) written at an even
   pace for the whole period; the writer waits for each ACK as a real receiver does (one line
   in flight), so a slow store shows as a rate below the aim. Counted: lines written, ACKed,
   events committed (`events_count()`), events at the GUI; lost = ACKed lines whose report is
   not in the database (must be 0). Meanwhile the real `AlarmPane` (sound replaced by a silent
   player) is shown and refreshes from the same bridge, and a 10 ms precise QTimer on the GUI
   thread records the longest gap between its ticks, less 10 ms: the longest GUI stall. The
   flood's lines also give wire→commit and wire→GUI under that load.

Which event answers which stimulus is taken from the database, not from timing: the source's
events committed during a phase, in id order, must be exactly the lines (or point changes)
sent; anything else fails the run (exit 1), as does a lost event. The aims are printed beside
the figures and do not change the exit code. Latencies are wall-clock on this machine; the
pty carries bytes at once, so a real 9600 baud line adds ~22 ms per 21-byte report.
"""

from __future__ import annotations

import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import serial
from PySide6.QtCore import QEventLoop, QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from console.core.auth import Role
from console.core.desk import Desk
from console.core.events import Event
from console.ui import alarm_sound
from console.ui.alarm_pane import AlarmPane
from console.ui.bridge import BusBridge
from console.ui.panes import PaneContext
from devices.alarms.contact_id import ACK_DEADLINE_S, ContactIdDriver, format_report
from devices.alarms.modbus import ModbusSimulator, ModbusTcpHub
from schema.models import AlarmEvent

T = TypeVar("T")

ACCOUNT = "1234"
CID_SOURCE = "bench-cid"
MODBUS_SOURCE = "bench-modbus"
MODBUS_UNIT = 1
MODBUS_INPUTS = 8  # zones on di:0..7
POLL_MS = 200
AIM_LATENCY_MS = 100.0
AIM_MODBUS_MS = POLL_MS + 50.0
AIM_STALL_MS = 100.0
STALL_TICK_MS = 10
FLOOD_CODES = (130, 110, 120, 131, 137)  # burglary, fire, panic, perimeter, tamper
GUI_WAIT_S = 3.0  # an event not at the GUI by then counts as missed
SETUP_WAIT_S = 10.0
BENCH_USER, BENCH_PASSWORD = "bench", "bench-pass-1"


class BenchError(Exception):
    """The bench could not be set up or did not finish; the message says what."""


@dataclass(frozen=True)
class Plan:
    cid_lines: int
    toggles: int
    flood_lines: int
    flood_s: float


FULL = Plan(cid_lines=200, toggles=50, flood_lines=1000, flood_s=10.0)
QUICK = Plan(cid_lines=30, toggles=10, flood_lines=200, flood_s=2.0)


# ---------------------------------------------------------------------------------------------
# Figures


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (p99 of 30 samples is the largest)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass(frozen=True)
class Latency:
    name: str
    samples_ms: list[float]
    expected: int
    aim_ms: float

    def line(self) -> str:
        if not self.samples_ms:
            return (
                f"{self.name:<28} no samples (0/{self.expected})  (aim p99 <= {self.aim_ms:g} ms)"
            )
        median = statistics.median(self.samples_ms)
        p99 = percentile(self.samples_ms, 0.99)
        verdict = "ok" if p99 <= self.aim_ms else "OVER AIM"
        return (
            f"{self.name:<28} median {median:6.1f} ms  p99 {p99:6.1f} ms  "
            f"(aim p99 <= {self.aim_ms:g} ms) {verdict}  "
            f"n={len(self.samples_ms)}/{self.expected}"
        )


@dataclass(frozen=True)
class Split:
    """Where a Contact ID line's time goes, split at the driver's read (`received_mono`)."""

    name: str
    parts: dict[str, list[float]]  # part → samples in ms

    def line(self) -> str:
        shown = "  ".join(
            f"{part} {statistics.median(ms):.1f}/{percentile(ms, 0.99):.1f}"
            for part, ms in self.parts.items()
            if ms
        )
        return f"{self.name:<28} {shown} ms (median/p99)"


Row = Latency | Split


@dataclass
class Flood:
    written: int
    acked: int
    committed: int  # events_count() after less before
    at_gui: int
    lost: int  # ACKed, and its report is not in the database
    first_write: float
    last_ack: float | None
    planned_s: float
    stall_ms: float = 0.0
    ticks: int = 0
    pane_redraws: int = 0
    pane_lag_ms: float | None = None  # last ACK → the pane's last redraw

    @property
    def seconds(self) -> float:
        return self.last_ack - self.first_write if self.last_ack is not None else 0.0

    def note_pane(self, redraws: list[float]) -> None:
        self.pane_redraws = len(redraws)
        if redraws and self.last_ack is not None:
            self.pane_lag_ms = (redraws[-1] - self.last_ack) * 1000

    def lines(self) -> list[str]:
        rate = self.written / self.seconds if self.seconds > 0 else 0.0
        verdict = "ok" if self.stall_ms <= AIM_STALL_MS else "OVER AIM"
        lag = "never" if self.pane_lag_ms is None else f"{self.pane_lag_ms:.0f} ms"
        return [
            f"flood  written {self.written}  acked {self.acked}  committed {self.committed}  "
            f"at GUI {self.at_gui}  lost {self.lost}  not acked {self.written - self.acked}",
            f"flood  pace {self.written} lines in {self.seconds:.2f} s = {rate:.1f}/s "
            f"(planned {self.written / self.planned_s:.0f}/s; the writer waits for each ACK)",
            f"flood  GUI stall max {self.stall_ms:.1f} ms  (aim <= {AIM_STALL_MS:g} ms) "
            f"{verdict}  ({STALL_TICK_MS} ms timer, {self.ticks} ticks)",
            f"flood  alarm pane redrew {self.pane_redraws} times; the last {lag} "
            "after the last ACK",
        ]


# ---------------------------------------------------------------------------------------------
# The GUI side: what arrives, and how long the thread is kept from its timers


@dataclass(frozen=True)
class Arrival:
    t_gui: float
    event_id: int
    received_mono: float | None


class GuiProbe(QObject):
    """Records each committed event's `alarm.changed` as its slot runs on the GUI thread."""

    def __init__(self, bridge: BusBridge) -> None:
        super().__init__()
        self._changed = threading.Condition()
        self._arrivals: dict[int, Arrival] = {}
        bridge.published.connect(self._on_event)

    @Slot(object)
    def _on_event(self, event: Event) -> None:
        now = time.monotonic()
        event_id = event.data.get("event_id")
        if event.topic != "alarm.changed" or event_id is None:
            return
        with self._changed:
            self._arrivals[event_id] = Arrival(now, event_id, event.data.get("received_mono"))
            self._changed.notify_all()

    @property
    def count(self) -> int:
        with self._changed:
            return len(self._arrivals)

    def get(self, event_id: int) -> Arrival | None:
        with self._changed:
            return self._arrivals.get(event_id)

    def wait_count(self, count: int, timeout_s: float) -> bool:
        """From another thread: wait until `count` events have reached the GUI."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self._arrivals) >= count, timeout_s)


class StallMeter(QObject):
    """A precise QTimer on the GUI thread; the longest gap between ticks beyond its period."""

    def __init__(self, period_ms: int = STALL_TICK_MS) -> None:
        super().__init__()
        self.period_s = period_ms / 1000
        self.max_stall_s = 0.0
        self.ticks = 0
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(period_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()  # a stall running up to now counts too

    def _tick(self) -> None:
        now = time.monotonic()
        self.max_stall_s = max(self.max_stall_s, now - self._last - self.period_s)
        self._last = now
        self.ticks += 1


def spin_until(done: Callable[[], bool], timeout_s: float) -> bool:
    """Run the Qt event loop (on the GUI thread) until `done()` or the timeout."""
    if done():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s

    def check() -> None:
        if done() or time.monotonic() >= deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return done()


def beside_gui(work: Callable[[], T], timeout_s: float) -> T:
    """Run `work` on its own thread while the GUI thread runs its event loop; its result."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["result"] = work()
        except Exception as exc:  # noqa: BLE001 - raised again on the GUI thread below
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="bench-peer", daemon=True)
    thread.start()
    if not spin_until(lambda: not thread.is_alive(), timeout_s):
        raise BenchError(f"a bench phase did not finish in {timeout_s:.0f} s")
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    result: T = outcome["result"]
    return result


# ---------------------------------------------------------------------------------------------
# A binding that drops references


class _Pinger(QObject):
    ping = Signal()


BINDING_BROKEN = (
    "bench alarms: this PySide6 drops a reference to None on every call of a void method and "
    "to True on every Signal.emit() (6.12.0 does); the console would abort within minutes. "
    "pyproject.toml pins PySide6-Addons below 6.12: reinstall with scripts/bootstrap setup.\n"
)


def binding_drops_references() -> bool:
    """Whether calls into PySide6 return None or True without a reference of their own."""
    pinger, timer = _Pinger(), QTimer()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(10):
        pinger.ping.emit()
        timer.setInterval(10)
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


class SilentPlayer:
    """Stands in for the alarm sound (no sound card needed); the sound logic still runs."""

    def __init__(self, _path: str, _loop: bool, _parent: QObject) -> None:
        self.playing = False

    def play(self) -> None:
        self.playing = True

    def stop(self) -> None:
        self.playing = False


# ---------------------------------------------------------------------------------------------
# The far ends: a receiver writing Contact ID lines, a Modbus device with switchable inputs


@dataclass(frozen=True)
class Sent:
    """One stimulus: what it was, when it went out, and when (if) it was ACKed."""

    key: str  # the report's text, or "di:N=V"
    t0: float
    t_ack: float | None = None


class CidWriter:
    """The alarm receiver's end of the line: writes a report, reads the console's answer."""

    def __init__(self, port_path: str) -> None:
        self._port: Any = serial.serial_for_url(
            port_path, baudrate=9600, timeout=0.05, write_timeout=1.0
        )

    def close(self) -> None:
        self._port.close()

    def send(self, line: bytes) -> Sent:
        self._port.reset_input_buffer()
        t0 = time.monotonic()
        self._port.write(line)
        deadline = t0 + ACK_DEADLINE_S
        acked: float | None = None
        while time.monotonic() < deadline:
            answer = self._port.read(1)
            if answer in (b"\x06", b"\x15"):
                acked = time.monotonic() if answer == b"\x06" else None
                break
        return Sent(report_text(line), t0, acked)


def report_text(line: bytes) -> str:
    """A report line without its DC4: the driver's dedup key for it."""
    return line.rstrip(b"\x14").decode("ascii")


def latency_line(index: int) -> bytes:
    """Alarm and restore in turn on the mapped zone 001; partition and code keep them apart."""
    pair = index // 2
    return format_report(ACCOUNT, "ER"[index % 2], 130 + pair // 100 % 10, pair % 100, 1)


def flood_line(index: int) -> bytes:
    """An alarm then its restore, zone after zone (002..999), a mix of kinds."""
    pair = index // 2
    code = FLOOD_CODES[pair % len(FLOOD_CODES)]
    return format_report(ACCOUNT, "ER"[index % 2], code, pair // 998 % 100, 2 + pair % 998)


# ---------------------------------------------------------------------------------------------
# Setting up and tearing down


@contextmanager
def environ(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


@contextmanager
def pty_pair(folder: Path) -> Iterator[tuple[str, str]]:
    """socat's two linked ptys (a null-modem cable in software): (driver end, receiver end)."""
    socat = shutil.which("socat")
    if socat is None:
        raise BenchError("socat is not installed (needed for the Contact ID pty pair)")
    a, b = folder / "pty-driver", folder / "pty-receiver"
    proc = subprocess.Popen(  # noqa: S603 - socat from PATH with fixed arguments
        [socat, f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 5
        while not (a.exists() and b.exists()):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise BenchError("socat did not make a pty pair")
            time.sleep(0.02)
        yield str(a), str(b)
    finally:
        proc.terminate()
        try:
            proc.wait(3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


SITE_TEMPLATE = """\
[site]
name = "Alarm bench"
timezone = "Asia/Shanghai"

[[alarm_sources]]
id = "{cid}"
kind = "contact-id"
port = "{cid_port}"
heartbeat_s = 600

[[alarm_sources]]
id = "{modbus}"
kind = "modbus-tcp"
host = "127.0.0.1"
port = {modbus_port}
unit = {unit}
poll_ms = {poll_ms}
timeout_ms = 500

[[zones]]
id = "cid-001"
name = "Contact ID zone 001"
source = "{cid}"
kind = "infrared"
point = "cid:{account}:001"
"""

MODBUS_ZONE = """
[[zones]]
id = "di-{n}"
name = "Modbus input {n}"
source = "{modbus}"
kind = "perimeter"
point = "di:{n}"
"""


def write_site(path: Path, cid_port: str, modbus_port: int) -> Path:
    names = {"cid": CID_SOURCE, "modbus": MODBUS_SOURCE, "account": ACCOUNT}
    text = SITE_TEMPLATE.format(
        cid_port=cid_port, modbus_port=modbus_port, unit=MODBUS_UNIT, poll_ms=POLL_MS, **names
    )
    text += "".join(MODBUS_ZONE.format(n=n, **names) for n in range(MODBUS_INPUTS))
    path.write_text(text, encoding="utf-8")
    return path


def qt_app() -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise BenchError("a QCoreApplication without widgets is already running")
    return app


class Rig:
    """The site, its desk with running drivers, the far ends and the GUI side; the ExitStack
    given tears it all down in reverse order (drivers, server, socat, temporary files)."""

    def __init__(self, stack: ExitStack) -> None:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="watchdesk-bench-")))
        stack.enter_context(environ("XDG_DATA_HOME", str(folder / "data")))
        driver_end, receiver_end = stack.enter_context(pty_pair(folder))
        self.modbus = ModbusSimulator("127.0.0.1", 0, [MODBUS_UNIT], 16)
        self.modbus.start()
        stack.callback(self.modbus.stop)
        address = self.modbus.server.address
        if address is None:
            raise BenchError("the Modbus server has no address")
        site = write_site(folder / "bench-site.toml", driver_end, address[1])
        self.app = qt_app()
        self.desk = Desk.open(site)
        stack.callback(self.desk.close)
        self.bridge = BusBridge(self.desk.bus)
        stack.callback(self.bridge.close)
        self.probe = GuiProbe(self.bridge)
        self.desk.start_devices()
        self.writer = CidWriter(receiver_end)
        stack.callback(self.writer.close)
        self._wait_for_drivers()

    def _wait_for_drivers(self) -> None:
        drivers = self.desk.ingest.drivers
        cid = next(d for d in drivers if isinstance(d, ContactIdDriver))
        hub = next(d for d in drivers if isinstance(d, ModbusTcpHub))
        if not spin_until(
            lambda: cid.port_open.is_set() and hub.stats["polls_ok"] > 0, SETUP_WAIT_S
        ):
            raise BenchError("the Contact ID port did not open or the Modbus device not answer")


# ---------------------------------------------------------------------------------------------
# Reading back what was committed


def last_event_id(desk: Desk) -> int:
    with desk.db.read() as s:
        return int(s.scalar(select(func.max(AlarmEvent.id))) or 0)


def committed_keys(desk: Desk, source_id: str, after_id: int) -> list[tuple[int, str]]:
    """(event id, what it stands for) for the source's events after `after_id`, in order:
    the report text for Contact ID, "di:N=V" for Modbus."""
    with desk.db.read() as s:
        rows = s.execute(
            select(AlarmEvent.id, AlarmEvent.dedup_key, AlarmEvent.code)
            .where(AlarmEvent.source_id == source_id, AlarmEvent.id > after_id)
            .order_by(AlarmEvent.id)
        ).all()
    return [(row.id, row.dedup_key or row.code) for row in rows]


def pair_up(sent: list[Sent], committed: list[tuple[int, str]], what: str) -> list[int]:
    """The event id of each stimulus; BenchError unless the events are exactly the stimuli."""
    sent_keys = [s.key for s in sent]
    got_keys = [key for _, key in committed]
    if sent_keys != got_keys:
        raise BenchError(
            f"{what}: {len(sent_keys)} sent, {len(got_keys)} committed, and they differ "
            f"(first sent {sent_keys[:2]}, first committed {got_keys[:2]})"
        )
    return [event_id for event_id, _ in committed]


def gui_latencies(rig: Rig, sent: list[Sent], event_ids: list[int]) -> list[float]:
    arrivals = [(s, rig.probe.get(event_id)) for s, event_id in zip(sent, event_ids, strict=True)]
    return [(a.t_gui - s.t0) * 1000 for s, a in arrivals if a is not None]


# ---------------------------------------------------------------------------------------------
# 1. Contact ID latency


def cid_phase(rig: Rig, count: int, rng: random.Random) -> list[Sent]:
    """On the receiver's thread: one line at a time, each waited for at the GUI."""
    sent: list[Sent] = []
    for index in range(count):
        before = rig.probe.count
        sent.append(rig.writer.send(latency_line(index)))
        if sent[-1].t_ack is not None:
            rig.probe.wait_count(before + 1, GUI_WAIT_S)
        time.sleep(rng.uniform(0, 0.02))
    return sent


def bench_contact_id(rig: Rig, count: int, rng: random.Random) -> list[Row]:
    after = last_event_id(rig.desk)
    sent = beside_gui(lambda: cid_phase(rig, count, rng), count * (ACK_DEADLINE_S + 1))
    return cid_latencies(rig, "contact-id", sent, committed_keys(rig.desk, CID_SOURCE, after))


def cid_latencies(
    rig: Rig, what: str, sent: list[Sent], committed: list[tuple[int, str]]
) -> list[Row]:
    """wire→commit (ACK) and wire→GUI of the ACKed lines, and where that time went."""
    acked = [s for s in sent if s.t_ack is not None]
    event_ids = pair_up(acked, committed, what)
    commit_ms = [(s.t_ack - s.t0) * 1000 for s in acked if s.t_ack is not None]
    gui_ms = gui_latencies(rig, acked, event_ids)
    return [
        Latency(f"{what} wire→commit (ACK)", commit_ms, len(sent), AIM_LATENCY_MS),
        Latency(f"{what} wire→GUI", gui_ms, len(sent), AIM_LATENCY_MS),
        cid_split(rig, f"{what} split", acked, event_ids),
    ]


def cid_split(rig: Rig, name: str, acked: list[Sent], event_ids: list[int]) -> Split:
    parts: dict[str, list[float]] = {"wire→read": [], "read→ACK": [], "read→GUI": []}
    for sent, event_id in zip(acked, event_ids, strict=True):
        arrival = rig.probe.get(event_id)
        if arrival is None or arrival.received_mono is None or sent.t_ack is None:
            continue
        read = arrival.received_mono
        parts["wire→read"].append((read - sent.t0) * 1000)
        parts["read→ACK"].append((sent.t_ack - read) * 1000)
        parts["read→GUI"].append((arrival.t_gui - read) * 1000)
    return Split(name, parts)


# ---------------------------------------------------------------------------------------------
# 2. Modbus TCP latency


def modbus_phase(rig: Rig, count: int, rng: random.Random) -> list[Sent]:
    """On a thread of its own: switch an input, wait for it at the GUI, wait 0..1 poll."""
    sent: list[Sent] = []
    for index in range(count):
        point, on = f"di:{index // 2 % MODBUS_INPUTS}", index % 2 == 0
        before = rig.probe.count
        t0 = time.monotonic()
        reply = rig.modbus.execute(f"{'on' if on else 'off'} {MODBUS_UNIT} {point}")
        if reply.text != "ok":
            raise BenchError(f"the Modbus simulator refused {point}: {reply.text}")
        sent.append(Sent(f"{point}={int(on)}", t0))
        rig.probe.wait_count(before + 1, GUI_WAIT_S)
        time.sleep(rng.uniform(0, POLL_MS / 1000))
    return sent


def bench_modbus(rig: Rig, count: int, rng: random.Random) -> Latency:
    after = last_event_id(rig.desk)
    sent = beside_gui(lambda: modbus_phase(rig, count, rng), count * (GUI_WAIT_S + 1))
    event_ids = pair_up(sent, committed_keys(rig.desk, MODBUS_SOURCE, after), "modbus")
    name = f"modbus-tcp change→GUI @{POLL_MS}ms"
    return Latency(name, gui_latencies(rig, sent, event_ids), count, AIM_MODBUS_MS)


# ---------------------------------------------------------------------------------------------
# 3. Flood, with the alarm pane on screen


@dataclass
class PaneWatch:
    """The alarm pane on screen, and when its table was redrawn."""

    pane: AlarmPane
    redraws: list[float] = field(default_factory=list)


@contextmanager
def alarm_pane(rig: Rig) -> Iterator[PaneWatch]:
    """The real AlarmPane for a logged-in admin, with a silent sound; closed afterwards."""
    rig.desk.auth.add_user(None, BENCH_USER, "Bench", Role.ADMIN, BENCH_PASSWORD)
    actor = rig.desk.login(BENCH_USER, BENCH_PASSWORD)
    real_player = alarm_sound.make_player
    alarm_sound.make_player = SilentPlayer
    try:
        pane = AlarmPane(PaneContext(rig.desk, actor, rig.bridge))
        watch = PaneWatch(pane)
        pane.model.modelReset.connect(lambda: watch.redraws.append(time.monotonic()))
        pane.resize(1280, 720)
        pane.show()
        try:
            yield watch
        finally:
            pane.close()
            pane.deleteLater()
            QThreadPool.globalInstance().waitForDone(5000)
            QApplication.processEvents()
    finally:
        alarm_sound.make_player = real_player


def flood_phase(rig: Rig, count: int, seconds: float) -> list[Sent]:
    """On the receiver's thread: lines due at an even pace, each sent after the last ACK."""
    sent: list[Sent] = []
    start = time.monotonic()
    for index in range(count):
        delay = start + index * seconds / count - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        sent.append(rig.writer.send(flood_line(index)))
    return sent


def settle(rig: Rig, expected: int, quiet_s: float = 0.3) -> None:
    """Run the GUI until `expected` events have arrived, then until the thread pool (where
    the pane loads) has been idle for `quiet_s` (the pane's 20 ms debounce is long over)."""
    spin_until(lambda: rig.probe.count >= expected, GUI_WAIT_S * 3)
    pool = QThreadPool.globalInstance()
    quiet_since = [time.monotonic()]

    def quiet() -> bool:
        now = time.monotonic()
        if pool.activeThreadCount() > 0:
            quiet_since[0] = now
        return now - quiet_since[0] >= quiet_s

    spin_until(quiet, 10.0)


def lost_count(sent: list[Sent], committed: list[tuple[int, str]]) -> int:
    stored = {key for _, key in committed}
    return sum(1 for s in sent if s.t_ack is not None and s.key not in stored)


def bench_flood(rig: Rig, count: int, seconds: float) -> tuple[Flood, list[Row]]:
    with alarm_pane(rig) as watch:
        settle(rig, rig.probe.count)
        after, events_before = last_event_id(rig.desk), rig.desk.alarms.events_count()
        gui_before = rig.probe.count
        meter = StallMeter()
        meter.start()
        timeout = seconds + count * (ACK_DEADLINE_S + 1)
        sent = beside_gui(lambda: flood_phase(rig, count, seconds), timeout)
        settle(rig, gui_before + sum(1 for s in sent if s.t_ack is not None))
        meter.stop()
    committed = committed_keys(rig.desk, CID_SOURCE, after)
    events = rig.desk.alarms.events_count() - events_before
    flood = flood_counts(rig, sent, committed, events, seconds)
    flood.stall_ms, flood.ticks = meter.max_stall_s * 1000, meter.ticks
    flood.note_pane(watch.redraws)
    return flood, cid_latencies(rig, "flood", sent, committed)


def flood_counts(
    rig: Rig, sent: list[Sent], committed: list[tuple[int, str]], events: int, planned_s: float
) -> Flood:
    acked = [s.t_ack for s in sent if s.t_ack is not None]
    return Flood(
        written=len(sent),
        acked=len(acked),
        committed=events,
        at_gui=sum(1 for event_id, _ in committed if rig.probe.get(event_id) is not None),
        lost=lost_count(sent, committed),
        first_write=sent[0].t0 if sent else 0.0,
        last_ack=max(acked, default=None),
        planned_s=planned_s,
    )


# ---------------------------------------------------------------------------------------------
# Running it


def run_all(plan: Plan) -> tuple[list[Row], Flood]:
    rng = random.Random(2024)  # noqa: S311 - spacing, not secrets; the same every run
    with ExitStack() as stack:
        rig = Rig(stack)
        rows = bench_contact_id(rig, plan.cid_lines, rng)
        rows.append(bench_modbus(rig, plan.toggles, rng))
        flood, under_flood = bench_flood(rig, plan.flood_lines, plan.flood_s)
    return rows + under_flood, flood


def report(plan: Plan, quick: bool, rows: list[Row], flood: Flood) -> str:
    head = (
        f"Watchdesk alarm bench{' (quick)' if quick else ''}: {plan.cid_lines} Contact ID "
        f"lines, {plan.toggles} Modbus toggles at {POLL_MS} ms polling, flood of "
        f"{plan.flood_lines} lines in {plan.flood_s:g} s"
    )
    rule = "-" * 100
    return "\n".join([head, rule, *(row.line() for row in rows), *flood.lines(), rule]) + "\n"


def run_bench(quick: bool) -> int:
    """Run the bench, print the figures; 0, or 1 when it failed or lost an ACKed event."""
    plan = QUICK if quick else FULL
    if binding_drops_references():
        sys.stderr.write(BINDING_BROKEN)
        return 1
    try:
        rows, flood = run_all(plan)
    except BenchError as exc:
        sys.stderr.write(f"bench alarms: {exc}\n")
        return 1
    sys.stdout.write(report(plan, quick, rows, flood))
    sys.stdout.flush()
    if flood.lost:
        sys.stderr.write(f"bench alarms: {flood.lost} ACKed events are not in the database\n")
        return 1
    return 0
