"""Progress per region: pain days, scores, and the distance runs stay pain-free, month by month."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from runcoach.log.analytics.history import CheckinRecord, History, PainRecord, RunRecord
from runcoach.log.analytics.progress import all_progress, region_progress


def _run(day: date, km: float) -> RunRecord:
    return RunRecord(datetime(day.year, day.month, day.day, 7, tzinfo=UTC), km * 1000, km * 330)


def _log() -> History:
    march = [date(2026, 3, 2) + timedelta(days=3 * i) for i in range(9)]
    may = [date(2026, 5, 4) + timedelta(days=3 * i) for i in range(9)]
    runs = [_run(d, 5 if i % 2 else 8) for i, d in enumerate(march)] + [_run(d, 10) for d in may]
    pain = [
        CheckinRecord(d + timedelta(days=1), pain=(PainRecord("hip_groin", 4),))
        for i, d in enumerate(march)
        if i % 2 == 0
    ]
    return History.of(runs, pain)


def test_it_follows_pain_free_distance_from_month_to_month() -> None:
    progress = region_progress(_log(), "hip_groin")
    assert progress is not None
    assert [m.month for m in progress.months] == [date(2026, 3, 1), date(2026, 4, 1), date(2026, 5, 1)]
    march, _, may = progress.months
    assert (
        march.pain_days == 5 and march.mean_score == 4 and march.onset_m == 8000 and march.pain_free_m == 5000
    )
    assert may.pain_days == 0 and may.onset_m is None and may.pain_free_m == 10000


def test_regions_without_pain_have_no_progress() -> None:
    assert region_progress(_log(), "knee") is None
    assert [p.region for p in all_progress(_log())] == ["hip_groin"]
    assert all_progress(_log(), ["knee"]) == []
