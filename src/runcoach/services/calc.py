"""The calculators behind ``runcoach calc``: input as runners type it, checked, in their units.

Weights, paces and altitudes take the runner's unit preference when written as bare numbers
(kg/m for km, lb/ft for miles); impossible values are a :class:`UsageError` and nothing is
computed. The numbers come from ``guidance.yaml`` and ``today.yaml`` (``runcoach.calculators``).
"""

from __future__ import annotations

from datetime import time

from runcoach.calculators import Calculation, body, fluids
from runcoach.errors import UsageError
from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.today import load_today
from runcoach.log.analytics.today_facts import MEAL_SIZES
from runcoach.log.db import Database
from runcoach.services.runner import get_preferences
from runcoach.units import METRES_PER, Unit, parse_duration, parse_height, parse_weight


def _within(name: str, value: float, low: float, high: float, unit: str = "") -> None:
    if not low <= value <= high:
        shown = f"{value:g}{' ' + unit if unit else ''}"
        raise UsageError(
            f"{name} {shown} is not plausible",
            hint=f"give {name} between {low:g} and {high:g}{' ' + unit if unit else ''}",
        )


def _units(db: Database | None) -> Unit:
    return get_preferences(db=db).units if db is not None else "km"


def _minutes(minutes: float | None) -> None:
    if minutes is not None:
        _within("a run of", minutes, 1, 24 * 60, "minutes")


def _clock(text: str | None, option: str) -> time | None:
    if text is None:
        return None
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"cannot read {option} {text!r}", hint="write a time of day as HH:MM, e.g. 12:30"
        ) from None


def calc_hydration(
    *, db: Database | None, weight: str, minutes: float | None = None, hot: bool = False
) -> Calculation:
    kg = parse_weight(weight, default_unit=_units(db))
    _within("body weight", kg, 20, 300, "kg")
    _minutes(minutes)
    return fluids.hydration(load_guidance(), load_today(), weight_kg=kg, minutes=minutes, hot=hot)


def calc_sodium(*, minutes: float, hot: bool = False, salty: bool = False) -> Calculation:
    _minutes(minutes)
    return fluids.sodium(load_guidance(), load_today(), minutes=minutes, hot=hot, salty=salty)


def calc_meal(*, size: str, ate_at: str | None = None, run_at: str | None = None) -> Calculation:
    if size not in MEAL_SIZES:
        raise UsageError(f"unknown meal size {size!r}", hint="use big or snack")
    chosen: fluids.MealSize = "big" if size == "big" else "snack"
    return fluids.meal(
        load_guidance(), size=chosen, ate_at=_clock(ate_at, "--ate-at"), run_at=_clock(run_at, "--run-at")
    )


def calc_hr(*, age: int, resting: int | None = None) -> Calculation:
    _within("age", age, 10, 100, "years")
    if resting is not None:
        _within("resting heart rate", resting, 25, 150, "bpm")
    return body.heart_rate(load_guidance(), load_today(), age=age, resting=resting)


def calc_cadence(
    *,
    db: Database | None,
    spm: float | None = None,
    steps: int | None = None,
    seconds: float = 30,
    pace: str | None = None,
) -> Calculation:
    """Cadence from ``spm``, or from ``steps`` counted over ``seconds``; ``pace`` per km or mile."""
    if (spm is None) == (steps is None):
        raise UsageError("give either --spm or --steps", hint="e.g. --spm 164, or --steps 82 --seconds 30")
    if steps is not None:
        _within("the counting time", seconds, 5, 600, "seconds")
        spm = steps * 60 / seconds
    assert spm is not None
    _within("a cadence of", spm, 100, 260, "steps per minute")
    unit = _units(db)
    per_m = None
    if pace is not None:
        per_m = parse_duration(pace) / METRES_PER[unit]
        if not 120 <= per_m * 1000 <= 1200:  # 2:00 to 20:00 per km
            raise UsageError(
                f"a pace of {pace} per {unit} is not plausible", hint="write it like 5:30 (per " + unit + ")"
            )
    return body.cadence(load_guidance(), load_today(), spm=spm, pace_s_per_m=per_m, unit=unit)


def calc_breathing(*, effort: str) -> Calculation:
    today = load_today()
    known = body.efforts(today)
    if effort not in known:
        raise UsageError(f"unknown effort {effort!r}", hint="use one of: " + ", ".join(known))
    return body.breathing(load_guidance(), today, effort=effort)


def calc_altitude(*, db: Database | None, altitude: str, days: int | None = None) -> Calculation:
    metres = parse_height(altitude, default_unit=_units(db))
    _within("altitude", metres, -450, 9000, "m")
    if days is not None:
        _within("days at altitude", days, 0, 365)
    return body.altitude(load_guidance(), load_today(), altitude_m=metres, days=days)
