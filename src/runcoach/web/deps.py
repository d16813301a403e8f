"""FastAPI dependencies as ``Annotated`` aliases: the settings, the log database and the runner.

The database is opened (and migrated) once, on the first request that needs it, and closed when the
app shuts down. ``runner_id`` is None (the default local runner) until an auth layer sets it.
"""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Request

from runcoach.log.db import Database, open_database
from runcoach.web.settings import WebSettings

_LOCK = threading.Lock()


def get_settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.web_settings
    return settings


def get_db(request: Request) -> Database:
    state = request.app.state
    with _LOCK:
        if getattr(state, "db", None) is None:
            state.db = open_database(state.web_settings.settings)
        db: Database = state.db
    return db


def get_runner_id(request: Request) -> int | None:
    """The runner the request acts for (None: the default local runner)."""
    runner: int | None = getattr(request.state, "runner_id", None)
    if runner is None:
        runner = get_settings(request).runner_id
    return runner


SettingsDep = Annotated[WebSettings, Depends(get_settings)]
DbDep = Annotated[Database, Depends(get_db)]
RunnerDep = Annotated[int | None, Depends(get_runner_id)]
