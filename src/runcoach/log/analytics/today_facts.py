"""What the today-check knows about today: the facts its rules and tips test (pure, no I/O).

:func:`gather_facts` reads a :class:`History` and the runner's inputs for today (conditions, the
last meal, the planned run, stored assessments, a plan's word for the day) and works out current
pain per region, yesterday's soreness, illness, resting heart rate and HRV against the runner's own
baseline, and last night's sleep. Windows and baselines come from ``today.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from runcoach.knowledge.models import RunDecision
from runcoach.knowledge.today import TodayKnowledge
from runcoach.log.analytics.history import CheckinRecord, History

MealSize = Literal["big", "snack"]
Pollen = Literal["low", "medium", "high"]
POLLEN_LEVELS: tuple[str, ...] = ("low", "medium", "high")
MEAL_SIZES: tuple[str, ...] = ("big", "snack")


@dataclass(frozen=True)
class Conditions:
    """Today's weather and place, as entered or saved as defaults (None: not known)."""

    temperature_c: float | None = None
    humidity_pct: float | None = None
    pollen: Pollen | None = None
    altitude_m: float | None = None


@dataclass(frozen=True)
class AssessmentRecord:
    """A stored assessment, as the today-check needs it."""

    day: date
    run_decision: str
    red_flags: tuple[str, ...] = ()
    condition: str | None = None


@dataclass(frozen=True)
class PlanSignal:
    """A return-to-run plan's word on today (the hook for stored plans): its decision and why."""

    decision: RunDecision
    text: str


@dataclass(frozen=True)
class TodayInputs:
    now: datetime  # aware, the runner's local time; "today" is its date
    conditions: Conditions = Conditions()
    hours_since_meal: float | None = None
    meal_size: MealSize | None = None
    planned_minutes: float | None = None
    assessments: tuple[AssessmentRecord, ...] = ()
    plan: PlanSignal | None = None


@dataclass(frozen=True)
class RegionPain:
    region: str
    score: int
    day: date


@dataclass(frozen=True)
class Baseline:
    value: float
    readings: int | None  # the days its median is taken over; None: the runner's own setting


@dataclass(frozen=True)
class Facts:
    today: date
    inputs: TodayInputs
    checkin_today: CheckinRecord | None
    #: per region, the worst pain of the window (today and yesterday)
    pain_now: dict[str, RegionPain] = field(default_factory=dict)
    sore_yesterday: dict[str, int] = field(default_factory=dict)
    illness: tuple[str, date] | None = None
    resting_hr: int | None = None
    resting_hr_baseline: Baseline | None = None
    hrv: float | None = None
    hrv_baseline: Baseline | None = None
    sleep_h: float | None = None
    assessment: AssessmentRecord | None = None

    @property
    def resting_hr_rise(self) -> float | None:
        if self.resting_hr is None or self.resting_hr_baseline is None:
            return None
        return self.resting_hr - self.resting_hr_baseline.value

    @property
    def hrv_drop_pct(self) -> float | None:
        if self.hrv is None or self.hrv_baseline is None or self.hrv_baseline.value <= 0:
            return None
        return (self.hrv_baseline.value - self.hrv) / self.hrv_baseline.value * 100


def gather_facts(history: History, inputs: TodayInputs, kb: TodayKnowledge) -> Facts:
    today = inputs.now.date()
    window = round(kb.windows.pain_days.high)
    recent = [c for c in history.checkins if today - timedelta(days=window) < c.day <= today]
    checkin_today = history.checkin_by_day.get(today)
    yesterday = history.checkin_by_day.get(today - timedelta(days=1))
    return Facts(
        today=today,
        inputs=inputs,
        checkin_today=checkin_today,
        pain_now=_pain_now(recent),
        sore_yesterday=_region_scores(yesterday),
        illness=next(((c.illness, c.day) for c in reversed(recent) if c.illness), None),
        resting_hr=checkin_today.resting_hr if checkin_today else None,
        resting_hr_baseline=_rhr_baseline(history, today, kb),
        hrv=checkin_today.hrv_ms if checkin_today else None,
        hrv_baseline=_median_baseline(history, today, kb, "hrv_ms"),
        sleep_h=checkin_today.sleep_h if checkin_today else None,
        assessment=_latest_assessment(inputs.assessments, today, kb),
    )


def _region_scores(checkin: CheckinRecord | None) -> dict[str, int]:
    """The highest score per region in one check-in."""
    scores: dict[str, int] = {}
    for pain in checkin.pain if checkin else ():
        scores[pain.region] = max(scores.get(pain.region, 0), pain.score)
    return scores


def _pain_now(recent: list[CheckinRecord]) -> dict[str, RegionPain]:
    """Per region, the worst score in the window (the later day on a tie): a bad day yesterday is
    not forgotten because today is better (the 24-hour rule speaks to that separately)."""
    now: dict[str, RegionPain] = {}
    for checkin in recent:  # oldest first
        for region, score in _region_scores(checkin).items():
            if region not in now or score >= now[region].score:
                now[region] = RegionPain(region, score, checkin.day)
    return now


def _rhr_baseline(history: History, today: date, kb: TodayKnowledge) -> Baseline | None:
    if history.resting_hr_baseline is not None:
        return Baseline(float(history.resting_hr_baseline), None)
    return _median_baseline(history, today, kb, "resting_hr")


def _median_baseline(history: History, today: date, kb: TodayKnowledge, name: str) -> Baseline | None:
    """The median of ``name`` over the baseline window before today (None with too few readings)."""
    found = history.median_before(
        name,
        today,
        days=round(kb.windows.baseline_days.high),
        min_readings=kb.windows.baseline_min_readings.high,
    )
    return None if found is None else Baseline(found[0], found[1])


def _latest_assessment(
    assessments: tuple[AssessmentRecord, ...], today: date, kb: TodayKnowledge
) -> AssessmentRecord | None:
    first = today - timedelta(days=round(kb.windows.assessment_days.high))
    recent = [a for a in assessments if first <= a.day <= today]
    return sorted(recent, key=lambda a: a.day)[-1] if recent else None  # the last of a day wins
