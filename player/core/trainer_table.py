"""The trainer's workshop dashboard: learners × modules, merged from every laptop (no Qt).

Rows come from two places:

- learners known here: the learning engine's ``progress_report`` (its rules decide state, lessons
  done, best score and time), plus the last activity read from the progress tables;
- learners known only from imported ``export-progress`` files (laptops that never go online):
  their xAPI statements, queued once each by ``import_progress`` (deduplicated by statement id,
  so a file imported twice counts once) with their fields in ``imported_statements``
  (``player/core/sync/imported_statements.py``), are summed per learner and item by SQLite,
  then folded into the engine's own ``LessonState`` /
  ``ModuleState`` so the module figures follow the same rules. Module and course completion
  are derived from the lessons, as ``learning.state`` does (all required lessons done, the
  module before complete under sequential gating): a "completed" statement about a module or
  a course counts only for its date, never as the completion itself, so a forged file cannot
  make a course complete. What a statement cannot tell (whether an untouched module is
  locked) shows as ``not_reported``.

Every row says which imported files its learner's statements came from (``imported_from``).
Times read from imported statements are in UTC, written as this app writes its own.

A learner is identified across laptops as the xAPI actor is: ``mailto:<e-mail>`` when an e-mail
is known, else ``account:<uuid>``. Sync state is per learner × course, from the outbox.

The placeholder profile the app creates on first start (the first learner, without e-mail or
PIN) is not a learner of a course until it has progress in it: it has no rows there.

``write_csv`` is the one CSV writer: the dashboard's export button and
``course-player progress --csv`` both call it, and every cell goes through ``csv_cell``: text
that a spreadsheet would read as a formula (OWASP's CSV-injection rule: a first character of
``=``, ``+``, ``-``, ``@``, tab or carriage return) is prefixed with ``'``. A learner's name
comes from any progress file, so ``=HYPERLINK(...)`` must stay text. It writes two forms:

- raw (``progress --csv --raw``): the ``DashboardRow`` fields as they are, for scripts;
- readable (``CsvStyle``): headers and values in the UI language (the UI passes its translator
  for the ``DashboardCsv`` texts below), times as h:mm:ss, Yes/No, scores in %, dates in local
  time, a UTF-8 BOM (Excel reads UTF-8 only with it), and ``;`` between cells when the
  locale writes decimals with a comma (French Excel and LibreOffice split on ``;`` then).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import IO, Any, cast

from player.core.context import Context
from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.learning import progress_report
from player.core.learning.completion import History, lesson_status, required
from player.core.learning.learners import Learner, list_learners
from player.core.learning.state import LessonState, ModuleState, ModuleStatus
from player.core.package.manifest import Manifest
from player.core.sync.imported_statements import actor_key, fill_backlog
from player.core.sync.statements import (
    VERB_COMPLETED,
    VERB_PASSED,
    VERB_SATISFIED,
    VERB_TERMINATED,
)

NOT_REPORTED = "not_reported"


@dataclass(frozen=True)
class DashboardRow:
    learner_key: str  # mailto:<e-mail> or account:<uuid>, the same on every laptop
    learner_name: str
    learner_id: int | None  # None: known only from imported progress
    source: str  # "here" or "imported"
    course_id: str
    course_version: int
    course_title: str
    module_id: str
    module_title: str
    state: str  # locked, open, complete; not_reported for imported learners
    lessons_done: int
    lessons_total: int
    best_quiz_score: float | None  # 0..1
    time_spent_s: float
    last_activity: str | None  # ISO 8601 UTC
    module_completed_at: str | None
    course_complete: bool
    sync_state: str  # nothing, waiting, all_sent, problem
    sync_waiting: int
    imported_from: str = ""  # the progress files this learner × course was imported from ("; ")

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def as_dict(self) -> dict[str, Any]:
        """The fields by name (all of them plain values: no ``asdict`` deep copy needed)."""
        return {name: getattr(self, name) for name in _ROW_COLUMNS}


_ROW_COLUMNS = DashboardRow.columns()

#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value safe to put in a CSV cell: text a spreadsheet would evaluate gets a ``'`` first.

    Numbers we compute stay numbers; only text (names, titles, ids: anything a file or package
    may have written) is escaped. Every CSV writer of the app goes through this function.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


#: The readable CSV's columns and headers, in order (translated by the UI, context DashboardCsv).
CSV_HEADERS: dict[str, str] = {
    "course_title": QT_TRANSLATE_NOOP("DashboardCsv", "Course"),
    "course_version": QT_TRANSLATE_NOOP("DashboardCsv", "Course version"),
    "learner_name": QT_TRANSLATE_NOOP("DashboardCsv", "Learner"),
    "learner_key": QT_TRANSLATE_NOOP("DashboardCsv", "Learner identifier"),
    "module_title": QT_TRANSLATE_NOOP("DashboardCsv", "Module"),
    "state": QT_TRANSLATE_NOOP("DashboardCsv", "State"),
    "lessons_done": QT_TRANSLATE_NOOP("DashboardCsv", "Lessons done"),
    "lessons_total": QT_TRANSLATE_NOOP("DashboardCsv", "Lessons in the module"),
    "best_quiz_score": QT_TRANSLATE_NOOP("DashboardCsv", "Best quiz score"),
    "time_spent_s": QT_TRANSLATE_NOOP("DashboardCsv", "Time spent"),
    "last_activity": QT_TRANSLATE_NOOP("DashboardCsv", "Last activity"),
    "module_completed_at": QT_TRANSLATE_NOOP("DashboardCsv", "Module completed on"),
    "course_complete": QT_TRANSLATE_NOOP("DashboardCsv", "Course complete"),
    "sync_state": QT_TRANSLATE_NOOP("DashboardCsv", "Sent"),
    "sync_waiting": QT_TRANSLATE_NOOP("DashboardCsv", "Results waiting to be sent"),
    "source": QT_TRANSLATE_NOOP("DashboardCsv", "Known from"),
    "imported_from": QT_TRANSLATE_NOOP("DashboardCsv", "Imported from"),
}
CSV_VALUES: dict[str, str] = {
    "yes": QT_TRANSLATE_NOOP("DashboardCsv", "Yes"),
    "no": QT_TRANSLATE_NOOP("DashboardCsv", "No"),
    "complete": QT_TRANSLATE_NOOP("DashboardCsv", "complete"),
    "open": QT_TRANSLATE_NOOP("DashboardCsv", "open"),
    "locked": QT_TRANSLATE_NOOP("DashboardCsv", "locked"),
    NOT_REPORTED: QT_TRANSLATE_NOOP("DashboardCsv", "not reported"),
    "nothing": QT_TRANSLATE_NOOP("DashboardCsv", "nothing to send"),
    "waiting": QT_TRANSLATE_NOOP("DashboardCsv", "waiting"),
    "all_sent": QT_TRANSLATE_NOOP("DashboardCsv", "all sent"),
    "problem": QT_TRANSLATE_NOOP("DashboardCsv", "refused by the server"),
    "here": QT_TRANSLATE_NOOP("DashboardCsv", "this computer"),
    "imported": QT_TRANSLATE_NOOP("DashboardCsv", "a progress file"),
}


@dataclass(frozen=True, slots=True)
class CsvStyle:
    """The readable CSV: ``translate`` turns a ``DashboardCsv`` text into the UI language."""

    translate: Callable[[str], str] = str
    decimal_comma: bool = False  # the locale writes 0,5: separate cells with ";"

    @property
    def separator(self) -> str:
        return ";" if self.decimal_comma else ","


def clock_time(seconds: float) -> str:
    """h:mm:ss, the form a spreadsheet reads as a duration (``format_duration`` drops hours)."""
    whole = int(round(seconds, 1))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def local_moment(moment: str | None) -> str:
    """An ISO UTC time as this computer's local date and time (``2026-12-06 14:05``)."""
    if not moment:
        return ""
    try:
        parsed = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    except ValueError:
        return moment
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone().strftime("%Y-%m-%d %H:%M")


def _readable(row: DashboardRow, style: CsvStyle) -> list[Any]:
    word = style.translate
    score = row.best_quiz_score
    cells: dict[str, Any] = {
        "course_title": row.course_title,
        "course_version": row.course_version,
        "learner_name": row.learner_name,
        "learner_key": row.learner_key,
        "module_title": row.module_title,
        "state": word(CSV_VALUES.get(row.state, row.state)),
        "lessons_done": row.lessons_done,
        "lessons_total": row.lessons_total,
        "best_quiz_score": "" if score is None else f"{round(score * 100)}%",
        "time_spent_s": clock_time(row.time_spent_s),
        "last_activity": local_moment(row.last_activity),
        "module_completed_at": local_moment(row.module_completed_at),
        "course_complete": word(CSV_VALUES["yes" if row.course_complete else "no"]),
        "sync_state": word(CSV_VALUES.get(row.sync_state, row.sync_state)),
        "sync_waiting": row.sync_waiting,
        "source": word(CSV_VALUES.get(row.source, row.source)),
        "imported_from": row.imported_from,
    }
    return [cells[column] for column in CSV_HEADERS]


def write_csv(rows: Iterable[DashboardRow], stream: IO[str], style: CsvStyle | None = None) -> int:
    """The progress table as CSV with a header (also for an empty table); returns row count.

    Without ``style``: the raw fields (``progress --csv --raw``). With it: the readable form.
    Either way every cell goes through ``csv_cell``.
    """
    count = 0
    if style is None:
        writer = csv.DictWriter(stream, fieldnames=DashboardRow.columns(), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            values = row.as_dict()
            if values["best_quiz_score"] is not None:
                values["best_quiz_score"] = round(values["best_quiz_score"], 4)
            writer.writerow({key: csv_cell(value) for key, value in values.items()})
            count += 1
        return count
    stream.write("\ufeff")  # the UTF-8 BOM: without it Excel reads the file as ANSI
    cells = csv.writer(stream, delimiter=style.separator, lineterminator="\r\n")
    cells.writerow([csv_cell(style.translate(header)) for header in CSV_HEADERS.values()])
    for row in rows:
        cells.writerow([csv_cell(value) for value in _readable(row, style)])
        count += 1
    return count


def learner_key(email: str | None, learner_uuid: str) -> str:
    return f"mailto:{email.strip().lower()}" if email else f"account:{learner_uuid}"


def _latest(*moments: str | None) -> str | None:
    present = [m for m in moments if m]
    if len(present) == 2 and len(present[0]) == len(present[1]) and present[0][-1] == "Z":
        return max(present)  # two UTC times written alike (ours): the text orders them

    return max(present, key=_sort_key) if present else None


def _sort_key(moment: str) -> datetime:
    try:
        return datetime.fromisoformat(moment.replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)


# --- facts gathered from the database ---------------------------------------------------------


@dataclass
class _Imported:
    """One learner × course known from imported statements."""

    name: str | None = None
    learner_id: int | None = None
    completed: dict[tuple[str, str], str] = field(default_factory=dict)  # (scope, id) -> at
    passed: set[str] = field(default_factory=set)
    answered: set[str] = field(default_factory=set)
    touched: set[str] = field(default_factory=set)
    best: dict[str, float] = field(default_factory=dict)
    time: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    last: dict[str, str] = field(default_factory=dict)  # module id (or "") -> latest timestamp
    files: set[str] = field(default_factory=set)  # the imported files the statements came from


def _imported(ctx: Context, manifests: dict[str, Manifest]) -> dict[tuple[str, str], _Imported]:
    """(learner key, course id) -> what the imported statements say, summed by SQLite.

    ``imported_statements`` holds the fields read from each statement at import; statements
    about a newer version of a course than the one installed are left out (as the import's
    merge leaves them). Three grouped queries per course, each in the table's key order:
    per learner (name, files, learner here), per item (time, best score, passed, answered,
    last moment) and the latest completion of each item.
    """
    found: dict[tuple[str, str], _Imported] = {}
    for manifest in manifests.values():
        of_course = {"course": manifest.id, "version": manifest.version}
        _imported_learners(ctx, manifest.id, of_course, found)
        completed = _imported_completions(ctx, manifest.id, of_course, found)
        _imported_items(ctx, manifest, of_course, found, completed)
    return found


_OF_COURSE = "FROM imported_statements WHERE course_id = :course AND course_version <= :version"


def _imported_learners(
    ctx: Context, course_id: str, of_course: dict[str, Any], found: dict[tuple[str, str], _Imported]
) -> None:
    """Each learner's name (the first given), files and learner here (the last one found)."""
    seen: dict[str, list[tuple[int, int, str | None, int | None]]] = defaultdict(list)
    for key, name, imported_from, learner_id, first, last in ctx.db.execute(
        "SELECT learner_key, learner_name, imported_from, learner_id, MIN(seq), MAX(seq)"
        f" {_OF_COURSE} GROUP BY learner_key, learner_name, imported_from, learner_id",
        of_course,
    ):
        facts = found.setdefault((key, course_id), _Imported())
        if imported_from is not None:
            facts.files.add(imported_from)
        seen[key].append((first, last, name, learner_id))
    for key, groups in seen.items():
        facts = found[(key, course_id)]
        names = [(first, name) for first, _last, name, _id in groups if name]
        facts.name = min(names)[1] if names else None
        ids = [(last, learner_id) for _first, last, _name, learner_id in groups if learner_id]
        facts.learner_id = max(ids)[1] if ids else None


def _imported_completions(
    ctx: Context, course_id: str, of_course: dict[str, Any], found: dict[tuple[str, str], _Imported]
) -> set[tuple[str, str]]:
    """The latest completion of each lesson, module and course (SQLite's ``MAX`` picks the row
    whose ``at`` is returned); returns the (learner key, lesson id) of completed lessons."""
    lessons: set[tuple[str, str]] = set()
    for key, scope, item, at, _seq in ctx.db.execute(
        f"SELECT learner_key, scope, item_id, at, MAX(seq) {_OF_COURSE}"
        " AND (verb = :completed OR (scope != 'lesson' AND verb = :satisfied))"
        " GROUP BY learner_key, scope, item_id",
        {**of_course, "completed": VERB_COMPLETED, "satisfied": VERB_SATISFIED},
    ):
        found[(key, course_id)].completed[(scope, item)] = at
        if scope == "lesson":
            lessons.add((key, item))
    return lessons


def _imported_items(
    ctx: Context,
    manifest: Manifest,
    of_course: dict[str, Any],
    found: dict[tuple[str, str], _Imported],
    completed: set[tuple[str, str]],
) -> None:
    """Per lesson: time (a video session's is in its completion too), best score, passed,
    answered; per module (or the course, ``""``): the last moment."""
    modules = {lesson.id: module.id for module in manifest.modules for lesson in module.lessons}
    passed = "verb = :passed AND success IS NOT 0"
    for key, scope, item, seconds, best, was_passed, responded, last in ctx.db.execute(
        "SELECT learner_key, scope, item_id,"
        " TOTAL(duration_s) FILTER (WHERE verb != :terminated), MAX(score),"
        f" MAX({passed}), MAX(responded AND verb != :completed AND NOT ({passed})), MAX(at)"
        f" {_OF_COURSE} GROUP BY learner_key, scope, item_id",
        {
            **of_course,
            "passed": VERB_PASSED,
            "completed": VERB_COMPLETED,
            "terminated": VERB_TERMINATED,
        },
    ):
        facts = found[(key, manifest.id)]
        if scope == "lesson":
            module_id = modules.get(item, "")
            facts.touched.add(item)
            facts.time[item] += seconds
            if best is not None:
                facts.best[item] = max(0.0, best)
            if was_passed:
                facts.passed.add(item)
            lesson = manifest.lesson(item)
            survey = lesson is not None and lesson.type == "survey"
            if responded or (survey and (key, item) in completed):
                facts.answered.add(item)
        else:
            module_id = item if scope == "module" else ""
        facts.last[module_id] = _latest(facts.last.get(module_id), last) or ""


def _local_activity(ctx: Context, manifest: Manifest) -> dict[tuple[int, str], str]:
    """(learner id, module id) -> latest activity, from the progress tables."""
    latest: dict[tuple[int, str], str] = {}
    sources = (
        "SELECT learner_id, lesson_id AS item, updated_at AS at FROM lesson_progress",
        "SELECT learner_id, lesson_id AS item, COALESCE(finished_at, started_at) AS at"
        " FROM quiz_attempts",
        "SELECT learner_id, lesson_id AS item, submitted_at AS at FROM survey_responses",
    )
    for sql in sources:
        for row in ctx.db.query(f"{sql} WHERE course_id = ?", [manifest.id]):
            module = manifest.module_of(row["item"])
            if module is None or not row["at"]:
                continue
            key = (row["learner_id"], module.id)
            latest[key] = _latest(latest.get(key), row["at"]) or row["at"]
    return latest


def _completions(ctx: Context, course_id: str) -> dict[tuple[int, str, str], str]:
    return {
        (row["learner_id"], row["scope"], row["item_id"]): row["completed_at"]
        for row in ctx.db.query(
            "SELECT learner_id, scope, item_id, completed_at FROM completions WHERE course_id = ?",
            [course_id],
        )
    }


def placeholder_learner(learners: Iterable[Learner]) -> Learner | None:
    """The profile the app made on first start, while it is still one: first, no e-mail, no PIN."""
    first = min(learners, key=lambda learner: learner.id, default=None)
    if first is None or first.email or first.has_pin:
        return None
    return first


def _has_progress(ctx: Context, learner_id: int, course_id: str) -> bool:
    """Whether the learner did anything in the course (a lesson opened, a quiz, a survey)."""
    return (
        ctx.db.execute(
            "SELECT EXISTS (SELECT 1 FROM lesson_progress WHERE learner_id = :l AND course_id = :c)"
            " OR EXISTS (SELECT 1 FROM quiz_attempts WHERE learner_id = :l AND course_id = :c)"
            " OR EXISTS (SELECT 1 FROM survey_responses WHERE learner_id = :l AND course_id = :c)"
            " OR EXISTS (SELECT 1 FROM outbox WHERE learner_id = :l AND course_id = :c)",
            {"l": learner_id, "c": course_id},
        ).fetchone()[0]
        == 1
    )


def _sync_states(
    ctx: Context, learners: dict[int, Learner], course_ids: list[str]
) -> dict[tuple[str, str], dict[str, int]]:
    """(learner key, course id) -> outbox state counts, for the courses shown.

    A row's learner is the learner here it belongs to, else the actor its import recorded in
    ``imported_statements``; only a row of neither (its learner removed since) has its
    statement's actor read.
    """
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    marks = ", ".join("?" for _ in course_ids)
    local = {i: learner_key(learner.email, learner.uuid) for i, learner in learners.items()}
    unnamed = 0  # rows of no learner here and no import: their learner was removed since
    for learner_id, course_id, state, imported_key, count in ctx.db.execute(
        "SELECT o.learner_id, o.course_id, o.state, i.learner_key, COUNT(*)"
        " FROM outbox AS o LEFT JOIN imported_statements AS i ON i.seq = o.seq"
        f" WHERE o.course_id IN ({marks})"
        " GROUP BY o.learner_id, o.course_id, o.state, i.learner_key",
        course_ids,
    ):
        key = local.get(learner_id) or imported_key
        if key is not None:
            counts[(key, course_id)][state] += count
        elif learner_id is None:
            unnamed += count
    if not unnamed:
        return counts
    for course_id, state, actor, count in ctx.db.execute(
        "SELECT course_id, state, json_extract(statement, '$.actor') AS actor, COUNT(*)"
        f" FROM outbox AS o WHERE course_id IN ({marks}) AND learner_id IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM imported_statements AS i WHERE i.seq = o.seq)"
        " AND statement IS NOT NULL AND json_valid(statement)"
        " GROUP BY course_id, state, actor",
        course_ids,
    ):
        key = actor_key(json.loads(actor)) if actor is not None else None
        if key is not None:
            counts[(key, course_id)][state] += count
    return counts


def _sync_summary(counts: dict[str, int] | None) -> tuple[str, int]:
    if not counts:
        return "nothing", 0
    waiting = counts.get("pending", 0)
    if counts.get("quarantined", 0) or counts.get("conflict", 0):
        return "problem", waiting
    return ("waiting" if waiting else "all_sent"), waiting


# --- the table --------------------------------------------------------------------------------


def installed_courses(ctx: Context) -> list[tuple[str, str]]:
    """(id, title) of the installed courses, in the table's order: the dashboard's course list,
    from what the install stored (no manifest is read)."""
    return [
        (row["id"], row["title"])
        for row in ctx.db.query("SELECT id, title FROM courses ORDER BY title, id")
    ]


def installed_manifests(ctx: Context, course_id: str | None = None) -> list[Manifest]:
    if course_id is not None:
        if ctx.course_row(course_id) is None:
            raise LearningError(f"No course {course_id!r} is installed.")
        return [ctx.manifest(course_id)]
    return [
        ctx.manifest(row["id"]) for row in ctx.db.query("SELECT id FROM courses ORDER BY title, id")
    ]


def dashboard_table(ctx: Context, course_id: str | None = None) -> list[DashboardRow]:
    """Every learner (here or imported) × module of the installed courses (or one course)."""
    fill_backlog(ctx.db)  # statements imported before m016_imported_statements, once
    manifests = installed_manifests(ctx, course_id)
    by_id = {m.id: m for m in manifests}
    learners = {learner.id: learner for learner in list_learners(ctx.db)}
    sync = _sync_states(ctx, learners, list(by_id))
    imported = _imported(ctx, by_id)
    placeholder = placeholder_learner(learners.values())
    rows: list[DashboardRow] = []
    for manifest in manifests:
        activity = _local_activity(ctx, manifest)
        done = _completions(ctx, manifest.id)
        counted = [
            learner
            for learner in learners.values()
            if learner is not placeholder or _has_progress(ctx, learner.id, manifest.id)
        ]
        for report in progress_report(ctx.db, [manifest], counted):
            learner = learners[report.learner_id]
            key = learner_key(learner.email, learner.uuid)
            extra = imported.get((key, manifest.id))
            state, waiting = _sync_summary(sync.get((key, manifest.id)))
            last = activity.get((learner.id, report.module_id))
            if extra is not None:
                last = _latest(last, extra.last.get(report.module_id))
            rows.append(
                DashboardRow(
                    learner_key=key,
                    learner_name=learner.name,
                    learner_id=learner.id,
                    source="here",
                    course_id=manifest.id,
                    course_version=manifest.version,
                    course_title=manifest.title,
                    module_id=report.module_id,
                    module_title=report.module_title,
                    state=report.state,
                    lessons_done=report.lessons_done,
                    lessons_total=report.lessons_total,
                    best_quiz_score=report.best_quiz_score,
                    time_spent_s=report.time_spent_s,
                    last_activity=last,
                    module_completed_at=done.get((learner.id, "module", report.module_id)),
                    course_complete=report.course_complete,
                    sync_state=state,
                    sync_waiting=waiting,
                    imported_from=_files(extra),
                )
            )
    remote = sorted(
        ((key, cid), facts)
        for (key, cid), facts in imported.items()
        if facts.learner_id is None or facts.learner_id not in learners
    )
    for (key, cid), facts in remote:
        rows.extend(_imported_rows(key, by_id[cid], facts, sync.get((key, cid))))
    order = {m.id: i for i, m in enumerate(manifests)}
    rows.sort(key=lambda r: (order[r.course_id], r.learner_name.casefold(), r.learner_key))
    return rows


def _imported_rows(
    key: str, manifest: Manifest, facts: _Imported, sync: dict[str, int] | None
) -> list[DashboardRow]:
    # The statements as the history the learning engine's rules read (``completion``).
    history = History(
        progress={
            lesson_id: {"completed_at": ("lesson", lesson_id) in facts.completed}
            for lesson_id in facts.touched
        },
        passes=facts.passed,
        best=facts.best,
        attempts={},
        open_attempts=set(),
        surveys=facts.answered,
        completions=set(facts.completed),
    )
    modules: list[ModuleState] = []
    for module in manifest.modules:
        lessons = []
        for lesson in module.lessons:
            lessons.append(
                LessonState(
                    lesson_id=lesson.id,
                    title=lesson.title,
                    type=lesson.type,
                    status=lesson_status(history, lesson.id, lesson.type),
                    required=required(lesson.type),
                    time_spent=facts.time.get(lesson.id, 0.0),
                    best_score=facts.best.get(lesson.id),
                    passed=lesson.id in facts.passed,
                )
            )
        accessible = manifest.gating == "open" or not modules or modules[-1].status == "complete"
        met = all(les.status == "complete" for les in lessons if les.required)
        module_status = cast(
            ModuleStatus,
            "complete"
            if accessible and met
            else "open"
            if any(les.status != "not_started" for les in lessons)
            else NOT_REPORTED,
        )
        modules.append(ModuleState(module.id, module.title, module_status, tuple(lessons)))
    course_complete = all(m.status == "complete" for m in modules)
    state, waiting = _sync_summary(sync)
    name = facts.name or key.split(":", 1)[1]
    return [
        DashboardRow(
            learner_key=key,
            learner_name=name,
            learner_id=None,
            source="imported",
            course_id=manifest.id,
            course_version=manifest.version,
            course_title=manifest.title,
            module_id=m.module_id,
            module_title=m.title,
            state=m.status,
            lessons_done=m.lessons_done,
            lessons_total=m.lessons_total,
            best_quiz_score=m.best_quiz_score,
            time_spent_s=round(m.time_spent, 1),
            last_activity=facts.last.get(m.module_id) or None,
            module_completed_at=(
                facts.completed.get(("module", m.module_id)) if m.status == "complete" else None
            ),
            course_complete=course_complete,
            sync_state=state,
            sync_waiting=waiting,
            imported_from=_files(facts),
        )
        for m in modules
    ]


def _files(facts: _Imported | None) -> str:
    return "; ".join(sorted(facts.files)) if facts is not None else ""


# --- chart and per-learner summary -------------------------------------------------------------


@dataclass(frozen=True)
class ModuleBar:
    course_id: str
    module_id: str
    title: str
    learners: int
    completed: int
    average_best_score: float | None  # over learners with a score


def module_chart(rows: Iterable[DashboardRow]) -> list[ModuleBar]:
    """Per module: how many learners completed it and their average best quiz score."""
    grouped: dict[tuple[str, str], list[DashboardRow]] = {}
    for row in rows:
        grouped.setdefault((row.course_id, row.module_id), []).append(row)
    bars = []
    for (course_id, module_id), group in grouped.items():
        scores = [r.best_quiz_score for r in group if r.best_quiz_score is not None]
        bars.append(
            ModuleBar(
                course_id,
                module_id,
                group[0].module_title,
                learners=len({r.learner_key for r in group}),
                completed=len({r.learner_key for r in group if r.state == "complete"}),
                average_best_score=sum(scores) / len(scores) if scores else None,
            )
        )
    return bars


@dataclass(frozen=True)
class LearnerSummary:
    learner_name: str
    learner_key: str
    course_id: str
    course_title: str
    course_version: int
    modules: tuple[DashboardRow, ...]
    course_complete: bool
    course_completed_at: str | None
    generated_at: str

    @property
    def modules_completed(self) -> int:
        return sum(1 for m in self.modules if m.state == "complete")

    @property
    def time_spent_s(self) -> float:
        return sum(m.time_spent_s for m in self.modules)

    @property
    def last_activity(self) -> str | None:
        return _latest(*(m.last_activity for m in self.modules))


def learner_summary(ctx: Context, learner: str, course_id: str) -> LearnerSummary:
    """One learner's rows for one course (by name, case-insensitive, or learner key or id)."""
    rows = dashboard_table(ctx, course_id)
    wanted = " ".join(learner.split()).casefold()
    mine = [
        r
        for r in rows
        if r.learner_name.casefold() == wanted
        or r.learner_key.casefold() == wanted
        or (r.learner_id is not None and str(r.learner_id) == wanted)
    ]
    keys = {r.learner_key for r in mine}
    if not mine:
        raise LearningError(f"No learner {learner!r} in the progress of {course_id}.")
    if len(keys) > 1:
        raise LearningError(
            f"{len(keys)} learners are named {learner!r}; give one of: {', '.join(sorted(keys))}."
        )
    first = mine[0]
    completed_at = None
    if first.learner_id is not None:
        completed_at = _completions(ctx, course_id).get((first.learner_id, "course", course_id))
    elif first.course_complete:
        completed_at = _latest(*(r.module_completed_at for r in mine))
    return LearnerSummary(
        learner_name=first.learner_name,
        learner_key=first.learner_key,
        course_id=course_id,
        course_title=first.course_title,
        course_version=first.course_version,
        modules=tuple(mine),
        course_complete=first.course_complete,
        course_completed_at=completed_at,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    )
