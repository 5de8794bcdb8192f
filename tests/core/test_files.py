"""``atomic_write``: the old file or the new one, never half of either, and nothing left over."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from player.core.files import atomic_write


def test_the_new_content_replaces_the_old_only_when_writing_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("old")
    with pytest.raises(RuntimeError), atomic_write(path, "w") as stream:
        stream.write("half of the new")
        raise RuntimeError("the disk filled up")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]  # no temporary left

    with atomic_write(path, "w") as stream:
        stream.write("new é")
    assert path.read_text(encoding="utf-8") == "new é"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_binary_text_newlines_and_private_files(tmp_path: Path) -> None:
    with atomic_write(tmp_path / "data.bin") as stream:
        stream.write(b"\x00\x01")
    assert (tmp_path / "data.bin").read_bytes() == b"\x00\x01"
    with atomic_write(tmp_path / "README.txt", "w", newline="\r\n") as stream:
        stream.write("one\ntwo\n")
    assert (tmp_path / "README.txt").read_bytes() == b"one\r\ntwo\r\n"
    with atomic_write(tmp_path / "secret.json", "w", file_mode=0o600) as stream:
        stream.write("{}")
    assert stat.S_IMODE((tmp_path / "secret.json").stat().st_mode) == 0o600
