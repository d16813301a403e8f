"""A runner's log as plain, immutable records: what every analysis reads.

The service layer (``runcoach.services.history.load_history``) fills a :class:`History` from the
database; tests and benchmarks build one directly. Days are the runner's local calendar days
(a run's day is the date of its start in its own UTC offset).
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property


@dataclass(frozen=True)
class RunRecord:
    start: datetime  # aware, in the run's own offset
    distance_m: float
    duration_s: float
    sport: str = "running"
    run_type: str | None = None
    terrain: str | None = None
    shoe: str | None = None  # the shoe's ref
    avg_hr: float | None = None
    cadence_spm: float | None = None
    elevation_gain_m: float | None = None
    id: int | None = None

    @property
    def day(self) -> date:
        return self.start.date()


@dataclass(frozen=True)
class PainRecord:
    region: str
    score: int
    side: str | None = None
    sensation: str | None = None
    when: str | None = None


@dataclass(frozen=True)
class TrainingRecord:
    kind: str
    minutes: float
    notes: str = ""


@dataclass(frozen=True)
class CheckinRecord:
    day: date
    sleep_h: float | None = None
    stress: int | None = None
    resting_hr: int | None = None
    hrv_ms: float | None = None
    illness: str | None = None
    cycle_day: int | None = None
    pain: tuple[PainRecord, ...] = ()
    training: tuple[TrainingRecord, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class ShoeRecord:
    ref: str
    name: str
    started: date | None = None
    retired: date | None = None
    replace_at_m: float | None = None


@dataclass(frozen=True)
class History:
    """Runs (oldest first), check-ins (one per day, oldest first) and shoes of one runner."""

    runs: tuple[RunRecord, ...] = ()
    checkins: tuple[CheckinRecord, ...] = ()
    shoes: tuple[ShoeRecord, ...] = ()
    units: str = "km"
    birth_year: int | None = None
    sex: str | None = None
    resting_hr_baseline: int | None = field(default=None)

    @classmethod
    def of(
        cls,
        runs: Iterable[RunRecord] = (),
        checkins: Iterable[CheckinRecord] = (),
        shoes: Iterable[ShoeRecord] = (),
        **extra: object,
    ) -> History:
        """A history with runs and check-ins sorted (check-ins of one day must be merged already)."""
        return cls(
            runs=tuple(sorted(runs, key=lambda r: r.start)),
            checkins=tuple(sorted(checkins, key=lambda c: c.day)),
            shoes=tuple(shoes),
            **extra,  # type: ignore[arg-type]
        )

    @property
    def first_day(self) -> date | None:
        days = [self.runs[0].day] if self.runs else []
        days += [self.checkins[0].day] if self.checkins else []
        return min(days) if days else None

    @property
    def last_day(self) -> date | None:
        days = [max(r.day for r in self.runs)] if self.runs else []
        days += [self.checkins[-1].day] if self.checkins else []
        return max(days) if days else None

    @cached_property
    def checkin_by_day(self) -> dict[date, CheckinRecord]:
        return {c.day: c for c in self.checkins}

    @cached_property
    def runs_by_day(self) -> dict[date, tuple[RunRecord, ...]]:
        by_day: dict[date, list[RunRecord]] = {}
        for run in self.runs:
            by_day.setdefault(run.day, []).append(run)
        return {day: tuple(runs) for day, runs in by_day.items()}

    def runs_on(self, day: date) -> tuple[RunRecord, ...]:
        return self.runs_by_day.get(day, ())

    @cached_property
    def _readings(self) -> dict[str, tuple[list[date], list[float]]]:
        return {}

    def readings(self, attr: str) -> tuple[list[date], list[float]]:
        """The days and values of one check-in measure (``resting_hr``, ``hrv_ms``, ``sleep_h``...)
        where it was recorded, oldest first."""
        cache = self._readings
        if attr not in cache:
            pairs = [(c.day, float(v)) for c in self.checkins if (v := getattr(c, attr)) is not None]
            cache[attr] = ([d for d, _ in pairs], [v for _, v in pairs])
        return cache[attr]

    def median_before(
        self, attr: str, day: date, *, days: int, min_readings: float
    ) -> tuple[float, int] | None:
        """The runner's own baseline of a measure on ``day``: the median of its readings in the
        ``days`` days before it (``day`` itself excluded) and how many there were, or None with
        fewer than ``min_readings``. The resting-HR and HRV baselines of the today-check, the
        warnings and the charts all come from here."""
        when, values = self.readings(attr)
        lo = bisect.bisect_left(when, day - timedelta(days=days))
        hi = bisect.bisect_left(when, day)
        window = values[lo:hi]
        if not window or len(window) < min_readings:
            return None
        return float(statistics.median(window)), len(window)
