"""The size report: what the course weighs at each quality, and how long it takes to fetch.

For a quality level, each video lesson counts the one source a learner choosing that level
would get (the tallest at or below it, else its smallest picture; for ``audio`` the audio-only
file, else its smallest picture), and every other file of the package counts once.
"""

from __future__ import annotations

from dataclasses import dataclass

from player.core.package.manifest import Lesson, Manifest, Source
from player.core.progress import format_bytes

LINK_RATES = (256_000, 1_000_000, 4_000_000)  # bits per second
RATE_LABELS = ("256 kbit/s", "1 Mbit/s", "4 Mbit/s")


@dataclass(frozen=True)
class QualitySize:
    quality: str  # "480", "240", "audio", or "all" for the whole package
    bytes: int

    def minutes_at(self, bits_per_second: int) -> float:
        return self.bytes * 8 / bits_per_second / 60

    @property
    def label(self) -> str:
        if self.quality == "all":
            return "whole package"
        return "audio only" if self.quality == "audio" else f"{self.quality}p"


@dataclass(frozen=True)
class SizeReport:
    levels: tuple[QualitySize, ...]  # tallest first, then audio, then the whole package
    video_lessons: int
    video_seconds: float
    pictures: int = 0  # the cover and lesson thumbnails (counted in every level)
    picture_bytes: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "video_lessons": self.video_lessons,
            "video_seconds": round(self.video_seconds, 2),
            "pictures": self.pictures,
            "picture_bytes": self.picture_bytes,
            "levels": [
                {
                    "quality": level.quality,
                    "bytes": level.bytes,
                    "minutes": {
                        label: round(level.minutes_at(rate), 2)
                        for label, rate in zip(RATE_LABELS, LINK_RATES, strict=True)
                    },
                }
                for level in self.levels
            ],
        }


def pick_source(lesson: Lesson, quality: str) -> Source | None:
    """The source a learner choosing ``quality`` ("480", "audio"...) gets for this lesson."""
    pictures = sorted((s for s in lesson.sources if not s.audio_only), key=lambda s: s.height or 0)
    if quality == "audio":
        audio = next((s for s in lesson.sources if s.audio_only), None)
        return audio or (pictures[0] if pictures else None)
    limit = int(quality)
    fitting = [s for s in pictures if (s.height or 0) <= limit]
    if fitting:
        return fitting[-1]
    if pictures:
        return pictures[0]
    return next((s for s in lesson.sources if s.audio_only), None)


def size_report(manifest: Manifest) -> SizeReport:
    videos = [lesson for lesson in manifest.lessons if lesson.type == "video"]
    source_files = {s.file for lesson in videos for s in lesson.sources}
    common = sum(e.size for path, e in manifest.files.items() if path not in source_files)
    heights = sorted({s.height for les in videos for s in les.sources if s.height}, reverse=True)
    qualities = [str(h) for h in heights]
    if any(s.audio_only for les in videos for s in les.sources):
        qualities.append("audio")
    levels = []
    for quality in qualities:
        chosen = {pick_source(lesson, quality) for lesson in videos}
        files = {s.file for s in chosen if s is not None}
        size = common + sum(manifest.files[f].size for f in files if f in manifest.files)
        levels.append(QualitySize(quality, size))
    levels.append(QualitySize("all", manifest.total_bytes))
    seconds = sum(lesson.duration or 0.0 for lesson in videos)
    pictures = [manifest.files[p].size for p in set(manifest.pictures()) if p in manifest.files]
    return SizeReport(tuple(levels), len(videos), seconds, len(pictures), sum(pictures))


def render_size_report(report: SizeReport) -> str:
    """A text table for the terminal."""
    minutes, seconds = divmod(round(report.video_seconds), 60)
    lines = [
        f"Size report: {report.video_lessons} video lesson(s), "
        f"{minutes}:{seconds:02d} of video; minutes to download at each link speed",
        f"  {'quality':<14}{'size':>10}" + "".join(f"{label:>13}" for label in RATE_LABELS),
    ]
    for level in report.levels:
        cells = "".join(f"{_minutes(level.minutes_at(rate)):>13}" for rate in LINK_RATES)
        lines.append(f"  {level.label:<14}{format_bytes(level.bytes):>10}{cells}")
    if report.pictures:
        lines.append(
            f"  of which {report.pictures} picture(s) (cover, thumbnails): "
            f"{format_bytes(report.picture_bytes)}"
        )
    return "\n".join(lines)


def _minutes(value: float) -> str:
    if value < 0.1:
        return "<0.1 min"
    return f"{value:.1f} min" if value < 100 else f"{value:.0f} min"
