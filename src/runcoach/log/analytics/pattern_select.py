"""Choosing the patterns to report from the scored candidates (pure; see ``patterns.py``).

Per region, forward selection: the strongest candidate that beats the permutation cut-off is taken
first; then the pain it explains (the pain days that follow its exposures) is set aside, every
trigger is scored again on the pain that is left, and the strongest one that still beats the
cut-off is taken next, until none does. A trigger that only echoes a stronger one (long runs in
big weeks) falls away; a second real trigger hidden under a stronger one comes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from runcoach.knowledge.analytics import PatternSettings
from runcoach.log.analytics.pattern_data import BoolArray, Family, FloatArray, Grid
from runcoach.log.analytics.pattern_stats import (
    Candidate,
    Counts,
    candidate_counts,
    candidates,
    fisher_greater,
    g_scores,
    outcome,
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Found:
    """A supported association between pain in ``region`` and one trigger."""

    region: str
    trigger: str
    value: float | str
    lag: int  # 0: the same day (week), 1: the day (week) after
    unit: str  # "day" or "week"
    exposed: int
    exposed_with_pain: int
    unexposed: int
    unexposed_with_pain: int
    g: float
    adjusted_p: float
    fisher_p: float = field(default=1.0)
    week_starts: str | None = None  # week units: the weekday the weeks start on
    #: the triggers taken before this one, whose pain was set aside when it was tested
    given: tuple[str, ...] = ()

    @property
    def lift(self) -> float | None:
        if self.unexposed_with_pain == 0:
            return None
        return (self.exposed_with_pain / self.exposed) / (self.unexposed_with_pain / self.unexposed)


@dataclass(frozen=True)
class Scored:
    region: str
    family: Family
    lag: int
    candidate: Candidate
    column: int
    counts: tuple[int, int, int, int]  # exposed with pain, exposed, unexposed with pain, unexposed
    g: float

    @property
    def key(self) -> tuple[str, str, str]:
        return self.region, self.family.trigger, self.candidate.label

    @property
    def rank(self) -> tuple[float, int]:
        """Strongest first; on a tie a label (a session type) before a threshold that mimics it."""
        return -round(self.g, 6), 0 if self.family.kind == "category" else 1

    @property
    def value(self) -> float | str:
        if self.family.kind == "category":
            return self.candidate.label
        if self.family.kind == "cycle":
            return f"{self.candidate.span[0]}-{self.candidate.span[1]}"
        return self.candidate.reported


def g_of(counts: Counts, settings: PatternSettings) -> FloatArray:
    return g_scores(
        counts,
        min_exposed=settings.min_exposed,
        min_pain=settings.min_exposed_with_pain,
        min_lift=settings.min_lift,
    )


def cell(counts: Counts, col: int) -> tuple[int, int, int, int]:
    """The real log's 2x2 counts of one candidate (row 0)."""
    a, n1 = int(counts.exposed_pain[0, col]), int(counts.exposed[0, col])
    return a, n1, int(counts.total_pain[0]) - a, int(counts.total[0]) - n1


def best_columns(family: Family, g: FloatArray) -> list[int]:
    """The candidates worth keeping from the real log: every label, else the best threshold."""
    if family.kind == "category":
        return [int(c) for c in np.flatnonzero(g > 0)]
    best = int(np.argmax(g)) if len(g) else 0
    return [best] if len(g) and g[best] > 0 else []


def cutoff(null_max: FloatArray, alpha: float) -> float:
    """The statistic a candidate must exceed for an adjusted p-value of at most ``alpha``."""
    allowed = int(np.floor(alpha * (len(null_max) + 1))) - 1  # shuffles that may beat it
    ranked = np.sort(null_max)[::-1]
    return float(ranked[allowed]) if 0 <= allowed < len(ranked) else float("inf")


def select(grid: Grid, scored: list[Scored], null_max: FloatArray, settings: PatternSettings) -> list[Found]:
    """The patterns to report, by region, strongest first."""
    bar = cutoff(null_max, settings.alpha)
    found: list[Found] = []
    for region in sorted({s.region for s in scored if s.g > bar}):
        first = min((s for s in scored if s.region == region and s.g > bar), key=lambda s: s.rank)
        found += _forward(grid, first, bar, null_max, settings)
    return found


def _forward(
    grid: Grid, first: Scored, bar: float, null_max: FloatArray, settings: PatternSettings
) -> list[Found]:
    taken: list[Scored] = []
    covered = np.zeros(grid.padded, dtype=bool)
    pick: Scored | None = first
    while pick is not None:
        taken.append(pick)
        covered |= covered_days(grid, pick)
        pick = _next_pick(grid, pick.region, covered, {t.key for t in taken}, bar, settings)
    return [_found(grid, s, null_max, settings, taken[:i]) for i, s in enumerate(taken)]


def scan_one(grid: Grid, region: str, known_days: BoolArray, settings: PatternSettings) -> list[Scored]:
    """Every family's best candidates for ``region`` on the real log, counting only ``known_days``."""
    known = known_days.astype(np.float32)[:, None]
    pain = grid.pain[region].astype(np.float32)[:, None] * known
    out = []
    for family in grid.families:
        cands = candidates(family, settings.max_cycle_range_days)
        for lag in settings.lags:
            counts = candidate_counts(family, outcome(family, pain, lag), outcome(family, known, lag),
                                      settings.max_cycle_range_days)  # fmt: skip
            g = g_of(counts, settings)[0]
            out += [
                Scored(region, family, lag, cands[c], c, cell(counts, c), float(g[c]))
                for c in best_columns(family, g)
            ]
    return out


def _next_pick(
    grid: Grid,
    region: str,
    covered: BoolArray,
    taken: set[tuple[str, str, str]],
    bar: float,
    settings: PatternSettings,
) -> Scored | None:
    fresh = [
        s for s in scan_one(grid, region, grid.known & ~covered, settings) if s.key not in taken and s.g > bar
    ]
    return min(fresh, key=lambda s: s.rank) if fresh else None


def exposed_units(family: Family, candidate: Candidate) -> BoolArray:
    """Which units of ``family`` the candidate counts as exposed."""
    if family.kind == "category":
        mask: BoolArray = family.exposure[:, family.labels.index(candidate.label)]
    elif family.kind == "cycle":
        lo, hi = candidate.span
        mask = (family.values >= lo) & (family.values <= hi)
    elif family.kind == "below":
        mask = family.values < candidate.threshold
    else:
        mask = family.values > candidate.threshold
    return mask


def covered_days(grid: Grid, s: Scored) -> BoolArray:
    """The pain days that follow the exposures of ``s`` (the pain it explains)."""
    out = np.zeros(grid.padded, dtype=bool)
    at = s.family.index[exposed_units(s.family, s.candidate)] + s.lag
    if s.family.unit == "week":
        at = (at[:, None] * 7 + s.family.offset + np.arange(7)).ravel()
    out[at] = True
    return out & grid.pain[s.region]


def _unconditional(grid: Grid, s: Scored, settings: PatternSettings) -> tuple[int, int, int, int]:
    """The counts of ``s`` on the whole log (a later pick was scored on the pain left over)."""
    known = grid.known.astype(np.float32)[:, None]
    pain = grid.pain[s.region].astype(np.float32)[:, None] * known
    counts = candidate_counts(s.family, outcome(s.family, pain, s.lag), outcome(s.family, known, s.lag),
                              settings.max_cycle_range_days)  # fmt: skip
    return cell(counts, s.column)


def _found(
    grid: Grid, s: Scored, null_max: FloatArray, settings: PatternSettings, before: list[Scored]
) -> Found:
    a, n1, c, n0 = _unconditional(grid, s, settings) if before else s.counts
    return Found(
        region=s.region,
        trigger=s.family.trigger,
        value=s.value,
        lag=s.lag,
        unit=s.family.unit,
        exposed=n1,
        exposed_with_pain=a,
        unexposed=n0,
        unexposed_with_pain=c,
        g=s.g,
        adjusted_p=float((1 + int((null_max >= s.g).sum())) / (len(null_max) + 1)),
        fisher_p=fisher_greater(a, n1, c, n0),
        week_starts=WEEKDAYS[s.family.offset] if s.family.unit == "week" else None,
        given=tuple(f"{b.family.trigger}:{b.value}" for b in before),
    )
