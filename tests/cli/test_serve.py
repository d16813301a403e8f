"""``runcoach serve``: uvicorn gets the app over the CLI's database, on the host and port asked for."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(app: Any, **options: Any) -> None:
        seen["app"], seen["options"] = app, options

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return seen


def test_serve_runs_the_app_on_localhost_port_8000_by_default(cli: Any, served: dict[str, Any]) -> None:
    result = cli("serve")
    assert result.exit_code == 0, result.stderr
    assert served["options"]["host"] == "127.0.0.1" and served["options"]["port"] == 8000
    assert isinstance(served["app"], FastAPI)
    assert "http://127.0.0.1:8000/" in result.stderr
    assert result.stdout == ""


def test_serve_uses_the_db_option_host_port_and_upload_cap(
    cli: Any, served: dict[str, Any], tmp_path: Any
) -> None:
    url = f"sqlite:///{tmp_path / 'other.db'}"
    result = cli("--db", url, "serve", "--host", "0.0.0.0", "--port", "8123", "--max-upload-mb", "5")
    assert result.exit_code == 0, result.stderr
    settings = served["app"].state.web_settings
    assert settings.settings.database_url == url
    assert settings.max_upload_bytes == 5 * 1024 * 1024
    assert served["options"]["host"] == "0.0.0.0" and served["options"]["port"] == 8123


def test_serve_refuses_a_port_out_of_range(cli: Any, served: dict[str, Any]) -> None:
    result = cli("serve", "--port", "70000")
    assert result.exit_code != 0
    assert "app" not in served


def test_serve_is_listed_in_help(cli: Any) -> None:
    assert "serve" in cli("--help").stdout
