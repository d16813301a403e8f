"""The today service on both databases: check-ins, assessments and saved conditions in, a decision out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from runcoach.errors import UsageError
from runcoach.log.db import Database
from runcoach.services.assessments import save_assessment
from runcoach.services.checkins import CheckinInput, PainInput, record_checkin
from runcoach.services.conditions import ConditionsInput, set_condition_defaults
from runcoach.services.runner import update_preferences
from runcoach.services.today import TodayRequest, should_i_run

NOW = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)


def _checkin(db: Database, days_ago: int, **kw: object) -> None:
    record_checkin(db=db, data=CheckinInput(**kw), now=NOW - timedelta(days=days_ago))  # type: ignore[arg-type]


def test_an_empty_log_is_green_and_says_it_knows_little(db: Database) -> None:
    doc = should_i_run(db=db, now=NOW).to_json()
    assert doc["decision"] == "green" and [r["rule"] for r in doc["reasons"]] == ["no_checkin_today"]
    assert "not a doctor" in doc["disclaimer"] and doc["drinks"]


def test_yesterdays_soreness_and_todays_check_in_give_the_24_hour_rule(db: Database) -> None:
    _checkin(db, 1, pain=(PainInput("calf_achilles", 3),))
    _checkin(db, 0, pain=(PainInput("calf_achilles", 1),), sleep_h=7.5)
    doc = should_i_run(db=db, now=NOW).to_json()
    assert doc["decision"] == "yellow" and [r["rule"] for r in doc["reasons"]] == ["soreness_eased"]
    assert doc["reasons"][0]["text"].startswith("Calf and Achilles soreness eased")


def test_resting_hr_baseline_comes_from_the_stored_check_ins(db: Database) -> None:
    for days_ago in range(2, 12):
        _checkin(db, days_ago, resting_hr=50)
    _checkin(db, 0, resting_hr=61)
    doc = should_i_run(db=db, now=NOW).to_json()
    assert doc["decision"] == "red" and doc["baselines"]["resting_hr"] == 50
    update_preferences(db=db, resting_hr=55)
    doc = should_i_run(db=db, now=NOW).to_json()
    assert [r["rule"] for r in doc["reasons"]] == ["resting_hr_high"] and doc["baselines"]["resting_hr"] == 55


def test_a_stored_assessment_with_red_flags_makes_the_day_red(db: Database) -> None:
    result = {"conditions": [{"id": "tibial_stress_fracture"}], "triage": "urgent", "run_decision": "red"}
    save_assessment(db=db, text="shin hurts at night", result=result | {"red_flags": ["night_pain"]}, now=NOW)
    _checkin(db, 0, sleep_h=8)
    doc = should_i_run(db=db, now=NOW).to_json()
    assert doc["decision"] == "red"
    assert {r["rule"] for r in doc["reasons"]} == {"assessment_red_flags", "assessment_red"}
    assert doc["injury"]["condition"] == "tibial_stress_fracture" and doc["injury"]["run_rules"]


def test_without_a_current_assessment_there_is_no_active_injury(db: Database) -> None:
    result = {"conditions": [{"id": "tibial_stress_fracture"}], "triage": "urgent", "run_decision": "red"}
    save_assessment(db=db, text="long ago", result=result, now=NOW - timedelta(days=30))
    doc = should_i_run(db=db, now=NOW).to_json()
    assert doc["injury"] is None and doc["decision"] == "green"


def test_saved_conditions_fill_in_and_todays_options_win(db: Database) -> None:
    set_condition_defaults(db=db, data=ConditionsInput(temperature="2", pollen="high", altitude="2600m"))
    doc = should_i_run(
        db=db, now=NOW, request=TodayRequest(conditions=ConditionsInput(temperature="28"))
    ).to_json()
    assert doc["conditions"] == {
        "temperature_c": 28,
        "humidity_pct": None,
        "pollen": "high",
        "altitude_m": 2600,
    }
    tips = {t["id"] for t in doc["tips"]}
    assert {"heat_drink", "pollen_high", "altitude"} <= tips and "cold_cover_mouth" not in tips


def test_save_defaults_keeps_todays_conditions(db: Database) -> None:
    request = TodayRequest(conditions=ConditionsInput(temperature="39F", humidity=40), save_defaults=True)
    should_i_run(db=db, now=NOW, request=request)
    doc = should_i_run(db=db, now=NOW).to_json()
    assert (
        doc["conditions"]["temperature_c"] == pytest.approx(3.9) and doc["conditions"]["humidity_pct"] == 40
    )


def test_the_meal_is_counted_up_to_the_planned_start(db: Database) -> None:
    soon = TodayRequest(ate="30min", at="08:00")
    assert "recent_big_meal" in {
        r["rule"] for r in should_i_run(db=db, now=NOW, request=soon).to_json()["reasons"]
    }
    later = TodayRequest(ate="30min", at="11:00")
    assert "recent_big_meal" not in {
        r["rule"] for r in should_i_run(db=db, now=NOW, request=later).to_json()["reasons"]
    }


def test_a_long_hot_run_gets_the_drink_stops(db: Database) -> None:
    request = TodayRequest(conditions=ConditionsInput(temperature="27"), minutes=80)
    doc = should_i_run(db=db, now=NOW, request=request).to_json()
    during = next(line for line in doc["drinks"] if line["key"] == "during")
    assert during["value"] == "every 20 min (3 stops)"
    assert "heat_sodium" in {t["id"] for t in doc["tips"]}


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (TodayRequest(meal="feast", ate="1h"), "unknown meal size"),
        (TodayRequest(meal="snack"), "--meal needs --ate"),
        (TodayRequest(ate="soon"), "cannot read the duration"),
        (TodayRequest(at="7pm"), "cannot read the start time"),
        (TodayRequest(at="25:00"), "cannot read the start time"),
        (TodayRequest(ate="10min", at="06:00"), "before the meal"),
        (TodayRequest(minutes=-5), "not plausible"),
        (TodayRequest(conditions=ConditionsInput(humidity=140)), "humidity 140 is outside"),
        (TodayRequest(conditions=ConditionsInput(pollen="extreme")), "pollen 'extreme'"),
    ],
)
def test_bad_input_is_a_clear_error_and_saves_nothing(
    db: Database, request_: TodayRequest, message: str
) -> None:
    bad = TodayRequest(**{**request_.__dict__, "save_defaults": True})
    with pytest.raises(UsageError, match=message):
        should_i_run(db=db, now=NOW, request=bad)
    assert should_i_run(db=db, now=NOW).to_json()["conditions"]["humidity_pct"] is None


def test_a_return_to_run_plan_in_progress_has_its_say(db: Database) -> None:
    from runcoach.services.plan_reports import stop_plan
    from runcoach.services.plan_start import start_plan

    # day 1 of a grade 2 calf strain plan: rest, ice and compression, not a run
    start_plan(db=db, plan="calf_strain", grade=2, start=NOW.date().isoformat(), now=NOW)
    _checkin(db, 0, sleep_h=8)
    doc = should_i_run(db=db, now=NOW).to_json()
    assert doc["decision"] == "red"
    (reason,) = [r for r in doc["reasons"] if r["rule"].startswith("plan_")]
    assert reason["rule"] == "plan_red" and "today:" in reason["text"]
    stop_plan(db=db, now=NOW)
    doc = should_i_run(db=db, now=NOW).to_json()
    assert any(r["rule"] == "plan_red" and "paused" in r["text"] for r in doc["reasons"])


def test_a_plan_that_starts_later_says_nothing_yet(db: Database) -> None:
    from runcoach.services.plan_start import start_plan

    start_plan(db=db, plan="calf_strain", grade=2, start=NOW.date().isoformat(), now=NOW)
    doc = should_i_run(db=db, now=NOW - timedelta(days=1)).to_json()
    assert not [r for r in doc["reasons"] if r["rule"].startswith("plan_")]
