"""``course-player learners`` and ``progress`` end to end, and a damaged database at open."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from player.cli import main
from player.core.context import open_context
from player.core.learning import find_learner, start_attempt, submit
from player.core.learning.quiz import answer
from player.core.package.manifest import Lesson
from player.core.paths import DataDir
from player.core.store.database import open_database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def correct_answers(quiz: Lesson) -> dict[str, Any]:
    return {q.id: list(q.answer) if q.kind == "multiple" else q.answer[0] for q in quiz.questions}


@pytest.fixture
def empty_home(home: Path) -> Path:
    """A data folder whose database exists (so no demo course is installed by the CLI)."""
    home.mkdir(parents=True)
    open_database(DataDir(home).database).conn.close()
    return home


def test_learners_add_and_list(empty_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "learners", "add", "Ana", "--email", "ana@example.org")
    assert code == 0 and "Added learner 'Ana'" in err
    assert run(capsys, "learners", "add", "Bob", "--language", "fr")[0] == 0
    code, out, _ = run(capsys, "learners", "list", "--json")
    listed = json.loads(out)
    assert [(r["name"], r["email"], r["language"], r["has_pin"]) for r in listed] == [
        ("Ana", "ana@example.org", None, False),
        ("Bob", None, "fr", False),
    ]
    code, out, _ = run(capsys, "learners", "list")
    assert out.splitlines()[0].split("\t")[:3] == ["1", "Ana", "ana@example.org"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["learners", "add", "Ana"], "already exists"),
        (["learners", "add", "Zoé", "--email", "zoe"], "not an e-mail"),
        (["progress", "--learner", "Nobody"], "no learner named 'Nobody'"),
        (["progress", "--course", "nope"], "No course 'nope' is installed"),
    ],
)
def test_bad_input_gives_one_line_and_changes_nothing(
    empty_home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    run(capsys, "learners", "add", "Ana")
    code, out, err = run(capsys, *argv)
    assert code != 0 and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert [r["name"] for r in json.loads(run(capsys, "learners", "list", "--json")[1])] == ["Ana"]


def test_pin_is_read_from_stdin_when_not_a_terminal(empty_home: Path) -> None:
    command = [sys.executable, "-m", "player", "learners", "add", "Ana", "--pin"]
    done = subprocess.run(command, input="2468\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    from player.core.learning import verify_pin

    db = open_database(DataDir(empty_home).database)
    ana = find_learner(db, "Ana")
    assert ana.has_pin and verify_pin(db, ana.id, "2468") and not verify_pin(db, ana.id, "1357")
    db.conn.close()
    bad = subprocess.run(
        command[:-2] + ["Bob", "--pin"], input="12\n", capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 1 and "4 to 8 digits" in bad.stderr


def test_progress_on_the_installed_demo_course(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "learners", "add", "Ana")[0] == 0  # first open installs the demo
    assert run(capsys, "learners", "add", "Bob")[0] == 0
    ctx = open_context()
    course_id = ctx.db.execute("SELECT id FROM courses").fetchone()[0]
    manifest = ctx.manifest(course_id)
    quiz = next(lesson for lesson in manifest.modules[0].lessons if lesson.type == "quiz")
    ana = find_learner(ctx.db, "Ana")
    attempt = start_attempt(ctx.db, ana.id, manifest, quiz.id)
    for question_id, value in correct_answers(quiz).items():
        answer(ctx.db, manifest, attempt.id, question_id, value)
    assert submit(ctx.db, manifest, attempt.id).score == 1.0
    ctx.close()

    code, out, _ = run(capsys, "progress", "--json", "--course", course_id)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2 * len(manifest.modules)
    first = next(r for r in rows if r["learner_name"] == "Ana" and r["module_id"] == "m1")
    assert first["best_quiz_score"] == 1.0 and first["state"] == "open"
    assert first["lessons_done"] == 1 and first["lessons_total"] >= 2

    code, out, _ = run(capsys, "progress", "--csv", "--raw", "--learner", "bob")
    table = list(csv.DictReader(io.StringIO(out)))
    assert {r["learner_name"] for r in table} == {"Bob"}
    assert [r["state"] for r in table][:2] == ["open", "locked"]
    assert table[0]["best_quiz_score"] == ""

    code, out, _ = run(capsys, "progress", "--learner", "Ana")
    assert code == 0 and out.splitlines()[0].split("\t")[4].startswith("1/")


def corrupt(path: Path, *, header: bool) -> None:
    """Damage a closed database file: its header, or the b-tree pages after the first."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 3 * 4096
    if header:
        data[0:100] = b"\x42" * 100
    else:
        for offset in range(4096, len(data), 4096):
            data[offset + 8 : offset + 4000] = bytes((i * 37) % 251 for i in range(3992))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("header", [False, True], ids=["pages", "header"])
def test_damaged_database_is_reported_at_open_and_kept(
    empty_home: Path, capsys: pytest.CaptureFixture[str], header: bool
) -> None:
    assert run(capsys, "learners", "add", "Ana")[0] == 0
    database = DataDir(empty_home).database
    corrupt(database, header=header)
    damaged = database.read_bytes()

    code, out, err = run(capsys, "learners", "list")
    assert code == 1 and out == ""
    assert "damaged" in err and len(err.strip().splitlines()) == 1
    assert database.read_bytes() == damaged  # never overwritten
    backups = list((empty_home / "backups").iterdir())
    assert backups and backups[0].read_bytes() == damaged


def test_a_forgotten_pin_is_reset_from_the_command_line(empty_home: Path) -> None:
    """The way out of a forgotten learner or trainer PIN, even during a delay."""
    from player.core.learning import verify_pin
    from player.core.learning.pins import PinThrottledError, check_trainer_pin

    base = [sys.executable, "-m", "player", "learners"]

    def cli(*args: str, pin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*base, *args], input=pin + "\n", capture_output=True, text=True, timeout=60
        )

    assert cli("add", "Ana", "--pin", pin="2468").returncode == 0
    db = open_database(DataDir(empty_home).database)
    ana = find_learner(db, "Ana")
    for wrong in ("0000", "1111", "2222"):
        assert not verify_pin(db, ana.id, wrong)
    with pytest.raises(PinThrottledError):
        verify_pin(db, ana.id, "2468")
    done = cli("set-pin", "Ana", pin="1357")
    assert done.returncode == 0 and "Set the PIN of 'Ana'" in done.stderr + done.stdout
    assert verify_pin(db, ana.id, "1357")  # no delay any more
    assert cli("set-pin", "Ana", "--remove").returncode == 0
    assert not find_learner(db, "Ana").has_pin

    assert cli("trainer-pin", pin="9753").returncode == 0
    assert check_trainer_pin(db, "9753") and not check_trainer_pin(db, "1111")
    assert cli("trainer-pin", "--remove").returncode == 0
    assert check_trainer_pin(db, "anything")
    bad = cli("set-pin", "Zoé", pin="1234")
    assert bad.returncode == 1 and "no learner named 'Zoé'" in bad.stderr
    db.conn.close()
