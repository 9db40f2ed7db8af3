"""The visitor log (访客登记): today's visitors, those still on site (which the handover carries),
those waiting for the resident, a search over every visit, and the time-limited passes of
contractors and delivery staff.

The pane holds no rules: a gate request opens the verification dialog (visit_dialog), signing
out, issuing and revoking a pass are calls into VisitService on the thread pool, refusals are
worded by `describe()`, and the tables reload when core publishes "visit.…" and every 30 s.
ID numbers only ever appear masked (core never stores them whole); phones are masked in lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import Permission, PermissionDenied
from console.core.changes import database_back
from console.core.events import Event
from console.core.visits import (
    LONG_PASS,
    MAX_NAME,
    IdType,
    PassForm,
    PassKind,
    PassView,
    VisitFilter,
    VisitService,
    VisitState,
    VisitView,
    mask_phone,
)
from console.ui.dialogs import FieldDialog
from console.ui.forms import error_label, show_error
from console.ui.panes import PaneContext, PaneSpec, raise_dock, register
from console.ui.record_table import ALERT, RecordTable, RecordTableModel, excerpt, local
from console.ui.visit_dialog import VisitDialog
from console.ui.visit_widgets import IdNumberInput, SiteTimeEdit
from console.ui.wording import (
    describe,
    describe_load,
    id_type_label,
    outcome_label,
    pass_kind_label,
    visit_state_label,
)
from console.ui.worker import run_in_background

SEARCH_DAYS = 30  # the search's date range starts this many days back
DEFAULT_PASS = timedelta(hours=8)

R = TypeVar("R", VisitView, PassView)


def state_text(view: VisitView, now: datetime, tz: tzinfo) -> str:
    """Where the visit stands, in words (never by colour alone)."""
    if view.overstaying(now):
        return QCoreApplication.translate("VisitsPane", "⚠ Overstaying — due %1").replace(
            "%1", local(view.expected_leave_at, tz, "%H:%M")
        )
    if view.on_site:
        return QCoreApplication.translate("VisitsPane", "On site")
    if view.state is VisitState.ADMITTED:
        return QCoreApplication.translate("VisitsPane", "Admitted — left")
    if view.is_open:
        last = view.last_call
        detail = (
            outcome_label(last.outcome)
            if last is not None
            else QCoreApplication.translate("VisitsPane", "not called yet")
        )
        return (
            QCoreApplication.translate("VisitsPane", "%1 — %2")
            .replace("%1", visit_state_label(view.state))
            .replace("%2", detail)
        )
    return visit_state_label(view.state)


def pass_status_text(view: PassView, now: datetime) -> str:
    return {
        "valid": QCoreApplication.translate("VisitsPane", "Valid"),
        "expired": QCoreApplication.translate("VisitsPane", "Expired"),
        "upcoming": QCoreApplication.translate("VisitsPane", "Not yet valid"),
        "revoked": QCoreApplication.translate("VisitsPane", "Revoked"),
    }[view.status(now)]


# -- table models ---------------------------------------------------------------------------------


class VisitModel(RecordTableModel[VisitView]):
    TIME, GATE, VISITOR, ID, PHONE, ROOM, PURPOSE, STATE, INSTRUCTED, SIGNED_OUT = range(10)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("VisitsPane", "Time"),
            QCoreApplication.translate("VisitsPane", "Gate"),
            QCoreApplication.translate("VisitsPane", "Visitor"),
            QCoreApplication.translate("VisitsPane", "ID (masked)"),
            QCoreApplication.translate("VisitsPane", "Phone"),
            QCoreApplication.translate("VisitsPane", "Room"),
            QCoreApplication.translate("VisitsPane", "Purpose"),
            QCoreApplication.translate("VisitsPane", "Outcome / state"),
            QCoreApplication.translate("VisitsPane", "Instructed"),
            QCoreApplication.translate("VisitsPane", "Signed out"),
        ]

    def cell(self, view: VisitView, column: int) -> str:
        values: dict[int, Callable[[], str]] = {
            self.TIME: lambda: local(view.requested_at, self.tz),
            self.GATE: lambda: view.gate_name,
            self.VISITOR: lambda: view.visitor_name,
            self.ID: lambda: view.id_masked,
            self.PHONE: lambda: view.phone_masked,
            self.ROOM: lambda: view.room,
            self.PURPOSE: lambda: excerpt(view.purpose),
            self.STATE: lambda: state_text(view, self.now, self.tz),
            self.INSTRUCTED: lambda: local(view.instruction_at, self.tz),
            self.SIGNED_OUT: lambda: local(view.signed_out_at, self.tz),
        }
        return values[column]() if column in values else ""

    def bold(self, view: VisitView) -> bool:
        return view.is_open

    def alert(self, view: VisitView, column: int) -> bool:
        return column == self.STATE and view.overstaying(self.now)

    def tooltip(self, view: VisitView, column: int) -> str | None:
        if column == self.PURPOSE:
            return view.purpose
        if column == self.STATE and view.last_call is not None:
            last = view.last_call
            text = QCoreApplication.translate("VisitsPane", "Last call: %1, %2 ring(s)").replace(
                "%1", outcome_label(last.outcome)
            )
            text = text.replace("%2", str(last.rings))
            if last.call_id:
                text += "\n" + QCoreApplication.translate("VisitsPane", "Call-ID: %1").replace(
                    "%1", last.call_id
                )
            if view.expected_leave_at is not None:
                text += "\n" + QCoreApplication.translate(
                    "VisitsPane", "Expected to leave by %1"
                ).replace("%1", local(view.expected_leave_at, self.tz))
            return text
        return None


class PassModel(RecordTableModel[PassView]):
    KIND, HOLDER, COMPANY, ID, PHONE, AREA, FROM, TO, STATUS, ISSUED_BY = range(10)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("VisitsPane", "Kind"),
            QCoreApplication.translate("VisitsPane", "Holder"),
            QCoreApplication.translate("VisitsPane", "Company"),
            QCoreApplication.translate("VisitsPane", "ID (masked)"),
            QCoreApplication.translate("VisitsPane", "Phone"),
            QCoreApplication.translate("VisitsPane", "Area"),
            QCoreApplication.translate("VisitsPane", "Valid from"),
            QCoreApplication.translate("VisitsPane", "Valid to"),
            QCoreApplication.translate("VisitsPane", "Status"),
            QCoreApplication.translate("VisitsPane", "Issued by"),
        ]

    def cell(self, view: PassView, column: int) -> str:
        values: dict[int, Callable[[], str]] = {
            self.KIND: lambda: pass_kind_label(view.kind),
            self.HOLDER: lambda: view.holder_name,
            self.COMPANY: lambda: view.company,
            self.ID: lambda: view.id_masked,
            self.PHONE: lambda: mask(view.phone),
            self.AREA: lambda: view.area,
            self.FROM: lambda: local(view.valid_from, self.tz),
            self.TO: lambda: local(view.valid_to, self.tz),
            self.STATUS: lambda: pass_status_text(view, self.now),
            self.ISSUED_BY: lambda: view.issued_by,
        }
        return values[column]() if column in values else ""

    def bold(self, view: PassView) -> bool:
        return view.valid_at(self.now)

    def alert(self, view: PassView, column: int) -> bool:
        return column == self.STATUS and view.revoked_at is not None

    def tooltip(self, view: PassView, column: int) -> str | None:
        if column == self.STATUS and view.revoke_reason:
            return view.revoke_reason
        if column == self.AREA and view.purpose:
            return view.purpose
        return None


def mask(phone: str) -> str:
    return mask_phone(phone) if phone else ""


# -- dialogs --------------------------------------------------------------------------------------


class _VisitsDialog(FieldDialog):
    def __init__(self, title: str, pane: VisitsPane, intro: str = "") -> None:
        super().__init__(title, pane, intro, "visits-intro")
        self.pane = pane


class PassDialog(_VisitsDialog):
    """A time-limited pass for a contractor or delivery person (valid from/to, one area)."""

    def __init__(self, pane: VisitsPane) -> None:
        super().__init__(QCoreApplication.translate("VisitsPane", "New pass"), pane)
        now = pane.visits.clock().replace(second=0, microsecond=0)
        self.kind = QComboBox()
        for kind in PassKind:
            self.kind.addItem(pass_kind_label(kind), kind.value)
        self.holder = QLineEdit()
        self.holder.setMaxLength(MAX_NAME)
        self.company = QLineEdit()
        self.company.setMaxLength(128)
        self.id_type = QComboBox()
        for id_type in IdType:
            self.id_type.addItem(id_type_label(id_type), id_type.value)
        self.id_number = IdNumberInput()
        self.phone = QLineEdit()
        self.phone.setMaxLength(24)
        self.area = QLineEdit()
        self.area.setMaxLength(128)
        self.area.setPlaceholderText(self.tr("e.g. 3号楼 5层, 地下车库"))
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(500)
        self.valid_from = SiteTimeEdit(pane.tz, now)
        self.valid_to = SiteTimeEdit(pane.tz, now + DEFAULT_PASS)
        add = self.fields.add
        add(self.tr("&Kind"), self.kind, "pass-kind", "kind")
        add(self.tr("&Holder's name"), self.holder, "pass-holder", "holder_name")
        add(self.tr("&Company"), self.company, "pass-company", "company")
        add(self.tr("ID &type"), self.id_type, "pass-id-type", "id_type")
        number = self.id_number
        add(self.tr("&ID number"), number, "pass-id-number", "id_number", number.edit)
        add(self.tr("&Phone"), self.phone, "pass-phone", "phone")
        add(self.tr("&Area"), self.area, "pass-area", "area")
        add(self.tr("P&urpose"), self.purpose, "pass-purpose", "purpose")
        add(self.tr("Valid &from"), self.valid_from, "pass-valid-from", "valid_from")
        add(self.tr("Valid t&o"), self.valid_to, "pass-valid-to", "valid_to")
        if not pane.ctx.actor.can(Permission.ISSUE_LONG_PASSES):
            note = QLabel(
                self.tr("Passes longer than %1 hours need a supervisor.").replace(
                    "%1", str(int(LONG_PASS.total_seconds() // 3600))
                )
            )
            note.setWordWrap(True)
            note.setObjectName("pass-note")
            self.layout_.addWidget(note)
        self.finish_layout(self.tr("&Issue pass"))
        self.holder.setFocus()

    def call(self) -> Callable[[], Any]:
        visits, actor = self.pane.visits, self.pane.ctx.actor
        form = PassForm(
            kind=str(self.kind.currentData()),
            holder_name=self.holder.text(),
            id_type=str(self.id_type.currentData()),
            id_number=self.id_number.number(),
            area=self.area.text(),
            valid_from=self.valid_from.value(),
            valid_to=self.valid_to.value(),
            company=self.company.text(),
            phone=self.phone.text(),
            purpose=self.purpose.text(),
        )
        return lambda: visits.issue_pass(actor, form)

    def failed(self, exc: Exception) -> None:
        super().failed(exc)
        if isinstance(exc, PermissionDenied):
            show_error(
                self.error,
                describe(exc)
                + " "
                + self.tr("A pass longer than %1 hours needs a supervisor.").replace(
                    "%1", str(int(LONG_PASS.total_seconds() // 3600))
                ),
            )
            self.valid_to.setFocus()


class RevokePassDialog(_VisitsDialog):
    def __init__(self, pane: VisitsPane, view: PassView) -> None:
        intro = (
            QCoreApplication.translate("VisitsPane", "Pass %1 · %2 (%3) · %4, valid to %5")
            .replace("%1", str(view.id))
            .replace("%2", view.holder_name)
            .replace("%3", pass_kind_label(view.kind))
            .replace("%4", view.area)
            .replace("%5", local(view.valid_to, pane.tz))
        )
        super().__init__(QCoreApplication.translate("VisitsPane", "Revoke pass"), pane, intro)
        self.view = view
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(70)
        self.reason.setPlaceholderText(self.tr("Why the pass is taken back"))
        self.fields.add(self.tr("&Reason"), self.reason, "revoke-reason", "reason")
        self.finish_layout(self.tr("&Revoke pass"))
        self.reason.setFocus()

    def call(self) -> Callable[[], Any]:
        visits, actor, pass_id = self.pane.visits, self.pane.ctx.actor, self.view.id
        reason = self.reason.toPlainText()
        return lambda: visits.revoke_pass(actor, pass_id, reason)


class SignOutDialog(_VisitsDialog):
    """The visitor left: now, or a time the gate reports (left alone: now, by core's clock)."""

    def __init__(self, pane: VisitsPane, view: VisitView) -> None:
        intro = (
            QCoreApplication.translate("VisitsPane", "%1 · room %2 · admitted %3 at %4")
            .replace("%1", view.visitor_name)
            .replace("%2", view.room)
            .replace("%3", local(view.instruction_at, pane.tz))
            .replace("%4", view.gate_name)
        )
        super().__init__(QCoreApplication.translate("VisitsPane", "Sign out visitor"), pane, intro)
        self.view = view
        self.when = SiteTimeEdit(pane.tz, pane.visits.clock())
        self.touched = False
        self.when.dateTimeChanged.connect(self._touch)
        self.fields.add(self.tr("Left &at"), self.when, "sign-out-time", "signed_out_at")
        self.finish_layout(self.tr("&Sign out"))
        self.buttons.setFocus()

    def _touch(self) -> None:
        self.touched = True

    def call(self) -> Callable[[], Any]:
        visits, actor, visit_id = self.pane.visits, self.pane.ctx.actor, self.view.id
        at = self.when.value() if self.touched else None
        return lambda: visits.sign_out(actor, visit_id, at)


# -- the tabs -------------------------------------------------------------------------------------


class _Tab(QWidget, Generic[R]):
    """A table (one row per visit or pass) with a line saying what it holds."""

    def __init__(self, pane: VisitsPane, model: RecordTableModel[R], name: str, key: str) -> None:
        super().__init__()
        self.pane = pane
        self.model: RecordTableModel[R] = model
        self.setObjectName(f"visits-{key}")
        self.summary = QLabel()
        self.summary.setObjectName("visits-summary")
        self.summary.setWordWrap(True)
        self.error = error_label()
        self.table: RecordTable[R] = RecordTable(model, name, f"visits-{key}-table", pad=12)
        self.table.selection_changed.connect(lambda _moved: pane.update_actions())
        self.top = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.top)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)

    @property
    def selected_id(self) -> int | None:
        return self.table.selected_id

    @selected_id.setter
    def selected_id(self, record_id: int | None) -> None:
        self.table.selected_id = record_id

    def set_rows(self, rows: Sequence[R], now: datetime) -> None:
        self.table.set_rows(rows, now)

    def select_id(self, record_id: int) -> None:
        self.table.select_id(record_id)

    def selected(self) -> R | None:
        return self.table.selected()


class VisitTab(_Tab[VisitView]):
    def __init__(self, pane: VisitsPane, name: str, key: str) -> None:
        super().__init__(pane, VisitModel(pane.tz), name, key)
        self.table.activated.connect(lambda _index: pane.open_selected())


class SearchTab(VisitTab):
    """Every visit in a date range, narrowed by a text: name, room, phone, purpose, or a whole
    ID number (core matches it by its keyed hash; the number is never stored)."""

    DEBOUNCE_MS = 500

    def __init__(self, pane: VisitsPane) -> None:
        super().__init__(pane, QCoreApplication.translate("VisitsPane", "Visits found"), "search")
        self.searching = self.again = False
        self.ran = False
        self.text = QLineEdit()
        self.text.setObjectName("visits-search-text")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Name, room, phone, purpose, or a whole ID number"))
        self.text.setAccessibleName(self.tr("Search visits"))
        today = pane.today()
        self.start = self._date_edit(today - timedelta(days=SEARCH_DAYS), self.tr("From date"))
        self.end = self._date_edit(today, self.tr("To date"))
        self.go = QPushButton(self.tr("Search"))
        self.go.setObjectName("visits-search")
        self.go.setAccessibleName(self.tr("Search"))
        self.go.clicked.connect(self.run)
        find = QLabel(self.tr("&Find:"))
        find.setBuddy(self.text)
        since = QLabel(self.tr("from"))
        since.setBuddy(self.start)
        until = QLabel(self.tr("to"))
        until.setBuddy(self.end)
        for widget in (find, self.text, since, self.start, until, self.end, self.go):
            self.top.addWidget(widget, 1 if widget is self.text else 0)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run)
        self.text.returnPressed.connect(self.run)
        self.text.textEdited.connect(lambda _text: self._debounce.start())
        self.start.dateChanged.connect(lambda _date: self._debounce.start())
        self.end.dateChanged.connect(lambda _date: self._debounce.start())
        self.summary.setText(self.tr("Search by name, room, phone, purpose or ID number."))

    @staticmethod
    def _date_edit(day: date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    def flt(self) -> VisitFilter:
        tz = self.pane.tz
        first, last = self.start.date(), self.end.date()
        start = datetime.combine(date(first.year(), first.month(), first.day()), time(), tz)
        end = datetime.combine(date(last.year(), last.month(), last.day()), time(), tz)
        return VisitFilter(start=start, end=end + timedelta(days=1), text=self.text.text())

    def run(self) -> None:
        self._debounce.stop()
        if self.searching:
            self.again = True
            return
        self.searching, self.again, self.ran = True, False, True
        visits, flt = self.pane.visits, self.flt()
        self.error.hide()
        run_in_background(
            self, lambda: (visits.clock(), visits.visits(flt)), self._found, self._failed
        )

    def _found(self, result: tuple[datetime, list[VisitView]]) -> None:
        self.searching = False
        now, rows = result
        self.set_rows(rows, now)
        self.summary.setText(self.tr("%1 visit(s) found").replace("%1", str(len(rows))))
        if self.again:
            self.run()

    def _failed(self, exc: Exception) -> None:
        self.searching = False
        show_error(self.error, describe_load(exc))
        if self.again:
            self.run()


class PassTab(_Tab[PassView]):
    def __init__(self, pane: VisitsPane) -> None:
        super().__init__(
            pane, PassModel(pane.tz), QCoreApplication.translate("VisitsPane", "Passes"), "passes"
        )
        self.show_all = QCheckBox(self.tr("Show e&xpired and revoked passes too"))
        self.show_all.setObjectName("passes-show-all")
        self.show_all.setAccessibleName(self.show_all.text().replace("&", ""))
        self.show_all.toggled.connect(lambda _on: pane.refresh())
        self.top.addWidget(self.show_all)
        self.top.addStretch(1)


# -- the pane -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    now: datetime
    today: list[VisitView]
    on_site: list[VisitView]
    waiting: list[VisitView]
    passes: list[PassView]


def load_visits(visits: VisitService, all_passes: bool) -> Loaded:
    """Worker thread: the lists the pane shows."""
    now = visits.clock()
    today = now.astimezone(visits.site.tz()).date()
    return Loaded(
        now=now,
        today=visits.day(today),
        on_site=sorted(visits.on_site(), key=lambda v: (v.requested_at, v.id)),
        waiting=visits.waiting(),
        passes=visits.passes() if all_passes else visits.passes(valid_at=now),
    )


class VisitsPane(QWidget):
    RELOAD_MS = 30_000  # overstaying is judged against the clock; another desk may change things
    DEBOUNCE_MS = 300

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.visits = ctx.desk.visits
        self.tz = ctx.desk.site.tz()
        self.dialog: QDialog | None = None  # the pass or sign-out dialog open now
        self.visit_dialogs: list[VisitDialog] = []
        self._loading = self._reload = False
        self.loaded: Loaded | None = None
        self.today_tab = VisitTab(self, self.tr("Today's visitors"), "today")
        self.on_site_tab = VisitTab(self, self.tr("Visitors on site"), "on-site")
        self.waiting_tab = VisitTab(self, self.tr("Visitors waiting for the resident"), "waiting")
        self.search_tab = SearchTab(self)
        self.passes_tab = PassTab(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("visits-tabs")
        self.tabs.setAccessibleName(self.tr("Visitor log"))
        for tab, title in (
            (self.today_tab, self.tr("Today")),
            (self.on_site_tab, self.tr("On site")),
            (self.waiting_tab, self.tr("Waiting")),
            (self.search_tab, self.tr("All / search")),
            (self.passes_tab, self.tr("Passes")),
        ):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(lambda _index: self.update_actions())
        self._actions = self._make_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._button_row())
        layout.addWidget(self.tabs, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(self.RELOAD_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.bridge.published.connect(self._on_event)
        self.update_actions()
        self.refresh()

    # -- actions ----------------------------------------------------------------------------------

    def _make_actions(self) -> dict[str, QAction]:
        specs = [
            ("gate", self.tr("Visitor at &gate…"), self.new_visit, "Ctrl+Shift+V"),
            ("again", self.tr("&Call resident again…"), self.call_again, "Ctrl+Shift+R"),
            ("sign_out", self.tr("Sign &out visitor…"), self.sign_out, "Ctrl+Shift+O"),
            ("new_pass", self.tr("&New pass…"), self.new_pass, ""),
            ("revoke", self.tr("&Revoke pass…"), self.revoke_pass, ""),
        ]
        actions = {}
        for key, text, slot, shortcut in specs:
            action = QAction(text, self)
            action.triggered.connect(slot)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            actions[key] = action
        for tab in (self.today_tab, self.on_site_tab, self.waiting_tab, self.search_tab):
            tab.table.addActions([actions["again"], actions["sign_out"]])
        self.passes_tab.table.addActions([actions["new_pass"], actions["revoke"]])
        return actions

    def action(self, key: str) -> QAction:
        return self._actions[key]

    def menu_actions(self) -> list[QAction]:
        """The Visitors menu: window-wide shortcuts."""
        return list(self._actions.values())

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(4, 4, 4, 0)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("gate", self.tr("Visitor at gate…")),
            ("open", self.tr("Open / call again…")),
            ("sign_out", self.tr("Sign out…")),
            ("new_pass", self.tr("New pass…")),
            ("revoke", self.tr("Revoke pass…")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"visits-{key.replace('_', '-')}")
            button.setAccessibleName(text.rstrip("…"))
            button.setAutoDefault(False)
            row.addWidget(button)
            self.buttons[key] = button
        self.buttons["gate"].setToolTip(self.tr("Visitor at gate (Ctrl+Shift+V)"))
        self.buttons["open"].setToolTip(
            self.tr("The selected visit; call the resident again if it is waiting (Ctrl+Shift+R)")
        )
        self.buttons["sign_out"].setToolTip(self.tr("The selected visitor left (Ctrl+Shift+O)"))
        self.buttons["gate"].clicked.connect(self.new_visit)
        self.buttons["open"].clicked.connect(self.open_selected)
        self.buttons["sign_out"].clicked.connect(self.sign_out)
        self.buttons["new_pass"].clicked.connect(self.new_pass)
        self.buttons["revoke"].clicked.connect(self.revoke_pass)
        row.addStretch(1)
        return row

    def current_tab(self) -> QWidget:
        return self.tabs.currentWidget()

    def selected_visit(self) -> VisitView | None:
        tab = self.current_tab()
        return tab.selected() if isinstance(tab, VisitTab) else None

    def selected_pass(self) -> PassView | None:
        return self.passes_tab.selected() if self.current_tab() is self.passes_tab else None

    def update_actions(self) -> None:
        if not hasattr(self, "buttons"):
            return  # still building
        visit = self.selected_visit()
        chosen = self.selected_pass()
        waiting = bool(self.loaded and self.loaded.waiting)
        now = self.loaded.now if self.loaded is not None else self.visits.clock()
        states = {
            "again": (visit is not None and visit.is_open) or (visit is None and waiting),
            "sign_out": visit is not None and visit.on_site,
            "revoke": chosen is not None and chosen.status(now) in ("valid", "upcoming"),
        }
        for key, on in states.items():
            self._actions[key].setEnabled(on)
            if key in self.buttons:
                self.buttons[key].setEnabled(on)
        self.buttons["open"].setEnabled(visit is not None)

    # -- loading ----------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        back = database_back(event)
        if (event.topic.startswith("visit.") or back) and not self._debounce.isActive():
            self._debounce.start()

    def refresh(self) -> None:
        if self._loading:
            self._reload = True
            return
        self._loading, self._reload = True, False
        visits, all_passes = self.visits, self.passes_tab.show_all.isChecked()
        run_in_background(
            self, lambda: load_visits(visits, all_passes), self._loaded, self._load_failed
        )

    def _loaded(self, loaded: Loaded) -> None:
        self._loading = False
        self.loaded = loaded
        self.today_tab.set_rows(loaded.today, loaded.now)
        self.on_site_tab.set_rows(loaded.on_site, loaded.now)
        self.waiting_tab.set_rows(loaded.waiting, loaded.now)
        self.passes_tab.set_rows(loaded.passes, loaded.now)
        for tab in (self.today_tab, self.on_site_tab, self.waiting_tab, self.passes_tab):
            tab.error.hide()
        self._summaries(loaded)
        if self.search_tab.ran:
            self.search_tab.run()
        if self._reload:
            self.refresh()

    def _load_failed(self, exc: Exception) -> None:
        """The rows shown stay (the database may be out of reach): a line, no dialog."""
        self._loading = False
        for tab in (self.today_tab, self.on_site_tab, self.waiting_tab, self.passes_tab):
            show_error(tab.error, describe_load(exc))
        if self._reload:
            self.refresh()

    def _summaries(self, loaded: Loaded) -> None:
        admitted = sum(1 for v in loaded.today if v.state is VisitState.ADMITTED)
        self.today_tab.summary.setText(
            self.tr("%1 visitor(s) today: %2 admitted, %3 still waiting for a decision")
            .replace("%1", str(len(loaded.today)))
            .replace("%2", str(admitted))
            .replace("%3", str(sum(1 for v in loaded.today if v.is_open)))
        )
        over = sum(1 for v in loaded.on_site if v.overstaying(loaded.now))
        on_site = self.tr("%1 visitor(s) on site").replace("%1", str(len(loaded.on_site)))
        if over:
            warning = self.tr("⚠ %1 past their expected leave time").replace("%1", str(over))
            on_site = f"{on_site} · {warning}"
        self.on_site_tab.summary.setText(on_site)
        self.on_site_tab.summary.setStyleSheet(f"color: {ALERT.name()};" if over else "")
        self.waiting_tab.summary.setText(
            self.tr("%1 visitor(s) waiting for the resident: call again or tell the gate").replace(
                "%1", str(len(loaded.waiting))
            )
        )
        passes = self.tr("%1 pass(es) valid now").replace(
            "%1", str(sum(1 for p in loaded.passes if p.valid_at(loaded.now)))
        )
        self.passes_tab.summary.setText(passes)
        titles = [
            self.tr("Today (%1)").replace("%1", str(len(loaded.today))),
            self.tr("On site (%1)").replace("%1", str(len(loaded.on_site)))
            + (" ⚠" if over else ""),
            self.tr("Waiting (%1)").replace("%1", str(len(loaded.waiting))),
            self.tr("All / search"),
            self.tr("Passes (%1)").replace(
                "%1", str(sum(1 for p in loaded.passes if p.valid_at(loaded.now)))
            ),
        ]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

    def today(self) -> date:
        return self.visits.clock().astimezone(self.tz).date()

    # -- dialogs ----------------------------------------------------------------------------------

    def bring_forward(self, tab: QWidget | None = None) -> None:
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
        raise_dock(self)

    def open_visit(self, view: VisitView | None = None) -> VisitDialog:
        """The verification dialog: a new visitor, or one already registered. Not modal: the
        alarms stay within reach during a call."""
        if view is not None:
            for dialog in self.visit_dialogs:
                if dialog.visit is not None and dialog.visit.id == view.id:
                    self._bring_up(dialog)
                    return dialog
        dialog = VisitDialog(self.ctx, self, view)
        self.visit_dialogs.append(dialog)
        dialog.visit_changed.connect(lambda _view: self._debounce.start())

        def finished() -> None:
            if dialog in self.visit_dialogs:
                self.visit_dialogs.remove(dialog)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        self._bring_up(dialog)
        return dialog

    @staticmethod
    def _bring_up(dialog: QDialog) -> None:
        dialog.show()
        state = dialog.windowState() & ~Qt.WindowState.WindowMinimized
        dialog.setWindowState(state | Qt.WindowState.WindowActive)
        dialog.activateWindow()

    def new_visit(self) -> None:
        self.open_visit(None)

    def open_selected(self) -> None:
        view = self.selected_visit()
        if view is not None:
            self.open_visit(view)

    def call_again(self) -> None:
        """The selected visit if it is still open; else the visitor waiting longest."""
        view = self.selected_visit()
        if view is None or not view.is_open:
            if not (self.loaded and self.loaded.waiting):
                return
            view = self.loaded.waiting[0]
            self.bring_forward(self.waiting_tab)
            self.waiting_tab.select_id(view.id)
        dialog = self.open_visit(view)
        dialog.call_button.setFocus()

    def open_dialog(self, dialog: _VisitsDialog, tab: _Tab[Any]) -> None:
        """Window-modal, not blocking; on success select what it wrote and reload."""
        self.dialog = dialog
        tab.error.hide()

        def accepted() -> None:
            view = dialog.result_value
            if isinstance(view, VisitView | PassView):
                tab.selected_id = view.id
            self.refresh()

        def finished() -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()

    def sign_out(self) -> None:
        view = self.selected_visit()
        if view is not None and view.on_site:
            tab = self.current_tab()
            assert isinstance(tab, VisitTab)
            self.open_dialog(SignOutDialog(self, view), tab)

    def new_pass(self) -> None:
        self.bring_forward(self.passes_tab)
        self.open_dialog(PassDialog(self), self.passes_tab)

    def revoke_pass(self) -> None:
        chosen = self.selected_pass()
        if chosen is not None and chosen.revoked_at is None:
            self.open_dialog(RevokePassDialog(self, chosen), self.passes_tab)


register(
    PaneSpec(
        key="visits",
        title=lambda: QCoreApplication.translate("VisitsPane", "Visitors"),
        factory=VisitsPane,
        area=Qt.DockWidgetArea.LeftDockWidgetArea,
        tab_with="records",
        shortcut="Ctrl+8",
        menu_title=lambda: QCoreApplication.translate("VisitsPane", "V&isitors"),
    )
)
