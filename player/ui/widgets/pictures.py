"""Covers and thumbnails: checked, decoded off the main thread at display size, cached.

A picture comes from a package, so it is untrusted: its byte size and declared dimensions are
checked first (``player.core.package.images``), then Qt decodes it with an allocation limit,
straight to the size it is shown at (``QImageReader.setScaledSize``: a JPEG is decoded at a
fraction of its resolution). ``PictureView`` shows a placeholder until the picture arrives from
the task runner's transfer lane, after the first frame; decoded images are kept per file and
size, so going back to the library or the outline does not decode them again.
"""

from __future__ import annotations

import os
from collections import OrderedDict

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QImage, QImageReader, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from player.core.package.images import HEADER_BYTES, image_problem
from player.ui import style
from player.ui.tasks import TaskRunner

#: Qt refuses to allocate more than this (MB) for one decoded image.
ALLOCATION_LIMIT_MB = 64
CACHE_ENTRIES = 200

_cache: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()


def decode_picture(path: str, size: QSize) -> QImage | None:
    """The picture at ``path`` filling ``size`` (device pixels, cropped to it), or None when it
    is missing, too big, or not an image. Safe on any thread (``QImage``, not ``QPixmap``)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(HEADER_BYTES)
            length = os.fstat(handle.fileno()).st_size
    except OSError:
        return None
    if image_problem(length, header) is not None:
        return None
    reader = QImageReader(path)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    reader.setAutoTransform(True)
    source = reader.size()
    if source.isValid() and source.width() > 0:
        reader.setScaledSize(source.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding))
    image = reader.read()
    if image.isNull():
        return None
    x = max(0, (image.width() - size.width()) // 2)
    y = max(0, (image.height() - size.height()) // 2)
    return image.copy(x, y, min(size.width(), image.width()), min(size.height(), image.height()))


def cached(path: str, size: QSize) -> QImage | None:
    key = (path, size.width(), size.height())
    image = _cache.get(key)
    if image is not None:
        _cache.move_to_end(key)
    return image


def remember(path: str, size: QSize, image: QImage) -> None:
    _cache[(path, size.width(), size.height())] = image
    while len(_cache) > CACHE_ENTRIES:
        _cache.popitem(last=False)


class PictureView(QWidget):
    """A cover or thumbnail at a fixed size, with rounded corners; a tinted placeholder with a
    letter until (or unless) the picture is there. Decorative: screen readers skip it."""

    def __init__(self, width: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(width, height)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pixmap: QPixmap | None = None
        self.letter = ""
        self.path: str | None = None
        self.dimmed = False  # locked: the picture is shown faded

    def show_picture(self, path: str | None, tasks: TaskRunner, letter: str = "") -> None:
        """Show ``path`` (decoded on the transfer lane unless cached), else the placeholder."""
        self.letter = letter[:1].upper()
        if path == self.path and self.pixmap is not None:
            return
        self.path = path
        self.pixmap = None
        self.update()
        if path is None:
            return
        size = self.size() * self.devicePixelRatioF()
        image = cached(path, size)
        if image is not None:
            self._show(path, image)
            return
        tasks.run(
            lambda: decode_picture(path, size),
            lambda image: self._decoded(path, size, image),
            owner=self,
            lane="transfer",
        )

    def _decoded(self, path: str, size: QSize, image: QImage | None) -> None:
        if image is not None:
            remember(path, size, image)
            if path == self.path:
                self._show(path, image)

    def _show(self, path: str, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.pixmap = pixmap
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        clip = QPainterPath()
        clip.addRoundedRect(rect, style.RADIUS - 2, style.RADIUS - 2)
        painter.setClipPath(clip)
        if self.pixmap is not None:
            if self.dimmed:
                painter.setOpacity(0.45)
            painter.drawPixmap(self.rect(), self.pixmap)
            return
        painter.fillRect(rect, style.colour("surface_alt"))
        if self.letter:
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(max(12, int(self.height() * 0.42)))
            painter.setFont(font)
            painter.setPen(style.colour("text_muted"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.letter)
