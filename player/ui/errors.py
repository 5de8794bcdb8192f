"""Core errors in the UI language.

A core error built with ``PlayerError.of`` keeps its English template and its parameters
(``player/core/errors.py``). Here the template is looked up in the ``CoreErrors`` context of the
Qt translations and filled with the same parameters, themselves localized when they are phrases,
nested errors (a cause quoted in a message) or sizes. An error without a template (details aimed
at course authors) shows its English text.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from player.core.errors import CONTEXT, Phrase, PlayerError, fill
from player.core.progress import ByteCount
from player.ui.units import format_size


def localized(error: BaseException) -> str:
    """``error``'s one-line message in the UI language (English when no translation exists)."""
    if isinstance(error, PlayerError) and error.template is not None:
        return _fill(error.template, error.params)
    return " ".join(str(error).split())


def _fill(template: str, params: Mapping[str, object]) -> str:
    values = {name: _value(value) for name, value in params.items()}
    translated = QCoreApplication.translate(CONTEXT, template)
    try:
        return fill(translated, values)
    except (KeyError, IndexError, ValueError):
        # A translation whose placeholders differ from the template's: English beats nothing.
        return fill(template, values)


def _value(value: object) -> object:
    if isinstance(value, PlayerError):
        return localized(value)
    if isinstance(value, Phrase):
        return _fill(value.template, value.params)
    if isinstance(value, ByteCount):
        return format_size(value)
    return value
