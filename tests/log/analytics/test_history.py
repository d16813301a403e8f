from __future__ import annotations

from datetime import date, timedelta

from runcoach.log.analytics.history import CheckinRecord, History

DAY = date(2026, 3, 30)


def _history(values: dict[int, int | None]) -> History:
    """Resting HR readings keyed by days before DAY."""
    return History.of(
        checkins=[CheckinRecord(DAY - timedelta(days=n), resting_hr=v) for n, v in values.items()]
    )


def test_the_baseline_is_the_median_of_the_window_before_the_day() -> None:
    history = _history({0: 70, 1: 50, 2: 52, 3: 54, 10: 60, 29: 99})
    # the day itself (70) and readings older than the window (99, 29 days back) do not count
    assert history.median_before("resting_hr", DAY, days=28, min_readings=3) == (53.0, 4)


def test_too_few_readings_give_no_baseline() -> None:
    history = _history({1: 50, 2: None, 3: 54})
    assert history.median_before("resting_hr", DAY, days=28, min_readings=3) is None
    assert history.median_before("resting_hr", DAY, days=28, min_readings=2) == (52.0, 2)
    assert History().median_before("hrv_ms", DAY, days=28, min_readings=1) is None
