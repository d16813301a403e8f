"""What bulk exports say about each activity: Strava's activities.csv, Garmin's summaries.

A Strava export lists every activity in ``activities.csv`` with the file it came from; a Garmin
data export (``DI_CONNECT``) lists them in ``*summarizedActivities*.json`` by start time; Garmin
Connect's "Export CSV" (``Activities.csv``) lists them by local start time. Each becomes an
:class:`ActivityMetadata`, found again by file name or by start time (:class:`MetadataIndex`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from runcoach.log.importers.model import ParsedActivity
from runcoach.log.importers.sport import normalise_sport

#: how far a file's start may sit from the export's (device and server clocks differ)
START_TOLERANCE = timedelta(seconds=120)
_STRAVA_FILE = re.compile(r"^activities/[^/]+\.(fit|gpx|tcx)(\.gz)?$", re.IGNORECASE)
_FILENAME_HEADERS = {
    "filename",
    "dateiname",
    "nom du fichier",
    "nombre de archivo",
    "nome file",
    "bestandsnaam",
}


@dataclass(frozen=True)
class ActivityMetadata:
    """An export's record of one activity: the runner's own name, type, notes and gear."""

    source: str  # "strava" | "garmin"
    activity_id: str | None = None
    name: str | None = None
    sport_raw: str | None = None
    description: str | None = None
    gear: str | None = None
    #: start in UTC when the export gives it
    start: datetime | None = None
    #: start in local wall-clock time (naive) when that is all the export gives
    start_local: datetime | None = None
    utc_offset_min: int | None = None
    #: the file the export names for this activity (relative to the export's root)
    filename: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def sport(self) -> str | None:
        return normalise_sport(self.sport_raw) if self.sport_raw else None


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _key(path: str) -> str:
    return path.replace("\\", "/").strip("/").lower()


class MetadataIndex:
    """Find an export's metadata for a file (by its path) or a parsed activity (by its start)."""

    def __init__(self, records: Iterable[ActivityMetadata]) -> None:
        self.by_file: dict[str, ActivityMetadata] = {}
        self._utc: list[tuple[datetime, ActivityMetadata]] = []
        self._local: list[tuple[datetime, ActivityMetadata]] = []
        for record in records:
            if record.filename:
                self.by_file[_key(record.filename)] = record
            if record.start is not None:
                self._utc.append((record.start, record))
            elif record.start_local is not None:
                self._local.append((record.start_local, record))
        self._utc.sort(key=lambda pair: pair[0])

    def __len__(self) -> int:
        return len({id(r) for r in self.by_file.values()} | {id(r) for _, r in self._utc + self._local})

    def for_file(self, relative_path: str) -> ActivityMetadata | None:
        return self.by_file.get(_key(relative_path))

    def for_activity(self, activity: ParsedActivity) -> ActivityMetadata | None:
        """The record whose start matches the activity's (UTC, or local time at any whole offset)."""
        found = self._nearest_utc(activity.start)
        return found if found is not None else self._local_match(activity)

    def _nearest_utc(self, start: datetime) -> ActivityMetadata | None:
        times = [t for t, _ in self._utc]
        at = bisect_left(times, start - START_TOLERANCE)
        best: tuple[float, ActivityMetadata] | None = None
        for when, record in self._utc[at:]:
            gap = abs((when - start).total_seconds())
            if when > start + START_TOLERANCE:
                break
            if best is None or gap < best[0]:
                best = (gap, record)
        return best[1] if best else None

    def _local_match(self, activity: ParsedActivity) -> ActivityMetadata | None:
        naive = activity.start.replace(tzinfo=None)
        candidates = []
        for local, record in self._local:
            delta = (local - naive).total_seconds()
            if activity.utc_offset_min is not None:
                delta -= activity.utc_offset_min * 60
                if abs(delta) <= START_TOLERANCE.total_seconds():
                    candidates.append(record)
            elif abs(delta) <= 14 * 3600 + 120 and abs(delta - round(delta / 900) * 900) <= 120:
                candidates.append(record)
        return candidates[0] if len(candidates) == 1 else None


def _rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig", errors="replace")
    return list(csv.reader(io.StringIO(text)))


def read_activities_csv(data: bytes) -> list[ActivityMetadata]:
    """A Strava ``activities.csv`` or a Garmin Connect ``Activities.csv``; [] for anything else."""
    try:
        rows = _rows(data)
    except csv.Error:
        return []
    if len(rows) < 2:
        return []
    header = [h.strip().lower() for h in rows[0]]
    if "activity type" in header and "date" in header and "title" in header:
        return _garmin_csv(header, rows[1:])
    column = _filename_column(header, rows[1:])
    return _strava_csv(header, rows[1:], column) if column is not None else []


def _filename_column(header: list[str], rows: list[list[str]]) -> int | None:
    for i, name in enumerate(header):
        if name in _FILENAME_HEADERS:
            return i
    for i in range(len(header)):
        if any(len(row) > i and _STRAVA_FILE.match(row[i].strip()) for row in rows[:50]):
            return i
    return None


def _cell(row: list[str], index: int | None) -> str | None:
    return _clean(row[index]) if index is not None and index < len(row) else None


def _strava_csv(header: list[str], rows: list[list[str]], file_col: int) -> list[ActivityMetadata]:
    gear = next((i for i, h in enumerate(header) if h in {"activity gear", "gear"}), None)
    out = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        out.append(
            ActivityMetadata(
                source="strava",
                activity_id=_cell(row, 0),
                name=_cell(row, 2),
                sport_raw=_cell(row, 3),
                description=_cell(row, 4),
                gear=_cell(row, gear),
                start=_strava_date(_cell(row, 1)),
                filename=_cell(row, file_col),
            )
        )
    return out


def _strava_date(text: str | None) -> datetime | None:
    """Strava writes UTC as "Apr 5, 2021, 7:12:33 AM" (English exports)."""
    for fmt in ("%b %d, %Y, %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%d %b %Y, %H:%M:%S"):
        try:
            return datetime.strptime(text or "", fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _garmin_csv(header: list[str], rows: list[list[str]]) -> list[ActivityMetadata]:
    col = {name: header.index(name) for name in ("activity type", "date", "title")}
    out = []
    for row in rows:
        when = _cell(row, col["date"])
        try:
            local = datetime.strptime(when or "", "%Y-%m-%d %H:%M:%S")  # noqa: DTZ007 - wall-clock time
        except ValueError:
            continue
        out.append(
            ActivityMetadata(
                source="garmin",
                name=_cell(row, col["title"]),
                sport_raw=_cell(row, col["activity type"]),
                start_local=local,
            )
        )
    return out


def read_garmin_summaries(data: bytes) -> list[ActivityMetadata]:
    """A Garmin data export's ``*summarizedActivities*.json``: ``[{"summarizedActivitiesExport": [...]}]``."""
    try:
        payload = json.loads(data)
    except (ValueError, RecursionError):
        return []
    chunks = payload if isinstance(payload, list) else [payload]
    records = [
        item
        for chunk in chunks
        if isinstance(chunk, dict)
        for item in chunk.get("summarizedActivitiesExport") or []
        if isinstance(item, dict)
    ]
    return [meta for meta in map(_garmin_summary, records) if meta is not None]


def _ms(value: object) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 1e14:
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    return None


def _garmin_summary(item: dict[str, object]) -> ActivityMetadata | None:
    start = _ms(item.get("beginTimestamp")) or _ms(item.get("startTimeGmt"))
    if start is None:
        return None
    local = _ms(item.get("startTimeLocal"))
    offset = round((local - start).total_seconds() / 900) * 15 if local else None
    kind = item.get("activityType")
    if isinstance(kind, dict):
        kind = kind.get("typeKey")
    return ActivityMetadata(
        source="garmin",
        activity_id=str(item["activityId"]) if item.get("activityId") is not None else None,
        name=_text(item.get("name")),
        sport_raw=_text(kind),
        description=_text(item.get("description")),
        start=start,
        utc_offset_min=offset,
    )


def _text(value: object) -> str | None:
    return _clean(value) if isinstance(value, str) else None
