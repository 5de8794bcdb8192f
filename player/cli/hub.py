"""Sub-commands for the workshop hub: ``hub`` (share this laptop's courses) and ``hubs``.

``sync --hub URL --code CODE`` (in ``cli/sync.py``) calls ``sync_via_hub`` here.
"""

from __future__ import annotations

import argparse
import signal
import threading
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from player.cli.common import context, print_json, say
from player.core.errors import HubError

if TYPE_CHECKING:
    from player.core.hub.discovery import Announcer


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "hub", help="share this laptop's courses and gather progress over the local network"
    )
    p.add_argument("--port", type=int, default=None, help="TCP port (default 8765)")
    p.add_argument("--bind", default="0.0.0.0", metavar="ADDR", help="address to listen on")
    p.add_argument("--code", help="pairing code (default: a new random one)")
    p.add_argument("--name", help="name shown to laptops (default: this computer's name)")
    p.add_argument(
        "--downloads-need-code",
        action="store_true",
        help="courses too are served only to laptops paired with the code",
    )
    p.add_argument("--no-announce", action="store_true", help="do not announce on mDNS")
    p.add_argument(
        "--add-update",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="check an app update archive and offer it to laptops (/app/updates); repeatable",
    )
    p.add_argument("--qr", action="store_true", help="draw the QR code in the terminal")
    p.add_argument(
        "--forward-every",
        type=float,
        default=30.0,
        metavar="S",
        help="try to forward received statements to the LRS every S seconds (default 30)",
    )
    p.set_defaults(func=cmd_hub)

    p = subparsers.add_parser("hubs", help="list the course hubs found on the local network")
    p.add_argument("--json", action="store_true")
    p.add_argument("--wait", type=float, default=3.0, metavar="S", help="listen S seconds")
    p.set_defaults(func=cmd_hubs)


def cmd_hub(args: argparse.Namespace) -> int:
    from player.core.hub.pairing import DEFAULT_PORT, new_code, normalize_code
    from player.core.hub.server import HubOptions, HubServer, environ_bundle
    from player.core.hub.share import invitation, qr_text

    if args.port is not None and not 0 <= args.port <= 65535:
        raise HubError("--port must be between 0 and 65535.")
    code = normalize_code(args.code) if args.code else new_code()
    if args.code is not None and len(code) < 4:
        raise HubError("--code must have at least 4 letters or digits.")
    ctx = context()  # installs the demo course on a fresh data folder, as every command does
    data = ctx.data
    ctx.close()
    if args.add_update:
        from player.core.appupdate.release import release_keys
        from player.core.hub.updates import add_update

        keys = release_keys()
        for archive in args.add_update:
            offer = add_update(data, archive, keys)
            say(f"App update {offer.from_version} -> {offer.version} offered ({offer.name}).")
    options = HubOptions(
        port=DEFAULT_PORT if args.port is None else args.port,
        bind=args.bind,
        code=code,
        downloads_need_code=args.downloads_need_code,
        bundle=environ_bundle(),
        **({"name": args.name} if args.name else {}),
    )
    server = HubServer(data, options).start()
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    announcer = None
    forwarder = None
    try:
        share = invitation(server)
        print(f"Hub {options.name!r} serving at {share.url} — pairing code {code}", flush=True)
        for other in share.other_urls:
            print(f"  also at {other}", flush=True)
        if args.qr:
            print(qr_text(share), flush=True)
        if not args.no_announce:
            announcer = _announce(options.name, server.port or 0, options.bind)
        forwarder = _Forwarder(data, args.forward_every).start()
        stop.wait()
        say("Hub stopped.")
        return 0
    finally:
        if forwarder is not None:
            forwarder.stop()
        if announcer is not None:
            announcer.close()
        server.stop()


def _announce(name: str, port: int, bind: str) -> Announcer | None:
    from player import __version__
    from player.core.hub.discovery import Announcer, lan_addresses

    addresses = lan_addresses() if bind in ("0.0.0.0", "") else [bind]
    if not addresses or addresses[0].startswith("127."):
        say("note: not announced on the network (no network address to announce).")
        return None
    try:
        return Announcer(name, port, addresses, version=__version__)
    except (OSError, ValueError) as error:
        say(
            f"warning: cannot announce the hub on the network ({error}); laptops can still type"
            " the address or scan the QR code."
        )
        return None


class _Forwarder:
    """The hub's own sync: forwards what laptops sent when the LRS answers."""

    def __init__(self, data: object, every: float) -> None:
        self.data = data
        self.every = max(1.0, every)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hub-forward", daemon=True)

    def start(self) -> _Forwarder:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        from player.core.context import open_context
        from player.core.errors import PlayerError
        from player.core.paths import DataDir
        from player.core.sync.config import SyncSettings
        from player.core.sync.service import AutoSync, manifests_of

        assert isinstance(self.data, DataDir)
        data = self.data
        ctx = open_context(data)
        try:
            auto = AutoSync(
                ctx.db,
                lambda: SyncSettings.load(data.settings),
                manifests=manifests_of(ctx),
                check_every=self.every,
            )
            while not self._stop.wait(self.every):
                try:
                    status = auto.tick()
                except PlayerError as error:
                    say(f"forwarding to the LRS: {error}")
                    continue
                if status.sent:
                    say(f"LRS: {status.summary}.")
        finally:
            ctx.close()


def cmd_hubs(args: argparse.Namespace) -> int:
    from player.core.hub.discovery import find_hubs

    found = find_hubs(max(0.5, args.wait))
    if args.json:
        print_json([{**asdict(hub), "url": hub.url} for hub in found])
        return 0
    if not found:
        say("No hub found. On a Wi-Fi that blocks multicast, type the hub's address instead.")
        return 0
    for hub in found:
        print(f"{hub.name}\t{hub.url}")
    return 0


def sync_via_hub(args: argparse.Namespace, on_status: object = None) -> int:
    """``sync --hub URL --code CODE``, or ``sync`` with a hub remembered from pairing."""
    from player.core.hub.learner import hub_url, load_link, pair, sync_with_hub
    from player.core.sync.config import SyncSettings
    from player.core.sync.service import manifests_of

    ctx = context()
    try:
        settings_path = ctx.data.settings
        if args.hub:
            if not args.code:
                link = load_link(settings_path)
                if link is None or link.url != hub_url(args.hub):
                    raise HubError("Give the hub's pairing code with --code the first time.")
            else:
                link = pair(settings_path, args.hub, args.code)
                say(f"Paired with the hub {link.name!r} at {link.url}.")
        else:
            link = load_link(settings_path)
            assert link is not None
        try:
            report = sync_with_hub(
                ctx.db,
                SyncSettings.load(settings_path),
                link,
                manifests=manifests_of(ctx),
                timeout=args.timeout,
                on_status=on_status,  # type: ignore[arg-type]
            )
        finally:
            close = getattr(on_status, "close", None)
            if close is not None:
                close()
        if report.direct is not None:
            say(f"Sent {report.direct.sent} statement(s) to the LRS directly.")
        if not report.complete:
            why = "; ".join(report.hub.stopped) or "stopped"
            raise HubError(
                f"{report.hub.pending} statement(s) still pending after sending"
                f" {report.hub.sent} to the hub ({why}); run 'course-player sync' again later."
            )
        say(f"Sent {report.hub.sent} statement(s) to the hub {link.name or link.url}.")
        return 0
    finally:
        ctx.close()
