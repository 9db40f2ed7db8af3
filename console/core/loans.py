"""Footage lending (rule 3.4.3): request, approval, a verifiable package, return.

Footage is kept by the duty operator. Anyone who borrows it, police included, needs the
approval of the management office's head (Role.MANAGER, password re-entered), who may be
neither the person who filed the request nor an operator on duty at the desk. A refusal is
recorded with its reason.

On approval every camera range of the loan is put under an evidence lock in the same
transaction, so retention spares it until the loan closes. A copy is then packaged by remux
(no re-encoding): one MP4 per range, `manifest.json` with each file's SHA-256 and size, and a
receipt PDF printing the manifest's SHA-256 for both parties to sign. The desk keeps the
manifest as written; a returned medium is re-hashed against that copy, so a borrower who
edits both a file and the manifest on the medium is still caught.

Residents view on site by default (personal-information practice); a copy for a resident
needs the approver to tick a reason. Police copies need a case number and a second officer.
Viewing footage at the desk is recorded too: who, which camera and range, when.

ID numbers are handled as for visitors: checked, then stored masked and as a keyed hash.
Every change writes an audit record and a duty-log line (category 录像) in its transaction,
and notes "loan.changed" in it ("loan.overdue" when a reminder is due), published after the
commit here and at the other desks (console.core.changes).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from console.core import audit, packages
from console.core.auth import Actor, AuthService, Permission, require
from console.core.changes import note as note_change
from console.core.dutylog import Category, DutyLog, excerpt
from console.core.events import EventBus
from console.core.handover import OpenItem
from console.core.recordings import RecordingError, RecordingService
from console.core.shifts import FUTURE_SLACK
from console.core.site import Site
from console.core.visits import (
    IdHasher,
    IdType,
    VisitError,
    id_type_of,
    mask_id,
    mask_phone,
    normalize_id,
    normalize_phone,
)
from schema.db import Database
from schema.models import FootageView, Loan, LoanRange, User
from schema.types import utcnow

MAX_NAME = 64
MAX_TEXT = 500
MAX_RANGES = 16
MAX_RANGE = timedelta(hours=24)
MAX_LOAN = timedelta(days=366)
SEARCH_LIMIT = 2000

LOAN_COLUMNS = (
    "loan_id",
    "created_at",
    "requested_by",
    "borrower_kind",
    "borrower",
    "organisation",
    "id_type",
    "id_number",
    "phone",
    "purpose",
    "case_no",
    "second_officer",
    "mode",
    "medium",
    "medium_serial",
    "ranges",
    "due_at",
    "state",
    "overdue",
    "decided_by",
    "decided_at",
    "copy_reason",
    "decision_note",
    "manifest_sha256",
    "exported_at",
    "outcome",
    "closed_at",
    "closed_by",
    "witness",
    "close_note",
)


class BorrowerKind(StrEnum):
    POLICE = "police"  # 公安机关
    RESIDENT = "resident"  # 业主/住户
    STAFF = "staff"  # 物业内部
    OTHER = "other"  # 其他单位 (insurer, court, ...)


class LoanMode(StrEnum):
    VIEW = "view"  # 现场查看: watched at the desk, nothing leaves
    COPY = "copy"  # 拷贝: a package on a medium


class Medium(StrEnum):
    USB = "usb"  # U盘
    DISC = "disc"  # 光盘
    DISK = "disk"  # 移动硬盘
    SD = "sd"  # 存储卡
    OTHER = "other"


class LoanState(StrEnum):
    REQUESTED = "requested"  # waiting for the manager
    REFUSED = "refused"
    CANCELLED = "cancelled"  # withdrawn before anything left the desk
    APPROVED = "approved"  # locked; a copy not yet packaged, or a viewing not yet closed
    LENT = "lent"  # the package was made: out with the borrower until returned
    CLOSED = "closed"


OPEN_STATES = frozenset({LoanState.REQUESTED, LoanState.APPROVED, LoanState.LENT})
OUTSTANDING = frozenset({LoanState.APPROVED, LoanState.LENT})  # what a due date applies to


class CopyReason(StrEnum):
    """Why a resident may take a copy (the approver ticks one)."""

    POLICE_REPORT = "police_report"  # 已报警，需提交公安
    PROPERTY_LOSS = "property_loss"  # 财物损失/车辆剐蹭
    INSURANCE = "insurance"  # 保险理赔
    COURT = "court"  # 诉讼/调解
    OTHER = "other"  # another reason, written in the decision note


class Outcome(StrEnum):
    INTACT = "intact"  # the medium came back and every file matches the manifest
    ALTERED = "altered"  # it came back with a file changed or missing
    DESTROYED = "destroyed"  # destroyed in front of a witness
    LOST = "lost"  # the borrower lost it (legal liability: say what happened)
    VIEWED = "viewed"  # an on-site viewing, done


class LoanError(Exception):
    """A loan request or step that breaks a rule or has a bad field; `code` lets the UI word
    it, `field` names the form field when there is one."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code, self.field = code, field


# -- forms and views ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RangeForm:
    camera_id: str
    start: datetime
    end: datetime


@dataclass
class LoanForm:
    borrower_kind: BorrowerKind | str
    borrower_name: str
    id_type: IdType | str
    id_number: str  # checked, hashed and masked here, never stored
    purpose: str
    ranges: Sequence[RangeForm]
    due_at: datetime
    organisation: str = ""
    phone: str = ""
    case_no: str = ""  # case number, or the alarm receipt number (接报警回执)
    officer2_name: str = ""  # police: the second officer
    officer2_id_type: IdType | str = IdType.POLICE
    officer2_id_number: str = ""
    mode: LoanMode | str | None = None  # None: residents view on site, others copy
    medium: Medium | str = ""  # a copy: what it goes on
    medium_serial: str = ""


@dataclass(frozen=True)
class RangeView:
    seq: int
    camera_id: str
    camera_name: str
    start: datetime
    end: datetime
    lock_id: int | None
    file: str
    sha256: str
    bytes: int


@dataclass(frozen=True)
class LoanView:
    id: int
    created_at: datetime
    requested_by: str
    borrower_kind: BorrowerKind
    borrower_name: str
    organisation: str
    id_type: IdType
    id_masked: str
    phone: str
    purpose: str
    case_no: str
    officer2_name: str
    officer2_id_masked: str
    mode: LoanMode
    medium: str
    medium_serial: str
    due_at: datetime
    state: LoanState
    decided_at: datetime | None
    decided_by: str | None
    copy_reason: str
    decision_note: str
    package_dir: str
    manifest_sha256: str
    exported_at: datetime | None
    exported_by: str | None
    reminded_at: datetime | None
    closed_at: datetime | None
    closed_by: str | None
    outcome: str
    witness: str
    close_note: str
    return_report: dict[str, Any] | None
    ranges: tuple[RangeView, ...]
    views: int = 0  # on-site viewings recorded

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def overdue(self, now: datetime) -> bool:
        return self.state in OUTSTANDING and now > self.due_at

    @property
    def cameras(self) -> list[str]:
        return list(dict.fromkeys(r.camera_id for r in self.ranges))

    def needs_copy_reason(self) -> bool:
        return self.borrower_kind is BorrowerKind.RESIDENT and self.mode is LoanMode.COPY


@dataclass(frozen=True)
class ViewRecord:
    id: int
    at: datetime
    viewer: str
    viewer_name: str
    camera_id: str
    start: datetime
    end: datetime
    loan_id: int | None
    context: str


@dataclass
class LoanFilter:
    status: str = "all"  # open | overdue | closed | all
    text: str = ""  # borrower, organisation, case number, purpose, or a whole ID number
    start: datetime | None = None  # filed at or after
    end: datetime | None = None  # filed before
    limit: int = SEARCH_LIMIT


@dataclass(frozen=True)
class LoanReceipt:
    """What the receipt PDF prints."""

    site_name: str
    tz: Any
    loan: LoanView
    manifest_sha256: str
    files: tuple[dict[str, Any], ...]  # the manifest's entries
    operator: str  # display name of who made the package
    approver: str  # display name of who approved
    made_at: datetime


ReceiptWriter = Callable[[LoanReceipt, Path], None]


# -- field checks -----------------------------------------------------------------------------


def _text(value: str, code: str, what: str, fld: str, limit: int = MAX_TEXT) -> str:
    value = " ".join(value.split()) if limit <= MAX_NAME else value.strip()
    if not value:
        raise LoanError(code, f"{what} is required", fld)
    if len(value) > limit:
        raise LoanError("too_long", f"{what} holds at most {limit} characters", fld)
    return value


def _optional(value: str, what: str, fld: str, limit: int = MAX_TEXT) -> str:
    value = " ".join(value.split()) if limit <= MAX_NAME else value.strip()
    if len(value) > limit:
        raise LoanError("too_long", f"{what} holds at most {limit} characters", fld)
    return value


def _enum(kind: type[StrEnum], value: Any, what: str, fld: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(m.value for m in kind)
        raise LoanError("bad_choice", f"{what} {value!r} is not one of {known}", fld) from None


def _aware(at: datetime, what: str, fld: str) -> datetime:
    if at.tzinfo is None:
        raise LoanError("naive_time", f"{what} needs a time zone", fld)
    return at


def _id(id_type: IdType | str, number: str, fld: str) -> tuple[IdType, str]:
    """The checked ID number, its errors named by `fld` (id_number, officer2_id_number)."""
    try:
        kind = id_type_of(id_type)
        return kind, normalize_id(kind, number)
    except VisitError as exc:
        where = fld.replace("number", "type") if exc.field == "id_type" else fld
        raise LoanError(exc.code, str(exc), where) from None


def _range_view(row: LoanRange, name: str) -> RangeView:
    return RangeView(
        row.seq,
        row.camera_id,
        name,
        row.start,
        row.end,
        row.lock_id,
        row.file,
        row.sha256,
        row.bytes,
    )


def _view_record(row: FootageView) -> ViewRecord:
    return ViewRecord(
        row.id,
        row.at,
        row.viewer,
        row.viewer_name,
        row.camera_id,
        row.start,
        row.end,
        row.loan_id,
        row.context,
    )


_OUTCOME_WORDS = {
    Outcome.INTACT: "归还完好 returned intact",
    Outcome.ALTERED: "归还有改动 returned altered",
    Outcome.DESTROYED: "已销毁 destroyed",
    Outcome.LOST: "遗失 lost",
    Outcome.VIEWED: "现场查看完毕 viewed on site",
}


# -- the service -------------------------------------------------------------------------------


class LoanService:
    def __init__(
        self,
        site: Site,
        db: Database,
        bus: EventBus,
        auth: AuthService,
        duty: DutyLog,
        recordings: RecordingService,
        hasher: IdHasher,
        on_duty: Callable[[], Sequence[str]] = lambda: (),
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.site, self.db, self.bus, self.auth = site, db, bus, auth
        self.duty, self.recordings, self.hasher = duty, recordings, hasher
        self.on_duty, self.clock = on_duty, clock
        self._cameras = {c.id: c for c in site.cameras}

    def camera_name(self, camera_id: str) -> str:
        camera = self._cameras.get(camera_id)
        return camera.name if camera is not None else camera_id

    # -- shared steps ---------------------------------------------------------------------

    def _record(
        self,
        s: Session,
        who: str,
        who_name: str,
        *,
        loan_id: int,
        action: str,
        payload: dict[str, Any],
        text: str,
    ) -> None:
        """The audit record and the duty-log line of one change, in its transaction. Neither
        names the borrower's ID number."""
        audit.append(s, actor=who, action=action, subject=f"loan {loan_id}", payload=payload)
        self.duty.add_system(
            s,
            category=Category.FOOTAGE,
            text=text,
            source="loan",
            ref=f"loan:{loan_id}",
            author=who,
            author_name=who_name,
        )

    def _load(self, s: Session, loan_id: int) -> Loan:
        row = s.get(Loan, loan_id)
        if row is None:
            raise LoanError("no_loan", f"there is no loan {loan_id}")
        return row

    def _ranges(self, s: Session, loan_id: int) -> list[LoanRange]:
        return list(
            s.scalars(select(LoanRange).where(LoanRange.loan_id == loan_id).order_by(LoanRange.seq))
        )

    def _view(self, s: Session, row: Loan) -> LoanView:
        return self._views(s, [row])[0]

    def _views(self, s: Session, rows: Sequence[Loan]) -> list[LoanView]:
        """The views of `rows`, their ranges and viewing counts read in batches."""
        ranges: dict[int, list[RangeView]] = {r.id: [] for r in rows}
        views: dict[int, int] = {}
        ids = list(ranges)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            for r in s.scalars(
                select(LoanRange)
                .where(LoanRange.loan_id.in_(part))
                .order_by(LoanRange.loan_id, LoanRange.seq)
            ):
                ranges[r.loan_id].append(_range_view(r, self.camera_name(r.camera_id)))
            for loan_id, count in s.execute(
                select(FootageView.loan_id, func.count())
                .where(FootageView.loan_id.in_(part))
                .group_by(FootageView.loan_id)
            ):
                if loan_id is not None:
                    views[loan_id] = count
        return [self._build(r, tuple(ranges[r.id]), views.get(r.id, 0)) for r in rows]

    def _build(self, row: Loan, ranges: tuple[RangeView, ...], views: int) -> LoanView:
        return LoanView(
            id=row.id,
            created_at=row.created_at,
            requested_by=row.requested_by,
            borrower_kind=BorrowerKind(row.borrower_kind),
            borrower_name=row.borrower_name,
            organisation=row.organisation,
            id_type=IdType(row.id_type),
            id_masked=row.id_masked,
            phone=row.phone,
            purpose=row.purpose,
            case_no=row.case_no,
            officer2_name=row.officer2_name,
            officer2_id_masked=row.officer2_id_masked,
            mode=LoanMode(row.mode),
            medium=row.medium,
            medium_serial=row.medium_serial,
            due_at=row.due_at,
            state=LoanState(row.state),
            decided_at=row.decided_at,
            decided_by=row.decided_by,
            copy_reason=row.copy_reason,
            decision_note=row.decision_note,
            package_dir=row.package_dir,
            manifest_sha256=row.manifest_sha256,
            exported_at=row.exported_at,
            exported_by=row.exported_by,
            reminded_at=row.reminded_at,
            closed_at=row.closed_at,
            closed_by=row.closed_by,
            outcome=row.outcome,
            witness=row.witness,
            close_note=row.close_note,
            return_report=json.loads(row.return_report) if row.return_report else None,
            ranges=ranges,
            views=views,
        )

    def _changed(self, s: Session, loan_id: int, change: str) -> None:
        note_change(s, "loan.changed", id=loan_id, change=change)

    def _state(self, row: Loan, allowed: frozenset[LoanState], doing: str) -> None:
        if LoanState(row.state) not in allowed:
            raise LoanError("bad_state", f"loan {row.id} is {row.state}: it cannot be {doing} now")

    # -- the request ----------------------------------------------------------------------

    def _check_ranges(self, ranges: Sequence[RangeForm], now: datetime) -> list[RangeForm]:
        if not ranges:
            raise LoanError(
                "no_ranges", "a loan needs at least one camera and time range", "ranges"
            )
        if len(ranges) > MAX_RANGES:
            raise LoanError(
                "too_many_ranges", f"a loan holds at most {MAX_RANGES} ranges", "ranges"
            )
        checked: list[RangeForm] = []
        for index, r in enumerate(ranges):
            fld = f"ranges[{index}]"
            if r.camera_id not in self._cameras:
                raise LoanError("bad_camera", f"{fld}: no camera {r.camera_id!r}", fld)
            _aware(r.start, f"{fld}: the start", fld)
            _aware(r.end, f"{fld}: the end", fld)
            if r.end <= r.start:
                raise LoanError("empty_range", f"{fld}: the end must be after the start", fld)
            if r.end - r.start > MAX_RANGE:
                raise LoanError("range_too_long", f"{fld}: a range is at most 24 hours", fld)
            if r.end > now + FUTURE_SLACK:
                raise LoanError("range_future", f"{fld}: the range ends in the future", fld)
            if not self.recordings.segments(r.camera_id, r.start, r.end):
                raise LoanError(
                    "no_footage",
                    f"{fld}: camera {r.camera_id} has no recording between "
                    f"{r.start.isoformat(timespec='seconds')} and "
                    f"{r.end.isoformat(timespec='seconds')}",
                    fld,
                )
            checked.append(r)
        return checked

    def request(self, actor: Actor, form: LoanForm) -> LoanView:
        """File a request. Checks every field (LoanError names it)."""
        now = self.clock()
        kind = _enum(BorrowerKind, form.borrower_kind, "the borrower kind", "borrower_kind")
        name = _text(
            form.borrower_name, "name_required", "the borrower's name", "borrower_name", MAX_NAME
        )
        organisation = _optional(form.organisation, "the organisation", "organisation", 128)
        if kind in (BorrowerKind.POLICE, BorrowerKind.OTHER) and not organisation:
            raise LoanError(
                "organisation_required",
                "the borrower's organisation is required",
                "organisation",
            )
        id_type, number = _id(form.id_type, form.id_number, "id_number")
        try:
            phone = normalize_phone(form.phone, required=True)
        except VisitError as exc:
            raise LoanError(exc.code, str(exc), "phone") from None
        purpose = _text(form.purpose, "purpose_required", "the purpose", "purpose")
        case_no = _optional(form.case_no, "the case number", "case_no", 64)
        mode = (
            _enum(LoanMode, form.mode, "the mode", "mode")
            if form.mode not in (None, "")
            else (LoanMode.VIEW if kind is BorrowerKind.RESIDENT else LoanMode.COPY)
        )
        officer2 = ("", "", "", "")
        if kind is BorrowerKind.POLICE:
            if not case_no:
                raise LoanError("case_required", "a police loan needs the case number", "case_no")
            if mode is LoanMode.COPY:
                o_name = _text(
                    form.officer2_name,
                    "officer2_required",
                    "the second officer's name",
                    "officer2_name",
                    MAX_NAME,
                )
                o_type, o_number = _id(
                    form.officer2_id_type, form.officer2_id_number, "officer2_id_number"
                )
                if o_type is id_type and o_number == number:
                    raise LoanError(
                        "same_officer",
                        "the second officer must be another person",
                        "officer2_id_number",
                    )
                officer2 = (
                    o_name,
                    o_type.value,
                    mask_id(o_number),
                    self.hasher.hash(o_type, o_number),
                )
        medium, serial = "", ""
        if mode is LoanMode.COPY:
            if form.medium in ("", None):
                raise LoanError("medium_required", "a copy needs its medium", "medium")
            medium = _enum(Medium, form.medium, "the medium", "medium").value
            serial = _text(
                form.medium_serial,
                "serial_required",
                "the medium's serial number",
                "medium_serial",
                64,
            )
        due = _aware(form.due_at, "the due date", "due_at")
        if due <= now:
            raise LoanError("due_past", "the due date must be later than now", "due_at")
        if due - now > MAX_LOAN:
            raise LoanError("due_too_far", "a loan is due within a year", "due_at")
        ranges = self._check_ranges(form.ranges, now)
        with self.db.write() as s:
            row = Loan(
                created_at=now,
                requested_by=actor.name,
                borrower_kind=kind.value,
                borrower_name=name,
                organisation=organisation,
                id_type=id_type.value,
                id_masked=mask_id(number),
                id_hash=self.hasher.hash(id_type, number),
                phone=phone,
                purpose=purpose,
                case_no=case_no,
                officer2_name=officer2[0],
                officer2_id_type=officer2[1],
                officer2_id_masked=officer2[2],
                officer2_id_hash=officer2[3],
                mode=mode.value,
                medium=medium,
                medium_serial=serial,
                due_at=due,
                state=LoanState.REQUESTED.value,
                copy_reason="",
                decision_note="",
                package_dir="",
                manifest="",
                manifest_sha256="",
                outcome="",
                witness="",
                close_note="",
                return_report="",
            )
            s.add(row)
            s.flush()
            for seq, r in enumerate(ranges, 1):
                s.add(
                    LoanRange(
                        loan_id=row.id,
                        seq=seq,
                        camera_id=r.camera_id,
                        start=r.start,
                        end=r.end,
                        file="",
                        sha256="",
                        bytes=0,
                    )
                )
            cameras = sorted({r.camera_id for r in ranges})
            self._record(
                s,
                actor.name,
                actor.display_name,
                loan_id=row.id,
                action="loan.request",
                payload={
                    "kind": kind.value,
                    "mode": mode.value,
                    "cameras": cameras,
                    "ranges": len(ranges),
                    "due": due.isoformat(),
                },
                text=f"录像借阅申请 Footage loan {row.id} requested ({mode.value}) by "
                f"{name}{f' ({organisation})' if organisation else ''}: "
                f"{', '.join(self.camera_name(c) for c in cameras)}",
            )
            view = self._view(s, row)
            self._changed(s, view.id, "requested")
        return view

    # -- the decision ---------------------------------------------------------------------

    def _approver(self, loan_id: int, name: str, password: str) -> Actor:
        """The manager deciding, by password; never the requester or an operator on duty.
        (Before the deciding transaction: authentication writes its own audit record.)"""
        with self.db.read() as s:
            requested_by = self._load(s, loan_id).requested_by
        actor = self.auth.authenticate(name, password, purpose="loan_decision")
        require(actor, Permission.APPROVE_LOANS)
        if actor.name == requested_by:
            raise LoanError("self_approval", "whoever filed a loan request cannot decide it")
        if actor.name in set(self.on_duty()):
            raise LoanError(
                "on_duty_approval",
                f"{actor.name} is on duty at this desk: the decision needs a manager who is not",
            )
        return actor

    def approve(
        self,
        loan_id: int,
        name: str,
        password: str,
        *,
        copy_reason: CopyReason | str | None = None,
        note: str = "",
    ) -> LoanView:
        """A manager approves: the footage is locked against retention until the loan
        closes. Raises BadCredentials, AccountLocked, PermissionDenied or LoanError."""
        note = _optional(note, "the note", "note")
        with self.db.read() as s:
            pre = self._load(s, loan_id)
            self._state(pre, frozenset({LoanState.REQUESTED}), "approved")
            kind, mode = BorrowerKind(pre.borrower_kind), LoanMode(pre.mode)
        reason = ""
        if kind is BorrowerKind.RESIDENT and mode is LoanMode.COPY:
            if copy_reason in (None, ""):
                raise LoanError(
                    "copy_reason_required",
                    "a copy for a resident needs the approver to tick a reason",
                    "copy_reason",
                )
            reason = _enum(CopyReason, copy_reason, "the copy reason", "copy_reason").value
            if reason == CopyReason.OTHER and not note:
                raise LoanError("reason_note_required", "say which reason in the note", "note")
        actor = self._approver(loan_id, name, password)
        with self.db.write() as s:
            row = self._load(s, loan_id)
            self._state(row, frozenset({LoanState.REQUESTED}), "approved")
            now = self.clock()
            locks: list[int] = []
            for r in self._ranges(s, loan_id):
                try:
                    r.lock_id = self.recordings.add_lock(
                        s,
                        f"loan:{loan_id}",
                        r.camera_id,
                        r.start,
                        r.end,
                        f"录像借阅 footage loan {loan_id}",
                        f"loan:{loan_id}",
                    )
                except RecordingError as exc:
                    raise LoanError(exc.code, str(exc)) from None
                locks.append(r.lock_id)
            row.state, row.decided_at, row.decided_by = LoanState.APPROVED.value, now, actor.name
            row.copy_reason, row.decision_note = reason, note
            self._record(
                s,
                actor.name,
                actor.display_name,
                loan_id=loan_id,
                action="loan.approve",
                payload={"locks": locks, "copy_reason": reason},
                text=f"录像借阅批准 Footage loan {loan_id} approved"
                + (f" ({reason})" if reason else ""),
            )
            view = self._view(s, row)
            self._changed(s, loan_id, "approved")
        return view

    def refuse(self, loan_id: int, name: str, password: str, reason: str) -> LoanView:
        reason = _text(reason, "reason_required", "the reason for refusing", "reason")
        with self.db.read() as s:
            self._state(self._load(s, loan_id), frozenset({LoanState.REQUESTED}), "refused")
        actor = self._approver(loan_id, name, password)
        with self.db.write() as s:
            row = self._load(s, loan_id)
            self._state(row, frozenset({LoanState.REQUESTED}), "refused")
            row.state, row.decided_at, row.decided_by = (
                LoanState.REFUSED.value,
                self.clock(),
                actor.name,
            )
            row.decision_note = reason
            self._record(
                s,
                actor.name,
                actor.display_name,
                loan_id=loan_id,
                action="loan.refuse",
                payload={"reason": reason},
                text=f"录像借阅拒绝 Footage loan {loan_id} refused: {excerpt(reason)}",
            )
            view = self._view(s, row)
            self._changed(s, loan_id, "refused")
        return view

    def cancel(self, actor: Actor, loan_id: int, reason: str) -> LoanView:
        """Withdraw a loan before anything left the desk; its locks are released."""
        reason = _text(reason, "reason_required", "the reason", "reason")
        with self.db.write() as s:
            row = self._load(s, loan_id)
            self._state(row, frozenset({LoanState.REQUESTED, LoanState.APPROVED}), "cancelled")
            if LoanMode(row.mode) is LoanMode.VIEW and self._viewings(s, loan_id):
                raise LoanError(
                    "already_viewed", f"loan {loan_id} was viewed: close it as viewed instead"
                )
            self._release(s, loan_id)
            row.state, row.closed_at, row.closed_by = (
                LoanState.CANCELLED.value,
                self.clock(),
                actor.name,
            )
            row.close_note = reason
            self._record(
                s,
                actor.name,
                actor.display_name,
                loan_id=loan_id,
                action="loan.cancel",
                payload={"reason": reason},
                text=f"录像借阅撤销 Footage loan {loan_id} cancelled: {excerpt(reason)}",
            )
            view = self._view(s, row)
            self._changed(s, loan_id, "cancelled")
        return view

    def _release(self, s: Session, loan_id: int) -> None:
        for r in self._ranges(s, loan_id):
            if r.lock_id is not None:
                self.recordings.release_in(
                    s, f"loan:{loan_id}", r.lock_id, owner_ref=f"loan:{loan_id}"
                )

    # -- the package ----------------------------------------------------------------------

    def package(self, actor: Actor, loan_id: int, parent: Path, receipt: ReceiptWriter) -> LoanView:
        """Make the package of an approved copy in `parent`/loan-NNNN: one MP4 per range by
        remux, manifest.json and receipt.pdf. Built in a hidden folder and renamed into place
        when complete; on any failure nothing is left behind. Slow: call it from a worker."""
        with self.db.read() as s:
            row = self._load(s, loan_id)
            self._state(row, frozenset({LoanState.APPROVED}), "packaged")
            if LoanMode(row.mode) is not LoanMode.COPY:
                raise LoanError("not_a_copy", f"loan {loan_id} is an on-site viewing")
            before = self._view(s, row)
        approver = self.auth_display(before.decided_by or "")
        tz = self.site.tz()
        dest = parent / f"loan-{loan_id:04d}"
        partial = parent / f".loan-{loan_id:04d}.partial"
        if dest.exists():
            raise LoanError("package_exists", f"{dest} already exists: move it away first")
        try:
            parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir()
        except OSError as exc:
            raise LoanError("package_failed", f"{parent}: {exc.strerror or exc}") from None
        made_at = self.clock()
        try:
            files: list[dict[str, Any]] = []
            for r in before.ranges:
                start_local = r.start.astimezone(tz)
                name = (
                    f"{r.seq:02d}-{r.camera_id}-{start_local:%Y%m%d-%H%M%S}-"
                    f"{r.end.astimezone(tz):%H%M%S}.mp4"
                )
                try:
                    clip = self.recordings.export_clip(
                        r.camera_id, r.start, r.end, partial / name, actor
                    )
                except RecordingError as exc:
                    raise LoanError(exc.code, f"range {r.seq}: {exc}") from None
                files.append(
                    {
                        "file": name,
                        "camera": r.camera_id,
                        "camera_name": r.camera_name,
                        "from": r.start.astimezone(tz).isoformat(),
                        "to": r.end.astimezone(tz).isoformat(),
                        "clip_from": clip.start.astimezone(tz).isoformat(),
                        "clip_to": clip.end.astimezone(tz).isoformat(),
                        "missing": [
                            [a.astimezone(tz).isoformat(), b.astimezone(tz).isoformat()]
                            for a, b in clip.missing
                        ],
                        "sha256": clip.sha256,
                        "bytes": clip.bytes,
                    }
                )
            manifest = {
                "format": packages.FORMAT,
                "loan": loan_id,
                "site": self.site.site.name,
                "borrower": {
                    "kind": before.borrower_kind.value,
                    "name": before.borrower_name,
                    "organisation": before.organisation,
                    "id_type": before.id_type.value,
                    "id_number": before.id_masked,
                },
                "second_officer": (
                    {"name": before.officer2_name, "id_number": before.officer2_id_masked}
                    if before.officer2_name
                    else None
                ),
                "case_no": before.case_no,
                "purpose": before.purpose,
                "medium": {"kind": before.medium, "serial": before.medium_serial},
                "requested_at": before.created_at.astimezone(tz).isoformat(),
                "requested_by": before.requested_by,
                "approved_by": before.decided_by,
                "approved_at": (
                    before.decided_at.astimezone(tz).isoformat() if before.decided_at else None
                ),
                "operator": actor.name,
                "made_at": made_at.astimezone(tz).isoformat(),
                "due_at": before.due_at.astimezone(tz).isoformat(),
                "cameras": before.cameras,
                "files": files,
            }
            data = packages.manifest_bytes(manifest)
            (partial / packages.MANIFEST).write_bytes(data)
            digest = hashlib.sha256(data).hexdigest()
            receipt(
                LoanReceipt(
                    self.site.site.name,
                    tz,
                    before,
                    digest,
                    tuple(files),
                    actor.display_name,
                    approver,
                    made_at,
                ),
                partial / packages.RECEIPT,
            )
            _sync_folder(partial)
            os.replace(partial, dest)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        try:
            with self.db.write() as s:
                row = self._load(s, loan_id)
                self._state(row, frozenset({LoanState.APPROVED}), "packaged")
                for stored, f in zip(self._ranges(s, loan_id), files, strict=True):
                    stored.file, stored.sha256, stored.bytes = f["file"], f["sha256"], f["bytes"]
                row.state = LoanState.LENT.value
                row.package_dir, row.manifest = str(dest), data.decode("utf-8")
                row.manifest_sha256, row.exported_at, row.exported_by = (
                    digest,
                    made_at,
                    actor.name,
                )
                self._record(
                    s,
                    actor.name,
                    actor.display_name,
                    loan_id=loan_id,
                    action="loan.package",
                    payload={
                        "manifest_sha256": digest,
                        "files": len(files),
                        "medium": before.medium,
                        "serial": before.medium_serial,
                    },
                    text=f"录像借出 Footage loan {loan_id} packaged ({len(files)} file(s), "
                    f"manifest {digest[:12]}…) on {before.medium} {before.medium_serial}",
                )
                view = self._view(s, row)
                self._changed(s, loan_id, "lent")
        except BaseException:
            shutil.rmtree(dest, ignore_errors=True)
            raise
        return view

    def auth_display(self, name: str) -> str:
        """A user's display name (the name itself if unknown)."""
        with self.db.read() as s:
            user = s.scalars(select(User).where(User.name == name)).first()
            return user.display_name if user is not None else name

    def manifest(self, loan_id: int) -> bytes:
        """The manifest as the desk wrote it (empty before the package)."""
        with self.db.read() as s:
            return self._load(s, loan_id).manifest.encode("utf-8")

    # -- the return -----------------------------------------------------------------------

    def check_return(self, loan_id: int, folder: Path) -> packages.PackageCheck:
        """Re-hash the files on a returned medium against the manifest the desk kept. Slow:
        call it from a worker. Nothing is recorded until `close_returned`."""
        with self.db.read() as s:
            row = self._load(s, loan_id)
            self._state(row, frozenset({LoanState.LENT}), "returned")
            manifest = row.manifest.encode("utf-8")
        if not folder.is_dir():
            raise LoanError("no_folder", f"{folder}: no such folder", "folder")
        return packages.compare(folder, manifest, f"loan {loan_id}")

    def close_returned(
        self, actor: Actor, loan_id: int, check: packages.PackageCheck, note: str = ""
    ) -> LoanView:
        """Close a lent loan with the re-hash of its medium: intact when every file
        matches, altered (with a note) when one differs or is missing."""
        note = _optional(note, "the note", "note")
        outcome = Outcome.INTACT if check.intact else Outcome.ALTERED
        if outcome is Outcome.ALTERED and not note:
            raise LoanError(
                "altered_note_required",
                "the medium came back altered: say what happened",
                "note",
            )
        return self._close(actor, loan_id, frozenset({LoanState.LENT}), outcome, note, report=check)

    def close_destroyed(self, actor: Actor, loan_id: int, witness: str, note: str = "") -> LoanView:
        witness = _text(witness, "witness_required", "the witness's name", "witness", MAX_NAME)
        if witness.casefold() in (actor.name.casefold(), actor.display_name.casefold()):
            raise LoanError("witness_self", "the witness must be someone else", "witness")
        note = _optional(note, "the note", "note")
        return self._close(
            actor, loan_id, frozenset({LoanState.LENT}), Outcome.DESTROYED, note, witness=witness
        )

    def close_lost(self, actor: Actor, loan_id: int, note: str) -> LoanView:
        note = _text(note, "lost_note_required", "what happened to the medium", "note")
        return self._close(actor, loan_id, frozenset({LoanState.LENT}), Outcome.LOST, note)

    def close_viewed(self, actor: Actor, loan_id: int, note: str = "") -> LoanView:
        note = _optional(note, "the note", "note")
        with self.db.read() as s:
            row = self._load(s, loan_id)
            if LoanMode(row.mode) is not LoanMode.VIEW:
                raise LoanError("not_a_viewing", f"loan {loan_id} is a copy: record its return")
            if not self._viewings(s, loan_id):
                raise LoanError(
                    "not_viewed", f"loan {loan_id} has no viewing recorded: cancel it instead"
                )
        return self._close(actor, loan_id, frozenset({LoanState.APPROVED}), Outcome.VIEWED, note)

    def _close(
        self,
        actor: Actor,
        loan_id: int,
        allowed: frozenset[LoanState],
        outcome: Outcome,
        note: str,
        *,
        witness: str = "",
        report: packages.PackageCheck | None = None,
    ) -> LoanView:
        with self.db.write() as s:
            row = self._load(s, loan_id)
            self._state(row, allowed, "closed")
            if report is not None and report.manifest_sha256 != row.manifest_sha256:
                raise LoanError(
                    "wrong_manifest", f"that check was not made against loan {loan_id}'s manifest"
                )
            self._release(s, loan_id)
            row.state, row.closed_at, row.closed_by = (
                LoanState.CLOSED.value,
                self.clock(),
                actor.name,
            )
            row.outcome, row.witness, row.close_note = outcome.value, witness, note
            if report is not None:
                row.return_report = json.dumps(report.as_json(), ensure_ascii=False)
            payload: dict[str, Any] = {"outcome": outcome.value}
            if witness:
                payload["witness"] = witness
            if report is not None:
                payload["problems"] = [f.describe() for f in report.problems][:20]
            self._record(
                s,
                actor.name,
                actor.display_name,
                loan_id=loan_id,
                action="loan.close",
                payload=payload,
                text=f"录像借阅结束 Footage loan {loan_id} closed: {_OUTCOME_WORDS[outcome]}"
                + (f", witness {witness}" if witness else "")
                + (f"; {excerpt(note)}" if note else ""),
            )
            view = self._view(s, row)
            self._changed(s, loan_id, "closed")
        return view

    # -- viewing footage ------------------------------------------------------------------

    def _viewings(self, s: Session, loan_id: int) -> list[int]:
        return list(s.scalars(select(FootageView.id).where(FootageView.loan_id == loan_id)))

    def record_view(
        self,
        actor: Actor,
        camera_id: str,
        start: datetime,
        end: datetime,
        *,
        loan_id: int | None = None,
        context: str = "playback",
    ) -> ViewRecord:
        """Record that `actor` watched this camera's footage of [start, end]. For an on-site
        viewing, the loan must be approved and the range one of the loan's."""
        if camera_id not in self._cameras:
            raise LoanError("bad_camera", f"no camera {camera_id!r}")
        _aware(start, "the start", "start")
        _aware(end, "the end", "end")
        if end < start:
            raise LoanError("empty_range", "the end must not be before the start")
        with self.db.write() as s:
            if loan_id is not None:
                row = self._load(s, loan_id)
                self._state(row, frozenset({LoanState.APPROVED}), "viewed")
                if LoanMode(row.mode) is not LoanMode.VIEW:
                    raise LoanError("not_a_viewing", f"loan {loan_id} is a copy, not a viewing")
                if not any(
                    r.camera_id == camera_id and r.start <= end and start <= r.end
                    for r in self._ranges(s, loan_id)
                ):
                    raise LoanError(
                        "outside_loan", f"loan {loan_id} does not cover that camera and range"
                    )
            view = FootageView(
                at=self.clock(),
                viewer=actor.name,
                viewer_name=actor.display_name,
                camera_id=camera_id,
                start=start,
                end=end,
                loan_id=loan_id,
                context=context[:32],
            )
            s.add(view)
            s.flush()
            payload: dict[str, Any] = {
                "from": start.isoformat(),
                "to": end.isoformat(),
                "context": context,
            }
            if loan_id is not None:
                payload["loan"] = loan_id
                self._record(
                    s,
                    actor.name,
                    actor.display_name,
                    loan_id=loan_id,
                    action="footage.view",
                    payload=payload | {"camera": camera_id},
                    text=f"录像现场查看 Footage loan {loan_id}: {self.camera_name(camera_id)} "
                    f"{start.astimezone(self.site.tz()):%m-%d %H:%M:%S}–"
                    f"{end.astimezone(self.site.tz()):%H:%M:%S} viewed",
                )
            else:
                audit.append(
                    s, actor=actor.name, action="footage.view", subject=camera_id, payload=payload
                )
            record = _view_record(view)
            note_change(s, "footage.viewed", camera=camera_id, loan=loan_id)
            if loan_id is not None:
                self._changed(s, loan_id, "viewed")
        return record

    def viewings(
        self,
        *,
        loan_id: int | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = SEARCH_LIMIT,
    ) -> list[ViewRecord]:
        with self.db.read() as s:
            stmt = select(FootageView).order_by(FootageView.at.desc(), FootageView.id.desc())
            if loan_id is not None:
                stmt = stmt.where(FootageView.loan_id == loan_id)
            if start is not None:
                stmt = stmt.where(FootageView.at >= start)
            if end is not None:
                stmt = stmt.where(FootageView.at < end)
            return [_view_record(r) for r in s.scalars(stmt.limit(limit))]

    # -- queries --------------------------------------------------------------------------

    def get(self, loan_id: int) -> LoanView:
        with self.db.read() as s:
            return self._view(s, self._load(s, loan_id))

    def loans(self, flt: LoanFilter | None = None) -> list[LoanView]:
        """Newest first."""
        flt = flt or LoanFilter()
        now = self.clock()
        with self.db.read() as s:
            stmt = select(Loan).order_by(Loan.created_at.desc(), Loan.id.desc())
            if flt.status == "open":
                stmt = stmt.where(Loan.state.in_([x.value for x in OPEN_STATES]))
            elif flt.status == "overdue":
                stmt = stmt.where(Loan.state.in_([x.value for x in OUTSTANDING]), Loan.due_at < now)
            elif flt.status == "closed":
                stmt = stmt.where(Loan.state.not_in([x.value for x in OPEN_STATES]))
            elif flt.status != "all":
                raise LoanError("bad_filter", f"unknown status filter {flt.status!r}")
            if flt.start is not None:
                stmt = stmt.where(Loan.created_at >= flt.start)
            if flt.end is not None:
                stmt = stmt.where(Loan.created_at < flt.end)
            text = flt.text.strip()
            if text:
                like = f"%{text}%"
                terms: list[Any] = [
                    Loan.borrower_name.like(like),
                    Loan.organisation.like(like),
                    Loan.case_no.like(like),
                    Loan.purpose.like(like),
                    Loan.medium_serial.like(like),
                ]
                hashes = self.hasher.search_hashes(text)
                if hashes:
                    terms += [Loan.id_hash.in_(hashes), Loan.officer2_id_hash.in_(hashes)]
                if text.isdigit():
                    terms.append(Loan.id == int(text))
                stmt = stmt.where(or_(*terms))
            return self._views(s, list(s.scalars(stmt.limit(flt.limit))))

    def between(self, start: datetime | None, end: datetime | None) -> list[LoanView]:
        return list(reversed(self.loans(LoanFilter(start=start, end=end, limit=1_000_000))))

    def overdue(self) -> list[LoanView]:
        return self.loans(LoanFilter(status="overdue"))

    def open_items(self) -> list[OpenItem]:
        """For the handover: every loan still open, overdue ones flagged."""
        now = self.clock()
        tz = self.site.tz()
        items = []
        for v in reversed(self.loans(LoanFilter(status="open"))):
            state = {
                LoanState.REQUESTED: "待审批 awaiting approval",
                LoanState.APPROVED: (
                    "待查看 to be viewed" if v.mode is LoanMode.VIEW else "待拷贝 to be packaged"
                ),
                LoanState.LENT: "借出中 out on loan",
            }[v.state]
            org = f" ({v.organisation})" if v.organisation else ""
            late = "，已逾期 OVERDUE" if v.overdue(now) else ""
            items.append(
                OpenItem(
                    "loan",
                    f"loan:{v.id}",
                    f"录像借阅 Footage loan {v.id}: {v.borrower_name}{org}",
                    f"{state}; 应还 due {v.due_at.astimezone(tz):%Y-%m-%d %H:%M}{late}; "
                    + ", ".join(self.camera_name(c) for c in v.cameras),
                    v.created_at,
                    overdue=v.overdue(now),
                )
            )
        return items

    def remind_overdue(self) -> list[LoanView]:
        """Loans that became overdue since the last call: each gets one duty-log line and an
        audit record, and "loan.overdue" is noted. Returns them (the desk calls this
        every minute; the handover lists overdue loans until they close)."""
        now = self.clock()
        due: list[LoanView] = []
        with self.db.write() as s:
            rows = s.scalars(
                select(Loan).where(
                    Loan.state.in_([x.value for x in OUTSTANDING]),
                    Loan.due_at < now,
                    Loan.reminded_at.is_(None),
                )
            ).all()
            for row in rows:
                row.reminded_at = now
                self._record(
                    s,
                    audit.SYSTEM_ACTOR,
                    "系统 system",
                    loan_id=row.id,
                    action="loan.overdue",
                    payload={"due": row.due_at.isoformat()},
                    text=f"录像借阅逾期 Footage loan {row.id} overdue since "
                    f"{row.due_at.astimezone(self.site.tz()):%Y-%m-%d %H:%M}: "
                    f"{row.borrower_name}" + (f" ({row.organisation})" if row.organisation else ""),
                )
                due.append(self._view(s, row))
            for v in due:
                note_change(s, "loan.overdue", id=v.id)
        return due

    def extend(self, actor: Actor, loan_id: int, due_at: datetime, reason: str) -> LoanView:
        """A new due date for an outstanding loan (the borrower asked; say why)."""
        reason = _text(reason, "reason_required", "the reason", "reason")
        _aware(due_at, "the due date", "due_at")
        now = self.clock()
        if due_at <= now:
            raise LoanError("due_past", "the due date must be later than now", "due_at")
        with self.db.write() as s:
            row = self._load(s, loan_id)
            self._state(row, OUTSTANDING, "extended")
            if due_at - row.created_at > MAX_LOAN:
                raise LoanError("due_too_far", "a loan is due within a year", "due_at")
            old = row.due_at
            row.due_at, row.reminded_at = due_at, None
            self._record(
                s,
                actor.name,
                actor.display_name,
                loan_id=loan_id,
                action="loan.extend",
                payload={"from": old.isoformat(), "to": due_at.isoformat(), "reason": reason},
                text=f"录像借阅延期 Footage loan {loan_id} due "
                f"{due_at.astimezone(self.site.tz()):%Y-%m-%d %H:%M}: {excerpt(reason)}",
            )
            view = self._view(s, row)
            self._changed(s, loan_id, "extended")
        return view


def _sync_folder(folder: Path) -> None:
    """Flush a package's files to the medium before it is renamed into place."""
    for path in folder.iterdir():
        with path.open("rb") as f:
            os.fsync(f.fileno())
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def loan_rows(views: Sequence[LoanView], tz: Any, now: datetime) -> list[dict[str, Any]]:
    """Export rows (LOAN_COLUMNS): ID numbers and phones masked, times ISO 8601 local."""

    def iso(at: datetime | None) -> str:
        return at.astimezone(tz).isoformat() if at is not None else ""

    return [
        {
            "loan_id": v.id,
            "created_at": iso(v.created_at),
            "requested_by": v.requested_by,
            "borrower_kind": v.borrower_kind.value,
            "borrower": v.borrower_name,
            "organisation": v.organisation,
            "id_type": v.id_type.value,
            "id_number": v.id_masked,
            "phone": v.phone_masked,
            "purpose": v.purpose,
            "case_no": v.case_no,
            "second_officer": (
                f"{v.officer2_name} {v.officer2_id_masked}" if v.officer2_name else ""
            ),
            "mode": v.mode.value,
            "medium": v.medium,
            "medium_serial": v.medium_serial,
            "ranges": "; ".join(f"{r.camera_id} {iso(r.start)}/{iso(r.end)}" for r in v.ranges),
            "due_at": iso(v.due_at),
            "state": v.state.value,
            "overdue": v.overdue(now),
            "decided_by": v.decided_by or "",
            "decided_at": iso(v.decided_at),
            "copy_reason": v.copy_reason,
            "decision_note": v.decision_note,
            "manifest_sha256": v.manifest_sha256,
            "exported_at": iso(v.exported_at),
            "outcome": v.outcome,
            "closed_at": iso(v.closed_at),
            "closed_by": v.closed_by or "",
            "witness": v.witness,
            "close_note": v.close_note,
        }
        for v in views
    ]
