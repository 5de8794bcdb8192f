"""Hostile publishers (issue 14): packages that lie about who made them, each given to the CLI.

Every case starts from a fresh data folder, sets up what the laptop already has (trusted keys,
installed courses) through the real ``course-player`` command, then runs the hostile step as a
child process. A refusal must be one ``course-player: error:`` line with nothing changed (files,
installed courses, pins and version floors); an acceptance must show exactly what the laptop
knows ("signed by an unknown publisher", or the trusted name). See docs/security.md.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from player.core.context import open_context
from player.core.package.pack import pack
from player.core.paths import DataDir
from player.core.trust import generate_key, short_fingerprint, signer_for
from tests.helpers.courses import document, write_source
from tests.reliability.harness import CliRun, record_outcome, run_cli, snapshot

AREA = "Hostile publishers"
NAME = "Association Écoute"
FULLWIDTH = "ＡＳＳＯＣＩＡＴＩＯＮ ÉCOUTE"
LOOK_ALIKE = "\u0410ssociation Écoute"  # a Cyrillic А


@dataclass
class Lab:
    """Keys and a place to pack packages; ``home`` is the laptop's data folder."""

    root: Path
    home: Path
    real: Path
    real_public: str
    squatter: Path
    squatter_public: str

    def package(self, label: str, key: Path | None, *, version: int, name: str = NAME) -> Path:
        doc = document(publisher={"name": name}, version=version)
        source = write_source(self.root / f"src-{label}", doc)
        sign = signer_for(key) if key else None
        return pack(source, self.root / f"{label}.zip", sign=sign).dest

    def cli(self, *args: str) -> CliRun:
        return run_cli(list(args), self.home)

    def ok(self, *args: str) -> CliRun:
        run = self.cli(*args)
        assert run.returncode == 0, run.stderr
        return run

    def trust_real(self) -> None:
        self.ok("trust", "add", self.real_public, "--name", NAME)

    def course(self) -> dict[str, Any]:
        listed = json.loads(self.ok("list", "--json").stdout)
        return next(c for c in listed if c["id"] == "test-course")

    def state(self) -> tuple[list[Any], ...]:
        ctx = open_context(DataDir(self.home))
        try:
            return tuple(
                list(ctx.db.query(sql))
                for sql in (
                    "SELECT id, version, manifest_sha256, signed_by FROM courses ORDER BY id",
                    "SELECT * FROM course_history ORDER BY course_id",
                    "SELECT * FROM version_floors ORDER BY course_id, key",
                )
            )
        finally:
            ctx.close()


@pytest.fixture
def lab(tmp_path: Path) -> Lab:
    real, squatter = tmp_path / "real.pem", tmp_path / "squatter.pem"
    real_public, squatter_public = generate_key(real), generate_key(squatter)
    return Lab(tmp_path, tmp_path / "home", real, real_public, squatter, squatter_public)


@dataclass(frozen=True)
class Refused:
    name: str
    fault: str
    setup: Callable[[Lab], None]
    hostile: Callable[[Lab], Path]
    expect: str


def nothing(lab: Lab) -> None:
    lab.ok("list")


def trusted_course_v3(lab: Lab) -> None:
    lab.trust_real()
    lab.ok("install", str(lab.package("real-v3", lab.real, version=3)))


REFUSED = [
    Refused(
        "nfd-name",
        "unknown key claims a trusted publisher's name, spelt in NFD",
        lambda lab: lab.trust_real(),
        lambda lab: lab.package(
            "nfd", lab.squatter, version=1, name=unicodedata.normalize("NFD", NAME)
        ),
        "claims the name of the trusted publisher",
    ),
    Refused(
        "fullwidth-name",
        "unknown key claims a trusted publisher's name, in fullwidth capitals",
        lambda lab: lab.trust_real(),
        lambda lab: lab.package("full", lab.squatter, version=1, name=FULLWIDTH),
        "claims the name of the trusted publisher",
    ),
    Refused(
        "unsigned-name",
        "unsigned package claims a trusted publisher's name",
        lambda lab: lab.trust_real(),
        lambda lab: lab.package("unsigned-name", None, version=1),
        "claims the name of the trusted publisher",
    ),
    Refused(
        "mixed-script",
        "look-alike name with a Cyrillic А ('Аssociation Écoute')",
        nothing,
        lambda lab: lab.package("cyrillic", lab.squatter, version=1, name=LOOK_ALIKE),
        "mixes scripts",
    ),
    Refused(
        "unknown-takeover",
        "unknown key takes over a course pinned to a trusted key",
        trusted_course_v3,
        lambda lab: lab.package("takeover", lab.squatter, version=4, name="Someone"),
        "was signed by .* but this package is signed by",
    ),
    Refused(
        "stripped-signature",
        "unsigned copy (signature removed) of a trusted course",
        trusted_course_v3,
        lambda lab: lab.package("stripped", None, version=4, name="Someone"),
        "this package is unsigned",
    ),
    Refused(
        "trusted-rollback",
        "trusted publisher's genuine version 2 after its version 3",
        trusted_course_v3,
        lambda lab: lab.package("real-v2", lab.real, version=2),
        "refusing to downgrade",
    ),
]


@pytest.mark.parametrize("case", REFUSED, ids=[case.name for case in REFUSED])
def test_hostile_publisher_is_refused(case: Refused, lab: Lab) -> None:
    case.setup(lab)
    bad = case.hostile(lab)
    files, state = snapshot(lab.home), lab.state()
    message = lab.cli("install", str(bad)).one_line_error()
    assert re.search(case.expect, message), message
    assert snapshot(lab.home) == files and lab.state() == state
    record_outcome(AREA, case.fault, result=f"refused: {message[:200]}")


def test_self_signed_package_is_not_verified(lab: Lab) -> None:
    lab.ok("install", str(lab.package("self", lab.squatter, version=1)))
    course = lab.course()
    assert course["signed"] is True and course["verified"] is False
    fingerprint = short_fingerprint(lab.squatter_public)
    assert course["fingerprint"] == fingerprint
    record_outcome(
        AREA,
        "self-signed package naming a publisher the laptop does not know",
        result=f"installed, shown 'signed by an unknown publisher ({fingerprint})', not verified",
    )


@pytest.mark.parametrize("squatter", ["unsigned", "unknown key"])
def test_a_squatted_version_999_does_not_lock_out_version_3(lab: Lab, squatter: str) -> None:
    key = None if squatter == "unsigned" else lab.squatter
    lab.ok("install", str(lab.package("squat", key, version=999, name="Someone")))
    lab.trust_real()
    run = lab.ok("install", str(lab.package("real-v3", lab.real, version=3)))
    course = lab.course()
    assert course["version"] == 3 and course["verified"] is True
    assert course["trusted_as"] == NAME
    note = [line for line in run.stderr.splitlines() if line.startswith("Note:")]
    if key is not None:
        assert "takes it over" in note[0] and short_fingerprint(lab.squatter_public) in note[0]
    again = lab.cli("install", str(lab.package("squat-1000", key, version=1000, name="Someone")))
    refusal = again.one_line_error()
    record_outcome(
        AREA,
        f"{squatter} 'version 999' installed first, then the trusted publisher's version 3",
        result=(
            "version 3 installed and verified"
            + ("; the trusted key took over the pin" if key else "")
            + f"; the squatter's version 1000 afterwards refused: {refusal[:120]}"
        ),
    )
