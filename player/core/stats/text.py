"""The report as plain text, for the terminal."""

from __future__ import annotations

from player.core.stats.figures import WHAT_IF, Stats
from player.core.stats.labels import TABLES, count, decimal, response


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def minutes(seconds: float, language: str = "en") -> str:
    return f"{decimal(seconds / 60, 1, language)} min"


def render_text(stats: Stats, language: str = "en") -> str:
    t = TABLES.get(language, TABLES["en"])
    out: list[str] = []
    add = out.append
    add(f"{t['title']}: {stats.title or stats.course_id} ({stats.course_id})")
    add(f"{t['source']}: {stats.source}")
    shown = count(stats.statements, language), count(stats.skipped, language)
    add(f"{shown[0]} {t['statements']}, {shown[1]} {t['skipped']}")
    if not stats.learners:
        add(t["no_data"])
    add("")
    add(f"{t['learners']}: {stats.learners}")
    add(f"{t['completed_course']}: {stats.completed_course}")
    add("")
    add(f"== {t['funnel']}")
    add(f"{t['module']:<30} {t['started']:>10} {t['completed']:>10} {t['stopped']:>16}")
    for m in stats.modules:
        stop = f"{m.stopped} ({m.stopped_unstarted})"
        add(f"{m.title[:30]:<30} {m.started:>10} {m.completed:>10} {stop:>16}")
    add("")
    add(f"== {t['quizzes']}")
    for q in stats.quizzes:
        threshold = percent(q.threshold)
        add(f"-- {q.title} ({q.id}): {t['attempts']} {q.attempts}, {t['learners']} {q.learners}")
        add(f"   {t['passed']} ({threshold}): {q.passed}  [{q.recorded_passes} {t['recorded']}]")
        what_if = ", ".join(f"{int(x * 100)} %: {q.what_if.get(x, 0)}" for x in WHAT_IF)
        add(f"   {t['what_if']} {what_if}")
        for x in q.questions:
            wrong = ""
            if x.wrong_answer:
                shown_wrong = response(x.wrong_answer, language)[:60]
                wrong = f"  {t['wrong']}: {shown_wrong} ({x.wrong_count})"
            add(
                f"   {x.id:<10} {t['answered']} {x.answered:>5}"
                f"  {t['correct']} {percent(x.correct_rate):>5}{wrong}"
            )
    add("")
    add(f"== {t['survey']}")
    for s in stats.survey:
        mean = f"  {t['mean']} {decimal(s.mean, 2, language)}" if s.mean is not None else ""
        add(f"-- {s.prompt[:70]} ({s.survey}/{s.id}): {t['count']} {s.count}{mean}")
        for label, times in s.choices[:10]:
            add(f"   {times:>5}  {label[:70]}")
        for answer, times in s.answers[:20]:
            add(f"   {times:>5}  « {answer[:100]} »")
        hidden = sum(n for _, n in s.answers[20:]) + s.more_answers
        if hidden:
            add("   " + t["more_answers"].format(n=hidden))
    add("")
    add(f"== {t['domains']}")
    for domain, learners in list(stats.domains.items())[:20]:
        add(f"   {learners:>5}  {domain}")
    if stats.no_email:
        add(f"   {stats.no_email:>5}  ({t['no_email']})")
    add(f"== {t['tlds']}")
    add("   " + ", ".join(f".{tld}: {n}" for tld, n in stats.tlds.items()))
    add("")
    add(f"== {t['time']}")
    for m in stats.modules:
        found = m.time_quartiles
        if found is not None:
            q1, median, q3 = found
            add(
                f"   {m.title[:30]:<30} {t['median']} {minutes(median, language)}"
                f"  ({t['q1']} {minutes(q1, language)}, {t['q3']} {minutes(q3, language)};"
                f" n = {len(m.times)})"
            )
    return "\n".join(out) + "\n"
