"""Issue 14, publisher identity: only a key the laptop trusts is "verified".

Each test reproduces one finding of the audit (a crafted package, a squatted version, a
look-alike name) and checks the rule that closes it; see docs/security.md.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from player.cli import main
from player.core.context import Context
from player.core.errors import InstallError, SignatureError
from player.core.install import InstallResult, install, open_source
from player.core.package.pack import pack
from player.core.settings import load_settings
from player.core.trust import (
    KeyChangedError,
    add_trusted_key,
    generate_key,
    key_fingerprint,
    pinned_key,
    publisher_info,
    remove_trusted_key,
    short_fingerprint,
    signer_for,
    trusted_publishers,
)
from tests.helpers.courses import document, write_source
from tests.helpers.outbox import add_event, add_learner, event

NAME = "Association Écoute"


def install_path(ctx: Context, path: Path, **kwargs: object) -> InstallResult:
    source = open_source(str(path))
    try:
        return install(ctx, source, **kwargs)  # type: ignore[arg-type]
    finally:
        source.close()


def package(
    tmp_path: Path, key: Path | None, label: str, *, version: int = 1, name: str = NAME
) -> Path:
    doc = document(publisher={"name": name}, version=version)
    source = write_source(tmp_path / f"src-{label}", doc)
    return pack(source, tmp_path / f"{label}.zip", sign=signer_for(key) if key else None).dest


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    made = {}
    for label in ("real", "squatter", "stranger"):
        path = tmp_path / f"{label}.key"
        made[label] = (path, generate_key(path))
    return made


def trust(ctx: Context, public: str, name: str = NAME, courses: tuple[str, ...] = ()) -> None:
    add_trusted_key(ctx.data.settings, public, name=name, courses=courses)


# --------------------------------------------------------------------------- "verified"


def test_a_self_signed_package_is_not_verified(ctx: Context, tmp_path: Path, keys) -> None:
    """Finding: any self-signed package showed a green "verified publisher"."""
    key, public = keys["squatter"]
    install_path(ctx, package(tmp_path, key, "self-signed"))
    info = publisher_info(ctx, "test-course")
    assert info["verified"] is False and info["trusted"] is False
    assert info["signed"] is True and info["publisher_key"] == public
    assert info["fingerprint"] == short_fingerprint(public)
    assert len(info["fingerprint"]) == 9 and info["fingerprint"][4] == " "


def test_a_trusted_key_is_verified_under_the_name_the_laptop_knows(
    ctx: Context, tmp_path: Path, keys
) -> None:
    key, public = keys["real"]
    trust(ctx, public, name="Écoute (trusted here)")
    install_path(ctx, package(tmp_path, key, "v1", name="Anything it likes"))
    info = publisher_info(ctx, "test-course")
    assert info["verified"] is True and info["trusted_as"] == "Écoute (trusted here)"
    # Removing the key from the trusted list takes "verified" away at once.
    remove_trusted_key(ctx.data.settings, public)
    assert publisher_info(ctx, "test-course")["verified"] is False


def test_a_key_trusted_for_listed_courses_only(ctx: Context, tmp_path: Path, keys) -> None:
    key, public = keys["real"]
    trust(ctx, public, courses=("another-course",))
    install_path(ctx, package(tmp_path, key, "v1"))
    assert publisher_info(ctx, "test-course")["verified"] is False
    trust(ctx, public, courses=("another-course", "test-course"))
    assert publisher_info(ctx, "test-course")["verified"] is True


# --------------------------------------------------------------------------- names


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    "claimed",
    [
        pytest.param(decomposed(NAME), id="NFD accents"),
        pytest.param("ＡＳＳＯＣＩＡＴＩＯＮ ÉCOUTE", id="fullwidth capitals"),
        pytest.param("association\u00a0écoute", id="no-break space"),
    ],
)
def test_a_trusted_publishers_name_is_refused_from_another_key_after_nfkc(
    ctx: Context, tmp_path: Path, keys, claimed: str
) -> None:
    """Finding: names were compared with ``casefold`` only, so an NFD or fullwidth spelling of
    a trusted publisher's name passed as a different publisher."""
    trust(ctx, keys["real"][1])
    with pytest.raises(SignatureError, match="trusted publisher"):
        install_path(ctx, package(tmp_path, keys["squatter"][0], "impostor", name=claimed))
    assert ctx.course_row("test-course") is None


def test_a_mixed_script_look_alike_name_is_refused(ctx: Context, tmp_path: Path, keys) -> None:
    """Finding: "Аssociation Écoute" with a Cyrillic А installed as a new publisher."""
    look_alike = "\u0410ssociation Écoute"
    with pytest.raises(SignatureError, match="mixes scripts"):
        install_path(ctx, package(tmp_path, keys["squatter"][0], "cyrillic", name=look_alike))
    with pytest.raises(SignatureError, match="mixes scripts"):
        install_path(ctx, package(tmp_path, None, "cyrillic-unsigned", name=look_alike))
    assert ctx.course_row("test-course") is None
    # One script (or Latin with Japanese, as UTS #39 allows) is fine.
    install_path(ctx, package(tmp_path, None, "greek", name="Ελληνικό Ινστιτούτο 2"))


# --------------------------------------------------------------------------- takeover


def test_a_trusted_key_takes_over_a_course_pinned_on_first_sight(
    ctx: Context, tmp_path: Path, keys
) -> None:
    """Finding: a squatter who got a course id pinned first locked the real publisher out."""
    (squatter, squatter_public), (real, real_public) = keys["squatter"], keys["real"]
    install_path(ctx, package(tmp_path, squatter, "squat", name="Squatter"))
    assert pinned_key(ctx.db, "test-course") == squatter_public
    trust(ctx, real_public)
    result = install_path(ctx, package(tmp_path, real, "real", version=2))
    assert result.version == 2 and pinned_key(ctx.db, "test-course") == real_public
    assert any(short_fingerprint(squatter_public) in w for w in result.warnings)
    assert publisher_info(ctx, "test-course")["verified"] is True
    # ... and the squatter, unknown, cannot take it back.
    with pytest.raises(KeyChangedError):
        install_path(ctx, package(tmp_path, squatter, "again", version=3, name="Squatter"))


def test_an_unknown_key_cannot_take_over(ctx: Context, tmp_path: Path, keys) -> None:
    (real, real_public), (stranger, _) = keys["real"], keys["stranger"]
    trust(ctx, real_public)
    install_path(ctx, package(tmp_path, real, "real"))
    with pytest.raises(KeyChangedError):
        install_path(ctx, package(tmp_path, stranger, "stranger", version=2, name="Other"))
    assert pinned_key(ctx.db, "test-course") == real_public


def test_a_trusted_key_does_not_silently_take_a_course_from_another_trusted_key(
    ctx: Context, tmp_path: Path, keys
) -> None:
    (real, real_public), (other, other_public) = keys["real"], keys["stranger"]
    trust(ctx, real_public)
    trust(ctx, other_public, name="Another partner")
    install_path(ctx, package(tmp_path, real, "real"))
    with pytest.raises(KeyChangedError):
        install_path(ctx, package(tmp_path, other, "other", version=2, name="Another partner"))


# --------------------------------------------------------------------------- version floors


def test_an_unsigned_version_999_does_not_lock_out_the_real_version_3(
    ctx: Context, tmp_path: Path, keys
) -> None:
    """Finding: one floor per course id, raised by anyone; a squatted "999" refused every
    genuine update as a downgrade."""
    real, real_public = keys["real"]
    install_path(ctx, package(tmp_path, None, "squat", version=999, name="Someone"))
    trust(ctx, real_public)
    assert install_path(ctx, package(tmp_path, real, "real", version=3)).version == 3
    # The signed line keeps its own floor.
    with pytest.raises(InstallError, match="refusing to downgrade"):
        install_path(ctx, package(tmp_path, real, "real-2", version=2))


def test_an_unknown_keys_version_999_does_not_lock_out_the_trusted_version_3(
    ctx: Context, tmp_path: Path, keys
) -> None:
    (squatter, _), (real, real_public) = keys["squatter"], keys["real"]
    install_path(ctx, package(tmp_path, squatter, "squat", version=999, name="Someone"))
    trust(ctx, real_public)
    assert install_path(ctx, package(tmp_path, real, "real", version=3)).version == 3


def test_the_unsigned_line_keeps_its_own_floor(ctx: Context, tmp_path: Path) -> None:
    install_path(ctx, package(tmp_path, None, "v5", version=5))
    with pytest.raises(InstallError, match="refusing to downgrade"):
        install_path(ctx, package(tmp_path, None, "v4", version=4))


# --------------------------------------------------------------------------- trust list


def test_add_list_remove_in_settings(ctx: Context, keys) -> None:
    public = keys["real"][1]
    added = add_trusted_key(ctx.data.settings, public, name=NAME)
    assert added.key == public and added.courses == ()
    stored = load_settings(ctx.data.settings)["trusted_publishers"]
    assert stored == [{"name": NAME, "key": public}]
    assert [p.key for p in trusted_publishers(ctx) if not p.shipped] == [public]
    with pytest.raises(SignatureError, match="mixes scripts"):
        add_trusted_key(ctx.data.settings, keys["stranger"][1], name="\u0410ssociation")
    # removal by the full fingerprint or its first groups works too
    remove_trusted_key(ctx.data.settings, key_fingerprint(public)[:9])
    assert load_settings(ctx.data.settings).get("trusted_publishers") in (None, [])
    with pytest.raises(SignatureError, match="not in the list"):
        remove_trusted_key(ctx.data.settings, public)


def listed_course(capsys: pytest.CaptureFixture[str]) -> dict:
    return next(c for c in json.loads(capsys.readouterr().out) if c["id"] == "test-course")


def test_cli_trust_add_list_remove(
    home: Path, tmp_path: Path, keys, capsys: pytest.CaptureFixture[str]
) -> None:
    real, public = keys["real"]
    signed = package(tmp_path, real, "real")
    assert main(["install", str(signed)]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    assert listed_course(capsys)["verified"] is False

    # from the package itself: the key that signed it, and its publisher name
    assert main(["trust", "add", str(signed)]) == 0
    said = capsys.readouterr().err
    assert key_fingerprint(public) in said and NAME in said
    assert main(["list", "--json"]) == 0
    assert listed_course(capsys)["verified"] is True

    assert main(["trust", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(e["key"], e["name"], e["source"]) for e in listed] == [(public, NAME, "user")]
    assert main(["trust", "list"]) == 0
    assert key_fingerprint(public) in capsys.readouterr().out

    assert main(["trust", "remove", public]) == 0
    capsys.readouterr()
    assert main(["trust", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    # a bare key needs a name; a wrong fingerprint is refused; nothing is written
    assert main(["trust", "add", public]) == 1
    assert "--name" in capsys.readouterr().err
    assert main(["trust", "add", public, "--name", "X", "--fingerprint", "0000 0000"]) == 1
    assert "fingerprint" in capsys.readouterr().err
    assert main(["trust", "add", public, "--name", "X", "--course", "test-course"]) == 0
    capsys.readouterr()
    assert main(["trust", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["courses"] == ["test-course"]


def test_cli_trust_add_a_key_file(home: Path, tmp_path: Path, keys, capsys) -> None:
    public = keys["real"][1]
    text = tmp_path / "partner.pub"
    text.write_text(f"# from the partner's letter\n{public} {NAME}\n", encoding="utf-8")
    assert main(["trust", "add", str(text)]) == 0
    capsys.readouterr()
    assert main(["trust", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == NAME
    # a file that holds no key
    junk = tmp_path / "junk.txt"
    junk.write_text("hello\n")
    assert main(["trust", "add", str(junk)]) == 1
    error = capsys.readouterr().err.strip()
    assert "\n" not in error and "no ed25519" in error


def test_version_floors_are_carried_over_from_older_databases(tmp_path: Path) -> None:
    """m008: each old per-course floor goes to the pinned key's line (unsigned when none)."""
    from player.core.store.database import open_database
    from player.core.store.migrations import migrations

    path = tmp_path / "old.sqlite3"
    old = open_database(path, migrate=False)
    migrations.apply(old, stop_before="m008_version_floors")
    old.execute(
        "INSERT INTO course_history VALUES"
        " ('pinned', 7, 'ed25519:K', 'P'), ('plain', 5, NULL, NULL)"
    )
    old.execute(
        "INSERT INTO courses (id, version, title, language, manifest_sha256, bytes, installed_at,"
        " signed_by) VALUES ('plain', 5, 'T', 'fr', 'abc', 1, 'now', NULL),"
        " ('fresh', 2, 'T', 'fr', 'def', 1, 'now', 'ed25519:X')"
    )
    old.conn.close()
    upgraded = open_database(path)
    rows = upgraded.execute("SELECT * FROM version_floors ORDER BY course_id").fetchall()
    assert rows == [("fresh", "ed25519:X", 2), ("pinned", "ed25519:K", 7), ("plain", "", 5)]
    upgraded.conn.close()


# --------------------------------------------------------------------------- a course's LRS


def test_only_a_trusted_publisher_may_name_its_courses_lrs(
    ctx: Context, tmp_path: Path, keys
) -> None:
    """A course's own LRS address is used unasked only when a key trusted for it signed it."""
    from player.core.sync.config import LrsConfig, SyncSettings
    from player.core.sync.service import lrs_groups, manifests_of
    from player.core.trust import trusted_course_check

    key, public = keys["real"]
    doc = document(publisher={"name": NAME}, sync={"endpoint": "https://lrs.example.org/xAPI/"})
    source = write_source(tmp_path / "src-lrs", doc)
    install_path(ctx, pack(source, tmp_path / "lrs.zip", sign=signer_for(key)).dest)
    learner_id, learner_uuid = add_learner(ctx.db, "Ana")
    add_event(ctx.db, learner_id, "lesson_completed", event(learner_uuid, "test-course"))
    settings = SyncSettings.load(ctx.data.settings)
    check = trusted_course_check(ctx)

    assert check("test-course") is False  # signed, but by a key this laptop does not trust
    groups, blocked = lrs_groups(ctx.db, settings, manifests_of(ctx), check)
    assert not any(isinstance(config, LrsConfig) for config in groups) and blocked

    trust(ctx, public, courses=("test-course",))
    assert check("test-course") is True
    groups, blocked = lrs_groups(ctx.db, settings, manifests_of(ctx), check)
    endpoints = [config.endpoint for config in groups if config is not None]
    assert endpoints == ["https://lrs.example.org/xAPI/"] and not blocked
    assert all(config.password is None for config in groups if config is not None)
    assert check("no-such-course") is False
