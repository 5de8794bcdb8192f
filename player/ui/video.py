"""libVLC wrapped in a ``QObject`` whose typed signals widgets bind to.

Like Picard's ``picard/ui/player/player.py``, widgets never talk to the media library directly:
they call ``VideoPlayer`` methods and listen to its signals. VLC reports events on its own
threads; each event is forwarded through a private queued signal, so the public signals
(``position_changed``, ``state_changed``, ...) are always emitted on the main thread.

libVLC is loaded lazily: importing this module loads neither python-vlc nor libVLC (start-up
must stay fast). The first ``load()`` creates one shared ``vlc.Instance`` per argument list.

Embedding follows Qt's platform: ``set_xwindow`` on ``xcb``, ``set_hwnd`` on ``windows``,
``set_nsobject`` on ``cocoa``. With ``offscreen``/``minimal`` (tests, CI) VLC gets
``--vout=dummy --aout=dummy`` and no window handle: asking an offscreen widget for a native
window and handing it to VLC crashes. On Wayland run the app with ``QT_QPA_PLATFORM=xcb``
(XWayland), otherwise VLC opens its own window.

Synchronous failures (file missing, VLC not installed) raise ``VideoError`` from ``load()``;
failures found while playing (damaged or non-video file) arrive as the ``error`` signal.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from player.core.errors import QT_TRANSLATE_NOOP, PlayerError

if TYPE_CHECKING:
    import vlc

log = logging.getLogger(__name__)

RATE_MIN = 0.5
RATE_MAX = 2.0
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})
BASE_ARGS = ("--quiet", "--no-video-title-show", "--no-snapshot-preview", "--no-osd")
EXTRA_ARGS_ENV = "COURSE_PLAYER_VLC_ARGS"  # e.g. "--vout=xcb_x11" on a machine whose GL fails

# Player states as strings, the values of ``state_changed``.
PLAYING = "playing"
PAUSED = "paused"
STOPPED = "stopped"
ENDED = "ended"
ERROR = "error"


class VideoError(PlayerError):
    """A video cannot be played (file missing, unreadable, or VLC not installed)."""


class VideoUnavailableError(VideoError):
    """libVLC or its plugins are not installed on this computer."""


@dataclass(frozen=True)
class SubtitleTrack:
    """An external subtitle file given to ``load()``; ``index`` is its place in that list."""

    index: int
    path: Path
    language: str


def vlc_arguments(platform_name: str) -> list[str]:
    """The libVLC arguments for the running Qt platform plugin."""
    args = list(BASE_ARGS)
    if platform_name in HEADLESS_PLATFORMS:
        args += ["--vout=dummy", "--aout=dummy"]
    args += shlex.split(os.environ.get(EXTRA_ARGS_ENV, ""))
    return args


_instances: dict[tuple[str, ...], vlc.Instance] = {}


def vlc_instance(args: Sequence[str]) -> vlc.Instance:
    """One shared libVLC instance per argument list, created on first use."""
    key = tuple(args)
    if key not in _instances:
        try:
            import vlc
        except (ImportError, OSError, NotImplementedError) as exc:
            raise VideoUnavailableError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "Video playback is unavailable: libVLC could not be loaded ({reason}).",
                ),
                reason=str(exc),
            ) from exc
        instance = vlc.Instance(list(args))
        if instance is None:
            raise VideoUnavailableError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "Video playback is unavailable: libVLC started without its plugins "
                    "(install VLC or its plugin packages).",
                )
            )
        _instances[key] = instance
    return _instances[key]


class VideoPlayer(QObject):
    """One libVLC media player; every public signal arrives on the main thread.

    Signals:
        position_changed(seconds) — during playback (about 4 times a second) and after a seek.
        duration_changed(seconds) — once the media length is known.
        state_changed(state) — one of "playing", "paused", "stopped", "ended", "error".
        ended() — the media played to its end.
        error(message) — a one-line message for the user (damaged or unreadable file).
        seeked(seconds) — the position jumped because of ``seek()``; watched time must not count it.
        video_output_changed(bool) — VLC opened (True) or closed its video output.
        subtitles_ready() — VLC knows the subtitle tracks; ``set_subtitle`` now takes effect.
    """

    position_changed = Signal(float)
    duration_changed = Signal(float)
    state_changed = Signal(str)
    ended = Signal()
    error = Signal(str)
    seeked = Signal(float)
    video_output_changed = Signal(bool)
    subtitles_ready = Signal()

    # (generation, kind, value): emitted from VLC threads, delivered queued on the main thread.
    _vlc_event = Signal(int, str, object)

    def __init__(
        self, parent: QObject | None = None, *, vlc_args: Sequence[str] | None = None
    ) -> None:
        super().__init__(parent)
        self._vlc_args = list(vlc_args) if vlc_args is not None else None
        self._player: vlc.MediaPlayer | None = None
        self._surface: QWidget | None = None
        self._generation = 0  # bumped on each new media: late events of the old one are dropped
        self._state = STOPPED
        self._path: Path | None = None
        self._start_at = 0.0
        self._started = False
        self._pause_when_started = False
        self._pending_seek: float | None = None
        self._saw_picture = False  # VLC opened a video output for this media
        self._subtitles: list[SubtitleTrack] = []
        self._subtitle: int | None = None
        self._rate = 1.0
        self._volume = 100
        self._muted = False
        self._position = 0.0
        self._duration = 0.0
        self._vlc_event.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)

    # --- state -----------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def position(self) -> float:
        return self._position

    @property
    def duration(self) -> float:
        return self._duration

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def subtitle(self) -> int | None:
        """The index (in ``subtitle_tracks()``) of the subtitles shown, or None when off."""
        return self._subtitle

    def subtitle_tracks(self) -> list[SubtitleTrack]:
        """The subtitle files given to ``load()``, in order."""
        return list(self._subtitles)

    def has_vout(self) -> bool:
        """True when VLC has a video output open (frames are being drawn)."""
        return self._player is not None and self._player.has_vout() > 0

    def vlc_rate(self) -> float:
        """The speed VLC itself reports (``rate`` is the one asked for)."""
        return float(self._player.get_rate()) if self._player is not None else 1.0

    def vlc_subtitle(self) -> int | None:
        """The index of the subtitles VLC is showing now, None when none of ours."""
        player = self._player
        if player is None or not self._started or not self._subtitles:
            return None
        descriptions = player.video_get_spu_description() or []
        ids = [track_id for track_id, _ in descriptions if track_id >= 0]
        ours = ids[-len(self._subtitles) :] if len(ids) >= len(self._subtitles) else []
        current = player.video_get_spu()
        return ours.index(current) if current in ours else None

    # --- set-up ----------------------------------------------------------------------------

    def set_video_surface(self, widget: QWidget | None) -> None:
        """The widget VLC draws into; must be set before ``play()`` to embed."""
        self._surface = widget
        if self._player is not None:
            self._embed(self._player)

    def load(
        self,
        path: str | Path,
        start_at: float = 0.0,
        subtitles: Sequence[tuple[str | Path, str]] = (),
    ) -> None:
        """Prepare ``path`` to play from ``start_at`` seconds, with external subtitle files.

        Raises ``VideoError`` when the file is missing or VLC is unavailable; nothing changes
        then except that the previous media is stopped.
        """
        path = Path(path)
        self._stop_media()
        self._path = None
        self._position = max(0.0, start_at)
        self._duration = 0.0
        self._subtitles = [
            SubtitleTrack(i, Path(sub), lang) for i, (sub, lang) in enumerate(subtitles)
        ]
        if self._subtitle is not None and self._subtitle >= len(self._subtitles):
            self._subtitle = None
        if not path.is_file():
            self._set_state(ERROR)
            raise VideoError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "The video file is missing: {path}"), path=path
            )
        self._ensure_player()
        self._path = path
        self._start_at = self._position
        self._started = False
        self._set_state(STOPPED)
        self.position_changed.emit(self._position)

    def release(self) -> None:
        """Stop and free the VLC player; the object may be loaded again afterwards."""
        player, self._player = self._player, None
        self._generation += 1
        if player is None:
            return
        import vlc

        events = player.event_manager()
        for event_type, _ in _EVENTS:
            events.event_detach(getattr(vlc.EventType, event_type))
        player.stop()
        player.release()
        self._started = False
        self._set_state(STOPPED)

    # --- transport -------------------------------------------------------------------------

    @property
    def opening(self) -> bool:
        """True between ``play()`` and VLC's first frame: VLC is opening the file."""
        return self._started and self._state == STOPPED

    def play(self) -> None:
        if self._player is None or self._path is None:
            return
        if self.opening:
            self._pause_when_started = False
        elif not self._started or self._state in (ENDED, ERROR):
            self._start(0.0 if self._state == ENDED else self._start_at)
        elif self._state == PAUSED:
            self._player.set_pause(0)

    def pause(self) -> None:
        if self._player is None:
            return
        if self.opening:
            self._pause_when_started = True
        elif self._state == PLAYING:
            self._player.set_pause(1)

    def toggle(self) -> None:
        if self._state == PLAYING or (self.opening and not self._pause_when_started):
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        if self._player is None:
            return
        self._stop_media()
        self._start_at = self._position
        self._set_state(STOPPED)

    def seek(self, seconds: float) -> None:
        """Jump to ``seconds`` (clamped to the media); after the end it plays again from there."""
        if self._player is None or self._path is None:
            return
        upper = self._duration if self._duration > 0 else max(seconds, 0.0)
        target = min(max(0.0, seconds), upper)
        if self._state == ENDED:
            self._start(target)
        elif self._started and self._state in (PLAYING, PAUSED):
            self._player.set_time(int(target * 1000))
        elif self.opening:
            self._pending_seek = target
        else:
            self._start_at = target
        self._position = target
        self.seeked.emit(target)
        self.position_changed.emit(target)

    def seek_relative(self, delta: float) -> None:
        self.seek(self._position + delta)

    def set_rate(self, rate: float) -> float:
        """Playback speed, clamped to 0.5–2.0; returns the rate in force."""
        self._rate = min(max(rate, RATE_MIN), RATE_MAX)
        if self._player is not None:
            self._player.set_rate(self._rate)
        return self._rate

    def set_volume(self, volume: int) -> int:
        """Volume 0–100; returns the volume in force."""
        self._volume = min(max(int(volume), 0), 100)
        if self._player is not None:
            self._player.audio_set_volume(self._volume)
        return self._volume

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self._player is not None:
            self._player.audio_set_mute(muted)

    def toggle_mute(self) -> bool:
        """Returns True when now muted."""
        self.set_muted(not self._muted)
        return self._muted

    def set_subtitle(self, index: int | None) -> None:
        """Show the subtitles at ``index`` in ``subtitle_tracks()``, or none."""
        if index is not None and not 0 <= index < len(self._subtitles):
            raise VideoError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "There is no subtitle track number {number}."),
                number=index + 1,
            )
        self._subtitle = index
        self._apply_subtitle()

    def switch_source(self, path: str | Path) -> None:
        """Play another file of the same video (another quality) from the same position."""
        was = self._state
        position = self._position
        subtitles = [(track.path, track.language) for track in self._subtitles]
        self.load(path, start_at=position, subtitles=subtitles)
        if was in (PLAYING, PAUSED):
            self._pause_when_started = was == PAUSED
            self.play()

    # --- VLC side --------------------------------------------------------------------------

    def _ensure_player(self) -> vlc.MediaPlayer:
        if self._player is not None:
            return self._player
        args = self._vlc_args
        if args is None:
            args = vlc_arguments(QGuiApplication.platformName())
        player = vlc_instance(args).media_player_new()
        if player is None:
            raise VideoUnavailableError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "Video playback is unavailable: VLC refused to start."
                )
            )
        player.video_set_key_input(False)  # keys and clicks go to Qt, not to VLC's window
        player.video_set_mouse_input(False)
        self._attach_events(player)
        self._embed(player)
        self._player = player
        return player

    def _embed(self, player: vlc.MediaPlayer) -> None:
        if self._surface is None:
            return
        platform = QGuiApplication.platformName()
        if platform == "xcb":
            player.set_xwindow(int(self._surface.winId()))
        elif platform == "windows":
            player.set_hwnd(int(self._surface.winId()))
        elif platform == "cocoa":
            player.set_nsobject(int(self._surface.winId()))
        else:
            log.info("Qt platform %r cannot embed VLC video", platform)

    def _attach_events(self, player: vlc.MediaPlayer) -> None:
        import vlc

        def forward(event: Any, kind: str) -> None:
            # Runs on a VLC thread: read the event, hand it to the main thread, nothing more
            # (calling back into libVLC from here can deadlock).
            value: object = None
            if kind == "time":
                value = event.u.new_time / 1000.0
            elif kind == "length":
                value = event.u.new_length / 1000.0
            elif kind == "vout":
                value = int(event.u.new_count)
            # RuntimeError: the QObject is gone while the player is being released.
            with contextlib.suppress(RuntimeError):
                self._vlc_event.emit(self._generation, kind, value)

        events = player.event_manager()
        for event_type, kind in _EVENTS:
            events.event_attach(getattr(vlc.EventType, event_type), forward, kind)

    def _start(self, start_at: float) -> None:
        import vlc

        assert self._player is not None and self._path is not None
        self._stop_media()
        instance = vlc_instance(self._vlc_args or vlc_arguments(QGuiApplication.platformName()))
        media = instance.media_new_path(str(self._path))
        if start_at > 0:
            media.add_option(f":start-time={start_at:.3f}")
        self._player.set_media(media)
        media.release()
        for track in self._subtitles:
            self._player.add_slave(
                vlc.MediaSlaveType.subtitle, track.path.resolve().as_uri(), False
            )
        self._position = start_at
        self._started = True
        self._pending_seek = None
        self._saw_picture = False
        self._player.set_rate(self._rate)
        if self._player.play() != 0:
            self._fail()

    def _stop_media(self) -> None:
        if self._player is not None and self._started:
            self._player.stop()
        self._started = False
        self._generation += 1

    def _apply_subtitle(self) -> bool:
        """Select the chosen track in VLC; False while VLC has not opened every subtitle file."""
        player = self._player
        if player is None or not self._started or not self._subtitles:
            return False
        descriptions = player.video_get_spu_description() or []
        ids = [track_id for track_id, _ in descriptions if track_id >= 0]
        if len(ids) < len(self._subtitles):
            return False  # applied again on the next track VLC adds
        # External files are added after any subtitles inside the video, in our order.
        ours = ids[-len(self._subtitles) :]
        wanted = -1 if self._subtitle is None else ours[self._subtitle]
        if player.video_get_spu() != wanted:
            player.video_set_spu(wanted)
        return True

    def _apply_audio(self) -> None:
        assert self._player is not None
        self._player.audio_set_volume(self._volume)
        self._player.audio_set_mute(self._muted)

    def _fail(self) -> None:
        name = self._path.name if self._path else ""
        self._set_state(ERROR)
        self.error.emit(
            self.tr("This video cannot be played: %1. The file may be damaged.").replace("%1", name)
        )

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    @Slot(int, str, object)
    def _on_vlc_event(self, generation: int, kind: str, value: object) -> None:
        if generation != self._generation or self._player is None:
            return  # from a media that has since been replaced or stopped
        if kind == "time":
            assert isinstance(value, float)
            if self._state in (PLAYING, PAUSED):
                self._position = value
                self.position_changed.emit(value)
        elif kind == "length":
            assert isinstance(value, float)
            if value > 0 and value != self._duration:
                self._duration = value
                self.duration_changed.emit(value)
        elif kind == "playing":
            self._player.set_rate(self._rate)
            self._apply_audio()
            self._apply_subtitle()
            if self._pending_seek is not None:
                self._player.set_time(int(self._pending_seek * 1000))
                self._pending_seek = None
            if self._pause_when_started:
                self._pause_when_started = False
                self._player.set_pause(1)
            self._set_state(PLAYING)
        elif kind == "paused":
            self._set_state(PAUSED)
        elif kind == "stopped":
            if self._state not in (ENDED, ERROR):
                self._set_state(STOPPED)
        elif kind == "ended":
            if self._duration <= 0 and not self._saw_picture:
                # VLC "plays" some non-video files (text, playlists) to an immediate end.
                self._fail()
                return
            if self._duration > 0:
                self._position = self._duration
                self.position_changed.emit(self._position)
            self._start_at = 0.0
            self._set_state(ENDED)
            self.ended.emit()
        elif kind == "error":
            self._fail()
        elif kind == "vout":
            self._saw_picture = self._saw_picture or bool(value)
            self.video_output_changed.emit(bool(value))
        elif kind == "es" and self._apply_subtitle():
            self.subtitles_ready.emit()


# (libVLC event type name, kind forwarded to the main thread)
_EVENTS: tuple[tuple[str, str], ...] = (
    ("MediaPlayerTimeChanged", "time"),
    ("MediaPlayerLengthChanged", "length"),
    ("MediaPlayerPlaying", "playing"),
    ("MediaPlayerPaused", "paused"),
    ("MediaPlayerStopped", "stopped"),
    ("MediaPlayerEndReached", "ended"),
    ("MediaPlayerEncounteredError", "error"),
    ("MediaPlayerVout", "vout"),
    ("MediaPlayerESAdded", "es"),
)
