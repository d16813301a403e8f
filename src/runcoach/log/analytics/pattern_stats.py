"""The statistics of the pain-pattern finder (pure numpy).

For one family of candidate triggers and many versions of the pain log at once (row 0 the real
log, the other rows shuffled), :func:`candidate_counts` gives the 2x2 counts of every candidate
(each threshold, label or cycle range); :func:`g_scores` turns them into one-sided
likelihood-ratio (G) statistics; :func:`shuffles` makes the seeded block-shuffled day orders;
:func:`fisher_greater` is the exact one-sided p-value reported for a found pattern.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from runcoach.log.analytics.pattern_data import Family, FloatArray, Grid

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Candidate:
    """One candidate of a family: a threshold, a label, or a cycle-day range (lo, hi)."""

    threshold: float = 0.0
    label: str = ""
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Counts:
    exposed_pain: FloatArray  # rows x candidates
    exposed: FloatArray
    total_pain: FloatArray  # rows
    total: FloatArray

    def unexposed_pain(self) -> FloatArray:
        return self.total_pain[:, None] - self.exposed_pain

    def unexposed(self) -> FloatArray:
        return self.total[:, None] - self.exposed


def shuffles(days: int, *, count: int, block: int, seed: int) -> npt.NDArray[np.int64]:
    """``count + 1`` orders of the days ``0..days-1``: the identity first, then each a shuffle of
    ``block``-day blocks, every block turned round by its own random number of days (so pain
    keeps its flares but loses its weekday, which a weekly routine would otherwise line up again)."""
    rng = np.random.default_rng(seed)
    rows = [np.arange(days)]
    n_blocks = days // block
    inside = np.arange(block)
    for _ in range(count):
        start = int(rng.integers(0, block)) if days > block else 0
        order = np.roll(np.arange(days), -start)
        turns = rng.integers(0, block, size=n_blocks)
        blocks = order[: n_blocks * block].reshape(n_blocks, block)
        turned = np.take_along_axis(blocks, (inside[None, :] + turns[:, None]) % block, axis=1)
        head = turned[rng.permutation(n_blocks)].ravel()
        rows.append(np.concatenate([head, order[n_blocks * block :]]))
    return np.array(rows, dtype=np.int64)


def permuted(grid: Grid, mask: BoolArray, orders: npt.NDArray[np.int64]) -> BoolArray:
    """``mask`` (a day array of the grid) under each order: rows x padded days."""
    out = np.zeros((len(orders), grid.padded), dtype=bool)
    out[:, : grid.days] = np.take(mask[: grid.days], orders)
    return out


def outcomes(
    grid: Grid, family: Family, pain: BoolArray, known: BoolArray, lag: int
) -> tuple[FloatArray, FloatArray]:
    """Per row and unit: pain on the outcome day (or week) ``lag`` later, and whether it is known."""
    if family.unit == "day":
        at = family.index + lag
        k = known[:, at]
        return (pain[:, at] & k).astype(np.float32), k.astype(np.float32)
    rows = len(pain)
    weeks_pain: BoolArray = np.any((pain & known).reshape(rows, -1, 7), axis=2)
    weeks_known: BoolArray = np.any(known.reshape(rows, -1, 7), axis=2)
    at = family.index + lag
    k = weeks_known[:, at]
    return (weeks_pain[:, at] & k).astype(np.float32), k.astype(np.float32)


def candidates(family: Family, max_range: int) -> list[Candidate]:
    """The candidates of a family, in the column order of :func:`candidate_counts`."""
    if family.kind == "category":
        return [Candidate(label=label) for label in family.labels]
    if family.kind == "cycle":
        top = int(family.values.max()) if len(family.values) else 0
        spans = [(lo, hi) for lo in range(1, top + 1) for hi in range(lo, min(lo + max_range, top + 1))]
        return [Candidate(span=span) for span in spans]
    values = np.unique(family.values)
    return [Candidate(threshold=float((values[i - 1] + values[i]) / 2)) for i in range(1, len(values))]


def candidate_counts(family: Family, y: FloatArray, k: FloatArray, max_range: int) -> Counts:
    totals = (y.sum(axis=1), k.sum(axis=1))
    if family.kind == "category":
        e = family.exposure.astype(np.float32)
        return Counts(y @ e, k @ e, *totals)
    if family.kind == "cycle":
        top = int(family.values.max())
        onehot = np.zeros((len(family.values), top + 1), dtype=np.float32)
        onehot[np.arange(len(family.values)), family.values.astype(int)] = 1.0
        cy, ck = np.cumsum(y @ onehot, axis=1), np.cumsum(k @ onehot, axis=1)
        spans = [c.span for c in candidates(family, max_range)]
        lo = np.array([span[0] - 1 for span in spans], dtype=np.int64)
        hi = np.array([span[1] for span in spans], dtype=np.int64)
        return Counts(cy[:, hi] - cy[:, lo], ck[:, hi] - ck[:, lo], *totals)
    order = np.argsort(family.values, kind="stable")
    sorted_values = family.values[order]
    cuts = np.flatnonzero(sorted_values[1:] != sorted_values[:-1])  # last index below each cut
    py, pk = np.cumsum(y[:, order], axis=1)[:, cuts], np.cumsum(k[:, order], axis=1)[:, cuts]
    if family.kind == "below":
        return Counts(py, pk, *totals)
    return Counts(totals[0][:, None] - py, totals[1][:, None] - pk, *totals)


def g_scores(counts: Counts, *, min_exposed: int, min_pain: int, min_lift: float) -> FloatArray:
    """One-sided G statistic per row and candidate; 0 where the candidate lacks support."""
    a, n1 = counts.exposed_pain.astype(np.float64), counts.exposed.astype(np.float64)
    c, n0 = counts.unexposed_pain().astype(np.float64), counts.unexposed().astype(np.float64)
    n = n1 + n0
    m1 = a + c
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.zeros_like(a)
        for obs, row, col in ((a, n1, m1), (n1 - a, n1, n - m1), (c, n0, m1), (n0 - c, n0, n - m1)):
            g += np.where(obs > 0, obs * np.log(obs * n / (row * col)), 0.0)
        lift = np.where(c > 0, (a / n1) / (c / n0), np.inf)
    ok = (n1 >= min_exposed) & (n0 >= min_exposed) & (a >= min_pain) & (lift >= min_lift) & (a * n0 > c * n1)
    return np.where(ok, 2 * g, 0.0)


def fisher_greater(a: int, n1: int, c: int, n0: int) -> float:
    """P(at least ``a`` exposed pain units) if pain fell on units at random (hypergeometric)."""
    m = a + c
    n = n1 + n0

    def log_comb(x: int, y: int) -> float:
        return math.lgamma(x + 1) - math.lgamma(y + 1) - math.lgamma(x - y + 1)

    total = log_comb(n, m)
    terms = [log_comb(n1, i) + log_comb(n0, m - i) - total for i in range(a, min(n1, m) + 1) if m - i <= n0]
    return min(1.0, sum(math.exp(t) for t in terms))
