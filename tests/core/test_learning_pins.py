"""PINs on a shared laptop: wrong guesses throttled across restarts, the trainer's PIN."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from player.core.errors import LearningError
from player.core.learning import create_learner, set_pin, verify_pin
from player.core.learning.pins import (
    FIRST_DELAY_S,
    MAX_DELAY_S,
    PinThrottledError,
    adopt_trainer_pin_hash,
    check_trainer_pin,
    delay_after,
    hash_pin,
    mark_trainer_pin_offered,
    set_trainer_pin,
    trainer_pin_offered,
    trainer_pin_set,
)
from player.core.store.database import open_database


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_three_wrong_pins_then_a_delay_that_a_restart_does_not_reset(tmp_path: Path) -> None:
    path = tmp_path / "player.sqlite3"
    clock = Clock()
    db = open_database(path)
    ana = create_learner(db, "Ana", pin="4821")
    for wrong in ("0000", "1111", "2222"):
        assert not verify_pin(db, ana.id, wrong, clock=clock)
    db.conn.close()

    db = open_database(path)  # the app was restarted
    clock.now += 1
    with pytest.raises(PinThrottledError, match=r"try again in 29 s") as refused:
        verify_pin(db, ana.id, "4821", clock=clock)  # even the right PIN
    assert refused.value.seconds == 29
    clock.now += 28
    with pytest.raises(PinThrottledError, match=r"try again in 1 s"):
        verify_pin(db, ana.id, "4821", clock=clock)
    clock.now += 1
    assert verify_pin(db, ana.id, "4821", clock=clock)  # the delay has passed
    # a right PIN starts the count again: three more free tries
    for wrong in ("0000", "1111"):
        assert not verify_pin(db, ana.id, wrong, clock=clock)
    assert verify_pin(db, ana.id, "4821", clock=clock)
    db.conn.close()


def test_the_delay_doubles_with_each_further_wrong_pin(db: Database) -> None:
    clock = Clock()
    ana = create_learner(db, "Ana", pin="4821")
    for wrong in ("0000", "1111", "2222"):
        verify_pin(db, ana.id, wrong, clock=clock)
    waited = FIRST_DELAY_S
    for expected in (FIRST_DELAY_S * 2, FIRST_DELAY_S * 4):
        clock.now += waited
        assert not verify_pin(db, ana.id, "3333", clock=clock)
        with pytest.raises(PinThrottledError) as refused:
            verify_pin(db, ana.id, "4821", clock=clock)
        assert refused.value.seconds == expected
        waited = expected
    assert delay_after(2) == 0 and delay_after(3) == FIRST_DELAY_S
    assert delay_after(1000) == MAX_DELAY_S


def test_attempts_during_a_delay_are_not_counted(db: Database) -> None:
    clock = Clock()
    ana = create_learner(db, "Ana", pin="4821")
    for wrong in ("0000", "1111", "2222"):
        verify_pin(db, ana.id, wrong, clock=clock)
    for _ in range(5):
        with pytest.raises(PinThrottledError):
            verify_pin(db, ana.id, "9999", clock=clock)
    clock.now += FIRST_DELAY_S
    assert verify_pin(db, ana.id, "4821", clock=clock)


def test_a_clock_set_back_never_means_more_than_the_longest_delay(db: Database) -> None:
    clock = Clock()
    ana = create_learner(db, "Ana", pin="4821")
    for wrong in ("0000", "1111", "2222"):
        verify_pin(db, ana.id, wrong, clock=clock)
    clock.now -= 365 * 24 * 3600
    with pytest.raises(PinThrottledError) as refused:
        verify_pin(db, ana.id, "4821", clock=clock)
    assert refused.value.seconds == MAX_DELAY_S
    clock.now += MAX_DELAY_S
    assert verify_pin(db, ana.id, "4821", clock=clock)


def test_each_learner_has_their_own_count_and_a_new_pin_clears_it(db: Database) -> None:
    clock = Clock()
    ana = create_learner(db, "Ana", pin="4821")
    bob = create_learner(db, "Bob", pin="1357")
    for wrong in ("0000", "1111", "2222"):
        verify_pin(db, ana.id, wrong, clock=clock)
    assert verify_pin(db, bob.id, "1357", clock=clock)
    set_pin(db, ana.id, "2468")  # e.g. the trainer resets it from the command line
    assert verify_pin(db, ana.id, "2468", clock=clock)


def test_trainer_pin_is_kept_in_the_database_and_throttled(tmp_path: Path) -> None:
    path = tmp_path / "player.sqlite3"
    clock = Clock()
    db = open_database(path)
    assert not trainer_pin_set(db) and check_trainer_pin(db, "anything", clock=clock)
    set_trainer_pin(db, "2468")
    assert trainer_pin_set(db)
    stored = db.execute("SELECT pin_hash FROM trainer").fetchone()[0]
    assert stored.startswith("scrypt$") and "2468" not in stored
    assert check_trainer_pin(db, "2468", clock=clock)
    for wrong in ("1357", "1111", "2222"):
        assert not check_trainer_pin(db, wrong, clock=clock)
    db.conn.close()

    db = open_database(path)
    with pytest.raises(PinThrottledError, match=r"try again in 30 s"):
        check_trainer_pin(db, "2468", clock=clock)
    clock.now += FIRST_DELAY_S
    assert check_trainer_pin(db, "2468", clock=clock)
    set_trainer_pin(db, None)
    assert not trainer_pin_set(db)
    with pytest.raises(LearningError, match="4 to 8 digits"):
        set_trainer_pin(db, "12")
    db.conn.close()


def test_the_trainer_pin_offer_is_made_once(db: Database) -> None:
    assert not trainer_pin_offered(db)
    mark_trainer_pin_offered(db)
    mark_trainer_pin_offered(db)
    assert trainer_pin_offered(db) and not trainer_pin_set(db)
    set_trainer_pin(db, "2468")
    set_trainer_pin(db, None)
    assert trainer_pin_offered(db)


def test_a_trainer_pin_from_settings_json_is_adopted(db: Database) -> None:
    adopt_trainer_pin_hash(db, hash_pin("2468"))
    assert trainer_pin_set(db) and check_trainer_pin(db, "2468")
    adopt_trainer_pin_hash(db, hash_pin("1357"))  # a PIN set here wins
    assert check_trainer_pin(db, "2468")
    adopt_trainer_pin_hash(db, "not a hash")
    assert check_trainer_pin(db, "2468")
