"""Today over the web: the today-check's document, and the page that shows it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.web.conftest import text_of


def test_the_today_route_gives_the_cli_document(client: TestClient, cli_db: Any) -> None:
    api = client.get("/api/today", params={"temp": "30C", "humidity": 85}).json()
    cli = cli_db("today", "--temp", "30C", "--humidity", "85", "--json").json()
    assert api["decision"] == cli["decision"]
    assert api["reasons"] == cli["reasons"]
    assert api["hot_or_humid"] is True
    assert api["disclaimer"]


def test_blank_form_fields_count_as_not_given(client: TestClient) -> None:
    blanks = {"temp": "", "humidity": "", "pollen": " ", "altitude": "", "ate": "", "minutes": "", "at": ""}
    blank = client.get("/api/today", params=blanks)
    assert blank.status_code == 200
    assert blank.json()["decision"] == client.get("/api/today").json()["decision"]
    assert client.get("/today", params=blanks).status_code == 200


def test_the_page_shows_the_light_the_label_and_the_reasons(client: TestClient) -> None:
    api = client.get("/api/today", params={"pollen": "high"}).json()
    html = client.get("/today", params={"pollen": "high"}).text
    assert f'class="lamp {api["decision"]} on"' in html
    shown = text_of(html)
    assert api["label"] in shown
    for reason in api["reasons"]:
        assert reason["text"] in shown
    for drink in api["drinks"]:
        assert f"{drink['label']} {drink['value']} {drink['note']}" in shown


def test_a_bad_value_is_an_error_page(client: TestClient) -> None:
    response = client.get("/today", params={"pollen": "extreme"})
    assert response.status_code == 422
    assert "extreme" in text_of(response.text)
