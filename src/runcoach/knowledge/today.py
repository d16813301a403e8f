"""The today-check's rules and the calculators' extras as data: ``knowledge/data/today.yaml``.

Each rule names a ``check`` (what the engine measures: a pain score, a resting heart rate rise,
a stored assessment ...), the band that makes it apply (``value`` to match, ``min`` at least,
``below`` strictly less), the decision it gives and the reason shown, a template whose ``{names}``
the engine fills in (:data:`PLACEHOLDERS` lists the names each check offers). Every rule and
threshold cites a section of ``guidance.yaml``'s ``sources``; one the articles give no number for
says ``ours: true``.

``load_today()`` validates the file, then checks every ``src``, every placeholder and every
breathing rhythm id, raising :class:`~runcoach.errors.KnowledgeError` on any problem.
"""

from __future__ import annotations

import functools
import string
from pathlib import Path
from typing import Literal, get_args

from pydantic import Field, model_validator

from runcoach.knowledge.guidance import Amount, Guidance, Source, load_guidance
from runcoach.knowledge.loader import Problems, default_data_dir, read_yaml, validate_model
from runcoach.knowledge.models import Id, Meta, RunDecision, Strict, Text

TODAY_FILE = "today.yaml"

Check = Literal[
    "assessment_red_flags", "assessment", "plan", "pain", "soreness_not_eased", "soreness_eased",
    "illness", "resting_hr", "hrv", "sleep", "meal", "altitude", "heat", "no_checkin",
]  # fmt: skip

#: the names each check fills in, for the rule's ``reason`` template
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "assessment_red_flags": frozenset({"day", "flags", "condition"}),
    "assessment": frozenset({"day", "condition"}),
    "plan": frozenset({"text"}),
    "pain": frozenset({"region", "score", "when"}),
    "soreness_not_eased": frozenset({"region", "score", "today"}),
    "soreness_eased": frozenset({"region", "score", "today_score"}),
    "illness": frozenset({"when"}),
    "resting_hr": frozenset({"value", "rise", "baseline", "basis"}),
    "hrv": frozenset({"value", "drop", "baseline"}),
    "sleep": frozenset({"value"}),
    "meal": frozenset({"hours"}),
    "altitude": frozenset({"value"}),
    "heat": frozenset({"value"}),
    "no_checkin": frozenset(),
}


class Threshold(Amount):
    """A number the today-check uses, with its source; ``ours`` when the articles give no figure."""

    src: Id
    note: Text
    ours: bool = False


class Verdict(Strict):
    label: Text
    text: Text
    src: Id


class Verdicts(Strict):
    green: Verdict
    yellow: Verdict
    red: Verdict

    def of(self, decision: RunDecision) -> Verdict:
        return {"green": self.green, "yellow": self.yellow, "red": self.red}[decision]


class Phrases(Strict):
    """Words the engine fills into reasons (``{day}``, ``{score}``, ``{days}`` where shown)."""

    today: Text
    yesterday: Text
    on_day: Text
    no_condition: Text
    no_checkin_to_tell: Text
    not_mentioned: Text
    still: Text
    your_setting: Text
    median_of: Text
    plan_day: Text
    plan_gate: Text
    plan_stopped: Text


#: the names each phrase may use
PHRASE_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "on_day": frozenset({"day"}),
    "still": frozenset({"score"}),
    "median_of": frozenset({"days"}),
    "plan_day": frozenset({"plan", "session"}),
    "plan_gate": frozenset({"plan", "phase"}),
    "plan_stopped": frozenset({"plan"}),
}

#: what a return-to-run plan's day can be: a session kind, a readiness test, or the plan paused
PlanDayKind = Literal["rest", "walk", "walk_jog", "run", "cross_train", "strength", "gate", "stopped"]


class Windows(Strict):
    pain_days: Threshold
    assessment_days: Threshold
    baseline_days: Threshold
    baseline_min_readings: Threshold


class Conditions(Strict):
    hot: Threshold
    humid: Threshold
    morning_until: Threshold
    evening_from: Threshold
    default_run_minutes: Threshold


class Rule(Strict):
    """One reason the day can be green, yellow or red."""

    id: Id
    check: Check
    #: only for this body region (a meta.yaml region id; pain checks)
    region: Id | None = None
    value: str | None = None
    min: float | None = None
    below: float | None = None
    decision: RunDecision
    reason: Text
    src: Id
    note: Text
    ours: bool = False

    @model_validator(mode="after")
    def _band(self) -> Rule:
        if self.min is not None and self.below is not None and self.min >= self.below:
            raise ValueError(f"min ({self.min}) must be smaller than below ({self.below})")
        return self

    def in_band(self, number: float) -> bool:
        """Whether ``number`` is at least ``min`` and under ``below`` (each when given)."""
        return (self.min is None or number >= self.min) and (self.below is None or number < self.below)


class Zone(Strict):
    id: Id
    label: Text
    min_pct: float = Field(ge=0, le=100)
    max_pct: float = Field(ge=0, le=100)


class HrZones(Strict):
    convention: Literal[True]
    note: Text
    zones: list[Zone] = Field(min_length=1)


class BreathingEffort(Strict):
    effort: Id
    rhythms: list[Id] = Field(min_length=1)
    src: Id


class Sentence(Strict):
    text: Text
    src: Id


class CalcText(Strict):
    """The calculators' verdict sentences (their numbers live in guidance.yaml)."""

    no_water_needed: Sentence
    water_if_hot: Sentence
    carry_water: Sentence
    hot_drinks: Sentence
    sodium_needed: Sentence
    sodium_optional: Sentence
    salty_top_end: Sentence
    max_hr_caveat: Sentence
    resting_in_range: Sentence
    resting_trained: Sentence
    resting_low: Sentence
    resting_high: Sentence
    cadence_low: Sentence
    cadence_ok: Sentence
    cadence_high: Sentence
    altitude_below: Sentence
    altitude_above: Sentence
    altitude_settling: Sentence
    altitude_settled: Sentence


class TodayKnowledge(Strict):
    """``today.yaml``."""

    schema_version: Literal[1]
    #: sections cited here but not in guidance.yaml (keys must not repeat guidance.yaml's)
    sources: dict[Id, Source] = Field(default_factory=dict)
    verdicts: Verdicts
    disclaimer: Text
    phrases: Phrases
    windows: Windows
    conditions: Conditions
    rules: list[Rule] = Field(min_length=1)
    #: the run decision a stored plan's day stands for (every kind must be given)
    plan_decisions: dict[PlanDayKind, RunDecision]
    hr_zones: HrZones
    breathing_efforts: list[BreathingEffort] = Field(min_length=1)
    calc_text: CalcText

    def rules_for(self, check: str) -> list[Rule]:
        return [rule for rule in self.rules if rule.check == check]


def load_today(data_dir: Path | None = None) -> TodayKnowledge:
    """Load and check ``today.yaml`` against ``guidance.yaml`` (cached for the packaged data)."""
    if data_dir is None:
        return _load_packaged()
    return _load(Path(data_dir), load_guidance(data_dir))


@functools.cache
def _load_packaged() -> TodayKnowledge:
    return _load(default_data_dir(), load_guidance())


def _load(root: Path, guidance: Guidance) -> TodayKnowledge:
    problems = Problems()
    raw = read_yaml(root / TODAY_FILE, problems, TODAY_FILE)
    today = validate_model(TodayKnowledge, raw, TODAY_FILE, problems) if raw is not None else None
    problems.raise_if_any()
    assert today is not None  # guaranteed by raise_if_any
    meta = validate_model(Meta, read_yaml(root / "meta.yaml", problems, "meta.yaml"), "meta.yaml", problems)
    _check(today, guidance, problems)
    if meta is not None:
        _check_meta(today, meta, problems)
    problems.raise_if_any()
    return today


def _check_meta(today: TodayKnowledge, meta: Meta, problems: Problems) -> None:
    articles, regions = {a.id for a in meta.articles}, {r.id for r in meta.regions}
    for key, source in today.sources.items():
        if source.article not in articles:
            problems.add(f"{TODAY_FILE}: sources.{key}.article", f"unknown article {source.article!r}")
    for rule in today.rules:
        if rule.region is not None and rule.region not in regions:
            problems.add(f"{TODAY_FILE}: rules[{rule.id}].region", f"unknown region {rule.region!r}")


def _check(today: TodayKnowledge, guidance: Guidance, problems: Problems) -> None:
    missing = set(get_args(PlanDayKind)) - set(today.plan_decisions)
    if missing:
        problems.add(f"{TODAY_FILE}: plan_decisions", f"no decision for {sorted(missing)}")
    sources = guidance.sources | today.sources
    for key in sorted(set(today.sources) & set(guidance.sources)):
        problems.add(f"{TODAY_FILE}: sources.{key}", "this key is already a source of guidance.yaml")
    verdicts = today.verdicts
    cited = [(f"verdicts.{k}", getattr(verdicts, k).src) for k in type(verdicts).model_fields]
    cited += [(f"calc_text.{k}", getattr(today.calc_text, k).src) for k in type(today.calc_text).model_fields]
    cited += [(f"windows.{k}", getattr(today.windows, k).src) for k in type(today.windows).model_fields]
    cited += [
        (f"conditions.{k}", getattr(today.conditions, k).src) for k in type(today.conditions).model_fields
    ]
    cited += [(f"rules[{r.id}]", r.src) for r in today.rules]
    cited += [(f"breathing_efforts[{b.effort}]", b.src) for b in today.breathing_efforts]
    for where, src in cited:
        if src not in sources:
            problems.add(
                f"{TODAY_FILE}: {where}.src", f"unknown source key {src!r} (not in guidance.yaml or here)"
            )
    seen: set[str] = set()
    for rule in today.rules:
        where = f"{TODAY_FILE}: rules[{rule.id}]"
        if rule.id in seen:
            problems.add(where, "rule id used twice")
        seen.add(rule.id)
        names = {f for _, f, _, _ in string.Formatter().parse(rule.reason) if f}
        unknown = names - PLACEHOLDERS[rule.check]
        if unknown:
            problems.add(
                f"{where}.reason", f"unknown placeholders {sorted(unknown)} for check {rule.check!r}"
            )
    for name in type(today.phrases).model_fields:
        used = {f for _, f, _, _ in string.Formatter().parse(getattr(today.phrases, name)) if f}
        if used - PHRASE_PLACEHOLDERS.get(name, frozenset()):
            problems.add(f"{TODAY_FILE}: phrases.{name}", f"unknown placeholders {sorted(used)}")
    rhythms = {r.id for r in guidance.breathing.rhythms}
    for effort in today.breathing_efforts:
        for rid in effort.rhythms:
            if rid not in rhythms:
                where = f"{TODAY_FILE}: breathing_efforts[{effort.effort}]"
                problems.add(where, f"unknown rhythm {rid!r} (not in guidance.yaml)")
