"""FIT activity files: sessions first, records when a file has none (courses, cut-short files).

A FIT file's session messages carry the device's own totals (distance, timer, climb, heart rate),
which runcoach keeps; records add what sessions lack (GPS, point count, moving time). Multisport
files (one session per leg) become one ``multisport`` activity with its legs. Settings, workout,
weight and monitoring files are :class:`NotAnActivityError`; a damaged file is read up to the
damage and comes back with a warning saying what was lost.
"""

from __future__ import annotations

from dataclasses import replace

from runcoach.log.importers.assemble import TrackInfo, activity_from_track
from runcoach.log.importers.fit_read import FitClock, FitContent, Raw, degrees, read_fit
from runcoach.log.importers.fit_session import from_sessions, num
from runcoach.log.importers.model import ImportFileError, NotAnActivityError, ParsedActivity
from runcoach.log.importers.sport import raw_label
from runcoach.log.importers.track import Point

_NOT_ACTIVITY = {
    "settings": "a settings file",
    "workout": "a planned workout",
    "weight": "a weight-scale file",
    "monitoring_a": "a daily-monitoring file",
    "monitoring_b": "a daily-monitoring file",
    "monitoring_daily": "a daily-monitoring file",
    "totals": "a totals file",
    "goals": "a goals file",
    "blood_pressure": "a blood-pressure file",
    "schedules": "a schedule file",
    "sport": "a sport-settings file",
    "device": "a device file",
    "segment": "a segment file",
    "segment_list": "a segment list",
    "activity_summary": "an activity-summary file",
}


def parse_fit(data: bytes) -> ParsedActivity:
    content = read_fit(data)
    if content.empty:
        raise ImportFileError(_nothing_read(content))
    clock = FitClock.from_content(content)
    points = _points(content.records, clock)
    warnings = _damage_warnings(content, len(data))
    if clock.relative:
        warnings.append("the device's clock was not set: times are its local clock and may be off")
    activity = from_sessions(content, clock, points) if content.sessions else _from_records(content, points)
    offset = clock.utc_offset_min()
    if offset is not None:
        activity = replace(activity, utc_offset_min=offset, utc_offset_source="device")
    return replace(
        activity, warnings=tuple(dict.fromkeys(activity.warnings + tuple(warnings))), device=_device(content)
    )


def _nothing_read(content: FitContent) -> str:
    if content.error is None:
        return "FIT file holds no messages: no session or records found"
    if "cut short" in content.error:
        return "truncated FIT file: no session or records found"
    return f"damaged FIT file: {content.error}; no session or records found"


def _damage_warnings(content: FitContent, size: int) -> list[str]:
    if content.error is not None:
        where = f" at byte {content.error_offset} of {size}" if content.error_offset else ""
        return [f"damaged FIT file: {content.error}{where}; anything recorded after that point was lost"]
    if content.crc_mismatch:
        return ["FIT checksum does not match: the file may be damaged; figures imported as read"]
    return []


def _points(records: list[Raw], clock: FitClock) -> list[Point]:
    points = []
    for rec in records:
        points.append(
            Point(
                time=clock.at(rec.get("time")),
                lat=degrees(rec.get("lat")),
                lon=degrees(rec.get("lon")),
                ele=num(rec.get("ele")),
                hr=num(rec.get("hr")),
                cadence=num(rec.get("cadence")),
                distance=num(rec.get("distance")),
            )
        )
    return points


def _device(content: FitContent) -> str | None:
    creator = next((d for d in content.devices if d.get("device_index") == "creator"), {})
    file_id = content.file_ids[0] if content.file_ids else {}
    maker = file_id.get("manufacturer") or creator.get("manufacturer")
    candidates = [
        creator.get("product_name"),
        file_id.get("product_name"),
        file_id.get("garmin_product"),
        creator.get("garmin_product"),
        file_id.get("product"),
        creator.get("product"),
    ]
    named = [c for c in candidates if isinstance(c, str) and c.strip()]
    product = named[0] if named else next((c for c in candidates if c not in (None, "", 0)), None)
    parts = [str(p) for p in (maker, product) if p not in (None, "", 0)]
    return " ".join(parts) or None


def _from_records(content: FitContent, points: list[Point]) -> ParsedActivity:
    """A file without a session: a course with times, or an activity cut short before its end."""
    file_type = content.file_ids[0].get("type") if content.file_ids else None
    if not points and isinstance(file_type, str) and file_type in _NOT_ACTIVITY:
        raise NotAnActivityError(f"FIT file is {_NOT_ACTIVITY[file_type]}, not an activity")
    if not points:
        raise NotAnActivityError("FIT file holds no session and no records: nothing to import")
    if not any(p.time for p in points):
        raise ImportFileError("FIT file's records carry no timestamps: cannot place the activity in time")
    sport = _lap_sport(content)
    info = TrackInfo(
        source_format="fit",
        kind="FIT file",
        sport_raw=sport,
        per_leg_cadence=True,
        prefer_device_distance=True,
    )
    info.warnings.append(f"FIT file has no session summary: figures come from its {len(points)} records")
    return activity_from_track([points], info)


def _lap_sport(content: FitContent) -> str | None:
    for lap in content.laps:
        sport = lap.get("sport")
        if sport not in (None, "generic"):
            return raw_label(sport, lap.get("sub_sport"))
    return None
