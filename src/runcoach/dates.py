"""Days and start times as runners type them.

``parse_day("yesterday", now=...)`` -> a date; ``parse_start("2026-03-01 07:00", now=...)`` -> an
aware datetime. A time without an offset is local time on this computer; a bare day is noon there.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from runcoach.errors import UsageError

DAY_HINT = "write a day as YYYY-MM-DD, today or yesterday"
START_HINT = "write it as YYYY-MM-DD, 'YYYY-MM-DD HH:MM', an ISO 8601 time with offset, today or yesterday"


def local_now() -> datetime:
    """Now, in this computer's time zone."""
    return datetime.now(UTC).astimezone()


def parse_day(text: str, *, now: datetime) -> date:
    low = text.strip().lower()
    if low == "today":
        return now.date()
    if low == "yesterday":
        return now.date() - timedelta(days=1)
    try:
        return date.fromisoformat(low)
    except ValueError:
        raise UsageError(f"cannot read the day {text!r}", hint=DAY_HINT) from None


def parse_start(text: str, *, now: datetime) -> tuple[datetime, bool]:
    """An aware start time, and whether a time of day was given (False: a bare day)."""
    low = text.strip().lower()
    if low in ("today", "yesterday") or len(low) == 10:
        day = parse_day(low, now=now)
        return datetime.combine(day, time(12, 0)).astimezone(), False
    try:
        parsed = datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        raise UsageError(f"cannot read the date and time {text!r}", hint=START_HINT) from None
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # local time on this computer (daylight saving included)
    return parsed, True


def offset_minutes(moment: datetime) -> int | None:
    offset = moment.utcoffset()
    return None if offset is None else round(offset.total_seconds() / 60)


def with_offset(utc_moment: datetime, offset_min: int | None) -> datetime:
    """A UTC moment shown in its local offset (UTC when the offset is unknown)."""
    zone = UTC if offset_min is None else timezone(timedelta(minutes=offset_min))
    return utc_moment.astimezone(zone)
