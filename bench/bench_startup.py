"""Start-up and memory budget (issues 8 and 18).

* Start-up with 20 installed courses to a ready window (``course-player --exit-when-ready``)
  against a bare PySide6 script that shows an empty QMainWindow, run alternately, median of N,
  on Qt's ``offscreen`` platform and on ``xcb`` under an Xvfb the benchmark starts (when Xvfb is
  installed). The budget is judged on ``xcb``: a real X server, as on a learner's laptop.
* Peak RSS of that start-up (the library shows 20 courses) and while playing a 480p video.

Run: ``.venv/bin/python bench/bench_startup.py [--runs 15] [--no-write]``; writes the "Start-up
and memory" section of docs/performance.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, median, write_section

#: The budget (issue 18): ready window ≤ 2 × the bare window under Xvfb/xcb, and ≤ 0.35 s.
MAX_RATIO = 2.0
MAX_SECONDS = 0.35

PLAY_SCRIPT = r"""
import os, sys, time, resource
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer, QEventLoop
app = QApplication(sys.argv)
from player.ui.video import VideoPlayer
player = VideoPlayer()
player.load(sys.argv[1], start_at=0.0, subtitles=[])
player.play()
loop = QEventLoop()
QTimer.singleShot(4000, loop.quit)
loop.exec()
assert player.position > 1.0, f"the video did not play (position {player.position})"
player.release()
"""


def run_measured(
    cmd: list[str], env: dict[str, str], expect: str | None = None
) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of one child process; ``expect`` must be in its output."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0 or (expect is not None and expect not in output):
        raise SystemExit(f"{cmd} failed or did not say {expect!r}: {output[-500:]}")
    return elapsed, usage.ru_maxrss


#: What ``--exit-when-ready`` prints once the library shows every card with its progress.
READY = "ready: 20 course(s) in the library"


def make_courses(home: Path, count: int) -> None:
    """The demo course and ``count - 1`` copies of the test course, installed in ``home``."""
    from player.core.context import open_context
    from player.core.demo import install_demo_course
    from player.core.paths import DataDir
    from tests.helpers.courses import install_copies

    ctx = open_context(DataDir(home))
    try:
        install_demo_course(ctx)
        with tempfile.TemporaryDirectory() as scratch:
            install_copies(ctx, count - 1, Path(scratch), prefix="bench-course")
    finally:
        ctx.close()


def measure(env: dict[str, str], runs: int, python: str) -> dict[str, float]:
    """Medians of ``runs`` alternate starts of the app and of the bare window, in ``env``."""
    app_cmd = [python, "-m", "player", "--exit-when-ready"]
    bare_cmd = [python, str(ROOT / "bench" / "bare_qt_window.py")]
    database = Path(env["COURSE_PLAYER_HOME"]) / "player.sqlite3"
    floor_cmd = [*bare_cmd, "--database", str(database)]
    run_measured(app_cmd, env, expect=READY)  # warm the file cache for all three
    run_measured(bare_cmd, env)
    run_measured(floor_cmd, env)
    app_times, bare_times, floor_times, app_rss = [], [], [], []
    for _ in range(runs):
        t, _rss = run_measured(bare_cmd, env)
        bare_times.append(t)
        t, _rss = run_measured(floor_cmd, env)
        floor_times.append(t)
        t, rss = run_measured(app_cmd, env, expect=READY)
        app_times.append(t)
        app_rss.append(rss)
    app, bare, floor = median(app_times), median(bare_times), median(floor_times)
    return {
        "app_median_s": round(app, 3),
        "bare_median_s": round(bare, 3),
        "ratio": round(app / bare, 2),
        "floor_median_s": round(floor, 3),
        "floor_ratio": round(floor / bare, 2),
        "peak_rss_mb": round(max(app_rss) / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="alternate runs per platform")
    parser.add_argument(
        "--no-write", action="store_true", help="print the figures, leave performance.md alone"
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the interpreter of the app as users install it (default: this one). The test venv"
        " has the [reports] extra, whose numpy sqlite-utils and PySide6 import when present:"
        " measure with a venv made by 'pip install -e .' alone",
    )
    args = parser.parse_args()
    # An installed app has its bytecode compiled (pip and PyInstaller do it); this machine sets
    # PYTHONDONTWRITEBYTECODE, so compile once here or every run would parse every module.
    subprocess.run([args.python, "-m", "compileall", "-q", str(ROOT / "player")], check=True)
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        make_courses(home, 20)
        env = dict(os.environ, COURSE_PLAYER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        figures["offscreen"] = measure(env, args.runs, args.python)
        if shutil.which("Xvfb") is not None:
            from tests.fixtures.xvfb import XvfbServer

            with XvfbServer() as display:
                xcb = dict(env, QT_QPA_PLATFORM="xcb", DISPLAY=display)
                figures["xcb"] = measure(xcb, args.runs, args.python)
        video = ROOT / "assets" / "demo-course" / "media"
        video_file = next(iter(sorted(video.glob("*-480.mp4"))))
        _, play_rss = run_measured([sys.executable, "-c", PLAY_SCRIPT, str(video_file)], env)
    print(json.dumps({"runs": args.runs, **figures, "playing_480p_rss_mb": play_rss // 1024}))
    if not args.no_write:
        write_section("Start-up and memory", section(args.runs, figures, play_rss / 1024))


def section(runs: int, figures: dict[str, dict[str, float]], play_mb: float) -> str:
    judged = figures.get("xcb", figures["offscreen"])
    met = judged["ratio"] <= MAX_RATIO and judged["app_median_s"] <= MAX_SECONDS
    rows = "\n".join(
        f"| {platform} | {f['app_median_s']:.2f} s | {f['bare_median_s']:.2f} s "
        f"| **{f['ratio']:.2f} ×** | {f['floor_median_s']:.2f} s ({f['floor_ratio']:.2f} ×) "
        f"| {f['peak_rss_mb']:.0f} MB |"
        for platform, f in figures.items()
    )
    return f"""
Measured by `bench/bench_startup.py` ({runs} alternate runs of each, medians, on a 2-core machine
shared with other work, so single runs vary by ±10 %). Budget: the ready window with 20 installed
courses within 2 × a bare PySide6 window under Xvfb/`xcb` and within 0.35 s; RSS < 200 MB.

| Qt platform | app ready, 20 courses | bare `QMainWindow` | ratio | bare + `Database` | RSS |
|---|---|---|---|---|---|
{rows}

Peak RSS playing the demo's 480p video (VLC, dummy output): {play_mb:.0f} MB.
{"The budget is met in this run." if met else "The budget is NOT met in this run."}

**Why the 2 × budget is not met idiomatically.** The fifth column is the floor the chosen
stack sets before any of the app's code runs: the same bare window, plus opening the data
folder's database with sqlite-utils and reading one row, which every start must do (issue 18:
one storage API, a sqlite-utils `Database`). Importing sqlite-utils costs ≈ 60–70 ms on this
machine on its own (it imports click, dateutil and pluggy for its command line and plugin hooks,
and compiles its regular expressions), so the floor alone is ≈ 1.8 × the bare window, leaving
≈ 0.2 × for the app's own work: its modules (≈ 40 ms with PySide6's import hook reading each
one's source), the `Qt` namespace's enums (≈ 12 ms, built on first use of any), the window, the
library's list view and the first storage read (≈ 40 ms). Measured over one start with
callgrind (instruction counts, repeatable on a loaded machine), the app-wide style sheet is
≈ 4 % and the visual layer's icons, palette and focus ring are not measurable. Getting under
2 × would take the tricks issue 18 removed (reading the first screen with plain `sqlite3`
beside the `Database`, setting enums by name, import-order rules); we keep the idiomatic code
and record the figure. Issue 19's model/view library took the 20 card widgets out of start-up
(≈ 2 % of it: their cost was small next to the floor).

"Ready" is the window on screen with its 20 cards, each with its progress and publisher
(`--exit-when-ready` waits for the task runner to deliver them and says how many it shows). The
baseline is the interpreter, PySide6's import and the exit. On top of it the app builds its
window and the library's list view (its delegate paints the cards on screen; issue 19 replaced
the 20 card widgets), lets PySide6 build the enums of Qt's `Qt` namespace on first use
(about 12 ms on this machine), binds the Qt classes it uses (`QMessageBox` alone ≈ 2 ms), imports
its own modules (PySide6's import hook reads the source of each module imported after it, looking
for `__feature__` switches), and reads the learner, the cards' progress and the outbox counts in
one trip to the storage lane while the window is built. The window is shown with its layouts
settled (`MainWindow._show_settled`), so its first frame is its final one; otherwise it would be
painted twice (≈ 5 ms, and a flicker on slow machines).

The budget is kept by what start-up does not do, checked by `tests/ui/test_startup_imports.py`:
no VLC, no manifest parser (each install stores the card the library shows), no quiz or gating
engine, no network stack (sync checks start later), no cryptography; lesson screens and dialogs
are imported when first opened. The code otherwise uses Qt and Python the ordinary way. Issue 18
removed the micro-optimisations that had brought the ratio to ≈ 1.45 × by working around the
framework (enum properties set by name to spare the `Qt` namespace's enums, ≈ 12 ms; the online
dot computed pixel by pixel; NamedTuples instead of frozen dataclasses, ≈ 0.3 ms each; the first
screen's modules imported before PySide6 to spare its import hook, ≈ 5 ms; garbage collection
off during start-up; skipping sqlite-utils' plugin scan, ≈ 20 ms when a migration runs). The
figures above are with all of them gone.
"""


if __name__ == "__main__":
    main()
