"""Daily and weekly volume, and the load ratios built on them.

Weeks start on Monday. Load is distance by default (the coaching articles count kilometres or
miles); ``measure="time"`` uses duration instead. Only running sports count as running volume.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import numpy as np
import numpy.typing as npt

from runcoach.log.analytics.history import History, RunRecord

FloatArray = npt.NDArray[np.float64]
Measure = Literal["distance", "time"]

#: sports that count as running volume (importers map device codes onto these)
RUNNING_SPORTS = frozenset({"running", "trail_running", "treadmill_running"})


def is_running(run: RunRecord) -> bool:
    return run.sport in RUNNING_SPORTS


def week_start(day: date) -> date:
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class DailySeries:
    """One value per calendar day from ``first`` to ``last`` inclusive."""

    first: date
    values: FloatArray

    @property
    def last(self) -> date:
        return self.first + timedelta(days=len(self.values) - 1)

    def day(self, i: int) -> date:
        return self.first + timedelta(days=i)

    def index(self, day: date) -> int:
        return (day - self.first).days

    def at(self, day: date) -> float:
        i = self.index(day)
        return float(self.values[i]) if 0 <= i < len(self.values) else 0.0


@dataclass(frozen=True)
class Week:
    start: date  # a Monday
    distance_m: float
    duration_s: float
    runs: int
    long_run_m: float  # the longest single run of the week
    hard_sessions: int  # tempo, intervals, hills, race

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)


HARD_TYPES = frozenset({"tempo", "intervals", "hills", "race"})


def daily_load(
    history: History, *, measure: Measure = "distance", first: date | None = None, last: date | None = None
) -> DailySeries:
    """Running load per day (metres or seconds); days without runs are 0."""
    first = first or history.first_day
    if first is None:  # an empty log
        return DailySeries(date(2000, 1, 3), np.zeros(0))
    last = last or history.last_day or first
    n = max((last - first).days + 1, 0)
    values = np.zeros(n)
    for run in history.runs:
        if not is_running(run):
            continue
        i = (run.day - first).days
        if 0 <= i < n:
            values[i] += run.distance_m if measure == "distance" else run.duration_s
    return DailySeries(first, values)


def weekly(history: History, *, first: date | None = None, last: date | None = None) -> list[Week]:
    """Every week from the first to the last day of the log (empty weeks included), oldest first."""
    start = first or history.first_day
    if start is None:  # an empty log
        return []
    first = week_start(start)
    last = last or history.last_day or first
    weeks: dict[date, list[RunRecord]] = {}
    monday = first
    while monday <= last:
        weeks[monday] = []
        monday += timedelta(days=7)
    for run in history.runs:
        key = week_start(run.day)
        if key in weeks and is_running(run):
            weeks[key].append(run)
    return [
        Week(
            start=monday,
            distance_m=sum(r.distance_m for r in runs),
            duration_s=sum(r.duration_s for r in runs),
            runs=len(runs),
            long_run_m=max((r.distance_m for r in runs), default=0.0),
            hard_sessions=sum(1 for r in runs if r.run_type in HARD_TYPES),
        )
        for monday, runs in weeks.items()
    ]


def rolling_sum(series: DailySeries, days: int) -> FloatArray:
    """For each day, the sum of the ``days`` days ending on it (shorter at the start)."""
    c = np.concatenate(([0.0], np.cumsum(series.values)))
    idx = np.arange(1, len(c))
    return c[idx] - c[np.maximum(idx - days, 0)]


def acwr(series: DailySeries, *, acute: int = 7, chronic: int = 28) -> FloatArray:
    """Acute:chronic workload ratio per day (rolling, uncoupled averages); NaN until the chronic
    window is full or when the chronic load is zero."""
    a = rolling_sum(series, acute) / acute
    c = rolling_sum(series, chronic) / chronic
    out = np.full(len(series.values), np.nan)
    ok = (np.arange(len(series.values)) >= chronic - 1) & (c > 0)
    out[ok] = a[ok] / c[ok]
    return out


def monotony_and_strain(series: DailySeries, end: date, *, days: int = 7) -> tuple[float, float]:
    """Foster's training monotony (mean / sd of daily load over the week ending on ``end``) and
    strain (weekly load x monotony). Monotony is inf-free: a constant non-zero week gives the
    number of days (capped), an empty week 0."""
    i = series.index(end)
    window = series.values[max(i - days + 1, 0) : i + 1]
    if len(window) == 0 or float(window.sum()) == 0.0:
        return 0.0, 0.0
    sd = float(window.std())
    mono = float(window.mean()) / sd if sd > 0 else float(days)
    mono = min(mono, float(days))
    return mono, float(window.sum()) * mono
