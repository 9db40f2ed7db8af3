"""The footage-loans pane (rule 3.4.3), driven as an operator and a manager would: offscreen,
demo site, real H.264 recordings, real core, real receipt writer, no stand-ins."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLineEdit
from sqlalchemy import select

from console.core.auth import Actor, Role
from console.core.desk import Desk
from console.core.loans import (
    BorrowerKind,
    LoanForm,
    LoanMode,
    LoanState,
    LoanView,
    Medium,
    RangeForm,
)
from console.core.packages import MANIFEST, RECEIPT
from console.core.visits import IdType, mask_id, resident_id_check
from console.ui import panes
from console.ui.bridge import BusBridge
from console.ui.loan_dialog import LoanRequestDialog
from console.ui.loan_receipt import write_loan_receipt
from console.ui.loan_steps import (
    DecisionDialog,
    DestroyedDialog,
    ExtendDialog,
    NoteDialog,
    PackageDialog,
    RangeChoiceDialog,
    ReturnDialog,
)
from console.ui.loans_pane import ALERT, LoanModel, LoansPane
from console.ui.panes import PaneContext
from schema.models import AuditRecord
from tests import footage
from tests.clock import Clock
from tests.conftest import OPERATOR_PASSWORD
from tests.gui.conftest import open_window
from tests.gui.test_mainwindow import _unnamed
from tests.gui.test_visit_dialog import type_text

SPEC = {spec.key: spec for spec in panes.registered()}["loans"]
CAMERA = "east-gate"  # recorded in the demo site
MANAGER_PASSWORD = "manager-pass-1"
RESIDENT_ID = "11010519900307123" + resident_id_check("11010519900307123")
POLICE_ID = "JX110234"
OFFICER2_ID = "JX110877"
OTHER_POLICE_ID = "JX555666"


@pytest.fixture
def manager(desk: Desk, admin) -> Actor:
    return desk.auth.add_user(admin, "boss", "管理处主任", Role.MANAGER, MANAGER_PASSWORD)


@pytest.fixture
def li(desk: Desk, operator, manager) -> Actor:
    """The operator on duty at the desk (logged in, so core refuses them as approver)."""
    return desk.login("li", OPERATOR_PASSWORD)


@pytest.fixture
def recorded(desk: Desk) -> datetime:
    """Ten seconds of real footage of CAMERA, ending five minutes ago; returns its start."""
    start = (desk.loans.clock() - timedelta(minutes=5, seconds=10)).replace(microsecond=0)
    footage.index_segment(desk, CAMERA, start, 10)
    return start


@pytest.fixture
def ctx(desk: Desk, li: Actor) -> Iterator[PaneContext]:
    bridge = BusBridge(desk.bus)
    yield PaneContext(desk, li, bridge)
    bridge.close()


def open_pane(qtbot, ctx: PaneContext) -> LoansPane:
    pane = LoansPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1200, 760)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.loaded is not None)
    return pane


@pytest.fixture
def pane(qtbot, ctx: PaneContext) -> LoansPane:
    return open_pane(qtbot, ctx)


def form(start: datetime, kind: BorrowerKind = BorrowerKind.POLICE, **kw) -> LoanForm:
    police = kind is BorrowerKind.POLICE
    values = {
        "borrower_kind": kind,
        "borrower_name": "赵警官" if police else "钱业主",
        "id_type": IdType.POLICE if police else IdType.RESIDENT_ID,
        "id_number": POLICE_ID if police else RESIDENT_ID,
        "purpose": "车库盗窃案调查" if police else "车辆剐蹭",
        "ranges": [RangeForm(CAMERA, start + timedelta(seconds=1), start + timedelta(seconds=8))],
        "due_at": datetime.now().astimezone() + timedelta(days=7),
        "organisation": "翠湖派出所" if police else "",
        "phone": "13812345678",
        "case_no": "JQ2024-0618" if police else "",
        "officer2_name": "孙警官" if police else "",
        "officer2_id_number": OFFICER2_ID if police else "",
        "mode": LoanMode.COPY,
        "medium": Medium.USB,
        "medium_serial": "SN-0042",
    }
    return LoanForm(**(values | kw))


def lent(desk: Desk, actor: Actor, start: datetime, folder: Path, **kw) -> LoanView:
    """A loan approved by the manager and packaged, through core."""
    view = desk.loans.request(actor, form(start, **kw))
    desk.loans.approve(view.id, "boss", MANAGER_PASSWORD, copy_reason="insurance")
    return desk.loans.package(actor, view.id, folder, write_loan_receipt)


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok(qtbot, dialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def column(pane: LoansPane, col: int) -> list[str]:
    return [pane.model.index(r, col).data() for r in range(pane.model.rowCount())]


def row_ids(pane: LoansPane) -> list[int]:
    return [view.id for view in pane.model.rows]


def shown(qtbot, pane: LoansPane, status: str) -> list[int]:
    """Switch the filter; the loans it shows, once loaded."""
    pane.show_filter(status)
    qtbot.waitUntil(lambda: pane.loaded is not None and pane.loaded.status == status)
    return row_ids(pane)


def state_of(pane: LoansPane, loan_id: int) -> str:
    return pane.model.index(pane.model.row_of(loan_id), LoanModel.STATE).data()


def select_loan(qtbot, pane: LoansPane, loan_id: int) -> None:
    qtbot.waitUntil(lambda: pane.model.row_of(loan_id) >= 0)
    pane.table.select_id(loan_id)
    assert pane.selected() is not None
    assert pane.selected().id == loan_id


def step(qtbot, pane: LoansPane, key: str, kind: type):
    """Trigger a step's action; returns the dialog it opened."""
    assert pane.action(key).isEnabled(), key
    pane.action(key).trigger()
    dialog = pane.dialog
    assert isinstance(dialog, kind)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # focus moves for real: keys and echo modes work
    return dialog


def closed(qtbot, pane: LoansPane, dialog) -> None:
    qtbot.waitUntil(lambda: pane.dialog is not dialog, timeout=10_000)


def audit_actions(desk: Desk) -> list[str]:
    with desk.db.read() as s:
        return list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.seq)))


def fill_request(qtbot, dialog: LoanRequestDialog, start: datetime) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(BorrowerKind.POLICE.value))
    type_text(qtbot, dialog.name, "赵警官")
    type_text(qtbot, dialog.organisation, "翠湖派出所")
    type_text(qtbot, dialog.id_number.edit, POLICE_ID)
    type_text(qtbot, dialog.phone, "13812345678")
    type_text(qtbot, dialog.purpose, "车库盗窃案调查")
    type_text(qtbot, dialog.case_no, "JQ2024-0618")
    type_text(qtbot, dialog.officer2_name, "孙警官")
    type_text(qtbot, dialog.officer2_id.edit, OFFICER2_ID)
    dialog.ranges.set_row(0, CAMERA, start + timedelta(seconds=1), start + timedelta(seconds=8))
    dialog.medium.setCurrentIndex(dialog.medium.findData(Medium.USB.value))
    type_text(qtbot, dialog.serial, "SN-0042")


# -- the pane ------------------------------------------------------------------------------------


def test_the_pane_is_registered_with_its_menu_and_shortcuts(pane: LoansPane) -> None:
    assert SPEC.menu_title is not None
    assert (SPEC.shortcut, SPEC.title(), SPEC.menu_title()) == ("Ctrl+0", "Footage loans", "&Loans")
    assert SPEC.tab_with == "visits"
    keys = {a.text(): a.shortcut().toString() for a in pane.menu_actions()}
    assert keys["&New loan request…"] == "Ctrl+Shift+B"
    assert keys["&Approve or refuse…"] == "Ctrl+Shift+A"
    assert keys["Make &package…"] == "Ctrl+Shift+P"
    assert keys["&View on site"] == "Ctrl+Shift+W"
    assert keys["Record &return…"] == "Ctrl+Shift+E"
    headers = [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert all(headers)
    assert headers[LoanModel.STATE] == "State"
    # nothing selected: only a new request can be made
    assert [k for k, a in pane._actions.items() if a.isEnabled()] == ["new"]
    assert _unnamed(pane) == []


def test_full_flow_from_request_to_return(
    qtbot, pane: LoansPane, desk: Desk, recorded: datetime, tmp_path: Path, artifacts: Path
) -> None:
    # the request, as the operator types it
    request = step(qtbot, pane, "new", LoanRequestDialog)
    assert request.borrower_kind() is BorrowerKind.POLICE
    request.kind.setCurrentIndex(request.kind.findData(BorrowerKind.RESIDENT.value))
    assert request.loan_mode() is LoanMode.VIEW  # residents view on site by default
    assert not request.medium.isVisible()
    assert not request.serial.isVisible()
    assert not request.officer_box.isVisible()
    fill_request(qtbot, request, recorded)
    assert request.loan_mode() is LoanMode.COPY  # the police take a copy
    assert request.officer_box.isVisible()
    assert request.serial.isVisible()
    assert request.fields.captions["case_no"].text().endswith("*")
    assert request.id_number.masked.text() == "→ " + mask_id(POLICE_ID)
    assert POLICE_ID not in request.id_number.edit.displayText()  # left: shown only masked
    assert _unnamed(request) == []
    request.grab().save(str(artifacts / "loan-request.png"))
    ok(qtbot, request)
    closed(qtbot, pane, request)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    loan = pane.model.rows[0]
    assert (loan.borrower_name, loan.state, loan.mode) == (
        "赵警官",
        LoanState.REQUESTED,
        LoanMode.COPY,
    )
    assert loan.id_masked == mask_id(POLICE_ID)
    assert loan.officer2_name == "孙警官"
    assert state_of(pane, loan.id) == "Awaiting approval"
    cells = [str(pane.model.index(0, c).data()) for c in range(8)] + [pane.detail.toPlainText()]
    assert not [c for c in cells if POLICE_ID in c or OFFICER2_ID in c]
    assert mask_id(POLICE_ID) in pane.detail.toPlainText()
    assert pane.action("decide").isEnabled()
    assert not pane.action("package").isEnabled()

    # the manager approves with their own password: the footage is locked
    decision = step(qtbot, pane, "decide", DecisionDialog)
    assert decision.password.echoMode() == QLineEdit.EchoMode.Password
    assert not decision.reasons.buttons()  # a police copy needs no resident's reason
    type_text(qtbot, decision.user, "boss")
    type_text(qtbot, decision.password, MANAGER_PASSWORD)
    ok(qtbot, decision)
    closed(qtbot, pane, decision)
    qtbot.waitUntil(lambda: state_of(pane, loan.id) == "Approved — to be packaged")
    locks = desk.recordings.locks()
    assert [(lk.camera_id, lk.ref) for lk in locks] == [(CAMERA, f"loan:{loan.id}")]
    assert "Decision: Approved " in pane.detail.toPlainText()
    assert pane.detail.toPlainText().split("Decision: ")[1].startswith("Approved 20")

    # the package: remux, manifest, receipt, in a folder of its own under the one chosen
    package = step(qtbot, pane, "package", PackageDialog)
    assert package.folder.text() == str(desk.site.loans_dir())
    assert _unnamed(package) == []
    package.folder.setText(str(tmp_path / "medium"))
    ok(qtbot, package)
    assert package.busy_line.isVisible()
    qtbot.waitUntil(lambda: package.result_label.isVisible(), timeout=30_000)
    done = desk.loans.get(loan.id)
    folder = Path(done.package_dir)
    assert folder == tmp_path / "medium" / f"loan-{loan.id:04d}"
    assert done.manifest_sha256 in package.result_label.text()
    assert str(folder) in package.result_label.text()
    files = sorted(p.name for p in folder.iterdir())
    assert MANIFEST in files
    assert RECEIPT in files
    assert any(f.endswith(".mp4") for f in files)
    assert (folder / RECEIPT).read_bytes().startswith(b"%PDF")
    package.reject()
    closed(qtbot, pane, package)
    qtbot.waitUntil(lambda: state_of(pane, loan.id) == "Out on loan")
    assert done.manifest_sha256 in pane.detail.toPlainText()

    # the return: the medium is re-hashed against the manifest the desk kept
    back = step(qtbot, pane, "return", ReturnDialog)
    ok_button = back.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok_button.isEnabled()  # nothing checked yet
    back.folder.setText(str(folder))
    click(qtbot, back.check_button)
    qtbot.waitUntil(lambda: back.verdict.isVisible(), timeout=30_000)
    assert back.verdict.text().startswith("✔ All 1 file(s) match the manifest")
    assert back.results.item(0, ReturnDialog.RESULT).text() == "✔ Matches"
    assert _unnamed(back) == []
    ok(qtbot, back)
    closed(qtbot, pane, back)
    assert pane.status() == "open"
    qtbot.waitUntil(lambda: row_ids(pane) == [])  # closed loans leave the open ones
    assert shown(qtbot, pane, "closed") == [loan.id]
    assert state_of(pane, loan.id) == "Closed — Returned intact"
    assert desk.recordings.locks() == []  # the evidence lock went with the loan
    report = desk.loans.get(loan.id).return_report
    assert report is not None
    assert report["intact"] is True
    assert [a for a in audit_actions(desk) if a.startswith("loan.")] == [
        "loan.request",
        "loan.approve",
        "loan.package",
        "loan.close",
    ]
    assert not any(pane._actions[k].isEnabled() for k in ("decide", "package", "return"))


def test_a_residents_copy_needs_a_ticked_reason(
    qtbot, pane: LoansPane, desk: Desk, li: Actor, recorded: datetime
) -> None:
    loan = desk.loans.request(li, form(recorded, BorrowerKind.RESIDENT))
    assert loan.needs_copy_reason()
    select_loan(qtbot, pane, loan.id)
    decision = step(qtbot, pane, "decide", DecisionDialog)
    assert [b.isVisible() for b in decision.reasons.buttons()] == [True] * 5
    assert _unnamed(decision) == []
    type_text(qtbot, decision.user, "boss")
    type_text(qtbot, decision.password, MANAGER_PASSWORD)
    ok(qtbot, decision)
    error = decision.fields.error_of("copy_reason")
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "⚠ A copy for a resident needs a reason: tick one."
    assert decision.isVisible()
    assert desk.loans.get(loan.id).state is LoanState.REQUESTED
    assert desk.recordings.locks() == []

    insurance = decision.findChild(QAbstractButton, "loan-reason-insurance")
    qtbot.mouseClick(insurance, Qt.MouseButton.LeftButton, pos=QPoint(8, insurance.height() // 2))
    assert [b.isChecked() for b in decision.reasons.buttons()] == [False, False, True, False, False]
    ok(qtbot, decision)
    closed(qtbot, pane, decision)
    approved = desk.loans.get(loan.id)
    assert (approved.state, approved.copy_reason) == (LoanState.APPROVED, "insurance")
    qtbot.waitUntil(lambda: "Copy reason: Insurance claim" in pane.detail.toPlainText())


def test_only_a_manager_who_neither_filed_it_nor_is_on_duty_decides(
    qtbot, desk: Desk, li: Actor, manager: Actor, recorded: datetime
) -> None:
    boss = desk.login("boss", MANAGER_PASSWORD)  # the manager at the desk files a request
    bridge = BusBridge(desk.bus)
    try:
        pane = open_pane(qtbot, PaneContext(desk, boss, bridge))
        loan = desk.loans.request(boss, form(recorded))
        select_loan(qtbot, pane, loan.id)
        decision = step(qtbot, pane, "decide", DecisionDialog)

        def attempt(name: str, password: str) -> str:
            decision.user.setText(name)
            decision.password.setText(password)
            decision.error.hide()
            ok(qtbot, decision)
            qtbot.waitUntil(decision.error.isVisible)
            return decision.error.text()

        assert attempt("boss", "") == "⚠ The manager enters their user name and password."
        assert attempt("boss", "not-the-password") == "⚠ Wrong user name or password."
        assert decision.password.text() == ""  # cleared, for the next try
        assert attempt("li", OPERATOR_PASSWORD) == "⚠ Your role does not allow this."
        assert attempt("boss", MANAGER_PASSWORD) == (
            "⚠ Whoever filed the request cannot decide it: another manager decides."
        )
        # refusing needs a reason, said under the note
        decision.user.setText("boss")
        decision.password.setText(MANAGER_PASSWORD)
        click(qtbot, decision.refuse_button)
        qtbot.waitUntil(decision.fields.error_of("note").isVisible)
        assert decision.fields.error_of("note").text() == "⚠ Give the reason."
        assert desk.loans.get(loan.id).state is LoanState.REQUESTED
        decision.reject()
        closed(qtbot, pane, decision)
    finally:
        bridge.close()


def test_a_manager_refuses_with_a_reason(
    qtbot, pane: LoansPane, desk: Desk, li: Actor, recorded: datetime
) -> None:
    loan = desk.loans.request(li, form(recorded))
    select_loan(qtbot, pane, loan.id)
    decision = step(qtbot, pane, "decide", DecisionDialog)
    type_text(qtbot, decision.user, "boss")
    type_text(qtbot, decision.password, MANAGER_PASSWORD)
    type_text(qtbot, decision.note, "no case file shown")
    click(qtbot, decision.refuse_button)
    closed(qtbot, pane, decision)
    refused = desk.loans.get(loan.id)
    assert (refused.state, refused.decision_note) == (LoanState.REFUSED, "no case file shown")
    assert desk.recordings.locks() == []
    assert shown(qtbot, pane, "closed") == [loan.id]
    assert state_of(pane, loan.id) == "Refused"
    assert "no case file shown" in pane.detail.toPlainText()


def test_an_altered_return_needs_a_note_and_ends_altered(
    qtbot, pane: LoansPane, desk: Desk, li: Actor, recorded: datetime, tmp_path: Path
) -> None:
    loan = lent(desk, li, recorded, tmp_path)
    folder = Path(loan.package_dir)
    clip = next(folder.glob("*.mp4"))
    data = bytearray(clip.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one byte flipped: the same size, another SHA-256
    clip.write_bytes(bytes(data))

    select_loan(qtbot, pane, loan.id)
    back = step(qtbot, pane, "return", ReturnDialog)
    back.folder.setText(str(folder))
    click(qtbot, back.check_button)
    qtbot.waitUntil(back.verdict.isVisible, timeout=30_000)
    assert back.verdict.text().startswith("⚠ 1 of 1 file(s) differ from the manifest")
    assert back.results.item(0, ReturnDialog.FILE).text() == clip.name
    assert back.results.item(0, ReturnDialog.RESULT).text() == "✖ Changed (other SHA-256)"
    assert back.results.item(0, ReturnDialog.RESULT).foreground().color() == ALERT
    ok(qtbot, back)  # without a note
    qtbot.waitUntil(back.fields.error_of("note").isVisible)
    assert back.fields.error_of("note").text() == (
        "⚠ The medium came back altered: say in the note what happened."
    )
    assert desk.loans.get(loan.id).state is LoanState.LENT
    type_text(qtbot, back.note, "borrower re-saved the clip")
    ok(qtbot, back)
    closed(qtbot, pane, back)
    ended = desk.loans.get(loan.id)
    assert (ended.state, ended.outcome) == (LoanState.CLOSED, "altered")
    assert ended.return_report is not None
    assert ended.return_report["intact"] is False
    assert desk.recordings.locks() == []
    assert shown(qtbot, pane, "closed") == [loan.id]
    index = pane.model.index(0, LoanModel.STATE)
    assert index.data() == "Closed — Returned altered"
    assert index.data(Qt.ItemDataRole.ForegroundRole) == ALERT


def test_overdue_loans_show_a_banner_and_marked_rows_and_filters_select(
    qtbot, desk: Desk, ctx: PaneContext, li: Actor, recorded: datetime, tmp_path: Path, artifacts
) -> None:
    out = lent(desk, li, recorded, tmp_path, borrower_name="周警官", id_number=OTHER_POLICE_ID)
    waiting = desk.loans.request(li, form(recorded, borrower_name="吴警官"))
    withdrawn = desk.loans.request(li, form(recorded, borrower_name="郑警官"))
    desk.loans.cancel(li, withdrawn.id, "the police came back with another request")
    clock = Clock(desk.loans.clock() + timedelta(days=8))  # a week's loan, a day late
    desk.set_clock(clock)

    pane = open_pane(qtbot, ctx)  # reminds at start, then reloads
    qtbot.waitUntil(lambda: pane.banner.isVisible())
    assert pane.banner.text.text() == (
        "1 loan(s) overdue: chase the borrowers and record the returns."
    )
    assert pane.filters.tabText(1) == "Overdue (1) ⚠"
    assert row_ids(pane) == [waiting.id, out.id]  # open ones, newest first
    late = pane.model.index(pane.model.row_of(out.id), LoanModel.STATE)
    assert late.data().startswith("⚠ Overdue since ")
    assert late.data().endswith("— Out on loan")
    assert late.data(Qt.ItemDataRole.ForegroundRole) == ALERT
    due = pane.model.index(pane.model.row_of(out.id), LoanModel.DUE)
    assert due.data(Qt.ItemDataRole.ForegroundRole) == ALERT
    assert state_of(pane, waiting.id) == "Awaiting approval"
    reminders = [a for a in audit_actions(desk) if a == "loan.overdue"]
    assert reminders == ["loan.overdue"]  # written by core when the pane asked, at its start
    select_loan(qtbot, pane, out.id)
    assert _unnamed(pane) == []
    pane.grab().save(str(artifacts / "loans-pane.png"))

    click(qtbot, pane.banner.button)
    assert pane.status() == "overdue"
    qtbot.waitUntil(lambda: pane.loaded.status == "overdue")
    assert row_ids(pane) == [out.id]
    assert shown(qtbot, pane, "closed") == [withdrawn.id]
    assert state_of(pane, withdrawn.id) == "Cancelled"
    assert shown(qtbot, pane, "all") == [withdrawn.id, waiting.id, out.id]

    def found(text: str) -> list[int]:
        pane.search.clear()
        type_text(qtbot, pane.search, text)  # reloads a moment after typing stops
        qtbot.waitUntil(lambda: pane.loaded.text == text)
        return row_ids(pane)

    assert found("吴警官") == [waiting.id]
    assert found(OTHER_POLICE_ID) == [out.id]  # a whole ID number, matched by its keyed hash
    assert found("JX5556") == []  # never a part of one: only hashes are stored

    # the loan goes back: the banner goes
    desk.loans.close_destroyed(li, out.id, "王保安", "shredded at the desk")
    qtbot.waitUntil(lambda: not pane.banner.isVisible())
    assert pane.filters.tabText(1) == "Overdue"


def test_the_steps_follow_the_state_and_the_other_ends_close_the_loan(
    qtbot, pane: LoansPane, desk: Desk, li: Actor, recorded: datetime, tmp_path: Path
) -> None:
    def enabled(loan_id: int) -> set[str]:
        select_loan(qtbot, pane, loan_id)
        return {k for k, a in pane._actions.items() if a.isEnabled()}

    first = lent(desk, li, recorded, tmp_path / "a")
    second = lent(desk, li, recorded, tmp_path / "b", borrower_name="冯警官")
    asked = desk.loans.request(li, form(recorded, borrower_name="陈警官"))
    viewing = desk.loans.request(li, form(recorded, BorrowerKind.RESIDENT, mode=LoanMode.VIEW))
    desk.loans.approve(viewing.id, "boss", MANAGER_PASSWORD)
    qtbot.waitUntil(lambda: len(row_ids(pane)) == 4)
    out = {"new", "return", "destroyed", "lost", "extend"}
    assert enabled(first.id) == out
    assert enabled(asked.id) == {"new", "decide", "cancel"}
    assert enabled(viewing.id) == {"new", "view", "extend", "cancel"}  # nothing viewed yet

    # a new due date, with the reason
    select_loan(qtbot, pane, first.id)
    extend = step(qtbot, pane, "extend", ExtendDialog)
    new_due = extend.due.value()
    assert new_due == first.due_at.astimezone(pane.tz).replace(second=0, microsecond=0) + (
        timedelta(days=7)
    )
    type_text(qtbot, extend.reason, "the court asked for another week")
    ok(qtbot, extend)
    closed(qtbot, pane, extend)
    assert desk.loans.get(first.id).due_at == new_due

    # destroyed before a witness, who is someone else
    select_loan(qtbot, pane, first.id)
    gone = step(qtbot, pane, "destroyed", DestroyedDialog)
    type_text(qtbot, gone.witness, "li")
    ok(qtbot, gone)
    qtbot.waitUntil(gone.fields.error_of("witness").isVisible)
    assert gone.fields.error_of("witness").text() == (
        "⚠ The witness must be someone other than you."
    )
    gone.witness.clear()
    type_text(qtbot, gone.witness, "王保安")
    ok(qtbot, gone)
    closed(qtbot, pane, gone)
    assert (desk.loans.get(first.id).outcome, desk.loans.get(first.id).witness) == (
        "destroyed",
        "王保安",
    )

    # lost: say what happened
    select_loan(qtbot, pane, second.id)
    lost = step(qtbot, pane, "lost", NoteDialog)
    assert lost.windowTitle() == f"Medium lost (loan {second.id})"
    ok(qtbot, lost)
    qtbot.waitUntil(lost.fields.error_of("note").isVisible)
    assert lost.fields.error_of("note").text() == "⚠ Say what happened to the medium."
    type_text(qtbot, lost.text, "lost on the bus")
    ok(qtbot, lost)
    closed(qtbot, pane, lost)
    assert desk.loans.get(second.id).outcome == "lost"

    # a request withdrawn, with its reason
    select_loan(qtbot, pane, asked.id)
    cancel = step(qtbot, pane, "cancel", NoteDialog)
    type_text(qtbot, cancel.text, "duplicate request")
    ok(qtbot, cancel)
    closed(qtbot, pane, cancel)
    assert desk.loans.get(asked.id).state is LoanState.CANCELLED

    # a viewing done at the desk closes as viewed
    r = viewing.ranges[0]
    desk.loans.record_view(li, CAMERA, r.start, r.end, loan_id=viewing.id, context="loan")
    qtbot.waitUntil(lambda: pane.selected() is not None and pane.selected().views == 1)
    assert enabled(viewing.id) == {"new", "view", "extend", "close_view"}
    done = step(qtbot, pane, "close_view", NoteDialog)
    assert "1 viewing(s) recorded." in done.intro.text()
    ok(qtbot, done)
    closed(qtbot, pane, done)
    assert desk.loans.get(viewing.id).outcome == "viewed"
    assert desk.recordings.locks() == []
    qtbot.waitUntil(lambda: row_ids(pane) == [])  # nothing open any more


def test_view_on_site_opens_the_range_in_the_playback_pane(
    qtbot, desk: Desk, li: Actor, recorded: datetime
) -> None:
    from console.ui.playback_pane import PlaybackPane

    first = RangeForm(CAMERA, recorded + timedelta(seconds=1), recorded + timedelta(seconds=4))
    second = RangeForm(CAMERA, recorded + timedelta(seconds=5), recorded + timedelta(seconds=9))
    one = desk.loans.request(li, form(recorded, BorrowerKind.RESIDENT, mode=LoanMode.VIEW))
    two = desk.loans.request(
        li, form(recorded, BorrowerKind.RESIDENT, mode=LoanMode.VIEW, ranges=[first, second])
    )
    for loan in (one, two):
        desk.loans.approve(loan.id, "boss", MANAGER_PASSWORD)
    window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    pane = window.docks["loans"].widget()
    player = window.docks["playback"].widget()
    assert isinstance(pane, LoansPane)
    assert isinstance(player, PlaybackPane)
    assert window.docks["playback"].visibleRegion().isEmpty()  # behind the wall's tab

    select_loan(qtbot, pane, one.id)
    pane.action("view").trigger()  # one range: played at once
    qtbot.waitUntil(lambda: player.loan is not None and player.loan.loan_id == one.id)
    r = one.ranges[0]
    assert (player.loan.camera_id, player.loan.start, player.loan.end) == (CAMERA, r.start, r.end)
    assert player.camera_id == CAMERA
    assert not window.docks["playback"].visibleRegion().isEmpty()  # raised over the wall

    select_loan(qtbot, pane, two.id)
    pane.action("view").trigger()  # two ranges: the operator picks one
    choice = pane.dialog
    assert isinstance(choice, RangeChoiceDialog)
    texts = [choice.ranges.item(i).text() for i in range(choice.ranges.count())]
    assert len(texts) == 2
    assert all(t.startswith("东门入口 ") for t in texts)
    assert _unnamed(choice) == []
    choice.ranges.setCurrentRow(1)
    ok(qtbot, choice)
    qtbot.waitUntil(lambda: player.loan is not None and player.loan.loan_id == two.id)
    assert player.loan.start == two.ranges[1].start
    window.close()
