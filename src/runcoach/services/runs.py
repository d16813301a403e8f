"""Runs: list the log, and log a run by hand (``8.2km 45:10``) with plausibility checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from runcoach.dates import local_now, offset_minutes, parse_start, with_offset
from runcoach.errors import DataError, UsageError
from runcoach.log.checks import Problem, run_problems
from runcoach.log.db import Database
from runcoach.log.models import Run, Shoe
from runcoach.log.runners import get_runner
from runcoach.log.vocab import RUN_TYPES, TERRAINS
from runcoach.services.shoes import default_shoe, find_shoe, shoe_warning
from runcoach.units import Unit, check_unit, parse_distance, parse_duration


@dataclass(frozen=True)
class RunView:
    """One stored activity, as the CLI and the web app show it."""

    id: int
    start: datetime  # aware, in the run's own offset (UTC when unknown)
    sport: str
    distance_m: float | None
    elapsed_s: float
    moving_s: float | None
    source: str
    timer_s: float | None = None
    run_type: str | None = None
    terrain: str | None = None
    shoe: str | None = None
    name: str | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    cadence_spm: float | None = None
    elevation_gain_m: float | None = None
    source_name: str | None = None
    notes: str = ""
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The ``runcoach runs --json`` record (contract section 4, plus the rest of the summary)."""
        return {
            "id": self.id,
            "start": self.start.isoformat(),
            "sport": self.sport,
            "distance_m": _round(self.distance_m, 1),
            "duration_s": _round(self.elapsed_s, 1),
            "moving_s": _round(self.moving_s, 1),
            "timer_s": _round(self.timer_s, 1),
            "source": self.source,
            "source_name": self.source_name,
            "name": self.name,
            "type": self.run_type,
            "terrain": self.terrain,
            "shoe": self.shoe,
            "avg_hr": _round(self.avg_hr, 1),
            "max_hr": _round(self.max_hr, 1),
            "cadence_spm": _round(self.cadence_spm, 1),
            "elevation_gain_m": _round(self.elevation_gain_m, 1),
            "notes": self.notes,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class RunList:
    runs: list[RunView]
    units: Unit


@dataclass(frozen=True)
class LoggedRun:
    run: RunView
    units: Unit
    warnings: list[str] = field(default_factory=list)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


#: RunView field -> column; ``start`` is shown in the run's own offset
_FIELDS = {
    "id": Run.id,
    "start": Run.start,
    "sport": Run.sport,
    "distance_m": Run.distance_m,
    "elapsed_s": Run.elapsed_s,
    "moving_s": Run.moving_s,
    "timer_s": Run.timer_s,
    "source": Run.source,
    "run_type": Run.run_type,
    "terrain": Run.terrain,
    "name": Run.name,
    "avg_hr": Run.avg_hr,
    "max_hr": Run.max_hr,
    "cadence_spm": Run.cadence_spm,
    "elevation_gain_m": Run.elevation_gain_m,
    "source_name": Run.source_name,
    "notes": Run.notes,
    "warnings": Run.warnings,
}


def list_runs(*, db: Database, runner_id: int | None = None) -> RunList:
    """Every run of the runner, oldest first (the raw files are not loaded)."""
    columns = [col.label(name) for name, col in _FIELDS.items()]
    with db.session() as session:
        runner = get_runner(session, runner_id)
        rows = session.execute(
            select(*columns, Run.utc_offset_min.label("offset"), Shoe.ref.label("shoe"))
            .outerjoin(Shoe, Run.shoe_id == Shoe.id)
            .where(Run.runner_id == runner.id)
            .order_by(Run.start, Run.id)
        ).mappings()
        views = [_view(dict(row)) for row in rows]
        units = check_unit(runner.units)
    return RunList(views, units)


def _view(values: dict[str, Any]) -> RunView:
    values["start"] = with_offset(values["start"], values.pop("offset"))
    values["notes"] = values["notes"] or ""
    values["warnings"] = tuple(values["warnings"] or ())
    return RunView(**values)


def run_view(run: Run) -> RunView:
    values = {name: getattr(run, col.key) for name, col in _FIELDS.items()}
    return _view(values | {"offset": run.utc_offset_min, "shoe": run.shoe.ref if run.shoe else None})


def log_run(
    *,
    db: Database,
    distance: str,
    duration: str,
    when: str | None = None,
    run_type: str | None = None,
    terrain: str | None = None,
    shoe: str | None = None,
    avg_hr: float | None = None,
    max_hr: float | None = None,
    cadence_spm: float | None = None,
    elevation_gain_m: float | None = None,
    notes: str = "",
    runner_id: int | None = None,
    now: datetime | None = None,
) -> LoggedRun:
    """Store a run entered by hand (a bare distance is in the runner's unit). Impossible values,
    a future date or a second run at the same start are refused with the reason; nothing is stored."""
    now = now or local_now()
    _check_choice("type", run_type, RUN_TYPES)
    _check_choice("terrain", terrain, TERRAINS)
    elapsed_s = parse_duration(duration)
    with db.session() as session:
        runner = get_runner(session, runner_id)
        units = check_unit(runner.units)
        distance_m = parse_distance(distance, default_unit=units)
        start, has_time = _start(when, now, elapsed_s)
        problems = run_problems(
            sport="running",
            start=start,
            distance_m=distance_m,
            elapsed_s=elapsed_s,
            now=now,
            avg_hr=avg_hr,
            max_hr=max_hr,
            cadence_spm=cadence_spm,
            elevation_gain_m=elevation_gain_m,
        )
        if distance_m <= 0:
            problems.insert(0, Problem("distance", "the distance must be more than zero"))
        if problems:
            raise DataError(
                "run not logged: " + "; ".join(f"{p.field}: {p.reason}" for p in problems),
                hint="check the numbers and their units (8.2km, 5mi, 45:10, 1:02:03)",
            )
        chosen = find_shoe(session, runner, shoe) if shoe else default_shoe(session, runner, start.date())
        _refuse_same_start(session, runner.id, start, has_time)
        run = Run(
            runner_id=runner.id,
            start=start,
            utc_offset_min=offset_minutes(start),
            sport="running",
            distance_m=distance_m,
            elapsed_s=elapsed_s,
            avg_hr=avg_hr,
            max_hr=max_hr,
            cadence_spm=cadence_spm,
            elevation_gain_m=elevation_gain_m,
            run_type=run_type,
            terrain=terrain,
            shoe=chosen,
            notes=notes,
            source="manual",
            warnings=[],
        )
        session.add(run)
        session.flush()
        warning = shoe_warning(session, chosen, units) if chosen else None
        return LoggedRun(run_view(run), units, [warning] if warning else [])


def _start(when: str | None, now: datetime, elapsed_s: float) -> tuple[datetime, bool]:
    """When the run started, and whether a time of day was given. Without a date, or with today's
    date and no time, the run has just finished; another day without a time starts at noon."""
    just_now = (now - timedelta(seconds=elapsed_s)).replace(microsecond=0)
    if not when:
        return just_now, True
    start, has_time = parse_start(when, now=now)
    if not has_time and start.date() == now.date():
        return just_now, False
    return start.replace(microsecond=0), has_time


def _check_choice(name: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise UsageError(f"unknown run {name} {value!r}", hint=f"use one of: {', '.join(allowed)}")


def _refuse_same_start(session: Session, runner_id: int, start: datetime, has_time: bool) -> None:
    clash = session.scalar(
        select(Run.id).where(Run.runner_id == runner_id, Run.sport == "running", Run.start == start)
    )
    if clash is not None:
        hint = "give the time of day too, e.g. --date '2026-03-01 18:30'" if not has_time else None
        raise DataError(
            f"a run starting at {start.isoformat()} is already in the log (run {clash}); not logged twice",
            hint=hint or "use another start time if this is a different run",
        )
