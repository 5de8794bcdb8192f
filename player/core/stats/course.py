"""What the report knows of the course before reading a statement.

With the course installed here, its manifest gives the activity IRIs (``activity_base``), the
module order of the funnel, titles, quiz thresholds and question texts. Without it, ``--course``
is the course id (activities under the default base) or the course's activity IRI itself, and
titles come from the statements' ``definition.name``; modules are then ordered by how many
learners started them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from player.core.sync.statements import course_activity_id

if TYPE_CHECKING:
    from player.core.package.manifest import Manifest


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    prompt: str
    kind: str  # the manifest's kind: single, multiple, true_false, text, rating
    choices: dict[str, str] = field(default_factory=dict)  # id -> text


@dataclass
class CourseMap:
    course_id: str
    iri: str
    title: str = ""
    installed: bool = False
    modules: list[str] = field(default_factory=list)  # in course order
    titles: dict[str, str] = field(default_factory=dict)  # module or lesson id -> title
    lesson_types: dict[str, str] = field(default_factory=dict)
    lesson_module: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)  # quiz id -> threshold in force
    questions: dict[tuple[str, str], QuestionInfo] = field(default_factory=dict)
    lessons: list[str] = field(default_factory=list)  # in course order
    sync_endpoint: str | None = None  # the LRS the manifest names (used once approved)

    @classmethod
    def from_manifest(cls, manifest: Manifest) -> CourseMap:
        found = cls(
            manifest.id,
            course_activity_id(manifest.id, manifest.activity_base),
            manifest.title,
            installed=True,
            sync_endpoint=manifest.sync_endpoint,
        )
        for module in manifest.modules:
            found.modules.append(module.id)
            found.titles[module.id] = module.title
            for lesson in module.lessons:
                found.lessons.append(lesson.id)
                found.titles[lesson.id] = lesson.title
                found.lesson_types[lesson.id] = lesson.type
                found.lesson_module[lesson.id] = module.id
                if lesson.type == "quiz":
                    found.thresholds[lesson.id] = manifest.threshold_for(lesson)
                for question in lesson.questions:
                    found.questions[(lesson.id, question.id)] = QuestionInfo(
                        question.prompt,
                        question.kind,
                        {choice.id: choice.text for choice in question.choices},
                    )
        return found

    @classmethod
    def from_id(cls, course: str) -> CourseMap:
        """A course not installed here: ``course`` is its id, or its activity IRI."""
        if course.startswith(("http://", "https://")):
            iri = course.rstrip("/")
            return cls(iri.rsplit("/", 1)[-1], iri)
        return cls(course, course_activity_id(course))
