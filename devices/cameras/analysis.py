"""The analysis worker: one camera's sub stream analysed at a reduced rate on its own threads.

A capture worker (devices.cameras.capture) decodes the stream and hands over at most `fps`
pictures a second, scaled to `size`; this worker's thread takes the newest one, feeds it to
its Analyzer (devices.cameras.analytics) and passes any detections to `on_detections`. It
shares nothing with the wall's tiles: a slow analysis drops analysis frames (counted), never
a live one. Callbacks run on the worker's thread and must not block for long.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from devices.cameras.analytics import Analyzer, Detection, Rule
from devices.cameras.base import StatusChanged, StreamStatus
from devices.cameras.capture import CaptureWorker, open_capture

log = logging.getLogger(__name__)

ANALYSIS_SIZE = (640, 360)  # pictures taken at this size (snapshots); analysed smaller
DetectionsFound = Callable[[list[Detection]], None]


class AnalysisWorker:
    def __init__(
        self,
        name: str,
        url: str,
        analyzer: Analyzer,
        *,
        on_detections: DetectionsFound,
        on_status: StatusChanged | None = None,
        fps: float = 5.0,
        size: tuple[int, int] = ANALYSIS_SIZE,
        on_analysed: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        self.analyzer = analyzer
        self._on_detections = on_detections
        self._on_status = on_status
        self._on_analysed = on_analysed
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._pending_rules: Sequence[Rule] | None = None
        self._reset = False
        self._thread: threading.Thread | None = None
        self.analysed = 0  # pictures fed to the analyzer
        self.busy_s = 0.0  # thread time spent analysing them
        self._capture: CaptureWorker = open_capture(
            url,
            name=f"{name}/analysis",
            size=size,
            on_frame=self._wake.set,
            on_status=self._status,
            max_fps=fps,
        )

    @property
    def capture(self) -> CaptureWorker:
        return self._capture

    @property
    def url_label(self) -> str:
        return self._capture.url_label

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"analysis {self.name} was already started")
        self._thread = threading.Thread(
            target=self._main, name=f"analysis-{self.name}", daemon=True
        )
        self._thread.start()
        self._capture.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        self._wake.set()
        self._capture.stop(timeout)
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def set_rules(self, rules: Sequence[Rule]) -> None:
        """New areas; taken up by the worker's thread before the next picture."""
        with self._lock:
            self._pending_rules = tuple(rules)
        self._wake.set()

    def reset_reference(self) -> None:
        """Take the coming pictures as the camera's normal view (on demand)."""
        with self._lock:
            self._reset = True
        self._wake.set()

    def status(self) -> StreamStatus:
        return self._capture.status()

    def dropped(self) -> int:
        """Pictures the capture handed over that were replaced before analysis took them."""
        return self._capture.status().dropped

    def _status(self, status: StreamStatus) -> None:
        if self._on_status is not None:
            self._on_status(status)

    def _main(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(0.5)
            self._wake.clear()
            if self._stop.is_set():
                return
            self._apply_changes()
            frame = self._capture.take()
            if frame is None:
                continue
            self._analyse(frame)

    def _apply_changes(self) -> None:
        with self._lock:
            rules, self._pending_rules = self._pending_rules, None
            reset, self._reset = self._reset, False
        if rules is not None:
            self.analyzer.set_rules(rules)
        if reset:
            self.analyzer.reset_reference()

    def _analyse(self, frame: Any) -> None:
        began = time.thread_time()
        try:
            found = self.analyzer.feed(frame.image, frame.decoded_mono, frame.wall)
        except Exception:
            log.exception("%s: analysis failed on a picture", self.name)
            return
        finally:
            self.busy_s += time.thread_time() - began
            self.analysed += 1
        try:
            if found:
                self._on_detections(found)
            if self._on_analysed is not None:
                self._on_analysed()
        except Exception:
            log.exception("%s: handling the analysis failed", self.name)
