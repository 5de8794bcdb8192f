"""The progress report rows (CLI ``progress`` and the trainer dashboard) and the m005 step."""

from __future__ import annotations

from pathlib import Path

from player.core.learning import (
    add_time_spent,
    create_learner,
    find_learner,
    progress_report,
)
from player.core.store.database import open_database
from player.core.store.migrations import migrations
from tests.core.learning_fixtures import QUIZ_ONE_CORRECT, make_manifest, take_quiz, watch_video


def test_rows_per_learner_and_module() -> None:
    db = open_database(":memory:")
    manifest = make_manifest()
    ana = create_learner(db, "Ana", email="ana@example.org").id
    create_learner(db, "Bob")
    watch_video(db, ana, manifest, "m1-video")
    take_quiz(db, ana, manifest, "m1-quiz", {"q1": "b", "q3": True})
    add_time_spent(db, ana, manifest, "m1-quiz", 20)

    rows = progress_report(db, [manifest])
    assert [(r.learner_name, r.module_id, r.state) for r in rows] == [
        ("Ana", "m1", "open"),
        ("Ana", "m2", "locked"),
        ("Ana", "m3", "locked"),
        ("Bob", "m1", "open"),
        ("Bob", "m2", "locked"),
        ("Bob", "m3", "locked"),
    ]
    first = rows[0]
    assert (first.lessons_done, first.lessons_total) == (1, 3)
    assert first.best_quiz_score == 0.5
    assert first.time_spent_s == 120.0  # 100 s of video played, 20 s on the quiz
    assert first.learner_email == "ana@example.org" and not first.course_complete
    assert rows[3].best_quiz_score is None and rows[3].time_spent_s == 0
    assert rows[2].lessons_total == 0  # a survey never counts

    take_quiz(db, ana, manifest, "m1-quiz", QUIZ_ONE_CORRECT)
    only_ana = progress_report(db, [manifest], [find_learner(db, "ana")])
    assert [r.state for r in only_ana] == ["open", "locked", "locked"]
    assert only_ana[0].best_quiz_score == 1.0 and only_ana[0].lessons_done == 2
    assert set(only_ana[0].as_dict()) == set(only_ana[0].columns())
    db.conn.close()


def test_migration_m005_upgrades_a_database_with_attempts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = open_database(path, migrate=False)
    migrations.apply(old, stop_before="m005_learning")
    old.execute(
        "INSERT INTO learners (id, uuid, name, created_at) VALUES (1, 'u', 'Ana', '2026-01-01')"
    )
    old.execute(
        "INSERT INTO quiz_attempts (uuid, learner_id, course_id, lesson_id, course_version, seed,"
        " started_at, finished_at, score) VALUES ('a', 1, 'demo', 'm1-quiz', 1, 7, '2026-01-01',"
        " '2026-01-01', 0.5)"
    )
    old.conn.close()
    db = open_database(path)
    assert db.execute("SELECT time_spent, score FROM quiz_attempts").fetchall() == [(0, 0.5)]
    assert {"completions", "survey_responses"} <= set(db.table_names())
    rows = progress_report(db, [make_manifest()])
    assert rows[0].best_quiz_score == 0.5 and rows[0].state == "open"
    db.conn.close()
