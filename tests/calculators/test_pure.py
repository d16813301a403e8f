"""The calculators and the today engine are pure: no database, no services, no CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import runcoach

PACKAGE = Path(runcoach.__file__).parent
PURE = sorted([*(PACKAGE / "calculators").glob("*.py"), *(PACKAGE / "log" / "analytics").glob("today*.py")])
FORBIDDEN = (
    "sqlalchemy",
    "typer",
    "rich",
    "runcoach.cli",
    "runcoach.services",
    "runcoach.log.db",
    "runcoach.log.models",
)


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_pure_modules_import_no_storage_service_or_adapter(path: Path) -> None:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
        for name in names:
            assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"
