from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from runcoach.log.analytics.body import (
    pain_episodes,
    pain_points,
    resting_hr_trend,
    shoe_mileage,
    weekly_pain,
)
from runcoach.log.analytics.history import CheckinRecord, History, PainRecord, RunRecord, ShoeRecord

MONDAY = date(2026, 3, 2)


def _checkin(day: date, hr: int | None = None, *pain: PainRecord) -> CheckinRecord:
    return CheckinRecord(day=day, resting_hr=hr, pain=pain)


def test_weekly_pain_keeps_the_worst_score_of_each_week_per_region() -> None:
    history = History.of(checkins=[
        _checkin(MONDAY, None, PainRecord("knee", 2), PainRecord("shin", 5)),
        _checkin(MONDAY + timedelta(days=3), None, PainRecord("knee", 6)),
        _checkin(MONDAY + timedelta(days=8), None, PainRecord("knee", 1)),
    ])  # fmt: skip
    assert weekly_pain(history) == {
        "knee": {MONDAY: 6, MONDAY + timedelta(days=7): 1},
        "shin": {MONDAY: 5},
    }
    assert [p.region for p in pain_points(history)] == ["knee", "shin", "knee", "knee"]


def test_the_resting_hr_baseline_is_the_median_of_earlier_readings_once_there_are_five() -> None:
    readings = [50, 52, 48, 51, 49, 60, 50]
    history = History.of(checkins=[_checkin(MONDAY + timedelta(days=i), hr) for i, hr in enumerate(readings)])
    trend = resting_hr_trend(history)
    assert [p.baseline for p in trend[:5]] == [None] * 5
    assert trend[5].baseline == 50 and trend[5].resting_hr == 60
    assert trend[6].baseline == 50.5  # the median of 50, 52, 48, 51, 49, 60


def test_readings_older_than_the_window_do_not_count_towards_the_baseline() -> None:
    old = [_checkin(MONDAY + timedelta(days=i), 70) for i in range(5)]
    new = [_checkin(MONDAY + timedelta(days=40 + i), 50) for i in range(6)]
    trend = resting_hr_trend(History.of(checkins=old + new))
    assert trend[-1].baseline == 50


def test_a_stored_baseline_overrides_the_computed_one() -> None:
    history = History.of(checkins=[_checkin(MONDAY, 58)], resting_hr_baseline=47)
    assert resting_hr_trend(history)[0].baseline == 47


def test_shoe_mileage_sums_the_runs_in_each_shoe_and_flags_the_ones_due() -> None:
    def run(day: int, km: float, shoe: str | None) -> RunRecord:
        return RunRecord(datetime(2026, 3, day, 7, tzinfo=UTC), km * 1000, km * 300, shoe=shoe)

    history = History.of(
        [run(2, 10, "a"), run(3, 5, "a"), run(4, 7, "b"), run(5, 3, None)],
        shoes=[ShoeRecord("a", "A", replace_at_m=15_000), ShoeRecord("b", "B"), ShoeRecord("c", "C")],
    )
    mileage = shoe_mileage(history)
    assert [(s.ref, s.distance_m, s.due) for s in mileage] == [("a", 15000, True), ("b", 7000, False),
                                                               ("c", 0.0, False)]  # fmt: skip


def test_pain_a_week_apart_is_one_flare_and_a_longer_gap_starts_another() -> None:
    days = [0, 3, 10, 30, 31]
    history = History.of(
        checkins=[_checkin(MONDAY + timedelta(days=d), None, PainRecord("knee", d % 7 + 1)) for d in days]
        + [_checkin(MONDAY + timedelta(days=50), None, PainRecord("shin", 2))]
    )
    flares = pain_episodes(history)
    assert [(f.region, f.first, f.last) for f in flares] == [
        ("knee", MONDAY, MONDAY + timedelta(days=10)),
        ("knee", MONDAY + timedelta(days=30), MONDAY + timedelta(days=31)),
        ("shin", MONDAY + timedelta(days=50), MONDAY + timedelta(days=50)),
    ]
    assert flares[0].worst == 4 and len(flares[1].points) == 2
    assert pain_episodes(History()) == []
