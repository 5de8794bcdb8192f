"""Core operations as the screens use them: plain functions run on the task runner's workers.

Like Anki's ``aqt/operations``: each function takes the services and plain values and returns
plain data for a screen to draw. No Qt here, so these run on any thread; the storage lane keeps
them one at a time on the shared database connection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player.core.context import Context
from player.core.progress import CancelToken, ProgressCallback
from player.core.store.database import query

if TYPE_CHECKING:
    from player.core.learning.learners import Learner
    from player.core.learning.quiz import PresentedQuestion, QuizResult
    from player.core.learning.state import CourseState
    from player.core.package.manifest import Manifest, Question
    from player.core.sync.outbox import Problem
    from player.core.sync.service import SyncStatus
    from player.core.usb import ExportResult, FoundPackage
    from player.ui.services import Services


@dataclass(frozen=True)
class CourseSummary:
    """What a library card shows about one installed course."""

    id: str
    version: int
    title: str
    language: str
    bytes: int
    progress: float | None = None  # 0..1 for the current learner, None when unknown
    started: bool = False  # the learner has opened something in it ("Continue", not "Open")
    publisher: PublisherView | None = None  # None: unknown (the card shows no publisher line)


def installed_courses(context: Context) -> list[dict]:
    """The installed courses (id, version, title, language, bytes), by title."""
    return query(context.conn, "SELECT * FROM courses ORDER BY title COLLATE NOCASE")


def library_courses(services: Services, learner_id: int | None) -> list[CourseSummary]:
    """The library's cards: every installed course, the learner's progress, its publisher.

    One read on the storage lane, so the library draws each card once, complete.
    """
    rows = installed_courses(services.context)
    ids = [row["id"] for row in rows]
    progress = course_progress(services.context, learner_id, ids) if learner_id is not None else {}
    publishers = course_publishers(services, ids)
    return [
        CourseSummary(
            id=row["id"],
            version=row["version"],
            title=row["title"],
            language=row["language"],
            bytes=row["bytes"],
            progress=progress[row["id"]][0] if row["id"] in progress else None,
            started=progress[row["id"]][1] if row["id"] in progress else False,
            publisher=publishers.get(row["id"]),
        )
        for row in rows
    ]


# --------------------------------------------------------------------------- learners

LEARNER_SETTING = "learner"  # settings.json: the uuid of the learner who used the app last


@dataclass(frozen=True)
class FirstScreen:
    """What the main window needs to show itself complete: who is learning, and their library."""

    learner: Learner
    courses: list[CourseSummary]


def first_screen(services: Services, default_name: str) -> FirstScreen:
    """The learner and the library's cards, in one read (start-up is one trip to the lane)."""
    learner = current_learner(services, default_name)
    return FirstScreen(learner, library_courses(services, learner.id))


def current_learner(services: Services, default_name: str) -> Learner:
    """The learner to start with: the last one used here, else the first (created if none)."""
    from player.core.learning.learners import ensure_default_learner, list_learners

    db = services.context.conn  # read at start-up: no sqlite-utils needed
    first = ensure_default_learner(db, default_name)
    wanted = services.settings.get(LEARNER_SETTING)
    for learner in list_learners(db):
        if learner.uuid == wanted:
            return learner
    return first


def list_learners(services: Services) -> list[Learner]:
    from player.core.learning.learners import list_learners as core_list

    return core_list(services.context.db)


def switch_learner(services: Services, learner_id: int, pin: str) -> Learner | None:
    """Check the PIN (when the learner has one) and remember the learner as the current one.

    None means a wrong PIN (the screen says so in the learner's language).
    """
    from player.core.learning.learners import get_learner, verify_pin

    db = services.context.db
    learner = get_learner(db, learner_id)
    if learner.has_pin and not verify_pin(db, learner_id, pin):
        return None
    services.save_settings(**{LEARNER_SETTING: learner.uuid})
    return learner


def add_learner(services: Services, name: str, email: str | None, pin: str | None) -> Learner:
    from player.core.learning.learners import create_learner

    return create_learner(services.context.db, name, email=email or None, pin=pin or None)


def set_learner_pin(services: Services, learner_id: int, pin: str | None) -> Learner:
    from player.core.learning.learners import set_pin

    return set_pin(services.context.db, learner_id, pin or None)


def change_own_pin(
    services: Services, learner_id: int, current: str, new: str | None
) -> Learner | None:
    """Set (4 to 8 digits) or clear (None) a learner's PIN once their current PIN is checked.

    None means the current PIN was wrong and nothing changed.
    """
    from player.core.learning.learners import set_pin, verify_pin

    db = services.context.db
    if not verify_pin(db, learner_id, current):
        return None
    return set_pin(db, learner_id, new or None)


# --------------------------------------------------------------------------- course and lessons


@dataclass(frozen=True)
class PublisherView:
    """Who published an installed course, and whether its signature was checked at install."""

    name: str | None
    verified: bool
    trusted: bool = False  # signed by a key shipped with the app
    key: str | None = None


def publisher_view(
    context: Context, course_id: str, shipped: set[str] | None = None
) -> PublisherView:
    from player.core.trust import publisher_info

    info = publisher_info(context, course_id, shipped)
    return PublisherView(
        info["publisher"], bool(info["verified"]), bool(info["trusted"]), info["publisher_key"]
    )


def course_publishers(services: Services, course_ids: list[str]) -> dict[str, PublisherView]:
    """Per course, its publisher (read after the library is shown: parses each manifest)."""
    from player.core.errors import PlayerError
    from player.core.trust import trusted_publishers

    try:
        shipped = {publisher.key for publisher in trusted_publishers(services.context)}
    except PlayerError:
        return {}  # a broken trusted-keys setting: the cards show no publisher line
    found: dict[str, PublisherView] = {}
    for course_id in course_ids:
        try:
            found[course_id] = publisher_view(services.context, course_id, shipped)
        except PlayerError:
            continue  # e.g. removed meanwhile: that card shows no publisher line
    return found


@dataclass(frozen=True)
class Outline:
    manifest: Manifest
    state: CourseState
    publisher: PublisherView | None = None


def course_outline(services: Services, course_id: str) -> Outline:
    from player.core.errors import PlayerError
    from player.core.learning.state import course_state

    manifest = services.context.manifest(course_id)
    try:
        publisher: PublisherView | None = publisher_view(services.context, course_id)
    except PlayerError:
        publisher = None
    return Outline(
        manifest, course_state(services.context.db, services.learner_id, manifest), publisher
    )


def course_progress(
    context: Context, learner_id: int, course_ids: list[str]
) -> dict[str, tuple[float, bool]]:
    """Per course: share of required lessons done and whether anything was started.

    Parses each course's manifest once (then cached). A course that cannot be read is left
    out: its card shows no progress rather than the library showing nothing.
    """
    from player.core.errors import PlayerError
    from player.core.learning.state import course_state

    result: dict[str, tuple[float, bool]] = {}
    for course_id in course_ids:
        try:
            state = course_state(context.conn, learner_id, context.manifest(course_id))
        except PlayerError:
            continue
        total = state.lessons_total
        started = any(
            lesson.status != "not_started" for module in state.modules for lesson in module.lessons
        )
        result[course_id] = (state.lessons_done / total if total else 0.0, started)
    return result


def open_lesson(services: Services, course_id: str, lesson_id: str) -> None:
    """Record that the learner opened a lesson (refused with a reason when it is locked)."""
    from player.core.learning.activity import open_lesson as core_open

    core_open(
        services.context.db, services.learner_id, services.context.manifest(course_id), lesson_id
    )


def record_reading(
    services: Services, course_id: str, lesson_id: str, elapsed: float, at_end: bool
) -> bool:
    """Add reading time; True when this call completed the page."""
    from player.core.learning.activity import record_reading as core_record

    result = core_record(
        services.context.db,
        services.learner_id,
        services.context.manifest(course_id),
        lesson_id,
        elapsed=elapsed,
        at_end=at_end,
    )
    return result.newly_completed


def add_time_spent(services: Services, course_id: str, lesson_id: str, seconds: float) -> None:
    from player.core.learning.activity import add_time_spent as core_add

    core_add(
        services.context.db,
        services.learner_id,
        services.context.manifest(course_id),
        lesson_id,
        seconds,
    )


def next_lesson_after(services: Services, course_id: str, lesson_id: str) -> LessonRefUI | None:
    """The lesson after this one in the course order, when it is open."""
    manifest = services.context.manifest(course_id)
    from player.core.learning.state import course_state

    state = course_state(services.context.db, services.learner_id, manifest)
    order = [lesson for module in manifest.modules for lesson in module.lessons]
    ids = [lesson.id for lesson in order]
    if lesson_id not in ids:
        return None
    for lesson in order[ids.index(lesson_id) + 1 :]:
        if state.is_open(lesson.id):
            return LessonRefUI(course_id, lesson.id, lesson.type)
        return None
    return None


@dataclass(frozen=True)
class LessonRefUI:
    course_id: str
    lesson_id: str
    kind: str


# --------------------------------------------------------------------------- quizzes and surveys


@dataclass(frozen=True)
class QuizSession:
    course_id: str
    lesson_id: str
    title: str
    language: str
    threshold: float
    attempt_id: int
    questions: list[PresentedQuestion]
    best_score: float | None
    attempts: int


@dataclass(frozen=True)
class QuizOutcome:
    result: QuizResult
    prompts: dict[str, str]  # question id → prompt
    choices: dict[str, dict[str, str]]  # question id → choice id → text
    unlocked: list[str]  # titles of modules this pass opened
    course_complete: bool


def start_quiz(services: Services, course_id: str, lesson_id: str) -> QuizSession:
    """Resume the unfinished attempt of a quiz (answers kept) or start a new one."""
    from player.core.learning.quiz import presented_questions, start_attempt
    from player.core.learning.state import course_state

    db, manifest = services.context.db, services.context.manifest(course_id)
    attempt = start_attempt(db, services.learner_id, manifest, lesson_id)
    lesson = manifest.lesson(lesson_id)
    assert lesson is not None
    state = course_state(db, services.learner_id, manifest).lesson(lesson_id)
    return QuizSession(
        course_id,
        lesson_id,
        lesson.title,
        manifest.language,
        manifest.threshold_for(lesson),
        attempt.id,
        presented_questions(attempt, manifest),
        state.best_score,
        state.attempts,
    )


def save_answer(
    services: Services, course_id: str, attempt_id: int, question_id: str, value: Any
) -> None:
    """Save one answer the moment it is given (None clears it)."""
    from player.core.learning.quiz import answer

    answer(
        services.context.db, services.context.manifest(course_id), attempt_id, question_id, value
    )


def submit_quiz(services: Services, course_id: str, lesson_id: str, attempt_id: int) -> QuizOutcome:
    from player.core.learning.quiz import submit
    from player.core.learning.state import course_state

    db, manifest = services.context.db, services.context.manifest(course_id)
    before = course_state(db, services.learner_id, manifest)
    result = submit(db, manifest, attempt_id)
    after = course_state(db, services.learner_id, manifest)
    unlocked = [
        new.title
        for old, new in zip(before.modules, after.modules, strict=True)
        if old.status == "locked" and new.status != "locked"
    ]
    lesson = manifest.lesson(lesson_id)
    assert lesson is not None
    return QuizOutcome(
        result,
        {q.id: q.prompt for q in lesson.questions},
        {q.id: {c.id: c.text for c in q.choices} for q in lesson.questions},
        unlocked,
        after.complete and not before.complete,
    )


@dataclass(frozen=True)
class SurveySession:
    course_id: str
    lesson_id: str
    title: str
    language: str
    questions: list[Question]
    previous: dict[str, Any] | None


def open_survey(services: Services, course_id: str, lesson_id: str) -> SurveySession:
    from player.core.learning.activity import open_lesson as core_open
    from player.core.learning.survey import survey_answers

    db, manifest = services.context.db, services.context.manifest(course_id)
    core_open(db, services.learner_id, manifest, lesson_id)
    lesson = manifest.lesson(lesson_id)
    assert lesson is not None
    return SurveySession(
        course_id,
        lesson_id,
        lesson.title,
        manifest.language,
        list(lesson.questions),
        survey_answers(db, services.learner_id, course_id, lesson_id),
    )


def submit_survey(
    services: Services, course_id: str, lesson_id: str, answers: dict[str, Any]
) -> None:
    from player.core.learning.survey import submit_survey as core_submit

    core_submit(
        services.context.db,
        services.learner_id,
        services.context.manifest(course_id),
        lesson_id,
        answers,
    )


# --------------------------------------------------------------------------- adding courses


def install_demo(services: Services) -> bool:
    """First run only: install the bundled demo course (transfer lane, own connection)."""
    from player.core.demo import install_demo_course

    with services.separate_context() as ctx:
        return install_demo_course(ctx)


QUALITY_ORDER = ("all", "480", "360", "240", "smallest", "audio")  # "smallest": slow links


@dataclass(frozen=True)
class SourcePlan:
    location: str
    course_id: str
    title: str
    version: int
    language: str
    previous_version: int | None
    fetch_bytes: dict[str, int]  # quality → bytes still to fetch (held objects not counted)
    install_bytes: dict[str, int]  # quality → size once installed
    free_bytes: int
    default_quality: str
    signed: bool
    publisher: str | None


def plan_source(
    services: Services, location: str, progress: ProgressCallback, cancel: CancelToken
) -> SourcePlan:
    """Read a package's manifest (a zip URL is downloaded here) and price every quality.

    Runs on the transfer lane with its own database connection.
    """
    from player.core.delivery import default_quality
    from player.core.install import open_source, plan_install
    from player.core.package.manifest import parse_manifest

    options: dict[str, Any] = {}
    if location.lower().startswith(("http://", "https://")):
        options = {"progress": progress, "cancel": cancel}
    with services.separate_context() as ctx:
        source = open_source(location, ctx.data, **options)
        try:
            manifest = parse_manifest(source.read_manifest_bytes())
            signed = source.read_signature() is not None
        finally:
            source.close()
        row = ctx.course_row(manifest.id)
        previous = row["version"] if row else None
        fetch: dict[str, int] = {}
        sizes: dict[str, int] = {}
        free = 0
        has_video = any(lesson.sources for lesson in manifest.lessons)
        for quality in QUALITY_ORDER if has_video else ("all",):
            plan = plan_install(ctx, manifest, None if quality == "all" else quality, previous)
            fetch[quality] = plan.fetch_bytes
            sizes[quality] = plan.install_bytes
            free = plan.free_bytes
    return SourcePlan(
        location=location,
        course_id=manifest.id,
        title=manifest.title,
        version=manifest.version,
        language=manifest.language,
        previous_version=previous,
        fetch_bytes=fetch,
        install_bytes=sizes,
        free_bytes=free,
        # A stick or file costs no bandwidth: keep every source, so the course can be copied on
        # to the next laptop whole. Over the network, the data budget decides.
        default_quality=default_quality(services.data) if has_video and options else "all",
        signed=signed,
        publisher=manifest.publisher.name if manifest.publisher else None,
    )


def install_course(
    services: Services,
    location: str,
    quality: str,
    progress: ProgressCallback,
    cancel: CancelToken,
    trust_new_key: str | None = None,
) -> str:
    """Install (or resume installing) a package; returns the course id.

    A cancelled or cut download keeps what was fetched; running this again continues.
    ``trust_new_key``: the exact new publisher key the user confirmed after a ``KeyChangedError``.
    """
    from player.core.install import install, open_source

    options: dict[str, Any] = {}
    if location.lower().startswith(("http://", "https://")):
        options = {"progress": progress, "cancel": cancel}
    with services.separate_context() as ctx:
        source = open_source(location, ctx.data, **options)
        try:
            result = install(
                ctx,
                source,
                quality=None if quality == "all" else quality,
                progress=progress,
                cancel=cancel,
                trust_new_key=trust_new_key or False,
            )
        finally:
            source.close()
    return result.course_id


# --------------------------------------------------------------------------- USB sticks


@dataclass(frozen=True)
class Volume:
    path: Path
    free_bytes: int | None  # None: unreadable (removed while listing)
    writable: bool


@dataclass(frozen=True)
class UsbScan:
    volumes: list[Volume]
    packages: list[FoundPackage]
    installed: dict[str, int] = field(default_factory=dict)  # course id -> installed version


def list_volumes(services: Services) -> list[Volume]:
    """The mounted removable volumes, with their free space (transfer lane: sticks are slow)."""
    import os
    import shutil

    volumes = []
    for path in services.mount_points():
        try:
            free: int | None = shutil.disk_usage(path).free
        except OSError:
            free = None
        volumes.append(Volume(Path(path), free, free is not None and os.access(path, os.W_OK)))
    return volumes


def scan_usb(services: Services) -> UsbScan:
    """Course packages on the removable volumes (reads only each zip's course.json)."""
    from player.core.usb import find_packages

    volumes = list_volumes(services)
    packages = find_packages([v.path for v in volumes if v.free_bytes is not None])
    installed: dict[str, int] = {}
    if packages:
        with services.separate_context() as ctx:
            for package in packages:
                row = ctx.course_row(package.course_id)
                if row is not None:
                    installed[package.course_id] = int(row["version"])
    return UsbScan(volumes, packages, installed)


def export_course(
    services: Services,
    course_id: str,
    dest: Path,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> ExportResult:
    """Copy an installed course to a stick as a verified .zip (checks free space first)."""
    from player.core.usb import export_course as core_export

    with services.separate_context() as ctx:
        return core_export(ctx, course_id, dest, progress=progress, cancel=cancel)


# --------------------------------------------------------------------------- sync


@dataclass(frozen=True)
class SyncDetails:
    """What ``course-player sync --status`` prints, for the Sync details dialog."""

    status: SyncStatus
    problems: list[Problem]
    endpoint: str | None


def sync_details(services: Services) -> SyncDetails:
    from player.core.errors import PlayerError
    from player.core.sync.config import SyncSettings
    from player.core.sync.outbox import problems
    from player.core.sync.service import sync_status

    db = services.context.db
    try:
        endpoint = SyncSettings.load(services.data.settings).endpoint
    except PlayerError:  # a bad endpoint is reported by Settings, not here
        endpoint = None
    return SyncDetails(sync_status(db), problems(db), endpoint)
