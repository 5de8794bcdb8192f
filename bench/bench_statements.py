"""Benchmark: the size of a learner's xAPI trace, per lesson and for the whole demo course.

Drives the real learning engine through the demo course (``tests/helpers/demo_trace.py``):
every lesson, one pause and one seek per video, each quiz failed once then passed, the survey
answered. Freezes the statements as sync does and measures:

- per lesson: its statements (the lesson's own, its questions', its video session's) as one
  request body, plain and gzipped;
- the whole course (module and course traces included) as sync sends it, batches of 100,
  plain and gzipped; with Ralph installed, also the bytes on the wire up (HTTP included)
  through a counting relay, and the seconds that takes on a 2G link (GPRS/EDGE, 40 kbit/s).

Target: a whole-course trace ≤ 60 KB gzipped (docs/sync.md, issue 16).

    .venv/bin/python bench/bench_statements.py [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import replace_section  # noqa: E402
from player.core.learning import video  # noqa: E402
from player.core.learning.learners import create_learner  # noqa: E402
from player.core.store.database import open_database  # noqa: E402
from player.core.sync import outbox  # noqa: E402
from player.core.sync.client import statements_body  # noqa: E402
from player.core.sync.config import SyncSettings  # noqa: E402
from player.core.sync.service import DEFAULT_BATCH, sync_outbox  # noqa: E402
from tests.fixtures.faultproxy import FaultProxy  # noqa: E402
from tests.fixtures.ralph import RalphServer, ralph_installed  # noqa: E402
from tests.helpers.demo_trace import Clock, demo_manifest, whole_course  # noqa: E402

SECTION = "## Statements"
TARGET_GZIP = 60_000
LINK_BITS_PER_SECOND = 40_000  # GPRS/EDGE as met in the field


def lesson_of(statement: dict, base: str) -> str:
    """The lesson a statement is about (questions and attempts included), else its scope."""
    iri = statement["object"]["id"].removeprefix(base)
    if iri.startswith("/lessons/"):
        return iri.split("/")[2]
    return "module and course traces"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="rewrite the Statements section of this file")
    args = parser.parse_args()

    clock = Clock()
    video.now = clock  # pauses without waiting for them
    manifest = demo_manifest()
    base = str(manifest.activity_base)
    with tempfile.TemporaryDirectory() as work:
        db = open_database(Path(work) / "laptop.sqlite3")
        learner = create_learner(db, "Aminata Diallo", email="aminata.diallo@example.sn").id
        whole_course(db, learner, manifest, clock)
        outbox.freeze_pending(db, lambda _course: base)
        frozen = [r["statement"] for r in db.query("SELECT statement FROM outbox ORDER BY seq")]

        per_lesson: dict[str, list[str]] = defaultdict(list)
        for text in frozen:
            per_lesson[lesson_of(json.loads(text), base)].append(text)
        batches = [frozen[i : i + DEFAULT_BATCH] for i in range(0, len(frozen), DEFAULT_BATCH)]
        plain = sum(len(statements_body(batch)) for batch in batches)
        zipped = sum(gz(statements_body(batch)) for batch in batches)

        wire_up = None
        if ralph_installed():
            lrs = RalphServer(Path(work) / "ralph")
            with lrs, FaultProxy(lrs.start().port) as proxy:
                settings = SyncSettings(
                    f"{proxy.base_url}/xAPI/", "bench", lrs.username, lrs.password
                )
                report = sync_outbox(db, settings, timeout=60)
                assert report.complete and report.sent == len(frozen)
                wire_up = proxy.upstream_bytes

    types = {lesson.id: lesson.type for lesson in manifest.lessons}
    rows = []
    for name, texts in per_lesson.items():
        body = statements_body(texts)
        kind = types.get(name, "—")
        rows.append(f"| {name} | {kind} | {len(texts)} | {len(body):,} | {gz(body):,} |")
    lines = [
        SECTION,
        "",
        "`bench/bench_statements.py`: one learner through the whole demo course with the real"
        " engine (10 lessons: 4 videos of 21–25 s watched with one pause and one seek each,"
        " 2 pages, 2 quizzes of 5 questions failed once then passed, the 4-question survey),"
        " statements frozen as sync sends them. Per lesson: the lesson's statements (its"
        " video session, its questions) as one request body.",
        "",
        "| lesson | type | statements | bytes | gzipped |",
        "|---|---|---:|---:|---:|",
        *rows,
        "",
        "| whole course | value |",
        "|---|---|",
        f"| statements | {len(frozen)} |",
        f"| request bodies (batches of {DEFAULT_BATCH}) | {plain:,} B |",
        f"| **gzipped** | **{zipped:,} B** (target ≤ {TARGET_GZIP:,}) |",
    ]
    if wire_up is not None:
        seconds = wire_up * 8 / LINK_BITS_PER_SECOND
        lines += [
            f"| on the wire to Ralph, up (HTTP included, not gzipped) | {wire_up:,} B |",
            f"| time at 40 kbit/s (2G), not gzipped / gzipped | {seconds:.0f} s /"
            f" {zipped * 8 / LINK_BITS_PER_SECOND:.1f} s |",
        ]
    lines += [
        "",
        "A video's size does not grow with its length: periodic saves add no statement, only"
        " its session (initialized, played, completed, terminated) and each pause or seek do."
        " Sync sends bodies uncompressed unless `lrs_gzip` is on (Ralph 5.1.0 refuses gzipped"
        " bodies); the gzipped column is what an LRS that accepts them receives.",
    ]
    section = "\n".join(lines) + "\n"
    print(section)
    if args.write:
        replace_section(args.write, section)
    return 0 if zipped <= TARGET_GZIP else 1


if __name__ == "__main__":
    sys.exit(main())
