"""Crash-safety harness for the learning engine: a worker to SIGKILL, and the checks after it.

Run as ``python -m tests.core.learning_crash_worker DB SEED``: it records answers, submissions,
video positions, reading time and time spent in an endless loop; before each operation it
prints ``TRY <op>`` and after its commit ``ACK <op>`` (flushed). ``crash_round`` starts it,
SIGKILLs it after a random number of acknowledgements, and checks the database: every
acknowledged change is there, the one change in flight is there entirely or not at all, and no
event is written twice. ``tests/reliability/`` may call ``crash_round`` with more repeats.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MAX_OPERATIONS = 100_000


def _value(question: Any, rng: random.Random) -> Any:
    ids = [choice.id for choice in question.choices]
    if question.kind == "single":
        return rng.choice(ids)
    if question.kind == "multiple":
        return [i for i in ids if rng.random() < 0.5]
    if question.kind == "true_false":
        return rng.random() < 0.5
    return rng.choice(["reformuler", "Élan", "la reformulation", "x"])


def worker(db_path: str, seed: int) -> None:
    sys.path.insert(0, str(ROOT))
    from player.core import learning
    from player.core.store.database import open_database
    from tests.core.learning_fixtures import make_manifest

    rng = random.Random(seed)
    db = open_database(db_path)
    manifest = make_manifest(gating="open")
    learner = learning.ensure_default_learner(db).id
    quizzes = ["m1-quiz", "m2-quiz"]
    videos = {"m1-video": 0.0, "m2-video": 0.0}

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    say("READY")
    for _ in range(MAX_OPERATIONS):
        roll = rng.random()
        if roll < 0.5:
            lesson_id = rng.choice(quizzes)
            attempt = learning.start_attempt(db, learner, manifest, lesson_id)
            lesson = manifest.lesson(lesson_id)
            assert lesson is not None
            question = rng.choice(lesson.questions)
            value = _value(question, rng)
            op = json.dumps(["answer", attempt.id, question.id, value])
            say(f"TRY {op}")
            learning.answer(db, manifest, attempt.id, question.id, value)
            say(f"ACK {op}")
        elif roll < 0.6:
            lesson_id = rng.choice(quizzes)
            attempt = learning.start_attempt(db, learner, manifest, lesson_id)
            op = json.dumps(["submit", attempt.uuid])
            say(f"TRY {op}")
            learning.submit(db, manifest, attempt.id)
            say(f"ACK {op}")
        elif roll < 0.9:
            lesson_id = rng.choice(sorted(videos))
            video = manifest.lesson(lesson_id)
            assert video is not None and video.duration
            position = videos[lesson_id] = min(video.duration, videos[lesson_id] + 5.0)
            op = json.dumps(["position", lesson_id, position])
            say(f"TRY {op}")
            learning.record_position(db, learner, manifest, lesson_id, position, None, elapsed=5)
            say(f"ACK {op}")
        else:
            op = json.dumps(["time", "m1-read", 1.0])
            say(f"TRY {op}")
            learning.record_reading(db, learner, manifest, "m1-read", elapsed=1.0)
            say(f"ACK {op}")


def crash_round(workdir: Path, seed: int) -> dict[str, int]:
    """One run killed at a random moment, then every check; returns counts for the report."""
    db_path = workdir / f"crash-{seed}.sqlite3"
    rng = random.Random(seed)
    kill_after = rng.randint(5, 400)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.core.learning_crash_worker", str(db_path), str(seed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    acked: list[list[Any]] = []
    in_flight: list[Any] | None = None
    try:
        assert process.stdout.readline().strip() == "READY", process.stderr.read()
        while len(acked) < kill_after:
            line = process.stdout.readline()
            assert line, f"the worker stopped by itself: {process.stderr.read()}"
            tag, _, op = line.rstrip("\n").partition(" ")
            if tag == "TRY":
                in_flight = json.loads(op)
            elif tag == "ACK":
                assert json.loads(op) == in_flight
                acked.append(json.loads(op))
                in_flight = None
        # Let the next operation start, then kill it wherever it is.
        line = process.stdout.readline()
        if line.startswith("TRY "):
            in_flight = json.loads(line[4:])
        os.kill(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        process.stdout.close()
        assert process.stderr is not None
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    check_database(db_path, acked, in_flight)
    return {"acked": len(acked), "in_flight": int(in_flight is not None)}


def check_database(db_path: Path, acked: list[list[Any]], in_flight: list[Any] | None) -> None:
    sys.path.insert(0, str(ROOT))
    from player.core.store.database import open_database

    db = open_database(db_path)
    try:
        _check(db, acked, in_flight)
    finally:
        db.conn.close()


def _check(db: Any, acked: list[list[Any]], in_flight: list[Any] | None) -> None:
    answers = {
        (row["attempt_id"], row["question_id"]): json.loads(row["answer"])
        for row in db.query("SELECT * FROM quiz_answers")
    }
    attempts = {row["uuid"]: row for row in db.query("SELECT * FROM quiz_attempts")}
    positions = {
        row["lesson_id"]: row["position"] for row in db.query("SELECT * FROM lesson_progress")
    }
    events = [dict(row, event=json.loads(row["event"])) for row in db.query("SELECT * FROM outbox")]

    last_answer: dict[tuple[int, str], Any] = {}
    last_position: dict[str, float] = {}
    submitted: set[str] = set()
    for op in acked:
        if op[0] == "answer":
            last_answer[(op[1], op[2])] = op[3]
        elif op[0] == "submit":
            submitted.add(op[1])
        elif op[0] == "position":
            last_position[op[1]] = op[2]

    def normal(value: Any) -> Any:
        return sorted(value) if isinstance(value, list) else value

    for key, value in last_answer.items():
        assert key in answers, f"acknowledged answer {key} lost"
        allowed = [normal(value)]
        if in_flight and in_flight[0] == "answer" and (in_flight[1], in_flight[2]) == key:
            allowed.append(normal(in_flight[3]))
        assert normal(answers[key]) in allowed, f"answer {key} is {answers[key]!r}"
    for uuid in submitted:
        assert attempts[uuid]["finished_at"] is not None, f"acknowledged submit {uuid} lost"
    for lesson_id, position in last_position.items():
        assert positions[lesson_id] >= position, f"position of {lesson_id} went back"

    # Each finished attempt has exactly one event, an unfinished one none.
    per_attempt = Counter(
        e["event"]["attempt_uuid"] for e in events if e["kind"] == "quiz_attempted"
    )
    for uuid, row in attempts.items():
        expected = 1 if row["finished_at"] is not None else 0
        assert per_attempt[uuid] == expected, f"attempt {uuid}: {per_attempt[uuid]} events"
    # Completions and first-use traces: one event each, and a completion event exactly when
    # the state says complete (per-question, progress and video events may repeat).
    once = (
        "lesson_completed",
        "module_completed",
        "course_completed",
        "course_initialized",
        "module_initialized",
        "lesson_initialized",
    )
    completed = Counter(
        (e["kind"], e["event"].get("lesson_id") or e["event"].get("module_id") or "")
        for e in events
        if e["kind"] in once
    )
    assert all(count == 1 for count in completed.values()), completed
    done_lessons = {
        row["lesson_id"]
        for row in db.query(
            "SELECT lesson_id FROM lesson_progress WHERE completed_at IS NOT NULL"
            " AND lesson_id NOT LIKE '%quiz'"
        )
    }
    assert done_lessons == {key[1] for key in completed if key[0] == "lesson_completed"}
    recorded = {(row["scope"], row["item_id"]) for row in db.query("SELECT * FROM completions")}
    announced = [
        ("module", e["event"]["module_id"])
        if e["kind"] == "module_completed"
        else ("course", "demo")
        for e in events
        if e["kind"] in ("module_completed", "course_completed")
    ]
    assert sorted(announced) == sorted(recorded)
    ids = [e["statement_id"] for e in events]
    assert len(ids) == len(set(ids))


if __name__ == "__main__":
    worker(sys.argv[1], int(sys.argv[2]))
