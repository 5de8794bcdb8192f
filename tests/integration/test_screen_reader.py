"""What a screen reader gets from the app, read through the real Linux accessibility bus.

The app runs from the venv, in French, on Xvfb, with Qt publishing its widgets on AT-SPI (the
bus Orca reads); ``COURSE_PLAYER_OPEN_SCREEN`` opens one screen of the demo course
(``player/ui/open_at_start.py``). ``atspi_walker.py``, run by Debian's python3 with pyatspi,
lists the accessible tree as JSON, and the tests assert on it: every control a keyboard can
reach has a name and a role, in the UI language.
"""

from __future__ import annotations

import json
import re
import select
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.atspi import SYSTEM_PYTHON

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).with_name("atspi_walker.py")
START_TIMEOUT = 90.0

#: The screens walked, by the name the app's opener knows, with the object name it shows.
SCREENS = {
    "library": "library-screen",
    "outline": "outline-screen",
    "video": "video-lesson",
    "reading": "reading-screen",
    "quiz": "quiz-screen",
    "survey": "survey-screen",
    "shortcuts": "shortcuts-dialog",
    "settings": "settings-dialog",
    "learners": "learner-dialog",
    "dashboard": "dashboard-dialog",
    "add-course": "add-course-dialog",
}
#: Roles of the controls a learner acts on: each needs a name, shown or not.
CONTROL_ROLES = {
    "push button",
    "toggle button",
    "radio button",
    "check box",
    "combo box",
    "slider",
    "text",
    "entry",
    "spin button",
    "list",
    "table",
    "page tab",
    "progress bar",
}
Node = dict[str, Any]


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the demo course installed (through the core, as the app does)."""
    from player.core.context import open_context
    from player.core.demo import install_demo_course
    from player.core.paths import DataDir

    home = tmp_path_factory.mktemp("a11y") / "home"
    ctx = open_context(DataDir(home))
    try:
        assert install_demo_course(ctx)
    finally:
        ctx.close()
    return home


def _wait_for_line(process: subprocess.Popen[str], prefix: str, timeout: float) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            if line.startswith(prefix):
                return line.strip()
            if not line and process.poll() is not None:
                break
    raise AssertionError(f"the app never printed {prefix!r} (exit code {process.poll()})")


@pytest.fixture(scope="module")
def trees(accessibility_env: dict[str, str], demo_home: Path) -> Iterator[dict[str, list[Node]]]:
    """The accessible tree of the app on each screen, walked once per screen."""
    walked: dict[str, list[Node]] = {}
    for screen, object_name in SCREENS.items():
        env = dict(
            accessibility_env,
            COURSE_PLAYER_HOME=str(demo_home),
            COURSE_PLAYER_OPEN_SCREEN=screen,
            LANG="fr_FR.UTF-8",
            LANGUAGE="fr",
            LC_ALL="",
        )
        app = subprocess.Popen(
            [sys.executable, "-m", "player"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            shown = _wait_for_line(app, "screen:", START_TIMEOUT)
            assert shown == f"screen: {object_name}"
            done = subprocess.run(
                [str(SYSTEM_PYTHON), str(WALKER), str(app.pid), "--wait-for", object_name],
                env=accessibility_env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert done.returncode == 0, done.stderr[-2000:]
            walked[screen] = json.loads(done.stdout)
        finally:
            app.terminate()
            try:
                app.wait(timeout=20)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
            if app.stdout is not None:
                app.stdout.close()
    yield walked


def english_sources() -> set[str]:
    """The app's English strings whose French differs: a French UI shows none of them."""
    tree = ElementTree.parse(ROOT / "assets" / "i18n" / "course_player_fr.ts")
    sources = set()
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        french = "".join(translation.itertext()) if translation is not None else ""
        text = source.replace("&", "")
        if "%" in text or len(text) < 4 or french.replace("&", "") == text:
            continue
        sources.add(text)
    return sources


def in_view(nodes: list[Node], object_name: str) -> list[Node]:
    """The nodes a learner sees: showing, in the screen (or dialog) opened or the window's bars."""
    return [
        node
        for node in nodes
        if "showing" in node.get("states", ())
        and (
            object_name in node.get("id", "")
            or "main-toolbar" in node.get("id", "")
            or "QStatusBar" in node.get("id", "")
        )
    ]


def spoken_name(node: Node) -> str:
    """What a screen reader says to name the node: its name, or its label's (combo boxes).

    On Linux Qt gives a combo box its current value as name and names it by its label through
    the labelled-by relation, which Orca reads before the value.
    """
    labels = " ".join(node.get("labelled_by", ()))
    if node["role"] == "combo box":
        return labels.strip()
    return node["name"].strip() or labels.strip()


def describe(node: Node) -> str:
    return f"{node['role']} {node.get('id', '')[-70:]}"


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_focusable_node_has_a_name(trees: dict[str, list[Node]], screen: str) -> None:
    nodes = trees[screen]
    seen = in_view(nodes, SCREENS[screen])
    assert len(seen) > 5, f"the {screen} screen was not found on the bus"
    focusable = [n for n in seen if "focusable" in n["states"]]
    assert focusable
    unnamed = [describe(n) for n in focusable if not spoken_name(n)]
    assert not unnamed, f"focusable without a name on the {screen} screen: {unnamed}"
    # Controls anywhere in the window (hidden pages of the quiz included) are named too.
    # (A combo box's drop-down list, closed, is part of the combo box: it opens from it, and a
    # screen reader then reads its items.)
    controls = [
        n
        for n in nodes
        if n["role"] in CONTROL_ROLES
        and "focusable" in n["states"]
        and not (n.get("id", "").endswith("QComboBoxListView") and "showing" not in n["states"])
    ]
    unnamed = [describe(n) for n in controls if not spoken_name(n)]
    assert not unnamed, f"controls without a name ({screen}): {unnamed}"


@pytest.mark.parametrize("screen", list(SCREENS))
def test_names_are_in_the_ui_language(trees: dict[str, list[Node]], screen: str) -> None:
    english = english_sources()
    untranslated = sorted(
        {n["name"] for n in trees[screen] if n.get("name", "").replace("&", "") in english}
    )
    assert not untranslated, f"English names in the French UI ({screen}): {untranslated}"


def named(nodes: list[Node], role: str, pattern: str) -> list[Node]:
    return [n for n in nodes if n["role"] == role and re.search(pattern, n["name"])]


def test_quiz_choices_are_radio_buttons_and_check_boxes_with_their_text(
    trees: dict[str, list[Node]],
) -> None:
    nodes = trees["quiz"]
    assert named(nodes, "radio button", r"^Comprendre ce que la personne veut dire$")
    assert named(nodes, "check box", r"^Un regard attentif$")
    assert named(nodes, "text", r"^Votre réponse$")  # the typed answer
    radios = named(nodes, "radio button", ".")
    assert all("écoute" in n["description"] or n["description"] for n in radios)
    assert named(nodes, "push button", r"^Valider mes réponses$")


def test_locks_and_progress_are_spoken_on_the_outline(trees: dict[str, list[Node]]) -> None:
    nodes = trees["outline"]
    locked = named(nodes, "push button", r"verrouillé")
    assert locked and all("enabled" not in n["states"] for n in locked)
    assert all(n["description"].startswith("Verrouillé. Pour l’ouvrir") for n in locked)
    reason = [
        n
        for n in nodes
        if n["name"].startswith("Verrouillé. Pour l’ouvrir") and "focusable" in n["states"]
    ]
    assert reason, "the lock's reason is not reachable by the keyboard"
    assert named(nodes, "progress bar", r"leçons faites sur")
    icons = [n for n in nodes if n["name"] == "Module verrouillé"]  # the padlock
    assert icons and icons[0]["role"] in ("label", "image", "icon")


def test_video_controls_have_names(trees: dict[str, list[Node]]) -> None:
    nodes = trees["video"]
    assert named(nodes, "slider", r"^Position dans la vidéo$")
    assert named(nodes, "slider", r"^Volume$")
    assert named(nodes, "push button", r"^(Lecture|Pause|Lire)")
    speeds = [n for n in nodes if n["role"] == "combo box" and "Vitesse" in n["labelled_by"]]
    assert speeds and speeds[0]["name"] == "1×"  # labelled "Vitesse", its value "1×"


def test_the_tool_bar_is_reachable_and_named(trees: dict[str, list[Node]]) -> None:
    bar = [n for n in trees["library"] if "main-toolbar" in n.get("id", "")]
    buttons = [n for n in bar if n["role"] == "push button" and "showing" in n["states"]]
    assert {"Bibliothèque", "Paramètres", "Raccourcis clavier"} <= {n["name"] for n in buttons}
    assert all("focusable" in n["states"] for n in buttons)


def test_library_cards_are_named_list_items(trees: dict[str, list[Node]]) -> None:
    """The library's cards are items of a list ("Mes cours"), each read as a sentence: the
    title, the publisher, the lessons done, and what Enter does."""
    nodes = trees["library"]
    grids = named(nodes, "list", r"^Mes cours$")
    assert grids and "focusable" in grids[0]["states"]
    cards = [n for n in nodes if n["role"] == "list item"]
    assert [n["name"] for n in cards] == [
        "Bien communiquer : écoute et reformulation. Course Player (démo) — non signé. "
        "0 leçons sur 8."
    ]
    assert cards[0]["description"].startswith("Appuyez sur Entrée pour commencer ce cours")
