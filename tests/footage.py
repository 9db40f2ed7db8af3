"""Real H.264 recordings for tests: MP4 segments made with PyAV/libx264 under a desk's
recordings folder and indexed through the real RecordingService (no Qt)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import av
import numpy as np

from console.core.desk import Desk
from devices.cameras.base import Segment


def write_h264(path: Path, seconds: int, fps: int = 10, shade: int = 0) -> int:
    """A real H.264 MP4 with a keyframe every second; returns its size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        stream.options = {"g": str(fps), "preset": "ultrafast"}
        for i in range(seconds * fps):
            image = np.full((120, 160, 3), (shade + i * 3) % 256, np.uint8)
            image[:, (i * 4) % 160] = 255
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path.stat().st_size


def index_segment(desk: Desk, camera: str, start: datetime, seconds: int, shade: int = 0) -> Path:
    """Write one segment of `camera` starting at `start` and index it."""
    path = desk.recordings.root / camera / f"{start:%Y%m%d-%H%M%S}.mp4"
    size = write_h264(path, seconds, shade=shade)
    desk.recordings._store_segment(
        Segment(camera, start, start + timedelta(seconds=seconds), path, size)
    )
    return path
