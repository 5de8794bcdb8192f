"""Covers and thumbnails: the manifest fields, the header checks, and what ``pack`` makes."""

from __future__ import annotations

import json
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest

from player.core.authoring import FFmpeg, MediaPreparer, find_ffmpeg, render_size_report
from player.core.authoring import size_report as make_size_report
from player.core.errors import ManifestError, PackageError
from player.core.package.images import MAX_IMAGE_BYTES, image_info, image_problem
from player.core.package.manifest import parse_manifest
from player.core.package.pack import pack
from tests.core.test_manifest import SHA, with_files
from tests.helpers.courses import document


def png(width: int, height: int) -> bytes:
    """A PNG header (signature + IHDR) declaring ``width``×``height``."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + crc


def pictured(doc: dict[str, Any], sizes: dict[str, int]) -> bytes:
    data = json.loads(with_files(doc))
    for path, size in sizes.items():
        data["files"][path] = {"size": size, "sha256": SHA}
    return json.dumps(data).encode()


# ------------------------------------------------------------------------------ manifest


def test_format_1_without_pictures_still_reads() -> None:
    manifest = parse_manifest(with_files(document()))
    assert manifest.cover is None and manifest.pictures() == []


def test_cover_and_thumbnails_are_read_and_listed() -> None:
    doc = document(cover="media/cover.jpg")
    doc["modules"][0]["lessons"][1]["thumbnail"] = "media/t.webp"
    manifest = parse_manifest(pictured(doc, {"media/cover.jpg": 9000, "media/t.webp": 3000}))
    lesson = manifest.modules[0].lessons[1]
    assert manifest.cover == "media/cover.jpg" and lesson.thumbnail == "media/t.webp"
    assert manifest.pictures() == ["media/cover.jpg", "media/t.webp"]
    assert "media/t.webp" in lesson.referenced_files()


@pytest.mark.parametrize(
    ("cover", "sizes", "message"),
    [
        ("media/cover.jpg", {}, "cover: names 'media/cover.jpg', which is not in files"),
        ("media/cover.gif", {"media/cover.gif": 10}, "must be a .jpg, .png or .webp picture"),
        ("../cover.jpg", {}, "not a normalised"),
        ("media/c.png", {"media/c.png": MAX_IMAGE_BYTES + 1}, "a picture may hold at most"),
    ],
)
def test_bad_pictures_are_refused_in_one_line(
    cover: str, sizes: dict[str, int], message: str
) -> None:
    with pytest.raises(ManifestError, match=message) as caught:
        parse_manifest(pictured(document(cover=cover), sizes))
    assert "\n" not in str(caught.value)


# ------------------------------------------------------------------------------ headers


def test_image_headers_give_format_and_size() -> None:
    assert image_info(png(640, 360)) == image_info(png(640, 360))
    info = image_info(png(640, 360))
    assert info is not None and (info.kind, info.width, info.height) == ("png", 640, 360)
    assert image_info(b"GIF89a....") is None


@pytest.mark.parametrize(
    ("size", "header", "message"),
    [
        (100, png(100_000, 100_000), "each side must be 1 to 4096"),
        (100, png(4096, 4096), "more than"),
        (100, png(0, 10), "each side"),
        (MAX_IMAGE_BYTES + 1, png(10, 10), "more than the"),
        (100, b"<svg/>", "not a PNG, JPEG or WebP"),
    ],
)
def test_oversized_or_unknown_pictures_are_refused_before_decoding(
    size: int, header: bytes, message: str
) -> None:
    problem = image_problem(size, header)
    assert problem is not None and message in problem


def test_real_jpeg_and_webp_headers_are_read(tools: FFmpeg, tmp_path: Path) -> None:
    for suffix in (".jpg", ".webp"):
        out = tmp_path / f"p{suffix}"
        subprocess.run(
            [str(tools.ffmpeg), "-loglevel", "error", "-f", "lavfi", "-i",
             "testsrc=size=300x170", "-frames:v", "1", str(out)],
            check=True, timeout=60,
        )  # fmt: skip
        info = image_info(out.read_bytes())
        assert info is not None and (info.width, info.height) == (300, 170), suffix
        assert image_problem(out.stat().st_size, out.read_bytes()) is None


# ------------------------------------------------------------------------------ pack


@pytest.fixture(scope="module")
def tools() -> FFmpeg:
    return find_ffmpeg()


@pytest.fixture(scope="module")
def talk(tools: FFmpeg, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("video") / "talk.mp4"
    subprocess.run(
        [str(tools.ffmpeg), "-loglevel", "error", "-f", "lavfi", "-i",
         "testsrc=size=854x480:rate=25:duration=2", "-c:v", "libx264", "-preset", "ultrafast",
         "-pix_fmt", "yuv420p", str(out)],
        check=True, timeout=60,
    )  # fmt: skip
    return out


def course_source(folder: Path, talk: Path, **extra: Any) -> Path:
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "talk.mp4").write_bytes(talk.read_bytes())
    (folder / "media" / "page.md").write_text("# Lire\n", encoding="utf-8")
    lessons: list[dict[str, Any]] = [
        {"id": f"v{n}", "type": "video", "title": f"V{n}", "source": "media/talk.mp4"}
        for n in (1, 2)
    ]
    lessons.append({"id": "p", "type": "text", "title": "P", "file": "media/page.md"})
    doc = {"format": 1, "id": "essai", "version": 1, "title": "Essai", "language": "fr"}
    doc["modules"] = [{"id": "m1", "title": "M", "lessons": lessons}]
    doc.update(extra)
    (folder / "course.yaml").write_text(json.dumps(doc), encoding="utf-8")
    return folder


def test_pack_makes_small_thumbnails_and_a_cover_from_the_videos(
    talk: Path, tmp_path: Path
) -> None:
    source = course_source(tmp_path / "src", talk)
    preparer = MediaPreparer(cache_dir=tmp_path / "cache")
    result = pack(source, tmp_path / "out", prepare_media=preparer)

    manifest = result.manifest
    assert manifest.cover == "media/pictures/cover.jpg"
    thumbnails = [lesson.thumbnail for lesson in manifest.lessons]
    assert thumbnails == ["media/pictures/v1.jpg", "media/pictures/v2.jpg", None]
    for name, width in (("v1", 320), ("v2", 320), ("cover", 960)):
        data = (tmp_path / "out" / f"media/pictures/{name}.jpg").read_bytes()
        info = image_info(data)
        assert info is not None and info.kind == "jpeg" and info.width == width
        assert abs(info.height - width * 480 / 854) <= 2  # the aspect ratio is kept
        if width == 320:
            assert len(data) < 20_000  # a few KB
    report = make_size_report(manifest)
    assert report.pictures == 3 and report.picture_bytes > 0
    assert "3 picture(s) (cover, thumbnails)" in render_size_report(report)


def test_pack_keeps_the_authors_own_cover(talk: Path, tmp_path: Path) -> None:
    source = course_source(tmp_path / "src", talk, cover="media/mine.png")
    (source / "media" / "mine.png").write_bytes(png(640, 360) + b"\0" * 100)
    result = pack(source, tmp_path / "out", prepare_media=MediaPreparer(cache_dir=tmp_path / "c"))
    assert result.manifest.cover == "media/mine.png"
    assert not (tmp_path / "out" / "media/pictures/cover.jpg").exists()
    assert result.manifest.lessons[0].thumbnail == "media/pictures/v1.jpg"


def test_pack_refuses_an_oversized_picture_and_writes_nothing(talk: Path, tmp_path: Path) -> None:
    source = course_source(tmp_path / "src", talk, cover="media/huge.png")
    (source / "media" / "huge.png").write_bytes(png(20_000, 20_000))
    with pytest.raises(PackageError, match=r"^media/huge\.png is 20000×20000 pixels") as caught:
        pack(source, tmp_path / "out.zip", prepare_media=MediaPreparer(cache_dir=tmp_path / "c"))
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "out.zip").exists()
