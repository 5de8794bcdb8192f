"""A printable one-page summary of one learner's course, as PDF (QtGui only, no widgets).

The workshop's attendance and completion record: course, learner, modules with state, best
score, time and completion date, and a line for the trainer's signature. The page is drawn with
``QTextDocument`` on a ``QPdfWriter``, scaled down when needed so it always fits one A4 page.
Works without a display (``QT_QPA_PLATFORM=offscreen``); the CLI imports this module lazily.

Labels are in French or English (the course's language by default), independent of the UI's
translation catalogue, since the sheet is printed for the workshop, not for the app's user.
"""

from __future__ import annotations

import html
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from player.core.errors import QT_TRANSLATE_NOOP, PlayerError
from player.core.progress import format_duration
from player.core.trainer_table import LearnerSummary
from player.ui.style import PRINTED_HEADER, PRINTED_TEXT

LAYOUT_WIDTH = 720.0  # the HTML is laid out at this width, then scaled to the page

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "heading": "Relevé de suivi de formation",
        "learner": "Participant·e",
        "course": "Cours",
        "version": "version",
        "date": "Édité le",
        "module": "Module",
        "state": "État",
        "score": "Meilleur score",
        "time": "Temps passé",
        "completed_on": "Terminé le",
        "complete": "terminé",
        "open": "ouvert",
        "locked": "pas encore ouvert",
        "not_reported": "non rapporté",
        "summary": "{done} module(s) terminé(s) sur {total} · temps total {time}",
        "course_done": "Cours terminé le {date}.",
        "course_open": "Cours en cours.",
        "last": "Dernière activité : {date}",
        "signature": "Signature du formateur ou de la formatrice :",
    },
    "en": {
        "heading": "Course progress record",
        "learner": "Learner",
        "course": "Course",
        "version": "version",
        "date": "Issued on",
        "module": "Module",
        "state": "State",
        "score": "Best score",
        "time": "Time spent",
        "completed_on": "Completed on",
        "complete": "complete",
        "open": "open",
        "locked": "not yet open",
        "not_reported": "not reported",
        "summary": "{done} of {total} module(s) complete · total time {time}",
        "course_done": "Course completed on {date}.",
        "course_open": "Course in progress.",
        "last": "Last activity: {date}",
        "signature": "Trainer's signature:",
    },
}

_app: QGuiApplication | None = None


class ReportError(PlayerError):
    """The PDF cannot be written (bad path, unwritable folder)."""


def _ensure_gui() -> None:
    """QTextDocument needs a QGuiApplication (fonts); the CLI has none, so make one offscreen."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


def _day(moment: str | None) -> str:
    if not moment:
        return "—"
    try:
        return (
            datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone().strftime("%d/%m/%Y")
        )
    except ValueError:
        return moment[:10]


def summary_html(summary: LearnerSummary, language: str) -> str:
    t = LABELS.get(language, LABELS["en"])
    e = html.escape
    rows = []
    for m in summary.modules:
        score = "—" if m.best_quiz_score is None else f"{m.best_quiz_score:.0%}"
        rows.append(
            "<tr>"
            f"<td>{e(m.module_title)}</td><td>{e(t.get(m.state, m.state))}</td>"
            f"<td align='right'>{score}</td>"
            f"<td align='right'>{format_duration(m.time_spent_s)}</td>"
            f"<td align='right'>{_day(m.module_completed_at)}</td>"
            "</tr>"
        )
    total = t["summary"].format(
        done=summary.modules_completed,
        total=len(summary.modules),
        time=format_duration(summary.time_spent_s),
    )
    state = (
        t["course_done"].format(date=_day(summary.course_completed_at))
        if summary.course_complete
        else t["course_open"]
    )
    return f"""
<html><body style="font-family: sans-serif; font-size: 11pt; color: {PRINTED_TEXT};">
<h2>{e(t["heading"])}</h2>
<table cellpadding="3">
<tr><td><b>{e(t["learner"])}</b></td><td>{e(summary.learner_name)}</td></tr>
<tr><td><b>{e(t["course"])}</b></td>
    <td>{e(summary.course_title)} ({e(t["version"])} {summary.course_version})</td></tr>
<tr><td><b>{e(t["date"])}</b></td><td>{_day(summary.generated_at)}</td></tr>
</table>
<p></p>
<table width="100%" border="1" cellspacing="0" cellpadding="5" style="border-collapse: collapse;">
<tr style="background-color: {PRINTED_HEADER};">
  <th align="left">{e(t["module"])}</th><th align="left">{e(t["state"])}</th>
  <th align="right">{e(t["score"])}</th><th align="right">{e(t["time"])}</th>
  <th align="right">{e(t["completed_on"])}</th>
</tr>
{"".join(rows)}
</table>
<p>{e(total)}</p>
<p><b>{e(state)}</b> {e(t["last"].format(date=_day(summary.last_activity)))}</p>
<p></p><p></p>
<p>{e(t["signature"])}</p>
<p>______________________________</p>
</body></html>
"""


def write_learner_pdf(
    summary: LearnerSummary, path: Path, *, language: str | None = None, course_language: str = ""
) -> int:
    """Write the one-page PDF atomically; returns the number of pages (always 1)."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise ReportError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{path} must end in .pdf."), path=str(path)
        )
    if not path.parent.is_dir():
        raise ReportError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "The folder {folder} does not exist."),
            folder=str(path.parent),
        )
    language = language or (course_language if course_language in LABELS else "fr")
    _ensure_gui()
    temporary = path.with_name(f".{path.name}.partial")
    try:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(f"{summary.learner_name} — {summary.course_title}")
        writer.setCreator("course-player")
        writer.setResolution(300)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        document = QTextDocument()
        document.setHtml(summary_html(summary, language))
        document.setTextWidth(LAYOUT_WIDTH)
        painter = QPainter()
        if not painter.begin(writer):
            raise ReportError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Cannot write the PDF {path}."), path=str(path)
            )
        try:
            page = writer.pageLayout().paintRectPixels(writer.resolution())
            scale = page.width() / LAYOUT_WIDTH
            height = document.size().height()
            if height * scale > page.height():  # long courses: shrink to keep one page
                scale = page.height() / height
            painter.scale(scale, scale)
            document.drawContents(painter)
        finally:
            painter.end()
        del writer  # flushes and closes the file
        if not temporary.is_file() or temporary.stat().st_size == 0:
            raise ReportError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Cannot write the PDF {path}."), path=str(path)
            )
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ReportError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Cannot write the PDF {path}: {reason}."),
            path=str(path),
            reason=error.strerror or str(error),
        ) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return 1
