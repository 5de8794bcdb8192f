"""Charts as inline SVG, drawn by matplotlib (the optional ``[reports]`` extra).

``available()`` says whether matplotlib can be imported; each function returns the ``<svg>``
element as text. Only the object-oriented API is used (``Figure``, no ``pyplot``): no global
state, no display. Texts from statements have their ``$`` escaped (a dollar sign, not TeX) and
are SVG-escaped by matplotlib.
"""

from __future__ import annotations

import io
from typing import Any

from player.core.stats.figures import WHAT_IF, ModuleFigures, QuizFigures

BLUE = "#1f5f99"
GREEN = "#2e7d32"
GREY = "#9e9e9e"
ORANGE = "#c75b12"


def available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _figure(width: float, height: float) -> Any:
    from matplotlib import rcParams
    from matplotlib.figure import Figure

    rcParams["svg.hashsalt"] = "course-player"  # the same report gives the same file
    rcParams["font.family"] = "DejaVu Sans"
    return Figure(figsize=(width, height), layout="constrained")


def _svg(figure: Any, title: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title})
    text = buffer.getvalue()
    start = text.find("<svg")
    return text[start:] if start >= 0 else ""


def _short(name: str, limit: int = 28) -> str:
    """A label cut to ``limit`` characters, its ``$`` escaped (not TeX for matplotlib)."""
    name = " ".join(name.split())
    name = name if len(name) <= limit else name[: limit - 1] + "…"
    return name.replace("$", r"\$")


def funnel(modules: list[ModuleFigures], started: str, completed: str, title: str) -> str:
    figure = _figure(7.5, 0.5 + 0.45 * max(2, len(modules)))
    axes = figure.subplots()
    names = [_short(m.title) for m in modules]
    rows = list(range(len(modules)))[::-1]
    axes.barh([r + 0.2 for r in rows], [m.started for m in modules], 0.4, color=BLUE, label=started)
    axes.barh(
        [r - 0.2 for r in rows], [m.completed for m in modules], 0.4, color=GREEN, label=completed
    )
    axes.set_yticks(rows, names)
    axes.legend(loc="lower right", frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure, title)


def what_if(quiz: QuizFigures, axis_label: str, title: str) -> str:
    figure = _figure(5.0, 2.6)
    axes = figure.subplots()
    names = [f"{int(t * 100)} %" for t in WHAT_IF]
    values = [quiz.what_if.get(t, 0) for t in WHAT_IF]
    colours = [
        ORANGE if quiz.threshold is not None and abs(t - quiz.threshold) < 1e-9 else BLUE
        for t in WHAT_IF
    ]
    bars = axes.bar(names, values, color=colours)
    axes.bar_label(bars, padding=2)
    axes.axhline(quiz.learners, color=GREY, linewidth=1, linestyle="--")
    axes.set_ylabel(axis_label)
    axes.set_ylim(0, max(1, quiz.learners) * 1.15)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure, title)


def times(modules: list[ModuleFigures], axis_label: str, title: str) -> str:
    shown = [m for m in modules if m.times]
    figure = _figure(7.5, 0.6 + 0.45 * max(2, len(shown)))
    axes = figure.subplots()
    names = [_short(m.title) for m in shown]
    axes.boxplot(
        [[t / 60 for t in m.times] for m in shown][::-1],
        orientation="horizontal",
        showfliers=False,
        tick_labels=names[::-1],
        medianprops={"color": ORANGE},
    )
    axes.set_xlabel(axis_label)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure, title)


def bars(counts: dict[str, int], axis_label: str, title: str, limit: int = 15) -> str:
    items = list(counts.items())[:limit]
    figure = _figure(5.5, 0.5 + 0.35 * max(2, len(items)))
    axes = figure.subplots()
    names = [_short(name, 32) for name, _ in items][::-1]
    found = axes.barh(names, [n for _, n in items][::-1], color=BLUE)
    axes.bar_label(found, padding=2)
    axes.set_xlabel(axis_label)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure, title)
