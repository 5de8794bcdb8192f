"""The trainer's workshop dashboard: learners × modules, a chart per module, exports.

Everything it shows comes from ``player.core.dashboard`` on the storage lane; this module only
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

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
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
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from player.core import dashboard as core
from player.core.errors import PlayerError
from player.core.progress import format_duration
from player.ui.geometry import fit_to_screen
from player.ui.ops import trainer
from player.ui.ops.changes import PROGRESS_AND_OUTBOX
from player.ui.screens.learners import pin_field
from player.ui.services import Services
from player.ui.tasks import one_line
from player.ui.widgets.common import Heading, Note, Retranslatable, percent, show_error

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
COMPLETED_COLOUR = QColor("#2e7d32")
SCORE_COLOUR = QColor("#1565c0")


class ModuleChart(QWidget):
    """Two bars per module: share of learners who completed it, and average best score."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("module-chart")
        self.bars: list[core.ModuleBar] = []
        self.labels = ("Completed", "Average best score")
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[core.ModuleBar]) -> None:
        self.bars = bars
        self.setAccessibleDescription(
            "; ".join(
                f"{b.title}: {b.completed}/{b.learners}"
                + ("" if b.average_best_score is None else f", {b.average_best_score:.0%}")
                for b in bars
            )
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        legend_y = area.top()
        x = area.left()
        for colour, text in zip((COMPLETED_COLOUR, SCORE_COLOUR), self.labels, strict=True):
            painter.fillRect(QRectF(x, legend_y + 2, line - 4, line - 4), colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x + line, legend_y, 400, line), text)
            x += line + metrics.horizontalAdvance(text) + 2 * line
        if not self.bars:
            painter.end()
            return
        top = legend_y + 1.5 * line
        bottom = area.bottom() - line * 1.2
        height = max(1.0, bottom - top)
        slot = area.width() / len(self.bars)
        width = max(2.0, min(40.0, slot / 3))
        for index, bar in enumerate(self.bars):
            left = area.left() + index * slot + (slot - 2 * width) / 2
            done = bar.completed / bar.learners if bar.learners else 0.0
            score = bar.average_best_score or 0.0
            for offset, value, colour in (
                (0, done, COMPLETED_COLOUR),
                (width, score, SCORE_COLOUR),
            ):
                h = height * max(0.0, min(1.0, value))
                painter.fillRect(QRectF(left + offset, bottom - h, width - 2, h), colour)
            painter.setPen(self.palette().text().color())
            caption = metrics.elidedText(bar.title, Qt.TextElideMode.ElideRight, int(slot) - 4)
            painter.drawText(
                QRectF(area.left() + index * slot, bottom + 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                caption,
            )
        painter.setPen(self.palette().mid().color())
        painter.drawLine(int(area.left()), int(bottom), int(area.right()), int(bottom))
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
        self.message.setStyleSheet("color: #b00020;")
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


class DashboardDialog(Retranslatable, QDialog):
    loaded = Signal()  # the table was (re)drawn

    COLUMNS = ("learner", "module", "state", "lessons", "score", "time", "last", "sync")

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.rows: list[core.DashboardRow] = []
        self.unlocked = False  # no trainer PIN, or it was typed in this dialog
        self.trainer_pin_set = False
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
        self.pin_message.setStyleSheet("color: #b00020;")
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
        self.course.currentIndexChanged.connect(lambda _i: self.reload())
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("dashboard-table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
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
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.trainer_pin_button = QPushButton()
        self.trainer_pin_button.setObjectName("dashboard-trainer-pin")
        self.trainer_pin_button.clicked.connect(self.change_trainer_pin)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.course_label)
        top.addWidget(self.course)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.csv_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.trainer_pin_button)
        top.addWidget(self.refresh_button)  # up here, the bottom row fits 1024 pixels
        board = QVBoxLayout(self.board)
        board.addLayout(top)
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
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Learner"),
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
        self.chart.setAccessibleName(self.tr("Per module: learners who completed it, average"))
        self.import_button.setText(self.tr("&Import a laptop's progress file…"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.pdf_button.setText(self.tr("&Print the selected learner's summary (PDF)…"))
        self.refresh_button.setText(self.tr("&Refresh"))
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
            lambda: core.installed_manifests(self.services.context),
            self._fill_courses,
            self._failed,
            owner=self,
        )

    def _fill_courses(self, manifests: list[Any]) -> None:
        self.course.blockSignals(True)
        self.course.clear()
        self.course.addItem(self.tr("All courses"), None)
        for manifest in manifests:
            self.course.addItem(manifest.title, manifest.id)
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
        course_id = self.course_id
        self.services.tasks.run(
            lambda: core.dashboard_table(self.services.context, course_id),
            self._fill,
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

    def _fill(self, rows: list[core.DashboardRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            learner = row.learner_name + ("" if row.source == "here" else " ⇄")
            cells = (
                learner,
                row.module_title,
                self._state_text(row.state),
                f"{row.lessons_done}/{row.lessons_total}",
                "—" if row.best_quiz_score is None else percent(row.best_quiz_score),
                format_duration(row.time_spent_s),
                (row.last_activity or "—")[:16].replace("T", " "),
                self._sync_text(row),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROW_ROLE, row)
                if column == 0 and row.imported_from:
                    item.setToolTip(self.tr("Imported from: %1").replace("%1", row.imported_from))
                self.table.setItem(index, column, item)
        self.chart.set_bars(core.module_chart(rows))
        self._show_count()
        self.loaded.emit()

    def _show_count(self) -> None:
        learners = len({r.learner_key for r in self.rows})
        self.status.setText(self._notice or self.tr("%n learner(s)", "", learners))
        self._notice = None

    def selected_row(self) -> core.DashboardRow | None:
        items = self.table.selectedItems()
        return items[0].data(ROW_ROLE) if items else None

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
        from player.core.sync.service import manifests_of
        from player.core.sync.usb import import_progress

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
        rows = list(self.rows)

        def work() -> int:
            temporary = path.with_name(f".{path.name}.partial")
            try:
                with open(temporary, "w", encoding="utf-8", newline="") as stream:
                    count = core.write_csv(rows, stream)
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
