"""Where statements go and with which credentials.

Endpoint, in order: ``COURSE_PLAYER_LRS_ENDPOINT``; the ``lrs_endpoint`` setting; the course's
manifest ``sync.endpoint``. Credentials: ``COURSE_PLAYER_LRS_USERNAME`` / ``_PASSWORD``, else the
``lrs_username`` / ``lrs_password`` settings; they are sent to whichever endpoint applies.
``lrs_gzip`` (default false) compresses request bodies, for LRSs known to accept them.

An endpoint is the xAPI base (``https://lrs.example.org/xAPI/``); a URL that already ends with
``/statements`` is accepted too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from player.core.errors import QT_TRANSLATE_NOOP, SyncError
from player.core.settings import load_settings

ENV_ENDPOINT = "COURSE_PLAYER_LRS_ENDPOINT"
ENV_USERNAME = "COURSE_PLAYER_LRS_USERNAME"
ENV_PASSWORD = "COURSE_PLAYER_LRS_PASSWORD"
KEY_ENDPOINT = "lrs_endpoint"
KEY_USERNAME = "lrs_username"
KEY_PASSWORD = "lrs_password"
KEY_GZIP = "lrs_gzip"

_URL_RE = re.compile(r"^https?://[^\s/]+(/\S*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class LrsConfig:
    endpoint: str
    username: str | None = None
    password: str | None = None
    gzip: bool = False

    @property
    def statements_url(self) -> str:
        base = self.endpoint.rstrip("/")
        return base if base.endswith("/statements") else f"{base}/statements"

    def __repr__(self) -> str:  # never show the password in logs or tracebacks
        return (
            f"LrsConfig(endpoint={self.endpoint!r}, username={self.username!r}, gzip={self.gzip})"
        )


def check_endpoint(endpoint: str, origin: str) -> str:
    endpoint = endpoint.strip()
    if not _URL_RE.match(endpoint):
        raise SyncError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "The LRS endpoint {endpoint!r} from {origin} is not an http(s) URL."
            ),
            endpoint=endpoint,
            origin=origin,
        )
    return endpoint


@dataclass(frozen=True)
class SyncSettings:
    """The sync-related settings and environment, resolved per course by ``for_course``."""

    endpoint: str | None = None
    endpoint_origin: str = ""
    username: str | None = None
    password: str | None = None
    gzip: bool = False

    @classmethod
    def load(cls, settings_path: Path, environ: Mapping[str, str] | None = None) -> SyncSettings:
        environ = os.environ if environ is None else environ
        stored: dict[str, Any] = load_settings(settings_path)
        endpoint, origin = environ.get(ENV_ENDPOINT) or None, ENV_ENDPOINT
        if endpoint is None and stored.get(KEY_ENDPOINT):
            endpoint, origin = str(stored[KEY_ENDPOINT]), f"{settings_path} ({KEY_ENDPOINT})"
        if endpoint is not None:
            endpoint = check_endpoint(endpoint, origin)
        username = environ.get(ENV_USERNAME) or _text(stored.get(KEY_USERNAME))
        password = environ.get(ENV_PASSWORD) or _text(stored.get(KEY_PASSWORD))
        return cls(endpoint, origin, username, password, stored.get(KEY_GZIP) is True)

    def for_course(self, course_endpoint: str | None) -> LrsConfig | None:
        """The LRS for a course whose manifest names ``course_endpoint`` (or None)."""
        endpoint = self.endpoint
        if endpoint is None and course_endpoint:
            endpoint = check_endpoint(course_endpoint, "the course manifest (sync.endpoint)")
        if endpoint is None:
            return None
        return LrsConfig(endpoint, self.username, self.password, self.gzip)


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
