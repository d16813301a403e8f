"""Garmin Training Center (TCX) files, read with lxml.

Unlike tcxreader, trackpoints without a position are kept (treadmill runs) and every
``<Activity>`` is read, including those inside a ``<MultiSportSession>``. Distance is the device's:
the sum of the laps' ``DistanceMeters`` when the laps carry it, else the track's own length.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from runcoach.log.importers.assemble import TrackInfo, activity_from_track, parse_float, parse_time
from runcoach.log.importers.model import ImportFileError, NotAnActivityError, ParsedActivity, ParsedLap
from runcoach.log.importers.multi import combine, first_of, group_contiguous
from runcoach.log.importers.track import Point
from runcoach.log.importers.xmlsafe import Element, local, parse_xml

_PER_LEG = frozenset({"runcadence"})


def parse_tcx_all(data: bytes) -> list[ParsedActivity]:
    """Every activity of a TCX file, in time order (history exports hold many).

    Back-to-back ``<Activity>`` elements (a triathlon's legs) become one multisport activity.
    """
    root, warnings = parse_xml(data, "TCX")
    if local(root.tag) != "TrainingCenterDatabase":
        raise ImportFileError(f"not a TCX file: its root element is <{local(root.tag)}>")
    activities = [el for el in root.iter() if local(el.tag) == "Activity"]
    if not activities:
        raise NotAnActivityError(_why_empty(root))
    parsed = sorted((_activity(el, warnings) for el in activities), key=lambda a: a.start)
    return [combine(group) for group in group_contiguous(parsed)]


def parse_tcx(data: bytes) -> ParsedActivity:
    """One activity: a multisport file becomes one multisport activity (see :func:`first_of`)."""
    return first_of(parse_tcx_all(data))


def _why_empty(root: Element) -> str:
    if any(local(el.tag) == "Course" for el in root.iter()):
        return "TCX file holds a course (a planned route), not a recorded activity"
    return "TCX file holds no activity: nothing to import"


def _child(element: Element, name: str) -> Element | None:
    for child in element:
        if local(child.tag) == name:
            return child
    return None


def _number(element: Element | None, *path: str) -> float | None:
    for name in path:
        if element is None:
            return None
        element = _child(element, name)
    return None if element is None else parse_float(element.text)


def _activity(activity: Element, warnings: list[str]) -> ParsedActivity:
    laps = [el for el in activity if local(el.tag) == "Lap"]
    points: list[list[Point]] = []
    per_leg: bool | None = None
    for lap in laps:
        for track in (el for el in lap if local(el.tag) == "Track"):
            segment, leg = _track(track)
            points.append(segment)
            per_leg = True if leg else per_leg
    start = parse_time(_text(_child(activity, "Id"))) or _first_lap_start(laps)
    info = TrackInfo(
        source_format="tcx",
        kind="TCX activity",
        sport_raw=activity.get("Sport") or None,
        device=_device(activity),
        warnings=list(warnings),
        laps=tuple(_lap(lap, start) for lap in laps) if start else (),
        per_leg_cadence=per_leg,
    )
    if not any(points):
        return _from_laps(info, start)
    parsed = activity_from_track(points, info)
    return _apply_lap_totals(parsed, info.laps, start)


def _track(track: Element) -> tuple[list[Point], bool]:
    segment: list[Point] = []
    per_leg = False
    for tp in track:
        if local(tp.tag) != "Trackpoint":
            continue
        point = Point()
        for child in tp:
            name = local(child.tag)
            if name == "Time":
                point.time = parse_time(child.text)
            elif name == "Position":
                point.lat = _number(child, "LatitudeDegrees")
                point.lon = _number(child, "LongitudeDegrees")
            elif name == "AltitudeMeters":
                point.ele = parse_float(child.text)
            elif name == "DistanceMeters":
                point.distance = parse_float(child.text)
            elif name == "HeartRateBpm":
                point.hr = _number(child, "Value")
            elif name == "Cadence":
                point.cadence = parse_float(child.text)
            elif name == "Extensions":
                per_leg = _extension_cadence(child, point) or per_leg
        segment.append(point)
    return segment, per_leg


def _extension_cadence(ext: Element, point: Point) -> bool:
    for node in ext.iter():
        if local(node.tag).lower() in _PER_LEG and point.cadence is None:
            point.cadence = parse_float(node.text)
            return True
    return False


def _lap(lap: Element, fallback: datetime) -> ParsedLap:
    return ParsedLap(
        start=parse_time(lap.get("StartTime")) or fallback,
        elapsed_s=_number(lap, "TotalTimeSeconds") or 0.0,
        distance_m=_number(lap, "DistanceMeters"),
        moving_s=_number(lap, "TotalTimeSeconds"),
        avg_hr=_number(lap, "AverageHeartRateBpm", "Value"),
        max_hr=_number(lap, "MaximumHeartRateBpm", "Value"),
    )


def _text(element: Element | None) -> str | None:
    return None if element is None or element.text is None else str(element.text)


def _device(activity: Element) -> str | None:
    creator = _child(activity, "Creator")
    name = _text(_child(creator, "Name")) if creator is not None else None
    return name.strip() if name and name.strip() else None


def _first_lap_start(laps: list[Element]) -> datetime | None:
    for lap in laps:
        start = parse_time(lap.get("StartTime"))
        if start is not None:
            return start
    return None


def _from_laps(info: TrackInfo, start: datetime | None) -> ParsedActivity:
    """An activity whose laps have totals but no trackpoints (manual laps, some exports)."""
    if start is None or not info.laps:
        raise NotAnActivityError("TCX activity has no trackpoints and no laps: nothing to import")
    timer = sum(lap.elapsed_s for lap in info.laps)
    end = max(lap.start + timedelta(seconds=lap.elapsed_s) for lap in info.laps)
    distances = [lap.distance_m for lap in info.laps if lap.distance_m is not None]
    from runcoach.log.importers.sport import normalise_sport

    return ParsedActivity(
        sport=normalise_sport(info.sport_raw),
        start=start,
        elapsed_s=(end - start).total_seconds(),
        source_format="tcx",
        distance_m=round(sum(distances), 1) if distances else None,
        moving_s=timer,
        timer_s=timer,
        sport_raw=info.sport_raw,
        device=info.device,
        avg_hr=_lap_avg_hr(info.laps),
        max_hr=max((lap.max_hr for lap in info.laps if lap.max_hr), default=None),
        laps=info.laps,
        warnings=tuple(info.warnings),
    )


def _lap_avg_hr(laps: tuple[ParsedLap, ...]) -> float | None:
    """Time-weighted average of the laps' average heart rates, when every lap has one."""
    weighted = [(lap.avg_hr, lap.elapsed_s) for lap in laps if lap.avg_hr and lap.elapsed_s > 0]
    total = sum(w for _, w in weighted)
    if not weighted or len(weighted) != len(laps) or total <= 0:
        return None
    return round(sum(hr * w for hr, w in weighted) / total, 1)


def _apply_lap_totals(
    parsed: ParsedActivity, laps: tuple[ParsedLap, ...], start: datetime | None
) -> ParsedActivity:
    """Prefer the device's own totals (lap distances, timer, start) over figures from the track."""
    changes: dict[str, object] = {}
    distances = [lap.distance_m for lap in laps if lap.distance_m is not None]
    if laps and len(distances) == len(laps) and sum(distances) > 0:
        changes["distance_m"] = round(sum(distances), 1)
    if laps:
        changes["timer_s"] = sum(lap.elapsed_s for lap in laps)
    if start is not None and start < parsed.start:
        changes["start"] = start
        changes["elapsed_s"] = parsed.elapsed_s + (parsed.start - start).total_seconds()
    lap_hr = _lap_avg_hr(laps)
    if lap_hr is not None:
        changes["avg_hr"] = lap_hr
    return replace(parsed, **changes)  # type: ignore[arg-type]
