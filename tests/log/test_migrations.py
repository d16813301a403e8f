from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from runcoach.errors import RuncoachError
from runcoach.log.db import make_engine, open_database
from runcoach.log.migrate import HEAD, alembic_config, current_revision, downgrade, known_revisions, upgrade
from runcoach.log.models import Base

BOTH = pytest.mark.parametrize(
    "fresh_db_url", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


def test_head_names_the_newest_revision() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD
    assert known_revisions()[-1] == HEAD


def test_revisions_are_numbered_in_order() -> None:
    revisions = known_revisions()
    assert revisions == [f"{n:04d}" for n in range(1, len(revisions) + 1)]


@BOTH
def test_it_upgrades_downgrades_and_upgrades_again(fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    try:
        upgrade(engine)
        assert current_revision(engine) == HEAD
        downgrade(engine, "base")
        assert current_revision(engine) is None
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(engine)
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()


@BOTH
def test_the_models_match_the_migrations(fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


@BOTH
def test_first_use_creates_the_schema(fresh_db_url: str) -> None:
    with open_database(fresh_db_url) as db:
        assert current_revision(db.engine) == HEAD
        assert "run" in inspect(db.engine).get_table_names()


def test_it_refuses_a_database_from_a_newer_runcoach(fresh_db_url: str) -> None:
    with open_database(fresh_db_url) as db, db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(RuncoachError, match="does not know"):
        open_database(fresh_db_url)


PLAN_TABLES = {"injury_episode", "episode_plan", "plan_report"}


@BOTH
def test_0002_adds_the_plan_tables_and_downgrading_to_0001_removes_only_them(fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    try:
        upgrade(engine, "0002")
        with_plans = set(inspect(engine).get_table_names())
        assert with_plans >= PLAN_TABLES
        downgrade(engine, "0001")
        assert current_revision(engine) == "0001"
        assert set(inspect(engine).get_table_names()) == with_plans - PLAN_TABLES
        upgrade(engine, "0002")
        assert set(inspect(engine).get_table_names()) == with_plans
    finally:
        engine.dispose()


@BOTH
def test_0003_adds_the_saved_conditions_and_downgrading_to_0002_removes_only_them(fresh_db_url: str) -> None:
    engine = make_engine(fresh_db_url)
    try:
        upgrade(engine)
        assert current_revision(engine) == "0003"
        latest = set(inspect(engine).get_table_names())
        downgrade(engine, "0002")
        assert set(inspect(engine).get_table_names()) == latest - {"condition_defaults"}
        upgrade(engine)
        assert set(inspect(engine).get_table_names()) == latest
    finally:
        engine.dispose()
