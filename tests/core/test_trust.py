"""Signed packages: keygen, signing at pack, verification and key pinning at install."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from player.cli import main
from player.core.context import Context
from player.core.errors import InstallError, IntegrityError, ManifestError, SignatureError
from player.core.install import InstallResult, install, open_source, remove
from player.core.package.manifest import MANIFEST_NAME, SIGNATURE_NAME
from player.core.package.pack import pack
from player.core.settings import update_settings
from player.core.trust import (
    KeyChangedError,
    KeyFileError,
    generate_key,
    pinned_key,
    publisher_info,
    replace_pinned_key,
    short_fingerprint,
    signer_for,
)
from tests.helpers.courses import document, write_source

PUBLISHER = {"name": "Association Écoute"}


def install_path(ctx: Context, path: Path, **kwargs: object) -> InstallResult:
    source = open_source(str(path))
    try:
        return install(ctx, source, **kwargs)  # type: ignore[arg-type]
    finally:
        source.close()


def signed_zip(tmp_path: Path, key: Path | None, name: str, **changes: object) -> Path:
    """Pack the test course (``changes`` applied to its document), signed with ``key``."""
    doc = document(**{"publisher": dict(PUBLISHER), **changes})
    source = write_source(tmp_path / f"src-{name}", doc)
    sign = signer_for(key) if key is not None else None
    return pack(source, tmp_path / f"{name}.zip", sign=sign).dest


def rewrite_member(zip_path: Path, member: str, change: bytes | None) -> Path:
    """A copy of the zip with one member replaced (or removed when ``change`` is None)."""
    out = zip_path.with_name(f"altered-{zip_path.name}")
    with zipfile.ZipFile(zip_path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info))
            elif change is not None:
                dst.writestr(info, change)
    return out


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    made = {}
    for name in ("publisher", "other"):
        path = tmp_path / f"{name}.key"
        made[name] = (path, generate_key(path))
    return made


def test_keygen_writes_a_private_file_and_prints_the_public_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keyfile = tmp_path / "me.key"
    assert main(["keygen", str(keyfile)]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("ed25519:") and len(printed) == len("ed25519:") + 44
    assert stat.S_IMODE(keyfile.stat().st_mode) == 0o600
    before = keyfile.read_bytes()
    assert main(["keygen", str(keyfile)]) == 1  # never overwrites a key
    assert "already exists" in capsys.readouterr().err
    assert keyfile.read_bytes() == before


def test_signing_round_trip(ctx: Context, tmp_path: Path, keys: dict) -> None:
    key_path, public = keys["publisher"]
    package = signed_zip(tmp_path, key_path, "v1")
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
        assert len(archive.read(SIGNATURE_NAME)) == 64
    assert manifest["publisher"] == {"name": PUBLISHER["name"], "key": public}
    install_path(ctx, package)
    assert pinned_key(ctx.db, "test-course") == public
    info = publisher_info(ctx, "test-course")
    assert info == {  # signed by a key this laptop does not trust: not "verified" (issue 14)
        "publisher": PUBLISHER["name"],
        "verified": False,
        "trusted": False,
        "trusted_as": None,
        "signed": True,
        "publisher_key": public,
        "fingerprint": short_fingerprint(public),
    }
    # the installed copy keeps the exact signed bytes
    folder = ctx.manifest_folder("test-course", ctx.course_row("test-course")["manifest_sha256"])
    assert (folder / SIGNATURE_NAME).stat().st_size == 64


def test_one_byte_changed_in_the_manifest_is_refused(
    ctx: Context, tmp_path: Path, keys: dict
) -> None:
    package = signed_zip(tmp_path, keys["publisher"][0], "v1")
    with zipfile.ZipFile(package) as archive:
        original = archive.read(MANIFEST_NAME)
    altered = original.replace(b"Cours d'essai", b"Cours d'essaj", 1)
    assert altered != original and len(altered) == len(original)
    bad = rewrite_member(package, MANIFEST_NAME, altered)
    with pytest.raises(SignatureError, match="does not match its course.json"):
        install_path(ctx, bad)
    assert ctx.course_row("test-course") is None and pinned_key(ctx.db, "test-course") is None
    assert ctx.objects.all_paths() == []


def test_one_media_file_changed_is_refused_by_its_hash(
    ctx: Context, tmp_path: Path, keys: dict
) -> None:
    package = signed_zip(tmp_path, keys["publisher"][0], "v1")
    with zipfile.ZipFile(package) as archive:
        page = bytearray(archive.read("text/m2.md"))
    page[0] ^= 1
    bad = rewrite_member(package, "text/m2.md", bytes(page))
    with pytest.raises(IntegrityError, match="text/m2.md"):
        install_path(ctx, bad)
    assert ctx.course_row("test-course") is None and pinned_key(ctx.db, "test-course") is None


def test_truncated_signature_is_refused(ctx: Context, tmp_path: Path, keys: dict) -> None:
    package = signed_zip(tmp_path, keys["publisher"][0], "v1")
    with zipfile.ZipFile(package) as archive:
        signature = archive.read(SIGNATURE_NAME)
    bad = rewrite_member(package, SIGNATURE_NAME, signature[:40])
    with pytest.raises(SignatureError, match="truncated"):
        install_path(ctx, bad)
    assert ctx.course_row("test-course") is None


def test_signature_by_another_key_than_the_manifest_names(
    ctx: Context, tmp_path: Path, keys: dict
) -> None:
    mine = signed_zip(tmp_path, keys["publisher"][0], "mine")
    theirs = signed_zip(tmp_path, keys["other"][0], "theirs")
    with zipfile.ZipFile(theirs) as archive:
        foreign_signature = archive.read(SIGNATURE_NAME)
    bad = rewrite_member(mine, SIGNATURE_NAME, foreign_signature)
    with pytest.raises(SignatureError, match="does not match"):
        install_path(ctx, bad)


def test_other_key_after_signed_is_refused_naming_both_keys(
    ctx: Context, tmp_path: Path, keys: dict
) -> None:
    (mine, public), (other, other_public) = keys["publisher"], keys["other"]
    install_path(ctx, signed_zip(tmp_path, mine, "v1"))
    impostor = signed_zip(tmp_path, other, "v2", version=2)
    with pytest.raises(KeyChangedError) as refused:
        install_path(ctx, impostor)
    assert public in str(refused.value) and other_public in str(refused.value)
    assert "\n" not in str(refused.value)
    assert refused.value.new_key == other_public and refused.value.pinned_key == public
    assert ctx.course_row("test-course")["version"] == 1
    assert pinned_key(ctx.db, "test-course") == public


def test_unsigned_after_signed_is_refused_naming_the_pinned_key(
    ctx: Context, tmp_path: Path, keys: dict
) -> None:
    key_path, public = keys["publisher"]
    install_path(ctx, signed_zip(tmp_path, key_path, "v1"))
    unsigned = signed_zip(tmp_path, None, "v2", version=2)
    with pytest.raises(KeyChangedError, match="unsigned") as refused:
        install_path(ctx, unsigned)
    assert public in str(refused.value)
    # an unsigned package never replaces a pinned key, even with the rotation flag
    with pytest.raises(KeyChangedError):
        install_path(ctx, unsigned, trust_new_key=True)
    # the signature stripped from a signed package: the same refusal
    stripped = rewrite_member(signed_zip(tmp_path, key_path, "v3", version=3), SIGNATURE_NAME, None)
    with pytest.raises(KeyChangedError, match="unsigned"):
        install_path(ctx, stripped)
    assert ctx.course_row("test-course")["version"] == 1


def test_pin_survives_remove(ctx: Context, tmp_path: Path, keys: dict) -> None:
    install_path(ctx, signed_zip(tmp_path, keys["publisher"][0], "v1"))
    remove(ctx, "test-course")
    with pytest.raises(KeyChangedError):
        install_path(ctx, signed_zip(tmp_path, keys["other"][0], "v2", version=2))


def test_trust_new_key_after_confirmation(ctx: Context, tmp_path: Path, keys: dict) -> None:
    (mine, _), (other, other_public) = keys["publisher"], keys["other"]
    install_path(ctx, signed_zip(tmp_path, mine, "v1"))
    rotated = signed_zip(tmp_path, other, "v2", version=2)
    # the key the user confirmed must be the one that signed
    with pytest.raises(KeyChangedError):
        install_path(ctx, rotated, trust_new_key="ed25519:" + "A" * 43 + "=")
    result = install_path(ctx, rotated, trust_new_key=other_public)
    assert result.version == 2
    assert pinned_key(ctx.db, "test-course") == other_public
    # from now on the old key is the stranger
    with pytest.raises(KeyChangedError):
        install_path(ctx, signed_zip(tmp_path, mine, "v3", version=3))


def test_replace_pinned_key_then_install(ctx: Context, tmp_path: Path, keys: dict) -> None:
    (mine, _), (other, other_public) = keys["publisher"], keys["other"]
    install_path(ctx, signed_zip(tmp_path, mine, "v1"))
    replace_pinned_key(ctx, "test-course", other_public)
    assert install_path(ctx, signed_zip(tmp_path, other, "v2", version=2)).version == 2
    with pytest.raises(SignatureError, match="not an Ed25519 public key"):
        replace_pinned_key(ctx, "test-course", "rsa:AAAA")


def test_cli_trust_new_key_flag(
    home: Path, tmp_path: Path, keys: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    (mine, public), (other, other_public) = keys["publisher"], keys["other"]
    assert main(["install", str(signed_zip(tmp_path, mine, "v1"))]) == 0
    rotated = signed_zip(tmp_path, other, "v2", version=2)
    capsys.readouterr()
    assert main(["install", str(rotated)]) == 1
    error = capsys.readouterr().err
    assert public in error and other_public in error and "--trust-new-key" in error
    assert main(["install", str(rotated), "--trust-new-key"]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    listed = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    assert listed["test-course"]["signed"] is True
    assert listed["test-course"]["verified"] is False  # a rotated key is not thereby trusted
    assert listed["test-course"]["publisher"] == PUBLISHER["name"]
    assert listed["test-course"]["publisher_key"] == other_public


def test_cli_pack_sign(home: Path, tmp_path: Path, keys: dict) -> None:
    key_path, public = keys["publisher"]
    # text only: the CLI probes video files, and the test media are not real videos
    doc = document(publisher=dict(PUBLISHER))
    doc["modules"] = doc["modules"][1:]
    source = write_source(tmp_path / "src", doc, {"text/m2.md": b"# Lecture\n"})
    out = tmp_path / "signed"
    assert main(["pack", str(source), "--out", str(out), "--sign", str(key_path)]) == 0
    assert (out / SIGNATURE_NAME).stat().st_size == 64
    assert json.loads((out / MANIFEST_NAME).read_bytes())["publisher"]["key"] == public
    assert main(["install", str(out)]) == 0


def test_signing_needs_a_publisher_name(tmp_path: Path, keys: dict) -> None:
    source = write_source(tmp_path / "src", document())
    with pytest.raises(ManifestError, match="publisher name"):
        pack(source, tmp_path / "out.zip", sign=signer_for(keys["publisher"][0]))
    assert not (tmp_path / "out.zip").exists()


def test_unsigned_packages_install_unverified(home: Path, tmp_path: Path, capsys) -> None:
    assert main(["install", str(signed_zip(tmp_path, None, "v1"))]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    listed = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    course = listed["test-course"]
    assert course["verified"] is False and course["publisher"] == PUBLISHER["name"]
    assert course["publisher_key"] is None and course["signed"] is False


@pytest.mark.parametrize(
    "content",
    [
        b"not a key at all\n",
        b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        b"ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",  # a public key
    ],
)
def test_key_file_in_a_wrong_format(tmp_path: Path, content: bytes) -> None:
    keyfile = tmp_path / "bad.key"
    keyfile.write_bytes(content)
    with pytest.raises(KeyFileError, match="not a private key file"):
        signer_for(keyfile)
    with pytest.raises(KeyFileError, match="does not exist"):
        signer_for(tmp_path / "missing.key")


def test_cli_pack_with_a_bad_key_file_writes_nothing(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keyfile = tmp_path / "bad.key"
    keyfile.write_text("hello")
    source = write_source(tmp_path / "src", document(publisher=dict(PUBLISHER)))
    out = tmp_path / "out.zip"
    assert main(["pack", str(source), "--out", str(out), "--sign", str(keyfile)]) == 1
    error = capsys.readouterr().err.strip()
    assert "not a private key file" in error and "\n" not in error
    assert not out.exists()


def test_publisher_key_in_a_wrong_format_is_refused(
    ctx: Context, tmp_path: Path, keys: dict
) -> None:
    package = signed_zip(tmp_path, keys["publisher"][0], "v1")
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
    manifest["publisher"]["key"] = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"
    bad = rewrite_member(package, MANIFEST_NAME, json.dumps(manifest).encode())
    with pytest.raises(SignatureError, match="not an Ed25519 public key"):
        install_path(ctx, bad)


def test_shipped_trusted_keys_verify_the_first_install(
    ctx: Context, tmp_path: Path, keys: dict
) -> None:
    (mine, public), (other, other_public) = keys["publisher"], keys["other"]
    update_settings(ctx.data.settings, trusted_publishers=[{**PUBLISHER, "key": public}])
    # never installed here, but claims the trusted publisher: must carry its key
    with pytest.raises(SignatureError, match="trusted publisher") as refused:
        install_path(ctx, signed_zip(tmp_path, other, "impostor"))
    assert public in str(refused.value) and other_public in str(refused.value)
    with pytest.raises(SignatureError, match="unsigned"):
        install_path(ctx, signed_zip(tmp_path, None, "unsigned"))
    assert ctx.course_row("test-course") is None and pinned_key(ctx.db, "test-course") is None
    # the name is compared without case or extra spaces
    renamed = signed_zip(tmp_path, other, "renamed", publisher={"name": " association  écoute"})
    with pytest.raises(SignatureError, match="trusted publisher"):
        install_path(ctx, renamed)
    install_path(ctx, signed_zip(tmp_path, mine, "genuine"))
    assert publisher_info(ctx, "test-course")["trusted"] is True


def test_bad_trusted_keys_setting_is_a_clear_error(
    ctx: Context, tmp_path: Path, keys: dict
) -> None:
    update_settings(ctx.data.settings, trusted_publishers=[{"name": "X", "key": "nope"}])
    with pytest.raises(SignatureError, match="trusted_publishers"):
        install_path(ctx, signed_zip(tmp_path, keys["publisher"][0], "v1"))


def test_rollback_refused_after_remove_with_signed_packages(
    ctx: Context, tmp_path: Path, keys: dict
) -> None:
    key_path, public = keys["publisher"]
    v1 = signed_zip(tmp_path, key_path, "v1")
    v2 = signed_zip(tmp_path, key_path, "v2", version=2)
    install_path(ctx, v2)
    remove(ctx, "test-course")
    # a genuine, validly signed old release is still a rollback
    with pytest.raises(InstallError, match="refusing to downgrade"):
        install_path(ctx, v1)
    assert ctx.course_row("test-course") is None
    result = install_path(ctx, v1, allow_downgrade=True)
    assert result.version == 1 and pinned_key(ctx.db, "test-course") == public
