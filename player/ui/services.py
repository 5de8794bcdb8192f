"""The services the screens use, built in ONE place (``build_services``) and passed in.

No screen imports a global: each receives the ``Services`` it needs. Core objects are used only
from the task runner's workers (the storage lane for the shared database connection); long work
(installs, sync) opens its own connection with ``separate_context`` so it never interleaves
with the storage lane's transactions.

The removable-drive helper is imported on the first scan for sticks: it brings the package
reader and manifest parser, which the app's start does not need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from player.core.context import Context, open_context
from player.core.errors import PlayerError
from player.core.learning.learners import Learner
from player.core.paths import DataDir, default_data_dir
from player.core.settings import load_settings, update_settings
from player.ui.i18n import Translations
from player.ui.tasks import TaskRunner


@dataclass
class Services:
    data: DataDir
    context: Context
    tasks: TaskRunner
    translations: Translations | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    learner: Learner | None = None  # set once the first screen has been read
    install_demo: bool = True  # on a fresh data folder, install the demo course after start-up
    extras: dict[str, Any] = field(default_factory=dict)
    # Where USB sticks are mounted; tests pass a temporary folder standing in for one.
    mount_points: Callable[[], list[Path]] = field(default_factory=lambda: _removable_volumes)

    @property
    def learner_id(self) -> int:
        if self.learner is None:
            raise RuntimeError("no current learner yet")
        return int(self.learner.id)

    def settings_language(self) -> str | None:
        language = self.settings.get("language")
        return language if isinstance(language, str) and language else None

    def save_settings(self, **changes: Any) -> dict[str, Any]:
        """Write settings (None removes a key); returns and keeps the new settings."""
        self.settings = update_settings(self.data.settings, **changes)
        return self.settings

    @contextmanager
    def separate_context(self) -> Iterator[Context]:
        """A second database connection for long work on the transfer lane."""
        ctx = open_context(self.data)
        try:
            yield ctx
        finally:
            ctx.close()

    def close(self) -> None:
        self.tasks.shutdown()
        self.context.close()


def _removable_volumes() -> list[Path]:
    from player.ui.drives import removable_volumes

    return removable_volumes()


def build_services(
    data: DataDir | None = None, *, translations: Translations | None = None
) -> Services:
    """Open the data folder and its database; fast (no manifests, no media, no network)."""
    data = (data or default_data_dir()).ensure()
    context = open_context(data)
    try:
        settings = load_settings(data.settings)
    except PlayerError:
        settings = {}  # a broken file is reported by Settings; the app still opens
    return Services(
        data=data,
        context=context,
        tasks=TaskRunner(),
        translations=translations,
        settings=settings,
    )
