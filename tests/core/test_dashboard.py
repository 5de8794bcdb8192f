"""A scripted workshop: 3 learners on 2 laptops, laptop B's progress carried to A by USB."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.cli import main
from player.core.context import Context, open_context
from player.core.dashboard import (
    DashboardRow,
    dashboard_table,
    iso_seconds,
    learner_summary,
    module_chart,
    write_csv,
)
from player.core.errors import LearningError
from player.core.install import install, open_source
from player.core.learning import create_learner, record_reading
from player.core.package.pack import pack
from player.core.paths import DataDir
from player.core.sync.merge import CourseIndex
from player.core.sync.service import activity_bases, manifests_of
from player.core.sync.usb import export_progress, import_progress
from tests.core.learning_fixtures import take_quiz, watch_video
from tests.helpers.courses import write_source

ALL_RIGHT = {"q1": "b", "q2": ["a", "c"], "q3": True, "q4": "reformuler"}
HALF_RIGHT = {"q1": "b", "q2": ["b"], "q3": True, "q4": "non"}
ONE_RIGHT = {"q1": "a", "q2": ["b"], "q3": True, "q4": "non"}


def laptop(tmp_path: Path, name: str, package: Path) -> Context:
    ctx = open_context(DataDir(tmp_path / name), install_demo=False)
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
    assert main(["progress", "--csv", "--course", "test-course"]) == 0
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
