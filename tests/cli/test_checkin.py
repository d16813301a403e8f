from __future__ import annotations

from typing import Any


def test_the_quick_form_records_pain(cli_db: Any) -> None:
    result = cli_db("checkin", "hip", "3", "--dull", "--after-run", "--side", "left", "--date", "2026-03-02")
    assert result.exit_code == 0, result.stderr
    assert "hip_groin (left) 3/10 dull after run" in result.stdout
    [day] = cli_db("checkin", "show", "--date", "2026-03-02", "--json").json()
    assert day["pain"] == [
        {
            "region": "hip_groin",
            "side": "left",
            "score": 3,
            "sensation": "dull",
            "when": "after_run",
            "warms_up": None,
        }
    ]


def test_it_records_the_days_numbers_and_training(cli: Any) -> None:
    result = cli(
        "checkin", "--sleep", "7.5", "--stress", "2", "--rhr", "52", "--hrv", "60", "--ill", "above_neck",
        "--cycle-day", "12", "--note", "tired", "--training", "strength:30:squats", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    day = result.json()
    assert (day["sleep_h"], day["stress"], day["resting_hr"], day["hrv_ms"]) == (7.5, 2, 52, 60)
    assert (day["illness"], day["cycle_day"], day["note"]) == ("above_neck", 12, "tired")
    assert day["training"] == [{"kind": "strength", "minutes": 30, "notes": "squats"}]
    assert "7.5 h" in cli("checkin", "show").stdout


def test_the_explicit_add_form_works_too(cli: Any) -> None:
    assert cli("checkin", "add", "knee", "2", "--sharp").exit_code == 0


def test_bad_checkins_are_clear_errors(cli: Any) -> None:
    assert "unknown body region 'elbow'" in cli("checkin", "elbow", "3").stderr
    assert "add a score 0-10" in cli("checkin", "hip").stderr
    assert "give one sensation" in cli("checkin", "hip", "3", "--sharp", "--dull").stderr
    assert "pain score: 12 is outside 0-10" in cli("checkin", "hip", "12").stderr
    assert "nothing to record" in cli("checkin", "--date", "2026-03-01").stderr
    assert "KIND:MINUTES" in cli("checkin", "--training", "strength").stderr
    assert cli("checkin", "show", "--json").json() == []
