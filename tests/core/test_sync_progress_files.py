"""Progress by USB without an LRS: export, import (validation, dedupe), merge; sync settings."""

from __future__ import annotations

import io
import json
import stat
import tracemalloc
import uuid
from pathlib import Path

import pytest
from sqlite_utils import Database

from player.core.errors import SyncError
from player.core.learning import video
from player.core.learning.learners import create_learner
from player.core.learning.state import course_state
from player.core.package.manifest import Manifest
from player.core.settings import load_settings, update_settings
from player.core.store.database import open_database
from player.core.sync import outbox, progress_files
from player.core.sync.config import SyncSettings
from player.core.sync.merge import CourseIndex
from player.core.sync.progress_files import LineProblem, export_progress, import_progress
from player.core.sync.service import no_manifests, sync_status
from tests.core.learning_fixtures import make_manifest
from tests.helpers.demo_trace import Clock, demo_manifest, whole_course
from tests.helpers.outbox import add_completions, add_course, add_event, add_learner, event

DEMO = make_manifest(threshold=0.7)


def no_base(_: str) -> None:
    return None


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_database(tmp_path / "laptop.sqlite3")


def laptop(path: Path) -> Database:
    database = open_database(path)
    add_course(database, "demo")
    return database


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_writes_every_unsent_statement_once_per_line(db: Database, tmp_path: Path) -> None:
    ana, ana_uuid = add_learner(db, "Ana", "ana@example.org")
    bo, bo_uuid = add_learner(db, "Bo")
    ana_ids = add_completions(db, ana, ana_uuid, 3)
    bo_ids = add_completions(db, bo, bo_uuid, 2)
    db.execute("UPDATE outbox SET state = 'sent' WHERE statement_id = ?", [ana_ids[0]])

    report = export_progress(db, tmp_path / "all.jsonl", no_base)
    assert report.statements == 4
    exported = lines(tmp_path / "all.jsonl")
    assert [s["id"] for s in exported] == ana_ids[1:] + bo_ids

    export_progress(db, tmp_path / "bo.jsonl", no_base, learner_id=bo)
    assert [s["id"] for s in lines(tmp_path / "bo.jsonl")] == bo_ids
    # the exported bytes are the frozen ones that sync will send
    frozen = {r["statement_id"]: r["statement"] for r in db.query("SELECT * FROM outbox")}
    text = (tmp_path / "bo.jsonl").read_text(encoding="utf-8").splitlines()
    assert text == [frozen[i] for i in bo_ids]


def test_export_into_a_missing_folder_is_one_clear_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(SyncError, match="does not exist"):
        export_progress(db, tmp_path / "nope" / "x.jsonl", no_base)


def installed_demo(_: str) -> Manifest:
    return DEMO


def statements_of(path: Path, learner_email: str, steps: list[tuple[str, dict]]) -> list[dict]:
    """The frozen statements a laptop writes for these events (kind, fields), in order."""
    home = open_database(path)
    add_course(home, "demo")
    learner, learner_uuid = add_learner(home, "Ana", learner_email)
    with home.atomic():
        for kind, fields in steps:
            add_event(home, learner, kind, event(learner_uuid, kind=kind, **fields))
    outbox.freeze_pending(home, no_base)
    statements = [
        json.loads(r["statement"]) for r in home.query("SELECT * FROM outbox ORDER BY seq")
    ]
    home.conn.close()
    return statements


def write_lines(path: Path, statements: list[dict]) -> Path:
    path.write_text("".join(json.dumps(s) + "\n" for s in statements), encoding="utf-8")
    return path


MODULE_1 = [
    ("lesson_completed", {"lesson_id": "m1-video"}),
    ("lesson_completed", {"lesson_id": "m1-read", "lesson_type": "text"}),
    ("quiz_attempted", {"lesson_id": "m1-quiz"}),
    ("module_completed", {"module_id": "m1"}),
    ("survey_answered", {"lesson_id": "survey", "module_id": "m3"}),
]


def test_import_queues_once_and_merges_progress_of_a_known_learner(tmp_path: Path) -> None:
    file = write_lines(
        tmp_path / "ana.jsonl",
        statements_of(tmp_path / "home.sqlite3", "ana@example.org", MODULE_1),
    )
    school = laptop(tmp_path / "school.sqlite3")
    ana_here, _ = add_learner(school, "Ana M.", "ANA@example.org")
    courses = CourseIndex.load(school, installed_demo)
    first = import_progress(school, file, courses)
    assert (first.lines, first.queued, first.duplicates, first.merged) == (5, 5, 0, 4)
    assert (first.rejected, first.reported) == ([], [])
    again = import_progress(school, file, courses)
    assert (again.queued, again.duplicates, again.merged) == (0, 5, 0)

    assert sync_status(school).pending == 5
    rows = list(school.query("SELECT origin, learner_id, course_id, statement FROM outbox"))
    assert {(r["origin"], r["learner_id"], r["course_id"]) for r in rows} == {
        ("import", ana_here, "demo")
    }
    progress = {
        r["lesson_id"]: r["completed_at"]
        for r in school.query("SELECT * FROM lesson_progress WHERE learner_id = ?", [ana_here])
    }
    assert set(progress) == {"m1-video", "m1-read", "m1-quiz"} and all(progress.values())
    assert [r["lesson_id"] for r in school.query("SELECT * FROM quiz_passes")] == ["m1-quiz"]
    completions = school.query("SELECT scope, item_id, course_version FROM completions")
    assert [tuple(r.values()) for r in completions] == [("module", "m1", DEMO.version)]
    assert course_state(school, ana_here, DEMO).module("m1").status == "complete"
    # imported statements are sent byte for byte as exported
    exported = file.read_text(encoding="utf-8").splitlines()
    assert sorted(r["statement"] for r in rows) == sorted(
        json.dumps(json.loads(line), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        for line in exported
    )


def test_a_forged_file_cannot_complete_a_course_or_a_module(tmp_path: Path) -> None:
    """Completion claims without their lessons are queued for the LRS, reported, not merged."""
    forged = statements_of(
        tmp_path / "forger.sqlite3",
        "ana@example.org",
        [
            ("course_completed", {}),
            ("module_completed", {"module_id": "m1"}),
            ("module_completed", {"module_id": "m2"}),
            ("lesson_completed", {"lesson_id": "m2-video"}),  # real, but m1 is not done
            ("module_completed", {"module_id": "m3"}),  # survey only: locked behind m1 and m2
        ],
    )
    school = laptop(tmp_path / "school.sqlite3")
    ana, _ = add_learner(school, "Ana", "ana@example.org")
    report = import_progress(
        school, write_lines(tmp_path / "f.jsonl", forged), CourseIndex.load(school, installed_demo)
    )
    assert (report.queued, report.merged, report.rejected) == (5, 1, [])
    assert [p.line for p in report.reported] == [1, 2, 3, 5]
    assert "course 'demo' is not complete here" in report.reported[0].reason
    assert "module 'm1' is not complete here" in report.reported[1].reason
    assert school.execute("SELECT COUNT(*) FROM completions").fetchone()[0] == 0
    state = course_state(school, ana, DEMO)
    assert not state.complete
    assert [m.status for m in state.modules] == ["open", "locked", "locked"]
    assert state.lesson("m2-video").status == "complete"  # the lesson itself is merged


def test_claims_are_weighed_after_the_lessons_whatever_the_order(tmp_path: Path) -> None:
    steps = [("module_completed", {"module_id": "m1"}), *MODULE_1[:3]]
    file = write_lines(
        tmp_path / "ana.jsonl", statements_of(tmp_path / "home.sqlite3", "ana@example.org", steps)
    )
    school = laptop(tmp_path / "school.sqlite3")
    add_learner(school, "Ana", "ana@example.org")
    report = import_progress(school, file, CourseIndex.load(school, installed_demo))
    assert (report.merged, report.reported) == (4, [])
    assert [r["item_id"] for r in school.query("SELECT * FROM completions")] == ["m1"]


def test_statements_about_unknown_lessons_are_reported_not_merged(tmp_path: Path) -> None:
    steps = [
        ("lesson_completed", {"lesson_id": "ghost"}),
        ("module_completed", {"module_id": "m9"}),
        ("quiz_attempted", {"lesson_id": "m1-read"}),  # a reading "passed"
        ("lesson_completed", {"lesson_id": "m1-quiz", "lesson_type": "quiz"}),  # not passed
        ("lesson_completed", {"lesson_id": "m1-video", "course_version": 2}),  # newer version
        ("lesson_completed", {"lesson_id": "m1-video"}),  # the one true statement
    ]
    file = write_lines(
        tmp_path / "ana.jsonl", statements_of(tmp_path / "home.sqlite3", "ana@example.org", steps)
    )
    school = laptop(tmp_path / "school.sqlite3")
    add_learner(school, "Ana", "ana@example.org")
    report = import_progress(school, file, CourseIndex.load(school, installed_demo))
    assert (report.queued, report.merged, report.rejected) == (6, 1, [])
    reasons = {p.line: p.reason for p in report.reported}
    assert sorted(reasons) == [1, 2, 3, 4, 5]
    assert "lesson 'ghost' is not in 'demo' version 1" in reasons[1]
    assert "module 'm9' is not in 'demo' version 1" in reasons[2]
    assert "not a quiz" in reasons[3] and "once passed" in reasons[4]
    assert "version 2 of 'demo', newer than the installed version 1" in reasons[5]
    assert [r["lesson_id"] for r in school.query("SELECT * FROM lesson_progress")] == ["m1-video"]
    assert school.execute("SELECT COUNT(*) FROM quiz_passes").fetchone()[0] == 0
    assert school.execute("SELECT COUNT(*) FROM progress_imports").fetchone()[0] == 1


def test_a_course_whose_manifest_cannot_be_read_merges_nothing(tmp_path: Path) -> None:
    file = write_lines(
        tmp_path / "ana.jsonl",
        statements_of(tmp_path / "home.sqlite3", "ana@example.org", MODULE_1[:1]),
    )
    school = laptop(tmp_path / "school.sqlite3")
    add_learner(school, "Ana", "ana@example.org")
    report = import_progress(school, file, CourseIndex.load(school, no_manifests))
    assert (report.queued, report.merged) == (1, 0)
    assert "cannot be read here" in report.reported[0].reason


def test_files_from_earlier_versions_still_merge_module_and_course_completions(
    tmp_path: Path,
) -> None:
    """Before issue 16 a module was ``completed`` (now ``satisfied``) and the course version an
    extension (now ``context.revision``)."""
    statements = statements_of(tmp_path / "home.sqlite3", "ana@example.org", MODULE_1[:4])
    assert statements[3]["verb"]["id"] == "https://w3id.org/xapi/adl/verbs/satisfied"
    for statement in statements:  # as an earlier version wrote them
        statement["context"].pop("revision")
        statement["context"]["extensions"] = {
            "https://course-player.invalid/xapi/extensions/course-version": 1
        }
    statements[3]["verb"] = {"id": "http://adlnet.gov/expapi/verbs/completed"}
    file = write_lines(tmp_path / "old.jsonl", statements)
    school = laptop(tmp_path / "school.sqlite3")
    add_learner(school, "Ana", "ana@example.org")
    report = import_progress(school, file, CourseIndex.load(school, installed_demo))
    assert (report.queued, report.merged, report.reported) == (4, 4, [])
    completions = school.query("SELECT scope, item_id FROM completions")
    assert [tuple(r.values()) for r in completions] == [("module", "m1")]


def test_unknown_learner_is_queued_but_not_merged(tmp_path: Path) -> None:
    home = laptop(tmp_path / "home.sqlite3")
    learner, learner_uuid = add_learner(home, "Cy")
    add_completions(home, learner, learner_uuid, 2)
    export_progress(home, tmp_path / "cy.jsonl", no_base)
    trainer = open_database(tmp_path / "trainer.sqlite3")
    report = import_progress(
        trainer, tmp_path / "cy.jsonl", CourseIndex.load(trainer, no_manifests)
    )
    assert (report.queued, report.merged) == (2, 0)
    assert trainer.execute("SELECT COUNT(*) FROM lesson_progress").fetchone()[0] == 0


def test_malformed_lines_are_reported_by_number_and_the_rest_kept(
    db: Database, tmp_path: Path
) -> None:
    learner, learner_uuid = add_learner(db, "Ana", "ana@example.org")
    ids = add_completions(db, learner, learner_uuid, 2)
    export_progress(db, tmp_path / "good.jsonl", no_base)
    good = (tmp_path / "good.jsonl").read_text(encoding="utf-8").splitlines()
    valid = json.loads(good[0])

    def variant(**changes: object) -> str:
        return json.dumps({**valid, "id": str(uuid.uuid4()), **changes})

    other_content = json.loads(good[1])
    other_content["verb"] = {"id": "http://adlnet.gov/expapi/verbs/failed"}
    bad = [
        "{not json",
        variant(id="42"),
        variant(actor={"name": "nobody"}),
        variant(verb={"id": "completed"}),
        variant(object={"id": "lesson 1"}),
        variant(timestamp="2999-01-01T00:00:00Z"),
        json.dumps(
            {k: v for k, v in valid.items() if k != "timestamp"} | {"id": str(uuid.uuid4())}
        ),
        json.dumps(other_content),
    ]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join([good[0], *bad, "", good[1]]) + "\n", encoding="utf-8")

    fresh = open_database(tmp_path / "other.sqlite3")
    fresh_courses = CourseIndex.load(fresh, no_manifests)
    import_progress(fresh, tmp_path / "good.jsonl", fresh_courses)
    report = import_progress(fresh, mixed, fresh_courses)
    assert [p.line for p in report.rejected] == [2, 3, 4, 5, 6, 7, 8, 9]
    reasons = [p.reason for p in report.rejected]
    assert reasons[0].startswith("not JSON")
    assert "UUID" in reasons[1] and "identifier" in reasons[2]
    assert "verb.id" in reasons[3] and "object.id" in reasons[4]
    assert "later than this computer's clock" in reasons[5]
    assert "timestamp is missing" in reasons[6]
    assert "another statement" in reasons[7]
    assert report.duplicates == 2 and report.queued == 0
    assert {r["statement_id"] for r in fresh.query("SELECT * FROM outbox")} == set(ids)


def test_unbuildable_event_is_quarantined_not_blocking(db: Database) -> None:
    learner, learner_uuid = add_learner(db, "Ana")
    broken = event(learner_uuid)
    del broken["lesson_id"]
    add_event(db, learner, "lesson_completed", broken)
    add_completions(db, learner, learner_uuid, 1)
    assert outbox.freeze_pending(db, no_base) == 1
    assert sync_status(db).quarantined == 1
    assert "lacks lesson_id" in outbox.problems(db)[0].error


def test_settings_are_private_and_the_environment_overrides_them(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    update_settings(path, lrs_endpoint="https://lrs.example.org/xAPI/", lrs_password="s3cret")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_settings(path)["lrs_password"] == "s3cret"
    settings = SyncSettings.load(path, environ={})
    assert settings.for_course(None).statements_url == "https://lrs.example.org/xAPI/statements"
    env = {
        "COURSE_PLAYER_LRS_ENDPOINT": "http://127.0.0.1:9/xAPI",
        "COURSE_PLAYER_LRS_USERNAME": "u",
    }
    overridden = SyncSettings.load(path, environ=env).for_course("https://course.example.org/x")
    assert overridden.endpoint == "http://127.0.0.1:9/xAPI"
    # the stored password belongs to lrs.example.org: it does not follow the endpoint elsewhere
    assert (overridden.username, overridden.password) == ("u", None)
    assert "s3cret" not in repr(overridden)
    path.write_text("{}", encoding="utf-8")
    # a manifest's endpoint is not used until approved (tests/core/test_sync_config.py)
    assert SyncSettings.load(path, environ={}).for_course("https://course.example.org/x") is None
    path.write_text('{"lrs_endpoint": "ftp://x"}', encoding="utf-8")
    with pytest.raises(SyncError, match="not an http"):
        SyncSettings.load(path, environ={})


def test_an_over_long_line_is_skipped_without_being_read_whole(tmp_path: Path) -> None:
    """A 30 MB line (no line break) is rejected; reading it never holds more than ~1 MB."""
    good = statements_of(tmp_path / "home.sqlite3", "ana@example.org", MODULE_1[:1])[0]
    path = tmp_path / "long.jsonl"
    with path.open("wb") as stream:
        stream.write(b'{"pad": "')
        for _ in range(30):
            stream.write(b"x" * 1_000_000)
        stream.write(b'"}\n' + json.dumps(good).encode() + b"\n")
    school = laptop(tmp_path / "school.sqlite3")
    courses = CourseIndex.load(school, installed_demo)
    tracemalloc.start()
    try:
        report = import_progress(school, path, courses)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000
    assert report.rejected == [LineProblem(1, "line longer than 1 MB")]
    assert (report.lines, report.queued) == (2, 1)


def nested(depth: int) -> object:
    value: object = "deep"
    for _ in range(depth - 1):
        value = [value]
    return value


VERSION = "https://course-player.invalid/xapi/extensions/course-version"
#: (what is changed, path in the statement, value or raw JSON text, reason expected or None)
HOSTILE: list[tuple[str, tuple[str, ...], object, str | None]] = [
    ("course-version 10**30", ("context", "extensions", VERSION), 10**30, "out of range"),
    ("course-version 2**63", ("context", "extensions", VERSION), 2**63, "out of range"),
    ("course-version -0", ("context", "extensions", VERSION), "-0", "course-version extension"),
    ("course-version 0.5", ("context", "extensions", VERSION), 0.5, "course-version extension"),
    ("score NaN", ("result", "score", "scaled"), "NaN", "NaN is not a JSON number"),
    ("score Infinity", ("result", "score", "scaled"), "Infinity", "Infinity is not a JSON"),
    ("score -Infinity", ("result", "score", "scaled"), "-Infinity", "-Infinity is not a JSON"),
    ("score 1e400", ("result", "score", "scaled"), "1e400", "out of range"),
    ("score 7", ("result", "score", "scaled"), 7, "from -1 to 1"),
    ("score -0.0", ("result", "score", "scaled"), "-0.0", None),
    ("10**30 in an extension", ("result", "extensions", "https://x.example/n"), 10**30, "range"),
    ("duration of 400 nines", ("result", "duration"), "PT" + "9" * 400 + "S", "result.duration"),
    ("a 70,000-character text", ("result", "response"), "é" * 70_000, "longer than 65,536"),
    ("a 300-character actor.name", ("actor", "name"), "A" * 300, "actor.name"),
    ("a 70,000-character mbox", ("actor", "mbox"), "mailto:a@" + "b" * 70_000, "longer"),
    ("40 nested arrays", ("result", "extensions", "https://x.example/n"), nested(40), "nested"),
    ("30 nested arrays", ("result", "extensions", "https://x.example/n"), nested(30), None),
    ("timestamp year 1, +23:59", ("timestamp",), "0001-01-01T00:00:00+23:59", None),
    # "²".isdigit() is true, int("²") raises: a revision must be ASCII digits (found by `stats`)
    ("revision '²'", ("context", "revision"), "²", None),
]


def hostile_line(good: dict, where: tuple[str, ...], value: object) -> bytes:
    statement = json.loads(json.dumps(good)) | {"id": str(uuid.uuid4())}
    parent = statement
    for key in where[:-1]:
        parent = parent.setdefault(key, {})
    marker = "@@RAW@@"
    raw = isinstance(value, str) and value in (
        "-0",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "-0.0",
    )
    parent[where[-1]] = marker if raw else value
    text = json.dumps(statement)
    return text.replace(f'"{marker}"', str(value)).encode() if raw else text.encode()


@pytest.mark.parametrize(("case", "where", "value", "reason"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_out_of_range_values_are_a_rejected_line_never_an_exception(
    tmp_path: Path, case: str, where: tuple[str, ...], value: object, reason: str | None
) -> None:
    good = statements_of(tmp_path / "home.sqlite3", "ana@example.org", MODULE_1[2:3])[0]
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n" + hostile_line(good, where, value) + b"\n" + json.dumps(good).encode())
    school = laptop(tmp_path / "school.sqlite3")
    add_learner(school, "Ana", "ana@example.org")
    report = import_progress(school, path, CourseIndex.load(school, installed_demo))
    if reason is None:  # accepted as is: queued and merged, the other line a duplicate
        assert (report.rejected, report.queued, report.merged) == ([], 2, 2), case
    else:
        assert [p.line for p in report.rejected] == [2], case
        assert reason in report.rejected[0].reason, report.rejected[0].reason
        assert (report.queued, report.merged) == (1, 1)
    assert report.lines == 2
    for row in school.query("SELECT statement FROM outbox"):
        json.loads(row["statement"], parse_constant=lambda name: pytest.fail(name))


def test_line_reading_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line of exactly the limit is read; one byte more is skipped to its end, whatever size."""
    monkeypatch.setattr(progress_files, "MAX_LINE_BYTES", 10)
    monkeypatch.setattr(progress_files, "_SKIP_CHUNK", 4)
    data = b"a" * 10 + b"\n" + b"b" * 11 + b"\n" + b"c" * 25 + b"\n" + b"\n" + b"d" * 11
    assert list(progress_files.read_lines(io.BytesIO(data))) == [
        (1, b"a" * 10 + b"\n"),
        (2, None),
        (3, None),
        (4, b"\n"),
        (5, None),
    ]


def test_a_whole_course_from_the_engine_merges_on_another_laptop_with_nothing_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every statement kind the engine writes (issue 16) travels by USB: questions, video
    sessions, traces and the survey are queued; lessons, passes and satisfied modules merge."""
    clock = Clock()
    monkeypatch.setattr(video, "now", clock)
    course = demo_manifest()
    home = open_database(tmp_path / "home.sqlite3")
    add_course(home, course.id)
    ana = create_learner(home, "Ana", email="ana@example.org").id
    whole_course(home, ana, course, clock)
    report = export_progress(home, tmp_path / "ana.jsonl", lambda _c: course.activity_base)

    school = open_database(tmp_path / "school.sqlite3")
    add_course(school, course.id)
    here = create_learner(school, "Ana D.", email="ANA@example.org").id
    imported = import_progress(
        school, tmp_path / "ana.jsonl", CourseIndex.load(school, lambda _c: course)
    )
    assert (imported.queued, imported.rejected, imported.reported) == (report.statements, [], [])
    assert course_state(school, here, course).complete
