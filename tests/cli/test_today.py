from __future__ import annotations

import json
from typing import Any


def test_today_prints_the_light_the_reasons_and_the_disclaimer(cli_db: Any) -> None:
    assert cli_db("checkin", "add", "knee", "8").exit_code == 0
    result = cli_db("today", "--temp", "2")
    assert result.exit_code == 0
    assert "RED" in result.stdout and "Knee pain 8/10 logged today" in result.stdout
    assert "buff or thin gaiter" in result.stdout and "not a doctor" in result.stdout


def test_today_json_is_only_json_on_stdout(cli_db: Any) -> None:
    result = cli_db(
        "today", "--json", "--humidity", "85", "--minutes", "70", "--ate", "1h", "--meal", "snack"
    )
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["decision"] == "green" and doc["hot_or_humid"] is True
    assert {"heat_drink", "heat_sodium", "recent_meal"} <= {t["id"] for t in doc["tips"]}
    assert set(doc) >= {"date", "decision", "reasons", "tips", "drinks", "conditions", "disclaimer"}


def test_today_refuses_bad_input_with_a_hint(cli_db: Any) -> None:
    result = cli_db("today", "--pollen", "extreme")
    assert result.exit_code == 2 and "pollen 'extreme'" in result.stderr and "hint:" in result.stderr
    assert result.stdout == ""


def test_settings_conditions_saves_shows_and_clears(cli_db: Any) -> None:
    assert "pollen: high" in cli_db("settings", "conditions", "--pollen", "high", "--temp", "41F").stdout
    shown = cli_db("settings", "conditions", "--json").json()
    assert shown == {"temperature_c": 5.0, "humidity_pct": None, "pollen": "high", "altitude_m": None}
    assert cli_db("today", "--json").json()["conditions"]["pollen"] == "high"
    assert cli_db("settings", "conditions", "--clear", "--json").json()["pollen"] is None


def test_today_save_defaults_stores_the_conditions_given(cli_db: Any) -> None:
    assert cli_db("today", "--altitude", "2500m", "--save-defaults", "--json").exit_code == 0
    assert cli_db("settings", "conditions", "--json").json()["altitude_m"] == 2500


def test_today_shows_the_active_injurys_run_rules(cli_db: Any, db_url: str) -> None:
    from runcoach.log.db import open_database
    from runcoach.services.assessments import save_assessment

    result = {
        "conditions": [{"id": "medial_tibial_stress_syndrome"}],
        "triage": "routine",
        "run_decision": "yellow",
    }
    with open_database(db_url) as db:
        save_assessment(db=db, text="shins ache", result=result)
    shown = cli_db("today")
    assert shown.exit_code == 0 and "RED" in shown.stdout
    assert "said no running for now" in shown.stdout and "Running with" in shown.stdout
