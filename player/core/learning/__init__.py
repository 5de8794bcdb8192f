"""The learning engine: learners, progress, quizzes, surveys, gating (no Qt).

Every function takes the ``Database`` first; write operations are one transaction each (or
join the caller's through a savepoint) and write their outbox events in it
(``docs/outbox-events.md``). Bad input raises ``LearningError`` with one line and changes
nothing. Learners are passed by id; courses by their installed ``Manifest``.

Learners (``learners``): ``create_learner``, ``list_learners``, ``get_learner``,
``find_learner``, ``update_learner``, ``rename_learner``, ``set_pin``, ``verify_pin``,
``ensure_default_learner``.

Course state and gating (``state``): ``course_state`` → ``CourseState`` (modules with
``locked``/``open``/``complete`` and a ``LockReason``, lessons with status and best score,
``next_lesson``, ``complete``).

Activity (``activity``): ``open_lesson``, ``record_position`` + ``resume_position`` (video),
``record_reading`` (text), ``add_time_spent``.
Behind them, ``video`` turns saved positions into Video Profile sessions and events, and
``trace`` writes the started-not-finished traces (``initialized``, ``progressed``).

Quizzes (``quiz``): ``start_attempt`` (start or resume), ``presented_questions``, ``answer``,
``submit`` → ``QuizResult``, ``feedback_for``, ``open_attempt``, ``get_attempt``.

Surveys (``survey``): ``submit_survey``, ``survey_answers``.

Installer hook (``updates``): ``on_course_installed(db, old, new)``.

Report (``report``): ``progress_report`` → ``list[ProgressRow]``.

The names are imported on first use (PEP 562): opening the desktop app needs only ``learners``,
and loading quizzes, gating and reports with it would slow the start-up down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.lazy import lazy_exports

if TYPE_CHECKING:
    from player.core.learning.activity import (
        ReadingProgress,
        VideoProgress,
        add_time_spent,
        open_lesson,
        record_position,
        record_reading,
        resume_position,
    )
    from player.core.learning.learners import (
        Learner,
        create_learner,
        ensure_default_learner,
        find_learner,
        get_learner,
        list_learners,
        rename_learner,
        set_pin,
        update_learner,
        verify_pin,
    )
    from player.core.learning.quiz import (
        Attempt,
        PresentedQuestion,
        QuestionFeedback,
        QuizResult,
        answer,
        feedback_for,
        get_attempt,
        open_attempt,
        presented_questions,
        start_attempt,
        submit,
    )
    from player.core.learning.report import ProgressRow, progress_report
    from player.core.learning.state import (
        CourseState,
        LessonRef,
        LessonState,
        LockReason,
        ModuleState,
        QuizRequirement,
        course_state,
    )
    from player.core.learning.survey import SurveyResponse, submit_survey, survey_answers
    from player.core.learning.updates import on_course_installed

# Each public name and the module that defines it.
_EXPORTS: dict[str, str] = {
    "Attempt": "quiz",
    "CourseState": "state",
    "Learner": "learners",
    "LessonRef": "state",
    "LessonState": "state",
    "LockReason": "state",
    "ModuleState": "state",
    "PresentedQuestion": "quiz",
    "ProgressRow": "report",
    "QuestionFeedback": "quiz",
    "QuizRequirement": "state",
    "QuizResult": "quiz",
    "ReadingProgress": "activity",
    "SurveyResponse": "survey",
    "VideoProgress": "activity",
    "add_time_spent": "activity",
    "answer": "quiz",
    "course_state": "state",
    "create_learner": "learners",
    "ensure_default_learner": "learners",
    "feedback_for": "quiz",
    "find_learner": "learners",
    "get_attempt": "quiz",
    "get_learner": "learners",
    "list_learners": "learners",
    "on_course_installed": "updates",
    "open_attempt": "quiz",
    "open_lesson": "activity",
    "presented_questions": "quiz",
    "progress_report": "report",
    "record_position": "activity",
    "record_reading": "activity",
    "rename_learner": "learners",
    "resume_position": "activity",
    "set_pin": "learners",
    "start_attempt": "quiz",
    "submit": "quiz",
    "submit_survey": "survey",
    "survey_answers": "survey",
    "update_learner": "learners",
    "verify_pin": "learners",
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


__all__ = [
    "Attempt",
    "CourseState",
    "Learner",
    "LessonRef",
    "LessonState",
    "LockReason",
    "ModuleState",
    "PresentedQuestion",
    "ProgressRow",
    "QuestionFeedback",
    "QuizRequirement",
    "QuizResult",
    "ReadingProgress",
    "SurveyResponse",
    "VideoProgress",
    "add_time_spent",
    "answer",
    "course_state",
    "create_learner",
    "ensure_default_learner",
    "feedback_for",
    "find_learner",
    "get_attempt",
    "get_learner",
    "list_learners",
    "on_course_installed",
    "open_attempt",
    "open_lesson",
    "presented_questions",
    "progress_report",
    "record_position",
    "record_reading",
    "rename_learner",
    "resume_position",
    "set_pin",
    "start_attempt",
    "submit",
    "submit_survey",
    "survey_answers",
    "update_learner",
    "verify_pin",
]
