"""Offline app updates (issue 19): signed, verified to the byte, never a downgrade, applied
beside the installed version and swapped in, from a stick, a folder or the trainer's hub."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from player.cli import main
from player.core.appupdate.apply import apply_update, check_update
from player.core.appupdate.fetch import fetch_update
from player.core.appupdate.release import sign_release_list
from player.core.errors import AppUpdateError, TransferCancelled
from player.core.hub.server import HubOptions, HubServer
from player.core.hub.updates import add_update, updates_folder
from player.core.paths import DataDir
from player.core.progress import CancelToken, Progress
from player.core.transfer import make_session
from player.core.trust import generate_key, load_private_key
from tests.fixtures.faultproxy import FaultProxy
from tests.helpers.releases import (
    PORTABLE,
    ROOT,
    Releases,
    make_releases,
    tree,
    version_in,
)


@pytest.fixture
def releases(tmp_path: Path) -> Releases:
    return make_releases(tmp_path)


@pytest.fixture
def trusted(releases: Releases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Releases:
    """The app (the CLI, the hub) trusts the test's release key, as if shipped in assets/."""
    keys = tmp_path / "release-keys.txt"
    keys.write_text(f"{releases.key} Test releases\n", "utf-8")
    monkeypatch.setattr("player.core.appupdate.release.release_keys_file", lambda: keys)
    return releases


def updated_tree(releases: Releases) -> dict[str, bytes | str]:
    """What the laptop's folder holds after the update: v2, its list, the learners' data."""
    return (
        tree(releases.v2)
        | PORTABLE
        | {
            "release.files.json": releases.v2_list.read_bytes(),
            "release.files.json.sig": Path(f"{releases.v2_list}.sig").read_bytes(),
        }
    )


def siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir())


def unpacked(archive: Path, where: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(where, filter="tar")
    (folder,) = where.iterdir()
    return folder


# --- applying -------------------------------------------------------------------------------


def test_an_update_from_a_stick_installs_the_new_version_and_keeps_the_old_one(
    releases: Releases,
) -> None:
    installed = releases.installed
    report = apply_update(releases.update, installed, {releases.key})

    assert tree(installed) == updated_tree(releases)
    assert os.access(installed / "course-player", os.X_OK)
    previous = installed.with_name("course-player.previous")
    assert tree(previous)["course-player"] == b"launcher v1"
    assert (report.installed_version, report.version, report.carried) == ("1.0.0", "1.1.0", 3)
    # The learners' progress is the same file in both folders (hard links), not a copy.
    data = "course-player-data/player.sqlite3"
    assert (installed / data).stat().st_ino == (previous / data).stat().st_ino
    assert siblings(installed) == ["course-player", "course-player.previous"]


def test_an_update_unpacked_on_a_stick_applies_the_same(releases: Releases, tmp_path: Path) -> None:
    folder = unpacked(releases.update, tmp_path / "stick")
    apply_update(folder, releases.installed, {releases.key})
    assert tree(releases.installed) == updated_tree(releases)


def test_the_command_checks_then_applies_and_refuses_the_same_version_again(
    trusted: Releases, capsys: pytest.CaptureFixture[str]
) -> None:
    installed = trusted.installed
    before = tree(installed)
    args = [str(trusted.update), "--install-dir", str(installed)]
    assert main(["app-update", "check", *args]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: update 1.0.0 -> 1.1.0") and "Test releases" in out
    assert tree(installed) == before and siblings(installed) == ["course-player"]

    assert main(["app-update", "apply", *args]) == 0
    assert "Course Player 1.1.0 installed" in capsys.readouterr().out
    assert version_in(installed) == "1.1.0"

    assert main(["app-update", "apply", *args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"course-player: error: Version 1.1.0 is already installed in {installed}; this update"
        " brings the same version. Nothing was changed."
    ]


# --- refusals: one line, nothing changed ------------------------------------------------------


def write_update(folder: Path, document: dict, files: dict[str, bytes], key_file: Path) -> Path:
    """An update folder as a stick holds it, signed with ``key_file``."""
    folder.mkdir(parents=True)
    data, signature = sign_release_list(document, load_private_key(key_file))
    (folder / "files.json").write_bytes(data)
    (folder / "files.json.sig").write_bytes(signature)
    for path, content in files.items():
        (folder / "files" / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / "files" / path).write_bytes(content)
    return folder


def signed_list(releases: Releases, **changes: object) -> dict:
    document = json.loads(releases.v2_list.read_text("utf-8"))
    document.update(changes)
    return document


def refused(releases: Releases, source: Path, keys: set[str] | None = None) -> str:
    """The one-line refusal, after checking that nothing changed."""
    before = tree(releases.installed)
    with pytest.raises(AppUpdateError) as error:
        apply_update(source, releases.installed, keys or {releases.key})
    assert tree(releases.installed) == before
    assert siblings(releases.installed) == ["course-player"]
    message = str(error.value)
    assert "\n" not in message
    return message


def test_an_unsigned_update_is_refused(releases: Releases, tmp_path: Path) -> None:
    folder = unpacked(releases.update, tmp_path / "stick")
    (folder / "files.json.sig").unlink()
    assert "is not signed" in refused(releases, folder)


def test_an_update_signed_by_an_unknown_key_is_refused(releases: Releases, tmp_path: Path) -> None:
    other = generate_key(tmp_path / "other.pem")
    message = refused(releases, releases.update, keys={other})
    assert "does not trust for updates" in message and releases.key in message


def test_a_course_publishers_key_cannot_sign_an_app_update(
    trusted: Releases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publisher = generate_key(tmp_path / "publisher.pem")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "trusted-keys.txt").write_text(f"{publisher} Publisher\n", "utf-8")
    monkeypatch.setattr("player.core.trust.assets_dir", lambda: tmp_path / "assets")
    update = write_update(tmp_path / "stick", signed_list(trusted), {}, tmp_path / "publisher.pem")
    before = tree(trusted.installed)
    assert main(["app-update", "apply", str(update), "--install-dir", str(trusted.installed)]) == 1
    assert tree(trusted.installed) == before


def test_an_altered_file_list_fails_its_signature(releases: Releases, tmp_path: Path) -> None:
    folder = unpacked(releases.update, tmp_path / "stick")
    listed = folder / "files.json"
    listed.write_bytes(listed.read_bytes().replace(b'"1.1.0"', b'"1.1.1"'))
    assert "signature of" in refused(releases, folder) and "does not match" in refused(
        releases, folder
    )


def test_a_carried_file_that_differs_from_the_signed_list_is_refused(
    releases: Releases, tmp_path: Path
) -> None:
    folder = unpacked(releases.update, tmp_path / "stick")
    (folder / "files" / "course-player").write_bytes(b"launcher v2 with a backdoor")
    assert "course-player does not match the signed file list" in refused(releases, folder)


def test_a_damaged_installed_file_stops_the_update_before_anything_changes(
    releases: Releases,
) -> None:
    qt = releases.installed / "_internal/PySide6/Qt/lib/libQt6Core.so.6"
    qt.write_bytes(b"qt" * 999 + b"xx")
    assert "is not the file the update expects from version 1.0.0" in refused(
        releases, releases.update
    )


def test_a_downgrade_is_refused_naming_the_installed_version(
    releases: Releases, tmp_path: Path
) -> None:
    listed = releases.installed / "release.files.json"
    listed.write_text(listed.read_text("utf-8").replace('"1.0.0"', '"1.2.0"'), "utf-8")
    message = refused(releases, releases.update)
    assert message == (
        f"This update brings version 1.1.0, older than the installed 1.2.0 (in"
        f" {releases.installed}); a downgrade is refused. Nothing was changed."
    )


@pytest.mark.parametrize(
    ("path", "entry"),
    [
        ("../evil.sh", {"size": 4, "sha256": "0" * 64, "mode": "755"}),
        ("/etc/cron.d/evil", {"size": 4, "sha256": "0" * 64, "mode": "644"}),
        ("_internal/../../evil.sh", {"size": 4, "sha256": "0" * 64, "mode": "644"}),
        ("_internal/escape", {"link": "../../.."}),
        ("_internal/abs", {"link": "/etc"}),
        ("_internal/libQt6Core.so.6/inside", {"size": 4, "sha256": "0" * 64, "mode": "644"}),
        ("course-player-data/player.sqlite3", {"size": 4, "sha256": "0" * 64, "mode": "644"}),
    ],
)
def test_a_file_list_naming_paths_outside_the_install_folder_is_refused(
    releases: Releases, tmp_path: Path, path: str, entry: dict
) -> None:
    document = signed_list(releases)
    document["files"][path] = entry
    update = write_update(tmp_path / "stick", document, {}, releases.key_file)
    message = refused(releases, update)
    assert "refused" in message and (path in message or repr(path) in message), message


def hostile_tar(releases: Releases, tmp_path: Path, extra: tarfile.TarInfo) -> Path:
    """The real update with one more member appended after its files."""
    folder = unpacked(releases.update, tmp_path / "unpacked")
    archive = tmp_path / "hostile.tar.xz"
    with tarfile.open(archive, "w:xz") as tar:
        repack(tar, folder)
        tar.addfile(extra, io.BytesIO(b"x" * extra.size) if extra.isfile() else None)
    return archive


def repack(tar: tarfile.TarFile, folder: Path) -> None:
    """An unpacked update packed again, its signed list first (as the app requires)."""
    first = ["files.json", "files.json.sig", "update.json"]
    for name in first:
        tar.add(folder / name, f"{folder.name}/{name}")
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name not in first:
            tar.add(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("files/_internal/added.txt.link", tarfile.SYMTYPE, "not a regular file or folder"),
        ("files/dev", tarfile.CHRTYPE, "not a regular file or folder"),
        ("../outside.txt", tarfile.REGTYPE, "outside the update folder"),
        ("files/_internal/unlisted.so", tarfile.REGTYPE, "which its signed list does not name"),
    ],
)
def test_archive_members_must_be_listed_regular_files_under_the_root(
    releases: Releases, tmp_path: Path, name: str, kind: bytes, expected: str
) -> None:
    top = "course-player-update-1.0.0-to-1.1.0"
    member = tarfile.TarInfo(name if name.startswith("..") else f"{top}/{name}")
    member.type = kind
    member.size = 3 if kind == tarfile.REGTYPE else 0
    member.linkname = "/etc/passwd" if kind == tarfile.SYMTYPE else ""
    assert expected in refused(releases, hostile_tar(releases, tmp_path, member))


def test_an_old_unsigned_update_archive_is_refused_by_the_app(
    releases: Releases, tmp_path: Path
) -> None:
    archive = tmp_path / "old-style.tar.xz"
    with tarfile.open(archive, "w:xz") as tar:
        info = tarfile.TarInfo("course-player-update-1.0.0-to-1.1.0/VERSION")
        info.size = 6
        tar.addfile(info, io.BytesIO(b"1.1.0\n"))
    assert "holds no files.json" in refused(releases, archive)


# --- crashes: the installed version works at every step ------------------------------------

CRASH_WORKER = """
import os, sys
from pathlib import Path
from player.core.appupdate.apply import apply_update
source, folder, key, when = sys.argv[1:5]

def step(text):
    if text.startswith(when):
        os._exit(9)

def progress(p):
    if when == "mid-build" and p.done >= p.total // 2:
        os._exit(9)

apply_update(Path(source), Path(folder), {key}, on_step=step, progress=progress)
"""


@pytest.mark.parametrize(
    "when",
    [
        "mid-build",
        "built and checked",
        "removed the version before last",
        "moved the installed version aside",
    ],
)
def test_a_crash_at_any_step_leaves_a_working_install_and_the_next_run_finishes(
    releases: Releases, when: str
) -> None:
    installed = releases.installed
    before = tree(installed)
    crashed = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASH_WORKER,
            str(releases.update),
            str(installed),
            releases.key,
            when,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert crashed.returncode == 9, crashed.stderr
    if when == "moved the installed version aside":
        # Between the two renames: the old version is whole beside, the new one complete.
        assert tree(installed.with_name("course-player.previous")) == before
        assert tree(installed.with_name("course-player.new")) == updated_tree(releases)
    else:
        assert tree(installed) == before  # the old folder is intact until the final rename
    apply_update(releases.update, installed, {releases.key})
    assert tree(installed) == updated_tree(releases)
    assert siblings(installed) == ["course-player", "course-player.previous"]


# --- the hub -----------------------------------------------------------------------------------


@pytest.fixture
def hub(trusted: Releases, tmp_path: Path) -> Iterator[HubServer]:
    data = DataDir(tmp_path / "hub-data")
    add_update(data, trusted.update, {trusted.key})
    server = HubServer(
        data,
        HubOptions(port=0, bind="127.0.0.1", code="K7M2QX", release_keys=frozenset({trusted.key})),
    )
    with server:
        yield server


def test_the_hub_lists_its_signed_updates_and_serves_them_with_ranges(
    hub: HubServer, trusted: Releases
) -> None:
    # An unsigned archive copied by hand into the folder is never offered.
    folder = updates_folder(hub.data)
    with tarfile.open(folder / "unsigned.tar.xz", "w:xz") as tar:
        info = tarfile.TarInfo("u/files.json")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"{}"))
    listing = requests.get(hub.url + "app/updates", timeout=5).json()
    (offer,) = listing["updates"]
    assert offer["name"] == trusted.update.name
    assert (offer["from_version"], offer["version"]) == ("1.0.0", "1.1.0")
    assert offer["bytes"] == trusted.update.stat().st_size and offer["key"] == trusted.key
    whole = requests.get(hub.url + offer["url"].lstrip("/"), timeout=5)
    assert whole.content == trusted.update.read_bytes()
    part = requests.get(
        hub.url + offer["url"].lstrip("/"),
        headers={"Range": "bytes=100-", "If-Range": whole.headers["ETag"]},
        timeout=5,
    )
    assert part.status_code == 206 and part.content == whole.content[100:]
    for name in ("unsigned.tar.xz", "..%2Fplayer.sqlite3", "nope.tar.xz"):
        assert requests.get(hub.url + "app/updates/" + name, timeout=5).status_code == 404


def test_a_laptop_applies_the_update_from_the_hub(
    hub: HubServer, trusted: Releases, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    installed = trusted.installed
    assert main(["app-update", "apply", hub.url, "--install-dir", str(installed)]) == 0
    assert tree(installed) == updated_tree(trusted)
    assert "Course Player 1.1.0 installed" in capsys.readouterr().out
    assert list((home / "staging" / "app-updates").glob("*.tar.xz")) == []  # not kept once done
    # Nothing newer on the hub now: one clear line.
    assert main(["app-update", "check", hub.url, "--install-dir", str(installed)]) == 1
    assert "The hub has no update for version 1.1.0" in capsys.readouterr().err


def test_the_hub_refuses_to_add_an_update_it_cannot_verify(
    trusted: Releases, tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = unpacked(trusted.update, tmp_path / "stick")
    (folder / "files" / "course-player").write_bytes(b"tampered!!!")
    tampered = tmp_path / "course-player-update-tampered.tar.xz"
    with tarfile.open(tampered, "w:xz") as tar:
        repack(tar, folder)
    code = main(["hub", "--port", "0", "--no-announce", "--add-update", str(tampered)])
    assert code == 1
    assert "does not match the signed file list" in capsys.readouterr().err
    assert not (home / "app-updates" / tampered.name).exists()


def test_an_interrupted_download_from_the_hub_resumes_without_fetching_a_byte_twice(
    hub: HubServer,
    trusted: Releases,
    fault_proxy: Callable[..., FaultProxy],
    tmp_path: Path,
) -> None:
    size = trusted.update.stat().st_size
    assert size > 500_000  # the incompressible file makes it worth cutting
    proxy = fault_proxy(hub.port, rate=500_000)
    laptop = DataDir(tmp_path / "laptop-data")
    cancel = CancelToken()

    def stop_halfway(progress: Progress) -> None:
        if progress.done >= size // 2:
            cancel.cancel()  # the link drops, the laptop is closed

    with pytest.raises(TransferCancelled):
        fetch_update(
            make_session(),
            proxy.base_url + "/",
            laptop,
            "1.0.0",
            progress=stop_halfway,
            cancel=cancel,
        )
    partial = laptop.staging / "app-updates" / trusted.update.name
    kept = partial.stat().st_size
    assert size // 2 <= kept < size
    first = proxy.wait_until_idle()

    path = fetch_update(make_session(), proxy.base_url + "/", laptop, "1.0.0")
    assert path.read_bytes() == trusted.update.read_bytes()
    # Only the missing tail crossed the wire again, plus the listing and the headers.
    listing = len(requests.get(hub.url + "app/updates", timeout=5).content)
    assert proxy.wire_bytes - first <= size - kept + listing + 2_000
    apply_update(path, trusted.installed, {trusted.key})
    assert version_in(trusted.installed) == "1.1.0"


def test_progress_is_reported_while_applying(releases: Releases) -> None:
    seen: list[Progress] = []
    apply_update(releases.update, releases.installed, {releases.key}, progress=seen.append)
    assert seen[-1].done == seen[-1].total > 700_000


def test_check_reads_every_byte_and_changes_nothing(releases: Releases) -> None:
    before = tree(releases.installed)
    report = check_update(releases.update, releases.installed, {releases.key})
    files = [v for v in tree(releases.v2).values() if isinstance(v, bytes)]  # not the link
    assert report.total_bytes == sum(map(len, files))
    assert tree(releases.installed) == before


def test_a_link_in_an_update_folder_on_a_stick_is_refused(
    releases: Releases, tmp_path: Path
) -> None:
    folder = unpacked(releases.update, tmp_path / "stick")
    carried = folder / "files" / "course-player"
    carried.unlink()
    carried.symlink_to("/etc/passwd")
    assert "is not a regular file (a link?)" in refused(releases, folder)


def test_without_install_dir_outside_a_bundle_the_command_says_what_to_give(
    trusted: Releases, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["app-update", "apply", str(trusted.update)]) == 1
    assert capsys.readouterr().err.strip() == (
        "course-player: error: This app does not run from an installed bundle; give the folder"
        " to update with --install-dir DIR."
    )


def test_leftovers_beside_the_install_do_not_stop_the_next_update(releases: Releases) -> None:
    installed = releases.installed
    installed.with_name("course-player.new").write_text("a half-copied stick, say")
    installed.with_name("course-player.previous").mkdir()
    apply_update(releases.update, installed, {releases.key})
    assert tree(installed) == updated_tree(releases)
    assert tree(installed.with_name("course-player.previous"))["course-player"] == b"launcher v1"
