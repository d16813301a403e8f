"""``runcoach settings``: your preferences (units, birth year, sex, resting heart rate baseline)."""

from __future__ import annotations

from typing import Annotated

import typer

from runcoach.cli.common import say

settings_app = typer.Typer(
    help="Your preferences: km or miles, birth year, sex, resting heart rate.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(settings_app, name="settings")


def _show(prefs: object, as_json: bool) -> None:
    from runcoach.cli.console import print_json
    from runcoach.services.runner import Preferences

    assert isinstance(prefs, Preferences)
    if as_json:
        print_json(prefs.to_json())
        return
    for key, value in prefs.to_json().items():
        say(f"{key.replace('_', ' ')}: {'-' if value is None else value}")


@settings_app.command("show", help="Show your preferences.")
def show(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.runner import get_preferences

    with open_log(ctx) as db:
        _show(get_preferences(db=db), as_json)


@settings_app.command("units", help="Show or set your distance unit: runcoach settings units mi")
def units(ctx: typer.Context, unit: Annotated[str | None, typer.Argument(help="km or mi.")] = None) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.runner import get_preferences, update_preferences

    with open_log(ctx) as db:
        prefs = update_preferences(db=db, units=unit) if unit else get_preferences(db=db)
    say(f"units: {prefs.units}")


@settings_app.command("profile", help="Set birth year, sex and a resting heart rate baseline.")
def profile(
    ctx: typer.Context,
    birth_year: Annotated[int | None, typer.Option("--birth-year")] = None,
    sex: Annotated[str | None, typer.Option("--sex", help="female, male or other.")] = None,
    resting_hr: Annotated[
        int | None, typer.Option("--resting-hr", help="Your usual resting HR (overrides check-ins).")
    ] = None,
    clear_resting_hr: Annotated[
        bool, typer.Option("--clear-resting-hr", help="Forget the baseline.")
    ] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.runner import update_preferences

    with open_log(ctx) as db:
        prefs = update_preferences(
            db=db, birth_year=birth_year, sex=sex, resting_hr=resting_hr, clear_resting_hr=clear_resting_hr
        )
    _show(prefs, as_json=False)
