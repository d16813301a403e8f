"""Simulated runners through stored plans (service layer, both databases): one heals on schedule,
one flares twice and ends later, one fails a readiness test and is held."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runcoach.knowledge.plans import load_plans
from runcoach.log.db import Database
from runcoach.services.plan_start import start_plan
from runcoach.services.plans import show_plan
from tests.services.plan_helpers import START, StoredRunner, at

VARIANTS = [("calf_strain", 2), ("calf_strain", 3), ("shin_splints", 1), ("ab_strain", 1)]
IDS = [f"{p}-g{g}" for p, g in VARIANTS]


def _kinds(db: Database) -> list[str]:
    return [c["kind"] for c in show_plan(db=db, now=at(START + timedelta(days=400))).changes]


@pytest.mark.parametrize(("plan_id", "grade"), VARIANTS, ids=IDS)
def test_a_runner_who_heals_on_schedule_ends_on_the_planned_day(
    db: Database, plan_id: str, grade: int
) -> None:
    planned = start_plan(db=db, plan=plan_id, grade=grade, now=at(START)).planned_end
    runner = StoredRunner(db)
    final = runner.run()
    assert final.status == "finished"
    assert final.day == planned + timedelta(days=1)  # the morning after the last session
    assert set(_kinds(db)) <= {"advanced", "gate_passed", "finished"}
    assert any(c["kind"] == "finished" for r in runner.reports for c in r.changes)


@pytest.mark.parametrize(("plan_id", "grade"), VARIANTS, ids=IDS)
def test_a_runner_who_flares_twice_is_stepped_back_and_ends_later(
    db: Database, plan_id: str, grade: int
) -> None:
    planned = start_plan(db=db, plan=plan_id, grade=grade, now=at(START)).planned_end
    last = load_plans()[plan_id].phases_for(grade)[-1]
    final = StoredRunner(db, flare_phase=last.id, flares=2).run()
    kinds = _kinds(db)
    assert kinds.count("repeated") == 1 and kinds.count("stepped_back") == 1
    assert kinds.index("repeated") < kinds.index("stepped_back")
    assert final.status == "finished" and final.day > planned + timedelta(days=1)


def test_a_flare_shows_up_as_a_repeat_the_next_morning(db: Database) -> None:
    start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    last = load_plans()["calf_strain"].phases_for(2)[-1]
    runner = StoredRunner(db, flare_phase=last.id, flares=1)
    runner.run()
    [flare] = [r for r in runner.reports if any(c["kind"] == "repeated" for c in r.changes)]
    assert flare.report["kind"] == "pain" and flare.report["pain"] == 6
    assert flare.today.item is not None and flare.today.item["repeat"] is True
    assert "rose from 1 to 6" in flare.changes[0]["text"]


def test_a_runner_who_fails_a_readiness_test_is_held_with_what_to_work_on(db: Database) -> None:
    planned = start_plan(db=db, plan="calf_strain", grade=2, now=at(START)).planned_end
    runner = StoredRunner(db, fail_gates=1)
    final = runner.run()
    [failed] = [r for r in runner.reports if any(c["kind"] == "gate_failed" for c in r.changes)]
    work_on = failed.changes[0]["work_on"]
    assert work_on and failed.changes[0]["text"].startswith("Not ready for")
    held = [d for d in runner.days if d.item is not None and d.item["kind"] == "hold"]
    gate = load_plans()["calf_strain"].phases_for(2)[1].gate
    assert gate is not None and len(held) == gate.hold_days
    assert all(d.item is not None and d.item["work_on"] == work_on for d in held)
    assert final.status == "finished"
    assert final.day == planned + timedelta(days=1 + gate.hold_days + 1)  # held, then tested again
