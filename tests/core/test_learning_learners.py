"""Learner profiles: names, e-mail, language, PIN stored as a slow salted hash, first run."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from player.core.errors import LearningError
from player.core.learning import (
    create_learner,
    ensure_default_learner,
    find_learner,
    get_learner,
    list_learners,
    rename_learner,
    set_pin,
    update_learner,
    verify_pin,
)


def test_create_and_list_learners(db: Database) -> None:
    ana = create_learner(db, "  Ana   Silva ", email="ana@example.org", language="pt")
    bob = create_learner(db, "Bob")
    assert ana.name == "Ana Silva"
    assert (ana.email, ana.language, ana.has_pin) == ("ana@example.org", "pt", False)
    assert [learner.name for learner in list_learners(db)] == ["Ana Silva", "Bob"]
    assert ana.uuid != bob.uuid
    assert find_learner(db, "ana silva") == ana


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("", {}, "needs a name"),
        ("x" * 81, {}, "at most 80"),
        ("Ana", {"email": "not-an-email"}, "not an e-mail"),
        ("Ana", {"language": "français!"}, "not a language"),
        ("Ana", {"pin": "12"}, "4 to 8 digits"),
        ("Ana", {"pin": "abcd"}, "4 to 8 digits"),
    ],
)
def test_bad_learner_input_is_refused_and_changes_nothing(
    db: Database, name: str, options: dict[str, str], message: str
) -> None:
    with pytest.raises(LearningError, match=message) as error:
        create_learner(db, name, **options)
    assert "\n" not in str(error.value)
    assert list_learners(db) == []


def test_duplicate_names_are_refused_ignoring_case(db: Database) -> None:
    create_learner(db, "Ana")
    bob = create_learner(db, "Bob")
    with pytest.raises(LearningError, match="already exists"):
        create_learner(db, "ANA")
    with pytest.raises(LearningError, match="already exists"):
        rename_learner(db, bob.id, "ana")
    assert get_learner(db, bob.id).name == "Bob"


def test_rename_and_update(db: Database) -> None:
    ana = create_learner(db, "Ana", email="ana@example.org")
    assert rename_learner(db, ana.id, "Ana Maria").name == "Ana Maria"
    updated = update_learner(db, ana.id, email=None, language="fr")
    assert (updated.email, updated.language, updated.uuid) == (None, "fr", ana.uuid)


def test_pin_is_stored_as_a_salted_slow_hash(db: Database) -> None:
    ana = create_learner(db, "Ana", pin="4821")
    bob = create_learner(db, "Bob", pin="4821")
    assert ana.has_pin
    stored = {row["name"]: row["pin_hash"] for row in db.query("SELECT * FROM learners")}
    assert "4821" not in stored["Ana"]
    scheme, n, _r, _p, salt, _digest = stored["Ana"].split("$")
    assert scheme == "scrypt" and int(n) >= 2**14
    assert stored["Ana"] != stored["Bob"] and salt not in stored["Bob"]
    assert verify_pin(db, ana.id, "4821")
    assert not verify_pin(db, ana.id, "4822")
    assert not verify_pin(db, ana.id, "")
    assert verify_pin(db, bob.id, "4821")


def test_set_and_clear_pin(db: Database) -> None:
    ana = create_learner(db, "Ana")
    assert verify_pin(db, ana.id, "anything")  # no PIN: switching is free
    assert set_pin(db, ana.id, "123456").has_pin
    assert not verify_pin(db, ana.id, "1234")
    assert verify_pin(db, ana.id, "123456")
    assert not set_pin(db, ana.id, None).has_pin
    assert verify_pin(db, ana.id, "")


def test_first_run_learner_is_created_once(db: Database) -> None:
    first = ensure_default_learner(db, "Apprenant")
    assert first.name == "Apprenant"
    assert ensure_default_learner(db, "Someone else") == first
    assert len(list_learners(db)) == 1


def test_unknown_learner(db: Database) -> None:
    with pytest.raises(LearningError, match="no learner with id 42"):
        get_learner(db, 42)
    with pytest.raises(LearningError, match="no learner named 'Zoé'"):
        find_learner(db, "Zoé")
    with pytest.raises(LearningError, match="no learner"):
        verify_pin(db, 42, "1234")
