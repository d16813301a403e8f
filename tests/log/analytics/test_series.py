from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import numpy as np

from runcoach.log.analytics.history import History, RunRecord
from runcoach.log.analytics.series import acwr, daily_load, monotony_and_strain, week_start, weekly


def _run(day: date, km: float, **kw: object) -> RunRecord:
    start = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
    return RunRecord(start=start, distance_m=km * 1000, duration_s=km * 360, **kw)  # type: ignore[arg-type]


MONDAY = date(2026, 3, 2)


def test_weeks_start_on_monday_and_empty_weeks_are_kept() -> None:
    history = History.of(
        [_run(MONDAY, 5), _run(MONDAY + timedelta(days=6), 12), _run(MONDAY + timedelta(days=15), 8)]
    )
    weeks = weekly(history)
    assert [w.start for w in weeks] == [MONDAY, MONDAY + timedelta(days=7), MONDAY + timedelta(days=14)]
    assert [w.distance_m for w in weeks] == [17000, 0, 8000]
    assert weeks[0].long_run_m == 12000 and weeks[0].runs == 2
    assert week_start(date(2026, 3, 8)) == MONDAY


def test_other_sports_do_not_count_as_running_volume() -> None:
    history = History.of([_run(MONDAY, 5), _run(MONDAY, 40, sport="cycling")])
    assert weekly(history)[0].distance_m == 5000
    assert daily_load(history).values.tolist() == [5000]


def test_acwr_is_one_for_a_steady_load_and_rises_with_a_spike() -> None:
    runs = [_run(MONDAY + timedelta(days=i), 5) for i in range(35)]
    runs += [_run(MONDAY + timedelta(days=i), 10) for i in range(35, 42)]
    ratio = acwr(daily_load(History.of(runs)))
    assert all(math.isnan(x) for x in ratio[:27])
    assert np.allclose(ratio[27:35], 1.0)
    assert ratio[-1] > 1.5


def test_an_empty_log_has_no_series() -> None:
    assert weekly(History()) == []
    assert len(daily_load(History()).values) == 0


def test_monotony_of_the_same_run_every_day_is_capped() -> None:
    series = daily_load(History.of([_run(MONDAY + timedelta(days=i), 5) for i in range(7)]))
    mono, strain = monotony_and_strain(series, MONDAY + timedelta(days=6))
    assert mono == 7.0 and strain == 35000 * 7.0
    varied = daily_load(History.of([_run(MONDAY + timedelta(days=i), 5 + i) for i in range(0, 7, 2)]))
    mono2, _ = monotony_and_strain(varied, MONDAY + timedelta(days=6))
    assert 0 < mono2 < 2
