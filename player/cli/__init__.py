"""The ``course-player`` command: a thin layer over ``player.core``.

Each area registers its sub-commands from its own module (``register(subparsers, context)``),
so areas can grow without touching one another. With no sub-command the desktop app opens.

Two imports wait until they are needed, on purpose: the desktop app (PySide6) is imported only
when it opens, so sub-commands run without Qt; the sub-command modules and the manifest model
are imported only when a sub-command runs, so the app's start loads neither.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from player import __version__
from player.core.errors import PlayerError

# Modules that define ``register(subparsers) -> None``; each sub-command sets ``func``.
COMMAND_MODULES = (
    "player.cli.packages",
    "player.cli.learning",
    "player.cli.sync",
    "player.cli.hub",
    "player.cli.partners",
    "player.cli.maintenance",
    "player.cli.stats",
    "player.cli.appupdate",
)

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
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


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if all(arg == "--exit-when-ready" for arg in args_list):
        # The desktop app: no sub-command module (requests, ffmpeg helpers...) is imported.
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
