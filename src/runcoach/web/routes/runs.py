"""The training log: list runs (newest first), log one by hand, and upload activity files."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.datastructures import UploadFile

from runcoach.errors import DataError
from runcoach.log.db import Database
from runcoach.services.imports import import_upload
from runcoach.services.runs import list_runs, log_run
from runcoach.web.deps import DbDep, RunnerDep
from runcoach.web.render import page

router = APIRouter(tags=["runs"])


class RunIn(BaseModel):
    """A run entered by hand; distance and duration as the CLI takes them (8.2km, 45:10)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    distance: str | float
    duration: str
    when: str | None = None
    run_type: str | None = Field(default=None, alias="type")
    terrain: str | None = None
    shoe: str | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    cadence_spm: float | None = None
    elevation_gain_m: float | None = None
    notes: str = Field(default="", max_length=5000)

    @field_validator("distance")
    @classmethod
    def _positive(cls, value: str | float) -> str | float:
        text = str(value).strip()
        if text.startswith("-") or (isinstance(value, int | float) and value <= 0):
            raise ValueError(f"the distance must be more than zero, not {text}")
        return value


def runs_context(db: Database, runner_id: int | None) -> dict[str, Any]:
    listing = list_runs(db=db, runner_id=runner_id)
    return {"units": listing.units, "runs": [r.to_json() for r in reversed(listing.runs)]}


@router.get("/api/runs")
def api_runs(db: DbDep, runner: RunnerDep) -> dict[str, Any]:
    """Every run in the log, newest first."""
    return runs_context(db, runner)


def _log(db: Database, runner_id: int | None, data: RunIn) -> dict[str, Any]:
    values = data.model_dump(exclude={"distance"})
    logged = log_run(db=db, runner_id=runner_id, distance=str(data.distance), **values)
    stored = logged.run.to_json()
    return stored | {"warnings": [*logged.warnings, *stored["warnings"]]}


@router.post("/api/runs", status_code=201)
def api_log_run(data: RunIn, db: DbDep, runner: RunnerDep) -> dict[str, Any]:
    """Log a run by hand; impossible values (a negative distance, a future date) are a 422."""
    return _log(db, runner, data)


async def _upload(request: Request) -> tuple[str, bytes]:
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise DataError("no file uploaded", hint="send the activity file in the multipart field 'file'")
    return upload.filename, await upload.read()


def _import(db: Database, runner_id: int | None, name: str, data: bytes) -> dict[str, Any]:
    """The import report; an upload of which nothing could be read is a DataError."""
    report = import_upload(db=db, name=name, data=data, runner_id=runner_id)
    if report.failed and not (report.imported or report.duplicates):
        first = report.failed[0]
        raise DataError(
            f"nothing imported from {name}: {first['error']}",
            hint="upload a .gpx, .tcx or .fit file (also .gz), or a .zip export of them",
        )
    return report.to_json()


@router.post("/api/import")
async def api_import(request: Request, db: DbDep, runner: RunnerDep) -> JSONResponse:
    """Import one uploaded .gpx/.tcx/.fit (also .gz) file or .zip export (multipart field ``file``)."""
    name, data = await _upload(request)
    return JSONResponse(_import(db, runner, name, data))


@router.get("/runs", response_class=HTMLResponse)
def runs_page(request: Request, db: DbDep, runner: RunnerDep) -> HTMLResponse:
    return page(request, "runs.html", runs_context(db, runner))


@router.post("/runs", response_class=HTMLResponse)
async def runs_log_page(request: Request, db: DbDep, runner: RunnerDep) -> RedirectResponse:
    form = await request.form()
    fields = {k: str(v) for k, v in form.items() if isinstance(v, str) and v.strip()}
    try:
        data = RunIn.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise DataError(f"run not logged: {problems}") from None
    _log(db, runner, data)
    return RedirectResponse("/runs", status_code=303)


@router.post("/runs/upload", response_class=HTMLResponse)
async def runs_upload_page(request: Request, db: DbDep, runner: RunnerDep) -> HTMLResponse:
    name, data = await _upload(request)
    imported = _import(db, runner, name, data)
    return page(request, "runs.html", runs_context(db, runner) | {"imported": imported})
