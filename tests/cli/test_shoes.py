from __future__ import annotations

from typing import Any


def test_shoes_add_list_default_retire(cli_db: Any) -> None:
    assert (
        cli_db("shoes", "add", "Pegasus 40", "--started", "2026-01-01", "--replace-at", "10km").exit_code == 0
    )
    assert cli_db("shoes", "add", "Speedgoat 5", "--brand", "Hoka", "--started", "2026-01-01").exit_code == 0
    cli_db("log", "run", "11km", "60:00", "--date", "2026-03-01")
    shoes = {s["id"]: s for s in cli_db("shoes", "list", "--json").json()}
    assert (
        shoes["pegasus-40"]["default"]
        if "default" in shoes["pegasus-40"]
        else shoes["pegasus-40"]["is_default"]
    )
    assert shoes["pegasus-40"]["distance_m"] == 11000 and shoes["pegasus-40"]["due"]
    assert "REPLACE" in cli_db("shoes", "list").stdout
    assert cli_db("shoes", "default", "speedgoat").exit_code == 0
    assert "retired Speedgoat 5" in cli_db("shoes", "retire", "speedgoat", "--date", "2026-03-05").stdout
    active = cli_db("shoes", "list", "--active", "--json").json()
    assert [s["id"] for s in active] == ["pegasus-40"]


def test_a_run_past_the_threshold_warns_on_stderr(cli: Any) -> None:
    cli("shoes", "add", "Old pair", "--started", "2026-01-01", "--replace-at", "5km")
    result = cli("log", "run", "6km", "30:00", "--date", "2026-03-01")
    assert result.exit_code == 0
    assert "past its replacement threshold" in result.stderr


def test_an_unknown_shoe_is_a_clear_error(cli: Any) -> None:
    result = cli("shoes", "retire", "nimbus")
    assert result.exit_code == 1
    assert "no shoe matches 'nimbus'" in result.stderr and "runcoach shoes list" in result.stderr
