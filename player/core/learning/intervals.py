"""Watched intervals of a video, as sorted disjoint ``(start, end)`` pairs in seconds."""

from __future__ import annotations

Interval = tuple[float, float]


def add_interval(intervals: list[Interval], start: float, end: float) -> list[Interval]:
    """Merge ``[start, end]`` into the list (touching or overlapping intervals join)."""
    if end <= start:
        return list(intervals)
    merged: list[Interval] = []
    placed = False
    for a, b in sorted(intervals):
        if b < start:
            merged.append((a, b))
        elif a > end:
            if not placed:
                merged.append((start, end))
                placed = True
            merged.append((a, b))
        else:
            start, end = min(a, start), max(b, end)
    if not placed:
        merged.append((start, end))
    return sorted((round(a, 3), round(b, 3)) for a, b in merged)


def covered(intervals: list[Interval], limit: float | None = None) -> float:
    """Seconds covered, counting only what lies within ``[0, limit]`` when a limit is given."""
    total = 0.0
    for a, b in intervals:
        if limit is not None:
            a, b = max(0.0, a), min(b, limit)
        total += max(0.0, b - a)
    return total


def unwatched(intervals: list[Interval], duration: float, min_gap: float = 1.0) -> list[Interval]:
    """The stretches of ``[0, duration]`` not covered, in order, ignoring any under ``min_gap``.

    Gaps shorter than ``min_gap`` seconds come from saves rounding positions, not from
    skipping: a learner asked to "resume at 0:34" must find something to watch there.
    """
    gaps: list[Interval] = []
    cursor = 0.0
    for a, b in sorted(intervals):
        a, b = max(0.0, a), min(b, duration)
        if a - cursor >= min_gap:
            gaps.append((round(cursor, 3), round(a, 3)))
        cursor = max(cursor, b)
    if duration - cursor >= min_gap:
        gaps.append((round(cursor, 3), round(duration, 3)))
    return gaps
