"""Saved assessments: the engine's results, kept in the log so reports can list them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from runcoach.dates import local_now
from runcoach.errors import UsageError
from runcoach.log.db import Database
from runcoach.log.models import Assessment
from runcoach.log.runners import get_runner

TRIAGES = ("emergency", "urgent", "routine", "self_care")
RUN_DECISIONS = ("red", "yellow", "green")


@dataclass(frozen=True)
class AssessmentView:
    id: int
    created_at: datetime
    day: date
    text: str
    top_condition: str | None
    triage: str
    run_decision: str
    red_flags: list[str]
    result: dict[str, Any]


def _view(item: Assessment) -> AssessmentView:
    return AssessmentView(
        id=item.id,
        created_at=item.created_at,
        day=item.day,
        text=item.text,
        top_condition=item.top_condition,
        triage=item.triage,
        run_decision=item.run_decision,
        red_flags=list(item.red_flags or []),
        result=dict(item.result or {}),
    )


def save_assessment(
    *,
    db: Database,
    text: str,
    result: dict[str, Any],
    runner_id: int | None = None,
    now: datetime | None = None,
) -> AssessmentView:
    """Store an assessment result (the ``runcoach assess`` JSON shape: conditions, triage, ...)."""
    now = now or local_now()
    triage, decision = result.get("triage"), result.get("run_decision")
    if triage not in TRIAGES or decision not in RUN_DECISIONS:
        raise UsageError(f"an assessment needs a triage and a run decision, got {triage!r} and {decision!r}")
    conditions = result.get("conditions") or []
    top = conditions[0].get("id") if conditions and isinstance(conditions[0], dict) else None
    with db.session() as session:
        item = Assessment(
            runner_id=get_runner(session, runner_id).id,
            created_at=now,
            day=now.date(),
            text=text,
            top_condition=top,
            triage=triage,
            run_decision=decision,
            red_flags=list(result.get("red_flags") or []),
            result=result,
        )
        session.add(item)
        session.flush()
        return _view(item)


def list_assessments(*, db: Database, runner_id: int | None = None) -> list[AssessmentView]:
    """Every saved assessment, oldest first."""
    with db.session() as session:
        runner = get_runner(session, runner_id)
        query = select(Assessment).where(Assessment.runner_id == runner.id)
        return [_view(a) for a in session.scalars(query.order_by(Assessment.created_at, Assessment.id))]
