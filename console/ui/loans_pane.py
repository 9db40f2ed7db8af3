"""Footage loans (录像借阅, rule 3.4.3): every request, approval, package, viewing and return.

A table of loans (open, overdue, closed or all, narrowed by a search), the selected loan in
full below it (ranges, decision, manifest SHA-256, package folder, return report, viewings),
and one action per step, enabled as the loan's state allows: file a request, have the manager
approve or refuse it, make the package, view the footage on site (the playback pane plays it
and records the viewing), record the return, and the other ends. A banner says, in words and
in red, how many loans are overdue; overdue rows say so in their state and are red.

The pane holds no rules: each step is a dialog (loan_dialog, loan_steps) whose OK is a call
into LoanService on the thread pool. The table reloads when core publishes "loan.changed" or
"loan.overdue"; every minute (and at start) the pane asks core for the overdue reminders,
which core writes to the duty log and publishes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTabBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.core.changes import database_back
from console.core.events import Event
from console.core.loans import (
    CopyReason,
    LoanFilter,
    LoanMode,
    LoanService,
    LoanState,
    LoanView,
    RangeView,
)
from console.core.loans import Outcome as LoanOutcome
from console.core.packages import FileState
from console.ui.forms import error_label, show_error
from console.ui.loan_dialog import LoanRequestDialog
from console.ui.loan_steps import (
    DecisionDialog,
    DestroyedDialog,
    ExtendDialog,
    LoanStepDialog,
    NoteDialog,
    PackageDialog,
    RangeChoiceDialog,
    ReturnDialog,
    TextStep,
    borrower_text,
    cancel_step,
    close_viewing_step,
    how_text,
    lost_step,
    range_text,
)
from console.ui.panes import PaneContext, PaneSpec, raise_dock, register
from console.ui.record_table import (
    ALERT,
    RecordTable,
    RecordTableModel,
    excerpt,
    html_block,
    html_line,
    local,
)
from console.ui.wording import (
    borrower_kind_label,
    copy_reason_label,
    describe_load,
    file_state_label,
    id_type_label,
    loan_outcome_label,
    loan_state_label,
)
from console.ui.worker import Reloader, run_in_background

FILTERS = ("open", "overdue", "closed", "all")
PROBLEM_OUTCOMES = frozenset({LoanOutcome.ALTERED.value, LoanOutcome.LOST.value})


def step_text(view: LoanView) -> str:
    """Where an open loan stands, or how it ended."""
    if view.state is LoanState.APPROVED:
        if view.mode is LoanMode.VIEW:
            return QCoreApplication.translate("LoansPane", "Approved — to be viewed")
        return QCoreApplication.translate("LoansPane", "Approved — to be packaged")
    if view.state is LoanState.CLOSED and view.outcome:
        return QCoreApplication.translate("LoansPane", "Closed — %1").replace(
            "%1", loan_outcome_label(LoanOutcome(view.outcome))
        )
    return loan_state_label(view.state)


def state_text(view: LoanView, now: datetime, tz: tzinfo) -> str:
    """The state in words; an overdue loan says so first (never by colour alone)."""
    if view.overdue(now):
        return (
            QCoreApplication.translate("LoansPane", "⚠ Overdue since %1 — %2")
            .replace("%1", local(view.due_at, tz))
            .replace("%2", step_text(view))
        )
    return step_text(view)


# -- the table ------------------------------------------------------------------------------------


class LoanModel(RecordTableModel[LoanView]):
    # the state early: a narrow dock still shows it
    NO, STATE, BORROWER, DUE, HOW, CAMERAS, KIND, FILED = range(8)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("LoansPane", "No."),
            QCoreApplication.translate("LoansPane", "State"),
            QCoreApplication.translate("LoansPane", "Borrower"),
            QCoreApplication.translate("LoansPane", "Due"),
            QCoreApplication.translate("LoansPane", "Viewing or copy"),
            QCoreApplication.translate("LoansPane", "Cameras"),
            QCoreApplication.translate("LoansPane", "Kind"),
            QCoreApplication.translate("LoansPane", "Filed"),
        ]

    def cell(self, view: LoanView, column: int) -> str:
        org = f" · {view.organisation}" if view.organisation else ""
        values: dict[int, Callable[[], str]] = {
            self.NO: lambda: str(view.id),
            self.FILED: lambda: local(view.created_at, self.tz),
            self.BORROWER: lambda: excerpt(view.borrower_name + org),
            self.KIND: lambda: borrower_kind_label(view.borrower_kind),
            self.HOW: lambda: how_text(view),
            self.CAMERAS: lambda: excerpt(
                ", ".join(dict.fromkeys(r.camera_name for r in view.ranges))
            ),
            self.DUE: lambda: local(view.due_at, self.tz),
            self.STATE: lambda: state_text(view, self.now, self.tz),
        }
        return values[column]() if column in values else ""

    def bold(self, view: LoanView) -> bool:
        return view.is_open

    def alert(self, view: LoanView, column: int) -> bool:
        if column in (self.DUE, self.STATE) and view.overdue(self.now):
            return True
        return column == self.STATE and view.outcome in PROBLEM_OUTCOMES

    def tooltip(self, view: LoanView, column: int) -> str | None:
        if column == self.BORROWER:
            return view.purpose
        if column == self.CAMERAS:
            return "\n".join(range_text(r, self.tz) for r in view.ranges)
        if column == self.STATE:
            return view.close_note or view.decision_note or None
        return None


# -- the detail -----------------------------------------------------------------------------------


class LoanDetail(QTextBrowser):
    """The selected loan in full (ID numbers and the phone masked)."""

    def __init__(self, tz: tzinfo) -> None:
        super().__init__()
        self.tz = tz
        self.setObjectName("loans-detail")
        self.setAccessibleName(self.tr("Selected loan, in full"))
        self.document().setDefaultStyleSheet(
            "p { margin-top: 1px; margin-bottom: 3px; } h3 { margin-bottom: 4px; }"
            " ul { margin-top: 0px; margin-bottom: 3px; }"
        )

    def show_loan(self, view: LoanView | None, now: datetime) -> None:
        if view is None:
            self.setHtml(html.escape(self.tr("No loan selected")))
            return
        title = (
            self.tr("Loan %1 · %2").replace("%1", str(view.id)).replace("%2", view.borrower_name)
        )
        problem = view.overdue(now) or view.outcome in PROBLEM_OUTCOMES
        colour = f" style='color: {ALERT.name()}'" if problem else ""
        state = html.escape(state_text(view, now, self.tz))
        parts = [f"<h3>{html.escape(title)} — <span{colour}>{state}</span></h3>"]
        parts += [html_line(label, value) for label, value in self._borrower(view) if value]
        parts.append(self._list(self.tr("Cameras and times:"), self._ranges(view)))
        parts += self._decision(view)
        parts += self._package(view)
        parts += self._end(view)
        self.setHtml("".join(parts))

    def when(self, moment: datetime | None, who: str | None = None) -> str:
        at = local(moment, self.tz, "%Y-%m-%d %H:%M")
        return self.tr("%1 by %2").replace("%1", at).replace("%2", who) if who else at

    @staticmethod
    def _list(label: str, items: list[str]) -> str:
        lines = "".join(f"<li>{html.escape(item)}</li>" for item in items)
        return f"<p><b>{html.escape(label)}</b></p><ul>{lines}</ul>"

    def _borrower(self, view: LoanView) -> list[tuple[str, str]]:
        officer = f"{view.officer2_name} {view.officer2_id_masked}" if view.officer2_name else ""
        ident = f"{id_type_label(view.id_type)} {view.id_masked} · {view.phone_masked}"
        return [
            (self.tr("Borrower:"), borrower_text(view)),
            (self.tr("ID and phone:"), ident),
            (self.tr("Purpose:"), view.purpose),
            (self.tr("Case or receipt no.:"), view.case_no),
            (self.tr("Second officer:"), officer),
            (self.tr("How:"), how_text(view)),
            (self.tr("Filed:"), self.when(view.created_at, view.requested_by)),
            (self.tr("Due:"), self.when(view.due_at)),
        ]

    def _ranges(self, view: LoanView) -> list[str]:
        return [range_text(r, self.tz) + (f" → {r.file}" if r.file else "") for r in view.ranges]

    def _decision(self, view: LoanView) -> list[str]:
        if view.decided_at is None:
            return [html_line(self.tr("Decision:"), self.tr("Waiting for the manager"))]
        word = self.tr("Refused") if view.state is LoanState.REFUSED else self.tr("Approved")
        parts = [
            html_line(self.tr("Decision:"), f"{word} {self.when(view.decided_at, view.decided_by)}")
        ]
        if view.copy_reason:
            reason = copy_reason_label(CopyReason(view.copy_reason))
            parts.append(html_line(self.tr("Copy reason:"), reason))
        if view.decision_note:
            parts.append(html_block(self.tr("Decision note:"), view.decision_note))
        return parts

    def _package(self, view: LoanView) -> list[str]:
        parts = []
        if view.manifest_sha256:
            sha = html.escape(self.tr("Manifest SHA-256:"))
            parts += [
                html_line(self.tr("Package made:"), self.when(view.exported_at, view.exported_by)),
                html_line(self.tr("Package folder:"), view.package_dir),
                f"<p><b>{sha}</b> <code>{html.escape(view.manifest_sha256)}</code></p>",
            ]
        if view.mode is LoanMode.VIEW or view.views:
            parts.append(html_line(self.tr("Viewings recorded:"), str(view.views)))
        return parts

    def _end(self, view: LoanView) -> list[str]:
        parts = []
        report = view.return_report
        if report is not None:
            files = [
                f"{f.get('file', '')}: {file_state_label(FileState(str(f.get('state'))))}"
                for f in report.get("files", [])
            ]
            parts.append(self._list(self.tr("Return check:"), files))
            if report.get("extra"):
                extra = ", ".join(report["extra"])
                parts.append(html_line(self.tr("Other files on the medium:"), extra))
        if view.closed_at is not None:
            parts.append(html_line(self.tr("Closed:"), self.when(view.closed_at, view.closed_by)))
        if view.outcome:
            outcome = loan_outcome_label(LoanOutcome(view.outcome))
            parts.append(html_line(self.tr("Outcome:"), outcome))
        if view.witness:
            parts.append(html_line(self.tr("Witness:"), view.witness))
        if view.close_note:
            parts.append(html_block(self.tr("Note:"), view.close_note))
        return parts


# -- the banner -----------------------------------------------------------------------------------


class OverdueBanner(QFrame):
    """While loans are overdue: how many, in words, with an icon; the red only adds."""

    def __init__(self, show_overdue: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("loans-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#loans-banner {{ background: #fdecea; border: 2px solid {ALERT.name()};"
            " border-radius: 4px; }"
            f" #loans-banner-text {{ color: {ALERT.name()}; font-size: 13pt; font-weight: bold; }}"
        )
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(24, 24)
        )
        self.text = QLabel()
        self.text.setObjectName("loans-banner-text")
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Show overdue loans"))
        self.button.setObjectName("loans-banner-show")
        self.button.setAccessibleName(self.tr("Show overdue loans"))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(lambda _checked=False: show_overdue())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_count(self, count: int) -> None:
        if count <= 0:
            self.hide()
            return
        text = self.tr("%1 loan(s) overdue: chase the borrowers and record the returns.").replace(
            "%1", str(count)
        )
        self.text.setText(text)
        self.setAccessibleName(text)
        self.show()


# -- the pane -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    now: datetime
    status: str  # the filter and search the rows are for
    text: str
    rows: list[LoanView]  # what the filter and search select
    overdue: list[LoanView]
    open_count: int


def load_loans(loans: LoanService, status: str, text: str) -> Loaded:
    """Worker thread: the loans the pane shows, and the overdue ones for the banner."""
    now = loans.clock()
    overdue = loans.loans(LoanFilter(status="overdue"))
    return Loaded(
        now=now,
        status=status,
        text=text,
        rows=loans.loans(LoanFilter(status=status, text=text)),
        overdue=overdue,
        open_count=len(loans.loans(LoanFilter(status="open"))),
    )


@dataclass(frozen=True)
class Step:
    key: str
    text: str  # the menu's, with its Alt key
    button: str  # the button's
    slot: Callable[[], None]
    shortcut: str = ""
    tip: str = ""


class LoansPane(QWidget):
    REMIND_MS = 60_000  # overdue is judged against the clock: remind and reload every minute
    DEBOUNCE_MS = 300
    SEARCH_MS = 500

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.loans = ctx.desk.loans
        self.tz = ctx.desk.site.tz()
        self.dialog: QDialog | None = None  # the step's dialog open now (tests reach it here)
        self.loaded: Loaded | None = None
        self.banner = OverdueBanner(lambda: self.show_filter("overdue"))
        self.model = LoanModel(self.tz)
        self.table: RecordTable[LoanView] = RecordTable(
            self.model, self.tr("Footage loans"), "loans-table", pad=12
        )
        self.table.selection_changed.connect(lambda _moved: self.show_selected())
        self.table.activated.connect(lambda _index: self.next_step())
        self.detail = LoanDetail(self.tz)
        self.summary = QLabel()
        self.summary.setObjectName("loans-summary")
        self.error = error_label()
        self._actions = self._make_actions()
        self._build()
        self.reload = Reloader(self, self._load_call, self._loaded, self._load_failed)
        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._search_debounce = QTimer(self, singleShot=True, interval=self.SEARCH_MS)
        self._search_debounce.timeout.connect(self.refresh)
        self.timer = QTimer(self, interval=self.REMIND_MS)
        self.timer.timeout.connect(self.remind)
        self.timer.start()
        ctx.bridge.published.connect(self._on_event)
        self.update_actions()
        self.remind()  # reloads when done

    # -- building ---------------------------------------------------------------------------------

    def _steps(self) -> list[Step]:
        dialog = self.dialog_step
        return [
            Step(
                "new",
                self.tr("&New loan request…"),
                self.tr("New request…"),
                self.new_request,
                "Ctrl+Shift+B",
                self.tr("File a footage loan request (Ctrl+Shift+B)"),
            ),
            Step(
                "decide",
                self.tr("&Approve or refuse…"),
                self.tr("Approve / refuse…"),
                dialog("decide", DecisionDialog),
                "Ctrl+Shift+A",
                self.tr("The manager approves or refuses the selected request (Ctrl+Shift+A)"),
            ),
            Step(
                "package",
                self.tr("Make &package…"),
                self.tr("Make package…"),
                dialog("package", PackageDialog),
                "Ctrl+Shift+P",
                self.tr("Copy the approved footage into a package (Ctrl+Shift+P)"),
            ),
            Step(
                "view",
                self.tr("&View on site"),
                self.tr("View on site"),
                self.view_on_site,
                "Ctrl+Shift+W",
                self.tr("Play the loan's footage in the playback pane (Ctrl+Shift+W)"),
            ),
            Step(
                "return",
                self.tr("Record &return…"),
                self.tr("Record return…"),
                dialog("return", ReturnDialog),
                "Ctrl+Shift+E",
                self.tr("Check the returned medium against the manifest (Ctrl+Shift+E)"),
            ),
            Step(
                "destroyed",
                self.tr("Medium &destroyed…"),
                self.tr("Destroyed…"),
                dialog("destroyed", DestroyedDialog),
            ),
            Step("lost", self.tr("Medium &lost…"), self.tr("Lost…"), dialog("lost", lost_step)),
            Step(
                "extend",
                self.tr("E&xtend due date…"),
                self.tr("Extend…"),
                dialog("extend", ExtendDialog),
            ),
            Step(
                "cancel",
                self.tr("&Cancel the loan…"),
                self.tr("Cancel loan…"),
                dialog("cancel", cancel_step),
            ),
            Step(
                "close_view",
                self.tr("Close the vie&wing…"),
                self.tr("Close viewing…"),
                dialog("close_view", close_viewing_step),
            ),
        ]

    def _make_actions(self) -> dict[str, QAction]:
        self.steps = self._steps()
        actions = {}
        for step in self.steps:
            action = QAction(step.text, self)
            action.triggered.connect(step.slot)
            if step.shortcut:
                action.setShortcut(QKeySequence(step.shortcut))
            actions[step.key] = action
            self.table.addAction(action)
        return actions

    def action(self, key: str) -> QAction:
        return self._actions[key]

    def menu_actions(self) -> list[QAction]:
        """The Loans menu: window-wide shortcuts."""
        return list(self._actions.values())

    def _build(self) -> None:
        self.filters = QTabBar()
        self.filters.setObjectName("loans-filter")
        self.filters.setAccessibleName(self.tr("Show loans"))
        self.filters.setUsesScrollButtons(False)  # all four always in sight
        self.filters.setExpanding(False)
        for text in (self.tr("Open"), self.tr("Overdue"), self.tr("Closed"), self.tr("All")):
            self.filters.addTab(text)
        self.filters.currentChanged.connect(lambda _index: self.refresh())
        self.search = QLineEdit()
        self.search.setObjectName("loans-search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Borrower, organisation, case no., purpose, serial, or a whole ID number")
        )
        self.search.setAccessibleName(self.tr("Search loans"))
        self.search.textEdited.connect(lambda _text: self._search_debounce.start())
        self.search.returnPressed.connect(self.refresh)
        find = QLabel(self.tr("&Find:"))
        find.setBuddy(self.search)
        top = QHBoxLayout()
        top.addWidget(self.filters)
        top.addSpacing(12)
        top.addWidget(find)
        top.addWidget(self.search, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addLayout(self._button_grid())
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)

    def _button_grid(self) -> QGridLayout:
        """Two rows: the usual steps, then the rarer ends and changes."""
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, step in enumerate(self.steps):
            button = QPushButton(step.button)
            button.setObjectName("loans-" + step.key.replace("_", "-"))
            button.setAccessibleName(step.button.rstrip("…"))
            button.setAutoDefault(False)
            if step.tip:
                button.setToolTip(step.tip)
            button.clicked.connect(lambda _checked=False, slot=step.slot: slot())
            grid.addWidget(button, index // 5, index % 5)
            self.buttons[step.key] = button
        return grid

    # -- selection and state ----------------------------------------------------------------------

    def selected(self) -> LoanView | None:
        return self.table.selected()

    def allowed(self, view: LoanView | None) -> dict[str, bool]:
        """Which steps the loan's state allows (core checks again)."""
        state = view.state if view is not None else None
        copy = view is not None and view.mode is LoanMode.COPY
        approved = state is LoanState.APPROVED
        return {
            "new": True,
            "decide": state is LoanState.REQUESTED,
            "package": approved and copy,
            "view": approved and not copy,
            "return": state is LoanState.LENT,
            "destroyed": state is LoanState.LENT,
            "lost": state is LoanState.LENT,
            "extend": state in (LoanState.APPROVED, LoanState.LENT),
            "cancel": state is LoanState.REQUESTED
            or (approved and view is not None and not view.views),
            "close_view": approved and not copy and view is not None and view.views > 0,
        }

    def update_actions(self) -> None:
        for key, on in self.allowed(self.selected()).items():
            self._actions[key].setEnabled(on)
            self.buttons[key].setEnabled(on)

    def show_selected(self) -> None:
        view = self.selected()
        self.update_actions()
        now = self.loaded.now if self.loaded is not None else self.loans.clock()
        self.detail.show_loan(view, now)

    # -- loading ----------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        # Not restarted by later events: a stream of changes still redraws every DEBOUNCE_MS.
        back = database_back(event)
        wanted = event.topic in ("loan.changed", "loan.overdue") or back
        if wanted and not self._debounce.isActive():
            self._debounce.start()

    def status(self) -> str:
        return FILTERS[max(0, self.filters.currentIndex())]

    def show_filter(self, status: str) -> None:
        self.filters.setCurrentIndex(FILTERS.index(status))
        raise_dock(self)

    def refresh(self) -> None:
        self._search_debounce.stop()
        self.reload()

    def _load_call(self) -> Callable[[], Loaded]:
        loans, status, text = self.loans, self.status(), self.search.text()
        return lambda: load_loans(loans, status, text)

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.error.hide()
        self.table.set_rows(loaded.rows, loaded.now)
        self.banner.show_count(len(loaded.overdue))
        self.filters.setTabText(0, self.tr("Open (%1)").replace("%1", str(loaded.open_count)))
        overdue = len(loaded.overdue)
        self.filters.setTabText(
            1,
            self.tr("Overdue (%1) ⚠").replace("%1", str(overdue))
            if overdue
            else self.tr("Overdue"),
        )
        self.filters.setTabTextColor(1, ALERT if overdue else self.filters.tabTextColor(0))
        self.summary.setText(self.tr("%1 loan(s) shown").replace("%1", str(len(loaded.rows))))

    def _load_failed(self, exc: Exception) -> None:
        """The loans shown stay (the database may be out of reach): a line, no dialog."""
        show_error(self.error, describe_load(exc))

    def remind(self) -> None:
        """Core writes a reminder for each loan newly overdue (and publishes it); then reload,
        since the overdue marks follow the clock."""
        run_in_background(
            self, self.loans.remind_overdue, lambda _due: self.refresh(), self._load_failed
        )

    # -- the steps --------------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog) -> None:
        """Window-modal, not blocking; once closed after a success (a package dialog stays
        open to show the folder and hash), select the loan it wrote and reload."""
        self.dialog = dialog
        self.error.hide()

        def finished() -> None:
            view = getattr(dialog, "result_value", None)
            if isinstance(view, LoanView):
                self.table.selected_id = view.id
                self.refresh()
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def dialog_step(
        self, key: str, make: type[LoanStepDialog] | Callable[[LoanView], TextStep]
    ) -> Callable[[], None]:
        """The slot of a step on the selected loan: its dialog (a class taking the context,
        the loan and the parent), or a NoteDialog for a TextStep (a function of the loan)."""

        def open_step() -> None:
            view = self.selected()
            if view is None or not self.allowed(view)[key]:
                return
            if isinstance(make, type):
                self.open_dialog(make(self.ctx, view, self))
            else:
                self.open_dialog(NoteDialog(self.ctx, view, self, make))

        return open_step

    def new_request(self) -> None:
        raise_dock(self)
        self.open_dialog(LoanRequestDialog(self.ctx, self))

    def next_step(self) -> None:
        """Enter on a row: the step the loan is waiting for."""
        view = self.selected()
        allowed = self.allowed(view)
        for key in ("decide", "package", "view", "return", "close_view"):
            if allowed[key]:
                self._actions[key].trigger()
                return

    # -- viewing on site --------------------------------------------------------------------------

    def view_on_site(self) -> None:
        """Play one of the loan's ranges in the playback pane (which records the viewing);
        with several ranges, a small dialog picks one."""
        view = self.selected()
        if view is None or not self.allowed(view)["view"]:
            return
        if len(view.ranges) == 1:
            self.play(view, view.ranges[0])
            return
        dialog = RangeChoiceDialog(view, self.tz, self)
        dialog.chosen.connect(partial(self.play, view))
        self.open_dialog(dialog)

    def play(self, view: LoanView, r: RangeView) -> None:
        from console.ui.playback_pane import PlaybackPane  # the other pane, found in the window

        player = self.window().findChild(PlaybackPane)
        if player is None:
            show_error(self.error, self.tr("The playback pane is not open: open it with Ctrl+5."))
            return
        player.show_loan_range(view.id, r.camera_id, r.start, r.end)
        raise_dock(player)


register(
    PaneSpec(
        key="loans",
        title=lambda: QCoreApplication.translate("LoansPane", "Footage loans"),
        factory=LoansPane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        tab_with="visits",
        shortcut="Ctrl+0",
        menu_title=lambda: QCoreApplication.translate("LoansPane", "&Loans"),
    )
)
