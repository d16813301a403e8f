"""Plumbing shared by the log commands: opening the database named by --db / RUNCOACH_DB."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from runcoach.cli.app import state

if TYPE_CHECKING:
    from runcoach.log.db import Database


@contextmanager
def open_log(ctx: typer.Context) -> Iterator[Database]:
    """The log database of this invocation (migrated on first use), closed afterwards."""
    from runcoach.log.db import open_database

    with open_database(state(ctx).settings) as db:
        yield db
