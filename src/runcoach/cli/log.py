"""``runcoach log run``: log a run by hand."""

from __future__ import annotations

from typing import Annotated

import typer

from runcoach.cli.common import say, warn

log_app = typer.Typer(help="Add entries to your training log by hand.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(log_app, name="log")


@log_app.command("run", help="Log a run: runcoach log run 8.2km 45:10 --terrain trail --type easy")
def log_run(
    ctx: typer.Context,
    distance: Annotated[str, typer.Argument(help="8.2km, 5mi, 800m, or a bare number in your unit.")],
    duration: Annotated[str, typer.Argument(metavar="TIME", help="45:10, 1:02:03, 45min or 1h05m.")],
    when: Annotated[
        str | None,
        typer.Option(
            "--date", help="When you started: 2026-03-01, '2026-03-01 07:00', yesterday. Default: now."
        ),
    ] = None,
    run_type: Annotated[
        str | None, typer.Option("--type", help="easy, long, tempo, intervals, hills, race or recovery.")
    ] = None,
    terrain: Annotated[
        str | None, typer.Option("--terrain", help="road, trail, track, treadmill or grass.")
    ] = None,
    shoe: Annotated[
        str | None, typer.Option("--shoe", help="Shoe id or name (default: your default shoe).")
    ] = None,
    hr: Annotated[float | None, typer.Option("--hr", help="Average heart rate, bpm.")] = None,
    max_hr: Annotated[float | None, typer.Option("--max-hr", help="Maximum heart rate, bpm.")] = None,
    cadence: Annotated[
        float | None, typer.Option("--cadence", help="Average cadence, steps per minute.")
    ] = None,
    climb: Annotated[float | None, typer.Option("--climb", help="Elevation gain in metres.")] = None,
    notes: Annotated[str, typer.Option("--notes", help="Anything worth remembering.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print the stored run as JSON.")] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import print_json
    from runcoach.cli.render_log import run_line
    from runcoach.services.runs import log_run as log_run_service

    with open_log(ctx) as db:
        logged = log_run_service(
            db=db,
            distance=distance,
            duration=duration,
            when=when,
            run_type=run_type,
            terrain=terrain,
            shoe=shoe,
            avg_hr=hr,
            max_hr=max_hr,
            cadence_spm=cadence,
            elevation_gain_m=climb,
            notes=notes,
        )
    for warning in logged.warnings:
        warn(warning)
    if as_json:
        print_json(logged.run.to_json())
        return
    say(f"logged run {logged.run.id}: {run_line(logged.run, logged.units)}")
