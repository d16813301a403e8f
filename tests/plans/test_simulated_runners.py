"""Simulated runners through every plan and grade: on schedule, flaring twice, failing a gate."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runcoach.knowledge.plans import Plans
from runcoach.plans.engine import plan_state
from runcoach.plans.types import PlanSetup
from tests.plans.conftest import START, Runner, variants

VARIANTS = list(variants())
IDS = [f"{plan}-g{grade}" if grade else plan for plan, grade in VARIANTS]


@pytest.mark.parametrize(("plan_id", "grade"), VARIANTS, ids=IDS)
def test_a_runner_who_heals_on_schedule_finishes_on_the_planned_date(
    plans: Plans, plan_id: str, grade: int | None
) -> None:
    plan = plans[plan_id]
    setup = PlanSetup(START, grade=grade)
    planned = plan_state(plan, setup, [], START)
    runner = Runner(plan, setup)
    final = runner.run()
    assert final.expected_end == planned.planned_end == planned.expected_end
    assert {c.kind for c in final.changes} <= {"advanced", "gate_passed", "finished"}
    assert final.changes[-1].kind == "finished"
    assert final.then == plan.then
    # each day the runner lived is the day the untouched plan had scheduled for that date
    lived = [(s.today, s.today_item.phase_id, s.today_item.kind) for s in runner.states if s.today_item]
    assert lived == [(d.on, d.phase_id, d.kind) for d in planned.schedule]


@pytest.mark.parametrize(("plan_id", "grade"), VARIANTS, ids=IDS)
def test_a_runner_who_flares_twice_steps_back_and_finishes_later(
    plans: Plans, plan_id: str, grade: int | None
) -> None:
    plan = plans[plan_id]
    setup = PlanSetup(START, grade=grade)
    last = plan.phases_for(grade)[-1]
    planned = plan_state(plan, setup, [], START)
    final = Runner(plan, setup, flare_phase=last.id, flares=2).run()
    kinds = [c.kind for c in final.changes]
    assert kinds.count("repeated") == 1
    assert kinds.count("stepped_back") == 1
    assert kinds.index("repeated") < kinds.index("stepped_back")
    stepped = next(c for c in final.changes if c.kind == "stepped_back")
    previous = plan.phases_for(grade)[-2]
    assert previous.name in stepped.text
    assert final.expected_end is not None and planned.expected_end is not None
    assert final.expected_end > planned.expected_end
    assert final.status == "finished"


@pytest.mark.parametrize(("plan_id", "grade"), VARIANTS, ids=IDS)
def test_a_runner_who_fails_a_gate_is_held_then_passes(plans: Plans, plan_id: str, grade: int | None) -> None:
    plan = plans[plan_id]
    setup = PlanSetup(START, grade=grade)
    planned = plan_state(plan, setup, [], START)
    runner = Runner(plan, setup, fail_gates=1)
    final = runner.run()
    failed = next(c for c in final.changes if c.kind == "gate_failed")
    assert failed.work_on and all(failed.work_on)
    passed_after = [c for c in final.changes if c.kind == "gate_passed" and c.on > failed.on]
    assert passed_after
    held = [s.today_item for s in runner.states if s.today_item is not None and s.today_item.kind == "hold"]
    gate = next(p.gate for p in plan.phases_for(grade) if p.gate is not None and p.gate.checks_for(grade))
    assert gate is not None
    assert len(held) == gate.hold_days
    assert all(h.work_on == failed.work_on for h in held)
    assert final.expected_end == planned.planned_end + timedelta(days=gate.hold_days + 1)
