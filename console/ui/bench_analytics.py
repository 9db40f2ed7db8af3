"""`python main.py bench analytics [--streams N] [--quick]`: what video analysis costs, and how
soon an event in the picture is an alarm in the database.

Qt-free (it lives beside the wall bench to share its FFmpeg baseline and CPU counters). Three
phases, one after the other:

1. FFmpeg baseline: one `RtspPeer` (gst-rtsp-server in a child process, not counted) serves N
   live H.264 streams of 640x360@25 (a camera's sub stream); one bare `ffmpeg -f null` per
   stream decodes them. Their CPU over the window (/proc/PID/stat) / window / N = % of one core
   to decode one stream.
2. Analysis: N `AnalysisWorker`s (the real class: capture thread decoding every frame, handing
   over 5 a second at 640x360, the Analyzer on its own thread with tamper checks and one
   intrusion area over the lower half of the picture) on the same streams, alone in this
   process. `time.process_time()` over the window / window / N = % of one core per analysed
   camera (everything counts: decoding, scaling, analysis, GC); the ratio to the baseline says
   what analysis adds to decoding. The analyzer threads' own CPU is shown apart.
3. Delay: a `Desk` on a temporary site with two `sim:` cameras whose scripted scenes repeat an
   event every 5 s: a person walking into an intrusion area (the area's minimum duration set
   to 0, so the figure is the pipeline's own delay; a rule's minimum duration adds to it) and
   an object falling down a façade (thrown-object area). The desk's analysis runs as in
   service; each alarm commit is timed when the queue publishes it, against the moment the
   scene put the event into the picture (the sim camera's clock origin + the scripted second).

Aims (printed beside the figures; the exit code is 0 when every phase ran): <= 3 % of a core
per analysed camera, delay <= 1 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from console.core.analytics import AreaDraft
from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.ui.bench_alarms import BenchError, environ
from console.ui.bench_wall import (
    CpuMark,
    CpuSpan,
    ffmpeg_children,
    pause,
    wait_decoding,
)
from devices.cameras.analysis import AnalysisWorker
from devices.cameras.analytics import Analyzer, Rule
from devices.cameras.capture import SimCapture
from devices.cameras.rtsp_peer import RtspPeer, RtspPeerError, available

SUB = (640, 360, 25)
FPS = 5.0
AIM_PCT = 3.0
AIM_DELAY_S = 1.0
LIVE_WAIT_S = 30.0
LOWER_HALF = ((0.0, 0.5), (1.0, 0.5), (1.0, 1.0), (0.0, 1.0))
EVENT_EVERY_S = 5.0
FIRST_EVENT_S = 6.0  # after the analysis has learnt the view


@dataclass(frozen=True)
class Plan:
    warmup_s: float
    window_s: float
    events: int  # scripted events per delay camera

    @classmethod
    def make(cls, quick: bool) -> Plan:
        if quick:
            return cls(warmup_s=0.5, window_s=3.0, events=2)
        return cls(warmup_s=4.0, window_s=30.0, events=10)


@dataclass(frozen=True)
class AnalysisCost:
    span: CpuSpan
    analyser_s: float  # CPU of the analyzer threads (Analyzer.feed) over the window
    analysed: int  # pictures analysed over the window, all cameras
    streams: int


# ---------------------------------------------------------------------------------------------
# 1 and 2: CPU


def bench_baseline(urls: list[str], folder: Path, plan: Plan) -> CpuSpan:
    with ffmpeg_children(urls, folder) as children:
        wait_decoding(children, LIVE_WAIT_S)
        pause(plan.warmup_s)
        t0, cpu0 = time.monotonic(), sum(c.cpu_s() for c in children)
        pause(plan.window_s)
        cpu1, t1 = sum(c.cpu_s() for c in children), time.monotonic()
        for child in children:
            child.check()
    return CpuSpan(cpu1 - cpu0, t1 - t0)


def bench_analysis(urls: list[str], plan: Plan) -> AnalysisCost:
    rule = Rule(id=1, kind="intrusion", polygon=LOWER_HALF)
    workers = [
        AnalysisWorker(
            f"bench-{n}", url, Analyzer([rule]), on_detections=lambda found: None, fps=FPS
        )
        for n, url in enumerate(urls, start=1)
    ]
    try:
        for worker in workers:
            worker.start()
        deadline = time.monotonic() + LIVE_WAIT_S
        while any(w.analysed == 0 for w in workers):
            if time.monotonic() > deadline:
                raise BenchError(f"some stream gave no picture to analyse in {LIVE_WAIT_S:.0f} s")
            time.sleep(0.1)
        pause(plan.warmup_s)
        busy0, count0 = sum(w.busy_s for w in workers), sum(w.analysed for w in workers)
        start = CpuMark.now()
        pause(plan.window_s)
        span = CpuSpan.between(start, CpuMark.now())
        busy1, count1 = sum(w.busy_s for w in workers), sum(w.analysed for w in workers)
    finally:
        for worker in workers:
            worker.stop()
    return AnalysisCost(span, busy1 - busy0, count1 - count0, len(workers))


# ---------------------------------------------------------------------------------------------
# 3: delay


def scene(action: str, plan: Plan) -> str:
    times = [FIRST_EVENT_S + k * EVENT_EVERY_S for k in range(plan.events)]
    if action == "fall":
        return ",".join(f"fall@{t:g}" for t in times)
    return ",".join(f"{action}@{t:g}-{t + 1.5:g}" for t in times)


def site_text(folder: Path, plan: Plan) -> str:
    return f"""[site]
name = "bench"
[database]
url = "sqlite:///{folder / "bench.db"}"
[storage]
recordings = "{folder / "recordings"}"
[analytics]
fps = {FPS:g}
[[cameras]]
id = "walker"
name = "walker"
main = "sim:walker?scene={scene("walk", plan)}"
tamper = false
[[cameras]]
id = "facade"
name = "facade"
main = "sim:facade?scene={scene("fall", plan)}"
tamper = false
[[alarm_sources]]
id = "video"
kind = "video"
[[zones]]
id = "walk-zone"
name = "walk"
source = "video"
kind = "video"
point = "video:walk"
camera = "walker"
[[zones]]
id = "fall-zone"
name = "fall"
source = "video"
kind = "video"
point = "video:fall"
camera = "facade"
"""


def bench_delay(folder: Path, plan: Plan) -> dict[str, list[float]]:
    path = folder / "site.toml"
    path.write_text(site_text(folder, plan), encoding="utf-8")
    desk = Desk.open(path)
    commits: list[tuple[float, int]] = []
    lock = threading.Lock()

    def committed(event: object) -> None:
        data = getattr(event, "data", {})
        if data.get("change") in ("raised", "repeat") and data.get("alarm_id"):
            with lock:
                commits.append((time.monotonic(), int(data["alarm_id"])))

    try:
        desk.bus.subscribe("alarm.changed", committed)
        admin = Actor(0, "bench", "bench", Role.ADMIN)
        whole = [[0, 0], [1, 0], [1, 1], [0, 1]]
        desk.analytics.save_area(
            admin, AreaDraft("walker", "intrusion", whole, zone_id="walk-zone", min_seconds=0)
        )
        desk.analytics.save_area(admin, AreaDraft("facade", "thrown", whole, zone_id="fall-zone"))
        desk.analytics.start()
        pause(FIRST_EVENT_S + plan.events * EVENT_EVERY_S + 1.0)
        origins = {cid: _origin(desk, cid) for cid in ("walker", "facade")}
        desk.analytics.stop()
        zones = {a: desk.alarms.get(a).zone_id for _, a in commits}
    finally:
        desk.close()
    starts = [FIRST_EVENT_S + k * EVENT_EVERY_S for k in range(plan.events)]
    found: dict[str, list[float]] = {"intrusion": [], "thrown": []}
    for mono, alarm_id in commits:
        camera = "walker" if zones[alarm_id] == "walk-zone" else "facade"
        began = [origins[camera] + s for s in starts if origins[camera] + s <= mono]
        if began:
            found["intrusion" if camera == "walker" else "thrown"].append(mono - began[-1])
    return found


def _origin(desk: Desk, camera_id: str) -> float:
    worker = desk.analytics.worker(camera_id)
    capture = worker.capture if worker else None
    if not isinstance(capture, SimCapture) or capture.origin_mono is None:
        raise BenchError(f"the {camera_id} camera never started")
    return capture.origin_mono


# ---------------------------------------------------------------------------------------------
# Running and printing


def run_all(streams: int, plan: Plan) -> tuple[CpuSpan, AnalysisCost, dict[str, list[float]]]:
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="bench-analytics-") as tmp:
        folder = Path(tmp)
        stack.enter_context(environ("XDG_DATA_HOME", str(folder / "data")))
        peer = RtspPeer({f"sub-{n:02d}": SUB for n in range(1, streams + 1)})
        try:
            peer.start(timeout=20)
        except RtspPeerError as exc:
            raise BenchError(str(exc)) from exc
        stack.callback(peer.stop)
        urls = [peer.url(name) for name in peer.mounts]
        base = bench_baseline(urls, folder, plan)
        cost = bench_analysis(urls, plan)
        peer.stop()
        delays = bench_delay(folder, plan)
    return base, cost, delays


def _delay_line(name: str, values: Sequence[float], expected: int) -> str:
    if not values:
        return f"  {name:<22} no alarm committed (of {expected} events)  aim <= {AIM_DELAY_S:g} s"
    median = statistics.median(values)
    verdict = "met" if max(values) <= AIM_DELAY_S else "NOT met"
    return (
        f"  {name:<22} median {median * 1000:.0f} ms, max {max(values) * 1000:.0f} ms "
        f"over {len(values)} of {expected} events  aim <= {AIM_DELAY_S:g} s: {verdict}"
    )


def report(streams: int, plan: Plan, base: CpuSpan, cost: AnalysisCost, delays: dict) -> str:
    per_base = base.pct / streams
    per_camera = cost.span.pct / cost.streams
    analyser = 100 * cost.analyser_s / cost.span.seconds / cost.streams
    ratio = per_camera / per_base if per_base > 0 else float("nan")
    verdict = "met" if per_camera <= AIM_PCT else "NOT met"
    fps = cost.analysed / cost.span.seconds / cost.streams
    lines = [
        f"bench analytics: {streams} streams 640x360@25 (H.264), analysed at {FPS:g} fps, "
        f"windows {plan.window_s:g} s",
        f"  bare ffmpeg decode       {per_base:.2f} % of a core per stream",
        f"  analysed camera          {per_camera:.2f} % of a core per camera "
        f"(decode + scale + analysis)  aim <= {AIM_PCT:g} %: {verdict}",
        f"    of which the analyzer  {analyser:.2f} % ({fps:.1f} pictures/s per camera)",
        f"  ratio analysed / bare decode  {ratio:.2f}",
        "delay from the event in the picture to the alarm committed:",
        _delay_line("intrusion (min 0 s)", delays["intrusion"], plan.events),
        _delay_line("thrown object", delays["thrown"], plan.events),
    ]
    return "\n".join(lines) + "\n"


def run_bench(streams: int = 4, quick: bool = False) -> int:
    """Run the bench, print the figures; 0, or 1 with a message when it could not run."""
    if not 1 <= streams <= 16:
        sys.stderr.write("bench analytics: --streams must be 1 to 16\n")
        return 1
    why = available()
    if why is not None:
        sys.stderr.write(f"bench analytics: {why}\n")
        return 1
    plan = Plan.make(quick)
    try:
        base, cost, delays = run_all(streams, plan)
    except BenchError as exc:
        sys.stderr.write(f"bench analytics: {exc}\n")
        return 1
    sys.stdout.write(report(streams, plan, base, cost, delays))
    sys.stdout.flush()
    if not delays["intrusion"] or not delays["thrown"]:
        sys.stderr.write("bench analytics: some scripted event raised no alarm\n")
        return 1
    return 0
