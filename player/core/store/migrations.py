"""Schema steps, applied in order by sqlite-utils ``Migrations``.

Append new steps at the end; never edit or reorder a step that has shipped. Each step has a
test in ``tests/core/test_migrations.py`` that upgrades a database stopped just before it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

#: The sqlite-utils migration set name (rows of ``_sqlite_migrations``).
MIGRATION_SET = "course-player"

Step = Callable[["Database"], None]

#: The schema steps, in order. Registered with ``@step`` rather than straight into a
#: sqlite-utils ``Migrations`` so that knowing whether a database is up to date does not import
#: sqlite-utils (≈ 50 ms): the desktop app opens without it when nothing is pending.
STEPS: list[Step] = []


def step(function: Step) -> Step:
    """Append a schema step (its name is the function's name)."""
    STEPS.append(function)
    return function


def step_names() -> list[str]:
    return [function.__name__ for function in STEPS]


def migration_set() -> Migrations:
    """The steps as a sqlite-utils ``Migrations`` set, which applies and records them."""
    from sqlite_utils.migrations import Migrations

    built = Migrations(MIGRATION_SET)
    for function in STEPS:
        built()(function)
    return built


def __getattr__(name: str) -> Any:
    # ``migrations``: the set built on first use (tests and tools apply it step by step).
    if name == "migrations":
        built = migration_set()
        globals()["migrations"] = built
        return built
    raise AttributeError(name)


@step
def m001_courses(db: Database) -> None:
    """Installed courses and the files of their current version."""
    db.execute(
        """
        CREATE TABLE courses (
            id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            title TEXT NOT NULL,
            language TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            source TEXT,
            installed_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE course_files (
            course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            PRIMARY KEY (course_id, path)
        )
        """
    )
    db.execute("CREATE INDEX course_files_sha256 ON course_files(sha256)")


@step
def m002_learners_progress(db: Database) -> None:
    """Learners, per-lesson progress, quiz attempts and their answers."""
    db.execute(
        """
        CREATE TABLE learners (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            email TEXT,
            language TEXT,
            pin_hash TEXT,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE lesson_progress (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            course_id TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            position REAL NOT NULL DEFAULT 0,
            duration REAL,
            watched TEXT NOT NULL DEFAULT '[]',
            time_spent REAL NOT NULL DEFAULT 0,
            opened_at TEXT,
            completed_at TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (learner_id, course_id, lesson_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE quiz_attempts (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            course_id TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            course_version INTEGER NOT NULL,
            seed INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            score REAL,
            threshold REAL,
            passed INTEGER
        )
        """
    )
    db.execute(
        "CREATE INDEX quiz_attempts_lesson ON quiz_attempts(learner_id, course_id, lesson_id)"
    )
    db.execute(
        """
        CREATE TABLE quiz_answers (
            attempt_id INTEGER NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (attempt_id, question_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE quiz_passes (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            course_id TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            passed_at TEXT NOT NULL,
            PRIMARY KEY (learner_id, course_id, lesson_id)
        )
        """
    )


@step
def m003_outbox(db: Database) -> None:
    """Events waiting to be sent to an LRS, written in the same transaction as the change.

    ``statement`` is the frozen xAPI JSON, built once (at the event or at the first sync) and
    never rebuilt, so every retry sends identical bytes.
    """
    db.execute(
        """
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            statement_id TEXT NOT NULL UNIQUE,
            learner_id INTEGER REFERENCES learners(id) ON DELETE SET NULL,
            course_id TEXT,
            kind TEXT NOT NULL,
            event TEXT NOT NULL,
            statement TEXT,
            created_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sent', 'quarantined', 'conflict')),
            attempts INTEGER NOT NULL DEFAULT 0,
            sent_at TEXT,
            error TEXT,
            origin TEXT NOT NULL DEFAULT 'local'
        )
        """
    )
    db.execute("CREATE INDEX outbox_state ON outbox(state, seq)")


@step
def m004_course_history(db: Database) -> None:
    """What must outlive ``remove``: the highest version installed and the pinned publisher key."""
    db.execute(
        """
        CREATE TABLE course_history (
            course_id TEXT PRIMARY KEY,
            highest_version INTEGER NOT NULL,
            pinned_key TEXT,
            publisher TEXT
        )
        """
    )
    db.execute("ALTER TABLE courses ADD COLUMN signed_by TEXT")


@step
def m005_learning(db: Database) -> None:
    """Learning engine: time per quiz attempt, recorded completions, survey responses.

    ``completions`` remembers module and course completion so the event is written once and a
    completion is never revoked by a course update (like ``quiz_passes``).
    """
    db.execute("ALTER TABLE quiz_attempts ADD COLUMN time_spent REAL NOT NULL DEFAULT 0")
    db.execute(
        """
        CREATE TABLE completions (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            course_id TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('module', 'course')),
            item_id TEXT NOT NULL,
            course_version INTEGER NOT NULL,
            completed_at TEXT NOT NULL,
            PRIMARY KEY (learner_id, course_id, scope, item_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE survey_responses (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            course_id TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            course_version INTEGER NOT NULL,
            answers TEXT NOT NULL,
            submitted_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        "CREATE INDEX survey_responses_lesson ON survey_responses(learner_id, course_id, lesson_id)"
    )


@step
def m006_progress_imports(db: Database) -> None:
    """Progress merged from imported xAPI statements (``player/core/sync/merge.py``).

    One row per statement applied to local progress, for audit and so a merge is never applied
    twice.
    """
    db.execute(
        """
        CREATE TABLE progress_imports (
            statement_id TEXT PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            course_id TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('course', 'module', 'lesson')),
            item_id TEXT NOT NULL,
            verb TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            imported_at TEXT NOT NULL
        )
        """
    )


@step
def m007_course_cards(db: Database) -> None:
    """What a library card needs from a course's manifest (``player/core/learning/card.py``).

    JSON written with the row by each install; NULL for courses installed before this step,
    which the library fills in the first time it shows them.
    """
    db.execute("ALTER TABLE courses ADD COLUMN card TEXT")


@step
def m009_pin_guards(db: Database) -> None:
    """Wrong PINs counted per learner and for the trainer, and the trainer's own PIN.

    ``pin_guards`` keeps the throttle of ``player/core/learning/pins.py`` across restarts
    (``blocked_until`` in Unix seconds). ``trainer`` has one row: the trainer PIN's hash (kept
    in ``settings.json`` by earlier versions, moved here when first read) and when the app
    offered to set one.
    """
    db.execute(
        """
        CREATE TABLE pin_guards (
            subject TEXT PRIMARY KEY,
            failures INTEGER NOT NULL DEFAULT 0,
            blocked_until REAL NOT NULL DEFAULT 0,
            last_failure_at TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE trainer (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            pin_hash TEXT,
            offered_at TEXT
        )
        """
    )
