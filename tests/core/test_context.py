"""A fresh data folder gets the bundled demo course, once: the CLI's first command installs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.cli import main
from player.core.context import open_context
from player.core.paths import DataDir


def test_opening_a_context_installs_nothing(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "home")
    ctx = open_context(data)  # e.g. a first start that exited at once
    assert ctx.fresh and ctx.course_row("demo-communication") is None
    ctx.close()
    again = open_context(data)
    assert again.fresh  # still no course: the demo comes with the next start
    again.close()


def test_demo_installed_by_the_first_command_only(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list"]) == 0
    assert "demo-communication" in capsys.readouterr().out
    assert main(["remove", "demo-communication"]) == 0
    capsys.readouterr()
    assert main(["list"]) == 0
    assert "demo-communication" not in capsys.readouterr().out  # a removed demo stays removed
    ctx = open_context(DataDir(home))
    assert not ctx.fresh
    ctx.close()
