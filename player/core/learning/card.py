"""What a library card shows of a course, read without parsing the course's manifest.

A card shows the share of required lessons done, whether the learner started anything
("Continue" rather than "Open") and the publisher's name. From the manifest that takes only
each lesson's id and type and the publisher's name: the course's *card*, written as JSON in its
``courses`` row by the install that makes the row (so it always belongs to the installed
version), and filled in on first use for courses installed before it existed. The desktop app
then opens its library without the manifest parser or the learning engine.

The counts use the learning engine's own rules (``completion.lesson_status`` and ``required``,
which ``state.course_state`` uses too): a lesson that is not "not started" means the course was
started; the share done counts the required lessons that are complete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.learning.completion import History, lesson_status, load_histories, required

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlite_utils import Database

    from player.core.context import Context
    from player.core.package.manifest import Manifest

CARD_FORMAT = 2  # 2: the cover


def card_json(manifest: Manifest) -> str:
    """The card of this manifest, as stored in ``courses.card``."""
    return json.dumps(
        {
            "format": CARD_FORMAT,
            "publisher": manifest.publisher.name if manifest.publisher else None,
            "cover": manifest.cover,
            "lessons": [
                [lesson.id, lesson.type] for module in manifest.modules for lesson in module.lessons
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def parse_card(text: str | None) -> dict[str, Any] | None:
    """The stored card, or None when missing or of another format (then rebuild it)."""
    if not text:
        return None
    try:
        card = json.loads(text)
    except ValueError:
        return None
    if not isinstance(card, dict) or card.get("format") != CARD_FORMAT:
        return None
    return card


@dataclass(frozen=True, slots=True)
class CardProgress:
    done: int  # required lessons complete
    total: int  # required lessons (every lesson but surveys)
    started: bool

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


def card_progress(
    db: Database, learner_id: int, course_id: str, card: dict[str, Any]
) -> CardProgress:
    """The learner's progress on one course's card (``card_progress_for_courses`` for one)."""
    return card_progress_for_courses(db, learner_id, {course_id: card})[course_id]


def card_progress_for_courses(
    db: Database, learner_id: int, cards: Mapping[str, dict[str, Any]]
) -> dict[str, CardProgress]:
    """The learner's progress on each card (by course id), read in one query per table."""
    histories = load_histories(db, learner_id, cards.keys())
    return {course_id: _progress(histories[course_id], card) for course_id, card in cards.items()}


def _progress(history: History, card: dict[str, Any]) -> CardProgress:
    done = total = 0
    started = False
    for lesson_id, kind in card["lessons"]:
        status = lesson_status(history, lesson_id, kind)
        started = started or status != "not_started"
        if required(kind):
            total += 1
            done += status == "complete"
    return CardProgress(done, total, started)


def stored_card(ctx: Context, row: dict[str, Any]) -> dict[str, Any]:
    """The card of an installed course (its ``courses`` row), made and kept if missing.

    Raises ``PlayerError`` when the card must be made and the manifest cannot be read.
    """
    card = parse_card(row.get("card"))
    if card is not None:
        return card
    text = card_json(ctx.manifest(row["id"]))
    # Only for the version this row describes (an install may have replaced it meanwhile).
    ctx.db.execute(
        "UPDATE courses SET card = ? WHERE id = ? AND manifest_sha256 = ?",
        [text, row["id"], row["manifest_sha256"]],
    )
    return json.loads(text)  # type: ignore[no-any-return]
