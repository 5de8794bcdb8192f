"""The trainer's workshop dashboard: learners × modules, merged from every laptop (no Qt).

Rows come from two places:

- learners known here: the learning engine's ``progress_report`` (its rules decide state, lessons
  done, best score and time), plus the last activity read from the progress tables;
- learners known only from imported ``export-progress`` files (laptops that never go online):
  their xAPI statements, queued once each by ``import_progress`` (deduplicated by statement id,
  so a file imported twice counts once), are folded into the engine's own ``LessonState`` /
  ``ModuleState`` so the module figures follow the same rules. Module and course completion
  are derived from the lessons, as ``learning.state`` does (all required lessons done, the
  module before complete under sequential gating): a "completed" statement about a module or
  a course counts only for its date, never as the completion itself, so a forged file cannot
  make a course complete. What a statement cannot tell (whether an untouched module is
  locked) shows as ``not_reported``.

Every row says which imported files its learner's statements came from (``imported_from``).

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
import functools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from typing import IO, Any, cast

from player.core.context import Context
from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.learning import progress_report
from player.core.learning.completion import History, lesson_status, required
from player.core.learning.learners import Learner, list_learners
from player.core.learning.state import LessonState, ModuleState, ModuleStatus
from player.core.package.manifest import Manifest
from player.core.sync.statements import (
    ACCOUNT_HOME_PAGE,
    EXT_COURSE_VERSION,
    VERB_COMPLETED,
    VERB_PASSED,
    VERB_SATISFIED,
    VERB_TERMINATED,
    duration_seconds,
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
        return asdict(self)


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


def actor_key(actor: dict[str, Any]) -> str | None:
    mbox = actor.get("mbox")
    if isinstance(mbox, str) and mbox.startswith("mailto:"):
        return "mailto:" + mbox[len("mailto:") :].strip().lower()
    account = actor.get("account")
    if isinstance(account, dict) and account.get("name"):
        home = account.get("homePage")
        name = str(account["name"])
        return f"account:{name}" if home == ACCOUNT_HOME_PAGE else f"account:{home}/{name}"
    return None


def iso_seconds(duration: Any) -> float:
    """Seconds in an xAPI ISO 8601 duration (``PT1M3.5S``); 0 when absent or malformed."""
    return _duration(duration) if isinstance(duration, str) else 0.0


@functools.lru_cache(maxsize=4096)  # a workshop's durations repeat ("PT30S")
def _duration(text: str) -> float:
    try:
        return duration_seconds(text)
    except ValueError:
        return 0.0


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


#: The fields of an imported statement the dashboard reads, in one ``json_extract`` call per
#: column (SQLite parses the statement once, in C, and returns a small JSON array) instead of
#: ``json.loads`` of every whole statement: 55,000 statements take a fraction of the time. The
#: array keeps JSON's types, so ``true`` is not 1 and a missing field is ``null``.
_STATEMENT_PATHS = (
    "$.actor.mbox",
    "$.actor.account.homePage",
    "$.actor.account.name",
    "$.actor.name",
    "$.verb.id",
    "$.timestamp",
    "$.result.duration",
    "$.result.score.scaled",
    "$.result.success",
    "$.result.response",
    "$.context.revision",
    f'$.context.extensions."{EXT_COURSE_VERSION}"',
)
_ACTOR_PATHS = "'$.actor.mbox', '$.actor.account.homePage', '$.actor.account.name'"


def _paths(paths: Iterable[str]) -> str:
    return ", ".join("'" + path.replace("'", "''") + "'" for path in paths)


def _key_of(mbox: Any, home: Any, account: Any) -> str | None:
    """``actor_key`` of an actor's extracted ``mbox``, ``account.homePage``, ``account.name``."""
    if isinstance(mbox, str) and mbox.startswith("mailto:"):
        return "mailto:" + mbox[len("mailto:") :].strip().lower()
    if account:
        name = str(account)
        return f"account:{name}" if home == ACCOUNT_HOME_PAGE else f"account:{home}/{name}"
    return None


def _version_of(revision: Any, extension: Any) -> int:
    """``merge.course_version`` of the extracted context fields (0: none)."""
    found = [0]
    if isinstance(revision, str) and revision.isdigit() and len(revision) < 19:
        found.append(int(revision))
    if isinstance(extension, int) and not isinstance(extension, bool):
        found.append(extension)
    return max(found)


def _imported(ctx: Context, manifests: dict[str, Manifest]) -> dict[tuple[str, str], _Imported]:
    found: dict[tuple[str, str], _Imported] = {}
    marks = ", ".join("?" for _ in manifests)
    query = (
        "SELECT learner_id, course_id,"
        " json_extract(event, '$.scope'), json_extract(event, '$.item_id'),"
        " json_extract(event, '$.imported_from'),"
        f" json_extract(statement, {_paths(_STATEMENT_PATHS)}) AS fields FROM outbox"
        f" WHERE origin = 'import' AND statement IS NOT NULL AND course_id IN ({marks})"
        " AND json_valid(statement) AND json_valid(event) ORDER BY seq"
    )
    loads = json.loads
    modules = {
        (course_id, lesson.id): module.id
        for course_id, manifest in manifests.items()
        for module in manifest.modules
        for lesson in module.lessons
    }
    rows = ctx.db.execute(query, list(manifests))
    for learner_id, course_id, scope, item, imported_from, statement_fields in rows:
        manifest = manifests.get(course_id or "")
        if manifest is None:
            continue
        (mbox, home, account, name, verb, at, duration, scaled, success, response, revision,
         extension) = loads(statement_fields)  # fmt: skip
        key = _key_of(mbox, home, account)
        if key is None or scope is None or item is None:
            continue
        if _version_of(revision, extension) > manifest.version:
            continue  # about content this laptop does not have (as import_progress's merge)
        facts = found.setdefault((key, manifest.id), _Imported())
        facts.name = facts.name or name
        if isinstance(imported_from, str):
            facts.files.add(imported_from)
        facts.learner_id = learner_id or facts.learner_id
        if scope == "lesson":
            module_id = modules.get((course_id, item), "")
            facts.touched.add(item)
            if verb != VERB_TERMINATED:  # a video session's time is in its completion too
                facts.time[item] += iso_seconds(duration)
            if isinstance(scaled, int | float) and not isinstance(scaled, bool):
                facts.best[item] = max(facts.best.get(item, 0.0), float(scaled))
            if verb == VERB_PASSED and success is not False:
                facts.passed.add(item)
            elif verb == VERB_COMPLETED:
                lesson = manifest.lesson(item)
                if lesson is not None and lesson.type == "survey":
                    facts.answered.add(item)
                facts.completed[("lesson", item)] = at
            elif response is not None:
                facts.answered.add(item)
        else:
            module_id = item if scope == "module" else ""
            if verb in (VERB_SATISFIED, VERB_COMPLETED):  # completed: earlier versions
                facts.completed[(scope, item)] = at
        facts.last[module_id] = _latest(facts.last.get(module_id), at) or ""
    return found


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
    """(learner key, course id) -> outbox state counts, for the courses shown."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    marks = ", ".join("?" for _ in course_ids)
    local = {i: learner_key(learner.email, learner.uuid) for i, learner in learners.items()}
    for learner_id, course_id, state, actor in ctx.db.execute(
        "SELECT learner_id, course_id, state,"
        f" CASE WHEN statement IS NOT NULL AND json_valid(statement)"
        f" THEN json_extract(statement, {_ACTOR_PATHS}) END"
        f" FROM outbox WHERE course_id IN ({marks})",
        course_ids,
    ):
        key = local.get(learner_id)
        if key is None and actor is not None:
            key = _key_of(*json.loads(actor))
        if key is not None:
            counts[(key, course_id)][state] += 1
    return counts


def _sync_summary(counts: dict[str, int] | None) -> tuple[str, int]:
    if not counts:
        return "nothing", 0
    waiting = counts.get("pending", 0)
    if counts.get("quarantined", 0) or counts.get("conflict", 0):
        return "problem", waiting
    return ("waiting" if waiting else "all_sent"), waiting


# --- the table --------------------------------------------------------------------------------


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
