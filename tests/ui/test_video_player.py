"""The video player and the video lesson view, over real libVLC (dummy video and audio output).

Waits are bounded (``qtbot.waitUntil`` / ``waitSignal`` time-outs); no assertion depends on how
fast the machine is: positions are compared with positions VLC reported.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from player.ui.screens.video_lesson import (
    SAVE_EVERY,
    VideoLesson,
    VideoLessonView,
    VideoSource,
    format_time,
)
from player.ui.video import RATE_MAX, RATE_MIN, VideoError, VideoPlayer
from tests.fixtures.video_media import VideoMedia

WAIT = 20_000  # ms: an upper bound for VLC to open, play or end a clip


class RecordingSink:
    """A real ``ProgressSink``: keeps what the view reports."""

    def __init__(self, resume: float = 0.0) -> None:
        self.resume = resume
        self.records: list[tuple[float, float, float]] = []
        self.ends: list[tuple[float, float]] = []

    def resume_position(self) -> float:
        return self.resume

    def record_position(self, position: float, duration: float, elapsed: float) -> None:
        self.records.append((position, duration, elapsed))

    def mark_played_to_end(self, duration: float, elapsed: float) -> None:
        self.ends.append((duration, elapsed))


@pytest.fixture
def player(qtbot) -> Iterator[VideoPlayer]:
    video = VideoPlayer()
    yield video
    video.release()


@pytest.fixture
def view(qtbot) -> Iterator[VideoLessonView]:
    widget = VideoLessonView()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.release()


def lesson(media: VideoMedia, *paths: Path, subtitles: bool = False, **kw: object) -> VideoLesson:
    sources = [VideoSource(f"q{i}", path) for i, path in enumerate(paths or (media.short,))]
    subs = [(media.subtitles_en, "en"), (media.subtitles_fr, "fr")] if subtitles else []
    return VideoLesson("Lesson one", sources, subs, **kw)  # type: ignore[arg-type]


def wait_state(qtbot, video: VideoPlayer, state: str) -> None:
    qtbot.waitUntil(lambda: video.state == state, timeout=WAIT)


def test_importing_the_video_modules_does_not_load_vlc() -> None:
    code = (
        "import sys, player.ui.video, player.ui.screens.video_lesson;"
        "sys.exit(1 if 'vlc' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_play_emits_advancing_positions_and_duration(
    qtbot, player: VideoPlayer, video_media: VideoMedia
) -> None:
    positions: list[float] = []
    states: list[str] = []
    player.position_changed.connect(positions.append)
    player.state_changed.connect(states.append)
    player.load(video_media.short)
    with qtbot.waitSignal(player.duration_changed, timeout=WAIT) as duration:
        player.play()
    assert duration.args[0] == pytest.approx(4.0, abs=0.2)
    qtbot.waitUntil(lambda: len([p for p in positions if p > 0]) >= 3, timeout=WAIT)
    assert "playing" in states
    moving = [p for p in positions if p > 0]
    assert moving == sorted(moving) and moving[-1] > moving[0]


def test_seek_moves_playback_there(qtbot, player: VideoPlayer, video_media: VideoMedia) -> None:
    player.load(video_media.long)
    player.play()
    wait_state(qtbot, player, "playing")
    with qtbot.waitSignal(player.seeked, timeout=WAIT) as seeked:
        player.seek(8.0)
    assert seeked.args == [8.0]
    after: list[float] = []
    player.position_changed.connect(after.append)
    qtbot.waitUntil(lambda: len(after) >= 2, timeout=WAIT)
    assert min(after) >= 8.0 - 0.5
    player.seek_relative(-100)
    assert player.position == 0.0


def test_rate_is_clamped_and_applied_by_vlc(
    qtbot, player: VideoPlayer, video_media: VideoMedia
) -> None:
    player.load(video_media.long)
    assert player.set_rate(5) == RATE_MAX
    assert player.set_rate(0.1) == RATE_MIN
    player.set_rate(1.5)
    player.play()
    wait_state(qtbot, player, "playing")
    assert player.vlc_rate() == pytest.approx(1.5)
    player.set_rate(2.0)
    assert player.vlc_rate() == pytest.approx(2.0)


def test_pause_and_resume_emit_states(qtbot, player: VideoPlayer, video_media: VideoMedia) -> None:
    player.load(video_media.long)
    player.play()
    wait_state(qtbot, player, "playing")
    with qtbot.waitSignal(
        player.state_changed, timeout=WAIT, check_params_cb=lambda s: s == "paused"
    ):
        player.toggle()
    with qtbot.waitSignal(
        player.state_changed, timeout=WAIT, check_params_cb=lambda s: s == "playing"
    ):
        player.toggle()


def test_playing_to_the_end_emits_ended_and_play_starts_over(
    qtbot, player: VideoPlayer, video_media: VideoMedia
) -> None:
    player.load(video_media.short)
    player.set_rate(2.0)
    with qtbot.waitSignal(player.ended, timeout=WAIT):
        player.play()
    assert player.state == "ended"
    assert player.position == pytest.approx(player.duration)
    player.play()
    wait_state(qtbot, player, "playing")
    assert player.position < 2.0


def test_loading_a_missing_file_raises_a_one_line_error(
    player: VideoPlayer, tmp_path: Path
) -> None:
    with pytest.raises(VideoError, match="missing") as caught:
        player.load(tmp_path / "gone.mp4")
    assert "\n" not in str(caught.value)
    assert player.state == "error"


def test_subtitles_switch_between_languages(
    qtbot, player: VideoPlayer, video_media: VideoMedia
) -> None:
    player.load(
        video_media.long,
        subtitles=[(video_media.subtitles_en, "en"), (video_media.subtitles_fr, "fr")],
    )
    assert [t.language for t in player.subtitle_tracks()] == ["en", "fr"]
    player.set_subtitle(1)
    with qtbot.waitSignal(player.subtitles_ready, timeout=WAIT):
        player.play()
    qtbot.waitUntil(lambda: player.vlc_subtitle() == 1, timeout=WAIT)
    player.set_subtitle(0)
    assert player.vlc_subtitle() == 0
    player.set_subtitle(None)
    assert player.vlc_subtitle() is None
    with pytest.raises(VideoError):
        player.set_subtitle(5)


def test_switch_source_keeps_position_and_pause(
    qtbot, player: VideoPlayer, video_media: VideoMedia
) -> None:
    player.load(video_media.long)
    player.play()
    wait_state(qtbot, player, "playing")
    player.seek(6.0)
    player.pause()
    wait_state(qtbot, player, "paused")
    before = player.position
    player.switch_source(video_media.long_small)
    assert player.path == video_media.long_small
    wait_state(qtbot, player, "paused")
    assert player.position == pytest.approx(before, abs=1.0)


# --- the view ----------------------------------------------------------------------------


def test_view_plays_and_shows_time(qtbot, view: VideoLessonView, video_media: VideoMedia) -> None:
    view.open_lesson(lesson(video_media, video_media.long))
    wait_state(qtbot, view.player, "playing")
    qtbot.waitUntil(lambda: view.seek_bar.value() > 500, timeout=WAIT)
    assert view.total.text() == "0:12"
    assert view.elapsed.text() == format_time(view.player.position)
    assert view.message_text == ""
    assert view.play_button.accessibleName() == "Pause"
    for widget in (view.seek_bar, view.speed, view.subtitles, view.volume, view.full_screen_button):
        assert widget.accessibleName()


def test_view_saves_position_at_least_every_5_seconds_of_playback(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    sink = RecordingSink()
    view.player.set_rate(2.0)  # 12 s of video in about 6 s
    view.open_lesson(lesson(video_media, video_media.long), sink)
    with qtbot.waitSignal(view.player.ended, timeout=WAIT):
        pass
    positions = [0.0] + [position for position, _, _ in sink.records] + [12.0]
    # Every stretch of played video between two saves is at most 5 s (at ≥ 1×), give or take
    # one of VLC's position updates.
    steps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
    assert max(steps) <= SAVE_EVERY + 1.5
    assert len(sink.records) >= int(12.0 // (SAVE_EVERY + 1.5))
    assert all(duration == pytest.approx(12.0, abs=0.2) for _, duration, _ in sink.records)
    assert all(elapsed > 0 for _, _, elapsed in sink.records)
    assert len(sink.ends) == 1 and sink.ends[0][0] == pytest.approx(12.0, abs=0.2)


def test_view_saves_on_pause_and_on_close(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    sink = RecordingSink()
    view.open_lesson(lesson(video_media, video_media.long), sink)
    qtbot.waitUntil(lambda: view.player.position > 1.0, timeout=WAIT)
    view.play_button.click()
    wait_state(qtbot, view.player, "paused")
    assert sink.records and sink.records[-1][0] == pytest.approx(view.player.position, abs=0.5)
    count = len(sink.records)
    view.close_lesson()
    assert len(sink.records) == count + 1
    assert view.player.state == "stopped"


def test_view_resumes_at_the_sink_position(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    sink = RecordingSink(resume=7.0)
    reported: list[float] = []
    view.player.position_changed.connect(reported.append)
    view.open_lesson(lesson(video_media, video_media.long), sink)
    wait_state(qtbot, view.player, "playing")
    qtbot.waitUntil(lambda: len(reported) >= 3, timeout=WAIT)
    assert min(reported) >= 7.0 - 0.5


def test_view_at_the_end_offers_the_next_lesson(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    sink = RecordingSink()
    view.player.set_rate(2.0)
    view.open_lesson(lesson(video_media, has_next=True), sink)
    assert not view.next_button.isVisible()
    with qtbot.waitSignal(view.player.ended, timeout=WAIT):
        pass
    assert view.next_button.isVisible()
    assert len(sink.ends) == 1
    with qtbot.waitSignal(view.next_requested, timeout=1000):
        view.next_button.click()


def test_view_shows_a_message_for_a_missing_file(view: VideoLessonView, tmp_path: Path) -> None:
    missing = tmp_path / "lesson-1-720p.mp4"
    view.open_lesson(VideoLesson("Gone", [VideoSource("720p", missing)], has_next=True))
    assert "lesson-1-720p.mp4" in view.message_text
    assert "missing" in view.message_text
    assert not view.play_button.isEnabled() and not view.seek_bar.isEnabled()
    assert view.next_button.isVisible()
    QTest.keyClick(view, Qt.Key.Key_Space)  # nothing to play, nothing breaks
    assert view.player.state != "playing"


def test_view_falls_back_to_an_installed_quality(
    qtbot, view: VideoLessonView, video_media: VideoMedia, tmp_path: Path
) -> None:
    sources = [VideoSource("720p", tmp_path / "gone.mp4"), VideoSource("240p", video_media.long)]
    view.open_lesson(VideoLesson("Fallback", sources))
    wait_state(qtbot, view.player, "playing")
    assert view.player.path == video_media.long
    assert view.message_text == ""


def test_view_shows_a_message_for_a_file_that_is_not_a_video(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    view.open_lesson(lesson(video_media, video_media.not_a_video))
    qtbot.waitUntil(lambda: view.message_text != "", timeout=WAIT)
    assert "notes.mp4" in view.message_text and "cannot be played" in view.message_text
    assert not view.play_button.isEnabled()


def test_view_keyboard_shortcuts(qtbot, view: VideoLessonView, video_media: VideoMedia) -> None:
    view.open_lesson(lesson(video_media, video_media.long))
    wait_state(qtbot, view.player, "playing")
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=WAIT)

    QTest.keyClick(view, Qt.Key.Key_Space)
    wait_state(qtbot, view.player, "paused")
    start = view.player.position
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.player.position == pytest.approx(start + 10, abs=0.01)
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert view.player.position == pytest.approx(start, abs=0.01)
    QTest.keyClick(view, Qt.Key.Key_M)
    assert view.player.muted and view.mute_button.isChecked()
    QTest.keyClick(view, Qt.Key.Key_M)
    assert not view.player.muted
    QTest.keyClick(view, Qt.Key.Key_F)
    assert view.full_screen and view.isFullScreen()
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert not view.full_screen and not view.isFullScreen()
    QTest.keyClick(view.seek_bar, Qt.Key.Key_Space)  # from a child control too
    wait_state(qtbot, view.player, "playing")


def test_view_controls_drive_the_player(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    view.open_lesson(lesson(video_media, video_media.long, video_media.long_small, subtitles=True))
    wait_state(qtbot, view.player, "playing")
    assert [view.subtitles.itemText(i) for i in range(view.subtitles.count())] == [
        "Off",
        "English",
        "Français",
    ]
    view.subtitles.setCurrentIndex(2)
    view.subtitles.activated.emit(2)
    qtbot.waitUntil(lambda: view.player.vlc_subtitle() == 1, timeout=WAIT)

    index = view.speed.findData(1.5)
    view.speed.setCurrentIndex(index)
    view.speed.activated.emit(index)
    assert view.player.vlc_rate() == pytest.approx(1.5)

    view.volume.setValue(40)
    assert view.player.volume == 40

    assert view.quality.isVisibleTo(view) and view.quality.count() == 2
    view.quality.setCurrentIndex(1)
    view.quality.activated.emit(1)
    assert view.player.path == video_media.long_small
    wait_state(qtbot, view.player, "playing")
    assert view.player.vlc_rate() == pytest.approx(1.5)


def test_view_click_on_the_seek_bar_jumps_there(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    sink = RecordingSink()
    view.open_lesson(lesson(video_media, video_media.long), sink)
    wait_state(qtbot, view.player, "playing")
    qtbot.waitUntil(lambda: view.seek_bar.maximum() > 0, timeout=WAIT)
    bar = view.seek_bar
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() * 3 // 4, bar.height() // 2)
    )
    assert view.player.position == pytest.approx(9.0, abs=1.0)
    assert sink.records[-1][0] == pytest.approx(view.player.position)


def test_view_leaving_the_screen_pauses_and_saves(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    sink = RecordingSink()
    view.open_lesson(lesson(video_media, video_media.long), sink)
    qtbot.waitUntil(lambda: view.player.position > 0.5, timeout=WAIT)
    view.hide()
    wait_state(qtbot, view.player, "paused")
    assert sink.records[-1][0] == pytest.approx(view.player.position, abs=0.5)


def test_view_another_quality_plays_where_one_could_not(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    view.open_lesson(lesson(video_media, video_media.not_a_video, video_media.long))
    qtbot.waitUntil(lambda: view.message_text != "", timeout=WAIT)
    assert view.quality.isEnabled()
    view.quality.setCurrentIndex(1)
    view.quality.activated.emit(1)
    assert view.message_text == ""
    wait_state(qtbot, view.player, "playing")
    assert view.player.path == video_media.long


def test_focused_controls_keep_space_and_arrows(
    qtbot, view: VideoLessonView, video_media: VideoMedia
) -> None:
    """Space presses the focused button and arrows move the volume: not the video shortcuts."""
    view.open_lesson(lesson(video_media, video_media.long))
    wait_state(qtbot, view.player, "playing")
    view.activateWindow()
    view.volume.setFocus()
    qtbot.waitUntil(view.volume.hasFocus, timeout=WAIT)
    volume, position = view.volume.value(), view.player.position
    QTest.keyClick(view.volume, Qt.Key.Key_Left)
    assert view.volume.value() < volume
    assert view.player.position > position - 5  # no jump back by 10 s

    view.back.setFocus()
    qtbot.waitUntil(view.back.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(view.back_requested, timeout=WAIT):
        QTest.keyClick(view.back, Qt.Key.Key_Space)
    assert view.player.state == "playing"  # Space pressed the button, did not pause
