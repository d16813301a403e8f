"""The one shape every activity file becomes, whatever its format.

Parsers (GPX, TCX, FIT) turn bytes into a :class:`ParsedActivity`; the log stores it. A parser
raises :class:`ImportFileError` (never anything else) for a file it cannot use, with a reason a
runner can understand; a file it can partly use comes back with ``warnings`` saying what was lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from runcoach.errors import DataError


class ImportFileError(DataError):
    """One file could not be imported. ``str(exc)`` is the reason, without the path."""


@dataclass(frozen=True)
class ParsedLap:
    start: datetime
    elapsed_s: float
    distance_m: float | None = None
    moving_s: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None


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
