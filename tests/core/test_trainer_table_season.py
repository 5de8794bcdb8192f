"""The dashboard's figures for a seeded workshop season stay what they were (issue 19).

``dashboard-season.csv`` is ``progress --csv --raw`` of the season in ``tests/helpers/season.py``
(60 learners on 4 laptops, one file imported twice, 3 of the learners known here), written by
the dashboard as it was before it read imported statements from the ``imported_statements``
table: the table must give the same rows, cell for cell. A learner here's last activity is
blanked: it includes the moment the import merged their progress.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from player.core.context import open_context
from player.core.install import install, open_source
from player.core.learning import create_learner
from player.core.package.pack import pack
from player.core.paths import DataDir
from player.core.sync.merge import CourseIndex
from player.core.sync.progress_files import import_progress
from player.core.sync.service import manifests_of
from player.core.trainer_table import dashboard_table, write_csv
from tests.helpers.courses import write_source
from tests.helpers.season import season_files

GOLDEN = Path(__file__).parent / "golden" / "dashboard-season.csv"
NOW = datetime(2027, 1, 1, tzinfo=UTC)


def season_csv(folder: Path, *, imported_before_m016: bool = False) -> str:
    """The raw CSV of the seeded season imported on a fresh trainer's laptop.

    ``imported_before_m016``: as an app without ``imported_statements`` left it (the outbox
    rows are the same), then upgraded.
    """
    package = pack(write_source(folder / "src"), folder / "course.zip").dest
    data = DataDir(folder / "trainer")
    ctx = open_context(data)
    try:
        source = open_source(str(package))
        try:
            install(ctx, source)
        finally:
            source.close()
        for index in range(3):
            create_learner(ctx.db, f"Ici {index}", email=f"learner{index}@example.org")
        files = season_files(folder)
        for path in [*files, files[0]]:  # the first laptop's file is imported twice
            import_progress(ctx.db, path, CourseIndex.load(ctx.db, manifests_of(ctx)), now=NOW)
        if imported_before_m016:
            ctx.db.execute("DROP TABLE imported_statements")
            ctx.db.execute("DROP TABLE imported_statements_backlog")
            ctx.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm016_imported_statements'")
            ctx.close()
            ctx = open_context(data)
        rows = [
            replace(row, last_activity=None) if row.source == "here" else row
            for row in dashboard_table(ctx)
        ]
        stream = io.StringIO()
        write_csv(rows, stream)
        return stream.getvalue()
    finally:
        ctx.close()


def test_the_season_gives_the_same_table_as_before(tmp_path: Path) -> None:
    expected = GOLDEN.read_text(encoding="utf-8")
    got = season_csv(tmp_path)
    assert got.splitlines() == expected.splitlines()


def test_a_season_imported_before_the_upgrade_gives_the_same_table(tmp_path: Path) -> None:
    """``m016_imported_statements`` fills the table from the statements already imported."""
    expected = GOLDEN.read_text(encoding="utf-8")
    got = season_csv(tmp_path, imported_before_m016=True)
    assert got.splitlines() == expected.splitlines()


def test_the_season_covers_the_cases_it_is_for() -> None:
    """The golden file is worth comparing: imported and local learners, every state."""
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 100
    text = "\n".join(lines)
    for needle in (",here,", ",imported,", ",complete,", ",open,", ",not_reported,", "(B)"):
        assert needle in text
