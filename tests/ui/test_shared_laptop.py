"""Learners on a shared laptop: the PIN at start, the trainer's PIN for the dashboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.core.learning import create_learner, record_reading
from player.ui.screens.learners import LEARNER_ROLE, LearnerDialog


def start_on(qtbot, services, name: str, pin: str | None = None):  # noqa: ANN001, ANN201
    """The main window as the app opens it, the last learner used being ``name``."""
    from player.ui.main_window import MainWindow

    learner = create_learner(services.context.db, name, pin=pin)
    manifest = services.context.manifest("test-course")
    record_reading(services.context.db, learner.id, manifest, "m1-read", elapsed=30, at_end=True)
    services.save_settings(learner=learner.uuid)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show_when_ready()
    return window


def wait_for_prompt(qtbot, window) -> LearnerDialog:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.start_prompt is not None, timeout=10_000)
    prompt = window.start_prompt
    assert isinstance(prompt, LearnerDialog)
    qtbot.waitUntil(lambda: prompt.selected() is not None, timeout=10_000)
    return prompt


def test_the_app_starting_on_a_learner_with_a_pin_asks_it_first(qtbot, services) -> None:
    window = start_on(qtbot, services, "Awa", pin="2580")
    prompt = wait_for_prompt(qtbot, window)
    assert prompt.isVisible() and prompt.selected().name == "Awa"
    assert prompt.pin.isVisibleTo(prompt) and prompt.pin.hasFocus()
    # nothing of Awa's shows behind the prompt: no current learner, no course card read
    assert services.learner is None
    assert window.library.cards == [] and not window.library.loaded
    assert "Awa" not in window.action_learner.text()

    qtbot.keyClicks(prompt.pin, "0000")
    qtbot.keyClick(prompt.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: prompt.message.text() == "Wrong PIN. Try again.", timeout=10_000)
    assert services.learner is None and window.library.cards == []

    prompt.pin.clear()
    qtbot.keyClicks(prompt.pin, "2580")
    with qtbot.waitSignal(window.library.refreshed, timeout=10_000):
        qtbot.keyClick(prompt.pin, Qt.Key.Key_Return)
    assert services.learner.name == "Awa"
    assert [card.course.id for card in window.library.cards] == ["test-course"]
    assert window.action_learner.text() == "Learner: Awa"


def test_at_the_start_prompt_another_learner_can_be_chosen(qtbot, services) -> None:
    create_learner(services.context.db, "Moussa")
    window = start_on(qtbot, services, "Awa", pin="2580")
    prompt = wait_for_prompt(qtbot, window)
    names = [prompt.list.item(row).data(LEARNER_ROLE).name for row in range(prompt.list.count())]
    prompt.list.setCurrentRow(names.index("Moussa"))
    assert not prompt.pin.isVisibleTo(prompt)  # Moussa has no PIN
    with qtbot.waitSignal(window.library.refreshed, timeout=10_000):
        prompt.switch_button.click()
    assert services.learner.name == "Moussa"
    assert services.settings["learner"] == services.learner.uuid


def test_quitting_at_the_start_prompt_closes_the_app(qtbot, services) -> None:
    window = start_on(qtbot, services, "Awa", pin="2580")
    prompt = wait_for_prompt(qtbot, window)
    assert prompt.buttons.button(prompt.buttons.StandardButton.Cancel).text() == "&Quit"
    assert not prompt.my_pin.isVisibleTo(prompt)  # no changing a PIN before typing it
    qtbot.keyClick(prompt, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert services.learner is None and window.library.cards == []


def test_the_app_starting_on_a_learner_without_pin_asks_nothing(qtbot, services) -> None:
    window = start_on(qtbot, services, "Moussa")
    qtbot.waitUntil(lambda: window.library.loaded, timeout=10_000)
    assert window.start_prompt is None and services.learner.name == "Moussa"
