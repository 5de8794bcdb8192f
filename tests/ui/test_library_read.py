"""The library reads all its cards at once (issue 19) and shows what each course says alone.

``library_courses`` reads every course's progress and cover in one query per table. Here its
cards are compared, learner by learner, with cards made one course at a time from the learning
engine's outline (``course_state``), the course's files and its publisher, on a laptop with
several courses and learners, partial progress, quizzes passed and failed, an unfinished
attempt and a course whose card cannot be made.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from player.core.context import open_context
from player.core.errors import PlayerError
from player.core.learning import (
    course_state,
    create_learner,
    open_lesson,
    record_reading,
    start_attempt,
)
from player.core.learning.card import stored_card
from player.core.learning.learners import list_learners
from player.core.package.manifest import MANIFEST_NAME
from player.core.paths import DataDir
from player.core.trust import trusted_publishers
from player.ui.ops.library import (
    CourseSummary,
    installed_courses,
    library_courses,
    publisher_view,
)
from tests.core.learning_fixtures import take_quiz, watch_video
from tests.helpers.courses import MEDIA, install_copies, write_source
from tests.ui.conftest import READING, course_document, png_bytes

PASSING = {"q1": "b", "q2": ["a", "c"], "q3": True, "q4": "reformuler"}
BROKEN = "course-03"  # its card must be made again and its manifest cannot be read


@pytest.fixture
def course_source(tmp_path: Path) -> Path:
    """The UI test course with a cover (the copies have none)."""
    media = dict(MEDIA)
    media["images/schema.png"] = png_bytes()
    media["text/m1.md"] = READING.encode()
    media["media/cover.png"] = png_bytes(320, 180, (20, 90, 160))
    doc = course_document()
    doc["cover"] = "media/cover.png"
    return write_source(tmp_path / "source", doc, media)


@pytest.fixture
def data_dir(data_dir: DataDir, tmp_path: Path) -> DataDir:
    """Five courses, three learners with different progress in each, one broken card."""
    ctx = open_context(data_dir)
    try:
        install_copies(ctx, 4, tmp_path / "copies")
        db = ctx.db
        ana, binta = (create_learner(db, name).id for name in ("Ana", "Binta"))
        create_learner(db, "Chidi")  # nothing done anywhere
        test, c0, c1, c2, broken = (
            ctx.manifest(course_id)
            for course_id in ("test-course", "course-00", "course-01", "course-02", BROKEN)
        )
        record_reading(db, ana, c0, "m1-read", elapsed=30, at_end=True)
        take_quiz(db, ana, c1, "m1-quiz", PASSING)
        take_quiz(db, ana, c2, "m1-quiz", {})  # failed
        start_attempt(db, ana, test, "m1-quiz")  # left unfinished
        record_reading(db, ana, broken, "m1-read", elapsed=30, at_end=True)
        open_lesson(db, binta, c1, "m1-intro")
        take_quiz(db, binta, c0, "m1-quiz", {})
        take_quiz(db, binta, c0, "m1-quiz", PASSING)
        watch_video(db, binta, test, "m1-intro")
        record_reading(db, binta, test, "m1-read", elapsed=30, at_end=True)
        take_quiz(db, binta, test, "m1-quiz", PASSING)
        record_reading(db, binta, test, "m2-read", elapsed=30, at_end=True)
        row = ctx.course_row(BROKEN)
        assert row is not None
        db.execute("UPDATE courses SET card = NULL WHERE id = ?", [BROKEN])
        manifest = ctx.manifest_folder(BROKEN, row["manifest_sha256"]) / MANIFEST_NAME
        manifest.write_bytes(b"not a manifest")
    finally:
        ctx.close()
    return data_dir


def one_course_at_a_time(services, learner_id: int | None) -> list[CourseSummary]:
    """The cards as each course's outline, files and publisher describe it, read alone."""
    ctx = services.context
    trusted = trusted_publishers(ctx, services.settings)
    expected = []
    for row in installed_courses(ctx):
        summary = CourseSummary(
            row["id"], row["version"], row["title"], row["language"], row["bytes"]
        )
        try:
            card = stored_card(ctx, row)
            manifest = ctx.manifest(row["id"])
        except PlayerError:
            expected.append(summary)
            continue
        cover = ctx.member_path(row["id"], card["cover"]) if card["cover"] else None
        summary = replace(
            summary,
            cover=None if cover is None else str(cover),
            publisher=publisher_view(ctx, row["id"], trusted),
        )
        if learner_id is not None:
            state = course_state(ctx.db, learner_id, manifest)
            done, total = state.lessons_done, state.lessons_total
            summary = replace(
                summary,
                progress=done / total if total else 0.0,
                started=any(
                    lesson.status != "not_started"
                    for module in state.modules
                    for lesson in module.lessons
                ),
                done=done,
                total=total,
            )
        expected.append(summary)
    return expected


def test_the_library_read_at_once_shows_each_course_as_read_alone(services) -> None:
    learners = {learner.name: learner.id for learner in list_learners(services.context.db)}
    seen = []
    for learner_id in [None, *learners.values()]:
        cards = library_courses(services, learner_id)
        assert cards == one_course_at_a_time(services, learner_id)
        seen.extend(cards)
    by_id = {course.id: course for course in library_courses(services, learners["Ana"])}
    # The laptop really had each case: a cover, progress, a started course with nothing done
    # (a failed quiz, an unfinished attempt), an untouched course and a broken card.
    assert by_id["test-course"].cover is not None and by_id["course-00"].cover is None
    assert (by_id["course-00"].done, by_id["course-01"].done) == (1, 1)
    assert by_id["course-02"].started and by_id["course-02"].done == 0
    assert by_id["test-course"].started and by_id["test-course"].done == 0
    assert by_id[BROKEN].progress is None and by_id[BROKEN].publisher is None
    assert any(course.done == 4 for course in seen)  # Binta in the test course
    assert all(not course.started for course in library_courses(services, learners["Chidi"]))
