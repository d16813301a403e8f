"""The upload cap: too large an upload is a 413 envelope and stores nothing."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from tests.log.importers.builders import gpx, line
from tests.web.conftest import make_client

MB = 1024 * 1024


def test_a_50_mb_upload_is_refused_with_413_and_nothing_is_stored(client: TestClient) -> None:
    big = gpx([line(50)]) + b" " * (50 * MB)
    response = client.post("/api/import", files={"file": ("huge.gpx", big)})
    assert response.status_code == 413
    body = response.json()
    assert body == {"ok": False, "error": body["error"], "hint": body["hint"], "status": 413}
    assert "larger than the 20 MB" in body["error"]
    assert client.get("/api/runs").json()["runs"] == []


def test_the_page_upload_is_capped_too_and_says_so_on_a_page(client: TestClient) -> None:
    response = client.post("/runs/upload", files={"file": ("huge.gpx", b"x" * (21 * MB))})
    assert response.status_code == 413
    assert "text/html" in response.headers["content-type"]
    assert "larger than the 20 MB" in response.text


def test_the_cap_is_a_setting_and_a_file_under_it_is_imported(db_url: str) -> None:
    data = gpx([line(200)])
    with make_client(db_url, max_upload_bytes=len(data) + 1024) as client:
        assert client.post("/api/import", files={"file": ("run.gpx", data)}).status_code == 200
        over = data + b" " * 2048
        assert client.post("/api/import", files={"file": ("run2.gpx", over)}).status_code == 413
        assert len(client.get("/api/runs").json()["runs"]) == 1


def test_a_chunked_upload_without_a_length_is_stopped_at_the_cap(db_url: str) -> None:
    boundary = "rcboundary"

    def body() -> Iterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="run.gpx"\r\n'
            "Content-Type: application/gpx+xml\r\n\r\n"
        ).encode()
        for _ in range(40):
            yield b" " * 64 * 1024
        yield f"\r\n--{boundary}--\r\n".encode()

    with make_client(db_url, max_upload_bytes=1 * MB) as client:
        response = client.post(
            "/api/import",
            content=body(),
            headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        )
        assert response.status_code == 413
        assert response.json()["status"] == 413
        assert client.get("/api/runs").json()["runs"] == []
