"""The report for a physio or doctor, and the charts: built from the log, rendered as bytes.

The CLI writes the bytes to a file; the web app will serve them. Both use the same
:class:`~runcoach.reports.context.ReportContext` (``build_report``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from runcoach import DISCLAIMER
from runcoach.dates import local_now, parse_day
from runcoach.errors import UsageError
from runcoach.knowledge.loader import load_knowledge
from runcoach.log.db import Database
from runcoach.reports.context import ReportContext
from runcoach.services.assessments import list_assessments
from runcoach.services.history import load_history

ReportFormat = Literal["pdf", "html"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("pdf", "html")
#: the period a report covers when no --since is given
DEFAULT_DAYS = 90


@dataclass(frozen=True)
class RenderedReport:
    context: ReportContext
    format: ReportFormat
    data: bytes


def report_format(path: str | Path) -> ReportFormat:
    """The format a file name asks for (``.pdf``, ``.html`` or ``.htm``)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = "html" if suffix == "htm" else suffix
    for fmt in REPORT_FORMATS:
        if suffix == fmt:
            return fmt
    raise UsageError(
        f"cannot write a report as {Path(path).name!r}: unknown format {suffix or '(no suffix)'!r}",
        hint="name the file .pdf or .html",
    )


def report_period(
    since: str | None, until: str | None, *, now: datetime | None = None
) -> tuple[date, date, date]:
    """The first and last day of the report (and today) from the runner's words."""
    now = now or local_now()
    today = now.date()
    last = parse_day(until, now=now) if until else today
    first = parse_day(since, now=now) if since else last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise UsageError(
            f"the report would start ({first}) after it ends ({last})", hint="give --since before --until"
        )
    return first, last, today


def build_report(
    *,
    db: Database,
    since: str | None = None,
    until: str | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
    with_charts: bool = True,
) -> ReportContext:
    """The report's one context: who, complaints, flares and their load, assessments, red flags,
    what was tried, charts."""
    from runcoach.reports.build import build_context

    first, last, today = report_period(since, until, now=now)
    history = load_history(db=db, runner_id=runner_id)
    assessments = list_assessments(db=db, runner_id=runner_id)
    return build_context(
        history, assessments, load_knowledge(), since=first, until=last, today=today,
        disclaimer=DISCLAIMER, with_charts=with_charts,
    )  # fmt: skip


def render_report(
    *,
    db: Database,
    fmt: ReportFormat,
    since: str | None = None,
    until: str | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> RenderedReport:
    """The report as PDF or HTML bytes."""
    if fmt not in REPORT_FORMATS:
        raise UsageError(f"unknown report format {fmt!r}", hint="use pdf or html")
    ctx = build_report(db=db, since=since, until=until, runner_id=runner_id, now=now)
    if fmt == "pdf":
        from runcoach.reports.pdf import render_pdf

        return RenderedReport(ctx, fmt, render_pdf(ctx))
    from runcoach.reports.html import render_html

    return RenderedReport(ctx, fmt, render_html(ctx).encode("utf-8"))


def render_chart(
    *,
    db: Database,
    kind: str,
    fmt: str = "png",
    since: str | None = None,
    weeks: int | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> bytes:
    """One chart of the runner's log as PNG or SVG bytes (the whole log is read: the ACWR needs the
    weeks before the window, shoe mileage every run)."""
    from runcoach.reports.charts import build_chart
    from runcoach.reports.style import FORMATS

    if fmt not in FORMATS:
        raise UsageError(f"unknown chart format {fmt!r}", hint="use png or svg")
    if weeks is not None and weeks < 1:
        raise UsageError(f"--weeks must be 1 or more, got {weeks}")
    first = parse_day(since, now=now or local_now()) if since else None
    history = load_history(db=db, runner_id=runner_id)
    return build_chart(kind, history, fmt=fmt, since=first, weeks=weeks)
