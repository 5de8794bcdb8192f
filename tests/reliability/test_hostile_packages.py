"""Hostile packages: a corpus of broken or malicious packages, generated here, each refused.

For every case ``course-player install`` runs as a real child process, its address space capped
at 1 GiB and its run time bounded, with its working and temporary folders inside a watched
parent folder. It must exit non-zero with one ``course-player: error:`` line (no traceback), and
afterwards: the data folder is byte-identical (nothing half-installed, no staging left), nothing
appeared anywhere else, the course installed before is untouched and ``course-player check``
is clean.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import sys
import uuid
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from player.core.context import open_context
from player.core.package.manifest import MAX_FILES, MAX_MANIFEST_BYTES
from player.core.package.pack import pack
from player.core.paths import DataDir
from player.core.trust import generate_key, signer_for
from tests.helpers.courses import MEDIA, document, write_source
from tests.reliability.harness import cli_env, record_outcome, run_child, run_cli, snapshot

AREA = "Hostile packages"
MiB = 1024 * 1024
#: What a zip bomb member inflates to (it compresses to about 1/1000 of that).
BOMB_BYTES = 256 * MiB
#: What a bzip2 bomb member inflates to (it compresses to about 1 KB).
BZIP2_BOMB_BYTES = 1024 * MiB
#: Peak memory (RSS) allowed to a child reading a hostile package (issue 14).
MAX_RSS_MIB = 300
TOKEN = uuid.uuid4().hex[:12]
ESCAPE = f"escape-{TOKEN}.txt"
V2_MEDIA = {name: data + b"\nv2\n" for name, data in MEDIA.items()}


# --------------------------------------------------------------------------- the corpus


@dataclass
class Corpus:
    """The watched parent folder: the data folder, the packages, the children's cwd and TMPDIR."""

    parent: Path
    home: Path
    packages: Path
    work: Path
    tmp: Path
    v1_zip: Path
    v2_zip: Path
    v2_folder: Path
    signed_zip: Path

    def members(self, package: Path | None = None) -> dict[str, bytes]:
        with zipfile.ZipFile(package or self.v2_zip) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    def out(self, name: str, suffix: str = ".zip") -> Path:
        return self.packages / f"{name}{suffix}"


def write_zip(dest: Path, members: dict[str, bytes] | list[tuple[str, bytes]]) -> Path:
    items = members.items() if isinstance(members, dict) else members
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of one case
        with zipfile.ZipFile(dest, "w") as archive:
            for name, data in items:
                archive.writestr(name, data)
    return dest


def manifest_changed(corpus: Corpus, change: Callable[[dict[str, Any]], Any]) -> dict[str, bytes]:
    members = corpus.members()
    doc = json.loads(members["course.json"])
    change(doc)
    members["course.json"] = json.dumps(doc, ensure_ascii=False).encode()
    return members


def central_entries(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(central header offset, local header offset, name) of every member of a zip."""
    end = data.rindex(b"PK\x05\x06")
    count, _, start = struct.unpack("<HII", data[end + 10 : end + 20])
    offset = start
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[offset + 28 : offset + 34])
        (local,) = struct.unpack("<I", data[offset + 42 : offset + 46])
        yield offset, local, data[offset + 46 : offset + 46 + name_len]
        offset += 46 + name_len + extra_len + comment_len


def patch_member(
    path: Path,
    name: str,
    *,
    size: int | None = None,
    flags: int = 0,
    method: int | None = None,
    new_name: bytes | None = None,
) -> Path:
    """Rewrite a member's headers (central and local) in place: lie about its size, set flag
    bits, claim another compression method, or replace its name by other bytes."""
    data = bytearray(path.read_bytes())
    for central, local, raw_name in list(central_entries(bytes(data))):
        if raw_name != name.encode():
            continue
        for header, flag_at, method_at, size_at, name_at in (
            (central, 8, 10, 24, 46),
            (local, 6, 8, 22, 30),
        ):
            (old_flags,) = struct.unpack("<H", data[header + flag_at : header + flag_at + 2])
            data[header + flag_at : header + flag_at + 2] = struct.pack("<H", old_flags | flags)
            if method is not None:
                data[header + method_at : header + method_at + 2] = struct.pack("<H", method)
            if size is not None:
                data[header + size_at : header + size_at + 4] = struct.pack("<I", size)
            if new_name is not None:
                assert len(new_name) == len(raw_name)
                data[header + name_at : header + name_at + len(raw_name)] = new_name
    path.write_bytes(bytes(data))
    return path


def zip_with_stream(
    dest: Path, members: dict[str, bytes], name: str, head: bytes, zeros: int
) -> Path:
    """``members`` stored, plus ``name`` deflated: ``head`` then ``zeros`` zero bytes."""
    members = {k: v for k, v in members.items() if k != name}
    write_zip(dest, members)
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(dest, "a") as archive, archive.open(info, "w") as stream:
        stream.write(head)
        block = bytes(MiB)
        for _ in range(zeros // MiB):
            stream.write(block)
    return dest


# Each builder writes one bad package into the corpus and returns its path.


def zip_slip(corpus: Corpus) -> Path:
    return write_zip(corpus.out("zip-slip"), {**corpus.members(), f"../../{ESCAPE}": b"pwned"})


def zip_slip_nested(corpus: Corpus) -> Path:
    members = {**corpus.members(), f"media/../../../{ESCAPE}": b"pwned"}
    return write_zip(corpus.out("zip-slip-nested"), members)


def absolute_member(corpus: Corpus) -> Path:
    return write_zip(corpus.out("absolute"), {**corpus.members(), f"/tmp/{ESCAPE}": b"pwned"})


def backslash_member(corpus: Corpus) -> Path:
    members = {**corpus.members(), f"..\\..\\{ESCAPE}": b"pwned"}
    return write_zip(corpus.out("backslash"), members)


def dotdot_folder_entry(corpus: Corpus) -> Path:
    return write_zip(corpus.out("dotdot-folder"), {"../evil/": b"", **corpus.members()})


def symlink_member(corpus: Corpus) -> Path:
    dest = corpus.out("symlink-member")
    members = corpus.members()
    members.pop("text/m2.md")
    write_zip(dest, members)
    info = zipfile.ZipInfo("text/m2.md")
    info.external_attr = 0o120777 << 16
    with zipfile.ZipFile(dest, "a") as archive:
        archive.writestr(info, "/etc/passwd")
    return dest


def symlink_manifest(corpus: Corpus) -> Path:
    dest = corpus.out("symlink-manifest")
    members = corpus.members()
    members.pop("course.json")
    write_zip(dest, members)
    info = zipfile.ZipInfo("course.json")
    info.external_attr = 0o120777 << 16
    with zipfile.ZipFile(dest, "a") as archive:
        archive.writestr(info, "/etc/passwd")
    return dest


def zip_bomb(corpus: Corpus) -> Path:
    """A member inflating to 256 MiB where the manifest declares a few kB (header honest)."""
    return zip_with_stream(
        corpus.out("zip-bomb"), corpus.members(), "media/intro.m4a", b"", BOMB_BYTES
    )


def zip_bomb_lying_header(corpus: Corpus) -> Path:
    """The same bomb, its zip headers rewritten to the declared size: only that much is read."""
    name = "media/intro.m4a"
    dest = zip_with_stream(
        corpus.out("zip-bomb-lying"), corpus.members(), name, V2_MEDIA[name], BOMB_BYTES
    )
    return patch_member(dest, name, size=len(V2_MEDIA[name]))


def manifest_bomb(corpus: Corpus) -> Path:
    """``course.json`` inflating to 256 MiB while its header claims 4 kB."""
    dest = zip_with_stream(
        corpus.out("manifest-bomb"), corpus.members(), "course.json", b'{"format": 1,', BOMB_BYTES
    )
    return patch_member(dest, "course.json", size=4096)


def huge_declared_size(corpus: Corpus) -> Path:
    def change(doc: dict[str, Any]) -> None:
        doc["files"]["media/intro.m4a"]["size"] = 2**40

    return write_zip(corpus.out("huge-declared"), manifest_changed(corpus, change))


def hash_mismatch(corpus: Corpus) -> Path:
    members = corpus.members()
    members["text/m1.md"] = bytes([members["text/m1.md"][0] ^ 1]) + members["text/m1.md"][1:]
    return write_zip(corpus.out("hash-mismatch"), members)


def size_mismatch(corpus: Corpus) -> Path:
    return write_zip(corpus.out("size-mismatch"), {**corpus.members(), "text/m2.md": b"short"})


def crc_damaged(corpus: Corpus) -> Path:
    """A stored member whose bytes were damaged on the stick (its CRC no longer matches)."""
    dest = write_zip(corpus.out("crc-damaged"), corpus.members())
    data = bytearray(dest.read_bytes())
    target = V2_MEDIA["media/intro-480.mp4"]
    at = data.index(target) + len(target) // 2
    data[at] ^= 0xFF
    dest.write_bytes(bytes(data))
    return dest


def missing_member(corpus: Corpus) -> Path:
    members = corpus.members()
    members.pop("media/intro-240.mp4")
    return write_zip(corpus.out("missing"), members)


def unlisted_member(corpus: Corpus) -> Path:
    return write_zip(corpus.out("unlisted"), {**corpus.members(), "media/extra.exe": b"MZ..."})


def duplicate_module_ids(corpus: Corpus) -> Path:
    members = manifest_changed(corpus, lambda d: d["modules"][1].update(id="m1"))
    return write_zip(corpus.out("duplicate-modules"), members)


def duplicate_lesson_ids(corpus: Corpus) -> Path:
    members = manifest_changed(corpus, lambda d: d["modules"][1]["lessons"][0].update(id="m1-read"))
    return write_zip(corpus.out("duplicate-lessons"), members)


def duplicate_question_ids(corpus: Corpus) -> Path:
    def change(doc: dict[str, Any]) -> None:
        doc["modules"][0]["lessons"][2]["questions"][1]["id"] = "q1"

    return write_zip(corpus.out("duplicate-questions"), manifest_changed(corpus, change))


def duplicate_zip_entries(corpus: Corpus) -> Path:
    members = list(corpus.members().items()) + [("text/m1.md", b"# Another page\n")]
    return write_zip(corpus.out("duplicate-entries"), members)


def duplicate_manifest_entries(corpus: Corpus) -> Path:
    members = list(corpus.members().items())
    other = json.loads(corpus.members()["course.json"])
    other["title"] = "A second manifest"
    members.append(("course.json", json.dumps(other).encode()))
    return write_zip(corpus.out("duplicate-manifest"), members)


def manifest_traversal(corpus: Corpus) -> Path:
    def change(doc: dict[str, Any]) -> None:
        entry = doc["files"].pop("text/m2.md")
        doc["files"]["../../../etc/passwd"] = entry
        doc["modules"][1]["lessons"][0]["file"] = "../../../etc/passwd"

    return write_zip(corpus.out("manifest-traversal"), manifest_changed(corpus, change))


def manifest_absolute(corpus: Corpus) -> Path:
    def change(doc: dict[str, Any]) -> None:
        doc["files"]["/etc/passwd"] = doc["files"].pop("text/m2.md")
        doc["modules"][1]["lessons"][0]["file"] = "/etc/passwd"

    return write_zip(corpus.out("manifest-absolute"), manifest_changed(corpus, change))


def huge_manifest(corpus: Corpus) -> Path:
    members = manifest_changed(corpus, lambda d: d.update(padding="x" * (MAX_MANIFEST_BYTES + 10)))
    dest = corpus.out("huge-manifest")
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return dest


def too_many_files(corpus: Corpus) -> Path:
    def change(doc: dict[str, Any]) -> None:
        entry = doc["files"]["text/m2.md"]
        for index in range(MAX_FILES + 1):
            doc["files"][f"x/{index}.md"] = entry

    return write_zip(corpus.out("too-many-files"), manifest_changed(corpus, change))


def deep_nesting(corpus: Corpus) -> Path:
    depth = 200_000
    text = b'{"format": 1, "x": ' + b"[" * depth + b"]" * depth + b"}"
    return write_zip(corpus.out("deep-nesting"), {**corpus.members(), "course.json": text})


def manifest_not_object(corpus: Corpus) -> Path:
    return write_zip(corpus.out("manifest-list"), {**corpus.members(), "course.json": b"[1, 2]"})


def manifest_latin1(corpus: Corpus) -> Path:
    members = corpus.members()
    doc = json.loads(members["course.json"])
    doc["title"] = "Cours d'été"
    members["course.json"] = json.dumps(doc, ensure_ascii=False).encode("latin-1")
    return write_zip(corpus.out("manifest-latin1"), members)


def name_bad_utf8(corpus: Corpus) -> Path:
    """A member name flagged UTF-8 whose bytes are not UTF-8."""
    dest = write_zip(corpus.out("name-bad-utf8"), corpus.members())
    return patch_member(dest, "text/m2.md", flags=0x800, new_name=b"text/\xff\xfe.md")


def name_cp437(corpus: Corpus) -> Path:
    """A listed member whose name was stored in a legacy code page (no UTF-8 flag)."""
    members = corpus.members()
    data = members.pop("text/m2.md")
    dest = write_zip(corpus.out("name-cp437"), {**members, "text/m2.md": data})
    return patch_member(dest, "text/m2.md", new_name=b"text/\x82\x8a.md")


def encrypted_member(corpus: Corpus) -> Path:
    dest = write_zip(corpus.out("encrypted"), corpus.members())
    return patch_member(dest, "media/intro.m4a", flags=0x1)


def compressed_member(corpus: Corpus, name: str, method: int) -> Path:
    """An honest member compressed with ``method`` (zipfile writes bzip2 and LZMA too)."""
    dest = corpus.out(name)
    members = corpus.members()
    with zipfile.ZipFile(dest, "w") as archive:
        for member, data in members.items():
            compress = method if member == "media/intro.m4a" else zipfile.ZIP_STORED
            archive.writestr(member, data, compress_type=compress)
    return dest


def bzip2_member(corpus: Corpus) -> Path:
    return compressed_member(corpus, "bzip2-member", zipfile.ZIP_BZIP2)


def lzma_member(corpus: Corpus) -> Path:
    return compressed_member(corpus, "lzma-member", zipfile.ZIP_LZMA)


def bzip2_bomb(corpus: Corpus, name: str = "media/intro.m4a", out: str = "bzip2-bomb") -> Path:
    """A member of 1 GiB of zeros in about 1 KB of bzip2, its headers claiming the declared
    size: ``zipfile`` decompresses a bzip2 chunk whole, with no output limit."""
    members = corpus.members()
    declared = len(members.pop(name))
    dest = write_zip(corpus.out(out), members)
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_BZIP2
    with zipfile.ZipFile(dest, "a") as archive, archive.open(info, "w") as stream:
        block = bytes(16 * MiB)
        for _ in range(BZIP2_BOMB_BYTES // len(block)):
            stream.write(block)
    return patch_member(dest, name, size=declared)


def many_entries(corpus: Corpus) -> Path:
    """100,000 empty entries beside the course (zipfile builds an object for each)."""
    items = [*corpus.members().items(), *((f"pad/{i}", b"") for i in range(100_000))]
    return write_zip(corpus.out("many-entries"), items)


def entry_count_lying(corpus: Corpus) -> Path:
    """150,000 entries (8 MB of central directory) while the ZIP64 end record declares 10."""
    items = [*corpus.members().items(), *((f"p/{i}", b"") for i in range(150_000))]
    dest = write_zip(corpus.out("entry-count-lying"), items)
    data = bytearray(dest.read_bytes())
    record = data.rindex(b"PK\x06\x06")
    data[record + 24 : record + 40] = struct.pack("<QQ", 10, 10)
    dest.write_bytes(bytes(data))
    return dest


def manifest_declared_1gb(corpus: Corpus) -> Path:
    dest = write_zip(corpus.out("manifest-1gb"), corpus.members())
    return patch_member(dest, "course.json", size=1024**3)


def unknown_compression(corpus: Corpus) -> Path:
    dest = write_zip(corpus.out("unknown-compression"), corpus.members())
    return patch_member(dest, "media/intro.m4a", method=98)  # PPMd


def threshold_range(corpus: Corpus) -> Path:
    return write_zip(
        corpus.out("threshold-range"),
        manifest_changed(corpus, lambda d: d.update(pass_threshold=7)),
    )


def threshold_negative(corpus: Corpus) -> Path:
    members = manifest_changed(corpus, lambda d: d["modules"][0].update(pass_threshold=-0.5))
    return write_zip(corpus.out("threshold-negative"), members)


def threshold_text(corpus: Corpus) -> Path:
    def change(doc: dict[str, Any]) -> None:
        doc["modules"][0]["lessons"][2]["pass_threshold"] = "0.5"

    return write_zip(corpus.out("threshold-text"), manifest_changed(corpus, change))


def threshold_nan(corpus: Corpus) -> Path:
    members = corpus.members()
    members["course.json"] = members["course.json"].replace(
        b'"pass_threshold": 0.7', b'"pass_threshold": NaN', 1
    )
    assert b"NaN" in members["course.json"]
    return write_zip(corpus.out("threshold-nan"), members)


def newer_format(corpus: Corpus) -> Path:
    return write_zip(
        corpus.out("newer-format"), manifest_changed(corpus, lambda d: d.update(format=99))
    )


def signature_flipped(corpus: Corpus) -> Path:
    members = corpus.members(corpus.signed_zip)
    signature = bytearray(members["course.json.sig"])
    signature[10] ^= 0x01
    members["course.json.sig"] = bytes(signature)
    return write_zip(corpus.out("signature-flipped"), members)


def signature_truncated(corpus: Corpus) -> Path:
    members = corpus.members(corpus.signed_zip)
    members["course.json.sig"] = members["course.json.sig"][:40]
    return write_zip(corpus.out("signature-truncated"), members)


def signed_manifest_altered(corpus: Corpus) -> Path:
    """The manifest edited after signing (here: a passing threshold lowered)."""
    members = corpus.members(corpus.signed_zip)
    members["course.json"] = members["course.json"].replace(
        b'"pass_threshold": 0.7', b'"pass_threshold": 0.1', 1
    )
    return write_zip(corpus.out("signed-altered"), members)


def signature_without_key(corpus: Corpus) -> Path:
    members = {**corpus.members(), "course.json.sig": os.urandom(64)}
    return write_zip(corpus.out("signature-without-key"), members)


def truncated_zip(corpus: Corpus) -> Path:
    dest = corpus.out("truncated")
    dest.write_bytes(corpus.v2_zip.read_bytes()[: corpus.v2_zip.stat().st_size * 2 // 3])
    return dest


def empty_file(corpus: Corpus) -> Path:
    dest = corpus.out("empty")
    dest.write_bytes(b"")
    return dest


def random_bytes(corpus: Corpus) -> Path:
    dest = corpus.out("random")
    dest.write_bytes(b"PK\x03\x04" + os.urandom(64 * 1024))
    return dest


def folder_copy(corpus: Corpus, name: str) -> Path:
    dest = corpus.packages / name
    shutil.copytree(corpus.v2_folder, dest, symlinks=True)
    return dest


def folder_symlink(corpus: Corpus) -> Path:
    """A folder package whose page is a link to a file holding exactly the declared bytes."""
    dest = folder_copy(corpus, "folder-symlink")
    outside = corpus.packages / "folder-symlink-target.md"
    outside.write_bytes(V2_MEDIA["text/m2.md"])
    (dest / "text" / "m2.md").unlink()
    (dest / "text" / "m2.md").symlink_to(outside)
    return dest


def folder_symlinked_dir(corpus: Corpus) -> Path:
    dest = folder_copy(corpus, "folder-symlinked-dir")
    outside = corpus.packages / "folder-symlinked-dir-target"
    shutil.move(dest / "media", outside)
    (dest / "media").symlink_to(outside, target_is_directory=True)
    return dest


def folder_symlink_manifest(corpus: Corpus) -> Path:
    dest = folder_copy(corpus, "folder-symlink-manifest")
    (dest / "course.json").unlink()
    (dest / "course.json").symlink_to("/etc/passwd")
    return dest


@dataclass(frozen=True)
class Case:
    name: str
    fault: str
    build: Callable[[Corpus], Path]
    expect: str  # a regular expression the one-line error must match


CASES = [
    Case("zip-slip", "zip slip: member ../../escape", zip_slip, "Unsafe member"),
    Case("zip-slip-nested", "zip slip: media/../../../escape", zip_slip_nested, "Unsafe member"),
    Case("absolute-member", "absolute member path /tmp/...", absolute_member, "Unsafe member"),
    Case("backslash-member", r"member path ..\..\escape", backslash_member, "Unsafe member"),
    Case("dotdot-folder", "folder entry ../evil/", dotdot_folder_entry, "Unsafe folder"),
    Case("symlink-member", "symlink member -> /etc/passwd", symlink_member, "symbolic link"),
    Case("symlink-manifest", "course.json as a symlink", symlink_manifest, "symbolic link"),
    Case("zip-bomb", "zip bomb: 256 MiB member, kB declared", zip_bomb, "manifest declares"),
    Case(
        "zip-bomb-lying-header",
        "zip bomb whose zip header lies about its size",
        zip_bomb_lying_header,
        "cannot be read|CRC",
    ),
    Case(
        "manifest-bomb",
        "course.json inflating to 256 MiB, header lies",
        manifest_bomb,
        "cannot be read|CRC|not valid JSON",
    ),
    Case("huge-declared-size", "member declared 1 TiB", huge_declared_size, "Not enough free disk"),
    Case("hash-mismatch", "member SHA-256 mismatch", hash_mismatch, "SHA-256"),
    Case("size-mismatch", "member size mismatch", size_mismatch, "bytes"),
    Case("crc-damaged", "member damaged (bad CRC)", crc_damaged, "cannot be read|CRC|SHA-256"),
    Case("missing-member", "member listed but missing", missing_member, "missing"),
    Case("unlisted-member", "member not listed", unlisted_member, "does not list"),
    Case("duplicate-module-ids", "duplicate module ids", duplicate_module_ids, "duplicate module"),
    Case("duplicate-lesson-ids", "duplicate lesson ids", duplicate_lesson_ids, "duplicate lesson"),
    Case(
        "duplicate-question-ids",
        "duplicate question ids",
        duplicate_question_ids,
        "duplicate question",
    ),
    Case("duplicate-zip-entries", "duplicate zip entry", duplicate_zip_entries, "appears twice"),
    Case(
        "duplicate-manifest",
        "two course.json entries",
        duplicate_manifest_entries,
        "appears twice",
    ),
    Case("manifest-traversal", "manifest path ../../../etc/passwd", manifest_traversal, "path"),
    Case("manifest-absolute", "manifest path /etc/passwd", manifest_absolute, "absolute"),
    Case("huge-manifest", "manifest > 8 MiB", huge_manifest, "larger than"),
    Case("too-many-files", "manifest listing 20,001 files", too_many_files, "more than"),
    Case("deep-nesting", "JSON nested 200,000 deep", deep_nesting, "nests deeper"),
    Case("manifest-not-object", "manifest is a JSON list", manifest_not_object, "JSON object"),
    Case("manifest-latin1", "manifest bytes not UTF-8", manifest_latin1, "not UTF-8"),
    Case("name-bad-utf8", "member name flagged UTF-8, not UTF-8", name_bad_utf8, "zip"),
    Case("name-cp437", "member name in a legacy code page", name_cp437, "not list|missing"),
    Case("encrypted-member", "encrypted member", encrypted_member, "is encrypted or"),
    Case(
        "unknown-compression",
        "unknown compression method",
        unknown_compression,
        "unsupported compression method",
    ),
    Case("bzip2-member", "member compressed with bzip2", bzip2_member, "compression method"),
    Case("lzma-member", "member compressed with LZMA", lzma_member, "compression method"),
    Case(
        "bzip2-bomb",
        "bzip2 bomb: 1 GiB of zeros in 1 KB, header lies",
        bzip2_bomb,
        "compression method",
    ),
    Case("many-entries", "100,000 zip entries", many_entries, "entries a course package"),
    Case(
        "entry-count-lying",
        "150,000 entries, the end record declaring 10",
        entry_count_lying,
        "entries a course package",
    ),
    Case(
        "manifest-declared-1gb",
        "course.json declared 1 GiB in its zip header",
        manifest_declared_1gb,
        "larger than",
    ),
    Case("threshold-range", "pass_threshold 7", threshold_range, "between 0 and 1"),
    Case("threshold-negative", "module threshold -0.5", threshold_negative, "between 0 and 1"),
    Case("threshold-text", 'quiz threshold "0.5"', threshold_text, "number between 0 and 1"),
    Case("threshold-nan", "pass_threshold NaN", threshold_nan, "NaN"),
    Case("newer-format", "format 99", newer_format, "format 99"),
    Case("signature-flipped", "signature with a flipped bit", signature_flipped, "does not match"),
    Case("signature-truncated", "signature truncated", signature_truncated, "truncated"),
    Case(
        "signed-manifest-altered",
        "manifest altered after signing",
        signed_manifest_altered,
        "does not match",
    ),
    Case(
        "signature-without-key",
        "signature, no publisher key",
        signature_without_key,
        "publisher.key",
    ),
    Case("truncated-zip", "zip truncated at 2/3", truncated_zip, "not a readable zip"),
    Case("empty-file", "empty file", empty_file, "not a readable zip"),
    Case("random-bytes", "random bytes after a zip magic", random_bytes, "not a readable zip"),
    Case(
        "folder-symlink",
        "folder package: member is a symlink",
        folder_symlink,
        "symbolic link",
    ),
    Case(
        "folder-symlinked-dir",
        "folder package: media/ is a symlink",
        folder_symlinked_dir,
        "symbolic link",
    ),
    Case(
        "folder-symlink-manifest",
        "folder package: course.json is a symlink",
        folder_symlink_manifest,
        "not a regular file",
    ),
]


# --------------------------------------------------------------------------- the test


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    parent = tmp_path_factory.mktemp("hostile")
    packages = parent / "packages"
    packages.mkdir()
    v1_zip = pack(write_source(parent / "src1"), packages / "v1.zip").dest
    src2 = write_source(parent / "src2", document(version=2), V2_MEDIA)
    v2_zip = pack(src2, packages / "v2.zip").dest
    v2_folder = pack(src2, packages / "v2-folder").dest
    key = parent / "publisher.pem"
    generate_key(key)
    signed_src = write_source(
        parent / "src2-signed",
        document(version=2, publisher={"name": "Reliability Test Publisher"}),
        V2_MEDIA,
    )
    signed_zip = pack(signed_src, packages / "v2-signed.zip", sign=signer_for(key)).dest
    result = Corpus(
        parent, parent / "home", packages, parent / "work", parent / "tmp",
        v1_zip, v2_zip, v2_folder, signed_zip,
    )  # fmt: skip
    result.work.mkdir()
    result.tmp.mkdir()
    installed = run_cli(["install", str(v1_zip)], result.home)
    assert installed.returncode == 0, installed.stderr
    # the good packages install: each bad one differs from them by its fault alone
    return result


def installed_state(home: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ctx = open_context(DataDir(home))
    try:
        courses = list(ctx.db.query("SELECT id, version, manifest_sha256 FROM courses ORDER BY id"))
        files = list(ctx.db.query("SELECT * FROM course_files ORDER BY course_id, path"))
        return courses, files
    finally:
        ctx.close()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_package_is_refused_without_harm(case: Case, corpus: Corpus) -> None:
    bad = case.build(corpus)
    home_before = snapshot(corpus.home)
    outside_before = snapshot(corpus.parent, skip=(corpus.home,))
    state_before = installed_state(corpus.home)

    env = cli_env(corpus.home, TMPDIR=str(corpus.tmp))
    run = run_cli(["install", str(bad)], corpus.home, cwd=corpus.work, env=env)
    message = run.one_line_error()
    assert re.search(case.expect, message), message
    assert run.max_rss_mib < MAX_RSS_MIB, f"peak memory {run.max_rss_mib:.0f} MiB"

    assert snapshot(corpus.home) == home_before, "the data folder changed"
    assert snapshot(corpus.parent, skip=(corpus.home,)) == outside_before, "written outside"
    assert not Path("/tmp", ESCAPE).exists() and not Path("/", ESCAPE).exists()
    assert installed_state(corpus.home) == state_before
    check = run_cli(["check"], corpus.home, cwd=corpus.work, env=env)
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr
    assert "Clean:" in check.stderr
    record_outcome(
        AREA,
        case.fault,
        result=f"refused: {message[:160]}",
        figures={
            "package bytes": package_size(bad),
            "seconds": round(run.seconds, 1),
            "peak memory (MiB)": round(run.max_rss_mib),
        },
    )


def package_size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return path.stat().st_size


def test_the_good_packages_of_the_corpus_install(corpus: Corpus, tmp_path: Path) -> None:
    """Control: without their fault, the same packages install (so each refusal is the fault's)."""
    for good in (corpus.v2_zip, corpus.v2_folder, corpus.signed_zip):
        home = tmp_path / f"home-{good.name}"
        run = run_cli(["install", str(corpus.v1_zip)], home)
        assert run.returncode == 0, run.stderr
        run = run_cli(["install", str(good)], home)
        assert run.returncode == 0, run.stderr
        assert "Updated test-course from version 1 to 2" in run.stderr


SCAN = (
    "import sys; from pathlib import Path; from player.core.usb_courses import find_packages; "
    "print(sorted(p.path.name for p in find_packages([Path(sys.argv[1])])))"
)


def test_usb_scan_reads_hostile_packages_within_bounds(corpus: Corpus) -> None:
    """The scan of a stick reads each zip's course.json: a bomb there is skipped, not inflated."""
    stick = corpus.parent / "stick"
    stick.mkdir()
    shutil.copy(corpus.v2_zip, stick / "good.zip")
    hostile = {
        "manifest-1gib-deflated.zip": zip_with_stream(
            corpus.out("scan-manifest-bomb"), corpus.members(), "course.json", b"{", 1024 * MiB
        ),
        "manifest-bzip2-bomb.zip": bzip2_bomb(corpus, "course.json", "scan-bzip2-bomb"),
        "many-entries.zip": many_entries(corpus),
    }
    patch_member(hostile["manifest-1gib-deflated.zip"], "course.json", size=4096)
    for name, path in hostile.items():
        shutil.move(path, stick / name)

    run = run_child(
        [sys.executable, "-c", SCAN, str(stick)], corpus.work, cli_env(corpus.home), timeout=60
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert run.stdout.strip() == "['good.zip']", run.stdout
    assert run.max_rss_mib < MAX_RSS_MIB, f"peak memory {run.max_rss_mib:.0f} MiB"
    record_outcome(
        AREA,
        "USB scan of a stick holding a 1 GiB deflated course.json declared 4 KB, a bzip2 bomb "
        "course.json and 100,000 entries",
        result="the hostile packages are skipped, the good one listed",
        figures={"seconds": round(run.seconds, 1), "peak memory (MiB)": round(run.max_rss_mib)},
    )
