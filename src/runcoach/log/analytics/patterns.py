"""The pain-pattern finder: which triggers in the log pain in a region follows (pure).

For every region with enough pain days, every candidate trigger (each threshold of weekly volume,
run length, sleep and stress; each session type, terrain, shoe and training kind; each cycle-day
range) is tested on the same day and the day (or week) after with a one-sided likelihood-ratio
statistic. The largest statistic over *everything* in each of many block-shuffled pain logs gives
the null distribution, so the chance that a log whose pain comes at random reports anything is
at most ``alpha``. ``pattern_select`` then picks, region by region, the triggers that explain the
pain (forward selection on the pain left over). See docs/analytics.md.
"""

from __future__ import annotations

import numpy as np

from runcoach.knowledge.analytics import PatternSettings
from runcoach.log.analytics.history import History
from runcoach.log.analytics.pattern_data import build_grid
from runcoach.log.analytics.pattern_select import Found, Scored, best_columns, cell, g_of, select
from runcoach.log.analytics.pattern_stats import Counts, candidates, exposed_sums, outcome, permuted, shuffles

__all__ = ["Found", "find_patterns"]


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
    scored: list[Scored] = []
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
                g = g_of(counts, settings)
                if g.shape[1]:
                    null_max = np.maximum(null_max, g[1:].max(axis=1))
                for col in best_columns(family, g[0]):
                    scored.append(
                        Scored(region, family, lag, cands[col], col, cell(counts, col), float(g[0, col]))
                    )
    return select(grid, scored, null_max, settings)
