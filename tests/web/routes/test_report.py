"""The report for a physio, as HTML over the web."""

from __future__ import annotations

from fastapi.testclient import TestClient

from runcoach import DISCLAIMER


def test_the_report_is_the_html_document_with_the_disclaimer(client: TestClient) -> None:
    client.post("/api/runs", json={"distance": "6km", "duration": "33:00", "when": "2026-11-03"})
    response = client.get("/api/report.html", params={"since": "2026-10-01", "until": "2026-11-30"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.lstrip().lower().startswith("<!doctype html>")
    assert DISCLAIMER in response.text
    assert "1 Oct 2026 to 30 Nov 2026" in response.text
