"""The today engine, rule by rule: each reason appears when its band is met and not otherwise."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.today import load_today
from runcoach.log.analytics.history import CheckinRecord, History, PainRecord
from runcoach.log.analytics.today import TodayResult, check_today
from runcoach.log.analytics.today_facts import AssessmentRecord, Conditions, PlanSignal, TodayInputs

TODAY = date(2026, 12, 7)
YESTERDAY = TODAY - timedelta(days=1)
MORNING = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)
NOON = datetime(2026, 12, 7, 12, 30, tzinfo=UTC)


def _day(day: date, *pain: tuple[str, int], **kw: Any) -> CheckinRecord:
    return CheckinRecord(day=day, pain=tuple(PainRecord(r, s) for r, s in pain), **kw)


def _baseline(name: str, value: float, days: int = 10) -> list[CheckinRecord]:
    return [CheckinRecord(day=TODAY - timedelta(days=d), **{name: value}) for d in range(2, 2 + days)]


def check(
    checkins: list[CheckinRecord] = (),  # type: ignore[assignment]
    *,
    now: datetime = NOON,
    history: dict[str, Any] | None = None,
    **inputs: Any,
) -> TodayResult:
    h = History.of(checkins=checkins, **(history or {}))
    return check_today(h, TodayInputs(now=now, **inputs), kb=load_today(), guidance=load_guidance())


def rules(result: TodayResult) -> set[str]:
    return {r.rule for r in result.reasons}


def tips(result: TodayResult) -> set[str]:
    return {t.id for t in result.tips}


# --------------------------------------------------------------------------- the verdict


def test_a_quiet_day_with_a_check_in_is_green_with_no_reasons() -> None:
    result = check([_day(TODAY, sleep_h=8)])
    assert result.decision == "green" and result.reasons == ()


def test_without_a_check_in_today_it_says_so_but_stays_green() -> None:
    result = check([])
    assert result.decision == "green" and rules(result) == {"no_checkin_today"}


def test_the_most_restrictive_rule_wins() -> None:
    result = check(
        [_day(TODAY, illness="above_neck", sleep_h=5), _day(TODAY - timedelta(days=1))],
        conditions=Conditions(altitude_m=3000),
    )
    assert result.decision == "yellow"
    result = check([_day(TODAY, ("knee", 8), illness="above_neck", sleep_h=5)])
    assert result.decision == "red"
    assert {"pain_severe", "illness_above_neck", "short_sleep"} <= rules(result)


# --------------------------------------------------------------------------- pain and the 24-hour rule


@pytest.mark.parametrize(
    ("score", "rule", "decision"),
    [
        (8, "pain_severe", "red"),
        (7, "pain_severe", "red"),
        (6, "pain_moderate", "yellow"),
        (4, "pain_moderate", "yellow"),
    ],
)
def test_pain_today_sets_the_decision_by_its_score(score: int, rule: str, decision: str) -> None:
    result = check([_day(TODAY, ("hip_groin", score))])
    assert rules(result) == {rule} and result.decision == decision
    assert f"{score}/10 logged today" in result.reasons[0].text


def test_chest_symptoms_are_red_whatever_the_score() -> None:
    result = check([_day(TODAY, ("chest_heart", 2))])
    assert rules(result) == {"chest_symptoms"} and result.decision == "red"
    assert rules(check([_day(TODAY, ("chest_heart", 0))])) == set()


def test_mild_pain_alone_is_no_reason() -> None:
    assert check([_day(TODAY, ("hip_groin", 3))]).decision == "green"


def test_severe_pain_yesterday_still_counts_when_today_is_better() -> None:
    result = check([_day(YESTERDAY, ("knee", 8)), _day(TODAY, ("knee", 2))])
    assert rules(result) == {"pain_severe", "soreness_eased"} and result.decision == "red"
    assert "8/10 logged yesterday" in result.reasons[0].text


def test_pain_that_is_worse_today_is_reported_as_today() -> None:
    result = check([_day(YESTERDAY, ("knee", 4)), _day(TODAY, ("knee", 5))])
    assert "knee pain 5/10 logged today" in result.reasons[0].text


def test_yesterdays_severe_pain_counts_when_today_has_no_check_in() -> None:
    result = check([_day(YESTERDAY, ("shin", 7))])
    assert result.decision == "red"
    assert any("logged yesterday" in r.text for r in result.reasons)


def test_pain_older_than_the_window_is_not_current() -> None:
    result = check([_day(TODAY - timedelta(days=2), ("shin", 9)), _day(TODAY)])
    assert result.decision == "green"


def test_24_hour_rule_soreness_that_eased_allows_easy_running_only() -> None:
    result = check([_day(YESTERDAY, ("calf_achilles", 3)), _day(TODAY, ("calf_achilles", 1))])
    assert rules(result) == {"soreness_eased"} and result.decision == "yellow"
    assert "from 3/10 yesterday to 1/10 today" in result.reasons[0].text


def test_24_hour_rule_soreness_that_did_not_ease_keeps_the_day_easy() -> None:
    result = check([_day(YESTERDAY, ("calf_achilles", 3)), _day(TODAY, ("calf_achilles", 3))])
    assert rules(result) == {"soreness_not_eased"}
    assert "still 3/10 today" in result.reasons[0].text


def test_24_hour_rule_unknown_today_is_treated_as_not_eased() -> None:
    no_checkin = check([_day(YESTERDAY, ("calf_achilles", 2))])
    assert "soreness_not_eased" in rules(no_checkin) and no_checkin.decision == "yellow"
    silent = check([_day(YESTERDAY, ("calf_achilles", 2)), _day(TODAY, sleep_h=8)])
    assert rules(silent) == {"soreness_not_eased"}
    assert "does not say" in silent.reasons[0].text


def test_24_hour_rule_a_zero_today_counts_as_eased() -> None:
    result = check([_day(YESTERDAY, ("thigh", 2)), _day(TODAY, ("thigh", 0))])
    assert rules(result) == {"soreness_eased"}


# --------------------------------------------------------------------------- illness


def test_below_the_neck_illness_is_red() -> None:
    result = check([_day(TODAY, illness="below_neck")])
    assert rules(result) == {"illness_below_neck"} and result.decision == "red"
    assert "illness_below_neck" in tips(result)


def test_above_the_neck_illness_is_an_easy_day() -> None:
    result = check([_day(TODAY, illness="above_neck")])
    assert rules(result) == {"illness_above_neck"} and result.decision == "yellow"
    assert "illness_above_neck" in tips(result) and "illness_below_neck" not in tips(result)


def test_yesterdays_illness_still_counts_without_a_check_in_today() -> None:
    result = check([_day(YESTERDAY, illness="below_neck")])
    assert result.decision == "red" and "yesterday" in result.reasons[0].text


# ------------------------------------------------------------------ resting HR and HRV vs baseline


@pytest.mark.parametrize(
    ("today_hr", "rule"),
    [(54, None), (55, "resting_hr_high"), (59, "resting_hr_high"), (60, "resting_hr_very_high")],
)
def test_resting_hr_is_judged_against_the_runners_own_median(today_hr: int, rule: str | None) -> None:
    result = check([*_baseline("resting_hr", 50), _day(TODAY, resting_hr=today_hr)])
    assert rules(result) == ({rule} if rule else set())
    if rule:
        assert "median of 10 days" in result.reasons[0].text
        assert "resting_hr_up" in tips(result)


def test_a_resting_hr_setting_beats_the_check_in_median() -> None:
    result = check(
        [*_baseline("resting_hr", 60), _day(TODAY, resting_hr=56)], history={"resting_hr_baseline": 48}
    )
    assert rules(result) == {"resting_hr_high"} and "your setting" in result.reasons[0].text


def test_too_few_readings_make_no_baseline() -> None:
    result = check([*_baseline("resting_hr", 50, days=4), _day(TODAY, resting_hr=70)])
    assert rules(result) == set()


def test_hrv_well_below_baseline_keeps_it_easy() -> None:
    assert rules(check([*_baseline("hrv_ms", 60), _day(TODAY, hrv_ms=47)])) == {"hrv_low"}
    assert rules(check([*_baseline("hrv_ms", 60), _day(TODAY, hrv_ms=50)])) == set()


# --------------------------------------------------------------------------- sleep, meals, conditions


def test_short_sleep_is_an_easy_day() -> None:
    assert rules(check([_day(TODAY, sleep_h=5.5)])) == {"short_sleep"}
    assert rules(check([_day(TODAY, sleep_h=6)])) == set()


def test_a_big_meal_needs_two_to_three_hours() -> None:
    soon = check([_day(TODAY)], hours_since_meal=1.5, meal_size="big")
    assert rules(soon) == {"recent_big_meal"} and "recent_meal" in tips(soon)
    assert rules(check([_day(TODAY)], hours_since_meal=2.5, meal_size="big")) == set()


def test_a_snack_needs_much_less_time_than_a_meal() -> None:
    assert rules(check([_day(TODAY)], hours_since_meal=0.25, meal_size="snack")) == {"recent_snack"}
    assert rules(check([_day(TODAY)], hours_since_meal=1, meal_size="snack")) == set()


def test_high_altitude_is_an_easy_day_with_its_tip() -> None:
    high = check([_day(TODAY)], conditions=Conditions(altitude_m=2600))
    assert rules(high) == {"high_altitude"} and "altitude" in tips(high)
    assert rules(check([_day(TODAY)], conditions=Conditions(altitude_m=1500))) == set()


def test_cold_brings_the_buff_nose_breathing_and_warm_up_tips_but_no_restriction() -> None:
    cold = check([_day(TODAY)], conditions=Conditions(temperature_c=2))
    assert cold.decision == "green"
    assert {"cold_cover_mouth", "cold_nasal_start", "cold_longer_warm_up", "cold_still_drink"} <= tips(cold)
    assert "freezing_go_indoors" not in tips(cold)
    assert "freezing_go_indoors" in tips(check([_day(TODAY)], conditions=Conditions(temperature_c=-3)))
    mild = check([_day(TODAY)], conditions=Conditions(temperature_c=12))
    assert not {"cold_cover_mouth", "cold_nasal_start"} & tips(mild)


def test_heat_or_humidity_brings_drink_and_sodium_tips() -> None:
    hot = check([_day(TODAY)], conditions=Conditions(temperature_c=27), planned_minutes=75)
    assert {"heat_drink", "heat_sodium", "long_run_water"} <= tips(hot) and hot.hot_or_humid
    humid = check([_day(TODAY)], conditions=Conditions(temperature_c=20, humidity_pct=85), planned_minutes=30)
    assert "heat_drink" in tips(humid) and "heat_sodium" not in tips(humid)
    assert not check([_day(TODAY)], conditions=Conditions(temperature_c=20)).hot_or_humid


def test_very_hot_days_are_easy_days() -> None:
    assert rules(check([_day(TODAY)], conditions=Conditions(temperature_c=32))) == {"very_hot"}


def test_morning_and_pollen_tips_follow_the_time_of_day() -> None:
    morning = check([_day(TODAY)], now=MORNING, conditions=Conditions(pollen="high", temperature_c=3))
    assert {"pollen_high", "pollen_morning", "morning_glass_of_water", "cold_run_later"} <= tips(morning)
    noon = check([_day(TODAY)], conditions=Conditions(pollen="high"))
    assert "pollen_high" in tips(noon) and "pollen_morning" not in tips(noon)
    assert "pollen_high" not in tips(check([_day(TODAY)], conditions=Conditions(pollen="medium")))


def test_region_tips_follow_current_pain() -> None:
    assert "calf_check" in tips(check([_day(TODAY, ("calf_achilles", 2))]))
    assert "stiff_neck_warm_up" in tips(check([_day(TODAY, ("neck", 3))]))
    assert "calf_check" not in tips(check([_day(TODAY, ("calf_achilles", 0))]))


# --------------------------------------------------------------------------- assessments and plans


def _assessment(decision: str, days_ago: int = 1, flags: tuple[str, ...] = ()) -> AssessmentRecord:
    return AssessmentRecord(TODAY - timedelta(days=days_ago), decision, flags, "shin_splints")


@pytest.mark.parametrize(
    ("decision", "rule", "today"),
    [
        ("red", "assessment_red", "red"),
        ("yellow", "assessment_yellow", "red"),
        ("green", "assessment_green", "yellow"),
    ],
)
def test_a_recent_assessment_decides_at_least_as_cautiously_as_it_said(
    decision: str, rule: str, today: str
) -> None:
    result = check([_day(TODAY)], assessments=(_assessment(decision),))
    assert rules(result) == {rule} and result.decision == today


def test_red_flags_in_an_assessment_are_red_whatever_else() -> None:
    result = check([_day(TODAY)], assessments=(_assessment("green", flags=("night_pain",)),))
    assert "assessment_red_flags" in rules(result) and result.decision == "red"
    assert "night pain" in result.reasons[0].text


def test_the_newest_assessment_replaces_older_ones_and_old_ones_lapse() -> None:
    newer = (_assessment("red", days_ago=5), _assessment("green", days_ago=1))
    assert rules(check([_day(TODAY)], assessments=newer)) == {"assessment_green"}
    assert rules(check([_day(TODAY)], assessments=(_assessment("red", days_ago=20),))) == set()


def test_a_plans_word_on_today_comes_in_through_the_hook() -> None:
    result = check([_day(TODAY)], plan=PlanSignal("red", "rest day after a painful session"))
    assert rules(result) == {"plan_red"} and "rest day after" in result.reasons[0].text
    assert rules(check([_day(TODAY)], plan=PlanSignal("green", "walk-jog day"))) == set()
