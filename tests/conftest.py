"""Shared fixtures: the packaged knowledge base, an isolated data directory, a CLI runner."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from runcoach.knowledge.loader import KnowledgeBase, load_knowledge

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

#: the log database fixtures (db_url, db, cli_db, ...): SQLite always, PostgreSQL when configured
pytest_plugins = ["tests.db_fixtures"]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own runcoach data directory and no RUNCOACH_DB from the outside."""
    home = tmp_path / "runcoach-home"
    monkeypatch.setenv("RUNCOACH_HOME", str(home))
    monkeypatch.delenv("RUNCOACH_DB", raising=False)
    yield home


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Any:
    """Run ``runcoach`` in-process: ``cli("knowledge", "--json")`` -> CliResult."""
    from runcoach.cli import main

    def run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def shared_path(*parts: str) -> Path:
    """A path under ../shared (tests only); skips the test when the folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
