"""WCAG 2.2 AA contrast of every colour the app writes, in the light and the dark palette.

Text needs 4.5:1 on what it is drawn on (1.4.3); the focus ring, state icons and dots, progress,
chart bars and control outlines 3:1 (1.4.11). The colours and what each is drawn on are named in
``player/ui/style.py``, the one palette module.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from player.ui import style
from player.ui.style import (
    DARK,
    GRAPHIC_ON,
    GRAPHIC_RATIO,
    LIGHT,
    ON_ACCENT,
    PRINTED_HEADER,
    PRINTED_TEXT,
    TEXT_ON,
    TEXT_RATIO,
    Palette,
    contrast_ratio,
    palette_colours,
    relative_luminance,
)

UI = Path(__file__).resolve().parents[2] / "player" / "ui"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
SCHEMES = pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])


def test_contrast_ratio_follows_the_wcag_formula() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the AA grey
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=0.0001)


@SCHEMES
def test_every_text_reads_at_4_5_to_1_and_every_graphic_at_3_to_1(palette: Palette) -> None:
    checks = [(name, backs, TEXT_RATIO) for name, backs in TEXT_ON.items()]
    checks.append((ON_ACCENT[0], ON_ACCENT[1], TEXT_RATIO))
    checks += [(name, backs, GRAPHIC_RATIO) for name, backs in GRAPHIC_ON.items()]
    failures = [
        f"{name} {getattr(palette, name)} on {background} {getattr(palette, background)}: "
        f"{ratio:.2f}:1, needs {needed}:1"
        for name, backgrounds, needed in checks
        for background in backgrounds
        if (ratio := contrast_ratio(getattr(palette, name), getattr(palette, background))) < needed
    ]
    assert failures == []


@SCHEMES
def test_the_focus_ring_stands_out_from_every_background(palette: Palette) -> None:
    backgrounds = ("window", "surface", "surface_alt", "next_surface")
    assert set(GRAPHIC_ON["focus"]) >= set(backgrounds)
    for background in backgrounds:
        assert contrast_ratio(palette.focus, getattr(palette, background)) >= GRAPHIC_RATIO


@SCHEMES
def test_every_colour_a_widget_uses_by_name_is_checked(palette: Palette) -> None:
    """A colour named in the palette but on no list above would escape the checks."""
    checked = set(TEXT_ON) | set(GRAPHIC_ON) | {ON_ACCENT[0]}
    backgrounds = {b for backs in (*TEXT_ON.values(), *GRAPHIC_ON.values()) for b in backs}
    backgrounds |= set(ON_ACCENT[1])
    decorative = {"border", "accent_hover"} - checked  # outlines of cards, a hover shade
    assert set(palette_colours(palette)) - checked - backgrounds - decorative == set()


def test_printed_reports_are_black_on_light_grey_whatever_the_screen() -> None:
    assert contrast_ratio(PRINTED_TEXT, PRINTED_HEADER) >= TEXT_RATIO
    assert contrast_ratio(PRINTED_TEXT, "#ffffff") >= TEXT_RATIO


def test_every_colour_written_in_the_ui_is_a_checked_one() -> None:
    """A new colour in a screen must be named in ``player/ui/style.py`` (and so checked) first."""
    known = {value.lower() for p in (LIGHT, DARK) for value in palette_colours(p).values()}
    known |= {PRINTED_TEXT, PRINTED_HEADER}
    found = {
        (path.relative_to(UI).as_posix(), value.lower())
        for path in UI.rglob("*.py")
        for value in HEX.findall(path.read_text(encoding="utf-8"))
    }
    unknown = sorted(item for item in found if item[1] not in known)
    assert not unknown, f"colours not named in player/ui/style.py: {unknown}"


def test_no_screen_sets_a_colour_of_its_own_in_a_style_sheet() -> None:
    """Widgets take colours from the palette (``mark(label, tone=...)``): a ``color:`` written in
    a widget's style sheet would not follow the dark scheme."""
    offenders = [
        path.relative_to(UI).as_posix()
        for path in UI.rglob("*.py")
        if path.name != "style.py"
        and re.search(r"setStyleSheet\([^)]*colou?r", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_message_under_a_form_follows_the_palette(qapp) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QLabel

    from player.ui.widgets.common import say

    old = qapp.palette(), qapp.style().name()
    try:
        for scheme, palette in ((style.SCHEMES["dark"], DARK), (style.SCHEMES["light"], LIGHT)):
            style.apply(qapp, scheme)
            label = QLabel()
            say(label, "Nope")
            label.ensurePolished()
            assert label.palette().color(QPalette.ColorRole.WindowText).name() == palette.danger
            say(label, "Done", ok=True)
            assert label.palette().color(QPalette.ColorRole.WindowText).name() == palette.success
    finally:
        qapp.setStyleSheet("")
        qapp.setStyle(old[1])
        qapp.setPalette(old[0])
