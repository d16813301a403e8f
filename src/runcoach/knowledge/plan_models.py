"""The schema of ``knowledge/data/plans/*.yaml``: return-to-run plans as written, with references.

A plan file refers to things that live elsewhere instead of repeating them:

- ``src``: a section key of the file's ``article`` (``load``) or ``article/key`` (``hip_pain/sf_return``),
  resolved against the ``sections`` of ``conditions/<article>.yaml``;
- ``guidance``: a path into ``guidance.yaml`` (``readiness.effort``, ``cadence.cues[2]``,
  ``readiness.checks[single_leg_calf_raises]``) for every figure the articles give;
- ``exercise``: an id of a plans file's ``exercises`` catalogue, or ``condition_id/Exercise name``
  for an exercise of a condition's advice;
- gate checks: ids of a plans file's ``checks`` catalogue (which may wrap a guidance readiness check).

:mod:`runcoach.knowledge.plan_build` resolves all of these into self-contained
:class:`~runcoach.knowledge.plans.Plan` objects when the files load, so the plan engine needs
nothing else from the knowledge base.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from runcoach.knowledge.guidance import Amount, Interval
from runcoach.knowledge.models import Id, Strict, Text

#: ``key`` (of the file's article) or ``article/key``
Src = Annotated[str, StringConstraints(pattern=r"^([a-z][a-z0-9_]*/)?[a-z][a-z0-9_]*$")]
#: a dotted path into guidance.yaml; list items by id, day or index: ``readiness.checks[walk_30_minutes]``
GuidancePath = Annotated[
    str, StringConstraints(pattern=r"^[a-z_]+(\[[a-z0-9_]+\])?(\.[a-z_]+(\[[a-z0-9_]+\])?)*$")
]

SessionKind = Literal["rest", "walk", "walk_jog", "run", "cross_train", "strength"]
#: the training kinds of the log exchange format that plans suggest as alternatives to running
CrossTraining = Literal["cycling", "swimming", "pool_running", "elliptical"]
Pick = Literal["low", "high"]


class PlanModel(Strict):
    """Base of every plan model: unknown fields are errors, instances are immutable, and values are
    taken as written (pydantic strict mode: no quietly turning "10" into 10)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class GuidanceRef(PlanModel):
    """A figure of guidance.yaml, used by reference; ``pick`` chooses an end of a range."""

    guidance: GuidancePath
    pick: Pick | None = None


class NoteSpec(PlanModel):
    """A cue, tip or stop sign: own words with ``src``, or a guidance tip or figure.

    With ``guidance`` pointing at a figure, ``text`` may say ``{amount}`` where the figure goes
    ("Keep the effort at {amount}"); pointing at a tip, ``text`` may be left out.
    """

    text: Text | None = None
    src: Src | None = None
    guidance: GuidancePath | None = None

    @model_validator(mode="after")
    def _sourced(self) -> NoteSpec:
        if self.guidance is None and (self.text is None or self.src is None):
            raise ValueError("give text and src, or a guidance path")
        if self.guidance is not None and self.src is not None:
            raise ValueError("a guidance item carries its own source; drop src")
        if self.guidance is None and self.text is not None and "{amount}" in self.text:
            raise ValueError("{amount} needs a guidance figure")
        return self


class CheckSpec(PlanModel):
    """A readiness check a runner confirms at a gate, with what to work on when it fails."""

    id: Id
    #: a readiness check of guidance.yaml (its text, amount and source are used)
    guidance_check: Id | None = None
    text: Text | None = None
    #: a guidance figure that is the target of this check; ``text`` may say ``{amount}``
    figure: GuidanceRef | None = None
    src: Src | None = None
    work_on: Text
    work_src: Src | None = None

    @model_validator(mode="after")
    def _one_shape(self) -> CheckSpec:
        if self.guidance_check is not None:
            if self.text is not None or self.figure is not None or self.src is not None:
                raise ValueError("a guidance_check brings its own text and source; drop text, figure and src")
            return self
        if self.text is None or (self.src is None and self.figure is None):
            raise ValueError("give guidance_check, or text with src (or a figure)")
        if "{amount}" in self.text and self.figure is None:
            raise ValueError("{amount} needs a figure")
        return self


class ExerciseSpec(PlanModel):
    """An exercise the condition files do not describe, in the project's own words."""

    id: Id
    name: Text
    how: Text
    src: Src


class DoseSpec(PlanModel):
    """An exercise in a session, with the dose the articles give (never an invented one)."""

    #: an id of an ``exercises`` catalogue, or ``condition_id/Exercise name``
    exercise: Text
    sets: int | None = Field(default=None, ge=1, le=10)
    amount: Amount | GuidanceRef | None = None
    per_side: bool = False
    note: Text | None = None
    #: only for these conditions of the plan (empty: for all)
    conditions: list[Id] = Field(default_factory=list)


class SessionSpec(PlanModel):
    """One day of a phase: the main activity plus any strength or mobility work."""

    kind: SessionKind
    title: Text | None = None
    #: minutes of the main activity (walk, run or cross-training)
    minutes: int | GuidanceRef | None = None
    warm_up_walk_minutes: int | None = Field(default=None, gt=0)
    intervals: list[Interval] = Field(default_factory=list)
    #: a day of guidance ``readiness.walk_jog_first_week``: its intervals and text are used
    guidance_day: int | None = Field(default=None, ge=1)
    exercises: list[DoseSpec] = Field(default_factory=list)
    text: Text | None = None
    src: Src | None = None

    @model_validator(mode="after")
    def _complete(self) -> SessionSpec:
        if self.guidance_day is not None:
            if self.kind not in ("walk_jog", "run", "rest", "cross_train"):
                raise ValueError("guidance_day is for walk_jog, run, rest or cross_train days")
            if self.intervals or self.text is not None:
                raise ValueError("guidance_day brings its own intervals and text")
            return self
        if self.text is None or self.src is None:
            raise ValueError("a session needs text and src (or a guidance_day)")
        if self.kind == "walk_jog" and not self.intervals:
            raise ValueError("a walk_jog session needs intervals")
        if self.kind == "strength" and not self.exercises:
            raise ValueError("a strength session needs exercises")
        return self


class GateCheckRef(PlanModel):
    """A gate check that applies only to some grades."""

    check: Id
    grades: list[int] = Field(min_length=1)


class GateSpec(PlanModel):
    """Readiness checks the runner confirms before a phase starts; failing one holds the previous phase."""

    checks: list[Id | GateCheckRef] = Field(min_length=1)
    #: days of the previous phase's work before the runner tests again
    hold_days: int | GuidanceRef
    src: Src


class PhaseDaysSpec(PlanModel):
    #: the planned length of the phase (its sessions repeat to fill it)
    min_days: int | GuidanceRef
    #: past this, the phase is taking longer than the articles expect: get it checked
    max_days: int | GuidanceRef | None = None


class ProgressionSpec(PlanModel):
    """How run minutes grow inside a phase: minutes added each week, or a weekly percentage."""

    add_minutes_per_week: GuidanceRef | None = None
    weekly_increase: GuidanceRef | None = None
    cutback_every: GuidanceRef | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> ProgressionSpec:
        if (self.add_minutes_per_week is None) == (self.weekly_increase is None):
            raise ValueError("give add_minutes_per_week or weekly_increase")
        if self.cutback_every is not None and self.weekly_increase is None:
            raise ValueError("cutback_every goes with weekly_increase")
        return self


class PhaseSpec(PhaseDaysSpec):
    id: Id
    name: Text
    goal: Text
    src: Src
    #: only for these grades (empty: every grade of the plan)
    grades: list[int] = Field(default_factory=list)
    by_grade: dict[int, PhaseDaysSpec] = Field(default_factory=dict)
    gate: GateSpec | None = None
    sessions: list[SessionSpec] = Field(min_length=1)
    progression: ProgressionSpec | None = None
    cues: list[NoteSpec] = Field(default_factory=list)
    tips: list[NoteSpec] = Field(default_factory=list)


class GradeSpec(PlanModel):
    """A grade or severity the plan covers; ``condition`` when the grade is its own condition id."""

    grade: int = Field(ge=1, le=4)
    label: Text
    condition: Id | None = None


class CrossTrainingSpec(PlanModel):
    options: list[CrossTraining] = Field(min_length=1)
    src: Src


class AdaptSpec(PlanModel):
    """When next-day pain repeats a session, and how many flares step back a phase."""

    repeat_if_pain_rises_by: int = Field(ge=1, le=10)
    repeat_if_pain_above: int | GuidanceRef
    step_back_after_flares: int = Field(ge=1, le=5)
    src: Src


class PlanSpec(PlanModel):
    id: Id
    name: Text
    summary: Text
    src: Src
    conditions: list[Id] = Field(min_length=1)
    grades: list[GradeSpec] = Field(default_factory=list)
    adapt: Id
    cross_training: CrossTrainingSpec | None = None
    cues: list[NoteSpec] = Field(default_factory=list)
    stop_signs: list[NoteSpec] = Field(min_length=1)
    phases: list[PhaseSpec] = Field(min_length=2)
    #: the plan a runner continues with when this one ends
    then: Id | None = None


class PlansFile(PlanModel):
    """``plans/<name>.yaml``: plans plus the checks, exercises and rules they share (by id, across files)."""

    schema_version: Literal[1]
    #: the article a bare ``src`` key belongs to
    article: Id | None = None
    checks: list[CheckSpec] = Field(default_factory=list)
    exercises: list[ExerciseSpec] = Field(default_factory=list)
    adapt_rules: dict[Id, AdaptSpec] = Field(default_factory=dict)
    plans: list[PlanSpec] = Field(default_factory=list)
