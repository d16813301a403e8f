"""Fixtures for the plan engine: a small test plan, the packaged plans, and simulated runners."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest

from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.loader import load_knowledge
from runcoach.knowledge.plan_build import load_plans_from
from runcoach.knowledge.plans import Plan, Plans, load_plans
from runcoach.plans.engine import plan_state
from runcoach.plans.types import PlanEvent, PlanSetup, PlanState, ScheduledDay

DATA = Path(__file__).resolve().parent / "data"
START = date(2026, 3, 2)


@pytest.fixture(scope="session")
def mini() -> Plan:
    """2 rest days; a gate of two checks (hold 2 days); 3 walks (overdue after 4 days); then
    14 days alternating a run (10 minutes, +5 a week) and cross-training. 20 days in all."""
    return load_plans_from(DATA, load_knowledge(), load_guidance())["mini"]


@pytest.fixture(scope="session")
def plans() -> Plans:
    return load_plans()


def day(n: int) -> date:
    """Day ``n`` of a plan started on START (day 1 is START)."""
    return START + timedelta(days=n - 1)


def variants() -> Iterator[tuple[str, int | None]]:
    """Every packaged plan with each of its grades."""
    for plan in load_plans().values():
        for grade in [g.grade for g in plan.grades] or [None]:
            yield plan.id, grade


@dataclass
class Runner:
    """A simulated runner who follows a plan day by day and reports like a person would.

    Each morning they report pain (1 out of 10 when all is well); they do whatever the day holds
    and say so; at a gate they confirm every check. ``flares`` sessions of phase ``flare_phase``
    leave them sore the next morning (6 out of 10); the first ``fail_gates`` gate attempts fail
    on their first check.
    """

    plan: Plan
    setup: PlanSetup
    flare_phase: str | None = None
    flares: int = 0
    fail_gates: int = 0
    events: list[PlanEvent] = field(default_factory=list)
    states: list[PlanState] = field(default_factory=list)

    def run(self, limit: int = 500) -> PlanState:
        today = self.setup.start
        for _ in range(limit):
            state = plan_state(self.plan, self.setup, self.events, today)
            self.states.append(state)
            if state.status == "finished":
                return state
            assert state.today_item is not None
            self._do(state.today_item, today)
            today += timedelta(days=1)
        raise AssertionError(f"{self.plan.id} did not finish within {limit} days")

    def _do(self, item: ScheduledDay, today: date) -> None:
        sore = False
        if item.kind == "gate":
            failing = self.fail_gates > 0
            self.fail_gates -= 1 if failing else 0
            for i, check in enumerate(item.checks):
                self.events.append(PlanEvent(today, "check", check=check.id, passed=not (failing and i == 0)))
        else:
            self.events.append(PlanEvent(today, "done"))
            assert item.session is not None
            if self.flares and item.phase_id == self.flare_phase and item.session.kind != "rest":
                self.flares -= 1
                sore = True
        self.events.append(PlanEvent(today + timedelta(days=1), "pain", pain=6 if sore else 1))


RunnerFactory = Callable[..., Runner]
