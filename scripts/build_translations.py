#!/usr/bin/env python3
"""Compile the UI translations: ``assets/i18n/*.ts`` → ``player/ui/i18n/*.qm``.

Run at build or install time (the ``.qm`` files are not in git)::

    .venv/bin/python scripts/build_translations.py          # compile
    .venv/bin/python scripts/build_translations.py --update # refresh .ts from the sources first

Uses ``pyside6-lrelease`` / ``pyside6-lupdate`` from PySide6-Essentials (the same tools are in
the PySide6 package folder as ``lrelease`` / ``lupdate``).

lupdate reads the UI (``tr``/``translate`` calls) and the Qt-free core, where the only markers
are ``QT_TRANSLATE_NOOP("CoreErrors", ...)`` on error templates (see ``player/core/errors.py``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "assets" / "i18n"
QM_DIR = ROOT / "player" / "ui" / "i18n"
SOURCES = (ROOT / "player" / "ui", ROOT / "player" / "core")


def source_files() -> list[str]:
    """Every Python file lupdate reads: the UI, and the core for its error templates."""
    return sorted(str(p) for folder in SOURCES for p in folder.rglob("*.py"))


def tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python, on PATH, or inside the PySide6 package."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    packaged = Path(PySide6.__file__).parent / name
    if packaged.exists():
        return str(packaged)
    raise SystemExit(f"build_translations: cannot find pyside6-{name}; install PySide6-Essentials")


def update_sources() -> None:
    files = source_files()
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run(
            [tool("lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts)],
            check=True,
        )


def compile_all() -> list[Path]:
    built = []
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = QM_DIR / (ts.stem + ".qm")
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run lupdate on the sources first")
    args = parser.parse_args()
    if args.update:
        update_sources()
    for qm in compile_all():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
