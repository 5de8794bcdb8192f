"""The trainer's workshop dashboard: learners × modules, a chart per module, exports.

Everything it shows comes from ``player.core.trainer_table`` on the storage lane; this module only
lays it out. An optional trainer PIN (``player.core.learning.pins``, throttled like learners'
PINs) guards it: the table, the import of progress files and the CSV and PDF exports all wait
for it, each action checking it again. The first time the dashboard opens on a laptop with
several learners and no trainer PIN, it offers to set one (``ops.trainer``).

The trainer imports each laptop's ``export-progress`` file here (a file imported twice counts
once), exports the table as CSV (the same as ``course-player progress --csv``) and prints a
one-page PDF per learner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from player.core import trainer_table as core
from player.core.errors import PlayerError
from player.ui import style
from player.ui.geometry import fit_to_screen
from player.ui.ops import trainer
from player.ui.ops.changes import PROGRESS_AND_OUTBOX
from player.ui.screens.dashboard_table import (
    ROW_ROLE,
    DashboardFilter,
    DashboardModel,
    opening_course,
)
from player.ui.screens.learners import pin_field
from player.ui.services import Services
from player.ui.style import mark
from player.ui.tasks import one_line
from player.ui.widgets.common import Heading, Note, Retranslatable, percent, show_error


class ModuleChart(QWidget):
    """Two bars per module: share of learners who completed it, and average best score.

    A vertical axis from 0 to 100 % with its title, the modules along the horizontal axis
    with its title, and each bar's value above it ("3/5", "80 %").
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("module-chart")
        self.bars: list[core.ModuleBar] = []
        self.labels = ("Completed", "Average best score")
        self.axis_titles = ("Module", "% of learners / score")
        self.percent = lambda value: f"{value:.0%}"
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[core.ModuleBar]) -> None:
        self.bars = bars
        self.setAccessibleDescription(
            "; ".join(
                f"{b.title}: {b.completed}/{b.learners}"
                + (
                    ""
                    if b.average_best_score is None
                    else f", {self.percent(b.average_best_score)}"
                )
                for b in bars
            )
        )
        self.update()

    def value_texts(self, bar: core.ModuleBar) -> tuple[str, str]:
        """The figures written above a module's two bars."""
        score = "—" if bar.average_best_score is None else self.percent(bar.average_best_score)
        return f"{bar.completed}/{bar.learners}", score

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        text_colour = self.palette().text().color()
        completed_colour, score_colour = style.colour("success"), style.colour("accent")
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        x = area.left()
        for colour, text in zip((completed_colour, score_colour), self.labels, strict=True):
            painter.fillRect(QRectF(x, area.top() + 2, line - 4, line - 4), colour)
            painter.setPen(text_colour)
            painter.drawText(QRectF(x + line, area.top(), 400, line), text)
            x += line + metrics.horizontalAdvance(text) + 2 * line
        y_title, x_title = self.axis_titles
        painter.drawText(QRectF(area.left(), area.top() + line, area.width(), line), y_title)
        # the vertical axis: 0, 50 and 100 %, right-aligned in a gutter
        gutter = metrics.horizontalAdvance(self.percent(1.0)) + 8
        top = area.top() + 2.6 * line
        bottom = area.bottom() - 2.4 * line
        height = max(1.0, bottom - top)
        left = area.left() + gutter
        painter.setPen(self.palette().mid().color())
        painter.drawLine(int(left), int(top), int(left), int(bottom))
        painter.drawLine(int(left), int(bottom), int(area.right()), int(bottom))
        for share in (0.0, 0.5, 1.0):
            y = bottom - height * share
            painter.setPen(self.palette().mid().color())
            painter.drawLine(int(left - 3), int(y), int(left), int(y))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(area.left(), y - line / 2, gutter - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.percent(share),
            )
        painter.drawText(
            QRectF(left, area.bottom() - line, area.right() - left, line),
            Qt.AlignmentFlag.AlignHCenter,
            x_title,
        )
        if not self.bars:
            painter.end()
            return
        slot = (area.right() - left) / len(self.bars)
        width = max(2.0, min(40.0, slot / 3))
        for index, bar in enumerate(self.bars):
            start = left + index * slot + (slot - 2 * width) / 2
            done = bar.completed / bar.learners if bar.learners else 0.0
            score = bar.average_best_score or 0.0
            texts = self.value_texts(bar)
            for offset, value, colour, text in (
                (0.0, done, completed_colour, texts[0]),
                (width, score, score_colour, texts[1]),
            ):
                h = height * max(0.0, min(1.0, value))
                painter.fillRect(QRectF(start + offset, bottom - h, width - 2, h), colour)
                if slot >= 2 * metrics.horizontalAdvance(text):  # values only where they fit
                    painter.setPen(text_colour)
                    painter.drawText(
                        QRectF(start + offset - width, bottom - h - line, 3 * width, line),
                        Qt.AlignmentFlag.AlignHCenter,
                        text,
                    )
            painter.setPen(text_colour)
            caption = metrics.elidedText(bar.title, Qt.TextElideMode.ElideRight, int(slot) - 4)
            painter.drawText(
                QRectF(left + index * slot, bottom + 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                caption,
            )
        painter.end()


class TrainerPinPage(Retranslatable, QWidget):
    """Set, change or remove the trainer PIN: the first-time offer, or from the dashboard."""

    saved = Signal(bool)  # a PIN is now set (False: removed)
    declined = Signal()  # "Not now" (the offer) or "Cancel" (changing it)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.offer = True  # the first-time offer; False: changing it from the dashboard
        self.pin_is_set = False
        self.setObjectName("trainer-pin-page")
        self.heading = Heading(factor=1.3)
        self.intro = Note()
        self.new_label = QLabel()
        self.new = pin_field()
        self.new.setObjectName("trainer-new-pin")
        self.again_label = QLabel()
        self.again = pin_field()
        self.again.setObjectName("trainer-new-pin-again")
        self.again.returnPressed.connect(self.save)
        form = QFormLayout()
        for label, field in ((self.new_label, self.new), (self.again_label, self.again)):
            label.setBuddy(field)
            form.addRow(label, field)
        self.message = Note()
        self.message.setObjectName("trainer-pin-page-message")
        mark(self.message, tone="danger")
        self.save_button = QPushButton()
        self.save_button.setObjectName("trainer-pin-save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("trainer-pin-remove")
        self.remove_button.clicked.connect(self.remove)
        self.later_button = QPushButton()
        self.later_button.setObjectName("trainer-pin-later")
        self.later_button.clicked.connect(self.decline)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.retranslate()

    def start(self, *, offer: bool, pin_is_set: bool = False) -> None:
        self.offer = offer
        self.pin_is_set = pin_is_set
        for field in (self.new, self.again):
            field.clear()
        self.message.clear()
        self.remove_button.setVisible(pin_is_set and not offer)
        self.retranslate()
        self.new.setFocus()

    def retranslate(self) -> None:
        if self.offer:
            self.heading.setText(self.tr("Protect this dashboard with a trainer PIN?"))
            self.intro.setText(
                self.tr(
                    "Several learners use this computer. With a trainer PIN, only you can open "
                    "this dashboard, import progress files and export results. 4 to 8 digits."
                )
            )
            self.later_button.setText(self.tr("&Not now"))
        else:
            self.heading.setText(self.tr("Trainer PIN"))
            self.intro.setText(
                self.tr(
                    "Only someone who knows the trainer PIN can open this dashboard, import "
                    "progress files and export results. 4 to 8 digits."
                )
            )
            self.later_button.setText(self.tr("Cancel"))
        self.new_label.setText(self.tr("&New trainer PIN:"))
        self.again_label.setText(self.tr("New trainer PIN &again:"))
        self.new.setAccessibleName(self.tr("New trainer PIN"))
        self.again.setAccessibleName(self.tr("New trainer PIN again"))
        self.save_button.setText(self.tr("&Set the trainer PIN"))
        self.remove_button.setText(self.tr("&Remove the trainer PIN"))

    def save(self) -> None:
        new = self.new.text()
        if len(new) < 4:
            self.message.setText(self.tr("A PIN has 4 to 8 digits."))
            self.new.setFocus()
            return
        if new != self.again.text():
            self.message.setText(self.tr("The two PINs differ. Type them again."))
            self.again.clear()
            self.again.setFocus()
            return
        self._store(new)

    def remove(self) -> None:
        self._store(None)

    def _store(self, pin: str | None) -> None:
        self.save_button.setEnabled(False)
        self.services.tasks.run(
            lambda: trainer.set_trainer_pin(self.services, pin),
            self._stored,
            self._failed,
            owner=self,
        )

    def _stored(self, now_set: bool) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(now_set)

    def decline(self) -> None:
        if self.offer:
            self.services.tasks.run(
                lambda: trainer.decline_trainer_pin(self.services),
                lambda _none: self.declined.emit(),
                self._failed,
                owner=self,
            )
        else:
            self.declined.emit()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(one_line(error))


def csv_style() -> core.CsvStyle:
    """The readable CSV in the UI language, ``;``-separated where decimals take a comma."""
    return core.CsvStyle(
        translate=lambda text: QCoreApplication.translate("DashboardCsv", text),
        decimal_comma=QLocale().decimalPoint() == ",",
    )


class DashboardDialog(Retranslatable, QDialog):
    loaded = Signal()  # the table was (re)drawn

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.rows: list[core.DashboardRow] = []
        self.unlocked = False  # no trainer PIN, or it was typed in this dialog
        self.trainer_pin_set = False
        self._loaded: str | None = None  # the course whose rows were read (None: every course)
        self._loading: str | None = None  # the course being read
        self.setObjectName("dashboard-dialog")
        fit_to_screen(self, QSize(960, 640))
        self.stack = QStackedWidget()

        # PIN gate
        self.gate = QWidget()
        self.gate_heading = Heading(factor=1.3)
        self.pin = pin_field()
        self.pin.setObjectName("trainer-pin")
        self.pin.returnPressed.connect(self._check_pin)
        self.pin_message = Note()
        self.pin_message.setObjectName("trainer-pin-message")
        mark(self.pin_message, tone="danger")
        self.unlock = QPushButton()
        self.unlock.setObjectName("trainer-unlock")
        self.unlock.clicked.connect(self._check_pin)
        gate = QVBoxLayout(self.gate)
        gate.addStretch(1)
        gate.addWidget(self.gate_heading)
        gate.addWidget(self.pin)
        gate.addWidget(self.pin_message)
        gate.addWidget(self.unlock)
        gate.addStretch(2)
        self.pin_page = TrainerPinPage(services)
        self.pin_page.saved.connect(self._pin_saved)
        self.pin_page.declined.connect(self._back_to_board)

        # the dashboard itself
        self.board = QWidget()
        self.heading = Heading(factor=1.3)
        self.course_label = QLabel()
        self.course = QComboBox()
        self.course.setObjectName("dashboard-course")
        self.course.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.course_label.setBuddy(self.course)
        self.course.currentIndexChanged.connect(lambda _i: self._filter())
        # filters: the module and the learner contain the typed text
        self.module_label = QLabel()
        self.module_filter = QLineEdit()
        self.module_filter.setObjectName("dashboard-module-filter")
        self.module_filter.setClearButtonEnabled(True)
        self.module_filter.textChanged.connect(lambda _t: self._filter())
        self.module_label.setBuddy(self.module_filter)
        self.learner_label = QLabel()
        self.learner_filter = QLineEdit()
        self.learner_filter.setObjectName("dashboard-learner-filter")
        self.learner_filter.setClearButtonEnabled(True)
        self.learner_filter.textChanged.connect(lambda _t: self._filter())
        self.learner_label.setBuddy(self.learner_filter)
        # model/view: thousands of rows without one widget per cell
        self.model = DashboardModel(self)
        self.model.state_text = self._state_text
        self.model.sync_text = self._sync_text
        self.model.percent = percent
        self.model.imported_tip = lambda files: self.tr("Imported from: %1").replace("%1", files)
        self.proxy = DashboardFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("dashboard-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the core's order until a click
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # column widths from the first 200 rows: all 6,000 of a season cost ~0.4 s on opening
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.chart = ModuleChart()
        self.status = Note()
        self.status.setObjectName("dashboard-status")
        self.import_button = QPushButton()
        self.import_button.setObjectName("dashboard-import")
        self.import_button.clicked.connect(self._ask_import)
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("dashboard-csv")
        self.csv_button.clicked.connect(self._ask_csv)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("dashboard-pdf")
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.usb_button = QPushButton()
        self.usb_button.setObjectName("dashboard-progress-to-usb")
        self.usb_button.clicked.connect(self.progress_to_usb)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.trainer_pin_button = QPushButton()
        self.trainer_pin_button.setObjectName("dashboard-trainer-pin")
        self.trainer_pin_button.clicked.connect(self.change_trainer_pin)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.course_label)
        top.addWidget(self.course)
        filters = QHBoxLayout()
        filters.addWidget(self.module_label)
        filters.addWidget(self.module_filter, 1)
        filters.addWidget(self.learner_label)
        filters.addWidget(self.learner_filter, 1)
        # two rows of buttons: one row is wider than a 1024-pixel netbook screen in French
        buttons = QVBoxLayout()
        files, others = QHBoxLayout(), QHBoxLayout()
        for button in (self.import_button, self.usb_button):
            files.addWidget(button)
        files.addStretch(1)
        for button in (self.csv_button, self.pdf_button):
            others.addWidget(button)
        others.addStretch(1)
        others.addWidget(self.trainer_pin_button)
        others.addWidget(self.refresh_button)
        buttons.addLayout(files)
        buttons.addLayout(others)
        board = QVBoxLayout(self.board)
        board.addLayout(top)
        board.addLayout(filters)
        board.addWidget(self.table, 3)
        board.addWidget(self.chart, 1)
        board.addWidget(self.status)
        board.addLayout(buttons)

        self.stack.addWidget(self.gate)
        self.stack.addWidget(self.pin_page)
        self.stack.addWidget(self.board)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        layout.addWidget(self.close_buttons)  # a real dialog: it closes from its own button
        self.retranslate()
        self.services.tasks.run(
            lambda: trainer.trainer_gate(self.services),
            self._gate_known,
            self._failed,
            owner=self,
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Trainer dashboard"))
        self.close_buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.gate_heading.setText(self.tr("Trainer PIN"))
        self.pin.setAccessibleName(self.tr("Trainer PIN"))
        self.unlock.setText(self.tr("&Open the dashboard"))
        self.heading.setText(self.tr("Workshop progress"))
        self.course_label.setText(self.tr("&Course:"))
        self.module_label.setText(self.tr("&Module:"))
        self.module_filter.setPlaceholderText(self.tr("part of a module's title"))
        self.module_filter.setAccessibleName(self.tr("Show only the modules containing"))
        self.learner_label.setText(self.tr("L&earner:"))
        self.learner_filter.setPlaceholderText(self.tr("part of a name"))
        self.learner_filter.setAccessibleName(self.tr("Show only the learners containing"))
        self.model.set_headers(
            [
                self.tr("Learner"),
                self.tr("Course"),
                self.tr("Module"),
                self.tr("State"),
                self.tr("Lessons"),
                self.tr("Best score"),
                self.tr("Time spent"),
                self.tr("Last activity"),
                self.tr("Sync"),
            ]
        )
        self.table.setAccessibleName(self.tr("Learners and modules"))
        self.chart.labels = (self.tr("Completed"), self.tr("Average best score"))
        self.chart.axis_titles = (
            self.tr("% of the learners who completed it, average best quiz score"),
            self.tr("Modules"),
        )
        self.chart.percent = percent
        self.chart.setAccessibleName(self.tr("Per module: learners who completed it, average"))
        self.import_button.setText(self.tr("&Import a laptop's progress file…"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.pdf_button.setText(self.tr("&Print the selected learner's summary (PDF)…"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.usb_button.setText(self.tr("E&very learner's progress to a USB stick…"))
        self.trainer_pin_button.setText(self.tr("&Trainer PIN…"))
        if self.course.count():
            self.course.setItemText(0, self.tr("All courses"))

    # ------------------------------------------------------------------ PIN gate

    def _gate_known(self, gate: trainer.Gate) -> None:
        self.trainer_pin_set = gate == "pin"
        if gate == "pin":
            self.stack.setCurrentWidget(self.gate)
            self.pin.setFocus()
        elif gate == "offer":
            self.unlocked = True  # no PIN yet: the trainer may also say "Not now"
            self.stack.setCurrentWidget(self.pin_page)
            self.pin_page.start(offer=True)
        else:
            self.unlocked = True
            self._open_board()

    def _check_pin(self) -> None:
        pin = self.pin.text()
        self.pin.clear()

        def checked(ok: bool) -> None:
            if ok:
                self.unlocked = True
                self.pin_message.clear()
                self._open_board()
            else:
                self.pin_message.setText(self.tr("Wrong PIN."))

        def refused(error: BaseException) -> None:
            if isinstance(error, PlayerError):  # e.g. too many wrong PINs: try again in 30 s
                self.pin_message.setText(one_line(error))
            else:
                self._failed(error)

        self.services.tasks.run(
            lambda: trainer.check_trainer_pin(self.services, pin),
            checked,
            refused,
            owner=self,
        )

    def _locked(self) -> bool:
        """True (and the PIN page shown) when the trainer PIN has not been typed here."""
        if self.unlocked:
            return False
        self.stack.setCurrentWidget(self.gate)
        self.pin_message.setText(self.tr("Type the trainer PIN first."))
        self.pin.setFocus()
        return True

    def change_trainer_pin(self) -> None:
        """Set, change or remove the trainer PIN (the dashboard is open: no PIN asked again)."""
        if self._locked():
            return
        self.stack.setCurrentWidget(self.pin_page)
        self.pin_page.start(offer=False, pin_is_set=self.trainer_pin_set)

    def _pin_saved(self, now_set: bool) -> None:
        self.trainer_pin_set = now_set
        if now_set:
            self._notice = self.tr("The trainer PIN is set.")
        else:
            self._notice = self.tr("The trainer PIN was removed.")
        self._back_to_board()

    def _back_to_board(self) -> None:
        """The board as it was (after changing the PIN), or read for the first time."""
        if self.course.count():
            self.stack.setCurrentWidget(self.board)
            self._show_count()
        else:
            self._open_board()

    def _open_board(self) -> None:
        if self._locked():
            return
        self.stack.setCurrentWidget(self.board)
        self.services.tasks.run(
            lambda: core.installed_courses(self.services.context),
            self._fill_courses,
            self._failed,
            owner=self,
        )

    def _fill_courses(self, courses: list[tuple[str, str]]) -> None:
        self.course.blockSignals(True)
        self.course.clear()
        self.course.addItem(self.tr("All courses"), None)
        for course_id, title in courses:
            self.course.addItem(title, course_id)
        first = opening_course([course_id for course_id, _title in courses])
        if first is not None:  # many courses: open on one, as fast as with one course
            self.course.setCurrentIndex(self.course.findData(first))
        self.course.blockSignals(False)
        self.reload()

    # ------------------------------------------------------------------ table

    @property
    def course_id(self) -> str | None:
        return self.course.currentData() if self.course.count() else None

    _notice: str | None = None  # what the next reload shows in the status line

    def reload(self) -> None:
        if not self.unlocked or self.stack.currentWidget() is not self.board:
            return
        scope = self.course_id  # one course, or None: all of them
        self._loading = scope
        self.services.tasks.run(
            lambda: core.dashboard_table(self.services.context, scope),
            lambda rows: self._fill(rows, scope),
            self._failed,
            owner=self,
        )

    def _state_text(self, state: str) -> str:
        return {
            "complete": self.tr("complete"),
            "open": self.tr("open"),
            "locked": self.tr("locked"),
            core.NOT_REPORTED: self.tr("not reported"),
        }.get(state, state)

    def _sync_text(self, row: core.DashboardRow) -> str:
        if row.sync_state == "waiting":
            return self.tr("%1 waiting").replace("%1", str(row.sync_waiting))
        return {
            "all_sent": self.tr("all sent"),
            "problem": self.tr("rejected by the LRS"),
            "nothing": "—",
        }.get(row.sync_state, row.sync_state)

    def _fill(self, rows: list[core.DashboardRow], scope: str | None = None) -> None:
        self.rows = rows
        self._loaded = scope
        self.model.set_rows(rows)
        self._filter(count=False)
        self.table.resizeColumnsToContents()
        self._show_count()
        self.loaded.emit()

    def _filter(self, *, count: bool = True) -> None:
        """Show the chosen course, module and learner; the chart follows what the table shows.

        The rows of every course are filtered here; a course not among the rows read is read.
        """
        if self._loaded is not None and self.course_id != self._loaded:
            if self._loading != self.course_id:
                self.reload()
            return
        self.proxy.set_filter(
            course_id=self.course_id,
            module_text=self.module_filter.text(),
            learner_text=self.learner_filter.text(),
        )
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.chart.set_bars(core.module_chart(self.proxy.visible_rows()))
        if count:
            self._show_count()

    def visible_rows(self) -> list[core.DashboardRow]:
        return self.proxy.visible_rows()

    def _show_count(self) -> None:
        learners = len({r.learner_key for r in self.proxy.visible_rows()})
        self.status.setText(self._notice or self.tr("%n learner(s)", "", learners))
        self._notice = None

    def selected_row(self) -> core.DashboardRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    # ------------------------------------------------------------------ actions

    def _ask_import(self) -> None:
        if self._locked():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Progress file"), "", self.tr("Progress files (*.jsonl);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        if self._locked():
            return
        from player.core.sync.merge import CourseIndex
        from player.core.sync.progress_files import import_progress
        from player.core.sync.service import manifests_of

        def work() -> Any:
            ctx = self.services.context
            return import_progress(ctx.db, path, CourseIndex.load(ctx.db, manifests_of(ctx)))

        def done(report: Any) -> None:
            text = self.tr(
                "%1: %2 new (%3 merged into progress, %4 not merged), %5 already here,"
                " %6 rejected line(s)."
            )
            for marker, value in (
                ("%1", path.name),
                ("%2", str(report.queued)),
                ("%3", str(report.merged)),
                ("%4", str(len(report.reported))),
                ("%5", str(report.duplicates)),
                ("%6", str(len(report.rejected))),
            ):
                text = text.replace(marker, value)
            self._notice = text  # shown once the table is reloaded, instead of the count
            self.status.setText(text)
            self.reload()
            # Imported progress and statements: the library, outline and status line redraw.
            self.services.tasks.announce(PROGRESS_AND_OUTBOX, self)

        self.services.tasks.run(work, done, self._failed, owner=self)

    def _ask_csv(self) -> None:
        if self._locked():
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), "progress.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        if self._locked():
            return
        rows = self.visible_rows()  # what the table shows, in its order
        style = csv_style()

        def work() -> int:
            temporary = path.with_name(f".{path.name}.partial")
            try:
                with open(temporary, "w", encoding="utf-8", newline="") as stream:
                    count = core.write_csv(rows, stream, style)
                temporary.replace(path)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
            return count

        def done(count: int) -> None:
            self.status.setText(
                self.tr("%1 row(s) written to %2")
                .replace("%1", str(count))
                .replace("%2", str(path))
            )

        self.services.tasks.run(work, done, self._failed, owner=self)

    def progress_to_usb(self) -> QWidget | None:
        """Every learner's progress on this laptop onto a stick (the trainer PIN is typed)."""
        if self._locked():
            return None
        from player.ui.screens.usb_dialogs import ProgressToUsbDialog

        dialog = ProgressToUsbDialog(self.services, None, "learners", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _ask_pdf(self) -> None:
        if self._locked():
            return
        row = self.selected_row()
        if row is None:
            self.status.setText(self.tr("Select a learner's row first."))
            return
        suggested = f"{row.learner_name}-{row.course_id}.pdf".replace(" ", "-")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Learner summary"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.print_summary(row, Path(path))

    def print_summary(self, row: core.DashboardRow, path: Path) -> None:
        """The summary is gathered on the storage lane, then drawn here (QtGui, main thread)."""
        if self._locked():
            return
        from player.ui.reports import write_learner_pdf

        def work() -> tuple[Any, str]:
            ctx = self.services.context
            summary = core.learner_summary(ctx, row.learner_key, row.course_id)
            return summary, ctx.manifest(row.course_id).language

        def done(result: tuple[Any, str]) -> None:
            summary, language = result
            try:
                write_learner_pdf(summary, path, course_language=language)
            except Exception as error:  # shown to the user in one line
                self._failed(error)
                return
            self.status.setText(self.tr("Summary written to %1").replace("%1", str(path)))

        self.services.tasks.run(work, done, self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        show_error(self, self.tr("Trainer dashboard"), one_line(error))
