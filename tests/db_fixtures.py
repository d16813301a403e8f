"""Database fixtures: every storage test runs on SQLite, and on PostgreSQL when
``RUNCOACH_TEST_POSTGRES_URL`` is set (``.ci/postgres.sh`` starts a throwaway server and sets it).

PostgreSQL tests use one fresh schema per test run (dropped at the end); each test starts from
empty tables. Import these fixtures in a folder's ``conftest.py``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from runcoach.log.db import Database, open_database

PG_ENV = "RUNCOACH_TEST_POSTGRES_URL"
TABLES = (
    "condition_defaults",
    "plan_report", "episode_plan", "injury_episode",
    "assessment", "training_session", "pain_entry", "checkin", "lap", "run_file", "run", "shoe", "runner",
)  # fmt: skip


def pg_url_with_schema(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def create_pg_schema(base: str, prefix: str = "rc_test") -> tuple[str, Callable[[], None]]:
    """A new empty schema on the server at ``base``: its URL and a function that drops it."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()

    return pg_url_with_schema(base, schema), drop


@pytest.fixture(scope="session")
def pg_session_url() -> Iterator[str | None]:
    """One schema for the whole test run (None when no PostgreSQL server is configured)."""
    base = os.environ.get(PG_ENV)
    if not base:
        yield None
        return
    url, drop = create_pg_schema(base)
    yield url
    drop()


def _empty_pg(url: str) -> None:
    with open_database(url) as db, db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, pg_session_url: str | None) -> str:
    """The URL of an empty, migrated log database (SQLite file, or PostgreSQL)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'log.db'}"
    if pg_session_url is None:
        pytest.skip(f"{PG_ENV} is not set (source .ci/postgres.sh to run the PostgreSQL tests)")
    _empty_pg(pg_session_url)
    return pg_session_url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def fresh_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of a database with nothing in it, not even the schema (migration tests)."""
    kind = getattr(request, "param", "sqlite")
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    url, drop = create_pg_schema(base, "rc_mig")
    yield url
    drop()


@pytest.fixture
def cli_db(cli: Any, db_url: str) -> Callable[..., Any]:
    """Run the CLI against the test database: ``cli_db("runs", "--json")``."""

    def run(*args: str) -> Any:
        return cli("--db", db_url, *args)

    return run
