"""Setting LRS credentials from the command line, against a real LRS (Ralph 5.1.0).

``course-player sync --configure ENDPOINT --user NAME`` and ``--approve ENDPOINT``, the
password read from standard input as a script would give it; ``sync --status`` shows where the
credentials are kept and never the password.
"""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from player.core.context import open_context
from player.core.install import install
from player.core.package.pack import pack
from player.core.package.reader import FolderSource
from player.core.paths import DataDir
from tests.fixtures.ralph import RalphServer
from tests.helpers.courses import document, write_source
from tests.helpers.outbox import add_completions, add_event, add_learner, event
from tests.reliability.harness import cli_command, cli_env

pytestmark = pytest.mark.integration


def cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli_command(*args),
        env=cli_env(home),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_configure_reads_the_password_from_stdin_and_sync_delivers(
    ralph: RalphServer, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    ctx = open_context(DataDir(home))
    learner, learner_uuid = add_learner(ctx.db, "Ana", "ana@example.org")
    add_completions(ctx.db, learner, learner_uuid, 4)
    ctx.close()

    done = cli(
        home, "sync", "--configure", ralph.endpoint, "--user", ralph.username, stdin=ralph.password
    )
    assert done.returncode == 0, done.stderr
    assert f"saved for {ralph.base_url} only" in done.stderr
    settings = home / "settings.json"
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    assert ralph.password not in done.stderr + done.stdout

    sent = cli(home, "sync", "--timeout", "30")
    assert sent.returncode == 0, sent.stderr
    assert len(ralph.statements()) == 4
    status = cli(home, "sync", "--status").stdout
    assert f"LRS endpoint: {ralph.endpoint} (as {ralph.username})" in status
    assert f"credentials for {ralph.base_url}: user {ralph.username}" in status
    assert ralph.password not in status

    empty = cli(home, "sync", "--configure", ralph.endpoint, "--user", "x", stdin="")
    assert empty.returncode != 0 and "No password given" in empty.stderr
    insecure = cli(home, "sync", "--configure", "http://lrs.example.invalid/xAPI/")
    assert insecure.returncode != 0 and "plain http" in insecure.stderr


def test_a_course_lrs_is_used_once_approved_with_credentials_for_its_origin(
    ralph: RalphServer, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    ctx = open_context(DataDir(home))
    source = write_source(tmp_path / "src", document(sync={"endpoint": ralph.endpoint}))
    install(ctx, FolderSource(pack(source, tmp_path / "course.pkg").dest))
    learner, learner_uuid = add_learner(ctx.db, "Ana", "ana@example.org")
    for _ in range(3):
        add_event(ctx.db, learner, "lesson_completed", event(learner_uuid, "test-course"))
    ctx.close()

    status = cli(home, "sync", "--status").stdout
    assert f"run 'course-player sync --approve {ralph.endpoint}'" in status
    refused = cli(home, "sync", "--timeout", "5")
    assert refused.returncode != 0 and "not approved" in refused.stderr
    assert ralph.statements() == []

    approved = cli(
        home, "sync", "--approve", ralph.endpoint, "--user", ralph.username, stdin=ralph.password
    )
    assert approved.returncode == 0, approved.stderr
    sent = cli(home, "sync", "--timeout", "30")
    assert sent.returncode == 0, sent.stderr
    assert len(ralph.statements()) == 3
    status = cli(home, "sync", "--status").stdout
    assert f"approved LRS (named by a course): {ralph.endpoint}" in status
    assert ralph.password not in status

    forgot = cli(home, "sync", "--forget", ralph.endpoint)
    assert "approval, credentials" in forgot.stderr
    status = cli(home, "sync", "--status").stdout
    assert "approved LRS" not in status and "credentials for" not in status
