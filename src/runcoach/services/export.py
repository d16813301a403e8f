"""Your data is yours: the whole log as an exchange-format document, or as one CSV file per table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from runcoach.dates import with_offset
from runcoach.errors import UsageError
from runcoach.log.db import Database
from runcoach.log.exchange import (
    FORMAT,
    VERSION,
    AssessmentRecord,
    CheckinRecord,
    LapRecord,
    PainRecord,
    RunRecord,
    ShoeRecord,
    TrainingRecord,
)
from runcoach.log.models import Assessment, Checkin, Lap, Run, Runner, Shoe
from runcoach.log.runners import get_runner
from runcoach.services.checkins import checkin_view
from runcoach.services.plan_exchange import export_episodes


def num(value: float | None, digits: int = 3) -> float | int | None:
    """A number as the document shows it: rounded, and whole numbers without ``.0``."""
    if value is None:
        return None
    rounded = round(float(value), digits)
    return int(rounded) if rounded.is_integer() else rounded


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def export_log(*, db: Database, runner_id: int | None = None) -> dict[str, Any]:
    """The runner's whole log in the exchange format, version 1 (raw activity files are not included)."""
    with db.session() as session:
        runner = get_runner(session, runner_id)
        return {
            "format": FORMAT,
            "version": VERSION,
            "runner": _runner(runner),
            "shoes": [_shoe(s) for s in session.scalars(_shoes(runner))],
            "runs": [_run(r) for r in session.scalars(_runs(runner))],
            "checkins": [checkin_view(c).to_json() | _numbers(c) for c in session.scalars(_checkins(runner))],
            "assessments": [_assessment(a) for a in session.scalars(_assessments(runner))],
            "episodes": export_episodes(session, runner),
        }


def _shoes(runner: Runner) -> Any:
    return select(Shoe).where(Shoe.runner_id == runner.id).order_by(Shoe.id)


def _runs(runner: Runner) -> Any:
    return (
        select(Run)
        .where(Run.runner_id == runner.id)
        .order_by(Run.start, Run.id)
        .options(selectinload(Run.laps))
    )


def _checkins(runner: Runner) -> Any:
    return (
        select(Checkin)
        .where(Checkin.runner_id == runner.id)
        .order_by(Checkin.day)
        .options(selectinload(Checkin.pain), selectinload(Checkin.training))
    )


def _assessments(runner: Runner) -> Any:
    return (
        select(Assessment)
        .where(Assessment.runner_id == runner.id)
        .order_by(Assessment.created_at, Assessment.id)
    )


def _runner(runner: Runner) -> dict[str, Any]:
    return {
        "units": runner.units,
        "birth_year": runner.birth_year,
        "sex": runner.sex,
        "resting_hr_override": runner.resting_hr_override,
    }


def _shoe(shoe: Shoe) -> dict[str, Any]:
    return {
        "id": shoe.ref,
        "name": shoe.name,
        "started": _day(shoe.started),
        "retired": _day(shoe.retired),
        "brand": shoe.brand,
        "model": shoe.model,
        "default": shoe.is_default,
        "replace_after_m": num(shoe.replace_at_m, 1),
    }


def _run(run: Run) -> dict[str, Any]:
    return {
        "start": with_offset(run.start, run.utc_offset_min).isoformat(),
        "sport": run.sport,
        "distance_m": num(run.distance_m, 1),
        "duration_s": num(run.elapsed_s, 1),
        "moving_s": num(run.moving_s, 1),
        "timer_s": num(run.timer_s, 1),
        "type": run.run_type,
        "terrain": run.terrain,
        "shoe": run.shoe.ref if run.shoe else None,
        "avg_hr": num(run.avg_hr, 1),
        "max_hr": num(run.max_hr, 1),
        "cadence_spm": num(run.cadence_spm, 1),
        "elevation_gain_m": num(run.elevation_gain_m, 1),
        "name": run.name,
        "notes": run.notes or "",
        "source": run.source,
        "source_name": run.source_name,
        "device": run.device,
        "content_sha256": run.content_hash,
        "warnings": list(run.warnings or []),
        "laps": [_lap(lap, run.utc_offset_min) for lap in run.laps],
    }


def _lap(lap: Lap, offset: int | None) -> dict[str, Any]:
    return {
        "start": with_offset(lap.start, offset).isoformat(),
        "duration_s": num(lap.elapsed_s, 1),
        "distance_m": num(lap.distance_m, 1),
        "moving_s": num(lap.moving_s, 1),
        "avg_hr": num(lap.avg_hr, 1),
        "max_hr": num(lap.max_hr, 1),
    }


def _numbers(checkin: Checkin) -> dict[str, Any]:
    """Checkin numbers rounded like the rest of the document."""
    return {
        "sleep_h": num(checkin.sleep_h, 2),
        "hrv_ms": num(checkin.hrv_ms, 1),
        "training": [
            {"kind": t.kind, "minutes": num(t.minutes, 1), "notes": t.notes} for t in checkin.training
        ],
    }


def _assessment(item: Assessment) -> dict[str, Any]:
    return {
        "created_at": item.created_at.isoformat(),
        "date": item.day.isoformat(),
        "text": item.text,
        "top_condition": item.top_condition,
        "triage": item.triage,
        "run_decision": item.run_decision,
        "red_flags": list(item.red_flags or []),
        "result": item.result or {},
    }


# -- CSV ---------------------------------------------------------------------------------------


def _fields(model: type[BaseModel], *, before: tuple[str, ...] = (), drop: tuple[str, ...] = ()) -> list[str]:
    return [*before, *(name for name in model.model_fields if name not in drop)]


#: the columns of each CSV file (the exchange format's fields, flattened)
CSV_COLUMNS: dict[str, list[str]] = {
    "shoes": _fields(ShoeRecord),
    "runs": _fields(RunRecord, before=("run",), drop=("laps",)),
    "laps": _fields(LapRecord, before=("run", "lap")),
    "checkins": _fields(CheckinRecord, drop=("pain", "training")),
    "pain": _fields(PainRecord, before=("date",)),
    "training": _fields(TrainingRecord, before=("date",)),
    "assessments": _fields(AssessmentRecord),
}


def export_csv(*, db: Database, folder: Path, runner_id: int | None = None) -> list[Path]:
    """One CSV file per table in ``folder`` (created if missing); returns the files written."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            f"{folder} is a file, not a folder", hint="give a folder to write the CSV files into"
        )
    folder.mkdir(parents=True, exist_ok=True)
    doc = export_log(db=db, runner_id=runner_id)
    tables = _csv_rows(doc)
    written = []
    for name, columns in CSV_COLUMNS.items():
        path = folder / f"{name}.csv"
        _write_csv(path, columns, tables[name])
        written.append(path)
    return written


def _csv_rows(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    runs = []
    laps = []
    for i, run in enumerate(doc["runs"], start=1):
        runs.append({"run": i, **{k: v for k, v in run.items() if k != "laps"}})
        laps += [{"run": i, "lap": n, **lap} for n, lap in enumerate(run["laps"], start=1)]
    checkins, pain, training = [], [], []
    for day in doc["checkins"]:
        checkins.append({k: v for k, v in day.items() if k not in ("pain", "training")})
        pain += [{"date": day["date"], **p} for p in day["pain"]]
        training += [{"date": day["date"], **t} for t in day["training"]]
    return {
        "shoes": doc["shoes"],
        "runs": runs,
        "laps": laps,
        "checkins": checkins,
        "pain": pain,
        "training": training,
        "assessments": doc["assessments"],
    }


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if value is None else value


def _write_csv(path: Path, columns: list[str], rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
