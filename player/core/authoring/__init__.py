"""Authoring: light video variants, durations, subtitles and the size report at pack time.

Qt-free; ``pack`` calls :func:`prepare_media` before hashing files, and prints
:func:`render_size_report` of :func:`size_report` when it is done.
"""

from player.core.authoring.encode import AUDIO, EncodeSettings, Variant, parse_variants
from player.core.authoring.media import (
    MediaPreparer,
    PreparedMedia,
    default_cache_dir,
    prepare_media,
)
from player.core.authoring.probe import MediaInfo, probe
from player.core.authoring.report import SizeReport, render_size_report, size_report
from player.core.authoring.subtitles import check_vtt, srt_to_vtt
from player.core.authoring.tools import FFmpeg, find_ffmpeg

__all__ = [
    "AUDIO",
    "EncodeSettings",
    "FFmpeg",
    "MediaInfo",
    "MediaPreparer",
    "PreparedMedia",
    "SizeReport",
    "Variant",
    "check_vtt",
    "default_cache_dir",
    "find_ffmpeg",
    "parse_variants",
    "prepare_media",
    "probe",
    "render_size_report",
    "size_report",
    "srt_to_vtt",
]
