"""``install URL`` options: link timeout, CA bundle, confirmation, default quality over HTTP."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from player.cli.common import say
from player.core.delivery.http import is_http
from player.core.delivery.plan import default_quality
from player.core.errors import InstallError
from player.core.install import InstallPlan
from player.core.paths import DataDir
from player.core.progress import ProgressLine


def add_http_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="S",
        help="give up after S seconds without receiving a byte (default 180)",
    )
    parser.add_argument(
        "--ca-bundle", metavar="FILE", help="also trust the certificate authorities in FILE"
    )
    parser.add_argument(
        "--yes", action="store_true", help="do not ask before downloading (on a terminal)"
    )


def source_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword options for ``open_source`` when the package is a URL (none otherwise)."""
    if not is_http(args.package):
        return {}
    if args.timeout is not None and args.timeout <= 0:
        raise InstallError("--timeout must be a number of seconds above 0.")
    return {
        "timeout": args.timeout,
        "ca_bundle": args.ca_bundle,
        "progress": ProgressLine(),
        "announce": say,
        "max_bytes": args.max_bytes,
    }


def install_quality(args: argparse.Namespace, data: DataDir) -> str | None:
    """The chosen quality; over HTTP (a published folder) the default for this link."""
    if args.quality is not None:
        return str(args.quality)
    if is_http(args.package) and not args.package.lower().split("?")[0].endswith(".zip"):
        return default_quality(data)
    return None


def plan_confirmer(
    args: argparse.Namespace, show: Callable[[InstallPlan], None]
) -> Callable[[InstallPlan], None]:
    """Show the plan; over HTTP on a terminal, ask before fetching unless ``--yes``."""

    def confirm(plan: InstallPlan) -> None:
        show(plan)
        if args.yes or not is_http(args.package) or not sys.stdin.isatty() or not plan.to_fetch:
            return
        answer = input("Download now? [Y/n] ").strip().lower()
        if answer not in ("", "y", "yes", "o", "oui"):
            raise InstallError("Not downloaded; nothing was changed.")

    return confirm
