"""Start and stop the GStreamer RTSP server (resources/gst_rtsp_server.py) as a child process.

The tests' camera peer and the wall benchmark's stream source. It needs the system Python
with GStreamer's introspection data; `available()` says whether this machine has it.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

SERVER_SCRIPT = Path(__file__).resolve().parents[2] / "resources" / "gst_rtsp_server.py"
SYSTEM_PYTHON = os.environ.get("WATCHDESK_GST_PYTHON", "/usr/bin/python3")

Mounts = dict[str, tuple[int, int, int]]  # name -> (width, height, fps)


class RtspPeerError(RuntimeError):
    pass


def available() -> str | None:
    """None when the server can run here, else what is missing."""
    if not shutil.which(SYSTEM_PYTHON):
        return f"{SYSTEM_PYTHON} not found"
    probe = subprocess.run(  # noqa: S603 - fixed arguments
        [
            SYSTEM_PYTHON,
            "-c",
            "import gi; gi.require_version('GstRtspServer', '1.0'); "
            "from gi.repository import Gst, GstRtspServer; Gst.init(None); "
            "assert Gst.ElementFactory.find('x264enc'), 'x264enc'",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        lines = probe.stderr.strip().splitlines()
        return (
            "GStreamer RTSP server unavailable (Debian python3-gi, gir1.2-gst-rtsp-server-1.0, "
            f"gstreamer1.0-plugins-ugly): {lines[-1] if lines else probe.returncode}"
        )
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RtspPeer:
    def __init__(self, mounts: Mounts, port: int | None = None) -> None:
        self.mounts = dict(mounts)
        self.port = port or free_port()
        self._proc: subprocess.Popen[str] | None = None

    def url(self, name: str) -> str:
        if name not in self.mounts:
            raise KeyError(name)
        return f"rtsp://127.0.0.1:{self.port}/{name}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float = 15.0) -> None:
        """Start the server and return once it accepts connections (same port every time)."""
        if self.running:
            return
        args = [SYSTEM_PYTHON, str(SERVER_SCRIPT), "--port", str(self.port)]
        for name, (width, height, fps) in self.mounts.items():
            args += ["--mount", f"{name}={width}x{height}@{fps}"]
        deadline = time.monotonic() + timeout
        while True:
            proc = subprocess.Popen(  # noqa: S603 - our own script
                args,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            line = self._first_line(proc, deadline)
            if line.startswith("READY"):
                self._proc = proc
                return
            err = proc.stderr.read() if proc.stderr and proc.poll() is not None else ""
            self._kill(proc)
            # The port can linger for a moment after a stop; retry until the deadline.
            if time.monotonic() >= deadline:
                raise RtspPeerError(f"RTSP server did not start on port {self.port}: {err}")
            time.sleep(0.2)

    @staticmethod
    def _first_line(proc: subprocess.Popen[str], deadline: float) -> str:
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 0.1)
            if ready:
                return proc.stdout.readline()
            if proc.poll() is not None:
                return ""
        return ""

    def stop(self) -> None:
        if self._proc is not None:
            self._kill(self._proc)
            self._proc = None

    @staticmethod
    def _kill(proc: subprocess.Popen[str]) -> None:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()

    def __enter__(self) -> RtspPeer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
