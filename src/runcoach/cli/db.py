"""``runcoach db upgrade|current``: the log database's schema."""

from __future__ import annotations

from typing import Annotated

import typer

from runcoach.cli.common import say

db_app = typer.Typer(help="The log database: its schema revision, and upgrading it.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")


@db_app.command("current", help="Show the database's schema revision (changes nothing).")
def current(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
) -> None:
    from runcoach.cli.app import state
    from runcoach.cli.console import print_json
    from runcoach.services.database import database_status

    status = database_status(settings=state(ctx).settings)
    if as_json:
        print_json(status.to_json())
        return
    label = (
        "up to date" if status.up_to_date else f"behind: newest is {status.head}; run `runcoach db upgrade`"
    )
    say(f"{status.url}: revision {status.revision or '(empty database)'} ({label})")


@db_app.command("upgrade", help="Create the schema or upgrade it to the newest revision.")
def upgrade(ctx: typer.Context) -> None:
    from runcoach.cli.app import state
    from runcoach.services.database import upgrade_database

    status = upgrade_database(settings=state(ctx).settings)
    if status.previous == status.revision:
        say(f"{status.url}: already at revision {status.revision}")
    else:
        say(f"{status.url}: upgraded from {status.previous or '(empty)'} to {status.revision}")
