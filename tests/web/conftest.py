"""Web fixtures: the app over a temporary log (SQLite, and PostgreSQL when configured) and its client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

import pytest
from fastapi.testclient import TestClient

from runcoach.settings import Settings
from runcoach.web.app import create_app
from runcoach.web.settings import WebSettings


def make_client(db_url: str, **options: int) -> TestClient:
    return TestClient(create_app(WebSettings(settings=Settings(db_url=db_url), **options)))


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with make_client(db_url) as test_client:
        yield test_client


def hidden_fields(html: str) -> list[tuple[str, str]]:
    """(name, value) of every hidden input of a page, in order."""
    found = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html)
    return [(name, unescape(value)) for name, value in found]


def text_of(html: str) -> str:
    """The page's visible text, tags dropped and whitespace squeezed (for assertions on wording)."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body))).strip()
