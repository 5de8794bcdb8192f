"""Shared fixtures. Real servers live in tests/fixtures/ and are registered here.

Property tests (Hypothesis) use the ``ci`` profile when ``CI=true`` (``.ci/run`` sets it): a
fixed seed, so a run fails or passes the same way every time, and no timing checks. The
``explore`` profile looks for new cases with fresh random examples, many more of them
(``--hypothesis-profile explore``; see the README's testing part).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Recent Hypothesis versions have the same built-in "ci" profile; spelled out so that any
# version we install behaves alike.
settings.register_profile(
    "ci",
    derandomize=True,  # the same examples on every run: CI fails only on a change
    database=None,  # nothing written to ./.hypothesis
    deadline=None,  # a loaded machine must not fail a test for being slow
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "explore",
    max_examples=2_000,  # tests that set their own count keep it
    deadline=None,
    database=None,
    print_blob=True,  # a failure prints what to pin with @example or @reproduce_failure
)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

pytest_plugins: list[str] = [
    "tests.fixtures.ralph",
    "tests.fixtures.nginx",
    "tests.fixtures.faultproxy",
    "tests.fixtures.hostile_http",
    "tests.fixtures.xvfb",
    "tests.fixtures.video_media",
    "tests.fixtures.xapi_validator",
    "tests.fixtures.chromium",
    "tests.fixtures.atspi",
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

    context = open_context(DataDir(tmp_path / "data"))
    yield context
    context.close()
