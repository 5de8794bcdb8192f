"""Sub-commands that look after the data folder: check."""

from __future__ import annotations

import argparse

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
