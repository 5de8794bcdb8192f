"""Core operations as the screens use them: plain functions run on the task runner's workers.

Like Anki's ``aqt/operations``: each function takes the services and plain values and returns
plain data for a screen to draw. No Qt here, so these run on any thread; the storage lane keeps
them one at a time on the shared database connection.

An operation that writes returns what it changed (``changes.Changes``, alone or as the
``changes`` field of its result); the task runner announces it to the screens.

Split by screen (``library``, ``learners``, ``lessons``, ``courses``, ``sync``); a name is
imported from its module on first use, so starting the app loads only ``library``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.lazy import lazy_exports

if TYPE_CHECKING:
    from player.ui.ops.changes import Changes
    from player.ui.ops.courses import (
        QUALITY_ORDER,
        Installed,
        SourcePlan,
        UsbScan,
        Volume,
        export_course,
        install_course,
        install_demo,
        list_volumes,
        plan_source,
        remove_course,
        scan_usb,
    )
    from player.ui.ops.learners import (
        add_learner,
        change_own_pin,
        learner_preferences,
        list_learners,
        rename_default_learner,
        set_learner_pin,
        switch_learner,
    )
    from player.ui.ops.lessons import (
        LessonProgress,
        LessonRefUI,
        Outline,
        QuizOutcome,
        QuizSession,
        SurveySession,
        add_time_spent,
        course_outline,
        next_lesson_after,
        open_lesson,
        open_survey,
        record_position,
        record_reading,
        save_answer,
        start_quiz,
        submit_quiz,
        submit_survey,
    )
    from player.ui.ops.library import (
        LEARNER_SETTING,
        CourseSummary,
        FirstScreen,
        PublisherView,
        current_learner,
        first_screen,
        installed_courses,
        library_courses,
        publisher_view,
    )
    from player.ui.ops.sync import (
        SyncDetails,
        approve_endpoint,
        sync_details,
    )

_WHERE = {
    "Changes": "changes",
    "CourseSummary": "library",
    "FirstScreen": "library",
    "LEARNER_SETTING": "library",
    "Installed": "courses",
    "LessonProgress": "lessons",
    "LessonRefUI": "lessons",
    "Outline": "lessons",
    "PublisherView": "library",
    "QUALITY_ORDER": "courses",
    "QuizOutcome": "lessons",
    "QuizSession": "lessons",
    "SourcePlan": "courses",
    "SurveySession": "lessons",
    "SyncDetails": "sync",
    "UsbScan": "courses",
    "Volume": "courses",
    "add_learner": "learners",
    "add_time_spent": "lessons",
    "approve_endpoint": "sync",
    "change_own_pin": "learners",
    "course_outline": "lessons",
    "current_learner": "library",
    "export_course": "courses",
    "first_screen": "library",
    "install_course": "courses",
    "install_demo": "courses",
    "remove_course": "courses",
    "installed_courses": "library",
    "library_courses": "library",
    "learner_preferences": "learners",
    "list_learners": "learners",
    "list_volumes": "courses",
    "next_lesson_after": "lessons",
    "open_lesson": "lessons",
    "open_survey": "lessons",
    "plan_source": "courses",
    "publisher_view": "library",
    "record_position": "lessons",
    "record_reading": "lessons",
    "save_answer": "lessons",
    "scan_usb": "courses",
    "rename_default_learner": "learners",
    "set_learner_pin": "learners",
    "start_quiz": "lessons",
    "submit_quiz": "lessons",
    "submit_survey": "lessons",
    "switch_learner": "learners",
    "sync_details": "sync",
}

__all__ = [
    "Changes",
    "CourseSummary",
    "FirstScreen",
    "LEARNER_SETTING",
    "Installed",
    "LessonProgress",
    "LessonRefUI",
    "Outline",
    "PublisherView",
    "QUALITY_ORDER",
    "QuizOutcome",
    "QuizSession",
    "SourcePlan",
    "SurveySession",
    "SyncDetails",
    "UsbScan",
    "Volume",
    "add_learner",
    "add_time_spent",
    "approve_endpoint",
    "change_own_pin",
    "course_outline",
    "current_learner",
    "export_course",
    "first_screen",
    "install_course",
    "install_demo",
    "installed_courses",
    "library_courses",
    "learner_preferences",
    "list_learners",
    "list_volumes",
    "next_lesson_after",
    "open_lesson",
    "open_survey",
    "plan_source",
    "remove_course",
    "publisher_view",
    "record_position",
    "record_reading",
    "rename_default_learner",
    "save_answer",
    "scan_usb",
    "set_learner_pin",
    "start_quiz",
    "submit_quiz",
    "submit_survey",
    "switch_learner",
    "sync_details",
]

__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())
