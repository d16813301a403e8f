"""The report as plain data: one :class:`ReportContext` that the PDF, the HTML page and the web app
all render. Built by :func:`runcoach.reports.build.build_context` (pure) from a History, the saved
assessments and the knowledge base."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class RunnerInfo:
    units: str
    age: int | None = None  # approximate: from the birth year
    sex: str | None = None
    resting_hr_baseline: int | None = None


@dataclass(frozen=True)
class RedFlagItem:
    day: date
    question: str
    level: str  # "urgent" or "emergency"
    complaint: str  # what the runner said in that assessment
    triage: str  # that assessment's triage label, e.g. "Emergency"


@dataclass(frozen=True)
class Complaint:
    region: str  # the region's name
    first: date
    last: date
    entries: int
    worst: int
    latest: int
    sides: tuple[str, ...]
    sensations: tuple[str, ...]
    timings: tuple[str, ...]
    flares: int


@dataclass(frozen=True)
class LoadWeek:
    start: date  # a Monday
    distance: float  # in the runner's units
    phase: str  # "before", "flare" or "after"


@dataclass(frozen=True)
class Flare:
    region: str
    first: date
    last: date
    worst: int
    entries: int
    weeks: tuple[LoadWeek, ...]
    before_avg: float | None  # mean weekly distance of the weeks before the flare
    flare_week: float
    after_avg: float | None
    acwr_at_start: float | None
    acwr_peak_before: float | None

    @property
    def change_pct(self) -> float | None:
        """The flare week's distance against the weeks before it, in percent."""
        if not self.before_avg:
            return None
        return 100.0 * (self.flare_week - self.before_avg) / self.before_avg


@dataclass(frozen=True)
class ConditionItem:
    name: str
    icd10: str | None
    probability: float | None


@dataclass(frozen=True)
class AssessmentItem:
    day: date
    text: str
    triage: str
    triage_label: str
    run_decision: str
    run_label: str
    conditions: tuple[ConditionItem, ...]
    red_flags: tuple[str, ...]  # the red-flag questions answered yes


@dataclass(frozen=True)
class PainItem:
    day: date
    region: str
    score: int
    side: str | None
    sensation: str | None
    when: str | None


@dataclass(frozen=True)
class TriedItem:
    day: date
    what: str  # "strength, 30 min" or "note"
    notes: str


@dataclass(frozen=True)
class TrainingSummary:
    runs: int
    distance: float  # in the runner's units
    weeks: int
    per_week: float
    longest: float


@dataclass(frozen=True)
class ChartImage:
    kind: str
    title: str
    png: bytes


@dataclass(frozen=True)
class ReportContext:
    generated: date
    since: date
    until: date
    runner: RunnerInfo
    red_flags: tuple[RedFlagItem, ...]
    complaints: tuple[Complaint, ...]
    flares: tuple[Flare, ...]
    assessments: tuple[AssessmentItem, ...]
    tried: tuple[TriedItem, ...]
    training: TrainingSummary | None
    timeline: tuple[PainItem, ...]
    charts: tuple[ChartImage, ...]
    disclaimer: str
    #: chart kinds left out and why ("not enough data ..."), for the charts section
    charts_missing: dict[str, str] = field(default_factory=dict)

    @property
    def units(self) -> str:
        return self.runner.units

    def is_empty(self, section: str) -> bool:
        """Whether a section (a key of :data:`runcoach.reports.text.SECTIONS`) has nothing to show."""
        if section == "runner":
            return False
        if section == "training":
            return self.training is None
        if section == "timeline":
            return not self.timeline
        return not getattr(self, section)


def report_document(ctx: ReportContext) -> dict[str, Any]:
    """The context as JSON-ready data (dates as ISO strings; charts by kind, without their images)."""
    data = asdict(ctx)
    data["charts"] = [c.kind for c in ctx.charts]
    for flare, source in zip(data["flares"], ctx.flares, strict=True):
        flare["change_pct"] = source.change_pct
    return _jsonable(data)  # type: ignore[no-any-return]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
