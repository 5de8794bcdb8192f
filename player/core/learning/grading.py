"""Scoring quiz answers and checking answer shapes; pure functions, no database.

Answer values, as the UI gives them and as they are stored (JSON):

- ``single``: a choice id (``"b"``);
- ``multiple``: a list of choice ids (``["a", "c"]``, possibly empty);
- ``true_false``: ``True`` or ``False``;
- ``text``: a string, matched against every accepted answer after trimming, collapsing inner
  spaces, case folding and accent folding (``" Élan "`` matches ``"elan"``).

``multiple`` scores 1 only when every correct choice and no wrong one is picked. With the
quiz option ``partial_credit`` it scores ``(right picks - wrong picks) / correct choices``,
never below 0.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.package.manifest import Question

MAX_TEXT_ANSWER = 1000


def fold_text(text: str) -> str:
    """Trim, collapse spaces, fold case and accents: the form text answers are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def check_answer(question: Question, value: Any) -> Any:
    """The answer in its stored form, or ``LearningError`` naming what is wrong with it."""
    choice_ids = [choice.id for choice in question.choices]
    if question.kind == "single":
        if not isinstance(value, str) or value not in choice_ids:
            raise LearningError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "Question {question!r} has no choice {choice!r} (choices: {choices}).",
                ),
                question=question.id,
                choice=value,
                choices=", ".join(choice_ids),
            )
        return value
    if question.kind == "multiple":
        if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Question {question!r} takes a list of choices."),
                question=question.id,
            )
        picked = list(value)
        unknown = [v for v in picked if not isinstance(v, str) or v not in choice_ids]
        if unknown:
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Question {question!r} has no choice {choice!r}."),
                question=question.id,
                choice=unknown[0],
            )
        if len(set(picked)) != len(picked):
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Question {question!r}: a choice is picked twice."),
                question=question.id,
            )
        return sorted(picked, key=choice_ids.index)
    if question.kind == "true_false":
        if not isinstance(value, bool):
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Question {question!r} takes true or false."),
                question=question.id,
            )
        return value
    if question.kind == "text":
        return text_answer(question.id, value, MAX_TEXT_ANSWER)
    raise LearningError.of(
        QT_TRANSLATE_NOOP("CoreErrors", "Question {question!r} has an unknown kind {kind!r}."),
        question=question.id,
        kind=question.kind,
    )


@dataclass(frozen=True)
class Grade:
    credit: float  # 0..1
    correct: bool  # full credit


def grade(question: Question, value: Any, *, partial_credit: bool = False) -> Grade:
    """Score one stored answer (``None`` = unanswered, 0)."""
    if value is None:
        return Grade(0.0, False)
    if question.kind in ("single", "true_false"):
        ok = value == question.answer[0]
        return Grade(1.0 if ok else 0.0, ok)
    if question.kind == "multiple":
        correct = set(question.answer)
        picked = set(value)
        ok = picked == correct
        if ok:
            return Grade(1.0, True)
        if not partial_credit or not correct:
            return Grade(0.0, False)
        credit = (len(picked & correct) - len(picked - correct)) / len(correct)
        return Grade(max(0.0, credit), False)
    if question.kind == "text":
        given = fold_text(value)
        ok = bool(given) and any(given == fold_text(str(a)) for a in question.answer)
        return Grade(1.0 if ok else 0.0, ok)
    return Grade(0.0, False)


def text_answer(question_id: str, value: Any, limit: int) -> str:
    """A typed answer (quiz or survey), or a one-line error when it is not text or too long."""
    if not isinstance(value, str):
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Question {question!r} takes a text answer."),
            question=question_id,
        )
    if len(value) > limit:
        raise LearningError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "The answer to {question!r} is longer than {limit} characters."
            ),
            question=question_id,
            limit=limit,
        )
    return value
