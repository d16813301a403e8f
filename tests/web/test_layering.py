"""The web app is an adapter: it imports no CLI code and reaches the log only through services."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import runcoach

WEB = sorted((Path(runcoach.__file__).parent / "web").rglob("*.py"))


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names]
    return names


@pytest.mark.parametrize("path", WEB, ids=lambda p: p.name)
def test_web_modules_import_no_cli_and_no_storage_models(path: Path) -> None:
    for name in _imports(path):
        assert not name.startswith("runcoach.cli"), name
        assert not name.startswith(("runcoach.log.models", "sqlalchemy")), name


def test_the_cli_imports_the_web_app_only_inside_serve() -> None:
    serve = Path(runcoach.__file__).parent / "cli" / "serve.py"
    tree = ast.parse(serve.read_text(encoding="utf-8"))
    top = [n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module]
    assert not any(n.module.startswith("runcoach.web") for n in top if n.module)
