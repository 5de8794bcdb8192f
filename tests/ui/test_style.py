"""One palette, light and dark, applied to the whole app (its contrast: test_contrast.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from player.ui import style
from player.ui.style import DARK, LIGHT


def test_the_app_takes_the_systems_colour_scheme_and_follows_it(qapp: QApplication) -> None:
    hints = QGuiApplication.styleHints()
    old_palette, old_style = qapp.palette(), qapp.style().name()
    try:
        assert style.apply(qapp, Qt.ColorScheme.Dark) is DARK
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.window
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)  # the system switches
        assert style.current() is LIGHT
        assert qapp.palette().color(QPalette.ColorRole.WindowText).name() == LIGHT.text
    finally:
        qapp.setStyleSheet("")
        qapp.setStyle(old_style)
        qapp.setPalette(old_palette)
