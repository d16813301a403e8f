"""Hydration, sodium and meal timing against the articles' own figures."""

from __future__ import annotations

from datetime import time

import pytest

from runcoach.calculators import LB_PER_KG
from runcoach.calculators.fluids import hydration, meal, run_drinks, sodium
from runcoach.knowledge.guidance import Guidance, load_guidance
from runcoach.knowledge.today import TodayKnowledge, load_today


@pytest.fixture(scope="module")
def g() -> Guidance:
    return load_guidance()


@pytest.fixture(scope="module")
def t() -> TodayKnowledge:
    return load_today()


def test_daily_fluids_match_the_articles_160_lb_example(g: Guidance, t: TodayKnowledge) -> None:
    values = hydration(g, t, weight_kg=160 / LB_PER_KG).values
    assert values["daily_fl_oz"] == 80 == g.hydration.daily_example.value
    assert values["daily_ml"] == pytest.approx(2300, rel=0.03)  # the article's "about 2.3 litres"


def test_daily_fluids_scale_with_body_weight(g: Guidance, t: TodayKnowledge) -> None:
    assert hydration(g, t, weight_kg=100).values["daily_fl_oz"] == round(100 * LB_PER_KG * 0.5)


def test_before_and_after_a_run_use_the_articles_amounts(g: Guidance, t: TodayKnowledge) -> None:
    values = run_drinks(g, t, minutes=None, hot=False).values
    assert values["before"] == {"ml": 500, "fl_oz": 16, "hours_before": [1, 2]}
    assert values["top_up"]["fl_oz"] == [4, 6] and values["top_up"]["minutes_before"] == 30
    assert values["after"]["fl_oz"] == 16 and values["after"]["within_hours"] == 1
    assert "during" not in values


@pytest.mark.parametrize(
    ("minutes", "hot", "carry", "stops"),
    [
        (20, False, False, 0),
        (40, False, "if_warm", 0),
        (40, True, True, [1, 1]),
        (60, False, True, [2, 3]),  # a stop every 15-20 minutes, the finish is not a stop
        (60, True, True, [2, 2]),  # every 20 minutes when hot
        (90, False, True, [4, 5]),
    ],
)
def test_during_a_run_depends_on_duration_and_heat(
    g: Guidance, t: TodayKnowledge, minutes: float, hot: bool, carry: object, stops: object
) -> None:
    during = run_drinks(g, t, minutes=minutes, hot=hot).values["during"]
    assert during["carry_water"] == carry and during["stops"] == stops  # type: ignore[index]


def test_sodium_is_300_to_600_mg_per_hour(g: Guidance, t: TodayKnowledge) -> None:
    values = sodium(g, t, minutes=90, hot=True).values
    assert values == {"mg_per_hour": [300, 600], "total_mg": [450, 900], "needed": True}


def test_salty_sweaters_aim_for_the_top_end(g: Guidance, t: TodayKnowledge) -> None:
    result = sodium(g, t, minutes=60, salty=True)
    assert result.values["mg_per_hour"] == [600, 600] and result.values["total_mg"] == [600, 600]
    assert any(line.key == "salty" for line in result.lines)


def test_a_short_cool_run_needs_no_sodium(g: Guidance, t: TodayKnowledge) -> None:
    result = sodium(g, t, minutes=30)
    assert result.values["needed"] is False
    assert result.lines[1].note == t.calc_text.sodium_optional.text


def test_a_full_meal_needs_2_to_3_hours(g: Guidance) -> None:
    values = meal(g, size="big", ate_at=time(12, 30), run_at=time(18, 0)).values
    assert values["wait_minutes"] == [120, 180]
    assert (values["run_from"], values["run_best_after"]) == ("14:30", "15:30")
    assert (values["eat_by"], values["eat_at_latest"]) == ("15:00", "16:00")


def test_a_snack_needs_30_to_60_minutes_and_lists_light_foods(g: Guidance) -> None:
    values = meal(g, size="snack", ate_at=time(23, 40)).values
    assert values["wait_minutes"] == [30, 60] and values["run_from"] == "00:10"
    assert "half a banana" in values["foods"]  # type: ignore[operator]


def test_on_a_hot_day_the_run_drinks_include_the_sodium_for_the_run(g: Guidance, t: TodayKnowledge) -> None:
    assert run_drinks(g, t, minutes=90, hot=True).values["sodium_mg"] == [450, 900]
    assert "sodium_mg" not in run_drinks(g, t, minutes=90, hot=False).values
