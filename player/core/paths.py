"""Where the app keeps its data.

Order: ``COURSE_PLAYER_HOME``; portable mode (a ``portable.txt`` beside the executable puts the
data folder beside it, on the stick); else the platformdirs user data folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from player.core.errors import QT_TRANSLATE_NOOP, StoreError

APP_NAME = "course-player"
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA_FOLDER = "course-player-data"
#: Modes of the data folder and the database: their owner only (other accounts see nothing).
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


@dataclass(frozen=True)
class DataDir:
    """The data folder and the fixed places inside it."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "player.sqlite3"

    @property
    def objects(self) -> Path:
        """Content-addressed media: ``objects/ab/abcdef....ext``."""
        return self.root / "objects"

    @property
    def courses(self) -> Path:
        """One folder per installed course version holding its exact ``course.json``."""
        return self.root / "courses"

    @property
    def staging(self) -> Path:
        """Work in progress (downloads, extraction); never read as installed content."""
        return self.root / "staging"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> DataDir:
        """Create the folders (0700) and the database file (0600); one ``StoreError`` line when
        the place cannot hold them.

        Other accounts on the computer cannot list or read the data folder. The database's
        ``-wal`` and ``-shm`` files take its mode (SQLite creates them so). Folders and files an
        older version created with wider modes are tightened. Where modes do not exist (FAT or
        exFAT sticks in portable mode, Windows), this does nothing (``docs/security.md``).
        """
        for folder in (self.root, self.objects, self.courses, self.staging):
            try:
                folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            except OSError as error:
                raise self._unusable(error) from error
        _restrict(self.root, PRIVATE_FOLDER)
        database = self.database
        if not database.exists():
            try:
                os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
            except FileExistsError:
                pass  # another instance created it just now
            except OSError as error:
                raise self._unusable(error) from error
        for member in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            _restrict(member, PRIVATE_FILE)
        return self

    def _unusable(self, error: OSError) -> StoreError:
        return StoreError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Cannot use the data folder {path}: {reason}."),
            path=str(self.root),
            reason=error.strerror or str(error),
        )


def _restrict(path: Path, mode: int) -> None:
    """Give ``path`` exactly ``mode`` when it exists and has other bits (no-op on FAT)."""
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:
        pass  # absent, not ours, or a file system without modes: nothing more to do


def executable_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def portable_root(exe_dir: Path | None = None) -> Path | None:
    """The portable data folder when a marker sits beside the executable, else None."""
    exe_dir = exe_dir or executable_dir()
    if (exe_dir / PORTABLE_MARKER).is_file():
        return exe_dir / PORTABLE_DATA_FOLDER
    return None


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
        return True
    except OSError:
        return False


def choose_data_dir(exe_dir: Path | None = None) -> tuple[DataDir, str | None]:
    """The data folder, and a one-line notice when portable mode had to fall back.

    Portable mode (``portable.txt`` beside the executable) keeps the data on the stick; a
    read-only stick falls back to the user's data folder, and the notice says so.
    """
    env = os.environ.get("COURSE_PLAYER_HOME")
    if env:
        return DataDir(Path(env).expanduser().resolve()), None
    import platformdirs

    user = DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
    portable = portable_root(exe_dir)
    if portable is None:
        return user, None
    if _writable(portable):
        return DataDir(portable), None
    return user, (
        f"Portable mode: {portable} cannot be written (read-only stick?); "
        f"progress is kept in {user.root} on this computer instead."
    )


def default_data_dir(exe_dir: Path | None = None) -> DataDir:
    return choose_data_dir(exe_dir)[0]
