"""Plumbing shared by the log commands: opening the database named by --db / RUNCOACH_DB."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from runcoach.log.db import Database


@contextmanager
def open_log(ctx: typer.Context) -> Iterator[Database]:
    """The log database of this invocation (migrated on first use), closed afterwards."""
    from runcoach.cli.app import state
    from runcoach.log.db import open_database

    with open_database(state(ctx).settings) as db:
        yield db


def say(text: str) -> None:
    """One plain line on stdout: user text is never read as markup and never wrapped."""
    from runcoach.cli.console import out

    out().print(text, markup=False, highlight=False, soft_wrap=True)


def note(text: str) -> None:
    """One plain line on stderr (progress notes, file names)."""
    from runcoach.cli.console import err

    err().print(text, markup=False, highlight=False, soft_wrap=True)


def warn(text: str) -> None:
    """``warning: ...`` on stderr."""
    from rich.text import Text

    from runcoach.cli.console import err

    err().print(Text.assemble(("warning:", "yellow"), " ", text), soft_wrap=True)
