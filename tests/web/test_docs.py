"""docs/web.md stays true: every API route of the app is listed there, and nothing that is not."""

from __future__ import annotations

import re
from pathlib import Path

from runcoach.web.app import create_app

DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def _api_routes() -> set[str]:
    """Every method and path under /api/ that the app serves (read from its OpenAPI schema)."""
    paths = create_app().openapi()["paths"]
    routes = {f"{method.upper()} {path}" for path, item in paths.items() for method in item}
    assert len(routes) >= 10
    return {r for r in routes if r.split(" ", 1)[1].startswith("/api/")}


def _documented() -> set[str]:
    return set(re.findall(r"`(GET|POST|PUT|PATCH|DELETE) (/api/[^`?]*)", DOC.read_text(encoding="utf-8")))


def test_every_api_route_is_listed_in_docs_web_md() -> None:
    documented = {f"{method} {path}" for method, path in _documented()}
    assert _api_routes() <= documented, sorted(_api_routes() - documented)


def test_docs_web_md_lists_no_api_route_the_app_lacks() -> None:
    documented = {f"{method} {path}" for method, path in _documented()}
    assert documented <= _api_routes(), sorted(documented - _api_routes())
