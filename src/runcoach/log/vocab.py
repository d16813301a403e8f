"""The closed vocabularies of the training log (contract section 5), in one place."""

from __future__ import annotations

from typing import Literal, get_args

RunType = Literal["easy", "long", "tempo", "intervals", "hills", "race", "recovery"]
Terrain = Literal["road", "trail", "track", "treadmill", "grass"]
Side = Literal["left", "right", "both"]
Sensation = Literal["sharp", "dull", "burning", "tingling", "tight"]
Timing = Literal["before_run", "early_run", "mid_run", "late_run", "after_run", "night", "morning"]
Illness = Literal["above_neck", "below_neck"]
TrainingKind = Literal["strength", "cycling", "swimming", "pool_running", "elliptical", "yoga", "other"]
Source = Literal["manual", "gpx", "tcx", "fit", "strava", "garmin"]
Sex = Literal["female", "male", "other"]

RUN_TYPES: tuple[str, ...] = get_args(RunType)
TERRAINS: tuple[str, ...] = get_args(Terrain)
SIDES: tuple[str, ...] = get_args(Side)
SENSATIONS: tuple[str, ...] = get_args(Sensation)
TIMINGS: tuple[str, ...] = get_args(Timing)
ILLNESSES: tuple[str, ...] = get_args(Illness)
TRAINING_KINDS: tuple[str, ...] = get_args(TrainingKind)
SOURCES: tuple[str, ...] = get_args(Source)
SEXES: tuple[str, ...] = get_args(Sex)

#: sports a shoe, a pace check and "runs" analytics apply to
RUNNING_SPORTS: frozenset[str] = frozenset({"running", "trail_running", "treadmill_running"})

#: sports treated as one for "same start time + sport" duplicate detection
SPORT_FAMILY: dict[str, str] = {
    "running": "running",
    "trail_running": "running",
    "treadmill_running": "running",
    "walking": "walking",
    "hiking": "walking",
}


def sport_family(sport: str) -> str:
    return SPORT_FAMILY.get(sport, sport)
