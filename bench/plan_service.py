"""What a stored plan costs through the service layer, as ratios against the pure engine measured
in the same process: the engine replaying a whole plan's history in memory is the baseline.

- ``plan today`` on a stored plan with that history (load the episode and its reports, replay);
- one report (``plan done``: validate, store, replay before and after);
- the plan's calendar export, and ``data export`` of a log holding the plan.

Usage::

    python -m bench.plan_service [--repeat N]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

from bench._timing import best
from runcoach.knowledge.plans import load_plans
from runcoach.log.db import Database, open_database
from runcoach.plans.engine import plan_state, planned_schedule
from runcoach.plans.types import PlanEvent, PlanSetup
from runcoach.services.export import export_log
from runcoach.services.plan_reports import confirm_check, mark_done, mark_skipped, report_pain
from runcoach.services.plan_start import start_plan
from runcoach.services.plans import export_plan_ics, plan_today

START = date(2026, 1, 5)
PLAN, GRADE = "calf_strain", 3


def at(day: date) -> datetime:
    return datetime.combine(day, clock(8), tzinfo=UTC)


def history() -> tuple[list[PlanEvent], date]:
    """Every day of the plan reported as going to plan; and the plan's last day."""
    days = planned_schedule(load_plans()[PLAN], PlanSetup(START, grade=GRADE))
    events = [
        PlanEvent(d.on, "check", check=c.id, passed=True) for d in days if d.kind == "gate" for c in d.checks
    ]
    events += [PlanEvent(d.on, "done") for d in days if d.kind == "session"]
    events += [PlanEvent(d.on + timedelta(days=1), "pain", pain=1) for d in days[:-1]]
    return sorted(events, key=lambda e: e.on), days[-1].on


def store(db: Database, events: list[PlanEvent]) -> None:
    start_plan(db=db, plan=PLAN, grade=GRADE, start=START.isoformat(), now=at(START))
    for e in events:
        if e.kind == "pain" and e.pain is not None:
            report_pain(db=db, score=e.pain, now=at(e.on))
        elif e.kind == "check" and e.check is not None:
            confirm_check(db=db, check=e.check, passed=True, now=at(e.on))
        else:
            mark_done(db=db, now=at(e.on))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    plan = load_plans()[PLAN]
    events, last = history()
    setup = PlanSetup(START, grade=GRADE)
    engine = best(lambda: plan_state(plan, setup, events, last), args.repeat)
    print(f"engine: replay {len(events)} reports of {PLAN} grade {GRADE}: {engine * 1e3:.2f} ms (baseline)")
    with tempfile.TemporaryDirectory() as tmp, open_database(f"sqlite:///{Path(tmp) / 'b.db'}") as db:
        store(db, [e for e in events if e.on < last or e.kind == "pain"])
        today = best(lambda: plan_today(db=db, now=at(last)), args.repeat)
        print(f"plan today from SQLite: {today * 1e3:.2f} ms = {today / engine:.1f}x")
        report = best(lambda: mark_skipped(db=db, now=at(last)), args.repeat)
        print(f"one report (validate, store, replay twice): {report * 1e3:.2f} ms = {report / engine:.1f}x")
        ics = best(lambda: export_plan_ics(db=db, path=Path(tmp) / "p.ics", now=at(last)), args.repeat)
        print(f"calendar export: {ics * 1e3:.2f} ms = {ics / engine:.1f}x")
        doc = best(lambda: export_log(db=db), args.repeat)
        print(f"data export of the log: {doc * 1e3:.2f} ms = {doc / engine:.1f}x")


if __name__ == "__main__":
    main()
