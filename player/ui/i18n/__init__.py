"""Loading the UI translations.

Sources are ``assets/i18n/course_player_<lang>.ts``; ``scripts/build_translations.py`` compiles
them with ``pyside6-lrelease`` into this folder as ``.qm`` files (not in git). English is the
source language, so a missing ``.qm`` falls back to English, never to an error.

The system locale picks the language unless Settings names one.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOG = "course_player"
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
QM_DIR = Path(__file__).resolve().parent


def pick_language(setting: str | None, system: QLocale | None = None) -> str:
    """The UI language: the setting when it names a known one, else the system's, else English."""
    if setting in LANGUAGES:
        return setting
    locale = system if system is not None else QLocale.system()
    for name in [locale.name(), *locale.uiLanguages()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def qm_path(language: str) -> Path:
    return QM_DIR / f"{CATALOG}_{language}.qm"


class Translations:
    """The translators installed on the application; ``apply`` switches language live.

    Installing a translator makes Qt send ``QEvent.LanguageChange`` to every widget, and each
    screen re-reads its strings in ``changeEvent``.
    """

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def apply(self, language: str) -> str:
        """Install ``language`` (falling back to English); return the language in force."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        QLocale.setDefault(QLocale(self.language))
        if self.language == DEFAULT_LANGUAGE:
            return self.language
        ours = QTranslator(self._app)
        if ours.load(str(qm_path(self.language))):
            self._installed.append(ours)
        else:
            log.warning(
                "No compiled translation %s; run scripts/build_translations.py",
                qm_path(self.language),
            )
        qt_own = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{self.language}", qt_dir):
            self._installed.append(qt_own)
        for translator in self._installed:
            self._app.installTranslator(translator)
        return self.language
