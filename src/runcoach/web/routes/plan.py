"""Today's session of the return-to-run plan in progress: ``GET /api/plan/today`` and the plan page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from runcoach.errors import NotFoundError
from runcoach.services.plans import plan_today
from runcoach.web.deps import DbDep, RunnerDep
from runcoach.web.render import page

router = APIRouter(tags=["plan"])


@router.get("/api/plan/today")
def api_plan_today(db: DbDep, runner: RunnerDep, day: str | None = None) -> dict[str, Any]:
    """Today's session; a 404 envelope when no plan is in progress."""
    return plan_today(db=db, runner_id=runner, day=day).to_json()


@router.get("/plan", response_class=HTMLResponse)
def plan_page(request: Request, db: DbDep, runner: RunnerDep) -> HTMLResponse:
    try:
        context: dict[str, Any] = {"plan": plan_today(db=db, runner_id=runner).to_json(), "missing": None}
    except NotFoundError as exc:
        context = {"plan": None, "missing": {"error": exc.message, "hint": exc.hint}}
    return page(request, "plan.html", context)
