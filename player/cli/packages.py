"""Sub-commands for packages: pack, verify, install, list, remove."""

from __future__ import annotations

import argparse
from pathlib import Path

from player.cli.authoring import media_preparer, report_pack
from player.cli.common import context, print_json, say
from player.cli.delivery import (
    add_http_arguments,
    install_quality,
    plan_confirmer,
    source_options,
)
from player.core.install import QUALITIES, InstallPlan, install, open_source, remove
from player.core.package.pack import pack
from player.core.package.verify import verify_source
from player.core.progress import ProgressLine, format_bytes
from player.core.trust import publisher_info, signer_for


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("pack", help="build a package from a course source folder")
    p.add_argument("source", type=Path, help="folder holding course.yaml and the media")
    p.add_argument("--out", type=Path, required=True, help="a folder, or a file ending in .zip")
    p.add_argument("--variants", help="encode single-file videos to e.g. 480,240,audio")
    p.add_argument("--cache", type=Path, help="encode cache folder (default: in the data folder)")
    p.add_argument("--sign", type=Path, metavar="KEYFILE", help="sign with a keygen private key")
    p.set_defaults(func=cmd_pack)

    p = subparsers.add_parser("verify", help="check a package against its manifest")
    p.add_argument("package", help="a package folder or .zip")
    p.set_defaults(func=cmd_verify)

    p = subparsers.add_parser("install", help="install or update a course")
    p.add_argument("package", help="a package folder, a .zip, or an http(s) URL")
    p.add_argument("--quality", choices=QUALITIES, help="one video source per lesson")
    p.add_argument(
        "--max-bytes",
        type=int,
        help="refuse a plan that would fetch more (and stop a .zip of unknown size there)",
    )
    p.add_argument("--allow-downgrade", action="store_true", help="install an older version")
    add_http_arguments(p)
    p.add_argument(
        "--trust-new-key",
        nargs="?",
        const=True,
        default=False,
        metavar="KEY",
        help="accept a publisher key other than the one pinned for this course (key rotation)",
    )
    p.set_defaults(func=cmd_install)

    p = subparsers.add_parser("list", help="list installed courses")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = subparsers.add_parser("remove", help="uninstall a course (progress is kept)")
    p.add_argument("course_id")
    p.set_defaults(func=cmd_remove)


def cmd_pack(args: argparse.Namespace) -> int:
    preparer = media_preparer(args.variants, args.cache)
    sign = signer_for(args.sign) if args.sign else None
    result = pack(args.source, args.out, progress=ProgressLine(), prepare_media=preparer, sign=sign)
    say(
        f"Packed {result.manifest.id} version {result.manifest.version}: "
        f"{len(result.manifest.files)} files, {format_bytes(result.total_bytes)} → {args.out}"
    )
    for warning in result.warnings:
        say(f"Warning: {warning}")
    report_pack(preparer, result.manifest)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    source = open_source(args.package)
    try:
        report = verify_source(source, progress=ProgressLine())
    finally:
        source.close()
    if report.ok:
        say(
            f"OK: {report.manifest.id} version {report.manifest.version}, "
            f"{len(report.manifest.files)} files verified."
        )
        return 0
    for problem in report.problems:
        say(f"BAD {problem}")
    say(f"{len(report.problems)} problem(s) in {args.package}.")
    return 1


def _show_plan(plan: InstallPlan) -> None:
    say(
        f"{plan.manifest.title} (version {plan.manifest.version}): "
        f"{len(plan.to_fetch)} file(s) to fetch, {format_bytes(plan.fetch_bytes)}; "
        f"{plan.reused} already here; {format_bytes(plan.free_bytes)} free on disk."
    )


def cmd_install(args: argparse.Namespace) -> int:
    ctx = context()
    source = open_source(args.package, ctx.data, **source_options(args))
    try:
        result = install(
            ctx,
            source,
            quality=install_quality(args, ctx.data),
            max_bytes=args.max_bytes,
            allow_downgrade=args.allow_downgrade,
            progress=ProgressLine(),
            confirm_plan=plan_confirmer(args, _show_plan),
            trust_new_key=args.trust_new_key,
        )
    finally:
        source.close()
    for warning in result.warnings:
        say(f"Note: {warning}")
    if result.unchanged:
        say(f"{result.course_id} version {result.version} is already installed; nothing changed.")
    elif result.previous_version is None:
        say(f"Installed {result.course_id} version {result.version}.")
    elif result.previous_version == result.version:
        say(
            f"Changed the installed files of {result.course_id} version {result.version} "
            f"({result.fetched_files} file(s) fetched, {result.reused_files} reused)."
        )
    else:
        say(
            f"Updated {result.course_id} from version {result.previous_version} to "
            f"{result.version} ({result.fetched_files} file(s) fetched, "
            f"{result.reused_files} reused)."
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context()
    rows = [
        {
            "id": r["id"],
            "version": r["version"],
            "title": r["title"],
            "language": r["language"],
            "bytes": r["bytes"],
            "installed_at": r["installed_at"],
            **publisher_info(ctx, r["id"]),
        }
        for r in ctx.db.query("SELECT * FROM courses ORDER BY title")
    ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say("No course installed.")
    for r in rows:
        print(f"{r['id']}\tv{r['version']}\t{format_bytes(r['bytes'])}\t{r['title']}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    ctx = context()
    remove(ctx, args.course_id)
    say(f"Removed {args.course_id}; learner progress is kept.")
    return 0
