"""Load a runner's log into the plain :class:`~runcoach.log.analytics.history.History` that the
analytics read (warnings, patterns, the today-check, charts, the report)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from runcoach.dates import with_offset
from runcoach.log.analytics.history import (
    CheckinRecord,
    History,
    PainRecord,
    RunRecord,
    ShoeRecord,
    TrainingRecord,
)
from runcoach.log.db import Database
from runcoach.log.models import Checkin, Run, Shoe
from runcoach.log.runners import get_runner


def load_history(
    *, db: Database, runner_id: int | None = None, since: date | None = None, until: date | None = None
) -> History:
    """The runner's runs, check-ins and shoes (optionally only the days ``since``..``until``)."""
    with db.session() as session:
        runner = get_runner(session, runner_id)
        shoes = {s.id: s for s in session.scalars(select(Shoe).where(Shoe.runner_id == runner.id))}
        rows = session.execute(
            select(
                Run.id, Run.start, Run.utc_offset_min, Run.sport, Run.distance_m, Run.elapsed_s,
                Run.moving_s, Run.run_type, Run.terrain, Run.shoe_id, Run.avg_hr, Run.cadence_spm,
                Run.elevation_gain_m,
            )
            .where(Run.runner_id == runner.id)
            .order_by(Run.start, Run.id)
        )  # fmt: skip
        runs = []
        for r in rows:
            start = with_offset(r.start, r.utc_offset_min)
            if (since and start.date() < since) or (until and start.date() > until):
                continue
            shoe = shoes.get(r.shoe_id) if r.shoe_id is not None else None
            runs.append(
                RunRecord(
                    id=r.id,
                    start=start,
                    distance_m=r.distance_m or 0.0,
                    duration_s=r.moving_s or r.elapsed_s,
                    sport=r.sport,
                    run_type=r.run_type,
                    terrain=r.terrain,
                    shoe=shoe.ref if shoe else None,
                    avg_hr=r.avg_hr,
                    cadence_spm=r.cadence_spm,
                    elevation_gain_m=r.elevation_gain_m,
                )
            )
        query = (
            select(Checkin)
            .where(Checkin.runner_id == runner.id)
            .order_by(Checkin.day)
            .options(selectinload(Checkin.pain), selectinload(Checkin.training))
        )
        if since:
            query = query.where(Checkin.day >= since)
        if until:
            query = query.where(Checkin.day <= until)
        checkins = [_checkin(c) for c in session.scalars(query)]
        return History.of(
            runs,
            checkins,
            [ShoeRecord(s.ref, s.name, s.started, s.retired, s.replace_at_m) for s in shoes.values()],
            units=runner.units,
            birth_year=runner.birth_year,
            sex=runner.sex,
            resting_hr_baseline=runner.resting_hr_override,
        )


def _checkin(c: Checkin) -> CheckinRecord:
    return CheckinRecord(
        day=c.day,
        sleep_h=c.sleep_h,
        stress=c.stress,
        resting_hr=c.resting_hr,
        hrv_ms=c.hrv_ms,
        illness=c.illness,
        cycle_day=c.cycle_day,
        pain=tuple(PainRecord(p.region, p.score, p.side, p.sensation, p.timing) for p in c.pain),
        training=tuple(TrainingRecord(t.kind, t.minutes, t.notes or "") for t in c.training),
        note=c.note or "",
    )
