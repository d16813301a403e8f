from __future__ import annotations

import pytest

from runcoach.errors import UsageError
from runcoach.log.db import Database
from runcoach.services.conditions import ConditionsInput, get_condition_defaults, set_condition_defaults
from runcoach.services.runner import update_preferences


def test_conditions_are_saved_per_runner_and_merged_over_earlier_ones(db: Database) -> None:
    assert get_condition_defaults(db=db).temperature_c is None
    set_condition_defaults(db=db, data=ConditionsInput(temperature="50F", pollen="high"))
    saved = set_condition_defaults(db=db, data=ConditionsInput(humidity=60))
    assert (round(saved.temperature_c or 0, 1), saved.humidity_pct, saved.pollen) == (10.0, 60, "high")
    assert get_condition_defaults(db=db) == saved


def test_clear_forgets_everything_saved(db: Database) -> None:
    set_condition_defaults(db=db, data=ConditionsInput(temperature="5", altitude="1800"))
    cleared = set_condition_defaults(db=db, data=ConditionsInput(), clear=True)
    assert cleared == get_condition_defaults(db=db) and cleared.altitude_m is None


def test_a_bare_altitude_takes_the_runners_unit(db: Database) -> None:
    update_preferences(db=db, units="mi")
    saved = set_condition_defaults(db=db, data=ConditionsInput(altitude="8000"))
    assert saved.altitude_m == pytest.approx(2438.4)


def test_impossible_conditions_are_refused_and_nothing_changes(db: Database) -> None:
    set_condition_defaults(db=db, data=ConditionsInput(temperature="12"))
    with pytest.raises(UsageError, match="temperature 80 is outside"):
        set_condition_defaults(db=db, data=ConditionsInput(temperature="80", humidity=50))
    assert get_condition_defaults(db=db).humidity_pct is None
