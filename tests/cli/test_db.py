from __future__ import annotations

from pathlib import Path
from typing import Any

from runcoach.log.migrate import HEAD


def test_db_current_reports_an_empty_database_then_upgrade_creates_it(cli: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    status = cli("--db", url, "db", "current", "--json").json()
    assert status["revision"] is None and not status["up_to_date"]
    result = cli("--db", url, "db", "upgrade")
    assert result.exit_code == 0 and f"to {HEAD}" in result.stdout
    assert cli("--db", url, "db", "current", "--json").json()["revision"] == HEAD
    assert "already at revision" in cli("--db", url, "db", "upgrade").stdout


def test_the_first_command_migrates_the_database(cli_db: Any) -> None:
    assert cli_db("runs", "--json").exit_code == 0
    assert cli_db("db", "current", "--json").json()["up_to_date"]


def test_an_unreachable_database_is_a_clear_error(cli: Any) -> None:
    result = cli("--db", "postgresql+psycopg://x@127.0.0.1:9/none?connect_timeout=2", "runs")
    assert result.exit_code == 1
    assert "cannot open the database" in result.stderr and "hint" in result.stderr
