"""Where statements go and with which credentials.

Endpoint, in order: ``COURSE_PLAYER_LRS_ENDPOINT``; the ``lrs_endpoint`` setting (both: the
*configured* endpoint); else the course's manifest ``sync.endpoint``, but only once the user
approved it (``lrs_approved_endpoints``, ``course-player sync --approve URL``) or the course is
signed by a key this laptop trusts.

Credentials belong to an origin (``credentials``): those configured with an endpoint go to that
endpoint's origin only, never to another server a manifest names. ``COURSE_PLAYER_LRS_USERNAME``
/ ``_PASSWORD`` and the older ``lrs_username`` / ``lrs_password`` settings belong to the
configured endpoint; ``user:password@`` in a configured endpoint to its origin (and is never
shown); ``lrs_credentials`` holds the others (``course-player sync --configure / --approve``).

Plain ``http://`` is accepted for an LRS on this computer (loopback) only, unless allowed
explicitly (``lrs_allow_insecure``, ``COURSE_PLAYER_LRS_ALLOW_INSECURE=1``, ``sync
--allow-insecure``). ``lrs_gzip`` (default false) compresses request bodies.

An endpoint is the xAPI base (``https://lrs.example.org/xAPI/``); a URL that already ends with
``/statements`` is accepted too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from player.core.errors import QT_TRANSLATE_NOOP, SyncError
from player.core.settings import load_settings
from player.core.sync.credentials import (
    Credentials,
    is_loopback,
    is_plain_http,
    load_credentials,
    origin_of,
    redact,
    split_userinfo,
)

ENV_ENDPOINT = "COURSE_PLAYER_LRS_ENDPOINT"
ENV_USERNAME = "COURSE_PLAYER_LRS_USERNAME"
ENV_PASSWORD = "COURSE_PLAYER_LRS_PASSWORD"
ENV_ALLOW_INSECURE = "COURSE_PLAYER_LRS_ALLOW_INSECURE"
KEY_ENDPOINT = "lrs_endpoint"
KEY_USERNAME = "lrs_username"
KEY_PASSWORD = "lrs_password"
KEY_GZIP = "lrs_gzip"
KEY_APPROVED = "lrs_approved_endpoints"
KEY_ALLOW_INSECURE = "lrs_allow_insecure"

_URL_RE = re.compile(r"^https?://[^\s/]+(/\S*)?$", re.IGNORECASE)

#: Course id -> True when the installed course is signed by a key this laptop trusts.
TrustedCourse = Callable[[str], bool]


def no_trusted_courses(_: str) -> bool:
    return False


@dataclass(frozen=True)
class LrsConfig:
    endpoint: str  # never with credentials in it
    username: str | None = None
    password: str | None = None
    gzip: bool = False

    @property
    def statements_url(self) -> str:
        return statements_url(self.endpoint)

    def __repr__(self) -> str:  # never show the password in logs or tracebacks
        return (
            f"LrsConfig(endpoint={self.endpoint!r}, username={self.username!r}, gzip={self.gzip})"
        )


def statements_url(endpoint: str) -> str:
    base = endpoint.rstrip("/")
    return base if base.endswith("/statements") else f"{base}/statements"


def same_endpoint(a: str, b: str) -> bool:
    """True when both name the same statements resource (origin and path compared)."""
    path_a = statements_url(redact(a)).split("/", 3)[-1]
    path_b = statements_url(redact(b)).split("/", 3)[-1]
    return origin_of(a) == origin_of(b) != "" and path_a == path_b


def check_endpoint(endpoint: str, origin: str, *, allow_insecure: bool = False) -> str:
    """``endpoint`` stripped, when it is an http(s) URL fit to send completions to."""
    endpoint = endpoint.strip()
    if not _URL_RE.match(endpoint) or not origin_of(endpoint):
        raise SyncError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "The LRS endpoint {endpoint!r} from {origin} is not an http(s) URL."
            ),
            endpoint=redact(endpoint),
            origin=origin,
        )
    if is_plain_http(endpoint) and not is_loopback(endpoint) and not allow_insecure:
        raise SyncError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "The LRS endpoint {endpoint} from {origin} uses plain http to another computer: "
                "passwords and results would cross the network unencrypted. Use https, or allow "
                "it explicitly (sync --allow-insecure, or lrs_allow_insecure in the settings).",
            ),
            endpoint=redact(endpoint),
            origin=origin,
        )
    return endpoint


@dataclass(frozen=True)
class Blocked:
    """A manifest endpoint not used, and why (one line, for the sync report and status)."""

    endpoint: str
    reason: str


@dataclass(frozen=True)
class SyncSettings:
    """The sync-related settings and environment, resolved per course by ``resolve``.

    ``username`` / ``password`` belong to the configured ``endpoint``'s origin; ``credentials``
    maps other origins to theirs.
    """

    endpoint: str | None = None
    endpoint_origin: str = ""
    username: str | None = None
    password: str | None = None
    gzip: bool = False
    credentials: Mapping[str, Credentials] = field(default_factory=dict)
    approved: tuple[str, ...] = ()
    allow_insecure: bool = False

    @classmethod
    def load(
        cls,
        settings_path: Path,
        environ: Mapping[str, str] | None = None,
        *,
        allow_insecure: bool = False,
    ) -> SyncSettings:
        environ = os.environ if environ is None else environ
        stored: dict[str, Any] = load_settings(settings_path)
        allow_insecure = (
            allow_insecure
            or stored.get(KEY_ALLOW_INSECURE) is True
            or environ.get(ENV_ALLOW_INSECURE, "").strip().lower() in ("1", "true", "yes")
        )
        credentials = load_credentials(stored)
        endpoint, origin = environ.get(ENV_ENDPOINT) or None, ENV_ENDPOINT
        from_settings = endpoint is None and bool(stored.get(KEY_ENDPOINT))
        if from_settings:
            endpoint, origin = str(stored[KEY_ENDPOINT]), f"{settings_path} ({KEY_ENDPOINT})"
        username = password = None
        if endpoint is not None:
            endpoint = check_endpoint(endpoint, origin, allow_insecure=allow_insecure)
            endpoint, embedded = split_userinfo(endpoint)
            own = credentials.get(origin_of(endpoint)) or embedded
            legacy_user = _text(stored.get(KEY_USERNAME)) if from_settings else None
            legacy_password = _text(stored.get(KEY_PASSWORD)) if from_settings else None
            username = environ.get(ENV_USERNAME) or legacy_user or (own.username if own else None)
            password = (
                environ.get(ENV_PASSWORD) or legacy_password or (own.password if own else None)
            )
        approved = stored.get(KEY_APPROVED)
        return cls(
            endpoint,
            origin,
            username,
            password,
            stored.get(KEY_GZIP) is True,
            credentials,
            tuple(str(url) for url in approved) if isinstance(approved, list) else (),
            allow_insecure,
        )

    def credentials_for(self, endpoint: str) -> tuple[str | None, str | None]:
        """The credentials configured for ``endpoint``'s origin (none for any other)."""
        origin = origin_of(endpoint)
        if self.endpoint is not None and origin == origin_of(self.endpoint):
            return self.username, self.password
        found = self.credentials.get(origin)
        return (found.username, found.password) if found is not None else (None, None)

    def is_approved(self, endpoint: str) -> bool:
        return any(same_endpoint(endpoint, url) for url in self.approved)

    def resolve(
        self, course_endpoint: str | None, *, trusted: bool = False
    ) -> LrsConfig | Blocked | None:
        """The LRS for a course whose manifest names ``course_endpoint``.

        None when there is none; ``Blocked`` when the manifest names one that may not be used
        (not approved, or plain http to another computer). ``trusted``: the course is signed
        by a key this laptop trusts, which approves its endpoint.
        """
        if self.endpoint is not None:
            return self._config(self.endpoint)
        if not course_endpoint:
            return None
        manifest = "the course manifest (sync.endpoint)"
        try:
            endpoint = check_endpoint(course_endpoint, manifest, allow_insecure=self.allow_insecure)
        except SyncError as error:
            return Blocked(redact(course_endpoint.strip()), str(error))
        endpoint = split_userinfo(endpoint)[0]  # a manifest brings no credentials
        if not (trusted or self.is_approved(endpoint)):
            return Blocked(
                endpoint,
                f"a course asks to send completions to {endpoint}, which you have not approved:"
                f" run 'course-player sync --approve {endpoint}'",
            )
        return self._config(endpoint)

    def for_course(self, course_endpoint: str | None, *, trusted: bool = False) -> LrsConfig | None:
        """The LRS for a course, or None when there is none or it may not be used."""
        found = self.resolve(course_endpoint, trusted=trusted)
        return found if isinstance(found, LrsConfig) else None

    def _config(self, endpoint: str) -> LrsConfig:
        username, password = self.credentials_for(endpoint)
        return LrsConfig(endpoint, username, password, self.gzip)


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
