"""An update that lowers a pass threshold moves learners on; progress survives updates."""

from __future__ import annotations

from pathlib import Path

from player.core.context import Context
from player.core.install import install, open_source
from player.core.learning import answer, course_state, create_learner, start_attempt, submit
from player.core.package.pack import pack
from tests.helpers.courses import document, write_source


def install_version(ctx: Context, tmp_path: Path, version: int, threshold: float) -> None:
    doc = document(version=version)
    doc["modules"][0]["pass_threshold"] = threshold
    write_source(tmp_path / f"src{version}", doc)
    package = pack(tmp_path / f"src{version}", tmp_path / f"v{version}.zip").dest
    source = open_source(str(package))
    try:
        install(ctx, source)
    finally:
        source.close()


def test_lowered_threshold_passes_a_stored_best_score(ctx: Context, tmp_path: Path) -> None:
    install_version(ctx, tmp_path, 1, 0.7)
    learner = create_learner(ctx.db, "Awa")
    manifest = ctx.manifest("test-course")
    attempt = start_attempt(ctx.db, learner.id, manifest, "m1-quiz")
    answer(ctx.db, manifest, attempt.id, "q1", "b")  # right
    answer(ctx.db, manifest, attempt.id, "q2", ["a"])  # wrong
    answer(ctx.db, manifest, attempt.id, "q3", True)  # right
    answer(ctx.db, manifest, attempt.id, "q4", "autre chose")  # wrong
    result = submit(ctx.db, manifest, attempt.id)
    assert result.score == 0.5 and not result.passed
    assert not course_state(ctx.db, learner.id, manifest).lesson("m1-quiz").passed

    install_version(ctx, tmp_path, 2, 0.4)  # the author lowers 70 % to 40 %
    state = course_state(ctx.db, learner.id, ctx.manifest("test-course"))
    assert state.lesson("m1-quiz").passed and state.course_version == 2

    install_version(ctx, tmp_path, 3, 0.9)  # raising it again never takes the pass back
    state = course_state(ctx.db, learner.id, ctx.manifest("test-course"))
    assert state.lesson("m1-quiz").passed
    # the LRS hears "failed" once, then "passed" once when the lower threshold let them through
    import json

    quiz_events = [
        json.loads(r["event"])
        for r in ctx.db.query("SELECT event FROM outbox WHERE kind = 'quiz_attempted' ORDER BY seq")
    ]
    assert [e["success"] for e in quiz_events] == [False, True]
