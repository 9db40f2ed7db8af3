"""The `sim:NAME` test picture: what a simulated camera shows (demo site, tests, recorder).

Each name gets its own background colour (from a stable hash, so it is the same on every run),
a box that sweeps across so motion is obvious, the name, and a burnt-in clock like a real
camera's on-screen display. The static part is drawn once per (name, size) and cached, so a
frame costs one copy plus a box and a line of text.

`sim:NAME?scene=SPEC` adds scripted content for testing the video analysis (a covered, blurred
or turned camera, people walking or loitering, a falling object: devices.cameras.scenes); in
a scene the sweeping box is not drawn, so the picture is still apart from what the scene moves
and the clock.
"""

from __future__ import annotations

import zlib
from datetime import datetime
from functools import lru_cache

import cv2
import numpy as np

from devices.cameras.scenes import Scene, SceneObject, parse_scene

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
def _background(name: str, width: int, height: int, turned: bool = False) -> np.ndarray:
    """The still part of the picture; `turned`: the view of a camera turned away (the same
    style, but the ramp upside down, the grid half a step off and the name elsewhere, so
    nothing lines up with the usual view)."""
    # A camera's main and sub streams show the same scene, so "-sub" does not change the hue.
    hue = zlib.crc32(name.removesuffix("-sub").encode("utf-8")) % 180  # OpenCV hue: 0..179
    # A vertical brightness ramp and a faint grid, so scaling and tearing are visible.
    value = np.linspace(90, 200, height, dtype=np.float32)[:, None]
    hsv = np.empty((height, width, 3), np.uint8)
    hsv[..., 0] = hue
    hsv[..., 1] = 150
    ramp = value[::-1] if turned else value
    hsv[..., 2] = np.broadcast_to(ramp, (height, width)).astype(np.uint8)
    step = max(8, height // 9)
    if turned:  # lines half a step off, as dark against the ramp as the usual view's
        lines = np.clip(ramp - (value - 60), 0, 255).astype(np.uint8)
        hsv[step // 2 :: step, :, 2] = lines[step // 2 :: step]
        hsv[:, step // 2 :: step, 2] = lines
    else:
        hsv[::step, :, 2] = 60
        hsv[:, ::step, 2] = 60
    image = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
    scale = _scale(height)
    thick = max(1, round(scale * 2))
    (_, text_h), base = cv2.getTextSize("Ag", _FONT, scale, thick)
    left = text_h // 2
    if turned:
        left = width - cv2.getTextSize(_ascii(name), _FONT, scale, thick)[0][0] - text_h // 2
    cv2.putText(
        image,
        _ascii(name),
        (left, height - base - text_h // 2),
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


def parse_sim_url(url: str) -> tuple[str, Scene | None]:
    """`sim:NAME` -> (NAME, None); `sim:NAME?scene=SPEC` -> (NAME, the parsed scene).

    ValueError for another kind of address, an empty name or a bad query (only `scene=` is
    known; the message names what is wrong)."""
    if not url.startswith("sim:"):
        raise ValueError(f"not a sim: address: {url!r}")
    name, _, query = url.removeprefix("sim:").partition("?")
    if not name:
        raise ValueError("sim: needs a name, e.g. sim:gate")
    if "?" not in url:
        return name, None
    key, eq, spec = query.partition("=")
    if key != "scene" or not eq:
        raise ValueError(f"sim:{name}: unknown query {query!r} (only scene=SPEC is known)")
    if "&" in spec:
        raise ValueError(f"sim:{name}: only one query item, scene=SPEC, is known")
    return name, parse_scene(spec)


def render(
    name: str, width: int, height: int, t: float, at: datetime, scene: Scene | None = None
) -> np.ndarray:
    """One picture: RGB uint8, C-contiguous, shape (height, width, 3).

    `t` (seconds) moves the box; `at` is printed as given (the caller picks its time zone).
    With a `scene`, `t` plays it instead and no box is drawn.
    """
    if scene is not None:
        return _scene_picture(name, width, height, t, at, scene)
    image = _background(name, width, height, False).copy()
    # Box position: a triangle wave over _SWEEP_S, so it goes across and back.
    phase = (t / _SWEEP_S) % 1.0
    frac = 2 * phase if phase < 0.5 else 2 - 2 * phase
    side = max(4, height // 5)
    x = round(frac * max(0, width - side))
    y = (height - side) // 2
    image[y : y + side, x : x + side] = (255, 255, 0)
    image[y + side // 4 : y + 3 * side // 4, x + side // 4 : x + 3 * side // 4] = (200, 0, 0)
    _draw_clock(image, at)
    return image


def _draw_clock(image: np.ndarray, at: datetime) -> None:
    left, baseline, _, _ = _clock_place(image.shape[0])
    clock = at.strftime("%Y-%m-%d %H:%M:%S") + f".{at.microsecond // 1000:03d}"
    cv2.putText(image, clock, (left, baseline), _FONT, _scale(image.shape[0]), (255, 255, 255), 1)


def _scene_picture(
    name: str, width: int, height: int, t: float, at: datetime, scene: Scene
) -> np.ndarray:
    if scene.shows("black", t):  # a covered lens: nothing at all
        return np.zeros((height, width, 3), np.uint8)
    background = _background(name, width, height, scene.shows("shift", t))
    image = background.copy()
    for obj in scene.objects(t, width, height):
        _draw_object(image, background, obj)
    if scene.shows("blur", t):
        side = max(3, width // 26) | 1  # about a Gaussian of sigma width/80, a tenth the cost
        image = cv2.stackBlur(image, (side, side))
    _draw_clock(image, at)  # a camera's on-screen display is sharp even out of focus
    return image


def _draw_object(image: np.ndarray, background: np.ndarray, obj: SceneObject) -> None:
    height, width = image.shape[:2]
    left, top = round(obj.x), round(obj.y)
    right, bottom = round(obj.x + obj.w), round(obj.y + obj.h)
    if right <= 0 or bottom <= 0 or left >= width or top >= height:
        return
    if obj.kind == "ball":  # white with a black rim: it shows on any background
        centre = (round(obj.x + obj.w / 2), round(obj.y + obj.h / 2))
        radius = max(1, round(obj.w / 2))
        cv2.circle(image, centre, radius, (0, 0, 0), -1, cv2.LINE_AA)
        cv2.circle(image, centre, max(1, radius * 2 // 3), (255, 255, 255), -1, cv2.LINE_AA)
        return
    # A person: light on a dark background, dark on a light one.
    cx, cy = min(width - 1, max(0, (left + right) // 2)), min(height - 1, (top + bottom) // 2)
    r, g, b = (int(c) for c in background[max(0, cy), cx])
    grey = 0.299 * r + 0.587 * g + 0.114 * b
    colour = (235, 230, 225) if grey < 128 else (25, 25, 35)
    image[max(0, top) : bottom, max(0, left) : right] = colour
