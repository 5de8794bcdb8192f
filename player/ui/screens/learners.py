"""The learner switcher: pick who is learning on this shared laptop (PIN when they set one).

It is also the prompt when the app starts on a learner with a PIN (``start_learner``): that
learner is selected with the PIN field focused, another learner can be picked (or added)
instead, and Quit closes the app; nothing of the protected learner shows before their PIN.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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

from player.ui import ops
from player.ui.services import Services
from player.ui.tasks import one_line
from player.ui.widgets.common import Heading, Retranslatable, say
from player.ui.widgets.icons import State, state_icon

LEARNER_ROLE = Qt.ItemDataRole.UserRole + 1


def pin_field(parent: QWidget | None = None) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), field))
    field.setMaxLength(8)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class LearnerDialog(Retranslatable, QDialog):
    switched = Signal(object)  # the Learner now current
    learners_loaded = Signal()

    def __init__(
        self, services: Services, parent: QWidget | None = None, start_learner: Any = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._notice = ""
        self.start_learner = start_learner  # the app starts on this learner, who has a PIN
        self.setObjectName("learner-dialog")
        self.setModal(True)
        self.heading = Heading(factor=1.4)
        self.list = QListWidget()
        self.list.setObjectName("learner-list")
        self.list.currentItemChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(lambda _item: self._switch())
        self.pin_label = QLabel()
        self.pin = pin_field()
        self.pin.setObjectName("switch-pin")
        self.pin.returnPressed.connect(self._switch)
        self.pin_label.setBuddy(self.pin)
        self.message = QLabel()
        self.message.setObjectName("learner-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # quotes a learner's name
        self.message.setWordWrap(True)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin_label)
        pin_row.addWidget(self.pin, 1)

        self.new_box = QGroupBox()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new-name")
        self.new_email = QLineEdit()
        self.new_pin = pin_field()
        self.new_pin.setObjectName("new-pin")
        self.add_button = QPushButton()
        self.add_button.setObjectName("add-learner")
        self.add_button.clicked.connect(self._add)
        form = QFormLayout(self.new_box)
        self.name_label = QLabel()
        self.email_label = QLabel()
        self.new_pin_label = QLabel()
        for label, field in (
            (self.name_label, self.new_name),
            (self.email_label, self.new_email),
            (self.new_pin_label, self.new_pin),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.add_button)

        self.pin_dialog: PinDialog | None = None
        self.my_pin = QPushButton()
        self.my_pin.setObjectName("change-my-pin")
        self.my_pin.clicked.connect(self.change_my_pin)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.addButton(self.my_pin, QDialogButtonBox.ButtonRole.ResetRole)
        self.switch_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.switch_button.setObjectName("switch-learner")
        self.buttons.accepted.connect(self._switch)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(pin_row)
        layout.addWidget(self.message)
        layout.addWidget(self.new_box)
        layout.addWidget(self.buttons)
        self.my_pin.setVisible(start_learner is None)
        self.retranslate()
        self._set_pin_visible(False)
        self.reload(select_id=None if start_learner is None else start_learner.id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Switch learner"))
        self.heading.setText(self.tr("Who is learning?"))
        self.list.setAccessibleName(self.tr("Learners on this computer"))
        self.pin_label.setText(self.tr("&PIN:"))
        self.pin.setAccessibleName(self.tr("PIN of the chosen learner"))
        self.new_box.setTitle(self.tr("New learner"))
        self.name_label.setText(self.tr("&Name:"))
        self.email_label.setText(self.tr("&E-mail (optional):"))
        self.new_pin_label.setText(self.tr("P&IN (optional, 4 to 8 digits):"))
        self.new_name.setAccessibleName(self.tr("Name of the new learner"))
        self.new_email.setAccessibleName(self.tr("E-mail of the new learner"))
        self.new_pin.setAccessibleName(self.tr("PIN of the new learner"))
        self.add_button.setText(self.tr("&Add this learner"))
        self.switch_button.setText(self.tr("&Switch"))
        name = self.services.learner.name if self.services.learner is not None else ""
        self.my_pin.setText(self.tr("My &PIN…"))
        self.my_pin.setToolTip(self.tr("Set, change or remove the PIN of %1").replace("%1", name))
        self.my_pin.setEnabled(self.services.learner is not None)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if self.start_learner is None:
            cancel.setText(self.tr("Cancel"))
        else:
            cancel.setText(self.tr("&Quit"))
            self.setWindowTitle(self.tr("Course Player"))
            self.switch_button.setText(self.tr("&Continue"))

    def reload(self, select_id: int | None = None) -> None:
        self.services.tasks.run(
            lambda: ops.list_learners(self.services),
            lambda learners: self._fill(learners, select_id),
            self._failed,
            owner=self,
        )

    def _fill(self, learners: list[Any], select_id: int | None) -> None:
        current = self.services.learner.id if self.services.learner is not None else None
        wanted = select_id if select_id is not None else current
        self.list.clear()
        for learner in learners:
            text = learner.name
            if learner.id == current:
                text = self.tr("%1 (current)").replace("%1", learner.name)
            item = QListWidgetItem(text)
            item.setData(LEARNER_ROLE, learner)
            if learner.has_pin:
                item.setIcon(state_icon(State.LOCKED))
                item.setToolTip(self.tr("Protected by a PIN"))
            self.list.addItem(item)
            if learner.id == wanted:
                self.list.setCurrentItem(item)
        chosen = self.selected()
        if self.start_learner is not None and chosen is not None and chosen.has_pin:
            self.pin.setFocus()
        else:
            self.list.setFocus()
        if self._notice:
            say(self.message, self._notice, ok=True)
            self._notice = ""
        self.learners_loaded.emit()

    def selected(self) -> Any:
        item = self.list.currentItem()
        return item.data(LEARNER_ROLE) if item is not None else None

    def _selection_changed(self, *_: Any) -> None:
        learner = self.selected()
        self.message.clear()
        self.pin.clear()
        self._set_pin_visible(bool(learner is not None and learner.has_pin))

    def _set_pin_visible(self, visible: bool) -> None:
        self.pin_label.setVisible(visible)
        self.pin.setVisible(visible)

    def _switch(self) -> None:
        learner = self.selected()
        if learner is None:
            return
        if learner.has_pin and not self.pin.text():
            say(self.message, self.tr("Enter %1's PIN.").replace("%1", learner.name))
            self.pin.setFocus()
            return
        pin = self.pin.text()
        self.switch_button.setEnabled(False)
        self.services.tasks.run(
            lambda: ops.switch_learner(self.services, learner.id, pin),
            self._switched,
            self._failed,
            owner=self,
        )

    def _switched(self, learner: Any) -> None:
        self.switch_button.setEnabled(True)
        if learner is None:
            say(self.message, self.tr("Wrong PIN. Try again."))
            self.pin.selectAll()
            self.pin.setFocus()
            return
        self.switched.emit(learner)
        self.accept()

    def _add(self) -> None:
        name, email, pin = self.new_name.text(), self.new_email.text(), self.new_pin.text()
        if pin and len(pin) < 4:
            say(self.message, self.tr("A PIN has 4 to 8 digits."))
            self.new_pin.setFocus()
            return
        self.services.tasks.run(
            lambda: ops.add_learner(self.services, name, email, pin),
            self._added,
            self._failed,
            owner=self,
        )

    def _added(self, learner: Any) -> None:
        for field in (self.new_name, self.new_email, self.new_pin):
            field.clear()
        self._notice = self.tr("%1 was added. Press Switch to continue as %1.").replace(
            "%1", learner.name
        )
        self.reload(select_id=learner.id)

    def change_my_pin(self) -> PinDialog | None:
        """The current learner's own PIN (their current PIN is asked first when they have one)."""
        if self.services.learner is None:
            return None
        dialog = PinDialog(self.services, self.services.learner, self)
        dialog.changed.connect(self._pin_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pin_dialog = dialog
        dialog.open()
        return dialog

    def _pin_changed(self, learner: Any) -> None:
        self.services.learner = learner
        self.pin_dialog = None
        self._notice = (
            self.tr("Your PIN is set.") if learner.has_pin else self.tr("Your PIN was removed.")
        )
        self.reload(select_id=learner.id)

    def _failed(self, error: BaseException) -> None:
        self.switch_button.setEnabled(True)
        say(self.message, one_line(error))


class PinDialog(Retranslatable, QDialog):
    """Set, change or remove one's own PIN; with a PIN set, it must be typed first."""

    changed = Signal(object)  # the Learner, with its new PIN state

    def __init__(self, services: Services, learner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.learner = learner
        self.setObjectName("pin-dialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.current_label = QLabel()
        self.current = pin_field()
        self.current.setObjectName("current-pin")
        self.new_label = QLabel()
        self.new = pin_field()
        self.new.setObjectName("new-own-pin")
        self.again_label = QLabel()
        self.again = pin_field()
        self.again.setObjectName("new-own-pin-again")
        form = QFormLayout()
        for label, field in (
            (self.current_label, self.current),
            (self.new_label, self.new),
            (self.again_label, self.again),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        self.current_label.setVisible(learner.has_pin)
        self.current.setVisible(learner.has_pin)
        self.message = QLabel()
        self.message.setObjectName("pin-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = QPushButton()
        self.save.setObjectName("save-pin")
        self.save.setDefault(True)
        self.save.clicked.connect(lambda: self.submit(remove=False))
        self.remove = QPushButton()
        self.remove.setObjectName("remove-pin")
        self.remove.clicked.connect(lambda: self.submit(remove=True))
        self.remove.setVisible(learner.has_pin)
        self.buttons.addButton(self.save, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.remove, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        (self.current if learner.has_pin else self.new).setFocus()

    def retranslate(self) -> None:
        name = self.learner.name
        self.setWindowTitle(self.tr("PIN of %1").replace("%1", name))
        self.intro.setText(
            self.tr(
                "A PIN keeps others from opening your courses as you on a shared computer. "
                "4 to 8 digits."
            )
        )
        self.current_label.setText(self.tr("&Current PIN:"))
        self.new_label.setText(self.tr("&New PIN:"))
        self.again_label.setText(self.tr("New PIN &again:"))
        self.current.setAccessibleName(self.tr("Your current PIN"))
        self.new.setAccessibleName(self.tr("Your new PIN"))
        self.again.setAccessibleName(self.tr("Your new PIN again"))
        self.save.setText(self.tr("&Save the PIN"))
        self.remove.setText(self.tr("&Remove my PIN"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def submit(self, remove: bool) -> None:
        current, new = self.current.text(), self.new.text()
        if self.learner.has_pin and not current:
            say(self.message, self.tr("Type your current PIN first."))
            self.current.setFocus()
            return
        if not remove:
            if len(new) < 4:
                say(self.message, self.tr("A PIN has 4 to 8 digits."))
                self.new.setFocus()
                return
            if new != self.again.text():
                say(self.message, self.tr("The two new PINs differ. Type them again."))
                self.again.clear()
                self.again.setFocus()
                return
        learner_id = self.learner.id
        self.save.setEnabled(False)
        self.remove.setEnabled(False)
        self.services.tasks.run(
            lambda: ops.change_own_pin(self.services, learner_id, current, None if remove else new),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, learner: Any) -> None:
        self.save.setEnabled(True)
        self.remove.setEnabled(True)
        if learner is None:
            say(self.message, self.tr("Wrong current PIN. Nothing was changed."))
            self.current.selectAll()
            self.current.setFocus()
            return
        self.changed.emit(learner)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        self.remove.setEnabled(True)
        say(self.message, one_line(error))
