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

``write_csv`` is the one CSV writer: the dashboard's export button and
``course-player progress --csv`` both call it, and every cell goes through ``csv_cell``: text
that a spreadsheet would read as a formula (OWASP's CSV-injection rule: a first character of
``=``, ``+``, ``-``, ``@``, tab or carriage return) is prefixed with ``'``. A learner's name
comes from any progress file, so ``=HYPERLINK(...)`` must stay text.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from typing import IO, Any, cast

from player.core.context import Context
from player.core.errors import LearningError
from player.core.learning import progress_report
from player.core.learning.completion import History, lesson_status, required
from player.core.learning.learners import Learner, list_learners
from player.core.learning.state import LessonState, ModuleState, ModuleStatus
from player.core.package.manifest import Manifest
from player.core.sync.merge import course_version
from player.core.sync.statements import (
    ACCOUNT_HOME_PAGE,
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


def write_csv(rows: Iterable[DashboardRow], stream: IO[str]) -> int:
    """The progress table as CSV with a header (also for an empty table); returns row count."""
    writer = csv.DictWriter(stream, fieldnames=DashboardRow.columns(), lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        values = row.as_dict()
        if values["best_quiz_score"] is not None:
            values["best_quiz_score"] = round(values["best_quiz_score"], 4)
        writer.writerow({key: csv_cell(value) for key, value in values.items()})
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
    if not isinstance(duration, str):
        return 0.0
    try:
        return duration_seconds(duration)
    except ValueError:
        return 0.0


def _latest(*moments: str | None) -> str | None:
    present = [m for m in moments if m]
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
    found: dict[tuple[str, str], _Imported] = {}
    query = (
        "SELECT learner_id, course_id, event, statement FROM outbox"
        " WHERE origin = 'import' AND statement IS NOT NULL ORDER BY seq"
    )
    for row in ctx.db.query(query):
        manifest = manifests.get(row["course_id"] or "")
        if manifest is None:
            continue
        try:
            statement = json.loads(row["statement"])
            event = json.loads(row["event"])
        except (TypeError, ValueError):
            continue
        key = actor_key(statement.get("actor") or {})
        scope, item = event.get("scope"), event.get("item_id")
        if key is None or scope is None or item is None:
            continue
        if (course_version(statement) or 0) > manifest.version:
            continue  # about content this laptop does not have (as import_progress's merge)
        facts = found.setdefault((key, manifest.id), _Imported())
        facts.name = facts.name or statement["actor"].get("name")
        if isinstance(event.get("imported_from"), str):
            facts.files.add(event["imported_from"])
        facts.learner_id = row["learner_id"] or facts.learner_id
        verb = statement.get("verb", {}).get("id")
        at = statement.get("timestamp")
        result = statement.get("result") or {}
        if scope == "lesson":
            module = manifest.module_of(item)
            module_id = module.id if module else ""
            facts.touched.add(item)
            if verb != VERB_TERMINATED:  # a video session's time is in its completion too
                facts.time[item] += iso_seconds(result.get("duration"))
            scaled = (result.get("score") or {}).get("scaled")
            if isinstance(scaled, int | float):
                facts.best[item] = max(facts.best.get(item, 0.0), float(scaled))
            if verb == VERB_PASSED and result.get("success") is not False:
                facts.passed.add(item)
            elif verb == VERB_COMPLETED:
                lesson = manifest.lesson(item)
                if lesson is not None and lesson.type == "survey":
                    facts.answered.add(item)
                facts.completed[("lesson", item)] = at
            elif result.get("response") is not None:
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


def _sync_states(
    ctx: Context, learners: dict[int, Learner]
) -> dict[tuple[str, str], dict[str, int]]:
    """(learner key, course id) -> outbox state counts."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in ctx.db.query(
        "SELECT learner_id, course_id, state, statement, origin FROM outbox"
        " WHERE course_id IS NOT NULL"
    ):
        key: str | None = None
        if row["learner_id"] in learners:
            learner = learners[row["learner_id"]]
            key = learner_key(learner.email, learner.uuid)
        elif row["statement"]:
            try:
                key = actor_key(json.loads(row["statement"]).get("actor") or {})
            except ValueError:
                key = None
        if key is not None:
            counts[(key, row["course_id"])][row["state"]] += 1
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
    sync = _sync_states(ctx, learners)
    imported = _imported(ctx, by_id)
    rows: list[DashboardRow] = []
    for manifest in manifests:
        activity = _local_activity(ctx, manifest)
        done = _completions(ctx, manifest.id)
        for report in progress_report(ctx.db, [manifest], learners.values()):
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
