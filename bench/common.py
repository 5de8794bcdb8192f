"""Helpers shared by the benchmarks: medians and writing a section of docs/performance.md."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERFORMANCE = ROOT / "docs" / "performance.md"


def median(values: list[float]) -> float:
    return statistics.median(values)


def replace_section(path: Path, section: str) -> None:
    """Replace (or append) the section whose ``## heading`` opens ``section`` in ``path``,
    leaving the other benchmarks' sections untouched."""
    heading = section.splitlines()[0]
    text = path.read_text("utf-8") if path.exists() else "# Performance\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip() + "\n\n", text)
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text.rstrip() + "\n", "utf-8")


def write_section(title: str, body: str) -> None:
    """Replace (or append) the ``## title`` section of docs/performance.md."""
    replace_section(PERFORMANCE, f"## {title}\n\n{body.strip()}\n")
