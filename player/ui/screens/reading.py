"""The reading page: a lesson's Markdown rendered by Qt, with images from the package only.

``PackageBrowser`` overrides ``loadResource``: a relative reference is resolved against the
lesson file's folder inside the package and served from the installed files; anything else
(``http:``, ``file:``, ``data:``...) is refused, so a page never reaches the network or the disk
outside its course. Raw HTML is disabled in the Markdown, and QTextDocument runs no scripts.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QElapsedTimer, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from player.core.package.manifest import path_problem
from player.ui.ops.changes import NOTHING, Changes
from player.ui.screens.base import Screen
from player.ui.widgets.common import Heading, lesson_header, screen_margins

MAX_IMAGE_BYTES = 20 * 1024 * 1024
REPORT_EVERY_MS = 5_000
MARKDOWN_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


@dataclass(frozen=True)
class Page:
    """What the reading page shows, loaded off the main thread."""

    course_id: str
    lesson_id: str
    title: str
    language: str
    member: str  # the Markdown file's path in the package
    markdown: str
    files: dict[str, Path]  # installed package members → their files on disk
    changes: Changes = NOTHING  # opening the lesson to read it is recorded by the caller


def load_page(context: Any, course_id: str, lesson_id: str) -> Page:
    """Worker side: read the lesson's Markdown and index the course's installed files."""
    from player.core.errors import QT_TRANSLATE_NOOP, PackageError

    manifest = context.manifest(course_id)
    lesson = manifest.lesson(lesson_id)
    if lesson is None or lesson.file is None:
        raise PackageError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{course} has no reading page {lesson}."),
            course=course_id,
            lesson=lesson_id,
        )
    files: dict[str, Path] = {}
    for member in context.installed_members(course_id):
        path = context.member_path(course_id, member)
        if path is not None:
            files[member] = path
    if lesson.file not in files:
        raise PackageError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "The page {page} of {course} is not installed."),
            page=lesson.file,
            course=course_id,
        )
    text = files[lesson.file].read_bytes().decode("utf-8", errors="replace")
    return Page(course_id, lesson_id, lesson.title, manifest.language, lesson.file, text, files)


class PackageBrowser(QTextBrowser):
    """A QTextBrowser that loads images only from the course package."""

    external_link = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._files: dict[str, Path] = {}
        self._base = ""
        self.refused: list[str] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)

    def show_markdown(self, markdown: str, member: str, files: dict[str, Path]) -> None:
        self._files = files
        self._base = posixpath.dirname(member)
        self.refused = []
        self.document().setMarkdown(markdown, MARKDOWN_FEATURES)

    def resolve(self, url: QUrl) -> str | None:
        """The package member a reference names, or None when it is not a package file."""
        if url.scheme() or url.host() or url.isEmpty():
            return None
        path = url.path()
        if not path or path.startswith("/"):
            return None
        member = posixpath.normpath(posixpath.join(self._base, path))
        if path_problem(member):
            return None
        return member if member in self._files else None

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 - Qt override
        url = QUrl(url)  # Qt passes a QUrl; the override accepts what the base class does
        member = self.resolve(url)
        if member is None:
            self.refused.append(url.toString())
            return None
        file = self._files[member]
        try:
            if file.stat().st_size > MAX_IMAGE_BYTES:
                self.refused.append(url.toString())
                return None
            data = file.read_bytes()
        except OSError:
            self.refused.append(url.toString())
            return None
        if getattr(kind, "value", kind) == QTextDocument.ResourceType.ImageResource.value:
            image = QImage.fromData(data)
            if image.isNull():
                self.refused.append(url.toString())
                return None
            return image
        return QByteArray(data)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "" and url.path() == "" and url.fragment():
            self.scrollToAnchor(url.fragment())
        else:
            self.external_link.emit(url.toString())


class ReadingScreen(Screen):
    """A reading lesson: title, rendered page, and the way back to the outline.

    Ctrl+plus, Ctrl+minus and Ctrl+0 change the text size of the whole app (``text_size``);
    ``text_size_changed`` carries the new size for the window to remember.
    """

    text_size_changed = Signal(int)

    def __init__(
        self,
        page: Page,
        report: Callable[[float, bool], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self._report_to = report
        self.setObjectName("reading-screen")

        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.title = Heading(page.title, 1.4)
        self.browser = PackageBrowser()
        self.browser.setLocale(QLocale(page.language))
        self.browser.show_markdown(page.markdown, page.member, page.files)
        self.browser.external_link.connect(self._external)
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # quotes the package's links
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.next = QPushButton()
        self.next.clicked.connect(self.next_requested)

        top = lesson_header(self.back, self.title)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(self.next)
        layout = screen_margins(QVBoxLayout(self))
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        layout.addLayout(bottom)

        # The engine decides when the page is read (end reached, or 10 s open in total);
        # the screen reports time open every few seconds and when the end comes into view.
        bar = self.browser.verticalScrollBar()
        bar.valueChanged.connect(self._check_end)
        bar.rangeChanged.connect(lambda *_: self._check_end())
        self._clock = QElapsedTimer()
        self._clock.start()
        self._at_end_reported = False
        self._timer = QTimer(self, interval=REPORT_EVERY_MS)
        self._timer.timeout.connect(lambda: self._report(False))
        self._timer.start()
        for keys, direction in (
            (QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn), 1),
            ([QKeySequence("Ctrl+=")], 1),  # Ctrl and the +/= key, without Shift
            (QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut), -1),
            ([QKeySequence("Ctrl+0")], 0),
        ):
            for key in keys:
                shortcut = QShortcut(key, self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda d=direction: self._text_size(d))
        self.retranslate()

    def _text_size(self, direction: int) -> None:
        from player.ui import text_size

        self.text_size_changed.emit(text_size.step(direction))

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Outline"))
        self.back.setToolTip(self.tr("Back to the course outline (Alt+Left)"))
        self.back.setAccessibleName(self.tr("Back to the course outline"))
        self.next.setText(self.tr("Next lesson →"))
        self.next.setAccessibleName(self.tr("Next lesson"))
        self.browser.setAccessibleName(self.tr("Page: %1").replace("%1", self.page.title))

    def _check_end(self) -> None:
        bar = self.browser.verticalScrollBar()
        if self.isVisible() and not self._at_end_reported and bar.value() >= bar.maximum():
            self._at_end_reported = True
            self._report(True)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._timer.isActive():
            self._clock.restart()
            self._timer.start()
        self._check_end()

    def _report(self, at_end: bool) -> None:
        elapsed = self._clock.restart() / 1000.0
        if self._report_to is not None:
            self._report_to(elapsed, at_end)

    def release(self) -> None:
        self._stop_reporting()

    def _stop_reporting(self) -> None:
        """The screen is left: the time spent reading so far is saved."""
        if self._timer.isActive():
            self._timer.stop()
            self._report(False)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._stop_reporting()
        super().hideEvent(event)

    def mark_done(self) -> None:
        self.notice.setText(self.tr("✓ Page read"))
        self.notice.show()

    def _external(self, url: str) -> None:
        self.notice.setText(
            self.tr("Links outside the course are not opened by the player: %1").replace("%1", url)
        )
        self.notice.show()
