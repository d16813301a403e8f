"""``runcoach shoes add|list|retire|default``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

import typer

from runcoach.cli.common import say

shoes_app = typer.Typer(
    help="Your shoes: mileage, the default pair, when to replace them.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(shoes_app, name="shoes")


def _shoe_json(shoe: Any) -> dict[str, Any]:
    data = asdict(shoe)
    data["id"] = data.pop("ref")
    data["default"] = data.pop("is_default")
    for key in ("started", "retired"):
        data[key] = data[key].isoformat() if data[key] else None
    data["due"] = shoe.due
    return data


@shoes_app.command("add", help='Add a pair: runcoach shoes add "Pegasus 40" --replace-at 700km')
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="What you call them, e.g. 'Pegasus 40'.")],
    brand: Annotated[str | None, typer.Option("--brand")] = None,
    model: Annotated[str | None, typer.Option("--model")] = None,
    started: Annotated[
        str | None, typer.Option("--started", help="First run in them (default: today).")
    ] = None,
    replace_at: Annotated[
        str | None,
        typer.Option("--replace-at", help="Remind me to replace them at: 700km, 450mi (default 800 km)."),
    ] = None,
    default: Annotated[bool, typer.Option("--default", help="New runs get these shoes.")] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.shoes import add_shoe

    with open_log(ctx) as db:
        shoe = add_shoe(
            db=db,
            name=name,
            brand=brand,
            model=model,
            started=started,
            replace_at=replace_at,
            make_default=default,
        )
    say(f"added shoe {shoe.ref!r}: {shoe.name}" + (" (default)" if shoe.is_default else ""))


@shoes_app.command("list", help="List your shoes with the distance run in each.")
def list_(
    ctx: typer.Context,
    active: Annotated[bool, typer.Option("--active", help="Leave out retired shoes.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import out, print_json
    from runcoach.cli.render_log import shoes_table
    from runcoach.services.shoes import list_shoes

    with open_log(ctx) as db:
        listing = list_shoes(db=db, include_retired=not active)
    if as_json:
        print_json([_shoe_json(s) for s in listing.shoes])
        return
    out().print(shoes_table(listing.shoes, listing.units))


@shoes_app.command("retire", help="Retire a pair (from today, or --date).")
def retire(
    ctx: typer.Context,
    shoe: Annotated[str, typer.Argument(help="Shoe id or name.")],
    when: Annotated[str | None, typer.Option("--date", help="Retired on this day (default: today).")] = None,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.shoes import retire_shoe

    with open_log(ctx) as db:
        found = retire_shoe(db=db, shoe=shoe, when=when)
    say(f"retired {found.name} ({found.ref}) on {found.retired}")


@shoes_app.command("default", help="Make a pair the default for new runs.")
def default(ctx: typer.Context, shoe: Annotated[str, typer.Argument(help="Shoe id or name.")]) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.shoes import set_default_shoe

    with open_log(ctx) as db:
        found = set_default_shoe(db=db, shoe=shoe)
    say(f"{found.name} ({found.ref}) is now your default shoe")
