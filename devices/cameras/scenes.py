"""Scripted content for `sim:NAME?scene=SPEC` pictures: what the video analysis is tested on.

SPEC is a comma-separated list of items `ACTION@START-END` (seconds since the stream started;
floats allowed), or `ACTION@START` for `fall`:

- `black@S-E`: the lens is covered: the picture is black (not even the clock).
- `blur@S-E`: defocused: the picture is strongly blurred (the burnt-in clock stays sharp, as a
  camera's on-screen display does).
- `shift@S-E`: the camera was turned: a different view (the background rolled and flipped).
- `walk@S-E`: a person (1/12 of the width by 1/4 of the height) walks left to right across
  the picture at mid height.
- `loiter@S-E`: a person stays around one spot (+-3 % of the width, slowly) at 30 % from the
  left.
- `fall@S`: a small ball (2 % of the width) falls from rest at the top, at mid width, with
  gravity: it reaches the bottom about FALL_SECONDS later.

This module says what is where at a time (`Scene.objects`); devices.cameras.sim draws it.
Qt-free; pure.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

Action = Literal["black", "blur", "shift", "walk", "loiter", "fall"]
ACTIONS: tuple[Action, ...] = get_args(Action)
ObjectKind = Literal["person", "ball"]

FALL_SECONDS = 1.5  # from rest at the top to the bottom of the picture
PERSON_SIZE = (1 / 12, 1 / 4)  # width, height as fractions of the picture's
BALL_SIZE = 0.02  # diameter, as a fraction of the picture's width
LOITER_AT = 0.3  # the loiterer's centre, as a fraction of the width from the left
LOITER_RANGE = 0.03  # +- this fraction of the width
_LOITER_PERIOD_S = 7.0  # one slow wander left and right
_BALL_DRIFT = 0.01  # sideways, fractions of the width per second of fall


@dataclass(frozen=True)
class SceneItem:
    """One scripted action from `start` until `end` (seconds since the stream started)."""

    action: Action
    start: float
    end: float  # for fall: when the ball has surely left the picture

    def active(self, t: float) -> bool:
        return self.start <= t < self.end

    def __str__(self) -> str:
        if self.action == "fall":
            return f"fall@{self.start:g}"
        return f"{self.action}@{self.start:g}-{self.end:g}"


@dataclass(frozen=True)
class SceneObject:
    """Something drawn in the picture: its box in pixels (left, top, width, height)."""

    kind: ObjectKind
    x: float
    y: float
    w: float
    h: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass(frozen=True)
class Scene:
    """A parsed scene: its items in the order given."""

    items: tuple[SceneItem, ...]

    def __str__(self) -> str:
        return ",".join(str(item) for item in self.items)

    @property
    def duration(self) -> float:
        """Seconds from the stream's start until the last item is over."""
        return max(item.end for item in self.items)

    def shows(self, action: Action, t: float) -> bool:
        """Whether an item of this action is under way at `t`."""
        return any(item.action == action and item.active(t) for item in self.items)

    def objects(self, t: float, width: int, height: int) -> tuple[SceneObject, ...]:
        """The people and balls in a width x height picture at `t`, in the items' order."""
        out: list[SceneObject] = []
        for item in self.items:
            if not item.active(t):
                continue
            obj = _place(item, t - item.start, width, height)
            if obj is not None:
                out.append(obj)
        return tuple(out)


def parse_scene(spec: str) -> Scene:
    """The scene of a SPEC; ValueError names the bad item and what is wrong with it."""
    if not spec.strip():
        raise ValueError("empty scene: expected items like black@2-5,walk@3-9,fall@4")
    items = tuple(_item(number, text) for number, text in enumerate(spec.split(","), start=1))
    return Scene(items)


def _item(number: int, text: str) -> SceneItem:
    def bad(what: str) -> ValueError:
        return ValueError(f"scene item {number} {text!r}: {what}")

    if not text.strip():
        raise bad("empty item (a comma too many?)")
    word, at, times = text.strip().partition("@")
    if not at:
        raise bad("missing '@' (expected ACTION@START-END, or fall@START)")
    action = next((a for a in ACTIONS if a == word), None)
    if action is None:
        raise bad(f"unknown action {word!r} (expected {', '.join(ACTIONS)})")
    start_text, dash, end_text = times.partition("-")
    start = _seconds(start_text, bad)
    if action == "fall":
        if dash:
            raise bad("fall takes a start time only (fall@START)")
        return SceneItem("fall", start, start + _fall_end())
    if not dash:
        raise bad(f"missing the end time (expected {action}@START-END)")
    end = _seconds(end_text, bad)
    if end < start:
        raise bad(f"end before start ({end:g} < {start:g})")
    if end == start:
        raise bad(f"empty time range (start and end both {start:g})")
    return SceneItem(action, start, end)


def _seconds(text: str, bad: Callable[[str], ValueError]) -> float:
    try:
        value = float(text)
    except ValueError:
        raise bad(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < 0:
        raise bad(f"{text!r}: seconds must be finite and not negative")
    return value


def _fall_end() -> float:
    # The ball starts at rest with its top at the picture's top; it is gone once its top has
    # passed the bottom: 0.5 g t^2 = height, with g = 2 height / FALL_SECONDS^2 -> a little
    # over FALL_SECONDS (the ball's own height is at most a few per cent).
    return FALL_SECONDS * 1.1


def _place(item: SceneItem, since: float, width: int, height: int) -> SceneObject | None:
    if item.action == "walk":
        return _walker(since / (item.end - item.start), width, height)
    if item.action == "loiter":
        return _loiterer(since, width, height)
    if item.action == "fall":
        return _ball(since, width, height)
    return None


def _person(centre_x: float, centre_y: float, width: int, height: int) -> SceneObject:
    w, h = PERSON_SIZE[0] * width, PERSON_SIZE[1] * height
    return SceneObject("person", centre_x - w / 2, centre_y - h / 2, w, h)


def _walker(progress: float, width: int, height: int) -> SceneObject:
    # From just off the left edge to just off the right edge.
    w = PERSON_SIZE[0] * width
    return _person(-w / 2 + progress * (width + w), height / 2, width, height)


def _loiterer(since: float, width: int, height: int) -> SceneObject:
    phase = 2 * math.pi * since / _LOITER_PERIOD_S
    x = (LOITER_AT + LOITER_RANGE * math.sin(phase)) * width
    y = height * (0.5 + 0.02 * math.sin(1.7 * phase))
    return _person(x, y, width, height)


def _ball(since: float, width: int, height: int) -> SceneObject | None:
    d = max(3.0, BALL_SIZE * width)
    g = 2 * height / FALL_SECONDS**2  # pixels / s^2: the bottom after FALL_SECONDS
    top = 0.5 * g * since**2
    if top >= height:
        return None
    left = width / 2 - d / 2 + _BALL_DRIFT * width * since
    return SceneObject("ball", left, top, d, d)
