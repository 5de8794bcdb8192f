"""Disk full DURING an install, on a real small file system (a tmpfs; needs root).

The up-front free-space check passes, then the disk runs out while files are written:

- from a local zip, with ``COURSE_PLAYER_DISK_MARGIN`` set below zero so that a plan that cannot
  fit passes, and a filler file leaving exactly N pages beyond the new media: the disk runs out
  in a media file, in the manifest or in the database's COMMIT depending on N;
- over HTTP, with no knob at all: another program fills the disk while the download runs.

Every time: one clear error line, nothing half-installed (the data folder's files are as before),
the old version intact and playable, ``check`` clean even on the full disk; once space is freed
the same install completes.
"""

from __future__ import annotations

import errno
import os
import random
import re
import shutil
import signal
import subprocess
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from player.core.install import DISK_MARGIN_ENV
from player.core.package.pack import pack
from tests.fixtures.faultproxy import FaultProxy
from tests.fixtures.nginx import NginxServer
from tests.helpers.courses import MEDIA, document, write_source
from tests.reliability.harness import (
    cli_command,
    cli_env,
    installed,
    record_outcome,
    run_cli,
    snapshot,
)

AREA = "Disk full"
MiB = 1024 * 1024
PAGE = 4096

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root")


@contextmanager
def small_disk(folder: Path, size_mib: int) -> Iterator[Path]:
    folder.mkdir(parents=True)
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mib}m", "tmpfs", str(folder)],
        capture_output=True,
        timeout=30,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def fill(disk: Path, leave: int) -> Path:
    """A filler file leaving ``leave`` bytes free (0: write until the disk refuses)."""
    filler = disk / "filler"
    block = bytes(MiB)
    with open(filler, "wb") as stream:
        try:
            while (free := shutil.disk_usage(disk).free - leave) > 0:
                stream.write(block[: min(MiB, free)])
                stream.flush()
        except OSError as error:
            assert error.errno == errno.ENOSPC and leave == 0
    return filler


def media(version: int, sizes: tuple[int, int, int]) -> dict[str, bytes]:
    rng = random.Random(version)
    big = zip(("media/intro-480.mp4", "media/intro-240.mp4", "media/intro.m4a"), sizes, strict=True)
    return dict(MEDIA, **{name: rng.randbytes(size) for name, size in big})


def assert_old_version_intact(home: Path, v1: dict[str, bytes]) -> None:
    version, members = installed(home)
    assert version == 1 and members == v1


def assert_check_clean(home: Path) -> None:
    check = run_cli(["check"], home)
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr


# --------------------------------------------------------------------------- local zip

#: Free pages left beyond the new media's own pages: from "runs out in the first big file" to
#: "everything fits". The stage where the disk runs out depends on SQLite and tmpfs details;
#: the outcome must not.
ROOM = [-4096, -2048, 0, 4, 7, 8, 9, 10, 12, 14, 16, 24]


@pytest.mark.slow
def test_disk_fills_up_during_a_local_install(tmp_path: Path) -> None:
    v1 = dict(MEDIA)
    v2 = media(2, (16 * MiB, 8 * MiB, 2 * MiB))
    v1_zip = pack(write_source(tmp_path / "src1", document(version=1), v1), tmp_path / "v1.zip")
    v2_src = write_source(tmp_path / "src2", document(version=2), v2)
    v2_pack = pack(v2_src, tmp_path / "v2.zip")
    new_pages = sum(-(-len(v2[p]) // PAGE) for p in v2 if v2[p] != v1.get(p))
    outcomes: dict[str, int] = {}
    for index, room in enumerate(ROOM):
        with small_disk(tmp_path / f"disk-{index}", 64) as disk:
            home = disk / "home"
            assert run_cli(["install", str(v1_zip.dest)], home).returncode == 0
            before = snapshot(home)
            filler = fill(disk, (new_pages + room) * PAGE)
            env = cli_env(home, **{DISK_MARGIN_ENV: str(-(2**40))})
            run = run_cli(["install", str(v2_pack.dest)], home, env=env)
            if run.returncode == 0:
                outcome = "fits"
            else:
                message = run.one_line_error()
                assert re.search(r"disk (is full|filled up)", message), message
                assert snapshot(home) == before, "something was left half-installed"
                assert_old_version_intact(home, v1)
                assert_check_clean(home)  # on the still full disk
                outcome = stage_of(message)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            filler.unlink()
            again = run_cli(["install", str(v2_pack.dest)], home)
            assert again.returncode == 0, again.stderr
            assert installed(home)[0] == 2
            assert_check_clean(home)
    assert sum(n for stage, n in outcomes.items() if stage != "fits") >= len(ROOM) // 2
    record_outcome(
        AREA,
        "disk full during an update from a 26 MiB zip (tmpfs; free space swept from "
        f"{ROOM[0]} to +{ROOM[-1]} pages around the new media)",
        repetitions=len(ROOM),
        result="one-line DiskFullError, data folder unchanged, old version intact, check clean; "
        "after freeing space the same install completes",
        figures={"where the disk ran out": outcomes},
    )


def stage_of(message: str) -> str:
    if "while writing media/" in message:
        return "in a media file"
    if "database or disk is full" in message:
        return "at the database COMMIT"
    if "No space left" in message:
        return "writing the manifest"
    return message[:80]


# --------------------------------------------------------------------------- over HTTP


@pytest.mark.slow
@pytest.mark.integration
def test_another_program_fills_the_disk_during_a_download(
    tmp_path: Path, nginx: NginxServer, fault_proxy: Callable[..., FaultProxy]
) -> None:
    v1 = dict(MEDIA)
    v2 = media(2, (10 * MiB, MiB, MiB // 2))
    name = uuid.uuid4().hex[:10]
    pack(write_source(tmp_path / "src2", document(version=2), v2), nginx.root / name)
    v1_zip = pack(write_source(tmp_path / "src1", document(version=1), v1), tmp_path / "v1.zip")
    package = sum(len(v2[p]) for p in v2 if p not in ("media/intro-240.mp4", "media/intro.m4a"))
    proxy = fault_proxy(nginx.port, rate=3_000_000)
    url = proxy.url(f"{name}/course.json")
    with small_disk(tmp_path / "disk", 64) as disk:
        home = disk / "home"
        assert run_cli(["install", str(v1_zip.dest)], home).returncode == 0
        command = cli_command("install", url, "--yes", "--quality", "480", "--timeout", "20")
        with open(tmp_path / "stderr.txt", "w+") as stderr:
            child = subprocess.Popen(
                command, env=cli_env(home), stdin=subprocess.DEVNULL, stderr=stderr
            )
            try:
                proxy.wait_for_wire_bytes(package // 3, timeout=120)
                filler = fill(disk, 0)  # the disk is full from now on
                code = child.wait(timeout=120)
            finally:
                if child.poll() is None:
                    child.send_signal(signal.SIGKILL)
                    child.wait(timeout=30)
            stderr.seek(0)
            text = stderr.read()
        assert code == 1 and "Traceback" not in text, text
        errors = [line for line in text.splitlines() if line.startswith("course-player: error:")]
        assert len(errors) == 1 and "disk is full" in errors[0], text
        partial = home / "staging" / "partial"
        assert not list(partial.glob("*.part*")), "the partial file keeps the disk full"
        assert_old_version_intact(home, v1)
        assert_check_clean(home)
        wire_at_failure = proxy.wait_until_idle()

        filler.unlink()
        again = run_cli(command[3:], home)
        assert again.returncode == 0, again.stderr
        version, members = installed(home)
        assert version == 2 and members["media/intro-480.mp4"] == v2["media/intro-480.mp4"]
        assert_check_clean(home)
    ratio = proxy.wire_bytes / package
    record_outcome(
        AREA,
        "another program fills the disk during an HTTP download (tmpfs, no test knob)",
        repetitions=1,
        result="one-line error, the partial file discarded (its space given back), old version "
        "intact, check clean; after freeing space the install completes",
        figures={
            "error": errors[0][len("course-player: error: ") :][:100],
            "wire bytes at failure": wire_at_failure,
            "wire / package after resume": round(ratio, 3),
        },
    )
