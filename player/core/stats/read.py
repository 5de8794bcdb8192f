"""Where the statements come from: progress files carried by USB, or an LRS.

Files: each line is read with the bounded reader of ``sync.usb`` (``read_lines``: 1 MB a line)
and checked as ``import-progress`` checks it (``statement_problem``); a rejected line is
counted, never fatal.

LRS: the xAPI ``GET statements`` resource with ``activity`` (the course IRI) and
``related_activities=true``, then each ``more`` link. Bounded and careful with credentials:

- the credentials are those configured for the endpoint's origin (``sync.config``); a ``more``
  link to another origin is refused, never followed, and redirects are never followed;
- a page is read up to ``MAX_PAGE_BYTES``; at most ``max_statements`` are read in all;
- resumable: each page is appended to a file in the data folder (``stats/``, mode 0600) with the
  next ``more`` link, so a run cut off (network, Ctrl+C) continues where it stopped; the file is
  removed once the reading is complete. Statements read twice are counted once (by id).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin

import requests

from player.core.errors import QT_TRANSLATE_NOOP, SyncError
from player.core.stats.safe import load_page
from player.core.sync.client import CONNECT_TIMEOUT
from player.core.sync.config import LrsConfig
from player.core.sync.credentials import origin_of
from player.core.sync.progress_files import (
    open_progress_file,
    parse_line,
    read_lines,
    statement_problem,
)
from player.core.sync.statements import XAPI_VERSION

PAGE_SIZE = 1000  # statements asked per page (the LRS may send fewer)
MAX_PAGE_BYTES = 64 * 1024 * 1024  # ~1.3 KB a statement: 1,000 are ~1.3 MB
MAX_STATEMENTS = 2_000_000
READ_TIMEOUT = 120.0  # an fs-backed Ralph reads its whole file for each page
RETRIES = 3


@dataclass
class Progress:
    """How far the reading is: statements and pages so far; bytes for files (else 0)."""

    statements: int = 0
    pages: int = 0
    done_bytes: int = 0
    total_bytes: int = 0
    resumed: int = 0  # statements taken from an interrupted run

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.done_bytes / self.total_bytes) if self.total_bytes else None


ProgressCallback = Callable[[Progress], None]


def _quiet(_: Progress) -> None:
    return None


@dataclass
class FileCounts:
    lines: int = 0
    rejected: int = 0


def read_files(
    paths: list[Path],
    counts: FileCounts | None = None,
    progress: ProgressCallback = _quiet,
    *,
    now: datetime | None = None,
) -> Iterator[dict[str, Any]]:
    """Every acceptable statement of the files, in order; ``counts`` tallies the lines."""
    counts = counts if counts is not None else FileCounts()
    now = now or datetime.now(UTC)
    state = Progress(total_bytes=sum(_size(p) for p in paths))
    base = 0
    for path in paths:
        with open_progress_file(path) as stream:
            for number, raw in read_lines(stream):
                if raw is not None and not raw.strip():
                    continue
                counts.lines += 1
                statement = _statement(raw, now)
                if statement is None:
                    counts.rejected += 1
                else:
                    state.statements += 1
                    yield statement
                if number % 2000 == 0:
                    state.done_bytes = base + stream.tell()
                    progress(state)
        base += _size(path)
        state.done_bytes = base
        progress(state)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _statement(raw: bytes | None, now: datetime) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        statement = parse_line(raw)
    except (ValueError, RecursionError):  # not UTF-8, not JSON, out of range, too deep
        return None
    return None if statement_problem(statement, now, raw) else statement


# ---------------------------------------------------------------------- LRS


class LrsReader:
    """Pages of one course's statements from an LRS, resumable (module docstring)."""

    def __init__(
        self,
        config: LrsConfig,
        course_iri: str,
        resume_dir: Path,
        *,
        page_size: int = PAGE_SIZE,
        max_statements: int = MAX_STATEMENTS,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        self.config = config
        self.course_iri = course_iri
        self.page_size = page_size
        self.max_statements = max_statements
        self.session = session or requests.Session()
        self.timeout = timeout
        self.origin = origin_of(config.statements_url)
        key = hashlib.sha256(f"{config.statements_url}\n{course_iri}".encode()).hexdigest()
        self.cache = resume_dir / f"{key[:20]}.jsonl"
        self.state_file = resume_dir / f"{key[:20]}.json"
        self.resume_dir = resume_dir

    def first_url(self) -> str:
        query = urlencode(
            {"activity": self.course_iri, "related_activities": "true", "limit": self.page_size}
        )
        return f"{self.config.statements_url}?{query}"

    def statements(self, progress: ProgressCallback = _quiet) -> Iterator[dict[str, Any]]:
        """Every statement the LRS lists for the course (those of a cut-off run first)."""
        state = Progress()
        url = self.first_url()
        saved = self._saved_next()
        if saved is not None:
            url = saved
            # read back as they were taken from the LRS (a timestamp ahead of this clock too)
            for statement in read_files([self.cache], now=datetime.max.replace(tzinfo=UTC)):
                state.statements += 1
                state.resumed += 1
                yield statement
            progress(state)
        else:
            self._reset()
        seen_links: set[str] = set()
        while url:
            page = self._page(url, restartable=saved is not None and url == saved)
            if page is None:  # the saved link no longer works: read again from the start
                url, saved = self.first_url(), None
                continue
            statements, more = page
            state.statements += len(statements)
            state.pages += 1
            if state.statements > self.max_statements:
                raise SyncError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors",
                        "The LRS lists more than {limit} statements for this course; the report"
                        " stops there (raise --max-statements to read more).",
                    ),
                    limit=f"{self.max_statements:,}",
                )
            next_url = self._next(more)
            if next_url is not None and (next_url in seen_links or not statements):
                next_url = None  # an LRS that loops, or lists nothing more: done
            self._save(statements, next_url)
            yield from statements
            progress(state)
            if next_url is not None:
                seen_links.add(next_url)
            url = next_url or ""
        self._reset()

    # ------------------------------------------------------------------ one page

    def _page(self, url: str, *, restartable: bool) -> tuple[list[Any], Any] | None:
        if origin_of(url) != self.origin:  # never hand the credentials to another server
            raise SyncError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "The LRS at {endpoint} sent a 'more' link to another server ({origin});"
                    " it was not followed.",
                ),
                endpoint=self.config.endpoint,
                origin=origin_of(url) or url[:80],
            )
        auth = None
        if self.config.username is not None:
            auth = (self.config.username, self.config.password or "")
        headers = {"X-Experience-API-Version": XAPI_VERSION, "Accept": "application/json"}
        for attempt in range(RETRIES + 1):
            try:
                with self.session.get(
                    url,
                    headers=headers,
                    auth=auth,
                    timeout=self.timeout,
                    allow_redirects=False,
                    stream=True,
                ) as response:
                    status = response.status_code
                    if status == 200:
                        return self._parse(_bounded_body(response))
                    if restartable and status in (400, 404, 410):
                        return None
                    if status >= 500 and attempt < RETRIES:
                        time.sleep(0.5 * 2**attempt)
                        continue
                    raise self._refused(status, response)
            except requests.RequestException as error:
                if attempt < RETRIES and not isinstance(error, requests.exceptions.SSLError):
                    time.sleep(0.5 * 2**attempt)
                    continue
                raise SyncError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors",
                        "Cannot read statements from {endpoint}: {cause}. Run the same command"
                        " again to continue where it stopped.",
                    ),
                    endpoint=self.config.endpoint,
                    cause=_network_cause(error),
                ) from error
        raise AssertionError("unreachable")  # pragma: no cover

    def _refused(self, status: int, response: requests.Response) -> SyncError:
        if status in (401, 403):
            return SyncError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "The LRS at {endpoint} refused to list statements (HTTP {status}); check the"
                    " LRS user name and password (course-player sync --configure) and that they"
                    " may read statements.",
                ),
                endpoint=self.config.endpoint,
                status=status,
            )
        if 300 <= status < 400:
            return SyncError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "The LRS at {endpoint} answered with a redirect (HTTP {status}); redirects"
                    " are not followed. Check the LRS address.",
                ),
                endpoint=self.config.endpoint,
                status=status,
            )
        return SyncError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "The LRS at {endpoint} answered HTTP {status} when asked for statements. Run"
                " the same command again to continue where it stopped.",
            ),
            endpoint=self.config.endpoint,
            status=status,
        )

    def _parse(self, body: bytes | None) -> tuple[list[Any], Any]:
        problem = f"larger than {MAX_PAGE_BYTES:,} bytes" if body is None else None
        document: Any = None
        if body is not None:
            try:
                document = load_page(body)
            except ValueError as error:
                problem = f"not JSON ({str(error)[:80]})"
        if problem is None and not (
            isinstance(document, dict) and isinstance(document.get("statements"), list)
        ):
            problem = "not a StatementResult (no 'statements' list)"
        if problem is not None:
            raise SyncError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "The LRS at {endpoint} sent a page of statements {problem}."
                ),
                endpoint=self.config.endpoint,
                problem=problem,
            )
        return document["statements"], document.get("more")

    def _next(self, more: Any) -> str | None:
        if not isinstance(more, str) or not more.strip() or len(more) > 4096:
            return None
        return urljoin(self.config.statements_url, more.strip())

    # ------------------------------------------------------------------ resuming

    def _saved_next(self) -> str | None:
        try:
            state = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(state, dict) or not self.cache.exists():
            return None
        found = state.get("next")
        return found if isinstance(found, str) and origin_of(found) == self.origin else None

    def _save(self, statements: list[Any], next_url: str | None) -> None:
        self.resume_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.cache, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            for statement in statements:
                stream.write(json.dumps(statement, ensure_ascii=False, separators=(",", ":")))
                stream.write("\n")
        state = {"endpoint": self.config.endpoint, "course": self.course_iri, "next": next_url}
        temporary = self.state_file.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(state, stream)
        os.replace(temporary, self.state_file)

    def _reset(self) -> None:
        self.cache.unlink(missing_ok=True)
        self.state_file.unlink(missing_ok=True)


def _bounded_body(response: requests.Response) -> bytes | None:
    """The body, or None when it is larger than ``MAX_PAGE_BYTES`` (not read further)."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(256 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            return None
    return b"".join(chunks)


def _network_cause(error: requests.RequestException) -> str:
    if isinstance(error, requests.exceptions.SSLError):
        return "its certificate could not be verified"
    if isinstance(error, requests.Timeout):
        return "it did not answer in time"
    return "it cannot be reached (connection failed or was cut)"
