"""The `sim:NAME` test picture: what a simulated camera shows (demo site, tests, recorder).

Each name gets its own background colour (from a stable hash, so it is the same on every run),
a box that sweeps across so motion is obvious, the name, and a burnt-in clock like a real
camera's on-screen display. The static part is drawn once per (name, size) and cached, so a
frame costs one copy plus a box and a line of text.
"""

from __future__ import annotations

import zlib
from datetime import datetime
from functools import lru_cache

import cv2
import numpy as np

SIM_MAIN_SIZE = (1280, 720)
SIM_SUB_SIZE = (640, 360)
SIM_FPS = 25

_FONT = cv2.FONT_HERSHEY_SIMPLEX
_SWEEP_S = 4.0  # the box crosses the picture and back in this many seconds


def _ascii(text: str) -> str:
    # cv2.putText draws only ASCII; anything else would come out as '?' boxes anyway.
    return text.encode("ascii", "replace").decode("ascii")


def _scale(height: int) -> float:
    return max(0.3, height / 720 * 1.2)


@lru_cache(maxsize=16)
def _clock_place(height: int) -> tuple[int, int, int, int]:
    """Left, baseline, band width and band height of the clock at the top left."""
    scale = _scale(height)
    (text_w, text_h), base = cv2.getTextSize("0000-00-00 00:00:00.000", _FONT, scale, 1)
    pad = max(2, text_h // 3)
    return pad, pad + text_h, text_w + 2 * pad, text_h + base + 2 * pad


@lru_cache(maxsize=16)
def _background(name: str, width: int, height: int) -> np.ndarray:
    # A camera's main and sub streams show the same scene, so "-sub" does not change the hue.
    hue = zlib.crc32(name.removesuffix("-sub").encode("utf-8")) % 180  # OpenCV hue: 0..179
    # A vertical brightness ramp and a faint grid, so scaling and tearing are visible.
    value = np.linspace(90, 200, height, dtype=np.float32)[:, None]
    hsv = np.empty((height, width, 3), np.uint8)
    hsv[..., 0] = hue
    hsv[..., 1] = 150
    hsv[..., 2] = np.broadcast_to(value, (height, width)).astype(np.uint8)
    step = max(8, height // 9)
    hsv[::step, :, 2] = 60
    hsv[:, ::step, 2] = 60
    image = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
    scale = _scale(height)
    thick = max(1, round(scale * 2))
    (_, text_h), base = cv2.getTextSize("Ag", _FONT, scale, thick)
    cv2.putText(
        image,
        _ascii(name),
        (text_h // 2, height - base - text_h // 2),
        _FONT,
        scale,
        (255, 255, 255),
        thick,
        cv2.LINE_AA,
    )
    _, _, band_w, band_h = _clock_place(height)
    image[:band_h, :band_w] = 0  # dark band under the clock for contrast
    image.flags.writeable = False
    return image


def render(name: str, width: int, height: int, t: float, at: datetime) -> np.ndarray:
    """One picture: RGB uint8, C-contiguous, shape (height, width, 3).

    `t` (seconds) moves the box; `at` is printed as given (the caller picks its time zone).
    """
    image = _background(name, width, height).copy()
    # Box position: a triangle wave over _SWEEP_S, so it goes across and back.
    phase = (t / _SWEEP_S) % 1.0
    frac = 2 * phase if phase < 0.5 else 2 - 2 * phase
    side = max(4, height // 5)
    x = round(frac * max(0, width - side))
    y = (height - side) // 2
    image[y : y + side, x : x + side] = (255, 255, 0)
    image[y + side // 4 : y + 3 * side // 4, x + side // 4 : x + 3 * side // 4] = (200, 0, 0)
    left, baseline, _, _ = _clock_place(height)
    clock = at.strftime("%Y-%m-%d %H:%M:%S") + f".{at.microsecond // 1000:03d}"
    cv2.putText(image, clock, (left, baseline), _FONT, _scale(height), (255, 255, 255), 1)
    return image
