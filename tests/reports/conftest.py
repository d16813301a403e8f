"""A small, known History for the chart and report tests: 10 weeks of running, a hip flare after a
jump in volume, resting HR readings and three shoes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from runcoach.log.analytics.history import (
    CheckinRecord,
    History,
    PainRecord,
    RunRecord,
    ShoeRecord,
    TrainingRecord,
)

START = date(2026, 6, 1)  # a Monday


def small_history(units: str = "km") -> History:
    runs, checkins = [], []
    for i in range(70):
        day = START + timedelta(days=i)
        if day.weekday() in (0, 2, 4, 6):
            km = 8.0 + (6.0 if 42 <= i < 49 else 0.0)  # week 7 jumps
            start = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
            runs.append(RunRecord(start=start, distance_m=km * 1000, duration_s=km * 330, shoe="peg"))
        hip = PainRecord("hip_groin", 3 + (i - 46) // 4, "left", "dull", "after_run")
        pain = (hip,) if 46 <= i < 60 else ()
        training = (TrainingRecord("strength", 30, "bridges"),) if i == 50 else ()
        checkins.append(CheckinRecord(day=day, resting_hr=50 + (8 if i == 47 else i % 2), pain=pain,
                                      training=training))  # fmt: skip
    shoes = [
        ShoeRecord("peg", "Pegasus 40", replace_at_m=200_000),
        ShoeRecord("nova", "Novablast", replace_at_m=700_000),
    ]
    return History.of(runs, checkins, shoes, units=units)


@pytest.fixture
def history() -> History:
    return small_history()
