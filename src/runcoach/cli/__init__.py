"""Command-line interface: ``runcoach``.

``main()`` is the one error boundary: a :class:`~runcoach.errors.RuncoachError` becomes a message
on stderr (with its hint) and its exit code; ``--traceback`` shows the Python traceback instead.
"""

from __future__ import annotations

import sys

from runcoach.errors import RuncoachError


def main(argv: list[str] | None = None) -> int:
    from runcoach.cli.app import app

    args = sys.argv[1:] if argv is None else argv
    try:
        result = app(args=args, prog_name="runcoach", standalone_mode=False)
    except RuncoachError as exc:
        if "--traceback" in args:
            raise
        from runcoach.cli.console import print_error

        print_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    except Exception as exc:  # click's (or typer's vendored click's) own usage errors
        import click
        import typer

        if isinstance(exc, click.exceptions.Exit | typer.Exit):
            return int(exc.exit_code)
        if isinstance(exc, click.ClickException | typer.TyperException) and hasattr(exc, "show"):
            exc.show()
            return int(getattr(exc, "exit_code", 2))
        if isinstance(exc, click.exceptions.Abort | typer.Abort):
            sys.stderr.write("aborted\n")
            return 1
        raise
    return result if isinstance(result, int) else 0


def entrypoint() -> None:  # pragma: no cover - thin wrapper for the console script
    sys.exit(main())
