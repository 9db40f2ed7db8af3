"""`python main.py bench sync [--changes N] [--database-url URL] [--quick]`: how soon a change
committed on one desk is on the screen of another desk of the same site.

Two `Desk`s of the demo site (under a temporary XDG_DATA_HOME) on one PostgreSQL database, in
this process but each with its own `Database` (its own connections and origin), as two
consoles on two machines would be:

- desk A writes: from one worker thread, with an operator logged in, it makes N changes, a
  seeded random mix as a control room makes them: new alarms on the demo panel's zones
  (`alarms.ingest(DeviceEvent(...))`, about 35 %), acknowledgements of them (25 %), closures of
  the acknowledged ones (25 %) and duty-log entries (`duty.add`, 15 %). An acknowledgement or
  a closure needs an alarm to act on, so the first changes are mostly new alarms; at the end
  some alarms are still open, as on a real shift.
- desk B reads: `start_sync()` runs its change feed (LISTEN/NOTIFY wakes it, it reads the new
  `changes` rows and publishes them on B's bus), and a `BusBridge` turns B's bus into a queued
  Qt signal; a slot on the GUI thread (which only runs the Qt event loop) takes the time.

t0 = when desk A's own bus publishes the change (right after its commit, on the writer's
thread: `Database.on_commit`); t1 = when desk B's slot runs for the same change, matched on the
topic and the ids in its data (`alarm.changed`: alarm_id, event_id and change; `duty.log`:
entry_id). Both are `time.monotonic()` of this one process. A new alarm on a zone with a camera
also carries a `camera.show` pop-up in the same commit; those are counted, not timed.

Pacing: after each commit the writer pauses a random 1-9 ms (mean 5 ms, seeded: the same
every run). A change itself takes several ms to commit, so that makes 45-80 changes a
second on a 2-core machine: far more than a control room makes (a few a second across all
desks; a flood of alarms perhaps a few dozen), so the figures include B's feed reading several
changes at once. Yet it is not a flood: there is always a pause, B's feed often goes idle
between two changes and is woken by NOTIFY, and the figures are propagation, not the queue
behind a writer that never stops. (A run with 0.1-3 s pauses gave about the same figures: a
median of 3 ms.)

Before the run desk A makes one change of each kind and the bench waits for them at desk B
(B's feed is listening, the connections are open, the code paths are warm); they are not
counted. A change not at desk B 5 s after the last commit counts as missing, and any missing
fails the run (exit 1), as does a change desk B saw twice.

Without --database-url the bench starts a throw-away PostgreSQL server of its own
(`schema.pgserver.PgServer`: initdb in a temporary folder, fsync off, on a free loopback port)
and removes it afterwards. With --database-url it uses that database: give it a fresh, empty
one (the bench creates the first admin and an operator there, and leaves its alarms and log
entries behind).

Everything runs in one process, so the threads of A's writer, B's feed and the GUI share one
interpreter: a full garbage collection (generation 2; 100-200 ms on a 2-core machine, about
once in a 1000-change run) holds up all three at once, and the change in flight then shows
it as a latency outlier. The bench prints how many there were and the maximum without those
changes. On two machines each desk has its own interpreter, and the network adds its round
trips.
"""

from __future__ import annotations

import gc
import logging
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Slot
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from console.core.alarms import Resolution
from console.core.auth import Actor, AuthError, Role
from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.events import Event, EventBus
from console.core.site import DATABASE_URL_ENV
from console.paths import DEMO_SITE
from console.ui.bench_alarms import (
    BINDING_BROKEN,
    BenchError,
    binding_drops_references,
    environ,
    percentile,
    qt_app,
    spin_until,
)
from console.ui.bridge import BusBridge
from devices.alarms.base import DeviceEvent, EventType
from schema.db import DatabaseError, redact
from schema.pgserver import PgServer, PgServerError, available

log = logging.getLogger(__name__)

CHANGES = 1000
QUICK_CHANGES = 100
SEED = 2025
PAUSE_MS = (1.0, 9.0)  # the writer's pause after each commit: uniform, mean 5 ms
KINDS = ("alarm", "ack", "close", "duty")
WEIGHTS = (0.35, 0.25, 0.25, 0.15)
MISSING_AFTER_S = 5.0  # a change not at desk B this long after the last commit is missing
WARMUP_WAIT_S = 15.0
SOURCE = "demo-panel"  # the demo site's simulated panel, zones on sim:1..9
POINTS = tuple(f"sim:{n}" for n in range(1, 10))
ADMIN, OPERATOR = "bench-admin", "bench-operator"
PASSWORD = "bench-sync-pass-1"  # noqa: S105 - a throw-away user of the bench's database
DATABASE = "watchdesk_bench_sync"
KIND_NAMES = {
    "alarm": "new alarms",
    "ack": "acknowledgements",
    "close": "closures",
    "duty": "duty-log entries",
}

Key = tuple[Any, ...]


def seeded() -> random.Random:
    """The same mix and pauses every run."""
    return random.Random(SEED)  # noqa: S311 - pacing and the mix, not secrets


def change_key(event: Event) -> Key | None:
    """What identifies a change on both desks: its topic and the ids in its data."""
    data = event.data
    if event.topic == "alarm.changed":
        return (event.topic, data.get("alarm_id"), data.get("event_id"), data.get("change"))
    if event.topic == "duty.log":
        return (event.topic, data.get("entry_id"))
    if event.topic == "camera.show":
        return (event.topic, data.get("alarm_id"))
    return None


# ---------------------------------------------------------------------------------------------
# Desk A: when each change was published there; desk B: when each reached the GUI thread


class Commits:
    """t0 of each of desk A's own changes: its bus publishes them right after the commit."""

    def __init__(self, bus: EventBus) -> None:
        self._lock = threading.Lock()
        self._t0: dict[Key, float] = {}
        self._unsubscribe = bus.subscribe("", self._on_event)

    def _on_event(self, event: Event) -> None:
        now = time.monotonic()
        key = change_key(event)
        if event.origin is not None or key is None:
            return
        with self._lock:
            self._t0.setdefault(key, now)

    def get(self, key: Key) -> float | None:
        with self._lock:
            return self._t0.get(key)

    def keys(self, topic: str) -> list[Key]:
        with self._lock:
            return [k for k in self._t0 if k[0] == topic]

    def close(self) -> None:
        self._unsubscribe()


class FullCollections:
    """The interpreter's full garbage collections (generation 2): one interpreter runs both
    desks here, so one of them holds up A's writer, B's feed and the GUI thread at once."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float]] = []  # (start, end), monotonic
        self._start = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._start = time.monotonic()
        else:
            self.spans.append((self._start, time.monotonic()))

    def during(self, t0: float, t1: float) -> bool:
        return any(start < t1 and end > t0 for start, end in self.spans)

    def close(self) -> None:
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)


class Arrivals(QObject):
    """t1 of each change from another desk: the moment a slot on the GUI thread runs for it."""

    def __init__(self, bridge: BusBridge) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._t1: dict[Key, float] = {}
        self.twice: Counter[Key] = Counter()
        self.other: Counter[str] = Counter()  # other desks' changes of other topics
        bridge.published.connect(self._on_event)

    @Slot(object)
    def _on_event(self, event: Event) -> None:
        now = time.monotonic()
        if event.origin is None:
            return  # this desk's own (it writes nothing) or its feed's state
        key = change_key(event)
        with self._lock:
            if key is None:
                self.other[event.topic] += 1
            elif key in self._t1:
                self.twice[key] += 1
            else:
                self._t1[key] = now

    def get(self, key: Key) -> float | None:
        with self._lock:
            return self._t1.get(key)

    def has_all(self, keys: list[Key]) -> bool:
        with self._lock:
            return all(k in self._t1 for k in keys)


# ---------------------------------------------------------------------------------------------
# Desk A's writer


@dataclass(frozen=True)
class Made:
    """One change desk A made: its kind and the key desk B should see it under."""

    kind: str
    key: Key


@dataclass
class Writer:
    """Makes the changes on its own thread, a pause after each; `stop` ends it early."""

    desk: Desk
    actor: Actor
    count: int
    rng: random.Random
    stop: threading.Event
    made: list[Made] = field(default_factory=list)
    started: float = 0.0
    finished: float = 0.0
    error: BaseException | None = None
    _new: dict[int, str] = field(default_factory=dict)  # raised, not yet acknowledged: point
    _acked: list[int] = field(default_factory=list)  # acknowledged, not yet closed
    _serial: int = 0

    def run(self) -> None:
        try:
            self.started = time.monotonic()
            for _ in range(self.count):
                if self.stop.is_set():
                    return
                self.made.append(self.change(self.choose()))
                self.finished = time.monotonic()
                self.stop.wait(self.rng.uniform(*PAUSE_MS) / 1000)
        except BaseException as exc:  # noqa: BLE001 - reported on the GUI thread
            self.error = exc

    def choose(self) -> str:
        kind = self.rng.choices(KINDS, WEIGHTS)[0]
        if kind == "ack" and not self._new:
            kind = "alarm"
        if kind == "close" and not self._acked:
            kind = "ack" if self._new else "alarm"
        if kind == "alarm" and len(self._new) >= len(POINTS):
            kind = "ack"  # every zone has an unacknowledged alarm: a new one would repeat
        return kind

    def change(self, kind: str) -> Made:
        desk, actor = self.desk, self.actor
        self._serial += 1
        if kind == "alarm":
            busy = set(self._new.values())
            point = self.rng.choice([p for p in POINTS if p not in busy])
            result = desk.alarms.ingest(
                DeviceEvent(
                    SOURCE,
                    EventType.ALARM,
                    point,
                    code="bench",
                    text=f"sync bench alarm {self._serial}",
                    raw=f"bench {self._serial}",
                )
            )
            if result.alarm_id is None or result.outcome != "raised":
                raise BenchError(f"an alarm on {point} was {result.outcome}, not raised")
            self._new[result.alarm_id] = point
            key: Key = ("alarm.changed", result.alarm_id, result.event_id, "raised")
        elif kind == "ack":
            alarm_id = self.rng.choice(list(self._new))
            desk.alarms.acknowledge(actor, alarm_id)
            del self._new[alarm_id]
            self._acked.append(alarm_id)
            key = ("alarm.changed", alarm_id, None, "acknowledged")
        elif kind == "close":
            alarm_id = self._acked.pop(self.rng.randrange(len(self._acked)))
            desk.alarms.close(actor, alarm_id, Resolution.TEST, f"sync bench {self._serial}")
            key = ("alarm.changed", alarm_id, None, "closed")
        else:
            entry = desk.duty.add(actor, Category.PATROL, f"Sync bench round {self._serial}")
            key = ("duty.log", entry.id)
        return Made(kind, key)


def run_writer(writer: Writer, stack: ExitStack, timeout_s: float) -> None:
    """The writer on its own thread while the GUI thread runs the event loop."""
    thread = threading.Thread(target=writer.run, name="bench-sync-writer", daemon=True)

    def stop() -> None:
        writer.stop.set()
        thread.join(30)

    thread.start()
    stack.callback(stop)
    if not spin_until(lambda: not thread.is_alive(), timeout_s):
        raise BenchError(f"desk A did not make its {writer.count} changes in {timeout_s:.0f} s")
    if writer.error is not None:
        error = writer.error
        if isinstance(error, BenchError):
            raise error
        raise BenchError(f"desk A failed after {len(writer.made)} changes: {error!r}") from error


# ---------------------------------------------------------------------------------------------
# Setting up


@dataclass(frozen=True)
class Engine:
    version: str
    where: str


def quietly(what: str, close: Callable[[], None]) -> Callable[[], None]:
    """A teardown step whose failure is logged: it must not hide why the bench stopped, nor
    keep the steps after it from running."""

    def run() -> None:
        try:
            close()
        except Exception as exc:  # noqa: BLE001 - logged; the other steps still run
            log.warning("bench sync: closing %s failed: %s", what, exc)

    return run


def start_server(stack: ExitStack) -> tuple[str, str]:
    """A throw-away server and a database on it: (its URL, where it is, for the report)."""
    if not available():
        raise BenchError("PostgreSQL is not installed (no initdb): install its server package")
    server = PgServer()
    stack.callback(quietly("the throw-away server", server.close))
    server.start()
    return server.create_database(DATABASE), f"a throw-away server on 127.0.0.1:{server.port}"


def open_desks(stack: ExitStack, url: str) -> tuple[Desk, Desk]:
    """Desk A and desk B of the demo site, each with a Database of its own, on `url`."""
    with environ(DATABASE_URL_ENV, url):
        desk_a = Desk.open(DEMO_SITE)
        stack.callback(quietly("desk A", desk_a.close))
        desk_b = Desk.open(DEMO_SITE)
        stack.callback(quietly("desk B", desk_b.close))
    return desk_a, desk_b


def is_postgres_url(url: str) -> bool:
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except ArgumentError:
        return False


def server_version(desk: Desk) -> str:
    with desk.db.read() as s:
        return str(s.scalar(text("SHOW server_version")))


def log_in_operator(desk: Desk) -> Actor:
    """The first admin and an operator (a fresh database has no users), logged in on desk A."""
    try:
        admin = desk.auth.add_user(None, ADMIN, "Bench admin", Role.ADMIN, PASSWORD)
        desk.auth.add_user(admin, OPERATOR, "Bench operator", Role.OPERATOR, PASSWORD)
    except AuthError as exc:
        raise BenchError(f"cannot add the bench's users ({exc}): give a fresh database") from exc
    return desk.login(OPERATOR, PASSWORD)


def warm_up(desk_a: Desk, actor: Actor, arrivals: Arrivals) -> None:
    """One change of each kind, waited for at desk B (not counted)."""
    writer = Writer(desk_a, actor, 0, seeded(), threading.Event())
    for kind in ("alarm", "ack", "close", "duty"):
        writer.made.append(writer.change(kind))
    keys = [m.key for m in writer.made]
    if not spin_until(lambda: arrivals.has_all(keys), WARMUP_WAIT_S):
        raise BenchError(
            f"desk B's change feed did not deliver desk A's first changes in {WARMUP_WAIT_S:g} s"
        )


# ---------------------------------------------------------------------------------------------
# Figures


@dataclass(frozen=True)
class Result:
    engine: Engine
    made: list[Made]
    seconds: float  # first change to last commit
    latency_ms: dict[str, list[float]]  # kind -> samples, of the changes seen at desk B
    missing: int
    twice: int
    other: Counter[str]
    popups: int  # camera.show carried with desk A's new alarms
    popups_at_b: int
    feed_read: int  # changes desk B's feed published (measured, warm-up and pop-ups)
    full_gcs: list[float]  # ms of each full collection from the first change to the last at B
    gc_hit_ms: list[float]  # the samples with a full collection between their t0 and t1

    @property
    def all_ms(self) -> list[float]:
        return [ms for samples in self.latency_ms.values() for ms in samples]


def collect(
    engine: Engine,
    writer: Writer,
    commits: Commits,
    arrivals: Arrivals,
    desk_b: Desk,
    gcs: FullCollections,
) -> Result:
    latency: dict[str, list[float]] = {kind: [] for kind in KINDS}
    gc_hit: list[float] = []
    missing, last = 0, writer.finished
    for made in writer.made:
        t0, t1 = commits.get(made.key), arrivals.get(made.key)
        if t0 is None:
            raise BenchError(f"desk A never published its own change {made.key}")
        if t1 is None:
            missing += 1
            continue
        latency[made.kind].append((t1 - t0) * 1000)
        last = max(last, t1)
        if gcs.during(t0, t1):
            gc_hit.append((t1 - t0) * 1000)
    popups = commits.keys("camera.show")
    return Result(
        engine=engine,
        made=writer.made,
        seconds=writer.finished - writer.started,
        latency_ms=latency,
        missing=missing,
        twice=sum(arrivals.twice.values()),
        other=arrivals.other,
        popups=len(popups),
        popups_at_b=sum(1 for k in popups if arrivals.get(k) is not None),
        feed_read=desk_b.feed.received,
        full_gcs=[
            (end - start) * 1000
            for start, end in gcs.spans
            if start < last and end > writer.started
        ],
        gc_hit_ms=gc_hit,
    )


def report(result: Result, quick: bool) -> str:
    count = len(result.made)
    kinds = Counter(m.kind for m in result.made)
    mix = ", ".join(f"{kinds[kind]} {KIND_NAMES[kind]}" for kind in KINDS)
    rate = count / result.seconds if result.seconds > 0 else 0.0
    lines = [
        f"Watchdesk sync bench{' (quick)' if quick else ''}: PostgreSQL "
        f"{result.engine.version}, {result.engine.where}",
        f"changes  {count} by desk A ({mix}); desk B's change feed and a Qt slot on its "
        "GUI thread read them",
        f"paced    one writer thread, a random {PAUSE_MS[0]:g}-{PAUSE_MS[1]:g} ms pause after "
        f"each commit: {count} changes in {result.seconds:.2f} s = {rate:.0f}/s",
        "-" * 100,
    ]
    samples = result.all_ms
    if samples:
        lines.append(
            f"propagation  median {statistics.median(samples):.1f} ms, "
            f"p95 {percentile(samples, 0.95):.1f} ms, p99 {percentile(samples, 0.99):.1f} ms, "
            f"max {max(samples):.1f} ms over {len(samples)} changes"
        )
    else:
        lines.append("propagation  no change reached desk B")
    for kind in KINDS:
        ms = result.latency_ms[kind]
        if ms:
            lines.append(
                f"  {KIND_NAMES[kind]:<18} median {statistics.median(ms):.1f} ms, "
                f"p99 {percentile(ms, 0.99):.1f} ms, max {max(ms):.1f} ms (n={len(ms)})"
            )
    lines.append(gc_line(result))
    lines.append(f"missing  {result.missing}")
    lines.append(f"seen twice  {result.twice}")
    lines.append(
        f"camera pop-ups  {result.popups} carried with the new alarms, "
        f"{result.popups_at_b} at desk B (not timed)"
    )
    other = ", ".join(f"{topic} {n}" for topic, n in sorted(result.other.items())) or "none"
    lines.append(f"other changes at desk B  {other}; its feed read {result.feed_read} in all")
    lines.append("-" * 100)
    return "\n".join(lines) + "\n"


def gc_line(result: Result) -> str:
    """Full collections during the run, and the changes they held up."""
    if not result.full_gcs:
        return "full GCs  none during the run"
    hit = result.gc_hit_ms
    line = (
        f"full GCs  {len(result.full_gcs)} during the run (the longest "
        f"{max(result.full_gcs):.1f} ms; one interpreter for both desks), "
        f"{len(hit)} change{'' if len(hit) == 1 else 's'} in flight during one"
    )
    if hit:
        rest = list(result.all_ms)
        for ms in hit:
            rest.remove(ms)
        line += f" (up to {max(hit):.1f} ms)"
        if rest:
            line += f"; without them max {max(rest):.1f} ms"
    return line


# ---------------------------------------------------------------------------------------------
# Running it


def run_all(changes: int, url: str | None) -> Result:
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-sync-")))
        stack.enter_context(environ("XDG_DATA_HOME", str(folder / "data")))
        if url is None:
            url, where = start_server(stack)
        else:
            where = f"the database {redact(url)}"
        qt_app()
        gcs = FullCollections()
        stack.callback(gcs.close)
        desk_a, desk_b = open_desks(stack, url)
        engine = Engine(server_version(desk_a), where)
        actor = log_in_operator(desk_a)
        commits = Commits(desk_a.bus)
        stack.callback(commits.close)
        bridge = BusBridge(desk_b.bus)
        stack.callback(bridge.close)
        arrivals = Arrivals(bridge)
        desk_b.start_sync()
        warm_up(desk_a, actor, arrivals)
        writer = Writer(desk_a, actor, changes, seeded(), threading.Event())
        run_writer(writer, stack, timeout_s=60 + changes * (0.1 + PAUSE_MS[1] / 1000))
        keys = [m.key for m in writer.made]
        deadline = writer.finished + MISSING_AFTER_S
        spin_until(lambda: arrivals.has_all(keys), max(0.0, deadline - time.monotonic()))
        return collect(engine, writer, commits, arrivals, desk_b, gcs)
    raise AssertionError("unreachable")  # pragma: no cover - ExitStack does not swallow


def run_bench(changes: int = CHANGES, url: str | None = None, quick: bool = False) -> int:
    """Run the bench, print the figures; 0, or 1 with a message when a change was missing or
    seen twice, or the bench could not run."""
    if quick:
        changes = QUICK_CHANGES
    if not 1 <= changes <= 1_000_000:
        sys.stderr.write("bench sync: --changes must be 1 to 1000000\n")
        return 1
    if url is not None and not is_postgres_url(url):
        sys.stderr.write(
            f"bench sync: {redact(url)} is not a PostgreSQL database URL "
            "(postgresql+psycopg://user@host/db)\n"
        )
        return 1
    if url is None and not available():
        sys.stderr.write(
            "bench sync: PostgreSQL is not installed (no initdb); install its server package "
            "or give --database-url\n"
        )
        return 1
    if binding_drops_references():
        sys.stderr.write(BINDING_BROKEN.replace("bench alarms:", "bench sync:"))
        return 1
    try:
        result = run_all(changes, url)
    except (BenchError, PgServerError, DatabaseError, AuthError, OSError) as exc:
        sys.stderr.write(f"bench sync: {exc}\n")
        return 1
    sys.stdout.write(report(result, quick))
    sys.stdout.flush()
    failed: list[str] = []
    if result.missing:
        failed.append(
            f"{result.missing} of {len(result.made)} changes never reached desk B "
            f"(waited {MISSING_AFTER_S:g} s after the last)"
        )
    if result.twice:
        failed.append(f"desk B saw {result.twice} changes twice")
    if len(result.made) != changes:
        failed.append(f"desk A made {len(result.made)} of {changes} changes")
    for message in failed:
        sys.stderr.write(f"bench sync: {message}\n")
    return 1 if failed else 0
