"""Errors raised by the core are shown in the UI language; the CLI's English is unchanged."""

from __future__ import annotations

import json
import socket
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.core.context import Context, open_context
from player.core.errors import (
    CONTEXT,
    DiskFullError,
    FormatTooNewError,
    PackageError,
    PlayerError,
    TransferError,
)
from player.core.install import install, open_source
from player.core.package.manifest import MANIFEST_NAME, parse_manifest
from player.core.package.pack import pack
from player.core.package.reader import FolderSource
from player.core.paths import DataDir
from player.core.transfer import TransferPolicy, download, make_session
from player.ui.errors import localized
from player.ui.i18n import Translations
from player.ui.tasks import one_line
from player.ui.units import format_size
from tests.helpers.courses import document

TS = Path(__file__).resolve().parents[2] / "assets" / "i18n"
NBSP = "\u00a0"


@pytest.fixture
def french(qapp) -> Iterator[None]:
    translations = Translations(qapp)
    assert translations.apply("fr") == "fr"
    yield
    translations.apply("en")


@pytest.fixture
def context(tmp_path: Path) -> Iterator[Context]:
    ctx = open_context(DataDir(tmp_path / "data"))
    yield ctx
    ctx.close()


def test_a_plan_that_cannot_fit_says_so_in_french(
    french, context: Context, course_source: Path, tmp_path: Path
) -> None:
    package = tmp_path / "package"
    pack(course_source, package)
    manifest = json.loads((package / MANIFEST_NAME).read_text())
    manifest["files"]["text/m1.md"]["size"] = 2**40  # a member declared 1.1 TB
    (package / MANIFEST_NAME).write_text(json.dumps(manifest))
    with pytest.raises(DiskFullError) as caught:
        install(context, FolderSource(package))
    assert str(caught.value).startswith("Not enough free disk: the course needs 1099.5 GB and ")
    shown = localized(caught.value)
    needed = format_size(
        sum(
            entry.size
            for entry in parse_manifest((package / MANIFEST_NAME).read_bytes()).files.values()
        )
    )
    assert needed.startswith("1\u202f099,5\u00a0Go")  # French digits and units
    assert shown.startswith(
        f"Espace disque insuffisant{NBSP}: le cours demande {needed}, il reste "
    )
    assert shown.endswith(f" dans {context.data.root}.") and "\n" not in shown
    assert one_line(caught.value) == shown


def test_a_file_that_is_not_a_zip_says_so_in_french(
    french, context: Context, tmp_path: Path
) -> None:
    path = tmp_path / "cours.zip"
    path.write_bytes(b"this is a text file, not a course")
    with pytest.raises(PackageError) as caught:
        install(context, open_source(str(path)))
    assert localized(caught.value) == (
        f"{path} n’est pas un fichier zip lisible (tronqué ou abîmé{NBSP}: File is not a zip file)."
    )
    assert "is not a readable zip file" in str(caught.value)


def test_a_package_too_new_says_so_in_french(french) -> None:
    with pytest.raises(FormatTooNewError) as caught:
        parse_manifest(json.dumps(document(format=2)).encode(), origin="course.json")
    assert localized(caught.value) == (
        f"course.json utilise le format de paquet 2, mais cette application lit les formats "
        f"jusqu’au 1{NBSP}; veuillez mettre à jour le lecteur de cours."
    )


def test_a_network_give_up_translates_its_reason_too(french, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on: the connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(TransferError) as caught:
        download(
            make_session(),
            f"http://127.0.0.1:{port}/course.zip",
            tmp_path / "course.zip",
            expected_size=None,
            expected_sha256=None,
            policy=TransferPolicy(deadline_without_progress=0.5),
            label="course.zip",
        )
    assert str(caught.value).startswith(
        "Gave up on course.zip: cannot reach 127.0.0.1: the connection was refused"
    )
    assert localized(caught.value).startswith(
        f"Abandon de course.zip{NBSP}: impossible de joindre 127.0.0.1{NBSP}: "
        "la connexion a été refusée, et aucune donnée n’est arrivée depuis "
    )


def test_an_error_without_template_stays_english(french) -> None:
    error = PlayerError("modules[0].lessons[2].id is\n  missing.")
    assert localized(error) == "modules[0].lessons[2].id is missing."
    assert one_line(error) == "modules[0].lessons[2].id is missing."
    assert one_line(KeyError("boom")) == f"Erreur inattendue{NBSP}: 'boom'"


def test_in_english_the_ui_shows_the_cli_text(qapp, context: Context, tmp_path: Path) -> None:
    Translations(qapp).apply("en")
    path = tmp_path / "missing.zip"
    with pytest.raises(PlayerError) as caught:
        install(context, open_source(str(path)))
    assert localized(caught.value) == str(caught.value) == f"{path} does not exist."


def test_french_translations_keep_the_placeholders_of_their_template() -> None:
    def fields(text: str) -> list[str]:
        return sorted(f"{n}:{spec}" for _, n, spec, _ in string.Formatter().parse(text) if n)

    root = ET.parse(TS / "course_player_fr.ts").getroot()
    [context] = [c for c in root.findall("context") if c.findtext("name") == CONTEXT]
    messages = context.findall("message")
    assert len(messages) > 80
    wrong = [
        m.findtext("source")
        for m in messages
        if fields(m.findtext("source") or "") != fields(m.findtext("translation") or "")
    ]
    assert wrong == []


def test_learning_and_video_errors_say_so_in_french(french, data_dir: DataDir) -> None:
    from player.core.errors import LearningError
    from player.core.learning import quiz
    from player.core.learning.activity import record_position
    from player.core.learning.learners import ensure_default_learner, get_learner
    from player.ui.video import VideoError, VideoPlayer

    ctx = open_context(data_dir)
    try:
        learner = ensure_default_learner(ctx.db).id
        manifest = ctx.manifest("test-course")
        with pytest.raises(LearningError) as no_learner:
            get_learner(ctx.db, 999)
        with pytest.raises(LearningError) as no_question:
            attempt = quiz.start_attempt(ctx.db, learner, manifest, "m1-quiz")
            quiz.answer(ctx.db, manifest, attempt.id, "q9", "a")
        with pytest.raises(LearningError) as bad_position:
            record_position(ctx.db, learner, manifest, "m1-intro", float("nan"), 20.0)
    finally:
        ctx.close()
    with pytest.raises(VideoError) as missing:
        VideoPlayer().load(data_dir.root / "missing.mp4")
    assert str(no_learner.value) == "There is no learner with id 999."
    assert localized(no_learner.value) == "Il n’y a pas d’apprenant numéro 999."
    assert localized(no_question.value) == (
        f"Le quiz «{NBSP}m1-quiz{NBSP}» n’a pas de question «{NBSP}q9{NBSP}»."
    )
    assert str(bad_position.value) == "The position must be a number of seconds."
    assert localized(bad_position.value) == "La position doit être un nombre de secondes."
    assert localized(missing.value) == (
        f"Le fichier vidéo est introuvable{NBSP}: {data_dir.root / 'missing.mp4'}"
    )


def test_the_learning_engine_and_video_player_raise_only_translatable_errors() -> None:
    """A learner meets these errors in the app: each is built from a marked template."""
    import ast

    root = Path(__file__).resolve().parents[2] / "player"
    files = [*sorted((root / "core" / "learning").glob("*.py")), root / "ui" / "video.py"]
    plain = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and isinstance(node.exc.func, ast.Name)
                and node.exc.func.id.endswith("Error")
                and node.exc.func.id not in ("ValueError", "RuntimeError", "TypeError")
            ):
                plain.append(f"{path.relative_to(root)}:{node.lineno}")
    assert plain == []
