"""Drawn areas (privacy masks, alarm areas): who may draw them, what is checked, what follows."""

from __future__ import annotations

import dataclasses
from datetime import time

import numpy as np
import pytest

from console.core.analytics import AnalyticsError, AreaDraft
from console.core.auth import PermissionDenied
from console.core.desk import Desk
from console.core.sop import DEFAULT_SOP, load_sops
from devices.alarms.base import DeviceEvent, EventType
from devices.cameras.analytics import Schedule
from schema.models import AuditRecord

STRIP = [[0.1, 0.6], [0.9, 0.6], [0.9, 0.95], [0.1, 0.95]]
NIGHT = Schedule(frozenset(), time(22, 0), time(6, 0))


def intrusion(**changes: object) -> AreaDraft:
    draft = AreaDraft(
        camera_id="perimeter-north",
        kind="intrusion",
        polygon=STRIP,
        zone_id="perimeter-north-strip",
        schedule=NIGHT,
    )
    return dataclasses.replace(draft, **changes)


def test_admin_draws_an_intrusion_area_with_its_schedule(desk: Desk, admin) -> None:
    seen: list[str] = []
    desk.bus.subscribe("analytics.changed", lambda e: seen.append(e.data["camera_id"]))

    area = desk.analytics.save_area(admin, intrusion(min_seconds=2.5))

    [stored] = desk.analytics.areas("perimeter-north")
    assert stored == area
    assert stored.polygon == tuple(tuple(p) for p in STRIP)
    assert stored.schedule == NIGHT
    assert (stored.zone_id, stored.min_seconds, stored.min_area) == (
        "perimeter-north-strip",
        2.5,
        0.005,
    )
    assert stored.name == "周界北侧警戒带（夜间）"  # the zone's name when none is given
    assert stored.updated_by == admin.name
    rule = stored.rule()
    assert rule is not None
    assert (rule.kind, rule.id, rule.schedule) == ("intrusion", area.id, NIGHT)
    assert seen == ["perimeter-north"]
    with desk.db.read() as s:
        actions = [
            r.action for r in s.query(AuditRecord).filter(AuditRecord.action.like("analytics.%"))
        ]
    assert actions == ["analytics.area.save"]


def test_editing_and_deleting_an_area(desk: Desk, admin) -> None:
    area = desk.analytics.save_area(admin, intrusion())
    moved = [[0.2, 0.2], [0.5, 0.2], [0.5, 0.5]]
    edited = desk.analytics.save_area(admin, intrusion(polygon=moved, schedule=None), area.id)

    assert edited.id == area.id
    assert edited.polygon == tuple(tuple(p) for p in moved)
    assert edited.schedule is None
    desk.analytics.delete_area(admin, area.id)
    assert desk.analytics.areas() == []
    with pytest.raises(AnalyticsError) as caught:
        desk.analytics.delete_area(admin, area.id)
    assert caught.value.code == "no_area"


def test_privacy_masks_follow_the_drawn_areas(desk: Desk, admin) -> None:
    window = [[0.6, 0.1], [0.8, 0.1], [0.8, 0.4], [0.6, 0.4]]
    masker = desk.cameras.masker("east-gate")
    assert not masker

    mask = desk.analytics.save_area(
        admin, AreaDraft(camera_id="east-gate", kind="privacy", polygon=window)
    )
    assert masker.polygons == (tuple(tuple(p) for p in window),)
    picture = np.full((100, 200, 4), 200, np.uint8)
    masker.apply(picture)
    assert picture[25, 140, :3].tolist() == [0, 0, 0]  # inside: black
    assert picture[80, 20, :3].tolist() == [200, 200, 200]  # outside: untouched
    assert mask.name == "东门入口 隐私遮挡"

    desk.analytics.save_area(
        admin,
        AreaDraft(camera_id="east-gate", kind="privacy", polygon=window, enabled=False),
        mask.id,
    )
    assert not masker  # a disabled mask covers nothing
    # A desk opened later takes the masks from the database.
    desk.analytics.save_area(
        admin, AreaDraft(camera_id="east-gate", kind="privacy", polygon=window), mask.id
    )
    again = Desk.for_site(desk.site)
    try:
        assert again.cameras.masker("east-gate").polygons == masker.polygons
    finally:
        again.close()


def test_only_admins_draw(desk: Desk, admin, operator) -> None:
    with pytest.raises(PermissionDenied):
        desk.analytics.save_area(operator, intrusion())
    area = desk.analytics.save_area(admin, intrusion())
    with pytest.raises(PermissionDenied):
        desk.analytics.delete_area(operator, area.id)
    with pytest.raises(PermissionDenied):
        desk.analytics.reset_reference(operator, "perimeter-north")


@pytest.mark.parametrize(
    ("changes", "code", "words"),
    [
        ({"camera_id": "nowhere"}, "no_camera", "nowhere"),
        ({"kind": "smoke"}, "bad_kind", "privacy, intrusion, loitering, thrown"),
        ({"polygon": [[0.1, 0.1], [0.2, 0.2]]}, "bad_polygon", "at least 3 points"),
        ({"polygon": [[0.1, 0.1], [1.2, 0.2], [0.3, 0.9]]}, "bad_polygon", "point 2"),
        ({"zone_id": None}, "no_zone", "perimeter-north-strip"),
        ({"zone_id": "perimeter-north-beam"}, "not_video_zone", "perimeter-north-beam"),
        ({"zone_id": "garage-b1-loiter"}, "zone_camera", "garage-b1"),
        ({"schedule": {"days": [9], "from": "22:00", "to": "06:00"}}, "bad_schedule", ""),
        ({"min_area": 0.9}, "bad_value", "min_area"),
        ({"kind": "privacy"}, "zone_on_mask", "no zone"),
    ],
)
def test_bad_areas_are_refused_with_a_reason(
    desk: Desk, admin, changes: dict[str, object], code: str, words: str
) -> None:
    with pytest.raises(AnalyticsError) as caught:
        desk.analytics.save_area(admin, intrusion(**changes))
    assert caught.value.code == code
    assert words in str(caught.value)
    assert desk.analytics.areas() == []


def test_one_area_per_zone(desk: Desk, admin) -> None:
    first = desk.analytics.save_area(admin, intrusion())
    with pytest.raises(AnalyticsError) as caught:
        desk.analytics.save_area(admin, intrusion(kind="loitering"))
    assert caught.value.code == "zone_taken"
    assert str(first.id) in str(caught.value)


def test_video_zones_of_a_camera(desk: Desk) -> None:
    assert [z.id for z in desk.analytics.video_zones("b3-facade")] == ["b3-facade-thrown"]
    assert desk.analytics.video_zones("east-gate") == []


def test_video_alarms_follow_their_checklists(desk: Desk, tmp_path) -> None:
    thrown = desk.alarms.ingest(
        DeviceEvent("video", EventType.ALARM, "video:b3-facade", code="thrown")
    )
    strip = desk.alarms.ingest(
        DeviceEvent("video", EventType.ALARM, "video:north-strip", code="intrusion")
    )
    covered = desk.alarms.ingest(
        DeviceEvent(
            "camera:east-gate", EventType.TROUBLE, None, code="tamper_covered", kind_hint="tamper"
        )
    )
    sop_of = {
        name: desk.alarms.sop_for(desk.alarms.get(result.alarm_id or 0)).kind
        for name, result in (("thrown", thrown), ("strip", strip), ("covered", covered))
    }
    assert sop_of == {"thrown": "thrown", "strip": "intrusion", "covered": "tamper"}
    assert desk.alarms.get(thrown.alarm_id or 0).zone_id == "b3-facade-thrown"

    # A site's own SOP file written before [thrown] existed stays valid: intrusion stands in.
    text = DEFAULT_SOP.read_text(encoding="utf-8")
    start = text.index("[thrown]")
    own = tmp_path / "sop.toml"
    own.write_text(text[:start] + text[text.index("[panic]") :], encoding="utf-8")
    sops = load_sops(own)
    assert sops["thrown"] is sops["intrusion"]
