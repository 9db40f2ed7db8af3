"""What the camera drivers share: stream states, the frames and status they hand over.

Drivers never touch the database or Qt. A capture worker decodes one stream on its own thread
and keeps only the newest frame (older ones are dropped and counted); whoever shows frames is
told "a new frame is ready" through a callback and takes it when it is ready to paint.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

OPEN_TIMEOUT_S = 2.0  # RTSP open (connect + DESCRIBE/SETUP/PLAY)
READ_TIMEOUT_S = 2.0  # a read that returns nothing for this long fails
OFFLINE_AFTER_S = 5.0  # no frame for this long: the stream is offline (信号丢失)
BACKOFF_FIRST_S = 1.0
BACKOFF_CAP_S = 30.0
SEGMENT_MAX_S = 60.0  # a recording segment is at most this long
REPLAY_S = 30.0  # instant replay: the last this many seconds


class StreamState(StrEnum):
    CONNECTING = "connecting"  # opening, before the first frame
    LIVE = "live"  # frames arriving
    OFFLINE = "offline"  # no frame for OFFLINE_AFTER_S (or never opened): 信号丢失
    STOPPED = "stopped"  # stop() was called


@dataclass(frozen=True)
class Frame:
    """One decoded picture, already scaled to the size its viewer asked for.

    `image` is a C-contiguous numpy uint8 array of shape (height, width, 4), bytes in the
    order B, G, R, 255: what Qt's RGB32 images hold on little-endian machines, so the screen
    takes it without a conversion.
    """

    image: Any  # numpy.ndarray; Any keeps numpy out of the type stubs' way
    width: int
    height: int
    source_width: int  # the stream's own resolution
    source_height: int
    wall: datetime  # when it was decoded (aware, UTC)
    decoded_mono: float  # time.monotonic() when decoding finished: decode-to-paint latency
    seq: int  # frames decoded on this worker since start (1, 2, ...)


@dataclass(frozen=True)
class StreamStatus:
    url_label: str  # the stream's address without credentials, for logs and tooltips
    state: StreamState
    since: datetime  # when the state began (aware, UTC); for OFFLINE: the last frame's time
    detail: str = ""  # why (the error text, without credentials)
    fps: float = 0.0  # decoded frames per second over the last few seconds
    source_width: int = 0
    source_height: int = 0
    frames: int = 0  # decoded since start
    dropped: int = 0  # decoded but replaced by a newer one before anyone took it
    reconnects: int = 0


FrameReady = Callable[[], None]
"""Called on the worker thread when a newer frame can be taken; must not block."""

StatusChanged = Callable[[StreamStatus], None]
"""Called on the worker thread when the state changes (and about once a second with stats)."""


@dataclass(frozen=True)
class Segment:
    """A closed recording segment, ready to be indexed."""

    camera_id: str
    start: datetime  # wall-clock time of its first packet (aware, UTC)
    end: datetime  # ... and of the end of its last packet
    path: Path
    bytes: int


@dataclass(frozen=True)
class Gap:
    """A stretch of time with no recording for a camera that should have been recording."""

    camera_id: str
    start: datetime
    end: datetime
    reason: str  # "offline", "stalled", "restart", "error: ..."


class Backoff:
    """Reconnection delays: from BACKOFF_FIRST_S doubling to BACKOFF_CAP_S, with +-20 % jitter."""

    def __init__(
        self,
        first: float = BACKOFF_FIRST_S,
        cap: float = BACKOFF_CAP_S,
        rng: random.Random | None = None,
    ) -> None:
        self.first, self.cap = first, cap
        self._next = first
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not secrets

    def next(self) -> float:
        delay = self._next
        self._next = min(self._next * 2, self.cap)
        return min(self.cap, delay * self._rng.uniform(0.8, 1.2))

    def reset(self) -> None:
        self._next = self.first


_CREDENTIALS = re.compile(r"(?<=://)[^/@\s]*@")


def scrub(text: str) -> str:
    """Text with any `user:password@` inside addresses removed, for logs and details."""
    return _CREDENTIALS.sub("", text)


def url_label(url: str) -> str:
    """The address for logs and screens: user and password removed (rtsp://u:p@h/x -> rtsp://h/x)."""
    import urllib.parse

    if "://" not in url:
        return url
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))
