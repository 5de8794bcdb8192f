"""The resumable downloader against a real nginx, through a proxy that breaks the link."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from player.core.errors import DiskFullError, IntegrityError, TransferCancelled, TransferError
from player.core.progress import CancelToken, Progress, ProgressMeter
from player.core.transfer import (
    DEFAULT_DEADLINE,
    MAX_RESTARTS,
    HttpStatusError,
    TransferPolicy,
    WireLimitError,
    _backoff,
    download,
    ensure_free_space,
    make_session,
    sidecar_path,
    wire_budget,
)
from tests.fixtures.faultproxy import FaultProxy
from tests.fixtures.hostile_http import HostileServer
from tests.fixtures.nginx import NginxServer, free_port

pytestmark = pytest.mark.integration

SIZE = 600_000
RATE = 3_000_000  # bytes per second through the proxy: fast enough, slow enough to cut


def publish(nginx: NginxServer, data: bytes, name: str = "file.bin") -> str:
    """Write ``data`` under a fresh folder of the web root; returns its path on the server."""
    folder = uuid.uuid4().hex[:8]
    target = nginx.root / folder / name
    target.parent.mkdir(parents=True)
    target.write_bytes(data)
    return f"{folder}/{name}"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def quick() -> TransferPolicy:
    return TransferPolicy(deadline_without_progress=2.0, backoff_base=0.05, backoff_max=0.2)


@pytest.fixture
def payload() -> bytes:
    return os.urandom(SIZE)


def requests_for(nginx: NginxServer, path: str) -> list[str]:
    return [line for line in nginx.access_log() if f"/{path} " in line]


def test_download_verifies_and_cleans_up(nginx: NginxServer, tmp_path: Path, payload: bytes):
    path = publish(nginx, payload)
    dest = tmp_path / "out.part"
    seen: list[Progress] = []
    meter = ProgressMeter(SIZE, seen.append, min_interval=0)
    digest = download(
        make_session(),
        nginx.url(path),
        dest,
        expected_size=SIZE,
        expected_sha256=sha(payload),
        meter=meter,
    )
    assert digest == sha(payload)
    assert dest.read_bytes() == payload
    assert not sidecar_path(dest).exists()
    assert seen[-1].done == SIZE


def test_eight_resets_cost_almost_nothing(
    nginx: NginxServer, fault_proxy: Callable[..., FaultProxy], tmp_path: Path, payload: bytes
):
    path = publish(nginx, payload)
    cuts = [SIZE * k // 9 for k in range(1, 9)]
    proxy = fault_proxy(nginx.port, rate=RATE, cuts=cuts)
    dest = tmp_path / "out.part"
    download(
        make_session(),
        proxy.url(path),
        dest,
        expected_size=SIZE,
        expected_sha256=sha(payload),
        policy=quick(),
    )
    assert proxy.cuts_done == 8
    assert dest.read_bytes() == payload
    # Never a byte twice: the first request is the only full one, each cut is followed by
    # a range request continuing the file (206), never a fresh download (200).
    served = requests_for(nginx, path)
    assert len(served) == 9
    assert all('" 206 ' in line for line in served[1:])
    # On the wire only what a reset destroys in flight comes on top (unread bytes die with
    # the connection, more of them when the machine is busy); restarting from zero would
    # cost 1.9 x here.
    assert proxy.wire_bytes <= SIZE * 1.10


def test_cancel_keeps_a_resumable_partial(
    nginx: NginxServer, fault_proxy: Callable[..., FaultProxy], tmp_path: Path, payload: bytes
):
    path = publish(nginx, payload)
    proxy = fault_proxy(nginx.port, rate=RATE)
    dest = tmp_path / "out.part"
    cancel = CancelToken()

    def cancel_halfway(progress: Progress) -> None:
        if progress.done >= SIZE // 2:
            cancel.cancel()

    meter = ProgressMeter(SIZE, cancel_halfway, min_interval=0)
    with pytest.raises(TransferCancelled):
        download(
            make_session(),
            proxy.url(path),
            dest,
            expected_size=SIZE,
            expected_sha256=sha(payload),
            meter=meter,
            cancel=cancel,
        )
    kept = dest.stat().st_size
    assert SIZE // 2 <= kept < SIZE
    assert sidecar_path(dest).exists()
    # Bytes still in flight when the learner cancelled belong to the first connection:
    # wait until it is gone so they are not charged to the resumed download.
    first_wire = proxy.wait_until_idle()

    # A new session (as after a restart of the app) continues from the kept bytes.
    download(
        make_session(), proxy.url(path), dest, expected_size=SIZE, expected_sha256=sha(payload)
    )
    assert dest.read_bytes() == payload
    # The resumed request fetches only the missing tail (plus one response's headers).
    assert proxy.wire_bytes - first_wire <= SIZE - kept + 400
    assert '" 206 ' in requests_for(nginx, path)[-1]


def test_server_ignoring_range_gets_one_full_fetch(
    nginx: NginxServer, fault_proxy: Callable[..., FaultProxy], tmp_path: Path, payload: bytes
):
    path = publish(nginx, payload)
    proxy = fault_proxy(nginx.port, rate=RATE, cuts=[SIZE // 3])
    dest = tmp_path / "out.part"
    download(
        make_session(),
        proxy.url(f"norange/{path}"),
        dest,
        expected_size=SIZE,
        expected_sha256=sha(payload),
        policy=quick(),
    )
    assert dest.read_bytes() == payload
    assert proxy.wire_bytes >= SIZE + SIZE // 3  # the cut part was fetched again


def test_server_ignoring_range_on_a_link_that_keeps_breaking_fails_clearly(
    nginx: NginxServer, fault_proxy: Callable[..., FaultProxy], tmp_path: Path, payload: bytes
):
    path = publish(nginx, payload)
    proxy = fault_proxy(nginx.port, rate=RATE, cuts=[SIZE // 3, SIZE, SIZE + SIZE // 2])
    with pytest.raises(TransferError, match="ignores range requests") as caught:
        download(
            make_session(),
            proxy.url(f"norange/{path}"),
            tmp_path / "out.part",
            expected_size=SIZE,
            expected_sha256=sha(payload),
            policy=quick(),
        )
    assert "\n" not in str(caught.value)


def test_file_changed_mid_download_is_refused(
    nginx: NginxServer, fault_proxy: Callable[..., FaultProxy], tmp_path: Path, payload: bytes
):
    path = publish(nginx, payload)
    served = nginx.root / path

    def publish_new_version(_: int) -> None:
        served.write_bytes(os.urandom(SIZE))
        os.utime(served, (1_000_000_000, 1_000_000_000))  # a new mtime: a new ETag

    proxy = fault_proxy(nginx.port, rate=RATE, cuts=[SIZE // 2], on_cut=publish_new_version)
    dest = tmp_path / "out.part"
    with pytest.raises(IntegrityError, match="SHA-256"):
        download(
            make_session(),
            proxy.url(path),
            dest,
            expected_size=SIZE,
            expected_sha256=sha(payload),
            policy=quick(),
        )
    statuses = [line.split('" ')[1][:3] for line in requests_for(nginx, path)]
    assert statuses == ["200", "200", "200"]  # If-Range saw the change: never a mixed file
    assert not dest.exists()


def test_changed_file_of_unknown_hash_restarts_cleanly(
    nginx: NginxServer, fault_proxy: Callable[..., FaultProxy], tmp_path: Path, payload: bytes
):
    path = publish(nginx, payload)
    served = nginx.root / path
    new = os.urandom(SIZE)

    def publish_new_version(_: int) -> None:
        served.write_bytes(new)
        os.utime(served, (1_000_000_000, 1_000_000_000))

    proxy = fault_proxy(nginx.port, rate=RATE, cuts=[SIZE // 2], on_cut=publish_new_version)
    dest = tmp_path / "out.part"
    digest = download(
        make_session(),
        proxy.url(path),
        dest,
        expected_size=None,
        expected_sha256=None,
        policy=quick(),
        max_size=SIZE,
    )
    assert dest.read_bytes() == new
    assert digest == sha(new)


def test_hash_mismatch_is_fetched_once_more_then_refused(
    nginx: NginxServer, tmp_path: Path, payload: bytes
):
    path = publish(nginx, payload)
    with pytest.raises(IntegrityError, match="twice"):
        download(
            make_session(),
            nginx.url(path),
            tmp_path / "out.part",
            expected_size=SIZE,
            expected_sha256="0" * 64,
        )
    assert len(requests_for(nginx, path)) == 2


def test_body_longer_than_declared_stops_at_size_plus_one(
    nginx: NginxServer, fault_proxy: Callable[..., FaultProxy], tmp_path: Path
):
    big = os.urandom(4_000_000)
    path = publish(nginx, big)
    proxy = fault_proxy(nginx.port, rate=RATE)
    declared = 1000
    with pytest.raises(IntegrityError, match="1001 bytes but its manifest declares 1000"):
        download(
            make_session(),
            proxy.url(path),
            tmp_path / "out.part",
            expected_size=declared,
            expected_sha256=sha(big[:declared]),
        )
    assert proxy.wire_bytes < len(big) // 4  # did not read the whole body, twice


def test_missing_file_fails_at_once_in_one_line(nginx: NginxServer, tmp_path: Path):
    with pytest.raises(HttpStatusError) as caught:
        download(
            make_session(),
            nginx.url("no/such/file.bin"),
            tmp_path / "out.part",
            expected_size=10,
            expected_sha256="0" * 64,
            label="media/x.mp4",
        )
    assert caught.value.status == 404
    assert str(caught.value) == (
        "Cannot fetch media/x.mp4: the server does not have this file (404); check the address."
    )


def test_refused_connection_gives_up_in_bounded_time(tmp_path: Path):
    url = f"http://127.0.0.1:{free_port()}/x.bin"
    with pytest.raises(TransferError, match="connection was refused") as caught:
        download(
            make_session(),
            url,
            tmp_path / "out.part",
            expected_size=10,
            expected_sha256=None,
            policy=quick(),
        )
    assert "\n" not in str(caught.value)


def test_a_wrong_address_is_given_up_within_10_seconds() -> None:
    """Until a server answers, retries and each connect attempt stop within 10 s (the
    deadlines, not a stopwatch: an unknown host or a refused port is most likely a typo)."""
    policy = TransferPolicy()
    assert policy.deadline() <= 10.0
    assert max(policy.timeouts()) <= 10.0
    policy.contacted = True  # once the server answered, a dropping link gets its full time
    assert policy.deadline() == DEFAULT_DEADLINE


def test_unknown_host_gives_up_with_a_dns_message(tmp_path: Path):
    with pytest.raises(TransferError, match="name could not be resolved"):
        download(
            make_session(),
            "http://nonexistent.invalid/course.json",
            tmp_path / "out.part",
            expected_size=None,
            expected_sha256=None,
            policy=quick(),
        )


def test_server_errors_are_retried_until_the_deadline(nginx: NginxServer, tmp_path: Path):
    with pytest.raises(TransferError, match="answered 503"):
        download(
            make_session(),
            nginx.url("unavailable/x.bin"),
            tmp_path / "out.part",
            expected_size=10,
            expected_sha256=None,
            policy=quick(),
        )
    assert len([line for line in nginx.access_log() if "/unavailable/x.bin" in line]) >= 2


def test_stalled_link_gives_up_and_keeps_the_partial(
    nginx: NginxServer, fault_proxy: Callable[..., FaultProxy], tmp_path: Path, payload: bytes
):
    path = publish(nginx, payload)
    proxy = fault_proxy(nginx.port, rate=RATE, stall_after=SIZE // 2)
    dest = tmp_path / "out.part"
    policy = TransferPolicy(deadline_without_progress=1.0, backoff_base=0.05)
    with pytest.raises(TransferError, match="no data arrived"):
        download(
            make_session(),
            proxy.url(path),
            dest,
            expected_size=SIZE,
            expected_sha256=sha(payload),
            policy=policy,
        )
    assert 0 < dest.stat().st_size <= SIZE // 2
    assert sidecar_path(dest).exists()


def test_redirect_is_followed(nginx: NginxServer, tmp_path: Path, payload: bytes):
    path = publish(nginx, payload)
    dest = tmp_path / "out.part"
    download(
        make_session(),
        nginx.url(f"redirect/{path}"),
        dest,
        expected_size=SIZE,
        expected_sha256=sha(payload),
    )
    assert dest.read_bytes() == payload


def test_backoff_starts_at_zero_after_progress_and_grows():
    policy = TransferPolicy(backoff_base=1.0, backoff_max=8.0)
    assert _backoff(0, policy, None) == 0.0
    assert 0.5 <= _backoff(1, policy, None) <= 1.0
    assert 2.0 <= _backoff(3, policy, None) <= 4.0
    assert _backoff(10, policy, None) <= 8.0


def test_session_verifies_certificates_and_checks_the_bundle(tmp_path: Path):
    assert make_session().verify is True
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    assert make_session(bundle).verify == str(bundle)
    with pytest.raises(TransferError, match="does not exist"):
        make_session(tmp_path / "missing.pem")


def test_free_space_check(tmp_path: Path):
    assert ensure_free_space(tmp_path, 1) > 0
    with pytest.raises(DiskFullError, match="Not enough free disk"):
        ensure_free_space(tmp_path, 10**18)


# --------------------------------------------------------------------------- hostile servers
# Each server stops sending (404) once it has sent 64 MiB: the old downloader, unbounded, ran
# into that cap with a 404 instead of stopping by itself.


def test_endless_body_of_unknown_size_stops_at_the_limit(
    hostile_server: Callable[..., HostileServer], tmp_path: Path
):
    server = hostile_server()
    dest = tmp_path / "endless.zip"
    with pytest.raises(WireLimitError, match="larger than the 1.0 MB allowed"):
        download(
            make_session(),
            server.endless("/endless.zip"),
            dest,
            expected_size=None,
            expected_sha256=None,
            policy=quick(),
            max_size=1_000_000,
        )
    assert not dest.exists() and not sidecar_path(dest).exists()  # nothing kept of it
    assert server.body_bytes < server.cap


def test_file_changing_on_every_request_gives_up_after_a_few_restarts(
    hostile_server: Callable[..., HostileServer], tmp_path: Path
):
    server = hostile_server()
    data = os.urandom(2_000_000)
    url = server.changing("/changing.bin", data, cut=len(data) // 10)
    dest = tmp_path / "changing.bin"
    with pytest.raises(WireLimitError, match="start over 5 times"):
        download(
            make_session(),
            url,
            dest,
            expected_size=len(data),
            expected_sha256=sha(data),
            policy=quick(),
        )
    assert server.requests == MAX_RESTARTS + 2  # the first fetch, then one per restart
    assert not dest.exists() and not sidecar_path(dest).exists()


def test_wire_budget_holds_across_restarts(
    hostile_server: Callable[..., HostileServer], tmp_path: Path
):
    """Each try breaks at 90 %: after the third, twice the file has crossed the wire."""
    server = hostile_server()
    data = os.urandom(2_000_000)
    url = server.changing("/almost.bin", data, cut=len(data) * 9 // 10)
    dest = tmp_path / "almost.bin"
    with pytest.raises(WireLimitError, match="more than the 5.0 MB allowed"):
        download(
            make_session(),
            url,
            dest,
            expected_size=len(data),
            expected_sha256=sha(data),
            policy=quick(),
        )
    assert wire_budget(len(data)) < server.body_bytes <= wire_budget(len(data)) + len(data)
    assert not dest.exists()


def test_https_redirect_to_plain_http_is_refused(
    hostile_server: Callable[..., HostileServer],
    nginx: NginxServer,
    tmp_path: Path,
    payload: bytes,
    monkeypatch: pytest.MonkeyPatch,
):
    # The environment's bundle must not replace the one given (it does in plain requests).
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    path = publish(nginx, payload)
    server = hostile_server(tls=True)
    url = server.redirect("/file.bin", nginx.url(path))
    with pytest.raises(TransferError, match="redirects from https to plain http"):
        download(
            make_session(server.ca_file),
            url,
            tmp_path / "file.bin",
            expected_size=len(payload),
            expected_sha256=sha(payload),
            policy=quick(),
        )
    assert requests_for(nginx, path) == []  # the plain-http URL was never asked for
