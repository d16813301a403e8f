from __future__ import annotations

import json
from datetime import date

from runcoach.log.db import Database
from runcoach.services.exchange import import_log
from runcoach.services.history import load_history

DOC = {
    "format": "runcoach-log",
    "version": 1,
    "shoes": [{"id": "peg", "name": "Pegasus 40", "started": "2026-01-01", "retired": None}],
    "runs": [
        {"start": "2026-03-01T23:30:00-05:00", "distance_m": 8200, "duration_s": 2710, "type": "easy",
         "terrain": "road", "shoe": "peg"},
        {"start": "2026-03-04T07:00:00+01:00", "distance_m": 5000, "duration_s": 1600, "type": "tempo"},
    ],
    "checkins": [
        {"date": "2026-03-02", "sleep_h": 6.5, "stress": 3, "resting_hr": 52,
         "pain": [{"region": "hip_groin", "side": "left", "score": 4, "sensation": "dull",
                   "when": "after_run"}],
         "training": [{"kind": "strength", "minutes": 30, "notes": "squats"}]},
    ],
}  # fmt: skip


def test_it_loads_runs_in_their_own_day_and_checkins_with_pain(db: Database) -> None:
    import_log(db=db, data=json.dumps(DOC))
    history = load_history(db=db)
    assert [r.day for r in history.runs] == [date(2026, 3, 1), date(2026, 3, 4)]
    assert history.runs[0].shoe == "peg" and history.runs[0].run_type == "easy"
    (checkin,) = history.checkins
    assert checkin.pain[0].region == "hip_groin" and checkin.pain[0].when == "after_run"
    assert checkin.training[0].kind == "strength"
    assert [s.ref for s in history.shoes] == ["peg"]


def test_it_keeps_only_the_days_asked_for(db: Database) -> None:
    import_log(db=db, data=json.dumps(DOC))
    history = load_history(db=db, since=date(2026, 3, 2))
    assert [r.day for r in history.runs] == [date(2026, 3, 4)]
    assert len(history.checkins) == 1
    assert load_history(db=db, until=date(2026, 3, 1)).checkins == ()
