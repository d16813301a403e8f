"""Starting a return-to-run plan: a new injury episode, by hand or from a saved assessment.

``runcoach plan start calf_strain --grade 2`` names a plan (or a condition one serves); ``--assessment
ID`` takes the saved assessment's most likely condition, unless the assessment says to see a
professional first. One plan per body region is in progress at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from runcoach.dates import local_now
from runcoach.errors import NotFoundError, UsageError
from runcoach.knowledge.loader import load_knowledge
from runcoach.knowledge.plans import Plan, Plans, load_plans
from runcoach.log.db import Database
from runcoach.log.models import Assessment, Runner
from runcoach.log.models_plans import EpisodePlan, InjuryEpisode
from runcoach.log.runners import get_runner
from runcoach.plans.expand import check_setup
from runcoach.plans.types import PlanSetup
from runcoach.services.plan_views import PlanView, plan_view
from runcoach.services.plans import START_HINT, Loaded, describe_episode, state_of, the_day

#: an assessment with one of these triage levels needs a professional before any comeback plan
NEEDS_A_PROFESSIONAL = ("emergency", "urgent")


@dataclass(frozen=True)
class _Choice:
    plan: Plan
    grade: int | None
    condition: str | None


def _choose(plans: Plans, name: str, grade: int | None, condition: str | None) -> _Choice:
    """A plan named by its id or by a condition it serves (``calf_strain_grade2``)."""
    if name in plans:
        return _Choice(plans[name], grade, condition)
    served = plans.for_condition(name)
    if not served:
        raise NotFoundError(
            f"no return-to-run plan {name!r}",
            hint=f"plans: {', '.join(sorted(plans))} (or a condition id one of them serves)",
        )
    if condition is not None and condition != name:
        raise UsageError(f"{name!r} and --condition {condition!r} disagree", hint="give one of them")
    plan = served[0]
    return _Choice(plan, grade if grade is not None else plan.grade_for_condition(name), name)


def _from_assessment(session: Session, runner: Runner, assessment_id: int) -> tuple[str, Assessment]:
    item = session.get(Assessment, assessment_id)
    if item is None or item.runner_id != runner.id:
        raise NotFoundError(f"no saved assessment {assessment_id}", hint="runcoach assess --save stores one")
    if item.triage in NEEDS_A_PROFESSIONAL or item.red_flags:
        raise UsageError(
            f"assessment {assessment_id} says to see a professional first ({item.triage}"
            + (", red flags" if item.red_flags else "")
            + "): no comeback plan starts from it",
            hint=f"once a professional has cleared you to rehab it, start the plan by hand: {START_HINT}",
        )
    if item.top_condition is None:
        raise NotFoundError(f"assessment {assessment_id} names no likely condition", hint=START_HINT)
    return item.top_condition, item


def _region(choice: _Choice) -> str:
    conditions = load_knowledge().conditions
    named = [choice.condition] if choice.condition is not None else list(choice.plan.conditions)
    regions = sorted({conditions[c].region for c in named})
    if len(regions) > 1:
        raise UsageError(
            f"plan {choice.plan.id!r} serves conditions in several body regions ({', '.join(regions)})",
            hint=f"name the condition with --condition: {', '.join(choice.plan.conditions)}",
        )
    return regions[0]


def _refuse_second(session: Session, runner: Runner, region: str, today: date) -> None:
    """A region has one plan in progress at a time; one whose plan is complete is closed first."""
    query = select(InjuryEpisode).where(
        InjuryEpisode.runner_id == runner.id, InjuryEpisode.region == region, InjuryEpisode.ended.is_(None)
    )
    for episode in session.scalars(query).unique():
        if episode.plan is None:
            continue
        state = state_of(
            episode.plan, load_plans().plan(episode.plan.plan_id), max(today, episode.plan.start)
        )
        if state.status == "finished" and state.expected_end is not None:
            episode.ended = max(state.expected_end, episode.started)
            continue
        raise UsageError(
            f"a plan for the {region.replace('_', ' ')} is already in progress: {describe_episode(episode)}",
            hint="carry on with it (runcoach plan today), or close it first with runcoach plan end",
        )


def start_plan(
    *,
    db: Database,
    plan: str | None = None,
    grade: int | None = None,
    start: str | None = None,
    assessment_id: int | None = None,
    condition: str | None = None,
    base_run_minutes: float | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> PlanView:
    """Start a plan for a new injury episode: by hand, or from a saved assessment's top condition."""
    now = now or local_now()
    first = the_day(start, now)
    plans = load_plans()
    with db.session() as session:
        runner = get_runner(session, runner_id)
        source: Assessment | None = None
        if assessment_id is not None:
            top, source = _from_assessment(session, runner, assessment_id)
            choice = _choose(plans, top, grade, condition)
            if plan is not None and plan not in (top, choice.plan.id):
                raise UsageError(
                    f"assessment {assessment_id} points to {top!r} (plan {choice.plan.id}), not {plan!r}",
                    hint="leave the plan out to follow the assessment",
                )
        elif plan is None:
            raise UsageError("which plan?", hint=START_HINT)
        else:
            choice = _choose(plans, plan, grade, condition)
        setup = check_setup(choice.plan, PlanSetup(first, choice.grade, choice.condition, base_run_minutes))
        choice = _Choice(choice.plan, setup.grade, setup.condition or _only(choice.plan.conditions))
        region = _region(choice)
        _refuse_second(session, runner, region, now.date())
        episode = InjuryEpisode(
            runner_id=runner.id,
            region=region,
            condition=choice.condition,
            grade=setup.grade,
            started=min(first, source.day) if source is not None else first,
            assessment_id=source.id if source is not None else None,
        )
        episode.plan = EpisodePlan(
            plan_id=choice.plan.id, grade=setup.grade, start=first, base_run_minutes=base_run_minutes
        )
        session.add(episode)
        session.flush()
        loaded = Loaded(episode, episode.plan, choice.plan, state_of(episode.plan, choice.plan, now.date()))
        return plan_view(loaded.view, loaded.plan, loaded.state, loaded.stored)


def _only(conditions: tuple[str, ...]) -> str | None:
    return conditions[0] if len(conditions) == 1 else None
