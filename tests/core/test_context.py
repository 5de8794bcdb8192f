"""A fresh data folder gets the bundled demo course, once."""

from __future__ import annotations

from pathlib import Path

from player.core.context import open_context
from player.core.install import remove
from player.core.paths import DataDir


def test_demo_installed_on_first_open_only(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "home")
    early = open_context(data, install_demo=False)  # e.g. a first start that exited at once
    assert early.fresh
    early.close()
    ctx = open_context(data)
    assert ctx.course_row("demo-communication") is not None
    remove(ctx, "demo-communication")
    ctx.close()
    again = open_context(data)
    assert not again.fresh and again.course_row("demo-communication") is None
    again.close()
