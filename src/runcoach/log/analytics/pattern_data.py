"""The log as arrays for the pain-pattern finder: a day grid of pain, and the candidate triggers.

Day 0 is the Monday of the log's first week. Pain in a region on a day means a check-in with a
score of 1 or more there. A day is *known* when it has a check-in (or, in a log with few
check-ins, when it lies inside the log: then silence counts as no pain). Every trigger is a
*family* of units (days or weeks) with a value or labels, over which thresholds are searched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from runcoach.log.analytics.history import History
from runcoach.log.analytics.series import daily_load, is_running, week_start

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.floating[Any]]
BoolArray = npt.NDArray[np.bool_]
Kind = Literal["above", "below", "category", "cycle"]


@dataclass(frozen=True)
class Family:
    """One trigger kind: units (day or week indexes) and what each unit was exposed to."""

    trigger: str
    unit: Literal["day", "week"]
    index: IntArray
    kind: Kind
    values: FloatArray = field(default_factory=lambda: np.zeros(0))
    labels: tuple[str, ...] = ()
    exposure: BoolArray = field(default_factory=lambda: np.zeros((0, 0), dtype=bool))
    #: the threshold reported: "mid" (halfway between the values either side; for measured
    #: distances) or "edge" (the nearest unexposed value: for a scale of levels or half hours,
    #: "stress above 6" means 7 and up, "sleep below 6" means 5.5 and less)
    boundary: Literal["mid", "edge"] = "mid"
    #: week units: the weeks start this many days after the grid's Monday (0-6); a log may count
    #: its weeks from any weekday, so every start is tried
    offset: int = 0


@dataclass(frozen=True)
class Grid:
    first: date  # a Monday
    days: int  # days in the log (from ``first``)
    weeks: int
    known: BoolArray  # length ``padded``
    pain: dict[str, BoolArray]  # region -> pain days (length ``padded``)
    scores: dict[str, FloatArray]  # region -> worst score per day
    families: tuple[Family, ...]

    @property
    def padded(self) -> int:
        return (self.weeks + 2) * 7

    def day(self, i: int) -> date:
        return self.first + timedelta(days=i)


def build_grid(history: History, *, min_checkin_share: float) -> Grid | None:
    """The pattern finder's view of ``history`` (None for an empty log)."""
    if history.first_day is None or history.last_day is None:
        return None
    first = week_start(history.first_day)
    days = (history.last_day - first).days + 1
    weeks = -(-days // 7)
    padded = (weeks + 2) * 7  # room for the week after the last, whatever weekday weeks start on
    known = np.zeros(padded, dtype=bool)
    checked = [(c.day - first).days for c in history.checkins]
    if len(checked) >= min_checkin_share * (history.last_day - history.first_day).days:
        known[checked] = True
    else:
        known[(history.first_day - first).days : days] = True
    pain: dict[str, BoolArray] = {}
    scores: dict[str, FloatArray] = {}
    for c in history.checkins:
        i = (c.day - first).days
        for p in c.pain:
            if p.score >= 1:
                pain.setdefault(p.region, np.zeros(padded, dtype=bool))[i] = True
                worst = scores.setdefault(p.region, np.zeros(padded))
                worst[i] = max(worst[i], p.score)
    families = (*_run_families(history, first), *_checkin_families(history, first))
    fams = (*_weekly_families(history, first, days), *families)
    return Grid(first, days, weeks, known, pain, scores, tuple(f for f in fams if len(f.index)))


def _weekly_families(history: History, first: date, days: int) -> list[Family]:
    """Weekly running distance, for weeks starting on each weekday (Monday first)."""
    load = daily_load(history, first=first, last=first + timedelta(days=days - 1)).values
    out = []
    for offset in range(7):
        count = -(-(days - offset) // 7)
        padded = np.zeros(count * 7)
        padded[: days - offset] = load[offset:days]
        volume = padded.reshape(count, 7).sum(axis=1)
        index = np.arange(count, dtype=np.int64)
        out.append(Family("weekly_volume", "week", index, "above", volume, offset=offset))
    return out


def _categories(trigger: str, index: IntArray, sets: list[set[str]]) -> Family:
    labels = tuple(sorted(set().union(*sets))) if sets else ()
    exposure = np.array([[label in s for label in labels] for s in sets], dtype=bool)
    return Family(
        trigger, "day", index, "category", labels=labels, exposure=exposure.reshape(len(sets), len(labels))
    )


def _run_families(history: History, first: date) -> list[Family]:
    by_day: dict[int, list[tuple[float, str | None, str | None, str | None]]] = {}
    for run in history.runs:
        if is_running(run):
            by_day.setdefault((run.day - first).days, []).append(
                (run.distance_m, run.run_type, run.terrain, run.shoe)
            )
    index = np.array(sorted(by_day), dtype=np.int64)
    runs = [by_day[int(i)] for i in index]
    longest = np.array([max(r[0] for r in day) for day in runs], dtype=float)
    families = [Family("long_run", "day", index, "above", longest)]
    for trigger, pos in (("session_type", 1), ("terrain", 2), ("shoe", 3)):
        sets = [{str(r[pos]) for r in day if r[pos]} for day in runs]
        families.append(_categories(trigger, index, sets))
    return families


def _checkin_families(history: History, first: date) -> list[Family]:
    days = list(history.checkins)
    index = np.array([(c.day - first).days for c in days], dtype=np.int64)
    families = [_categories("training", index, [{t.kind for t in c.training} for c in days])]
    for trigger, kind, attr in (("sleep", "below", "sleep_h"), ("stress", "above", "stress"),
                                ("cycle", "cycle", "cycle_day")):  # fmt: skip
        pairs = [
            (i, getattr(c, attr)) for i, c in zip(index, days, strict=True) if getattr(c, attr) is not None
        ]
        idx = np.array([p[0] for p in pairs], dtype=np.int64)
        values = np.array([float(p[1]) for p in pairs], dtype=float)
        families.append(Family(trigger, "day", idx, kind, values, boundary="edge"))  # type: ignore[arg-type]
    return families
