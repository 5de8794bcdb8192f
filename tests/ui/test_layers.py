"""What may import what inside the UI (docs/architecture.md): the window sits on top, the
operations under the screens know nothing of Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "player" / "ui"


def imported_modules(path: Path) -> set[str]:
    """Every module an ``import`` statement of ``path`` names, function-local ones included."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_only_the_app_imports_the_main_window() -> None:
    # Screens, widgets, operations and the task runner live below the window: a helper two
    # screens share goes down (ui/units.py, widgets/), never up into main_window.py.
    importers = sorted(
        str(path.relative_to(ROOT))
        for path in UI.rglob("*.py")
        if path.name != "main_window.py" and "player.ui.main_window" in imported_modules(path)
    )
    assert importers == ["player/ui/app.py"]


def test_no_screen_imports_the_app() -> None:
    importers = [
        str(path.relative_to(ROOT))
        for path in (UI / "screens").rglob("*.py")
        if "player.ui.app" in imported_modules(path)
    ]
    assert importers == []


def test_ui_operations_load_no_qt() -> None:
    """The operations run on worker threads and return plain data: no Qt in them."""
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts) for path in (UI / "ops").glob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(','.join(sorted(qt)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"UI operations pulled in Qt: {done.stdout}"
