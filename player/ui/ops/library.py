"""What the main window and the library show first: the learner and the course cards."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.context import Context
from player.core.errors import PlayerError
from player.core.learning.card import CardProgress, card_progress_for_courses, stored_card
from player.core.learning.learners import Learner, ensure_default_learner, list_learners
from player.core.sync.status import OutboxCounts, counts
from player.core.trust import (
    TrustedPublisher,
    publisher_facts,
    publisher_info,
    trusted_publishers,
)

if TYPE_CHECKING:
    from player.ui.services import Services


@dataclass(frozen=True, slots=True)
class CourseSummary:
    """What a library card shows about one installed course."""

    id: str
    version: int
    title: str
    language: str
    bytes: int
    progress: float | None = None  # 0..1 for the current learner, None when unknown
    started: bool = False  # the learner has opened something in it ("Continue", not "Open")
    publisher: PublisherView | None = None  # None: unknown (the card shows no publisher line)
    done: int = 0  # required lessons complete ("3 lessons of 9")
    total: int = 0  # required lessons; 0 when unknown
    cover: str | None = None  # the cover picture's file on disk, when the course has one


def installed_courses(context: Context) -> list[dict]:
    """The installed courses (id, version, title, language, bytes), by title."""
    return list(context.db.query("SELECT * FROM courses ORDER BY title COLLATE NOCASE"))


def library_courses(services: Services, learner_id: int | None) -> list[CourseSummary]:
    """The library's cards: every installed course, the learner's progress, its publisher.

    One read on the storage lane, so the library draws each card once, complete. It reads each
    course's stored card (``player.core.learning.card``), not its manifest: no manifest parser
    or learning engine is loaded to open the library. Covers and progress are read for all the
    courses at once (one query per table), so 50 courses cost little more than one. A course
    whose card cannot be made shows no progress and no publisher line rather than the library
    showing nothing.
    """

    context = services.context
    try:
        trusted: list[TrustedPublisher] | None = trusted_publishers(context, services.settings)
    except PlayerError:
        trusted = None  # a broken trusted-keys setting: the cards show no publisher line
    rows = installed_courses(context)
    cards: dict[str, dict[str, Any]] = {}
    for row in rows:
        try:
            cards[row["id"]] = stored_card(context, row)
        except PlayerError:
            continue  # this course's card shows no progress and no publisher line
    covers = course_files_on_disk(
        context, [(course_id, card.get("cover")) for course_id, card in cards.items()]
    )
    progress = (
        {} if learner_id is None else card_progress_for_courses(context.db, learner_id, cards)
    )
    return [
        _summary(row, cards.get(row["id"]), progress.get(row["id"]), covers, trusted)
        for row in rows
    ]


def _summary(
    row: dict[str, Any],
    card: dict[str, Any] | None,
    mine: CardProgress | None,
    covers: dict[tuple[str, object], str],
    trusted: list[TrustedPublisher] | None,
) -> CourseSummary:
    """One course's card; without its stored card: no progress, cover or publisher line."""
    course_id = row["id"]
    basics = (course_id, row["version"], row["title"], row["language"], row["bytes"])
    if card is None:
        return CourseSummary(*basics)
    publisher = None
    if trusted is not None:
        facts = publisher_facts(card["publisher"], row["signed_by"], trusted, course_id)
        publisher = _publisher_view(facts)
    return CourseSummary(
        *basics,
        progress=None if mine is None else mine.fraction,
        started=mine is not None and mine.started,
        publisher=publisher,
        done=0 if mine is None else mine.done,
        total=0 if mine is None else mine.total,
        cover=covers.get((course_id, card.get("cover"))),
    )


def course_files_on_disk(
    context: Context, wanted: Iterable[tuple[str, object]]
) -> dict[tuple[str, object], str]:
    """Where installed courses keep these files (covers, thumbnails), by (course id, member).

    One query for them all. A member that is not a string (the course names no picture) or
    that its course does not hold is left out.
    """
    pairs = {(course_id, member) for course_id, member in wanted if isinstance(member, str)}
    if not pairs:
        return {}
    course_ids = sorted({course_id for course_id, _ in pairs})
    members = sorted({member for _, member in pairs})
    found = context.db.query(
        "SELECT course_id, path, sha256 FROM course_files"
        f" WHERE course_id IN ({', '.join('?' * len(course_ids))})"
        f" AND path IN ({', '.join('?' * len(members))})",
        [*course_ids, *members],
    )
    return {
        (row["course_id"], row["path"]): str(context.objects.path_of(row["path"], row["sha256"]))
        for row in found
        if (row["course_id"], row["path"]) in pairs
    }


LEARNER_SETTING = "learner"  # settings.json: the uuid of the learner who used the app last


@dataclass(frozen=True, slots=True)
class FirstScreen:
    """What the main window needs to show itself complete: who is learning, and their library."""

    learner: Learner
    courses: list[CourseSummary]
    outbox: OutboxCounts  # for the status line ("3 completions waiting to be sent")


def first_screen(services: Services, default_name: str) -> FirstScreen:
    """The learner, the library's cards and the outbox counts: start-up is one trip to the lane."""

    learner = current_learner(services, default_name)
    # A learner with a PIN: their progress is read once the PIN is typed (the window asks).
    courses = [] if learner.has_pin else library_courses(services, learner.id)
    return FirstScreen(learner, courses, counts(services.context.db))


def current_learner(services: Services, default_name: str) -> Learner:
    """The learner to start with: the last one used here, else the first (created if none)."""

    db = services.context.db
    first = ensure_default_learner(db, default_name)
    wanted = services.settings.get(LEARNER_SETTING)
    for learner in list_learners(db):
        if learner.uuid == wanted:
            return learner
    return first


@dataclass(frozen=True, slots=True)
class PublisherView:
    """Who published an installed course, as far as this laptop can tell (docs/security.md).

    ``verified``: signed by a key trusted here for this course; ``name`` is then the name the
    laptop knows that key by, else the name the package claims (which proves nothing).
    ``signed``: a valid signature was checked at install (``fingerprint``: its key, short).
    """

    name: str | None
    verified: bool
    trusted: bool = False  # the same as ``verified`` (kept for callers of the old name)
    key: str | None = None
    signed: bool = False
    fingerprint: str | None = None


def publisher_view(
    context: Context, course_id: str, trusted: list[TrustedPublisher] | None = None
) -> PublisherView:

    return _publisher_view(publisher_info(context, course_id, trusted))


def _publisher_view(info: dict[str, Any]) -> PublisherView:
    return PublisherView(
        info["trusted_as"] or info["publisher"],
        bool(info["verified"]),
        bool(info["trusted"]),
        info["publisher_key"],
        bool(info["signed"]),
        info["fingerprint"],
    )
