"""Rich consoles for the CLI: results on stdout, messages on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console

from runcoach.errors import RuncoachError


def out() -> Console:
    """Console for results (stdout). Created per call so tests can capture output."""
    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def err() -> Console:
    """Console for messages, warnings and progress (stderr). Lines are never wrapped, so a message
    stays one greppable line (``path: reason``) whatever the terminal width."""
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Print a JSON document, and nothing else, on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")
    sys.stdout.flush()


def print_error(exc: RuncoachError) -> None:
    console = err()
    console.print(f"[bold red]error:[/] {exc.message}", markup=True, highlight=False)
    if exc.hint:
        console.print(f"[dim]hint:[/] {exc.hint}")
