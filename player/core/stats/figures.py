"""The report's figures, and their JSON form (stable keys, documented in docs/stats.md)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

WHAT_IF = (0.4, 0.5, 0.6, 0.7)  # thresholds asked about: the seed's 70 % -> 40 % decision


@dataclass
class ModuleFigures:
    id: str
    title: str
    started: int = 0
    completed: int = 0
    stopped: int = 0  # learners whose first module not completed is this one
    stopped_unstarted: int = 0  # ...of whom had not even started it
    times: list[float] = field(default_factory=list)  # seconds, per learner who completed it

    @property
    def time_quartiles(self) -> tuple[float, float, float] | None:
        """(first quartile, median, third quartile) of the time to complete, in seconds."""
        return quartiles(self.times)


@dataclass
class QuestionFigures:
    id: str
    prompt: str
    answered: int = 0
    correct: int = 0
    wrong_answer: str | None = None  # the most common wrong response, as shown
    wrong_count: int = 0

    @property
    def correct_rate(self) -> float | None:
        return round(self.correct / self.answered, 4) if self.answered else None


@dataclass
class QuizFigures:
    id: str
    title: str
    attempts: int = 0
    learners: int = 0
    passed: int = 0  # learners whose best score reaches the threshold in force
    recorded_passes: int = 0  # learners with a ``passed`` statement
    threshold: float | None = None
    what_if: dict[float, int] = field(default_factory=dict)
    questions: list[QuestionFigures] = field(default_factory=list)


@dataclass
class SurveyFigures:
    id: str  # the question id
    survey: str  # the survey lesson id
    prompt: str
    kind: str  # likert, choice, long-fill-in (or other)
    count: int = 0
    mean: float | None = None
    choices: list[tuple[str, int]] = field(default_factory=list)  # (choice as shown, count)
    answers: list[tuple[str, int]] = field(default_factory=list)  # (text, times), most first
    more_answers: int = 0  # answers not kept (past MAX_TEXTS distinct texts)


@dataclass
class Stats:
    course_id: str
    title: str
    source: str
    statements: int = 0  # statements about the course that were counted
    skipped: int = 0  # unreadable, duplicate, or about another course
    learners: int = 0
    completed_course: int = 0
    modules: list[ModuleFigures] = field(default_factory=list)
    quizzes: list[QuizFigures] = field(default_factory=list)
    survey: list[SurveyFigures] = field(default_factory=list)
    domains: dict[str, int] = field(default_factory=dict)  # e-mail domain -> learners
    tlds: dict[str, int] = field(default_factory=dict)  # top-level domain -> learners
    no_email: int = 0  # learners known by an account, not an e-mail address

    def to_json(self) -> dict[str, Any]:
        """Exactly the figures of docs/stats.md, with their stable keys."""
        return {
            "learners": self.learners,
            "completed_course": self.completed_course,
            "modules": [
                {"id": m.id, "started": m.started, "completed": m.completed} for m in self.modules
            ],
            "quizzes": [
                {
                    "id": q.id,
                    "attempts": q.attempts,
                    "learners": q.learners,
                    "passed": q.passed,
                    "threshold": q.threshold,
                    "what_if": {str(t): q.what_if.get(t, 0) for t in WHAT_IF},
                    "questions": [
                        {"id": x.id, "answered": x.answered, "correct_rate": x.correct_rate}
                        for x in q.questions
                    ],
                }
                for q in self.quizzes
            ],
            "survey": [
                {"id": s.id, "survey": s.survey, "count": s.count, "mean": s.mean}
                for s in self.survey
            ],
            "domains": dict(sorted(self.tlds.items(), key=lambda kv: (-kv[1], kv[0]))),
        }


def quartiles(values: list[float]) -> tuple[float, float, float] | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3
