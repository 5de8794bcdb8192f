"""What a library card shows of a course, read without parsing the course's manifest.

A card shows the share of required lessons done, whether the learner started anything
("Continue" rather than "Open") and the publisher's name. From the manifest that takes only
each lesson's id and type and the publisher's name: the course's *card*, written as JSON in its
``courses`` row by the install that makes the row (so it always belongs to the installed
version), and filled in on first use for courses installed before it existed. The desktop app
then opens its library without the manifest parser or the learning engine.

The counts follow ``state.course_state`` exactly (a test compares both on many histories):
video and text lessons are complete once ``completed_at`` is set, quizzes once passed; surveys
never count as required; anything with a progress row, a quiz attempt or pass, or a survey
answer means "started".
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.store.database import plain_connection

if TYPE_CHECKING:
    from sqlite_utils import Database

    from player.core.context import Context
    from player.core.package.manifest import Manifest

CARD_FORMAT = 1


def card_json(manifest: Manifest) -> str:
    """The card of this manifest, as stored in ``courses.card``."""
    return json.dumps(
        {
            "format": CARD_FORMAT,
            "publisher": manifest.publisher.name if manifest.publisher else None,
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
    db: Database | sqlite3.Connection, learner_id: int, course_id: str, card: dict[str, Any]
) -> CardProgress:
    conn = plain_connection(db)
    args = [learner_id, course_id]
    where = "WHERE learner_id = ? AND course_id = ?"
    rows = conn.execute(f"SELECT lesson_id, completed_at FROM lesson_progress {where}", args)
    progress = dict(rows.fetchall())
    passes = {row[0] for row in conn.execute(f"SELECT lesson_id FROM quiz_passes {where}", args)}
    attempted = {
        row[0]
        for row in conn.execute(f"SELECT DISTINCT lesson_id FROM quiz_attempts {where}", args)
    }
    answered = {
        row[0]
        for row in conn.execute(f"SELECT DISTINCT lesson_id FROM survey_responses {where}", args)
    }
    done = total = 0
    started = False
    for lesson_id, kind in card["lessons"]:
        touched = lesson_id in progress
        if kind == "survey":
            started = started or touched or lesson_id in answered
            continue
        total += 1
        if kind == "quiz":
            complete = lesson_id in passes
            touched = touched or complete or lesson_id in attempted
        else:
            complete = bool(progress.get(lesson_id))
        done += complete
        started = started or touched
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
    ctx.conn.execute(
        "UPDATE courses SET card = ? WHERE id = ? AND manifest_sha256 = ?",
        [text, row["id"], row["manifest_sha256"]],
    )
    return json.loads(text)  # type: ignore[no-any-return]
