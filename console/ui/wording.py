"""Core raises typed errors; this is where they become words for the operator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.alarms import AlarmError
from console.core.auth import (
    AccountLocked,
    BadCredentials,
    PermissionDenied,
    Role,
    UserError,
)
from console.core.checks import MAX_NOTE, MAX_TITLE, CheckError
from console.core.dutylog import MAX_TEXT, Category
from console.core.exports import ExportError
from console.core.incidents import MAX_TRAPPED, IncidentError
from console.core.loans import MAX_NAME as MAX_LOAN_NAME
from console.core.loans import (
    MAX_RANGES,
    BorrowerKind,
    CopyReason,
    LoanError,
    LoanMode,
    LoanState,
    Medium,
)
from console.core.loans import MAX_TEXT as MAX_LOAN_TEXT
from console.core.loans import Outcome as LoanOutcome
from console.core.packages import FileState, PackageError
from console.core.plans import PlanError
from console.core.reports import MAX_DAYS, ReportError
from console.core.shifts import DutyError
from console.core.visits import (
    MAX_NAME,
    MAX_PASS_DAYS,
    IdType,
    Instruction,
    PassKind,
    VisitError,
    VisitState,
)
from console.core.visits import MAX_TEXT as MAX_VISIT_TEXT
from devices.intercom.base import Outcome
from schema.db import DatabaseUnavailable


def role_label(role: Role) -> str:
    return {
        Role.OPERATOR: QCoreApplication.translate("Wording", "Operator"),
        Role.SUPERVISOR: QCoreApplication.translate("Wording", "Supervisor"),
        Role.MANAGER: QCoreApplication.translate("Wording", "Manager"),
        Role.ADMIN: QCoreApplication.translate("Wording", "Administrator"),
    }[role]


def _user_error(exc: UserError) -> str:
    texts = {
        "weak_password": QCoreApplication.translate(
            "Wording", "The password must have at least 8 characters."
        ),
        "password_is_name": QCoreApplication.translate(
            "Wording", "The password must not be the user name."
        ),
        "bad_name": QCoreApplication.translate(
            "Wording", "User name: 2-32 letters, digits, '.', '_' or '-'."
        ),
        "exists": QCoreApplication.translate("Wording", "A user with this name already exists."),
        "first_must_be_admin": QCoreApplication.translate(
            "Wording", "The first user must be an administrator."
        ),
        "self_disable": QCoreApplication.translate(
            "Wording", "You cannot disable your own account."
        ),
        "no_user": QCoreApplication.translate("Wording", "No such user."),
        "last_admin": QCoreApplication.translate(
            "Wording", "This would leave the site without an active administrator."
        ),
    }
    return texts.get(exc.code, str(exc))


def _alarm_error(exc: AlarmError) -> str:
    texts = {
        "already_acknowledged": QCoreApplication.translate(
            "Wording", "Someone has already acknowledged this alarm."
        ),
        "not_acknowledged": QCoreApplication.translate("Wording", "Acknowledge the alarm first."),
        "closed": QCoreApplication.translate("Wording", "This alarm is already closed."),
        "step_done": QCoreApplication.translate("Wording", "This step is already ticked."),
        "unknown_step": QCoreApplication.translate("Wording", "The checklist has no such step."),
        "comment_required": QCoreApplication.translate("Wording", "Write a comment first."),
        "dispatch_to_required": QCoreApplication.translate(
            "Wording", "Say which guard or post was sent."
        ),
        "reason_required": QCoreApplication.translate("Wording", "Shelving a zone needs a reason."),
        "expiry_past": QCoreApplication.translate(
            "Wording", "The shelving must end in the future."
        ),
        "expiry_too_far": QCoreApplication.translate(
            "Wording", "A zone may be shelved for at most 7 days."
        ),
        "already_shelved": QCoreApplication.translate("Wording", "This zone is already shelved."),
        "not_shelved": QCoreApplication.translate("Wording", "This zone is not shelved."),
        "unknown_zone": QCoreApplication.translate("Wording", "There is no such zone."),
        "not_found": QCoreApplication.translate("Wording", "There is no such alarm."),
    }
    return texts.get(exc.code, str(exc))


def _plan_error(exc: PlanError) -> str:
    texts = {
        "no_plan": QCoreApplication.translate(
            "Wording", "The site file has no such plan: check its [[plans]]."
        ),
        "no_device": QCoreApplication.translate(
            "Wording", "The site file has no such zone or camera any more."
        ),
        "off_plan": QCoreApplication.translate("Wording", "Place the marker on the plan image."),
        "not_placed": QCoreApplication.translate("Wording", "This device is on no plan."),
    }
    return texts.get(exc.code, str(exc))


def category_label(category: Category) -> str:
    """A duty-log category in words (巡视, 报警, 设备 …)."""
    return {
        Category.PATROL: QCoreApplication.translate("Wording", "Patrol"),
        Category.ALARM: QCoreApplication.translate("Wording", "Alarm"),
        Category.EQUIPMENT: QCoreApplication.translate("Wording", "Equipment"),
        Category.VISITOR: QCoreApplication.translate("Wording", "Visitor"),
        Category.FOOTAGE: QCoreApplication.translate("Wording", "Footage"),
        Category.COMPLAINT: QCoreApplication.translate("Wording", "Complaint"),
        Category.LIFT: QCoreApplication.translate("Wording", "Lift"),
        Category.HANDOVER: QCoreApplication.translate("Wording", "Handover"),
        Category.OTHER: QCoreApplication.translate("Wording", "Other"),
    }[category]


def _detail(exc: Exception) -> str:
    """What core's message lists after its first colon (the missing items' titles)."""
    text = str(exc)
    return text.partition(": ")[2] or text


def _duty_error(exc: DutyError) -> str:
    texts = {
        "text_required": QCoreApplication.translate("Wording", "Write what happened first."),
        "text_too_long": QCoreApplication.translate(
            "Wording", "An entry holds at most %1 characters; write two entries."
        ).replace("%1", str(MAX_TEXT)),
        "shift_closed": QCoreApplication.translate(
            "Wording",
            "That time falls in a shift that has been handed over: it takes no new entries. "
            "Write the entry in the current shift instead.",
        ),
        "future": QCoreApplication.translate("Wording", "An entry cannot be dated in the future."),
        "naive_time": QCoreApplication.translate("Wording", "The entry's time has no time zone."),
        "no_entry": QCoreApplication.translate("Wording", "There is no such log entry."),
        "no_shift": QCoreApplication.translate("Wording", "There is no such shift."),
        "attachment_type": QCoreApplication.translate(
            "Wording", "Only pictures can be attached (JPEG, PNG, BMP, WebP, GIF or TIFF)."
        ),
        "attachment_size": QCoreApplication.translate(
            "Wording", "A picture is larger than 20 MB; attach a smaller one."
        ),
        "attachment_unreadable": QCoreApplication.translate(
            "Wording", "A picture could not be read: %1"
        ).replace("%1", str(exc)),
        "attachment_unwritable": QCoreApplication.translate(
            "Wording", "A picture could not be stored: %1"
        ).replace("%1", str(exc)),
        "items_missing": QCoreApplication.translate(
            "Wording", "These open items are not in the handover yet: %1"
        ).replace("%1", _detail(exc)),
        "item_incomplete": QCoreApplication.translate(
            "Wording", "Each open item needs an owner and an “if … then …” instruction."
        ),
        "checklist_incomplete": QCoreApplication.translate(
            "Wording", "Tick every checklist item as handed over, or say what is wrong with it."
        ),
        "synthesis_required": QCoreApplication.translate(
            "Wording", "The incoming operator first writes a short summary in their own words."
        ),
        "already_handed_over": QCoreApplication.translate(
            "Wording", "This shift has already been handed over."
        ),
        "not_started": QCoreApplication.translate("Wording", "This shift has not begun yet."),
        "not_on_shift": QCoreApplication.translate(
            "Wording", "Only someone who was on duty in this shift can hand it over."
        ),
        "same_person": QCoreApplication.translate(
            "Wording", "The incoming operator must be someone other than the outgoing one."
        ),
        "not_pending": QCoreApplication.translate(
            "Wording", "This handover is not waiting to be accepted."
        ),
        "no_handover": QCoreApplication.translate("Wording", "There is no such handover."),
        "handover_pending": QCoreApplication.translate(
            "Wording",
            "Another handover waits for its incoming signature: finish or withdraw it first.",
        ),
        "seal_mismatch": QCoreApplication.translate(
            "Wording",
            "The shift's records changed after the outgoing signature. Tell the supervisor "
            "and run the audit check (verify-audit).",
        ),
        "reason_required": QCoreApplication.translate(
            "Wording", "Say why the handover is withdrawn."
        ),
    }
    return texts.get(exc.code, str(exc))


def _incident_error(exc: IncidentError) -> str:
    """A lift (rule 3.4.6) or complaint (rule 3.4.7) refusal in words."""
    texts = {
        "lift_no_required": QCoreApplication.translate("Wording", "Enter the lift number."),
        "too_long": QCoreApplication.translate(
            "Wording", "A text is longer than the record holds; shorten it."
        ),
        "bad_trapped": QCoreApplication.translate(
            "Wording", "People trapped: a whole number from 0 to %1."
        ).replace("%1", str(MAX_TRAPPED)),
        "naive_time": QCoreApplication.translate("Wording", "The time has no time zone."),
        "future": QCoreApplication.translate("Wording", "A time cannot be in the future."),
        "before_opened": QCoreApplication.translate(
            "Wording", "A time cannot be before the record was opened."
        ),
        "who_required": QCoreApplication.translate("Wording", "Say who was called."),
        "outcome_required": QCoreApplication.translate("Wording", "Write the outcome first."),
        "unit_required": QCoreApplication.translate("Wording", "Enter the unit (room number)."),
        "matter_required": QCoreApplication.translate(
            "Wording", "Write what the complaint is about."
        ),
        "handling_required": QCoreApplication.translate(
            "Wording", "Write what was done about the complaint."
        ),
        "escalate_to_required": QCoreApplication.translate(
            "Wording", "Say whom the complaint was escalated to."
        ),
        "not_found": QCoreApplication.translate("Wording", "There is no such record."),
        "closed": QCoreApplication.translate("Wording", "This record is already closed."),
        "not_freed": QCoreApplication.translate(
            "Wording",
            "People are still trapped in this lift: record them freed before closing the record.",
        ),
        "already_called": QCoreApplication.translate(
            "Wording", "120 is already recorded as called for this lift."
        ),
        "already_freed": QCoreApplication.translate(
            "Wording", "The people trapped are already recorded as freed."
        ),
        "no_handling": QCoreApplication.translate(
            "Wording", "Write how the complaint was handled before closing it."
        ),
        "no_follow_up": QCoreApplication.translate(
            "Wording", "Record the follow-up call to the resident before closing the complaint."
        ),
    }
    return texts.get(exc.code, str(exc))


def _check_error(exc: CheckError) -> str:
    """A check-sheet or fault-report refusal (station rules section 4) in words."""
    texts = {
        "unanswered": QCoreApplication.translate(
            "Wording", "Answer every item, normal or abnormal: %1 not answered yet."
        ).replace("%1", str(len(_detail(exc).split(", ")))),
        "unknown_item": QCoreApplication.translate(
            "Wording",
            "The sheet has no such item (its file has changed): close the form and open it again.",
        ),
        "note_required": (
            QCoreApplication.translate(
                "Wording", "An abnormal item needs a note saying what is wrong: %1"
            ).replace("%1", str(exc).partition(": ")[0])
            if ": " in str(exc)
            else QCoreApplication.translate("Wording", "Say what was repaired and how.")
        ),
        "note_too_long": QCoreApplication.translate(
            "Wording", "A note holds at most %1 characters; shorten it."
        ).replace("%1", str(MAX_NOTE)),
        "already_done": QCoreApplication.translate(
            "Wording", "This sheet is already signed for this period."
        ),
        "future_period": QCoreApplication.translate(
            "Wording", "A sheet cannot be signed for a period that has not begun."
        ),
        "bad_period": QCoreApplication.translate(
            "Wording", "That time is not the start of one of this sheet's periods."
        ),
        "no_template": QCoreApplication.translate(
            "Wording", "There is no such check sheet (its file has changed)."
        ),
        "title_required": QCoreApplication.translate("Wording", "Say what is faulty first."),
        "title_too_long": QCoreApplication.translate(
            "Wording", "A fault's title holds at most %1 characters; put the rest in the details."
        ).replace("%1", str(MAX_TITLE)),
        "no_fault": QCoreApplication.translate("Wording", "There is no such fault report."),
        "already_repaired": QCoreApplication.translate(
            "Wording", "This fault is already recorded as repaired."
        ),
        "no_record": QCoreApplication.translate("Wording", "There is no such check record."),
        "naive_time": QCoreApplication.translate("Wording", "The time has no time zone."),
        "bad_templates": QCoreApplication.translate(
            "Wording", "The check sheet file is not valid: %1"
        ).replace("%1", str(exc)),
    }
    return texts.get(exc.code, str(exc))


def _visit_error(exc: VisitError) -> str:
    """A visitor-verification or pass refusal (rule 3.4.8) in words."""
    if exc.code.startswith("attachment_"):  # the gate snapshot could not be kept
        return _duty_error(DutyError(exc.code, str(exc)))
    texts = {
        "bad_gate": QCoreApplication.translate(
            "Wording", "Choose the gate that reported the visitor."
        ),
        "name_required": QCoreApplication.translate("Wording", "Enter the name."),
        "bad_id_type": QCoreApplication.translate("Wording", "Choose the ID type."),
        "id_required": QCoreApplication.translate("Wording", "Enter the ID number."),
        "bad_id": QCoreApplication.translate(
            "Wording",
            "This is not a valid number for the ID type chosen: check its length, the birth "
            "date and the last character.",
        ),
        "bad_room": QCoreApplication.translate(
            "Wording", "Room: 1-32 letters, digits, '.', '_' or '-' (e.g. 3-201 or 30201)."
        ),
        "phone_required": QCoreApplication.translate("Wording", "Enter the phone number."),
        "bad_phone": QCoreApplication.translate(
            "Wording", "A phone number has 3-20 digits (and maybe a leading +)."
        ),
        "purpose_required": QCoreApplication.translate("Wording", "Say why they are visiting."),
        "area_required": QCoreApplication.translate("Wording", "Say which area the pass is for."),
        "too_long": QCoreApplication.translate(
            "Wording", "Too long: a name holds %1 characters, a text %2."
        )
        .replace("%1", str(MAX_NAME))
        .replace("%2", str(MAX_VISIT_TEXT)),
        "leave_past": QCoreApplication.translate(
            "Wording", "The expected leave time must be later than now."
        ),
        "naive_time": QCoreApplication.translate("Wording", "The time has no time zone."),
        "visit_closed": QCoreApplication.translate(
            "Wording", "The gate has already been told what to do with this visitor."
        ),
        "wrong_room": QCoreApplication.translate(
            "Wording", "The call went to another room than the visitor's."
        ),
        "no_visit": QCoreApplication.translate("Wording", "There is no such visit."),
        "not_called": QCoreApplication.translate(
            "Wording", "Call the resident before telling the gate what to do."
        ),
        "not_confirmed": QCoreApplication.translate(
            "Wording", "The last call does not allow this: only the resident decides."
        ),
        "reason_required": QCoreApplication.translate("Wording", "Give the reason."),
        "not_admitted": QCoreApplication.translate(
            "Wording", "This visitor was not admitted: there is nothing to sign out."
        ),
        "signed_out": QCoreApplication.translate("Wording", "This visitor has already signed out."),
        "future": QCoreApplication.translate("Wording", "A time cannot be in the future."),
        "before_admitted": QCoreApplication.translate(
            "Wording", "The sign-out time is before the visitor was admitted."
        ),
        "bad_pass_kind": QCoreApplication.translate(
            "Wording", "Choose contractor or delivery staff."
        ),
        "bad_validity": QCoreApplication.translate(
            "Wording", "A pass must end after it begins, and later than now."
        ),
        "pass_too_long": QCoreApplication.translate(
            "Wording", "A pass is valid for at most %1 days."
        ).replace("%1", str(MAX_PASS_DAYS)),
        "no_pass": QCoreApplication.translate("Wording", "There is no such pass."),
        "revoked": QCoreApplication.translate("Wording", "This pass is already revoked."),
        "bad_key": QCoreApplication.translate(
            "Wording",
            "The key that protects ID numbers is damaged: tell the administrator (%1).",
        ).replace("%1", str(exc)),
    }
    return texts.get(exc.code, str(exc))


# -- footage loans (rule 3.4.3) ----------------------------------------------------------------

_ID_CODES = ("bad_id_type", "id_required", "bad_id", "phone_required", "bad_phone", "bad_key")


def _loan_error(exc: LoanError) -> str:
    """A footage-loan refusal (rule 3.4.3) in words."""
    if exc.code in _ID_CODES:  # the ID number or phone, checked as for visitors
        return _visit_error(VisitError(exc.code, str(exc)))
    texts = {
        "too_long": QCoreApplication.translate(
            "Wording", "Too long: a name holds %1 characters, a text %2."
        )
        .replace("%1", str(MAX_LOAN_NAME))
        .replace("%2", str(MAX_LOAN_TEXT)),
        "bad_choice": QCoreApplication.translate("Wording", "Choose one of the listed values."),
        "reason_note_required": QCoreApplication.translate(
            "Wording", "Say in the note which reason it is."
        ),
        "altered_note_required": QCoreApplication.translate(
            "Wording", "The medium came back altered: say in the note what happened."
        ),
        "lost_note_required": QCoreApplication.translate(
            "Wording", "Say what happened to the medium."
        ),
        "naive_time": QCoreApplication.translate("Wording", "The time has no time zone."),
        "no_loan": QCoreApplication.translate("Wording", "There is no such loan."),
        "bad_state": QCoreApplication.translate(
            "Wording", "The loan has moved on meanwhile: this step no longer applies."
        ),
        "no_ranges": QCoreApplication.translate(
            "Wording", "Add at least one camera and time range."
        ),
        "too_many_ranges": QCoreApplication.translate(
            "Wording", "A loan holds at most %1 ranges."
        ).replace("%1", str(MAX_RANGES)),
        "bad_camera": QCoreApplication.translate("Wording", "Choose a camera of this site."),
        "empty_range": QCoreApplication.translate("Wording", "A range must end after it begins."),
        "range_too_long": QCoreApplication.translate(
            "Wording", "A range covers at most 24 hours: split it in two."
        ),
        "range_future": QCoreApplication.translate("Wording", "A range cannot end in the future."),
        "no_footage": QCoreApplication.translate(
            "Wording", "The camera has no recording in that range."
        ),
        "name_required": QCoreApplication.translate("Wording", "Enter the borrower's name."),
        "organisation_required": QCoreApplication.translate(
            "Wording", "Enter the borrower's organisation (police station, company …)."
        ),
        "purpose_required": QCoreApplication.translate(
            "Wording", "Say what the footage is needed for."
        ),
        "case_required": QCoreApplication.translate(
            "Wording", "The police need a case number or an alarm-receipt number."
        ),
        "officer2_required": QCoreApplication.translate(
            "Wording", "A police copy needs the second officer's name."
        ),
        "same_officer": QCoreApplication.translate(
            "Wording", "The second officer must be another person than the first."
        ),
        "medium_required": QCoreApplication.translate(
            "Wording", "Choose the medium the copy goes on."
        ),
        "serial_required": QCoreApplication.translate(
            "Wording", "Enter the medium's serial number."
        ),
        "due_past": QCoreApplication.translate("Wording", "The due date must be later than now."),
        "due_too_far": QCoreApplication.translate("Wording", "A loan is due within a year."),
        "self_approval": QCoreApplication.translate(
            "Wording", "Whoever filed the request cannot decide it: another manager decides."
        ),
        "on_duty_approval": QCoreApplication.translate(
            "Wording",
            "An operator on duty at this desk cannot decide a loan: the management office's "
            "head decides.",
        ),
        "copy_reason_required": QCoreApplication.translate(
            "Wording", "A copy for a resident needs a reason: tick one."
        ),
        "reason_required": QCoreApplication.translate("Wording", "Give the reason."),
        "already_viewed": QCoreApplication.translate(
            "Wording", "The footage was already viewed: close the viewing instead."
        ),
        "not_a_copy": QCoreApplication.translate(
            "Wording", "This loan is an on-site viewing: nothing is packaged."
        ),
        "package_exists": QCoreApplication.translate(
            "Wording", "That folder already holds this loan's package: move it away first."
        ),
        "package_failed": QCoreApplication.translate(
            "Wording", "The package could not be written: %1"
        ).replace("%1", str(exc)),
        "export_failed": QCoreApplication.translate(
            "Wording", "The footage could not be copied: %1"
        ).replace("%1", str(exc)),
        "no_folder": QCoreApplication.translate("Wording", "There is no such folder."),
        "witness_required": QCoreApplication.translate("Wording", "Enter the witness's name."),
        "witness_self": QCoreApplication.translate(
            "Wording", "The witness must be someone other than you."
        ),
        "not_a_viewing": QCoreApplication.translate(
            "Wording", "This loan is a copy: record its return instead."
        ),
        "not_viewed": QCoreApplication.translate(
            "Wording", "No viewing is recorded for this loan: cancel it instead."
        ),
        "outside_loan": QCoreApplication.translate(
            "Wording", "The loan does not cover that camera and time."
        ),
        "wrong_manifest": QCoreApplication.translate(
            "Wording", "That check was made against another manifest: check the medium again."
        ),
    }
    return texts.get(exc.code, str(exc))


def borrower_kind_label(kind: BorrowerKind) -> str:
    return {
        BorrowerKind.POLICE: QCoreApplication.translate("Wording", "Police"),
        BorrowerKind.RESIDENT: QCoreApplication.translate("Wording", "Resident"),
        BorrowerKind.STAFF: QCoreApplication.translate("Wording", "Property staff"),
        BorrowerKind.OTHER: QCoreApplication.translate("Wording", "Other organisation"),
    }[kind]


def loan_mode_label(mode: LoanMode) -> str:
    return {
        LoanMode.VIEW: QCoreApplication.translate("Wording", "On-site viewing"),
        LoanMode.COPY: QCoreApplication.translate("Wording", "Copy"),
    }[mode]


def medium_label(medium: Medium | str) -> str:
    """A medium in words; an unknown one (or none, for a viewing) as stored."""
    labels = {
        Medium.USB: QCoreApplication.translate("Wording", "USB stick"),
        Medium.DISC: QCoreApplication.translate("Wording", "Optical disc"),
        Medium.DISK: QCoreApplication.translate("Wording", "Portable hard disk"),
        Medium.SD: QCoreApplication.translate("Wording", "Memory card"),
        Medium.OTHER: QCoreApplication.translate("Wording", "Other medium"),
    }
    try:
        return labels[Medium(medium)]
    except ValueError:
        return str(medium)


def loan_state_label(state: LoanState) -> str:
    return {
        LoanState.REQUESTED: QCoreApplication.translate("Wording", "Awaiting approval"),
        LoanState.REFUSED: QCoreApplication.translate("Wording", "Refused"),
        LoanState.CANCELLED: QCoreApplication.translate("Wording", "Cancelled"),
        LoanState.APPROVED: QCoreApplication.translate("Wording", "Approved"),
        LoanState.LENT: QCoreApplication.translate("Wording", "Out on loan"),
        LoanState.CLOSED: QCoreApplication.translate("Wording", "Closed"),
    }[state]


def copy_reason_label(reason: CopyReason) -> str:
    return {
        CopyReason.POLICE_REPORT: QCoreApplication.translate(
            "Wording", "Reported to the police, for the police"
        ),
        CopyReason.PROPERTY_LOSS: QCoreApplication.translate(
            "Wording", "Loss of property or damage to a car"
        ),
        CopyReason.INSURANCE: QCoreApplication.translate("Wording", "Insurance claim"),
        CopyReason.COURT: QCoreApplication.translate("Wording", "Lawsuit or mediation"),
        CopyReason.OTHER: QCoreApplication.translate("Wording", "Another reason (in the note)"),
    }[reason]


def loan_outcome_label(outcome: LoanOutcome) -> str:
    """How a loan ended."""
    return {
        LoanOutcome.INTACT: QCoreApplication.translate("Wording", "Returned intact"),
        LoanOutcome.ALTERED: QCoreApplication.translate("Wording", "Returned altered"),
        LoanOutcome.DESTROYED: QCoreApplication.translate("Wording", "Destroyed before a witness"),
        LoanOutcome.LOST: QCoreApplication.translate("Wording", "Lost"),
        LoanOutcome.VIEWED: QCoreApplication.translate("Wording", "Viewed on site"),
    }[outcome]


def file_state_label(state: FileState) -> str:
    """A returned file compared with the manifest."""
    return {
        FileState.OK: QCoreApplication.translate("Wording", "✔ Matches"),
        FileState.MISSING: QCoreApplication.translate("Wording", "✖ Missing"),
        FileState.SIZE: QCoreApplication.translate("Wording", "✖ Other size"),
        FileState.HASH: QCoreApplication.translate("Wording", "✖ Changed (other SHA-256)"),
    }[state]


def outcome_label(outcome: Outcome) -> str:
    """A call's outcome in words (接通, 占线 …)."""
    return {
        Outcome.ANSWERED: QCoreApplication.translate("Wording", "Answered"),
        Outcome.BUSY: QCoreApplication.translate("Wording", "Busy"),
        Outcome.DECLINED: QCoreApplication.translate("Wording", "Declined"),
        Outcome.NO_ANSWER: QCoreApplication.translate("Wording", "No answer"),
        Outcome.UNREACHABLE: QCoreApplication.translate("Wording", "Unreachable"),
        Outcome.CANCELLED: QCoreApplication.translate("Wording", "Hung up before an answer"),
    }[outcome]


def instruction_label(instruction: Instruction) -> str:
    """What the gate is told (放行, 拒绝, 等候)."""
    return {
        Instruction.ADMIT: QCoreApplication.translate("Wording", "admit"),
        Instruction.REFUSE: QCoreApplication.translate("Wording", "refuse"),
        Instruction.WAIT: QCoreApplication.translate("Wording", "wait"),
    }[instruction]


def visit_state_label(state: VisitState) -> str:
    return {
        VisitState.PENDING: QCoreApplication.translate("Wording", "Pending"),
        VisitState.WAITING: QCoreApplication.translate("Wording", "Waiting"),
        VisitState.ADMITTED: QCoreApplication.translate("Wording", "Admitted"),
        VisitState.REFUSED: QCoreApplication.translate("Wording", "Refused"),
        VisitState.WITHDRAWN: QCoreApplication.translate("Wording", "Left before a decision"),
    }[state]


def id_type_label(id_type: IdType) -> str:
    return {
        IdType.RESIDENT_ID: QCoreApplication.translate("Wording", "Resident ID card"),
        IdType.PASSPORT: QCoreApplication.translate("Wording", "Passport"),
        IdType.HK_MACAU: QCoreApplication.translate("Wording", "Hong Kong/Macau permit"),
        IdType.TAIWAN: QCoreApplication.translate("Wording", "Taiwan permit"),
        IdType.POLICE: QCoreApplication.translate("Wording", "Police ID card"),
        IdType.OTHER: QCoreApplication.translate("Wording", "Other document"),
    }[id_type]


def pass_kind_label(kind: PassKind) -> str:
    return {
        PassKind.CONTRACTOR: QCoreApplication.translate("Wording", "Contractor"),
        PassKind.DELIVERY: QCoreApplication.translate("Wording", "Delivery"),
    }[kind]


def _report_error(exc: ReportError) -> str:
    texts = {
        "period_reversed": QCoreApplication.translate(
            "Wording", "The period's last day is before its first day: swap the two dates."
        ),
        "period_too_long": QCoreApplication.translate(
            "Wording", "A report covers at most %1 days: choose a shorter period."
        ).replace("%1", str(MAX_DAYS)),
        "bad_month": QCoreApplication.translate(
            "Wording", "Give the month as YYYY-MM, for example 2026-11."
        ),
    }
    return texts.get(exc.code, str(exc))


def describe(exc: Exception) -> str:
    """One sentence for the operator; unknown errors keep their own text."""
    if isinstance(exc, BadCredentials):
        return QCoreApplication.translate("Wording", "Wrong user name or password.")
    if isinstance(exc, AccountLocked):
        until = exc.until.astimezone().strftime("%H:%M:%S")
        return QCoreApplication.translate(
            "Wording", "Too many failed tries: the account is locked until %1."
        ).replace("%1", until)
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate("Wording", "Your role does not allow this.")
    if isinstance(exc, UserError):
        return _user_error(exc)
    if isinstance(exc, AlarmError):
        return _alarm_error(exc)
    if isinstance(exc, DutyError):
        return _duty_error(exc)
    if isinstance(exc, IncidentError):
        return _incident_error(exc)
    if isinstance(exc, CheckError):
        return _check_error(exc)
    if isinstance(exc, VisitError):
        return _visit_error(exc)
    if isinstance(exc, LoanError):
        return _loan_error(exc)
    if isinstance(exc, PlanError):
        return _plan_error(exc)
    if isinstance(exc, ReportError):
        return _report_error(exc)
    if isinstance(exc, (ExportError, PackageError)):
        return QCoreApplication.translate(
            "Wording", "The files could not be written or read: %1"
        ).replace("%1", str(exc))
    if isinstance(exc, DatabaseUnavailable):
        return QCoreApplication.translate(
            "Wording",
            "The database cannot be reached: the console is read-only until it is back. "
            "Nothing was saved.",
        )
    if isinstance(exc, OSError):
        detail = f"{exc.filename}: {exc.strerror}" if exc.filename else (exc.strerror or str(exc))
        return QCoreApplication.translate("Wording", "The disk refused: %1").replace("%1", detail)
    return str(exc)


def describe_load(exc: Exception) -> str:
    """A pane's quiet line when its background load failed: while the database is out of
    reach the pane keeps what it shows (it reloads when the database is back)."""
    if isinstance(exc, DatabaseUnavailable):
        return QCoreApplication.translate(
            "Wording",
            "The database cannot be reached: showing what was last loaded.",
        )
    return describe(exc)


def action_label(action: str) -> str:
    """An audit action code in words; unknown codes (from later versions) as they are."""
    labels = {
        "auth.login": QCoreApplication.translate("Wording", "Log-in"),
        "alarm.event.raised": QCoreApplication.translate("Wording", "Alarm raised"),
        "alarm.event.repeat": QCoreApplication.translate("Wording", "Alarm repeated"),
        "alarm.event.restored": QCoreApplication.translate("Wording", "Device restored"),
        "alarm.event.reset": QCoreApplication.translate("Wording", "Panel reset"),
        "alarm.event.stored": QCoreApplication.translate("Wording", "Device event stored"),
        "alarm.event.duplicate": QCoreApplication.translate("Wording", "Resent report (duplicate)"),
        "alarm.acknowledge": QCoreApplication.translate("Wording", "Alarm acknowledged"),
        "alarm.step": QCoreApplication.translate("Wording", "SOP step done"),
        "alarm.dispatch": QCoreApplication.translate("Wording", "Guard dispatched"),
        "alarm.comment": QCoreApplication.translate("Wording", "Alarm comment"),
        "alarm.close": QCoreApplication.translate("Wording", "Alarm closed"),
        "zone.shelve": QCoreApplication.translate("Wording", "Zone shelved"),
        "zone.unshelve": QCoreApplication.translate("Wording", "Zone unshelved"),
        "auth.logout": QCoreApplication.translate("Wording", "Log-out"),
        "auth.failed": QCoreApplication.translate("Wording", "Failed password"),
        "auth.lockout": QCoreApplication.translate("Wording", "Account locked out"),
        "auth.refused_locked": QCoreApplication.translate("Wording", "Refused: account locked"),
        "auth.unlock": QCoreApplication.translate("Wording", "Console unlocked"),
        "auth.cli": QCoreApplication.translate("Wording", "Command-line authorisation"),
        "auth.password_change": QCoreApplication.translate("Wording", "Password check for change"),
        "session.lock": QCoreApplication.translate("Wording", "Console locked"),
        "user.add": QCoreApplication.translate("Wording", "User added"),
        "user.role": QCoreApplication.translate("Wording", "Role changed"),
        "user.active": QCoreApplication.translate("Wording", "User enabled/disabled"),
        "user.password_reset": QCoreApplication.translate("Wording", "Password reset"),
        "user.password_change": QCoreApplication.translate("Wording", "Password changed"),
        "pref.set": QCoreApplication.translate("Wording", "Personal setting saved"),
        "service.start": QCoreApplication.translate("Wording", "Service started"),
        "service.stop": QCoreApplication.translate("Wording", "Service stopped"),
        "loan.request": QCoreApplication.translate("Wording", "Footage loan requested"),
        "loan.approve": QCoreApplication.translate("Wording", "Footage loan approved"),
        "loan.refuse": QCoreApplication.translate("Wording", "Footage loan refused"),
        "loan.cancel": QCoreApplication.translate("Wording", "Footage loan cancelled"),
        "loan.package": QCoreApplication.translate("Wording", "Footage loan packaged"),
        "loan.close": QCoreApplication.translate("Wording", "Footage loan closed"),
        "loan.extend": QCoreApplication.translate("Wording", "Footage loan extended"),
        "loan.overdue": QCoreApplication.translate("Wording", "Footage loan overdue"),
        "footage.view": QCoreApplication.translate("Wording", "Footage viewed"),
    }
    return labels.get(action, action)
