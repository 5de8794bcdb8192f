"""One streaming pass over a course's statements, with a small state per learner.

``Aggregator.add`` takes statements in any order, from any number of sources; a statement id
seen before is skipped (the same statement read from two USB files, or from a file and the
LRS). Nothing a statement holds raises: a field that is missing, of the wrong type, too long or
out of range is left out (``safe``), and a statement about another course is skipped.

How each figure is counted (docs/stats.md):

- a *learner* is a distinct actor (``mbox`` lower-cased, else ``account``, ``openid``...);
- a module is *started* by a learner with any statement about it or about a lesson or question
  inside it (its IRI as object, parent or grouping); *completed* with ``satisfied`` (or the
  former ``completed``) on it; the course likewise;
- a quiz *attempt* is one ``passed``/``failed`` (counted once per attempt activity; a threshold
  re-evaluation, ``reason: threshold_changed``, is not a new attempt); a learner's *best score*
  is their highest ``score`` (``raw / max`` when given, else ``scaled``); *passed* counts the
  learners whose best score reaches the threshold in force (the installed manifest's, else the
  newest ``masteryscore``), as the engine compares (``quiz.PASS_EPSILON``);
- a question *answered* is one ``answered`` statement on its cmi.interaction activity; its
  share correct is the share with ``result.success`` true;
- time spent on a module is ``result.duration`` of its ``satisfied`` (the time the learner spent
  on its lessons until it was complete), one figure per learner who completed it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from player.core.learning.quiz import PASS_EPSILON
from player.core.stats import safe
from player.core.stats.course import CourseMap
from player.core.stats.figures import (
    WHAT_IF,
    ModuleFigures,
    QuestionFigures,
    QuizFigures,
    Stats,
    SurveyFigures,
)
from player.core.sync.statements import (
    EXT_MASTERY_SCORE,
    EXT_REASON,
    TYPE_ASSESSMENT,
    TYPE_SURVEY,
    VERB_ANSWERED,
    VERB_COMPLETED,
    VERB_FAILED,
    VERB_PASSED,
    VERB_SATISFIED,
)

MAX_ITEMS = 2_000  # modules, quizzes, questions... tracked; a hostile source invents more
MAX_DISTINCT_RESPONSES = 1_000  # wrong responses (or choices) counted per question
MAX_OLD_SURVEY = 20_000  # characters of a survey answered as one JSON text (before issue 16)
MAX_TEXTS = 500  # distinct free-text survey answers kept per question
LIKERT = range(1, 6)
_DONE = (VERB_SATISFIED, VERB_COMPLETED)  # completed: statements before issue 16


@dataclass(slots=True)
class _Learner:
    email: str | None
    started: set[str] = field(default_factory=set)  # module ids
    completed: set[str] = field(default_factory=set)
    course_done: bool = False


@dataclass(slots=True)
class _Question:
    prompt: str | None = None
    choices: dict[str, str] = field(default_factory=dict)
    answered: int = 0
    correct: int = 0
    wrong: Counter[str] = field(default_factory=Counter)
    other_wrong: int = 0


@dataclass(slots=True)
class _Quiz:
    attempt_ids: set[str] = field(default_factory=set)
    unnamed_attempts: int = 0
    best: dict[str, float] = field(default_factory=dict)  # learner key -> best score
    passed: set[str] = field(default_factory=set)
    threshold: tuple[int, str, float] | None = None  # (revision, timestamp, masteryscore)
    questions: dict[str, _Question] = field(default_factory=dict)


@dataclass(slots=True)
class _SurveyQuestion:
    kind: str | None = None
    prompt: str | None = None
    choices: dict[str, str] = field(default_factory=dict)
    count: int = 0
    ratings: int = 0
    rating_sum: int = 0
    picked: Counter[str] = field(default_factory=Counter)
    texts: Counter[str] = field(default_factory=Counter)
    more_texts: int = 0


class Aggregator:
    def __init__(self, course: CourseMap, source: str = "") -> None:
        self.course = course
        self.source = source
        self._prefix = course.iri + "/"
        self._seen: set[str] = set()
        self._learners: dict[str, _Learner] = {}
        self._quizzes: dict[str, _Quiz] = {}
        self._surveys: dict[tuple[str, str], _SurveyQuestion] = {}
        self._module_times: dict[str, dict[str, float]] = {}
        self._module_seen: set[str] = set()
        self._names: dict[str, str] = {}  # module / lesson id -> name from statements
        self.counted = 0
        self.skipped = 0

    # ------------------------------------------------------------------ reading one statement

    def add(self, statement: Any) -> bool:
        """Count one statement; False when it is skipped (unusable, seen, another course)."""
        if self._add(statement):
            self.counted += 1
            return True
        self.skipped += 1
        return False

    def _add(self, statement: Any) -> bool:
        if not isinstance(statement, dict):
            return False
        statement_id = statement.get("id")
        if not isinstance(statement_id, str) or not 0 < len(statement_id) <= 64:
            return False
        target = safe.obj(statement.get("object"))
        object_id = safe.iri(target.get("id"))
        verb = safe.iri(safe.obj(statement.get("verb")).get("id"))
        actor = safe.actor_key(statement.get("actor"))
        if object_id is None or verb is None or actor is None:
            return False
        if object_id != self.course.iri and not object_id.startswith(self._prefix):
            return False
        key = statement_id.lower()
        if key in self._seen:
            return False
        self._seen.add(key)
        learner = self._learners.get(actor[0])
        if learner is None:
            learner = self._learners[actor[0]] = _Learner(actor[1])
        context = safe.obj(statement.get("context"))
        related = safe.obj(context.get("contextActivities"))
        parents = safe.items(related.get("parent"))
        grouping = safe.items(related.get("grouping"))
        result = safe.obj(statement.get("result"))
        for activity in (target, *parents, *grouping):
            module = self._module_of(safe.iri(activity.get("id")))
            if module is not None:
                learner.started.add(module)
        path = object_id[len(self._prefix) :].split("/") if object_id != self.course.iri else []
        if not path:
            if verb in _DONE:
                learner.course_done = True
        elif path[0] == "modules" and len(path) == 2:
            self._name(path[1], target)
            if verb in _DONE and self._track(path[1]):
                learner.completed.add(path[1])
                seconds = safe.duration(result.get("duration"))
                if seconds is not None:
                    times = self._module_times.setdefault(path[1], {})
                    times[actor[0]] = min(seconds, times.get(actor[0], seconds))
        elif path[0] == "lessons" and len(path) == 2 and _ident(path[1]):
            self._name(path[1], target)
            if verb in (VERB_PASSED, VERB_FAILED):
                self._attempt(path[1], actor[0], verb, statement, context, result, grouping)
            elif verb == VERB_ANSWERED and isinstance(result.get("response"), str):
                self._old_survey(path[1], result["response"])
        elif _is_question(path) and verb == VERB_ANSWERED:
            self._answer(path[1], path[3], target, parents, result)
        return True

    def _module_of(self, activity: str | None) -> str | None:
        if activity is None or not activity.startswith(self._prefix):
            return None
        path = activity[len(self._prefix) :].split("/")
        if len(path) == 2 and path[0] == "modules" and _ident(path[1]) and self._track(path[1]):
            return path[1]
        return None

    def _track(self, module: str) -> bool:
        if module in self._module_seen:
            return True
        if len(self._module_seen) >= MAX_ITEMS:
            return False
        self._module_seen.add(module)
        return True

    def _name(self, item: str, target: dict[str, Any]) -> None:
        if item not in self._names and len(self._names) < MAX_ITEMS:
            name = safe.language_map(safe.obj(target.get("definition")).get("name"))
            if name:
                self._names[item] = name

    def _quiz(self, quiz_id: str) -> _Quiz | None:
        if self.course.lesson_types.get(quiz_id, "quiz") != "quiz":
            return None  # a video or page "passed": not a quiz of this course
        quiz = self._quizzes.get(quiz_id)
        if quiz is None and len(self._quizzes) < MAX_ITEMS:
            quiz = self._quizzes[quiz_id] = _Quiz()
        return quiz

    def _attempt(
        self,
        quiz_id: str,
        learner: str,
        verb: str,
        statement: dict[str, Any],
        context: dict[str, Any],
        result: dict[str, Any],
        grouping: list[dict[str, Any]],
    ) -> None:
        quiz = self._quiz(quiz_id)
        if quiz is None:
            return
        extensions = safe.obj(context.get("extensions"))
        attempt_prefix = f"{self._prefix}lessons/{quiz_id}/attempts/"
        attempt = next(
            (
                found
                for item in grouping
                if (found := safe.iri(item.get("id"))) and found.startswith(attempt_prefix)
            ),
            None,
        )
        if extensions.get(EXT_REASON) is None:  # a re-evaluation is not a new attempt
            if attempt is None:
                quiz.unnamed_attempts += 1
            elif len(quiz.attempt_ids) < 100 * MAX_ITEMS:
                quiz.attempt_ids.add(attempt)
        score = _score(safe.obj(result.get("score")))
        if score is not None:
            quiz.best[learner] = max(score, quiz.best.get(learner, score))
        elif learner not in quiz.best:
            quiz.best[learner] = 0.0  # attempted, score unknown: counted as a learner
        if verb == VERB_PASSED and result.get("success") is not False:
            quiz.passed.add(learner)
        mastery = safe.number(extensions.get(EXT_MASTERY_SCORE))
        if mastery is not None and 0 <= mastery <= 1:
            revision = _revision(context.get("revision"))
            stamp = safe.text(statement.get("timestamp"), 40) or ""
            candidate = (revision, stamp, mastery)
            if quiz.threshold is None or candidate[:2] >= quiz.threshold[:2]:
                quiz.threshold = candidate

    def _answer(
        self,
        lesson: str,
        question: str,
        target: dict[str, Any],
        parents: list[dict[str, Any]],
        result: dict[str, Any],
    ) -> None:
        if self.course.lesson_types.get(lesson, "quiz") not in ("quiz", "survey"):
            return  # questions in a video or a page: not from this course
        definition = safe.obj(target.get("definition"))
        interaction = definition.get("interactionType")
        response = safe.text(result.get("response"), safe.MAX_RESPONSE)
        if self._is_survey(lesson, interaction, parents, result):
            self._survey_answer(lesson, question, definition, interaction, response)
            return
        quiz = self._quiz(lesson)
        if quiz is None:
            return
        found = quiz.questions.get(question)
        if found is None:
            if len(quiz.questions) >= MAX_ITEMS:
                return
            found = quiz.questions[question] = _Question()
            found.prompt = safe.language_map(definition.get("name"))
            found.choices = _choices(definition.get("choices"))
        found.answered += 1
        if result.get("success") is True:
            found.correct += 1
        elif response is not None:
            if response in found.wrong or len(found.wrong) < MAX_DISTINCT_RESPONSES:
                found.wrong[response] += 1
            else:
                found.other_wrong += 1

    def _is_survey(
        self, lesson: str, interaction: Any, parents: list[dict[str, Any]], result: dict[str, Any]
    ) -> bool:
        known = self.course.lesson_types.get(lesson)
        if known in ("quiz", "survey"):
            return known == "survey"
        if interaction in ("likert", "long-fill-in"):
            return True
        for parent in parents:
            kind = safe.obj(parent.get("definition")).get("type")
            if kind in (TYPE_SURVEY, TYPE_ASSESSMENT):
                return kind == TYPE_SURVEY
        return "success" not in result

    def _survey_question(self, lesson: str, question: str) -> _SurveyQuestion | None:
        found = self._surveys.get((lesson, question))
        if found is None and len(self._surveys) < MAX_ITEMS:
            found = self._surveys[(lesson, question)] = _SurveyQuestion()
        return found

    def _survey_answer(
        self,
        lesson: str,
        question: str,
        definition: dict[str, Any],
        interaction: Any,
        response: str | None,
    ) -> None:
        found = self._survey_question(lesson, question)
        if found is None or response is None:
            return
        if found.kind is None:
            found.kind = interaction if isinstance(interaction, str) else "other"
            found.kind = found.kind[:40]
            found.prompt = safe.language_map(definition.get("name"))
            found.choices = _choices(definition.get("choices"))
        self._survey_value(found, response)

    def _survey_value(self, found: _SurveyQuestion, response: str) -> None:
        found.count += 1
        if found.kind == "likert":
            if response.isdigit() and int(response) in LIKERT:
                found.ratings += 1
                found.rating_sum += int(response)
        elif found.kind == "choice":
            if response in found.picked or len(found.picked) < MAX_DISTINCT_RESPONSES:
                found.picked[response] += 1
        elif response in found.texts or len(found.texts) < MAX_TEXTS:
            found.texts[" ".join(response.split())] += 1
        else:
            found.more_texts += 1

    def _old_survey(self, lesson: str, response: str) -> None:
        """A survey answered before issue 16: every answer in one JSON ``response``."""
        if len(response) > MAX_OLD_SURVEY or self.course.lesson_types.get(lesson) == "quiz":
            return
        try:
            answers = json.loads(response)
        except (ValueError, RecursionError):
            return
        if not isinstance(answers, dict):
            return
        for question, value in list(answers.items())[:100]:
            if not _ident(question):
                continue
            found = self._survey_question(lesson, question)
            if found is None:
                continue
            if found.kind is None:
                info = self.course.questions.get((lesson, question))
                kinds = {"rating": "likert", "single": "choice", "text": "long-fill-in"}
                if info is not None:
                    found.kind = kinds.get(info.kind, "other")
                else:
                    found.kind = "likert" if isinstance(value, int) else "long-fill-in"
            if isinstance(value, bool) or not isinstance(value, int | str):
                continue
            self._survey_value(found, safe.text(str(value), safe.MAX_RESPONSE) or "")

    # ------------------------------------------------------------------ the figures

    def figures(self) -> Stats:
        course = self.course
        stats = Stats(course.course_id, course.title, self.source, self.counted, self.skipped)
        learners = self._learners
        stats.learners = len(learners)
        stats.completed_course = sum(1 for x in learners.values() if x.course_done)
        started = Counter(m for x in learners.values() for m in x.started)
        completed = Counter(m for x in learners.values() for m in x.completed)
        order = list(course.modules) + sorted(
            (m for m in self._module_seen if m not in course.modules),
            key=lambda m: (-started[m], m),
        )
        modules = {
            m: ModuleFigures(m, course.titles.get(m) or self._names.get(m) or m, started[m])
            for m in order
        }
        for module in modules.values():
            module.completed = completed[module.id]
            module.times = sorted(self._module_times.get(module.id, {}).values())
        for learner in learners.values():
            if learner.course_done:
                continue
            stop = next((m for m in order if m not in learner.completed), None)
            if stop is not None:
                modules[stop].stopped += 1
                modules[stop].stopped_unstarted += stop not in learner.started
        stats.modules = list(modules.values())
        stats.quizzes = [self._quiz_figures(q) for q in self._quiz_order()]
        stats.survey = [self._survey_figures(k) for k in self._survey_order()]
        domains: Counter[str] = Counter()
        tlds: Counter[str] = Counter()
        for learner in learners.values():
            domain = safe.email_domain(learner.email) if learner.email else None
            if domain is None:
                stats.no_email += 1
                continue
            domains[domain] += 1
            tld = safe.top_level(domain)
            if tld is not None:
                tlds[tld] += 1
        stats.domains = dict(sorted(domains.items(), key=lambda kv: (-kv[1], kv[0])))
        stats.tlds = dict(sorted(tlds.items(), key=lambda kv: (-kv[1], kv[0])))
        return stats

    def _quiz_order(self) -> list[str]:
        known = [x for x in self.course.lessons if x in self._quizzes]
        known += [x for x in self.course.thresholds if x not in self._quizzes]
        return known + sorted(x for x in self._quizzes if x not in known)

    def _quiz_figures(self, quiz_id: str) -> QuizFigures:
        quiz = self._quizzes.get(quiz_id) or _Quiz()
        title = self.course.titles.get(quiz_id) or self._names.get(quiz_id) or quiz_id
        threshold = self.course.thresholds.get(quiz_id)
        if threshold is None and quiz.threshold is not None:
            threshold = quiz.threshold[2]
        figures = QuizFigures(quiz_id, title, threshold=threshold)
        figures.attempts = len(quiz.attempt_ids) + quiz.unnamed_attempts
        figures.learners = len(quiz.best)
        figures.recorded_passes = len(quiz.passed)
        if threshold is not None:
            figures.passed = sum(1 for s in quiz.best.values() if s >= threshold - PASS_EPSILON)
        figures.what_if = {
            t: sum(1 for s in quiz.best.values() if s >= t - PASS_EPSILON) for t in WHAT_IF
        }
        order = [q for (lesson, q) in self.course.questions if lesson == quiz_id]
        order += sorted(q for q in quiz.questions if q not in order)
        for question_id in order:
            found = quiz.questions.get(question_id) or _Question()
            info = self.course.questions.get((quiz_id, question_id))
            prompt = info.prompt if info else found.prompt or question_id
            shown = QuestionFigures(question_id, prompt, found.answered, found.correct)
            if found.wrong:
                response, count = found.wrong.most_common(1)[0]
                choices = info.choices if info else found.choices
                shown.wrong_answer = _shown(response, choices)
                shown.wrong_count = count
            figures.questions.append(shown)
        return figures

    def _survey_order(self) -> list[tuple[str, str]]:
        known = [k for k in self.course.questions if self.course.lesson_types.get(k[0]) == "survey"]
        return known + sorted(k for k in self._surveys if k not in known)

    def _survey_figures(self, key: tuple[str, str]) -> SurveyFigures:
        found = self._surveys.get(key) or _SurveyQuestion()
        info = self.course.questions.get(key)
        kind = found.kind
        if kind is None:
            kinds = {"rating": "likert", "single": "choice", "text": "long-fill-in"}
            kind = kinds.get(info.kind, "other") if info else "other"
        prompt = info.prompt if info else found.prompt or key[1]
        shown = SurveyFigures(key[1], key[0], prompt, kind, found.count)
        if kind == "likert" and found.ratings:
            shown.mean = round(found.rating_sum / found.ratings, 4)
        choices = info.choices if info else found.choices
        shown.choices = [(_shown(r, choices), n) for r, n in found.picked.most_common()]
        shown.answers = found.texts.most_common()
        shown.more_answers = found.more_texts
        return shown


def _is_question(path: list[str]) -> bool:
    """``lessons/LESSON/questions/QUESTION`` below the course IRI."""
    return (
        len(path) == 4
        and path[0] == "lessons"
        and path[2] == "questions"
        and _ident(path[1])
        and _ident(path[3])
    )


def _revision(value: Any) -> int:
    """``context.revision`` as a course version (ASCII digits, at most 18), else 0."""
    ok = isinstance(value, str) and 0 < len(value) <= 18 and value.isascii() and value.isdigit()
    return int(value) if ok else 0


def _ident(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= safe.MAX_ID


def _score(score: dict[str, Any]) -> float | None:
    """A quiz score 0-1: ``raw / max`` when both are sound, else ``scaled``."""
    raw, top = safe.number(score.get("raw")), safe.number(score.get("max"))
    if raw is not None and top is not None and top > 0 and 0 <= raw <= top:
        return raw / top
    scaled = safe.number(score.get("scaled"))
    return min(1.0, max(0.0, scaled)) if scaled is not None else None


def _choices(value: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for choice in safe.items(value, 50):
        choice_id = safe.text(choice.get("id"), safe.MAX_ID)
        label = safe.language_map(choice.get("description"))
        if choice_id and label:
            found[choice_id] = label
    return found


def _shown(response: str, choices: dict[str, str]) -> str:
    """A response as the report shows it: choice ids replaced by their texts."""
    if not choices:
        return response
    parts = response.split("[,]")
    return " + ".join(choices.get(part, part) for part in parts[:20])
