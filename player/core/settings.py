"""The app's settings: one JSON object in ``settings.json`` in the data folder.

The file may hold credentials (the LRS password), so it is written with mode 0600, atomically
(temporary file, fsync, rename): a crash leaves the old settings or the new ones, never half.
Unknown keys are kept, so an older app does not drop what a newer one wrote.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from player.core.errors import PlayerError
from player.core.files import atomic_write

FILE_MODE = 0o600


class SettingsError(PlayerError):
    """``settings.json`` is unreadable or not a JSON object."""


def load_settings(path: Path) -> dict[str, Any]:
    """The settings as a dict; an absent file is empty settings."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise SettingsError(f"Cannot read the settings {path}: {error.strerror}.") from error
    try:
        data = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as error:
        raise SettingsError(
            f"The settings {path} are not valid JSON (line {error.lineno}); fix or delete the file."
        ) from error
    if not isinstance(data, dict):
        raise SettingsError(f"The settings {path} must be a JSON object.")
    return data


def save_settings(path: Path, data: dict[str, Any]) -> None:
    """Replace the settings file atomically, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, "w", file_mode=FILE_MODE) as stream:
        json.dump(data, stream, ensure_ascii=False, indent=2, sort_keys=True)
        stream.write("\n")


def update_settings(path: Path, **changes: Any) -> dict[str, Any]:
    """Set keys (a value of None removes the key) and save; returns the new settings."""
    data = load_settings(path)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    save_settings(path, data)
    return data
