"""Opening a lesson: load what it needs on a worker, then build its screen on the main thread.

Also the adapter between the video view's ``ProgressSink`` (synchronous calls on the main
thread) and the learning engine (storage lane): positions are handed to the task runner and
saved in order; the resume position is read before the view is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from player.core.learning.preferences import Preferences
from player.ui import ops
from player.ui.ops.changes import PROGRESS, Changes

if TYPE_CHECKING:
    from player.ui.screens.base import Screen
    from player.ui.services import Services


@dataclass(frozen=True)
class VideoData:
    course_id: str
    lesson_id: str
    title: str
    language: str
    sources: list[tuple[str, Any]]  # (label, path) best first
    subtitles: list[tuple[Any, str]]  # (path, language)
    resume_at: float
    has_next: bool
    changes: Changes = PROGRESS  # opening the lesson is recorded
    preferences: Preferences = field(default_factory=Preferences)


def load_video(services: Services, course_id: str, lesson_id: str) -> VideoData:
    """Worker side: the installed files of a video lesson and where to resume it."""
    from player.core.learning.activity import open_lesson, resume_position
    from player.core.learning.preferences import get_preferences

    context = services.context
    manifest = context.manifest(course_id)
    lesson = manifest.lesson(lesson_id)
    if lesson is None:
        from player.core.errors import QT_TRANSLATE_NOOP, LearningError

        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Course {course!r} has no lesson {lesson!r}."),
            course=course_id,
            lesson=lesson_id,
        )
    open_lesson(context.db, services.learner_id, manifest, lesson_id)
    ranked = sorted(
        lesson.sources, key=lambda s: (s.audio_only, -(s.height or 0))
    )  # best video first, audio-only last
    sources = []
    for source in ranked:
        path = context.member_path(course_id, source.file)
        if path is not None:
            label = "audio" if source.audio_only else f"{source.height}p"
            sources.append((label, path))
    if not sources and ranked:
        # Nothing installed: pass the expected file so the view names what is missing.
        sources.append((ranked[0].quality, context.data.objects / ranked[0].file))
    subtitles = []
    for subtitle in lesson.subtitles:
        path = context.member_path(course_id, subtitle.file)
        if path is not None:
            subtitles.append((path, subtitle.language))
    return VideoData(
        course_id,
        lesson_id,
        lesson.title,
        manifest.language,
        sources,
        subtitles,
        resume_position(context.db, services.learner_id, course_id, lesson_id),
        ops.next_lesson_after(services, course_id, lesson_id) is not None,
        preferences=get_preferences(context.db, services.learner_id),
    )


class EngineVideoSink(QObject):
    """``ProgressSink`` over the learning engine, through the task runner's storage lane."""

    completed = Signal()  # the engine marked the video complete
    unfinished = Signal(object)  # played to its end, not complete: the unwatched stretches

    def __init__(self, services: Services, data: VideoData, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.data = data

    def resume_position(self) -> float:
        return self.data.resume_at

    def record_position(self, position: float, duration: float, elapsed: float) -> None:
        self._record(position, duration, elapsed, ended=False)

    def mark_played_to_end(self, duration: float, elapsed: float) -> None:
        self._record(duration, duration, elapsed, ended=True)

    def _record(self, position: float, duration: float, elapsed: float, *, ended: bool) -> None:
        services, data = self.services, self.data
        self.services.tasks.run(
            lambda: ops.record_position(
                services,
                data.course_id,
                data.lesson_id,
                max(0.0, position),
                duration if duration and duration > 0 else None,
                elapsed=max(0.0, elapsed),
                ended=ended,
            ),
            self._recorded,
        )

    def _recorded(self, recorded: ops.LessonProgress) -> None:
        if recorded.newly_completed:
            self.completed.emit()
        if recorded.unwatched:
            self.unfinished.emit(recorded.unwatched)


def video_screen(services: Services, data: VideoData) -> Screen:
    from pathlib import Path

    from player.core.learning.preferences import pick_subtitle
    from player.ui.screens.video_lesson import VideoLesson, VideoLessonView, VideoSource

    view = VideoLessonView()
    sink = EngineVideoSink(services, data, view)
    view.setProperty("course_id", data.course_id)
    ui_language = services.translations.language if services.translations is not None else ""
    prefs = data.preferences
    lesson = VideoLesson(
        title=data.title,
        sources=[VideoSource(label, Path(path)) for label, path in data.sources],
        subtitles=[(Path(path), language) for path, language in data.subtitles],
        has_next=data.has_next,
        subtitle=pick_subtitle(
            [language for _, language in data.subtitles],
            prefs.subtitles,
            data.language,
            ui_language,
        ),
        speed=prefs.speed,
    )
    sink.unfinished.connect(view.show_unwatched)
    view.speed_chosen.connect(lambda rate: remember(services, view, speed=rate))
    view.subtitles_chosen.connect(lambda language: remember(services, view, subtitles=language))
    view.open_lesson(lesson, sink)
    return view


def remember(services: Services, owner: QObject, **choices: Any) -> None:
    """Save a learner's choice (speed, subtitles, text size) for their next lessons."""
    from player.core.learning.preferences import set_preferences

    learner_id = services.learner_id
    services.tasks.run(
        lambda: set_preferences(services.context.db, learner_id, **choices), owner=owner
    )
