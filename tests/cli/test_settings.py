from __future__ import annotations

from typing import Any


def test_units_and_profile(cli: Any) -> None:
    assert "units: km" in cli("settings", "units").stdout
    assert "units: mi" in cli("settings", "units", "miles").stdout
    assert (
        cli("settings", "profile", "--birth-year", "1980", "--sex", "female", "--resting-hr", "48").exit_code
        == 0
    )
    prefs = cli("settings", "show", "--json").json()
    assert prefs == {"units": "mi", "birth_year": 1980, "sex": "female", "resting_hr_override": 48}


def test_bad_preferences_are_clear_errors(cli: Any) -> None:
    assert "unknown unit 'furlongs'" in cli("settings", "units", "furlongs").stderr
    assert "not plausible" in cli("settings", "profile", "--birth-year", "1066").stderr
