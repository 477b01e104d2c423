"""Two ASGI middlewares every response goes through: the security headers (with a fresh
nonce for the page's one inline style) and the request body limit (413, before the body
is read whole)."""
from __future__ import annotations

import json
import secrets

from ..errors import CommuniqueError, error_object

CSP = ("default-src 'none'; script-src 'none'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")
HEADERS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
           (b"x-frame-options", b"DENY"), (b"cross-origin-opener-policy", b"same-origin"))


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                headers += [(b"content-security-policy", CSP.format(nonce=nonce).encode()), *HEADERS]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuse a body over ``limit`` bytes with 413: by its Content-Length at once, or, sent
    in chunks without one, as soon as the chunks pass the limit (the chunks read so far,
    at most ``limit`` bytes, are then handed on to the app as they came)."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            if declared.isdigit() and int(declared) > self.limit:
                return await self._refuse(scope, send)
            return await self.app(scope, receive, send)  # the server stops the body at its declared length
        held, seen = [], 0
        while True:
            message = await receive()
            held.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.limit:
                return await self._refuse(scope, send)
            if not message.get("more_body", False):
                break

        async def replay():
            return held.pop(0) if held else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope, send):
        body = json.dumps(error_object(scope.get("path", ""), CommuniqueError("C413", limit=self.limit))).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
