"""The trainer's PIN as the dashboard uses it: what to show first, set it, check it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from player.ui.services import Services

#: Where versions before the ``trainer`` table kept the trainer PIN's hash.
LEGACY_SETTING = "trainer_pin_hash"

Gate = Literal["pin", "offer", "open"]


def trainer_gate(services: Services) -> Gate:
    """``pin`` when a trainer PIN is set; ``offer`` the first time the dashboard opens on a
    laptop with several learners and no PIN (the dashboard offers to set one); else ``open``.
    """
    from player.core.learning.learners import list_learners
    from player.core.learning.pins import (
        adopt_trainer_pin_hash,
        trainer_pin_offered,
        trainer_pin_set,
    )

    db = services.context.db
    legacy = services.settings.get(LEGACY_SETTING)
    if isinstance(legacy, str) and legacy:
        adopt_trainer_pin_hash(db, legacy)
        services.save_settings(**{LEGACY_SETTING: None})
    if trainer_pin_set(db):
        return "pin"
    if not trainer_pin_offered(db) and len(list_learners(db)) >= 2:
        return "offer"
    return "open"


def check_trainer_pin(services: Services, pin: str) -> bool:
    """True for the right PIN; ``PinThrottledError`` after too many wrong ones."""
    from player.core.learning.pins import check_trainer_pin as check

    return check(services.context.db, pin)


def set_trainer_pin(services: Services, pin: str | None) -> bool:
    """Set (4 to 8 digits) or remove (None) the trainer PIN; the offer counts as answered."""
    from player.core.learning.pins import mark_trainer_pin_offered
    from player.core.learning.pins import set_trainer_pin as store

    db = services.context.db
    store(db, pin)
    mark_trainer_pin_offered(db)
    return pin is not None


def decline_trainer_pin(services: Services) -> None:
    """ "Not now": the offer is not made again (a PIN can still be set from the dashboard)."""
    from player.core.learning.pins import mark_trainer_pin_offered

    mark_trainer_pin_offered(services.context.db)
