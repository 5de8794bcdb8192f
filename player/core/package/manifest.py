"""The course manifest (``course.json``), format 1: parsing and validation.

A manifest is parsed from its exact bytes (a signature covers those bytes) into frozen
dataclasses; unknown fields are kept in ``raw`` so later optional fields stay readable.
Every problem raises ``ManifestError`` with a one-line message naming the place.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from player.core.errors import QT_TRANSLATE_NOOP, FormatTooNewError, ManifestError
from player.core.package.images import IMAGE_SUFFIXES, MAX_IMAGE_BYTES
from player.core.package.language import LANG_RE

FORMAT_VERSION = 1
SUPPORTED_FORMATS = (1,)
MANIFEST_NAME = "course.json"
SIGNATURE_NAME = "course.json.sig"
RESERVED_NAMES = (MANIFEST_NAME, SIGNATURE_NAME)
MAX_MANIFEST_BYTES = 8 * 1024 * 1024
#: Members a package zip stores compressed (text); media are already compressed and stored as is.
COMPRESSIBLE_SUFFIXES = frozenset({".json", ".md", ".vtt", ".srt", ".txt", ".html", ".svg"})
MAX_FILES = 20_000
MAX_JSON_DEPTH = 32
DEFAULT_PASS_THRESHOLD = 0.7

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
ITEM_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

LessonType = Literal["video", "text", "quiz", "survey"]
QuestionKind = Literal["single", "multiple", "true_false", "text"]
SurveyKind = Literal["rating", "single", "text"]


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Source:
    file: str
    height: int | None = None
    audio_only: bool = False

    @property
    def quality(self) -> str:
        return "audio" if self.audio_only else str(self.height)


@dataclass(frozen=True)
class Subtitle:
    file: str
    language: str


@dataclass(frozen=True)
class Choice:
    id: str
    text: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: str
    choices: tuple[Choice, ...] = ()
    answer: tuple[Any, ...] = ()
    explanation: str = ""


@dataclass(frozen=True)
class Lesson:
    id: str
    type: str
    title: str
    module_id: str
    sources: tuple[Source, ...] = ()
    subtitles: tuple[Subtitle, ...] = ()
    duration: float | None = None
    file: str | None = None
    questions: tuple[Question, ...] = ()
    pass_threshold: float | None = None
    shuffle: bool = False
    partial_credit: bool = False
    thumbnail: str | None = None  # an optional picture of the lesson (package path)
    reveal_answers: str | None = None  # quiz: after_pass, always or never; None: the course's
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def referenced_files(self) -> list[str]:
        files = [s.file for s in self.sources] + [s.file for s in self.subtitles]
        if self.file:
            files.append(self.file)
        if self.thumbnail:
            files.append(self.thumbnail)
        return files


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    lessons: tuple[Lesson, ...]
    pass_threshold: float | None = None


@dataclass(frozen=True)
class Publisher:
    name: str
    key: str | None = None


@dataclass(frozen=True)
class Manifest:
    format: int
    id: str
    version: int
    title: str
    language: str
    description: str
    pass_threshold: float
    gating: str
    modules: tuple[Module, ...]
    files: dict[str, FileEntry]
    publisher: Publisher | None = None
    activity_base: str | None = None
    sync_endpoint: str | None = None
    cover: str | None = None  # an optional picture of the course (package path)
    reveal_answers: str = "after_pass"  # when a quiz's result shows the right answers
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def pictures(self) -> list[str]:
        """The package paths of the cover and every lesson thumbnail."""
        found = [self.cover] if self.cover else []
        return found + [lesson.thumbnail for lesson in self.lessons if lesson.thumbnail]

    @property
    def lessons(self) -> list[Lesson]:
        return [lesson for module in self.modules for lesson in module.lessons]

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((les for les in self.lessons if les.id == lesson_id), None)

    def module_of(self, lesson_id: str) -> Module | None:
        return next(
            (m for m in self.modules if any(les.id == lesson_id for les in m.lessons)), None
        )

    def threshold_for(self, lesson: Lesson) -> float:
        """The pass threshold in force for a quiz: quiz, else module, else course."""
        if lesson.pass_threshold is not None:
            return lesson.pass_threshold
        module = self.module_of(lesson.id)
        if module is not None and module.pass_threshold is not None:
            return module.pass_threshold
        return self.pass_threshold

    def reveal_for(self, lesson: Lesson) -> str:
        """When a quiz shows its right answers: the quiz's choice, else the course's."""
        return lesson.reveal_answers or self.reveal_answers

    @property
    def total_bytes(self) -> int:
        return sum(entry.size for entry in self.files.values())


# --------------------------------------------------------------------------- parsing


def parse_manifest(data: bytes, *, origin: str = MANIFEST_NAME) -> Manifest:
    """Parse and validate manifest bytes, including the ``files`` table."""
    document = load_json(data, origin=origin)
    return validate_manifest(document, origin=origin, require_files=True)


def load_json(data: bytes, *, origin: str = MANIFEST_NAME) -> dict[str, Any]:
    if len(data) > MAX_MANIFEST_BYTES:
        raise ManifestError(
            f"{origin} is {len(data)} bytes, larger than the {MAX_MANIFEST_BYTES} allowed."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ManifestError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{origin} is not UTF-8 text (byte {byte})."),
            origin=origin,
            byte=error.start,
        ) from error
    _check_depth(text, origin)
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ManifestError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "{origin} is not valid JSON (line {line}, column {column}: {cause})."
            ),
            origin=origin,
            line=error.lineno,
            column=error.colno,
            cause=error.msg,
        ) from error
    except (RecursionError, ValueError) as error:
        raise ManifestError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{origin} is not valid JSON ({cause})."),
            origin=origin,
            cause=error,
        ) from error
    if not isinstance(document, dict):
        raise ManifestError(f"{origin} must hold a JSON object at its top level.")
    return document


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _check_depth(text: str, origin: str) -> None:
    """Refuse deep nesting before the parser recurses into it."""
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise ManifestError(f"{origin} nests deeper than {MAX_JSON_DEPTH} levels.")
        elif char in "]}":
            depth -= 1


class _Checker:
    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, where: str, message: str) -> ManifestError:
        return ManifestError(f"{self.origin}: {where}: {message}")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be an object")
        return value

    def lst(self, value: Any, where: str, *, non_empty: bool = True) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "must be a list")
        if non_empty and not value:
            raise self.fail(where, "must not be empty")
        return value

    def text(self, value: Any, where: str, *, optional: bool = False, limit: int = 20_000) -> str:
        if value is None and optional:
            return ""
        if not isinstance(value, str) or (not optional and not value.strip()):
            raise self.fail(where, "must be a non-empty string")
        if len(value) > limit:
            raise self.fail(where, f"is longer than {limit} characters")
        return value

    def integer(self, value: Any, where: str, *, minimum: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(where, f"must be a whole number ≥ {minimum}")
        return value

    def threshold(self, value: Any, where: str) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, "must be a number between 0 and 1")
        number = float(value)
        if not math.isfinite(number) or not 0.0 <= number <= 1.0:
            raise self.fail(where, f"must be between 0 and 1, not {value}")
        return number

    def ident(self, value: Any, where: str, pattern: re.Pattern[str] = ITEM_ID_RE) -> str:
        if not isinstance(value, str) or not pattern.match(value):
            raise self.fail(where, f"id {value!r} is not a valid identifier")
        return value

    def picture(self, value: Any, where: str) -> str | None:
        """An optional cover or thumbnail path: a PNG, JPEG or WebP member."""
        if value is None:
            return None
        path = self.path(value, where)
        if not path.lower().endswith(IMAGE_SUFFIXES):
            raise self.fail(where, f"{path!r} must be a .jpg, .png or .webp picture")
        return path

    def path(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(where, "file path must be a string")
        problem = path_problem(value)
        if problem:
            raise self.fail(where, f"path {value!r} {problem}")
        return value


def path_problem(path: str) -> str | None:
    """Why a package member path is unsafe or not normalised, or None when it is fine."""
    if not path or len(path) > 255:
        return "is empty or too long"
    if "\\" in path or "\x00" in path or ":" in path:
        return "contains a backslash, a colon or a NUL character"
    if path.startswith("/"):
        return "is absolute"
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "is not a normalised relative path (empty, '.' or '..' segment)"
    if path in RESERVED_NAMES:
        return "is reserved for the manifest"
    if any(ord(ch) < 32 for ch in path):
        return "contains control characters"
    return None


def validate_manifest(
    document: dict[str, Any], *, origin: str = MANIFEST_NAME, require_files: bool = True
) -> Manifest:
    c = _Checker(origin)
    fmt = document.get("format")
    if isinstance(fmt, bool) or not isinstance(fmt, int):
        raise c.fail("format", "must be a whole number")
    if fmt > FORMAT_VERSION:
        raise FormatTooNewError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{origin} uses package format {format}, but this app reads formats up to "
                "{supported}; please update the course player.",
            ),
            origin=origin,
            format=fmt,
            supported=FORMAT_VERSION,
        )
    if fmt not in SUPPORTED_FORMATS:
        raise c.fail("format", f"format {fmt} is not supported")
    course_id = c.ident(document.get("id"), "id", ID_RE)
    version = c.integer(document.get("version"), "version", minimum=1)
    title = c.text(document.get("title"), "title", limit=300)
    language = c.text(document.get("language"), "language", limit=35)
    if not LANG_RE.match(language):
        raise c.fail("language", f"{language!r} is not a language tag such as 'fr'")
    description = c.text(document.get("description"), "description", optional=True)
    threshold = c.threshold(document.get("pass_threshold"), "pass_threshold")
    gating = document.get("gating", "sequential")
    if gating not in ("sequential", "open"):
        raise c.fail("gating", "must be 'sequential' or 'open'")
    reveal = _reveal(c, document.get("reveal_answers"), "reveal_answers") or "after_pass"

    modules: list[Module] = []
    module_ids: set[str] = set()
    lesson_ids: set[str] = set()
    for m_index, raw_module in enumerate(c.lst(document.get("modules"), "modules")):
        where = f"modules[{m_index}]"
        m = c.obj(raw_module, where)
        module_id = c.ident(m.get("id"), f"{where}.id")
        if module_id in module_ids:
            raise c.fail(where, f"duplicate module id {module_id!r}")
        module_ids.add(module_id)
        lessons: list[Lesson] = []
        for l_index, raw_lesson in enumerate(c.lst(m.get("lessons"), f"{where}.lessons")):
            lesson = _lesson(c, raw_lesson, f"{where}.lessons[{l_index}]", module_id)
            if lesson.id in lesson_ids:
                raise c.fail(f"{where}.lessons[{l_index}]", f"duplicate lesson id {lesson.id!r}")
            lesson_ids.add(lesson.id)
            lessons.append(lesson)
        modules.append(
            Module(
                id=module_id,
                title=c.text(m.get("title"), f"{where}.title", limit=300),
                lessons=tuple(lessons),
                pass_threshold=c.threshold(m.get("pass_threshold"), f"{where}.pass_threshold"),
            )
        )

    cover = c.picture(document.get("cover"), "cover")
    files: dict[str, FileEntry] = {}
    if require_files or "files" in document:
        raw_files = c.obj(document.get("files"), "files")
        if len(raw_files) > MAX_FILES:
            raise c.fail("files", f"lists more than {MAX_FILES} files")
        for path, raw_entry in raw_files.items():
            c.path(path, f"files[{path!r}]")
            entry = c.obj(raw_entry, f"files[{path!r}]")
            sha = entry.get("sha256")
            if not isinstance(sha, str) or not SHA256_RE.match(sha):
                raise c.fail(f"files[{path!r}].sha256", "must be 64 lowercase hex digits")
            files[path] = FileEntry(
                path, c.integer(entry.get("size"), f"files[{path!r}].size"), sha
            )
        for lesson in (les for mod in modules for les in mod.lessons):
            for ref in lesson.referenced_files():
                if ref not in files:
                    raise c.fail(f"lesson {lesson.id!r}", f"names {ref!r}, which is not in files")
        if cover is not None and cover not in files:
            raise c.fail("cover", f"names {cover!r}, which is not in files")
        pictures = [cover] if cover else []
        pictures += [les.thumbnail for mod in modules for les in mod.lessons if les.thumbnail]
        for picture in pictures:
            if files[picture].size > MAX_IMAGE_BYTES:
                raise c.fail(
                    f"files[{picture!r}]",
                    f"a picture may hold at most {MAX_IMAGE_BYTES} bytes, "
                    f"not {files[picture].size}",
                )

    publisher = None
    if document.get("publisher") is not None:
        p = c.obj(document["publisher"], "publisher")
        key = p.get("key")
        if key is not None and not isinstance(key, str):
            raise c.fail("publisher.key", "must be a string")
        publisher = Publisher(name=c.text(p.get("name"), "publisher.name", limit=300), key=key)
    activity_base = document.get("activity_base")
    if activity_base is not None and (
        not isinstance(activity_base, str)
        or not re.match(r"^[a-z][a-z0-9+.-]*://\S+$", activity_base)
    ):
        raise c.fail(
            "activity_base", "must be an absolute IRI such as https://example.org/courses/x"
        )
    sync = document.get("sync")
    sync_endpoint = None
    if sync is not None:
        endpoint = c.obj(sync, "sync").get("endpoint")
        if endpoint is not None:
            sync_endpoint = c.text(endpoint, "sync.endpoint", limit=2000)

    return Manifest(
        format=fmt,
        id=course_id,
        version=version,
        title=title,
        language=language,
        description=description,
        pass_threshold=DEFAULT_PASS_THRESHOLD if threshold is None else threshold,
        gating=gating,
        modules=tuple(modules),
        files=files,
        publisher=publisher,
        activity_base=activity_base,
        sync_endpoint=sync_endpoint,
        cover=cover,
        reveal_answers=reveal,
        raw=document,
    )


REVEAL_CHOICES = ("after_pass", "always", "never")


def _reveal(c: _Checker, value: Any, where: str) -> str | None:
    """``reveal_answers``: optional, one of ``REVEAL_CHOICES`` (format 1 without it stays valid)."""
    if value is None:
        return None
    if value not in REVEAL_CHOICES:
        raise c.fail(where, "must be 'after_pass', 'always' or 'never'")
    return str(value)


def _lesson(c: _Checker, raw: Any, where: str, module_id: str) -> Lesson:
    data = c.obj(raw, where)
    lesson_id = c.ident(data.get("id"), f"{where}.id")
    kind = data.get("type")
    title = c.text(data.get("title"), f"{where}.title", limit=300)
    thumbnail = c.picture(data.get("thumbnail"), f"{where}.thumbnail")
    lesson = _typed_lesson(c, data, where, module_id, lesson_id, kind, title)
    return lesson if thumbnail is None else replace(lesson, thumbnail=thumbnail)


def _typed_lesson(
    c: _Checker,
    data: dict[str, Any],
    where: str,
    module_id: str,
    lesson_id: str,
    kind: Any,
    title: str,
) -> Lesson:
    if kind == "video":
        sources = []
        for s_index, raw_source in enumerate(c.lst(data.get("sources"), f"{where}.sources")):
            s_where = f"{where}.sources[{s_index}]"
            s = c.obj(raw_source, s_where)
            audio_only = s.get("audio_only", False) is True
            height = (
                None if audio_only else c.integer(s.get("height"), f"{s_where}.height", minimum=1)
            )
            sources.append(Source(c.path(s.get("file"), f"{s_where}.file"), height, audio_only))
        subtitles = []
        for t_index, raw_sub in enumerate(
            c.lst(data.get("subtitles", []), f"{where}.subtitles", non_empty=False)
        ):
            t_where = f"{where}.subtitles[{t_index}]"
            t = c.obj(raw_sub, t_where)
            subtitles.append(
                Subtitle(
                    c.path(t.get("file"), f"{t_where}.file"),
                    c.text(t.get("language"), f"{t_where}.language", limit=35),
                )
            )
        duration = data.get("duration")
        if duration is not None and (
            isinstance(duration, bool)
            or not isinstance(duration, int | float)
            or not math.isfinite(duration)
            or duration < 0
        ):
            raise c.fail(f"{where}.duration", "must be a number of seconds ≥ 0")
        return Lesson(
            lesson_id,
            "video",
            title,
            module_id,
            sources=tuple(sources),
            subtitles=tuple(subtitles),
            duration=None if duration is None else float(duration),
            raw=data,
        )
    if kind == "text":
        return Lesson(
            lesson_id,
            "text",
            title,
            module_id,
            file=c.path(data.get("file"), f"{where}.file"),
            raw=data,
        )
    if kind == "quiz":
        questions = _questions(c, data, where, survey=False)
        return Lesson(
            lesson_id,
            "quiz",
            title,
            module_id,
            questions=questions,
            pass_threshold=c.threshold(data.get("pass_threshold"), f"{where}.pass_threshold"),
            shuffle=data.get("shuffle", False) is True,
            partial_credit=data.get("partial_credit", False) is True,
            reveal_answers=_reveal(c, data.get("reveal_answers"), f"{where}.reveal_answers"),
            raw=data,
        )
    if kind == "survey":
        return Lesson(
            lesson_id,
            "survey",
            title,
            module_id,
            questions=_questions(c, data, where, survey=True),
            raw=data,
        )
    raise c.fail(f"{where}.type", f"unknown lesson type {kind!r} (video, text, quiz or survey)")


def _questions(
    c: _Checker, data: dict[str, Any], where: str, *, survey: bool
) -> tuple[Question, ...]:
    questions: list[Question] = []
    seen: set[str] = set()
    kinds = ("rating", "single", "text") if survey else ("single", "multiple", "true_false", "text")
    for q_index, raw_q in enumerate(c.lst(data.get("questions"), f"{where}.questions")):
        q_where = f"{where}.questions[{q_index}]"
        q = c.obj(raw_q, q_where)
        qid = c.ident(q.get("id"), f"{q_where}.id")
        if qid in seen:
            raise c.fail(q_where, f"duplicate question id {qid!r}")
        seen.add(qid)
        kind = q.get("kind")
        if not isinstance(kind, str) or kind not in kinds:
            raise c.fail(f"{q_where}.kind", f"unknown question kind {kind!r} ({', '.join(kinds)})")
        prompt = c.text(q.get("prompt"), f"{q_where}.prompt", limit=5000)
        choices: list[Choice] = []
        if kind in ("single", "multiple"):
            choice_ids: set[str] = set()
            for ch_index, raw_choice in enumerate(c.lst(q.get("choices"), f"{q_where}.choices")):
                ch_where = f"{q_where}.choices[{ch_index}]"
                ch = c.obj(raw_choice, ch_where)
                cid = c.ident(ch.get("id"), f"{ch_where}.id")
                if cid in choice_ids:
                    raise c.fail(ch_where, f"duplicate choice id {cid!r}")
                choice_ids.add(cid)
                choices.append(Choice(cid, c.text(ch.get("text"), f"{ch_where}.text", limit=2000)))
            if len(choices) < 2:
                raise c.fail(f"{q_where}.choices", "needs at least two choices")
        answer: tuple[Any, ...] = ()
        if not survey:
            raw_answer = c.lst(q.get("answer"), f"{q_where}.answer")
            if kind in ("single", "multiple"):
                ids = {ch.id for ch in choices}
                for value in raw_answer:
                    if not isinstance(value, str) or value not in ids:
                        raise c.fail(f"{q_where}.answer", f"{value!r} is not one of the choices")
                if len(set(raw_answer)) != len(raw_answer):
                    raise c.fail(f"{q_where}.answer", "repeats a choice")
                if kind == "single" and len(raw_answer) != 1:
                    raise c.fail(
                        f"{q_where}.answer", "a single-choice question has exactly one answer"
                    )
            elif kind == "true_false":
                if len(raw_answer) != 1 or not isinstance(raw_answer[0], bool):
                    raise c.fail(f"{q_where}.answer", "must be [true] or [false]")
            else:
                for value in raw_answer:
                    c.text(value, f"{q_where}.answer", limit=500)
            answer = tuple(raw_answer)
        questions.append(
            Question(
                qid,
                kind,
                prompt,
                tuple(choices),
                answer,
                c.text(q.get("explanation"), f"{q_where}.explanation", optional=True),
            )
        )
    return tuple(questions)
