"""What every warning rule reads (the history, the rules' data, the day) and what it returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from runcoach.knowledge.warning_models import Warnings
from runcoach.log.analytics.history import History
from runcoach.log.analytics.series import DailySeries, Week, daily_load, weekly

Value = float | int | str | date


@dataclass(frozen=True)
class Alert:
    rule: str
    level: str
    day: date
    values: dict[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    history: History
    rules: Warnings
    today: date

    @property
    def since(self) -> date:
        return self.today - timedelta(days=self.rules.lookback_days)

    @cached_property
    def weeks(self) -> list[Week]:
        return [w for w in weekly(self.history, last=self.today) if w.start <= self.today]

    @cached_property
    def daily(self) -> DailySeries:
        return daily_load(self.history, last=self.today)

    def t(self, rule: str, name: str) -> float:
        return self.rules.threshold(rule, name)

    def alert(self, rule: str, when: date, strong: bool = False, /, **values: Value) -> Alert:
        spec = self.rules.rules[rule]
        level = spec.strong_level if strong and spec.strong_level else spec.level
        return Alert(rule, level, when, values)


Rule = Callable[[Context], list[Alert]]
