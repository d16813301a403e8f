"""Warnings about intensity, shoes, cadence, resting heart rate and HRV."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from runcoach.knowledge.analytics import load_analytics
from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.warning_models import RULE_FIELDS
from runcoach.log.analytics.history import CheckinRecord, History, ShoeRecord
from runcoach.log.analytics.warning_context import Alert
from runcoach.log.analytics.warnings import find_warnings
from tests.log.analytics.build import MONDAY, day, history, run

RULES = load_analytics().warnings


def _alerts(h: History, rule: str) -> list[Alert]:
    return [a for a in find_warnings(h, rules_data=RULES) if a.rule == rule]


def test_hard_sessions_on_consecutive_days_are_flagged() -> None:
    runs = [run(0, 8, "tempo"), run(1, 8, "intervals"), run(3, 8, "easy"), run(5, 8, "hills")]
    (alert,) = _alerts(history(runs), "back_to_back_hard")
    assert alert.values == {
        "first": day(0),
        "second": day(1),
        "first_type": "tempo",
        "second_type": "intervals",
    }


def test_a_rising_share_of_speed_and_hill_work_is_flagged() -> None:
    before = [run(d, 8, "tempo" if d % 7 == 0 else "easy") for d in range(28)]
    now = [run(d, 8, "intervals" if d % 2 else "easy") for d in range(28, 56)]
    (alert,) = _alerts(history(before + now), "hard_share_rising")
    assert int(alert.values["share_pct"]) >= 40 and int(alert.values["previous_pct"]) <= 20
    assert _alerts(history(before + [run(d, 8, "tempo" if d % 7 == 0 else "easy") for d in range(28, 56)]),
                   "hard_share_rising") == []  # fmt: skip


def test_a_shoe_past_its_replacement_distance_is_flagged_until_retired() -> None:
    runs = [run(d, 10, shoe="peg") for d in range(81)]
    shoe = ShoeRecord("peg", "Pegasus 40", replace_at_m=800_000)
    (alert,) = _alerts(history(runs, shoes=[shoe]), "shoe_mileage")
    assert alert.values["distance"] == 810_000 and alert.values["limit"] == 800_000
    retired = ShoeRecord("peg", "Pegasus 40", retired=day(79), replace_at_m=800_000)
    assert _alerts(history(runs, shoes=[retired]), "shoe_mileage") == []


def test_a_switch_to_a_new_shoe_is_noted_but_the_first_pair_is_not() -> None:
    runs = [run(d, 8, shoe="peg") for d in range(0, 30, 2)] + [run(31, 8, shoe="zero")]
    shoes = [ShoeRecord("peg", "Pegasus 40"), ShoeRecord("zero", "Zero-drop racer")]
    (alert,) = _alerts(history(runs, shoes=shoes), "new_shoe")
    assert alert.values == {"shoe": "Zero-drop racer", "day": day(31)}


def test_low_cadence_is_noted_against_the_articles_target() -> None:
    assert RULES.threshold("low_cadence", "below_spm") == load_guidance().cadence.target.low
    (alert,) = _alerts(history([run(d, 8, cadence_spm=158.0) for d in range(0, 20, 2)]), "low_cadence")
    assert alert.values["cadence"] == 158 and alert.values["target"] == 170
    assert _alerts(history([run(d, 8, cadence_spm=176.0) for d in range(0, 20, 2)]), "low_cadence") == []


def _mornings(values: list[int | None], attr: str) -> list[CheckinRecord]:
    return [CheckinRecord(MONDAY + timedelta(days=i), **{attr: v}) for i, v in enumerate(values)]  # type: ignore[arg-type]


def test_resting_hr_above_the_runners_own_baseline_is_flagged_by_how_much() -> None:
    rise = RULES.rules["resting_hr"].thresholds
    figure = load_guidance().heart_rate.resting_rise_warning
    assert (rise["rise_bpm"], rise["strong_rise_bpm"]) == (figure.low, figure.high)
    (alert,) = _alerts(history(checkins=_mornings([50] * 14 + [56], "resting_hr")), "resting_hr")
    assert alert.level == "caution" and alert.values["rise"] == 6 and alert.values["baseline"] == 50
    (alert,) = _alerts(history(checkins=_mornings([50] * 14 + [61], "resting_hr")), "resting_hr")
    assert alert.level == "warning"
    assert _alerts(history(checkins=_mornings([50] * 14 + [53], "resting_hr")), "resting_hr") == []


def test_the_runners_set_resting_hr_is_the_baseline_when_there_is_one() -> None:
    h = history(checkins=_mornings([58] * 3, "resting_hr"), resting_hr_baseline=50)
    (alert,) = _alerts(h, "resting_hr")
    assert alert.values["baseline"] == 50


def test_too_few_mornings_make_no_baseline() -> None:
    assert _alerts(history(checkins=_mornings([50, 50, 62], "resting_hr")), "resting_hr") == []


def test_hrv_well_below_baseline_is_flagged() -> None:
    (alert,) = _alerts(history(checkins=_mornings([70] * 14 + [50], "hrv_ms")), "hrv_low")
    assert alert.values["drop_pct"] == 29 and alert.values["baseline"] == 70
    assert _alerts(history(checkins=_mornings([70] * 14 + [64], "hrv_ms")), "hrv_low") == []


def test_every_rule_reports_exactly_the_numbers_its_sentence_may_use() -> None:
    runs = [
        *[run(d, 6, "easy", shoe="peg", cadence_spm=158.0) for d in range(28)],
        *[run(d, 8, "intervals" if d % 2 else "tempo", shoe="zero") for d in range(28, 56)],
        run(56, 20, "long", shoe="zero"),
    ]
    checkins = _mornings([50] * 14 + [62], "resting_hr")
    checkins = [dataclasses.replace(c, day=c.day + timedelta(days=42), hrv_ms=70.0 if i < 14 else 40.0)
                for i, c in enumerate(checkins)]  # fmt: skip
    shoes = [ShoeRecord("peg", "Pegasus", replace_at_m=100_000), ShoeRecord("zero", "Zero")]
    alerts = find_warnings(history(runs, checkins, shoes), rules_data=RULES)
    assert len({a.rule for a in alerts}) >= 8
    for alert in alerts:
        assert set(alert.values) == RULE_FIELDS[alert.rule], alert.rule
