"""The contract between the main window and the screens it shows one at a time.

Every page of the window (library, outline, quiz, survey, reading, video) is a ``Screen``: the
window connects the same signals on each (back, next, full screen), drops a screen it no longer
needs with ``release()``, and hands it every ``operation_did_execute(changes, initiator)`` the
task runner announces. A screen redraws when the changes touch what it shows (``redraws_on``)
and it did not ask for them itself, as Anki's screens do with ``OpChanges``; a hidden screen
only notes that it is stale and reads its data again once, when it is shown.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from player.ui.ops.changes import NOTHING, Changes
from player.ui.widgets.common import Retranslatable


class Screen(Retranslatable, QWidget):
    """One page of the main window."""

    back_requested = Signal()  # "← Outline", "← Library", Alt+Left
    next_requested = Signal()  # "Next lesson →"
    full_screen_changed = Signal(bool)  # the screen wants the window's bars hidden (video)

    #: What this screen shows: an operation that changed one of these kinds makes it redraw.
    redraws_on: ClassVar[Changes] = NOTHING

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = False

    def refresh(self) -> None:
        """Read what this screen shows again and redraw it (nothing to read by default)."""

    def release(self) -> None:
        """The window drops this screen: save what it holds, free what it owns (VLC...)."""

    def operation_did_execute(self, changes: Changes, initiator: object | None) -> None:
        """Redraw if ``changes`` touch what this screen shows and another part made them."""
        if initiator is self or not changes.touches(self.redraws_on):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
