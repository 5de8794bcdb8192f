"""What an operation changed, so that each screen decides whether to redraw (Anki's ``OpChanges``).

An operation that writes returns a ``Changes`` (or a result with a ``changes`` field); the task
runner announces it once, on the main thread, as ``operation_did_execute(changes, initiator)``.
Screens compare it with what they show (``Screen.redraws_on``) instead of being refreshed by
hand from wherever a change happened.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Changes:
    """Which kinds of stored data an operation changed."""

    progress: bool = False  # a learner's lessons, quiz attempts and answers, survey answers
    time_spent: bool = False  # time in lessons and video positions only (dashboard, reports)
    courses: bool = False  # installed courses (added, updated)
    learner: bool = False  # who the current learner is, or their profile
    outbox: bool = False  # statements waiting to be sent (written, sent, refused)
    settings: bool = False  # settings.json

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches(self, shown: Changes) -> bool:
        """True when one of these changes is among the kinds ``shown`` (what a screen shows)."""
        return any(getattr(self, f.name) and getattr(shown, f.name) for f in fields(self))


NOTHING = Changes()
PROGRESS = Changes(progress=True)
TIME_SPENT = Changes(time_spent=True)
#: A lesson, quiz or survey finished: progress, and the statement it queued for sync.
PROGRESS_AND_OUTBOX = Changes(progress=True, outbox=True)
#: A course installed or updated: an update can settle progress and queue statements.
COURSES = Changes(courses=True, progress=True, outbox=True)


def progress_made(newly_completed: bool) -> Changes:
    """Time or a position recorded; a lesson completed by it also changed state and outbox."""
    return TIME_SPENT | PROGRESS_AND_OUTBOX if newly_completed else TIME_SPENT


def changes_of(result: object) -> Changes:
    """What a finished operation's result says it changed (nothing for a plain read)."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else NOTHING
