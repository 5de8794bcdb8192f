"""Core errors: English one-liners for the CLI, template and parameters kept for the UI."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from player.core.errors import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    DiskFullError,
    FormatTooNewError,
    InstallError,
    PackageError,
    Phrase,
    PlayerError,
    TransferError,
)
from player.core.package.manifest import parse_manifest
from player.core.package.reader import ZipSource
from player.core.progress import ByteCount
from player.core.transfer import HttpStatusError, ensure_free_space
from tests.helpers.courses import document

CORE = Path(__file__).resolve().parents[2] / "player" / "core"


def test_str_is_the_english_template_filled_in_on_one_line() -> None:
    error = InstallError.of(
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "{course} version {version} is older than version {highest}\n   already installed.",
        ),
        course="hygiene",
        version=1,
        highest=3,
    )
    assert isinstance(error, InstallError)
    assert str(error) == "hygiene version 1 is older than version 3 already installed."
    assert error.template.startswith("{course} version {version}")
    assert error.params == {"course": "hygiene", "version": 1, "highest": 3}


def test_a_plain_error_has_no_template() -> None:
    error = PlayerError("An author's detail:\n  modules[0].id is missing.")
    assert str(error) == "An author's detail: modules[0].id is missing."
    assert error.template is None and error.params == {}


def test_a_subclass_keeps_its_own_constructor_arguments() -> None:
    error = HttpStatusError.of(
        QT_TRANSLATE_NOOP("CoreErrors", "Cannot fetch {name}: the server answered {status}."),
        404,
        name="course.zip",
        status=404,
    )
    assert error.status == 404
    assert str(error) == "Cannot fetch course.zip: the server answered 404."


def test_sizes_phrases_and_causes_read_as_english_text() -> None:
    cause = PackageError.of(QT_TRANSLATE_NOOP("CoreErrors", "{path} does not exist."), path="x")
    reason = Phrase(QT_TRANSLATE_NOOP("CoreErrors", "the connection was refused"))
    error = TransferError.of(
        "{needed} needed; {reason}; ({cause})",
        needed=ByteCount(2_700_000),
        reason=reason,
        cause=cause,
    )
    assert str(error) == "2.7 MB needed; the connection was refused; (x does not exist.)"
    assert f"{ByteCount(512)}" == "512 B" and ByteCount(512) + 1 == 513


def test_a_real_disk_full_error(tmp_path: Path) -> None:
    with pytest.raises(DiskFullError) as caught:
        ensure_free_space(tmp_path, 10**18)
    error = caught.value
    assert str(error).startswith("Not enough free disk: 1000000000.0 GB needed, ")
    assert str(error).endswith(f" free in {tmp_path}.")
    assert error.template == "Not enough free disk: {needed} needed, {free} free in {folder}."
    assert isinstance(error.params["needed"], ByteCount)


def test_a_real_format_too_new_error() -> None:
    with pytest.raises(FormatTooNewError) as caught:
        parse_manifest(json.dumps(document(format=2)).encode(), origin="course.json")
    assert str(caught.value) == (
        "course.json uses package format 2, but this app reads formats up to 1; "
        "please update the course player."
    )
    assert caught.value.params == {"origin": "course.json", "format": 2, "supported": 1}


def test_a_real_unreadable_zip(tmp_path: Path) -> None:
    path = tmp_path / "course.zip"
    path.write_text("not a zip")
    with pytest.raises(PackageError) as caught:
        ZipSource(path)
    assert str(caught.value) == (
        f"{path} is not a readable zip file (truncated or damaged: File is not a zip file)."
    )
    assert caught.value.params["path"] == str(path)


def _marked_calls() -> list[tuple[Path, int, ast.Call, ast.Call]]:
    """Every ``X.of(QT_TRANSLATE_NOOP(...), ...)`` and ``Phrase(QT_TRANSLATE_NOOP(...), ...)``."""
    found = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            marker = node.args[0]
            if not (
                isinstance(marker, ast.Call)
                and getattr(marker.func, "id", "") == "QT_TRANSLATE_NOOP"
            ):
                continue
            found.append((path, node.lineno, node, marker))
    return found


def test_every_marked_template_is_a_literal_whose_placeholders_are_given() -> None:
    """lupdate extracts only literals; a missing or misspelled parameter would fail at raise."""
    calls = _marked_calls()
    assert len(calls) > 80
    problems = []
    for path, line, call, marker in calls:
        where = f"{path.relative_to(CORE)}:{line}"
        context, text = marker.args
        if not (isinstance(context, ast.Constant) and context.value == CONTEXT):
            problems.append(f"{where}: context is not {CONTEXT!r}")
        if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            problems.append(f"{where}: the template is not a string literal")
            continue
        fields = {name for _, name, _, _ in string.Formatter().parse(text.value) if name}
        given = {keyword.arg for keyword in call.keywords}
        if fields != given:
            problems.append(
                f"{where}: placeholders {sorted(fields)} but parameters {sorted(given)}"
            )
    assert problems == []
