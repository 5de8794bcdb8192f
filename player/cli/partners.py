"""Sub-commands for partners and trainers: keygen, export (USB), report (PDF per learner).

The PDF report is drawn with Qt: ``player.ui.reports`` is imported only when a PDF is asked for,
so the other sub-commands run without PySide6.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from player.cli.common import context, say
from player.core.dashboard import learner_summary
from player.core.progress import ProgressLine, format_bytes
from player.core.trust import generate_key
from player.core.usb import export_course


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("keygen", help="make an Ed25519 key pair to sign packages")
    p.add_argument("keyfile", type=Path, help="where to write the private key (mode 0600)")
    p.set_defaults(func=cmd_keygen)

    p = subparsers.add_parser("export", help="copy an installed course as a .zip (USB stick)")
    p.add_argument("course_id")
    p.add_argument("dest", type=Path, help="a folder (e.g. the stick) or a file ending in .zip")
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("report", help="one-page PDF summary of a learner's progress")
    p.add_argument("learner", help="the learner's name (or id)")
    p.add_argument("--course", required=True, help="course id")
    p.add_argument("--out", type=Path, required=True, help="a file ending in .pdf")
    p.add_argument("--language", choices=("fr", "en"), help="default: the course's language")
    p.set_defaults(func=cmd_report)


def cmd_keygen(args: argparse.Namespace) -> int:
    public = generate_key(args.keyfile)
    say(f"Private key written to {args.keyfile} (keep it secret; mode 0600).")
    say("Public key (give it to whoever must trust your courses):")
    print(public)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    ctx = context()
    result = export_course(ctx, args.course_id, args.dest, progress=ProgressLine())
    say(
        f"Exported {result.course_id} version {result.version} to {result.path} "
        f"({format_bytes(result.bytes)}, verified); instructions in {result.readme}."
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    ctx = context()
    summary = learner_summary(ctx, args.learner, args.course)
    from player.ui.reports import write_learner_pdf  # Qt only when a PDF is asked for

    pages = write_learner_pdf(
        summary,
        args.out,
        language=args.language,
        course_language=ctx.manifest(args.course).language,
    )
    say(f"Wrote {args.out} ({pages} page) for {summary.learner_name}, {summary.course_title}.")
    return 0
