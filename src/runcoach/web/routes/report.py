"""The report for a physio as HTML (the same document ``runcoach report -o report.html`` writes)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from runcoach.services.report import render_report
from runcoach.web.deps import DbDep, RunnerDep

router = APIRouter(tags=["report"])


@router.get("/api/report.html", response_class=HTMLResponse)
def api_report(
    db: DbDep, runner: RunnerDep, since: str | None = None, until: str | None = None
) -> HTMLResponse:
    rendered = render_report(db=db, fmt="html", since=since, until=until, runner_id=runner)
    return HTMLResponse(rendered.data.decode("utf-8"))
