"""Switching learner on a shared laptop, with a PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.ui.screens.learners import LEARNER_ROLE, LearnerDialog


def select(dialog: LearnerDialog, name: str) -> None:
    for row in range(dialog.list.count()):
        item = dialog.list.item(row)
        if item.data(LEARNER_ROLE).name == name:
            dialog.list.setCurrentItem(item)
            return
    raise AssertionError(f"{name} is not listed")


def test_add_a_learner_with_a_pin_and_switch_to_them(qtbot, window, services) -> None:
    dialog = LearnerDialog(services, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert dialog.list.item(0).text() == "Learner (current)"

    qtbot.keyClicks(dialog.new_name, "Awa Diop")
    qtbot.keyClicks(dialog.new_email, "awa@example.org")
    qtbot.keyClicks(dialog.new_pin, "12a34")  # the field takes digits only
    assert dialog.new_pin.text() == "1234"
    with qtbot.waitSignal(dialog.learners_loaded, timeout=10_000):
        dialog.add_button.click()
    assert dialog.list.count() == 2
    assert dialog.selected().name == "Awa Diop"
    assert dialog.pin.isVisibleTo(dialog)

    dialog.switch_button.click()  # no PIN typed yet
    assert dialog.message.text() == "Enter Awa Diop's PIN."

    qtbot.keyClicks(dialog.pin, "0000")
    switched: list[object] = []
    dialog.switched.connect(switched.append)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong PIN. Try again.", timeout=10_000)
    assert switched == [] and services.learner.name == "Learner"

    dialog.pin.clear()
    qtbot.keyClicks(dialog.pin, "1234")
    with qtbot.waitSignal(dialog.switched, timeout=10_000):
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    window._learner_switched(switched[0])
    assert services.learner.name == "Awa Diop"
    assert window.action_learner.text() == "Learner: Awa Diop"
    assert services.settings["learner"] == services.learner.uuid


def test_a_learner_without_pin_switches_at_once(qtbot, window, services) -> None:
    from player.core.learning.learners import create_learner

    create_learner(services.context.db, "Moussa")
    dialog = LearnerDialog(services, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 2)
    select(dialog, "Moussa")
    assert not dialog.pin.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.switched, timeout=10_000) as blocker:
        dialog.switch_button.click()
    assert blocker.args[0].name == "Moussa"


def test_the_last_learner_is_remembered_at_next_start(qtbot, services) -> None:
    from player.core.learning.learners import create_learner
    from player.ui import ops
    from player.ui.main_window import MainWindow

    fatou = create_learner(services.context.db, "Fatou")
    services.save_settings(learner=fatou.uuid)
    win = MainWindow(services)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: services.learner is not None and services.learner.name == "Fatou")
    assert ops.current_learner(services, "Learner").name == "Fatou"
