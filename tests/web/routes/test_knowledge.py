"""The knowledge base over the web: the same documents as the CLI's --json."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from runcoach.services.knowledge import search_conditions
from tests.web.conftest import text_of


def test_the_knowledge_route_is_the_cli_document(client: TestClient, cli: Any) -> None:
    assert client.get("/api/knowledge").json() == cli("knowledge", "--json").json()


def test_the_search_finds_what_the_cli_finds(client: TestClient, cli: Any) -> None:
    body = client.get("/api/conditions", params={"q": "shin"}).json()
    ids = [c["id"] for c in body["conditions"]]
    assert ids == [c["id"] for c in cli("conditions", "shin", "--json").json()]
    assert "medial_tibial_stress_syndrome" in ids
    assert body["q"] == "shin"


def test_a_region_narrows_the_search(client: TestClient) -> None:
    body = client.get("/api/conditions", params={"region": "calf_achilles"}).json()
    expected = [h.condition.id for h in search_conditions(None, region="calf_achilles")]
    assert [c["id"] for c in body["conditions"]] == expected and expected
    everything = client.get("/api/conditions").json()["conditions"]
    assert len(body["conditions"]) < len(everything)


def test_one_condition_is_the_explain_document(client: TestClient, cli: Any) -> None:
    doc = client.get("/api/conditions/it_band_syndrome").json()
    assert doc == cli("explain", "it_band_syndrome", "--json").json()


def test_the_condition_pages_show_search_hits_and_the_condition(client: TestClient) -> None:
    hits = text_of(client.get("/conditions", params={"q": "shin"}).text)
    assert "Shin splints (medial tibial stress syndrome)" in hits
    page = client.get("/conditions/medial_tibial_stress_syndrome")
    doc = client.get("/api/conditions/medial_tibial_stress_syndrome").json()
    shown = text_of(page.text)
    assert doc["summary"] in shown
    assert doc["advice"]["relief"][0]["text"] in shown
    assert "Sources" in shown


def test_a_search_with_no_hit_says_so(client: TestClient) -> None:
    assert "No condition matches" in text_of(client.get("/conditions", params={"q": "zzzqqq"}).text)
