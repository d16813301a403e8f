"""The articles' numbers as data: ``knowledge/data/guidance.yaml``.

Every figure the coaching articles give that a feature computes from (fluids per pound of body
weight, sodium per hour, meal timing, heart rate, cadence, breathing rhythms, weather thresholds,
load rules, readiness checks, walk-jog plans, KT tape wear time) lives in one validated file. Each
number carries ``src`` (a key of the file's ``sources`` map, which names an article and a heading
path) and a short ``note`` in the project's own words.

``load_guidance()`` validates the file with the models below, then checks that every ``src``
resolves and every source names an article of ``meta.yaml``. Any problem raises
:class:`~runcoach.errors.KnowledgeError` naming the file, the key path and what is wrong.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from runcoach.knowledge.loader import Problems, default_data_dir, read_yaml, validate_model
from runcoach.knowledge.models import Id, Meta, Strict, Text

GUIDANCE_FILE = "guidance.yaml"

Unit = Literal[
    "fl_oz", "ml", "l", "fl_oz_per_lb", "lb", "mg_per_hour",
    "seconds", "minutes", "hours", "days", "weeks", "months",
    "bpm", "steps_per_minute", "degrees", "metres", "feet", "miles", "km",
    "percent", "celsius", "fahrenheit", "fahrenheit_change", "score_out_of_10",
    "reps", "puffs", "times_per_week", "days_per_week", "per_mile",
]  # fmt: skip


class Amount(Strict):
    """A number with its unit: one ``value``, or a range given by ``min`` and/or ``max``."""

    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: Unit

    @model_validator(mode="after")
    def _one_shape(self) -> Amount:
        ranged = self.min is not None or self.max is not None
        if (self.value is None) == (not ranged):
            raise ValueError("give either value, or min and/or max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self

    @property
    def low(self) -> float:
        """The smallest number this amount allows (the value itself when it is not a range)."""
        return next(v for v in (self.value, self.min, self.max) if v is not None)

    @property
    def high(self) -> float:
        """The largest number this amount allows."""
        return next(v for v in (self.value, self.max, self.min) if v is not None)


class Figure(Amount):
    """A number from an article: the amount, the same amount in other units, its source and a note."""

    #: the same figure in other units, where the article gives them (or a plain conversion)
    alt: list[Amount] = Field(default_factory=list)
    src: Id
    note: Text


class Tip(Strict):
    """A rule or piece of advice without a single number of its own."""

    text: Text
    src: Id


class FoodList(Strict):
    """Foods or drinks the article names for one purpose."""

    items: list[Text] = Field(min_length=1)
    src: Id
    note: Text


class Source(Strict):
    """Where a figure comes from: an article id of meta.yaml and a heading path (levels joined with " > ")."""

    article: Id
    section: Text


# --------------------------------------------------------------------------- sections


class Hydration(Strict):
    daily_per_body_weight: Figure
    daily_example: Figure
    pre_run: Figure
    pre_run_lead_time: Figure
    pre_run_top_up: Figure
    pre_run_top_up_lead_time: Figure
    carry_water_after: Figure
    sip_every: Figure
    long_or_hot_drink_every: Figure
    post_run: Figure
    post_run_within: Figure
    cold: list[Tip] = Field(min_length=1)
    heat: list[Tip] = Field(min_length=1)
    tips: list[Tip] = Field(min_length=1)

    def daily_fl_oz(self, body_weight_lb: float) -> float:
        """Daily fluid target in US fluid ounces for a body weight in pounds."""
        return body_weight_lb * self.daily_per_body_weight.high


class Electrolytes(Strict):
    sodium_per_hour: Figure
    salty_sweater_signs: list[Tip] = Field(min_length=1)
    potassium_sources: FoodList
    magnesium_sources: FoodList
    calcium_sources: FoodList
    tips: list[Tip] = Field(min_length=1)


class Meals(Strict):
    full_meal_wait: Figure
    snack_wait: Figure
    antacid_before: Figure
    acid_reducer_before: Figure
    light_pre_run_foods: FoodList
    reflux_triggers: FoodList
    heart_triggers: FoodList
    tips: list[Tip] = Field(min_length=1)


class HeartRate(Strict):
    max_hr_intercept: Figure
    max_hr_example: Figure
    resting_normal: Figure
    resting_well_trained: Figure
    moderate_effort: Figure
    resting_rise_warning: Figure
    racing_at_rest: Figure
    tips: list[Tip] = Field(min_length=1)

    def estimated_max_hr(self, age: int) -> int:
        """The rough age formula (220 minus age); a guide, not a measurement."""
        return round(self.max_hr_intercept.high) - age


class Cadence(Strict):
    target: Figure
    count_drill: Figure
    low_example: Figure
    elbow_angle: Figure
    look_ahead: Figure
    cues: list[Tip] = Field(min_length=1)


class BreathingRhythm(Strict):
    """Steps per inhale and per exhale; several numbers mean any of them (e.g. 3-4 steps)."""

    id: Id
    inhale_steps: list[int] = Field(min_length=1)
    exhale_steps: list[int] = Field(min_length=1)
    use: Text
    src: Id
    note: Text


class Breathing(Strict):
    rhythms: list[BreathingRhythm] = Field(min_length=1)
    nasal_start_in_cold: Figure
    talk_share: Figure
    drills: Figure
    tips: list[Tip] = Field(min_length=1)


class Weather(Strict):
    cold_air: Figure
    cold_air_cough: Figure
    freezing: Figure
    midday_warmer: Figure
    cold_warm_up: Figure
    altitude: Figure
    altitude_settle: Figure
    altitude_staging: Figure
    heat: list[Tip] = Field(min_length=1)
    pollen: list[Tip] = Field(min_length=1)


class Load(Strict):
    weekly_increase_max: Figure
    cutback_every: Figure
    itbs_cut: Figure
    itbs_time_off: Figure
    overtraining_cut: Figure
    soreness_rule: Figure
    mild_soreness_score: Figure
    rest_when_unsure: Figure
    strength_sessions: Figure
    strength_session_length: Figure
    stress_fracture_no_impact: Figure
    stress_fracture_rest_days_between_runs: Figure
    arthritis_run_days: Figure
    arthritis_cross_training_days: Figure
    arthritis_run_distance: Figure
    heel_lifts_per_mile: Figure
    above_the_neck: Tip
    below_the_neck: Tip
    too_much_too_soon: list[Tip] = Field(min_length=1)
    rules: list[Tip] = Field(min_length=1)


class ReadinessCheck(Strict):
    """A test to pass before running again; ``amount`` is the target where the article gives one."""

    id: Id
    text: Text
    amount: Amount | None = None
    src: Id


class GradeReturn(Strict):
    grade: Text
    meaning: Text
    run_again: Amount
    how: Text
    src: Id


class Interval(Strict):
    jog_minutes: float = Field(gt=0)
    walk_minutes: float = Field(default=0, ge=0)
    repeats_min: int = Field(default=1, ge=1)
    repeats_max: int | None = Field(default=None, ge=1)


class PlanDay(Strict):
    day: int = Field(ge=1)
    activity: Literal["walk_jog", "easy_jog", "rest_or_cross_train", "rest"]
    warm_up_walk_minutes: float | None = Field(default=None, gt=0)
    intervals: list[Interval] = Field(default_factory=list)
    text: Text
    src: Id

    @model_validator(mode="after")
    def _running_days_have_intervals(self) -> PlanDay:
        if self.activity in ("walk_jog", "easy_jog") and not self.intervals:
            raise ValueError(f"a {self.activity} day needs intervals")
        return self


class Stage(Strict):
    label: Text
    from_day: int = Field(ge=1)
    to_day: int | None = Field(default=None, ge=1)
    text: Text
    src: Id


class Readiness(Strict):
    checks: list[ReadinessCheck] = Field(min_length=1)
    calf_strain_return_by_grade: list[GradeReturn] = Field(min_length=1)
    walk_jog_starts_after: Figure
    walk_jog_first_week: list[PlanDay] = Field(min_length=1)
    effort: Figure
    rebuild_base: Figure
    rebuild_add_per_week: Figure
    rebuild_rules: list[Tip] = Field(min_length=1)
    calf_strain_rehab_stages: list[Stage] = Field(min_length=1)
    stress_fracture_return: list[Tip] = Field(min_length=1)


class KtTape(Strict):
    wear: Figure
    edges_lift_after: Figure
    application_time: Figure
    study_length: Figure
    steps: list[Tip] = Field(min_length=1)
    tips: list[Tip] = Field(min_length=1)


class Routines(Strict):
    """Warm-up, relief and recovery figures (ice, heat, stretch holds, elevation, ...)."""

    ice_after_run: Figure
    heat_before_run: Figure
    heat_before_massage: Figure
    elevate_legs: Figure
    foam_roll_pause: Figure
    gastroc_stretch_hold: Figure
    soleus_stretch_hold: Figure
    no_hard_stretching_after_strain: Figure
    heat_instead_of_ice_after: Figure
    start_moving_after_strain: Figure
    neck_warm_up: Figure
    head_tilts: Figure
    arm_circles: Figure
    neck_press_hold: Figure
    calf_warm_up: Figure
    core_circuit: Figure


class Cough(Strict):
    irritation_clears: Figure
    eib_clears: Figure
    eib_clears_with_inhaler: Figure
    allergy_cough_lasts: Figure
    not_normal_after: Figure
    inhaler_puffs_before: Figure
    warm_up: Figure


class Trigger(Strict):
    """When a pre-run tip applies; every condition given must hold."""

    temperature_c_at_most: float | None = None
    temperature_c_at_least: float | None = None
    humidity_pct_at_least: float | None = Field(default=None, ge=0, le=100)
    hot_or_humid: Literal[True] | None = None
    pollen: Literal["high"] | None = None
    hours_since_meal_below: float | None = Field(default=None, gt=0)
    illness: Literal["above_neck", "below_neck"] | None = None
    altitude_m_at_least: float | None = None
    soreness_score_at_least: int | None = Field(default=None, ge=1, le=10)
    resting_hr_rise_bpm_at_least: float | None = Field(default=None, gt=0)
    planned_minutes_at_least: float | None = Field(default=None, gt=0)
    time_of_day: Literal["morning", "midday", "evening"] | None = None
    pain_region: Id | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Trigger:
        if not any(v is not None for v in self.model_dump().values()):
            raise ValueError("a trigger needs at least one condition")
        return self


class PreRunTip(Strict):
    """A tip for the daily "should I run today?" check, shown when its trigger holds."""

    id: Id
    trigger: Trigger
    text: Text
    src: Id


class Guidance(Strict):
    """``guidance.yaml``: the articles' numbers, each with its source."""

    schema_version: Literal[1]
    sources: dict[Id, Source] = Field(min_length=1)
    hydration: Hydration
    electrolytes: Electrolytes
    meals: Meals
    heart_rate: HeartRate
    cadence: Cadence
    breathing: Breathing
    weather: Weather
    load: Load
    readiness: Readiness
    kt_tape: KtTape
    routines: Routines
    cough: Cough
    pre_run_tips: list[PreRunTip] = Field(min_length=1)


# --------------------------------------------------------------------------- loading


def load_guidance(data_dir: Path | None = None) -> Guidance:
    """Load and check ``guidance.yaml`` (cached for the packaged data)."""
    if data_dir is None:
        return _load_packaged()
    return _load(Path(data_dir))


@functools.cache
def _load_packaged() -> Guidance:
    return _load(default_data_dir())


def _load(root: Path) -> Guidance:
    problems = Problems()
    raw = read_yaml(root / GUIDANCE_FILE, problems, GUIDANCE_FILE)
    guidance = validate_model(Guidance, raw, GUIDANCE_FILE, problems) if raw is not None else None
    if guidance is None and not problems.lines:
        problems.add(GUIDANCE_FILE, "the file is empty")
    problems.raise_if_any()
    assert guidance is not None  # guaranteed by raise_if_any
    meta = validate_model(Meta, read_yaml(root / "meta.yaml", problems, "meta.yaml"), "meta.yaml", problems)
    _check_references(guidance, meta, problems)
    problems.raise_if_any()
    return guidance


def _check_references(guidance: Guidance, meta: Meta | None, problems: Problems) -> None:
    if meta is not None:
        articles = {a.id for a in meta.articles}
        for key, source in guidance.sources.items():
            if source.article not in articles:
                problems.add(f"{GUIDANCE_FILE}: sources.{key}.article", f"unknown article {source.article!r}")
        regions = {r.id for r in meta.regions}
        for tip in guidance.pre_run_tips:
            region = tip.trigger.pain_region
            if region is not None and region not in regions:
                where = f"{GUIDANCE_FILE}: pre_run_tips[{tip.id}].trigger.pain_region"
                problems.add(where, f"unknown region {region!r}")
    for path, src in _src_fields(guidance, ""):
        if src not in guidance.sources:
            problems.add(f"{GUIDANCE_FILE}: {path}", f"unknown source key {src!r} (not in sources)")
    seen: set[str] = set()
    for tip in guidance.pre_run_tips:
        if tip.id in seen:
            problems.add(f"{GUIDANCE_FILE}: pre_run_tips[{tip.id}]", "tip id used twice")
        seen.add(tip.id)


def _src_fields(node: object, path: str) -> Iterator[tuple[str, str]]:
    """Every ``src`` value below ``node`` with its key path, e.g. ``hydration.pre_run.src``."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            here = f"{path}.{name}" if path else name
            if name == "src" and isinstance(value, str):
                yield here, value
            else:
                yield from _src_fields(value, here)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            label = getattr(item, "id", None) or i
            yield from _src_fields(item, f"{path}[{label}]")
