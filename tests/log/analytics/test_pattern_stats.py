"""The pattern statistics: counts match a brute-force count, G and Fisher behave, shuffles are fair."""

from __future__ import annotations

import math

import numpy as np
import pytest

from runcoach.log.analytics.pattern_data import Family
from runcoach.log.analytics.pattern_select import cutoff, exposed_units
from runcoach.log.analytics.pattern_stats import (
    Counts,
    candidate_counts,
    candidates,
    fisher_greater,
    g_scores,
    shuffles,
)

RNG = np.random.default_rng(3)


def _brute(family: Family, y: np.ndarray, k: np.ndarray) -> tuple[list[float], list[float]]:
    cands = candidates(family, 5)
    pain = [float(y[0, exposed_units(family, c)].sum()) for c in cands]
    known = [float(k[0, exposed_units(family, c)].sum()) for c in cands]
    return pain, known


@pytest.mark.parametrize("kind", ["above", "below", "cycle"])
def test_threshold_and_range_counts_match_a_brute_force_count(kind: str) -> None:
    values = (
        RNG.integers(1, 29, size=200).astype(float) if kind == "cycle" else RNG.normal(7, 1, 200).round(1)
    )
    family = Family("x", "day", np.arange(200), kind, values)  # type: ignore[arg-type]
    k = (RNG.random((1, 200)) < 0.9).astype(np.float32)
    y = ((RNG.random((1, 200)) < 0.2) & (k > 0)).astype(np.float32)
    counts = candidate_counts(family, y.T, k.T, 5)
    pain, known = _brute(family, y, k)
    assert counts.exposed_pain[0].tolist() == pain and counts.exposed[0].tolist() == known


def test_label_counts_match_a_brute_force_count() -> None:
    exposure = RNG.random((100, 3)) < 0.3
    family = Family(
        "session_type", "day", np.arange(100), "category", labels=("a", "b", "c"), exposure=exposure
    )
    k = np.ones((1, 100), dtype=np.float32)
    y = (RNG.random((1, 100)) < 0.3).astype(np.float32)
    counts = candidate_counts(family, y.T, k.T, 5)
    assert counts.exposed_pain[0].tolist() == _brute(family, y, k)[0]


def _counts(a: float, n1: float, c: float, n0: float) -> Counts:
    return Counts(np.array([[a]]), np.array([[n1]]), np.array([a + c]), np.array([n1 + n0]))


def test_g_is_zero_without_support_or_when_pain_is_rarer_after_the_trigger() -> None:
    kwargs = {"min_exposed": 5, "min_pain": 4, "min_lift": 1.5}
    assert g_scores(_counts(5, 6, 1, 14), **kwargs)[0, 0] == pytest.approx(11.82, abs=0.01)
    assert g_scores(_counts(3, 4, 1, 14), **kwargs)[0, 0] == 0  # too few exposures
    assert g_scores(_counts(2, 20, 10, 20), **kwargs)[0, 0] == 0  # less pain after the trigger
    assert g_scores(_counts(6, 20, 5, 20), **kwargs)[0, 0] == 0  # lift below 1.5


def test_fisher_matches_the_hypergeometric_tail() -> None:
    # 5 of 6 weeks over, 1 of 14 under: (C(6,5)C(14,1) + C(6,6)C(14,0)) / C(20,6)
    assert fisher_greater(5, 6, 1, 14) == pytest.approx((6 * 14 + 1) / math.comb(20, 6))
    assert fisher_greater(0, 5, 3, 10) == pytest.approx(1.0)


def test_shuffles_are_seeded_permutations_with_the_real_order_first() -> None:
    orders = shuffles(100, count=30, block=7, seed=1)
    assert orders.shape == (31, 100) and orders[0].tolist() == list(range(100))
    assert all(sorted(row.tolist()) == list(range(100)) for row in orders)
    assert (orders == shuffles(100, count=30, block=7, seed=1)).all()
    assert not (orders[1:] == orders[0]).all(axis=1).any()


def test_the_cutoff_lets_at_most_alpha_of_the_shuffles_beat_it() -> None:
    null = np.arange(199, dtype=float)
    bar = cutoff(null, 0.01)
    assert (null > bar).sum() <= 1 and (null >= bar).sum() == 2
    assert cutoff(null[:50], 0.01) == float("inf")  # too few shuffles for this alpha: nothing passes
