"""Lay a plan out as its planned sequence of steps, one a day: gates, then each phase's sessions.

Sessions repeat in their phase's pattern to fill ``min_days``. Run minutes grow by the phase's
progression: a fixed number of minutes a week, or a weekly percentage of the week's total run time
with an easier week every few weeks (the 10% rule with cutback weeks). Every step is fixed here;
the engine only moves through them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from runcoach.errors import UsageError
from runcoach.knowledge.plans import Check, Phase, Plan, Session
from runcoach.plans.types import PlanSetup


@dataclass(frozen=True, slots=True)
class Step:
    """One planned day: a gate (``checks``) or a session, with its phase."""

    phase_index: int
    phase: Phase
    session: Session | None = None
    checks: tuple[Check, ...] = ()
    #: 1-based day within the phase's sessions (0 for a gate)
    day: int = 0
    phase_days: int = 0

    @property
    def is_gate(self) -> bool:
        return self.session is None


def check_setup(plan: Plan, setup: PlanSetup) -> PlanSetup:
    """The setup with its condition filled in from the grade, or a clear error."""
    grades = {g.grade: g for g in plan.grades}
    if grades and setup.grade not in grades:
        raise UsageError(
            f"plan {plan.id!r} needs a grade: one of {', '.join(map(str, sorted(grades)))}",
            hint="; ".join(f"{g.grade} = {g.label}" for g in plan.grades),
        )
    if not grades and setup.grade is not None:
        raise UsageError(f"plan {plan.id!r} has no grades; leave the grade out")
    condition = setup.condition
    if condition is None and setup.grade is not None:
        condition = grades[setup.grade].condition
    if condition is not None and condition not in plan.conditions:
        raise UsageError(
            f"plan {plan.id!r} is not for {condition!r}", hint=f"it serves {', '.join(plan.conditions)}"
        )
    if setup.base_run_minutes is not None and not 1 <= setup.base_run_minutes <= 300:
        raise UsageError(f"a base run of {setup.base_run_minutes:g} minutes is not plausible (1-300)")
    return PlanSetup(setup.start, setup.grade, condition, setup.base_run_minutes)


def expand(plan: Plan, setup: PlanSetup) -> tuple[Step, ...]:
    """Every planned step of the plan for this setup, in order."""
    steps: list[Step] = []
    weekly = _WeeklyVolume(setup.base_run_minutes)
    for index, phase in enumerate(plan.phases_for(setup.grade)):
        checks = phase.gate.checks_for(setup.grade) if phase.gate is not None else ()
        if checks:
            steps.append(Step(index, phase, checks=checks))
        days = phase.days_for(setup.grade).min_days
        sessions = [
            _for_condition(phase.sessions[d % len(phase.sessions)], setup.condition) for d in range(days)
        ]
        sessions = _progress(phase, sessions, weekly)
        steps.extend(
            Step(index, phase, session=s, day=d + 1, phase_days=days) for d, s in enumerate(sessions)
        )
    return tuple(steps)


def _for_condition(session: Session, condition: str | None) -> Session:
    if condition is None or all(not e.conditions for e in session.exercises):
        return session
    kept = tuple(e for e in session.exercises if not e.conditions or condition in e.conditions)
    return session.model_copy(update={"exercises": kept})


def _is_timed_run(session: Session) -> bool:
    return session.kind == "run" and session.minutes is not None


def _progress(phase: Phase, sessions: list[Session], weekly: _WeeklyVolume) -> list[Session]:
    progression = phase.progression
    if progression is None:
        return sessions
    if progression.add_minutes_per_week is not None:
        add = progression.add_minutes_per_week
        return [
            s.model_copy(update={"minutes": (s.minutes or 0) + add * (d // 7)}) if _is_timed_run(s) else s
            for d, s in enumerate(sessions)
        ]
    out: list[Session] = []
    for week_start in range(0, len(sessions), 7):
        week = sessions[week_start : week_start + 7]
        runs = [s for s in week if _is_timed_run(s)]
        per_run = weekly.next_week(
            runs, progression.weekly_increase_pct or 0, progression.cutback_every_weeks
        )
        out.extend(s.model_copy(update={"minutes": per_run}) if _is_timed_run(s) else s for s in week)
    return out


class _WeeklyVolume:
    """Weekly run time across a plan: at most ``pct`` more than the last building week; every
    ``cutback_every``-th week drops back to the level the block started at."""

    def __init__(self, base_run_minutes: float | None) -> None:
        self.base_run_minutes = base_run_minutes
        self.week = 0
        self.last_build = 0.0
        self.block_start = 0.0

    def next_week(self, runs: list[Session], pct: float, cutback_every: int | None) -> float:
        count = max(len(runs), 1)
        if self.week == 0:
            base = self.base_run_minutes or (runs[0].minutes if runs else None) or 0
            allowed = base * count
        elif cutback_every and self.week % cutback_every == cutback_every - 1:
            allowed = self.block_start
        else:
            allowed = self.last_build * (1 + pct / 100)
        per_run = float(math.floor(allowed / count + 1e-9))
        if not (cutback_every and self.week % cutback_every == cutback_every - 1):
            self.last_build = per_run * count
            if not cutback_every or self.week % cutback_every == 0:
                self.block_start = self.last_build
        self.week += 1
        return per_run
