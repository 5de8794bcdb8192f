"""pack → verify → install → update, and every bad package refused without harm."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from player.cli import main
from player.core.context import Context
from player.core.errors import InstallError, PackageError, PlayerError
from player.core.install import install, open_source, remove, select_files
from player.core.package.pack import pack
from tests.helpers.courses import MEDIA, document, write_source


def install_path(ctx: Context, path: Path, **kwargs: object) -> object:
    source = open_source(str(path))
    try:
        return install(ctx, source, **kwargs)  # type: ignore[arg-type]
    finally:
        source.close()


def snapshot(root: Path) -> dict[str, str]:
    """Every file under root (except the database's WAL files) with its hash."""
    result = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and "player.sqlite3" not in path.name:
            result[path.relative_to(root).as_posix()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return result


@pytest.fixture
def v1_zip(tmp_path: Path) -> Path:
    write_source(tmp_path / "src1")
    return pack(tmp_path / "src1", tmp_path / "course-v1.zip").dest


def test_pack_warns_when_the_course_has_no_activity_base(tmp_path: Path) -> None:
    source = write_source(tmp_path / "src", document())
    result = pack(source, tmp_path / "no-base.zip")
    assert len(result.warnings) == 1 and "activity_base" in result.warnings[0]
    with_base = document()
    with_base["activity_base"] = "https://publisher.example.org/courses/safety"
    source = write_source(tmp_path / "src2", with_base)
    assert pack(source, tmp_path / "base.zip").warnings == []


def test_round_trip_pack_verify_install_update(ctx: Context, tmp_path: Path, v1_zip: Path) -> None:
    result = install_path(ctx, v1_zip)
    assert result.version == 1 and result.fetched_files == len(MEDIA)  # type: ignore[attr-defined]
    played = ctx.member_path("test-course", "media/intro-480.mp4")
    assert played is not None and played.read_bytes() == MEDIA["media/intro-480.mp4"]

    media = dict(MEDIA, **{"text/m2.md": b"# Nouvelle version\n"})
    write_source(tmp_path / "src2", document(version=2), media)
    v2 = pack(tmp_path / "src2", tmp_path / "course-v2").dest  # folder form
    update = install_path(ctx, v2)
    assert update.previous_version == 1 and update.version == 2  # type: ignore[attr-defined]
    assert update.fetched_files == 1  # type: ignore[attr-defined]  # only the changed page
    page = ctx.member_path("test-course", "text/m2.md")
    assert page is not None and page.read_text() == "# Nouvelle version\n"
    assert ctx.manifest("test-course").version == 2
    # the old page's object is no longer referenced, so it was collected
    assert len(ctx.objects.all_paths()) == len(MEDIA)


def test_same_version_again_changes_nothing(ctx: Context, v1_zip: Path) -> None:
    install_path(ctx, v1_zip)
    before = snapshot(ctx.data.root)
    again = install_path(ctx, v1_zip)
    assert again.unchanged  # type: ignore[attr-defined]
    assert snapshot(ctx.data.root) == before


def test_downgrade_is_refused_even_after_remove(ctx: Context, tmp_path: Path, v1_zip: Path) -> None:
    write_source(tmp_path / "src2", document(version=2))
    v2 = pack(tmp_path / "src2", tmp_path / "v2.zip").dest
    install_path(ctx, v2)
    with pytest.raises(InstallError, match="refusing to downgrade"):
        install_path(ctx, v1_zip)
    remove(ctx, "test-course")
    with pytest.raises(InstallError, match="older than version 2"):
        install_path(ctx, v1_zip)
    install_path(ctx, v1_zip, allow_downgrade=True)
    assert ctx.manifest("test-course").version == 1


def test_same_version_with_other_content_is_refused(
    ctx: Context, tmp_path: Path, v1_zip: Path
) -> None:
    install_path(ctx, v1_zip)
    write_source(tmp_path / "other", document(title="Autre contenu"))
    other = pack(tmp_path / "other", tmp_path / "other.zip").dest
    with pytest.raises(InstallError, match="higher version"):
        install_path(ctx, other)


def test_quality_choice_installs_one_source_per_video(ctx: Context, v1_zip: Path) -> None:
    install_path(ctx, v1_zip, quality="240")
    members = ctx.installed_members("test-course")
    assert "media/intro-240.mp4" in members
    assert "media/intro-480.mp4" not in members and "media/intro.m4a" not in members
    assert "media/intro.fr.vtt" in members


def test_select_files_rules(v1_zip: Path) -> None:
    source = open_source(str(v1_zip))
    from player.core.package.manifest import parse_manifest

    manifest = parse_manifest(source.read_manifest_bytes())
    source.close()
    names = lambda q: {e.path for e in select_files(manifest, q)}  # noqa: E731
    assert "media/intro-480.mp4" in names("480") and "media/intro-240.mp4" not in names("480")
    assert "media/intro-240.mp4" in names("360")
    assert "media/intro.m4a" in names("audio") and "media/intro-240.mp4" not in names("audio")
    assert len(names(None)) == len(MEDIA)


def test_remove_keeps_nothing_of_the_course_but_progress_tables(ctx: Context, v1_zip: Path) -> None:
    install_path(ctx, v1_zip)
    remove(ctx, "test-course")
    assert ctx.course_row("test-course") is None
    assert ctx.objects.all_paths() == []
    with pytest.raises(InstallError, match="No course"):
        remove(ctx, "test-course")


# --------------------------------------------------------------------- bad packages


def rezip(src: Path, dest: Path, edit: Callable[[zipfile.ZipFile, dict[str, bytes]], None]) -> Path:
    with zipfile.ZipFile(src) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(dest, "w") as archive:
        edit(archive, members)
    return dest


def write_all(archive: zipfile.ZipFile, members: dict[str, bytes]) -> None:
    for name, data in members.items():
        archive.writestr(name, data)


def manifest_edit(change: Callable[[dict], None]) -> Callable[[zipfile.ZipFile, dict], None]:
    def edit(archive: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        doc = json.loads(members["course.json"])
        change(doc)
        members["course.json"] = json.dumps(doc).encode()
        write_all(archive, members)

    return edit


def add_member(name: str, data: bytes = b"x") -> Callable[[zipfile.ZipFile, dict], None]:
    def edit(archive: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        write_all(archive, members)
        archive.writestr(name, data)

    return edit


def symlink_member(archive: zipfile.ZipFile, members: dict[str, bytes]) -> None:
    members.pop("text/m2.md")
    write_all(archive, members)
    info = zipfile.ZipInfo("text/m2.md")
    info.external_attr = 0o120777 << 16
    archive.writestr(info, "/etc/passwd")


def replace_member(name: str, data: bytes) -> Callable[[zipfile.ZipFile, dict], None]:
    def edit(archive: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        members[name] = data
        write_all(archive, members)

    return edit


def flip_byte(name: str) -> Callable[[zipfile.ZipFile, dict], None]:
    def edit(archive: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        data = bytearray(members[name])
        data[0] ^= 0x01
        members[name] = bytes(data)
        write_all(archive, members)

    return edit


def drop_member(name: str) -> Callable[[zipfile.ZipFile, dict], None]:
    def edit(archive: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        members.pop(name)
        write_all(archive, members)

    return edit


def zip_bomb(archive: zipfile.ZipFile, members: dict[str, bytes]) -> None:
    members.pop("media/intro.m4a")
    write_all(archive, members)
    archive.writestr(
        "media/intro.m4a", b"\0" * (64 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED
    )


def set_path(doc: dict, value: str) -> None:
    doc["modules"][1]["lessons"][0]["file"] = value


BAD_ZIPS: dict[str, tuple[Callable[[zipfile.ZipFile, dict], None], str]] = {
    "dotdot-member": (add_member("../escape.txt"), "Unsafe member"),
    "absolute-member": (add_member("/tmp/escape.txt"), "Unsafe member"),
    "symlink-member": (symlink_member, "symbolic link"),
    "hash-mismatch": (flip_byte("text/m1.md"), "SHA-256"),
    "size-mismatch": (replace_member("text/m2.md", b"short"), "bytes"),
    "missing-member": (drop_member("media/intro-240.mp4"), "missing"),
    "unlisted-member": (add_member("media/extra.mp4"), "does not list"),
    "not-json": (replace_member("course.json", b"{not json"), "not valid JSON"),
    "duplicate-ids": (manifest_edit(lambda d: d["modules"][1].update(id="m1")), "duplicate"),
    "unknown-type": (
        manifest_edit(lambda d: d["modules"][1]["lessons"][0].update(type="x")),
        "unknown lesson type",
    ),
    "answer-not-choice": (
        manifest_edit(lambda d: d["modules"][0]["lessons"][2]["questions"][0].update(answer=["z"])),
        "not one of the choices",
    ),
    "path-leaves": (manifest_edit(lambda d: set_path(d, "../../x.md")), "normalised"),
    "threshold-range": (manifest_edit(lambda d: d.update(pass_threshold=7)), "between 0 and 1"),
    "newer-format": (manifest_edit(lambda d: d.update(format=99)), "format 99"),
    "zip-bomb": (zip_bomb, "declares"),
}


@pytest.mark.parametrize("case", sorted(BAD_ZIPS))
def test_bad_zip_is_refused_and_installed_course_untouched(
    case: str, tmp_path: Path, home: Path, v1_zip: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install", str(v1_zip)]) == 0
    before = snapshot(home)
    edit, message = BAD_ZIPS[case]
    # every member of v2 differs from v1, so nothing can be reused from the store
    v2_media = {name: data + b"\nv2\n" for name, data in MEDIA.items()}
    write_source(tmp_path / "src2", document(version=2), v2_media)
    v2_zip = pack(tmp_path / "src2", tmp_path / "course-v2.zip").dest
    bad = rezip(v2_zip, tmp_path / f"{case}.zip", edit)
    capsys.readouterr()
    outside_before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["install", str(bad)]) != 0
    err = capsys.readouterr().err.strip()
    errors = [line for line in err.splitlines() if "error" in line]
    assert len(errors) == 1 and errors[0].startswith("course-player: error:"), err
    assert message in errors[0] and "Traceback" not in err
    assert snapshot(home) == before, "the installed course and data folder changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == outside_before
    assert not Path("/tmp/escape.txt").exists()
    assert main(["verify", str(v1_zip)]) == 0
    assert ctx_version(home) == 1


def ctx_version(home: Path) -> int:
    from player.core.context import open_context
    from player.core.paths import DataDir

    context = open_context(DataDir(home))
    try:
        return context.manifest("test-course").version
    finally:
        context.close()


def test_truncated_and_non_zip_files(
    tmp_path: Path, home: Path, v1_zip: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(v1_zip.read_bytes()[: v1_zip.stat().st_size // 2])
    text = tmp_path / "notes.zip"
    text.write_text("hello")
    for bad in (truncated, text):
        assert main(["install", str(bad)]) == 1
        err = capsys.readouterr().err
        assert "not a readable zip file" in err and len(err.strip().splitlines()) == 1
    assert main(["install", str(tmp_path / "nowhere.zip")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_verify_names_every_bad_file(
    tmp_path: Path, v1_zip: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = rezip(
        v1_zip,
        tmp_path / "bad.zip",
        replace_member(
            "media/intro.fr.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour a tous\n"
        ),
    )
    assert main(["verify", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "BAD media/intro.fr.vtt" in err and "1 problem" in err
    assert main(["verify", str(v1_zip)]) == 0


def test_cli_list_json_and_remove(
    home: Path, v1_zip: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install", str(v1_zip)]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    course = next(c for c in listing if c["id"] == "test-course")
    assert course["version"] == 1 and course["bytes"] == sum(len(v) for v in MEDIA.values())
    assert main(["remove", "test-course"]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    assert all(c["id"] != "test-course" for c in json.loads(capsys.readouterr().out))


@pytest.mark.skipif(
    os.geteuid() != 0 or sys.platform != "linux", reason="mounting tmpfs needs root"
)
def test_disk_too_full_is_refused_before_writing(tmp_path: Path, v1_zip: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], check=True)
    try:
        env = dict(os.environ, COURSE_PLAYER_HOME=str(mount / "home"))
        done = subprocess.run(
            [sys.executable, "-m", "player", "install", str(v1_zip)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1
        assert "Not enough free disk" in done.stderr and "Traceback" not in done.stderr
        assert list((mount / "home" / "objects").rglob("*.*")) == []
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_errors_are_player_errors_not_tracebacks(tmp_path: Path, home: Path) -> None:
    """The real command, as a user runs it: one line on stderr, exit 1."""
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 broken")
    done = subprocess.run(
        [sys.executable, "-m", "player", "install", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_package_error_types() -> None:
    assert issubclass(PackageError, PlayerError)


def test_smallest_quality_and_reinstall_at_same_quality_is_unchanged(
    ctx: Context, v1_zip: Path
) -> None:
    install_path(ctx, v1_zip, quality="smallest")
    assert "media/intro-240.mp4" in ctx.installed_members("test-course")
    assert "media/intro-480.mp4" not in ctx.installed_members("test-course")
    again = install_path(ctx, v1_zip, quality="smallest")
    assert again.unchanged  # type: ignore[attr-defined]
    switched = install_path(ctx, v1_zip, quality="480")
    assert not switched.unchanged  # type: ignore[attr-defined]
    assert "media/intro-480.mp4" in ctx.installed_members("test-course")
