"""What a learner chose once and the app remembers for them: subtitles, speed, text size.

Stored per learner in the database (``learner_preferences``), not in ``settings.json``: several
people share one laptop, each with their own eyes and ears, and the choice must follow the
profile (switching learner switches it; deleting one drops it) without rewriting the machine's
settings file, which holds the machine's configuration and credentials. The database also writes
a choice in one small transaction, safe against a concurrent app instance.

Subtitles: a learner who never chose gets them when a track is in the course's language or the
UI's (``pick_subtitle``); once they choose a language it is used whenever the video has it, and
"off" stays off.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.learning.learners import get_learner

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlite_utils import Database

SUBTITLES_OFF = "off"
SPEED_MIN = 0.5
SPEED_MAX = 2.0
TEXT_SIZES = (90, 100, 115, 130, 150)  # percent of the system font


@dataclass(frozen=True, slots=True)
class Preferences:
    subtitles: str | None = None  # language chosen last, "off", or None: never chosen
    speed: float = 1.0
    text_size: int = 100  # percent


def get_preferences(db: Database, learner_id: int) -> Preferences:
    """The learner's choices; defaults for what they never chose (or a value no longer valid)."""
    found: dict[str, Any] = {}
    for key, value in db.execute(
        "SELECT key, value FROM learner_preferences WHERE learner_id = ?", [learner_id]
    ).fetchall():
        try:
            found[key] = json.loads(value)
        except ValueError:
            continue
    prefs = Preferences()
    subtitles = found.get("subtitles")
    speed = found.get("speed")
    size = found.get("text_size")
    return Preferences(
        subtitles=subtitles if isinstance(subtitles, str) and subtitles else prefs.subtitles,
        speed=float(speed) if speed is not None and _valid_speed(speed) else prefs.speed,
        text_size=int(size) if size in TEXT_SIZES else prefs.text_size,
    )


def set_preferences(
    db: Database,
    learner_id: int,
    *,
    subtitles: str | None = None,
    speed: float | None = None,
    text_size: int | None = None,
) -> Preferences:
    """Remember the choices given (None: unchanged); returns all of the learner's choices."""
    changes: dict[str, object] = {}
    if subtitles is not None:
        if not subtitles or len(subtitles) > 35 or not subtitles.isprintable():
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Not a subtitle choice: {choice!r}."),
                choice=subtitles,
            )
        changes["subtitles"] = subtitles
    if speed is not None:
        if not _valid_speed(speed):
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "A playback speed is from {low}× to {high}×."),
                low=SPEED_MIN,
                high=SPEED_MAX,
            )
        changes["speed"] = float(speed)
    if text_size is not None:
        if text_size not in TEXT_SIZES:
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "A text size is one of {sizes} %."),
                sizes=", ".join(map(str, TEXT_SIZES)),
            )
        changes["text_size"] = int(text_size)
    with db.atomic():
        get_learner(db, learner_id)
        for key, value in changes.items():
            db.execute(
                "INSERT INTO learner_preferences (learner_id, key, value) VALUES (?, ?, ?)"
                " ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value",
                [learner_id, key, json.dumps(value)],
            )
    return get_preferences(db, learner_id)


def pick_subtitle(
    tracks: Sequence[str], chosen: str | None, course_language: str, ui_language: str
) -> int | None:
    """The index in ``tracks`` (their languages) to show first, or None for none.

    "off" stays off. A language chosen before is used when the video has it; otherwise a track
    in the course's language, then the UI's; a learner who once chose subtitles gets the first
    track rather than none.
    """
    if chosen == SUBTITLES_OFF or not tracks:
        return None
    primary = [_primary(track) for track in tracks]
    wanted = [chosen] if chosen else []
    for language in [*wanted, course_language, ui_language]:
        if language and _primary(language) in primary:
            exact = [i for i, track in enumerate(tracks) if track.lower() == language.lower()]
            return exact[0] if exact else primary.index(_primary(language))
    return 0 if chosen else None


def _primary(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def _valid_speed(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and SPEED_MIN <= value <= SPEED_MAX
    )
