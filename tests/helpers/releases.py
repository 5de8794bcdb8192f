"""Two small fake releases of the app, signed with a release key made by the test, and the
update between them, made by the real packaging tool (``packaging/app_update.py``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from player.core.trust import generate_key

ROOT = Path(__file__).resolve().parents[2]
TOOL = [sys.executable, str(ROOT / "packaging" / "app_update.py")]
#: Incompressible, so that the update archive is large enough to cut mid-download.
BLOB = os.urandom(700_000)

V1 = {
    "course-player": b"launcher v1",
    "_internal/PySide6/Qt/lib/libQt6Core.so.6": b"qt" * 1000,
    "_internal/vlc/plugins/codec/libavcodec_plugin.so": b"vlc",
    "_internal/gone.txt": b"only in v1",
    "_internal/base_library.zip": b"stdlib v1",
}
V2 = {k: v for k, v in V1.items() if k != "_internal/gone.txt"} | {
    "course-player": b"launcher v2",
    "_internal/added.txt": b"new in v2",
    "_internal/base_library.zip": BLOB,
}
PORTABLE = {"portable.txt": b"portable\n", "course-player-data/player.sqlite3": b"progress"}


@dataclass(frozen=True)
class Releases:
    key_file: Path
    key: str
    v1: Path  # the bundles as built
    v2: Path
    v1_list: Path  # their signed file lists
    v2_list: Path
    update: Path  # the update archive from v1 to v2
    installed: Path  # a laptop's v1, with its list and learners' data beside it


def make_bundle(folder: Path, files: dict[str, bytes]) -> Path:
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (folder / "course-player").chmod(0o755)
    (folder / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    return folder


def tool(*args: str | Path) -> None:
    done = subprocess.run([*TOOL, *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def make_releases(tmp_path: Path, v1: str = "1.0.0", v2: str = "1.1.0") -> Releases:
    tmp_path.mkdir(parents=True, exist_ok=True)
    key_file = tmp_path / "release.pem"
    key = generate_key(key_file)
    old = make_bundle(tmp_path / "v1" / "course-player", V1)
    new = make_bundle(tmp_path / "v2" / "course-player", V2)
    old_list, new_list = tmp_path / "v1.files.json", tmp_path / "v2.files.json"
    tool("manifest", old, "--version", v1, "--out", old_list, "--key", key_file)
    tool("manifest", new, "--version", v2, "--out", new_list, "--key", key_file)
    update = tmp_path / f"course-player-update-{v1}-to-{v2}.tar.xz"
    tool("delta", new, "--old", old_list, "--new", new_list, "--out", update)
    installed = install_release(old, old_list, tmp_path / "laptop" / "course-player")
    return Releases(key_file, key, old, new, old_list, new_list, update, installed)


def install_release(bundle: Path, files_json: Path, folder: Path) -> Path:
    """What unpacking a release's full archive gives (its list inside), plus learners' data."""
    shutil.copytree(bundle, folder, symlinks=True)
    shutil.copy(files_json, folder / "release.files.json")
    shutil.copy(f"{files_json}.sig", folder / "release.files.json.sig")
    for relative, data in PORTABLE.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    return folder


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every file (its bytes) and link (its target) under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): (os.readlink(p) if p.is_symlink() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


def version_in(folder: Path) -> str:
    return json.loads((folder / "release.files.json").read_text("utf-8"))["version"]
