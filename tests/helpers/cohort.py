"""A cohort of learners going through the demo course with the real engine, with seeded random
answers and drop-outs, and the figures the engine recorded for them (for the ``stats`` tests).

``drive`` makes each learner open lessons in order, watch videos (saved every 5 s), read
pages, answer quizzes at random (retrying up to three times, some giving up), answer the survey
at random, and stop at a random point. ``recorded`` computes the figures of docs/stats.md from
the engine's own tables and events, not from statements.
"""

from __future__ import annotations

import json
import random
import statistics
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from player.core.learning.activity import open_lesson, record_reading
from player.core.learning.learners import create_learner
from player.core.learning.quiz import PASS_EPSILON, answer, start_attempt, submit
from player.core.learning.survey import submit_survey
from tests.helpers.demo_trace import Clock, right_answer, watch_video, wrong_answer

if TYPE_CHECKING:
    from sqlite_utils import Database

    from player.core.package.manifest import Lesson, Manifest

DOMAINS = (
    "gmail.com",
    "orange.sn",
    "ucad.edu.sn",
    "menara.ma",
    "um5.ac.ma",
    "videotron.ca",
    "free.fr",
    "yahoo.fr",
)
TEXTS = ("Plus d'exemples.", "Très bien.", "Des vidéos plus courtes", "<b>Merci</b> & bravo")
WHAT_IF = (0.4, 0.5, 0.6, 0.7)


def drive(
    db: Database,
    manifest: Manifest,
    learners: int,
    seed: int,
    clock: Clock,
    *,
    keen: float = 0.0,
) -> None:
    """``keen``: the share of learners who mean to go to the end (the others stop anywhere)."""
    rng = random.Random(seed)
    for index in range(learners):
        domain = rng.choice(DOMAINS)
        email = f"Learner.{index}@{domain.upper() if index % 7 == 0 else domain}"
        if index % 25 == 0:
            email = None  # a learner without an e-mail: an account actor
        learner = create_learner(db, f"Learner {index}", email=email).id
        stop_after = rng.randint(1, len(manifest.lessons) + 4)  # >= lessons: to the end
        if rng.random() < keen:
            stop_after = len(manifest.lessons)
        skill = rng.uniform(0.3, 0.95)
        for done, lesson in enumerate(manifest.lessons):
            if done >= stop_after:
                break
            if not _lesson(db, learner, manifest, lesson, rng, skill, clock):
                break


def _lesson(
    db: Database,
    learner: int,
    manifest: Manifest,
    lesson: Lesson,
    rng: random.Random,
    skill: float,
    clock: Clock,
) -> bool:
    """One lesson; False when the learner stops (a quiz given up)."""
    if lesson.type == "video":
        watch_video(db, learner, manifest, lesson, clock)
    elif lesson.type == "text":
        open_lesson(db, learner, manifest, lesson.id)
        record_reading(db, learner, manifest, lesson.id, elapsed=rng.uniform(5, 200), at_end=True)
    elif lesson.type == "quiz":
        open_lesson(db, learner, manifest, lesson.id)
        for _ in range(3):
            attempt = start_attempt(db, learner, manifest, lesson.id)
            for question in lesson.questions:
                if rng.random() < 0.08:
                    continue  # left unanswered
                good = rng.random() < skill
                value = right_answer(question) if good else _wrong(question, rng)
                answer(db, manifest, attempt.id, question.id, value)
            if submit(db, manifest, attempt.id).passed:
                return True
        return False
    elif lesson.type == "survey":
        open_lesson(db, learner, manifest, lesson.id)
        answers: dict[str, Any] = {}
        for question in lesson.questions:
            if rng.random() < 0.1:
                continue
            if question.kind == "rating":
                answers[question.id] = rng.randint(1, 5)
            elif question.kind == "single":
                answers[question.id] = rng.choice(question.choices).id
            else:
                answers[question.id] = rng.choice(TEXTS)
        submit_survey(db, learner, manifest, lesson.id, answers)
    return True


def _wrong(question: Any, rng: random.Random) -> Any:
    if question.kind == "single":
        return rng.choice([c.id for c in question.choices if c.id not in question.answer])
    if question.kind == "text":
        return rng.choice(["je ne sais pas", "écouter", "Écouter"])
    return wrong_answer(question)


def _events(db: Database, kind: str) -> list[dict[str, Any]]:
    return [
        {**json.loads(row["event"]), "learner_id": row["learner_id"]}
        for row in db.query("SELECT learner_id, event FROM outbox WHERE kind = ?", [kind])
    ]


def recorded(db: Database, manifest: Manifest) -> dict[str, Any]:
    """The figures of docs/stats.md, from the engine's tables and events."""
    learners = {
        row["id"]: row["email"]
        for row in db.query(
            "SELECT id, email FROM learners WHERE id IN (SELECT learner_id FROM outbox)"
        )
    }
    completions = defaultdict(set)
    for row in db.query("SELECT learner_id, scope, item_id FROM completions"):
        completions[(row["scope"], row["item_id"])].add(row["learner_id"])
    started = defaultdict(set)
    for row in db.query("SELECT learner_id, lesson_id FROM lesson_progress"):
        module = manifest.module_of(row["lesson_id"])
        assert module is not None
        started[module.id].add(row["learner_id"])
    quizzes = []
    answered = _events(db, "question_answered")
    for lesson in manifest.lessons:
        if lesson.type != "quiz":
            continue
        rows = list(
            db.query(
                "SELECT learner_id, score FROM quiz_attempts WHERE lesson_id = ?"
                " AND finished_at IS NOT NULL",
                [lesson.id],
            )
        )
        best: dict[int, float] = {}
        for row in rows:
            best[row["learner_id"]] = max(row["score"], best.get(row["learner_id"], 0.0))
        threshold = manifest.threshold_for(lesson)
        questions = []
        for question in lesson.questions:
            mine = [
                e
                for e in answered
                if e["lesson_id"] == lesson.id and e["question_id"] == question.id
            ]
            right = sum(1 for e in mine if e["success"])
            questions.append(
                {
                    "id": question.id,
                    "answered": len(mine),
                    "correct_rate": round(right / len(mine), 4) if mine else None,
                }
            )
        quizzes.append(
            {
                "id": lesson.id,
                "attempts": len(rows),
                "learners": len(best),
                "passed": sum(1 for s in best.values() if s >= threshold - PASS_EPSILON),
                "threshold": threshold,
                "what_if": {
                    str(t): sum(1 for s in best.values() if s >= t - PASS_EPSILON) for t in WHAT_IF
                },
                "questions": questions,
            }
        )
    survey_events = _events(db, "survey_question_answered")
    survey = []
    for lesson in manifest.lessons:
        if lesson.type != "survey":
            continue
        for question in lesson.questions:
            mine = [
                e["response"]
                for e in survey_events
                if e["lesson_id"] == lesson.id and e["question_id"] == question.id
            ]
            mean = round(statistics.fmean(mine), 4) if mine and question.kind == "rating" else None
            survey.append(
                {"id": question.id, "survey": lesson.id, "count": len(mine), "mean": mean}
            )
    tlds = Counter(email.rsplit(".", 1)[-1].lower() for email in learners.values() if email)
    return {
        "learners": len(learners),
        "completed_course": len(completions[("course", manifest.id)]),
        "modules": [
            {
                "id": m.id,
                "started": len(started[m.id]),
                "completed": len(completions[("module", m.id)]),
            }
            for m in manifest.modules
        ],
        "quizzes": quizzes,
        "survey": survey,
        "domains": dict(sorted(tlds.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def module_times(db: Database) -> dict[str, list[float]]:
    """Seconds per module, per learner who completed it (the ``module_completed`` events)."""
    found: dict[str, list[float]] = defaultdict(list)
    for event in _events(db, "module_completed"):
        found[event["module_id"]].append(float(event["duration_s"]))
    return {k: sorted(v) for k, v in found.items()}
