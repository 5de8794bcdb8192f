"""Partners in the app: USB sticks (install from, copy to), publishers, key changes, dashboard.

A temporary folder stands in for a stick's mount point (``services.mount_points``); a full or
read-only stick is a real tmpfs mounted for the test (root only).
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from player.cli import main as cli
from player.core.context import Context
from player.core.install import install, open_source
from player.core.package.pack import pack
from player.core.paths import DataDir
from player.core.trust import generate_key, pinned_key, short_fingerprint, signer_for
from player.ui.screens.add_course import AddCourseDialog
from tests.helpers.courses import MEDIA, write_source
from tests.helpers.library import card, click_more, menu_action
from tests.ui.conftest import course_document

PUBLISHER = "Association Écoute"


def package(tmp_path: Path, name: str, *, version: int = 1, key: Path | None = None) -> Path:
    """The UI test course as a zip, optionally signed by ``key``."""
    doc = course_document()
    doc["version"] = version
    doc["publisher"] = {"name": PUBLISHER}
    source = write_source(tmp_path / f"src-{name}", doc, dict(MEDIA))
    sign = signer_for(key) if key is not None else None
    return pack(source, tmp_path / f"{name}.zip", sign=sign).dest


def core_install(ctx: Context, path: Path) -> None:
    source = open_source(str(path))
    try:
        install(ctx, source)
    finally:
        source.close()


@pytest.fixture
def empty_services(qapp, tmp_path: Path) -> Iterator[object]:
    from player.ui.services import build_services

    built = build_services(DataDir(tmp_path / "empty"))
    yield built
    built.close()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "media" / "CLE-USB"
    folder.mkdir(parents=True)
    return folder


def open_add_dialog(qtbot, services) -> AddCourseDialog:
    with qtbot.waitSignal(services.tasks.idle, timeout=20_000):
        dialog = AddCourseDialog(services)
        qtbot.addWidget(dialog)
    return dialog


# --------------------------------------------------------------------------- from a stick


def test_usb_list_finds_a_package_and_installs_it_with_progress(
    qtbot, empty_services, stick: Path, tmp_path: Path
) -> None:
    pack_path = package(tmp_path, "cours")
    (stick / "cours.zip").write_bytes(pack_path.read_bytes())
    (stick / "photos.zip").write_bytes(b"not a course")  # ignored
    empty_services.mount_points = lambda: [stick]

    dialog = open_add_dialog(qtbot, empty_services)
    panel = dialog.usb
    assert [row.package.course_id for row in panel.rows] == ["test-course"]
    assert str(stick) in panel.status.text()
    row = panel.rows[0]
    details = row.details.text()
    size = f"{pack_path.stat().st_size / 1000:.1f}\u00a0KB"
    assert details == f"Version 1 · {size} · {PUBLISHER} — unsigned"
    assert row.install.text() == "Install" and row.install.isEnabled()

    values: list[int] = []
    dialog.bar.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.installed, timeout=30_000) as blocker:
        row.install.click()
    assert blocker.args == ["test-course"]
    assert dialog.bar.value() == dialog.bar.maximum() == 1000
    # The core's own progress report reached 100 % (all bytes of all bytes) on the bar.
    assert values[0] == 0 and values[-1] == 1000
    done, _, rest = dialog.progress_text.text().partition(" of ")
    assert done and rest.startswith(done)
    assert empty_services.context.course_row("test-course")["version"] == 1
    # The re-scan after the install marks it installed.
    qtbot.waitUntil(lambda: bool(panel.rows) and panel.rows[0].install.text() == "Installed")
    assert not panel.rows[0].install.isEnabled()


def test_usb_refresh_finds_a_stick_plugged_in_later(
    qtbot, empty_services, stick: Path, tmp_path: Path
) -> None:
    mounted: list[Path] = []
    empty_services.mount_points = lambda: list(mounted)
    dialog = open_add_dialog(qtbot, empty_services)
    assert dialog.usb.rows == []
    assert dialog.usb.status.text() == "No USB stick found. Plug one in, then press Refresh."

    mounted.append(stick)
    with qtbot.waitSignal(dialog.usb.scanned, timeout=20_000):
        dialog.usb.refresh_button.click()
    assert dialog.usb.rows == [] and dialog.usb.status.text() == f"No course package on {stick}."

    (stick / "sub").mkdir()
    pack_path = package(tmp_path, "cours")
    (stick / "sub" / "cours.zip").write_bytes(pack_path.read_bytes())
    with qtbot.waitSignal(dialog.usb.scanned, timeout=20_000):
        dialog.usb.refresh_button.click()
    assert [row.package.title for row in dialog.usb.rows] == ["Cours d'essai"]


def test_real_drive_detection_never_offers_the_system_root(qapp) -> None:
    from player.ui.drives import removable_volumes

    volumes = removable_volumes()
    assert Path("/") not in volumes
    assert all(path.is_dir() for path in volumes)


# --------------------------------------------------------------------------- copy to a stick


def open_copy_dialog(qtbot, window, course_id: str = "test-course"):
    menu = click_more(qtbot, window.library, course_id)
    menu_action(menu, "copy-to-usb").trigger()
    dialog = window.library.copy_dialog
    assert dialog is not None and dialog.course_id == course_id
    qtbot.waitUntil(lambda: dialog.volumes.count() > 0 or not window.services.tasks.busy)
    qtbot.waitUntil(lambda: not window.services.tasks.busy)
    return dialog


def test_copy_to_usb_writes_a_package_that_verifies(
    qtbot, services, window, stick: Path, capsys
) -> None:
    services.mount_points = lambda: [stick]
    dialog = open_copy_dialog(qtbot, window)
    assert dialog.volumes.count() == 1
    assert dialog.volumes.item(0).text().startswith(f"{stick}  —  ")
    assert "free" in dialog.volumes.item(0).text()
    assert dialog.copy_button.isEnabled()

    with qtbot.waitSignal(dialog.copied, timeout=30_000) as blocker:
        dialog.copy_button.click()
    written = stick / "test-course-v1.zip"
    assert blocker.args[0].path == written
    assert dialog.bar.value() == dialog.bar.maximum()
    assert str(written) in dialog.message.text()
    assert (stick / "README.txt").exists()
    assert sorted(p.name for p in stick.iterdir()) == ["README.txt", "test-course-v1.zip"]
    capsys.readouterr()
    assert cli(["verify", str(written)]) == 0
    assert zipfile.ZipFile(written).testzip() is None


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[callable]:
    """Mount a small real tmpfs (root only); unmounted after the test."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted: list[Path] = []

    def mount(name: str, options: str) -> Path:
        point = tmp_path / name
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", str(point)], capture_output=True, timeout=30)


def test_copy_to_a_full_stick_says_so_and_leaves_no_file(qtbot, services, window, tmpfs) -> None:
    full = tmpfs("full-stick", "size=200k")
    services.mount_points = lambda: [full]
    dialog = open_copy_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.failed, timeout=30_000) as blocker:
        dialog.copy_button.click()
    message = blocker.args[0]
    assert message == dialog.message.text() and "\n" not in message
    assert "Free some space or use a bigger stick" in message
    assert list(full.iterdir()) == []
    assert dialog.copy_button.isEnabled() and not dialog.bar.isVisible()


def test_copy_to_a_read_only_stick_says_so(qtbot, services, window, tmpfs) -> None:
    locked = tmpfs("locked-stick", "size=8m,ro")
    services.mount_points = lambda: [locked]
    dialog = open_copy_dialog(qtbot, window)
    assert "read-only" in dialog.volumes.item(0).text()
    # listed, never chosen (issue 15): nothing can be copied onto it from here
    assert not dialog.volumes.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert dialog.destination() is None and not dialog.copy_button.isEnabled()
    dialog.copy_button.click()
    assert list(locked.iterdir()) == []


# --------------------------------------------------------------------------- publishers


def card_publisher(window) -> str:
    return card(window.library).publisher or ""


def card_colour(window) -> str:
    """The colour the card's publisher line is drawn in, read on screen: its text's pixel
    furthest from the card's background (anti-aliased edges blend the two)."""
    from PySide6.QtGui import QColor

    from player.ui import style

    area = card(window.library).geometry().publisher
    image = window.library.view.viewport().grab().toImage()
    background = QColor(style.current().surface)

    def distance(colour: QColor) -> int:
        return sum(
            abs(a - b) for a, b in zip(colour.getRgb()[:3], background.getRgb()[:3], strict=True)
        )

    pixels = (
        image.pixelColor(x, y)
        for x in range(area.left(), area.right())
        for y in range(area.top(), area.bottom())
    )
    return max(pixels, key=distance).name()


def test_publisher_shown_verified_only_for_a_trusted_key(qtbot, services, window, tmp_path) -> None:
    """Issue 14: a self-signed package used to show a green "verified publisher"."""
    from player.core.trust import short_fingerprint
    from player.ui import style

    verified_colour, unsigned_colour = style.current().success, style.current().warning

    qtbot.waitUntil(lambda: card_publisher(window) != "")
    assert card_publisher(window) == "Unsigned"  # the test course names no publisher
    assert card_colour(window) == unsigned_colour

    key = tmp_path / "publisher.key"
    public = generate_key(key)
    core_install(services.context, package(tmp_path, "signed", version=2, key=key))
    with qtbot.waitSignal(window.library.refreshed, timeout=10_000):
        window.library.refresh()
    unknown = f"{PUBLISHER} — signed by an unknown publisher ({short_fingerprint(public)})"
    assert card_publisher(window) == unknown
    assert card_colour(window) != verified_colour
    assert public in (card(window.library).publisher_tip or "")

    # Trusted in Settings, under the name this computer knows it by: green, verified.
    dialog = open_settings_and_trust(qtbot, window, services, public, "Écoute (partner)")
    with qtbot.waitSignal(window.library.refreshed, timeout=10_000):
        dialog.save()
    assert card_publisher(window) == "✔ Écoute (partner) — verified publisher"
    assert card_colour(window) == verified_colour

    window.open_course("test-course")
    outline = window.current_screen()
    qtbot.waitUntil(lambda: outline.outline is not None)
    assert outline.publisher.text() == "✔ Écoute (partner) — verified publisher"


def open_settings_and_trust(qtbot, window, services, key: str, name: str):
    from player.ui.screens.settings import SettingsDialog

    dialog = SettingsDialog(services, window)
    dialog.saved.connect(window.library.refresh)
    qtbot.addWidget(dialog)
    box = dialog.trusted
    add = box.open_add_dialog()
    add.key.setText("not a key")
    assert add.fingerprint.text() == "(not a valid key)"
    add.key.setText(key)
    from player.core.trust import key_fingerprint

    assert add.fingerprint.text() == key_fingerprint(key)
    add.name.setText("\u0410ssociation")  # a Cyrillic А: a look-alike name
    add.accept_key()
    assert "mixes scripts" in add.message.text() and box.add_dialog is add
    add.name.setText(name)
    add.accept_key()
    assert [box.keys.item(i).text().split(" — ")[0] for i in range(box.keys.count())] == [name]
    return dialog


def test_settings_remove_a_trusted_key(qtbot, services, window, tmp_path) -> None:
    from player.core.trust import add_trusted_key
    from player.ui.screens.settings import SettingsDialog

    public = generate_key(tmp_path / "k.key")
    add_trusted_key(services.data.settings, public, name="Partenaire", courses=["test-course"])
    services.settings = services.save_settings()
    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    box = dialog.trusted
    assert box.keys.count() == 1 and "test-course" in box.keys.item(0).text()
    assert not box.remove_button.isEnabled()
    box.keys.setCurrentRow(0)
    assert box.remove_button.isEnabled()
    box.remove_button.click()
    assert box.keys.count() == 0
    assert "trusted_publishers" in services.settings  # nothing written before Save
    dialog.save()
    assert "trusted_publishers" not in services.settings


def test_a_changed_key_is_shown_and_trusted_only_when_confirmed(
    qtbot, empty_services, tmp_path: Path
) -> None:
    old_key, new_key = tmp_path / "old.key", tmp_path / "new.key"
    old_public, new_public = generate_key(old_key), generate_key(new_key)
    core_install(empty_services.context, package(tmp_path, "v1", key=old_key))
    rotated = package(tmp_path, "v2", version=2, key=new_key)

    dialog = open_add_dialog(qtbot, empty_services)
    with qtbot.waitSignal(dialog.planned, timeout=20_000):
        dialog.read_plan(str(rotated))
    dialog.install_button.click()
    qtbot.waitUntil(lambda: dialog.key_box is not None, timeout=20_000)
    box = dialog.key_box
    assert old_public in box.informativeText() and new_public in box.informativeText()
    assert short_fingerprint(old_public) in box.informativeText()
    assert dialog.trust_button.text() == "&Accept the new key"  # a pin, not "verified"
    assert box.windowTitle() == "The publisher's key changed"

    # "Keep the old key": nothing installs, the pin stays.
    keep = next(b for b in box.buttons() if b is not dialog.trust_button)
    keep.click()
    assert dialog.message.text() == "Not installed: the key used until now is kept."
    assert pinned_key(empty_services.context.db, "test-course") == old_public
    assert empty_services.context.course_row("test-course")["version"] == 1

    dialog.install_button.click()
    qtbot.waitUntil(lambda: dialog.key_box is not None, timeout=20_000)
    with qtbot.waitSignal(dialog.installed, timeout=30_000):
        dialog.trust_button.click()
    assert pinned_key(empty_services.context.db, "test-course") == new_public
    assert empty_services.context.course_row("test-course")["version"] == 2


# --------------------------------------------------------------------------- dashboard


def test_the_trainer_dashboard_opens_from_the_main_window(qtbot, window) -> None:
    from player.ui.screens.dashboard_dialog import DashboardDialog

    assert window.action_dashboard.shortcut().toString() == "Ctrl+Shift+D"
    assert window.action_dashboard in window.toolbar.actions()
    from player.core.learning import record_reading

    services = window.services  # the start-up profile counts once it has progress (issue 15)
    manifest = services.context.manifest("test-course")
    record_reading(services.context.db, services.learner.id, manifest, "m1-read", elapsed=5)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.dashboard is not None)
    dialog = window.dashboard
    assert isinstance(dialog, DashboardDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() == 2)  # 1 learner × 2 modules
    window.action_dashboard.trigger()
    assert window.dashboard is dialog  # raised, not opened twice


def test_a_trusted_key_taking_over_a_course_says_so(qtbot, empty_services, tmp_path) -> None:
    from player.core.trust import add_trusted_key, short_fingerprint

    squat_key, real_key = tmp_path / "squat.key", tmp_path / "real.key"
    squat_public, real_public = generate_key(squat_key), generate_key(real_key)
    core_install(empty_services.context, package(tmp_path, "v1", key=squat_key))
    add_trusted_key(empty_services.data.settings, real_public, name="Partenaire")
    dialog = open_add_dialog(qtbot, empty_services)
    with qtbot.waitSignal(dialog.planned, timeout=20_000):
        dialog.read_plan(str(package(tmp_path, "v2", version=2, key=real_key)))
    with qtbot.waitSignal(dialog.installed, timeout=30_000):
        dialog.install_button.click()
    assert dialog.key_box is None  # no "key changed" question: the trusted key takes over
    assert "a key you trust took it over" in dialog.message.text()
    assert short_fingerprint(squat_public) in dialog.message.text()
    assert pinned_key(empty_services.context.db, "test-course") == real_public
