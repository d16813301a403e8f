"""Turn a parsed activity file into :class:`~runcoach.log.models.Run` rows (no I/O, no queries).

The file itself is kept gzip-compressed (:func:`compressed`) with the first activity stored from
it, so it can be re-processed when the parsers improve. Values the parsers flagged keep their
warnings; the log adds its own plausibility checks (:mod:`runcoach.log.checks`) as warnings too:
an imported number is what the device measured, so it is stored, never silently.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from datetime import datetime

from runcoach.log.checks import run_problems
from runcoach.log.importers import ActivityMetadata, ParsedActivity
from runcoach.log.models import Lap, Run

#: gzip level for stored files: level 1 already shrinks GPX/TCX ~7x and costs far less than parsing
GZIP_LEVEL = 1
#: checks the parsers do not already make (they flag dates, pace and maximum heart rate themselves)
EXTRA_CHECKS = ("avg_hr", "cadence_spm", "elevation_gain_m")
TERRAIN_OF_SPORT = {"treadmill_running": "treadmill", "trail_running": "trail"}


@dataclass(frozen=True)
class FileFacts:
    """What the importer knows about the file an activity came from."""

    name: str  # as reported: "folder/run.fit" or "export.zip!activities/123.fit.gz"
    data: bytes
    digest: str  # sha256 of ``data``
    source: str  # gpx | tcx | fit | strava | garmin


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def compressed(data: bytes) -> bytes:
    """The file as stored: gzip (a file that already is gzip is kept as it is)."""
    if data[:2] == b"\x1f\x8b":
        return data
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def content_hash(facts: FileFacts, index: int) -> str:
    """The identity of the ``index``-th activity of a file (the file's own hash for the first)."""
    return facts.digest if index == 0 else sha256(facts.data + f"#{index}".encode())


def extra_warnings(activity: ParsedActivity, now: datetime) -> list[str]:
    problems = run_problems(
        sport=activity.sport,
        start=activity.start,
        distance_m=activity.distance_m,
        elapsed_s=activity.elapsed_s,
        now=now,
        avg_hr=activity.avg_hr,
        cadence_spm=activity.avg_cadence_spm,
        elevation_gain_m=activity.elevation_gain_m,
    )
    return [f"{p.reason} ({p.field})" for p in problems if p.field in EXTRA_CHECKS]


def build_run(
    activity: ParsedActivity,
    *,
    runner_id: int,
    facts: FileFacts,
    index: int,
    now: datetime,
    metadata: ActivityMetadata | None = None,
) -> Run:
    """A Run (with laps) for one activity; ``metadata`` is an export's record of it, if any."""
    sport = (metadata.sport if metadata else None) or activity.sport
    offset = activity.utc_offset_min
    if offset is None and metadata is not None:
        offset = metadata.utc_offset_min
    return Run(
        runner_id=runner_id,
        start=activity.start,
        utc_offset_min=offset,
        sport=sport,
        distance_m=activity.distance_m,
        elapsed_s=activity.elapsed_s,
        moving_s=activity.moving_s,
        timer_s=activity.timer_s,
        elevation_gain_m=activity.elevation_gain_m,
        avg_hr=activity.avg_hr,
        max_hr=activity.max_hr,
        cadence_spm=activity.avg_cadence_spm,
        terrain=TERRAIN_OF_SPORT.get(sport),
        name=((metadata.name if metadata else None) or activity.name or "")[:200] or None,
        notes=(metadata.description if metadata else None) or "",
        source=facts.source,
        source_name=facts.name[-1000:],
        device=activity.device[:120] if activity.device else None,
        content_hash=content_hash(facts, index),
        file_hash=facts.digest,
        file_format=activity.source_format,
        warnings=list(activity.warnings) + extra_warnings(activity, now),
        laps=[
            Lap(
                number=n,
                start=lap.start,
                elapsed_s=lap.elapsed_s,
                distance_m=lap.distance_m,
                moving_s=lap.moving_s,
                avg_hr=lap.avg_hr,
                max_hr=lap.max_hr,
            )
            for n, lap in enumerate(activity.laps)
        ],
    )
