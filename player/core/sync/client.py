"""A small xAPI client: POST frozen statements, classify the LRS's answer.

No automatic retries here (urllib3 would not retry a POST anyway): the sync loop decides, with
back-off and batch splitting. Bodies are the frozen statement texts joined into a JSON array,
so a retry sends the same bytes.

Delivered means answered by the endpoint itself: redirects are never followed (a captive
portal's 302 to its login page is not an LRS storing statements, and following a POST to
another address would hand it the body and the credentials); a 200 must be a JSON array listing
ids we sent, and only those count as stored; a 204 stores the whole batch (Ralph answers it when
it already had every statement).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import requests
from requests.adapters import HTTPAdapter

from player.core.errors import QT_TRANSLATE_NOOP, SyncError
from player.core.sync.config import LrsConfig
from player.core.sync.credentials import redact
from player.core.sync.statements import XAPI_VERSION

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
#: The most of an answer read: a 200 lists ~40 bytes per statement id, an error is a line or
#: two; an endless body from a hostile server stops here.
MAX_ANSWER_BYTES = 1024 * 1024


class SyncAuthError(SyncError):
    """The LRS refused the credentials (401) or the permission (403)."""


class Outcome(Enum):
    STORED = "stored"  # 204, or 200 listing ids: those statements are in the LRS
    INVALID = "invalid"  # 400 / 422: at least one statement is rejected
    CONFLICT = "conflict"  # 409: a statement with the same id and other content exists
    TRANSIENT = "transient"  # no answer, timeout, 5xx, 429...: try again later


@dataclass(frozen=True)
class PostResult:
    outcome: Outcome
    status: int | None
    reason: str
    bytes_sent: int
    # Transient, but possibly caused by the statements themselves: the connection was dropped
    # (not a timeout) or the LRS crashed (HTTP 500). Ralph 5.1.0 does both on an ``mbox``
    # without ``mailto:``. The sync loop tells that from an outage (``service._Run``).
    server_fault: bool = False
    # STORED by a 200: the ids the LRS listed (the others of the batch stay pending and are
    # sent again; an LRS that has them answers 204). None: the whole batch (204).
    stored_ids: frozenset[str] | None = None
    # TRANSIENT, but retrying now will not help (a redirect, a certificate that cannot be
    # verified): the run stops for this LRS and says why; the next run tries again.
    give_up: bool = False

    @property
    def dropped(self) -> bool:
        return self.outcome is Outcome.TRANSIENT and self.status is None


def statements_body(frozen: Sequence[str]) -> bytes:
    return ("[" + ",".join(frozen) + "]").encode("utf-8")


def _session() -> requests.Session:
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=0, pool_connections=1, pool_maxsize=1)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _read_answer(response: requests.Response) -> bytes:
    """The answer's body, at most ``MAX_ANSWER_BYTES`` + 1 bytes of it (then the connection
    is dropped rather than drained)."""
    chunks: list[bytes] = []
    size = 0
    complete = False
    try:  # a connection cut while reading raises, as a cut before the answer does
        for chunk in response.iter_content(64 * 1024):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                break
        else:
            complete = True
    finally:
        if not complete:
            response.close()
    return b"".join(chunks)[: MAX_ANSWER_BYTES + 1]


def _json(answer: bytes) -> object:
    if len(answer) > MAX_ANSWER_BYTES:
        return None
    try:
        return json.loads(answer)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python parses
        return None


def _server_reason(response: requests.Response, answer: bytes) -> str:
    """The LRS's explanation, on one line and short enough for a status screen."""
    text = answer[:2000].decode("utf-8", "replace") or response.reason or ""
    found = _json(answer)
    detail: object = found.get("detail", text) if isinstance(found, dict) else text
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        first = detail[0]
        where = ".".join(str(part) for part in first.get("loc", []) if part != "body")
        detail = f"{where}: {first.get('msg', '')}".strip(": ")
    reason = " ".join(str(detail).split())
    return (reason[:300] + "…") if len(reason) > 300 else reason or f"HTTP {response.status_code}"


class LrsClient:
    def __init__(
        self,
        config: LrsConfig,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        self.config = config
        self.session = session or _session()
        self.timeout = timeout

    def post(self, frozen: Sequence[str], ids: Sequence[str] | None = None) -> PostResult:
        """POST a batch; raise ``SyncAuthError`` on 401/403, otherwise classify the answer.

        ``ids``: the statement ids of ``frozen``, checked against a 200's list.
        """
        body = statements_body(frozen)
        headers = {
            "Content-Type": "application/json",
            "X-Experience-API-Version": XAPI_VERSION,
        }
        if self.config.gzip:
            body = gzip.compress(body, compresslevel=6)
            headers["Content-Encoding"] = "gzip"
        auth = None
        if self.config.username is not None:
            auth = (self.config.username, self.config.password or "")
        try:
            response = self.session.post(
                self.config.statements_url,
                data=body,
                headers=headers,
                auth=auth,
                timeout=self.timeout,
                allow_redirects=False,
                stream=True,
            )
            answer = _read_answer(response)
        except requests.RequestException as error:
            certificate = isinstance(error, requests.exceptions.SSLError)
            fault = (
                isinstance(error, requests.ConnectionError)
                and not isinstance(error, requests.Timeout)
                and not certificate
            )
            return PostResult(
                Outcome.TRANSIENT,
                None,
                _network_reason(error),
                len(body),
                server_fault=fault,
                give_up=certificate,
            )
        status = response.status_code
        if status == 204:
            return PostResult(Outcome.STORED, status, "", len(body))
        if status == 200:
            return _acknowledged(response, answer, ids, len(body))
        if 300 <= status < 400:
            where = redact(response.headers.get("Location", "") or "?")
            return PostResult(
                Outcome.TRANSIENT,
                status,
                f"the LRS address answered HTTP {status}, a redirect to {where[:200]} (a Wi-Fi"
                " login page, a proxy, or a moved LRS?); nothing was counted as sent",
                len(body),
                give_up=True,
            )
        if status in (401, 403):
            if status == 401:
                raise SyncAuthError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors",
                        "The LRS at {endpoint} refused the credentials (HTTP {status}); check the "
                        "LRS user name and password in the settings or "
                        "COURSE_PLAYER_LRS_USERNAME/_PASSWORD.",
                    ),
                    endpoint=self.config.endpoint,
                    status=status,
                )
            raise SyncAuthError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "The LRS at {endpoint} refused access (HTTP {status}); check the LRS user "
                    "name and password in the settings or COURSE_PLAYER_LRS_USERNAME/_PASSWORD.",
                ),
                endpoint=self.config.endpoint,
                status=status,
            )
        if status in (400, 422):
            return PostResult(Outcome.INVALID, status, _server_reason(response, answer), len(body))
        if status == 409:
            return PostResult(Outcome.CONFLICT, status, _server_reason(response, answer), len(body))
        return PostResult(
            Outcome.TRANSIENT,
            status,
            f"HTTP {status} {_server_reason(response, answer)}",
            len(body),
            server_fault=status == 500,
        )

    def close(self) -> None:
        self.session.close()


def _acknowledged(
    response: requests.Response, answer: bytes, ids: Sequence[str] | None, size: int
) -> PostResult:
    """A 200 stores what it lists: a JSON array of ids we sent; anything else stores nothing."""
    listed = _json(answer)
    sent = frozenset(ids) if ids is not None else None
    if (
        isinstance(listed, list)
        and listed
        and all(isinstance(item, str) for item in listed)
        and (sent is None or sent.issuperset(listed))
    ):
        return PostResult(
            Outcome.STORED, 200, "", size, stored_ids=None if sent is None else frozenset(listed)
        )
    kind = response.headers.get("Content-Type", "?").split(";")[0]
    return PostResult(
        Outcome.TRANSIENT,
        200,
        f"the LRS address answered 200 without listing the statements sent ({kind[:60]}):"
        " not an LRS (a Wi-Fi login page or a proxy?); nothing was counted as sent",
        size,
        give_up=True,
    )


def _network_reason(error: requests.RequestException) -> str:
    if isinstance(error, requests.exceptions.SSLError):
        return (
            "the LRS's certificate could not be verified (wrong or self-signed certificate, or"
            " a network intercepting https); nothing was sent"
        )
    if isinstance(error, requests.Timeout):
        return "the LRS did not answer in time"
    if isinstance(error, requests.ConnectionError):
        return "cannot reach the LRS (connection failed or was cut)"
    return f"request failed: {type(error).__name__}"


def reachability_problem(endpoint: str, *, timeout: float = 3.0) -> str | None:
    """None when the LRS answers (any HTTP answer, even 404 as Ralph gives on /about), else why
    not, in one line (the same words as a failed sync: unreachable, too slow, bad certificate)."""
    url = redact(endpoint).rstrip("/")
    url = url[: -len("/statements")] if url.endswith("/statements") else url
    try:
        with requests.get(
            f"{url}/about",
            headers={"X-Experience-API-Version": XAPI_VERSION},
            timeout=(timeout, timeout),
            stream=True,
            allow_redirects=False,
        ):
            return None
    except requests.RequestException as error:
        return _network_reason(error)


def is_reachable(endpoint: str, *, timeout: float = 3.0) -> bool:
    """Cheap check: any HTTP answer (even 404, as Ralph gives on /about) means the LRS is up."""
    return reachability_problem(endpoint, timeout=timeout) is None
