"""The warnings service over a stored log: sentences from the knowledge base, volumes, a day."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from runcoach.errors import RuncoachError
from runcoach.log.db import Database
from runcoach.services.exchange import import_log
from runcoach.services.warnings import training_warnings

START = date(2026, 3, 2)


def _doc() -> dict[str, Any]:
    runs = []
    for i in range(35):  # five weeks of 6 km every day, then one long run
        runs.append({"start": f"{START + timedelta(days=i)}T07:00:00+01:00", "distance_m": 6000,
                     "duration_s": 1980, "type": "easy", "shoe": "peg"})  # fmt: skip
    runs.append({"start": f"{START + timedelta(days=35)}T07:00:00+01:00", "distance_m": 14000,
                 "duration_s": 4900, "type": "long", "shoe": "peg"})  # fmt: skip
    return {"format": "runcoach-log", "version": 1,
            "shoes": [{"id": "peg", "name": "Pegasus 40", "started": str(START), "retired": None}],
            "runs": runs, "checkins": []}  # fmt: skip


def test_it_says_what_it_saw_why_it_matters_and_what_to_do(db: Database) -> None:
    import_log(db=db, data=json.dumps(_doc()))
    report = training_warnings(db=db)
    spike = next(w for w in report.warnings if w.rule == "single_run_spike")
    assert spike.level == "warning"  # 14 km after nothing over 6 km: past double
    assert spike.saw == (
        "Your run on 2026-04-06 was 14.0 km, 133.3% longer than your longest of the 30 days before (6.0 km)."
    )
    assert "Garmin-RUNSAFE" in (spike.evidence or "") and spike.todo and spike.why
    doc = report.to_json()
    assert doc["date"] == "2026-04-06" and "not a doctor" in doc["coach_note"]
    assert doc["weekly_volume"][-1] == {
        "start": "2026-04-06",
        "distance_m": 14000,
        "duration_s": 4900,
        "runs": 1,
    }
    assert [m["start"] for m in doc["monthly_volume"]] == ["2026-03-01", "2026-04-01"]


def test_an_earlier_day_sees_only_the_log_up_to_it(db: Database) -> None:
    import_log(db=db, data=json.dumps(_doc()))
    report = training_warnings(db=db, day="2026-04-05")
    assert all(w.rule != "single_run_spike" for w in report.warnings)


def test_a_bad_day_is_a_clear_error(db: Database) -> None:
    with pytest.raises(RuncoachError):
        training_warnings(db=db, day="someday")


def test_an_empty_log_has_nothing_to_warn_about(db: Database) -> None:
    report = training_warnings(db=db)
    assert report.warnings == [] and report.to_json()["date"] is None
