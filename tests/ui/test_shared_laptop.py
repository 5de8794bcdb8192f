"""Learners on a shared laptop: the PIN at start, the trainer's PIN for the dashboard."""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtCore import Qt

from player.core.learning import create_learner, record_reading
from player.core.learning.pins import (
    check_trainer_pin,
    hash_pin,
    set_trainer_pin,
    trainer_pin_offered,
    trainer_pin_set,
)
from player.core.settings import load_settings
from player.core.trainer_table import dashboard_table
from player.ui.screens.dashboard_dialog import DashboardDialog
from player.ui.screens.learners import LEARNER_ROLE, LearnerDialog
from tests.helpers.library import course_ids


def start_on(qtbot, services, name: str, pin: str | None = None):
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


def wait_for_prompt(qtbot, window) -> LearnerDialog:
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
    assert course_ids(window.library) == [] and not window.library.loaded
    assert "Awa" not in window.action_learner.text()

    qtbot.keyClicks(prompt.pin, "0000")
    qtbot.keyClick(prompt.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: prompt.message.text() == "Wrong PIN. Try again.", timeout=10_000)
    assert services.learner is None and course_ids(window.library) == []

    prompt.pin.clear()
    qtbot.keyClicks(prompt.pin, "2580")
    with qtbot.waitSignal(window.library.refreshed, timeout=10_000):
        qtbot.keyClick(prompt.pin, Qt.Key.Key_Return)
    assert services.learner.name == "Awa"
    assert course_ids(window.library) == ["test-course"]
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
    assert services.learner is None and course_ids(window.library) == []


def test_the_app_starting_on_a_learner_without_pin_asks_nothing(qtbot, services) -> None:
    window = start_on(qtbot, services, "Moussa")
    qtbot.waitUntil(lambda: window.library.loaded, timeout=10_000)
    assert window.start_prompt is None and services.learner.name == "Moussa"


# --- the trainer's PIN ------------------------------------------------------------------------


def two_learners(services) -> None:
    ctx = services.context
    ana = create_learner(ctx.db, "Ana").id
    create_learner(ctx.db, "Bea")
    record_reading(ctx.db, ana, ctx.manifest("test-course"), "m1-read", elapsed=30, at_end=True)


def open_dashboard(qtbot, services) -> DashboardDialog:
    dialog = DashboardDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not services.tasks.busy, timeout=10_000)
    return dialog


def test_import_and_exports_wait_for_the_trainer_pin(qtbot, services, tmp_path: Path) -> None:
    two_learners(services)
    set_trainer_pin(services.context.db, "2468")
    row = dashboard_table(services.context)[0]
    progress_file = tmp_path / "laptop-b.jsonl"
    progress_file.write_text('{"not": "a statement"}\n', encoding="utf-8")
    dialog = open_dashboard(qtbot, services)
    assert dialog.stack.currentWidget() is dialog.gate
    assert not dialog.import_button.isVisible() and not dialog.csv_button.isVisible()

    # each action checks the PIN itself, not only the page on show
    csv_file, pdf_file = tmp_path / "table.csv", tmp_path / "summary.pdf"
    dialog.export_csv(csv_file)
    dialog.print_summary(row, pdf_file)
    dialog.import_file(progress_file)
    dialog.reload()
    qtbot.waitUntil(lambda: not services.tasks.busy, timeout=10_000)
    assert not csv_file.exists() and not pdf_file.exists()
    assert dialog.status.text() == "" and dialog.table.model().rowCount() == 0
    assert dialog.pin_message.text() == "Type the trainer PIN first."
    assert dialog.stack.currentWidget() is dialog.gate

    dialog.pin.setText("2468")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.unlock.click()
    dialog.export_csv(csv_file)
    qtbot.waitUntil(csv_file.exists, timeout=10_000)


def test_wrong_trainer_pins_are_throttled_in_the_dashboard(qtbot, services) -> None:
    two_learners(services)
    db = services.context.db
    set_trainer_pin(db, "2468")
    later = time.time() + 600  # wrong PINs "in ten minutes": the delay runs long past the test
    for wrong in ("0000", "1111", "2222"):
        assert not check_trainer_pin(db, wrong, clock=lambda: later)
    dialog = open_dashboard(qtbot, services)
    dialog.pin.setText("2468")  # the right PIN, refused during the delay
    dialog.unlock.click()
    qtbot.waitUntil(lambda: dialog.pin_message.text() != "", timeout=10_000)
    assert re.fullmatch(r"Too many wrong PINs: try again in \d+ s\.", dialog.pin_message.text())
    assert dialog.stack.currentWidget() is dialog.gate and not dialog.unlocked


def test_first_open_on_a_shared_laptop_offers_a_trainer_pin(qtbot, services) -> None:
    two_learners(services)
    dialog = open_dashboard(qtbot, services)
    page = dialog.pin_page
    assert dialog.stack.currentWidget() is page and page.offer
    assert page.heading.text() == "Protect this dashboard with a trainer PIN?"
    qtbot.keyClicks(page.new, "24")
    page.save_button.click()
    assert page.message.text() == "A PIN has 4 to 8 digits."
    page.new.setText("2468")
    page.again.setText("2469")
    page.save_button.click()
    assert page.message.text() == "The two PINs differ. Type them again."
    page.again.setText("2468")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        page.save_button.click()
    assert trainer_pin_set(services.context.db)
    assert dialog.status.text() == "The trainer PIN is set."
    dialog.close()

    again = open_dashboard(qtbot, services)
    assert again.stack.currentWidget() is again.gate  # from now on, the PIN is asked


def test_the_offer_declined_is_not_made_again(qtbot, services) -> None:
    two_learners(services)
    dialog = open_dashboard(qtbot, services)
    assert dialog.stack.currentWidget() is dialog.pin_page
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.pin_page.later_button.click()
    assert trainer_pin_offered(services.context.db) and not trainer_pin_set(services.context.db)
    dialog.close()
    again = open_dashboard(qtbot, services)
    assert again.stack.currentWidget() is again.board


def test_no_offer_with_a_single_learner(qtbot, services) -> None:
    create_learner(services.context.db, "Ana")
    dialog = open_dashboard(qtbot, services)
    assert dialog.stack.currentWidget() is dialog.board
    assert not trainer_pin_offered(services.context.db)


def test_the_trainer_changes_and_removes_the_pin_from_the_dashboard(qtbot, services) -> None:
    create_learner(services.context.db, "Ana")
    dialog = open_dashboard(qtbot, services)
    dialog.trainer_pin_button.click()
    page = dialog.pin_page
    assert dialog.stack.currentWidget() is page and not page.remove_button.isVisible()
    page.new.setText("135790")
    page.again.setText("135790")
    page.save_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.board, timeout=10_000)
    assert dialog.status.text() == "The trainer PIN is set."
    assert check_trainer_pin(services.context.db, "135790")
    dialog.trainer_pin_button.click()
    assert page.remove_button.isVisible()
    page.remove_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.board, timeout=10_000)
    assert not trainer_pin_set(services.context.db)
    assert dialog.status.text() == "The trainer PIN was removed."
    dialog.trainer_pin_button.click()
    dialog.pin_page.later_button.click()  # Cancel: back to the board, nothing changed
    assert dialog.stack.currentWidget() is dialog.board and not trainer_pin_set(services.context.db)


def test_a_trainer_pin_kept_in_settings_by_an_older_version_still_guards(qtbot, services) -> None:
    services.save_settings(trainer_pin_hash=hash_pin("2468"))
    dialog = open_dashboard(qtbot, services)
    assert dialog.stack.currentWidget() is dialog.gate
    assert "trainer_pin_hash" not in load_settings(services.data.settings)
    assert check_trainer_pin(services.context.db, "2468")
