"""Invariants of the plan engine under any mix of reports (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runcoach.knowledge.plans import Plan, load_plans
from runcoach.plans.engine import plan_state
from runcoach.plans.types import PlanEvent, PlanSetup
from tests.plans.conftest import START

DAYS = 60


@st.composite
def _report(draw: st.DrawFn) -> tuple[object, ...] | None:
    """One report, roughly as often as a real runner would make it (stops are rare)."""
    roll = draw(st.integers(0, 99))
    if roll < 15:
        return None
    if roll < 50:
        return ("done",)
    if roll < 58:
        return ("skipped",)
    if roll < 82:
        return ("pain", draw(st.integers(0, 10)))
    if roll < 96:
        return ("check", draw(st.integers(0, 4)) > 0, draw(st.integers(0, 10)))
    return ("stop",) if roll < 98 else ("cleared",)


def _events(plan: Plan, reports: list[list[tuple[object, ...] | None]]) -> list[PlanEvent]:
    checks = sorted({c.check.id for p in plan.phases if p.gate is not None for c in p.gate.checks})
    events: list[PlanEvent] = []
    for offset, todays in enumerate(reports):
        on = START + timedelta(days=offset)
        for report in todays:
            if report is None:
                continue
            kind = report[0]
            if kind == "pain":
                events.append(PlanEvent(on, "pain", pain=int(report[1])))  # type: ignore[call-overload]
            elif kind == "check":
                check = checks[int(report[2]) % len(checks)]  # type: ignore[call-overload]
                events.append(PlanEvent(on, "check", check=check, passed=bool(report[1])))
            else:
                events.append(PlanEvent(on, kind))  # type: ignore[arg-type]
    return events


_DAYS = st.lists(st.lists(_report(), max_size=4), min_size=10, max_size=DAYS)


PLANS = [("calf_strain", 2), ("build_back", None), ("ab_strain", 1)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.sampled_from(PLANS), data=st.data())
def test_never_two_things_on_one_day_and_dates_only_move_later(
    which: tuple[str, int | None], data: st.DataObject
) -> None:
    plan = load_plans()[which[0]]
    setup = PlanSetup(START, grade=which[1])
    reports = data.draw(_DAYS)
    events = _events(plan, reports)
    planned_end = plan_state(plan, setup, [], START).planned_end
    last_end: date | None = None
    for offset in range(len(reports)):
        today = START + timedelta(days=offset)
        state = plan_state(plan, setup, [e for e in events if e.on <= today], today)
        dates = [d.on for d in state.schedule]
        assert dates == [today + timedelta(days=i) for i in range(len(dates))]
        if state.status == "stopped":
            assert state.expected_end is None and state.schedule == ()
            continue
        assert state.expected_end is not None
        assert state.expected_end >= planned_end
        if last_end is not None:
            assert state.expected_end >= last_end
        last_end = state.expected_end


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_the_schedule_always_ends_with_the_plans_last_session(data: st.DataObject) -> None:
    plan = load_plans()["calf_strain"]
    setup = PlanSetup(START, grade=1)
    reports = data.draw(_DAYS)
    today = START + timedelta(days=len(reports) - 1)
    state = plan_state(plan, setup, _events(plan, reports), today)
    if state.status == "active":
        last = state.schedule[-1]
        assert last.phase_id == plan.phases_for(1)[-1].id
        assert last.day_in_phase == last.phase_days
        assert state.expected_end == last.on
