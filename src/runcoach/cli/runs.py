"""``runcoach runs``: the activities in the log, oldest first (contract section 4)."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("runs", help="List the runs and other activities in your log, oldest first.")(runs)


def runs(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print every activity as JSON.")] = False,
    last: Annotated[int, typer.Option("--last", min=1, help="How many of the most recent to show.")] = 30,
    show_all: Annotated[bool, typer.Option("--all", help="Show every run (the table view).")] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import out, print_json
    from runcoach.services.runs import list_runs

    with open_log(ctx) as db:
        listing = list_runs(db=db)
    if as_json:
        print_json([run.to_json() for run in listing.runs])
        return
    from runcoach.cli.render_log import runs_table

    shown = listing.runs if show_all else listing.runs[-last:]
    out().print(runs_table(shown, listing.units, total=len(listing.runs)))
