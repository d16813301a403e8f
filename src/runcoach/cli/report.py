"""``runcoach report``: a printable summary (PDF or HTML) to take to a physio or doctor."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(
        "report",
        help="Write a summary for a physio or doctor: red flags, complaints, pain timeline, training load "
        "around each flare, assessments, what you tried, charts. PDF or HTML by the file name.",
    )(report)


def report(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option("--since", help="First day covered, e.g. 2026-09-01 (default: 90 days back)."),
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day covered (default: today).")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="File to write, .pdf or .html (default: runcoach-report.pdf here)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report's content as JSON.")] = False,
) -> None:
    from runcoach.cli.chart import check_folder, write_output
    from runcoach.cli.common import open_log, say
    from runcoach.cli.console import print_json
    from runcoach.reports.context import report_document
    from runcoach.services.report import render_report, report_format

    path = output or Path("runcoach-report.pdf")
    fmt = report_format(path)
    check_folder(path)
    with open_log(ctx) as db:
        rendered = render_report(db=db, fmt=fmt, since=since, until=until)
    write_output(path, rendered.data)
    if as_json:
        print_json({"file": str(path), "format": fmt, "report": report_document(rendered.context)})
        return
    flags = len(rendered.context.red_flags)
    say(f"wrote the report to {path} ({fmt.upper()}, {len(rendered.data) // 1024 or 1} KB)")
    if flags:
        from runcoach.cli.common import warn

        warn(
            f"the report lists {flags} red flag{'s' if flags > 1 else ''}: get them checked by a professional"
        )
