"""Video analysis: camera tampering, and intrusion, loitering and thrown objects in drawn areas.

Qt-free (numpy and cv2 only). An `Analyzer` serves one camera: its worker feeds it pictures
(about 5 a second, any size; they are analysed in grey at `width`, 320 by default) and gets
back `Detection`s: a raise when a condition starts, a restore when it is over.

Tampering compares each picture with a reference view (taken from the first `warmup_seconds`
of pictures, or given back from disk) on a grid of TILES tiles, so a person or a car
covering a few tiles, or the camera's burnt-in clock, does not count:

- covered: mean brightness below `dark_mean`, or contrast (the 5..95 % spread of grey levels
  as a standard deviation) below `flat_std`; needs no reference.
- defocused: the median, over the reference's sharper half of tiles, of each tile's
  Laplacian energy as a share of the reference's (corrected for the tile's contrast, so a
  darker or brighter picture is as sharp) is below `blur_ratio`.
- turned: the median of the tiles' normalised correlation with the reference (at a quarter
  of the analysis size; tiles without structure in the reference do not vote) is below
  `match_min`. Normalised correlation ignores gain and offset, so lights, dusk and seasons
  do not read as a turned camera.

Motion: pixels more than MOTION_THRESHOLD grey levels from two running-average backgrounds
(see _Motion: something that stops fades in after about a minute, and what it uncovers when
it leaves is not taken for motion), opened 3x3. The backgrounds re-learn for LEARN_SECONDS
after the start, after any change of the tamper state, and when most of the picture changes
at once (lights switched); no rule raises meanwhile, nor while a tamper condition is pending
or raised.

Rules (a drawn polygon each, armed while its Schedule is active in local time, `tz`):

- intrusion: moving pixels inside the polygon, at least `min_area` of the whole picture, for
  `min_seconds` (pauses under INTRUSION_DIP_S do not count); restored after `clear_seconds`
  without such motion.
- loitering: the same for `loiter_seconds`, pauses up to LOITER_GAP_S.
- thrown: moving blobs inside the polygon (see Rule.blob_area) tracked from picture to
  picture (nearest to where each track's last speed puts it); a track of THROWN_POINTS or
  more positions that fell THROWN_DROP of the picture height or more, at THROWN_SPEED heights
  a second or more, and steeply (|dx| <= THROWN_SLANT dy), raises once. Another such track
  while raised keeps it raised; it is restored `clear_seconds` after the last one ended.
- A raised rule is restored when its schedule ends, and (by the next feed) when set_rules
  changes or drops it. While the rules wait (learning, tampering) they see no motion, so a
  raised one is restored after `clear_seconds`.

Measured (one core, cv2.setNumThreads(1), numpy 2.4, OpenCV 4.14, an AMD EPYC server): at
320x180 BGR input with one rule of each kind, 0.4-0.6 ms per picture with a person walking
through, about 0.35 ms when nothing moves; 640x360 input adds about 0.1 ms (the downscale),
1280x720 about 0.5 ms. Each re-learning costs about 9 ms once (a median of 2 s of pictures).
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, tzinfo
from enum import StrEnum
from typing import Any, Literal

import cv2
import numpy as np

from devices.cameras.masks import Polygon, region_mask, to_pixels

TILES = (8, 5)  # columns, rows of the tamper grid
LEARN_SECONDS = 2.0  # the motion background learns this long before rules may raise
MOTION_THRESHOLD = 25  # grey levels between a picture and the background: moving
INTRUSION_DIP_S = 0.5  # intrusion: motion pauses shorter than this do not end a run
LOITER_GAP_S = 2.0  # loitering: motion pauses shorter than this do not end a stay
THROWN_MIN_AREA = 0.0002  # thrown: the smallest blob, as a fraction of the picture...
THROWN_AREA_SHARE = 0.05  # ... or this share of the rule's min_area, if that is more
THROWN_SPEED = 0.3  # thrown: picture heights per second downwards, on average
THROWN_DROP = 0.15  # thrown: the track covers at least this share of the picture height
THROWN_SLANT = 0.5  # thrown: |dx| at most this share of dy (pixels)
THROWN_POINTS = 3  # thrown: positions a track needs
TRACK_LOST_S = 0.5  # a track not seen for this long has ended
MAX_BLOBS = 16  # per rule and picture: the largest blobs are tracked, the rest ignored
MAX_SPEED = 2.5  # picture heights a second: the fastest a new track's object is followed

_BG_TAU_S = 5.0  # background pixels follow the picture with this time constant
_FG_TAU_S = 30.0  # moving pixels, slower: something that stops fades in in about a minute
_CLEAN_TAU_S = 600.0  # the clean background lets moving pixels in only this slowly
_MAX_LEARN_FRAMES = 32
_GLOBAL_CHANGE = 0.5  # this share of the picture moving at once: re-learn (lights)
_REFRESH_BLEND = 0.25  # share of the background model mixed into the reference on refresh
_REFRESH_STILL = 0.02  # at most this share of the picture moving for a refresh
_MAX_WARMUP_FRAMES = 64
_STRUCT_VAR_FLOOR = 4.0  # grey levels^2: a tile with less variance has no structure
_ENERGY_FLOOR = 1.0  # Laplacian energy below this is no texture
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_HHMM = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_KERNEL = np.ones((3, 3), np.uint8)

Box = tuple[float, float, float, float]


class TamperState(StrEnum):
    OK = "ok"
    COVERED = "covered"
    DEFOCUSED = "defocused"
    TURNED = "turned"


# --- schedules ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    """When a rule is armed: on `days` (0 = Monday; empty: every day) from `start` to `end`.

    start == end: all day. end < start: the time crosses midnight, and the night belongs to
    the day it starts on (Fri 22:00-06:00 covers Saturday 03:00, not Friday 03:00)."""

    days: frozenset[int] = frozenset()
    start: time = time(0, 0)
    end: time = time(0, 0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "days", frozenset(self.days))  # a set or list given: hashable
        bad = sorted(d for d in self.days if d not in range(7))
        if bad:
            raise ValueError(f"schedule days: {bad} (0 = Monday .. 6 = Sunday)")

    def active(self, local: datetime) -> bool:
        now = local.time().replace(tzinfo=None)
        day = local.weekday()
        if self.start == self.end:
            return self._on(day)
        if self.start < self.end:
            return self.start <= now < self.end and self._on(day)
        if now >= self.start:
            return self._on(day)
        return now < self.end and self._on((day - 1) % 7)

    def _on(self, day: int) -> bool:
        return not self.days or day in self.days

    def to_dict(self) -> dict[str, Any]:
        return {"days": sorted(self.days), "from": _hhmm(self.start), "to": _hhmm(self.end)}

    @classmethod
    def from_dict(cls, data: object) -> Schedule:
        """From to_dict()'s form (as read from JSON); every key may be left out; ValueError
        (also for wrong types) names the bad key."""
        if not isinstance(data, Mapping):
            # ValueError, not TypeError: callers handle one kind of "bad schedule".
            raise ValueError(f"schedule: expected an object, got {type(data).__name__}")  # noqa: TRY004
        unknown = sorted(str(k) for k in data if k not in ("days", "from", "to"))
        if unknown:
            raise ValueError(f"schedule: unknown key {unknown[0]!r} (expected days, from, to)")
        return cls(
            days=_days(data.get("days", [])),
            start=_time(data.get("from", "00:00"), "from"),
            end=_time(data.get("to", "00:00"), "to"),
        )

    def describe(self) -> str:
        """'always', 'every day 22:00-06:00', 'Mon-Fri 22:00-06:00', 'Sat, Sun all day'."""
        if self.start == self.end:
            if not self.days or len(self.days) == 7:
                return "always"
            return f"{_days_text(self.days)} all day"
        hours = f"{_hhmm(self.start)}-{_hhmm(self.end)}"
        return f"{_days_text(self.days) if len(self.days) < 7 else 'every day'} {hours}"


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _days(value: object) -> frozenset[int]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"schedule 'days': expected a list of 0..6, got {value!r}")  # noqa: TRY004
    for day in value:
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            raise ValueError(f"schedule 'days': {day!r} is not a day (0 = Monday .. 6 = Sunday)")
    return frozenset(value)


def _time(value: object, key: str) -> time:
    match = _HHMM.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"schedule {key!r}: {value!r} is not a time of day (HH:MM)")
    return time(int(match[1]), int(match[2]))


def _days_text(days: frozenset[int]) -> str:
    return days_text(days, _DAYS) if days else "every day"


def days_text(days: frozenset[int], names: Sequence[str], dash: str = "-") -> str:
    """Days of the week in words, Monday first (`names[0]` is Monday): three days or more in a
    row as a range ("Mon-Fri"), the others listed ("Sat, Sun")."""
    parts: list[str] = []
    run: list[int] = []
    for day in [*sorted(days), 99]:
        if run and day == run[-1] + 1:
            run.append(day)
            continue
        if len(run) >= 3:
            parts.append(f"{names[run[0]]}{dash}{names[run[-1]]}")
        else:
            parts.extend(names[d] for d in run)
        run = [day]
    return ", ".join(parts)


# --- rules and detections -------------------------------------------------------------------

RuleKind = Literal["intrusion", "loitering", "thrown"]


@dataclass(frozen=True)
class Rule:
    """One drawn area's analysis.

    For "thrown", blobs from max(min_area * THROWN_AREA_SHARE, THROWN_MIN_AREA) of the
    picture count (the default min_area is for people, far bigger than a bottle), and the
    polygon must be at least THROWN_DROP of the picture tall for a track to qualify."""

    id: int
    kind: RuleKind
    polygon: Polygon
    schedule: Schedule | None = None  # None: always armed
    min_area: float = 0.005
    min_seconds: float = 1.0
    loiter_seconds: float = 30.0
    clear_seconds: float = 3.0

    def __post_init__(self) -> None:
        if self.kind not in ("intrusion", "loitering", "thrown"):
            raise ValueError(f"rule {self.id}: unknown kind {self.kind!r}")
        if len(self.polygon) < 3:
            raise ValueError(f"rule {self.id}: a polygon needs at least 3 points")
        for name in ("min_area", "min_seconds", "loiter_seconds", "clear_seconds"):
            value = getattr(self, name)
            if not (math.isfinite(value) and value >= 0):
                raise ValueError(f"rule {self.id}: {name} must be a number >= 0, not {value!r}")

    def blob_area(self) -> float:
        """Thrown: the smallest blob, as a fraction of the picture."""
        return max(self.min_area * THROWN_AREA_SHARE, THROWN_MIN_AREA)


@dataclass(frozen=True)
class Detection:
    kind: str  # "tamper" | "intrusion" | "loitering" | "thrown"
    raised: bool  # True: raise; False: restore (the condition is over)
    mono: float  # monotonic time of the picture that decided it
    wall: datetime  # its wall time (aware)
    rule_id: int | None = None  # None for tamper
    tamper: TamperState | None = None  # the state raised or, for a restore, the one that ended
    box: Box | None = None  # x, y, w, h as fractions: the moving region or object
    detail: str = ""  # English, for people and the record
    # Raises only: the fed picture (its size, BGR) with the polygon and box drawn.
    snapshot: np.ndarray | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TamperSettings:
    hold_seconds: float = 2.0  # a condition holds this long to raise; the normal view to restore
    dark_mean: float = 30  # covered: mean brightness below this ...
    flat_std: float = 8  # ... or contrast below this
    blur_ratio: float = 0.25  # defocused: sharpness below this share of the reference's
    match_min: float = 0.45  # turned: match with the reference below this
    refresh_seconds: float = 600.0  # the reference is blended with the steady view this often
    warmup_seconds: float = 2.0  # the first reference: the median of this long's pictures


def annotate(image: np.ndarray, polygon: Polygon | None, box: Box | None, label: str) -> np.ndarray:
    """A BGR copy of `image` (BGR, BGRA or grey) with the polygon outlined in yellow, the box
    in red and `label` (ASCII) at the bottom left."""
    out = _bgr_copy(image)
    height, width = out.shape[:2]
    thick = max(1, round(height / 360))
    if polygon:
        cv2.polylines(out, [to_pixels(polygon, width, height)], True, (0, 255, 255), thick)
    if box is not None:
        x, y, w, h = box
        top_left = (round(x * width), round(y * height))
        bottom_right = (round((x + w) * width), round((y + h) * height))
        cv2.rectangle(out, top_left, bottom_right, (0, 0, 255), thick + 1)
    if label:
        text = label.encode("ascii", "replace").decode("ascii")
        scale = max(0.4, height / 720)
        place = (max(2, height // 60), height - max(4, height // 30))
        font = cv2.FONT_HERSHEY_SIMPLEX
        cv2.putText(out, text, place, font, scale, (0, 0, 0), thick + 2, cv2.LINE_AA)
        cv2.putText(out, text, place, font, scale, (255, 255, 255), thick, cv2.LINE_AA)
    return out


def _bgr_copy(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    return np.array(image, copy=True)


# --- tamper measures ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Measures:
    mean: float
    contrast: float
    sharpness: float | None  # share of the reference's; None: no reference
    match: float | None  # None: no reference


class _Reference:
    """A reference view and what every picture is compared with."""

    def __init__(self, grey: np.ndarray) -> None:
        self.grey = grey
        self.mean = float(grey.mean())
        self.struct = _small(grey).astype(np.float32)
        self.tile_mean = _tiles(self.struct)
        self.tile_var = np.maximum(_tiles(self.struct * self.struct) - self.tile_mean**2, 0)
        self.energy = _tiles(_laplacian_sq(grey))
        self.structured = self.tile_var >= _STRUCT_VAR_FLOOR
        textured = self.energy >= max(_ENERGY_FLOOR, float(np.median(self.energy)))
        self.textured = textured & self.structured

    def compare(self, grey: np.ndarray, small: np.ndarray) -> tuple[float, float]:
        """Sharpness (share of the reference's) and match (-1..1) of a picture (`small`:
        _small(grey))."""
        struct = small.astype(np.float32)
        mean = _tiles(struct)
        var = np.maximum(_tiles(struct * struct) - mean**2, 0)
        cov = _tiles(struct * self.struct) - mean * self.tile_mean
        ncc = cov / np.sqrt(np.maximum(var, _STRUCT_VAR_FLOOR) * np.maximum(self.tile_var, 1))
        match = float(np.median(ncc[self.structured])) if self.structured.any() else 1.0
        if not self.textured.any():
            return 1.0, match
        gain = np.clip(var / np.maximum(self.tile_var, 1), 0.1, 10)
        energy = _tiles(_laplacian_sq(grey))
        ratio = energy / np.maximum(self.energy, _ENERGY_FLOOR) / gain
        return float(np.median(ratio[self.textured])), match


def _small(grey: np.ndarray) -> np.ndarray:
    """A quarter of the analysis size: coarse structure, and little noise."""
    height, width = grey.shape
    return cv2.resize(grey, (max(8, width // 4), max(5, height // 4)), interpolation=cv2.INTER_AREA)


def _tiles(values: np.ndarray) -> np.ndarray:
    return cv2.resize(values, TILES, interpolation=cv2.INTER_AREA)


def _laplacian_sq(grey: np.ndarray) -> np.ndarray:
    lap = cv2.Laplacian(grey, cv2.CV_32F)
    return cv2.multiply(lap, lap)


def _brightness(small: np.ndarray) -> tuple[float, float]:
    """Mean, and contrast: the 5..95 % spread as a standard deviation (a burnt-in clock on a
    covered lens is too small to move it)."""
    hist = cv2.calcHist([small], [0], None, [256], [0, 256]).ravel()
    total = float(hist.sum())
    mean = float(hist @ np.arange(256, dtype=np.float32)) / total
    cumulative = np.cumsum(hist)
    low = int(np.searchsorted(cumulative, 0.05 * total))
    high = int(np.searchsorted(cumulative, 0.95 * total))
    return mean, (high - low) / 3.29  # 3.29 sigma between the 5th and 95th percentiles


class _Tamper:
    """The tamper state machine: candidate states held for hold_seconds become the state."""

    def __init__(self, settings: TamperSettings, reference: np.ndarray | None) -> None:
        self.settings = settings
        self.state = TamperState.OK
        self.candidate = TamperState.OK
        self.since = 0.0
        self.reference: _Reference | None = None
        self._given = reference
        self._warmup: list[np.ndarray] = []
        self._warmup_began: float | None = None
        self._refreshed: float | None = None

    def reset_reference(self) -> None:
        self.reference = None
        self._given = None
        self._warmup = []
        self._warmup_began = None

    def measure(self, grey: np.ndarray) -> _Measures:
        if self.reference is None and self._given is not None:
            given = self._given if self._given.ndim == 2 else _grey(self._given)
            if given.shape != grey.shape:
                size = (grey.shape[1], grey.shape[0])
                given = cv2.resize(given, size, interpolation=cv2.INTER_AREA)
            self.reference = _Reference(np.ascontiguousarray(given, dtype=np.uint8))
            self._given = None
        elif self.reference is not None and self.reference.grey.shape != grey.shape:
            size = (grey.shape[1], grey.shape[0])  # the stream changed its aspect
            self.reference = _Reference(cv2.resize(self.reference.grey, size))
        small = _small(grey)
        mean, contrast = _brightness(small)
        if self.reference is None:
            return _Measures(mean, contrast, None, None)
        sharpness, match = self.reference.compare(grey, small)
        return _Measures(mean, contrast, sharpness, match)

    def judge(self, m: _Measures) -> TamperState:
        s = self.settings
        if m.mean < s.dark_mean or m.contrast < s.flat_std:
            return TamperState.COVERED
        if m.sharpness is None or m.match is None:  # no reference (yet): keep what was seen
            return self.state if self.state is not TamperState.COVERED else TamperState.OK
        if m.sharpness < s.blur_ratio:
            return TamperState.DEFOCUSED
        if m.match < s.match_min:
            return TamperState.TURNED
        return TamperState.OK

    def warm_up(self, grey: np.ndarray, mono: float, covered: bool) -> bool:
        """Collect a picture for the reference; True when a new reference was taken."""
        if self.reference is not None or covered:
            return False
        if self._warmup_began is None:
            self._warmup_began = mono
        if len(self._warmup) < _MAX_WARMUP_FRAMES:
            self._warmup.append(grey.copy())
        if mono - self._warmup_began < self.settings.warmup_seconds:
            return False
        stack = np.stack(self._warmup)
        median = np.median(stack, axis=0) if len(self._warmup) > 2 else stack.mean(axis=0)
        self.reference = _Reference(np.round(median).astype(np.uint8))
        self._warmup = []
        self._warmup_began = None
        self._refreshed = mono
        return True

    def refresh(self, background: np.ndarray, mono: float) -> None:
        """Blend the steady view's background into the reference, every refresh_seconds."""
        if self.reference is None:
            return
        if self._refreshed is None:
            self._refreshed = mono
        if mono - self._refreshed < self.settings.refresh_seconds:
            return
        old = self.reference.grey.astype(np.float32)
        blended = cv2.addWeighted(old, 1 - _REFRESH_BLEND, background, _REFRESH_BLEND, 0)
        self.reference = _Reference(np.round(blended).astype(np.uint8))
        self._refreshed = mono


def _grey(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    code = cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY
    return cv2.cvtColor(image, code)


# --- motion ---------------------------------------------------------------------------------


class _Motion:
    """Two running-average backgrounds, both starting as the median of LEARN_SECONDS of
    pictures (so people passing meanwhile are left out). The working one lets moving pixels
    in slowly (_FG_TAU_S), so something that stops fades into it; the clean one hardly ever
    lets them in, so it remembers what was behind. A pixel moves when it differs from both:
    what was behind a person who has left, or a car that has gone, does not (no ghosts)."""

    def __init__(self) -> None:
        self.background: np.ndarray | None = None  # the working background, float32
        self.clean: np.ndarray | None = None
        self.learn_until: float | None = None
        self.last_mono: float | None = None
        self._frames: list[np.ndarray] = []  # while learning

    def restart(self, mono: float) -> None:
        self.background = None
        self.clean = None
        self._frames = []
        self.learn_until = mono + LEARN_SECONDS

    def learning(self) -> bool:
        return self.background is None

    def feed(self, grey: np.ndarray, mono: float) -> np.ndarray:
        """The moving pixels of `grey` (uint8, 255 moving; none while learning)."""
        dt = 0.0 if self.last_mono is None else min(5.0, max(0.0, mono - self.last_mono))
        self.last_mono = mono
        if self.learn_until is None or self._size_changed(grey):
            self.restart(mono)
        if self.background is None or self.clean is None:
            self._learn_from(grey, mono)
            return np.zeros_like(grey)
        differs = _differs(grey, self.background)
        unlike_clean = _differs(grey, self.clean)
        moving = cv2.bitwise_and(differs, unlike_clean)
        _learn(grey, self.background, moving, dt, _FG_TAU_S)
        _learn(grey, self.clean, unlike_clean, dt, _CLEAN_TAU_S)
        return cv2.morphologyEx(moving, cv2.MORPH_OPEN, _KERNEL)

    def _size_changed(self, grey: np.ndarray) -> bool:
        known = self.background if self.background is not None else next(iter(self._frames), None)
        return known is not None and known.shape != grey.shape

    def _learn_from(self, grey: np.ndarray, mono: float) -> None:
        if len(self._frames) >= _MAX_LEARN_FRAMES:
            self._frames = self._frames[::2]
        self._frames.append(grey.copy())
        if self.learn_until is None or mono < self.learn_until:
            return
        self.background = np.median(np.stack(self._frames), axis=0).astype(np.float32)
        self.clean = self.background.copy()
        self._frames = []


def _differs(grey: np.ndarray, background: np.ndarray) -> np.ndarray:
    diff = cv2.absdiff(grey, cv2.convertScaleAbs(background))
    return cv2.threshold(diff, MOTION_THRESHOLD, 255, cv2.THRESH_BINARY)[1]


def _learn(
    grey: np.ndarray, background: np.ndarray, held: np.ndarray, dt: float, tau: float
) -> None:
    """Move the background towards the picture: quickly, but slowly (`tau`) where `held`."""
    cv2.accumulateWeighted(grey, background, _alpha(dt, _BG_TAU_S), cv2.bitwise_not(held))
    cv2.accumulateWeighted(grey, background, _alpha(dt, tau), held)


def _alpha(dt: float, tau: float) -> float:
    return 1.0 - math.exp(-dt / tau)


# --- rules ----------------------------------------------------------------------------------


@dataclass(eq=False)  # tracks are told apart by identity
class _Track:
    points: list[tuple[float, float, float]]  # mono, x, y (analysis pixels)
    box: Box
    raised: bool = False

    @property
    def last_seen(self) -> float:
        return self.points[-1][0]

    def predict(self, mono: float) -> tuple[float, float]:
        t1, x1, y1 = self.points[-1]
        if len(self.points) < 2:
            return x1, y1
        t0, x0, y0 = self.points[-2]
        span = max(t1 - t0, 1e-3)
        return x1 + (x1 - x0) / span * (mono - t1), y1 + (y1 - y0) / span * (mono - t1)

    def gate(self, mono: float, height: int) -> float:
        """How far from the predicted position (pixels) a blob may be to continue this
        track: a new track's object may already be falling fast (up to MAX_SPEED)."""
        dt = max(0.0, mono - self.last_seen)
        if len(self.points) < 2:
            return height * max(0.1, MAX_SPEED * dt)
        (t0, x0, y0), (t1, x1, y1) = self.points[-2], self.points[-1]
        speed = math.hypot(x1 - x0, y1 - y0) / max(t1 - t0, 1e-3)
        return 0.1 * height + 0.5 * speed * dt

    def falling(self, height: int) -> tuple[float, float] | None:
        """(drop as a share of the height, seconds) if this is a thrown object's track."""
        if len(self.points) < THROWN_POINTS:
            return None
        t0, x0, y0 = self.points[0]
        t1, x1, y1 = self.points[-1]
        drop, seconds = (y1 - y0) / height, max(t1 - t0, 1e-3)
        if drop < THROWN_DROP or drop / seconds < THROWN_SPEED:
            return None
        if abs(x1 - x0) > THROWN_SLANT * (y1 - y0):
            return None
        return drop, seconds


@dataclass
class _RuleRun:
    """A rule's running state."""

    rule: Rule
    raised: bool = False
    since: float | None = None  # start of the current motion run
    last: float | None = None  # the last picture with motion
    tracks: list[_Track] = field(default_factory=list)
    alarm_track: _Track | None = None
    mask: np.ndarray | None = None  # the polygon at analysis size, cropped to `crop`
    crop: tuple[int, int, int, int] = (0, 0, 0, 0)  # x, y, w, h
    size: tuple[int, int] = (0, 0)  # the analysis size the mask is for

    def prepare(self, width: int, height: int) -> None:
        if self.mask is not None and self.size == (width, height):
            return
        full = region_mask((self.rule.polygon,), width, height)
        x, y, w, h = cv2.boundingRect(full)
        self.crop = (x, y, w, h)
        self.mask = np.ascontiguousarray(full[y : y + h, x : x + w])
        self.size = (width, height)

    def moving(self, fg: np.ndarray) -> np.ndarray:
        """The moving pixels inside the polygon, cropped to its bounding box."""
        x, y, w, h = self.crop
        assert self.mask is not None
        if w == 0 or h == 0:
            return np.zeros((1, 1), np.uint8)
        return cv2.bitwise_and(fg[y : y + h, x : x + w], self.mask)

    def box(self, inside: np.ndarray, width: int, height: int) -> Box:
        bx, by, bw, bh = cv2.boundingRect(inside)
        return (self.crop[0] + bx) / width, (self.crop[1] + by) / height, bw / width, bh / height


@dataclass(frozen=True)
class _Frame:
    """What the rules see of one picture."""

    fg: np.ndarray
    mono: float
    wall: datetime
    local: datetime
    settled: bool  # the tamper state is OK and the background has learnt
    image: np.ndarray  # as fed

    @property
    def size(self) -> tuple[int, int]:
        return self.fg.shape[1], self.fg.shape[0]


class Analyzer:
    """One camera's analysis; `feed` it pictures in time order from one thread (set_rules
    and reset_reference may be called from another)."""

    def __init__(
        self,
        rules: Sequence[Rule] = (),
        *,
        tamper: bool = True,
        width: int = 320,
        tz: tzinfo = UTC,
        reference: np.ndarray | None = None,
        settings: TamperSettings = TamperSettings(),  # noqa: B008  # frozen: safe to share
    ) -> None:
        if width < 16:
            raise ValueError(f"analysis width {width} is too small (at least 16)")
        self._lock = threading.Lock()
        self._width = width
        self._tz = tz
        self._tamper_on = tamper
        self._tamper = _Tamper(settings, reference)
        self._motion = _Motion()
        self._runs: dict[int, _RuleRun] = {}
        self._pending: list[tuple[Rule, str]] = []  # restores owed by set_rules
        self._new_reference = False
        self.set_rules(rules)

    @property
    def tamper_state(self) -> TamperState:
        return self._tamper.state

    def reference(self) -> np.ndarray | None:
        """The grey reference at analysis size (a copy), or None before it is taken."""
        with self._lock:
            ref = self._tamper.reference
            return None if ref is None else ref.grey.copy()

    def reset_reference(self) -> None:
        """The next warmup_seconds of pictures become the reference; a DEFOCUSED or TURNED
        state then ends (with a restore)."""
        with self._lock:
            self._tamper.reset_reference()
            self._new_reference = True

    def set_rules(self, rules: Sequence[Rule]) -> None:
        """Replace the rules; unchanged ones keep their state. A raised rule that changed or
        went away gets its restore from the next feed()."""
        ids = [r.id for r in rules]
        if len(set(ids)) != len(ids):
            raise ValueError(f"rule ids must be unique, got {ids}")
        with self._lock:
            runs: dict[int, _RuleRun] = {}
            for rule in rules:
                old = self._runs.get(rule.id)
                runs[rule.id] = old if old is not None and old.rule == rule else _RuleRun(rule)
            for rule_id, old in self._runs.items():
                if old.raised and runs.get(rule_id) is not old:
                    why = "area changed" if rule_id in runs else "area removed"
                    self._pending.append((old.rule, why))
            self._runs = runs

    def feed(self, image: np.ndarray, mono: float, wall: datetime) -> list[Detection]:
        """Analyse one picture (BGR or BGRA uint8, any size); `wall` must be aware."""
        if wall.tzinfo is None:
            raise ValueError("wall time must be aware (have a time zone)")
        grey = self._analysis_grey(image)
        with self._lock:
            out = [_restore(rule, mono, wall, why) for rule, why in self._pending]
            self._pending.clear()
            out += self._feed_tamper(grey, image, mono, wall)
            fg = self._motion.feed(grey, mono)
            settled = not self._motion.learning() and self._steady()
            moving = cv2.countNonZero(fg) / fg.size
            if settled and moving > _GLOBAL_CHANGE:
                self._motion.restart(mono)
                settled = False
            if settled and moving < _REFRESH_STILL and self._motion.background is not None:
                self._tamper.refresh(self._motion.background, mono)
            frame = _Frame(fg, mono, wall, wall.astimezone(self._tz), settled, image)
            for run in self._runs.values():
                out += _evaluate(run, frame)
            return out

    def _steady(self) -> bool:
        if not self._tamper_on:
            return True
        return self._tamper.state is TamperState.OK and self._tamper.candidate is TamperState.OK

    def _analysis_grey(self, image: np.ndarray) -> np.ndarray:
        if image.dtype != np.uint8 or image.ndim not in (2, 3):
            raise ValueError(
                f"expected a uint8 BGR or BGRA picture, got {image.dtype} {image.shape}"
            )
        height, width = image.shape[:2]
        size = (self._width, max(8, round(height * self._width / width)))
        grey = _grey(image)
        if (width, height) == size:
            return grey
        return cv2.resize(grey, size, interpolation=cv2.INTER_AREA)

    def _feed_tamper(
        self, grey: np.ndarray, image: np.ndarray, mono: float, wall: datetime
    ) -> list[Detection]:
        if not self._tamper_on:
            return []
        tamper = self._tamper
        m = tamper.measure(grey)
        candidate = tamper.judge(m)
        if tamper.warm_up(grey, mono, candidate is TamperState.COVERED):
            return self._reference_taken(mono, wall)
        if candidate is not tamper.candidate:  # rules wait while it is not OK
            tamper.candidate = candidate
            tamper.since = mono
        if candidate is tamper.state or mono - tamper.since < tamper.settings.hold_seconds:
            return []
        return self._change_state(candidate, m, image, mono, wall)

    def _reference_taken(self, mono: float, wall: datetime) -> list[Detection]:
        """A new reference (warmup over): a reset one ends DEFOCUSED and TURNED."""
        tamper, renewed = self._tamper, self._new_reference
        self._new_reference = False
        if not renewed or tamper.state in (TamperState.OK, TamperState.COVERED):
            return []
        ended = tamper.state
        tamper.state = tamper.candidate = TamperState.OK
        tamper.since = mono
        self._motion.restart(mono)
        return [self._tamper_restore(ended, mono, wall, "new reference taken: view normal")]

    def _change_state(
        self, new: TamperState, m: _Measures, image: np.ndarray, mono: float, wall: datetime
    ) -> list[Detection]:
        """The candidate held for hold_seconds: restore the old state, raise the new one."""
        tamper = self._tamper
        old, tamper.state = tamper.state, new
        self._motion.restart(mono)
        out: list[Detection] = []
        if old is not TamperState.OK:
            out.append(self._tamper_restore(old, mono, wall, _describe(m, tamper)))
        if new is not TamperState.OK:
            detail = _tamper_detail(new, m, tamper)
            snapshot = annotate(image, None, None, f"tamper: {new.value}")
            out.append(Detection("tamper", True, mono, wall, None, new, None, detail, snapshot))
        return out

    @staticmethod
    def _tamper_restore(state: TamperState, mono: float, wall: datetime, detail: str) -> Detection:
        return Detection("tamper", False, mono, wall, tamper=state, detail=detail)


def _tamper_detail(state: TamperState, m: _Measures, tamper: _Tamper) -> str:
    s = tamper.settings
    if state is TamperState.COVERED:
        if m.mean < s.dark_mean:
            ref = tamper.reference
            limit = f"reference {ref.mean:.0f}" if ref is not None else f"< {s.dark_mean:g}"
            return f"mean brightness {m.mean:.0f} ({limit})"
        return f"contrast {m.contrast:.1f} (< {s.flat_std:g})"
    if state is TamperState.DEFOCUSED:
        return f"sharpness {100 * (m.sharpness or 0):.0f} % of reference"
    return f"scene match {m.match or 0:.2f} (< {s.match_min:g})"


def _describe(m: _Measures, tamper: _Tamper) -> str:
    parts = [f"mean brightness {m.mean:.0f}"]
    if m.sharpness is not None and m.match is not None:
        parts += [f"sharpness {100 * m.sharpness:.0f} % of reference", f"scene match {m.match:.2f}"]
    now = tamper.candidate.value if tamper.candidate is not TamperState.OK else "normal"
    return f"view {now}: " + ", ".join(parts)


def _restore(rule: Rule, mono: float, wall: datetime, detail: str) -> Detection:
    return Detection(rule.kind, False, mono, wall, rule.id, detail=detail)


def _raise(rule: Rule, frame: _Frame, box: Box, detail: str) -> Detection:
    snapshot = annotate(frame.image, rule.polygon, box, f"{rule.kind} #{rule.id}")
    return Detection(rule.kind, True, frame.mono, frame.wall, rule.id, None, box, detail, snapshot)


def _evaluate(run: _RuleRun, frame: _Frame) -> list[Detection]:
    run.prepare(*frame.size)
    rule = run.rule
    armed = rule.schedule is None or rule.schedule.active(frame.local)
    if run.raised and not armed:
        run.raised = False
        run.alarm_track = None
        return [_restore(rule, frame.mono, frame.wall, "schedule ended")]
    if rule.kind == "thrown":
        return _thrown(run, frame, armed)
    return _presence(run, frame, armed)


def _presence(run: _RuleRun, frame: _Frame, armed: bool) -> list[Detection]:
    """Intrusion and loitering: moving pixels in the area for long enough."""
    rule, mono = run.rule, frame.mono
    inside = run.moving(frame.fg) if frame.settled else None
    count = cv2.countNonZero(inside) if inside is not None else 0
    share = count / frame.fg.size
    loiter = rule.kind == "loitering"
    if share >= rule.min_area and share > 0:
        gap = LOITER_GAP_S if loiter else INTRUSION_DIP_S
        if run.since is None or run.last is None or mono - run.last > gap:
            run.since = mono
        run.last = mono
    if run.raised:
        if run.last is None or mono - run.last >= rule.clear_seconds:
            run.raised = False
            quiet = mono - run.last if run.last is not None else rule.clear_seconds
            return [_restore(rule, mono, frame.wall, f"area quiet for {quiet:.1f} s")]
        return []
    need = rule.loiter_seconds if loiter else rule.min_seconds
    if not armed or run.last != mono or run.since is None or mono - run.since < need:
        return []
    assert inside is not None
    run.raised = True
    lasted = mono - run.since
    what = "motion staying in the area" if loiter else "moving area"
    detail = f"{what} {100 * share:.1f} % of the picture for {lasted:.1f} s"
    return [_raise(rule, frame, run.box(inside, *frame.size), detail)]


def _thrown(run: _RuleRun, frame: _Frame, armed: bool) -> list[Detection]:
    """Thrown objects: a blob falling fast and steeply through the area."""
    rule, mono = run.rule, frame.mono
    if frame.settled:
        _track(run, frame)
    else:
        run.tracks.clear()
    out: list[Detection] = []
    height = frame.size[1]
    for track in run.tracks:
        fall = track.falling(height) if armed and not track.raised else None
        if fall is None:
            continue
        track.raised = True
        run.alarm_track = track
        if not run.raised:
            run.raised = True
            drop, seconds = fall
            detail = f"object fell {drop:.2f} of the picture height in {seconds:.1f} s"
            out.append(_raise(rule, frame, track.box, detail))
    alarm = run.alarm_track
    if run.raised and (alarm is None or alarm not in run.tracks):
        ended = alarm.last_seen if alarm is not None else mono - rule.clear_seconds
        if mono - ended >= rule.clear_seconds:
            run.raised = False
            run.alarm_track = None
            out.append(_restore(rule, mono, frame.wall, f"no object for {mono - ended:.1f} s"))
    return out


def _track(run: _RuleRun, frame: _Frame) -> None:
    width, height = frame.size
    inside = run.moving(frame.fg)
    blobs = _blobs(inside, run.rule.blob_area() * frame.fg.size) if inside.any() else []
    ox, oy = run.crop[0], run.crop[1]
    unmatched = [(x + ox, y + oy, (bx + ox, by + oy, bw, bh)) for x, y, (bx, by, bw, bh) in blobs]
    for track in sorted(run.tracks, key=lambda t: -len(t.points)):
        if not unmatched:
            break
        px, py = track.predict(frame.mono)
        best = min(unmatched, key=lambda b: math.hypot(b[0] - px, b[1] - py))
        if math.hypot(best[0] - px, best[1] - py) > track.gate(frame.mono, height):
            continue
        unmatched.remove(best)
        track.points.append((frame.mono, best[0], best[1]))
        track.box = _fraction_box(best[2], width, height)
    for x, y, box in unmatched:
        run.tracks.append(_Track([(frame.mono, x, y)], _fraction_box(box, width, height)))
    run.tracks = [t for t in run.tracks if frame.mono - t.last_seen < TRACK_LOST_S][-MAX_BLOBS:]


def _blobs(
    inside: np.ndarray, min_pixels: float
) -> list[tuple[float, float, tuple[int, int, int, int]]]:
    """Centroid and box (crop pixels) of the largest connected blobs of at least min_pixels."""
    count, _, stats, centroids = cv2.connectedComponentsWithStats(inside, connectivity=8)
    found = [
        (int(stats[i, cv2.CC_STAT_AREA]), i)
        for i in range(1, count)
        if stats[i, cv2.CC_STAT_AREA] >= min_pixels
    ]
    found.sort(reverse=True)
    out: list[tuple[float, float, tuple[int, int, int, int]]] = []
    for _, i in found[:MAX_BLOBS]:
        x, y, w, h = (int(v) for v in stats[i, :4])
        out.append((float(centroids[i, 0]), float(centroids[i, 1]), (x, y, w, h)))
    return out


def _fraction_box(box: tuple[int, int, int, int], width: int, height: int) -> Box:
    x, y, w, h = box
    return x / width, y / height, w / width, h / height
