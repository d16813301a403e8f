"""``runcoach warnings``: training-load and form warnings from your log."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(
        "warnings",
        help="Training-load and form warnings: weekly jumps, single long-run spikes, load ratio, "
        "monotony, missing cutback weeks, back-to-back hard days, shoes, cadence, resting HR and HRV.",
    )(warnings)


def warnings(
    ctx: typer.Context,
    day: Annotated[
        str | None,
        typer.Option("--date", help="Look at the weeks up to this day (default: your last entry)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import out, print_json
    from runcoach.cli.render_analytics import warnings_view
    from runcoach.services.warnings import training_warnings

    with open_log(ctx) as db:
        report = training_warnings(db=db, day=day)
    if as_json:
        print_json(report.to_json())
        return
    out().print(warnings_view(report))
