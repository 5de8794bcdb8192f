"""Crash safety: a learner process SIGKILLed at a random moment loses nothing acknowledged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.learning_crash_worker import crash_round


@pytest.mark.parametrize("seed", [11, 23, 37, 41])
def test_sigkill_loses_no_acknowledged_change_and_duplicates_no_event(
    tmp_path: Path, seed: int
) -> None:
    counts = crash_round(tmp_path, seed)
    assert counts["acked"] >= 5
