"""Plain-text descriptions of plan days, shared by the calendar export and (later) the CLI."""

from __future__ import annotations

from runcoach.knowledge.guidance import Interval
from runcoach.knowledge.guidance_refs import format_amount
from runcoach.knowledge.plans import Exercise, Plan, Session
from runcoach.plans.types import ScheduledDay

_CROSS_TRAINING_NAMES = {
    "cycling": "cycling",
    "swimming": "swimming",
    "pool_running": "pool running",
    "elliptical": "the elliptical",
}


def _minutes(x: float) -> str:
    return f"{x:g} min"


def describe_intervals(intervals: tuple[Interval, ...], warm_up: float | None = None) -> str:
    """``5 min brisk walk, then jog 2 min / walk 2 min x 5``."""
    parts = [f"{_minutes(warm_up)} brisk walk"] if warm_up else []
    for interval in intervals:
        text = f"jog {_minutes(interval.jog_minutes)}"
        if interval.walk_minutes:
            text += f" / walk {_minutes(interval.walk_minutes)}"
        if interval.repeats_max and interval.repeats_max != interval.repeats_min:
            text += f" x {interval.repeats_min}-{interval.repeats_max}"
        elif interval.repeats_min > 1:
            text += f" x {interval.repeats_min}"
        parts.append(text)
    return ", then ".join(parts)


def describe_exercise(exercise: Exercise) -> str:
    """``Seated calf raises (3 sets, 15-20 reps each side; note): how to do it``."""
    dose: list[str] = []
    if exercise.sets:
        dose.append(f"{exercise.sets} sets")
    if exercise.amount is not None:
        dose.append(format_amount(exercise.amount) + (" each side" if exercise.per_side else ""))
    elif exercise.per_side:
        dose.append("each side")
    if exercise.note:
        dose.append(exercise.note)
    label = f"{exercise.name} ({'; '.join(dose)})" if dose else exercise.name
    return f"{label}: {exercise.how}"


def session_headline(session: Session) -> str:
    """``Easy run, 15 min`` or ``Walk-jog: 5 min brisk walk, then jog 2 min / walk 2 min x 5``."""
    if session.intervals and session.kind == "walk_jog":
        return f"{session.title}: {describe_intervals(session.intervals, session.warm_up_walk_minutes)}"
    if session.minutes:
        return f"{session.title}, {_minutes(session.minutes)}"
    return session.title


def describe_session(session: Session) -> list[str]:
    lines = [session_headline(session), session.text]
    if session.cross_training:
        options = ", ".join(_CROSS_TRAINING_NAMES[c] for c in session.cross_training)
        lines.append(f"Pick any of: {options} (only if it stays pain-free).")
    if session.exercises:
        lines.append("Strength and mobility:")
        lines.extend(f"- {describe_exercise(e)}" for e in session.exercises)
    return lines


def day_title(plan: Plan, day: ScheduledDay) -> str:
    if day.kind == "gate":
        return f"{plan.name}: readiness test for {day.phase_name}"
    assert day.session is not None
    if day.kind == "hold":
        return f"{plan.name}: {session_headline(day.session)} (holding {day.phase_name})"
    repeat = " (repeat)" if day.repeat else ""
    return f"{plan.name}: {session_headline(day.session)}{repeat}"


def describe_day(plan: Plan, day: ScheduledDay) -> list[str]:
    """Everything a runner needs for one day: the session or the checks, cues and stop signs."""
    lines: list[str] = []
    if day.kind == "gate":
        lines.append(f"Before {day.phase_name} starts, confirm every one of these:")
        lines.extend(f"- {c.text}" for c in day.checks)
        lines.append(
            "Any one not there yet? Say so: the plan holds the previous phase and tells you what to work on."
        )
    else:
        assert day.session is not None
        if day.phase_days:
            lines.append(f"{day.phase_name}, day {day.day_in_phase} of {day.phase_days}.")
        lines.extend(describe_session(day.session))
        if day.work_on:
            lines.append("Work on:")
            lines.extend(f"- {w}" for w in day.work_on)
    phase = next((p for p in plan.phases if p.id == day.phase_id), None)
    running = day.session is not None and day.session.kind in ("run", "walk_jog")
    cues = (*(plan.cues if running else ()), *(phase.cues if phase is not None else ()))
    if cues and day.kind != "gate":
        lines.append("Cues:")
        lines.extend(f"- {c.text}" for c in cues)
    if phase is not None and phase.tips and day.day_in_phase == 1:
        lines.append("Tips for this phase:")
        lines.extend(f"- {t.text}" for t in phase.tips)
    lines.append("Stop and get it checked if:")
    lines.extend(f"- {s.text}" for s in plan.stop_signs)
    lines.append("Tomorrow morning, note your pain from 0 to 10: the plan adapts to it.")
    return lines
