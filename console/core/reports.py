"""Reports (station rule 3.4.9: equipment status and figures; the seeds' KPIs): one period's
figures for alarms, cameras, visits, loans, checks and the duty log.

Everything is counted in the database with SQL, in one read transaction: grouped counts (one
pass over the period's queue items for alarms per kind and zone and faults), every alarm's
durations, window functions for each camera's offline spans. Python only walks the check
sheets' periods and takes the percentiles' order statistics from the durations SQL computed
(SQLite has no percentile function; sorting in its window functions was slower). The same
queries run on SQLite and PostgreSQL: only the difference of two times in seconds is written
per engine.

Definitions (the report's notes repeat them):
- Alarms are the queue items of kind "alarm" raised in the period (faults are counted apart).
  Real / false / test / other come from the closing resolution; open ones are not closed yet.
- Time to acknowledge is acknowledged - raised, time to close closed - raised, over the items
  raised in the period that have got that far. Median and 90th percentile interpolate
  linearly between the nearest ranks (as PostgreSQL's percentile_cont).
- A camera's uptime is the share of the period (up to now) without a video loss recorded by a
  running desk; its offline count is the losses that began in the period.
- Checks due are a sheet's periods whose deadline fell in the period (after its start, up to
  its end or now), counted from the desk's first use; done are those with a signed record,
  on time those signed by the deadline.
- Loans overdue are lent loans whose due date fell in the period and that were not closed by
  then.

Qt-free; the reports pane and `main.py report` draw the charts and PDF.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Literal

from sqlalchemy import TextClause, bindparam, text

from console.core.alarms import Resolution
from console.core.checks import CheckService, deadline_of
from console.core.site import Site
from schema.db import Database
from schema.types import UTCDateTime, utcnow

PeriodKind = Literal["day", "week", "month", "custom"]
PERIOD_KINDS: tuple[PeriodKind, ...] = ("day", "week", "month", "custom")
MAX_DAYS = 366  # a custom period: at most a year


class ReportError(Exception):
    """A period or report that cannot be made; `code` lets the UI word it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------------------------------------
# Periods


@dataclass(frozen=True)
class ReportPeriod:
    """Whole local days, first to last (inclusive), in the site's time zone."""

    kind: PeriodKind
    first: date
    last: date
    tz: tzinfo

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(), tzinfo=self.tz).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The first moment after the period (exclusive)."""
        after = self.last + timedelta(days=1)
        return datetime.combine(after, time(), tzinfo=self.tz).astimezone(UTC)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def label(self) -> str:
        """2026-11-21, 2026-11-16 – 2026-11-22, 2026-11, or first – last."""
        if self.kind == "day":
            return self.first.isoformat()
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        return f"{self.first.isoformat()} – {self.last.isoformat()}"

    @classmethod
    def day(cls, day: date, tz: tzinfo) -> ReportPeriod:
        return cls("day", day, day, tz)

    @classmethod
    def week(cls, day: date, tz: tzinfo) -> ReportPeriod:
        """The Monday-based week holding `day`."""
        monday = day - timedelta(days=day.weekday())
        return cls("week", monday, monday + timedelta(days=6), tz)

    @classmethod
    def month(cls, year: int, month: int, tz: tzinfo) -> ReportPeriod:
        if not 1 <= month <= 12 or not 2000 <= year <= 2999:
            raise ReportError("bad_month", f"{year:04d}-{month:02d} is not a month")
        last = calendar.monthrange(year, month)[1]
        return cls("month", date(year, month, 1), date(year, month, last), tz)

    @classmethod
    def custom(cls, first: date, last: date, tz: tzinfo) -> ReportPeriod:
        if last < first:
            raise ReportError(
                "period_reversed", f"the period ends ({last}) before it starts ({first})"
            )
        if (last - first).days + 1 > MAX_DAYS:
            raise ReportError("period_too_long", f"a report covers at most {MAX_DAYS} days")
        return cls("custom", first, last, tz)

    @classmethod
    def parse_month(cls, value: str, tz: tzinfo) -> ReportPeriod:
        """ "2026-11" -> that month; ReportError naming the value otherwise."""
        match = re.fullmatch(r"\s*([0-9]{4})-([0-9]{1,2})\s*", value)
        if not match:
            raise ReportError("bad_month", f"{value!r} is not a month: use YYYY-MM, e.g. 2026-11")
        return cls.month(int(match.group(1)), int(match.group(2)), tz)


# ---------------------------------------------------------------------------------------------
# Figures


@dataclass(frozen=True)
class Spread:
    """How long something took (seconds) over `count` items: median and 90th percentile."""

    count: int = 0
    median: float | None = None
    p90: float | None = None


@dataclass(frozen=True)
class AlarmCounts:
    key: str  # the zone kind (fire, ...), the zone id, or "*" for all
    label: str  # "*": "", a kind: the kind, a zone: its name
    kind: str
    count: int = 0
    real: int = 0
    false: int = 0
    test: int = 0
    other: int = 0  # closed as repaired or other
    open: int = 0  # not closed yet
    ack: Spread = field(default_factory=Spread)
    close: Spread = field(default_factory=Spread)

    @property
    def false_share(self) -> float | None:
        """False alarms as a share of those closed real or false."""
        judged = self.real + self.false
        return self.false / judged if judged else None


@dataclass(frozen=True)
class FaultCounts:
    event: str  # trouble | comm_fault | disabled
    count: int
    open: int


@dataclass(frozen=True)
class CameraFigures:
    camera_id: str
    name: str
    uptime: float  # share of the measured time, 0..1
    offline_count: int
    offline_seconds: float


@dataclass(frozen=True)
class LoanFigures:
    opened: int = 0  # requested in the period
    returned: int = 0  # closed intact or altered in the period
    closed_other: int = 0  # destroyed, lost or viewed in the period
    overdue: int = 0  # due in the period and not closed by then
    out_at_end: int = 0  # approved or lent, not closed, at the period's end


@dataclass(frozen=True)
class CheckFigures:
    template_id: str
    name: str
    period: str  # shift | day | week | month | quarter | year
    due: int
    done: int
    on_time: int

    @property
    def missed(self) -> int:
        return self.due - self.done


@dataclass(frozen=True)
class FaultReportFigures:
    opened: int = 0
    repaired: int = 0
    open_at_end: int = 0


@dataclass(frozen=True)
class Report:
    site_name: str
    period: ReportPeriod
    made_at: datetime
    measured_until: datetime  # the period's end, or now for a period still running
    alarms: AlarmCounts  # every alarm of the period ("*")
    by_kind: list[AlarmCounts]  # most first
    by_zone: list[AlarmCounts]  # most first
    faults: list[FaultCounts]
    cameras: list[CameraFigures]  # the site file's order
    visits: dict[str, int]  # visit state -> count, for visits requested in the period
    loans: LoanFigures
    checks: list[CheckFigures]
    log: dict[str, int]  # duty-log category -> entries
    equipment_entries: int  # equipment-status log entries
    equipment_expected: int  # one per [duty].equipment_every_h over the measured time
    fault_reports: FaultReportFigures

    @property
    def measured_seconds(self) -> float:
        return max(0.0, (self.measured_until - self.period.start).total_seconds())

    @property
    def visits_total(self) -> int:
        return sum(self.visits.values())

    @property
    def checks_due(self) -> int:
        return sum(c.due for c in self.checks)

    @property
    def checks_done(self) -> int:
        return sum(c.done for c in self.checks)


# ---------------------------------------------------------------------------------------------
# SQL


def _seconds_sql(dialect: str) -> Callable[[str, str], str]:
    """SQL for `later - earlier` in seconds, on this engine."""
    if dialect == "sqlite":
        return lambda a, b: f"((julianday({b}) - julianday({a})) * 86400.0)"
    return lambda a, b: f"EXTRACT(EPOCH FROM ({b} - {a}))"


def _timed(sql: str, *names: str) -> TextClause:
    """A text query whose named parameters are UTC datetimes (stored naive, as the models do)."""
    return text(sql).bindparams(*(bindparam(n, type_=UTCDateTime()) for n in names))


ALARMS_IN_PERIOD = "event = 'alarm' AND raised_at >= :start AND raised_at < :end"

_COUNT_COLUMNS = f"""
    COUNT(*) AS n,
    SUM(CASE WHEN state = 'closed' AND resolution = '{Resolution.REAL}' THEN 1 ELSE 0 END),
    SUM(CASE WHEN state = 'closed' AND resolution = '{Resolution.FALSE}' THEN 1 ELSE 0 END),
    SUM(CASE WHEN state = 'closed' AND resolution = '{Resolution.TEST}' THEN 1 ELSE 0 END),
    SUM(CASE WHEN state = 'closed' AND resolution NOT IN
        ('{Resolution.REAL}', '{Resolution.FALSE}', '{Resolution.TEST}') THEN 1 ELSE 0 END),
    SUM(CASE WHEN state != 'closed' THEN 1 ELSE 0 END)
"""


QUANTILES = (0.5, 0.9)


def _ranks(count: int) -> set[int]:
    """The 1-based ranks the median and the 90th percentile of `count` values fall between."""
    ranks: set[int] = set()
    for q in QUANTILES:
        low = int(q * (count - 1))
        ranks.update(r for r in (low + 1, low + 2) if r <= count)
    return ranks


def _interpolate(count: int, at_rank: dict[int, float], q: float) -> float:
    """Linear interpolation between the nearest ranks (as PostgreSQL's percentile_cont)."""
    position = q * (count - 1)
    low = int(position)
    value = at_rank[low + 1]
    if low + 2 in at_rank:
        value += (position - low) * (at_rank[low + 2] - value)
    return value


def _spread(values: list[int]) -> Spread:
    """Median and 90th percentile of sorted milliseconds, in seconds."""
    if not values:
        return Spread()
    count = len(values)
    at_rank = {rank: values[rank - 1] / 1000 for rank in _ranks(count)}
    return Spread(count, _interpolate(count, at_rank, 0.5), _interpolate(count, at_rank, 0.9))


class _Durations:
    """Time to acknowledge and time to close, per zone kind and overall: median and 90th
    percentile. SQL computes every duration (in whole milliseconds) in one pass over the
    period's alarms; only the order statistics are taken here, from sorted lists (SQLite has
    no percentile function, and its window functions would sort every value once per
    figure)."""

    def __init__(self, service: ReportService) -> None:
        ack = service._seconds("raised_at", "acknowledged_at")
        close = service._seconds("raised_at", "closed_at")
        self.query = _timed(
            f"SELECT zone_kind, CAST(ROUND({ack} * 1000) AS BIGINT), "
            f"CAST(ROUND({close} * 1000) AS BIGINT) "
            # an alarm is closed only after it was acknowledged
            f"FROM alarms WHERE {ALARMS_IN_PERIOD} AND acknowledged_at IS NOT NULL",
            "start",
            "end",
        )

    def spreads(
        self, execute: Any, window: dict[str, Any]
    ) -> tuple[dict[str, Spread], dict[str, Spread]]:
        acks: dict[str, list[int]] = {}
        closes: dict[str, list[int]] = {}
        for kind, ack_ms, close_ms in execute(self.query, window).all():
            acks.setdefault(kind, []).append(ack_ms)
            if close_ms is not None:
                closes.setdefault(kind, []).append(close_ms)
        spreads: list[dict[str, Spread]] = []
        for per_kind in (acks, closes):
            every: list[int] = []
            for values in per_kind.values():
                values.sort()
                every += values
            every.sort()  # sorted runs: timsort merges them
            found = {kind: _spread(values) for kind, values in per_kind.items()}
            found["*"] = _spread(every)
            spreads.append(found)
        return spreads[0], spreads[1]


_CAMERA_EVENTS = "source_id LIKE 'camera:%' AND type IN ('comm_fault', 'comm_restore')"


def _camera_sql(seconds: Callable[[str, str], str]) -> str:
    """Per camera source: seconds offline within [start, until) and losses that began then.

    The state at the start comes from each camera's last event before it (carried = 1); each
    event lasts until the camera's next one, the last until `until`."""
    return f"""
        WITH last_before AS (
            SELECT source_id, MAX(received_at) AS at FROM alarm_events
            WHERE {_CAMERA_EVENTS} AND received_at < :start
            GROUP BY source_id
        ),
        ev AS (
            SELECT e.source_id AS src, :start AS at, e.type AS type, 1 AS carried, e.id AS id
            FROM alarm_events e JOIN last_before l
              ON e.source_id = l.source_id AND e.received_at = l.at
            WHERE e.type IN ('comm_fault', 'comm_restore')
            UNION ALL
            SELECT source_id, received_at, type, 0, id FROM alarm_events
            WHERE {_CAMERA_EVENTS} AND received_at >= :start AND received_at < :until
        ),
        seq AS (
            SELECT src, at, type, carried,
                   LEAD(at) OVER (PARTITION BY src ORDER BY at, carried DESC, id) AS nxt,
                   LAG(type) OVER (PARTITION BY src ORDER BY at, carried DESC, id) AS prev
            FROM ev
        )
        SELECT src,
            SUM(CASE WHEN type = 'comm_fault'
                THEN {seconds("at", "COALESCE(nxt, :until)")} ELSE 0 END),
            SUM(CASE WHEN type = 'comm_fault' AND carried = 0
                      AND (prev IS NULL OR prev != 'comm_fault') THEN 1 ELSE 0 END)
        FROM seq GROUP BY src
    """


LOAN_OUTSTANDING = "('approved', 'lent', 'closed')"  # a loan that was lent (a due date applied)


# ---------------------------------------------------------------------------------------------
# The service


class ReportService:
    def __init__(
        self,
        site: Site,
        db: Database,
        checks: CheckService,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.site, self.db, self.checks, self.clock = site, db, checks, clock
        self.tz = site.tz()
        dialect = "sqlite" if db.is_sqlite else "postgresql"
        self._seconds = _seconds_sql(dialect)
        self._durations = _Durations(self)

    def period(self, kind: PeriodKind, first: date, last: date | None = None) -> ReportPeriod:
        """The period of this kind holding `first` (custom: `first` to `last`)."""
        if kind == "day":
            return ReportPeriod.day(first, self.tz)
        if kind == "week":
            return ReportPeriod.week(first, self.tz)
        if kind == "month":
            return ReportPeriod.month(first.year, first.month, self.tz)
        return ReportPeriod.custom(first, last if last is not None else first, self.tz)

    def report(self, period: ReportPeriod) -> Report:
        """Every figure of the period (several queries in one read transaction: call it off
        the GUI thread)."""
        now = self.clock()
        until = min(period.end, max(now, period.start))
        window = {"start": period.start, "end": period.end, "until": until}
        with self.db.read() as s:
            execute: Any = s.execute
            counts, zones, faults = self._alarm_counts(execute, window)
            ack, close = self._durations.spreads(execute, window)
            cameras = self._cameras(execute, window, until - period.start)
            visits = self._grouped(
                execute,
                "SELECT state, COUNT(*) FROM visits "
                "WHERE requested_at >= :start AND requested_at < :end GROUP BY state",
                window,
            )
            loans = self._loans(execute, window)
            log = self._grouped(
                execute,
                "SELECT category, COUNT(*) FROM log_entries "
                "WHERE at >= :start AND at < :end GROUP BY category",
                window,
            )
            equipment = execute(
                _timed(
                    "SELECT COUNT(*) FROM log_entries WHERE at >= :start AND at < :end "
                    "AND equipment_status = :yes",
                    "start",
                    "end",
                ),
                {**window, "yes": True},
            ).scalar_one()
            fault_reports = self._fault_reports(execute, window)
            check_rows = execute(
                _timed(
                    "SELECT template_id, period_start, signed_at FROM check_records "
                    "WHERE period_start >= :since AND period_start < :until",
                    "since",
                    "until",
                ),
                {"since": period.start - timedelta(days=MAX_DAYS + 1), "until": until},
            ).all()
        checks = self._checks(period, until, check_rows)
        all_counts = counts.pop("*", AlarmCounts("*", "", ""))
        by_kind = [
            _with(c, ack.get(k), close.get(k))
            for k, c in sorted(counts.items(), key=lambda kc: (-kc[1].count, kc[0]))
        ]
        every_h = self.site.duty.equipment_every_h
        return Report(
            site_name=self.site.site.name,
            period=period,
            made_at=now,
            measured_until=until,
            alarms=_with(all_counts, ack.get("*"), close.get("*")),
            by_kind=by_kind,
            by_zone=zones,
            faults=faults,
            cameras=cameras,
            visits=visits,
            loans=loans,
            checks=checks,
            log=log,
            equipment_entries=int(equipment or 0),
            equipment_expected=int((until - period.start).total_seconds() // (every_h * 3600)),
            fault_reports=fault_reports,
        )

    # -- the parts ------------------------------------------------------------------------------

    def _alarm_counts(
        self, execute: Any, window: dict[str, Any]
    ) -> tuple[dict[str, AlarmCounts], list[AlarmCounts], list[FaultCounts]]:
        """One pass over the period's queue items: alarms per kind (and "*" for all) and per
        zone, most first; faults (every other event) per event."""
        query = f"""
            SELECT event, COALESCE(zone_id, '?' || zone_name) AS z, MAX(zone_name), zone_kind,
                   {_COUNT_COLUMNS}
            FROM alarms WHERE raised_at >= :start AND raised_at < :end
            GROUP BY event, COALESCE(zone_id, '?' || zone_name), zone_kind
        """
        kinds: dict[str, list[int]] = {}
        zones: dict[str, tuple[str, str, list[int]]] = {}
        faults: dict[str, list[int]] = {}
        for event, zone, name, kind, *numbers in execute(_timed(query, "start", "end"), window):
            values = [int(n or 0) for n in numbers]
            if event != "alarm":
                _add(faults.setdefault(event, [0] * 6), values)
                continue
            _add(kinds.setdefault(kind, [0] * 6), values)
            _add(zones.setdefault(zone, (name, kind, [0] * 6))[2], values)
        by_kind = {kind: _counts(kind, kind, kind, values) for kind, values in kinds.items()}
        total = [0] * 6
        for values in kinds.values():
            _add(total, values)
        by_kind["*"] = _counts("*", "", "", total)
        by_zone = sorted(
            (_counts(zone, name, kind, values) for zone, (name, kind, values) in zones.items()),
            key=lambda c: (-c.count, c.key),
        )
        fault_counts = sorted(
            (FaultCounts(event, values[0], values[5]) for event, values in faults.items()),
            key=lambda f: (-f.count, f.event),
        )
        return by_kind, by_zone, fault_counts

    def _cameras(
        self, execute: Any, window: dict[str, Any], measured: timedelta
    ) -> list[CameraFigures]:
        found = {
            src: (float(off or 0.0), int(count or 0))
            for src, off, count in execute(
                _timed(_camera_sql(self._seconds), "start", "until"), window
            )
        }
        total = measured.total_seconds()
        figures = []
        for camera in self.site.cameras:
            offline, count = found.get(f"camera:{camera.id}", (0.0, 0))
            offline = min(max(offline, 0.0), total)
            uptime = 1.0 - offline / total if total > 0 else 1.0
            figures.append(CameraFigures(camera.id, camera.name, uptime, count, offline))
        return figures

    def _grouped(self, execute: Any, query: str, window: dict[str, Any]) -> dict[str, int]:
        rows = execute(_timed(query, "start", "end"), window)
        return dict(sorted(((str(k), int(n)) for k, n in rows), key=lambda kn: (-kn[1], kn[0])))

    def _loans(self, execute: Any, window: dict[str, Any]) -> LoanFigures:
        query = f"""
            SELECT
              SUM(CASE WHEN created_at >= :start AND created_at < :end THEN 1 ELSE 0 END),
              SUM(CASE WHEN closed_at >= :start AND closed_at < :end
                        AND outcome IN ('intact', 'altered') THEN 1 ELSE 0 END),
              SUM(CASE WHEN closed_at >= :start AND closed_at < :end
                        AND outcome IN ('destroyed', 'lost', 'viewed') THEN 1 ELSE 0 END),
              SUM(CASE WHEN state IN {LOAN_OUTSTANDING}
                        AND due_at >= :start AND due_at < :until
                        AND (closed_at IS NULL OR closed_at > due_at) THEN 1 ELSE 0 END),
              SUM(CASE WHEN state IN {LOAN_OUTSTANDING} AND decided_at < :until
                        AND (closed_at IS NULL OR closed_at >= :until) THEN 1 ELSE 0 END)
            FROM loans
            WHERE created_at < :until AND (closed_at IS NULL OR closed_at >= :start)
        """
        row = execute(_timed(query, "start", "end", "until"), window).one()
        return LoanFigures(*(int(n or 0) for n in row))

    def _fault_reports(self, execute: Any, window: dict[str, Any]) -> FaultReportFigures:
        query = """
            SELECT
              SUM(CASE WHEN opened_at >= :start THEN 1 ELSE 0 END),
              SUM(CASE WHEN repaired_at >= :start AND repaired_at < :until THEN 1 ELSE 0 END),
              SUM(CASE WHEN repaired_at IS NULL OR repaired_at >= :until THEN 1 ELSE 0 END)
            FROM fault_reports
            WHERE opened_at < :until AND (repaired_at IS NULL OR repaired_at >= :start)
        """
        row = execute(_timed(query, "start", "until"), window).one()
        return FaultReportFigures(*(int(n or 0) for n in row))

    def _checks(
        self, period: ReportPeriod, until: datetime, rows: Iterable[Sequence[Any]]
    ) -> list[CheckFigures]:
        signed: dict[tuple[str, datetime], datetime] = {}
        for row in rows:
            signed[str(row[0]), _aware(row[1])] = _aware(row[2])
        since = self.checks.records_since()
        figures = []
        for template in self.checks.templates:
            due = done = on_time = 0
            # every period whose deadline falls in (start, until]: they start with the one
            # holding the report's start (earlier ones' deadlines are at or before it)
            p_start, p_end = self.checks.period_of(template, period.start)
            while since is not None and p_start < until:
                deadline = deadline_of(template, p_start, p_end)
                at = signed.get((template.id, p_start))
                # before the desk was first used only a record makes a period count
                counted = p_start >= since or at is not None
                if period.start < deadline <= until and counted:
                    due += 1
                    if at is not None:
                        done += 1
                        on_time += at <= deadline
                p_start, p_end = self.checks.period_of(template, p_end)
            figures.append(
                CheckFigures(template.id, template.name, template.period, due, done, on_time)
            )
        return figures


def _aware(value: Any) -> datetime:
    """A datetime column read through text(): naive UTC (or a string on SQLite)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _add(total: list[int], values: list[int]) -> None:
    for index, value in enumerate(values):
        total[index] += value


def _counts(key: str, label: str, kind: str, values: list[int]) -> AlarmCounts:
    """From the six numbers of _COUNT_COLUMNS: count, real, false, test, other, open."""
    count, real, false, test, other, still_open = values
    return AlarmCounts(key, label, kind, count, real, false, test, other, still_open)


def _with(counts: AlarmCounts, ack: Spread | None, close: Spread | None) -> AlarmCounts:
    return AlarmCounts(
        counts.key,
        counts.label,
        counts.kind,
        counts.count,
        counts.real,
        counts.false,
        counts.test,
        counts.other,
        counts.open,
        ack or Spread(),
        close or Spread(),
    )


# ---------------------------------------------------------------------------------------------
# Rows for CSV


REPORT_COLUMNS = ("section", "key", "label", "measure", "value")


def _round(value: float | None, digits: int = 1) -> float | str:
    return "" if value is None else round(value, digits)


def report_rows(report: Report) -> list[dict[str, Any]]:
    """The report as a long table: one row per figure (section, key, label, measure, value)."""
    rows: list[dict[str, Any]] = []

    def add(section: str, key: str, label: str, measure: str, value: Any) -> None:
        rows.append(
            {"section": section, "key": key, "label": label, "measure": measure, "value": value}
        )

    tz = report.period.tz
    period = report.period
    for measure, value in (
        ("first_day", period.first.isoformat()),
        ("last_day", period.last.isoformat()),
        ("measured_until", report.measured_until.astimezone(tz).isoformat(timespec="seconds")),
        ("made_at", report.made_at.astimezone(tz).isoformat(timespec="seconds")),
    ):
        add("period", period.kind, period.label, measure, value)
    for section, items in (
        ("alarms", [report.alarms]),
        ("alarms_by_kind", report.by_kind),
        ("alarms_by_zone", report.by_zone),
    ):
        for c in items:
            for measure in ("count", "real", "false", "test", "other", "open"):
                add(section, c.key, c.label, measure, getattr(c, measure))
            if section != "alarms_by_zone":
                add(section, c.key, c.label, "ack_median_s", _round(c.ack.median))
                add(section, c.key, c.label, "ack_p90_s", _round(c.ack.p90))
                add(section, c.key, c.label, "close_median_s", _round(c.close.median))
                add(section, c.key, c.label, "close_p90_s", _round(c.close.p90))
    for f in report.faults:
        add("faults", f.event, f.event, "count", f.count)
        add("faults", f.event, f.event, "open", f.open)
    for cam in report.cameras:
        add("cameras", cam.camera_id, cam.name, "uptime_pct", round(cam.uptime * 100, 2))
        add("cameras", cam.camera_id, cam.name, "offline_count", cam.offline_count)
        add("cameras", cam.camera_id, cam.name, "offline_s", round(cam.offline_seconds))
    for state, count in report.visits.items():
        add("visits", state, state, "count", count)
    for name in ("opened", "returned", "closed_other", "overdue", "out_at_end"):
        add("loans", name, name, "count", getattr(report.loans, name))
    for check in report.checks:
        for measure in ("due", "done", "on_time", "missed"):
            add("checks", check.template_id, check.name, measure, getattr(check, measure))
    for category, count in report.log.items():
        add("log", category, category, "count", count)
    add("log", "equipment_status", "", "count", report.equipment_entries)
    add("log", "equipment_status", "", "expected", report.equipment_expected)
    for name in ("opened", "repaired", "open_at_end"):
        add("fault_reports", name, name, "count", getattr(report.fault_reports, name))
    return rows
