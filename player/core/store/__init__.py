"""Local storage: one SQLite database (WAL, foreign keys) upgraded by sqlite-utils Migrations."""

from player.core.store.database import open_database

__all__ = ["open_database"]
