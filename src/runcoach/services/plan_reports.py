"""What the runner reports to a plan: a session done or skipped, next-morning pain, a readiness
check, a stop or a professional's all-clear; and closing an episode.

Each report is checked against the plan's state on its day (a check only on a readiness-test day,
a session only while the plan is running, ...) and refused with a clear error otherwise, storing
nothing. The answer says what the plan did about the report (repeated a session, stepped back,
passed a gate, ...) and how the day now looks.
"""

from __future__ import annotations

from datetime import datetime

from runcoach.dates import local_now
from runcoach.errors import DataError, UsageError
from runcoach.log.db import Database
from runcoach.log.models_plans import PlanReport
from runcoach.log.runners import get_runner
from runcoach.plans.types import EventKind, PlanEvent, PlanState
from runcoach.services.plan_views import EpisodeView, ReportView, change_json, report_json, today_view
from runcoach.services.plans import START_HINT, Loaded, load_episode, state_of, the_day

#: reports of which a day keeps only the last one (the engine reads the last anyway)
_ONE_A_DAY: dict[str, tuple[str, ...]] = {
    "done": ("done", "skipped"),
    "skipped": ("done", "skipped"),
    "pain": ("pain",),
}


def _require_running(state: PlanState, what: str) -> None:
    if state.status == "stopped":
        raise UsageError(
            f"the plan is stopped, so there is no {what} to report",
            hint="once a professional has cleared you, carry on with runcoach plan resume",
        )
    if state.status == "finished":
        raise UsageError(
            f"the plan is complete, so there is no {what} to report",
            hint="pain the morning after still counts: runcoach plan report-pain SCORE",
        )


def _validate(loaded: Loaded, event: PlanEvent) -> None:
    """Refuse a report that makes no sense on its day."""
    state, item = loaded.state, loaded.state.today_item
    if event.kind in ("done", "skipped"):
        _require_running(state, "session")
        if item is not None and item.kind == "gate":
            raise UsageError(
                f"{event.on} is a readiness test for {item.phase_name}, not a session",
                hint="confirm each check: runcoach plan check CHECK_ID --passed (or --failed)",
            )
    elif event.kind == "check":
        _require_running(state, "readiness check")
        if item is None or item.kind != "gate":
            gate = next((d for d in state.schedule if d.kind == "gate"), None)
            when = f"the next one is due on {gate.on}" if gate is not None else "none is left in this plan"
            raise UsageError(f"there is no readiness test on {event.on}", hint=when)
        ids = [c.id for c in item.checks]
        if event.check not in ids:
            raise UsageError(
                f"{event.check!r} is not a check of this readiness test", hint=f"its checks: {', '.join(ids)}"
            )
    elif event.kind == "stop" and state.status == "stopped":
        raise UsageError("the plan is already stopped", hint="runcoach plan resume once you are cleared")
    elif event.kind == "cleared" and state.status != "stopped":
        raise UsageError("the plan is not stopped", hint="there is nothing to resume")


def _report(
    *,
    db: Database,
    kind: EventKind,
    day: str | None,
    episode_id: int | None,
    runner_id: int | None,
    now: datetime | None,
    pain: int | None = None,
    check: str | None = None,
    passed: bool | None = None,
    note: str | None = None,
) -> ReportView:
    now = now or local_now()
    when = the_day(day, now)
    event = PlanEvent(when, kind, pain=pain, check=check, passed=passed, note=note)
    with db.session() as session:
        loaded = load_episode(session, get_runner(session, runner_id), episode_id, when)
        if loaded.episode.ended is not None:
            raise UsageError(
                f"episode {loaded.episode.id} ended on {loaded.episode.ended}: it takes no more reports",
                hint=f"start a new plan if it flares again: {START_HINT}",
            )
        _validate(loaded, event)
        before = state_of(loaded.stored, loaded.plan, now.date())
        replaced = _ONE_A_DAY.get(kind, ())
        for old in [r for r in loaded.stored.reports if r.day == when and r.kind in replaced]:
            loaded.stored.reports.remove(old)
        row = PlanReport(day=when, kind=kind, pain=pain, check_id=check, passed=passed, note=note)
        loaded.stored.reports.append(row)
        session.flush()
        after = state_of(loaded.stored, loaded.plan, now.date())
        new = [c for c in after.changes if c not in before.changes]
        episode: EpisodeView = loaded.view
        return ReportView(
            report_json(row), [change_json(c) for c in new], today_view(episode, loaded.plan, after)
        )


def mark_done(
    *,
    db: Database,
    day: str | None = None,
    note: str | None = None,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ReportView:
    """The day's session is done."""
    return _report(
        db=db,
        kind="done",
        day=day,
        note=note,
        episode_id=episode_id,
        runner_id=runner_id,
        now=now,
    )


def mark_skipped(
    *,
    db: Database,
    day: str | None = None,
    note: str | None = None,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ReportView:
    """The day's session was skipped: it moves to the next day."""
    return _report(
        db=db,
        kind="skipped",
        day=day,
        note=note,
        episode_id=episode_id,
        runner_id=runner_id,
        now=now,
    )


def report_pain(
    *,
    db: Database,
    score: int,
    day: str | None = None,
    note: str | None = None,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ReportView:
    """Pain the morning after (0-10): a rise or a high score repeats or steps back the session."""
    if isinstance(score, bool) or not 0 <= score <= 10:
        raise DataError(f"pain is a whole number from 0 to 10, not {score!r}", hint="e.g. report-pain 3")
    return _report(
        db=db,
        kind="pain",
        pain=score,
        day=day,
        note=note,
        episode_id=episode_id,
        runner_id=runner_id,
        now=now,
    )


def confirm_check(
    *,
    db: Database,
    check: str,
    passed: bool,
    day: str | None = None,
    note: str | None = None,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ReportView:
    """A readiness check of the day's test confirmed (``passed``) or not there yet."""
    return _report(
        db=db,
        kind="check",
        check=check,
        passed=passed,
        day=day,
        note=note,
        episode_id=episode_id,
        runner_id=runner_id,
        now=now,
    )


def stop_plan(
    *,
    db: Database,
    reason: str | None = None,
    day: str | None = None,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ReportView:
    """Sharp pain or a stop sign: the plan halts until a professional clears you."""
    return _report(
        db=db,
        kind="stop",
        note=reason,
        day=day,
        episode_id=episode_id,
        runner_id=runner_id,
        now=now,
    )


def resume_plan(
    *,
    db: Database,
    note: str | None = None,
    day: str | None = None,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ReportView:
    """A professional has cleared you: the current phase starts again from its first day."""
    return _report(
        db=db,
        kind="cleared",
        note=note,
        day=day,
        episode_id=episode_id,
        runner_id=runner_id,
        now=now,
    )


def end_episode(
    *,
    db: Database,
    day: str | None = None,
    episode_id: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> EpisodeView:
    """Close the injury episode (healed, or the plan abandoned); its plan and reports are kept."""
    when = the_day(day, now or local_now())
    with db.session() as session:
        loaded = load_episode(session, get_runner(session, runner_id), episode_id, when)
        if loaded.episode.ended is not None:
            raise UsageError(f"episode {loaded.episode.id} already ended on {loaded.episode.ended}")
        if when < loaded.episode.started:
            raise UsageError(f"the episode started on {loaded.episode.started}, after {when}")
        loaded.episode.ended = when
        session.flush()
        return loaded.view
