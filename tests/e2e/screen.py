"""A virtual X screen for end-to-end tests: Xvfb, xdotool, and a screenshot taken by Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
ok = app.primaryScreen().grabWindow(0).save(sys.argv[1])
sys.exit(0 if ok else 1)
"""


class Screen:
    def __init__(self, width: int = 1600, height: int = 1000) -> None:
        if not shutil.which("Xvfb") or not shutil.which("xdotool"):
            raise RuntimeError("Xvfb and xdotool are needed (scripts/bootstrap installs them)")
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_fd,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.proc.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb", **extra)
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def xdotool(self, *args: str) -> str:
        out = subprocess.run(
            ["xdotool", *args], env=self.env(), capture_output=True, text=True, check=False
        )
        return out.stdout.strip()

    def wait_window(self, title_regex: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.xdotool("search", "--onlyvisible", "--name", title_regex)
            if found:
                return found.splitlines()[-1]
            time.sleep(0.2)
        raise TimeoutError(f"no window titled /{title_regex}/ within {timeout} s")

    def type_into(self, window: str, *keys_and_text: str) -> None:
        """Focus `window`, then each item: a 'key:NAME' presses a key, anything else is typed."""
        self.xdotool("windowactivate", "--sync", window)
        self.xdotool("windowfocus", "--sync", window)
        for item in keys_and_text:
            if item.startswith("key:"):
                self.xdotool("key", "--clearmodifiers", item[4:])
            else:
                self.xdotool("type", "--delay", "20", item)
            time.sleep(0.1)

    def screenshot(self, path: Path) -> None:
        subprocess.run(
            [sys.executable, "-c", GRAB, str(path)], env=self.env(), check=True, timeout=30
        )

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
