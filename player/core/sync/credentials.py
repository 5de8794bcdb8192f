"""LRS credentials, each bound to the origin (scheme, host, port) it was configured for.

A password is never looked up by the address a course asks for, only by that address's origin:
``credentials[origin_of(url)]``. So a course whose manifest names another server gets no
credentials from us, and the same server over ``http`` (another origin) gets none either.

Where the password is kept: in the OS keyring when the optional ``keyring`` package is installed
and has a working backend (Secret Service, macOS Keychain, Windows Credential Locker); otherwise
in ``settings.json`` (mode 0600, like the rest of the settings). The settings record which:
``"lrs_credentials": {"https://lrs.example.org": {"username": "u", "password": "p"}}`` or
``{"username": "u", "keyring": true}``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit

from player.core.settings import load_settings, save_settings

KEY_CREDENTIALS = "lrs_credentials"
KEYRING_SERVICE = "course-player LRS"
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Credentials:
    username: str
    password: str | None = None
    in_keyring: bool = False

    def __repr__(self) -> str:  # never show the password in logs or tracebacks
        return f"Credentials(username={self.username!r}, in_keyring={self.in_keyring})"


def _split(url: str) -> SplitResult:
    return urlsplit(url.strip())


def origin_of(url: str) -> str:
    """``scheme://host[:port]``, lower-cased, default port left out; "" when not an http URL."""
    try:
        parts = _split(url)
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in DEFAULT_PORTS or not host:
        return ""
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}" + ("" if port in (None, DEFAULT_PORTS[scheme]) else f":{port}")


def split_userinfo(url: str) -> tuple[str, Credentials | None]:
    """The URL without ``user:password@``, and those credentials (None when there are none)."""
    parts = _split(url)
    if "@" not in parts.netloc:
        return url.strip(), None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, has_password, password = userinfo.partition(":")
    clean = parts._replace(netloc=hostport).geturl()
    if not user:
        return clean, None
    return clean, Credentials(unquote(user), unquote(password) if has_password else None)


def redact(url: str) -> str:
    """The URL as it may be shown: credentials embedded in it are left out."""
    return split_userinfo(url)[0]


def is_loopback(url: str) -> bool:
    """True when the URL's host is this computer (``localhost``, 127.0.0.0/8, ``::1``)."""
    try:
        host = (_split(url).hostname or "").lower()
    except ValueError:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_plain_http(url: str) -> bool:
    return _split(url).scheme.lower() == "http"


# ---------------------------------------------------------------------- the optional keyring


def _keyring() -> Any | None:
    """The ``keyring`` module when installed with a working backend, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration: fall back to the settings file
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


def _keyring_name(origin: str, username: str) -> str:
    return f"{username}@{origin}"


def load_credentials(stored: Mapping[str, Any]) -> dict[str, Credentials]:
    """Origin -> credentials, from the settings' ``lrs_credentials`` (passwords resolved)."""
    found: dict[str, Credentials] = {}
    table = stored.get(KEY_CREDENTIALS)
    if not isinstance(table, dict):
        return found
    for origin, entry in table.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("username"), str):
            continue
        username = entry["username"]
        if entry.get("keyring") is True:
            ring = _keyring()
            password = None
            if ring is not None:
                try:
                    password = ring.get_password(KEYRING_SERVICE, _keyring_name(origin, username))
                except Exception:  # locked or gone: sync answers 401, the status says why
                    password = None
            found[origin] = Credentials(username, password, in_keyring=True)
        else:
            password = entry.get("password")
            found[origin] = Credentials(username, password if isinstance(password, str) else None)
    return found


def save_credentials(
    settings_path: Path,
    origin: str,
    credentials: Credentials | None,
    changes: Mapping[str, Any] | None = None,
    *,
    use_keyring: bool = True,
) -> Credentials | None:
    """Record (or with None, forget) the credentials of ``origin``; returns what was saved.

    ``changes`` are settings saved in the same write (a value of None removes the key).
    The password goes to the keyring when one works and ``use_keyring``, else to the file.
    """
    data = load_settings(settings_path)
    table = data.get(KEY_CREDENTIALS)
    table = dict(table) if isinstance(table, dict) else {}
    old = table.pop(origin, None)
    if isinstance(old, dict) and old.get("keyring") is True:
        _forget_in_keyring(origin, str(old.get("username")))
    saved = None
    if credentials is not None:
        entry: dict[str, Any] = {"username": credentials.username}
        ring = _keyring() if use_keyring else None
        stored_in_ring = False
        if ring is not None and credentials.password is not None:
            try:
                ring.set_password(
                    KEYRING_SERVICE,
                    _keyring_name(origin, credentials.username),
                    credentials.password,
                )
                stored_in_ring = True
            except Exception:  # a locked or refusing keyring: the file it is
                stored_in_ring = False
        if stored_in_ring:
            entry["keyring"] = True
        elif credentials.password is not None:
            entry["password"] = credentials.password
        table[origin] = entry
        saved = Credentials(credentials.username, credentials.password, stored_in_ring)
    for key, value in (changes or {}).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    if table:
        data[KEY_CREDENTIALS] = table
    else:
        data.pop(KEY_CREDENTIALS, None)
    save_settings(settings_path, data)
    return saved


def _forget_in_keyring(origin: str, username: str) -> None:
    ring = _keyring()
    if ring is None:
        return
    try:
        ring.delete_password(KEYRING_SERVICE, _keyring_name(origin, username))
    except Exception:  # already gone
        return
