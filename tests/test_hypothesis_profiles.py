"""Property tests are deterministic in CI (``CI=true``) and exploratory on request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHOW = (
    "import tests.conftest\n"
    "from hypothesis import settings\n"
    "explore = settings.get_profile('explore')\n"
    "print(settings.default.derandomize, settings.default.database,"
    " explore.derandomize, explore.max_examples)\n"
)


def profile_under(**env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SHOW],
        env={**{k: v for k, v in os.environ.items() if k != "CI"}, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def test_ci_runs_property_tests_with_a_fixed_seed_and_no_example_database() -> None:
    assert profile_under(CI="true").split()[:2] == ["True", "None"]


def test_elsewhere_examples_are_random_and_explore_tries_many_more() -> None:
    default_derandomized, _database, explore_derandomized, explore_examples = (
        profile_under().split()
    )
    assert default_derandomized == explore_derandomized == "False"
    assert int(explore_examples) >= 1000
