"""Today's plan session over the web: a 404 envelope with none in progress, the session once started."""

from __future__ import annotations

from fastapi.testclient import TestClient

from runcoach.log.db import open_database
from runcoach.services.plan_start import start_plan
from runcoach.services.plans import plan_today
from tests.web.conftest import text_of


def test_without_a_plan_the_api_says_404_and_the_page_says_how_to_start(client: TestClient) -> None:
    api = client.get("/api/plan/today")
    assert api.status_code == 404
    assert "plan start" in api.json()["hint"]
    page = client.get("/plan")
    assert page.status_code == 200
    shown = text_of(page.text)
    assert "no return-to-run plan in progress" in shown
    assert "plan start" in shown


def test_a_plan_in_progress_gives_today_s_session(client: TestClient, db_url: str) -> None:
    with open_database(db_url) as db:
        start_plan(db=db, plan="calf_strain", grade=2)
        expected = plan_today(db=db).to_json()
    api = client.get("/api/plan/today").json()
    assert api == expected
    shown = text_of(client.get("/plan").text)
    assert expected["episode"]["plan"]["name"] in shown
    assert expected["item"]["session"]["headline"] in shown
    for sign in expected["stop_signs"]:
        assert sign in shown
