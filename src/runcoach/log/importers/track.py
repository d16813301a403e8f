"""Summaries computed from samples: distance, moving time, climb, heart rate, cadence.

GPX files, trackpoint-only TCX files and FIT files without a session carry no totals, so the
figures come from the points. Distance is the 2D haversine length of each time-ordered segment
(gaps between segments are pauses, not distance); points with impossible coordinates are dropped.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

EARTH_RADIUS_M = 6_371_008.8
#: slower than this (m/s) between two samples counts as standing still
MOVING_SPEED_MS = 0.5
#: a climb counts once the elevation has risen this much (m) above the last low point
CLIMB_HYSTERESIS_M = 2.0
#: elevations outside this range (metres) are sensor garbage, not terrain
MIN_ELEVATION_M, MAX_ELEVATION_M = -500.0, 9000.0
#: a jump larger than this (m) between two samples is a spike, unless it lasts
MAX_ELEVATION_STEP_M = 100.0
_SPIKE_SAMPLES = 10


@dataclass(slots=True)
class Point:
    time: datetime | None = None
    lat: float | None = None
    lon: float | None = None
    ele: float | None = None
    hr: float | None = None
    cadence: float | None = None
    #: cumulative distance the device measured (FIT record / TCX DistanceMeters), metres
    distance: float | None = None

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class TrackSummary:
    start: datetime | None
    end: datetime | None
    distance_m: float
    moving_s: float | None
    elevation_gain_m: float | None
    avg_hr: float | None
    max_hr: float | None
    avg_cadence: float | None
    has_gps: bool
    point_count: int
    first_position: tuple[float, float] | None
    #: the largest cumulative distance the device recorded (treadmill runs have no positions)
    device_distance_m: float | None = None

    @property
    def elapsed_s(self) -> float:
        if self.start is None or self.end is None:
            return 0.0
        return (self.end - self.start).total_seconds()


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def valid_position(lat: float | None, lon: float | None) -> bool:
    """A real WGS84 position: finite, in range, and not the (0, 0) a GPS writes before a fix."""
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        return False
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0 and not (lat == 0.0 and lon == 0.0)


def time_ordered(points: Sequence[Point]) -> tuple[list[Point], int]:
    """The points in time order, and how many stray points (time going backwards) were dropped.

    A segment written backwards is sorted; otherwise a point older than the one before it (a stale
    fix some loggers write) is left out. Points without a time keep their place.
    """
    timed = [p.time for p in points if p.time is not None]
    backwards = sum(1 for a, b in itertools.pairwise(timed) if b < a)
    if backwards == 0:
        return list(points), 0
    if backwards * 2 > len(timed) and len(timed) == len(points):
        return sorted(points, key=lambda p: p.time), 0  # type: ignore[arg-type,return-value]
    kept: list[Point] = []
    latest = None
    for point in points:
        if point.time is not None:
            if latest is not None and point.time < latest:
                continue
            latest = point.time
        kept.append(point)
    return kept, len(points) - len(kept)


def segment_length(points: Sequence[Point]) -> float:
    total = 0.0
    prev: Point | None = None
    for point in points:
        if not point.has_position:
            continue
        if prev is not None:
            total += haversine_m(prev.lat, prev.lon, point.lat, point.lon)  # type: ignore[arg-type]
        prev = point
    return total


def _step_distance(prev: Point, point: Point) -> float | None:
    if prev.distance is not None and point.distance is not None:
        return max(0.0, point.distance - prev.distance)
    if prev.has_position and point.has_position:
        return haversine_m(prev.lat, prev.lon, point.lat, point.lon)  # type: ignore[arg-type]
    return None


def moving_time(segments: Sequence[Sequence[Point]]) -> float | None:
    """Seconds between samples at walking speed or faster; None without times or any distance."""
    total, covered = 0.0, 0.0
    for points in segments:
        prev: Point | None = None
        for point in points:
            if point.time is None:
                continue
            if prev is not None and prev.time is not None:
                dt = (point.time - prev.time).total_seconds()
                step = _step_distance(prev, point)
                if step is not None and dt > 0:
                    covered += step
                    if step / dt >= MOVING_SPEED_MS:
                        total += dt
            prev = point
    return total if covered > 0 else None


def elevation_gain(elevations: Sequence[float]) -> float | None:
    """Total climb with a small hysteresis, so GPS and barometer noise do not add up.

    A sample that jumps more than :data:`MAX_ELEVATION_STEP_M` from the last good one is a sensor
    spike and is skipped; if the new level persists, it becomes the reference without any climb.
    """
    if len(elevations) < 2:
        return None
    gain, low, last = 0.0, elevations[0], elevations[0]
    skipped = 0
    for ele in elevations[1:]:
        if abs(ele - last) > MAX_ELEVATION_STEP_M and skipped < _SPIKE_SAMPLES:
            skipped += 1
            continue
        if skipped >= _SPIKE_SAMPLES and abs(ele - last) > MAX_ELEVATION_STEP_M:
            low = ele
        skipped, last = 0, ele
        if ele < low:
            low = ele
        elif ele - low >= CLIMB_HYSTERESIS_M:
            gain += ele - low
            low = ele
    return gain


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def clean_segments(segments: Sequence[Sequence[Point]]) -> tuple[list[list[Point]], int, int]:
    """Segments with impossible positions blanked (other values kept) and stray points dropped.

    Returns the segments, the number of positions blanked and the number of stray points dropped.
    """
    blanked = dropped = 0
    cleaned: list[list[Point]] = []
    for points in segments:
        for point in points:
            if (point.lat is not None or point.lon is not None) and not valid_position(point.lat, point.lon):
                blanked += 1
                point.lat = point.lon = None
        ordered, strays = time_ordered(points)
        dropped += strays
        cleaned.append(ordered)
    return cleaned, blanked, dropped


def summarise(segments: Sequence[Sequence[Point]]) -> TrackSummary:
    """Everything a track tells, over segments already cleaned by :func:`clean_segments`."""
    flat = [p for seg in segments for p in seg]
    times = [p.time for p in flat if p.time is not None]
    positions = [(p.lat, p.lon) for p in flat if p.has_position]
    hrs = [p.hr for p in flat if p.hr is not None and 0 < p.hr < 255]
    cads = [p.cadence for p in flat if p.cadence is not None and p.cadence > 0]
    eles = [p.ele for p in flat if p.ele is not None and MIN_ELEVATION_M < p.ele < MAX_ELEVATION_M]
    distances = [p.distance for p in flat if p.distance is not None and 0 <= p.distance < 1e8]
    return TrackSummary(
        start=min(times) if times else None,
        end=max(times) if times else None,
        distance_m=sum(segment_length(seg) for seg in segments),
        moving_s=moving_time(segments),
        elevation_gain_m=elevation_gain(eles) if len(set(eles)) > 1 else None,
        avg_hr=_mean(hrs),
        max_hr=max(hrs) if hrs else None,
        avg_cadence=_mean(cads),
        has_gps=bool(positions),
        point_count=len(flat),
        first_position=(positions[0][0], positions[0][1]) if positions else None,  # type: ignore[arg-type]
        device_distance_m=max(distances) if distances else None,
    )
