"""Plausibility checks for a run's numbers: impossible values are never stored silently.

``run_problems(...)`` returns what is wrong, field by field. A manual entry or an exchange record
with any problem is refused; an imported file keeps its run but drops the impossible value and
says so in a warning (the watch measured something, the number is what is wrong).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from runcoach.log.vocab import RUNNING_SPORTS
from runcoach.units import format_duration as _clock

#: men's world records (distance in metres, time in seconds), used as the fastest possible pace
WORLD_RECORDS: tuple[tuple[float, float], ...] = (
    (100, 9.58),
    (200, 19.19),
    (400, 43.03),
    (800, 100.91),
    (1500, 206.00),
    (3000, 440.67),
    (5000, 755.36),
    (10000, 1571.00),
    (21097.5, 3451.0),
    (42195, 7235.0),
    (100000, 21935.0),
)
MAX_HR = 250
MIN_HR = 25
MAX_DISTANCE_M = 1_000_000.0
MAX_DURATION_S = 10 * 24 * 3600.0
FUTURE_SLACK = timedelta(minutes=10)


@dataclass(frozen=True)
class Problem:
    field: str
    reason: str


def record_time(distance_m: float) -> float:
    """The fastest time anyone has run ``distance_m`` in (log-log interpolation of the records)."""
    points = WORLD_RECORDS
    if distance_m <= points[0][0]:
        return points[0][1] * distance_m / points[0][0]
    for (d0, t0), (d1, t1) in itertools.pairwise(points):
        if distance_m <= d1:
            slope = math.log(t1 / t0) / math.log(d1 / d0)
            return float(t0 * (distance_m / d0) ** slope)
    (d0, t0), (d1, t1) = points[-2], points[-1]
    slope = math.log(t1 / t0) / math.log(d1 / d0)
    return float(t1 * (distance_m / d1) ** slope)


def run_problems(
    *,
    sport: str,
    start: datetime,
    distance_m: float | None,
    elapsed_s: float,
    now: datetime,
    avg_hr: float | None = None,
    max_hr: float | None = None,
    cadence_spm: float | None = None,
    elevation_gain_m: float | None = None,
) -> list[Problem]:
    """Everything impossible about one run's numbers (empty when they are plausible)."""
    problems: list[Problem] = []
    if start > now + FUTURE_SLACK:
        problems.append(Problem("start", f"{start.isoformat()} is in the future"))
    if not math.isfinite(elapsed_s) or elapsed_s <= 0:
        problems.append(Problem("duration_s", "the duration must be more than zero"))
    elif elapsed_s > MAX_DURATION_S:
        problems.append(Problem("duration_s", f"{elapsed_s / 86400:.1f} days is longer than any run"))
    if distance_m is not None:
        problems += _distance_problems(sport, distance_m, elapsed_s)
    for name, value in (("avg_hr", avg_hr), ("max_hr", max_hr)):
        if value is not None and not MIN_HR <= value <= MAX_HR:
            problems.append(Problem(name, f"{value:g} bpm is not a possible heart rate ({MIN_HR}-{MAX_HR})"))
    if avg_hr is not None and max_hr is not None and avg_hr > max_hr and max_hr >= MIN_HR:
        problems.append(Problem("avg_hr", f"average {avg_hr:g} bpm is above the maximum {max_hr:g} bpm"))
    if cadence_spm is not None and not 0 <= cadence_spm <= 300:
        problems.append(Problem("cadence_spm", f"{cadence_spm:g} steps per minute is not possible"))
    if elevation_gain_m is not None and not 0 <= elevation_gain_m <= 20000:
        problems.append(Problem("elevation_gain_m", f"{elevation_gain_m:g} m of climbing is not possible"))
    return problems


def _distance_problems(sport: str, distance_m: float, elapsed_s: float) -> list[Problem]:
    if not math.isfinite(distance_m) or distance_m < 0:
        return [Problem("distance_m", "the distance cannot be negative")]
    if distance_m > MAX_DISTANCE_M:
        return [Problem("distance_m", f"{distance_m / 1000:.0f} km is longer than any run")]
    if sport in RUNNING_SPORTS and distance_m > 0 and elapsed_s > 0:
        fastest = record_time(distance_m)
        if elapsed_s < fastest:
            pace = elapsed_s / (distance_m / 1000)
            return [
                Problem(
                    "distance_m",
                    f"{distance_m / 1000:.2f} km in {_clock(elapsed_s)} ({_clock(pace)}/km) is faster than "
                    f"the world record ({_clock(fastest)})",
                )
            ]
    return []
