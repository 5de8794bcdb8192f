"""One palette, light and dark, that meets WCAG 2.2 AA, applied to the whole app."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from player.ui import style
from player.ui.style import (
    DARK,
    GRAPHIC_ON,
    GRAPHIC_RATIO,
    LIGHT,
    ON_ACCENT,
    TEXT_ON,
    TEXT_RATIO,
    Palette,
    contrast_ratio,
)


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_colour_reads_at_4_5_to_1_and_graphics_at_3_to_1(palette: Palette) -> None:
    failures = []
    checks = [(name, backs, TEXT_RATIO) for name, backs in TEXT_ON.items()]
    checks.append((ON_ACCENT[0], ON_ACCENT[1], TEXT_RATIO))
    checks += [(name, backs, GRAPHIC_RATIO) for name, backs in GRAPHIC_ON.items()]
    for name, backgrounds, needed in checks:
        for background in backgrounds:
            ratio = contrast_ratio(getattr(palette, name), getattr(palette, background))
            if ratio < needed:
                failures.append(f"{name} on {background}: {ratio:.2f} < {needed}")
    assert failures == []


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


@pytest.mark.parametrize("scale", [1.25, 1.5, 2.0])
def test_svg_icons_are_drawn_at_the_screens_scale(qapp: QApplication, scale: float) -> None:
    from PySide6.QtCore import QSize

    from player.ui.widgets.svg import svg_icon

    for name in ("video", "text", "quiz", "survey", "lock", "done", "in_progress", "open"):
        pixmap = svg_icon(name, "#1d5fa8").pixmap(QSize(20, 20), scale)
        assert pixmap.size() == QSize(round(20 * scale), round(20 * scale)), name
        assert pixmap.devicePixelRatio() == pytest.approx(scale)
        assert not pixmap.toImage().isNull()
