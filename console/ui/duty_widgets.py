"""The duty-log pane's parts: the table model, and the dialogs for writing an entry (new,
correction, equipment status), choosing a wall snapshot, viewing an entry's pictures, and a
second operator joining the shift.

Every core call and every disk read (snapshot scan, thumbnails, pictures) runs on the thread
pool; the dialogs only show what comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTime,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QImage,
    QKeyEvent,
    QPixmap,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.core.dutylog import (
    ATTACHMENT_TYPES,
    Category,
    DutyLog,
    EntryView,
    EquipmentSlot,
    SlotState,
)
from console.core.site import Site
from console.ui.dialogs import LoginDialog, _AsyncDialog
from console.ui.forms import add_field, ok_cancel, show_error
from console.ui.panes import PaneContext
from console.ui.wording import category_label
from console.ui.worker import run_in_background

Row = EntryView | EquipmentSlot
ENTRY_ROLE = Qt.ItemDataRole.UserRole  # the entry's id (None on a slot row)
GREY, RED, AMBER, DARK = QColor("#6d6d6d"), QColor("#b00020"), QColor("#ffe082"), QColor("#3e2723")
MISSED_BACKGROUND = QColor("#ffebee")
SNAPSHOT_CHOICES = 30  # the newest snapshots offered
THUMB = QSize(160, 90)


def first_line(text: str) -> str:
    lines = text.strip().splitlines() or [""]
    return lines[0] + (" …" if len(lines) > 1 else "")


def can_show(text: str) -> bool:
    """Whether the application font (with its fallbacks) has every character of `text`:
    emoji such as 📎 need an emoji font, which not every console has."""
    metrics = QFontMetrics(QApplication.font())
    return all(metrics.inFontUcs4(ord(ch)) for ch in text)


def button(text: str, parent: QWidget | None = None) -> QPushButton:
    made = QPushButton(text, parent)
    made.setAccessibleName(text.replace("&", "").rstrip("…"))
    return made


# -- the table ----------------------------------------------------------------------------------


class DutyLogModel(QAbstractTableModel):
    NO, TIME, CATEGORY, AUTHOR, TEXT, FILES, NOTES = range(7)

    def __init__(self, ctx: PaneContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tz = ctx.desk.site.tz()
        self.rows: list[Row] = []
        self.day: date | None = None
        self.clip = "📎" if can_show("📎") else ""
        self.headers = [
            self.tr("No."),
            self.tr("Time"),
            self.tr("Category"),
            self.tr("Author"),
            self.tr("Entry"),
            self.clip or self.tr("Pictures"),
            self.tr("Notes"),
        ]
        self.header_tips = {
            self.FILES: self.tr("Attached pictures"),
            self.NOTES: self.tr("Automatic entries, corrections, equipment status"),
        }

    def set_rows(
        self, entries: list[EntryView], slots: list[EquipmentSlot], day: date | None
    ) -> None:
        keyed: list[tuple[datetime, int, Row]] = [(e.at, 0, e) for e in entries]
        keyed += [(s.start, 1, s) for s in slots]
        keyed.sort(key=lambda k: (k[0], k[1]))
        self.beginResetModel()
        self.rows, self.day = [row for _, _, row in keyed], day
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of_entry(self, entry_id: int) -> int:
        for i, row in enumerate(self.rows):
            if isinstance(row, EntryView) and row.id == entry_id:
                return i
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.header_tips.get(section, self.headers[section])
        return None

    def when(self, moment: datetime) -> str:
        local = moment.astimezone(self.tz)
        if self.day is not None and local.date() == self.day:
            return f"{local:%H:%M}"
        return f"{local:%Y-%m-%d %H:%M}"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if isinstance(row, EquipmentSlot):
            return self._slot_data(row, index.column(), role)
        return self._entry_data(row, index.column(), role)

    # -- entries --------------------------------------------------------------------------------

    def notes(self, entry: EntryView) -> list[str]:
        notes = []
        if entry.source != "operator":
            notes.append(self.tr("⚙ auto"))
        if entry.equipment_status:
            notes.append(self.tr("✔ status entry"))
        if entry.corrects_id is not None:
            notes.append(self.tr("corrects #%1").replace("%1", str(entry.corrects_id)))
        if entry.corrected_by:
            ids = ", #".join(str(i) for i in entry.corrected_by)
            notes.append(self.tr("corrected by #%1").replace("%1", ids))
        return notes

    def pictures(self, entry: EntryView) -> str:
        """ "📎 2" (just "2" where no font has the paper clip); empty without pictures."""
        count = len(entry.attachments)
        return f"{self.clip} {count}".strip() if count else ""

    def _entry_data(self, entry: EntryView, column: int, role: int) -> Any:
        if role == ENTRY_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.NO: f"#{entry.id}",
                self.TIME: self.when(entry.at),
                self.CATEGORY: category_label(entry.category),
                self.AUTHOR: entry.author_name,
                self.TEXT: first_line(entry.text),
                self.FILES: self.pictures(entry),
                self.NOTES: " · ".join(self.notes(entry)),
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._entry_tip(entry, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.FILES:
            return self.tr("%1 pictures").replace("%1", str(len(entry.attachments)))
        if entry.corrected_by:  # superseded: greyed and italic, the marker says why
            if role == Qt.ItemDataRole.ForegroundRole:
                return GREY
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def _entry_tip(self, entry: EntryView, column: int) -> str | None:
        if column == self.TEXT:
            return entry.text
        if column == self.AUTHOR:
            return f"{entry.author_name} ({entry.author})"
        if column == self.TIME:
            recorded = entry.recorded_at.astimezone(self.tz)
            return self.tr("Written at %1").replace("%1", f"{recorded:%Y-%m-%d %H:%M:%S}")
        if column == self.FILES and entry.attachments:
            return "\n".join(a.name for a in entry.attachments)
        if column == self.NOTES and entry.source != "operator":
            return self.tr("Written automatically (%1)").replace("%1", entry.ref or entry.source)
        return None

    # -- equipment-status slots ----------------------------------------------------------------

    def _slot_data(self, slot: EquipmentSlot, column: int, role: int) -> Any:
        missed = slot.state is SlotState.MISSED
        if role == Qt.ItemDataRole.DisplayRole:
            start = f"{slot.start.astimezone(self.tz):%H:%M}"
            end = f"{slot.end.astimezone(self.tz):%H:%M}"
            text = (
                self.tr("Equipment status not recorded %1–%2")
                if missed
                else self.tr("Equipment status entry due %1–%2")
            )
            return {
                self.NO: "✖" if missed else "◷",
                self.TIME: self.when(slot.start),
                self.CATEGORY: category_label(Category.EQUIPMENT),
                self.AUTHOR: "—",
                self.TEXT: text.replace("%1", start).replace("%2", end),
                self.NOTES: self.tr("✖ missed") if missed else self.tr("◷ due"),
            }.get(column, "")
        if role == Qt.ItemDataRole.ForegroundRole:
            return RED if missed else DARK
        if role == Qt.ItemDataRole.BackgroundRole:
            return MISSED_BACKGROUND if missed else AMBER
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


# -- writing an entry ---------------------------------------------------------------------------


class EntryDialog(_AsyncDialog):
    """A new entry; with `corrects`, a correction of that entry; with `equipment_summary`, the
    periodic equipment-status entry. OK writes through DutyLog.add on the thread pool; a refusal
    (a handed-over shift, a time in the future, a bad picture) is shown here and the dialog
    stays open."""

    _last_folder: ClassVar[str] = ""

    def __init__(
        self,
        ctx: PaneContext,
        parent: QWidget | None = None,
        *,
        corrects: EntryView | None = None,
        equipment_summary: str | None = None,
    ) -> None:
        if corrects is not None:
            title = self.tr("Correct entry #%1").replace("%1", str(corrects.id))
        elif equipment_summary is not None:
            title = self.tr("Equipment status entry")
        else:
            title = self.tr("New log entry")
        super().__init__(title, parent)
        self.setObjectName("entry-dialog")
        self.setMinimumWidth(520)
        self.ctx, self.corrects = ctx, corrects
        self.tz = ctx.desk.site.tz()
        self.attachments: list[Path] = []
        self._intro(corrects, equipment_summary)
        self.author = QLabel(f"{ctx.actor.display_name} ({ctx.actor.name})")
        self.author.setObjectName("entry-author")
        self.author.setAccessibleName(self.tr("Written by"))
        self.author.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.form.addRow(self.tr("Written by"), self.author)
        self.category = QComboBox()
        for category in Category:
            self.category.addItem(category_label(category), category.value)
        add_field(self.form, self.tr("Cate&gory"), self.category, "entry-category")
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        add_field(self.form, self.tr("&When"), self.when, "entry-time")
        self.status_box = QCheckBox(self.tr("Periodic &equipment-status entry"))
        self.status_box.setObjectName("entry-equipment-status")
        self.status_box.setAccessibleName(self.tr("Periodic equipment-status entry"))
        self.form.addRow("", self.status_box)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What happened, where, who was told, what was done"))
        self.text.setMinimumHeight(120)
        add_field(self.form, self.tr("&Text"), self.text, "entry-text")
        self._attachment_row()
        self.finish_layout(self.tr("&Save entry"))
        self._fill(corrects, equipment_summary)
        self.text.setFocus()

    def _intro(self, corrects: EntryView | None, summary: str | None) -> None:
        if corrects is not None:
            local = corrects.at.astimezone(self.tz)
            text = (
                self.tr(
                    "This entry corrects entry #%1 (%2, %3, %4): “%5”. "
                    "The original stays in the log, marked as corrected."
                )
                .replace("%1", str(corrects.id))
                .replace("%2", f"{local:%Y-%m-%d %H:%M}")
                .replace("%3", category_label(corrects.category))
                .replace("%4", corrects.author_name)
                .replace("%5", first_line(corrects.text))
            )
        elif summary is not None:
            text = self.tr(
                "The periodic equipment-status entry: the devices' state is filled in below; "
                "add what you checked and saw."
            )
        else:
            return
        intro = QLabel(text)
        intro.setObjectName("entry-intro")
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)

    def _attachment_row(self) -> None:
        self.attachment_list = QListWidget()
        self.attachment_list.setMaximumHeight(90)
        add_field(self.form, self.tr("Attach&ments"), self.attachment_list, "entry-attachments")
        self.photo_button = button(self.tr("Attach &photo…"), self)
        self.photo_button.clicked.connect(self.choose_photos)
        self.snapshot_button = button(self.tr("Attach s&napshot…"), self)
        self.snapshot_button.clicked.connect(self.choose_snapshots)
        self.remove_button = button(self.tr("&Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected attachment"))
        self.remove_button.clicked.connect(self.remove_selected_attachment)
        row = QHBoxLayout()
        for widget in (self.photo_button, self.snapshot_button, self.remove_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.form.addRow("", row)
        self._attachments_changed()

    def _fill(self, corrects: EntryView | None, summary: str | None) -> None:
        now = self.ctx.desk.duty.clock().astimezone(self.tz)
        self.when.setDateTime(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        )
        self.time_touched = False
        self.when.dateTimeChanged.connect(self._time_changed)
        category = Category.OTHER
        if corrects is not None:
            category = corrects.category
        elif summary is not None:
            category = Category.EQUIPMENT
            self.text.setPlainText(summary + "\n")
            self.text.moveCursor(QTextCursor.MoveOperation.End)
            self.status_box.setChecked(True)
            self.category.setEnabled(False)
        self.category.setCurrentIndex(self.category.findData(category.value))
        self.category.currentIndexChanged.connect(self._category_changed)
        self._category_changed()

    def _time_changed(self) -> None:
        self.time_touched = True

    def _category_changed(self) -> None:
        is_equipment = self.category.currentData() == Category.EQUIPMENT.value
        self.status_box.setVisible(is_equipment)

    # -- attachments ------------------------------------------------------------------------------

    def add_attachment(self, path: Path) -> bool:
        """Add a picture to the entry (checked by name only: core reads it on OK)."""
        if path.suffix.lower() not in ATTACHMENT_TYPES:
            show_error(
                self.error,
                self.tr("%1 is not a picture: attach JPEG, PNG, BMP, WebP, GIF or TIFF.").replace(
                    "%1", path.name
                ),
            )
            return False
        if path not in self.attachments:
            self.attachments.append(path)
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.attachment_list.addItem(item)
            self.attachment_list.setCurrentItem(item)
        self._attachments_changed()
        return True

    def remove_selected_attachment(self) -> None:
        row = self.attachment_list.currentRow()
        if row < 0:
            return
        item = self.attachment_list.takeItem(row)
        self.attachments.remove(Path(item.data(Qt.ItemDataRole.UserRole)))
        self._attachments_changed()

    def _attachments_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.attachments))

    def choose_photos(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(ATTACHMENT_TYPES))
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach photos"),
            EntryDialog._last_folder,
            self.tr("Pictures (%1)").replace("%1", patterns),
        )
        for name in names:
            EntryDialog._last_folder = str(Path(name).parent)
            self.add_attachment(Path(name))

    def choose_snapshots(self) -> SnapshotDialog:
        chooser = SnapshotDialog(self.ctx.desk.site, self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def attach() -> None:
            for path in chooser.chosen():
                self.add_attachment(path)

        chooser.accepted.connect(attach)
        chooser.open()
        return chooser

    # -- writing ------------------------------------------------------------------------------

    def chosen_time(self) -> datetime:
        """The time field as an aware time in the site's zone (wall clock there)."""
        value = self.when.dateTime()
        day, clock = value.date(), value.time()
        return datetime(
            day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=self.tz
        )

    def accept(self) -> None:
        category = Category(self.category.currentData())
        text = self.text.toPlainText()
        # Untouched, the entry is timed when it is written (the field shows when it opened).
        at = self.chosen_time() if self.time_touched else None
        corrects = self.corrects.id if self.corrects is not None else None
        status = category is Category.EQUIPMENT and self.status_box.isChecked()
        paths = list(self.attachments)
        duty, actor = self.ctx.desk.duty, self.ctx.actor
        self.submit(
            lambda: duty.add(
                actor,
                category,
                text,
                at=at,
                corrects=corrects,
                attachments=paths,
                equipment_status=status,
            )
        )

    @property
    def entry(self) -> EntryView | None:
        return self.result_value if isinstance(self.result_value, EntryView) else None


# -- choosing a snapshot ------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    path: Path
    camera_id: str
    taken: datetime
    thumb: QImage  # made on the worker thread (QImage, unlike QPixmap, may be)


def newest_snapshots(site: Site, limit: int = SNAPSHOT_CHOICES) -> list[Snapshot]:
    """The newest pictures under the site's snapshots folder (camera/day/time.png), with
    thumbnails. Runs on the thread pool: it walks the folder and reads the files."""
    folder = site.snapshots_dir()
    if not folder.is_dir():
        return []
    found: list[tuple[float, Path]] = []
    for path in folder.rglob("*"):
        if path.suffix.lower() in ATTACHMENT_TYPES and path.is_file():
            try:
                found.append((path.stat().st_mtime, path))
            except OSError:
                continue
    found.sort(reverse=True)
    tz = site.tz()
    shots = []
    for mtime, path in found[:limit]:
        image = QImage(str(path))
        thumb = (
            image.scaled(
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            if not image.isNull()
            else QImage()
        )
        camera = path.relative_to(folder).parts[0] if path.parent != folder else ""
        shots.append(Snapshot(path, camera, datetime.fromtimestamp(mtime, tz), thumb))
    return shots


class SnapshotDialog(QDialog):
    """Pick one or more of the newest wall snapshots (Ctrl+S on the camera wall)."""

    def __init__(self, site: Site, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshot-dialog")
        self.setWindowTitle(self.tr("Attach snapshots"))
        self.setAccessibleName(self.windowTitle())
        self.resize(560, 420)
        self.cameras = {c.id: c.name for c in site.cameras}
        self.snapshots: list[Snapshot] = []
        self.loaded = False
        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("snapshot-status")
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("snapshot-list")
        self.list.setIconSize(THUMB)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(self.tr("Snapshots, newest first"))
        self.list.itemActivated.connect(lambda _item: self.accept())
        caption = QLabel(self.tr("&Snapshots, newest first"))
        caption.setBuddy(self.list)
        self.buttons = ok_cancel(self, self.tr("&Attach"))
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.list.setFocus()
        run_in_background(self, lambda: newest_snapshots(site), self._loaded, self._failed)

    def _loaded(self, snapshots: list[Snapshot]) -> None:
        self.snapshots, self.loaded = snapshots, True
        for shot in snapshots:
            camera = self.cameras.get(shot.camera_id, shot.camera_id)
            item = QListWidgetItem(f"{camera} · {shot.taken:%Y-%m-%d %H:%M:%S}")
            if not shot.thumb.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(shot.thumb)))
            item.setToolTip(str(shot.path))
            item.setData(Qt.ItemDataRole.UserRole, str(shot.path))
            self.list.addItem(item)
        if snapshots:
            self.list.setCurrentRow(0)
            self.status.clear()
        else:
            self.status.setText(self.tr("No snapshots yet: Ctrl+S on the camera wall takes one."))

    def _failed(self, exc: Exception) -> None:
        self.loaded = True
        self.status.setText("⚠ " + str(exc))

    def chosen(self) -> list[Path]:
        return [Path(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]


# -- viewing pictures ---------------------------------------------------------------------------


class ImageViewer(QDialog):
    """An entry's pictures, one at a time: ←/→ (or PageUp/PageDown) step through them."""

    def __init__(self, duty: DutyLog, entry: EntryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment-viewer")
        self.setWindowTitle(self.tr("Pictures of entry #%1").replace("%1", str(entry.id)))
        self.setAccessibleName(self.windowTitle())
        self.resize(800, 600)
        self.paths = [duty.attachment_path(a) for a in entry.attachments]
        self.names = [a.name for a in entry.attachments]
        self.index = 0
        self.pixmap = QPixmap()
        self.picture = QLabel()
        self.picture.setObjectName("attachment-picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 240)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setAccessibleName(self.tr("Picture"))
        self.caption = QLabel()
        self.caption.setObjectName("attachment-caption")
        self.previous_button = button(self.tr("◀ &Previous"), self)
        self.previous_button.setAccessibleName(self.tr("Previous picture"))
        self.previous_button.clicked.connect(lambda: self.show_picture(self.index - 1))
        self.next_button = button(self.tr("&Next ▶"), self)
        self.next_button.setAccessibleName(self.tr("Next picture"))
        self.next_button.clicked.connect(lambda: self.show_picture(self.index + 1))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.next_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addLayout(row)
        self.show_picture(0)

    def show_picture(self, index: int) -> None:
        if not self.paths:
            return
        self.index = index % len(self.paths)
        many = len(self.paths) > 1
        self.previous_button.setEnabled(many)
        self.next_button.setEnabled(many)
        self.caption.setText(
            self.tr("%1 / %2 · %3")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.paths)))
            .replace("%3", self.names[self.index])
        )
        self.picture.setAccessibleDescription(self.names[self.index])
        self.pixmap = QPixmap()
        self.picture.setText(self.tr("Loading…"))
        wanted, path = self.index, self.paths[self.index]
        run_in_background(
            self,
            lambda: QImage(str(path)),
            lambda image: self._loaded(wanted, image),
            lambda _exc: self._loaded(wanted, QImage()),
        )

    def _loaded(self, wanted: int, image: QImage) -> None:
        if wanted != self.index:
            return  # stepped on meanwhile
        if image.isNull():
            self.picture.setText(
                self.tr("⚠ %1 cannot be shown (the file is missing or not a picture).").replace(
                    "%1", self.names[wanted]
                )
            )
            return
        self.pixmap = QPixmap.fromImage(image)
        self._scale()

    def _scale(self) -> None:
        if self.pixmap.isNull():
            return
        self.picture.setPixmap(
            self.pixmap.scaled(
                self.picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._scale()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        step = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_PageUp: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_PageDown: 1,
        }.get(Qt.Key(event.key()))
        if step is not None:
            self.show_picture(self.index + step)
            return
        super().keyPressEvent(event)


# -- a second operator joins ---------------------------------------------------------------------


class JoinShiftDialog(LoginDialog):
    """Another operator logs in at this console and is on duty in the shift from now."""

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.desk, parent)
        self.setObjectName("join-dialog")
        self.setWindowTitle(self.tr("Join the shift"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(
            self.tr(
                "A second operator joins the shift at this console with their own user name "
                "and password (GB 25506: at least %1 on duty)."
            ).replace("%1", str(ctx.desk.shifts.min_on_duty))
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Join"))
        ok.setAccessibleName(self.tr("Join"))
