"""Analytics speed: training-load warnings and the pain-pattern finder over a ten-year log.

    python -m bench.analytics [--days 3650] [--db URL]

Generates a ten-year log (3,650 days, 3,000+ runs, a check-in most days, planted pain triggers),
imports it with ``import_log`` into a new SQLite database, then times, in the same process:

- load: ``load_history`` (the whole log from the database as plain records; the baseline);
- warnings: ``warnings_of`` on the loaded history (every rule, with its sentences);
- patterns: ``patterns_of`` on the loaded history (every region, trigger, threshold and lag,
  against 199 shuffled pain logs, plus progress per region);

and reports each in seconds and as a ratio to the load. Each must stay well under a second.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.synthetic_logs import Plant, generate
from runcoach.log.db import open_database
from runcoach.services.exchange import import_log
from runcoach.services.history import load_history
from runcoach.services.patterns import patterns_of
from runcoach.services.warnings import warnings_of

TARGET_S = 1.0
PLANTS = (
    Plant("weekly_volume", "hip_groin", 60_000, lag=0),
    Plant("session_type", "shin", "hills"),
    Plant("sleep", "knee", 5.5, lag=0),
    Plant("cycle", "calf_achilles", "1-4", lag=0, chance=0.6),
)


def best_of(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--days", type=int, default=3650, help="days in the generated log (default 3650)")
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    args = parser.parse_args(argv)
    first = date.today() - timedelta(days=args.days + 7)
    first -= timedelta(days=first.weekday())  # a Monday, so the log ends before today
    doc = generate(11, days=args.days, plants=PLANTS, runs_per_week=(5, 7), start=first)
    with (
        tempfile.TemporaryDirectory(prefix="runcoach-bench-") as tmp,
        open_database(args.db or f"sqlite:///{Path(tmp) / 'a.db'}") as db,
    ):
        import_log(db=db, data=json.dumps(doc))
        load_s, history = best_of(lambda: load_history(db=db))
    warn_s, warnings = best_of(lambda: warnings_of(history))
    pat_s, patterns = best_of(lambda: patterns_of(history))
    print(f"log: {args.days} days, {len(history.runs)} runs, {len(history.checkins)} check-ins")
    print(f"load_history   {load_s:7.3f} s  (baseline)")
    print(f"warnings       {warn_s:7.3f} s  {warn_s / load_s:5.2f}x load  ({len(warnings.warnings)} found)")
    print(f"patterns       {pat_s:7.3f} s  {pat_s / load_s:5.2f}x load  ({len(patterns.patterns)} found)")
    for p in patterns.patterns:
        print(f"  {p.text}")
    return 0 if max(warn_s, pat_s) < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
