"""Helpers shared by the sub-command modules."""

from __future__ import annotations

import json
import sys
from typing import Any

from player.core.context import Context, open_context
from player.core.demo import install_demo_course


def context() -> Context:
    """The data folder's context; the first command on a fresh folder installs the demo course."""
    ctx = open_context()
    if ctx.fresh:
        install_demo_course(ctx)
    return ctx


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(message: str) -> None:
    """Human-oriented status on stderr, keeping stdout clean for data (JSON, CSV)."""
    print(message, file=sys.stderr)
