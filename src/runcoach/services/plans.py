"""Return-to-run plans in the log: start one, see today's session, show it whole, export it.

A plan belongs to an injury episode (:mod:`runcoach.log.models_plans`). Nothing but the setup
(plan, grade, day 1) and the runner's reports is stored: every call replays the reports with the
plan engine, so the plan adapts the moment a report is added. Starting a plan lives in
:mod:`runcoach.services.plan_start`, reporting in :mod:`runcoach.services.plan_reports`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from runcoach.dates import local_now, parse_day
from runcoach.errors import NotFoundError, UsageError
from runcoach.knowledge.plans import Plan, load_plans
from runcoach.knowledge.today import PlanDayKind
from runcoach.log.db import Database
from runcoach.log.models import Runner
from runcoach.log.models_plans import EpisodePlan, InjuryEpisode
from runcoach.log.runners import get_runner
from runcoach.plans.describe import session_headline
from runcoach.plans.engine import plan_state
from runcoach.plans.types import PlanEvent, PlanSetup, PlanState
from runcoach.services.plan_views import EpisodeView, PlanView, TodayView, episode_view, plan_view, today_view

START_HINT = "e.g. runcoach plan start calf_strain --grade 2 (runcoach plan list shows every plan)"


@dataclass(frozen=True)
class Loaded:
    """A stored episode with its plan (data) and the plan's state on ``day``."""

    episode: InjuryEpisode
    stored: EpisodePlan
    plan: Plan
    state: PlanState

    @property
    def view(self) -> EpisodeView:
        return episode_view(self.episode, self.plan)


@dataclass(frozen=True)
class CatalogEntry:
    """One plan of the knowledge base: what it serves and its grades."""

    id: str
    name: str
    summary: str
    conditions: list[str]
    grades: list[dict[str, Any]] = field(default_factory=list)
    cross_training: list[str] = field(default_factory=list)
    then: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "summary": self.summary,
            "conditions": self.conditions,
            "grades": self.grades,
            "cross_training": self.cross_training,
            "then": self.then,
        }


def catalog_entry(plan: Plan) -> CatalogEntry:
    return CatalogEntry(
        id=plan.id,
        name=plan.name,
        summary=plan.summary,
        conditions=list(plan.conditions),
        grades=[{"grade": g.grade, "label": g.label, "condition": g.condition} for g in plan.grades],
        cross_training=list(plan.cross_training),
        then=plan.then,
    )


@dataclass(frozen=True)
class IcsExport:
    path: str
    episode_id: int
    events: int
    sequence: int

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "episode_id": self.episode_id,
            "events": self.events,
            "sequence": self.sequence,
        }


@dataclass(frozen=True)
class PlanListing:
    """The plans there are, and the runner's own (each with its status today)."""

    plans: list[CatalogEntry]
    yours: list[tuple[EpisodeView, str]]

    def to_json(self) -> dict[str, Any]:
        return {
            "plans": [p.to_json() for p in self.plans],
            "yours": [{**e.to_json(), "status": status} for e, status in self.yours],
        }


def list_plans(*, db: Database, runner_id: int | None = None, now: datetime | None = None) -> PlanListing:
    """Every plan of the knowledge base (the conditions and grades it serves) and the runner's."""
    plans = load_plans()
    today = (now or local_now()).date()
    yours: list[tuple[EpisodeView, str]] = []
    with db.session() as session:
        runner = get_runner(session, runner_id)
        query = select(InjuryEpisode).where(InjuryEpisode.runner_id == runner.id).order_by(InjuryEpisode.id)
        for episode in session.scalars(query).unique():
            if episode.plan is None:
                continue
            plan = plans.plan(episode.plan.plan_id)
            status = "ended" if episode.ended is not None else "not started"
            if episode.ended is None and today >= episode.plan.start:
                status = state_of(episode.plan, plan, today).status
            yours.append((episode_view(episode, plan), status))
    return PlanListing([catalog_entry(p) for p in plans.values()], yours)


def the_day(day: str | None, now: datetime) -> date:
    """A day given by the runner (today by default), never in the future."""
    value = parse_day(day, now=now) if day else now.date()
    if value > now.date():
        raise UsageError(f"{value.isoformat()} is in the future", hint="report a day up to today")
    return value


def events_of(stored: EpisodePlan, upto: date | None = None) -> list[PlanEvent]:
    return [
        PlanEvent(r.day, r.kind, pain=r.pain, check=r.check_id, passed=r.passed, note=r.note)  # type: ignore[arg-type]
        for r in stored.reports
        if upto is None or r.day <= upto
    ]


def state_of(stored: EpisodePlan, plan: Plan, day: date) -> PlanState:
    """The plan's state on ``day`` from the reports up to that day."""
    setup = PlanSetup(stored.start, stored.grade, stored.episode.condition, stored.base_run_minutes)
    return plan_state(plan, setup, events_of(stored, day), day)


def describe_episode(episode: InjuryEpisode) -> str:
    assert episode.plan is not None
    return f"#{episode.id} {episode.plan.plan_id} ({episode.region}, from {episode.plan.start})"


def load_episode(session: Session, runner: Runner, episode_id: int | None, day: date) -> Loaded:
    """The episode asked for, or the one plan in progress; with its state on ``day``."""
    query = select(InjuryEpisode).where(InjuryEpisode.runner_id == runner.id)
    if episode_id is not None:
        episode = session.scalars(query.where(InjuryEpisode.id == episode_id)).unique().one_or_none()
        if episode is None or episode.plan is None:
            raise NotFoundError(
                f"no plan with episode id {episode_id}", hint="runcoach plan show lists yours"
            )
    else:
        active = [e for e in session.scalars(query.where(InjuryEpisode.ended.is_(None))).unique() if e.plan]
        if not active:
            raise NotFoundError("no return-to-run plan in progress", hint=f"start one: {START_HINT}")
        if len(active) > 1:
            raise UsageError(
                "more than one plan is in progress: " + "; ".join(describe_episode(e) for e in active),
                hint="pick one with --episode ID",
            )
        episode = active[0]
    stored = episode.plan
    assert stored is not None
    plan = load_plans().plan(stored.plan_id)
    if day < stored.start:
        raise UsageError(f"the plan starts on {stored.start}, after {day}", hint="pick a day from its start")
    return Loaded(episode, stored, plan, state_of(stored, plan, day))


@dataclass(frozen=True)
class PlanDay:
    """What one plan in progress has on a day, for the today-check."""

    plan: str  # the plan's name
    kind: PlanDayKind
    phase: str | None
    session: str | None  # the session's title or first line


def plan_days(*, db: Database, day: date, runner_id: int | None = None) -> list[PlanDay]:
    """Every plan in progress on ``day`` and what it has that day (finished plans say nothing)."""
    plans = load_plans()
    out: list[PlanDay] = []
    with db.session() as session:
        runner = get_runner(session, runner_id)
        query = select(InjuryEpisode).where(
            InjuryEpisode.runner_id == runner.id, InjuryEpisode.ended.is_(None)
        )
        for episode in session.scalars(query).unique():
            if episode.plan is None or day < episode.plan.start:
                continue
            plan = plans.plan(episode.plan.plan_id)
            state = state_of(episode.plan, plan, day)
            item = state.today_item
            if state.status == "stopped":
                out.append(PlanDay(plan.name, "stopped", state.phase_name, None))
            elif state.status == "active" and item is not None:
                session_ = item.session
                kind: PlanDayKind = "gate" if item.kind == "gate" or session_ is None else session_.kind
                headline = session_headline(session_) if session_ is not None else None
                out.append(PlanDay(plan.name, kind, item.phase_name, headline))
    return out


def plan_today(
    *,
    db: Database,
    day: str | None = None,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> TodayView:
    """Today's session (or readiness test) with its cues, tips, alternatives and open checks."""
    when = the_day(day, now or local_now())
    with db.session() as session:
        loaded = load_episode(session, get_runner(session, runner_id), episode_id, when)
        return today_view(loaded.view, loaded.plan, loaded.state)


def show_plan(
    *,
    db: Database,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> PlanView:
    """The whole plan: status, the days ahead, every change it made and every report."""
    when = (now or local_now()).date()
    with db.session() as session:
        loaded = load_episode(session, get_runner(session, runner_id), episode_id, when)
        return plan_view(loaded.view, loaded.plan, loaded.state, loaded.stored)


def export_plan_ics(
    *,
    db: Database,
    path: Path,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> IcsExport:
    """Write the plan from today on as an RFC 5545 calendar; exporting again after the plan has
    adapted updates the same events (UIDs are per episode and day)."""
    from runcoach.plans.ics import calendar_id, to_ics

    if path.is_dir():
        raise UsageError(f"{path} is a folder", hint="give a file name, e.g. plan.ics")
    when = (now or local_now()).date()
    with db.session() as session:
        loaded = load_episode(session, get_runner(session, runner_id), episode_id, when)
    state = loaded.state
    data = to_ics(state, loaded.plan, instance=f"{calendar_id(state)}-e{loaded.episode.id}")
    path.write_bytes(data)
    return IcsExport(str(path), loaded.episode.id, len(state.schedule), len(state.changes))
