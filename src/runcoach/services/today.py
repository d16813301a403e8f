""" "Should I run today?": the runner's log, stored assessments and today's inputs, through the
today engine (``log/analytics/today.py``).

:func:`plan_signal` is the one place where a stored return-to-run plan's word on today comes in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from runcoach.calculators import Calculation
from runcoach.calculators.fluids import run_drinks
from runcoach.dates import local_now
from runcoach.errors import UsageError
from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.loader import KnowledgeBase, load_knowledge
from runcoach.knowledge.models import RUN_ORDER
from runcoach.knowledge.today import TodayKnowledge, load_today
from runcoach.log.analytics.today import TodayResult, check_today
from runcoach.log.analytics.today_facts import (
    MEAL_SIZES,
    AssessmentRecord,
    Conditions,
    PlanSignal,
    TodayInputs,
)
from runcoach.log.db import Database
from runcoach.services.assessments import list_assessments
from runcoach.services.conditions import (
    ConditionsInput,
    conditions_json,
    get_condition_defaults,
    merged,
    parse_conditions,
    set_condition_defaults,
)
from runcoach.services.history import load_history
from runcoach.services.runner import get_preferences
from runcoach.units import parse_duration


@dataclass(frozen=True)
class TodayRequest:
    """What the runner typed for today; every field is optional."""

    conditions: ConditionsInput = field(default_factory=ConditionsInput)
    ate: str | None = None  # how long ago: 90min, 2h, 1h30m
    meal: str | None = None  # big or snack
    minutes: float | None = None  # the planned run
    at: str | None = None  # the planned start, HH:MM today (default: now)
    save_defaults: bool = False


@dataclass(frozen=True)
class TodayView:
    result: TodayResult
    kb: TodayKnowledge
    conditions: dict[str, Any]
    drinks: Calculation
    #: the current assessment's condition and its run rules from the knowledge base (None: none)
    injury: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        r, verdict = self.result, self.kb.verdicts.of(self.result.decision)
        f = r.facts
        return {
            "date": r.day.isoformat(),
            "decision": r.decision,
            "label": verdict.label,
            "summary": verdict.text,
            "reasons": [
                {"rule": x.rule, "decision": x.decision, "text": x.text, "src": x.src} for x in r.reasons
            ],
            "tips": [{"id": t.id, "text": t.text, "src": t.src} for t in r.tips],
            "drinks": self.drinks.to_json()["lines"],
            "injury": self.injury,
            "conditions": self.conditions,
            "time_of_day": r.time_of_day,
            "hot_or_humid": r.hot_or_humid,
            "baselines": {
                "resting_hr": f.resting_hr_baseline.value if f.resting_hr_baseline else None,
                "hrv_ms": f.hrv_baseline.value if f.hrv_baseline else None,
            },
            "disclaimer": self.kb.disclaimer,
        }


def plan_signal(*, db: Database, day: date, runner_id: int | None = None) -> PlanSignal | None:
    """The word of the runner's return-to-run plans on ``day``: the most restrictive of them
    (None when no plan is in progress, or every one allows easy running)."""
    from runcoach.services.plans import plan_days

    know = load_today()
    signals: list[PlanSignal] = []
    for day_of_plan in plan_days(db=db, day=day, runner_id=runner_id):
        decision = know.plan_decisions[day_of_plan.kind]
        words = know.phrases
        if day_of_plan.kind == "stopped":
            text = words.plan_stopped.format(plan=day_of_plan.plan)
        elif day_of_plan.kind == "gate":
            text = words.plan_gate.format(plan=day_of_plan.plan, phase=day_of_plan.phase)
        else:
            text = words.plan_day.format(plan=day_of_plan.plan, session=day_of_plan.session)
        signals.append(PlanSignal(decision, text))
    worst = max(signals, key=lambda sig: RUN_ORDER.index(sig.decision), default=None)
    return None if worst is None or worst.decision == "green" else worst


def _start(request: TodayRequest, now: datetime) -> datetime:
    if request.at is None:
        return now
    try:
        hours, minutes = (int(p) for p in request.at.strip().split(":"))
        return now.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    except ValueError:
        raise UsageError(
            f"cannot read the start time {request.at!r}", hint="write it as HH:MM, e.g. 18:30"
        ) from None


def _meal(request: TodayRequest, now: datetime, start: datetime) -> tuple[float | None, Any]:
    if request.meal is not None and request.meal not in MEAL_SIZES:
        raise UsageError(f"unknown meal size {request.meal!r}", hint="use big or snack")
    if request.ate is None:
        if request.meal is not None:
            raise UsageError("--meal needs --ate (how long ago you ate, e.g. --ate 90min)")
        return None, None
    ago = parse_duration(request.ate) / 3600
    if ago > 48:
        raise UsageError(f"--ate {request.ate!r} is more than two days ago", hint="leave --ate out instead")
    hours = ago + (start - now).total_seconds() / 3600
    if hours < 0:
        raise UsageError("the planned start (--at) is before the meal (--ate)", hint="give a later --at")
    return hours, request.meal or "big"  # an unknown size counts as the cautious one


def _checked_minutes(minutes: float | None) -> float | None:
    if minutes is not None and not 0 < minutes <= 24 * 60:
        raise UsageError(
            f"a run of {minutes:g} minutes is not plausible", hint="give --minutes between 1 and 1440"
        )
    return minutes


def should_i_run(
    *,
    db: Database,
    request: TodayRequest | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> TodayView:
    """Green, yellow or red for today, with reasons, tips and what to drink."""
    now = now or local_now()
    request = request or TodayRequest()
    start = _start(request, now)
    hours, size = _meal(request, now, start)
    minutes = _checked_minutes(request.minutes)
    conditions = _conditions(db, request, runner_id)
    kb, guidance, knowledge = load_today(), load_guidance(), load_knowledge()
    since = now.date() - timedelta(days=round(kb.windows.baseline_days.high) + 1)
    history = load_history(db=db, runner_id=runner_id, since=since)
    assessments = tuple(
        AssessmentRecord(a.day, a.run_decision, tuple(a.red_flags), a.top_condition)
        for a in list_assessments(db=db, runner_id=runner_id)
    )
    inputs = TodayInputs(
        now=start,
        conditions=conditions,
        hours_since_meal=hours,
        meal_size=size,
        planned_minutes=minutes,
        assessments=assessments,
        plan=plan_signal(db=db, day=now.date(), runner_id=runner_id),
    )
    names = {r.id: r.name for r in knowledge.regions.values()}
    names |= {c.id: c.name for c in knowledge.conditions.values()}
    result = check_today(history, inputs, kb=kb, guidance=guidance, names=names)
    minutes_for_drinks = minutes or kb.conditions.default_run_minutes.high
    drinks = run_drinks(guidance, kb, minutes=minutes_for_drinks, hot=result.hot_or_humid)
    return TodayView(result, kb, conditions_json(conditions), drinks, _injury(result, knowledge))


def _conditions(db: Database, request: TodayRequest, runner_id: int | None) -> Conditions:
    """Today's conditions: the saved defaults with the options given put over them (and saved
    first when asked). Everything is checked before anything is saved."""
    units = get_preferences(db=db, runner_id=runner_id).units
    given = parse_conditions(request.conditions, units=units)
    if request.save_defaults:
        saved = set_condition_defaults(db=db, data=request.conditions, runner_id=runner_id)
    else:
        saved = get_condition_defaults(db=db, runner_id=runner_id)
    return merged(saved, given)


def _injury(result: TodayResult, knowledge: KnowledgeBase) -> dict[str, Any] | None:
    """The run rules of the condition the current assessment found (the active injury)."""
    found = result.facts.assessment
    condition = knowledge.conditions.get(found.condition) if found and found.condition else None
    if found is None or condition is None:
        return None
    return {
        "condition": condition.id,
        "name": condition.name,
        "assessed": found.day.isoformat(),
        "run_rules": [r.model_dump() for r in condition.run_rules],
    }
