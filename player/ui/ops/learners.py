"""Learner profiles on a shared laptop: list, switch (with PIN), add, PINs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.core.learning.learners import create_learner, get_learner, set_pin, verify_pin
from player.core.learning.learners import list_learners as core_list
from player.ui.ops.library import LEARNER_SETTING

if TYPE_CHECKING:
    from player.core.learning.learners import Learner
    from player.core.learning.preferences import Preferences
    from player.ui.services import Services


def list_learners(services: Services) -> list[Learner]:
    return core_list(services.context.db)


def switch_learner(services: Services, learner_id: int, pin: str) -> Learner | None:
    """Check the PIN (when the learner has one) and remember the learner as the current one.

    None means a wrong PIN (the screen says so in the learner's language).
    """
    db = services.context.db
    learner = get_learner(db, learner_id)
    if learner.has_pin and not verify_pin(db, learner_id, pin):
        return None
    services.save_settings(**{LEARNER_SETTING: learner.uuid})
    return learner


def add_learner(services: Services, name: str, email: str | None, pin: str | None) -> Learner:
    return create_learner(services.context.db, name, email=email or None, pin=pin or None)


def set_learner_pin(services: Services, learner_id: int, pin: str | None) -> Learner:
    return set_pin(services.context.db, learner_id, pin or None)


def change_own_pin(
    services: Services, learner_id: int, current: str, new: str | None
) -> Learner | None:
    """Set (4 to 8 digits) or clear (None) a learner's PIN once their current PIN is checked.

    None means the current PIN was wrong and nothing changed.
    """
    db = services.context.db
    if not verify_pin(db, learner_id, current):
        return None
    return set_pin(db, learner_id, new or None)


def learner_preferences(services: Services, learner_id: int) -> Preferences:
    """What the learner chose before: subtitles, speed, text size."""
    from player.core.learning.preferences import get_preferences

    return get_preferences(services.context.db, learner_id)


def rename_default_learner(services: Services, old_name: str, new_name: str) -> Learner | None:
    """After a language switch, the placeholder profile takes the new language's name.

    Only the learner still called by the old language's default name ("Learner" →
    "Apprenant") is renamed, and only when no one already has the new name; returns it, or
    None when nothing changed.
    """
    from player.core.learning.learners import rename_learner

    db = services.context.db
    if not old_name or not new_name or old_name == new_name:
        return None
    names = {learner.name.casefold(): learner for learner in core_list(db)}
    learner = names.get(old_name.casefold())
    if learner is None or learner.name != old_name or new_name.casefold() in names:
        return None
    return rename_learner(db, learner.id, new_name)
