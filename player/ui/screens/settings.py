"""Settings: language, the data folder, slow-link mode, where completions are sent, and the
publisher keys this computer trusts (``player/ui/widgets/trusted_keys.py``).

Saved to ``settings.json`` in the data folder (mode 0600: it may hold the LRS password). The
language applies at once; ``slow_link`` makes web installs pick the lightest videos.

The LRS user name and password are recorded for the origin of the address they are entered
with (``player.core.sync.endpoints``), in the system keyring when one is available; plain
``http://`` to another computer needs the "allow unencrypted" box.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Signal
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
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from player.core.errors import PlayerError
from player.ui.geometry import fit_to_screen
from player.ui.i18n import LANGUAGES, pick_language
from player.ui.screens.workshop import HubSettingRow
from player.ui.services import Services
from player.ui.style import mark
from player.ui.tasks import one_line
from player.ui.widgets.common import Note, Retranslatable, percent
from player.ui.widgets.trusted_keys import TrustedKeysBox

SLOW_LINK = "slow_link"
LANGUAGE = "language"
LRS_KEYS = ("lrs_endpoint", "lrs_username", "lrs_password")
ALLOW_INSECURE = "lrs_allow_insecure"


class SettingsDialog(Retranslatable, QDialog):
    """Settings of this computer; the text size is the current learner's (remembered for them).

    ``text_size_chosen(percent)`` and ``language_switched(old default name, new one)`` tell the
    window what to remember and rename.
    """

    saved = Signal()
    text_size_chosen = Signal(int)
    language_switched = Signal(str, str)

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

        from player.core.learning.preferences import TEXT_SIZES
        from player.ui import text_size

        self.text_size = QComboBox()
        self.text_size.setObjectName("text-size")
        for size in TEXT_SIZES:
            self.text_size.addItem(percent(size / 100), size)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(text_size.current())))
        self.text_size_label = QLabel()
        self.text_size_label.setBuddy(self.text_size)

        general = QFormLayout()
        general.addRow(self.language_label, self.language)
        general.addRow(self.text_size_label, self.text_size)
        general.addRow(self.folder_label, folder_row)
        general.addRow(self.slow)

        from player.core.sync.credentials import origin_of, split_userinfo
        from player.core.sync.endpoints import stored_credentials

        self.sync_box = QGroupBox()
        endpoint = split_userinfo(str(settings.get("lrs_endpoint") or ""))[0]
        try:
            found = stored_credentials(services.data.settings, endpoint) if endpoint else None
        except (PlayerError, OSError):
            found = None
        self.endpoint = QLineEdit(endpoint)
        self.endpoint.setObjectName("lrs-endpoint")
        self.endpoint.setPlaceholderText("https://lrs.example.org/xAPI/")
        self.username = QLineEdit(found.username if found else "")
        self.username.setObjectName("lrs-username")
        self.password = QLineEdit((found.password or "") if found else "")
        # the password shown belongs to this origin: typing another server's address must not
        # carry it there unless it is typed again
        self._loaded = (origin_of(endpoint), self.password.text())
        self._password_typed = False
        self.password.textEdited.connect(self._typed)
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
        self.insecure = QCheckBox()
        self.insecure.setObjectName("lrs-allow-insecure")
        self.insecure.setChecked(settings.get(ALLOW_INSECURE) is True)
        sync_form.addRow(self.insecure)
        self.sync_note = Note()
        sync_form.addRow(self.sync_note)

        self.trusted = TrustedKeysBox(services)

        self.message = Note()
        self.message.setObjectName("settings-message")
        mark(self.message, tone="danger")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        # The fields scroll on a small screen (a netbook): wrapped notes keep their lines.
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(general)
        fields_layout.addWidget(self.sync_box)
        fields_layout.addWidget(HubSettingRow(services))  # paired workshop hub (docs/hub.md)
        fields_layout.addWidget(self.trusted)
        fields_layout.addStretch(1)
        self.fields_scroll = QScrollArea()
        self.fields_scroll.setObjectName("settings-fields")
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.fields_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        self.fields_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        width = self.minimumWidth() + self.fields_scroll.verticalScrollBar().sizeHint().width()
        fit_to_screen(self, QSize(width, fields.heightForWidth(width) + 120))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language.setItemText(0, self.tr("Same as the computer"))
        self.language_label.setText(self.tr("&Language:"))
        self.text_size_label.setText(self.tr("&Text size:"))
        self.text_size.setToolTip(
            self.tr("For the current learner, everywhere in the app (Ctrl+plus, Ctrl+minus)")
        )
        self.folder_label.setText(self.tr("Data folder:"))
        self.folder.setAccessibleName(self.tr("Data folder"))
        self.open_folder.setText(self.tr("&Open"))
        self.open_folder.setAccessibleName(self.tr("Open the data folder"))
        self.slow.setText(self.tr("&Slow or costly connection: download the lightest videos"))
        self.sync_box.setTitle(self.tr("Sending completions (optional)"))
        self.endpoint_label.setText(self.tr("LRS &address:"))
        self.username_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.insecure.setText(
            self.tr("Allow an LRS on another computer over plain http (&unencrypted)")
        )
        self.sync_note.setText(
            self.tr(
                "When this address answers, completions are sent in the background. "
                "Without it, the player works fully offline. The user name and password are "
                "sent to this server only."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _typed(self, _text: str) -> None:
        self._password_typed = True

    def save(self) -> None:
        from player.core.sync.config import check_endpoint
        from player.core.sync.credentials import Credentials
        from player.core.sync.endpoints import clear_endpoint, configure

        endpoint = self.endpoint.text().strip()
        insecure = self.insecure.isChecked()
        if endpoint:
            try:
                endpoint = check_endpoint(endpoint, self.tr("Settings"), allow_insecure=insecure)
            except PlayerError as error:
                self.message.setText(one_line(error))
                self.endpoint.setFocus()
                return
        from player.core.sync.credentials import origin_of

        loaded_origin, loaded_password = self._loaded
        if (
            endpoint
            and loaded_password
            and not self._password_typed
            and origin_of(endpoint) != loaded_origin
        ):
            self.message.setText(
                self.tr(
                    "This password was saved for another server. Type it again to send it to "
                    "this address."
                )
            )
            self.password.clear()
            self.password.setFocus()
            return
        language = self.language.currentData() or None
        user = self.username.text().strip()
        credentials = Credentials(user, self.password.text() or None) if user else None
        trusted: dict[str, object] = {}
        if self.trusted.changed:
            from player.core.trust import SETTINGS_KEY

            trusted[SETTINGS_KEY] = self.trusted.pending or None
        try:
            path = self.services.data.settings
            if endpoint:
                configure(
                    path,
                    endpoint,
                    credentials,
                    allow_insecure=insecure,
                    where=self.tr("Settings"),
                    keep_credentials=False,
                )
            else:
                clear_endpoint(path)
            self.services.save_settings(
                **{
                    LANGUAGE: language,
                    SLOW_LINK: True if self.slow.isChecked() else None,
                    ALLOW_INSECURE: True if insecure else None,
                    **trusted,
                }
            )
        except (PlayerError, OSError) as error:
            self.message.setText(one_line(error))
            return
        chosen_size = self.text_size.currentData()
        if isinstance(chosen_size, int):
            from player.ui import text_size

            if chosen_size != text_size.current():
                self.text_size_chosen.emit(text_size.apply(chosen_size))
        if self.services.translations is not None:
            old_name = QCoreApplication.translate("MainWindow", "Learner")
            before = self.services.translations.language
            after = self.services.translations.apply(pick_language(language))
            if after != before:
                new_name = QCoreApplication.translate("MainWindow", "Learner")
                self.language_switched.emit(old_name, new_name)
        self.saved.emit()
        self.accept()
