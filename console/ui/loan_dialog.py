"""The footage-loan request form (录像借阅申请, rule 3.4.3).

Who borrows (police, a resident, staff, another organisation), with an ID number that is shown
only masked once typed (core keeps a keyed hash and the masked form, never the number), what
footage (one row per camera and time range, in site time, to the second), and how: viewed on
site (residents by default) or copied onto a medium with its serial number. Police need a case
number, and a copy for them a second officer. Core checks every field; a refusal naming one is
shown under it. Filing runs on the thread pool (it checks that each range has recordings).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.loans import (
    MAX_NAME,
    MAX_RANGES,
    MAX_TEXT,
    BorrowerKind,
    LoanError,
    LoanForm,
    LoanMode,
    Medium,
    RangeForm,
)
from console.core.visits import IdType
from console.ui.dialogs import FieldDialog
from console.ui.forms import show_error
from console.ui.panes import PaneContext
from console.ui.visit_widgets import IdNumberInput, SiteTimeEdit
from console.ui.wording import (
    borrower_kind_label,
    describe,
    id_type_label,
    loan_mode_label,
    medium_label,
)

COPY_DUE = timedelta(days=7)  # a copy is due back a week later, unless the form says otherwise
DEFAULT_RANGE = timedelta(hours=1)  # a new range: the last hour
RANGE_COLUMNS = 3


def id_type_box() -> QComboBox:
    box = QComboBox()
    for kind in IdType:
        box.addItem(id_type_label(kind), kind.value)
    return box


def choose(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


def line(limit: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(limit)
    edit.setPlaceholderText(placeholder)
    return edit


def default_due(mode: LoanMode, now: datetime, tz: Any) -> datetime:
    """A copy: a week on. A viewing: the end of today (or an hour on, late in the evening)."""
    if mode is LoanMode.COPY:
        return now + COPY_DUE
    end = datetime.combine(now.astimezone(tz).date(), time(23, 59), tz)
    return max(end, now + timedelta(hours=1))


class RangesEditor(QWidget):
    """The camera ranges of a loan: a table with a camera and two times (site time, to the
    second) per row, and buttons to add and remove rows."""

    def __init__(self, cameras: list[tuple[str, str]], tz: Any, clock: Callable[[], datetime]):
        super().__init__()
        self.cameras, self.tz, self.clock = cameras, tz, clock
        self.table = QTableWidget(0, RANGE_COLUMNS)
        self.table.setObjectName("loan-ranges")
        self.table.setAccessibleName(self.tr("Cameras and time ranges"))
        self.table.setHorizontalHeaderLabels([self.tr("Camera"), self.tr("From"), self.tr("To")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(150)
        self.add_button = QPushButton(self.tr("&Add range"))
        self.add_button.setObjectName("loan-range-add")
        self.add_button.setAccessibleName(self.tr("Add range"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda _checked=False: self.add_row())
        self.remove_button = QPushButton(self.tr("Remo&ve range"))
        self.remove_button.setObjectName("loan-range-remove")
        self.remove_button.setAccessibleName(self.tr("Remove range"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_row())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self.add_row()

    def add_row(
        self,
        camera_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> int:
        """A row (the last hour of the previous row's camera, unless given); its index."""
        row = self.table.rowCount()
        if row >= MAX_RANGES:
            return -1
        now = self.clock().replace(microsecond=0)
        camera = QComboBox()
        for camera_id_, name in self.cameras:
            camera.addItem(name, camera_id_)
        if camera_id is None and row > 0:
            camera_id = str(self.camera_box(row - 1).currentData())
        if camera_id is not None:
            choose(camera, camera_id)
        end = end or now
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, camera)
        self.table.setCellWidget(row, 1, SiteTimeEdit(self.tz, start or end - DEFAULT_RANGE, True))
        self.table.setCellWidget(row, 2, SiteTimeEdit(self.tz, end, True))
        self._name_rows()
        self.table.setCurrentCell(row, 0)
        self.remove_button.setEnabled(self.table.rowCount() > 1)
        self.add_button.setEnabled(self.table.rowCount() < MAX_RANGES)
        return row

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if self.table.rowCount() <= 1 or row < 0:
            return
        self.table.removeRow(row)
        self._name_rows()
        self.remove_button.setEnabled(self.table.rowCount() > 1)
        self.add_button.setEnabled(True)

    def _name_rows(self) -> None:
        for row in range(self.table.rowCount()):
            number = str(row + 1)
            for col, text in (
                (0, self.tr("Camera of range %1")),
                (1, self.tr("Start of range %1")),
                (2, self.tr("End of range %1")),
            ):
                widget = self.table.cellWidget(row, col)
                widget.setAccessibleName(text.replace("%1", number))
                widget.setObjectName(f"loan-range-{row}-{col}")

    def camera_box(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 0)
        assert isinstance(widget, QComboBox)
        return widget

    def time_edit(self, row: int, col: int) -> SiteTimeEdit:
        widget = self.table.cellWidget(row, col)
        assert isinstance(widget, SiteTimeEdit)
        return widget

    def set_row(self, row: int, camera_id: str, start: datetime, end: datetime) -> None:
        choose(self.camera_box(row), camera_id)
        self.time_edit(row, 1).set_value(start)
        self.time_edit(row, 2).set_value(end)

    def ranges(self) -> list[RangeForm]:
        return [
            RangeForm(
                str(self.camera_box(row).currentData() or ""),
                self.time_edit(row, 1).value(),
                self.time_edit(row, 2).value(),
            )
            for row in range(self.table.rowCount())
        ]

    def point_at(self, row: int) -> None:
        """Select the row a refusal names and put the focus on its camera."""
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, 0)
            self.camera_box(row).setFocus()


class LoanRequestDialog(FieldDialog):
    """A new loan request. On success `result_value` is the LoanView filed."""

    def __init__(self, ctx: PaneContext, parent: QWidget) -> None:
        super().__init__(
            QCoreApplication.translate("LoanDialog", "New footage loan request"),
            parent,
            QCoreApplication.translate(
                "LoanDialog",
                "Everyone who borrows footage, police included, needs the management office "
                "head's approval (rule 3.4.3). Residents view footage here by default.",
            ),
            "loan-intro",
        )
        self.ctx = ctx
        self.loans = ctx.desk.loans
        self.tz = ctx.desk.site.tz()
        self.due_touched = False
        self.setObjectName("loan-request")
        self.setMinimumWidth(1100)
        right = QVBoxLayout()
        right.addWidget(self._footage_box(), 1)
        right.addWidget(self._lending_box())
        columns = QHBoxLayout()
        columns.addWidget(self._borrower_box(), 1)
        columns.addLayout(right, 1)
        self.layout_.insertLayout(1, columns)
        self.finish_layout(self.tr("&File request"))
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.mode.currentIndexChanged.connect(lambda _index: self._mode_changed())
        self.due.dateTimeChanged.connect(self._due_edited)
        self._kind_changed()
        self.name.setFocus()

    # -- building -------------------------------------------------------------------------------

    def _borrower_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Borrower"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox()
        for kind in BorrowerKind:
            self.kind.addItem(borrower_kind_label(kind), kind.value)
        self.name = line(MAX_NAME)
        self.organisation = line(128, self.tr("e.g. 翠湖派出所, an insurer"))
        self.id_type = id_type_box()
        self.id_number = IdNumberInput()
        self.phone = line(24)
        self.purpose = line(MAX_TEXT, self.tr("e.g. theft in garage B1 on the night of the 3rd"))
        self.case_no = line(64)
        add = self.fields.add
        add(self.tr("Borrower &kind"), self.kind, "loan-kind", "borrower_kind", into=form)
        add(self.tr("&Name"), self.name, "loan-name", "borrower_name", into=form)
        add(self.tr("&Organisation"), self.organisation, "loan-org", "organisation", into=form)
        add(self.tr("ID &type"), self.id_type, "loan-id-type", "id_type", into=form)
        number = self.id_number
        add(self.tr("&ID number"), number, "loan-id-number", "id_number", number.edit, form)
        add(self.tr("&Phone"), self.phone, "loan-phone", "phone", into=form)
        add(self.tr("P&urpose"), self.purpose, "loan-purpose", "purpose", into=form)
        add(self.tr("&Case or receipt no."), self.case_no, "loan-case", "case_no", into=form)
        form.addRow(self._officer_box())
        return box

    def _officer_box(self) -> QGroupBox:
        self.officer_box = QGroupBox(self.tr("Second officer (police copy)"))
        self.officer_box.setObjectName("loan-officer2")
        form = QFormLayout(self.officer_box)
        self.officer2_name = line(MAX_NAME)
        self.officer2_id_type = id_type_box()
        choose(self.officer2_id_type, IdType.POLICE.value)
        self.officer2_id = IdNumberInput()
        add = self.fields.add
        add(
            self.tr("Officer's na&me"),
            self.officer2_name,
            "loan-o2-name",
            "officer2_name",
            None,
            form,
        )
        add(
            self.tr("Officer's ID t&ype"),
            self.officer2_id_type,
            "loan-o2-id-type",
            "officer2_id_type",
            into=form,
        )
        officer = self.officer2_id
        add(
            self.tr("Officer's I&D number"),
            officer,
            "loan-o2-id-number",
            "officer2_id_number",
            officer.edit,
            form,
        )
        return self.officer_box

    def _footage_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Footage"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # the table: full width
        recorded = [(c.id, c.name) for c in self.ctx.desk.site.cameras if c.record]
        self.ranges = RangesEditor(recorded, self.tz, self.loans.clock)
        self.fields.add(
            self.tr("Cameras and &times"),
            self.ranges,
            "loan-ranges",
            "ranges",
            self.ranges.table,
            form,
        )
        return box

    def _lending_box(self) -> QGroupBox:
        """How the footage is lent, and until when."""
        box = QGroupBox(self.tr("Viewing or copy"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.mode = QComboBox()
        for mode in LoanMode:
            self.mode.addItem(loan_mode_label(mode), mode.value)
        self.medium = QComboBox()
        for medium in Medium:
            self.medium.addItem(medium_label(medium), medium.value)
        self.serial = line(64, self.tr("The serial number printed on the medium"))
        self.due = SiteTimeEdit(self.tz, self.loans.clock())
        add = self.fields.add
        add(self.tr("&Viewing or copy"), self.mode, "loan-mode", "mode", into=form)
        add(self.tr("&Medium"), self.medium, "loan-medium", "medium", into=form)
        add(
            self.tr("Medium's &serial no."), self.serial, "loan-serial", "medium_serial", None, form
        )
        add(self.tr("&Due"), self.due, "loan-due", "due_at", into=form)
        return box

    # -- what the choices change ----------------------------------------------------------------

    def borrower_kind(self) -> BorrowerKind:
        return BorrowerKind(str(self.kind.currentData()))

    def loan_mode(self) -> LoanMode:
        return LoanMode(str(self.mode.currentData()))

    def _kind_changed(self) -> None:
        """Residents view on site (personal-information practice); the others take a copy.
        Police show their police ID and need a case number."""
        kind = self.borrower_kind()
        police = kind is BorrowerKind.POLICE
        choose(self.mode, (LoanMode.VIEW if kind is BorrowerKind.RESIDENT else LoanMode.COPY).value)
        choose(self.id_type, (IdType.POLICE if police else IdType.RESIDENT_ID).value)
        self.case_no.setPlaceholderText(
            self.tr("Required for the police") if police else self.tr("If there is one")
        )
        self.fields.captions["case_no"].setText(
            self.tr("&Case or receipt no. *") if police else self.tr("&Case or receipt no.")
        )
        self._mode_changed()

    def _mode_changed(self) -> None:
        copy = self.loan_mode() is LoanMode.COPY
        for key in ("medium", "medium_serial"):
            self.fields.set_row_visible(key, copy)
        self.officer_box.setVisible(copy and self.borrower_kind() is BorrowerKind.POLICE)
        if not self.due_touched:
            self.due.blockSignals(True)
            self.due.set_value(default_due(self.loan_mode(), self.loans.clock(), self.tz))
            self.due.blockSignals(False)

    def _due_edited(self) -> None:
        self.due_touched = True

    # -- filing ---------------------------------------------------------------------------------

    def form_value(self) -> LoanForm:
        copy = self.loan_mode() is LoanMode.COPY
        police_copy = copy and self.borrower_kind() is BorrowerKind.POLICE
        return LoanForm(
            borrower_kind=self.borrower_kind(),
            borrower_name=self.name.text(),
            id_type=str(self.id_type.currentData()),
            id_number=self.id_number.number(),
            purpose=self.purpose.text(),
            ranges=self.ranges.ranges(),
            due_at=self.due.value(),
            organisation=self.organisation.text(),
            phone=self.phone.text(),
            case_no=self.case_no.text(),
            officer2_name=self.officer2_name.text() if police_copy else "",
            officer2_id_type=str(self.officer2_id_type.currentData()),
            officer2_id_number=self.officer2_id.number() if police_copy else "",
            mode=self.loan_mode(),
            medium=str(self.medium.currentData()) if copy else "",
            medium_serial=self.serial.text() if copy else "",
        )

    def call(self) -> Callable[[], Any]:
        loans, actor, form = self.loans, self.ctx.actor, self.form_value()
        return lambda: loans.request(actor, form)

    def failed(self, exc: Exception) -> None:
        """A refusal of one range is shown under the table, naming the range's row."""
        field = exc.field if isinstance(exc, LoanError) else None
        if field is None or not field.startswith("ranges["):
            super().failed(exc)
            return
        row = int(field[len("ranges[") : -1])
        self.error.hide()
        text = self.tr("Range %1: %2").replace("%1", str(row + 1)).replace("%2", describe(exc))
        show_error(self.fields.error_of("ranges"), text)
        self.ranges.point_at(row)
