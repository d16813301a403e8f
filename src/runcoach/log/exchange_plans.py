"""Return-to-run plans in the exchange format: injury episodes, their plan and every report.

``episodes[]`` of an exchange document: each episode names its region and condition, the plan it
follows (a plan id of the knowledge base, its grade and day 1) and the runner's reports in the order
they were made. That is everything the plan engine needs, so an imported plan stands exactly where
the exported one did. An episode that came from an assessment names it by the assessment's
``created_at``. Storing matches episodes by region, start day and plan, and keeps the log's copy.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Literal, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from runcoach.log.models import Assessment, Runner
from runcoach.log.models_plans import EpisodePlan, InjuryEpisode, PlanReport


class _Record(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class PlanReportRecord(_Record):
    date: date
    kind: Literal["done", "skipped", "pain", "check", "stop", "cleared"]
    pain: int | None = Field(default=None, ge=0, le=10, description="pain the morning after, 0-10")
    check: str | None = Field(default=None, min_length=1, max_length=60, description="a readiness check id")
    passed: bool | None = None
    note: str | None = Field(default=None, max_length=20_000)

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Self:
        if (self.kind == "pain") != (self.pain is not None):
            raise ValueError("a pain report, and only a pain report, has a pain score")
        if (self.kind == "check") != (self.check is not None and self.passed is not None):
            raise ValueError("a check report, and only a check report, has a check and passed")
        return self


class EpisodePlanRecord(_Record):
    id: str = Field(min_length=1, max_length=60, description="a plan id of the knowledge base")
    grade: int | None = Field(default=None, ge=1, le=4)
    start: date = Field(description="day 1 of the plan")
    base_run_minutes: float | None = Field(default=None, ge=1, le=300)
    reports: list[PlanReportRecord] = Field(default_factory=list)


class EpisodeRecord(_Record):
    region: str = Field(min_length=1, max_length=40, description="a region id of the knowledge base")
    condition: str | None = Field(default=None, max_length=80)
    grade: int | None = Field(default=None, ge=1, le=4)
    started: date
    ended: date | None = None
    assessment: AwareDatetime | None = Field(
        default=None, description="created_at of an assessments[] record"
    )
    plan: EpisodePlanRecord | None = None


def store_episodes(
    session: Session, runner: Runner, records: list[EpisodeRecord], added: Counter[str], dupes: Counter[str]
) -> None:
    """Add the episodes the log does not have yet (call after the assessments are stored)."""
    for rec in records:
        if _find(session, runner, rec) is not None:
            dupes["episodes"] += 1
            continue
        assessment = None
        if rec.assessment is not None:
            assessment = session.scalar(
                select(Assessment.id).where(
                    Assessment.runner_id == runner.id, Assessment.created_at == rec.assessment
                )
            )
        episode = InjuryEpisode(
            runner_id=runner.id,
            region=rec.region,
            condition=rec.condition,
            grade=rec.grade,
            started=rec.started,
            ended=rec.ended,
            assessment_id=assessment,
        )
        if rec.plan is not None:
            episode.plan = EpisodePlan(
                plan_id=rec.plan.id,
                grade=rec.plan.grade,
                start=rec.plan.start,
                base_run_minutes=rec.plan.base_run_minutes,
                reports=[
                    PlanReport(
                        day=r.date, kind=r.kind, pain=r.pain, check_id=r.check, passed=r.passed, note=r.note
                    )
                    for r in rec.plan.reports
                ],
            )
        session.add(episode)
        session.flush()
        added["episodes"] += 1


def _find(session: Session, runner: Runner, rec: EpisodeRecord) -> InjuryEpisode | None:
    query = select(InjuryEpisode).where(
        InjuryEpisode.runner_id == runner.id,
        InjuryEpisode.region == rec.region,
        InjuryEpisode.started == rec.started,
    )
    for episode in session.scalars(query).unique():
        stored = episode.plan
        same_plan = (stored is None and rec.plan is None) or (
            stored is not None
            and rec.plan is not None
            and (stored.plan_id, stored.start) == (rec.plan.id, rec.plan.start)
        )
        if same_plan:
            return episode
    return None
