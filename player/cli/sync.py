"""Sub-commands for sync: sync, export-progress, import-progress."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from player.cli.common import context, print_json, say
from player.core.errors import SyncError
from player.core.learning.learners import find_learner
from player.core.sync import outbox
from player.core.sync.config import SyncSettings
from player.core.sync.merge import CourseIndex
from player.core.sync.service import (
    DEFAULT_TIMEOUT,
    SyncStatus,
    activity_bases,
    manifests_of,
    sync_outbox,
    sync_status,
)
from player.core.sync.usb import export_progress, import_progress

if TYPE_CHECKING:
    from sqlite_utils import Database


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sync", help="send completions to the LRS (xAPI)")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"give up after S seconds without progress (default {DEFAULT_TIMEOUT:.0f})",
    )
    p.add_argument("--status", action="store_true", help="show what is waiting; send nothing")
    p.add_argument("--json", action="store_true", help="with --status: as JSON")
    p.add_argument("--hub", metavar="URL", help="send to a workshop hub (docs/hub.md)")
    p.add_argument("--code", help="with --hub: the hub's pairing code (remembered once paired)")
    p.set_defaults(func=cmd_sync)

    p = subparsers.add_parser(
        "export-progress", help="write unsent completions to a file (JSON Lines), e.g. on USB"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--learner", metavar="NAME", help="only this learner's statements")
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser(
        "import-progress", help="queue completions from another laptop's export file"
    )
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_import)


class _StatusLine:
    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = ""

    def __call__(self, status: SyncStatus) -> None:
        if status.state == "waiting":
            line = f"waiting: {status.message}"
        elif status.state == "sending" and status.total_this_run:
            line = f"sent {status.sent_this_run}/{status.total_this_run}"
        else:
            return
        if line == self.last:
            return
        self.last = line
        if self.tty:
            sys.stderr.write("\r" + line[:100].ljust(100))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def close(self) -> None:
        if self.tty and self.last:
            sys.stderr.write("\n")


def cmd_sync(args: argparse.Namespace) -> int:
    if args.timeout <= 0:
        raise SyncError("--timeout must be a positive number of seconds.")
    if not args.status and (args.hub or _paired_hub()):
        from player.cli.hub import sync_via_hub

        return sync_via_hub(args, _StatusLine())
    ctx = context()
    try:
        if args.status:
            return _show_status(ctx.db, ctx.data.settings, as_json=args.json)
        settings = SyncSettings.load(ctx.data.settings)
        line = _StatusLine()
        try:
            report = sync_outbox(
                ctx.db,
                settings,
                manifests=manifests_of(ctx),
                timeout=args.timeout,
                on_status=line,
            )
        finally:
            line.close()
        status = sync_status(ctx.db)
        refused = ""
        if report.quarantined or report.conflicts:
            refused = (
                f"; {report.quarantined + report.conflicts} refused by the LRS"
                " (see 'course-player sync --status')"
            )
        if not report.complete:
            why = "; ".join(report.stopped) or "stopped"
            raise SyncError(
                f"{report.pending} statement(s) still pending after sending {report.sent}"
                f" ({why}){refused}; run 'course-player sync' again later."
            )
        say(f"Sent {report.sent} statement(s); {status.summary}.")  # the summary counts refusals
        return 0
    finally:
        ctx.close()


def _paired_hub() -> bool:
    from player.core.hub.learner import load_link
    from player.core.paths import default_data_dir

    return load_link(default_data_dir().settings) is not None


def _show_status(db: Database, settings_path: Path, *, as_json: bool) -> int:
    status = sync_status(db)
    problems = outbox.problems(db)
    settings = SyncSettings.load(settings_path)
    if as_json:
        print_json(
            {
                **{k: v for k, v in asdict(status).items() if k not in ("state", "message")},
                "summary": status.summary,
                "endpoint": settings.endpoint,
                "problems": [asdict(problem) for problem in problems],
            }
        )
        return 0
    print(status.summary)
    print(
        f"pending {status.pending}, sent {status.sent}, refused {status.quarantined},"
        f" conflicts {status.conflicts}, last sent {status.last_sent_at or 'never'}"
    )
    print(f"LRS endpoint: {settings.endpoint or 'not set (lrs_endpoint in settings.json)'}")
    for problem in problems:
        who = f" ({problem.learner_name})" if problem.learner_name else ""
        print(f"{problem.state} {problem.statement_id} {problem.kind}{who}: {problem.error}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    ctx = context()
    try:
        learner_id = find_learner(ctx.db, args.learner).id if args.learner else None
        report = export_progress(
            ctx.db,
            args.file,
            activity_bases(manifests_of(ctx)),
            learner_id=learner_id,
        )
        say(f"Wrote {report.statements} statement(s) not yet sent to {report.path}.")
        return 0
    finally:
        ctx.close()


def cmd_import(args: argparse.Namespace) -> int:
    ctx = context()
    try:
        report = import_progress(ctx.db, args.file, CourseIndex.load(ctx.db, manifests_of(ctx)))
    finally:
        ctx.close()
    for problem in report.rejected:
        say(f"{args.file}: {problem}")
    say(
        f"Imported {report.queued} new statement(s) for sync, {report.duplicates} already here,"
        f" {report.merged} merged into local progress, {len(report.rejected)} line(s) rejected."
    )
    return 1 if report.rejected else 0
