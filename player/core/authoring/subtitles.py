"""Subtitles: SRT to WebVTT at pack time, and checks of WebVTT files.

Errors name the file (as the course names it) and the line: ``subs/intro.srt:12: ...``.
"""

from __future__ import annotations

import re
from pathlib import Path

from player.core.errors import AuthoringError

_SRT_TIME = r"(\d{1,3}):(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_SRT_TIMING_RE = re.compile(rf"^{_SRT_TIME}\s*-->\s*{_SRT_TIME}(.*)$")
_VTT_TIME = r"(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})"
_VTT_TIMING_RE = re.compile(rf"^{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t].*)?$")
_FONT_TAG_RE = re.compile(r"</?font[^>]*>", re.IGNORECASE)
_ASS_TAG_RE = re.compile(r"\{\\[^}]*\}")
_BARE_AMP_RE = re.compile(r"&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)")
_ALLOWED_TAG_RE = re.compile(r"</?(?:i|b|u)>")


def read_text(path: Path, name: str) -> list[str]:
    """The lines of a UTF-8 text file (BOM allowed), or an error naming the bad line."""
    if not path.is_file():
        raise AuthoringError(f"{name}: subtitle file not found.")
    data = path.read_bytes()
    if not data.strip():
        raise AuthoringError(f"{name}: the subtitle file is empty.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise AuthoringError(
            f"{name}:{line}: not UTF-8 text (byte {error.start}); save the file as UTF-8."
        ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def srt_to_vtt(path: Path, name: str) -> str:
    """Convert an SRT file to WebVTT text, checking its structure and timings."""
    lines = read_text(path, name)
    cues: list[str] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        if lines[index].strip().isdigit() and "-->" not in lines[index]:
            index += 1  # the cue number
            if index >= len(lines) or not lines[index].strip():
                raise AuthoringError(f"{name}:{index}: a cue number without a timing line.")
        timing_line = index + 1
        # SRT position hints (X1:.. Y1:..) have no WebVTT equivalent: they are dropped.
        start, end = _cue_timing(
            lines[index], name, timing_line, _SRT_TIMING_RE, "00:00:01,000 --> 00:00:04,000"
        )
        index += 1
        text: list[str] = []
        while index < len(lines) and lines[index].strip():
            if _SRT_TIMING_RE.match(lines[index].strip()):
                raise AuthoringError(
                    f"{name}:{index + 1}: a timing line inside a cue; a blank line must end "
                    "each cue."
                )
            text.append(_vtt_text(lines[index]))
            index += 1
        if text:
            cues.append(f"{_vtt_time(start)} --> {_vtt_time(end)}\n" + "\n".join(text))
    if not cues:
        raise AuthoringError(f"{name}: no subtitle cues found.")
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def _cue_timing(
    line: str, name: str, number: int, pattern: re.Pattern[str], example: str
) -> tuple[float, float]:
    """A cue's start and end in seconds (SRT or WebVTT ``pattern``), or a one-line error."""
    match = pattern.match(line.strip())
    if not match:
        raise AuthoringError(
            f"{name}:{number}: expected a timing such as '{example}', found {line.strip()[:60]!r}."
        )
    groups = match.groups()
    start = _seconds(groups[0:4], name, number)
    end = _seconds(groups[4:8], name, number)
    if end < start:
        raise AuthoringError(f"{name}:{number}: the cue ends before it starts.")
    return start, end


def _seconds(parts: tuple[str | None, ...], name: str, number: int) -> float:
    hours, minutes, seconds = (int(p) if p else 0 for p in parts[:3])
    if minutes > 59 or seconds > 59:
        raise AuthoringError(f"{name}:{number}: minutes and seconds must be below 60.")
    fraction = (parts[3] or "0").ljust(3, "0")  # ",5" means 500 ms in loose SRT files
    return hours * 3600 + minutes * 60 + seconds + int(fraction) / 1000


def _vtt_time(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _vtt_text(line: str) -> str:
    """SRT cue text as WebVTT cue text: i/b/u kept, font and ASS tags dropped, escapes."""
    line = _ASS_TAG_RE.sub("", _FONT_TAG_RE.sub("", line.rstrip()))
    line = _BARE_AMP_RE.sub("&amp;", line)
    parts = _ALLOWED_TAG_RE.split(line)
    tags = _ALLOWED_TAG_RE.findall(line)
    escaped = [part.replace("<", "&lt;").replace(">", "&gt;") for part in parts]
    out = escaped[0]
    for tag, part in zip(tags, escaped[1:], strict=True):
        out += tag + part
    return out.replace("-->", "--&gt;") or " "


def check_vtt(path: Path, name: str) -> int:
    """Check a WebVTT file's header, UTF-8 and cue timings; the number of cues."""
    lines = read_text(path, name)
    header = lines[0]
    if not (header == "WEBVTT" or header.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise AuthoringError(f"{name}:1: a WebVTT file must start with 'WEBVTT'.")
    cues = 0
    for number, line in enumerate(lines[1:], start=2):
        if "-->" not in line:
            continue
        _cue_timing(line, name, number, _VTT_TIMING_RE, "00:00:01.000 --> 00:00:04.000")
        cues += 1
    if cues == 0:
        raise AuthoringError(f"{name}: no subtitle cues found.")
    return cues
