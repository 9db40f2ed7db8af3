"""`python main.py bench wall --streams N [--minutes M] [--quick]`: the camera wall's cost.

One `RtspPeer` (gst-rtsp-server in a child process, its CPU not counted) serves N live H.264
sub streams of 640x360@25 ("sub-01".."sub-NN") and one main stream of 1920x1080@25 ("main"),
each a separate x264 encoder with a one-second GOP. Then, one phase after the other:

1. FFmpeg baseline: one `ffmpeg -rtsp_transport tcp -i URL -f null -` per stream (N+1
   processes). After a warm-up, the CPU of the children over the CPU window is read from
   /proc/PID/stat (utime+stime, every thread of the process); their frame counts come from
   `-progress` files. That is the cost of demuxing and decoding the same streams, bare.
2. The console: a real `CameraWall` in this process (offscreen unless QT_QPA_PLATFORM or a
   display says otherwise) on a `Desk` opened on a temporary site file (N+1 cameras, database
   and recordings in a temporary folder, no recording): a wall window of 1920x1080 (its
   camera list takes ~180 px of the width) with the smallest layout of 1/4/9/16 tiles that
   holds N, showing the N sub streams; and the 1080p camera's main stream in a second wall
   window of 1920x1080 with the 1-camera layout (as when an operator keeps a camera large on
   a second monitor): N+1 streams decoded, like the baseline. Once every tile has painted, a
   warm-up, then the run of --minutes (the Qt event loop only). CPU = `time.process_time()`
   over the CPU window (the same length as the baseline's, from the run's start), and over the
   whole run; the ratio is console CPU / ffmpeg CPU over equal windows. Per-thread CPU
   (/proc/self/task/*/schedstat) shows where it went: the GUI thread (conversion to QImage,
   painting), the capture threads (demux, decode, scale to RGB), and native threads (FFmpeg's
   decoder threads, Qt's).
3. Decode-to-paint latency: each tile's `latencies` (seconds from the worker's
   `Frame.decoded_mono` to the paint) are drained every 200 ms into a fixed histogram (0.1 ms
   bins, so a 10-minute run does not grow the heap it measures); median and p95 over the run.
4. Recorders: N `Recorder`s (remux into MP4 segments, the real class) on the sub streams,
   alone in the process (the wall and its workers stopped, the GUI thread asleep): after they
   all record, `time.process_time()` over the recorder window / window / N = % of one core per
   stream. Everything the recorders cost the process counts (their threads, GC, muxer).
5. Export: `export_clip()` of each recorder's footage (all its segments, start to end), timed
   by the wall clock: footage seconds / export seconds, summed over the clips.
6. Memory: VmRSS from /proc/self/status when the run starts, after 60 s of it (--quick: 5 s)
   and at its end; growth = end - the 60 s figure.

Periods: CPU windows 60 s (or the run, if shorter), the run --minutes (default 10), the
recorders 60 s; --quick makes them 4-6 s (RSS at 5 s) for tests. The aims are printed beside
the figures and do not change the exit code: 0 when every phase ran, 1 with a message when the
peer, ffmpeg or a phase failed (a stream that never decoded is a failure).
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from console.core.auth import Role
from console.core.desk import Desk
from console.ui.bench_alarms import BINDING_BROKEN, BenchError, binding_drops_references, environ
from console.ui.bridge import BusBridge
from console.ui.camera_tile import CameraTile
from console.ui.camera_wall import LAYOUTS, CameraWall
from console.ui.panes import PaneContext
from devices.cameras.base import Gap, Segment, StreamState, StreamStatus
from devices.cameras.rtsp_peer import RtspPeer, RtspPeerError, available

SUB_SIZE = (640, 360)
MAIN_SIZE = (1920, 1080)
FPS = 25
WALL_SIZE = (1920, 1080)  # the wall pane's window: one monitoring-room monitor
MAIN_MOUNT = "main"
MAIN_CAMERA = "main-cam"

AIM_CPU_RATIO = 1.3  # console CPU / ffmpeg CPU, for 9 tiles
AIM_LATENCY_MS = 40.0  # decode-to-paint median
AIM_RECORDER_PCT = 1.0  # % of one core per recorded stream
AIM_EXPORT_X = 100.0  # export speed, multiple of real time

HIST_BIN_MS = 0.1
HIST_BINS = 20_000  # up to 2 s; slower paints land in the last bin
DRAIN_MS = 200
LIVE_WAIT_S = 30.0  # every stream must be live (and every tile painted) by then
BENCH_USER, BENCH_PASSWORD = "bench", "bench-pass-1"


@dataclass(frozen=True)
class Plan:
    warmup_s: float  # after every stream is live, before a window opens
    window_s: float  # CPU windows of the baseline and the console
    run_s: float  # the console's whole run (memory)
    rss_early_s: float  # the first RSS sample, from the run's start
    record_s: float  # the recorders' window

    @classmethod
    def make(cls, minutes: float, quick: bool) -> Plan:
        if quick:
            return cls(warmup_s=1.0, window_s=4.0, run_s=6.0, rss_early_s=5.0, record_s=4.0)
        run = max(10.0, minutes * 60)
        return cls(
            warmup_s=3.0,
            window_s=min(60.0, run),
            run_s=run,
            rss_early_s=min(60.0, run),
            record_s=60.0,
        )


# ---------------------------------------------------------------------------------------------
# Measuring: CPU, memory, latency


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def proc_cpu_s(pid: int) -> float:
    """utime + stime of a process (all its threads, the dead ones too), in seconds."""
    text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    fields = text.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise BenchError("no VmRSS in /proc/self/status")


NATIVE_NAMES = {
    # Qt's QThreadPool: QImage conversions and smooth scaling split across threads.
    "Thread (pooled)": "Qt pool threads",
    # Unnamed threads of native code inherit the process's name: FFmpeg's decoder threads.
    "python": "native threads (FFmpeg)",
    "python3": "native threads (FFmpeg)",
}


def thread_label(tid: int, names: dict[int, str]) -> str:
    """A group for a thread: its Python name less the camera ("capture threads"), else what
    its kernel name says."""
    if tid == os.getpid():
        return "GUI thread"
    name = names.get(tid)
    if name is not None:
        return name.split("-", 1)[0] + " threads" if "-" in name else name
    try:
        comm = Path(f"/proc/self/task/{tid}/comm").read_text(encoding="utf-8").strip()
    except OSError:
        return "native threads"
    return NATIVE_NAMES.get(comm, f"native: {comm.rstrip('0123456789') or comm}")


def thread_cpu() -> dict[int, tuple[str, float]]:
    """Each live thread of this process: (group label, seconds on a CPU) from schedstat."""
    names = {t.native_id: t.name for t in threading.enumerate() if t.native_id is not None}
    out: dict[int, tuple[str, float]] = {}
    for entry in os.scandir("/proc/self/task"):
        tid = int(entry.name)
        try:
            ns = int(Path(entry.path, "schedstat").read_text(encoding="ascii").split()[0])
        except (OSError, ValueError, IndexError):
            continue
        out[tid] = (thread_label(tid, names), ns / 1e9)
    return out


def cpu_by_group(
    before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]
) -> dict[str, float]:
    """CPU seconds per group between two snapshots (threads that ended meanwhile are lost)."""
    groups: dict[str, float] = {}
    for tid, (label, seconds) in after.items():
        start = before.get(tid, (label, 0.0))[1]
        groups[label] = groups.get(label, 0.0) + seconds - start
    return dict(sorted(groups.items(), key=lambda item: -item[1]))


@dataclass
class CpuMark:
    process_s: float
    mono: float
    threads: dict[int, tuple[str, float]]

    @classmethod
    def now(cls) -> CpuMark:
        return cls(time.process_time(), time.monotonic(), thread_cpu())


@dataclass(frozen=True)
class CpuSpan:
    cpu_s: float
    seconds: float
    groups: dict[str, float] = field(default_factory=dict)

    @classmethod
    def between(cls, start: CpuMark, end: CpuMark) -> CpuSpan:
        return cls(
            end.process_s - start.process_s,
            end.mono - start.mono,
            cpu_by_group(start.threads, end.threads),
        )

    @property
    def pct(self) -> float:
        """% of one core."""
        return 100 * self.cpu_s / self.seconds if self.seconds > 0 else 0.0


class Histogram:
    """Latencies in fixed 0.1 ms bins: no allocation per sample, so no heap growth."""

    def __init__(self) -> None:
        self.counts = np.zeros(HIST_BINS, dtype=np.int64)
        self.total = 0

    def add(self, seconds: Sequence[float]) -> None:
        if not seconds:
            return
        bins = np.minimum(np.asarray(seconds) * 1000 / HIST_BIN_MS, HIST_BINS - 1)
        np.add.at(self.counts, np.maximum(bins, 0).astype(np.int64), 1)
        self.total += len(seconds)

    def percentile_ms(self, fraction: float) -> float:
        """Nearest rank, at the middle of its bin."""
        if self.total == 0:
            return math.nan
        rank = max(1, math.ceil(fraction * self.total))
        index = int(np.searchsorted(np.cumsum(self.counts), rank))
        return (index + 0.5) * HIST_BIN_MS


# ---------------------------------------------------------------------------------------------
# The streams


def mounts(streams: int) -> dict[str, tuple[int, int, int]]:
    subs = {f"sub-{n:02d}": (*SUB_SIZE, FPS) for n in range(1, streams + 1)}
    return {**subs, MAIN_MOUNT: (*MAIN_SIZE, FPS)}


def sub_names(streams: int) -> list[str]:
    return [f"sub-{n:02d}" for n in range(1, streams + 1)]


def start_peer(stack: ExitStack, streams: int) -> RtspPeer:
    peer = RtspPeer(mounts(streams))
    try:
        peer.start(timeout=20)
    except RtspPeerError as exc:
        raise BenchError(str(exc)) from exc
    stack.callback(peer.stop)
    return peer


def pause(seconds: float) -> None:
    """Sleep (the GUI thread idles; nothing of Qt runs meanwhile)."""
    time.sleep(max(0.0, seconds))


# ---------------------------------------------------------------------------------------------
# 1. FFmpeg baseline


@dataclass(frozen=True)
class Baseline:
    span: CpuSpan
    frames: int  # decoded by all the processes over the window
    streams: int


def ffmpeg_args(url: str, progress: Path) -> list[str]:
    return [
        *("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin"),
        *("-progress", str(progress), "-stats_period", "0.5"),
        *("-rtsp_transport", "tcp", "-i", url, "-f", "null", "-"),
    ]


def progress_frames(path: Path) -> int:
    """The last `frame=` an ffmpeg -progress file reports (0 before the first)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 0
    frames = [line.split("=", 1)[1] for line in text.splitlines() if line.startswith("frame=")]
    return int(frames[-1]) if frames and frames[-1].strip().isdigit() else 0


@dataclass(frozen=True)
class Child:
    """One ffmpeg decoding one stream."""

    proc: subprocess.Popen[bytes]
    progress: Path  # its -progress file (frame counts)
    errors: Path  # its stderr

    def frames(self) -> int:
        return progress_frames(self.progress)

    def cpu_s(self) -> float:
        return proc_cpu_s(self.proc.pid)

    def check(self) -> None:
        if self.proc.poll() is not None:
            text = self.errors.read_text(encoding="utf-8", errors="replace").strip()
            raise BenchError(f"ffmpeg stopped (exit {self.proc.returncode}): {text[-500:]}")


@contextmanager
def ffmpeg_children(urls: list[str], folder: Path) -> Iterator[list[Child]]:
    """One ffmpeg per stream, stopped (SIGINT, then SIGKILL) afterwards."""
    children: list[Child] = []
    try:
        for n, url in enumerate(urls):
            progress, errors = folder / f"ffmpeg-{n}.progress", folder / f"ffmpeg-{n}.err"
            with errors.open("wb") as err:
                proc = subprocess.Popen(  # noqa: S603 - ffmpeg from PATH, fixed arguments
                    ffmpeg_args(url, progress),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                )
            children.append(Child(proc, progress, errors))
        yield children
    finally:
        for child in children:
            if child.proc.poll() is None:
                child.proc.send_signal(signal.SIGINT)
        for child in children:
            try:
                child.proc.wait(5)
            except subprocess.TimeoutExpired:
                child.proc.kill()
                child.proc.wait()


def wait_decoding(children: list[Child], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while any(child.frames() == 0 for child in children):
        for child in children:
            child.check()
        if time.monotonic() > deadline:
            raise BenchError(f"ffmpeg decoded nothing from some stream in {timeout_s:.0f} s")
        time.sleep(0.1)


def bench_ffmpeg(peer: RtspPeer, folder: Path, plan: Plan) -> Baseline:
    """The N+1 streams decoded by bare ffmpeg processes, over the CPU window."""
    urls = [peer.url(name) for name in peer.mounts]
    with ffmpeg_children(urls, folder) as children:
        wait_decoding(children, LIVE_WAIT_S)
        pause(plan.warmup_s)
        cpu0, frames0, t0 = (
            sum(c.cpu_s() for c in children),
            sum(c.frames() for c in children),
            time.monotonic(),
        )
        pause(plan.window_s)
        for child in children:
            child.check()
        cpu1, frames1, t1 = (
            sum(c.cpu_s() for c in children),
            sum(c.frames() for c in children),
            time.monotonic(),
        )
    return Baseline(CpuSpan(cpu1 - cpu0, t1 - t0), frames1 - frames0, len(urls))


# ---------------------------------------------------------------------------------------------
# 2, 3 and 6. The console's wall


SITE_HEAD = """\
[site]
name = "Wall bench"
timezone = "Asia/Shanghai"

[database]
url = "sqlite:///{db}"

[storage]
recordings = "{recordings}"
"""

CAMERA = """
[[cameras]]
id = "{id}"
name = "{name}"
main = "{main}"
{sub}record = false
"""


def write_site(folder: Path, peer: RtspPeer, streams: int) -> Path:
    text = SITE_HEAD.format(db=folder / "desk.db", recordings=folder / "recordings")
    main_url = peer.url(MAIN_MOUNT)
    for name in sub_names(streams):
        sub = f'sub = "{peer.url(name)}"\n'
        text += CAMERA.format(id=f"cam-{name}", name=f"Bench {name}", main=main_url, sub=sub)
    text += CAMERA.format(id=MAIN_CAMERA, name="Bench 1080p", main=main_url, sub="")
    path = folder / "bench-site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def layout_for(streams: int) -> int:
    """The smallest wall layout (1, 4, 9, 16 tiles) with a tile for every sub stream."""
    fitting = [n for n in LAYOUTS if n >= streams]
    if not fitting:
        raise BenchError(f"a wall has at most {LAYOUTS[-1]} tiles, not {streams}")
    return fitting[0]


def gui_app() -> QApplication:
    """The QApplication: offscreen unless QT_QPA_PLATFORM or a display says otherwise."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise BenchError("a QCoreApplication without widgets is already running")
    return app


def spin(seconds: float, every: Callable[[], None] | None = None) -> None:
    """Run the Qt event loop for `seconds`, calling `every` each DRAIN_MS."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, round(seconds * 1000)), loop.quit)
    timer = QTimer()
    if every is not None:
        timer.setInterval(DRAIN_MS)
        timer.timeout.connect(every)
        timer.start()
    loop.exec()
    timer.stop()


def spin_until(done: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            return False
        spin(0.05)
    return True


@dataclass
class WallRun:
    layout: str
    window: CpuSpan
    whole: CpuSpan
    latency: Histogram
    latency_main: Histogram
    rss_start: float
    rss_early: float
    rss_end: float
    rss_early_at: float
    streams_live: int
    streams_total: int
    decoded: int
    painted: int
    dropped: int


class Wall:
    """The wall pane (N sub tiles) and a second wall with the 1-camera layout showing the
    1080p camera's main stream, each a top-level window of WALL_SIZE, on a desk."""

    def __init__(self, stack: ExitStack, site: Path, streams: int) -> None:
        self.app = gui_app()
        self.desk = Desk.open(site)
        stack.callback(self.desk.close)
        self.bridge = BusBridge(self.desk.bus)
        stack.callback(self.bridge.close)
        self.desk.auth.add_user(None, BENCH_USER, "Bench", Role.ADMIN, BENCH_PASSWORD)
        actor = self.desk.login(BENCH_USER, BENCH_PASSWORD)
        self.context = PaneContext(self.desk, actor, self.bridge)
        self.streams = streams
        self.count = layout_for(streams)
        self.walls: list[CameraWall] = []
        stack.callback(self.close)
        self.tiles = self._open([f"cam-{name}" for name in sub_names(streams)], self.count)
        self.main_tile = self._open([MAIN_CAMERA], 1)[0]

    def _open(self, cameras: list[str], layout: int) -> list[CameraTile]:
        """A wall window with `layout` tiles showing `cameras`; their tiles (streams started)."""
        wall = CameraWall(self.context)
        self.walls.append(wall)
        wall.set_layout(layout, cameras)
        wall.resize(*WALL_SIZE)
        wall.show()  # starts the streams
        tiles = wall.tiles()[: len(cameras)]
        if [tile.camera_id for tile in tiles] != cameras:
            raise BenchError(f"the wall shows {[t.camera_id for t in tiles]}, not {cameras}")
        return tiles

    @property
    def all_tiles(self) -> list[CameraTile]:
        return [*self.tiles, self.main_tile]

    def statuses(self) -> list[StreamStatus | None]:
        return [tile.view.status() if tile.view is not None else None for tile in self.all_tiles]

    def painted(self) -> int:
        return sum(tile.painted for tile in self.all_tiles)

    def drain(self, subs: Histogram, main: Histogram) -> None:
        """Move the tiles' new latencies into the histograms (their deques are emptied)."""
        for tile in self.all_tiles:
            latencies = tile.latencies
            taken = [latencies.popleft() for _ in range(len(latencies))]
            (main if tile is self.main_tile else subs).add(taken)

    def close(self) -> None:
        """Close the windows (their views stop on threads of their own) and wait for them."""
        for wall in self.walls:
            wall.close()
            wall.deleteLater()
        self.walls.clear()
        QThreadPool.globalInstance().waitForDone(5000)
        QApplication.processEvents()
        wait_threads(("capture-", "wall-close-"), 10.0)

    # Waiting and counting

    def all_painted(self) -> bool:
        return all(tile.painted > 0 for tile in self.all_tiles)

    def live_count(self) -> int:
        return sum(1 for st in self.statuses() if st is not None and st.state is StreamState.LIVE)

    def counts(self) -> tuple[int, int]:
        """(decoded, dropped) summed over the views' workers."""
        statuses = [st for st in self.statuses() if st is not None]
        return sum(st.frames for st in statuses), sum(st.dropped for st in statuses)


def wait_threads(prefixes: tuple[str, ...], timeout_s: float) -> None:
    """Join this process's threads whose names start with one of `prefixes`."""
    deadline = time.monotonic() + timeout_s
    for thread in threading.enumerate():
        if thread.name.startswith(prefixes):
            thread.join(max(0.0, deadline - time.monotonic()))


def run_wall(wall: Wall, plan: Plan) -> WallRun:
    if not spin_until(wall.all_painted, LIVE_WAIT_S):
        raise BenchError(
            f"the wall did not paint every stream in {LIVE_WAIT_S:.0f} s "
            f"({wall.live_count()} of {len(wall.all_tiles)} live)"
        )
    subs, main = Histogram(), Histogram()
    spin(plan.warmup_s)
    wall.drain(Histogram(), Histogram())  # set-up and warm-up paints are not counted
    decoded0, dropped0 = wall.counts()
    painted0 = wall.painted()
    rss_start = rss_mib()

    def drain() -> None:
        wall.drain(subs, main)

    start = CpuMark.now()
    marks: dict[float, CpuMark] = {}
    rss: dict[float, float] = {}
    for at in sorted({plan.rss_early_s, plan.window_s, plan.run_s}):
        spin(start.mono + at - time.monotonic(), drain)
        marks[at] = CpuMark.now()
        rss[at] = rss_mib()
    drain()
    decoded1, dropped1 = wall.counts()
    side = round(math.sqrt(wall.count))
    return WallRun(
        layout=f"{wall.count} tiles ({side}x{side}) + the 1080p main stream in a 1-tile wall",
        window=CpuSpan.between(start, marks[plan.window_s]),
        whole=CpuSpan.between(start, marks[plan.run_s]),
        latency=subs,
        latency_main=main,
        rss_start=rss_start,
        rss_early=rss[plan.rss_early_s],
        rss_end=rss[plan.run_s],
        rss_early_at=plan.rss_early_s,
        streams_live=wall.live_count(),
        streams_total=len(wall.all_tiles),
        decoded=decoded1 - decoded0,
        painted=wall.painted() - painted0,
        dropped=dropped1 - dropped0,
    )


def bench_wall(peer: RtspPeer, folder: Path, streams: int, plan: Plan) -> WallRun:
    with ExitStack() as stack:
        stack.enter_context(environ("XDG_DATA_HOME", str(folder / "data")))
        wall = Wall(stack, write_site(folder, peer, streams), streams)
        return run_wall(wall, plan)


# ---------------------------------------------------------------------------------------------
# 4 and 5. Recorders and export


@dataclass(frozen=True)
class Recording:
    span: CpuSpan
    streams: int
    segments: list[Segment]
    gaps: list[Gap]


@dataclass(frozen=True)
class Export:
    clips: int
    footage_s: float
    seconds: float
    bytes: int

    @property
    def speed(self) -> float:
        return self.footage_s / self.seconds if self.seconds > 0 else 0.0


def wait_recording(recorders: Sequence[Any], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not all(r.status().state is StreamState.LIVE for r in recorders):
        if time.monotonic() > deadline:
            raise BenchError(f"the recorders did not all record within {timeout_s:.0f} s")
        time.sleep(0.1)


def bench_recorders(peer: RtspPeer, folder: Path, streams: int, plan: Plan) -> Recording:
    """N recorders alone in the process; the GUI thread sleeps (no event loop runs)."""
    from devices.cameras.recorder import Recorder

    segments: list[Segment] = []
    gaps: list[Gap] = []
    recorders = [
        Recorder(
            f"cam-{name}",
            peer.url(name),
            folder / "recordings",
            on_segment=segments.append,  # list.append is atomic: the threads may share it
            on_gap=gaps.append,
            on_status=lambda _status: None,
        )
        for name in sub_names(streams)
    ]
    try:
        for recorder in recorders:
            recorder.start()
        wait_recording(recorders, LIVE_WAIT_S)
        pause(plan.warmup_s)
        start = CpuMark.now()
        pause(plan.record_s)
        span = CpuSpan.between(start, CpuMark.now())
    finally:
        for recorder in recorders:
            recorder.stop()  # closes and reports the last segment
    return Recording(span, streams, sorted(segments, key=lambda s: s.start), gaps)


def bench_export(recording: Recording, folder: Path) -> Export:
    from devices.cameras.exporter import export_clip

    by_camera: dict[str, list[Segment]] = {}
    for segment in recording.segments:
        by_camera.setdefault(segment.camera_id, []).append(segment)
    if len(by_camera) < recording.streams:
        raise BenchError(f"only {len(by_camera)} of {recording.streams} recorders closed a segment")
    footage = seconds = 0.0
    size = 0
    for camera_id, segments in by_camera.items():
        out = folder / f"export-{camera_id}.mp4"
        parts = [(s.path, s.start, s.end) for s in segments]
        began = time.perf_counter()
        info = export_clip(parts, segments[0].start, segments[-1].end, out)
        seconds += time.perf_counter() - began
        footage += info.duration_s
        size += info.bytes
    return Export(len(by_camera), footage, seconds, size)


# ---------------------------------------------------------------------------------------------
# The report


def ratio(measured: float, aim: float) -> str:
    return f"{measured / aim:5.2f}" if aim and not math.isnan(measured) else "    -"


def row(name: str, value: str, aim: str, measured_over_aim: str, verdict: str) -> str:
    return f"{name:<34} {value:>22}  {aim:<14} {measured_over_aim:>9}  {verdict}"


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER AIM"


def cpu_rows(streams: int, base: Baseline, wall: WallRun) -> list[str]:
    cpu_ratio = wall.window.cpu_s / base.span.cpu_s if base.span.cpu_s > 0 else math.inf
    aim = f"<= {AIM_CPU_RATIO:g}"
    return [
        row(
            f"ffmpeg CPU ({base.streams} streams)",
            f"{base.span.cpu_s:.2f} s = {base.span.pct:.1f} %",
            "-",
            "",
            f"{base.span.seconds:.0f} s window",
        ),
        row(
            f"console CPU ({streams} tiles + main)",
            f"{wall.window.cpu_s:.2f} s = {wall.window.pct:.1f} %",
            "-",
            "",
            f"{wall.window.seconds:.0f} s window",
        ),
        row(
            "console / ffmpeg CPU",
            f"{cpu_ratio:.2f}",
            aim,
            ratio(cpu_ratio, AIM_CPU_RATIO),
            verdict(cpu_ratio <= AIM_CPU_RATIO),
        ),
        row(
            "console CPU, whole run",
            f"{wall.whole.cpu_s:.1f} s = {wall.whole.pct:.1f} %",
            "-",
            "",
            f"{wall.whole.seconds:.0f} s run",
        ),
    ]


def latency_rows(wall: WallRun) -> list[str]:
    median, p95 = wall.latency.percentile_ms(0.5), wall.latency.percentile_ms(0.95)
    main_median = wall.latency_main.percentile_ms(0.5)
    main_p95 = wall.latency_main.percentile_ms(0.95)
    return [
        row(
            "decode→paint median (sub tiles)",
            f"{median:.1f} ms",
            f"<= {AIM_LATENCY_MS:g} ms",
            ratio(median, AIM_LATENCY_MS),
            verdict(median <= AIM_LATENCY_MS),
        ),
        row("decode→paint p95 (sub tiles)", f"{p95:.1f} ms", "-", "", f"n={wall.latency.total}"),
        row(
            "decode→paint median (1080p main)",
            f"{main_median:.1f} ms",
            f"<= {AIM_LATENCY_MS:g} ms",
            ratio(main_median, AIM_LATENCY_MS),
            verdict(main_median <= AIM_LATENCY_MS),
        ),
        row(
            "decode→paint p95 (1080p main)",
            f"{main_p95:.1f} ms",
            "-",
            "",
            f"n={wall.latency_main.total}",
        ),
    ]


def recorder_rows(rec: Recording, export: Export) -> list[str]:
    per_stream = rec.span.pct / rec.streams
    return [
        row(
            "recorder CPU per stream",
            f"{per_stream:.2f} % core",
            f"<= {AIM_RECORDER_PCT:g} %",
            ratio(per_stream, AIM_RECORDER_PCT),
            verdict(per_stream <= AIM_RECORDER_PCT)
            + f"  ({rec.streams} recorders, {rec.span.cpu_s:.2f} s in {rec.span.seconds:.0f} s)",
        ),
        row(
            "export speed",
            f"{export.speed:.0f}x real time",
            f">= {AIM_EXPORT_X:g}x",
            ratio(export.speed, AIM_EXPORT_X),
            ("ok" if export.speed >= AIM_EXPORT_X else "UNDER AIM")
            + f"  ({export.clips} clips, {export.footage_s:.1f} s of footage"
            f" in {export.seconds:.3f} s)",
        ),
    ]


def memory_rows(wall: WallRun) -> list[str]:
    growth = wall.rss_end - wall.rss_early
    return [
        row("RSS at the run's start", f"{wall.rss_start:.1f} MiB", "-", "", ""),
        row(f"RSS after {wall.rss_early_at:.0f} s", f"{wall.rss_early:.1f} MiB", "-", "", ""),
        row(f"RSS at the end ({wall.whole.seconds:.0f} s)", f"{wall.rss_end:.1f} MiB", "-", "", ""),
        row("RSS growth", f"{growth:+.1f} MiB", "-", "", f"after {wall.rss_early_at:.0f} s"),
    ]


def group_lines(title: str, span: CpuSpan) -> list[str]:
    shown = "  ".join(
        f"{label} {100 * cpu / span.seconds:.1f} %"
        for label, cpu in span.groups.items()
        if span.seconds > 0 and cpu >= 0.005 * span.seconds
    )
    return [f"{title}: {shown} (of one core)"]


def report(
    streams: int,
    plan: Plan,
    quick: bool,
    base: Baseline,
    wall: WallRun,
    rec: Recording,
    export: Export,
) -> str:
    head = (
        f"Watchdesk wall bench{' (quick)' if quick else ''}: {streams} sub streams "
        f"{SUB_SIZE[0]}x{SUB_SIZE[1]}@{FPS} + 1 main {MAIN_SIZE[0]}x{MAIN_SIZE[1]}@{FPS} from "
        f"gst-rtsp-server (its CPU not counted)\nwall: {wall.layout}, windows "
        f"{WALL_SIZE[0]}x{WALL_SIZE[1]} ({os.environ.get('QT_QPA_PLATFORM') or 'display'}); "
        f"CPU windows {plan.window_s:g} s, wall run {plan.run_s:g} s, recorders "
        f"{plan.record_s:g} s; {os.cpu_count()} cores; the aims are for 9 tiles"
    )
    rule = "-" * 110
    header = row("figure", "measured", "aim", "meas/aim", "verdict")
    counts = (
        f"streams decoded {wall.streams_live}/{wall.streams_total}  frames decoded "
        f"{wall.decoded}  frames painted {wall.painted}  frames dropped {wall.dropped}  "
        f"(ffmpeg decoded {base.frames} in its window)"
    )
    lines = [
        head,
        rule,
        header,
        rule,
        *cpu_rows(streams, base, wall),
        *latency_rows(wall),
        *recorder_rows(rec, export),
        *memory_rows(wall),
        rule,
        counts,
        *group_lines("console CPU by thread", wall.window),
        *group_lines("recorders CPU by thread", rec.span),
        f"recording gaps {len(rec.gaps)}  segments {len(rec.segments)}",
        rule,
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Running it


def unavailable() -> str | None:
    """Why the bench cannot run here, or None."""
    if shutil.which("ffmpeg") is None:
        return "ffmpeg is not installed (Debian ffmpeg): it is the baseline"
    missing = available()
    if missing is not None:
        return f"the RTSP peer cannot run: {missing}"
    return None


def run_all(streams: int, plan: Plan) -> tuple[Baseline, WallRun, Recording, Export]:
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="watchdesk-wall-")))
        peer = start_peer(stack, streams)
        base = bench_ffmpeg(peer, folder, plan)
        wall = bench_wall(peer, folder, streams, plan)
        rec = bench_recorders(peer, folder, streams, plan)
        export = bench_export(rec, folder)
    return base, wall, rec, export


def run_bench(streams: int, minutes: float, quick: bool) -> int:
    """Run the bench, print the figures; 0, or 1 with a message when it could not run."""
    if not 1 <= streams <= LAYOUTS[-1] or minutes <= 0:
        sys.stderr.write(
            f"bench wall: --streams must be 1 to {LAYOUTS[-1]} (a wall's tiles) "
            "and --minutes positive\n"
        )
        return 1
    if binding_drops_references():
        sys.stderr.write(BINDING_BROKEN.replace("bench alarms", "bench wall"))
        return 1
    why = unavailable()
    if why is not None:
        sys.stderr.write(f"bench wall: {why}\n")
        return 1
    plan = Plan.make(minutes, quick)
    started = datetime.now(UTC)
    try:
        base, wall, rec, export = run_all(streams, plan)
    except BenchError as exc:
        sys.stderr.write(f"bench wall: {exc}\n")
        return 1
    sys.stdout.write(report(streams, plan, quick, base, wall, rec, export))
    sys.stdout.write(f"took {(datetime.now(UTC) - started).total_seconds():.0f} s\n")
    sys.stdout.flush()
    if wall.streams_live < wall.streams_total:
        sys.stderr.write(
            f"bench wall: only {wall.streams_live} of {wall.streams_total} streams were live "
            "at the end\n"
        )
        return 1
    return 0
