"""The pain-pattern finder on synthetic logs: planted triggers found, random pain reports nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from bench.synthetic_logs import Plant, generate, random_pain

from runcoach.knowledge.analytics import load_analytics
from runcoach.log.analytics.history import CheckinRecord, History, PainRecord, RunRecord
from runcoach.log.analytics.patterns import find_patterns
from tests.log.analytics.logs import history_of
from tests.log.analytics.planted import judge, plants_for, weekly_quantile

SETTINGS = load_analytics().patterns.settings


def _found(history: History) -> list[tuple[str, str, object]]:
    return [(f.region, f.trigger, f.value) for f in find_patterns(history, settings=SETTINGS)]


@pytest.mark.parametrize("seed", range(8))
def test_it_finds_every_planted_trigger_with_its_region_and_value_and_nothing_else(seed: int) -> None:
    plants = plants_for(seed, 365)
    missed, extra = judge(plants, _found(history_of(generate(seed, days=365, plants=plants))))
    assert missed == [] and extra == []


@pytest.mark.parametrize("seed", [100, 101])
def test_it_finds_planted_triggers_in_a_three_year_log(seed: int) -> None:
    plants = plants_for(seed, 1095)
    missed, extra = judge(plants, _found(history_of(generate(seed, days=1095, plants=plants))))
    assert missed == [] and extra == []


@pytest.mark.parametrize("seed", range(20))
def test_a_log_whose_pain_comes_at_random_reports_nothing(seed: int) -> None:
    days = (120, 365, 730)[seed % 3]
    rate = (0.03, 0.08, 0.2)[seed % 3 - 1]
    assert _found(history_of(random_pain(seed, days=days, rate=rate, flares=seed % 2 == 0))) == []


@pytest.mark.parametrize("seed", range(8))
def test_random_flares_of_one_to_three_weeks_report_nothing(seed: int) -> None:
    doc = random_pain(300 + seed, days=(240, 365, 730)[seed % 3], rate=1 / 60, flare_days=(7, 21))
    assert _found(history_of(doc)) == []


def test_pain_after_long_runs_is_not_also_reported_as_a_big_week_pattern() -> None:
    plants = (Plant("long_run", "knee", 17000, chance=0.9),)
    found = _found(history_of(generate(7, days=730, plants=plants, noise_rate=0.01)))
    assert [(r, t) for r, t, _ in found] == [("knee", "long_run")]


@pytest.mark.parametrize("seed", [2, 6])
def test_a_second_trigger_of_the_same_region_comes_out_from_under_a_stronger_one(seed: int) -> None:
    base = generate(seed, days=365)
    plants = (
        Plant("weekly_volume", "knee", round(weekly_quantile(base, 0.7)), lag=0),
        Plant("training", "knee", "strength"),  # pain in most weeks: big weeks hide under it
    )
    found = find_patterns(history_of(generate(seed, days=365, plants=plants)), settings=SETTINGS)
    assert judge(plants, [(f.region, f.trigger, f.value) for f in found]) == ([], [])
    later = next(f for f in found if f.given)
    assert later.given[0].startswith(("training:", "weekly_volume:"))


def test_it_tells_the_day_after_from_the_same_day() -> None:
    for lag in (0, 1):
        plants = (Plant("session_type", "shin", "hills", lag=lag),)
        (found,) = find_patterns(history_of(generate(3, days=365, plants=plants)), settings=SETTINGS)
        assert found.lag == lag


def test_the_counts_behind_a_pattern_add_up() -> None:
    plants = (Plant("weekly_volume", "hip_groin", 45000, lag=0),)
    history = history_of(generate(4, days=365, plants=plants))
    (found,) = find_patterns(history, settings=SETTINGS)
    assert found.unit == "week" and found.exposed + found.unexposed <= 53
    assert found.exposed_with_pain <= found.exposed and found.unexposed_with_pain <= found.unexposed
    assert found.fisher_p < 1e-4 and found.adjusted_p <= SETTINGS.alpha
    assert found.lift is None or found.lift > 2


def test_a_stricter_alpha_reports_less() -> None:
    plants = (Plant("stress", "foot_toe", 6, chance=0.35), Plant("session_type", "shin", "hills", chance=0.5))
    history = history_of(generate(5, days=365, plants=plants, noise_rate=0.05))
    counts = [
        len(find_patterns(history, settings=SETTINGS.model_copy(update={"alpha": alpha})))
        for alpha in (0.05, 0.01, 0.002, 0.0001)
    ]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 1
    assert counts[-1] == 0  # fewer shuffles than 1 / alpha: nothing can pass


def test_an_empty_log_and_a_log_without_pain_report_nothing() -> None:
    assert find_patterns(History(), settings=SETTINGS) == []
    start = datetime(2026, 1, 5, 7, tzinfo=UTC)
    runs = [RunRecord(start + timedelta(days=i), 8000.0, 2700.0, run_type="easy") for i in range(60)]
    assert find_patterns(History.of(runs), settings=SETTINGS) == []


def test_a_handful_of_pain_days_is_never_enough() -> None:
    start = datetime(2026, 1, 5, 7, tzinfo=UTC)
    runs = [RunRecord(start + timedelta(days=i), 8000.0, 2700.0, run_type="hills" if i % 7 == 2 else "easy")
            for i in range(120)]  # fmt: skip
    pain = [
        CheckinRecord(date(2026, 1, 8) + timedelta(days=7 * k), pain=(PainRecord("shin", 5),))
        for k in range(3)
    ]
    assert find_patterns(History.of(runs, pain), settings=SETTINGS) == []


@pytest.mark.parametrize("seed", [2, 3])
def test_a_stress_level_and_sleep_hours_are_reported_as_the_runner_would_say_them(seed: int) -> None:
    plants = (Plant("stress", "foot_toe", 6, lag=0), Plant("sleep", "thigh", 6.0, lag=0))
    found = find_patterns(history_of(generate(seed, days=365, plants=plants)), settings=SETTINGS)
    assert {f.trigger: f.value for f in found} == {"stress": 6.0, "sleep": 6.0}  # above 6; below 6 hours


def test_weeks_that_start_on_another_weekday_are_found_too() -> None:
    thursday = date(2025, 1, 9)
    base = generate(21, days=364, start=thursday)  # the generator counts weeks from the first day
    threshold = round(weekly_quantile(base, 0.6))
    plants = (Plant("weekly_volume", "hip_groin", threshold, lag=0),)
    (found,) = find_patterns(
        history_of(generate(21, days=364, plants=plants, start=thursday)), settings=SETTINGS
    )
    assert found.week_starts == "thursday" and abs(float(found.value) - threshold) <= 0.1 * threshold
