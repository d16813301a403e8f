"""Turn a track's samples into a :class:`ParsedActivity` (GPX, trackpoint-only TCX, FIT records)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from runcoach.log.importers.model import ImportFileError, NotAnActivityError, ParsedActivity, ParsedLap
from runcoach.log.importers.sport import normalise_sport
from runcoach.log.importers.track import Point, TrackSummary, clean_segments, summarise
from runcoach.log.importers.tz import utc_offset_min_at

ON_FOOT = frozenset({"running", "trail_running", "treadmill_running", "walking", "hiking"})
#: below these averages a file's cadence is per leg (strides/min) and is doubled to steps/min
_PER_LEG_BELOW = {"walking": 80.0, "hiking": 80.0}
_PER_LEG_RUNNING = 120.0


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 time as aware UTC (times without a zone are UTC, as GPX and TCX specify)."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def cadence_spm(raw: float | None, sport: str, *, per_leg: bool | None = None) -> float | None:
    """Average cadence in steps per minute for on-foot sports (None for the others).

    FIT and Garmin's TCX/GPX extensions count one leg (``per_leg=True``); other apps write full
    steps. When the file does not say, an average below a plausible step rate is taken as per-leg.
    """
    if raw is None or raw <= 0 or sport not in ON_FOOT:
        return None
    if per_leg is None:
        per_leg = raw < _PER_LEG_BELOW.get(sport, _PER_LEG_RUNNING)
    return round(raw * 2 if per_leg else raw, 1)


def offset_from_position(position: tuple[float, float] | None, start: datetime) -> int | None:
    if position is None:
        return None
    return utc_offset_min_at(position[0], position[1], start)


#: no human heart beats this fast; devices write 255 for "no reading"
MAX_HEART_RATE = 255


@dataclass
class TrackInfo:
    """What a track-based file says besides its samples."""

    source_format: str
    kind: str  # "GPX track", "TCX activity", "FIT file" - for messages
    sport_raw: str | None = None
    name: str | None = None
    device: str | None = None
    warnings: list[str] = field(default_factory=list)
    laps: tuple[ParsedLap, ...] = ()
    per_leg_cadence: bool | None = None
    #: use the device's cumulative distance over the GPS track's length (FIT records)
    prefer_device_distance: bool = False


def summarise_track(segments: Sequence[Sequence[Point]], info: TrackInfo) -> TrackSummary:
    cleaned, blanked, dropped = clean_segments(segments)
    if blanked:
        info.warnings.append(f"{blanked} point(s) with impossible coordinates were left out of the distance")
    if dropped:
        info.warnings.append(f"{dropped} point(s) whose time goes backwards were left out")
    impossible_hr = sum(1 for seg in cleaned for p in seg if p.hr is not None and p.hr >= MAX_HEART_RATE)
    if impossible_hr:
        info.warnings.append(
            f"{impossible_hr} heart-rate reading(s) of {MAX_HEART_RATE} bpm or more are impossible"
            " and were ignored"
        )
    return summarise(cleaned)


def activity_from_track(segments: Sequence[Sequence[Point]], info: TrackInfo) -> ParsedActivity:
    """A ParsedActivity from samples, or NotAnActivityError / ImportFileError saying why not."""
    if not any(segments):
        raise NotAnActivityError(f"{info.kind} has no points: nothing to import")
    summary = summarise_track(segments, info)
    if summary.start is None:
        raise NotAnActivityError(
            f"{info.kind} has no timestamps: it looks like a planned route, not a recorded activity",
            hint="export the activity itself (with times) from the app or watch that recorded it",
        )
    sport = normalise_sport(info.sport_raw)
    return ParsedActivity(
        sport=sport,
        start=summary.start,
        elapsed_s=summary.elapsed_s,
        source_format=info.source_format,
        distance_m=_distance(summary, info.prefer_device_distance),
        moving_s=summary.moving_s,
        utc_offset_min=offset_from_position(summary.first_position, summary.start),
        utc_offset_source="coordinates" if summary.first_position else None,
        sport_raw=info.sport_raw,
        name=info.name,
        device=info.device,
        elevation_gain_m=_round(summary.elevation_gain_m),
        avg_hr=_round(summary.avg_hr),
        max_hr=summary.max_hr,
        avg_cadence_spm=cadence_spm(summary.avg_cadence, sport, per_leg=info.per_leg_cadence),
        laps=info.laps,
        has_gps=summary.has_gps,
        point_count=summary.point_count,
        warnings=tuple(info.warnings),
        start_position=summary.first_position,
    )


def _distance(summary: TrackSummary, prefer_device: bool) -> float | None:
    if prefer_device and summary.device_distance_m is not None:
        return round(summary.device_distance_m, 1)
    if summary.has_gps:
        return round(summary.distance_m, 1)
    return _round(summary.device_distance_m)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ImportFileError(message)
