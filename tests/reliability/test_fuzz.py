"""Fuzzing the two parsers that read what strangers write: no exception but the app's own.

``parse_manifest`` (every package's ``course.json``) and ``import_progress`` (a JSON Lines file
from another laptop's USB stick) get arbitrary bytes and structured mutations of valid input:
each call returns normally or raises a ``PlayerError`` subclass (a one-line message for the user);
anything else would be a traceback, i.e. a bug.
"""

from __future__ import annotations

import copy
import json
import math
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from sqlite_utils import Database

from player.core.errors import PlayerError
from player.core.package.manifest import Manifest, parse_manifest
from player.core.package.pack import pack
from player.core.store.database import open_database
from player.core.sync import outbox
from player.core.sync.merge import CourseIndex
from player.core.sync.progress_files import ImportReport, import_progress
from player.core.sync.statements import EXT_COURSE_VERSION
from tests.core.learning_fixtures import make_manifest
from tests.helpers.courses import write_source
from tests.helpers.outbox import add_course, add_event, add_learner, event
from tests.reliability.harness import record_outcome

AREA = "Fuzzing (Hypothesis)"
EXAMPLES = 300
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written outside tmp (no .hypothesis/ folder)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NOW = datetime(2030, 1, 1, tzinfo=UTC)

#: Values at the edges of what JSON and Python agree on.
EXTREMES = st.sampled_from(
    [10**400, -(10**400), 2**63, -(2**63) - 1, 1e308, -1e-320, 0.5, "", "\x00", "é" * 300, "../x"]
)
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | EXTREMES
)
#: What JSON text can hold but SQLite and arithmetic cannot (``json.dumps`` writes NaN as NaN).
HOSTILE_NUMBERS = st.sampled_from(
    [10**30, -(10**30), 2**63, -(2**63) - 1, math.nan, math.inf, -math.inf, -0.0, 1e308]
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


XAPI_FIELDS = [
    "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
    "version", "attachments",
]  # fmt: skip


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON document (dict keys and list indexes)."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths_of(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths_of(child, (*prefix, index))


def mutate(document: Any, data: st.DataObject) -> Any:
    """Replace, delete or add one to three places of ``document`` (a deep copy)."""
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        paths = list(paths_of(document))
        # Each depth is as likely as any other: top-level fields get their share.
        depth = data.draw(st.integers(0, max(len(p) for p in paths)), label="depth")
        candidates = [p for p in paths if len(p) == depth] or paths
        path = data.draw(st.sampled_from(candidates), label="where")
        if not path:
            return data.draw(JSON_VALUES, label="whole document")
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]), label="action")
        if action == "replace":
            parent[last] = data.draw(JSON_VALUES, label="value")
        elif action == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[data.draw(st.text(max_size=12), label="key")] = data.draw(JSON_VALUES)
        else:
            parent.insert(last, data.draw(JSON_VALUES, label="item"))
    return document


def mutate_bytes(raw: bytes, data: st.DataObject) -> bytes:
    """Flip, delete or insert bytes at a few places."""
    buffer = bytearray(raw)
    for _ in range(data.draw(st.integers(1, 8), label="byte edits")):
        at = data.draw(st.integers(0, len(buffer)), label="at")
        edit = data.draw(st.sampled_from(["flip", "delete", "insert"]), label="edit")
        if edit == "flip" and at < len(buffer):
            buffer[at] ^= data.draw(st.integers(1, 255), label="mask")
        elif edit == "delete":
            del buffer[at : at + data.draw(st.integers(1, 16), label="length")]
        else:
            buffer[at:at] = data.draw(st.binary(min_size=1, max_size=16), label="inserted")
    return bytes(buffer)


@pytest.fixture(scope="module", autouse=True)
def hypothesis_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Hypothesis keeps caches in ``./.hypothesis``; here they go to a temporary folder."""
    set_hypothesis_home_dir(tmp_path_factory.mktemp("hypothesis"))
    yield
    set_hypothesis_home_dir(None)


class Tally:
    """How many inputs were accepted and how many refused with the app's own error."""

    def __init__(self) -> None:
        self.examples = 0
        self.accepted = 0
        self.refused = 0


# --------------------------------------------------------------------------- manifest


@pytest.fixture(scope="module")
def manifest_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("fuzz-manifest")
    packed = pack(write_source(folder / "src"), folder / "package")
    return (packed.dest / "course.json").read_bytes()


def parse(data: bytes, tally: Tally) -> None:
    tally.examples += 1
    try:
        manifest = parse_manifest(data)
    except PlayerError as error:
        assert "\n" not in str(error)
        tally.refused += 1
    else:
        assert isinstance(manifest, Manifest)
        tally.accepted += 1


def test_manifest_parser_on_arbitrary_bytes() -> None:
    tally = Tally()

    @FUZZ
    @given(st.binary(max_size=4096) | st.text(max_size=2000).map(str.encode))
    def run(data: bytes) -> None:
        parse(data, tally)

    run()
    record(
        "parse_manifest: arbitrary bytes / text", tally, "no exception but ManifestError escapes"
    )


def test_manifest_parser_on_mutated_manifests(manifest_bytes: bytes) -> None:
    document = json.loads(manifest_bytes)
    tally = Tally()

    @FUZZ
    @given(st.data())
    def run(data: st.DataObject) -> None:
        mutated = mutate(document, data)
        parse(json.dumps(mutated, ensure_ascii=data.draw(st.booleans())).encode(), tally)

    run()
    record("parse_manifest: a valid manifest with 1–3 values replaced, deleted or added", tally)


def test_manifest_parser_on_damaged_bytes(manifest_bytes: bytes) -> None:
    tally = Tally()

    @FUZZ
    @given(st.data())
    def run(data: st.DataObject) -> None:
        parse(mutate_bytes(manifest_bytes, data), tally)

    run()
    record("parse_manifest: a valid manifest with bytes flipped, deleted or inserted", tally)


# --------------------------------------------------------------------------- statements


#: The seed statements: a whole first module and the course, so every merge path is fuzzed.
SEED_EVENTS = [
    ("lesson_completed", {"lesson_id": "m1-video"}),
    ("lesson_completed", {"lesson_id": "m1-read", "lesson_type": "text"}),
    ("quiz_attempted", {"lesson_id": "m1-quiz"}),
    ("module_completed", {"module_id": "m1"}),
    ("course_completed", {}),
]


@pytest.fixture(scope="module")
def trainer() -> Iterator[tuple[Database, CourseIndex, list[dict[str, Any]], Path]]:
    """A database knowing the course (and its manifest) and learner the seeds are about."""
    db = open_database(":memory:")
    add_course(db, "demo")
    learner, learner_uuid = add_learner(db, "Ana", "ana@example.org")
    for kind, fields in SEED_EVENTS:
        add_event(db, learner, kind, event(learner_uuid, kind=kind, **fields))
    outbox.freeze_pending(db, lambda _: None)
    seeds = [json.loads(row["statement"]) for row in db.query("SELECT statement FROM outbox")]
    db.execute("DELETE FROM outbox")  # imported copies must not be mere duplicates
    manifest = make_manifest()
    with tempfile.TemporaryDirectory() as folder:
        yield db, CourseIndex.load(db, lambda _: manifest), seeds, Path(folder)
    db.conn.close()


def import_lines(
    trainer: tuple[Database, CourseIndex, list[dict[str, Any]], Path], lines: list[bytes]
) -> ImportReport | None:
    db, courses, _, folder = trainer
    path = folder / "progress.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    try:
        report = import_progress(db, path, courses, now=NOW)
    except PlayerError as error:
        assert "\n" not in str(error)
        return None
    assert report.queued + report.duplicates + len(report.rejected) <= len(lines)
    return report


def test_importer_on_arbitrary_lines(trainer: Any) -> None:
    tally = Tally()

    @FUZZ
    @given(st.lists(st.binary(max_size=300) | st.text(max_size=200).map(str.encode), max_size=5))
    def run(lines: list[bytes]) -> None:
        lines = [line.replace(b"\n", b" ") for line in lines]
        report = import_lines(trainer, lines)
        tally.examples += 1
        tally.refused += report is None or bool(report.rejected)
        tally.accepted += report is not None and bool(report.queued)

    run()
    record("import_progress: arbitrary bytes per line", tally)


def test_importer_on_mutated_statements(trainer: Any) -> None:
    seeds = trainer[2]
    tally = Tally()

    @FUZZ
    @given(st.data())
    def run(data: st.DataObject) -> None:
        statements = []
        for _ in range(data.draw(st.integers(1, 3), label="lines")):
            seed = data.draw(st.sampled_from(seeds), label="seed")
            if data.draw(st.booleans(), label="one xAPI field"):
                statement = dict(seed)
                statement[data.draw(st.sampled_from(XAPI_FIELDS), label="field")] = data.draw(
                    JSON_VALUES | HOSTILE_NUMBERS, label="value"
                )
            else:
                statement = mutate(seed, data)
            if isinstance(statement, dict) and data.draw(st.booleans(), label="new id"):
                statement["id"] = str(data.draw(st.uuids(), label="id"))
            statements.append(json.dumps(statement, ensure_ascii=False).encode())
        report = import_lines(trainer, statements)
        tally.examples += 1
        tally.refused += report is None or bool(report.rejected)
        tally.accepted += report is not None and bool(report.queued)

    run()
    record(
        "import_progress: valid statements, one xAPI field or 1–3 values anywhere changed", tally
    )


def test_importer_on_any_course_version(trainer: Any) -> None:
    """The course-version extension of each kind of statement, set to any JSON value."""
    seeds = {statement["object"]["id"].split("/")[-2]: statement for statement in trainer[2]}
    tally = Tally()

    @FUZZ
    @given(kind=st.sampled_from(sorted(seeds)), version=JSON_VALUES | HOSTILE_NUMBERS)
    @example(kind="modules", version=10**30)  # OverflowError from SQLite (issue 18's failed run)
    @example(kind="lessons", version=math.nan)
    def run(kind: str, version: Any) -> None:
        statement = copy.deepcopy(seeds[kind])
        statement["id"] = str(uuid.uuid4())
        statement["context"].setdefault("extensions", {})[EXT_COURSE_VERSION] = version
        report = import_lines(trainer, [json.dumps(statement).encode()])
        tally.examples += 1
        tally.refused += report is None or bool(report.rejected)
        tally.accepted += report is not None and bool(report.queued)

    run()
    record("import_progress: any value as the course-version of each kind of statement", tally)


def test_importer_on_deep_and_huge_json(trainer: Any) -> None:
    """Shapes the JSON parser itself chokes on, one per line."""
    lines = [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"id": ' + b"9" * 5000 + b"}",
        b'{"id": NaN, "timestamp": Infinity}',
        b"\xef\xbb\xbf{}",
        b"x" * 1_100_000,
    ]
    report = import_lines(trainer, lines)
    assert report is not None and len(report.rejected) == len(lines)
    tally = Tally()
    tally.examples = tally.refused = len(lines)
    record("import_progress: 100,000-deep arrays, 5,000-digit numbers, NaN, BOM, 1.1 MB", tally)


def record(fault: str, tally: Tally, result: str = "") -> None:
    record_outcome(
        AREA,
        fault,
        repetitions=tally.examples,
        result=result or "no exception but the app's own (PlayerError) escapes",
        figures={
            "accepted": tally.accepted,
            "refused (one-line error or rejected line)": tally.refused,
        },
    )
