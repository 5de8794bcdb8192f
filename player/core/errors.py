"""Errors a user can cause or meet. Each carries a one-line message fit to show as is.

The CLI prints ``str(error)`` and exits non-zero; the UI shows it in a dialog. Anything that is
not a ``PlayerError`` is a bug and keeps its traceback.

Messages a learner or trainer can meet are also translated. Such an error is built from a
template and its parameters::

    raise DiskFullError.of(
        QT_TRANSLATE_NOOP("CoreErrors", "Not enough free disk: {needed} needed, {free} free."),
        needed=ByteCount(needed),
        free=ByteCount(free),
    )

``str(error)`` stays the English one-liner (``template.format(**params)``, whitespace folded),
for the CLI, logs and tests; ``error.template`` and ``error.params`` let the UI
(``player/ui/errors.py: localized``) look the template up in Qt's catalogue and fill in the same
parameters. Templates use ``{name}`` placeholders (format specs such as ``{waited:.0f}`` allowed),
so the English reads plainly in the code and a translation may reorder them.

Why ``QT_TRANSLATE_NOOP``: it is the marker ``pyside6-lupdate``'s Python parser extracts (with
its literal context and text, implicit concatenation included) without the code importing Qt.
Here it is a plain function returning its text, so the core stays Qt-free;
``scripts/build_translations.py`` runs lupdate over ``player/core`` as well, and the markers land
in the ``CoreErrors`` context of ``assets/i18n/*.ts``. The template must be a literal (never an
f-string) in the call, or lupdate extracts the wrong text.

A parameter may itself be translatable: a ``Phrase`` (a marked template with its own
parameters, e.g. why a connection failed) or another ``PlayerError`` (the cause quoted in a
message); a ``player.core.progress.ByteCount`` reads as "1.2 GB" in English and the UI
writes it in its own units ("1,2 Go").
Messages aimed at course authors (manifest validation, packing) stay plain English strings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Self

CONTEXT = "CoreErrors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark ``text`` for Qt's lupdate in ``context``; return it unchanged (no Qt here)."""
    return text


_BREAKS = re.compile(r"[ \t\n\r\f\v]+")


def one_line(text: str) -> str:
    """Line breaks and runs of spaces folded to one space; no-break spaces are kept."""
    return _BREAKS.sub(" ", text).strip()


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with its parameters, on one line."""
    return one_line(template.format(**params))


class Phrase:
    """A translatable part of a message (a reason, a cause): a marked template and parameters."""

    __slots__ = ("template", "params")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        return fill(self.template, self.params)

    def __repr__(self) -> str:
        return f"Phrase({str(self)!r})"


class PlayerError(Exception):
    """Base of every expected failure; ``str()`` is a single line for the user."""

    exit_code = 1
    template: str | None = None
    params: Mapping[str, object] = {}

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))

    @classmethod
    def of(cls, template: str, /, *args: object, **params: object) -> Self:
        """The error for a marked ``template``; ``args`` go to a subclass's own constructor.

        ``str()`` is ``template.format(**params)``; the UI translates ``template`` instead.
        """
        error = cls(fill(template, params), *args)
        error.template = template
        error.params = params
        return error


class PackageError(PlayerError):
    """A package (folder or zip) is malformed, unsafe or does not match its manifest."""


class ManifestError(PackageError):
    """``course.json`` / ``course.yaml`` is unreadable or fails validation."""


class FormatTooNewError(ManifestError):
    """The package uses a format this app does not understand yet."""


class IntegrityError(PackageError):
    """A member's size or SHA-256 differs from the manifest."""


class SignatureError(PackageError):
    """A signature is missing, malformed, made by another key, or does not match."""


class InstallError(PlayerError):
    """An install cannot proceed (downgrade, unknown course, ...)."""


class DiskFullError(PlayerError):
    """Not enough free space; raised before writing when it can be known."""


class TransferError(PlayerError):
    """A download or copy failed (network, server, removed drive)."""


class TransferCancelled(TransferError):  # noqa: N818 - the user's choice, not a fault
    """The user cancelled; partial data is kept for a later resume."""


class StoreError(PlayerError):
    """The local database is unusable (corrupt, locked, newer than the app)."""


class DamagedDatabaseError(StoreError):
    """The database fails SQLite's check; a copy of it was kept (``backup``)."""

    def __init__(self, message: str, path: str = "", backup: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class LearningError(PlayerError):
    """A learning action is invalid (unknown question, finished attempt, ...)."""


class SyncError(PlayerError):
    """Sync with the LRS failed in a way the user must know about."""


class AuthoringError(PlayerError):
    """Packing media failed (undecodable video, bad subtitles, missing ffmpeg)."""


class HubError(PlayerError):
    """The workshop hub cannot start, or a laptop cannot pair with or reach it."""


class AppUpdateError(PlayerError):
    """An app update is unsigned, untrusted, damaged, older than the installed app, or unsafe."""
