"""Invariants of the today engine over random logs: more warning signs never make the day easier."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.models import RUN_ORDER
from runcoach.knowledge.today import load_today
from runcoach.log.analytics.history import CheckinRecord, History, PainRecord
from runcoach.log.analytics.today import TodayResult, check_today
from runcoach.log.analytics.today_facts import Conditions, TodayInputs

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)
REGIONS = ("knee", "shin", "calf_achilles", "hip_groin")

pain = st.builds(PainRecord, st.sampled_from(REGIONS), st.integers(0, 10))
checkin = st.builds(
    CheckinRecord,
    day=st.integers(0, 30).map(lambda d: TODAY - timedelta(days=d)),
    sleep_h=st.none() | st.floats(3, 10),
    resting_hr=st.none() | st.integers(40, 80),
    hrv_ms=st.none() | st.floats(20, 120),
    illness=st.none() | st.sampled_from(["above_neck", "below_neck"]),
    pain=st.lists(pain, max_size=3).map(tuple),
)
conditions = st.builds(
    Conditions,
    temperature_c=st.none() | st.floats(-20, 40),
    humidity_pct=st.none() | st.floats(0, 100),
    pollen=st.none() | st.sampled_from(["low", "medium", "high"]),
    altitude_m=st.none() | st.floats(0, 4000),
)


def _history(checkins: list[CheckinRecord]) -> History:
    by_day = {c.day: c for c in checkins}  # one check-in per day
    return History.of(checkins=by_day.values())


def _check(history: History, conds: Conditions) -> TodayResult:
    return check_today(
        history, TodayInputs(now=NOW, conditions=conds), kb=load_today(), guidance=load_guidance()
    )


def _rank(result: TodayResult) -> int:
    return RUN_ORDER.index(result.decision)


@settings(max_examples=150, deadline=None)
@given(st.lists(checkin, max_size=25), conditions)
def test_the_decision_is_the_most_restrictive_reason(
    checkins: list[CheckinRecord], conds: Conditions
) -> None:
    result = _check(_history(checkins), conds)
    assert _rank(result) == max((RUN_ORDER.index(r.decision) for r in result.reasons), default=0)


@settings(max_examples=150, deadline=None)
@given(st.lists(checkin, max_size=25), conditions, st.sampled_from(REGIONS), st.integers(1, 10))
def test_more_pain_today_never_makes_the_day_easier(
    checkins: list[CheckinRecord], conds: Conditions, region: str, extra: int
) -> None:
    history = _history(checkins)
    before = _check(history, conds)
    today = history.checkin_by_day.get(TODAY, CheckinRecord(TODAY))
    scores = [p.score for p in today.pain if p.region == region]
    worse = replace(today, pain=(*today.pain, PainRecord(region, min(max(scores, default=0) + extra, 10))))
    after = _check(_history([*(c for c in history.checkins if c.day != TODAY), worse]), conds)
    assert _rank(after) >= _rank(before)


@settings(max_examples=100, deadline=None)
@given(st.lists(checkin, max_size=25), conditions)
def test_below_the_neck_illness_today_is_always_red(checkins: list[CheckinRecord], conds: Conditions) -> None:
    history = _history(checkins)
    today = replace(history.checkin_by_day.get(TODAY, CheckinRecord(TODAY)), illness="below_neck")
    assert (
        _check(_history([*(c for c in history.checkins if c.day != TODAY), today]), conds).decision == "red"
    )
