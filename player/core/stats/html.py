"""The report as one self-contained HTML file: inline CSS and inline SVG charts, no script,
nothing fetched when it is opened (it is read offline, mailed, put on a stick).

Every text from a statement or a manifest is HTML-escaped. Without matplotlib the tables are
all there and a note says how to get the charts.
"""

from __future__ import annotations

from html import escape
from typing import Any

from player.core.stats import charts
from player.core.stats.figures import WHAT_IF, Stats
from player.core.stats.labels import TABLES, count, decimal, response
from player.core.stats.text import minutes, percent

STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:60rem;
padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;
border-bottom:2px solid #1f5f99;padding-bottom:.2rem}h3{font-size:1.05rem;margin-bottom:.3rem}
.meta{color:#555;font-size:.9rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;
padding:.6rem 1rem;min-width:10rem}.card b{display:block;font-size:1.8rem;color:#1f5f99}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#555;font-size:.88rem}.chart svg{max-width:100%;height:auto}
.missing{background:#fff4e5;border:1px solid #c75b12;padding:.5rem 1rem;border-radius:6px}
"""


class _Page:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def table(self, head: list[tuple[str, bool]], rows: list[list[Any]]) -> None:
        """``head``: (title, numeric) per column; cells are escaped here."""
        cells = "".join(
            f'<th{" class=n" if n else ""} scope="col">{escape(h)}</th>' for h, n in head
        )
        body = []
        for row in rows:
            body.append(
                "<tr>"
                + "".join(
                    f"<td{' class=n' if head[i][1] else ''}>{escape(str(v))}</td>"
                    for i, v in enumerate(row)
                )
                + "</tr>"
            )
        self.add(f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(body)}</tbody></table>")

    def chart(self, svg: str, label: str) -> None:
        if svg:
            self.add(f'<div class="chart" role="img" aria-label="{escape(label)}">{svg}</div>')


def render_html(stats: Stats, language: str = "en", *, with_charts: bool | None = None) -> str:
    t = TABLES.get(language, TABLES["en"])
    draw = charts.available() if with_charts is None else with_charts
    page = _Page()
    title = f"{t['title']} — {stats.title or stats.course_id}"
    page.add(f"<h1>{escape(title)}</h1>")
    page.add(
        f'<p class="meta">{escape(stats.course_id)} · {escape(t["source"])}:'
        f" {escape(stats.source)} · {count(stats.statements, language)} {escape(t['statements'])},"
        f" {count(stats.skipped, language)} {escape(t['skipped'])}</p>"
    )
    if not draw:
        page.add(f'<p class="missing">{escape(t["charts_missing"])}</p>')
    if not stats.learners:
        page.add(f"<p>{escape(t['no_data'])}</p>")

    page.add(f"<h2>{escape(t['overview'])}</h2><div class=cards>")
    page.add(f"<div class=card><b>{stats.learners}</b>{escape(t['learners'])}</div>")
    page.add(
        f"<div class=card><b>{stats.completed_course}</b>{escape(t['completed_course'])}</div>"
    )
    page.add("</div>")

    page.add(f"<h2>{escape(t['funnel'])}</h2>")
    if draw and stats.modules:
        page.chart(
            charts.funnel(stats.modules, t["started"], t["completed"], t["funnel"]), t["funnel"]
        )
    page.table(
        [(t["module"], False), (t["started"], True), (t["completed"], True), (t["stopped"], True)],
        [
            [m.title, m.started, m.completed, f"{m.stopped} ({m.stopped_unstarted})"]
            for m in stats.modules
        ],
    )
    page.add(f'<p class="note">{escape(t["stopped_note"])}</p>')

    page.add(f"<h2>{escape(t['quizzes'])}</h2>")
    for quiz in stats.quizzes:
        page.add(f"<h3>{escape(quiz.title)} <small>({escape(quiz.id)})</small></h3>")
        page.table(
            [(t["attempts"], True), (t["learners"], True), (t["threshold"], True)]
            + [(t["passed"], True)],
            [[quiz.attempts, quiz.learners, percent(quiz.threshold), quiz.passed]],
        )
        what = f"{t['what_if']} — {quiz.title}"
        if draw and quiz.learners:
            page.chart(charts.what_if(quiz, t["learners_axis"], what), what)
        page.table(
            [(t["what_if"], False)] + [(f"{int(x * 100)} %", True) for x in WHAT_IF],
            [[t["learners"]] + [quiz.what_if.get(x, 0) for x in WHAT_IF]],
        )
        page.add(f'<p class="note">{escape(t["what_if_note"])}</p>')
        page.table(
            [(t["question"], False), (t["answered"], True), (t["correct"], True)]
            + [(t["wrong"], False)],
            [
                [
                    q.prompt,
                    q.answered,
                    percent(q.correct_rate),
                    f"{response(q.wrong_answer, language)} ({q.wrong_count})"
                    if q.wrong_answer
                    else t["none"],
                ]
                for q in quiz.questions
            ],
        )

    if stats.survey:
        page.add(f"<h2>{escape(t['survey'])}</h2>")
        page.table(
            [(t["question"], False), (t["count"], True), (t["mean"], True)],
            [
                [
                    s.prompt,
                    s.count,
                    decimal(s.mean, 2, language) if s.mean is not None else t["none"],
                ]
                for s in stats.survey
            ],
        )
        for s in stats.survey:
            if s.choices:
                page.add(f"<h3>{escape(s.prompt)}</h3>")
                page.table([(t["answer"], False), (t["times"], True)], [list(c) for c in s.choices])
            if s.answers:
                page.add(f"<h3>{escape(s.prompt)}</h3>")
                page.table([(t["answer"], False), (t["times"], True)], [list(a) for a in s.answers])
                hidden = s.more_answers
                if hidden:
                    page.add(f'<p class="note">{escape(t["more_answers"].format(n=hidden))}</p>')

    page.add(f"<h2>{escape(t['tlds'])}</h2>")
    if draw and stats.tlds:
        page.chart(
            charts.bars({f".{k}": v for k, v in stats.tlds.items()}, t["learners_axis"], t["tlds"]),
            t["tlds"],
        )
    page.table(
        [(t["tld"], False), (t["learners"], True)], [[f".{k}", v] for k, v in stats.tlds.items()]
    )
    page.add(f"<h2>{escape(t['domains'])}</h2>")
    rows: list[list[Any]] = [[k, v] for k, v in stats.domains.items()]
    if stats.no_email:
        rows.append([f"({t['no_email']})", stats.no_email])
    page.table([(t["domain"], False), (t["learners"], True)], rows)

    page.add(f"<h2>{escape(t['time'])}</h2>")
    timed = [m for m in stats.modules if m.times]
    if draw and timed:
        page.chart(charts.times(stats.modules, t["minutes"], t["time"]), t["time"])
    time_rows = []
    for m in timed:
        found = m.time_quartiles
        assert found is not None
        time_rows.append([m.title, len(m.times), *(minutes(x, language) for x in found)])
    page.table(
        [(t["module"], False), (t["learners"], True), (t["q1"], True)]
        + [(t["median"], True), (t["q3"], True)],
        time_rows,
    )

    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';'
        " style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(page.parts)}</body></html>\n"
    )
