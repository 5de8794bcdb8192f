"""Power cuts: real ``course-player`` processes SIGKILLed at random moments, then run again.

- An update from a local zip killed mid-extraction: the installed version is either the old one
  or the new one, complete (never a mix); ``check`` repairs the leftovers, then finds nothing;
  the next install completes.
- The learning engine killed while recording answers and positions (``crash_round``): nothing
  acknowledged is lost, no event is written twice.
- An install over HTTP (nginx through a throttled proxy) killed 6 times, then resumed: the
  course installs, ``check`` is clean, and the bytes on the wire stay under 1.10 × the package.
"""

from __future__ import annotations

import random
import re
import signal
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from player.core.package.pack import pack
from tests.core.learning_crash_worker import crash_round
from tests.fixtures.faultproxy import FaultProxy
from tests.fixtures.nginx import NginxServer
from tests.helpers.courses import MEDIA, document, write_source
from tests.reliability.harness import (
    ROOT,
    cli_command,
    cli_env,
    installed,
    record_outcome,
    run_cli,
)

AREA = "Kills (SIGKILL)"
MiB = 1024 * 1024
PROGRESS = re.compile(r"^\s*(\d+)%")


def big_media(version: int, sizes: tuple[int, int, int]) -> dict[str, bytes]:
    """The test course's media, its videos made large and incompressible."""
    rng = random.Random(version)
    return dict(
        MEDIA,
        **{
            "media/intro-480.mp4": rng.randbytes(sizes[0]),
            "media/intro-240.mp4": rng.randbytes(sizes[1]),
            "media/intro.m4a": rng.randbytes(sizes[2]),
            "text/m2.md": f"# Version {version}\n".encode(),
        },
    )


def check_twice(home: Path) -> int:
    """``check`` repairs what a kill left (exit 0), then a second run finds nothing at all.

    Returns how many leftovers the first run removed."""
    first = run_cli(["check"], home)
    assert first.returncode == 0, first.stdout + first.stderr
    second = run_cli(["check"], home)
    assert second.returncode == 0 and second.stdout == "", second.stdout + second.stderr
    return len(first.stdout.splitlines())


# --------------------------------------------------------------------------- local zip


@pytest.mark.slow
def test_update_from_zip_killed_mid_extraction(tmp_path: Path) -> None:
    media = {v: big_media(v, (24 * MiB, 12 * MiB, 4 * MiB)) for v in (1, 2)}
    zips = {
        v: pack(write_source(tmp_path / f"src{v}", document(version=v), media[v]),
                tmp_path / f"v{v}.zip").dest
        for v in (1, 2)
    }  # fmt: skip
    rng = random.Random(9)
    moments = [rng.choice(range(0, 101, 10)) for _ in range(6)]
    landed = {"old version kept": 0, "new version complete": 0}
    removed = 0
    for round_number, percent in enumerate(moments):
        home = tmp_path / f"home-{round_number}"
        assert run_cli(["install", str(zips[1])], home).returncode == 0
        child = subprocess.Popen(
            cli_command("install", str(zips[2])),
            env=cli_env(home),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stderr is not None
        try:
            for line in child.stderr:  # progress lines every 10 %
                match = PROGRESS.match(line)
                if match and int(match.group(1)) >= percent:
                    break
            child.send_signal(signal.SIGKILL)
        finally:
            child.wait(timeout=60)
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL, "the install ended before the kill"

        version, members = installed(home)
        assert version in (1, 2)
        assert members == {p: media[version][p] for p in members}
        assert len(members) == len(MEDIA)
        landed["old version kept" if version == 1 else "new version complete"] += 1
        removed += check_twice(home)

        again = run_cli(["install", str(zips[2])], home)
        assert again.returncode == 0, again.stderr
        assert installed(home)[0] == 2
        assert check_twice(home) == 0
    record_outcome(
        AREA,
        "update from a 40 MiB zip killed mid-extraction (at random progress points), then re-run",
        repetitions=len(moments),
        result="installed version always complete (old or new, never a mix); check clean; "
        "the next install completes",
        figures={
            "kill points (%)": moments,
            **landed,
            "leftovers removed by check": removed,
        },
    )


# --------------------------------------------------------------------------- learning engine


@pytest.mark.slow
def test_progress_writes_survive_20_kills(tmp_path: Path) -> None:
    acked = 0
    in_flight = 0
    seeds = [1000 + n for n in range(20)]
    for seed in seeds:
        counts = crash_round(tmp_path, seed)  # asserts: none lost, none twice
        acked += counts["acked"]
        in_flight += counts["in_flight"]
    record_outcome(
        AREA,
        "learner process recording answers/positions/reading time SIGKILLed at random",
        repetitions=len(seeds),
        result="every acknowledged write present, the write in flight whole or absent, "
        "no outbox event twice",
        figures={"acknowledged writes checked": acked, "writes in flight at the kill": in_flight},
    )


# --------------------------------------------------------------------------- over HTTP

RATE = 2_000_000
KILLS = 6


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.parametrize("form", ["folder", "zip"])
def test_http_install_killed_6_times_then_resumed(
    form: str,
    nginx: NginxServer,
    fault_proxy: Callable[..., FaultProxy],
    tmp_path: Path,
) -> None:
    media = big_media(1, (10 * MiB, 1 * MiB, MiB // 2))
    name = uuid.uuid4().hex[:10]
    source = write_source(tmp_path / "src", document(version=1), media)
    folder = nginx.root / name
    if form == "zip":
        folder.mkdir()
        package_bytes = pack(source, folder / "course.zip").dest.stat().st_size
        path, extra, at_480 = f"{name}/course.zip", [], []
    else:
        manifest = pack(source, folder).manifest
        at_480 = [p for p in manifest.files if p not in ("media/intro-240.mp4", "media/intro.m4a")]
        package_bytes = sum(manifest.files[p].size for p in at_480)
        path, extra = f"{name}/course.json", ["--quality", "480"]
    proxy = fault_proxy(nginx.port, rate=RATE)
    home = tmp_path / "home"
    assert run_cli(["list"], home).returncode == 0  # a data folder (with the demo course)
    command = cli_command("install", proxy.url(path), "--yes", "--timeout", "20", *extra)

    rng = random.Random(f"http-{form}")
    moments = sorted(rng.uniform(0.02, 0.95) * package_bytes for _ in range(KILLS))
    killed_at = []
    for moment in moments:
        child = subprocess.Popen(
            command,
            cwd=ROOT,
            env=cli_env(home),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            proxy.wait_for_wire_bytes(max(int(moment), proxy.wire_bytes + 16_384), timeout=120)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
        assert child.returncode == -signal.SIGKILL, "the install ended before the kill"
        killed_at.append(proxy.wait_until_idle())
        assert installed(home)[0] is None

    proxy.rate = None
    done = run_cli(command[3:], home, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "Installed test-course version 1" in done.stderr
    version, members = installed(home)
    assert version == 1
    assert {p: data for p, data in members.items() if data is not None} == {
        p: media[p] for p in (at_480 if form == "folder" else media)
    }
    check = run_cli(["check"], home)
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr
    ratio = proxy.wire_bytes / package_bytes
    assert ratio <= 1.10, f"{proxy.wire_bytes} bytes on the wire for a {package_bytes}-byte package"
    record_outcome(
        AREA,
        f"install over HTTP ({form} form, throttled link) killed at {KILLS} random moments, "
        "then resumed",
        repetitions=KILLS,
        result="course installed, check clean, wire bytes within 1.10 × package",
        figures={
            "package bytes": package_bytes,
            "wire bytes": proxy.wire_bytes,
            "wire / package": round(ratio, 3),
            "bytes lost per kill (in flight, headers)": (proxy.wire_bytes - package_bytes) // KILLS,
            "killed at (wire bytes)": killed_at,
        },
    )
