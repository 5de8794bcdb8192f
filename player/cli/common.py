"""Helpers shared by the sub-command modules."""

from __future__ import annotations

import json
import sys
from typing import Any

from player.core.context import Context, open_context
from player.core.demo import install_demo_course
from player.core.errors import PlayerError


def context() -> Context:
    """The data folder's context; the first command on a fresh folder installs the demo course.

    A demo that cannot be installed (a full disk) is said in one line and the command goes on:
    what the user asked for matters more than the demo, which the next command tries again.
    """
    ctx = open_context()
    if ctx.fresh:
        try:
            install_demo_course(ctx)
        except PlayerError as error:
            say(f"The demo course was not installed: {error}")
    return ctx


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(message: str) -> None:
    """Human-oriented status on stderr, keeping stdout clean for data (JSON, CSV)."""
    print(message, file=sys.stderr)
