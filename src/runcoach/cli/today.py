"""``runcoach today``: should I run today? Green, yellow or red, with reasons and pre-run tips.

``runcoach settings conditions`` shows or saves the usual conditions (temperature, humidity,
pollen, altitude) that ``today`` uses when they are not given.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from runcoach.cli.common import say

TEMP_HELP = "Temperature now: 4, 4C or 39F."
HUMIDITY_HELP = "Relative humidity, 0-100 %."
POLLEN_HELP = "Pollen count: low, medium or high."
ALTITUDE_HELP = "Where you run: 1800m, 6000ft (a bare number takes your unit: m for km, ft for mi)."

Temp = Annotated[str | None, typer.Option("--temp", help=TEMP_HELP)]
Humidity = Annotated[float | None, typer.Option("--humidity", help=HUMIDITY_HELP)]
Pollen = Annotated[str | None, typer.Option("--pollen", help=POLLEN_HELP)]
Altitude = Annotated[str | None, typer.Option("--altitude", help=ALTITUDE_HELP)]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def register(app: typer.Typer) -> None:
    from runcoach.cli.prefs import settings_app

    app.command("today", help="Should I run today? Green, yellow or red, with the reasons and tips.")(today)
    settings_app.command("conditions", help="Show or save your usual conditions for `runcoach today`.")(
        conditions
    )


def today(
    ctx: typer.Context,
    temp: Temp = None,
    humidity: Humidity = None,
    pollen: Pollen = None,
    altitude: Altitude = None,
    ate: Annotated[
        str | None, typer.Option("--ate", help="How long ago you last ate: 90min, 2h, 1h30m.")
    ] = None,
    meal: Annotated[str | None, typer.Option("--meal", help="What it was: big (default) or snack.")] = None,
    minutes: Annotated[float | None, typer.Option("--minutes", help="How long you plan to run.")] = None,
    at: Annotated[
        str | None, typer.Option("--at", help="When you plan to start, HH:MM (default now).")
    ] = None,
    save_defaults: Annotated[
        bool, typer.Option("--save-defaults", help="Also save the conditions given as your defaults.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import out, print_json
    from runcoach.cli.render_today import today_panel
    from runcoach.services.conditions import ConditionsInput
    from runcoach.services.today import TodayRequest, should_i_run

    request = TodayRequest(
        conditions=ConditionsInput(temp, humidity, pollen, altitude),
        ate=ate,
        meal=meal,
        minutes=minutes,
        at=at,
        save_defaults=save_defaults,
    )
    with open_log(ctx) as db:
        view = should_i_run(db=db, request=request)
    if as_json:
        print_json(view.to_json())
        return
    out().print(today_panel(view.to_json()))


def conditions(
    ctx: typer.Context,
    temp: Temp = None,
    humidity: Humidity = None,
    pollen: Pollen = None,
    altitude: Altitude = None,
    clear: Annotated[bool, typer.Option("--clear", help="Forget the saved conditions first.")] = False,
    as_json: AsJson = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import print_json
    from runcoach.services.conditions import (
        ConditionsInput,
        conditions_json,
        get_condition_defaults,
        set_condition_defaults,
    )

    data = ConditionsInput(temp, humidity, pollen, altitude)
    change = clear or any(v is not None for v in (temp, humidity, pollen, altitude))
    with open_log(ctx) as db:
        saved = (
            set_condition_defaults(db=db, data=data, clear=clear) if change else get_condition_defaults(db=db)
        )
    shown: dict[str, Any] = conditions_json(saved)
    if as_json:
        print_json(shown)
        return
    for key, value in shown.items():
        say(f"{key.replace('_', ' ')}: {'-' if value is None else value}")
