"""The upload cap, as pure ASGI middleware: a request body larger than the cap is refused with a 413
envelope before any of it reaches a route (by its Content-Length), or as soon as the streamed
body passes the cap (chunked uploads), so nothing is parsed or stored."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from runcoach.web.errors import UploadTooLargeError, envelope, respond

HINT = "upload a smaller file: one activity, or a zip of a few months of them"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def too_large(cap: int) -> UploadTooLargeError:
    return UploadTooLargeError(f"the upload is larger than the {_mb(cap)} the web app accepts", hint=HINT)


class UploadLimit:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            exc = too_large(self.max_bytes)
            response = respond(Request(scope), envelope(exc.message, 413, exc.hint))
            await response(scope, receive, send)
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise too_large(self.max_bytes)
            return message

        return counted
