"""The lesson and module states, and the icon each one shows (an SVG of ``assets/icons/ui``)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


class State(StrEnum):
    LOCKED = "locked"
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


#: Each state's icon and its colour in the palette (``player/ui/style.py``, 3:1 on the window).
STATE_ICON = {
    State.LOCKED: ("lock", "locked"),
    State.OPEN: ("open", "text_muted"),
    State.IN_PROGRESS: ("in_progress", "warning"),
    State.DONE: ("done", "success"),
}


def state_icon(state: State) -> QIcon:
    """The state's icon, sharp at every size and screen scale."""
    from player.ui.widgets.svg import svg_icon

    name, colour = STATE_ICON[state]
    return svg_icon(name, colour)
