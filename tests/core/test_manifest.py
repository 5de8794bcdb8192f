"""Manifest format 1: what is accepted, and a one-line error for everything else."""

from __future__ import annotations

import json
from typing import Any

import pytest

from player.core.errors import FormatTooNewError, ManifestError
from player.core.package.manifest import parse_manifest, path_problem, validate_manifest
from tests.helpers.courses import document

SHA = "0" * 64


def with_files(doc: dict[str, Any]) -> bytes:
    files = {}
    for module in doc["modules"]:
        for lesson in module["lessons"]:
            for key in ("sources", "subtitles"):
                for item in lesson.get(key, []):
                    files[item["file"]] = {"size": 1, "sha256": SHA}
            if "file" in lesson:
                files[lesson["file"]] = {"size": 1, "sha256": SHA}
    doc["files"] = files
    return json.dumps(doc).encode()


def test_valid_manifest_parses_with_thresholds_in_force() -> None:
    manifest = parse_manifest(with_files(document()))
    quiz1 = manifest.lesson("m1-quiz")
    quiz2 = manifest.lesson("m2-quiz")
    assert quiz1 is not None and quiz2 is not None
    assert manifest.threshold_for(quiz1) == 0.4  # module override
    assert manifest.threshold_for(quiz2) == 0.7  # course default
    assert [m.id for m in manifest.modules] == ["m1", "m2"]
    assert manifest.gating == "sequential"


def test_unknown_fields_are_kept_readable() -> None:
    doc = document(future_field={"x": 1})
    manifest = parse_manifest(with_files(doc))
    assert manifest.raw["future_field"] == {"x": 1}


def test_newer_format_is_refused_saying_so() -> None:
    with pytest.raises(FormatTooNewError, match="format 2.*update the course player"):
        parse_manifest(with_files(document(format=2)))


def mutate(path: list[Any], value: Any) -> dict[str, Any]:
    doc = document()
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (document(id="Bad Id"), "not a valid identifier"),
        (document(version=0), "version"),
        (document(pass_threshold=1.5), "between 0 and 1"),
        (mutate(["modules", 0, "pass_threshold"], -0.1), "between 0 and 1"),
        (mutate(["modules", 1, "id"], "m1"), "duplicate module id"),
        (mutate(["modules", 1, "lessons", 0, "id"], "m1-intro"), "duplicate lesson id"),
        (mutate(["modules", 0, "lessons", 1, "type"], "game"), "unknown lesson type"),
        (mutate(["modules", 0, "lessons", 2, "questions", 0, "answer"], ["z"]), "not one of"),
        (mutate(["modules", 0, "lessons", 1, "file"], "../etc/passwd"), "not a normalised"),
        (mutate(["modules", 0, "lessons", 1, "file"], "/etc/passwd"), "absolute"),
        (mutate(["modules", 0, "lessons", 2, "questions", 2, "answer"], ["yes"]), "true"),
        (document(modules=[]), "must not be empty"),
        (document(gating="sometimes"), "gating"),
    ],
)
def test_invalid_manifests_fail_with_one_line(doc: dict[str, Any], message: str) -> None:
    with pytest.raises(ManifestError, match=message) as caught:
        parse_manifest(with_files(doc))
    assert "\n" not in str(caught.value)


def test_file_named_by_lesson_must_be_listed() -> None:
    data = json.loads(with_files(document()))
    del data["files"]["text/m1.md"]
    with pytest.raises(ManifestError, match="not in files"):
        parse_manifest(json.dumps(data).encode())


@pytest.mark.parametrize(
    "data",
    [b"not json", b"[1, 2]", b"\xff\xfe\x00bad", b"[" * 10000 + b"]" * 10000, b'{"a": NaN}'],
)
def test_unreadable_manifest_bytes(data: bytes) -> None:
    with pytest.raises(ManifestError) as caught:
        parse_manifest(data)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        ("media/a.mp4", True),
        ("a", True),
        ("../a", False),
        ("media/../a", False),
        ("/abs", False),
        ("C:/x", False),
        ("a\\b", False),
        ("a//b", False),
        ("./a", False),
        ("course.json", False),
    ],
)
def test_path_rules(path: str, ok: bool) -> None:
    assert (path_problem(path) is None) == ok


def test_source_document_without_files_validates_structure_only() -> None:
    manifest = validate_manifest(document(), require_files=False)
    assert manifest.files == {}


def test_reveal_answers_is_optional_and_a_quiz_overrides_the_course() -> None:
    plain = parse_manifest(with_files(document()))
    quiz = plain.lesson("m1-quiz")
    assert quiz is not None and plain.reveal_for(quiz) == "after_pass"  # format 1 as before
    doc = document(reveal_answers="never")
    doc["modules"][0]["lessons"][2]["reveal_answers"] = "always"
    manifest = parse_manifest(with_files(doc))
    quiz1, quiz2 = manifest.lesson("m1-quiz"), manifest.lesson("m2-quiz")
    assert quiz1 is not None and quiz2 is not None
    assert (manifest.reveal_for(quiz1), manifest.reveal_for(quiz2)) == ("always", "never")
    doc["modules"][0]["lessons"][2]["reveal_answers"] = "sometimes"
    with pytest.raises(ManifestError, match="reveal_answers: must be") as caught:
        parse_manifest(with_files(doc))
    assert "\n" not in str(caught.value)
