"""packaging/: the Windows and macOS specs stay honest although no machine here builds them, the
Linux bundle keeps only what it loads, and an offline app update applies or changes nothing."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


@pytest.fixture
def packaging_common() -> Iterator[Any]:
    """``packaging/common.py`` imported as the specs import it (``from common import ...``)."""
    sys.path.insert(0, str(PACKAGING))
    try:
        import common  # type: ignore[import-not-found]

        yield common
    finally:
        sys.path.remove(str(PACKAGING))
        sys.modules.pop("common", None)


class Recorder:
    """Stands in for PyInstaller's spec globals and records what each was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []

    def make(self, name: str):  # type: ignore[no-untyped-def]
        def call(*args: Any, **kwargs: Any) -> SimpleNamespace:
            self.calls.append((name, args, kwargs))
            return SimpleNamespace(scripts=[], pure=[], **({"binaries": [], "datas": []} | kwargs))

        return call


def run_spec(name: str, recorder: Recorder) -> None:
    spec = PACKAGING / name
    code = compile(spec.read_text("utf-8"), str(spec), "exec")  # a syntax error fails here
    names = ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    namespace = {n: recorder.make(n) for n in names} | {"SPECPATH": str(PACKAGING)}
    exec(code, namespace)


def named_paths(recorder: Recorder) -> list[str]:
    """Every file or folder a spec names for PyInstaller to read."""
    paths: list[str] = []
    for name, args, kwargs in recorder.calls:
        if name == "Analysis":
            paths += list(args[0]) + kwargs.get("runtime_hooks", [])
            paths += [source for source, _dest in kwargs.get("datas", [])]
            paths += kwargs.get("pathex", [])
        if "icon" in kwargs:
            paths.append(kwargs["icon"])
    return paths


@pytest.mark.parametrize("spec", ["course-player-windows.spec", "course-player-macos.spec"])
def test_the_specs_we_cannot_build_here_run_and_name_only_files_that_exist(
    spec: str, packaging_common: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A VLC installation laid out as on the partner's machine (docs/windows.md).
    vlc = tmp_path / "VLC"
    if "windows" in spec:
        names = ["libvlc.dll", "libvlccore.dll", "plugins/codec/libavcodec_plugin.dll"]
        skipped = "plugins/lua/liblua_plugin.dll"
        monkeypatch.setenv("VLC_DIR", str(vlc))
    else:
        names = ["lib/libvlc.dylib", "lib/libvlccore.dylib", "plugins/libavcodec_plugin.dylib"]
        skipped = "plugins/lua/liblua_plugin.dylib"
        monkeypatch.setenv("VLC_APP", str(vlc))
    for relative in [*names, skipped]:
        (vlc / relative).parent.mkdir(parents=True, exist_ok=True)
        (vlc / relative).write_bytes(b"")
    recorder = Recorder()
    run_spec(spec, recorder)

    assert [c[0] for c in recorder.calls][:3] == ["Analysis", "PYZ", "EXE"]
    assert "COLLECT" in [c[0] for c in recorder.calls]
    missing = [p for p in named_paths(recorder) if not Path(p).exists()]
    assert missing == []
    analysis = recorder.calls[0][2]
    binaries = {Path(source).relative_to(vlc).as_posix() for source, _ in analysis["binaries"]}
    assert binaries == set(names)  # libVLC and its plugins, from the VLC folder only
    for module in analysis["hiddenimports"]:
        assert importlib.util.find_spec(module) is not None, module


def test_the_linux_bundle_keeps_the_plugins_a_course_needs(packaging_common: Any) -> None:
    plugins = Path("/usr/lib/x86_64-linux-gnu/vlc/plugins")
    if not plugins.is_dir():
        pytest.skip("no system libVLC here")
    assert packaging_common.missing_vlc_plugins(str(plugins), ".so") == []
    chosen = {
        packaging_common.plugin_name(p)
        for p in packaging_common.vlc_plugins(str(plugins), ".so", packaging_common.VLC_PLUGINS)
    }
    assert {"avcodec", "mp4", "mkv", "opus", "webvtt", "pulse", "alsa", "xcb_xv"} <= chosen
    assert not chosen & {"x265", "lua", "http", "mad", "dav1d"}


def test_qt_translations_and_plugins_the_app_never_loads_are_left_out(
    packaging_common: Any,
) -> None:
    keep = packaging_common.keep_qt_file
    assert keep("PySide6/Qt/translations/qtbase_fr.qm", {"fr", "en"})
    assert not keep("PySide6/Qt/translations/qtbase_de.qm", {"fr", "en"})
    assert not keep("PySide6/Qt/translations/qtdeclarative_fr.qm", {"fr", "en"})
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so", set())
    assert not keep("PySide6/Qt/plugins/platforms/libqwayland.so", set())
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so", set())
    assert keep("PySide6/Qt/lib/libQt6Core.so.6", set())


# --- offline app updates ---------------------------------------------------------------------


def make_bundle(folder: Path, files: dict[str, bytes]) -> Path:
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (folder / "course-player").chmod(0o755)
    (folder / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    return folder


OLD = {
    "course-player": b"launcher v1",
    "_internal/PySide6/Qt/lib/libQt6Core.so.6": b"qt" * 1000,
    "_internal/vlc/plugins/codec/libavcodec_plugin.so": b"vlc",
    "_internal/gone.txt": b"only in v1",
}
NEW = OLD | {"course-player": b"launcher v2", "_internal/added.txt": b"new in v2"}
del NEW["_internal/gone.txt"]


def make_update(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(installed v1, update folder unpacked, the v2 bundle it came from)."""
    tool = [sys.executable, str(PACKAGING / "app_update.py")]
    old = make_bundle(tmp_path / "v1" / "course-player", OLD)
    new = make_bundle(tmp_path / "v2" / "course-player", NEW)
    old_list = tmp_path / "v1.files.json"
    subprocess.run(
        [*tool, "manifest", str(old), "--version", "1", "--out", str(old_list)], check=True
    )
    archive = tmp_path / "update.tar.xz"
    subprocess.run(
        [*tool, "delta", str(new), "--old", str(old_list), "--version", "2", "--out", str(archive)],
        check=True,
    )
    with tarfile.open(archive) as tar:
        carried = sorted(n for n in tar.getnames() if "/files/" in n)
        tar.extractall(tmp_path / "stick", filter="tar")
    assert [n.split("/files/")[1] for n in carried] == ["_internal/added.txt", "course-player"]
    (update,) = (tmp_path / "stick").iterdir()
    installed = tmp_path / "laptop" / "course-player"
    shutil.copytree(old, installed, symlinks=True)
    (installed / "portable.txt").write_text("portable\n")  # learners' data beside the app
    (installed / "course-player-data").mkdir()
    (installed / "course-player-data" / "player.db").write_bytes(b"progress")
    return installed, update, new


def tree(folder: Path) -> dict[str, bytes | str]:
    return {
        p.relative_to(folder).as_posix(): (os.readlink(p) if p.is_symlink() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


def test_an_app_update_carries_only_what_changed_and_installs_the_new_version(
    tmp_path: Path,
) -> None:
    installed, update, new = make_update(tmp_path)
    done = subprocess.run(
        ["sh", str(update / "apply-update.sh"), str(installed)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    portable = {"portable.txt": b"portable\n", "course-player-data/player.db": b"progress"}
    assert tree(installed) == tree(new) | portable
    assert os.access(installed / "course-player", os.X_OK)
    assert tree(installed.with_name("course-player.previous"))["course-player"] == b"launcher v1"
    listing = json.loads((update / "files.json").read_text("utf-8"))
    assert listing["version"] == "2" and listing["from_version"] == "1"


def test_a_damaged_app_update_changes_nothing(tmp_path: Path) -> None:
    installed, update, _new = make_update(tmp_path)
    before = tree(installed)
    (update / "files" / "course-player").write_bytes(b"launcher v2 tampered")
    done = subprocess.run(
        ["sh", str(update / "apply-update.sh"), str(installed)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "damaged; nothing was changed" in done.stderr
    assert tree(installed) == before
    assert sorted(p.name for p in installed.parent.iterdir()) == ["course-player"]


# --- play-check: the smoke test's playback check -------------------------------------------


def test_play_check_passes_the_demo_video_and_audio_and_fails_what_does_not_play(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from player.cli import main

    media = ROOT / "assets" / "demo-course" / "media"
    assert main(["play-check", "--seconds", "1.5", str(media / "clarte-240.mp4")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: clarte-240.mp4: State.Playing")
    assert "video frames shown" in out and "audio buffers played" in out

    not_media = tmp_path / "notes.mp4"
    not_media.write_bytes(b"not a video at all " * 100)
    assert main(["play-check", "--seconds", "1", str(media / "clarte.m4a"), str(not_media)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("OK: clarte.m4a: State.Playing")
    assert lines[1].startswith("FAILED: notes.mp4:")
