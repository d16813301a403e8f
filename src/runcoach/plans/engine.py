"""The plan engine: replay a runner's reports over a plan and say where they stand. Pure: no I/O.

Day by day from the start date to today:

- the morning's ``pain`` report judges the last session done: pain that rose by the plan's
  ``repeat_if_pain_rises_by`` or more, or sits above ``repeat_if_pain_above``, is a *flare* and
  repeats that session; the ``step_back_after_flares``-th flare in a phase steps back a phase;
- on a gate day every readiness check must be confirmed to pass; a failed check holds the runner in
  the previous phase's work for the gate's ``hold_days`` (with what to work on), then tests again;
- ``done`` moves to the next day's step, ``skipped`` (or nothing reported) leaves the step for the
  next day, so dates only ever move later; rest days pass by themselves;
- ``stop`` (sharp pain, a stop sign) halts the plan until ``cleared``, which restarts the phase.

The schedule from today on assumes every remaining step goes to plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from runcoach.errors import DataError
from runcoach.knowledge.plans import Plan
from runcoach.plans.expand import Step, check_setup, expand
from runcoach.plans.replay import Replay
from runcoach.plans.types import PlanEvent, PlanSetup, PlanState, ScheduledDay

#: the order a day's reports are read in: the morning's pain first, the day's session last
_EVENT_ORDER = {"pain": 0, "stop": 1, "cleared": 2, "check": 3, "done": 4, "skipped": 4}


def plan_state(plan: Plan, setup: PlanSetup, events: Sequence[PlanEvent], today: date) -> PlanState:
    """Replay ``events`` over ``plan`` from ``setup.start`` to ``today``."""
    setup = check_setup(plan, setup)
    if today < setup.start:
        raise DataError(
            f"the plan starts on {setup.start}, after {today}", hint="pick a start date up to today"
        )
    steps = expand(plan, setup)
    _check_events(plan, setup, events, today)
    replay = Replay(plan, steps, setup.grade)
    ordered = sorted(events, key=lambda e: (e.on, _EVENT_ORDER[e.kind]))
    day, i = setup.start, 0
    while day <= today:
        todays: list[PlanEvent] = []
        while i < len(ordered) and ordered[i].on == day:
            todays.append(ordered[i])
            i += 1
        replay.run_day(day, todays, is_today=day == today)
        day += timedelta(days=1)
    return _state(plan, setup, steps, replay, today)


def planned_schedule(plan: Plan, setup: PlanSetup) -> tuple[ScheduledDay, ...]:
    """The whole plan as it stands before anything is reported."""
    return plan_state(plan, setup, (), check_setup(plan, setup).start).schedule


def _check_events(plan: Plan, setup: PlanSetup, events: Sequence[PlanEvent], today: date) -> None:
    known = {c.check.id for p in plan.phases if p.gate is not None for c in p.gate.checks}
    for event in events:
        if event.on < setup.start:
            raise DataError(
                f"a {event.kind!r} report on {event.on} is before the plan started ({setup.start})"
            )
        if event.on > today:
            raise DataError(f"a {event.kind!r} report on {event.on} is in the future (today is {today})")
        if event.kind == "check" and event.check not in known:
            raise DataError(
                f"plan {plan.id!r} has no readiness check {event.check!r}",
                hint=f"its checks: {', '.join(sorted(known))}",
            )


def _state(plan: Plan, setup: PlanSetup, steps: tuple[Step, ...], replay: Replay, today: date) -> PlanState:
    schedule = replay.projection(today)
    phase = replay.current_phase()
    if replay.finished_on is not None:
        expected: date | None = replay.finished_on
    elif replay.stopped:
        expected = None
    else:
        expected = schedule[-1].on if schedule else today
    return PlanState(
        plan_id=plan.id,
        grade=setup.grade,
        condition=setup.condition,
        start=setup.start,
        today=today,
        status="finished" if replay.finished_on else "stopped" if replay.stopped else "active",
        phase_id=phase.id if phase is not None else None,
        phase_name=phase.name if phase is not None else None,
        today_item=replay.today_item,
        schedule=schedule,
        changes=tuple(replay.changes),
        planned_end=setup.start + timedelta(days=len(steps) - 1),
        expected_end=expected,
        overdue=replay.overdue,
        then=plan.then,
        confirmed=tuple(sorted(replay.confirmed)),
    )
