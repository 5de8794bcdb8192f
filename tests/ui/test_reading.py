"""The reading page: Markdown rendered by Qt, images from the package only."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QTextDocument

from player.ui.screens.reading import ReadingScreen, load_page


def make_screen(qtbot, services, reports=None):
    page = load_page(services.context, "test-course", "m1-read")
    screen = ReadingScreen(
        page, report=(lambda e, end: reports.append(end)) if reports is not None else None
    )
    qtbot.addWidget(screen)
    screen.resize(800, 600)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_markdown_renders_with_the_package_image(qtbot, services) -> None:
    screen = make_screen(qtbot, services)
    text = screen.browser.toPlainText()
    assert "Lecture" in text and "texte en français" in text
    assert "**" not in text  # Markdown was interpreted, not shown raw
    image = screen.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("../images/schema.png")
    )
    assert image is not None and not image.isNull() and image.width() == 40
    # The image is on screen: its solid red shows in the rendered page.
    shot = screen.browser.viewport().grab().toImage()
    red = QColor(200, 30, 30).rgb()
    assert any(
        shot.pixel(x, y) == red
        for x in range(0, shot.width(), 2)
        for y in range(0, shot.height(), 2)
    )


def test_remote_and_outside_references_are_refused(qtbot, services) -> None:
    screen = make_screen(qtbot, services)
    assert "https://example.com/tracker.png" in screen.browser.refused
    assert "../images/schema.png" not in screen.browser.refused
    for url in (
        "https://example.com/x.png",
        "file:///etc/passwd",
        "/etc/passwd",
        "../../../etc/passwd",
        "data:image/png;base64,AAAA",
    ):
        assert (
            screen.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
            is None
        )


def test_external_links_are_not_followed(qtbot, services) -> None:
    screen = make_screen(qtbot, services)
    screen.browser.anchorClicked.emit(QUrl("https://example.com/"))
    assert "https://example.com/" in screen.notice.text()
    assert screen.browser.source().isEmpty()


def test_a_short_page_reports_that_its_end_was_seen(qtbot, services) -> None:
    reports: list[bool] = []
    make_screen(qtbot, services, reports)
    qtbot.waitUntil(lambda: True in reports)
