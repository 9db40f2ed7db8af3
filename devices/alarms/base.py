"""What every alarm driver shares: the typed event it produces and the callbacks it is given.

A driver turns bytes into `DeviceEvent`s and hands each to its `Sink`. The sink returns only
once the event is committed to the database (and raises if it could not be), so a driver
acknowledges its device after `sink(event)` returns and never before. Drivers never touch the
database or Qt; they run on their own threads and report link state through `StatusFn`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from console.core.site import SerialSettings


class EventType(StrEnum):
    ALARM = "alarm"  # a zone goes into alarm (fire, intrusion, panic, lift, tamper)
    RESTORE = "restore"  # a zone that was in alarm is back to normal
    TROUBLE = "trouble"  # a device or point fault (Contact ID 3xx, GST 故障)
    TROUBLE_RESTORE = "trouble_restore"
    DISABLED = "disabled"  # a point switched off at the panel (GST 屏蔽)
    RESET = "reset"  # the panel was reset (GST 复位 / 系统复位)
    TEST = "test"  # test reports (Contact ID 6xx)
    COMM_FAULT = "comm_fault"  # the source cannot be reached (通讯故障 / link fault)
    COMM_RESTORE = "comm_restore"  # ... and is back
    INFO = "info"  # anything else worth keeping on record (arming, linkage feedback, ...)


# What a point's own protocol says it is, when it says (Contact ID codes, GST words). The
# zone's kind from the site file wins when the point is mapped to a zone.
KIND_HINTS = ("fire", "panic", "infrared", "perimeter", "tamper", "elevator", "fault")


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class DeviceEvent:
    source_id: str
    type: EventType
    point: str | None  # the zone point in the site file's canonical form; None: the source
    code: str = ""  # the protocol's own word for it: "E110", "首次火警", "di:3=1"
    text: str = ""  # details for people: location, device type, fault reason
    raw: str = ""  # what arrived, printable (control bytes as <XX>), for the record
    kind_hint: str | None = None  # one of KIND_HINTS, or None
    label: str = ""  # what to call it when no zone maps it (a camera's name for video loss)
    # Set when a resend of the very same report must be recognised (Contact ID after a lost
    # ACK): the same key from the same source within DEDUP_WINDOW_S is stored as a duplicate.
    dedup_key: str | None = None
    device_time: datetime | None = None  # the time the device printed, if it did
    # A picture of it (video analysis), relative to the site's snapshots folder; the file is
    # written before the event is stored.
    snapshot: str | None = None
    received_at: datetime = field(default_factory=utcnow)
    received_mono: float = field(default_factory=time.monotonic)  # for latency figures


DEDUP_WINDOW_S = 30.0

Sink = Callable[[DeviceEvent], None]
"""Stores the event; returns after the commit, raises if it could not be stored."""

StatusFn = Callable[[str, bool, str], None]
"""(source_id, link_ok, detail): called when a source's link comes up or goes down."""


class Driver(Protocol):
    """A running connection to one physical line (serial port, TCP peer, simulator)."""

    source_ids: tuple[str, ...]
    stats: Counter[str]  # e.g. lines_ok, lines_bad, duplicates, polls_failed, events

    def start(self) -> None: ...

    def stop(self, timeout: float = 3.0) -> None: ...


def printable(data: bytes | str) -> str:
    """Bytes or text with control characters written as <XX>, for logs and the record."""
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    return "".join(c if c.isprintable() else f"<{ord(c):02X}>" for c in text)


def open_serial(
    source: SerialSettings, *, timeout: float, write_timeout: float | None = None
) -> Any:
    """The source's port (a device path or a pyserial URL) opened with its line settings.

    Raises serial.SerialException (an OSError) or ValueError. Opening discards whatever the
    port had buffered: a device resends what it has not seen acknowledged.
    """
    import serial

    stopbits = source.stopbits
    return serial.serial_for_url(
        source.port,
        baudrate=source.baudrate,
        bytesize=source.bytesize,
        parity=source.parity,
        stopbits=int(stopbits) if float(stopbits).is_integer() else stopbits,
        timeout=timeout,
        write_timeout=write_timeout,
    )


class Backoff:
    """Reconnection delays: `first` doubling up to `cap` seconds; reset on success."""

    def __init__(self, first: float = 0.5, cap: float = 10.0) -> None:
        self.first, self.cap = first, cap
        self._next = first

    def next(self) -> float:
        delay = self._next
        self._next = min(self._next * 2, self.cap)
        return delay

    def reset(self) -> None:
        self._next = self.first


class FailureLog:
    """The first failure of a run at ERROR, the repeats at DEBUG, the recovery at INFO."""

    def __init__(self, log: logging.Logger, what: str) -> None:
        self.log, self.what = log, what
        self.failing = False

    def failed(self, reason: object) -> None:
        level = logging.DEBUG if self.failing else logging.ERROR
        self.log.log(level, "%s: %s", self.what, reason)
        self.failing = True

    def ok(self) -> None:
        if self.failing:
            self.log.info("%s: working again", self.what)
        self.failing = False


class ThreadDriver:
    """Base for drivers that run one loop on one thread until `stop()`."""

    thread_name = "alarm-driver"

    def __init__(self, source_ids: tuple[str, ...], sink: Sink, status: StatusFn) -> None:
        self.source_ids = source_ids
        self.sink, self.status = sink, status
        self.stats: Counter[str] = Counter()
        self.stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"{self.thread_name} already started")
        self._thread = threading.Thread(
            target=self._run_guarded,
            name=f"{self.thread_name}:{','.join(self.source_ids)}",
            daemon=True,
        )
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        self.stopping.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                logging.getLogger(__name__).error(
                    "%s did not stop in %.1f s", self._thread.name, timeout
                )

    def _wake(self) -> None:
        """Interrupt a blocking read so the loop sees `stopping` (override when needed)."""

    def _run_guarded(self) -> None:
        try:
            self.run()
        except Exception:
            logging.getLogger(__name__).exception("%s crashed", self.thread_name)
            for source_id in self.source_ids:
                self.status(source_id, False, "driver crashed; see the log")

    def run(self) -> None:
        raise NotImplementedError
