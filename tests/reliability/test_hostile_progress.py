"""Hostile progress files: forged, over-long or out-of-range, each given to ``import-progress``.

A progress file comes from a USB stick anyone may have written. For every case the real
``course-player import-progress FILE`` runs as a child process (address space capped at 1 GiB,
run time bounded) on a data folder where the test course is installed and Ana is a learner who
has done nothing yet. It must never print a traceback; its last line is the one-line summary,
whose counts are checked; a forged completion never reaches Ana's progress; a rejected line is
named by its number. The CSV case then runs ``course-player progress --csv``.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from player.core.context import open_context
from player.core.install import install, open_source
from player.core.learning import create_learner
from player.core.package.pack import pack
from player.core.paths import DataDir
from player.core.store.database import open_database
from player.core.sync import outbox
from player.core.sync.statements import EXT_COURSE_VERSION
from player.core.trainer_table import FORMULA_STARTS
from tests.helpers.courses import write_source
from tests.helpers.outbox import add_course, add_event, add_learner, event
from tests.reliability.harness import CliRun, record_outcome, run_cli

AREA = "Hostile progress files"
COURSE = "test-course"
MiB = 1024 * 1024


@dataclass
class Laptop:
    home: Path
    files: Path
    seeds: dict[str, dict[str, Any]]  # kind -> a genuine statement by Ana

    def write(self, name: str, lines: list[bytes]) -> Path:
        path = self.files / f"{name}.jsonl"
        path.write_bytes(b"".join(line + b"\n" for line in lines))
        return path

    def statement(
        self, kind: str, change: Callable[[dict[str, Any]], Any] = lambda _: None
    ) -> bytes:
        statement = json.loads(json.dumps(self.seeds[kind])) | {"id": str(uuid.uuid4())}
        change(statement)
        return json.dumps(statement, ensure_ascii=False).encode()

    def completions(self) -> int:
        with sqlite3.connect(DataDir(self.home).database) as db:
            return int(db.execute("SELECT COUNT(*) FROM completions").fetchone()[0])


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Laptop]:
    root = tmp_path_factory.mktemp("hostile-progress")
    package = pack(write_source(root / "src"), root / "course.zip").dest
    ctx = open_context(DataDir(root / "home"))
    source = open_source(str(package))
    try:
        install(ctx, source)
        ana = create_learner(ctx.db, "Ana", email="ana@example.org")
    finally:
        source.close()
        ctx.close()
    # Ana's genuine statements, as another laptop writes them
    other = open_database(root / "other.sqlite3")
    add_course(other, COURSE)
    learner, _ = add_learner(other, "Ana", "ana@example.org")
    course = {"course_id": COURSE, "module_id": "m1"}
    kinds = {
        "lesson": ("lesson_completed", {"lesson_id": "m1-intro"}),
        "quiz": ("quiz_attempted", {"lesson_id": "m1-quiz"}),
        "module": ("module_completed", {}),
        "course": ("course_completed", {}),
    }
    for kind, fields in kinds.values():
        add_event(other, learner, kind, event(ana.uuid, kind=kind, **course, **fields))
    outbox.freeze_pending(other, lambda _: None)
    rows = list(other.query("SELECT statement FROM outbox ORDER BY seq"))
    other.conn.close()
    seeds = {name: json.loads(row["statement"]) for name, row in zip(kinds, rows, strict=True)}
    (root / "files").mkdir()
    yield Laptop(root / "home", root / "files", seeds)


def import_file(laptop: Laptop, path: Path) -> tuple[CliRun, str]:
    run = run_cli(["import-progress", str(path)], laptop.home)
    assert "Traceback" not in run.stderr and 'File "' not in run.stderr, run.stderr
    lines = run.stderr.strip().splitlines()
    assert lines and lines[-1].startswith(f"{path}: "), run.stderr
    return run, lines[-1][len(f"{path}: ") :]


def record(fault: str, run: CliRun, summary: str, extra: str = "") -> None:
    """The exit status, each reported or rejected line (its reason), then the summary."""
    problems = [line.split(": ", 1)[1] for line in run.stderr.strip().splitlines()[:-1]]
    record_outcome(
        AREA,
        fault,
        result=" ".join([f"exit {run.returncode}:", *(f"{p}." for p in problems), summary, extra]),
        figures={"peak memory (MiB)": round(run.max_rss_mib)},
    )


def summary(lines: int, queued: int, merged: int, reported: int, rejected: int) -> str:
    return (
        f"{lines} line(s) read: {queued} new statement(s) queued for sync ({merged} merged into"
        f" local progress, {reported} not merged and reported), 0 already here,"
        f" {rejected} rejected."
    )


def test_forged_completions_are_reported_not_merged(laptop: Laptop) -> None:
    path = laptop.write(
        "forged-completions",
        [laptop.statement("course"), laptop.statement("module"), laptop.statement("lesson")],
    )
    run, text = import_file(laptop, path)
    assert run.returncode == 0 and text == summary(3, 3, 1, 2, 0)
    assert "course 'test-course' is not complete here" in run.stderr
    assert laptop.completions() == 0
    record("a course and a module 'completed' without their lessons", run, text)


def test_statements_about_unknown_lessons_are_reported(laptop: Laptop) -> None:
    def lesson(name: str) -> Callable[[dict[str, Any]], None]:
        def change(statement: dict[str, Any]) -> None:
            statement["object"]["id"] = statement["object"]["id"].rsplit("/", 1)[0] + "/" + name

        return change

    def newer(statement: dict[str, Any]) -> None:
        statement["context"].setdefault("extensions", {})[EXT_COURSE_VERSION] = 99

    lines = [
        laptop.statement("lesson", lesson("no-such-lesson")),
        laptop.statement("quiz", lesson("m1-read")),  # a reading "passed"
        laptop.statement("lesson", newer),
    ]
    run, text = import_file(laptop, laptop.write("unknown-lessons", lines))
    assert run.returncode == 0 and text == summary(3, 3, 0, 3, 0)
    record("an unknown lesson, a reading 'passed', a lesson of version 99", run, text)


def test_an_over_long_line_is_read_in_bounded_pieces(laptop: Laptop) -> None:
    path = laptop.files / "long-line.jsonl"
    with path.open("wb") as stream:
        stream.write(b'{"x": "')
        for _ in range(64):
            stream.write(b"x" * MiB)
        stream.write(b'"}\n' + laptop.statement("quiz") + b"\n")
    run, text = import_file(laptop, path)
    assert run.returncode == 1 and text == summary(2, 1, 1, 0, 1)
    assert f"{path}: line 1: line longer than 1 MB" in run.stderr
    assert run.max_rss_mib < 200, run.max_rss_mib
    record("a 64 MiB line without a line break, then a valid one", run, text)


def set_at(where: tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(statement: dict[str, Any]) -> None:
        parent = statement
        for key in where[:-1]:
            parent = parent.setdefault(key, {})
        parent[where[-1]] = value

    return change


VERSION = ("context", "extensions", EXT_COURSE_VERSION)
SCALED = ("result", "score", "scaled")
EXTENSION = ("result", "extensions", "https://x.example/n")


def nested(depth: int) -> Any:
    value: Any = 0
    for _ in range(depth - 1):
        value = [value]
    return value


#: (fault, statement kind, change, raw text replacing "@@", expected reason or None: accepted)
VALUES: list[tuple[str, str, Any, str | None, str | None]] = [
    ("course-version 10**30 on a module completion", "module", set_at(VERSION, 10**30), None,
     "out of range"),
    ("course-version -0", "quiz", set_at(VERSION, "@@"), "-0", "course-version extension"),
    ("score NaN", "quiz", set_at(SCALED, "@@"), "NaN", "NaN is not a JSON number"),
    ("score Infinity", "quiz", set_at(SCALED, "@@"), "Infinity", "Infinity is not a JSON number"),
    ("score 1e400", "quiz", set_at(SCALED, "@@"), "1e400", "out of range"),
    ("score -0.0", "quiz", set_at(SCALED, "@@"), "-0.0", None),
    ("2**64 in a result extension", "quiz", set_at(EXTENSION, 2**64), None, "out of range"),
    ("a 5,000-digit number", "quiz", set_at(EXTENSION, "@@"), "9" * 5000, "out of range"),
    ("duration PT + 400 nines + S", "quiz", set_at(("result", "duration"), "PT" + "9" * 400 + "S"),
     None, "result.duration"),
    ("a 100,000-character response", "quiz", set_at(("result", "response"), "x" * 100_000), None,
     "longer than 65,536"),
    ("a 300-character actor.name", "quiz", set_at(("actor", "name"), "A" * 300), None,
     "actor.name"),
    ("arrays nested 40 deep", "quiz", set_at(EXTENSION, nested(40)), None, "nested deeper"),
    ("arrays nested 100,000 deep", "quiz", set_at(EXTENSION, "@@"), "[" * 100_000 + "]" * 100_000,
     "not JSON that can be read here"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("fault", "kind", "change", "raw", "reason"), VALUES, ids=[v[0] for v in VALUES]
)
def test_out_of_range_values_are_rejected_lines(
    laptop: Laptop, fault: str, kind: str, change: Any, raw: str | None, reason: str | None
) -> None:
    line = laptop.statement(kind, change)
    if raw is not None:
        line = line.replace(b'"@@"', raw.encode())
    path = laptop.write(fault.replace(" ", "-").replace("*", "^"), [line])
    run, text = import_file(laptop, path)
    if reason is None:
        assert run.returncode == 0 and text == summary(1, 1, 1, 0, 0)
    else:
        assert run.returncode == 1 and text == summary(1, 0, 0, 0, 1)
        assert f"{path}: line 1: " in run.stderr and reason in run.stderr, run.stderr
    assert laptop.completions() == 0
    record(fault, run, text)


def test_csv_export_of_a_learner_named_like_a_formula(laptop: Laptop) -> None:
    formula = "=cmd|' /C calc'!A0"

    def stranger(statement: dict[str, Any]) -> None:
        statement["actor"] = {"mbox": "mailto:eve@example.org", "name": formula}

    path = laptop.write("formula-name", [laptop.statement("lesson", stranger)])
    run, text = import_file(laptop, path)
    assert run.returncode == 0
    export = run_cli(["progress", "--csv", "--course", COURSE], laptop.home)
    assert export.returncode == 0, export.stderr
    cells = [cell for row in csv.reader(io.StringIO(export.stdout)) for cell in row]
    assert "'" + formula in cells
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)
    record(
        "a learner named =cmd|' /C calc'!A0, then progress --csv",
        run,
        text,
        f"The CSV cell reads '{formula}",
    )
