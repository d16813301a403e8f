"""Return-to-run plans as data: ``knowledge/data/plans/*.yaml``, loaded into self-contained plans.

The files (schema in :mod:`runcoach.knowledge.plan_models`) cite article sections, guidance figures,
condition exercises and shared readiness checks by reference. ``load_plans()`` validates every file,
resolves every reference against the knowledge base and guidance.yaml, and returns :class:`Plan`
objects that carry the resolved text, numbers and sources, so the plan engine needs nothing else.
Any problem raises :class:`~runcoach.errors.KnowledgeError` with lines of the form
``plans/<file>: <plan id>: <field>: <problem>``; nothing loads half-way.

Vocabulary: a plan has *phases*; a phase repeats its *sessions* (one a day) for ``min_days`` days,
may open with a *gate* (readiness checks every one of which the runner must confirm), and is
*overdue* after ``max_days``. *Adapt* rules say when next-day pain repeats a session and how many
such flares step back a phase.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from runcoach.errors import NotFoundError
from runcoach.knowledge.guidance import Amount, Interval
from runcoach.knowledge.models import Id, Text
from runcoach.knowledge.plan_models import CrossTraining, PlanModel, SessionKind

PLANS_DIR = "plans"


class Citation(PlanModel):
    """An article and the heading path of the section a fact comes from."""

    article: Id
    section: Text


class Note(PlanModel):
    """A cue, tip or stop sign in the project's own words, with its source."""

    text: Text
    source: Citation


class Check(PlanModel):
    """A readiness check: what to confirm, the target where the articles give one, and what to work on."""

    id: Id
    text: Text
    amount: Amount | None = None
    source: Citation
    work_on: Text
    work_source: Citation


class GateCheck(PlanModel):
    check: Check
    #: only for these grades (empty: every grade)
    grades: tuple[int, ...] = ()


class Gate(PlanModel):
    checks: tuple[GateCheck, ...] = Field(min_length=1)
    hold_days: int = Field(ge=1)
    source: Citation

    def checks_for(self, grade: int | None) -> tuple[Check, ...]:
        return tuple(c.check for c in self.checks if not c.grades or grade in c.grades)


class Exercise(PlanModel):
    """An exercise with how to do it (from a condition's advice or a plans catalogue) and its dose."""

    name: Text
    how: Text
    sets: int | None = None
    amount: Amount | None = None
    per_side: bool = False
    note: Text | None = None
    source: Citation
    #: only for these conditions (empty: every condition of the plan)
    conditions: tuple[Id, ...] = ()


class Session(PlanModel):
    kind: SessionKind
    title: Text
    text: Text
    source: Citation
    minutes: float | None = None
    warm_up_walk_minutes: float | None = None
    intervals: tuple[Interval, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    #: alternatives for a cross-training day (the plan's options)
    cross_training: tuple[CrossTraining, ...] = ()


class PhaseDays(PlanModel):
    min_days: int = Field(ge=1)
    max_days: int | None = Field(default=None, ge=1)


class Progression(PlanModel):
    add_minutes_per_week: float | None = None
    weekly_increase_pct: float | None = None
    cutback_every_weeks: int | None = None
    source: Citation


class Phase(PlanModel):
    id: Id
    name: Text
    goal: Text
    source: Citation
    days: PhaseDays
    by_grade: dict[int, PhaseDays] = Field(default_factory=dict)
    grades: tuple[int, ...] = ()
    gate: Gate | None = None
    sessions: tuple[Session, ...] = Field(min_length=1)
    progression: Progression | None = None
    cues: tuple[Note, ...] = ()
    tips: tuple[Note, ...] = ()

    def applies_to(self, grade: int | None) -> bool:
        return not self.grades or grade in self.grades

    def days_for(self, grade: int | None) -> PhaseDays:
        return self.by_grade.get(grade, self.days) if grade is not None else self.days


class Grade(PlanModel):
    grade: int
    label: Text
    condition: Id | None = None


class Adapt(PlanModel):
    repeat_if_pain_rises_by: int
    repeat_if_pain_above: int
    step_back_after_flares: int
    source: Citation


class Plan(PlanModel):
    id: Id
    name: Text
    summary: Text
    source: Citation
    conditions: tuple[Id, ...]
    grades: tuple[Grade, ...] = ()
    adapt: Adapt
    cross_training: tuple[CrossTraining, ...] = ()
    cues: tuple[Note, ...] = ()
    stop_signs: tuple[Note, ...]
    phases: tuple[Phase, ...]
    then: Id | None = None
    #: who to see when a stop sign shows up (from the conditions' advice)
    professionals: tuple[Text, ...] = ()

    def phases_for(self, grade: int | None) -> tuple[Phase, ...]:
        return tuple(p for p in self.phases if p.applies_to(grade))

    def grade_for_condition(self, condition_id: str) -> int | None:
        return next((g.grade for g in self.grades if g.condition == condition_id), None)


@dataclass(frozen=True)
class Plans(Mapping[str, Plan]):
    """Every plan by id, with look-ups by condition."""

    by_id: dict[str, Plan]

    def __getitem__(self, plan_id: str) -> Plan:
        return self.by_id[plan_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_id)

    def __len__(self) -> int:
        return len(self.by_id)

    def plan(self, plan_id: str) -> Plan:
        try:
            return self.by_id[plan_id]
        except KeyError:
            known = ", ".join(sorted(self.by_id))
            raise NotFoundError(f"unknown plan id {plan_id!r}", hint=f"plans: {known}") from None

    def for_condition(self, condition_id: str) -> tuple[Plan, ...]:
        """The plans that serve a condition (usually one)."""
        return tuple(p for p in self.by_id.values() if condition_id in p.conditions)


def load_plans(data_dir: Path | None = None) -> Plans:
    """Load, resolve and check every plan (cached for the packaged data)."""
    if data_dir is None:
        return _load_packaged()
    from runcoach.knowledge.guidance import load_guidance
    from runcoach.knowledge.loader import load_knowledge
    from runcoach.knowledge.plan_build import load_plans_from

    root = Path(data_dir)
    return load_plans_from(root, load_knowledge(root), load_guidance(root))


@functools.cache
def _load_packaged() -> Plans:
    from runcoach.knowledge.guidance import load_guidance
    from runcoach.knowledge.loader import default_data_dir, load_knowledge
    from runcoach.knowledge.plan_build import load_plans_from

    return load_plans_from(default_data_dir(), load_knowledge(), load_guidance())
