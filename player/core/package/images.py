"""Course covers and lesson thumbnails: which images a package may hold, read from their header.

An image is checked before anything decodes it: its byte size, then the width and height its
header declares (PNG, JPEG or WebP), against fixed bounds, so a hostile package cannot make the
player allocate gigabytes for a "thumbnail". Nothing here decodes pixels; the UI decodes with
Qt's ``QImageReader`` under an allocation limit, after this check.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from player.core.errors import PackageError

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
#: Bounds for a cover or thumbnail file: bytes, each side, and the whole picture.
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_IMAGE_SIDE = 4096
MAX_IMAGE_PIXELS = 4096 * 2304
#: Bytes enough to find the dimensions of any accepted file (JPEG may put EXIF first).
HEADER_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class ImageInfo:
    kind: str  # "png", "jpeg" or "webp"
    width: int
    height: int


def image_info(header: bytes) -> ImageInfo | None:
    """The format and size an image header declares, or None when it is not PNG/JPEG/WebP."""
    if header.startswith(b"\x89PNG\r\n\x1a\n") and header[12:16] == b"IHDR":
        width, height = struct.unpack(">II", header[16:24])
        return ImageInfo("png", width, height)
    if header.startswith(b"\xff\xd8"):
        return _jpeg(header)
    if header[:4] == b"RIFF" and header[8:12] == b"WEBP":
        return _webp(header)
    return None


def _jpeg(data: bytes) -> ImageInfo | None:
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte
            index += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        is_frame = 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC)
        if is_frame and index + 9 <= len(data):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return ImageInfo("jpeg", width, height)
        if length < 2:
            return None
        index += 2 + length
    return None


def _webp(data: bytes) -> ImageInfo | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return ImageInfo("webp", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return ImageInfo("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return ImageInfo("webp", width, height)
    return None


def image_problem(size: int, header: bytes) -> str | None:
    """Why an image of ``size`` bytes starting with ``header`` may not be shown, or None."""
    if size > MAX_IMAGE_BYTES:
        return f"is {size} bytes, more than the {MAX_IMAGE_BYTES} allowed for a picture"
    info = image_info(header)
    if info is None:
        return "is not a PNG, JPEG or WebP image"
    if not (0 < info.width <= MAX_IMAGE_SIDE and 0 < info.height <= MAX_IMAGE_SIDE):
        return f"is {info.width}×{info.height} pixels; each side must be 1 to {MAX_IMAGE_SIDE}"
    if info.width * info.height > MAX_IMAGE_PIXELS:
        return f"is {info.width}×{info.height} pixels, more than {MAX_IMAGE_PIXELS} in all"
    return None


def check_image_file(path: Path, name: str) -> ImageInfo:
    """The checked size of a picture on disk, or ``PackageError`` naming the package member."""
    with open(path, "rb") as handle:
        header = handle.read(HEADER_BYTES)
    problem = image_problem(path.stat().st_size, header)
    if problem:
        raise PackageError(f"{name} {problem}.")
    info = image_info(header)
    assert info is not None
    return info
