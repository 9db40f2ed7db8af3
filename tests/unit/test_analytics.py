"""Video analysis on scripted sim pictures: tampering, intrusion, loitering, thrown objects.

Pictures come from sim.render at 640x360 and 5 a second, with a synthetic clock: mono = t and
wall = START + t (no sleeping)."""

from __future__ import annotations

import random
import re
import time as clock
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import cv2
import numpy as np
import pytest

from devices.cameras.analytics import (
    Analyzer,
    Detection,
    Rule,
    Schedule,
    TamperSettings,
    TamperState,
    annotate,
)
from devices.cameras.masks import Polygon, polygon
from devices.cameras.scenes import parse_scene
from devices.cameras.sim import render

pytestmark = pytest.mark.no_database  # runs once, not again per engine

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2024, 5, 10, 23, 0, tzinfo=SHANGHAI)  # a Friday night
FPS = 5
W, H = 640, 360
NIGHT = Schedule(start=time(22, 0), end=time(6, 0))

Edit = Callable[[np.ndarray, float], np.ndarray]


def rect(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    return polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])


MIDDLE = rect(0.3, 0.15, 0.7, 0.9)  # the walker crosses it at mid height
LEFT = rect(0.1, 0.15, 0.5, 0.9)  # around the loiterer (30 % from the left)


def frame(spec: str, t: float, start: datetime = START) -> np.ndarray:
    """The scene's picture at t, as BGR; "" is the still view (nothing under way)."""
    scene = parse_scene(spec or "walk@1000-1001")
    image = render("gate", W, H, t, start + timedelta(seconds=t), scene)
    return cv2.cvtColor(image, cv2.COLOR_RGB2BGR)


def play(
    analyzer: Analyzer,
    spec: str,
    seconds: float,
    *,
    start: datetime = START,
    begin: float = 0.0,
    edit: Edit | None = None,
    at: dict[float, Callable[[], None]] | None = None,
    jitter: bool = False,
) -> list[Detection]:
    """Feed the scene from `begin` to `seconds` and return what was detected. `jitter`: the
    pictures come +-40 ms off the beat, and one in eight is lost, as from a busy capture."""
    out: list[Detection] = []
    rng = random.Random(8)
    for n in range(round(begin * FPS), round(seconds * FPS)):
        t = n / FPS
        if jitter:
            if rng.random() < 1 / 8:
                continue
            t = max(0.0, t + rng.uniform(-0.04, 0.04))
        if at and t in at:
            at[t]()
        image = frame(spec, t, start)
        if edit is not None:
            image = edit(image, t)
        out += analyzer.feed(image, t, start + timedelta(seconds=t))
    return out


def summary(detections: Sequence[Detection]) -> list[tuple[str, bool, str | None]]:
    return [(d.kind, d.raised, d.tamper and d.tamper.value) for d in detections]


def overlaps(box: tuple[float, float, float, float] | None, area: Polygon) -> bool:
    assert box is not None
    x, y, w, h = box
    xs, ys = [p[0] for p in area], [p[1] for p in area]
    return x < max(xs) and x + w > min(xs) and y < max(ys) and y + h > min(ys)


# --- tampering ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "state", "detail"),
    [
        ("black", TamperState.COVERED, r"mean brightness 0 \(reference \d+\)"),
        ("blur", TamperState.DEFOCUSED, r"sharpness \d % of reference"),
        ("shift", TamperState.TURNED, r"scene match -?0\.\d\d \(< 0\.45\)"),
    ],
)
def test_tampering_raises_after_the_hold_and_restores(
    action: str, state: TamperState, detail: str
) -> None:
    analyzer = Analyzer()
    spec = f"{action}@5-10"
    during = play(analyzer, spec, 9)
    assert summary(during) == [("tamper", True, state.value)]
    assert analyzer.tamper_state is state
    up = during[0]
    assert 7.0 <= up.mono <= 7.5, "the condition held for hold_seconds"
    assert up.wall == START + timedelta(seconds=up.mono)
    assert re.fullmatch(detail, up.detail), up.detail
    assert up.snapshot is not None
    assert up.snapshot.shape == (H, W, 3)
    assert up.snapshot.dtype == np.uint8
    assert up.rule_id is None
    assert up.box is None
    after = play(analyzer, spec, 15, begin=9)
    assert summary(after) == [("tamper", False, state.value)]
    down = after[0]
    assert 12.0 <= down.mono <= 12.5, "the normal view held for hold_seconds"
    assert down.snapshot is None
    assert down.detail.startswith("view normal")
    assert analyzer.tamper_state is TamperState.OK


def test_people_and_lighting_do_not_read_as_tampering() -> None:
    def big_person_and_lights(image: np.ndarray, t: float) -> np.ndarray:
        # A person close to the camera: 9 % of the picture, crossing; and the lights going
        # 30 % down, then 30 % up.
        x = int((t % 6) / 6 * W)
        image[100:280, x : x + 115] = (40, 200, 240)
        if 10 <= t < 16:
            return cv2.convertScaleAbs(image, alpha=0.7)
        if 16 <= t < 22:
            return cv2.convertScaleAbs(image, alpha=1.3)
        return image

    analyzer = Analyzer()
    assert play(analyzer, "walk@3-9,loiter@3-25", 25) == []
    assert play(Analyzer(), "walk@3-9", 25, edit=big_person_and_lights) == []


def test_one_tamper_state_turning_into_another_restores_then_raises() -> None:
    detections = play(Analyzer(), "black@5-10,shift@10-20", 26)
    assert summary(detections) == [
        ("tamper", True, "covered"),
        ("tamper", False, "covered"),
        ("tamper", True, "turned"),
        ("tamper", False, "turned"),
    ]
    assert detections[1].mono == detections[2].mono
    assert 12.0 <= detections[2].mono <= 12.5
    assert 22.0 <= detections[3].mono <= 22.5


def test_a_reset_reference_makes_the_turned_view_normal() -> None:
    analyzer = Analyzer()
    spec = "shift@5-100"
    before = play(analyzer, spec, 10)
    assert summary(before) == [("tamper", True, "turned")]
    old = analyzer.reference()
    after = play(analyzer, spec, 30, begin=10, at={10.0: analyzer.reset_reference})
    assert summary(after) == [("tamper", False, "turned")]
    assert 12.0 <= after[0].mono <= 12.5, "after warmup_seconds of the new view"
    assert "new reference" in after[0].detail
    assert analyzer.tamper_state is TamperState.OK
    new = analyzer.reference()
    assert old is not None
    assert new is not None
    assert not np.array_equal(old, new)


def test_a_saved_reference_is_used_at_once() -> None:
    first = Analyzer()
    play(first, "", 3)
    reference = first.reference()
    assert reference is not None
    assert reference.shape == (180, 320)
    assert reference.dtype == np.uint8
    for given in (reference, cv2.resize(reference, (160, 90))):  # any size is scaled
        detections = play(Analyzer(reference=given), "shift@0-10", 4)
        assert summary(detections) == [("tamper", True, "turned")]
        assert detections[0].mono == pytest.approx(2.0), "no warmup: the hold alone"


def test_the_reference_follows_a_slowly_changing_view() -> None:
    def dusk(image: np.ndarray, t: float) -> np.ndarray:
        return cv2.convertScaleAbs(image, alpha=0.7) if t >= 3 else image

    analyzer = Analyzer(settings=TamperSettings(refresh_seconds=5.0))
    assert play(analyzer, "", 4, edit=dusk) == []
    before = analyzer.reference()
    assert play(analyzer, "", 10, begin=4, edit=dusk) == [], "darker is not tampering"
    after = analyzer.reference()
    assert before is not None
    assert after is not None
    assert float(after.mean()) < float(before.mean()) - 3, "blended towards the darker view"


def test_tamper_detection_can_be_off() -> None:
    analyzer = Analyzer(tamper=False)
    assert play(analyzer, "black@3-9,shift@9-20", 20) == []
    assert analyzer.tamper_state is TamperState.OK
    assert analyzer.reference() is None


def test_tamper_settings_are_used() -> None:
    strict = TamperSettings(hold_seconds=0.5, match_min=0.99, warmup_seconds=1.0)
    detections = play(Analyzer(settings=strict), "blur@5-10", 12)
    # Blurred is also a poor match; defocused wins over turned.
    assert summary(detections) == [("tamper", True, "defocused"), ("tamper", False, "defocused")]
    assert 5.4 <= detections[0].mono <= 5.7
    assert 10.4 <= detections[1].mono <= 10.7


# --- intrusion ------------------------------------------------------------------------------


@pytest.mark.parametrize("jitter", [False, True])
def test_a_walk_through_the_area_raises_intrusion_in_its_schedule(jitter: bool) -> None:
    rule = Rule(7, "intrusion", MIDDLE, NIGHT)
    detections = play(Analyzer([rule], tz=SHANGHAI), "walk@3-9", 15, jitter=jitter)
    assert summary(detections) == [("intrusion", True, None), ("intrusion", False, None)]
    up, down = detections
    # The walker is well inside from about 4.8 s (progress 0.3) to 7.2 s (0.7).
    assert 5.4 <= up.mono <= 6.2, "after min_seconds of motion"
    assert up.rule_id == 7
    assert up.tamper is None
    assert overlaps(up.box, MIDDLE)
    assert re.fullmatch(r"moving area \d\.\d % of the picture for 1\.\d s", up.detail)
    assert up.snapshot is not None
    assert up.snapshot.shape == (H, W, 3)
    assert 7.0 + rule.clear_seconds <= down.mono <= 7.6 + rule.clear_seconds
    assert down.snapshot is None
    assert down.rule_id == 7


def test_outside_its_schedule_intrusion_stays_quiet() -> None:
    rule = Rule(7, "intrusion", MIDDLE, NIGHT)
    noon = datetime(2024, 5, 10, 12, 0, tzinfo=SHANGHAI)
    assert play(Analyzer([rule], tz=SHANGHAI), "walk@3-9", 15, start=noon) == []
    # The same night hours in UTC are not Shanghai's night.
    assert play(Analyzer([rule], tz=UTC), "walk@3-9", 15) == []


def test_the_schedule_ending_restores_a_raised_rule() -> None:
    rule = Rule(7, "intrusion", MIDDLE, NIGHT)
    dawn = datetime(2024, 5, 11, 5, 59, 53, tzinfo=SHANGHAI)  # 06:00 is 7 s in
    detections = play(Analyzer([rule], tz=SHANGHAI), "walk@3-9", 15, start=dawn)
    assert summary(detections) == [("intrusion", True, None), ("intrusion", False, None)]
    assert detections[1].mono == pytest.approx(7.0)
    assert detections[1].detail == "schedule ended"


def test_people_passing_while_the_background_learns_leave_no_ghost() -> None:
    # The walker is mid-picture when learning ends (2 s) and out of the area by 2.5 s.
    rule = Rule(1, "intrusion", rect(0.1, 0.15, 0.6, 0.9))
    assert play(Analyzer([rule]), "walk@0-4", 12) == []


def test_motion_outside_the_area_or_too_short_raises_nothing() -> None:
    top = Rule(1, "intrusion", rect(0.3, 0.0, 0.7, 0.3))  # above the walker
    assert play(Analyzer([top]), "walk@3-9,loiter@3-9", 15) == []
    narrow = Rule(2, "intrusion", rect(0.45, 0.15, 0.55, 0.9))
    assert play(Analyzer([narrow]), "walk@3-4", 8) == [], "crossed in well under a second"
    assert summary(play(Analyzer([narrow]), "walk@3-12", 16))[0] == ("intrusion", True, None)


def test_no_rule_raises_while_the_camera_is_tampered_with() -> None:
    rule = Rule(1, "intrusion", MIDDLE)
    detections = play(Analyzer([rule]), "blur@3-20,walk@3-9", 20)
    assert summary(detections) == [("tamper", True, "defocused")]


def test_set_rules_keeps_unchanged_rules_and_restores_removed_ones() -> None:
    rule = Rule(1, "intrusion", MIDDLE, clear_seconds=30)
    analyzer = Analyzer([rule])
    assert summary(play(analyzer, "walk@3-9", 7)) == [("intrusion", True, None)]
    analyzer.set_rules([rule])  # unchanged: still raised, no second raise
    assert play(analyzer, "walk@3-9", 10, begin=7) == []
    analyzer.set_rules([Rule(2, "intrusion", LEFT)])
    gone = play(analyzer, "walk@3-9", 10.2, begin=10)
    assert summary(gone) == [("intrusion", False, None)]
    assert gone[0].rule_id == 1
    assert gone[0].detail == "area removed"
    with pytest.raises(ValueError, match="unique"):
        analyzer.set_rules([rule, rule])


# --- loitering and thrown objects -----------------------------------------------------------


def test_loitering_longer_than_loiter_seconds_raises() -> None:
    rule = Rule(3, "loitering", LEFT, loiter_seconds=10)
    detections = play(Analyzer([rule]), "loiter@3-20", 26)
    assert summary(detections) == [("loitering", True, None), ("loitering", False, None)]
    up, down = detections
    assert 13.0 <= up.mono <= 13.5
    assert overlaps(up.box, LEFT)
    assert re.fullmatch(
        r"motion staying in the area \d\.\d % of the picture for 1\d\.\d s", up.detail
    )
    assert 19.8 + rule.clear_seconds <= down.mono <= 25.0, "restores once the loiterer has gone"


def test_walking_through_is_not_loitering() -> None:
    rule = Rule(3, "loitering", MIDDLE, loiter_seconds=10)
    assert play(Analyzer([rule]), "walk@3-9", 20) == []
    default = Rule(3, "loitering", LEFT)  # 30 s
    assert play(Analyzer([default]), "loiter@3-25", 30) == []


@pytest.mark.parametrize(
    ("area", "jitter"),
    [
        (rect(0.3, 0.0, 0.7, 1.0), False),  # seen from rest
        (rect(0.0, 0.15, 1.0, 1.0), False),  # seen first already falling fast
        (rect(0.0, 0.15, 1.0, 1.0), True),
    ],
)
def test_a_falling_object_raises_thrown_once(area: Polygon, jitter: bool) -> None:
    rule = Rule(4, "thrown", area)
    detections = play(Analyzer([rule]), "fall@4", 12, jitter=jitter)
    assert summary(detections) == [("thrown", True, None), ("thrown", False, None)]
    up, down = detections
    assert 4.4 <= up.mono <= 5.4
    assert up.box is not None
    x, y, w, h = up.box
    assert abs(x + w / 2 - 0.5) < 0.05, "the ball, at mid width"
    assert w < 0.05, "the ball, not the area"
    assert h < 0.1
    assert up.detail.startswith("object fell ")
    assert 5.2 + rule.clear_seconds <= down.mono <= 6.0 + rule.clear_seconds, (
        "the ball left at 5.5 s"
    )


def test_people_are_not_thrown_objects() -> None:
    whole = Rule(4, "thrown", rect(0.0, 0.0, 1.0, 1.0))
    assert play(Analyzer([whole]), "walk@3-9,loiter@3-9", 14) == []
    assert play(Analyzer([whole]), "walk@3-5,loiter@3-9", 14, jitter=True) == []
    beside = Rule(5, "thrown", rect(0.0, 0.0, 0.3, 1.0))
    assert play(Analyzer([beside]), "fall@4", 10) == [], "the ball falls elsewhere"


def test_all_rules_at_once() -> None:
    rules = [
        Rule(1, "intrusion", MIDDLE),
        Rule(2, "loitering", LEFT, loiter_seconds=8),
        Rule(3, "thrown", rect(0.3, 0.0, 0.7, 1.0)),
    ]
    detections = play(Analyzer(rules), "walk@3-9,loiter@3-15,fall@10", 22)
    raised = sorted((d.rule_id, d.kind) for d in detections if d.raised)
    assert raised == [(1, "intrusion"), (2, "loitering"), (3, "thrown")]
    assert sum(not d.raised for d in detections) == 3


# --- schedules ------------------------------------------------------------------------------


def local(day: int, hh: int, mm: int = 0) -> datetime:
    """May 2024: the 6th is a Monday, so `day` 0..6 is Monday..Sunday."""
    return datetime(2024, 5, 6 + day, hh, mm, tzinfo=SHANGHAI)


def test_a_schedule_across_midnight_belongs_to_the_day_it_starts_on() -> None:
    friday_night = Schedule(frozenset({4}), time(22, 0), time(6, 0))
    assert friday_night.active(local(4, 22, 0))
    assert friday_night.active(local(4, 23, 59))
    assert friday_night.active(local(5, 3, 0)), "Saturday 03:00 is Friday's night"
    assert not friday_night.active(local(5, 6, 0))
    assert not friday_night.active(local(4, 3, 0)), "Friday 03:00 is Thursday's night"
    assert not friday_night.active(local(5, 22, 30))
    assert not friday_night.active(local(4, 21, 59))


def test_schedules_within_a_day_all_day_and_always() -> None:
    office = Schedule(frozenset(range(5)), time(8, 0), time(18, 0))
    assert office.active(local(0, 8, 0))
    assert office.active(local(4, 17, 59))
    assert not office.active(local(0, 18, 0))
    assert not office.active(local(5, 12, 0))
    weekend = Schedule(frozenset({5, 6}))
    assert weekend.active(local(5, 0, 0))
    assert weekend.active(local(6, 23, 59))
    assert not weekend.active(local(0, 12, 0))
    always = Schedule()
    assert all(always.active(local(d, h)) for d in range(7) for h in (0, 12, 23))
    assert NIGHT.active(local(2, 1, 0))
    assert not NIGHT.active(local(2, 12, 0))
    # Local time is what counts: 23:00 in Shanghai is 15:00 UTC.
    assert NIGHT.active(local(2, 23).astimezone(UTC).astimezone(SHANGHAI))


def test_schedule_dicts_round_trip_and_describe() -> None:
    night = Schedule(frozenset({0, 1, 2, 3, 4}), time(22, 0), time(6, 0))
    assert night.to_dict() == {"days": [0, 1, 2, 3, 4], "from": "22:00", "to": "06:00"}
    assert Schedule.from_dict(night.to_dict()) == night
    assert Schedule.from_dict({}) == Schedule()
    assert Schedule.from_dict({"from": "22:00", "to": "6:00"}) == NIGHT
    assert night.describe() == "Mon-Fri 22:00-06:00"
    assert NIGHT.describe() == "every day 22:00-06:00"
    assert Schedule().describe() == "always"
    assert Schedule(frozenset({5, 6})).describe() == "Sat, Sun all day"
    assert Schedule(frozenset(range(7)), time(8), time(9)).describe() == "every day 08:00-09:00"
    assert Schedule(frozenset({0, 2, 3, 4, 6}), time(8), time(9)).describe() == (
        "Mon, Wed-Fri, Sun 08:00-09:00"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"days": [7]}, "schedule 'days': 7 is not a day"),
        ({"days": [True]}, "schedule 'days': True is not a day"),
        ({"days": "Mon"}, "schedule 'days': expected a list"),
        ({"from": "25:00"}, "schedule 'from': '25:00' is not a time of day (HH:MM)"),
        ({"to": 600}, "schedule 'to': 600 is not a time of day"),
        ({"form": "22:00"}, "schedule: unknown key 'form'"),
        ([1, 2], "schedule: expected an object"),
    ],
)
def test_bad_schedule_dicts_name_the_key(data: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        Schedule.from_dict(data)


# --- small pieces ---------------------------------------------------------------------------


def test_annotate_draws_on_a_bgr_copy() -> None:
    image = frame("", 0.0)
    bgra = cv2.cvtColor(image, cv2.COLOR_BGR2BGRA)
    out = annotate(bgra, MIDDLE, (0.1, 0.1, 0.2, 0.2), "intrusion #7")
    assert out.shape == (H, W, 3)
    assert out.dtype == np.uint8
    assert np.array_equal(bgra, cv2.cvtColor(image, cv2.COLOR_BGR2BGRA)), "input untouched"
    yellow = np.all(out == (0, 255, 255), axis=2)
    red = np.all(out == (0, 0, 255), axis=2)
    assert yellow[:, round(0.3 * W)].sum() > 0.5 * H, "the polygon's left side"
    assert red[round(0.1 * H) : round(0.3 * H), round(0.1 * W)].all(), "the box's left side"
    unlabelled = annotate(bgra, MIDDLE, (0.1, 0.1, 0.2, 0.2), "")
    assert np.any(out[H - 40 :, : W // 4] != unlabelled[H - 40 :, : W // 4]), "the label"
    assert np.array_equal(out[: H - 40], unlabelled[: H - 40]), "at the bottom left"
    assert np.array_equal(annotate(image, None, None, ""), image), "nothing to draw"


def test_bad_input_is_refused() -> None:
    analyzer = Analyzer()
    with pytest.raises(ValueError, match="aware"):
        analyzer.feed(frame("", 0), 0.0, datetime(2024, 5, 10, 12, 0))
    with pytest.raises(ValueError, match="uint8"):
        analyzer.feed(np.zeros((90, 160, 3), np.float32), 0.0, START)
    with pytest.raises(ValueError, match="kind"):
        Rule(1, "fire", MIDDLE)
    with pytest.raises(ValueError, match="clear_seconds"):
        Rule(1, "intrusion", MIDDLE, clear_seconds=-1)
    with pytest.raises(ValueError, match="days"):
        Schedule(frozenset({9}))


def test_analysis_is_cheap() -> None:
    rules = [
        Rule(1, "intrusion", MIDDLE),
        Rule(2, "loitering", LEFT),
        Rule(3, "thrown", rect(0.3, 0.0, 0.7, 1.0)),
    ]
    scene = parse_scene("walk@0-30,fall@5")
    frames = [
        cv2.cvtColor(render("cost", 320, 180, n / FPS, START, scene), cv2.COLOR_RGB2BGR)
        for n in range(60)
    ]
    best = float("inf")
    for _ in range(3):
        analyzer = Analyzer(rules)
        for n in range(15):  # past the warmup
            analyzer.feed(frames[n], n / FPS, START)
        began = clock.perf_counter()
        for n in range(15, 60):
            analyzer.feed(frames[n], n / FPS, START + timedelta(seconds=n / FPS))
        best = min(best, (clock.perf_counter() - began) / 45)
    assert best < 0.002, f"{best * 1000:.2f} ms per 320x180 picture"
