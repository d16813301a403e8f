"""The one shape every activity file becomes, whatever its format.

Parsers (GPX, TCX, FIT) turn bytes into a :class:`ParsedActivity`; the log stores it. A parser
raises :class:`ImportFileError` (never anything else) for a file it cannot use, with a reason a
runner can understand; a file it can partly use comes back with ``warnings`` saying what was lost.
A valid file that holds no activity (a FIT workout, a waypoint-only GPX, a planned route) raises
:class:`NotAnActivityError`, so a bulk import can report it as skipped rather than failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from runcoach.errors import DataError

#: the normalised sports, in the order a listing would show them
SPORTS = (
    "running",
    "trail_running",
    "treadmill_running",
    "walking",
    "hiking",
    "cycling",
    "swimming",
    "multisport",
    "other",
)


class ImportFileError(DataError):
    """One file could not be imported. ``str(exc)`` is the reason, on one line, without the path."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(" ".join(message.split()), hint=hint)


class NotAnActivityError(ImportFileError):
    """A valid file with nothing to import (settings, workout, weight, waypoints, a route)."""


@dataclass(frozen=True)
class ParsedLap:
    start: datetime
    elapsed_s: float
    distance_m: float | None = None
    moving_s: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    #: the sport of the leg this lap belongs to (multisport files), normalised
    sport: str | None = None


@dataclass(frozen=True)
class ParsedActivity:
    """Summary of one activity. Datetimes are time-zone aware (UTC)."""

    #: normalised sport: running, trail_running, treadmill_running, walking, hiking, cycling,
    #: swimming, multisport, other (the file's own label is kept in ``sport_raw``)
    sport: str
    start: datetime
    elapsed_s: float
    source_format: str  # "gpx" | "tcx" | "fit"
    distance_m: float | None = None
    #: time spent moving: the device's own figure when it records one, else from the samples
    moving_s: float | None = None
    #: offset of local time from UTC at the start, in minutes, when the file or its GPS tells it
    utc_offset_min: int | None = None
    sport_raw: str | None = None
    name: str | None = None
    device: str | None = None
    elevation_gain_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_cadence_spm: float | None = None
    laps: tuple[ParsedLap, ...] = ()
    has_gps: bool = False
    point_count: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)
    #: the device's timer (elapsed minus pauses): FIT total_timer_time, TCX sum of laps
    timer_s: float | None = None
    #: where ``utc_offset_min`` came from: "device" (FIT local time) or "coordinates"
    utc_offset_source: str | None = None
    #: the first GPS position (lat, lon) in degrees, when there is one
    start_position: tuple[float, float] | None = None
    #: for multisport files, one summary per leg (swim, transition, bike, run ...), in order
    legs: tuple[ParsedActivity, ...] = ()
