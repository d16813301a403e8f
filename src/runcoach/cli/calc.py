"""``runcoach calc hydration|sodium|meal|hr|cadence|breathing|altitude``: the articles' numbers,
worked out for you."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from runcoach.calculators import Calculation

calc_app = typer.Typer(
    help="Calculators from the coaching articles' numbers: fluids, sodium, meals, heart rate, "
    "cadence, breathing, altitude.",
    no_args_is_help=True,
)
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Minutes = Annotated[float | None, typer.Option("--minutes", help="How long the run is, in minutes.")]
Hot = Annotated[bool, typer.Option("--hot", help="A hot or humid day.")]


def register(app: typer.Typer) -> None:
    app.add_typer(calc_app, name="calc")


def _show(calculation: Calculation, as_json: bool) -> None:
    from runcoach.cli.console import out, print_json
    from runcoach.cli.render_today import calc_panel

    if as_json:
        print_json(calculation.to_json())
    else:
        out().print(calc_panel(calculation.to_json()))


@calc_app.command("hydration", help="Daily fluids from body weight; before, during, after a run.")
def hydration(
    ctx: typer.Context,
    weight: Annotated[str, typer.Option("--weight", help="Body weight: 70kg, 154lb (bare: your unit).")],
    minutes: Minutes = None,
    hot: Hot = False,
    as_json: AsJson = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.calc import calc_hydration

    with open_log(ctx) as db:
        _show(calc_hydration(db=db, weight=weight, minutes=minutes, hot=hot), as_json)


@calc_app.command("sodium", help="Sodium per hour (and for the run) by duration, heat and sweat.")
def sodium(
    minutes: Annotated[float, typer.Option("--minutes", help="How long the run is, in minutes.")],
    hot: Hot = False,
    salty: Annotated[bool, typer.Option("--salty", help="You sweat salt (white marks on kit).")] = False,
    as_json: AsJson = False,
) -> None:
    from runcoach.services.calc import calc_sodium

    _show(calc_sodium(minutes=minutes, hot=hot, salty=salty), as_json)


@calc_app.command("meal", help="How long to wait after eating: --size big|snack, --ate-at or --run-at.")
def meal(
    size: Annotated[str, typer.Option("--size", help="big (a full meal) or snack.")] = "big",
    ate_at: Annotated[str | None, typer.Option("--ate-at", help="When you ate, HH:MM.")] = None,
    run_at: Annotated[str | None, typer.Option("--run-at", help="When you want to run, HH:MM.")] = None,
    as_json: AsJson = False,
) -> None:
    from runcoach.services.calc import calc_meal

    _show(calc_meal(size=size, ate_at=ate_at, run_at=run_at), as_json)


@calc_app.command("hr", help="Estimated max heart rate (220 - age, a rough guide), zones, resting range.")
def hr(
    age: Annotated[int, typer.Option("--age", help="Your age in years.")],
    resting: Annotated[int | None, typer.Option("--resting", help="Your resting heart rate.")] = None,
    as_json: AsJson = False,
) -> None:
    from runcoach.services.calc import calc_hr

    _show(calc_hr(age=age, resting=resting), as_json)


@calc_app.command("cadence", help="Check your cadence: --spm 164, or --steps 82 --seconds 30; --pace 5:30.")
def cadence(
    ctx: typer.Context,
    spm: Annotated[float | None, typer.Option("--spm", help="Steps per minute.")] = None,
    steps: Annotated[int | None, typer.Option("--steps", help="Steps you counted.")] = None,
    seconds: Annotated[float, typer.Option("--seconds", help="Over how many seconds.")] = 30,
    pace: Annotated[str | None, typer.Option("--pace", help="Your pace per km or mile (your unit).")] = None,
    as_json: AsJson = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.calc import calc_cadence

    with open_log(ctx) as db:
        _show(calc_cadence(db=db, spm=spm, steps=steps, seconds=seconds, pace=pace), as_json)


@calc_app.command("breathing", help="Breathing rhythm by effort: easy, moderate, cold_start, sore_throat.")
def breathing(
    effort: Annotated[
        str, typer.Option("--effort", help="easy, moderate, cold_start or sore_throat.")
    ] = "easy",
    as_json: AsJson = False,
) -> None:
    from runcoach.services.calc import calc_breathing

    _show(calc_breathing(effort=effort), as_json)


@calc_app.command("altitude", help="Does this altitude matter, and how long to settle in: --altitude 2800m.")
def altitude(
    ctx: typer.Context,
    height: Annotated[str, typer.Option("--altitude", help="2800m, 9000ft (bare: m for km, ft for mi).")],
    days: Annotated[int | None, typer.Option("--days", help="Days you have been there.")] = None,
    as_json: AsJson = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.calc import calc_altitude

    with open_log(ctx) as db:
        _show(calc_altitude(db=db, altitude=height, days=days), as_json)
