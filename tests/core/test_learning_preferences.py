"""A learner's remembered choices (subtitles, speed, text size) and the first subtitles shown."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from player.core.errors import LearningError
from player.core.learning import create_learner
from player.core.learning.preferences import (
    Preferences,
    get_preferences,
    pick_subtitle,
    set_preferences,
)


def test_choices_are_kept_per_learner(db: Database, learner: int) -> None:
    other = create_learner(db, "Bruno").id
    assert get_preferences(db, learner) == Preferences()
    set_preferences(db, learner, speed=1.5, subtitles="fr")
    set_preferences(db, learner, text_size=130)
    assert get_preferences(db, learner) == Preferences(subtitles="fr", speed=1.5, text_size=130)
    assert get_preferences(db, other) == Preferences()
    set_preferences(db, learner, subtitles="off")
    assert get_preferences(db, learner).subtitles == "off"
    assert get_preferences(db, learner).speed == 1.5


def test_bad_choices_change_nothing(db: Database, learner: int) -> None:
    set_preferences(db, learner, speed=1.25)
    for bad in ({"speed": 3.0}, {"text_size": 101}, {"subtitles": ""}):
        good = {"speed": 0.75} if "speed" not in bad else {"text_size": 115}
        with pytest.raises(LearningError) as caught:
            set_preferences(db, learner, **good, **bad)  # type: ignore[arg-type]
        assert "\n" not in str(caught.value)
    assert get_preferences(db, learner) == Preferences(speed=1.25)
    with pytest.raises(LearningError):
        set_preferences(db, 999, speed=1.0)


def test_a_stored_value_no_longer_valid_reads_as_the_default(db: Database, learner: int) -> None:
    db.execute(
        "INSERT INTO learner_preferences (learner_id, key, value) VALUES (?, 'speed', '9'),"
        " (?, 'text_size', 'not json')",
        [learner, learner],
    )
    assert get_preferences(db, learner) == Preferences()


def test_choices_go_with_the_learner(db: Database, learner: int) -> None:
    set_preferences(db, learner, speed=2.0)
    db.execute("DELETE FROM learners WHERE id = ?", [learner])
    assert db.execute("SELECT COUNT(*) FROM learner_preferences").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("tracks", "chosen", "course", "ui", "expected"),
    [
        (["en", "fr"], None, "fr", "en", 1),  # the course's language first
        (["en", "de"], None, "fr", "en", 0),  # else the UI's
        (["de"], None, "fr", "en", None),  # neither: off until the learner chooses
        (["en", "fr"], "en", "fr", "fr", 0),  # their choice wins
        (["de"], "en", "fr", "fr", 0),  # chose subtitles once: on, in what there is
        (["en", "fr"], "off", "fr", "fr", None),  # "off" stays off
        (["fr-CA", "fr-FR"], None, "fr-FR", "en", 1),  # an exact match before a primary one
        (["fr-CA"], None, "fr", "en", 0),
        ([], "fr", "fr", "fr", None),
    ],
)
def test_the_first_subtitles_shown(
    tracks: list[str], chosen: str | None, course: str, ui: str, expected: int | None
) -> None:
    assert pick_subtitle(tracks, chosen, course, ui) == expected
