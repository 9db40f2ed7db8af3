"""A small thread-safe publish/subscribe bus: core publishes, the UI subscribes.

Callbacks run on the publisher's thread; the UI bridges them into queued Qt signals.
Publishing happens after the change is committed, never before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    topic: str
    data: dict[str, Any] = field(default_factory=dict)
    # None for this process's own events; another desk's origin (console.core.changes) for
    # changes it made, which arrive here through the change feed with their data as JSON.
    origin: str | None = None


Handler = Callable[[Event], None]


class EventBus:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handlers: list[tuple[str, Handler]] = []

    def subscribe(self, prefix: str, handler: Handler) -> Callable[[], None]:
        """Call `handler` for every topic starting with `prefix` ("" for all). Returns an
        unsubscribe function."""
        entry = (prefix, handler)
        with self._lock:
            self._handlers.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._handlers:
                    self._handlers.remove(entry)

        return unsubscribe

    def publish(self, topic: str, **data: Any) -> None:
        self._deliver(Event(topic, data))

    def publish_from(self, origin: str, topic: str, **data: Any) -> None:
        """Another desk's change, read from the change feed."""
        self._deliver(Event(topic, data, origin))

    def _deliver(self, event: Event) -> None:
        topic = event.topic
        with self._lock:
            handlers = [h for prefix, h in self._handlers if topic.startswith(prefix)]
        for handler in handlers:
            try:
                handler(event)
            except Exception:
                # A broken subscriber must not stop the others or the publisher.
                log.exception("event handler failed for %s", topic)
