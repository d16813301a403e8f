"""The day-by-day state machine behind :func:`runcoach.plans.engine.plan_state`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from runcoach.knowledge.plans import Phase, Plan, Session
from runcoach.plans.expand import Step
from runcoach.plans.types import Change, ChangeKind, ItemStatus, PlanEvent, ScheduledDay


@dataclass(frozen=True, slots=True)
class _Done:
    """A session done on ``on``, waiting for the next morning's pain report."""

    on: date
    phase_index: int
    title: str
    #: the step to repeat if it flares (``None`` for a day holding a phase)
    pos: int | None


class Replay:
    """Where the runner is: the step (``pos``), any hold in progress, flares and changes so far."""

    def __init__(self, plan: Plan, steps: tuple[Step, ...], grade: int | None) -> None:
        self.plan, self.steps, self.grade = plan, steps, grade
        self.phases = plan.phases_for(grade)
        self.first_session: dict[int, int] = {}
        for i, step in enumerate(steps):
            if not step.is_gate:
                self.first_session.setdefault(step.phase_index, i)
        self.pos = 0
        self.hold_left = self.hold_day = 0
        self.hold_work_on: tuple[str, ...] = ()
        self.confirmed: set[str] = set()
        self.flares = 0
        self.baseline = 0
        self.last_done: _Done | None = None
        self.stopped = False
        self.finished_on: date | None = None
        self.visit = 0
        self.entered: date | None = None
        self.overdue = False
        self.repeat_pos: int | None = None
        self.changes: list[Change] = []
        self.today_item: ScheduledDay | None = None
        self.consumed_today = False

    # ------------------------------------------------------------------ one day

    def run_day(self, day: date, events: list[PlanEvent], *, is_today: bool) -> None:
        self.entered = self.entered or day
        for event in events:
            if event.kind == "pain" and event.pain is not None:
                self._pain(day, event.pain)
            elif event.kind == "stop":
                self._stop(day, event.note)
            elif event.kind == "cleared":
                self._cleared(day)
        if self.stopped or self.finished_on is not None:
            return
        item = self.item(day)
        if item.kind == "gate":
            status = self._gate(day, [e for e in events if e.kind == "check"])
        else:
            status = self._session(day, item, events, is_today=is_today)
        self._check_overdue(day)
        if self.pos >= len(self.steps) and self.hold_left == 0:
            self.finished_on = day
            then = f" Carry on with the {self.plan.then.replace('_', ' ')} plan." if self.plan.then else ""
            self._change(day, "finished", f"{self.plan.name}: plan complete.{then}")
        if is_today:
            self.today_item = replace(item, status=status or "planned")
            self.consumed_today = status is not None

    def _session(
        self, day: date, item: ScheduledDay, events: list[PlanEvent], *, is_today: bool
    ) -> ItemStatus | None:
        reports = [e.kind for e in events if e.kind in ("done", "skipped")]
        report = reports[-1] if reports else None
        assert item.session is not None
        if report is None and not is_today and item.session.kind == "rest":
            report = "done"
        if report == "done":
            self._advance(day, item.session)
            return "done"
        if report == "skipped" or not is_today:
            what = "skipped" if report == "skipped" else "not reported"
            self._change(day, "skipped", f"{item.session.title} {what}: it moves to the next day.")
            return "skipped" if report == "skipped" else None
        return None

    def _advance(self, day: date, session: Session) -> None:
        if self.hold_left > 0:
            self.last_done = _Done(day, self.visit, session.title, None)
            self.hold_left -= 1
            self.hold_day += 1
            return
        self.last_done = _Done(day, self.steps[self.pos].phase_index, session.title, self.pos)
        if self.repeat_pos == self.pos:
            self.repeat_pos = None
        self.pos += 1
        self._sync_phase(day, announce=True)

    def _sync_phase(self, day: date, *, announce: bool) -> None:
        """Start a new phase visit when the next step is a session of another phase."""
        if self.pos >= len(self.steps) or self.steps[self.pos].is_gate:
            return
        index = self.steps[self.pos].phase_index
        if index == self.visit:
            return
        self.visit, self.entered, self.flares, self.overdue = index, day + timedelta(days=1), 0, False
        if announce:
            phase = self.phases[index]
            self._change(day, "advanced", f"On to {phase.name}: {phase.goal}")

    # ------------------------------------------------------------------ pain, gates, stops

    def _pain(self, day: date, score: int) -> None:
        before, self.baseline = self.baseline, score
        done, self.last_done = self.last_done, None
        if done is None or done.on != day - timedelta(days=1):
            return
        rules = self.plan.adapt
        if score - before < rules.repeat_if_pain_rises_by and score <= rules.repeat_if_pain_above:
            return
        self.flares += 1
        self.finished_on = None  # pain after the last session reopens the plan
        why = (
            f"rose from {before} to {score}"
            if score - before >= rules.repeat_if_pain_rises_by
            else f"was {score}/10, above {rules.repeat_if_pain_above}"
        )
        if self.flares >= rules.step_back_after_flares:
            self._step_back(day, done.phase_index, why)
        elif done.pos is None:
            self.hold_left, self.hold_day = self.hold_left + 1, max(self.hold_day - 1, 0)
            self._change(day, "repeated", f"Pain the morning after {why}: repeat {done.title}.")
        else:
            self.pos = self.repeat_pos = done.pos
            self.hold_left, self.confirmed = 0, set()
            self._change(day, "repeated", f"Pain the morning after {why}: repeat {done.title}.")

    def _step_back(self, day: date, flared: int, why: str) -> None:
        target = max(flared - 1, 0)
        self.pos, self.repeat_pos = self.first_session[target], None
        self.hold_left, self.confirmed = 0, set()
        self.visit, self.entered, self.flares, self.overdue = target, day, 0, False
        text = (
            f"Pain the morning after {why}, the second flare in {self.phases[flared].name}: "
            f"back to {self.phases[target].name} to let it settle."
        )
        self._change(day, "stepped_back", text)

    def _gate(self, day: date, checks: list[PlanEvent]) -> ItemStatus | None:
        step = self.steps[self.pos]
        required = {c.id for c in step.checks}
        failed = [c for c in step.checks if any(e.check == c.id and not e.passed for e in checks)]
        self.confirmed |= {e.check for e in checks if e.passed and e.check in required}
        gate = step.phase.gate
        assert gate is not None
        if failed:
            self.confirmed = set()
            self.hold_left, self.hold_day = gate.hold_days, 0
            self.hold_work_on = tuple(c.work_on for c in failed)
            held = self.phases[self.visit].name
            text = (
                f"Not ready for {step.phase.name} yet ({', '.join(c.id for c in failed)} not there): "
                f"{gate.hold_days} more day{'s' if gate.hold_days > 1 else ''} of {held}, then test again."
            )
            self._change(day, "gate_failed", text, self.hold_work_on)
            return "failed"
        if not required <= self.confirmed:
            return None
        self.confirmed, self.hold_work_on = set(), ()
        self.pos += 1
        self._change(day, "gate_passed", f"Every readiness check confirmed: {step.phase.name} starts.")
        self._sync_phase(day, announce=False)
        return "passed"

    def _stop(self, day: date, note: str | None) -> None:
        if self.stopped or self.finished_on is not None:
            return
        self.stopped = True
        who = self.plan.professionals[0] if self.plan.professionals else "professional"
        reason = note or "a stop sign was reported"
        self._change(day, "stopped", f"Stopped ({reason}). Have it checked by a {who} before carrying on.")

    def _cleared(self, day: date) -> None:
        if not self.stopped:
            return
        self.stopped = False
        self.pos, self.repeat_pos, self.last_done = self.first_session[self.visit], None, None
        self.hold_left, self.confirmed, self.flares, self.entered = 0, set(), 0, day
        phase = self.phases[self.visit]
        self._change(day, "resumed", f"Cleared to carry on: {phase.name} starts again from its first day.")

    def _check_overdue(self, day: date) -> None:
        phase = self.phases[self.visit]
        limit = phase.days_for(self.grade).max_days
        if self.overdue or limit is None or self.entered is None or (day - self.entered).days + 1 <= limit:
            return
        self.overdue = True
        who = self.plan.professionals[0] if self.plan.professionals else "professional"
        text = f"{phase.name} has run past the {limit} days it usually needs: have it checked by a {who}."
        self._change(day, "overdue", text)

    def _change(self, day: date, kind: ChangeKind, text: str, work_on: tuple[str, ...] = ()) -> None:
        self.changes.append(Change(day, kind, self.phases[self.visit].id, text, work_on))

    # ------------------------------------------------------------------ what the days look like

    def current_phase(self) -> Phase | None:
        return None if self.finished_on is not None else self.phases[self.visit]

    def item(self, day: date) -> ScheduledDay:
        """The current step as it falls on ``day``."""
        return self._hold_item(day, self.hold_day) if self.hold_left > 0 else self._step_item(self.pos, day)

    def _step_item(self, pos: int, day: date) -> ScheduledDay:
        step = self.steps[pos]
        if step.is_gate:
            return ScheduledDay(day, step.phase.id, step.phase.name, "gate", checks=step.checks)
        return ScheduledDay(
            day,
            step.phase.id,
            step.phase.name,
            "session",
            session=step.session,
            day_in_phase=step.day,
            phase_days=step.phase_days,
            repeat=pos == self.repeat_pos,
        )

    def _hold_item(self, day: date, hold_day: int) -> ScheduledDay:
        phase = self.phases[self.visit]
        pattern = [s.session for s in self.steps if s.phase_index == self.visit and s.session is not None]
        pattern = pattern[-len(phase.sessions) :]
        session = pattern[hold_day % len(pattern)]
        return ScheduledDay(day, phase.id, phase.name, "hold", session=session, work_on=self.hold_work_on)

    def projection(self, today: date) -> tuple[ScheduledDay, ...]:
        """Today's item, then every remaining day as if each goes to plan."""
        head = (self.today_item,) if self.today_item is not None else ()
        if self.stopped or self.finished_on is not None:
            return head
        day = today + timedelta(days=1) if self.consumed_today else today
        items: list[ScheduledDay] = []
        for hold_day in range(self.hold_day, self.hold_day + self.hold_left):
            items.append(self._hold_item(day, hold_day))
            day += timedelta(days=1)
        for pos in range(self.pos, len(self.steps)):
            items.append(self._step_item(pos, day))
            day += timedelta(days=1)
        return head + tuple(items) if self.consumed_today else tuple(items)
