"""Course sources for tests: a small, valid course built in a temporary folder."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from player.core.context import Context

BASE_DOCUMENT: dict[str, Any] = {
    "format": 1,
    "id": "test-course",
    "version": 1,
    "title": "Cours d'essai",
    "language": "fr",
    "description": "Un petit cours pour les tests.",
    "pass_threshold": 0.7,
    "modules": [
        {
            "id": "m1",
            "title": "Module 1",
            "pass_threshold": 0.4,
            "lessons": [
                {
                    "id": "m1-intro",
                    "type": "video",
                    "title": "Introduction",
                    "duration": 20,
                    "sources": [
                        {"file": "media/intro-480.mp4", "height": 480},
                        {"file": "media/intro-240.mp4", "height": 240},
                        {"file": "media/intro.m4a", "audio_only": True},
                    ],
                    "subtitles": [{"file": "media/intro.fr.vtt", "language": "fr"}],
                },
                {"id": "m1-read", "type": "text", "title": "Lecture", "file": "text/m1.md"},
                {
                    "id": "m1-quiz",
                    "type": "quiz",
                    "title": "Quiz 1",
                    "questions": [
                        {
                            "id": "q1",
                            "kind": "single",
                            "prompt": "Choisir b",
                            "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
                            "answer": ["b"],
                            "explanation": "B est juste.",
                        },
                        {
                            "id": "q2",
                            "kind": "multiple",
                            "prompt": "a et c",
                            "choices": [
                                {"id": "a", "text": "A"},
                                {"id": "b", "text": "B"},
                                {"id": "c", "text": "C"},
                            ],
                            "answer": ["a", "c"],
                        },
                        {"id": "q3", "kind": "true_false", "prompt": "Vrai ?", "answer": [True]},
                        {
                            "id": "q4",
                            "kind": "text",
                            "prompt": "Le mot ?",
                            "answer": ["reformuler", "la reformulation"],
                        },
                    ],
                },
            ],
        },
        {
            "id": "m2",
            "title": "Module 2",
            "lessons": [
                {"id": "m2-read", "type": "text", "title": "Lecture 2", "file": "text/m2.md"},
                {
                    "id": "m2-quiz",
                    "type": "quiz",
                    "title": "Quiz 2",
                    "questions": [
                        {"id": "q1", "kind": "true_false", "prompt": "Faux ?", "answer": [False]}
                    ],
                },
            ],
        },
    ],
}

MEDIA: dict[str, bytes] = {
    "media/intro-480.mp4": b"480p video bytes " * 4000,
    "media/intro-240.mp4": b"240p video " * 2000,
    "media/intro.m4a": b"audio " * 1000,
    "media/intro.fr.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour à tous\n".encode(),
    "text/m1.md": b"# Lecture\n\nUn texte.\n\n![Schema](../images/schema.png)\n",
    "text/m2.md": "# Deuxième lecture\n\nÉcouter, reformuler.\n".encode(),
    "images/schema.png": b"\x89PNG fake image bytes",
}


def document(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(BASE_DOCUMENT)
    doc.update(changes)
    return doc


def write_source(
    folder: Path, doc: dict[str, Any] | None = None, media: dict[str, bytes] | None = None
) -> Path:
    """Write ``course.yaml`` (JSON syntax, which is valid YAML) and the media files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "course.yaml").write_text(
        json.dumps(doc if doc is not None else BASE_DOCUMENT, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    for name, data in (MEDIA if media is None else media).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def install_copies(ctx: Context, count: int, scratch: Path, prefix: str = "course") -> None:
    """Pack and install ``count`` copies of the test course, each its own id, title and media
    (a library of many courses, through the real pack and install)."""
    from player.core.install import install
    from player.core.package.pack import pack
    from player.core.package.reader import FolderSource

    for index in range(count):
        course_id = f"{prefix}-{index:02d}"
        media = {name: data + course_id.encode() for name, data in MEDIA.items()}
        doc = document(id=course_id, title=f"Cours {index}")
        source = write_source(scratch / course_id, doc, media)
        install(ctx, FolderSource(pack(source, scratch / f"{course_id}.pkg").dest))
