"""``runcoach data export|import|csv|schema``: your whole log in and out (contract section 5)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from runcoach.cli.common import note, say, warn

data_app = typer.Typer(
    help="Your data is yours: export and import the whole log, or CSV per table.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")


def _write(text: str, output: Path | None) -> None:
    import sys

    from runcoach.errors import UsageError

    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None

    note(f"wrote {output}")


@data_app.command(
    "export", help="Print the whole log as an exchange-format JSON document (or write it to -o FILE)."
)
def export(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    import json

    from runcoach.cli.common import open_log
    from runcoach.services.export import export_log

    with open_log(ctx) as db:
        doc = export_log(db=db)
    _write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)


@data_app.command(
    "import", help="Import an exchange-format document: all of it, or nothing and every problem listed."
)
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE.json", help="A `runcoach data export` file ('-' for stdin).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print what was added as JSON.")] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import print_json
    from runcoach.services.exchange import import_log

    data = _read(file)
    with open_log(ctx) as db:
        report = import_log(db=db, data=data, name=str(file))
    for warning in report.warnings:
        warn(warning)
    if as_json:
        print_json(report.to_json())
        return
    added = ", ".join(f"{n} {k}" for k, n in report.added.items() if n) or "nothing new"
    dupes = sum(report.duplicates.values())
    say(f"imported {file}: {added}" + (f" ({dupes} already in the log)" if dupes else ""))


def _read(file: Path) -> bytes:
    import sys

    from runcoach.errors import DataError

    if str(file) == "-":
        return sys.stdin.buffer.read()
    try:
        return file.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read {file}: {exc.strerror}", hint="check the path") from None


@data_app.command(
    "csv", help="Write one CSV file per table (shoes, runs, laps, checkins, pain, training, ...) to DIR."
)
def csv(
    ctx: typer.Context, folder: Annotated[Path, typer.Argument(metavar="DIR", help="Folder to write into.")]
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.export import export_csv

    with open_log(ctx) as db:
        written = export_csv(db=db, folder=folder)
    say(f"wrote {len(written)} files to {folder}: " + ", ".join(p.name for p in written))


@data_app.command("schema", help="Print the JSON Schema of the exchange format.")
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    from runcoach.log.exchange import json_schema_text

    _write(json_schema_text(), output)
