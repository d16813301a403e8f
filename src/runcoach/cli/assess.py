"""``runcoach assess``: batch assessment over JSON lines (contract section 1)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("assess", help="Assess cases given as JSON lines (one case per line, on stdin or in FILE).")(
        assess
    )


def assess(
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Read JSON lines, write one JSON result per line.")
    ] = False,
    file: Annotated[Path | None, typer.Argument(help="Read cases from this file instead of stdin.")] = None,
    advice: Annotated[
        bool, typer.Option("--advice/--no-advice", help="Include the top condition's advice.")
    ] = True,
) -> None:
    import gc

    from runcoach.errors import UsageError
    from runcoach.services.assess import assess_lines, packaged_engine

    if not jsonl:
        raise UsageError(
            "assess reads JSON lines: use `runcoach assess --jsonl`",
            hint='to assess one complaint interactively, use `runcoach check "what hurts"`',
        )
    stream = file.open(encoding="utf-8") if file else sys.stdin
    engine = packaged_engine()
    # the knowledge base lives as long as the process: keep the collector from walking it again
    # and again while thousands of cases come and go
    gc.freeze()
    ok = True
    out = sys.stdout
    try:
        for line, good in assess_lines(stream, engine=engine, with_advice=advice):
            out.write(line + "\n")
            ok = ok and good
    finally:
        if file:
            stream.close()
    out.flush()
    if not ok:
        raise typer.Exit(1)
