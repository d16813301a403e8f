"""Plans in ``runcoach data export`` / ``data import``: episodes out, and episodes checked on the way in.

An imported episode must name a known region and condition, a plan of the knowledge base with a
grade it has, and reports that the plan engine can replay (known readiness checks, no report
before day 1 or in the future, an ending not before the start); otherwise nothing is stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from runcoach.errors import RuncoachError
from runcoach.knowledge.loader import load_knowledge
from runcoach.knowledge.plans import load_plans
from runcoach.log.exchange_plans import EpisodeRecord
from runcoach.log.models import Assessment, Runner
from runcoach.log.models_plans import InjuryEpisode
from runcoach.plans.engine import plan_state
from runcoach.plans.types import PlanEvent, PlanSetup


def export_episodes(session: Session, runner: Runner) -> list[dict[str, Any]]:
    """The runner's episodes in the exchange format, oldest first, reports in the order made."""
    query = (
        select(InjuryEpisode)
        .where(InjuryEpisode.runner_id == runner.id)
        .order_by(InjuryEpisode.started, InjuryEpisode.id)
    )
    out = []
    for episode in session.scalars(query).unique():
        made = None
        if episode.assessment_id is not None:
            made = session.scalar(select(Assessment.created_at).where(Assessment.id == episode.assessment_id))
        stored = episode.plan
        out.append(
            {
                "region": episode.region,
                "condition": episode.condition,
                "grade": episode.grade,
                "started": episode.started.isoformat(),
                "ended": episode.ended.isoformat() if episode.ended else None,
                "assessment": made.isoformat() if made is not None else None,
                "plan": None
                if stored is None
                else {
                    "id": stored.plan_id,
                    "grade": stored.grade,
                    "start": stored.start.isoformat(),
                    "base_run_minutes": stored.base_run_minutes,
                    "reports": [
                        {
                            "date": r.day.isoformat(),
                            "kind": r.kind,
                            "pain": r.pain,
                            "check": r.check_id,
                            "passed": r.passed,
                            "note": r.note,
                        }
                        for r in stored.reports
                    ],
                },
            }
        )
    return out


def episode_problems(rec: EpisodeRecord, now: datetime) -> list[tuple[str, str]]:
    """(field, reason) for everything wrong with one episode record."""
    kb = load_knowledge()
    problems: list[tuple[str, str]] = []
    if rec.region not in kb.regions:
        problems.append(("region", f"unknown region {rec.region!r} (one of: {', '.join(kb.regions)})"))
    if rec.condition is not None and rec.condition not in kb.conditions:
        problems.append(("condition", f"unknown condition {rec.condition!r}"))
    if rec.ended is not None and rec.ended < rec.started:
        problems.append(("ended", "is before started"))
    if rec.started > now.date():
        problems.append(("started", f"{rec.started} is in the future"))
    if rec.plan is None:
        return problems
    plans = load_plans()
    if rec.plan.start > now.date():
        problems.append(("plan.start", f"{rec.plan.start} is in the future"))
    if rec.plan.id not in plans:
        return [*problems, ("plan.id", f"unknown plan {rec.plan.id!r} (one of: {', '.join(sorted(plans))})")]
    setup = PlanSetup(rec.plan.start, rec.plan.grade, rec.condition, rec.plan.base_run_minutes)
    try:
        events = [
            PlanEvent(r.date, r.kind, pain=r.pain, check=r.check, passed=r.passed, note=r.note)
            for r in rec.plan.reports
        ]
        plan_state(plans[rec.plan.id], setup, events, max(now.date(), rec.plan.start))
    except RuncoachError as exc:
        problems.append(("plan", exc.message))
    return problems
