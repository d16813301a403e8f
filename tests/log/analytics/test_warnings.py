"""Training-load warnings: each rule fires on what it should, stays quiet otherwise, reads its data."""

from __future__ import annotations

from datetime import timedelta

from runcoach.knowledge.analytics import load_analytics
from runcoach.log.analytics.history import History
from runcoach.log.analytics.warning_context import Alert
from runcoach.log.analytics.warnings import find_warnings
from tests.log.analytics.build import MONDAY, day, history, run, weeks_of

RULES = load_analytics().warnings


def _alerts(h: History, rule: str, **kwargs: object) -> list[Alert]:
    return [a for a in find_warnings(h, rules_data=RULES, **kwargs) if a.rule == rule]  # type: ignore[arg-type]


def test_it_notes_a_week_over_the_10_percent_guide_but_not_a_steady_one() -> None:
    (alert,) = _alerts(history(weeks_of([30, 30, 30, 34, 34])), "weekly_increase")
    assert alert.level == "note" and alert.day == day(21) and alert.values["change_pct"] == 13.3
    assert _alerts(history(weeks_of([30, 31, 32, 33, 33])), "weekly_increase") == []


def test_it_warns_when_a_week_jumps_more_than_30_percent() -> None:
    h = history(weeks_of([30, 30, 30, 41]))
    (alert,) = _alerts(h, "weekly_spike")
    assert (
        alert.level == "warning" and alert.values["previous"] == 30000 and alert.values["change_pct"] == 36.7
    )
    assert _alerts(h, "weekly_increase") == []  # the spike is not reported twice


def test_coming_back_from_a_cutback_week_to_the_usual_volume_is_not_a_jump() -> None:
    h = history(weeks_of([40, 40, 40, 26, 40]))
    assert _alerts(h, "weekly_spike") == [] and _alerts(h, "weekly_increase") == []
    (alert,) = _alerts(history(weeks_of([40, 40, 40, 26, 55])), "weekly_spike")
    assert alert.values["previous"] == 36500 and alert.values["weeks"] == 4  # (40 + 40 + 40 + 26) / 4


def test_tiny_weeks_do_not_count_as_jumps() -> None:
    assert _alerts(history(weeks_of([5, 5, 8])), "weekly_spike") == []


def test_a_run_more_than_10_percent_longer_than_the_longest_of_30_days_is_flagged() -> None:
    runs = [run(i, 8) for i in range(0, 28, 2)] + [run(28, 9.2)]
    (alert,) = _alerts(history(runs), "single_run_spike")
    assert alert.level == "caution" and alert.values["longer_pct"] == 15.0 and alert.values["longest"] == 8000
    assert _alerts(history([*runs[:-1], run(28, 8.7)]), "single_run_spike") == []


def test_a_run_past_double_the_longest_is_a_warning() -> None:
    runs = [run(i, 6) for i in range(0, 28, 2)] + [run(28, 13)]
    (alert,) = _alerts(history(runs), "single_run_spike")
    assert alert.level == "warning"


def test_only_runs_in_the_last_weeks_are_flagged() -> None:
    runs = [run(0, 5), run(3, 10), *[run(d, 5) for d in range(60, 120, 3)]]
    assert _alerts(history(runs), "single_run_spike") == []


def test_a_long_run_of_more_than_half_the_week_is_flagged() -> None:
    runs = [run(0, 5), run(2, 5), run(6, 14)]
    (alert,) = _alerts(history(runs), "long_run_share")
    assert alert.day == day(6) and alert.values["share_pct"] == 58.3


def test_the_load_ratio_is_flagged_outside_its_band_only() -> None:
    steady = [run(d, 8) for d in range(35)]
    assert _alerts(history(steady), "acwr") == []
    jump = steady + [run(d, 16) for d in range(35, 42)]
    (alert,) = _alerts(history(jump), "acwr")
    assert float(alert.values["ratio"]) > RULES.threshold("acwr", "high")


def test_a_week_of_identical_days_is_monotonous() -> None:
    (alert,) = _alerts(history([run(d, 10) for d in range(14)]), "monotony")
    assert float(alert.values["monotony"]) > 2
    assert _alerts(history([run(d, 10) for d in range(0, 14, 2)]), "monotony") == []


def test_four_build_weeks_without_a_cutback_are_flagged_and_a_cutback_resets_the_count() -> None:
    (alert,) = _alerts(history(weeks_of([30, 32, 34, 36, 38])), "no_cutback")
    assert alert.values["weeks"] == 4 and alert.values["first"] == day(7)
    assert _alerts(history(weeks_of([30, 32, 34, 24, 36, 38])), "no_cutback") == []


def test_a_disabled_rule_stays_quiet_and_thresholds_come_from_the_data() -> None:
    h = history(weeks_of([30, 30, 30, 41]))
    disabled = RULES.rules["weekly_spike"].model_copy(update={"enabled": False})
    off = RULES.model_copy(update={"rules": {**RULES.rules, "weekly_spike": disabled}})
    assert [a for a in find_warnings(h, rules_data=off) if a.rule == "weekly_spike"] == []
    spike = RULES.rules["weekly_spike"]
    looser = spike.model_copy(update={"thresholds": {**spike.thresholds, "spike_pct": 50}})
    wide = RULES.model_copy(update={"rules": {**RULES.rules, "weekly_spike": looser}})
    assert [a for a in find_warnings(h, rules_data=wide) if a.rule == "weekly_spike"] == []


def test_warnings_look_at_the_weeks_up_to_the_day_asked_for() -> None:
    h = history(weeks_of([30, 30, 30, 41, *[41] * 10]))
    assert _alerts(h, "weekly_spike", today=MONDAY + timedelta(days=27))
    assert _alerts(h, "weekly_spike") == []  # ten weeks on, the jump is old news (lookback_days)


def test_an_empty_log_has_no_warnings_and_they_come_most_serious_first() -> None:
    assert find_warnings(History(), rules_data=RULES) == []
    alerts = find_warnings(history([*weeks_of([30, 30, 30, 41]), run(27, 20)]), rules_data=RULES)
    levels = [a.level for a in alerts]
    assert levels == sorted(levels, key=["warning", "caution", "note"].index)
