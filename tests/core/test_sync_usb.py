"""Progress by USB without an LRS: export, import (validation, dedupe), merge; sync settings."""

from __future__ import annotations

import json
import stat
import uuid
from pathlib import Path

import pytest
from sqlite_utils import Database

from player.core.errors import SyncError
from player.core.settings import load_settings, update_settings
from player.core.store.database import open_database
from player.core.sync import outbox
from player.core.sync.config import SyncSettings
from player.core.sync.merge import CourseIndex
from player.core.sync.service import no_manifests, sync_status
from player.core.sync.usb import export_progress, import_progress
from tests.helpers.outbox import add_completions, add_course, add_event, add_learner, event


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


def test_import_queues_once_and_merges_progress_of_a_known_learner(tmp_path: Path) -> None:
    home = laptop(tmp_path / "home.sqlite3")
    ana, ana_uuid = add_learner(home, "Ana", "ana@example.org")
    with home.atomic():
        add_event(home, ana, "lesson_completed", event(ana_uuid))
        add_event(home, ana, "quiz_attempted", event(ana_uuid, kind="quiz_attempted"))
        add_event(home, ana, "module_completed", event(ana_uuid, kind="module_completed"))
        add_event(home, ana, "survey_answered", event(ana_uuid, kind="survey_answered"))
    export_progress(home, tmp_path / "ana.jsonl", no_base)

    school = laptop(tmp_path / "school.sqlite3")
    ana_here, _ = add_learner(school, "Ana M.", "ANA@example.org")
    courses = CourseIndex.load(school, no_manifests)
    first = import_progress(school, tmp_path / "ana.jsonl", courses)
    assert (first.queued, first.duplicates, first.merged, first.rejected) == (4, 0, 3, [])
    again = import_progress(school, tmp_path / "ana.jsonl", courses)
    assert (again.queued, again.duplicates, again.merged) == (0, 4, 0)

    assert sync_status(school).pending == 4
    rows = list(school.query("SELECT origin, learner_id, course_id, statement FROM outbox"))
    assert {(r["origin"], r["learner_id"], r["course_id"]) for r in rows} == {
        ("import", ana_here, "demo")
    }
    progress = {
        r["lesson_id"]: r["completed_at"]
        for r in school.query("SELECT * FROM lesson_progress WHERE learner_id = ?", [ana_here])
    }
    assert set(progress) == {"intro", "quiz1"} and all(progress.values())
    assert [r["lesson_id"] for r in school.query("SELECT * FROM quiz_passes")] == ["quiz1"]
    assert [(r["scope"], r["item_id"]) for r in school.query("SELECT * FROM completions")] == [
        ("module", "m1")
    ]
    # imported statements are sent byte for byte as exported
    exported = (tmp_path / "ana.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(r["statement"] for r in rows) == sorted(exported)


def test_files_from_earlier_versions_still_merge_module_and_course_completions(
    tmp_path: Path,
) -> None:
    """Before issue 16 a module was ``completed`` (now ``satisfied``) and the course version an
    extension (now ``context.revision``)."""
    school = laptop(tmp_path / "school.sqlite3")
    add_learner(school, "Ana", "ana@example.org")
    base = "https://course-player.invalid/xapi/activities/demo"
    old = {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "mbox": "mailto:ana@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"objectType": "Activity", "id": f"{base}/modules/m1"},
        "context": {
            "extensions": {"https://course-player.invalid/xapi/extensions/course-version": 1}
        },
        "timestamp": "2026-03-01T10:00:00.000Z",
    }
    (tmp_path / "old.jsonl").write_text(json.dumps(old) + "\n", encoding="utf-8")
    report = import_progress(school, tmp_path / "old.jsonl", CourseIndex.load(school, no_manifests))
    assert (report.queued, report.merged) == (1, 1)
    rows = list(school.query("SELECT scope, item_id, course_version FROM completions"))
    assert rows == [{"scope": "module", "item_id": "m1", "course_version": 1}]


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
    assert (overridden.username, overridden.password) == ("u", "s3cret")
    assert "s3cret" not in repr(overridden)
    path.write_text("{}", encoding="utf-8")
    course = SyncSettings.load(path, environ={}).for_course("https://course.example.org/xAPI/")
    assert course.endpoint == "https://course.example.org/xAPI/"
    path.write_text('{"lrs_endpoint": "ftp://x"}', encoding="utf-8")
    with pytest.raises(SyncError, match="not an http"):
        SyncSettings.load(path, environ={})
