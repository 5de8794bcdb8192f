"""Real VLC video embedded in the lesson view on a real X server (Xvfb).

The view runs in a child process with ``QT_QPA_PLATFORM=xcb`` (this test session runs Qt
offscreen, and one process cannot hold both). The child grabs the X root window, since VLC
draws into its own X window that ``QWidget.grab`` cannot see; the test then checks that the
video rectangle shows a picture (testsrc is colourful), not a blank or black area.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.fixtures.video_media import VideoMedia

pytestmark = pytest.mark.integration

CHILD = Path(__file__).with_name("vlc_embed_child.py")
ROOT = Path(__file__).resolve().parents[2]


def colour_spread(image: QImage, x: int, y: int, width: int, height: int) -> tuple[float, int]:
    """Standard deviation of the grey level and number of distinct colours in a rectangle."""
    values: list[int] = []
    colours: set[int] = set()
    for row in range(y + 2, y + height - 2, 4):
        for col in range(x + 2, x + width - 2, 4):
            rgb = image.pixel(col, row) & 0xFFFFFF
            colours.add(rgb >> 4 & 0x0F0F0F)  # 4 bits a channel: ignore scaling noise
            values.append(((rgb >> 16) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) // 3)
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    return variance**0.5, len(colours)


def test_vlc_draws_the_video_inside_the_lesson_view(
    xvfb_display: str, video_media: VideoMedia, tmp_path: Path
) -> None:
    screen_png = tmp_path / "screen.png"
    window_png = tmp_path / "window.png"
    env = dict(os.environ)
    env.update(
        DISPLAY=xvfb_display,
        QT_QPA_PLATFORM="xcb",
        COURSE_PLAYER_VLC_ARGS="--aout=dummy",  # no sound card here
        PYTHONPATH=str(ROOT),
    )
    done = subprocess.run(
        [sys.executable, str(CHILD), "--screen", str(screen_png), "--window", str(window_png)]
        + ["--title", "Lesson one", "--source", f"720p={video_media.long}"]
        + ["--source", f"360p={video_media.long_small}"]
        + ["--subtitle", f"en={video_media.subtitles_en}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads(lines[-1])
    assert report["has_vout"] is True
    assert report["position"] >= 2.0

    screen = QImage(str(screen_png))
    assert not screen.isNull()
    x, y, width, height = report["video"]
    assert width >= 320 and height >= 180
    spread, colours = colour_spread(screen, x, y, width, height)
    assert spread > 40, f"video area looks blank (grey level deviation {spread:.1f})"
    assert colours > 8, f"video area has only {colours} colours"

    # The same measure on the controls below the video: a calm, mostly uniform area.
    wx, wy, ww, wh = report["window"]
    controls_top = y + height + 4
    controls_spread, _ = colour_spread(screen, wx, controls_top, ww, wy + wh - controls_top)
    assert controls_spread < spread
