"""Parts of the visitor dialogs: the masked ID-number field, field errors next to their field,
site-time editors, the call session, the instruction banner and the gate camera's snapshot.

The ID number a visitor shows is personal data (GB/T 35273 practice): once typed, no widget
displays it again (the field echoes it only while it is being typed, a label beside it shows the
masked form 6 + stars + 4) and nothing here logs it.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from console.core.auth import Actor
from console.core.cameras import CameraService
from console.core.desk import Desk
from console.core.visits import Instruction, VisitView, mask_id
from console.ui.wording import instruction_label
from console.ui.worker import run_in_background
from devices.cameras.base import Frame
from devices.intercom.base import (
    Call,
    CallResult,
    CallStatus,
    IntercomError,
    Phase,
    max_rings,
)

log = logging.getLogger(__name__)

THUMB_W, THUMB_H = 192, 108
GRAB_TIMEOUT_S = 6.0  # waiting for the first frame of the gate camera's sub stream
UTC_ZONE = QTimeZone(QTimeZone.Initialization.UTC)


# -- the ID number ---------------------------------------------------------------------------------


def masked_form(typed: str) -> str:
    """What may be shown of a number being typed: core's mask of it, never more than half."""
    text = re.sub(r"\s", "", typed).upper()
    return mask_id(text) if text else ""


class IdNumberInput(QWidget):
    """The ID number: echoed only while typed (bullets once the field is left, and typing into
    it again starts afresh), with its masked form beside it, updated as it is typed."""

    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.edit.setMaxLength(40)
        self.edit.setPlaceholderText(
            QCoreApplication.translate("VisitWidgets", "Typed here, shown masked")
        )
        self.masked = QLabel()
        self.masked.setObjectName("id-masked")
        self.masked.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 20))
        self.masked.setAccessibleName(
            QCoreApplication.translate("VisitWidgets", "ID number as stored (masked)")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.masked)
        self.edit.textChanged.connect(self._typed)
        self.setFocusProxy(self.edit)

    def _typed(self, text: str) -> None:
        shown = masked_form(text)
        self.masked.setText(
            QCoreApplication.translate("VisitWidgets", "→ %1").replace("%1", shown) if shown else ""
        )

    def number(self) -> str:
        return self.edit.text()

    def show_stored(self, masked: str) -> None:
        """Read-only from now on: the stored masked form, the typed number forgotten."""
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal)
        self.edit.setText(masked)
        self.edit.setReadOnly(True)
        self.masked.clear()
        self.masked.hide()


# -- times in the site's zone ----------------------------------------------------------------------


class SiteTimeEdit(QDateTimeEdit):
    """A date and time on the site's wall clock, to the minute (or the second, for footage;
    plain fields: no DST shifts on the desk's own zone); `value()` reads it back in the site's
    zone."""

    def __init__(self, tz: tzinfo, at: datetime, seconds: bool = False) -> None:
        super().__init__()
        self.tz, self.seconds = tz, seconds
        self.setTimeZone(UTC_ZONE)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm:ss" if seconds else "yyyy-MM-dd HH:mm")
        self.set_value(at)

    def set_value(self, at: datetime) -> None:
        local = at.astimezone(self.tz)
        clock = QTime(local.hour, local.minute, local.second if self.seconds else 0)
        self.setDateTime(QDateTime(QDate(local.year, local.month, local.day), clock, UTC_ZONE))

    def value(self) -> datetime:
        day, clock = self.date(), self.time()
        second = clock.second() if self.seconds else 0
        return datetime(
            day.year(), day.month(), day.day(), clock.hour(), clock.minute(), second, tzinfo=self.tz
        )


# -- words for a call ------------------------------------------------------------------------------


def phase_text(phase: Phase) -> str:
    return {
        Phase.DIALING: QCoreApplication.translate("VisitWidgets", "Dialling…"),
        Phase.RINGING: QCoreApplication.translate("VisitWidgets", "Ringing"),
        Phase.TALKING: QCoreApplication.translate("VisitWidgets", "Talking"),
        Phase.ENDED: QCoreApplication.translate("VisitWidgets", "Call ended"),
    }[phase]


def rings_text(rings: int, most: int) -> str:
    if rings <= 0:
        return QCoreApplication.translate("VisitWidgets", "No ring yet")
    return (
        QCoreApplication.translate("VisitWidgets", "Ring %1 of %2")
        .replace("%1", str(rings))
        .replace("%2", str(most))
    )


def clock_text(seconds: float) -> str:
    """mm:ss (h:mm:ss past an hour)."""
    whole = max(0, round(seconds))
    minutes, secs = divmod(whole, 60)
    if minutes >= 60:
        return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def tell_text(gate_name: str, instruction: Instruction) -> str:
    """What the operator says to the gate ("Tell 东门岗: admit")."""
    return (
        QCoreApplication.translate("VisitWidgets", "Tell %1: %2")
        .replace("%1", gate_name)
        .replace("%2", instruction_label(instruction))
    )


# -- the call --------------------------------------------------------------------------------------


_LIVE: set[CallSession] = set()  # sessions whose call is not yet recorded stay alive here


class CallSession(QObject):
    """One call to a visit's room: started on a worker (the intercom may start a SIP process),
    followed through the backend's updates (relayed to the GUI thread), and recorded with core
    once it ends, even if the dialog that started it has been closed meanwhile."""

    status_changed = Signal(object)  # CallStatus
    start_failed = Signal(object)  # Exception: no call was made
    recorded = Signal(object)  # VisitView with the call on it
    record_failed = Signal(object)  # Exception
    _update = Signal(object)  # CallStatus, from the backend's thread

    def __init__(self, desk: Desk, actor: Actor, visit_id: int, room: str) -> None:
        super().__init__()
        self.desk, self.actor, self.visit_id, self.room = desk, actor, visit_id, room
        timeout = desk.site.intercom.ring_timeout_s if desk.site.intercom else 25
        self.max_rings = max_rings(timeout)
        self.call: Call | None = None
        self.status = CallStatus(Phase.DIALING)
        self.result: CallResult | None = None
        self.hangup_requested = False
        self.done = False  # recorded, or failed to start or to record
        self._base = (0.0, time.monotonic())  # (elapsed reported, when): the clock ticks on
        self._update.connect(self._on_update)
        _LIVE.add(self)

    @property
    def active(self) -> bool:
        """The call has not ended yet (dialling, ringing or talking)."""
        return not self.done and self.result is None

    def elapsed(self) -> float:
        if self.result is not None:
            return self.result.seconds + self.result.talk_seconds
        reported, at = self._base
        return reported + (time.monotonic() - at)

    def start(self) -> None:
        desk, room, relay = self.desk, self.room, self._update.emit

        def dial() -> Call:
            intercom = desk.intercom()
            if intercom is None:
                raise IntercomError("the site has no intercom")
            return intercom.call(room, relay)

        run_in_background(self, dial, self._dialled, self._dial_failed)

    def hangup(self) -> None:
        self.hangup_requested = True
        call = self.call
        if call is not None and self.result is None:
            run_in_background(self, call.hangup, _ignore, self._device_failed)

    def set_muted(self, muted: bool) -> None:
        call = self.call
        if call is not None and self.status.phase is Phase.TALKING:
            run_in_background(self, lambda: call.set_muted(muted), _ignore, self._device_failed)

    # -- what comes back ----------------------------------------------------------------------

    def _dialled(self, call: Call) -> None:
        self.call = call
        self.max_rings = max_rings(call.ring_timeout_s, call.ring_period_s)
        if self.hangup_requested:
            self.hangup()

    def _dial_failed(self, exc: Exception) -> None:
        self.done = True
        _LIVE.discard(self)
        self.start_failed.emit(exc)

    def _device_failed(self, exc: Exception) -> None:
        log.warning("intercom call to room %s: %s", self.room, exc)

    def _on_update(self, status: CallStatus) -> None:
        if self.result is not None:
            return  # the end is reported once
        self.status = status
        self._base = (status.elapsed, time.monotonic())
        if status.phase is Phase.ENDED and status.result is not None:
            self.result = status.result
            self.status_changed.emit(status)
            self._record(status.result)
            return
        self.status_changed.emit(status)

    def _record(self, result: CallResult) -> None:
        visits, actor, visit_id = self.desk.visits, self.actor, self.visit_id
        run_in_background(
            self,
            lambda: visits.record_call(actor, visit_id, result),
            self._recorded,
            self._record_failed,
        )

    def _recorded(self, view: VisitView) -> None:
        self.done = True
        _LIVE.discard(self)
        self.recorded.emit(view)

    def _record_failed(self, exc: Exception) -> None:
        self.done = True
        _LIVE.discard(self)
        log.error("the call to room %s could not be recorded: %s", self.room, exc)
        self.record_failed.emit(exc)


def _ignore(_value: object) -> None:
    pass


# -- the banner: what to tell the gate -------------------------------------------------------------

BANNER_STYLE = {
    Instruction.ADMIT: ("#e6f4ea", "#1e6b34", QStyle.StandardPixmap.SP_DialogApplyButton),
    Instruction.REFUSE: ("#fdecea", "#b00020", QStyle.StandardPixmap.SP_MessageBoxCritical),
    Instruction.WAIT: ("#fff4e0", "#8a5300", QStyle.StandardPixmap.SP_MessageBoxWarning),
}


class Banner(QFrame):
    """A large line saying what to tell the gate: an icon and words, the colour only adds."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("visit-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel()
        self.icon.setFixedSize(40, 40)
        self.text = QLabel()
        self.text.setObjectName("visit-banner-text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.detail = QLabel()
        self.detail.setObjectName("visit-banner-detail")
        self.detail.setWordWrap(True)
        words = QVBoxLayout()
        words.addWidget(self.text)
        words.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self.instruction: Instruction | None = None
        self.hide()

    def show_instruction(self, gate_name: str, instruction: Instruction, detail: str = "") -> None:
        self.instruction = instruction
        background, ink, icon = BANNER_STYLE[instruction]
        self.setStyleSheet(
            f"#visit-banner {{ background: {background}; border: 2px solid {ink};"
            " border-radius: 6px; }"
            f" #visit-banner-text {{ color: {ink}; font-size: 20pt; font-weight: bold; }}"
            f" #visit-banner-detail {{ color: {ink}; }}"
        )
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(36, 36))
        text = tell_text(gate_name, instruction)
        self.text.setText(text)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(text)
        self.show()


# -- the gate camera's picture ---------------------------------------------------------------------


def wall_frame(root: QWidget | None, camera_id: str) -> Frame | None:
    """The newest picture of `camera_id` a camera wall under `root` is showing, if any (the
    largest of its tiles showing that camera)."""
    if root is None:
        return None
    from console.ui.camera_wall import CameraWall  # the wall pane; imported only when asked

    frames = [
        tile.frame
        for wall in root.findChildren(CameraWall)
        for tile in wall.tiles()
        if tile.camera_id == camera_id and tile.frame is not None
    ]
    frames = [f for f in frames if f is not None]
    return max(frames, key=lambda f: f.width * f.height) if frames else None


def grab_frame(service: CameraService, camera_id: str, timeout: float = GRAB_TIMEOUT_S) -> Frame:
    """Worker thread: one frame from the camera's sub stream (main without one). Raises
    OSError when none comes within `timeout` seconds."""
    ready = threading.Event()
    view = service.open_view(
        camera_id, "sub", (1280, 720), on_frame=ready.set, on_status=lambda _status: None
    )
    try:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            if not ready.wait(left):
                break
            ready.clear()
            frame = view.take()
            if frame is not None:
                return frame
    finally:
        view.close()
    raise OSError(f"no picture from camera {camera_id} within {timeout:.0f} s")


def thumbnail(path: Path) -> QImage:
    """Worker thread: the picture at `path`, scaled for the dialog (null if unreadable)."""
    image = QImage(str(path))
    if image.isNull():
        return image
    return image.scaled(
        THUMB_W,
        THUMB_H,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def take_snapshot(
    service: CameraService,
    actor: Actor,
    camera_id: str,
    camera_name: str,
    frame: Frame | None,
    tz: tzinfo,
) -> tuple[Path, QImage]:
    """Worker thread: a frame (the wall's, else one grabbed), saved and audited as the wall's
    snapshots are; returns its path and a thumbnail."""
    from console.ui.camera_wall import save_snapshot

    picture = frame if frame is not None else grab_frame(service, camera_id)
    path = save_snapshot(service, actor, camera_id, camera_name, picture, tz)
    return path, thumbnail(path)


def call_later(owner: QObject, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
    """run_in_background with failures logged (for reads whose failure only costs a picture)."""

    def failed(exc: Exception) -> None:
        log.warning("visitor dialog: %s", exc)

    run_in_background(owner, fn, done, failed)
