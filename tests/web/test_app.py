"""The app: every page renders over an empty log, says runcoach is a coach, and loads nothing remote."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from runcoach import DISCLAIMER
from tests.web.conftest import make_client

PAGES = ["/", "/assess", "/today", "/runs", "/plan", "/conditions", "/conditions?q=shin",
         "/conditions/it_band_syndrome"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_and_says_it_is_a_coach_not_a_doctor(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert DISCLAIMER in response.text


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_the_network(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', html)
    assert "<script" not in html  # the pages work without JavaScript


def test_the_stylesheet_ships_with_the_package(client: TestClient) -> None:
    response = client.get("/static/runcoach.css")
    assert response.status_code == 200
    assert ".red-flags" in response.text
    assert "http" not in response.text  # no web fonts, no imports


def test_the_app_uses_the_database_its_settings_name(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("logs")
    first, second = f"sqlite:///{folder / 'a.db'}", f"sqlite:///{folder / 'b.db'}"
    with make_client(first) as a, make_client(second) as b:
        assert a.post("/api/runs", json={"distance": "5km", "duration": "30:00"}).status_code == 201
        assert len(a.get("/api/runs").json()["runs"]) == 1
        assert b.get("/api/runs").json()["runs"] == []
    assert (folder / "a.db").exists()


def test_the_database_is_opened_once_and_closed_at_shutdown(db_url: str) -> None:
    with make_client(db_url) as client:
        client.get("/api/runs")
        opened = client.app.state.db  # type: ignore[attr-defined]
        client.get("/runs")
        assert client.app.state.db is opened  # type: ignore[attr-defined]
    assert client.app.state.db is None  # type: ignore[attr-defined]


def test_the_cdn_backed_interactive_docs_are_off_and_the_schema_is_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    schema = client.get("/openapi.json").json()
    assert "/api/assess" in schema["paths"]
