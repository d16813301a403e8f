"""One context, two renderings: a page from a Jinja template, or the same context as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates

from runcoach import DISCLAIMER, __version__

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=HERE / "templates")
TEMPLATES.env.globals.update(disclaimer=DISCLAIMER, version=__version__)
TEMPLATES.env.trim_blocks = True
TEMPLATES.env.lstrip_blocks = True


def page(request: Request, template: str, context: dict[str, Any], *, status: int = 200) -> HTMLResponse:
    """The page ``template`` rendered from ``context`` (available to it as ``data`` too)."""
    return TEMPLATES.TemplateResponse(request, template, {"data": context, **context}, status_code=status)


def as_json(context: dict[str, Any], *, status: int = 200) -> JSONResponse:
    return JSONResponse(context, status_code=status)
