"""`python main.py bench reports [--quick]`: how long a month's and a year's report take on a
busy site's year of data, measured in one run.

A fresh database (under a temporary XDG_DATA_HOME) for the demo site gets a year of rows,
2025-12-01 to 2026-11-30 in the site's time zone: 500,000 alarms over the site's zones (each
with its device event, most acknowledged and closed with a resolution), 100,000 duty-log
entries over the year's shifts, camera video losses and restores, visits, loans, check records
and fault reports. Rows go in through SQLAlchemy's bulk insert in batches (the columns' own
types, so times are stored exactly as the services store them). The clock is then set to
2026-12-01 so both periods are complete, and `ReportService.report` runs for November 2026
and for the whole year, each several times; the best and the median are printed with the aim
(2 s). `--quick` makes a twentieth of the data (for tests).

Qt-free: the figures come from core; drawing the charts is not part of what is timed.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, select

from console.core.desk import Desk
from console.core.reports import Report, ReportPeriod
from console.paths import DEMO_SITE
from schema.models import (
    Alarm,
    AlarmEvent,
    CheckRecord,
    FaultReport,
    Loan,
    LogEntry,
    Shift,
    Visit,
)

AIM_S = 2.0
FIRST = date(2025, 12, 1)
LAST = date(2026, 11, 30)
BATCH = 20_000
RESOLUTIONS = ("real", "false", "false", "false", "test", "repaired", "other")
KIND_WEIGHTS = {"fire": 1, "infrared": 4, "perimeter": 5, "panic": 1, "elevator": 2, "tamper": 1}


def _batches(rows: Iterator[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Filler:
    def __init__(self, desk: Desk, rng: random.Random) -> None:
        self.desk, self.rng = desk, rng
        period = ReportPeriod.custom(FIRST, LAST, desk.site.tz())
        self.start, self.end = period.start, period.end
        self.span = (self.end - self.start).total_seconds()

    def moment(self) -> datetime:
        return self.start + timedelta(seconds=self.rng.uniform(0, self.span))

    def insert(self, table: Table, rows: Iterator[dict[str, Any]]) -> int:
        count = 0
        for batch in _batches(rows):
            with self.desk.db.write() as s:
                s.execute(insert(table), batch)
            count += len(batch)
        return count

    def alarms(self, count: int) -> int:
        zones = [z for z in self.desk.site.zones if z.kind in KIND_WEIGHTS]
        weights = [KIND_WEIGHTS[z.kind] for z in zones]
        rng = self.rng

        # the queue stores alarms as they come: in time order
        times = sorted(self.moment() for _ in range(count))

        def rows() -> Iterator[dict[str, Any]]:
            for raised in times:
                zone = rng.choices(zones, weights)[0]
                acked = (
                    raised + timedelta(seconds=rng.expovariate(1 / 40))
                    if rng.random() < 0.97
                    else None
                )
                closed = (
                    acked + timedelta(seconds=rng.expovariate(1 / 600))
                    if acked is not None and rng.random() < 0.95
                    else None
                )
                yield {
                    "zone_id": zone.id,
                    "zone_name": zone.name,
                    "zone_kind": zone.kind,
                    "source_id": zone.source,
                    "point": zone.point,
                    "event": "alarm",
                    "code": "alarm",
                    "text": "",
                    "priority": 3,
                    "state": "closed" if closed else ("acknowledged" if acked else "new"),
                    "raised_at": raised,
                    "last_at": raised,
                    "repeats": 0,
                    "acknowledged_at": acked,
                    "acknowledged_by": "li" if acked else None,
                    "closed_at": closed,
                    "closed_by": "li" if closed else None,
                    "resolution": rng.choice(RESOLUTIONS) if closed else None,
                }

        made = self.insert(Alarm.__table__, rows())  # type: ignore[arg-type]

        # each alarm's device event (the report does not read them; the camera query must
        # find its few rows among them)
        def events() -> Iterator[dict[str, Any]]:
            with self.desk.db.read() as s:
                found = s.execute(select(Alarm.id, Alarm.source_id, Alarm.point, Alarm.raised_at))
                for alarm_id, source, point, raised in found:
                    yield {
                        "received_at": raised,
                        "source_id": source,
                        "point": point,
                        "type": "alarm",
                        "code": "alarm",
                        "text": "",
                        "raw": "",
                        "alarm_id": alarm_id,
                    }

        self.insert(AlarmEvent.__table__, events())  # type: ignore[arg-type]
        return made

    def cameras(self, losses_per_camera: int) -> int:
        rng = self.rng

        def rows() -> Iterator[dict[str, Any]]:
            for camera in self.desk.site.cameras:
                for _ in range(losses_per_camera):
                    lost = self.moment()
                    back = lost + timedelta(seconds=rng.expovariate(1 / 900))
                    for kind, when in (("comm_fault", lost), ("comm_restore", back)):
                        yield {
                            "received_at": when,
                            "source_id": f"camera:{camera.id}",
                            "point": None,
                            "type": kind,
                            "code": "video_loss",
                            "text": "",
                            "raw": "",
                        }

        return self.insert(AlarmEvent.__table__, rows()) // 2  # type: ignore[arg-type]

    def log(self, count: int) -> int:
        pattern = self.desk.shifts.pattern
        shifts = []
        slot = pattern.slot_at(self.start)
        while slot.start < self.end:
            shifts.append(
                {
                    "start": slot.start,
                    "end": slot.end,
                    "label": slot.label,
                    "state": "sealed",
                    "created_at": slot.start,
                }
            )
            slot = pattern.next_slot(slot)
        self.insert(Shift.__table__, iter(shifts))  # type: ignore[arg-type]
        with self.desk.db.read() as s:
            ids = list(s.execute(select(Shift.id, Shift.start, Shift.end)))
        rng = self.rng
        categories = ("patrol", "alarm", "equipment", "visitor", "other", "patrol", "patrol")

        def rows() -> Iterator[dict[str, Any]]:
            for _ in range(count):
                shift_id, start, end = rng.choice(ids)
                when = start + (end - start) * rng.random()
                category = rng.choice(categories)
                yield {
                    "shift_id": shift_id,
                    "at": when,
                    "recorded_at": when,
                    "author": "li",
                    "author_name": "李值班",
                    "category": category,
                    "text": "巡视正常 patrol: all normal",
                    "source": "operator",
                    "equipment_status": category == "equipment",
                    "attachments": "[]",
                }

        return self.insert(LogEntry.__table__, rows())  # type: ignore[arg-type]

    def visits(self, count: int) -> int:
        rng = self.rng
        states = ("admitted",) * 8 + ("refused", "withdrawn", "waiting")

        def rows() -> Iterator[dict[str, Any]]:
            for n in range(count):
                yield {
                    "gate_id": "east-gate",
                    "requested_at": self.moment(),
                    "requested_by": "li",
                    "visitor_name": f"访客{n}",
                    "id_type": "resident_id",
                    "id_masked": "1101**********1234",
                    "id_hash": f"{n:064x}",
                    "phone": "",
                    "room": f"{rng.randint(1, 9)}0{rng.randint(1, 9)}01",
                    "purpose": "",
                    "state": rng.choice(states),
                    "note": "",
                }

        return self.insert(Visit.__table__, rows())  # type: ignore[arg-type]

    def loans(self, count: int) -> int:
        rng = self.rng

        def rows() -> Iterator[dict[str, Any]]:
            for n in range(count):
                created = self.moment()
                due = created + timedelta(days=rng.randint(3, 30))
                closed = (
                    created + timedelta(days=rng.randint(1, 40)) if rng.random() < 0.9 else None
                )
                outcome = rng.choice(("intact", "intact", "viewed", "destroyed")) if closed else ""
                row = {
                    c.name: c.default.arg for c in Loan.__table__.columns if c.default is not None
                }
                row.update(
                    created_at=created,
                    requested_by="li",
                    borrower_kind="police",
                    borrower_name="赵警官",
                    id_type="police",
                    id_masked="****",
                    id_hash=f"{n:064x}",
                    mode="copy",
                    due_at=due,
                    state="closed" if closed else "lent",
                    decided_at=created,
                    closed_at=closed,
                    outcome=outcome,
                )
                yield row

        return self.insert(Loan.__table__, rows())  # type: ignore[arg-type]

    def checks(self) -> int:
        checks, rng = self.desk.checks, self.rng

        def rows() -> Iterator[dict[str, Any]]:
            for template in checks.templates:
                start, end = checks.period_of(template, self.start)
                while start < self.end:
                    if rng.random() < 0.9:
                        yield {
                            "template_id": template.id,
                            "template_name": template.name,
                            "period_start": start,
                            "period_end": end,
                            "signed_by": "li",
                            "printed_name": "李值班",
                            "signed_at": start + (end - start) * rng.random() * 0.5,
                            "items": "[]",
                            "note": "",
                        }
                    start, end = checks.period_of(template, end)

        return self.insert(CheckRecord.__table__, rows())  # type: ignore[arg-type]

    def fault_reports(self, count: int) -> int:
        rng = self.rng

        def rows() -> Iterator[dict[str, Any]]:
            for n in range(count):
                opened = self.moment()
                repaired = (
                    opened + timedelta(days=rng.uniform(0, 10)) if rng.random() < 0.8 else None
                )
                yield {
                    "title": f"故障 {n}",
                    "note": "",
                    "opened_at": opened,
                    "opened_by": "li",
                    "repaired_at": repaired,
                    "repaired_by": "li" if repaired else None,
                }

        return self.insert(FaultReport.__table__, rows())  # type: ignore[arg-type]


def _timed(make: Callable[[], Report], runs: int) -> tuple[list[float], Report]:
    times, report = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        report = make()
        times.append(time.perf_counter() - t0)
    assert report is not None
    return times, report


def run_bench(quick: bool = False, out: Any = None) -> int:
    out = out or sys.stdout
    scale = 0.05 if quick else 1.0
    with tempfile.TemporaryDirectory(prefix="watchdesk-bench-reports-") as tmp:
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        desk = Desk.open(DEMO_SITE)
        try:
            return _run(desk, scale, quick, out)
        finally:
            desk.close()


def _run(desk: Desk, scale: float, quick: bool, out: Any) -> int:
    filler = _Filler(desk, random.Random(8))  # noqa: S311 - test data, not secrets
    t0 = time.perf_counter()
    made = {
        "alarms": filler.alarms(int(500_000 * scale)),
        "log entries": filler.log(int(100_000 * scale)),
        "camera losses": filler.cameras(int(200 * scale) or 1),
        "visits": filler.visits(int(20_000 * scale)),
        "loans": filler.loans(int(500 * scale) or 1),
        "check records": filler.checks(),
        "fault reports": filler.fault_reports(int(300 * scale) or 1),
    }
    filled = time.perf_counter() - t0
    print(f"reports bench on {desk.db.display_url}", file=out)
    print(
        "data    " + ", ".join(f"{n:,} {what}" for what, n in made.items()),
        f"({FIRST} .. {LAST}, made in {filled:.1f} s)",
        file=out,
    )
    tz = desk.site.tz()
    desk.set_clock(lambda: datetime(2026, 12, 1, tzinfo=tz).astimezone(UTC))
    runs = 3 if quick else 5
    month = ReportPeriod.month(2026, 11, tz)
    year = ReportPeriod.custom(FIRST, LAST, tz)
    results = {}
    for name, period in (("month", month), ("year", year)):
        times, report = _timed(partial(desk.reports.report, period), runs)
        results[name] = (times, report)
        print(
            f"{name:<7} {period.label:<25} best {min(times):6.3f} s  median "
            f"{statistics.median(times):6.3f} s  ({runs} runs; aim < {AIM_S:.0f} s)  "
            f"alarms {report.alarms.count:,}  log {sum(report.log.values()):,}",
            file=out,
        )
    month_times, year_times = results["month"][0], results["year"][0]
    ratio = statistics.median(year_times) / statistics.median(month_times)
    print(f"ratio   year / month median time {ratio:.1f} (the year has 12x the rows)", file=out)
    year_report = results["year"][1]
    if year_report.alarms.count != made["alarms"]:
        print(
            f"FAIL: the year's report counts {year_report.alarms.count} alarms, "
            f"{made['alarms']} were made",
            file=out,
        )
        return 1
    return 0
