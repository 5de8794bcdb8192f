"""What the import keeps of each statement for the trainer dashboard (``imported_statements``)."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from player.core.context import Context
from player.core.sync.imported_statements import statement_row, utc_text
from player.core.sync.merge import CourseIndex, Place
from player.core.sync.progress_files import import_progress
from player.core.sync.service import manifests_of
from player.core.sync.statements import (
    ACCOUNT_HOME_PAGE,
    DEFAULT_ACTIVITY_BASE,
    VERB_COMPLETED,
    VERB_PASSED,
)
from player.core.trainer_table import dashboard_table, installed_courses, write_csv
from tests.helpers.courses import install_copies, write_source
from tests.helpers.outbox import add_learner

LESSON = f"{DEFAULT_ACTIVITY_BASE}/test-course/lessons/m1-quiz"
PLACE = Place("test-course", "lesson", "m1-quiz", known=True, course_version=1)


def statement(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:Ana@Example.org", "name": "Ana"},
        "verb": {"id": VERB_PASSED},
        "object": {"id": LESSON},
        "result": {"score": {"scaled": 0.9}, "success": True, "duration": "PT1M3.5S"},
        "timestamp": "2026-03-02T10:00:00.250+02:00",
    }
    base.update(changes)
    return base


def test_a_statement_as_the_dashboard_reads_it() -> None:
    row = statement_row(7, None, statement(), PLACE, "laptop-1.jsonl")
    assert row == (
        7,
        None,
        "mailto:ana@example.org",
        "Ana",
        "test-course",
        1,
        "lesson",
        "m1-quiz",
        VERB_PASSED,
        "2026-03-02T08:00:00.250Z",  # in UTC, as this app writes times: text order is time order
        63.5,
        0.9,
        1,
        False,
        "laptop-1.jsonl",
    )


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        ({"response": "b", "success": False}, (0.0, None, 0, True)),
        ({"score": {"scaled": True}, "duration": "soon"}, (0.0, None, None, False)),
        ({"score": {"scaled": -0.5}, "success": "yes"}, (0.0, -0.5, None, False)),
        (None, (0.0, None, None, False)),
    ],
)
def test_only_what_a_result_says_is_kept(result: Any, expected: tuple[Any, ...]) -> None:
    row = statement_row(1, None, statement(result=result), PLACE, None)
    assert row is not None and row[10:14] == expected


def test_a_statement_without_a_learner_to_name_has_no_row() -> None:
    assert (
        statement_row(1, None, statement(actor={"openid": "https://x.test/a"}), PLACE, "") is None
    )
    account = {"account": {"homePage": ACCOUNT_HOME_PAGE, "name": "u-1"}}
    row = statement_row(1, None, statement(actor=account), PLACE, "")
    assert row is not None and row[2:4] == ("account:u-1", None)


def test_times_utc_cannot_hold_are_kept_as_written() -> None:
    assert utc_text("2026-03-02T08:00:00.250Z") == "2026-03-02T08:00:00.250Z"
    assert utc_text("2026-03-02T08:00:00Z") == "2026-03-02T08:00:00.000Z"
    assert utc_text("0001-01-01T00:00:00+23:59") == "0001-01-01T00:00:00+23:59"


@pytest.fixture
def context(ctx: Context, tmp_path: Path) -> Context:
    """A trainer's laptop with the test course installed."""
    from player.core.install import install
    from player.core.package.pack import pack
    from player.core.package.reader import FolderSource

    install(ctx, FolderSource(pack(write_source(tmp_path / "src"), tmp_path / "pkg").dest))
    return ctx


def import_lines(ctx: Context, tmp_path: Path, statements: list[dict[str, Any]]) -> None:
    path = tmp_path / f"{uuid.uuid4()}.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in statements), encoding="utf-8")
    import_progress(ctx.db, path, CourseIndex.load(ctx.db, manifests_of(ctx)))


def test_each_imported_statement_has_its_row_once(context: Context, tmp_path: Path) -> None:
    statements = [statement(), statement(verb={"id": VERB_COMPLETED}, result=None)]
    outside = statement(object={"id": "https://elsewhere.test/activity"})
    import_lines(context, tmp_path, [*statements, outside])
    import_lines(context, tmp_path, statements)  # the same file again: nothing new
    rows = context.db.execute(
        "SELECT o.statement_id, i.verb FROM imported_statements AS i JOIN outbox AS o USING (seq)"
        " ORDER BY i.seq"
    ).fetchall()
    assert rows == [(s["id"], s["verb"]["id"]) for s in statements]


def test_a_removed_learners_statements_still_count_as_waiting(
    context: Context, tmp_path: Path
) -> None:
    """An outbox row whose learner is gone is counted under its statement's actor."""
    import_lines(context, tmp_path, [statement()])
    learner_id, _uuid = add_learner(context.db, "Ana (old profile)")
    context.db.execute(
        "INSERT INTO outbox (statement_id, learner_id, course_id, kind, event, statement,"
        " created_at) VALUES (?, ?, 'test-course', 'lesson_completed', '{}', ?, '2026-03-02')",
        [str(uuid.uuid4()), learner_id, json.dumps(statement())],
    )
    context.db.execute("DELETE FROM learners WHERE id = ?", [learner_id])
    rows = [r for r in dashboard_table(context, "test-course") if r.source == "imported"]
    assert {(r.learner_key, r.sync_state, r.sync_waiting) for r in rows} == {
        ("mailto:ana@example.org", "waiting", 2)
    }
    out = io.StringIO()
    assert write_csv(rows, out) == 2


def test_the_course_list_reads_no_manifest(
    context: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_copies(context, 3, tmp_path / "copies", prefix="atelier")
    monkeypatch.setattr(Context, "manifest", lambda *_: pytest.fail("a manifest was read"))
    ids = [course_id for course_id, _title in installed_courses(context)]
    assert ids == ["atelier-00", "atelier-01", "atelier-02", "test-course"]  # by title
