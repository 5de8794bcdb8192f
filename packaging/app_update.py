"""What an offline app update needs: a file list of each release, and updates holding only what
changed (packaging/README.md, "App updates").

An app update is the course-update problem again: most of a new release (Qt, libVLC, ICU) is
byte-for-byte the old one. Each release's ``*.files.json`` lists every file of the bundle with
its size and SHA-256; ``delta`` compares the new bundle with an older release's list and writes
an update archive holding only the new and changed files, the new list, and ``apply-update.sh``,
which a laptop runs with nothing but POSIX tools:

1. checks every file of the update against the new list (``sha256sum``), before touching the
   installed app;
2. builds the new version beside the old one (unchanged files hard-linked or copied from it,
   each then checked against the list too);
3. swaps the two folders with two renames; the old version stays as ``course-player.previous``
   until the next update, so a failed start can be rolled back by hand.

Only files the old release listed are ever removed: a portable data folder (learners' progress)
and ``portable.txt`` beside the executable come along untouched.

    python packaging/app_update.py manifest BUNDLE --version V --out FILES.json
    python packaging/app_update.py delta BUNDLE --old OLD.files.json --out UPDATE.tar.xz
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

FORMAT = 1
APPLY_SCRIPT = Path(__file__).with_name("apply-update.sh")


def file_list(bundle: Path) -> dict[str, dict[str, object]]:
    """{relative path: {size, sha256} or {link}} for everything in ``bundle``."""
    files: dict[str, dict[str, object]] = {}
    for folder, dirs, names in os.walk(bundle):
        dirs.sort()
        for name in sorted(names + [d for d in dirs if Path(folder, d).is_symlink()]):
            path = Path(folder, name)
            relative = path.relative_to(bundle).as_posix()
            if path.is_symlink():
                files[relative] = {"link": os.readlink(path)}
                continue
            digest = hashlib.sha256()
            with open(path, "rb") as handle:
                while chunk := handle.read(1024 * 1024):
                    digest.update(chunk)
            mode = "755" if os.access(path, os.X_OK) else "644"
            size = path.stat().st_size
            files[relative] = {"size": size, "sha256": digest.hexdigest(), "mode": mode}
    return files


def manifest(bundle: Path, version: str) -> dict[str, object]:
    files = file_list(bundle)
    return {"format": FORMAT, "app": "course-player", "version": version, "files": files}


def delta(bundle: Path, new: dict, old: dict, out: Path) -> tuple[int, int]:
    """Write the update archive; (files carried, bytes carried)."""
    old_files = old["files"]
    carried = [
        path
        for path, info in new["files"].items()
        if "sha256" in info and old_files.get(path, {}).get("sha256") != info["sha256"]
    ]
    top = f"course-player-update-{old['version']}-to-{new['version']}"
    # Plain-text lists for apply-update.sh (sha256sum's own format; no JSON parser needed).
    texts = {
        "files.json": json.dumps({**new, "from_version": old["version"]}, indent=1),
        "SHA256SUMS": "".join(
            f"{info['sha256']}  ./{path}\n"
            for path, info in new["files"].items()
            if "sha256" in info
        ),
        "CARRIED": "".join(f"./{path}\n" for path in carried),
        "CARRIED.sha256": "".join(
            f"{new['files'][path]['sha256']}  ./{path}\n" for path in carried
        ),
        # Only what the old release had and the new one has not: the portable data folder
        # (learners' progress) and portable.txt beside the executable are never touched.
        "REMOVED": "".join(f"./{path}\n" for path in old_files if path not in new["files"]),
        "LINKS": "".join(
            f"./{path} {info['link']}\n" for path, info in new["files"].items() if "link" in info
        ),
        "VERSION": f"{new['version']}\n",
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, text in texts.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        tar.add(APPLY_SCRIPT, f"{top}/apply-update.sh")
        for path in carried:
            tar.add(bundle / path, f"{top}/files/{path}", recursive=False)
    xz = subprocess.run(
        ["xz", "-9", "-T0", "-c"], input=buffer.getvalue(), capture_output=True, check=True
    )
    out.write_bytes(xz.stdout)
    return len(carried), sum(new["files"][p]["size"] for p in carried)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("manifest", help="write the file list of a built bundle")
    p.add_argument("bundle", type=Path)
    p.add_argument("--version", required=True)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("delta", help="write an update holding only what changed since --old")
    p.add_argument("bundle", type=Path)
    p.add_argument("--old", type=Path, required=True, help="the installed release's files.json")
    p.add_argument("--new", type=Path, help="this release's files.json (default: computed)")
    p.add_argument("--version", help="this release's version (with no --new)")
    p.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "manifest":
        args.out.write_text(json.dumps(manifest(args.bundle, args.version), indent=1), "utf-8")
        return 0
    old = json.loads(args.old.read_text("utf-8"))
    if args.new is not None:
        new = json.loads(args.new.read_text("utf-8"))
    elif args.version:
        new = manifest(args.bundle, args.version)
    else:
        parser.error("give --new FILES.json or --version")
    count, size = delta(args.bundle, new, old, args.out)
    print(
        f"{args.out.name}: {count} changed file(s), {size / 1e6:.1f} MB unpacked, "
        f"{args.out.stat().st_size / 1e6:.1f} MB to carry ({old['version']} -> {new['version']})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
