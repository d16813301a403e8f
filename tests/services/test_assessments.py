from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from runcoach.errors import UsageError
from runcoach.log.db import Database
from runcoach.services.assessments import list_assessments, save_assessment

NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
RESULT = {
    "id": "c1",
    "conditions": [
        {"id": "calf_strain_grade2", "probability": 0.61},
        {"id": "calf_strain_grade1", "probability": 0.2},
    ],
    "triage": "urgent",
    "run_decision": "red",
    "red_flags": ["felt_pop_or_snap"],
    "next_questions": [],
    "done": True,
}


def test_an_assessment_is_saved_with_its_summary_and_listed_oldest_first(db: Database) -> None:
    save_assessment(db=db, text="calf popped on a hill", result=RESULT, now=NOW)
    save_assessment(db=db, text="earlier", result=RESULT | {"triage": "routine"}, now=NOW - timedelta(days=2))
    first, second = list_assessments(db=db)
    assert (first.text, first.triage) == ("earlier", "routine")
    assert (second.top_condition, second.run_decision, second.red_flags) == (
        "calf_strain_grade2",
        "red",
        ["felt_pop_or_snap"],
    )
    assert second.result == RESULT and second.day == NOW.date()


def test_a_result_without_triage_is_refused(db: Database) -> None:
    with pytest.raises(UsageError):
        save_assessment(db=db, text="x", result={"conditions": []}, now=NOW)
    assert list_assessments(db=db) == []
