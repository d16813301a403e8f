"""What "should I run today?" costs on a 10-year log, as ratios against baselines in the same process.

- the pure engine on a 10-year :class:`History` (3,650 daily check-ins, 3,000+ runs), against
  computing the daily load series of the same history (``series.daily_load``);
- ``runcoach today`` end to end through the service on an SQLite log holding the same 10 years,
  against loading the whole history from that database (``load_history``);
- every calculator once, against the same engine run.

Usage::

    python -m bench.today [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench._timing import best
from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.today import load_today
from runcoach.log.analytics.history import CheckinRecord, History, PainRecord, RunRecord
from runcoach.log.analytics.series import daily_load
from runcoach.log.analytics.today import check_today
from runcoach.log.analytics.today_facts import Conditions, TodayInputs
from runcoach.log.db import open_database
from runcoach.log.models import Checkin, PainEntry, Run
from runcoach.log.runners import get_runner
from runcoach.services import calc
from runcoach.services.history import load_history
from runcoach.services.today import TodayRequest, should_i_run

LAST = date(2026, 12, 7)
DAYS = 3650


def ten_years(seed: int = 5) -> History:
    """A seeded 10-year log: about 6 runs a week, a check-in every day, pain now and then."""
    rng = random.Random(seed)
    runs, checkins = [], []
    for i in range(DAYS):
        day = LAST - timedelta(days=DAYS - 1 - i)
        if rng.random() < 0.85:
            km = rng.uniform(5, 12) if day.weekday() != 6 else rng.uniform(16, 28)
            start = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
            runs.append(RunRecord(start=start, distance_m=km * 1000, duration_s=km * 330))
        pain = (
            (PainRecord(rng.choice(["knee", "shin", "calf_achilles"]), rng.randint(1, 6)),)
            if rng.random() < 0.1
            else ()
        )
        checkins.append(
            CheckinRecord(
                day,
                sleep_h=rng.uniform(5, 9),
                resting_hr=rng.randint(46, 56),
                hrv_ms=rng.uniform(50, 80),
                pain=pain,
            )
        )
    return History.of(runs, checkins)


def _store(url: str, history: History) -> None:
    with open_database(url) as db, db.session() as session:
        runner = get_runner(session)
        session.add_all(
            Run(
                runner_id=runner.id,
                start=r.start,
                utc_offset_min=0,
                sport="running",
                distance_m=r.distance_m,
                elapsed_s=r.duration_s,
                moving_s=r.duration_s,
                source="manual",
                notes="",
                warnings=[],
            )
            for r in history.runs
        )
        session.add_all(
            Checkin(
                runner_id=runner.id,
                day=c.day,
                sleep_h=c.sleep_h,
                resting_hr=c.resting_hr,
                hrv_ms=c.hrv_ms,
                note="",
                pain=[PainEntry(region=p.region, score=p.score) for p in c.pain],
            )
            for c in history.checkins
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    kb, guidance, history = load_today(), load_guidance(), ten_years()
    now = datetime(LAST.year, LAST.month, LAST.day, 7, 30, tzinfo=UTC)
    inputs = TodayInputs(now=now, conditions=Conditions(temperature_c=2, pollen="high"), planned_minutes=60)
    base = best(lambda: daily_load(history), args.repeat)
    # a fresh copy each time, so the per-day index of check-ins is built inside the timing
    engine = best(lambda: check_today(replace(history), inputs, kb=kb, guidance=guidance), args.repeat)
    print(f"log: {len(history.checkins)} check-ins, {len(history.runs)} runs")
    print(f"daily load series, 10 years: {base * 1e3:.2f} ms (baseline)")
    print(f"today engine, 10 years: {engine * 1e3:.2f} ms = {engine / base:.2f}x")
    calcs = best(_every_calculator, args.repeat)
    print(f"all seven calculators: {calcs * 1e3:.2f} ms = {calcs / engine:.2f}x the engine")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'log.db'}"
        _store(url, history)
        with open_database(url) as db:
            request = TodayRequest(minutes=60)
            load = best(lambda: load_history(db=db), max(args.repeat // 3, 2))
            service = best(lambda: should_i_run(db=db, request=request, now=now), args.repeat)
        print(f"load_history, whole 10-year log from SQLite: {load * 1e3:.1f} ms (baseline)")
        print(f"runcoach today through the service: {service * 1e3:.1f} ms = {service / load:.2f}x")


def _every_calculator() -> None:
    calc.calc_hydration(db=None, weight="70kg", minutes=60, hot=True)
    calc.calc_sodium(minutes=90, hot=True)
    calc.calc_meal(size="big", ate_at="12:30")
    calc.calc_hr(age=40, resting=50)
    calc.calc_cadence(db=None, spm=165, pace="5:30")
    calc.calc_breathing(effort="easy")
    calc.calc_altitude(db=None, altitude="2800m", days=2)


if __name__ == "__main__":
    main()
