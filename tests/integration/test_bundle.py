"""The PyInstaller bundle builds and runs from a fresh folder with no Python on PATH."""

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
    bundle = ROOT / "build" / "dist" / "course-player"
    assert (bundle / "course-player").is_file()
    assert (bundle / "course-player.desktop").is_file()
    assert list((bundle / "_internal" / "vlc" / "plugins").rglob("*.so")), "libVLC plugins bundled"
