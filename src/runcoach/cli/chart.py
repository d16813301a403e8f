"""``runcoach chart weekly|acwr|resting-hr|shoes``: one chart of the log as a PNG or SVG file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

KINDS_HELP = "weekly (distance with pain), acwr (load ratio band), resting-hr (against baseline), shoes"


def register(app: typer.Typer) -> None:
    app.command("chart", help="Draw a chart of your log: " + KINDS_HELP + ". PNG or SVG by the file name.")(
        chart
    )


def check_folder(path: Path) -> None:
    """Refuse an output file whose folder does not exist (before any work is done)."""
    from runcoach.errors import UsageError

    if not path.parent.is_dir():
        raise UsageError(
            f"cannot write {path}: the folder {path.parent} does not exist", hint="create it first"
        )


def write_output(path: Path, data: bytes) -> None:
    """Write the bytes to ``path``; a clear error (and no partial file) when that is not possible."""
    from runcoach.errors import UsageError

    check_folder(path)
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def chart(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help=KINDS_HELP, show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File to write, .png or .svg (default: runcoach-KIND.png here)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="First day shown, e.g. 2026-09-01 (default: 26 weeks back).")
    ] = None,
    weeks: Annotated[int | None, typer.Option("--weeks", help="How many weeks to show.", min=1)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was written as JSON.")] = False,
) -> None:
    from runcoach.cli.common import open_log, say
    from runcoach.cli.console import print_json
    from runcoach.errors import UsageError
    from runcoach.reports.charts import CHART_KINDS
    from runcoach.reports.style import chart_format
    from runcoach.services.report import render_chart

    if kind not in CHART_KINDS:
        raise UsageError(f"unknown chart {kind!r}", hint="choose one of: " + ", ".join(CHART_KINDS))
    path = output or Path(f"runcoach-{kind}.png")
    fmt = chart_format(path)
    check_folder(path)
    with open_log(ctx) as db:
        data = render_chart(db=db, kind=kind, fmt=fmt, since=since, weeks=weeks)
    write_output(path, data)
    if as_json:
        print_json({"chart": kind, "file": str(path), "format": fmt, "bytes": len(data)})
        return
    say(f"wrote the {kind} chart to {path} ({fmt.upper()}, {len(data) // 1024 or 1} KB)")
