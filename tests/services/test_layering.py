"""The log and its services are core: they import no adapter and print nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import runcoach

PACKAGE = Path(runcoach.__file__).parent
CORE = sorted(
    [
        *(PACKAGE / "services").glob("*.py"),
        *(PACKAGE / "log").rglob("*.py"),
        *(PACKAGE / "reports").rglob("*.py"),
    ]
)


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_modules_import_no_adapter_and_never_print(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert not node.module.startswith(("runcoach.cli", "runcoach.web")), node.module
        if isinstance(node, ast.Import):
            assert not any(a.name.startswith(("runcoach.cli", "runcoach.web")) for a in node.names)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id != "print", f"{path.name}:{node.lineno} prints"
