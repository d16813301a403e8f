"""The Typer application and the state every command receives.

Command modules (``cli/<name>.py``) each define ``register(app)``; they import their heavy
dependencies inside the command functions so that ``runcoach --help`` stays fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Annotated

import typer

from runcoach.settings import DB_ENV, Settings, load_settings

#: modules under runcoach.cli that add commands, in the order they appear in --help
COMMAND_MODULES: tuple[str, ...] = (
    "welcome",
    "check",
    "assess",
    "kb",
    "importing",
    "runs",
    "log",
    "shoes",
    "checkin",
    "chart",
    "report",
    "today",
    "calc",
    "plan",
    "data",
    "patterns",
    "warnings",
    "prefs",
    "db",
    "serve",
)


@dataclass
class State:
    settings: Settings
    traceback: bool = False


app = typer.Typer(
    name="runcoach",
    help="A running coach for when something hurts. It is a coach, not a doctor.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar=DB_ENV,
            help="SQLAlchemy URL of the log database (or a path to an SQLite file). "
            "Default: an SQLite file in your data directory.",
            show_default=False,
        ),
    ] = None,
    traceback: Annotated[
        bool, typer.Option("--traceback", help="Show the full Python traceback on errors.")
    ] = False,
) -> None:
    """A running coach for when something hurts. It is a coach, not a doctor."""
    ctx.obj = State(settings=load_settings(db), traceback=traceback)
    if ctx.invoked_subcommand is None:
        from runcoach.cli.welcome import show_welcome

        show_welcome(ctx.obj)


def state(ctx: typer.Context) -> State:
    """The State set by the root callback (commands take ``ctx`` and call this)."""
    obj = ctx.find_root().obj
    if not isinstance(obj, State):  # pragma: no cover - the callback always runs first
        obj = State(settings=load_settings(None))
    return obj


for _name in COMMAND_MODULES:
    importlib.import_module(f"runcoach.cli.{_name}").register(app)
