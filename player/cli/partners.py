"""Sub-commands for partners and trainers: keygen, trust, export (USB), report (PDF per learner).

The PDF report is drawn with Qt: ``player.ui.reports`` is imported only when a PDF is asked for,
so the other sub-commands run without PySide6.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from player.cli.common import context, print_json, say
from player.core.errors import SignatureError
from player.core.progress import ProgressLine, format_bytes
from player.core.trainer_table import learner_summary
from player.core.trust import (
    add_trusted_key,
    generate_key,
    key_fingerprint,
    read_key_source,
    remove_trusted_key,
    trusted_publishers,
)
from player.core.usb_courses import export_course


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("keygen", help="make an Ed25519 key pair to sign packages")
    p.add_argument("keyfile", type=Path, help="where to write the private key (mode 0600)")
    p.set_defaults(func=cmd_keygen)

    p = subparsers.add_parser("trust", help="publisher keys this laptop trusts (verified courses)")
    actions = p.add_subparsers(dest="trust_action", metavar="ACTION", required=True)
    q = actions.add_parser("add", help="trust a key: give the key, a file holding it, or a package")
    q.add_argument("source", metavar="KEY|FILE", help="ed25519:..., a key file or a signed package")
    q.add_argument("--name", help="the publisher's name (default: the name in the file)")
    q.add_argument(
        "--course",
        action="append",
        default=[],
        metavar="ID",
        help="trust the key for this course id only (repeat for more; default: any course)",
    )
    q.add_argument(
        "--fingerprint", help="refuse unless the key has this fingerprint (or starts with it)"
    )
    q.set_defaults(func=cmd_trust_add)
    q = actions.add_parser("list", help="the trusted keys, with their fingerprints")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_trust_list)
    q = actions.add_parser("remove", help="stop trusting a key you added")
    q.add_argument("key", metavar="KEY|FINGERPRINT", help="the key, or its fingerprint")
    q.set_defaults(func=cmd_trust_remove)

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


def cmd_trust_add(args: argparse.Namespace) -> int:

    ctx = context()
    key, found_name = read_key_source(args.source)
    fingerprint = key_fingerprint(key)
    if args.fingerprint is not None:
        wanted = "".join(args.fingerprint.split()).upper()
        if len(wanted) < 8 or not fingerprint.replace(" ", "").startswith(wanted):
            raise SignatureError(
                f"The key's fingerprint is {fingerprint}, not {args.fingerprint}; not trusted."
            )
    name = args.name or found_name
    if not name:
        raise SignatureError("Give the publisher's name with --name; nothing was trusted.")
    added = add_trusted_key(ctx.data.settings, key, name=name, courses=args.course)
    scope = ", ".join(added.courses) if added.courses else "any course"
    say(f"Trusted {added.name!r} for {scope}: key {added.key}")
    say(f"Fingerprint: {fingerprint} (compare it with the one the publisher gave you).")
    return 0


def cmd_trust_list(args: argparse.Namespace) -> int:
    entries = trusted_publishers(context())
    if args.json:
        print_json([e.as_json() for e in entries])
        return 0
    if not entries:
        say("No trusted key: every signed course shows as 'signed by an unknown publisher'.")
    for e in entries:
        scope = ", ".join(e.courses) if e.courses else "any course"
        source = "app" if e.shipped else "user"
        print(f"{e.name}\t{source}\t{scope}\t{e.fingerprint}\t{e.key}")
    return 0


def cmd_trust_remove(args: argparse.Namespace) -> int:
    removed = remove_trusted_key(context().data.settings, args.key)
    say(
        f"No longer trusted: {removed.name!r} ({removed.fingerprint}). Its courses stay installed,"
        " shown as signed by an unknown publisher."
    )
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
