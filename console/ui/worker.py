"""Run blocking work (password hashing, queries) off the GUI thread; results come back as
queued signals, so slots stay short."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI, which words it
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


_pending: set[_Relay] = set()


def run_in_background(
    owner: QObject,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None],
) -> None:
    """Call `fn` on the thread pool; `on_done(result)` or `on_failed(error)` then runs on the
    GUI thread, unless `owner` (the widget that asked) has been deleted meanwhile."""
    relay = _Relay()  # lives in the GUI thread: its signals queue into it
    _pending.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _pending.discard(relay)
        if shiboken6.isValid(owner):
            callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_failed, exc))
    QThreadPool.globalInstance().start(_Task(fn, relay))


class Reloader:
    """A pane's reload: `prepare()` reads what to load on the GUI thread and returns the call
    to make on the thread pool; one load runs at a time, and a reload asked for meanwhile runs
    once when it is done (so the last result shown is never older than the last ask)."""

    def __init__(
        self,
        owner: QObject,
        prepare: Callable[[], Callable[[], Any]],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        self.owner, self.prepare = owner, prepare
        self.on_done, self.on_failed = on_done, on_failed
        self.loading = self.again = False

    def __call__(self) -> None:
        if self.loading:
            self.again = True
            return
        self.loading, self.again = True, False
        run_in_background(self.owner, self.prepare(), self._done, self._failed)

    def _done(self, value: Any) -> None:
        self.loading = False
        self.on_done(value)
        if self.again:
            self()

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.on_failed(exc)
        if self.again:
            self()
