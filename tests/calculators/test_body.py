"""Heart rate, cadence, breathing and altitude against the articles' own figures."""

from __future__ import annotations

import pytest

from runcoach.calculators.body import altitude, breathing, cadence, heart_rate
from runcoach.knowledge.guidance import Guidance, load_guidance
from runcoach.knowledge.today import TodayKnowledge, load_today


@pytest.fixture(scope="module")
def g() -> Guidance:
    return load_guidance()


@pytest.fixture(scope="module")
def t() -> TodayKnowledge:
    return load_today()


def test_max_hr_is_220_minus_age_with_its_caveat(g: Guidance, t: TodayKnowledge) -> None:
    result = heart_rate(g, t, age=40)
    assert result.values["max_hr"] == 180 == g.heart_rate.max_hr_example.value
    assert t.calc_text.max_hr_caveat.text in result.caveats
    assert any("convention" in c for c in result.caveats)  # zones are not from the articles, and it says so


def test_zones_are_percentages_of_the_estimate(g: Guidance, t: TodayKnowledge) -> None:
    zones = heart_rate(g, t, age=30).values["zones"]
    assert zones[0]["bpm"] == [95, 114]  # type: ignore[index]  # 50-60 % of 190
    assert zones[-1]["bpm"] == [171, 190]  # type: ignore[index]


@pytest.mark.parametrize(
    ("resting", "verdict"), [(72, "in_range"), (48, "trained"), (40, "low"), (104, "high")]
)
def test_resting_hr_is_placed_in_the_articles_ranges(
    g: Guidance, t: TodayKnowledge, resting: int, verdict: str
) -> None:
    result = heart_rate(g, t, age=35, resting=resting)
    assert result.values["resting"] == {"bpm": resting, "range": verdict}


def test_resting_hr_5_to_10_above_usual_means_an_easy_day(g: Guidance, t: TodayKnowledge) -> None:
    assert heart_rate(g, t, age=35, resting=50).values["easy_day_from_bpm"] == [55, 60]


@pytest.mark.parametrize(
    ("spm", "status"), [(150, "low"), (169, "low"), (170, "ok"), (180, "ok"), (186, "high")]
)
def test_cadence_is_checked_against_170_to_180(
    g: Guidance, t: TodayKnowledge, spm: float, status: str
) -> None:
    assert cadence(g, t, spm=spm).values["status"] == status


def test_cadence_with_a_pace_gives_step_length_now_and_at_the_target(g: Guidance, t: TodayKnowledge) -> None:
    values = cadence(g, t, spm=160, pace_s_per_m=300 / 1000).values  # 5:00 per km, 3.33 m/s
    assert values["step_m"] == pytest.approx(1.25, abs=0.01)
    assert values["step_at_target_m"] == pytest.approx(1.18, abs=0.01)
    assert values["pace"] == "5:00/km"


def test_cadence_pace_is_shown_in_miles_for_a_miles_runner(g: Guidance, t: TodayKnowledge) -> None:
    values = cadence(g, t, spm=160, pace_s_per_m=480 / 1609.344, unit="mi").values
    assert values["pace"] == "8:00/mi"


@pytest.mark.parametrize(
    ("effort", "inhale", "exhale"),
    [("easy", [2], [2]), ("cold_start", [3], [2]), ("sore_throat", [3, 4], [3, 4])],
)
def test_breathing_rhythm_by_effort(
    g: Guidance, t: TodayKnowledge, effort: str, inhale: list[int], exhale: list[int]
) -> None:
    rhythms = breathing(g, t, effort=effort).values["rhythms"]
    assert rhythms[0]["inhale_steps"] == inhale and rhythms[0]["exhale_steps"] == exhale  # type: ignore[index]


def test_cold_start_breathing_adds_the_nose_only_minutes(g: Guidance, t: TodayKnowledge) -> None:
    lines = {line.key: line.value for line in breathing(g, t, effort="cold_start").lines}
    assert lines["nasal"] == "5-10 min"
    assert "nasal" not in {line.key for line in breathing(g, t, effort="easy").lines}


def test_altitude_matters_from_about_8000_ft(g: Guidance, t: TodayKnowledge) -> None:
    assert altitude(g, t, altitude_m=8000 * 0.3048).values["above"] is True
    low = altitude(g, t, altitude_m=2000).values
    assert low["above"] is False and "settle_days" not in low


def test_altitude_settling_takes_2_to_4_days(g: Guidance, t: TodayKnowledge) -> None:
    values = altitude(g, t, altitude_m=2800, days=1).values
    assert values["settle_days"] == [2, 4] and values["staging_days"] == [1, 2] and values["settled"] is False
    assert altitude(g, t, altitude_m=2800, days=4).values["settled"] is True
