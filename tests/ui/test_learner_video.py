"""The video lesson as a learner meets it, over the real engine and real libVLC.

A video skipped to its end says what is left and offers to go back (issue 15, item 5); the
learner's subtitles and speed are remembered between lessons and restarts (item 6).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.learning.preferences import get_preferences
from player.core.learning.state import course_state
from player.ui.screens.video_lesson import VideoLessonView, format_time
from tests.fixtures.video_media import VideoMedia
from tests.helpers.courses import MEDIA, write_source
from tests.ui.conftest import course_document

WAIT = 20_000  # ms: an upper bound for VLC to open, play or end a clip


@pytest.fixture
def course_source(tmp_path: Path, video_media: VideoMedia) -> Path:
    """The test course whose first lesson is a real 12 s clip with French subtitles."""
    doc = course_document()
    intro = doc["modules"][0]["lessons"][0]
    intro["duration"] = 12
    intro["sources"] = [{"file": "media/intro-480.mp4", "height": 480}]
    intro["subtitles"] = [
        {"file": "media/intro.en.vtt", "language": "en"},
        {"file": "media/intro.fr.vtt", "language": "fr"},
    ]
    media = dict(MEDIA)
    media["media/intro-480.mp4"] = video_media.long.read_bytes()
    media["media/intro.en.vtt"] = video_media.subtitles_en.read_bytes()
    media["media/intro.fr.vtt"] = video_media.subtitles_fr.read_bytes()
    return write_source(tmp_path / "source", doc, media)


def open_video(qtbot, window) -> VideoLessonView:
    with qtbot.waitSignal(window.screen_changed, timeout=WAIT):
        window.open_lesson("test-course", "m1-intro", "video")
    view = window.current_screen()
    assert isinstance(view, VideoLessonView)
    return view


def test_a_video_skipped_to_its_end_offers_the_part_not_watched(qtbot, window, services) -> None:
    view = open_video(qtbot, window)
    player = view.player
    qtbot.waitUntil(lambda: player.state == "playing" and player.position >= 1.0, timeout=WAIT)
    with qtbot.waitSignal(player.ended, timeout=WAIT):
        view.seek_to(11.0)
    qtbot.waitUntil(view.resume_button.isVisible, timeout=WAIT)

    ctx = services.context
    state = course_state(ctx.db, services.learner_id, ctx.manifest("test-course"))
    assert state.lesson("m1-intro").status == "in_progress"
    at = view._resume_at
    assert at is not None and 1.0 <= at <= 11.0
    assert view.notice.isVisible()
    left = round(11.0 - at)  # from the first gap to where the learner jumped
    assert view.notice.text() in (
        f"This video does not count as watched yet: {n} s not watched. Resume at {format_time(at)}?"
        for n in (left - 1, left, left + 1)
    )
    assert view.resume_button.text() == f"Resume at {format_time(at)}"

    view.resume_button.click()
    qtbot.waitUntil(lambda: player.state == "playing", timeout=WAIT)
    assert at - 0.5 <= player.position < 11.0
    assert not view.resume_button.isVisible() and not view.notice.isVisible()
    window.close()  # stops its sync timers before the services close


def test_a_video_played_to_its_end_says_nothing_more(qtbot, window, services) -> None:
    view = open_video(qtbot, window)
    view.player.set_rate(2.0)
    with qtbot.waitSignal(view.player.ended, timeout=WAIT):
        pass
    qtbot.waitUntil(lambda: not services.tasks.busy, timeout=WAIT)
    ctx = services.context
    state = course_state(ctx.db, services.learner_id, ctx.manifest("test-course"))
    assert state.lesson("m1-intro").status == "complete"
    assert not view.resume_button.isVisible() and not view.notice.isVisible()
    window.close()


def test_subtitles_and_speed_are_remembered_per_learner(qtbot, window, services) -> None:
    view = open_video(qtbot, window)
    # Never chosen: the course is in French and has French subtitles, so they show.
    assert view.subtitles.currentText() == "Français"
    assert view.player.subtitle == 1
    assert view.speed.currentData() == 1.0

    index = view.speed.findData(1.5)
    view.speed.setCurrentIndex(index)
    view.speed.activated.emit(index)
    view.subtitles.setCurrentIndex(0)
    view.subtitles.activated.emit(0)
    qtbot.waitUntil(lambda: not services.tasks.busy, timeout=WAIT)
    prefs = get_preferences(services.context.db, services.learner_id)
    assert (prefs.speed, prefs.subtitles) == (1.5, "off")

    view.back_requested.emit()
    view = open_video(qtbot, window)  # another lesson screen, as after a restart
    assert view.speed.currentData() == 1.5 and view.player.rate == 1.5
    assert view.subtitles.currentIndex() == 0 and view.player.subtitle is None

    view.subtitles.setCurrentIndex(1)
    view.subtitles.activated.emit(1)
    qtbot.waitUntil(lambda: not services.tasks.busy, timeout=WAIT)
    assert get_preferences(services.context.db, services.learner_id).subtitles == "en"
    view.back_requested.emit()
    view = open_video(qtbot, window)
    assert view.subtitles.currentText() == "English"
    window.close()
