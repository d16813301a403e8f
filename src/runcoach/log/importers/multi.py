"""Files that hold more than one activity: multisport legs and history exports.

A triathlon is several legs back to back (FIT sessions, TCX activities); runcoach keeps it as one
``multisport`` activity with its legs in ``legs``. A TCX history export holds unrelated activities
days apart: those stay separate (``parse_activities``) and ``parse_activity`` takes the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from runcoach.log.importers.model import ParsedActivity

#: legs closer than this (end of one to start of the next) belong to one multisport activity
MAX_LEG_GAP = timedelta(hours=1)


def group_contiguous(activities: Sequence[ParsedActivity]) -> list[list[ParsedActivity]]:
    """Split time-ordered activities wherever more than :data:`MAX_LEG_GAP` separates two."""
    groups: list[list[ParsedActivity]] = []
    for activity in activities:
        if groups:
            last = groups[-1][-1]
            if activity.start - (last.start + timedelta(seconds=last.elapsed_s)) <= MAX_LEG_GAP:
                groups[-1].append(activity)
                continue
        groups.append([activity])
    return groups


def first_of(activities: Sequence[ParsedActivity]) -> ParsedActivity:
    """The first activity, warning that the file holds more (read them with parse_activities)."""
    first = activities[0]
    if len(activities) == 1:
        return first
    dates = ", ".join(a.start.date().isoformat() for a in activities)
    note = f"the file holds {len(activities)} separate activities ({dates}); only the first was read"
    return _with_warnings(first, (note,))


def _with_warnings(activity: ParsedActivity, extra: tuple[str, ...]) -> ParsedActivity:
    return replace(activity, warnings=activity.warnings + extra)


def _sum(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(sum(present), 1) if present else None


def _weighted_hr(legs: Sequence[ParsedActivity]) -> float | None:
    pairs = [(leg.avg_hr, leg.moving_s or leg.elapsed_s) for leg in legs if leg.avg_hr]
    total = sum(w for _, w in pairs)
    return round(sum(hr * w for hr, w in pairs) / total, 1) if pairs and total > 0 else None


def combine(legs: Sequence[ParsedActivity]) -> ParsedActivity:
    """One multisport activity from back-to-back legs (a single leg is returned as it is)."""
    if len(legs) == 1:
        return legs[0]
    first, last = legs[0], legs[-1]
    end = last.start + timedelta(seconds=last.elapsed_s)
    warnings = tuple(dict.fromkeys(w for leg in legs for w in leg.warnings))
    return ParsedActivity(
        sport="multisport",
        start=first.start,
        elapsed_s=(end - first.start).total_seconds(),
        source_format=first.source_format,
        distance_m=_sum([leg.distance_m for leg in legs]),
        moving_s=_sum([leg.moving_s for leg in legs]),
        timer_s=_sum([leg.timer_s for leg in legs]),
        utc_offset_min=first.utc_offset_min,
        utc_offset_source=first.utc_offset_source,
        sport_raw="+".join(leg.sport_raw or "unknown" for leg in legs),
        name=first.name,
        device=first.device,
        elevation_gain_m=_sum([leg.elevation_gain_m for leg in legs]),
        avg_hr=_weighted_hr(legs),
        max_hr=max((leg.max_hr for leg in legs if leg.max_hr is not None), default=None),
        laps=tuple(replace(lap, sport=lap.sport or leg.sport) for leg in legs for lap in leg.laps),
        has_gps=any(leg.has_gps for leg in legs),
        point_count=sum(leg.point_count for leg in legs),
        warnings=warnings,
        start_position=next((leg.start_position for leg in legs if leg.start_position), None),
        legs=tuple(legs),
    )
