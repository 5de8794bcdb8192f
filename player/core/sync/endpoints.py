"""Changing where completions go: the configured LRS, approved ones, and their credentials.

The CLI (``course-player sync --configure / --approve / --forget``) and the Settings dialog
both write through here, so credentials are always recorded against the origin of the endpoint
they were entered with (``credentials.save_credentials``), and the older flat
``lrs_username`` / ``lrs_password`` keys never follow an endpoint to another origin.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from player.core.settings import load_settings, update_settings
from player.core.sync.config import (
    KEY_ALLOW_INSECURE,
    KEY_APPROVED,
    KEY_ENDPOINT,
    KEY_PASSWORD,
    KEY_USERNAME,
    check_endpoint,
    same_endpoint,
)
from player.core.sync.credentials import (
    KEY_CREDENTIALS,
    Credentials,
    origin_of,
    save_credentials,
    split_userinfo,
)


@dataclass(frozen=True)
class Saved:
    endpoint: str  # without credentials
    origin: str
    credentials: Credentials | None  # what was stored now (None: left as it was)


def _checked(endpoint: str, where: str, allow_insecure: bool) -> tuple[str, Credentials | None]:
    return split_userinfo(check_endpoint(endpoint, where, allow_insecure=allow_insecure))


def configure(
    settings_path: Path,
    endpoint: str,
    credentials: Credentials | None = None,
    *,
    allow_insecure: bool = False,
    where: str = "--configure",
    keep_credentials: bool = True,
) -> Saved:
    """Make ``endpoint`` the LRS; ``credentials`` (or ``user:password@`` in it) for its origin.

    Without credentials, those already recorded for that origin are kept (forgotten when not
    ``keep_credentials``); the older flat keys are moved to the origin they belonged to, and
    dropped.
    """
    stored = load_settings(settings_path)
    allow_insecure = allow_insecure or stored.get(KEY_ALLOW_INSECURE) is True
    clean, embedded = _checked(endpoint, where, allow_insecure)
    origin = origin_of(clean)
    credentials = credentials or embedded
    legacy_user = stored.get(KEY_USERNAME)
    previous = stored.get(KEY_ENDPOINT)
    if (
        credentials is None
        and isinstance(legacy_user, str)
        and legacy_user
        and isinstance(previous, str)
        and origin_of(split_userinfo(previous)[0]) == origin
    ):
        password = stored.get(KEY_PASSWORD)
        credentials = Credentials(legacy_user, password if isinstance(password, str) else None)
    changes: dict[str, object] = {
        KEY_ENDPOINT: clean,
        KEY_USERNAME: None,
        KEY_PASSWORD: None,
    }
    if allow_insecure:
        changes[KEY_ALLOW_INSECURE] = True
    if credentials is None and keep_credentials:
        update_settings(settings_path, **changes)
        return Saved(clean, origin, None)
    saved = save_credentials(settings_path, origin, credentials, changes)
    return Saved(clean, origin, saved)


def approve(
    settings_path: Path,
    endpoint: str,
    credentials: Credentials | None = None,
    *,
    allow_insecure: bool = False,
) -> Saved:
    """Allow the LRS a course's manifest names; optionally record credentials for its origin."""
    stored = load_settings(settings_path)
    allow_insecure = allow_insecure or stored.get(KEY_ALLOW_INSECURE) is True
    clean, embedded = _checked(endpoint, "--approve", allow_insecure)
    if embedded is not None and credentials is None:
        credentials = embedded
    approved = stored.get(KEY_APPROVED)
    urls = [str(url) for url in approved] if isinstance(approved, list) else []
    if not any(same_endpoint(clean, url) for url in urls):
        urls.append(clean)
    origin = origin_of(clean)
    if credentials is None:
        update_settings(settings_path, **{KEY_APPROVED: urls})
        return Saved(clean, origin, None)
    saved = save_credentials(settings_path, origin, credentials, {KEY_APPROVED: urls})
    return Saved(clean, origin, saved)


def forget(settings_path: Path, endpoint: str) -> list[str]:
    """Forget ``endpoint``'s approval, its origin's credentials, and it as the LRS; what went."""
    origin = origin_of(endpoint)
    stored = load_settings(settings_path)
    gone: list[str] = []
    changes: dict[str, object] = {}
    approved = stored.get(KEY_APPROVED)
    if isinstance(approved, list):
        kept = [url for url in approved if not same_endpoint(str(url), endpoint)]
        if len(kept) != len(approved):
            gone.append("approval")
            changes[KEY_APPROVED] = kept or None
    configured = stored.get(KEY_ENDPOINT)
    if isinstance(configured, str) and origin_of(split_userinfo(configured)[0]) == origin:
        gone.append("configured endpoint")
        changes.update({KEY_ENDPOINT: None, KEY_USERNAME: None, KEY_PASSWORD: None})
    table = stored.get(KEY_CREDENTIALS)
    if isinstance(table, dict) and origin in table:
        gone.append("credentials")
    save_credentials(settings_path, origin, None, changes)
    return gone


def stored_credentials(settings_path: Path, endpoint: str) -> Credentials | None:
    """The credentials the settings hold for ``endpoint``'s origin (environment left out)."""
    from player.core.sync.credentials import load_credentials

    stored = load_settings(settings_path)
    origin = origin_of(endpoint)
    found = load_credentials(stored).get(origin)
    if found is not None:
        return found
    configured = stored.get(KEY_ENDPOINT)
    user = stored.get(KEY_USERNAME)
    if isinstance(configured, str) and isinstance(user, str) and user:
        clean, embedded = split_userinfo(configured)
        if origin_of(clean) == origin:
            password = stored.get(KEY_PASSWORD)
            return Credentials(user, password if isinstance(password, str) else None)
    if isinstance(configured, str):
        clean, embedded = split_userinfo(configured)
        if origin_of(clean) == origin:
            return embedded
    return None


def clear_endpoint(settings_path: Path) -> None:
    """No configured LRS any more (the credentials of other origins stay)."""
    update_settings(settings_path, **{KEY_ENDPOINT: None, KEY_USERNAME: None, KEY_PASSWORD: None})
