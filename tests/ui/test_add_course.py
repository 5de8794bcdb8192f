"""Adding a course from a file: the plan first (size per quality, free disk), then install."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.paths import DataDir
from player.ui.screens.add_course import AddCourseDialog


@pytest.fixture
def empty_services(qapp, tmp_path: Path):
    from player.ui.services import build_services

    built = build_services(DataDir(tmp_path / "empty"))
    yield built
    built.close()


@pytest.fixture
def package_zip(tmp_path: Path, course_source: Path) -> Path:
    from player.core.package.pack import pack

    target = tmp_path / "stick" / "cours.zip"
    target.parent.mkdir()
    pack(course_source, target)
    return target


def test_plan_then_install_from_a_zip(qtbot, empty_services, package_zip) -> None:
    dialog = AddCourseDialog(empty_services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=20_000):
        dialog.read_plan(str(package_zip))
    assert "Cours d'essai, version 1" in dialog.plan_title.text()
    qualities = [dialog.quality.itemData(i) for i in range(dialog.quality.count())]
    assert qualities == ["all", "480", "360", "240", "smallest", "audio"]
    assert dialog.quality.currentData() == "all"  # from a stick: no bandwidth to save
    assert "free on this computer" in dialog.plan_size.text()
    dialog.quality.setCurrentIndex(dialog.quality.findData("240"))
    with qtbot.waitSignal(dialog.installed, timeout=30_000) as blocker:
        dialog.install_button.click()
    assert blocker.args == ["test-course"]
    assert dialog.bar.value() == dialog.bar.maximum()
    ctx = empty_services.context
    members = ctx.installed_members("test-course")
    assert "media/intro-240.mp4" in members and "media/intro-480.mp4" not in members


def test_over_the_network_the_link_decides_the_default_quality(
    qtbot, empty_services, course_source, nginx
) -> None:
    from player.core.package.pack import pack

    folder = nginx.root / "ui-plan"
    pack(course_source, folder)
    url = nginx.url("ui-plan/course.json")
    for slow, expected in ((False, "480"), (True, "smallest")):
        empty_services.save_settings(slow_link=slow)
        dialog = AddCourseDialog(empty_services)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.planned, timeout=20_000):
            dialog.read_plan(url)
        assert dialog.quality.currentData() == expected


def test_slow_link_does_not_thin_a_course_from_a_stick(qtbot, empty_services, package_zip) -> None:
    empty_services.save_settings(slow_link=True)
    dialog = AddCourseDialog(empty_services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=20_000):
        dialog.read_plan(str(package_zip))
    assert dialog.quality.currentData() == "all"


def test_a_bad_file_gives_a_one_line_message(qtbot, empty_services, tmp_path) -> None:
    bad = tmp_path / "not-a-course.zip"
    bad.write_bytes(b"this is not a zip")
    dialog = AddCourseDialog(empty_services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=20_000):
        dialog.read_plan(str(bad))
    assert dialog.message.text() and "\n" not in dialog.message.text()
    assert not dialog.install_button.isEnabled()


def test_web_addresses_without_a_scheme_are_tried_with_https() -> None:
    from player.ui.screens.add_course import web_address

    assert web_address(" cours.example.org/demo/course.json ") == (
        "https://cours.example.org/demo/course.json"
    )
    assert web_address("http://10.0.0.2/c.zip") == "http://10.0.0.2/c.zip"
    assert web_address("/media/cle/cours.zip") == "/media/cle/cours.zip"
    assert web_address("C:\\Cours\\cours.zip") == "C:\\Cours\\cours.zip"


def test_the_web_tab_completes_the_address_and_starts_clean(
    qtbot, empty_services, package_zip, nginx
) -> None:
    dialog = AddCourseDialog(empty_services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=20_000):
        dialog.read_plan(str(package_zip))
    assert dialog.plan_box.isVisibleTo(dialog) and dialog.install_button.isEnabled()

    dialog.tabs.setCurrentIndex(1)  # the web tab: the stick's course is no longer on show
    assert not dialog.plan_box.isVisibleTo(dialog) and not dialog.install_button.isEnabled()
    assert dialog.message.text() == "" and dialog.plan is None

    # nginx speaks plain http: tried over https, the address fails, but it was completed.
    address = nginx.url("ui-plan/course.json").removeprefix("http://")
    dialog.url.setText(address)
    with qtbot.waitSignal(dialog.failed, timeout=30_000):
        dialog.check.click()
    assert dialog.url.text() == "https://" + address


def test_a_missing_file_on_the_server_is_said_plainly_in_french(
    qtbot, empty_services, nginx
) -> None:
    from player.ui.i18n import Translations

    translations = Translations(qtbot_app())
    translations.apply("fr")
    try:
        dialog = AddCourseDialog(empty_services)
        qtbot.addWidget(dialog)
        url = nginx.url("nowhere/course.json")
        with qtbot.waitSignal(dialog.failed, timeout=30_000):
            dialog.read_plan(url)
        assert dialog.message.text() == (
            f"Impossible de récupérer {url}\xa0: le serveur ne trouve pas ce fichier (404)"
            "\xa0; vérifiez l’adresse."
        )
    finally:
        translations.apply("en")


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()
