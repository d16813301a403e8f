from __future__ import annotations

import pytest

from runcoach.errors import UsageError
from runcoach.log.db import Database
from runcoach.services.calc import (
    calc_altitude,
    calc_breathing,
    calc_cadence,
    calc_hr,
    calc_hydration,
    calc_meal,
    calc_sodium,
)
from runcoach.services.runner import update_preferences


def test_bare_numbers_take_the_runners_units(db: Database) -> None:
    assert calc_hydration(db=db, weight="72.6").values["daily_fl_oz"] == 80
    update_preferences(db=db, units="mi")
    assert calc_hydration(db=db, weight="160").values["daily_fl_oz"] == 80
    assert calc_altitude(db=db, altitude="8000").values["above"] is True
    assert calc_cadence(db=db, spm=160, pace="8:00").values["pace"] == "8:00/mi"


def test_cadence_from_a_step_count(db: Database) -> None:
    assert calc_cadence(db=db, steps=82, seconds=30).values["spm"] == 164


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda db: calc_hydration(db=db, weight="-70kg"), "body weight -70 kg is not plausible"),
        (lambda db: calc_hydration(db=db, weight="700kg"), "body weight 700 kg is not plausible"),
        (lambda db: calc_hr(age=300), "age 300 years is not plausible"),
        (lambda db: calc_hr(age=40, resting=5), "resting heart rate 5 bpm"),
        (lambda db: calc_sodium(minutes=0), "not plausible"),
        (lambda db: calc_meal(size="feast"), "unknown meal size"),
        (lambda db: calc_meal(size="big", ate_at="noonish"), "cannot read --ate-at"),
        (lambda db: calc_cadence(db=db), "give either --spm or --steps"),
        (lambda db: calc_cadence(db=db, spm=400), "not plausible"),
        (lambda db: calc_cadence(db=db, spm=170, pace="0:30"), "pace of 0:30"),
        (lambda db: calc_breathing(effort="sprint"), "unknown effort 'sprint'"),
        (lambda db: calc_altitude(db=db, altitude="20000m"), "altitude 20000 m is not plausible"),
    ],
)
def test_impossible_inputs_are_clear_errors(db: Database, call: object, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        call(db)  # type: ignore[operator]
