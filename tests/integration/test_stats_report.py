"""The ``stats`` HTML report rendered by headless Chromium: one self-contained file (nothing
fetched when it is opened) whose charts and tables show, in French and in English."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from player.cli import main
from player.core.learning import video
from player.core.store.database import open_database
from player.core.sync import outbox
from tests.fixtures.chromium import screenshot
from tests.helpers.cohort import drive
from tests.helpers.demo_trace import Clock, demo_manifest

pytestmark = pytest.mark.integration

#: a reference to anything outside the file (SVG's own ``url(#clip)`` references stay inside)
EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//|file:)|url\(\s*["']?(?!#)|@import""", re.I
)
BLUE, GREEN = QColor("#1f5f99"), QColor("#2e7d32")  # the charts' bars (charts.py)


def colours(png: Path) -> set[int]:
    image = QImage(str(png))
    assert not image.isNull()
    found = set()
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            found.add(image.pixel(x, y) & 0xFFFFFF)
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_report_renders_offline_with_its_charts(
    chromium: str,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError:  # the [reports] extra, which scripts/install.sh --test installs
        if os.environ.get("CI"):
            raise
        pytest.skip("matplotlib is not installed: pip install -e '.[reports]'")
    clock = Clock()
    monkeypatch.setattr(video, "now", clock)
    db = open_database(tmp_path / "laptop.sqlite3")
    manifest = demo_manifest()
    drive(db, manifest, 60, seed=5, clock=clock)
    outbox.freeze_pending(db, lambda _course: manifest.activity_base)
    stick = tmp_path / "progress.jsonl"
    rows = db.query("SELECT statement FROM outbox ORDER BY seq")
    stick.write_text("".join(row["statement"] + "\n" for row in rows), encoding="utf-8")
    report = tmp_path / "report.html"
    argv = ["stats", "--course", manifest.id, "--from", str(stick), "--out", str(report)]
    assert main([*argv, "--lang", language]) == 0

    page = report.read_text(encoding="utf-8")
    assert not EXTERNAL.search(page)  # nothing to fetch when it is opened
    assert "default-src 'none'" in page  # and the page may not fetch anything anyway
    assert page.count("<svg") == 1 + 2 + 1 + 1  # funnel, what-if per quiz, domains, times
    assert "&lt;b&gt;Merci&lt;/b&gt; &amp; bravo" in page  # a learner's text stays text
    words = {"fr": "Et si le seuil était", "en": "What if the threshold were"}
    assert words[language] in page and f'<html lang="{language}">' in page

    png = screenshot(report, tmp_path / f"report-{language}.png")
    seen = colours(png)
    assert BLUE.rgb() & 0xFFFFFF in seen and GREEN.rgb() & 0xFFFFFF in seen  # charts drawn
    assert len(seen) > 50  # text, tables and charts, not a blank or error page
