"""The workshop hub (issue 17): courses served in package form, statements taken exactly once."""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from player.core.context import Context, open_context
from player.core.errors import HubError
from player.core.hub.learner import (
    HubLink,
    code_in,
    hub_courses,
    hub_url,
    pair,
    sync_with_hub,
)
from player.core.hub.pairing import normalize_code, token_for
from player.core.hub.server import HubOptions, HubServer
from player.core.install import install, open_source
from player.core.package.pack import pack
from player.core.package.reader import FolderSource
from player.core.paths import DataDir
from player.core.store.database import utc_now
from player.core.sync import outbox
from player.core.sync.config import SyncSettings
from tests.helpers.courses import MEDIA, document, write_source
from tests.helpers.outbox import add_completions, add_learner

CODE = "K7M2QX"


def statement(statement_id: str | None = None, lesson: str = "m1-read") -> dict[str, object]:
    return {
        "id": statement_id or str(uuid.uuid4()),
        "actor": {"mbox": "mailto:awa@example.org", "name": "Awa"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {
            "objectType": "Activity",
            "id": f"https://course-player.invalid/xapi/activities/test-course/lessons/{lesson}",
        },
        "timestamp": utc_now(),
    }


@pytest.fixture
def hub_ctx(tmp_path: Path) -> Iterator[Context]:
    """The trainer's data folder with the test course installed (all qualities)."""
    ctx = open_context(DataDir(tmp_path / "hub-data"))
    source = write_source(tmp_path / "src", document(), MEDIA)
    install(ctx, FolderSource(pack(source, tmp_path / "pkg").dest))
    yield ctx
    ctx.close()


@pytest.fixture
def hub(hub_ctx: Context) -> Iterator[HubServer]:
    server = HubServer(
        hub_ctx.data, HubOptions(port=0, bind="127.0.0.1", code=CODE, name="Atelier")
    )
    with server:
        yield server


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Context]:
    ctx = open_context(DataDir(tmp_path / "laptop"))
    yield ctx
    ctx.close()


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(CODE)}", "X-Course-Player-Laptop": "PC-07"}


def install_from(ctx: Context, url: str, **kwargs: object) -> object:
    source = open_source(url, ctx.data)
    try:
        return install(ctx, source, **kwargs)  # type: ignore[arg-type]
    finally:
        source.close()


def test_listing_names_each_course_with_sizes_per_quality(hub: HubServer) -> None:
    listing = requests.get(hub.url + "courses", timeout=5).json()
    assert listing["hub"] == "Atelier"
    [course] = listing["courses"]
    assert course["id"] == "test-course" and course["version"] == 1
    assert course["url"] == "/courses/test-course/course.json"
    sizes = {q: v["bytes"] for q, v in course["qualities"].items()}
    assert sizes["480"] > sizes["240"] > sizes["audio"]
    assert all(v["complete"] for v in course["qualities"].values())


def test_a_laptop_installs_a_course_from_the_hub_verified(hub: HubServer, laptop: Context) -> None:
    result = install_from(laptop, hub.url + "courses/test-course/course.json")
    assert result.course_id == "test-course"  # type: ignore[attr-defined]
    assert (
        laptop.member_path("test-course", "media/intro-480.mp4").read_bytes()
        == (  # type: ignore[union-attr]
            MEDIA["media/intro-480.mp4"]
        )
    )


def test_quality_choice_holds_when_installing_from_the_hub(hub: HubServer, laptop: Context) -> None:
    install_from(laptop, hub.url + "courses/test-course/course.json", quality="240")
    installed = laptop.installed_members("test-course")
    assert "media/intro-240.mp4" in installed and "media/intro-480.mp4" not in installed


def test_files_answer_range_etag_and_if_range(hub: HubServer) -> None:
    url = hub.url + "courses/test-course/media/intro-480.mp4"
    whole = requests.get(url, timeout=5)
    etag = whole.headers["ETag"]
    assert whole.content == MEDIA["media/intro-480.mp4"] and etag.startswith('"')
    part = requests.get(url, headers={"Range": "bytes=100-", "If-Range": etag}, timeout=5)
    assert part.status_code == 206 and part.content == whole.content[100:]
    stale = requests.get(url, headers={"Range": "bytes=100-", "If-Range": '"old-1"'}, timeout=5)
    assert stale.status_code == 200 and stale.content == whole.content


def test_unlisted_paths_and_other_courses_are_404(hub: HubServer) -> None:
    for path in (
        "courses/test-course/../../player.sqlite3",
        "courses/nope/course.json",
        "courses/test-course/media/missing.mp4",
        "courses/test-course/settings.json",
    ):
        assert requests.get(hub.url + path, timeout=5).status_code == 404


def test_downloads_can_require_the_code(hub_ctx: Context) -> None:
    options = HubOptions(port=0, bind="127.0.0.1", code=CODE, downloads_need_code=True)
    with HubServer(hub_ctx.data, options) as server:
        url = server.url + "courses/test-course/course.json"
        assert requests.get(url, timeout=5).status_code == 401
        assert requests.get(url, headers=auth(), timeout=5).status_code == 200


def test_a_course_url_can_carry_the_code_for_install(hub_ctx: Context, laptop: Context) -> None:
    options = HubOptions(port=0, bind="127.0.0.1", code=CODE, downloads_need_code=True)
    with HubServer(hub_ctx.data, options) as server:
        url = f"http://code:{CODE}@127.0.0.1:{server.port}/courses/test-course/course.json"
        result = install_from(laptop, url, quality="240")
        assert result.course_id == "test-course"  # type: ignore[attr-defined]
        link = HubLink(server.url, token_for(CODE))
        [course] = hub_courses(server.url, link=link)
        assert course.url.startswith(f"http://pair:{token_for(CODE)}@127.0.0.1:")
        with pytest.raises(HubError):
            hub_courses(server.url)  # not paired: the listing is refused


def test_statements_need_the_pairing_code(hub: HubServer) -> None:
    url = hub.url + "xapi/statements"
    assert requests.post(url, json=[statement()], timeout=5).status_code == 401
    wrong = {"Authorization": f"Bearer {token_for('AAAAAA')}"}
    assert requests.post(url, json=[statement()], headers=wrong, timeout=5).status_code == 401


def test_statements_are_queued_once_and_merged_with_the_laptop_named(
    hub: HubServer, hub_ctx: Context
) -> None:
    hub_ctx.db.execute(
        "INSERT INTO learners (uuid, name, email, created_at) VALUES (?, 'Awa', ?, ?)",
        [str(uuid.uuid4()), "awa@example.org", utc_now()],
    )
    batch = [statement(lesson="m1-read"), statement(lesson="m2-read")]
    url = hub.url + "xapi/statements"
    for _ in range(3):  # a lost answer makes the laptop send the same batch again
        answer = requests.post(url, json=batch, headers=auth(), timeout=5)
        assert answer.status_code == 200 and answer.json() == [s["id"] for s in batch]
    rows = list(hub_ctx.db.query("SELECT * FROM outbox ORDER BY seq"))
    assert [r["statement_id"] for r in rows] == [s["id"] for s in batch]
    assert {json.loads(r["event"])["imported_from"] for r in rows} == {"hub: PC-07"}
    assert {r["origin"] for r in rows} == {"import"} and {r["state"] for r in rows} == {"pending"}
    merged = list(hub_ctx.db.query("SELECT lesson_id FROM lesson_progress ORDER BY lesson_id"))
    assert [m["lesson_id"] for m in merged] == ["m1-read", "m2-read"]


def test_a_batch_with_one_bad_statement_is_refused_whole(hub: HubServer, hub_ctx: Context) -> None:
    bad = statement()
    bad["verb"] = {"id": "not an iri"}
    answer = requests.post(
        hub.url + "xapi/statements", json=[statement(), bad], headers=auth(), timeout=5
    )
    assert answer.status_code == 400 and "verb" in answer.json()["detail"]
    assert hub_ctx.db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0


def test_same_id_other_content_is_a_conflict(hub: HubServer) -> None:
    first = statement()
    url = hub.url + "xapi/statements"
    assert requests.post(url, json=[first], headers=auth(), timeout=5).status_code == 200
    other = dict(first, verb={"id": "http://adlnet.gov/expapi/verbs/passed"})
    assert requests.post(url, json=[other], headers=auth(), timeout=5).status_code == 409


def test_put_takes_one_statement_by_id(hub: HubServer, hub_ctx: Context) -> None:
    one = statement()
    url = f"{hub.url}xapi/statements?statementId={one['id']}"
    assert requests.put(url, json=one, headers=auth(), timeout=5).status_code == 204
    assert hub_ctx.db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 1


def test_gzip_bodies_are_read_and_bounded(hub_ctx: Context) -> None:
    options = HubOptions(port=0, bind="127.0.0.1", code=CODE, max_body=50_000)
    with HubServer(hub_ctx.data, options) as server:
        url = server.url + "xapi/statements"
        headers = {**auth(), "Content-Encoding": "gzip", "Content-Type": "application/json"}
        body = gzip.compress(json.dumps([statement()]).encode())
        assert requests.post(url, data=body, headers=headers, timeout=5).status_code == 200
        bomb = gzip.compress(b"[" + b" " * 5_000_000 + b"]")
        assert requests.post(url, data=bomb, headers=headers, timeout=5).status_code == 413
        big = json.dumps([statement()] * 1).encode() + b" " * 60_000
        plain = {**auth(), "Content-Type": "application/json"}
        assert requests.post(url, data=big, headers=plain, timeout=5).status_code == 413


def test_one_laptop_cannot_flood_the_hub(hub_ctx: Context) -> None:
    options = HubOptions(port=0, bind="127.0.0.1", code=CODE, xapi_rate=0.01, xapi_burst=3)
    with HubServer(hub_ctx.data, options) as server:
        url = server.url + "xapi/statements"
        codes = [
            requests.post(url, json=[statement()], headers=auth(), timeout=5).status_code
            for _ in range(6)
        ]
        assert codes[:3] == [200, 200, 200] and 429 in codes[3:]


def test_hub_addresses_and_codes_as_people_type_them() -> None:
    assert hub_url("192.168.1.5") == "http://192.168.1.5:8765/"
    assert hub_url(" 192.168.1.5:9000 ") == "http://192.168.1.5:9000/"
    assert hub_url("http://10.0.0.2:8765/#code=ABC123") == "http://10.0.0.2:8765/"
    assert code_in("http://10.0.0.2:8765/#code=ABC123") == "ABC123"
    assert normalize_code(" k7m-2qx ") == CODE
    with pytest.raises(HubError):
        hub_url("ftp://10.0.0.2")


def test_pairing_is_remembered_and_a_wrong_code_is_one_clear_error(
    hub: HubServer, laptop: Context
) -> None:
    with pytest.raises(HubError, match="refused the pairing code"):
        pair(laptop.data.settings, hub.url, "WRONG1")
    link = pair(laptop.data.settings, hub.url, CODE.lower())
    assert link.name == "Atelier"
    settings = json.loads(laptop.data.settings.read_text())
    assert settings["hub_url"] == hub.url and settings["hub_token"] == token_for(CODE)
    assert CODE not in laptop.data.settings.read_text()


def test_laptop_sync_to_the_hub_sends_each_statement_once(
    hub: HubServer, hub_ctx: Context, laptop: Context
) -> None:
    learner_id, learner_uuid = add_learner(laptop.db, "Awa")
    ids = add_completions(laptop.db, learner_id, learner_uuid, 30)
    link = HubLink(hub.url, token_for(CODE), "Atelier")
    report = sync_with_hub(laptop.db, SyncSettings(), link, timeout=10)
    assert report.complete and report.hub.sent == 30 and report.direct is None
    again = sync_with_hub(laptop.db, SyncSettings(), link, timeout=10)
    assert again.hub.sent == 0 and again.hub.requests == 0
    held = [r["statement_id"] for r in hub_ctx.db.query("SELECT statement_id FROM outbox")]
    assert sorted(held) == sorted(ids)
    frozen = {r.statement_id: r.statement for r in outbox.pending_batch(hub_ctx.db, 100)}
    sent = {
        r["statement_id"]: r["statement"]
        for r in laptop.db.query("SELECT statement_id, statement FROM outbox")
    }
    assert frozen == sent  # the very bytes the laptop froze; the hub forwards them unchanged


def test_a_wrong_token_stops_the_laptop_sync_with_a_hub_error(
    hub: HubServer, laptop: Context
) -> None:
    learner_id, learner_uuid = add_learner(laptop.db, "Awa")
    add_completions(laptop.db, learner_id, learner_uuid, 2)
    with pytest.raises(HubError, match="pair again"):
        sync_with_hub(laptop.db, SyncSettings(), HubLink(hub.url, token_for("OTHER1")), timeout=5)


def test_what_the_lrs_confirmed_is_never_forwarded_by_the_hub(
    hub: HubServer, hub_ctx: Context
) -> None:
    batch = [statement(), statement()]
    url = hub.url + "xapi/statements"
    assert requests.post(url, json=batch, headers=auth(), timeout=5).status_code == 200
    answer = requests.post(
        hub.url + "xapi/confirmed", json={"ids": [batch[0]["id"]]}, headers=auth(), timeout=5
    )
    assert answer.json() == {"held": 1}
    pending = [row.statement_id for row in outbox.pending_batch(hub_ctx.db, 10)]
    assert pending == [batch[1]["id"]]


def test_a_port_in_use_is_one_clear_error(hub: HubServer, hub_ctx: Context) -> None:
    options = HubOptions(port=hub.port or 0, bind="127.0.0.1", code=CODE)
    other = HubServer(hub_ctx.data, options)
    other_socket_reuse = False
    try:
        other.start()
        other_socket_reuse = True
    except HubError as error:
        assert "another --port" in str(error)
    finally:
        if other_socket_reuse:
            other.stop()
    assert not other_socket_reuse


def test_the_app_bundle_is_offered_to_browsers_without_the_learners_data(
    hub_ctx: Context, tmp_path: Path
) -> None:
    import io
    import zipfile

    bundle = tmp_path / "course-player"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "course-player").write_bytes(b"#!/bin/sh\n")
    (bundle / "_internal" / "lib.so").write_bytes(b"lib")
    (bundle / "portable.txt").write_text("portable")
    (bundle / "course-player-data").mkdir()
    (bundle / "course-player-data" / "player.sqlite3").write_bytes(b"private progress")
    options = HubOptions(port=0, bind="127.0.0.1", code=CODE, bundle=bundle)
    with HubServer(hub_ctx.data, options) as server:
        page = requests.get(server.url, timeout=5)
        assert page.status_code == 200 and "Cours d&#x27;essai" in page.text
        link = page.text.split("href='/app/", 1)[1].split("'", 1)[0]
        archive = requests.get(server.url + "app/" + link, timeout=30)
        assert archive.status_code == 200
        names = set(zipfile.ZipFile(io.BytesIO(archive.content)).namelist())
        assert "course-player/course-player" in names
        assert "course-player/_internal/lib.so" in names
        assert "course-player/portable.txt" in names
        assert not any("course-player-data" in name for name in names)
        assert requests.get(server.url + "app/other.zip", timeout=5).status_code == 404


def test_the_apps_background_sync_sends_to_the_paired_hub(
    hub: HubServer, hub_ctx: Context, laptop: Context
) -> None:
    from player.core.hub.learner import HubAutoSync

    auto = HubAutoSync(laptop.db, laptop.data.settings, check_every=0)
    assert auto.tick() is None  # not paired
    pair(laptop.data.settings, hub.url, CODE)
    learner_id, learner_uuid = add_learner(laptop.db, "Awa")
    add_completions(laptop.db, learner_id, learner_uuid, 3)
    assert auto.tick() is True
    assert hub_ctx.db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 3
    assert laptop.db.execute("SELECT COUNT(*) FROM outbox WHERE state='sent'").fetchone()[0] == 3


def test_a_learner_known_only_from_a_laptop_appears_on_the_hubs_dashboard(
    hub: HubServer, hub_ctx: Context
) -> None:
    from player.core.trainer_table import dashboard_table

    done = statement(lesson="m1-read")
    done["actor"] = {"mbox": "mailto:binta@example.org", "name": "Binta"}
    answer = requests.post(hub.url + "xapi/statements", json=[done], headers=auth(), timeout=5)
    assert answer.status_code == 200
    rows = [r for r in dashboard_table(hub_ctx) if r.learner_name == "Binta"]
    assert rows and {r.source for r in rows} == {"imported"}
    assert sum(r.lessons_done for r in rows) == 1


def test_signature_pin_and_delta_update_hold_for_a_course_from_the_hub(
    tmp_path: Path, laptop: Context
) -> None:
    """The hub serves the signature with the manifest: the laptop checks the publisher and its
    pinned key as for any source, and an update fetches only the files that changed."""
    from player.core.errors import PlayerError
    from player.core.trust import (
        add_trusted_key,
        generate_key,
        pinned_key,
        publisher_info,
        signer_for,
    )

    real, stranger = tmp_path / "real.key", tmp_path / "stranger.key"
    real_public, _ = generate_key(real), generate_key(stranger)
    add_trusted_key(laptop.data.settings, real_public, name="Association")
    hub_ctx = open_context(DataDir(tmp_path / "hub2"))

    def publish(version: int, key: Path, media: dict[str, bytes]) -> None:
        doc = document(version=version, publisher={"name": "Association"})
        source = write_source(tmp_path / f"src-{version}-{key.stem}", doc, media)
        packed = pack(source, tmp_path / f"pkg-{version}-{key.stem}", sign=signer_for(key))
        install(hub_ctx, FolderSource(packed.dest), trust_new_key=True)

    try:
        publish(1, real, MEDIA)
        with HubServer(hub_ctx.data, HubOptions(port=0, bind="127.0.0.1", code=CODE)) as hub:
            url = hub.url + "courses/test-course/course.json"
            assert requests.get(hub.url + "courses", timeout=5).json()["courses"][0]["signed"]
            install_from(laptop, url)
            assert pinned_key(laptop.db, "test-course") == real_public
            assert publisher_info(laptop, "test-course")["verified"] is True
            changed = dict(MEDIA, **{"text/m2.md": b"# Nouvelle lecture\n"})
            publish(2, real, changed)
            update = install_from(laptop, url)
            assert update.version == 2 and update.fetched_files == 1  # type: ignore[attr-defined]
            publish(3, stranger, changed)  # the hub took another key; the laptop does not
            with pytest.raises(PlayerError):
                install_from(laptop, url)
            assert pinned_key(laptop.db, "test-course") == real_public
    finally:
        hub_ctx.close()
