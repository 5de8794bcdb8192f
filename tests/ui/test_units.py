"""Sizes follow the UI language: "2.7 MB" in English, « 2,7 Mo » in French."""

from __future__ import annotations

from player.ui.i18n import Translations
from player.ui.units import format_size


def test_sizes_are_written_in_the_ui_language(qapp) -> None:
    translations = Translations(qapp)
    try:
        translations.apply("fr")
        assert format_size(2_712_345) == "2,7\u00a0Mo"
        assert format_size(98_200) == "98,2\u00a0Ko"
        assert format_size(512) == "512\u00a0o"
        assert format_size(83_012_000_000) == "83,0\u00a0Go"
        translations.apply("en")
        assert format_size(2_712_345) == "2.7\u00a0MB"
        assert format_size(0) == "0\u00a0B"
    finally:
        translations.apply("en")
