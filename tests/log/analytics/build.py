"""Small hand-made histories for the warnings tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from runcoach.log.analytics.history import CheckinRecord, History, RunRecord, ShoeRecord

MONDAY = date(2026, 3, 2)


def run(day: int, km: float, kind: str = "easy", **extra: object) -> RunRecord:
    when = datetime.combine(MONDAY + timedelta(days=day), datetime.min.time(), UTC) + timedelta(hours=7)
    return RunRecord(when, km * 1000, km * 330, run_type=kind, **extra)  # type: ignore[arg-type]


def weeks_of(volumes_km: Iterable[float], runs_per_week: int = 4) -> list[RunRecord]:
    """Each week's volume spread evenly over ``runs_per_week`` runs (Mon, Wed, Fri, Sun ...)."""
    days = (0, 2, 4, 6, 1, 3)[:runs_per_week]
    return [run(7 * w + d, km / runs_per_week) for w, km in enumerate(volumes_km) for d in days]


def history(
    runs: Iterable[RunRecord] = (),
    checkins: Iterable[CheckinRecord] = (),
    shoes: Iterable[ShoeRecord] = (),
    **extra: object,
) -> History:
    return History.of(runs, checkins, shoes, **extra)


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)
