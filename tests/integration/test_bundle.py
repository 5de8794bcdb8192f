"""The PyInstaller bundle builds within its size budget, and runs from its unpacked archive in a
fresh folder with no Python on PATH, playing the demo's video and audio through its own libVLC."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_linux_bundle_builds_and_passes_its_smoke_test() -> None:
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build-linux.sh")],
        capture_output=True,
        text=True,
        timeout=1150,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    output = done.stdout + done.stderr
    assert "course-player 0.1.0 (package format 1)" in output
    assert "OK: demo-communication version 1" in output
    assert "ready: 1 course(s) in the library" in output  # the demo, shown by the bundle
    assert "smoke test passed" in output
    # play-check: the demo's H.264/AAC video, its AAC audio and a VP9/Opus WebM, each decoded
    # and played by the bundled libVLC (dummy outputs), its clock advancing.
    assert "OK: clarte-240.mp4: State.Playing" in output
    assert "video frames shown" in output and "audio buffers played" in output
    assert "OK: clarte.m4a: State.Playing" in output
    assert "OK: vp9-opus.webm: State.Playing" in output
    assert "FAILED" not in output
    assert "| **on disk** (budget 150) |" in output  # the size table, within budget
    assert "over budget" not in output
    dist = ROOT / "build" / "dist"
    (archive,) = dist.glob("course-player-*-linux-*.tar.xz")
    assert archive.stat().st_size <= 60 * 1024 * 1024
    assert (dist / f"{archive.name}.sha256").is_file()
    assert list(dist.glob("course-player-*-linux-*.files.json"))
    bundle = ROOT / "build" / "dist" / "course-player"
    assert (bundle / "course-player").is_file()
    assert (bundle / "course-player.desktop").is_file()
    plugins = {p.name for p in (bundle / "_internal" / "vlc" / "plugins").rglob("*.so")}
    assert "libavcodec_plugin.so" in plugins and "libx265_plugin.so" not in plugins
    assert not list((bundle / "_internal").glob("libx265*")), "encoders are not bundled"
