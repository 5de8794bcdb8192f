"""Child process of test_vlc_embed: shows the video lesson on a real X display and grabs it.

Run with ``DISPLAY`` set and ``QT_QPA_PLATFORM=xcb``::

    python vlc_embed_child.py --screen SCREEN.png [--window WINDOW.png] --title TITLE \
        --source 480p=VIDEO [--source 240p=VIDEO2] [--subtitle fr=FILE.vtt] [--language fr]

Plays the first source in a ``VideoLessonView`` (VLC embedded with ``set_xwindow``) with the
first subtitles shown, waits until VLC has a video output and playback has reached ``--at``
seconds, pauses, grabs the X root window (VLC draws into its own X window, which
``QWidget.grab`` would not see) and prints one JSON line: the video and window rectangles in
screen coordinates, ``has_vout``, the position reached. Exit status 2 when VLC never showed a
picture within the bound. Also used by hand to take docs/screenshots/video-lesson.png.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication

from player.ui.i18n import Translations
from player.ui.screens.video_lesson import VideoLesson, VideoLessonView, VideoSource

BOUND = 60.0  # seconds: give up (exit 2) rather than hang


def wait_for(app: QApplication, condition, bound: float = BOUND) -> bool:
    deadline = time.monotonic() + bound
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.02)
    return True


def settle(app: QApplication, seconds: float) -> None:
    """Let X and VLC finish drawing (not a measurement)."""
    loop_end = time.monotonic() + seconds
    while time.monotonic() < loop_end:
        app.processEvents()
        time.sleep(0.02)


def pairs(values: list[str]) -> list[tuple[str, Path]]:
    return [(key, Path(path)) for key, _, path in (value.partition("=") for value in values)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--screen", type=Path, required=True)
    parser.add_argument("--window", type=Path)
    parser.add_argument("--title", default="Lesson")
    parser.add_argument("--source", action="append", default=[])
    parser.add_argument("--subtitle", action="append", default=[])
    parser.add_argument("--language", default="en")
    parser.add_argument("--at", type=float, default=2.0)
    args = parser.parse_args()
    app = QApplication(["vlc-embed"])
    assert QApplication.platformName() == "xcb", QApplication.platformName()
    Translations(app).apply(args.language)
    view = VideoLessonView()
    view.resize(1024, 640)
    view.move(40, 40)
    view.show()
    lesson = VideoLesson(
        args.title,
        [VideoSource(label, path) for label, path in pairs(args.source)],
        [(path, language) for language, path in pairs(args.subtitle)],
        has_next=True,
    )
    view.open_lesson(lesson)
    if lesson.subtitles:
        view.player.set_subtitle(0)
        view.subtitles.setCurrentIndex(1)
    shown = wait_for(app, lambda: view.player.has_vout() and view.player.position >= args.at)
    if not shown:
        print(json.dumps({"error": "no picture", "state": view.player.state}), flush=True)
        return 2
    view.player.pause()
    wait_for(app, lambda: view.player.state == "paused", 10)
    settle(app, 0.5)
    screen = app.primaryScreen()
    root = screen.grabWindow(0)
    root.save(str(args.screen))
    top_left = view.surface.mapToGlobal(QPoint(0, 0))
    frame = view.frameGeometry()
    if args.window is not None:
        root.copy(frame).save(str(args.window))
    print(
        json.dumps(
            {
                "video": [top_left.x(), top_left.y(), view.surface.width(), view.surface.height()],
                "window": [frame.x(), frame.y(), frame.width(), frame.height()],
                "has_vout": view.player.has_vout(),
                "position": view.player.position,
            }
        ),
        flush=True,
    )
    view.release()
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
