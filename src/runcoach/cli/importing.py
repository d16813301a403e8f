"""``runcoach import PATH...``: activity files, folders and Strava / Garmin exports (contract section 3)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from runcoach.cli.common import note, say, warn

if TYPE_CHECKING:
    from runcoach.services.imports import ImportReport, Progress


def register(app: typer.Typer) -> None:
    app.command(
        "import",
        help="Import .gpx, .tcx and .fit files (also .gz), folders of them, and Strava or Garmin export "
        "zips or folders. Exit status 1 when any file failed (the others are still imported).",
    )(import_)


def import_(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help="Files, folders or export archives.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import print_json
    from runcoach.services.imports import import_paths

    with open_log(ctx) as db, _progress() as progress:
        report = import_paths(db=db, paths=paths, progress=progress)
    if as_json:
        print_json(report.to_json())
    else:
        _summary(report)
    for failure in report.failed if not as_json else []:
        note(f"{failure['path']}: {failure['error']}")
    if report.failed:
        raise typer.Exit(1)


def _summary(report: ImportReport) -> None:

    for warning in report.warnings:
        warn(f"{warning['path']}: {warning['warning']}")
    parts = [f"imported {report.imported}", f"{report.duplicates} already in the log"]
    if report.skipped:
        parts.append(f"{report.skipped} skipped (not activities)")
    if report.failed:
        parts.append(f"{len(report.failed)} failed")
    say(", ".join(parts))


@contextmanager
def _progress() -> Iterator[Progress | None]:
    """A Rich progress bar on stderr when it is a terminal (no callback otherwise)."""
    from runcoach.cli.console import err

    console = err()
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    columns = (TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Bar(*columns, TextColumn("[dim]{task.description}"), console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name[-50:])

        yield update
