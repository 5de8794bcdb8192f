"""Start-up loads only what the first screen needs (the start-up budget, issues 8 and 18).

This import set, not timing tricks, keeps the app's start within its budget (see
docs/performance.md): no VLC, manifest parser, quiz engine or network stack before the window is
ready. Each check runs in a fresh interpreter, so modules imported by other tests do not count.
"""

from __future__ import annotations

import os
import subprocess
import sys

from player.core.paths import DataDir

#: What the ready window with its library must not have loaded (each is loaded when needed).
NOT_AT_START_UP = {
    "vlc": "libVLC (a video lesson loads it)",
    "player.ui.video": "the VLC player widget",
    "player.ui.screens.reading": "a lesson screen",
    "player.ui.screens.quiz": "a lesson screen",
    "player.ui.screens.survey": "a lesson screen",
    "player.ui.screens.video_lesson": "a lesson screen",
    "player.core.package.manifest": "the manifest parser (the library reads stored cards)",
    "player.core.learning.quiz": "the quiz engine",
    "player.core.learning.state": "the gating engine",
    "requests": "the network stack (sync checks start later)",
    "urllib3": "the network stack",
    "http.client": "the network stack",
    "ssl": "the network stack",
    "cryptography": "signature checks (at install)",
    "aiohttp": "the workshop hub's server (when sharing starts)",
    "zeroconf": "hub discovery (when sharing starts or hubs are listed)",
    "segno": "the hub's QR code",
    "matplotlib": "the stats report's charts",
    "player.core.stats": "the publisher's report",
}

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


def test_the_ready_window_loads_no_vlc_manifest_parser_quiz_engine_or_network(
    data_dir: DataDir,
) -> None:
    code = (
        "import sys\n"
        "from player.ui.app import run_app\n"
        "code = run_app(exit_when_ready=True)\n"
        "print('LOADED', ' '.join(sorted(sys.modules)))\n"
        "sys.exit(code)\n"
    )
    env = dict(os.environ, COURSE_PLAYER_HOME=str(data_dir.root), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "ready: 1 course(s) in the library" in done.stdout
    loaded = set(done.stdout.split("LOADED", 1)[1].split())
    assert {name: why for name, why in NOT_AT_START_UP.items() if name in loaded} == {}
