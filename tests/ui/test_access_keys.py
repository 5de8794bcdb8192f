"""The tool bar's access keys (Alt+letter) are distinct in each language: Alt+A does one thing."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("language", ["fr", "en"])
def test_tool_bar_access_keys_are_distinct(window, services, language: str) -> None:
    services.translations.apply(language)
    try:
        keys = {}
        for action in window.toolbar.actions():
            found = re.search(r"&(\w)", action.text().replace("&&", ""))
            if found:
                keys.setdefault(found.group(1).lower(), []).append(action.text())
        assert {key: texts for key, texts in keys.items() if len(texts) > 1} == {}
        assert len(keys) >= 5, keys
    finally:
        services.translations.apply("en")
