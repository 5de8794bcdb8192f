"""The printable one-page learner summary (PDF), through the core summary and the CLI."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from player.cli import main
from player.core.context import open_context
from player.core.learning import create_learner, record_reading, start_attempt, submit
from player.core.learning.quiz import answer
from player.core.paths import DataDir
from player.core.trainer_table import learner_summary
from player.ui.reports import ReportError, summary_html, write_learner_pdf


def pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        line = next(x for x in out.stdout.splitlines() if x.startswith("Pages:"))
        return int(line.split()[1])
    data = path.read_bytes()  # fallback: count page objects
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page\n")


@pytest.fixture
def progressed(data_dir: DataDir) -> DataDir:
    ctx = open_context(data_dir)
    try:
        manifest = ctx.manifest("test-course")
        ana = create_learner(ctx.db, "Ana Lúcia").id
        record_reading(ctx.db, ana, manifest, "m1-read", elapsed=42, at_end=True)
        attempt = start_attempt(ctx.db, ana, manifest, "m1-quiz")
        for question_id, value in {"q1": "b", "q2": ["a", "c"], "q3": True}.items():
            answer(ctx.db, manifest, attempt.id, question_id, value)
        submit(ctx.db, manifest, attempt.id)
    finally:
        ctx.close()
    return data_dir


def test_pdf_is_one_page(qapp, progressed: DataDir, tmp_path: Path) -> None:
    ctx = open_context(progressed)
    try:
        summary = learner_summary(ctx, "ana lúcia", "test-course")
    finally:
        ctx.close()
    text = summary_html(summary, "fr")
    assert "Ana Lúcia" in text and "Cours d&#x27;essai" in text and "75%" in text
    out = tmp_path / "ana.pdf"
    assert write_learner_pdf(summary, out, course_language="fr") == 1
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 1000
    assert pdf_pages(out) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

    # a course with many modules still fits one page
    long = summary.__class__(**{**summary.__dict__, "modules": summary.modules * 30})
    many = tmp_path / "long.pdf"
    assert write_learner_pdf(long, many, language="en") == 1
    assert pdf_pages(many) == 1

    with pytest.raises(ReportError, match="must end in .pdf"):
        write_learner_pdf(summary, tmp_path / "ana.txt")
    with pytest.raises(ReportError, match="does not exist"):
        write_learner_pdf(summary, tmp_path / "nowhere" / "ana.pdf")


def test_the_printed_summary_is_dark_on_white_with_the_screen_in_dark_mode(
    qapp, progressed: DataDir
) -> None:
    """Paper is white: the app's dark palette must not turn the report's text light."""
    from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

    from player.ui import style

    ctx = open_context(progressed)
    try:
        summary = learner_summary(ctx, "ana lúcia", "test-course")
    finally:
        ctx.close()
    old = qapp.palette(), qapp.style().name()
    try:
        style.apply(qapp, style.SCHEMES["dark"])
        document = QTextDocument()
        document.setHtml(summary_html(summary, "en"))
        document.setTextWidth(720)
        image = QImage(720, int(document.size().height()), QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        document.drawContents(painter)
        painter.end()
    finally:
        qapp.setStyleSheet("")
        qapp.setStyle(old[1])
        qapp.setPalette(old[0])
    darkest = min(
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )
    assert darkest < 60  # black text, not the dark scheme's light grey (#e9edf2)


def test_cli_report(
    qapp,
    progressed: DataDir,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
) -> None:
    monkeypatch.setenv("COURSE_PLAYER_HOME", str(progressed.root))
    out = tmp_path / "report.pdf"
    args = ["report", "Ana Lúcia", "--course", "test-course", "--out", str(out)]
    assert main(args) == 0
    assert pdf_pages(out) == 1
    assert main(["report", "Nobody", "--course", "test-course", "--out", str(out)]) == 1
    assert "No learner 'Nobody'" in capsys.readouterr().err
