"""The trainer's workshop dashboard: learners × modules, a chart per module, exports.

Everything it shows comes from ``player.core.dashboard`` on the storage lane; this module only
lays it out. An optional trainer PIN (``set_trainer_pin``) guards it. The trainer imports each
laptop's ``export-progress`` file here (a file imported twice counts once), exports the table as
CSV (the same as ``course-player progress --csv``) and prints a one-page PDF per learner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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
from player.core.progress import format_duration
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


class DashboardDialog(Retranslatable, QDialog):
    loaded = Signal()  # the table was (re)drawn

    COLUMNS = ("learner", "module", "state", "lessons", "score", "time", "last", "sync")

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.rows: list[core.DashboardRow] = []
        self.setObjectName("dashboard-dialog")
        self.resize(960, 640)
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

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.course_label)
        top.addWidget(self.course)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.csv_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        board = QVBoxLayout(self.board)
        board.addLayout(top)
        board.addWidget(self.table, 3)
        board.addWidget(self.chart, 1)
        board.addWidget(self.status)
        board.addLayout(buttons)

        self.stack.addWidget(self.gate)
        self.stack.addWidget(self.board)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        layout.addWidget(self.close_buttons)  # a real dialog: it closes from its own button
        self.retranslate()
        self.services.tasks.run(
            lambda: core.trainer_pin_set(self.services.context),
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
        if self.course.count():
            self.course.setItemText(0, self.tr("All courses"))

    # ------------------------------------------------------------------ PIN gate

    def _gate_known(self, pin_set: bool) -> None:
        if pin_set:
            self.stack.setCurrentWidget(self.gate)
            self.pin.setFocus()
        else:
            self._open_board()

    def _check_pin(self) -> None:
        pin = self.pin.text()
        self.pin.clear()

        def checked(ok: bool) -> None:
            if ok:
                self._open_board()
            else:
                self.pin_message.setText(self.tr("Wrong PIN."))

        self.services.tasks.run(
            lambda: core.check_trainer_pin(self.services.context, pin),
            checked,
            self._failed,
            owner=self,
        )

    def _open_board(self) -> None:
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
        if self.stack.currentWidget() is not self.board:
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
        learners = len({r.learner_key for r in rows})
        self.status.setText(self._notice or self.tr("%n learner(s)", "", learners))
        self._notice = None
        self.loaded.emit()

    def selected_row(self) -> core.DashboardRow | None:
        items = self.table.selectedItems()
        return items[0].data(ROW_ROLE) if items else None

    # ------------------------------------------------------------------ actions

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Progress file"), "", self.tr("Progress files (*.jsonl);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
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
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), "progress.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
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
