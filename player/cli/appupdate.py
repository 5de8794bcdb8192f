"""``app-update check|apply SOURCE``: a new version of the app from a stick, a folder or a hub.

SOURCE is an update archive (``course-player-update-A-to-B.tar.xz``), the folder it unpacks
to, or a hub's address (``http://192.168.1.10:8765/``, or one archive's URL under
``/app/updates/``). Without ``--install-dir`` the running app's own folder is updated.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from player.cli.common import say
from player.core.errors import AppUpdateError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "app-update", help="check or apply a signed update of the app (stick, folder or hub)"
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, help_text, func in (
        ("check", "verify an update (signature, versions, every byte); change nothing", cmd_check),
        ("apply", "verify an update, build the new version beside this one, swap", cmd_apply),
    ):
        q = actions.add_parser(name, help=help_text)
        q.add_argument("source", metavar="SOURCE", help="update archive, folder, or hub URL")
        q.add_argument(
            "--install-dir",
            type=Path,
            metavar="DIR",
            help="the app's folder to update (default: the running app's)",
        )
        q.add_argument("--code", help="the hub's pairing code, when its downloads need it")
        q.add_argument(
            "--timeout",
            type=float,
            metavar="S",
            help="give up after S seconds without receiving a byte from the hub (default 180)",
        )
        q.set_defaults(func=func)


def _install_dir(args: argparse.Namespace) -> Path:
    from player.core.appupdate.apply import running_bundle

    folder = args.install_dir or running_bundle()
    if folder is None:
        raise AppUpdateError(
            "This app does not run from an installed bundle; give the folder to update with"
            " --install-dir DIR."
        )
    return Path(folder).expanduser().absolute()


def _source(args: argparse.Namespace, folder: Path) -> tuple[Path, bool]:
    """The update on this computer (downloaded from a hub first); True when downloaded."""
    from player.core.delivery.http import is_http

    if not is_http(args.source):
        path = Path(args.source).expanduser()
        if not path.exists():
            raise AppUpdateError(f"{path} does not exist.")
        return path, False
    from player.core.appupdate.apply import installed_release
    from player.core.appupdate.fetch import fetch_update
    from player.core.hub.pairing import token_for
    from player.core.paths import default_data_dir
    from player.core.progress import ProgressLine
    from player.core.transfer import make_session

    if args.timeout is not None and args.timeout <= 0:
        raise AppUpdateError("--timeout must be a number of seconds above 0.")
    installed = installed_release(folder)
    session = make_session()
    if args.code:
        session.headers["Authorization"] = f"Bearer {token_for(args.code)}"
    try:
        path = fetch_update(
            session,
            args.source,
            default_data_dir(),
            installed.version,
            timeout=args.timeout,
            progress=ProgressLine(),
            announce=say,
        )
    finally:
        session.close()
    return path, True


def cmd_check(args: argparse.Namespace) -> int:
    from player.core.appupdate.apply import check_update
    from player.core.appupdate.release import release_keys
    from player.core.progress import ProgressLine

    folder = _install_dir(args)
    source, _ = _source(args, folder)
    report = check_update(source, folder, release_keys(), progress=ProgressLine())
    print(
        f"OK: update {report.installed_version} -> {report.version} for {folder}, signed by"
        f" {_signer(report.key)}; {report.carried} file(s) carried, every byte checked."
    )
    return 0


def cmd_apply(args: argparse.Namespace) -> int:
    from player.core.appupdate.apply import apply_update, finish_interrupted
    from player.core.appupdate.release import release_keys
    from player.core.progress import ProgressLine

    folder = _install_dir(args)
    if finish_interrupted(folder):
        say(f"Finished the update of {folder} that was interrupted.")
    source, downloaded = _source(args, folder)
    report = apply_update(source, folder, release_keys(), progress=ProgressLine(), on_step=say)
    if downloaded:
        source.unlink(missing_ok=True)
    how = "unchanged files hard-linked" if report.linked else "unchanged files copied"
    print(
        f"Course Player {report.version} installed in {folder} ({report.carried} file(s)"
        f" updated, {how}); version {report.installed_version} is kept in {report.previous}."
    )
    return 0


def _signer(key: str) -> str:
    from player.core.appupdate.release import release_keys
    from player.core.trust import short_fingerprint

    return f"{release_keys().get(key, 'a release key')} ({short_fingerprint(key)})"
