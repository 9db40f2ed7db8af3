"""`main.py bench wall --streams 4 --quick` end to end: it runs and prints every figure.

The figures depend on the machine, so only their presence (each with a number, beside its aim)
and the sense of the counts are checked, never the aims. It needs ffmpeg and gst-rtsp-server
(the RTSP peer); where either is missing, the bench must say so and exit 1 instead."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from devices.cameras.rtsp_peer import available
from tests.e2e.conftest import MAIN

NUMBER = r"[-+]?\d+(?:\.\d+)?"
# Each figure's row: its name, then its value in these words.
FIGURES = {
    "ffmpeg CPU (5 streams)": rf"(?P<cpu>{NUMBER}) s = (?P<pct>{NUMBER}) %",
    "console CPU (4 tiles + main)": rf"(?P<cpu>{NUMBER}) s = (?P<pct>{NUMBER}) %",
    "console / ffmpeg CPU": rf"(?P<ratio>{NUMBER})\s+<= 1.3\s+(?P<of_aim>{NUMBER})",
    "console CPU, whole run": rf"(?P<cpu>{NUMBER}) s = (?P<pct>{NUMBER}) %",
    "decode→paint median (sub tiles)": rf"(?P<ms>{NUMBER}) ms\s+<= 40 ms\s+{NUMBER}",
    "decode→paint p95 (sub tiles)": rf"(?P<ms>{NUMBER}) ms",
    "decode→paint median (1080p main)": rf"(?P<ms>{NUMBER}) ms\s+<= 40 ms\s+{NUMBER}",
    "decode→paint p95 (1080p main)": rf"(?P<ms>{NUMBER}) ms",
    "recorder CPU per stream": rf"(?P<pct>{NUMBER}) % core\s+<= 1 %\s+{NUMBER}",
    "export speed": rf"(?P<x>{NUMBER})x real time\s+>= 100x\s+{NUMBER}",
    "RSS at the run's start": rf"(?P<mib>{NUMBER}) MiB",
    "RSS after 5 s": rf"(?P<mib>{NUMBER}) MiB",
    "RSS at the end": rf"(?P<mib>{NUMBER}) MiB",
    "RSS growth": rf"(?P<mib>{NUMBER}) MiB",
}
COUNTS = re.compile(
    r"^streams decoded (?P<live>\d+)/(?P<total>\d+)\s+frames decoded (?P<decoded>\d+)\s+"
    r"frames painted (?P<painted>\d+)\s+frames dropped (?P<dropped>\d+)",
    re.M,
)


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [*MAIN, "bench", "wall", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=110,  # ~40 s here; room for a busy CI machine, within pytest's 120 s
        check=False,
    )


def figure(out: str, name: str) -> dict[str, float]:
    pattern = rf"^{re.escape(name)}(?: \(\d+ s\))?\s+{FIGURES[name]}"
    match = re.search(pattern, out, re.M)
    assert match is not None, f"{name!r} missing, or without a number or its aim:\n{out}"
    return {key: float(value) for key, value in match.groupdict().items()}


@pytest.mark.e2e
def test_bench_wall_quick_prints_every_figure() -> None:
    missing = available() or (None if shutil.which("ffmpeg") else "ffmpeg not found")
    result = bench("--streams", "4", "--quick")
    if missing is not None:
        assert result.returncode == 1, result.stdout + result.stderr
        assert "bench wall:" in result.stderr
        pytest.skip(f"the bench cannot run here: {missing}")
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    out = result.stdout

    figures = {name: figure(out, name) for name in FIGURES}
    for name in ("ffmpeg CPU (5 streams)", "console CPU (4 tiles + main)"):
        assert figures[name]["cpu"] > 0, out
    ratio = figures["console / ffmpeg CPU"]["ratio"]
    assert ratio > 0
    assert figures["console / ffmpeg CPU"]["of_aim"] == pytest.approx(ratio / 1.3, abs=0.01)
    for where in ("sub tiles", "1080p main"):
        median = figures[f"decode→paint median ({where})"]["ms"]
        assert 0 < median <= figures[f"decode→paint p95 ({where})"]["ms"], out
    assert figures["recorder CPU per stream"]["pct"] > 0
    assert figures["export speed"]["x"] > 1
    assert figures["RSS at the end"]["mib"] > 50
    assert figures["RSS growth"]["mib"] == pytest.approx(
        figures["RSS at the end"]["mib"] - figures["RSS after 5 s"]["mib"], abs=0.15
    )

    counts = COUNTS.search(out)
    assert counts is not None, out
    live, total = int(counts["live"]), int(counts["total"])
    assert live == total == 5
    decoded, painted = int(counts["decoded"]), int(counts["painted"])
    assert 0 < painted <= decoded + total  # a tile may paint one frame decoded before
    assert int(counts["dropped"]) <= decoded


@pytest.mark.e2e
def test_bench_wall_refuses_more_streams_than_a_wall_has_tiles() -> None:
    result = bench("--streams", "17", "--quick")
    assert result.returncode == 1
    assert "--streams must be 1 to 16" in result.stderr
    assert result.stdout == ""
