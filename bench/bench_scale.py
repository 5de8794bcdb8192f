"""Benchmark: one laptop with many courses and learners, one trainer with 2,000 learners (issue 19).

Part 1, a laptop: 1 course then 50 courses, 20 learners with progress in every course. Measured
(median of R rounds, on the data the screens read, through the same ``ops`` functions):
start-up (``first_screen``: the learner, the library's cards, the outbox counts), the library
(``library_courses``), an outline (``course_outline``) and the dashboard (``dashboard_table``
and the model/view table filled and sorted). Budget: none slower than 2 × its 1-course figure.

Part 2, a trainer after a workshop season: 2,000 learners' progress files (≈ 27 statements
each, ≈ 55,000 in all) imported with ``import_progress``; then ``course-player progress --csv``
(readable and ``--raw``, in a child process for its peak memory), and the desktop dashboard
opened offscreen: from the dialog's creation to its table drawn, then scrolled to the end.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_scale.py [--rounds 3] [--learners 2000]
        [--skip-laptop | --skip-trainer]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import median  # noqa: E402
from player.core.context import open_context  # noqa: E402
from player.core.install import install  # noqa: E402
from player.core.learning import create_learner, record_reading  # noqa: E402
from player.core.package.pack import pack  # noqa: E402
from player.core.package.reader import FolderSource  # noqa: E402
from player.core.paths import DataDir  # noqa: E402
from tests.helpers.courses import MEDIA, document, write_source  # noqa: E402

LAPTOP_LEARNERS = 20


def timed(work: Callable[[], object], rounds: int) -> float:
    work()  # warm: the first call reads the manifests and fills the caches
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return median(times)


def laptop(folder: Path, courses: int) -> DataDir:
    """A data folder with ``courses`` copies of the test course and 20 learners in each."""
    data = DataDir(folder / f"laptop-{courses}")
    ctx = open_context(data)
    try:
        for index in range(courses):
            doc = document()
            doc.update(id=f"course-{index:02d}", title=f"Cours {index:02d}")
            source = write_source(folder / f"src-{index}", doc, dict(MEDIA))
            package = folder / f"pkg-{courses}-{index}"
            pack(source, package)
            install(ctx, FolderSource(package))
        learners = [create_learner(ctx.db, f"Apprenant {i:02d}").id for i in range(LAPTOP_LEARNERS)]
        for index in range(courses):
            manifest = ctx.manifest(f"course-{index:02d}")
            for learner in learners:
                record_reading(ctx.db, learner, manifest, "m1-read", elapsed=30, at_end=True)
    finally:
        ctx.close()
    return data


def startup(data: DataDir, rounds: int) -> float:
    """``course-player --exit-when-ready``: process start to the library drawn (offscreen)."""
    env = dict(os.environ, COURSE_PLAYER_HOME=str(data.root), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "player", "--exit-when-ready"]

    def once() -> None:
        subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)

    return timed(once, rounds)


def measure_laptop(data: DataDir, rounds: int) -> dict[str, float]:
    from player.ui import ops
    from player.ui.screens.dashboard_table import DashboardFilter, DashboardModel, opening_course
    from player.ui.services import build_services

    services = build_services(data)
    try:
        learner = ops.first_screen(services, "Learner").learner
        services.learner = learner

        def dashboard() -> None:
            """What the dialog reads on opening: the course list, then the rows it opens on."""
            from player.core.trainer_table import dashboard_table, installed_courses

            ids = [course_id for course_id, _title in installed_courses(services.context)]
            model = DashboardModel()
            proxy = DashboardFilter()
            proxy.setSourceModel(model)
            model.set_rows(dashboard_table(services.context, opening_course(ids)))
            proxy.sort(0)
            proxy.visible_rows()

        from player.ui.screens.library import LibraryScreen

        def library() -> None:
            """The cards read, then drawn: a new library screen, shown once."""
            screen = LibraryScreen(services)
            screen.show_courses(ops.library_courses(services, learner.id))
            screen.resize(1024, 600)
            screen.grab()
            screen.deleteLater()

        return {
            "start-up (app process to a ready window)": startup(data, rounds),
            "library (read + cards drawn)": timed(library, rounds),
            "outline": timed(lambda: ops.course_outline(services, "course-00"), rounds),
            "dashboard": timed(dashboard, rounds),
        }
    finally:
        services.close()


# --- part 2: the trainer ----------------------------------------------------------------------


def learner_events(uuid: str) -> list[tuple[str, dict]]:
    """≈ 27 statements: the test course done, quiz retries, time reports."""
    from tests.helpers.outbox import event

    def ev(kind: str, **fields: object) -> tuple[str, dict]:
        return kind, event(uuid, "test-course", kind=kind, **fields)

    steps = [
        ev("lesson_completed", lesson_id="m1-intro", module_id="m1"),
        ev("lesson_completed", lesson_id="m1-read", module_id="m1", lesson_type="text"),
    ]
    steps += [
        ev("quiz_attempted", lesson_id="m1-quiz", module_id="m1", success=False, score=0.2)
        for _ in range(8)
    ]
    steps += [
        ev("quiz_attempted", lesson_id="m1-quiz", module_id="m1"),
        ev("module_completed", module_id="m1"),
        ev("lesson_completed", lesson_id="m2-read", module_id="m2", lesson_type="text"),
    ]
    steps += [
        ev("quiz_attempted", lesson_id="m2-quiz", module_id="m2", success=False, score=0.3)
        for _ in range(6)
    ]
    steps += [ev("quiz_attempted", lesson_id="m2-quiz", module_id="m2")]
    steps += [
        ev("lesson_suspended", lesson_id=lesson, module_id=lesson[:2], duration_s=30.0)
        for lesson in ("m1-intro", "m1-read", "m1-quiz", "m2-read", "m2-quiz")
    ]
    steps += [ev("module_completed", module_id="m2"), ev("course_completed")]
    return steps


def trainer(folder: Path, learners: int) -> tuple[DataDir, list[Path], int]:
    """The trainer's data folder (the course installed) and the learners' progress files."""
    from player.core.store.database import open_database
    from player.core.sync.progress_files import export_progress
    from tests.helpers.outbox import add_course, add_event

    data = DataDir(folder / "trainer")
    ctx = open_context(data)
    doc = document()
    source = write_source(folder / "src-trainer", doc, dict(MEDIA))
    pack(source, folder / "pkg-trainer")
    install(ctx, FolderSource(folder / "pkg-trainer"))
    ctx.close()
    files, total = [], 0
    per_file = 100  # a laptop's file: 100 learners (20 laptops)
    for start in range(0, learners, per_file):
        laptop_db = open_database(folder / f"laptop-{start}.sqlite3")
        add_course(laptop_db, "test-course")
        with laptop_db.atomic():
            for i in range(start, min(learners, start + per_file)):
                uuid = f"{i:08d}-0000-4000-8000-000000000000"
                cursor = laptop_db.execute(
                    "INSERT INTO learners (uuid, name, email, created_at) VALUES (?, ?, ?, ?)",
                    [uuid, f"Apprenant {i:04d}", None, "2026-01-01T00:00:00Z"],
                )
                for kind, fields in learner_events(uuid):
                    add_event(laptop_db, int(cursor.lastrowid or 0), kind, fields)
        path = folder / f"laptop-{start}.jsonl"
        total += export_progress(laptop_db, path, lambda _: None).statements
        laptop_db.conn.close()
        files.append(path)
    return data, files, total


def measure_trainer(folder: Path, learners: int) -> dict[str, str]:
    from PySide6.QtWidgets import QApplication

    from player.core.sync.merge import CourseIndex
    from player.core.sync.progress_files import import_progress
    from player.core.sync.service import manifests_of
    from player.ui.screens.dashboard_dialog import DashboardDialog
    from player.ui.services import build_services

    data, files, total = trainer(folder, learners)
    ctx = open_context(data)
    started, cpu = time.perf_counter(), time.process_time()
    for path in files:
        import_progress(ctx.db, path, CourseIndex.load(ctx.db, manifests_of(ctx)))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    ctx.close()
    figures = {
        "statements imported": f"{total:,}",
        "import-progress": f"{total / wall:,.0f} statements/s ({total / cpu:,.0f} per CPU s)",
    }
    for label, extra in (("progress --csv", []), ("progress --csv --raw", ["--raw"])):
        probe = (
            "import resource, sys, time; from player.cli import main; t = time.perf_counter();"
            f" main(['progress', '--csv', *{extra!r}]); d = time.perf_counter() - t;"
            " r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
            " print(d, r, file=sys.stderr)"
        )
        env = dict(os.environ, COURSE_PLAYER_HOME=str(data.root), PYTHONPATH=str(ROOT))
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        seconds, rss = done.stderr.strip().splitlines()[-1].split()
        rows = len(done.stdout.splitlines()) - 1
        figures[label] = f"{float(seconds):.2f} s, {int(rss) / 1024:.0f} MB peak, {rows:,} rows"

    app = QApplication.instance() or QApplication([])
    services = build_services(data)
    try:
        from player.core.learning.pins import mark_trainer_pin_offered

        mark_trainer_pin_offered(services.context.db)
        started = time.perf_counter()
        dialog = DashboardDialog(services)
        loaded: list[float] = []
        dialog.loaded.connect(lambda: loaded.append(time.perf_counter()))
        dialog.show()
        while not loaded:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        opened = time.perf_counter() - started
        rows = dialog.table.model().rowCount()
        started = time.perf_counter()
        bar = dialog.table.verticalScrollBar()
        steps = 0
        while bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
            dialog.table.viewport().repaint()
            steps += 1
        scrolled = time.perf_counter() - started
        started = time.perf_counter()
        dialog.table.sortByColumn(6, dialog.table.horizontalHeader().sortIndicatorOrder())
        dialog.learner_filter.setText("12")
        app.processEvents()
        filtered = time.perf_counter() - started
        figures["dashboard open"] = f"{opened:.2f} s to the table drawn ({rows:,} rows)"
        figures["dashboard scroll"] = (
            f"{steps} pages in {scrolled:.2f} s ({1000 * scrolled / max(1, steps):.1f} ms a page)"
        )
        figures["dashboard sort + filter"] = f"{1000 * filtered:.0f} ms"
        dialog.close()
    finally:
        services.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--courses", type=int, default=50)
    parser.add_argument("--learners", type=int, default=2000)
    parser.add_argument("--skip-laptop", action="store_true")
    parser.add_argument("--skip-trainer", action="store_true")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        if not args.skip_laptop:
            one = measure_laptop(laptop(base, 1), args.rounds)
            many = measure_laptop(laptop(base, args.courses), args.rounds)
            for name in one:
                ratio = many[name] / one[name] if one[name] else float("inf")
                print(
                    f"{name}: 1 course {1000 * one[name]:.1f} ms, {args.courses} courses"
                    f" {1000 * many[name]:.1f} ms (× {ratio:.2f})"
                )
            result["laptop"] = {"1": one, str(args.courses): many}
        if not args.skip_trainer:
            figures = measure_trainer(base, args.learners)
            for name, value in figures.items():
                print(f"{name}: {value}")
            result["trainer"] = figures
    print(json.dumps(result), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
