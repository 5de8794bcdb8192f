"""``course-player check``: finds damage, repairs it from the original source, keeps progress."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.cli import main
from player.core.context import open_context
from player.core.package.pack import pack
from player.core.paths import DataDir
from tests.helpers.courses import write_source


@pytest.fixture
def installed(tmp_path: Path, home: Path) -> Path:
    write_source(tmp_path / "src")
    package = pack(tmp_path / "src", tmp_path / "course.zip").dest
    assert main(["install", str(package)]) == 0
    return package


def object_of(home: Path, member: str) -> Path:
    ctx = open_context(DataDir(home))
    try:
        path = ctx.member_path("test-course", member)
        assert path is not None
        return path
    finally:
        ctx.close()


def test_clean_folder(installed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "Clean: " in capsys.readouterr().err


def test_damaged_media_is_found_and_refetched_keeping_progress(
    installed: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = open_context(DataDir(home))
    ctx.db.execute(
        "INSERT INTO learners (uuid, name, created_at) VALUES ('u1', 'Awa', '2026-01-01')"
    )
    ctx.close()
    target = object_of(home, "media/intro-240.mp4")
    good = target.read_bytes()
    target.write_bytes(b"X" + good[1:])
    object_of(home, "text/m2.md").unlink()

    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "test-course/media/intro-240.mp4: does not match its SHA-256" in out
    assert "test-course/text/m2.md: missing" in out

    assert main(["check", "--repair"]) == 0
    assert target.read_bytes() == good
    assert object_of(home, "text/m2.md").exists()
    ctx = open_context(DataDir(home))
    assert [r["name"] for r in ctx.db.query("SELECT name FROM learners")] == ["Awa"]
    ctx.close()


def test_repair_without_reachable_source_proposes_reinstall(
    installed: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    object_of(home, "media/intro.m4a").unlink()
    installed.unlink()  # the USB stick is gone
    assert main(["check", "--repair"]) == 1
    assert "re-install" in capsys.readouterr().out


def test_leftovers_and_orphans_are_removed(
    installed: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leftover = home / "staging" / "demo-abc" / "package" / "x.tmp"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"half")
    orphan = home / "objects" / "ff" / ("f" * 64 + ".mp4")
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"nobody uses me")
    resumable = home / "staging" / "partial" / ("a" * 64 + ".part")
    resumable.parent.mkdir(parents=True, exist_ok=True)
    resumable.write_bytes(b"first half")
    Path(str(resumable) + ".resume.json").write_text("{}")

    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "left over by an interrupted operation" in out and "no installed course uses" in out
    assert not leftover.exists() and not orphan.exists()
    assert resumable.exists(), "a resumable download must be kept"


def test_outbox_inconsistency_is_reported(installed: Path, home: Path) -> None:
    ctx = open_context(DataDir(home))
    ctx.db.execute(
        "INSERT INTO outbox (statement_id, kind, event, statement, created_at, state)"
        " VALUES ('id-1', 'course_completed', '{}', '{\"id\": \"other\"}', 'now', 'pending')"
    )
    ctx.close()
    assert main(["check"]) == 1
