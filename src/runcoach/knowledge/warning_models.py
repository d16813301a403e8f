"""The models of the training-load warnings in ``analytics.yaml`` (``warnings:``).

Each rule has its thresholds (configurable numbers), what it saw (a sentence with placeholders
the analysis fills), why it matters (the article's reason), the evidence where there is some, and
what to do. The rule ids and the thresholds each needs are the schema: a missing one is an error.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from runcoach.knowledge.models import Id, Strict, Text

#: every rule and the thresholds it reads
RULE_THRESHOLDS: dict[str, frozenset[str]] = {
    "weekly_increase": frozenset({"max_increase_pct", "min_previous_m", "compare_weeks"}),
    "weekly_spike": frozenset({"spike_pct", "min_previous_m", "compare_weeks"}),
    "single_run_spike": frozenset({"longer_pct", "double_ratio", "window_days", "min_longest_m"}),
    "long_run_share": frozenset({"max_share_pct", "min_week_m"}),
    "acwr": frozenset({"low", "high", "acute_days", "chronic_days", "min_chronic_m"}),
    "monotony": frozenset({"max_monotony", "max_strain_km"}),
    "no_cutback": frozenset({"build_weeks", "cutback_pct", "min_week_m"}),
    "back_to_back_hard": frozenset({"window_days"}),
    "hard_share_rising": frozenset({"weeks", "rise_points_pct", "min_share_pct"}),
    "shoe_mileage": frozenset(),
    "new_shoe": frozenset({"days"}),
    "low_cadence": frozenset({"days", "min_runs", "below_spm"}),
    "resting_hr": frozenset({"rise_bpm", "strong_rise_bpm", "baseline_days", "min_baseline_days"}),
    "hrv_low": frozenset({"drop_pct", "baseline_days", "min_baseline_days"}),
}
#: the numbers and dates each rule reports, which its ``saw`` sentence may use as {placeholders}
RULE_FIELDS: dict[str, frozenset[str]] = {
    "weekly_increase": frozenset({"week", "distance", "previous", "change_pct", "weeks"}),
    "weekly_spike": frozenset({"week", "distance", "previous", "change_pct", "weeks"}),
    "single_run_spike": frozenset({"day", "distance", "longest", "longer_pct", "window"}),
    "long_run_share": frozenset({"day", "distance", "week_distance", "share_pct"}),
    "acwr": frozenset({"day", "ratio", "acute", "chronic"}),
    "monotony": frozenset({"day", "monotony", "strain"}),
    "no_cutback": frozenset({"weeks", "first", "last"}),
    "back_to_back_hard": frozenset({"first", "second", "first_type", "second_type"}),
    "hard_share_rising": frozenset({"share_pct", "previous_pct", "weeks"}),
    "shoe_mileage": frozenset({"shoe", "distance", "limit"}),
    "new_shoe": frozenset({"shoe", "day"}),
    "low_cadence": frozenset({"runs", "days", "cadence", "target"}),
    "resting_hr": frozenset({"day", "value", "rise", "baseline"}),
    "hrv_low": frozenset({"day", "value", "drop_pct", "baseline"}),
}
Level = Literal["note", "caution", "warning"]


class WarningRule(Strict):
    enabled: bool = True
    level: Level
    #: a stronger level when the ``strong`` condition of the rule holds (e.g. a run past double)
    strong_level: Level | None = None
    thresholds: dict[Id, float] = Field(default_factory=dict)
    saw: Text
    why: Text
    evidence: Text | None = None
    todo: Text
    src: Id


class Warnings(Strict):
    #: warnings look at this many days back from the last day of the log
    lookback_days: int = Field(ge=7, le=3650)
    coach_note: Text
    rules: dict[Id, WarningRule]

    @model_validator(mode="after")
    def _every_rule_with_its_thresholds(self) -> Warnings:
        missing = sorted(set(RULE_THRESHOLDS) - set(self.rules))
        unknown = sorted(set(self.rules) - set(RULE_THRESHOLDS))
        if missing or unknown:
            raise ValueError(f"rules missing: {missing}; unknown rules: {unknown}")
        for rule_id, rule in self.rules.items():
            lacking = sorted(RULE_THRESHOLDS[rule_id] - set(rule.thresholds))
            if lacking:
                raise ValueError(f"rule {rule_id}: thresholds missing: {lacking}")
        return self

    def sources(self) -> list[tuple[str, str]]:
        return [(f"warnings.rules.{rule_id}.src", rule.src) for rule_id, rule in self.rules.items()]

    def templates(self) -> list[tuple[str, str, frozenset[str]]]:
        """(key path, sentence, the placeholders it may use) of every rule's ``saw``."""
        return [(f"warnings.rules.{rid}.saw", rule.saw, RULE_FIELDS[rid]) for rid, rule in self.rules.items()]

    def threshold(self, rule_id: str, name: str) -> float:
        return self.rules[rule_id].thresholds[name]
