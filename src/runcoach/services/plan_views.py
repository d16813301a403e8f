"""What the plan services return: plain views of a stored plan and its state, each with ``to_json()``.

Built from the plan engine's :class:`~runcoach.plans.types.PlanState` and the plan data; every
sentence shown comes from the knowledge base (plans, guidance) or the engine's descriptions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from runcoach import DISCLAIMER
from runcoach.knowledge.plans import Check, Plan, Session
from runcoach.log.models_plans import EpisodePlan, InjuryEpisode, PlanReport
from runcoach.plans.describe import describe_day, describe_exercise, describe_intervals, session_headline
from runcoach.plans.types import Change, PlanState, ScheduledDay


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(frozen=True)
class EpisodeView:
    """An injury episode and the plan it follows."""

    id: int
    region: str
    condition: str | None
    grade: int | None
    started: date
    ended: date | None
    assessment_id: int | None
    plan_id: str
    plan_name: str
    start: date

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "region": self.region,
            "condition": self.condition,
            "grade": self.grade,
            "started": _day(self.started),
            "ended": _day(self.ended),
            "assessment_id": self.assessment_id,
            "plan": {"id": self.plan_id, "name": self.plan_name, "start": _day(self.start)},
        }


def episode_view(episode: InjuryEpisode, plan: Plan) -> EpisodeView:
    stored = episode.plan
    assert stored is not None
    return EpisodeView(
        id=episode.id,
        region=episode.region,
        condition=episode.condition,
        grade=episode.grade,
        started=episode.started,
        ended=episode.ended,
        assessment_id=episode.assessment_id,
        plan_id=plan.id,
        plan_name=plan.name,
        start=stored.start,
    )


def session_json(session: Session) -> dict[str, Any]:
    return {
        "kind": session.kind,
        "title": session.title,
        "headline": session_headline(session),
        "text": session.text,
        "minutes": session.minutes,
        "intervals": describe_intervals(session.intervals, session.warm_up_walk_minutes)
        if session.intervals
        else None,
        "exercises": [describe_exercise(e) for e in session.exercises],
        "cross_training": list(session.cross_training),
    }


def check_json(check: Check, confirmed: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": check.id, "text": check.text, "confirmed": check.id in confirmed}


def item_json(item: ScheduledDay, confirmed: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "date": item.on.isoformat(),
        "phase": item.phase_id,
        "phase_name": item.phase_name,
        "kind": item.kind,
        "status": item.status,
        "repeat": item.repeat,
        "day_in_phase": item.day_in_phase or None,
        "phase_days": item.phase_days or None,
        "session": session_json(item.session) if item.session is not None else None,
        "checks": [check_json(c, confirmed) for c in item.checks],
        "work_on": list(item.work_on),
    }


def change_json(change: Change) -> dict[str, Any]:
    return {
        "date": change.on.isoformat(),
        "kind": change.kind,
        "phase": change.phase_id,
        "text": change.text,
        "work_on": list(change.work_on),
    }


def report_json(report: PlanReport) -> dict[str, Any]:
    return {
        "date": report.day.isoformat(),
        "kind": report.kind,
        "pain": report.pain,
        "check": report.check_id,
        "passed": report.passed,
        "note": report.note,
    }


@dataclass(frozen=True)
class TodayView:
    """One day of the plan: the session or readiness test, with everything needed to do it."""

    episode: EpisodeView
    day: date
    status: str
    phase: dict[str, Any] | None
    item: dict[str, Any] | None
    #: the day as plain lines (session, exercises, cues, tips, stop signs): what a calendar shows
    lines: list[str]
    cues: list[str]
    tips: list[str]
    cross_training: list[str]
    open_checks: list[dict[str, Any]]
    next_gate: dict[str, Any] | None
    stop_signs: list[str]
    changes: list[dict[str, Any]]
    expected_end: date | None
    #: what the engine said when the current phase ran past its expected days (None: not overdue)
    overdue: str | None
    disclaimer: str = DISCLAIMER

    def to_json(self) -> dict[str, Any]:
        return {
            "episode": self.episode.to_json(),
            "date": self.day.isoformat(),
            "status": self.status,
            "phase": self.phase,
            "item": self.item,
            "cues": self.cues,
            "tips": self.tips,
            "cross_training": self.cross_training,
            "open_checks": self.open_checks,
            "next_gate": self.next_gate,
            "stop_signs": self.stop_signs,
            "changes": self.changes,
            "expected_end": _day(self.expected_end),
            "overdue": self.overdue,
            "lines": self.lines,
            "disclaimer": self.disclaimer,
        }


def confirmed_today(state: PlanState) -> tuple[str, ...]:
    """The checks of today's readiness test confirmed so far (all of them once it has passed)."""
    item = state.today_item
    if item is not None and item.kind == "gate" and item.status == "passed":
        return tuple(c.id for c in item.checks)
    return state.confirmed


def today_view(episode: EpisodeView, plan: Plan, state: PlanState) -> TodayView:
    item = state.today_item
    confirmed = confirmed_today(state)
    phase = next((p for p in plan.phases if p.id == state.phase_id), None)
    session = item.session if item is not None else None
    running = session is not None and session.kind in ("run", "walk_jog")
    cues = [*(c.text for c in plan.cues if running), *(c.text for c in (phase.cues if phase else ()))]
    cross: list[str] = list(session.cross_training) if session is not None else []
    if session is not None and not cross and session.kind != "rest":
        cross = list(plan.cross_training)
    gate = item if item is not None and item.kind == "gate" else None
    upcoming = next((d for d in state.schedule if d.kind == "gate" and d is not item), None)
    return TodayView(
        episode=episode,
        day=state.today,
        status=state.status,
        phase={"id": phase.id, "name": phase.name, "goal": phase.goal} if phase else None,
        item=item_json(item, confirmed) if item is not None else None,
        lines=describe_day(plan, item) if item is not None else [],
        cues=cues,
        tips=[t.text for t in (phase.tips if phase else ())],
        cross_training=cross,
        open_checks=[check_json(c) for c in (gate.checks if gate else ()) if c.id not in confirmed],
        next_gate=None
        if gate is not None or upcoming is None
        else {
            "date": upcoming.on.isoformat(),
            "phase_name": upcoming.phase_name,
            "checks": [check_json(c) for c in upcoming.checks],
        },
        stop_signs=[s.text for s in plan.stop_signs],
        changes=[change_json(c) for c in state.changes_on(state.today)],
        expected_end=state.expected_end,
        overdue=_overdue(state),
    )


def _overdue(state: PlanState) -> str | None:
    if not state.overdue:
        return None
    return next((c.text for c in reversed(state.changes) if c.kind == "overdue"), None)


@dataclass(frozen=True)
class PlanView:
    """A stored plan as a whole: where it stands, the days ahead, what changed and every report."""

    episode: EpisodeView
    summary: str
    status: str
    phase: dict[str, Any] | None
    today: dict[str, Any] | None
    schedule: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    reports: list[dict[str, Any]]
    planned_end: date
    expected_end: date | None
    overdue: bool
    then: str | None
    disclaimer: str = DISCLAIMER

    def to_json(self) -> dict[str, Any]:
        return {
            "episode": self.episode.to_json(),
            "summary": self.summary,
            "status": self.status,
            "phase": self.phase,
            "today": self.today,
            "planned_end": _day(self.planned_end),
            "expected_end": _day(self.expected_end),
            "overdue": self.overdue,
            "then": self.then,
            "schedule": self.schedule,
            "changes": self.changes,
            "reports": self.reports,
            "disclaimer": self.disclaimer,
        }


def plan_view(episode: EpisodeView, plan: Plan, state: PlanState, stored: EpisodePlan) -> PlanView:
    phase = next((p for p in plan.phases if p.id == state.phase_id), None)
    return PlanView(
        episode=episode,
        summary=plan.summary,
        status=state.status,
        phase={"id": phase.id, "name": phase.name, "goal": phase.goal} if phase else None,
        today=item_json(state.today_item, confirmed_today(state)) if state.today_item is not None else None,
        schedule=[item_json(d) for d in state.schedule],
        changes=[change_json(c) for c in state.changes],
        reports=[report_json(r) for r in stored.reports],
        planned_end=state.planned_end,
        expected_end=state.expected_end,
        overdue=state.overdue,
        then=state.then,
    )


@dataclass(frozen=True)
class ReportView:
    """A report just recorded, what the plan did about it, and the day as it now stands."""

    report: dict[str, Any]
    changes: list[dict[str, Any]]
    today: TodayView

    def to_json(self) -> dict[str, Any]:
        return {"report": self.report, "changes": self.changes, "today": self.today.to_json()}
