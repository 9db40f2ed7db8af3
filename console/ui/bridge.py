"""Core's event bus into Qt: every core event becomes a queued signal on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from console.core.events import Event, EventBus


class BusBridge(QObject):
    published = Signal(object)  # console.core.events.Event

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = bus.subscribe("", self._forward)

    def _forward(self, event: Event) -> None:
        self.published.emit(event)  # queued when published from a worker thread

    def close(self) -> None:
        self._unsubscribe()
