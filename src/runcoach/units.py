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


_MEASURE = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*([a-z°]*)\s*$", re.IGNORECASE)
KG_PER: dict[str, float] = {"kg": 1.0, "kgs": 1.0, "lb": 0.45359237, "lbs": 0.45359237, "pounds": 0.45359237}
WEIGHT_HINT = "write it like 70kg, 154lb or a bare number (kg, or lb if your unit is miles)"
TEMPERATURE_HINT = "write it like 4, 4C or 39F (a bare number is Celsius)"
HEIGHT_HINT = "write it like 2400m, 8000ft or a bare number (metres, or feet if your unit is miles)"


def _measure(text: str, hint: str) -> tuple[float, str]:
    match = _MEASURE.match(text)
    if not match:
        raise UsageError(f"cannot read {text!r}", hint=hint)
    return float(match.group(1).replace(",", ".")), match.group(2).lower().lstrip("°")


def parse_weight(text: str, *, default_unit: Unit = "km") -> float:
    """A body weight in kilograms from ``70kg``, ``154lb`` or a bare number (kg; lb for miles)."""
    number, unit = _measure(text, WEIGHT_HINT)
    unit = unit or ("lb" if default_unit == "mi" else "kg")
    if unit not in KG_PER:
        raise UsageError(f"unknown weight unit {unit!r} in {text!r}", hint=WEIGHT_HINT)
    return number * KG_PER[unit]


def parse_temperature(text: str) -> float:
    """A temperature in Celsius from ``4``, ``4C`` or ``39F``."""
    number, unit = _measure(text, TEMPERATURE_HINT)
    if unit in ("", "c"):
        return number
    if unit == "f":
        return (number - 32) * 5 / 9
    raise UsageError(f"unknown temperature unit {unit!r} in {text!r}", hint=TEMPERATURE_HINT)


def parse_height(text: str, *, default_unit: Unit = "km") -> float:
    """An altitude in metres from ``2400m``, ``8000ft`` or a bare number (m; ft for miles)."""
    number, unit = _measure(text, HEIGHT_HINT)
    unit = unit or ("ft" if default_unit == "mi" else "m")
    factors = {"m": 1.0, "ft": 0.3048, "feet": 0.3048, "km": 1000.0}
    if unit not in factors:
        raise UsageError(f"unknown height unit {unit!r} in {text!r}", hint=HEIGHT_HINT)
    return number * factors[unit]
