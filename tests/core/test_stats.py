"""``player.core.stats``: figures from the engine's statements, hostile statements, and the LRS
pager (more links, credentials per origin, redirects, bounds, resuming) against a small local
LRS that misbehaves on purpose (Ralph itself is in tests/integration/test_stats_lrs.py)."""

from __future__ import annotations

import base64
import io
import json
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from player.cli import main
from player.core.errors import SyncError
from player.core.learning import video
from player.core.settings import update_settings
from player.core.stats import read
from player.core.stats.aggregate import Aggregator
from player.core.stats.course import CourseMap
from player.core.stats.html import render_html
from player.core.stats.read import LrsReader, read_files
from player.core.stats.run import lrs_config
from player.core.store.database import open_database
from player.core.sync import outbox
from player.core.sync.config import LrsConfig
from player.core.sync.credentials import Credentials, save_credentials
from player.core.sync.statements import (
    EXT_MASTERY_SCORE,
    EXT_REASON,
    VERB_ANSWERED,
    VERB_FAILED,
    VERB_PASSED,
    VERB_SATISFIED,
)
from tests.helpers.cohort import drive, recorded
from tests.helpers.demo_trace import Clock, demo_manifest

BASE = "https://publisher.example/courses/c1"


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """40 learners' statements as a progress file, and the figures the engine recorded."""
    folder = tmp_path_factory.mktemp("cohort")
    clock = Clock()
    original = video.now
    video.now = clock
    try:
        db = open_database(folder / "laptop.sqlite3")
        manifest = demo_manifest()
        drive(db, manifest, 40, seed=3, clock=clock)
    finally:
        video.now = original
    outbox.freeze_pending(db, lambda _course: manifest.activity_base)
    path = folder / "progress.jsonl"
    rows = db.query("SELECT statement FROM outbox ORDER BY seq")
    path.write_text("".join(row["statement"] + "\n" for row in rows), encoding="utf-8")
    return path, recorded(db, manifest)


def test_figures_from_a_progress_file_equal_what_the_engine_recorded(cohort) -> None:
    path, expected = cohort
    aggregator = Aggregator(CourseMap.from_manifest(demo_manifest()))
    for statement in read_files([path, path]):  # the same file twice: counted once
        aggregator.add(statement)
    assert aggregator.figures().to_json() == expected
    assert aggregator.skipped == aggregator.counted  # every statement of the copy skipped


def test_a_course_not_installed_is_read_by_its_activity_iri(cohort) -> None:
    path, expected = cohort
    manifest = demo_manifest()
    assert manifest.activity_base
    aggregator = Aggregator(CourseMap.from_id(manifest.activity_base))
    for statement in read_files([path]):
        aggregator.add(statement)
    found = aggregator.figures().to_json()
    assert found["learners"] == expected["learners"]
    assert {m["id"]: m for m in found["modules"]} == {m["id"]: m for m in expected["modules"]}
    # without the manifest, the threshold in force is the newest masteryscore
    assert [q["threshold"] for q in found["quizzes"]] == [
        q["threshold"] for q in expected["quizzes"]
    ]
    assert [q["what_if"] for q in found["quizzes"]] == [q["what_if"] for q in expected["quizzes"]]


def test_stats_cli_prints_json_text_and_writes_html(
    cohort, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, expected = cohort
    assert main(["stats", "--course", "demo-communication", "--from", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected
    assert main(["stats", "--course", "demo-communication", "--from", str(path)]) == 0
    assert f"Learners: {expected['learners']}" in capsys.readouterr().out
    out = tmp_path / "report.html"
    argv = ["stats", "--course", "demo-communication", "--from", str(path), "--lang", "fr"]
    assert main([*argv, "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "Et si le seuil était" in page


def test_without_matplotlib_the_report_has_tables_and_says_how_to_get_charts(
    cohort, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = cohort
    aggregator = Aggregator(CourseMap.from_manifest(demo_manifest()))
    for statement in read_files([path]):
        aggregator.add(statement)
    with_charts = render_html(aggregator.figures(), "en")
    assert with_charts.count("<svg") >= 4 and "[reports]" not in with_charts
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # not installed: import fails
    page = render_html(aggregator.figures(), "en")
    assert "<svg" not in page and "pip install &#x27;course-player[reports]&#x27;" in page
    assert page.count("<table>") == with_charts.count("<table>")


def test_stats_needs_a_source(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--course", "demo-communication"]) == 1
    assert "--lrs [ENDPOINT]" in capsys.readouterr().err


# ---------------------------------------------------------------------- hostile statements


def statement(verb: str, object_id: str, **extra: Any) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:ana@example.sn"},
        "verb": {"id": verb},
        "object": {"id": object_id},
        "timestamp": "2026-03-02T09:00:00.000Z",
    }
    found.update(extra)
    return found


def attempt(verb: str, score: float, attempt_id: str, **context: Any) -> dict[str, Any]:
    return statement(
        verb,
        f"{BASE}/lessons/quiz",
        result={"score": {"scaled": score}, "success": verb == VERB_PASSED},
        context={
            "contextActivities": {
                "grouping": [{"id": f"{BASE}/lessons/quiz/attempts/{attempt_id}"}]
            },
            **context,
        },
    )


def figures(*statements: Any) -> Any:
    aggregator = Aggregator(CourseMap.from_id(BASE))
    for item in statements:
        aggregator.add(item)
    return aggregator


def test_hostile_statements_are_skipped_or_bounded_never_an_exception() -> None:
    good = statement(VERB_SATISFIED, f"{BASE}/modules/m1")
    fresh = {k: v for k, v in good.items() if k != "id"}
    hostile: list[Any] = [
        None,
        [good],
        "text",
        {**fresh, "id": 7},
        {**fresh, "id": "x" * 10_000},
        {**fresh, "actor": {"objectType": "Group", "member": []}},
        {**fresh, "actor": {"mbox": "mailto:" + "a" * 100_000 + "@x.sn"}},
        {**fresh, "actor": "ana"},
        {**fresh, "verb": "satisfied"},
        {**fresh, "object": {"id": ["x"]}},
        {**fresh, "object": {"id": "https://other.example/courses/c1/modules/m1"}},
        {**fresh, "object": {"id": f"{BASE}/modules/" + "m" * 5_000}},
        {**fresh, "context": {"contextActivities": {"parent": {"id": f"{BASE}/modules/m2"}}}},
        {**fresh, "context": {"contextActivities": {"parent": [7, None, {"id": 3}] * 10_000}}},
        {**fresh, "context": {"revision": "²", "extensions": []}},
        {**fresh, "result": {"duration": "PT" + "9" * 400 + "S"}},
        {**fresh, "result": {"duration": "P99999999D"}},
        {**fresh, "result": []},
    ]
    hostile = [
        {**item, "id": str(uuid.uuid4())} if isinstance(item, dict) and "id" not in item else item
        for item in hostile
    ]
    for item in hostile:
        figures(item).figures()  # never raises
    aggregator = figures(good, good, *hostile)
    found = aggregator.figures()
    assert found.learners == 1 and found.modules[0].completed == 1
    assert found.modules[0].times == []  # no sound duration given
    assert [m.id for m in found.modules] == ["m1", "m2"]  # a parent given as one object counts


def test_quiz_figures_what_if_and_a_re_evaluation_that_is_not_an_attempt() -> None:
    mastery = {"extensions": {EXT_MASTERY_SCORE: 0.7}, "revision": "1"}
    lowered = {
        "extensions": {EXT_MASTERY_SCORE: 0.4, EXT_REASON: "threshold_changed"},
        "revision": "2",
    }
    ben = {"mbox": "mailto:BEN@Example.MA"}
    items = [
        attempt(VERB_FAILED, 0.2, "a1", **mastery),
        attempt(VERB_FAILED, 0.45, "a2", **mastery),
        {**attempt(VERB_FAILED, 0.6, "b1", **mastery), "actor": ben},
        {**attempt(VERB_PASSED, 0.6, "b1", **lowered), "actor": ben},
        {
            **attempt(VERB_PASSED, 0.0, "c1", **mastery),
            "actor": {"mbox": "mailto:chloe@example.ca"},
            "result": {"score": {"raw": 4, "min": 0, "max": 5, "scaled": 0.1}, "success": True},
        },
        attempt(VERB_FAILED, float("nan"), "a3", **mastery),
        attempt(VERB_FAILED, 1e308 * 10, "a4", **mastery),
        {**attempt(VERB_FAILED, 0.9, "a5"), "context": {"extensions": {EXT_MASTERY_SCORE: 9}}},
    ]
    quiz = figures(*items).figures().quizzes[0]
    assert quiz.threshold == 0.4  # the newest course version's
    assert quiz.attempts == 7  # b1 re-evaluated is still one attempt
    assert quiz.learners == 3
    assert quiz.what_if == {0.4: 3, 0.5: 3, 0.6: 3, 0.7: 2}  # Ana 0.9, Ben 0.6, Chloé 4/5
    assert quiz.passed == 3 and quiz.recorded_passes == 2


def test_questions_and_survey_answers() -> None:
    question = f"{BASE}/lessons/quiz/questions/q1"
    choices = [
        {"id": "a", "description": {"fr": "Écouter"}},
        {"id": "b", "description": {"fr": "Parler"}},
    ]
    definition = {"interactionType": "choice", "choices": choices, "name": {"fr": "Que faire ?"}}
    answers = [
        statement(VERB_ANSWERED, question, result={"response": r, "success": r == "a"})
        for r in ("a", "b", "b", "a[,]b", "a")
    ]
    answers[0]["object"]["definition"] = definition
    likert = {"interactionType": "likert", "name": {"fr": "Utile ?"}}
    survey = [
        statement(
            VERB_ANSWERED,
            f"{BASE}/lessons/avis/questions/utile",
            object={"id": f"{BASE}/lessons/avis/questions/utile", "definition": likert},
            result={"response": r},
        )
        for r in ("4", "5", "9", "x" * 100_000)
    ]
    old = statement(
        VERB_ANSWERED, f"{BASE}/lessons/avis2", result={"response": '{"note": 3, "mot": "Bien"}'}
    )
    found = figures(*answers, *survey, old).figures()
    shown = found.quizzes[0].questions[0]
    assert (shown.answered, shown.correct_rate) == (5, 0.4)
    assert (shown.wrong_answer, shown.wrong_count, shown.prompt) == ("Parler", 2, "Que faire ?")
    rows = {(s.survey, s.id): s for s in found.survey}
    assert rows[("avis", "utile")].count == 4 and rows[("avis", "utile")].mean == 4.5
    assert rows[("avis2", "note")].mean == 3 and rows[("avis2", "mot")].answers == [("Bien", 1)]


def test_with_the_manifest_a_video_or_page_is_never_a_quiz(cohort) -> None:
    manifest = demo_manifest()
    course = CourseMap.from_manifest(manifest)
    video_iri = f"{course.iri}/lessons/m1-ecoute"
    forged = [
        statement(VERB_PASSED, video_iri, result={"score": {"scaled": 1.0}, "success": True}),
        statement(VERB_ANSWERED, f"{video_iri}/questions/q1", result={"response": "a"}),
    ]
    aggregator = Aggregator(course)
    for item in forged:
        aggregator.add(item)
    found = aggregator.figures()
    assert [q.id for q in found.quizzes] == ["m1-quiz", "m2-quiz"]
    assert all(q.learners == 0 for q in found.quizzes)
    assert all(s.survey == "m2-avis" and s.count == 0 for s in found.survey)


def test_domains_and_country_codes() -> None:
    actors = [
        "mailto:A@Orange.SN",
        "mailto:b@orange.sn",
        "mailto:c@um5.ac.ma",
        "mailto:d@[1.2.3.4]",
    ]
    items = [statement(VERB_SATISFIED, BASE, actor={"mbox": mbox}) for mbox in actors] + [
        statement(VERB_SATISFIED, BASE, actor={"account": {"homePage": "https://x", "name": "u"}})
    ]
    found = figures(*items).figures()
    assert found.learners == 4 + 1 and found.completed_course == 5
    assert found.domains == {"orange.sn": 2, "um5.ac.ma": 1}
    assert found.to_json()["domains"] == {"sn": 2, "ma": 1}
    assert found.no_email == 2


# ---------------------------------------------------------------------- the LRS pager


class FakeLrs:
    """Pages of statements; ``pages[path]`` is (status, headers, body) or a callable."""

    def __init__(self) -> None:
        self.pages: dict[str, Any] = {}
        self.requests: list[tuple[str, str | None]] = []  # (path, Authorization)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def page(self, statements: list[Any], more: str | None = None) -> tuple[int, dict, bytes]:
        return 200, {}, json.dumps({"statements": statements, "more": more or ""}).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                lrs.requests.append((self.path, self.headers.get("Authorization")))
                key = (
                    self.path.split("?")[0]
                    if self.path.startswith("/xAPI/statements?") and "p=" not in self.path
                    else self.path
                )
                answer = lrs.pages.get(key, (404, {}, b""))
                if callable(answer):
                    answer = answer()
                status, headers, body = answer
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_lrs() -> Iterator[Callable[[], FakeLrs]]:
    servers: list[FakeLrs] = []

    def make() -> FakeLrs:
        servers.append(FakeLrs())
        return servers[-1]

    yield make
    for server in servers:
        server.stop()


def reader(lrs: FakeLrs, folder: Path, **options: Any) -> LrsReader:
    config = LrsConfig(lrs.endpoint, "trainer", "secret")
    return LrsReader(config, BASE, folder, timeout=(2, 5), **options)


def modules(count: int) -> list[dict[str, Any]]:
    return [
        statement(VERB_SATISFIED, f"{BASE}/modules/m1", actor={"mbox": f"mailto:l{i}@x.sn"})
        for i in range(count)
    ]


def test_pages_are_followed_with_the_credentials_of_the_endpoint(fake_lrs, tmp_path: Path) -> None:
    lrs = fake_lrs()
    lrs.pages["/xAPI/statements"] = lrs.page(modules(3), "/xAPI/statements?p=2")
    lrs.pages["/xAPI/statements?p=2"] = lrs.page(modules(2))
    found = list(reader(lrs, tmp_path).statements())
    assert len(found) == 5
    first = lrs.requests[0][0]
    assert "activity=https%3A%2F%2Fpublisher.example%2Fcourses%2Fc1" in first
    assert "related_activities=true" in first
    expected = "Basic " + base64.b64encode(b"trainer:secret").decode()
    assert {auth for _, auth in lrs.requests} == {expected}
    assert not list(tmp_path.iterdir())  # nothing left to resume


def test_a_more_link_to_another_server_is_not_followed(fake_lrs, tmp_path: Path) -> None:
    lrs, other = fake_lrs(), fake_lrs()
    other.pages["/steal"] = other.page(modules(1))
    lrs.pages["/xAPI/statements"] = lrs.page(modules(1), f"http://127.0.0.1:{other.port}/steal")
    with pytest.raises(SyncError, match="'more' link to another server"):
        list(reader(lrs, tmp_path).statements())
    assert other.requests == []


def test_redirects_are_not_followed(fake_lrs, tmp_path: Path) -> None:
    lrs, other = fake_lrs(), fake_lrs()
    lrs.pages["/xAPI/statements"] = (302, {"Location": f"http://127.0.0.1:{other.port}/"}, b"")
    with pytest.raises(SyncError, match="redirect"):
        list(reader(lrs, tmp_path).statements())
    assert other.requests == []


def test_bounds_on_a_page_and_on_the_total(
    fake_lrs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lrs = fake_lrs()
    lrs.pages["/xAPI/statements"] = lrs.page(modules(30), "/xAPI/statements?p=2")
    lrs.pages["/xAPI/statements?p=2"] = lrs.page(modules(30), "/xAPI/statements?p=2")
    with pytest.raises(SyncError, match="more than 40 statements"):
        list(reader(lrs, tmp_path, max_statements=40).statements())
    monkeypatch.setattr(read, "MAX_PAGE_BYTES", 1000)
    with pytest.raises(SyncError, match="larger than 1,000 bytes"):
        list(reader(lrs, tmp_path / "other").statements())
    monkeypatch.setattr(read, "MAX_PAGE_BYTES", 1_000_000)
    lrs.pages["/xAPI/statements"] = (200, {}, b"[" * 100_000)  # nested too deep to parse
    with pytest.raises(SyncError, match="not JSON"):
        list(reader(lrs, tmp_path / "third").statements())


def test_a_cut_off_reading_resumes_where_it_stopped(
    fake_lrs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "RETRIES", 0)
    lrs = fake_lrs()
    lrs.pages["/xAPI/statements"] = lrs.page(modules(3), "/xAPI/statements?p=2")
    lrs.pages["/xAPI/statements?p=2"] = (503, {}, b"busy")
    got: list[Any] = []
    with pytest.raises(SyncError, match="continue where it stopped"):
        got.extend(reader(lrs, tmp_path).statements())
    assert len(got) == 3
    lrs.pages["/xAPI/statements?p=2"] = lrs.page(modules(2))
    lrs.requests.clear()
    again = list(reader(lrs, tmp_path).statements())
    assert [path for path, _ in lrs.requests] == ["/xAPI/statements?p=2"]  # page 1 not asked
    assert [s["id"] for s in again[:3]] == [s["id"] for s in got] and len(again) == 5
    assert not list(tmp_path.iterdir())


# ------------------------------------------------------------ which LRS, which credentials


def test_the_lrs_read_gets_the_credentials_of_its_origin_only(ctx, monkeypatch) -> None:
    for name in ("ENDPOINT", "USERNAME", "PASSWORD", "ALLOW_INSECURE"):
        monkeypatch.delenv(f"COURSE_PLAYER_LRS_{name}", raising=False)
    with pytest.raises(SyncError, match="No LRS is configured"):
        lrs_config(ctx, None)
    save_credentials(
        ctx.data.settings,
        "https://lrs.example.org",
        Credentials("trainer", "secret"),
        {"lrs_endpoint": "https://lrs.example.org/xAPI/"},
        use_keyring=False,
    )
    configured = lrs_config(ctx, None)
    assert (configured.endpoint, configured.username, configured.password) == (
        "https://lrs.example.org/xAPI/",
        "trainer",
        "secret",
    )
    same_origin = lrs_config(ctx, "https://lrs.example.org/other/xAPI")
    assert same_origin.username == "trainer"
    for elsewhere in ("https://evil.example/xAPI/", "https://lrs.example.org:8443/xAPI/"):
        other = lrs_config(ctx, elsewhere)
        assert (other.username, other.password) == (None, None)
    embedded = lrs_config(ctx, "https://u:p%40ss@lrs2.example.org/xAPI/")
    assert (embedded.endpoint, embedded.username, embedded.password) == (
        "https://lrs2.example.org/xAPI/",
        "u",
        "p@ss",
    )
    with pytest.raises(SyncError, match="plain http to another computer"):
        lrs_config(ctx, "http://lrs.example.org/xAPI/")
    assert lrs_config(ctx, "http://lrs.example.org/xAPI/", allow_insecure=True).username is None


def test_a_course_lrs_is_read_only_once_approved(ctx, monkeypatch) -> None:
    for name in ("ENDPOINT", "USERNAME", "PASSWORD"):
        monkeypatch.delenv(f"COURSE_PLAYER_LRS_{name}", raising=False)
    course_lrs = "https://lrs.publisher.example/xAPI/"
    with pytest.raises(SyncError, match="not approved"):
        lrs_config(ctx, None, course_endpoint=course_lrs)
    update_settings(ctx.data.settings, lrs_approved_endpoints=[course_lrs])
    assert lrs_config(ctx, None, course_endpoint=course_lrs).endpoint == course_lrs


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_only(
    cohort, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = cohort
    argv = ["stats", "--course", "demo-communication", "--from", str(path), "--json"]
    assert main(argv) == 0
    assert "\r[" not in capsys.readouterr().err  # not a terminal: no bar
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(argv) == 0
    shown = terminal.getvalue()
    assert "\r[" in shown and "100 %" in shown.rsplit("\r", 1)[-1]
