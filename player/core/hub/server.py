"""The hub's HTTP server: an aiohttp application in its own thread (beside Qt in the app).

Routes (docs/hub.md):

- ``GET /courses`` — the installed courses (``catalog.course_listing``), JSON;
- ``GET /courses/<id>/<member>`` — the package form ``install`` reads, with ``Range``,
  ``If-Range`` and ``ETag`` (aiohttp's ``FileResponse``, sendfile);
- ``GET /`` — a page for browsers: the app bundle when the hub runs from one, and the courses;
- ``GET /app/updates`` — the signed app updates in ``<data>/app-updates/`` (``updates``), JSON;
  ``GET /app/updates/<name>`` — one of them, with ``Range``, ``If-Range`` and ``ETag``;
- ``GET /xapi/about``; ``POST``/``PUT /xapi/statements`` — the xAPI subset our sync uses;
  ``POST /xapi/confirmed`` — ids a laptop's LRS confirmed, which the hub must not forward;
- ``GET /hub`` — name and version (what ``hubs`` shows); ``GET /hub/pair`` checks a token.

Statements and pairing need ``Authorization: Bearer <token>`` (``pairing.token_for``); course
downloads too when ``downloads_need_code``. Bodies are bounded (413), and each client address
has a token bucket (429 with ``Retry-After``). Every database access runs on one worker thread
with the hub's own connection, one at a time.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import web

from player import __version__
from player.core.appupdate.release import release_keys
from player.core.context import Context, open_context
from player.core.errors import QT_TRANSLATE_NOOP, HubError
from player.core.hub import catalog, inbox
from player.core.hub.bundle import BundleZip
from player.core.hub.pairing import (
    DEFAULT_PORT,
    LAPTOP_HEADER,
    bearer_matches,
    new_code,
    token_for,
)
from player.core.hub.ratelimit import RateLimiter
from player.core.hub.updates import UpdateShelf, updates_folder
from player.core.paths import DataDir
from player.core.sync.merge import CourseIndex
from player.core.sync.service import manifests_of
from player.core.sync.statements import XAPI_VERSION

MAX_BODY = 4 * 1024 * 1024
T = TypeVar("T")


@dataclass(frozen=True)
class HubOptions:
    port: int = DEFAULT_PORT
    bind: str = "0.0.0.0"
    code: str = field(default_factory=new_code)
    name: str = field(default_factory=lambda: socket.gethostname() or "course-player")
    downloads_need_code: bool = False
    #: The portable app's folder, offered at ``/`` (None: not running from a bundle).
    bundle: Path | None = None
    #: Release keys whose app updates the hub offers (None: those shipped with the app).
    release_keys: frozenset[str] | None = None
    max_body: int = MAX_BODY
    #: Statement requests per second per client, and the burst allowed.
    xapi_rate: float = 10.0
    xapi_burst: int = 40
    #: Any other request per second per client (a course is a few dozen files).
    get_rate: float = 100.0
    get_burst: int = 400


def default_bundle() -> Path | None:
    """The running app's bundle folder when it runs from one (PyInstaller), else None."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


class HubServer:
    """``start()`` serves in a thread and returns once the port is open; ``stop()`` ends it."""

    def __init__(self, data: DataDir, options: HubOptions | None = None) -> None:
        self.data = data
        self.options = options or HubOptions()
        self.token = token_for(self.options.code)
        self.port: int | None = None
        self._db_worker = ThreadPoolExecutor(1, thread_name_prefix="hub-db")
        self._ctx: Context | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._xapi_limit = RateLimiter(self.options.xapi_rate, self.options.xapi_burst)
        self._get_limit = RateLimiter(self.options.get_rate, self.options.get_burst)
        bundle = self.options.bundle
        self._bundle = BundleZip(bundle, data.staging / "hub") if bundle else None
        keys = self.options.release_keys
        self._updates = UpdateShelf(
            updates_folder(data), frozenset(release_keys()) if keys is None else keys
        )
        #: Called on the server thread after statements were queued (the app redraws).
        self.on_received: Callable[[inbox.Received], None] | None = None

    # -- life cycle -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host = self.options.bind
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        return f"http://{host}:{self.port}/"

    def start(self) -> HubServer:
        self._ctx = self._db(open_context, self.data)
        self._thread = threading.Thread(target=self._run, name="hub-server", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._failure is not None:
            self._close_db()
            failure = self._failure
            raise HubError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "Cannot serve on {bind} port {port}: {reason} (another hub running? try"
                    " another --port).",
                ),
                bind=self.options.bind,
                port=self.options.port,
                reason=getattr(failure, "strerror", None) or str(failure),
            ) from failure
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stopping is not None:
            self._loop.call_soon_threadsafe(self._stopping.set)
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        self._close_db()

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _close_db(self) -> None:
        if self._ctx is not None:
            ctx, self._ctx = self._ctx, None
            self._db_worker.submit(ctx.close).result()
        self._db_worker.shutdown(wait=True)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as error:  # reported by start(), which waits for it
            self._failure = error
        finally:
            self._ready.set()
            loop.close()

    async def _serve(self) -> None:
        self._stopping = asyncio.Event()
        runner = web.AppRunner(self.application(), access_log=None, handle_signals=False)
        await runner.setup()
        try:
            # reuse_address left to asyncio: on POSIX only (on Windows it would let two hubs
            # share a port).
            site = web.TCPSite(runner, self.options.bind, self.options.port)
            await site.start()
            self.port = int(runner.addresses[0][1])
            self._ready.set()
            await self._stopping.wait()
        finally:
            await runner.cleanup()

    # -- the application --------------------------------------------------------------------

    def application(self) -> web.Application:
        app = web.Application(client_max_size=self.options.max_body, middlewares=[self._limit])
        app.router.add_get("/", self._index)
        app.router.add_get("/app/updates", self._app_updates)  # before /app/{name}
        app.router.add_get("/app/updates/{name}", self._app_update_file)
        app.router.add_get("/app/{name}", self._app_bundle)
        app.router.add_get("/hub", self._about_hub)
        app.router.add_get("/hub/pair", self._pair)
        app.router.add_get("/courses", self._courses)
        app.router.add_get("/courses/", self._courses)
        app.router.add_get("/courses/{course}/{member:.+}", self._course_file)
        app.router.add_get("/xapi/about", self._xapi_about)
        app.router.add_post("/xapi/statements", self._post_statements)
        app.router.add_put("/xapi/statements", self._put_statements)
        app.router.add_post("/xapi/confirmed", self._confirmed)
        return app

    async def _run_db(self, function: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._db_worker, function, *args)

    def _db(self, function: Callable[..., T], *args: Any) -> T:
        return self._db_worker.submit(function, *args).result()

    @web.middleware
    async def _limit(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        client = request.remote or "?"
        limiter = self._xapi_limit if request.method in ("POST", "PUT") else self._get_limit
        wait = limiter.wait_for(client)
        if wait:
            return _text_error(429, "too many requests", {"Retry-After": str(max(1, round(wait)))})
        return await handler(request)

    def _authorized(self, request: web.Request) -> bool:
        return bearer_matches(request.headers.get("Authorization"), self.token)

    def _ctx_now(self) -> Context:
        if self._ctx is None:
            raise web.HTTPServiceUnavailable(text="the hub is stopping")
        return self._ctx

    # -- courses ----------------------------------------------------------------------------

    async def _courses(self, request: web.Request) -> web.StreamResponse:
        if self.options.downloads_need_code and not self._authorized(request):
            return _unauthorized()
        listing = await self._run_db(catalog.course_listing, self._ctx_now())
        return web.json_response(
            {"hub": self.options.name, "courses": listing}, dumps=_dumps, headers=_NO_STORE
        )

    async def _course_file(self, request: web.Request) -> web.StreamResponse:
        if self.options.downloads_need_code and not self._authorized(request):
            return _unauthorized()
        served = await self._run_db(
            catalog.served_file,
            self._ctx_now(),
            request.match_info["course"],
            request.match_info["member"],
        )
        if served is None:
            return _text_error(404, "no such file on this hub")
        return await _send_file(request, served.path)

    # -- pages ------------------------------------------------------------------------------

    async def _about_hub(self, request: web.Request) -> web.StreamResponse:
        return web.json_response(
            {
                "name": self.options.name,
                "app": "course-player",
                "version": __version__,
                "downloads_need_code": self.options.downloads_need_code,
                "bundle": self._bundle is not None,
            },
            headers=_NO_STORE,
        )

    async def _pair(self, request: web.Request) -> web.StreamResponse:
        if not self._authorized(request):
            return _unauthorized()
        return web.json_response({"name": self.options.name}, headers=_NO_STORE)

    async def _index(self, request: web.Request) -> web.StreamResponse:
        listing: list[dict[str, object]] = []
        if not self.options.downloads_need_code:
            listing = await self._run_db(catalog.course_listing, self._ctx_now())
        name = self._bundle.download_name if self._bundle else None
        return web.Response(
            text=_index_page(self.options.name, name, listing),
            content_type="text/html",
            headers=_NO_STORE,
        )

    async def _app_bundle(self, request: web.Request) -> web.StreamResponse:
        if self._bundle is None or request.match_info["name"] != self._bundle.download_name:
            return _text_error(404, "this hub does not run from an app bundle")
        loop = asyncio.get_running_loop()
        path = await loop.run_in_executor(None, self._bundle.ready)
        return await _send_file(request, path)

    async def _app_updates(self, request: web.Request) -> web.StreamResponse:
        if self.options.downloads_need_code and not self._authorized(request):
            return _unauthorized()
        loop = asyncio.get_running_loop()
        offers = await loop.run_in_executor(None, self._updates.offers)
        return web.json_response(
            {"hub": self.options.name, "updates": [offer.as_json() for offer in offers]},
            dumps=_dumps,
            headers=_NO_STORE,
        )

    async def _app_update_file(self, request: web.Request) -> web.StreamResponse:
        if self.options.downloads_need_code and not self._authorized(request):
            return _unauthorized()
        loop = asyncio.get_running_loop()
        path = await loop.run_in_executor(None, self._updates.path_of, request.match_info["name"])
        if path is None:
            return _text_error(404, "no such app update on this hub")
        return await _send_file(request, path)

    # -- statements -------------------------------------------------------------------------

    async def _xapi_about(self, request: web.Request) -> web.StreamResponse:
        return web.json_response({"version": [XAPI_VERSION]})

    async def _statements_body(self, request: web.Request) -> Any:
        # aiohttp inflates a gzip body itself, and ``client_max_size`` bounds what it inflates.
        raw = await request.read()
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise inbox.BatchRefused(400, "the body is not JSON") from error

    async def _receive(self, request: web.Request, body: Any) -> inbox.Received:
        statements = inbox.check_batch(body)
        laptop = _laptop_name(request)
        received = await self._run_db(_receive_into, self._ctx_now(), statements, laptop)
        if self.on_received is not None and received.queued:
            self.on_received(received)
        return received

    async def _post_statements(self, request: web.Request) -> web.StreamResponse:
        if not self._authorized(request):
            return _unauthorized()
        try:
            received = await self._receive(request, await self._statements_body(request))
        except inbox.BatchRefused as refused:
            return _text_error(refused.status, refused.reason)
        return web.json_response(received.ids)

    async def _put_statements(self, request: web.Request) -> web.StreamResponse:
        if not self._authorized(request):
            return _unauthorized()
        try:
            body = await self._statements_body(request)
            if not isinstance(body, dict) or body.get("id") != request.query.get("statementId"):
                raise inbox.BatchRefused(400, "statementId must name the statement's id")
            await self._receive(request, body)
        except inbox.BatchRefused as refused:
            return _text_error(refused.status, refused.reason)
        return web.Response(status=204)

    async def _confirmed(self, request: web.Request) -> web.StreamResponse:
        if not self._authorized(request):
            return _unauthorized()
        try:
            body = await self._statements_body(request)
        except inbox.BatchRefused as refused:
            return _text_error(refused.status, refused.reason)
        ids = body.get("ids") if isinstance(body, dict) else None
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            return _text_error(400, 'expected {"ids": [statement ids]}')
        held = await self._run_db(_confirm, self._ctx_now(), ids)
        return web.json_response({"held": held})


def _receive_into(ctx: Context, statements: list[dict[str, Any]], laptop: str) -> inbox.Received:
    return inbox.receive(ctx.db, statements, laptop, CourseIndex.load(ctx.db, manifests_of(ctx)))


def _confirm(ctx: Context, ids: list[str]) -> int:
    return inbox.confirmed_by_lrs(ctx.db, ids)


_NO_STORE = {"Cache-Control": "no-store"}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _text_error(status: int, reason: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"detail": reason}, status=status, headers=headers)


def _unauthorized() -> web.Response:
    return _text_error(
        401, "the pairing code is missing or wrong", {"WWW-Authenticate": 'Bearer realm="hub"'}
    )


def _laptop_name(request: web.Request) -> str:
    """The laptop's own name when it gives a sensible one, else its address."""
    name = request.headers.get(LAPTOP_HEADER, "")
    name = "".join(ch for ch in name if ch.isprintable()).strip()[:64]
    return name or (request.remote or "unknown laptop")


async def _send_file(request: web.Request, path: Path) -> web.StreamResponse:
    """A file with Range, ETag and If-Range, where If-Range may hold the ETag.

    aiohttp's ``FileResponse`` honours ``If-Range`` with a date only; with an ETag it would send
    the range of whatever file is there now. A resumed download whose ETag no longer matches
    (the course was updated on the hub) gets the whole new file instead, as RFC 9110 asks.
    """
    if_range = request.headers.get("If-Range", "")
    if if_range.startswith(('"', "W/")):
        try:
            stat = path.stat()
        except OSError:
            return _text_error(404, "no such file on this hub")
        if if_range != f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"':
            return _WholeFileResponse(path, headers={"Cache-Control": "no-cache"})
    return web.FileResponse(path, headers={"Cache-Control": "no-cache"})


class _WholeFileResponse(web.FileResponse):
    """The whole file, whatever ``Range`` the request asks for (its ``If-Range`` is stale).

    aiohttp prepares the response a handler returns with the request it received; the range is
    dropped here rather than by preparing the response in the handler, which aiohttp would
    prepare a second time.
    """

    async def prepare(self, request: web.BaseRequest) -> Any:
        headers = request.headers.copy()
        headers.popall("Range", None)
        headers.popall("If-Range", None)
        return await super().prepare(request.clone(headers=headers))


def _index_page(name: str, bundle_name: str | None, courses: list[dict[str, object]]) -> str:
    from html import escape

    parts = [
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>Course Player — {escape(name)}</title></head><body>",
        f"<h1>Course Player — {escape(name)}</h1>",
    ]
    if bundle_name:
        parts.append(
            f"<p><a href='/app/{escape(bundle_name)}'>Télécharger l'application"
            f" ({escape(bundle_name)})</a> — Download the app.</p>"
        )
    else:
        parts.append("<p>Cette station ne propose pas l'application à télécharger.</p>")
    if courses:
        parts.append("<h2>Cours</h2><ul>")
        for course in courses:
            parts.append(
                f"<li>{escape(str(course['title']))} (version {escape(str(course['version']))})"
                "</li>"
            )
        parts.append("</ul>")
    parts.append(
        "<p>Dans l'application : Ajouter un cours, puis « Cours disponibles sur le réseau »,"
        " ou tapez l'adresse de cette page.</p></body></html>"
    )
    return "".join(parts)


def environ_bundle() -> Path | None:
    """``COURSE_PLAYER_HUB_BUNDLE`` (tests, or a bundle kept elsewhere), else the running one."""
    value = os.environ.get("COURSE_PLAYER_HUB_BUNDLE")
    return Path(value) if value else default_bundle()
