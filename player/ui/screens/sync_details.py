"""Sync details: what ``course-player sync --status`` shows, in a small dialog.

Counts (waiting, sent, refused, conflicts, last sent), the LRS address (never with credentials
in it), and each statement the LRS would not take with the server's reason — quarantined
statements are never resent, so this is where a trainer sees them. An LRS address a course's
manifest names is used only once approved here (or with ``course-player sync --approve``),
and then without the credentials configured for another server.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from player.ui import ops
from player.ui.geometry import fit_to_screen
from player.ui.services import Services
from player.ui.tasks import one_line
from player.ui.units import local_time
from player.ui.widgets.common import Heading, Note, Retranslatable


def waiting_summary(pending: int, rejected: int) -> str:
    """The status bar's sentence (its own translations): the same counts, the same words."""
    text = (
        QCoreApplication.translate("MainWindow", "%n result(s) waiting to be sent", "", pending)
        if pending
        else QCoreApplication.translate("MainWindow", "Nothing to send")
    )
    if rejected:
        text += " — " + QCoreApplication.translate(
            "MainWindow", "%n refused by the server", "", rejected
        )
    return text


class SyncDetailsDialog(Retranslatable, QDialog):
    loaded = Signal()
    send_now = Signal()  # "Send now": the window runs one sync

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        last_problem: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        # why the LRS could not be reached at the last check (the window's sync monitor knows)
        self.last_problem = last_problem or (lambda: None)
        self.details: ops.SyncDetails | None = None
        self.setObjectName("sync-details-dialog")
        fit_to_screen(self, QSize(720, 420))
        self.heading = Heading(factor=1.3)
        self.summary = Note()
        self.summary.setObjectName("sync-summary")
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("pending", "sent", "quarantined", "conflicts", "last", "endpoint", "problem"):
            label, value = QLabel(), QLabel()
            value.setTextFormat(Qt.TextFormat.PlainText)  # e.g. the endpoint's address
            value.setObjectName(f"sync-{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key], self.values[key] = label, value
            self.form.addRow(label, value)
        self.problems_label = QLabel()
        self.problems = QTableWidget(0, 4)
        self.problems.setObjectName("sync-problems")
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.setWordWrap(True)
        self.problems_label.setBuddy(self.problems)
        self.approval = Note()
        self.approval.setObjectName("sync-approval")
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("sync-approve")
        self.approve_button.clicked.connect(self.approve)
        self.note = Note()
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("sync-refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.send_button = QPushButton()
        self.send_button.setObjectName("sync-send-now")
        self.send_button.clicked.connect(self._send_now)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.approval)
        layout.addWidget(self.approve_button)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.refresh()
        services.tasks.operation_did_execute.connect(self._operation_did_execute)

    def _operation_did_execute(self, changes: ops.Changes, _initiator: object) -> None:
        if changes.outbox:  # statements queued or sent while the dialog is open
            self.refresh()

    def refresh(self) -> None:
        self.services.tasks.run(
            lambda: ops.sync_details(self.services), self._show, self._failed, owner=self
        )

    def sync_checked(self, *_: object) -> None:
        """The window's sync ran (the LRS answered or not): show its last problem, if any."""
        self.retranslate()

    def _send_now(self) -> None:
        self.note.setText(self.tr("Sending…"))
        self.send_now.emit()

    def approve(self) -> None:
        """Approve the first LRS address a course names; send nothing until the next sync."""
        if self.details is None or not self.details.unapproved:
            return
        endpoint = self.details.unapproved[0]
        self.services.tasks.run(
            lambda: ops.approve_endpoint(self.services, endpoint),
            lambda _result: self.refresh(),
            self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.note.setText(one_line(error))

    def _show(self, details: ops.SyncDetails) -> None:
        self.details = details
        self.retranslate()
        self.loaded.emit()

    def state_name(self, state: str) -> str:
        return {"quarantined": self.tr("refused"), "conflict": self.tr("conflict")}.get(
            state, state
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync details"))
        self.heading.setText(self.tr("Results sent to the training server"))
        names = {
            "pending": self.tr("Waiting to be sent:"),
            "sent": self.tr("Sent:"),
            "quarantined": self.tr("Refused by the server:"),
            "conflicts": self.tr("Already there with other content:"),
            "last": self.tr("Last sent:"),
            "endpoint": self.tr("Server:"),
            "problem": self.tr("Last problem:"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        self.problems_label.setText(self.tr("Statements the server would not take:"))
        self.problems.setHorizontalHeaderLabels(
            [self.tr("State"), self.tr("Event"), self.tr("Learner"), self.tr("Server's reason")]
        )
        self.refresh_button.setText(self.tr("&Refresh"))
        self.send_button.setText(self.tr("&Send now"))
        self.approve_button.setText(self.tr("&Approve this server"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        details = self.details
        waiting = details.unapproved if details is not None else []
        self.approval.setVisible(bool(waiting))
        self.approve_button.setVisible(bool(waiting))
        if waiting:
            self.approval.setText(
                self.tr(
                    "A course asks to send its completions to {server}. They stay here until "
                    "you approve this server; your LRS password is never sent to it."
                ).format(server=waiting[0])
            )
        if details is None:
            return
        status = details.status
        self.summary.setText(waiting_summary(status.pending, status.quarantined + status.conflicts))
        self.send_button.setEnabled(bool(status.pending and details.endpoint))
        self.values["pending"].setText(str(status.pending))
        self.values["sent"].setText(str(status.sent))
        self.values["quarantined"].setText(str(status.quarantined))
        self.values["conflicts"].setText(str(status.conflicts))
        self.values["last"].setText(
            local_time(status.last_sent_at) if status.last_sent_at else self.tr("never")
        )
        self.values["endpoint"].setText(
            details.endpoint or self.tr("not set (see Settings): completions stay here")
        )
        reason = self.last_problem() or details.last_error
        self.values["problem"].setText(reason or "")
        self.labels["problem"].setVisible(bool(reason))
        self.values["problem"].setVisible(bool(reason))
        self.problems.setRowCount(len(details.problems))
        for row, problem in enumerate(details.problems):
            cells = (
                self.state_name(problem.state),
                problem.kind,
                problem.learner_name or "",
                problem.error,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{problem.statement_id}: {problem.error}")
                self.problems.setItem(row, column, item)
        self.problems.resizeRowsToContents()
        self.problems_label.setVisible(bool(details.problems))
        self.problems.setVisible(bool(details.problems))
        self.note.setText(
            self.tr(
                "Refused statements are kept here and not sent again; they do not block the others."
            )
            if details.problems
            else self.tr("The server has refused nothing.")
        )
