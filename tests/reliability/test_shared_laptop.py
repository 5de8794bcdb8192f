"""A shared laptop: another learner guesses PINs, another account reads the data folder.

PIN guesses go through the real database file, closed and opened again between guesses as a
restart of the app would, with an injected clock that jumps to the end of each delay (an
attacker with all the time in the world); nothing sleeps. The other account is a real one
(``nobody``), in a child process, reading a data folder the app created.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.core.context import open_context
from player.core.learning import create_learner, verify_pin
from player.core.learning.pins import (
    MAX_DELAY_S,
    PinThrottledError,
    check_trainer_pin,
    learner_subject,
    seconds_to_wait,
    set_trainer_pin,
)
from player.core.paths import DataDir
from player.core.store.database import open_database
from tests.reliability.harness import record_outcome

AREA = "Shared laptop"
DAY_S = 24 * 3600
PIN = "7391"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def guesses_in_a_day(path: Path, check: object) -> tuple[int, int, bool]:
    """Guess every 4-digit PIN in order (the right one last) for a simulated day.

    Returns (guesses checked, refusals while a delay ran, right PIN found). The app is
    "restarted" (database closed and opened) after every guess.
    """
    clock = Clock()
    end = clock.now + DAY_S
    checked = refused = 0
    found = False
    candidates = (f"{n:04d}" for n in range(10_000) if f"{n:04d}" != PIN)
    guess = next(candidates)
    while clock.now < end:
        db = open_database(path)
        try:
            if check(db, guess, clock):  # type: ignore[operator]
                found = True
            checked += 1
            guess = next(candidates)
        except PinThrottledError as error:
            refused += 1
            clock.now += error.seconds  # the attacker waits exactly as long as told
            assert error.seconds <= MAX_DELAY_S
        finally:
            db.conn.close()
    return checked, refused, found


def test_another_learner_guessing_a_pin_for_a_day(tmp_path: Path) -> None:
    path = tmp_path / "player.sqlite3"
    db = open_database(path)
    learner = create_learner(db, "Awa", pin=PIN).id
    db.conn.close()

    def check(db: object, guess: str, clock: Clock) -> bool:
        return verify_pin(db, learner, guess, clock=clock)  # type: ignore[arg-type]

    checked, refused, found = guesses_in_a_day(path, check)
    assert not found
    assert checked <= 3 + DAY_S // MAX_DELAY_S + 8
    days = 10_000 / checked
    record_outcome(
        AREA,
        "another learner guesses a 4-digit learner PIN for 24 h (simulated clock), the app "
        "restarted after every guess",
        repetitions=checked + refused,
        result=f"right PIN not reached; {checked} guesses checked, {refused} refused with "
        "'try again in N s' (delay kept across restarts)",
        figures={
            "guesses checked per day": checked,
            "days to try every 4-digit PIN": round(days),
            "longest delay (s)": MAX_DELAY_S,
        },
    )


def test_another_learner_guessing_the_trainer_pin_for_a_day(tmp_path: Path) -> None:
    path = tmp_path / "player.sqlite3"
    db = open_database(path)
    set_trainer_pin(db, PIN)
    db.conn.close()

    def check(db: object, guess: str, clock: Clock) -> bool:
        return check_trainer_pin(db, guess, clock=clock)  # type: ignore[arg-type]

    checked, refused, found = guesses_in_a_day(path, check)
    assert not found
    record_outcome(
        AREA,
        "a learner guesses the 4-digit trainer PIN (dashboard, imports, exports) for 24 h",
        repetitions=checked + refused,
        result=f"right PIN not reached; {checked} guesses checked, {refused} refused",
        figures={"guesses checked per day": checked, "days to try every PIN": 10_000 // checked},
    )


def test_a_clock_set_back_does_not_lock_a_learner_out_for_longer(tmp_path: Path) -> None:
    db = open_database(tmp_path / "player.sqlite3")
    learner = create_learner(db, "Awa", pin=PIN).id
    clock = Clock()
    for wrong in ("0000", "1111", "2222"):
        verify_pin(db, learner, wrong, clock=clock)
    clock.now -= 365 * DAY_S
    wait = seconds_to_wait(db, learner_subject(learner), clock=clock)
    clock.now += wait
    assert verify_pin(db, learner, PIN, clock=clock)
    db.conn.close()
    record_outcome(
        AREA,
        "the computer's clock is set back a year during a delay",
        result=f"the wait is cut to the longest delay ({wait} s), then the right PIN opens",
        figures={"wait after the clock change (s)": wait},
    )


@pytest.fixture
def open_parent() -> Iterator[Path]:
    """A folder every account may traverse (tmp_path's parents are private to root)."""
    parent = Path(tempfile.mkdtemp(prefix="shared-laptop-"))
    os.chmod(parent, 0o755)
    yield parent
    shutil.rmtree(parent)


PROBE = """
import json, os, sys
data = sys.argv[1]
seen = {}
for name, action in (
    ("list the data folder", lambda: os.listdir(data)),
    ("read the database", lambda: open(os.path.join(data, "player.sqlite3"), "rb").read(16)),
    ("read the WAL", lambda: open(os.path.join(data, "player.sqlite3-wal"), "rb").read(16)),
    ("read the settings", lambda: open(os.path.join(data, "settings.json"), "rb").read(16)),
):
    try:
        action()
        seen[name] = "allowed"
    except OSError as error:
        seen[name] = type(error).__name__
print(json.dumps(seen))
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a child as another account")
def test_another_account_cannot_read_the_data_folder(open_parent: Path) -> None:
    data = DataDir(open_parent / "data")
    old = os.umask(0o022)  # the usual umask: 0644 files, 0755 folders unless the app says so
    try:
        ctx = open_context(data)
        create_learner(ctx.db, "Awa", pin=PIN)
        from player.core.settings import update_settings

        update_settings(data.settings, learner="x")
        child = subprocess.run(
            ["/usr/bin/python3", "-c", PROBE, str(data.root)],
            user=65534,
            group=65534,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
            cwd="/",
        )
        ctx.close()
    finally:
        os.umask(old)
    seen = json.loads(child.stdout)
    assert set(seen.values()) == {"PermissionError"}, seen
    modes = {
        "folder": oct(os.stat(data.root).st_mode & 0o777),
        "database": oct(os.stat(data.database).st_mode & 0o777),
    }
    record_outcome(
        AREA,
        "another account on the laptop (nobody) lists the data folder, reads the database, its "
        "WAL and the settings",
        repetitions=len(seen),
        result="refused: " + ", ".join(f"{k}: {v}" for k, v in seen.items()),
        figures=modes,
    )
