"""Adding a course: from a file or USB stick, or from a web address.

Both ways first show the plan (title, version, size per quality, free disk), then install with
a progress bar (bytes, rate, time left) and a Cancel button. A cancelled or cut download keeps
what was fetched: "Resume" (the same install again) continues where it stopped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from player.core.errors import TransferCancelled
from player.core.progress import Progress
from player.ui import ops
from player.ui.screens.network_courses import NetworkCoursesPanel
from player.ui.screens.usb_dialogs import UsbPanel
from player.ui.services import Services
from player.ui.tasks import Task, one_line
from player.ui.units import format_size
from player.ui.widgets.common import Note, Retranslatable
from player.ui.widgets.progress import show_progress


def web_address(text: str) -> str:
    """The address as typed, with ``https://`` in front when it names no scheme.

    A file path pasted there ("/media/…", "C:\\…", "~/…") stays a path.
    """
    text = text.strip()
    if not text or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text):
        return text
    if text.startswith(("/", "~", ".", "\\")) or re.match(r"^[A-Za-z]:[\\/]", text):
        return text
    return "https://" + text


class AddCourseDialog(Retranslatable, QDialog):
    installed = Signal(str)  # course id
    planned = Signal(object)  # SourcePlan shown
    failed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.plan: ops.SourcePlan | None = None
        self.task: Task | None = None
        self.location = ""
        self.install_after_plan = False  # Install pressed on a USB package: no second click
        self.key_box: QMessageBox | None = None  # "Accept the new key" confirmation
        self.setObjectName("add-course-dialog")
        self.setMinimumWidth(min(640, self.screen().availableGeometry().width() - 40))

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Add a course"))  # its tabs say how
        # From a file or USB stick
        file_tab = QWidget()
        self.usb = UsbPanel(services)
        self.usb.install_requested.connect(self.install_from_usb)
        self.file_intro = Note()
        self.browse = QPushButton()
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self.choose_file)
        file_layout = QVBoxLayout(file_tab)
        file_layout.addWidget(self.usb, 1)
        file_layout.addWidget(self.file_intro)
        file_layout.addWidget(self.browse, 0, Qt.AlignmentFlag.AlignLeft)
        # From a web address
        web_tab = QWidget()
        self.url_label = QLabel()
        self.url = QLineEdit()
        self.url.setObjectName("url")
        self.url.setPlaceholderText("https://…/course.json")
        self.url_label.setBuddy(self.url)
        self.check = QPushButton()
        self.check.setObjectName("check-url")
        self.check.clicked.connect(self.check_address)
        self.url.returnPressed.connect(self.check.click)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.check)
        self.web_intro = Note()
        web_layout = QVBoxLayout(web_tab)
        web_layout.addWidget(self.web_intro)
        web_layout.addWidget(self.url_label)
        web_layout.addLayout(row)
        web_layout.addStretch(1)
        self.tabs.addTab(file_tab, "")
        self.tabs.addTab(web_tab, "")
        # Courses available on the network (workshop hubs)
        self.network = NetworkCoursesPanel(services)
        self.network.course_chosen.connect(self._from_network)
        self.tabs.addTab(self.network, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        # The plan and the progress, shared by both tabs.
        self.plan_box = QWidget()
        form = QFormLayout(self.plan_box)
        self.plan_title = QLabel()
        self.plan_title.setTextFormat(Qt.TextFormat.PlainText)  # the package's title
        self.plan_title.setObjectName("plan-title")
        self.plan_title.setWordWrap(True)
        self.quality_label = QLabel()
        self.quality = QComboBox()
        self.quality.setObjectName("quality")
        self.quality.currentIndexChanged.connect(self._update_plan_text)
        self.quality_label.setBuddy(self.quality)
        self.plan_size = QLabel()
        self.plan_size.setObjectName("plan-size")
        self.plan_size.setWordWrap(True)
        self.title_label = QLabel()
        self.size_label = QLabel()
        form.addRow(self.title_label, self.plan_title)
        form.addRow(self.quality_label, self.quality)
        form.addRow(self.size_label, self.plan_size)
        self.plan_box.hide()

        self.bar = QProgressBar()
        self.bar.setObjectName("install-progress")
        self.bar.setRange(0, 1000)
        self.bar.hide()
        self.progress_text = QLabel()
        self.progress_text.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_text.setObjectName("progress-text")
        self.message = Note()
        self.message.setObjectName("add-message")

        self.install_button = QPushButton()
        self.install_button.setObjectName("install")
        self.install_button.clicked.connect(self.start_install)
        self.install_button.setEnabled(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel-install")
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.install_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.hide()  # after addButton, which shows it

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.plan_box)
        layout.addWidget(self.bar)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.usb.refresh()  # scan the sticks each time the dialog opens

    # ------------------------------------------------------------------ text

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a course"))
        self.tabs.setTabText(0, self.tr("From a file or USB stick"))
        self.tabs.setTabText(1, self.tr("From a web address"))
        self.tabs.setTabText(2, self.tr("Courses available on the network"))
        self.file_intro.setText(
            self.tr(
                "Or choose a course package yourself: a .zip file, or the course.json of a "
                "course folder. No network is needed."
            )
        )
        self.browse.setText(self.tr("&Choose a file…"))
        self.web_intro.setText(
            self.tr(
                "Paste the address a trainer gave you. You will see the size before anything "
                "is downloaded; an interrupted download continues where it stopped."
            )
        )
        self.url_label.setText(self.tr("&Web address:"))
        self.url.setAccessibleName(self.tr("Web address of the course"))
        self.check.setText(self.tr("&Check"))
        self.title_label.setText(self.tr("Course:"))
        self.quality_label.setText(self.tr("&Video quality:"))
        self.size_label.setText(self.tr("Download:"))
        self.cancel_button.setText(self.tr("Cancel download"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._update_install_text()
        if self.plan is not None:
            self._fill_qualities(self.plan)

    def _update_install_text(self, resume: bool = False) -> None:
        if resume:
            self.install_button.setText(self.tr("&Resume"))
        elif self.plan is not None and self.plan.previous_version is not None:
            self.install_button.setText(self.tr("&Update"))
        else:
            self.install_button.setText(self.tr("&Install"))

    def quality_name(self, quality: str) -> str:
        names = {
            "all": self.tr("Everything in the package"),
            "480": self.tr("Good (480p)"),
            "360": self.tr("Medium (360p)"),
            "240": self.tr("Light (240p)"),
            "smallest": self.tr("Lightest video"),
            "audio": self.tr("Sound only"),
        }
        return names.get(quality, quality)

    # ------------------------------------------------------------------ plan

    def choose_file(self) -> None:
        drives = self.usb.volumes
        start = str(drives[0]) if drives else str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a course package"),
            start,
            self.tr("Course packages (*.zip course.json);;All files (*)"),
        )
        if path:
            self.read_plan(path)

    def check_address(self) -> None:
        """Read the plan at the typed address; one without a scheme is tried with https://."""
        address = web_address(self.url.text())
        if address != self.url.text():
            self.url.setText(address)
        self.read_plan(address)

    def _tab_changed(self, _index: int) -> None:
        """Another tab: the previous course's plan and messages belong to the other source."""
        if self.task is not None:
            return
        self.plan = None
        self.install_after_plan = False
        self.plan_box.hide()
        self.bar.hide()
        self.progress_text.clear()
        self.message.clear()
        self.install_button.setEnabled(False)
        self._update_install_text()

    def install_from_usb(self, path: str) -> None:
        """A package's Install button: read its plan, then install at the default quality."""
        self.install_after_plan = True
        self.read_plan(path)

    def _from_network(self, url: str) -> None:
        self.url.setText(url)
        self.read_plan(url)

    def read_plan(self, location: str) -> None:
        if not location or self.task is not None:
            return
        self.location = location
        self.plan = None
        self.plan_box.hide()
        self.install_button.setEnabled(False)
        self.message.setText(self.tr("Reading the course…"))
        self._run(
            lambda progress, cancel: ops.plan_source(self.services, location, progress, cancel),
            self._show_plan,
        )

    def _show_plan(self, plan: ops.SourcePlan) -> None:
        self.plan = plan
        self.message.clear()
        self.bar.hide()
        self.progress_text.clear()
        self.plan_title.setText(
            self.tr("%1, version %2").replace("%1", plan.title).replace("%2", str(plan.version))
            + (
                " — "
                + self.tr("already installed: version %1").replace("%1", str(plan.previous_version))
                if plan.previous_version is not None
                else ""
            )
        )
        self._fill_qualities(plan)
        self.plan_box.show()
        self.install_button.setEnabled(True)
        self._update_install_text()
        self.install_button.setDefault(True)
        self.install_button.setFocus()
        self.planned.emit(plan)

    def _fill_qualities(self, plan: ops.SourcePlan) -> None:
        current = self.quality.currentData() or plan.default_quality
        self.quality.blockSignals(True)
        self.quality.clear()
        for quality, size in plan.fetch_bytes.items():
            self.quality.addItem(
                self.tr("%1 — %2")
                .replace("%1", self.quality_name(quality))
                .replace("%2", format_size(size)),
                quality,
            )
        index = self.quality.findData(current)
        self.quality.setCurrentIndex(index if index >= 0 else 0)
        self.quality.blockSignals(False)
        self.quality.setVisible(len(plan.fetch_bytes) > 1)
        self.quality_label.setVisible(len(plan.fetch_bytes) > 1)
        self._update_plan_text()

    def _update_plan_text(self) -> None:
        plan = self.plan
        if plan is None:
            return
        quality = self.quality.currentData() or "all"
        fetch = plan.fetch_bytes.get(quality, 0)
        text = (
            self.tr("%1 to copy or download; %2 free on this computer.")
            .replace("%1", format_size(fetch))
            .replace("%2", format_size(plan.free_bytes))
        )
        if fetch > plan.free_bytes:
            text += " " + self.tr("Not enough free space.")
        same = plan.previous_version == plan.version and fetch == 0
        if same:
            text = self.tr("This version is already installed; nothing to copy.")
        self.plan_size.setText(text)
        self.install_button.setEnabled(fetch <= plan.free_bytes and self.task is None and not same)

    # ------------------------------------------------------------------ install

    def start_install(self, trust_new_key: str | None = None) -> None:
        """Install the planned package; ``trust_new_key`` only after the user confirmed it."""
        if self.plan is None or self.task is not None:
            return
        quality = self.quality.currentData() or "all"
        location = self.location
        self.message.setText(self.tr("Installing…"))
        self._run(
            lambda progress, cancel: ops.install_course(
                self.services, location, quality, progress, cancel, trust_new_key
            ),
            self._installed,
        )

    def _installed(self, installed: ops.Installed) -> None:
        course_id = installed.course_id
        text = self.tr("The course is installed. You can open it from the library.")
        if installed.replaced_key:
            from player.core.trust import short_fingerprint

            text += " " + self.tr(
                "It was signed until now by an unknown key (%1); a key you trust took it over."
            ).replace("%1", short_fingerprint(installed.replaced_key))
        self.message.setText(text)
        self.bar.setValue(self.bar.maximum())
        self.install_button.setEnabled(False)
        self.installed.emit(course_id)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def _run(self, work: Any, on_success: Any) -> None:
        self.bar.setValue(0)
        self.bar.show()
        self.progress_text.clear()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.install_button.setEnabled(False)
        self.tabs.setEnabled(False)
        self.task = self.services.tasks.run_with_progress(
            work, on_success, self._failed, on_progress=self._progress, owner=self
        )
        self.task.finished.connect(self._task_done)

    def _task_done(self) -> None:
        self.task = None
        self.cancel_button.hide()
        self.tabs.setEnabled(True)
        if self.plan is not None and self.bar.value() < self.bar.maximum():
            self._update_plan_text()  # enables Install/Resume unless nothing fits or is needed
        if self.install_after_plan and self.plan is not None:
            self.install_after_plan = False  # a USB package's Install: no second click
            if self.install_button.isEnabled():
                self.start_install()

    def _progress(self, progress: Progress) -> None:
        show_progress(self.bar, self.progress_text, progress)

    def _failed(self, error: BaseException) -> None:
        from player.core.trust import KeyChangedError

        self.install_after_plan = False
        if isinstance(error, KeyChangedError) and error.new_key:
            self.message.setText(self.tr("The publisher's key changed: confirm or cancel."))
            self.failed.emit(self.message.text())
            self.confirm_new_key(error)
            return
        if isinstance(error, TransferCancelled):
            self.message.setText(
                self.tr("Cancelled. What was downloaded is kept: press Resume to continue.")
            )
        else:
            self.message.setText(one_line(error))
        if self.plan is not None:
            self._update_install_text(resume=True)
        self.failed.emit(self.message.text())

    def confirm_new_key(self, error: Any) -> QMessageBox:
        """Both keys side by side; "Accept the new key" retries with exactly the key shown."""
        new_key = str(error.new_key)
        box = QMessageBox(self)
        box.setObjectName("key-changed")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)  # quotes the package's title
        box.setWindowTitle(self.tr("The publisher's key changed"))
        box.setText(
            self.tr(
                "“%1” was signed with another key when it was installed here. Accept the new key "
                "only if the publisher told you it changed its key: otherwise this copy may "
                "have been altered."
            ).replace("%1", self.plan.title if self.plan is not None else error.course_id)
        )
        from player.core.trust import short_fingerprint

        box.setInformativeText(
            self.tr("Key used until now:\n%1 (%3)\n\nKey of this package:\n%2 (%4)")
            .replace("%1", error.pinned_key)
            .replace("%2", new_key)
            .replace("%3", short_fingerprint(error.pinned_key))
            .replace("%4", short_fingerprint(new_key))
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trust_button = box.addButton(
            self.tr("&Accept the new key"), QMessageBox.ButtonRole.AcceptRole
        )
        self.trust_button.setObjectName("trust-new-key")
        keep = box.addButton(self.tr("&Keep the old key"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(button: Any) -> None:
            self.key_box = None
            if button is self.trust_button:
                self.start_install(trust_new_key=new_key)
            else:
                self.message.setText(self.tr("Not installed: the key used until now is kept."))

        box.buttonClicked.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.key_box = box
        box.open()
        return box

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()
