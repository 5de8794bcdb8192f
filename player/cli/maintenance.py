"""Sub-commands that look after the data folder and the app itself: check, play-check."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from player.cli.common import context, say
from player.core.check import check
from player.core.progress import ProgressLine


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("check", help="verify the data folder (files, database, outbox)")
    p.add_argument(
        "--repair",
        action="store_true",
        help="fetch damaged media again from the course's original source (progress is kept)",
    )
    p.set_defaults(func=cmd_check)
    p = subparsers.add_parser(
        "play-check",
        help="play media files through libVLC with dummy outputs and report what was decoded "
        "(the bundle's smoke test; a partner's check that a build plays courses)",
    )
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--seconds", type=float, default=3.0, help="how long to play each file")
    p.set_defaults(func=cmd_play_check)


def cmd_check(args: argparse.Namespace) -> int:
    ctx = context()
    report = check(ctx, repair=args.repair, progress=ProgressLine())
    for note in report.notes:
        say(f"note: {note}")
    for problem in report.problems:
        print(problem.line())
    if report.clean:
        say(f"Clean: {report.files_checked} files verified.")
        return 0
    left = sum(not p.repaired for p in report.problems)
    say(f"{left} problem(s) need attention" + ("" if args.repair else "; try --repair."))
    return 1


def cmd_play_check(args: argparse.Namespace) -> int:
    """Each file must play: the clock advances, and every audio or video track it holds has
    frames decoded and shown (or buffers played). No window, no sound card needed."""
    import vlc  # python-vlc; a bundle's runtime hook points it at the bundled libVLC

    instance = vlc.Instance(["--quiet", "--vout=dummy", "--aout=dummy", "--no-video-title-show"])
    failed = 0
    for path in args.files:
        problem, line = _play_one(vlc, instance, path, args.seconds)
        print(f"{'FAILED' if problem else 'OK'}: {path.name}: {problem or line}")
        failed += bool(problem)
    instance.release()
    return 1 if failed else 0


def _play_one(vlc: ModuleType, instance: Any, path: Path, seconds: float) -> tuple[str, str]:
    """(problem or "", summary) after playing ``path`` for ``seconds``."""
    if not path.is_file():
        return f"no such file {path}", ""
    player = instance.media_player_new()
    media = instance.media_new_path(str(path))
    player.set_media(media)
    player.play()
    samples = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.1)
        samples.append(player.get_time())
    state = player.get_state()
    has_vout = player.has_vout()
    stats = vlc.MediaStats()
    media.get_stats(stats)
    kinds = {track.type for track in media.tracks_get() or []}
    player.stop()
    player.release()
    media.release()
    video = vlc.TrackType.video in kinds
    audio = vlc.TrackType.audio in kinds
    summary = (
        f"{state}, clock {max(samples, default=-1)} ms"
        + (f", {stats.displayed_pictures} video frames shown" if video else "")
        + (f", {stats.played_abuffers} audio buffers played" if audio else "")
    )
    ended = state == vlc.State.Ended
    if state != vlc.State.Playing and not ended:
        return f"did not play ({summary})", summary
    if not ended and (len(set(samples)) < 2 or max(samples) <= 0):
        return f"the clock did not advance ({summary})", summary
    if not video and not audio:
        return f"no audio or video track decoded ({summary})", summary
    if video and (not has_vout or stats.decoded_video == 0 or stats.displayed_pictures == 0):
        return f"no video decoded ({summary})", summary
    if audio and (stats.decoded_audio == 0 or stats.played_abuffers == 0):
        return f"no audio decoded ({summary})", summary
    return "", summary
