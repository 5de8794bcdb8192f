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
from player.core.hub.learner import HubLink, hub_session
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
    return parse_offers(raw, where)


def parse_offers(raw: bytes, where: str) -> list[Offer]:
    """A hub's ``/app/updates`` answer; entries that are not well-formed are left out."""
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
            if offer.from_version is not None:
                version_key(offer.from_version)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if NAME_PATTERN.fullmatch(offer.name) and offer.size >= 0:
            offers.append(offer)
    return offers


def newest_for(offers: list[Offer], installed_version: str) -> Offer | None:
    """The newest update made for ``installed_version`` (or for any older one), if any."""
    installed = version_key(installed_version)
    fitting = [
        o
        for o in offers
        if version_key(o.version) > installed
        and (o.from_version is None or version_key(o.from_version) == installed)
    ]
    return max(fitting, key=lambda o: version_key(o.version), default=None)


def update_on_hub(link: HubLink, installed_version: str, *, timeout: float = 5.0) -> Offer | None:
    """What the app's status line says: the paired hub's newest update for this version.

    None when there is none, or the hub does not answer (the app asks again later).
    """
    where = listing_url(link.url)
    session = hub_session(link)
    try:
        with session.get(where, timeout=timeout, stream=True) as response:
            if response.status_code != 200:
                return None
            raw = response.raw.read(MAX_LISTING_BYTES + 1, decode_content=True)
        if len(raw) > MAX_LISTING_BYTES:
            return None
        return newest_for(parse_offers(raw, where), installed_version)
    except (requests.RequestException, OSError, AppUpdateError):
        return None
    finally:
        session.close()


def choose(offers: list[Offer], url: str, installed_version: str) -> Offer:
    """The archive the URL names, else the newest one made for ``installed_version``."""
    named = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    if named.endswith(".tar.xz"):
        for offer in offers:
            if offer.name == named:
                return offer
        raise AppUpdateError(f"The hub does not offer {named}.")
    newest = newest_for(offers, installed_version)
    if newest is None:
        have = ", ".join(f"{o.from_version} -> {o.version}" for o in offers) or "none"
        raise AppUpdateError(
            f"The hub has no update for version {installed_version} (it has: {have})."
            " Nothing was changed."
        )
    return newest


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
