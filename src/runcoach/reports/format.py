"""How the report writes numbers, dates and its summary lines: one place for both the PDF and HTML."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from runcoach.reports import context as rc
from runcoach.reports.text import UNKNOWN, URGENT_WITHOUT_FLAG


def day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def period(ctx: rc.ReportContext) -> str:
    return f"{day(ctx.since)} to {day(ctx.until)}"


def dist(value: float | None, units: str, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f} {units}"


def ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value:+.0f}%"


def prob(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def joined(values: Iterable[str | None], empty: str = "-") -> str:
    items = [v for v in values if v]
    return ", ".join(items) if items else empty


def runner_rows(ctx: rc.ReportContext) -> list[tuple[str, str]]:
    r = ctx.runner
    return [
        ("Period", period(ctx)),
        ("Report made", day(ctx.generated)),
        ("Distance units", "kilometres" if r.units == "km" else "miles"),
        ("Age", f"about {r.age}" if r.age is not None else UNKNOWN),
        ("Sex", r.sex or UNKNOWN),
        ("Usual resting heart rate", f"{r.resting_hr_baseline} bpm" if r.resting_hr_baseline else UNKNOWN),
    ]


def complaint_line(c: rc.Complaint) -> str:
    span = day(c.first) if c.first == c.last else f"{day(c.first)} to {day(c.last)}"
    flares = "1 flare" if c.flares == 1 else f"{c.flares} flares"
    return f"{span}: {entries(c.entries)}, worst {c.worst}/10, latest {c.latest}/10, {flares}"


def flare_line(f: rc.Flare, units: str) -> str:
    """The training load around a flare in one sentence."""
    parts = [f"Weeks before: {dist(f.before_avg, units)} a week on average"]
    change = f" ({pct(f.change_pct)})" if f.change_pct is not None else ""
    parts.append(f"the week it started: {dist(f.flare_week, units)}{change}")
    if f.after_avg is not None:
        parts.append(f"weeks after: {dist(f.after_avg, units)} a week")
    peak = ratio(f.acwr_peak_before)
    parts.append(f"ACWR on day one {ratio(f.acwr_at_start)}, highest in the 2 weeks before {peak}")
    return "; ".join(parts) + "."


def flare_title(f: rc.Flare) -> str:
    span = day(f.first) if f.first == f.last else f"{day(f.first)} to {day(f.last)}"
    return f"{f.region}, {span} (worst {f.worst}/10, {entries(f.entries)})"


def entries(n: int) -> str:
    return "1 entry" if n == 1 else f"{n} entries"


def red_flag_line(item: rc.RedFlagItem) -> str:
    if item.question == URGENT_WITHOUT_FLAG:
        return f"{day(item.day)}, triage {item.triage}: {item.question}"
    return f"{day(item.day)}, {item.level} red flag (triage: {item.triage}): {item.question}"


def condition_line(c: rc.ConditionItem) -> str:
    code = f" [ICD-10 {c.icd10}]" if c.icd10 else ""
    return f"{c.name}{code} {prob(c.probability)}".strip()


def training_rows(t: rc.TrainingSummary, units: str) -> list[tuple[str, str]]:
    return [
        ("Runs", str(t.runs)),
        ("Total distance", dist(t.distance, units)),
        ("Average per week", f"{dist(t.per_week, units)} over {t.weeks} weeks"),
        ("Longest run", dist(t.longest, units)),
    ]
