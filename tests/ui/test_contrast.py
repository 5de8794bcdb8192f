"""WCAG 2.2 AA contrast of the app's colours: 4.5:1 for text, 3:1 for the focus ring and states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from player.ui.colours import (
    BASE,
    FOCUS_RING,
    NAMED,
    WINDOW,
    Use,
    contrast_ratio,
    relative_luminance,
)
from player.ui.style import DARK, LIGHT, palette_colours

UI = Path(__file__).resolve().parents[2] / "player" / "ui"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def test_contrast_ratio_follows_the_wcag_formula() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the AA grey
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=0.0001)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_each_named_colour_is_readable_on_what_it_is_drawn_on(name: str) -> None:
    colour = NAMED[name]
    for background in colour.on:
        ratio = contrast_ratio(colour.value, background)
        assert ratio >= colour.use.value, (
            f"{name} {colour.value} on {background}: {ratio:.2f}:1, "
            f"needs {colour.use.value}:1 ({colour.use.name.lower()})"
        )


def test_the_focus_ring_stands_out_from_the_window_and_the_fields() -> None:
    assert NAMED["focus_ring"].use is Use.GRAPHIC
    for background in (WINDOW, BASE):
        assert contrast_ratio(FOCUS_RING, background) >= 3.0


def test_every_colour_written_in_the_ui_is_a_checked_one() -> None:
    """A new colour in a screen must be added to ``colours.NAMED`` (and so checked) first."""
    known = {c.value.lower() for c in NAMED.values()}
    known |= {b.lower() for c in NAMED.values() for b in c.on}
    # The light and dark palettes of player/ui/style.py: tests/ui/test_style.py checks each pair.
    known |= {value.lower() for p in (LIGHT, DARK) for value in palette_colours(p).values()}
    found = {
        (path.relative_to(UI).as_posix(), value.lower())
        for path in UI.rglob("*.py")
        for value in HEX.findall(path.read_text(encoding="utf-8"))
    }
    unknown = sorted(item for item in found if item[1] not in known)
    assert not unknown, f"colours not in player/ui/colours.py: {unknown}"
