"""The steps of a footage loan after its request (rule 3.4.3), one dialog each.

The decision: the management office's head types their own user name and password (echo off)
and approves (ticking why, for a resident's copy) or refuses with a reason; core refuses the
requester and operators on duty. The package: a parent folder, then remux, manifest and receipt
on the thread pool, with a busy line, and the folder and manifest SHA-256 shown when done. The
return: the medium's folder is re-hashed on the thread pool against the manifest the desk kept,
each file's result is listed, and the loan is closed intact or altered (altered needs a note).
The rest (destroyed before a witness, lost, a new due date, cancelled, a viewing done) are a
field or two. Every core call runs on the thread pool; a refusal naming a field is shown under it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import AccountLocked, Actor, BadCredentials, PermissionDenied
from console.core.loans import (
    MAX_NAME,
    CopyReason,
    LoanMode,
    LoanService,
    LoanView,
    RangeView,
)
from console.core.packages import FileState, PackageCheck
from console.ui.dialogs import FieldDialog
from console.ui.forms import error_label, ok_cancel, password_field, show_error, text_field
from console.ui.loan_receipt import write_loan_receipt
from console.ui.panes import PaneContext
from console.ui.record_table import ALERT, local
from console.ui.visit_widgets import SiteTimeEdit
from console.ui.wording import (
    borrower_kind_label,
    copy_reason_label,
    describe,
    file_state_label,
    loan_mode_label,
    medium_label,
)
from console.ui.worker import run_in_background

OK_COLOUR = "#1e6b34"
EXTEND_BY_DAYS = 7


def range_text(r: RangeView, tz: tzinfo) -> str:
    """东门入口 11-22 08:41:03 – 08:41:11 (the end's date too when it differs)."""
    same_day = r.start.astimezone(tz).date() == r.end.astimezone(tz).date()
    end = local(r.end, tz, "%H:%M:%S" if same_day else "%m-%d %H:%M:%S")
    return f"{r.camera_name} {local(r.start, tz, '%m-%d %H:%M:%S')} – {end}"


def how_text(view: LoanView) -> str:
    """On-site viewing, or: Copy · USB stick SN-1."""
    if view.mode is LoanMode.VIEW:
        return loan_mode_label(view.mode)
    return f"{loan_mode_label(view.mode)} · {medium_label(view.medium)} {view.medium_serial}"


def borrower_text(view: LoanView) -> str:
    org = f" ({view.organisation})" if view.organisation else ""
    return f"{view.borrower_name}{org} · {borrower_kind_label(view.borrower_kind)}"


def loan_summary(view: LoanView, tz: tzinfo) -> str:
    """What a step's dialog says first: which loan, who, what footage, how, until when."""
    lines = [
        QCoreApplication.translate("LoanSteps", "Loan %1 · %2")
        .replace("%1", str(view.id))
        .replace("%2", borrower_text(view)),
        QCoreApplication.translate("LoanSteps", "Purpose: %1").replace("%1", view.purpose),
    ]
    if view.case_no:
        lines.append(
            QCoreApplication.translate("LoanSteps", "Case or receipt no.: %1").replace(
                "%1", view.case_no
            )
        )
    lines += [f"• {range_text(r, tz)}" for r in view.ranges]
    lines.append(
        QCoreApplication.translate("LoanSteps", "%1 · due %2")
        .replace("%1", how_text(view))
        .replace("%2", local(view.due_at, tz, "%Y-%m-%d %H:%M"))
    )
    return "\n".join(lines)


def folder_row(edit: QLineEdit, title: str, owner: QWidget) -> QWidget:
    """A folder's path with a Browse button (the system's folder chooser)."""

    def browse() -> None:
        chosen = QFileDialog.getExistingDirectory(owner, title, edit.text().strip())
        if chosen:
            edit.setText(chosen)

    button = QPushButton(QCoreApplication.translate("LoanSteps", "Bro&wse…"))
    button.setObjectName("loan-browse")
    button.setAccessibleName(QCoreApplication.translate("LoanSteps", "Choose the folder"))
    button.setAutoDefault(False)
    button.clicked.connect(lambda _checked=False: browse())
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row


def folder_path(edit: QLineEdit) -> Path | None:
    """The folder typed or chosen, if it is a whole path."""
    path = Path(edit.text().strip()).expanduser()
    return path if edit.text().strip() and path.is_absolute() else None


class BusyLine(QWidget):
    """A busy bar and what is being done, shown while a slow step runs."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("loan-busy")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.text = QLabel()
        self.text.setObjectName("loan-busy-text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.text, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.text.setText(text)
        self.bar.setAccessibleName(text)
        self.show()

    def stop(self) -> None:
        self.hide()


class LoanStepDialog(FieldDialog):
    """A step on one loan (`title`: %1 is its number): the loan summed up first, then the
    step's fields."""

    def __init__(
        self, title: str, ctx: PaneContext, loan: LoanView, parent: QWidget, note: str = ""
    ) -> None:
        tz = ctx.desk.site.tz()
        intro = loan_summary(loan, tz) + (f"\n\n{note}" if note else "")
        super().__init__(title.replace("%1", str(loan.id)), parent, intro, "loan-step-intro")
        self.setMinimumWidth(600)
        self.ctx, self.loans, self.actor = ctx, ctx.desk.loans, ctx.actor
        self.loan, self.tz = loan, tz

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)


# -- the decision -----------------------------------------------------------------------------


class DecisionDialog(LoanStepDialog):
    """The management office's head approves or refuses, with their own password."""

    def __init__(self, ctx: PaneContext, loan: LoanView, parent: QWidget) -> None:
        super().__init__(
            QCoreApplication.translate("LoanSteps", "Approve or refuse loan %1"),
            ctx,
            loan,
            parent,
            QCoreApplication.translate(
                "LoanSteps",
                "The management office's head decides, with their own user name and password. "
                "Whoever filed the request and the operators on duty cannot.",
            ),
        )
        self.setObjectName("loan-decision")
        self.user = QLineEdit()
        self.user.setMaxLength(MAX_NAME)
        self.password = password_field()
        add = self.fields.add
        add(self.tr("Manager's &user name"), self.user, "loan-manager", "name")
        add(self.tr("&Password"), self.password, "loan-manager-password", "password")
        self.reasons = QButtonGroup(self)
        if loan.needs_copy_reason():
            add(
                self.tr("Why a &copy for a resident"),
                self._reason_box(),
                "loan-copy-reason",
                "copy_reason",
                self.reasons.buttons()[0],
            )
        self.note = text_field(self.tr("A note to the approval; the reason, when refusing"))
        add(self.tr("&Note or reason"), self.note, "loan-decision-note", "note")
        self.fields.alias("reason", "note")
        self.finish_layout(self.tr("&Approve"))
        self.refuse_button = self.buttons.addButton(
            self.tr("Re&fuse"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.refuse_button.setObjectName("loan-refuse")
        self.refuse_button.setAccessibleName(self.tr("Refuse"))
        self.refuse_button.setAutoDefault(False)
        self.refuse_button.clicked.connect(lambda _checked=False: self.refuse())
        self.user.setFocus()

    def _reason_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for reason in CopyReason:
            button = QRadioButton(copy_reason_label(reason))
            button.setObjectName(f"loan-reason-{reason.value}")
            button.setAccessibleName(button.text())
            button.setProperty("reason", reason.value)
            self.reasons.addButton(button)
            column.addWidget(button)
        return box

    def copy_reason(self) -> str | None:
        checked = self.reasons.checkedButton()
        return str(checked.property("reason")) if checked is not None else None

    def signed(self) -> bool:
        """Both the user name and the password typed (else say so, and tell no core)."""
        if self.user.text().strip() and self.password.text():
            return True
        show_error(self.error, self.tr("The manager enters their user name and password."))
        (self.password if self.user.text().strip() else self.user).setFocus()
        self.grow_to_fit()
        return False

    def accept(self) -> None:
        if self.signed():
            super().accept()

    def call(self) -> Callable[[], Any]:
        loans, loan_id = self.loans, self.loan.id
        name, password = self.user.text().strip(), self.password.text()
        reason, note = self.copy_reason(), self.note.toPlainText()
        return lambda: loans.approve(loan_id, name, password, copy_reason=reason, note=note)

    def refuse(self) -> None:
        if self.busy or not self.signed():
            return
        loans, loan_id = self.loans, self.loan.id
        name, password = self.user.text().strip(), self.password.text()
        reason = self.note.toPlainText()
        self.fields.clear()
        self.submit(lambda: loans.refuse(loan_id, name, password, reason))

    def failed(self, exc: Exception) -> None:
        super().failed(exc)
        if isinstance(exc, BadCredentials | AccountLocked | PermissionDenied):
            self.password.clear()
            self.password.setFocus()


# -- the package ------------------------------------------------------------------------------


class PackageDialog(LoanStepDialog):
    """Make the copy's package in a folder (the site's loans folder unless another is chosen);
    when made, say where it is and the manifest's SHA-256 (printed on the receipt)."""

    def __init__(self, ctx: PaneContext, loan: LoanView, parent: QWidget) -> None:
        super().__init__(
            QCoreApplication.translate("LoanSteps", "Make the package of loan %1"),
            ctx,
            loan,
            parent,
            QCoreApplication.translate(
                "LoanSteps",
                "One MP4 per range (copied as recorded, not re-encoded), manifest.json with each "
                "file's SHA-256, and receipt.pdf to print and sign. It goes into a folder of its "
                "own, loan-NNNN, in the folder below.",
            ),
        )
        self.setObjectName("loan-package")
        self.folder = QLineEdit(str(ctx.desk.site.loans_dir()))
        title = self.tr("Folder for the package")
        self.fields.add(
            self.tr("&Folder"),
            folder_row(self.folder, title, self),
            "loan-folder",
            "folder",
            self.folder,
        )
        self.busy_line = BusyLine()
        self.layout_.addWidget(self.busy_line)
        self.result_label = QLabel()
        self.result_label.setObjectName("loan-package-result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.result_label.hide()
        self.layout_.addWidget(self.result_label)
        self.finish_layout(self.tr("&Make package"))
        self.ok_button().setFocus()

    def accept(self) -> None:
        if self.busy or self.result_value is not None:
            return
        if folder_path(self.folder) is None:
            show_error(self.fields.error_of("folder"), self.tr("Choose a folder (a whole path)."))
            self.folder.setFocus()
            self.grow_to_fit()
            return
        self.busy_line.start(
            self.tr("Copying %1 range(s) and writing the receipt…").replace(
                "%1", str(len(self.loan.ranges))
            )
        )
        self.grow_to_fit()
        super().accept()

    def call(self) -> Callable[[], Any]:
        loans, actor, loan_id = self.loans, self.actor, self.loan.id
        parent = folder_path(self.folder) or Path()
        return lambda: loans.package(actor, loan_id, parent, write_loan_receipt)

    def succeeded(self, value: Any) -> None:
        """Stay open: the operator copies the folder onto the medium and prints the receipt."""
        self.busy_line.stop()
        assert isinstance(value, LoanView)
        text = (
            self.tr(
                "Package made in %1\nManifest SHA-256: %2\n"
                "Copy the folder onto the medium, print receipt.pdf and have both parties sign it."
            )
            .replace("%1", value.package_dir)
            .replace("%2", value.manifest_sha256)
        )
        self.result_label.setText("✔ " + text)
        self.result_label.setAccessibleName(text)
        self.result_label.setStyleSheet(f"color: {OK_COLOUR};")
        self.result_label.show()
        self.folder.setReadOnly(True)
        self.ok_button().hide()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        close.setFocus()
        self.grow_to_fit()

    def failed(self, exc: Exception) -> None:
        self.busy_line.stop()
        super().failed(exc)


# -- the return -------------------------------------------------------------------------------


class ReturnDialog(LoanStepDialog):
    """The medium came back: re-hash its files against the manifest the desk kept, list each
    file's result, then close the loan intact or altered (with a note)."""

    FILE, RESULT, SHA = range(3)

    def __init__(self, ctx: PaneContext, loan: LoanView, parent: QWidget) -> None:
        super().__init__(
            QCoreApplication.translate("LoanSteps", "Record the return of loan %1"),
            ctx,
            loan,
            parent,
            QCoreApplication.translate(
                "LoanSteps",
                "Choose the package's folder on the returned medium and check it: every file is "
                "compared with the manifest the desk kept.",
            ),
        )
        self.setObjectName("loan-return")
        self.setMinimumWidth(920)  # a SHA-256 in full
        self.check: PackageCheck | None = None
        self.checking = False
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("The loan-NNNN folder on the medium"))
        self.folder.textChanged.connect(lambda _text: self._forget())
        title = self.tr("The package's folder on the medium")
        self.fields.add(
            self.tr("&Folder"),
            folder_row(self.folder, title, self),
            "loan-return-folder",
            "folder",
            self.folder,
        )
        self.check_button = QPushButton(self.tr("C&heck the medium"))
        self.check_button.setObjectName("loan-check")
        self.check_button.setAccessibleName(self.tr("Check the medium"))
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(lambda _checked=False: self.run_check())
        self.busy_line = BusyLine()
        self.results = self._results_table()
        self.verdict = QLabel()
        self.verdict.setObjectName("loan-verdict")
        self.verdict.setWordWrap(True)
        self.verdict.hide()
        self.check_error = error_label()
        self.check_error.setObjectName("loan-check-error")
        for widget in (
            self.check_button,
            self.busy_line,
            self.check_error,
            self.results,
            self.verdict,
        ):
            self.layout_.addWidget(widget)
        self.note = text_field(self.tr("Required when the medium came back altered"))
        self.finish_layout(self.tr("&Close the loan"))
        self.layout_.insertLayout(self.layout_.count() - 2, self._note_form())
        self.ok_button().setEnabled(False)
        self.folder.setFocus()

    def _note_form(self) -> QFormLayout:
        form = QFormLayout()
        self.fields.add(self.tr("&Note"), self.note, "loan-return-note", "note", into=form)
        return form

    def _results_table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setObjectName("loan-check-results")
        table.setAccessibleName(self.tr("Files compared with the manifest"))
        table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Result"), self.tr("SHA-256 on the medium")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setMinimumHeight(110)
        table.hide()
        return table

    def _forget(self) -> None:
        """Another folder: the last check no longer applies."""
        if self.checking:
            return
        self.check = None
        self.ok_button().setEnabled(False)
        self.verdict.hide()
        self.results.hide()

    def run_check(self) -> None:
        if self.checking or self.busy:
            return
        self.check_error.hide()
        self.fields.clear()
        folder = folder_path(self.folder)
        if folder is None:
            show_error(self.fields.error_of("folder"), self.tr("Choose a folder (a whole path)."))
            self.folder.setFocus()
            self.grow_to_fit()
            return
        self._forget()
        self.checking = True
        self.check_button.setEnabled(False)
        self.busy_line.start(self.tr("Reading and hashing every file on the medium…"))
        self.grow_to_fit()
        loans, loan_id = self.loans, self.loan.id
        run_in_background(
            self, lambda: loans.check_return(loan_id, folder), self._checked, self._check_failed
        )

    def _checked(self, check: PackageCheck) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        self.busy_line.stop()
        self.check = check
        self._show_files(check)
        self._show_verdict(check)
        self.ok_button().setEnabled(True)
        (self.ok_button() if check.intact else self.note).setFocus()
        self.grow_to_fit()

    def _check_failed(self, exc: Exception) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        self.busy_line.stop()
        if not self.fields.show(exc):
            show_error(self.check_error, describe(exc))
        self.grow_to_fit()

    def _show_files(self, check: PackageCheck) -> None:
        self.results.setRowCount(0)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        for row, f in enumerate(check.files):
            self.results.insertRow(row)
            result = QTableWidgetItem(file_state_label(f.state))
            if f.state is not FileState.OK:
                result.setForeground(ALERT)
            sha = QTableWidgetItem(f.actual_sha256 or "—")
            sha.setFont(mono)
            sha.setToolTip(self.tr("The manifest says %1").replace("%1", f.expected_sha256))
            for col, item in (
                (self.FILE, QTableWidgetItem(f.name)),
                (self.RESULT, result),
                (self.SHA, sha),
            ):
                self.results.setItem(row, col, item)
        self.results.show()

    def _show_verdict(self, check: PackageCheck) -> None:
        total, bad = len(check.files), len(check.problems)
        if check.intact:
            text = self.tr("✔ All %1 file(s) match the manifest: returned intact.").replace(
                "%1", str(total)
            )
            colour = OK_COLOUR
        else:
            text = (
                self.tr(
                    "⚠ %1 of %2 file(s) differ from the manifest: returned altered. "
                    "Say in the note what happened."
                )
                .replace("%1", str(bad))
                .replace("%2", str(total))
            )
            colour = ALERT.name()
        if check.extra:
            text += "\n" + self.tr("Files on the medium the manifest does not name: %1").replace(
                "%1", ", ".join(check.extra)
            )
        self.verdict.setText(text)
        self.verdict.setAccessibleName(text)
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.verdict.show()

    def accept(self) -> None:
        if self.check is None or self.checking:
            return
        super().accept()

    def call(self) -> Callable[[], Any]:
        loans, actor, loan_id, check = self.loans, self.actor, self.loan.id, self.check
        note = self.note.toPlainText()
        assert check is not None
        return lambda: loans.close_returned(actor, loan_id, check, note)


# -- the other ends and changes ---------------------------------------------------------------


class DestroyedDialog(LoanStepDialog):
    def __init__(self, ctx: PaneContext, loan: LoanView, parent: QWidget) -> None:
        super().__init__(
            QCoreApplication.translate("LoanSteps", "Medium destroyed (loan %1)"),
            ctx,
            loan,
            parent,
            QCoreApplication.translate(
                "LoanSteps", "The medium was destroyed in front of a witness, who is named here."
            ),
        )
        self.witness = QLineEdit()
        self.witness.setMaxLength(MAX_NAME)
        self.note = text_field(self.tr("How it was destroyed"))
        self.fields.add(self.tr("&Witness"), self.witness, "loan-witness", "witness")
        self.fields.add(self.tr("&Note"), self.note, "loan-destroyed-note", "note")
        self.finish_layout(self.tr("&Close the loan"))
        self.witness.setFocus()

    def call(self) -> Callable[[], Any]:
        loans, actor, loan_id = self.loans, self.actor, self.loan.id
        witness, note = self.witness.text(), self.note.toPlainText()
        return lambda: loans.close_destroyed(actor, loan_id, witness, note)


@dataclass(frozen=True)
class TextStep:
    """A step that takes one text, and the core call it makes with it."""

    title: str  # %1: the loan's number
    label: str
    key: str  # the field core's refusals name
    placeholder: str
    ok: str
    run: Callable[[LoanService, Actor, int, str], LoanView]
    note: str = ""


def close_text() -> str:
    return QCoreApplication.translate("LoanSteps", "&Close the loan")


def lost_step(loan: LoanView) -> TextStep:
    return TextStep(
        QCoreApplication.translate("LoanSteps", "Medium lost (loan %1)"),
        QCoreApplication.translate("LoanSteps", "&What happened"),
        "note",
        QCoreApplication.translate("LoanSteps", "When and how the borrower lost it; who was told"),
        close_text(),
        lambda loans, actor, loan_id, text: loans.close_lost(actor, loan_id, text),
        QCoreApplication.translate(
            "LoanSteps", "A lost medium carries legal liability: say what happened."
        ),
    )


def cancel_step(loan: LoanView) -> TextStep:
    return TextStep(
        QCoreApplication.translate("LoanSteps", "Cancel loan %1"),
        QCoreApplication.translate("LoanSteps", "&Reason"),
        "reason",
        QCoreApplication.translate("LoanSteps", "Why the loan is withdrawn"),
        QCoreApplication.translate("LoanSteps", "Cancel the &loan"),
        lambda loans, actor, loan_id, text: loans.cancel(actor, loan_id, text),
    )


def close_viewing_step(loan: LoanView) -> TextStep:
    return TextStep(
        QCoreApplication.translate("LoanSteps", "Close the viewing (loan %1)"),
        QCoreApplication.translate("LoanSteps", "&Note"),
        "note",
        QCoreApplication.translate("LoanSteps", "Optional: what was seen, who came"),
        close_text(),
        lambda loans, actor, loan_id, text: loans.close_viewed(actor, loan_id, text),
        QCoreApplication.translate("LoanSteps", "%1 viewing(s) recorded.").replace(
            "%1", str(loan.views)
        ),
    )


class NoteDialog(LoanStepDialog):
    """A step that takes one text: a loss, a cancellation, a viewing done."""

    def __init__(
        self,
        ctx: PaneContext,
        loan: LoanView,
        parent: QWidget,
        make: Callable[[LoanView], TextStep],
    ) -> None:
        self.step = make(loan)
        super().__init__(self.step.title, ctx, loan, parent, self.step.note)
        self.text = text_field(self.step.placeholder)
        self.fields.add(self.step.label, self.text, f"loan-{self.step.key}", self.step.key)
        self.finish_layout(self.step.ok)
        self.text.setFocus()

    def call(self) -> Callable[[], Any]:
        run, loans, actor, loan_id = self.step.run, self.loans, self.actor, self.loan.id
        text = self.text.toPlainText()
        return lambda: run(loans, actor, loan_id, text)


class ExtendDialog(LoanStepDialog):
    def __init__(self, ctx: PaneContext, loan: LoanView, parent: QWidget) -> None:
        super().__init__(
            QCoreApplication.translate("LoanSteps", "New due date (loan %1)"),
            ctx,
            loan,
            parent,
        )
        now = self.loans.clock()
        due = max(loan.due_at, now).replace(second=0, microsecond=0)
        self.due = SiteTimeEdit(self.tz, due + timedelta(days=EXTEND_BY_DAYS))
        self.reason = text_field(self.tr("The borrower asked, and why"))
        self.fields.add(self.tr("New &due date"), self.due, "loan-new-due", "due_at")
        self.fields.add(self.tr("&Reason"), self.reason, "loan-extend-reason", "reason")
        self.finish_layout(self.tr("&Extend"))
        self.due.setFocus()

    def call(self) -> Callable[[], Any]:
        loans, actor, loan_id = self.loans, self.actor, self.loan.id
        due, reason = self.due.value(), self.reason.toPlainText()
        return lambda: loans.extend(actor, loan_id, due, reason)


# -- viewing on site --------------------------------------------------------------------------


class RangeChoiceDialog(QDialog):
    """Which of a loan's ranges to view on site (Enter on a row plays it)."""

    chosen = Signal(object)  # RangeView

    def __init__(self, loan: LoanView, tz: tzinfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.loan = loan
        title = self.tr("View loan %1 on site").replace("%1", str(loan.id))
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("loan-range-choice")
        self.ranges = QListWidget()
        self.ranges.setObjectName("loan-range-list")
        self.ranges.setAccessibleName(self.tr("Cameras and times of the loan"))
        self.ranges.addItems([range_text(r, tz) for r in loan.ranges])
        self.ranges.setCurrentRow(0)
        self.ranges.itemActivated.connect(lambda _item: self.accept())
        caption = QLabel(self.tr("&Which camera and time:"))
        caption.setBuddy(self.ranges)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.ranges)
        self.buttons = ok_cancel(self, self.tr("&View"))
        layout.addWidget(self.buttons)
        self.ranges.setFocus()

    def accept(self) -> None:
        row = self.ranges.currentRow()
        if 0 <= row < len(self.loan.ranges):
            self.chosen.emit(self.loan.ranges[row])
        super().accept()
