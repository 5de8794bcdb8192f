"""The video lesson: VLC's picture, transport controls, keyboard, and progress saving.

The view never touches the database. It reports to a ``ProgressSink`` (below), which the
window builds over the learning engine (``player.core.learning.activity``) and runs through the
task runner; the sink decides threading, the view only calls it on the main thread.

When the view calls the sink:
- ``resume_position()`` once, when a lesson opens: where to start (0 when never played or
  played to the end).
- ``record_position(position, duration, elapsed)`` while playing, each time the position has
  moved ``SAVE_EVERY`` seconds (5 s; less at speeds under 1×, so it is at least every 5 s of
  real time); on pause; just before and just after a seek; on close and when the lesson changes.
  ``elapsed`` is the real time spent *playing* since the previous call: the engine counts the
  stretch between two saved positions as watched only if playback could have covered it, so a
  seek is never counted as watched.
- ``mark_played_to_end(duration, elapsed)`` when VLC reaches the end of the media.

A missing file, a file VLC cannot play, or a computer without VLC shows a message in place of
the picture; the controls that cannot act are disabled, "next lesson" stays reachable.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractSlider,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProxyStyle,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from player.core.errors import PlayerError
from player.ui.screens.base import Screen
from player.ui.tasks import one_line
from player.ui.video import (
    ENDED,
    PAUSED,
    PLAYING,
    VideoError,
    VideoPlayer,
    VideoUnavailableError,
)
from player.ui.widgets.common import Heading, lesson_header, screen_margins
from player.ui.widgets.svg import svg_icon

log = logging.getLogger(__name__)

#: The video controls' icons (play, skip, volume, full screen) take the text's colour.
CONTROL_COLOUR = "text"

SAVE_EVERY = 5.0  # seconds of real time between two saves while playing
SKIP = 10.0  # seconds jumped by the arrow keys
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)


class ProgressSink(Protocol):
    """Where the view reports a video lesson's progress (see the module docstring)."""

    def resume_position(self) -> float: ...

    def record_position(self, position: float, duration: float, elapsed: float) -> None: ...

    def mark_played_to_end(self, duration: float, elapsed: float) -> None: ...


@dataclass(frozen=True)
class VideoSource:
    """One installed file of the video; ``label`` names its quality ("720p")."""

    label: str
    path: Path


@dataclass(frozen=True)
class VideoLesson:
    """What the view plays. ``sources`` come in order of preference."""

    title: str
    sources: Sequence[VideoSource]
    subtitles: Sequence[tuple[Path, str]] = field(default_factory=tuple)  # (file, language)
    has_next: bool = False
    subtitle: int | None = None  # the subtitles shown first (index in ``subtitles``), or none
    speed: float | None = None  # the speed to start at; None keeps the current one


def format_time(seconds: float) -> str:
    """``m:ss``, or ``h:mm:ss`` from one hour."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def language_name(code: str) -> str:
    """A subtitle language as its speakers write it ("Français"), else the code."""
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C or not code:
        return code
    if locale.language() == QLocale.Language.English and code.isalpha():
        return "English"  # Qt's native name of a bare "en" is "American English"
    name = locale.nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


class _JumpToClickStyle(QProxyStyle):
    """A click on the seek bar jumps there, instead of moving by a page."""

    def styleHint(  # noqa: N802 - Qt override
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        data: Any = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_Slider_AbsoluteSetButtons:
            return int(Qt.MouseButton.LeftButton.value)
        return super().styleHint(hint, option, widget, data)


class VideoSurface(QFrame):
    """The black rectangle VLC draws into; a double click toggles full screen."""

    double_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("video-surface")
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setMinimumSize(QSize(320, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.double_clicked.emit()
        event.accept()


class VideoLessonView(Screen):
    """A video lesson; ``open_lesson`` shows one, ``close_lesson`` saves and stops.

    ``speed_chosen`` and ``subtitles_chosen`` (a language, or "off") say what the learner picked
    in the controls, for the window to remember.
    """

    speed_chosen = Signal(float)
    subtitles_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, player: VideoPlayer | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("video-lesson")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.player = player if player is not None else VideoPlayer(self)
        self._lesson: VideoLesson | None = None
        self._sources: list[VideoSource] = []
        self._sink: ProgressSink | None = None
        self._message_kind: str | None = None
        self._message_detail = ""
        self._full_screen = False
        self._was_maximized = False
        self._seeking = False  # the learner is dragging the seek bar
        self._saved_position = 0.0
        self._playing_since: float | None = None
        self._played_time = 0.0
        self._build()
        self._connect()
        self.retranslate()
        self._update_controls()

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.title = Heading("", 1.4)

        self.surface = VideoSurface()
        self.surface.double_clicked.connect(self.toggle_full_screen)
        self.message = QLabel()
        self.message.setObjectName("video-message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMargin(24)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.screen_stack = QStackedWidget()
        self.screen_stack.addWidget(self.surface)
        self.screen_stack.addWidget(self.message)

        self.elapsed = QLabel(format_time(0))
        self.total = QLabel(format_time(0))
        self.seek_bar = QSlider(Qt.Orientation.Horizontal)
        # The proxy owns its base style: give it a copy of the application's, never the shared
        # one, and let the slider own the proxy (deleted with it).
        base = QStyleFactory.create(QApplication.style().name())
        seek_style = _JumpToClickStyle(base) if base is not None else _JumpToClickStyle()
        seek_style.setParent(self.seek_bar)
        self.seek_bar.setStyle(seek_style)
        self.seek_bar.setRange(0, 0)
        self.seek_bar.setSingleStep(5000)
        self.seek_bar.setPageStep(int(SKIP * 1000))

        def tool_button(icon: str, checkable: bool = False) -> QToolButton:
            button = QToolButton()
            button.setIcon(svg_icon(icon, CONTROL_COLOUR))
            button.setCheckable(checkable)
            button.setAutoRaise(True)
            size = max(24, self.fontMetrics().height() + 8)
            button.setIconSize(QSize(size, size))
            return button

        self.play_button = tool_button("play")
        self.back_skip = tool_button("skip_back")
        self.forward_skip = tool_button("skip_forward")
        self.mute_button = tool_button("volume", checkable=True)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(self.player.volume)
        self.volume.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 8)
        self.speed = QComboBox()
        self.subtitles = QComboBox()
        self.quality = QComboBox()
        for combo in (self.speed, self.subtitles, self.quality):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.full_screen_button = tool_button("full_screen", checkable=True)
        self.speed_label = QLabel()
        self.speed_label.setBuddy(self.speed)
        self.subtitles_label = QLabel()
        self.subtitles_label.setBuddy(self.subtitles)
        self.quality_label = QLabel()
        self.quality_label.setBuddy(self.quality)
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.next_button.hide()
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.resume_button = QPushButton()  # "resume at 0:34": the first unwatched stretch
        self.resume_button.setObjectName("resume-unwatched")
        self.resume_button.setAccessibleName(self.tr("Resume the unwatched part"))
        self.resume_button.hide()
        self._resume_at: float | None = None
        self._unwatched: list[tuple[float, float]] = []

        top = lesson_header(self.back, self.title)
        self.header = QWidget()
        self.header.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)

        seek_row = QHBoxLayout()
        seek_row.addWidget(self.elapsed)
        seek_row.addWidget(self.seek_bar, 1)
        seek_row.addWidget(self.total)

        controls = QHBoxLayout()
        for widget in (self.play_button, self.back_skip, self.forward_skip, self.mute_button):
            controls.addWidget(widget)
        controls.addWidget(self.volume)
        controls.addStretch(1)
        for label, combo in (
            (self.subtitles_label, self.subtitles),
            (self.speed_label, self.speed),
            (self.quality_label, self.quality),
        ):
            controls.addWidget(label)
            controls.addWidget(combo)
        controls.addWidget(self.full_screen_button)

        bottom = QHBoxLayout()
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(self.resume_button)
        bottom.addWidget(self.next_button)

        layout = screen_margins(QVBoxLayout(self))
        layout.addWidget(self.header)
        layout.addWidget(self.screen_stack, 1)
        layout.addLayout(seek_row)
        layout.addLayout(controls)
        layout.addLayout(bottom)

        self._shortcuts: dict[str, QShortcut] = {}
        for name, key, slot in (
            ("toggle", Qt.Key.Key_Space, self.player.toggle),
            ("back", Qt.Key.Key_Left, lambda: self.skip(-SKIP)),
            ("forward", Qt.Key.Key_Right, lambda: self.skip(SKIP)),
            ("full_screen", Qt.Key.Key_F, self.toggle_full_screen),
            ("leave_full_screen", Qt.Key.Key_Escape, lambda: self.set_full_screen(False)),
            ("mute", Qt.Key.Key_M, self._toggle_mute),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts[name] = shortcut
        self._shortcuts["leave_full_screen"].setEnabled(False)
        # The screen's Space and arrow shortcuts must not take those keys from the control
        # that has the focus: Space presses a focused button or opens a list, the arrows move
        # the volume or the choice in a list. (A control claims a key by accepting Qt's
        # ShortcutOverride event for it.)
        space = {Qt.Key.Key_Space}
        arrows = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down}
        self._own_keys: dict[QWidget, set[Qt.Key]] = {
            self.back: space,
            self.back_skip: space,
            self.forward_skip: space,
            self.mute_button: space,
            self.full_screen_button: space,
            self.next_button: space,
            self.volume: arrows,
            self.speed: space | arrows,
            self.subtitles: space | arrows,
            self.quality: space | arrows,
        }
        for control in self._own_keys:
            control.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and Qt.Key(event.key()) in self._own_keys.get(watched, ())
        ):
            event.accept()  # the key goes to the focused control, not to the shortcut
            return True
        return super().eventFilter(watched, event)

    def _connect(self) -> None:
        player = self.player
        player.set_video_surface(self.surface)
        player.position_changed.connect(self._on_position)
        player.duration_changed.connect(self._on_duration)
        player.state_changed.connect(self._on_state)
        player.ended.connect(self._on_ended)
        player.error.connect(self._on_error)
        player.subtitles_ready.connect(self._update_controls)

        self.play_button.clicked.connect(player.toggle)
        self.back_skip.clicked.connect(lambda: self.skip(-SKIP))
        self.forward_skip.clicked.connect(lambda: self.skip(SKIP))
        self.mute_button.clicked.connect(self._toggle_mute)
        self.volume.valueChanged.connect(player.set_volume)
        self.full_screen_button.clicked.connect(self.toggle_full_screen)
        self.next_button.clicked.connect(self._next)
        self.resume_button.clicked.connect(self._resume_unwatched)
        self.speed.activated.connect(self._speed_chosen)
        self.subtitles.activated.connect(self._subtitle_chosen)
        self.quality.activated.connect(self._quality_chosen)
        self.seek_bar.sliderPressed.connect(self._seek_started)
        self.seek_bar.sliderMoved.connect(lambda ms: self.elapsed.setText(format_time(ms / 1000)))
        self.seek_bar.sliderReleased.connect(self._seek_released)
        self.seek_bar.actionTriggered.connect(self._seek_action)

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Outline"))
        self.back.setToolTip(self.tr("Back to the course outline"))
        self.back.setAccessibleName(self.tr("Back to the course outline"))
        self.surface.setAccessibleName(self.tr("Video"))
        if self._lesson is not None:
            self.setAccessibleName(self.tr("Video lesson: %1").replace("%1", self._lesson.title))
        self.seek_bar.setAccessibleName(self.tr("Position in the video"))
        self.elapsed.setAccessibleName(self.tr("Time played"))
        self.total.setAccessibleName(self.tr("Length of the video"))
        for button, name, key in (
            (self.back_skip, self.tr("Back 10 seconds"), self.tr("Left arrow")),
            (self.forward_skip, self.tr("Forward 10 seconds"), self.tr("Right arrow")),
            (self.full_screen_button, self.tr("Full screen"), "F"),
            (self.mute_button, self.tr("Mute"), "M"),
        ):
            button.setAccessibleName(name)
            button.setToolTip(f"{name} ({key})")
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume"))
        self.speed_label.setText(self.tr("&Speed"))
        self.speed.setAccessibleName(self.tr("Playback speed"))
        self.subtitles_label.setText(self.tr("S&ubtitles"))
        self.subtitles.setAccessibleName(self.tr("Subtitles"))
        self.quality_label.setText(self.tr("&Quality"))
        self.quality.setAccessibleName(self.tr("Video quality"))
        for combo in (self.speed, self.subtitles, self.quality):
            combo.view().setAccessibleName(combo.accessibleName())  # its drop-down list
        self.next_button.setText(self.tr("Next lesson →"))
        self.next_button.setAccessibleName(self.tr("Next lesson"))
        self._show_unwatched_text()
        self._fill_speeds()
        self._fill_subtitles()
        self._update_play_button()
        self._show_message()

    # --- lessons ---------------------------------------------------------------------------

    def open_lesson(
        self, lesson: VideoLesson, sink: ProgressSink | None = None, *, autoplay: bool = True
    ) -> None:
        """Show a lesson, resuming where the sink says; the previous lesson is saved first."""
        self.close_lesson()
        self._lesson = lesson
        self._sink = sink
        self.title.setText(lesson.title)
        self.setAccessibleName(self.tr("Video lesson: %1").replace("%1", lesson.title))
        self.next_button.hide()
        self.notice.hide()
        self._clear_unwatched()
        self._sources = [source for source in lesson.sources if source.path.is_file()]
        self._fill_qualities()
        start_at = self._call_sink("resume_position") if sink is not None else 0.0
        start_at = start_at if isinstance(start_at, float | int) else 0.0
        if lesson.speed is not None:
            self.player.set_rate(lesson.speed)
            self._fill_speeds()
        self._saved_position = float(start_at)
        self._played_time = 0.0
        if not self._sources:
            missing = lesson.sources[0].path.name if lesson.sources else ""
            self._set_message("missing", missing)
            return
        try:
            self.player.load(self._sources[0].path, float(start_at), list(lesson.subtitles))
            self.player.set_subtitle(
                lesson.subtitle
                if lesson.subtitle is not None and 0 <= lesson.subtitle < len(lesson.subtitles)
                else None
            )
        except VideoUnavailableError as exc:
            self._set_message("no_vlc", str(exc))
            return
        except VideoError:
            self._set_message("missing", self._sources[0].path.name)
            return
        self._set_message(None)
        self._fill_subtitles()
        self._on_position(self.player.position)
        if autoplay:
            self.player.play()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_lesson(self) -> None:
        """Save the position and stop; safe to call twice."""
        if self._lesson is None:
            return
        if self.player.state in (PLAYING, PAUSED):
            self._save(self.player.position)
        self._sink = None
        self._lesson = None
        self.player.stop()
        self.set_full_screen(False)

    @property
    def lesson(self) -> VideoLesson | None:
        return self._lesson

    @property
    def message_text(self) -> str:
        """The message shown in place of the video ("" while the video shows)."""
        return self.message.text() if self.screen_stack.currentWidget() is self.message else ""

    # --- actions ---------------------------------------------------------------------------

    def skip(self, seconds: float) -> None:
        self.seek_to(self.player.position + seconds)

    def seek_to(self, seconds: float) -> None:
        """Seek, saving before (the stretch played counts) and after (the jump does not)."""
        if self._message_kind is not None or self.player.path is None:
            return
        if self.player.state in (PLAYING, PAUSED):
            self._save(self.player.position)
        self.player.seek(seconds)
        moved = self.player.position != self._saved_position
        if moved and self.player.state in (PLAYING, PAUSED):
            self._save(self.player.position)

    def toggle_full_screen(self) -> None:
        self.set_full_screen(not self._full_screen)

    def set_full_screen(self, on: bool) -> None:
        if on == self._full_screen:
            return
        self._full_screen = on
        window = self.window()
        if on:
            self._was_maximized = window.isMaximized()
            window.showFullScreen()
        elif self._was_maximized:
            window.showMaximized()
        else:
            window.showNormal()
        self.header.setVisible(not on)
        self.full_screen_button.setChecked(on)
        self._update_full_screen_icon()
        self._shortcuts["leave_full_screen"].setEnabled(on)
        self.full_screen_changed.emit(on)

    @property
    def full_screen(self) -> bool:
        return self._full_screen

    def _toggle_mute(self) -> None:
        muted = self.player.toggle_mute()
        self.mute_button.setChecked(muted)
        self.mute_button.setIcon(svg_icon("volume_muted" if muted else "volume", CONTROL_COLOUR))

    def _speed_chosen(self, index: int) -> None:
        rate = self.player.set_rate(float(self.speed.itemData(index)))
        self.speed_chosen.emit(rate)

    def _subtitle_chosen(self, index: int) -> None:
        self.player.set_subtitle(None if index <= 0 else index - 1)
        language = self.subtitles.itemData(index) if index > 0 else None
        self.subtitles_chosen.emit(language if isinstance(language, str) else "off")

    def _quality_chosen(self, index: int) -> None:
        if not 0 <= index < len(self._sources):
            return
        path = self._sources[index].path
        failed = self._message_kind is not None  # another quality may play where this one did not
        if path == self.player.path and not failed:
            return
        if self.player.state in (PLAYING, PAUSED):
            self._save(self.player.position)
        try:
            self.player.switch_source(path)
        except VideoError:
            self._set_message("missing", path.name)
            return
        if failed:
            self._set_message(None)
            self.player.play()

    def _next(self) -> None:
        self.close_lesson()
        self.next_requested.emit()

    def show_unwatched(self, gaps: Sequence[tuple[float, float]]) -> None:
        """The video ended without counting: say how much is left and offer its first part.

        ``gaps`` are the stretches never watched (start, end in seconds), in order, as the
        engine found them when the end was reported.
        """
        if not gaps or self._lesson is None:
            return
        self._unwatched = [(float(a), float(b)) for a, b in gaps]
        self._resume_at = self._unwatched[0][0]
        self._show_unwatched_text()
        self.notice.show()
        self.resume_button.show()
        self.resume_button.setFocus()

    def _show_unwatched_text(self) -> None:
        if self._resume_at is None:
            return
        left = sum(b - a for a, b in self._unwatched)
        at = format_time(self._resume_at)
        if left >= 90:
            amount = self.tr("%n min", "", round(left / 60))
        else:
            amount = self.tr("%n s", "", max(1, round(left)))
        text = self.tr("This video does not count as watched yet: %1 not watched. Resume at %2?")
        self.notice.setText(text.replace("%1", amount).replace("%2", at))
        self.resume_button.setText(self.tr("Resume at %1").replace("%1", at))
        self.resume_button.setAccessibleName(
            self.tr("Resume at the first part not watched, %1").replace("%1", at)
        )

    def _clear_unwatched(self) -> None:
        self._resume_at = None
        self._unwatched = []
        self.resume_button.hide()

    def _resume_unwatched(self) -> None:
        at = self._resume_at
        self._clear_unwatched()
        self.notice.hide()
        if at is not None:
            ended = self.player.state == ENDED  # a seek after the end plays from there
            self.seek_to(at)
            if not ended:
                self.player.play()

    def _seek_started(self) -> None:
        self._seeking = True

    def _seek_released(self) -> None:
        self._seeking = False
        self.seek_to(self.seek_bar.value() / 1000)

    def _seek_action(self, action: int) -> None:
        # Keyboard and clicks on the bar (not drags, handled on release).
        if action != QAbstractSlider.SliderAction.SliderMove.value and not self._seeking:
            self.seek_to(self.seek_bar.sliderPosition() / 1000)

    # --- player events ---------------------------------------------------------------------

    def _on_position(self, seconds: float) -> None:
        if not self._seeking:
            self.seek_bar.setValue(int(seconds * 1000))
            self.elapsed.setText(format_time(seconds))
        if self.player.state == PLAYING:
            every = SAVE_EVERY * min(1.0, self.player.rate)
            if seconds - self._saved_position >= every or seconds < self._saved_position:
                self._save(seconds)

    def _on_duration(self, seconds: float) -> None:
        self.seek_bar.setRange(0, int(seconds * 1000))
        self.total.setText(format_time(seconds))

    def _on_state(self, state: str) -> None:
        now = time.monotonic()
        if state == PLAYING:
            self._playing_since = now
            self.next_button.hide()
            if self._resume_at is not None:  # playing again: the end's notice is stale
                self._clear_unwatched()
                self.notice.hide()
        elif self._playing_since is not None:
            self._played_time += now - self._playing_since
            self._playing_since = None
        if state == PAUSED:
            self._save(self.player.position)
        self._update_play_button()
        self._update_controls()

    def _on_ended(self) -> None:
        duration = self.player.duration
        self._saved_position = duration
        if self._sink is not None:
            self._call_sink("mark_played_to_end", duration, self._take_played_time())
        if self._lesson is not None and self._lesson.has_next:
            self.next_button.show()
            self.next_button.setFocus()

    def _on_error(self, message: str) -> None:
        self._set_message("unplayable", message)

    # --- progress --------------------------------------------------------------------------

    def _take_played_time(self) -> float:
        played = self._played_time
        if self._playing_since is not None:
            now = time.monotonic()
            played += now - self._playing_since
            self._playing_since = now
        self._played_time = 0.0
        return played

    def _save(self, position: float) -> None:
        self._saved_position = position
        if self._sink is not None:
            elapsed = self._take_played_time()
            self._call_sink("record_position", position, self.player.duration, elapsed)

    def _call_sink(self, method: str, *args: float) -> object:
        assert self._sink is not None
        try:
            return getattr(self._sink, method)(*args)
        except PlayerError as exc:
            self.notice.setText(
                self.tr("Your progress could not be saved: %1").replace("%1", one_line(exc))
            )
            self.notice.show()
            return None

    # --- display ---------------------------------------------------------------------------

    def _set_message(self, kind: str | None, detail: str = "") -> None:
        self._message_kind = kind
        self._message_detail = detail
        if kind is not None and self._lesson is not None and self._lesson.has_next:
            self.next_button.show()
        self._show_message()
        self._update_controls()

    def _show_message(self) -> None:
        kind, detail = self._message_kind, self._message_detail
        if kind is None:
            self.screen_stack.setCurrentWidget(self.surface)
            return
        if kind == "missing":
            text = self.tr("The video file is missing: %1. Install the course again.")
            text = text.replace("%1", detail)
        elif kind == "no_vlc":
            text = self.tr("Videos cannot play: VLC is not installed on this computer.")
        else:
            text = detail
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.screen_stack.setCurrentWidget(self.message)

    def _update_full_screen_icon(self) -> None:
        icon = "leave_full_screen" if self._full_screen else "full_screen"
        self.full_screen_button.setIcon(svg_icon(icon, CONTROL_COLOUR))

    def _update_play_button(self) -> None:
        playing = self.player.state == PLAYING
        self.play_button.setIcon(svg_icon("pause" if playing else "play", CONTROL_COLOUR))
        name = self.tr("Pause") if playing else self.tr("Play")
        self.play_button.setAccessibleName(name)
        self.play_button.setToolTip(self.tr("%1 (Space)").replace("%1", name))

    def _update_controls(self) -> None:
        playable = self._message_kind is None and self.player.path is not None
        controls: tuple[QWidget, ...] = (
            self.play_button,
            self.back_skip,
            self.forward_skip,
            self.seek_bar,
            self.speed,
        )
        for control in controls:
            control.setEnabled(playable)
        has_subtitles = playable and bool(self.player.subtitle_tracks())
        self.subtitles.setEnabled(has_subtitles)
        self.quality.setVisible(len(self._sources) > 1)
        self.quality_label.setVisible(len(self._sources) > 1)
        self.quality.setEnabled(len(self._sources) > 1)

    def _fill_speeds(self) -> None:
        current = self.player.rate
        self.speed.clear()
        locale = self.locale()
        for rate in SPEEDS:
            self.speed.addItem(self.tr("%1×").replace("%1", locale.toString(rate, "g", 3)), rate)
        self.speed.setCurrentIndex(
            SPEEDS.index(current) if current in SPEEDS else SPEEDS.index(1.0)
        )

    def _fill_subtitles(self) -> None:
        self.subtitles.clear()
        self.subtitles.addItem(self.tr("Off"))
        for track in self.player.subtitle_tracks():
            self.subtitles.addItem(language_name(track.language), track.language)
        chosen = self.player.subtitle
        self.subtitles.setCurrentIndex(0 if chosen is None else chosen + 1)

    def _fill_qualities(self) -> None:
        self.quality.clear()
        for source in self._sources:
            self.quality.addItem(source.label)

    # --- Qt events -------------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        # Leaving the screen pauses (and so saves); minimising the window does not.
        if not event.spontaneous():
            self.player.pause()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.close_lesson()
        super().closeEvent(event)

    def release(self) -> None:
        """Save, stop and free VLC; call before dropping the view."""
        self.close_lesson()
        self.player.release()
