"""Export a plan's schedule as an RFC 5545 calendar (with the icalendar library).

One all-day VEVENT per scheduled day. Each event's UID is built from the plan instance and the
date, so exporting again after the plan has adapted replaces the events already imported for those
days instead of adding copies; SEQUENCE counts the plan's changes so far, so calendar apps take the
newer version. DTSTAMP is the state's ``today`` at midnight UTC, which keeps the export a pure
function of the plan state.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event

from runcoach.knowledge.plans import Plan
from runcoach.plans.describe import day_title, describe_day
from runcoach.plans.types import PlanState

PRODID = "-//runcoach//return-to-run plans//EN"


def calendar_id(state: PlanState) -> str:
    """Identifies one runner's run through one plan: the plan, its grade and its start date."""
    grade = f"-g{state.grade}" if state.grade is not None else ""
    return f"{state.plan_id}{grade}-{state.start:%Y%m%d}"


def event_uid(state: PlanState, day_id: str, *, instance: str | None = None) -> str:
    return f"{instance or calendar_id(state)}-{day_id}@runcoach"


def to_ics(state: PlanState, plan: Plan, *, instance: str | None = None) -> bytes:
    """The schedule from today on as iCalendar bytes; ``instance`` overrides the UID prefix
    (e.g. an episode id once plans are stored)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"runcoach: {plan.name}")
    stamp = datetime.combine(state.today, time(0, 0), tzinfo=UTC)
    for day in state.schedule:
        event = Event()
        event.add("uid", event_uid(state, f"{day.on:%Y%m%d}", instance=instance))
        event.add("dtstamp", stamp)
        event.add("dtstart", day.on)
        event.add("dtend", day.on + timedelta(days=1))
        event.add("sequence", len(state.changes))
        event.add("summary", day_title(plan, day))
        event.add("description", "\n".join(describe_day(plan, day)))
        event.add("categories", ["runcoach", day.kind])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())
