"""A library card's progress, read without the manifest, says what the outline says.

The card (``player.core.learning.card``) counts lessons from the course's stored card instead of
running ``course_state``; here both are compared after every step of many random learners,
driven through the real learning engine.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from player.core.context import open_context
from player.core.demo import install_demo_course
from player.core.errors import LearningError
from player.core.learning import (
    course_state,
    create_learner,
    open_lesson,
    record_reading,
    start_attempt,
    submit_survey,
)
from player.core.learning.card import (
    card_json,
    card_progress,
    card_progress_for_courses,
    parse_card,
    stored_card,
)
from player.core.learning.completion import load_histories, load_history
from player.core.package.manifest import Manifest, validate_manifest
from player.core.paths import DataDir
from tests.core.learning_fixtures import (
    QUIZ_ONE_CORRECT,
    course_dict,
    make_manifest,
    take_quiz,
    watch_video,
)

SURVEY_ANSWERS = {"s1": 4, "s2": "yes", "s3": "Très bien"}


def actions(manifest: Manifest) -> list[Callable[[Database, int], Any]]:
    """Everything a learner can do to this course, one lesson at a time."""
    found: list[Callable[[Database, int], Any]] = []
    for module in manifest.modules:
        for lesson in module.lessons:
            lid = lesson.id
            found.append(lambda db, who, lid=lid: open_lesson(db, who, manifest, lid))
            if lesson.type == "video":
                found.append(lambda db, who, lid=lid: watch_video(db, who, manifest, lid, upto=5))
                found.append(lambda db, who, lid=lid: watch_video(db, who, manifest, lid))
            elif lesson.type == "text":
                found.append(
                    lambda db, who, lid=lid: record_reading(db, who, manifest, lid, at_end=True)
                )
            elif lesson.type == "quiz":
                answers = {q.id: QUIZ_ONE_CORRECT.get(q.id, "b") for q in lesson.questions}
                found.append(lambda db, who, lid=lid: start_attempt(db, who, manifest, lid))
                found.append(lambda db, who, lid=lid: take_quiz(db, who, manifest, lid, {}))
                found.append(
                    lambda db, who, lid=lid, a=answers: take_quiz(db, who, manifest, lid, a)
                )
            elif lesson.type == "survey":
                found.append(
                    lambda db, who, lid=lid: submit_survey(db, who, manifest, lid, SURVEY_ANSWERS)
                )
    return found


def outline_reading(db: Database, learner: int, manifest: Manifest) -> tuple[int, int, bool]:
    """Lessons done, lessons counted and whether anything was started, as the outline says."""
    state = course_state(db, learner, manifest)
    started = any(
        lesson.status != "not_started" for module in state.modules for lesson in module.lessons
    )
    return state.lessons_done, state.lessons_total, started


def assert_card_matches(db: Database, learner: int, manifest: Manifest) -> int:
    """Compare both readings; returns the lessons done (so a run can show it got somewhere)."""
    card = parse_card(card_json(manifest))
    assert card is not None
    progress = card_progress(db, learner, manifest.id, card)
    assert (progress.done, progress.total, progress.started) == outline_reading(
        db, learner, manifest
    )
    return progress.done


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("gating", ["sequential", "open"])
def test_card_progress_matches_the_course_state_at_every_step(
    db: Database, seed: int, gating: str
) -> None:
    manifest = make_manifest(gating=gating, threshold=0.4)
    learner = create_learner(db, "Ana").id
    other = create_learner(db, "Binta").id  # her progress must never show on Ana's card
    steps = actions(manifest)
    chance = random.Random(seed)
    assert assert_card_matches(db, learner, manifest) == 0
    most = 0
    for _ in range(25):
        who = chance.choice([learner, learner, other])
        with contextlib.suppress(LearningError):  # a locked module refuses, as in the app
            chance.choice(steps)(db, who)
        most = max(most, assert_card_matches(db, learner, manifest))
        assert_card_matches(db, other, manifest)
    assert most > 0  # the run completed lessons, so the counts were really compared


@pytest.mark.parametrize("seed", range(4))
def test_the_cards_of_many_courses_read_at_once_are_each_courses_own(
    db: Database, seed: int
) -> None:
    # The library reads every course's history in one query per table: each card must still
    # show only its own course's and its own learner's progress, as the outline does.
    manifests = [
        validate_manifest(
            dict(course_dict(gating=gating, threshold=0.4), id=course_id), require_files=False
        )
        for course_id, gating in [("alpha", "sequential"), ("beta", "open"), ("gamma", "open")]
    ]
    learners = [create_learner(db, name).id for name in ("Ana", "Binta", "Chidi")]
    steps = [(manifest, step) for manifest in manifests for step in actions(manifest)]
    chance = random.Random(seed)
    for _ in range(60):
        who = chance.choice(learners[:2])  # Chidi does nothing: all his cards stay empty
        manifest, step = chance.choice(steps)
        with contextlib.suppress(LearningError):
            step(db, who)
    cards = {m.id: parse_card(card_json(m)) for m in manifests}
    cards["not-installed"] = cards["alpha"]  # a course nobody has opened here
    ids = list(cards)
    progressed = 0
    for learner in learners:
        histories = load_histories(db, learner, ids)
        assert histories == {course_id: load_history(db, learner, course_id) for course_id in ids}
        batch = card_progress_for_courses(db, learner, cards)
        assert batch == {
            course_id: card_progress(db, learner, course_id, card)
            for course_id, card in cards.items()
        }
        for manifest in manifests:
            card = batch[manifest.id]
            assert (card.done, card.total, card.started) == outline_reading(db, learner, manifest)
            progressed += card.done
        assert batch["not-installed"].started is False
    assert all(not p.started for p in card_progress_for_courses(db, learners[2], cards).values())
    assert progressed > 0
    assert card_progress_for_courses(db, learners[0], {}) == {}


def test_a_stored_card_of_another_format_is_rebuilt() -> None:
    assert parse_card(None) is None
    assert parse_card("not json") is None
    assert parse_card('{"format": 99, "lessons": []}') is None
    assert parse_card(card_json(make_manifest())) is not None


def test_install_stores_the_card_and_an_older_install_gets_one_when_first_shown(
    tmp_path: Path,
) -> None:
    ctx = open_context(DataDir(tmp_path / "home"))
    try:
        install_demo_course(ctx)
        course = "demo-communication"
        expected = parse_card(card_json(ctx.manifest(course)))
        row = ctx.course_row(course)
        assert row is not None and parse_card(row["card"]) == expected
        # A course installed before cards existed (the m007 upgrade leaves its card NULL).
        ctx.db.execute("UPDATE courses SET card = NULL")
        row = ctx.course_row(course)
        assert row is not None and row["card"] is None
        assert stored_card(ctx, row) == expected
        kept = ctx.course_row(course)
        assert kept is not None and parse_card(kept["card"]) == expected
    finally:
        ctx.close()
