"""The patterns service over a stored log (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import json

import pytest
from bench.synthetic_logs import Plant, generate, random_pain

from runcoach.errors import UsageError
from runcoach.log.db import Database
from runcoach.services.exchange import import_log
from runcoach.services.patterns import pain_patterns
from tests.log.analytics.planted import judge, plants_for

PLANTS = (Plant("session_type", "shin", "hills"), Plant("sleep", "knee", 6.0, lag=0))


def test_it_finds_the_planted_triggers_of_an_imported_log(db: Database) -> None:
    plants = plants_for(2, 365)
    import_log(db=db, data=json.dumps(generate(2, days=365, plants=plants)))
    report = pain_patterns(db=db)
    missed, extra = judge(plants, [(p.region, p.trigger, p.value) for p in report.patterns])
    assert missed == [] and extra == []
    assert {p.region for p in report.progress} >= {p.region for p in plants}


def test_one_region_at_a_time(db: Database) -> None:
    import_log(db=db, data=json.dumps(generate(1, days=365, plants=PLANTS)))
    report = pain_patterns(db=db, region="shin")
    assert [(p.region, p.trigger, p.value) for p in report.patterns] == [("shin", "session_type", "hills")]
    (text,) = [p.text for p in report.patterns]
    assert text.startswith("Shin pain came the day after ") and "hills sessions" in text
    assert [p.region for p in report.progress] == ["shin"]


def test_random_pain_reports_nothing_but_still_tracks_progress(db: Database) -> None:
    import_log(db=db, data=json.dumps(random_pain(4, days=365)))
    report = pain_patterns(db=db)
    assert report.patterns == [] and report.progress
    assert report.to_json() == {"patterns": []}
    assert "not a doctor" in report.to_json(progress=True)["caution"]


def test_a_region_is_named_as_in_check_ins_and_anything_else_is_refused(db: Database) -> None:
    import_log(db=db, data=json.dumps(generate(1, days=365, plants=PLANTS)))
    assert [p.region for p in pain_patterns(db=db, region="shins").patterns] == ["shin"]
    with pytest.raises(UsageError, match="unknown body region 'elbow'") as err:
        pain_patterns(db=db, region="elbow")
    assert err.value.hint and "hip_groin" in err.value.hint


def test_progress_says_how_a_region_is_doing_now_compared_with_its_first_month(db: Database) -> None:
    import_log(db=db, data=json.dumps(generate(1, days=365, plants=PLANTS)))
    texts = {p.region: p.text for p in pain_patterns(db=db).progress}
    assert texts["shin"] and texts["shin"].startswith("Shin: in ")
    for text in texts.values():
        assert text is None or ("-/10" not in text and "None" not in text)
