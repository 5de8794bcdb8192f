"""Sub-commands for sync: sync, export-progress, import-progress."""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from player.cli.common import context, print_json, say
from player.core.errors import SyncError
from player.core.learning.learners import find_learner
from player.core.learning.time_report import report_time_spent
from player.core.paths import default_data_dir
from player.core.sync import outbox
from player.core.sync.config import SyncSettings, check_endpoint
from player.core.sync.credentials import redact
from player.core.sync.merge import CourseIndex
from player.core.sync.progress_files import export_progress, import_progress
from player.core.sync.service import (
    DEFAULT_TIMEOUT,
    SyncStatus,
    activity_bases,
    lrs_groups,
    manifests_of,
    sync_outbox,
    sync_status,
)
from player.core.trust import trusted_course_check

if TYPE_CHECKING:
    from player.core.context import Context


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sync", help="send completions to the LRS (xAPI)")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"give up after S seconds without progress (default {DEFAULT_TIMEOUT:.0f})",
    )
    action = p.add_mutually_exclusive_group()
    action.add_argument("--status", action="store_true", help="show what is waiting; send nothing")
    action.add_argument(
        "--configure",
        metavar="ENDPOINT",
        help="send completions to this LRS (xAPI base URL); with --user, store its credentials",
    )
    action.add_argument(
        "--approve",
        metavar="ENDPOINT",
        help="allow the LRS a course's manifest names (see --status); with --user, its credentials",
    )
    action.add_argument(
        "--forget",
        metavar="ENDPOINT",
        help="forget this LRS: its approval, the credentials of its origin, and the endpoint",
    )
    p.add_argument(
        "--user",
        metavar="NAME",
        help="with --configure/--approve: LRS user name; the password is read from a prompt, "
        "or from the first line of standard input when it is not a terminal",
    )
    p.add_argument(
        "--allow-insecure",
        action="store_true",
        help="allow a plain http:// LRS on another computer (unencrypted); with --configure, "
        "remembered",
    )
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
    if args.user is not None and not (args.configure or args.approve):
        raise SyncError("--user goes with --configure ENDPOINT or --approve ENDPOINT.")
    if args.configure or args.approve or args.forget:
        return _change_endpoints(args, default_data_dir().ensure().settings)
    if not args.status and (args.hub or _paired_hub()):
        from player.cli.hub import sync_via_hub

        return sync_via_hub(args, _StatusLine())
    ctx = context()
    try:
        if args.status:
            return _show_status(ctx, as_json=args.json)
        settings = SyncSettings.load(ctx.data.settings, allow_insecure=args.allow_insecure)
        line = _StatusLine()
        try:
            report = sync_outbox(
                ctx.db,
                settings,
                manifests=manifests_of(ctx),
                trusted=trusted_course_check(ctx),
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


def _read_password(user: str, endpoint: str) -> str:
    """The password, from a prompt on a terminal, else the first line of standard input."""
    if sys.stdin.isatty():
        password = getpass.getpass(f"LRS password for {user} at {redact(endpoint)}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise SyncError("No password given (type it at the prompt, or pipe it on stdin).")
    return password


def _change_endpoints(args: argparse.Namespace, settings_path: Path) -> int:
    from player.core.sync import endpoints
    from player.core.sync.credentials import Credentials

    if args.forget:
        gone = endpoints.forget(settings_path, args.forget)
        what = ", ".join(gone) if gone else "nothing was recorded for it"
        say(f"Forgot {redact(args.forget)}: {what}.")
        return 0
    url = args.configure or args.approve
    where = "--configure" if args.configure else "--approve"
    check_endpoint(url, where, allow_insecure=True)  # a clear error before any prompt
    credentials = None
    if args.user is not None:
        credentials = Credentials(args.user, _read_password(args.user, url))
    if args.configure:
        saved = endpoints.configure(
            settings_path, url, credentials, allow_insecure=args.allow_insecure
        )
        say(f"Completions will be sent to {saved.endpoint}.")
    else:
        saved = endpoints.approve(
            settings_path, url, credentials, allow_insecure=args.allow_insecure
        )
        say(f"Approved {saved.endpoint} for the courses that name it.")
    if saved.credentials is not None:
        where = "the system keyring" if saved.credentials.in_keyring else f"{settings_path}"
        say(
            f"Credentials of {saved.credentials.username} saved for {saved.origin} only"
            f" (password in {where})."
        )
    return 0


def _show_status(ctx: Context, *, as_json: bool) -> int:
    db = ctx.db
    status = sync_status(db)
    problems = outbox.problems(db)
    refused = None
    try:
        settings = SyncSettings.load(ctx.data.settings)
    except SyncError as error:  # shown, not raised: --status must still tell what is waiting
        settings, refused = SyncSettings(), str(error)
    groups, blocked = lrs_groups(db, settings, manifests_of(ctx))
    user, _password = (
        settings.credentials_for(settings.endpoint) if settings.endpoint else (None, None)
    )
    if as_json:
        print_json(
            {
                **{k: v for k, v in asdict(status).items() if k not in ("state", "message")},
                "summary": status.summary,
                "endpoint": settings.endpoint,
                "endpoint_refused": refused,
                "username": user,
                "approved_endpoints": list(settings.approved),
                "credentials": {
                    origin: {"username": found.username, "keyring": found.in_keyring}
                    for origin, found in settings.credentials.items()
                },
                "not_used": [asdict(found) for found in blocked],
                "problems": [asdict(problem) for problem in problems],
            }
        )
        return 0
    print(status.summary)
    print(
        f"pending {status.pending}, sent {status.sent}, refused {status.quarantined},"
        f" conflicts {status.conflicts}, last sent {status.last_sent_at or 'never'}"
    )
    if refused:
        print(f"LRS endpoint refused: {refused}")
    elif settings.endpoint:
        who = f"as {user}" if user else "without credentials"
        print(f"LRS endpoint: {settings.endpoint} ({who})")
    else:
        print("LRS endpoint: not set (course-player sync --configure ENDPOINT --user NAME)")
    for url in settings.approved:
        print(f"approved LRS (named by a course): {redact(url)}")
    for origin, found in settings.credentials.items():
        where = "system keyring" if found.in_keyring else "settings.json"
        print(f"credentials for {origin}: user {found.username} (password in {where})")
    for unused in blocked:
        print(f"not sent: {unused.reason}")
    for problem in problems:
        who = f" ({problem.learner_name})" if problem.learner_name else ""
        print(f"{problem.state} {problem.statement_id} {problem.kind}{who}: {problem.error}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    ctx = context()
    try:
        learner_id = find_learner(ctx.db, args.learner).id if args.learner else None
        # Time spent no statement carries yet travels too (player/core/learning/time_report.py).
        report_time_spent(ctx.db, manifests_of(ctx), learner_id=learner_id)
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
    for problem in sorted(report.rejected + report.reported, key=lambda p: p.line):
        say(f"{args.file}: {problem}")
    say(f"{args.file}: {report.summary}")
    return 1 if report.rejected else 0
