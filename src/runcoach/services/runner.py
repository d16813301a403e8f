"""The runner's preferences: distance units, birth year, sex, a resting heart rate baseline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from runcoach.errors import UsageError
from runcoach.log.db import Database
from runcoach.log.models import Runner
from runcoach.log.runners import get_runner
from runcoach.log.vocab import SEXES
from runcoach.units import Unit, check_unit


@dataclass(frozen=True)
class Preferences:
    units: Unit
    birth_year: int | None
    sex: str | None
    resting_hr_override: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "birth_year": self.birth_year,
            "sex": self.sex,
            "resting_hr_override": self.resting_hr_override,
        }


def _prefs(runner: Runner) -> Preferences:
    return Preferences(check_unit(runner.units), runner.birth_year, runner.sex, runner.resting_hr_override)


def get_preferences(*, db: Database, runner_id: int | None = None) -> Preferences:
    with db.session() as session:
        return _prefs(get_runner(session, runner_id))


def update_preferences(
    *,
    db: Database,
    units: str | None = None,
    birth_year: int | None = None,
    sex: str | None = None,
    resting_hr: int | None = None,
    clear_resting_hr: bool = False,
    runner_id: int | None = None,
) -> Preferences:
    """Change the preferences given (the others stay as they are)."""
    if birth_year is not None and not 1900 <= birth_year <= 2100:
        raise UsageError(f"birth year {birth_year} is not plausible", hint="give a year like 1985")
    if sex is not None and sex not in SEXES:
        raise UsageError(f"unknown sex {sex!r}", hint="use one of: " + ", ".join(SEXES))
    if resting_hr is not None and not 20 <= resting_hr <= 150:
        raise UsageError(f"a resting heart rate of {resting_hr} bpm is not plausible (20-150)")
    with db.session() as session:
        runner = get_runner(session, runner_id)
        if units is not None:
            runner.units = check_unit(units)
        if birth_year is not None:
            runner.birth_year = birth_year
        if sex is not None:
            runner.sex = sex
        if resting_hr is not None or clear_resting_hr:
            runner.resting_hr_override = resting_hr
        return _prefs(runner)
