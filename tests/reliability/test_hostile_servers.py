"""Hostile servers (issue 14, bounded reads): a web server that would make an install endless.

``course-player install URL`` runs as a child process (1 GiB of address space) against a real
local server on loopback (``tests/fixtures/hostile_http.py``; nginx for the plain-http side of a
redirect). Each must exit with one error line, having received a bounded number of bytes, with
nothing left in the data folder's staging area and ``check`` clean. The server answers 404 to
everything once it has sent 64 MiB, so an unbounded client fails the test instead of hanging.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from player.core.package.pack import pack
from player.core.transfer import WIRE_SLACK, wire_budget
from tests.fixtures.hostile_http import HostileServer
from tests.fixtures.nginx import NginxServer
from tests.helpers.courses import MEDIA, document, write_source
from tests.reliability.harness import cli_env, record_outcome, run_cli

pytestmark = pytest.mark.integration

AREA = "Hostile servers"
MiB = 1024 * 1024
#: Socket buffers on loopback: bytes a server may have written that the client never read.
IN_FLIGHT = 8 * MiB


@dataclass(frozen=True)
class Package:
    zip: Path
    folder: Path


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Package:
    """A course whose zip is about 3 MiB (incompressible video), in zip and folder form."""
    parent = tmp_path_factory.mktemp("hostile-servers")
    media = dict(MEDIA, **{"media/intro-480.mp4": os.urandom(3 * MiB)})
    source = write_source(parent / "src", document(), media)
    return Package(pack(source, parent / "course.zip").dest, pack(source, parent / "folder").dest)


def refused(
    url: str, home: Path, *extra: str, expect: str, ca_bundle: Path | None = None
) -> tuple[str, float, float]:
    """Install ``url``; returns (error line, seconds, peak MiB) after checking nothing is left."""
    args = ["install", url, "--yes", "--timeout", "20", *extra]
    if ca_bundle is not None:
        args += ["--ca-bundle", str(ca_bundle)]
    # The environment's bundle must not replace --ca-bundle (requests lets it by default).
    env = cli_env(home, REQUESTS_CA_BUNDLE="/etc/ssl/certs/ca-certificates.crt")
    run = run_cli(args, home, env=env)
    message = run.one_line_error()
    assert re.search(expect, message), message
    staging = home / "staging"
    left = [p for p in staging.rglob("*") if p.is_file()] if staging.exists() else []
    assert left == [], left
    check = run_cli(["check"], home)
    assert check.returncode == 0 and "Clean:" in check.stderr, check.stderr
    return message, run.seconds, run.max_rss_mib


def test_endless_chunked_body_without_a_size(
    hostile_server: Callable[..., HostileServer], tmp_path: Path
) -> None:
    server = hostile_server()
    url = server.endless("/endless/course.zip")
    message, seconds, rss = refused(
        url, tmp_path / "home", "--max-bytes", "2000000", expect="larger than the 2.0 MB allowed"
    )
    assert server.body_bytes <= 2_000_000 + IN_FLIGHT
    record_outcome(
        AREA,
        "endless chunked .zip body, no Content-Length, install --max-bytes 2000000",
        result=f"refused: {message}",
        figures={
            "bytes the server wrote (some never read)": server.body_bytes,
            "seconds": round(seconds, 1),
        },
    )


def test_etag_changing_on_every_request(
    hostile_server: Callable[..., HostileServer], tmp_path: Path, package: Package
) -> None:
    data = package.zip.read_bytes()
    server = hostile_server()
    url = server.changing("/changing/course.zip", data, cut=len(data) // 10)
    message, seconds, _ = refused(url, tmp_path / "home", expect="start over 5 times")
    assert server.body_bytes <= wire_budget(len(data))
    record_outcome(
        AREA,
        "a .zip with a new ETag on every request, the link dropping at 10 % of each try",
        result=f"refused after 5 restarts: {message}",
        figures={
            "requests": server.requests,
            "bytes the server wrote ÷ package (some never read)": round(
                server.body_bytes / len(data), 2
            ),
            "seconds": round(seconds, 1),
        },
    )


def test_wire_budget_across_restarts(
    hostile_server: Callable[..., HostileServer], tmp_path: Path, package: Package
) -> None:
    data = package.zip.read_bytes()
    server = hostile_server()
    url = server.changing("/almost/course.zip", data, cut=len(data) * 9 // 10)
    message, seconds, _ = refused(url, tmp_path / "home", expect="more than the .* allowed")
    assert server.body_bytes <= wire_budget(len(data)) + len(data)
    record_outcome(
        AREA,
        "a .zip with a new ETag on every request, the link dropping at 90 % of each try",
        result=f"refused at the wire budget (2 × size + {WIRE_SLACK // MiB} MiB): {message}",
        figures={
            "requests": server.requests,
            "bytes the server wrote ÷ package (some never read)": round(
                server.body_bytes / len(data), 2
            ),
            "seconds": round(seconds, 1),
        },
    )


def test_https_redirect_to_plain_http(
    hostile_server: Callable[..., HostileServer],
    nginx: NginxServer,
    tmp_path: Path,
    package: Package,
) -> None:
    name = f"plain-{os.urandom(4).hex()}"
    shutil.copytree(package.folder, nginx.root / name)
    server = hostile_server(tls=True)
    url = server.redirect("/course/course.json", nginx.url(f"{name}/course.json"))
    message, seconds, _ = refused(
        url, tmp_path / "home", expect="from https to plain http", ca_bundle=server.ca_file
    )
    assert not [line for line in nginx.access_log() if f"/{name}/" in line]
    record_outcome(
        AREA,
        "https course URL redirected (302) to plain http",
        result=f"refused before any request over http: {message}",
        figures={"seconds": round(seconds, 1)},
    )
