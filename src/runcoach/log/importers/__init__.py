"""Activity-file importers: every format becomes one :class:`ParsedActivity`.

``parse_activity(name, data)`` reads one GPX, TCX or FIT file (optionally gzipped);
``iter_sources(paths)`` expands files, folders, zip archives and Strava / Garmin bulk exports into
:class:`SourceItem` s to feed it. Both refuse bad and hostile input with :class:`ImportFileError`.
"""

from runcoach.log.importers.exports import ActivityMetadata
from runcoach.log.importers.model import (
    SPORTS,
    ImportFileError,
    NotAnActivityError,
    ParsedActivity,
    ParsedLap,
)
from runcoach.log.importers.parse import activity_format, parse_activities, parse_activity
from runcoach.log.importers.sources import SourceItem, iter_sources

__all__ = [
    "SPORTS",
    "ActivityMetadata",
    "ImportFileError",
    "NotAnActivityError",
    "ParsedActivity",
    "ParsedLap",
    "SourceItem",
    "activity_format",
    "iter_sources",
    "parse_activities",
    "parse_activity",
]
