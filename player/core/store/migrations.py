"""Schema steps, applied in order by sqlite-utils ``Migrations`` (``open_database`` runs them).

Append new steps at the end, each decorated with ``@migrations()``; never edit, rename or
reorder a step that has shipped: databases record each applied step by its function's name, and
an app that finds a name it does not know refuses the database as a newer app's. Each step has
a test in ``tests/core/test_migrations.py`` that upgrades a database stopped just before it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

#: The set's name is what ``_sqlite_migrations.migration_set`` records for every step.
migrations = Migrations("course-player")


def step_names() -> list[str]:
    """The steps this app knows, in order (sqlite-utils keeps no public list of them)."""
    return [step.name for step in migrations._migrations]


@migrations()
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


@migrations()
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


@migrations()
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


@migrations()
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


@migrations()
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


@migrations()
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


@migrations()
def m007_course_cards(db: Database) -> None:
    """What a library card needs from a course's manifest (``player/core/learning/card.py``).

    JSON written with the row by each install; NULL for courses installed before this step,
    which the library fills in the first time it shows them.
    """
    db.execute("ALTER TABLE courses ADD COLUMN card TEXT")


@migrations()
def m008_version_floors(db: Database) -> None:
    """The rollback floor per course id *and* signing key (issue 14, ``player/core/trust.py``).

    ``key`` is the signing key's text, ``''`` for unsigned packages. An install's floor is the
    highest version of its own line and of the lines of keys trusted for the course, so an
    unsigned or unknown "version 999" no longer locks out the trusted publisher's version 3.
    Existing floors go to the pinned key's line (unsigned when none): the safe guess, since
    once a key is pinned nothing else installs.
    """
    db.execute(
        """
        CREATE TABLE version_floors (
            course_id TEXT NOT NULL,
            key TEXT NOT NULL,
            highest_version INTEGER NOT NULL,
            PRIMARY KEY (course_id, key)
        )
        """
    )
    db.execute(
        """
        INSERT INTO version_floors (course_id, key, highest_version)
        SELECT course_id, COALESCE(pinned_key, ''), highest_version FROM course_history
        """
    )
    db.execute(
        """
        INSERT INTO version_floors (course_id, key, highest_version)
        SELECT id, COALESCE(signed_by, ''), version FROM courses WHERE true
        ON CONFLICT (course_id, key) DO UPDATE
            SET highest_version = MAX(highest_version, excluded.highest_version)
        """
    )


@migrations()
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


@migrations()
def m013_video_sessions(db: Database) -> None:
    """Viewing sessions of a video, from which the core derives Video Profile statements.

    One row per opening of a video lesson (``player/core/learning/video.py``): ``position`` and
    ``saved_at`` are the last saved position and when it was saved, ``playing`` whether a
    ``played`` statement is open (no pause, seek to the end or end since), ``time_spent`` the
    seconds played in the session, ``event`` the common event fields (titles, language,
    version) so the session can be terminated without its manifest, ``ended_at`` when it was.
    """
    db.execute(
        """
        CREATE TABLE video_sessions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            course_id TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            started_at TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            position REAL NOT NULL DEFAULT 0,
            playing INTEGER NOT NULL DEFAULT 0,
            time_spent REAL NOT NULL DEFAULT 0,
            event TEXT NOT NULL,
            ended_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX video_sessions_open ON video_sessions (learner_id, ended_at)")


@migrations()
def m015_learner_preferences(db: Database) -> None:
    """A learner's remembered choices (``player/core/learning/preferences.py``): subtitles,
    playback speed, text size. One row per choice, its value as JSON; gone with the learner.
    """
    db.execute(
        """
        CREATE TABLE learner_preferences (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (learner_id, key)
        )
        """
    )


@migrations()
def m016_imported_statements(db: Database) -> None:
    """What the trainer dashboard reads of each imported statement, in columns (issue 19).

    One row per imported outbox row the dashboard can place (``player/core/sync/
    imported_statements.py``), written by the import with the statement; the dashboard sums
    and compares them in SQL instead of reading ≈ 55,000 statements' JSON at each opening.
    The primary key orders rows as the dashboard groups them: course, learner, item.

    Statements imported before this step get their rows the first time the dashboard reads
    (reading them needs the sync layer, which sits above the store):
    ``imported_statements_backlog`` holds the last outbox ``seq`` they go up to, until then.
    """
    db.execute(
        """
        CREATE TABLE imported_statements (
            seq INTEGER NOT NULL REFERENCES outbox(seq) ON DELETE CASCADE,
            learner_id INTEGER REFERENCES learners(id) ON DELETE SET NULL,
            learner_key TEXT NOT NULL,
            learner_name TEXT,
            course_id TEXT NOT NULL,
            course_version INTEGER NOT NULL,
            scope TEXT NOT NULL,
            item_id TEXT NOT NULL,
            verb TEXT NOT NULL,
            at TEXT NOT NULL,
            duration_s REAL NOT NULL,
            score REAL,
            success INTEGER,
            responded INTEGER NOT NULL,
            imported_from TEXT,
            PRIMARY KEY (course_id, learner_key, scope, item_id, seq)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE UNIQUE INDEX imported_statements_seq ON imported_statements(seq)")
    db.execute("CREATE TABLE imported_statements_backlog (up_to_seq INTEGER NOT NULL)")
    db.execute(
        "INSERT INTO imported_statements_backlog (up_to_seq)"
        " SELECT MAX(seq) FROM outbox WHERE origin = 'import' HAVING MAX(seq) IS NOT NULL"
    )
