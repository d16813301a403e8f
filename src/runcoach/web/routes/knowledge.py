"""The knowledge base: ``/api/knowledge``, condition search and one condition, as JSON and pages."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.loader import load_knowledge
from runcoach.services.knowledge import condition_listing, knowledge_document, lookup_condition
from runcoach.web.render import page

router = APIRouter(tags=["knowledge"])


@router.get("/api/knowledge")
def api_knowledge() -> dict[str, Any]:
    """The whole knowledge base, as ``runcoach knowledge --json`` prints it."""
    return knowledge_document(load_knowledge()) | {"guidance": load_guidance().model_dump(mode="json")}


def search_context(q: str | None, region: str | None) -> dict[str, Any]:
    kb = load_knowledge()
    regions = [{"id": r.id, "name": r.name} for r in kb.meta.regions]
    hits = condition_listing(q or None, region=region or None, kb=kb)
    return {"q": q or "", "region": region or "", "regions": regions, "conditions": hits}


@router.get("/api/conditions")
def api_conditions(q: str | None = None, region: str | None = None) -> dict[str, Any]:
    return search_context(q, region)


@router.get("/api/conditions/{condition_id}")
def api_condition(condition_id: str) -> dict[str, Any]:
    return lookup_condition(condition_id)


@router.get("/conditions", response_class=HTMLResponse)
def conditions_page(request: Request, q: str | None = None, region: str | None = None) -> HTMLResponse:
    return page(request, "conditions.html", search_context(q, region))


@router.get("/conditions/{condition_id}", response_class=HTMLResponse)
def condition_page(request: Request, condition_id: str) -> HTMLResponse:
    return page(request, "condition.html", {"condition": lookup_condition(condition_id)})
