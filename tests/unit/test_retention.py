"""Retention planning: age first, then quota oldest-first, evidence locks always win."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.cameras.retention import LockRef, SegmentRef, is_locked, plan_retention

pytestmark = pytest.mark.no_database  # runs once, not again per engine

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def seg(i: int, start: datetime, minutes: int = 1, size: int = 100, cam: str = "gate"):
    return SegmentRef(i, cam, start, start + minutes * MIN, size)


def test_old_segments_go_for_age_then_the_oldest_for_quota() -> None:
    old = [seg(1, NOW - timedelta(days=8)), seg(2, NOW - timedelta(days=7, minutes=30))]
    recent = [seg(10 + i, NOW - (10 - i) * MIN) for i in range(5)]
    plan = plan_retention([*recent, *old], [], NOW, retention_days=7, quota_bytes=300)
    assert [s.id for s in plan.delete] == [1, 2, 10, 11]
    assert plan.reasons == {1: "age", 2: "age", 10: "quota", 11: "quota"}
    assert plan.bytes_after == 300
    assert plan.spared == []


def test_a_segment_ending_exactly_at_the_cutoff_is_kept() -> None:
    cutoff = NOW - timedelta(days=7)
    at_cutoff = SegmentRef(1, "gate", cutoff - MIN, cutoff, 10)
    before = SegmentRef(2, "gate", cutoff - 2 * MIN, cutoff - timedelta(microseconds=1), 10)
    plan = plan_retention([at_cutoff, before], [], NOW, 7, 10**9)
    assert [s.id for s in plan.delete] == [2]


def test_locked_segments_are_spared_even_over_quota() -> None:
    segments = [seg(i, NOW - (10 - i) * MIN) for i in range(4)]
    segments.append(seg(9, NOW - timedelta(days=30)))
    other_camera = seg(20, NOW - 20 * MIN, cam="yard")
    locks = [
        LockRef("gate", NOW - 10 * MIN + timedelta(seconds=30), NOW - 9 * MIN),  # seg 0, 1
        LockRef("gate", NOW - timedelta(days=30), NOW - timedelta(days=30)),  # an instant: seg 9
        LockRef("lobby", NOW - timedelta(days=365), NOW),  # another camera's lock
    ]
    plan = plan_retention([*segments, other_camera], locks, NOW, 7, quota_bytes=100)
    assert [s.id for s in plan.spared] == [9, 0, 1]
    assert [s.id for s in plan.delete] == [20, 2, 3]  # the other camera's lock does not count
    assert plan.reasons == {20: "quota", 2: "quota", 3: "quota"}
    assert plan.bytes_after == 300  # over the quota: only locked footage is left


def test_is_locked_counts_touching_as_overlap() -> None:
    s = seg(1, NOW)
    assert is_locked(s, [LockRef("gate", s.end, s.end + MIN)])
    assert not is_locked(s, [LockRef("gate", s.end + timedelta(seconds=1), s.end + MIN)])
    assert not is_locked(s, [LockRef("yard", s.start, s.end)])


def test_nothing_to_do() -> None:
    plan = plan_retention([], [], NOW, 1, 0)
    assert (plan.delete, plan.spared, plan.reasons, plan.bytes_after) == ([], [], {}, 0)


# ---------------------------------------------------------------------------------------------
# Invariants

CAMERAS = ("gate", "yard")

segments_st = st.lists(
    st.tuples(
        st.sampled_from(CAMERAS),
        st.integers(min_value=0, max_value=20 * 24 * 60),  # minutes before NOW
        st.integers(min_value=1, max_value=120),  # minutes long
        st.integers(min_value=0, max_value=1000),  # bytes
    ),
    max_size=30,
).map(
    lambda rows: [
        SegmentRef(i, cam, NOW - ago * MIN, NOW - ago * MIN + length * MIN, size)
        for i, (cam, ago, length, size) in enumerate(rows)
    ]
)
locks_st = st.lists(
    st.tuples(
        st.sampled_from(CAMERAS),
        st.integers(min_value=0, max_value=20 * 24 * 60),
        st.integers(min_value=0, max_value=600),
    ),
    max_size=5,
).map(
    lambda rows: [
        LockRef(cam, NOW - ago * MIN, NOW - ago * MIN + length * MIN) for cam, ago, length in rows
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    segments_st,
    locks_st,
    st.integers(min_value=1, max_value=15),
    st.integers(min_value=0, max_value=20_000),
)
def test_plan_invariants(
    segments: list[SegmentRef], locks: list[LockRef], days: int, quota: int
) -> None:
    plan = plan_retention(segments, locks, NOW, days, quota)
    deleted = {s.id for s in plan.delete}
    kept = [s for s in segments if s.id not in deleted]
    cutoff = NOW - timedelta(days=days)

    assert len(deleted) == len(plan.delete)  # nothing twice
    assert set(plan.reasons) == deleted
    # Locked footage is never deleted; what a rule picked but a lock kept is listed as spared.
    assert not any(is_locked(s, locks) for s in plan.delete)
    assert all(is_locked(s, locks) for s in plan.spared)
    assert {s.id for s in plan.spared}.isdisjoint(deleted)
    # Age: nothing unlocked and too old is kept; nothing recent is deleted for age.
    assert not any(s.end < cutoff and not is_locked(s, locks) for s in kept)
    assert all(s.end < cutoff for s in plan.delete if plan.reasons[s.id] == "age")
    assert all(s in plan.spared for s in kept if s.end < cutoff)
    # Quota: met, unless all that is left over it is locked.
    assert plan.bytes_after == sum(s.bytes for s in kept)
    if plan.bytes_after > quota:
        assert all(is_locked(s, locks) for s in kept if s.bytes)
    # Quota deletions go oldest first, and only as far as needed.
    quota_deleted = [s for s in plan.delete if plan.reasons[s.id] == "quota"]
    assert quota_deleted == sorted(quota_deleted, key=lambda s: (s.start, s.end, s.id))
    if quota_deleted:
        newest = quota_deleted[-1]
        assert plan.bytes_after + newest.bytes > quota
        unlocked_kept = [s for s in kept if not is_locked(s, locks)]
        assert all(
            (s.start, s.end, s.id) > (newest.start, newest.end, newest.id) for s in unlocked_kept
        )
