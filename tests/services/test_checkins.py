from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from runcoach.errors import DataError, UsageError
from runcoach.log.db import Database
from runcoach.services.checkins import (
    CheckinInput,
    PainInput,
    TrainingInput,
    list_checkins,
    record_checkin,
    resolve_region,
)

NOW = datetime(2026, 3, 10, 21, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("hip", "hip_groin"),
        ("hip_groin", "hip_groin"),
        ("calf", "calf_achilles"),
        ("achilles", "calf_achilles"),
        ("Knee", "knee"),
        ("shins", "shin"),
        ("big toe", "foot_toe"),
    ],
)
def test_it_finds_the_region_from_a_runners_word(text: str, region: str) -> None:
    assert resolve_region(text) == region


def test_an_unknown_region_lists_the_regions() -> None:
    with pytest.raises(UsageError, match="unknown body region 'elbow'") as info:
        resolve_region("elbow")
    assert info.value.hint and "hip_groin" in info.value.hint


def test_a_day_collects_what_each_checkin_adds(db: Database) -> None:
    record_checkin(
        db=db,
        data=CheckinInput(pain=(PainInput("hip_groin", 3, "left", "dull", "after_run", True),)),
        now=NOW,
    )
    record_checkin(
        db=db,
        data=CheckinInput(
            sleep_h=7.5,
            stress=2,
            resting_hr=52,
            hrv_ms=60,
            illness="above_neck",
            cycle_day=12,
            note="tired",
            training=(TrainingInput("strength", 30, "squats"),),
        ),
        now=NOW,
    )
    record_checkin(db=db, data=CheckinInput(stress=4), now=NOW)
    [day] = list_checkins(db=db, now=NOW)
    assert day.day == date(2026, 3, 10)
    assert (day.sleep_h, day.stress, day.resting_hr, day.illness, day.cycle_day) == (
        7.5,
        4,
        52,
        "above_neck",
        12,
    )
    assert day.pain == [
        {
            "region": "hip_groin",
            "side": "left",
            "score": 3,
            "sensation": "dull",
            "when": "after_run",
            "warms_up": True,
        }
    ]
    assert day.training == [{"kind": "strength", "minutes": 30, "notes": "squats"}]


@pytest.mark.parametrize(
    "data",
    [
        CheckinInput(pain=(PainInput("knee", 11),)),
        CheckinInput(pain=(PainInput("knee", 3, side="up"),)),
        CheckinInput(pain=(PainInput("knee", 3, sensation="itchy"),)),
        CheckinInput(sleep_h=30),
        CheckinInput(stress=11),
        CheckinInput(illness="flu"),
        CheckinInput(resting_hr=400),
        CheckinInput(training=(TrainingInput("karate", 30),)),
    ],
)
def test_it_refuses_values_out_of_range_and_stores_nothing(db: Database, data: CheckinInput) -> None:
    with pytest.raises(DataError):
        record_checkin(db=db, data=data, now=NOW)
    assert list_checkins(db=db, now=NOW) == []


def test_it_refuses_a_checkin_in_the_future(db: Database) -> None:
    with pytest.raises(DataError, match="in the future"):
        record_checkin(db=db, data=CheckinInput(stress=2), day="2026-03-12", now=NOW)


def test_it_lists_a_window_of_days(db: Database) -> None:
    for day in ("2026-03-01", "2026-03-05", "2026-03-09"):
        record_checkin(db=db, data=CheckinInput(stress=1), day=day, now=NOW)
    assert [d.day.day for d in list_checkins(db=db, days=7, now=NOW)] == [5, 9]
    assert [d.day.day for d in list_checkins(db=db, days=3, until="2026-03-05", now=NOW)] == [5]
