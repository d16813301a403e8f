"""The pain-pattern finder: which triggers in the log pain in a region follows (pure).

For every region with enough pain days, every candidate trigger (each threshold of weekly volume,
run length, sleep and stress; each session type, terrain, shoe and training kind; each cycle-day
range) is tested on the same day and the day (or week) after with a one-sided likelihood-ratio
statistic. The largest statistic over *everything* in each of many block-shuffled pain logs gives
the null distribution, so the chance that a log whose pain comes at random reports anything is
at most ``alpha``. Triggers that only echo a stronger one (long runs in big weeks) are dropped by
re-testing each after removing the pain the stronger ones already explain. See docs/analytics.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from runcoach.knowledge.analytics import PatternSettings
from runcoach.log.analytics.history import History
from runcoach.log.analytics.pattern_data import BoolArray, Family, FloatArray, Grid, build_grid
from runcoach.log.analytics.pattern_stats import (
    Candidate,
    Counts,
    candidate_counts,
    candidates,
    exposed_sums,
    fisher_greater,
    g_scores,
    outcome,
    permuted,
    shuffles,
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

    @property
    def lift(self) -> float | None:
        if self.unexposed_with_pain == 0:
            return None
        return (self.exposed_with_pain / self.exposed) / (self.unexposed_with_pain / self.unexposed)


@dataclass(frozen=True)
class _Scored:
    region: str
    family: Family
    lag: int
    candidate: Candidate
    counts: tuple[int, int, int, int]  # exposed with pain, exposed, unexposed with pain, unexposed
    g: float

    @property
    def key(self) -> tuple[str, str, str]:
        return self.region, self.family.trigger, self.candidate.label

    @property
    def rank(self) -> tuple[float, int]:
        """Strongest first; on a tie a label (a session type) before a threshold that mimics it."""
        return -round(self.g, 6), 0 if self.family.kind == "category" else 1


def find_patterns(history: History, *, settings: PatternSettings) -> list[Found]:
    """Every supported pain pattern of ``history``, strongest first within each region."""
    grid = build_grid(history, min_checkin_share=settings.min_checkin_share)
    if grid is None:
        return []
    regions = sorted(r for r, days in grid.pain.items() if int(days.sum()) >= settings.min_pain_days)
    if not regions:
        return []
    count = settings.shuffles_for(grid.days)
    orders = shuffles(grid.days, count=count, block=settings.block_days, seed=settings.seed)
    known = permuted(grid, grid.known, orders)
    pain = {r: permuted(grid, grid.pain[r], orders) * known for r in regions}
    null_max = np.zeros(len(orders) - 1)
    scored: list[_Scored] = []
    for family in grid.families:
        cands = candidates(family, settings.max_cycle_range_days)
        for lag in settings.lags:
            k = outcome(family, known, lag)
            k_sums, k_total = exposed_sums(family, k, settings.max_cycle_range_days), k.sum(axis=0)
            for region in regions:
                y = outcome(family, pain[region], lag)
                counts = Counts(
                    exposed_sums(family, y, settings.max_cycle_range_days), k_sums, y.sum(axis=0), k_total
                )
                g = _g(counts, settings)
                if g.shape[1]:
                    null_max = np.maximum(null_max, g[1:].max(axis=1))
                for col in _best_columns(family, g[0]):
                    scored.append(
                        _Scored(region, family, lag, cands[col], _cell(counts, col), float(g[0, col]))
                    )
    return _select(grid, scored, null_max, settings)


def _best_columns(family: Family, g: FloatArray) -> list[int]:
    """The candidates worth keeping from the real log: every label, else the best threshold."""
    if family.kind == "category":
        return [int(c) for c in np.flatnonzero(g > 0)]
    best = int(np.argmax(g)) if len(g) else 0
    return [best] if len(g) and g[best] > 0 else []


def _g(counts: Counts, settings: PatternSettings) -> FloatArray:
    return g_scores(
        counts,
        min_exposed=settings.min_exposed,
        min_pain=settings.min_exposed_with_pain,
        min_lift=settings.min_lift,
    )


def _cell(counts: Counts, col: int) -> tuple[int, int, int, int]:
    """The real log's 2x2 counts of one candidate (row 0)."""
    a, n1 = int(counts.exposed_pain[0, col]), int(counts.exposed[0, col])
    return a, n1, int(counts.total_pain[0]) - a, int(counts.total[0]) - n1


def cutoff(null_max: FloatArray, alpha: float) -> float:
    """The statistic a candidate must exceed for an adjusted p-value of at most ``alpha``."""
    allowed = int(np.floor(alpha * (len(null_max) + 1))) - 1  # shuffles that may beat it
    ranked = np.sort(null_max)[::-1]
    return float(ranked[allowed]) if 0 <= allowed < len(ranked) else float("inf")


def _select(
    grid: Grid, scored: list[_Scored], null_max: FloatArray, settings: PatternSettings
) -> list[Found]:
    bar = cutoff(null_max, settings.alpha)
    best: dict[tuple[str, str, str], _Scored] = {}
    for s in sorted((s for s in scored if s.g > bar), key=lambda s: s.rank):
        best.setdefault(s.key, s)
    found: list[Found] = []
    covered: dict[str, BoolArray] = {}
    for s in sorted(best.values(), key=lambda s: s.rank):
        done = covered.setdefault(s.region, np.zeros(grid.padded, dtype=bool))
        if done.any() and not _still_holds(grid, s, done, bar, settings):
            continue
        found.append(_found(s, null_max))
        done |= _covered_days(grid, s)
    return sorted(found, key=lambda f: (f.region, -f.g))


def _still_holds(grid: Grid, s: _Scored, covered: BoolArray, bar: float, settings: PatternSettings) -> bool:
    """Does ``s`` hold on the pain the triggers accepted before it do not explain?"""
    known = (grid.known & ~covered).astype(np.float32)[:, None]
    pain = grid.pain[s.region].astype(np.float32)[:, None] * known
    cands = candidates(s.family, settings.max_cycle_range_days)
    columns = [i for i, c in enumerate(cands) if s.family.kind != "category" or c == s.candidate]
    for lag in settings.lags:
        y, k = outcome(s.family, pain, lag), outcome(s.family, known, lag)
        g = _g(candidate_counts(s.family, y, k, settings.max_cycle_range_days), settings)
        if g.shape[1] and float(g[0, columns].max()) > bar:
            return True
    return False


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


def _covered_days(grid: Grid, s: _Scored) -> BoolArray:
    """The pain days that follow the exposures of ``s`` (the pain it explains)."""
    out = np.zeros(grid.padded, dtype=bool)
    at = s.family.index[exposed_units(s.family, s.candidate)] + s.lag
    if s.family.unit == "week":
        at = (at[:, None] * 7 + s.family.offset + np.arange(7)).ravel()
    out[at] = True
    return out & grid.pain[s.region]


def _found(s: _Scored, null_max: FloatArray) -> Found:
    a, n1, c, n0 = s.counts
    value: float | str = s.candidate.reported
    if s.family.kind == "category":
        value = s.candidate.label
    elif s.family.kind == "cycle":
        value = f"{s.candidate.span[0]}-{s.candidate.span[1]}"
    return Found(
        region=s.region,
        trigger=s.family.trigger,
        value=value,
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
    )
