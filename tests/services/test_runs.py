from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from runcoach.errors import DataError, NotFoundError, UsageError
from runcoach.log.db import Database
from runcoach.log.models import Run
from runcoach.services.runner import update_preferences
from runcoach.services.runs import list_runs, log_run
from runcoach.services.shoes import add_shoe

NOW = datetime(2026, 3, 10, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def count_runs(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(Run.id))) or 0)


def test_it_logs_a_run_with_units(db: Database) -> None:
    logged = log_run(
        db=db,
        distance="8.2km",
        duration="45:10",
        when="2026-03-01T07:00:00+01:00",
        run_type="easy",
        terrain="trail",
        avg_hr=145,
        notes="felt good",
        now=NOW,
    )
    run = logged.run
    assert (run.distance_m, run.elapsed_s, run.source) == (8200, 2710, "manual")
    assert run.start.isoformat() == "2026-03-01T07:00:00+01:00"
    assert (run.run_type, run.terrain, run.avg_hr, run.notes) == ("easy", "trail", 145, "felt good")


def test_a_bare_distance_is_in_the_runners_unit(db: Database) -> None:
    update_preferences(db=db, units="mi")
    logged = log_run(db=db, distance="5", duration="40:00", when="2026-03-01", now=NOW)
    assert logged.run.distance_m == pytest.approx(8046.72)
    assert logged.units == "mi"


def test_without_a_date_the_run_just_finished(db: Database) -> None:
    logged = log_run(db=db, distance="5km", duration="25:00", now=NOW)
    assert logged.run.start == (NOW - timedelta(minutes=25)).replace(microsecond=0)


def test_today_without_a_time_is_not_in_the_future(db: Database) -> None:
    early = datetime(2026, 3, 10, 7, 0, tzinfo=timezone(timedelta(hours=1)))
    logged = log_run(db=db, distance="5km", duration="25:00", when="today", now=early)
    assert logged.run.start == early - timedelta(minutes=25)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"distance": "0km"}, "more than zero"),
        ({"distance": "10km", "duration": "20:00"}, "faster than the world record"),
        ({"avg_hr": 400}, "400 bpm is not a possible heart rate"),
        ({"when": "2026-04-01"}, "in the future"),
        ({"duration": "0:00"}, "duration must be more than zero"),
    ],
)
def test_it_refuses_impossible_runs_and_stores_nothing(
    db: Database, kwargs: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {"distance": "10km", "duration": "50:00", "when": "2026-03-01"}
    values.update(kwargs)
    with pytest.raises(DataError, match=message):
        log_run(db=db, now=NOW, **values)  # type: ignore[arg-type]
    assert count_runs(db) == 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"distance": "-5km"},
        {"distance": "ten"},
        {"duration": "soon"},
        {"run_type": "jog"},
        {"terrain": "moon"},
    ],
)
def test_it_refuses_unreadable_input(db: Database, kwargs: dict[str, object]) -> None:
    values: dict[str, object] = {"distance": "10km", "duration": "50:00", "when": "2026-03-01"}
    values.update(kwargs)
    with pytest.raises(UsageError):
        log_run(db=db, now=NOW, **values)  # type: ignore[arg-type]
    assert count_runs(db) == 0


def test_a_second_run_at_the_same_start_is_refused(db: Database) -> None:
    log_run(db=db, distance="5km", duration="25:00", when="2026-03-01", now=NOW)
    with pytest.raises(DataError, match="already in the log") as info:
        log_run(db=db, distance="6km", duration="30:00", when="2026-03-01", now=NOW)
    assert info.value.hint and "time of day" in info.value.hint
    log_run(db=db, distance="6km", duration="30:00", when="2026-03-01 18:00", now=NOW)
    assert count_runs(db) == 2


def test_it_uses_the_default_shoe_and_warns_when_it_is_due(db: Database) -> None:
    add_shoe(db=db, name="Pegasus 40", started="2026-01-01", replace_at="10km", now=NOW)
    first = log_run(db=db, distance="6km", duration="30:00", when="2026-03-01", now=NOW)
    assert first.run.shoe == "pegasus-40" and first.warnings == []
    second = log_run(db=db, distance="6km", duration="30:00", when="2026-03-02", now=NOW)
    assert "past its replacement threshold" in second.warnings[0]


def test_an_unknown_shoe_is_a_clear_error(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no shoe matches 'nimbus'"):
        log_run(db=db, distance="6km", duration="30:00", when="2026-03-01", shoe="nimbus", now=NOW)


def test_runs_are_listed_oldest_first(db: Database) -> None:
    for day in ("2026-03-05", "2026-03-01", "2026-03-03"):
        log_run(db=db, distance="5km", duration="25:00", when=day, now=NOW)
    starts = [r.start.date().isoformat() for r in list_runs(db=db).runs]
    assert starts == ["2026-03-01", "2026-03-03", "2026-03-05"]
    record = list_runs(db=db).runs[0].to_json()
    assert {"id", "start", "sport", "distance_m", "duration_s", "source"} <= set(record)
    assert datetime.fromisoformat(record["start"]).tzinfo is not None
    assert datetime.fromisoformat(record["start"]) < datetime(2026, 3, 2, tzinfo=UTC)
