"""The pattern finder's grid: pain days, known days and the candidate-trigger families."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from runcoach.log.analytics.history import CheckinRecord, History, PainRecord, RunRecord, TrainingRecord
from runcoach.log.analytics.pattern_data import build_grid

MONDAY = date(2026, 3, 2)


def _history(checkin_every: int = 1) -> History:
    start = datetime(2026, 3, 3, 7, tzinfo=UTC)  # a Tuesday
    runs = [RunRecord(start + timedelta(days=2 * i), 5000.0 + 1000 * i, 1800.0, run_type="easy", shoe="s1")
            for i in range(10)]  # fmt: skip
    checkins = [
        CheckinRecord(MONDAY + timedelta(days=i), sleep_h=7.0, stress=3,
                      pain=(PainRecord("knee", 3),) if i == 4 else (PainRecord("hip_groin", 0),),
                      training=(TrainingRecord("strength", 30),) if i == 5 else ())
        for i in range(0, 21, checkin_every)
    ]  # fmt: skip
    return History.of(runs, checkins)


def test_days_count_from_the_monday_of_the_first_week_and_score_zero_is_no_pain() -> None:
    grid = build_grid(_history(), min_checkin_share=0.5)
    assert grid is not None and grid.first == MONDAY and grid.days == 21 and grid.weeks == 3
    assert grid.pain["knee"].nonzero()[0].tolist() == [4]
    assert "hip_groin" not in grid.pain


def test_a_day_without_a_check_in_is_unknown_when_the_runner_checks_in_most_days() -> None:
    grid = build_grid(_history(checkin_every=2), min_checkin_share=0.4)
    assert grid is not None and grid.known[:4].tolist() == [True, False, True, False]
    sparse = build_grid(_history(checkin_every=5), min_checkin_share=0.5)
    assert sparse is not None and sparse.known[1:21].all()  # few check-ins: silence means no pain


def test_it_builds_every_trigger_family_from_runs_and_check_ins() -> None:
    grid = build_grid(_history(), min_checkin_share=0.5)
    assert grid is not None
    families = {f.trigger: f for f in grid.families if f.offset == 0}
    weekly = [f for f in grid.families if f.trigger == "weekly_volume"]
    assert [f.offset for f in weekly] == list(range(7))
    assert weekly[1].values.tolist()[:2] == [
        5000 + 6000 + 7000 + 8000,
        9000 + 10000 + 11000,
    ]  # Tuesday to Monday
    expected = {"weekly_volume", "long_run", "session_type", "terrain", "shoe", "training", "sleep", "stress"}
    assert set(families) == expected
    assert families["long_run"].index.tolist() == list(range(1, 21, 2))
    assert families["shoe"].labels == ("s1",) and families["training"].labels == ("strength",)
    assert families["weekly_volume"].values.tolist() == [5000 + 6000 + 7000, 8000 + 9000 + 10000 + 11000,
                                                         12000 + 13000 + 14000]  # fmt: skip


def test_an_empty_log_has_no_grid() -> None:
    assert build_grid(History(), min_checkin_share=0.5) is None
