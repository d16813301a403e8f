"""Assess a complaint: ``POST /api/assess`` (one contract case) and the page-by-page interview."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData

from runcoach.errors import DataError
from runcoach.knowledge.loader import load_knowledge
from runcoach.services.assess import assess_case
from runcoach.web.interview import ANSWERS, Interview, interview_context
from runcoach.web.render import page

router = APIRouter(tags=["assess"])


@router.post("/api/assess")
def api_assess(case: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
    """One case in, the same result document as ``runcoach assess --jsonl`` (with the advice)."""
    return assess_case(case)


@router.get("/assess", response_class=HTMLResponse)
def assess_form(request: Request) -> HTMLResponse:
    return page(request, "assess.html", {"text": ""})


def _age(raw: str) -> float | None:
    if not raw.strip():
        return None
    try:
        return float(raw)
    except ValueError:
        raise DataError(f"age must be a number of years, not {raw!r}") from None


def interview_from_form(form: FormData) -> Interview:
    """The interview the form carries, with the answer just given (if any) recorded."""
    text = str(form.get("text") or "")
    if not text.strip():
        raise DataError("tell runcoach what is wrong first", hint="describe it in your own words")
    sex = str(form.get("sex") or "") or None
    interview = Interview(text=text, age=_age(str(form.get("age") or "")), sex=sex)
    for reply in ANSWERS:
        for finding_id in form.getlist(reply):
            interview.answer(str(finding_id), reply)
    question, reply = str(form.get("question") or ""), str(form.get("answer") or "")
    if question and reply:
        if reply not in ANSWERS:
            raise DataError(f"an answer is yes, no or unknown, not {reply!r}")
        interview.answer(question, reply)
    interview.finish = form.get("finish") is not None
    return interview


@router.post("/assess", response_class=HTMLResponse)
async def assess_page(request: Request) -> HTMLResponse:
    interview = interview_from_form(await request.form())
    return page(request, "assess_result.html", interview_context(interview, load_knowledge()))
