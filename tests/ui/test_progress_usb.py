"""Issue 15 item 3: progress onto a USB stick from the app, read by the trainer's dashboard with
the same time spent; USB minors (a read-only stick, one unit for sizes)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from player.core.context import open_context
from player.core.install import install
from player.core.learning import add_time_spent, create_learner, record_reading
from player.core.learning.pins import mark_trainer_pin_offered
from player.core.package.pack import pack
from player.core.package.reader import FolderSource
from player.core.paths import DataDir
from player.ui.screens.dashboard_dialog import DashboardDialog
from player.ui.units import format_size
from tests.ui.test_dashboard_screen import cells
from tests.ui.test_usb_and_publishers import tmpfs  # noqa: F401 - a fixture (real mount)

TIME = 6  # the dashboard's "Time spent" column


def dashboard_times(qtbot, services) -> dict[tuple[str, str], str]:
    mark_trainer_pin_offered(services.context.db)
    dialog = DashboardDialog(services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    names = [name.rstrip(" ⇄") for name in cells(dialog, 0)]
    times = dict(zip(zip(names, cells(dialog, 2), strict=True), cells(dialog, TIME), strict=True))
    dialog.close()
    return times


@pytest.fixture
def trainer_services(qapp, tmp_path: Path, course_source: Path):
    """The trainer's computer: the same course, no learner of its own."""
    from player.ui.i18n import Translations
    from player.ui.services import build_services

    data = DataDir(tmp_path / "trainer")
    package = tmp_path / "trainer-package"
    pack(course_source, package)
    ctx = open_context(data)
    try:
        install(ctx, FolderSource(package))
    finally:
        ctx.close()
    built = build_services(data, translations=Translations(qapp))
    yield built
    built.close()


def test_my_progress_to_a_stick_reaches_the_trainer_with_the_same_time(
    qtbot, services, window, trainer_services, tmp_path: Path
) -> None:
    services.translations.apply("fr")
    db, manifest = services.context.db, services.context.manifest("test-course")
    ana = create_learner(db, "Ana")
    record_reading(db, ana.id, manifest, "m1-read", elapsed=30, at_end=True)
    record_reading(db, ana.id, manifest, "m1-read", elapsed=165)  # read again after completing
    add_time_spent(db, ana.id, manifest, "m1-quiz", 30)  # the quiz screen, no attempt
    services.learner = ana
    stick = tmp_path / "stick"
    stick.mkdir()
    services.mount_points = lambda: [stick]
    here = dashboard_times(qtbot, services)
    assert here[("Ana", "Module 1")] == "03:45"

    dialog = window.library.progress_to_usb()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.destination() == stick, timeout=10_000)
    with qtbot.waitSignal(dialog.copied, timeout=10_000) as done:
        dialog.copy_button.click()
    written = done.args[0]
    assert written.path.parent == stick and written.statements > 0
    assert dialog.message.text() == (
        f"{written.statements} résultats copiés dans {written.path}, "
        "à importer sur l’ordinateur du formateur."
    )

    # the trainer imports it from the dashboard and reads the same time spent
    mark_trainer_pin_offered(trainer_services.context.db)
    board = DashboardDialog(trainer_services)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.show()
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.import_file(written.path)
    there = dashboard_times(qtbot, trainer_services)
    assert there[("Ana", "Module 1")] == "03:45"
    assert there == {key: value for key, value in here.items() if key[0] == "Ana"}


def test_every_learner_from_the_dashboard(qtbot, services, tmp_path: Path) -> None:
    db, manifest = services.context.db, services.context.manifest("test-course")
    for name in ("Ana", "Bea"):
        learner = create_learner(db, name).id
        record_reading(db, learner, manifest, "m1-read", elapsed=20, at_end=True)
    stick = tmp_path / "stick"
    stick.mkdir()
    services.mount_points = lambda: [stick]
    mark_trainer_pin_offered(db)
    board = DashboardDialog(services)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.show()
    dialog = board.progress_to_usb()
    assert dialog is not None and dialog.learner_id is None
    qtbot.waitUntil(lambda: dialog.destination() == stick, timeout=10_000)
    with qtbot.waitSignal(dialog.copied, timeout=10_000) as done:
        dialog.copy_button.click()
    lines = done.args[0].path.read_text(encoding="utf-8").splitlines()
    assert {'"name":"Ana"' in line for line in lines} == {True, False}
    assert any('"name":"Bea"' in line for line in lines)


def test_a_read_only_stick_is_never_chosen(
    qtbot,
    services,
    window,
    tmp_path: Path,
    tmpfs,  # noqa: F811
) -> None:
    services.translations.apply("fr")
    services.learner = create_learner(services.context.db, "Ana")
    locked, free = tmpfs("locked-stick", "size=1m,ro"), tmp_path / "free"
    free.mkdir()
    assert not os.access(locked, os.W_OK)
    services.mount_points = lambda: [locked, free]
    dialog = window.library.progress_to_usb()
    qtbot.waitUntil(lambda: dialog.volumes.count() == 2, timeout=10_000)
    assert "en lecture seule" in dialog.volumes.item(0).text()
    assert dialog.destination() == free


def test_sizes_side_by_side_share_one_unit() -> None:
    QLocale.setDefault(QLocale("en"))
    assert format_size(3_456_700_000, like=12_300_000) == "3,456.7\u00a0MB"
    assert format_size(12_300_000) == "12.3\u00a0MB"
