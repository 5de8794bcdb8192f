"""Fixtures shared by the learning-engine tests: a fresh database and a learner in it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlite_utils import Database

from player.core.learning import create_learner
from player.core.store.database import open_database


@pytest.fixture
def db() -> Iterator[Database]:
    """An empty, fully migrated progress database in memory."""
    database = open_database(":memory:")
    yield database
    database.conn.close()


@pytest.fixture
def learner(db: Database) -> int:
    return create_learner(db, "Ana").id
