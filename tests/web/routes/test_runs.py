"""The log over the web: list (newest first), log by hand, and upload files, through the services."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from tests.log.importers.builders import T0, gpx, gz, line, zip_bytes
from tests.web.conftest import text_of


def test_a_run_logged_by_hand_is_listed_newest_first(client: TestClient) -> None:
    older = client.post("/api/runs", json={"distance": "8.2km", "duration": "45:10", "when": "2026-11-01"})
    newer = client.post(
        "/api/runs", json={"distance": 5, "duration": "30:00", "when": "2026-11-20", "type": "easy"}
    )
    assert older.status_code == newer.status_code == 201
    assert newer.json()["distance_m"] == 5000.0 and newer.json()["type"] == "easy"
    runs = client.get("/api/runs").json()
    assert runs["units"] == "km"
    assert [r["id"] for r in runs["runs"]] == [newer.json()["id"], older.json()["id"]]
    assert runs["runs"][1]["distance_m"] == 8200.0


def test_a_negative_distance_is_a_clear_422_and_nothing_is_stored(client: TestClient) -> None:
    for distance in ("-5km", -5, 0):
        response = client.post("/api/runs", json={"distance": distance, "duration": "30:00"})
        assert response.status_code == 422
        assert "distance" in response.json()["error"]
        assert "more than zero" in response.json()["error"]
    assert client.get("/api/runs").json()["runs"] == []


def test_an_impossible_pace_is_refused_by_the_service(client: TestClient) -> None:
    response = client.post("/api/runs", json={"distance": "42km", "duration": "10:00"})
    assert response.status_code == 422
    assert response.json()["error"].startswith("run not logged")
    assert client.get("/api/runs").json()["runs"] == []


def test_an_unknown_field_is_refused(client: TestClient) -> None:
    response = client.post("/api/runs", json={"distance": "5km", "duration": "30:00", "colour": "red"})
    assert response.status_code == 422
    assert "colour" in response.json()["error"]


def test_an_uploaded_gpx_is_imported_once(client: TestClient) -> None:
    data = gpx([line(400)])
    first = client.post("/api/import", files={"file": ("morning.gpx", data)})
    assert first.status_code == 200
    assert first.json()["imported"] == 1
    again = client.post("/api/import", files={"file": ("morning.gpx", data)})
    assert again.json() == {"imported": 0, "duplicates": 1, "failed": [], "warnings": [], "skipped": 0}
    runs = client.get("/api/runs").json()["runs"]
    assert len(runs) == 1 and runs[0]["source"] == "gpx" and runs[0]["name"] == "Morning Run"


def test_a_zip_and_a_gz_upload_are_read_in_memory(client: TestClient) -> None:
    second = T0 + timedelta(days=1)
    archive = zip_bytes(
        {"a.gpx": gpx([line(300)]), "b.gpx.gz": gz(gpx([line(300, start=second)])), "x.txt": b"no"}
    )
    report = client.post("/api/import", files={"file": ("export.zip", archive)}).json()
    assert report["imported"] == 2 and report["failed"] == []
    third = T0 + timedelta(days=2)
    single = client.post("/api/import", files={"file": ("c.gpx.gz", gz(gpx([line(300, start=third)])))})
    assert single.json()["imported"] == 1
    assert len(client.get("/api/runs").json()["runs"]) == 3


def test_a_broken_file_in_a_zip_is_reported_while_the_rest_is_imported(client: TestClient) -> None:
    archive = zip_bytes({"good.gpx": gpx([line(300)]), "bad.gpx": b"<gpx><trk>"})
    report = client.post("/api/import", files={"file": ("export.zip", archive)}).json()
    assert report["imported"] == 1
    assert [f["path"] for f in report["failed"]] == ["export.zip!bad.gpx"]


def test_the_runs_page_lists_the_log_and_offers_the_forms(client: TestClient) -> None:
    assert "No runs in the log yet." in text_of(client.get("/runs").text)
    response = client.post("/runs", data={"distance": "10km", "duration": "55:00", "when": "2026-11-02"})
    assert response.status_code == 200  # followed the redirect back to the list
    html = client.get("/runs").text
    assert "10.00 km" in html and "55:00" in html
    assert 'enctype="multipart/form-data"' in html


def test_the_page_form_refuses_bad_input_with_an_error_page(client: TestClient) -> None:
    response = client.post("/runs", data={"distance": "-3km", "duration": "20:00"})
    assert response.status_code == 422
    assert "more than zero" in text_of(response.text)
    assert client.get("/api/runs").json()["runs"] == []


def test_the_upload_form_shows_what_was_imported(client: TestClient) -> None:
    response = client.post("/runs/upload", files={"file": ("morning.gpx", gpx([line(400)]))})
    assert response.status_code == 200
    assert "Imported 1, 0 already in the log" in text_of(response.text)
    assert "Morning Run" in response.text
