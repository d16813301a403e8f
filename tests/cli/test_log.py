from __future__ import annotations

from typing import Any


def test_it_logs_a_run_from_the_command_line(cli_db: Any) -> None:
    cli_db("shoes", "add", "Pegasus 40", "--started", "2026-01-01")
    result = cli_db(
        "log", "run", "8.2km", "45:10", "--terrain", "trail", "--shoe", "pegasus", "--type", "easy",
        "--date", "2026-03-01T07:00:00+01:00", "--hr", "145",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "8.20 km in 45:10" in result.stdout and "5:30/km" in result.stdout
    [run] = cli_db("runs", "--json").json()
    assert (run["distance_m"], run["duration_s"], run["shoe"], run["terrain"]) == (
        8200,
        2710,
        "pegasus-40",
        "trail",
    )
    assert run["start"] == "2026-03-01T07:00:00+01:00"


def test_it_prints_the_run_as_json(cli: Any) -> None:
    result = cli("log", "run", "5mi", "40:00", "--date", "2026-03-01", "--json")
    assert result.exit_code == 0
    assert result.json()["distance_m"] == 8046.7


def test_an_impossible_run_is_a_clear_error_and_nothing_is_stored(cli: Any) -> None:
    result = cli("log", "run", "10km", "20:00", "--date", "2026-03-01", "--hr", "400")
    assert result.exit_code == 1
    assert "faster than the world record" in result.stderr
    assert "400 bpm is not a possible heart rate" in result.stderr
    assert cli("runs", "--json").json() == []


def test_an_unreadable_distance_says_how_to_write_it(cli: Any) -> None:
    result = cli("log", "run", "8.2 parsecs", "45:10")
    assert result.exit_code == 2
    assert "unknown distance unit" in result.stderr and "8.2km" in result.stderr


def test_miles_by_preference(cli: Any) -> None:
    assert cli("settings", "units", "mi").exit_code == 0
    result = cli("log", "run", "5", "40:00", "--date", "2026-03-01")
    assert "5.00 mi" in result.stdout
    assert cli("runs", "--json").json()[0]["distance_m"] == 8046.7
