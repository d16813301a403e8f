from __future__ import annotations

import json
from typing import Any

import pytest

CALLS = [
    ("hydration", "--weight", "160lb", "--minutes", "60", "--hot"),
    ("sodium", "--minutes", "90", "--hot"),
    ("meal", "--size", "big", "--ate-at", "12:30"),
    ("hr", "--age", "40", "--resting", "52"),
    ("cadence", "--steps", "80", "--pace", "5:30"),
    ("breathing", "--effort", "cold_start"),
    ("altitude", "--altitude", "9000ft", "--days", "1"),
]


@pytest.mark.parametrize("args", CALLS, ids=lambda a: a[0])
def test_every_calculator_prints_json_with_sources(cli: Any, args: tuple[str, ...]) -> None:
    result = cli("calc", *args, "--json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["calculator"] == args[0] and doc["lines"] and all(line["src"] for line in doc["lines"])


@pytest.mark.parametrize("args", CALLS, ids=lambda a: a[0])
def test_every_calculator_renders_for_people(cli: Any, args: tuple[str, ...]) -> None:
    result = cli("calc", *args)
    assert result.exit_code == 0 and f"runcoach calc {args[0]}" in result.stdout


def test_the_figures_are_the_articles(cli: Any) -> None:
    assert cli("calc", "hr", "--age", "40", "--json").json()["values"]["max_hr"] == 180
    assert "80 fl oz" in cli("calc", "hydration", "--weight", "160lb").stdout
    assert "300-600 mg" in cli("calc", "sodium", "--minutes", "60").stdout


def test_impossible_input_is_a_clear_error(cli: Any) -> None:
    result = cli("calc", "hr", "--age", "300")
    assert result.exit_code == 2 and "age 300 years is not plausible" in result.stderr and result.stdout == ""
    assert "unknown weight unit 'stone'" in cli("calc", "hydration", "--weight", "11stone").stderr


def test_a_miles_runner_gets_pounds_and_miles(cli: Any) -> None:
    cli("settings", "units", "mi")
    assert cli("calc", "hydration", "--weight", "160", "--json").json()["values"]["daily_fl_oz"] == 80
    assert (
        cli("calc", "cadence", "--spm", "160", "--pace", "8:00", "--json").json()["values"]["pace"]
        == "8:00/mi"
    )
