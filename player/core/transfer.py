"""Resumable, verified file transfer over HTTP(S), built for links that drop every few minutes.

One file is fetched by ``download``: the partial file is kept next to a small JSON sidecar that
holds its validators (strong ETag or Last-Modified) and URL, so the next request, in this process
or in a later one after a kill, asks ``Range: bytes=N-`` with ``If-Range``. A 206 continues the
file; a 200 means the file changed (or the server ignores ranges) and that file starts over.
The SHA-256 is computed while streaming (the kept prefix is hashed again on resume), reading stops
at ``size + 1`` bytes, and a file whose hash is wrong is fetched again once, then refused.

Errors that may pass (connection reset or refused, DNS failure, timeouts, 5xx, 429) are retried
with exponential backoff and jitter; the backoff starts over whenever bytes arrive, so a link that
drops often but works in between keeps its speed. After ``deadline_without_progress`` seconds
without a single byte the transfer gives up with a ``TransferError``.

A server cannot make a download endless (docs/security.md, "Bounded reads"): a file of unknown
size has a limit too; the bytes received for one file, retries and restarts included, stay within
``wire_budget`` (twice its size, plus a little); a file may start over at most
``MAX_RESTARTS`` times (its ETag changing on every request, say). A full disk discards the
partial file, since the space is what the learner needs back. An https URL may not redirect to
plain http (``make_session``).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import random
import shutil
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from player.core.errors import (
    QT_TRANSLATE_NOOP,
    DiskFullError,
    IntegrityError,
    Phrase,
    TransferError,
)
from player.core.files import atomic_write
from player.core.progress import ByteCount, CancelToken, ProgressMeter

CHUNK = 64 * 1024
SIDECAR_SUFFIX = ".resume.json"
MAX_REDIRECTS = 5
DEFAULT_DEADLINE = 180.0
#: Disk space kept free beyond what a plan needs (the database, logs, the OS).
FREE_SPACE_MARGIN = 16 * 1024 * 1024

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
#: Times one file may start over from byte 0 in one run (the server's copy changed, it refused
#: to resume...) before the download gives up.
MAX_RESTARTS = 4
#: Bytes received for one file, beyond twice its size, before the download gives up.
WIRE_SLACK = 1024 * 1024


def wire_budget(planned: int) -> int:
    """The most bytes a file of ``planned`` bytes may take on the wire, retries included."""
    return 2 * planned + WIRE_SLACK


@dataclass
class TransferPolicy:
    """How hard to try. Shared by every file of one install."""

    deadline_without_progress: float = DEFAULT_DEADLINE
    connect_timeout: float = 15.0
    read_timeout: float = 30.0
    backoff_base: float = 0.5
    backoff_max: float = 20.0
    #: Set once any response arrived from the server: before that, a refused connection or an
    #: unknown host is most likely a wrong URL, so we give up sooner: within 10 s, connect
    #: attempts included (a typo in an address must not keep a learner waiting).
    contacted: bool = field(default=False)
    first_contact_deadline: float = 10.0

    def timeouts(self) -> tuple[float, float]:
        limit = max(0.5, self.deadline())
        return min(self.connect_timeout, limit), min(self.read_timeout, limit)

    def deadline(self) -> float:
        if self.contacted:
            return self.deadline_without_progress
        return min(self.deadline_without_progress, self.first_contact_deadline)


class InsecureRedirect(requests.exceptions.RequestException):
    """An https URL redirected to plain http (raised while requests follows redirects)."""


class PackageSession(requests.Session):
    """A ``requests.Session`` that refuses to follow an https URL to plain http.

    Plain http is fine for a package given as an http URL (every file is checked against its
    SHA-256), but a redirect must not quietly drop the encryption the user asked for.
    """

    def get_redirect_target(self, resp: requests.Response) -> str | None:
        target = super().get_redirect_target(resp)
        if target is None or urlsplit(resp.url).scheme != "https":
            return target
        if urlsplit(urljoin(resp.url, target)).scheme != "https":
            resp.close()
            raise InsecureRedirect(urljoin(resp.url, target), response=resp)
        return target

    def merge_environment_settings(
        self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> dict[str, Any]:
        """A ``ca_bundle`` given to ``make_session`` wins over ``REQUESTS_CA_BUNDLE`` (requests
        lets the environment replace the session's own ``verify``)."""
        settings: dict[str, Any] = super().merge_environment_settings(
            url, proxies, stream, verify, cert
        )
        if isinstance(self.verify, str) and verify is None:
            settings["verify"] = self.verify
        return settings


def make_session(ca_bundle: str | os.PathLike[str] | None = None) -> requests.Session:
    """A session for fetching packages.

    Certificates are always verified (``ca_bundle`` adds a custom authority file, it never turns
    verification off); redirects are limited and never lead from https to http; proxies come
    from the environment (``HTTPS_PROXY``, ``NO_PROXY``...). urllib3 retries a failed connect
    briefly; ``download`` handles the rest.
    """
    session = PackageSession()
    if ca_bundle is not None:
        bundle = Path(ca_bundle)
        if not bundle.is_file():
            raise TransferError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "The CA bundle {path} does not exist."),
                path=str(bundle),
            )
        session.verify = str(bundle)
    else:
        session.verify = True
    session.trust_env = True
    session.max_redirects = MAX_REDIRECTS
    retry = Retry(
        total=None,
        connect=2,
        read=0,
        status=0,
        other=0,
        redirect=MAX_REDIRECTS,
        backoff_factor=0.1,
        allowed_methods=frozenset({"GET", "HEAD"}),
        raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry, pool_connections=2, pool_maxsize=2)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["Accept-Encoding"] = "identity"
    session.headers["User-Agent"] = "course-player"
    return session


# --------------------------------------------------------------------------- disk space


def free_bytes(folder: Path) -> int:
    """Free bytes on the file system holding ``folder`` (or its nearest existing parent)."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def ensure_free_space(folder: Path, needed: int, *, margin: int = FREE_SPACE_MARGIN) -> int:
    """Raise ``DiskFullError`` unless ``needed`` bytes (plus a margin) fit; returns free bytes."""
    free = free_bytes(folder)
    if needed + margin > free:
        raise DiskFullError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "Not enough free disk: {needed} needed, {free} free in {folder}."
            ),
            needed=ByteCount(needed),
            free=ByteCount(free),
            folder=str(folder),
        )
    return free


# --------------------------------------------------------------------------- sidecar


@dataclass(frozen=True)
class Validators:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    expected_sha256: str | None = None

    @property
    def if_range(self) -> str | None:
        """The value for ``If-Range``: a strong ETag, else Last-Modified, else nothing."""
        if self.etag and not self.etag.startswith("W/"):
            return self.etag
        return self.last_modified

    @classmethod
    def from_response(
        cls, url: str, response: requests.Response, expected_sha256: str | None
    ) -> Validators:
        etag = response.headers.get("ETag")
        last_modified = response.headers.get("Last-Modified")
        if last_modified:
            with contextlib.suppress(TypeError, ValueError, IndexError):
                parsedate_to_datetime(last_modified)  # only a parseable date is usable
        return cls(url, etag, last_modified, expected_sha256)


def sidecar_path(dest: Path) -> Path:
    return dest.with_name(dest.name + SIDECAR_SUFFIX)


def _read_sidecar(dest: Path) -> Validators | None:
    try:
        data: dict[str, Any] = json.loads(sidecar_path(dest).read_text("utf-8"))
        return Validators(
            url=str(data["url"]),
            etag=data.get("etag"),
            last_modified=data.get("last_modified"),
            expected_sha256=data.get("expected_sha256"),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_sidecar(dest: Path, validators: Validators) -> None:
    path = sidecar_path(dest)
    with atomic_write(path, "w") as stream:
        json.dump(
            {
                "url": validators.url,
                "etag": validators.etag,
                "last_modified": validators.last_modified,
                "expected_sha256": validators.expected_sha256,
            },
            stream,
        )


def discard_partial(dest: Path) -> None:
    """Forget a partial download (the file and its sidecar)."""
    dest.unlink(missing_ok=True)
    sidecar_path(dest).unlink(missing_ok=True)


# --------------------------------------------------------------------------- download


class HttpStatusError(TransferError):
    """The server answered with an error status that will not pass by retrying (404, 403...)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class WireLimitError(TransferError):
    """A download stopped at a limit: the file is larger than allowed, the server sent more
    than ``wire_budget`` for it, or it started over more than ``MAX_RESTARTS`` times."""


class _Retryable(Exception):  # noqa: N818 - a signal to retry, caught in this module
    """Internal: a fault that may pass; wait and try again."""

    def __init__(self, reason: Phrase | str, retry_after: float | None = None) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.retry_after = retry_after


@dataclass
class _State:
    """One file's partial data: how much is kept, the hash of it, what we know of the server."""

    dest: Path
    digest: Any
    size: int = 0
    counted: int = 0  # bytes of this file reported to the meter in this run
    received: int = 0  # bytes received in this run, restarts included
    limit: int | None = None  # read at most limit + 1 bytes
    budget: int | None = None  # the most bytes this run may receive (wire_budget)
    complete_at: int | None = None  # the declared size, when known
    range_ignored: bool = False
    restarts: int = 0  # times the file started over from byte 0 in this run

    @classmethod
    def fresh(cls, dest: Path) -> _State:
        return cls(dest, hashlib.sha256())


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _describe(error: BaseException) -> Phrase | str:
    """A short reason for a requests/urllib3 error (their messages span many lines)."""
    text = str(error)
    if isinstance(error, requests.exceptions.SSLError):
        return Phrase(
            QT_TRANSLATE_NOOP("CoreErrors", "the server's certificate could not be verified")
        )
    if (
        "NameResolutionError" in text
        or "Name or service not known" in text
        or ("Temporary failure in name resolution" in text)
    ):
        return Phrase(QT_TRANSLATE_NOOP("CoreErrors", "its name could not be resolved (DNS)"))
    if "Connection refused" in text:
        return Phrase(QT_TRANSLATE_NOOP("CoreErrors", "the connection was refused"))
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return Phrase(QT_TRANSLATE_NOOP("CoreErrors", "the connection timed out"))
    if isinstance(
        error, requests.exceptions.ReadTimeout | urllib3.exceptions.ReadTimeoutError | TimeoutError
    ):
        return Phrase(QT_TRANSLATE_NOOP("CoreErrors", "the server stopped sending"))
    if "reset" in text.lower():
        return Phrase(QT_TRANSLATE_NOOP("CoreErrors", "the connection was reset"))
    if isinstance(
        error, requests.exceptions.ChunkedEncodingError | urllib3.exceptions.ProtocolError
    ):
        return Phrase(QT_TRANSLATE_NOOP("CoreErrors", "the connection broke mid-file"))
    return type(error).__name__


def download(
    session: requests.Session,
    url: str,
    dest: Path,
    *,
    expected_size: int | None,
    expected_sha256: str | None,
    meter: ProgressMeter | None = None,
    cancel: CancelToken | None = None,
    policy: TransferPolicy | None = None,
    label: str | None = None,
    max_size: int | None = None,
) -> str:
    """Fetch ``url`` into ``dest``, resuming a partial ``dest``; return its SHA-256.

    With ``expected_size``/``expected_sha256`` the file is verified (``IntegrityError`` after one
    fresh retry); ``max_size`` bounds a file of unknown size (a larger one is a ``TransferError``).
    On return ``dest`` is complete and its sidecar gone. On failure or cancellation the partial
    file and sidecar stay for a resume, except when the disk is full or the server misbehaves
    (more than ``wire_budget`` bytes or ``MAX_RESTARTS`` restarts): then they are discarded.
    """
    policy = policy or TransferPolicy()
    cancel = cancel or CancelToken()
    name = label or url
    dest.parent.mkdir(parents=True, exist_ok=True)
    state = _resume_state(url, dest, expected_size, expected_sha256, meter, label)
    if state is None:  # already complete and verified
        return expected_sha256 or ""
    state.limit = expected_size if expected_size is not None else max_size
    state.budget = None if state.limit is None else wire_budget(state.limit)
    state.complete_at = expected_size
    try:
        return _download(
            session, url, state, expected_size, expected_sha256, meter, cancel, policy, name
        )
    except (DiskFullError, WireLimitError):
        discard_partial(dest)
        raise


def _download(
    session: requests.Session,
    url: str,
    state: _State,
    expected_size: int | None,
    expected_sha256: str | None,
    meter: ProgressMeter | None,
    cancel: CancelToken,
    policy: TransferPolicy,
    name: str,
) -> str:
    """``download``'s loop: attempts, retries with backoff, one fresh retry after a mismatch."""
    dest = state.dest
    bad_files = 0
    failures = 0
    last_progress = time.monotonic()
    while True:
        cancel.raise_if_cancelled()
        if state.restarts > MAX_RESTARTS:
            raise WireLimitError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "Gave up on {name}: it had to start over {count} times (it keeps changing "
                    "on the server, or the server cannot resume); try again later.",
                ),
                name=name,
                count=state.restarts,
            )
        before = state.received
        try:
            _attempt(session, url, state, expected_sha256, meter, cancel, policy, name)
        except _Retryable as fault:
            if state.received > before:
                failures = 0
                last_progress = time.monotonic()
            waited = time.monotonic() - last_progress
            deadline = policy.deadline()
            if waited >= deadline:
                raise TransferError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors",
                        "Gave up on {name}: {reason}, and no data arrived for {seconds:.0f} s.",
                    ),
                    name=name,
                    reason=fault.reason,
                    seconds=waited,
                ) from None
            delay = min(_backoff(failures, policy, fault.retry_after), deadline - waited)
            failures += 1
            if meter is not None:
                meter.add(0, label=f"{name}: {fault.reason}; retrying")
            _sleep(delay, cancel)
            continue
        if expected_size is None and state.limit is not None and state.size > state.limit:
            raise WireLimitError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "{name} is larger than the {limit} allowed; the download was stopped.",
                ),
                name=name,
                limit=ByteCount(state.limit),
            )
        problem = _verify_problem(state, expected_size, expected_sha256)
        if problem is None:
            break
        bad_files += 1
        if bad_files > 1:
            _restart(state, meter)
            raise IntegrityError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "{name} {problem}, twice."),
                name=name,
                problem=problem,
            )
        _restart(state, meter)
        failures = 0
        last_progress = time.monotonic()
    _fsync(dest)
    sidecar_path(dest).unlink(missing_ok=True)
    return str(state.digest.hexdigest())


def _fsync(path: Path) -> None:
    """A verified file must survive a power cut before anything points at it."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _verify_problem(state: _State, size: int | None, sha256: str | None) -> Phrase | None:
    if size is not None and state.size != size:
        return Phrase(
            QT_TRANSLATE_NOOP("CoreErrors", "has {actual} bytes but its manifest declares {size}"),
            actual=state.size,
            size=size,
        )
    if sha256 is not None and state.digest.hexdigest() != sha256:
        return Phrase(QT_TRANSLATE_NOOP("CoreErrors", "does not match its SHA-256 in the manifest"))
    return None


def _restart(state: _State, meter: ProgressMeter | None) -> None:
    discard_partial(state.dest)
    if meter is not None and state.counted:
        meter.add(-state.counted)
    state.digest = hashlib.sha256()
    state.size = 0
    state.counted = 0
    state.restarts += 1


def _backoff(failures: int, policy: TransferPolicy, retry_after: float | None) -> float:
    """0 for the first failure after progress, then exponential with jitter."""
    if failures == 0 and retry_after is None:
        return 0.0
    delay = min(policy.backoff_max, policy.backoff_base * (2 ** max(0, failures - 1)))
    delay *= random.uniform(0.5, 1.0)
    if retry_after is not None:
        delay = max(delay, min(retry_after, policy.backoff_max))
    return delay


def _sleep(seconds: float, cancel: CancelToken) -> None:
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        cancel.raise_if_cancelled()
        time.sleep(min(left, 0.1))
    cancel.raise_if_cancelled()


def _resume_state(
    url: str,
    dest: Path,
    expected_size: int | None,
    expected_sha256: str | None,
    meter: ProgressMeter | None,
    label: str | None,
) -> _State | None:
    """What is kept of ``dest``: a verified prefix to resume, or a fresh start (None if done)."""
    try:
        kept = dest.stat().st_size
    except FileNotFoundError:
        discard_partial(dest)
        return _State.fresh(dest)
    validators = _read_sidecar(dest)
    usable = (
        validators is not None
        and validators.url == url
        and validators.expected_sha256 == expected_sha256
        and validators.if_range is not None
        and (expected_size is None or kept <= expected_size)
    )
    complete_without_sidecar = (
        validators is None and expected_sha256 is not None and kept == expected_size
    )
    if not usable and not complete_without_sidecar:
        discard_partial(dest)
        return _State.fresh(dest)
    state = _State.fresh(dest)
    with open(dest, "rb") as handle:
        while chunk := handle.read(CHUNK * 4):
            state.digest.update(chunk)
            state.size += len(chunk)
    if state.size and meter is not None:
        meter.add(state.size, label=label)
        state.counted = state.size
    if expected_size is not None and state.size == expected_size:
        if _verify_problem(state, expected_size, expected_sha256) is None:
            sidecar_path(dest).unlink(missing_ok=True)
            return None
        _restart(state, meter)
    elif complete_without_sidecar:
        _restart(state, meter)
    return state


def _attempt(
    session: requests.Session,
    url: str,
    state: _State,
    expected_sha256: str | None,
    meter: ProgressMeter | None,
    cancel: CancelToken,
    policy: TransferPolicy,
    name: str,
) -> None:
    """One request, appending what arrives to the partial file.

    Returns when the body ended cleanly (the caller verifies), raises ``_Retryable`` for faults
    that may pass and ``TransferError`` for faults that will not.
    """
    headers: dict[str, str] = {}
    validators = _read_sidecar(state.dest) if state.size else None
    if state.size and (validators is None or validators.if_range is None):
        _restart(state, meter)
    if state.size and validators is not None and validators.if_range is not None:
        if state.complete_at is not None and state.size >= state.complete_at:
            return  # every declared byte is here
        headers["Range"] = f"bytes={state.size}-"
        headers["If-Range"] = validators.if_range
    response = _request(session, "GET", url, headers, policy, name)
    with response:
        policy.contacted = True
        status = response.status_code
        if status == 416 and state.size:
            _restart(state, meter)
            raise _Retryable(
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors", "the server refused to resume; starting the file over"
                    )
                )
            )
        _check_status(response, name, resuming=bool(state.size))
        if status == 206 and (not state.size or _range_start(response) != state.size):
            _restart(state, meter)
            raise _Retryable(
                Phrase(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors", "the server sent the wrong part of the file; starting it over"
                    )
                )
            )
        if status == 200 and state.size:
            # A 200 to a range request: the file changed, or the server ignores ranges.
            fresh = Validators.from_response(url, response, expected_sha256)
            if validators is not None and fresh.if_range == validators.if_range:
                if state.range_ignored:
                    raise TransferError.of(
                        QT_TRANSLATE_NOOP(
                            "CoreErrors",
                            "{name}: the server ignores range requests and the link broke during "
                            "the full fetch; try again on a steadier link.",
                        ),
                        name=name,
                    )
                state.range_ignored = True
            _restart(state, meter)
        if status == 200:
            _write_sidecar(state.dest, Validators.from_response(url, response, expected_sha256))
        _stream_body(response, state, meter, cancel, name)


def _request(
    session: requests.Session,
    method: str,
    url: str,
    headers: dict[str, str],
    policy: TransferPolicy,
    name: str,
) -> requests.Response:
    try:
        return session.request(method, url, headers=headers, stream=True, timeout=policy.timeouts())
    except requests.exceptions.TooManyRedirects:
        raise TransferError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{name}: too many redirects from {host}."),
            name=name,
            host=_host(url),
        ) from None
    except InsecureRedirect as error:
        raise TransferError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "Cannot fetch {name}: {host} redirects from https to plain http ({target}); "
                "refused.",
            ),
            name=name,
            host=_host(url),
            target=str(error),
        ) from None
    except requests.exceptions.SSLError as error:
        raise TransferError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Cannot fetch {name} from {host}: {reason}."),
            name=name,
            host=_host(url),
            reason=_describe(error),
        ) from None
    except (
        requests.exceptions.InvalidURL,
        requests.exceptions.MissingSchema,
        requests.exceptions.InvalidSchema,
    ) as error:
        raise TransferError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{url} is not a valid URL ({kind})."),
            url=url,
            kind=type(error).__name__,
        ) from None
    except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as error:
        raise _Retryable(
            Phrase(
                QT_TRANSLATE_NOOP("CoreErrors", "cannot reach {host}: {reason}"),
                host=_host(url),
                reason=_describe(error),
            )
        ) from None


def _check_status(response: requests.Response, name: str, *, resuming: bool) -> None:
    status = response.status_code
    if status in RETRY_STATUSES:
        raise _Retryable(
            Phrase(QT_TRANSLATE_NOOP("CoreErrors", "the server answered {status}"), status=status),
            _retry_after(response),
        )
    if status in PLAIN_STATUS_REASONS:
        raise HttpStatusError.of(PLAIN_STATUS_REASONS[status], status, name=name, status=status)
    if status >= 400:
        reason = f" {response.reason}" if response.reason else ""
        raise HttpStatusError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "Cannot fetch {name}: the server answered {status}{reason}."
            ),
            status,
            name=name,
            status=status,
            reason=reason,
        )
    if status != 200 and not (resuming and status == 206):
        raise TransferError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "Cannot fetch {name}: unexpected answer {status} from the server."
            ),
            name=name,
            status=status,
        )


#: The statuses a learner meets with a wrong or private address, said in plain words (and
#: translated); other statuses keep the server's own reason phrase.
PLAIN_STATUS_REASONS: dict[int, str] = {
    404: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Cannot fetch {name}: the server does not have this file ({status}); check the address.",
    ),
    410: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Cannot fetch {name}: the server does not have this file ({status}); check the address.",
    ),
    401: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Cannot fetch {name}: the server refuses access to it ({status}); ask whoever gave you "
        "the address.",
    ),
    403: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Cannot fetch {name}: the server refuses access to it ({status}); ask whoever gave you "
        "the address.",
    ),
}


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def _range_start(response: requests.Response) -> int | None:
    value = response.headers.get("Content-Range", "")
    try:
        unit, spec = value.split(" ", 1)
        return int(spec.split("-", 1)[0]) if unit == "bytes" else None
    except ValueError:
        return None


def _stream_body(
    response: requests.Response,
    state: _State,
    meter: ProgressMeter | None,
    cancel: CancelToken,
    name: str,
) -> None:
    """Append the body to the partial file, hashing as it goes; stop at ``limit + 1`` bytes."""
    limit = state.limit
    try:
        with open(state.dest, "ab") as out:
            try:
                # read1 returns what has arrived: a reset loses no bytes already received.
                while chunk := response.raw.read1(CHUNK, decode_content=False):
                    if limit is not None and state.size + len(chunk) > limit + 1:
                        chunk = chunk[: limit + 1 - state.size]
                    out.write(chunk)
                    state.digest.update(chunk)
                    state.size += len(chunk)
                    state.counted += len(chunk)
                    state.received += len(chunk)
                    if meter is not None:
                        meter.add(len(chunk), label=name)
                    if state.budget is not None and state.received > state.budget:
                        raise WireLimitError.of(
                            QT_TRANSLATE_NOOP(
                                "CoreErrors",
                                "Gave up on {name}: the server sent {received} for it, more "
                                "than the {budget} allowed, without completing it.",
                            ),
                            name=name,
                            received=ByteCount(state.received),
                            budget=ByteCount(state.budget),
                        )
                    if limit is not None and state.size > limit:
                        break  # longer than declared: verification will say so
                    cancel.raise_if_cancelled()  # after writing: nothing received is lost
            except (
                urllib3.exceptions.HTTPError,
                requests.exceptions.RequestException,
                ConnectionError,
                TimeoutError,
            ) as error:
                out.flush()
                raise _Retryable(_describe(error)) from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFullError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "The disk is full while downloading {name}."),
                name=name,
            ) from error
        raise


@dataclass(frozen=True)
class RemoteFile:
    url: str
    size: int | None
    validators: Validators


def probe(
    session: requests.Session,
    url: str,
    *,
    cancel: CancelToken | None = None,
    policy: TransferPolicy | None = None,
    label: str | None = None,
) -> RemoteFile:
    """Size and validators of ``url`` (a HEAD request), with the same retries as ``download``."""
    policy = policy or TransferPolicy()
    cancel = cancel or CancelToken()
    name = label or url
    failures = 0
    started = time.monotonic()
    while True:
        cancel.raise_if_cancelled()
        try:
            response = _request(session, "HEAD", url, {}, policy, name)
            with response:
                policy.contacted = True
                _check_status(response, name, resuming=False)
                length = response.headers.get("Content-Length", "")
                size = int(length) if length.isdigit() else None
                return RemoteFile(url, size, Validators.from_response(url, response, None))
        except _Retryable as fault:
            waited = time.monotonic() - started
            deadline = policy.deadline()
            if waited >= deadline:
                raise TransferError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors", "Gave up on {name}: {reason}, for {seconds:.0f} s."
                    ),
                    name=name,
                    reason=fault.reason,
                    seconds=waited,
                ) from None
            delay = min(_backoff(failures + 1, policy, fault.retry_after), deadline - waited)
            failures += 1
            _sleep(delay, cancel)


def fetch_bytes(
    session: requests.Session,
    url: str,
    scratch: Path,
    *,
    max_size: int,
    cancel: CancelToken | None = None,
    policy: TransferPolicy | None = None,
    label: str | None = None,
    missing_ok: bool = False,
) -> bytes | None:
    """A small file (a manifest, a signature) with the same retries; ``scratch`` is a temp path.

    With ``missing_ok`` a 404/410 returns None instead of raising.
    """
    discard_partial(scratch)
    try:
        download(
            session,
            url,
            scratch,
            expected_size=None,
            expected_sha256=None,
            cancel=cancel,
            policy=policy,
            label=label,
            max_size=max_size,
        )
        data = scratch.read_bytes()
    except HttpStatusError as error:
        if missing_ok and error.status in (404, 410):
            return None
        raise
    finally:
        discard_partial(scratch)
    if len(data) > max_size:
        raise TransferError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{member} is larger than the {limit} bytes allowed."),
            member=label or url,
            limit=max_size,
        )
    return data
