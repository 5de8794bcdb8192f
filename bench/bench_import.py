"""Benchmark: ``import_progress`` on a large progress file (statements per second).

Writes N learners' whole course (the tests' three-module course: lessons, quiz passes, module
and course completions, a survey; 11 statements each) on a "laptop" database, exports it, then
imports the file on a "trainer" database that knows every learner and the course, so every
statement goes through validation, queueing and merging. Best of R rounds, each into a fresh
trainer database; wall-clock and process CPU time (the steadier figure on a shared machine).

    .venv/bin/python bench/bench_import.py [--learners 5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from player.core.store.database import open_database  # noqa: E402
from player.core.sync.merge import CourseIndex  # noqa: E402
from player.core.sync.progress_files import export_progress, import_progress  # noqa: E402
from tests.core.learning_fixtures import make_manifest  # noqa: E402
from tests.helpers.outbox import add_course, add_event, event  # noqa: E402

STEPS = [
    ("lesson_completed", {"lesson_id": "m1-video", "module_id": "m1"}),
    ("lesson_completed", {"lesson_id": "m1-read", "module_id": "m1", "lesson_type": "text"}),
    ("quiz_attempted", {"lesson_id": "m1-quiz", "module_id": "m1"}),
    ("module_completed", {"module_id": "m1"}),
    ("lesson_completed", {"lesson_id": "m2-video", "module_id": "m2"}),
    ("quiz_attempted", {"lesson_id": "m2-quiz", "module_id": "m2"}),
    ("module_completed", {"module_id": "m2"}),
    ("survey_answered", {"lesson_id": "survey", "module_id": "m3"}),
    ("module_completed", {"module_id": "m3"}),
    ("course_completed", {}),
    ("quiz_attempted", {"lesson_id": "m1-quiz", "module_id": "m1", "success": False}),
]


def learners_of(count: int) -> list[tuple[str, str, str]]:
    return [
        (f"{i:08d}-0000-4000-8000-000000000000", f"L{i}", f"l{i}@example.org") for i in range(count)
    ]


def add_learners(db: Database, learners: list[tuple[str, str, str]]) -> list[int]:
    ids = []
    with db.atomic():
        for learner_uuid, name, email in learners:
            cursor = db.execute(
                "INSERT INTO learners (uuid, name, email, created_at) VALUES (?, ?, ?, ?)",
                [learner_uuid, name, email, "2026-01-01T00:00:00Z"],
            )
            ids.append(int(cursor.lastrowid or 0))
    return ids


def run(learner_count: int, rounds: int) -> tuple[int, float, float]:
    manifest = make_manifest()
    learners = learners_of(learner_count)
    with tempfile.TemporaryDirectory() as folder:
        laptop = open_database(Path(folder) / "laptop.sqlite3")
        add_course(laptop, "demo")
        ids = add_learners(laptop, learners)
        with laptop.atomic():
            for learner_id, (learner_uuid, _, _) in zip(ids, learners, strict=True):
                for kind, fields in STEPS:
                    add_event(laptop, learner_id, kind, event(learner_uuid, kind=kind, **fields))
        path = Path(folder) / "progress.jsonl"
        count = export_progress(laptop, path, lambda _: None).statements
        best = best_cpu = float("inf")
        for round_ in range(rounds):
            trainer = open_database(Path(folder) / f"trainer-{round_}.sqlite3")
            add_course(trainer, "demo")
            add_learners(trainer, learners)
            courses = CourseIndex.load(trainer, lambda _: manifest)
            started, cpu = time.perf_counter(), time.process_time()
            report = import_progress(trainer, path, courses)
            best = min(best, time.perf_counter() - started)
            best_cpu = min(best_cpu, time.process_time() - cpu)
            print(f"round {round_ + 1}: {report}"[:300], file=sys.stderr)
            trainer.conn.close()
    return count, best, best_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    count, seconds, cpu = run(args.learners, args.rounds)
    print(
        f"{count:,} statements in {seconds:.2f} s: {count / seconds:,.0f} statements/s"
        f" ({count / cpu:,.0f} per CPU second: a busy machine disturbs it less)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
