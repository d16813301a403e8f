"""The one error envelope: every error, on every route, is ``{"ok": false, "error", "hint", "status"}``.

API routes (``/api/...``) answer it as JSON; pages render ``error.html`` from the same envelope.
:class:`~runcoach.errors.RuncoachError` subclasses map to HTTP statuses here and nowhere else.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from runcoach.errors import DataError, KnowledgeError, NotFoundError, RuncoachError, UsageError
from runcoach.log.db import DatabaseError
from runcoach.web.render import as_json, page

LOG = logging.getLogger("runcoach.web")


class UploadTooLargeError(RuncoachError):
    """An upload is larger than the app accepts; nothing was read into the log."""


#: the most specific class first
STATUS: tuple[tuple[type[RuncoachError], int], ...] = (
    (UploadTooLargeError, 413),
    (NotFoundError, 404),
    (DataError, 422),
    (UsageError, 422),
    (DatabaseError, 503),
    (KnowledgeError, 500),
    (RuncoachError, 400),
)


def envelope(error: str, status: int, hint: str | None = None) -> dict[str, Any]:
    return {"ok": False, "error": error, "hint": hint, "status": status}


def status_of(exc: RuncoachError) -> int:
    return next(code for cls, code in STATUS if isinstance(exc, cls))


def respond(request: Request, doc: dict[str, Any]) -> Response:
    """The envelope as JSON for the API, as the error page otherwise."""
    if request.url.path.startswith("/api/"):
        return as_json(doc, status=doc["status"])
    return page(request, "error.html", doc, status=doc["status"])


def _location(loc: tuple[Any, ...]) -> str:
    parts = [str(x) for x in loc if x not in ("body", "query", "path", "form")]
    return ".".join(parts) or "request"


def validation_message(exc: RequestValidationError) -> str:
    return "; ".join(
        f"{_location(tuple(e['loc']))}: {e['msg'].removeprefix('Value error, ')}" for e in exc.errors()
    )


async def on_runcoach_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RuncoachError)
    return respond(request, envelope(exc.message, status_of(exc), exc.hint))


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    hint = "see docs/web.md for the fields each route takes"
    return respond(request, envelope(validation_message(exc), 422, hint))


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    hint = "the home page lists every page; docs/web.md every API route" if exc.status_code == 404 else None
    return respond(request, envelope(str(exc.detail), exc.status_code, hint))


async def on_unexpected(request: Request, exc: Exception) -> Response:
    LOG.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return respond(request, envelope("runcoach hit an unexpected error (a bug)", 500, "see the server log"))


def install(app: FastAPI) -> None:
    app.add_exception_handler(RuncoachError, on_runcoach_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)
