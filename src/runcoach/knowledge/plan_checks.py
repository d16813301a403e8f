"""Checks across one whole plan: its conditions, grades, phases, gates and progressions fit together."""

from __future__ import annotations

from collections.abc import Callable

from runcoach.knowledge.loader import KnowledgeBase
from runcoach.knowledge.plan_models import PlanSpec
from runcoach.knowledge.plans import Phase, Plan

Fail = Callable[[str, str], None]


def check_plan(spec: PlanSpec, plan: Plan, kb: KnowledgeBase, fail: Fail) -> None:
    """Record every problem of ``plan`` through ``fail(field, message)``."""
    _conditions_and_grades(plan, kb, fail)
    _phases(plan, fail)
    grades: list[int | None] = [g.grade for g in plan.grades]
    for grade in grades or [None]:
        _route(plan, grade, fail)
    if spec.then == plan.id:
        fail("then", "a plan cannot continue with itself")


def _conditions_and_grades(plan: Plan, kb: KnowledgeBase, fail: Fail) -> None:
    for condition_id in plan.conditions:
        if condition_id not in kb.conditions:
            fail("conditions", f"unknown condition id {condition_id!r}")
    if len(set(plan.conditions)) != len(plan.conditions):
        fail("conditions", "a condition is listed twice")
    numbers = [g.grade for g in plan.grades]
    if len(set(numbers)) != len(numbers):
        fail("grades", "a grade is listed twice")
    for grade in plan.grades:
        if grade.condition is not None and grade.condition not in plan.conditions:
            fail(
                f"grades[{grade.grade}].condition", f"{grade.condition!r} is not one of the plan's conditions"
            )


def _phases(plan: Plan, fail: Fail) -> None:
    grades = {g.grade for g in plan.grades}
    seen: set[str] = set()
    for phase in plan.phases:
        where = f"phases[{phase.id}]"
        if phase.id in seen:
            fail(where, "phase id used twice in the plan")
        seen.add(phase.id)
        for name, used in (("grades", set(phase.grades)), ("by_grade", set(phase.by_grade))):
            if used - grades:
                fail(f"{where}.{name}", f"grades {sorted(used - grades)} are not grades of the plan")
        if phase.gate is not None:
            for i, gate_check in enumerate(phase.gate.checks):
                if set(gate_check.grades) - grades:
                    fail(f"{where}.gate.checks[{i}]", "names a grade the plan does not have")
        for i, session in enumerate(phase.sessions):
            for j, exercise in enumerate(session.exercises):
                extra = set(exercise.conditions) - set(plan.conditions)
                if extra:
                    fail(
                        f"{where}.sessions[{i}].exercises[{j}].conditions",
                        f"not conditions of the plan: {sorted(extra)}",
                    )
        _progression(phase, where, fail)


def _progression(phase: Phase, where: str, fail: Fail) -> None:
    if phase.progression is None:
        return
    if not any(s.kind == "run" and s.minutes for s in phase.sessions):
        fail(f"{where}.progression", "a progression needs run sessions with minutes to grow")


def _route(plan: Plan, grade: int | None, fail: Fail) -> None:
    """What a runner of this grade goes through: phases, a gate to hold them, and checks at each gate."""
    label = f"grade {grade}" if grade is not None else "the plan"
    phases = plan.phases_for(grade)
    if len(phases) < 2:
        fail("phases", f"{label} needs at least two phases")
        return
    if phases[0].gate is not None and phases[0].gate.checks_for(grade):
        fail(f"phases[{phases[0].id}].gate", f"the first phase of {label} cannot open with a gate")
    if not any(p.gate is not None and p.gate.checks_for(grade) for p in phases[1:]):
        fail("phases", f"{label} needs at least one gate (readiness checks before running again)")
