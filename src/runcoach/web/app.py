"""``create_app(settings)``: the FastAPI app with its pages, JSON API, error envelope and static files.

Everything it serves ships in the package (templates, CSS); it loads nothing from the network.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from runcoach import __version__
from runcoach.web import errors
from runcoach.web.limits import UploadLimit
from runcoach.web.render import HERE
from runcoach.web.routes import assess, home, knowledge, plan, report, runs, today
from runcoach.web.settings import WebSettings

ROUTERS = (home, assess, today, runs, knowledge, plan, report)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    db = getattr(app.state, "db", None)
    if db is not None:
        db.close()
        app.state.db = None


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The web app over the log that ``settings`` names (default: the CLI's settings)."""
    settings = settings or WebSettings()
    app = FastAPI(
        title="runcoach",
        version=__version__,
        summary="A running coach for when something hurts. It is a coach, not a doctor.",
        lifespan=_lifespan,
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema stays at /openapi.json
        redoc_url=None,
    )
    app.state.web_settings = settings
    app.state.db = None
    for module in ROUTERS:
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    errors.install(app)
    app.add_middleware(UploadLimit, max_bytes=settings.max_upload_bytes)
    return app
