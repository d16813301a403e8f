"""``runcoach warnings``: training-load and form warnings, with weekly and monthly volume."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from runcoach.dates import local_now, parse_day
from runcoach.knowledge.analytics import load_analytics
from runcoach.knowledge.warning_models import Warnings
from runcoach.log.analytics.history import History
from runcoach.log.analytics.series import is_running, weekly
from runcoach.log.analytics.warning_context import Alert, Value
from runcoach.log.analytics.warnings import find_warnings
from runcoach.log.db import Database
from runcoach.services.history import load_history
from runcoach.units import Unit, check_unit, format_distance

#: alert values that are distances in metres (shown in the runner's units)
DISTANCE_KEYS = frozenset({"distance", "previous", "longest", "week_distance", "limit"})


@dataclass(frozen=True)
class WarningView:
    rule: str
    level: str
    day: date
    saw: str
    why: str
    evidence: str | None
    todo: str
    values: dict[str, Value]

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "level": self.level,
            "date": self.day.isoformat(),
            "saw": self.saw,
            "why": self.why,
            "evidence": self.evidence,
            "todo": self.todo,
            "values": {k: v.isoformat() if isinstance(v, date) else v for k, v in self.values.items()},
        }


@dataclass(frozen=True)
class Volume:
    start: date
    distance_m: float
    duration_s: float
    runs: int

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "distance_m": round(self.distance_m),
                "duration_s": round(self.duration_s), "runs": self.runs}  # fmt: skip


@dataclass(frozen=True)
class WarningReport:
    today: date | None
    warnings: list[WarningView]
    weeks: list[Volume]
    months: list[Volume]
    coach_note: str
    units: Unit

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.today.isoformat() if self.today else None,
            "warnings": [w.to_json() for w in self.warnings],
            "weekly_volume": [w.to_json() for w in self.weeks],
            "monthly_volume": [m.to_json() for m in self.months],
            "coach_note": self.coach_note,
        }


def training_warnings(
    *, db: Database, day: str | None = None, runner_id: int | None = None, now: datetime | None = None
) -> WarningReport:
    """The warnings for the weeks up to ``day`` (default: the last day of the log)."""
    today = parse_day(day, now=now or local_now()) if day else None
    history = load_history(db=db, runner_id=runner_id, until=today)
    return warnings_of(history, today=today)


def warnings_of(history: History, *, today: date | None = None) -> WarningReport:
    """:func:`training_warnings` on a history already loaded."""
    rules = load_analytics().warnings
    units = check_unit(history.units)
    alerts = find_warnings(history, rules_data=rules, today=today)
    day = today or history.last_day
    return WarningReport(
        day,
        [_view(a, rules, units) for a in alerts],
        _weeks(history, day),
        _months(history, day),
        rules.coach_note,
        units,
    )


def _shown(key: str, value: Value, units: Unit) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if key in DISTANCE_KEYS and isinstance(value, int | float):
        return format_distance(float(value), units, digits=1)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _view(alert: Alert, rules: Warnings, units: Unit) -> WarningView:
    rule = rules.rules[alert.rule]
    shown = {k: _shown(k, v, units) for k, v in alert.values.items()}
    values = {
        k: round(v) if k in DISTANCE_KEYS and isinstance(v, float) else v for k, v in alert.values.items()
    }
    return WarningView(alert.rule, alert.level, alert.day, rule.saw.format(**shown), rule.why, rule.evidence,
                       rule.todo, values)  # fmt: skip


def _weeks(history: History, day: date | None, count: int = 4) -> list[Volume]:
    if day is None:
        return []
    weeks = [w for w in weekly(history, last=day) if w.start <= day][-count:]
    return [Volume(w.start, w.distance_m, w.duration_s, w.runs) for w in weeks]


def _months(history: History, day: date | None, count: int = 3) -> list[Volume]:
    if day is None:
        return []
    totals: dict[date, list[float]] = {}
    for run in history.runs:
        if is_running(run) and run.day <= day:
            t = totals.setdefault(run.day.replace(day=1), [0.0, 0.0, 0.0])
            t[0], t[1], t[2] = t[0] + run.distance_m, t[1] + run.duration_s, t[2] + 1
    months = sorted(totals)[-count:]
    return [Volume(m, totals[m][0], totals[m][1], int(totals[m][2])) for m in months]
