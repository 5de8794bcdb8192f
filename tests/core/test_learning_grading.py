"""Scoring each question kind; answers of the wrong shape are refused."""

from __future__ import annotations

from typing import Any

import pytest

from player.core.errors import LearningError
from player.core.learning.grading import check_answer, fold_text, grade
from tests.core.learning_fixtures import make_manifest

QUIZ = make_manifest().lesson("m1-quiz")
assert QUIZ is not None
Q = {question.id: question for question in QUIZ.questions}


def test_text_folding() -> None:
    assert fold_text("  Élan   Vital ") == "elan vital"
    assert fold_text("STRASSE") == fold_text("straße")
    assert fold_text("Ça") == "ca"


@pytest.mark.parametrize(
    ("question", "value", "credit"),
    [
        ("q1", "b", 1.0),
        ("q1", "a", 0.0),
        ("q2", ["a", "c"], 1.0),
        ("q2", ["c", "a"], 1.0),
        ("q2", ["a"], 0.0),
        ("q2", ["a", "b", "c"], 0.0),
        ("q2", [], 0.0),
        ("q3", True, 1.0),
        ("q3", False, 0.0),
        ("q4", "  REFORMULER ", 1.0),
        ("q4", "La   Réformulation", 1.0),
        ("q4", "reformule", 0.0),
        ("q4", "", 0.0),
        ("q1", None, 0.0),
    ],
)
def test_grading_without_partial_credit(question: str, value: Any, credit: float) -> None:
    stored = None if value is None else check_answer(Q[question], value)
    result = grade(Q[question], stored)
    assert result.credit == credit
    assert result.correct is (credit == 1.0)


@pytest.mark.parametrize(
    ("value", "credit"),
    [(["a", "c"], 1.0), (["a"], 0.5), (["a", "b"], 0.0), (["a", "c", "d"], 0.5), (["b"], 0.0)],
)
def test_partial_credit_for_multiple(value: list[str], credit: float) -> None:
    result = grade(Q["q2"], check_answer(Q["q2"], value), partial_credit=True)
    assert result.credit == credit


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("q1", "z", "no choice 'z'"),
        ("q1", ["b"], "no choice"),
        ("q2", "a", "list of choices"),
        ("q2", ["a", "zz"], "no choice 'zz'"),
        ("q2", ["a", "a"], "picked twice"),
        ("q3", "true", "true or false"),
        ("q4", 42, "text answer"),
        ("q4", "x" * 1001, "longer than"),
    ],
)
def test_bad_answers_are_refused(question: str, value: Any, message: str) -> None:
    with pytest.raises(LearningError, match=message):
        check_answer(Q[question], value)
