"""The web app and REST API (FastAPI): one application over the same core the CLI uses
(analyze, the store, the briefs). `create_app` builds it; `communique serve` runs it.

Security, in one place:
- every write (POST /api/documents) needs ``Authorization: Bearer <token>``; with the
  setting ``private_reads`` every read does too (pages also take the token from the cookie
  the /login form sets);
- a request body over ``max_bytes`` is refused with 413 before it is read whole;
- every response carries a Content-Security-Policy with no inline script at all (our
  pages have no script; the one inline style of a page carries a per-response nonce),
  nothing from another origin, no framing;
- every piece of source text reaches a page through Jinja2's autoescape or ``html.escape``.
"""
from __future__ import annotations

import hmac
from contextlib import asynccontextmanager
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import CommuniqueError, error_object
from ..settings import Config

HERE = Path(__file__).parent
COOKIE = "communique_token"
# HTTP status of each coded error a request can meet.
STATUS = {"C103": 413, "C104": 422, "C105": 422, "C106": 422, "C107": 422, "C108": 422, "C109": 422,
          "C110": 422, "C112": 503, "C301": 503, "C302": 503, "C303": 503, "C304": 404, "C401": 401,
          "C404": 404, "C405": 405, "C413": 413, "C422": 422}


@dataclass
class Core:
    """What the app serves from: the settings, the store (one connection, used by one
    request at a time) and the analysis (one pipeline, one document at a time)."""
    config: Config
    token: str
    private_reads: bool = False
    store_lock: threading.Lock = field(default_factory=threading.Lock)
    analysis_lock: threading.Lock = field(default_factory=threading.Lock)
    _store: object = None

    def store(self):
        from ..store import Store

        if self._store is None:
            self._store = Store(self.config.db, story_threshold=self.config.story_threshold)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def authorised(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header.lower().startswith("bearer ") else request.cookies.get(COOKIE, "")
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())


def error_response(code: str, subject: str, **fields) -> JSONResponse:
    """The project's one error shape ({"id", "error", "code"}), with the code's status."""
    return JSONResponse(error_object(subject, CommuniqueError(code, **fields)), status_code=STATUS.get(code, 400))


def create_app(config: Config, token: str | None = None, private_reads: bool = False) -> FastAPI:
    """The application. ``token``: the bearer token writes need (None: a new random one,
    readable as ``app.state.core.token``)."""
    from .api import Refused, router as api_router
    from .pages import router as page_router
    from .security import SecurityHeaders, BodyLimit

    core = Core(config, token or secrets.token_urlsafe(24), private_reads)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        core.close()  # the store's file is closed when the server stops

    app = FastAPI(title="communique", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Geopolitical news and readouts to attributed, source-linked event data "
                              "(communique/1), a corpus store and briefs that cite every line.")
    app.state.core = core
    app.add_middleware(BodyLimit, limit=config.max_bytes)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so every response has the headers

    @app.exception_handler(CommuniqueError)
    async def coded(request: Request, exc: CommuniqueError):
        return JSONResponse(error_object(request.url.path, exc), status_code=STATUS.get(exc.code, 400))

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused):
        return JSONResponse(exc.body, status_code=STATUS.get(exc.body["code"], 400))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response("C422", request.url.path, where=where or "request", reason=first.get("msg", "invalid"))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # a bug: still the coded shape, never a traceback
        error = CommuniqueError("C199", reason=f"{type(exc).__name__}: {exc}")
        return JSONResponse(error_object(request.url.path, error), status_code=500)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 405:
            return error_response("C405", request.url.path, path=request.url.path, method=request.method)
        if exc.status_code == 404:
            return error_response("C404", request.url.path, path=request.url.path)
        return error_response("C422", request.url.path, where="request", reason=str(exc.detail))

    app.include_router(api_router)
    app.include_router(page_router)
    return app
