"""Scripted sim scenes: parsing `sim:NAME?scene=SPEC`, and what each action does to the picture."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import cv2
import numpy as np
import pytest

from devices.cameras.scenes import ACTIONS, FALL_SECONDS, Scene, SceneItem, parse_scene
from devices.cameras.sim import parse_sim_url, render

pytestmark = pytest.mark.no_database  # runs once, not again per engine

AT = datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=UTC)
W, H = 640, 360
CLOCK_ROWS = H // 8  # the burnt-in clock is above this


def picture(spec: str | None, t: float, name: str = "gate") -> np.ndarray:
    return render(name, W, H, t, AT, None if spec is None else parse_scene(spec))


def grey(image: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def sharpness(image: np.ndarray) -> float:
    """Variance of the Laplacian below the clock."""
    return float(cv2.Laplacian(grey(image)[CLOCK_ROWS:], cv2.CV_64F).var())


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    x, y = (grey(i)[CLOCK_ROWS:].astype(np.float64).ravel() for i in (a, b))
    return float(np.corrcoef(x, y)[0, 1])


def changed(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(row, column) of the pixels that differ clearly (the clock shows AT in both)."""
    diff = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2)
    return np.argwhere(diff > 30)


# --- parsing --------------------------------------------------------------------------------


def test_a_scene_parses_in_order_and_prints_back() -> None:
    scene = parse_scene("black@2-5, walk@1.5-9,fall@4,shift@10-12.25")
    assert scene.items == (
        SceneItem("black", 2.0, 5.0),
        SceneItem("walk", 1.5, 9.0),
        SceneItem("fall", 4.0, scene.items[2].end),
        SceneItem("shift", 10.0, 12.25),
    )
    assert 4 + FALL_SECONDS < scene.items[2].end < 4 + 2 * FALL_SECONDS
    assert str(scene) == "black@2-5,walk@1.5-9,fall@4,shift@10-12.25"
    assert parse_scene(str(scene)) == scene
    assert scene.duration == 12.25
    assert scene.shows("black", 2.0)
    assert scene.shows("black", 4.9)
    assert not scene.shows("black", 5.0)
    assert not scene.shows("blur", 3.0)
    assert ACTIONS == ("black", "blur", "shift", "walk", "loiter", "fall")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            "black@1-2,blurr@1-2",
            "scene item 2 'blurr@1-2': unknown action 'blurr' "
            "(expected black, blur, shift, walk, loiter, fall)",
        ),
        ("black@5-2", "scene item 1 'black@5-2': end before start (2 < 5)"),
        ("walk3-5", "scene item 1 'walk3-5': missing '@'"),
        ("black@2-2", "scene item 1 'black@2-2': empty time range"),
        ("walk@3", "scene item 1 'walk@3': missing the end time (expected walk@START-END)"),
        ("fall@1-2", "scene item 1 'fall@1-2': fall takes a start time only"),
        ("black@x-2", "scene item 1 'black@x-2': 'x' is not a number of seconds"),
        ("black@-1-2", "scene item 1 'black@-1-2': '' is not a number of seconds"),
        ("blur@1-inf", "scene item 1 'blur@1-inf': 'inf': seconds must be finite"),
        ("black@1-2,,walk@1-2", "scene item 2 '': empty item"),
        ("", "empty scene"),
        ("  ", "empty scene"),
    ],
)
def test_bad_scenes_name_the_item_and_the_fault(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_scene(spec)


def test_sim_urls() -> None:
    assert parse_sim_url("sim:gate") == ("gate", None)
    assert parse_sim_url("sim:gate-sub") == ("gate-sub", None)
    name, scene = parse_sim_url("sim:gate?scene=black@2-5,fall@7")
    assert name == "gate"
    assert isinstance(scene, Scene)
    assert str(scene) == "black@2-5,fall@7"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sim:", "sim: needs a name"),
        ("sim:?scene=black@1-2", "sim: needs a name"),
        ("sim:gate?speed=2", "unknown query 'speed=2' (only scene=SPEC is known)"),
        ("sim:gate?", "unknown query ''"),
        ("sim:gate?scene", "unknown query 'scene'"),
        ("sim:gate?scene=", "empty scene"),
        ("sim:gate?scene=black@1-2&speed=2", "only one query item"),
        ("sim:gate?scene=black@3-1", "scene item 1 'black@3-1': end before start"),
        ("rtsp://cam/1", "not a sim: address"),
    ],
)
def test_bad_sim_urls(url: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_sim_url(url)


# --- pictures -------------------------------------------------------------------------------


def test_without_a_scene_render_is_as_before() -> None:
    for t in (0.0, 0.7, 2.5):
        assert np.array_equal(render("gate", W, H, t, AT, None), render("gate", W, H, t, AT))
    # A scene with nothing under way shows the same picture, less the sweeping box.
    plain, quiet = picture(None, 0.0), picture("walk@50-60", 0.0)
    assert quiet.shape == (H, W, 3)
    assert quiet.dtype == np.uint8
    assert quiet.flags.c_contiguous
    box = changed(plain, quiet)
    assert box.size > 0, "the box is not drawn in a scene"
    side = H // 5
    assert box[:, 0].min() >= (H - side) // 2
    assert box[:, 0].max() < (H + side) // 2
    assert box[:, 1].max() < side, "at t=0 the box is at the left"


def test_a_scene_is_still_but_for_its_objects_and_the_clock() -> None:
    a = picture("black@50-60", 0.0)
    later = render("gate", W, H, 3.3, datetime(2025, 1, 1, tzinfo=UTC), parse_scene("black@50-60"))
    rows = np.flatnonzero(np.any(a != later, axis=(1, 2)))
    assert rows.size > 0
    assert rows.max() < CLOCK_ROWS, "only the clock changes"


def test_black_covers_everything_for_its_time() -> None:
    spec = "black@2-5"
    assert picture(spec, 1.9).mean() > 50
    for t in (2.0, 3.5, 4.99):
        image = picture(spec, t)
        assert image.shape == (H, W, 3)
        assert image.max() == 0, "a covered lens shows nothing"
    assert np.array_equal(picture(spec, 5.0), picture("walk@50-60", 5.0))


def test_blur_collapses_sharpness_but_the_clock_stays_readable() -> None:
    normal, blurred = picture("blur@2-5", 1.0), picture("blur@2-5", 3.0)
    assert sharpness(blurred) < 0.1 * sharpness(normal)
    assert abs(float(blurred.mean()) - float(normal.mean())) < 5, "the same view, defocused"
    digits = np.all(normal[:CLOCK_ROWS] == 255, axis=2)
    assert digits.sum() > 100
    assert np.all(blurred[:CLOCK_ROWS][digits] == 255), "the on-screen clock is not blurred"
    assert sharpness(picture("blur@2-5", 5.0)) == sharpness(normal)


def test_shift_shows_another_view() -> None:
    normal = picture("shift@2-5", 1.0)
    assert correlation(normal, picture("walk@2-5", 3.0)) > 0.6, "a person changes less"
    turned = picture("shift@2-5", 3.0)
    assert correlation(normal, turned) < 0.0
    assert sharpness(turned) > 0.5 * sharpness(normal), "as sharp as the usual view"
    assert np.array_equal(picture("shift@2-5", 5.0), normal)


def test_a_walker_crosses_left_to_right_at_mid_height() -> None:
    empty = picture("walk@20-30", 0.0)
    spec = "walk@2-8"
    assert changed(empty, picture(spec, 1.9)).size == 0, "absent before"
    assert changed(empty, picture(spec, 8.0)).size == 0, "and after"
    centres = []
    for t in (2.5, 4.0, 5.0, 6.0, 7.5):
        moved = changed(empty, picture(spec, t))
        rows, cols = moved[:, 0], moved[:, 1]
        assert abs(rows.mean() - H / 2) < H * 0.05, "at mid height"
        assert 0.2 * H <= np.ptp(rows) + 1 <= 0.3 * H, "a quarter of the height tall"
        assert np.ptp(cols) + 1 <= W / 12 + 2
        centres.append(cols.mean())
    assert centres == sorted(centres), "left to right"
    assert centres[0] < 0.2 * W
    assert centres[-1] > 0.8 * W


def test_a_loiterer_stays_near_one_spot() -> None:
    empty = picture("loiter@20-30", 0.0)
    spec = "loiter@2-40"
    assert changed(empty, picture(spec, 1.9)).size == 0
    centres = []
    for t in np.arange(2.0, 40.0, 0.7):
        moved = changed(empty, picture(spec, float(t)))
        assert moved.size > 0
        centres.append(moved[:, 1].mean() / W)
    assert min(centres) > 0.3 - 0.04
    assert max(centres) < 0.3 + 0.04
    assert max(centres) - min(centres) > 0.03, "it wanders a little"
    assert changed(empty, picture(spec, 40.0)).size == 0


def test_a_fall_accelerates_down_from_rest() -> None:
    empty = picture("fall@20", 0.0)
    times = np.arange(0.0, 1.5, 0.1)
    tops, xs, sizes = [], [], []
    for dt in times:
        moved = changed(empty, picture("fall@3", 3.0 + float(dt)))
        assert moved.size > 0, f"the ball is visible {dt:.1f} s into the fall"
        tops.append(moved[:, 0].min())
        xs.append(moved[:, 1].mean())
        sizes.append(np.ptp(moved[:, 1]) + 1)
    assert changed(empty, picture("fall@3", 2.9)).size == 0
    assert all(0.01 * W <= s <= 0.03 * W for s in sizes[2:]), "about 2 % of the width"
    # Quadratic in time, from rest: y = y0 + 0.5 g t^2 with the bottom after ~1.5 s.
    c2, c1, c0 = np.polyfit(times[2:], np.array(tops[2:], dtype=np.float64), 2)
    assert c2 == pytest.approx(H / FALL_SECONDS**2, rel=0.1)
    assert abs(c1) < 0.05 * H, "starts at rest"
    assert c0 < 0.1 * H, "starts at the top"
    assert abs(xs[-1] - xs[0]) < 0.03 * W, "falls nearly straight"
    assert abs(xs[0] - W / 2) < 0.03 * W
    assert changed(empty, picture("fall@3", 3.0 + 1.2 * FALL_SECONDS)).size == 0, "gone"
