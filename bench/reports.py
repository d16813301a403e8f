"""What the charts and the physio report cost on a 10-year log, as ratios against a baseline
measured in the same process: the weekly volume and the daily ACWR of the whole log (series.py).

The log: 3,650 days, a run on 6 days of 7 (3,100+ runs), a check-in every day with a resting HR,
and a pain flare in one of three regions every few months.

Usage::

    python -m bench.reports [--repeat N]
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, date, datetime, timedelta

from bench._timing import best
from runcoach import DISCLAIMER
from runcoach.knowledge.loader import load_knowledge
from runcoach.log.analytics.history import CheckinRecord, History, PainRecord, RunRecord, ShoeRecord
from runcoach.log.analytics.series import acwr, daily_load, weekly
from runcoach.reports.build import build_context
from runcoach.reports.charts import CHART_KINDS, build_chart
from runcoach.reports.html import render_html
from runcoach.reports.pdf import render_pdf

START = date(2016, 1, 4)
DAYS = 3650


def ten_years(seed: int = 5) -> History:
    rng = random.Random(seed)
    runs, checkins = [], []
    flare_region, flare_left = "", 0
    for i in range(DAYS):
        day = START + timedelta(days=i)
        if day.weekday() != 0:
            km = rng.uniform(5, 12) * (1.6 if day.weekday() == 6 else 1.0)
            start = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
            runs.append(RunRecord(start, km * 1000, km * 330, shoe=f"s{i // 300}"))
        if flare_left == 0 and rng.random() < 0.01:
            flare_region, flare_left = rng.choice(["knee", "hip_groin", "shin"]), rng.randint(5, 20)
        pain = (
            (PainRecord(flare_region, rng.randint(2, 7), "left", "dull", "after_run"),) if flare_left else ()
        )
        flare_left = max(flare_left - 1, 0)
        checkins.append(CheckinRecord(day, resting_hr=rng.randint(46, 56), pain=pain))
    shoes = [ShoeRecord(f"s{k}", f"Pair {k + 1}", replace_at_m=800_000) for k in range(DAYS // 300 + 1)]
    return History.of(runs, checkins, shoes)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    history, kb = ten_years(), load_knowledge()
    since, until = START, START + timedelta(days=DAYS - 1)
    base = best(lambda: (weekly(history), acwr(daily_load(history))), args.repeat)
    print(f"{len(history.runs)} runs, {len(history.checkins)} check-ins")
    print(f"weekly volume + daily ACWR of the whole log: {base * 1e3:.1f} ms (baseline)")

    def report(charts: bool) -> object:
        return build_context(history, [], kb, since=since, until=until, today=until, disclaimer=DISCLAIMER,
                             with_charts=charts)  # fmt: skip

    plain = best(lambda: report(False), args.repeat)
    print(f"report context, 10 years, no charts: {plain * 1e3:.1f} ms = {plain / base:.1f}x")
    for kind in CHART_KINDS:
        took = best(lambda kind=kind: build_chart(kind, history), args.repeat)  # type: ignore[misc]
        print(f"chart {kind} (PNG, last 26 weeks): {took * 1e3:.0f} ms = {took / base:.1f}x")
    last_year = since + timedelta(days=DAYS - 365)
    ctx = build_context(history, [], kb, since=last_year, until=until, today=until, disclaimer=DISCLAIMER)
    pdf = best(lambda: render_pdf(ctx), args.repeat)
    html = best(lambda: render_html(ctx), args.repeat)
    print(f"last year's report as PDF: {pdf * 1e3:.0f} ms = {pdf / base:.1f}x; as HTML {html * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
