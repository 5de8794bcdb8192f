"""Authoring at pack time: probing, light variants, encode cache, subtitles, size report.

Every video here is real and tiny (ffmpeg ``testsrc`` + ``sine``, 2-3 s), made once per session.
"""

from __future__ import annotations

import json
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from player.cli import main
from player.core.authoring import (
    FFmpeg,
    MediaPreparer,
    find_ffmpeg,
    parse_variants,
    prepare_media,
    probe,
    render_size_report,
    size_report,
    srt_to_vtt,
)
from player.core.authoring.subtitles import check_vtt
from player.core.errors import AuthoringError
from player.core.package.manifest import validate_manifest
from player.core.package.pack import pack

SRT = (
    "1\n00:00:00,500 --> 00:00:01,250\nBonjour & <i>bienvenue</i>\n\n"
    '2\r\n00:00:01,250 --> 00:00:02,900\r\n<font color="red">Écouter</font>,\r\nreformuler\r\n'
)
PAGE = "text/page.md"


@pytest.fixture(scope="session")
def tools() -> FFmpeg:
    return find_ffmpeg()


def _make(tools: FFmpeg, out: Path, *inputs: str, extra: tuple[str, ...] = ()) -> Path:
    command = [str(tools.ffmpeg), "-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    for spec in inputs:
        command += ["-f", "lavfi", "-i", spec]
    command += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    command += ["-c:a", "aac", *extra, str(out)]
    subprocess.run(command, check=True, timeout=60)
    return out


@pytest.fixture(scope="session")
def videos(tools: FFmpeg, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("videos")
    talk = _make(
        tools,
        folder / "talk.mp4",
        "testsrc=size=640x360:rate=30:duration=3",
        "sine=frequency=440:duration=3",
        extra=("-ac", "2", "-movflags", "+faststart"),
    )
    silent = _make(tools, folder / "silent.mp4", "testsrc=size=320x180:rate=25:duration=2")
    truncated = folder / "truncated.mp4"
    data = talk.read_bytes()
    truncated.write_bytes(data[: len(data) * 6 // 10])  # moov first: the header says 3 s
    garbage = folder / "garbage.mp4"
    garbage.write_bytes(b"this is not a video\n" * 100)
    return {"talk": talk, "silent": silent, "truncated": truncated, "garbage": garbage}


def _source(folder: Path, videos: dict[str, Path], **lesson: Any) -> Path:
    """A course source with one video lesson (``lesson`` overrides its fields) and a page."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "raw").mkdir(exist_ok=True)
    (folder / "text").mkdir(exist_ok=True)
    (folder / "raw" / "talk.mp4").write_bytes(videos["talk"].read_bytes())
    (folder / "raw" / "talk.fr.srt").write_text(SRT, encoding="utf-8")
    (folder / "text" / "page.md").write_text("# Lire\n", encoding="utf-8")
    video = {
        "id": "m1-talk",
        "type": "video",
        "title": "Parler",
        "source": "raw/talk.mp4",
        "subtitles": [{"file": "raw/talk.fr.srt", "language": "fr"}],
    }
    video.update(lesson)
    video = {key: value for key, value in video.items() if value is not None}
    document = {
        "format": 1,
        "id": "essai",
        "version": 1,
        "title": "Essai",
        "language": "fr",
        "modules": [
            {
                "id": "m1",
                "title": "Module",
                "lessons": [
                    video,
                    {"id": "m1-page", "type": "text", "title": "Lire", "file": "text/page.md"},
                ],
            }
        ],
    }
    (folder / "course.yaml").write_text(json.dumps(document), encoding="utf-8")
    return folder


def _document(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "course.yaml").read_text(encoding="utf-8"))


def _lesson(document: dict[str, Any]) -> dict[str, Any]:
    return document["modules"][0]["lessons"][0]


# ------------------------------------------------------------------------------------- probing


@pytest.mark.parametrize("with_ffprobe", [True, False], ids=["ffprobe", "ffmpeg-i"])
def test_probe_reads_duration_size_and_codecs(
    tools: FFmpeg, videos: dict[str, Path], with_ffprobe: bool
) -> None:
    if with_ffprobe and tools.ffprobe is None:
        pytest.skip("no ffprobe beside this ffmpeg")
    used = tools if with_ffprobe else tools.without_ffprobe()
    info = probe(used, videos["talk"])
    assert info.duration == pytest.approx(3.0, abs=0.1)
    assert (info.width, info.height) == (640, 360)
    assert info.video_codec == "h264" and info.audio_codec == "aac"
    assert info.audio_channels == 2 and info.fps == pytest.approx(30)
    silent = probe(used, videos["silent"])
    assert silent.has_video and not silent.has_audio and silent.height == 180


@pytest.mark.parametrize("with_ffprobe", [True, False], ids=["ffprobe", "ffmpeg-i"])
def test_probe_refuses_unreadable_and_empty_files(
    tools: FFmpeg, videos: dict[str, Path], tmp_path: Path, with_ffprobe: bool
) -> None:
    used = tools if with_ffprobe else tools.without_ffprobe()
    with pytest.raises(AuthoringError, match=r"^raw/x\.mp4: ffmpeg cannot read this file \("):
        probe(used, videos["garbage"], name="raw/x.mp4")
    empty = tmp_path / "empty.mp4"
    empty.touch()
    with pytest.raises(AuthoringError, match="empty"):
        probe(used, empty)


def test_bundled_ffmpeg_is_found_and_probes(videos: dict[str, Path]) -> None:
    bundled = find_ffmpeg(env={}, search_path="")
    assert bundled.origin == "bundled" and bundled.ffprobe is None
    assert probe(bundled, videos["talk"]).height == 360


def test_missing_ffmpeg_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(AuthoringError, match="not found.*pip install imageio-ffmpeg.*apt"):
        find_ffmpeg(env={}, search_path="", bundled=False)
    with pytest.raises(AuthoringError, match="COURSE_PLAYER_FFMPEG.*not an executable"):
        find_ffmpeg(env={"COURSE_PLAYER_FFMPEG": str(tmp_path / "nope")})


def test_variant_lists_are_parsed_and_bad_ones_refused() -> None:
    assert [str(v) for v in parse_variants("240, 480p,audio")] == ["480", "240", "audio"]
    assert [str(v) for v in parse_variants([360, "audio"])] == ["360", "audio"]
    for bad in ("480,big", "", "5000", [True]):
        with pytest.raises(AuthoringError, match="--variants"):
            parse_variants(bad)


# -------------------------------------------------------------------------- variants and pack


def test_pack_makes_variants_with_right_heights_codecs_and_durations(
    tools: FFmpeg, videos: dict[str, Path], tmp_path: Path
) -> None:
    source = _source(tmp_path / "src", videos)
    warnings: list[str] = []
    preparer = MediaPreparer(
        variants="480,360,240,audio", cache_dir=tmp_path / "cache", warn=warnings.append
    )
    result = pack(source, tmp_path / "out", prepare_media=preparer)

    assert warnings == ["lesson 'm1-talk': 480p skipped, raw/talk.mp4 is only 360 pixels tall."]
    lesson = result.manifest.lessons[0]
    assert [(s.file, s.height, s.audio_only) for s in lesson.sources] == [
        ("media/m1-talk-360.mp4", 360, False),
        ("media/m1-talk-240.mp4", 240, False),
        ("media/m1-talk.m4a", None, True),
    ]
    assert lesson.duration == pytest.approx(3.0, abs=0.1)
    assert "raw/talk.mp4" not in result.manifest.files  # the heavy original stays home
    out = tmp_path / "out"
    for height, profile in ((360, "Main"), (240, "Constrained Baseline")):
        info = probe(tools, out / f"media/m1-talk-{height}.mp4")
        assert info.height == height and info.width == height * 16 // 9
        assert info.video_codec == "h264" and info.video_profile == profile
        assert info.fps is not None and info.fps <= 25
        assert info.audio_codec == "aac" and info.audio_channels == 1
        assert info.duration == pytest.approx(3.0, abs=0.15)
    audio = probe(tools, out / "media/m1-talk.m4a")
    assert not audio.has_video and audio.audio_codec == "aac" and audio.audio_channels == 1
    assert preparer.result is not None and preparer.result.encoded == 3


def test_repack_takes_variants_from_the_cache(videos: dict[str, Path], tmp_path: Path) -> None:
    source = _source(tmp_path / "src", videos)
    cache = tmp_path / "cache"
    first = prepare_media(
        source, _document(source), variants="240,audio", work_dir=tmp_path / "w1", cache_dir=cache
    )
    assert (first.encoded, first.cached) == (2, 0)

    # The author edits a quiz or a title: the video is unchanged, nothing is encoded again.
    edited = _document(source)
    edited["title"] = "Essai, deuxième version"
    again = prepare_media(
        source, edited, variants="240,audio", work_dir=tmp_path / "w2", cache_dir=cache
    )
    assert (again.encoded, again.cached) == (0, 2)
    media = {  # the encodes (pictures are cheap and made again)
        path: file
        for path, file in first.generated.items()
        if path.startswith("media/") and path not in first.pictures
    }
    assert {path: again.generated[path] for path in media} == media
    assert _lesson(again.document)["sources"] == _lesson(first.document)["sources"]

    # A new variant is the only thing encoded.
    more = prepare_media(
        source, edited, variants="360,240,audio", work_dir=tmp_path / "w3", cache_dir=cache
    )
    assert (more.encoded, more.cached) == (1, 2)


def test_variants_in_course_yaml_and_fallbacks(videos: dict[str, Path], tmp_path: Path) -> None:
    source = _source(tmp_path / "src", videos, source=None, sources=[{"file": "raw/silent.mp4"}])
    (source / "raw" / "silent.mp4").write_bytes(videos["silent"].read_bytes())
    document = _document(source)
    document["variants"] = [480, "audio"]
    result = prepare_media(source, document, work_dir=tmp_path / "w", cache_dir=tmp_path / "c")
    assert "variants" not in result.document
    # 480 is above the 180-pixel source and there is no sound: it is encoded at its own height.
    assert _lesson(result.document)["sources"] == [{"file": "media/m1-talk-180.mp4", "height": 180}]
    assert any("no sound" in w for w in result.warnings)
    assert any("480p skipped" in w for w in result.warnings)
    assert any("own height" in w for w in result.warnings)


def test_without_variants_a_single_source_is_kept_and_described(
    videos: dict[str, Path], tmp_path: Path
) -> None:
    source = _source(tmp_path / "src", videos)
    result = prepare_media(source, _document(source), work_dir=tmp_path / "w", cache_dir=None)
    lesson = _lesson(result.document)
    assert lesson["sources"] == [{"file": "raw/talk.mp4", "height": 360}]
    assert "source" not in lesson and lesson["duration"] == pytest.approx(3.0, abs=0.1)
    assert result.encoded == 0 and result.cached == 0


def test_author_made_sources_are_probed_for_duration(
    videos: dict[str, Path], tmp_path: Path
) -> None:
    source = _source(
        tmp_path / "src",
        videos,
        source=None,
        sources=[
            {"file": "raw/talk.mp4", "height": 480},
            {"file": "raw/silent.mp4", "height": 180},
        ],
    )
    (source / "raw" / "silent.mp4").write_bytes(videos["silent"].read_bytes())
    document = _document(source)
    result = prepare_media(source, document, work_dir=tmp_path / "w", cache_dir=tmp_path / "c")
    assert _lesson(result.document)["duration"] == pytest.approx(3.0, abs=0.1)
    assert result.warnings == ["lesson 'm1-talk': raw/talk.mp4 is listed as 480p but is 360 tall."]
    assert result.probed == 2 and result.encoded == 0


# ------------------------------------------------------------------------------------ subtitles


def test_srt_is_converted_to_webvtt(videos: dict[str, Path], tmp_path: Path) -> None:
    source = _source(tmp_path / "src", videos)
    result = pack(source, tmp_path / "out.zip", prepare_media=MediaPreparer())
    assert result.manifest.lessons[0].subtitles[0].file == "raw/talk.fr.vtt"
    assert "raw/talk.fr.srt" not in result.manifest.files
    vtt = srt_to_vtt(source / "raw/talk.fr.srt", "raw/talk.fr.srt")
    assert vtt == (
        "WEBVTT\n\n00:00:00.500 --> 00:00:01.250\nBonjour &amp; <i>bienvenue</i>\n\n"
        "00:00:01.250 --> 00:00:02.900\nÉcouter,\nreformuler\n"
    )
    converted = tmp_path / "talk.vtt"
    converted.write_text(vtt, encoding="utf-8")
    assert check_vtt(converted, "talk.vtt") == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("1\n00:00:01,000 -> 00:00:02,000\nHi\n", r"^s\.srt:2: expected a timing such as"),
        ("1\n00:00:03,000 --> 00:00:02,000\nHi\n", r"^s\.srt:2: the cue ends before it starts"),
        (
            "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:61:00,000 --> 00:62:00,000\nX\n",
            "s.srt:6:",
        ),
        (b"1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9\n", r"^s\.srt:3: not UTF-8"),
        ("\n\n", "empty"),
    ],
    ids=["arrow", "backwards", "minutes", "latin1", "empty"],
)
def test_broken_srt_names_file_and_line(tmp_path: Path, content: str | bytes, message: str) -> None:
    path = tmp_path / "s.srt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(AuthoringError, match=message):
        srt_to_vtt(path, "s.srt")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("WEBVT\n\n00:00.000 --> 00:01.000\nHi\n", r"^t\.vtt:1: .*WEBVTT"),
        ("WEBVTT\n\n00:00,000 --> 00:01.000\nHi\n", r"^t\.vtt:3: expected a timing"),
        ("WEBVTT\n\nid\n00:05.000 --> 00:01.000\nHi\n", r"^t\.vtt:4: the cue ends before"),
    ],
)
def test_broken_vtt_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "t.vtt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AuthoringError, match=message):
        check_vtt(path, "t.vtt")


# -------------------------------------------------------------------------------- bad input


def _pack_fails(source: Path, tmp_path: Path, message: str, **options: Any) -> None:
    cache = tmp_path / "cache"
    preparer = MediaPreparer(cache_dir=cache, **options)
    dest = tmp_path / "out.zip"
    with pytest.raises(AuthoringError, match=message) as caught:
        pack(source, dest, prepare_media=preparer)
    assert "\n" not in str(caught.value)
    assert not dest.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []
    assert [p for p in cache.rglob("*") if p.is_file()] == []  # no partial encode left


def test_unreadable_video_is_refused_by_name(videos: dict[str, Path], tmp_path: Path) -> None:
    source = _source(tmp_path / "src", videos)
    (source / "raw" / "talk.mp4").write_bytes(videos["garbage"].read_bytes())
    _pack_fails(source, tmp_path, r"^raw/talk\.mp4: ffmpeg cannot read", variants="240")


def test_zero_length_video_is_refused(videos: dict[str, Path], tmp_path: Path) -> None:
    source = _source(tmp_path / "src", videos)
    (source / "raw" / "talk.mp4").write_bytes(b"")
    _pack_fails(source, tmp_path, r"raw/talk\.mp4 is empty \(0 bytes\)", variants="240")


def test_missing_subtitle_file_is_refused(videos: dict[str, Path], tmp_path: Path) -> None:
    source = _source(tmp_path / "src", videos)
    (source / "raw" / "talk.fr.srt").unlink()
    _pack_fails(source, tmp_path, r"subtitle file raw/talk\.fr\.srt is missing")


def test_broken_srt_stops_the_pack(videos: dict[str, Path], tmp_path: Path) -> None:
    source = _source(tmp_path / "src", videos)
    (source / "raw" / "talk.fr.srt").write_text("1\n00:00:01 --> 2\nHi\n", encoding="utf-8")
    _pack_fails(source, tmp_path, r"^raw/talk\.fr\.srt:2: expected a timing")


def test_missing_ffmpeg_stops_the_pack(
    videos: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COURSE_PLAYER_FFMPEG", str(tmp_path / "no-ffmpeg"))
    source = _source(tmp_path / "src", videos)
    _pack_fails(source, tmp_path, "COURSE_PLAYER_FFMPEG", variants="240")


def test_truncated_video_is_refused_and_nothing_kept(
    videos: dict[str, Path], tmp_path: Path
) -> None:
    source = _source(tmp_path / "src", videos)
    (source / "raw" / "talk.mp4").write_bytes(videos["truncated"].read_bytes())
    _pack_fails(source, tmp_path, r"raw/talk\.mp4: ffmpeg stopped at .* of 3\.0 s", variants="240")


def test_ffmpeg_killed_midway_leaves_nothing(
    tools: FFmpeg, videos: dict[str, Path], tmp_path: Path
) -> None:
    # The real ffmpeg under a 4 KB file-size limit: it is killed (SIGXFSZ) while writing, as
    # when a disk fills up.
    wrapper = tmp_path / "bin" / "ffmpeg"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\nulimit -f 8\nexec "{tools.ffmpeg}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    source = _source(tmp_path / "src", videos)
    _pack_fails(
        source,
        tmp_path,
        r"^raw/talk\.mp4: ffmpeg (was killed \(SIGXFSZ\)|failed)",
        variants="360,240",
        tools=FFmpeg(wrapper, None, "env"),
    )


# ---------------------------------------------------------------------------------- report


def test_size_report_counts_each_quality_and_download_minutes() -> None:
    sha = "0" * 64
    sizes = {
        "media/a-480.mp4": 3_000_000,
        "media/a-240.mp4": 1_000_000,
        "media/a.m4a": 200_000,
        "media/b-240.mp4": 500_000,
        "media/a.vtt": 2_000,
        "text/p.md": 8_000,
    }
    document = {
        "format": 1,
        "id": "c",
        "version": 1,
        "title": "C",
        "language": "fr",
        "modules": [
            {
                "id": "m",
                "title": "M",
                "lessons": [
                    {
                        "id": "a",
                        "type": "video",
                        "title": "A",
                        "duration": 90,
                        "sources": [
                            {"file": "media/a-480.mp4", "height": 480},
                            {"file": "media/a-240.mp4", "height": 240},
                            {"file": "media/a.m4a", "audio_only": True},
                        ],
                        "subtitles": [{"file": "media/a.vtt", "language": "fr"}],
                    },
                    {
                        "id": "b",
                        "type": "video",
                        "title": "B",
                        "duration": 30,
                        "sources": [{"file": "media/b-240.mp4", "height": 240}],
                    },
                    {"id": "p", "type": "text", "title": "P", "file": "text/p.md"},
                ],
            }
        ],
        "files": {path: {"size": size, "sha256": sha} for path, size in sizes.items()},
    }
    report = size_report(validate_manifest(document))
    common = 10_000
    assert [(level.quality, level.bytes) for level in report.levels] == [
        ("480", common + 3_000_000 + 500_000),
        ("240", common + 1_000_000 + 500_000),
        ("audio", common + 200_000 + 500_000),  # b has no audio-only file: its smallest video
        ("all", sum(sizes.values())),
    ]
    assert report.video_seconds == 120 and report.video_lessons == 2
    assert report.levels[1].minutes_at(256_000) == pytest.approx(1_510_000 * 8 / 256_000 / 60)
    text = render_size_report(report)
    assert "2:00 of video" in text
    assert "256 kbit/s" in text and "1 Mbit/s" in text and "4 Mbit/s" in text
    assert "240p" in text and "1.5 MB" in text and "0.8 min" in text  # 1.51 MB at 256 kbit/s


def test_cli_pack_with_variants_prints_the_size_report(
    videos: dict[str, Path], tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _source(tmp_path / "src", videos)
    out = tmp_path / "pkg.zip"
    argv = ["pack", str(source), "--out", str(out), "--variants", "240,audio"]
    assert main([*argv, "--cache", str(tmp_path / "cache")]) == 0
    err = capsys.readouterr().err
    assert "Video variants: 2 encoded, 0 reused from the cache." in err
    assert "Size report: 1 video lesson(s), 0:03 of video" in err
    assert "240p" in err and "audio only" in err and "whole package" in err

    assert main(argv) == 0  # default cache: in the data folder
    assert (home / "encode-cache").is_dir()

    assert main(["pack", str(source), "--out", str(out), "--variants", "480,huge"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        "course-player: error: --variants: 'huge' is not a height such as 480, nor 'audio'."
    )
