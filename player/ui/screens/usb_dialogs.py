"""USB sticks: the course packages found on them, and copying a course onto one.

``UsbPanel`` (in the add-course dialog) lists the packages on the mounted removable volumes —
``Services.mount_points`` (``QStorageInfo`` plus the core's guesses), scanned on the transfer lane
with ``player.core.usb_courses.find_packages`` — each with its title, version, size and
publisher, and an Install button that hands the file to the dialog's usual install path.

``CopyToUsbDialog`` writes an installed course to a stick with
``player.core.usb_courses.export_course`` (free space checked first, hashes verified after
writing) on the transfer lane, with a progress bar; a full, read-only or removed stick gives
the core's one-line message.

``ProgressToUsbDialog`` writes a learner's progress (or, from the trainer dashboard, every
learner's of this laptop) to a stick as a progress file the trainer imports (``ops.progress``),
time spent included. Both pick the stick with the same list (``UsbDestinationDialog``): a
read-only stick is listed as such and never chosen for the learner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from player.core.errors import TransferCancelled
from player.core.progress import Progress
from player.ui import ops
from player.ui.services import Services
from player.ui.tasks import Task, one_line
from player.ui.units import format_size
from player.ui.widgets.common import Card, Heading, Note, Retranslatable
from player.ui.widgets.progress import show_progress

VOLUME_ROLE = Qt.ItemDataRole.UserRole + 1


class PackageRow(Retranslatable, Card):
    """One package found on a stick: what it is, who made it, and Install."""

    install_requested = Signal(str)  # the package's path

    def __init__(self, package: Any, installed: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.installed = installed
        self.setObjectName(f"usb-package-{package.course_id}-v{package.version}")
        self.title = Heading(package.title, 1.1)
        self.details = Note()
        self.install = QPushButton()
        self.install.setObjectName("usb-install")
        self.install.clicked.connect(lambda: self.install_requested.emit(str(package.path)))
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        layout.addWidget(self.install, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def publisher_text(self) -> str:
        package = self.package
        if package.publisher and package.signed:
            return self.tr("%1 (signed; checked when installing)").replace("%1", package.publisher)
        if package.publisher:
            return self.tr("%1 — unsigned").replace("%1", package.publisher)
        return self.tr("unsigned")

    def retranslate(self) -> None:
        package = self.package
        details = (
            self.tr("Version %1 · %2 · %3")
            .replace("%1", str(package.version))
            .replace("%2", format_size(package.size))
            .replace("%3", self.publisher_text())
        )
        same = self.installed is not None and self.installed >= package.version
        if self.installed is not None:
            details += " · " + self.tr("installed here: version %1").replace(
                "%1", str(self.installed)
            )
        self.details.setText(details)
        self.details.setToolTip(str(package.path))
        if same:
            self.install.setText(self.tr("Installed"))
        elif self.installed is not None:
            self.install.setText(self.tr("Update"))
        else:
            self.install.setText(self.tr("Install"))
        self.install.setEnabled(not same)
        self.install.setAccessibleName(
            self.tr("Install %1 from the USB stick").replace("%1", package.title)
        )
        self.setAccessibleName(package.title)


class UsbPanel(Retranslatable, QGroupBox):
    """ "From a USB stick": the packages found on removable volumes, re-scanned on Refresh."""

    install_requested = Signal(str)  # path of the chosen package
    scanned = Signal(object)  # ops.UsbScan

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("usb-panel")
        self.scan: ops.UsbScan | None = None
        self.rows: list[PackageRow] = []
        self._busy = False
        self._error = ""
        self.status = Note()
        self.status.setObjectName("usb-status")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("usb-refresh")
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.status, 1)
        head.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        self.list_host = QWidget()
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.package_list = QScrollArea()
        self.package_list.setWidgetResizable(True)
        self.package_list.setFrameShape(QScrollArea.Shape.NoFrame)
        self.package_list.setWidget(self.list_host)
        self.package_list.viewport().setAutoFillBackground(False)
        self.list_host.setAutoFillBackground(False)
        self.package_list.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.package_list, 1)
        self.retranslate()
        services.tasks.operation_did_execute.connect(self._operation_did_execute)

    def _operation_did_execute(self, changes: ops.Changes, _initiator: object) -> None:
        if changes.courses and self.scan is not None:
            self.refresh()  # a package's row now says "Installed"

    @property
    def volumes(self) -> list[Path]:
        return [v.path for v in self.scan.volumes] if self.scan is not None else []

    def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True
        self._error = ""
        self.refresh_button.setEnabled(False)
        self._update_status()
        self.services.tasks.run(
            lambda: ops.scan_usb(self.services),
            self._show,
            self._failed,
            owner=self,
            lane="transfer",
        )

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.refresh_button.setEnabled(True)
        self._error = one_line(error)
        self._update_status()

    def _show(self, scan: ops.UsbScan) -> None:
        self._busy = False
        self.refresh_button.setEnabled(True)
        self.scan = scan
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for package in scan.packages:
            row = PackageRow(package, scan.installed.get(package.course_id))
            row.install_requested.connect(self.install_requested)
            self.list_layout.addWidget(row)
            self.rows.append(row)
        self.package_list.setVisible(bool(self.rows))
        if self.rows:
            rows_height = sum(row.sizeHint().height() for row in self.rows[:3])
            self.package_list.setMinimumHeight(min(rows_height + 8, 320))
        self._update_status()
        self.scanned.emit(scan)

    def _update_status(self) -> None:
        if self._busy:
            text = self.tr("Looking for courses on USB sticks…")
        elif self._error:
            text = self._error
        elif self.scan is None:
            text = ""
        elif not self.scan.volumes:
            text = self.tr("No USB stick found. Plug one in, then press Refresh.")
        else:
            where = ", ".join(str(path) for path in self.volumes)
            if self.scan.packages:
                text = self.tr("%n course(s) found on %1:", "", len(self.scan.packages)).replace(
                    "%1", where
                )
            else:
                text = self.tr("No course package on %1.").replace("%1", where)
        self.status.setText(text)

    def retranslate(self) -> None:
        self.setTitle(self.tr("From a USB stick"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Look again for USB sticks and the courses on them"))
        self._update_status()


class UsbDestinationDialog(Retranslatable, QDialog):
    """Pick a stick (or a folder), write something onto it with progress, say where it went.

    Subclasses give the texts (``retranslate``) and the work (``start_copy``, ``_copied``).
    The texts here keep the ``CopyToUsbDialog`` context: ``self.tr`` would look them up under
    the subclass's name.
    """

    copied = Signal(object)  # what the work returned
    failed = Signal(str)
    volumes_loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.task: Task | None = None
        self.export_result: Any = None
        self.setMinimumWidth(min(600, self.screen().availableGeometry().width() - 40))

        self.heading = Heading(factor=1.3)
        self.intro = Note()
        self.list_label = QLabel()
        self.volumes = QListWidget()
        self.volumes.setObjectName("usb-volumes")
        self.volumes.setMaximumHeight(self.fontMetrics().height() * 7)
        self.volumes.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.volumes.itemActivated.connect(lambda _item: self.start_copy())
        self.list_label.setBuddy(self.volumes)
        self.other = QPushButton()
        self.other.setObjectName("other-folder")
        self.other.clicked.connect(self.choose_folder)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("volumes-refresh")
        self.refresh_button.clicked.connect(self.refresh)
        side = QVBoxLayout()
        side.addWidget(self.refresh_button)
        side.addWidget(self.other)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.volumes, 1)
        row.addLayout(side)

        self.bar = QProgressBar()
        self.bar.setObjectName("copy-progress")
        self.bar.setRange(0, 1000)
        self.bar.hide()
        self.progress_text = QLabel()
        self.progress_text.setTextFormat(Qt.TextFormat.PlainText)
        self.message = Note()
        self.message.setObjectName("copy-message")

        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.start_copy)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel-copy")
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.hide()  # after addButton, which shows it

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.list_label)
        layout.addLayout(row, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        """After the subclass's own set-up: texts, buttons, and the first look for sticks."""
        self.retranslate()
        self._update_buttons()
        self.refresh()

    # ------------------------------------------------------------------ text

    def retranslate(self) -> None:
        self.list_label.setText(QCoreApplication.translate("CopyToUsbDialog", "&Where to copy:"))
        self.volumes.setAccessibleName(
            QCoreApplication.translate("CopyToUsbDialog", "USB sticks found")
        )
        self.other.setText(QCoreApplication.translate("CopyToUsbDialog", "Other &folder…"))
        self.refresh_button.setText(QCoreApplication.translate("CopyToUsbDialog", "&Refresh"))
        self.copy_button.setText(QCoreApplication.translate("CopyToUsbDialog", "&Copy"))
        self.cancel_button.setText(QCoreApplication.translate("CopyToUsbDialog", "Cancel the copy"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("CopyToUsbDialog", "Close")
        )
        for index in range(self.volumes.count()):
            item = self.volumes.item(index)
            item.setText(self.volume_text(item.data(VOLUME_ROLE)))

    def size_like(self) -> float | None:
        """The size whose unit free space is written in (None: each size its own unit)."""
        return None

    def volume_text(self, volume: ops.Volume) -> str:
        if volume.free_bytes is None:
            state = QCoreApplication.translate("CopyToUsbDialog", "not readable")
        elif not volume.writable:
            state = QCoreApplication.translate("CopyToUsbDialog", "read-only")
        else:
            free = format_size(volume.free_bytes, like=self.size_like())
            state = QCoreApplication.translate("CopyToUsbDialog", "%1 free").replace("%1", free)
        return f"{volume.path}  —  {state}"

    # ------------------------------------------------------------------ volumes

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.services.tasks.run(
            lambda: ops.list_volumes(self.services),
            self._fill,
            self._list_failed,
            owner=self,
            lane="transfer",
        )

    def _list_failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.message.setText(one_line(error))

    def _fill(self, volumes: list[ops.Volume]) -> None:
        self.refresh_button.setEnabled(True)
        chosen = self.destination()
        self.volumes.clear()
        for volume in volumes:
            self._add_volume(volume)
        if chosen is not None:
            self._select(chosen)
        if self.volumes.currentItem() is None:
            # the first stick one can write to; a read-only or unreadable one is never chosen
            for index, volume in enumerate(volumes):
                if volume.writable and volume.free_bytes is not None:
                    self.volumes.setCurrentRow(index)
                    break
        if not volumes and self.export_result is None:
            self.message.setText(
                QCoreApplication.translate(
                    "CopyToUsbDialog",
                    "No USB stick found. Plug one in and press Refresh, or pick a folder.",
                )
            )
        elif self.export_result is None and self.task is None:
            self.message.clear()
        self._update_buttons()
        self.volumes_loaded.emit()

    def _add_volume(self, volume: ops.Volume) -> QListWidgetItem:
        item = QListWidgetItem(self.volume_text(volume))
        item.setData(VOLUME_ROLE, volume)
        item.setToolTip(str(volume.path))
        if not volume.writable or volume.free_bytes is None:
            # listed ("read-only"), but never chosen: not by default, not by focus or keys
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
        self.volumes.addItem(item)
        return item

    def _select(self, path: Path) -> None:
        for index in range(self.volumes.count()):
            if self.volumes.item(index).data(VOLUME_ROLE).path == path:
                self.volumes.setCurrentRow(index)
                return

    def destination(self) -> Path | None:
        item = self.volumes.currentItem()
        return item.data(VOLUME_ROLE).path if item is not None else None

    def choose_folder(self) -> None:
        start = str(self.destination() or Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("CopyToUsbDialog", "Choose where to copy"), start
        )
        if folder:
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path) -> None:
        """Offer a folder the detection missed (a stick mounted elsewhere) and select it."""
        import os
        import shutil

        try:
            free: int | None = shutil.disk_usage(folder).free
        except OSError:
            free = None
        volume = ops.Volume(folder, free, free is not None and os.access(folder, os.W_OK))
        self._select(folder)
        if self.destination() != folder:
            self.volumes.setCurrentItem(self._add_volume(volume))

    def _update_buttons(self) -> None:
        idle = self.task is None
        self.copy_button.setEnabled(idle and self.destination() is not None)
        self.volumes.setEnabled(idle)
        self.other.setEnabled(idle)

    def start_copy(self) -> None:
        """Write onto ``destination()`` (the subclass's work)."""
        raise NotImplementedError

    def _progress(self, progress: Progress) -> None:
        show_progress(self.bar, self.progress_text, progress)

    def _failed(self, error: BaseException) -> None:
        self.bar.hide()
        self.progress_text.clear()
        if isinstance(error, TransferCancelled):
            self.message.setText(
                QCoreApplication.translate(
                    "CopyToUsbDialog", "Copy cancelled; nothing was left on the stick."
                )
            )
        else:
            self.message.setText(one_line(error))
        self.failed.emit(self.message.text())

    def _task_done(self) -> None:
        self.task = None
        self.cancel_button.hide()
        self._update_buttons()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()


class CopyToUsbDialog(UsbDestinationDialog):
    """ "Copy this course to a USB stick": pick the stick, copy with progress, say where."""

    def __init__(
        self,
        services: Services,
        course_id: str,
        title: str,
        size: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self.course_id = course_id
        self.course_title = title
        self.course_bytes = size
        self.setObjectName("copy-to-usb-dialog")
        self.start()

    def size_like(self) -> float | None:
        return self.course_bytes  # "12.3 MB to copy, 3,456.7 MB free": one unit

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Copy to a USB stick"))
        self.heading.setText(self.tr("Copy “%1” to a USB stick").replace("%1", self.course_title))
        self.intro.setText(
            self.tr(
                "The course is written as one .zip file (about %1) with a README telling the "
                "next person how to install it. The copy is checked after writing."
            ).replace("%1", format_size(self.course_bytes))
        )
        super().retranslate()

    # ------------------------------------------------------------------ copy

    def start_copy(self) -> None:
        dest = self.destination()
        if dest is None or self.task is not None:
            return
        course_id = self.course_id
        self.export_result = None
        self.message.setText(self.tr("Copying… Do not remove the stick."))
        self.bar.setValue(0)
        self.bar.show()
        self.progress_text.clear()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.task = self.services.tasks.run_with_progress(
            lambda progress, cancel: ops.export_course(
                self.services, course_id, dest, progress, cancel
            ),
            self._copied,
            self._failed,
            on_progress=self._progress,
            owner=self,
        )
        self.task.finished.connect(self._task_done)
        self._update_buttons()

    def _copied(self, result: Any) -> None:
        self.export_result = result
        self.bar.setValue(self.bar.maximum())
        self.progress_text.clear()
        self.message.setText(
            self.tr("Copied and checked: %1 (%2). You can remove the stick.")
            .replace("%1", str(result.path))
            .replace("%2", format_size(result.bytes))
        )
        self.copied.emit(result)


class ProgressToUsbDialog(UsbDestinationDialog):
    """ "Export my progress to a USB stick" (or every learner's, for the trainer).

    Writes the progress file the trainer's dashboard imports, time spent included, and says how
    many results it holds: "N results copied, to import on the trainer's computer".
    """

    def __init__(
        self,
        services: Services,
        learner_id: int | None,
        who: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self.learner_id = learner_id  # None: every learner of this laptop (trainer)
        self.who = who
        self.setObjectName("progress-to-usb-dialog")
        self.start()

    def retranslate(self) -> None:
        if self.learner_id is None:
            self.setWindowTitle(self.tr("Export every learner's progress to a USB stick"))
            self.heading.setText(self.tr("Every learner's progress on this computer"))
        else:
            self.setWindowTitle(self.tr("Export my progress to a USB stick"))
            self.heading.setText(self.tr("The progress of %1").replace("%1", self.who))
        self.intro.setText(
            self.tr(
                "The results not yet sent are written as one progress file, time spent "
                "included. On the trainer's computer, open the trainer dashboard and import it."
            )
        )
        super().retranslate()
        self.copy_button.setText(self.tr("&Export"))

    def start_copy(self) -> None:
        dest = self.destination()
        if dest is None or self.task is not None:
            return
        from player.ui.ops.progress import export_progress_to

        learner_id, who = self.learner_id, self.who
        self.export_result = None
        self.message.setText(self.tr("Writing the progress file… Do not remove the stick."))
        self.task = self.services.tasks.run(
            lambda: export_progress_to(self.services, dest, learner_id, who),
            self._copied,
            self._failed,
            owner=self,
        )
        self.task.finished.connect(self._task_done)
        self._update_buttons()

    def _copied(self, result: Any) -> None:
        self.export_result = result
        if result.statements:
            text = self.tr(
                "%n result(s) copied to %1, to import on the trainer's computer.",
                "",
                result.statements,
            ).replace("%1", str(result.path))
        else:
            text = self.tr("No result to copy: everything was already sent.")
        self.message.setText(text)
        self.copied.emit(result)
