"""Planted-trigger scenarios for the pattern-finder tests: logs, and how a finding is judged."""

from __future__ import annotations

from typing import Any

import numpy as np
from bench.synthetic_logs import Plant, generate

from runcoach.log.analytics.series import weekly
from tests.log.analytics.logs import history_of

TOLERANCE = 0.10  # thresholds count as found within 10% of the planted value


def weekly_quantile(doc: dict[str, Any], q: float) -> float:
    return float(np.quantile([w.distance_m for w in weekly(history_of(doc))], q))


def run_quantile(doc: dict[str, Any], q: float) -> float:
    return float(np.quantile([r["distance_m"] for r in doc["runs"]], q))


def plants_for(seed: int, days: int) -> tuple[Plant, ...]:
    """Every trigger kind over two logs: even seeds plant six kinds, odd seeds four others."""
    base = generate(seed, days=days)  # the same training: plants only add pain
    if seed % 2 == 0:
        return (
            Plant("weekly_volume", "hip_groin", round(weekly_quantile(base, 0.7)), lag=seed % 4 // 2),
            Plant("long_run", "knee", round(run_quantile(base, 0.85))),
            Plant("session_type", "shin", ("tempo", "intervals", "hills")[seed % 3]),
            Plant("sleep", "thigh", 6.0, lag=0),
            Plant("stress", "foot_toe", 6, lag=seed % 4 // 2),
            Plant("cycle", "calf_achilles", ("1-4", "24-28", "12-15")[seed % 3], lag=0, chance=0.7),
        )
    return (
        Plant("terrain", "hip_groin", ("trail", "treadmill", "grass")[seed % 3]),
        Plant("shoe", "knee", "s4"),
        Plant("training", "shin", "strength"),
        Plant("sleep", "thigh", 5.5, lag=1),
    )


def matches(plant: Plant, value: object) -> bool:
    if plant.trigger == "cycle":
        lo, hi = (int(x) for x in str(plant.value).split("-"))
        got = [int(x) for x in str(value).split("-")]
        return abs(got[0] - lo) <= 1 and abs(got[1] - hi) <= 1
    if isinstance(plant.value, str):
        return value == plant.value
    return isinstance(value, int | float) and abs(value - float(plant.value)) <= TOLERANCE * float(
        plant.value
    )


def judge(plants: tuple[Plant, ...], found: list[tuple[str, str, object]]) -> tuple[list[Plant], list[Any]]:
    """(planted triggers not found with the right region and value, findings nobody planted)."""
    missed = [
        p for p in plants if not any(r == p.region and t == p.trigger and matches(p, v) for r, t, v in found)
    ]
    extra = [f for f in found if not any(f[0] == p.region and f[1] == p.trigger for p in plants)]
    return missed, extra
