"""Calendar export: the .ics parses, its events match the schedule, and a re-export replaces them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import icalendar
import pytest

from runcoach.knowledge.plans import Plan, Plans
from runcoach.plans.engine import plan_state
from runcoach.plans.ics import PRODID, to_ics
from runcoach.plans.types import PlanEvent, PlanSetup, PlanState
from tests.plans.conftest import START, Runner, variants


def _events(data: bytes) -> list[Any]:
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    return list(calendar.walk("VEVENT"))


def _by_date(data: bytes) -> dict[date, Any]:
    return {event.decoded("DTSTART"): event for event in _events(data)}


@pytest.mark.parametrize(("plan_id", "grade"), list(variants()))
def test_every_plan_exports_one_all_day_event_per_scheduled_day(
    plans: Plans, plan_id: str, grade: int | None
) -> None:
    plan = plans[plan_id]
    state = plan_state(plan, PlanSetup(START, grade=grade), [], START)
    events = _events(to_ics(state, plan))
    assert len(events) == len(state.schedule)
    for event, day in zip(events, state.schedule, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and start == day.on
        assert end == day.on + timedelta(days=1)
        assert str(event["SUMMARY"]).startswith(plan.name)
        description = str(event["DESCRIPTION"])
        assert plan.stop_signs[0].text in description
        if day.kind == "gate":
            assert all(c.text in description for c in day.checks)
        else:
            assert day.session is not None and day.session.text in description
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_a_session_event_carries_the_session_the_cues_and_the_exercises(plans: Plans) -> None:
    plan = plans["calf_strain"]
    state = plan_state(plan, PlanSetup(START, grade=2), [], START)
    walk_jog = next(d for d in state.schedule if d.phase_id == "walk_jog" and d.kind == "session")
    event = _by_date(to_ics(state, plan))[walk_jog.on]
    assert "jog 2 min / walk 2 min x 5" in str(event["SUMMARY"])
    description = str(event["DESCRIPTION"])
    assert "Keep the effort at 3-4 out of 10" in description
    assert "First walk-jog week, day 1 of 7." in description
    raises = next(
        d for d in state.schedule if d.phase_id == "strengthen" and d.session and d.session.exercises
    )
    text = str(_by_date(to_ics(state, plan))[raises.on]["DESCRIPTION"])
    assert "Single-leg calf raises (15-20 reps; build toward this many pain-free reps)" in text
    protect = str(_by_date(to_ics(state, plan))[START]["DESCRIPTION"])
    assert "Tips for this phase:" in protect and plan.phases[0].tips[0].text in protect
    assert "Keep the effort" not in protect  # running cues are for running days


def test_a_gate_event_lists_every_check_to_confirm(plans: Plans) -> None:
    plan = plans["calf_strain"]
    state = plan_state(plan, PlanSetup(START, grade=2), [], START)
    gate = next(d for d in state.schedule if d.kind == "gate" and d.phase_id == "walk_jog")
    event = _by_date(to_ics(state, plan))[gate.on]
    assert "readiness test for First walk-jog week" in str(event["SUMMARY"])
    assert "Single-leg calf raises on the injured side, no pain (15-20 reps)." in str(event["DESCRIPTION"])


def test_re_exporting_after_the_plan_adapts_replaces_the_same_days(mini: Plan) -> None:
    setup = PlanSetup(START)
    before = plan_state(mini, setup, [], START)
    runner = Runner(mini, setup, flare_phase="run", flares=2)
    runner.run()
    today = START + timedelta(days=8)
    after = plan_state(mini, setup, [e for e in runner.events if e.on <= today], today)
    assert after.changes and after.expected_end is not None and after.expected_end > before.planned_end
    old, new = _by_date(to_ics(before, mini)), _by_date(to_ics(after, mini))
    for on, event in new.items():
        if on in old:
            assert str(event["UID"]) == str(old[on]["UID"])
            assert int(event["SEQUENCE"]) > int(old[on]["SEQUENCE"])
    assert max(new) == after.expected_end
    assert new[after.today].decoded("DTSTAMP").date() == after.today


def test_the_instance_id_names_the_events_and_the_export_is_deterministic(mini: Plan) -> None:
    state: PlanState = plan_state(mini, PlanSetup(START), [PlanEvent(START, "done")], START)
    data = to_ics(state, mini, instance="episode-42")
    assert to_ics(state, mini, instance="episode-42") == data
    uids = [str(e["UID"]) for e in _events(data)]
    assert uids[0] == f"episode-42-{START:%Y%m%d}@runcoach"
    default = str(_events(to_ics(state, mini))[0]["UID"])
    assert default == f"mini-{START:%Y%m%d}-{START:%Y%m%d}@runcoach"
