"""How the body answers the load: pain per region over time, resting heart rate against the
runner's baseline, and the distance run in each shoe. Pure functions of a :class:`History`.

Load itself (daily and weekly volume, ACWR) lives in :mod:`runcoach.log.analytics.series`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from runcoach.log.analytics.history import History, PainRecord
from runcoach.log.analytics.series import week_start

#: a resting-HR baseline is the median of the readings in this many days before the day ...
BASELINE_DAYS = 28
#: ... once there are at least this many of them
BASELINE_MIN_READINGS = 5


@dataclass(frozen=True)
class PainPoint:
    day: date
    region: str
    score: int
    side: str | None = None
    sensation: str | None = None
    when: str | None = None


@dataclass(frozen=True)
class HeartPoint:
    day: date
    resting_hr: int
    baseline: float | None  # None until there are enough earlier readings (or a stored override)


@dataclass(frozen=True)
class ShoeMileage:
    ref: str
    name: str
    distance_m: float
    replace_at_m: float | None
    retired: date | None

    @property
    def due(self) -> bool:
        return self.replace_at_m is not None and self.distance_m >= self.replace_at_m


def pain_points(history: History) -> list[PainPoint]:
    """Every pain entry of the log, oldest first (several per day when several regions hurt)."""
    return [_point(c.day, p) for c in history.checkins for p in c.pain]


def _point(day: date, p: PainRecord) -> PainPoint:
    return PainPoint(day, p.region, p.score, p.side, p.sensation, p.when)


def weekly_pain(history: History) -> dict[str, dict[date, int]]:
    """Per region, the worst pain score of each week (keyed by its Monday) that has an entry."""
    out: dict[str, dict[date, int]] = {}
    for point in pain_points(history):
        weeks = out.setdefault(point.region, {})
        monday = week_start(point.day)
        weeks[monday] = max(weeks.get(monday, 0), point.score)
    return out


def resting_hr_trend(
    history: History, *, days: int = BASELINE_DAYS, min_readings: int = BASELINE_MIN_READINGS
) -> list[HeartPoint]:
    """Each resting-HR reading with the runner's baseline for that day: the stored override when
    there is one, else the median of the readings of the ``days`` days before it."""
    readings = [(c.day, c.resting_hr) for c in history.checkins if c.resting_hr is not None]
    if history.resting_hr_baseline is not None:
        return [HeartPoint(day, hr, float(history.resting_hr_baseline)) for day, hr in readings]
    out: list[HeartPoint] = []
    for day, hr in readings:
        found = history.median_before("resting_hr", day, days=days, min_readings=min_readings)
        out.append(HeartPoint(day, hr, None if found is None else found[0]))
    return out


def shoe_mileage(history: History) -> list[ShoeMileage]:
    """Distance run in each shoe of the log (every sport wears a shoe), in the order of ``shoes``."""
    done: dict[str, float] = {}
    for run in history.runs:
        if run.shoe is not None:
            done[run.shoe] = done.get(run.shoe, 0.0) + run.distance_m
    return [
        ShoeMileage(s.ref, s.name, done.get(s.ref, 0.0), s.replace_at_m, s.retired) for s in history.shoes
    ]


#: pain entries of one region this many days apart or closer belong to the same episode
EPISODE_GAP_DAYS = 7


@dataclass(frozen=True)
class PainEpisode:
    """A run of pain entries in one region with no gap longer than ``EPISODE_GAP_DAYS``: a flare."""

    region: str
    points: tuple[PainPoint, ...]

    @property
    def first(self) -> date:
        return self.points[0].day

    @property
    def last(self) -> date:
        return self.points[-1].day

    @property
    def worst(self) -> int:
        return max(p.score for p in self.points)


def pain_episodes(history: History, *, gap_days: int = EPISODE_GAP_DAYS) -> list[PainEpisode]:
    """Every flare of every region, in the order they started (then by region)."""
    by_region: dict[str, list[PainPoint]] = {}
    for point in pain_points(history):
        by_region.setdefault(point.region, []).append(point)
    episodes: list[PainEpisode] = []
    for region, points in by_region.items():
        current = [points[0]]
        for point in points[1:]:
            if (point.day - current[-1].day).days > gap_days:
                episodes.append(PainEpisode(region, tuple(current)))
                current = []
            current.append(point)
        episodes.append(PainEpisode(region, tuple(current)))
    return sorted(episodes, key=lambda e: (e.first, e.region))
