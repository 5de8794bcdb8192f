"""Netbooks (issue 15, item 4): every screen and dialog fits 1024×600, in French."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from player.core.learning.activity import record_reading
from tests.ui.test_course_flow import answer_quiz, open_lesson, open_outline, watch_intro_video

ROOT = Path(__file__).resolve().parents[2]
NETBOOK = QSize(1024, 600)
TITLE_BAR = 40  # a window manager's title bar, which the available height includes


def fits(widget: QWidget, limit: QSize = NETBOOK) -> bool:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return hint.width() <= limit.width() and hint.height() <= limit.height()


def sizes(widget: QWidget) -> str:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return f"{widget.objectName() or type(widget).__name__}: {hint.width()}×{hint.height()}"


@pytest.fixture
def french(services):
    services.translations.apply("fr")
    yield
    services.translations.apply("en")


def test_every_screen_of_the_window_fits_a_netbook(qtbot, window, services, french) -> None:
    watch_intro_video(services)
    seen = [sizes(window)]
    assert fits(window), seen
    outline = open_outline(qtbot, window)
    seen.append(sizes(window))
    assert fits(window), seen
    for lesson_id in ("m1-read", "m1-quiz", "m1-intro"):
        screen = open_lesson(qtbot, window, outline, lesson_id)
        qtbot.waitUntil(lambda: not services.tasks.busy)
        seen.append(sizes(window))
        assert fits(window), seen
        with qtbot.waitSignal(window.screen_changed, timeout=10_000):
            window.go_back()
        del screen
    # The quiz's result page, and module 2's survey once module 1 is done.
    quiz = open_lesson(qtbot, window, outline, "m1-quiz")
    qtbot.waitUntil(lambda: bool(quiz.pages))
    answer_quiz(qtbot, quiz, {"q1": "b", "q2": ["a", "c"], "q3": True, "q4": "reformuler"})
    with qtbot.waitSignal(quiz.submitted, timeout=10_000):
        quiz.submit(confirm=False)
    seen.append(sizes(window))
    assert fits(window), seen
    with qtbot.waitSignal(window.screen_changed, timeout=10_000):
        window.go_back()
    # On the storage worker, as the app writes: the screens may still be reading there.
    done: list[object] = []
    services.tasks.run(
        lambda: record_reading(
            services.context.db,
            services.learner_id,
            services.context.manifest("test-course"),
            "m1-read",
            at_end=True,
        ),
        done.append,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    with qtbot.waitSignal(window.screen_changed, timeout=10_000):
        window.open_lesson("test-course", "m2-survey", "survey")
    qtbot.waitUntil(lambda: not services.tasks.busy)
    seen.append(sizes(window))
    assert window.current_screen().objectName() == "survey-screen"
    assert fits(window), seen
    window.close()  # stops its sync timer before the services close


def every_dialog(services, window) -> list[QDialog]:
    """One of each of the app's dialogs (``test_every_dialog_of_the_app_is_listed`` keeps the
    list whole)."""
    from player.core.learning.learners import create_learner
    from player.ui.screens.add_course import AddCourseDialog
    from player.ui.screens.dashboard_dialog import DashboardDialog
    from player.ui.screens.learners import LearnerDialog, PinDialog
    from player.ui.screens.settings import SettingsDialog
    from player.ui.screens.shortcuts import ShortcutsDialog
    from player.ui.screens.sync_details import SyncDetailsDialog
    from player.ui.screens.usb_dialogs import CopyToUsbDialog, ProgressToUsbDialog
    from player.ui.screens.workshop import WorkshopDialog
    from player.ui.widgets.trusted_keys import AddKeyDialog

    settings = SettingsDialog(services, window)
    with_pin = create_learner(services.context.db, "Awa Diop", pin="1234")
    return [
        AddCourseDialog(services, window),
        DashboardDialog(services, window),
        LearnerDialog(services, window),
        PinDialog(services, with_pin, window),
        settings,
        AddKeyDialog(services, settings.trusted),
        SyncDetailsDialog(services, window),
        CopyToUsbDialog(services, "test-course", "Cours d'essai", 123_456, window),
        ProgressToUsbDialog(services, services.learner_id, "Awa Diop", window),
        WorkshopDialog(services, window),
        ShortcutsDialog(window),
    ]


def closes(dialog: QDialog) -> bool:
    """A Close (or Cancel) button in the dialog's button box: Esc and the button close it."""
    return any(
        box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole
        for box in dialog.findChildren(QDialogButtonBox)
        for button in box.buttons()
    )


def test_every_dialog_is_a_titled_dialog_with_a_close_button_that_fits_a_netbook(
    qtbot, window, services, french
) -> None:
    """Issues 15 and 20: dashboard, add a course, settings, sync details, learners, PIN, USB
    copies, trusted keys, workshop and shortcuts are real dialogs: a window title, a button that
    closes them, and a minimum size within 1024×600 less the title bar (in French, the longer
    language). Each opens within the screen's available area (``geometry.fit_to_screen``,
    ``test_dialogs_open_fitted_to_a_netbook_screen``)."""
    dialogs = every_dialog(services, window)
    seen, problems = [], []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not services.tasks.busy)
        seen.append(sizes(dialog))
        name = type(dialog).__name__
        if not dialog.windowTitle().strip():
            problems.append(f"{name}: no title")
        if not closes(dialog):
            problems.append(f"{name}: no Close or Cancel button")
        if not fits(dialog, NETBOOK - QSize(0, TITLE_BAR)):
            problems.append(f"{name}: {sizes(dialog)}")
    print("\n".join(seen))
    assert problems == []
    window.close()  # stops its sync timer before the services close


def test_every_dialog_of_the_app_is_listed(qtbot, window, services) -> None:
    import importlib
    import pkgutil

    import player.ui

    for module in pkgutil.walk_packages(player.ui.__path__, "player.ui."):
        if not module.name.endswith(("open_at_start", "video")):
            importlib.import_module(module.name)

    def subclasses(cls: type) -> set[type]:
        return {sub for direct in cls.__subclasses__() for sub in {direct, *subclasses(direct)}}

    ours = {cls for cls in subclasses(QDialog) if cls.__module__.startswith("player.ui.")}
    listed = {type(dialog) for dialog in every_dialog(services, window)}
    abstract = {cls for cls in ours if cls.__subclasses__()}  # the USB destination's base
    assert {cls.__name__ for cls in ours - listed - abstract} == set()
    window.close()


PLACE_WINDOW = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from player.core.paths import DataDir
from player.ui.app import start
from player.ui.services import build_services

app = QApplication([])
services = build_services(DataDir(Path(sys.argv[1])))
services.install_demo = False
window = start(services)
while services.learner is None or not window.isVisible():
    app.processEvents()
screen = window.screen().availableGeometry()
geometry = window.geometry()
print(json.dumps({
    "screen": [screen.width(), screen.height()],
    "window": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
}))
if len(sys.argv) > 2:
    window.setGeometry(QRect(*json.loads(sys.argv[2])))
window.close()
services.close()
"""


def place_window(tmp_path: Path, screen: dict, move_to: list[int] | None = None) -> dict:
    """Start the app on an offscreen screen of this size; where does its window open?"""
    tmp_path.mkdir(parents=True, exist_ok=True)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "netbook", "x": 0, "y": 0, **screen}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    args = [sys.executable, "-c", PLACE_WINDOW, str(tmp_path / "data")]
    if move_to is not None:
        args.append(json.dumps(move_to))
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def inside(window: list[int], screen: list[int]) -> bool:
    x, y, width, height = window
    return x >= 0 and y >= 0 and x + width <= screen[0] and y + height <= screen[1]


NETBOOK_SCREEN = {"width": 1024, "height": 600, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
# 1366×768 at 125 %: the offscreen platform takes the logical size (1366 / 1.25 × 768 / 1.25).
SCALED_SCREEN = {"width": 1093, "height": 614, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.25}
LARGE_SCREEN = {"width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def test_the_window_opens_within_a_netbook_screen(tmp_path: Path) -> None:
    placed = place_window(tmp_path, NETBOOK_SCREEN)
    assert placed["screen"] == [1024, 600]
    assert inside(placed["window"], placed["screen"]), placed
    scaled = place_window(tmp_path / "scaled", SCALED_SCREEN)
    assert scaled["screen"] == [1093, 614]
    assert inside(scaled["window"], scaled["screen"]), scaled


def test_the_window_geometry_is_remembered_per_screen_when_it_fits(tmp_path: Path) -> None:
    first = place_window(tmp_path, LARGE_SCREEN, move_to=[100, 80, 1500, 900])
    assert first["window"][2:] == [1200, 760]  # the preferred size, where it fits
    again = place_window(tmp_path, LARGE_SCREEN)
    assert again["window"] == [100, 80, 1500, 900]
    # On the netbook the large screen's geometry does not fit: it opens fitted instead, and
    # the netbook's own choice is remembered separately.
    small = place_window(tmp_path, NETBOOK_SCREEN, move_to=[10, 10, 900, 540])
    assert inside(small["window"], [1024, 600])
    assert place_window(tmp_path, NETBOOK_SCREEN)["window"] == [10, 10, 900, 540]
    assert place_window(tmp_path, LARGE_SCREEN)["window"] == [100, 80, 1500, 900]


def test_dialogs_open_fitted_to_a_netbook_screen() -> None:
    from PySide6.QtCore import QRect

    from player.ui.geometry import fitted

    available = QRect(0, 0, 1024, 600)
    for preferred in (QSize(960, 640), QSize(1200, 760), QSize(720, 420)):
        placed = fitted(preferred, available)
        assert available.contains(placed), (preferred, placed)
        assert placed.width() <= preferred.width() and placed.height() <= preferred.height()
    assert fitted(QSize(720, 420), available).size() == QSize(720, 420)
