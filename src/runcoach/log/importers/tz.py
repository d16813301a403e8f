"""Local time from coordinates: the UTC offset at a GPS position and instant.

GPX and TCX times are UTC and carry no time zone, yet a runner thinks in local time ("my 7 am
run"). tzfpy answers which IANA zone holds a point in under a microsecond after a one-off load of
about 50 ms (bench/parse_corpus.py measures it); zoneinfo then gives the offset in force at that
instant, daylight saving included.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzfpy


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone_name_at(lat: float, lon: float) -> str | None:
    """The IANA time zone at a position (``Etc/GMT±n`` at sea), or None when unknown."""
    name = tzfpy.get_tz(lon, lat)
    return name or None


def utc_offset_min_at(lat: float, lon: float, when: datetime) -> int | None:
    """Minutes local time is ahead of UTC at this place and (aware) instant, or None."""
    name = zone_name_at(lat, lon)
    zone = _zone(name) if name else None
    if zone is None:
        return None
    offset = when.astimezone(zone).utcoffset()
    return None if offset is None else round(offset.total_seconds() / 60)
