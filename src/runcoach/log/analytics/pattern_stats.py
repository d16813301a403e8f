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
IntArray = npt.NDArray[np.int64]

#: thresholds tried per numeric trigger at most (evenly spaced by rank when there are more values)
MAX_THRESHOLDS = 240


@dataclass(frozen=True)
class Candidate:
    """One candidate of a family: a threshold, a label, or a cycle-day range (lo, hi)."""

    threshold: float = 0.0  # exposed: above (or below) it
    label: str = ""
    span: tuple[int, int] = (0, 0)
    reported: float = 0.0  # the threshold as the runner reads it (see Family.boundary)


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


def permuted(grid: Grid, mask: BoolArray, orders: npt.NDArray[np.int64]) -> FloatArray:
    """``mask`` (a day array of the grid) under each order, as 0/1: padded days x rows."""
    out = np.zeros((grid.padded, len(orders)), dtype=np.float32)
    out[: grid.days] = mask[: grid.days][orders.T]
    return out


def outcome(family: Family, days: FloatArray, lag: int) -> FloatArray:
    """Per unit and row: the day value (pain, or known) on the outcome day ``lag`` later, or for
    week units whether any day of the outcome week has it."""
    if family.unit == "day":
        return days[family.index + lag]
    count = (len(days) - family.offset) // 7
    span = days[family.offset : family.offset + 7 * count]
    weeks: FloatArray = span.reshape(count, 7, days.shape[1]).max(axis=1)
    return weeks[family.index + lag]


def candidates(family: Family, max_range: int) -> list[Candidate]:
    """The candidates of a family, in the column order of :func:`candidate_counts`."""
    if family.kind == "category":
        return [Candidate(label=label) for label in family.labels]
    if family.kind == "cycle":
        top = int(family.values.max()) if len(family.values) else 0
        spans = [(lo, hi) for lo in range(1, top + 1) for hi in range(lo, min(lo + max_range, top + 1))]
        return [Candidate(span=span) for span in spans]
    ordered = np.sort(family.values)
    edge = 1 if family.kind == "below" else 0  # the unexposed side of each cut
    return [
        Candidate(
            threshold=float((ordered[i] + ordered[i + 1]) / 2),
            reported=float(
                (ordered[i] + ordered[i + 1]) / 2 if family.boundary == "mid" else ordered[i + edge]
            ),
        )
        for i in _cuts(ordered)
    ]


def _cuts(ordered: FloatArray) -> IntArray:
    """Positions i of a sorted array where a threshold can fall between i and i + 1: every change
    of value, thinned evenly by rank to at most MAX_THRESHOLDS (the ends kept)."""
    cuts = np.flatnonzero(ordered[1:] != ordered[:-1])
    if len(cuts) <= MAX_THRESHOLDS:
        return cuts
    return cuts[np.unique(np.linspace(0, len(cuts) - 1, MAX_THRESHOLDS).round().astype(np.int64))]


def exposed_sums(family: Family, values: FloatArray, max_range: int) -> FloatArray:
    """For each row and candidate, the sum of ``values`` (units x rows) over its exposed units.
    (Segment sums over sorted units rather than matrix products: faster, and exact.)"""
    if family.kind == "category":
        return (
            np.array([values[family.exposure[:, i]].sum(axis=0) for i in range(len(family.labels))])
            .reshape(len(family.labels), values.shape[1])
            .T
        )
    order = np.argsort(family.values, kind="stable")
    ordered, sorted_values = family.values[order], values[order]
    if family.kind == "cycle":
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        per_day = np.zeros((int(ordered[-1]) + 1, values.shape[1]), dtype=values.dtype)
        per_day[ordered[starts].astype(np.int64)] = np.add.reduceat(sorted_values, starts, axis=0)
        running = np.cumsum(per_day, axis=0)
        spans = [c.span for c in candidates(family, max_range)]
        lo = np.array([span[0] - 1 for span in spans], dtype=np.int64)
        hi = np.array([span[1] for span in spans], dtype=np.int64)
        return (running[hi] - running[lo]).T
    cuts = _cuts(ordered)  # the last unit below each threshold
    segments = np.add.reduceat(sorted_values, np.r_[0, cuts + 1], axis=0) if len(cuts) else sorted_values[:0]
    below = np.cumsum(segments, axis=0)[: len(cuts)].T
    return below if family.kind == "below" else values.sum(axis=0)[:, None] - below


def candidate_counts(family: Family, pain: FloatArray, known: FloatArray, max_range: int) -> Counts:
    """The 2x2 counts of every candidate from outcome pain and known values (units x rows)."""
    return Counts(
        exposed_sums(family, pain, max_range),
        exposed_sums(family, known, max_range),
        pain.sum(axis=0),
        known.sum(axis=0),
    )


def g_scores(counts: Counts, *, min_exposed: int, min_pain: int, min_lift: float) -> FloatArray:
    """One-sided G statistic per row and candidate; 0 where the candidate lacks support (the
    statistic is only worked out for the candidates that have it)."""
    a, n1 = counts.exposed_pain, counts.exposed
    c, n0 = counts.unexposed_pain(), counts.unexposed()
    # lift >= min_lift as a product, so an unexposed rate of zero needs no division
    ok = (n1 >= min_exposed) & (n0 >= min_exposed) & (a >= min_pain) & (a * n0 > c * n1)
    ok &= a * n0 >= min_lift * c * n1
    out = np.zeros(a.shape)
    if not ok.any():
        return out
    a, n1, c, n0 = (x[ok].astype(np.float64) for x in (a, n1, c, n0))
    n, m1 = n1 + n0, a + c
    g = np.zeros_like(a)
    with np.errstate(divide="ignore", invalid="ignore"):
        for obs, row, col in ((a, n1, m1), (n1 - a, n1, n - m1), (c, n0, m1), (n0 - c, n0, n - m1)):
            g += np.where(obs > 0, obs * np.log(obs * n / (row * col)), 0.0)
    out[ok] = 2 * g
    return out


def fisher_greater(a: int, n1: int, c: int, n0: int) -> float:
    """P(at least ``a`` exposed pain units) if pain fell on units at random (hypergeometric)."""
    m = a + c
    n = n1 + n0

    def log_comb(x: int, y: int) -> float:
        return math.lgamma(x + 1) - math.lgamma(y + 1) - math.lgamma(x - y + 1)

    total = log_comb(n, m)
    terms = [log_comb(n1, i) + log_comb(n0, m - i) - total for i in range(a, min(n1, m) + 1) if m - i <= n0]
    return min(1.0, sum(math.exp(t) for t in terms))
