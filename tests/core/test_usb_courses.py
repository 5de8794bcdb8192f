"""USB: export an installed course as a verified zip, install it elsewhere, find packages."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.cli import main
from player.core.context import Context, open_context
from player.core.errors import DiskFullError, PackageError, TransferError
from player.core.install import InstallResult, install, open_source
from player.core.package.manifest import MANIFEST_NAME, SIGNATURE_NAME
from player.core.package.pack import pack
from player.core.package.reader import MAX_ZIP_ENTRIES
from player.core.paths import DataDir
from player.core.progress import Progress
from player.core.trust import generate_key, pinned_key, publisher_info, signer_for
from player.core.usb_courses import (
    README_NAME,
    FoundPackage,
    candidate_mount_points,
    export_course,
    find_packages,
)
from tests.helpers.courses import MEDIA, document, write_source


def install_path(ctx: Context, path: Path, **kwargs: object) -> InstallResult:
    source = open_source(str(path))
    try:
        return install(ctx, source, **kwargs)  # type: ignore[arg-type]
    finally:
        source.close()


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "player.sqlite3" not in p.name
    }


@pytest.fixture
def signed_package(tmp_path: Path) -> tuple[Path, str]:
    key = tmp_path / "publisher.key"
    public = generate_key(key)
    source = write_source(tmp_path / "src", document(publisher={"name": "Éditeur"}))
    return pack(source, tmp_path / "original.zip", sign=signer_for(key)).dest, public


@pytest.fixture
def installed(ctx: Context, signed_package: tuple[Path, str]) -> Context:
    install_path(ctx, signed_package[0])
    return ctx


@pytest.fixture
def mount_tmpfs(tmp_path: Path) -> Iterator:
    """Mount small tmpfs file systems standing in for USB sticks (needs root)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs stick needs root")
    mounted: list[Path] = []

    def mount(name: str, size: str, *, read_only: bool = False) -> Path:
        point = tmp_path / name
        point.mkdir()
        options = f"size={size}" + (",ro" if read_only else "")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", str(point)], check=False)


def test_export_then_install_on_a_second_data_folder(
    installed: Context, tmp_path: Path, signed_package: tuple[Path, str]
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    before = snapshot(installed.data.root)
    seen: list[Progress] = []
    result = export_course(installed, "test-course", stick, progress=seen.append)
    assert result.path == stick / "test-course-v1.zip" and result.signed
    assert seen and seen[-1].done == seen[-1].total
    assert snapshot(installed.data.root) == before  # the source is only read
    assert sorted(p.name for p in stick.iterdir()) == [README_NAME, "test-course-v1.zip"]

    # the exact installed manifest and signature travel
    row = installed.course_row("test-course")
    folder = installed.manifest_folder("test-course", row["manifest_sha256"])
    with zipfile.ZipFile(result.path) as archive:
        assert archive.read(MANIFEST_NAME) == (folder / MANIFEST_NAME).read_bytes()
        assert archive.read(SIGNATURE_NAME) == (folder / SIGNATURE_NAME).read_bytes()
        assert archive.getinfo("media/intro-480.mp4").compress_type == zipfile.ZIP_STORED

    other = open_context(DataDir(tmp_path / "laptop-b"))
    try:
        assert install_path(other, result.path).version == 1
        assert other.course_row("test-course")["manifest_sha256"] == row["manifest_sha256"]
        assert publisher_info(other, "test-course")["signed"] is True  # checked at install
        assert pinned_key(other.db, "test-course") == signed_package[1]
        page = other.member_path("test-course", "text/m2.md")
        assert page is not None and page.read_bytes() == MEDIA["text/m2.md"]
    finally:
        other.close()


def test_readme_in_french_and_english(installed: Context, tmp_path: Path) -> None:
    result = export_course(installed, "test-course", tmp_path / "copy.zip")
    assert result.path == tmp_path / "copy.zip"
    text = result.readme.read_text(encoding="utf-8")
    assert "[Français]" in text and "[English]" in text
    assert 'course-player install "copy.zip"' in text
    assert "Installer" in text and "Install" in text


def test_cli_export(home: Path, tmp_path: Path, signed_package: tuple[Path, str], capsys) -> None:
    assert main(["install", str(signed_package[0])]) == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    assert main(["export", "test-course", str(stick)]) == 0
    assert "verified" in capsys.readouterr().err
    assert (stick / "test-course-v1.zip").is_file()
    assert main(["export", "nothing-here", str(stick)]) == 1
    assert main(["export", "test-course", str(tmp_path / "no-such-folder")]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_a_course_installed_with_one_quality_is_not_exported(
    ctx: Context, tmp_path: Path, signed_package: tuple[Path, str]
) -> None:
    install_path(ctx, signed_package[0], quality="240")
    with pytest.raises(PackageError, match="only some video qualities") as refused:
        export_course(ctx, "test-course", tmp_path)
    assert "media/intro-480.mp4" in str(refused.value)
    assert list(tmp_path.glob("*.zip")) == [signed_package[0]]


def test_a_damaged_object_is_not_exported(installed: Context, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    entry = installed.manifest("test-course").files["text/m2.md"]
    damaged = installed.objects.path_for(entry)
    data = bytearray(damaged.read_bytes())
    data[0] ^= 1
    damaged.write_bytes(bytes(data))
    with pytest.raises(PackageError, match="damaged in the data folder"):
        export_course(installed, "test-course", stick)
    assert list(stick.iterdir()) == []


def test_read_only_stick(installed: Context, mount_tmpfs) -> None:
    stick = mount_tmpfs("ro-stick", "4m", read_only=True)
    with pytest.raises(TransferError, match="read-only") as refused:
        export_course(installed, "test-course", stick)
    assert "\n" not in str(refused.value)
    assert list(stick.iterdir()) == []


def test_stick_too_small_is_refused_before_writing(installed: Context, mount_tmpfs) -> None:
    stick = mount_tmpfs("small-stick", "1m")
    with pytest.raises(DiskFullError, match="free; test-course needs"):
        export_course(installed, "test-course", stick)
    assert list(stick.iterdir()) == []


def test_stick_filling_up_during_the_copy(installed: Context, mount_tmpfs) -> None:
    stick = mount_tmpfs("full-stick", "4m")
    before = snapshot(installed.data.root)

    def someone_else_fills_the_stick(_: Progress) -> None:
        filler = stick / "filler.bin"
        if not filler.exists():
            free = shutil.disk_usage(stick).free
            with open(filler, "wb") as out:
                out.write(b"\0" * (free - 8 * 1024))

    with pytest.raises(DiskFullError, match="is full; the copy was removed") as refused:
        export_course(installed, "test-course", stick, progress=someone_else_fills_the_stick)
    assert "\n" not in str(refused.value)
    assert sorted(p.name for p in stick.iterdir()) == ["filler.bin"]  # no partial copy
    assert snapshot(installed.data.root) == before


def test_stick_removed_during_the_copy(installed: Context, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    folder = stick / "courses"
    folder.mkdir(parents=True)
    before = snapshot(installed.data.root)

    def pull_the_stick(_: Progress) -> None:
        shutil.rmtree(folder, ignore_errors=True)

    with pytest.raises(TransferError, match="stick removed"):
        export_course(installed, "test-course", folder, progress=pull_the_stick)
    assert list(stick.iterdir()) == []
    assert snapshot(installed.data.root) == before


def test_find_packages_on_a_folder_standing_in_for_a_mount_point(
    installed: Context, tmp_path: Path, signed_package: tuple[Path, str]
) -> None:
    stick = tmp_path / "stick"
    (stick / "cours").mkdir(parents=True)
    (stick / "deep" / "er" / "still").mkdir(parents=True)
    export_course(installed, "test-course", stick)
    shutil.copy(signed_package[0], stick / "cours" / "copie.zip")
    shutil.copy(signed_package[0], stick / "deep" / "er" / "still" / "too-deep.zip")
    unsigned_src = write_source(tmp_path / "u", document(id="autre-cours", title="Autre"))
    pack(unsigned_src, stick / "autre.zip")
    with zipfile.ZipFile(stick / "photos.zip", "w") as other:
        other.writestr("photo.jpg", b"jpeg")
    (stick / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    (stick / ".test-course-v2.zip.partial").write_bytes(b"partial")

    found = find_packages([stick])
    assert [(p.path.name, p.course_id, p.signed) for p in found] == [
        ("autre.zip", "autre-cours", False),
        ("copie.zip", "test-course", True),
        ("test-course-v1.zip", "test-course", True),
    ]
    first = found[1]
    assert isinstance(first, FoundPackage)
    assert first.title == "Cours d'essai" and first.version == 1
    assert (
        first.publisher == "Éditeur"
        and first.size == (stick / "cours" / "copie.zip").stat().st_size
    )
    assert find_packages([tmp_path / "unplugged"]) == []
    assert len(find_packages([stick, stick])) == 3  # a drive listed twice counts once


def test_candidate_mount_points_are_existing_folders() -> None:
    for point in candidate_mount_points():
        assert point.is_dir()


def test_scan_skips_a_zip_it_would_not_install(tmp_path: Path):
    """A bzip2 course.json or too many entries: the library never offers such a stick's zip."""
    stick = tmp_path / "stick"
    stick.mkdir()
    source = write_source(tmp_path / "src")
    good = pack(source, stick / "good.zip").dest
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(stick / "bzip2.zip", "w", zipfile.ZIP_BZIP2) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with zipfile.ZipFile(stick / "crowded.zip", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for i in range(MAX_ZIP_ENTRIES):
            archive.writestr(f"pad/{i}", b"")
    assert [found.path.name for found in find_packages([stick])] == ["good.zip"]
