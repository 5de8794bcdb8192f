"""Issue 20: covers on library cards, thumbnails in the outline, decoded safely and lazily."""

from __future__ import annotations

import struct
import threading
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QPixmapCache
from PySide6.QtWidgets import QApplication, QMessageBox

from player.ui.widgets import pictures
from tests.helpers.courses import MEDIA, write_source
from tests.helpers.library import card, click_more, course_ids, menu_action
from tests.ui.conftest import READING, course_document, png_bytes


@pytest.fixture
def course_source(tmp_path: Path) -> Path:
    """The UI test course with a cover and a thumbnail on its first lesson."""
    media = dict(MEDIA)
    media["images/schema.png"] = png_bytes()
    media["text/m1.md"] = READING.encode()
    media["media/cover.png"] = png_bytes(320, 180, (20, 90, 160))
    media["media/intro.png"] = png_bytes(160, 90, (200, 120, 20))
    doc = course_document()
    doc["cover"] = "media/cover.png"
    doc["modules"][0]["lessons"][0]["thumbnail"] = "media/intro.png"
    return write_source(tmp_path / "source", doc, media)


def test_card_shows_its_cover_at_display_size_lessons_done_and_one_action(qtbot, window) -> None:
    library = window.library
    first = card(library)
    course = library.courses[0]
    # Decoded once its card is painted, at the size the card shows it, and drawn there.
    qtbot.waitUntil(lambda: isinstance(first.role(Qt.ItemDataRole.DecorationRole), QPixmap))
    cover = first.geometry().cover
    size = library.view.cover_size()
    assert size == cover.size() * library.view.devicePixelRatioF()
    assert first.role(Qt.ItemDataRole.DecorationRole).size() == size  # decoded at display size
    assert pictures.cached(course.cover, size) is not None
    shown = library.view.viewport().grab().toImage()
    assert shown.pixelColor(cover.center()).getRgb()[:3] == (20, 90, 160)  # the cover's blue
    assert first.lessons == f"0 lessons of {course.total}" and course.total > 0
    assert first.action == "Start"
    menu = click_more(qtbot, library)
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Copy to a USB stick…",
        "Remove from this computer…",
    ]
    assert menu.accessibleName() == "More actions for Cours d'essai"
    menu.close()


def test_outline_rows_have_thumbnails_the_next_lesson_and_locked_modules(qtbot, window) -> None:
    window.open_course("test-course")
    outline = window.current_screen()
    qtbot.waitUntil(lambda: outline.outline is not None)
    first = outline.lesson_buttons["m1-intro"]
    qtbot.waitUntil(lambda: first.thumbnail is not None)
    assert first.is_next and first.badge == "Next"
    assert "Video" in first.detail and "20 s" in first.detail
    module_2 = outline.findChild(type(outline.body), "module-m2")
    assert module_2 is not None and module_2.property("locked") is True
    assert all(
        b.locked and not b.isEnabled()
        for b in outline.lesson_buttons.values()
        if b.lesson.lesson_id.startswith("m2")
    )


def test_pictures_are_decoded_on_the_gui_thread(qtbot, window, monkeypatch) -> None:
    """Never inside Qt's image reader on a worker: a worker holding the GIL there while the
    GUI thread holds Qt's plugin lock and waits for the GIL is a deadlock (widgets/pictures)."""
    threads: list[str] = []
    decode = pictures.decode_picture

    def recording(path: str, size: QSize):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return decode(path, size)

    monkeypatch.setattr(pictures, "decode_picture", recording)
    pictures._cache.clear()
    QPixmapCache.clear()
    window.library.model.set_courses([])  # forget the decoded cover, then show it again
    window.library.refresh()
    qtbot.waitUntil(
        lambda: isinstance(card(window.library).role(Qt.ItemDataRole.DecorationRole), QPixmap)
    )
    window.open_course("test-course")
    outline = window.current_screen()
    qtbot.waitUntil(lambda: outline.outline is not None)
    qtbot.waitUntil(lambda: outline.lesson_buttons["m1-intro"].thumbnail is not None)
    assert len(threads) >= 2
    assert set(threads) == {threading.main_thread().name}


def test_a_hostile_picture_is_refused_before_decoding(tmp_path: Path) -> None:
    huge = tmp_path / "huge.png"
    header = struct.pack(">IIBBBBB", 30_000, 30_000, 8, 2, 0, 0, 0)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header + crc)
    assert pictures.decode_picture(str(huge), QSize(96, 54)) is None
    fine = tmp_path / "fine.png"
    fine.write_bytes(png_bytes(320, 180))
    image = pictures.decode_picture(str(fine), QSize(96, 54))
    assert image is not None and image.size() == QSize(96, 54)
    assert pictures.decode_picture(str(tmp_path / "missing.png"), QSize(96, 54)) is None


def test_removing_a_course_from_its_menu_leaves_the_guidance(qtbot, window, services) -> None:
    menu = click_more(qtbot, window.library)
    menu_action(menu, "remove-course").trigger()
    box = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )
    assert box.text() == "Remove “Cours d'essai” from this computer?"
    remove = next(b for b in box.buttons() if b.text() == "Remove")
    remove.click()
    qtbot.waitUntil(lambda: window.library.empty.isVisible())
    assert course_ids(window.library) == []
    assert not window.library.view.isVisible()
    empty = window.library.empty
    assert [name.text() for name, _how in empty.ways] == [
        "From a USB stick",
        "From a web address",
        "From a workshop hub",
    ]
    assert empty.add.accessibleName() == "Add a course"
