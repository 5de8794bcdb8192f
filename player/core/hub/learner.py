"""The learner laptop's side of the hub: pair once, then send the outbox to the hub.

The hub is just another xAPI endpoint for the sync loop (``sync.service.sync_outbox``): the
same frozen bytes, batches, back-off, splitting and ``mark_sent`` after a 200/204 only, so a
statement leaves the laptop exactly once whatever the Wi-Fi does.

Never twice (issue 17): when this laptop is also online, its statements go to the LRS directly
first; what the LRS confirmed is told to the hub (ids only, on the free local network), which
then never forwards them, in case an earlier answer from the hub was lost. Only what is still
pending after that goes to the hub.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from player.core.errors import QT_TRANSLATE_NOOP, HubError
from player.core.hub.pairing import DEFAULT_PORT, LAPTOP_HEADER, normalize_code, token_for
from player.core.progress import CancelToken
from player.core.settings import load_settings, update_settings
from player.core.sync import outbox
from player.core.sync.client import SyncAuthError, is_reachable
from player.core.sync.config import SyncSettings
from player.core.sync.service import (
    DEFAULT_TIMEOUT,
    ManifestLookup,
    SyncReport,
    activity_bases,
    no_manifests,
    sync_outbox,
)
from player.core.sync.status import SyncStatus

if TYPE_CHECKING:
    from sqlite_utils import Database

KEY_URL = "hub_url"
KEY_TOKEN = "hub_token"
KEY_NAME = "hub_name"
PAIR_TIMEOUT = 5.0
_HOST_RE = re.compile(r"^[A-Za-z0-9.\-\[\]:]+$")


@dataclass(frozen=True)
class HubLink:
    url: str  # http://host:port/
    token: str
    name: str = ""

    @property
    def xapi_endpoint(self) -> str:
        return self.url + "xapi/"

    def __repr__(self) -> str:  # never show the token in logs or tracebacks
        return f"HubLink(url={self.url!r}, name={self.name!r})"


def hub_url(text: str) -> str:
    """``192.168.1.5``, ``192.168.1.5:8765`` or ``http://...`` (a QR code's too) → base URL."""
    text = text.strip().split("#", 1)[0]
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    host = parts.hostname
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        host = None
    if parts.scheme != "http" or not host or not _HOST_RE.match(host):
        raise HubError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{address!r} is not a hub address; type it as shown on the hub, e.g."
                " 192.168.1.10:8765.",
            ),
            address=text,
        )
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def code_in(text: str) -> str | None:
    """The pairing code carried by a QR code's address (``...#code=ABC123``), if any."""
    _, _, fragment = text.partition("#")
    for part in fragment.split("&"):
        key, _, value = part.partition("=")
        if key == "code" and value:
            return value
    return None


def laptop_name() -> str:
    return socket.gethostname() or "laptop"


def hub_session(link: HubLink | None = None) -> requests.Session:
    """No retries (the sync loop decides); the bearer token goes to the hub's address only."""
    session = requests.Session()
    session.trust_env = False  # no proxy and no .netrc between two laptops in one room
    adapter = HTTPAdapter(max_retries=0, pool_connections=1, pool_maxsize=1)
    session.mount("http://", adapter)
    session.headers[LAPTOP_HEADER] = laptop_name()
    if link is not None:
        session.headers["Authorization"] = f"Bearer {link.token}"
    return session


def pair(settings_path: Path, address: str, code: str, *, timeout: float = PAIR_TIMEOUT) -> HubLink:
    """Check the code with the hub, then remember the hub in the settings."""
    url = hub_url(address)
    if not normalize_code(code):
        raise HubError.of(QT_TRANSLATE_NOOP("CoreErrors", "Type the hub's pairing code."))
    link = HubLink(url, token_for(code))
    with hub_session(link) as session:
        try:
            response = session.get(url + "hub/pair", timeout=(timeout, timeout))
        except requests.RequestException as error:
            raise HubError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "Cannot reach the hub at {url}; check that this laptop is on the same"
                    " Wi-Fi and that the hub is sharing.",
                ),
                url=url,
            ) from error
    if response.status_code == 401:
        raise HubError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "The hub at {url} refused the pairing code; check it and try again."
            ),
            url=url,
        )
    try:
        name = str(response.json()["name"]) if response.status_code == 200 else ""
    except (ValueError, KeyError, TypeError):
        name = ""
    if response.status_code != 200 or not name:
        raise HubError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{url} does not answer as a course hub."), url=url
        )
    link = HubLink(url, link.token, name)
    update_settings(settings_path, **{KEY_URL: url, KEY_TOKEN: link.token, KEY_NAME: name})
    return link


def load_link(settings_path: Path) -> HubLink | None:
    stored = load_settings(settings_path)
    url, token = stored.get(KEY_URL), stored.get(KEY_TOKEN)
    if not isinstance(url, str) or not isinstance(token, str) or not url or not token:
        return None
    return HubLink(url, token, str(stored.get(KEY_NAME) or ""))


def forget(settings_path: Path) -> None:
    update_settings(settings_path, **{KEY_URL: None, KEY_TOKEN: None, KEY_NAME: None})


@dataclass
class HubSyncReport:
    hub: SyncReport
    direct: SyncReport | None = None
    told_hub: int = 0  # statements the LRS confirmed, told to the hub so it never forwards them

    @property
    def sent(self) -> int:
        return self.hub.sent + (self.direct.sent if self.direct else 0)

    @property
    def complete(self) -> bool:
        return self.hub.complete


def _lrs_reachable(db: Database, settings: SyncSettings, manifests: ManifestLookup) -> bool:
    endpoints = set()
    for course_id in outbox.pending_courses(db):
        manifest = manifests(course_id) if course_id else None
        config = settings.for_course(manifest.sync_endpoint if manifest else None)
        if config is not None:
            endpoints.add(config.endpoint)
    return any(is_reachable(endpoint) for endpoint in endpoints)


def _pending_ids(db: Database) -> set[str]:
    return {
        row["statement_id"]
        for row in db.query("SELECT statement_id FROM outbox WHERE state = 'pending'")
    }


def _tell_hub(session: requests.Session, link: HubLink, ids: list[str]) -> int:
    """Best effort: a hub that does not hear it forwards a duplicate the LRS answers 204 to."""
    told = 0
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        try:
            response = session.post(
                link.url + "xapi/confirmed", json={"ids": chunk}, timeout=(PAIR_TIMEOUT, 30)
            )
        except requests.RequestException:
            return told
        if response.status_code != 200:
            return told
        told += len(chunk)
    return told


def sync_with_hub(
    db: Database,
    settings: SyncSettings,
    link: HubLink,
    *,
    manifests: ManifestLookup = no_manifests,
    timeout: float = DEFAULT_TIMEOUT,
    on_status: Callable[[SyncStatus], None] | None = None,
    cancel: CancelToken | None = None,
    session: requests.Session | None = None,
) -> HubSyncReport:
    """LRS first when it answers, then the rest to the hub; raises ``HubError`` on a bad code."""
    own_session = session is None
    session = session or hub_session(link)
    try:
        direct: SyncReport | None = None
        told = 0
        outbox.freeze_pending(db, activity_bases(manifests))
        if _lrs_reachable(db, settings, manifests):
            before = _pending_ids(db)
            direct = sync_outbox(
                db,
                settings,
                manifests=manifests,
                timeout=timeout,
                on_status=on_status,
                cancel=cancel,
            )
            confirmed = sorted(before - _pending_ids(db) - _refused_ids(db, before))
            if confirmed:
                told = _tell_hub(session, link, confirmed)
        hub_settings = SyncSettings(endpoint=link.xapi_endpoint, endpoint_origin="the hub")
        try:
            report = sync_outbox(
                db,
                hub_settings,
                manifests=manifests,
                timeout=timeout,
                on_status=on_status,
                cancel=cancel,
                session=session,
            )
        except SyncAuthError as error:
            raise HubError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "The hub at {url} refused this laptop's pairing; pair again with the code"
                    " shown on the hub.",
                ),
                url=link.url,
            ) from error
        return HubSyncReport(report, direct, told)
    finally:
        if own_session:
            session.close()


def _refused_ids(db: Database, among: set[str]) -> set[str]:
    """Statements the LRS refused during the direct run (not confirmed: the hub may keep them)."""
    return {
        row["statement_id"]
        for row in db.query(
            "SELECT statement_id FROM outbox WHERE state IN ('quarantined', 'conflict')"
        )
        if row["statement_id"] in among
    }


@dataclass(frozen=True, slots=True)
class HubCourse:
    """A course a hub offers ("Courses available on the network")."""

    hub_name: str
    course_id: str
    title: str
    version: int
    bytes: int
    url: str  # the course.json URL ``install`` reads


def hub_courses(
    address: str, *, link: HubLink | None = None, timeout: float = PAIR_TIMEOUT
) -> list[HubCourse]:
    """The courses a hub lists at ``/courses``; ``HubError`` when it does not answer as one.

    With ``link`` (this laptop is paired with that hub), the token goes with the listing and
    in the course URLs, for a hub that serves courses only to paired laptops.
    """
    url = hub_url(address)
    token = link.token if link is not None and link.url == url else None
    base = url.replace("http://", f"http://pair:{token}@", 1) if token else url
    with hub_session(HubLink(url, token) if token else None) as session:
        try:
            response = session.get(url + "courses", timeout=(timeout, timeout))
            listing = response.json() if response.status_code == 200 else None
        except (requests.RequestException, ValueError):
            listing = None
    if not isinstance(listing, dict) or not isinstance(listing.get("courses"), list):
        raise HubError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "Cannot read the courses of the hub at {url}; check the address and that the"
                " hub is sharing.",
            ),
            url=url,
        )
    found = []
    for course in listing["courses"]:
        try:
            found.append(
                HubCourse(
                    str(listing.get("hub") or url),
                    str(course["id"]),
                    str(course["title"]),
                    int(course["version"]),
                    int(course["bytes"]),
                    base + str(course["url"]).lstrip("/"),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return found


def network_courses(
    wait: float = 3.0, typed: str = "", link: HubLink | None = None
) -> list[HubCourse]:
    """Courses of the hubs found on the network, or of the hub at a typed address."""
    if typed.strip():
        return hub_courses(typed, link=link)
    from player.core.hub.discovery import find_hubs

    courses: list[HubCourse] = []
    for hub in find_hubs(wait):
        try:
            courses.extend(hub_courses(hub.url, link=link))
        except HubError:
            continue
    return courses


class HubAutoSync:
    """For the desktop app: send pending statements to the paired hub when it answers.

    Like ``sync.service.AutoSync``: cheap to call often; the hub is asked at most every
    ``check_every`` seconds, and only when statements are pending.
    """

    def __init__(
        self,
        db: Database,
        settings_path: Path,
        *,
        manifests: ManifestLookup = no_manifests,
        check_every: float = 60.0,
        timeout: float = 20.0,
    ) -> None:
        self.db = db
        self.settings_path = settings_path
        self.manifests = manifests
        self.check_every = check_every
        self.timeout = timeout
        self._last_check: float | None = None

    def tick(self) -> bool | None:
        """None: no hub paired; else whether the hub answered."""
        import time

        from player.core.sync.status import counts

        link = load_link(self.settings_path)
        if link is None:
            return None
        now = time.monotonic()
        if self._last_check is not None and now - self._last_check < self.check_every:
            return True
        self._last_check = now
        if not is_reachable(link.xapi_endpoint):
            return False
        if counts(self.db).pending:
            sync_with_hub(
                self.db,
                SyncSettings.load(self.settings_path),
                link,
                manifests=self.manifests,
                timeout=self.timeout,
            )
        return True
