"""The ``course-player`` command: a thin layer over ``player.core``.

Each area registers its sub-commands from its own module (``register(subparsers, context)``),
so areas can grow without touching one another. With no sub-command the desktop app opens.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from player import __version__
from player.core.errors import PlayerError

if TYPE_CHECKING:
    import argparse

# Modules that define ``register(subparsers) -> None``; each sub-command sets ``func``.
COMMAND_MODULES = (
    "player.cli.packages",
    "player.cli.learning",
    "player.cli.sync",
    "player.cli.partners",
    "player.cli.maintenance",
)

Handler = Callable[["argparse.Namespace"], int]


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not on the desktop app's start-up path

    from player.core.package.manifest import FORMAT_VERSION

    parser = argparse.ArgumentParser(
        prog="course-player",
        description="Offline course player: install a course once, learn offline, sync later.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"course-player {__version__} (package format {FORMAT_VERSION})",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the main window, wait until it is shown and idle, then exit (smoke tests)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue
            raise
        module.register(subparsers)
    return parser


def _import_first_screen_core() -> None:
    """Import the Qt-free modules the first screen reads with, before PySide6 is loaded.

    Once loaded, PySide6 inspects the source of every module named by an import statement
    run after it (for its ``__feature__`` switches), which costs the app's start about 5 ms
    for these alone.
    """
    import player.core.progress  # noqa: F401 - the task runner's progress and cancel types
    import player.ui.ops.library  # noqa: F401 - the learner, card, outbox and trust modules


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if all(arg == "--exit-when-ready" for arg in args_list):
        # The desktop app: skip importing every sub-command (and requests, ffmpeg helpers...)
        # so the window shows sooner. Start-up only creates objects that live as long as the app,
        # so collecting garbage meanwhile is wasted time; run_app turns collection back on.
        gc.disable()
        _import_first_screen_core()
        from player.ui.app import run_app

        return run_app(exit_when_ready=bool(args_list))
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler: Handler | None = getattr(args, "func", None)
    if handler is None:
        from player.ui.app import run_app

        return run_app(exit_when_ready=args.exit_when_ready)
    try:
        return handler(args)
    except PlayerError as error:
        print(f"course-player: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("course-player: interrupted; run the same command again to resume.", file=sys.stderr)
        return 130
