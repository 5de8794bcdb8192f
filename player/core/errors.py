"""Errors a user can cause or meet. Each carries a one-line message fit to show as is.

The CLI prints ``str(error)`` and exits non-zero; the UI shows it in a dialog. Anything that is
not a ``PlayerError`` is a bug and keeps its traceback.
"""

from __future__ import annotations


class PlayerError(Exception):
    """Base of every expected failure; ``str()`` is a single line for the user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


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


class TransferCancelled(TransferError):
    """The user cancelled; partial data is kept for a later resume."""


class StoreError(PlayerError):
    """The local database is unusable (corrupt, locked, newer than the app)."""


class LearningError(PlayerError):
    """A learning action is invalid (unknown question, finished attempt, ...)."""


class SyncError(PlayerError):
    """Sync with the LRS failed in a way the user must know about."""


class AuthoringError(PlayerError):
    """Packing media failed (undecodable video, bad subtitles, missing ffmpeg)."""
