"""What the trainer dashboard reads of each imported statement, kept in columns at import.

An imported statement (a progress file, a laptop through the hub) is queued in the outbox
exactly as it came, as frozen JSON. The dashboard needs a dozen of its fields for every one of
a season's ≈ 55,000 statements; reading them back out of the JSON each time the dashboard opens
cost more than a second. ``queue_imported`` already holds the statement parsed, so it writes
those fields once into ``imported_statements`` (migration ``m016_imported_statements``), one row
per outbox row, and the dashboard aggregates them with SQL (``player/core/trainer_table.py``).
Statements imported before that step get their rows the first time the dashboard reads
(``fill_backlog``).

A row exists only for a statement the dashboard can place: an actor it can name
(``actor_key``) and an activity of a course (``merge.CourseIndex.locate``). Times are kept as
this app writes them (UTC, milliseconds, ``Z``) so that SQL's ``MAX`` orders them.
"""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any

from player.core.sync.merge import Place, course_version
from player.core.sync.statements import (
    ACCOUNT_HOME_PAGE,
    duration_seconds,
    format_timestamp,
    parse_timestamp,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

_UTC_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")
#: The columns of a row, in the order ``statement_row`` returns them.
COLUMNS = (
    "seq",
    "learner_id",
    "learner_key",
    "learner_name",
    "course_id",
    "course_version",
    "scope",
    "item_id",
    "verb",
    "at",
    "duration_s",
    "score",
    "success",
    "responded",
    "imported_from",
)
INSERT = (
    f"INSERT INTO imported_statements ({', '.join(COLUMNS)})"
    f" VALUES ({', '.join('?' * len(COLUMNS))})"
)


def iso_seconds(duration: Any) -> float:
    """Seconds in an xAPI ISO 8601 duration (``PT1M3.5S``); 0 when absent or malformed."""
    return _duration(duration) if isinstance(duration, str) else 0.0


@functools.lru_cache(maxsize=4096)  # a workshop's durations repeat ("PT30S")
def _duration(text: str) -> float:
    try:
        return duration_seconds(text)
    except ValueError:
        return 0.0


def utc_text(timestamp: str) -> str:
    """A checked statement's timestamp as this app writes them (``2026-03-02T08:00:00.000Z``),
    so that text order is time order; as written when UTC cannot hold it (year 1, +23:59)."""
    if _UTC_TEXT.fullmatch(timestamp):
        return timestamp  # written by this app (nearly every statement): already so
    try:
        return format_timestamp(parse_timestamp(timestamp))
    except (ValueError, OverflowError):
        return timestamp


def actor_key(actor: Any) -> str | None:
    """How a learner is known on every laptop: ``mailto:<e-mail>`` or ``account:<uuid>``."""
    if not isinstance(actor, dict):
        return None
    mbox = actor.get("mbox")
    if isinstance(mbox, str) and mbox.startswith("mailto:"):
        return "mailto:" + mbox[len("mailto:") :].strip().lower()
    account = actor.get("account")
    if isinstance(account, dict) and account.get("name"):
        home = account.get("homePage")
        name = str(account["name"])
        return f"account:{name}" if home == ACCOUNT_HOME_PAGE else f"account:{home}/{name}"
    return None


def statement_row(
    seq: int,
    learner_id: int | None,
    statement: dict[str, Any],
    place: Place,
    imported_from: Any,
) -> tuple[Any, ...] | None:
    """The ``imported_statements`` row of a checked statement (None: no actor to name).

    ``duration_s`` is the ISO 8601 duration in seconds (0 when absent or unreadable),
    ``score`` the scaled score when it is a number, ``success`` 1 or 0 only when the result
    says true or false, ``responded`` whether the result holds a response.
    """
    key = actor_key(statement.get("actor"))
    if key is None:
        return None
    name = statement["actor"].get("name")
    result = statement.get("result")
    result = result if isinstance(result, dict) else {}
    score = result.get("score")
    scaled = score.get("scaled") if isinstance(score, dict) else None
    success = result.get("success")
    return (
        seq,
        learner_id,
        key,
        name if isinstance(name, str) and name else None,
        place.course_id,
        place.course_version or 0,
        place.scope,
        place.item_id,
        statement["verb"]["id"],
        utc_text(statement["timestamp"]),
        iso_seconds(result.get("duration")),
        float(scaled) if isinstance(scaled, int | float) and not isinstance(scaled, bool) else None,
        int(success) if isinstance(success, bool) else None,
        result.get("response") is not None,
        imported_from if isinstance(imported_from, str) else None,
    )


def fill_backlog(db: Database) -> int:
    """Rows for the statements imported before the table existed, once (``m016``'s backlog).

    Their place (course, scope, item) and source file are the ones the import wrote in the
    outbox row's ``event``. Returns how many rows were written (0: nothing was left to fill).
    """
    backlog = db.execute("SELECT MAX(up_to_seq) FROM imported_statements_backlog").fetchone()[0]
    if backlog is None:
        return 0
    rows = []
    for seq, learner_id, statement_text, event_text in db.execute(
        "SELECT seq, learner_id, statement, event FROM outbox"
        " WHERE seq <= ? AND origin = 'import' AND course_id IS NOT NULL"
        " AND statement IS NOT NULL AND json_valid(statement) AND json_valid(event)",
        [backlog],
    ):
        row = _backlog_row(seq, learner_id, json.loads(statement_text), json.loads(event_text))
        if row is not None:
            rows.append(dict(zip(COLUMNS, row, strict=True)))
    with db.atomic():
        db.table("imported_statements").insert_all(rows)
        db.execute("DELETE FROM imported_statements_backlog")
    return len(rows)


def _backlog_row(
    seq: int, learner_id: int | None, statement: Any, event: Any
) -> tuple[Any, ...] | None:
    if not isinstance(event, dict) or not isinstance(statement, dict):
        return None
    course_id, scope, item_id = (event.get(k) for k in ("course_id", "scope", "item_id"))
    if not (isinstance(course_id, str) and isinstance(scope, str) and isinstance(item_id, str)):
        return None
    place = Place(course_id, scope, item_id, False, course_version(statement))
    try:
        return statement_row(seq, learner_id, statement, place, event.get("imported_from"))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # not a statement the import would have taken
