"""``course-player stats`` against the real engine and a real LRS (Ralph 5.1.0): a few hundred
learners go through the demo course with seeded random answers, their statements are synced,
and every figure ``stats --lrs`` prints equals what the engine recorded."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from player.cli import main
from player.core.context import open_context
from player.core.learning import video
from player.core.paths import DataDir
from player.core.stats.aggregate import Aggregator
from player.core.stats.course import CourseMap
from player.core.stats.read import LrsReader, Progress
from player.core.stats.run import course_map, gather
from player.core.store.database import open_database
from player.core.sync import outbox
from player.core.sync.config import LrsConfig, SyncSettings
from player.core.sync.service import sync_outbox
from tests.fixtures.ralph import RalphServer
from tests.helpers.cohort import drive, module_times, recorded
from tests.helpers.demo_trace import Clock, demo_manifest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

LEARNERS = 300


def test_stats_from_ralph_equal_what_the_engine_recorded(
    ralph: RalphServer,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    clock = Clock()
    monkeypatch.setattr(video, "now", clock)
    laptop = open_database(tmp_path / "laptop.sqlite3")
    manifest = demo_manifest()
    drive(laptop, manifest, LEARNERS, seed=16, clock=clock)
    outbox.freeze_pending(laptop, lambda _course: manifest.activity_base)
    report = sync_outbox(
        laptop, SyncSettings(ralph.endpoint, "test", ralph.username, ralph.password), timeout=120
    )
    assert report.complete
    expected = recorded(laptop, manifest)
    assert expected["learners"] == LEARNERS
    assert 0 < expected["completed_course"] < LEARNERS  # some finish, some stop on the way

    # the LRS configured as for sync (credentials of its origin), read by the CLI
    monkeypatch.setenv("COURSE_PLAYER_LRS_ENDPOINT", ralph.endpoint)
    monkeypatch.setenv("COURSE_PLAYER_LRS_USERNAME", ralph.username)
    monkeypatch.setenv("COURSE_PLAYER_LRS_PASSWORD", ralph.password)
    assert main(["stats", "--course", manifest.id, "--lrs", "--json"]) == 0
    from_lrs = json.loads(capsys.readouterr().out)
    assert from_lrs == expected

    # a reading cut off after two pages resumes at Ralph's next 'more' link
    config = LrsConfig(ralph.endpoint, ralph.username, ralph.password)
    reader = LrsReader(config, manifest.activity_base or "", home / "stats")
    pages = reader.statements(lambda state: None)
    taken = [next(pages) for _ in range(1500)]  # page 1, and page 2 fetched and saved
    pages.close()
    saved = json.loads(reader.state_file.read_text(encoding="utf-8"))["next"]
    assert "search_after" in saved and len(taken) == 1500
    progress: list[Progress] = []
    aggregator = Aggregator(CourseMap.from_manifest(manifest))
    for statement in reader.statements(lambda state: progress.append(dataclasses.replace(state))):
        aggregator.add(statement)
    total = laptop.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    assert progress[-1].resumed == 2000  # the two saved pages, not asked again
    assert progress[-1].pages == -(-total // 1000) - 2 + (total % 1000 == 0)
    assert aggregator.figures().to_json() == expected

    # the same statements carried in a progress file give the same figures, and the time
    # per module is each completer's time, to the 0.01 s of an xAPI duration
    stick = tmp_path / "progress.jsonl"
    rows = laptop.query("SELECT statement FROM outbox ORDER BY seq")
    stick.write_text("".join(row["statement"] + "\n" for row in rows), encoding="utf-8")
    ctx = open_context(DataDir(home))
    try:
        stats, counts = gather(ctx, course_map(ctx, manifest.id), files=[stick])
    finally:
        ctx.close()
    assert counts.rejected == 0 and stats.to_json() == expected
    times = module_times(laptop)
    for module in stats.modules:
        assert module.times == pytest.approx(times.get(module.id, []), abs=0.006)
    assert not list((home / "stats").glob("*.jsonl"))  # the resume file is gone once complete
