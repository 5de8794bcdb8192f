"""What an offline app update needs: a signed file list of each release, and updates holding
only what changed (packaging/README.md, "App updates, offline").

An app update is the course-update problem again: most of a new release (Qt, libVLC, ICU) is
byte-for-byte the old one. Each release's ``*.files.json`` lists every file of the bundle with
its size and SHA-256, and is signed with a **release key** (``*.files.json.sig``, Ed25519, the
key format of ``course-player keygen``; the app trusts the keys in ``assets/release-keys.txt``).
``delta`` compares the new bundle with an older release's list and writes an update archive
holding the new signed list, only the new and changed files, and ``apply-update.sh``.

On a laptop, ``course-player app-update apply UPDATE`` verifies the signature and every byte,
refuses a downgrade, builds the new version beside the installed one and swaps it in with two
renames (``player/core/appupdate/``); ``apply-update.sh`` does the same with POSIX tools only,
checking the SHA-256 of every file but not the signature.

    python packaging/app_update.py manifest BUNDLE --version V --out FILES.json [--key KEY]
    python packaging/app_update.py sign FILES.json --key KEY
    python packaging/app_update.py delta BUNDLE --old OLD.files.json --new FILES.json --out U.tar.xz
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

from player.core.appupdate.archive import CARRIED_FOLDER, INFO_NAME
from player.core.appupdate.release import (
    APP,
    FORMAT,
    INSTALLED_LIST,
    INSTALLED_SIGNATURE,
    LIST_NAME,
    SIGNATURE_NAME,
    sign_release_list,
)
from player.core.errors import PlayerError
from player.core.trust import load_private_key

APPLY_SCRIPT = Path(__file__).with_name("apply-update.sh")
#: The installed release's own list, copied into the bundle: never part of the list itself.
NOT_LISTED = frozenset({INSTALLED_LIST, INSTALLED_SIGNATURE})


def file_list(bundle: Path) -> dict[str, dict[str, object]]:
    """{relative path: {size, sha256, mode} or {link}} for everything in ``bundle``."""
    files: dict[str, dict[str, object]] = {}
    for folder, dirs, names in os.walk(bundle):
        dirs.sort()
        for name in sorted(names + [d for d in dirs if Path(folder, d).is_symlink()]):
            path = Path(folder, name)
            relative = path.relative_to(bundle).as_posix()
            if relative in NOT_LISTED:
                continue
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
    return {"format": FORMAT, "app": APP, "version": version, "files": file_list(bundle)}


def signature_path(files_json: Path) -> Path:
    return files_json.with_name(files_json.name + ".sig")


def write_signed(document: dict, key: Path, out: Path) -> None:
    """``out`` (the list with its ``key``) and ``out.sig`` (its Ed25519 signature)."""
    data, signature = sign_release_list(document, load_private_key(key))
    out.write_bytes(data)
    signature_path(out).write_bytes(signature)


def delta(
    bundle: Path, new_bytes: bytes, signature: bytes, old: dict, out: Path
) -> tuple[int, int]:
    """Write the update archive; (files carried, bytes carried).

    The signed list goes first, byte for byte: the app verifies it before reading further.
    """
    new = json.loads(new_bytes)
    old_files = old["files"]
    carried = [
        path
        for path, info in new["files"].items()
        if "sha256" in info and old_files.get(path, {}).get("sha256") != info["sha256"]
    ]
    removed = [path for path in old_files if path not in new["files"]]
    top = f"course-player-update-{old['version']}-to-{new['version']}"
    texts: dict[str, bytes] = {
        LIST_NAME: new_bytes,
        SIGNATURE_NAME: signature,
        INFO_NAME: json.dumps(
            {
                "format": FORMAT,
                "from_version": old["version"],
                "version": new["version"],
                "carried": carried,
                "removed": removed,
            },
            indent=1,
        ).encode("utf-8"),
    }
    # Plain-text lists for apply-update.sh (sha256sum's own format; no JSON parser needed).
    plain = {
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
        "REMOVED": "".join(f"./{path}\n" for path in removed),
        "LINKS": "".join(
            f"./{path} {info['link']}\n" for path, info in new["files"].items() if "link" in info
        ),
        "VERSION": f"{new['version']}\n",
        "FROM_VERSION": f"{old['version']}\n",
    }
    texts.update({name: text.encode("utf-8") for name, text in plain.items()})
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in texts.items():
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size = len(data)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
        tar.add(APPLY_SCRIPT, f"{top}/apply-update.sh")
        for path in carried:
            tar.add(bundle / path, f"{top}/{CARRIED_FOLDER}/{path}", recursive=False)
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
    p.add_argument("--key", type=Path, help="sign it with this release key (keygen's PEM file)")
    p = sub.add_parser("sign", help="sign a release's file list with a release key")
    p.add_argument("files_json", type=Path)
    p.add_argument("--key", type=Path, required=True)
    p = sub.add_parser("delta", help="write an update holding only what changed since --old")
    p.add_argument("bundle", type=Path)
    p.add_argument("--old", type=Path, required=True, help="the installed release's files.json")
    p.add_argument("--new", type=Path, help="this release's signed files.json (beside its .sig)")
    p.add_argument("--version", help="this release's version (with no --new; needs --key)")
    p.add_argument("--key", type=Path, help="sign the new list with this release key")
    p.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    try:
        return run(parser, args)
    except PlayerError as error:
        print(f"app_update.py: error: {error}", file=sys.stderr)
        return 1


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "manifest":
        document = manifest(args.bundle, args.version)
        if args.key is not None:
            write_signed(document, args.key, args.out)
        else:
            args.out.write_text(json.dumps(document, indent=1) + "\n", "utf-8")
        return 0
    if args.command == "sign":
        write_signed(json.loads(args.files_json.read_text("utf-8")), args.key, args.files_json)
        print(f"signed {args.files_json} -> {signature_path(args.files_json)}", file=sys.stderr)
        return 0
    old = json.loads(args.old.read_text("utf-8"))
    if args.new is not None:
        if args.key is not None:
            write_signed(json.loads(args.new.read_text("utf-8")), args.key, args.new)
        new_path = args.new
    elif args.version and args.key is not None:
        new_path = args.out.with_name(args.out.name.removesuffix(".tar.xz") + ".files.json")
        write_signed(manifest(args.bundle, args.version), args.key, new_path)
    else:
        parser.error("give --new FILES.json (signed), or --version with --key")
    if not signature_path(new_path).is_file():
        parser.error(f"{new_path} is not signed: run 'sign {new_path} --key KEY' or give --key")
    new_bytes = new_path.read_bytes()
    count, size = delta(
        args.bundle, new_bytes, signature_path(new_path).read_bytes(), old, args.out
    )
    new = json.loads(new_bytes)
    print(
        f"{args.out.name}: {count} changed file(s), {size / 1e6:.1f} MB unpacked, "
        f"{args.out.stat().st_size / 1e6:.1f} MB to carry ({old['version']} -> {new['version']})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
