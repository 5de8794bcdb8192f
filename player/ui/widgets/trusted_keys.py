"""Settings: the publisher keys this computer trusts (``course-player trust`` in the app).

The list shows the keys that come with the app and those the user added, each with its
fingerprint. "Add a key…" takes a key, a key file or a signed package, shows the key's full
fingerprint before anything is trusted, and asks for the name the publisher is known by here.
Changes are kept in the dialog and written with the other settings on Save
(``trusted_publishers`` in ``settings.json``; rules in ``player/core/trust.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player.core.errors import PlayerError
from player.core.trust import (
    SETTINGS_KEY,
    TrustedPublisher,
    key_fingerprint,
    read_key_source,
    shipped_publishers,
    user_publishers,
    with_trusted_key,
    without_trusted_key,
)
from player.ui.services import Services
from player.ui.style import mark
from player.ui.tasks import one_line
from player.ui.widgets.common import Note, Retranslatable


class TrustedKeysBox(Retranslatable, QGroupBox):
    """The trusted keys, with Add and Remove; ``pending`` is what Save writes."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("trusted-keys")
        stored = services.settings.get(SETTINGS_KEY) or []
        # Non-object entries are ignored here; a bad key in one is reported by ``entries``.
        self.pending: list[dict[str, Any]] = [
            dict(entry)
            for entry in (stored if isinstance(stored, list) else [])
            if isinstance(entry, dict)
        ]
        self.changed = False
        self.add_dialog: AddKeyDialog | None = None
        self.keys = QListWidget()
        self.keys.setObjectName("trusted-keys-list")
        self.keys.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton()
        self.add_button.setObjectName("trust-add")
        self.add_button.clicked.connect(self.open_add_dialog)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("trust-remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.note = Note()
        self.message = Note()
        mark(self.message, tone="danger")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.keys)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.retranslate()

    def entries(self) -> list[TrustedPublisher]:
        """What the list shows: the app's keys, then the user's (as they will be saved)."""
        try:
            return shipped_publishers() + user_publishers({SETTINGS_KEY: self.pending})
        except PlayerError as error:
            self.message.setText(one_line(error))
            return []

    def retranslate(self) -> None:
        self.setTitle(self.tr("Trusted publishers"))
        self.note.setText(
            self.tr(
                "Only a course signed by one of these keys is shown as “verified”. Add a key "
                "only if its publisher gave it to you, and check its fingerprint with them."
            )
        )
        self.add_button.setText(self.tr("&Add a key…"))
        self.remove_button.setText(self.tr("Re&move"))
        self.fill()

    def fill(self) -> None:
        current = self.keys.currentItem()
        selected = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.keys.clear()
        for entry in self.entries():
            scope = ", ".join(entry.courses) if entry.courses else self.tr("any course")
            if entry.shipped:
                scope = self.tr("%1; comes with the app").replace("%1", scope)
            text = f"{entry.name} — {entry.fingerprint[:19]}… ({scope})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setToolTip(f"{entry.key}\n{entry.fingerprint}")
            if entry.shipped:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.keys.addItem(item)
            if entry.key == selected and not entry.shipped:
                self.keys.setCurrentItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = self.keys.currentItem()
        key = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.remove_button.setEnabled(any(e.get("key") == key for e in self.pending))

    def remove_selected(self) -> None:
        current = self.keys.currentItem()
        if current is None:
            return
        try:
            self.pending, _ = without_trusted_key(
                {SETTINGS_KEY: self.pending}, current.data(Qt.ItemDataRole.UserRole)
            )
        except PlayerError as error:
            self.message.setText(one_line(error))
            return
        self.changed = True
        self.message.clear()
        self.fill()

    def open_add_dialog(self) -> AddKeyDialog:
        dialog = AddKeyDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "add_dialog", None))
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def add(self, key: str, name: str, courses: list[str]) -> str | None:
        """Add to ``pending``; the error message when refused (None when added)."""
        try:
            self.pending, _ = with_trusted_key(
                {SETTINGS_KEY: self.pending}, key, name=name, courses=courses
            )
        except PlayerError as error:
            return one_line(error)
        self.changed = True
        self.message.clear()
        self.fill()
        return None


class AddKeyDialog(Retranslatable, QDialog):
    """A key (typed, pasted, or read from a file), its fingerprint, a name and optional courses."""

    def __init__(self, services: Services, box: TrustedKeysBox) -> None:
        super().__init__(box)
        self.services = services
        self.box = box
        self.setObjectName("trust-add-dialog")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.key = QLineEdit()
        self.key.setObjectName("trust-key")
        self.key.setPlaceholderText("ed25519:…")
        self.key.textChanged.connect(self._show_fingerprint)
        self.choose = QPushButton()
        self.choose.clicked.connect(self.choose_file)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.choose)
        self.fingerprint = Note()
        self.fingerprint.setObjectName("trust-fingerprint")
        self.name = QLineEdit()
        self.name.setObjectName("trust-name")
        self.courses = QLineEdit()
        self.courses.setObjectName("trust-courses")
        self.key_label, self.fingerprint_label = QLabel(), QLabel()
        self.name_label, self.courses_label = QLabel(), QLabel()
        self.message = Note()
        mark(self.message, tone="danger")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept_key)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        for label, field in (
            (self.key_label, key_row),
            (self.fingerprint_label, self.fingerprint),
            (self.name_label, self.name),
            (self.courses_label, self.courses),
        ):
            form.addRow(label, field)
        self.key_label.setBuddy(self.key)
        self.name_label.setBuddy(self.name)
        self.courses_label.setBuddy(self.courses)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Trust a publisher's key"))
        self.key_label.setText(self.tr("&Key:"))
        self.choose.setText(self.tr("From a &file…"))
        self.fingerprint_label.setText(self.tr("Fingerprint:"))
        self.name_label.setText(self.tr("&Name:"))
        self.courses_label.setText(self.tr("&Courses:"))
        self.courses.setPlaceholderText(self.tr("course ids, separated by commas (empty: any)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Trust this key"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._show_fingerprint()

    def _show_fingerprint(self) -> None:
        text = self.key.text().strip()
        ok = QDialogButtonBox.StandardButton.Ok
        try:
            fingerprint = key_fingerprint(text) if text else ""
        except PlayerError:
            fingerprint = self.tr("(not a valid key)")
            self.buttons.button(ok).setEnabled(False)
        else:
            self.buttons.button(ok).setEnabled(bool(fingerprint))
        self.fingerprint.setText(
            fingerprint or self.tr("Compare it with the one the publisher gave you.")
        )

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("A key file or a signed course package")
        )
        if path:
            self.read_file(path)

    def read_file(self, path: str) -> None:
        """The key (and the publisher's name) from a file, read off the main thread."""
        self.message.setText(self.tr("Reading…"))

        def found(result: tuple[str, str | None]) -> None:
            key, name = result
            self.message.clear()
            self.key.setText(key)
            if name and not self.name.text().strip():
                self.name.setText(name)

        def failed(error: BaseException) -> None:
            self.message.setText(one_line(error))

        self.services.tasks.run(
            lambda: read_key_source(path), found, failed, owner=self, lane="transfer"
        )

    def accept_key(self) -> None:
        courses = [c.strip() for c in self.courses.text().split(",") if c.strip()]
        refused = self.box.add(self.key.text().strip(), self.name.text(), courses)
        if refused is not None:
            self.message.setText(refused)
            return
        self.accept()
