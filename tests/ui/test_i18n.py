"""Every UI string goes through Qt's translations; French is complete; Settings switch live."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLocale

from player.ui.i18n import pick_language
from player.ui.screens.settings import SettingsDialog
from tests.helpers.library import card

TS = Path(__file__).resolve().parents[2] / "assets" / "i18n"


def test_the_system_locale_picks_the_language_and_settings_override_it() -> None:
    assert pick_language(None, QLocale("fr_SN")) == "fr"
    assert pick_language(None, QLocale("de_DE")) == "en"
    assert pick_language("en", QLocale("fr_FR")) == "en"


def test_every_french_string_is_translated() -> None:
    root = ET.parse(TS / "course_player_fr.ts").getroot()
    messages = root.findall("./context/message")
    assert len(messages) > 150
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") == "unfinished"
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert unfinished == []


def test_switching_to_french_in_settings_translates_the_open_window(
    qtbot, window, services
) -> None:
    assert window.action_library.text() == "&Library"
    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.save()
    assert services.settings["language"] == "fr"
    # Qt posts LanguageChange to every widget; each re-reads its strings when it arrives.
    qtbot.waitUntil(lambda: window.action_library.text() == "&Bibliothèque")
    assert window.library.heading.text() == "Mes cours"
    first = card(window.library)
    qtbot.waitUntil(lambda: first.action == "Commencer")
    assert window.online.text() == "Mode hors ligne"
    # Course content stays in the course's language.
    assert first.title == "Cours d'essai"
    assert "leçons sur" in first.lessons and first.described.startswith("Appuyez sur Entrée")

    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Paramètres"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save()
    qtbot.waitUntil(lambda: window.library.heading.text() == "My courses")


def test_settings_keep_slow_link_and_sync_credentials_private(qtbot, window, services) -> None:
    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    assert dialog.folder.text() == str(services.data.root)
    dialog.slow.setChecked(True)
    dialog.endpoint.setText("not a url")
    dialog.save()
    assert "not an http(s) URL" in dialog.message.text()
    assert "slow_link" not in services.settings
    dialog.endpoint.setText("https://lrs.example.org/xAPI/")
    dialog.username.setText("trainer")
    dialog.password.setText("secret")
    dialog.save()
    assert services.settings["slow_link"] is True
    assert services.settings["lrs_endpoint"] == "https://lrs.example.org/xAPI/"
    assert services.data.settings.stat().st_mode & 0o777 == 0o600


def test_every_tr_string_in_the_code_has_a_french_translation(tmp_path: Path) -> None:
    """lupdate over the sources (UI, and core error templates) finds nothing French lacks."""
    import shutil
    import subprocess
    import sys

    sys.path.insert(0, str(TS.parents[1] / "scripts"))
    from build_translations import source_files, tool

    sources = source_files()
    assert any("/player/core/" in path for path in sources)
    copy = tmp_path / "fr.ts"
    shutil.copy(TS / "course_player_fr.ts", copy)
    done = subprocess.run(
        [tool("lupdate"), "-locations", "none", *sources, "-ts", str(copy)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    root = ET.parse(copy).getroot()
    missing = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in root.findall("./context")
        for message in context.findall("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert missing == []
