"""A simulated runner who follows a stored plan through the service layer, one day at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from runcoach.log.db import Database
from runcoach.services.plan_reports import confirm_check, mark_done, report_pain
from runcoach.services.plan_views import ReportView, TodayView
from runcoach.services.plans import plan_today

START = date(2026, 3, 2)


def at(day: date, hour: int = 8) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


@dataclass
class StoredRunner:
    """Each morning they report pain (1/10 when all is well), then do the day and say so; at a
    readiness test they confirm every open check. ``flares`` non-rest sessions of ``flare_phase``
    leave them at 6/10 the next morning; the first ``fail_gates`` tests fail on their first check."""

    db: Database
    flare_phase: str | None = None
    flares: int = 0
    fail_gates: int = 0
    days: list[TodayView] = field(default_factory=list)
    reports: list[ReportView] = field(default_factory=list)

    def run(self, start: date = START, limit: int = 200) -> TodayView:
        day = start
        for _ in range(limit):
            view = plan_today(db=self.db, now=at(day))
            self.days.append(view)
            if view.status == "finished":
                return view
            sore = self._do(view, day)
            self.reports.append(
                report_pain(db=self.db, score=6 if sore else 1, now=at(day + timedelta(days=1)))
            )
            day += timedelta(days=1)
        raise AssertionError(f"the plan did not finish within {limit} days")

    def _do(self, view: TodayView, day: date) -> bool:
        item = view.item
        assert item is not None
        if item["kind"] == "gate":
            failing = self.fail_gates > 0
            self.fail_gates -= 1 if failing else 0
            for i, check in enumerate(view.open_checks):
                passed = not (failing and i == 0)
                self.reports.append(
                    confirm_check(db=self.db, check=check["id"], passed=passed, now=at(day, 18))
                )
                if not passed:
                    break
            return False
        self.reports.append(mark_done(db=self.db, now=at(day, 18)))
        if self.flares and item["phase"] == self.flare_phase and item["session"]["kind"] != "rest":
            self.flares -= 1
            return True
        return False
