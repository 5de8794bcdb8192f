"""Shared fixtures. Real servers live in tests/fixtures/ and are registered here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins: list[str] = [
    "tests.fixtures.ralph",
    "tests.fixtures.nginx",
    "tests.fixtures.faultproxy",
    "tests.fixtures.hostile_http",
    "tests.fixtures.xvfb",
    "tests.fixtures.video_media",
]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder used by the CLI and core through COURSE_PLAYER_HOME."""
    folder = tmp_path / "home"
    monkeypatch.setenv("COURSE_PLAYER_HOME", str(folder))
    return folder


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[object]:
    """An opened context on a fresh data folder, without the demo course."""
    from player.core.context import open_context
    from player.core.paths import DataDir

    context = open_context(DataDir(tmp_path / "data"), install_demo=False)
    yield context
    context.close()
