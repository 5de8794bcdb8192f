"""Sub-command ``stats``: what a publisher learns from a course's statements (docs/stats.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from player.cli.common import context, print_json, say
from player.core.errors import QT_TRANSLATE_NOOP, SyncError
from player.core.files import atomic_write
from player.core.stats.labels import LANGUAGES, pick
from player.core.stats.read import MAX_STATEMENTS, Progress


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "stats",
        help="a course's figures from an LRS or progress files (learners, funnel, quizzes...)",
    )
    p.add_argument("--course", required=True, metavar="ID", help="course id (or activity IRI)")
    p.add_argument(
        "--lrs",
        nargs="?",
        const="",
        metavar="ENDPOINT",
        help="read the statements from this LRS (xAPI base URL); alone: the configured one",
    )
    p.add_argument(
        "--from",
        dest="files",
        nargs="+",
        type=Path,
        default=[],
        metavar="FILE.jsonl",
        help="read the statements from progress files (export-progress)",
    )
    p.add_argument("--out", type=Path, metavar="report.html", help="write the HTML report there")
    p.add_argument("--json", action="store_true", help="print the figures as JSON (docs/stats.md)")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the report (default: settings)")
    p.add_argument(
        "--allow-insecure", action="store_true", help="allow a plain-http LRS on another computer"
    )
    p.add_argument(
        "--max-statements",
        type=_at_least_one,
        default=MAX_STATEMENTS,
        metavar="N",
        help=f"read at most N statements from the LRS (default {MAX_STATEMENTS:,})",
    )
    p.set_defaults(func=_stats)


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


class _Bar:
    """A progress line on stderr, redrawn in place when stderr is a terminal."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()

    def __call__(self, state: Progress) -> None:
        if not self.shown:
            return
        fraction = state.fraction
        if fraction is not None:
            filled = int(fraction * 30)
            bar = f"[{'#' * filled}{'.' * (30 - filled)}] {fraction * 100:3.0f} %"
        else:
            bar = f"[{'.' * (state.pages % 30)}#{'.' * (29 - state.pages % 30)}]"
        sys.stderr.write(f"\r{bar} {state.statements:,} statement(s), {state.pages} page(s)  ")
        sys.stderr.flush()

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def _stats(args: argparse.Namespace) -> int:
    from player.core.stats.html import render_html
    from player.core.stats.run import course_map, gather, lrs_config
    from player.core.stats.text import render_text

    if args.lrs is None and not args.files:
        raise SyncError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "Say where the statements are: --lrs [ENDPOINT] (an LRS) or --from FILE.jsonl"
                " (progress files).",
            )
        )
    ctx = context()
    language = pick(args.lang, ctx.data.settings)
    course = course_map(ctx, args.course)
    lrs = None
    if args.lrs is not None:
        lrs = lrs_config(
            ctx,
            args.lrs or None,
            allow_insecure=args.allow_insecure,
            course_endpoint=course.sync_endpoint,
        )
    bar = _Bar()
    try:
        stats, counts = gather(
            ctx,
            course,
            lrs=lrs,
            files=args.files,
            progress=bar,
            max_statements=args.max_statements,
        )
    finally:
        bar.done()
    if counts.rejected:
        say(f"{counts.rejected} line(s) of the progress files could not be read and were skipped.")
    if args.out is not None:
        try:
            with atomic_write(args.out, "w", newline="\n") as stream:
                stream.write(render_html(stats, language))
        except OSError as error:
            raise SyncError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Cannot write {path}: {cause}."),
                path=str(args.out),
                cause=error.strerror or str(error),
            ) from error
        say(f"Report written to {args.out}")
    if args.json:
        print_json(stats.to_json())
    elif args.out is None:
        sys.stdout.write(render_text(stats, language))
    return 0
