"""Package sources on a web server: a published folder, or one ``.zip``.

``HttpFolderSource`` fetches ``course.json`` and then each member it needs, relative to the
manifest's URL, through ``transfer.download`` (resumable, verified). ``HttpZipSource`` downloads
the whole zip resumably into staging, keyed by its URL, then reads it as a local zip.
Both keep partial files on failure (``keeps_partial_files``): the next install of the same URL
continues where this one stopped, also after the process was killed.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import requests

from player.core.errors import QT_TRANSLATE_NOOP, InstallError, PackageError, TransferError
from player.core.package.manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    SIGNATURE_NAME,
    FileEntry,
)
from player.core.package.reader import MAX_SIGNATURE_BYTES, ZipSource
from player.core.paths import DataDir
from player.core.progress import (
    ByteCount,
    CancelToken,
    ProgressCallback,
    ProgressMeter,
    format_bytes,
    ignore_progress,
)
from player.core.transfer import (
    DEFAULT_DEADLINE,
    TransferPolicy,
    discard_partial,
    download,
    ensure_free_space,
    fetch_bytes,
    make_session,
    probe,
)

Announce = Callable[[str], None]
#: The most a ``.zip`` whose server gives no size (no Content-Length) is downloaded to, without
#: ``--max-bytes``: an endless body stops there instead of filling the disk.
DEFAULT_MAX_UNSIZED_BYTES = 4 * 1024**3


def _ignore(_: str) -> None:
    """The default announcement sink."""


def is_http(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def open_http_source(
    location: str,
    data: DataDir | None = None,
    *,
    timeout: float | None = None,
    ca_bundle: str | None = None,
    session: requests.Session | None = None,
    progress: ProgressCallback = ignore_progress,
    announce: Announce = _ignore,
    max_bytes: int | None = None,
    cancel: CancelToken | None = None,
) -> HttpFolderSource | HttpZipSource:
    """A source for ``location``: a URL ending in ``.zip`` is a zip, anything else a folder.

    A folder URL may name its ``course.json`` or end with ``/``. ``timeout`` is the time without
    progress after which the transfer gives up (default: a few minutes).
    """
    if not is_http(location):
        raise InstallError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{url} is not an http(s) URL."), url=location
        )
    if not urlsplit(location).hostname:
        raise InstallError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{url} is not a valid URL: it names no host."),
            url=location,
        )
    policy = TransferPolicy(deadline_without_progress=timeout or DEFAULT_DEADLINE)
    session = session or make_session(ca_bundle)
    if data is None:
        from player.core.paths import default_data_dir

        data = default_data_dir()
    if not urlsplit(location).path.lower().endswith(".zip"):
        return HttpFolderSource(location, data, session=session, policy=policy)
    try:
        return HttpZipSource(
            location,
            data,
            session=session,
            policy=policy,
            progress=progress,
            announce=announce,
            max_bytes=max_bytes,
            cancel=cancel,
        )
    except BaseException:
        session.close()
        raise


def _url_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]


class HttpFolderSource:
    """A package folder published on a web server, addressed by its ``course.json`` URL."""

    keeps_partial_files = True
    #: ``download`` already fetches a file that fails verification once more.
    retry_on_mismatch = False

    def __init__(
        self,
        url: str,
        data: DataDir,
        *,
        session: requests.Session,
        policy: TransferPolicy,
    ) -> None:
        self.location = url
        self.manifest_url = url + MANIFEST_NAME if url.endswith("/") else url
        self.data = data
        self.session = session
        self.policy = policy
        self._scratch = data.staging / "http" / _url_key(self.manifest_url)
        self._manifest: bytes | None = None

    def member_url(self, path: str) -> str:
        return urljoin(self.manifest_url, quote(path))

    def read_manifest_bytes(self) -> bytes:
        if self._manifest is None:
            data = fetch_bytes(
                self.session,
                self.manifest_url,
                self._scratch / "manifest.tmp",
                max_size=MAX_MANIFEST_BYTES,
                policy=self.policy,
                label=self.manifest_url,
            )
            assert data is not None
            self._manifest = data
        return self._manifest

    def read_signature(self) -> bytes | None:
        return fetch_bytes(
            self.session,
            self.member_url(SIGNATURE_NAME),
            self._scratch / "signature.tmp",
            max_size=MAX_SIGNATURE_BYTES,
            policy=self.policy,
            label=SIGNATURE_NAME,
            missing_ok=True,
        )

    def fetch(
        self,
        entry: FileEntry,
        dest: Path | None,
        meter: ProgressMeter | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        """Download one member into ``dest`` (resuming it), verified against ``entry``."""
        if dest is None:  # only check it (``verify URL``)
            with tempfile.TemporaryDirectory(dir=self._scratch_root()) as folder:
                self.fetch(entry, Path(folder) / "member", meter, cancel)
            return
        download(
            self.session,
            self.member_url(entry.path),
            dest,
            expected_size=entry.size,
            expected_sha256=entry.sha256,
            meter=meter,
            cancel=cancel,
            policy=self.policy,
            label=entry.path,
        )

    def _scratch_root(self) -> Path:
        self._scratch.mkdir(parents=True, exist_ok=True)
        return self._scratch

    def close(self) -> None:
        self.session.close()


class HttpZipSource:
    """A package ``.zip`` on a web server: downloaded resumably, then read as a local zip.

    Before downloading, the size is asked (HEAD) and announced with the free disk; ``max_bytes``
    refuses a larger zip. When the server gives no size, the download stops at ``max_bytes`` (or
    ``DEFAULT_MAX_UNSIZED_BYTES``) with an error. A complete download is kept (with its
    validators) until the course it holds is installed, so a failed install does not fetch it
    again; a zip whose members fail verification is dropped.
    """

    keeps_partial_files = True
    retry_on_mismatch = False

    def __init__(
        self,
        url: str,
        data: DataDir,
        *,
        session: requests.Session,
        policy: TransferPolicy,
        progress: ProgressCallback = ignore_progress,
        announce: Announce = _ignore,
        max_bytes: int | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        self.location = url
        self.data = data
        self.session = session
        folder = data.staging / "downloads"
        folder.mkdir(parents=True, exist_ok=True)
        self.zip_path = folder / f"{_url_key(url)}.zip"
        self._done_marker = folder / f"{_url_key(url)}.zip.done.json"
        self._zip: ZipSource | None = None
        self._manifest_sha: str | None = None
        self._download(policy, progress, announce, max_bytes, cancel)
        try:
            self._zip = ZipSource(self.zip_path)
        except PackageError:
            self.discard()
            raise

    def _download(
        self,
        policy: TransferPolicy,
        progress: ProgressCallback,
        announce: Announce,
        max_bytes: int | None,
        cancel: CancelToken | None,
    ) -> None:
        remote = probe(self.session, self.location, cancel=cancel, policy=policy)
        if remote.size is not None and self._already_complete(remote.size, remote.validators):
            announce(f"{self.location}: already downloaded ({format_bytes(remote.size)}).")
            return
        self._done_marker.unlink(missing_ok=True)
        size = remote.size
        kept = self.zip_path.stat().st_size if self.zip_path.exists() else 0
        if size is not None:
            if max_bytes is not None and size - kept > max_bytes:
                raise InstallError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors",
                        "This package would fetch {needed}, more than the {allowed} allowed by "
                        "--max-bytes.",
                    ),
                    needed=ByteCount(size - kept),
                    allowed=ByteCount(max_bytes),
                )
            # The zip, then the installed copy of its members.
            free = ensure_free_space(self.zip_path.parent, 2 * size - kept)
            announce(
                f"Package {self.location}: {format_bytes(size - kept)} to download"
                + (f" ({format_bytes(kept)} already here)" if kept else "")
                + f"; {format_bytes(free)} free on disk."
            )
        meter = ProgressMeter(size or 0, progress, label=Path(urlsplit(self.location).path).name)
        download(
            self.session,
            self.location,
            self.zip_path,
            expected_size=None,
            expected_sha256=None,
            meter=meter,
            cancel=cancel,
            policy=policy,
            label=Path(urlsplit(self.location).path).name,
            max_size=size if size is not None else (max_bytes or DEFAULT_MAX_UNSIZED_BYTES),
        )
        meter.finish()
        validators = remote.validators
        self._done_marker.write_text(
            json.dumps(
                {
                    "url": self.location,
                    "size": self.zip_path.stat().st_size,
                    "validator": validators.if_range,
                }
            ),
            "utf-8",
        )

    def _already_complete(self, size: int, validators: Any) -> bool:
        try:
            marker = json.loads(self._done_marker.read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return (
            marker.get("url") == self.location
            and marker.get("size") == size
            and validators.if_range is not None
            and marker.get("validator") == validators.if_range
            and self.zip_path.is_file()
            and self.zip_path.stat().st_size == size
        )

    def _source(self) -> ZipSource:
        if self._zip is None:
            raise TransferError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "{url} was not downloaded."), url=self.location
            )
        return self._zip

    def read_manifest_bytes(self) -> bytes:
        data = self._source().read_manifest_bytes()
        self._manifest_sha = hashlib.sha256(data).hexdigest()
        return data

    def read_signature(self) -> bytes | None:
        return self._source().read_signature()

    def extra_members(self, listed: set[str]) -> list[str]:
        return self._source().extra_members(listed)

    def fetch(
        self,
        entry: FileEntry,
        dest: Path | None,
        meter: ProgressMeter | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        try:
            self._source().fetch(entry, dest, meter, cancel)
        except PackageError:
            self.discard()  # a bad zip is not worth keeping for next time
            raise

    def discard(self) -> None:
        """Forget the downloaded zip (complete or partial)."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        discard_partial(self.zip_path)
        self._done_marker.unlink(missing_ok=True)

    def close(self) -> None:
        """Drop the zip once its course is installed; keep it otherwise, for the next try."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        if self._manifest_sha is not None and self._installed():
            self.discard()
        self.session.close()

    def _installed(self) -> bool:
        assert self._manifest_sha is not None
        return any(
            (folder / self._manifest_sha[:16] / MANIFEST_NAME).is_file()
            for folder in self.data.courses.glob("*")
        )
