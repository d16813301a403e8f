"""``runcoach welcome`` (also what plain ``runcoach`` shows): where things are and what to try."""

from __future__ import annotations

import typer

from runcoach.cli.app import State


def register(app: typer.Typer) -> None:
    @app.command("welcome", help="Show where runcoach keeps its data and what to try first.")
    def welcome(ctx: typer.Context) -> None:
        from runcoach.cli.app import state

        show_welcome(state(ctx))


def show_welcome(st: State) -> None:
    from rich.panel import Panel

    from runcoach import DISCLAIMER, __version__
    from runcoach.cli.console import out
    from runcoach.knowledge.loader import load_knowledge

    kb = load_knowledge()
    lines = [
        f"[bold]runcoach {__version__}[/] - a running coach for when something hurts.",
        "",
        f"Knowledge: {len(kb.conditions)} conditions from {len(kb.sections)} coaching articles.",
        f"Log database: {st.settings.database_url} ({st.settings.database_source})",
        "",
        "Try:",
        '  runcoach check "my shin hurts when I run"   assess a complaint, one question at a time',
        "  runcoach conditions shin                     look up conditions",
        "  runcoach explain medial_tibial_stress_syndrome",
        "  runcoach --help                              every command",
        "",
        f"[dim]{DISCLAIMER}[/]",
    ]
    out().print(Panel("\n".join(lines), expand=False))
