from __future__ import annotations

import json
from datetime import datetime
from typing import Any


def test_runs_json_is_the_contract_shape_oldest_first(cli_db: Any) -> None:
    for when in ("2026-03-03T07:00:00-05:00", "2026-03-01T07:00:00+01:00"):
        assert cli_db("log", "run", "5km", "25:00", "--date", when).exit_code == 0
    result = cli_db("runs", "--json")
    assert result.exit_code == 0
    runs = json.loads(result.stdout)
    assert [r["start"] for r in runs] == ["2026-03-01T07:00:00+01:00", "2026-03-03T07:00:00-05:00"]
    for run in runs:
        assert {"id", "start", "sport", "distance_m", "duration_s", "source"} <= set(run)
        assert datetime.fromisoformat(run["start"]).tzinfo is not None
        assert (run["sport"], run["source"]) == ("running", "manual")


def test_runs_json_prints_nothing_else_on_stdout(cli: Any) -> None:
    result = cli("runs", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_runs_shows_a_table(cli: Any) -> None:
    cli("log", "run", "5km", "25:00", "--date", "2026-03-01")
    result = cli("runs")
    assert "5.00 km" in result.stdout and "25:00" in result.stdout


def test_an_empty_log_says_how_to_start(cli: Any) -> None:
    assert "no runs yet" in cli("runs").stdout


def test_the_db_option_and_environment_pick_the_database(cli: Any, tmp_path: Any, monkeypatch: Any) -> None:
    path = tmp_path / "other.db"
    cli("--db", str(path), "log", "run", "5km", "25:00", "--date", "2026-03-01")
    assert len(cli("--db", f"sqlite:///{path}", "runs", "--json").json()) == 1
    assert cli("runs", "--json").json() == []
    monkeypatch.setenv("RUNCOACH_DB", f"sqlite:///{path}")
    assert len(cli("runs", "--json").json()) == 1


def test_the_table_shows_the_most_recent_runs(cli: Any) -> None:
    for day in range(1, 6):
        cli("log", "run", "5km", "25:00", "--date", f"2026-03-0{day}")
    result = cli("runs", "--last", "2")
    assert "the last 2 of 5" in result.stdout
    assert "2026-03-05" in result.stdout and "2026-03-01" not in result.stdout
    assert "2026-03-01" in cli("runs", "--all").stdout
