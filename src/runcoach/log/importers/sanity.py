"""Flag values no real activity has: the log stores them only with a warning the runner sees.

A device with an unset clock writes 1901 or 2089; a dropped GPS fix makes a walk faster than a
world record; a loose strap reads 250 bpm. The figures stay as the file has them (the raw file is
kept), and each oddity becomes one plain warning.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from runcoach.log.importers.model import ParsedActivity

EARLIEST_PLAUSIBLE = datetime(1990, 1, 1, tzinfo=UTC)
#: fastest sustained speeds (m/s): the marathon world record is 5.9 m/s, the 100 m about 10.4
_MAX_SPEED = {"running": 6.5, "trail_running": 6.5, "treadmill_running": 6.5, "walking": 4.5, "hiking": 4.5}
_MAX_HR = 230
_MAX_ELAPSED = timedelta(days=14)


def flag_implausible(activity: ParsedActivity, *, now: datetime | None = None) -> ParsedActivity:
    """The activity with a warning added for each implausible value (never changes the values)."""
    found = _date_warnings(activity, now or datetime.now(UTC))
    found += _speed_warnings(activity)
    if activity.max_hr is not None and activity.max_hr > _MAX_HR:
        found.append(f"maximum heart rate {activity.max_hr:.0f} bpm is implausible (a loose strap?)")
    if activity.elapsed_s > _MAX_ELAPSED.total_seconds():
        days = activity.elapsed_s / 86400
        found.append(f"the activity lasts {days:.0f} days: the device may have recorded across several")
    if not found:
        return activity
    return replace(
        activity, warnings=activity.warnings + tuple(w for w in found if w not in activity.warnings)
    )


def _date_warnings(activity: ParsedActivity, now: datetime) -> list[str]:
    day = activity.start.date().isoformat()
    if activity.start < EARLIEST_PLAUSIBLE:
        return [f"start date {day} is implausible (the device's clock was probably not set)"]
    if activity.start > now + timedelta(days=1):
        return [f"start date {day} is in the future (the device's clock was probably wrong)"]
    return []


def _speed_warnings(activity: ParsedActivity) -> list[str]:
    limit = _MAX_SPEED.get(activity.sport)
    duration = activity.moving_s or activity.timer_s or activity.elapsed_s
    if limit is None or not activity.distance_m or activity.distance_m < 400 or duration <= 0:
        return []
    speed = activity.distance_m / duration
    if speed <= limit:
        return []
    pace = 1000 / speed
    return [f"average pace {int(pace // 60)}:{int(pace % 60):02d}/km is faster than any human runs"]
