"""Today's conditions: checking what the runner enters, and the saved defaults (one row per runner).

Temperature and altitude arrive as text (``4C``, ``39F``, ``2400m``, ``8000ft``), are checked for
plausibility and kept in Celsius and metres. An option given replaces the saved default; a saved
default fills in what today's command leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from runcoach.errors import UsageError
from runcoach.log.analytics.today_facts import POLLEN_LEVELS, Conditions
from runcoach.log.db import Database, utcnow
from runcoach.log.models import ConditionDefaults
from runcoach.log.runners import get_runner
from runcoach.units import Unit, check_unit, parse_height, parse_temperature

LIMITS: dict[str, tuple[float, float]] = {
    "temperature_c": (-50.0, 55.0),
    "humidity_pct": (0.0, 100.0),
    "altitude_m": (-450.0, 9000.0),
}


@dataclass(frozen=True)
class ConditionsInput:
    """What the runner typed; None leaves a value alone (or unknown)."""

    temperature: str | None = None
    humidity: float | None = None
    pollen: str | None = None
    altitude: str | None = None


def conditions_json(c: Conditions) -> dict[str, Any]:
    return {
        "temperature_c": None if c.temperature_c is None else round(c.temperature_c, 1),
        "humidity_pct": c.humidity_pct,
        "pollen": c.pollen,
        "altitude_m": None if c.altitude_m is None else round(c.altitude_m),
    }


def parse_conditions(data: ConditionsInput, *, units: Unit = "km") -> Conditions:
    """Checked conditions in Celsius and metres; every problem is listed in one error."""
    problems: list[str] = []
    temp = parse_temperature(data.temperature) if data.temperature is not None else None
    alt = parse_height(data.altitude, default_unit=units) if data.altitude is not None else None
    for name, value in (("temperature_c", temp), ("humidity_pct", data.humidity), ("altitude_m", alt)):
        low, high = LIMITS[name]
        if value is not None and not low <= value <= high:
            problems.append(f"{name.rsplit('_', 1)[0]} {value:g} is outside {low:g} to {high:g}")
    pollen = data.pollen.strip().lower() if data.pollen is not None else None
    if pollen is not None and pollen not in POLLEN_LEVELS:
        problems.append(f"pollen {data.pollen!r} is not one of {', '.join(POLLEN_LEVELS)}")
    if problems:
        raise UsageError(
            "; ".join(problems), hint="e.g. --temp 4C --humidity 80 --pollen high --altitude 1800m"
        )
    return Conditions(temp, data.humidity, pollen, alt)  # type: ignore[arg-type]


def merged(saved: Conditions, given: Conditions) -> Conditions:
    """The saved defaults with every value given today put over them."""
    changes = {k: v for k, v in given.__dict__.items() if v is not None}
    return replace(saved, **changes)


def _row_conditions(row: ConditionDefaults | None) -> Conditions:
    if row is None:
        return Conditions()
    pollen = row.pollen if row.pollen in POLLEN_LEVELS else None
    return Conditions(row.temperature_c, row.humidity_pct, pollen, row.altitude_m)  # type: ignore[arg-type]


def get_condition_defaults(*, db: Database, runner_id: int | None = None) -> Conditions:
    with db.session() as session:
        runner = get_runner(session, runner_id)
        return _row_conditions(session.get(ConditionDefaults, runner.id))


def set_condition_defaults(
    *, db: Database, data: ConditionsInput, clear: bool = False, runner_id: int | None = None
) -> Conditions:
    """Save the values given as defaults (``clear`` forgets all saved values first)."""
    with db.session() as session:
        runner = get_runner(session, runner_id)
        given = parse_conditions(data, units=check_unit(runner.units))
        row = session.get(ConditionDefaults, runner.id)
        if row is None:
            row = ConditionDefaults(runner_id=runner.id)
            session.add(row)
        base = Conditions() if clear else _row_conditions(row)
        new = merged(base, given)
        row.temperature_c, row.humidity_pct = new.temperature_c, new.humidity_pct
        row.pollen, row.altitude_m = new.pollen, new.altitude_m
        row.updated_at = utcnow()
        session.flush()
        return new
