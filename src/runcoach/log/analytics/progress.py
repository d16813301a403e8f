"""Progress per pain region, month by month: pain days, scores and pain-free distance (pure).

A run *brought pain* when the region hurt on its day or the day after; the shortest such run of
a month is that month's onset distance, the longest run without pain its pain-free distance.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from runcoach.log.analytics.history import History
from runcoach.log.analytics.series import is_running


@dataclass(frozen=True)
class MonthProgress:
    month: date  # the first of the month
    pain_days: int
    mean_score: float | None
    onset_m: float | None  # the shortest run that brought pain
    pain_free_m: float | None  # the longest run that did not


@dataclass(frozen=True)
class RegionProgress:
    region: str
    months: tuple[MonthProgress, ...]

    @property
    def first(self) -> MonthProgress:
        return self.months[0]

    @property
    def last(self) -> MonthProgress:
        return self.months[-1]


def _pain_scores(history: History, region: str) -> dict[date, int]:
    out: dict[date, int] = {}
    for c in history.checkins:
        scores = [p.score for p in c.pain if p.region == region and p.score >= 1]
        if scores:
            out[c.day] = max(scores)
    return out


def region_progress(history: History, region: str) -> RegionProgress | None:
    """The months from the region's first pain to the end of the log (None without pain)."""
    scores = _pain_scores(history, region)
    last = history.last_day
    if not scores or last is None:
        return None
    start = min(scores).replace(day=1)
    months: dict[date, list[float]] = {}
    month = start
    while month <= last:
        months[month] = []
        month = (month + timedelta(days=32)).replace(day=1)
    onset: dict[date, float] = {}
    free: dict[date, float] = {}
    for run in history.runs:
        key = run.day.replace(day=1)
        if not is_running(run) or key not in months:
            continue
        hurt = run.day in scores or run.day + timedelta(days=1) in scores
        target = onset if hurt else free
        pick = min if hurt else max
        target[key] = pick(target.get(key, run.distance_m), run.distance_m)
    for day, score in scores.items():
        months[day.replace(day=1)].append(score)
    return RegionProgress(
        region,
        tuple(
            MonthProgress(m, len(s), sum(s) / len(s) if s else None, onset.get(m), free.get(m))
            for m, s in months.items()
        ),
    )


def all_progress(history: History, regions: list[str] | None = None) -> list[RegionProgress]:
    """Progress for every region with pain (or only ``regions``), by region id."""
    found = sorted({p.region for c in history.checkins for p in c.pain if p.score >= 1})
    wanted = [r for r in found if regions is None or r in regions]
    return [p for r in wanted if (p := region_progress(history, r)) is not None]
