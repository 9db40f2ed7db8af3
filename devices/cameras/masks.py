"""Polygons on a camera's picture, and privacy masks: polygons blacked out of every picture.

A polygon is a tuple of (x, y) points given as fractions of the picture's width and height
(0..1), so one drawing fits the main stream, the sub stream and any tile size. A Masker holds
one camera's privacy masks; every path that shows or writes that camera's pictures (live
tiles, snapshots, masked recordings, exports, playback) calls `apply()` on them.
Qt-free; thread-safe (the area editor may change the masks while workers use them).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache

import cv2
import numpy as np

Point = tuple[float, float]
Polygon = tuple[Point, ...]

MAX_POINTS = 64


def polygon(points: Iterable[Sequence[float]]) -> Polygon:
    """A checked polygon from [x, y] pairs (fractions); ValueError says what is wrong."""
    out: list[Point] = []
    for n, point in enumerate(points, start=1):
        if len(point) != 2:
            raise ValueError(f"point {n}: expected [x, y], got {list(point)!r}")
        x, y = float(point[0]), float(point[1])
        if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
            raise ValueError(f"point {n}: ({x:g}, {y:g}) is outside the picture (0..1)")
        out.append((round(x, 5), round(y, 5)))
    if len(out) < 3:
        raise ValueError(f"a polygon needs at least 3 points, got {len(out)}")
    if len(out) > MAX_POINTS:
        raise ValueError(f"a polygon has at most {MAX_POINTS} points, got {len(out)}")
    if area(tuple(out)) < 1e-4:
        raise ValueError("the polygon encloses (almost) no area")
    return tuple(out)


def area(poly: Polygon) -> float:
    """The polygon's area as a fraction of the picture (shoelace formula)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def to_pixels(poly: Polygon, width: int, height: int) -> np.ndarray:
    """The polygon in pixel coordinates of a width x height picture, as cv2 wants it."""
    pts = np.array(poly, dtype=np.float64) * (width, height)
    return np.round(pts).astype(np.int32).reshape(-1, 1, 2)


@lru_cache(maxsize=64)
def _mask(polys: tuple[Polygon, ...], width: int, height: int) -> np.ndarray:
    mask = np.zeros((height, width), np.uint8)
    cv2.fillPoly(mask, [to_pixels(p, width, height) for p in polys], 255)
    mask.flags.writeable = False
    return mask


def region_mask(polys: Sequence[Polygon], width: int, height: int) -> np.ndarray:
    """A uint8 (height, width) image: 255 inside any of the polygons, 0 outside (cached;
    read-only)."""
    return _mask(tuple(polys), width, height)


class Masker:
    """One camera's privacy masks."""

    def __init__(self, polygons: Iterable[Polygon] = ()) -> None:
        self._lock = threading.Lock()
        self._polygons: tuple[Polygon, ...] = tuple(polygons)

    @property
    def polygons(self) -> tuple[Polygon, ...]:
        with self._lock:
            return self._polygons

    def set(self, polygons: Iterable[Polygon]) -> None:
        with self._lock:
            self._polygons = tuple(polygons)

    def __bool__(self) -> bool:
        return bool(self.polygons)

    def apply(self, image: np.ndarray) -> np.ndarray:
        """Black out the masked regions of `image` in place and return it.

        `image` is (height, width) grey or (height, width, channels) uint8; a fourth channel
        (BGRA/RGBA) is set to 255 so the screen shows opaque black."""
        polys = self.polygons
        if not polys:
            return image
        height, width = image.shape[:2]
        pts = [to_pixels(p, width, height) for p in polys]
        if image.ndim == 2:
            colour: tuple[int, ...] = (0,)
        else:
            channels = image.shape[2]
            colour = (0, 0, 0, 255)[:channels] if channels == 4 else (0,) * channels
        cv2.fillPoly(image, pts, colour)
        return image

    def apply_yuv420p(self, planes: Sequence[np.ndarray]) -> None:
        """Black out the masked regions of a yuv420p picture's Y, U and V planes in place
        (limited-range black: Y 16, U and V 128)."""
        polys = self.polygons
        if not polys:
            return
        y, u, v = planes
        cv2.fillPoly(y, [to_pixels(p, y.shape[1], y.shape[0]) for p in polys], (16,))
        for plane in (u, v):
            cv2.fillPoly(
                plane, [to_pixels(p, plane.shape[1], plane.shape[0]) for p in polys], (128,)
            )
