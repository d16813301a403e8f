"""The plan engine's inputs and outputs: plain, frozen dataclasses a database row maps onto.

Inputs: :class:`PlanSetup` (which plan variant, from when) and a list of :class:`PlanEvent` (what the
runner reported, day by day). Output: :class:`PlanState` (where the runner is, today's session, the
schedule from today on, and every change the plan made along the way).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from runcoach.errors import DataError
from runcoach.knowledge.plans import Check, Session

EventKind = Literal["done", "skipped", "pain", "check", "stop", "cleared"]
EVENT_KINDS: tuple[EventKind, ...] = ("done", "skipped", "pain", "check", "stop", "cleared")
ItemKind = Literal["session", "gate", "hold"]
ItemStatus = Literal["planned", "done", "skipped", "passed", "failed"]
ChangeKind = Literal[
    "advanced",
    "repeated",
    "stepped_back",
    "gate_passed",
    "gate_failed",
    "skipped",
    "stopped",
    "resumed",
    "overdue",
    "finished",
]
Status = Literal["active", "stopped", "finished"]


@dataclass(frozen=True, slots=True)
class PlanSetup:
    """Which variant of a plan a runner follows and from which day (day 1 of the plan)."""

    start: date
    grade: int | None = None
    condition: str | None = None
    #: the runner's starting easy-run length for plans that grow weekly volume by a percentage
    base_run_minutes: float | None = None


@dataclass(frozen=True, slots=True)
class PlanEvent:
    """One thing the runner reported on a day.

    - ``done`` / ``skipped``: the day's session (the last report of a day wins);
    - ``pain``: pain the morning after, 0-10, in ``pain``;
    - ``check``: a gate's readiness check, ``check`` (its id) confirmed or not (``passed``);
    - ``stop``: sharp pain or a stop sign; ``cleared``: a professional has said to carry on.
    """

    on: date
    kind: EventKind
    pain: int | None = None
    check: str | None = None
    passed: bool | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise DataError(
                f"unknown plan event kind {self.kind!r}", hint=f"use one of {', '.join(EVENT_KINDS)}"
            )
        if self.kind == "pain":
            if self.pain is None or isinstance(self.pain, bool) or not 0 <= self.pain <= 10:
                raise DataError(f"pain on {self.on} must be a whole number from 0 to 10, not {self.pain!r}")
        elif self.pain is not None:
            raise DataError(f"a {self.kind!r} event on {self.on} cannot carry a pain score")
        if self.kind == "check":
            if not self.check or self.passed is None:
                raise DataError(f"a check on {self.on} needs the check id and whether it passed")
        elif self.check is not None or self.passed is not None:
            raise DataError(f"a {self.kind!r} event on {self.on} cannot carry a readiness check")


@dataclass(frozen=True, slots=True)
class ScheduledDay:
    """One day of the plan: a session, a readiness test (gate) or a day holding the previous phase."""

    on: date
    phase_id: str
    phase_name: str
    kind: ItemKind
    session: Session | None = None
    #: the readiness checks to confirm (gate days)
    checks: tuple[Check, ...] = ()
    #: 1-based day of the phase's planned sessions (0 for gate and hold days)
    day_in_phase: int = 0
    phase_days: int = 0
    status: ItemStatus = "planned"
    #: a session repeated because next-day pain flared
    repeat: bool = False
    #: what to work on (hold days after a failed gate)
    work_on: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """Something the plan did in response to the runner: advanced, repeated, stepped back, ..."""

    on: date
    kind: ChangeKind
    phase_id: str
    text: str
    work_on: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanState:
    """Where a runner stands in a plan on ``today``."""

    plan_id: str
    grade: int | None
    condition: str | None
    start: date
    today: date
    status: Status
    phase_id: str | None
    phase_name: str | None
    #: today's item, with its status (``None`` when stopped or finished)
    today_item: ScheduledDay | None
    #: every planned day from today (or tomorrow, when today's item is already done) to the end
    schedule: tuple[ScheduledDay, ...]
    changes: tuple[Change, ...]
    #: the last day of the plan had nothing ever changed
    planned_end: date
    #: the last day of the plan as it stands (``None`` while stopped)
    expected_end: date | None
    #: the current phase has run past the days the articles expect
    overdue: bool
    then: str | None = None
    #: the readiness checks of the gate at hand already confirmed (a gate can take several days)
    confirmed: tuple[str, ...] = ()

    def changes_on(self, day: date) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.on == day)
