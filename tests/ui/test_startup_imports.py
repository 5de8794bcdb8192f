"""Start-up loads only what the first screen needs (issue 8's start-up budget).

Each check runs in a fresh interpreter, so modules imported by other tests do not count.
"""

from __future__ import annotations

import subprocess
import sys

LOADED = "import sys; {imports}; print('\\n'.join(sorted(sys.modules)))"


def loaded_after(*modules: str) -> set[str]:
    code = LOADED.format(imports="; ".join(f"import {name}" for name in modules))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return set(result.stdout.split())


def test_the_window_loads_no_lesson_screen_manifest_or_learning_engine() -> None:
    loaded = loaded_after("player.cli", "player.ui.app", "player.ui.main_window")
    not_yet = {
        "player.ui.screens.reading",
        "player.ui.screens.quiz",
        "player.ui.screens.video_lesson",
        "player.core.package.manifest",
        "player.core.learning.state",  # the learning engine (the learner's profile is read)
        "player.core.learning.quiz",
    }
    assert loaded & not_yet == set()


def test_finding_the_learner_does_not_load_quizzes_gating_or_reports() -> None:
    loaded = loaded_after("player.core.learning.learners")
    assert "player.core.learning.learners" in loaded
    not_yet = {
        "player.core.learning.quiz",
        "player.core.learning.state",
        "player.core.learning.activity",
        "player.core.learning.report",
    }
    assert loaded & not_yet == set()


def test_every_name_the_learning_package_exports_resolves() -> None:
    import player.core.learning as learning

    for name in learning.__all__:
        assert getattr(learning, name) is not None, name
