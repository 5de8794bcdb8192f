"""Where completions go and which credentials go with them (issue 14): no network here.

The same rules against real servers: tests/reliability/test_lrs_hostile.py and
tests/integration/test_sync_credentials.py.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from player.core.errors import SyncError
from player.core.settings import load_settings, update_settings
from player.core.sync import credentials as credentials_module
from player.core.sync import endpoints
from player.core.sync.config import Blocked, LrsConfig, SyncSettings
from player.core.sync.credentials import (
    Credentials,
    is_loopback,
    origin_of,
    redact,
    split_userinfo,
)

COURSE_LRS = "https://course-lrs.example.org/xAPI/"


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://LRS.example.org/xAPI/", "https://lrs.example.org"),
        ("https://lrs.example.org:443/xAPI/", "https://lrs.example.org"),
        ("https://lrs.example.org:8443/xAPI/", "https://lrs.example.org:8443"),
        ("http://lrs.example.org/xAPI/", "http://lrs.example.org"),
        ("https://u:p@lrs.example.org/xAPI/", "https://lrs.example.org"),
        ("http://[::1]:8080/x", "http://[::1]:8080"),
        ("ftp://lrs.example.org/", ""),
        ("https://lrs.example.org:99999/", ""),
    ],
)
def test_an_origin_is_scheme_host_and_port(url: str, origin: str) -> None:
    assert origin_of(url) == origin


def test_credentials_in_a_url_are_split_off_and_never_shown() -> None:
    clean, found = split_userinfo("https://ana:p%40ss@lrs.example.org/xAPI/")
    assert clean == "https://lrs.example.org/xAPI/"
    assert found == Credentials("ana", "p@ss")
    assert "p@ss" not in repr(found)
    assert redact("https://ana:secret@lrs.example.org/") == "https://lrs.example.org/"


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8100/", True),
        ("http://127.8.9.1/", True),
        ("http://localhost/", True),
        ("http://[::1]/", True),
        ("http://192.168.1.10/", False),
        ("http://lrs.example.org/", False),
        ("http://127.0.0.1.example.org/", False),
    ],
)
def test_loopback_is_this_computer_only(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


def test_plain_http_is_refused_off_this_computer_unless_allowed(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    update_settings(path, lrs_endpoint="http://lrs.lan/xAPI/")
    with pytest.raises(SyncError, match="plain http to another computer"):
        SyncSettings.load(path, environ={})
    assert SyncSettings.load(path, environ={}, allow_insecure=True).endpoint is not None
    assert SyncSettings.load(path, environ={"COURSE_PLAYER_LRS_ALLOW_INSECURE": "1"}).endpoint
    update_settings(path, lrs_allow_insecure=True)
    assert SyncSettings.load(path, environ={}).endpoint == "http://lrs.lan/xAPI/"


def test_a_manifest_endpoint_waits_for_approval_and_gets_only_its_own_credentials(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.json"
    environ = {"COURSE_PLAYER_LRS_USERNAME": "u", "COURSE_PLAYER_LRS_PASSWORD": "env-secret"}
    update_settings(path, lrs_username="legacy", lrs_password="legacy-secret")
    settings = SyncSettings.load(path, environ)
    found = settings.resolve(COURSE_LRS)
    assert isinstance(found, Blocked) and "sync --approve" in found.reason
    assert settings.for_course(COURSE_LRS) is None

    # A key the laptop trusts approves it; still no credentials: none for that origin.
    assert settings.resolve(COURSE_LRS, trusted=True) == LrsConfig(COURSE_LRS)

    endpoints.approve(path, COURSE_LRS)
    assert SyncSettings.load(path, environ).for_course(COURSE_LRS) == LrsConfig(COURSE_LRS)
    endpoints.approve(path, "https://course-lrs.example.org/other/", Credentials("c", "pw"))
    config = SyncSettings.load(path, environ).for_course(COURSE_LRS)
    assert config == LrsConfig(COURSE_LRS, "c", "pw")

    # plain http named by a manifest: refused even when approved
    update_settings(path, lrs_approved_endpoints=["http://lrs.lan/xAPI/"])
    blocked = SyncSettings.load(path, environ).resolve("http://lrs.lan/xAPI/")
    assert isinstance(blocked, Blocked) and "plain http" in blocked.reason


def test_a_manifest_brings_no_credentials_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    update_settings(path, lrs_approved_endpoints=[COURSE_LRS])
    config = SyncSettings.load(path, {}).for_course("https://x:y@course-lrs.example.org/xAPI/")
    assert config == LrsConfig(COURSE_LRS)


def test_the_configured_endpoint_wins_and_keeps_its_credentials(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    endpoints.configure(path, "https://lrs.example.org/xAPI/", Credentials("ana", "pw"))
    settings = SyncSettings.load(path, {})
    assert settings.for_course(COURSE_LRS) == LrsConfig(
        "https://lrs.example.org/xAPI/", "ana", "pw"
    )
    # another address on the same origin: the same credentials; another origin: none
    assert settings.credentials_for("https://lrs.example.org/other/") == ("ana", "pw")
    assert settings.credentials_for("http://lrs.example.org/xAPI/") == (None, None)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_configure_moves_the_older_keys_only_to_their_own_origin(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    update_settings(
        path, lrs_endpoint="https://a.example.org/xAPI/", lrs_username="u", lrs_password="p"
    )
    endpoints.configure(path, "https://a.example.org/v2/xAPI/")
    stored = load_settings(path)
    assert "lrs_password" not in stored
    assert stored["lrs_credentials"] == {
        "https://a.example.org": {"username": "u", "password": "p"}
    }
    update_settings(path, lrs_username="u", lrs_password="p")
    endpoints.configure(path, "https://b.example.org/xAPI/")
    assert SyncSettings.load(path, {}).for_course(None) == LrsConfig("https://b.example.org/xAPI/")


def test_configure_splits_credentials_typed_into_the_url(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    saved = endpoints.configure(path, "https://ana:pw@lrs.example.org/xAPI/")
    assert saved.endpoint == "https://lrs.example.org/xAPI/"
    text = path.read_text()
    assert json.loads(text)["lrs_endpoint"] == "https://lrs.example.org/xAPI/"
    assert SyncSettings.load(path, {}).for_course(None) == LrsConfig(saved.endpoint, "ana", "pw")


def test_forget_removes_approval_credentials_and_endpoint(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    endpoints.configure(path, "https://lrs.example.org/xAPI/", Credentials("ana", "pw"))
    endpoints.approve(path, COURSE_LRS, Credentials("c", "pw2"))
    assert endpoints.forget(path, COURSE_LRS) == ["approval", "credentials"]
    assert endpoints.forget(path, "https://lrs.example.org/") == [
        "configured endpoint",
        "credentials",
    ]
    assert load_settings(path) == {}


def test_without_a_keyring_the_password_is_kept_in_the_private_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(credentials_module, "_keyring", lambda: None)
    path = tmp_path / "settings.json"
    saved = endpoints.configure(path, "https://lrs.example.org/xAPI/", Credentials("ana", "pw"))
    assert saved.credentials is not None and not saved.credentials.in_keyring
    assert load_settings(path)["lrs_credentials"]["https://lrs.example.org"]["password"] == "pw"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


class _MemoryKeyring:
    """A keyring with a working backend (keyring's API: get/set/delete_password)."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, name: str, password: str) -> None:
        self.saved[(service, name)] = password

    def get_password(self, service: str, name: str) -> str | None:
        return self.saved.get((service, name))

    def delete_password(self, service: str, name: str) -> None:
        del self.saved[(service, name)]


def test_with_a_keyring_the_settings_file_holds_no_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ring = _MemoryKeyring()
    monkeypatch.setattr(credentials_module, "_keyring", lambda: ring)
    path = tmp_path / "settings.json"
    saved = endpoints.configure(path, "https://lrs.example.org/xAPI/", Credentials("ana", "pw"))
    assert saved.credentials is not None and saved.credentials.in_keyring
    assert "pw" not in path.read_text()
    assert SyncSettings.load(path, {}).for_course(None) == LrsConfig(
        "https://lrs.example.org/xAPI/", "ana", "pw"
    )
    endpoints.forget(path, "https://lrs.example.org/")
    assert ring.saved == {}


def test_the_keyring_is_used_only_when_installed_with_a_working_backend() -> None:
    try:
        import keyring  # noqa: F401
    except ImportError:
        assert credentials_module.keyring_available() is False
        return
    # installed: whatever it says, a failing backend must not be chosen
    from keyring.backends import fail

    found = credentials_module._keyring()
    assert found is None or not isinstance(found.get_keyring(), fail.Keyring)
