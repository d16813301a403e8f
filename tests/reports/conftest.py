"""A small, known History for the chart and report tests: 10 weeks of running, a hip flare after a
jump in volume, resting HR readings and three shoes."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from runcoach.log.analytics.history import (
    CheckinRecord,
    History,
    PainRecord,
    RunRecord,
    ShoeRecord,
    TrainingRecord,
)
from runcoach.log.db import Database
from runcoach.services.assess import assess_case
from runcoach.services.assessments import AssessmentView

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
        note = "iced the hip after the run" if i == 48 else ""
        checkins.append(CheckinRecord(day=day, resting_hr=50 + (8 if i == 47 else i % 2), pain=pain,
                                      training=training, note=note))  # fmt: skip
    shoes = [
        ShoeRecord("peg", "Pegasus 40", replace_at_m=200_000),
        ShoeRecord("nova", "Novablast", replace_at_m=700_000),
    ]
    return History.of(runs, checkins, shoes, units=units)


@pytest.fixture
def history() -> History:
    return small_history()


def log_document(
    history: History, *, birth_year: int | None = 1988, sex: str | None = "female"
) -> dict[str, Any]:
    """``history`` as a runcoach-log exchange document (what `runcoach data import` reads)."""
    return {
        "format": "runcoach-log",
        "version": 1,
        "runner": {"units": history.units, "birth_year": birth_year, "sex": sex},
        "shoes": [
            {"id": s.ref, "name": s.name, "replace_at_m": s.replace_at_m, "started": "2026-05-01"}
            for s in history.shoes
        ],
        "runs": [
            {
                "start": r.start.isoformat(),
                "distance_m": r.distance_m,
                "duration_s": r.duration_s,
                "shoe": r.shoe,
            }
            for r in history.runs
        ],
        "checkins": [
            {
                "date": c.day.isoformat(),
                "resting_hr": c.resting_hr,
                "note": c.note,
                "pain": [
                    {
                        "region": p.region,
                        "side": p.side,
                        "score": p.score,
                        "sensation": p.sensation,
                        "when": p.when,
                    }
                    for p in c.pain
                ],
                "training": [{"kind": t.kind, "minutes": t.minutes, "notes": t.notes} for t in c.training],
            }
            for c in history.checkins
        ],
    }


HIP_TEXT = "my left hip hurts deep in the groin, worse on runs, and now it aches at night and I limp"


def fill_log(db: Database, history: History | None = None) -> None:
    """Import the small history and save one real assessment (with a red flag) in its flare."""
    from runcoach.services.assessments import save_assessment
    from runcoach.services.exchange import import_log

    import_log(db=db, data=json.dumps(log_document(history or small_history())))
    result = assess_case({"id": "hip", "text": HIP_TEXT}, with_advice=False)
    save_assessment(db=db, text=HIP_TEXT, result=result, now=datetime(2026, 7, 20, 8, tzinfo=UTC))


def saved_assessment(day: date, text: str = HIP_TEXT, result: dict | None = None) -> AssessmentView:  # type: ignore[type-arg]
    """A saved assessment of ``text`` (the engine's real result unless ``result`` is given)."""
    result = result or assess_case({"id": "x", "text": text}, with_advice=False)
    return AssessmentView(
        id=1, created_at=None, day=day, text=text, top_condition=None,  # type: ignore[arg-type]
        triage=result["triage"], run_decision=result["run_decision"], red_flags=result["red_flags"],
        result=result,
    )  # fmt: skip
