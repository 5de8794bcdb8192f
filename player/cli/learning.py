"""Sub-commands for learners and progress: ``learners add|list|set-pin|trainer-pin``, ``progress``.

``set-pin`` and ``trainer-pin`` ask no current PIN: they are the way out of a forgotten one, for
whoever can run commands on this computer (who can read the data folder anyway,
``docs/security.md``).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from player.cli.common import context, print_json, say
from player.core.errors import LearningError
from player.core.learning import create_learner, find_learner, list_learners, progress_report
from player.core.progress import format_duration
from player.core.trainer_table import CsvStyle, dashboard_table, write_csv


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("learners", help="learner profiles on this computer")
    actions = p.add_subparsers(dest="learners_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a learner profile")
    add.add_argument("name")
    add.add_argument("--email", help="identifies the learner to the LRS when syncing")
    add.add_argument("--language", help="preferred language, e.g. fr or en")
    add.add_argument(
        "--pin",
        action="store_true",
        help="ask for a 4-8 digit PIN that guards switching to this profile (read from stdin "
        "when it is not a terminal)",
    )
    add.set_defaults(func=cmd_learners_add)

    setpin = actions.add_parser(
        "set-pin", help="set or remove a learner's PIN (e.g. forgotten); wrong tries are reset"
    )
    setpin.add_argument("name")
    setpin.add_argument("--remove", action="store_true", help="remove the PIN")
    setpin.set_defaults(func=cmd_learners_set_pin)

    trainer = actions.add_parser(
        "trainer-pin", help="set or remove the PIN that guards the trainer dashboard in the app"
    )
    trainer.add_argument("--remove", action="store_true", help="remove the trainer PIN")
    trainer.set_defaults(func=cmd_trainer_pin)

    lst = actions.add_parser("list", help="list learner profiles")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_learners_list)

    p = subparsers.add_parser(
        "progress", help="per learner and module: state, lessons done, best quiz score, time"
    )
    p.add_argument("--learner", metavar="NAME", help="only this learner")
    p.add_argument("--course", metavar="ID", help="only this installed course")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument(
        "--csv",
        action="store_true",
        help="the trainer dashboard's table for a spreadsheet: h:mm:ss, Yes/No, %%, and ';' "
        "with a UTF-8 BOM where decimals are written with a comma",
    )
    p.add_argument(
        "--raw",
        action="store_true",
        help="with --csv: the machine-readable form (field names, seconds, true/false, 0-1)",
    )
    p.set_defaults(func=cmd_progress)


def _read_pin() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    pin = getpass.getpass("PIN (4 to 8 digits): ")
    if getpass.getpass("PIN again: ") != pin:
        raise LearningError("The two PINs differ; nothing was changed.")
    return pin


def cmd_learners_add(args: argparse.Namespace) -> int:
    pin = _read_pin() if args.pin else None
    ctx = context()
    learner = create_learner(ctx.db, args.name, email=args.email, language=args.language, pin=pin)
    say(f"Added learner {learner.name!r} (id {learner.id}{', with a PIN' if pin else ''}).")
    return 0


def cmd_learners_set_pin(args: argparse.Namespace) -> int:
    from player.core.learning import set_pin

    ctx = context()
    learner = find_learner(ctx.db, args.name)
    pin = None if args.remove else _read_pin()
    set_pin(ctx.db, learner.id, pin)
    say(f"{'Removed' if pin is None else 'Set'} the PIN of {learner.name!r}.")
    return 0


def cmd_trainer_pin(args: argparse.Namespace) -> int:
    from player.core.learning.pins import set_trainer_pin

    pin = None if args.remove else _read_pin()
    set_trainer_pin(context().db, pin)
    say(f"{'Removed' if pin is None else 'Set'} the trainer PIN.")
    return 0


def cmd_learners_list(args: argparse.Namespace) -> int:
    learners = list_learners(context().db)
    if args.json:
        print_json([learner.as_dict() for learner in learners])
        return 0
    if not learners:
        say("No learner yet; the app creates one on first start.")
    for learner in learners:
        pin = "PIN" if learner.has_pin else "-"
        print(
            f"{learner.id}\t{learner.name}\t{learner.email or '-'}\t"
            f"{learner.language or '-'}\t{pin}"
        )
    return 0


def _decimal_comma() -> bool:
    """Whether this environment's locale (LC_NUMERIC, LANG...) writes 0,5 rather than 0.5."""
    import locale

    try:
        locale.setlocale(locale.LC_NUMERIC, "")
    except locale.Error:
        return False
    try:
        return locale.localeconv()["decimal_point"] == ","
    finally:
        locale.setlocale(locale.LC_NUMERIC, "C")


def cmd_progress(args: argparse.Namespace) -> int:
    ctx = context()
    learners = [find_learner(ctx.db, args.learner)] if args.learner else None
    if args.csv:  # the trainer dashboard's table, one writer for both (core/trainer_table.py)
        table = dashboard_table(ctx, args.course)
        if learners:
            table = [r for r in table if r.learner_id == learners[0].id]
        write_csv(table, sys.stdout, None if args.raw else CsvStyle(decimal_comma=_decimal_comma()))
        return 0
    if args.course:
        course_ids = [args.course]
    else:
        course_ids = [r["id"] for r in ctx.db.query("SELECT id FROM courses ORDER BY title, id")]
    manifests = [ctx.manifest(course_id) for course_id in course_ids]
    rows = progress_report(ctx.db, manifests, learners)
    if args.json:
        print_json([row.as_dict() for row in rows])
        return 0
    if not rows:
        say("No progress to show (no learner or no course installed).")
    for row in rows:
        score = "-" if row.best_quiz_score is None else f"{row.best_quiz_score:.0%}"
        print(
            f"{row.learner_name}\t{row.course_id}\t{row.module_title}\t{row.state}\t"
            f"{row.lessons_done}/{row.lessons_total}\t{score}\t"
            f"{format_duration(row.time_spent_s)}"
        )
    return 0
