"""FIT sessions: one leg of an activity (a run, or a triathlon's swim, bike, run) each.

A session message carries the device's own totals, which runcoach keeps as they are; the records
recorded during the session fill in what the message leaves out (GPS, points, moving time).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from runcoach.log.importers.assemble import TrackInfo, cadence_spm, offset_from_position, summarise_track
from runcoach.log.importers.fit_read import FitClock, FitContent, Raw, degrees
from runcoach.log.importers.model import ImportFileError, ParsedActivity, ParsedLap
from runcoach.log.importers.multi import combine
from runcoach.log.importers.sport import normalise_sport, raw_label
from runcoach.log.importers.track import Point, TrackSummary, valid_position


def num(value: Any) -> float | None:
    """A numeric FIT field as float (fitdecode gives tuples, strings or None for odd fields)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


_num = num


def _heart_rate(value: Any) -> float | None:
    """A heart rate, or None for the 0 (or 255) devices write when no strap was worn."""
    rate = num(value)
    return rate if rate is not None and 0 < rate < 255 else None


def from_sessions(content: FitContent, clock: FitClock, points: list[Point]) -> ParsedActivity:
    timed = sorted((p for p in points if p.time is not None), key=lambda p: p.time)  # type: ignore[arg-type,return-value]
    times = [p.time for p in timed]
    fallback = (
        times[0] if times else clock.at(content.file_ids[0].get("time_created")) if content.file_ids else None
    )
    legs = [_leg(session, content, clock, timed, times, fallback) for session in content.sessions]  # type: ignore[arg-type]
    return combine(sorted(legs, key=lambda leg: leg.start))


def _time_of(point: Point) -> datetime:
    assert point.time is not None
    return point.time


def _session_window(
    session: Raw, clock: FitClock, times: list[datetime], fallback: datetime | None
) -> tuple[datetime, float]:
    start = clock.at(session.get("start_time")) or fallback
    if start is None:
        raise ImportFileError("FIT session has no start time and the file has no timed records")
    elapsed = _num(session.get("total_elapsed_time"))
    if elapsed is None:
        end = clock.at(session.get("timestamp")) or (times[-1] if times else start)
        elapsed = max(0.0, (end - start).total_seconds())
    return start, elapsed


def _leg(
    session: Raw,
    content: FitContent,
    clock: FitClock,
    timed: list[Point],
    times: list[datetime],
    fallback: datetime | None,
) -> ParsedActivity:
    start, elapsed = _session_window(session, clock, times, fallback)
    timer = _num(session.get("total_timer_time"))
    warnings: list[str] = []
    if timer is not None and timer > elapsed + 1:
        warnings.append("the device's elapsed and timer times were swapped; corrected")
        elapsed, timer = timer, elapsed
    end = start + timedelta(seconds=elapsed + 1)
    samples = timed[bisect_left(times, start) : bisect_right(times, end)]
    info = TrackInfo(source_format="fit", kind="FIT session", warnings=warnings)
    summary = summarise_track([samples], info) if samples else None
    sport, sub = session.get("sport"), session.get("sub_sport")
    normalised = normalise_sport(sport, sub)
    position = _start_position(session, summary)
    track = _TrackFigures.of(summary)
    return ParsedActivity(
        sport=normalised,
        start=start,
        elapsed_s=round(elapsed, 3),
        source_format="fit",
        distance_m=_first(_num(session.get("total_distance")), track.distance),
        moving_s=_moving(session, track.moving, timer),
        timer_s=timer,
        utc_offset_min=offset_from_position(position, start),
        utc_offset_source="coordinates" if position else None,
        sport_raw=raw_label(sport, sub),
        elevation_gain_m=_first(_num(session.get("total_ascent")), track.gain),
        avg_hr=_first(_heart_rate(session.get("avg_heart_rate")), track.avg_hr),
        max_hr=_first(_heart_rate(session.get("max_heart_rate")), track.max_hr),
        avg_cadence_spm=cadence_spm(_session_cadence(session, track.cadence), normalised, per_leg=True),
        laps=_laps(content.laps, clock, start, end, normalised),
        has_gps=position is not None,
        point_count=len(samples),
        warnings=tuple(info.warnings),
        start_position=position,
    )


def _first(*values: float | None) -> float | None:
    for value in values:
        if value is not None:
            return value
    return None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@dataclass(frozen=True)
class _TrackFigures:
    """What a session's records say, for the fields its own message leaves out."""

    distance: float | None = None
    moving: float | None = None
    gain: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    cadence: float | None = None

    @classmethod
    def of(cls, summary: TrackSummary | None) -> _TrackFigures:
        if summary is None:
            return cls()
        distance = summary.device_distance_m
        if distance is None and summary.has_gps:
            distance = summary.distance_m
        return cls(
            distance=_round(distance),
            moving=summary.moving_s,
            gain=summary.elevation_gain_m,
            avg_hr=_round(summary.avg_hr),
            max_hr=summary.max_hr,
            cadence=summary.avg_cadence,
        )


def _moving(session: Raw, computed: float | None, timer: float | None) -> float | None:
    device = _num(session.get("total_moving_time"))
    if device is not None:
        return device
    if computed is not None and timer is not None:
        return round(min(computed, timer), 1)
    return _first(computed, timer)


def _session_cadence(session: Raw, computed: float | None) -> float | None:
    whole = _num(session.get("avg_running_cadence")) or _num(session.get("avg_cadence"))
    if whole is None:
        return computed
    return whole + (_num(session.get("avg_fractional_cadence")) or 0.0)


def _start_position(session: Raw, summary: TrackSummary | None) -> tuple[float, float] | None:
    if summary is not None and summary.first_position is not None:
        return summary.first_position
    lat, lon = degrees(session.get("start_position_lat")), degrees(session.get("start_position_long"))
    return (lat, lon) if valid_position(lat, lon) else None  # type: ignore[return-value]


def _laps(
    laps: list[Raw], clock: FitClock, start: datetime, end: datetime, sport: str
) -> tuple[ParsedLap, ...]:
    out = []
    for lap in laps:
        lap_start = clock.at(lap.get("start_time"))
        if lap_start is None or not start <= lap_start <= end:
            continue
        out.append(
            ParsedLap(
                start=lap_start,
                elapsed_s=_num(lap.get("total_elapsed_time")) or 0.0,
                distance_m=_num(lap.get("total_distance")),
                moving_s=_num(lap.get("total_moving_time")) or _num(lap.get("total_timer_time")),
                avg_hr=_num(lap.get("avg_heart_rate")),
                max_hr=_num(lap.get("max_heart_rate")),
                sport=sport,
            )
        )
    return tuple(sorted(out, key=lambda lap: lap.start))
