"""Getting an app update from a hub: the listing, the right archive, a resumable download.

``app-update apply http://hub:8765/`` asks the hub's ``/app/updates`` for the archives it has
and takes the newest one made for the installed version (or the one the URL names,
``.../app/updates/NAME.tar.xz``). The archive is downloaded with ``transfer.download`` into the
data folder's staging, keyed by its name: an interrupted download continues where it stopped
(``Range`` with ``If-Range``), in this run or the next, and the whole file must have the size and
SHA-256 the hub listed. Then it is read like an archive from a stick, signature first; the hub is
trusted for nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import requests

from player.core.appupdate.release import version_key
from player.core.errors import AppUpdateError
from player.core.hub.updates import NAME_PATTERN
from player.core.paths import DataDir
from player.core.progress import (
    CancelToken,
    ProgressCallback,
    ProgressMeter,
    format_bytes,
    ignore_progress,
)
from player.core.transfer import (
    DEFAULT_DEADLINE,
    TransferPolicy,
    download,
    ensure_free_space,
    fetch_bytes,
)

LISTING_PATH = "/app/updates"
MAX_LISTING_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Offer:
    name: str
    version: str
    from_version: str | None
    size: int
    sha256: str
    url: str


def listing_url(url: str) -> str:
    return urljoin(url, LISTING_PATH)


def downloads_folder(data: DataDir) -> Path:
    return data.staging / "app-updates"


def hub_offers(
    session: requests.Session, url: str, data: DataDir, *, policy: TransferPolicy | None = None
) -> list[Offer]:
    """What the hub at ``url`` offers (entries that are not well-formed are left out)."""
    where = listing_url(url)
    raw = fetch_bytes(
        session,
        where,
        downloads_folder(data) / "listing.tmp",
        max_size=MAX_LISTING_BYTES,
        policy=policy,
        label=where,
    )
    assert raw is not None
    try:
        entries = json.loads(raw.decode("utf-8"))["updates"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise AppUpdateError(f"{where} does not list app updates (is it a hub?).") from None
    offers: list[Offer] = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            offer = Offer(
                str(entry["name"]),
                str(entry["version"]),
                None if entry.get("from_version") is None else str(entry["from_version"]),
                int(entry["bytes"]),
                str(entry["sha256"]),
                urljoin(where, str(entry["url"])),
            )
            version_key(offer.version)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if NAME_PATTERN.fullmatch(offer.name) and offer.size >= 0:
            offers.append(offer)
    return offers


def choose(offers: list[Offer], url: str, installed_version: str) -> Offer:
    """The archive the URL names, else the newest one made for ``installed_version``."""
    named = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    if named.endswith(".tar.xz"):
        for offer in offers:
            if offer.name == named:
                return offer
        raise AppUpdateError(f"The hub does not offer {named}.")
    fitting = [
        o
        for o in offers
        if version_key(o.version) > version_key(installed_version)
        and (
            o.from_version is None or version_key(o.from_version) == version_key(installed_version)
        )
    ]
    if not fitting:
        have = ", ".join(f"{o.from_version} -> {o.version}" for o in offers) or "none"
        raise AppUpdateError(
            f"The hub has no update for version {installed_version} (it has: {have})."
            " Nothing was changed."
        )
    return max(fitting, key=lambda o: version_key(o.version))


def fetch_update(
    session: requests.Session,
    url: str,
    data: DataDir,
    installed_version: str,
    *,
    timeout: float | None = None,
    progress: ProgressCallback = ignore_progress,
    announce: Callable[[str], None] | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Download the update for ``installed_version`` from the hub at ``url``; its local path."""
    policy = TransferPolicy(deadline_without_progress=timeout or DEFAULT_DEADLINE)
    offer = choose(hub_offers(session, url, data, policy=policy), url, installed_version)
    dest = downloads_folder(data) / offer.name
    dest.parent.mkdir(parents=True, exist_ok=True)
    kept = dest.stat().st_size if dest.is_file() else 0
    free = ensure_free_space(dest.parent, max(0, offer.size - kept))
    if announce is not None:
        announce(
            f"{offer.name}: {format_bytes(max(0, offer.size - kept))} to download"
            + (f" ({format_bytes(kept)} already here)" if kept else "")
            + f"; {format_bytes(free)} free on disk."
        )
    meter = ProgressMeter(offer.size, progress, label=offer.name)
    download(
        session,
        offer.url,
        dest,
        expected_size=offer.size,
        expected_sha256=offer.sha256,
        meter=meter,
        cancel=cancel,
        policy=policy,
        label=offer.name,
    )
    meter.finish()
    return dest
