"""The visitor verification dialog (访客核验, rule 3.4.8).

A gate reports a visitor: the operator types who they are (the ID number is shown only masked
once typed), presses Call resident (Ctrl+Enter), and watches the call: dialling, "Ring 3 of 5",
the time, then talking (Mute, Hang up) or an outcome. The call is recorded with its SIP Call-ID,
and the dialog offers exactly the instructions core allows after that outcome: the resident's
decision after an answered call, refuse or wait after a declined one, wait and call again
otherwise. A large banner then says what to tell the gate, in words and with an icon.

Without an intercom in the site file, the operator calls the room by phone and records the
outcome with a button. Every core call and the intercom run off the GUI thread; the call itself
is a CallSession, which records the call even if this dialog is closed during it (closing asks,
then hangs up).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.core.events import Event
from console.core.visits import (
    MAX_NAME,
    MAX_TEXT,
    IdType,
    Instruction,
    ResidentDecision,
    VisitForm,
    VisitState,
    VisitView,
)
from console.ui.forms import FieldForm, error_label, show_error
from console.ui.panes import PaneContext
from console.ui.visit_widgets import (
    Banner,
    CallSession,
    IdNumberInput,
    SiteTimeEdit,
    call_later,
    clock_text,
    phase_text,
    rings_text,
    take_snapshot,
    thumbnail,
    wall_frame,
)
from console.ui.wording import describe, id_type_label, outcome_label
from console.ui.worker import run_in_background
from devices.intercom.base import RETRY_OUTCOMES, CallStatus, Outcome, Phase

DEFAULT_STAY = timedelta(hours=2)  # the expected leave time offered for a new visitor
TICK_MS = 250  # the call clock redraws often enough to change every second
STATE_INSTRUCTION = {
    VisitState.ADMITTED: Instruction.ADMIT,
    VisitState.REFUSED: Instruction.REFUSE,
    VisitState.WAITING: Instruction.WAIT,
}
MANUAL_OUTCOMES = (Outcome.ANSWERED, Outcome.BUSY, Outcome.NO_ANSWER, Outcome.UNREACHABLE)


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _button(text: str, name: str, slot: Callable[[], Any], tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setAutoDefault(False)  # Return in a field never presses a button by surprise
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda _checked=False: slot())  # never hand `checked` to the slot
    return button


class VisitDialog(QDialog):
    """One visitor: a new one (`visit` None) or one already registered (read-only fields)."""

    visit_changed = Signal(object)  # VisitView after each change this dialog made

    def __init__(
        self, ctx: PaneContext, parent: QWidget | None = None, visit: VisitView | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.desk, self.actor = ctx, ctx.desk, ctx.actor
        self.visits = self.desk.visits
        self.tz = self.desk.site.tz()
        self.gates = {g.id: g for g in self.desk.site.gates}
        self.camera_names = {c.id: c.name for c in self.desk.site.cameras}
        self.visit = visit
        self.manual = self.desk.site.intercom is None  # call by phone, outcome by hand
        self.session: CallSession | None = None
        self.pending: tuple[Instruction, ResidentDecision | None] | None = None
        self.busy = False  # registering, recording by hand or instructing
        self.was_talking = False
        self.snapshot_path: Path | None = None
        self.setObjectName("visit-dialog")
        title = self.tr("Visitor at the gate")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumSize(980, 580)
        self._build()
        self._shortcuts()
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)
        if visit is not None:
            self._show_visit(visit)
        else:
            self.name.setFocus()
        self._gate_changed()
        self._render()
        ctx.bridge.published.connect(self._on_event)

    def _on_event(self, event: Event) -> None:
        """Another desk changed this visit (called, told the gate): show it as it is now."""
        view = self.visit
        if event.topic != "visit.changed" or view is None or event.data.get("id") != view.id:
            return
        if self.busy or self._calling():
            return  # what this dialog is doing brings the visit back anyway
        visits, visit_id = self.visits, view.id

        def fresh(changed: VisitView) -> None:
            if not self.busy and not self._calling():
                self.visit = changed
                self._show_outcome(changed)
                self._render()

        call_later(self, lambda: visits.get(visit_id), fresh)

    # -- building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        columns = QHBoxLayout()
        columns.addWidget(self._visitor_box(), 5)
        columns.addWidget(self._call_box(), 4)
        self.error = error_label()
        self.close_button = _button(self.tr("Close"), "visit-close", self.reject)
        self.close_button.setMinimumWidth(120)
        self.left_button = _button(
            self.tr("Visitor &left…"),
            "visit-withdraw",
            self.withdraw,
            self.tr("The visitor left before a decision: close the visit with a reason"),
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.left_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

    def _visitor_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Visitor"))
        form = QFormLayout()
        outer = QVBoxLayout(box)
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = FieldForm(form)
        self.gate = QComboBox()
        for gate in self.desk.site.gates:
            self.gate.addItem(gate.name, gate.id)
        self.gate.currentIndexChanged.connect(self._gate_changed)
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.id_type = QComboBox()
        for kind in IdType:
            self.id_type.addItem(id_type_label(kind), kind.value)
        self.id_number = IdNumberInput()
        self.phone = QLineEdit()
        self.phone.setMaxLength(24)
        self.phone.setPlaceholderText(self.tr("optional"))
        self.room = QLineEdit()
        self.room.setMaxLength(32)
        self.room.setPlaceholderText(self.tr("e.g. 10101"))
        self.room.textChanged.connect(self._room_changed)
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(MAX_TEXT)
        self.purpose.setPlaceholderText(self.tr("e.g. visiting family, repair"))
        self.fields.add(self.tr("&Gate"), self.gate, "visit-gate", "gate")
        self.fields.add(self.tr("Visitor &name"), self.name, "visit-name", "visitor_name")
        self.fields.add(self.tr("ID &type"), self.id_type, "visit-id-type", "id_type")
        self.fields.add(
            self.tr("&ID number"),
            self.id_number,
            "visit-id-number",
            "id_number",
            self.id_number.edit,
        )
        self.fields.add(self.tr("&Phone"), self.phone, "visit-phone", "phone")
        self.fields.add(self.tr("&Room"), self.room, "visit-room", "room")
        self.fields.add(self.tr("Purpos&e"), self.purpose, "visit-purpose", "purpose")
        leave_row = self._leave_row()
        self.fields.add(
            self.tr("Expected &leave"), leave_row, "visit-leave", "expected_leave_at", self.leave
        )
        snapshot_row = self._snapshot_row()
        self.fields.add(
            self.tr("Gate picture"),
            snapshot_row,
            "visit-snapshot",
            "snapshot",
            self.snapshot_button,
        )
        self.snapshot_button.setAccessibleName(self.tr("Take a snapshot from the gate camera"))
        return box

    def _leave_row(self) -> QWidget:
        now = self.visits.clock()
        at = now + DEFAULT_STAY
        at = at.replace(second=0, microsecond=0) + timedelta(minutes=(-at.minute) % 5)
        self.leave = SiteTimeEdit(self.tz, at)
        self.leave_unknown = QCheckBox(self.tr("not &known"))
        self.leave_unknown.setAccessibleName(self.tr("Expected leave time not known"))
        self.leave_unknown.toggled.connect(lambda on: self.leave.setEnabled(not on))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.leave, 1)
        layout.addWidget(self.leave_unknown)
        return row

    def _snapshot_row(self) -> QWidget:
        self.snapshot_button = _button(
            self.tr("Take &snapshot"),
            "visit-snapshot",
            self.take_snapshot,
            self.tr("A picture of the visitor from the gate's camera, kept with the visit"),
        )
        self.snapshot_status = QLabel()
        self.snapshot_status.setObjectName("visit-snapshot-status")
        self.snapshot_status.setWordWrap(True)
        self.thumb = QLabel()
        self.thumb.setObjectName("visit-snapshot-picture")
        self.thumb.setAccessibleName(self.tr("Gate picture"))
        self.thumb.setFixedSize(192, 108)
        self.thumb.setStyleSheet("background: #222; color: #ccc;")
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.hide()
        side = QVBoxLayout()
        side.addWidget(self.snapshot_button)
        side.addWidget(self.snapshot_status)
        side.addStretch(1)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(side, 1)
        layout.addWidget(self.thumb)
        return row

    def _call_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Call the resident"))
        self.target = QLabel()
        self.target.setObjectName("call-target")
        self.target.setFont(_font(13, True))
        self.hint = QLabel()
        self.hint.setObjectName("call-hint")
        self.hint.setWordWrap(True)
        self.phase = QLabel()
        self.phase.setObjectName("call-phase")
        self.phase.setFont(_font(22, True))
        self.phase.setAccessibleName(self.tr("Call state"))
        self.rings = QLabel()
        self.rings.setObjectName("call-rings")
        self.rings.setFont(_font(18, True))
        self.rings.setAccessibleName(self.tr("Rings"))
        self.clock = QLabel()
        self.clock.setObjectName("call-clock")
        clock_font = _font(26, True)
        clock_font.setStyleHint(QFont.StyleHint.Monospace)
        self.clock.setFont(clock_font)
        self.clock.setAccessibleName(self.tr("Call time"))
        self.call_button = _button(
            self.tr("&Call resident"),
            "visit-call",
            self.call_resident,
            self.tr("Call the resident's indoor station (Ctrl+Enter)"),
        )
        self.hangup_button = _button(
            self.tr("&Hang up"), "visit-hangup", self.hang_up, self.tr("End the call (Ctrl+H)")
        )
        self.mute_button = _button(
            self.tr("&Mute"),
            "visit-mute",
            self.toggle_mute,
            self.tr("Mute or unmute the desk's microphone (Ctrl+M)"),
        )
        self.mute_button.setCheckable(True)
        controls = QHBoxLayout()
        for button in (self.call_button, self.hangup_button, self.mute_button):
            button.setMinimumHeight(36)
            controls.addWidget(button)
        self.outcome = QLabel()
        self.outcome.setObjectName("call-outcome")
        self.outcome.setFont(_font(12, True))
        self.outcome.setWordWrap(True)
        self.call_id = QLabel()
        self.call_id.setObjectName("call-id")
        self.call_id.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.decide_hint = QLabel(self.tr("Tell the gate:"))
        self.decide_hint.setObjectName("decide-hint")
        self.admit_button = _button(
            self.tr("Resident agrees — &admit"),
            "visit-admit",
            lambda: self.decide(Instruction.ADMIT),
        )
        self.refuse_button = _button(
            self.tr("Resident refuses — re&fuse"),
            "visit-refuse",
            lambda: self.decide(Instruction.REFUSE),
        )
        self.wait_button = _button(
            self.tr("&Wait"), "visit-wait", lambda: self.decide(Instruction.WAIT)
        )
        decisions = QVBoxLayout()
        for button in (self.admit_button, self.refuse_button, self.wait_button):
            button.setMinimumHeight(36)
            button.setFont(_font(11, True))
            decisions.addWidget(button)
        self.banner = Banner()
        layout = QVBoxLayout(box)
        layout.addWidget(self.target)
        layout.addWidget(self.hint)
        layout.addWidget(self.phase)
        layout.addWidget(self.rings)
        layout.addWidget(self.clock)
        layout.addLayout(controls)
        layout.addWidget(self._manual_box())
        layout.addWidget(self.outcome)
        layout.addWidget(self.call_id)
        layout.addWidget(self.decide_hint)
        layout.addLayout(decisions)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        return box

    def _manual_box(self) -> QWidget:
        self.manual_box = QWidget()
        self.manual_box.setObjectName("manual-outcomes")
        words = {
            Outcome.ANSWERED: self.tr("Answere&d"),
            Outcome.BUSY: self.tr("&Busy"),
            Outcome.NO_ANSWER: self.tr("N&o answer"),
            Outcome.UNREACHABLE: self.tr("&Unreachable"),
        }
        grid = QGridLayout(self.manual_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.manual_intro = QLabel(self.tr("Call the room by phone, then record what happened:"))
        self.manual_intro.setWordWrap(True)
        grid.addWidget(self.manual_intro, 0, 0, 1, 2)
        self.manual_buttons: dict[Outcome, QPushButton] = {}
        for n, outcome in enumerate(MANUAL_OUTCOMES):
            button = _button(
                words[outcome],
                f"visit-manual-{outcome.value}",
                partial(self.record_by_hand, outcome),
            )
            button.setAccessibleName(
                self.tr("Phone call: %1").replace("%1", outcome_label(outcome))
            )
            button.setMinimumHeight(34)
            grid.addWidget(button, 1 + n // 2, n % 2)
            self.manual_buttons[outcome] = button
        return self.manual_box

    def _shortcuts(self) -> None:
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+Return", self.call_resident),
            ("Ctrl+Enter", self.call_resident),
            ("Ctrl+H", self.hang_up),
            ("Ctrl+M", self.toggle_mute_key),
        ]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- an existing visit -------------------------------------------------------------------------

    def _show_visit(self, view: VisitView) -> None:
        """Its data, read-only; the ID number and phone only masked."""
        index = self.gate.findData(view.gate_id)
        if index < 0:
            self.gate.addItem(view.gate_name, view.gate_id)
            index = self.gate.count() - 1
        self.gate.setCurrentIndex(index)
        self.name.setText(view.visitor_name)
        self.id_type.setCurrentIndex(max(0, self.id_type.findData(view.id_type.value)))
        self.id_number.show_stored(view.id_masked)
        self.phone.setText(view.phone_masked)
        self.room.setText(view.room)
        self.purpose.setText(view.purpose)
        if view.expected_leave_at is not None:
            self.leave.set_value(view.expected_leave_at)
        self.leave_unknown.setChecked(view.expected_leave_at is None)
        if view.snapshot:
            path = self.desk.site.attachments_dir() / view.snapshot
            call_later(self, lambda: thumbnail(path), self._show_thumb)
        if view.calls:
            self._show_outcome(view)

    def _lock_fields(self) -> None:
        """Registered: the fields are a record now (read-only; no second picture)."""
        for field in (self.name, self.phone, self.room, self.purpose):
            field.setReadOnly(True)
        for widget in (self.gate, self.id_type, self.leave, self.leave_unknown):
            widget.setEnabled(False)
        self.snapshot_button.hide()
        if self.visit is not None and not self.visit.snapshot:
            self.snapshot_status.setText(self.tr("No picture was taken."))

    # -- what is shown when ------------------------------------------------------------------------

    def _calling(self) -> bool:
        return self.session is not None and not self.session.done

    def _may_call(self) -> bool:
        """A (new) call fits: nothing decided yet, and the resident has not been reached, or
        the visitor was told to wait after the last call."""
        view = self.visit
        if view is None:
            return True
        if not view.is_open:
            return False
        last = view.last_call
        return last is None or last.outcome in RETRY_OUTCOMES or self._waited(view)

    @staticmethod
    def _waited(view: VisitView) -> bool:
        """The gate was told to wait since the last call."""
        last = view.last_call
        return (
            view.state is VisitState.WAITING
            and last is not None
            and view.instruction_at is not None
            and view.instruction_at >= last.placed_at
        )

    def _offered(self) -> frozenset[Instruction]:
        if self._talking():
            return frozenset(Instruction)
        view = self.visit
        if view is None or self._calling():
            return frozenset()
        allowed = view.allowed()
        if self._waited(view):
            allowed -= {Instruction.WAIT}  # told already; calling again is what is left
        return allowed

    def _talking(self) -> bool:
        session = self.session
        return session is not None and session.active and session.status.phase is Phase.TALKING

    def _render(self) -> None:
        view, calling = self.visit, self._calling()
        may_call = self._may_call()
        self.call_button.setVisible(not self.manual and may_call and not calling)
        self.call_button.setEnabled(not self.busy and not calling)
        again = view is not None and bool(view.calls)
        self.call_button.setText(self.tr("&Call again") if again else self.tr("&Call resident"))
        self.call_button.setAccessibleName(self.call_button.text().replace("&", ""))
        active = self.session is not None and self.session.active
        self.hangup_button.setVisible(active)
        self.mute_button.setVisible(active)
        self.mute_button.setEnabled(self._talking())
        self.manual_box.setVisible(self.manual and may_call)
        self.manual_box.setEnabled(not self.busy)
        for widget in (self.phase, self.rings, self.clock):
            widget.setVisible(self.session is not None)
        shown = view is not None and bool(view.calls) and not calling
        self.outcome.setVisible(shown)
        self.call_id.setVisible(shown and bool(self.call_id.text()))
        self._render_decisions()
        self.left_button.setVisible(view is not None and view.is_open and not calling)
        self.left_button.setEnabled(not self.busy)
        instruction = STATE_INSTRUCTION.get(view.state) if view is not None else None
        if instruction is not None and view is not None and not calling:
            self.banner.show_instruction(view.gate_name, instruction, self._told(view))
        else:
            self.banner.hide()
        self.hint.setText(self._hint())
        self.hint.setVisible(bool(self.hint.text()))
        self.target.setText(self._target())
        if view is not None:
            self._lock_fields()

    def _render_decisions(self) -> None:
        offered = self._offered()
        last = self.visit.last_call if self.visit is not None else None
        answered = self._talking() or (last is not None and last.outcome is Outcome.ANSWERED)
        if answered:
            self.refuse_button.setText(self.tr("Resident refuses — re&fuse"))
            self.wait_button.setText(self.tr("&Wait"))
        else:
            self.refuse_button.setText(self.tr("Re&fuse (the resident declined the call)"))
            self.wait_button.setText(self.tr("Tell the gate to &wait"))
        buttons = {
            Instruction.ADMIT: self.admit_button,
            Instruction.REFUSE: self.refuse_button,
            Instruction.WAIT: self.wait_button,
        }
        for instruction, button in buttons.items():
            button.setVisible(instruction in offered)
            button.setEnabled(not self.busy and self.pending is None)
            button.setAccessibleName(button.text().replace("&", ""))
        self.decide_hint.setVisible(bool(offered))
        self.decide_hint.setText(
            self.tr("The resident decides (the call ends when you choose):")
            if self._talking()
            else self.tr("Tell the gate:")
        )

    def _hint(self) -> str:
        view = self.visit
        if self.busy or self._calling():
            return ""
        if view is None:
            if self.manual:
                return self.tr(
                    "No intercom at this site: fill in the visitor, call the room by phone, "
                    "then record what happened."
                )
            return self.tr("Fill in the visitor, then call the resident (Ctrl+Enter).")
        if view.is_open and not view.calls:
            return self.tr("Registered. Call the resident (Ctrl+Enter).")
        if view.state is VisitState.WITHDRAWN:
            return self.tr("Closed without a decision: %1").replace("%1", view.note)
        return ""

    def _target(self) -> str:
        room = self.visit.room if self.visit is not None else self.room.text().strip()
        gate = self.gate.currentText()
        if not room:
            return gate
        return self.tr("Room %1 · %2").replace("%1", room).replace("%2", gate)

    def _told(self, view: VisitView) -> str:
        if view.instruction_at is None:
            return ""
        return (
            self.tr("Told %1 by %2")
            .replace("%1", view.instruction_at.astimezone(self.tz).strftime("%H:%M"))
            .replace("%2", view.instruction_by or "")
        )

    def _show_outcome(self, view: VisitView) -> None:
        last = view.last_call
        if last is None:
            return
        words = outcome_label(last.outcome)
        if last.manual:
            text = self.tr("%1 (by phone, entered by hand)").replace("%1", words)
        else:
            text = (
                self.tr("%1 · %2 ring(s) · %3")
                .replace("%1", words)
                .replace("%2", str(last.rings))
                .replace("%3", clock_text(last.seconds + last.talk_seconds))
            )
        if len(view.calls) > 1:
            text = self.tr("Call %1: %2").replace("%1", str(len(view.calls))).replace("%2", text)
        self.outcome.setText(text)
        self.outcome.setAccessibleName(text)
        self.call_id.setText(
            self.tr("Call-ID: %1").replace("%1", last.call_id) if last.call_id else ""
        )

    # -- registering -------------------------------------------------------------------------------

    def _form(self) -> VisitForm:
        return VisitForm(
            gate_id=str(self.gate.currentData() or ""),
            visitor_name=self.name.text(),
            id_type=str(self.id_type.currentData()),
            id_number=self.id_number.number(),
            room=self.room.text(),
            phone=self.phone.text(),
            purpose=self.purpose.text(),
            expected_leave_at=None if self.leave_unknown.isChecked() else self.leave.value(),
            snapshot=self.snapshot_path,
        )

    def _register(self, then: Callable[[], None]) -> None:
        visits, actor, form = self.visits, self.actor, self._form()
        self._start_busy()
        self.fields.clear()

        def registered(view: VisitView) -> None:
            self.busy = False
            self.id_number.show_stored(view.id_masked)  # the typed number is forgotten here
            self.phone.setText(view.phone_masked)
            self._set_visit(view)
            then()

        run_in_background(self, lambda: visits.request(actor, form), registered, self._failed)

    def _start_busy(self) -> None:
        self.busy = True
        self.error.hide()
        self._render()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if not self.fields.show(exc):
            show_error(self.error, describe(exc))
        self._render()

    def _set_visit(self, view: VisitView) -> None:
        self.visit = view
        self._show_outcome(view)
        self._render()
        self.visit_changed.emit(view)

    # -- calling -----------------------------------------------------------------------------------

    def call_resident(self) -> None:
        """Ctrl+Enter: register the visitor if not yet, then call (or, without an intercom,
        make ready to record a phone call's outcome)."""
        if self.busy or self._calling() or not self._may_call():
            return
        then = self._focus_manual if self.manual else self._dial
        if self.visit is None:
            self._register(then)
        else:
            then()

    def _focus_manual(self) -> None:
        self.manual_buttons[Outcome.ANSWERED].setFocus()

    def _dial(self) -> None:
        view = self.visit
        if view is None:
            return
        session = CallSession(self.desk, self.actor, view.id, view.room)
        self.session = session
        self.pending = None
        session.status_changed.connect(self._call_status)
        session.start_failed.connect(self._call_failed)
        session.recorded.connect(self._call_recorded)
        session.record_failed.connect(self._record_failed)
        self.error.hide()
        self._call_status(session.status)
        self.ticker.start()
        session.start()
        self.hangup_button.setFocus()

    def _call_status(self, status: CallStatus) -> None:
        session = self.session
        if session is None:
            return
        self.phase.setText(phase_text(status.phase))
        self.phase.setAccessibleDescription(self.phase.text())
        self.rings.setText(rings_text(status.rings, session.max_rings))
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(status.muted)
        self.mute_button.blockSignals(False)
        self.mute_button.setText(self.tr("Muted — un&mute") if status.muted else self.tr("&Mute"))
        self.mute_button.setAccessibleName(self.mute_button.text().replace("&", ""))
        if status.phase is Phase.ENDED:
            self.ticker.stop()
        self._tick()
        was_talking = self.was_talking
        self.was_talking = self._talking()
        self._render()
        if self.was_talking and not was_talking:
            self.admit_button.setFocus()  # the resident answered: the decision is next

    def _tick(self) -> None:
        if self.session is not None:
            self.clock.setText(clock_text(self.session.elapsed()))

    def _call_failed(self, exc: Exception) -> None:
        """No call was made (no intercom process, a bad room): the phone is the way left."""
        self.ticker.stop()
        self.session = None
        self.manual = True
        show_error(
            self.error,
            self.tr("The intercom could not call: %1. Call the room by phone instead.").replace(
                "%1", describe(exc)
            ),
        )
        self._render()
        self._focus_manual()

    def _call_recorded(self, view: VisitView) -> None:
        self.ticker.stop()
        self._tick()
        pending, self.pending = self.pending, None
        self._set_visit(view)
        if pending is not None and pending[0] in view.allowed():
            self._instruct(*pending)
        else:
            self._focus_decision()

    def _record_failed(self, exc: Exception) -> None:
        self.ticker.stop()
        self.pending = None
        show_error(
            self.error,
            self.tr("The call could not be recorded: %1").replace("%1", describe(exc)),
        )
        self._render()

    def _focus_decision(self) -> None:
        for button in (self.admit_button, self.wait_button, self.refuse_button, self.call_button):
            if button.isVisible() and button.isEnabled():
                button.setFocus()
                return
        self.close_button.setFocus()

    def hang_up(self) -> None:
        if self.session is not None and self.session.active:
            self.session.hangup()

    def toggle_mute(self) -> None:
        if self.session is not None and self._talking():
            self.session.set_muted(self.mute_button.isChecked())
        else:
            self.mute_button.setChecked(False)

    def toggle_mute_key(self) -> None:
        if self.mute_button.isVisible() and self.mute_button.isEnabled():
            self.mute_button.toggle()
            self.toggle_mute()

    def record_by_hand(self, outcome: Outcome) -> None:
        """A phone call's outcome, entered by the operator (no intercom, or it failed)."""
        if self.busy or self._calling() or not self._may_call():
            return
        if self.visit is None:
            self._register(lambda: self.record_by_hand(outcome))
            return
        visits, actor, visit_id = self.visits, self.actor, self.visit.id
        self._start_busy()

        def recorded(view: VisitView) -> None:
            self.busy = False
            self._set_visit(view)
            self._focus_decision()

        run_in_background(
            self,
            lambda: visits.record_manual_call(actor, visit_id, outcome),
            recorded,
            self._failed,
        )

    # -- telling the gate --------------------------------------------------------------------------

    def decide(self, instruction: Instruction) -> None:
        """While talking: the resident's decision, given once the call has ended (this hangs
        up). After the call: the instruction to the gate now."""
        if self.busy or self.pending is not None:
            return
        if self._talking() and self.session is not None:
            self.pending = (instruction, self._resident(instruction, answered=True))
            self.session.hangup()
            self._render()
            return
        view = self.visit
        if view is None or instruction not in self._offered():
            return
        last = view.last_call
        answered = last is not None and last.outcome is Outcome.ANSWERED
        self._instruct(instruction, self._resident(instruction, answered))

    @staticmethod
    def _resident(instruction: Instruction, answered: bool) -> ResidentDecision | None:
        if instruction is Instruction.ADMIT:
            return ResidentDecision.AGREE
        if instruction is Instruction.REFUSE and answered:
            return ResidentDecision.REFUSE
        return None

    def _instruct(self, instruction: Instruction, resident: ResidentDecision | None) -> None:
        view = self.visit
        if view is None:
            return
        visits, actor, visit_id = self.visits, self.actor, view.id
        self._start_busy()

        def instructed(changed: VisitView) -> None:
            self.busy = False
            self._set_visit(changed)
            if changed.is_open:
                self._focus_decision()
            else:
                self.close_button.setDefault(True)
                self.close_button.setFocus()

        run_in_background(
            self,
            lambda: visits.instruct(actor, visit_id, instruction, resident=resident),
            instructed,
            self._failed,
        )

    def withdraw(self) -> None:
        """The visitor left before the resident was reached: close the visit with a reason."""
        view = self.visit
        if view is None or not view.is_open or self.busy or self._calling():
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Visitor left"),
            self.tr("Why is the visit closed without a decision?"),
            text=self.tr("The visitor left"),
        )
        if not ok or not reason.strip():
            return
        visits, actor, visit_id = self.visits, self.actor, view.id
        self._start_busy()

        def withdrawn(changed: VisitView) -> None:
            self.busy = False
            self._set_visit(changed)
            self.close_button.setDefault(True)
            self.close_button.setFocus()

        run_in_background(
            self, lambda: visits.withdraw(actor, visit_id, reason), withdrawn, self._failed
        )

    # -- the gate camera ---------------------------------------------------------------------------

    def _gate_changed(self) -> None:
        if self.visit is not None:
            return
        camera = self._camera()
        self.snapshot_button.setEnabled(camera is not None)
        if camera is None:
            self.snapshot_status.setText(self.tr("This gate has no camera."))
        elif self.snapshot_path is None:
            self.snapshot_status.setText(
                self.tr("Camera: %1").replace("%1", self.camera_names.get(camera, camera))
            )
        self._room_changed()

    def _room_changed(self) -> None:
        self.target.setText(self._target())

    def _camera(self) -> str | None:
        gate = self.gates.get(str(self.gate.currentData() or ""))
        return gate.camera if gate is not None else None

    def take_snapshot(self) -> None:
        camera = self._camera()
        if camera is None or self.visit is not None:
            return
        parent = self.parentWidget()
        root = parent.window() if parent is not None else None
        frame = wall_frame(root, camera)
        service, actor, tz = self.desk.cameras, self.actor, self.tz
        name = self.camera_names.get(camera, camera)
        self.snapshot_button.setEnabled(False)
        self.snapshot_status.setText(self.tr("Taking a picture…"))

        def done(result: tuple[Path, QImage]) -> None:
            self.snapshot_path, image = result
            self._show_thumb(image)
            self.snapshot_status.setText(
                self.tr("Picture taken at %1").replace(
                    "%1", datetime.now(self.tz).strftime("%H:%M:%S")
                )
            )
            self.snapshot_button.setEnabled(self.visit is None)

        def failed(exc: Exception) -> None:
            self.snapshot_status.setText(
                self.tr("No picture from the gate camera: %1").replace("%1", describe(exc))
            )
            self.snapshot_button.setEnabled(self.visit is None)

        run_in_background(
            self, lambda: take_snapshot(service, actor, camera, name, frame, tz), done, failed
        )

    def _show_thumb(self, image: QImage) -> None:
        if image.isNull():
            return
        self.thumb.setPixmap(QPixmap.fromImage(image))
        self.thumb.show()

    # -- closing -----------------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape or Close: during a call, ask, then hang up (the call is still recorded)."""
        if self.session is not None and self.session.active:
            if not self._confirm_hang_up():
                return
            self.session.hangup()
        self.ticker.stop()
        super().reject()

    def _confirm_hang_up(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Call in progress"),
            self.tr("A call to the resident is in progress. Hang up and close?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
