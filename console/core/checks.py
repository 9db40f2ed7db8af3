"""Check and maintenance sheets (station rules section 4): the daily fire-equipment check, the
weekly fire-facility check, the monthly CCTV upkeep, the quarterly and annual fire-facility
maintenance, and the fire control room's per-shift operation record.

Sheets are data (`resources/checks.toml`), checked on load. Each sheet has a period in the
site's time zone (a shift of the desk's pattern, a day, a Monday-based week, a month, a
quarter, a year) and is due `due_hours` after its period starts. An operator fills in every
item, normal or abnormal (an abnormal one needs a note), and signs by entering their password
again. One record per sheet and period; a missed period may be filled in late. In the same
transaction the record is stored, each abnormal item opens a fault report, the duty log gets
a line and the audit chain a record; events are published after the commit.

Records are kept at least a year: there is no way to delete one here, and on SQLite a trigger
refuses it below the application too (migration 0004).
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import ErrorDetails
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core import audit
from console.core.auth import Actor, AuthService
from console.core.changes import note as note_change
from console.core.dutylog import Category, DutyLog
from console.core.events import EventBus
from console.core.handover import OpenItem
from console.core.shifts import ShiftService, Slot
from console.core.site import Site, key_text
from console.paths import RESOURCES
from schema.db import Database
from schema.models import CheckRecord, FaultReport, Shift
from schema.types import utcnow

DEFAULT_TEMPLATES = RESOURCES / "checks.toml"
MAX_NOTE = 2000  # an item's note, a sheet's note, a fault's note or repair note
MAX_TITLE = 256  # FaultReport.title
TICK = timedelta(microseconds=1)

Period = Literal["shift", "day", "week", "month", "quarter", "year"]
# The shortest length of each period in hours: a sheet cannot be due after its period ends.
# (A shift is at most a day; its deadline is also cut at the shift's end.)
MAX_DUE_HOURS: dict[str, int] = {
    "shift": 24,
    "day": 24,
    "week": 7 * 24,
    "month": 28 * 24,
    "quarter": 90 * 24,
    "year": 365 * 24,
}
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_ID_RE = re.compile(r"[a-z0-9-]+")


class CheckError(Exception):
    """A check-sheet or fault request that breaks a rule, or a bad template file; `code`
    lets the UI word it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------------------------------------
# Templates

# TOML has real types, so no coercion; strings are stripped and never empty.
_CONFIG = ConfigDict(
    extra="forbid", strict=True, frozen=True, str_strip_whitespace=True, str_min_length=1
)


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not an id: use lowercase letters, digits and '-'")
    return value


Id = Annotated[str, Field(max_length=32), AfterValidator(_check_id)]


class CheckItem(BaseModel):
    """One line of a sheet."""

    model_config = _CONFIG

    id: Id
    text: Annotated[str, Field(max_length=120)]
    text_en: Annotated[str, Field(max_length=200)]

    def label(self, language: str) -> str:
        return self.text if language.startswith("zh") else self.text_en


def _unique_items(items: tuple[CheckItem, ...]) -> tuple[CheckItem, ...]:
    if not items:
        raise ValueError("a sheet needs at least one item")
    _refuse_duplicates([item.id for item in items], "item")
    return items


def _refuse_duplicates(ids: list[str], what: str) -> None:
    for index, value in enumerate(ids):
        if value in ids[:index]:
            first = ids.index(value)
            raise ValueError(f"{what} id {value!r} is used twice ([{first}] and [{index}])")


class CheckTemplate(BaseModel):
    """One sheet: what is checked, how often, and by when."""

    model_config = _CONFIG

    id: Id
    name: Annotated[str, Field(max_length=64)]
    name_en: Annotated[str, Field(max_length=128)]
    period: Period
    due_hours: int = Field(ge=1)
    items: Annotated[tuple[CheckItem, ...], Field(strict=False), AfterValidator(_unique_items)]

    @field_validator("due_hours")
    @classmethod
    def _within_period(cls, value: int, info: ValidationInfo) -> int:
        period = info.data.get("period")
        if period in MAX_DUE_HOURS and value > MAX_DUE_HOURS[period]:
            raise ValueError(f"must be at most {MAX_DUE_HOURS[period]} for a {period} sheet")
        return value

    def item(self, item_id: str) -> CheckItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def title(self, language: str) -> str:
        return self.name if language.startswith("zh") else self.name_en


def _unique_templates(templates: tuple[CheckTemplate, ...]) -> tuple[CheckTemplate, ...]:
    if not templates:
        raise ValueError("the file needs at least one [[templates]]")
    _refuse_duplicates([t.id for t in templates], "template")
    return templates


class _TemplateFile(BaseModel):
    model_config = _CONFIG

    templates: Annotated[
        tuple[CheckTemplate, ...], Field(strict=False), AfterValidator(_unique_templates)
    ]


def _problem(detail: ErrorDetails) -> str:
    key = key_text(tuple(detail["loc"])) or "file"
    kind = detail["type"]
    if kind == "missing":
        message = "field required"
    elif kind == "extra_forbidden":
        message = "unknown key"
    elif kind == "value_error":
        message = str(detail.get("ctx", {}).get("error"))
    else:
        message = detail["msg"][:1].lower() + detail["msg"][1:]
    return f"{key}: {message}"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise CheckError("bad_templates", f"{path}: cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise CheckError("bad_templates", f"{path}: not UTF-8; save the file as UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        raise CheckError("bad_templates", f"{path}: not valid TOML: {err}") from None


def load_templates(path: Path | None = None) -> list[CheckTemplate]:
    """Every sheet in the file (default resources/checks.toml), or CheckError "bad_templates"
    naming the file and each key at fault (`FILE: templates[2].items[0].text: ...`)."""
    path = path or DEFAULT_TEMPLATES
    data = _read_toml(path)
    try:
        parsed = _TemplateFile.model_validate(data)
    except ValidationError as err:
        problems = [f"{path}: {_problem(d)}" for d in err.errors(include_url=False)]
        raise CheckError("bad_templates", "\n".join(problems)) from None
    return list(parsed.templates)


# ---------------------------------------------------------------------------------------------
# Periods


def _month_start(index: int) -> date:
    """The first day of month number `index` (year * 12 + month - 1)."""
    return date(index // 12, index % 12 + 1, 1)


def _calendar_span(period: str, day: date) -> tuple[date, date]:
    """The first day of the period holding `day`, and the first day after it."""
    if period == "day":
        return day, day + timedelta(days=1)
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=7)
    months = _MONTHS[period]
    first = (day.year * 12 + day.month - 1) // months * months
    return _month_start(first), _month_start(first + months)


def _midnight(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def period_of(
    template: CheckTemplate,
    moment: datetime,
    tz: tzinfo,
    shift_slot_fn: Callable[[datetime], Slot],
) -> tuple[datetime, datetime]:
    """The period of `template` that `moment` falls in, as (start, end) aware UTC datetimes:
    a shift of the desk's pattern (`shift_slot_fn`, e.g. ShiftPattern.slot_at), or a day,
    a Monday-based week, a month, a quarter or a year from 00:00 in `tz`."""
    if moment.tzinfo is None:
        raise CheckError("naive_time", "a check period needs a time with a time zone")
    if template.period == "shift":
        slot = shift_slot_fn(moment)
        return slot.start.astimezone(UTC), slot.end.astimezone(UTC)
    first, after = _calendar_span(template.period, moment.astimezone(tz).date())
    return _midnight(first, tz), _midnight(after, tz)


def deadline_of(template: CheckTemplate, start: datetime, end: datetime) -> datetime:
    """`due_hours` after the period starts, and never after it ends."""
    return min(start + timedelta(hours=template.due_hours), end)


def period_label(template: CheckTemplate, start: datetime, end: datetime, tz: tzinfo) -> str:
    """The period as people name it: 2026-03-02, 2026-03, 2026Q1, 2026-03-02 08:00–16:00..."""
    first, last = start.astimezone(tz), (end - TICK).astimezone(tz)
    if template.period == "shift":
        return f"{first:%Y-%m-%d %H:%M}–{end.astimezone(tz):%H:%M}"
    if template.period == "day":
        return f"{first:%Y-%m-%d}"
    if template.period == "week":
        return f"{first:%Y-%m-%d}–{last:%Y-%m-%d}"
    if template.period == "month":
        return f"{first:%Y-%m}"
    if template.period == "quarter":
        return f"{first.year}Q{(first.month - 1) // 3 + 1}"
    return f"{first.year}"


# ---------------------------------------------------------------------------------------------
# Views


class CheckState(StrEnum):
    DONE = "done"  # a record exists for the period
    DUE = "due"  # not done, before the deadline
    OVERDUE = "overdue"  # not done, past the deadline, period still running
    MISSED = "missed"  # the previous period ended without a record


@dataclass(frozen=True)
class CheckStatus:
    template: CheckTemplate
    period_start: datetime
    period_end: datetime
    deadline: datetime
    state: CheckState
    record_id: int | None

    @property
    def is_open(self) -> bool:
        return self.state is not CheckState.DONE


@dataclass(frozen=True)
class ItemResult:
    id: str
    text: str  # the item's text when it was signed
    result: str  # normal | abnormal
    note: str
    fault_id: int | None  # the fault report an abnormal item opened

    @property
    def normal(self) -> bool:
        return self.result == "normal"


@dataclass(frozen=True)
class CheckRecordView:
    id: int
    template_id: str
    template_name: str
    period_start: datetime
    period_end: datetime
    shift_id: int | None
    signed_by: str
    printed_name: str
    signed_at: datetime
    items: tuple[ItemResult, ...]
    note: str

    @property
    def abnormal(self) -> tuple[ItemResult, ...]:
        return tuple(i for i in self.items if not i.normal)

    @property
    def late(self) -> bool:
        """Signed after its period had ended: a missed sheet filled in late (补填)."""
        return self.signed_at >= self.period_end


@dataclass(frozen=True)
class FaultView:
    id: int
    check_record_id: int | None
    item_id: str | None
    title: str
    note: str
    opened_at: datetime
    opened_by: str
    repaired_at: datetime | None
    repaired_by: str | None
    repair_note: str | None

    @property
    def is_open(self) -> bool:
        return self.repaired_at is None


def _fault_view(row: FaultReport) -> FaultView:
    return FaultView(
        row.id,
        row.check_record_id,
        row.item_id,
        row.title,
        row.note,
        row.opened_at,
        row.opened_by,
        row.repaired_at,
        row.repaired_by,
        row.repair_note,
    )


def _record_view(row: CheckRecord, faults: Mapping[tuple[int, str], int]) -> CheckRecordView:
    items = tuple(
        ItemResult(i["id"], i["text"], i["result"], i["note"], faults.get((row.id, i["id"])))
        for i in json.loads(row.items)
    )
    return CheckRecordView(
        id=row.id,
        template_id=row.template_id,
        template_name=row.template_name,
        period_start=row.period_start,
        period_end=row.period_end,
        shift_id=row.shift_id,
        signed_by=row.signed_by,
        printed_name=row.printed_name,
        signed_at=row.signed_at,
        items=items,
        note=row.note,
    )


# ---------------------------------------------------------------------------------------------
# Answers and texts


def _clean_note(text: str, what: str) -> str:
    text = text.strip()
    if len(text) > MAX_NOTE:
        raise CheckError("note_too_long", f"{what}: at most {MAX_NOTE} characters")
    return text


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _answers(
    template: CheckTemplate, results: Mapping[str, tuple[bool, str]]
) -> list[dict[str, str]]:
    """The stored items: every item of the sheet answered, in its order; no unknown ones;
    an abnormal item with a note."""
    unknown = sorted(set(results) - {item.id for item in template.items})
    if unknown:
        raise CheckError("unknown_item", f"{template.name_en} has no item {', '.join(unknown)}")
    missing = [item.id for item in template.items if item.id not in results]
    if missing:
        raise CheckError(
            "unanswered", f"answer every item first; not answered: {', '.join(missing)}"
        )
    answers = []
    for item in template.items:
        normal, note = results[item.id]
        note = _clean_note(note, item.text)
        if not normal and not note:
            raise CheckError("note_required", f"{item.text}: say what is abnormal")
        result = "normal" if normal else "abnormal"
        answers.append({"id": item.id, "text": item.text, "result": result, "note": note})
    return answers


def _record_text(
    template: CheckTemplate, label: str, answers: list[dict[str, str]], late: bool
) -> str:
    abnormal = [a["text"] for a in answers if a["result"] == "abnormal"]
    text = (
        f"签署《{template.name}》{label}：共{len(answers)}项，异常{len(abnormal)}项 / "
        f"signed {template.name_en} {label}: {len(answers)} items, {len(abnormal)} abnormal"
    )
    if late:
        text += "（补填 filled in late）"
    if abnormal:
        text += "\n异常 abnormal: " + _clip("；".join(abnormal), 1000)
    return text


# ---------------------------------------------------------------------------------------------
# The service


class CheckService:
    def __init__(
        self,
        site: Site,
        db: Database,
        bus: EventBus,
        auth: AuthService,
        shifts: ShiftService,
        duty: DutyLog,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.site, self.db, self.bus, self.auth = site, db, bus, auth
        self.shifts, self.duty, self.clock = shifts, duty, clock
        self.tz = site.tz()
        self.templates: list[CheckTemplate] = load_templates()
        self._by_id = {t.id: t for t in self.templates}

    def template(self, template_id: str) -> CheckTemplate:
        template = self._by_id.get(template_id)
        if template is None:
            raise CheckError("no_template", f"there is no check sheet {template_id!r}")
        return template

    def period_of(self, template: CheckTemplate, moment: datetime) -> tuple[datetime, datetime]:
        return period_of(template, moment, self.tz, self.shifts.pattern.slot_at)

    # -- what is due ----------------------------------------------------------------------------

    def records_since(self) -> datetime | None:
        """When the desk was first used (its oldest shift row): no period before counts."""
        with self.db.read() as s:
            return _records_since(s)

    def status(self, now: datetime | None = None) -> list[CheckStatus]:
        """Each sheet's current period (done, due or overdue), preceded by its previous
        period if that ended without a record and started since the desk was first used."""
        now = now or self.clock()
        with self.db.read() as s:
            since = _records_since(s)
            return [st for t in self.templates for st in self._status_of(s, t, now, since)]

    def open_items(self) -> list[OpenItem]:
        """For the handover: sheets due, overdue or missed, and faults not yet repaired."""
        tz = self.site.tz()
        words = {
            CheckState.DUE: "待填 due",
            CheckState.OVERDUE: "逾期 overdue",
            CheckState.MISSED: "漏填 missed",
        }
        checks = [
            OpenItem(
                "check",
                f"check:{c.template.id}:{c.period_start.isoformat()}",
                f"{c.template.name} {period_label(c.template, c.period_start, c.period_end, tz)}",
                words.get(c.state, c.state.value),
                c.deadline if c.state is not CheckState.DUE else None,  # late since
                overdue=c.state in (CheckState.OVERDUE, CheckState.MISSED),
            )
            for c in self.open_checks()
        ]
        faults = [
            OpenItem("fault", f"fault:{f.id}", f"故障待修 Fault: {f.title}", f.note, f.opened_at)
            for f in self.faults(open_only=True)
        ]
        return checks + faults

    def open_checks(self, now: datetime | None = None) -> list[CheckStatus]:
        """What the handover lists as open: sheets due, overdue or missed."""
        return [st for st in self.status(now) if st.is_open]

    def _status_of(
        self, s: Session, template: CheckTemplate, now: datetime, since: datetime | None
    ) -> list[CheckStatus]:
        start, end = self.period_of(template, now)
        before, _ = self.period_of(template, start - TICK)
        done = _records_of(s, template.id, [before, start])
        statuses = []
        if before not in done and since is not None and before >= since:
            missed = deadline_of(template, before, start)
            statuses.append(CheckStatus(template, before, start, missed, CheckState.MISSED, None))
        deadline = deadline_of(template, start, end)
        record_id = done.get(start)
        if record_id is not None:
            state = CheckState.DONE
        else:
            state = CheckState.DUE if now < deadline else CheckState.OVERDUE
        statuses.append(CheckStatus(template, start, end, deadline, state, record_id))
        return statuses

    # -- signing a sheet ------------------------------------------------------------------------

    def record(
        self,
        name: str,
        password: str,
        template_id: str,
        results: Mapping[str, tuple[bool, str]],
        note: str = "",
        period_start: datetime | None = None,
    ) -> CheckRecordView:
        """Store a filled sheet signed by `name` with their password (BadCredentials,
        AccountLocked). `period_start` None is the current period; an earlier period start
        fills that period in late. The form is checked before the password, so a refused
        form costs no password try."""
        template = self.template(template_id)
        answers = _answers(template, results)
        note = _clean_note(note, "note")
        now = self.clock()
        start, end = self._period_to_sign(template, period_start, now)
        actor = self.auth.authenticate(name, password, purpose="sign_check")
        with self.db.write() as s:
            view, entry = self._store(s, actor, template, (start, end), answers, note, now)
            note_change(
                s,
                "duty.check",
                record_id=view.id,
                template_id=template.id,
                period_start=view.period_start,
                abnormal=len(view.abnormal),
            )
            note_change(s, "duty.log", entry_id=entry[0], shift_id=entry[1])
            fault_ids = [i.fault_id for i in view.abnormal]
            if fault_ids:
                note_change(s, "duty.fault", fault_ids=fault_ids, change="opened")
        return view

    def _period_to_sign(
        self, template: CheckTemplate, period_start: datetime | None, now: datetime
    ) -> tuple[datetime, datetime]:
        if period_start is None:
            return self.period_of(template, now)
        start, end = self.period_of(template, period_start)
        if start != period_start:
            raise CheckError(
                "bad_period",
                f"{period_start.astimezone(self.tz).isoformat(timespec='seconds')} is not the "
                f"start of a period of {template.name_en} ({template.period})",
            )
        if start > now:
            raise CheckError("future_period", "a sheet cannot be signed for a future period")
        return start, end

    def _store(
        self,
        s: Session,
        actor: Actor,
        template: CheckTemplate,
        period: tuple[datetime, datetime],
        answers: list[dict[str, str]],
        note: str,
        now: datetime,
    ) -> tuple[CheckRecordView, tuple[int, int]]:
        """The record, its faults, its audit records and its duty-log line; returns the
        record's view and the line's (entry id, shift id)."""
        start, end = period
        _refuse_second(s, template, start, end, self.tz)
        row = CheckRecord(
            template_id=template.id,
            template_name=template.name,
            period_start=start,
            period_end=end,
            shift_id=self.shifts.writable(s).id,
            signed_by=actor.name,
            printed_name=actor.display_name,
            signed_at=now,
            items=audit.canonical_json(answers),
            note=note,
        )
        s.add(row)
        s.flush()
        payload = {
            "template": template.id,
            "period_start": audit.timestamp(start),
            "abnormal": sum(a["result"] == "abnormal" for a in answers),
            "late": now >= end,
        }
        audit.append(
            s, actor=actor.name, action="check.record", subject=f"check {row.id}", payload=payload
        )
        faults = self._open_item_faults(s, actor, template, row, answers)
        label = period_label(template, start, end, self.tz)
        entry = self.duty.add_system(
            s,
            category=Category.EQUIPMENT,
            text=_record_text(template, label, answers, late=now >= end),
            source="check",
            ref=f"check:{row.id}",
            author=actor.name,
            author_name=actor.display_name,
        )
        return _record_view(row, faults), (entry.id, entry.shift_id)

    def _open_item_faults(
        self,
        s: Session,
        actor: Actor,
        template: CheckTemplate,
        row: CheckRecord,
        answers: list[dict[str, str]],
    ) -> dict[tuple[int, str], int]:
        """A fault report for each abnormal item: {(record id, item id): fault id}."""
        faults = {}
        for answer in answers:
            if answer["result"] == "abnormal":
                title = f"{template.name}: {answer['text']}"
                fault = self._open_fault(
                    s, actor, title, answer["note"], row.id, answer["id"], row.signed_at
                )
                faults[(row.id, answer["id"])] = fault.id
        return faults

    # -- reading records ------------------------------------------------------------------------

    def records(
        self,
        template_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[CheckRecordView]:
        """Signed sheets with signed_at in [start, end), in the order they were signed."""
        stmt = select(CheckRecord).order_by(CheckRecord.signed_at, CheckRecord.id)
        if template_id is not None:
            stmt = stmt.where(CheckRecord.template_id == template_id)
        if start is not None:
            stmt = stmt.where(CheckRecord.signed_at >= start)
        if end is not None:
            stmt = stmt.where(CheckRecord.signed_at < end)
        with self.db.read() as s:
            rows = list(s.execute(stmt).scalars())
            faults = _faults_of(s, [r.id for r in rows])
        return [_record_view(r, faults) for r in rows]

    def get(self, record_id: int) -> CheckRecordView:
        with self.db.read() as s:
            row = s.get(CheckRecord, record_id)
            if row is None:
                raise CheckError("no_record", f"there is no check record {record_id}")
            return _record_view(row, _faults_of(s, [row.id]))

    # -- fault reports --------------------------------------------------------------------------

    def faults(self, open_only: bool = True) -> list[FaultView]:
        """Fault reports, oldest first (by default only those not repaired yet)."""
        stmt = select(FaultReport).order_by(FaultReport.opened_at, FaultReport.id)
        if open_only:
            stmt = stmt.where(FaultReport.repaired_at.is_(None))
        with self.db.read() as s:
            return [_fault_view(r) for r in s.execute(stmt).scalars()]

    def report_fault(self, actor: Actor, title: str, note: str = "") -> FaultView:
        """A fault reported by hand (not from a check sheet)."""
        title = title.strip()
        if not title:
            raise CheckError("title_required", "say what is faulty first")
        if len(title) > MAX_TITLE:
            raise CheckError("title_too_long", f"a fault's title holds at most {MAX_TITLE}")
        note = _clean_note(note, "note")
        now = self.clock()
        with self.db.write() as s:
            row = self._open_fault(s, actor, title, note, None, None, now)
            text = f"报告故障 fault reported #{row.id}: {title}"
            entry = self._fault_line(s, actor, row, text + (f"\n{note}" if note else ""))
            view = _fault_view(row)
            note_change(s, "duty.fault", fault_ids=[view.id], change="opened")
            note_change(s, "duty.log", entry_id=entry[0], shift_id=entry[1])
        return view

    def repair(self, actor: Actor, fault_id: int, note: str) -> FaultView:
        """Close a fault report: what was repaired and how (required)."""
        note = _clean_note(note, "repair note")
        if not note:
            raise CheckError("note_required", "say what was repaired and how")
        now = self.clock()
        with self.db.write() as s:
            row = _open_fault_row(s, fault_id)
            row.repaired_at, row.repaired_by, row.repair_note = now, actor.name, note
            audit.append(
                s,
                actor=actor.name,
                action="fault.repair",
                subject=f"fault {row.id}",
                payload={"note_sha256": _sha256(note)},
            )
            text = f"故障已修复 fault repaired #{row.id}: {row.title}\n{note}"
            entry = self._fault_line(s, actor, row, text)
            view = _fault_view(row)
            note_change(s, "duty.fault", fault_ids=[view.id], change="repaired")
            note_change(s, "duty.log", entry_id=entry[0], shift_id=entry[1])
        return view

    def _open_fault(
        self,
        s: Session,
        actor: Actor,
        title: str,
        note: str,
        check_record_id: int | None,
        item_id: str | None,
        now: datetime,
    ) -> FaultReport:
        row = FaultReport(
            check_record_id=check_record_id,
            item_id=item_id,
            title=_clip(title, MAX_TITLE),
            note=note,
            opened_at=now,
            opened_by=actor.name,
        )
        s.add(row)
        s.flush()
        payload = {"check_record": check_record_id, "item": item_id, "title_sha256": _sha256(title)}
        audit.append(
            s, actor=actor.name, action="fault.open", subject=f"fault {row.id}", payload=payload
        )
        return row

    def _fault_line(self, s: Session, actor: Actor, row: FaultReport, text: str) -> tuple[int, int]:
        entry = self.duty.add_system(
            s,
            category=Category.EQUIPMENT,
            text=text,
            source="fault",
            ref=f"fault:{row.id}",
            author=actor.name,
            author_name=actor.display_name,
        )
        return entry.id, entry.shift_id


# ---------------------------------------------------------------------------------------------
# Queries


def _records_since(s: Session) -> datetime | None:
    return s.scalar(select(Shift.created_at).order_by(Shift.created_at).limit(1))


def _records_of(s: Session, template_id: str, starts: Sequence[datetime]) -> dict[datetime, int]:
    """{period start: record id} of the sheet's records for those periods."""
    stmt = select(CheckRecord.period_start, CheckRecord.id).where(
        CheckRecord.template_id == template_id, CheckRecord.period_start.in_(list(starts))
    )
    return {start: record_id for start, record_id in s.execute(stmt)}


def _refuse_second(
    s: Session, template: CheckTemplate, start: datetime, end: datetime, tz: tzinfo
) -> None:
    existing = _records_of(s, template.id, [start])
    if existing:
        raise CheckError(
            "already_done",
            f"{template.name_en} for {period_label(template, start, end, tz)} is already "
            f"signed (record {existing[start]})",
        )


def _faults_of(s: Session, record_ids: list[int]) -> dict[tuple[int, str], int]:
    """{(check record id, item id): fault id} of the faults those records opened."""
    found: dict[tuple[int, str], int] = {}
    for chunk in range(0, len(record_ids), 500):
        part = record_ids[chunk : chunk + 500]
        stmt = select(FaultReport.check_record_id, FaultReport.item_id, FaultReport.id).where(
            FaultReport.check_record_id.in_(part)
        )
        for record_id, item_id, fault_id in s.execute(stmt):
            if record_id is not None and item_id is not None:
                found[(record_id, item_id)] = fault_id
    return found


def _open_fault_row(s: Session, fault_id: int) -> FaultReport:
    row = s.get(FaultReport, fault_id)
    if row is None:
        raise CheckError("no_fault", f"there is no fault report {fault_id}")
    if row.repaired_at is not None:
        raise CheckError(
            "already_repaired",
            f"fault {fault_id} was repaired at {row.repaired_at.isoformat(timespec='seconds')} "
            f"by {row.repaired_by}",
        )
    return row


# ---------------------------------------------------------------------------------------------
# Export (python main.py export checks)

CHECK_COLUMNS = (
    "record_id",
    "template_id",
    "template_name",
    "period_start",
    "period_end",
    "signed_at",
    "signed_by",
    "printed_name",
    "item_id",
    "item_text",
    "result",
    "note",
    "fault_id",
)


def _iso(moment: datetime, tz: tzinfo) -> str:
    return moment.astimezone(tz).isoformat(timespec="seconds")


def check_rows(records: Iterable[CheckRecordView], tz: tzinfo) -> list[dict[str, Any]]:
    """One row per item of each record, times in ISO 8601 with the site's offset."""
    rows = []
    for record in records:
        for item in record.items:
            rows.append(
                {
                    "record_id": record.id,
                    "template_id": record.template_id,
                    "template_name": record.template_name,
                    "period_start": _iso(record.period_start, tz),
                    "period_end": _iso(record.period_end, tz),
                    "signed_at": _iso(record.signed_at, tz),
                    "signed_by": record.signed_by,
                    "printed_name": record.printed_name,
                    "item_id": item.id,
                    "item_text": item.text,
                    "result": item.result,
                    "note": item.note,
                    "fault_id": item.fault_id,
                }
            )
    return rows
