"""``runcoach patterns``: the pain patterns in the runner's log, and progress per region."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from runcoach.knowledge.analytics import Patterns, load_analytics, region_names
from runcoach.log.analytics.history import History
from runcoach.log.analytics.patterns import Found, find_patterns
from runcoach.log.analytics.progress import MonthProgress, RegionProgress, all_progress
from runcoach.log.db import Database
from runcoach.services.checkins import resolve_region
from runcoach.services.history import load_history
from runcoach.units import Unit, check_unit, format_distance

DISTANCE_TRIGGERS = frozenset({"weekly_volume", "long_run"})


@dataclass(frozen=True)
class PatternView:
    region: str
    trigger: str
    value: float | str
    support: dict[str, Any]
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "trigger": self.trigger,
            "value": self.value,
            "support": self.support,
            "text": self.text,
        }


@dataclass(frozen=True)
class ProgressView:
    region: str
    progress: RegionProgress
    text: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "text": self.text,
            "months": [_month_json(m) for m in self.progress.months],
        }


@dataclass(frozen=True)
class PatternReport:
    patterns: list[PatternView]
    progress: list[ProgressView]
    caution: str
    units: Unit

    def to_json(self, *, progress: bool = False) -> dict[str, Any]:
        """``{"patterns": [...]}`` as the contract pins it; with ``progress`` also each region's
        months and the caution."""
        doc: dict[str, Any] = {"patterns": [p.to_json() for p in self.patterns]}
        if progress:
            doc["progress"] = [p.to_json() for p in self.progress]
            doc["caution"] = self.caution
        return doc


def _month_json(m: MonthProgress) -> dict[str, Any]:
    return {
        "month": m.month.isoformat()[:7],
        "pain_days": m.pain_days,
        "mean_score": round(m.mean_score, 1) if m.mean_score is not None else None,
        "onset_m": round(m.onset_m) if m.onset_m is not None else None,
        "pain_free_m": round(m.pain_free_m) if m.pain_free_m is not None else None,
    }


def pain_patterns(*, db: Database, region: str | None = None, runner_id: int | None = None) -> PatternReport:
    """The supported pain patterns of the runner's log (optionally of one region) and progress."""
    region = resolve_region(region) if region is not None else None  # "hip" -> hip_groin
    return patterns_of(load_history(db=db, runner_id=runner_id), region=region)


def patterns_of(history: History, *, region: str | None = None) -> PatternReport:
    """:func:`pain_patterns` on a history already loaded."""
    knowledge = load_analytics().patterns
    units = check_unit(history.units)
    found = [f for f in find_patterns(history, settings=knowledge.settings) if region in (None, f.region)]
    progress = all_progress(history, None if region is None else [region])
    return PatternReport(
        [_view(f, knowledge, units) for f in found],
        [ProgressView(p.region, p, _progress_text(p, knowledge, units)) for p in progress],
        knowledge.caution,
        units,
    )


def _name(region: str) -> str:
    return region_names().get(region, region.replace("_", " "))


def _value(found: Found) -> float | str:
    if isinstance(found.value, str):
        return found.value
    if found.trigger in DISTANCE_TRIGGERS:
        return round(found.value)
    return round(found.value, 2)


def _shown(found: Found, units: Unit) -> str:
    if isinstance(found.value, str):
        return found.value.replace("_", " ")
    if found.trigger in DISTANCE_TRIGGERS:
        return format_distance(found.value, units, digits=1)
    return f"{round(found.value, 1):g}"


def _view(found: Found, knowledge: Patterns, units: Unit) -> PatternView:
    name = _name(found.region)
    text = knowledge.texts.for_trigger(found.trigger, found.lag).format(
        Region=name,
        region=name.lower(),
        a=found.exposed_with_pain,
        n1=found.exposed,
        c=found.unexposed_with_pain,
        n0=found.unexposed,
        value=_shown(found, units),
    )
    lift = found.lift
    support = {
        "unit": found.unit,
        "lag": found.lag,
        "exposed": found.exposed,
        "exposed_with_pain": found.exposed_with_pain,
        "unexposed": found.unexposed,
        "unexposed_with_pain": found.unexposed_with_pain,
        "lift": round(lift, 2) if lift is not None else None,
        "fisher_p": float(f"{found.fisher_p:.3g}"),
        "adjusted_p": round(found.adjusted_p, 4),
    }
    if found.week_starts:
        support["weeks_start"] = found.week_starts
    if found.given:
        support["after_setting_aside"] = list(found.given)  # pain these explain was left out of the test
    return PatternView(found.region, found.trigger, _value(found), support, text)


def _month_name(day: date) -> str:
    return day.strftime("%B %Y")


def _progress_text(p: RegionProgress, knowledge: Patterns, units: Unit) -> str | None:
    if len(p.months) < 2:
        return None
    first, last = p.first, p.last
    name = _name(p.region)

    def dist(m: float | None) -> str:
        return format_distance(m, units, digits=1)

    fields = {
        "Region": name,
        "region": name.lower(),
        "first_month": _month_name(first.month),
        "last_month": _month_name(last.month),
        "first_onset": dist(first.onset_m),
        "last_onset": dist(last.onset_m),
        "first_free": dist(first.pain_free_m),
        "last_free": dist(last.pain_free_m),
        "first_days": first.pain_days,
        "last_days": last.pain_days,
        "first_score": f"{first.mean_score:.1f}" if first.mean_score is not None else "-",
        "last_score": f"{last.mean_score:.1f}" if last.mean_score is not None else "-",
    }
    texts = knowledge.progress
    if first.onset_m is not None and last.pain_free_m is not None and last.pain_free_m > first.onset_m:
        return texts.better.format(**fields)
    if first.pain_free_m is not None and last.onset_m is not None and last.onset_m < first.pain_free_m:
        return texts.worse.format(**fields)
    return (texts.quiet if last.pain_days == 0 else texts.scores).format(**fields)
