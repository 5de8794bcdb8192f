"""UI test fixtures: offscreen Qt, a real data folder with a real installed course."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

from player.core.paths import DataDir
from tests.helpers.courses import MEDIA, document, write_source

ROOT = Path(__file__).resolve().parents[2]


def png_bytes(
    width: int = 40, height: int = 20, rgb: tuple[int, int, int] = (200, 30, 30)
) -> bytes:
    """A real PNG image (solid colour), without Qt."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


READING = (
    "# Lecture\n\nUn **texte** en français.\n\n"
    "![Schéma](../images/schema.png)\n\n"
    "![Distante](https://example.com/tracker.png)\n\n"
    "[Un lien externe](https://example.com/)\n"
)


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files are build products: compile them once per test session."""
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        check=True,
        capture_output=True,
    )


@pytest.fixture(autouse=True)
def no_machine_drives(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's own mounted drives are not part of any test: by default none is found.

    A test that needs a USB stick sets ``services.mount_points`` to a temporary folder.
    """
    monkeypatch.setattr("player.ui.services._removable_volumes", lambda: [])


SURVEY = {
    "id": "m2-survey",
    "type": "survey",
    "title": "Votre avis",
    "questions": [
        {"id": "useful", "kind": "rating", "prompt": "Ce cours vous a-t-il été utile ?"},
        {
            "id": "pace",
            "kind": "single",
            "prompt": "Le rythme était…",
            "choices": [{"id": "slow", "text": "lent"}, {"id": "fine", "text": "bien"}],
        },
        {"id": "words", "kind": "text", "prompt": "Un mot pour finir ?"},
    ],
}


def course_document() -> dict:
    doc = document()
    doc["modules"][1]["lessons"].append(SURVEY)
    return doc


@pytest.fixture
def course_source(tmp_path: Path) -> Path:
    media = dict(MEDIA)
    media["images/schema.png"] = png_bytes()
    media["text/m1.md"] = READING.encode()
    return write_source(tmp_path / "source", course_document(), media)


@pytest.fixture
def data_dir(tmp_path: Path, course_source: Path) -> DataDir:
    """A data folder with the test course installed through the real pack + install."""
    from player.core.context import open_context
    from player.core.install import install
    from player.core.package.pack import pack
    from player.core.package.reader import FolderSource

    data = DataDir(tmp_path / "data")
    package = tmp_path / "package"
    pack(course_source, package)
    ctx = open_context(data)
    try:
        install(ctx, FolderSource(package))
    finally:
        ctx.close()
    return data


@pytest.fixture
def services(qapp, data_dir: DataDir) -> Iterator[object]:
    from player.ui.i18n import Translations
    from player.ui.services import build_services

    translations = Translations(qapp)
    translations.apply("en")
    built = build_services(data_dir, translations=translations)
    yield built
    built.close()
    translations.apply("en")


@pytest.fixture
def window(qtbot, services):
    from player.ui.main_window import MainWindow

    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not services.tasks.busy)
    return win
