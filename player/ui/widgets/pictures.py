"""Covers and thumbnails: checked, decoded after the first frame at display size, cached.

A picture comes from a package, so it is untrusted: its byte size and declared dimensions are
checked first (``player.core.package.images``), then Qt decodes it with an allocation limit,
straight to the size it is shown at (``QImageReader.setScaledSize``: a JPEG is decoded at a
fraction of its resolution; a cover or thumbnail made by ``pack`` is a few KB). Cards and
lesson rows show a placeholder until the picture is there; decoded images are kept per file
and size, so going back to the library or the outline does not decode them again.

Pictures are decoded on the GUI thread, one per pass of the event loop (``decode_later``), not
on a worker: PySide keeps the GIL while Qt code runs, so a worker inside ``QImageReader``
waiting for Qt's image-plugin lock, while the GUI thread holds that lock and waits for the GIL,
is a deadlock (seen once in a start-up benchmark, with a gdb trace of both threads).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QImageReader

from player.core.package.images import HEADER_BYTES, image_problem

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


def decode_later(
    owner: QObject, path: str, size: QSize, done: Callable[[QImage | None], None]
) -> None:
    """Decode ``path`` at ``size`` on the next pass of the event loop, then call ``done``
    (not at all if ``owner`` is gone by then). Each picture is its own pass, so clicks and
    keys are handled between two pictures."""
    QTimer.singleShot(0, owner, lambda: done(decode_picture(path, size)))


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
