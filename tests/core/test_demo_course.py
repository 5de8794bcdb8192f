"""The demo course bundled with the app: a valid format-1 source, complete, small, playable."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from player.core.install import open_source
from player.core.package.images import image_problem
from player.core.package.manifest import Manifest, validate_manifest
from player.core.package.pack import markdown_images, pack
from player.core.package.verify import verify_source

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo-course"
MAX_BYTES = 5 * 1024 * 1024


@pytest.fixture(scope="module")
def manifest() -> Manifest:
    document = yaml.safe_load((DEMO / "course.yaml").read_text(encoding="utf-8"))
    return validate_manifest(document, origin="course.yaml", require_files=False)


def referenced_files(manifest: Manifest) -> set[str]:
    """Files the lessons name, the cover, plus the images their reading pages show."""
    files = {path for lesson in manifest.lessons for path in lesson.referenced_files()}
    files.update(manifest.pictures())
    for lesson in manifest.lessons:
        if lesson.type == "text" and lesson.file:
            page = DEMO / lesson.file
            for image in markdown_images(page.read_text(encoding="utf-8")):
                files.add((Path(lesson.file).parent / image).as_posix())
    return files


def test_demo_manifest_is_format_1_in_french(manifest: Manifest) -> None:
    assert manifest.format == 1
    assert manifest.id == "demo-communication"
    assert manifest.version == 1
    assert manifest.language == "fr"
    assert manifest.publisher is not None and manifest.publisher.name == "Course Player (démo)"
    assert [module.id for module in manifest.modules] == ["m1", "m2"]


def test_every_referenced_file_exists_and_the_course_is_small(manifest: Manifest) -> None:
    files = referenced_files(manifest)
    missing = sorted(path for path in files if not (DEMO / path).is_file())
    assert missing == []
    assert any(path.endswith(".png") for path in files)  # the reading pages show diagrams
    total = sum(path.stat().st_size for path in DEMO.rglob("*") if path.is_file())
    assert total < MAX_BYTES


def test_every_video_has_two_qualities_audio_and_french_subtitles(manifest: Manifest) -> None:
    videos = [lesson for lesson in manifest.lessons if lesson.type == "video"]
    assert {lesson.module_id for lesson in videos} == {"m1", "m2"}
    for lesson in videos:
        assert sorted(s.height or 0 for s in lesson.sources if not s.audio_only) == [240, 480]
        assert [s.file.endswith(".m4a") for s in lesson.sources if s.audio_only] == [True]
        assert [sub.language for sub in lesson.subtitles] == ["fr"]
        vtt = (DEMO / lesson.subtitles[0].file).read_text(encoding="utf-8")
        assert vtt.startswith("WEBVTT\n") and "-->" in vtt
        assert lesson.duration is not None and 15 <= lesson.duration <= 25


def test_module_1_threshold_was_lowered_to_40_percent(manifest: Manifest) -> None:
    m1_quiz = manifest.lesson("m1-quiz")
    m2_quiz = manifest.lesson("m2-quiz")
    assert m1_quiz is not None and m2_quiz is not None
    assert manifest.pass_threshold == 0.7
    assert manifest.threshold_for(m1_quiz) == 0.4
    assert manifest.threshold_for(m2_quiz) == 0.7


def test_every_question_kind_appears_and_the_course_ends_with_a_survey(
    manifest: Manifest,
) -> None:
    m1_quiz = manifest.lesson("m1-quiz")
    assert m1_quiz is not None
    assert {q.kind for q in m1_quiz.questions} == {"single", "multiple", "true_false", "text"}
    assert all(q.explanation for q in m1_quiz.questions)
    text_question = next(q for q in m1_quiz.questions if q.kind == "text")
    assert "reformuler" in text_question.answer and "la reformulation" in text_question.answer

    last = manifest.modules[-1].lessons
    assert [lesson.type for lesson in last[-2:]] == ["quiz", "survey"]
    survey = last[-1]
    assert {q.kind for q in survey.questions} == {"rating", "single", "text"}
    assert all(q.answer == () for q in survey.questions)


def test_demo_course_has_a_cover_and_video_thumbnails_made_by_pack(manifest: Manifest) -> None:
    assert manifest.cover == "media/pictures/cover.jpg"
    for lesson in manifest.lessons:
        expected = f"media/pictures/{lesson.id}.jpg" if lesson.type == "video" else None
        assert lesson.thumbnail == expected
    for picture in manifest.pictures():
        assert image_problem((DEMO / picture).stat().st_size, (DEMO / picture).read_bytes()) is None


def test_demo_course_packs_and_verifies(tmp_path: Path, manifest: Manifest) -> None:
    result = pack(DEMO, tmp_path / "demo.zip")
    assert set(result.manifest.files) == referenced_files(manifest)
    assert result.warnings == []  # it has an activity_base of its own
    assert result.manifest.activity_base == (
        "https://course-player.invalid/demo/courses/demo-communication"
    )
    source = open_source(str(tmp_path / "demo.zip"))
    try:
        assert verify_source(source).problems == []
    finally:
        source.close()


def probe(path: Path) -> dict[str, Any]:
    output = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout
    return json.loads(output)


def test_media_are_h264_and_aac_of_the_declared_size_and_length(manifest: Manifest) -> None:
    for lesson in (les for les in manifest.lessons if les.type == "video"):
        assert lesson.duration is not None
        for source in lesson.sources:
            info = probe(DEMO / source.file)
            streams = {s["codec_type"]: s for s in info["streams"]}
            assert streams["audio"]["codec_name"] == "aac"
            assert streams["audio"]["channels"] == 1
            length = float(info["format"]["duration"])
            assert abs(length - lesson.duration) < 0.2
            if source.audio_only:
                assert "video" not in streams
            else:
                assert streams["video"]["codec_name"] == "h264"
                assert streams["video"]["pix_fmt"] == "yuv420p"
                assert streams["video"]["height"] == source.height
