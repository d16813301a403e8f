"""Distances, durations and paces as runners write them (pure functions, no I/O).

``parse_distance("8.2km")`` -> 8200.0 metres; ``parse_duration("1:02:03")`` -> 3723.0 seconds;
``format_distance(8200, "mi")`` -> ``"5.10 mi"``; ``format_pace(2710 / 8200, "km")`` -> ``"5:30/km"``.
A bare number takes the runner's preferred unit. Errors are :class:`~runcoach.errors.UsageError`
with a hint showing the accepted forms.
"""

from __future__ import annotations

import math
import re
from typing import Literal

from runcoach.errors import UsageError

Unit = Literal["km", "mi"]
UNITS: tuple[Unit, ...] = ("km", "mi")

METRES_PER: dict[str, float] = {
    "m": 1.0,
    "km": 1000.0,
    "k": 1000.0,
    "mi": 1609.344,
    "mile": 1609.344,
    "miles": 1609.344,
    "yd": 0.9144,
}

_DISTANCE = re.compile(r"^\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*([a-z]*)\s*$", re.IGNORECASE)
_CLOCK = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$")
_PARTS = re.compile(r"(\d+(?:\.\d+)?)\s*(hours?|hrs|hr|h|minutes?|mins|min|m|seconds?|secs|sec|s)", re.I)

DISTANCE_HINT = "write it like 8.2km, 5mi, 800m or a bare number in your preferred unit"
DURATION_HINT = "write it like 45:10 (minutes:seconds), 1:02:03 (hours:minutes:seconds), 45min or 1h05m"


def check_unit(unit: str) -> Unit:
    """Validate a unit preference (``km`` or ``mi``)."""
    low = unit.strip().lower()
    if low in ("km", "kilometres", "kilometers", "metric"):
        return "km"
    if low in ("mi", "mile", "miles", "imperial"):
        return "mi"
    raise UsageError(f"unknown unit {unit!r}", hint="use km or mi")


def parse_distance(text: str, *, default_unit: Unit = "km") -> float:
    """A distance in metres from ``8.2km``, ``5mi``, ``800m``, ``5 miles`` or a bare number."""
    match = _DISTANCE.match(text)
    if not match:
        raise UsageError(f"cannot read the distance {text!r}", hint=DISTANCE_HINT)
    number = float(match.group(1).replace(",", "."))
    unit = (match.group(2) or default_unit).lower()
    if unit not in METRES_PER:
        raise UsageError(f"unknown distance unit {match.group(2)!r} in {text!r}", hint=DISTANCE_HINT)
    return number * METRES_PER[unit]


def parse_duration(text: str) -> float:
    """A duration in seconds from ``45:10``, ``1:02:03``, ``45min``, ``1h05m``, ``2710s``."""
    clock = _CLOCK.match(text)
    if clock:
        hours = int(clock.group(1) or 0)
        minutes, seconds = int(clock.group(2)), float(clock.group(3))
        if seconds >= 60 or (clock.group(1) is not None and minutes >= 60):
            raise UsageError(
                f"cannot read the duration {text!r}: minutes and seconds stop at 59", hint=DURATION_HINT
            )
        return hours * 3600 + minutes * 60 + seconds
    stripped = text.strip()
    parts = list(_PARTS.finditer(stripped))
    if parts and "".join(p.group(0) for p in parts).replace(" ", "") == stripped.replace(" ", ""):
        total = 0.0
        for part in parts:
            value, unit = float(part.group(1)), part.group(2).lower()
            total += value * (3600 if unit.startswith("h") else 60 if unit.startswith("m") else 1)
        return total
    raise UsageError(f"cannot read the duration {text!r}", hint=DURATION_HINT)


def to_unit(metres: float, unit: Unit) -> float:
    return metres / METRES_PER[unit]


def format_distance(metres: float | None, unit: Unit, *, digits: int = 2) -> str:
    if metres is None:
        return "-"
    return f"{to_unit(metres, unit):.{digits}f} {unit}"


def format_duration(seconds: float | None) -> str:
    """``45:10`` or ``1:02:03``."""
    if seconds is None or not math.isfinite(seconds):
        return "-"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_pace(seconds: float | None, metres: float | None, unit: Unit) -> str:
    """Pace per km or per mile, ``5:30/km``."""
    if not seconds or not metres:
        return "-"
    per_unit = seconds / to_unit(metres, unit)
    return f"{format_duration(per_unit)}/{unit}"
