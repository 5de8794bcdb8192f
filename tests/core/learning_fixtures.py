"""Shared builders for the learning-engine tests (and the crash worker)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from player.core.learning import (
    answer,
    record_position,
    record_reading,
    start_attempt,
    submit,
)
from player.core.package.manifest import Manifest, validate_manifest

QUIZ_ONE_CORRECT = {"q1": "b", "q2": ["a", "c"], "q3": True, "q4": "Reformuler"}


def course_dict(
    *,
    version: int = 1,
    threshold: float = 0.7,
    m1_threshold: float | None = None,
    gating: str = "sequential",
    shuffle: bool = False,
    partial_credit: bool = False,
    with_survey: bool = True,
) -> dict[str, Any]:
    choices = [{"id": c, "text": f"Choice {c.upper()}"} for c in "abcd"]
    m1: dict[str, Any] = {
        "id": "m1",
        "title": "Module 1",
        "lessons": [
            {
                "id": "m1-video",
                "type": "video",
                "title": "Introduction",
                "duration": 100,
                "sources": [{"file": "media/intro.mp4", "height": 480}],
            },
            {"id": "m1-read", "type": "text", "title": "Reading", "file": "text/m1.md"},
            {
                "id": "m1-quiz",
                "type": "quiz",
                "title": "Module 1 quiz",
                "shuffle": shuffle,
                "partial_credit": partial_credit,
                "questions": [
                    {
                        "id": "q1",
                        "kind": "single",
                        "prompt": "Pick B",
                        "choices": choices,
                        "answer": ["b"],
                        "explanation": "B is right.",
                    },
                    {
                        "id": "q2",
                        "kind": "multiple",
                        "prompt": "Pick A and C",
                        "choices": choices,
                        "answer": ["a", "c"],
                        "explanation": "A and C.",
                    },
                    {"id": "q3", "kind": "true_false", "prompt": "True?", "answer": [True]},
                    {
                        "id": "q4",
                        "kind": "text",
                        "prompt": "The technique?",
                        "answer": ["reformuler", "la reformulation"],
                    },
                ],
            },
        ],
    }
    if m1_threshold is not None:
        m1["pass_threshold"] = m1_threshold
    m2 = {
        "id": "m2",
        "title": "Module 2",
        "lessons": [
            {
                "id": "m2-video",
                "type": "video",
                "title": "Practice",
                "duration": 60,
                "sources": [{"file": "media/practice.mp4", "height": 480}],
            },
            {
                "id": "m2-quiz",
                "type": "quiz",
                "title": "Module 2 quiz",
                "questions": [
                    {
                        "id": "q1",
                        "kind": "single",
                        "prompt": "Pick A",
                        "choices": choices[:2],
                        "answer": ["a"],
                    }
                ],
            },
        ],
    }
    modules = [m1, m2]
    if with_survey:
        modules.append(
            {
                "id": "m3",
                "title": "Your opinion",
                "lessons": [
                    {
                        "id": "survey",
                        "type": "survey",
                        "title": "Satisfaction",
                        "questions": [
                            {"id": "s1", "kind": "rating", "prompt": "Overall?"},
                            {
                                "id": "s2",
                                "kind": "single",
                                "prompt": "Recommend?",
                                "choices": [
                                    {"id": "yes", "text": "Yes"},
                                    {"id": "no", "text": "No"},
                                ],
                            },
                            {"id": "s3", "kind": "text", "prompt": "Comments"},
                        ],
                    }
                ],
            }
        )
    return {
        "format": 1,
        "id": "demo",
        "version": version,
        "title": "Demo course",
        "language": "fr",
        "pass_threshold": threshold,
        "gating": gating,
        "modules": modules,
    }


def make_manifest(**options: Any) -> Manifest:
    return validate_manifest(course_dict(**options), require_files=False)


def watch_video(
    db: Database, learner_id: int, manifest: Manifest, lesson_id: str, upto: float | None = None
) -> None:
    """Play a video continuously from 0, saving every 5 s, up to ``upto`` (default: the end)."""
    lesson = manifest.lesson(lesson_id)
    assert lesson is not None and lesson.duration
    end = lesson.duration if upto is None else upto
    position = 0.0
    record_position(db, learner_id, manifest, lesson_id, 0.0, lesson.duration)
    while position < end:
        position = min(end, position + 5.0)
        record_position(db, learner_id, manifest, lesson_id, position, lesson.duration, elapsed=5)


def take_quiz(
    db: Database, learner_id: int, manifest: Manifest, lesson_id: str, answers: dict[str, Any]
) -> Any:
    attempt = start_attempt(db, learner_id, manifest, lesson_id)
    for question_id, value in answers.items():
        answer(db, manifest, attempt.id, question_id, value)
    return submit(db, manifest, attempt.id)


def complete_module_1(db: Database, learner_id: int, manifest: Manifest) -> None:
    watch_video(db, learner_id, manifest, "m1-video")
    record_reading(db, learner_id, manifest, "m1-read", at_end=True)
    take_quiz(db, learner_id, manifest, "m1-quiz", QUIZ_ONE_CORRECT)


def outbox(db: Database, kind: str | None = None) -> list[dict[str, Any]]:
    rows = db.query("SELECT * FROM outbox ORDER BY seq")
    events = [dict(row, event=json.loads(row["event"])) for row in rows]
    return [e for e in events if kind is None or e["kind"] == kind]
