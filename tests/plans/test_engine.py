"""The plan engine on a small test plan: how each kind of report moves the runner and the dates.

The mini plan (tests/plans/data/plans/mini.yaml): days 1-2 rest; day 3 a gate (walk 30 minutes,
full ankle range; a failed check holds 2 days); days 4-6 walks (overdue after 4 days in the
phase); days 7-20 alternate a run (10 minutes, 15 in the second week) and cross-training.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import timedelta

import pytest

from runcoach.errors import DataError, UsageError
from runcoach.knowledge.plans import Plan, Plans
from runcoach.plans.engine import plan_state, planned_schedule
from runcoach.plans.types import PlanEvent, PlanSetup, PlanState
from tests.plans.conftest import START, day

SETUP = PlanSetup(START)
CHECKS = ("walk_30_minutes", "full_ankle_range")


def _state(plan: Plan, events: Sequence[PlanEvent], today: int) -> PlanState:
    return plan_state(plan, SETUP, events, day(today))


def _gate_passed(on: int = 3) -> list[PlanEvent]:
    return [PlanEvent(day(on), "check", check=c, passed=True) for c in CHECKS]


def _walks_done(first: int = 4, count: int = 3) -> list[PlanEvent]:
    return [PlanEvent(day(first + i), "done") for i in range(count)]


def _kinds(state: PlanState) -> list[str]:
    return [c.kind for c in state.changes]


# --------------------------------------------------------------------------- the plan laid out


def test_with_nothing_reported_the_plan_is_laid_out_one_step_a_day(mini: Plan) -> None:
    state = _state(mini, [], 1)
    assert [d.on for d in state.schedule] == [day(n) for n in range(1, 21)]
    assert [d.kind for d in state.schedule[:4]] == ["session", "session", "gate", "session"]
    assert state.schedule[2].checks[0].id == "walk_30_minutes"
    assert state.planned_end == state.expected_end == day(20)
    assert (state.status, state.phase_id, state.today_item) == ("active", "rest", state.schedule[0])
    runs = [d.session.minutes for d in state.schedule if d.session and d.session.kind == "run"]
    assert runs == [10, 10, 10, 10, 15, 15, 15]
    assert planned_schedule(mini, SETUP) == state.schedule


def test_rest_days_pass_by_themselves(mini: Plan) -> None:
    state = _state(mini, [], 3)
    assert state.today_item is not None and state.today_item.kind == "gate"
    assert state.expected_end == day(20)
    assert state.changes == ()


def test_an_unreported_session_moves_to_the_next_day(mini: Plan) -> None:
    state = _state(mini, _gate_passed(), 5)
    assert state.today_item is not None
    assert (state.today_item.phase_id, state.today_item.day_in_phase) == ("walk", 1)
    assert state.expected_end == day(21)
    assert state.changes_on(day(4))[0].kind == "skipped"
    assert "not reported" in state.changes_on(day(4))[0].text


def test_a_skipped_session_moves_and_today_shows_it_skipped(mini: Plan) -> None:
    state = _state(mini, [*_gate_passed(), PlanEvent(day(4), "skipped")], 4)
    assert state.today_item is not None and state.today_item.status == "skipped"
    assert state.schedule[0] == state.today_item
    assert state.schedule[1].on == day(5) and state.schedule[1].day_in_phase == 1
    assert state.expected_end == day(21)


def test_the_last_report_of_a_day_wins(mini: Plan) -> None:
    events = [*_gate_passed(), PlanEvent(day(4), "skipped"), PlanEvent(day(4), "done")]
    assert _state(mini, events, 5).expected_end == day(20)


# --------------------------------------------------------------------------- gates


def test_a_gate_passes_only_when_every_check_is_confirmed(mini: Plan) -> None:
    one = [PlanEvent(day(3), "check", check="walk_30_minutes", passed=True)]
    state = _state(mini, one, 3)
    assert state.today_item is not None and state.today_item.kind == "gate"
    assert state.today_item.status == "planned"
    both = [*one, PlanEvent(day(4), "check", check="full_ankle_range", passed=True)]
    state = _state(mini, both, 4)
    assert state.today_item is not None and state.today_item.status == "passed"
    assert _kinds(state) == ["gate_passed"]
    assert state.schedule[1].phase_id == "walk" and state.schedule[1].on == day(5)


def test_a_failed_check_holds_the_previous_phase_and_says_what_to_work_on(mini: Plan) -> None:
    events = [
        PlanEvent(day(3), "check", check="walk_30_minutes", passed=True),
        PlanEvent(day(3), "check", check="full_ankle_range", passed=False),
    ]
    state = _state(mini, events, 3)
    change = state.changes[-1]
    assert change.kind == "gate_failed"
    assert "full_ankle_range" in change.text
    assert change.work_on == ("Keep up the ankle circles.",)
    held = state.schedule[1:3]
    assert [h.kind for h in held] == ["hold", "hold"]
    assert all(h.phase_id == "rest" and h.work_on == change.work_on for h in held)
    assert state.schedule[3].kind == "gate" and state.schedule[3].on == day(6)
    assert state.expected_end == day(23)


def test_after_a_hold_every_check_must_be_confirmed_again(mini: Plan) -> None:
    events = [
        PlanEvent(day(3), "check", check="walk_30_minutes", passed=True),
        PlanEvent(day(3), "check", check="full_ankle_range", passed=False),
        PlanEvent(day(6), "check", check="full_ankle_range", passed=True),
    ]
    state = _state(mini, events, 6)
    assert state.today_item is not None and state.today_item.kind == "gate"
    assert state.today_item.status == "planned"


# --------------------------------------------------------------------------- next-day pain


def _one_walk(pain_before: int, pain_after: int) -> list[PlanEvent]:
    return [
        *_gate_passed(),
        PlanEvent(day(4), "pain", pain=pain_before),
        PlanEvent(day(4), "done"),
        PlanEvent(day(5), "pain", pain=pain_after),
    ]


def test_pain_that_rises_two_points_the_next_day_repeats_the_session(mini: Plan) -> None:
    state = _state(mini, _one_walk(1, 3), 5)
    assert _kinds(state)[-1] == "repeated"
    assert "rose from 1 to 3" in state.changes[-1].text
    assert state.today_item is not None
    assert (state.today_item.day_in_phase, state.today_item.repeat) == (1, True)
    assert state.expected_end == day(21)


def test_a_one_point_rise_within_ordinary_soreness_advances(mini: Plan) -> None:
    state = _state(mini, _one_walk(1, 2), 5)
    assert "repeated" not in _kinds(state)
    assert state.today_item is not None and state.today_item.day_in_phase == 2
    assert state.expected_end == day(20)


def test_pain_above_ordinary_soreness_repeats_even_without_a_rise(mini: Plan) -> None:
    state = _state(mini, _one_walk(4, 4), 5)
    assert _kinds(state)[-1] == "repeated"
    assert "was 4/10, above 3" in state.changes[-1].text


def test_pain_reported_two_days_later_does_not_judge_the_session(mini: Plan) -> None:
    events = [*_gate_passed(), PlanEvent(day(4), "done"), PlanEvent(day(6), "pain", pain=6)]
    assert "repeated" not in _kinds(_state(mini, events, 6))


def test_a_second_flare_in_a_phase_steps_back_a_phase(mini: Plan) -> None:
    events = [*_gate_passed(), *_walks_done(), PlanEvent(day(7), "done"), PlanEvent(day(8), "pain", pain=6)]
    events += [PlanEvent(day(8), "done"), PlanEvent(day(9), "pain", pain=6)]
    state = _state(mini, events, 9)
    assert _kinds(state)[-2:] == ["repeated", "stepped_back"]
    assert "back to Walk" in state.changes[-1].text
    assert state.today_item is not None
    assert (state.today_item.phase_id, state.today_item.day_in_phase) == ("walk", 1)
    assert state.expected_end == day(9 + 3 + 14 - 1)


def test_a_flare_after_the_last_session_reopens_a_finished_plan(mini: Plan) -> None:
    events = [*_gate_passed(), *_walks_done(), *[PlanEvent(day(n), "done") for n in range(7, 21)]]
    done = _state(mini, events, 20)
    assert (done.status, done.expected_end, _kinds(done)[-1]) == ("finished", day(20), "finished")
    again = _state(mini, [*events, PlanEvent(day(21), "pain", pain=6)], 21)
    assert again.status == "active"
    assert again.today_item is not None and again.today_item.day_in_phase == 14
    assert again.expected_end == day(21)


# --------------------------------------------------------------------------- stop, overdue, finish


def test_a_stop_halts_the_plan_until_a_professional_clears_it(mini: Plan) -> None:
    events = [*_gate_passed(), PlanEvent(day(4), "done"), PlanEvent(day(5), "stop", note="sharp pain")]
    stopped = _state(mini, events, 6)
    assert (stopped.status, stopped.schedule, stopped.expected_end) == ("stopped", (), None)
    assert "sharp pain" in stopped.changes[-1].text and "physiotherapist" in stopped.changes[-1].text
    resumed = _state(mini, [*events, PlanEvent(day(8), "cleared")], 8)
    assert resumed.status == "active" and _kinds(resumed)[-1] == "resumed"
    assert resumed.today_item is not None
    assert (resumed.today_item.phase_id, resumed.today_item.day_in_phase) == ("walk", 1)
    assert resumed.expected_end == day(8 + 16)


def test_a_phase_that_runs_past_its_days_is_flagged_for_a_check(mini: Plan) -> None:
    events = [*_gate_passed(), PlanEvent(day(4), "done")]
    assert not _state(mini, events, 7).overdue
    state = _state(mini, events, 8)
    assert state.overdue
    assert state.changes[-1].kind == "overdue"
    assert "4 days" in state.changes[-1].text


def test_finishing_points_to_the_next_plan(plans: Plans) -> None:
    plan = plans["calf_overload"]
    setup = PlanSetup(START)
    days = planned_schedule(plan, setup)
    events = [
        PlanEvent(d.on, "check", check=c.id, passed=True) for d in days if d.kind == "gate" for c in d.checks
    ] + [PlanEvent(d.on, "done") for d in days if d.kind == "session"]
    state = plan_state(plan, setup, events, days[-1].on + timedelta(days=3))
    assert (state.status, state.then, state.today_item) == ("finished", "build_back", None)
    assert "build back" in state.changes[-1].text
    assert state.expected_end == days[-1].on


# --------------------------------------------------------------------------- the variant of the plan


def test_a_graded_plan_needs_its_grade_and_fills_in_the_condition(plans: Plans) -> None:
    with pytest.raises(UsageError) as info:
        plan_state(plans["calf_strain"], PlanSetup(START), [], START)
    assert "needs a grade: one of 1, 2, 3" in info.value.message
    assert info.value.hint is not None and "2 = moderate" in info.value.hint
    state = plan_state(plans["calf_strain"], PlanSetup(START, grade=2), [], START)
    assert state.condition == "calf_strain_grade2"


def test_a_grade_or_condition_the_plan_does_not_have_is_refused(plans: Plans, mini: Plan) -> None:
    with pytest.raises(UsageError, match="has no grades"):
        plan_state(mini, PlanSetup(START, grade=1), [], START)
    with pytest.raises(UsageError, match="is not for 'dvt'"):
        plan_state(mini, PlanSetup(START, condition="dvt"), [], START)
    with pytest.raises(UsageError, match="not plausible"):
        plan_state(plans["build_back"], PlanSetup(START, base_run_minutes=0), [], START)


def test_exercises_for_another_condition_are_left_out(plans: Plans) -> None:
    plan = plans["hip_muscle_strain"]

    def names(condition: str) -> set[str]:
        days = planned_schedule(plan, PlanSetup(START, grade=1, condition=condition))
        return {e.name for d in days if d.session for e in d.session.exercises}

    hamstring, flexor = names("hamstring_strain_high"), names("hip_flexor_strain_tendinitis")
    assert "Nordic hamstring curls" in hamstring and "Slow-lowering lunges" not in hamstring
    assert "Slow-lowering lunges" in flexor and "Nordic hamstring curls" not in flexor
    assert "Core work" in hamstring and "Core work" in flexor


# --------------------------------------------------------------------------- progressions


def test_calf_runs_grow_five_minutes_a_week_every_other_day(plans: Plans) -> None:
    days = planned_schedule(plans["calf_strain"], PlanSetup(START, grade=2))
    runs = [d for d in days if d.phase_id == "every_other_day" and d.session and d.session.kind == "run"]
    assert sorted({d.session.minutes for d in runs if d.session}) == [10, 15, 20]
    gaps = {(b.on - a.on).days for a, b in itertools.pairwise(runs)}
    assert gaps == {2}


def _weekly_totals(plan: Plan, setup: PlanSetup) -> list[float]:
    days = [d for d in planned_schedule(plan, setup) if d.kind == "session"]
    totals: list[float] = []
    for phase in plan.phases:
        mine = [d for d in days if d.phase_id == phase.id]
        for week in range(0, len(mine), 7):
            totals.append(
                sum(
                    d.session.minutes or 0
                    for d in mine[week : week + 7]
                    if d.session and d.session.kind == "run"
                )
            )
    return totals


@pytest.mark.parametrize("base", [None, 25, 47])
def test_build_back_grows_at_most_ten_percent_with_an_easier_fourth_week(
    plans: Plans, base: int | None
) -> None:
    totals = _weekly_totals(plans["build_back"], PlanSetup(START, base_run_minutes=base))
    assert len(totals) == 12
    assert totals[0] == 3 * (base or 20)
    build = [t for i, t in enumerate(totals) if i % 4 != 3]
    for before, after in itertools.pairwise(build):
        assert before < after <= before * 1.10 + 1e-9
    for week in (3, 7, 11):
        assert totals[week] < totals[week - 1]
    assert totals[-2] > 1.6 * totals[0]


# --------------------------------------------------------------------------- reports that cannot be right


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: PlanEvent(day(2), "pain", pain=11),
            "pain on 2026-03-03 must be a whole number from 0 to 10",
        ),
        (lambda: PlanEvent(day(2), "pain"), "must be a whole number from 0 to 10, not None"),
        (
            lambda: PlanEvent(day(2), "check", check="walk_30_minutes"),
            "needs the check id and whether it passed",
        ),
        (lambda: PlanEvent(day(2), "done", pain=3), "cannot carry a pain score"),
        (lambda: PlanEvent(day(2), "done", check="x", passed=True), "cannot carry a readiness check"),
        (lambda: PlanEvent(day(2), "finished"), "unknown plan event kind 'finished'"),  # type: ignore[arg-type]
    ],
)
def test_a_malformed_report_is_refused(make: object, message: str) -> None:
    with pytest.raises(DataError) as info:
        make()  # type: ignore[operator]
    assert message in info.value.message


def test_reports_outside_the_plan_or_for_unknown_checks_are_refused(mini: Plan) -> None:
    with pytest.raises(DataError, match="before the plan started"):
        _state(mini, [PlanEvent(START - timedelta(days=1), "done")], 3)
    with pytest.raises(DataError, match="in the future"):
        _state(mini, [PlanEvent(day(5), "done")], 3)
    with pytest.raises(DataError) as info:
        _state(mini, [PlanEvent(day(3), "check", check="can_fly", passed=True)], 3)
    assert info.value.hint is not None and "walk_30_minutes" in info.value.hint
    with pytest.raises(DataError, match="starts on"):
        plan_state(mini, SETUP, [], START - timedelta(days=1))
