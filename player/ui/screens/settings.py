"""Settings: language, the data folder, slow-link mode, where completions are sent, and the
publisher keys this computer trusts (``player/ui/widgets/trusted_keys.py``).

Saved to ``settings.json`` in the data folder (mode 0600: it may hold the LRS password). The
language applies at once; ``slow_link`` makes web installs pick the lightest videos.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player.core.errors import PlayerError
from player.ui.i18n import LANGUAGES, pick_language
from player.ui.screens.workshop import HubSettingRow
from player.ui.services import Services
from player.ui.tasks import one_line
from player.ui.widgets.common import Note, Retranslatable
from player.ui.widgets.trusted_keys import TrustedKeysBox

SLOW_LINK = "slow_link"
LANGUAGE = "language"
LRS_KEYS = ("lrs_endpoint", "lrs_username", "lrs_password")


class SettingsDialog(Retranslatable, QDialog):
    saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("settings-dialog")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        settings = services.settings

        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("", "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        index = self.language.findData(settings.get(LANGUAGE) or "")
        self.language.setCurrentIndex(max(0, index))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)

        self.folder = QLineEdit(str(services.data.root))
        self.folder.setObjectName("data-folder")
        self.folder.setReadOnly(True)
        self.open_folder = QPushButton()
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(services.data.root)))
        )
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)

        self.slow = QCheckBox()
        self.slow.setObjectName("slow-link")
        self.slow.setChecked(settings.get(SLOW_LINK) is True)

        general = QFormLayout()
        general.addRow(self.language_label, self.language)
        general.addRow(self.folder_label, folder_row)
        general.addRow(self.slow)

        self.sync_box = QGroupBox()
        self.endpoint = QLineEdit(str(settings.get("lrs_endpoint") or ""))
        self.endpoint.setObjectName("lrs-endpoint")
        self.endpoint.setPlaceholderText("https://lrs.example.org/xAPI/")
        self.username = QLineEdit(str(settings.get("lrs_username") or ""))
        self.username.setObjectName("lrs-username")
        self.password = QLineEdit(str(settings.get("lrs_password") or ""))
        self.password.setObjectName("lrs-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.endpoint_label, self.username_label, self.password_label = QLabel(), QLabel(), QLabel()
        sync_form = QFormLayout(self.sync_box)
        for label, field in (
            (self.endpoint_label, self.endpoint),
            (self.username_label, self.username),
            (self.password_label, self.password),
        ):
            label.setBuddy(field)
            sync_form.addRow(label, field)
        self.sync_note = Note()
        sync_form.addRow(self.sync_note)

        self.trusted = TrustedKeysBox(services)

        self.message = Note()
        self.message.setObjectName("settings-message")
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(self.sync_box)
        layout.addWidget(HubSettingRow(services))  # paired workshop hub (docs/hub.md)
        layout.addWidget(self.trusted)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language.setItemText(0, self.tr("Same as the computer"))
        self.language_label.setText(self.tr("&Language:"))
        self.folder_label.setText(self.tr("Data folder:"))
        self.folder.setAccessibleName(self.tr("Data folder"))
        self.open_folder.setText(self.tr("&Open"))
        self.open_folder.setAccessibleName(self.tr("Open the data folder"))
        self.slow.setText(self.tr("&Slow or costly connection: download the lightest videos"))
        self.sync_box.setTitle(self.tr("Sending completions (optional)"))
        self.endpoint_label.setText(self.tr("LRS &address:"))
        self.username_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.sync_note.setText(
            self.tr(
                "When this address answers, completions are sent in the background. "
                "Without it, the player works fully offline."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def save(self) -> None:
        endpoint = self.endpoint.text().strip()
        if endpoint:
            from player.core.sync.config import check_endpoint

            try:
                endpoint = check_endpoint(endpoint, self.tr("Settings"))
            except PlayerError as error:
                self.message.setText(one_line(error))
                self.endpoint.setFocus()
                return
        language = self.language.currentData() or None
        changes = {
            LANGUAGE: language,
            SLOW_LINK: True if self.slow.isChecked() else None,
            "lrs_endpoint": endpoint or None,
            "lrs_username": self.username.text().strip() or None,
            "lrs_password": self.password.text() or None,
        }
        if self.trusted.changed:
            from player.core.trust import SETTINGS_KEY

            changes[SETTINGS_KEY] = self.trusted.pending or None
        try:
            self.services.save_settings(**changes)
        except (PlayerError, OSError) as error:
            self.message.setText(one_line(error))
            return
        if self.services.translations is not None:
            self.services.translations.apply(pick_language(language))
        self.saved.emit()
        self.accept()
