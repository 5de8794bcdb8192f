"""Size table of a built bundle, by category, and the budget check (issue 19).

    python packaging/size_report.py build/dist/course-player [--archive FILE.tar.xz]

Prints MB on disk per category (symbolic links count once, as the files they point to) and,
with ``--archive``, the size of the archive a user downloads. MB here are MiB (2**20 bytes, the
unit of ``du -sh`` and of the figures in issue 19: "358 MB on disk" was ``du -sh``). Exits 1
when the bundle is above ``DISK_BUDGET`` or the archive above ``ARCHIVE_BUDGET``: the build
fails there.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

MB = 1024 * 1024
DISK_BUDGET = 150 * MB
ARCHIVE_BUDGET = 60 * MB

_VLC = ("libvlc", "libav", "libsw")
#: (category, test on the path inside ``_internal``), first match wins.
CATEGORIES = [
    (
        "Qt (PySide6, Qt libraries and plugins, ICU)",
        lambda p: p.startswith(("PySide6/", "shiboken6/", "libQt6", "libicu")),
    ),
    ("VLC plugins", lambda p: p.startswith("vlc/")),
    ("libVLC and FFmpeg (libavcodec, libavutil...)", lambda p: p.startswith(_VLC)),
    ("data (demo course, icons, app translations)", lambda p: p.startswith(("assets/", "player/"))),
    (
        "other shared libraries (X11, fonts, audio, TLS, SQLite...)",
        lambda p: "/" not in p and p.startswith("lib") and not p.startswith("libpython"),
    ),
    (
        "Python (libpython, stdlib, cryptography, yaml, the hub's aiohttp and zeroconf...)",
        lambda p: True,
    ),
]


def categorise(bundle: Path) -> dict[str, list[int]]:
    """{category: [bytes, files]} for every regular file of ``bundle``."""
    table = {name: [0, 0] for name, _ in CATEGORIES}
    table["executable (app code and stdlib in its archive)"] = [0, 0]
    table["launcher files (desktop entry, icon)"] = [0, 0]
    internal = bundle / "_internal"
    for folder, _dirs, files in os.walk(bundle):
        for name in files:
            path = Path(folder, name)
            if path.is_symlink():
                continue
            size = path.stat().st_size
            if path.parent == bundle:
                key = (
                    "executable (app code and stdlib in its archive)"
                    if name == "course-player"
                    else "launcher files (desktop entry, icon)"
                )
            else:
                relative = path.relative_to(internal).as_posix()
                key = next(n for n, test in CATEGORIES if test(relative))
            table[key][0] += size
            table[key][1] += 1
    return table


def render(table: dict[str, list[int]], archive: Path | None) -> tuple[str, int]:
    total = sum(size for size, _ in table.values())
    lines = ["| category | MB | files |", "|---|---:|---:|"]
    for name, (size, files) in sorted(table.items(), key=lambda kv: -kv[1][0]):
        if files:
            lines.append(f"| {name} | {size / MB:.1f} | {files} |")
    lines.append(f"| **on disk** (budget {DISK_BUDGET / MB:.0f}) | **{total / MB:.1f}** | |")
    if archive is not None:
        lines.append(
            f"| **{archive.name}** (budget {ARCHIVE_BUDGET / MB:.0f}) | "
            f"**{archive.stat().st_size / MB:.1f}** | |"
        )
    return "\n".join(lines), total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--no-budget", action="store_true", help="print only (a bundle of old)")
    args = parser.parse_args()
    table, total = render(categorise(args.bundle), args.archive)
    print(table)
    if args.no_budget:
        return 0
    over = []
    if total > DISK_BUDGET:
        over.append(f"the bundle is {total / MB:.1f} MB on disk, above {DISK_BUDGET / MB:.0f} MB")
    if args.archive is not None and args.archive.stat().st_size > ARCHIVE_BUDGET:
        size = args.archive.stat().st_size / MB
        over.append(f"{args.archive.name} is {size:.1f} MB, above {ARCHIVE_BUDGET / MB:.0f} MB")
    for line in over:
        print(f"over budget: {line}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
