"""Issue 15 for the trainer: the readable CSV, the placeholder profile, time spent by USB."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.cli import main
from player.core.context import Context
from player.core.learning import add_time_spent, create_learner, record_reading
from player.core.learning.learners import ensure_default_learner
from player.core.learning.time_report import report_time_spent
from player.core.package.pack import pack
from player.core.sync.progress_files import export_progress
from player.core.sync.service import activity_bases, manifests_of
from player.core.trainer_table import CsvStyle, clock_time, dashboard_table, write_csv
from tests.core.learning_fixtures import take_quiz, watch_video
from tests.core.test_trainer_table import ALL_RIGHT, import_file, laptop
from tests.helpers.courses import write_source

FRENCH = {
    "Course": "Cours",
    "Learner": "Apprenant",
    "Module": "Module",
    "Time spent": "Temps passé",
    "Course complete": "Cours terminé",
    "Best quiz score": "Meilleur score au quiz",
    "Yes": "Oui",
    "No": "Non",
    "complete": "terminé",
}


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Context, Context]]:
    """A learner's laptop and the trainer's, with the same course installed."""
    package = pack(write_source(tmp_path / "src"), tmp_path / "course.zip").dest
    learner, trainer = laptop(tmp_path, "learner", package), laptop(tmp_path, "trainer", package)
    try:
        yield learner, trainer
    finally:
        learner.close()
        trainer.close()


def test_readable_csv_in_french_for_a_spreadsheet(pair: tuple[Context, Context]) -> None:
    ctx, _ = pair
    course = ctx.manifest("test-course")
    ana = create_learner(ctx.db, '=HYPERLINK("http://x")').id
    watch_video(ctx.db, ana, course, "m1-intro")
    record_reading(ctx.db, ana, course, "m1-read", elapsed=3725, at_end=True)
    take_quiz(ctx.db, ana, course, "m1-quiz", ALL_RIGHT)
    out = io.StringIO()
    style = CsvStyle(translate=lambda text: FRENCH.get(text, text), decimal_comma=True)
    assert write_csv(dashboard_table(ctx), out, style) == 2
    text = out.getvalue()
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    first = rows[0]
    assert first["Cours"] == course.title and first["Module"] == course.modules[0].title
    assert first["Apprenant"] == '\'=HYPERLINK("http://x")'  # csv_cell: stays text
    assert first["Cours terminé"] == "Non"
    assert first["Meilleur score au quiz"] == "100%"
    assert first["Temps passé"].startswith("1:02:")  # h:mm:ss, hours kept
    assert rows[1]["Meilleur score au quiz"] == "" and rows[1]["Temps passé"] == "0:00:00"
    assert "False" not in text and "complete" not in text.split("\r\n", 1)[1]


def test_readable_csv_without_decimal_comma_uses_commas(pair: tuple[Context, Context]) -> None:
    ctx, _ = pair
    out = io.StringIO()
    write_csv([], out, CsvStyle())
    assert out.getvalue().startswith("\ufeffCourse,Course version,Learner,")


def test_clock_time_keeps_hours() -> None:
    assert clock_time(225) == "0:03:45" and clock_time(3725.04) == "1:02:05"
    assert clock_time(59.96) == "0:01:00"


def test_progress_csv_command_is_readable_and_raw_on_request(
    pair: tuple[Context, Context],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ctx, _ = pair
    create_learner(ctx.db, "Ana", email="ana@example.org")
    monkeypatch.setenv("COURSE_PLAYER_HOME", str(ctx.data.root))
    monkeypatch.setattr("player.cli.learning._decimal_comma", lambda: True)
    assert main(["progress", "--csv", "--course", "test-course"]) == 0
    readable = capsys.readouterr().out
    assert readable.startswith("\ufeffCourse;Course version;Learner;")
    assert ";No;" in readable
    assert main(["progress", "--csv", "--raw", "--course", "test-course"]) == 0
    assert capsys.readouterr().out.startswith("learner_key,learner_name,")


def test_the_placeholder_profile_counts_once_it_has_progress(pair: tuple[Context, Context]) -> None:
    ctx, _ = pair
    course = ctx.manifest("test-course")
    placeholder = ensure_default_learner(ctx.db, "Apprenant")
    create_learner(ctx.db, "Ana")
    assert {r.learner_name for r in dashboard_table(ctx)} == {"Ana"}
    record_reading(ctx.db, placeholder.id, course, "m1-read", elapsed=5)
    assert {r.learner_name for r in dashboard_table(ctx)} == {"Ana", "Apprenant"}


def test_time_spent_survives_the_usb_round_trip(
    pair: tuple[Context, Context], tmp_path: Path
) -> None:
    """Reading again, a quiz screen between attempts: the trainer sees the laptop's time."""
    ctx, trainer = pair
    course = ctx.manifest("test-course")
    ana = create_learner(ctx.db, "Ana").id
    watch_video(ctx.db, ana, course, "m1-intro")
    record_reading(ctx.db, ana, course, "m1-read", elapsed=30, at_end=True)
    record_reading(ctx.db, ana, course, "m1-read", elapsed=75)  # read again: after completion
    add_time_spent(ctx.db, ana, course, "m1-quiz", 40)  # on the quiz screen, no attempt open
    take_quiz(ctx.db, ana, course, "m1-quiz", ALL_RIGHT)
    here = {r.module_id: r.time_spent_s for r in dashboard_table(ctx)}

    manifests = manifests_of(ctx)
    assert report_time_spent(ctx.db, manifests) >= 2
    assert report_time_spent(ctx.db, manifests) == 0  # nothing new: nothing written
    stick = tmp_path / "progress.jsonl"
    export_progress(ctx.db, stick, activity_bases(manifests))
    import_file(trainer, stick)
    there = {r.module_id: r.time_spent_s for r in dashboard_table(trainer)}
    assert {m: clock_time(t) for m, t in there.items()} == {
        m: clock_time(t) for m, t in here.items()
    }
    assert here["m1"] >= 145
