from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from runcoach.errors import DataError
from runcoach.log.db import Database, open_database
from runcoach.services.assessments import save_assessment
from runcoach.services.checkins import CheckinInput, PainInput, TrainingInput, record_checkin
from runcoach.services.exchange import ExchangeError, import_log
from runcoach.services.export import export_csv, export_log
from runcoach.services.runner import update_preferences
from runcoach.services.runs import log_run
from runcoach.services.shoes import add_shoe, retire_shoe

NOW = datetime(2026, 3, 10, 21, 0, tzinfo=UTC)

#: the example of contract section 5, verbatim
CONTRACT_EXAMPLE: dict[str, Any] = {
    "format": "runcoach-log",
    "version": 1,
    "shoes": [{"id": "s1", "name": "Pegasus 40", "started": "2026-01-01", "retired": None}],
    "runs": [
        {
            "start": "2026-03-01T07:00:00+01:00",
            "distance_m": 8200,
            "duration_s": 2710,
            "type": "easy",
            "terrain": "road",
            "shoe": "s1",
            "avg_hr": 145,
            "cadence_spm": 172,
            "elevation_gain_m": 40,
            "notes": "",
        }
    ],
    "checkins": [
        {
            "date": "2026-03-02",
            "sleep_h": 7.5,
            "stress": 2,
            "resting_hr": 52,
            "hrv_ms": 60,
            "illness": None,
            "cycle_day": None,
            "pain": [
                {"region": "hip_groin", "side": "left", "score": 4, "sensation": "dull", "when": "after_run"}
            ],
            "training": [{"kind": "strength", "minutes": 30, "notes": "squats"}],
        }
    ],
}


def dump(doc: dict[str, Any]) -> str:
    return json.dumps(doc)


def fill(db: Database) -> None:
    """A log with something in every table."""
    update_preferences(db=db, units="mi", birth_year=1980, sex="female", resting_hr=50)
    add_shoe(db=db, name="Pegasus 40", started="2026-01-01", replace_at="500mi", now=NOW)
    add_shoe(db=db, name="Old trail shoes", started="2025-01-01", now=NOW)
    retire_shoe(db=db, shoe="old", when="2026-02-01", now=NOW)
    log_run(
        db=db,
        distance="5.2",
        duration="45:10",
        when="2026-03-01T07:00:00+01:00",
        run_type="easy",
        terrain="road",
        avg_hr=145.4,
        cadence_spm=171.6,
        elevation_gain_m=40.25,
        notes="nice",
        now=NOW,
    )
    log_run(db=db, distance="3.1", duration="25:03", when="2026-03-04T18:10:00-05:00", shoe="old", now=NOW)
    record_checkin(
        db=db,
        day="2026-03-02",
        now=NOW,
        data=CheckinInput(
            sleep_h=7.25,
            sleep_quality=4,
            stress=2,
            resting_hr=52,
            hrv_ms=60.5,
            cycle_day=3,
            note="legs heavy",
            pain=(PainInput("hip_groin", 4, "left", "dull", "after_run", False), PainInput("knee", 2)),
            training=(TrainingInput("strength", 30, "squats"), TrainingInput("yoga", 20.5)),
        ),
    )
    record_checkin(db=db, day="2026-03-03", data=CheckinInput(illness="below_neck"), now=NOW)
    save_assessment(
        db=db,
        text="sore hip after long run",
        now=NOW,
        result={
            "conditions": [{"id": "hip_flexor_strain", "probability": 0.4}],
            "triage": "routine",
            "run_decision": "yellow",
            "red_flags": [],
            "done": True,
        },
    )


def test_the_contract_example_imports(db: Database) -> None:
    report = import_log(db=db, data=dump(CONTRACT_EXAMPLE), now=NOW)
    assert report.added == {"shoes": 1, "runs": 1, "checkins": 1, "pain": 1, "training": 1, "assessments": 0}
    assert report.warnings == []
    doc = export_log(db=db)
    run = doc["runs"][0]
    assert (run["start"], run["distance_m"], run["duration_s"], run["shoe"]) == (
        "2026-03-01T07:00:00+01:00",
        8200,
        2710,
        "s1",
    )
    assert doc["checkins"][0]["pain"][0]["region"] == "hip_groin"


def test_importing_twice_stores_once(db: Database) -> None:
    import_log(db=db, data=dump(CONTRACT_EXAMPLE), now=NOW)
    first = export_log(db=db)
    again = import_log(db=db, data=dump(CONTRACT_EXAMPLE), now=NOW)
    assert sum(again.added.values()) == 0
    assert again.duplicates == {
        "shoes": 1,
        "runs": 1,
        "checkins": 1,
        "pain": 1,
        "training": 1,
        "assessments": 0,
    }
    assert export_log(db=db) == first


def test_export_import_export_gives_the_same_document(db: Database, db_url: str, tmp_path: Path) -> None:
    fill(db)
    first = export_log(db=db)
    assert len(first["runs"]) == 2 and len(first["shoes"]) == 2 and first["assessments"]
    with open_database(f"sqlite:///{tmp_path / 'empty.db'}") as empty:
        import_log(db=empty, data=json.dumps(first), now=NOW)
        assert export_log(db=empty) == first


def test_a_document_with_invalid_records_is_refused_whole(db: Database) -> None:
    doc = json.loads(dump(CONTRACT_EXAMPLE))
    doc["runs"].append({"start": "2026-03-03T07:00:00+01:00", "distance_m": -5, "duration_s": 1800})
    doc["runs"].append({"start": "2026-03-04T07:00:00", "distance_m": 5000, "duration_s": 1500, "shoe": "s9"})
    doc["runs"].append(
        {"start": "2026-03-05T07:00:00Z", "distance_m": 10000, "duration_s": 1200, "avg_hr": 400}
    )
    doc["checkins"][0]["pain"][0]["region"] = "elbow"
    doc["checkins"][0]["pain"].append({"region": "knee", "score": 11, "sensation": "itchy"})
    doc["shoes"][0]["retired"] = "2025-12-01"
    with pytest.raises(ExchangeError) as info:
        import_log(db=db, data=dump(doc), name="log.json", now=NOW)
    found = {(p.record, p.field) for p in info.value.problems}
    assert found == {
        ("runs[1]", "distance_m"),
        ("runs[2]", "start"),
        ("runs[2]", "shoe"),
        ("runs[3]", "distance_m"),
        ("runs[3]", "avg_hr"),
        ("checkins[0]", "pain[0].region"),
        ("checkins[0]", "pain[1].score"),
        ("checkins[0]", "pain[1].sensation"),
        ("shoes[0]", "retired"),
    }
    assert info.value.message.startswith("log.json: refused, nothing was stored (9 problems)")
    assert "runs[3] avg_hr: 400 bpm is not a possible heart rate" in info.value.message
    assert export_log(db=db)["runs"] == [] and export_log(db=db)["shoes"] == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        (b"\xff\xfe\x00", "not a UTF-8 text file"),
        ("[]", "must be a JSON object"),
        ('{"format": "gpx", "version": 1}', "format: must be 'runcoach-log'"),
        ('{"format": "runcoach-log", "version": 2}', "version 2 is not supported"),
        ('{"format": "runcoach-log", "version": 1, "runs": {}}', "runs: must be a list"),
        ('{"format": "runcoach-log", "version": 1, "checkins": [{"date": "2099-01-01"}]}', "in the future"),
    ],
)
def test_it_says_what_is_wrong_with_a_document(db: Database, data: str | bytes, message: str) -> None:
    with pytest.raises(DataError, match=message.replace("(", r"\(")):
        import_log(db=db, data=data, now=NOW)


def test_unknown_fields_are_ignored_with_a_warning(db: Database) -> None:
    doc = json.loads(dump(CONTRACT_EXAMPLE))
    doc["runs"][0]["calories"] = 600
    doc["generator"] = "another app"
    report = import_log(db=db, data=dump(doc), now=NOW)
    assert report.warnings == [
        "generator: unknown field, ignored",
        "runs[0].calories: unknown field, ignored",
    ]


def test_a_checkin_for_a_stored_day_is_merged(db: Database) -> None:
    record_checkin(
        db=db, day="2026-03-02", data=CheckinInput(stress=5, pain=(PainInput("knee", 2),)), now=NOW
    )
    report = import_log(db=db, data=dump(CONTRACT_EXAMPLE), now=NOW)
    assert report.added["pain"] == 1 and report.duplicates["checkins"] == 1
    [day] = export_log(db=db)["checkins"]
    assert day["stress"] == 5 and day["sleep_h"] == 7.5
    assert [p["region"] for p in day["pain"]] == ["knee", "hip_groin"]


def test_it_writes_one_csv_file_per_table(db: Database, tmp_path: Path) -> None:
    fill(db)
    written = export_csv(db=db, folder=tmp_path / "csv")
    assert [p.name for p in written] == [
        "shoes.csv",
        "runs.csv",
        "laps.csv",
        "checkins.csv",
        "pain.csv",
        "training.csv",
        "assessments.csv",
    ]
    runs = (tmp_path / "csv" / "runs.csv").read_text().splitlines()
    assert runs[0].startswith("run,start,distance_m,duration_s")
    assert len(runs) == 3
    pain = (tmp_path / "csv" / "pain.csv").read_text().splitlines()
    assert pain[1].startswith("2026-03-02,hip_groin,left,4,dull,after_run,False")
