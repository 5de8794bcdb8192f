"""packaging/: the Windows and macOS specs stay honest although no machine here builds them, the
Linux bundle keeps only what it loads, and an offline app update applies or changes nothing."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.helpers.releases import PORTABLE, Releases, make_releases, tree, version_in

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


def test_the_bundle_has_every_sub_command(packaging_common: Any) -> None:
    """Sub-commands are imported by name (and skipped when missing): the specs list them all,
    and the optional chart library stays out of the bundle."""
    from player.cli import COMMAND_MODULES

    assert set(COMMAND_MODULES) <= set(packaging_common.HIDDEN_IMPORTS)
    assert {"matplotlib", "numpy"} <= set(packaging_common.EXCLUDES)


def test_the_bundle_can_apply_app_updates(packaging_common: Any) -> None:
    """``app-update`` is imported by name: the specs must list it, and ship the release keys."""
    assert "player.cli.appupdate" in packaging_common.HIDDEN_IMPORTS
    shipped = {(Path(src).name, dest) for src, dest in packaging_common.data_files()}
    assert ("release-keys.txt", "assets") in shipped


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


def unpacked_update(releases: Releases, where: Path) -> Path:
    with tarfile.open(releases.update) as tar:
        carried = sorted(n.split("/files/")[1] for n in tar.getnames() if "/files/" in n)
        tar.extractall(where, filter="tar")
    assert carried == ["_internal/added.txt", "_internal/base_library.zip", "course-player"]
    (update,) = where.iterdir()
    return update


def test_the_update_script_still_installs_a_new_version_with_posix_tools_only(
    tmp_path: Path,
) -> None:
    """For a laptop whose app cannot run: the same result as ``course-player app-update``
    (which also checks the signature; tests/core/test_app_update.py)."""
    releases = make_releases(tmp_path)
    update = unpacked_update(releases, tmp_path / "stick")
    installed = releases.installed
    done = subprocess.run(
        ["sh", str(update / "apply-update.sh"), str(installed)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert tree(installed) == tree(releases.v2) | PORTABLE | {
        "release.files.json": releases.v2_list.read_bytes(),
        "release.files.json.sig": Path(f"{releases.v2_list}.sig").read_bytes(),
    }
    assert os.access(installed / "course-player", os.X_OK)
    assert tree(installed.with_name("course-player.previous"))["course-player"] == b"launcher v1"
    hints = json.loads((update / "update.json").read_text("utf-8"))
    assert (hints["from_version"], hints["version"]) == ("1.0.0", "1.1.0")
    # The installed v1's list was a hard link in the new folder: replaced, never written through.
    assert version_in(installed.with_name("course-player.previous")) == "1.0.0"


def test_a_damaged_app_update_changes_nothing_with_the_script_either(tmp_path: Path) -> None:
    releases = make_releases(tmp_path)
    update = unpacked_update(releases, tmp_path / "stick")
    installed = releases.installed
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
