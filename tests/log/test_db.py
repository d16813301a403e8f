from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from runcoach.errors import RuncoachError
from runcoach.log.db import Database, open_database
from runcoach.log.models import Run, Runner
from runcoach.log.runners import DEFAULT_RUNNER, get_runner
from runcoach.settings import Settings


def _run(runner_id: int, start: datetime) -> Run:
    return Run(runner_id=runner_id, start=start, sport="running", elapsed_s=60, source="manual", notes="")


def test_it_refuses_a_naive_datetime(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), db.session() as session:
        runner = get_runner(session)
        session.add(_run(runner.id, datetime(2026, 3, 1, 7, 0)))
        session.flush()


def test_it_stores_utc_and_gives_back_aware_datetimes(db: Database) -> None:
    local = datetime(2026, 3, 1, 7, 0, tzinfo=timezone(timedelta(hours=2)))
    with db.session() as session:
        session.add(_run(get_runner(session).id, local))
    with db.session() as session:
        start = session.scalars(select(Run.start)).one()
    assert start == local
    assert start.tzinfo is not None and start.utcoffset() == timedelta(0)
    assert start.hour == 5


def test_a_session_rolls_back_when_the_block_raises(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(_run(get_runner(session).id, datetime(2026, 3, 1, tzinfo=UTC)))
        session.flush()
        raise RuntimeError("crash")
    with db.session() as session:
        assert session.scalars(select(Run)).all() == []


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(_run(999, datetime(2026, 3, 1, tzinfo=UTC)))
        session.flush()


def test_the_default_runner_is_created_once(db: Database) -> None:
    with db.session() as session:
        first = get_runner(session).id
    with db.session() as session:
        assert get_runner(session).id == first
        assert [r.name for r in session.scalars(select(Runner))] == [DEFAULT_RUNNER]


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with open_database(f"sqlite:///{tmp_path / 'x.db'}") as db, db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_the_default_database_lives_in_the_data_folder_which_is_created(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "deep" / "home")
    with open_database(settings) as db:
        assert db.url == f"sqlite:///{tmp_path / 'deep' / 'home' / 'runcoach.db'}"
    assert (tmp_path / "deep" / "home" / "runcoach.db").exists()


@pytest.mark.parametrize("url", ["nonsense://x", "postgresql+nodriver://u@h/db"])
def test_an_unusable_url_is_a_clear_error(url: str) -> None:
    with pytest.raises(RuncoachError) as info:
        open_database(url)
    assert url.split(":")[0] in info.value.message
    assert info.value.hint


def test_an_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(RuncoachError, match="cannot open the database"):
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:9/none?connect_timeout=2")
