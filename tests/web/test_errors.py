"""One error envelope, pinned: every error path answers ``{"ok": false, "error", "hint", "status"}``
with the HTTP status inside it; pages render the same envelope as an error page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from runcoach import DISCLAIMER
from runcoach.errors import DataError, KnowledgeError, NotFoundError, RuncoachError, UsageError
from runcoach.log.db import DatabaseError
from runcoach.web.errors import UploadTooLargeError, status_of
from tests.web.conftest import make_client, text_of

ENVELOPE_KEYS = {"ok", "error", "hint", "status"}
JSON = {"content-type": "application/json"}

#: (what, request, expected status, a word the message must contain)
ERROR_PATHS: list[tuple[str, Callable[[TestClient], Response], int, str]] = [
    ("unknown route", lambda c: c.get("/api/nothing-here"), 404, "not found"),
    ("unknown condition", lambda c: c.get("/api/conditions/shin_splint"), 404, "shin_splint"),
    ("unknown region", lambda c: c.get("/api/conditions?region=elbow"), 422, "elbow"),
    ("case not an object", lambda c: c.post("/api/assess", json=[1, 2]), 422, "dictionary"),
    ("body not JSON", lambda c: c.post("/api/assess", content=b"{", headers=JSON), 422, "json"),
    ("unknown finding", lambda c: c.post("/api/assess", json={"findings": {"bogus": True}}), 422, "bogus"),
    ("empty case", lambda c: c.post("/api/assess", json={"age": 30}), 422, "text"),
    ("negative distance", lambda c: c.post("/api/runs", json={"distance": "-5km", "duration": "30:00"}),
     422, "more than zero"),
    ("missing duration", lambda c: c.post("/api/runs", json={"distance": "5km"}), 422, "duration"),
    ("implausible minutes", lambda c: c.get("/api/today?minutes=5000"), 422, "5000"),
    ("no plan", lambda c: c.get("/api/plan/today"), 404, "plan"),
    ("report period backwards", lambda c: c.get("/api/report.html?since=2026-06-01&until=2026-05-01"),
     422, "after it ends"),
    ("nothing readable uploaded", lambda c: c.post("/api/import", files={"file": ("notes.txt", b"hi")}),
     422, "unsupported"),
    ("no file field", lambda c: c.post("/api/import", data={"x": "1"}), 422, "no file"),
    ("wrong method", lambda c: c.delete("/api/runs"), 405, "method"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "call", "status", "word"), ERROR_PATHS, ids=[p[0] for p in ERROR_PATHS])
def test_every_api_error_has_the_one_envelope(
    client: TestClient, what: str, call: Callable[[TestClient], Response], status: int, word: str
) -> None:
    response = call(client)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == ENVELOPE_KEYS
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str)
    assert word.lower() in body["error"].lower()
    assert body["hint"] is None or isinstance(body["hint"], str)


def test_an_unknown_condition_hints_at_the_closest_ids(client: TestClient) -> None:
    body = client.get("/api/conditions/shin_splint").json()
    assert "medial_tibial_stress_syndrome" in body["hint"]


def test_a_page_error_renders_the_same_envelope_as_a_page(client: TestClient) -> None:
    api = client.get("/api/conditions/shin_splint").json()
    page = client.get("/conditions/shin_splint")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    shown = text_of(page.text)
    assert api["error"].replace("'", "") in shown.replace("'", "")
    assert api["hint"] in shown
    assert DISCLAIMER in shown


def test_an_unexpected_exception_is_a_500_envelope_without_the_traceback(tmp_path: Any) -> None:
    with make_client(f"sqlite:///{tmp_path / 'log.db'}") as client:
        app = client.app
        assert isinstance(app, FastAPI)

        @app.get("/api/boom")
        def boom() -> None:
            raise ZeroDivisionError("secret internals")

        client_no_raise = TestClient(app, raise_server_exceptions=False)
        response = client_no_raise.get("/api/boom")
    assert response.status_code == 500
    body = response.json()
    assert set(body) == ENVELOPE_KEYS and body["status"] == 500
    assert "secret internals" not in response.text


@pytest.mark.parametrize(
    ("exc", "status"),
    [
        (UploadTooLargeError("x"), 413),
        (NotFoundError("x"), 404),
        (DataError("x"), 422),
        (UsageError("x"), 422),
        (DatabaseError("x"), 503),
        (KnowledgeError("x"), 500),
        (RuncoachError("x"), 400),
    ],
)
def test_each_runcoach_error_maps_to_its_status(exc: RuncoachError, status: int) -> None:
    assert status_of(exc) == status


def test_an_unknown_page_is_an_html_404_with_links_home(client: TestClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert 'href="/"' in response.text
