"""The rules the whole team relies on: the core knows nothing of Qt, lint and types are clean.

Ruff's rules (pep8-naming and unused ``noqa`` included) and mypy's settings live in
pyproject.toml; these tests keep CI failing on any new finding.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_imports_no_qt() -> None:
    """Every core module imports without loading PySide6 (the CLI and tests need no display)."""
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "player" / "core").rglob("*.py")
        if path.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"core modules pulled in Qt: {done.stdout}"


def test_ruff_is_clean() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "player", "tests", "bench", "scripts"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:]


def test_ruff_format_is_clean() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "player", "tests", "bench", "scripts"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:]


def test_the_whole_player_is_typed() -> None:
    """mypy over ``player/`` (core, UI and CLI), with the settings in pyproject.toml."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "player"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-4000:]
