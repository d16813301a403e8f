""" "Should I run today?": green, yellow or red with reasons, and the pre-run tips that apply.

A small, pure engine over the rules of ``today.yaml`` and the pre-run tips of ``guidance.yaml``.
Each rule's ``check`` names a function below that measures one thing in the :class:`Facts`
(``today_facts.py``) and returns the values for the rule's reason, once per hit (a rule on pain
can hit several regions). The most restrictive decision among the hits wins; no hits is green.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from runcoach.knowledge.guidance import Guidance, Trigger
from runcoach.knowledge.models import RunDecision, run_max
from runcoach.knowledge.today import Phrases, Rule, TodayKnowledge
from runcoach.log.analytics.history import History
from runcoach.log.analytics.today_facts import Facts, TodayInputs, gather_facts

Values = dict[str, str]


@dataclass(frozen=True)
class Words:
    """What the reasons are written with: names of regions and conditions, and the phrases."""

    names: Mapping[str, str]
    phrases: Phrases

    def name(self, ident: str) -> str:
        return self.names.get(ident, ident)

    def when(self, day: date, today: date) -> str:
        if day == today:
            return self.phrases.today
        if day == today - timedelta(days=1):
            return self.phrases.yesterday
        return self.phrases.on_day.format(day=day.isoformat())


@dataclass(frozen=True)
class Reason:
    rule: str
    decision: RunDecision
    text: str
    src: str


@dataclass(frozen=True)
class PreRunTip:
    id: str
    text: str
    src: str


@dataclass(frozen=True)
class TodayResult:
    day: date
    decision: RunDecision
    reasons: tuple[Reason, ...]
    tips: tuple[PreRunTip, ...]
    facts: Facts
    time_of_day: str
    hot_or_humid: bool = False


def num(x: float) -> str:
    """A number as a runner reads it: ``7``, ``1.5``."""
    return f"{x:.1f}".removesuffix(".0")


def _assessment_flags(rule: Rule, f: Facts, w: Words) -> list[Values]:
    a = f.assessment
    if a is None or not a.red_flags:
        return []
    flags = ", ".join(w.names.get(flag, flag.replace("_", " ")) for flag in a.red_flags)
    condition = w.name(a.condition) if a.condition else w.phrases.no_condition
    return [{"day": a.day.isoformat(), "flags": flags, "condition": condition}]


def _assessment(rule: Rule, f: Facts, w: Words) -> list[Values]:
    a = f.assessment
    if a is None or a.run_decision != rule.value:
        return []
    condition = w.name(a.condition) if a.condition else w.phrases.no_condition
    return [{"day": a.day.isoformat(), "condition": condition}]


def _plan(rule: Rule, f: Facts, w: Words) -> list[Values]:
    plan = f.inputs.plan
    return [{"text": plan.text}] if plan is not None and plan.decision == rule.value else []


def _pain(rule: Rule, f: Facts, w: Words) -> list[Values]:
    return [
        {"region": w.name(p.region), "score": str(p.score), "when": w.when(p.day, f.today)}
        for p in f.pain_now.values()
        if p.score > 0 and rule.in_band(p.score) and rule.region in (None, p.region)
    ]


def _today_score(f: Facts, region: str) -> int | None:
    if f.checkin_today is None:
        return None
    scores = [p.score for p in f.checkin_today.pain if p.region == region]
    return max(scores) if scores else None


def _not_eased(rule: Rule, f: Facts, w: Words) -> list[Values]:
    hits = []
    for region, score in f.sore_yesterday.items():
        if not rule.in_band(score):
            continue
        now = _today_score(f, region)
        if f.checkin_today is None:
            today = w.phrases.no_checkin_to_tell
        elif now is None:
            today = w.phrases.not_mentioned
        elif now >= score:
            today = w.phrases.still.format(score=now)
        else:
            continue
        hits.append({"region": w.name(region), "score": str(score), "today": today})
    return hits


def _eased(rule: Rule, f: Facts, w: Words) -> list[Values]:
    hits = []
    for region, score in f.sore_yesterday.items():
        now = _today_score(f, region)
        if rule.in_band(score) and now is not None and now < score:
            hits.append({"region": w.name(region), "score": str(score), "today_score": str(now)})
    return hits


def _illness(rule: Rule, f: Facts, w: Words) -> list[Values]:
    if f.illness is None or f.illness[0] != rule.value:
        return []
    return [{"when": w.when(f.illness[1], f.today)}]


def _resting_hr(rule: Rule, f: Facts, w: Words) -> list[Values]:
    rise, base = f.resting_hr_rise, f.resting_hr_baseline
    if rise is None or base is None or not rule.in_band(rise):
        return []
    return [
        {
            "value": str(f.resting_hr),
            "rise": f"{num(rise)} bpm",
            "baseline": num(base.value),
            "basis": w.phrases.your_setting
            if base.readings is None
            else w.phrases.median_of.format(days=base.readings),
        }
    ]


def _hrv(rule: Rule, f: Facts, w: Words) -> list[Values]:
    drop, base = f.hrv_drop_pct, f.hrv_baseline
    if drop is None or base is None or f.hrv is None or not rule.in_band(drop):
        return []
    return [{"value": num(f.hrv), "drop": str(round(drop)), "baseline": num(base.value)}]


def _number(value: float | None, rule: Rule, key: str = "value") -> list[Values]:
    return [{key: num(value)}] if value is not None and rule.in_band(value) else []


def _meal(rule: Rule, f: Facts, w: Words) -> list[Values]:
    if f.inputs.meal_size != rule.value:
        return []
    return _number(f.inputs.hours_since_meal, rule, "hours")


CHECKS: dict[str, Callable[[Rule, Facts, Words], list[Values]]] = {
    "assessment_red_flags": _assessment_flags,
    "assessment": _assessment,
    "plan": _plan,
    "pain": _pain,
    "soreness_not_eased": _not_eased,
    "soreness_eased": _eased,
    "illness": _illness,
    "resting_hr": _resting_hr,
    "hrv": _hrv,
    "sleep": lambda rule, f, _: _number(f.sleep_h, rule),
    "meal": _meal,
    "altitude": lambda rule, f, _: _number(f.inputs.conditions.altitude_m, rule),
    "heat": lambda rule, f, _: _number(f.inputs.conditions.temperature_c, rule),
    "no_checkin": lambda rule, f, _: [{}] if f.checkin_today is None else [],
}


def reasons(facts: Facts, kb: TodayKnowledge, names: Mapping[str, str]) -> list[Reason]:
    """Every rule that applies, in the file's order, with its reason filled in."""
    words = Words(names, kb.phrases)
    return [
        Reason(rule.id, rule.decision, rule.reason.format(**values), rule.src)
        for rule in kb.rules
        for values in CHECKS[rule.check](rule, facts, words)
    ]


def time_of_day(facts: Facts, kb: TodayKnowledge) -> str:
    hour = facts.inputs.now.hour
    if hour < kb.conditions.morning_until.high:
        return "morning"
    return "evening" if hour >= kb.conditions.evening_from.high else "midday"


def is_hot_or_humid(facts: Facts, kb: TodayKnowledge) -> bool:
    c = facts.inputs.conditions
    hot = c.temperature_c is not None and c.temperature_c >= kb.conditions.hot.low
    return hot or (c.humidity_pct is not None and c.humidity_pct >= kb.conditions.humid.low)


def _holds(t: Trigger, f: Facts, kb: TodayKnowledge) -> bool:
    """Whether every condition the trigger gives holds today (an unknown fact never holds)."""
    c, i = f.inputs.conditions, f.inputs
    rise, temp = f.resting_hr_rise, c.temperature_c
    tests: list[tuple[Any, Callable[[Any], bool]]] = [
        (t.temperature_c_at_most, lambda x: temp is not None and temp <= x),
        (t.temperature_c_at_least, lambda x: temp is not None and temp >= x),
        (t.humidity_pct_at_least, lambda x: c.humidity_pct is not None and c.humidity_pct >= x),
        (t.hot_or_humid, lambda x: is_hot_or_humid(f, kb)),
        (t.pollen, lambda x: c.pollen == x),
        (t.hours_since_meal_below, lambda x: i.hours_since_meal is not None and i.hours_since_meal < x),
        (t.illness, lambda x: f.illness is not None and f.illness[0] == x),
        (t.altitude_m_at_least, lambda x: c.altitude_m is not None and c.altitude_m >= x),
        (t.soreness_score_at_least, lambda x: max(f.sore_yesterday.values(), default=0) >= x),
        (t.resting_hr_rise_bpm_at_least, lambda x: rise is not None and rise >= x),
        (t.planned_minutes_at_least, lambda x: i.planned_minutes is not None and i.planned_minutes >= x),
        (t.time_of_day, lambda x: time_of_day(f, kb) == x),
        (t.pain_region, lambda x: x in f.pain_now and f.pain_now[x].score > 0),
    ]
    return all(test(want) for want, test in tests if want is not None)


def pre_run_tips(facts: Facts, kb: TodayKnowledge, guidance: Guidance) -> list[PreRunTip]:
    return [PreRunTip(t.id, t.text, t.src) for t in guidance.pre_run_tips if _holds(t.trigger, facts, kb)]


def check_today(
    history: History,
    inputs: TodayInputs,
    *,
    kb: TodayKnowledge,
    guidance: Guidance,
    names: Mapping[str, str] | None = None,
) -> TodayResult:
    """The day's decision: ``names`` maps region and condition ids to the words shown."""
    facts = gather_facts(history, inputs, kb)
    found = reasons(facts, kb, names or {})
    decision = run_max("green", *(r.decision for r in found))
    return TodayResult(
        day=facts.today,
        decision=decision,
        reasons=tuple(found),
        tips=tuple(pre_run_tips(facts, kb, guidance)),
        facts=facts,
        time_of_day=time_of_day(facts, kb),
        hot_or_humid=is_hot_or_humid(facts, kb),
    )
