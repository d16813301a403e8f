"""Should I run today? ``GET /api/today`` and the today page, from one context."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, model_validator

from runcoach.log.db import Database
from runcoach.services.conditions import ConditionsInput
from runcoach.services.today import TodayRequest, should_i_run
from runcoach.web.deps import DbDep, RunnerDep
from runcoach.web.render import page

router = APIRouter(tags=["today"])


class TodayQuery(BaseModel):
    """Today's inputs; all optional, as for ``runcoach today`` (saved conditions fill the gaps)."""

    temp: str | None = None
    humidity: float | None = None
    pollen: str | None = None
    altitude: str | None = None
    ate: str | None = None
    meal: str | None = None
    minutes: float | None = None
    at: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _blank_is_not_given(cls, data: Any) -> Any:
        """An empty form field means "not given" (a form sends every field)."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data


def today_context(db: Database, runner_id: int | None, query: TodayQuery) -> dict[str, Any]:
    q = query
    request = TodayRequest(
        conditions=ConditionsInput(q.temp, q.humidity, q.pollen, q.altitude),
        ate=q.ate,
        meal=q.meal,
        minutes=q.minutes,
        at=q.at,
    )
    return should_i_run(db=db, request=request, runner_id=runner_id).to_json()


@router.get("/api/today")
def api_today(db: DbDep, runner: RunnerDep, query: Annotated[TodayQuery, Query()]) -> dict[str, Any]:
    return today_context(db, runner, query)


@router.get("/today", response_class=HTMLResponse)
def today_page(
    request: Request, db: DbDep, runner: RunnerDep, query: Annotated[TodayQuery, Query()]
) -> HTMLResponse:
    context = today_context(db, runner, query)
    return page(request, "today.html", {"today": context, "query": query.model_dump()})
