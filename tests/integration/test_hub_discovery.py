"""Hub discovery over real multicast, between two network namespaces joined by a veth pair.

The test makes its own namespaces (``ip netns``) and addresses (10.213.7.0/24), and removes
them; it never touches another interface. Where the kernel or the user may not create
namespaces (no root, a container without CAP_NET_ADMIN) it is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
HUB_IP = "10.213.7.1"
LAPTOP_IP = "10.213.7.2"


@dataclass(frozen=True)
class Pair:
    hub: str
    laptop: str


def ip(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, timeout=30)


@pytest.fixture
def namespaces() -> Iterator[Pair]:
    suffix = uuid.uuid4().hex[:6]
    pair = Pair(f"cphub-{suffix}", f"cplap-{suffix}")
    made = ip("netns", "add", pair.hub)
    if made.returncode != 0:
        pytest.skip(f"cannot create a network namespace here: {made.stderr.strip()}")
    try:
        ip("netns", "add", pair.laptop).check_returncode()
        hub_end, laptop_end = f"vh{suffix}", f"vl{suffix}"
        link = ip("link", "add", hub_end, "type", "veth", "peer", "name", laptop_end)
        if link.returncode != 0:
            pytest.skip(f"cannot create a veth pair here: {link.stderr.strip()}")
        for ns, end, address in ((pair.hub, hub_end, HUB_IP), (pair.laptop, laptop_end, LAPTOP_IP)):
            ip("link", "set", end, "netns", ns).check_returncode()
            ip("-n", ns, "addr", "add", f"{address}/24", "dev", end).check_returncode()
            ip("-n", ns, "link", "set", end, "up").check_returncode()
            ip("-n", ns, "link", "set", "lo", "up").check_returncode()
            ip("-n", ns, "route", "add", "224.0.0.0/4", "dev", end).check_returncode()
        yield pair
    finally:
        ip("netns", "del", pair.laptop)
        ip("netns", "del", pair.hub)


def in_ns(ns: str, *args: str) -> list[str]:
    return ["ip", "netns", "exec", ns, sys.executable, *args]


def test_a_laptop_finds_the_hub_by_mdns_and_reads_its_courses(
    namespaces: Pair, tmp_path: Path
) -> None:
    env = dict(os.environ, COURSE_PLAYER_HOME=str(tmp_path / "hub-home"), PYTHONUNBUFFERED="1")
    log = tmp_path / "hub.log"
    with log.open("wb") as out:
        hub = subprocess.Popen(
            in_ns(namespaces.hub, "-m", "player", "hub", "--code", "NSTEST", "--name",
                  "Atelier Kaolack"),
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while "serving at" not in log.read_text(errors="replace"):
            assert hub.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "the hub did not start"
            time.sleep(0.1)
        assert f"http://{HUB_IP}:8765/" in log.read_text()  # the address learners type
        laptop_env = dict(os.environ, COURSE_PLAYER_HOME=str(tmp_path / "laptop-home"))
        found = subprocess.run(
            in_ns(namespaces.laptop, "-m", "player", "hubs", "--json", "--wait", "4"),
            cwd=REPO, env=laptop_env, capture_output=True, text=True, timeout=90,
        )  # fmt: skip
        assert found.returncode == 0, found.stderr
        hubs = json.loads(found.stdout)
        assert [(h["name"], h["url"]) for h in hubs] == [
            ("Atelier Kaolack", f"http://{HUB_IP}:8765/")
        ], hubs
        listing = subprocess.run(
            in_ns(namespaces.laptop, "-c",
                  "import requests, sys; print(requests.get(sys.argv[1], timeout=10).text)",
                  hubs[0]["url"] + "courses"),
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert listing.returncode == 0, listing.stderr
        assert json.loads(listing.stdout)["hub"] == "Atelier Kaolack"
    finally:
        hub.terminate()
        hub.wait(timeout=20)
