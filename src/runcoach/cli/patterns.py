"""``runcoach patterns``: what your pain follows in the log, and how each region is doing."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(
        "patterns",
        help="Pain patterns in your log: which training, sleep, stress or cycle days your pain "
        "follows, with the counts behind each, and how each sore region is doing over time.",
    )(patterns)


def patterns(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Option("--region", help="Only this region (an id such as hip_groin, or 'hip').")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    progress: Annotated[
        bool, typer.Option("--progress", help="With --json: add each region's progress month by month.")
    ] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import out, print_json
    from runcoach.cli.render_analytics import patterns_view
    from runcoach.services.patterns import pain_patterns

    with open_log(ctx) as db:
        report = pain_patterns(db=db, region=region)
    if as_json:
        print_json(report.to_json(progress=progress))
        return
    out().print(patterns_view(report))
