"""Hostile networks and courses against LRS credentials and delivery (issue 14).

Real servers only, all on 127.0.0.1: Ralph (the LRS), nginx (TLS, a Wi-Fi captive portal, an
https -> http redirect), the fault proxy (counting what crosses plain http, switched from the
portal to Ralph once "logged in"), and a spy server a course's manifest names. What the LRS
stored is read back from Ralph.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import requests
from sqlite_utils import Database

from player.core.settings import update_settings
from player.core.store.database import open_database
from player.core.sync import outbox
from player.core.sync.client import SyncAuthError
from player.core.sync.config import ENV_ENDPOINT, ENV_PASSWORD, ENV_USERNAME, SyncSettings
from player.core.sync.service import sync_outbox, sync_status
from tests.fixtures.faultproxy import FaultProxy
from tests.fixtures.lrs_front import EndlessLrs, LrsFront, SpyLrs
from tests.fixtures.ralph import RalphServer
from tests.helpers.outbox import add_completions, add_course, add_learner
from tests.reliability.harness import cli_env, record_outcome, run_cli

pytestmark = pytest.mark.integration

AREA = "LRS credentials and delivery"
COUNT = 12


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "laptop.sqlite3")
    add_course(database, "demo")
    learner, learner_uuid = add_learner(database, "Ana", "ana@example.org")
    add_completions(database, learner, learner_uuid, COUNT)
    yield database
    database.conn.close()


@pytest.fixture
def front(ralph: RalphServer) -> Iterator[tuple[LrsFront, FaultProxy]]:
    """nginx (TLS to Ralph, captive portal, https -> http redirect) and a counting http proxy."""
    proxy = FaultProxy(ralph.port).start()
    server = LrsFront(ralph.port, proxy.port).start()
    try:
        yield server, proxy
    finally:
        server.stop()
        proxy.stop()


def manifest_naming(endpoint: str) -> Any:
    """The manifest lookup of a course whose ``sync.endpoint`` is ``endpoint``."""
    manifest = SimpleNamespace(sync_endpoint=endpoint, activity_base=None)
    return lambda _course_id: manifest


def stored_once(lrs: RalphServer, db: Database) -> bool:
    ids = Counter(s["id"] for s in lrs.statements())
    ours = {row["statement_id"] for row in db.query("SELECT statement_id FROM outbox")}
    return set(ids) == ours and all(n == 1 for n in ids.values())


def home_with_completions(tmp_path: Path, count: int) -> Path:
    """A data folder (as the CLI makes it) whose outbox holds ``count`` completions."""
    home = tmp_path / "home"
    assert run_cli(["check"], home).returncode == 0
    database = open_database(home / "player.sqlite3")
    learner, learner_uuid = add_learner(database, "Ana", "ana@example.org")
    add_completions(database, learner, learner_uuid, count)
    database.conn.close()
    return home


def test_credentials_never_go_to_a_server_a_manifest_names(
    ralph: RalphServer, db: Database, tmp_path: Path
) -> None:
    settings_path = tmp_path / "settings.json"
    environ = {ENV_USERNAME: ralph.username, ENV_PASSWORD: ralph.password}
    with SpyLrs() as spy:
        # The laptop has LRS credentials; a course's manifest names another server.
        settings = SyncSettings.load(settings_path, environ)
        report = sync_outbox(db, settings, manifests=manifest_naming(spy.endpoint), timeout=5)
        leaked = [r for r in spy.requests if r["auth"]]
        assert leaked == []
        assert spy.stored == [] and report.pending == COUNT
        assert f"course-player sync --approve {spy.endpoint}" in "; ".join(report.stopped)

        # Approved by the user: used, but with no credentials (none configured for it).
        update_settings(settings_path, lrs_approved_endpoints=[spy.endpoint])
        settings = SyncSettings.load(settings_path, environ)
        report = sync_outbox(db, settings, manifests=manifest_naming(spy.endpoint), timeout=5)
        assert report.complete and len(spy.stored) == COUNT
        assert [r["auth"] for r in spy.requests if r["method"] == "POST"] == [None]
        unauthenticated = len(spy.requests)

    # A manifest naming the LRS whose origin has credentials configured, once approved: those
    # credentials, and the statements reach the real LRS.
    fresh = open_database(tmp_path / "second.sqlite3")
    add_course(fresh, "demo")
    learner, learner_uuid = add_learner(fresh, "Bo", "bo@example.org")
    add_completions(fresh, learner, learner_uuid, COUNT)
    update_settings(
        settings_path,
        lrs_approved_endpoints=[ralph.endpoint],
        lrs_credentials={ralph.base_url: {"username": ralph.username, "password": ralph.password}},
    )
    report = sync_outbox(
        fresh,
        SyncSettings.load(settings_path, {}),
        manifests=manifest_naming(ralph.endpoint),
        timeout=30,
    )
    assert report.complete and stored_once(ralph, fresh)
    fresh.conn.close()
    record_outcome(
        AREA,
        "a course's manifest names another LRS (sync.endpoint) while credentials are set",
        result="nothing sent until approved (sync --approve); then sent without the credentials;"
        " credentials go only to the origin configured with them",
        figures={
            "requests carrying credentials to the manifest's server": len(leaked),
            "requests to it after approval": unauthenticated,
            "before the fix": "the password sent to the manifest's server at once",
        },
    )


def test_plain_http_to_another_computer_is_refused(tmp_path: Path) -> None:
    home = home_with_completions(tmp_path, 2)
    env = cli_env(
        home,
        **{
            ENV_ENDPOINT: "http://lrs.example.invalid/xAPI/",
            ENV_USERNAME: "u",
            ENV_PASSWORD: "secret-over-the-air",
        },
    )
    refused = run_cli(["sync", "--timeout", "2"], home, env=env)
    message = refused.one_line_error()
    assert "plain http" in message and "secret" not in message
    allowed = run_cli(["sync", "--timeout", "1", "--allow-insecure"], home, env=env)
    assert "plain http" not in allowed.stderr and "cannot reach the LRS" in allowed.stderr
    record_outcome(
        AREA,
        "LRS endpoint http:// on another computer",
        result=f"refused: {message}",
        figures={
            "with --allow-insecure": "attempted (then: no such host)",
            "before the fix": "attempted with the password, then 'cannot reach'",
        },
    )


def test_an_https_to_http_redirect_is_not_followed(
    ralph: RalphServer,
    db: Database,
    front: tuple[LrsFront, FaultProxy],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, plain_http = front
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(server.ca_file))
    redirected = SyncSettings(
        f"{server.https_url}/to-http/xAPI/", "test", ralph.username, ralph.password
    )
    try:
        report = sync_outbox(db, redirected, timeout=5)
    except SyncAuthError as error:  # the redirect was followed and the LRS was reached
        pytest.fail(f"the https -> http redirect was followed: {error}")
    assert plain_http.upstream_bytes == 0  # not a byte crossed plain http
    assert report.pending == COUNT and report.sent == 0
    reason = "; ".join(report.stopped)
    assert "HTTP 307, a redirect to http://127.0.0.1" in reason

    # The same LRS over verified TLS: everything delivered.
    report = sync_outbox(
        db, SyncSettings(f"{server.https_url}/xAPI/", "t", ralph.username, ralph.password)
    )
    assert report.complete and stored_once(ralph, db)
    record_outcome(
        AREA,
        "https LRS address answering 307 to plain http",
        result=f"not followed; nothing counted as sent ({reason[:120]}…); the https LRS then"
        " gets every statement once",
        figures={
            "bytes that crossed plain http": plain_http.upstream_bytes,
            "before the fix": "307 followed: the statements sent over plain http (401 there)",
        },
    )


def test_a_captive_portal_is_not_an_lrs(
    ralph: RalphServer, db: Database, front: tuple[LrsFront, FaultProxy]
) -> None:
    server, _ = front
    wifi = FaultProxy(server.portal_port).start()  # the link: to the portal until logged in
    try:
        settings = SyncSettings(f"{wifi.base_url}/xAPI/", "test", ralph.username, ralph.password)
        report = sync_outbox(db, settings, timeout=5)
        recorded_sent = sync_status(db).sent
        assert recorded_sent == 0 and report.pending == COUNT
        assert "HTTP 302, a redirect to" in "; ".join(report.stopped)
        assert not any("GET /login" in line for line in server.access_log())

        # A portal answering 200 with its page: not an LRS's answer either.
        ok = SyncSettings(f"{server.portal_url}/ok/xAPI/", "t", ralph.username, ralph.password)
        report = sync_outbox(db, ok, timeout=5)
        assert sync_status(db).sent == 0
        assert "200 without listing the statements sent (text/html)" in report.stopped[0]

        # Logged in: the same address now reaches the LRS; every statement arrives once.
        wifi.target = ("127.0.0.1", ralph.port)
        report = sync_outbox(db, settings, timeout=30)
    finally:
        wifi.stop()
    assert report.complete and stored_once(ralph, db)
    record_outcome(
        AREA,
        "Wi-Fi captive portal: 302 to its login page, or 200 with an HTML page",
        result="nothing counted as sent; once past the portal every statement arrives once",
        figures={
            "statements recorded as sent behind the portal": recorded_sent,
            "before the fix": f"{COUNT} of {COUNT} recorded as sent, none stored",
        },
    )


def test_a_200_counts_only_the_ids_it_lists(ralph: RalphServer, db: Database) -> None:
    outbox.freeze_pending(db, lambda _: None)
    statements = [json.loads(row["statement"]) for row in db.query("SELECT * FROM outbox")]
    # Half already stored (an answer lost earlier): Ralph's 200 lists only the new ones.
    answer = requests.post(
        f"{ralph.base_url}/xAPI/statements",
        json=statements[::2],
        auth=ralph.auth,
        headers={"X-Experience-API-Version": "1.0.3"},
        timeout=30,
    )
    assert answer.status_code == 200
    settings = SyncSettings(ralph.endpoint, "test", ralph.username, ralph.password)
    report = sync_outbox(db, settings, timeout=30)
    assert report.complete and report.sent == COUNT and report.requests == 2
    assert stored_once(ralph, db)
    record_outcome(
        AREA,
        "batch partly stored earlier (answer lost): the LRS's 200 lists only the new ids",
        result="the others sent again and acknowledged (204); every statement stored once",
        figures={
            "POST requests": report.requests,
            "before the fix": "the whole batch counted as sent on a 200 listing half of it",
        },
    )


def test_status_never_shows_credentials_in_the_endpoint(ralph: RalphServer, tmp_path: Path) -> None:
    home = home_with_completions(tmp_path, 3)
    secret = "p4ss-in-the-url"
    with_wrong = f"http://{ralph.username}:{secret}@127.0.0.1:{ralph.port}/xAPI/"
    update_settings(home / "settings.json", lrs_endpoint=with_wrong)
    wrong = run_cli(["sync", "--timeout", "5"], home)
    message = wrong.one_line_error()
    assert "refused the credentials" in message
    good = f"http://{ralph.username}:{ralph.password}@127.0.0.1:{ralph.port}/xAPI/"
    update_settings(home / "settings.json", lrs_endpoint=good)
    assert run_cli(["sync", "--timeout", "30"], home).returncode == 0
    shown = run_cli(["sync", "--status"], home).stdout
    shown_json = run_cli(["sync", "--status", "--json"], home).stdout
    for password in (secret, ralph.password):
        assert password not in message + shown + shown_json
    assert f"http://127.0.0.1:{ralph.port}/xAPI/" in shown
    record_outcome(
        AREA,
        "user:password@ in the LRS endpoint; sync --status, --status --json, a 401 message",
        result="password never printed; the credentials still used for that origin",
        figures={
            "statements sent": 3,
            "before the fix": "the password printed by sync --status and in the 401 message",
        },
    )


def test_a_certificate_that_cannot_be_verified_is_named(
    db: Database, front: tuple[LrsFront, FaultProxy], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, _ = front
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)  # the test CA is not trusted
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    settings = SyncSettings(f"{server.https_url}/xAPI/", "test", "u", "secret")
    report = sync_outbox(db, settings, timeout=3)
    reason = "; ".join(report.stopped)
    assert "certificate could not be verified" in reason
    assert "cannot reach" not in reason
    assert report.pending == COUNT
    assert not any("POST" in line for line in server.access_log())
    record_outcome(
        AREA,
        "LRS over https with a certificate this laptop does not trust",
        result=f"stopped at once: {reason[:160]}",
        figures={
            "statements sent": report.sent,
            "before the fix": "'cannot reach the LRS', retried until the deadline",
        },
    )


def test_an_endless_answer_is_read_only_so_far(tmp_path: Path) -> None:
    home = home_with_completions(tmp_path, 3)
    with EndlessLrs() as lrs:
        run = run_cli(
            ["sync", "--timeout", "5"], home, env=cli_env(home, **{ENV_ENDPOINT: lrs.endpoint})
        )
        served = lrs.bytes_sent
    message = run.one_line_error()
    assert "200 without listing the statements sent" in message
    assert "3 statement(s) still pending" in message
    assert run.max_rss_mib < 200
    record_outcome(
        AREA,
        "an LRS answering 200 with a JSON array that never ends",
        result=f"refused after 1 MiB: {message[:160]}…",
        figures={
            "peak memory (MiB)": round(run.max_rss_mib),
            "bytes the server wrote before the hang-up": served,
            "before the fix": "the whole answer read into memory (MemoryError at the 1 GiB cap)",
        },
    )
